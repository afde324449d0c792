//! `promail schedule run`: a foreground scheduler for hosts and containers without cron.
//!
//! Each tick re-reads the timetable; a job whose time has come runs as a child process of the
//! same binary (`promail ARGS`, with the same connection environment, in its own process group
//! so that a Ctrl-C at the terminal reaches the scheduler only). Rules:
//! - never two runs of one job at once, also across hosts: a run holds a session-level advisory
//!   lock per job (try-lock: a slot that finds it taken by an earlier run still going is
//!   recorded as `skipped`, naming the holder; one taken for the same slot by another scheduler
//!   is left to it), and a slot already run by another scheduler is not run again;
//! - skip, never queue: slots missed while the scheduler could not run them (the database down,
//!   the machine asleep) are counted in one log line, and only the latest runs;
//! - a failing job is recorded and the scheduler goes on; the database unreachable means
//!   retrying with backoff, never exiting;
//! - SIGTERM / Ctrl-C: no new runs; the running jobs are waited for up to `--stop-timeout`,
//!   then sent SIGTERM (and killed 30 s later); then the scheduler exits 0.
//! - one log line per run on stderr, as text or JSON.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::json;
use tokio::task::JoinSet;

use crate::connect::{self, Db, Prompt};
use crate::conninfo::ConnInfo;
use crate::pg::PgExt;
use crate::schedule::history::{self, StartedBy};
use crate::schedule::timetable::{self, Job};
use crate::schedule::Expr;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum LogFormat {
    /// One line of text per event
    #[default]
    Text,
    /// One JSON object per line
    Json,
}

/// What the scheduler needs to start children and reach the database.
#[derive(Debug, Clone)]
pub struct Options {
    pub info: ConnInfo,
    pub log: LogFormat,
    /// How long running jobs are waited for after a stop signal.
    pub stop_timeout: Duration,
    /// Arguments put before the job's own (`--local`).
    pub child_prefix: Vec<String>,
    /// Environment set for the children (`DATABASE_URL` given with --database-url).
    pub child_env: Vec<(String, String)>,
}

/// Writes one log line.
#[derive(Debug, Clone, Copy)]
pub struct Log(LogFormat);

impl Log {
    pub fn event(self, event: &str, fields: &serde_json::Value, text: &str) {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        match self.0 {
            LogFormat::Text => ewriteln!("{now} {text}"),
            LogFormat::Json => {
                let mut v = json!({"time": now, "event": event});
                if let (Some(o), Some(f)) = (v.as_object_mut(), fields.as_object()) {
                    for (k, val) in f {
                        o.insert(k.clone(), val.clone());
                    }
                }
                ewriteln!("{v}");
            }
        }
    }
}

/// The advisory lock key of a job: promail's key space ("PrMl"), the high bit of the low half
/// set (the fixed keys of `lock::Key` are small), then an FNV-1a hash of the name.
pub fn lock_key(job: &str) -> i64 {
    let mut h: u32 = 0x811c_9dc5;
    for b in job.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (0x5072_4d6c_i64 << 32) | i64::from(0x8000_0000 | (h & 0x7fff_ffff))
}

