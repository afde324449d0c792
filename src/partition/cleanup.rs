//! `promail cleanup`: the seed's retention, `cleanup_old_logs()` (login_history 90 days,
//! email_analytics 30 days), made cheap.
//!
//! The function deletes row by row: on millions of rows that is seconds of work, hundreds of
//! megabytes of WAL, and a table that keeps its size until VACUUM. Every partition whose whole
//! range is older than the function's cutoff would be emptied by it anyway, so those are
//! dropped first (a catalog change, a few kilobytes of WAL), all of a table's in one
//! transaction. The expired rows of the boundary partition (the one holding the cutoff) are
//! then deleted by promail, on another session while the drops' commits remove their files,
//! with the cutoff as a parameter (the function's `CURRENT_TIMESTAMP - interval` is computed
//! again for every row). The function runs last, in the same transaction, and deletes what is
//! left: old rows in DEFAULT, rows that crossed the cutoff meanwhile; it passes over the rows
//! its own transaction deleted without setting hint bits or pruning. The cutoff is the
//! function's own, `(CURRENT_TIMESTAMP - interval)::timestamp` on the server, and partitions
//! are dropped whatever their table's rotation policy says (detach or drop): the function
//! would have deleted their rows.
//!
//! Measured and not used: deleting the boundary partition's rows on several sessions, by block
//! ranges (no faster: the WAL is the bottleneck), and replacing the boundary partition by a
//! copy of its young rows (slower at a sixth of the rows kept, and not MVCC-safe).
//!
//! Like partition maintenance, every transaction commits with the server's
//! `synchronous_commit`, and a commit that the synchronous standbys do not confirm within
//! `--sync-wait` fails the command, saying it committed locally only (`exec::commit`).
//!
//! Rows in dropped partitions are counted from the statistics system by default (exact counts
//! cost a scan of everything dropped, as long as the DELETE it replaces): reported with "≈".
//! `--exact` counts them.

use anyhow::{anyhow, Result};
use chrono::NaiveDateTime;
use tokio_postgres::types::Type;
use tokio_postgres::Client;

use crate::error::hint;
use crate::partition::catalog::{self, qualified, Want};
use crate::partition::exec::{self, Settings, Target};
use crate::partition::plan::{Partition, Period, Policy, RetentionAction};
use crate::pg::{ident, PgExt};

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
    /// Range partitions holding the cutoff: their older rows are deleted by promail, in the
    /// function's transaction, just before it runs.
    pub boundary: Vec<String>,
    /// Rows the function's DELETE will remove (for `--dry-run` only): the planner's estimate
    /// unless `--exact`.
    pub to_delete: Option<i64>,
    /// `to_delete` was counted, not estimated.
    pub to_delete_exact: bool,
}

impl TablePlan {
    pub fn expired_rows(&self) -> i64 {
        self.expired.iter().map(|e| e.rows).sum()
    }

    pub fn exact(&self) -> bool {
        self.expired.iter().all(|e| e.exact) && self.to_delete_exact
    }
}

