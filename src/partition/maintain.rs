//! Maintenance runs: `partitions rotate`, `partitions create` and the end of `db migrate`
//! ([`ensure_partitions`]). Reads the policies and the catalog, plans with the pure planner,
//! and hands every action to the executor, under the `Partitions` advisory lock held on a
//! session of its own.
//!
//! Unattended-friendly: one line per change on stderr (nothing when nothing changed), a
//! second concurrent run waits for the lock a bounded time and then either finds nothing left
//! to do or exits successfully saying another run holds it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDateTime;

use crate::connect::{self, Db, Prompt};
use crate::error::{hint, usage};
use crate::lock::{self, Acquired, Key};
use crate::output::Output;
use crate::partition::catalog::{self, Want};
use crate::partition::exec::{self, Outcome, Settings, Target};
use crate::partition::plan::{
    default_partition_name, fmt_ts, plan_premake, plan_range, plan_rotate, premake_window,
    range_overlaps, stuck_in_default, Action, State, StuckReason,
};
use crate::partition::policy;

/// What to do.
#[derive(Debug, Clone, Copy)]
pub enum Job {
    /// Premake and move rows out of DEFAULT; with `retention`, drop/detach expired partitions.
    /// Without, only the premade periods (what `db migrate` ends with).
    Rotate { retention: bool },
    /// The partitions covering `[from, to)` (no retention).
    Range {
        from: NaiveDateTime,
        to: NaiveDateTime,
    },
}

/// How to do it.
#[derive(Debug, Clone)]
pub struct Options {
    /// Tables to work on (all managed tables when empty).
    pub tables: Vec<String>,
    /// "Now" instead of the server's clock (retention never looks past the server's clock).
    pub as_of: Option<NaiveDateTime>,
    /// Print the plan on stdout, change nothing.
    pub dry_run: bool,
    pub exec: Settings,
    /// How long to wait for another run's advisory lock.
    pub lock_wait: Duration,
    /// Count the DEFAULT partition's rows exactly (see [`catalog::Want::exact_default`]).
    pub exact: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tables: Vec::new(),
            as_of: None,
            dry_run: false,
            exec: Settings::default(),
            lock_wait: Duration::from_secs(10),
            exact: false,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Actions applied (or planned, with `dry_run`).
    pub changes: usize,
    /// Another run held the lock: nothing was done.
    pub busy: bool,
}

/// Premakes for every managed table (moving out of DEFAULT the rows of the periods it makes,
/// see [`plan_premake`]), without retention: what `promail db migrate` ends with, so that a
/// fresh database is partitioned at once. Takes the
/// same advisory lock as `partitions rotate` (on a session of its own); sets `DateStyle` and
/// `lock_timeout` on `db`. Returns the number of changes.
pub async fn ensure_partitions(db: &Db, out: &Output, sync_wait: Duration) -> Result<usize> {
    let mut opts = Options::default();
    opts.exec.sync_wait = sync_wait;
    let s = run(db, out, Job::Rotate { retention: false }, &opts).await?;
    Ok(s.changes)
}

/// What [`ensure_partitions`] would do, printed as `partitions rotate --dry-run` prints it (on
/// stdout; an error when a table holds a new partition's name).
pub async fn ensure_partitions_dry_run(db: &Db, out: &Output) -> Result<()> {
    let opts = Options {
        dry_run: true,
        ..Options::default()
    };
    run(db, out, Job::Rotate { retention: false }, &opts).await?;
    Ok(())
}

/// Sessions used at most to create partitions in parallel.
const PARALLEL_CREATES: usize = 4;

/// Partitions of one table a session creates in one transaction at most.
const CREATE_BATCH: usize = 8;

/// The same while the DEFAULT partition holds rows: each batch scans DEFAULT once, so a batch
/// takes two years of monthly partitions (the foreign key locks its attaches take, a
/// millisecond each, are held to the commit).
const CREATE_BATCH_DEFAULT_ROWS: usize = 24;

