//! `promail cleanup`: the seed's retention (`cleanup_old_logs()`), with expired partitions
//! dropped first and the boundary partition's old rows deleted meanwhile, so that the function
//! is left with almost nothing to do.

use anyhow::{Context, Result};
use clap::Args;
use serde_json::{json, Value};

use crate::cli::YesOpts;
use crate::connect::{self, Prompt};
use crate::ctx::Ctx;
use crate::lock::{self, Key};
use crate::output::{Format, Rows};
use crate::partition::catalog;
use crate::partition::cleanup::{self, Removed, TablePlan};
use crate::partition::plan::RetentionAction;
use crate::partition::policy;

/// Removes login_history rows older than 90 days and email_analytics rows older than 30 days
/// (the server's clock), as the seed's cleanup_old_logs() does, and reports per table how many
/// rows went. Partitions entirely past that are dropped first (fast, little WAL); rows in them
/// are counted from the statistics system ("≈") unless --exact, and so, with --dry-run, are the
/// rows the function would delete (the planner's estimate). They are dropped whatever the
/// table's partition policy says (detach, or no retention): the seed's function would delete
/// their rows anyway.
#[derive(Debug, Args)]
pub struct CleanupArgs {
    /// Count what would be removed; change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Count the rows of dropped partitions, and with --dry-run the rows to delete, exactly (a
    /// scan of each) instead of estimating
    #[arg(long)]
    pub exact: bool,

    /// Print the report on stdout in this format (default: a table with --dry-run, otherwise
    /// one line per table on stderr)
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub yes: YesOpts,

    #[command(flatten)]
    pub lock: super::partitions::LockOpts,
}

pub async fn run(args: &CleanupArgs, ctx: &Ctx) -> Result<()> {
    if !args.dry_run {
        ctx.will_write();
    }
    let db = ctx.connect().await?;
    let checked = async {
        catalog::prepare_session(&db, args.lock.lock_timeout).await?;
        cleanup::check_function(&db).await
    };
    if args.dry_run {
        checked.await?;
        let plans = cleanup::plan(&db, args.exact, true).await?;
        warn_policies(&db, &plans, ctx).await;
        let removed: Vec<Removed> = plans
            .into_iter()
            .map(|p| {
                let deleted = p.to_delete.unwrap_or(0);
                Removed { plan: p, deleted }
            })
            .collect();
        let format = args.format.unwrap_or(Format::Table);
        return ctx.out.rows(format, &report(&removed, format));
    }

    // Locks on a session of their own, connected while the first is checked: no other
    // cleanup, no partition maintenance meanwhile.
    let ((), session) = futures_util::future::try_join(checked, async {
        connect::connect(&db.info, Prompt::Never)
            .await
            .context("opening a session for the cleanup lock")
    })
    .await?;
    // Another cleanup doing this work: exit 0 saying so, as rotate does (a warning, printed
    // even with -q). Partition maintenance in the way is a failure: this work is not done.
    if let lock::Acquired::Busy { holder_pid, .. } =
        lock::acquire(&session, Key::Cleanup, args.lock.lock_wait).await?
    {
        let why = lock::skipped("cleanup", holder_pid);
        ctx.out.warn(&why);
        ctx.skipped(why);
        return Ok(());
    }
    lock::acquire_or_fail(&session, Key::Partitions, args.lock.lock_wait).await?;

    // Two more sessions, connected while the plan is read: one drops the second table's
    // partitions while the first drops the first's, one deletes the boundary rows meanwhile.
    // Without them (a connection limit, say) the same work runs on the first session.
    let extra = async {
        let connect = || async {
            let s = connect::connect(&db.info, Prompt::Never).await?;
            catalog::prepare_session(&s, args.lock.lock_timeout).await?;
            anyhow::Ok(s)
        };
        let (a, b) = futures_util::future::join(connect(), connect()).await;
        let mut sessions = Vec::new();
        for s in [a, b] {
            match s {
                Ok(s) => sessions.push(s),
                Err(e) => ctx.out.verbose(format!(
                    "working on fewer sessions: could not open one more: {e:#}"
                )),
            }
        }
        sessions
    };
    // The lock session, idle meanwhile, finds out whether the delete may compress its WAL.
    let (plans, extra, compress_wal) = futures_util::future::join3(
        cleanup::plan(&db, args.exact, false),
        extra,
        cleanup::can_compress_wal(&session),
    )
    .await;
    let plans = plans?;
    warn_policies(&db, &plans, ctx).await;
    ctx.confirm(&question(&plans), args.yes.yes).await?;
    let out = &ctx.out;
    let mut sessions: Vec<&tokio_postgres::Client> = vec![&db.client];
    sessions.extend(extra.iter().map(|s| &s.client));
    let removed = cleanup::execute(
        &sessions,
        &db.server,
        plans,
        compress_wal,
        &args.lock.settings(ctx),
        |line| {
            out.verbose(line);
        },
    )
    .await?;
    match args.format {
        Some(f) => out.rows(f, &report(&removed, f))?,
        None => {
            for r in &removed {
                if let Some(line) = summary_line(r) {
                    out.info(line);
                }
            }
        }
    }
    drop(session);
    Ok(())
}

