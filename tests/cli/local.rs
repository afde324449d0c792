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

    let out = run(&["start"]);
    assert_error(&out, 1, "already running");

    let out = promail()
        .args(["local", "status", "--format", "json", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
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
    assert_error(&out, 1, "not running");

    // Destroy refuses without a terminal unless --yes, and then removes everything.
    let out = run(&["destroy"]);
    let err = assert_error(&out, 1, "without confirmation");
    assert!(err.contains("--yes"), "{err}");
    assert!(dir.exists());
    let out = run(&["destroy", "--yes"]);
    assert!(out.status.success());
    assert!(!dir.exists());
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
