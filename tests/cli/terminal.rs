//! promail on a terminal: a pseudo-terminal from `script` (util-linux), what it shows, what is
//! typed at it, and the terminal's state after promail has gone (echo, line editing, cursor).

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A shell command line running under `script`, on a terminal of its own.
pub struct Pty {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: mpsc::Receiver<Vec<u8>>,
    reader: Option<std::thread::JoinHandle<()>>,
    seen: Vec<u8>,
}

/// After the command, the shell prints `CODE=<its exit code>` and the terminal's settings.
const AFTER: &str = "; echo CODE=$?; stty -a";

impl Pty {
    /// Starts `sh -c '<command>; echo CODE=$?; stty -a'` on a pseudo-terminal, with only the
    /// given environment (plus PATH, SHELL, HOME). None when `script` is missing.
    pub fn start(command: &str, env: &[(&str, &str)]) -> Option<Pty> {
        if Command::new("script").arg("--version").output().is_err() {
            eprintln!("skipped: no `script` (util-linux) to give promail a terminal");
            return None;
        }
        let mut cmd = Command::new("script");
        cmd.args(["-q", "-e", "-c"])
            .arg(format!("{command}{AFTER}"))
            .arg("/dev/null")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            // bash, as a user's shell: Ctrl-C at a question reaches it too (the terminal stays
            // in its line mode), and bash, unlike dash, goes on when the command handled it.
            .env(
                "SHELL",
                if std::path::Path::new("/bin/bash").exists() {
                    "/bin/bash"
                } else {
                    "/bin/sh"
                },
            )
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("HOME", crate::support::empty_home());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Some(Pty {
            stdin: child.stdin.take(),
            child,
            rx,
            reader: Some(reader),
            seen: Vec::new(),
        })
    }

    /// Everything the terminal showed so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    /// Waits (bounded) until the terminal shows `needle`.
    pub fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.text().contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            if let Ok(chunk) = self.rx.recv_timeout(left) {
                self.seen.extend(chunk);
            } else {
                let _ = self.child.kill();
                panic!("never saw {needle:?}; the terminal showed: {}", self.text());
            }
        }
    }

    /// Waits (bounded) until the terminal has shown `needle` at least `n` times.
    pub fn wait_for_count(&mut self, needle: &str, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.text().matches(needle).count() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            if let Ok(chunk) = self.rx.recv_timeout(left) {
                self.seen.extend(chunk);
            } else {
                let _ = self.child.kill();
                panic!(
                    "never saw {needle:?} {n} times; the terminal showed: {}",
                    self.text()
                );
            }
        }
    }

    /// Waits for a yes/no question. What is typed from then on waits in the terminal's buffer
    /// until promail reads its line, so nothing more to wait for.
    pub fn wait_for_prompt(&mut self, prompt: &str) {
        self.wait_for(prompt);
    }

    /// Waits for a password prompt, then until the reader has turned the terminal's echo off
    /// (typed before that, the password would show).
    pub fn wait_for_password_prompt(&mut self, prompt: &str) {
        self.wait_for(prompt);
        wait_echo_off(self.child.id());
    }

    /// Types bytes at the terminal.
    pub fn type_in(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// The pid that `echo PID=$$; exec …` printed.
    pub fn pid(&mut self) -> u32 {
        self.wait_for("PID=");
        loop {
            let text = self.text();
            let after = &text[text.find("PID=").unwrap() + 4..];
            if let Some(end) = after.find(|c: char| !c.is_ascii_digit()) {
                return after[..end].parse().unwrap();
            }
            let chunk = self.rx.recv_timeout(Duration::from_secs(30)).unwrap();
            self.seen.extend(chunk);
        }
    }

    /// Waits for the shell to finish; returns the command's exit code and all it showed.
    pub fn finish(mut self) -> Finished {
        self.wait_for("CODE=");
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the shell did not finish: {}", self.text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(self.stdin.take());
        self.reader.take().unwrap().join().unwrap();
        self.seen.extend(self.rx.try_iter().flatten());
        let text = self.text();
        let after = &text[text.rfind("CODE=").unwrap() + 5..];
        let code = after
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|d| d.parse().ok());
        Finished { code, text }
    }
}

