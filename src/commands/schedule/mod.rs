//! `promail schedule`: the maintenance timetable kept in the database, and the ways to run it.

pub mod emit;
pub mod list;
pub mod pgcron;
pub mod run;
pub mod set;

use anyhow::Result;
use clap::Subcommand;

use crate::ctx::Ctx;

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Each job: its expression, in words, whether enabled, its next runs, its last run
    List(list::ListArgs),
    /// Change a job's cron expression
    Set(set::SetArgs),
    /// Let a job run on its schedule
    Enable(set::JobArg),
    /// Keep a job from running on its schedule (it can still be run by hand)
    Disable(set::JobArg),
    /// Run the timetable in the foreground (for containers and hosts without cron)
    Run(run::RunArgs),
    /// Print crontab lines that run the timetable
    Crontab(emit::CrontabArgs),
    /// Print or write systemd .service and .timer units that run the timetable
    Systemd(emit::SystemdArgs),
    /// Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it
    #[command(name = "pg-cron", subcommand)]
    PgCron(pgcron::PgCronCommand),
}

pub async fn dispatch(command: ScheduleCommand, ctx: &Ctx) -> Result<()> {
    match command {
        ScheduleCommand::List(a) => list::run(&a, ctx).await,
        ScheduleCommand::Set(a) => set::run(&a, ctx).await,
        ScheduleCommand::Enable(a) => set::enable(&a, true, ctx).await,
        ScheduleCommand::Disable(a) => set::enable(&a, false, ctx).await,
        ScheduleCommand::Run(a) => run::run(&a, ctx).await,
        ScheduleCommand::Crontab(a) => emit::crontab(&a, ctx).await,
        ScheduleCommand::Systemd(a) => emit::systemd(&a, ctx).await,
        ScheduleCommand::PgCron(c) => pgcron::run(&c, ctx).await,
    }
}
