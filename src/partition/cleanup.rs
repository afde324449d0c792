//! `promail cleanup`: the seed's retention, `cleanup_old_logs()` (login_history 90 days,
//! email_analytics 30 days), made cheap.
//!
//! The function deletes row by row: on millions of rows that is seconds of work, hundreds of
//! megabytes of WAL, and a table that keeps its size until VACUUM. Every partition whose whole
//! range is older than the function's cutoff would be emptied by it anyway, so those are
//! dropped first (a catalog change, a few kilobytes of WAL); the function then only deletes in
//! the boundary partition (and any old rows in DEFAULT). The cutoff is the function's own,
//! `(CURRENT_TIMESTAMP - interval)::timestamp` on the server, and partitions are dropped
//! whatever their table's rotation policy says (detach or drop): the function would have
//! deleted their rows.
//!
//! Rows in dropped partitions are counted from the statistics system by default (exact counts
//! cost a scan of everything dropped, as long as the DELETE it replaces): reported with "≈".
//! `--exact` counts them.

use std::time::Duration;

use anyhow::{anyhow, Result};
use chrono::NaiveDateTime;
use tokio_postgres::error::SqlState;
use tokio_postgres::Client;

use crate::error::hint;
use crate::partition::catalog::{self, qualified, Want};
use crate::partition::exec::{self, Settings, Target};
use crate::partition::plan::{Action, Partition, Period, Policy, RetentionAction};
use crate::pg::{self, ident, PgExt};

/// One table's retention in `cleanup_old_logs()` (sql/migrations/0001_schema.sql).
#[derive(Debug, Clone, Copy)]
pub struct SeedRetention {
    pub table: &'static str,
    pub column: &'static str,
    pub interval: &'static str,
}

/// The retention `cleanup_old_logs()` applies, in its order.
pub const SEED: [SeedRetention; 2] = [
    SeedRetention {
        table: "login_history",
        column: "login_time",
        interval: "90 days",
    },
    SeedRetention {
        table: "email_analytics",
        column: "action_time",
        interval: "30 days",
    },
];

/// A partition wholly past the cutoff and its row count.
#[derive(Debug, Clone)]
pub struct Expired {
    pub partition: Partition,
    pub rows: i64,
    /// `rows` is a `count(*)`, not an estimate.
    pub exact: bool,
}

/// What cleanup does to one table.
#[derive(Debug, Clone)]
pub struct TablePlan {
    pub seed: SeedRetention,
    /// Rows older than this go.
    pub cutoff: NaiveDateTime,
    /// Partitions dropped before the function runs.
    pub expired: Vec<Expired>,
    /// Rows the function's DELETE will remove (counted for `--dry-run` only).
    pub to_delete: Option<i64>,
}

impl TablePlan {
    pub fn expired_rows(&self) -> i64 {
        self.expired.iter().map(|e| e.rows).sum()
    }

    pub fn exact(&self) -> bool {
        self.expired.iter().all(|e| e.exact)
    }
}

/// What cleanup did to one table.
#[derive(Debug, Clone)]
pub struct Removed {
    pub plan: TablePlan,
    /// Rows deleted by `cleanup_old_logs()` (or counted, with `--dry-run`).
    pub deleted: i64,
}

/// Checks that `cleanup_old_logs()` exists (the database is migrated).
pub async fn check_function(client: &Client) -> Result<()> {
    let found: bool = client
        .query_one(
            "SELECT to_regprocedure('public.cleanup_old_logs()') IS NOT NULL",
            &[],
        )
        .await
        .pg()?
        .get(0);
    if found {
        Ok(())
    } else {
        Err(hint(
            anyhow!("function cleanup_old_logs() does not exist: the database is not migrated"),
            "run `promail db migrate` first",
        ))
    }
}

