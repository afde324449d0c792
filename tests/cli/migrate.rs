//! `db migrate`, `db status`, `db baseline`, `db create`: what a DBA sees when the schema is
//! applied, re-applied, applied concurrently, and when something is wrong.

use std::path::Path;

use promail::migrate::embedded;

use crate::support::{
    assert_error, promail, server, sql_on, stderr_of, stdout_of, with_dbname, TestDb,
};

/// A folder of migration files for `--migrations-dir`.
struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    /// With copies of the real migrations.
    fn with_embedded() -> Dir {
        let d = Dir::new();
        for m in embedded() {
            d.write(&m.file, &m.sql);
        }
        d
    }

    fn write(&self, file: &str, text: &str) -> &Self {
        std::fs::write(self.0.path().join(file), text).unwrap();
        self
    }

    fn path(&self) -> &Path {
        self.0.path()
    }
}

fn migrate_in(db: &TestDb, dir: &Dir, extra: &[&str]) -> std::process::Output {
    db.promail()
        .args(["db", "migrate", "--migrations-dir"])
        .arg(dir.path())
        .args(extra)
        .output()
        .unwrap()
}

fn history(db: &TestDb) -> Vec<(String, String)> {
    db.sql("SELECT version::text, kind FROM promail.schema_migrations ORDER BY version")
        .into_iter()
        .map(|r| (r[0].clone().unwrap(), r[1].clone().unwrap()))
        .collect()
}

fn exists(db: &TestDb, relation: &str) -> bool {
    db.value(&format!("SELECT to_regclass('{relation}') IS NOT NULL")) == "t"
}

fn status_json(db: &TestDb, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = db
        .promail()
        .args(["db", "status", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    serde_json::from_str::<serde_json::Value>(&stdout_of(&out))
        .unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn fresh_migrate_builds_the_schema_and_a_second_run_is_silent() {
    let db = TestDb::new("migrate_fresh");
    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("applied 0001_schema ("), "{err}");
    assert!(
        err.contains("applied 0002_promail_partition_policy ("),
        "{err}"
    );
    assert!(err.contains("applied 0003_promail_schedule ("), "{err}");
    assert!(stdout_of(&out).is_empty());
    // The timetable's defaults, and the history's pruning function.
    assert_eq!(
        db.value("SELECT string_agg(job || '=' || expr, ', ' ORDER BY job) FROM promail.schedule_job WHERE enabled"),
        "backup=0 2 * * *, backup-critical=0 */4 * * *, check=*/5 * * * *, cleanup=30 1 * * *, prune=30 2 * * *, rotate=0 1 * * *"
    );
    assert_eq!(db.value("SELECT promail.prune_schedule_runs()"), "0");

    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN \
             ('users','emails','templates','login_history','user_preferences','email_analytics','api_keys')"
        ),
        "7"
    );
    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_views WHERE schemaname = 'public' AND viewname IN \
             ('user_stats','email_type_performance','user_activity')"
        ),
        "3"
    );
    assert_eq!(
        db.value(
            "SELECT count(*) FROM pg_proc WHERE proname IN \
             ('cleanup_old_logs','get_user_statistics','update_updated_at_column')"
        ),
        "3"
    );
    let rows = db.sql(
        "SELECT version::text, name, checksum, kind, applied_by, duration_ms IS NOT NULL \
         FROM promail.schema_migrations ORDER BY version",
    );
    let known = embedded();
    assert_eq!(rows.len(), known.len());
    for (row, m) in rows.iter().zip(&known) {
        assert_eq!(row[0].as_deref(), Some(m.version.to_string().as_str()));
        assert_eq!(row[1].as_deref(), Some(m.name.as_str()));
        assert_eq!(row[2].as_deref(), Some(m.checksum.as_str()));
        assert_eq!(row[3].as_deref(), Some("applied"));
        assert!(row[4].as_deref().unwrap().contains("(promail "), "{row:?}");
        assert_eq!(row[5].as_deref(), Some("t"));
    }

    let again = db.promail().args(["db", "migrate"]).output().unwrap();
    assert!(again.status.success(), "{}", stderr_of(&again));
    assert_eq!(stderr_of(&again), "", "a second run has nothing to say");
    assert_eq!(stdout_of(&again), "");
}

