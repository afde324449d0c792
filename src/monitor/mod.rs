//! `promail monitor`: what an ops person looks at on the ProMail database. One file per report
//! (its SQL in `sql/monitor/`), each returning rows and the notes that go with them (what is
//! hidden for want of a privilege, what is an estimate, what was skipped); the overview
//! ([`overview`]), the health checks and their thresholds ([`check`], [`probe`]), and the
//! `--watch` loop ([`watch`]).
//!
//! Every report runs under a short `lock_timeout` (set on the session by [`prepare`]): a
//! monitoring query never queues behind a lock, and so never makes others queue behind it.

pub mod activity;
pub mod bloat;
pub mod cache;
pub mod check;
pub mod connections;
pub mod duplicate_indexes;
pub mod locks;
pub mod overview;
pub mod partitions;
pub mod probe;
pub mod queries;
pub mod replication;
pub mod sizes;
pub mod unused_indexes;
pub mod vacuum;
pub mod watch;

use anyhow::Result;
use serde_json::Value;
use tokio_postgres::types::ToSql;
use tokio_postgres::Client;

use crate::connect::Db;
use crate::output::{pretty_bytes, Format, Rows};
use crate::pg::{self, PgExt};

const PRIVILEGES: &str = include_str!("../../sql/monitor/privileges.sql");

/// How long a monitoring query may wait for a lock before giving up.
pub const LOCK_TIMEOUT_MS: u32 = 500;

/// The rows of a report and what the reader must know about them (printed on stderr).
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: Rows,
    pub notes: Vec<String>,
}

impl Report {
    pub fn new(rows: Rows) -> Report {
        Report {
            rows,
            notes: Vec::new(),
        }
    }
}

/// Which report, and its options.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Overview,
    Sizes { partitions: bool },
    Queries(queries::Options),
    Activity { flag_after_secs: f64 },
    UnusedIndexes,
    Locks,
    Cache,
    Vacuum { limit: i64 },
    Connections,
    DuplicateIndexes,
    Bloat { limit: i64 },
    Partitions,
    Replication,
}

impl Kind {
    /// The report's name on the command line.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Overview => "overview",
            Kind::Sizes { .. } => "sizes",
            Kind::Queries(_) => "queries",
            Kind::Activity { .. } => "activity",
            Kind::UnusedIndexes => "unused-indexes",
            Kind::Locks => "locks",
            Kind::Cache => "cache",
            Kind::Vacuum { .. } => "vacuum",
            Kind::Connections => "connections",
            Kind::DuplicateIndexes => "duplicate-indexes",
            Kind::Bloat { .. } => "bloat",
            Kind::Partitions => "partitions",
            Kind::Replication => "replication",
        }
    }
}

/// What the session's role may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Privileges {
    pub superuser: bool,
    /// Member of `pg_monitor` (superusers are).
    pub monitor: bool,
}

impl Privileges {
    pub async fn read(db: &Client) -> Result<Privileges> {
        let row = db.query_one(PRIVILEGES, &[]).await.pg()?;
        Ok(Privileges {
            superuser: row.get(0),
            monitor: row.get(1),
        })
    }
}

/// The note for rows of other roles that a role without `pg_monitor` cannot see.
pub fn hidden_note(count: i64, what: &str) -> String {
    format!(
        "{count} {what} of other roles hidden: this role lacks pg_monitor (GRANT pg_monitor TO <role> shows them)"
    )
}

/// Sets the session up for monitoring: a short lock timeout.
pub async fn prepare(db: &Client) -> Result<()> {
    db.batch_execute(&format!("SET lock_timeout = {LOCK_TIMEOUT_MS}"))
        .await
        .pg()
}

