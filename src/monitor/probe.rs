//! `monitor check`: reading the facts each check judges ([`super::check`]). A check whose
//! facts cannot be read is UNKNOWN with the reason; the others still run.

use std::path::Path;

use anyhow::Result;
use chrono::Utc;
use tokio_postgres::Client;

use super::check::{
    self, BackupFile, MigrationFacts, Outcome, Replication, TableHealth, Thresholds,
};
use super::Privileges;
use crate::migrate::{self, Migration, State};
use crate::partition::list;
use crate::pg::PgExt;

const CONNECTIONS: &str = include_str!("../../sql/monitor/connections.sql");
const OLDEST: &str = include_str!("../../sql/monitor/oldest_transaction.sql");
const PRIMARY: &str = include_str!("../../sql/monitor/replication_primary.sql");
const STANDBY: &str = include_str!("../../sql/monitor/replication_standby.sql");

/// Runs every check on one session; `backup_dir` adds the backup check.
pub async fn run(
    db: &Client,
    t: &Thresholds,
    known: &[Migration],
    backup_dir: Option<&Path>,
) -> Vec<Outcome> {
    let _ = super::prepare(db).await;
    let privileges = Privileges::read(db).await.ok();
    let monitor = privileges.is_none_or(|p| p.monitor);
    let mut out = vec![
        connections(db, t)
            .await
            .unwrap_or_else(|e| Outcome::unknown("connections", &e)),
        wraparound(db, t)
            .await
            .unwrap_or_else(|e| Outcome::unknown("wraparound", &e)),
        long_transaction(db, t, monitor)
            .await
            .unwrap_or_else(|e| Outcome::unknown("long_transaction", &e)),
        replication(db, t)
            .await
            .unwrap_or_else(|e| Outcome::unknown("replication", &e)),
    ];
    match partitions(db).await {
        Ok(tables) => {
            out.push(check::default_rows(&t.default_rows, &tables));
            out.push(check::partitions_ahead(&t.periods_ahead, &tables));
        }
        Err(e) => {
            out.push(Outcome::unknown("default_rows", &e));
            out.push(Outcome::unknown("partitions_ahead", &e));
        }
    }
    out.push(migrations(db, known).await.map_or_else(
        |e| Outcome::unknown("migrations", &e),
        |m| check::migrations(&m),
    ));
    // A database without the timetable (not migrated to 3) has no schedule to judge.
    match schedule(db).await {
        Ok(Some(jobs)) => out.push(check::schedule(&jobs, Utc::now())),
        Ok(None) => {}
        Err(e) => out.push(Outcome::unknown("schedule", &e)),
    }
    if let Some(dir) = backup_dir {
        out.push(backups(dir).map_or_else(
            |e| Outcome::unknown("backup_age", &e),
            |files| {
                check::backup_age(
                    &t.backup_age_hours,
                    &dir.display().to_string(),
                    &files,
                    Utc::now(),
                )
            },
        ));
    }
    out
}

/// The enabled jobs of the timetable with their periods and last successes; None when the
/// timetable does not exist.
async fn schedule(db: &Client) -> Result<Option<Vec<check::JobFacts>>> {
    use crate::schedule::{timetable, Expr};
    let exists: bool = db
        .query_one(
            "SELECT to_regclass('promail.schedule_job') IS NOT NULL",
            &[],
        )
        .await
        .pg()?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let jobs = timetable::load(db).await?;
    let zone = timetable::zone(db).await?;
    let now = Utc::now();
    Ok(Some(
        jobs.iter()
            .filter(|j| j.enabled)
            .filter_map(|j| {
                let expr = Expr::parse(&j.expr).ok()?;
                let period = timetable::period(&expr, &zone, now)?;
                Some(check::JobFacts {
                    job: j.name.clone(),
                    period_secs: period.num_seconds() as f64,
                    last_success: j.last_success,
                    since: j.updated_at,
                })
            })
            .collect(),
    ))
}

async fn connections(db: &Client, t: &Thresholds) -> Result<Outcome> {
    let r = db.query_one(CONNECTIONS, &[]).await.pg()?;
    Ok(check::connections(&t.connections_pct, r.get(0), r.get(1)))
}

