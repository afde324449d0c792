//! Recording the runs of scheduled jobs that are started by hand (or by cron, or systemd):
//! `partitions rotate`, `cleanup`, `backup create`, `backup prune` and `monitor check` each get
//! a row in the history, so that `schedule list` and `monitor check` know when each last
//! succeeded, whoever ran it. Best-effort: a failure to record is said when the job succeeded,
//! and never fails it.

use std::time::Duration;

use anyhow::Result;

use crate::connect::{self, Db};
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::pg::PgExt;
use crate::schedule::history::{self, Outcome, StartedBy};

/// A run being recorded.
pub struct Recorder {
    job: &'static str,
    id: Option<i64>,
    problem: Option<String>,
}

/// Records the start of `job` on a session of its own, closed at once (the job may need every
/// connection its role is allowed). Nothing is recorded on a standby (read-only) or in a
/// database without the history table.
pub async fn begin(ctx: &Ctx, job: &'static str) -> Recorder {
    let attempt = async {
        // A short connect timeout: an unreachable server must not make a health check take
        // twice its time (the job's own connection then says what is wrong).
        let mut info = ctx.conninfo()?;
        info.connect_timeout = Some(
            info.connect_timeout
                .unwrap_or(BEGIN_TIMEOUT)
                .min(BEGIN_TIMEOUT),
        );
        let db = ctx.connect_to(&info).await?;
        if db.server.is_standby(&db.client).await? {
            return Ok(None);
        }
        let exists: bool = db
            .query_one(
                "SELECT to_regclass('promail.schedule_run') IS NOT NULL",
                &[],
            )
            .await
            .pg()?
            .get(0);
        if !exists {
            return Ok(None);
        }
        history::prepare(&db).await?;
        close_abandoned(&db, job).await?;
        let id = history::start(&db, job, None, StartedBy::Hand, std::process::id()).await?;
        anyhow::Ok(Some(id))
    };
    let recorder = match attempt.await {
        Ok(id) => Recorder {
            job,
            id,
            problem: None,
        },
        Err(e) => Recorder {
            job,
            id: None,
            problem: Some(format!("{e:#}")),
        },
    };
    connect::close_all(CLOSE_LIMIT).await;
    recorder
}

impl Recorder {
    /// Records how the run ended, on a new session once the job's own have closed. A run
    /// refused for its arguments (a usage error) never ran: its row is removed.
    pub async fn end(mut self, ctx: &Ctx, result: &Result<()>) {
        let usage = result.as_ref().is_err_and(crate::error::is_usage);
        let (outcome, summary) = match ctx.skipped_why() {
            Some(why) if result.is_ok() => (Outcome::Skipped, why),
            _ => outcome_of(self.job, result),
        };
        if let Some(id) = self.id {
            connect::close_all(CLOSE_LIMIT).await;
            let finished = async {
                let db = connect_retrying(ctx).await?;
                history::prepare(&db).await?;
                if usage {
                    history::forget(&db, id).await?;
                } else {
                    history::finish(&db, id, outcome, &summary).await?;
                }
                drop(db);
                connect::close_all(CLOSE_LIMIT).await;
                anyhow::Ok(())
            };
            if let Err(e) = finished.await {
                self.problem = Some(format!("{e:#}"));
            }
        }
        self.say_problem(ctx, result.is_ok());
    }

    /// Records that `signal` (`SIGINT`, `SIGTERM`) stopped the run: `failed`, "interrupted by
    /// SIGINT". On a session that never prompts and gives up connecting after a second: the
    /// caller also bounds the whole (the run must still exit promptly).
    pub async fn end_stopped(mut self, ctx: &Ctx, signal: &str) {
        if let Some(id) = self.id {
            let finished = async {
                let db = ctx.connect_briefly(STOPPED_CONNECT_LIMIT).await?;
                history::prepare(&db).await?;
                history::finish(
                    &db,
                    id,
                    Outcome::Failed,
                    &format!("interrupted by {signal}"),
                )
                .await?;
                drop(db);
                connect::close_all(CLOSE_LIMIT).await;
                anyhow::Ok(())
            };
            if let Err(e) = finished.await {
                self.problem = Some(format!("{e:#}"));
            }
        }
        self.say_problem(ctx, false);
    }

    fn say_problem(self, ctx: &Ctx, succeeded: bool) {
        if let Some(p) = self.problem {
            let line = format!(
                "the run of job {} could not be recorded in promail.schedule_run: {p}",
                self.job
            );
            if succeeded {
                ctx.out.warn(line);
            } else {
                ctx.out.verbose(line);
            }
        }
    }
}

/// How long recording the end of a run stopped by a signal may spend connecting.
const STOPPED_CONNECT_LIMIT: Duration = Duration::from_secs(1);
const CLOSE_LIMIT: Duration = Duration::from_millis(500);
const BEGIN_TIMEOUT: Duration = Duration::from_secs(3);

/// Connects, retrying for a second while the server counts the job's sessions that just
/// closed against a connection limit (53300).
async fn connect_retrying(ctx: &Ctx) -> Result<Db> {
    let mut tries = 0;
    loop {
        match ctx.connect().await {
            Err(e)
                if tries < 10
                    && (crate::pg::sqlstate(&e).as_deref() == Some("53300")
                        || format!("{e:#}").contains("too many connections")) =>
            {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            r => return r,
        }
    }
}

/// The outcome and summary a command's result is recorded as. `monitor check` succeeded when
/// it gave a verdict (exit 0-2), whatever the verdict.
pub fn outcome_of(job: &str, result: &Result<()>) -> (Outcome, String) {
    let verdict = |code: u8| match code {
        0 => "OK",
        1 => "WARNING",
        2 => "CRITICAL",
        _ => "UNKNOWN",
    };
    match result {
        Ok(()) if job == "check" => (Outcome::Succeeded, "verdict OK".into()),
        Ok(()) => (Outcome::Succeeded, "succeeded".into()),
        Err(e) => match e.downcast_ref::<Exit>() {
            Some(Exit(code)) if job == "check" && *code <= 2 => {
                (Outcome::Succeeded, format!("verdict {}", verdict(*code)))
            }
            Some(Exit(code)) if job == "check" => {
                (Outcome::Failed, format!("verdict {}", verdict(*code)))
            }
            _ => (Outcome::Failed, format!("{e:#}")),
        },
    }
}

/// Closes as `abandoned` the runs of `job` left `running` on this host by a process that is
/// gone (killed, or interrupted before it could record its end).
pub async fn close_abandoned(db: &tokio_postgres::Client, job: &str) -> Result<()> {
    let rows = db
        .query(
            "SELECT id, pid FROM promail.schedule_run WHERE job = $1 AND outcome = 'running' AND host = $2",
            &[&job, &history::host()],
        )
        .await
        .pg()?;
    for r in rows {
        let (id, pid): (i64, i32) = (r.get(0), r.get(1));
        if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            db.execute(
                "UPDATE promail.schedule_run SET outcome = 'abandoned', ended_at = now(), \
                 summary = 'its process ended without recording an end' WHERE id = $1",
                &[&id],
            )
            .await
            .pg()?;
        }
    }
    Ok(())
}
