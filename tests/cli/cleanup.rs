//! `promail cleanup`: the seed's retention with expired partitions dropped first; counts,
//! dry run, confirmation.

use serde_json::Value;

use crate::support::{assert_error, ok, runtime, stderr_of, stdout_of, TestDb};

/// A year of logins (one per hour) in monthly partitions, ten weeks of analytics in sixteen
/// weekly ones (the six oldest empty, as premade partitions never written to are), and a few
/// very old rows in each DEFAULT partition.
fn year_of_logs(db: &TestDb) {
    let day = |sql: &str| db.value(&format!("SELECT to_char({sql}, 'YYYY-MM-DD')"));
    let create = |table: &str, from: &str, to: &str| {
        let (from, to) = (day(from), day(to));
        let out = db
            .promail()
            .args(["partitions", "create", table, "--from", &from, "--to", &to])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    };
    create(
        "login_history",
        "date_trunc('month', localtimestamp - interval '12 months')",
        "date_trunc('month', localtimestamp + interval '1 month')",
    );
    create(
        "email_analytics",
        "localtimestamp - interval '16 weeks'",
        "localtimestamp + interval '1 week'",
    );
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
         INSERT INTO login_history (user_id, login_time)
           SELECT 1, t FROM generate_series(localtimestamp - interval '365 days', localtimestamp, interval '1 hour') t;
         INSERT INTO login_history (user_id, login_time)
           SELECT 1, localtimestamp - interval '3 years' + g * interval '1 minute' FROM generate_series(1, 10) g;
         INSERT INTO email_analytics (user_id, action, action_time)
           SELECT 1, 'open', t FROM generate_series(localtimestamp - interval '70 days', localtimestamp, interval '1 hour') t;
         INSERT INTO email_analytics (user_id, action, action_time)
           SELECT 1, 'open', localtimestamp - interval '2 years' FROM generate_series(1, 5);",
    );
}

fn older(db: &TestDb, table: &str, col: &str, interval: &str) -> i64 {
    db.value(&format!(
        "SELECT count(*) FROM {table} WHERE {col} < (CURRENT_TIMESTAMP - interval '{interval}')::timestamp"
    ))
    .parse()
    .unwrap()
}

fn total(db: &TestDb, table: &str) -> i64 {
    db.value(&format!("SELECT count(*) FROM {table}"))
        .parse()
        .unwrap()
}

fn partition_count(db: &TestDb, table: &str) -> i64 {
    db.value(&format!(
        "SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.{table}'::regclass"
    ))
    .parse()
    .unwrap()
}

fn report(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr_of(out));
    serde_json::from_str(&stdout_of(out)).unwrap()
}

