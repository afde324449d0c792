//! Shared test helpers: one PostgreSQL server per test run (promail's own local cluster, or
//! `PROMAIL_TEST_DATABASE_URL`), a fresh database per test, dropped when the test passes and
//! kept for inspection when it fails.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use promail::conninfo::{self, ConnInfo, ProcessEnv};
use promail::local::Cluster;

/// The test server: how to reach its maintenance database.
pub struct Server {
    /// key=value (or URL) connection string for an administrative database.
    pub admin: String,
    /// The local cluster behind it, when promail started it (None with PROMAIL_TEST_DATABASE_URL).
    pub cluster: Option<Cluster>,
}

/// Folder of the test cluster: short, and reachable by the `postgres` user when we are root.
pub fn test_cluster_dir() -> PathBuf {
    std::env::var_os("PROMAIL_TEST_CLUSTER_DIR").map_or_else(
        || {
            // SAFETY-free: geteuid via /proc is overkill; the uid only keeps users apart.
            let uid = std::fs::metadata("/proc/self").map_or(0, |m| {
                use std::os::unix::fs::MetadataExt;
                m.uid()
            });
            PathBuf::from(format!("/tmp/promail-test-{uid}"))
        },
        PathBuf::from,
    )
}

pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        if let Ok(url) = std::env::var("PROMAIL_TEST_DATABASE_URL") {
            return Server {
                admin: url,
                cluster: None,
            };
        }
        let cluster = Cluster::new(test_cluster_dir());
        cluster
            .ensure_started()
            .unwrap_or_else(|e| panic!("starting the test cluster: {e:#}"));
        Server {
            admin: cluster.conninfo("postgres").expect("test cluster conninfo"),
            cluster: Some(cluster),
        }
    })
}

/// The test server's major version (13 for 13.23).
pub fn server_major() -> u32 {
    static MAJOR: OnceLock<u32> = OnceLock::new();
    *MAJOR.get_or_init(|| {
        let v = sql_on(&server().admin, "SHOW server_version_num");
        v[0][0].as_deref().unwrap().parse::<u32>().unwrap() / 10000
    })
}

/// The test server's `server_version`, short form (`15.19`, `13.23`).
pub fn server_version() -> String {
    let v = sql_on(&server().admin, "SHOW server_version");
    v[0][0]
        .as_deref()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// A single-threaded runtime, for a test that keeps sessions open across several steps.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Runs async code on a fresh single-threaded runtime.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    runtime().block_on(f)
}

fn resolve(s: &str) -> ConnInfo {
    conninfo::resolve(Some(s), &ProcessEnv).unwrap()
}