#[test]
fn eight_concurrent_runs_apply_each_migration_once() {
    let db = TestDb::new("migrate_concurrent");
    let outputs: Vec<std::process::Output> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| db.promail().args(["db", "migrate"]).output().unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut applied_lines = Vec::new();
    let mut created = Vec::new();
    for out in &outputs {
        let err = stderr_of(out);
        assert!(out.status.success(), "{err}");
        for line in err.lines() {
            if let Some(rest) = line.strip_prefix("create ") {
                // The partitions premade after migrating: each by exactly one run too.
                created.push(rest.split(' ').next().unwrap().to_string());
                continue;
            }
            assert!(line.starts_with("applied "), "unexpected output: {line}");
            applied_lines.push(line.split(' ').nth(1).unwrap().to_string());
        }
    }
    let n = created.len();
    created.sort();
    created.dedup();
    assert_eq!(created.len(), n, "a partition was created twice");
    assert_eq!(n, 9, "5 weekly + 4 monthly partitions premade once");
    applied_lines.sort();
    assert_eq!(
        applied_lines,
        [
            "0001_schema",
            "0002_promail_partition_policy",
            "0003_promail_schedule"
        ],
        "each migration is applied by exactly one run"
    );
    assert_eq!(
        history(&db),
        [
            ("1".to_string(), "applied".to_string()),
            ("2".to_string(), "applied".to_string()),
            ("3".to_string(), "applied".to_string())
        ]
    );
}

#[test]
fn a_failing_migration_names_file_and_line_and_changes_nothing() {
    let db = TestDb::new("migrate_fails");
    let dir = Dir::new();
    dir.write(
        "0002_bad.sql",
        "-- 0002: a table, then a statement that fails\n\
         CREATE TABLE half (id int);\n\
         INSERT INTO half (id)\n\
         VALUES (1),\n\
         \x20      (no_such_column);\n",
    );
    // A failing first migration: not even promail's history table is left behind.
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "migration 0002_bad.sql failed at line 5");
    assert!(
        err.contains("the database has no migration applied"),
        "{err}"
    );
    assert_eq!(db.value("SELECT to_regnamespace('promail') IS NULL"), "t");
    assert!(!exists(&db, "half"));

    dir.write("0001_good.sql", "CREATE TABLE good (id int);\n");
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "0002_bad.sql");
    assert!(err.contains("at line 5"), "{err}");
    assert!(err.contains("no_such_column"), "{err}");
    assert!(
        err.contains("hint: nothing of 0002_bad.sql was applied"),
        "{err}"
    );
    assert!(err.contains("applied 0001_good"), "{err}");
    assert!(exists(&db, "good"));
    assert!(
        !exists(&db, "half"),
        "0002's first statement was rolled back"
    );
    assert_eq!(history(&db), [("1".to_string(), "applied".to_string())]);
}

