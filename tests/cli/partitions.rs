//! `promail partitions list|create|rotate|policy` against a real server: premake, moves out of
//! DEFAULT, retention, ISO weeks, bad input, concurrency, lock contention and a killed run.

use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{assert_error, empty_home, ok, stderr_of, stdout_of, TestDb};

/// The binary as a plain process (for running several at once, or killing one).
fn spawn(db: &TestDb, args: &[&str]) -> Child {
    let mut c = StdCommand::new(env!("CARGO_BIN_EXE_promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    c.env("DATABASE_URL", &db.conn)
        .env("NO_COLOR", "1")
        .env("HOME", empty_home())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Partitions of a table as `name from to` lines, by name (DEFAULT shows as `DEFAULT`).
fn partitions(db: &TestDb, table: &str) -> Vec<String> {
    db.sql(&format!(
        "SET DateStyle = ISO; SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) \
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
         WHERE i.inhparent = 'public.{table}'::regclass ORDER BY 1"
    ))
    .into_iter()
    .map(|r| r[0].clone().unwrap())
    .collect()
}

fn count(db: &TestDb, from: &str) -> i64 {
    db.value(&format!("SELECT count(*) FROM {from}"))
        .parse()
        .unwrap()
}

fn list_json(db: &TestDb, extra: &[&str]) -> Value {
    let mut args = vec!["partitions", "list", "--format", "json"];
    args.extend_from_slice(extra);
    let (out, _) = ok(db, &args);
    serde_json::from_str(&out).unwrap()
}

fn health<'a>(doc: &'a Value, table: &str) -> &'a Value {
    doc["health"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["table"] == table)
        .unwrap()
}

/// login_history keeps everything: rows of old periods in DEFAULT are moved, not expired.
fn keep_forever(db: &TestDb) {
    ok(
        db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--retention",
            "none",
        ],
    );
}

/// 100 users, so that login rows can reference them.
fn users(db: &TestDb) {
    db.sql(
        "INSERT INTO users (email, password_hash) \
         SELECT 'u' || g || '@example.fr', 'x' FROM generate_series(1, 100) g",
    );
}

/// A statistics figure once it has stopped moving: before PostgreSQL 15 the collector reports a
/// moment later, so a figure read at once may still lack the last operations.
fn settled(db: &TestDb, sql: &str) -> i64 {
    let read = || -> i64 { db.value(sql).parse().unwrap_or(0) };
    let mut last = read();
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(700));
        let now = read();
        if now == last || start.elapsed() > std::time::Duration::from_secs(20) {
            return now;
        }
        last = now;
    }
}

/// `n` login rows spread evenly over [from, to).
fn logins(db: &TestDb, n: i64, from: &str, to: &str) {
    db.sql(&format!(
        "INSERT INTO login_history (user_id, login_time, ip_address, user_agent) \
         SELECT 1 + g % 100, timestamp '{from}' + (timestamp '{to}' - timestamp '{from}') * g / {n}, \
                '10.0.0.1', 'Mozilla/5.0' \
         FROM generate_series(0, {n} - 1) g"
    ));
}

/// `partitions create TABLE --from FROM --to TO`, which must succeed; its stdout and stderr.
fn create(db: &TestDb, table: &str, from: &str, to: &str) -> (String, String) {
    ok(
        db,
        &["partitions", "create", table, "--from", from, "--to", to],
    )
}

#[test]
fn first_rotate_premakes_then_rotate_is_quiet() {
    let db = TestDb::unpartitioned("part_premake");
    assert_eq!(partitions(&db, "login_history").len(), 1, "only DEFAULT");
    let (out, err) = ok(&db, &["partitions", "rotate"]);
    assert!(out.is_empty(), "{out}");
    // Current month + 3 ahead, current ISO week + 4 ahead.
    let creates: Vec<&str> = err.lines().filter(|l| l.starts_with("create ")).collect();
    assert_eq!(creates.len(), 9, "{err}");
    assert_eq!(partitions(&db, "login_history").len(), 5);
    assert_eq!(partitions(&db, "email_analytics").len(), 6);

    let doc = list_json(&db, &[]);
    for t in ["login_history", "email_analytics"] {
        let h = health(&doc, t);
        assert_eq!(h["covers_now"], true, "{h}");
        assert_eq!(h["periods_ahead"], h["premake"], "{h}");
        assert_eq!(h["status"], "ok", "{h}");
    }

    // Each partition has the parent's indexes (primary key, user_id, login_time), once, and
    // its foreign key.
    let current = db.value("SELECT to_char(localtimestamp, '\"login_history_\"YYYY_MM')");
    assert_eq!(
        db.value(&format!(
            "SELECT count(*) FROM pg_indexes WHERE tablename = '{current}'"
        )),
        "3"
    );
    assert_eq!(
        db.value(&format!(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = '{current}'::regclass AND contype = 'f'"
        )),
        "1"
    );

    // Nothing to do: nothing printed.
    let (out, err) = ok(&db, &["partitions", "rotate"]);
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    // An insert for now lands in a real partition, not in DEFAULT.
    users(&db);
    db.sql("INSERT INTO login_history (user_id) VALUES (1)");
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
}

#[test]
fn dry_run_prints_the_plan_and_changes_nothing() {
    let db = TestDb::unpartitioned("part_dry_run");
    users(&db);
    keep_forever(&db);
    logins(&db, 300, "2024-01-01", "2024-03-01");
    let before = partitions(&db, "login_history");
    let out = db
        .promail()
        .args(["partitions", "rotate", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let plan = stdout_of(&out);
    assert!(
        plan.lines().any(|l| l.starts_with(
            "move 155 rows from login_history_default into login_history_2024_01 [2024-01-01, 2024-02-01)"
        )),
        "{plan}"
    );
    assert!(plan
        .lines()
        .any(|l| l.starts_with("create email_analytics_")));
    assert_eq!(partitions(&db, "login_history"), before);
    assert_eq!(partitions(&db, "email_analytics").len(), 1);
    assert_eq!(count(&db, "ONLY login_history_default"), 300);

    let (plan, _) = ok(
        &db,
        &[
            "partitions",
            "create",
            "login_history",
            "--from",
            "2023-01-01",
            "--to",
            "2023-03-01",
            "--dry-run",
        ],
    );
    assert_eq!(
        plan,
        "create login_history_2023_01 [2023-01-01, 2023-02-01)\n\
         create login_history_2023_02 [2023-02-01, 2023-03-01)\n"
    );
    assert_eq!(partitions(&db, "login_history"), before);
}

#[test]
fn hundred_thousand_rows_in_default_are_all_moved() {
    let db = TestDb::unpartitioned("part_move_100k");
    users(&db);
    keep_forever(&db);
    logins(&db, 100_000, "2025-01-01", "2025-04-01");
    let sum_before = db.value("SELECT sum(id) FROM login_history");
    assert_eq!(count(&db, "ONLY login_history_default"), 100_000);

    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    let moves: Vec<&str> = err.lines().filter(|l| l.starts_with("move ")).collect();
    assert_eq!(moves.len(), 3, "{err}");
    assert!(
        moves[0]
            .starts_with("move 34445 rows from login_history_default into login_history_2025_01"),
        "{err}"
    );

    assert_eq!(count(&db, "login_history"), 100_000);
    assert_eq!(db.value("SELECT sum(id) FROM login_history"), sum_before);
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(count(&db, "ONLY login_history_2025_01"), 34_445);
    assert_eq!(count(&db, "ONLY login_history_2025_02"), 31_111);
    assert_eq!(count(&db, "ONLY login_history_2025_03"), 34_444);
    // DEFAULT's statistics were refreshed: `partitions list` no longer estimates rows there.
    assert_eq!(
        db.value("SELECT reltuples FROM pg_class WHERE relname = 'login_history_default'"),
        "0"
    );
    let p = partitions(&db, "login_history");
    assert!(p.contains(
        &"login_history_2025_02 FOR VALUES FROM ('2025-02-01 00:00:00') TO ('2025-03-01 00:00:00')"
            .to_string()
    ));
    // The moved partitions have the parent's indexes and no leftover CHECK, nor has DEFAULT.
    assert_eq!(
        db.value("SELECT count(*) FROM pg_indexes WHERE tablename = 'login_history_2025_02'"),
        "3"
    );
    for table in ["login_history_2025_02", "login_history_default"] {
        assert_eq!(
            db.value(&format!(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype = 'c'"
            )),
            "0"
        );
    }
    // Queries by time use the new partitions.
    assert_eq!(
        count(
            &db,
            "login_history WHERE login_time >= '2025-02-01' AND login_time < '2025-03-01'"
        ),
        31_111
    );
}

/// SQL for an event trigger or trigger function: connects the dblink connection `name` to this
/// database as this user, through the server's Unix socket: a session of its own, whose
/// statements commit apart from the one that fired the trigger.
fn dblink_connect_sql(name: &str) -> String {
    format!(
        "PERFORM dblink_connect('{name}', format('dbname=%s host=%s port=%s user=%s', \
             current_database(), \
             trim(both chr(34) from split_part(current_setting('unix_socket_directories'), ',', 1)), \
             current_setting('port'), current_user));"
    )
}

/// SQL for a trigger function: waits (at most 5 s) until a session running a statement that
/// starts with `prefix` waits for a lock.
fn wait_until_waiting_sql(prefix: &str) -> String {
    format!(
        "FOR i IN 1..500 LOOP
             PERFORM pg_stat_clear_snapshot();
             EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity
                               WHERE query LIKE '{prefix}%' AND wait_event_type = 'Lock');
             PERFORM pg_sleep(0.01);
         END LOOP;"
    )
}

/// The current month's 1,000 login rows in DEFAULT (the database has no partition yet) and an
/// event trigger, fired once at the end of the first ALTER TABLE on DEFAULT (a move's attach
/// step), that sends `query` on a dblink session of its own and waits until that session waits
/// for a lock (`waiting` starts its text as `pg_stat_activity` shows it): the application's
/// statement arriving at that moment every time. Returns the current month's partition name.
fn application_writes_during_the_attach(db: &TestDb, query: &str, waiting: &str) -> String {
    let body = format!(
        "{connect}
         PERFORM dblink_send_query('app', {query});
         {wait}",
        connect = dblink_connect_sql("app"),
        wait = wait_until_waiting_sql(waiting)
    );
    users(db);
    keep_forever(db);
    let month = db.value("SELECT to_char(localtimestamp, '\"login_history_\"YYYY_MM')");
    let (from, now) = (
        db.value("SELECT date_trunc('month', localtimestamp)::text"),
        db.value("SELECT localtimestamp::text"),
    );
    logins(db, 1000, &from, &now);
    db.sql(&format!(
        "CREATE EXTENSION dblink;
         CREATE SEQUENCE trigger_fired;
         CREATE FUNCTION on_default_altered() RETURNS event_trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() c
                        WHERE c.objid = 'login_history_default'::regclass)
                AND nextval('trigger_fired') = 1 THEN
                 {body}
             END IF;
         END $$;
         CREATE EVENT TRIGGER default_altered ON ddl_command_end WHEN TAG IN ('ALTER TABLE')
             EXECUTE FUNCTION on_default_altered();"
    ));
    month
}

