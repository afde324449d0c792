//! `monitor unused-indexes`: indexes never scanned since the statistics were reset, except
//! those that enforce a constraint (primary key, unique, exclusion), with their sizes; the
//! indexes of partitions count as their partitioned index. Says since when scans are counted.

use anyhow::Result;
use chrono::{DateTime, Utc};
use tokio_postgres::Client;

use super::Report;
use crate::pg::PgExt;

const SQL: &str = include_str!("../../sql/monitor/unused_indexes.sql");
const STATS_RESET: &str = include_str!("../../sql/monitor/stats_reset.sql");

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    let mut rows = super::query(db, SQL, &[]).await?;
    let locked = take_locked(&mut rows);
    let mut report = Report::new(rows);
    if !locked.is_empty() {
        report.notes.push(format!(
            "size and definition not read (another session holds or awaits ACCESS EXCLUSIVE on the table or index, and reading them would wait): {}",
            locked.join(", ")
        ));
    }
    report.notes.push(since(db).await?);
    Ok(report)
}

/// Removes the query's `locked` column; the indexes it marks, as `table.index`.
fn take_locked(rows: &mut crate::output::Rows) -> Vec<String> {
    let Some(at) = rows.columns.iter().position(|c| c == "locked") else {
        return Vec::new();
    };
    rows.columns.remove(at);
    let mut locked = Vec::new();
    for row in &mut rows.rows {
        let flag = row.remove(at);
        if flag == serde_json::Value::Bool(true) {
            let name = |i: usize| {
                row.get(i)
                    .and_then(|v| v.as_str())
                    .unwrap_or("?")
                    .to_string()
            };
            locked.push(format!("{}.{}", name(0), name(1)));
        }
    }
    locked
}

/// Since when this database's statistics count, in words.
pub async fn since(db: &Client) -> Result<String> {
    let row = db.query_one(STATS_RESET, &[]).await.pg()?;
    let reset: Option<DateTime<Utc>> = row.get(0);
    let age: Option<String> = row.get(1);
    Ok(match (reset, age) {
        (Some(t), Some(age)) => format!(
            "scans counted since the statistics were reset {} ({age} ago)",
            t.format("%Y-%m-%d %H:%M UTC")
        ),
        _ => "scans counted since the statistics began (never reset); a recently started or restored server has counted little".to_string(),
    })
}
