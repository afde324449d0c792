//! Ctrl-C and SIGTERM: a run stopped by a signal says so briefly and exits with 130 or 143, as
//! shells expect, and stops what the server was running for it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{empty_home, TestDb};

#[allow(unsafe_code)]
pub fn send_signal(pid: u32, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(pid).unwrap();
    // SAFETY: kill only sends a signal to a process we started; it touches no memory.
    let rc = unsafe { libc::kill(pid, signal) };
    assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
}

fn sigint(pid: u32) {
    send_signal(pid, libc::SIGINT);
}

/// The embedded migrations plus one that takes ACCESS EXCLUSIVE on users, then sleeps.
fn sleeping_migrations() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/migrations");
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    std::fs::write(
        dir.path().join("0100_sleep.sql"),
        "ALTER TABLE users ADD COLUMN z int;\nSELECT pg_sleep(12);\n",
    )
    .unwrap();
    dir
}

/// Runs `db migrate` with the sleeping migration, sends `signal` while the server sleeps in
/// it, and checks the exit code, the one line, and that the table is free at once, untouched.
fn signal_during_a_migration(name: &str, signal: libc::c_int, code: i32, line: &str) {
    let db = TestDb::migrated(name);
    let dir = sleeping_migrations();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            child.env_remove(k);
        }
    }
    let mut child = child
        .args(["db", "migrate", "--migrations-dir"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .env("HOME", empty_home())
        .env("DATABASE_URL", &db.conn)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while db.value(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
         AND state = 'active' AND query LIKE '%pg_sleep(12)%' AND pid <> pg_backend_pid()",
    ) != "1"
    {
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!(
                "the migration never reached pg_sleep: {:?}",
                child.wait_with_output()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    send_signal(child.id(), signal);
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("promail ignored the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.trim(), line);
    // At once, another session can use the table: the backend no longer holds its lock.
    let rows = db.sql("SET lock_timeout = '2s'; SELECT count(*) FROM users");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        db.value(
            "SELECT count(*) FROM information_schema.columns \
             WHERE table_name = 'users' AND column_name = 'z'"
        ),
        "0",
        "the interrupted migration left its column"
    );
    assert_eq!(
        db.value("SELECT count(*) FROM promail.schema_migrations WHERE version = 100"),
        "0"
    );
    // Its sessions said goodbye after the cancel: none counted as abandoned (and no "connection
    // reset" in the server's log).
    if let Some((_, abandoned)) = db.ended_sessions() {
        assert_eq!(abandoned, 0);
    }
}

#[test]
fn sigint_during_a_migration_cancels_the_statement_and_frees_the_table() {
    signal_during_a_migration("sigint_migration", libc::SIGINT, 130, "interrupted");
}

#[test]
fn sigterm_during_a_migration_cancels_the_statement_and_frees_the_table() {
    signal_during_a_migration("sigterm_migration", libc::SIGTERM, 143, "terminated");
}

#[test]
fn sigint_while_connecting_exits_130() {
    // A listener on loopback that accepts and never answers: the handshake waits.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if let Some(Ok(conn)) = listener.incoming().next() {
            let _ = tx.send(());
            std::thread::sleep(Duration::from_secs(60));
            drop(conn);
        }
    });
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd
        .args(["db", "ping"])
        .env("NO_COLOR", "1")
        .env("HOME", empty_home())
        .env(
            "DATABASE_URL",
            format!("postgresql://u@127.0.0.1:{port}/db?connect_timeout=30&sslmode=disable"),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the server side has the connection, promail is waiting in the handshake.
    if rx.recv_timeout(Duration::from_secs(30)).is_err() {
        let _ = child.kill();
        panic!("promail never connected");
    }
    // Its signal handlers were installed before the command ran (interrupt::run_until_signal):
    // no pause needed.
    sigint(child.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("promail ignored SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {err}");
    assert_eq!(err.trim(), "interrupted");
    assert!(out.stdout.is_empty());
}