/// After a rotate: `moved` rows went into `month`, DEFAULT is empty, and the application's row
/// (`user_agent = agent`), committed by its dblink session after promail's has gone (waited
/// for, 10 s at most), is in `month`.
fn application_row_moved(db: &TestDb, err: &str, month: &str, moved: u32, agent: &str) {
    assert!(
        err.contains(&format!(
            "move {moved} rows from login_history_default into {month}"
        )),
        "{err}"
    );
    let start = Instant::now();
    while count(db, &format!("login_history WHERE user_agent = '{agent}'")) == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the application's statement never committed (it failed)"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        count(db, &format!("ONLY {month} WHERE user_agent = '{agent}'")),
        1
    );
    assert_eq!(count(db, "ONLY login_history_default"), 0);
    db.sql("DROP EVENT TRIGGER default_altered");
}

#[test]
fn rows_written_into_default_during_a_move_follow_the_others() {
    // The application inserts a row of the period being moved after the move's DELETE has
    // started, committed on its own (dblink from a trigger, to hit that window every time):
    // the attach then finds it in DEFAULT. A redo of the whole move would meet the same on a
    // busy period; promail moves the straggler too and attaches.
    let db = TestDb::unpartitioned("part_move_straggler");
    users(&db);
    keep_forever(&db);
    logins(&db, 1000, "2025-01-01", "2025-02-01");
    db.sql(&format!(
        "CREATE EXTENSION dblink;
         CREATE TABLE straggler_sent (at timestamp);
         CREATE FUNCTION send_straggler() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF NOT EXISTS (SELECT 1 FROM straggler_sent) THEN
                 INSERT INTO straggler_sent VALUES (clock_timestamp());
                 {connect}
                 PERFORM dblink_exec('straggler',
                     'INSERT INTO login_history (user_id, login_time, user_agent) VALUES (7, ''2025-01-15 12:00'', ''straggler'')');
             END IF;
             RETURN NULL;
         END $$;
         CREATE TRIGGER straggler AFTER DELETE ON login_history_default
             FOR EACH STATEMENT EXECUTE FUNCTION send_straggler();",
        connect = dblink_connect_sql("straggler")
    ));

    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        // The straggler is counted with the others.
        err.contains("move 1001 rows from login_history_default into login_history_2025_01"),
        "{err}"
    );
    assert_eq!(
        count(&db, "straggler_sent"),
        1,
        "the straggler was sent once"
    );
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(count(&db, "ONLY login_history_2025_01"), 1001);
    assert_eq!(
        count(
            &db,
            "ONLY login_history_2025_01 WHERE user_agent = 'straggler'"
        ),
        1
    );
}

