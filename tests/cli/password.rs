//! Passwords: where they come from (PGPASSWORD, the password file, the prompt), what happens
//! without one, and that none is ever printed. On the shared test cluster, one role needs a
//! password (a `scram-sha-256` line for it alone at the top of pg_hba.conf); everyone else keeps
//! `trust`.

use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use promail::conninfo::{self, ProcessEnv};

use crate::support::{assert_error, promail, server, sql_on, stderr_of, stdout_of, TestDb};

const ROLE: &str = "promail_pw_test";
const PASSWORD: &str = "Corr3ct-horse-pw-tests";
const HBA_LINE: &str = "local all promail_pw_test scram-sha-256";

/// Makes sure the role exists with its password and pg_hba asks it for one. Idempotent and
/// safe when several test processes run it at once. None when the test server is not
/// promail's own cluster (PROMAIL_TEST_DATABASE_URL: its pg_hba.conf is not ours to change):
/// the test is then skipped, said on stderr, which nextest shows for these tests
/// (`.config/nextest.toml`), so that a run against another server does not pass them silently.
fn password_role() -> Option<()> {
    let srv = server();
    let Some(cluster) = srv.cluster.as_ref() else {
        eprintln!(
            "SKIPPED: PROMAIL_TEST_DATABASE_URL names a server whose pg_hba.conf promail's tests cannot change: no role there needs a password"
        );
        return None;
    };
    let lock = std::fs::File::create(std::env::temp_dir().join("promail-pw-test.lock")).unwrap();
    lock.lock().unwrap();
    sql_on(
        &srv.admin,
        &format!(
            "DO $$ BEGIN \
               IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN \
                 CREATE ROLE {ROLE} LOGIN; \
               END IF; \
             END $$"
        ),
    );
    sql_on(
        &srv.admin,
        &format!(
            "SET password_encryption = 'scram-sha-256'; ALTER ROLE {ROLE} PASSWORD '{PASSWORD}'"
        ),
    );
    let hba = cluster.dir().join("data/pg_hba.conf");
    let text = std::fs::read_to_string(&hba).unwrap();
    if !text.lines().any(|l| l.trim() == HBA_LINE) {
        let tmp = hba.with_extension("conf.promail-tmp");
        std::fs::write(
            &tmp,
            format!("# promail tests: only this role needs a password.\n{HBA_LINE}\n{text}"),
        )
        .unwrap();
        let meta = std::fs::metadata(&hba).unwrap();
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(meta.mode() & 0o777))
            .unwrap();
        std::os::unix::fs::chown(&tmp, Some(meta.uid()), Some(meta.gid())).unwrap();
        std::fs::rename(&tmp, &hba).unwrap();
    }
    sql_on(&srv.admin, "SELECT pg_reload_conf()");
    // The reload is asynchronous: wait until the role is asked for a password.
    let conn = role_conn(&with_db(&srv.admin, "postgres"));
    let info = conninfo::resolve(Some(&conn), &ProcessEnv).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let r = crate::support::block_on(promail::connect::connect(
            &info,
            promail::connect::Prompt::Never,
        ));
        match r {
            Err(e) if format!("{e:#}").contains("asks for a password") => break,
            _ => {
                assert!(Instant::now() < deadline, "pg_hba reload not seen");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    Some(())
}

fn with_db(conn: &str, db: &str) -> String {
    crate::support::with_dbname(conn, db)
}

/// The same target as `conn` (a key=value string), as the password role, with no password.
fn role_conn(conn: &str) -> String {
    let info = conninfo::resolve(Some(conn), &ProcessEnv).unwrap();
    format!(
        "host='{}' port={} user={ROLE} dbname='{}'",
        info.hosts[0], info.ports[0], info.dbname
    )
}

/// promail as the password role on a test database, with a private empty HOME.
fn as_role(db: &TestDb, home: &Path) -> assert_cmd::Command {
    let mut c = promail();
    c.env("DATABASE_URL", role_conn(&db.conn))
        .env("HOME", home)
        .timeout(Duration::from_secs(60));
    c
}

/// Fails if a secret shows up anywhere in the output.
fn assert_no_secret(out: &std::process::Output, secrets: &[&str]) {
    for s in secrets {
        assert!(
            !stdout_of(out).contains(s),
            "secret in stdout: {}",
            stdout_of(out)
        );
        assert!(
            !stderr_of(out).contains(s),
            "secret in stderr: {}",
            stderr_of(out)
        );
    }
}

#[test]
fn password_from_pgpassword_right_and_wrong() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_env");
    let home = tempfile::tempdir().unwrap();

    let out = as_role(&db, home.path())
        .args(["db", "ping", "--format", "json"])
        .env("PGPASSWORD", "Wrong-pw-for-tests")
        .output()
        .unwrap();
    let err = assert_error(
        &out,
        1,
        "password authentication failed for user \"promail_pw_test\"",
    );
    assert!(
        err.contains("hint: ") && err.contains("PGPASSWORD"),
        "{err}"
    );
    assert_no_secret(&out, &["Wrong-pw-for-tests", PASSWORD]);

    let out = as_role(&db, home.path())
        .args(["db", "ping", "--format", "json"])
        .env("PGPASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["user"], ROLE);
    assert_no_secret(&out, &[PASSWORD]);
}

#[test]
fn no_password_and_no_terminal_is_a_clear_error() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_none");
    let home = tempfile::tempdir().unwrap();
    let out = as_role(&db, home.path())
        .args(["db", "ping"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "asks for a password for user \"promail_pw_test\"");
    assert!(
        err.contains("hint: ") && err.contains("PGPASSWORD") && err.contains(".pgpass"),
        "{err}"
    );

    // -W insists on a terminal to ask on.
    let out = as_role(&db, home.path())
        .args(["-W", "db", "ping"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "-W/--password needs a terminal");
    assert!(err.contains("hint: "), "{err}");
}

/// A HOME holding a .pgpass with this text and mode.
fn home_with_pgpass(text: &str, mode: u32) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(".pgpass");
    std::fs::write(&file, text).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
    (home, file)
}

#[test]
fn password_from_the_password_file_only_when_private() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_file");
    let socket_dir = conninfo::resolve(Some(&db.conn), &ProcessEnv)
        .unwrap()
        .hosts[0]
        .clone();
    // As libpq: the host field of a Unix-socket connection is the socket folder (`localhost`
    // only stands for the default one).
    let text = format!(
        "# promail test\notherhost:*:*:*:not-this-one\n{socket_dir}:5432:{}:{ROLE}:{PASSWORD}\n",
        db.name
    );
    let (home, file) = home_with_pgpass(&text, 0o600);
    let out = as_role(&db, home.path())
        .args(["db", "ping", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_no_secret(&out, &[PASSWORD]);

    // Readable by others: ignored with libpq's warning, so the server's question goes unanswered.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = as_role(&db, home.path())
        .args(["db", "ping"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "asks for a password");
    assert!(
        err.contains("password file") && err.contains("has group or world access"),
        "{err}"
    );
    assert_no_secret(&out, &[PASSWORD]);

    // PGPASSFILE points elsewhere.
    let (_other, other_file) = home_with_pgpass(&text, 0o600);
    let out = as_role(&db, home.path())
        .args(["db", "ping"])
        .env("PGPASSFILE", &other_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_no_secret(&out, &[PASSWORD]);
}

/// Runs `promail db ping --format json` as the password role under a pseudo-terminal
/// (`script`), types `answer` at its password prompt, and returns the exit code and everything
/// the terminal showed. None when `script` is missing.
fn ping_on_a_terminal(
    db: &TestDb,
    answer: &[u8],
    typing: Duration,
) -> Option<(Option<i32>, String)> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` (util-linux) to give promail a terminal");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("promail");
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c"])
        .arg(format!("{} db ping --format json", bin.display()))
        .arg("/dev/null")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SHELL", "/bin/sh")
        .env("TERM", "dumb")
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env("DATABASE_URL", role_conn(&db.conn))
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
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    let prompt = format!("Password for user {ROLE}: ");
    while !String::from_utf8_lossy(&seen).contains(&prompt) {
        let left = deadline.saturating_duration_since(Instant::now());
        if let Ok(chunk) = rx.recv_timeout(left) {
            seen.extend(chunk);
        } else {
            let _ = child.kill();
            panic!("no prompt; output: {}", String::from_utf8_lossy(&seen));
        }
    }
    // Echo goes off right after the prompt is written: type once it has.
    crate::terminal::wait_echo_off(child.id());
    // A person takes a moment to type (not a wait for promail: what it measures must not
    // count it).
    std::thread::sleep(typing);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(answer).unwrap();
    stdin.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "promail did not finish; output: {}",
                String::from_utf8_lossy(&seen)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdin);
    reader.join().unwrap();
    seen.extend(rx.try_iter().flatten());
    Some((status.code(), String::from_utf8_lossy(&seen).into_owned()))
}

#[test]
fn the_prompt_asks_on_a_terminal() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_prompt");
    let Some((code, text)) = ping_on_a_terminal(
        &db,
        format!("{PASSWORD}\n").as_bytes(),
        Duration::from_millis(1500),
    ) else {
        return;
    };
    assert_eq!(code, Some(0), "output: {text}");
    assert!(text.contains(&format!("\"user\": \"{ROLE}\"")), "{text}");
    assert!(!text.contains(PASSWORD), "the password was echoed: {text}");
    // connect_ms is the connection, not the 1.5 s spent typing (a socket login takes ms).
    let connect_ms: f64 = text
        .split("\"connect_ms\": ")
        .nth(1)
        .and_then(|rest| rest.split([',', '\r', '\n']).next())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no connect_ms in {text}"));
    assert!(
        connect_ms < 1500.0,
        "connect_ms {connect_ms} counts the typing: {text}"
    );
}

#[test]
fn ctrl_c_at_the_prompt_is_an_interruption() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_prompt_ctrl_c");
    let Some((code, text)) = ping_on_a_terminal(&db, b"half\x03", Duration::ZERO) else {
        return;
    };
    assert_eq!(code, Some(130), "output: {text}");
    assert!(text.contains("interrupted"), "{text}");
    assert!(
        !text.contains("error:") && !text.contains("panicked"),
        "{text}"
    );
    assert!(!text.contains("half"), "{text}");
}

#[test]
fn w_asks_once_per_run_though_migrate_opens_two_sessions() {
    if password_role().is_none() {
        return;
    }
    let db = TestDb::new("pw_w_once");
    db.sql(&format!("ALTER DATABASE \"{}\" OWNER TO {ROLE}", db.name));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("0001_t.sql"), "CREATE TABLE t (x int);\n").unwrap();
    let Some(mut pty) = crate::terminal::Pty::start(
        &format!(
            "{} -W db migrate --migrations-dir '{}'",
            crate::terminal::promail_bin(),
            dir.path().display()
        ),
        &[("DATABASE_URL", &role_conn(&db.conn))],
    ) else {
        return;
    };
    let prompt = format!("Password for user {ROLE}: ");
    pty.wait_for_password_prompt(&prompt);
    pty.type_in(format!("{PASSWORD}\n").as_bytes());
    let done = pty.finish();
    assert_eq!(done.code, Some(0), "{}", done.text);
    assert_eq!(done.text.matches(&prompt).count(), 1, "{}", done.text);
    assert!(done.text.contains("applied 0001_t"), "{}", done.text);
    assert_eq!(
        db.value("SELECT count(*) FROM promail.schema_migrations"),
        "1"
    );
}
