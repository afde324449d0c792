//! `promail schedule`: the timetable, its history, the scheduler and the emitters.

use crate::support::{assert_error, ok, stderr_of, TestDb};

fn list_json(db: &TestDb, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["schedule", "list", "--format", "json"];
    args.extend_from_slice(extra);
    let (out, _) = ok(db, &args);
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn job<'a>(rows: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["job"] == name)
        .unwrap_or_else(|| panic!("no job {name} in {rows:?}"))
}

#[test]
fn list_shows_the_defaults_and_their_next_runs_in_the_servers_zone() {
    let db = TestDb::migrated("schedule_list");
    db.sql(&format!(
        "ALTER DATABASE \"{}\" SET timezone = 'Europe/Paris'",
        db.name
    ));
    // Across the spring change of 2027-03-28: the offset changes, the time of day does not.
    let rows = list_json(&db, &["--from", "2027-03-27T12:00:00Z", "--count", "2"]);
    let names: Vec<&str> = rows.iter().map(|r| r["job"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "backup",
            "backup-critical",
            "check",
            "cleanup",
            "prune",
            "rotate"
        ]
    );
    let rotate = job(&rows, "rotate");
    assert_eq!(rotate["expr"], "0 1 * * *");
    assert_eq!(rotate["in_words"], "at 01:00 every day");
    assert_eq!(rotate["enabled"], true);
    assert_eq!(
        rotate["next_runs"],
        serde_json::json!(["2027-03-28T01:00:00+01:00", "2027-03-29T01:00:00+02:00"])
    );
    assert_eq!(rotate["last_run"], serde_json::Value::Null);
    assert_eq!(rotate["command"], "promail partitions rotate");
    assert_eq!(job(&rows, "check")["in_words"], "every 5 minutes");
    // A time without offset is read in the timetable's zone (13:00 in Paris is 12:00Z); one
    // the clocks skip is refused with a hint.
    for local in ["2027-03-27 13:00", "2027-03-27T13:00:00"] {
        let rows = list_json(&db, &["--from", local, "--count", "2"]);
        assert_eq!(
            job(&rows, "rotate")["next_runs"],
            rotate["next_runs"],
            "{local}"
        );
    }
    let out = db
        .promail()
        .args(["schedule", "list", "--from", "2027-03-28 02:30"])
        .output()
        .unwrap();
    let err = crate::support::assert_error(&out, 2, "does not exist in Europe/Paris");
    assert!(err.contains("hint: "), "{err}");
    let out = db
        .promail()
        .args(["schedule", "list", "--from", "next tuesday"])
        .output()
        .unwrap();
    crate::support::assert_error(&out, 2, "expected a time such as");

    let out = db.promail().args(["schedule", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("time zone: Europe/Paris"));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("backup-critical"), "{table}");
    let (csv, _) = ok(&db, &["schedule", "list", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "job,expr,in_words,enabled,next_runs,last_run,last_outcome,last_summary,command\n"
        ),
        "{csv}"
    );
}

#[test]
fn set_enable_and_disable_change_the_timetable() {
    let db = TestDb::migrated("schedule_set");
    let (_, err) = ok(&db, &["schedule", "set", "rotate", "0 3 * * 1"]);
    assert!(
        err.contains("rotate: 0 3 * * 1 (at 03:00 on Monday)"),
        "{err}"
    );
    assert_eq!(
        db.value("SELECT expr FROM promail.schedule_job WHERE job = 'rotate'"),
        "0 3 * * 1"
    );
    let rows = list_json(&db, &["--from", "2026-12-06T00:00:00Z", "--count", "1"]);
    // 2026-12-07 is a Monday (crontab's 1; the cron crate's 1 would be Sunday the 6th... or
    // the 13th).
    assert_eq!(
        job(&rows, "rotate")["next_runs"][0]
            .as_str()
            .unwrap()
            .split('T')
            .next(),
        Some("2026-12-07")
    );

    ok(&db, &["schedule", "set", "check", "*/30 * * * * *"]);
    assert_eq!(
        job(&list_json(&db, &[]), "check")["in_words"],
        "every 30 seconds"
    );

    let (_, err) = ok(&db, &["schedule", "disable", "backup"]);
    assert!(err.contains("backup: disabled"), "{err}");
    let rows = list_json(&db, &[]);
    assert_eq!(job(&rows, "backup")["enabled"], false);
    assert_eq!(job(&rows, "backup")["next_runs"], serde_json::json!([]));
    ok(&db, &["schedule", "enable", "backup"]);
    assert_eq!(
        db.value("SELECT enabled FROM promail.schedule_job WHERE job = 'backup'"),
        "t"
    );
}

