//! `monitor bloat`: an ESTIMATE of each table's bloat from the planner's statistics (no table
//! is read), and says so.

use anyhow::Result;
use tokio_postgres::Client;

use super::Report;

const SQL: &str = include_str!("../../sql/monitor/bloat.sql");

pub async fn collect(db: &Client, limit: i64) -> Result<Report> {
    super::prepare(db).await?;
    let (rows, cut) = super::query_top(db, SQL, limit, "tables by estimated bloat").await?;
    let unanalysed = rows
        .columns
        .iter()
        .position(|c| c == "stats")
        .map_or(0, |i| rows.rows.iter().filter(|r| r[i] == false).count());
    let mut report = Report::new(rows);
    report.notes.push(
        "bloat is an estimate from pg_stats and reltuples (no table was read); pgstattuple measures it exactly"
            .to_string(),
    );
    if unanalysed > 0 {
        report.notes.push(format!(
            "{unanalysed} table(s) have no statistics and no estimate: run ANALYZE"
        ));
    }
    report.notes.extend(cut);
    Ok(report)
}
