//! A primary crashed in the middle of the nightly rotate, its standby promoted, the job rerun
//! through the same two-host connection string: nothing lost, nothing half-done, the rerun
//! completes. On a primary and standby of the test's own (the shared test standby stays).

use crate::standby_support::{pg_ctl, StandbyPair};
use crate::support::{promail, sql_on, stderr_of};

/// Rows of DEFAULT the interrupted rotate moves.
const ROWS: i64 = 300_000;
/// Rows of login_history in the interrupted backup.
const BACKUP_ROWS: i64 = 500_000;

#[test]
fn a_primary_crashed_mid_rotate_then_promoted_standby_loses_nothing_and_the_rerun_completes() {
    let Some((pair, app)) = migrated_pair() else {
        return;
    };
    let (primary_dir, standby_dir) = (pair.primary.dir().to_path_buf(), pair.standby_dir.clone());
    // Rows of a month a year ahead sit in DEFAULT: rotate moves them into a new partition.
    sql_on(
        &app,
        &format!(
            "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
             INSERT INTO login_history (user_id, login_time, ip_address, user_agent)
             SELECT 1, date_trunc('month', localtimestamp) + interval '1 year' + interval '1 second' * g,
                    '10.0.0.1', 'Mozilla/5.0'
             FROM generate_series(1, {ROWS}) g"
        ),
    );
    pair.standby.wait_replayed();

    // Both hosts, as a DBA writes them for the nightly job.
    let hosts = pair.conn(false, "target_session_attrs=read-write connect_timeout=5");
    let child = spawn(&hosts, &["partitions", "rotate"]);
    // The move is under way: the DELETE … RETURNING that feeds the new table runs.
    wait_for_active(&pair, "query LIKE '%RETURNING%'", "the move never started");
    // The primary crashes.
    let out = pg_ctl(
        &primary_dir.join("data"),
        &["stop", "-m", "immediate", "-w"],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.lines().any(|l| l.starts_with("error: ")),
        "one error line: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // The standby is promoted; the same job, the same string, runs again and completes.
    let out = pg_ctl(&standby_dir.join("data"), &["promote", "-w"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = promail()
        .env("DATABASE_URL", &hosts)
        .args(["partitions", "rotate"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains(&format!("move {ROWS} rows from login_history_default")),
        "the whole period is moved by the rerun: {}",
        stderr_of(&out)
    );
    // Nothing lost, nothing left behind, on the new primary.
    let new_primary = pair.standby.conn_to("promail_db");
    let counts = sql_on(
        &new_primary,
        "SELECT (SELECT count(*) FROM login_history), (SELECT count(*) FROM ONLY login_history_default)",
    );
    assert_eq!(
        counts,
        vec![vec![Some(ROWS.to_string()), Some("0".to_string())]]
    );
    drop(pair);
}

/// A primary and standby of the test's own, the primary migrated; with its connection string.
fn migrated_pair() -> Option<(StandbyPair, String)> {
    let pair = StandbyPair::start()?;
    let app = pair.primary.conninfo("promail_db").unwrap();
    let out = promail()
        .env("DATABASE_URL", &app)
        .args(["db", "migrate", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    Some((pair, app))
}

/// promail run with `args` on `hosts`, as cron runs it: no terminal, no PG* or PROMAIL_*
/// variables but the connection string, an empty home.
fn spawn(hosts: &str, args: &[&str]) -> std::process::Child {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    c.env("DATABASE_URL", hosts)
        .env("NO_COLOR", "1")
        .env("HOME", crate::support::empty_home())
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until a session of the primary other than the asking one is active and matches
/// `condition` (SQL on pg_stat_activity).
fn wait_for_active(pair: &StandbyPair, condition: &str, never: &str) {
    let start = std::time::Instant::now();
    loop {
        let n = sql_on(
            &pair.primary.conninfo("postgres").unwrap(),
            &format!(
                "SELECT count(*) FROM pg_stat_activity WHERE {condition} \
                 AND state = 'active' AND pid <> pg_backend_pid()"
            ),
        );
        if n[0][0].as_deref() != Some("0") {
            return;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{never}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_primary_crashed_mid_backup_leaves_no_archive_and_the_rerun_on_the_promoted_standby_completes()
{
    let Some((pair, app)) = migrated_pair() else {
        return;
    };
    let (primary_dir, standby_dir) = (pair.primary.dir().to_path_buf(), pair.standby_dir.clone());
    // Enough rows that pg_dump is seen copying them (it compresses as it goes).
    sql_on(
        &app,
        &format!(
            "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
             INSERT INTO login_history (user_id, login_time, ip_address, user_agent)
             SELECT 1, localtimestamp - interval '1 second' * (g % 86400), '10.0.0.1',
                    'Mozilla/5.0 (X11; Linux x86_64) ' || md5(g::text)
             FROM generate_series(1, {BACKUP_ROWS}) g"
        ),
    );
    pair.standby.wait_replayed();
    let dir = tempfile::tempdir().unwrap();
    let dir_arg = dir.path().to_str().unwrap().to_string();
    let hosts = pair.conn(false, "target_session_attrs=read-write connect_timeout=5");

    let child = spawn(&hosts, &["backup", "create", "--dir", &dir_arg]);
    // pg_dump copies the rows.
    wait_for_active(
        &pair,
        "query LIKE 'COPY %' AND query LIKE '%TO stdout%'",
        "pg_dump never started copying",
    );
    let out = pg_ctl(
        &primary_dir.join("data"),
        &["stop", "-m", "immediate", "-w"],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.lines().any(|l| l.starts_with("error: ")), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // Nothing under a final name, no temporary file left.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".promail"))
        .collect();
    assert!(left.is_empty(), "left in the backup folder: {left:?}");

    // The standby is promoted; the same job on the same string writes a whole backup.
    let out = pg_ctl(&standby_dir.join("data"), &["promote", "-w"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = promail()
        .env("DATABASE_URL", &hosts)
        .args(["backup", "create", "--dir", &dir_arg, "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = promail()
        .args(["backup", "list", "--dir", &dir_arg, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let list: serde_json::Value = serde_json::from_str(&crate::support::stdout_of(&out)).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let name = list[0]["name"].as_str().unwrap();
    let out = promail()
        .args(["backup", "verify"])
        .arg(dir.path().join(name))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    drop(pair);
}
