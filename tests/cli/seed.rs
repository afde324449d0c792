//! `promail db seed`: realistic data in every table, reproducible, refused where it would mix
//! with existing data, and all or nothing.

use promail::seed::TABLES;

use crate::support::{assert_error, ok, stderr_of, TestDb};

fn seed(db: &TestDb, args: &[&str]) -> std::process::Output {
    db.promail()
        .args(["db", "seed"])
        .args(args)
        .output()
        .unwrap()
}

fn seed_ok(db: &TestDb, args: &[&str]) -> String {
    let out = seed(db, args);
    assert!(
        out.status.success(),
        "db seed {args:?}: {}",
        stderr_of(&out)
    );
    stderr_of(&out)
}

fn count(db: &TestDb, table: &str) -> i64 {
    db.value(&format!("SELECT count(*) FROM {table}"))
        .parse()
        .unwrap()
}

/// A checksum of what a user would see in the data.
fn checksum(db: &TestDb) -> String {
    db.value(
        "SELECT md5(concat_ws('#',
            (SELECT string_agg(email || first_name || created_at, '|' ORDER BY id) FROM users),
            (SELECT string_agg(subject || content || coalesce(sent_at::text, '-'), '|' ORDER BY id) FROM emails),
            (SELECT string_agg(name || key_hash, '|' ORDER BY id) FROM api_keys),
            (SELECT string_agg(host(ip_address) || login_time, '|' ORDER BY id) FROM login_history),
            (SELECT string_agg(action || email_id || action_time, '|' ORDER BY id) FROM email_analytics)))",
    )
}