/// The slots of `expr` in `(after, now]`: the latest, and how many before it were missed.
pub fn due<Z: chrono::TimeZone>(
    expr: &Expr,
    tz: &Z,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<(DateTime<Utc>, usize)> {
    let mut latest = None;
    let mut missed = 0;
    let mut at = after;
    while let Some(t) = expr.next_after(tz, at) {
        if t > now {
            break;
        }
        if latest.is_some() {
            missed += 1;
        }
        latest = Some(t);
        at = t;
        if missed > 100_000 {
            break;
        }
    }
    latest.map(|l| (l, missed))
}

/// Runs until a stop signal.
pub async fn run(opts: Options) -> Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut int = signal(SignalKind::interrupt())?;
    let mut term = signal(SignalKind::terminate())?;
    let log = Log(opts.log);
    let opts = Arc::new(opts);
    let host = history::host();
    log.event(
        "start",
        &json!({"host": host, "pid": std::process::id()}),
        &format!("scheduler started on {host} (pid {})", std::process::id()),
    );

    let started = Utc::now();
    let mut seen: HashMap<String, DateTime<Utc>> = HashMap::new();
    let mut db: Option<Db> = None;
    let mut backoff = Duration::from_secs(1);
    let mut tasks: JoinSet<()> = JoinSet::new();
    let children: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let mut standby_said = false;
    let stop: &str = loop {
        // Reap finished runs.
        while tasks.try_join_next().is_some() {}
        let wait = match tick(
            &mut db,
            &opts,
            log,
            started,
            &mut seen,
            &mut tasks,
            &children,
            &mut standby_said,
        )
        .await
        {
            Ok(wait) => {
                backoff = Duration::from_secs(1);
                wait
            }
            Err(e) => {
                db = None;
                log.event(
                    "unreachable",
                    &json!({"error": format!("{e:#}"), "retry_in_s": backoff.as_secs()}),
                    &format!(
                        "cannot read the timetable (database unreachable or not ready): {e:#}; retrying in {} s",
                        backoff.as_secs()
                    ),
                );
                let w = backoff;
                backoff = (backoff * 2).min(Duration::from_secs(60));
                w
            }
        };
        tokio::select! {
            _ = int.recv() => break "SIGINT",
            _ = term.recv() => break "SIGTERM",
            () = tokio::time::sleep(wait) => {}
        }
    };

    let running: Vec<String> = children
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .keys()
        .cloned()
        .collect();
    log.event(
        "stopping",
        &json!({"signal": stop, "running": running}),
        &if running.is_empty() {
            format!("{stop}: stopping")
        } else {
            format!(
                "{stop}: stopping after the running jobs ({}), at most {} s",
                running.join(", "),
                opts.stop_timeout.as_secs()
            )
        },
    );
    let deadline = tokio::time::sleep(opts.stop_timeout);
    tokio::pin!(deadline);
    let mut terminated = false;
    let mut kill_at: Option<Instant> = None;
    loop {
        tokio::select! {
            r = tasks.join_next() => if r.is_none() { break },
            () = &mut deadline, if !terminated => {
                terminated = true;
                kill_at = Some(Instant::now() + Duration::from_secs(30));
                terminate_children(&children, log, "the stop timeout passed");
            }
            _ = int.recv(), if !terminated => {
                terminated = true;
                kill_at = Some(Instant::now() + Duration::from_secs(30));
                terminate_children(&children, log, "a second signal came");
            }
            _ = term.recv(), if !terminated => {
                terminated = true;
                kill_at = Some(Instant::now() + Duration::from_secs(30));
                terminate_children(&children, log, "a second signal came");
            }
            () = tokio::time::sleep(Duration::from_millis(500)), if kill_at.is_some_and(|k| Instant::now() >= k) => {
                // Children that ignore SIGTERM: the tasks kill them on drop.
                tasks.abort_all();
            }
        }
    }
    log.event("stopped", &json!({}), "scheduler stopped");
    Ok(())
}

fn terminate_children(children: &Mutex<HashMap<String, u32>>, log: Log, why: &str) {
    for (job, pid) in children
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
    {
        log.event(
            "terminate",
            &json!({"job": job, "pid": pid}),
            &format!("{why}: sending SIGTERM to {job} (pid {pid})"),
        );
        let Ok(pid) = i32::try_from(*pid) else {
            continue;
        };
        // A child this process started and has not reaped (its task still waits on it), so the
        // pid cannot have been reused. A child already gone is no error.
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGTERM,
        );
    }
}

/// One pass: reads the timetable, starts the due jobs; returns how long to sleep.
#[allow(clippy::too_many_arguments)]
async fn tick(
    db: &mut Option<Db>,
    opts: &Arc<Options>,
    log: Log,
    started: DateTime<Utc>,
    seen: &mut HashMap<String, DateTime<Utc>>,
    tasks: &mut JoinSet<()>,
    children: &Arc<Mutex<HashMap<String, u32>>>,
    standby_said: &mut bool,
) -> Result<Duration> {
    if db.is_none() {
        *db = Some(connect::connect(&opts.info, Prompt::Never).await?);
    }
    let client = db.as_ref().expect("connected above");
    if client.server.is_standby(&client.client).await? {
        // Jobs change the database: a standby's scheduler idles until it is promoted.
        if !*standby_said {
            log.event(
                "standby",
                &json!({}),
                "the server is a standby: idling until it is promoted",
            );
            *standby_said = true;
        }
        // is_standby caches the answer per session: ask again on a new one.
        *db = None;
        return Ok(Duration::from_secs(10));
    }
    *standby_said = false;
    let jobs = timetable::load(client).await?;
    let zone = timetable::zone(client).await?;
    let now = Utc::now();
    let mut next_wake = now + chrono::Duration::seconds(10);
    let names: HashSet<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
    seen.retain(|k, _| names.contains(k.as_str()));
    for job in jobs.iter().filter(|j| j.enabled) {
        let Ok(expr) = Expr::parse(&job.expr) else {
            continue;
        };
        let after = *seen.get(&job.name).unwrap_or(&started);
        if let Some((slot, missed)) = due(&expr, &zone.tz, after, now) {
            if missed > 0 {
                log.event(
                    "missed",
                    &json!({"job": job.name, "missed": missed, "running": slot.to_rfc3339()}),
                    &format!(
                        "{}: {missed} run(s) missed while the scheduler could not run them; running the latest slot only",
                        job.name
                    ),
                );
            }
            let (job, opts, children) = (job.clone(), Arc::clone(opts), Arc::clone(children));
            tasks.spawn(async move { run_slot(job, slot, &opts, log, &children).await });
        }
        seen.insert(job.name.clone(), now);
        if let Some(n) = expr.next_after(&zone.tz, now) {
            next_wake = next_wake.min(n);
        }
    }
    let wait = (next_wake - Utc::now()).to_std().unwrap_or(Duration::ZERO);
    Ok(wait.max(Duration::from_millis(20)))
}

