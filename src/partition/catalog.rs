//! Reading what exists: the partitions of a table with their bounds, estimated rows and sizes,
//! the rows sitting in its DEFAULT partition grouped by period, and the server's clock.
//!
//! Two queries per table whatever the number of partitions: one over the catalogs
//! (`sql/partition/catalog.sql`), one `GROUP BY` over the DEFAULT partition (its name is only
//! known after the first). Bounds are parsed from `pg_get_expr(relpartbound, oid)`, which prints
//! timestamps in the session's `DateStyle`: [`prepare_session`] sets it to ISO first.

use std::time::Duration;

use anyhow::{anyhow, Result};
use chrono::NaiveDateTime;
use tokio_postgres::Client;

use crate::error::hint;
use crate::partition::plan::{bound_extent, parse_bound, Bound, Partition, Period};
use crate::pg::{ident, PgExt};

const CATALOG_SQL: &str = include_str!("../../sql/partition/catalog.sql");

/// The schema promail manages partitioned tables in.
pub const SCHEMA: &str = "public";

/// `public."name"`.
pub fn qualified(name: &str) -> String {
    format!("{}.{}", ident(SCHEMA), ident(name))
}

/// Session settings every partition command relies on: ISO dates (bounds are parsed from
/// text) and a `lock_timeout` so that even reading the DEFAULT partition never queues behind
/// a long transaction for long.
pub async fn prepare_session(client: &Client, lock_timeout: Duration) -> Result<()> {
    let rows = client
        .simple_query(&format!(
            "SET DateStyle = ISO; SET IntervalStyle = postgres; SET lock_timeout = '{}ms'; \
             SELECT pg_backend_pid()",
            lock_timeout.as_millis().max(1)
        ))
        .await
        .pg()?;
    for row in rows {
        if let tokio_postgres::SimpleQueryMessage::Row(r) = row {
            if let Some(pid) = r.get(0).and_then(|p| p.parse().ok()) {
                own_sessions()
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(pid);
            }
        }
    }
    Ok(())
}

/// Backend pids of this process's sessions that work on partitions: a lock-timeout report
/// does not name them as the sessions in the way (they queue behind each other, which the
/// retries absorb).
pub fn own_sessions() -> &'static std::sync::Mutex<Vec<i32>> {
    static PIDS: std::sync::OnceLock<std::sync::Mutex<Vec<i32>>> = std::sync::OnceLock::new();
    PIDS.get_or_init(|| std::sync::Mutex::new(Vec::new()))
}

/// One child of a partitioned table.
#[derive(Debug, Clone)]
pub struct Child {
    /// Its schema: promail manages the children in [`SCHEMA`] and leaves the others alone.
    pub schema: String,
    pub name: String,
    pub bound: Bound,
    /// `pg_class.reltuples`; `None` when the table was never vacuumed or analysed.
    pub est_rows: Option<f64>,
    /// Live rows by the statistics system (`pg_stat_get_live_tuples`: counts inserts and
    /// deletes as they commit, even before any ANALYZE); 0 when unknown.
    pub live_rows: i64,
    /// `pg_total_relation_size`, when asked for.
    pub bytes: Option<i64>,
}

impl Child {
    /// In [`SCHEMA`], where promail makes, drops and fills partitions.
    pub fn managed(&self) -> bool {
        self.schema == SCHEMA
    }

    /// Its name as shown: schema-qualified outside [`SCHEMA`].
    pub fn shown(&self) -> String {
        if self.managed() {
            self.name.clone()
        } else {
            format!("{}.{}", self.schema, self.name)
        }
    }

    /// Its name in SQL, schema-qualified and quoted.
    pub fn sql_name(&self) -> String {
        format!("{}.{}", ident(&self.schema), ident(&self.name))
    }

    /// The best cheap estimate of the row count: the statistics system's live rows, else
    /// `reltuples` (known once the table was vacuumed or analysed); `None` when neither knows
    /// (then only `count(*)` can tell).
    pub fn estimate(&self) -> Option<i64> {
        if self.live_rows > 0 {
            return Some(self.live_rows);
        }
        self.est_rows.filter(|n| *n > 0.0).map(|n| n.round() as i64)
    }
}

