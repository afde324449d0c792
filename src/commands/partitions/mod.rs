//! `promail partitions …`: list, create, rotate and the policies; the options they share.

pub mod create;
pub mod list;
pub mod policy;
pub mod rotate;

use std::time::Duration;

use anyhow::Result;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::{Args, Subcommand};

use crate::ctx::Ctx;
use crate::partition::exec::Settings;

#[derive(Debug, Subcommand)]
pub enum PartitionsCommand {
    /// Show each managed table's partitions (bounds, estimated rows, size) and health
    #[command(
        after_long_help = "Output: table prints the partitions, then the health; json one \
        object {\"now\", \"partitions\": [...], \"health\": [...]}; csv the partitions. With \
        --health, only the health rows: a JSON array, or CSV."
    )]
    List(list::ListArgs),
    /// Create the partitions covering a date range (for backfills); existing ones are left alone
    Create(create::CreateArgs),
    /// The nightly job: premake partitions, move rows out of DEFAULT, apply retention
    Rotate(rotate::RotateArgs),
    /// Show the partition policies, or change one with `policy set`
    Policy(policy::PolicyArgs),
}

pub async fn dispatch(command: PartitionsCommand, ctx: &Ctx) -> Result<()> {
    match command {
        PartitionsCommand::List(a) => list::run(&a, ctx).await,
        PartitionsCommand::Create(a) => create::run(&a, ctx).await,
        PartitionsCommand::Rotate(a) => rotate::run(&a, ctx).await,
        PartitionsCommand::Policy(a) => policy::run(a, ctx).await,
    }
}

/// How changes wait for locks (shared by `rotate`, `create` and `cleanup`).
#[derive(Debug, Args, Clone, Copy)]
pub struct LockOpts {
    /// Longest wait for a table lock per DDL statement; the application's statements queue
    /// behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = crate::duration::parse, env = "PROMAIL_LOCK_TIMEOUT")]
    pub lock_timeout: Duration,

    /// Attempts after a lock timeout, with a growing pause in between, before failing
    #[arg(
        long,
        value_name = "N",
        default_value_t = 3,
        env = "PROMAIL_LOCK_RETRIES"
    )]
    pub retries: u32,

    /// Longest wait for another promail run of the same kind to finish (advisory lock)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::duration::parse, env = "PROMAIL_LOCK_WAIT")]
    pub lock_wait: Duration,

    /// Longest wait of each commit for the server's synchronous standbys to confirm it; then
    /// the wait is cancelled and the command fails, saying the change is committed on the
    /// primary only
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = crate::duration::parse, env = "PROMAIL_SYNC_WAIT")]
    pub sync_wait: Duration,
}

impl LockOpts {
    pub fn settings(&self, ctx: &Ctx) -> Settings {
        Settings {
            lock_timeout: self.lock_timeout,
            retries: self.retries,
            verbose: ctx.out.verbose > 0 && !ctx.out.quiet,
            sync_wait: self.sync_wait,
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (a timestamp without time zone, as the key columns).
pub fn parse_date(s: &str) -> Result<NaiveDateTime, String> {
    let t = s.trim();
    // chrono reads `26-01-01` as the year 26: a four-digit year is asked for instead.
    if t.split('-').next().is_none_or(|y| y.len() != 4) {
        return Err("expected a date as YYYY-MM-DD with a four-digit year, e.g. 2026-12-20".into());
    }
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) => return Ok(d.and_time(NaiveTime::MIN)),
        // Well formed, but not in the calendar: 2026-02-29, 2026-13-01.
        Err(e) if e.kind() == chrono::format::ParseErrorKind::OutOfRange => {
            return Err(format!("no such date: {t}"));
        }
        Err(_) => {}
    }
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(d);
        }
    }
    Err("expected a date as YYYY-MM-DD (or YYYY-MM-DD HH:MM:SS), e.g. 2026-12-20".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_durations() {
        assert_eq!(
            parse_date("2026-12-20").unwrap().to_string(),
            "2026-12-20 00:00:00"
        );
        assert_eq!(
            parse_date("2026-12-20 06:30").unwrap().to_string(),
            "2026-12-20 06:30:00"
        );
        assert_eq!(
            parse_date("2026-13-01").unwrap_err(),
            "no such date: 2026-13-01"
        );
        assert_eq!(
            parse_date("2026-02-29").unwrap_err(),
            "no such date: 2026-02-29"
        );
        assert!(parse_date("2028-02-29").is_ok());
        assert!(parse_date("20/12/2026").is_err());
        assert!(parse_date("26-01-01")
            .unwrap_err()
            .contains("four-digit year"));
        assert!(parse_date("126-01-01").is_err());
    }
}
