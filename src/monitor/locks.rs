//! `monitor locks`: blocking chains, one row per waiting session with what it wants, who
//! blocks it and what the first blocker is doing.

use anyhow::Result;
use tokio_postgres::Client;

use super::{hidden_note, Privileges, Report};

const SQL: &str = include_str!("../../sql/monitor/locks.sql");

pub async fn collect(db: &Client) -> Result<Report> {
    super::prepare(db).await?;
    let privileges = Privileges::read(db).await?;
    let mut report = Report::new(super::query(db, SQL, &[]).await?);
    if !privileges.monitor {
        report
            .notes
            .push(hidden_note(0, "sessions' queries").replace("0 ", "the "));
    }
    Ok(report)
}
