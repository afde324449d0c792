//! `db seed`: fills the ProMail tables with synthetic data. The rows come from the pure
//! generator in [`gen`]; this module checks the database, then writes everything with binary
//! COPY in one transaction (a failure or Ctrl-C leaves the database as it was).

pub mod gen;
pub mod logs;
pub mod scale;
pub mod words;

use std::error::Error;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use bytes::BytesMut;
use chrono::NaiveDateTime;
use indicatif::ProgressBar;
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use tokio_postgres::{Client, GenericClient, Transaction};

use crate::error::hint;
use crate::pg::PgExt;
use crate::server::Server;
use gen::{Counts, FirstIds, Plan, Sizes};

/// The seven application tables, in the order they are filled (parents first).
pub const TABLES: [&str; 7] = [
    "users",
    "user_preferences",
    "emails",
    "templates",
    "api_keys",
    "login_history",
    "email_analytics",
];

/// What to do with a database that already has rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Refuse unless the seven tables are empty.
    EmptyOnly,
    /// Add users (and their data) after the existing ones.
    Append,
    /// Empty the seven tables first (in the same transaction).
    Truncate,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub sizes: Sizes,
    pub seed: u64,
    pub mode: Mode,
    /// `lock_timeout` for the table locks: never queue for long behind the application.
    pub lock_timeout: Duration,
    /// Longest wait of the commit for the synchronous standbys ([`crate::pg::commit_within`]).
    pub sync_wait: Duration,
    /// Approximate bytes to add (`--size`): sets `sizes.users` from the averages.
    pub size: Option<f64>,
    /// Approximate login_history rows in all (`--log-rows`): sets `sizes.logins_per_user`.
    pub log_rows: Option<u64>,
}

/// The progress bars of the two phases (hidden ones for none): rows loaded, then indexes and
/// foreign keys built.
#[derive(Debug, Clone)]
pub struct Bars {
    pub load: ProgressBar,
    pub index: ProgressBar,
}

impl Bars {
    pub fn hidden() -> Bars {
        Bars {
            load: ProgressBar::hidden(),
            index: ProgressBar::hidden(),
        }
    }
}

