//! `promail schedule run`: the timetable run in the foreground.

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use crate::ctx::Ctx;
use crate::schedule::runner::{self, LogFormat};

/// Runs each enabled job of the timetable at its time, as `promail ARGS` child processes with
/// the same connection, until SIGTERM or Ctrl-C; re-reads the timetable at every tick (at least
/// every 10 s). Never two runs of one job at once, also across hosts (an advisory lock per job):
/// a run still going at the job's next time makes that time `skipped`, recorded with the
/// holder; several schedulers on one database run each job once per time. Missed times (the
/// scheduler down) are skipped, not queued. A failing job is recorded and the scheduler goes
/// on; while the database is unreachable it retries with backoff (up to 60 s) and does not
/// exit; on a standby it idles. One line per run on stderr. SIGTERM or Ctrl-C: no new runs,
/// the running ones are waited for up to --stop-timeout, then sent SIGTERM; exit 0.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Log lines as text or one JSON object per line
    #[arg(long, value_enum, default_value_t = LogFormat::Text, env = "PROMAIL_LOG_FORMAT")]
    pub log_format: LogFormat,

    /// After SIGTERM or Ctrl-C, how long running jobs may finish before they are sent SIGTERM
    #[arg(long, default_value = "5min", value_name = "DURATION", value_parser = crate::duration::parse)]
    pub stop_timeout: Duration,
}

pub async fn run(args: &RunArgs, ctx: &Ctx) -> Result<()> {
    let info = ctx.conninfo()?;
    let mut child_prefix = Vec::new();
    let mut child_env = Vec::new();
    if ctx.global.local {
        child_prefix.push("--local".to_string());
    } else if let Some(url) = &ctx.global.database_url {
        // Through the environment, never the command line (a password would show in ps).
        child_env.push(("DATABASE_URL".to_string(), url.clone()));
    }
    runner::run(runner::Options {
        info,
        log: args.log_format,
        stop_timeout: args.stop_timeout,
        child_prefix,
        child_env,
    })
    .await
}
