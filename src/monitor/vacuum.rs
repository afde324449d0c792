//! `monitor vacuum`: tables by dead tuples with their last (auto)vacuum and transaction-ID
//! age, and the database's wraparound age against its limits.

use anyhow::Result;
use tokio_postgres::Client;

use super::Report;
use crate::pg::PgExt;

const SQL: &str = include_str!("../../sql/monitor/vacuum.sql");
const WRAPAROUND: &str = include_str!("../../sql/monitor/wraparound.sql");

/// The transaction-ID ages that matter for wraparound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wraparound {
    pub database_age: i64,
    pub server_age: i64,
    pub freeze_max_age: i64,
}

/// Writes stop about 2^31 transactions after the oldest unfrozen one (minus a safety margin).
pub const WRAPAROUND_LIMIT: i64 = 2_147_483_647;

pub async fn wraparound(db: &tokio_postgres::Client) -> Result<Wraparound> {
    let r = db.query_one(WRAPAROUND, &[]).await.pg()?;
    Ok(Wraparound {
        database_age: r.get(0),
        server_age: r.get(1),
        freeze_max_age: r.get(2),
    })
}

impl Wraparound {
    pub fn line(&self) -> String {
        format!(
            "transaction-ID age: {} in this database, {} oldest on the server ({:.1} % of the 2^31 limit; autovacuum forces a freeze at {})",
            self.database_age,
            self.server_age,
            100.0 * self.server_age as f64 / WRAPAROUND_LIMIT as f64,
            self.freeze_max_age
        )
    }
}

pub async fn collect(db: &Client, limit: i64) -> Result<Report> {
    super::prepare(db).await?;
    let (rows, cut) = super::query_top(db, SQL, limit, "tables by dead tuples").await?;
    let mut report = Report::new(rows);
    report.notes.push(wraparound(db).await?.line());
    report.notes.extend(cut);
    Ok(report)
}
