//! `promail restore`: a verified backup into the database, or into a new one.

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use clap::Args;

use crate::backup::restore::{self, Mode};
use crate::backup::{verify, Kind};
use crate::cli::YesOpts;
use crate::ctx::Ctx;
use crate::error::hint;
use crate::output::pretty_bytes;

/// Restores a backup, after verifying it (checksum, full read): a damaged archive is refused
/// before the database is touched.
///
/// Over the current database (DATABASE_URL's): pg_restore --clean --if-exists --exit-on-error
/// --single-transaction, so a failure leaves the database exactly as it was. It says what will
/// be replaced, names the tables and views the backup does not hold (those stay as they are),
/// and asks you to type the database's name; without a terminal it needs --yes.
///
/// --into NAME restores into a new database instead (created; never an existing one).
///
/// A critical backup (users, emails, templates) is restored --into a new database only:
/// promail migrates it to its schema, then loads the three tables' data. Over a live database
/// it would have to empty every table that references users.
///
/// Afterwards every table's row count and the schema version are checked against the manifest.
///
/// FILE is a name as `backup list` prints it, looked up in the backup folder (--dir, else the
/// default), or a path with a `/` used as given (`./NAME` for one in the current folder).
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive: a name in the backup folder (`promail_….dump`, `critical_….dump`,
    /// `….dir`), or a path with a `/`
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub dir: crate::commands::backup::DirOpts,

    /// Restore into this new database instead of the current one
    #[arg(long, value_name = "NAME")]
    pub into: Option<String>,

    #[command(flatten)]
    pub yes: YesOpts,
}

pub async fn run(args: &RestoreArgs, ctx: &Ctx) -> Result<()> {
    let file = crate::backup::resolve_archive(&args.file, args.dir.dir.as_deref())?;
    // Over the database or into a new one: either way the server must be a primary.
    ctx.will_write();
    // The server's major picks the pg_restore; nothing is read or changed there yet.
    let server = ctx.connect().await?.server.clone();
    let v = verify::verify(&file, Some(server.major)).await?;
    ctx.out.verbose(format!(
        "verified {} (checksum, full read by {})",
        file.display(),
        v.tools.describe("pg_restore")
    ));
    let contents = format!(
        "{} backup of {} taken {} ({} tables, {} rows, schema version {})",
        v.kind.as_str(),
        v.manifest.database,
        v.manifest.started_at,
        v.manifest.tables.len(),
        v.manifest.total_rows(),
        v.manifest
            .schema_version
            .map_or("none".to_string(), |s| s.to_string())
    );
    if let Some(name) = &args.into {
        let n = restore::into_new(ctx, &v, name).await?;
        ctx.out.info(format!(
            "restored {contents} into the new database {name}; {n} tables have the backup's row counts"
        ));
        return Ok(());
    }
    if v.kind == Kind::Critical {
        return Err(hint(
            anyhow!("a critical backup (users, emails, templates) is not restored over a database: the other tables reference users"),
            "restore it into a new database with --into NAME (migrated, then filled with the three tables), and copy back what you need",
        ));
    }
    let db = ctx.connect().await?;
    let target = restore::describe(&db).await?;
    let kept = restore::kept(&db, &v).await?;
    drop(db);
    ctx.out.info(format!(
        "this replaces database {} ({}, schema version {}) with the {contents}",
        target.database,
        pretty_bytes(target.size),
        target
            .schema_version
            .map_or("none".to_string(), |s| s.to_string())
    ));
    if !kept.is_empty() {
        ctx.out.warn(format!(
            "{} table(s) or view(s) of database {} are not in the backup and stay as they are: {} (restore with --into NAME for a database that holds the backup only)",
            kept.len(),
            target.database,
            kept.join(", ")
        ));
    }
    confirm_name(ctx, &target.database, args.yes.yes).await?;
    let info = ctx.conninfo()?;
    restore::load(&v, &info, &server, Mode::Replace).await?;
    let db = ctx.connect().await?;
    let n = restore::check_counts(&db, &v.manifest.tables).await?;
    let schema = restore::check_schema(&db, &v).await?;
    if schema.is_some() && schema < restore::latest_schema() {
        ctx.out.warn(format!(
            "the restored schema is version {}; this promail migrates to {}: run `promail db migrate`",
            schema.unwrap_or(0),
            restore::latest_schema().unwrap_or(0)
        ));
    }
    ctx.out.info(format!(
        "restored {} into database {}; {n} tables have the backup's row counts",
        file.display(),
        target.database
    ));
    Ok(())
}

/// Asks for the database's name, typed; without a terminal, refuses unless `yes`.
async fn confirm_name(ctx: &Ctx, name: &str, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !ctx.out.interactive() {
        return Err(hint(
            anyhow!(
                "refusing to replace database {name} without confirmation: no terminal to ask on"
            ),
            "pass --yes to confirm in scripts",
        ));
    }
    // A line read on a thread of its own, as Ctx::confirm does, so that a signal still ends
    // the run.
    ewrite!("Type the database name ({name}) to replace it: ");
    let _open = crate::interrupt::OpenPrompt::question();
    let line = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    })
    .await
    .map_err(|e| anyhow!("reading the answer: {e}"))?
    .map_err(|e| anyhow!("reading the answer: {e}"))?;
    if line.trim_end_matches(['\r', '\n']) == name {
        Ok(())
    } else {
        Err(anyhow!(
            "cancelled: the name typed was not {name}; nothing restored"
        ))
    }
}
