//! `promail report user-stats`: the view `user_stats`, one row per user.

use anyhow::Result;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::report;

/// Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)
///
/// One row per user, by id. Counts are exact (each table aggregated on its own).
#[derive(Debug, Args)]
pub struct UserStatsArgs {
    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &UserStatsArgs, ctx: &Ctx) -> Result<()> {
    let db = ctx.connect().await?;
    let rows = report::query(&db, "user-stats", report::USER_STATS, &[]).await?;
    ctx.out.rows(args.format.format, &rows)
}
