//! Backups: finding the right `pg_dump` ([`tools`]), writing an archive atomically with its
//! checksum and manifest ([`create`]), reading the folder ([`Backup`], [`scan`]), verifying
//! ([`verify`]), restoring ([`restore`]) and the prune plan ([`prune`]).
//!
//! A backup is three files in one folder: the archive `promail_YYYYMMDD_HHMMSS.dump` (or
//! `critical_…` for the tables users, emails and templates; a folder `….dir` with `--jobs`),
//! its checksum `….sha256` (`sha256sum -c` reads it) and its manifest `….manifest.json`. The
//! time in the name is UTC, when the backup started.

pub mod create;
pub mod manifest;
pub mod prune;
pub mod restore;
pub mod tools;
pub mod verify;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

use crate::error::hint;

/// The environment variable naming the default backup folder (for cron and containers).
pub const DIR_ENV: &str = "PROMAIL_BACKUP_DIR";

/// The tables of a critical backup (the seed's section 6).
pub const CRITICAL_TABLES: [&str; 3] = ["users", "emails", "templates"];

/// Full or critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Full,
    Critical,
}

impl Kind {
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Full => "promail",
            Kind::Critical => "critical",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Full => "full",
            Kind::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "full" => Some(Kind::Full),
            "critical" => Some(Kind::Critical),
            _ => None,
        }
    }
}

/// The archive's name for a backup started at `at`: `promail_20260105_020000.dump`
/// (`.dir` for the directory format).
pub fn file_name(kind: Kind, at: DateTime<Utc>, directory: bool) -> String {
    format!(
        "{}_{}.{}",
        kind.prefix(),
        at.format("%Y%m%d_%H%M%S"),
        if directory { "dir" } else { "dump" }
    )
}

/// What a file name says, if it is an archive's name: kind, time, directory format.
pub fn parse_name(name: &str) -> Option<(Kind, DateTime<Utc>, bool)> {
    let (stem, directory) = if let Some(s) = name.strip_suffix(".dump") {
        (s, false)
    } else {
        (name.strip_suffix(".dir")?, true)
    };
    let (kind, stamp) = if let Some(s) = stem.strip_prefix("promail_") {
        (Kind::Full, s)
    } else {
        (Kind::Critical, stem.strip_prefix("critical_")?)
    };
    if stamp.len() != 15 {
        return None;
    }
    let t = NaiveDateTime::parse_from_str(stamp, "%Y%m%d_%H%M%S").ok()?;
    Some((kind, Utc.from_utc_datetime(&t), directory))
}

/// The checksum file beside an archive.
pub fn sidecar(archive: &Path) -> PathBuf {
    with_suffix(archive, ".sha256")
}

/// The roles and tablespaces (`pg_dumpall --globals-only`) beside an archive made with
/// `--globals`.
pub fn globals_path(archive: &Path) -> PathBuf {
    with_suffix(archive, ".globals.sql")
}

/// The manifest beside an archive.
pub fn manifest_path(archive: &Path) -> PathBuf {
    with_suffix(archive, ".manifest.json")
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The default folder: `$PROMAIL_BACKUP_DIR` (read by clap), else `/var/backups/promail` as
/// root (where Debian keeps system backups), else `$XDG_DATA_HOME/promail/backups` or
/// `~/.local/share/promail/backups`.
pub fn default_dir() -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    if std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0) {
        return PathBuf::from("/var/backups/promail");
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })
        .unwrap_or_else(|| PathBuf::from("."))
        .join("promail/backups")
}

/// The folder to use: `dir` when given (it must exist), else the default (created, 0700, when
/// missing).
pub fn resolve_dir(dir: Option<&Path>, create: bool) -> Result<PathBuf> {
    let (dir, given) = match dir {
        Some(d) => (d.to_path_buf(), true),
        None => (default_dir(), false),
    };
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => Ok(dir),
        Ok(_) => Err(hint(
            anyhow!("backup folder {} is not a folder", dir.display()),
            "give a folder with --dir (or PROMAIL_BACKUP_DIR)",
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if create && !given {
                use std::os::unix::fs::DirBuilderExt;
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&dir)
                    .with_context(|| format!("creating the backup folder {}", dir.display()))?;
                return Ok(dir);
            }
            Err(hint(
                anyhow!("backup folder {} does not exist", dir.display()),
                format!("create it first (mkdir -m 700 {})", dir.display()),
            ))
        }
        Err(e) => Err(anyhow!(e).context(format!("reading the backup folder {}", dir.display()))),
    }
}

