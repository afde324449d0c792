//! `monitor replication` and the replication check, on both sides of a real streaming standby
//! (tests/cli/support.rs: `standby()`).

use serde_json::Value;

use crate::support::{assert_error, standby, stderr_of, stdout_of, TestDb};

#[test]
fn replication_on_the_primary_lists_the_standby_and_on_the_standby_its_lag() {
    let Some(sb) = standby() else { return };
    let db = TestDb::migrated("monitor_replication");
    sb.wait_replayed();

    let out = db
        .promail()
        .args(["monitor", "replication", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("this server is a primary; 1 standby(s) streaming"),
        "{}",
        stderr_of(&out)
    );
    let rows: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let row = &rows.as_array().unwrap()[0];
    assert_eq!(row["state"], "streaming");
    assert!(row["replay_lag_bytes"].is_i64(), "{row}");

    // The same command on the standby's copy of the database.
    let out = db
        .promail()
        .env("DATABASE_URL", sb.conn_to(&db.name))
        .args(["monitor", "replication", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("this server is a standby"),
        "{}",
        stderr_of(&out)
    );
    let rows: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let row = &rows.as_array().unwrap()[0];
    assert_eq!(row["status"], "streaming");
    assert!(row["replay_lag_bytes"].as_i64().unwrap() >= 0);

    // The overview says which the server is.
    let out = db
        .promail()
        .env("DATABASE_URL", sb.conn_to(&db.name))
        .args(["monitor"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.contains("standby (in recovery)"), "{text}");
}

#[test]
fn the_replication_check_judges_the_lag_on_both_sides() {
    let Some(sb) = standby() else { return };
    let db = TestDb::migrated("monitor_replication_check");
    sb.wait_replayed();
    let check = |conn: &str, args: &[&str]| {
        let out = db
            .promail()
            .env("DATABASE_URL", conn)
            .args(["monitor", "check"])
            .args(args)
            .output()
            .unwrap();
        let text = stdout_of(&out);
        let line = text
            .lines()
            .find(|l| l.contains(" replication: "))
            .unwrap_or_else(|| panic!("{text}{}", stderr_of(&out)))
            .to_string();
        line
    };
    let standby_conn = sb.conn_to(&db.name);
    let l = check(&db.conn, &[]);
    assert!(l.starts_with("OK replication: primary; "), "{l}");
    assert!(l.contains("standby(s)"), "{l}");
    let l = check(&standby_conn, &[]);
    assert!(l.starts_with("OK replication: standby; streaming"), "{l}");
    // Levels of 0 bytes: any lag, even none, is past them.
    let zero = ["--replication-warning", "0", "--replication-critical", "0"];
    assert!(check(&db.conn, &zero).starts_with("CRITICAL replication: primary"));
    assert!(check(&standby_conn, &zero).starts_with("CRITICAL replication: standby"));
}

#[test]
fn every_changing_command_refuses_a_standby_at_once_even_with_nothing_to_do() {
    let Some(sb) = standby() else { return };
    let db = TestDb::migrated("standby_refusal");
    sb.wait_replayed();
    let on_standby = sb.conn_to(&db.name);
    for args in [
        &["db", "migrate"][..],
        &["partitions", "rotate"],
        &[
            "partitions",
            "create",
            "login_history",
            "--from",
            "2030-01-01",
            "--to",
            "2030-03-01",
        ],
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--premake",
            "4",
        ],
        &["cleanup", "--yes"],
        &["db", "seed", "--users", "1"],
        &["db", "baseline"],
        &[
            "restore",
            "/nonexistent/promail_20260101_000000.dump",
            "--yes",
        ],
    ] {
        let out = db
            .promail()
            .env("DATABASE_URL", &on_standby)
            .args(args)
            .output()
            .unwrap();
        let err = crate::support::assert_error(&out, 1, "is a standby (in recovery)");
        assert!(err.contains("runs only on the primary"), "{args:?}: {err}");
        assert!(
            err.contains("hint: ") && err.contains("target_session_attrs=read-write"),
            "{args:?}: {err}"
        );
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{err}"
        );
        assert!(!err.contains("25006"), "no late read-only error: {err}");
    }
    // Reading commands and dry runs work there.
    for args in [
        &["partitions", "rotate", "--dry-run"][..],
        &["db", "status"],
        &["partitions", "list", "--health"],
        &["cleanup", "--dry-run"],
    ] {
        let out = db
            .promail()
            .env("DATABASE_URL", &on_standby)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    }
}

#[test]
fn a_host_list_with_read_write_reaches_the_primary_whichever_comes_first() {
    let Some(sb) = standby() else { return };
    let db = TestDb::migrated("standby_host_list");
    sb.wait_replayed();
    let host = |conn: &str| -> String {
        promail::conninfo::resolve(Some(conn), &promail::conninfo::ProcessEnv)
            .unwrap()
            .hosts[0]
            .clone()
    };
    let (primary, standby_host) = (host(&db.conn), host(&sb.conn));
    let url = format!(
        "host={standby_host},{primary} port=5432,5432 user=postgres dbname={} target_session_attrs=read-write",
        db.name
    );
    // The standby is listed first: the rotate goes to the primary and succeeds (nothing to do).
    let out = db
        .promail()
        .env("DATABASE_URL", &url)
        .args(["partitions", "rotate", "-v"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    // -v names the host passed over, why, and what it cost.
    let line = err
        .lines()
        .find(|l| l.starts_with("passed over "))
        .unwrap_or_else(|| panic!("no line for the standby passed over: {err}"));
    assert!(line.contains(&standby_host), "{line}");
    assert!(
        line.contains("read-only") && line.ends_with(" ms)"),
        "{line}"
    );

    // Only standbys listed: every host answered; each is named with what it is, and the hint
    // says a failover may be under way.
    let standbys = format!(
        "host={standby_host},{standby_host} port=5432,5432 user=postgres dbname={} target_session_attrs=read-write",
        db.name
    );
    let out = db
        .promail()
        .env("DATABASE_URL", &standbys)
        .args(["partitions", "rotate"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "no server could be used among the 2 hosts listed");
    assert!(!err.contains("no host answered"), "{err}");
    assert_eq!(err.matches("read-only").count(), 2, "{err}");
    assert!(err.contains("hint: ") && err.contains("failover"), "{err}");
}
