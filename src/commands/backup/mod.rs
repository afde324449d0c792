//! `promail backup …`: create, list, verify and prune backups.

pub mod create;
pub mod list;
pub mod prune;
pub mod verify;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::ctx::Ctx;

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Dump the database (pg_dump) with a checksum and a manifest of exact row counts
    Create(create::CreateArgs),
    /// List the backups in the folder: kind, time, size, checksum, manifest
    List(list::ListArgs),
    /// Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)
    Verify(verify::VerifyArgs),
    /// Delete old backups (--keep N, --keep-days D), never the newest good one
    Prune(prune::PruneArgs),
}

pub async fn dispatch(command: BackupCommand, ctx: &Ctx) -> Result<()> {
    match command {
        BackupCommand::Create(a) => create::run(&a, ctx).await,
        BackupCommand::List(a) => list::run(&a, ctx),
        BackupCommand::Verify(a) => verify::run(&a, ctx).await,
        BackupCommand::Prune(a) => prune::run(&a, ctx).await,
    }
}

/// `--dir`, shared by the backup commands.
#[derive(Debug, Args, Clone)]
pub struct DirOpts {
    /// The backup folder [default: /var/backups/promail as root, else
    /// ~/.local/share/promail/backups, made by `backup create` when missing (before that it
    /// holds no backup). A folder given here must exist]
    #[arg(long, env = "PROMAIL_BACKUP_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}