/// Plans the cleanup: cutoffs, expired partitions and their rows; with `count_deletes`, also
/// counts the rows the function would delete (for `--dry-run`).
pub async fn plan(client: &Client, exact: bool, count_deletes: bool) -> Result<Vec<TablePlan>> {
    let mut plans = Vec::new();
    for seed in SEED {
        let cutoff: NaiveDateTime = client
            .query_one(
                "SELECT (CURRENT_TIMESTAMP - $1::text::interval)::timestamp",
                &[&seed.interval],
            )
            .await
            .pg()?
            .get(0);
        let cat = catalog::read(client, seed.table, seed.column, Want::default()).await?;
        let mut expired = Vec::new();
        let mut remaining = Vec::new();
        for child in &cat.children {
            let range = match child.bound {
                crate::partition::plan::Bound::Range { from, to } => Some((from, to)),
                _ => None,
            };
            match range {
                Some((from, to)) if to <= cutoff => {
                    let (rows, is_exact) = match (exact, child.estimate()) {
                        (false, Some(n)) => (n, false),
                        _ => (count(client, &child.name, None).await?, true),
                    };
                    expired.push(Expired {
                        partition: Partition {
                            name: child.name.clone(),
                            from,
                            to,
                        },
                        rows,
                        exact: is_exact,
                    });
                }
                Some((from, _)) if from >= cutoff => {}
                // The boundary partition, DEFAULT, and bounds promail does not read.
                _ => remaining.push(child.name.clone()),
            }
        }
        expired.sort_by_key(|e| e.partition.from);
        let to_delete = if count_deletes {
            let mut n = 0;
            for name in &remaining {
                n += count(client, name, Some((seed.column, cutoff))).await?;
            }
            Some(n)
        } else {
            None
        };
        plans.push(TablePlan {
            seed,
            cutoff,
            expired,
            to_delete,
        });
    }
    Ok(plans)
}

/// `count(*)` of one partition, optionally of its rows older than a cutoff.
async fn count(client: &Client, name: &str, older: Option<(&str, NaiveDateTime)>) -> Result<i64> {
    let row = match older {
        None => {
            client
                .query_one(
                    &format!("SELECT count(*) FROM ONLY {}", qualified(name)),
                    &[],
                )
                .await
        }
        Some((col, cutoff)) => {
            client
                .query_one(
                    &format!(
                        "SELECT count(*) FROM ONLY {} WHERE {} < $1",
                        qualified(name),
                        ident(col)
                    ),
                    &[&cutoff],
                )
                .await
        }
    };
    let n: i64 = row
        .pg()
        .map_err(|e| e.context(format!("counting the rows of {name}")))?
        .get(0);
    Ok(n)
}

/// Drops the expired partitions (each table's on its own session from `sessions`, at the same
/// time: different parents do not lock each other), then runs `cleanup_old_logs()` on the first.
pub async fn execute(
    sessions: &[&Client],
    plans: Vec<TablePlan>,
    settings: &Settings,
    on_drop: impl Fn(&str),
) -> Result<Vec<Removed>> {
    let on_drop = &on_drop;
    let drops = plans.iter().enumerate().map(|(i, plan)| async move {
        let client = sessions[i % sessions.len()];
        let policy = Policy {
            table: plan.seed.table.to_string(),
            column: plan.seed.column.to_string(),
            period: Period::Monthly, // not used to drop
            premake: 1,
            retention: None,
            action: RetentionAction::Drop,
        };
        let target = Target {
            policy: &policy,
            columns: &[],
            default: None,
            cutoff: Some(plan.cutoff),
            indexes: &[],
        };
        for e in &plan.expired {
            exec::apply(
                client,
                &target,
                &Action::Drop(e.partition.clone()),
                settings,
            )
            .await?;
            on_drop(&format!(
                "dropped {} ({}{} rows)",
                e.partition,
                if e.exact { "" } else { "≈" },
                e.rows,
            ));
        }
        anyhow::Ok(())
    });
    for r in futures_util::future::join_all(drops).await {
        r?;
    }
    let deleted = run_function(sessions[0], settings).await?;
    Ok(plans
        .into_iter()
        .map(|plan| {
            let n = deleted
                .iter()
                .find(|(t, _)| t == plan.seed.table)
                .map_or(0, |(_, n)| *n);
            Removed { plan, deleted: n }
        })
        .collect())
}

/// `SELECT * FROM cleanup_old_logs()` under the session's lock_timeout, retried like the
/// executor's actions.
async fn run_function(client: &Client, settings: &Settings) -> Result<Vec<(String, i64)>> {
    let mut attempt = 0;
    loop {
        match client
            .query(
                "SELECT table_name::text, deleted_rows::int8 FROM cleanup_old_logs()",
                &[],
            )
            .await
        {
            Ok(rows) => return Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect()),
            Err(e)
                if e.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) && attempt < settings.retries =>
            {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(250) * 2u32.pow(attempt.min(5))).await;
            }
            Err(e) => {
                return Err(pg::err(e).context(
                    "running cleanup_old_logs() (the expired partitions are already dropped; rerun to finish)",
                ))
            }
        }
    }
}