/// What a finished seed did.
#[derive(Debug, Clone)]
pub struct Summary {
    pub counts: Counts,
    /// Time spent per step (each table's COPY, then `analyze`), for `-v`.
    pub steps: Vec<(&'static str, Duration)>,
    pub elapsed: Duration,
    pub seed: u64,
    pub first_user_id: i32,
    /// Partitions made for the seeded log rows.
    pub partitions_made: usize,
    /// Periods whose rows went to DEFAULT, as some of theirs already sat there (`--append`).
    pub periods_in_default: usize,
}

impl Summary {
    pub fn rows_per_second(&self) -> f64 {
        self.counts.total() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The closing line: rows per table, total, time and rate.
    pub fn line(&self, database: &str) -> String {
        let tables: Vec<String> = self
            .counts
            .by_table()
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        format!(
            "seeded database \"{database}\" (seed {}): {}; {} rows in {:.2} s ({:.0} rows/s)",
            self.seed,
            tables.join(", "),
            self.counts.total(),
            self.elapsed.as_secs_f64(),
            self.rows_per_second()
        )
    }
}

/// Fails with a hint to migrate when any of the seven tables is missing.
pub async fn check_schema(db: &Client, database: &str) -> Result<()> {
    let missing: Vec<String> = db
        .query(
            "SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n) \
             WHERE to_regclass(t) IS NULL ORDER BY n",
            &[&TABLES.as_slice()],
        )
        .await
        .pg()
        .context("looking for the ProMail tables")?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let what = if missing.len() == TABLES.len() {
        "has no ProMail schema (no table users)".to_string()
    } else {
        format!("is not fully migrated: missing {}", missing.join(", "))
    };
    Err(hint(
        anyhow::anyhow!("database \"{database}\" {what}"),
        "create the schema first with `promail db migrate`",
    ))
}

/// Rows already there: users counted, the other tables only tested for emptiness.
#[derive(Debug, Clone, Copy)]
pub struct Existing {
    pub users: i64,
    pub other_rows: bool,
}

impl Existing {
    pub fn is_empty(&self) -> bool {
        self.users == 0 && !self.other_rows
    }
}

pub async fn existing(db: &impl GenericClient) -> Result<Existing> {
    let others: Vec<String> = TABLES[1..]
        .iter()
        .map(|t| format!("EXISTS (SELECT 1 FROM {})", crate::pg::ident(t)))
        .collect();
    let row = db
        .query_one(
            &format!(
                "SELECT (SELECT count(*) FROM users), {}",
                others.join(" OR ")
            ),
            &[],
        )
        .await
        .pg()
        .context("counting existing rows")?;
    Ok(Existing {
        users: row.get(0),
        other_rows: row.get(1),
    })
}

/// The error for a database that has data and neither `--append` nor `--truncate`.
pub fn not_empty(database: &str, existing: Existing) -> anyhow::Error {
    hint(
        anyhow::anyhow!(
            "database \"{database}\" already has data ({} users); refusing to seed into it",
            existing.users
        ),
        "add more users with --append, or empty the seven tables first with --truncate (asks; --yes in scripts)",
    )
}

/// Seeds in one transaction. `bars.load` receives the row count as its length and advances
/// as rows are written, `bars.index` the same for the indexes and foreign keys built after
/// (hidden bars for none). A large run is announced on `out` with its estimate.
pub async fn run(
    client: &mut Client,
    server: &Server,
    database: &str,
    opts: &Options,
    bars: &Bars,
    out: &crate::output::Output,
) -> Result<Summary> {
    let started = Instant::now();
    let base: NaiveDateTime = client
        .query_one("SELECT date_trunc('day', LOCALTIMESTAMP)::timestamp", &[])
        .await
        .pg()?
        .get(0);
    let log_tables = logs::tables(client, base).await?;
    let logs_from = logs::log_from(&log_tables);
    let span = base
        .checked_sub_months(chrono::Months::new(opts.sizes.months))
        .map_or(0.0, |start| (base - start).num_days() as f64);
    let share = logs_from.analytics.map_or(1.0, |from| {
        gen::analytics_share(span, (base - from).num_days() as f64)
    });
    let (sizes, bytes) = scale::scale(opts.sizes, opts.size, opts.log_rows, share)?;
    if opts.size.is_some() || opts.log_rows.is_some() {
        out.verbose(format!(
            "{} users, {:.1} logins per user: about {}",
            sizes.users,
            sizes.logins_per_user,
            crate::size::pretty(bytes)
        ));
    }
    if bytes >= scale::ANNOUNCE_BYTES {
        out.info(scale::announce(&sizes, share, bytes));
    }
    let progress = &bars.load;
    let tx = client
        .transaction()
        .await
        .pg()
        .context("starting the transaction")?;
    tx.batch_execute(&format!(
        "SET LOCAL lock_timeout = '{}'; SET LOCAL statement_timeout = 0",
        crate::duration::pg_setting(opts.lock_timeout)
    ))
    .await
    .pg()?;
    let all_tables = TABLES.join(", ");
    let locking = match opts.mode {
        // Without CASCADE: a table outside the seven that references them makes it fail
        // rather than silently emptying it too.
        Mode::Truncate => format!("TRUNCATE {all_tables} RESTART IDENTITY"),
        // EXCLUSIVE: readers go on, writers wait until commit, so the ids we take from the
        // current maximum stay free.
        Mode::EmptyOnly | Mode::Append => format!("LOCK TABLE {all_tables} IN EXCLUSIVE MODE"),
    };
    tx.batch_execute(&locking)
        .await
        .pg()
        .with_context(|| format!("locking the tables of database \"{database}\""))
        .map_err(|e| {
            if crate::pg::sqlstate(&e).as_deref() == Some("55P03") {
                hint(
                    e,
                    "another session holds a lock on these tables; retry when it is done, or raise --lock-timeout",
                )
            } else {
                e
            }
        })?;
    if opts.mode == Mode::EmptyOnly {
        let found = existing(&tx).await?;
        if !found.is_empty() {
            return Err(not_empty(database, found));
        }
    }
    let ids = first_ids(&tx).await?;
    let plan = Plan::with_logs_from(opts.seed, base, sizes, ids, logs_from);
    check_id_range(&plan)?;
    progress.set_length(plan.counts.total());

    // An empty database (the tables were checked or emptied under their locks): load first,
    // index after. Appending keeps the indexes live (rebuilding them would cost more).
    let deferred = if opts.mode == Mode::Append {
        Vec::new()
    } else {
        defer_indexes(&tx).await?
    };
    // The partitions the log rows need, so that none lands in DEFAULT. A sent e-mail's last
    // event may be at `base` itself: one second past it.
    let (mut partitions_made, mut periods_in_default) = (0, 0);
    for t in &log_tables {
        let (from, rows) = match t.policy.table.as_str() {
            "login_history" => (plan.logins_from, plan.counts.login_history),
            _ => (plan.analytics_from, plan.counts.email_analytics),
        };
        if rows > 0 {
            let to = base + chrono::Duration::seconds(1);
            let (made, left) = logs::make_partitions(&tx, server, t, from, to).await?;
            partitions_made += made;
            periods_in_default += left;
        }
    }
    let mut steps = copy_all(&tx, &plan, progress).await?;
    progress.finish_with_message("loaded");
    if !deferred.is_empty() {
        let started = Instant::now();
        rebuild(&tx, &deferred, &bars.index).await?;
        steps.push(("indexes and foreign keys", started.elapsed()));
    }

    for (table, rows) in plan.counts.by_table() {
        if rows == 0 {
            continue;
        }
        let first = match table {
            "users" => i64::from(ids.users),
            "user_preferences" => i64::from(ids.user_preferences),
            "emails" => i64::from(ids.emails),
            "templates" => i64::from(ids.templates),
            "api_keys" => i64::from(ids.api_keys),
            "login_history" => ids.login_history,
            _ => ids.email_analytics,
        };
        let last = first + rows as i64 - 1;
        tx.execute(
            "SELECT setval(pg_get_serial_sequence($1, 'id'), $2)",
            &[&table, &last],
        )
        .await
        .pg()
        .with_context(|| format!("advancing the id sequence of {table}"))?;
    }
    if !deferred.is_empty() {
        bars.index.set_message("analyze");
    }
    let analyze = Instant::now();
    // Autovacuum analyzes the plain tables and the partitions once they have changed enough,
    // but never a partitioned parent: give those statistics now (this also analyzes their
    // partitions). ANALYZE of emails/templates would evaluate the French full-text
    // expressions again and is left to autovacuum.
    tx.batch_execute("ANALYZE login_history, email_analytics")
        .await
        .pg()
        .context("analyzing the seeded tables")?;
    steps.push(("analyze", analyze.elapsed()));
    let cancel = tx.cancel_token();
    let limit = crate::pg::commit_waits(&tx, opts.sync_wait).await;
    crate::pg::commit_within(tx.commit(), cancel, limit, "the seed")
        .await
        .map_err(|e| match e {
            crate::pg::CommitError::Pg(e) => crate::pg::err(e).context("committing the seed"),
            crate::pg::CommitError::Unconfirmed(e) => e,
        })?;
    if !deferred.is_empty() {
        bars.index.finish_with_message("built");
    }
    Ok(Summary {
        counts: plan.counts,
        steps,
        elapsed: started.elapsed(),
        seed: opts.seed,
        first_user_id: ids.users,
        partitions_made,
        periods_in_default,
    })
}

const DEFERRED_SQL: &str = include_str!("../../sql/seed/deferred.sql");

/// An index or foreign key dropped for the load and made again after it.
#[derive(Debug, Clone)]
struct Deferred {
    foreign_key: bool,
    table: String,
    name: String,
    definition: String,
}

/// Drops the seven tables' secondary indexes and foreign keys (see `sql/seed/deferred.sql`), in
/// the seed's transaction: a failure or Ctrl-C at any later point rolls the drops back with the
/// rows, leaving the schema exactly as the migrations made it.
async fn defer_indexes(tx: &Transaction<'_>) -> Result<Vec<Deferred>> {
    let tables: Vec<String> = TABLES.iter().map(ToString::to_string).collect();
    let found: Vec<Deferred> = tx
        .query(DEFERRED_SQL, &[&tables])
        .await
        .pg()
        .context("reading the indexes and foreign keys of the seven tables")?
        .iter()
        .map(|r| Deferred {
            foreign_key: r.get::<_, String>(0) == "foreign key",
            table: r.get(1),
            name: r.get(2),
            definition: r.get(3),
        })
        .collect();
    let mut sql = String::new();
    // Foreign keys first: none of the indexes backs one, but keep the order pg_restore uses.
    for d in found.iter().filter(|d| d.foreign_key) {
        let _ = writeln!(
            sql,
            "ALTER TABLE public.{} DROP CONSTRAINT {};",
            crate::pg::ident(&d.table),
            crate::pg::ident(&d.name)
        );
    }
    for d in found.iter().filter(|d| !d.foreign_key) {
        let _ = writeln!(sql, "DROP INDEX public.{};", crate::pg::ident(&d.name));
    }
    if !sql.is_empty() {
        tx.batch_execute(&sql)
            .await
            .pg()
            .context("dropping the indexes and foreign keys before loading")?;
    }
    Ok(found)
}

/// Builds the deferred indexes (with `maintenance_work_mem` raised for the transaction: sorts
/// in memory) and adds the foreign keys back, each validated by one join.
async fn rebuild(tx: &Transaction<'_>, deferred: &[Deferred], bar: &ProgressBar) -> Result<()> {
    tx.batch_execute("SET LOCAL maintenance_work_mem = '256MB'")
        .await
        .pg()?;
    bar.set_length(deferred.len() as u64);
    for d in deferred.iter().filter(|d| !d.foreign_key) {
        bar.set_message(d.name.clone());
        // On a partitioned table the definition reads `ON ONLY parent`, which would make the
        // parent's index alone, invalid: without ONLY it is built on every partition too.
        let sql = d.definition.replacen(" ON ONLY ", " ON ", 1);
        tx.batch_execute(&sql)
            .await
            .pg()
            .with_context(|| format!("building index {} of {}", d.name, d.table))?;
        bar.inc(1);
    }
    for d in deferred.iter().filter(|d| d.foreign_key) {
        bar.set_message(d.name.clone());
        tx.batch_execute(&format!(
            "ALTER TABLE public.{} ADD CONSTRAINT {} {}",
            crate::pg::ident(&d.table),
            crate::pg::ident(&d.name),
            d.definition
        ))
        .await
        .pg()
        .with_context(|| format!("adding foreign key {} of {}", d.name, d.table))?;
        bar.inc(1);
    }
    Ok(())
}

/// One more than the larger of the table's highest id and its sequence's last value, so that
/// ids handed out by the sequence earlier are never reused.
async fn first_ids(tx: &Transaction<'_>) -> Result<FirstIds> {
    let mut next = [0i64; 7];
    for (k, table) in TABLES.iter().enumerate() {
        let sql = format!(
            "SELECT greatest(coalesce((SELECT max(id) FROM {t}), 0), \
                    coalesce(pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass), 0))::int8 + 1",
            t = crate::pg::ident(table)
        );
        next[k] = tx
            .query_one(&sql, &[table])
            .await
            .pg()
            .with_context(|| format!("reading the next id of {table}"))?
            .get(0);
    }
    let int4 = |n: i64, table: &str| {
        i32::try_from(n).map_err(|_| anyhow::anyhow!("table {table} has no int4 id left"))
    };
    Ok(FirstIds {
        users: int4(next[0], "users")?,
        user_preferences: int4(next[1], "user_preferences")?,
        emails: int4(next[2], "emails")?,
        templates: int4(next[3], "templates")?,
        api_keys: int4(next[4], "api_keys")?,
        login_history: next[5],
        email_analytics: next[6],
    })
}

fn check_id_range(plan: &Plan) -> Result<()> {
    let c = &plan.counts;
    let ids = &plan.ids;
    for (table, first, rows) in [
        ("users", ids.users, c.users),
        ("user_preferences", ids.user_preferences, c.user_preferences),
        ("emails", ids.emails, c.emails),
        ("templates", ids.templates, c.templates),
        ("api_keys", ids.api_keys, c.api_keys),
    ] {
        if i64::from(first) + rows as i64 - 1 > i64::from(i32::MAX) {
            return Err(crate::error::usage(format!(
                "{rows} more rows would overflow the int4 ids of {table} (next id {first}); seed fewer users"
            )));
        }
    }
    Ok(())
}

impl ToSql for gen::Json {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        if *ty == Type::JSONB {
            out.extend_from_slice(&[1]); // jsonb binary format version
        }
        out.extend_from_slice(self.0.as_bytes());
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        matches!(*ty, Type::JSON | Type::JSONB)
    }

