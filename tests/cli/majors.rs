//! PostgreSQL majors: servers older than 13 refused before anything changes, `local` run with
//! the binaries of a chosen installation (and refusing a folder that is not one, or of a major
//! promail does not support). The binaries of other majors come from `.ci/install-pg`'s cache.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{assert_error, promail, sql_on, stderr_of, stdout_of};

/// The cached server binaries of `major` (`.ci/install-pg`), or None with a note on stderr when
/// the cache is missing. CI installs it: there a missing cache fails the test.
pub fn cached_bindir(major: &str) -> Option<PathBuf> {
    let cache = std::env::var_os("PROMAIL_PG_CACHE")
        .map_or_else(|| PathBuf::from("/var/cache/promail/pg"), PathBuf::from);
    let bin = cache.join(major).join("bin");
    if bin.join("postgres").is_file() {
        return Some(bin);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} missing: .ci/install-pg installs it",
        bin.display()
    );
    eprintln!(
        "skipped: no PostgreSQL {major} binaries in {} (run .ci/install-pg)",
        bin.display()
    );
    None
}

/// A folder in /tmp (short socket paths) that the `postgres` user may use when we are root.
fn scratch(prefix: &str) -> PathBuf {
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in("/tmp")
        .unwrap()
        .keep();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

/// Runs a server binary as the `postgres` user when we are root (initdb refuses root).
fn as_server_user(program: &Path) -> Command {
    let mut cmd = Command::new(program);
    if std::fs::metadata("/proc/self").unwrap().uid() == 0 {
        let id = |flag: &str| -> u32 {
            let out = Command::new("id")
                .args([flag, "postgres"])
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        };
        cmd.uid(id("-u")).gid(id("-g"));
    }
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") {
            cmd.env_remove(k);
        }
    }
    cmd
}

/// A server of an unsupported major, made without promail (which refuses to make one).
struct RawServer {
    bindir: PathBuf,
    dir: PathBuf,
}

impl RawServer {
    fn start(bindir: PathBuf) -> RawServer {
        let dir = scratch("pmraw");
        let data = dir.join("data");
        let out = as_server_user(&bindir.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "--no-locale",
                "-E",
                "UTF8",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "initdb: {}", stderr_of(&out));
        let out = as_server_user(&bindir.join("pg_ctl"))
            .arg("start")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("log"))
            .arg("-o")
            .arg(format!("-k {} -c listen_addresses=''", dir.display()))
            .args(["-w", "-t", "30", "-s"])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl start: {}", stderr_of(&out));
        RawServer { bindir, dir }
    }

    fn conn(&self, db: &str) -> String {
        format!(
            "host={} port=5432 user=postgres dbname={db} sslmode=disable",
            self.dir.display()
        )
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        let _ = as_server_user(&self.bindir.join("pg_ctl"))
            .arg("stop")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "-s"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn a_server_older_than_13_is_refused_in_one_line_before_anything_changes() {
    let Some(bindir) = cached_bindir("12") else {
        return;
    };
    let server = RawServer::start(bindir);
    sql_on(&server.conn("postgres"), "CREATE DATABASE promail_db");
    let url = server.conn("promail_db");
    for args in [
        &["db", "migrate"][..],
        &["partitions", "rotate"],
        &["cleanup", "--yes"],
        &["report", "user-stats"],
        &["db", "status"],
    ] {
        let out = promail()
            .env("DATABASE_URL", &url)
            .args(args)
            .output()
            .unwrap();
        let err = assert_error(&out, 1, "PostgreSQL 12.");
        assert!(err.contains("supported: 13 to 18"), "{args:?}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{err}"
        );
    }
    // Nothing was made: no schema, no history table.
    let left = sql_on(
        &url,
        "SELECT count(*) FROM pg_namespace WHERE nspname = 'promail' \
         UNION ALL SELECT count(*) FROM pg_class WHERE relname IN ('users', 'login_history')",
    );
    assert_eq!(left, vec![vec![Some("0".into())], vec![Some("0".into())]]);
    // db ping still says what it reached, with the same warning.
    let out = promail()
        .env("DATABASE_URL", &url)
        .args(["db", "ping", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert!(v[0]["version"].as_str().unwrap().starts_with("12."), "{v}");
    assert!(
        stderr_of(&out).contains("supported: 13 to 18"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn local_refuses_the_binaries_of_a_major_it_does_not_support() {
    let Some(bindir) = cached_bindir("12") else {
        return;
    };
    let dir = scratch("pml12");
    let out = promail()
        .args(["local", "start", "--dir"])
        .arg(&dir)
        .arg("--bindir")
        .arg(&bindir)
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "PostgreSQL 12.");
    assert!(err.contains("supported: 13 to 18"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert!(!dir.join("data").exists(), "no cluster made");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn local_refuses_a_bindir_that_is_no_installation_or_of_an_unknown_version() {
    // A folder without the server binaries: named, with what is missing.
    let empty = tempfile::tempdir().unwrap();
    let dir = scratch("pmlnone");
    let out = promail()
        .args(["local", "start", "--dir"])
        .arg(&dir)
        .arg("--bindir")
        .arg(empty.path())
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "no PostgreSQL server binaries in");
    assert!(err.contains("initdb, pg_ctl, postgres missing"), "{err}");
    assert!(
        err.contains("hint: --bindir (PROMAIL_PG_BINDIR) must name"),
        "{err}"
    );
    assert!(!dir.join("data").exists());

    // Binaries that do not say which PostgreSQL they are.
    let fake = tempfile::tempdir().unwrap();
    for name in ["initdb", "pg_ctl", "postgres"] {
        let p = fake.path().join(name);
        std::fs::write(&p, "#!/bin/sh\necho 'pg_ctl from somewhere'\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = promail()
        .args(["local", "start", "--dir"])
        .arg(&dir)
        .arg("--bindir")
        .arg(fake.path())
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "of an unknown version");
    assert!(err.contains("supported: 13 to 18"), "{err}");
    assert!(!dir.join("data").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cluster_made_with_bindir_runs_that_major_and_local_finds_it_again() {
    // Rehearsing on production's major: the oldest supported one, whatever the machine has.
    let Some(bindir) = cached_bindir("13") else {
        return;
    };
    let dir = scratch("pml13");
    let out = promail()
        .args(["local", "start", "--dir"])
        .arg(&dir)
        .arg("--bindir")
        .arg(&bindir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    // Later runs name no bin folder: the cluster's own is used (not the machine's default).
    let out = promail()
        .env("PROMAIL_LOCAL_DIR", &dir)
        .args(["--local", "db", "migrate", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = promail()
        .env("PROMAIL_LOCAL_DIR", &dir)
        .args(["--local", "db", "ping", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert!(v[0]["version"].as_str().unwrap().starts_with("13."), "{v}");
    let out = promail()
        .args(["local", "status", "--format", "csv", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains(",13."), "{}", stdout_of(&out));
    let out = promail()
        .args(["local", "destroy", "--yes", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(!dir.exists());
}