#[test]
fn an_insert_arriving_during_the_attach_goes_into_the_new_partition() {
    // The current month's partition is missing (after an outage, say): its rows sit in
    // DEFAULT and the application keeps writing them. One insert arrives while the move's
    // transaction holds DEFAULT locked for the attach (sent from an event trigger at the end of
    // the ALTER TABLE on DEFAULT, on a dblink session of its own, which the trigger waits to
    // see waiting for a lock: that window every time). Routed to DEFAULT before the attach
    // commits, it would fail on DEFAULT's new bounds.
    let db = TestDb::unpartitioned("part_move_late_insert");
    let month = application_writes_during_the_attach(
        &db,
        "'INSERT INTO login_history (user_id, login_time, user_agent) VALUES (7, localtimestamp, ''late'')'",
        "INSERT INTO login_history (user_id, login_time, user_agent)",
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    application_row_moved(&db, &err, &month, 1000, "late");
}

#[test]
fn an_application_transaction_caught_in_a_deadlock_with_a_move_is_not_the_one_aborted() {
    // The current month moves out of DEFAULT. While the move holds the parent for its attach,
    // the application runs UPDATE users, then INSERT INTO login_history, in one transaction:
    // it waits for the parent, and the attach waits for users (its foreign key). promail gives
    // way (its deadlock check comes first), lets the application commit, and attaches after.
    let db = TestDb::unpartitioned("part_move_deadlock");
    let month = application_writes_during_the_attach(
        &db,
        "'UPDATE users SET email = ''moved@example.fr'' WHERE id = 7; \
          INSERT INTO login_history (user_id, login_time, user_agent) VALUES (7, localtimestamp, ''app'')'",
        "UPDATE users SET email = ''moved@",
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    // Its row, written into DEFAULT once promail gave way, followed the others.
    application_row_moved(&db, &err, &month, 1001, "app");
    assert_eq!(
        db.value("SELECT email FROM users WHERE id = 7"),
        "moved@example.fr"
    );
}

#[test]
fn partitions_outside_public_or_unbounded_are_left_alone_and_not_overlapped() {
    let db = TestDb::unpartitioned("part_foreign");
    users(&db);
    // An archive partition in another schema, a table of the same name in public (a backup,
    // not a partition), and a catch-all from September 2026 on.
    db.sql(
        "CREATE SCHEMA arch;
         CREATE TABLE arch.lh_2026_01 PARTITION OF login_history
             FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
         INSERT INTO login_history (user_id, login_time) VALUES (1, '2026-01-10');
         CREATE TABLE public.lh_2026_01 AS SELECT * FROM login_history;
         CREATE TABLE lh_max PARTITION OF login_history
             FOR VALUES FROM ('2026-09-01') TO (MAXVALUE);",
    );
    let (_, err) = ok(
        &db,
        &[
            "partitions",
            "rotate",
            "login_history",
            "--as-of",
            "2026-06-15",
        ],
    );
    // Premake 3 from June would make September: the catch-all holds it.
    assert!(
        err.contains(
            "login_history: login_history_2026_09 [2026-09-01, 2026-10-01) not premade: \
             it overlaps partition lh_max"
        ),
        "{err}"
    );
    assert!(!err.contains("lh_2026_01"), "{err}");
    let parts = partitions(&db, "login_history");
    assert!(
        parts.iter().any(|p| p.starts_with("lh_2026_01 ")),
        "{parts:?}"
    );
    assert!(parts
        .iter()
        .any(|p| p.starts_with("login_history_2026_08 ")));
    assert_eq!(
        count(&db, "public.lh_2026_01"),
        1,
        "the backup is untouched"
    );
    assert_eq!(count(&db, "arch.lh_2026_01"), 1);

    let doc = list_json(&db, &["login_history"]);
    let names: Vec<&str> = doc["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["partition"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"arch.lh_2026_01"), "{names:?}");
    let max = doc["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partition"] == "lh_max")
        .unwrap();
    assert_eq!(max["from"], "2026-09-01");
    assert_eq!(max["to"], "MAXVALUE");
    // The catch-all holds every period from September on: a readable number of them.
    assert_eq!(health(&doc, "login_history")["periods_ahead"], 520);

    // cleanup leaves the archive's row to cleanup_old_logs(), which deletes it; no table goes.
    ok(&db, &["cleanup", "--yes"]);
    assert_eq!(count(&db, "arch.lh_2026_01"), 0);
    assert_eq!(
        count(&db, "public.lh_2026_01"),
        1,
        "the backup is untouched"
    );
    let parts = partitions(&db, "login_history");
    assert!(
        parts.iter().any(|p| p.starts_with("lh_2026_01 ")),
        "{parts:?}"
    );
    assert!(parts.iter().any(|p| p.starts_with("lh_max ")), "{parts:?}");
}

#[test]
fn a_default_partition_outside_public_is_refused_with_a_hint() {
    let db = TestDb::unpartitioned("part_foreign_default");
    db.sql("CREATE SCHEMA arch; ALTER TABLE login_history_default SET SCHEMA arch");
    let out = db.promail().args(["partitions", "list"]).output().unwrap();
    let err = assert_error(
        &out,
        1,
        "the DEFAULT partition of login_history, arch.login_history_default, is outside schema public",
    );
    assert!(err.contains("ALTER TABLE"), "{err}");
    // cleanup does not read DEFAULT's rows: it leaves them to the seed's function, which
    // finds them wherever DEFAULT is.
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
         INSERT INTO login_history (user_id, login_time) VALUES (1, localtimestamp - interval '3 years')",
    );
    ok(&db, &["cleanup", "--yes"]);
    assert_eq!(count(&db, "arch.login_history_default"), 0);
}

#[test]
fn iso_week_53_and_year_boundaries() {
    let db = TestDb::unpartitioned("part_week53");
    ok(
        &db,
        &[
            "partitions",
            "rotate",
            "email_analytics",
            "--as-of",
            "2026-12-20",
        ],
    );
    let p = partitions(&db, "email_analytics");
    for expected in [
        "email_analytics_2026_w51 FOR VALUES FROM ('2026-12-14 00:00:00') TO ('2026-12-21 00:00:00')",
        "email_analytics_2026_w52 FOR VALUES FROM ('2026-12-21 00:00:00') TO ('2026-12-28 00:00:00')",
        "email_analytics_2026_w53 FOR VALUES FROM ('2026-12-28 00:00:00') TO ('2027-01-04 00:00:00')",
        "email_analytics_2027_w01 FOR VALUES FROM ('2027-01-04 00:00:00') TO ('2027-01-11 00:00:00')",
        "email_analytics_2027_w02 FOR VALUES FROM ('2027-01-11 00:00:00') TO ('2027-01-18 00:00:00')",
    ] {
        assert!(p.contains(&expected.to_string()), "{expected} not in {p:#?}");
    }
    // 2024-12-30 starts ISO week 1 of 2025.
    let (plan, _) = ok(
        &db,
        &[
            "partitions",
            "create",
            "email_analytics",
            "--from",
            "2024-12-28",
            "--to",
            "2025-01-01",
            "--dry-run",
        ],
    );
    assert_eq!(
        plan,
        "create email_analytics_2024_w52 [2024-12-23, 2024-12-30)\n\
         create email_analytics_2025_w01 [2024-12-30, 2025-01-06)\n"
    );
}

#[test]
fn list_shows_partitions_and_health_in_json_table_and_csv() {
    let db = TestDb::unpartitioned("part_list");
    users(&db);
    create(&db, "login_history", "2025-01-01", "2025-03-01");
    create(&db, "login_history", "2025-05-01", "2025-06-01");
    logins(&db, 20, "2025-03-01", "2025-04-01"); // into DEFAULT (no partition for March)
    let doc = list_json(&db, &["login_history", "--as-of", "2025-05-10"]);
    assert_eq!(doc["now"], "2025-05-10");
    let parts = doc["partitions"].as_array().unwrap();
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0]["partition"], "login_history_2025_01");
    assert_eq!(parts[0]["from"], "2025-01-01");
    assert_eq!(parts[0]["to"], "2025-02-01");
    assert!(parts[0]["size_bytes"].as_i64().unwrap() > 0);
    assert!(parts[0]["est_rows"].is_number());
    assert_eq!(parts[3]["partition"], "login_history_default");
    assert_eq!(parts[3]["from"], "DEFAULT");

    let h = health(&doc, "login_history");
    assert_eq!(h["covers_now"], true);
    assert_eq!(h["periods_ahead"], 0);
    assert_eq!(h["premake"], 3);
    assert_eq!(h["default_rows"], 20);
    assert_eq!(h["partitions"], 3);
    assert_eq!(
        h["gaps"],
        serde_json::json!([{"from": "2025-03-01", "to": "2025-05-01"}])
    );
    // 90 days before 2025-05-10 is 2025-02-09: January is past retention.
    assert_eq!(
        h["past_retention"],
        serde_json::json!(["login_history_2025_01"])
    );
    let status = h["status"].as_str().unwrap();
    assert!(status.contains("20 rows in DEFAULT"), "{status}");
    assert!(status.contains("; 1 gap;"), "{status}");

    let (table, _) = ok(&db, &["partitions", "list"]);
    assert!(table.contains("login_history_2025_05"), "{table}");
    assert!(table.contains("rows in DEFAULT"), "{table}");
    let (csv, _) = ok(&db, &["partitions", "list", "--format", "csv"]);
    assert!(
        csv.starts_with("table,partition,from,to,est_rows,size_bytes\n"),
        "{csv}"
    );
    let (csv, _) = ok(&db, &["partitions", "list", "--health", "--format", "csv"]);
    assert!(
        csv.starts_with("table,period,partitions,covers_now,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn create_range_leaves_existing_partitions_alone() {
    let db = TestDb::unpartitioned("part_create");
    let args = [
        "partitions",
        "create",
        "login_history",
        "--from",
        "2025-01-15",
        "--to",
        "2025-04-01",
    ];
    let (_, err) = ok(&db, &args);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("create ")).count(),
        3,
        "{err}"
    );
    let before = partitions(&db, "login_history");
    let (_, err) = ok(&db, &args);
    assert!(err.contains("already exist"), "{err}");
    assert_eq!(partitions(&db, "login_history"), before);
}

#[test]
fn unknown_table_is_a_usage_error_naming_the_managed_tables() {
    let db = TestDb::unpartitioned("part_unknown");
    for args in [
        vec!["partitions", "rotate", "users"],
        vec!["partitions", "list", "nope"],
        vec![
            "partitions",
            "create",
            "nope",
            "--from",
            "2025-01-01",
            "--to",
            "2025-02-01",
        ],
        vec!["partitions", "policy", "set", "nope", "--premake", "2"],
    ] {
        let out = db.promail().args(&args).output().unwrap();
        let err = assert_error(&out, 2, "unknown table");
        assert!(
            err.contains("email_analytics, login_history"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(partitions(&db, "login_history").len(), 1);
}

#[test]
fn tables_may_be_named_with_their_schema() {
    let db = TestDb::unpartitioned("part_qualified");
    let (out, _) = ok(
        &db,
        &[
            "partitions",
            "list",
            "public.login_history",
            "--format",
            "json",
        ],
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["health"][0]["table"], "login_history", "{doc}");
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "public.email_analytics",
            "--premake",
            "5",
        ],
    );
    assert_eq!(
        db.value(
            "SELECT premake FROM promail.partition_policy WHERE parent_table = 'email_analytics'"
        ),
        "5"
    );
    let out = db
        .promail()
        .args(["partitions", "list", "other.login_history"])
        .output()
        .unwrap();
    assert_error(&out, 2, "unknown table");
}

#[test]
fn bad_dates_are_usage_errors() {
    let db = TestDb::unpartitioned("part_bad_dates");
    let out = db
        .promail()
        .args([
            "partitions",
            "create",
            "login_history",
            "--from",
            "2025-03-01",
            "--to",
            "2025-01-01",
        ])
        .output()
        .unwrap();
    assert_error(&out, 2, "--from 2025-03-01 is not before --to 2025-01-01");
    for (args, needle) in [
        (
            vec![
                "partitions",
                "create",
                "login_history",
                "--from",
                "2025-02-30",
                "--to",
                "2025-04-01",
            ],
            "no such date: 2025-02-30",
        ),
        (
            vec!["partitions", "rotate", "--as-of", "20/12/2026"],
            "expected a date as YYYY-MM-DD",
        ),
        (
            vec!["partitions", "list", "--as-of", "tomorrow"],
            "expected a date as YYYY-MM-DD",
        ),
    ] {
        let out = db.promail().args(&args).output().unwrap();
        assert_error(&out, 2, needle);
    }
    assert_eq!(partitions(&db, "login_history").len(), 1);
}

#[test]
fn policy_show_set_and_reject_bad_values() {
    let db = TestDb::unpartitioned("part_policy");
    let (out, _) = ok(&db, &["partitions", "policy", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[1]["table"], "login_history");
    assert_eq!(v[1]["premake"], 3);
    assert_eq!(v[1]["retention"], "90 days");
    assert_eq!(v[0]["period"], "weekly");

    for (args, needle) in [
        (
            vec!["--premake", "0"],
            "premake must be between 1 and 520, got 0",
        ),
        (
            vec!["--premake", "-2"],
            "premake must be between 1 and 520, got -2",
        ),
        (
            vec!["--retention", "-30 days"],
            "retention must be positive",
        ),
        (
            vec!["--retention", "0 days"],
            "retention must be positive, got \"0 days\"",
        ),
        (vec!["--retention", "soon"], "invalid retention \"soon\""),
    ] {
        let mut a = vec!["partitions", "policy", "set", "login_history"];
        a.extend(args);
        let out = db.promail().args(&a).output().unwrap();
        let err = assert_error(&out, 2, needle);
        assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1);
    }
    assert_eq!(
        db.value("SELECT premake || ' ' || retention FROM promail.partition_policy WHERE parent_table = 'login_history'"),
        "3 90 days"
    );

    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--premake",
            "6",
            "--retention",
            "6 months",
            "--action",
            "detach",
        ],
    );
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "email_analytics",
            "--retention",
            "none",
        ],
    );
    let (out, _) = ok(&db, &["partitions", "policy", "--format", "csv"]);
    assert_eq!(
        out,
        "table,column,period,premake,retention,action\n\
         email_analytics,action_time,weekly,4,,drop\n\
         login_history,login_time,monthly,6,6 months,detach\n"
    );
    // A person reads "none" where a script reads an empty cell (or null).
    let (out, _) = ok(&db, &["partitions", "policy"]);
    let line = out.lines().find(|l| l.contains("email_analytics")).unwrap();
    assert!(line.contains("| none "), "{out}");
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("create ")).count(),
        7,
        "{err}"
    );
}

