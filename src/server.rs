//! What the server is, in one place: its version (from the `server_version` the server reports
//! when the session starts, so knowing it costs no round trip) and the versions of its
//! extensions (read once per session, on first use). Every SQL text or feature that differs
//! between majors or extension versions asks this module; no command compares versions itself.
//!
//! Supported: PostgreSQL 13 to 18. An older server is refused with one line naming the range
//! before any command reads or changes anything ([`Server::check_supported`]).

use std::collections::BTreeMap;

use anyhow::Result;
use tokio_postgres::Client;

use crate::error::hint;
use crate::pg::PgExt;

/// The oldest major promail runs on.
pub const OLDEST_MAJOR: u32 = 13;
/// The newest major promail is tested on; a newer one works with a warning.
pub const NEWEST_MAJOR: u32 = 18;

/// The server's version, as it reported it at the start of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// `server_version` as the server reported it: `15.19 (Debian 15.19-0+deb12u1)`, `18.4`,
    /// `17beta1`.
    pub version: String,
    /// The major: 13 for 13.23, 9 for 9.6.24 (older majors had two parts; only `< 13` matters).
    pub major: u32,
    /// The minor (or 0 for a beta or devel build).
    pub minor: u32,
    /// `in_hot_standby` as the server reported it at the start (14+; None on 13, which does
    /// not report it).
    pub in_hot_standby: Option<bool>,
}

impl Server {
    /// The server as described by its `server_version` parameter.
    pub fn from_version(version: &str) -> Server {
        let digits = |s: &str| -> (u32, usize) {
            let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            (s[..end].parse().unwrap_or(0), end)
        };
        let v = version.trim();
        let (major, end) = digits(v);
        let minor = v[end..].strip_prefix('.').map_or(0, |rest| digits(rest).0);
        Server {
            version: v.to_string(),
            major,
            minor,
            in_hot_standby: None,
        }
    }

    /// With the `in_hot_standby` parameter the server reported (`on`/`off`), if any.
    #[must_use]
    pub fn with_hot_standby(mut self, value: Option<&str>) -> Server {
        self.in_hot_standby = value.map(|v| v == "on");
        self
    }

    /// Whether the server is a standby (in recovery): from the startup parameter where the
    /// server reports it (14+), else asked (one round trip).
    pub async fn is_standby(&self, client: &Client) -> Result<bool> {
        if let Some(standby) = self.in_hot_standby {
            return Ok(standby);
        }
        let row = client
            .query_one("SELECT pg_catalog.pg_is_in_recovery()", &[])
            .await
            .pg()?;
        Ok(row.get(0))
    }

    /// The version's short form: `15.19`, `18beta1` (without the distribution's suffix).
    pub fn short_version(&self) -> &str {
        self.version
            .split_whitespace()
            .next()
            .unwrap_or(&self.version)
    }

    /// Refuses a server older than [`OLDEST_MAJOR`], in one line naming the supported range.
    pub fn check_supported(&self) -> Result<()> {
        if self.major >= OLDEST_MAJOR {
            return Ok(());
        }
        Err(hint(
            anyhow::anyhow!(
                "the server runs PostgreSQL {}, which promail does not support (supported: {OLDEST_MAJOR} to {NEWEST_MAJOR})",
                self.short_version()
            ),
            format!(
                "upgrade the server to PostgreSQL {OLDEST_MAJOR} or newer (pg_upgrade), or use a promail-free workflow for this one"
            ),
        ))
    }

    /// A warning for a server newer than the newest tested major, to print once.
    pub fn untested_warning(&self) -> Option<String> {
        (self.major > NEWEST_MAJOR).then(|| {
            format!(
                "the server runs PostgreSQL {}, newer than any promail was tested on ({OLDEST_MAJOR} to {NEWEST_MAJOR})",
                self.short_version()
            )
        })
    }

    /// The `LIKE` options that copy a parent's structure into a standalone table that is to
    /// become its partition: everything a partition inherits but the indexes. `INCLUDING
    /// COMPRESSION` exists from PostgreSQL 14 (the per-column compression method came with it;
    /// on 13 there is nothing to copy).
    pub fn like_partition_options(&self) -> &'static str {
        if self.major >= 14 {
            "INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION \
             INCLUDING GENERATED"
        } else {
            "INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING GENERATED"
        }
    }

    /// Whether the checkpointer's counters live in `pg_stat_checkpointer` (17+) rather than
    /// `pg_stat_bgwriter`.
    pub fn has_stat_checkpointer(&self) -> bool {
        self.major >= 17
    }

    /// Whether the server knows `transaction_timeout` (17+). pg_restore 17 and newer put
    /// `SET transaction_timeout = 0` at the head of every restore, which an older server
    /// refuses ("unrecognized configuration parameter").
    pub fn has_transaction_timeout(&self) -> bool {
        self.major >= 17
    }

    /// Whether reading or writing a partition directly also locks its parent (ACCESS SHARE, to
    /// the end of the transaction): PostgreSQL 13 does (computing the partition constraint
    /// opens the parent); 14 and later do not.
    pub fn partition_access_locks_parent(&self) -> bool {
        self.major < 14
    }

    /// Whether `pg_stat_io` exists (16+).
    pub fn has_stat_io(&self) -> bool {
        self.major >= 16
    }
}