    to_sql_checked!();
}

async fn copy_in(
    tx: &Transaction<'_>,
    table: &str,
    columns: &[(&str, Type)],
) -> Result<BinaryCopyInWriter> {
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let types: Vec<Type> = columns.iter().map(|c| c.1.clone()).collect();
    let sink = tx
        .copy_in(&format!(
            "COPY {} ({}) FROM STDIN (FORMAT binary)",
            crate::pg::ident(table),
            names.join(", ")
        ))
        .await
        .pg()
        .with_context(|| format!("starting COPY into {table}"))?;
    Ok(BinaryCopyInWriter::new(sink, &types))
}

/// Advances the bar every few hundred rows (drawing is rate-limited by indicatif anyway).
struct Ticker<'a> {
    bar: &'a ProgressBar,
    pending: u64,
}

impl Ticker<'_> {
    fn add(&mut self, n: usize) {
        self.pending += n as u64;
        if self.pending >= 512 {
            self.bar.inc(self.pending);
            self.pending = 0;
        }
    }

    fn flush(&mut self) {
        self.bar.inc(self.pending);
        self.pending = 0;
    }
}

/// A table the seed loads with `COPY … (FORMAT binary)`: its columns, and a row's values in
/// their order.
trait CopyRow {
    const TABLE: &'static str;
    const COLUMNS: &'static [(&'static str, Type)];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)>;
}