/// Runs simple-protocol SQL on a connection string; returns rows of text cells.
pub fn sql_on(conn: &str, sql: &str) -> Vec<Vec<Option<String>>> {
    let info = resolve(conn);
    block_on(async {
        let db = promail::connect::connect(&info, promail::connect::Prompt::Never)
            .await
            .unwrap_or_else(|e| panic!("connecting for a test: {e:#}"));
        let msgs = db
            .simple_query(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {:#}", promail::pg::err(e)));
        // Ends the session cleanly, as promail does, instead of with the runtime.
        drop(db);
        promail::connect::close_all(std::time::Duration::from_secs(1)).await;
        msgs.into_iter()
            .filter_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(r) => Some(
                    (0..r.len())
                        .map(|i| r.get(i).map(ToString::to_string))
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    })
}

/// A database of its own for one test.
pub struct TestDb {
    pub name: String,
    /// Connection string of this database (key=value or URL), no password.
    pub conn: String,
}

impl TestDb {
    /// Creates `t_<name>_<random>`.
    pub fn new(test: &str) -> TestDb {
        let srv = server();
        let suffix: u32 = rand::random::<u32>() % 1_000_000;
        let name = format!(
            "t_{}_{suffix}",
            test.to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        );
        let name: String = name.chars().take(60).collect();
        sql_on(&srv.admin, &format!("CREATE DATABASE \"{name}\""));
        let conn = with_dbname(&srv.admin, &name);
        TestDb { name, conn }
    }

    /// `promail` with DATABASE_URL pointing at this database and nothing else from the
    /// environment that could change the outcome.
    pub fn promail(&self) -> Command {
        let mut c = promail();
        c.env("DATABASE_URL", &self.conn);
        c
    }

    pub fn sql(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        sql_on(&self.conn, sql)
    }

    /// The sessions of this database other than the asking one have ended; then its
    /// `(sessions, sessions_abandoned)` from `pg_stat_database`, which counts them from
    /// PostgreSQL 14 on (None before, said on stderr).
    pub fn ended_sessions(&self) -> Option<(i64, i64)> {
        let start = std::time::Instant::now();
        while self.value(&format!(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = '{}' AND pid <> pg_backend_pid()",
            self.name
        )) != "0"
        {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "sessions still open"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if server_major() < 14 {
            eprintln!(
                "PostgreSQL {} counts no sessions in pg_stat_database: abandoned sessions not checked",
                server_major()
            );
            return None;
        }
        let row = self.sql(&format!(
            "SELECT sessions, sessions_abandoned FROM pg_stat_database WHERE datname = '{}'",
            self.name
        ));
        let n = |i: usize| row[0][i].as_deref().unwrap().parse::<i64>().unwrap();
        Some((n(0), n(1)))
    }

    /// The single value of a one-row, one-column query.
    pub fn value(&self, sql: &str) -> String {
        let rows = self.sql(sql);
        assert_eq!(rows.len(), 1, "{sql}: expected one row, got {rows:?}");
        rows[0][0].clone().unwrap_or_default()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("test failed: database {} kept for inspection", self.name);
            return;
        }
        sql_on(
            &server().admin,
            &format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name),
        );
    }
}

/// Replaces the dbname of a connection string.
pub fn with_dbname(conn: &str, dbname: &str) -> String {
    let info = resolve(conn);
    let hosts = info.hosts.join(",");
    let ports = info
        .ports
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut s = format!(
        "host='{hosts}' port='{ports}' user='{}' dbname='{dbname}' sslmode={}",
        info.user,
        info.sslmode.as_str()
    );
    if let Some(p) = &info.password {
        let _ = write!(s, " password='{}'", p.expose().replace('\'', "\\'"));
    }
    s
}

/// The promail binary with a clean environment: no PG* variables, no colour, a private HOME.
pub fn promail() -> Command {
    let mut c = Command::cargo_bin("promail").unwrap();
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    c.env("NO_COLOR", "1").env("HOME", empty_home());
    c
}

/// An empty HOME so that no ~/.pgpass of the machine leaks into tests: one folder under the
/// build's own scratch space (`target/tmp`), shared by every test process (each used to leave an
/// empty folder of its own in /tmp). Nothing writes there: a test that needs files in HOME
/// makes a temporary one of its own.
pub fn empty_home() -> PathBuf {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
        std::fs::create_dir_all(&d).unwrap();
        d
    })
    .clone()
}

/// stderr of a finished command as text.
pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs promail on the database with `args`, asserts that it succeeded; (stdout, stderr).
pub fn ok(db: &TestDb, args: &[&str]) -> (String, String) {
    let out = db.promail().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "promail {args:?} failed: {}",
        stderr_of(&out)
    );
    (stdout_of(&out), stderr_of(&out))
}

/// Asserts a failure with a given exit code, a one-line `error:` naming `needle`, and
/// (optionally) a hint; returns stderr.
pub fn assert_error(out: &std::process::Output, code: i32, needle: &str) -> String {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "exit code; stderr: {err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in: {err}"));
    assert!(line.contains(needle), "expected {needle:?} in {line:?}");
    assert!(!err.contains("panicked"), "panic: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "backtrace: {err}");
    err
}

impl TestDb {
    /// A fresh database with the application schema applied by `promail db migrate`.
    pub fn migrated(test: &str) -> TestDb {
        let db = TestDb::new(test);
        db.apply_schema();
        db
    }

