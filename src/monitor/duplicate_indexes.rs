//! `monitor duplicate-indexes`: indexes of one table that are the same (method, columns,
//! operator classes, collations, expressions, predicate); the one that enforces a constraint is
//! named first, as the one to keep.

use anyhow::Result;
use tokio_postgres::Client;

use super::Report;

const SQL: &str = include_str!("../../sql/monitor/duplicate_indexes.sql");

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    Ok(Report::new(super::query(db, SQL, &[]).await?))
}