/// What cleanup did to one table.
#[derive(Debug, Clone)]
pub struct Removed {
    pub plan: TablePlan,
    /// Rows deleted row by row: promail's delete in the boundary partitions plus what
    /// `cleanup_old_logs()` deleted (or counted, with `--dry-run`).
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
/// counts the rows the function would delete (for `--dry-run`). The tables' queries go out
/// together, pipelined on the one session (the plan is on the cleanup's critical path).
pub async fn plan(client: &Client, exact: bool, count_deletes: bool) -> Result<Vec<TablePlan>> {
    futures_util::future::try_join_all(
        SEED.iter()
            .map(|seed| plan_table(client, *seed, exact, count_deletes)),
    )
    .await
}

async fn plan_table(
    client: &Client,
    seed: SeedRetention,
    exact: bool,
    count_deletes: bool,
) -> Result<TablePlan> {
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
    let mut boundary = Vec::new();
    for child in &cat.children {
        let range = match child.bound {
            crate::partition::plan::Bound::Range { from, to } if child.managed() => {
                Some((from, to))
            }
            _ => None,
        };
        match range {
            Some((from, to)) if to <= cutoff => {
                // Counted below, in one query, when there is no estimate.
                let (rows, is_exact) = match (exact, child.estimate()) {
                    (false, Some(n)) => (n, false),
                    _ => (0, true),
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
            Some(_) => {
                boundary.push(child.name.clone());
                remaining.push(child.sql_name());
            }
            // DEFAULT, bounds promail does not read, partitions outside its schema: left to
            // the function.
            _ => remaining.push(child.sql_name()),
        }
    }
    expired.sort_by_key(|e| e.partition.from);
    let to_count: Vec<String> = expired
        .iter()
        .filter(|e| e.exact)
        .map(|e| e.partition.name.clone())
        .collect();
    let counts = count_all(client, &to_count).await?;
    for (e, n) in expired.iter_mut().filter(|e| e.exact).zip(counts) {
        e.rows = n;
    }
    // The straddling partitions and DEFAULT hold the rows the function deletes: counting them
    // reads them all (millions at scale) for a preview, so the planner estimates them unless
    // asked.
    let to_delete = if count_deletes {
        let mut n = 0;
        for name in &remaining {
            n += if exact {
                count_older(client, name, seed.column, cutoff).await?
            } else {
                estimate_older(client, name, seed.column, cutoff).await?
            };
        }
        Some(n)
    } else {
        None
    };
    Ok(TablePlan {
        seed,
        cutoff,
        expired,
        boundary,
        to_delete,
        to_delete_exact: exact || !count_deletes,
    })
}

/// `count(*)` of each of `names`, a hundred tables per query (a round trip per partition adds
/// up over a year of weekly partitions). A table whose heap has no block holds no row, not
/// even an uncommitted one: those (premade partitions never written to, typically) are not
/// scanned, nor planned, which is most of the cost of counting an empty table.
async fn count_all(client: &Client, names: &[String]) -> Result<Vec<i64>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let qualified_names: Vec<String> = names.iter().map(|n| qualified(n)).collect();
    let sizes: Vec<i64> = client
        .query_one(
            "SELECT array_agg(pg_relation_size(t::regclass) ORDER BY i) \
             FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i)",
            &[&qualified_names],
        )
        .await
        .pg()
        .map_err(|e| e.context("reading the sizes of the partitions to drop"))?
        .get(0);
    let non_empty: Vec<String> = names
        .iter()
        .zip(&sizes)
        .filter(|(_, size)| **size > 0)
        .map(|(n, _)| n.clone())
        .collect();
    let mut counted = count_non_empty(client, &non_empty).await?.into_iter();
    Ok(sizes
        .iter()
        .map(|size| {
            if *size > 0 {
                counted.next().unwrap_or(0)
            } else {
                0
            }
        })
        .collect())
}

async fn count_non_empty(client: &Client, names: &[String]) -> Result<Vec<i64>> {
    let mut counts = Vec::with_capacity(names.len());
    for chunk in names.chunks(100) {
        let sql = format!(
            "SELECT {}",
            chunk
                .iter()
                .map(|n| format!("(SELECT count(*) FROM ONLY {})", qualified(n)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let row = client.query_one(&sql, &[]).await.pg().map_err(|e| {
            e.context(format!(
                "counting the rows of {} … {}",
                chunk[0],
                chunk[chunk.len() - 1]
            ))
        })?;
        counts.extend((0..chunk.len()).map(|i| row.get::<_, i64>(i)));
    }
    Ok(counts)
}

/// The rows of one partition (its SQL name) older than a cutoff (what the function's DELETE
/// would take).
async fn count_older(client: &Client, name: &str, col: &str, cutoff: NaiveDateTime) -> Result<i64> {
    let sql = format!("SELECT count(*) FROM ONLY {name} WHERE {} < $1", ident(col));
    let n: i64 = client
        .query_one(&sql, &[&cutoff])
        .await
        .pg()
        .map_err(|e| e.context(format!("counting the rows of {name}")))?
        .get(0);
    Ok(n)
}

/// The planner's estimate of [`count_older`]: 0 for a table that has never been written to (no
/// block), else what `EXPLAIN` says (at least 1, as the planner never says 0).
async fn estimate_older(
    client: &Client,
    name: &str,
    col: &str,
    cutoff: NaiveDateTime,
) -> Result<i64> {
    let sql = format!(
        "SELECT pg_relation_size('{name}'::regclass) = 0",
        name = name.replace('\'', "''")
    );
    let empty: bool = client.query_one(&sql, &[]).await.pg()?.get(0);
    if empty {
        return Ok(0);
    }
    let sql = format!(
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM ONLY {name} WHERE {} < '{}'",
        ident(col),
        cutoff.format("%Y-%m-%d %H:%M:%S%.f")
    );
    let plan: serde_json::Value = client
        .query_one(&sql, &[])
        .await
        .pg()
        .map_err(|e| e.context(format!("estimating the rows of {name}")))?
        .get(0);
    Ok(plan[0]["Plan"]["Plan Rows"]
        .as_f64()
        .map_or(0, |n| n.round() as i64))
}

/// Whether the deleting transaction may compress its full-page images with lz4: the server
/// was built with it, `wal_compression` is off (a DBA's choice of another method stands) and the
/// role is a superuser (it is a superuser setting unless granted). The boundary delete touches
/// every page of its partition for the first time since the last checkpoint, so most of its WAL
/// is full-page images: lz4 halves it (64.5 → 29 MB for 357 k rows), which also spares the
/// backend half of its WAL writes and segment fsyncs, for less CPU than it saves (measured in
/// docs/benchmarks/partitions.md). Replicas and archives get half the WAL too. Asked on a session
/// that is idle meanwhile (`pg_settings` builds every setting's row: 2 ms), so that the
/// transaction only says `SET LOCAL`, which cannot fail and log an error on the server. False
/// when the question itself fails: the cleanup does not depend on it.
pub async fn can_compress_wal(client: &Client) -> bool {
    client
        .query_one(
            "SELECT coalesce(bool_and(setting = 'off' AND 'lz4' = ANY (enumvals) \
               AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)), false) \
             FROM pg_settings WHERE name = 'wal_compression'",
            &[],
        )
        .await
        .is_ok_and(|row| row.get::<_, bool>(0))
}

/// How far a table's drops are, for the session that deletes the boundary rows meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drops {
    Running,
    /// Every DROP has succeeded; the COMMIT is on its way. The server releases the parent's
    /// lock once the commit record is flushed, and only then removes the files, which takes
    /// far longer (about 150 ms for 9 months of 56 MB heaps here): the function may run
    /// meanwhile, its DELETE waiting the few milliseconds until the lock is released.
    Committing,
    Committed,
    Failed,
}

/// Runs the cleanup on `sessions` (at least one; three let the steps overlap):
/// 1. each table's expired partitions are dropped in one transaction, the tables' on different
///    sessions at the same time when there are enough (different parents do not lock each
///    other);
/// 2. on the last session, in one transaction, meanwhile: the rows older than the cutoff in
///    each boundary partition are deleted (a DELETE on a partition locks neither its parent nor
///    the other partitions: it waits for no drop, and no drop waits for it); then, once every
///    drop is committing, `cleanup_old_logs()`, which deletes what is left: rows in DEFAULT,
///    rows that have crossed the cutoff meanwhile, partitions whose bounds promail does not
///    read. Its DELETEs lock the parents, so they start once the drops' commits have released
///    them, while those commits are still removing the dropped files.
///
/// A drop whose COMMIT itself fails (its connection lost, say) is rolled back by the server.
/// The function then either deletes those rows itself, row by row (it was already waiting for
/// the lock), or does not run at all; either way the command fails with the drop's error and a
/// rerun finishes the work.
///
/// The drops and the last step commit on their own: interrupted, a rerun finishes the work, and
/// no row younger than the cutoff is ever touched. A session runs one transaction at a time.
pub async fn execute(
    sessions: &[&Client],
    server: &crate::server::Server,
    plans: Vec<TablePlan>,
    compress_wal: bool,
    settings: &Settings,
    on_step: impl Fn(&str),
) -> Result<Vec<Removed>> {
    use tokio::sync::watch;

    let on_step = &on_step;
    let policies: Vec<Policy> = plans
        .iter()
        .map(|plan| Policy {
            table: plan.seed.table.to_string(),
            column: plan.seed.column.to_string(),
            period: Period::Monthly, // not used here
            premake: 1,
            retention: None,
            action: RetentionAction::Drop,
        })
        .collect();
    let targets: Vec<Target> = plans
        .iter()
        .zip(&policies)
        .map(|(plan, policy)| Target {
            policy,
            columns: &[],
            default: None,
            cutoff: Some(plan.cutoff),
            indexes: &[],
            server,
        })
        .collect();
    // Per table, how far its drops are.
    let (go, ready): (Vec<_>, Vec<_>) =
        plans.iter().map(|_| watch::channel(Drops::Running)).unzip();
    let (drop_sessions, delete_session) = match sessions {
        [] => return Err(anyhow!("cleanup needs a session")),
        [one] => (sessions, *one),
        [first @ .., last] => (first, *last),
    };

    // Each drop session takes its share of the tables, one after the other.
    let drops = drop_sessions.iter().enumerate().map(|(k, client)| {
        let (plans, targets, go) = (&plans, &targets, &go);
        async move {
            for (i, plan) in plans.iter().enumerate() {
                if i % drop_sessions.len() != k {
                    continue;
                }
                let partitions: Vec<Partition> =
                    plan.expired.iter().map(|e| e.partition.clone()).collect();
                let done = exec::retire_all(client, &targets[i], &partitions, settings, || {
                    go[i].send_replace(Drops::Committing);
                })
                .await;
                if done.is_err() {
                    // This session's later tables will not be dropped either: the delete session
                    // may already be waiting on them (it went past this table at Committing).
                    for (j, go) in go.iter().enumerate().skip(i) {
                        if j % drop_sessions.len() == k {
                            go.send_replace(Drops::Failed);
                        }
                    }
                } else {
                    go[i].send_replace(Drops::Committed);
                }
                done?;
                for e in &plan.expired {
                    on_step(&format!(
                        "dropped {} ({}{} rows)",
                        e.partition,
                        if e.exact { "" } else { "≈" },
                        e.rows,
                    ));
                }
            }
            anyhow::Ok(())
        }
    });
    // The last step, in one transaction: the boundary partitions' old rows, table after table,
    // while the drops run and commit (a commit that drops tables removes their files, which
    // takes about as long as the delete); then, once every drop is committing, the function,
    // which skips the rows this transaction deleted without looking twice at them (no hint
    // bits to set, no pages to prune). The transaction waits for the drops while open: an
    // `idle_in_transaction_session_timeout` of the server must not end it meanwhile. A lock
    // timeout anywhere in it rolls it all back and runs it again, boundary deletes included.
    let names: Vec<&str> = plans
        .iter()
        .flat_map(|p| p.boundary.iter().map(String::as_str))
        .collect();
    let what = if names.is_empty() {
        "running cleanup_old_logs()".to_string()
    } else {
        format!(
            "deleting the rows older than the cutoff from {} and running cleanup_old_logs()",
            names.join(", ")
        )
    };
    let tables: Vec<&str> = plans.iter().map(|p| p.seed.table).collect();
    let finish = || {
        let (plans, mut ready) = (&plans, ready.clone());
        async move {
            let mut ours = Vec::new();
            if compress_wal {
                delete_session
                    .batch_execute("SET LOCAL wal_compression = lz4")
                    .await?;
            }
            for (i, plan) in plans.iter().enumerate() {
                if !plan.boundary.is_empty() && server.partition_access_locks_parent() {
                    // PostgreSQL 13 locks the parent (ACCESS SHARE, to the end of the
                    // transaction) when a partition is read or written directly: this delete
                    // would hold the parent against the drops' ACCESS EXCLUSIVE while this
                    // transaction waits for them. Here the delete waits for its table's drops.
                    let _ = ready[i].wait_for(|d| *d != Drops::Running).await;
                }
                if *ready[i].borrow() == Drops::Failed {
                    // That table's drops have failed already (they seldom fail this early):
                    // the command fails, nothing more is deleted. When they fail later, the
                    // boundary rows deleted meanwhile are committed all the same: they are
                    // past the cutoff, which the function would delete too.
                    return Ok(None);
                }
                for name in &plan.boundary {
                    let sql = format!(
                        "DELETE FROM ONLY {} WHERE {} < $1",
                        qualified(name),
                        ident(plan.seed.column)
                    );
                    // One round trip (no separate Parse): the delete is on the critical path.
                    let n = delete_session
                        .execute_typed(&sql, &[(&plan.cutoff, Type::TIMESTAMP)])
                        .await?;
                    ours.push((i, name.clone(), n));
                }
            }
            for ready in &mut ready {
                // The senders live as long as this future: the wait ends with a value.
                let _ = ready.wait_for(|d| *d != Drops::Running).await;
                if *ready.borrow() == Drops::Failed {
                    return Ok(None);
                }
            }
            let rows = delete_session
                .query_typed(
                    "SELECT table_name::text, deleted_rows::int8 FROM cleanup_old_logs()",
                    &[],
                )
                .await?;
            let by_function: Vec<(String, i64)> =
                rows.iter().map(|r| (r.get(0), r.get(1))).collect();
            Ok(Some((ours, by_function)))
        }
    };
    let last = exec::in_transaction(delete_session, settings, &tables, &what, finish);
    let (drops, last) = if sessions.len() > 1 {
        futures_util::future::join(futures_util::future::join_all(drops), last).await
    } else {
        // One session: the last step must not run inside the drops' transactions, nor at all
        // when they failed.
        let drops = futures_util::future::join_all(drops).await;
        for r in drops {
            r?;
        }
        (Vec::new(), last.await)
    };
    for r in drops {
        r?;
    }
    let Some((ours, by_function)) = last? else {
        return Err(anyhow!(
            "cleanup stopped: a table's partitions could not be dropped"
        ));
    };
    for (_, name, n) in &ours {
        on_step(&format!(
            "deleted {n} rows older than the cutoff from {name}"
        ));
    }
    Ok(plans
        .into_iter()
        .enumerate()
        .map(|(i, plan)| {
            let mine: u64 = ours
                .iter()
                .filter(|(t, _, _)| *t == i)
                .map(|(_, _, n)| n)
                .sum();
            let n = by_function
                .iter()
                .find(|(t, _)| t == plan.seed.table)
                .map_or(0, |(_, n)| *n);
            Removed {
                plan,
                deleted: i64::try_from(mine).unwrap_or(i64::MAX) + n,
            }
        })
        .collect())
}
