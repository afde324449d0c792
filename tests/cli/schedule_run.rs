//! `promail schedule run`: the foreground scheduler against a real server.

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::interrupt::send_signal;
use crate::support::{empty_home, TestDb};

/// A running scheduler and the lines of its stderr so far.
struct Scheduler {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Scheduler {
    fn start(conn: &str, extra: &[&str]) -> Scheduler {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("promail"));
        for (k, _) in std::env::vars() {
            if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
                cmd.env_remove(k);
            }
        }
        let mut child = cmd
            .args(["schedule", "run", "--log-format", "json"])
            .args(extra)
            .env("NO_COLOR", "1")
            .env("HOME", empty_home())
            .env("DATABASE_URL", conn)
            .env("PROMAIL_BACKUP_DIR", "/nonexistent/promail-backups")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (stderr, sink) = (child.stderr.take().unwrap(), Arc::clone(&lines));
        std::thread::spawn(move || {
            for l in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push(l);
            }
        });
        Scheduler { child, lines }
    }

    fn events(&self) -> Vec<serde_json::Value> {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON log line ({e}): {l}"))
            })
            .collect()
    }

    fn has_event(&self, event: &str) -> bool {
        self.events().iter().any(|e| e["event"] == event)
    }

    /// SIGTERM, then waits for a clean exit (status 0).
    fn stop(mut self) -> Vec<serde_json::Value> {
        send_signal(self.child.id(), libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(
                Instant::now() < deadline,
                "the scheduler ignored SIGTERM: {:?}",
                self.lines
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        // The reader thread drains the pipe once the process is gone.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.has_event("stopped") && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(status.code(), Some(0), "{:?}", self.lines);
        self.events()
    }
}

/// Polls until `cond` holds (30 s at most).
fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn only_jobs(db: &TestDb, jobs: &str) {
    db.sql("UPDATE promail.schedule_job SET enabled = false");
    db.sql(jobs);
}

#[test]
fn two_schedulers_run_each_job_once_per_tick_and_record_a_failing_job() {
    let db = TestDb::migrated("schedule_run_two");
    only_jobs(
        &db,
        "UPDATE promail.schedule_job SET enabled = true, expr = '* * * * * *' WHERE job = 'check'; \
         INSERT INTO promail.schedule_job (job, expr, args) VALUES \
             ('bad', '*/2 * * * * *', '{backup,create,--dir,/nonexistent/promail-backups}')",
    );
    let a = Scheduler::start(&db.conn, &[]);
    let b = Scheduler::start(&db.conn, &[]);
    wait_until("both jobs ran several times", || {
        db.value(
            "SELECT count(DISTINCT slot) FILTER (WHERE job = 'check' AND outcome = 'succeeded') >= 4 \
             AND count(DISTINCT slot) FILTER (WHERE job = 'bad' AND outcome = 'failed') >= 2 \
             FROM promail.schedule_run",
        ) == "t"
    });
    let (ea, eb) = (a.stop(), b.stop());
    // Each slot of each job ran once, whichever scheduler ran it.
    assert_eq!(
        db.value(
            "SELECT count(*) FROM (SELECT job, slot FROM promail.schedule_run \
             WHERE outcome NOT IN ('skipped') GROUP BY job, slot HAVING count(*) > 1) twice"
        ),
        "0"
    );
    assert_eq!(
        db.value("SELECT count(*) FROM promail.schedule_run WHERE started_by <> 'scheduler' OR slot IS NULL"),
        "0",
        "the children did not record themselves as runs by hand"
    );
    // The failing job is recorded with its error, and the scheduler went on after it.
    let summary = db.value(
        "SELECT summary FROM promail.schedule_run WHERE job = 'bad' AND outcome = 'failed' LIMIT 1",
    );
    assert!(
        summary.starts_with("error: ") && summary.contains("/nonexistent/promail-backups"),
        "{summary}"
    );
    assert!(
        db.value("SELECT summary FROM promail.schedule_run WHERE job = 'check' AND outcome = 'succeeded' LIMIT 1")
            .starts_with("PROMAIL ")
    );
    // One JSON line per run, from either scheduler.
    let runs: Vec<&serde_json::Value> = ea
        .iter()
        .chain(eb.iter())
        .filter(|e| e["event"] == "run")
        .collect();
    assert!(
        runs.iter()
            .any(|r| r["job"] == "bad" && r["outcome"] == "failed" && r["exit"] == 1),
        "{runs:?}"
    );
    assert!(
        runs.iter()
            .all(|r| r["slot"].is_string() && r["time"].is_string()),
        "{runs:?}"
    );
    let recorded: usize = db
        .value("SELECT count(*) FROM promail.schedule_run")
        .parse()
        .unwrap();
    assert_eq!(runs.len(), recorded, "every recorded run was logged once");
}

/// The embedded migrations plus one that sleeps `secs` seconds, as a job's arguments.
fn sleeping_job(db: &TestDb, dir: &Path, secs: u32) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/migrations");
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    std::fs::write(
        dir.join("0100_sleep.sql"),
        format!("CREATE TABLE slept (id int);\nSELECT pg_sleep({secs});\n"),
    )
    .unwrap();
    only_jobs(
        db,
        &format!(
            "INSERT INTO promail.schedule_job (job, expr, args) VALUES \
             ('slow', '* * * * * *', '{{db,migrate,--migrations-dir,{}}}')",
            dir.display()
        ),
    );
}

