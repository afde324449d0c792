//! `promail partitions rotate [TABLE…]`: the nightly job, per managed table: premake, move rows
//! out of DEFAULT, retention.

use anyhow::Result;
use chrono::NaiveDateTime;
use clap::Args;

use crate::ctx::Ctx;
use crate::partition::maintain::{self, Job, Options};

/// Safe to run from cron with no flags: policies come from promail.partition_policy (see
/// `promail partitions policy`). Prints one line per change on stderr and nothing when nothing
/// changed. A second run started meanwhile waits for the first (--lock-wait), then finds nothing
/// to do, or exits 0 saying that another run holds the lock.
#[derive(Debug, Args)]
pub struct RotateArgs {
    /// Only these tables (default: every table with a policy)
    pub tables: Vec<String>,

    /// Print the plan on stdout and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it);
    /// by default a large DEFAULT partition's periods are found on its index and their rows
    /// estimated, shown with ≈
    #[arg(long)]
    pub exact: bool,

    /// Plan as of this date instead of the server's clock (retention never counts from a date
    /// after the server's clock)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDateTime>,

    #[command(flatten)]
    pub lock: super::LockOpts,
}

pub async fn run(args: &RotateArgs, ctx: &Ctx) -> Result<()> {
    if !args.dry_run {
        ctx.will_write();
    }
    let db = ctx.connect().await?;
    let opts = Options {
        tables: args.tables.clone(),
        as_of: args.as_of,
        dry_run: args.dry_run,
        exec: args.lock.settings(ctx),
        lock_wait: args.lock.lock_wait,
        exact: args.exact,
    };
    let summary = maintain::run(&db, &ctx.out, Job::Rotate { retention: true }, &opts).await?;
    if let Some(why) = summary.skipped {
        ctx.skipped(why);
    }
    Ok(())
}
