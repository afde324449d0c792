//! What promail reports done is as durable as the DBA configured: it keeps the server's
//! `synchronous_commit`, says when a commit waits for a synchronous standby, and past
//! `--sync-wait` cancels the wait and fails, saying the change is committed locally only.

use std::os::unix::fs::PermissionsExt;

use promail::local::Cluster;

use crate::support::{promail, sql_on, stderr_of};

/// A cluster of its own: its synchronous standby setting applies to every session on it.
struct OwnCluster(Cluster);

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = self.0.destroy();
    }
}

#[test]
fn a_commit_the_synchronous_standby_never_confirms_fails_the_run_and_says_so() {
    let dir = tempfile::Builder::new()
        .prefix("pmsync")
        .tempdir_in("/tmp")
        .unwrap()
        .keep();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir(&dir).unwrap();
    let cluster = OwnCluster(Cluster::new(&dir));
    cluster
        .0
        .start()
        .unwrap_or_else(|e| panic!("starting the cluster: {e:#}"));
    let url = cluster.0.conninfo("promail_db").unwrap();
    let run = |args: &[&str]| {
        promail()
            .env("DATABASE_URL", &url)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["db", "migrate", "-q"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    // The newest premade month goes; the nightly rotate makes it again.
    let newest = sql_on(
        &url,
        "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
         WHERE i.inhparent = 'login_history'::regclass AND c.relname <> 'login_history_default' \
         ORDER BY c.relname DESC LIMIT 1",
    )[0][0]
        .clone()
        .unwrap();
    sql_on(&url, &format!("DROP TABLE {newest}"));
    // A database still to migrate (made while commits are still local).
    sql_on(&url, "CREATE DATABASE fresh");
    let fresh = cluster.0.conninfo("fresh").unwrap();
    // A synchronous standby that is not there: every commit waits for it.
    sql_on(
        &url,
        "ALTER SYSTEM SET synchronous_standby_names = 'absent_standby'",
    );
    sql_on(&url, "SELECT pg_reload_conf()");
    let start = std::time::Instant::now();
    while sql_on(&url, "SHOW synchronous_standby_names")[0][0].as_deref() != Some("absent_standby")
    {
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    let out = run(&["partitions", "rotate", "--sync-wait", "2s"]);
    let err = crate::support::assert_error(&out, 1, "not confirmed by its synchronous standby");
    assert!(err.contains("committed locally"), "{err}");
    assert!(err.contains(&newest), "names what it was doing: {err}");
    assert!(
        err.contains("warning: ") && err.contains("waited 1 s for the synchronous standby"),
        "says it is waiting: {err}"
    );
    assert!(err.contains("hint: "), "{err}");
    // It did commit on this server: the partition is there, and a rerun (the standby back, or
    // as here the DBA choosing local commits) has nothing to do.
    let made = sql_on(&url, &format!("SELECT to_regclass('{newest}') IS NOT NULL"));
    assert_eq!(made[0][0].as_deref(), Some("t"));
    let out = promail()
        .env("DATABASE_URL", &url)
        .env("PGOPTIONS", "-c synchronous_commit=local")
        .args(["partitions", "rotate"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).is_empty(), "{}", stderr_of(&out));

    // db migrate: the first migration's commit is not confirmed; the run stops there, saying
    // so, and the migration is recorded (committed here), so that the rerun goes on after it.
    let out = promail()
        .env("DATABASE_URL", &fresh)
        .args(["db", "migrate", "--sync-wait", "2s"])
        .output()
        .unwrap();
    let err = crate::support::assert_error(&out, 1, "not confirmed by its synchronous standby");
    assert!(
        err.contains("migration 0001_"),
        "names the migration: {err}"
    );
    assert!(err.contains("committed locally"), "{err}");
    let local = |args: &[&str]| {
        promail()
            .env("DATABASE_URL", &fresh)
            .env("PGOPTIONS", "-c synchronous_commit=local")
            .args(args)
            .output()
            .unwrap()
    };
    let applied = sql_on(
        &fresh,
        "SELECT string_agg(version::text, ',' ORDER BY version) FROM promail.schema_migrations",
    );
    assert_eq!(
        applied[0][0].as_deref(),
        Some("1"),
        "only the first is recorded"
    );
    let out = local(&["db", "migrate", "-q"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = local(&["db", "status", "--check"]);
    assert!(out.status.success(), "{}", stderr_of(&out));

    // db seed: the same, for its one transaction.
    let out = promail()
        .env("DATABASE_URL", &fresh)
        .args(["db", "seed", "--users", "3", "--sync-wait", "2s"])
        .output()
        .unwrap();
    let err = crate::support::assert_error(&out, 1, "the seed: committed on this server");
    assert!(
        err.contains("not confirmed by its synchronous standby"),
        "{err}"
    );
    let users = sql_on(&fresh, "SELECT count(*) FROM users");
    assert_eq!(users[0][0].as_deref(), Some("3"), "committed here");
}

#[test]
fn a_slow_commit_with_no_synchronous_standby_is_waited_for_not_cancelled() {
    // A COMMIT can take seconds with no standby at all: here a deferred trigger a DBA added
    // (files removed by a large TRUNCATE or DROP take as long). The test server has no
    // synchronous standby: the commit is neither reported as waiting for one nor cancelled
    // past --sync-wait, which would roll back the work.
    let db = crate::support::TestDb::migrated("sync_slow_commit");
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
         INSERT INTO login_history (user_id, login_time, user_agent)
             VALUES (1, '2000-01-15 12:00', 'expired');
         CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_sleep(2.5); RETURN NULL; END $$;
         CREATE CONSTRAINT TRIGGER slow_commit AFTER DELETE ON login_history_default
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();",
    );
    assert_eq!(
        db.value("SELECT count(*) FROM ONLY login_history_default"),
        "1"
    );
    let started = std::time::Instant::now();
    let out = db
        .promail()
        .args(["cleanup", "--yes", "--sync-wait", "1s"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(2500),
        "the commit ran its trigger"
    );
    assert!(!err.contains("standby"), "{err}");
    assert_eq!(
        db.value("SELECT count(*) FROM login_history"),
        "0",
        "deleted and committed"
    );
}
