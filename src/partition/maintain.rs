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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Actions applied (or planned, with `dry_run`).
    pub changes: usize,
    /// Another run held the lock: nothing was done (the warning said, naming the holder).
    pub skipped: Option<String>,
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

/// The DEFAULT rows this run leaves where they are (exit status unchanged): one line per
/// period overlapping a hand-made partition.
fn stuck_notes(
    policy: &crate::partition::plan::Policy,
    default: &str,
    stuck: &[crate::partition::plan::Stuck],
    estimated: bool,
) -> Vec<String> {
    let table = &policy.table;
    let about = if estimated { "≈" } else { "" };
    stuck
        .iter()
        .map(|s| match &s.reason {
            StuckReason::Overlaps(other) => format!(
                "{table}: {about}{} rows of [{}, {}) stay in {default}: the period overlaps partition {other}, \
                 so rotate cannot make its partition; create a partition for the rest of the period \
                 (`promail partitions create` cannot: use CREATE TABLE … PARTITION OF {table} FOR VALUES …) \
                 or move the rows into {other}'s range by hand",
                s.rows,
                fmt_ts(s.from),
                fmt_ts(s.to)
            ),
        })
        .collect()
}

/// `partitions create` over periods already past retention: says the next rotate will drop or
/// detach them (the partitions are still made: a backfill may want them for a while).
fn expired_range_note(
    policy: &crate::partition::plan::Policy,
    actions: &[Action],
    cutoff: Option<NaiveDateTime>,
) -> Option<String> {
    let cutoff = cutoff?;
    let expired: Vec<&str> = actions
        .iter()
        .filter(|a| a.partition().to <= cutoff)
        .map(|a| a.partition().name.as_str())
        .collect();
    let (first, last) = (expired.first()?, expired.last()?);
    let (which, is, them) = if expired.len() == 1 {
        ((*first).to_string(), "is", "it")
    } else {
        (
            format!("{} partitions ({first} … {last})", expired.len()),
            "are",
            "them",
        )
    };
    Some(format!(
        "{}: {which} {is} already past retention ({}): the next `partitions rotate` will {} {them}",
        policy.table,
        policy.retention.as_deref().unwrap_or(""),
        policy.action
    ))
}

/// What a run reads of one table before planning.
pub struct Facts<'a> {
    pub policy: &'a crate::partition::plan::Policy,
    pub cat: catalog::TableCatalog,
    /// "Now": `--as-of`, else the server's clock.
    pub now: NaiveDateTime,
    /// The retention cutoff: for rotate with retention (at `now`), and for `create` (at the
    /// server's clock, to warn about periods already past it; None when it cannot be read).
    pub cutoff: Option<NaiveDateTime>,
    /// The relations of the schema whose names begin with the table's, read where the plan
    /// checks that a new partition's name is free (dry runs and `create`).
    pub names: Vec<String>,
}

/// Reads what planning `job` for `policy` needs.
async fn read<'a>(
    db: &Db,
    policy: &'a crate::partition::plan::Policy,
    job: Job,
    opts: &Options,
) -> Result<Facts<'a>> {
    policy.validate()?;
    let want = Want {
        default_rows: Some(policy.period),
        sizes: false,
        exact_default: opts.exact,
    };
    let cat = catalog::read(db, &policy.table, &policy.column, want).await?;
    let now = opts.as_of.unwrap_or(cat.server_now);
    // The same cutoff as `partitions list` (never from a date after the server's clock).
    let cutoff = match job {
        Job::Rotate { retention: true } => policy::cutoff(db, &policy.table, now).await?,
        Job::Range { .. } => policy::cutoff(db, &policy.table, cat.server_now)
            .await
            .ok()
            .flatten(),
        Job::Rotate { retention: false } => None,
    };
    let names = if opts.dry_run || matches!(job, Job::Range { .. }) {
        names_like(db, &policy.table).await?
    } else {
        Vec::new()
    };
    Ok(Facts {
        policy,
        cat,
        now,
        cutoff,
        names,
    })
}

/// What planning says, to be printed as it is planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Warn(String),
    Info(String),
    Verbose(String),
}