/// One run of one job for one slot, with its lock, its history row and its log line.
async fn run_slot(
    job: Job,
    slot: DateTime<Utc>,
    opts: &Options,
    log: Log,
    children: &Mutex<HashMap<String, u32>>,
) {
    let slot_s = slot.to_rfc3339_opts(SecondsFormat::Secs, true);
    let result = run_locked(&job, slot, opts, log, children).await;
    if let Err(e) = result {
        log.event(
            "error",
            &json!({"job": job.name, "slot": slot_s, "error": format!("{e:#}")}),
            &format!("{} (slot {slot_s}): could not run: {e:#}", job.name),
        );
    }
}

async fn run_locked(
    job: &Job,
    slot: DateTime<Utc>,
    opts: &Options,
    log: Log,
    children: &Mutex<HashMap<String, u32>>,
) -> Result<()> {
    let slot_s = slot.to_rfc3339_opts(SecondsFormat::Secs, true);
    let session = connect::connect(&opts.info, Prompt::Never).await?;
    history::prepare(&session).await?;
    let key = lock_key(&job.name);
    let got: bool = session
        .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
        .await
        .pg()?
        .get(0);
    if !got {
        // Who holds it: a run of an earlier slot still going (this slot is skipped), or another
        // scheduler running this same slot (left to it).
        let holder = session
            .query_opt(
                "SELECT host, pid, started_at, slot FROM promail.schedule_run \
                 WHERE job = $1 AND outcome = 'running' ORDER BY id DESC LIMIT 1",
                &[&job.name],
            )
            .await
            .pg()?;
        let Some(h) = holder else {
            return Ok(()); // another scheduler is starting this slot
        };
        let (host, pid, since, their_slot): (String, i32, DateTime<Utc>, Option<DateTime<Utc>>) =
            (h.get(0), h.get(1), h.get(2), h.get(3));
        if their_slot == Some(slot) {
            return Ok(());
        }
        let why = format!(
            "still running since {} on {host} (pid {pid})",
            since.to_rfc3339_opts(SecondsFormat::Secs, true)
        );
        history::skipped(&session, &job.name, slot, &why).await?;
        log.event(
            "run",
            &json!({"job": job.name, "slot": slot_s, "outcome": "skipped", "summary": why}),
            &format!("{} skipped (slot {slot_s}): {why}", job.name),
        );
        return Ok(());
    }
    // Under the lock: a slot another scheduler already ran is not run again.
    let done: bool = session
        .query_one(
            "SELECT EXISTS (SELECT FROM promail.schedule_run WHERE job = $1 AND slot = $2 AND outcome <> 'skipped')",
            &[&job.name, &slot],
        )
        .await
        .pg()?
        .get(0);
    if done {
        return Ok(());
    }
    crate::schedule::record::close_abandoned(&session, &job.name).await?;

    let exe = std::env::current_exe()?;
    let mut cmd = tokio::process::Command::new(exe);
    cmd.args(&opts.child_prefix)
        .args(&job.args)
        .env(history::SCHEDULED_ENV, "1")
        .envs(opts.child_env.iter().map(|(k, v)| (k, v)))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .process_group(0);
    let began = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id().unwrap_or(0);
    let id = history::start(&session, &job.name, Some(slot), StartedBy::Scheduler, pid).await?;
    children
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(job.name.clone(), pid);
    let output = child.wait_with_output().await;
    children
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&job.name);
    let (outcome, summary, code) = match &output {
        Ok(o) => {
            let code = o.status.code();
            let (outcome, summary) = judge(&job.name, code, &o.stdout, &o.stderr);
            (outcome, summary, code)
        }
        Err(e) => (
            history::Outcome::Failed,
            format!("waiting for the job: {e}"),
            None,
        ),
    };
    let seconds = began.elapsed().as_secs_f64();
    let recorded = history::finish(&session, id, outcome, &summary).await;
    log.event(
        "run",
        &json!({"job": job.name, "slot": slot_s, "outcome": outcome.as_str(), "exit": code,
                "seconds": (seconds * 10.0).round() / 10.0, "pid": pid, "summary": summary}),
        &format!(
            "{} {} in {seconds:.1} s (slot {slot_s}, pid {pid}): {summary}",
            job.name,
            outcome.as_str()
        ),
    );
    recorded?;
    Ok(())
}

