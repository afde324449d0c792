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
/// files in the folder are ignored. With --check, each checksum is computed (reads every
/// archive); `backup verify` also reads the archive through pg_restore.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub dir: DirOpts,

    /// Compute each archive's checksum (ok, MISMATCH) instead of only noting the file
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub format: FormatOpts,
}

pub fn run(args: &ListArgs, ctx: &Ctx) -> Result<()> {
    let dir = backup::resolve_dir(args.dir.dir.as_deref(), false)?;
    let mut rows = Rows::new([
        "name", "kind", "time", "size", "checksum", "manifest", "rows", "schema",
    ]);
    let mut bad = 0;
    for b in backup::scan(&dir)? {
        let manifest = b
            .has_manifest
            .then(|| Manifest::read(&backup::manifest_path(&b.path)).ok())
            .flatten();
        let size = manifest.as_ref().map_or_else(
            || std::fs::metadata(&b.path).map_or(0, |m| m.len()),
            |m| m.size_bytes,
        );
        let checksum = match (b.has_sidecar, args.check) {
            (false, _) => "missing",
            (true, false) => "present",
            (true, true) => {
                if verify::checksum(&b.path).is_ok() {
                    "ok"
                } else {
                    bad += 1;
                    "MISMATCH"
                }
            }
        };
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
            json!(if manifest.is_some() { "yes" } else { "no" }),
            manifest
                .as_ref()
                .map_or(Value::Null, |m| json!(m.total_rows())),
            manifest
                .as_ref()
                .and_then(|m| m.schema_version)
                .map_or(Value::Null, |v| json!(v)),
        ]);
    }
    if rows.is_empty() && args.format.format == crate::output::Format::Table {
        ctx.out.info(format!("no backups in {}", dir.display()));
        return Ok(());
    }
    ctx.out.rows(args.format.format, &rows)?;
    // --check: a monitoring script reads the exit code, as with the other --check options.
    if bad > 0 {
        return Err(crate::error::hint(
            anyhow::anyhow!(
                "{bad} of the backups in {} fail their checksum",
                dir.display()
            ),
            "`promail backup verify FILE` says what is wrong with one",
        ));
    }
    Ok(())
}