/// One table's share of a run.
struct Work<'a> {
    policy: &'a crate::partition::plan::Policy,
    server: &'a crate::server::Server,
    cat: catalog::TableCatalog,
    indexes: Vec<exec::IndexTemplate>,
    cutoff: Option<NaiveDateTime>,
    actions: Vec<Action>,
    failed: bool,
    /// Rows were taken out of DEFAULT (moved or deleted): its statistics are refreshed at the
    /// end.
    emptied_default: bool,
}

impl Work<'_> {
    /// Rows in DEFAULT that the planned moves do not take out, ±infinity included.
    fn default_left(&self) -> i64 {
        rows_left_in_default(&self.cat, &self.actions).saturating_add(self.cat.default_infinite)
    }

    fn target(&self) -> Target<'_> {
        Target {
            policy: self.policy,
            columns: &self.cat.columns,
            default: self.cat.default_partition().map(|c| c.name.as_str()),
            cutoff: self.cutoff,
            indexes: &self.indexes,
            server: self.server,
        }
    }
}

/// Rows of the DEFAULT partition's periods that `actions` do not move out (from the counts read
/// when planning).
fn rows_left_in_default(cat: &catalog::TableCatalog, actions: &[Action]) -> i64 {
    let moved: i64 = actions
        .iter()
        .map(|a| match a {
            Action::MoveFromDefault { rows, .. } => *rows,
            _ => 0,
        })
        .sum();
    cat.default_rows
        .iter()
        .map(|(_, n)| (*n).max(0))
        .sum::<i64>()
        .saturating_sub(moved)
}

/// Prints what an applied action did; returns 1 when it changed something.
fn report(out: &Output, target: &Target<'_>, action: &Action, outcome: &Outcome) -> usize {
    let policy = target.policy;
    let default = target
        .default
        .map_or_else(|| default_partition_name(&policy.table), str::to_string);
    match outcome {
        Outcome::Done => {
            out.info(action.describe_in(policy, &default));
            1
        }
        Outcome::Moved(n) | Outcome::Deleted(n) => {
            let rows = i64::try_from(*n).unwrap_or(i64::MAX);
            let done = match action {
                Action::DeleteFromDefault { period, .. } => Action::DeleteFromDefault {
                    period: period.clone(),
                    rows,
                },
                Action::ArchiveFromDefault { period, .. } => Action::ArchiveFromDefault {
                    period: period.clone(),
                    rows,
                },
                _ => Action::MoveFromDefault {
                    partition: action.partition().clone(),
                    rows,
                },
            };
            out.info(done.describe_in(policy, &default));
            1
        }
        Outcome::NameTaken { .. } | Outcome::NotDone => 0,
        Outcome::AlreadyThere => {
            out.verbose(format!(
                "{} exists already (made by another run)",
                action.partition()
            ));
            0
        }
    }
}

