//! `promail report email-types`: the view `email_type_performance`, one row per e-mail type.

use anyhow::Result;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::report;

/// Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)
///
/// One row per e-mail type, most generated first. avg_generation_time is updated_at - created_at in seconds.
#[derive(Debug, Args)]
pub struct EmailTypesArgs {
    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &EmailTypesArgs, ctx: &Ctx) -> Result<()> {
    let db = ctx.connect().await?;
    let rows = report::query(&db, "email-types", report::EMAIL_TYPES, &[]).await?;
    ctx.out.rows(args.format.format, &rows)
}
