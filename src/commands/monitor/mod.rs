//! `promail monitor [REPORT]`: the overview, one report, or `check` for monitoring systems.
//! Thin: the reports live in [`crate::monitor`].

pub mod check;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::monitor::{self, queries, Kind};

/// Sizes, queries, activity, locks, vacuum, replication… of the ProMail database
///
/// Without a report: an overview, each section one short table or line (a section that fails
/// says why in one line while the others still print). Works as a role with pg_monitor and no
/// superuser; says what is hidden when a privilege is missing. Tables fit the terminal's width
/// (long queries abbreviated); --format json prints an array of objects, one per row (the
/// overview: one object per section), --format csv the same rows. Notes (what is hidden,
/// skipped or estimated) go to stderr.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct MonitorArgs {
    #[command(subcommand)]
    pub report: Option<MonitorCommand>,

    #[command(flatten)]
    pub common: Common,
}

/// Options of every report.
#[derive(Debug, Args, Clone, Copy)]
pub struct Common {
    #[command(flatten)]
    pub format: FormatOpts,

    /// Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C
    #[arg(long, value_name = "SECONDS", value_parser = parse_watch)]
    pub watch: Option<u64>,
}

/// `--watch`: whole seconds, at least 1.
fn parse_watch(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(0) => Err("must be at least 1 second (0 would redraw without pause)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected whole seconds, such as 5, got {s:?}")),
    }
}

#[derive(Debug, Subcommand)]
pub enum MonitorCommand {
    /// Total, table, index and TOAST size per table; partitioned tables as the sum of their
    /// partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)
    Sizes(SizesArgs),
    /// Top statements from pg_stat_statements (by total time; the seed's filter on emails and
    /// users unless --all)
    Queries(QueriesArgs),
    /// Sessions doing something (not this one): age, wait event, blocked by; old idle
    /// transactions flagged
    Activity(ActivityArgs),
    /// Indexes never scanned since the statistics reset (primary-key, unique and constraint
    /// indexes excluded), with sizes
    UnusedIndexes(Common),
    /// Blocking chains: who waits for which lock, and who holds it
    Locks(Common),
    /// Buffer cache hit ratios (database, tables, indexes)
    Cache(Common),
    /// Dead tuples, last autovacuum, transaction-ID wraparound age
    Vacuum(LimitArgs),
    /// Client sessions against max_connections, by state
    Connections(Common),
    /// Indexes that duplicate another of the same table
    DuplicateIndexes(Common),
    /// Table bloat, estimated from the planner's statistics
    Bloat(LimitArgs),
    /// Health of the managed partitioned tables (as `partitions list --health`)
    Partitions(Common),
    /// On a primary: each standby's state and lag; on a standby: its receive/replay lag
    Replication(Common),
    /// Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus
    Check(check::CheckArgs),
}

#[derive(Debug, Args)]
pub struct SizesArgs {
    /// List each partition under its partitioned table
    #[arg(long)]
    pub partitions: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct QueriesArgs {
    /// Order by
    #[arg(long, value_enum, default_value_t = queries::By::Total)]
    pub by: queries::By,
    /// Every statement of the database, not only those on emails or users
    #[arg(long)]
    pub all: bool,
    /// How many statements
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: i64,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// Flag sessions idle in a transaction for longer than this (e.g. 30s, 5min)
    #[arg(long, value_name = "DURATION", default_value = "5min", value_parser = crate::duration::parse)]
    pub flag_after: std::time::Duration,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct LimitArgs {
    /// How many tables
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: i64,
    #[command(flatten)]
    pub common: Common,
}

pub async fn run(args: MonitorArgs, ctx: &Ctx) -> Result<()> {
    let (kind, common) = match args.report {
        None => (Kind::Overview, args.common),
        Some(MonitorCommand::Check(a)) => return check::run(&a, ctx).await,
        Some(MonitorCommand::Sizes(a)) => (
            Kind::Sizes {
                partitions: a.partitions,
            },
            a.common,
        ),
        Some(MonitorCommand::Queries(a)) => (
            Kind::Queries(queries::Options {
                by: a.by,
                all: a.all,
                limit: a.limit,
            }),
            a.common,
        ),
        Some(MonitorCommand::Activity(a)) => (
            Kind::Activity {
                flag_after_secs: a.flag_after.as_secs_f64(),
            },
            a.common,
        ),
        Some(MonitorCommand::UnusedIndexes(c)) => (Kind::UnusedIndexes, c),
        Some(MonitorCommand::Locks(c)) => (Kind::Locks, c),
        Some(MonitorCommand::Cache(c)) => (Kind::Cache, c),
        Some(MonitorCommand::Vacuum(a)) => (Kind::Vacuum { limit: a.limit }, a.common),
        Some(MonitorCommand::Connections(c)) => (Kind::Connections, c),
        Some(MonitorCommand::DuplicateIndexes(c)) => (Kind::DuplicateIndexes, c),
        Some(MonitorCommand::Bloat(a)) => (Kind::Bloat { limit: a.limit }, a.common),
        Some(MonitorCommand::Partitions(c)) => (Kind::Partitions, c),
        Some(MonitorCommand::Replication(c)) => (Kind::Replication, c),
    };
    match common.watch {
        None => monitor::watch::once(ctx, &kind, common.format.format).await,
        Some(secs) => {
            monitor::watch::watch(
                ctx,
                &kind,
                common.format.format,
                std::time::Duration::from_secs(secs),
            )
            .await
        }
    }
}