    /// Applies the schema with the real `promail db migrate`.
    pub fn apply_schema(&self) {
        let out = self
            .promail()
            .args(["db", "migrate", "-q"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "promail db migrate: {}",
            stderr_of(&out)
        );
    }

    /// Opens a library-level session on this database.
    pub async fn connect(&self) -> promail::connect::Db {
        promail::connect::connect(&resolve(&self.conn), promail::connect::Prompt::Never)
            .await
            .unwrap()
    }

    /// A session on this database as `role` (see [`TestDb::conn_as`]).
    pub async fn connect_as(&self, role: &str) -> promail::connect::Db {
        promail::connect::connect(
            &resolve(&self.conn_as(role)),
            promail::connect::Prompt::Never,
        )
        .await
        .unwrap()
    }

    /// A connection string to this database as `role` (no password).
    pub fn conn_as(&self, role: &str) -> String {
        let info = resolve(&self.conn);
        format!(
            "host='{}' port={} user={role} dbname='{}'",
            info.hosts[0], info.ports[0], self.name
        )
    }
}

impl TestDb {
    /// Migrated, then without the period partitions that `db migrate` premakes (only the
    /// DEFAULT partitions left): the starting point of the partition tests.
    pub fn unpartitioned(test: &str) -> TestDb {
        let db = TestDb::migrated(test);
        db.sql(
            "DO $$ DECLARE r record; BEGIN \
               FOR r IN SELECT c.oid::regclass AS part FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
                        WHERE i.inhparent IN ('login_history'::regclass, 'email_analytics'::regclass) \
                          AND NOT c.relispartition IS FALSE \
                          AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT' \
               LOOP EXECUTE format('DROP TABLE %s', r.part); END LOOP; END $$",
        );
        db
    }
}

/// A streaming standby of the test server, started once and shared by the tests (of this
/// process and, through a file lock and a check that it still follows this primary, of the
/// other test processes of a run). It runs from `<test cluster dir>-standby`, on its own socket
/// folder, as the owner of the primary's data when the tests run as root; like the test cluster
/// it is left running after the run (the next run reuses it, or rebuilds it when the primary is
/// a new cluster). Made with `pg_basebackup -R`: the server's own when its bin folder has one,
/// else PostgreSQL 18's client (`/var/cache/promail/pg/client-18/bin`).
pub struct Standby {
    /// The standby's folder (its data in `data/`, its socket in the folder itself).
    pub dir: PathBuf,
    /// Connection string to the primary's `postgres` database.
    pub primary_conn: String,
    /// Connection string to the standby's `postgres` database.
    pub conn: String,
}

impl Standby {
    /// A connection string to the standby's copy of database `dbname` (see
    /// [`Standby::wait_replayed`]: a database made on the primary appears after replay).
    pub fn conn_to(&self, dbname: &str) -> String {
        with_dbname(&self.conn, dbname)
    }

