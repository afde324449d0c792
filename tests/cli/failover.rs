//! A primary crashed in the middle of the nightly rotate, its standby promoted, the job rerun
//! through the same two-host connection string: nothing lost, nothing half-done, the rerun
//! completes. On a primary and standby of the test's own (the shared test standby stays).

use crate::standby_support::{pg_ctl, StandbyPair};
use crate::support::{promail, sql_on, stderr_of};

/// Rows of DEFAULT the interrupted rotate moves.
const ROWS: i64 = 300_000;

#[test]
fn a_primary_crashed_mid_rotate_then_promoted_standby_loses_nothing_and_the_rerun_completes() {
    let Some(pair) = StandbyPair::start() else {
        return;
    };
    let (primary_dir, standby_dir) = (pair.primary.dir().to_path_buf(), pair.standby_dir.clone());
    let app = pair.primary.conninfo("promail_db").unwrap();
    let out = promail()
        .env("DATABASE_URL", &app)
        .args(["db", "migrate", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
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
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    let child = c
        .env("DATABASE_URL", &hosts)
        .env("NO_COLOR", "1")
        .env("HOME", crate::support::empty_home())
        .args(["partitions", "rotate"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The move is under way: the DELETE … RETURNING that feeds the new table runs.
    let start = std::time::Instant::now();
    loop {
        let moving = sql_on(
            &pair.primary.conninfo("postgres").unwrap(),
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%RETURNING%' \
             AND state = 'active' AND pid <> pg_backend_pid()",
        );
        if moving[0][0].as_deref() != Some("0") {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the move never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
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
