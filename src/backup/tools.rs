//! Finding the `pg_dump` and `pg_restore` to run: one whose major is at least the server's (an
//! older pg_dump refuses a newer server; a newer one reads older servers and writes archives
//! that an equally new pg_restore reads). Looked for on PATH, in `pg_config --bindir` and in
//! `/usr/lib/postgresql/*/bin` (or, instead of those two, the folders of
//! `PROMAIL_PG_DUMP_SEARCH`); the server's own major is preferred, else the nearest newer one.
//! (Not the newest: pg_restore 18 writes `SET transaction_timeout`, which a server before 17
//! rejects, so an archive of a 13 server made by pg_dump 18 could only be restored into 17 or
//! newer. The nearest newer major keeps archives restorable on the server they came from.)
//! Debian's `pg_wrapper` (`/usr/bin/pg_dump` links to it) is skipped: it picks a version by its
//! own rules, so the version it reports is not necessarily the one that would run.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{anyhow, Result};

use crate::error::hint;

/// A pg_dump/pg_restore pair found in one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tools {
    /// The folder holding both (canonical).
    pub bindir: PathBuf,
    /// `15.19`, `18.4` (the number pg_dump --version prints).
    pub version: String,
    pub major: u32,
}

impl Tools {
    pub fn pg_dump(&self) -> PathBuf {
        self.bindir.join("pg_dump")
    }

    pub fn pg_restore(&self) -> PathBuf {
        self.bindir.join("pg_restore")
    }

    pub fn pg_dumpall(&self) -> PathBuf {
        self.bindir.join("pg_dumpall")
    }

    /// `pg_dump 18.4 (/var/cache/promail/pg/client-18/bin)`, for messages.
    pub fn describe(&self, program: &str) -> String {
        format!("{program} {} ({})", self.version, self.bindir.display())
    }
}

/// Folders looked in after PATH instead of `pg_config --bindir` and `/usr/lib/postgresql/*/bin`
/// when set (as PATH: separated by `:`; empty: PATH only), for hosts that keep their PostgreSQL
/// programs elsewhere, or none.
pub const SEARCH_ENV: &str = "PROMAIL_PG_DUMP_SEARCH";

/// Where the search looked, for messages.
fn searched() -> String {
    match std::env::var_os(SEARCH_ENV) {
        Some(s) if s.is_empty() => format!("on PATH ({SEARCH_ENV} is empty)"),
        Some(s) => format!("on PATH and in {SEARCH_ENV} ({})", s.to_string_lossy()),
        None => "on PATH, in pg_config --bindir and /usr/lib/postgresql/*/bin".to_string(),
    }
}

/// The folders to look in, in order: PATH, then `$PROMAIL_PG_DUMP_SEARCH` when set, else
/// `pg_config --bindir` and `/usr/lib/postgresql/*/bin` (newest first).
pub fn candidate_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(search) = std::env::var_os(SEARCH_ENV) {
        dirs.extend(std::env::split_paths(&search).filter(|d| !d.as_os_str().is_empty()));
        return dirs;
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        if out.status.success() {
            let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            if d.is_absolute() {
                dirs.push(d);
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        let mut versioned: Vec<(u32, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let major = e.file_name().to_str()?.parse::<u32>().ok()?;
                Some((major, e.path().join("bin")))
            })
            .collect();
        versioned.sort_by_key(|v| std::cmp::Reverse(v.0));
        dirs.extend(versioned.into_iter().map(|(_, d)| d));
    }
    dirs
}

/// Every pg_dump/pg_restore pair in `dirs` with its version, each real folder once.
pub fn found(dirs: &[PathBuf]) -> Vec<Tools> {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut tools = Vec::new();
    for dir in dirs {
        let Ok(real) = std::fs::canonicalize(dir.join("pg_dump")) else {
            continue;
        };
        // pg_wrapper and other launchers: not a pg_dump whose version we can trust.
        if real.file_name().and_then(|n| n.to_str()) != Some("pg_dump") {
            continue;
        }
        let Some(bindir) = real.parent().map(Path::to_path_buf) else {
            continue;
        };
        if seen.contains(&bindir) || !bindir.join("pg_restore").is_file() {
            continue;
        }
        seen.push(bindir.clone());
        let Some(version) = version_of(&real) else {
            continue;
        };
        let major = major_of(&version);
        tools.push(Tools {
            bindir,
            version,
            major,
        });
    }
    tools
}

/// The version a program prints with `--version`: `pg_dump (PostgreSQL) 15.19 (Debian …)`.
fn version_of(program: &Path) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    parse_version(&String::from_utf8_lossy(&out.stdout))
}