impl CopyRow for gen::UserRow {
    const TABLE: &'static str = "users";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT4),
        ("email", Type::VARCHAR),
        ("password_hash", Type::VARCHAR),
        ("first_name", Type::VARCHAR),
        ("last_name", Type::VARCHAR),
        ("created_at", Type::TIMESTAMP),
        ("updated_at", Type::TIMESTAMP),
        ("is_active", Type::BOOL),
        ("email_verified", Type::BOOL),
        ("two_factor_secret", Type::VARCHAR),
        ("two_factor_enabled", Type::BOOL),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.email,
            &self.password_hash,
            &self.first_name,
            &self.last_name,
            &self.created_at,
            &self.updated_at,
            &self.is_active,
            &self.email_verified,
            &self.two_factor_secret,
            &self.two_factor_enabled,
        ]
    }
}

impl CopyRow for gen::PrefsRow {
    const TABLE: &'static str = "user_preferences";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT4),
        ("user_id", Type::INT4),
        ("settings", Type::JSONB),
        ("language", Type::VARCHAR),
        ("timezone", Type::VARCHAR),
        ("email_notifications", Type::BOOL),
        ("push_notifications", Type::BOOL),
        ("updated_at", Type::TIMESTAMP),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.user_id,
            &self.settings,
            &self.language,
            &self.timezone,
            &self.email_notifications,
            &self.push_notifications,
            &self.updated_at,
        ]
    }
}

