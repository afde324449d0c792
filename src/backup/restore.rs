//! Restoring a verified archive with pg_restore, and checking the result against the manifest
//! (every table's row count, the schema version).
//!
//! - A full backup into the existing database: `--clean --if-exists --exit-on-error
//!   --single-transaction`, so a failure rolls everything back and leaves the database as it
//!   was.
//! - Into a new database (`--into`): created first (never an existing one), dropped again if the
//!   restore fails.
//! - A critical backup holds users, emails and templates only. Their triggers call a function
//!   it does not hold, and the log tables of a live database reference users, so it is never
//!   restored over a database: it goes `--into` a new one, which promail migrates to its schema
//!   and then fills with the three tables' data (`--data-only`, users first for the foreign
//!   keys). The DBA then has the critical data side by side with the damaged database, to copy
//!   back what is needed.

use std::collections::BTreeMap;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};

use super::create::{command, last_words, schema_version};
use super::verify::{toc, Verified};
use super::{Kind, CRITICAL_TABLES};
use crate::connect::Db;
use crate::conninfo::ConnInfo;
use crate::ctx::Ctx;
use crate::error::hint;
use crate::pg::{ident, PgExt};
use crate::server::Server;

/// How pg_restore loads the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Over the existing objects (`--clean --if-exists`).
    Replace,
    /// Into an empty database.
    Fresh,
    /// The tables' data only, into a migrated database (critical backups).
    DataOnly,
}

/// What the target holds now, for the confirmation.
#[derive(Debug, Clone)]
pub struct Target {
    pub database: String,
    pub size: i64,
    pub schema_version: Option<i32>,
}

/// The tables and views of `db` (outside the system schemas; partitions go with their table)
/// that the archive does not hold: a restore over the database (`pg_restore --clean`) drops and
/// recreates what the archive holds and leaves these as they are.
pub async fn kept(db: &Db, v: &Verified) -> Result<Vec<String>> {
    let entries = toc(&v.tools, &v.path).await?;
    let in_backup: std::collections::HashSet<(String, String)> = entries
        .iter()
        .filter_map(|line| toc_relation(line))
        .collect();
    let rows = db
        .query(
            "SELECT n.nspname::text, c.relname::text FROM pg_catalog.pg_class c \
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition \
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
               AND n.nspname NOT LIKE 'pg\\_%' \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                               WHERE d.classid = 'pg_catalog.pg_class'::regclass \
                                 AND d.objid = c.oid AND d.deptype = 'e') \
             ORDER BY 1, 2",
            &[],
        )
        .await
        .pg()?;
    Ok(rows
        .iter()
        .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
        .filter(|key| !in_backup.contains(key))
        .map(|(schema, name)| format!("{}.{}", plain_ident(&schema), plain_ident(&name)))
        .collect())
}

/// An identifier as psql shows it: quoted only when it must be.
fn plain_ident(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain {
        name.to_string()
    } else {
        ident(name)
    }
}

/// The schema and name of a table or view of an archive's TOC line
/// (`217; 1259 16390 TABLE public users postgres`).
fn toc_relation(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.get(3..)? {
        ["TABLE", "DATA", ..] => None,
        ["TABLE" | "VIEW", schema, name, ..] | ["MATERIALIZED", "VIEW", schema, name, ..] => {
            Some(((*schema).to_string(), (*name).to_string()))
        }
        _ => None,
    }
}

pub async fn describe(db: &Db) -> Result<Target> {
    let size: i64 = db
        .query_one("SELECT pg_database_size(current_database())", &[])
        .await
        .pg()?
        .get(0);
    Ok(Target {
        database: db.info.dbname.clone(),
        size,
        schema_version: schema_version(db).await?,
    })
}

/// The newest schema version this promail knows.
pub fn latest_schema() -> Option<i32> {
    crate::migrate::embedded().iter().map(|m| m.version).max()
}

