//! The history table `promail.schema_migrations`: reading it, creating it, adding a row.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use tokio_postgres::Client;

use crate::error::hint;
use crate::pg::PgExt;

use super::Migration;

const BOOTSTRAP: &str = include_str!("../../sql/migrate/history.sql");
const READ: &str = include_str!("../../sql/migrate/read_history.sql");
const RECORD: &str = include_str!("../../sql/migrate/record.sql");

/// How a version got into the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `db migrate` ran it.
    Applied,
    /// `db baseline` recorded it without running it.
    Baseline,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Applied => "applied",
            Kind::Baseline => "baseline",
        }
    }

    /// The command that recorded it, as `db status` shows it (its state says "applied" too).
    pub fn recorded_by(self) -> &'static str {
        match self {
            Kind::Applied => "migrate",
            Kind::Baseline => "baseline",
        }
    }
}

/// One row of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub version: i32,
    pub name: String,
    pub checksum: String,
    pub applied_at: Option<DateTime<Utc>>,
    pub duration_ms: Option<i64>,
    pub applied_by: String,
    pub kind: Kind,
}

impl Applied {
    /// A row as the planner's tests build them.
    pub fn new(version: i32, name: &str, checksum: &str) -> Applied {
        Applied {
            version,
            name: name.to_string(),
            checksum: checksum.to_string(),
            applied_at: None,
            duration_ms: None,
            applied_by: String::new(),
            kind: Kind::Applied,
        }
    }

    pub fn label(&self) -> String {
        super::label_of(self.version, &self.name)
    }
}

/// Whether the history table exists (a database promail never migrated has none).
pub async fn exists(client: &Client) -> Result<bool> {
    let row = match client
        .query_one(
            "SELECT to_regclass('promail.schema_migrations') IS NOT NULL",
            &[],
        )
        .await
        .pg()
    {
        Ok(row) => row,
        Err(e) => return Err(privilege_hint(client, e).await),
    };
    Ok(row.get(0))
}

/// 42501 on schema promail or its history table: the role may not read them.
async fn privilege_hint(client: &Client, e: anyhow::Error) -> anyhow::Error {
    let e = e.context("reading promail.schema_migrations");
    if crate::pg::sqlstate(&e).as_deref() != Some("42501") {
        return e;
    }
    let role = match client.query_one("SELECT current_user::text", &[]).await {
        Ok(r) => crate::pg::ident(r.get(0)),
        Err(_) => "<role>".to_string(),
    };
    hint(
        e,
        format!(
            "the role needs USAGE on schema promail and SELECT on its history (as the owner: GRANT USAGE ON SCHEMA promail TO {role}; GRANT SELECT ON promail.schema_migrations TO {role}), or run as the database owner"
        ),
    )
}

/// The history, oldest first; empty when the table does not exist.
pub async fn read(client: &Client) -> Result<Vec<Applied>> {
    if !exists(client).await? {
        return Ok(Vec::new());
    }
    let rows = match client.query(READ, &[]).await.pg() {
        Ok(rows) => rows,
        Err(e) => return Err(privilege_hint(client, e).await),
    };
    Ok(rows
        .iter()
        .map(|r| Applied {
            version: r.get(0),
            name: r.get(1),
            checksum: r.get(2),
            applied_at: r.get(3),
            duration_ms: r.get(4),
            applied_by: r.get(5),
            kind: if r.get::<_, &str>(6) == "baseline" {
                Kind::Baseline
            } else {
                Kind::Applied
            },
        })
        .collect())
}

/// Creates schema `promail` and the history table if absent. Only called under the migration
/// lock; skipped when the table exists, since `CREATE SCHEMA IF NOT EXISTS` checks the CREATE
/// privilege even when there is nothing to create.
pub async fn bootstrap(client: &Client) -> Result<()> {
    if exists(client).await? {
        return Ok(());
    }
    client.batch_execute("BEGIN").await.pg()?;
    let result = create(client).await;
    // Leave no open or failed transaction on the session.
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    let ended = client.batch_execute(end).await.pg();
    result.and(ended)
}

/// Creates schema `promail` and the history table, in the caller's transaction (so that a
/// first migration that fails leaves no trace at all).
pub async fn create(client: &Client) -> Result<()> {
    client.batch_execute(BOOTSTRAP).await.map_err(|e| {
        hint(
            crate::pg::err(e).context("creating promail's history table promail.schema_migrations"),
            "promail needs the CREATE privilege on the database: run migrations as the database owner",
        )
    })
}

/// Adds the history row of `m` (inside the caller's transaction, if any).
pub async fn record(
    client: &Client,
    m: &Migration,
    duration_ms: Option<i64>,
    kind: Kind,
) -> Result<()> {
    client
        .execute(
            RECORD,
            &[
                &m.version,
                &m.name,
                &m.checksum,
                &duration_ms,
                &env!("CARGO_PKG_VERSION"),
                &kind.as_str(),
            ],
        )
        .await
        .pg()
        .with_context(|| format!("recording {} in promail.schema_migrations", m.file))?;
    Ok(())
}