impl CopyRow for gen::EmailRow {
    const TABLE: &'static str = "emails";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT4),
        ("user_id", Type::INT4),
        ("subject", Type::VARCHAR),
        ("content", Type::TEXT),
        ("email_type", Type::VARCHAR),
        ("recipient", Type::VARCHAR),
        ("company", Type::VARCHAR),
        ("tone", Type::VARCHAR),
        ("urgency", Type::VARCHAR),
        ("is_favorite", Type::BOOL),
        ("metadata", Type::JSONB),
        ("created_at", Type::TIMESTAMP),
        ("updated_at", Type::TIMESTAMP),
        ("sent_at", Type::TIMESTAMP),
        ("status", Type::VARCHAR),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.user_id,
            &self.subject,
            &self.content,
            &self.email_type,
            &self.recipient,
            &self.company,
            &self.tone,
            &self.urgency,
            &self.is_favorite,
            &self.metadata,
            &self.created_at,
            &self.updated_at,
            &self.sent_at,
            &self.status,
        ]
    }
}

impl CopyRow for gen::TemplateRow {
    const TABLE: &'static str = "templates";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT4),
        ("user_id", Type::INT4),
        ("name", Type::VARCHAR),
        ("content", Type::TEXT),
        ("category", Type::VARCHAR),
        ("is_public", Type::BOOL),
        ("metadata", Type::JSONB),
        ("created_at", Type::TIMESTAMP),
        ("updated_at", Type::TIMESTAMP),
        ("usage_count", Type::INT4),
        ("rating", Type::FLOAT8),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.user_id,
            &self.name,
            &self.content,
            &self.category,
            &self.is_public,
            &self.metadata,
            &self.created_at,
            &self.updated_at,
            &self.usage_count,
            &self.rating,
        ]
    }
}

