//! `monitor connections`: client sessions against `max_connections`, by state.

use anyhow::Result;
use tokio_postgres::Client;

use super::{hidden_note, Privileges, Report};

const SQL: &str = include_str!("../../sql/monitor/connections.sql");

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    let privileges = Privileges::read(db).await?;
    let rows = super::query(db, SQL, &[]).await?;
    let hidden = rows
        .columns
        .iter()
        .position(|c| c == "hidden")
        .and_then(|i| rows.rows.first().and_then(|r| r[i].as_i64()))
        .unwrap_or(0);
    let mut report = Report::new(rows);
    if !privileges.monitor && hidden > 0 {
        report.notes.push(format!(
            "{} (they are counted in used, not by state)",
            hidden_note(hidden, "session states")
        ));
    }
    Ok(report)
}
