//! The executor: runs one migration file on the migration session, in one transaction with
//! its history row or (for `-- promail:no-transaction` files) statement by statement; retries
//! after a lock timeout; turns failures into errors that name the file, the line and, for a
//! lock timeout, the session in the way (watched from the lock connection while it waits).

use std::cell::Cell;
use std::fmt::Write as _;
use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::error::ErrorPosition;
use tokio_postgres::Client;

use crate::connect::Db;
use crate::duration::human;
use crate::error::hint;
use crate::output::Output;
use crate::pg::PgExt;

use super::split::Statement;
use super::{history, Kind, Migration, Options};

const BLOCKER: &str = include_str!("../../sql/migrate/blocker.sql");

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
            // The schema made by hand (from the seed) before promail: adopt it, do not fix it.
            Some("42P07" | "42710" | "42723") if before.is_none() => {
                let _ = write!(
                    h,
                    "; the objects exist already (a schema made by hand?): adopt it with `promail db baseline`, which checks it and records 0001 without running it, then run `promail db migrate`"
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

/// Runs files on `db` (the migration session) while `watch` (the lock session) can look at it.
pub(super) struct Runner<'a> {
    pub db: &'a Db,
    pub watch: &'a Db,
    pub pid: i32,
    pub opts: &'a Options,
    pub out: &'a Output,
    /// The history table is still to be created: with the first migration, in its
    /// transaction.
    pub needs_history: Cell<bool>,
}

impl Runner<'_> {
    /// One transaction: the statements and the history row; retried whole after a lock
    /// timeout.
    pub async fn in_transaction(
        &self,
        m: &Migration,
        stmts: &[Statement],
        before: Option<i32>,
    ) -> Result<Duration> {
        let mut attempt = 0;
        loop {
            let started = Instant::now();
            match self.once(m, stmts, started).await {
                Ok(None) => return Ok(started.elapsed()),
                // Committed, and recorded: not to be rolled back or retried.
                Ok(Some(unconfirmed)) => {
                    self.needs_history.set(false);
                    return Err(unconfirmed);
                }
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
    ) -> Result<Option<anyhow::Error>, Failure> {
        self.db
            .batch_execute("BEGIN")
            .await
            .map_err(|e| Failure::pg(&e, m, None))?;
        if self.needs_history.get() {
            history::create(self.db)
                .await
                .map_err(|e| Failure::other(&e))?;
        }
        for s in stmts {
            self.statement(m, s).await?;
        }
        history::record(self.db, m, Some(elapsed_ms(started)), Kind::Applied)
            .await
            .map_err(|e| Failure::other(&e))?;
        let limit = crate::pg::commit_waits(&self.db.client, self.opts.sync_wait).await;
        let committed = crate::pg::commit_within(
            self.db.batch_execute("COMMIT"),
            self.db.cancel_token(),
            limit,
            &format!("migration {}", m.file),
        )
        .await;
        match committed {
            Ok(()) => {
                self.needs_history.set(false);
                Ok(None)
            }
            Err(crate::pg::CommitError::Unconfirmed(e)) => Ok(Some(e)),
            Err(crate::pg::CommitError::Pg(e)) => Err(Failure::pg(&e, m, None)),
        }
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
    pub async fn outside_transaction(
        &self,
        m: &Migration,
        stmts: &[Statement],
        before: Option<i32>,
    ) -> Result<Duration> {
        let started = Instant::now();
        if self.needs_history.get() {
            history::bootstrap(self.db).await?;
            self.needs_history.set(false);
        }
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
        // earlier failed build left behind: such a file did not do its job. Suspects: invalid
        // indexes that are new, or that the file names.
        let sql = m.sql.to_lowercase();
        let invalid: Vec<String> = invalid_indexes(self.db)
            .await?
            .into_iter()
            .filter(|(shown, name)| {
                !invalid_before.iter().any(|(b, _)| b == shown) || mentions(&sql, name)
            })
            .map(|(shown, _)| shown)
            .collect();
        if !invalid.is_empty() {
            return Err(hint(
                anyhow::anyhow!(
                    "migration {} leaves invalid index {} (a CREATE INDEX CONCURRENTLY failed or was interrupted, now or in an earlier run)",
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

/// Indexes whose build did not complete (`pg_index.indisvalid` false): as `regclass` shows
/// them, and their bare lower-case name.
async fn invalid_indexes(client: &Client) -> Result<Vec<(String, String)>> {
    let rows = client
        .query(
            "SELECT i.indexrelid::regclass::text, lower(c.relname::text) \
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
             WHERE NOT i.indisvalid ORDER BY 1",
            &[],
        )
        .await
        .pg()
        .context("looking for invalid indexes")?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Whether lower-case `sql` contains `name` as a whole word.
fn mentions(sql: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    sql.match_indices(name).any(|(at, _)| {
        !sql[..at].chars().next_back().is_some_and(word)
            && !sql[at + name.len()..].chars().next().is_some_and(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_are_matched_as_words() {
        let sql = "create index concurrently if not exists t_dup on t (x);";
        assert!(mentions(sql, "t_dup"));
        assert!(!mentions(sql, "t_du"));
        assert!(!mentions(sql, "dup"));
        assert!(mentions("drop index \"t_dup\";", "t_dup"));
    }

    #[test]
    fn backoff_grows_and_is_bounded() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(20), Duration::from_secs(30));
    }
}
