//! `monitor activity`: the sessions doing something, except this one, with how long their
//! transaction and statement have run, what they wait for, who blocks them; sessions idle in a
//! transaction for longer than `--flag-after` flagged. Without `pg_monitor`, other roles'
//! sessions are counted as hidden rather than shown with empty cells.

use anyhow::Result;
use tokio_postgres::Client;

use super::{hidden_note, Privileges, Report};

const SQL: &str = include_str!("../../sql/monitor/activity.sql");

pub async fn collect(db: &Client, flag_after_secs: f64) -> Result<Report> {
    super::prepare(db).await?;
    let privileges = Privileges::read(db).await?;
    let mut rows = super::query(db, SQL, &[&flag_after_secs]).await?;
    let state = rows.columns.iter().position(|c| c == "state");
    let before = rows.rows.len();
    if let Some(i) = state {
        // A NULL state: a session of another role this one may not see.
        rows.rows.retain(|r| !r[i].is_null());
    }
    let hidden = before - rows.rows.len();
    let mut report = Report::new(rows);
    if hidden > 0 || !privileges.monitor {
        report.notes.push(hidden_note(hidden as i64, "session(s)"));
    }
    Ok(report)
}