/// What exists for one partitioned table.
#[derive(Debug, Clone)]
pub struct TableCatalog {
    pub table: String,
    /// `LOCALTIMESTAMP` of the server (the key columns are `timestamp without time zone`).
    pub server_now: NaiveDateTime,
    /// The parent's columns in order (for moving rows between tables with `INSERT … SELECT`).
    pub columns: Vec<String>,
    /// All children, by name.
    pub children: Vec<Child>,
    /// Rows in the DEFAULT partition by period start (empty when not asked for or none).
    pub default_rows: Vec<(NaiveDateTime, i64)>,
    /// Rows in the DEFAULT partition whose key is `infinity` or `-infinity`: no range
    /// partition can hold them (0 when not asked for).
    pub default_infinite: i64,
    /// The counts in `default_rows` are the planner's estimates (the periods themselves are
    /// exact): see [`Want::exact_default`].
    pub default_estimated: bool,
}

impl TableCatalog {
    /// The range partitions promail manages: plain timestamp bounds, in [`SCHEMA`].
    pub fn ranges(&self) -> Vec<Partition> {
        self.children
            .iter()
            .filter(|c| c.managed())
            .filter_map(|c| match c.bound {
                Bound::Range { from, to } => Some(Partition {
                    name: c.name.clone(),
                    from,
                    to,
                }),
                _ => None,
            })
            .collect()
    }

    /// The range partitions promail leaves alone but must not overlap: those in another schema,
    /// and those bounded by MINVALUE/MAXVALUE or ±infinity (see [`bound_extent`]), by their
    /// shown names.
    pub fn foreign(&self) -> Vec<Partition> {
        self.children
            .iter()
            .filter_map(|c| {
                let (from, to) = match &c.bound {
                    Bound::Range { from, to } if !c.managed() => (*from, *to),
                    Bound::Other(text) => bound_extent(text)?,
                    _ => return None,
                };
                Some(Partition {
                    name: c.shown(),
                    from,
                    to,
                })
            })
            .collect()
    }

    /// The DEFAULT partition, if any.
    pub fn default_partition(&self) -> Option<&Child> {
        self.children.iter().find(|c| c.bound == Bound::Default)
    }

    /// Children whose bound promail does not understand (BC dates, another type…), or does
    /// not manage ([`foreign`](Self::foreign)).
    pub fn odd(&self) -> impl Iterator<Item = &Child> {
        self.children.iter().filter(|c| match &c.bound {
            Bound::Other(_) => true,
            Bound::Range { .. } => !c.managed(),
            Bound::Default => false,
        })
    }
}

/// What to read besides the partitions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Want {
    /// The periods of the DEFAULT partition's rows, by this period, with their row counts:
    /// exact (one scan) while DEFAULT is small or has no index on the key column; else the
    /// periods are found by skipping along that index from one period to the next, and each
    /// period's rows are the planner's estimate, unless `exact_default`.
    pub default_rows: Option<Period>,
    /// Count the DEFAULT partition's rows exactly, however many (`--exact`).
    pub exact_default: bool,
    /// Sizes of every partition (opens each one).
    pub sizes: bool,
}

