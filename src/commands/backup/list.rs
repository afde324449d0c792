//! `promail backup list`: the backups of a folder.

use anyhow::Result;
use clap::Args;
use serde_json::{json, Value};

use super::DirOpts;
use crate::backup::{self, manifest::Manifest, verify};
use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::output::{pretty_bytes, Rows};

/// Lists the backups in the folder, oldest first: name, kind, time (UTC), size, whether the
/// checksum file and the manifest are there, rows and schema version from the manifest. Other
/// files in the folder are ignored. The default folder before the first `backup create` (it
/// does not exist yet) lists as empty, said on stderr; a folder given with --dir must exist.
///
/// With --check, each checksum is computed (reads every archive), and the run exits 1 with one
/// line naming every backup that is not good (checksum mismatch, no checksum file, no or an
/// unreadable manifest), or when there is no backup at all; `backup verify` also reads the
/// archive through pg_restore.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub dir: DirOpts,

    /// Compute each archive's checksum (ok, MISMATCH) instead of only noting the file; exit 1
    /// unless every backup is good and there is at least one
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub format: FormatOpts,
}

pub fn run(args: &ListArgs, ctx: &Ctx) -> Result<()> {
    let folder = backup::Folder::open(args.dir.dir.as_deref())?;
    let dir = &folder.path;
    let mut rows = Rows::new([
        "name", "kind", "time", "size", "checksum", "manifest", "rows", "schema",
    ]);
    // With --check, each backup that is not good, with what is wrong.
    let mut bad: Vec<String> = Vec::new();
    for b in folder.scan()? {
        let read = b
            .has_manifest
            .then(|| Manifest::read(&backup::manifest_path(&b.path)));
        let manifest = read.as_ref().and_then(|r| r.as_ref().ok());
        let size = manifest.map_or_else(
            || std::fs::metadata(&b.path).map_or(0, |m| m.len()),
            |m| m.size_bytes,
        );
        let mut problems = Vec::new();
        let checksum = match (b.has_sidecar, args.check) {
            (false, _) => {
                problems.push("no checksum file");
                "missing"
            }
            (true, false) => "present",
            (true, true) => {
                if verify::check_sidecar(&b.path).is_ok() {
                    "ok"
                } else {
                    problems.push("checksum mismatch");
                    "MISMATCH"
                }
            }
        };
        let manifest_cell = match &read {
            None => {
                problems.push("no manifest");
                "no"
            }
            Some(Err(_)) => {
                problems.push("unreadable manifest");
                "unreadable"
            }
            Some(Ok(_)) => "yes",
        };
        if args.check && !problems.is_empty() {
            bad.push(format!("{} ({})", b.name, problems.join(", ")));
        }
        let size_cell = if ctx.out.stdout_tty || args.format.format == crate::output::Format::Table
        {
            json!(pretty_bytes(size as i64))
        } else {
            json!(size)
        };
        rows.push(vec![
            json!(b.name),
            json!(b.kind.as_str()),
            // The name's time, UTC: RFC 3339 for programs, as every instant promail prints.
            json!(if args.format.format == crate::output::Format::Table {
                b.time.format("%Y-%m-%d %H:%M:%S UTC").to_string()
            } else {
                b.time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            }),
            size_cell,
            json!(checksum),
            json!(manifest_cell),
            manifest.map_or(Value::Null, |m| json!(m.total_rows())),
            manifest
                .and_then(|m| m.schema_version)
                .map_or(Value::Null, |v| json!(v)),
        ]);
    }
    if rows.is_empty() {
        // Said on stderr; JSON and CSV still print their empty listing on stdout.
        ctx.out.info(folder.empty_message());
        if args.format.format != crate::output::Format::Table {
            ctx.out.rows(args.format.format, &rows)?;
        }
        // --check: no backup is no good backup.
        if args.check {
            return Err(crate::error::hint(
                anyhow::anyhow!("no good backup: there is no backup in {}", dir.display()),
                "make one with `promail backup create`",
            ));
        }
        return Ok(());
    }
    ctx.out.rows(args.format.format, &rows)?;
    // --check: a monitoring script reads the exit code, as with the other --check options.
    if !bad.is_empty() {
        return Err(crate::error::hint(
            anyhow::anyhow!(
                "{} of the backups in {} {} not good: {}",
                bad.len(),
                dir.display(),
                if bad.len() == 1 { "is" } else { "are" },
                bad.join("; ")
            ),
            "`promail backup verify NAME` says what is wrong with one (NAME as listed; --dir as here)",
        ));
    }
    Ok(())
}