fn quote_conninfo(v: &str) -> String {
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Runs pg_restore into the database `target` names, on `server`.
///
/// When the pg_restore is 17 or newer and the server older, the script goes through promail
/// to that pg_restore's psql instead (`pg_restore -f -`, one transaction, stop at the first
/// error), without its `SET transaction_timeout` line: the server would refuse it, and the
/// nearest pg_restore that reads the archive may be newer than the server (a 16 server with
/// only pg_dump 15 and 18 installed is dumped and restored by 18).
pub async fn load(v: &Verified, target: &ConnInfo, server: &Server, mode: Mode) -> Result<()> {
    let through_psql = v.tools.major >= 17 && !server.has_transaction_timeout();
    let mut cmd = command(&v.tools.pg_restore(), target);
    cmd.args(["--no-password", "--exit-on-error", "--single-transaction"]);
    if through_psql {
        cmd.arg("--file=-");
    } else {
        cmd.arg(format!(
            "--dbname=dbname={}",
            quote_conninfo(&target.dbname)
        ));
    }
    let mut list_file = None;
    match mode {
        Mode::Replace => {
            let entries = toc(&v.tools, &v.path).await?;
            let path = write_list(&clean_order(&entries), "clean")?;
            cmd.args(["--clean", "--if-exists"])
                .arg(format!("--use-list={}", path.display()));
            list_file = Some(RemoveOnDrop(path));
        }
        Mode::Fresh => {}
        Mode::DataOnly => {
            let path = data_list(v).await?;
            cmd.arg("--data-only")
                .arg(format!("--use-list={}", path.display()));
            list_file = Some(RemoveOnDrop(path));
        }
    }
    cmd.arg(&v.path);
    let failed = if through_psql {
        pipe_to_psql(v, target, cmd).await?
    } else {
        let out = cmd
            .stdout(std::process::Stdio::null())
            .output()
            .await
            .with_context(|| format!("running {}", v.tools.pg_restore().display()))?;
        (!out.status.success()).then(|| last_words(&out.stderr))
    };
    drop(list_file);
    if let Some(words) = failed {
        return Err(hint(
            anyhow!(
                "pg_restore into database {} failed (rolled back: the database is as it was): {words}",
                target.dbname,
            ),
            "-v shows which pg_restore ran; the archive itself passed verification",
        ));
    }
    Ok(())
}

/// pg_restore's script into psql, without `SET transaction_timeout` (outside COPY data).
/// Returns the failure's last words, if any.
async fn pipe_to_psql(
    v: &Verified,
    target: &ConnInfo,
    mut restore: tokio::process::Command,
) -> Result<Option<String>> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
    let psql_path = v.tools.bindir.join("psql");
    if !psql_path.is_file() {
        return Err(hint(
            anyhow!(
                "{} is newer than the server and there is no psql beside it ({}) to restore through",
                v.tools.describe("pg_restore"),
                psql_path.display()
            ),
            "install the client programs of the server's major, or psql of the same version as that pg_restore",
        ));
    }
    let mut psql = command(&psql_path, target);
    psql.args(["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"])
        .arg(format!(
            "--dbname=dbname={}",
            quote_conninfo(&target.dbname)
        ))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut psql = psql
        .spawn()
        .with_context(|| format!("starting {}", psql_path.display()))?;
    let mut restore = restore
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", v.tools.pg_restore().display()))?;
    let script = restore.stdout.take().expect("piped");
    let mut sink = psql.stdin.take().expect("piped");
    let copy = async move {
        let mut lines = tokio::io::BufReader::with_capacity(1 << 20, script);
        let mut line = Vec::new();
        let mut in_copy = false;
        loop {
            line.clear();
            if lines.read_until(b'\n', &mut line).await? == 0 {
                break;
            }
            if in_copy {
                in_copy = line != b"\\.\n";
            } else if line.starts_with(b"COPY ") && line.ends_with(b"FROM stdin;\n") {
                in_copy = true;
            } else if line.starts_with(b"SET transaction_timeout") {
                continue;
            }
            if sink.write_all(&line).await.is_err() {
                // psql stopped (an error): its own message says why.
                break;
            }
        }
        drop(sink);
        Ok::<_, std::io::Error>(())
    };
    let mut restore_err = restore.stderr.take().expect("piped");
    let mut psql_err = psql.stderr.take().expect("piped");
    let (copied, r_err, p_err) = tokio::join!(
        copy,
        async {
            let mut v = Vec::new();
            let _ = restore_err.read_to_end(&mut v).await;
            v
        },
        async {
            let mut v = Vec::new();
            let _ = psql_err.read_to_end(&mut v).await;
            v
        }
    );
    copied.context("passing pg_restore's script to psql")?;
    let p_status = psql.wait().await?;
    let r_status = restore.wait().await?;
    if !p_status.success() {
        return Ok(Some(last_words(&p_err)));
    }
    if !r_status.success() {
        return Ok(Some(last_words(&r_err)));
    }
    Ok(None)
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A `--use-list` file with the data of the critical tables, users first (the others
/// reference it), then the sequences' values.
async fn data_list(v: &Verified) -> Result<PathBuf> {
    let entries = toc(&v.tools, &v.path).await?;
    let mut ordered: Vec<&String> = Vec::new();
    for t in CRITICAL_TABLES {
        ordered.extend(
            entries
                .iter()
                .filter(|l| super::verify::is_table_data(l, t)),
        );
    }
    ordered.extend(entries.iter().filter(|l| l.contains(" SEQUENCE SET ")));
    let ordered: Vec<String> = ordered.into_iter().cloned().collect();
    write_list(&ordered, "data")
}

/// The archive's entries in an order that `--clean` can drop: a partition's index constraint
/// attached to its parent's (`INDEX ATTACH`) moves before the other constraints and indexes.
/// pg_restore drops in reverse order; in the archive's own order it drops the partition's
/// constraint first, which the server refuses ("cannot drop inherited constraint", seen with
/// pg_restore 15 and 18). Moved, it is dropped after the parent's, which took it along (IF
/// EXISTS then does nothing); created before the parent's, it is attached as before.
pub fn clean_order(entries: &[String]) -> Vec<String> {
    let attached: Vec<&str> = entries
        .iter()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let i = w.windows(2).position(|p| p == ["INDEX", "ATTACH"])?;
            w.get(i + 3).copied()
        })
        .collect();
    let kind = |l: &str| l.split_whitespace().nth(3).unwrap_or_default().to_string();
    let is_moved = |l: &str| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.get(3) == Some(&"CONSTRAINT") && w.get(6).is_some_and(|n| attached.contains(n))
    };
    let moved: Vec<String> = entries.iter().filter(|l| is_moved(l)).cloned().collect();
    let rest: Vec<String> = entries.iter().filter(|l| !is_moved(l)).cloned().collect();
    let at = rest
        .iter()
        .position(|l| matches!(kind(l).as_str(), "CONSTRAINT" | "INDEX" | "FK"))
        .unwrap_or(rest.len());
    let mut out = rest[..at].to_vec();
    out.extend(moved);
    out.extend_from_slice(&rest[at..]);
    out
}

