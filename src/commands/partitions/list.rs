//! `promail partitions list [TABLE]`: partitions with bounds, estimated rows and size, and each
//! table's health.

use anyhow::Result;
use chrono::NaiveDateTime;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::output::{render, write_stdout, Format};
use crate::partition::list;

/// Table format prints two tables (partitions, then health); JSON one document
/// {"now", "partitions": [...], "health": [...]}; CSV the partitions (or, with --health, the
/// health rows).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this table (default: every table with a policy)
    pub table: Option<String>,

    /// Only the health summary, one row per table
    #[arg(long)]
    pub health: bool,

    /// Exit 1, with a one-line message naming each table and its problems, when any table's
    /// health is not ok (no partition for now, fewer periods ahead than premake, rows in
    /// DEFAULT, gaps, partitions past retention): for monitoring scripts, as `db status
    /// --check`; with -q, no table: only the exit code and the message
    #[arg(long)]
    pub check: bool,

    /// Count the rows in DEFAULT exactly (a scan of it); by default a large DEFAULT partition's
    /// rows are the planner's estimate, shown with ≈ (and `default_rows_estimated` in JSON)
    #[arg(long)]
    pub exact: bool,

    /// Judge health as of this date instead of the server's clock (retention never counts from
    /// a date after the server's clock: no partition is shown past retention before it is)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDateTime>,

    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &ListArgs, ctx: &Ctx) -> Result<()> {
    let db = ctx.connect().await?;
    let tables: Vec<String> = args.table.iter().cloned().collect();
    let listings = list::collect(
        &db,
        &tables,
        args.as_of,
        std::time::Duration::from_secs(5),
        args.exact,
    )
    .await?;
    // `--check -q` is for scripts: the exit code (and the message on failure) is the answer.
    if args.check && ctx.out.quiet {
        return list::check(&listings);
    }
    let tty = ctx.out.stdout_tty;
    let text = match (args.format.format, args.health) {
        (Format::Json, false) => {
            let mut s = serde_json::to_string_pretty(&list::json_document(&listings))?;
            s.push('\n');
            s
        }
        (f, true) => render(f, &list::health_rows(&listings, f == Format::Table), tty)?,
        (Format::Table, false) => format!(
            "{}\n{}",
            render(Format::Table, &list::partition_rows(&listings, true), tty)?,
            render(Format::Table, &list::health_rows(&listings, true), tty)?
        ),
        (Format::Csv, false) => render(Format::Csv, &list::partition_rows(&listings, false), tty)?,
    };
    write_stdout(&text)?;
    if args.check {
        list::check(&listings)?;
    }
    Ok(())
}
