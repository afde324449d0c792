//! Ctrl-C: a run stopped by SIGINT says so briefly and exits with 130, as shells expect.

use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::empty_home;

#[allow(unsafe_code)]
fn sigint(pid: u32) {
    let pid = libc::pid_t::try_from(pid).unwrap();
    // SAFETY: kill only sends a signal to a process we started; it touches no memory.
    let rc = unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
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
    std::thread::sleep(Duration::from_millis(500));
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
