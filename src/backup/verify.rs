//! Proving an archive: its checksum against the sidecar, then a full read by pg_restore
//! (`-f /dev/null`: `--list` reads only the table of contents and misses a truncated end),
//! and for a critical backup, that the data of users, emails and templates is inside.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

use super::create::{hash_file, last_words};
use super::manifest::Manifest;
use super::tools::{self, Tools};
use super::{manifest_path, parse_name, sidecar, Kind, CRITICAL_TABLES};
use crate::error::hint;

/// An archive that passed every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub path: PathBuf,
    pub kind: Kind,
    pub manifest: Manifest,
    /// The pg_restore that read it (and will restore it).
    pub tools: Tools,
}

/// The checks short of reading the archive: it exists, its manifest reads, its checksum
/// matches.
pub fn checksum(path: &Path) -> Result<(Kind, Manifest)> {
    if !path.exists() {
        return Err(hint(
            anyhow!("no backup {}", path.display()),
            "`promail backup list` shows the backups of a folder",
        ));
    }
    let man = manifest_path(path);
    if !man.is_file() {
        bail!(
            "backup {} has no manifest ({} is missing): it was not written by promail, or is incomplete",
            path.display(),
            man.display()
        );
    }
    let manifest = Manifest::read(&man)?;
    let kind = Kind::parse(&manifest.kind)
        .or_else(|| parse_name(&manifest.file).map(|k| k.0))
        .unwrap_or(Kind::Full);
    let side = sidecar(path);
    if std::fs::symlink_metadata(&side).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Err(missing_sidecar(path, &side, &manifest));
    }
    check_sidecar(path)?;
    Ok((kind, manifest))
}

/// The archive (and its globals file) against its checksum file `NAME.sha256`; for a
/// directory-format archive, also that every file of the folder is listed.
pub fn check_sidecar(path: &Path) -> Result<()> {
    let side = sidecar(path);
    let sums = std::fs::read_to_string(&side)
        .map_err(|e| anyhow!("cannot read the checksum file {}: {e}", side.display()))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut checked = 0;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let Some((want, name)) = line.split_once("  ") else {
            bail!("{} is not a sha256sum file (line {line:?})", side.display());
        };
        let file = folder.join(name);
        let (got, _) = hash_file(&file)?;
        if got != want {
            let fix = if name.ends_with(".globals.sql") {
                "the roles and tablespaces file written beside the archive (--globals) was changed or damaged: use another backup (`promail backup list`), or, if the roles are not needed, take its line out of the checksum file"
            } else {
                "the archive is damaged: restore another backup (`promail backup list`)"
            };
            return Err(hint(
                anyhow!(
                    "checksum mismatch: {} is not the file that was written (SHA-256 {got}, expected {want})",
                    file.display()
                ),
                fix,
            ));
        }
        checked += 1;
    }
    if checked == 0 {
        bail!("{} lists no file", side.display());
    }
    if path.is_dir() {
        // Every file of the folder must be listed: one added later is not covered.
        let prefix = format!(
            "{}/",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        let listed = sums
            .lines()
            .filter(|l| {
                l.split_once("  ")
                    .is_some_and(|(_, n)| n.starts_with(&prefix))
            })
            .count();
        let present = std::fs::read_dir(path)?.count();
        if present != listed {
            bail!(
                "backup {} holds {present} files but its checksum file lists {listed}",
                path.display()
            );
        }
    }
    Ok(())
}