#[test]
fn retention_drops_or_detaches_by_policy() {
    let db = TestDb::unpartitioned("part_retention");
    users(&db);
    let old = [
        "partitions",
        "create",
        "login_history",
        "--from",
        "2024-01-01",
        "--to",
        "2024-03-01",
    ];
    ok(&db, &old);
    logins(&db, 100, "2024-01-01", "2024-03-01");

    // drop (the seeded policy)
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains(
            "drop login_history_2024_01 [2024-01-01, 2024-02-01) (past retention of 90 days)"
        ),
        "{err}"
    );
    assert_eq!(
        db.value("SELECT count(*) FROM pg_class WHERE relname LIKE 'login_history_2024%'"),
        "0"
    );
    assert_eq!(count(&db, "login_history"), 0);

    // detach: the tables stay, outside login_history, with their rows
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "detach",
        ],
    );
    ok(&db, &old);
    logins(&db, 100, "2024-01-01", "2024-03-01");
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(err.contains("detach login_history_2024_02"), "{err}");
    assert_eq!(count(&db, "login_history"), 0);
    assert_eq!(
        count(&db, "login_history_2024_01") + count(&db, "login_history_2024_02"),
        100
    );
    assert!(!partitions(&db, "login_history")
        .iter()
        .any(|p| p.contains("2024")));

    // Retention never counts from a future --as-of: this month's partition stays.
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "drop",
        ],
    );
    db.sql("INSERT INTO login_history (user_id) VALUES (1)");
    let (_, err) = ok(&db, &["partitions", "rotate", "--as-of", "2031-01-01"]);
    assert!(!err.contains("drop "), "{err}");
    assert_eq!(count(&db, "login_history"), 1);
}

#[test]
fn the_retention_check_reads_the_bounds_and_scans_no_partition() {
    // The check that a partition past retention holds no newer row is answered by its bound,
    // from the catalog: under the drop's locks nothing is scanned (a probe without an index on
    // the key column would read the whole partition while the application waits).
    let db = TestDb::unpartitioned("part_retention_no_scan");
    users(&db);
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "detach",
        ],
    );
    create(&db, "login_history", "2024-01-01", "2024-03-01");
    logins(&db, 100, "2024-01-01", "2024-03-01");
    let scans = || {
        settled(
            &db,
            "SELECT sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) FROM pg_stat_user_tables \
             WHERE relname IN ('login_history_2024_01', 'login_history_2024_02')",
        )
    };
    let before = scans();
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(err.contains("detach login_history_2024_01"), "{err}");
    assert!(err.contains("detach login_history_2024_02"), "{err}");
    assert_eq!(scans(), before, "a retired partition was read");
    assert_eq!(
        count(&db, "login_history_2024_01") + count(&db, "login_history_2024_02"),
        100
    );
}

#[test]
fn a_large_default_partition_is_read_on_its_index_and_its_counts_said_to_be_estimates() {
    // Past a few megabytes, the rows in DEFAULT are not counted row by row on every list and
    // rotate: their periods are found on the key column's index, their counts estimated, and
    // every output says so; --exact counts them.
    let db = TestDb::unpartitioned("part_default_estimated");
    users(&db);
    let month = db.value("SELECT to_char(date_trunc('month', localtimestamp), 'YYYY-MM-DD')");
    let next = db.value(
        "SELECT to_char(date_trunc('month', localtimestamp) + interval '1 month', 'YYYY-MM-DD')",
    );
    let after = db.value(
        "SELECT to_char(date_trunc('month', localtimestamp) + interval '2 months', 'YYYY-MM-DD')",
    );
    logins(&db, 60_000, &month, &next);
    logins(&db, 60_000, &next, &after);
    db.sql("ANALYZE login_history_default");
    assert!(
        db.value("SELECT pg_relation_size('login_history_default') >= 8 * 1024 * 1024") == "t",
        "the test needs a DEFAULT partition past the exact-count size"
    );

    let list = |extra: &[&str]| -> Value {
        let mut args = vec!["partitions", "list", "login_history", "--format", "json"];
        args.extend(extra);
        serde_json::from_str(&ok(&db, &args).0).unwrap()
    };
    let doc = list(&[]);
    let h = health(&doc, "login_history");
    assert_eq!(h["default_rows_estimated"], true, "{doc}");
    let estimate = h["default_rows"].as_i64().unwrap();
    assert!((60_000..=180_000).contains(&estimate), "{doc}");
    assert!(h["status"].as_str().unwrap().contains("≈"), "{doc}");
    let (table, _) = ok(&db, &["partitions", "list", "login_history", "--health"]);
    assert!(table.contains(&format!("≈{estimate}")), "{table}");
    let doc = list(&["--exact"]);
    let h = health(&doc, "login_history");
    assert_eq!(h["default_rows_estimated"], false, "{doc}");
    assert_eq!(h["default_rows"], 120_000, "{doc}");

    // The plan says its counts are estimates; the run moves and reports the real numbers.
    let (plan, _) = ok(&db, &["partitions", "rotate", "login_history", "--dry-run"]);
    let moves: Vec<&str> = plan.lines().filter(|l| l.starts_with("move ")).collect();
    assert_eq!(moves.len(), 2, "{plan}");
    assert!(moves.iter().all(|l| l.starts_with("move ≈")), "{plan}");
    let (exact_plan, _) = ok(
        &db,
        &[
            "partitions",
            "rotate",
            "login_history",
            "--dry-run",
            "--exact",
        ],
    );
    assert!(
        exact_plan.contains("move 60000 rows from login_history_default"),
        "{exact_plan}"
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert_eq!(
        err.matches("move 60000 rows from login_history_default")
            .count(),
        2,
        "{err}"
    );
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(count(&db, "login_history"), 120_000);
}

#[test]
fn ten_concurrent_rotates_create_each_partition_once() {
    let db = TestDb::unpartitioned("part_concurrent");
    users(&db);
    // Two months before the current one: inside retention, and no partition for them yet.
    let from = db.value(
        "SELECT to_char(date_trunc('month', localtimestamp) - interval '2 months', 'YYYY-MM-DD')",
    );
    let to = db.value("SELECT to_char(date_trunc('month', localtimestamp), 'YYYY-MM-DD')");
    logins(&db, 3000, &from, &to);
    let children: Vec<Child> = (0..10)
        .map(|_| spawn(&db, &["partitions", "rotate"]))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    for c in children {
        let out = c.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{err}");
        assert!(!err.contains("error"), "{err}");
        lines.extend(err.lines().map(String::from));
    }
    let changes: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("create ") || l.starts_with("move "))
        .collect();
    let mut unique = changes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        changes.len(),
        unique.len(),
        "a change was made twice: {lines:#?}"
    );
    // 4 + 5 premade, 2 moved.
    assert_eq!(changes.len(), 11, "{lines:#?}");
    assert_eq!(count(&db, "login_history"), 3000);
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
}

