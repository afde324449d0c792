//! Writing a backup: pg_dump streams the archive through promail, which hashes it on the way
//! and writes it under a temporary name in the backup folder; the exact row counts are taken
//! meanwhile in the snapshot pg_dump uses (exported by a REPEATABLE READ session, handed to
//! `pg_dump --snapshot`). Only a complete archive gets its final name: fsync, rename, fsync the
//! folder, the checksum file and the manifest first, the archive last.
//!
//! Temporary files are `.NAME.tmp` (and `.NAME.sha256.tmp`, `.NAME.manifest.json.tmp`). The
//! run that writes one holds an exclusive lock (flock) on it; a temporary file nobody holds is
//! the remains of a killed run and the next run removes it. Names are reserved under a lock on
//! `.promail-backup.lock` in the folder: a run that finds its name taken (a backup started in
//! the same second) waits for the next second, so two backups at once get distinct names of the
//! seed's form.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, SubsecRound, Utc};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use super::manifest::{Globals, Manifest, FORMAT};
use super::tools::Tools;
use super::{file_name, globals_path, manifest_path, sidecar, Kind, CRITICAL_TABLES};
use crate::connect::Db;
use crate::error::hint;
use crate::output::Output;
use crate::pg::{ident, PgExt};

const TABLES_SQL: &str = include_str!("../../sql/backup/tables.sql");
/// The folder lock under which names are reserved and stale files removed.
pub const LOCK_FILE: &str = ".promail-backup.lock";
const BUF: usize = 1 << 20;

/// What to write.
#[derive(Debug, Clone)]
pub struct Options {
    pub kind: Kind,
    pub dir: PathBuf,
    /// Directory format, dumped by this many parallel jobs.
    pub jobs: Option<u32>,
    /// pg_dump's `--compress` (a level, or `method[:detail]` on pg_dump 16+).
    pub compress: Option<String>,
    /// Longest wait for a table's lock, in the snapshot session and in pg_dump.
    pub lock_timeout: Duration,
    /// Also `pg_dumpall --globals-only` beside the archive.
    pub globals: bool,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub path: PathBuf,
    pub manifest: Manifest,
    pub seconds: f64,
}

/// A temporary file or folder of this run: removed when dropped unless kept.
struct Temp {
    paths: Vec<PathBuf>,
    /// Held for the whole run: the lock that tells other runs this file is alive.
    _lock: File,
}

