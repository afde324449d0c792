//! Running migrations against a database: the lock, the session settings, one transaction per
//! file with its history row, retries after a lock timeout, and errors that name the file, the
//! line and (for a lock timeout) the session in the way. Also `db status` and `db baseline`.

use std::fmt::Write as _;
use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::json;
use tokio_postgres::error::ErrorPosition;
use tokio_postgres::Client;

use crate::connect::Db;
use crate::conninfo::{ConnInfo, DEFAULT_APPLICATION_NAME};
use crate::ctx::Ctx;
use crate::duration::{human, pg_setting};
use crate::error::{hint, usage};
use crate::lock::{self, Key};
use crate::output::{Output, Rows};
use crate::pg::PgExt;

use super::split::{split, Statement};
use super::{history, plan, Entry, Kind, Migration, State, APP_TABLES};

const BLOCKER: &str = include_str!("../../sql/migrate/blocker.sql");

/// Default bounded wait for the migration lock.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(60);

/// How `db migrate` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long to wait for another migration run to finish.
    pub lock_wait: Duration,
    /// `lock_timeout` of the migration session.
    pub lock_timeout: Duration,
    /// `statement_timeout` of the migration session.
    pub statement_timeout: Duration,
    /// How many times a file (a statement, outside a transaction) is retried after a lock
    /// timeout.
    pub retries: u32,
    /// Apply up to this version.
    pub target: Option<i32>,
    /// Print what would run; change nothing.
    pub dry_run: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lock_wait: DEFAULT_LOCK_WAIT,
            lock_timeout: Duration::from_secs(5),
            statement_timeout: Duration::from_secs(3600),
            retries: 3,
            target: None,
            dry_run: false,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The version before the run.
    pub from: Option<i32>,
    /// The version after the run (with `dry_run`, the version it would reach).
    pub version: Option<i32>,
    /// The migrations applied (or, with `dry_run`, that would be), with their durations.
    pub applied: Vec<(String, Duration)>,
}

/// The connection parameters with a recognisable application name for `pg_stat_activity`
/// (and for the "held by" line a concurrent run prints).
fn tagged(ctx: &Ctx, what: &str) -> Result<ConnInfo> {
    let mut info = ctx.conninfo()?;
    if info.application_name == DEFAULT_APPLICATION_NAME {
        info.application_name = format!("promail {what}");
    }
    Ok(info)
}

/// `promail db migrate`: applies the pending migrations of `known` under the migration lock.
/// Prints one line per applied migration (stderr), nothing when there is nothing to do.
pub async fn migrate(ctx: &Ctx, known: &[Migration], opts: &Options) -> Result<Outcome> {
    let info = tagged(ctx, "db migrate")?;
    if opts.dry_run {
        return dry_run(ctx, &info, known, opts).await;
    }
    let lock_db = ctx.connect_to(&info).await?;
    let waited = lock::acquire_or_fail(&lock_db, Key::Migrate, opts.lock_wait).await?;
    if waited >= Duration::from_millis(100) {
        ctx.out.verbose(format!(
            "waited {} for another migration run to finish",
            human(waited)
        ));
    }
    let db = ctx.connect_to(&lock_db.info).await?;
    db.batch_execute(&format!(
        "SET lock_timeout = '{}'; SET statement_timeout = '{}'",
        pg_setting(opts.lock_timeout),
        pg_setting(opts.statement_timeout)
    ))
    .await
    .pg()
    .context("setting lock_timeout and statement_timeout")?;

    let applied = history::read(&db).await?;
    let plan = plan(known, &applied, opts.target)?;
    let prepared = prepare(&plan.pending)?;
    let mut outcome = Outcome {
        from: plan.current,
        version: plan.current,
        applied: Vec::new(),
    };
    if prepared.is_empty() {
        ctx.out.verbose("nothing to apply");
        lock::release(&lock_db, Key::Migrate).await?;
        return Ok(outcome);
    }
    history::bootstrap(&db).await?;
    let pid: i32 = db
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .pg()?
        .get(0);
    let runner = Runner {
        db: &db,
        watch: &lock_db,
        pid,
        opts,
        out: &ctx.out,
    };
    let mut version = plan.current;
    for (m, stmts) in &prepared {
        let took = if m.no_transaction {
            runner.outside_transaction(m, stmts, version).await?
        } else {
            runner.in_transaction(m, stmts, version).await?
        };
        ctx.out
            .info(format!("applied {} ({} ms)", m.label(), took.as_millis()));
        outcome.applied.push((m.label().to_string(), took));
        outcome.version = Some(m.version);
        version = Some(m.version);
    }
    lock::release(&lock_db, Key::Migrate).await?;
    Ok(outcome)
}