/// Waits until `sql` returns true.
fn wait_for(db: &TestDb, sql: &str, what: &str) {
    let start = Instant::now();
    while db.value(sql) != "t" {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn long_transaction_makes_rotate_give_up_without_blocking_the_application() {
    let db = TestDb::unpartitioned("part_lock");
    users(&db);
    let rt = crate::support::runtime();
    let connect = || rt.block_on(db.connect());
    let app = connect();
    // A reporting transaction left open: it holds ACCESS SHARE on login_history.
    rt.block_on(app.batch_execute("BEGIN; SELECT count(*) FROM login_history"))
        .unwrap();

    let mut rotate = spawn(
        &db,
        &[
            "partitions",
            "rotate",
            "--lock-timeout",
            "500ms",
            "--retries",
            "4",
        ],
    );
    wait_for(
        &db,
        "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation \
         WHERE NOT l.granted AND c.relname IN ('login_history', 'login_history_default'))",
        "rotate to wait for its lock",
    );
    // The application inserts meanwhile: it completes while rotate still waits and retries
    // (held up at most one lock_timeout behind rotate's queued lock request).
    let other = connect();
    rt.block_on(other.batch_execute("INSERT INTO login_history (user_id) VALUES (1)"))
        .unwrap();
    assert!(
        rotate.try_wait().unwrap().is_none(),
        "rotate was expected to be still waiting and retrying"
    );
    let out = rotate.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = err.lines().find(|l| l.starts_with("error: ")).unwrap();
    assert!(
        line.contains("partitions of login_history (login_history_"),
        "{line}"
    );
    assert!(
        line.contains("could not get its locks on login_history")
            && line.contains("within lock_timeout (500 ms) in 5 attempts"),
        "{line}"
    );
    assert!(line.contains("never blocked longer than 500 ms"), "{line}");
    // One session, named once, however many partitions it has read.
    assert!(
        err.contains("hint: blocked by pid ")
            && err.contains("AccessShareLock on login_history and ")
            && !err.contains("more session"),
        "{err}"
    );
    // email_analytics was not locked: its partitions were made.
    assert!(err.contains("create email_analytics_"), "{err}");

    rt.block_on(app.batch_execute("COMMIT")).unwrap();
    let (_, err) = ok(&db, &["partitions", "rotate"]);
    assert!(err.contains("create login_history_"), "{err}");
    assert_eq!(count(&db, "login_history"), 1);
}

/// Issue 16: a move's attach step retried inside its transaction multiplied the action's own
/// retries (16 lock waits for "4 attempts"). One budget per action: `--retries 2` is 3 lock
/// waits in all, each said with `-v`, and the message counts them.
#[test]
fn a_move_under_a_held_lock_waits_at_most_retries_plus_one_times() {
    let db = TestDb::unpartitioned("part_move_budget");
    users(&db);
    keep_forever(&db);
    // The current and premade partitions first, so that the move is the only action left.
    ok(&db, &["partitions", "rotate", "login_history"]);
    logins(&db, 1000, "2024-04-01", "2024-05-01");
    let rt = crate::support::runtime();
    let app = rt.block_on(db.connect());
    // A reader of DEFAULT: the move's DELETE goes on, its attach (ACCESS EXCLUSIVE) cannot.
    rt.block_on(app.batch_execute("BEGIN; SELECT count(*) FROM ONLY login_history_default"))
        .unwrap();

    let started = Instant::now();
    let out = db
        .promail()
        .args([
            "-v",
            "partitions",
            "rotate",
            "login_history",
            "--lock-timeout",
            "1s",
            "--retries",
            "2",
        ])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let err = assert_error(&out, 1, "moving rows from the DEFAULT partition");
    let retried: Vec<&str> = err.lines().filter(|l| l.contains("retrying in")).collect();
    assert_eq!(retried.len(), 2, "{err}");
    assert!(
        retried[0].contains("lock timeout") && retried[0].contains("(attempt 2 of 3)"),
        "{err}"
    );
    assert!(retried[1].contains("(attempt 3 of 3)"), "{err}");
    assert!(
        err.contains("within lock_timeout (1 s) in 3 attempts over "),
        "{err}"
    );
    // 3 waits of 1 s and two pauses (under 2 s): far below the 12 waits of old. Generous.
    assert!(elapsed < Duration::from_secs(9), "{elapsed:?}: {err}");

    rt.block_on(app.batch_execute("COMMIT")).unwrap();
    assert_eq!(
        count(&db, "ONLY login_history_default"),
        1000,
        "rolled back"
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(err.contains("login_history_2024_04"), "{err}");
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
}

#[test]
fn rotate_killed_during_a_move_loses_nothing_and_rerun_completes() {
    let db = TestDb::unpartitioned("part_killed");
    users(&db);
    keep_forever(&db);
    logins(&db, 300_000, "2024-04-01", "2024-05-01");
    let sum = db.value("SELECT sum(id) FROM login_history");

    let mut rotate = spawn(&db, &["partitions", "rotate", "login_history"]);
    wait_for(
        &db,
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE 'WITH moved AS%' AND state = 'active')",
        "the move to start",
    );
    rotate.kill().unwrap();
    rotate.wait().unwrap();
    // The server notices the client is gone and rolls the move back.
    wait_for(
        &db,
        "SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE 'WITH moved AS%' \
         AND pid <> pg_backend_pid())",
        "the killed session to end",
    );
    assert_eq!(count(&db, "login_history"), 300_000);
    assert_eq!(db.value("SELECT sum(id) FROM login_history"), sum);
    assert_eq!(
        db.value("SELECT count(*) FROM pg_class WHERE relname = 'login_history_2024_04'"),
        "0",
        "no half-made partition"
    );

    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains("move 300000 rows from login_history_default into login_history_2024_04"),
        "{err}"
    );
    assert_eq!(count(&db, "login_history"), 300_000);
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(db.value("SELECT sum(id) FROM login_history"), sum);
}

#[test]
fn rotate_exits_0_when_another_run_holds_the_lock_but_create_fails() {
    let db = TestDb::unpartitioned("part_busy");
    let rt = crate::support::runtime();
    let other = rt.block_on(db.connect());
    let held = rt
        .block_on(promail::lock::acquire(
            &other,
            promail::lock::Key::Partitions,
            Duration::ZERO,
        ))
        .unwrap();
    assert!(matches!(held, promail::lock::Acquired::Yes { .. }));

    // Even with -q: a run hanging on to the lock must not make every nightly rotate skip
    // without a word.
    let out = db
        .promail()
        .args(["-q", "partitions", "rotate", "--lock-wait", "300ms"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("warning: another partition maintenance run holds the lock (pid ")
            && stderr_of(&out).contains("; nothing done here"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(partitions(&db, "login_history").len(), 1);

    let out = db
        .promail()
        .args([
            "partitions",
            "create",
            "login_history",
            "--from",
            "2025-01-01",
            "--to",
            "2025-02-01",
            "--lock-wait",
            "300ms",
        ])
        .output()
        .unwrap();
    assert_error(&out, 1, "another partition maintenance holds the lock");
    assert_eq!(partitions(&db, "login_history").len(), 1);
    drop(other);
}

#[test]
fn ensure_partitions_premakes_without_retention() {
    let db = TestDb::unpartitioned("part_ensure");
    create(&db, "login_history", "2020-01-01", "2020-02-01");
    let out = promail::output::Output::new(promail::output::ColorChoice::Never, true, 0);
    let changes = crate::support::block_on(async {
        let conn = db.connect().await;
        promail::partition::ensure_partitions(&conn, &out, std::time::Duration::from_secs(30))
            .await
            .unwrap()
    });
    assert_eq!(changes, 9);
    let p = partitions(&db, "login_history");
    assert_eq!(p.len(), 6, "{p:#?}");
    assert!(
        p.iter().any(|x| x.starts_with("login_history_2020_01 ")),
        "{p:#?}"
    );
    let doc = list_json(&db, &[]);
    assert!(!health(&doc, "email_analytics")["status"]
        .as_str()
        .unwrap()
        .contains("DEFAULT"));
}

#[test]
fn a_stray_table_with_a_partition_name_is_reported_not_overwritten() {
    let db = TestDb::unpartitioned("part_stray");
    db.sql("CREATE TABLE login_history_2025_01 (note text); INSERT INTO login_history_2025_01 VALUES ('keep me')");
    let out = db
        .promail()
        .args([
            "partitions",
            "create",
            "login_history",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-01",
        ])
        .output()
        .unwrap();
    let err = assert_error(
        &out,
        1,
        "login_history: a table named login_history_2025_01 already exists and is not a partition of login_history: nothing made",
    );
    assert!(err.contains("hint: rename or drop that table"), "{err}");
    // Refused before anything was made; the stray table is untouched.
    assert!(!err.contains("create login_history_2025_02"), "{err}");
    assert!(!partitions(&db, "login_history")
        .iter()
        .any(|p| p.contains("2025")));
    assert_eq!(
        db.value("SELECT note FROM login_history_2025_01"),
        "keep me"
    );
    // The dry run says so, and fails the same way.
    let out = db
        .promail()
        .args([
            "partitions",
            "create",
            "login_history",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-01",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let err = assert_error(
        &out,
        1,
        "a table named login_history_2025_01 already exists",
    );
    assert!(
        stdout_of(&out).contains("login_history_2025_01 [2025-01-01, 2025-02-01)  -- will fail"),
        "{}",
        stdout_of(&out)
    );
    assert!(err.contains("nothing made"), "{err}");
}

#[test]
fn month_retention_counts_calendar_months_not_30_days() {
    let db = TestDb::unpartitioned("part_month_retention");
    users(&db);
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--retention",
            "3 months",
        ],
    );
    create(&db, "login_history", "2026-06-01", "2026-11-01");
    // Inside retention: '2026-10-30' - interval '3 months' = 2026-07-30.
    db.sql(
        "INSERT INTO login_history (user_id, login_time) VALUES (1, '2026-07-31 12:00'), \
         (1, '2026-06-15')",
    );
    let (_, err) = ok(
        &db,
        &[
            "partitions",
            "rotate",
            "login_history",
            "--as-of",
            "2026-10-30",
        ],
    );
    assert!(
        err.contains(
            "drop login_history_2026_06 [2026-06-01, 2026-07-01) (past retention of 3 months)"
        ),
        "{err}"
    );
    assert!(!err.contains("login_history_2026_07"), "{err}");
    assert_eq!(count(&db, "login_history_2026_07"), 1);
    // list --as-of agrees with rotate.
    let doc = list_json(&db, &["--as-of", "2026-10-30"]);
    assert_eq!(
        health(&doc, "login_history")["past_retention"],
        serde_json::json!([])
    );
}

#[test]
fn retention_needs_a_unit_and_at_least_one_period() {
    let db = TestDb::migrated("part_retention_unit");
    let set = |r: &str| {
        db.promail()
            .args([
                "partitions",
                "policy",
                "set",
                "login_history",
                "--retention",
                r,
            ])
            .output()
            .unwrap()
    };
    let out = set("90");
    assert_error(&out, 2, "has no unit");
    assert!(stderr_of(&out).contains("'90 days'"), "{}", stderr_of(&out));
    assert_error(
        &set("3 weeks"),
        2,
        "shorter than one period of login_history (1 month)",
    );
    let out = db
        .promail()
        .args([
            "partitions",
            "policy",
            "set",
            "email_analytics",
            "--retention",
            "6 days",
        ])
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        "shorter than one period of email_analytics (7 days)",
    );
    // Unchanged.
    assert_eq!(
        db.value("SELECT retention::text FROM promail.partition_policy WHERE parent_table = 'login_history'"),
        "90 days"
    );
    let (_, _) = ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "email_analytics",
            "--retention",
            "1 week",
        ],
    );
}