#[test]
fn an_applied_file_edited_since_is_refused_before_anything_runs() {
    let db = TestDb::new("migrate_edited");
    let dir = Dir::new();
    dir.write("0001_good.sql", "CREATE TABLE good (id int);\n");
    assert!(migrate_in(&db, &dir, &[]).status.success());
    // Same text with CRLF line ends and a BOM is not an edit.
    dir.write("0001_good.sql", "\u{feff}CREATE TABLE good (id int);\r\n");
    let out = migrate_in(&db, &dir, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));

    dir.write("0001_good.sql", "CREATE TABLE good (id bigint);\n")
        .write("0002_next.sql", "CREATE TABLE next (id int);\n");
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "migration 0001_good.sql was edited");
    assert!(
        err.contains("hint: revert the edit to 0001_good.sql"),
        "{err}"
    );
    assert!(!exists(&db, "next"), "nothing ran");
    let status = db
        .promail()
        .args(["db", "status", "--migrations-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let table = stdout_of(&status);
    assert!(
        table
            .lines()
            .any(|l| l.contains("good") && l.contains("changed")),
        "{table}"
    );
}

#[test]
fn a_database_migrated_by_a_newer_promail_is_refused() {
    let db = TestDb::migrated("migrate_newer");
    db.sql(
        "INSERT INTO promail.schema_migrations (version, name, checksum, applied_by) \
         VALUES (9999, 'from_the_future', 'x', 'postgres (promail 9.0.0)')",
    );
    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    let err = assert_error(&out, 1, "migrated by a newer promail");
    assert!(err.contains("9999_from_the_future"), "{err}");
    assert!(err.contains("hint: upgrade promail"), "{err}");
    let rows = status_json(&db, &[]);
    let last = rows.last().unwrap();
    assert_eq!(last["version"], 9999);
    assert_eq!(last["state"], "unknown");
}

#[test]
fn dry_run_prints_the_plan_and_changes_nothing() {
    let db = TestDb::new("migrate_dry_run");
    let out = db
        .promail()
        .args(["db", "migrate", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let plan = stdout_of(&out);
    assert_eq!(plan.lines().count(), 4, "{plan}");
    assert!(plan.starts_with("would apply 0001_schema"), "{plan}");
    assert!(
        plan.contains("would apply 0002_promail_partition_policy"),
        "{plan}"
    );
    assert!(plan.contains("would apply 0003_promail_schedule"), "{plan}");
    assert!(
        plan.ends_with(
            "would then create the current and premade partitions of the partitioned tables\n"
        ),
        "{plan}"
    );
    assert!(
        !exists(&db, "promail.schema_migrations"),
        "no history table"
    );
    assert!(!exists(&db, "users"));

    let out = db
        .promail()
        .args(["db", "migrate", "--dry-run", "-v", "--target", "1"])
        .output()
        .unwrap();
    let plan = stdout_of(&out);
    assert!(plan.contains("CREATE TABLE users"), "-v shows the SQL");
    assert!(!plan.contains("0002_promail"), "{plan}");
    // Short of the partition policies, the run makes no partitions: the plan does not say so.
    assert!(!plan.contains("would then create"), "{plan}");
    assert!(!exists(&db, "users"));
}

#[test]
fn dry_run_on_a_migrated_database_shows_the_partitions_it_would_make() {
    let db = TestDb::migrated("migrate_dry_run_partitions");
    let next = db
        .value("SELECT to_char(localtimestamp + interval '1 month', '\"login_history_\"YYYY_MM')");
    db.sql(&format!("DROP TABLE {next}"));
    let dry_run = || {
        db.promail()
            .args(["db", "migrate", "--dry-run"])
            .output()
            .unwrap()
    };
    let out = dry_run();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let plan = stdout_of(&out);
    assert!(plan.starts_with(&format!("create {next} [")), "{plan}");
    assert!(!exists(&db, &next), "nothing made");
    // A table in the way: marked, and the dry run fails as the run would.
    db.sql(&format!("CREATE TABLE {next} (note text)"));
    let out = dry_run();
    assert_error(
        &out,
        1,
        &format!("a table named {next} already exists and is not a partition"),
    );
    assert!(
        stdout_of(&out).contains("-- will fail"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn target_applies_up_to_a_version_and_never_down() {
    let db = TestDb::new("migrate_target");
    let out = db
        .promail()
        .args(["db", "migrate", "--target", "0001"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("applied 0001_schema") && !err.contains("0002"),
        "{err}"
    );
    assert_eq!(history(&db).len(), 1);
    assert_eq!(status_json(&db, &[])[1]["state"], "pending");

    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(
        err.contains("applied 0002_promail_partition_policy"),
        "{err}"
    );
    assert!(err.contains("applied 0003_promail_schedule"), "{err}");

    let out = db
        .promail()
        .args(["db", "migrate", "--target", "1"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "no down migrations");
    assert!(err.contains("hint: "), "{err}");
    let out = db
        .promail()
        .args(["db", "migrate", "--target", "42"])
        .output()
        .unwrap();
    assert_error(&out, 2, "--target 42");
}

#[test]
fn no_transaction_files_build_indexes_concurrently() {
    let db = TestDb::new("migrate_concurrently");
    let dir = Dir::new();
    dir.write(
        "0001_t.sql",
        "CREATE TABLE t (x int, y int, z int);\nINSERT INTO t SELECT g, g, g FROM generate_series(1, 1000) g;\n",
    )
    .write(
        "0002_idx.sql",
        "-- promail:no-transaction\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_x ON t (x);\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_y ON t (y);\n",
    );
    let out = migrate_in(&db, &dir, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("applied 0002_idx"));
    assert_eq!(
        db.value("SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass AND indisvalid"),
        "2"
    );

    // Without the marker, the server refuses, and promail says what to do.
    dir.write(
        "0003_unmarked.sql",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_z ON t (z);\n",
    );
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "0003_unmarked.sql failed at line 1");
    assert!(err.contains("-- promail:no-transaction"), "{err}");

    // A marked file failing half-way keeps its first statements, says so, and runs again
    // from the top once fixed.
    dir.write(
        "0003_unmarked.sql",
        "-- promail:no-transaction\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_z ON t (z);\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_w ON t (no_such);\n",
    );
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "0003_unmarked.sql failed at line 3");
    assert!(err.contains("idempotent"), "{err}");
    assert!(exists(&db, "t_z"));
    assert_eq!(history(&db).len(), 2);
    dir.write(
        "0003_unmarked.sql",
        "-- promail:no-transaction\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_z ON t (z);\n\
         CREATE INDEX CONCURRENTLY IF NOT EXISTS t_w ON t (x, y);\n",
    );
    let out = migrate_in(&db, &dir, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(history(&db).len(), 3);
    assert_eq!(
        db.value("SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass AND indisvalid"),
        "4"
    );

    // A concurrent build that fails leaves an INVALID index; the unchanged file, run again,
    // would skip it (IF NOT EXISTS) and look applied: promail refuses and says what to drop.
    dir.write(
        "0004_unique.sql",
        "-- promail:no-transaction\n\
         CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_parity ON t ((x % 2));\n",
    );
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "0004_unique.sql failed at line 2");
    assert!(err.contains("could not create unique index"), "{err}");
    let out = migrate_in(&db, &dir, &[]);
    let err = assert_error(&out, 1, "0004_unique.sql leaves invalid index t_parity");
    assert!(
        err.contains("hint: DROP INDEX CONCURRENTLY t_parity"),
        "{err}"
    );
    assert_eq!(history(&db).len(), 3);
}

#[test]
fn a_long_transaction_makes_the_migration_give_up_cleanly() {
    let db = TestDb::migrated("migrate_lock_timeout");
    let dir = Dir::with_embedded();
    dir.write(
        "0004_alter_users.sql",
        "CREATE TABLE side_effect (id int);\nALTER TABLE users ADD COLUMN nickname text;\n",
    );
    let rt = crate::support::runtime();
    let holder = rt.block_on(db.connect());
    let pid: i32 = rt
        .block_on(holder.query_one("SELECT pg_backend_pid()", &[]))
        .unwrap()
        .get(0);
    rt.block_on(holder.batch_execute("BEGIN; LOCK users IN ACCESS EXCLUSIVE MODE"))
        .unwrap();

    let out = migrate_in(&db, &dir, &["--lock-timeout", "1s", "--retries", "1"]);
    let err = assert_error(&out, 1, "migration 0004_alter_users.sql failed at line 2");
    assert!(err.contains("lock timeout"), "{err}");
    assert!(err.contains("table users"), "names the table: {err}");
    assert!(
        err.contains(&format!("backend pid {pid}")),
        "names the holder: {err}"
    );
    assert!(err.contains("gave up after 2 attempts"), "{err}");
    assert!(
        err.contains("warning: 0004_alter_users.sql: lock timeout"),
        "{err}"
    );
    assert!(!exists(&db, "side_effect"), "nothing half-done");
    assert_eq!(
        db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'"),
        "0"
    );
    assert_eq!(history(&db).len(), 3);

    rt.block_on(holder.batch_execute("ROLLBACK")).unwrap();
    let out = migrate_in(&db, &dir, &[]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(exists(&db, "side_effect"));
}

#[test]
fn a_run_that_cannot_get_the_migration_lock_names_the_holder() {
    let db = TestDb::new("migrate_lock_wait");
    let rt = crate::support::runtime();
    let holder = rt.block_on(db.connect());
    let pid: i32 = rt
        .block_on(holder.query_one("SELECT pg_backend_pid()", &[]))
        .unwrap()
        .get(0);
    rt.block_on(promail::lock::acquire_or_fail(
        &holder,
        promail::lock::Key::Migrate,
        std::time::Duration::ZERO,
    ))
    .unwrap();
    let out = db
        .promail()
        .args(["db", "migrate", "--lock-wait", "1s"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "another migration holds the lock");
    assert!(err.contains(&format!("backend pid {pid}")), "{err}");
    assert!(!exists(&db, "promail.schema_migrations"));
}

#[test]
fn status_as_json_and_check_for_deploy_scripts() {
    let db = TestDb::new("migrate_status");
    let rows = status_json(&db, &[]);
    assert_eq!(rows.len(), embedded().len());
    assert!(rows
        .iter()
        .all(|r| r["state"] == "pending" && r["applied_at"].is_null()));

    let out = db
        .promail()
        .args(["db", "status", "--check"])
        .output()
        .unwrap();
    let err = assert_error(
        &out,
        1,
        "3 pending (0001_schema, 0002_promail_partition_policy, 0003_promail_schedule)",
    );
    assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1);
    assert!(err.contains("hint: run `promail db migrate`"), "{err}");

    assert!(db
        .promail()
        .args(["db", "migrate"])
        .output()
        .unwrap()
        .status
        .success());
    let rows = status_json(&db, &["--check"]);
    assert!(rows.iter().all(|r| r["state"] == "applied"
        && r["recorded_by"] == "migrate"
        && r["applied_at"].is_string()
        && r["duration_ms"].is_number()));
    let out = db
        .promail()
        .args(["db", "status", "--check", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("version,name,state,recorded_by,applied_at,duration_ms\n"));
}

fn seed_schema_by_hand(db: &TestDb) {
    let schema = embedded().into_iter().next().unwrap();
    db.sql(&schema.sql);
}

#[test]
fn baseline_adopts_a_hand_made_schema() {
    let db = TestDb::new("migrate_baseline");
    seed_schema_by_hand(&db);
    let out = db.promail().args(["db", "baseline"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("recorded 0001_schema as baseline"), "{err}");
    assert_eq!(history(&db), [("1".to_string(), "baseline".to_string())]);

    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("applied 0002_promail_partition_policy")
            && err.contains("applied 0003_promail_schedule")
            && !err.contains("0001"),
        "{err}"
    );
    let ok = db
        .promail()
        .args(["db", "status", "--check"])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", stderr_of(&ok));
    // All applied: the first adopted, the later ones migrated; which command recorded each, in
    // words of its own.
    let rows = status_json(&db, &[]);
    let by: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["state"].as_str().unwrap(),
                r["recorded_by"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by,
        [
            ("applied", "baseline"),
            ("applied", "migrate"),
            ("applied", "migrate")
        ]
    );

    let again = db.promail().args(["db", "baseline"]).output().unwrap();
    let err = assert_error(&again, 1, "already has 3 rows");
    assert!(err.contains("hint: "), "{err}");
}

#[test]
fn migrate_on_a_hand_made_schema_names_baseline() {
    let db = TestDb::new("migrate_on_hand_made");
    seed_schema_by_hand(&db);
    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    let err = assert_error(&out, 1, "already exists");
    assert!(err.contains("adopt it with `promail db baseline`"), "{err}");
    // Nothing recorded (the history table, if made, is empty).
    if exists(&db, "promail.schema_migrations") {
        assert_eq!(history(&db), Vec::<(String, String)>::new());
    }
}

#[test]
fn baseline_refuses_when_a_table_is_missing() {
    let db = TestDb::new("migrate_baseline_missing");
    seed_schema_by_hand(&db);
    db.sql("DROP TABLE api_keys; DROP TABLE user_preferences");
    let out = db.promail().args(["db", "baseline"]).output().unwrap();
    let err = assert_error(&out, 1, "user_preferences, api_keys");
    assert!(err.contains("missing"), "{err}");
    assert!(
        !exists(&db, "promail.schema_migrations"),
        "nothing recorded"
    );
}

/// A role and a database of the shared test server, dropped at the end.
struct Created {
    role: String,
    db: String,
}

impl Drop for Created {
    fn drop(&mut self) {
        let admin = &server().admin;
        sql_on(
            admin,
            &format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.db),
        );
        sql_on(admin, &format!("DROP ROLE IF EXISTS \"{}\"", self.role));
    }
}

#[test]
fn db_create_is_idempotent_and_the_role_logs_in_with_its_password() {
    let n: u32 = rand::random::<u32>() % 1_000_000;
    let c = Created {
        role: format!("t_role_{n}"),
        db: format!("t_created_{n}"),
    };
    let password = format!("pw-{}-{}", rand::random::<u64>(), "é");
    let url = with_dbname(&server().admin, &c.db);
    let create = || {
        promail()
            .args(["db", "create", "--owner", &c.role])
            .env("DATABASE_URL", &url)
            .env("PROMAIL_DB_PASSWORD", &password)
            .output()
            .unwrap()
    };
    let out = create();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("created role {} (LOGIN, password set)", c.role)),
        "{err}"
    );
    assert!(
        err.contains(&format!("created database {} owned by {}", c.db, c.role)),
        "{err}"
    );

    let out = create();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("role {} exists already", c.role)),
        "{err}"
    );
    assert!(
        err.contains(&format!("database {} exists already", c.db)),
        "{err}"
    );

    let admin = &server().admin;
    let verifier = sql_on(
        admin,
        &format!(
            "SELECT rolpassword FROM pg_authid WHERE rolname = '{}' AND rolcanlogin",
            c.role
        ),
    )[0][0]
        .clone()
        .unwrap();
    // The verifier, never the password (logging in with it: the SCRAM test below).
    assert!(verifier.starts_with("SCRAM-SHA-256$4096:"), "{verifier}");
    // The plaintext never reached the server: not even pg_stat_statements saw it.
    sql_on(
        &with_dbname(admin, &c.db),
        "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
    );
    let seen = sql_on(
        &with_dbname(admin, &c.db),
        &format!(
            "SELECT count(*) FROM pg_stat_statements WHERE query LIKE '%{}%'",
            password.replace('\'', "''")
        ),
    );
    assert_eq!(seen[0][0].as_deref(), Some("0"));

    // The new role logs in to its database with the password and owns it.
    let info = promail::conninfo::resolve(Some(admin), &promail::conninfo::ProcessEnv).unwrap();
    let login = format!(
        "host='{}' port={} dbname='{}' user='{}' password='{}' sslmode=disable",
        info.hosts[0], info.ports[0], c.db, c.role, password
    );
    let who = sql_on(
        &login,
        "SELECT current_user::text, pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database()",
    );
    assert_eq!(who[0][0].as_deref(), Some(c.role.as_str()));
    assert_eq!(who[0][1].as_deref(), Some(c.role.as_str()));
}

#[test]
fn db_create_without_a_password_refuses_unless_no_password() {
    let n: u32 = rand::random::<u32>() % 1_000_000;
    let c = Created {
        role: format!("t_role_nopw_{n}"),
        db: format!("t_created_nopw_{n}"),
    };
    let create = |extra: &[&str]| {
        promail()
            .args(["db", "create", "--owner", &c.role])
            .args(extra)
            .env("DATABASE_URL", with_dbname(&server().admin, &c.db))
            .output()
            .unwrap()
    };
    // No terminal, no PROMAIL_DB_PASSWORD: refused before anything is made.
    let out = create(&[]);
    let err = assert_error(&out, 1, &format!("no password for role {}", c.role));
    assert!(
        err.contains("hint: set PROMAIL_DB_PASSWORD") && err.contains("--no-password"),
        "{err}"
    );
    let admin = &server().admin;
    let roles = format!("SELECT count(*) FROM pg_roles WHERE rolname = '{}'", c.role);
    assert_eq!(sql_on(admin, &roles)[0][0].as_deref(), Some("0"));
    let dbs = format!(
        "SELECT count(*) FROM pg_database WHERE datname = '{}'",
        c.db
    );
    assert_eq!(sql_on(admin, &dbs)[0][0].as_deref(), Some("0"));

    // Asked for: a role without a password, said in the same line.
    let out = create(&["--no-password"]);
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("created role {} (LOGIN, no password", c.role)),
        "{err}"
    );
    let pw = format!(
        "SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = '{}'",
        c.role
    );
    assert_eq!(sql_on(admin, &pw)[0][0].as_deref(), Some("t"));

    // --set-password and --no-password contradict each other.
    let out = create(&["--no-password", "--set-password"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
}

#[test]
fn db_create_sets_an_existing_roles_password_only_with_set_password() {
    let n: u32 = rand::random::<u32>() % 1_000_000;
    let c = Created {
        role: format!("t_role_setpw_{n}"),
        db: format!("t_created_setpw_{n}"),
    };
    let create = |extra: &[&str], password: &str| {
        promail()
            .args(["db", "create", "--owner", &c.role])
            .args(extra)
            .env("DATABASE_URL", with_dbname(&server().admin, &c.db))
            .env("PROMAIL_DB_PASSWORD", password)
            .output()
            .unwrap()
    };
    let verifier = || {
        sql_on(
            &server().admin,
            &format!(
                "SELECT rolpassword FROM pg_authid WHERE rolname = '{}'",
                c.role
            ),
        )[0][0]
            .clone()
            .unwrap()
    };
    let out = create(&[], "first-pw-for-tests");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let first = verifier();
    assert!(first.starts_with("SCRAM-SHA-256$"), "{first}");

    // The role exists: PROMAIL_DB_PASSWORD alone leaves its password, and says so.
    let out = create(&[], "second-pw-for-tests");
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "warning: the password of role {} was left as it is",
            c.role
        )) && err.contains("--set-password"),
        "{err}"
    );
    assert_eq!(verifier(), first, "the password was changed");

    // Changed (logging in with it: a_role_made_by_db_create_logs_in_…_under_scram_auth).
    let out = create(&["--set-password"], "second-pw-for-tests");
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("role {} exists already: password set", c.role)),
        "{err}"
    );
    assert!(!err.contains("second-pw-for-tests"), "{err}");
    assert_ne!(verifier(), first, "the password was not changed");
    assert!(verifier().starts_with("SCRAM-SHA-256$"));
}

