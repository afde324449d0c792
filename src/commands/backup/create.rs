//! `promail backup create`: one backup, written atomically with its checksum and manifest.

use anyhow::Result;
use clap::Args;

use super::DirOpts;
use crate::backup::{self, create, tools, Kind};
use crate::ctx::Ctx;
use crate::output::pretty_bytes;

/// Dumps the database with pg_dump into the backup folder: `promail_YYYYMMDD_HHMMSS.dump`
/// (custom format; the time is UTC, when the backup started), or with --critical the tables
/// users, emails and templates as `critical_YYYYMMDD_HHMMSS.dump`.
///
/// Beside it: `NAME.sha256` (check with `sha256sum -c`) and `NAME.manifest.json` (versions,
/// schema version, times, size, and the exact row count of every table in the snapshot pg_dump
/// used). The file appears under its name only when complete; an interrupted run leaves
/// nothing, and a killed run's temporary file is removed by the next run. Files are 0600.
///
/// pg_dump must be of the server's major or newer: promail looks on PATH, in
/// `pg_config --bindir` and /usr/lib/postgresql/*/bin, prefers the server's major, else the
/// newest newer one (-v says which; the manifest records it). The password reaches pg_dump
/// through its environment, never its command line.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Only the tables users, emails and templates (the seed's critical backup)
    #[arg(long)]
    pub critical: bool,

    #[command(flatten)]
    pub dir: DirOpts,

    /// Directory format (`NAME.dir`), dumped by N parallel jobs (each one a session)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub jobs: Option<u32>,

    /// pg_dump's compression: a level 0-9 (gzip; pg_dump's default is 6), or on pg_dump 16+
    /// METHOD[:LEVEL] with METHOD gzip, lz4, zstd or none. Measured (docs/BENCHMARKS.md): 1 is
    /// about 3.5 times faster than 6 for an archive 40 % larger; 9 saves 1-2 % for half again
    /// the time
    #[arg(long, value_name = "LEVEL|METHOD[:LEVEL]")]
    pub compress: Option<String>,

    /// Longest wait for each table's lock (the row counts, and pg_dump's --lock-wait-timeout):
    /// a table held under an exclusive lock (a migration, VACUUM FULL) fails the backup instead
    /// of holding it up without end
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::duration::parse)]
    pub lock_timeout: std::time::Duration,
    /// Also the roles and tablespaces (`pg_dumpall --globals-only`) as NAME.globals.sql,
    /// in the same checksum file; their password hashes only when the role is a superuser
    /// (else --no-role-passwords, said)
    #[arg(long)]
    pub globals: bool,
}

pub async fn run(args: &CreateArgs, ctx: &Ctx) -> Result<()> {
    let dir = backup::resolve_dir(args.dir.dir.as_deref(), true)?;
    let db = ctx.connect().await?;
    let tools = tools::for_server(db.server.major)?;
    ctx.out.verbose(format!(
        "using {} for a PostgreSQL {} server",
        tools.describe("pg_dump"),
        db.server.short_version()
    ));
    let opts = create::Options {
        kind: if args.critical {
            Kind::Critical
        } else {
            Kind::Full
        },
        dir,
        jobs: args.jobs,
        compress: args.compress.clone(),
        lock_timeout: args.lock_timeout,
        globals: args.globals,
    };
    if args.globals && !tools.pg_dumpall().is_file() {
        return Err(crate::error::hint(
            anyhow::anyhow!(
                "--globals needs pg_dumpall beside {}, and there is none",
                tools.pg_dump().display()
            ),
            "install that PostgreSQL version's full client programs, or leave out --globals",
        ));
    }
    let done = create::create(&db, &tools, &opts, &ctx.out).await?;
    let m = &done.manifest;
    ctx.out.info(format!(
        "backup {} written: {}, {} tables, {} rows, {:.1} s (pg_dump {})",
        done.path.display(),
        pretty_bytes(m.size_bytes as i64),
        m.tables.len(),
        m.total_rows(),
        done.seconds,
        m.pg_dump_version
    ));
    Ok(())
}
