//! The executor: applies one planned [`Action`] to the database.
//!
//! Each action runs in its own transaction with `SET LOCAL lock_timeout`, so DDL never queues
//! behind a long transaction for longer than that (while it waits, the application's own
//! statements on the table queue behind it). A lock timeout (or a deadlock) rolls the action
//! back and retries it a bounded number of times with a growing pause, during which the
//! application runs; then the action fails, naming the partition and the bound. One retry
//! budget per action ([`Budget`]): a move's attach step, retried alone within its transaction,
//! draws on the same budget as the whole transaction's retries, so the application queues
//! behind at most `retries + 1` lock waits per action, as the final message says.
//!
//! * Create: a standalone table `LIKE` the parent with the parent's indexes, then `ATTACH
//!   PARTITION`, in one transaction; several consecutive partitions of a table share one (see
//!   [`create_batch`]). A partition that already exists with exactly these bounds is skipped
//!   (another run made it). Not `CREATE TABLE … PARTITION OF`, which holds ACCESS
//!   EXCLUSIVE on the parent and so blocks every insert into the table meanwhile: ATTACH takes
//!   SHARE UPDATE EXCLUSIVE on the parent (the application's reads and writes of existing
//!   partitions go on) and ACCESS EXCLUSIVE only on the DEFAULT partition, for the instant of
//!   its check. Building the tables does not lock the parent at all, so several can be built at
//!   once on several sessions (see `maintain`); the attaches queue one after the other.
//! * Move from DEFAULT, in one transaction (killed midway, it rolls back; nothing is lost): a
//!   standalone table `LIKE` the parent without indexes, the period's rows moved into it with
//!   `DELETE … RETURNING` feeding an `INSERT`, the parent's indexes built after the load (faster
//!   than maintaining them row by row, and before the attach so that its ACCESS EXCLUSIVE lock on
//!   DEFAULT is short), a CHECK constraint matching the bounds so that `ATTACH PARTITION` does
//!   not scan the new table again, the attach, and the CHECK dropped. Measured alternative, not
//!   used: copying every period then `TRUNCATE` of DEFAULT is about twice as fast (no per-row
//!   delete, no full-page images of the DEFAULT heap) but TRUNCATE is not MVCC-safe: a
//!   REPEATABLE READ transaction whose snapshot predates the move would see the moved rows in
//!   neither place. The DELETE keeps them visible to it in DEFAULT.
//! * Drop / detach: a cheap check that the partition holds no row at or after the retention
//!   cutoff (the bounds guarantee it; this is a safety net), then, for a drop, `TRUNCATE` in a
//!   transaction that locks only the partition (its files go as it commits) and `DROP TABLE`
//!   (which detaches it under the same locks, ACCESS EXCLUSIVE on the parent, for the few
//!   milliseconds an empty table takes), or `DETACH PARTITION` when the policy keeps detached
//!   tables. (`DETACH … CONCURRENTLY` is refused while
//!   the table has a DEFAULT partition, so the detach is the plain one, under `lock_timeout`.)
//! * Rows in DEFAULT of a period past retention: deleted (action drop), or moved into the
//!   period's table outside the partitioned table, made for them or already there from an
//!   earlier detach (action detach).

use std::cell::Cell;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use chrono::NaiveDateTime;
use rand::Rng;
use tokio_postgres::error::SqlState;
use tokio_postgres::Client;

use crate::error::hint;
use crate::partition::catalog::qualified;
use crate::partition::plan::{parse_bound, sql_timestamp, Action, Bound, Partition, Policy};
use crate::pg::{self, ident};
use crate::server::Server;

const EXISTS_SQL: &str = include_str!("../../sql/partition/partition_exists.sql");
const INDEX_DEFS_SQL: &str = include_str!("../../sql/partition/index_defs.sql");
const BLOCKERS_SQL: &str = include_str!("../../sql/partition/blockers.sql");

/// How the executor treats locks.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// `SET LOCAL lock_timeout` of every action.
    pub lock_timeout: Duration,
    /// Further attempts after a lock timeout or deadlock.
    pub retries: u32,
    /// Say on stderr when an action is retried (`-v`).
    pub verbose: bool,
    /// Longest wait of a COMMIT for the synchronous standbys the server is configured with
    /// (see [`commit`]).
    pub sync_wait: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lock_timeout: Duration::from_secs(2),
            retries: 3,
            verbose: false,
            sync_wait: Duration::from_secs(30),
        }
    }
}

/// The lock waits an action has lost so far (lock timeouts, deadlocks, rows arriving in DEFAULT
/// during a move), whichever loop retried them: at most `retries` are retried.
#[derive(Debug, Default)]
struct Budget {
    failed: Cell<u32>,
}

impl Budget {
    /// Counts one more failed attempt; whether a retry is still allowed.
    fn fail(&self, settings: &Settings) -> bool {
        self.failed.set(self.failed.get() + 1);
        self.failed.get() <= settings.retries
    }

    /// Whether one more failed attempt would still be retried.
    fn left(&self, settings: &Settings) -> bool {
        self.failed.get() < settings.retries
    }

    /// Attempts made so far, counting the one under way.
    fn attempts(&self) -> u32 {
        self.failed.get() + 1
    }
}

/// The table an action is about.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub policy: &'a Policy,
    /// The parent's columns, in order (for moves).
    pub columns: &'a [String],
    /// Name of the DEFAULT partition (for moves).
    pub default: Option<&'a str>,
    /// Retention cutoff (for the drop/detach safety check).
    pub cutoff: Option<NaiveDateTime>,
    /// The parent's indexes (from [`index_templates`]), built on new partitions before attaching.
    pub indexes: &'a [IndexTemplate],
    /// The server, for the SQL that differs between majors.
    pub server: &'a Server,
}

/// One of the parent's indexes, to build on a standalone table before it is attached.
#[derive(Debug, Clone)]
pub enum IndexTemplate {
    /// A constraint-backed index: `PRIMARY KEY (id, login_time)` (ATTACH only adopts a
    /// constraint for those).
    Constraint(String),
    /// `CREATE [UNIQUE] INDEX ON <table> USING btree (user_id)`: `unique`, and the text after
    /// `USING `.
    Index { unique: bool, rest: String },
}

