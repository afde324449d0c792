//! `promail db migrate`: apply the embedded schema migrations, under the migration lock, each
//! file atomically with its history row.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;

use crate::ctx::Ctx;
use crate::duration;
use crate::migrate::{self, Source};
use crate::pg::PgExt;

/// Applies the pending migrations in version order: each file in one transaction together with
/// its row in promail.schema_migrations, so an interrupted run leaves the previous version.
///
/// Concurrent runs are safe: the second waits for the migration lock (--lock-wait), then finds
/// nothing to do. Refuses to run when an applied file was edited since, or when the database
/// was migrated by a newer promail. Prints one line per applied migration on stderr, nothing
/// when there is nothing to do.
///
/// A file whose first line is `-- promail:no-transaction` (for CREATE INDEX CONCURRENTLY)
/// runs statement by statement outside a transaction; its statements must be idempotent
/// (IF NOT EXISTS), since a failure leaves the earlier ones applied.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Print what would run (with -v, the SQL) and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Apply the migrations up to this version only (e.g. 1 or 0001)
    #[arg(long, value_name = "VERSION")]
    pub target: Option<i32>,

    #[command(flatten)]
    pub lock_wait: LockWaitArgs,

    /// lock_timeout of the migration session: a statement waiting longer for a lock gives up
    /// (and is retried) instead of queueing behind a long transaction and blocking the
    /// application (e.g. 500ms, 5s)
    #[arg(
        long,
        env = "PROMAIL_MIGRATE_LOCK_TIMEOUT",
        default_value = "5s",
        value_parser = duration::parse,
        value_name = "DURATION"
    )]
    pub lock_timeout: Duration,

    /// statement_timeout of the migration session (e.g. 30min, 1h; 0 = none)
    #[arg(
        long,
        env = "PROMAIL_STATEMENT_TIMEOUT",
        default_value = "1h",
        value_parser = duration::parse,
        value_name = "DURATION"
    )]
    pub statement_timeout: Duration,

    /// How many times a migration is retried after a lock timeout, with a growing pause
    #[arg(
        long,
        env = "PROMAIL_MIGRATE_RETRIES",
        default_value_t = 3,
        value_name = "N"
    )]
    pub retries: u32,

    #[command(flatten)]
    pub sync_wait: SyncWaitArgs,

    #[command(flatten)]
    pub source: SourceArgs,
}

/// `--lock-wait`: the bounded wait for the migration lock.
#[derive(Debug, Args, Clone, Copy)]
pub struct LockWaitArgs {
    /// How long to wait for another migration run to finish before giving up
    #[arg(
        long,
        env = "PROMAIL_MIGRATE_LOCK_WAIT",
        default_value = "60s",
        value_parser = duration::parse,
        value_name = "DURATION"
    )]
    pub lock_wait: Duration,
}

/// `--sync-wait`: the bounded wait of each commit for the synchronous standbys.
#[derive(Debug, Args, Clone, Copy)]
pub struct SyncWaitArgs {
    /// Longest wait of each commit for the server's synchronous standbys to confirm it; then
    /// the wait is cancelled and the command fails, saying the change is committed on the
    /// primary only
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration::parse, env = "PROMAIL_SYNC_WAIT")]
    pub sync_wait: Duration,
}

/// The hidden `--migrations-dir` (tests and development): read `NNNN_name.sql` files from a
/// folder instead of the set built into the binary.
#[derive(Debug, Args, Clone)]
pub struct SourceArgs {
    #[arg(long, env = "PROMAIL_MIGRATIONS_DIR", hide = true, value_name = "DIR")]
    pub migrations_dir: Option<PathBuf>,
}

impl SourceArgs {
    pub fn source(&self) -> Source {
        self.migrations_dir
            .clone()
            .map_or(Source::Embedded, Source::Dir)
    }
}

pub async fn run(args: &MigrateArgs, ctx: &Ctx) -> Result<()> {
    if !args.dry_run {
        ctx.will_write();
    }
    let known = args.source.source().load()?;
    let opts = migrate::Options {
        lock_wait: args.lock_wait.lock_wait,
        lock_timeout: args.lock_timeout,
        statement_timeout: args.statement_timeout,
        retries: args.retries,
        target: args.target,
        dry_run: args.dry_run,
        sync_wait: args.sync_wait.sync_wait,
    };
    let outcome = migrate::migrate(ctx, &known, &opts).await?;
    if !args.dry_run {
        if let Some(v) = outcome.version {
            ctx.out.verbose(format!("database at version {v:04}"));
        }
    }
    // After every successful run, also when already up to date: the current and premade
    // partitions exist, so a fresh database is partitioned at once (issue: partitions). The dry
    // run shows that step too: its plan when the partition policies exist already; a line
    // saying it will come when the migrations still have to make them.
    let db = ctx.connect().await?;
    let has_policies: bool = db
        .query_one(
            "SELECT to_regclass('promail.partition_policy') IS NOT NULL",
            &[],
        )
        .await
        .pg()?
        .get(0);
    let ensure = if args.dry_run {
        if !has_policies {
            // Only when the run would bring the database up to date: a --target short of the
            // migration that makes the policies leaves the partitions for later.
            let latest = known.iter().map(|m| m.version).max();
            if outcome.version.is_some() && outcome.version == latest {
                crate::output::write_stdout(
                    "would then create the current and premade partitions of the partitioned tables\n",
                )?;
            }
            return Ok(());
        }
        crate::partition::maintain::ensure_partitions_dry_run(&db, &ctx.out).await
    } else if has_policies {
        crate::partition::maintain::ensure_partitions(&db, &ctx.out, args.sync_wait.sync_wait)
            .await
            .map(|_| ())
    } else {
        return Ok(());
    };
    ensure.context(if args.dry_run {
        "planning the current and premade partitions"
    } else {
        "creating the current and premade partitions after migrating"
    })
}