async fn dry_run(
    ctx: &Ctx,
    info: &ConnInfo,
    known: &[Migration],
    opts: &Options,
) -> Result<Outcome> {
    // No lock and no history table: a dry run changes nothing.
    let db = ctx.connect_to(info).await?;
    let applied = history::read(&db).await?;
    let plan = plan(known, &applied, opts.target)?;
    let prepared = prepare(&plan.pending)?;
    let mut text = String::new();
    for (m, stmts) in &prepared {
        let how = if m.no_transaction {
            "outside a transaction"
        } else {
            "in one transaction"
        };
        let _ = writeln!(
            text,
            "would apply {} ({} statements, {how})",
            m.label(),
            stmts.len()
        );
        if ctx.out.verbose > 0 {
            text.push_str(&m.sql);
            if !m.sql.ends_with('\n') {
                text.push('\n');
            }
        }
    }
    if prepared.is_empty() {
        ctx.out.verbose("nothing to apply");
    }
    crate::output::write_stdout(&text)?;
    Ok(Outcome {
        from: plan.current,
        version: prepared.last().map(|(m, _)| m.version).or(plan.current),
        applied: prepared
            .iter()
            .map(|(m, _)| (m.label().to_string(), Duration::ZERO))
            .collect(),
    })
}

/// Splits every pending file before anything runs, so that a malformed later file stops the
/// run before the first one is applied.
fn prepare<'a>(pending: &[&'a Migration]) -> Result<Vec<(&'a Migration, Vec<Statement>)>> {
    pending
        .iter()
        .map(|m| {
            let stmts = split(&m.sql)
                .map_err(|e| anyhow::anyhow!("migration {} cannot be read: {e}", m.file))?;
            if !m.no_transaction {
                if let Some(s) = stmts.iter().find(|s| {
                    matches!(
                        s.first_word(&m.sql).as_str(),
                        "begin" | "commit" | "rollback" | "end" | "abort" | "start"
                    )
                }) {
                    return Err(hint(
                        anyhow::anyhow!(
                            "migration {} line {}: {} inside a migration: each file already runs in a transaction of its own",
                            m.file,
                            s.line,
                            s.first_word(&m.sql).to_uppercase()
                        ),
                        format!("remove the transaction control from {}; for statements that cannot run in a transaction make `-- promail:no-transaction` its first line", m.file),
                    ));
                }
            }
            Ok((*m, stmts))
        })
        .collect()
}

/// Who a statement waited for when it gave up.
#[derive(Debug, Clone)]
struct Blocker {
    mode: String,
    locktype: String,
    relation: String,
    pid: i32,
    app: String,
    state: String,
    xact_secs: i64,
}

impl Blocker {
    fn describe(&self) -> String {
        let what = if self.relation.is_empty() {
            format!("a {} lock", self.locktype)
        } else {
            format!("table {}", self.relation)
        };
        let mut who = format!("backend pid {}", self.pid);
        let mut details = Vec::new();
        if !self.app.is_empty() {
            details.push(self.app.clone());
        }
        if !self.state.is_empty() {
            details.push(self.state.clone());
        }
        if self.xact_secs > 0 {
            details.push(format!("transaction open for {} s", self.xact_secs));
        }
        if !details.is_empty() {
            let _ = write!(who, " ({})", details.join(", "));
        }
        format!("waited for {} on {what}, held by {who}", self.mode)
    }
}

async fn blocker(watch: &Client, pid: i32) -> Option<Blocker> {
    let row = watch.query_opt(BLOCKER, &[&pid]).await.ok()??;
    Some(Blocker {
        mode: row.get(0),
        locktype: row.get(1),
        relation: row.get(2),
        pid: row.get(3),
        app: row.get(4),
        state: row.get(5),
        xact_secs: row.get(6),
    })
}

