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
    let rows = super::query(db, SQL, &[]).await?;
    let mut report = Report::new(rows);
    report.notes.push(since(db).await?);
    Ok(report)
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