/// The installed extensions and their versions, as `pg_extension` lists them in the session's
/// database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extensions {
    versions: BTreeMap<String, String>,
}

impl Extensions {
    /// Reads `pg_extension` (one round trip).
    pub async fn read(client: &Client) -> Result<Extensions> {
        let rows = client
            .query(
                "SELECT extname::text, extversion FROM pg_catalog.pg_extension",
                &[],
            )
            .await
            .pg()?;
        Ok(Extensions {
            versions: rows
                .iter()
                .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
                .collect(),
        })
    }

    /// From a list of (name, version), for tests.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Extensions {
        Extensions {
            versions: pairs
                .into_iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The installed version of `name`, if installed.
    pub fn version(&self, name: &str) -> Option<&str> {
        self.versions.get(name).map(String::as_str)
    }

    /// The installed version of `name` as (major, minor), e.g. (1, 10) for `1.10`.
    pub fn version_pair(&self, name: &str) -> Option<(u32, u32)> {
        let v = self.version(name)?;
        let mut parts = v.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next().map_or(Some(0), |m| m.parse().ok())?;
        Some((major, minor))
    }
}

/// The `pg_stat_statements` columns of one extension version: 1.8 renamed `total_time` and
/// `mean_time` to `total_exec_time` and `mean_exec_time`; 1.11 (PostgreSQL 17) renamed
/// `blk_read_time` and `blk_write_time` to `shared_blk_read_time` and `shared_blk_write_time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementColumns {
    pub total: &'static str,
    pub mean: &'static str,
    pub read_time: &'static str,
    pub write_time: &'static str,
}

impl StatementColumns {
    /// The columns of `pg_stat_statements` version (major, minor).
    pub fn for_version((major, minor): (u32, u32)) -> StatementColumns {
        let at_least = |m: u32| (major, minor) >= (1, m);
        let (total, mean) = if at_least(8) {
            ("total_exec_time", "mean_exec_time")
        } else {
            ("total_time", "mean_time")
        };
        let (read_time, write_time) = if at_least(11) {
            ("shared_blk_read_time", "shared_blk_write_time")
        } else {
            ("blk_read_time", "blk_write_time")
        };
        StatementColumns {
            total,
            mean,
            read_time,
            write_time,
        }
    }
}

impl Extensions {
    /// The `pg_stat_statements` columns of the installed version; None when not installed.
    pub fn stat_statements_columns(&self) -> Option<StatementColumns> {
        self.version_pair("pg_stat_statements")
            .map(StatementColumns::for_version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        for (text, major, minor) in [
            ("15.19 (Debian 15.19-0+deb12u1)", 15, 19),
            ("13.23", 13, 23),
            ("18.4", 18, 4),
            ("17beta1", 17, 0),
            ("16devel", 16, 0),
            ("9.6.24", 9, 6),
            ("12.22", 12, 22),
        ] {
            let s = Server::from_version(text);
            assert_eq!((s.major, s.minor), (major, minor), "{text}");
        }
        assert_eq!(
            Server::from_version("15.19 (Debian 15.19-0+deb12u1)").short_version(),
            "15.19"
        );
    }

    #[test]
    fn older_than_13_is_refused_with_the_range() {
        let err = Server::from_version("12.22").check_supported().unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("PostgreSQL 12.22"), "{text}");
        assert!(text.contains("13 to 18"), "{text}");
        assert!(Server::from_version("9.6.24").check_supported().is_err());
        for ok in ["13.0", "15.19", "18.4", "19beta1"] {
            Server::from_version(ok).check_supported().unwrap();
        }
        assert!(Server::from_version("19beta1").untested_warning().is_some());
        assert!(Server::from_version("18.4").untested_warning().is_none());
    }

    #[test]
    fn like_options_follow_the_major() {
        assert!(!Server::from_version("13.23")
            .like_partition_options()
            .contains("COMPRESSION"));
        assert!(Server::from_version("14.0")
            .like_partition_options()
            .contains("INCLUDING COMPRESSION"));
    }

    #[test]
    fn extension_versions() {
        let e = Extensions::from_pairs([("pg_stat_statements", "1.10"), ("plpgsql", "1.0")]);
        assert_eq!(e.version_pair("pg_stat_statements"), Some((1, 10)));
        assert_eq!(e.version_pair("dblink"), None);
        assert_eq!(e.version("plpgsql"), Some("1.0"));
    }

    #[test]
    fn stat_statements_columns_follow_the_extension_version() {
        let cols = |v: &str| {
            Extensions::from_pairs([("pg_stat_statements", v)])
                .stat_statements_columns()
                .unwrap()
        };
        assert_eq!(cols("1.4").total, "total_time");
        assert_eq!(cols("1.7").mean, "mean_time");
        assert_eq!(cols("1.8").total, "total_exec_time");
        assert_eq!(cols("1.10").read_time, "blk_read_time");
        assert_eq!(cols("1.11").read_time, "shared_blk_read_time");
        assert_eq!(cols("1.12").write_time, "shared_blk_write_time");
        assert!(Extensions::default().stat_statements_columns().is_none());
    }
}