/// Runs `fut` on the migration session while the lock session looks, every quarter second,
/// at what the migration session is waiting for: by the time lock_timeout fires the wait is
/// over and nobody could say who was in the way.
async fn watched<T>(
    fut: impl Future<Output = Result<T, tokio_postgres::Error>>,
    watch: &Client,
    pid: i32,
) -> (Result<T, tokio_postgres::Error>, Option<Blocker>) {
    tokio::pin!(fut);
    let mut last = None;
    let tick = tokio::time::sleep(Duration::from_millis(200));
    tokio::pin!(tick);
    loop {
        tokio::select! {
            biased;
            r = &mut fut => return (r, last),
            () = &mut tick => {
                if let Some(b) = blocker(watch, pid).await {
                    last = Some(b);
                }
                tick.as_mut().reset(tokio::time::Instant::now() + Duration::from_millis(250));
            }
        }
    }
}

/// A failed step of a migration, before it becomes the user's error.
struct Failure {
    line: Option<usize>,
    code: Option<String>,
    message: String,
    server_hint: Option<String>,
    blocker: Option<Blocker>,
}

impl Failure {
    fn pg(e: &tokio_postgres::Error, m: &Migration, stmt: Option<&Statement>) -> Failure {
        let Some(db) = e.as_db_error() else {
            let message = if e.is_closed() {
                "the server closed the connection".to_string()
            } else {
                let mut s = e.to_string();
                let mut src = std::error::Error::source(e);
                while let Some(c) = src {
                    let _ = write!(s, ": {c}");
                    src = c.source();
                }
                s
            };
            return Failure {
                line: stmt.map(|s| s.line),
                code: None,
                message,
                server_hint: None,
                blocker: None,
            };
        };
        let line = stmt.map(|s| match db.position() {
            Some(ErrorPosition::Original(p)) => s.line_at(&m.sql, *p),
            _ => s.line,
        });
        let mut message = format!("{} (SQLSTATE {})", db.message(), db.code().code());
        if let Some(d) = db.detail() {
            let _ = write!(message, "; {d}");
        }
        if let Some(w) = db.where_() {
            let _ = write!(message, "; {}", w.replace('\n', "; "));
        }
        Failure {
            line,
            code: Some(db.code().code().to_string()),
            message,
            server_hint: db.hint().map(ToString::to_string),
            blocker: None,
        }
    }

    fn other(e: &anyhow::Error) -> Failure {
        Failure {
            line: None,
            code: crate::pg::sqlstate(e),
            message: format!("{e:#}"),
            server_hint: None,
            blocker: None,
        }
    }

    fn lock_timeout(&self) -> bool {
        self.code.as_deref() == Some("55P03")
    }

