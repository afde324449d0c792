//! Schema migrations: the SQL files under `sql/migrations/` (`NNNN_name.sql`, version NNNN),
//! embedded in the binary; their checksums; the history table `promail.schema_migrations`;
//! the pure planner ([`plan`]), the run ([`run`]) and its executor (`exec`) behind `promail db migrate`,
//! `db status` and `db baseline`.
//!
//! Each file runs in one transaction together with its history row, so an interrupted run
//! leaves the database at the previous version. A file whose first line is
//! `-- promail:no-transaction` (for `CREATE INDEX CONCURRENTLY` and the like) runs statement by
//! statement outside a transaction and gets its history row after the last statement: such a
//! file must be idempotent (`IF NOT EXISTS` everywhere), because a failure half-way leaves the
//! statements before it applied and the next run starts the file again from the top.

pub mod baseline;
mod exec;
pub mod history;
pub mod plan;
pub mod run;
pub mod split;
pub mod status;

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::error::hint;

pub use baseline::baseline;
pub use history::{Applied, Kind};
pub use plan::{compare, plan, Entry, Plan, State};
pub use run::{migrate, Options, Outcome};
pub use status::status;

/// The first line that makes a file run outside a transaction.
pub const NO_TRANSACTION_MARKER: &str = "-- promail:no-transaction";

/// Every migration this binary knows, in one place. Add a file here when adding it to
/// `sql/migrations/` (a unit test checks the two agree).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "0001_schema.sql",
        include_str!("../../sql/migrations/0001_schema.sql"),
    ),
    (
        "0002_promail_partition_policy.sql",
        include_str!("../../sql/migrations/0002_promail_partition_policy.sql"),
    ),
    (
        "0003_promail_schedule.sql",
        include_str!("../../sql/migrations/0003_promail_schedule.sql"),
    ),
];

/// One migration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// NNNN of `NNNN_name.sql`.
    pub version: i32,
    /// `name` of `NNNN_name.sql`.
    pub name: String,
    /// The file name, `NNNN_name.sql`.
    pub file: String,
    /// The text with line ends normalised to LF and a leading BOM removed.
    pub sql: String,
    /// sha256 (hex) of `sql`.
    pub checksum: String,
    /// First line is [`NO_TRANSACTION_MARKER`].
    pub no_transaction: bool,
}

impl Migration {
    /// Reads a migration from its file name and text.
    pub fn parse(file: &str, raw: &str) -> Result<Migration> {
        let bad = || {
            hint(
                anyhow::anyhow!("migration file name {file:?} is not of the form NNNN_name.sql"),
                "name migrations like 0003_add_column.sql: a version number, an underscore, a name",
            )
        };
        let stem = file.strip_suffix(".sql").ok_or_else(bad)?;
        let (digits, name) = stem.split_once('_').ok_or_else(bad)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            return Err(bad());
        }
        let version: i32 = digits.parse().map_err(|_| bad())?;
        if version <= 0 {
            return Err(hint(
                anyhow::anyhow!("migration {file}: version 0 is not allowed"),
                "versions start at 0001",
            ));
        }
        let sql = normalize(raw);
        let no_transaction = sql
            .lines()
            .next()
            .is_some_and(|l| l.trim_end() == NO_TRANSACTION_MARKER);
        Ok(Migration {
            version,
            name: name.to_string(),
            file: file.to_string(),
            checksum: sha256_hex(&sql),
            sql,
            no_transaction,
        })
    }

    /// `NNNN_name`, as messages show it.
    pub fn label(&self) -> &str {
        self.file.strip_suffix(".sql").unwrap_or(&self.file)
    }
}

/// CRLF → LF and no leading BOM: the text that is checksummed and run.
pub fn normalize(raw: &str) -> String {
    raw.strip_prefix('\u{feff}')
        .unwrap_or(raw)
        .replace("\r\n", "\n")
}