impl Drop for Temp {
    fn drop(&mut self) {
        for p in &self.paths {
            if p.is_dir() {
                let _ = std::fs::remove_dir_all(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

fn temp_name(name: &str) -> String {
    format!(".{name}.tmp")
}

/// The folder's lock, held while names are reserved and stale files removed.
fn lock_dir(dir: &Path) -> Result<File> {
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(dir.join(LOCK_FILE))
        .map_err(|e| unwritable(dir, &e))?;
    f.lock()
        .with_context(|| format!("locking the backup folder {}", dir.display()))?;
    Ok(f)
}

fn unwritable(dir: &Path, e: &std::io::Error) -> anyhow::Error {
    hint(
        anyhow!("cannot write in the backup folder {}: {e}", dir.display()),
        "give a folder this user can write to with --dir (or PROMAIL_BACKUP_DIR)",
    )
}

/// The archive name a temporary file belongs to: `.promail_X.dump.tmp` and its sidecar,
/// manifest and globals temporaries → `promail_X.dump`.
fn temp_owner(file: &str) -> Option<String> {
    let inner = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let inner = inner
        .strip_suffix(".sha256")
        .or_else(|| inner.strip_suffix(".manifest.json"))
        .or_else(|| inner.strip_suffix(".globals.sql"))
        .unwrap_or(inner);
    super::parse_name(inner).map(|_| inner.to_string())
}

/// Removes the temporary files of runs that were killed (no one holds their lock). Call with
/// the folder lock held. Returns what was removed.
pub fn remove_stale(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let Some(file) = e.file_name().to_str().map(ToString::to_string) else {
            continue;
        };
        let Some(owner) = temp_owner(&file) else {
            continue;
        };
        let archive_temp = dir.join(temp_name(&owner));
        let alive = File::open(&archive_temp)
            .is_ok_and(|f| matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        if !alive {
            let p = e.path();
            let r = if p.is_dir() {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
            if r.is_ok() {
                removed.push(p);
            }
        }
    }
    Ok(removed)
}

/// Reserves a name: the temporary file (or folder) created and locked, under the folder lock.
async fn reserve(
    dir: &Path,
    kind: Kind,
    directory: bool,
    out: &Output,
) -> Result<(String, DateTime<Utc>, Temp)> {
    let _dir_lock = lock_dir(dir)?;
    for p in remove_stale(dir)? {
        out.info(format!(
            "removed {} (left by an interrupted backup)",
            p.display()
        ));
    }
    loop {
        let now = Utc::now().trunc_subsecs(0);
        let name = file_name(kind, now, directory);
        let temp = dir.join(temp_name(&name));
        let taken = dir.join(&name).exists() || temp.exists();
        if !taken {
            let lock = if directory {
                std::fs::DirBuilder::new()
                    .mode(0o700)
                    .create(&temp)
                    .map_err(|e| unwritable(dir, &e))?;
                File::open(&temp)?
            } else {
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&temp)
                    .map_err(|e| unwritable(dir, &e))?
            };
            lock.lock()?;
            let t = Temp {
                paths: vec![temp],
                _lock: lock,
            };
            return Ok((name, now, t));
        }
        // Another backup of the same second: the next second's name.
        let next = (now + chrono::Duration::seconds(1)) - Utc::now();
        tokio::time::sleep(next.to_std().unwrap_or_default() + std::time::Duration::from_millis(5))
            .await;
    }
}

/// The tables to count (and, for a critical backup, to dump), as `schema.table` quoted.
async fn tables(db: &Db, kind: Kind) -> Result<Vec<(String, String)>> {
    let only: Option<Vec<String>> =
        (kind == Kind::Critical).then(|| CRITICAL_TABLES.iter().map(ToString::to_string).collect());
    let rows = db
        .query(TABLES_SQL, &[&only])
        .await
        .pg()
        .context("listing the tables")?;
    let list: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    if kind == Kind::Critical {
        let missing: Vec<&str> = CRITICAL_TABLES
            .iter()
            .copied()
            .filter(|t| !list.iter().any(|(_, n)| n == t))
            .collect();
        if !missing.is_empty() {
            return Err(hint(
                anyhow!(
                    "database {} has no table {} for a critical backup",
                    db.info.dbname,
                    missing.join(", ")
                ),
                "create the schema first with `promail db migrate`",
            ));
        }
    }
    Ok(list)
}

/// The schema version recorded in promail.schema_migrations (None when absent).
pub async fn schema_version(db: &Db) -> Result<Option<i32>> {
    let exists: bool = db
        .query_one(
            "SELECT to_regclass('promail.schema_migrations') IS NOT NULL",
            &[],
        )
        .await
        .pg()?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let row = db
        .query_one(
            "SELECT max(version)::int FROM promail.schema_migrations",
            &[],
        )
        .await
        .pg()
        .context("reading the schema version")?;
    Ok(row.get(0))
}

/// A child libpq program with the connection in its environment (the password never in argv).
pub fn command(program: &Path, db: &crate::conninfo::ConnInfo) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(program);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PG") {
            cmd.env_remove(k);
        }
    }
    cmd.envs(db.child_env());
    cmd.stdin(Stdio::null()).kill_on_drop(true);
    cmd
}

/// The last lines pg_dump or pg_restore wrote to stderr, as one line.
pub fn last_words(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    tail.join("; ")
}

/// Writes a backup of the session's database. `db` must be a fresh session (it is used for the
/// snapshot).
pub async fn create(db: &Db, tools: &Tools, opts: &Options, out: &Output) -> Result<Outcome> {
    let started = Instant::now();
    let directory = opts.jobs.is_some();
    let (name, started_at, mut temp) = reserve(&opts.dir, opts.kind, directory, out).await?;
    let temp_path = temp.paths[0].clone();

    db.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .await
        .pg()
        .context("starting the snapshot")?;
    let lock_ms = opts.lock_timeout.as_millis().max(1);
    db.batch_execute(&format!("SET LOCAL lock_timeout = {lock_ms}"))
        .await
        .pg()?;
    let snapshot: String = db
        .query_one("SELECT pg_export_snapshot()", &[])
        .await
        .pg()
        .context("exporting the snapshot")?
        .get(0);
    let tables = tables(db, opts.kind).await?;
    let schema_version = schema_version(db).await?;
    let db_size: i64 = db
        .query_one("SELECT pg_database_size(current_database())", &[])
        .await
        .pg()?
        .get(0);

    let mut cmd = command(&tools.pg_dump(), &db.info);
    cmd.arg("--no-password")
        .arg(format!("--snapshot={snapshot}"))
        .arg(format!("--lock-wait-timeout={lock_ms}ms"));
    if let Some(j) = opts.jobs {
        cmd.args(["--format=directory", &format!("--jobs={j}")])
            .arg("--file")
            .arg(&temp_path);
        // pg_dump writes into the empty folder reserve() made and this run keeps locked.
    } else {
        cmd.arg("--format=custom");
    }
    if let Some(c) = &opts.compress {
        cmd.arg(format!("--compress={c}"));
    }
    if opts.kind == Kind::Critical {
        for (s, t) in &tables {
            cmd.arg("--table").arg(format!("{}.{}", ident(s), ident(t)));
        }
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", tools.pg_dump().display()))?;
    let stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");

    let bar = progress(out, db_size, directory);
    let write = async {
        // Owned here: when writing fails, pg_dump's pipe closes and it ends (EPIPE).
        let mut stdout = stdout;
        if directory {
            return Ok::<_, anyhow::Error>((0u64, None));
        }
        let mut file = OpenOptions::new()
            .write(true)
            .open(&temp_path)
            .with_context(|| format!("opening {}", temp_path.display()))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; BUF];
        let mut size = 0u64;
        loop {
            let n = stdout
                .read(&mut buf)
                .await
                .context("reading pg_dump's output")?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            file.write_all(&buf[..n])
                .with_context(|| format!("writing {}", temp_path.display()))?;
            size += n as u64;
            if let Some(b) = &bar {
                b.set_position(size);
            }
        }
        file.sync_all()
            .with_context(|| format!("writing {}", temp_path.display()))?;
        Ok((size, Some(hex(&hasher.finalize()))))
    };
    let errs = async {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v).await;
        v
    };
    // pg_dump's end decides: when it fails, the counts (which may wait behind the same lock)
    // are abandoned.
    let dump = async {
        let (written, errs) = tokio::join!(write, errs);
        // A write that failed (disk full) is the cause; pg_dump then died of the closed pipe.
        let written = written?;
        let status = child.wait().await.context("waiting for pg_dump")?;
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        if !status.success() {
            let how = status
                .code()
                .map_or_else(|| "was killed".to_string(), |c| format!("exited with {c}"));
            let words = last_words(&errs);
            if words.is_empty() {
                bail!("pg_dump {how}");
            }
            // --lock-wait-timeout: pg_dump's LOCK TABLE cancelled by the statement_timeout it
            // sets for it (or, before 15, "could not obtain lock").
            if let Some(table) = lock_given_up(&words) {
                return Err(lock_hint(anyhow!(
                    "pg_dump gave up waiting for the lock on {table} after {} (--lock-timeout): {words}",
                    crate::duration::human(opts.lock_timeout)
                )));
            }
            if words.contains("could not obtain lock") {
                return Err(lock_hint(anyhow!("pg_dump {how}: {words}")));
            }
            bail!("pg_dump {how}: {words}");
        }
        Ok(written)
    };
    let ((mut size, sha256), counts) = tokio::try_join!(dump, count_rows(db, &tables))?;
    db.batch_execute("COMMIT").await.pg()?;

    let mut sums = if directory {
        let (sums, total) = hash_folder(&temp_path, &name)?;
        size = total;
        sums
    } else {
        format!("{}  {name}\n", sha256.as_deref().unwrap_or_default())
    };
    let final_path = opts.dir.join(&name);
    let globals = if opts.globals {
        let file = globals_path(&final_path);
        let file_name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let globals_tmp = opts.dir.join(temp_name(&file_name));
        temp.paths.push(globals_tmp.clone());
        let (text, role_passwords) = dump_globals(db, tools, out).await?;
        write_file(&globals_tmp, &text)?;
        let sha = hex(&Sha256::digest(&text));
        {
            use std::fmt::Write as _;
            let _ = writeln!(sums, "{sha}  {file_name}");
        }
        Some((
            globals_tmp,
            file,
            Globals {
                file: file_name,
                size_bytes: text.len() as u64,
                sha256: sha,
                role_passwords,
            },
        ))
    } else {
        None
    };
    let finished_at = Utc::now();
    let manifest = Manifest {
        manifest_format: FORMAT,
        kind: opts.kind.as_str().to_string(),
        file: name.clone(),
        format: if directory { "directory" } else { "custom" }.to_string(),
        database: db.info.dbname.clone(),
        server_version: db.server.short_version().to_string(),
        pg_dump_version: tools.version.clone(),
        pg_dump_path: tools.pg_dump().display().to_string(),
        promail_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version,
        started_at: started_at.to_rfc3339(),
        finished_at: finished_at.to_rfc3339(),
        size_bytes: size,
        sha256,
        compress: opts.compress.clone(),
        tables: counts,
        globals: globals.as_ref().map(|g| g.2.clone()),
    };
    let sums_path = sidecar(&final_path);
    let man = manifest_path(&final_path);
    let side_tmp = opts.dir.join(temp_name(&format!("{name}.sha256")));
    let man_tmp = opts.dir.join(temp_name(&format!("{name}.manifest.json")));
    temp.paths.push(side_tmp.clone());
    temp.paths.push(man_tmp.clone());
    write_file(&side_tmp, sums.as_bytes())?;
    write_file(
        &man_tmp,
        format!("{}\n", serde_json::to_string_pretty(&manifest)?).as_bytes(),
    )?;
    std::fs::rename(&side_tmp, &sums_path)?;
    std::fs::rename(&man_tmp, &man)?;
    if let Some((tmp, file, _)) = &globals {
        std::fs::rename(tmp, file)?;
    }
    std::fs::rename(&temp_path, &final_path)
        .with_context(|| format!("renaming to {}", final_path.display()))?;
    temp.paths.clear();
    File::open(&opts.dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing the folder {}", opts.dir.display()))?;
    Ok(Outcome {
        path: final_path,
        manifest,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn progress(out: &Output, total: i64, directory: bool) -> Option<indicatif::ProgressBar> {
    if !out.progress() || directory {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total.max(1) as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} {bytes} written (database {total_bytes}) {bytes_per_sec}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// The table whose lock pg_dump gave up waiting for (--lock-wait-timeout), from its last
/// words: its `LOCK TABLE` cancelled by the statement_timeout it sets for it (or, before 15,
/// "could not obtain lock").
fn lock_given_up(words: &str) -> Option<&str> {
    if !(words.contains("timeout") || words.contains("could not obtain lock")) {
        return None;
    }
    words
        .split("Query was: LOCK TABLE ")
        .nth(1)
        .and_then(|t| t.split(" IN ").next())
}

/// A table's lock not obtained within --lock-timeout: what to do about it.
fn lock_hint(e: anyhow::Error) -> anyhow::Error {
    crate::error::hint(
        e,
        "another session holds the table under an exclusive lock (`promail monitor locks` shows which); retry when it is done, or wait longer with --lock-timeout",
    )
}

/// Exact row counts, table by table, in the session's snapshot.
async fn count_rows(db: &Db, tables: &[(String, String)]) -> Result<BTreeMap<String, i64>> {
    let mut counts = BTreeMap::new();
    for (s, t) in tables {
        let n: i64 = db
            .query_one(
                &format!("SELECT count(*) FROM ONLY {}.{}", ident(s), ident(t)),
                &[],
            )
            .await
            .pg()
            .with_context(|| format!("counting the rows of {s}.{t}"))
            .map_err(|e| match crate::pg::sqlstate(&e).as_deref() {
                Some("55P03") => lock_hint(e),
                _ => e,
            })?
            .get(0);
        counts.insert(format!("{s}.{t}"), n);
    }
    Ok(counts)
}

/// `pg_dumpall --globals-only` of the server (through the same database), in memory: roles and
/// tablespaces are a few kilobytes. A role that is not a superuser cannot read the password
/// hashes (`pg_authid`): `--no-role-passwords` then, said on `out`. Returns the script and
/// whether it has the passwords.
async fn dump_globals(db: &Db, tools: &Tools, out: &Output) -> Result<(Vec<u8>, bool)> {
    let superuser: bool = db
        .query_one(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
            &[],
        )
        .await
        .pg()
        .context("reading whether the role is a superuser")?
        .get(0);
    let program = tools.pg_dumpall();
    let mut cmd = command(&program, &db.info);
    cmd.args(["--no-password", "--globals-only", "-l"])
        .arg(&db.info.dbname);
    if !superuser {
        cmd.arg("--no-role-passwords");
        out.info(format!(
            "globals without the roles' passwords: role {} is not a superuser (only a superuser reads them)",
            db.info.user
        ));
    }
    let done = cmd
        .output()
        .await
        .with_context(|| format!("running {}", program.display()))?;
    if !done.status.success() {
        bail!(
            "pg_dumpall --globals-only failed: {}",
            last_words(&done.stderr)
        );
    }
    Ok((done.stdout, superuser))
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .with_context(|| format!("writing {}", path.display()))
}

/// The `sha256sum` lines of every file of a directory-format archive (paths relative to the
/// backup folder), files made private; and their total size.
fn hash_folder(dir: &Path, name: &str) -> Result<(String, u64)> {
    use std::fmt::Write as _;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut lines = String::new();
    let mut total = 0;
    for f in files {
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600))?;
        let (sum, size) = hash_file(&f)?;
        total += size;
        let file = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(lines, "{sum}  {name}/{file}");
        File::open(&f)?.sync_all()?;
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    File::open(dir)?.sync_all()?;
    Ok((lines, total))
}

/// SHA-256 (hex) and size of a file, read in full.
pub fn hash_file(path: &Path) -> Result<(String, u64)> {
    use std::io::Read;
    let mut f = File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; BUF];
    let mut size = 0u64;
    loop {
        let n = f
            .read(&mut buf)
            .with_context(|| format!("reading {}", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_pg_dump_gave_up_on_is_named() {
        let words =
            "pg_dump: error: query failed: ERROR:  canceling statement due to statement timeout; \
                     pg_dump: detail: Query was: LOCK TABLE public.users IN ACCESS SHARE MODE";
        assert_eq!(lock_given_up(words), Some("public.users"));
        assert_eq!(
            lock_given_up("pg_dump: error: could not obtain lock on relation; Query was: LOCK TABLE public.\"Odd\" IN ACCESS SHARE MODE"),
            Some("public.\"Odd\"")
        );
        assert_eq!(lock_given_up("pg_dump: error: connection lost"), None);
    }

    #[test]
    fn temporary_files_belong_to_their_archive() {
        assert_eq!(
            temp_owner(".promail_20260105_020009.dump.tmp").as_deref(),
            Some("promail_20260105_020009.dump")
        );
        assert_eq!(
            temp_owner(".critical_20260105_020009.dump.sha256.tmp").as_deref(),
            Some("critical_20260105_020009.dump")
        );
        assert_eq!(
            temp_owner(".promail_20260105_020009.dir.manifest.json.tmp").as_deref(),
            Some("promail_20260105_020009.dir")
        );
        assert_eq!(temp_owner(".something.tmp"), None);
        assert_eq!(temp_owner("promail_20260105_020009.dump"), None);
    }
}