    fn into_error(
        self,
        m: &Migration,
        opts: &Options,
        attempts: u32,
        before: Option<i32>,
    ) -> anyhow::Error {
        let at = self
            .line
            .map(|l| format!(" at line {l}"))
            .unwrap_or_default();
        let mut msg = format!("migration {} failed{at}: {}", m.file, self.message);
        if self.lock_timeout() {
            let _ = write!(msg, " (lock_timeout {})", human(opts.lock_timeout));
            if let Some(b) = &self.blocker {
                let _ = write!(msg, "; it {}", b.describe());
            }
            if attempts > 1 {
                let _ = write!(msg, "; gave up after {attempts} attempts");
            }
        }
        let mut h = if m.no_transaction {
            let upto = self.line.map_or_else(
                || "before the failure".to_string(),
                |l| format!("before line {l}"),
            );
            format!(
                "{} runs outside a transaction (-- promail:no-transaction): its statements {upto} stay applied and the next run starts it again from the top, so each statement must be idempotent (IF NOT EXISTS); an index left INVALID by a failed CREATE INDEX CONCURRENTLY must be dropped first",
                m.file
            )
        } else {
            let at = before.map_or_else(
                || "has no migration applied".to_string(),
                |v| format!("is still at version {v:04}"),
            );
            format!(
                "nothing of {} was applied (rolled back): the database {at}",
                m.file
            )
        };
        match self.code.as_deref() {
            Some("55P03") => {
                let end = self.blocker.as_ref().map_or_else(
                    || "end the long transaction".to_string(),
                    |b| format!("end it (SELECT pg_terminate_backend({}))", b.pid),
                );
                let _ = write!(
                    h,
                    "; a transaction holds a lock this migration needs: {end} or run again when it is over; --lock-timeout and --retries set how long promail waits"
                );
            }
            Some("57014") => {
                let _ = write!(
                    h,
                    "; the statement ran longer than statement_timeout ({}): raise --statement-timeout (PROMAIL_STATEMENT_TIMEOUT) if it needs longer",
                    human(opts.statement_timeout)
                );
            }
            Some("25001") if !m.no_transaction => {
                let _ = write!(
                    h,
                    "; a statement that cannot run in a transaction needs `{}` as the first line of the file (which must then be idempotent)",
                    super::NO_TRANSACTION_MARKER
                );
            }
            _ => {
                if let Some(sh) = &self.server_hint {
                    let _ = write!(h, "; server hint: {sh}");
                }
                h.push_str("; fix the cause and run `promail db migrate` again");
            }
        }
        hint(anyhow::anyhow!(msg), h)
    }
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1u64 << attempt.min(6)))
        .min(Duration::from_secs(30))
}

struct Runner<'a> {
    db: &'a Db,
    watch: &'a Db,
    pid: i32,
    opts: &'a Options,
    out: &'a Output,
}

impl Runner<'_> {
    /// One transaction: the statements and the history row; retried whole after a lock
    /// timeout.
    async fn in_transaction(
        &self,
        m: &Migration,
        stmts: &[Statement],
        before: Option<i32>,
    ) -> Result<Duration> {
        let mut attempt = 0;
        loop {
            let started = Instant::now();
            match self.once(m, stmts, started).await {
                Ok(()) => return Ok(started.elapsed()),
                Err(f) => {
                    let _ = self.db.batch_execute("ROLLBACK").await;
                    if f.lock_timeout() && attempt < self.opts.retries {
                        attempt += 1;
                        self.retry_note(m, &f, attempt).await;
                        continue;
                    }
                    return Err(f.into_error(m, self.opts, attempt + 1, before));
                }
            }
        }
    }

    async fn once(
        &self,
        m: &Migration,
        stmts: &[Statement],
        started: Instant,
    ) -> Result<(), Failure> {
        self.db
            .batch_execute("BEGIN")
            .await
            .map_err(|e| Failure::pg(&e, m, None))?;
        for s in stmts {
            self.statement(m, s).await?;
        }
        history::record(self.db, m, Some(elapsed_ms(started)), Kind::Applied)
            .await
            .map_err(|e| Failure::other(&e))?;
        self.db
            .batch_execute("COMMIT")
            .await
            .map_err(|e| Failure::pg(&e, m, None))
    }

    async fn statement(&self, m: &Migration, s: &Statement) -> Result<(), Failure> {
        let (r, blocker) =
            watched(self.db.batch_execute(s.text(&m.sql)), self.watch, self.pid).await;
        r.map_err(|e| {
            let mut f = Failure::pg(&e, m, Some(s));
            f.blocker = blocker;
            f
        })
    }

    /// Statement by statement, each committed on its own; the history row after the last.
    /// Statements are retried one by one after a lock timeout.
    async fn outside_transaction(
        &self,
        m: &Migration,
        stmts: &[Statement],
        before: Option<i32>,
    ) -> Result<Duration> {
        let started = Instant::now();
        let invalid_before = invalid_indexes(self.db).await?;
        for s in stmts {
            let mut attempt = 0;
            loop {
                match self.statement(m, s).await {
                    Ok(()) => break,
                    Err(f) if f.lock_timeout() && attempt < self.opts.retries => {
                        attempt += 1;
                        self.retry_note(m, &f, attempt).await;
                    }
                    Err(f) => return Err(f.into_error(m, self.opts, attempt + 1, before)),
                }
            }
        }
        // CREATE INDEX CONCURRENTLY IF NOT EXISTS succeeds over an INVALID index that an
        // earlier failed build left behind: such a file did not do its job.
        let invalid: Vec<String> = invalid_indexes(self.db)
            .await?
            .into_iter()
            .filter(|i| !invalid_before.contains(i))
            .collect();
        if !invalid.is_empty() {
            return Err(hint(
                anyhow::anyhow!(
                    "migration {} left invalid index {} (a CREATE INDEX CONCURRENTLY failed or was interrupted)",
                    m.file,
                    invalid.join(", ")
                ),
                format!(
                    "DROP INDEX CONCURRENTLY {}; then run `promail db migrate` again ({} is not recorded as applied)",
                    invalid[0], m.file
                ),
            ));
        }
        let took = started.elapsed();
        history::record(self.db, m, Some(took.as_millis() as i64), Kind::Applied).await?;
        Ok(took)
    }

    async fn retry_note(&self, m: &Migration, f: &Failure, attempt: u32) {
        let pause = backoff(attempt - 1);
        let at = f.line.map(|l| format!(" at line {l}")).unwrap_or_default();
        let who = f
            .blocker
            .as_ref()
            .map(|b| format!(": it {}", b.describe()))
            .unwrap_or_default();
        self.out.warn(format!(
            "{}: lock timeout{at}{who}; retrying in {} (attempt {} of {})",
            m.file,
            human(pause),
            attempt + 1,
            self.opts.retries + 1
        ));
        tokio::time::sleep(pause).await;
    }
}

