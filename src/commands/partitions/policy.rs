//! `promail partitions policy [set TABLE …]`: the rotation policies kept in the database.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde_json::json;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::output::{Format, Rows};
use crate::partition::plan::RetentionAction;
use crate::partition::policy::{self, Change, RetentionArg, Stored};

/// Without a subcommand, shows the policies: table, key column, period, premake (periods made
/// ahead), retention (partitions whose whole range is older are dropped or detached; none =
/// keep forever) and the retention action.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub command: Option<PolicyCommand>,

    #[command(flatten)]
    pub format: FormatOpts,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Change the policy of a table (what is not given is kept)
    Set(SetArgs),
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("change").required(true).multiple(true).args(["premake", "retention", "action"]))]
pub struct SetArgs {
    /// The managed table
    pub table: String,

    /// Periods to keep made ahead of the current one (1-520)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub premake: Option<i64>,

    /// Interval after which a partition expires ('90 days', '12 weeks', '6 months'), or none
    #[arg(long, value_name = "INTERVAL", allow_hyphen_values = true)]
    pub retention: Option<String>,

    /// What happens to an expired partition
    #[arg(long, value_enum)]
    pub action: Option<ActionArg>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ActionArg {
    /// Drop the partition
    Drop,
    /// Detach it and keep it as a standalone table
    Detach,
}

pub async fn run(args: PolicyArgs, ctx: &Ctx) -> Result<()> {
    if args.command.is_some() {
        ctx.will_write();
    }
    let db = ctx.connect().await?;
    match args.command {
        None => {
            let all = policy::load(&db).await?;
            let format = args.format.format;
            ctx.out.rows(format, &rows(&all, format == Format::Table))
        }
        Some(PolicyCommand::Set(s)) => {
            let premake = match s.premake {
                None => None,
                Some(n) => Some(u32::try_from(n).map_err(|_| {
                    crate::error::usage(format!(
                        "partition policy for {}: premake must be between 1 and {}, got {n}",
                        s.table,
                        crate::partition::plan::MAX_PREMAKE
                    ))
                })?),
            };
            let change = Change {
                premake,
                retention: s.retention.as_deref().map(RetentionArg::parse),
                action: s.action.map(|a| match a {
                    ActionArg::Drop => RetentionAction::Drop,
                    ActionArg::Detach => RetentionAction::Detach,
                }),
            };
            let stored = policy::update(&db, &s.table, &change).await?;
            let p = &stored.policy;
            ctx.out.info(format!(
                "{}: premake {}, retention {}, action {}",
                p.table,
                p.premake,
                stored.retention_text.as_deref().unwrap_or("none"),
                p.action
            ));
            Ok(())
        }
    }
}

/// `human`: no retention as `none` (JSON and CSV: null, an empty cell).
fn rows(all: &[Stored], human: bool) -> Rows {
    let mut rows = Rows::new([
        "table",
        "column",
        "period",
        "premake",
        "retention",
        "action",
    ]);
    for s in all {
        let p = &s.policy;
        rows.push(vec![
            json!(p.table),
            json!(p.column),
            json!(p.period.as_str()),
            json!(p.premake),
            match s.retention_text.as_deref() {
                Some(r) => json!(r),
                None if human => json!("none"),
                None => serde_json::Value::Null,
            },
            json!(p.action.as_str()),
        ]);
    }
    rows
}