/// Writes a pg_restore `--use-list` file (private, in the temporary folder).
fn write_list(entries: &[String], what: &str) -> Result<PathBuf> {
    use std::io::Write as _;
    let path = std::env::temp_dir().join(format!(
        "promail-restore-{}-{what}.list",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("writing {}", path.display()))?;
    for l in entries {
        writeln!(f, "{l}")?;
    }
    f.sync_all()?;
    Ok(path)
}

/// Compares every table of the manifest with the database; returns how many were checked.
pub async fn check_counts(db: &Db, expected: &BTreeMap<String, i64>) -> Result<usize> {
    let mut wrong = Vec::new();
    for (table, want) in expected {
        let (schema, name) = table.split_once('.').unwrap_or(("public", table));
        let got: Result<i64> = db
            .query_one(
                &format!(
                    "SELECT count(*) FROM ONLY {}.{}",
                    ident(schema),
                    ident(name)
                ),
                &[],
            )
            .await
            .pg()
            .map(|r| r.get(0));
        match got {
            Ok(n) if n == *want => {}
            Ok(n) => wrong.push(format!("{table} has {n} rows, the backup {want}")),
            Err(e) => wrong.push(format!("{table}: {e:#}")),
        }
    }
    if !wrong.is_empty() {
        bail!(
            "the restored database differs from the backup's manifest: {}",
            wrong.join("; ")
        );
    }
    Ok(expected.len())
}

/// Creates database `name` (refusing an existing one) through the maintenance session `admin`.
pub async fn create_database(admin: &Db, name: &str) -> Result<()> {
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .await
        .pg()?
        .is_some();
    if exists {
        return Err(hint(
            anyhow!("database {name} already exists: --into restores into a new database only"),
            "name a database that does not exist, or restore over the current one without --into",
        ));
    }
    admin
        .batch_execute(&format!("CREATE DATABASE {}", ident(name)))
        .await
        .pg()
        .with_context(|| format!("creating database {name}"))
}

pub async fn drop_database(admin: &Db, name: &str) -> Result<()> {
    admin
        .batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            ident(name)
        ))
        .await
        .pg()
        .with_context(|| format!("dropping database {name}"))
}

/// Restores into the new database `name` (created here, dropped again on failure) and checks
/// it; returns the number of tables checked.
pub async fn into_new(ctx: &Ctx, v: &Verified, name: &str) -> Result<usize> {
    let info = ctx.conninfo()?;
    let admin = crate::provision::connect_maintenance(ctx, &info, "").await?;
    create_database(&admin, name).await?;
    let mut guard = DropOnInterrupt {
        admin: Some(admin.info.clone()),
        name: name.to_string(),
    };
    let result = fill_and_check(ctx, v, &info.with_dbname(name), &admin.server).await;
    guard.admin = None;
    if result.is_err() {
        let _ = drop_database(&admin, name).await;
    }
    result
}

/// Drops the new database of an `--into` restore that is abandoned mid-way: a signal ends the
/// run by dropping the command's future, so nothing after the restore's `.await` runs. Nothing
/// can be awaited in a drop: the DROP DATABASE goes on a session of its own, on a thread of its
/// own, waited for (the run is ending anyway).
struct DropOnInterrupt {
    /// The maintenance database's connection; None once the restore has finished either way.
    admin: Option<ConnInfo>,
    name: String,
}

