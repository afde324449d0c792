//! `monitor replication`: on a primary, each standby streaming from it with its state and lag
//! in bytes and time; on a standby, how far it receives and replays behind. Says which the
//! server is.

use anyhow::Result;
use tokio_postgres::Client;

use super::{Privileges, Report};
use crate::pg::PgExt;

const PRIMARY: &str = include_str!("../../sql/monitor/replication_primary.sql");
const STANDBY: &str = include_str!("../../sql/monitor/replication_standby.sql");

/// Whether the server is a standby (in recovery).
pub async fn is_standby(db: &Client) -> Result<bool> {
    Ok(db
        .query_one("SELECT pg_catalog.pg_is_in_recovery()", &[])
        .await
        .pg()?
        .get(0))
}

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    let privileges = Privileges::read(db).await?;
    if is_standby(db).await? {
        let mut report = Report::new(super::query(db, STANDBY, &[]).await?);
        report
            .notes
            .push("this server is a standby (in recovery): lag behind its primary".to_string());
        return Ok(report);
    }
    let mut report = Report::new(super::query(db, PRIMARY, &[]).await?);
    report.notes.push(match report.rows.rows.len() {
        0 => "this server is a primary; no standby is streaming from it".to_string(),
        n => format!("this server is a primary; {n} standby(s) streaming from it"),
    });
    if !privileges.monitor && !report.rows.is_empty() {
        report.notes.push(
            "the standbys' state and lag are hidden: this role lacks pg_monitor (GRANT pg_monitor TO <role> shows them)"
                .to_string(),
        );
    }
    Ok(report)
}
