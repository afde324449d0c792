//! `promail backup verify`: prove that a backup reads in full (and with --restore, that it
//! restores with the same rows).

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use clap::Args;

use super::DirOpts;
use crate::backup::{self, restore, verify};
use crate::ctx::Ctx;
use crate::error::hint;

/// Checks a backup: its SHA-256 against `NAME.sha256`, then a full read of the archive by
/// pg_restore (a truncated file fails here), and for a critical backup that the data of users,
/// emails and templates is inside. Exits 1 naming the problem.
///
/// FILE is a name as `backup list` prints it, looked up in the backup folder (--dir, else the
/// default), or a path with a `/` used as given (`./NAME` for one in the current folder).
///
/// With --restore, also restores it into a throwaway database on the server (created, checked,
/// dropped): the schema version and every table's row count must equal the manifest's.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The archive: a name in the backup folder (`promail_….dump`, `critical_….dump`,
    /// `….dir`), or a path with a `/`
    #[arg(
        value_name = "FILE",
        required_unless_present = "latest",
        conflicts_with = "latest"
    )]
    pub file: Option<PathBuf>,

    /// The newest backup in the folder
    #[arg(long)]
    pub latest: bool,

    #[command(flatten)]
    pub dir: DirOpts,

    /// Also restore it into a throwaway database and compare the row counts
    #[arg(long)]
    pub restore: bool,
}

pub async fn run(args: &VerifyArgs, ctx: &Ctx) -> Result<()> {
    let path = match &args.file {
        Some(f) => backup::resolve_archive(f, args.dir.dir.as_deref())?,
        None => latest(args)?,
    };
    // With --restore, the pg_restore is picked for the server it restores into.
    if args.restore {
        // The throwaway database is created on the server: a primary.
        ctx.will_write();
    }
    let server = if args.restore {
        Some(ctx.connect().await?.server.major)
    } else {
        None
    };
    let v = verify::verify(&path, server).await?;
    let what = format!(
        "{} backup {} ({} tables, {} rows)",
        v.kind.as_str(),
        path.display(),
        v.manifest.tables.len(),
        v.manifest.total_rows()
    );
    if args.restore {
        let checked = restore::rehearse(ctx, &v).await?;
        ctx.out.info(format!(
            "ok: {what}: checksum, full read, restored into a throwaway database with the same {checked} row counts"
        ));
    } else {
        ctx.out
            .info(format!("ok: {what}: checksum and full read by pg_restore"));
    }
    Ok(())
}

fn latest(args: &VerifyArgs) -> Result<PathBuf> {
    let folder = backup::Folder::open(args.dir.dir.as_deref())?;
    folder.scan()?.pop().map(|b| b.path).ok_or_else(|| {
        hint(
            anyhow!("{}", folder.empty_message()),
            "make one with `promail backup create`",
        )
    })
}