impl CopyRow for gen::ApiKeyRow {
    const TABLE: &'static str = "api_keys";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT4),
        ("user_id", Type::INT4),
        ("key_hash", Type::VARCHAR),
        ("name", Type::VARCHAR),
        ("is_active", Type::BOOL),
        ("created_at", Type::TIMESTAMP),
        ("last_used", Type::TIMESTAMP),
        ("expires_at", Type::TIMESTAMP),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.user_id,
            &self.key_hash,
            &self.name,
            &self.is_active,
            &self.created_at,
            &self.last_used,
            &self.expires_at,
        ]
    }
}

impl CopyRow for gen::LoginRow {
    const TABLE: &'static str = "login_history";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT8),
        ("user_id", Type::INT4),
        ("login_time", Type::TIMESTAMP),
        ("ip_address", Type::INET),
        ("user_agent", Type::TEXT),
        ("success", Type::BOOL),
        ("failure_reason", Type::VARCHAR),
        ("location", Type::VARCHAR),
        ("device_type", Type::VARCHAR),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.user_id,
            &self.login_time,
            &self.ip_address,
            &self.user_agent,
            &self.success,
            &self.failure_reason,
            &self.location,
            &self.device_type,
        ]
    }
}

impl CopyRow for gen::AnalyticsRow {
    const TABLE: &'static str = "email_analytics";
    const COLUMNS: &'static [(&'static str, Type)] = &[
        ("id", Type::INT8),
        ("email_id", Type::INT4),
        ("user_id", Type::INT4),
        ("action", Type::VARCHAR),
        ("action_time", Type::TIMESTAMP),
        ("metadata", Type::JSONB),
        ("session_id", Type::VARCHAR),
    ];
    fn values(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.email_id,
            &self.user_id,
            &self.action,
            &self.action_time,
            &self.metadata,
            &self.session_id,
        ]
    }
}

/// Loads one table: the rows `rows` gives for each of the plan's users, through one COPY.
/// Returns the time it took.
async fn copy_rows<R: CopyRow>(
    tx: &Transaction<'_>,
    users: usize,
    tick: &mut Ticker<'_>,
    mut rows: impl FnMut(usize) -> Vec<R>,
) -> Result<(&'static str, Duration)> {
    let clock = Instant::now();
    tick.bar.set_message(R::TABLE);
    let w = copy_in(tx, R::TABLE, R::COLUMNS).await?;
    tokio::pin!(w);
    let copying = || format!("copying into {}", R::TABLE);
    for i in 0..users {
        let batch = rows(i);
        for r in &batch {
            w.as_mut()
                .write(&r.values())
                .await
                .pg()
                .with_context(copying)?;
        }
        tick.add(batch.len());
    }
    w.as_mut().finish().await.pg().with_context(copying)?;
    Ok((R::TABLE, clock.elapsed()))
}

/// Loads the seven tables, in the order their foreign keys need; the time each took.
async fn copy_all(
    tx: &Transaction<'_>,
    plan: &Plan,
    bar: &ProgressBar,
) -> Result<Vec<(&'static str, Duration)>> {
    let users = plan.users.len();
    let mut tick = Ticker { bar, pending: 0 };
    let t = &mut tick;
    let (mut keys, mut logins, mut analytics) = (
        plan.ids.api_keys,
        plan.ids.login_history,
        plan.ids.email_analytics,
    );
    let steps = vec![
        copy_rows(tx, users, t, |i| vec![plan.user(i)]).await?,
        copy_rows(tx, users, t, |i| vec![plan.prefs(i)]).await?,
        copy_rows(tx, users, t, |i| plan.emails(i)).await?,
        copy_rows(tx, users, t, |i| plan.templates(i)).await?,
        copy_rows(tx, users, t, |i| {
            let rows = plan.api_keys(i, keys);
            keys += rows.len() as i32;
            rows
        })
        .await?,
        copy_rows(tx, users, t, |i| {
            let rows = plan.logins(i, logins);
            logins += rows.len() as i64;
            rows
        })
        .await?,
        copy_rows(tx, users, t, |i| {
            let rows = plan.analytics(i, analytics);
            analytics += rows.len() as i64;
            rows
        })
        .await?,
    ];
    tick.flush();
    Ok(steps)
}