#[test]
fn sigterm_lets_the_running_job_finish() {
    let db = TestDb::migrated("schedule_run_sigterm");
    let dir = tempfile::tempdir().unwrap();
    sleeping_job(&db, dir.path(), 2);
    let s = Scheduler::start(&db.conn, &[]);
    wait_until("the slow job runs", || {
        db.value(
            "SELECT count(*) FROM promail.schedule_run WHERE job = 'slow' AND outcome = 'running'",
        ) == "1"
    });
    let events = s.stop();
    let stopping = events.iter().find(|e| e["event"] == "stopping").unwrap();
    assert_eq!(stopping["signal"], "SIGTERM");
    assert_eq!(stopping["running"], serde_json::json!(["slow"]));
    assert_eq!(
        db.value("SELECT string_agg(outcome, ',') FROM promail.schedule_run WHERE job = 'slow' AND outcome <> 'skipped'"),
        "succeeded"
    );
    assert_eq!(db.value("SELECT to_regclass('slept') IS NOT NULL"), "t");
}

#[test]
fn past_the_stop_timeout_the_running_job_is_terminated_and_recorded() {
    let db = TestDb::migrated("schedule_run_bound");
    let dir = tempfile::tempdir().unwrap();
    sleeping_job(&db, dir.path(), 300);
    let s = Scheduler::start(&db.conn, &["--stop-timeout", "1s"]);
    wait_until("the slow job sleeps", || {
        db.value(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND state = 'active' AND query LIKE '%pg_sleep(300)%' AND pid <> pg_backend_pid()",
        ) == "1"
    });
    let events = s.stop();
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "terminate" && e["job"] == "slow"),
        "{events:?}"
    );
    let run = db.sql(
        "SELECT outcome, summary FROM promail.schedule_run WHERE job = 'slow' AND outcome <> 'skipped'",
    );
    assert_eq!(run.len(), 1, "{run:?}");
    assert_eq!(run[0][0].as_deref(), Some("failed"));
    assert_eq!(run[0][1].as_deref(), Some("terminated"));
    // The child cancelled its statement: nothing of the migration is left.
    assert_eq!(db.value("SELECT to_regclass('slept') IS NULL"), "t");
}

#[test]
fn an_unreachable_database_is_retried_with_backoff() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let conn = format!("postgresql://promail_user@127.0.0.1:{port}/promail_db");
    let s = Scheduler::start(&conn, &[]);
    wait_until("two retries were logged", || {
        s.events()
            .iter()
            .filter(|e| e["event"] == "unreachable")
            .count()
            >= 2
    });
    let events = s.stop();
    let retries: Vec<u64> = events
        .iter()
        .filter(|e| e["event"] == "unreachable")
        .map(|e| e["retry_in_s"].as_u64().unwrap())
        .collect();
    assert_eq!(&retries[..2], [1, 2], "{events:?}");
    assert!(events[0]["event"] == "start");
}