/// The checksum of a file's text (after [`normalize`]).
pub fn checksum(raw: &str) -> String {
    sha256_hex(&normalize(raw))
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The migrations compiled into this binary, in version order.
pub fn embedded() -> Vec<Migration> {
    let list = EMBEDDED
        .iter()
        .map(|(file, text)| Migration::parse(file, text))
        .collect::<Result<Vec<_>>>()
        .expect("embedded migration names are checked by a unit test");
    ordered(list).expect("embedded migration versions are checked by a unit test")
}

/// The `NNNN_name.sql` files of a folder (`--migrations-dir`), in version order. Other files
/// are ignored; a `.sql` file with another name is an error (it would silently never run).
pub fn from_dir(dir: &Path) -> Result<Vec<Migration>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("reading migrations from {}", dir.display()))?;
    let mut list = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("reading migrations from {}", dir.display()))?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "sql") || !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .with_context(|| format!("reading migration {}", entry.path().display()))?;
        list.push(Migration::parse(&file, &text)?);
    }
    ordered(list)
}

/// Which set of migrations to use.
#[derive(Debug, Clone)]
pub enum Source {
    Embedded,
    Dir(std::path::PathBuf),
}

impl Source {
    pub fn load(&self) -> Result<Vec<Migration>> {
        match self {
            Source::Embedded => Ok(embedded()),
            Source::Dir(d) => from_dir(d),
        }
    }
}

fn ordered(mut list: Vec<Migration>) -> Result<Vec<Migration>> {
    list.sort_by(|a, b| a.version.cmp(&b.version).then(a.file.cmp(&b.file)));
    for w in list.windows(2) {
        if w[0].version == w[1].version {
            return Err(hint(
                anyhow::anyhow!(
                    "migrations {} and {} have the same version {}",
                    w[0].file,
                    w[1].file,
                    w[0].version
                ),
                "give one of them the next free version number",
            ));
        }
    }
    Ok(list)
}

/// `NNNN_name` of a version, from a known migration or the history.
pub fn label_of(version: i32, name: &str) -> String {
    format!("{version:04}_{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_matches_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/migrations");
        let on_disk = from_dir(&dir).unwrap();
        assert_eq!(
            embedded(),
            on_disk,
            "sql/migrations and EMBEDDED in src/migrate/mod.rs disagree"
        );
        assert!(embedded().iter().all(|m| !m.sql.is_empty()));
    }

    #[test]
    fn every_embedded_file_splits() {
        for m in embedded() {
            split::split(&m.sql).unwrap_or_else(|e| panic!("{}: {e}", m.file));
        }
    }

    #[test]
    fn names_and_versions() {
        let m = Migration::parse("0012_add_thing.sql", "SELECT 1;").unwrap();
        assert_eq!((m.version, m.name.as_str()), (12, "add_thing"));
        assert_eq!(m.label(), "0012_add_thing");
        assert!(!m.no_transaction);
        for bad in [
            "12.sql",
            "x_12.sql",
            "0001_.sql",
            "0001_a.txt",
            "0000_zero.sql",
        ] {
            assert!(Migration::parse(bad, "").is_err(), "{bad}");
        }
        assert!(ordered(vec![
            Migration::parse("0001_a.sql", "").unwrap(),
            Migration::parse("001_b.sql", "").unwrap()
        ])
        .is_err());
    }

    #[test]
    fn checksums_ignore_crlf_and_bom() {
        let lf = "CREATE TABLE a (x int);\nSELECT 1;\n";
        let crlf = "\u{feff}CREATE TABLE a (x int);\r\nSELECT 1;\r\n";
        assert_eq!(checksum(lf), checksum(crlf));
        assert_ne!(
            checksum(lf),
            checksum("CREATE TABLE a (x bigint);\nSELECT 1;\n")
        );
        assert_eq!(checksum(lf).len(), 64);
    }

    #[test]
    fn no_transaction_marker_on_the_first_line_only() {
        let m = Migration::parse(
            "0003_idx.sql",
            "\u{feff}-- promail:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (x);\n",
        )
        .unwrap();
        assert!(m.no_transaction);
        let m = Migration::parse("0003_idx.sql", "\n-- promail:no-transaction\n").unwrap();
        assert!(!m.no_transaction);
    }
}
