//! `promail db baseline`: adopt a database that was created by hand from the seed.

use anyhow::Result;
use clap::Args;

use crate::ctx::Ctx;
use crate::migrate;

use super::migrate::{LockWaitArgs, SourceArgs, SyncWaitArgs};

/// Records the migrations up to --version as applied without running them, for a database
/// created by hand from the seed; `promail db migrate` then applies the later ones.
///
/// Refuses, naming what is missing, when the database lacks part of the seed's schema (one of
/// the seven tables or a key column, the range partitioning of login_history and
/// email_analytics, a report view or function), or when it already has a migration history.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The last version the database already has (1 = the seed schema)
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub version: i32,

    #[command(flatten)]
    pub lock_wait: LockWaitArgs,

    #[command(flatten)]
    pub sync_wait: SyncWaitArgs,

    #[command(flatten)]
    pub source: SourceArgs,
}

pub async fn run(args: &BaselineArgs, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let known = args.source.source().load()?;
    let adopted = migrate::baseline(
        ctx,
        &known,
        args.version,
        args.lock_wait.lock_wait,
        args.sync_wait.sync_wait,
    )
    .await?;
    for m in &adopted {
        ctx.out
            .info(format!("recorded {} as baseline (not run)", m.label()));
    }
    Ok(())
}