impl IndexTemplate {
    /// The statement for table `new` (already quoted).
    pub fn sql(&self, new: &str) -> String {
        match self {
            IndexTemplate::Constraint(def) => format!("ALTER TABLE {new} ADD {def}"),
            IndexTemplate::Index { unique, rest } => {
                let kind = if *unique { "UNIQUE INDEX" } else { "INDEX" };
                format!("CREATE {kind} ON {new} USING {rest}")
            }
        }
    }
}

/// The indexes of `parent` as templates. An index whose definition does not read as expected
/// is left out: ATTACH then builds it itself.
pub async fn index_templates(client: &Client, parent: &str) -> Result<Vec<IndexTemplate>> {
    let rows = client
        .query(INDEX_DEFS_SQL, &[&parent])
        .await
        .map_err(|e| pg::err(e).context(format!("reading the indexes of {parent}")))?;
    let mut out = Vec::new();
    for r in rows {
        if let Some(def) = r.get::<_, Option<String>>("constraint_def") {
            out.push(IndexTemplate::Constraint(def));
            continue;
        }
        let def: String = r.get("index_def");
        let name: String = r.get("index_name");
        let parent_name: String = r.get("parent_name");
        for (unique, kind) in [(false, "INDEX"), (true, "UNIQUE INDEX")] {
            let prefix = format!("CREATE {kind} {name} ON ONLY {parent_name} USING ");
            if let Some(rest) = def.strip_prefix(&prefix) {
                out.push(IndexTemplate::Index {
                    unique,
                    rest: rest.to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// The standalone copy of the parent's structure that a new partition starts as (what
/// `PARTITION OF` would give, without the indexes).
fn create_like(new: &str, parent: &str, server: &Server) -> String {
    format!(
        "CREATE TABLE {new} (LIKE {parent} {})",
        server.like_partition_options()
    )
}

/// What an action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Created, dropped or detached.
    Done,
    /// Moved this many rows into the new partition.
    Moved(u64),
    /// Nothing to do: the exact partition already exists.
    AlreadyThere,
    /// Not made: its batch failed, and that failure is reported once, for the batch.
    NotDone,
    /// Deleted this many expired rows from DEFAULT.
    Deleted(u64),
    /// A move could not start: a table of the partition's name exists and is not that
    /// partition (typically one detached by retention). Nothing was done; the caller reports it
    /// and goes on with the table's other actions.
    NameTaken {
        /// Whether it is a partition of the parent (with other bounds).
        is_partition: bool,
    },
}

enum Fail {
    Pg(tokio_postgres::Error),
    Other(anyhow::Error),
    /// A complete error (the last retry's): no context to add.
    Final(anyhow::Error),
}

impl Fail {
    /// The error, in the context of what was being done.
    fn into_error(self, doing: &str) -> anyhow::Error {
        match self {
            Fail::Pg(e) => pg::err(e).context(doing.to_string()),
            Fail::Other(e) => e.context(doing.to_string()),
            Fail::Final(e) => e,
        }
    }
}

impl From<tokio_postgres::Error> for Fail {
    fn from(e: tokio_postgres::Error) -> Self {
        Fail::Pg(e)
    }
}

impl From<anyhow::Error> for Fail {
    fn from(e: anyhow::Error) -> Self {
        Fail::Other(e)
    }
}

/// Applies one action, retrying on lock timeouts and deadlocks.
pub async fn apply(
    client: &Client,
    target: &Target<'_>,
    action: &Action,
    settings: &Settings,
) -> Result<Outcome> {
    let what = doing(action);
    // One budget for the action's steps: emptying a partition, then dropping it.
    let budget = Budget::default();
    if let Action::Drop(p) = action {
        empty_before_drop(
            client,
            target,
            std::slice::from_ref(p),
            settings,
            &budget,
            &what,
        )
        .await
        .map_err(|f| f.into_error(&what))?;
    }
    // Rows of the moved range inserted into DEFAULT meanwhile: the attach saw them; again.
    let retry_check = matches!(action, Action::MoveFromDefault { .. });
    let once = || apply_once(client, target, action, settings, &budget);
    match retrying(
        client,
        settings,
        &budget,
        &[&target.policy.table],
        &what,
        retry_check,
        once,
    )
    .await
    {
        Ok(outcome) => Ok(outcome),
        Err(Fail::Pg(err)) => {
            if let (Action::Create(p), Some(&SqlState::DUPLICATE_TABLE)) = (action, err.code()) {
                // Made meanwhile (by hand, or a run that did not take the lock), or a stray table.
                return match exists(client, target, p).await {
                    Ok(true) => Ok(Outcome::AlreadyThere),
                    Ok(false) => Err(pg::err(err).context(what)),
                    Err(fail) => Err(fail.into_error(&what)),
                };
            }
            Err(pg::err(err).context(what))
        }
        Err(fail) => Err(fail.into_error(&what)),
    }
}

/// Runs `once` in a transaction of its own under `lock_timeout` (see [`begin`]) and commits it.
/// After a lock timeout or a deadlock (with `retry_check`, also a check violation) the
/// transaction is rolled back and run again after a growing pause, while `budget` allows (at
/// most `settings.retries` failed attempts retried, counting those `once` retried itself);
/// then the failure names the sessions holding the locks on `tables` (and their partitions).
/// Any other error is returned as it is, the transaction rolled back.
async fn retrying<T, Fut>(
    client: &Client,
    settings: &Settings,
    budget: &Budget,
    tables: &[&str],
    doing: &str,
    retry_check: bool,
    once: impl Fn() -> Fut,
) -> Result<T, Fail>
where
    Fut: std::future::Future<Output = Result<T, Fail>>,
{
    let started = Instant::now();
    loop {
        let run = async {
            let limit = begin(client, settings).await?;
            let value = once().await?;
            commit(client, limit, doing).await?;
            Ok::<T, Fail>(value)
        };
        let err = match run.await {
            Ok(value) => return Ok(value),
            Err(Fail::Pg(e)) => e,
            Err(other) => {
                let _ = client.batch_execute("ROLLBACK").await;
                return Err(other);
            }
        };
        // Whatever happened, leave no transaction open on this connection.
        let _ = client.batch_execute("ROLLBACK").await;
        let retryable = matches!(
            err.code(),
            Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || (*c == SqlState::CHECK_VIOLATION && retry_check)
        );
        if !retryable {
            return Err(Fail::Pg(err));
        }
        let attempt = budget.attempts();
        if !budget.fail(settings) {
            let lock = err.code() == Some(&SqlState::LOCK_NOT_AVAILABLE);
            let mut found: Vec<(i32, String)> = Vec::new();
            if lock {
                for table in tables {
                    for (pid, text) in blockers(client, table).await {
                        // One entry per session, the first table's.
                        if !found.iter().any(|(p, _)| *p == pid) {
                            found.push((pid, text));
                        }
                    }
                }
            }
            let found: Vec<String> = found.into_iter().map(|(_, text)| text).collect();
            return Err(Fail::Final(gave_up(
                tables,
                doing,
                settings,
                attempt,
                started.elapsed(),
                lock.then_some(found),
            )));
        }
        pause_before_retry(&err, settings, budget, doing).await;
    }
}

/// The pause before the next attempt of an action (after `budget` counted the failed one),
/// said with `-v`.
async fn pause_before_retry(
    err: &tokio_postgres::Error,
    settings: &Settings,
    budget: &Budget,
    doing: &str,
) {
    let failed = budget.attempts() - 1;
    let pause = backoff(failed - 1);
    if settings.verbose {
        ewriteln!(
            "{doing}: {}; retrying in {} ms (attempt {} of {})",
            err.code().map_or("conflict", |c| match c.code() {
                "55P03" => "lock timeout",
                "40P01" => "deadlock",
                _ => "rows arrived in DEFAULT meanwhile",
            }),
            pause.as_millis(),
            failed + 1,
            settings.retries + 1
        );
    }
    tokio::time::sleep(pause).await;
}

/// `creating partition x` etc., the context of an action's errors.
fn doing(action: &Action) -> String {
    let name = &action.partition().name;
    match action {
        Action::Create(_) => format!("creating partition {name}"),
        Action::MoveFromDefault { .. } => moving(name),
        Action::Drop(_) => format!("dropping partition {name}"),
        Action::Detach(_) => format!("detaching partition {name}"),
        Action::DeleteFromDefault { period, .. } => format!(
            "deleting the expired rows of [{}, {}) from the DEFAULT partition",
            crate::partition::plan::fmt_ts(period.from),
            crate::partition::plan::fmt_ts(period.to)
        ),
        Action::ArchiveFromDefault { .. } => {
            format!("moving the expired rows of the DEFAULT partition into detached table {name}")
        }
    }
}

/// The context of a move's errors.
fn moving(name: &str) -> String {
    format!("moving rows from the DEFAULT partition into new partition {name}")
}

/// The sessions holding locks that partition maintenance of `table` waits for, as
/// `pid 4242 (RowExclusiveLock on users, transaction open 3 s, idle in transaction)`, oldest
/// first. Empty when they are gone or cannot be read.
async fn blockers(client: &Client, table: &str) -> Vec<(i32, String)> {
    let own: Vec<i32> = crate::partition::catalog::own_sessions()
        .lock()
        .map(|p| p.clone())
        .unwrap_or_default();
    let Ok(rows) = client.query(BLOCKERS_SQL, &[&table, &own]).await else {
        return Vec::new();
    };
    // One entry per session (a session holds a lock on the parent and on each partition it
    // read): its first lock, how many more, its transaction.
    let mut sessions: Vec<(i32, String, usize, f64, String)> = Vec::new();
    for r in &rows {
        let pid: i32 = r.get("pid");
        if let Some(s) = sessions.iter_mut().find(|s| s.0 == pid) {
            s.2 += 1;
            continue;
        }
        let rel: String = r.get("relation");
        let mode: String = r.get("mode");
        sessions.push((
            pid,
            format!("{mode} on {rel}"),
            0,
            r.get("age_seconds"),
            r.get("state"),
        ));
    }
    sessions
        .into_iter()
        .map(|(pid, first, more, age, state)| {
            let more = match more {
                0 => String::new(),
                1 => " and 1 more lock".to_string(),
                n => format!(" and {n} more locks"),
            };
            let state = if state.is_empty() {
                String::new()
            } else {
                format!(", {state}")
            };
            (
                pid,
                format!("pid {pid} ({first}{more}, transaction open {age:.0} s{state})"),
            )
        })
        .collect()
}

/// The failure after the last retry, saying that the application was not held up.
/// `blockers`: `Some` after lock timeouts, with the sessions found holding the locks.
fn gave_up(
    tables: &[&str],
    doing: &str,
    settings: &Settings,
    attempts: u32,
    elapsed: Duration,
    blockers: Option<Vec<String>>,
) -> anyhow::Error {
    let timeout = crate::duration::human(settings.lock_timeout);
    let attempts = match attempts {
        1 => "in 1 attempt".to_string(),
        n => format!(
            "in {n} attempts over {:.1} s, pauses included",
            elapsed.as_secs_f64()
        ),
    };
    let table = tables.join(", ");
    let regclasses: Vec<String> = tables
        .iter()
        .chain(&["users", "emails"])
        .map(|t| format!("'{t}'::regclass"))
        .collect();
    match blockers {
        Some(blockers) => {
            let fix = "end that transaction (or wait for it), then rerun; or raise --lock-timeout";
            let hint_text = match blockers.as_slice() {
                [] => format!(
                    "the sessions holding the locks are gone now; rerun. To see them next time: \
                     SELECT pid, relation::regclass, mode, granted FROM pg_locks \
                     WHERE relation IN ({})",
                    regclasses.join(", ")
                ),
                [one] => format!("blocked by {one}: {fix}"),
                [first, rest @ ..] => format!(
                    "blocked by {first} and {} more {}: {fix}",
                    rest.len(),
                    if rest.len() == 1 {
                        "session"
                    } else {
                        "sessions"
                    }
                ),
            };
            hint(
                anyhow!(
                    "{doing}: could not get its locks on {table} (its partitions, or a table its foreign keys \
                     reference) within lock_timeout ({timeout}) {attempts}; \
                     gave up, so the application was never blocked longer than {timeout} at a time"
                ),
                hint_text,
            )
        }
        None => hint(
            anyhow!("{doing}: still conflicting with concurrent sessions ({attempts})"),
            "rerun later; nothing was changed by the failed attempts",
        ),
    }
}

/// 250 ms, 500 ms, 1 s, 2 s, 4 s… (capped at 8 s), plus up to 25 % jitter so that parallel runs
/// do not retry in step.
fn backoff(attempt: u32) -> Duration {
    let base = Duration::from_millis(250) * 2u32.saturating_pow(attempt.min(5));
    let base = base.min(Duration::from_secs(8));
    let jitter = rand::thread_rng().gen_range(0..=base.as_millis() as u64 / 4);
    base + Duration::from_millis(jitter)
}

/// Opens an action's transaction. The server's `synchronous_commit` is kept: what promail
/// reports done is as durable as the DBA configured it (on a primary with synchronous standbys,
/// confirmed by them; see [`commit`]).
/// No `idle_in_transaction_session_timeout`: a transaction may wait, open, for promail's other
/// sessions (cleanup's last step waits for the drops), and the server must not end it then.
/// Returns the longest wait of its COMMIT ([`pg::commit_waits`], asked in the same round trip).
async fn begin(client: &Client, settings: &Settings) -> Result<Option<Duration>, Fail> {
    let replies = client
        .simple_query(&format!(
            "BEGIN; SET LOCAL lock_timeout = '{}ms'; \
             SET LOCAL idle_in_transaction_session_timeout = 0; {}",
            settings.lock_timeout.as_millis().max(1),
            pg::COMMIT_WAITS_SQL,
        ))
        .await?;
    let waits = replies.iter().any(|m| match m {
        tokio_postgres::SimpleQueryMessage::Row(row) => row.get(0) != Some("f"),
        _ => false,
    });
    Ok(waits.then_some(settings.sync_wait))
}

/// Commits the transaction open on `client`, waiting at most `limit` for the synchronous
/// standbys to confirm it, or as long as it takes when none is waited for
/// ([`pg::commit_within`]).
async fn commit(client: &Client, limit: Option<Duration>, doing: &str) -> Result<(), Fail> {
    pg::commit_within(
        client.batch_execute("COMMIT"),
        client.cancel_token(),
        limit,
        doing,
    )
    .await
    .map_err(|e| match e {
        pg::CommitError::Pg(e) => Fail::Pg(e),
        pg::CommitError::Unconfirmed(e) => Fail::Final(e),
    })
}

async fn apply_once(
    client: &Client,
    target: &Target<'_>,
    action: &Action,
    settings: &Settings,
    budget: &Budget,
) -> Result<Outcome, Fail> {
    Ok(match action {
        Action::Create(p) => create(client, target, p).await?,
        Action::MoveFromDefault { partition, .. } => {
            move_rows(client, target, partition, settings, budget).await?
        }
        Action::Drop(p) => retire(client, target, p, true).await?,
        Action::Detach(p) => retire(client, target, p, false).await?,
        Action::DeleteFromDefault { period, .. } => delete_expired(client, target, period).await?,
        Action::ArchiveFromDefault { period, .. } => {
            archive_expired(client, target, period).await?
        }
    })
}

/// What holds the name of a partition to make.
enum Found {
    Nothing,
    /// Exactly this partition of the parent.
    Same,
    /// Another table (`true`: a partition of the parent with other bounds).
    Other(bool),
}

async fn lookup(client: &Client, target: &Target<'_>, p: &Partition) -> Result<Found, Fail> {
    let parent = &target.policy.table;
    let Some(row) = client.query_opt(EXISTS_SQL, &[&p.name, parent]).await? else {
        return Ok(Found::Nothing);
    };
    let is_partition: bool = row.get(0);
    let bound: Option<String> = row.get(1);
    let same = is_partition
        && bound.is_some_and(|b| {
            parse_bound(&b)
                == Bound::Range {
                    from: p.from,
                    to: p.to,
                }
        });
    Ok(if same {
        Found::Same
    } else {
        Found::Other(is_partition)
    })
}

/// Whether `p` exists already: `Ok(true)` when it is exactly this partition of the parent,
/// an error when the name is taken by something else.
async fn exists(client: &Client, target: &Target<'_>, p: &Partition) -> Result<bool, Fail> {
    match lookup(client, target, p).await? {
        Found::Nothing => Ok(false),
        Found::Same => Ok(true),
        Found::Other(_) => Err(Fail::Other(hint(
            anyhow!(
                "a table named {} already exists and is not the partition [{}, {}) of {}",
                p.name,
                crate::partition::plan::fmt_ts(p.from),
                crate::partition::plan::fmt_ts(p.to),
                target.policy.table
            ),
            "rename or drop that table (a partition detached by retention keeps its name), then rerun",
        ))),
    }
}

/// No existence check first (the plan was made under the advisory lock, moments ago): a name
/// already taken fails the CREATE, and [`apply`] then looks at what is there.
/// Alone in its transaction, so DEFAULT may hold rows (of other periods): its scan is done
/// before the attach's locks on the referenced tables (see [`excluding_default`]).
async fn create(client: &Client, target: &Target<'_>, p: &Partition) -> Result<Outcome, Fail> {
    client.batch_execute(&create_sql(target, p)).await?;
    Ok(Outcome::Done)
}

/// The statements that make partition `p` (a standalone table with the parent's indexes, then
/// attached), without a transaction of their own: what [`apply`] runs for a create, for a
/// caller that already holds the table in a transaction of its own (`db seed`).
pub fn create_sql(target: &Target<'_>, p: &Partition) -> String {
    let mut sql = build_sql(target, p);
    sql.push_str("; ");
    sql.push_str(&excluding_default(target, p, &attach_sql(target, p)));
    sql
}

/// `attach` (statements attaching `p`) between a CHECK constraint on DEFAULT excluding the
/// range of `p` and its removal. ATTACH then skips its scan of DEFAULT ("implied by existing
/// constraints"), which it would otherwise run after cloning the foreign keys, that is holding
/// SHARE ROW EXCLUSIVE on the referenced tables (`users`), blocking writes to them for the
/// whole scan: about 100 ms with 2 M rows in DEFAULT, measured. Adding the constraint scans
/// DEFAULT under its ACCESS EXCLUSIVE lock alone, which the attach takes anyway. Without a
/// DEFAULT partition, `attach` as it is.
fn excluding_default(target: &Target<'_>, p: &Partition, attach: &str) -> String {
    let Some(default) = target.default else {
        return attach.to_string();
    };
    let (def, excl) = (qualified(default), ident(DEFAULT_EXCLUDES));
    // The parent first, as ATTACH (and a batch of them on another session) locks it before
    // DEFAULT: the other order could deadlock them. SHARE UPDATE EXCLUSIVE lets the
    // application read and write.
    format!(
        "LOCK TABLE ONLY {parent} IN SHARE UPDATE EXCLUSIVE MODE; \
         ALTER TABLE {def} ADD CONSTRAINT {excl} \
             CHECK (NOT ({col} IS NOT NULL AND {col} >= '{from}' AND {col} < '{to}')); \
         {attach}; \
         ALTER TABLE {def} DROP CONSTRAINT {excl}",
        parent = qualified(&target.policy.table),
        col = ident(&target.policy.column),
        from = sql_timestamp(p.from),
        to = sql_timestamp(p.to),
    )
}

/// The standalone table of a new partition with the parent's indexes (no lock on the parent).
fn build_sql(target: &Target<'_>, p: &Partition) -> String {
    let new = qualified(&p.name);
    let mut sql = create_like(&new, &qualified(&target.policy.table), target.server);
    for ix in target.indexes {
        sql.push_str("; ");
        sql.push_str(&ix.sql(&new));
    }
    sql
}

/// `ALTER TABLE parent ATTACH PARTITION …`: attaching an empty table, its validation scan
/// costs nothing.
fn attach_sql(target: &Target<'_>, p: &Partition) -> String {
    format!(
        "ALTER TABLE {} ATTACH PARTITION {} {}",
        qualified(&target.policy.table),
        qualified(&p.name),
        p.bound_sql()
    )
}

/// Creates `partitions` of the target's table in one transaction: every table built, then
/// every one attached, one commit. Measured on empty tables: about 7 % less server time than
/// a transaction each on one session, a fifth less wall time on four (fewer commits, and
/// fewer rebuilds of the parent's partition list by the other sessions). The locks the
/// attaches take (SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on its DEFAULT
/// partition, SHARE ROW EXCLUSIVE on the tables its foreign keys reference, which blocks
/// writes to them) are held from the first attach to the commit: about a millisecond per
/// partition while DEFAULT is empty. Each attach would scan DEFAULT: with `default_has_rows`,
/// one ALTER TABLE adds a CHECK constraint on DEFAULT per partition excluding its range, which
/// PostgreSQL validates in one scan of DEFAULT (under DEFAULT's ACCESS EXCLUSIVE lock, which
/// the attaches take anyway, and before any foreign key lock), the attaches then skip theirs,
/// and the constraints go before the commit: one scan of DEFAULT per batch instead of one per
/// partition. Retried as a whole like one action. `Ok(false)`
/// when a statement failed otherwise (a name taken, rows arrived in DEFAULT meanwhile):
/// nothing was done, and the caller applies them one by one, so that each partition gets its
/// own outcome (made, made meanwhile by another run, or its own error) as without batches.
/// Only a lock that could not be had within the retries fails the batch as a whole.
pub async fn create_batch(
    client: &Client,
    target: &Target<'_>,
    partitions: &[Partition],
    settings: &Settings,
    default_has_rows: bool,
) -> Result<bool> {
    let (Some(first), Some(last)) = (partitions.first(), partitions.last()) else {
        return Ok(true);
    };
    let what = if partitions.len() == 1 {
        format!("creating partition {first}")
    } else {
        format!(
            "creating {} partitions of {} ({first} … {last})",
            partitions.len(),
            target.policy.table
        )
    };
    let once = || async move {
        let mut sql = String::new();
        for p in partitions {
            if !sql.is_empty() {
                sql.push_str("; ");
            }
            sql.push_str(&build_sql(target, p));
        }
        let excluding = target.default.filter(|_| default_has_rows).map(|default| {
            let (def, col) = (qualified(default), ident(&target.policy.column));
            let name = |i: usize| ident(&format!("{DEFAULT_EXCLUDES}_{i}"));
            let adds: Vec<String> = partitions
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    format!(
                        "ADD CONSTRAINT {} CHECK (NOT ({col} IS NOT NULL AND {col} >= '{}' AND {col} < '{}'))",
                        name(i),
                        sql_timestamp(p.from),
                        sql_timestamp(p.to)
                    )
                })
                .collect();
            let drops: Vec<String> = (0..partitions.len())
                .map(|i| format!("DROP CONSTRAINT {}", name(i)))
                .collect();
            (
                // The parent first, as ATTACH locks it before DEFAULT (see excluding_default).
                format!(
                    "LOCK TABLE ONLY {} IN SHARE UPDATE EXCLUSIVE MODE; ALTER TABLE {def} {}",
                    qualified(&target.policy.table),
                    adds.join(", ")
                ),
                format!("ALTER TABLE {def} {}", drops.join(", ")),
            )
        });
        if let Some((add, _)) = &excluding {
            sql.push_str("; ");
            sql.push_str(add);
        }
        for p in partitions {
            sql.push_str("; ");
            sql.push_str(&attach_sql(target, p));
        }
        if let Some((_, drop)) = &excluding {
            sql.push_str("; ");
            sql.push_str(drop);
        }
        client.batch_execute(&sql).await?;
        Ok(())
    };
    match retrying(
        client,
        settings,
        &Budget::default(),
        &[&target.policy.table],
        &what,
        false,
        once,
    )
    .await
    {
        Ok(()) => Ok(true),
        // The session is gone: one by one would fail the same way, once per partition.
        Err(Fail::Pg(err)) if err.is_closed() || client.is_closed() => {
            Err(pg::err(err).context(what))
        }
        Err(Fail::Pg(_)) => Ok(false),
        Err(fail) => Err(fail.into_error(&what)),
    }
}

/// Name of the temporary CHECK constraint that lets ATTACH skip its validation scan.
const BOUNDS_CHECK: &str = "promail_attach_bounds";
/// The CHECK constraint on DEFAULT excluding the range of a partition being attached.
const DEFAULT_EXCLUDES: &str = "promail_attach_excludes";
/// Where a move goes back to when its attach step fails: rows of its period arrived in DEFAULT
/// during the move, a lock not had in time, a deadlock given way in.
const ATTACH_SAVEPOINT: &str = "promail_attach";

/// The parent's columns, quoted, in order: `"id", "user_id", …`.
fn column_list(target: &Target<'_>) -> String {
    target
        .columns
        .iter()
        .map(|c| ident(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `DELETE`s the DEFAULT partition's rows of `[$1, $2)` (and, with `before_cutoff`, before
/// `$3`) and `INSERT`s them into `dest`, in one statement.
fn move_out_of_default_sql(
    target: &Target<'_>,
    default: &str,
    dest: &str,
    before_cutoff: bool,
) -> String {
    let col = ident(&target.policy.column);
    let cols = column_list(target);
    let cutoff = if before_cutoff {
        format!(" AND {col} < $3")
    } else {
        String::new()
    };
    format!(
        "WITH moved AS (DELETE FROM ONLY {def} WHERE {col} >= $1 AND {col} < $2{cutoff} \
         RETURNING {cols}) INSERT INTO {dest} ({cols}) SELECT {cols} FROM moved",
        def = qualified(default),
        dest = qualified(dest)
    )
}

/// The DEFAULT partition and the cutoff that retention of DEFAULT rows needs.
fn expired_scope<'a>(target: &Target<'a>) -> Result<(&'a str, NaiveDateTime), Fail> {
    match (target.default, target.cutoff) {
        (Some(default), Some(cutoff)) => Ok((default, cutoff)),
        _ => Err(Fail::Other(anyhow!(
            "refusing: no DEFAULT partition or no retention cutoff for {}",
            target.policy.table
        ))),
    }
}

async fn move_rows(
    client: &Client,
    target: &Target<'_>,
    p: &Partition,
    settings: &Settings,
    budget: &Budget,
) -> Result<Outcome, Fail> {
    let policy = target.policy;
    let default = target.default.ok_or_else(|| {
        Fail::Other(anyhow!(
            "table {} has no DEFAULT partition to move rows from",
            policy.table
        ))
    })?;
    match lookup(client, target, p).await? {
        Found::Nothing => {}
        // Made by someone else between planning and now; rows of its range could not be in
        // DEFAULT (creating it would have failed), so there is nothing to move.
        Found::Same => return Ok(Outcome::AlreadyThere),
        Found::Other(is_partition) => return Ok(Outcome::NameTaken { is_partition }),
    }
    let parent = qualified(&policy.table);
    let new = qualified(&p.name);
    let col = ident(&policy.column);
    client
        .batch_execute(&create_like(&new, &parent, target.server))
        .await?;
    let move_sql = move_out_of_default_sql(target, default, &p.name, false);
    let mut moved = client.execute(&move_sql, &[&p.from, &p.to]).await?;
    // Indexes built now, while the DEFAULT partition is only ROW EXCLUSIVE locked: ATTACH adopts
    // them, so its ACCESS EXCLUSIVE lock on DEFAULT (which blocks the application's reads of
    // the table) lasts only for the foreign-key check, not for the index builds.
    if !target.indexes.is_empty() {
        let stmts: Vec<String> = target.indexes.iter().map(|ix| ix.sql(&new)).collect();
        client.batch_execute(&stmts.join("; ")).await?;
    }
    // A CHECK constraint of its range on the new table, added before any lock on the parent
    // (no one else sees the new table): ATTACH then does not scan it again.
    let (from, to) = (sql_timestamp(p.from), sql_timestamp(p.to));
    let chk = ident(BOUNDS_CHECK);
    client
        .batch_execute(&format!(
            "ALTER TABLE {new} ADD CONSTRAINT {chk} CHECK ({col} >= '{from}' AND {col} < '{to}')"
        ))
        .await?;
    // A period the clock has not left behind (the current one, after an outage, say) is being
    // written to. An insert routes its row when it starts: one routed to DEFAULT before the
    // attach commits would wait for DEFAULT's lock, then fail on DEFAULT's new bounds
    // ("violates partition constraint"), losing the application's row. So for such a period,
    // writes through the parent wait from the attach to the commit (EXCLUSIVE: reads go on),
    // and route afterwards, into the new partition. Past periods, which nothing writes to but
    // late rows, keep the cheaper attach that lets writes go on.
    let live: bool = client
        .query_one("SELECT $1::timestamp > LOCALTIMESTAMP", &[&p.to])
        .await?
        .get(0);
    let attach = excluding_default(target, p, &attach_sql(target, p));
    // Waits for the writes under way (under lock_timeout), so every row DEFAULT will hold is
    // there when it is scanned. Holding it, promail must be the one to give way if an
    // application transaction that wrote to a table the foreign keys reference now waits for it
    // while the attach waits for that table: a superuser's deadlock check comes first (the
    // setting is superuser only). Undone with the savepoint, so said again after a rollback.
    let lock_live_parent = format!(
        "{}; LOCK TABLE ONLY {parent} IN EXCLUSIVE MODE",
        pg::set_local_as_superuser("deadlock_timeout", "100ms")
    );
    loop {
        client
            .batch_execute(&format!("SAVEPOINT {ATTACH_SAVEPOINT}"))
            .await?;
        let step = async {
            if live {
                client.batch_execute(&lock_live_parent).await?;
            }
            match client.batch_execute(&attach).await {
                // The application wrote rows of the period into DEFAULT while they were moved
                // (the DELETE only sees the rows there when it starts, and a big move takes
                // seconds): a redo of the whole move would meet the same, every time the period
                // is being written to. Instead the stragglers follow the rest, then the attach,
                // whose scan can then find none. A live period's parent is locked already;
                // otherwise writes to DEFAULT wait, after the parent, in the attach's order.
                Err(e) if e.code() == Some(&SqlState::CHECK_VIOLATION) => {
                    let lock_parent = if live {
                        lock_live_parent.clone()
                    } else {
                        format!("LOCK TABLE ONLY {parent} IN SHARE UPDATE EXCLUSIVE MODE")
                    };
                    client
                        .batch_execute(&format!(
                            "ROLLBACK TO SAVEPOINT {ATTACH_SAVEPOINT}; {lock_parent}; \
                             LOCK TABLE ONLY {} IN EXCLUSIVE MODE",
                            qualified(default)
                        ))
                        .await?;
                    let late = client.execute(&move_sql, &[&p.from, &p.to]).await?;
                    client.batch_execute(&attach).await?;
                    Ok(late)
                }
                other => other.map(|()| 0),
            }
        };
        match step.await {
            Ok(late) => {
                moved += late;
                break;
            }
            // A lock not had in time, or given way in a deadlock: the locks of this step go,
            // the rows moved stay, and the step alone is tried again, on the action's one
            // budget; once spent, the error ends the transaction and the action gives up.
            Err(e)
                if budget.left(settings)
                    && matches!(
                        e.code(),
                        Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE
                            || *c == SqlState::T_R_DEADLOCK_DETECTED
                    ) =>
            {
                budget.fail(settings);
                client
                    .batch_execute(&format!("ROLLBACK TO SAVEPOINT {ATTACH_SAVEPOINT}"))
                    .await?;
                pause_before_retry(&e, settings, budget, &moving(&p.name)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    client
        .batch_execute(&format!("ALTER TABLE {new} DROP CONSTRAINT {chk}"))
        .await?;
    Ok(Outcome::Moved(moved))
}

async fn retire(
    client: &Client,
    target: &Target<'_>,
    p: &Partition,
    drop: bool,
) -> Result<Outcome, Fail> {
    let policy = target.policy;
    let part = qualified(&p.name);
    refuse_newer(client, target, std::slice::from_ref(p)).await?;
    // DROP TABLE of a partition detaches it under the same locks (ACCESS EXCLUSIVE on the
    // parent and the partition); one statement instead of two is about 30 % faster.
    let sql = if drop {
        format!("DROP TABLE {part}")
    } else {
        format!(
            "ALTER TABLE {} DETACH PARTITION {part}",
            qualified(&policy.table)
        )
    };
    client.batch_execute(&sql).await?;
    Ok(Outcome::Done)
}

/// Retention of rows in DEFAULT whose whole period is past retention (action drop): deleted,
/// never moved into a partition the next run would drop. Only rows before the cutoff, whatever
/// the plan said (a safety net, like the check before a drop).
async fn delete_expired(
    client: &Client,
    target: &Target<'_>,
    period: &Partition,
) -> Result<Outcome, Fail> {
    let (default, cutoff) = expired_scope(target)?;
    let col = ident(&target.policy.column);
    let n = client
        .execute(
            &format!(
                "DELETE FROM ONLY {} WHERE {col} >= $1 AND {col} < $2 AND {col} < $3",
                qualified(default)
            ),
            &[&period.from, &period.to, &cutoff],
        )
        .await?;
    Ok(Outcome::Deleted(n))
}

/// Retention of rows in DEFAULT whose whole period is past retention (action detach): moved,
/// in one transaction, into the period's table outside the partitioned table, as its
/// partition would be once detached. The table is made (`LIKE` the parent, with its indexes)
/// when no table has that name; a table that has it and is not a partition (the period's
/// partition, detached by an earlier run) gets the rows appended. Only rows before the cutoff,
/// whatever the plan said.
async fn archive_expired(
    client: &Client,
    target: &Target<'_>,
    period: &Partition,
) -> Result<Outcome, Fail> {
    let policy = target.policy;
    let (default, cutoff) = expired_scope(target)?;
    match lookup(client, target, period).await? {
        Found::Nothing => client.batch_execute(&build_sql(target, period)).await?,
        Found::Other(false) => {
            // An earlier detach's table has the parent's columns; a stray table of that name
            // need not.
            let missing: Option<String> = client
                .query_one(
                    "SELECT string_agg(a.attname::text, ', ' ORDER BY a.attnum) \
                     FROM pg_attribute a \
                     WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 \
                       AND NOT a.attisdropped AND a.attgenerated = '' \
                       AND NOT EXISTS (SELECT 1 FROM pg_attribute b \
                                       WHERE b.attrelid = $2::text::regclass \
                                         AND b.attname = a.attname \
                                         AND b.atttypid = a.atttypid AND NOT b.attisdropped)",
                    &[&qualified(&policy.table), &qualified(&period.name)],
                )
                .await?
                .get(0);
            if let Some(missing) = missing {
                return Err(Fail::Other(hint(
                    anyhow!(
                        "table {} is not one of {}'s rows (it lacks {missing}): the expired rows \
                         of [{}, {}) stay in {default}",
                        period.name,
                        policy.table,
                        crate::partition::plan::fmt_ts(period.from),
                        crate::partition::plan::fmt_ts(period.to)
                    ),
                    "rename or drop that table (a detached partition has the table's columns), \
                     then rerun",
                )));
            }
        }
        Found::Same | Found::Other(true) => {
            return Err(Fail::Other(hint(
                anyhow!(
                    "{} is a partition of {}: the expired rows of [{}, {}) stay in {default}",
                    period.name,
                    policy.table,
                    crate::partition::plan::fmt_ts(period.from),
                    crate::partition::plan::fmt_ts(period.to)
                ),
                "detach or drop that partition (its range is past retention), then rerun",
            )))
        }
    }
    let n = client
        .execute(
            &move_out_of_default_sql(target, default, &period.name, true),
            &[&period.from, &period.to, &cutoff],
        )
        .await?;
    Ok(Outcome::Moved(n))
}

/// Drops `partitions` of the target's table, every one past the target's cutoff, in one
/// transaction under one `lock_timeout`: a commit that drops tables waits for its WAL flush
/// whatever `synchronous_commit` says, and one such commit per partition adds up over dozens of
/// weekly partitions. The parent is locked first (ACCESS EXCLUSIVE, which the drops take
/// anyway: parent before partitions, the order DML and DDL take them in), so no row can arrive
/// between the check and the drop; then one query checks that none of the partitions holds a
/// row at or after the cutoff (as [`retire`] does for one), and one statement drops them
/// (`DROP TABLE a, b, …`), per hundred partitions: a round trip per partition adds up too. The
/// parent stays locked for the few milliseconds that takes. `before_commit` is called when
/// every statement has succeeded, as the COMMIT goes out (again on a retry that gets there).
pub async fn retire_all(
    client: &Client,
    target: &Target<'_>,
    partitions: &[Partition],
    settings: &Settings,
    before_commit: impl Fn(),
) -> Result<()> {
    let what = match partitions {
        [] => return Ok(()),
        [one] => doing(&Action::Drop(one.clone())),
        [first, .., last] => format!(
            "dropping {} partitions of {} ({first} … {last})",
            partitions.len(),
            target.policy.table,
        ),
    };
    // One budget for both steps: emptying the partitions, then dropping them.
    let budget = Budget::default();
    empty_before_drop(client, target, partitions, settings, &budget, &what)
        .await
        .map_err(|f| f.into_error(&what))?;
    let before_commit = &before_commit;
    let lock_parent = format!(
        "LOCK TABLE ONLY {} IN ACCESS EXCLUSIVE MODE",
        qualified(&target.policy.table)
    );
    let lock_parent = &lock_parent;
    let once = || async move {
        client.batch_execute(lock_parent).await?;
        for chunk in partitions.chunks(RETIRE_CHUNK) {
            refuse_newer(client, target, chunk).await?;
            let names: Vec<String> = chunk.iter().map(|p| qualified(&p.name)).collect();
            client
                .batch_execute(&format!("DROP TABLE {}", names.join(", ")))
                .await?;
        }
        before_commit();
        Ok(())
    };
    retrying(
        client,
        settings,
        &budget,
        &[&target.policy.table],
        &what,
        false,
        once,
    )
    .await
    .map_err(|f| f.into_error(&what))
}

/// Empties partitions about to be dropped (`TRUNCATE`, after the same check of their bounds
/// as the drop), in a transaction of their own that locks only them, not their table. A
/// transaction that drops or truncates a table removes its files as it commits, before it
/// releases its locks: measured here, 280 ms for a 473 MB partition. Done by the `DROP TABLE`,
/// which locks the parent, every insert into the table would wait that long; done by the
/// `TRUNCATE`, only the readers of those old partitions do, and the drop that follows removes
/// empty files in a few milliseconds. Interrupted between the two, the partitions stay
/// attached and empty, and the next run drops them.
async fn empty_before_drop(
    client: &Client,
    target: &Target<'_>,
    partitions: &[Partition],
    settings: &Settings,
    budget: &Budget,
    what: &str,
) -> Result<(), Fail> {
    let once = || async move {
        for chunk in partitions.chunks(RETIRE_CHUNK) {
            refuse_newer(client, target, chunk).await?;
            let names: Vec<String> = chunk.iter().map(|p| qualified(&p.name)).collect();
            client
                .batch_execute(&format!("TRUNCATE TABLE {}", names.join(", ")))
                .await?;
        }
        Ok(())
    };
    retrying(
        client,
        settings,
        budget,
        &[&target.policy.table],
        what,
        false,
        once,
    )
    .await
}

/// Partitions per query and per statement in [`retire_all`].
const RETIRE_CHUNK: usize = 100;

/// Refuses to retire any of `partitions` unless each is still a partition of the target's table
/// whose range ends at or before the retention cutoff: the partition's bound guarantees it holds
/// no row at or after the cutoff. Read from the catalog (one query, whatever the rows), so no
/// table is scanned while the drops hold their locks (a probe on the key column would read a
/// whole partition where the column has no index, as in `email_analytics`, with every reader and
/// writer of the table waiting).
async fn refuse_newer(
    client: &Client,
    target: &Target<'_>,
    partitions: &[Partition],
) -> Result<(), Fail> {
    let Some(cutoff) = target.cutoff else {
        return Ok(());
    };
    let names: Vec<String> = partitions.iter().map(|p| qualified(&p.name)).collect();
    let bounds = client
        .query(
            "SELECT pg_get_expr(c.relpartbound, c.oid) \
             FROM unnest($1::text[]) WITH ORDINALITY AS n(name, ord) \
             LEFT JOIN pg_inherits h ON h.inhrelid = to_regclass(n.name) \
                                    AND h.inhparent = to_regclass($2::text) \
             LEFT JOIN pg_class c ON c.oid = h.inhrelid \
             ORDER BY n.ord",
            &[&names, &qualified(&target.policy.table)],
        )
        .await?;
    for (p, row) in partitions.iter().zip(&bounds) {
        let bound: Option<String> = row.get(0);
        match bound.as_deref().map(parse_bound) {
            Some(Bound::Range { to, .. }) if to <= cutoff => {}
            Some(Bound::Range { to, .. }) => return Err(newer_rows(&p.name, cutoff, Some(to))),
            Some(_) => return Err(newer_rows(&p.name, cutoff, None)),
            None => {
                return Err(Fail::Other(anyhow!(
                    "refusing: {} is no longer a partition of {}",
                    p.name,
                    target.policy.table
                )))
            }
        }
    }
    Ok(())
}

fn newer_rows(partition: &str, cutoff: NaiveDateTime, ends: Option<NaiveDateTime>) -> Fail {
    let fmt = crate::partition::plan::fmt_ts;
    Fail::Other(anyhow!(
        "refusing: {partition} may hold rows at or after the retention cutoff {}: {}",
        fmt(cutoff),
        ends.map_or_else(
            || "its bounds are not a range promail reads".to_string(),
            |t| format!("its range ends {}", fmt(t))
        )
    ))
}

/// Runs `once` in a transaction of its own under `lock_timeout` (see [`begin`]), retried like
/// an action after lock timeouts and deadlocks (the failure then names the sessions holding
/// locks on `tables`); errors in the context `doing`.
pub async fn in_transaction<T, Fut>(
    client: &Client,
    settings: &Settings,
    tables: &[&str],
    doing: &str,
    once: impl Fn() -> Fut,
) -> Result<T>
where
    Fut: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
{
    let once = || {
        let run = once();
        async move { run.await.map_err(Fail::Pg) }
    };
    retrying(
        client,
        settings,
        &Budget::default(),
        tables,
        doing,
        false,
        once,
    )
    .await
    .map_err(|f| f.into_error(doing))
}
