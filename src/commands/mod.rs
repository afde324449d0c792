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
