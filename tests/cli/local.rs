//! `promail local`: the embedded cluster, and its failures.

use crate::support::{assert_error, promail, stdout_of};

fn scratch_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pml-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn a_wrong_pg_bindir_is_named_not_blamed_on_a_missing_install() {
    let empty = tempfile::tempdir().unwrap();
    let dir = scratch_dir("nobin");
    let out = promail()
        .args(["local", "start", "--dir"])
        .arg(&dir)
        .env("PROMAIL_PG_BINDIR", empty.path())
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "no PostgreSQL server binaries in");
    let hint = err.lines().find(|l| l.starts_with("hint: ")).unwrap();
    assert!(hint.contains("PROMAIL_PG_BINDIR"), "{err}");
    assert!(!hint.contains("apt-get install"), "{err}");
    assert!(!dir.join("data").exists(), "nothing half-made");
}

#[test]
fn destroying_a_cluster_that_does_not_exist_is_nothing_to_do() {
    let dir = scratch_dir("never");
    for yes in [true, false] {
        let mut cmd = promail();
        cmd.args(["local", "destroy", "--dir"]).arg(&dir);
        if yes {
            cmd.arg("--yes");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
        assert!(
            crate::support::stderr_of(&out).contains("nothing to destroy"),
            "{}",
            crate::support::stderr_of(&out)
        );
        assert!(!dir.exists());
    }
}

#[test]
fn lifecycle_start_twice_stop_twice_destroy() {
    let dir = scratch_dir("life");
    let run = |args: &[&str]| {
        promail()
            .arg("local")
            .args(args)
            .arg("--dir")
            .arg(&dir)
            .output()
            .unwrap()
    };

    let out = run(&["start"]);
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));

    // Already as asked: success, said (README, "Exit codes").
    let out = run(&["start"]);
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    assert!(crate::support::stderr_of(&out).contains("local cluster already running"));

    // status exits as pg_ctl status: 0 running, 3 stopped, 4 no cluster.
    let status = || {
        promail()
            .args(["local", "status", "--format", "json", "--dir"])
            .arg(&dir)
            .output()
            .unwrap()
    };
    let out = status();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["running"], true);

    // The URL works for any command through DATABASE_URL, and --local's database exists.
    let url = stdout_of(&run(&["url"])).trim().to_string();
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    assert!(stdout_of(&out).contains("promail_db"));

    let out = run(&["stop"]);
    assert!(out.status.success());
    let out = run(&["stop"]);
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    assert!(crate::support::stderr_of(&out).contains("local cluster already stopped"));
    let out = status();
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["running"], false);

    // Destroy refuses without a terminal unless --yes, and then removes everything.
    let out = run(&["destroy"]);
    let err = assert_error(&out, 1, "without confirmation");
    assert!(err.contains("--yes"), "{err}");
    assert!(dir.exists());
    let out = run(&["destroy", "--yes"]);
    assert!(out.status.success());
    assert!(!dir.exists());
    let out = status();
    assert_eq!(out.status.code(), Some(4));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["initialized"], false);
}

/// Right after the server was killed, `--local` says the server is not running (pg_ctl still
/// sees its process until it is reaped), never a createdb failure; once the process is gone,
/// `--local` starts it again as it does a stopped one.
#[test]
fn local_after_the_server_was_killed_says_it_is_not_running() {
    let dir = scratch_dir("killed");
    let ping = || {
        promail()
            .args(["--local", "db", "ping", "--format", "json"])
            .env("PROMAIL_LOCAL_DIR", &dir)
            .output()
            .unwrap()
    };
    let out = ping();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    let pid: i32 = std::fs::read_to_string(dir.join("data/postmaster.pid"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    crate::interrupt::send_signal(pid.try_into().unwrap(), libc::SIGKILL);
    let out = ping();
    if !out.status.success() {
        let err = assert_error(&out, 1, "the local server is not running");
        assert!(!err.contains("createdb"), "{err}");
    }
    // Once the process has ended, --local starts the cluster again.
    let start = std::time::Instant::now();
    loop {
        let out = ping();
        if out.status.success() {
            break;
        }
        assert_error(&out, 1, "the local server is not running");
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "the killed server's process never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let out = promail()
        .args(["local", "destroy", "--yes", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
}

#[test]
fn global_local_flag_uses_the_cluster() {
    let dir = scratch_dir("flag");
    // DATABASE_URL from the environment is overridden by --local.
    let ping = || {
        promail()
            .args(["--local", "db", "ping", "--format", "json"])
            .env("PROMAIL_LOCAL_DIR", &dir)
            .env("DATABASE_URL", "postgresql://nobody@db.invalid/nothing")
            .output()
            .unwrap()
    };
    let out = ping();
    let err = crate::support::stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(stdout_of(&out).contains("promail_db"));
    // The run that made the cluster says so, once, and where.
    assert!(
        err.contains(&format!(
            "created a local PostgreSQL cluster in {}",
            dir.display()
        )),
        "{err}"
    );
    let out = ping();
    assert!(out.status.success());
    assert!(
        !crate::support::stderr_of(&out).contains("created"),
        "{}",
        crate::support::stderr_of(&out)
    );
    // The server preloads pg_stat_statements and promail_db has the extension: `monitor
    // queries` answers from the start.
    let out = promail()
        .args(["--local", "monitor", "queries", "--format", "json"])
        .env("PROMAIL_LOCAL_DIR", &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    // Both on the command line: a contradiction.
    let out = promail()
        .args([
            "--local",
            "--database-url",
            "postgresql://u@h/d",
            "db",
            "ping",
        ])
        .env("PROMAIL_LOCAL_DIR", &dir)
        .output()
        .unwrap();
    let err = assert_error(&out, 2, "--local and --database-url");
    assert!(err.contains("hint: "), "{err}");
    let out = promail()
        .args(["local", "destroy", "--yes", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
}
