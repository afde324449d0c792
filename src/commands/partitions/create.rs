//! `promail partitions create TABLE --from DATE --to DATE`: the partitions covering a range.

use anyhow::Result;
use chrono::NaiveDateTime;
use clap::Args;

use crate::ctx::Ctx;
use crate::partition::maintain::{self, Job, Options};

/// Every period touching [--from, --to) gets its partition unless one already covers it; rows of
/// those periods sitting in DEFAULT are moved into them. No retention.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The managed table (see `promail partitions policy`)
    pub table: String,

    /// First day of the range
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub from: NaiveDateTime,

    /// End of the range (exclusive)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub to: NaiveDateTime,

    /// Print the plan on stdout and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it);
    /// by default a large DEFAULT partition's periods are found on its index and their rows
    /// estimated, shown with ≈
    #[arg(long)]
    pub exact: bool,

    #[command(flatten)]
    pub lock: super::LockOpts,
}

pub async fn run(args: &CreateArgs, ctx: &Ctx) -> Result<()> {
    if !args.dry_run {
        ctx.will_write();
    }
    if args.from >= args.to {
        return Err(crate::error::usage(format!(
            "--from {} is not before --to {}",
            args.from.date(),
            args.to.date()
        )));
    }
    let db = ctx.connect().await?;
    let opts = Options {
        tables: vec![args.table.clone()],
        as_of: None,
        dry_run: args.dry_run,
        exec: args.lock.settings(ctx),
        lock_wait: args.lock.lock_wait,
        exact: args.exact,
    };
    let job = Job::Range {
        from: args.from,
        to: args.to,
    };
    maintain::run(&db, &ctx.out, job, &opts).await?;
    Ok(())
}