/// What a finished [`Pty`] run showed.
pub struct Finished {
    /// The exit code of the command (as the shell saw it).
    pub code: Option<i32>,
    pub text: String,
}

impl Finished {
    /// The terminal is as a shell left it: echo and line editing on, the cursor not hidden.
    pub fn assert_terminal_restored(&self) {
        let settings: Vec<&str> = self.text[self.text.rfind("CODE=").unwrap()..]
            .split_whitespace()
            .collect();
        for flag in ["echo", "icanon", "isig"] {
            assert!(
                settings.contains(&flag) && !settings.contains(&format!("-{flag}").as_str()),
                "{flag} is off after promail: {}",
                self.text
            );
        }
        if let Some(hidden) = self.text.rfind("\x1b[?25l") {
            assert!(
                self.text[hidden..].contains("\x1b[?25h"),
                "the cursor is left hidden: {:?}",
                self.text
            );
        }
    }

    /// promail's own last line (`interrupted`, `terminated`) is there.
    pub fn has_line(&self, line: &str) -> bool {
        self.text.lines().any(|l| l.trim() == line)
    }
}

/// The processes under `pid` (children, grandchildren…), from /proc.
fn descendants(pid: u32) -> Vec<u32> {
    let mut parent_of = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`: comm may hold spaces and parentheses.
        if let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u32>().ok())
        {
            parent_of.push((p, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parent_of
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    found.split_off(1)
}

/// Waits (bounded) until the terminal that the processes under `pid` (a `script`) run on has
/// its echo off: a password reader has switched it.
pub fn wait_echo_off(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ttys: Vec<std::path::PathBuf> = descendants(pid)
            .into_iter()
            .filter_map(|p| std::fs::read_link(format!("/proc/{p}/fd/0")).ok())
            .filter(|t| t.starts_with("/dev/pts"))
            .collect();
        for tty in &ttys {
            if let Ok(out) = Command::new("stty").arg("-a").arg("-F").arg(tty).output() {
                let settings = String::from_utf8_lossy(&out.stdout).into_owned();
                if settings.split_whitespace().any(|w| w == "-echo") {
                    return;
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "the terminal's echo never went off (terminals seen: {ttys:?})"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The path of the built promail, quoted for `sh -c`.
pub fn promail_bin() -> String {
    format!("'{}'", assert_cmd::cargo::cargo_bin("promail").display())
}

#[test]
fn ctrl_c_at_a_yes_no_question_is_an_interruption() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut pty) = Pty::start(
        &format!(
            "{} local destroy --dir '{}'",
            promail_bin(),
            dir.path().display()
        ),
        &[],
    ) else {
        return;
    };
    pty.wait_for_prompt("and all its data?");
    pty.type_in(b"\x03");
    let done = pty.finish();
    assert_eq!(done.code, Some(130), "{}", done.text);
    assert!(done.has_line("interrupted"), "{}", done.text);
    assert!(!done.text.contains("error:"), "{}", done.text);
    done.assert_terminal_restored();
    assert!(dir.path().exists(), "nothing destroyed");
}

#[test]
fn sigterm_at_a_yes_no_question_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut pty) = Pty::start(
        &format!(
            "sh -c 'echo PID=$$; exec {} local destroy --dir \"{}\"'",
            promail_bin(),
            dir.path().display()
        ),
        &[],
    ) else {
        return;
    };
    let pid = pty.pid();
    pty.wait_for_prompt("and all its data?");
    crate::interrupt::send_signal(pid, libc::SIGTERM);
    let done = pty.finish();
    assert_eq!(done.code, Some(143), "{}", done.text);
    assert!(done.has_line("terminated"), "{}", done.text);
    done.assert_terminal_restored();
    assert!(dir.path().exists(), "nothing destroyed");
}

#[test]
fn ctrl_c_at_the_w_prompt_restores_the_terminal() {
    let db = crate::support::TestDb::new("w_prompt_ctrl_c");
    // Each run once raced the Ctrl-C handler against the prompt: try a few times.
    for _ in 0..4 {
        let Some(mut pty) = Pty::start(
            &format!("{} -W db ping", promail_bin()),
            &[("DATABASE_URL", &db.conn)],
        ) else {
            return;
        };
        pty.wait_for_password_prompt("Password for user");
        pty.type_in(b"half\x03");
        let done = pty.finish();
        assert_eq!(done.code, Some(130), "{}", done.text);
        assert!(done.has_line("interrupted"), "{}", done.text);
        assert!(!done.text.contains("half"), "{}", done.text);
        done.assert_terminal_restored();
    }
}

#[test]
fn sigterm_at_the_w_prompt_restores_the_terminal() {
    let db = crate::support::TestDb::new("w_prompt_sigterm");
    let Some(mut pty) = Pty::start(
        &format!("sh -c 'echo PID=$$; exec {} -W db ping'", promail_bin()),
        &[("DATABASE_URL", &db.conn)],
    ) else {
        return;
    };
    let pid = pty.pid();
    pty.wait_for_password_prompt("Password for user");
    crate::interrupt::send_signal(pid, libc::SIGTERM);
    let done = pty.finish();
    assert_eq!(done.code, Some(143), "{}", done.text);
    assert!(done.has_line("terminated"), "{}", done.text);
    done.assert_terminal_restored();
}

#[test]
fn a_question_takes_only_y_or_yes_then_enter_for_a_yes() {
    let db = crate::support::TestDb::migrated("question_answers");
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
         INSERT INTO login_history (user_id, login_time)
             VALUES (1, localtimestamp - interval '200 days');",
    );
    let old = || db.value("SELECT count(*) FROM login_history");
    // A word containing a y, then an empty line: both are no; then yes.
    for (answer, code, left) in [("Why?\r", 1, "1"), ("\r", 1, "1"), ("yes\r", 0, "0")] {
        let Some(mut pty) = Pty::start(
            &format!("{} cleanup", promail_bin()),
            &[("DATABASE_URL", &db.conn)],
        ) else {
            return;
        };
        pty.wait_for_prompt("? [y/N]");
        pty.type_in(answer.as_bytes());
        let done = pty.finish();
        assert_eq!(done.code, Some(code), "{}", done.text);
        if code == 1 {
            assert!(done.text.contains("cancelled: did not"), "{}", done.text);
        }
        done.assert_terminal_restored();
        assert_eq!(old(), left, "rows left after {answer:?}");
    }
}

#[test]
fn enter_at_db_creates_password_prompt_creates_nothing() {
    let n: u32 = rand::random::<u32>() % 1_000_000;
    let role = format!("t_role_enter_{n}");
    let db = format!("t_created_enter_{n}");
    let admin = &crate::support::server().admin;
    let Some(mut pty) = Pty::start(
        &format!("{} db create --owner {role}", promail_bin()),
        &[("DATABASE_URL", &crate::support::with_dbname(admin, &db))],
    ) else {
        return;
    };
    pty.wait_for_password_prompt(&format!("Password for new role {role}: "));
    pty.type_in(b"\n");
    let done = pty.finish();
    assert_eq!(done.code, Some(1), "{}", done.text);
    assert!(
        done.text.contains(&format!(
            "error: empty password: nothing was changed for role {role}"
        )),
        "{}",
        done.text
    );
    assert!(done.text.contains("--no-password"), "{}", done.text);
    let count = crate::support::sql_on(
        admin,
        &format!("SELECT count(*) FROM pg_roles WHERE rolname = '{role}'"),
    );
    assert_eq!(count[0][0].as_deref(), Some("0"));
    done.assert_terminal_restored();
}
