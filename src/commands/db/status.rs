//! `promail db status`: every known and applied migration and its state.

use anyhow::Result;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::migrate;

use super::migrate::SourceArgs;

/// Lists every migration this promail knows and every one the database has: version, name,
/// state (applied, pending, changed = edited after it was applied, unknown = applied by a
/// newer promail), which command recorded it (migrate ran it, baseline adopted it without
/// running it), when it was applied and how long it took.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub format: FormatOpts,

    /// Exit 1, with a one-line message, when anything is pending, changed or unknown (for
    /// deploy scripts); with -q, no table: only the exit code and the message
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub source: SourceArgs,
}

pub async fn run(args: &StatusArgs, ctx: &Ctx) -> Result<()> {
    let known = args.source.source().load()?;
    let applied = migrate::status(ctx).await?;
    let entries = migrate::compare(&known, &applied);
    // `--check -q` is for scripts: the exit code (and the message on failure) is the answer.
    if !(args.check && ctx.out.quiet) {
        ctx.out
            .rows(args.format.format, &migrate::status::status_rows(&entries))?;
    }
    if args.check {
        migrate::status::check(&entries)?;
    }
    Ok(())
}
