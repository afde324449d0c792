//! `promail schedule set JOB EXPR`, `enable JOB`, `disable JOB`.

use anyhow::Result;
use clap::Args;

use crate::ctx::Ctx;
use crate::schedule::{timetable, Expr};

/// Changes a job's cron expression: crontab's five fields (minute hour day-of-month month
/// day-of-week; 0 and 7 are Sunday; when both day fields are given a day matching either runs)
/// or its nicknames (@hourly, @daily, @weekly, @monthly, @yearly), or six or seven with seconds first (second minute hour day-of-month month day-of-week
/// [year]; days of the week by name there, as MON-FRI). Times are in the server's TimeZone. An
/// expression that never fires (30 February) is refused.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The job (see `promail schedule list`)
    pub job: String,
    /// The cron expression, quoted: "30 1 * * *"
    #[arg(allow_hyphen_values = true)]
    pub expr: String,
}

#[derive(Debug, Args)]
pub struct JobArg {
    /// The job (see `promail schedule list`)
    pub job: String,
}

pub async fn run(args: &SetArgs, ctx: &Ctx) -> Result<()> {
    let expr = Expr::parse(&args.expr)?;
    ctx.will_write();
    let db = ctx.connect().await?;
    let job = timetable::update(&db, &args.job, Some(&expr), None).await?;
    let zone = timetable::zone(&db).await?;
    let next = expr
        .next_after(&zone.tz, chrono::Utc::now())
        .map(|t| {
            t.with_timezone(&zone.tz)
                .format("%Y-%m-%d %H:%M:%S %:z")
                .to_string()
        })
        .unwrap_or_default();
    ctx.out.info(format!(
        "{}: {} ({}){}; next run {next} ({})",
        job.name,
        job.expr,
        expr.describe(),
        if job.enabled { "" } else { ", disabled" },
        zone.name
    ));
    Ok(())
}

pub async fn enable(args: &JobArg, enabled: bool, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let db = ctx.connect().await?;
    let job = timetable::update(&db, &args.job, None, Some(enabled)).await?;
    ctx.out.info(format!(
        "{}: {} ({})",
        job.name,
        if job.enabled { "enabled" } else { "disabled" },
        job.expr
    ));
    Ok(())
}
