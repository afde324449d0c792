//! `monitor cache`: buffer cache hit ratios of the database, its tables and its indexes.

use anyhow::Result;
use tokio_postgres::Client;

use super::Report;

const SQL: &str = include_str!("../../sql/monitor/cache.sql");

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    Ok(Report::new(super::query(db, SQL, &[]).await?))
}