/// Reads the catalog of `table`, checking it is range-partitioned on `column`.
pub async fn read(client: &Client, table: &str, column: &str, want: Want) -> Result<TableCatalog> {
    let rows = client
        .query(CATALOG_SQL, &[&table, &want.sizes])
        .await
        .pg()
        .map_err(|e| e.context(format!("reading the partitions of {table}")))?;
    let Some(first) = rows.first() else {
        return Err(hint(
            anyhow!("table {SCHEMA}.{table} does not exist"),
            "create the schema with `promail db migrate`, or fix the table name in promail.partition_policy",
        ));
    };
    let relkind: String = first.get("relkind");
    let strategy: Option<String> = first.get("strategy");
    if relkind != "p" || strategy.as_deref() != Some("r") {
        return Err(hint(
            anyhow!("table {table} is not partitioned by range"),
            format!("promail manages tables declared PARTITION BY RANGE ({column})"),
        ));
    }
    let key_count: Option<i32> = first.get("key_count");
    let key: Option<String> = first.get("key_column");
    if key_count != Some(1) || key.as_deref() != Some(column) {
        return Err(hint(
            anyhow!(
                "table {table} is partitioned on {}, not on {column}",
                key.unwrap_or_else(|| "several columns".into())
            ),
            "fix control_column in promail.partition_policy",
        ));
    }
    let columns: Vec<String> = first
        .get::<_, Option<Vec<String>>>("columns")
        .unwrap_or_default();
    let server_now: NaiveDateTime = first.get("server_now");
    let mut children = Vec::new();
    for r in &rows {
        let Some(name) = r.get::<_, Option<String>>("partition") else {
            continue;
        };
        let bound = r
            .get::<_, Option<String>>("bound")
            .map_or(Bound::Other(String::new()), |b| parse_bound(&b));
        let est: Option<f64> = r.get("est_rows");
        children.push(Child {
            schema: r
                .get::<_, Option<String>>("partition_schema")
                .unwrap_or_default(),
            name,
            bound,
            est_rows: est.filter(|n| *n >= 0.0),
            live_rows: r.get::<_, Option<i64>>("live_rows").unwrap_or(0),
            bytes: r.get("bytes"),
        });
    }
    // Reading its rows (rotate, list) names it in SQL: only in the schema. cleanup does not
    // read them; it leaves DEFAULT to the function, wherever it is.
    if let Some(default) = children
        .iter()
        .find(|c| want.default_rows.is_some() && c.bound == Bound::Default && !c.managed())
    {
        return Err(hint(
            anyhow!(
                "the DEFAULT partition of {table}, {}, is outside schema {SCHEMA}",
                default.shown()
            ),
            format!(
                "promail moves rows out of a DEFAULT partition in {SCHEMA} only: \
                 ALTER TABLE {} SET SCHEMA {SCHEMA}",
                default.sql_name()
            ),
        ));
    }
    let mut cat = TableCatalog {
        table: table.to_string(),
        server_now,
        columns,
        children,
        default_rows: Vec::new(),
        default_infinite: 0,
        default_estimated: false,
    };
    if let (Some(period), Some(default)) = (want.default_rows, cat.default_partition()) {
        let name = default.name.clone();
        let skip = !want.exact_default && skipping_pays(client, &name, column).await?;
        (cat.default_rows, cat.default_infinite) = if skip {
            cat.default_estimated = true;
            default_rows_skipping(client, &name, column, period).await?
        } else {
            default_rows(client, &name, column, period).await?
        };
    }
    Ok(cat)
}

/// Below this size the DEFAULT partition is counted exactly: a scan of it costs less than a
/// few milliseconds.
const EXACT_DEFAULT_BYTES: i64 = 8 << 20;

/// Whether the DEFAULT partition is large enough that counting it row by row would cost more
/// than the command's other work, and has a plain btree index leading with the key column to
/// skip along (login_history's DEFAULT has the parent's `idx_login_history_time`).
async fn skipping_pays(client: &Client, default: &str, column: &str) -> Result<bool> {
    let row = client
        .query_one(
            "SELECT pg_relation_size(c.oid) >= $3::int8 AND EXISTS ( \
                 SELECT 1 FROM pg_index i \
                 JOIN pg_class ic ON ic.oid = i.indexrelid \
                 JOIN pg_am am ON am.oid = ic.relam \
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0] \
                 WHERE i.indrelid = c.oid AND am.amname = 'btree' AND i.indpred IS NULL \
                   AND i.indisvalid AND a.attname = $2::text) \
             FROM pg_class c WHERE c.oid = to_regclass($1::text)",
            &[&qualified(default), &column, &EXACT_DEFAULT_BYTES],
        )
        .await
        .pg()
        .map_err(|e| e.context(format!("reading the size and indexes of {default}")))?;
    Ok(row.get::<_, Option<bool>>(0).unwrap_or(false))
}

