//! `promail backup prune`: delete old backups under a policy, safely.

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::DirOpts;
use crate::backup::prune::{self, Action, Candidate, Policy};
use crate::backup::{self, verify};
use crate::cli::{FormatOpts, YesOpts};
use crate::ctx::Ctx;
use crate::error::usage;
use crate::output::Rows;

/// Deletes old backups (archive, checksum file and manifest together), per kind (full and
/// critical counted apart): keeps the newest N (--keep) and/or those of the last D days
/// (--keep-days); a backup either keeps is kept.
///
/// The newest backup of each kind is verified first (checksum and full read) and always kept;
/// when it is bad, nothing of its kind is deleted and the run exits 1. Asks on a terminal; --yes otherwise.
/// --dry-run prints the plan and deletes nothing.
#[derive(Debug, Args)]
pub struct PruneArgs {
    #[command(flatten)]
    pub dir: DirOpts,

    /// Keep the newest N backups of each kind
    #[arg(long, value_name = "N")]
    pub keep: Option<usize>,

    /// Keep the backups of the last D days
    #[arg(long, value_name = "D")]
    pub keep_days: Option<u32>,

    /// Print the plan; delete nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub yes: YesOpts,

    #[command(flatten)]
    pub format: FormatOpts,
}

impl PruneArgs {
    /// What to keep must be said.
    pub(crate) fn check_keep(&self) -> Result<()> {
        if self.keep.is_none() && self.keep_days.is_none() {
            return Err(usage("backup prune needs --keep N and/or --keep-days D"));
        }
        Ok(())
    }
}

pub async fn run(args: &PruneArgs, ctx: &Ctx) -> Result<()> {
    args.check_keep()?;
    let folder = backup::Folder::open(args.dir.dir.as_deref())?;
    if !folder.exists {
        // The default folder before the first backup: nothing to prune, as an empty one.
        ctx.out.info(folder.empty_message());
    }
    let dir = folder.path.clone();
    let found = folder.scan()?;
    let mut candidates = Vec::new();
    for (i, b) in found.iter().enumerate() {
        let newest = !found[i + 1..].iter().any(|o| o.kind == b.kind);
        let problem = if newest {
            verify::verify(&b.path, None)
                .await
                .err()
                .map(|e| format!("{e:#}"))
        } else {
            None
        };
        candidates.push(Candidate {
            name: b.name.clone(),
            kind: b.kind,
            time: b.time,
            problem,
        });
    }
    let policy = Policy {
        keep: args.keep,
        keep_days: args.keep_days,
    };
    let steps = prune::plan(&candidates, policy, chrono::Utc::now());
    // A bad newest backup ends the run with an error (after the other kind is pruned), so that
    // cron reports it.
    let bad: Vec<String> = candidates
        .iter()
        .filter(|c| c.problem.is_some())
        .map(|c| {
            format!(
                "the newest {} backup {} is bad, nothing of its kind was deleted: {}",
                c.kind.as_str(),
                c.name,
                c.problem.as_deref().unwrap_or_default()
            )
        })
        .collect();
    let outcome = || -> Result<()> {
        if bad.is_empty() {
            Ok(())
        } else {
            Err(crate::error::hint(
                anyhow::anyhow!("{}", bad.join("; ")),
                "make a new backup (`promail backup create`) and check it (`promail backup verify --latest`)",
            ))
        }
    };
    let doomed: Vec<&prune::Step> = steps
        .iter()
        .filter(|s| s.action == Action::Delete)
        .collect();
    if args.dry_run {
        let mut rows = Rows::new(["name", "kind", "time", "action"]);
        for s in &steps {
            rows.push(vec![
                json!(s.name),
                json!(s.kind.as_str()),
                json!(s.time.format("%Y-%m-%d %H:%M:%S").to_string()),
                json!(match &s.action {
                    Action::Delete => "delete".to_string(),
                    Action::Keep(why) => format!("keep ({why})"),
                }),
            ]);
        }
        ctx.out.rows(args.format.format, &rows)?;
        return outcome();
    }
    if doomed.is_empty() {
        ctx.out.info("nothing to prune");
        return outcome();
    }
    ctx.confirm(
        &format!("delete {} backups from {}", doomed.len(), dir.display()),
        args.yes.yes,
    )
    .await?;
    for s in &doomed {
        // The archive first: interrupted here, what is left (a checksum file, a manifest) is
        // ignored by list and the next prune, never taken for a backup.
        let path = dir.join(&s.name);
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
        for p in [
            backup::sidecar(&path),
            backup::manifest_path(&path),
            backup::globals_path(&path),
        ] {
            let _ = std::fs::remove_file(p);
        }
        ctx.out.verbose(format!("deleted {}", path.display()));
    }
    ctx.out.info(format!(
        "deleted {} backups, kept {}",
        doomed.len(),
        steps.len() - doomed.len()
    ));
    outcome()
}