async fn wraparound(db: &Client, t: &Thresholds) -> Result<Outcome> {
    let w = super::vacuum::wraparound(db).await?;
    Ok(check::wraparound(&t.wraparound_age, w.server_age))
}

async fn long_transaction(db: &Client, t: &Thresholds, monitor: bool) -> Result<Outcome> {
    let r = db.query_one(OLDEST, &[]).await.pg()?;
    let pid: Option<i32> = r.get(0);
    let secs: Option<f64> = r.get(1);
    Ok(check::long_transaction(
        &t.transaction_secs,
        pid.zip(secs),
        !monitor,
    ))
}

async fn replication(db: &Client, t: &Thresholds) -> Result<Outcome> {
    let facts = if super::replication::is_standby(db).await? {
        let r = db.query_one(STANDBY, &[]).await.pg()?;
        let status: Option<String> = r.get(0);
        Replication::Standby {
            streaming: status.as_deref() == Some("streaming"),
            lag_bytes: r.get::<_, Option<i64>>(4).unwrap_or(0),
        }
    } else {
        let rows = db.query(PRIMARY, &[]).await.pg()?;
        Replication::Primary(
            rows.iter()
                .map(|r| {
                    (
                        r.get::<_, Option<String>>(1).unwrap_or_default(),
                        r.get::<_, Option<i64>>(6),
                    )
                })
                .collect(),
        )
    };
    Ok(check::replication(&t.replication_lag_bytes, &facts))
}

async fn partitions(db: &Client) -> Result<Vec<TableHealth>> {
    let listings = list::collect(
        db,
        &[],
        None,
        std::time::Duration::from_millis(u64::from(super::LOCK_TIMEOUT_MS)),
        false,
    )
    .await?;
    Ok(listings
        .iter()
        .map(|l| TableHealth {
            table: l.stored.policy.table.clone(),
            default_rows: l.health.default_rows,
            ahead: i64::from(l.health.ahead),
            covers_now: l.health.covers_now,
        })
        .collect())
}

async fn migrations(db: &Client, known: &[Migration]) -> Result<MigrationFacts> {
    let applied = migrate::history::read(db).await?;
    let entries = migrate::compare(known, &applied);
    let of = |s: State| -> Vec<String> {
        entries
            .iter()
            .filter(|e| e.state == s)
            .map(migrate::Entry::label)
            .collect()
    };
    Ok(MigrationFacts {
        applied: of(State::Applied).len(),
        pending: of(State::Pending),
        changed: of(State::Changed),
        unknown: of(State::Unknown),
    })
}

/// The full backups of the folder (`promail backup`'s names), each marked good when its
/// checksum file and manifest are there and agree with it: the manifest's size is the file's, and
/// its SHA-256 the one the checksum file records. The archive is not read again (a check runs
/// every minute; `promail backup verify` reads it whole).
fn backups(dir: &Path) -> Result<Vec<BackupFile>> {
    Ok(crate::backup::scan(dir)?
        .into_iter()
        .filter(|b| b.kind == crate::backup::Kind::Full)
        .map(|b| BackupFile {
            has_checksum: looks_complete(&b),
            name: b.name,
        })
        .collect())
}

fn looks_complete(b: &crate::backup::Backup) -> bool {
    let Ok(manifest) =
        crate::backup::manifest::Manifest::read(&crate::backup::manifest_path(&b.path))
    else {
        return false;
    };
    let Ok(sums) = std::fs::read_to_string(crate::backup::sidecar(&b.path)) else {
        return false;
    };
    let first = sums.split_whitespace().next().unwrap_or("");
    let hex = first.len() == 64 && first.bytes().all(|c| c.is_ascii_hexdigit());
    if b.directory {
        return hex;
    }
    let size = std::fs::metadata(&b.path).map(|m| m.len()).ok();
    hex && size == Some(manifest.size_bytes)
        && manifest
            .sha256
            .as_deref()
            .is_some_and(|h| h.eq_ignore_ascii_case(first))
}
