//! `promail monitor`: the seed's four monitoring queries corrected (errata 2–5), the other
//! reports, the overview, and the privileges they need.

use serde_json::Value;

use crate::support::{assert_error, runtime, stderr_of, stdout_of, TestDb};

/// `promail monitor ARGS --format json` on `db`, which must succeed: (rows, stderr).
fn json(db: &TestDb, args: &[&str]) -> (Vec<Value>, String) {
    let out = db
        .promail()
        .arg("monitor")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "monitor {args:?}: {}",
        stderr_of(&out)
    );
    let v: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    (v.as_array().unwrap().clone(), stderr_of(&out))
}

fn find<'a>(rows: &'a [Value], col: &str, value: &str) -> Option<&'a Value> {
    rows.iter().find(|r| r[col] == value)
}

#[test]
fn sizes_go_by_oid_sum_partitions_and_skip_a_locked_table() {
    let db = TestDb::migrated("monitor_sizes");
    db.sql(
        "CREATE TABLE \"MixedCase\" (id int, t text);
         INSERT INTO \"MixedCase\" SELECT n, repeat('x', 100) FROM generate_series(1, 1000) n;
         CREATE TABLE \"with space\" (id int);
         INSERT INTO login_history (user_id, login_time, success)
             SELECT NULL, CURRENT_TIMESTAMP, true FROM generate_series(1, 2000);",
    );
    let (rows, _) = json(&db, &["sizes"]);
    let mixed = find(&rows, "table", "public.\"MixedCase\"").expect("MixedCase listed");
    assert!(mixed["total_bytes"].as_i64().unwrap() > 100_000, "{mixed}");
    assert!(find(&rows, "table", "public.\"with space\"").is_some());
    // The partitioned parent holds its partitions' rows, not 0 bytes.
    let logs = find(&rows, "table", "public.login_history").unwrap();
    assert!(logs["total_bytes"].as_i64().unwrap() > 100_000, "{logs}");
    assert!(logs["kind"].as_str().unwrap().starts_with("partitioned"));
    // Partitions are not rows of their own unless asked for.
    assert!(find(&rows, "table", "public.login_history_default").is_none());
    let (rows, _) = json(&db, &["sizes", "--partitions"]);
    let parts: Vec<&Value> = rows
        .iter()
        .filter(|r| r["partition_of"] == "public.login_history")
        .collect();
    let sum: i64 = parts
        .iter()
        .map(|r| r["total_bytes"].as_i64().unwrap())
        .sum();
    assert_eq!(
        sum,
        find(&rows, "table", "public.login_history").unwrap()["total_bytes"]
    );

    // A table held ACCESS EXCLUSIVE: skipped and named, the others still measured.
    let rt = runtime();
    let app = rt.block_on(db.connect());
    rt.block_on(app.batch_execute("BEGIN; LOCK TABLE \"MixedCase\" IN ACCESS EXCLUSIVE MODE"))
        .unwrap();
    let out = db
        .promail()
        .args(["monitor", "sizes"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let (text, err) = (stdout_of(&out), stderr_of(&out));
    assert!(!text.contains("MixedCase"), "{text}");
    assert!(text.contains("public.login_history"), "{text}");
    assert!(
        err.contains("skipped, locked ACCESS EXCLUSIVE") && err.contains("public.\"MixedCase\""),
        "{err}"
    );
    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
}

#[test]
fn unused_indexes_skip_a_locked_table_instead_of_waiting() {
    let db = TestDb::migrated("monitor_unused_locked");
    let rt = runtime();
    let app = rt.block_on(db.connect());
    rt.block_on(app.batch_execute("BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE"))
        .unwrap();
    let out = db
        .promail()
        .args(["monitor", "unused-indexes", "--format", "json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let rows: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let rows = rows.as_array().unwrap();
    // The locked table's indexes are listed without what would wait; the others in full.
    let users = find(rows, "index", "idx_users_created_at").expect("listed");
    assert!(
        users["definition"].is_null() && users["size_bytes"].is_null(),
        "{users}"
    );
    let emails = find(rows, "index", "idx_emails_created_at").expect("listed");
    assert!(emails["definition"]
        .as_str()
        .unwrap()
        .contains("created_at"));
    assert!(rows.iter().all(|r| r.get("locked").is_none()));
    let err = stderr_of(&out);
    assert!(
        err.contains("not read") && err.contains("public.users.idx_users_created_at"),
        "{err}"
    );
    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
}

#[test]
fn queries_explain_a_missing_extension_in_one_line() {
    let db = TestDb::migrated("monitor_queries_missing");
    // A server that preloads the library, in a database without the extension (the test
    // cluster, like `promail local`, has it in template1).
    db.sql("DROP EXTENSION IF EXISTS pg_stat_statements");
    let out = db.promail().args(["monitor", "queries"]).output().unwrap();
    let err = assert_error(&out, 1, "pg_stat_statements is not installed in database");
    assert!(err.contains("hint: ") && err.contains("CREATE EXTENSION pg_stat_statements"));
    // The test server preloads it: no restart is asked for.
    assert!(
        err.contains("preloads it already") && !err.contains("restart"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    // The overview still prints its other sections, and says why this one is missing.
    let out = db.promail().args(["monitor"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(
        text.contains("top queries: unavailable: pg_stat_statements is not installed"),
        "{text}"
    );
    for section in ["server:", "connections:", "largest tables:", "partitions:"] {
        assert!(text.contains(section), "{section} in {text}");
    }
}

/// Statements the seed's filter keeps (on users) and one it leaves out.
fn some_statements(db: &TestDb) {
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x') ON CONFLICT DO NOTHING;
         SELECT count(*) FROM users;",
    );
    for _ in 0..3 {
        db.sql("SELECT count(*) FROM users WHERE email LIKE 'a%'");
    }
    db.sql("SELECT 42 AS unrelated_statement");
}

#[test]
fn queries_rank_statements_with_the_same_columns_on_old_and_new_extension_versions() {
    let db = TestDb::migrated("monitor_queries");
    db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    some_statements(&db);
    let (rows, _) = json(&db, &["queries"]);
    assert!(!rows.is_empty());
    for r in &rows {
        let q = r["query"].as_str().unwrap().to_lowercase();
        assert!(q.contains("users") || q.contains("emails"), "{q}");
        for col in [
            "calls", "total_ms", "mean_ms", "rows", "hit_pct", "io_ms", "user",
        ] {
            assert!(r.get(col).is_some(), "{col} in {r}");
        }
    }
    let (rows, _) = json(
        &db,
        &["queries", "--by", "calls", "--all", "--limit", "1000"],
    );
    assert!(
        rows.iter()
            .any(|r| r["query"].as_str().unwrap().contains("unrelated_statement")),
        "--all lists every statement"
    );
    let calls: Vec<i64> = rows.iter().map(|r| r["calls"].as_i64().unwrap()).collect();
    assert!(calls.windows(2).all(|w| w[0] >= w[1]), "{calls:?}");

    // Extension 1.4 (total_time, blk_read_time) on this server: the same columns, and a note.
    db.sql("DROP EXTENSION pg_stat_statements; CREATE EXTENSION pg_stat_statements VERSION '1.4'");
    some_statements(&db);
    let (rows, err) = json(&db, &["queries"]);
    assert!(!rows.is_empty());
    assert!(rows[0]["total_ms"].is_number(), "{}", rows[0]);
    assert!(
        err.contains("pg_stat_statements 1.4 is older") && err.contains("ALTER EXTENSION"),
        "{err}"
    );
    // A table on a terminal-less stdout: a long query is cut, on one line.
    let out = db
        .promail()
        .args(["monitor", "queries", "--all"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
}

#[test]
fn activity_shows_others_not_itself_flags_idle_transactions_and_names_the_blocker() {
    let db = TestDb::migrated("monitor_activity");
    let rt = runtime();
    let holder = rt.block_on(db.connect());
    rt.block_on(holder.batch_execute("BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE"))
        .unwrap();
    let holder_pid = db_pid(&rt, &holder);
    let waiter = rt.block_on(db.connect());
    let waiter_pid = db_pid(&rt, &waiter);
    let waiting = rt.spawn(async move {
        let r = waiter.simple_query("SELECT count(*) FROM users").await;
        drop(waiter);
        r.is_ok()
    });
    // Until the server shows the waiter waiting (the request went out).
    rt.block_on(async {
        while db
            .connect()
            .await
            .query_one(
                "SELECT cardinality(pg_blocking_pids($1)) FROM pg_stat_activity WHERE pid = $1",
                &[&waiter_pid],
            )
            .await
            .map_or(true, |r| r.get::<_, i32>(0) == 0)
        {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    });
    let (rows, _) = json(&db, &["activity", "--flag-after", "0s"]);
    let holder_row = rows.iter().find(|r| r["pid"] == holder_pid).unwrap();
    assert_eq!(holder_row["state"], "idle in transaction");
    assert!(
        holder_row["flag"]
            .as_str()
            .unwrap()
            .starts_with("idle in transaction for"),
        "{holder_row}"
    );
    let waiter_row = rows.iter().find(|r| r["pid"] == waiter_pid).unwrap();
    assert_eq!(waiter_row["blocked_by"], holder_pid.to_string());
    assert!(waiter_row["wait"].as_str().unwrap().starts_with("Lock:"));
    // Not promail's own session.
    assert!(!rows.iter().any(|r| r["query"]
        .as_str()
        .unwrap_or("")
        .contains("pg_blocking_pids")));
    // The blocking chain as `locks` shows it.
    let (locks, _) = json(&db, &["locks"]);
    let l = locks.iter().find(|r| r["pid"] == waiter_pid).unwrap();
    assert_eq!(l["blocked_by"], holder_pid.to_string());
    assert_eq!(l["blocker_state"], "idle in transaction");
    assert!(l["wants"].as_str().unwrap().contains("users"), "{l}");
    rt.block_on(holder.batch_execute("ROLLBACK")).unwrap();
    assert!(rt.block_on(waiting).unwrap());
}

fn db_pid(rt: &tokio::runtime::Runtime, db: &promail::connect::Db) -> i32 {
    rt.block_on(db.query_one("SELECT pg_backend_pid()", &[]))
        .unwrap()
        .get(0)
}

#[test]
fn without_pg_monitor_other_roles_are_said_to_be_hidden_and_with_it_they_show() {
    let db = TestDb::migrated("monitor_roles");
    let role = format!("{}_watcher", db.name);
    db.sql(&format!(
        "CREATE ROLE \"{role}\" LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public, promail TO \"{role}\";
         GRANT USAGE ON SCHEMA promail TO \"{role}\""
    ));
    let rt = runtime();
    let other = rt.block_on(db.connect());
    rt.block_on(other.batch_execute("BEGIN; SELECT 1")).unwrap();
    let run = |args: &[&str]| {
        db.promail()
            .env("DATABASE_URL", db.conn_as(&role))
            .arg("monitor")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["activity"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("session(s) of other roles hidden") && err.contains("pg_monitor"),
        "{err}"
    );
    assert!(!stdout_of(&out).contains("idle in transaction"));
    // The overview works as this role too.
    let out = run(&[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("hidden"), "{}", stdout_of(&out));

    db.sql(&format!("GRANT pg_monitor TO \"{role}\""));
    let out = run(&["activity", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("hidden"), "{}", stderr_of(&out));
    let rows: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["state"] == "idle in transaction"));
    rt.block_on(other.batch_execute("ROLLBACK")).unwrap();
    drop(other);
    drop(rt);
    db.sql(&format!(
        "REVOKE ALL ON ALL TABLES IN SCHEMA public, promail FROM \"{role}\";
         REVOKE USAGE ON SCHEMA promail FROM \"{role}\"; DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\""
    ));
}

#[test]
fn unused_indexes_leave_out_constraint_indexes_and_say_since_when() {
    let db = TestDb::new("monitor_unused");
    db.sql(
        "CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE, note text, n int);
         CREATE INDEX t_note ON t (note);
         CREATE INDEX t_n ON t (n);
         INSERT INTO t SELECT g, 'c' || g, 'n', g FROM generate_series(1, 100) g;
         SET enable_seqscan = off; SELECT * FROM t WHERE n = 3;",
    );
    // Before PostgreSQL 15 the collector reports the scan a moment after the session.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while db
        .value("SELECT coalesce(idx_scan, 0) FROM pg_stat_user_indexes WHERE indexrelname = 't_n'")
        == "0"
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let (rows, err) = json(&db, &["unused-indexes"]);
    let names: Vec<&str> = rows.iter().map(|r| r["index"].as_str().unwrap()).collect();
    assert_eq!(names, ["t_note"], "{rows:?}");
    assert!(rows[0]["size_bytes"].as_i64().unwrap() > 0);
    assert!(err.contains("scans counted since"), "{err}");
}

#[test]
fn the_other_reports_answer_on_a_migrated_database() {
    let db = TestDb::migrated("monitor_reports");
    db.sql(
        "CREATE INDEX users_email_again ON users (email);
         ALTER TABLE users SET (autovacuum_enabled = off);
         INSERT INTO users (email, password_hash) SELECT 'u' || g || '@example.fr', 'x' FROM generate_series(1, 500) g;",
    );
    // Its own transactions: an ANALYZE in the DELETE's transaction counts none of its dead
    // rows. Autovacuum is off for the table so it cannot clear them before the report.
    db.sql("DELETE FROM users WHERE id % 2 = 0");
    db.sql("ANALYZE users");
    let (dups, _) = json(&db, &["duplicate-indexes"]);
    let users = find(&dups, "table", "public.users").expect("the duplicate of users.email");
    // The constraint's index first: the one to keep.
    assert_eq!(users["indexes"], "users_email_key, users_email_again");
    // Before PostgreSQL 15 the statistics reach the collector a moment after the transaction.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    // Its messages can also be lost under load; ANALYZE sends the count again.
    let mut polls = 0;
    while db.value("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'users'") == "0" {
        assert!(
            std::time::Instant::now() < deadline,
            "no dead tuples counted"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        polls += 1;
        if polls % 20 == 0 {
            db.sql("ANALYZE users");
        }
    }
    let (vac, err) = json(&db, &["vacuum"]);
    let u = find(&vac, "table", "public.users").unwrap();
    assert!(u["dead"].as_i64().unwrap() > 0, "{u}");
    assert!(err.contains("transaction-ID age"), "{err}");
    assert!(!err.contains("only the top"), "all shown: {err}");
    // A list cut by --limit says so.
    let (top, err) = json(&db, &["vacuum", "--limit", "2"]);
    assert_eq!(top.len(), 2);
    assert!(
        err.contains("only the top 2 tables by dead tuples are shown"),
        "{err}"
    );
    let (conn, _) = json(&db, &["connections"]);
    assert!(conn[0]["used"].as_i64().unwrap() >= 1);
    assert!(conn[0]["max_connections"].as_i64().unwrap() > 0);
    let (cache, _) = json(&db, &["cache"]);
    assert_eq!(cache.len(), 3);
    let (bloat, err) = json(&db, &["bloat"]);
    assert!(find(&bloat, "table", "public.users").is_some());
    assert!(err.contains("estimate"), "{err}");
    assert!(!err.contains("only the top"), "all shown: {err}");
    // Each table whose statistics give an estimate is listed: one fewer is a cut list.
    let n = bloat.len();
    if n >= 2 {
        let limit = (n - 1).to_string();
        let (top, err) = json(&db, &["bloat", "--limit", &limit]);
        assert_eq!(top.len(), n - 1);
        assert!(
            err.contains(&format!("only the top {limit} tables by estimated bloat")),
            "{err}"
        );
    }
    let (parts, _) = json(&db, &["partitions"]);
    assert_eq!(parts.len(), 2);
    assert_eq!(
        find(&parts, "table", "login_history").unwrap()["status"],
        "ok"
    );
    // (The standby tests may have a standby streaming from the test server.)
    let (_, err) = json(&db, &["replication"]);
    assert!(err.contains("this server is a primary"), "{err}");
    // CSV: a header and the same rows.
    let out = db
        .promail()
        .args(["monitor", "cache", "--format", "csv"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).starts_with("scope,hits,reads,hit_pct\n"));
}

#[test]
fn overview_in_json_has_every_section_and_csv_is_refused() {
    let db = TestDb::migrated("monitor_overview");
    db.sql("DROP EXTENSION IF EXISTS pg_stat_statements");
    let out = db
        .promail()
        .args(["monitor", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    for s in [
        "server",
        "connections",
        "largest_tables",
        "partitions",
        "replication",
    ] {
        assert!(v.get(s).is_some(), "{s} in {v}");
    }
    assert!(v["top_queries"]["error"]
        .as_str()
        .unwrap()
        .contains("not installed"));
    assert!(v["largest_tables"]["rows"].as_array().unwrap().len() <= 5);
    let out = db
        .promail()
        .args(["monitor", "--format", "csv"])
        .output()
        .unwrap();
    assert_error(&out, 2, "--format csv needs one report");
}

#[test]
fn bad_input_is_a_usage_error() {
    let db = TestDb::new("monitor_bad_input");
    let out = db.promail().args(["monitor", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("nope"));
    let out = db
        .promail()
        .args(["monitor", "activity", "--watch", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--watch"), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("at least 1 second"),
        "{}",
        stderr_of(&out)
    );
}

fn check(db: &TestDb, args: &[&str]) -> (Option<i32>, String, String) {
    let out = db
        .promail()
        .args(["monitor", "check"])
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), stdout_of(&out), stderr_of(&out))
}

fn line<'a>(text: &'a str, check: &str) -> &'a str {
    text.lines()
        .find(|l| l.split_whitespace().nth(1) == Some(&format!("{check}:")))
        .unwrap_or_else(|| panic!("no {check} line in {text}"))
}

#[test]
fn check_is_ok_on_a_fresh_database_and_nagios_codes_follow_the_worst_check() {
    let db = TestDb::migrated("monitor_check");
    let (code, text, err) = check(&db, &[]);
    assert_eq!(code, Some(0), "{text}{err}");
    assert!(
        text.starts_with("PROMAIL OK: 0 critical, 0 warning, 0 unknown, 8 ok\n"),
        "{text}"
    );
    for c in [
        "connections",
        "wraparound",
        "long_transaction",
        "replication",
        "default_rows",
        "partitions_ahead",
        "migrations",
        "schedule",
    ] {
        assert!(line(&text, c).starts_with("OK "), "{text}");
    }

    // A row that no partition holds goes to DEFAULT: a warning, critical past its level.
    db.sql(
        "INSERT INTO login_history (user_id, login_time, success) VALUES (NULL, TIMESTAMP '2001-01-01', true)",
    );
    let (code, text, _) = check(&db, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.starts_with("PROMAIL WARNING"), "{text}");
    assert!(
        line(&text, "default_rows").contains("login_history 1"),
        "{text}"
    );
    let (code, text, _) = check(&db, &["--default-rows-critical", "1"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        line(&text, "default_rows").starts_with("CRITICAL"),
        "{text}"
    );

    // Migrations: one missing from the history is pending (WARNING), an edited one CRITICAL.
    db.sql("DELETE FROM login_history; DELETE FROM promail.schema_migrations WHERE version = 2");
    let (code, text, _) = check(&db, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        line(&text, "migrations").contains("1 pending (0002_"),
        "{text}"
    );
    db.sql("UPDATE promail.schema_migrations SET checksum = 'edited' WHERE version = 1");
    let (code, text, _) = check(&db, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        line(&text, "migrations").contains("edited after being applied"),
        "{text}"
    );
}

#[test]
fn check_judges_long_transactions_and_connections_with_the_given_levels() {
    let db = TestDb::migrated("monitor_check_levels");
    let rt = runtime();
    let app = rt.block_on(db.connect());
    rt.block_on(app.batch_execute("BEGIN; SELECT 1")).unwrap();
    let (code, text, _) = check(
        &db,
        &[
            "--transaction-warning",
            "0s",
            "--transaction-critical",
            "1d",
        ],
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(
        line(&text, "long_transaction")
            .starts_with("WARNING long_transaction: oldest open transaction: pid "),
        "{text}"
    );
    let (code, text, _) = check(
        &db,
        &["--connections-warning", "0", "--connections-critical", "0"],
    );
    assert_eq!(code, Some(2), "{text}");
    assert!(line(&text, "connections").starts_with("CRITICAL"), "{text}");
    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
}

#[test]
fn check_refuses_a_warning_past_its_critical_level() {
    // Usage errors are UNKNOWN (3): a monitoring system reads 2 as CRITICAL.
    let db = TestDb::new("monitor_check_usage");
    let (code, text, err) = check(&db, &["--connections-warning", "95"]);
    assert_eq!(code, Some(3));
    assert!(text.is_empty());
    assert!(
        err.starts_with("error: --connections-warning (95) is above --connections-critical (90)"),
        "{err}"
    );
    let (code, _, err) = check(&db, &["--ahead-warning", "0", "--ahead-critical", "2"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("--ahead-warning (0) is below --ahead-critical (2)"),
        "{err}"
    );
    // Arguments clap itself refuses too; other commands keep exit 2.
    for bad in [&["--bogus"][..], &["--connections-warning", "abc"]] {
        let (code, _, err) = check(&db, bad);
        assert_eq!(code, Some(3), "{bad:?}: {err}");
        assert!(err.starts_with("error: "), "{err}");
    }
    let out = db
        .promail()
        .args(["monitor", "sizes", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = db
        .promail()
        .args(["monitor", "check", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_without_a_server_is_unknown() {
    let out = crate::support::promail()
        .env(
            "DATABASE_URL",
            "host=/nonexistent-promail-socket user=x dbname=y",
        )
        .args(["monitor", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.starts_with("PROMAIL UNKNOWN"), "{text}");
    assert!(text.contains("UNKNOWN connection: "), "{text}");
}

#[test]
fn check_finds_the_newest_good_backup_by_name_sidecar_and_manifest() {
    let db = TestDb::migrated("monitor_check_backup");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let name = |hours_ago: i64| {
        (chrono::Utc::now() - chrono::Duration::hours(hours_ago))
            .format("promail_%Y%m%d_%H%M%S.dump")
            .to_string()
    };
    // A real backup, aged 30 hours by its name (its checksum file and manifest with it).
    let out = db
        .promail()
        .args(["backup", "create", "-q", "--dir", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let made = std::fs::read_dir(p)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "dump")
        })
        .unwrap();
    let old = name(30);
    for suffix in ["", ".sha256", ".manifest.json"] {
        std::fs::rename(
            p.join(format!("{made}{suffix}")),
            p.join(format!("{old}{suffix}")),
        )
        .unwrap();
    }
    // Fresher ones that are not good: no checksum file; an empty dump beside an empty checksum
    // file and no manifest.
    std::fs::write(p.join(name(1)), "x").unwrap();
    let empty = name(2);
    std::fs::write(p.join(&empty), "").unwrap();
    std::fs::write(p.join(format!("{empty}.sha256")), "").unwrap();
    let dir_arg = p.to_str().unwrap();
    let (code, text, _) = check(&db, &["--backup-dir", dir_arg]);
    assert_eq!(code, Some(1), "{text}");
    let l = line(&text, "backup_age");
    assert!(l.starts_with("WARNING") && l.contains(&old), "{l}");
    // Prometheus, written atomically to a file: the verdicts and values, no temporary left.
    let prom = p.join("promail.prom");
    let (code, text, err) = check(
        &db,
        &[
            "--backup-dir",
            dir_arg,
            "--format",
            "prometheus",
            "--output",
            prom.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(text.is_empty());
    let written = std::fs::read_to_string(&prom).unwrap();
    assert!(
        written.contains("promail_check_status{check=\"backup_age\"} 1\n"),
        "{written}"
    );
    assert!(
        written.contains("promail_check_status{check=\"connections\"} 0\n"),
        "{written}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    // An empty folder: no good backup at all.
    let empty = tempfile::tempdir().unwrap();
    let (code, text, _) = check(&db, &["--backup-dir", empty.path().to_str().unwrap()]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        line(&text, "backup_age").contains("no good backup"),
        "{text}"
    );
}
