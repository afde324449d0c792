//! `promail monitor --watch`: runs again and again, says when the server goes away and keeps
//! trying, ends on Ctrl-C with exit 130.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::interrupt::send_signal;
use crate::support::{empty_home, TestDb};

fn watch(conn: &str, args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    let mut child = c
        .args(["monitor"])
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOME", empty_home())
        .env("DATABASE_URL", conn)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both streams, stderr's lines marked `[stderr] `: without a terminal the report goes to
    // stdout and the status lines to stderr.
    let (tx, rx) = mpsc::channel();
    let forward =
        |stream: Box<dyn std::io::Read + Send>, mark: &'static str, tx: mpsc::Sender<String>| {
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream).lines() {
                    let Ok(line) = line else { return };
                    if tx.send(format!("{mark}{line}")).is_err() {
                        return;
                    }
                }
            });
        };
    forward(Box::new(child.stdout.take().unwrap()), "", tx.clone());
    forward(Box::new(child.stderr.take().unwrap()), "[stderr] ", tx);
    (child, rx)
}

/// Reads lines until one contains `needle` (at most 30 s); returns what was read.
fn until(rx: &mpsc::Receiver<String>, child: &mut Child, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = String::new();
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push_str(&line);
            seen.push('\n');
            if line.contains(needle) {
                return seen;
            }
        }
    }
    let _ = child.kill();
    panic!("no {needle:?} within 30 s in:\n{seen}");
}

fn interrupt(mut child: Child) {
    send_signal(child.id(), libc::SIGINT);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(130));
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("--watch did not end on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn watch_redraws_says_when_the_connection_is_lost_reconnects_and_ends_on_ctrl_c() {
    let db = TestDb::migrated("monitor_watch");
    let (mut child, rx) = watch(&db.conn, &["connections", "--watch", "1"]);
    let first = until(&rx, &mut child, "max_connections");
    assert!(
        first.contains("promail monitor connections every 1s"),
        "{first}"
    );
    // The server ends the watch's session (as a restart or a failover would).
    db.sql(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{}' AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        db.name
    ));
    until(&rx, &mut child, "lost the connection to the server");
    until(&rx, &mut child, "reconnected to the server");
    until(&rx, &mut child, "max_connections");
    interrupt(child);
}

#[test]
fn without_a_terminal_watch_keeps_stdout_for_the_report() {
    // A script reading `--watch --format json` gets JSON on stdout, each frame an array; the
    // banner and the notes go to stderr.
    let db = TestDb::migrated("monitor_watch_json");
    let (mut child, rx) = watch(&db.conn, &["cache", "--watch", "1", "--format", "json"]);
    let seen = until(&rx, &mut child, "[stderr] promail monitor cache every 1s");
    let seen = seen + &until(&rx, &mut child, "[stderr] promail monitor cache every 1s");
    let stdout: Vec<&str> = seen
        .lines()
        .filter(|l| !l.starts_with("[stderr] "))
        .collect();
    assert!(stdout.iter().any(|l| l.trim() == "["), "{seen}");
    assert!(
        stdout
            .iter()
            .all(|l| !l.contains("promail monitor") && !l.starts_with("note:")),
        "{seen}"
    );
    interrupt(child);
}

#[test]
fn watch_keeps_trying_a_server_that_is_not_there() {
    let (mut child, rx) = watch(
        "host=/nonexistent-promail-socket user=x dbname=y",
        &["--watch", "1"],
    );
    until(&rx, &mut child, "cannot reach the server");
    // And again a second later: it keeps trying.
    until(&rx, &mut child, "cannot reach the server");
    interrupt(child);
}

#[test]
fn on_a_terminal_watch_redraws_in_place_and_ctrl_c_exits_130() {
    use crate::terminal::{promail_bin, Pty};
    let db = TestDb::migrated("monitor_watch_tty");
    let Some(mut pty) = Pty::start(
        &format!("{} monitor cache --watch 1", promail_bin()),
        &[("DATABASE_URL", &db.conn)],
    ) else {
        return;
    };
    // Two frames, each after clearing the screen and putting the cursor home.
    pty.wait_for_count("hit_pct", 2);
    let text = pty.text();
    let frames: Vec<&str> = text.split("\x1b[H\x1b[2J").skip(1).collect();
    assert!(frames.len() >= 2, "{text:?}");
    assert!(frames[0].contains("promail monitor cache every 1s") && frames[0].contains("hit_pct"));
    pty.type_in(b"\x03");
    let done = pty.finish();
    assert_eq!(done.code, Some(130), "{}", done.text);
    // (The terminal echoes the ^C where the cursor is, at the start of a line.)
    assert!(
        done.text
            .lines()
            .any(|l| l.trim().trim_start_matches("^C") == "interrupted"),
        "{}",
        done.text
    );
    done.assert_terminal_restored();
}