fn rotate(db: &TestDb, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["partitions", "rotate", "login_history"];
    args.extend_from_slice(extra);
    db.promail().args(&args).output().unwrap()
}

#[test]
fn rows_in_default_past_retention_are_deleted_with_drop_and_archived_with_detach() {
    let db = TestDb::unpartitioned("part_default_expired");
    users(&db);
    db.sql(
        "INSERT INTO login_history (user_id, login_time) VALUES \
         (1, '2024-01-15'), (2, '2024-01-16'), (3, localtimestamp)",
    );
    // detach: moved into the period's table, outside login_history, as a detached partition.
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "detach",
        ],
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains(
            "move 2 rows from login_history_default into detached table login_history_2024_01 \
             [2024-01-01, 2024-02-01) (past retention of 90 days)"
        ),
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(count(&db, "login_history"), 1);
    assert_eq!(count(&db, "login_history_2024_01"), 2);
    assert_eq!(
        db.value("SELECT relispartition FROM pg_class WHERE relname = 'login_history_2024_01'"),
        "f"
    );
    // The parent's indexes came with it.
    assert_eq!(
        db.value("SELECT count(*) FROM pg_indexes WHERE tablename = 'login_history_2024_01'"),
        "3"
    );
    // A late row of that period: appended to the detached table.
    db.sql("INSERT INTO login_history (user_id, login_time) VALUES (4, '2024-01-20')");
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains(
            "move 1 row from login_history_default into detached table login_history_2024_01"
        ),
        "{err}"
    );
    assert_eq!(count(&db, "login_history_2024_01"), 3);
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    // drop: deleted as retention, counted; no partition resurrected.
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "drop",
        ],
    );
    db.sql("INSERT INTO login_history (user_id, login_time) VALUES (1, '2024-02-15'), (2, '2024-02-16')");
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains(
            "delete 2 rows of [2024-02-01, 2024-03-01) from login_history_default (past retention of 90 days)"
        ),
        "{err}"
    );
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
    assert_eq!(count(&db, "login_history"), 1);
    assert!(!partitions(&db, "login_history")
        .iter()
        .any(|p| p.contains("2024")));
}

#[test]
fn a_stray_table_in_the_way_of_expired_rows_is_named_with_a_hint() {
    let db = TestDb::unpartitioned("part_archive_stray");
    users(&db);
    db.sql(
        "CREATE TABLE login_history_2024_01 (note text);
         INSERT INTO login_history (user_id, login_time) VALUES (1, '2024-01-15')",
    );
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "detach",
        ],
    );
    let out = rotate(&db, &[]);
    let err = assert_error(
        &out,
        1,
        "table login_history_2024_01 is not one of login_history's rows (it lacks id, user_id,",
    );
    assert!(err.contains("hint: rename or drop that table"), "{err}");
    // Nothing moved, the stray table untouched, the rest of rotate done.
    assert_eq!(count(&db, "ONLY login_history_default"), 1);
    assert_eq!(count(&db, "login_history_2024_01"), 0);
    assert!(partitions(&db, "login_history").len() > 1);
}

#[test]
fn a_detached_table_holding_a_period_does_not_block_the_rest_of_rotate() {
    let db = TestDb::unpartitioned("part_detached_clash");
    users(&db);
    create(&db, "login_history", "2024-01-01", "2024-02-01");
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--action",
            "detach",
        ],
    );
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(err.contains("detach login_history_2024_01"), "{err}");
    // Retention lengthened, then a late row for the detached period.
    ok(
        &db,
        &[
            "partitions",
            "policy",
            "set",
            "login_history",
            "--retention",
            "10 years",
        ],
    );
    let month = |n: i32| {
        db.value(&format!(
            "SELECT to_char(localtimestamp + interval '{n} months', '\"login_history_\"YYYY_MM')"
        ))
    };
    let (next, after) = (month(1), month(2));
    db.sql(&format!("DROP TABLE {next}, {after}"));
    db.sql("INSERT INTO login_history (user_id, login_time) VALUES (1, '2024-01-20')");
    // The dry run says which step will not go through, and fails as the run will.
    let out = rotate(&db, &["--dry-run"]);
    assert_error(
        &out,
        1,
        "login_history: a table named login_history_2024_01 already exists",
    );
    let plan = stdout_of(&out);
    assert!(
        plan.contains(
            "move 1 row from login_history_default into login_history_2024_01 [2024-01-01, 2024-02-01)  \
             -- will fail: a table of that name exists and is not this partition"
        ),
        "{plan}"
    );
    let create = plan
        .lines()
        .find(|l| l.starts_with(&format!("create {next} ")))
        .unwrap_or_else(|| panic!("no create of {next} in {plan}"));
    assert!(!create.contains("will fail"), "{plan}");
    let out = rotate(&db, &[]);
    let err = assert_error(
        &out,
        1,
        "1 rows of [2024-01-01, 2024-02-01) stay in the DEFAULT partition: login_history_2024_01 already exists",
    );
    assert!(err.contains("re-attach it"), "{err}");
    // The creates went on.
    assert!(err.contains(&format!("create {next} ")), "{err}");
    assert!(partitions(&db, "login_history")
        .iter()
        .any(|p| p.starts_with(&format!("{after} "))));
}

#[test]
fn rows_rotate_cannot_move_are_reported_each_run() {
    let db = TestDb::unpartitioned("part_stuck_rows");
    users(&db);
    db.sql("INSERT INTO login_history (user_id, login_time) VALUES (1, '2030-03-05')");
    db.sql(
        "CREATE TABLE login_history_odd PARTITION OF login_history \
         FOR VALUES FROM ('2030-03-10') TO ('2030-03-20')",
    );
    for _ in 0..2 {
        let out = rotate(&db, &["-q"]);
        assert!(out.status.success(), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(
            err.contains(
                "1 rows of [2030-03-01, 2030-04-01) stay in login_history_default: the period overlaps partition login_history_odd"
            ),
            "{err}"
        );
    }
    assert_eq!(count(&db, "ONLY login_history_default"), 1);
}

#[test]
fn default_partition_under_another_name_or_missing() {
    let db = TestDb::unpartitioned("part_default_name");
    users(&db);
    db.sql("ALTER TABLE login_history_default RENAME TO lh_catchall");
    db.sql("INSERT INTO login_history (user_id) VALUES (1)");
    let (_, err) = ok(&db, &["partitions", "rotate", "login_history"]);
    assert!(
        err.contains("move 1 row from lh_catchall into login_history_"),
        "{err}"
    );
    let (plan, _) = ok(
        &db,
        &["partitions", "rotate", "email_analytics", "--dry-run"],
    );
    assert!(!plan.contains("lh_catchall"), "{plan}");

    db.sql("ALTER TABLE login_history DETACH PARTITION lh_catchall");
    let out = rotate(&db, &["-q"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out)
            .contains("login_history: no DEFAULT partition: inserts outside the partitions fail"),
        "{}",
        stderr_of(&out)
    );
    let doc = list_json(&db, &[]);
    let status = health(&doc, "login_history")["status"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        status.contains("no DEFAULT partition: inserts outside the partitions fail"),
        "{status}"
    );
    assert!(!health(&doc, "email_analytics")["status"]
        .as_str()
        .unwrap()
        .contains("DEFAULT"));
}

#[test]
fn a_row_lock_on_users_is_named_as_the_blocker() {
    let db = TestDb::unpartitioned("part_lock_users");
    users(&db);
    let rt = crate::support::runtime();
    let app = rt.block_on(db.connect());
    // A young transaction updating a user: ROW EXCLUSIVE on users, which the foreign key
    // cloned by ATTACH conflicts with.
    rt.block_on(app.batch_execute("BEGIN; UPDATE users SET email = email WHERE id = 1"))
        .unwrap();
    let pid: i32 = rt
        .block_on(app.query_one("SELECT pg_backend_pid()", &[]))
        .unwrap()
        .get(0);
    let out = db
        .promail()
        .args([
            "partitions",
            "rotate",
            "login_history",
            "--lock-timeout",
            "200ms",
            "--retries",
            "1",
        ])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "could not get its locks on login_history");
    assert!(
        err.contains(&format!(
            "hint: blocked by pid {pid} (RowExclusiveLock on users"
        )),
        "{err}"
    );
    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
}