    /// Waits until the standby has replayed everything the primary has written so far (its
    /// current WAL position), at most 60 s.
    pub fn wait_replayed(&self) {
        let lsn = sql_on(&self.primary_conn, "SELECT pg_current_wal_lsn()::text")[0][0]
            .clone()
            .unwrap();
        let start = std::time::Instant::now();
        loop {
            let done = sql_on(
                &self.conn,
                &format!("SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn"),
            );
            if done[0][0].as_deref() == Some("t") {
                return;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "the standby has not replayed up to {lsn} within 60 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

/// The shared standby, or None (with the reason on stderr) where none can be made: an external
/// test server (`PROMAIL_TEST_DATABASE_URL`) or no `pg_basebackup`. A standby that could be
/// made but does not start or stream fails the test.
pub fn standby() -> Option<&'static Standby> {
    static STANDBY: OnceLock<Option<Standby>> = OnceLock::new();
    STANDBY
        .get_or_init(|| match make_standby() {
            Ok(s) => Some(s),
            Err(StandbyError::Skip(why)) => {
                eprintln!("standby tests skipped: {why}");
                None
            }
            Err(StandbyError::Fail(why)) => panic!("starting the test standby: {why}"),
        })
        .as_ref()
}

pub enum StandbyError {
    /// No standby can be made here.
    Skip(String),
    /// One should have started and did not.
    Fail(String),
}

impl From<String> for StandbyError {
    fn from(s: String) -> StandbyError {
        StandbyError::Fail(s)
    }
}

fn make_standby() -> Result<Standby, StandbyError> {
    let srv = server();
    let Some(cluster) = &srv.cluster else {
        return Err(StandbyError::Skip(
            "the test server is external (PROMAIL_TEST_DATABASE_URL)".into(),
        ));
    };
    let dir = PathBuf::from(format!("{}-standby", cluster.dir().display()));
    standby_of(cluster.dir(), &srv.admin, &dir)
}

/// A streaming standby of the local cluster in `primary_dir` (reached as `primary_admin`), in
/// `dir`: reused when one there streams from that primary, else made afresh.
pub fn standby_of(
    primary_dir: &std::path::Path,
    primary_admin: &str,
    dir: &std::path::Path,
) -> Result<Standby, StandbyError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;

    let dir = dir.to_path_buf();
    let bindir = promail::local::find_bindir().map_err(|e| format!("{e:#}"))?;
    let basebackup = [
        bindir.join("pg_basebackup"),
        PathBuf::from("/var/cache/promail/pg/client-18/bin/pg_basebackup"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .ok_or_else(|| {
        StandbyError::Skip(
            "no pg_basebackup in the server's bin folder nor in /var/cache/promail/pg/client-18/bin"
                .into(),
        )
    })?;
    let primary_dir = primary_dir.to_path_buf();
    let data = dir.join("data");
    // Run the server's programs as the owner of the primary's data (the `postgres` user when
    // the tests run as root: initdb, pg_ctl and postgres refuse root).
    let owner = std::fs::metadata(primary_dir.join("data")).map_err(|e| e.to_string())?;
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let run = |program: &std::path::Path, args: &[&str]| -> Result<String, String> {
        let mut c = std::process::Command::new(program);
        c.args(args).current_dir(&dir);
        for (k, _) in std::env::vars() {
            if k.starts_with("PG") {
                c.env_remove(k);
            }
        }
        if root {
            c.uid(owner.uid()).gid(owner.gid());
        }
        let out = c
            .output()
            .map_err(|e| format!("{}: {e}", program.display()))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(format!(
                "{} {}: {}",
                program.display(),
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    if root {
        std::os::unix::fs::chown(&dir, Some(owner.uid()), Some(owner.gid()))
            .map_err(|e| e.to_string())?;
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| e.to_string())?;
    // One test process at a time makes or checks the standby.
    let lock =
        std::fs::File::create(format!("{}.lock", dir.display())).map_err(|e| e.to_string())?;
    lock.lock().map_err(|e| e.to_string())?;

    let host = dir.display().to_string();
    let conn = format!("host='{host}' port=5432 user=postgres dbname=postgres sslmode=disable");
    let standby = Standby {
        dir: dir.clone(),
        primary_conn: primary_admin.to_string(),
        conn,
    };
    let data_s = data.display().to_string();
    let pg_ctl = bindir.join("pg_ctl");
    let system_id = |conn: &str| {
        let info = resolve(conn);
        block_on(async {
            let db = promail::connect::connect(&info, promail::connect::Prompt::Never)
                .await
                .ok()?;
            let r = db
                .simple_query(
                    "SELECT system_identifier::text, pg_is_in_recovery()::text, \
                     (SELECT status FROM pg_stat_wal_receiver) FROM pg_control_system()",
                )
                .await
                .ok()?;
            drop(db);
            promail::connect::close_all(std::time::Duration::from_secs(1)).await;
            r.into_iter().find_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(r) => Some((
                    r.get(0).map(ToString::to_string),
                    r.get(1) == Some("true"),
                    r.get(2).map(ToString::to_string),
                )),
                _ => None,
            })
        })
    };
    let primary_id = system_id(primary_admin).and_then(|(id, _, _)| id);
    // Reuse a running standby of this primary that streams from it.
    if let Some((id, true, Some(status))) = system_id(&standby.conn) {
        if id == primary_id && status == "streaming" {
            return Ok(standby);
        }
    }
    // Otherwise (none, stopped, or a copy of an older primary): stop it and start afresh.
    if data.join("postmaster.pid").exists() {
        let _ = run(&pg_ctl, &["stop", "-D", &data_s, "-m", "immediate", "-w"]);
    }
    if data.exists() {
        std::fs::remove_dir_all(&data).map_err(|e| format!("removing {data_s}: {e}"))?;
    }
    let primary_host = primary_dir.display().to_string();
    run(
        &basebackup,
        &[
            "-D",
            &data_s,
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "-h",
            &primary_host,
            "-p",
            "5432",
            "-U",
            "postgres",
            "--no-sync",
        ],
    )?;
    // The copy carries the primary's settings (promail.conf): its own socket folder instead.
    // And its own primary_conninfo: the one `-R` writes has the options of pg_basebackup's
    // libpq (pg_basebackup 18 writes sslnegotiation, which a server 13's walreceiver refuses).
    let mut auto: String = std::fs::read_to_string(data.join("postgresql.auto.conf"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with("primary_conninfo"))
        .fold(String::new(), |mut acc, l| {
            let _ = writeln!(acc, "{l}");
            acc
        });
    let _ = writeln!(
        auto,
        "primary_conninfo = 'host=''{primary_host}'' port=5432 user=postgres application_name=promail_test_standby'"
    );
    let _ = write!(
        auto,
        "\n# The test standby's own settings.\nunix_socket_directories = '{host}'\nlisten_addresses = ''\nhot_standby = on\n"
    );
    std::fs::write(data.join("postgresql.auto.conf"), auto).map_err(|e| e.to_string())?;
    let log = dir.join("standby.log").display().to_string();
    run(
        &pg_ctl,
        &["start", "-D", &data_s, "-l", &log, "-w", "-t", "60", "-s"],
    )?;
    wait_streaming(&standby, &system_id)?;
    Ok(standby)
}

type Probe<'a> = dyn Fn(&str) -> Option<(Option<String>, bool, Option<String>)> + 'a;

/// Waits (at most 60 s) until the standby is in recovery and its WAL receiver streams.
fn wait_streaming(standby: &Standby, probe: &Probe) -> Result<(), String> {
    let start = std::time::Instant::now();
    loop {
        if let Some((_, true, Some(status))) = probe(&standby.conn) {
            if status == "streaming" {
                return Ok(());
            }
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            return Err(format!(
                "the standby in {} is not streaming after 60 s (see its standby.log)",
                standby.dir.display()
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