fn elapsed_ms(started: Instant) -> i64 {
    started.elapsed().as_millis() as i64
}

/// Indexes whose build did not complete (`pg_index.indisvalid` false).
async fn invalid_indexes(client: &Client) -> Result<Vec<String>> {
    let rows = client
        .query(
            "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1",
            &[],
        )
        .await
        .pg()
        .context("looking for invalid indexes")?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// `promail db status`: the history of the database (empty when it has none).
pub async fn status(ctx: &Ctx) -> Result<Vec<history::Applied>> {
    let db = ctx.connect_to(&tagged(ctx, "db status")?).await?;
    history::read(&db).await
}

/// The rows `db status` prints.
pub fn status_rows(entries: &[Entry]) -> Rows {
    let mut rows = Rows::new([
        "version",
        "name",
        "state",
        "kind",
        "applied_at",
        "duration_ms",
    ]);
    for e in entries {
        let a = e.applied;
        rows.push(vec![
            json!(e.version),
            json!(e.name()),
            json!(e.state.as_str()),
            json!(a.map(|a| a.kind.as_str())),
            json!(a
                .and_then(|a| a.applied_at)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))),
            json!(a.and_then(|a| a.duration_ms)),
        ]);
    }
    rows
}

/// For `db status --check`: an error when anything is pending, changed or unknown.
pub fn check(entries: &[Entry]) -> Result<()> {
    let mut parts = Vec::new();
    let mut fix = Vec::new();
    for (state, fix_text) in [
        (State::Pending, "run `promail db migrate`"),
        (
            State::Changed,
            "revert the edited files (changes go in new migrations)",
        ),
        (State::Unknown, "upgrade promail"),
    ] {
        let names: Vec<String> = entries
            .iter()
            .filter(|e| e.state == state)
            .map(Entry::label)
            .collect();
        if !names.is_empty() {
            parts.push(format!(
                "{} {} ({})",
                names.len(),
                state.as_str(),
                names.join(", ")
            ));
            fix.push(fix_text);
        }
    }
    if parts.is_empty() {
        return Ok(());
    }
    Err(hint(
        anyhow::anyhow!("database schema is not up to date: {}", parts.join("; ")),
        fix.join("; "),
    ))
}

