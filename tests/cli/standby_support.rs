//! A primary and a hot standby of the test's own, for `target_session_attrs`: a private
//! cluster (`promail local`'s layout, Unix socket only) and a copy made with
//! `pg_basebackup -R` that streams from it. Both are stopped and removed when dropped.
//! (Kept apart from support.rs; a shared standby helper may replace it.)

#![allow(dead_code)]

use std::fmt::Write as _;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use promail::local::Cluster;

use crate::support::stderr_of;

/// A primary and its hot standby, each listening on a Unix socket in its own folder.
pub struct StandbyPair {
    pub primary: Cluster,
    pub standby: Cluster,
}

impl Drop for StandbyPair {
    fn drop(&mut self) {
        for c in [&self.standby, &self.primary] {
            if let Err(e) = c.destroy() {
                eprintln!("removing test cluster {}: {e:#}", c.dir().display());
            }
        }
    }
}

/// `pg_basebackup`: beside the server binaries if there is one, else PostgreSQL 18's client
/// programs (CI's), else the one on PATH.
fn pg_basebackup(bindir: &Path) -> PathBuf {
    [
        bindir.join("pg_basebackup"),
        PathBuf::from("/var/cache/promail/pg/client-18/bin/pg_basebackup"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_else(|| PathBuf::from("pg_basebackup"))
}

/// A command run as the owner of `like` (the `postgres` user when we are root).
fn command_as(program: &Path, like: &Path) -> Command {
    let meta = std::fs::metadata(like).unwrap();
    let mut cmd = Command::new(program);
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") {
            cmd.env_remove(k);
        }
    }
    cmd.current_dir(like).stdin(std::process::Stdio::null());
    if meta.uid() != std::fs::metadata("/proc/self").unwrap().uid() {
        cmd.uid(meta.uid()).gid(meta.gid());
    }
    cmd
}

fn check(out: &std::process::Output, what: &str) {
    assert!(out.status.success(), "{what}: {}", stderr_of(out));
}

impl StandbyPair {
    pub fn start() -> StandbyPair {
        let tmp = |prefix: &str| {
            tempfile::Builder::new()
                .prefix(prefix)
                .tempdir_in("/tmp")
                .unwrap()
                .keep()
        };
        let primary = Cluster::new(tmp("pmpri"));
        let standby_dir = tmp("pmsby");
        let pair = StandbyPair {
            primary,
            standby: Cluster::new(&standby_dir),
        };
        pair.primary
            .start()
            .unwrap_or_else(|e| panic!("starting the primary: {e:#}"));
        let primary_dir = pair.primary.dir();
        let pdata = primary_dir.join("data");
        // The standby's folder belongs to the server's user, as the primary's does.
        let meta = std::fs::metadata(&pdata).unwrap();
        std::fs::set_permissions(&standby_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&standby_dir, Some(meta.uid()), Some(meta.gid())).unwrap();
        let sdata = standby_dir.join("data");
        let bindir = promail::local::find_bindir().unwrap();
        let out = command_as(&pg_basebackup(&bindir), &pdata)
            .arg("-h")
            .arg(primary_dir)
            .args([
                "-p", "5432", "-U", "postgres", "-X", "stream", "-c", "fast", "-R", "-N", "-D",
            ])
            .arg(&sdata)
            .output()
            .unwrap();
        check(&out, "pg_basebackup -R");
        // The copy's settings listen where the primary does; its own socket folder wins.
        let mut auto = std::fs::read_to_string(sdata.join("postgresql.auto.conf")).unwrap();
        let _ = write!(
            auto,
            "unix_socket_directories = '{}'\nhot_standby = on\n",
            standby_dir.display()
        );
        std::fs::write(sdata.join("postgresql.auto.conf"), auto).unwrap();
        let log = standby_dir.join("log");
        std::fs::create_dir(&log).unwrap();
        std::os::unix::fs::chown(&log, Some(meta.uid()), Some(meta.gid())).unwrap();
        let out = command_as(&bindir.join("pg_ctl"), &sdata)
            .arg("start")
            .arg("-D")
            .arg(&sdata)
            .arg("-l")
            .arg(log.join("postgresql.log"))
            .args(["-w", "-t", "60", "-s"])
            .output()
            .unwrap();
        check(&out, "pg_ctl start (standby)");
        pair
    }

    /// `host=<primary>,<standby>` (in that order, or the other) for user postgres.
    pub fn conn(&self, standby_first: bool, params: &str) -> String {
        let (a, b) = if standby_first {
            (self.standby.dir(), self.primary.dir())
        } else {
            (self.primary.dir(), self.standby.dir())
        };
        format!(
            "host={},{} port=5432 user=postgres dbname=promail_db {params}",
            a.display(),
            b.display()
        )
    }
}