/// `15.19` from `pg_dump (PostgreSQL) 15.19 (Debian 15.19-0+deb12u1)`.
pub fn parse_version(text: &str) -> Option<String> {
    let after = text.split(')').nth(1)?.trim();
    let v = after.split_whitespace().next()?;
    v.starts_with(|c: char| c.is_ascii_digit())
        .then(|| v.to_string())
}

/// 15 from `15.19`, 18 from `18beta1`.
pub fn major_of(version: &str) -> u32 {
    let end = version
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(version.len());
    version[..end].parse().unwrap_or(0)
}

/// The pair to use for a server of major `server`: the same major (the first found), else the
/// nearest newer one; None when every one found is older.
pub fn choose(server: u32, found: &[Tools]) -> Option<&Tools> {
    found.iter().find(|t| t.major == server).or_else(|| {
        found
            .iter()
            .filter(|t| t.major > server)
            .min_by_key(|t| t.major)
    })
}

/// Finds the pair for a server of major `server`, or says what to install.
pub fn for_server(server: u32) -> Result<Tools> {
    let all = found(&candidate_dirs());
    choose(server, &all)
        .cloned()
        .ok_or_else(|| no_fit(server, &all))
}

fn no_fit(server: u32, all: &[Tools]) -> anyhow::Error {
    let seen = if all.is_empty() {
        format!("none found {}", searched())
    } else {
        format!(
            "found only {}",
            all.iter()
                .map(|t| t.describe("pg_dump"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    hint(
        anyhow!("no pg_dump of PostgreSQL {server} or newer for this PostgreSQL {server} server ({seen})"),
        format!(
            "install the PostgreSQL {server} client programs (Debian/Ubuntu: apt-get install postgresql-client-{server} from apt.postgresql.org; RHEL: postgresql{server}) or put a newer pg_dump's folder first on PATH"
        ),
    )
}

/// The pg_restore to read an archive made by pg_dump of major `made_by` (None: unknown) and,
/// when given, to load it into a server of major `server`: archives are read by the same or a
/// newer pg_restore; the server's own major is preferred when it can read the archive.
pub fn for_archive(made_by: Option<u32>, server: Option<u32>) -> Result<Tools> {
    let all = found(&candidate_dirs());
    let pick = match (made_by, server) {
        (Some(m), Some(s)) if s >= m => choose(s, &all),
        (Some(m), _) => choose(m, &all),
        (None, Some(s)) => choose(s, &all),
        (None, None) => all.iter().max_by_key(|t| t.major),
    };
    pick.cloned().ok_or_else(|| {
        let need = made_by.map_or_else(String::new, |m| format!(" of PostgreSQL {m} or newer"));
        hint(
            anyhow!("no pg_restore{need} found (looked {})", searched()),
            "install the PostgreSQL client programs (Debian/Ubuntu: postgresql-client-NN) or put their folder on PATH",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(major: u32, dir: &str) -> Tools {
        Tools {
            bindir: PathBuf::from(dir),
            version: format!("{major}.1"),
            major,
        }
    }

    #[test]
    fn versions_parse() {
        assert_eq!(
            parse_version("pg_dump (PostgreSQL) 15.19 (Debian 15.19-0+deb12u1)\n").as_deref(),
            Some("15.19")
        );
        assert_eq!(
            parse_version("pg_restore (PostgreSQL) 18.4\n").as_deref(),
            Some("18.4")
        );
        assert_eq!(parse_version("nonsense"), None);
        assert_eq!(major_of("18beta1"), 18);
        assert_eq!(major_of("9.6.24"), 9);
    }

    #[test]
    fn same_major_first_else_newest_newer_never_older() {
        let all = [t(15, "/a"), t(18, "/b"), t(17, "/c"), t(16, "/d")];
        assert_eq!(choose(17, &all).unwrap().bindir, PathBuf::from("/c"));
        assert_eq!(choose(13, &all).unwrap().major, 15);
        assert_eq!(choose(17, &[t(15, "/a"), t(18, "/b")]).unwrap().major, 18);
        assert_eq!(choose(15, &all).unwrap().bindir, PathBuf::from("/a"));
        assert!(choose(19, &all).is_none());
        let old = [t(15, "/a")];
        assert!(choose(17, &old).is_none());
        let err = no_fit(17, &old);
        assert!(format!("{err:#}").contains("pg_dump 15.1 (/a)"), "{err:#}");
        assert!(crate::error::hint_of(&err)
            .unwrap()
            .contains("postgresql-client-17"));
    }
}
