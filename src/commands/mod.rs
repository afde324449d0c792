//! One file per command, groups as folders. Each owns its clap arguments and a `run`.

pub mod backup;
pub mod cleanup;
pub mod completions;
pub mod db;
pub mod local;
pub mod monitor;
pub mod partitions;
pub mod report;
pub mod restore;
pub mod schedule;

use anyhow::Result;

use crate::cli::Command;
use crate::ctx::Ctx;

pub async fn dispatch(command: Command, ctx: &Ctx) -> Result<()> {
    // The runs of scheduled jobs are recorded, whoever started them; `schedule run` records
    // its children's runs itself.
    let job = scheduled_job(&command)
        .filter(|_| std::env::var_os(crate::schedule::history::SCHEDULED_ENV).is_none());
    let Some(job) = job else {
        return run(command, ctx).await;
    };
    let recorder = crate::schedule::record::begin(ctx, job).await;
    let result = run(command, ctx).await;
    recorder.end(ctx, &result).await;
    result
}

/// The job of the timetable a command is a run of (a dry run is none).
fn scheduled_job(command: &Command) -> Option<&'static str> {
    match command {
        Command::Partitions(partitions::PartitionsCommand::Rotate(a)) if !a.dry_run => {
            Some("rotate")
        }
        Command::Cleanup(a) if !a.dry_run => Some("cleanup"),
        Command::Backup(backup::BackupCommand::Create(a)) => Some(if a.critical {
            "backup-critical"
        } else {
            "backup"
        }),
        Command::Backup(backup::BackupCommand::Prune(a)) if !a.dry_run => Some("prune"),
        Command::Monitor(monitor::MonitorArgs {
            report: Some(monitor::MonitorCommand::Check(_)),
            ..
        }) => Some("check"),
        _ => None,
    }
}

async fn run(command: Command, ctx: &Ctx) -> Result<()> {
    match command {
        Command::Db(c) => db::dispatch(c, ctx).await,
        Command::Local(c) => local::run(c, ctx).await,
        Command::Report(c) => report::dispatch(c, ctx).await,
        Command::Completions(a) => completions::run(&a),
        Command::Partitions(c) => partitions::dispatch(c, ctx).await,
        Command::Monitor(a) => Box::pin(monitor::run(a, ctx)).await,
        Command::Backup(c) => Box::pin(backup::dispatch(c, ctx)).await,
        Command::Restore(a) => Box::pin(restore::run(&a, ctx)).await,
        Command::Cleanup(a) => Box::pin(cleanup::run(&a, ctx)).await,
        Command::Schedule(c) => Box::pin(schedule::dispatch(c, ctx)).await,
    }
}