#[test]
fn an_unreachable_database_is_one_clear_error() {
    for cmd in [
        &["db", "migrate"][..],
        &["db", "status"],
        &["db", "baseline"],
    ] {
        let out = promail()
            .args(cmd)
            .env(
                "DATABASE_URL",
                "host=127.0.0.1 port=1 user=promail_user dbname=promail_db connect_timeout=3",
            )
            .output()
            .unwrap();
        let err = assert_error(&out, 1, "connection refused");
        assert!(err.contains("hint: "), "{err}");
    }
}

/// A private cluster of this test, destroyed at the end.
struct PrivateCluster(promail::local::Cluster);

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = self.0.destroy();
    }
}

#[test]
fn a_role_made_by_db_create_logs_in_with_its_password_under_scram_auth() {
    // The shared test cluster trusts every local connection, so a password is never checked
    // there: this test runs its own cluster whose pg_hba.conf requires SCRAM for other roles.
    let dir = std::env::temp_dir().join(format!("promail-scram-{}", rand::random::<u32>()));
    let cluster = PrivateCluster(promail::local::Cluster::new(&dir));
    cluster.0.ensure_started().unwrap();
    let admin = cluster.0.conninfo("postgres").unwrap();
    std::fs::write(
        dir.join("data/pg_hba.conf"),
        "local all postgres trust\nlocal all all scram-sha-256\n",
    )
    .unwrap();
    sql_on(&admin, "SELECT pg_reload_conf()");

    let password = "correct horse battery staple é";
    let out = promail()
        .args(["db", "create", "--owner", "app_owner"])
        .env("DATABASE_URL", with_dbname(&admin, "app_db"))
        .env("PROMAIL_DB_PASSWORD", password)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));

    let as_owner = with_dbname(&admin, "app_db").replace("user='postgres'", "user='app_owner'");
    assert!(as_owner.contains("user='app_owner'"), "{as_owner}");
    let ping = |pw: &str| {
        promail()
            .args(["db", "ping"])
            .env("DATABASE_URL", &as_owner)
            .env("PGPASSWORD", pw)
            .output()
            .unwrap()
    };
    // The reload is asynchronous: wait until the server asks for passwords.
    let mut refused = ping("wrong");
    for _ in 0..50 {
        if !refused.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        refused = ping("wrong");
    }
    assert_error(
        &refused,
        1,
        "password authentication failed for user \"app_owner\"",
    );
    let ok = ping(password);
    assert!(ok.status.success(), "{}", stderr_of(&ok));
    assert!(stdout_of(&ok).contains("app_owner"));
    // --set-password changes it: the old one is refused, the new one logs in.
    let second = "second horse battery staple ü";
    let out = promail()
        .args(["db", "create", "--owner", "app_owner", "--set-password"])
        .env("DATABASE_URL", with_dbname(&admin, "app_db"))
        .env("PROMAIL_DB_PASSWORD", second)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_error(
        &ping(password),
        1,
        "password authentication failed for user \"app_owner\"",
    );
    let ok = ping(second);
    assert!(ok.status.success(), "{}", stderr_of(&ok));
    // The owner can migrate its own database.
    let out = promail()
        .args(["db", "migrate", "-q"])
        .env("DATABASE_URL", &as_owner)
        .env("PGPASSWORD", second)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn migrate_ends_with_the_current_and_premade_partitions() {
    let db = crate::support::TestDb::new("migrate_partitions");
    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    let current = db.value("SELECT to_char(LOCALTIMESTAMP, '\"login_history_\"YYYY_MM')");
    let week = db.value("SELECT to_char(LOCALTIMESTAMP, '\"email_analytics_\"IYYY_\"w\"IW')");
    for name in [&current, &week] {
        assert_eq!(
            db.value(&format!(
                "SELECT count(*) FROM pg_class WHERE relname = '{name}'"
            )),
            "1",
            "{name}"
        );
    }
    // premake 3 monthly ahead + current; 4 weekly ahead + current (the seeded policies).
    assert_eq!(
        db.value("SELECT count(*) FROM pg_inherits WHERE inhparent = 'login_history'::regclass"),
        "5"
    );
    assert_eq!(
        db.value("SELECT count(*) FROM pg_inherits WHERE inhparent = 'email_analytics'::regclass"),
        "6"
    );
    // A second run changes nothing and says nothing.
    let out = db.promail().args(["db", "migrate"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", crate::support::stderr_of(&out));
}

#[test]
fn baseline_refuses_tables_that_only_have_their_names() {
    let db = TestDb::new("migrate_baseline_shells");
    for t in [
        "users",
        "emails",
        "templates",
        "login_history",
        "user_preferences",
        "email_analytics",
        "api_keys",
    ] {
        db.sql(&format!("CREATE TABLE {t} (id int)"));
    }
    let out = db.promail().args(["db", "baseline"]).output().unwrap();
    let err = assert_error(&out, 1, "cannot baseline: missing columns users.email");
    for needle in [
        "emails.email_type",
        "login_history.login_time",
        "email_analytics.action_time",
        "missing views user_stats, email_type_performance, user_activity",
        "get_user_statistics(integer)",
        "cleanup_old_logs()",
        "login_history and email_analytics are not partitioned",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
    assert!(err.contains("hint: "), "{err}");
    assert!(
        !exists(&db, "promail.schema_migrations"),
        "nothing recorded"
    );
}

#[test]
fn status_without_access_to_schema_promail_says_what_to_grant() {
    let db = TestDb::migrated("status_no_usage");
    let role = format!("t_reader_{}", rand::random::<u32>() % 1_000_000);
    sql_on(&server().admin, &format!("CREATE ROLE {role} LOGIN"));
    let conn = db.conn_as(&role);
    let status = || {
        promail()
            .args(["db", "status"])
            .env("DATABASE_URL", &conn)
            .output()
            .unwrap()
    };
    let out = status();
    let err = assert_error(&out, 1, "permission denied for schema promail");
    assert!(
        err.contains(&format!("GRANT USAGE ON SCHEMA promail TO \"{role}\"")),
        "{err}"
    );
    db.sql(&format!("GRANT USAGE ON SCHEMA promail TO {role}"));
    let out = status();
    let err = assert_error(&out, 1, "permission denied for table schema_migrations");
    assert!(
        err.contains(&format!(
            "GRANT SELECT ON promail.schema_migrations TO \"{role}\""
        )),
        "{err}"
    );
    db.sql(&format!(
        "GRANT SELECT ON promail.schema_migrations TO {role}"
    ));
    let out = status();
    assert!(out.status.success(), "{}", stderr_of(&out));
    drop(db);
    sql_on(&server().admin, &format!("DROP ROLE {role}"));
}

#[test]
fn status_check_quiet_prints_no_table() {
    let db = TestDb::new("status_check_quiet");
    let out = db
        .promail()
        .args(["db", "status", "--check", "-q"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "database schema is not up to date: 3 pending");
    assert_eq!(stdout_of(&out), "", "no table with -q");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    db.apply_schema();
    let out = db
        .promail()
        .args(["db", "status", "--check", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(stderr_of(&out), "");
    // Without --check, -q keeps the data on stdout.
    let out = db.promail().args(["db", "status", "-q"]).output().unwrap();
    let table = stdout_of(&out);
    let cells: Vec<Vec<String>> = table
        .lines()
        .map(|l| l.split('|').map(|c| c.trim().to_string()).collect())
        .collect();
    for (version, name) in [("1", "schema"), ("2", "promail_partition_policy")] {
        assert!(
            cells
                .iter()
                .any(|c| c.len() > 4 && c[1] == version && c[2] == name && c[3] == "applied"),
            "no applied row for {version} {name}: {table}"
        );
    }
}
