//! The manifest written beside each archive: what was dumped, from where, with which pg_dump,
//! and the exact row count of every table in the dump's own snapshot, so that a restore can be
//! checked row for row.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The manifest's layout version.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub manifest_format: u32,
    /// `full` or `critical`.
    pub kind: String,
    /// The archive's file (or folder) name.
    pub file: String,
    /// `custom` or `directory`.
    pub format: String,
    pub database: String,
    pub server_version: String,
    pub pg_dump_version: String,
    pub pg_dump_path: String,
    pub promail_version: String,
    /// The highest version in promail.schema_migrations (None: not migrated by promail).
    pub schema_version: Option<i32>,
    /// RFC 3339, UTC.
    pub started_at: String,
    pub finished_at: String,
    /// The archive's size in bytes.
    pub size_bytes: u64,
    /// Its SHA-256 (custom format; the directory format lists one per file in the sidecar).
    pub sha256: Option<String>,
    /// pg_dump's `--compress` value, when given.
    pub compress: Option<String>,
    /// `schema.table` → exact row count in the snapshot pg_dump used.
    pub tables: BTreeMap<String, i64>,
    /// The roles and tablespaces beside the archive (`backup create --globals`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub globals: Option<Globals>,
}

/// `pg_dumpall --globals-only` written beside the archive (its SHA-256 in the same checksum
/// file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Globals {
    pub file: String,
    pub size_bytes: u64,
    pub sha256: String,
    /// Whether the roles' password hashes are in it: only a superuser may read them, so other
    /// roles dump with `--no-role-passwords`.
    pub role_passwords: bool,
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Manifest> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the manifest {}", path.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("reading the manifest {}", path.display()))
    }

    /// The pg_dump major that wrote the archive.
    pub fn pg_dump_major(&self) -> u32 {
        super::tools::major_of(&self.pg_dump_version)
    }

    pub fn total_rows(&self) -> i64 {
        self.tables.values().sum()
    }
}
