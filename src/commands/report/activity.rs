//! `promail report activity`: the view `user_activity`, one row per user.

use anyhow::Result;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::report;

/// Per user: active days, e-mails generated, successful logins, last activity (view user_activity)
///
/// One row per user, by id: days with at least one e-mail, e-mails, successful logins.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &ActivityArgs, ctx: &Ctx) -> Result<()> {
    let db = ctx.connect().await?;
    let rows = report::query(&db, "activity", report::ACTIVITY, &[]).await?;
    ctx.out.rows(args.format.format, &rows)
}