/// The periods of the DEFAULT partition's rows found on the key column's index, skipping from
/// one period to the next (a recursive "loose index scan": one index probe per period, whatever
/// the rows), each with the planner's estimate of its rows; and the exact count of rows at
/// ±infinity (two probes).
async fn default_rows_skipping(
    client: &Client,
    default: &str,
    column: &str,
    period: Period,
) -> Result<(Vec<(NaiveDateTime, i64)>, i64)> {
    let unit = match period {
        Period::Monthly => "month",
        Period::Weekly => "week",
    };
    let (col, tbl) = (ident(column), qualified(default));
    let finite = format!("{col} > '-infinity' AND {col} < 'infinity'");
    let sql = format!(
        "WITH RECURSIVE p(start) AS ( \
             SELECT date_trunc('{unit}', min({col})) FROM ONLY {tbl} WHERE {finite} \
             UNION ALL \
             SELECT (SELECT date_trunc('{unit}', min(t.{col})) FROM ONLY {tbl} t \
                     WHERE t.{col} >= p.start + interval '1 {unit}' AND t.{col} < 'infinity') \
             FROM p WHERE p.start IS NOT NULL) \
         SELECT start, NULL::int8 FROM p WHERE start IS NOT NULL \
         UNION ALL SELECT NULL, (SELECT count(*) FROM ONLY {tbl} \
                                  WHERE {col} IN ('infinity', '-infinity'))"
    );
    let rows = client
        .query(&sql, &[])
        .await
        .pg()
        .map_err(|e| e.context(format!("finding the periods of the rows in {default}")))?;
    let mut infinite = 0;
    let mut starts = Vec::new();
    for r in &rows {
        match r.get::<_, Option<NaiveDateTime>>(0) {
            Some(start) => starts.push(start),
            None => infinite = r.get::<_, Option<i64>>(1).unwrap_or(0),
        }
    }
    // One EXPLAIN per period, sent together (the planner's estimate from the statistics).
    let explains = starts.iter().map(|start| {
        let sql = format!(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM ONLY {tbl} \
             WHERE {col} >= '{from}' AND {col} < timestamp '{from}' + interval '1 {unit}'",
            from = start.format("%Y-%m-%d %H:%M:%S")
        );
        async move { client.query_one(&sql, &[]).await }
    });
    let plans = futures_util::future::try_join_all(explains)
        .await
        .pg()
        .map_err(|e| e.context(format!("estimating the rows of {default}")))?;
    let periods = starts
        .into_iter()
        .zip(plans)
        .map(|(start, plan)| {
            let v: serde_json::Value = plan.get(0);
            // A period found on the index holds at least one row.
            let n = v[0]["Plan"]["Plan Rows"].as_f64().unwrap_or(1.0).max(1.0);
            (start, n.round() as i64)
        })
        .collect();
    Ok((periods, infinite))
}

/// Rows of the DEFAULT partition grouped by period start (`date_trunc('week')` is the ISO
/// Monday, as the planner's weeks).
async fn default_rows(
    client: &Client,
    default: &str,
    column: &str,
    period: Period,
) -> Result<(Vec<(NaiveDateTime, i64)>, i64)> {
    let unit = match period {
        Period::Monthly => "month",
        Period::Weekly => "week",
    };
    // `timestamp` takes ±infinity, which no period holds: counted apart (NULL period).
    let sql = format!(
        "SELECT CASE WHEN isfinite({col}) THEN date_trunc('{unit}', {col}) END AS period, count(*) \
         FROM ONLY {tbl} GROUP BY 1 ORDER BY 1",
        col = ident(column),
        tbl = qualified(default)
    );
    let rows = client.query(&sql, &[]).await.pg().map_err(|e| {
        let denied = crate::pg::sqlstate(&e).as_deref() == Some("42501");
        let e = e.context(format!("counting the rows of {default}"));
        if denied {
            hint(
                e,
                format!("a monitoring role needs: GRANT SELECT ON {default} TO <role>"),
            )
        } else {
            e
        }
    })?;
    let mut periods = Vec::new();
    let mut infinite = 0;
    for r in &rows {
        match r.get::<_, Option<NaiveDateTime>>(0) {
            Some(start) => periods.push((start, r.get(1))),
            None => infinite = r.get(1),
        }
    }
    Ok((periods, infinite))
}