/// Applies the creates in batches of up to [`CREATE_BATCH`] consecutive partitions of one
/// table, each in a transaction, on up to [`PARALLEL_CREATES`] sessions: the main one starts at
/// once, the others join as soon as they are connected (or not at all, when they cannot be
/// opened), each taking the next batch when it is done with one. Results in input order.
async fn create_all(
    db: &Db,
    out: &Output,
    works: &[Work<'_>],
    creates: &[(usize, &Action)],
    settings: &Settings,
) -> Vec<Result<Outcome>> {
    let numbered: Vec<(usize, &(usize, &Action))> = creates.iter().enumerate().collect();
    // While DEFAULT holds rows, each batch scans it once (see `exec::create_batch`): larger
    // batches, so that a run of creates scans it once, not once per partition.
    let batch_size = |i: usize| {
        if works[i].default_left() > 0 {
            CREATE_BATCH_DEFAULT_ROWS
        } else {
            CREATE_BATCH
        }
    };
    let batches: Vec<&[(usize, &(usize, &Action))]> = numbered
        .chunk_by(|(_, (a, _)), (_, (b, _))| a == b)
        .flat_map(|run| run.chunks(batch_size(run[0].1 .0)))
        .collect();
    let next = AtomicUsize::new(0);
    let extra = batches.len().min(PARALLEL_CREATES).saturating_sub(1);
    let joining = (0..extra).map(|_| async {
        let opened = async {
            let session = connect::connect(&db.info, Prompt::Never).await?;
            catalog::prepare_session(&session, settings.lock_timeout).await?;
            anyhow::Ok(session)
        };
        match opened.await {
            Ok(session) => create_lane(&session.client, works, &batches, &next, settings).await,
            Err(e) => {
                out.verbose(format!("creating partitions on fewer sessions: {e:#}"));
                Vec::new()
            }
        }
    });
    let (mut all, others) = futures_util::future::join(
        create_lane(&db.client, works, &batches, &next, settings),
        futures_util::future::join_all(joining),
    )
    .await;
    all.extend(others.into_iter().flatten());
    all.sort_by_key(|(n, _)| *n);
    all.into_iter().map(|(_, r)| r).collect()
}

/// One session's share of [`create_all`]: the next batch not taken yet, until none is left.
async fn create_lane(
    client: &tokio_postgres::Client,
    works: &[Work<'_>],
    batches: &[&[(usize, &(usize, &Action))]],
    next: &AtomicUsize,
    settings: &Settings,
) -> Vec<(usize, Result<Outcome>)> {
    let mut done = Vec::new();
    while let Some(batch) = batches.get(next.fetch_add(1, Ordering::Relaxed)) {
        done.extend(create_batch(client, works, batch, settings).await);
        // A session gone (killed, say) leaves the other batches to the other sessions.
        if client.is_closed() {
            break;
        }
    }
    done
}

/// One transaction for the batch when it can (results numbered as the batch); one by one when
/// a statement of the batch failed (a partition made meanwhile, a stray table, rows arrived in
/// DEFAULT), so that each gets its own outcome. A batch that could not get its locks reports
/// that once, on its first create.
async fn create_batch(
    client: &tokio_postgres::Client,
    works: &[Work<'_>],
    batch: &[(usize, &(usize, &Action))],
    settings: &Settings,
) -> Vec<(usize, Result<Outcome>)> {
    let Some((_, (i, _))) = batch.first() else {
        return Vec::new();
    };
    let target = works[*i].target();
    let partitions: Vec<crate::partition::plan::Partition> = batch
        .iter()
        .filter_map(|(_, (_, a))| match a {
            Action::Create(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    if batch.len() > 1 && partitions.len() == batch.len() {
        let default_has_rows = works[*i].default_left() > 0;
        match exec::create_batch(client, &target, &partitions, settings, default_has_rows).await {
            Ok(true) => return batch.iter().map(|(n, _)| (*n, Ok(Outcome::Done))).collect(),
            Ok(false) => {}
            Err(e) => {
                let mut done = vec![(batch[0].0, Err(e))];
                done.extend(batch[1..].iter().map(|(n, _)| (*n, Ok(Outcome::NotDone))));
                return done;
            }
        }
    }
    let mut done = Vec::new();
    for (n, (_, action)) in batch {
        done.push((*n, exec::apply(client, &target, action, settings).await));
    }
    done
}

fn is_retention(a: &Action) -> bool {
    a.is_retention()
}

/// The error for a move that could not start because a table holds the partition's name.
fn name_taken(target: &Target<'_>, action: &Action, is_partition: bool) -> anyhow::Error {
    let table = &target.policy.table;
    let p = action.partition();
    let rows = match action {
        Action::MoveFromDefault { rows, .. } => format!("{rows} rows"),
        _ => "rows".to_string(),
    };
    let what = if is_partition {
        format!("a partition of {table} with other bounds")
    } else {
        "a table outside the partitioned table (a partition detached by retention keeps its name)"
            .to_string()
    };
    crate::error::hint(
        anyhow::anyhow!(
            "{table}: {rows} of [{}, {}) stay in the DEFAULT partition: {} already exists and is {what}; \
             the other actions of {table} went on",
            fmt_ts(p.from),
            fmt_ts(p.to),
            p.name
        ),
        format!(
            "that table holds the period: re-attach it (ALTER TABLE {table} ATTACH PARTITION {n} {b}; \
             after moving the DEFAULT rows of the period into it), or drop or rename it, then rerun",
            n = p.name,
            b = p.bound_sql()
        ),
    )
}

/// Warns about the DEFAULT rows this run leaves where they are (exit status unchanged): one
/// line per period overlapping a hand-made partition, one line per table for expired rows kept
/// because the policy detaches.
fn warn_stuck(
    out: &Output,
    policy: &crate::partition::plan::Policy,
    default: &str,
    stuck: &[crate::partition::plan::Stuck],
    estimated: bool,
) {
    let table = &policy.table;
    let about = if estimated { "≈" } else { "" };
    for s in stuck {
        match &s.reason {
            StuckReason::Overlaps(other) => out.warn(format!(
                "{table}: {about}{} rows of [{}, {}) stay in {default}: the period overlaps partition {other}, \
                 so rotate cannot make its partition; create a partition for the rest of the period \
                 (`promail partitions create` cannot: use CREATE TABLE … PARTITION OF {table} FOR VALUES …) \
                 or move the rows into {other}'s range by hand",
                s.rows,
                fmt_ts(s.from),
                fmt_ts(s.to)
            )),
        }
    }
}

/// `partitions create` over periods already past retention: says the next rotate will drop or
/// detach them (the partitions are still made: a backfill may want them for a while).
async fn warn_expired_range(
    db: &Db,
    out: &Output,
    policy: &crate::partition::plan::Policy,
    actions: &[Action],
    server_now: NaiveDateTime,
) {
    let Ok(Some(cutoff)) = policy::cutoff(db, &policy.table, server_now).await else {
        return;
    };
    let expired: Vec<&str> = actions
        .iter()
        .filter(|a| a.partition().to <= cutoff)
        .map(|a| a.partition().name.as_str())
        .collect();
    if let (Some(first), Some(last)) = (expired.first(), expired.last()) {
        let (which, is, them) = if expired.len() == 1 {
            ((*first).to_string(), "is", "it")
        } else {
            (
                format!("{} partitions ({first} … {last})", expired.len()),
                "are",
                "them",
            )
        };
        out.warn(format!(
            "{}: {which} {is} already past retention ({}): the next `partitions rotate` will {} {them}",
            policy.table,
            policy.retention.as_deref().unwrap_or(""),
            policy.action
        ));
    }
}

/// One maintenance run.
pub async fn run(db: &Db, out: &Output, job: Job, opts: &Options) -> Result<Summary> {
    catalog::prepare_session(db, opts.exec.lock_timeout).await?;
    let all = policy::load(db).await?;
    let selected = policy::select(&all, &opts.tables)?;
    if let Job::Range { from, to } = job {
        if from >= to {
            return Err(usage(format!(
                "--from {} is not before --to {}",
                crate::partition::plan::fmt_ts(from),
                crate::partition::plan::fmt_ts(to)
            )));
        }
    }

    // The lock lives on its own session, held until this function returns.
    let _lock_session = if opts.dry_run {
        None
    } else {
        let session = connect::connect(&db.info, Prompt::Never)
            .await
            .context("opening a session for the partition maintenance lock")?;
        match lock::acquire(&session, Key::Partitions, opts.lock_wait).await? {
            Acquired::Yes { waited } => {
                if waited > Duration::from_millis(100) {
                    out.verbose(format!(
                        "waited {:.1} s for another partition maintenance run",
                        waited.as_secs_f64()
                    ));
                }
            }
            Acquired::Busy {
                holder_pid,
                holder_app,
            } => {
                if let Job::Range { .. } = job {
                    return Err(lock::busy_error(
                        Key::Partitions,
                        opts.lock_wait,
                        holder_pid,
                        holder_app.as_deref(),
                    ));
                }
                out.warn(lock::skipped("partition maintenance run", holder_pid));
                return Ok(Summary {
                    changes: 0,
                    busy: true,
                });
            }
        }
        Some(session)
    };

    let mut summary = Summary::default();
    let mut errors: Vec<anyhow::Error> = Vec::new();
    let mut plan_text = String::new();
    let mut works: Vec<Work> = Vec::new();
    for stored in selected {
        let policy = &stored.policy;
        if let Err(e) = policy.validate() {
            errors.push(e);
            continue;
        }
        let want = Want {
            default_rows: Some(policy.period),
            sizes: false,
            exact_default: opts.exact,
        };
        let cat = match catalog::read(db, &policy.table, &policy.column, want).await {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for odd in cat.odd() {
            out.verbose(format!(
                "{}: partition {} {}; left alone",
                policy.table,
                odd.shown(),
                if odd.managed() {
                    "has bounds promail does not manage".to_string()
                } else {
                    format!("is outside schema {}", catalog::SCHEMA)
                }
            ));
        }
        let now = opts.as_of.unwrap_or(cat.server_now);
        // The same cutoff as `partitions list` (never from a date after the server's clock).
        let cutoff = match job {
            Job::Rotate { retention: true } => match policy::cutoff(db, &policy.table, now).await {
                Ok(c) => c,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
            _ => None,
        };
        let (existing, foreign) = (cat.ranges(), cat.foreign());
        let state = State {
            existing: &existing,
            foreign: &foreign,
            default_rows: &cat.default_rows,
            cutoff,
        };
        let default_name = cat
            .default_partition()
            .map_or_else(|| default_partition_name(&policy.table), |c| c.name.clone());
        if let Job::Rotate { .. } = job {
            if cat.default_partition().is_none() {
                out.warn(format!(
                    "{}: no DEFAULT partition: inserts outside the partitions fail; \
                     create one with CREATE TABLE {} PARTITION OF {} DEFAULT",
                    policy.table,
                    default_partition_name(&policy.table),
                    policy.table
                ));
            }
            warn_stuck(
                out,
                policy,
                &default_name,
                &stuck_in_default(policy, &state, now),
                cat.default_estimated,
            );
            let (table, col) = (&policy.table, &policy.column);
            match cat.default_infinite {
                0 => {}
                1 => out.warn(format!(
                    "{table}: 1 row in {default_name} has {col} = infinity or -infinity: \
                     no partition can hold it, so it stays there; delete or correct it by hand"
                )),
                n => out.warn(format!(
                    "{table}: {n} rows in {default_name} have {col} = infinity or -infinity: \
                     no partition can hold them, so they stay there; delete or correct them by hand"
                )),
            }
        }
        let actions: Vec<Action> = match job {
            Job::Rotate { retention: true } => plan_rotate(policy, &state, now),
            Job::Rotate { retention: false } => {
                let actions = plan_premake(policy, &state, now);
                let left = rows_left_in_default(&cat, &actions);
                if left > 0 {
                    out.verbose(format!(
                        "{}: {left} rows of other periods stay in {default_name}: \
                         `promail partitions rotate` moves them, or applies retention to them",
                        policy.table
                    ));
                }
                actions
            }
            Job::Range { from, to } => {
                plan_range(policy, &state, from, to).map_err(|e| usage(e.to_string()))?
            }
        };
        let mut overlapped = 0;
        if let (Job::Rotate { .. }, Some((from, to))) = (job, premake_window(policy, now)) {
            // Each night, until someone moves that partition: premake is short meanwhile.
            for (p, other) in range_overlaps(policy, &state, from, to) {
                out.warn(format!(
                    "{}: {p} not premade: it overlaps partition {other}, which has other bounds",
                    policy.table
                ));
            }
        }
        if let Job::Range { from, to } = job {
            warn_expired_range(db, out, policy, &actions, cat.server_now).await;
            for (p, other) in range_overlaps(policy, &state, from, to) {
                overlapped += 1;
                out.warn(format!(
                    "{}: {p} not made: it overlaps partition {other}, which has other bounds",
                    policy.table
                ));
            }
        }
        if actions.is_empty() {
            match job {
                Job::Range { .. } if !opts.dry_run && overlapped == 0 => out.info(format!(
                    "{}: the partitions of that range already exist",
                    policy.table
                )),
                _ => out.verbose(format!("{}: nothing to do", policy.table)),
            }
            continue;
        }
        // What the run would find in its way: a table of a new partition's name (a partition
        // detached by retention keeps its name). `create` refuses then, before making anything
        // (a backfill is made whole or not at all); rotate makes the rest, the nightly premake
        // matters more.
        let taken = if opts.dry_run || matches!(job, Job::Range { .. }) {
            match names_taken(db, &actions).await {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        } else {
            Vec::new()
        };
        let in_the_way = names_in_the_way(&policy.table, &taken, matches!(job, Job::Range { .. }));
        if opts.dry_run {
            if let Some(e) = in_the_way {
                errors.push(e);
            }
            for a in &actions {
                plan_text.push_str(&a.describe_counted(
                    policy,
                    &default_name,
                    cat.default_estimated,
                ));
                if taken.iter().any(|t| *t == a.partition().name) {
                    plan_text.push_str(
                        "  -- will fail: a table of that name exists and is not this partition",
                    );
                }
                plan_text.push('\n');
            }
            summary.changes += actions.len();
            continue;
        }
        if let (Job::Range { .. }, Some(e)) = (job, in_the_way) {
            errors.push(e);
            continue;
        }
        let builds = actions
            .iter()
            .any(|a| matches!(a, Action::Create(_) | Action::MoveFromDefault { .. }));
        let indexes = if builds {
            match exec::index_templates(db, &policy.table).await {
                Ok(i) => i,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        } else {
            Vec::new()
        };
        works.push(Work {
            policy,
            server: &db.server,
            cutoff,
            cat,
            indexes,
            actions,
            failed: false,
            emptied_default: false,
        });
    }
    if opts.dry_run {
        if plan_text.is_empty() {
            out.info("nothing to do");
        } else {
            crate::output::write_stdout(&plan_text)?;
        }
    }

    // 1. Moves out of DEFAULT, one table at a time (they write a lot; parallel moves would only
    //    compete for the same disk and the same DEFAULT partition).
    for w in &mut works {
        let target = w.target();
        let (mut emptied, mut failed) = (false, false);
        for action in w
            .actions
            .iter()
            .filter(|a| matches!(a, Action::MoveFromDefault { .. }))
        {
            match exec::apply(db, &target, action, &opts.exec).await {
                // The table's other actions go on (creates, retention).
                Ok(Outcome::NameTaken { is_partition }) => {
                    errors.push(name_taken(&target, action, is_partition));
                }
                Ok(outcome) => {
                    emptied |= matches!(outcome, Outcome::Moved(n) if n > 0);
                    summary.changes += report(out, &target, action, &outcome);
                }
                Err(e) => {
                    errors.push(e);
                    failed = true;
                    break;
                }
            }
        }
        w.failed = failed;
        w.emptied_default = emptied;
    }

    // 2. Creates, on up to PARALLEL_CREATES sessions, in batches of consecutive partitions:
    //    building a table does not lock its parent, only the attaches queue one after the
    //    other.
    let creates: Vec<(usize, &Action)> = works
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.failed)
        .flat_map(|(i, w)| {
            w.actions
                .iter()
                .filter(|a| matches!(a, Action::Create(_)))
                .map(move |a| (i, a))
        })
        .collect();
    let results = create_all(db, out, &works, &creates, &opts.exec).await;
    for ((i, action), result) in creates.iter().zip(results) {
        let target = works[*i].target();
        match result {
            Ok(outcome) => summary.changes += report(out, &target, action, &outcome),
            Err(e) => errors.push(e),
        }
    }

    // 3. Retention, one partition at a time (each DETACH holds ACCESS EXCLUSIVE on the parent),
    //    but the drops of a table together: emptied in one transaction that locks only them,
    //    then dropped in one that locks the parent for a few milliseconds (exec::retire_all).
    for w in &mut works {
        if w.failed {
            continue;
        }
        let target = w.target();
        let mut emptied = false;
        let drops: Vec<crate::partition::plan::Partition> = w
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::Drop(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        if drops.len() > 1 {
            match exec::retire_all(db, &target, &drops, &opts.exec, || {}).await {
                Ok(()) => {
                    for p in drops.iter().cloned() {
                        summary.changes += report(out, &target, &Action::Drop(p), &Outcome::Done);
                    }
                }
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        }
        for action in w
            .actions
            .iter()
            .filter(|a| is_retention(a) && !(drops.len() > 1 && matches!(a, Action::Drop(_))))
        {
            match exec::apply(db, &target, action, &opts.exec).await {
                Ok(outcome) => {
                    emptied |= matches!(outcome, Outcome::Deleted(n) | Outcome::Moved(n) if n > 0);
                    summary.changes += report(out, &target, action, &outcome);
                }
                Err(e) => {
                    errors.push(e);
                    break;
                }
            }
        }
        w.emptied_default |= emptied;
    }

    // 4. Fresh statistics for each DEFAULT partition that rows were taken out of, so that
    //    `partitions list` and the planner stop counting them (ANALYZE reads a sample: cheap;
    //    under the session's lock_timeout; a failure only leaves that to autovacuum).
    for w in works.iter().filter(|w| w.emptied_default) {
        let Some(default) = w.cat.default_partition() else {
            continue;
        };
        let sql = format!("ANALYZE {}", catalog::qualified(&default.name));
        if let Err(e) = db.batch_execute(&sql).await {
            out.verbose(format!(
                "{}: statistics not refreshed: {}",
                default.name,
                crate::pg::err(e)
            ));
        }
    }

    // Every failure is printed; the last one is the run's error (exit 1).
    match errors.pop() {
        None => Ok(summary),
        Some(last) => {
            for e in &errors {
                crate::error::report(e, out.color);
            }
            Err(last)
        }
    }
}

/// The names of planned new partitions (creates and moves) that a table in the schema holds
/// already.
async fn names_taken(db: &tokio_postgres::Client, actions: &[Action]) -> Result<Vec<String>> {
    let new_names: Vec<&str> = actions
        .iter()
        .filter(|a| matches!(a, Action::Create(_) | Action::MoveFromDefault { .. }))
        .map(|a| a.partition().name.as_str())
        .collect();
    let rows = db
        .query(
            "SELECT c.relname::text FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $2::text \
             WHERE c.relname = ANY($1::text[]) ORDER BY 1",
            &[
                &new_names as &(dyn tokio_postgres::types::ToSql + Sync),
                &catalog::SCHEMA,
            ],
        )
        .await
        .map_err(|e| crate::pg::err(e).context("checking the names of new partitions"))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// The error for tables holding new partitions' names, if any; `nothing_made` for `create`,
/// which then makes none.
fn names_in_the_way(table: &str, taken: &[String], nothing_made: bool) -> Option<anyhow::Error> {
    let (what, those) = match taken {
        [] => return None,
        [one] => (
            format!("a table named {one} already exists and is not a partition"),
            "that table",
        ),
        more => (
            format!(
                "tables named {} already exist and are not partitions",
                more.join(", ")
            ),
            "those tables",
        ),
    };
    let made = if nothing_made { ": nothing made" } else { "" };
    Some(hint(
        anyhow!("{table}: {what} of {table}{made}"),
        format!(
            "rename or drop {those} (a partition detached by retention keeps its name), then rerun"
        ),
    ))
}