/// A backup whose checksum file is gone. It is not good (a backup is its three files: `sha256sum
/// -c`, `monitor check` and prune rely on the checksum file), but the manifest records the
/// archive's SHA-256: checked against it, the error says whether the archive is still the file
/// that was written, and when it is, the hint says how to recreate the checksum file.
fn missing_sidecar(path: &Path, side: &Path, manifest: &Manifest) -> anyhow::Error {
    let missing = format!(
        "backup {} has no checksum file ({} is missing)",
        path.display(),
        side.display()
    );
    let recorded = manifest.sha256.as_deref().filter(|_| !path.is_dir());
    let Some(want) = recorded else {
        return hint(
            anyhow!("{missing}, and its manifest records no SHA-256 to check it against"),
            "it cannot be proven intact (a directory-format backup's checksums are in that file only): use another backup (`promail backup list`)",
        );
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut files = vec![(path.to_path_buf(), want.to_string())];
    if let Some(g) = &manifest.globals {
        files.push((folder.join(&g.file), g.sha256.clone()));
    }
    for (file, want) in &files {
        match hash_file(file) {
            Ok((got, _)) if got == *want => {}
            Ok((got, _)) => {
                return hint(
                    anyhow!(
                        "{missing}, and {} is not the file that was written (SHA-256 {got}, the manifest records {want})",
                        file.display()
                    ),
                    "the archive is damaged: restore another backup (`promail backup list`)",
                )
            }
            Err(e) => return anyhow!("{missing}, and {e:#}"),
        }
    }
    let names: Vec<String> = files
        .iter()
        .filter_map(|(f, _)| f.file_name().and_then(|n| n.to_str()))
        .map(crate::output::sh_quote)
        .collect();
    let side_name = side
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    hint(
        anyhow!(
            "{missing}; the archive does match the SHA-256 its manifest records, but a backup without its checksum file is not complete"
        ),
        format!(
            "if it was deleted by mistake, recreate it from the files just checked: cd {} && sha256sum {} > {}",
            crate::output::sh_quote(&folder.display().to_string()),
            names.join(" "),
            crate::output::sh_quote(side_name)
        ),
    )
}

/// Every check: checksum, full read, critical contents.
/// `server`: the major of the server it is to be restored into, if any (to pick the
/// pg_restore).
pub async fn verify(path: &Path, server: Option<u32>) -> Result<Verified> {
    let (kind, manifest) = checksum(path)?;
    let tools = tools::for_archive(Some(manifest.pg_dump_major()), server)?;
    let out = tokio::process::Command::new(tools.pg_restore())
        .arg("--file=/dev/null")
        .arg(path)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output()
        .await
        .with_context(|| format!("running {}", tools.pg_restore().display()))?;
    if !out.status.success() {
        return Err(hint(
            anyhow!(
                "backup {} cannot be read in full: {}",
                path.display(),
                last_words(&out.stderr)
            ),
            "the archive is damaged or truncated: restore another backup (`promail backup list`)",
        ));
    }
    if kind == Kind::Critical {
        let listed = toc(&tools, path).await?;
        let missing: Vec<&str> = CRITICAL_TABLES
            .iter()
            .copied()
            .filter(|t| !listed.iter().any(|l| is_table_data(l, t)))
            .collect();
        if !missing.is_empty() {
            bail!(
                "critical backup {} lacks the data of {}",
                path.display(),
                missing.join(", ")
            );
        }
    }
    Ok(Verified {
        path: path.to_path_buf(),
        kind,
        manifest,
        tools,
    })
}

/// The archive's table of contents (`pg_restore --list`), one entry a line.
pub async fn toc(tools: &Tools, path: &Path) -> Result<Vec<String>> {
    let out = tokio::process::Command::new(tools.pg_restore())
        .arg("--list")
        .arg(path)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output()
        .await
        .with_context(|| format!("running {}", tools.pg_restore().display()))?;
    if !out.status.success() {
        bail!(
            "cannot list backup {}: {}",
            path.display(),
            last_words(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with(';') && !l.trim().is_empty())
        .map(ToString::to_string)
        .collect())
}

/// `3464; 0 16399 TABLE DATA public users postgres` is the data of `users`.
pub fn is_table_data(line: &str, table: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(4)
        .any(|w| w[0] == "TABLE" && w[1] == "DATA" && w[3] == table)
}

#[cfg(test)]
mod tests {
    use super::is_table_data;

    #[test]
    fn table_data_lines() {
        assert!(is_table_data(
            "3464; 0 16399 TABLE DATA public users postgres",
            "users"
        ));
        assert!(!is_table_data(
            "217; 1259 16399 TABLE public users postgres",
            "users"
        ));
        assert!(!is_table_data(
            "3466; 0 16415 TABLE DATA public emails postgres",
            "users"
        ));
    }
}