/// Warns when a table's partition policy keeps more than the seed's retention that cleanup
/// applies (a longer retention, none, or detached partitions kept): cleanup removes it anyway,
/// as the seed's function would. Nothing when the policies cannot be read (cleanup needs only
/// the function).
async fn warn_policies(db: &tokio_postgres::Client, plans: &[TablePlan], ctx: &Ctx) {
    let Ok(stored) = policy::load(db).await else {
        return;
    };
    let Ok(row) = db.query_one("SELECT LOCALTIMESTAMP", &[]).await else {
        return;
    };
    let now: chrono::NaiveDateTime = row.get(0);
    for plan in plans {
        let Some(s) = stored.iter().find(|s| s.policy.table == plan.seed.table) else {
            continue;
        };
        let keeps = match s.retention_text.as_deref() {
            None => Some("keeps every partition".to_string()),
            Some(text) => match policy::cutoff(db, plan.seed.table, now).await {
                Ok(Some(c)) if c < plan.cutoff => Some(format!("keeps {text}")),
                // Before the first representable timestamp ('10000 years'): keeps everything.
                Ok(None) => Some(format!("keeps {text}")),
                _ => None,
            },
        };
        let detaches = s.policy.action == RetentionAction::Detach && !plan.expired.is_empty();
        let what = match (keeps, detaches) {
            (Some(k), true) => format!("{k} and detaches expired partitions"),
            (Some(k), false) => k,
            (None, true) => "detaches expired partitions (keeps their tables)".to_string(),
            (None, false) => continue,
        };
        ctx.out.warn(format!(
            "{}: its partition policy {what}, but cleanup applies the seed's retention ({}): \
             it deletes the rows older than that and drops their partitions; \
             to keep them, leave cleanup out and let `partitions rotate` apply the policy",
            plan.seed.table, plan.seed.interval
        ));
    }
}

fn question(plans: &[TablePlan]) -> String {
    let parts: Vec<String> = plans
        .iter()
        .map(|p| {
            let dropped = if p.expired.is_empty() {
                String::new()
            } else {
                format!(
                    " (dropping {} whatever the partition policy's action, {}{} rows)",
                    crate::output::count(p.expired.len() as u64, "partition", "partitions"),
                    if p.exact() { "" } else { "≈" },
                    p.expired_rows()
                )
            };
            format!(
                "{} rows older than {}{dropped}",
                p.seed.table, p.seed.interval
            )
        })
        .collect();
    format!("delete {}", parts.join(" and "))
}

/// `login_history: removed ≈3412163 rows older than 2026-08-26 21:54:37 (9 partitions dropped, ≈3058000 rows; 354163 rows deleted; "1 partition" for one)`
fn summary_line(r: &Removed) -> Option<String> {
    let cutoff = r.plan.cutoff.format("%Y-%m-%d %H:%M:%S");
    let p = &r.plan;
    let dropped = p.expired_rows();
    let total = dropped + r.deleted;
    if total == 0 && p.expired.is_empty() {
        return None;
    }
    let approx = if p.exact() { "" } else { "≈" };
    Some(format!(
        "{}: removed {approx}{total} rows older than {} ({} dropped, {approx}{dropped} rows; {} deleted)",
        p.seed.table,
        cutoff,
        crate::output::count(p.expired.len() as u64, "partition", "partitions"),
        crate::output::count(r.deleted as u64, "row", "rows")
    ))
}

/// One row per table. In a table, estimated counts read "≈n"; JSON and CSV keep numbers and
/// say `exact`.
fn report(removed: &[Removed], format: Format) -> Rows {
    let mut rows = Rows::new([
        "table",
        "retention",
        "cutoff",
        "partitions_dropped",
        "rows_in_dropped_partitions",
        "rows_deleted",
        "rows_removed",
        "exact",
    ]);
    for r in removed {
        let p = &r.plan;
        let dropped = p.expired_rows();
        let total = dropped + r.deleted;
        let exact = p.exact();
        let num = |n: i64| -> Value {
            if format == Format::Table && !exact {
                json!(format!("≈{n}"))
            } else {
                json!(n)
            }
        };
        rows.push(vec![
            json!(p.seed.table),
            json!(p.seed.interval),
            json!(p.cutoff.format("%Y-%m-%d %H:%M:%S").to_string()),
            json!(p.expired.len()),
            num(dropped),
            if p.to_delete_exact {
                json!(r.deleted)
            } else {
                num(r.deleted)
            },
            num(total),
            json!(exact),
        ]);
    }
    rows
}
