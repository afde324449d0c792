//! `db migrate` from start to end: the lock on its own connection, the migration session and
//! its timeouts, the history, the plan, and each pending file handed to the executor
//! ([`super::exec`]); `--dry-run` prints the plan instead.

use std::fmt::Write as _;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::conninfo::{ConnInfo, DEFAULT_APPLICATION_NAME};
use crate::ctx::Ctx;
use crate::duration::{human, pg_setting};
use crate::error::hint;
use crate::lock::{self, Key};
use crate::pg::PgExt;

use super::exec::Runner;
use super::split::{split, Statement};
use super::{history, plan, Migration};

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
    /// Longest wait of each commit for the synchronous standbys ([`crate::pg::commit_within`]).
    pub sync_wait: Duration,
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
            sync_wait: Duration::from_secs(30),
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
pub(super) fn tagged(ctx: &Ctx, what: &str) -> Result<ConnInfo> {
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
    let needs_history = !history::exists(&db).await?;
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
        needs_history: std::cell::Cell::new(needs_history),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transaction_control_inside_a_file_is_refused_before_running() {
        let ok = Migration::parse("0001_a.sql", "SELECT 1;").unwrap();
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
}