impl Drop for DropOnInterrupt {
    fn drop(&mut self) {
        let Some(info) = self.admin.take() else {
            return;
        };
        let name = std::mem::take(&mut self.name);
        let shown = name.clone();
        let dropping = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            rt.block_on(async {
                let admin = crate::connect::connect(&info, crate::connect::Prompt::Never).await?;
                drop_database(&admin, &name).await
            })
        });
        if let Ok(Err(e)) = dropping.join() {
            ewriteln!("warning: the new database {shown} was not dropped: {e:#}");
        }
    }
}

async fn fill_and_check(
    ctx: &Ctx,
    v: &Verified,
    target: &ConnInfo,
    server: &Server,
) -> Result<usize> {
    let mode = if v.kind == Kind::Critical {
        let latest = latest_schema();
        if v.manifest.schema_version != latest {
            return Err(hint(
                anyhow!(
                    "critical backup {} has schema version {}, this promail migrates to {}: its data may not fit",
                    v.path.display(),
                    v.manifest.schema_version.map_or("none".to_string(), |s| s.to_string()),
                    latest.unwrap_or(0)
                ),
                "restore it with the promail version that wrote it (see promail_version in its manifest)",
            ));
        }
        let mut sub = ctx.with_conninfo(target.clone());
        sub.out.quiet = true;
        crate::migrate::migrate(
            &sub,
            &crate::migrate::embedded(),
            &crate::migrate::Options::default(),
        )
        .await
        .with_context(|| format!("migrating the new database {}", target.dbname))?;
        Mode::DataOnly
    } else {
        Mode::Fresh
    };
    load(v, target, server, mode).await?;
    let db = ctx.connect_to(target).await?;
    let n = check_counts(&db, &v.manifest.tables).await?;
    check_schema(&db, v).await?;
    Ok(n)
}

/// The restored schema version must be the backup's.
pub async fn check_schema(db: &Db, v: &Verified) -> Result<Option<i32>> {
    let got = schema_version(db).await?;
    if got != v.manifest.schema_version {
        bail!(
            "the restored database has schema version {:?}, the backup's manifest {:?}",
            got,
            v.manifest.schema_version
        );
    }
    Ok(got)
}

/// `verify --restore`: into a throwaway database, checked, dropped.
pub async fn rehearse(ctx: &Ctx, v: &Verified) -> Result<usize> {
    let name = format!("promail_verify_{}", std::process::id());
    let info = ctx.conninfo()?;
    let result = into_new(ctx, v, &name).await;
    if result.is_ok() {
        let admin = crate::provision::connect_maintenance(ctx, &info, "").await?;
        drop_database(&admin, &name).await?;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::{clean_order, plain_ident, toc_relation};

    #[test]
    fn toc_lines_name_tables_and_views_only() {
        let rel = |s: &str, n: &str| Some((s.to_string(), n.to_string()));
        assert_eq!(
            toc_relation("217; 1259 16399 TABLE public login_history postgres"),
            rel("public", "login_history")
        );
        assert_eq!(
            toc_relation("230; 1259 16500 VIEW public v_stats postgres"),
            rel("public", "v_stats")
        );
        assert_eq!(
            toc_relation("231; 1259 16501 MATERIALIZED VIEW promail mv postgres"),
            rel("promail", "mv")
        );
        assert_eq!(
            toc_relation("3464; 0 16399 TABLE DATA public users postgres"),
            None
        );
        assert_eq!(
            toc_relation("3299; 2606 16411 CONSTRAINT public t t_pkey postgres"),
            None
        );
        assert_eq!(plain_ident("extra"), "extra");
        assert_eq!(plain_ident("Extra"), "\"Extra\"");
    }

    #[test]
    fn attached_partition_constraints_move_before_the_other_post_data() {
        let toc: Vec<String> = [
            "217; 1259 16399 TABLE public login_history postgres",
            "218; 1259 16400 TABLE public login_history_default postgres",
            "3464; 0 16399 TABLE DATA public login_history_default postgres",
            "3299; 2606 16411 CONSTRAINT public login_history login_history_pkey postgres",
            "3300; 2606 16412 CONSTRAINT public login_history_default login_history_default_pkey postgres",
            "3301; 1259 16413 INDEX public idx_x postgres",
            "3470; 0 0 INDEX ATTACH public login_history_default_pkey postgres",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        let out = clean_order(&toc);
        assert_eq!(out.len(), toc.len());
        assert_eq!(out[3], toc[4]);
        assert_eq!(out[4], toc[3]);
        assert_eq!(out[6], toc[6]);
    }
}