#[test]
fn create_over_a_range_past_retention_warns() {
    let db = TestDb::unpartitioned("part_create_expired");
    let (_, err) = create(&db, "login_history", "2024-01-01", "2024-03-01");
    assert!(
        err.contains(
            "login_history: 2 partitions (login_history_2024_01 … login_history_2024_02) are already past retention (90 days): the next `partitions rotate` will drop them"
        ),
        "{err}"
    );
    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_class WHERE relname LIKE 'login_history_2024%' AND relkind = 'r'"
        ),
        "2"
    );
}

/// `partitions create` over 24 weeks: several partitions per transaction on each session.
fn create_24_weeks(db: &TestDb, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "partitions",
        "create",
        "email_analytics",
        "--from",
        "2025-01-06",
        "--to",
        "2025-06-23",
    ];
    args.extend_from_slice(extra);
    db.promail().args(&args).output().unwrap()
}

/// Tables named like email_analytics partitions of 2025, attached or not.
fn weeks_of_2025(db: &TestDb) -> (i64, i64) {
    let n = |attached: bool| -> i64 {
        db.value(&format!(
            "SELECT count(*) FROM pg_class c WHERE c.relkind = 'r' \
             AND c.relname LIKE 'email\\_analytics\\_2025\\_w%' AND c.relispartition = {attached}"
        ))
        .parse()
        .unwrap()
    };
    (n(true), n(false))
}

/// The same 24 weeks as [`create_24_weeks`], premade by rotate (which, unlike create, does not
/// refuse a stray table in the way up front: it makes the rest).
fn rotate_24_weeks(db: &TestDb) -> std::process::Output {
    ok(
        db,
        &[
            "partitions",
            "policy",
            "set",
            "email_analytics",
            "--premake",
            "23",
        ],
    );
    db.promail()
        .args([
            "partitions",
            "rotate",
            "email_analytics",
            "--as-of",
            "2025-01-08",
        ])
        .output()
        .unwrap()
}

#[test]
fn a_stray_table_in_a_batch_of_creates_is_reported_and_the_others_made() {
    let db = TestDb::unpartitioned("part_batch_stray");
    db.sql("CREATE TABLE email_analytics_2025_w10 (note text); INSERT INTO email_analytics_2025_w10 VALUES ('keep me')");
    let out = rotate_24_weeks(&db);
    let err = assert_error(
        &out,
        1,
        "creating partition email_analytics_2025_w10: a table named email_analytics_2025_w10 already exists",
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("create ")).count(),
        23,
        "{err}"
    );
    assert_eq!(weeks_of_2025(&db), (23, 1));
    assert_eq!(
        db.value("SELECT note FROM email_analytics_2025_w10"),
        "keep me"
    );
    // The stray table gone, a rerun makes the missing week.
    db.sql("DROP TABLE email_analytics_2025_w10");
    let out = rotate_24_weeks(&db);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    let made: Vec<&str> = err.lines().filter(|l| l.starts_with("create ")).collect();
    assert_eq!(
        made,
        ["create email_analytics_2025_w10 [2025-03-03, 2025-03-10)"],
        "{err}"
    );
    assert_eq!(weeks_of_2025(&db), (24, 0));
}

#[test]
fn a_lock_failing_a_batch_of_creates_leaves_nothing_half_made() {
    let db = TestDb::unpartitioned("part_batch_lock");
    users(&db);
    let rt = crate::support::runtime();
    let app = rt.block_on(db.connect());
    // ROW EXCLUSIVE on users: the foreign key ATTACH clones needs SHARE ROW EXCLUSIVE.
    rt.block_on(app.batch_execute("BEGIN; UPDATE users SET email = email WHERE id = 1"))
        .unwrap();
    let out = create_24_weeks(&db, &["--lock-timeout", "100ms", "--retries", "1"]);
    let err = assert_error(
        &out,
        1,
        "partitions of email_analytics (email_analytics_2025_w",
    );
    assert!(
        err.contains("could not get its locks on email_analytics"),
        "{err}"
    );
    // Every error names a batch; no partition is reported made, none is left standalone.
    assert!(!err.contains("\ncreate "), "{err}");
    assert_eq!(weeks_of_2025(&db), (0, 0));

    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
    let out = create_24_weeks(&db, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(weeks_of_2025(&db), (24, 0));
}

#[test]
fn rows_at_infinity_in_default_are_reported_not_a_crash() {
    let db = TestDb::unpartitioned("part_infinity");
    users(&db);
    db.sql(
        "INSERT INTO login_history (user_id, login_time) VALUES (1, 'infinity'), (1, '-infinity');
         INSERT INTO email_analytics (user_id, action, action_time) VALUES (1, 'open', 'infinity')",
    );
    let (_, err) = ok(&db, &["partitions", "rotate"]);
    assert!(
        err.contains(
            "warning: login_history: 2 rows in login_history_default have login_time = infinity or -infinity: \
             no partition can hold them, so they stay there"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: email_analytics: 1 row in email_analytics_default has action_time"),
        "{err}"
    );
    let doc = list_json(&db, &[]);
    assert_eq!(health(&doc, "login_history")["default_rows"], 2, "{doc}");
    assert_eq!(health(&doc, "email_analytics")["default_rows"], 1, "{doc}");
    assert_eq!(count(&db, "ONLY login_history_default"), 2);
}

#[test]
fn migrate_moves_only_the_premade_periods_rows_out_of_default() {
    let db = TestDb::migrated("part_migrate_default");
    users(&db);
    // Rows of 2024 and of 2031: no partition holds them, they sit in DEFAULT.
    logins(&db, 300, "2024-03-01", "2024-04-01");
    logins(&db, 20, "2031-03-01", "2031-04-01");
    // The next month's partition is missing and has rows: migrate must make it, with them.
    let next = db
        .value("SELECT to_char(localtimestamp + interval '1 month', '\"login_history_\"YYYY_MM')");
    db.sql(&format!("DROP TABLE {next}"));
    db.sql(
        "INSERT INTO login_history (user_id, login_time) \
         SELECT 1, date_trunc('month', localtimestamp + interval '1 month') + g * interval '1 hour' \
         FROM generate_series(1, 7) g",
    );
    let out = db.promail().args(["-v", "db", "migrate"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "move 7 rows from login_history_default into {next} "
        )),
        "{err}"
    );
    assert!(
        err.contains("login_history: 320 rows of other periods stay in login_history_default"),
        "{err}"
    );
    assert_eq!(count(&db, "ONLY login_history_default"), 320);
    assert_eq!(count(&db, &format!("ONLY {next}")), 7);
    // The nightly job deals with them: 2024 is past retention (deleted), 2031 is moved.
    let (_, err) = ok(&db, &["partitions", "rotate"]);
    assert!(err.contains("into login_history_2031_03"), "{err}");
    assert_eq!(count(&db, "ONLY login_history_default"), 0);
}

#[test]
fn create_names_the_periods_a_hand_made_partition_overlaps() {
    let db = TestDb::unpartitioned("part_create_overlap");
    db.sql(
        "CREATE TABLE lh_custom PARTITION OF login_history \
         FOR VALUES FROM ('2027-03-15') TO ('2027-04-15')",
    );
    let (_, err) = create(&db, "login_history", "2027-03-01", "2027-04-01");
    assert_eq!(
        err.trim(),
        "warning: login_history: login_history_2027_03 [2027-03-01, 2027-04-01) not made: \
         it overlaps partition lh_custom, which has other bounds"
    );
}

#[test]
fn with_rows_left_in_default_creates_scan_it_once_not_once_per_partition() {
    let db = TestDb::unpartitioned("part_batch_default");
    users(&db);
    // A row no partition of the range will hold: each attach would scan DEFAULT to prove the
    // new range empty there.
    db.sql("INSERT INTO email_analytics (user_id, action, action_time) VALUES (1, 'open', '2030-01-01')");
    let scans = || {
        settled(
            &db,
            "SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'email_analytics_default'",
        )
    };
    let before = scans();
    let out = create_24_weeks(&db, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        db.value("SELECT count(*) FROM pg_inherits WHERE inhparent = 'email_analytics'::regclass"),
        "25"
    );
    let after = scans();
    // One scan to plan (DEFAULT is small: its rows are counted), one for the batch's
    // constraints; a scan per attach made it 25.
    assert_eq!(
        after - before,
        2,
        "DEFAULT scanned {} times",
        after - before
    );
    // Its row is where it was, and the temporary constraints are gone.
    assert_eq!(count(&db, "ONLY email_analytics_default"), 1);
    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'email_analytics_default'::regclass \
             AND conname LIKE 'promail%'"
        ),
        "0"
    );
}