/// A child's outcome and one-line summary: `monitor check` succeeded when it gave a verdict
/// (exit 0-2); the summary is the first line of stdout (the check's verdict) or the last line
/// of stderr. A child that exited 0 saying that another run holds the lock did nothing: it
/// was skipped.
pub fn judge(
    job: &str,
    code: Option<i32>,
    stdout: &[u8],
    stderr: &[u8],
) -> (history::Outcome, String) {
    let ok = match code {
        Some(0) => true,
        Some(1 | 2) => job == "check",
        _ => false,
    };
    let out = String::from_utf8_lossy(stdout);
    let err = String::from_utf8_lossy(stderr);
    if code == Some(0) {
        let busy = err.lines().find_map(|l| {
            l.strip_prefix("warning: ")
                .filter(|w| w.starts_with("another ") && w.ends_with("; nothing done here"))
        });
        if let Some(why) = busy {
            return (history::Outcome::Skipped, history::one_line(why));
        }
    }
    let line = err
        .lines()
        .find(|l| l.starts_with("error: "))
        .or_else(|| out.lines().find(|l| !l.trim().is_empty()))
        .or_else(|| err.lines().rev().find(|l| !l.trim().is_empty()))
        .map(str::to_string);
    let summary = match (line, code) {
        (Some(l), _) => l,
        (None, Some(c)) => format!("exit {c}"),
        (None, None) => "ended by a signal".into(),
    };
    let outcome = if ok {
        history::Outcome::Succeeded
    } else {
        history::Outcome::Failed
    };
    (outcome, history::one_line(&summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_runs_the_latest_slot_and_counts_the_missed() {
        let e = Expr::parse("*/5 * * * *").unwrap();
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(
            due(
                &e,
                &chrono_tz::UTC,
                t("2026-12-06T10:00:00Z"),
                t("2026-12-06T10:04:59Z")
            ),
            None
        );
        assert_eq!(
            due(
                &e,
                &chrono_tz::UTC,
                t("2026-12-06T10:00:00Z"),
                t("2026-12-06T10:05:00Z")
            ),
            Some((t("2026-12-06T10:05:00Z"), 0))
        );
        assert_eq!(
            due(
                &e,
                &chrono_tz::UTC,
                t("2026-12-06T10:00:00Z"),
                t("2026-12-06T10:31:00Z")
            ),
            Some((t("2026-12-06T10:30:00Z"), 5))
        );
    }

    #[test]
    fn lock_keys_are_stable_and_apart_from_the_fixed_ones() {
        assert_eq!(lock_key("rotate"), lock_key("rotate"));
        assert_ne!(lock_key("rotate"), lock_key("cleanup"));
        for k in [
            crate::lock::Key::Migrate,
            crate::lock::Key::Partitions,
            crate::lock::Key::Cleanup,
            crate::lock::Key::Backup,
            crate::lock::Key::Seed,
        ] {
            assert_ne!(lock_key("rotate") & 0xffff_ffff, k.id() & 0xffff_ffff);
        }
        assert_eq!(lock_key("rotate") >> 32, 0x5072_4d6c);
    }

    #[test]
    fn a_checks_verdict_is_a_success_and_other_exits_are_failures() {
        let (o, s) = judge("check", Some(1), b"PROMAIL WARNING - x\nline\n", b"");
        assert_eq!(
            (o, s.as_str()),
            (history::Outcome::Succeeded, "PROMAIL WARNING - x")
        );
        let (o, s) = judge("rotate", Some(1), b"", b"note\nerror: boom\nhint: fix\n");
        assert_eq!((o, s.as_str()), (history::Outcome::Failed, "error: boom"));
        let (o, s) = judge("rotate", None, b"", b"");
        assert_eq!(
            (o, s.as_str()),
            (history::Outcome::Failed, "ended by a signal")
        );
        let (o, s) = judge(
            "rotate",
            Some(0),
            b"",
            b"warning: another partition maintenance run holds the lock (pid 7); nothing done here\n",
        );
        assert_eq!(
            (o, s.as_str()),
            (
                history::Outcome::Skipped,
                "another partition maintenance run holds the lock (pid 7); nothing done here"
            )
        );
    }
}
