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

/// Runs a command without handling signals (`schedule run` handles its own).
pub async fn dispatch(command: Command, ctx: &Ctx) -> Result<()> {
    run(command, ctx).await
}

/// Runs a command until it ends or SIGINT/SIGTERM stops it (see `interrupt`). The runs of
/// scheduled jobs are recorded, whoever started them (`schedule run` records its children's
/// runs itself): arguments are checked first (a run refused for them never ran), and a run
/// stopped by a signal is recorded as `failed`, "interrupted by SIGINT", within a bounded time.
pub async fn dispatch_until_signal(command: Command, ctx: &Ctx) -> Result<()> {
    let mut guard = crate::interrupt::Guard::install()?;
    let job = scheduled_job(&command)
        .filter(|_| std::env::var_os(crate::schedule::history::SCHEDULED_ENV).is_none());
    let Some(job) = job else {
        return guard.run(run(command, ctx)).await;
    };
    check_args(&command)?;
    let recorder = guard
        .run(async { Ok(crate::schedule::record::begin(ctx, job).await) })
        .await?;
    let result = guard.run(run(command, ctx)).await;
    match result
        .as_ref()
        .err()
        .and_then(crate::interrupt::signal_name)
    {
        Some(signal) => {
            guard
                .finish_within(STOPPED_RECORD_LIMIT, recorder.end_stopped(ctx, signal))
                .await;
        }
        None => {
            guard
                .run(async {
                    recorder.end(ctx, &result).await;
                    Ok(())
                })
                .await?;
        }
    }
    result
}

/// How long recording the end of a run stopped by a signal may take in all.
const STOPPED_RECORD_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// The checks of a scheduled job's arguments that need no database, made before its run is
/// recorded: a usage error records nothing. (Those that need the database, such as an unknown
/// table, remove the run's row when it ends.)
fn check_args(command: &Command) -> Result<()> {
    match command {
        Command::Monitor(monitor::MonitorArgs {
            report: Some(monitor::MonitorCommand::Check(a)),
            ..
        }) => a.thresholds().map(drop),
        Command::Backup(backup::BackupCommand::Prune(a)) => a.check_keep(),
        _ => Ok(()),
    }
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
