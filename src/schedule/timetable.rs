//! The timetable kept in `promail.schedule_job` (migration 0003): loading it with each job's
//! last run, its time zone (the server's `TimeZone`), and `schedule set` / `enable` / `disable`.

use std::str::FromStr;

use anyhow::{anyhow, Result};
use chrono::{DateTime, Utc};
use tokio_postgres::error::SqlState;
use tokio_postgres::Client;

use crate::error::{hint, usage};
use crate::pg;
use crate::schedule::Expr;

const JOBS_SQL: &str = include_str!("../../sql/schedule/jobs.sql");
const UPDATE_SQL: &str = include_str!("../../sql/schedule/update.sql");

/// One job of the timetable, with its last run.
#[derive(Debug, Clone)]
pub struct Job {
    pub name: String,
    pub expr: String,
    pub enabled: bool,
    /// promail's arguments: `["partitions", "rotate"]`.
    pub args: Vec<String>,
    /// When the row was last changed.
    pub updated_at: DateTime<Utc>,
    pub last: Option<LastRun>,
    pub last_success: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct LastRun {
    pub started: DateTime<Utc>,
    pub ended: Option<DateTime<Utc>>,
    pub outcome: String,
    pub summary: Option<String>,
}

/// The error for reading promail's schedule tables, with the fix when they are missing.
pub fn read_error(e: tokio_postgres::Error, what: &str) -> anyhow::Error {
    if e.code() == Some(&SqlState::UNDEFINED_TABLE) {
        hint(
            anyhow!("{what} does not exist: the database is not migrated (or not to version 3)"),
            "run `promail db migrate` first",
        )
    } else {
        pg::err(e).context(format!("reading {what}"))
    }
}

/// Loads the timetable, ordered by job.
pub async fn load(client: &Client) -> Result<Vec<Job>> {
    let rows = client
        .query(JOBS_SQL, &[])
        .await
        .map_err(|e| read_error(e, "promail.schedule_job"))?;
    Ok(rows
        .iter()
        .map(|r| Job {
            name: r.get("job"),
            expr: r.get("expr"),
            enabled: r.get("enabled"),
            args: r.get("args"),
            updated_at: r.get("updated_at"),
            last: r
                .get::<_, Option<DateTime<Utc>>>("last_started")
                .map(|started| LastRun {
                    started,
                    ended: r.get("last_ended"),
                    outcome: r.get("last_outcome"),
                    summary: r.get("last_summary"),
                }),
            last_success: r.get("last_success"),
        })
        .collect())
}

/// The error for a job not in the timetable (a usage error: exit 2), naming the jobs.
pub fn unknown_job(name: &str, all: &[Job]) -> anyhow::Error {
    let names: Vec<&str> = all.iter().map(|j| j.name.as_str()).collect();
    hint(
        usage(format!(
            "unknown job {name:?}: the timetable has {}",
            if names.is_empty() {
                "no jobs".to_string()
            } else {
                names.join(", ")
            }
        )),
        "see `promail schedule list`",
    )
}

/// Changes a job's expression (checked first) and/or its enabled flag.
pub async fn update(
    client: &Client,
    name: &str,
    expr: Option<&Expr>,
    enabled: Option<bool>,
) -> Result<Job> {
    let all = load(client).await?;
    if !all.iter().any(|j| j.name == name) {
        return Err(unknown_job(name, &all));
    }
    client
        .query_one(UPDATE_SQL, &[&name, &expr.map(Expr::text), &enabled])
        .await
        .map_err(|e| pg::err(e).context(format!("changing job {name}")))?;
    let all = load(client).await?;
    all.into_iter()
        .find(|j| j.name == name)
        .ok_or_else(|| anyhow!("job {name} vanished while being changed"))
}

/// The timetable's zone: the session's `TimeZone` (the server's, unless PGTZ says otherwise),
/// as an IANA zone. A zone chrono-tz does not know (a POSIX string) falls back to UTC, said in
/// `note`.
#[derive(Debug, Clone)]
pub struct Zone {
    pub name: String,
    pub tz: chrono_tz::Tz,
    pub note: Option<String>,
}

pub async fn zone(client: &Client) -> Result<Zone> {
    let name: String = client
        .query_one("SELECT current_setting('TimeZone')", &[])
        .await
        .map_err(|e| pg::err(e).context("reading the server's TimeZone"))?
        .get(0);
    Ok(zone_named(&name))
}

pub fn zone_named(name: &str) -> Zone {
    match chrono_tz::Tz::from_str(name) {
        Ok(tz) => Zone {
            name: name.to_string(),
            tz,
            note: None,
        },
        Err(_) => Zone {
            name: "UTC".into(),
            tz: chrono_tz::UTC,
            note: Some(format!(
                "the server's TimeZone {name:?} is not an IANA zone name: the timetable runs in UTC (set timezone = 'Europe/Paris' or the like in postgresql.conf)"
            )),
        },
    }
}

/// A job's period, roughly: the gap between its next two runs (for "has not succeeded for").
pub fn period(expr: &Expr, zone: &Zone, now: DateTime<Utc>) -> Option<chrono::Duration> {
    let runs = expr.upcoming(&zone.tz, now, 2);
    match runs.as_slice() {
        [a, b] => Some(*b - *a),
        _ => None,
    }
}
