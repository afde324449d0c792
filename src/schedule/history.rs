//! The run history, `promail.schedule_run`: every run of a scheduled job, whoever started it,
//! gets a row (start, end, outcome, one-line summary, host and pid), pruned as it grows by
//! `promail.prune_schedule_runs()`.
//!
//! Recording is best-effort: the caller decides what to say when it fails, and a failure to
//! record never fails the job.

use anyhow::Result;
use chrono::{DateTime, Utc};
use tokio_postgres::Client;

use crate::pg::PgExt;

const START_SQL: &str = include_str!("../../sql/schedule/run_start.sql");
const END_SQL: &str = include_str!("../../sql/schedule/run_end.sql");
const SKIPPED_SQL: &str = include_str!("../../sql/schedule/run_skipped.sql");

/// Set in the environment of the jobs `schedule run` starts: the scheduler records their runs
/// itself, so the child does not.
pub const SCHEDULED_ENV: &str = "PROMAIL_SCHEDULED";

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Failed,
    /// Did nothing: another run of the same work held its lock.
    Skipped,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::Skipped => "skipped",
        }
    }
}

/// Who started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartedBy {
    Hand,
    Scheduler,
}

impl StartedBy {
    fn as_str(self) -> &'static str {
        match self {
            StartedBy::Hand => "hand",
            StartedBy::Scheduler => "scheduler",
        }
    }
}

/// This machine's name, for the history's `host` column.
pub fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// Readies a session for writing history: its commits do not wait for a synchronous standby
/// (a history row lost in a failover is acceptable; a job hung on one is not, and the jobs
/// bound their own waits with --sync-wait).
pub async fn prepare(client: &Client) -> Result<()> {
    client
        .batch_execute("SET synchronous_commit = local")
        .await
        .pg()
}

/// Records the start of a run; returns its id.
pub async fn start(
    client: &Client,
    job: &str,
    slot: Option<DateTime<Utc>>,
    by: StartedBy,
    pid: u32,
) -> Result<i64> {
    let pid = i32::try_from(pid).unwrap_or(i32::MAX);
    Ok(client
        .query_one(START_SQL, &[&job, &slot, &host(), &pid, &by.as_str()])
        .await
        .pg()?
        .get(0))
}

/// Records the end of a run, then prunes the history.
pub async fn finish(client: &Client, id: i64, outcome: Outcome, summary: &str) -> Result<()> {
    client
        .execute(END_SQL, &[&id, &outcome.as_str(), &one_line(summary)])
        .await
        .pg()?;
    client
        .execute("SELECT promail.prune_schedule_runs()", &[])
        .await
        .pg()?;
    Ok(())
}

/// Removes the row of a run that never ran (refused for its arguments).
pub async fn forget(client: &Client, id: i64) -> Result<()> {
    client
        .execute("DELETE FROM promail.schedule_run WHERE id = $1", &[&id])
        .await
        .pg()?;
    Ok(())
}

/// Records a slot skipped because the job was running elsewhere.
pub async fn skipped(client: &Client, job: &str, slot: DateTime<Utc>, why: &str) -> Result<()> {
    let pid = i32::try_from(std::process::id()).unwrap_or(i32::MAX);
    client
        .execute(SKIPPED_SQL, &[&job, &slot, &host(), &pid, &one_line(why)])
        .await
        .pg()?;
    Ok(())
}

/// One line of at most 500 characters.
pub fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(500) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}