#[test]
fn bad_expressions_and_unknown_jobs_are_refused_and_change_nothing() {
    let db = TestDb::migrated("schedule_bad");
    for (args, code, says) in [
        (vec!["set", "rotate", "61 * * * *"], 2, "invalid minute \"61\""),
        (vec!["set", "rotate", "0 0 30 2 *"], 2, "never fires"),
        (vec!["set", "rotate", "0 0 3 * * 1"], 2, "give days by name"),
        (vec!["set", "rotate", "* * *"], 2, "3 fields"),
        (
            vec!["set", "nosuch", "* * * * *"],
            2,
            "unknown job \"nosuch\": the timetable has backup, backup-critical, check, cleanup, prune, rotate",
        ),
        (vec!["enable", "nosuch"], 2, "unknown job \"nosuch\""),
        (vec!["disable", "nosuch"], 2, "unknown job \"nosuch\""),
    ] {
        let mut all = vec!["schedule"];
        all.extend(args);
        let out = db.promail().args(&all).output().unwrap();
        let err = assert_error(&out, code, says);
        assert!(err.contains("hint: "), "{err}");
    }
    assert_eq!(
        db.value("SELECT string_agg(expr || enabled, ',' ORDER BY job) FROM promail.schedule_job"),
        "0 2 * * *true,0 */4 * * *true,*/5 * * * *true,30 1 * * *true,30 2 * * *true,0 1 * * *true"
    );

    let bare = TestDb::new("schedule_unmigrated");
    let out = bare.promail().args(["schedule", "list"]).output().unwrap();
    let err = assert_error(&out, 1, "promail.schedule_job does not exist");
    assert!(err.contains("hint: run `promail db migrate`"), "{err}");
}