#[test]
fn a_session_killed_during_batched_creates_fails_its_batch_once() {
    let db = TestDb::unpartitioned("part_batch_killed");
    users(&db);
    let rt = crate::support::runtime();
    let app = rt.block_on(db.connect());
    // Every attach waits behind this row lock on users.
    rt.block_on(app.batch_execute("BEGIN; UPDATE users SET email = email WHERE id = 1"))
        .unwrap();
    let child = spawn(
        &db,
        &[
            "partitions",
            "create",
            "email_analytics",
            "--from",
            "2025-01-06",
            "--to",
            "2025-06-23",
            "--lock-timeout",
            "20s",
        ],
    );
    // Three batches of 8, each waiting on its own session.
    let waiting =
        "SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
                   WHERE NOT l.granted AND a.datname = current_database()";
    wait_for(
        &db,
        &format!("SELECT ({waiting}) >= 3"),
        "three batches to wait",
    );
    db.sql(&format!(
        "SELECT pg_terminate_backend(pid) FROM ({waiting_pids}) w LIMIT 1",
        waiting_pids =
            "SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
                        WHERE NOT l.granted AND a.datname = current_database()"
    ));
    rt.block_on(app.batch_execute("ROLLBACK")).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    // One error for the killed session's batch, the other batches made.
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("error: creating 8 partitions of email_analytics"),
        "{err}"
    );
    assert_eq!(weeks_of_2025(&db), (16, 0));
    // The next run makes the rest.
    let out = create_24_weeks(&db, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(weeks_of_2025(&db), (24, 0));
}

/// `retire_all` (cleanup's drops) locks the parent, checks the partitions a hundred per query and
/// drops them a hundred per statement, all in one transaction; a partition holding a row at or
/// after the cutoff (which bounds read wrongly, say, would let through) stops the whole batch,
/// named, and nothing is dropped: not even the hundred dropped before the check found it.
#[test]
fn retire_all_refuses_the_batch_when_one_partition_holds_newer_rows() {
    use promail::partition::exec::{retire_all, Settings, Target};
    use promail::partition::plan::{Partition, Period, Policy, RetentionAction};

    let db = TestDb::unpartitioned("part_retire_all");
    users(&db);
    // 105 months: a first statement of 100 drops, then a second of 5.
    create(&db, "login_history", "2016-01-01", "2024-10-01");
    logins(&db, 210, "2016-01-01", "2024-09-01");
    db.sql(
        "INSERT INTO login_history (user_id, login_time, ip_address, user_agent) \
         VALUES (1, '2024-09-20', '10.0.0.1', 'Mozilla/5.0')",
    );
    let ts = |s: &str| {
        chrono::NaiveDateTime::parse_from_str(&format!("{s} 00:00:00"), "%Y-%m-%d %H:%M:%S")
            .unwrap()
    };
    let months: Vec<Partition> = (0..105)
        .map(|m| {
            let (y, mo) = (2016 + m / 12, 1 + m % 12);
            let (ny, nmo) = if mo == 12 { (y + 1, 1) } else { (y, mo + 1) };
            Partition {
                name: format!("login_history_{y}_{mo:02}"),
                from: ts(&format!("{y}-{mo:02}-01")),
                to: ts(&format!("{ny}-{nmo:02}-01")),
            }
        })
        .collect();
    assert_eq!(months[104].name, "login_history_2024_09");
    let policy = Policy {
        table: "login_history".into(),
        column: "login_time".into(),
        period: Period::Monthly,
        premake: 1,
        retention: None,
        action: RetentionAction::Drop,
    };
    // Drops read nothing of the server's version; any supported one will do.
    let server = promail::server::Server::from_version("13.0");
    let target = |cutoff: &str| Target {
        policy: &policy,
        columns: &[],
        default: None,
        cutoff: Some(ts(cutoff)),
        indexes: &[],
        server: &server,
    };
    let settings = Settings::default();
    let months_left = "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
                       WHERE i.inhparent = 'login_history'::regclass \
                         AND c.relname ~ '^login_history_20(1[6-9]|2[0-4])_'";
    assert_eq!(db.value(months_left), "105");
    // A cutoff inside the last month: refused, naming it, after the first hundred were dropped.
    crate::support::block_on(async {
        let conn = db.connect().await;
        let err = retire_all(&conn, &target("2024-09-15"), &months, &settings, || {
            panic!("no COMMIT may go out")
        })
        .await
        .unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains(
                "refusing: login_history_2024_09 may hold rows at or after the retention cutoff \
                 2024-09-15: its range ends 2024-10-01"
            ),
            "{msg}"
        );
        assert!(
            msg.contains("dropping 105 partitions of login_history"),
            "{msg}"
        );
    });
    assert_eq!(db.value(months_left), "105");
    assert_eq!(count(&db, "login_history"), 211);
    // Past all of them: dropped together, their rows with them, one COMMIT.
    crate::support::block_on(async {
        let conn = db.connect().await;
        let committing = std::cell::Cell::new(0);
        retire_all(&conn, &target("2024-10-01"), &months, &settings, || {
            committing.set(committing.get() + 1);
        })
        .await
        .unwrap();
        assert_eq!(committing.get(), 1);
    });
    assert_eq!(db.value(months_left), "0");
    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_class WHERE relname ~ '^login_history_20(1[6-9]|2[0-4])_'"
        ),
        "0"
    );
    assert_eq!(count(&db, "login_history"), 0);
}

#[test]
fn a_duration_without_a_unit_is_refused_everywhere_with_a_hint() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["partitions", "rotate", "--lock-timeout", "3"],
            "--lock-timeout",
        ),
        (&["cleanup", "--lock-wait", "10"], "--lock-wait"),
        (&["db", "migrate", "--lock-timeout", "5"], "--lock-timeout"),
        (&["db", "seed", "--lock-timeout", "5"], "--lock-timeout"),
        (
            &["monitor", "activity", "--flag-after", "30"],
            "--flag-after",
        ),
        (
            &["monitor", "check", "--transaction-warning", "60"],
            "--transaction-warning",
        ),
    ];
    for (args, option) in cases {
        let out = crate::support::promail().args(args).output().unwrap();
        // monitor check's usage errors are UNKNOWN (3) for monitoring systems.
        let code = if args[..2] == ["monitor", "check"] {
            3
        } else {
            2
        };
        let err = assert_error(&out, code, "has no unit");
        assert!(err.contains(option), "{args:?}: {err}");
        assert!(err.contains("hint: add a unit"), "{args:?}: {err}");
    }
    // The same through the environment.
    let out = crate::support::promail()
        .args(["partitions", "rotate"])
        .env("PROMAIL_LOCK_TIMEOUT", "2")
        .output()
        .unwrap();
    assert_error(&out, 2, "has no unit");
}

#[test]
fn list_check_exits_1_naming_each_table_until_rotate_mends_them() {
    let db = TestDb::unpartitioned("part_list_check");
    // Without --check, a missing partition is shown but the exit code is 0.
    let (out, _) = ok(&db, &["partitions", "list", "--health"]);
    assert!(out.contains("no partition for"), "{out}");

    let out = db
        .promail()
        .args(["partitions", "list", "--health", "--check"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "partitions need attention: ");
    assert!(err.contains("login_history (no partition for "), "{err}");
    assert!(err.contains("email_analytics (no partition for "), "{err}");
    assert!(
        err.contains("hint: run `promail partitions rotate`"),
        "{err}"
    );
    assert!(
        stdout_of(&out).contains("login_history"),
        "the table is still printed"
    );

    // -q: only the exit code and the message.
    let out = db
        .promail()
        .args(["-q", "partitions", "list", "--check"])
        .output()
        .unwrap();
    assert_error(&out, 1, "partitions need attention: ");
    assert_eq!(stdout_of(&out), "");

    ok(&db, &["partitions", "rotate"]);
    let (out, _) = ok(&db, &["-q", "partitions", "list", "--check"]);
    assert_eq!(out, "");
    let (out, _) = ok(&db, &["partitions", "list", "--health", "--check"]);
    assert!(out.contains("ok"), "{out}");
}