#[test]
fn dry_run_counts_then_cleanup_removes_exactly_that() {
    let db = TestDb::unpartitioned("cleanup_counts");
    year_of_logs(&db);
    let logins = total(&db, "login_history");
    let analytics = total(&db, "email_analytics");
    let old_logins = older(&db, "login_history", "login_time", "90 days");
    let old_analytics = older(&db, "email_analytics", "action_time", "30 days");
    assert!(old_logins > 6000 && old_analytics > 900);
    let parts = partition_count(&db, "login_history");

    let dry = report(
        &db.promail()
            .args(["cleanup", "--dry-run", "--exact", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(dry[0]["table"], "login_history");
    assert_eq!(dry[0]["rows_removed"], old_logins, "{dry}");
    assert_eq!(dry[0]["exact"], true);
    let dropped = dry[0]["partitions_dropped"].as_i64().unwrap();
    assert!(dropped >= 8, "{dry}");
    // The boundary month and the 10 old rows in DEFAULT are left to the function's DELETE.
    assert!(dry[0]["rows_deleted"].as_i64().unwrap() >= 10, "{dry}");
    assert_eq!(dry[1]["table"], "email_analytics");
    assert_eq!(dry[1]["rows_removed"], old_analytics, "{dry}");
    // Nothing changed.
    assert_eq!(total(&db, "login_history"), logins);
    assert_eq!(total(&db, "email_analytics"), analytics);
    assert_eq!(partition_count(&db, "login_history"), parts);

    // Each partition's own count, empty ones included, is the one reported for it.
    let per_partition: Vec<(String, i64)> = ["login_history", "email_analytics"]
        .iter()
        .flat_map(|t| {
            db.value(&format!(
                "SELECT string_agg(c.relname || '=' || (xpath('/row/n/text()', \
                   query_to_xml(format('SELECT count(*) AS n FROM ONLY %I', c.relname), false, true, '')))[1]::text, ' ') \
                 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
                 WHERE i.inhparent = 'public.{t}'::regclass"
            ))
            .split(' ')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), v.parse().unwrap())
            })
            .collect::<Vec<_>>()
        })
        .collect();
    let out = db
        .promail()
        .args(["-v", "cleanup", "--yes", "--exact", "--format", "json"])
        .output()
        .unwrap();
    let done = report(&out);
    let stderr = stderr_of(&out);
    let mut lines: i64 = 0;
    for line in stderr.lines().filter(|l| l.starts_with("dropped ")) {
        let name = line["dropped ".len()..].split(' ').next().unwrap();
        let n = per_partition.iter().find(|(p, _)| p == name).unwrap().1;
        assert!(
            line.ends_with(&format!(" ({n} rows)")),
            "{line}: {n} rows expected"
        );
        lines += 1;
    }
    assert!(
        per_partition
            .iter()
            .any(|(p, n)| p.starts_with("email_analytics_") && *n == 0)
            && lines > dropped,
        "{stderr}"
    );
    assert_eq!(done[0]["rows_removed"], old_logins, "{done}");
    assert_eq!(done[0]["partitions_dropped"], dropped);
    assert_eq!(done[1]["rows_removed"], old_analytics, "{done}");
    assert_eq!(total(&db, "login_history"), logins - old_logins);
    assert_eq!(total(&db, "email_analytics"), analytics - old_analytics);
    assert_eq!(older(&db, "login_history", "login_time", "90 days"), 0);
    assert_eq!(older(&db, "email_analytics", "action_time", "30 days"), 0);
    assert_eq!(partition_count(&db, "login_history"), parts - dropped);

    // Nothing left to remove: quiet.
    let out = db.promail().args(["cleanup", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn cleanup_reports_one_line_per_table() {
    let db = TestDb::unpartitioned("cleanup_lines");
    year_of_logs(&db);
    let old_logins = older(&db, "login_history", "login_time", "90 days");
    let out = db.promail().args(["cleanup", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    let err = stderr_of(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("login_history: removed "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("partitions dropped"), "{line}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("email_analytics: removed ")),
        "{err}"
    );
    assert_eq!(older(&db, "login_history", "login_time", "90 days"), 0);
    assert!(old_logins > 0);
}

#[test]
fn cleanup_refuses_without_yes_when_no_terminal() {
    let db = TestDb::unpartitioned("cleanup_no_yes");
    year_of_logs(&db);
    let logins = total(&db, "login_history");
    let parts = partition_count(&db, "login_history");
    let out = db.promail().args(["cleanup"]).output().unwrap();
    let err = assert_error(&out, 1, "without confirmation: no terminal to ask on");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(total(&db, "login_history"), logins);
    assert_eq!(partition_count(&db, "login_history"), parts);
}

#[test]
fn cleanup_on_an_unmigrated_database_says_so() {
    let db = TestDb::new("cleanup_unmigrated");
    let out = db.promail().args(["cleanup", "--yes"]).output().unwrap();
    let err = assert_error(&out, 1, "cleanup_old_logs() does not exist");
    assert!(err.contains("promail db migrate"), "{err}");
}

/// A point a minute younger than the retention cutoff now: the rows at or after it are inside
/// retention for the whole test, whatever cleanup's own (later) cutoff.
fn keep_from(db: &TestDb) -> String {
    db.value(
        "SELECT ((CURRENT_TIMESTAMP - interval '90 days')::timestamp + interval '1 minute')::text",
    )
}

/// No row past either table's retention is left, and every login row at or after `from` (there
/// were `keep`) still is.
fn assert_retention_done(db: &TestDb, from: &str, keep: i64) {
    assert_eq!(older(db, "login_history", "login_time", "90 days"), 0);
    assert_eq!(older(db, "email_analytics", "action_time", "30 days"), 0);
    assert_eq!(young(db, from), keep);
}

/// The exact count of login rows at or after `from` (rows cleanup must keep).
fn young(db: &TestDb, from: &str) -> i64 {
    db.value(&format!(
        "SELECT count(*) FROM login_history WHERE login_time >= '{from}'"
    ))
    .parse()
    .unwrap()
}

/// Runs cleanup with a 300 ms lock_timeout and one retry against something holding a lock:
/// it must fail, in `step`, after two lock timeouts; its stderr.
fn cleanup_gives_up(db: &TestDb, step: &str) -> String {
    let out = db
        .promail()
        .args([
            "cleanup",
            "--yes",
            "--lock-timeout",
            "300ms",
            "--retries",
            "1",
        ])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, step);
    assert!(
        err.contains("within lock_timeout (300 ms) in 2 attempts"),
        "{err}"
    );
    err
}

/// The blocking transaction ends; a rerun of cleanup then finishes the work.
fn rerun_after(
    rt: &tokio::runtime::Runtime,
    app: &promail::connect::Db,
    db: &TestDb,
    from: &str,
    keep: i64,
) {
    rt.block_on(app.batch_execute("COMMIT")).unwrap();
    ok(db, &["cleanup", "--yes"]);
    assert_retention_done(db, from, keep);
}

#[test]
fn a_row_lock_in_the_boundary_month_makes_cleanup_give_up_and_a_rerun_finishes() {
    let db = TestDb::unpartitioned("cleanup_row_lock");
    year_of_logs(&db);
    let parts = partition_count(&db, "login_history");
    let boundary = db.value(
        "SELECT 'login_history_' || to_char((CURRENT_TIMESTAMP - interval '90 days')::timestamp, 'YYYY_MM')",
    );
    let rt = runtime();
    let app = rt.block_on(db.connect());
    // An application transaction holds a row lock on an expired row of the boundary month (it
    // reads the partition directly, so the parent is not locked and the drops go through).
    rt.block_on(app.batch_execute(&format!(
        "BEGIN; SELECT * FROM ONLY {boundary} \
         WHERE login_time < (CURRENT_TIMESTAMP - interval '90 days')::timestamp \
         ORDER BY login_time DESC LIMIT 1 FOR UPDATE"
    )))
    .unwrap();
    let from = keep_from(&db);
    let keep = young(&db, &from);
    let before = std::time::Instant::now();
    let err = cleanup_gives_up(&db, "deleting the rows older than the cutoff from");
    assert!(err.contains(&boundary), "{err}");
    assert!(err.contains("hint: blocked by pid "), "{err}");
    // Bounded: two lock timeouts and one pause, not the application's transaction.
    assert!(before.elapsed() < std::time::Duration::from_secs(10));
    // The wholly expired partitions went; no row inside retention was touched.
    assert!(partition_count(&db, "login_history") < parts);
    assert_eq!(young(&db, &from), keep);

    rerun_after(&rt, &app, &db, &from, keep);
}

#[test]
fn a_reader_of_an_expired_partition_makes_the_drops_give_up_and_the_function_never_runs() {
    let db = TestDb::unpartitioned("cleanup_drop_blocked");
    year_of_logs(&db);
    let parts = partition_count(&db, "login_history");
    let expired = db.value(
        "SELECT 'login_history_' || to_char((CURRENT_TIMESTAMP - interval '150 days')::timestamp, 'YYYY_MM')",
    );
    let in_expired = db.value(&format!("SELECT count(*) FROM {expired}"));
    assert_ne!(in_expired, "0");
    let rt = runtime();
    let app = rt.block_on(db.connect());
    // A report reading one expired month holds it against DROP TABLE until it ends.
    rt.block_on(app.batch_execute(&format!("BEGIN; SELECT count(*) FROM {expired}")))
        .unwrap();
    let from = keep_from(&db);
    let keep = young(&db, &from);
    cleanup_gives_up(&db, "partitions of login_history");
    // The function waits for the drops to reach their COMMIT: it never ran, so the blocked
    // month still holds every row (its DELETE would have taken them row by row), and the
    // login_history drops, all in one transaction, are all undone.
    assert_eq!(
        db.value(&format!("SELECT count(*) FROM {expired}")),
        in_expired
    );
    assert_eq!(partition_count(&db, "login_history"), parts);
    assert_eq!(young(&db, &from), keep);

    rerun_after(&rt, &app, &db, &from, keep);
}

#[test]
fn with_a_single_connection_to_spare_cleanup_does_the_same_work_on_one_session() {
    let db = TestDb::unpartitioned("cleanup_one_session");
    year_of_logs(&db);
    let old_logins = older(&db, "login_history", "login_time", "90 days");
    let from = keep_from(&db);
    let keep = young(&db, &from);
    // A role allowed two connections (promail's own and its lock session), owner of
    // everything through membership in the owner's role, and not a superuser (cleanup does not
    // try to compress its WAL then).
    let role = format!("t_cleanup_{}", rand::random::<u32>() % 1_000_000);
    let owner = db.value("SELECT current_user");
    db.sql(&format!(
        "CREATE ROLE {role} LOGIN CONNECTION LIMIT 2; GRANT \"{owner}\" TO {role}"
    ));
    let conn = db.conn_as(&role);
    let out = db
        .promail()
        .env("DATABASE_URL", &conn)
        .args(["-v", "cleanup", "--yes", "--format", "json"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    db.sql(&format!("DROP ROLE {role}"));
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("working on fewer sessions: could not open one more")
            && err.contains("too many connections"),
        "{err}"
    );
    let done: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    // Rows keep crossing the cutoff: at least those counted before.
    assert!(
        done[0]["rows_removed"].as_i64().unwrap() >= old_logins,
        "{done}"
    );
    assert_retention_done(&db, &from, keep);
}

#[test]
fn a_short_idle_in_transaction_timeout_does_not_end_cleanup_midway() {
    let db = TestDb::unpartitioned("cleanup_idle_timeout");
    year_of_logs(&db);
    let from = keep_from(&db);
    let keep = young(&db, &from);
    // Every promail session gets it; the session deleting the boundary rows waits, inside its
    // transaction, for the drops on the others.
    db.sql(&format!(
        "ALTER DATABASE \"{}\" SET idle_in_transaction_session_timeout = '5ms'",
        db.name
    ));
    let out = db.promail().args(["cleanup", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_retention_done(&db, &from, keep);
}

#[test]
fn dry_run_estimates_what_it_would_delete_unless_exact_and_says_so() {
    // Counting the straddling partitions reads every row of them: a preview estimates, marked.
    let db = TestDb::unpartitioned("cleanup_dry_estimate");
    year_of_logs(&db);
    db.sql("ANALYZE login_history; ANALYZE email_analytics");
    let dry = report(
        &db.promail()
            .args(["cleanup", "--dry-run", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(dry[0]["exact"], false, "{dry}");
    assert!(dry[0]["rows_deleted"].as_i64().unwrap() > 0, "{dry}");
    let out = db
        .promail()
        .args(["cleanup", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    let login = table.lines().find(|l| l.contains("login_history")).unwrap();
    assert!(login.matches('≈').count() >= 3, "{table}");
    let exact = report(
        &db.promail()
            .args(["cleanup", "--dry-run", "--exact", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(exact[0]["exact"], true, "{exact}");
    assert_eq!(
        exact[0]["rows_removed"],
        older(&db, "login_history", "login_time", "90 days"),
        "{exact}"
    );
}

#[test]
fn a_partition_policy_keeping_more_than_the_seed_is_warned_about() {
    let db = TestDb::unpartitioned("cleanup_policy");
    year_of_logs(&db);
    // The seeded policies are the seed's retention: no warning.
    let out = db
        .promail()
        .args(["cleanup", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("warning"), "{}", stderr_of(&out));

    for args in [
        [
            "login_history",
            "--retention",
            "365 days",
            "--action",
            "detach",
        ],
        ["email_analytics", "--retention", "none", "--action", "drop"],
    ] {
        ok(
            &db,
            &[["partitions", "policy", "set"].as_slice(), &args].concat(),
        );
    }
    let out = db
        .promail()
        .args(["-q", "cleanup", "--yes"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "warning: login_history: its partition policy keeps 365 days and detaches expired partitions, \
             but cleanup applies the seed's retention (90 days)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: email_analytics: its partition policy keeps every partition, but cleanup"
        ),
        "{err}"
    );
    // It still does what the seed's function does.
    assert_eq!(older(&db, "login_history", "login_time", "90 days"), 0);

    // A retention reaching before the first representable timestamp keeps everything too.
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "email_analytics",
            "--retention",
            "10000 years",
        ],
    );
    let out = db
        .promail()
        .args(["cleanup", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains(
            "warning: email_analytics: its partition policy keeps 10000 years, but cleanup"
        ),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_second_cleanup_says_another_holds_the_lock_and_exits_0_but_rotate_in_the_way_fails() {
    let db = TestDb::unpartitioned("cleanup_busy");
    year_of_logs(&db);
    let before = total(&db, "login_history");
    let rt = runtime();
    let other = rt.block_on(db.connect());
    for (key, code) in [
        (promail::lock::Key::Cleanup, 0),
        (promail::lock::Key::Partitions, 1),
    ] {
        let held = rt
            .block_on(promail::lock::acquire(
                &other,
                key,
                std::time::Duration::ZERO,
            ))
            .unwrap();
        assert!(matches!(held, promail::lock::Acquired::Yes { .. }));
        let out = db
            .promail()
            .args(["-q", "cleanup", "--yes", "--lock-wait", "300ms"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{err}");
        if code == 0 {
            assert!(
                err.contains("warning: another cleanup holds the lock (pid ")
                    && err.contains("nothing done here"),
                "{err}"
            );
        } else {
            assert!(
                err.contains("error: another partition maintenance holds the lock"),
                "{err}"
            );
        }
        rt.block_on(promail::lock::release(&other, key)).unwrap();
        assert_eq!(total(&db, "login_history"), before, "nothing deleted");
    }
}

/// The deleting transaction compresses its WAL only where `SET LOCAL wal_compression = lz4`
/// cannot fail (and log an error on the server): a superuser, a server with lz4, the setting
/// off. A role that is not a superuser does not try.
#[test]
fn wal_compression_is_asked_for_only_where_it_can_be_set() {
    let db = TestDb::migrated("cleanup_wal_compression");
    let rt = runtime();
    let server_allows = db.value(
        "SELECT setting = 'off' AND 'lz4' = ANY (enumvals) FROM pg_settings \
         WHERE name = 'wal_compression'",
    );
    let admin = rt.block_on(db.connect());
    assert_eq!(
        rt.block_on(promail::partition::cleanup::can_compress_wal(&admin)),
        server_allows == "t",
        "superuser {}",
        db.value("SELECT current_user")
    );
    // Where it says yes, the statement does work.
    if server_allows == "t" {
        rt.block_on(admin.batch_execute("BEGIN; SET LOCAL wal_compression = lz4; ROLLBACK"))
            .unwrap();
    }
    let role = format!("t_walc_{}", rand::random::<u32>() % 1_000_000);
    db.sql(&format!("CREATE ROLE {role} LOGIN"));
    let plain = rt.block_on(db.connect_as(&role));
    let asked = rt.block_on(promail::partition::cleanup::can_compress_wal(&plain));
    drop(plain);
    rt.block_on(promail::connect::close_all(std::time::Duration::from_secs(
        1,
    )));
    db.sql(&format!("DROP ROLE {role}"));
    assert!(!asked);
}