/// `monitor check`'s stdout and its `schedule` line (DEFAULT's thresholds raised, so that rows
/// there never decide the verdict).
fn check_schedule_line(db: &TestDb) -> (String, String) {
    let out = db
        .promail()
        .args([
            "monitor",
            "check",
            "--default-rows-warning",
            "1000000",
            "--default-rows-critical",
            "2000000",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = text
        .lines()
        .find(|l| l.contains("schedule"))
        .unwrap_or_else(|| panic!("no schedule line in {text}"))
        .to_string();
    (text, line)
}

#[test]
fn runs_by_hand_are_recorded_and_monitor_check_warns_about_late_jobs() {
    let db = TestDb::migrated("schedule_history");
    let (text, line) = check_schedule_line(&db);
    assert!(line.starts_with("OK"), "{text}");
    ok(&db, &["partitions", "rotate"]);
    ok(&db, &["partitions", "rotate", "--dry-run"]);
    let out = db
        .promail()
        .args(["cleanup", "--format", "json"])
        .output()
        .unwrap();
    assert_error(&out, 1, "without confirmation");
    assert_eq!(
        db.value(
            "SELECT string_agg(job || ':' || outcome || ':' || started_by || ':' || (pid > 0), ' ' ORDER BY id) \
             FROM promail.schedule_run"
        ),
        "check:succeeded:hand:true rotate:succeeded:hand:true cleanup:failed:hand:true",
        "the dry run is not a run"
    );
    assert!(db
        .value("SELECT summary FROM promail.schedule_run WHERE job = 'cleanup'")
        .contains("without confirmation"));
    let rows = list_json(&db, &[]);
    assert_eq!(job(&rows, "rotate")["last_outcome"], "succeeded");
    assert_eq!(job(&rows, "cleanup")["last_outcome"], "failed");
    assert_eq!(job(&rows, "backup")["last_run"], serde_json::Value::Null);

    // Two days without a successful rotate: monitor check warns, naming the job.
    db.sql(
        "UPDATE promail.schedule_job SET updated_at = now() - interval '30 days'; \
         UPDATE promail.schedule_run SET started_at = now() - interval '50 hours', \
         ended_at = now() - interval '50 hours' WHERE job = 'rotate'",
    );
    let (text, line) = check_schedule_line(&db);
    assert!(line.starts_with("WARNING"), "{text}");
    assert!(
        line.contains("rotate has not succeeded for 2 days"),
        "{line}"
    );
    assert!(
        line.contains("backup has not succeeded since it was scheduled, 30 days"),
        "{line}"
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    // That check's own run is recorded as a success: it gave its verdict.
    assert_eq!(
        db.value(
            "SELECT summary FROM promail.schedule_run WHERE job = 'check' ORDER BY id DESC LIMIT 1"
        ),
        "verdict WARNING"
    );
}

const CRONTAB_DEFAULTS: &str = "\
# promail maintenance timetable, from promail.schedule_job on SOURCE
# /etc/promail/promail.env holds the connection: DATABASE_URL without a password,
# and PGPASSFILE naming a pgpass file of mode 0600 (never a password in this file).
# Overlapping runs are prevented by flock here and by promail's locks across hosts.
# Times are in the timetable's zone, Europe/Paris: cronie reads CRON_TZ;
# other crons use the machine's zone, which must then be Europe/Paris.
CRON_TZ=Europe/Paris
# backup: at 02:00 every day
0 2 * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-backup.lock /usr/local/bin/promail backup create 2>&1 | logger -t promail-backup
# backup-critical: at 00:00, 04:00, 08:00, 12:00, 16:00, 20:00 every day
0 */4 * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-backup-critical.lock /usr/local/bin/promail backup create --critical 2>&1 | logger -t promail-backup-critical
# check: every 5 minutes
*/5 * * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-check.lock /usr/local/bin/promail monitor check 2>&1 | logger -t promail-check
# cleanup: at 01:30 every day
30 1 * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-cleanup.lock /usr/local/bin/promail cleanup --yes 2>&1 | logger -t promail-cleanup
# prune: at 02:30 every day
30 2 * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-prune.lock /usr/local/bin/promail backup prune --keep 7 --keep-days 14 --yes 2>&1 | logger -t promail-prune
# rotate: at 01:00 every day
0 1 * * * set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-rotate.lock /usr/local/bin/promail partitions rotate 2>&1 | logger -t promail-rotate
";

fn paris(db: &TestDb) {
    db.sql(&format!(
        "ALTER DATABASE \"{}\" SET timezone = 'Europe/Paris'",
        db.name
    ));
}

/// The source line of the header, as promail masks this test's database.
fn source_of(text: &str) -> String {
    text.lines()
        .next()
        .unwrap()
        .rsplit(" on ")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn crontab_lines_for_the_defaults_and_refusals_naming_why() {
    let db = TestDb::migrated("schedule_crontab");
    paris(&db);
    let (text, _) = ok(
        &db,
        &["schedule", "crontab", "--binary", "/usr/local/bin/promail"],
    );
    assert_eq!(text, CRONTAB_DEFAULTS.replace("SOURCE", &source_of(&text)));
    assert!(!text.contains("password="), "{text}");

    // A log file instead of syslog; a six-field expression at :00 seconds becomes five fields.
    ok(&db, &["schedule", "set", "rotate", "0 15 3 * * MON-FRI"]);
    ok(&db, &["schedule", "disable", "check"]);
    let (text, _) = ok(
        &db,
        &[
            "schedule",
            "crontab",
            "--binary",
            "/opt/promail bin/promail",
            "--log-file",
            "/var/log/promail.log",
        ],
    );
    assert!(
        text.contains("\n15 3 * * MON,TUE,WED,THU,FRI set -a; . /etc/promail/promail.env; set +a; flock -n /run/lock/promail-rotate.lock '/opt/promail bin/promail' partitions rotate >> /var/log/promail.log 2>&1\n"),
        "{text}"
    );
    assert!(text.contains("\n# (disabled) */5 * * * * "), "{text}");

    // Seconds cannot be said in crontab: refused, naming the job and why.
    ok(&db, &["schedule", "set", "backup", "*/30 * * * * *"]);
    let out = db.promail().args(["schedule", "crontab"]).output().unwrap();
    let err = assert_error(
        &out,
        1,
        "crontab cannot express backup (\"*/30 * * * * *\"): it fires at seconds other than :00",
    );
    assert!(err.contains("hint: "), "{err}");
    assert!(out.stdout.is_empty());
}

/// The next `n` instants (UTC, RFC 3339) of OnCalendar expressions by systemd-analyze.
fn systemd_next(calendars: &[String], base: &str, n: usize) -> Vec<String> {
    let mut all = Vec::new();
    for c in calendars {
        let out = std::process::Command::new("systemd-analyze")
            .env("TZ", "UTC")
            .args([
                "calendar",
                &format!("--iterations={n}"),
                &format!("--base-time={base}"),
                c,
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "systemd-analyze refused {c:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for l in text.lines() {
            if l.contains("Next elapse:") || l.contains("Iter. #") {
                let w: Vec<&str> = l.split(": ").nth(1).unwrap().split_whitespace().collect();
                assert_eq!(w[3], "UTC", "{l}");
                all.push(format!("{}T{}Z", w[1], w[2]));
            }
        }
    }
    all.sort();
    all.dedup();
    all.truncate(n);
    all
}

#[test]
fn systemd_units_fire_when_promail_would() {
    let db = TestDb::migrated("schedule_systemd");
    paris(&db);
    db.sql(
        "INSERT INTO promail.schedule_job (job, expr, args) VALUES \
         ('ored', '0 0 1 * 1', '{monitor,check}'), \
         ('seconds', '*/20 * * * * *', '{monitor,check}'), \
         ('spring', '30 6 * 1-3 1-5', '{monitor,check}'), \
         ('sundays', '0 4 * * 0,7', '{monitor,check}')",
    );
    ok(&db, &["schedule", "disable", "prune"]);
    let (text, _) = ok(
        &db,
        &["schedule", "systemd", "--binary", "/usr/local/bin/promail"],
    );
    assert!(
        !text.contains("promail-prune."),
        "a disabled job has no units"
    );
    assert!(text.contains(
        "### promail-rotate.service\n# promail job rotate, from promail.schedule_job on "
    ));
    for needle in [
        "[Service]\nType=oneshot\n",
        "EnvironmentFile=/etc/promail/promail.env\nExecStart=/usr/local/bin/promail partitions rotate\n",
        "### promail-rotate.timer\n",
        "OnCalendar=*-*-* 01:00:00 Europe/Paris\n",
        "OnCalendar=*-*-01 00:00:00 Europe/Paris\nOnCalendar=Mon *-*-* 00:00:00 Europe/Paris\n",
        "WantedBy=timers.target\n",
    ] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    // The check does not catch up; the others do.
    let check_timer = text.split("### promail-check.timer").nth(1).unwrap();
    assert!(check_timer.contains("Persistent=false"), "{check_timer}");

    // Written to a folder.
    let dir = tempfile::tempdir().unwrap();
    let (_, err) = ok(
        &db,
        &["schedule", "systemd", "--dir", dir.path().to_str().unwrap()],
    );
    assert!(err.contains("wrote 18 units"), "{err}");
    assert!(dir.path().join("promail-rotate.timer").exists());
    // A folder that does not exist: one line, with the fix.
    let missing = dir.path().join("missing");
    let out = db
        .promail()
        .args(["schedule", "systemd", "--dir", missing.to_str().unwrap()])
        .output()
        .unwrap();
    let err = crate::support::assert_error(&out, 1, "is not a folder");
    assert!(err.contains("hint: create it (mkdir -p"), "{err}");
    // A job disabled since: its units, still in the folder, are named.
    ok(&db, &["schedule", "disable", "sundays"]);
    let (_, err) = ok(
        &db,
        &["schedule", "systemd", "--dir", dir.path().to_str().unwrap()],
    );
    assert!(
        err.contains("promail-sundays.service, promail-sundays.timer in ")
            && err.contains("belong to no enabled job")
            && err.contains("systemctl disable --now promail-sundays.timer"),
        "{err}"
    );
    ok(&db, &["schedule", "enable", "sundays"]);

    if std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("systemd-analyze is not installed: OnCalendar is checked by the unit tests only");
        return;
    }
    // Each timer's OnCalendar lines fire at the instants promail computes.
    let base = "2026-12-06T00:00:00Z";
    let rows = list_json(&db, &["--from", base, "--count", "6"]);
    for timer in text
        .split("### ")
        .filter(|u| u.starts_with("promail-") && u.contains(".timer\n"))
    {
        let name = timer
            .split(".timer")
            .next()
            .unwrap()
            .trim_start_matches("promail-");
        let calendars: Vec<String> = timer
            .lines()
            .filter_map(|l| l.strip_prefix("OnCalendar="))
            .map(str::to_string)
            .collect();
        let ours: Vec<String> = job(&rows, name)["next_runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                chrono::DateTime::parse_from_rfc3339(t.as_str().unwrap())
                    .unwrap()
                    .with_timezone(&chrono::Utc)
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            })
            .collect();
        assert_eq!(ours.len(), 6, "{name}");
        assert_eq!(
            systemd_next(&calendars, "2026-12-06 00:00:00 UTC", 6),
            ours,
            "{name}: {calendars:?}"
        );
    }
}

#[test]
fn pg_cron_install_on_a_server_without_it_says_how_to_get_it() {
    let db = TestDb::migrated("schedule_no_pg_cron");
    let out = db
        .promail()
        .args(["schedule", "pg-cron", "install"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "pg_cron is not loaded on this server");
    assert!(err.contains("shared_preload_libraries"), "{err}");
}

/// A private cluster preloading pg_cron, removed when dropped.
struct CronCluster(promail::local::Cluster);

impl Drop for CronCluster {
    fn drop(&mut self) {
        let _ = self.0.destroy();
    }
}

#[test]
fn pg_cron_install_registers_cleanup_and_remove_takes_it_back() {
    let bindir = promail::local::find_bindir().unwrap();
    let lib = bindir.parent().unwrap().join("lib/pg_cron.so");
    if !lib.exists() {
        eprintln!(
            "SKIPPED pg_cron_install_registers_cleanup_and_remove_takes_it_back: {} is missing \
             (Debian: apt-get install postgresql-15-cron; .ci/run installs it)",
            lib.display()
        );
        return;
    }
    let dir = tempfile::Builder::new()
        .prefix("pmcron")
        .tempdir_in("/tmp")
        .unwrap()
        .keep();
    std::fs::remove_dir(&dir).unwrap();
    let cluster = CronCluster(promail::local::Cluster::new(&dir));
    cluster.0.start().unwrap();
    let admin = cluster.0.conninfo("postgres").unwrap();
    crate::support::sql_on(
        &admin,
        "ALTER SYSTEM SET shared_preload_libraries = pg_stat_statements, pg_cron",
    );
    cluster.0.stop().unwrap();
    cluster.0.start().unwrap();
    crate::support::sql_on(&admin, "CREATE EXTENSION pg_cron");
    crate::support::sql_on(&admin, "CREATE DATABASE app");
    let app = cluster.0.conninfo("app").unwrap();
    let run = |args: &[&str]| {
        crate::support::promail()
            .env("DATABASE_URL", &app)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["db", "migrate"]).status.success());
    // The timetable's zone is pg_cron's (GMT): the job keeps its times.
    crate::support::sql_on(&admin, "ALTER DATABASE app SET timezone = 'UTC'");
    assert!(run(&["schedule", "set", "cleanup", "15 3 * * 0"])
        .status
        .success());
    for _ in 0..2 {
        let out = run(&["schedule", "pg-cron", "install"]);
        let err = stderr_of(&out);
        assert!(out.status.success(), "{err}");
        assert!(
            err.contains("registered promail-cleanup in pg_cron"),
            "{err}"
        );
        assert!(
            err.contains("backup and backup-critical (pg_dump writes files"),
            "{err}"
        );
    }
    let jobs = crate::support::sql_on(
        &admin,
        "SELECT jobname, schedule, command, database FROM cron.job",
    );
    assert_eq!(
        jobs,
        vec![vec![
            Some("promail-cleanup".to_string()),
            Some("15 3 * * 0".to_string()),
            Some("SELECT cleanup_old_logs()".to_string()),
            Some("app".to_string())
        ]],
        "registered once, however often installed"
    );
    let out = run(&["schedule", "pg-cron", "remove"]);
    assert!(
        stderr_of(&out).contains("removed promail-cleanup"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        crate::support::sql_on(&admin, "SELECT count(*) FROM cron.job")[0][0].as_deref(),
        Some("0")
    );
    let out = run(&["schedule", "pg-cron", "remove"]);
    assert!(out.status.success());
    assert!(
        stderr_of(&out).contains("was not registered"),
        "{}",
        stderr_of(&out)
    );
    // A timetable in another zone than pg_cron's is refused, not shifted.
    crate::support::sql_on(&admin, "ALTER DATABASE app SET timezone = 'Europe/Paris'");
    let out = run(&["schedule", "pg-cron", "install"]);
    let err = assert_error(
        &out,
        1,
        "pg_cron runs its jobs in GMT (cron.timezone) but the timetable is in Europe/Paris",
    );
    assert!(err.contains("hint: "), "{err}");
}

/// Holds `key` on a session of its own until dropped; its backend pid.
struct HeldLock {
    pid: i32,
    release: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HeldLock {
    fn take(db: &TestDb, key: promail::lock::Key) -> HeldLock {
        let conn = db.conn.clone();
        let (pid_tx, pid_rx) = std::sync::mpsc::channel();
        let (release, release_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            crate::support::block_on(async move {
                let info = promail::conninfo::resolve(Some(&conn), &promail::conninfo::ProcessEnv)
                    .unwrap();
                let s = promail::connect::connect(&info, promail::connect::Prompt::Never)
                    .await
                    .unwrap();
                promail::lock::acquire_or_fail(&s, key, std::time::Duration::ZERO)
                    .await
                    .unwrap();
                let pid: i32 = s
                    .query_one("SELECT pg_backend_pid()", &[])
                    .await
                    .unwrap()
                    .get(0);
                pid_tx.send(pid).unwrap();
                while matches!(
                    release_rx.try_recv(),
                    Err(std::sync::mpsc::TryRecvError::Empty)
                ) {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
                drop(s);
                promail::connect::close_all(std::time::Duration::from_secs(1)).await;
            });
        });
        let pid = pid_rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap();
        HeldLock {
            pid,
            release: Some(release),
            thread: Some(thread),
        }
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        drop(self.release.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts `args` (a job that waits for a lock the test holds), waits until its run is
/// recorded as running, sends `signal`; its exit code, stderr and how long it took to exit.
fn stop_a_waiting_job(
    db: &TestDb,
    args: &[&str],
    signal: libc::c_int,
) -> (Option<i32>, String, std::time::Duration) {
    use std::time::{Duration, Instant};
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd
        .env("NO_COLOR", "1")
        .env("HOME", crate::support::empty_home())
        .env("DATABASE_URL", &db.conn)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while db.value("SELECT count(*) FROM promail.schedule_run WHERE outcome = 'running'") != "1" {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the run of {args:?} was never recorded as running");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Past the start's record: the job is waiting for the lock.
    std::thread::sleep(Duration::from_millis(300));
    crate::interrupt::send_signal(child.id(), signal);
    let sent = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if sent.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{args:?} ignored the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = sent.elapsed();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stderr_of(&out), took)
}

#[test]
fn a_job_stopped_by_a_signal_is_recorded_as_interrupted() {
    let db = TestDb::migrated("schedule_interrupted");
    {
        let _held = HeldLock::take(&db, promail::lock::Key::Partitions);
        let (code, err, took) = stop_a_waiting_job(
            &db,
            &["partitions", "rotate", "--lock-wait", "60s"],
            libc::SIGINT,
        );
        assert_eq!(code, Some(130), "{err}");
        assert_eq!(err.trim(), "interrupted");
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }
    {
        let _held = HeldLock::take(&db, promail::lock::Key::Cleanup);
        let (code, err, took) = stop_a_waiting_job(
            &db,
            &["cleanup", "--yes", "--lock-wait", "60s"],
            libc::SIGTERM,
        );
        assert_eq!(code, Some(143), "{err}");
        assert_eq!(err.trim(), "terminated");
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }
    assert_eq!(
        db.value(
            "SELECT string_agg(job || ':' || outcome || ':' || summary || ':' || (ended_at IS NOT NULL), ' | ' ORDER BY id) \
             FROM promail.schedule_run"
        ),
        "rotate:failed:interrupted by SIGINT:true | cleanup:failed:interrupted by SIGTERM:true"
    );
    let rows = list_json(&db, &[]);
    assert_eq!(job(&rows, "rotate")["last_outcome"], "failed");
    assert_eq!(job(&rows, "cleanup")["last_outcome"], "failed");
}

#[test]
fn a_run_that_finds_its_lock_held_is_recorded_as_skipped_and_is_no_success() {
    let db = TestDb::migrated("schedule_skipped");
    for (key, args, what) in [
        (
            promail::lock::Key::Partitions,
            &["-q", "partitions", "rotate", "--lock-wait", "0s"][..],
            "partition maintenance run",
        ),
        (
            promail::lock::Key::Cleanup,
            &["-q", "cleanup", "--yes", "--lock-wait", "0s"][..],
            "cleanup",
        ),
    ] {
        let held = HeldLock::take(&db, key);
        let (_, err) = ok(&db, args);
        let why = format!(
            "another {what} holds the lock (pid {}); nothing done here",
            held.pid
        );
        assert_eq!(err.trim(), format!("warning: {why}"));
        assert_eq!(
            db.value(
                "SELECT outcome || ': ' || summary FROM promail.schedule_run ORDER BY id DESC LIMIT 1"
            ),
            format!("skipped: {why}")
        );
    }
    // A skipped run is neither the last outcome shown nor a success.
    let rows = list_json(&db, &[]);
    assert_eq!(job(&rows, "rotate")["last_run"], serde_json::Value::Null);
    assert_eq!(
        job(&rows, "cleanup")["last_outcome"],
        serde_json::Value::Null
    );
    db.sql("UPDATE promail.schedule_job SET updated_at = now() - interval '30 days'");
    let (_, line) = check_schedule_line(&db);
    assert!(line.starts_with("WARNING"), "{line}");
    assert!(
        line.contains("rotate has not succeeded since it was scheduled, 30 days"),
        "{line}"
    );
    assert!(
        line.contains("cleanup has not succeeded since it was scheduled, 30 days"),
        "{line}"
    );
}

#[test]
fn a_job_refused_for_its_arguments_records_nothing() {
    let db = TestDb::migrated("schedule_usage");
    for (args, needle) in [
        (
            &[
                "monitor",
                "check",
                "--connections-warning",
                "95",
                "--connections-critical",
                "90",
            ][..],
            "a warning must come before the critical level",
        ),
        (
            &["backup", "prune", "--dir", "/nonexistent"][..],
            "needs --keep N",
        ),
        (
            &["partitions", "rotate", "no_such_table"][..],
            "unknown table",
        ),
    ] {
        let out = db.promail().args(args).output().unwrap();
        // monitor check's usage errors are UNKNOWN (3) for monitoring systems.
        let code = if args[0] == "monitor" { 3 } else { 2 };
        assert_error(&out, code, needle);
    }
    assert_eq!(
        db.value("SELECT count(*) FROM promail.schedule_run"),
        "0",
        "a usage error is not a run"
    );
    // A CRITICAL verdict also exits 2, but it is a run that succeeded in giving its verdict.
    let out = db
        .promail()
        .args([
            "monitor",
            "check",
            "--connections-warning",
            "0",
            "--connections-critical",
            "0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert_eq!(
        db.value("SELECT string_agg(job || ': ' || outcome || ': ' || summary, ', ') FROM promail.schedule_run"),
        "check: succeeded: verdict CRITICAL"
    );
}
