//! Where the seed's log rows go: the retention windows of the partitioned log tables
//! (`login_history`, `email_analytics`) from their partition policies, and the partitions those
//! windows need, made in the seed's transaction before the COPY (with the partition executor's
//! own statements) so that no seeded row lands in DEFAULT and a failure takes them back too.

use anyhow::{Context, Result};
use chrono::NaiveDateTime;
use tokio_postgres::{Client, Transaction};

use crate::partition::catalog::{self, Want};
use crate::partition::exec::{self, Target};
use crate::partition::plan::{plan_range, Action, Policy, State};
use crate::partition::policy;
use crate::pg::PgExt;
use crate::server::Server;

use super::gen::LogFrom;

/// A partitioned log table the seed writes, and where its rows begin.
#[derive(Debug, Clone)]
pub struct LogTable {
    pub policy: Policy,
    /// The retention cutoff at the seed's base day (`None`: the table keeps everything).
    pub from: Option<NaiveDateTime>,
}

/// The managed log tables among the seven, with where their rows begin: a day after the later of
/// two cutoffs at `base` (midnight of the server's day), the partition policy's retention and
/// `cleanup_old_logs()`'s (`cleanup::SEED`, which counts from the current time, not from
/// midnight), so that neither a `partitions rotate` nor a `cleanup` later that day finds a
/// seeded row past retention. None when the database has no partition policies (not migrated
/// past 0001).
pub async fn tables(client: &Client, base: NaiveDateTime) -> Result<Vec<LogTable>> {
    let has_policies: bool = client
        .query_one(
            "SELECT to_regclass('promail.partition_policy') IS NOT NULL",
            &[],
        )
        .await
        .pg()
        .context("looking for the partition policies")?
        .get(0);
    if !has_policies {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for stored in policy::load(client).await? {
        let table = stored.policy.table.as_str();
        if !matches!(table, "login_history" | "email_analytics") {
            continue;
        }
        let rotate = policy::cutoff(client, table, base).await?;
        let cleanup = crate::partition::cleanup::SEED
            .iter()
            .find(|s| s.table == table)
            .map(|s| s.interval);
        let from: Option<NaiveDateTime> = client
            .query_one(
                "SELECT greatest($1::timestamp, $2::timestamp - $3::text::interval) + interval '1 day'",
                &[&rotate, &base, &cleanup],
            )
            .await
            .pg()
            .with_context(|| format!("computing where the seeded rows of {table} begin"))?
            .get(0);
        out.push(LogTable {
            policy: stored.policy,
            from,
        });
    }
    Ok(out)
}

/// The plan's log windows from the tables' cutoffs.
pub fn log_from(tables: &[LogTable]) -> LogFrom {
    let of = |name: &str| {
        tables
            .iter()
            .find(|t| t.policy.table == name)
            .and_then(|t| t.from)
    };
    LogFrom {
        logins: of("login_history"),
        analytics: of("email_analytics"),
    }
}

/// Makes the partitions of `[from, to)` that `table` lacks, in the seed's transaction (which
/// holds the table locked). Periods whose rows already sit in DEFAULT (an `--append` to a
/// database that has some) are left to `partitions rotate`: their count is returned.
pub async fn make_partitions(
    tx: &Transaction<'_>,
    server: &Server,
    table: &LogTable,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<(usize, usize)> {
    if from >= to {
        return Ok((0, 0));
    }
    let policy = &table.policy;
    // Runs on the transaction's session, so inside the transaction.
    let client = tx.client();
    tx.batch_execute("SET LOCAL DateStyle = ISO; SET LOCAL IntervalStyle = postgres")
        .await
        .pg()?;
    let want = Want {
        default_rows: Some(policy.period),
        ..Want::default()
    };
    let cat = catalog::read(client, &policy.table, &policy.column, want).await?;
    let indexes = exec::index_templates(client, &policy.table).await?;
    let (existing, foreign) = (cat.ranges(), cat.foreign());
    let state = State {
        existing: &existing,
        foreign: &foreign,
        default_rows: &cat.default_rows,
        cutoff: None,
    };
    let target = Target {
        policy,
        columns: &cat.columns,
        default: cat.default_partition().map(|c| c.name.as_str()),
        cutoff: None,
        indexes: &indexes,
        server,
    };
    let (mut made, mut left) = (0, 0);
    for action in plan_range(policy, &state, from, to)? {
        match action {
            Action::Create(p) => {
                tx.batch_execute(&exec::create_sql(&target, &p))
                    .await
                    .pg()
                    .with_context(|| {
                        format!("creating partition {} for the seeded rows", p.name)
                    })?;
                made += 1;
            }
            _ => left += 1,
        }
    }
    Ok((made, left))
}