/// A folder to read backups from (`list`, `verify`, `restore`, `prune`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    pub path: PathBuf,
    /// False only for the default folder when it does not exist yet: no backup was made there
    /// (`backup create` makes it). A folder given with --dir must exist.
    pub exists: bool,
}

impl Folder {
    /// `dir` when given (it must exist), else the default, which may not exist yet.
    pub fn open(dir: Option<&Path>) -> Result<Folder> {
        if dir.is_none() {
            let path = default_dir();
            if std::fs::symlink_metadata(&path)
                .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            {
                return Ok(Folder {
                    path,
                    exists: false,
                });
            }
        }
        Ok(Folder {
            path: resolve_dir(dir, false)?,
            exists: true,
        })
    }

    /// The backups in it, oldest first (none when it does not exist yet).
    pub fn scan(&self) -> Result<Vec<Backup>> {
        if self.exists {
            scan(&self.path)
        } else {
            Ok(Vec::new())
        }
    }

    /// "no backups in DIR", and why when the default folder does not exist yet.
    pub fn empty_message(&self) -> String {
        if self.exists {
            format!("no backups in {}", self.path.display())
        } else {
            format!(
                "no backups in {}: no backup has been made there yet (the folder does not exist; `promail backup create` makes it)",
                self.path.display()
            )
        }
    }
}

/// The archive a FILE argument names: a bare name (no `/`, as `backup list` prints it) is in
/// the backup folder (`dir`, else the default); a path with a `/` is used as given
/// (`./NAME` for one in the current folder).
pub fn resolve_archive(file: &Path, dir: Option<&Path>) -> Result<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = file.as_os_str().as_bytes();
    if bytes.contains(&b'/') || bytes.is_empty() || bytes == b"." || bytes == b".." {
        return Ok(file.to_path_buf());
    }
    let folder = Folder::open(dir)?;
    let path = folder.path.join(file);
    if folder.exists && std::fs::symlink_metadata(&path).is_ok() {
        return Ok(path);
    }
    let name = file.display();
    let why = if folder.exists {
        format!("no backup {name} in {}", folder.path.display())
    } else {
        format!(
            "no backup {name} in {}: no backup has been made there yet (the folder does not exist)",
            folder.path.display()
        )
    };
    let fix = if file.exists() {
        format!("a bare name is looked up in the backup folder; for the file in the current folder give ./{name}")
    } else if folder.exists {
        "`promail backup list` shows the backups of the folder (--dir DIR for another folder)"
            .to_string()
    } else {
        "make one with `promail backup create`, or name the folder with --dir DIR".to_string()
    };
    Err(hint(anyhow!(why), fix))
}

/// One backup found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub name: String,
    pub kind: Kind,
    pub time: DateTime<Utc>,
    pub directory: bool,
    pub has_sidecar: bool,
    pub has_manifest: bool,
    /// When it was finished, from the manifest: orders backups started in the same second.
    pub finished: Option<DateTime<Utc>>,
}

/// The backups in `dir`, oldest first; other files are ignored.
pub fn scan(dir: &Path) -> Result<Vec<Backup>> {
    let mut list = Vec::new();
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("reading the backup folder {}", dir.display()))?;
    for e in entries {
        let e = e?;
        let Some(name) = e.file_name().to_str().map(ToString::to_string) else {
            continue;
        };
        let Some((kind, time, directory)) = parse_name(&name) else {
            continue;
        };
        let path = e.path();
        let finished = manifest::Manifest::read(&manifest_path(&path))
            .ok()
            .and_then(|m| DateTime::parse_from_rfc3339(&m.finished_at).ok())
            .map(|t| t.with_timezone(&Utc));
        list.push(Backup {
            finished,
            has_sidecar: sidecar(&path).is_file(),
            has_manifest: manifest_path(&path).is_file(),
            path,
            name,
            kind,
            time,
            directory,
        });
    }
    list.sort_by(|a, b| (a.time, a.finished, &a.name).cmp(&(b.time, b.finished, &b.name)));
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_ignored() {
        let at = Utc.with_ymd_and_hms(2026, 1, 5, 2, 0, 9).unwrap();
        assert_eq!(
            file_name(Kind::Full, at, false),
            "promail_20260105_020009.dump"
        );
        assert_eq!(
            file_name(Kind::Critical, at, true),
            "critical_20260105_020009.dir"
        );
        assert_eq!(
            parse_name("critical_20260105_020009.dump"),
            Some((Kind::Critical, at, false))
        );
        for other in [
            "promail_20260105_020009.dump.sha256",
            "promail_2026.dump",
            "notes.txt",
            ".promail_20260105_020009.dump.123.tmp",
            "promail_20261305_020009.dump",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }
}
