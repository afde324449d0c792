//! A primary and a streaming hot standby of the test's own (the shared test standby of
//! `support::standby()` must not be promoted or lose its primary): a private cluster
//! (`promail local`'s layout, Unix socket only) and its copy made by `support::standby_of`.
//! Both are stopped and removed when dropped.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use promail::local::Cluster;

use crate::support::{standby_of, Standby, StandbyError};

/// A primary and its hot standby, each listening on a Unix socket in its own folder.
pub struct StandbyPair {
    pub primary: Cluster,
    /// The standby's folder (its socket; its data in `data/`).
    pub standby_dir: PathBuf,
    pub standby: Standby,
}

impl Drop for StandbyPair {
    fn drop(&mut self) {
        let _ = pg_ctl(
            &self.standby_dir.join("data"),
            &["stop", "-m", "immediate", "-w"],
        );
        let _ = std::fs::remove_dir_all(&self.standby_dir);
        let _ = std::fs::remove_file(format!("{}.lock", self.standby_dir.display()));
        if let Err(e) = self.primary.destroy() {
            eprintln!(
                "removing test cluster {}: {e:#}",
                self.primary.dir().display()
            );
        }
    }
}

/// `pg_ctl ARGS -D data` with the test's server binaries, as the owner of `data`.
pub fn pg_ctl(data: &Path, args: &[&str]) -> std::process::Output {
    let bindir = promail::local::find_bindir().unwrap();
    let owner = std::fs::metadata(data).unwrap();
    let mut c = std::process::Command::new(bindir.join("pg_ctl"));
    c.args(args).arg("-D").arg(data).current_dir("/tmp");
    if std::fs::metadata("/proc/self").unwrap().uid() == 0 {
        c.uid(owner.uid()).gid(owner.gid());
    }
    c.output().unwrap()
}

impl StandbyPair {
    /// Starts both, the standby streaming; None (said on stderr) where no standby can be made
    /// (no `pg_basebackup`).
    pub fn start() -> Option<StandbyPair> {
        let tmp = |prefix: &str| {
            let d = tempfile::Builder::new()
                .prefix(prefix)
                .tempdir_in("/tmp")
                .unwrap()
                .keep();
            std::fs::remove_dir(&d).unwrap();
            d
        };
        let primary = Cluster::new(tmp("pmpri"));
        let standby_dir = tmp("pmsby");
        primary
            .start()
            .unwrap_or_else(|e| panic!("starting the primary: {e:#}"));
        let admin = primary.conninfo("postgres").unwrap();
        match standby_of(primary.dir(), &admin, &standby_dir) {
            Ok(standby) => Some(StandbyPair {
                primary,
                standby_dir,
                standby,
            }),
            Err(StandbyError::Skip(why)) => {
                eprintln!("skipped: {why}");
                let _ = primary.destroy();
                None
            }
            Err(StandbyError::Fail(why)) => {
                let _ = primary.destroy();
                panic!("starting the standby: {why}")
            }
        }
    }

    /// `host=<primary>,<standby>` (in that order, or the other) for user postgres.
    pub fn conn(&self, standby_first: bool, params: &str) -> String {
        let (a, b) = if standby_first {
            (self.standby_dir.as_path(), self.primary.dir())
        } else {
            (self.primary.dir(), self.standby_dir.as_path())
        };
        format!(
            "host={},{} port=5432,5432 user=postgres dbname=promail_db {params}",
            a.display(),
            b.display()
        )
    }
}