/// Runs a query and keeps the column names even when no row comes back.
pub async fn query(db: &Client, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Rows> {
    let stmt = db.prepare(sql).await.pg()?;
    let rows = db.query(&stmt, params).await.pg()?;
    pg::rows_with_columns(stmt.columns(), &rows)
}

/// Runs a report query whose `LIMIT $1` keeps the top `limit` rows, asking for one more: when it
/// comes, it is dropped and the note says that the list was cut (what is hidden is said).
pub async fn query_top(
    db: &Client,
    sql: &str,
    limit: i64,
    what: &str,
) -> Result<(Rows, Option<String>)> {
    let mut rows = query(db, sql, &[&limit.saturating_add(1)]).await?;
    let cut = usize::try_from(limit).is_ok_and(|l| rows.rows.len() > l);
    if cut {
        rows.rows
            .truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    Ok((
        rows,
        cut.then(|| format!("only the top {limit} {what} are shown: --limit N shows more")),
    ))
}

/// Runs one report.
pub async fn collect(db: &Db, kind: &Kind) -> Result<Report> {
    match kind {
        Kind::Overview => anyhow::bail!("the overview is not one report"),
        Kind::Sizes { partitions } => sizes::collect(db, *partitions).await,
        Kind::Queries(o) => queries::collect(db, o).await,
        Kind::Activity { flag_after_secs } => activity::collect(db, *flag_after_secs).await,
        Kind::UnusedIndexes => unused_indexes::collect(db).await,
        Kind::Locks => locks::collect(db).await,
        Kind::Cache => cache::collect(db).await,
        Kind::Vacuum { limit } => vacuum::collect(db, *limit).await,
        Kind::Connections => connections::collect(db).await,
        Kind::DuplicateIndexes => duplicate_indexes::collect(db).await,
        Kind::Bloat { limit } => bloat::collect(db, *limit).await,
        Kind::Partitions => partitions::collect(db).await,
        Kind::Replication => replication::collect(db).await,
    }
}

/// Columns of long text abbreviated in tables.
const LONG_TEXT: [&str; 3] = ["query", "blocker_query", "definition"];

/// Rows as a person reads them in a table: `*_bytes` columns as sizes (`16 kB`, renamed
/// without the suffix), long texts abbreviated so that the table fits `width` columns.
pub fn for_table(rows: &Rows, width: usize) -> Rows {
    let mut out = Rows::new(rows.columns.iter().map(|c| {
        c.strip_suffix("_bytes")
            .map_or_else(|| c.clone(), ToString::to_string)
    }));
    let bytes: Vec<bool> = rows.columns.iter().map(|c| c.ends_with("_bytes")).collect();
    for r in &rows.rows {
        out.push(
            r.iter()
                .zip(&bytes)
                .map(|(v, is_bytes)| match (v, is_bytes) {
                    (Value::Number(n), true) => {
                        Value::String(pretty_bytes(n.as_i64().unwrap_or_default()))
                    }
                    _ => v.clone(),
                })
                .collect(),
        );
    }
    // Room left for the long texts: the width minus every other column (content and 3
    // characters of border and padding each).
    let long: Vec<usize> = (0..out.columns.len())
        .filter(|&i| LONG_TEXT.contains(&out.columns[i].as_str()))
        .collect();
    if long.is_empty() {
        return out;
    }
    let other: usize = (0..out.columns.len())
        .filter(|i| !long.contains(i))
        .map(|i| {
            out.rows
                .iter()
                .map(|r| crate::output::cell_text(&r[i]).chars().count())
                .chain([out.columns[i].chars().count()])
                .max()
                .unwrap_or(0)
                + 3
        })
        .sum::<usize>()
        + 1;
    let room = (width.saturating_sub(other) / long.len())
        .saturating_sub(3)
        .max(20);
    for r in &mut out.rows {
        for &i in &long {
            if let Value::String(s) = &r[i] {
                r[i] = Value::String(abbreviate(s, room));
            }
        }
    }
    out
}

/// `s` on one line, at most `max` characters, ending in `…` when cut.
pub fn abbreviate(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The terminal's width when stdout is one; a reasonable page width otherwise.
pub fn width(stdout_tty: bool) -> usize {
    if stdout_tty {
        // A terminal that reports no size (0 columns: a bare pty) is given the default.
        if let Some(w) = comfy_table::Table::new().width().filter(|w| *w >= 20) {
            return usize::from(w);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}

/// A report as text in the chosen format (the notes are not part of it: they go to stderr).
pub fn render(report: &Report, format: Format, stdout_tty: bool) -> Result<String> {
    match format {
        Format::Table => Ok(table(
            &for_table(&report.rows, width(stdout_tty)),
            stdout_tty,
        )),
        f => crate::output::render(f, &report.rows, stdout_tty),
    }
}

/// A table as `output` draws one, but of the width [`width`] chose (comfy-table's own guess
/// squeezes every column to one character on a terminal that reports 0 columns).
fn table(rows: &Rows, tty: bool) -> String {
    use comfy_table::{presets, ContentArrangement, Table};
    let mut t = Table::new();
    if tty {
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width(true)).unwrap_or(u16::MAX));
    } else {
        t.load_preset(presets::ASCII_MARKDOWN)
            .set_content_arrangement(ContentArrangement::Disabled);
    }
    t.set_header(&rows.columns);
    for r in &rows.rows {
        t.add_row(r.iter().map(crate::output::cell_text));
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// The SQLSTATE 55P03 (lock_not_available): our lock timeout expired.
pub fn lock_timed_out(e: &anyhow::Error) -> bool {
    pg::sqlstate(e).as_deref() == Some("55P03")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tables_show_sizes_and_fit_long_queries() {
        let mut rows = Rows::new(["calls", "total_bytes", "query"]);
        rows.push(vec![
            json!(3),
            json!(16384),
            json!("SELECT  a,\n b FROM t ".repeat(30)),
        ]);
        let t = for_table(&rows, 80);
        assert_eq!(t.columns, ["calls", "total", "query"]);
        assert_eq!(t.rows[0][1], json!("16 kB"));
        let q = crate::output::cell_text(&t.rows[0][2]);
        assert!(q.ends_with('…') && !q.contains('\n'), "{q}");
        // 80 columns minus "calls" (5+3), "total" (5+3) and a border.
        assert_eq!(q.chars().count(), 80 - 8 - 8 - 1 - 3);
        // Never narrower than 20, however narrow the terminal.
        let t = for_table(&rows, 10);
        assert_eq!(crate::output::cell_text(&t.rows[0][2]).chars().count(), 20);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(abbreviate("SELECT 1", 20), "SELECT 1");
        assert_eq!(abbreviate("SELECT\n  1", 20), "SELECT 1");
        assert_eq!(abbreviate("abcdef", 4), "abc…");
    }
}