/// One table's plan: plain data, made without a database ([`plan_table`]).
pub struct TablePlan {
    pub actions: Vec<Action>,
    /// The cutoff the executor checks drops against (rotate with retention).
    pub cutoff: Option<NaiveDateTime>,
    pub notes: Vec<Note>,
    /// Tables in the way of new partitions (dry runs and `create`): the run's error.
    pub in_the_way: Option<anyhow::Error>,
    /// `create` with names in the way makes nothing of this table.
    pub stop: bool,
    /// The dry run's lines for stdout.
    pub text: String,
}

/// Plans `job` for one table from what [`read`] found. Pure.
pub fn plan_table(f: &Facts<'_>, job: Job, dry_run: bool) -> Result<TablePlan> {
    let (policy, cat, now) = (f.policy, &f.cat, f.now);
    let mut notes = Vec::new();
    for odd in cat.odd() {
        notes.push(Note::Verbose(format!(
            "{}: partition {} {}; left alone",
            policy.table,
            odd.shown(),
            if odd.managed() {
                "has bounds promail does not manage".to_string()
            } else {
                format!("is outside schema {}", catalog::SCHEMA)
            }
        )));
    }
    let cutoff = match job {
        Job::Rotate { retention: true } => f.cutoff,
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
            notes.push(Note::Warn(format!(
                "{}: no DEFAULT partition: inserts outside the partitions fail; \
                 create one with CREATE TABLE {} PARTITION OF {} DEFAULT",
                policy.table,
                default_partition_name(&policy.table),
                policy.table
            )));
        }
        notes.extend(
            stuck_notes(
                policy,
                &default_name,
                &stuck_in_default(policy, &state, now),
                cat.default_estimated,
            )
            .into_iter()
            .map(Note::Warn),
        );
        let (table, col) = (&policy.table, &policy.column);
        match cat.default_infinite {
            0 => {}
            1 => notes.push(Note::Warn(format!(
                "{table}: 1 row in {default_name} has {col} = infinity or -infinity: \
                 no partition can hold it, so it stays there; delete or correct it by hand"
            ))),
            n => notes.push(Note::Warn(format!(
                "{table}: {n} rows in {default_name} have {col} = infinity or -infinity: \
                 no partition can hold them, so they stay there; delete or correct them by hand"
            ))),
        }
    }
    let actions: Vec<Action> = match job {
        Job::Rotate { retention: true } => plan_rotate(policy, &state, now),
        Job::Rotate { retention: false } => {
            let actions = plan_premake(policy, &state, now);
            let left = rows_left_in_default(cat, &actions);
            if left > 0 {
                notes.push(Note::Verbose(format!(
                    "{}: {left} rows of other periods stay in {default_name}: \
                     `promail partitions rotate` moves them, or applies retention to them",
                    policy.table
                )));
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
            notes.push(Note::Warn(format!(
                "{}: {p} not premade: it overlaps partition {other}, which has other bounds",
                policy.table
            )));
        }
    }
    if let Job::Range { from, to } = job {
        notes.extend(expired_range_note(policy, &actions, f.cutoff).map(Note::Warn));
        for (p, other) in range_overlaps(policy, &state, from, to) {
            overlapped += 1;
            notes.push(Note::Warn(format!(
                "{}: {p} not made: it overlaps partition {other}, which has other bounds",
                policy.table
            )));
        }
    }
    let mut plan = TablePlan {
        actions: Vec::new(),
        cutoff,
        notes,
        in_the_way: None,
        stop: false,
        text: String::new(),
    };
    if actions.is_empty() {
        plan.notes.push(match job {
            Job::Range { .. } if !dry_run && overlapped == 0 => Note::Info(format!(
                "{}: the partitions of that range already exist",
                policy.table
            )),
            _ => Note::Verbose(format!("{}: nothing to do", policy.table)),
        });
        return Ok(plan);
    }
    // What the run would find in its way: a table of a new partition's name (a partition
    // detached by retention keeps its name). `create` refuses then, before making anything
    // (a backfill is made whole or not at all); rotate makes the rest, the nightly premake
    // matters more.
    let taken = names_taken(&actions, &f.names);
    let range = matches!(job, Job::Range { .. });
    plan.in_the_way = names_in_the_way(&policy.table, &taken, range);
    if dry_run {
        for a in &actions {
            plan.text
                .push_str(&a.describe_counted(policy, &default_name, cat.default_estimated));
            if taken.iter().any(|t| *t == a.partition().name) {
                plan.text.push_str(
                    "  -- will fail: a table of that name exists and is not this partition",
                );
            }
            plan.text.push('\n');
        }
    }
    plan.stop = range && plan.in_the_way.is_some();
    plan.actions = actions;
    Ok(plan)
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
                let why = lock::skipped("partition maintenance run", holder_pid);
                out.warn(&why);
                return Ok(Summary {
                    changes: 0,
                    skipped: Some(why),
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
        // Read.
        let facts = match read(db, policy, job, opts).await {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        // Plan (pure).
        let plan = plan_table(&facts, job, opts.dry_run)?;
        for note in &plan.notes {
            match note {
                Note::Warn(w) => out.warn(w),
                Note::Info(i) => out.info(i),
                Note::Verbose(v) => out.verbose(v),
            }
        }
        if let Some(e) = plan.in_the_way {
            errors.push(e);
        }
        if opts.dry_run {
            plan_text.push_str(&plan.text);
            summary.changes += plan.actions.len();
            continue;
        }
        if plan.actions.is_empty() || plan.stop {
            continue;
        }
        // What executing needs beyond the plan.
        let builds = plan
            .actions
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
            cutoff: plan.cutoff,
            cat: facts.cat,
            indexes,
            actions: plan.actions,
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

    // Execute.
    execute(db, out, &mut works, opts, &mut summary, &mut errors).await;

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

/// Applies the planned actions of every table: the moves out of DEFAULT, then the creates (in
/// parallel), then retention, then fresh statistics for the DEFAULT partitions rows left.
async fn execute(
    db: &Db,
    out: &Output,
    works: &mut [Work<'_>],
    opts: &Options,
    summary: &mut Summary,
    errors: &mut Vec<anyhow::Error>,
) {
    // 1. Moves out of DEFAULT, one table at a time (they write a lot; parallel moves would only
    //    compete for the same disk and the same DEFAULT partition).
    for w in works.iter_mut() {
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
    let results = create_all(db, out, works, &creates, &opts.exec).await;
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
    for w in works.iter_mut() {
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
}

/// The relations of the schema whose names begin with `table`'s.
async fn names_like(db: &tokio_postgres::Client, table: &str) -> Result<Vec<String>> {
    let rows = db
        .query(
            "SELECT c.relname::text FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $2::text \
             WHERE left(c.relname, length($1::text)) = $1::text",
            &[&table, &catalog::SCHEMA],
        )
        .await
        .map_err(|e| crate::pg::err(e).context("checking the names of new partitions"))?;
    // Sorted here, byte-wise, whatever the database's collation: searched with binary_search.
    let mut names: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    names.sort();
    Ok(names)
}

/// The names of planned new partitions (creates and moves) that a relation of the schema holds
/// already (`names`, from [`names_like`]).
fn names_taken(actions: &[Action], names: &[String]) -> Vec<String> {
    let mut taken: Vec<String> = actions
        .iter()
        .filter(|a| matches!(a, Action::Create(_) | Action::MoveFromDefault { .. }))
        .map(|a| a.partition().name.clone())
        .filter(|n| names.binary_search(n).is_ok())
        .collect();
    taken.sort();
    taken.dedup();
    taken
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partition::catalog::{Child, TableCatalog};
    use crate::partition::plan::{Bound, Period, Policy, RetentionAction};

    fn ts(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{s} 00:00:00"), "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn child(name: &str, bound: Bound) -> Child {
        Child {
            schema: catalog::SCHEMA.to_string(),
            name: name.to_string(),
            bound,
            est_rows: None,
            live_rows: 0,
            bytes: None,
        }
    }

    fn policy() -> Policy {
        Policy {
            table: "login_history".into(),
            column: "login_time".into(),
            period: Period::Monthly,
            premake: 2,
            retention: Some("90 days".into()),
            action: RetentionAction::Drop,
        }
    }

    /// The catalog on 2025-06-15: the months from January to June, a DEFAULT holding rows of
    /// August, and a stray table named like July's partition.
    fn facts(policy: &Policy, cutoff: Option<NaiveDateTime>) -> Facts<'_> {
        let mut children = vec![child("login_history_default", Bound::Default)];
        for m in 1..=6 {
            children.push(child(
                &format!("login_history_2025_{m:02}"),
                Bound::Range {
                    from: ts(&format!("2025-{m:02}-01")),
                    to: ts(&format!("2025-{:02}-01", m + 1)),
                },
            ));
        }
        Facts {
            policy,
            cat: TableCatalog {
                table: "login_history".into(),
                server_now: ts("2025-06-15"),
                columns: vec!["login_time".into()],
                children,
                default_rows: vec![(ts("2025-08-01"), 40)],
                default_infinite: 1,
                default_estimated: true,
            },
            now: ts("2025-06-15"),
            cutoff,
            names: vec!["login_history_2025_07".into()],
        }
    }

    #[test]
    fn a_rotate_plan_is_made_from_the_facts_alone() {
        let p = policy();
        let f = facts(&p, Some(ts("2025-03-17")));
        let plan = plan_table(&f, Job::Rotate { retention: true }, true).unwrap();
        let described: Vec<String> = plan
            .actions
            .iter()
            .map(|a| a.describe_in(&p, "login_history_default"))
            .collect();
        // Premake July and August (August's rows moved out of DEFAULT), January and February
        // past the cutoff dropped.
        assert!(
            described
                .iter()
                .any(|d| d.contains("login_history_2025_07")),
            "{described:?}"
        );
        assert!(
            described
                .iter()
                .any(|d| d.contains("move") && d.contains("login_history_2025_08")),
            "{described:?}"
        );
        assert!(
            described
                .iter()
                .any(|d| d.starts_with("drop") && d.contains("login_history_2025_01")),
            "{described:?}"
        );
        assert!(
            !described
                .iter()
                .any(|d| d.contains("login_history_2025_03")),
            "March ends after the cutoff: {described:?}"
        );
        assert_eq!(plan.cutoff, Some(ts("2025-03-17")));
        // The dry run's text marks the estimate and the name in the way; the run's error names it.
        assert!(plan.text.contains('≈'), "{}", plan.text);
        assert!(
            plan.text
                .contains("-- will fail: a table of that name exists"),
            "{}",
            plan.text
        );
        let err = format!("{:#}", plan.in_the_way.expect("July's name is taken"));
        assert!(err.contains("login_history_2025_07"), "{err}");
        assert!(!plan.stop, "rotate makes the rest");
        // The ±infinity row is a warning, as notes.
        assert!(
            plan.notes
                .iter()
                .any(|n| matches!(n, Note::Warn(w) if w.contains("infinity"))),
            "{:?}",
            plan.notes
        );
    }

    #[test]
    fn a_create_plan_stops_on_a_name_in_the_way_and_warns_of_expired_periods() {
        let p = policy();
        let f = facts(&p, Some(ts("2025-09-01")));
        let job = Job::Range {
            from: ts("2025-07-01"),
            to: ts("2025-10-01"),
        };
        let plan = plan_table(&f, job, false).unwrap();
        assert_eq!(plan.actions.len(), 3, "July to September");
        assert!(plan.stop, "create makes nothing when a name is taken");
        assert!(plan.in_the_way.is_some());
        assert_eq!(plan.cutoff, None, "create applies no retention");
        assert!(
            plan.notes.iter().any(|n| matches!(n,
                Note::Warn(w) if w.contains("2 partitions (login_history_2025_07 … login_history_2025_08) are already past retention"))),
            "{:?}",
            plan.notes
        );
        // A backwards range is a usage error.
        let back = Job::Range {
            from: ts("2025-10-01"),
            to: ts("2025-07-01"),
        };
        assert!(plan_table(&f, back, false).is_err());
    }
}