/// `promail db baseline`: records the known migrations up to `version` as applied, without
/// running them, in a database created by hand from the seed. Returns what it recorded.
pub async fn baseline<'a>(
    ctx: &Ctx,
    known: &'a [Migration],
    version: i32,
    lock_wait: Duration,
) -> Result<Vec<&'a Migration>> {
    if !known.iter().any(|m| m.version == version) {
        return Err(hint(
            usage(format!(
                "--version {version}: no migration has that version"
            )),
            format!(
                "known versions: {}",
                known
                    .iter()
                    .map(Migration::label)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let info = tagged(ctx, "db baseline")?;
    let lock_db = ctx.connect_to(&info).await?;
    lock::acquire_or_fail(&lock_db, Key::Migrate, lock_wait).await?;
    let db = ctx.connect_to(&lock_db.info).await?;

    let tables: Vec<String> = APP_TABLES.iter().map(ToString::to_string).collect();
    let missing: Vec<String> = db
        .query(
            "SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n) \
             WHERE to_regclass(quote_ident(t)) IS NULL ORDER BY n",
            &[&tables],
        )
        .await
        .pg()
        .context("looking for the application's tables")?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if !missing.is_empty() {
        return Err(hint(
            anyhow::anyhow!(
                "cannot baseline: table{} {} missing (baseline adopts a database created from the seed, with all of {})",
                if missing.len() == 1 { " is" } else { "s are" },
                missing.join(", "),
                APP_TABLES.join(", ")
            ),
            "create the missing tables as the seed specifies, or run `promail db migrate` on an empty database instead",
        ));
    }
    let applied = history::read(&db).await?;
    if let Some(last) = applied.last() {
        return Err(hint(
            anyhow::anyhow!(
                "cannot baseline: promail.schema_migrations already has {} row{} (up to {})",
                applied.len(),
                if applied.len() == 1 { "" } else { "s" },
                last.label()
            ),
            "baseline is for databases promail never migrated; `promail db status` shows where this one is",
        ));
    }
    history::bootstrap(&db).await?;
    let adopted: Vec<&Migration> = known.iter().filter(|m| m.version <= version).collect();
    db.batch_execute("BEGIN").await.pg()?;
    for m in &adopted {
        if let Err(e) = history::record(&db, m, None, Kind::Baseline).await {
            let _ = db.batch_execute("ROLLBACK").await;
            return Err(e);
        }
    }
    db.batch_execute("COMMIT")
        .await
        .pg()
        .context("recording the baseline")?;
    lock::release(&lock_db, Key::Migrate).await?;
    Ok(adopted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(file: &str) -> Migration {
        Migration::parse(file, "SELECT 1;").unwrap()
    }

    #[test]
    fn transaction_control_inside_a_file_is_refused_before_running() {
        let ok = m("0001_a.sql");
        let bad = Migration::parse(
            "0002_b.sql",
            "CREATE TABLE t (x int);\nBEGIN;\nSELECT 1;\nCOMMIT;",
        )
        .unwrap();
        let e = prepare(&[&ok, &bad]).err().unwrap();
        let msg = format!("{e:#}");
        assert!(msg.contains("0002_b.sql line 2: BEGIN"), "{msg}");
        let marked = Migration::parse(
            "0003_c.sql",
            "-- promail:no-transaction\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON t (x);",
        )
        .unwrap();
        assert_eq!(prepare(&[&marked]).unwrap()[0].1.len(), 2);
    }

    #[test]
    fn unterminated_quote_names_file_and_line() {
        let bad = Migration::parse("0004_d.sql", "SELECT 1;\nSELECT 'oops;\n").unwrap();
        let msg = format!("{:#}", prepare(&[&bad]).err().unwrap());
        assert!(
            msg.contains("0004_d.sql") && msg.contains("line 2"),
            "{msg}"
        );
    }

    #[test]
    fn backoff_grows_and_is_bounded() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(20), Duration::from_secs(30));
    }

    #[test]
    fn check_lists_what_is_not_applied() {
        let known = vec![m("0001_a.sql"), m("0002_b.sql")];
        let applied = vec![history::Applied::new(1, "a", &known[0].checksum)];
        let entries = super::super::compare(&known, &applied);
        let e = check(&entries).unwrap_err();
        assert_eq!(
            format!("{e:#}"),
            "database schema is not up to date: 1 pending (0002_b)"
        );
        let all = vec![
            history::Applied::new(1, "a", &known[0].checksum),
            history::Applied::new(2, "b", &known[1].checksum),
        ];
        assert!(check(&super::super::compare(&known, &all)).is_ok());
    }
}