#[test]
fn into_an_unmigrated_database_fails_with_the_migrate_hint() {
    let db = TestDb::new("seed_unmigrated");
    let out = seed(&db, &["--users", "5"]);
    let err = assert_error(&out, 1, "has no ProMail schema");
    assert!(
        err.contains("hint: create the schema first with `promail db migrate`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[test]
fn small_seed_fills_every_table_realistically() {
    let db = TestDb::migrated("seed_small");
    let err = seed_ok(&db, &["--users", "20", "--seed", "7"]);
    assert!(err.contains("users 20,") && err.contains("rows/s"), "{err}");
    for t in TABLES {
        assert!(count(&db, t) > 0, "{t} is empty");
    }
    assert_eq!(count(&db, "users"), 20);
    assert_eq!(
        count(&db, "user_preferences"),
        20,
        "one preferences row per user"
    );

    for (sql, all) in [
        (
            "SELECT string_agg(DISTINCT email_type, ',' ORDER BY email_type) FROM emails",
            "commercial,information,reclamation,relance,remerciement,rendez_vous",
        ),
        (
            "SELECT string_agg(DISTINCT tone, ',' ORDER BY tone) FROM emails",
            "amical,formel,informel,professionnel",
        ),
        (
            "SELECT string_agg(DISTINCT urgency, ',' ORDER BY urgency) FROM emails",
            "elevee,faible,normale,urgente",
        ),
        (
            "SELECT string_agg(DISTINCT category, ',' ORDER BY category) FROM templates",
            "client,commercial,fournisseur,general,rh",
        ),
    ] {
        assert_eq!(db.value(sql), all, "{sql}");
    }

    // Relations and times as the application would write them.
    for (what, sql) in [
        (
            "analytics of another user's e-mail",
            "SELECT count(*) FROM email_analytics a JOIN emails e ON e.id = a.email_id WHERE a.user_id <> e.user_id",
        ),
        (
            "analytics before their e-mail existed",
            "SELECT count(*) FROM email_analytics a JOIN emails e ON e.id = a.email_id WHERE a.action_time < e.created_at",
        ),
        (
            "sent_at without status sent, or the reverse",
            "SELECT count(*) FROM emails WHERE (sent_at IS NOT NULL) <> (status = 'sent')",
        ),
        (
            "updated_at before created_at",
            "SELECT (SELECT count(*) FROM emails WHERE updated_at < created_at)
                  + (SELECT count(*) FROM templates WHERE updated_at < created_at)
                  + (SELECT count(*) FROM users WHERE updated_at < created_at)",
        ),
        (
            "a timestamp after the server's current day began",
            "SELECT (SELECT count(*) FROM login_history WHERE login_time >= date_trunc('day', LOCALTIMESTAMP))
                  + (SELECT count(*) FROM emails WHERE updated_at > date_trunc('day', LOCALTIMESTAMP))",
        ),
        (
            "an API key stored other than as a SHA-256 hex digest",
            "SELECT count(*) FROM api_keys WHERE key_hash !~ '^[0-9a-f]{64}$'",
        ),
        (
            "a failed login without a reason, or a successful one with",
            "SELECT count(*) FROM login_history WHERE success = (failure_reason IS NOT NULL)",
        ),
    ] {
        assert_eq!(db.value(sql), "0", "{what}");
    }
    assert_ne!(
        db.value("SELECT count(*) FROM login_history WHERE NOT success"),
        "0",
        "some logins fail"
    );
    // The logs lie within their retention windows (90 and 30 days before the day began),
    // spread over them: the oldest in the window's first weeks.
    assert_eq!(
        db.value(
            "SELECT (SELECT count(*) FROM login_history \
                      WHERE login_time < date_trunc('day', LOCALTIMESTAMP) - INTERVAL '90 days') \
                  + (SELECT count(*) FROM email_analytics \
                      WHERE action_time < date_trunc('day', LOCALTIMESTAMP) - INTERVAL '30 days')"
        ),
        "0"
    );
    assert_eq!(
        db.value("SELECT min(login_time) < LOCALTIMESTAMP - INTERVAL '60 days' FROM login_history"),
        "t"
    );
    // The sequences were moved past the seeded ids: the application's next insert works.
    assert_eq!(
        db.value("INSERT INTO users (email, password_hash) VALUES ('nouveau@example.fr', 'x') RETURNING id"),
        "21"
    );
    assert_ne!(
        db.value("INSERT INTO login_history (user_id) VALUES (1) RETURNING id"),
        "1"
    );
}

#[test]
fn same_seed_gives_the_same_data_in_another_database() {
    let a = TestDb::migrated("seed_repro_a");
    let b = TestDb::migrated("seed_repro_b");
    let c = TestDb::migrated("seed_repro_c");
    seed_ok(&a, &["--users", "20", "--seed", "7", "-q"]);
    seed_ok(&b, &["--users", "20", "--seed", "7", "-q"]);
    seed_ok(&c, &["--users", "20", "--seed", "8", "-q"]);
    let subjects = "SELECT md5(string_agg(subject, '|' ORDER BY id)) FROM emails";
    assert_eq!(a.value(subjects), b.value(subjects));
    assert_eq!(checksum(&a), checksum(&b));
    assert_ne!(checksum(&a), checksum(&c), "another seed, other data");
}

#[test]
fn quiet_prints_nothing() {
    let db = TestDb::migrated("seed_quiet");
    let out = seed(&db, &["--users", "3", "-q"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty() && out.stdout.is_empty(),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn non_empty_database_is_refused_unless_append_or_truncate() {
    let db = TestDb::migrated("seed_non_empty");
    seed_ok(&db, &["--users", "10", "--seed", "1", "-q"]);
    let before = checksum(&db);

    let out = seed(&db, &["--users", "5"]);
    let err = assert_error(&out, 1, "already has data (10 users)");
    assert!(
        err.contains("--append") && err.contains("--truncate"),
        "{err}"
    );
    assert_eq!(checksum(&db), before, "nothing changed");

    // --truncate asks; without a terminal and without --yes it refuses.
    let out = seed(&db, &["--users", "5", "--truncate"]);
    assert_error(&out, 1, "without confirmation");
    assert_eq!(checksum(&db), before, "nothing changed");

    seed_ok(&db, &["--users", "5", "--append", "-q"]);
    assert_eq!(count(&db, "users"), 15);
    assert_eq!(
        db.value("SELECT min(id) || '-' || max(id) FROM users"),
        "1-15"
    );
    assert_eq!(
        db.value("SELECT count(*) FROM user_preferences"),
        "15",
        "appended users have preferences too"
    );

    // --truncate --yes starts over: ids from 1, the same data as a fresh seed.
    seed_ok(
        &db,
        &["--users", "10", "--seed", "1", "--truncate", "--yes", "-q"],
    );
    assert_eq!(count(&db, "users"), 10);
    assert_eq!(checksum(&db), before);
}

#[test]
fn a_failure_half_way_leaves_the_database_as_it_was() {
    let db = TestDb::migrated("seed_failure");
    // A constraint the generated e-mails break: users and preferences are copied first, then
    // the e-mails fail.
    db.sql("ALTER TABLE emails ADD CONSTRAINT short_subjects CHECK (length(subject) < 12)");
    let out = seed(&db, &["--users", "20"]);
    let err = assert_error(&out, 1, "copying into emails");
    assert!(err.contains("short_subjects"), "{err}");
    for t in TABLES {
        assert_eq!(count(&db, t), 0, "{t} kept rows of a failed seed");
    }
    assert_eq!(
        db.value(
            "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x') RETURNING id"
        ),
        "1",
        "sequences untouched"
    );
}

#[test]
fn lock_timeout_takes_a_duration_and_gives_up_on_a_busy_table() {
    let db = TestDb::migrated("seed_lock_timeout");
    crate::support::block_on(async {
        let holder = db.connect().await;
        holder
            .batch_execute("BEGIN; LOCK TABLE users IN ROW EXCLUSIVE MODE")
            .await
            .unwrap();
        let out = seed(&db, &["--users", "5", "--lock-timeout", "300ms"]);
        let err = assert_error(&out, 1, "locking the tables");
        assert!(
            err.contains("hint: another session holds a lock on these tables"),
            "{err}"
        );
        // The same from the environment, seed's own (PROMAIL_LOCK_TIMEOUT is partitions').
        let out = db
            .promail()
            .args(["db", "seed", "--users", "5"])
            .env("PROMAIL_LOCK_TIMEOUT", "1h")
            .env("PROMAIL_SEED_LOCK_TIMEOUT", "300ms")
            .output()
            .unwrap();
        assert_error(&out, 1, "locking the tables");
        holder.batch_execute("ROLLBACK").await.unwrap();
    });
    let out = seed(&db, &["--lock-timeout", "forever"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    for t in TABLES {
        assert_eq!(count(&db, t), 0, "{t}");
    }
}

/// `pg_dump --schema-only` of a database, without the lines that name it.
fn schema_of(db: &TestDb) -> String {
    let out = std::process::Command::new("pg_dump")
        .args([
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "-d",
            &db.conn,
        ])
        .env_remove("PGPASSWORD")
        .output()
        .expect("pg_dump on PATH");
    assert!(out.status.success(), "pg_dump: {}", stderr_of(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        // pg_dump's \restrict key is random on each run.
        .filter(|l| {
            !l.contains(&db.name)
                && !l.starts_with("-- Dumped")
                && !l.starts_with("\\restrict")
                && !l.starts_with("\\unrestrict")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_load_builds_indexes_after_and_leaves_the_schema_as_migrated() {
    // Secondary indexes and foreign keys are dropped for the load and made again after, in the
    // seed's transaction: the schema afterwards is the migrated one, to the byte.
    let migrated = TestDb::migrated("seed_schema_reference");
    let db = TestDb::migrated("seed_schema_seeded");
    let err = seed_ok(&db, &["--users", "40", "-v"]);
    assert!(err.contains("indexes and foreign keys"), "{err}");
    // The seed made the partitions of its logs' retention windows, as `partitions create`
    // makes them.
    for (table, days) in [("login_history", 90), ("email_analytics", 30)] {
        let day = |sql: &str| migrated.value(&format!("SELECT to_char({sql}, 'YYYY-MM-DD')"));
        let from = day(&format!(
            "date_trunc('day', LOCALTIMESTAMP) - INTERVAL '{days} days'"
        ));
        let to = day("date_trunc('day', LOCALTIMESTAMP) + INTERVAL '1 day'");
        ok(
            &migrated,
            &[
                "partitions",
                "create",
                table,
                "--from",
                &from,
                "--to",
                &to,
                "-q",
            ],
        );
    }
    let (seeded, reference) = (schema_of(&db), schema_of(&migrated));
    let only = |a: &str, b: &str| -> Vec<String> {
        let b: std::collections::BTreeSet<&str> = b.lines().collect();
        a.lines()
            .filter(|l| !b.contains(l))
            .map(ToString::to_string)
            .collect()
    };
    assert!(
        seeded == reference,
        "only after the seed: {:?}\nonly in the migrated database: {:?}",
        only(&seeded, &reference),
        only(&reference, &seeded)
    );
    // The foreign keys are there and valid, on the partitions too.
    assert_eq!(
        db.value(
            "SELECT count(*) FILTER (WHERE NOT convalidated) || '/' || count(*) FROM pg_constraint \
             WHERE contype = 'f' AND conrelid = 'login_history_default'::regclass"
        ),
        "0/1"
    );
    let out = db
        .promail()
        .args(["report", "user-stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
}

/// Each table's health from `partitions list --health`: rows in DEFAULT, and its status.
fn health(db: &TestDb) -> Vec<(String, i64, String)> {
    let (json, _) = ok(
        db,
        &[
            "partitions",
            "list",
            "--health",
            "--exact",
            "--format",
            "json",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["table"].as_str().unwrap().to_string(),
                h["default_rows"].as_i64().unwrap(),
                h["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn log_rows_go_into_partitions_and_the_first_rotate_has_nothing_to_do() {
    let db = TestDb::migrated("seed_partitions");
    let partitions = || {
        db.value(
            "SELECT count(*) FROM pg_inherits \
             WHERE inhparent IN ('login_history'::regclass, 'email_analytics'::regclass)",
        )
        .parse::<i64>()
        .unwrap()
    };
    let migrated = partitions();
    let err = seed_ok(&db, &["--users", "60", "--seed", "3", "-v"]);
    assert!(err.contains("partitions for the seeded log rows"), "{err}");
    assert!(partitions() > migrated, "the past periods got partitions");
    // Nothing in DEFAULT, no gap, nothing past retention.
    let ok_with = |t: &str| (t.to_string(), 0, "ok".to_string());
    assert_eq!(
        health(&db),
        [ok_with("email_analytics"), ok_with("login_history")]
    );
    assert_eq!(count(&db, "login_history_default"), 0);
    assert_eq!(count(&db, "email_analytics_default"), 0);
    let (logins, analytics) = (count(&db, "login_history"), count(&db, "email_analytics"));
    assert!(logins > 0 && analytics > 0);

    // The nightly job after seeding: nothing to premake, move, drop or delete.
    let before = migrated.max(partitions());
    let (out, err) = ok(&db, &["partitions", "rotate"]);
    assert_eq!(
        (out.as_str(), err.as_str()),
        ("", ""),
        "rotate changed something"
    );
    let (plan, _) = ok(&db, &["partitions", "rotate", "--dry-run"]);
    assert!(!plan.contains("drop") && !plan.contains("delete"), "{plan}");
    assert_eq!(partitions(), before);
    assert_eq!(count(&db, "login_history"), logins);
    assert_eq!(count(&db, "email_analytics"), analytics);
    // Nor does cleanup, whose retention counts from the current time, not from midnight: every
    // seeded row stays within it until the end of the server's day.
    let oldest_ok = db.value(
        "SELECT (SELECT min(login_time) FROM login_history) \
                  >= date_trunc('day', localtimestamp) + interval '1 day' - interval '90 days' \
            AND (SELECT min(action_time) FROM email_analytics) \
                  >= date_trunc('day', localtimestamp) + interval '1 day' - interval '30 days'",
    );
    assert_eq!(oldest_ok, "t", "seeded rows that expire today");
    ok(&db, &["cleanup", "--yes", "-q"]);
    assert_eq!(count(&db, "login_history"), logins);
    assert_eq!(count(&db, "email_analytics"), analytics);

    // --append adds rows into the same partitions, none into DEFAULT.
    seed_ok(&db, &["--users", "10", "--append", "-q"]);
    assert!(count(&db, "login_history") > logins);
    assert_eq!(count(&db, "login_history_default"), 0);
    assert_eq!(count(&db, "email_analytics_default"), 0);
}

/// Bytes of the seven tables, their partitions, indexes and TOAST.
fn tables_bytes(db: &TestDb) -> f64 {
    db.value(
        "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c \
         WHERE c.oid IN ('users'::regclass, 'user_preferences'::regclass, 'emails'::regclass, \
                         'templates'::regclass, 'api_keys'::regclass) \
            OR c.oid IN (SELECT inhrelid FROM pg_inherits \
                         WHERE inhparent IN ('login_history'::regclass, 'email_analytics'::regclass))",
    )
    .parse()
    .unwrap()
}

#[test]
fn size_and_log_rows_scale_the_run() {
    let db = TestDb::migrated("seed_scale");
    let empty = tables_bytes(&db);
    let err = seed_ok(&db, &["--size", "24MB", "--seed", "2", "-v"]);
    let users = count(&db, "users");
    assert!(err.contains(&format!("{users} users")), "{err}");
    // The estimate per row was measured after VACUUM: within a third either way.
    let added = tables_bytes(&db) - empty;
    let asked = 24.0 * 1024.0 * 1024.0;
    assert!(
        (0.67..1.5).contains(&(added / asked)),
        "--size 24MB added {added} bytes with {users} users"
    );

    // --log-rows spreads that many logins over the users (on average: each draws its own).
    let logs = TestDb::migrated("seed_log_rows");
    seed_ok(
        &logs,
        &["--users", "50", "--log-rows", "20000", "--seed", "2", "-q"],
    );
    let logins = count(&logs, "login_history") as f64;
    assert!((0.8..1.2).contains(&(logins / 20_000.0)), "{logins} logins");
    assert_eq!(count(&logs, "users"), 50);
    assert_eq!(count(&logs, "login_history_default"), 0);
}

#[test]
fn absurd_sizes_are_refused_in_one_line_before_anything_is_written() {
    let db = TestDb::migrated("seed_absurd");
    for (args, needle) in [
        (
            &["--size", "1kB"][..],
            "--size 1 kB is less than one user's data",
        ),
        (
            &["--size", "100TB"][..],
            "more than the 10000000 a run adds",
        ),
        (
            &["--users", "10000000", "--emails-per-user", "10000"][..],
            "rows of emails would overflow its int4 ids",
        ),
        (&["--size", "1 parsec"][..], "unknown size unit"),
        (
            &["--users", "1", "--log-rows", "4000000000"][..],
            "more than the 10000 a user may have",
        ),
        (
            &["--users", "10", "--log-rows", "3000000000"][..],
            "is 300000000 logins each",
        ),
        (&["--users", "0"][..], "0 is not in 1..=10000000"),
        (
            &["--size", "1GB", "--users", "5"][..],
            "cannot be used with",
        ),
    ] {
        let out = seed(&db, args);
        let err = assert_error(&out, 2, needle);
        // clap's usage errors end with its usage and pointer to --help.
        assert!(err.lines().count() <= 5, "{args:?}: {err}");
        if !err.contains("For more information") {
            assert!(err.contains("\nhint: "), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 2, "{args:?}: {err}");
        }
    }
    for t in TABLES {
        assert_eq!(count(&db, t), 0, "{t}");
    }
}

#[test]
fn on_a_terminal_each_phase_has_its_progress_bar() {
    let db = TestDb::migrated("seed_progress");
    let Some(mut pty) = crate::terminal::Pty::start(
        &format!("{} db seed --users 30", crate::terminal::promail_bin()),
        &[("DATABASE_URL", &db.conn)],
    ) else {
        return;
    };
    pty.wait_for("seeded database");
    let done = pty.finish();
    assert_eq!(done.code, Some(0), "{}", done.text);
    for line in ["load ", "loaded", "index ", "built"] {
        assert!(
            done.text.contains(line),
            "{line:?} not shown: {}",
            done.text
        );
    }
    done.assert_terminal_restored();
    // Without a terminal (the other tests), none: quiet_prints_nothing, and here stderr only
    // carries lines.
    let err = seed_ok(&db, &["--users", "3", "--append"]);
    assert!(!err.contains("[=") && !err.contains('\r'), "{err:?}");
}

/// Sends `signal` to a seed of an empty database once it is building its indexes: held there
/// by an index of the test's own (on users, deferred and rebuilt like the others) whose
/// expression waits for an advisory lock the test holds. Afterwards (the seed's session gone)
/// the database is exactly as before the seed: the same schema, to the byte (every index,
/// constraint and partition), no rows; and a second seed works.
fn killed_in_the_index_phase(name: &str, signal: libc::c_int) {
    use std::time::{Duration, Instant};
    let db = TestDb::migrated(name);
    db.sql(
        "CREATE FUNCTION seed_gate(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS \
           $$ BEGIN PERFORM pg_advisory_lock_shared(4242); PERFORM pg_advisory_unlock_shared(4242); \
              RETURN i; END $$; \
         CREATE INDEX users_gate ON users (seed_gate(id))",
    );
    let before = schema_of(&db);
    let rt = crate::support::runtime();
    let holder = rt.block_on(db.connect());
    rt.block_on(holder.batch_execute("SELECT pg_advisory_lock(4242)"))
        .unwrap();

    let mut child = crate::backup::promail_std(&db.conn)
        .args(["db", "seed", "--users", "30"])
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let backend = loop {
        let pid = db.value(
            "SELECT coalesce(min(pid), 0) FROM pg_stat_activity WHERE datname = current_database() \
             AND wait_event = 'advisory' AND query LIKE 'CREATE INDEX users_gate%'",
        );
        if pid != "0" {
            break pid;
        }
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!(
                "the seed never reached its index phase: {:?}",
                child.wait_with_output()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Loaded already: the rows are there, in the seed's transaction.
    crate::interrupt::send_signal(child.id(), signal);
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    if signal == libc::SIGINT {
        assert_eq!(out.status.code(), Some(130), "{err}");
        assert_eq!(err.trim(), "interrupted");
    } else {
        assert_eq!(out.status.code(), None, "killed: {err}");
    }
    // A killed client's backend goes on until it next reads from it: let it.
    rt.block_on(holder.batch_execute("SELECT pg_advisory_unlock(4242)"))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while db.value(&format!(
        "SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}"
    )) != "0"
    {
        assert!(Instant::now() < deadline, "the seed's session never ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(holder);

    assert_eq!(schema_of(&db), before, "the schema changed");
    for t in TABLES {
        assert_eq!(count(&db, t), 0, "{t} kept rows");
    }
    assert_eq!(
        db.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready"),
        "0"
    );
    seed_ok(&db, &["--users", "5", "-q"]);
    assert_eq!(count(&db, "users"), 5);
}

#[test]
fn sigint_in_the_index_phase_leaves_the_database_as_migrated() {
    killed_in_the_index_phase("seed_sigint_index", libc::SIGINT);
}

#[test]
fn sigkill_in_the_index_phase_leaves_the_database_as_migrated() {
    killed_in_the_index_phase("seed_sigkill_index", libc::SIGKILL);
}

/// A private cluster, destroyed with the tmpfs under it unmounted when dropped.
struct Own(promail::local::Cluster, std::path::PathBuf);

impl Drop for Own {
    fn drop(&mut self) {
        let _ = self.0.destroy();
        let _ = std::process::Command::new("umount").arg(&self.1).status();
    }
}

#[test]
fn a_disk_filling_during_the_load_rolls_everything_back() {
    // A cluster of its own: a tablespace on a 1 MB tmpfs, where the partitions the seed makes
    // for its log rows go (default_tablespace); the other tables stay where they are. (Not the
    // shared test server: dropping a tablespace right after a failed extension into it has
    // been seen to make the checkpointer PANIC.) Needs root, to mount.
    let uid = std::process::Command::new("id")
        .args(["-u", "postgres"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let (Some(uid), true) = (uid, nix::unistd::geteuid().is_root()) else {
        eprintln!("skipped: needs root (to mount a tmpfs) and a postgres user");
        return;
    };
    let base = tempfile::Builder::new()
        .prefix("pmfull")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(
        base.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let tiny = base.path().join("tiny");
    std::fs::create_dir(&tiny).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o"])
        .arg(format!("size=1m,mode=0700,uid={uid}"))
        .arg("tmpfs")
        .arg(&tiny)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a 1 MB tmpfs here");
        return;
    }
    let cluster = Own(
        promail::local::Cluster::new(base.path().join("pg")),
        tiny.clone(),
    );
    cluster
        .0
        .start()
        .unwrap_or_else(|e| panic!("starting the cluster: {e:#}"));
    let url = cluster.0.conninfo("promail_db").unwrap();
    let run = |args: &[&str]| {
        crate::support::promail()
            .env("DATABASE_URL", &url)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["db", "migrate", "-q"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let q = |sql: &str| {
        crate::support::sql_on(&url, sql)[0][0]
            .clone()
            .unwrap_or_default()
    };
    let children = || {
        q("SELECT count(*) FROM pg_inherits WHERE inhparent IN \
           ('login_history'::regclass, 'email_analytics'::regclass)")
    };
    let before = children();
    crate::support::sql_on(
        &url,
        &format!("CREATE TABLESPACE tiny LOCATION '{}'", tiny.display()),
    );
    crate::support::sql_on(
        &url,
        "ALTER DATABASE promail_db SET default_tablespace = tiny",
    );

    let out = run(&["db", "seed", "--users", "1000"]);
    let err = assert_error(&out, 1, "No space left on device");
    assert!(!err.contains("panicked"), "{err}");
    for t in TABLES {
        assert_eq!(
            q(&format!("SELECT count(*) FROM {t}")),
            "0",
            "{t} kept rows of a failed seed"
        );
    }
    assert_eq!(children(), before, "the partitions it made are gone too");
    // Once there is room, the seed runs.
    crate::support::sql_on(&url, "ALTER DATABASE promail_db RESET default_tablespace");
    let out = run(&["db", "seed", "--users", "5", "-q"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    drop(cluster);
}
