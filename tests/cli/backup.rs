//! `promail backup create|list|verify|prune` and `promail restore`: real pg_dump and
//! pg_restore against the test server, and the faults a DBA meets.

// promail's names are exact (lower case `.dump`, `.tmp`); pid/ppid, stat/state are distinct.
#![allow(
    clippy::case_sensitive_file_extension_comparisons,
    clippy::similar_names
)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::interrupt::send_signal;
use crate::support::{assert_error, ok, stderr_of, stdout_of, TestDb};

/// A migrated database with a few seeded users.
fn seeded(test: &str) -> TestDb {
    let db = TestDb::migrated(test);
    ok(&db, &["db", "seed", "--users", "4", "-q"]);
    db
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The archives in `dir` (names ending .dump or .dir).
fn archives(dir: &Path) -> Vec<String> {
    files(dir)
        .into_iter()
        .filter(|f| f.ends_with(".dump") || f.ends_with(".dir"))
        .collect()
}

fn create(db: &TestDb, dir: &Path, extra: &[&str]) -> PathBuf {
    let mut args = vec!["backup", "create", "--dir", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (_, err) = ok(db, &args);
    let line = err.lines().last().unwrap_or_default().to_string();
    let path = line
        .strip_prefix("backup ")
        .and_then(|l| l.split(" written").next())
        .unwrap_or_else(|| panic!("no summary line in {err}"));
    PathBuf::from(path)
}

fn manifest(archive: &Path) -> serde_json::Value {
    let p = format!("{}.manifest.json", archive.display());
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn count(db: &TestDb, table: &str) -> i64 {
    db.value(&format!("SELECT count(*) FROM {table}"))
        .parse()
        .unwrap()
}

/// The pid of a child of `parent` running `comm`, waiting for it to appear.
fn child_named(parent: u32, comm: &str) -> u32 {
    let start = Instant::now();
    loop {
        for e in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            // pid (comm) state ppid …
            let Some((head, rest)) = stat.rsplit_once(") ") else {
                continue;
            };
            let name = head.split_once(" (").map(|x| x.1).unwrap_or_default();
            let ppid: u32 = rest
                .split(' ')
                .nth(1)
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            let args = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            // The dump itself, not a `--version` probe.
            let real = comm != "pg_dump" || String::from_utf8_lossy(&args).contains("--snapshot");
            if ppid == parent && name == comm && real {
                return pid;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no {comm} child of {parent} appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A session holding ACCESS EXCLUSIVE on users until dropped: pg_dump (and the counts) wait.
struct Blocker {
    rt: tokio::runtime::Runtime,
    db: Option<promail::connect::Db>,
}

impl Blocker {
    fn new(db: &TestDb) -> Blocker {
        let rt = crate::support::runtime();
        let s = rt.block_on(db.connect());
        rt.block_on(s.batch_execute("BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE"))
            .unwrap();
        Blocker { rt, db: Some(s) }
    }
}

impl Drop for Blocker {
    fn drop(&mut self) {
        if let Some(s) = self.db.take() {
            let _ = self.rt.block_on(s.batch_execute("ROLLBACK"));
            drop(s);
            self.rt
                .block_on(promail::connect::close_all(Duration::from_secs(1)));
        }
    }
}

/// The binary as a std Command (to spawn and signal it), set up as `support::promail()`.
pub(crate) fn promail_std(conn: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_promail"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") || k == "DATABASE_URL" || k.starts_with("PROMAIL_") {
            c.env_remove(k);
        }
    }
    c.env("NO_COLOR", "1")
        .env("HOME", crate::support::empty_home())
        .env("DATABASE_URL", conn)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn spawn_create(db: &TestDb, dir: &Path) -> Child {
    promail_std(&db.conn)
        .args(["backup", "create", "--dir"])
        .arg(dir)
        .spawn()
        .unwrap()
}

#[test]
fn backup_create_writes_a_private_archive_its_checksum_and_exact_counts() {
    let db = seeded("backup_create");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let name = archive.file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.starts_with("promail_")
            && name.ends_with(".dump")
            && name.len() == "promail_20260105_020000.dump".len(),
        "{name}"
    );
    assert_eq!(
        files(dir.path()),
        vec![
            ".promail-backup.lock".to_string(),
            name.clone(),
            format!("{name}.manifest.json"),
            format!("{name}.sha256"),
        ]
    );
    for f in [
        &name,
        &format!("{name}.sha256"),
        &format!("{name}.manifest.json"),
    ] {
        let mode = std::fs::metadata(dir.path().join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    // sha256sum reads the sidecar as it is.
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg(format!("{name}.sha256"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let m = manifest(&archive);
    assert_eq!(m["kind"], "full");
    assert_eq!(m["database"], db.name.as_str());
    assert_eq!(m["schema_version"], 3);
    assert_eq!(
        m["size_bytes"].as_u64().unwrap(),
        std::fs::metadata(&archive).unwrap().len()
    );
    for t in [
        "users",
        "emails",
        "templates",
        "api_keys",
        "user_preferences",
    ] {
        assert_eq!(
            m["tables"][format!("public.{t}")].as_i64().unwrap(),
            count(&db, t),
            "{t}"
        );
    }
    let login_rows: i64 = m["tables"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with("public.login_history"))
        .map(|(_, v)| v.as_i64().unwrap())
        .sum();
    assert_eq!(login_rows, count(&db, "login_history"));
    assert!(m["pg_dump_version"]
        .as_str()
        .unwrap()
        .starts_with(char::is_numeric));
}

#[test]
fn backup_create_critical_holds_the_three_tables_only() {
    let db = seeded("backup_critical");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &["--critical"]);
    assert!(archive
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("critical_"));
    let m = manifest(&archive);
    let tables: Vec<&String> = m["tables"].as_object().unwrap().keys().collect();
    assert_eq!(
        tables,
        ["public.emails", "public.templates", "public.users"]
    );
    assert_eq!(m["tables"]["public.users"].as_i64().unwrap(), 4);
}

#[test]
fn backup_create_quiet_prints_nothing() {
    let db = seeded("backup_quiet");
    let dir = tempfile::tempdir().unwrap();
    let out = db
        .promail()
        .args(["backup", "create", "-q", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    assert_eq!(stdout_of(&out), "");
    assert_eq!(archives(dir.path()).len(), 1);
}

#[test]
fn backup_create_jobs_writes_a_directory_archive_with_per_file_checksums() {
    let db = seeded("backup_jobs");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &["--jobs", "2", "--compress", "1"]);
    assert!(archive.is_dir());
    assert!(archive.to_str().unwrap().ends_with(".dir"));
    let name = archive.file_name().unwrap().to_str().unwrap();
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg(format!("{name}.sha256"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("toc.dat: OK"));
    assert_eq!(manifest(&archive)["format"], "directory");
}

#[test]
fn backup_create_folder_missing_or_not_a_folder_is_refused_before_anything() {
    let db = TestDb::migrated("backup_nodir");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let out = db
        .promail()
        .args(["backup", "create", "--dir"])
        .arg(&missing)
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "does not exist");
    assert!(err.contains("hint: create it first"), "{err}");
    assert!(!missing.exists());
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = db
        .promail()
        .args(["backup", "create", "--dir"])
        .arg(&file)
        .output()
        .unwrap();
    assert_error(&out, 1, "is not a folder");
}

/// Runs `f` with `dir` read-only: a read-only tmpfs as root (permissions do not stop root), a
/// 0500 folder otherwise. None when root cannot mount.
fn read_only_dir() -> Option<(tempfile::TempDir, bool)> {
    let dir = tempfile::tempdir().unwrap();
    if is_root() {
        let st = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs"])
            .arg(dir.path())
            .output()
            .ok()?;
        if !st.status.success() {
            return None;
        }
        Some((dir, true))
    } else {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
        Some((dir, false))
    }
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").unwrap().uid() == 0
}

fn umount(dir: &Path) {
    let _ = std::process::Command::new("umount").arg(dir).status();
}

#[test]
fn backup_create_read_only_folder_is_refused_naming_it() {
    let db = TestDb::migrated("backup_ro");
    let Some((dir, mounted)) = read_only_dir() else {
        eprintln!("skipped: cannot mount a read-only tmpfs here (mount not permitted)");
        return;
    };
    let out = db
        .promail()
        .args(["backup", "create", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let listed = files(dir.path());
    if mounted {
        umount(dir.path());
    } else {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let err = assert_error(&out, 1, "cannot write in the backup folder");
    assert!(err.contains(dir.path().to_str().unwrap()), "{err}");
    assert!(listed.is_empty(), "{listed:?}");
}

#[test]
fn backup_create_disk_full_leaves_no_file() {
    let db = TestDb::migrated("backup_full");
    // About 2 MB of incompressible rows: more than the 1 MB folder holds.
    db.sql(
        "INSERT INTO users (email, password_hash, first_name) \
         SELECT 'u' || g || '@example.com', md5(random()::text) || md5(random()::text) || md5(random()::text), 'x' \
         FROM generate_series(1, 20000) g",
    );
    let dir = tempfile::tempdir().unwrap();
    if !is_root()
        || !std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: cannot mount a 1 MB tmpfs here (mount not permitted)");
        return;
    }
    let out = db
        .promail()
        .args(["backup", "create", "--compress", "0", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let listed = files(dir.path());
    umount(dir.path());
    assert_error(&out, 1, "No space left on device");
    assert_eq!(listed, vec![".promail-backup.lock".to_string()]);
}

#[test]
fn backup_create_pg_dump_killed_midway_leaves_nothing() {
    let db = seeded("backup_killed");
    let dir = tempfile::tempdir().unwrap();
    let blocker = Blocker::new(&db);
    let child = spawn_create(&db, dir.path());
    let pg_dump = child_named(child.id(), "pg_dump");
    assert!(archives(dir.path()).is_empty());
    send_signal(pg_dump, libc::SIGKILL);
    let out = child.wait_with_output().unwrap();
    drop(blocker);
    assert_error(&out, 1, "pg_dump was killed");
    assert_eq!(files(dir.path()), vec![".promail-backup.lock".to_string()]);
}

#[test]
fn backup_create_terminated_leaves_nothing_and_a_killed_runs_file_goes_next_time() {
    let db = seeded("backup_term");
    let dir = tempfile::tempdir().unwrap();
    {
        let blocker = Blocker::new(&db);
        let child = spawn_create(&db, dir.path());
        child_named(child.id(), "pg_dump");
        send_signal(child.id(), libc::SIGTERM);
        let out = child.wait_with_output().unwrap();
        drop(blocker);
        assert_eq!(out.status.code(), Some(143), "{}", stderr_of(&out));
        assert_eq!(files(dir.path()), vec![".promail-backup.lock".to_string()]);
    }
    // KILL: nothing can clean up; the temporary file stays, never under a final name.
    let blocker = Blocker::new(&db);
    let mut child = spawn_create(&db, dir.path());
    let pg_dump = child_named(child.id(), "pg_dump");
    send_signal(child.id(), libc::SIGKILL);
    child.wait().unwrap();
    send_signal(pg_dump, libc::SIGKILL);
    drop(blocker);
    let left = files(dir.path());
    assert!(archives(dir.path()).is_empty(), "{left:?}");
    assert!(left.iter().any(|f| f.ends_with(".tmp")), "{left:?}");
    let (_, err) = ok(
        &db,
        &["backup", "create", "--dir", dir.path().to_str().unwrap()],
    );
    assert!(err.contains("left by an interrupted backup"), "{err}");
    let left = files(dir.path());
    assert!(!left.iter().any(|f| f.ends_with(".tmp")), "{left:?}");
    assert_eq!(archives(dir.path()).len(), 1);
}

#[test]
fn backup_create_two_at_once_both_complete_with_distinct_names() {
    let db = seeded("backup_twice");
    let dir = tempfile::tempdir().unwrap();
    let blocker = Blocker::new(&db);
    let a = spawn_create(&db, dir.path());
    let b = spawn_create(&db, dir.path());
    child_named(a.id(), "pg_dump");
    child_named(b.id(), "pg_dump");
    drop(blocker);
    for c in [a, b] {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let names = archives(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert_ne!(names[0], names[1]);
    for n in &names {
        assert!(dir.path().join(format!("{n}.sha256")).is_file());
    }
}

#[test]
fn backup_create_password_never_in_any_command_line() {
    let db = seeded("backup_password");
    let role = format!("bk_pw_{}", std::process::id());
    let password = format!("Secr3t-{}-pw", std::process::id());
    db.sql(&format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{password}'"
    ));
    let info = promail::conninfo::resolve(Some(&db.conn), &promail::conninfo::ProcessEnv).unwrap();
    let url = format!(
        "host='{}' port={} user={role} dbname='{}' password='{password}'",
        info.hosts[0], info.ports[0], db.name
    );
    let dir = tempfile::tempdir().unwrap();
    let blocker = Blocker::new(&db);
    let child = promail_std(&url)
        .args(["backup", "create", "--dir"])
        .arg(dir.path())
        .spawn()
        .unwrap();
    let pg_dump = child_named(child.id(), "pg_dump");
    let mut seen = 0;
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        if let Ok(cmdline) = std::fs::read(e.path().join("cmdline")) {
            seen += 1;
            let text = String::from_utf8_lossy(&cmdline);
            assert!(
                !text.contains(&password),
                "password in {}: {text}",
                e.path().display()
            );
        }
    }
    assert!(seen > 1);
    assert!(std::fs::read(format!("/proc/{pg_dump}/cmdline")).is_ok());
    drop(blocker);
    let out = child.wait_with_output().unwrap();
    db.sql(&format!("DROP ROLE IF EXISTS {role}"));
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(archives(dir.path()).len(), 1);
}

/// The cached server binaries of other majors (.ci/install-pg); None (after saying why) when
/// they are absent outside CI.
fn pg_cache() -> Option<PathBuf> {
    let root = std::env::var_os("PROMAIL_PG_CACHE")
        .map_or_else(|| PathBuf::from("/var/cache/promail/pg"), PathBuf::from);
    if root.join("17/bin/postgres").is_file() && root.join("client-18/bin/pg_dump").is_file() {
        return Some(root);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {} lacks 17/bin and client-18/bin (run .ci/install-pg)",
        root.display()
    );
    eprintln!(
        "skipped: {} (from .ci/install-pg) is missing: no PostgreSQL 17 server or pg_dump 18 to test with",
        root.display()
    );
    None
}

#[test]
fn backup_pg_dump_is_chosen_by_the_servers_major_or_refused_before_any_file() {
    let Some(cache) = pg_cache() else { return };
    if !Path::new("/usr/lib/postgresql/15/bin/pg_dump").is_file() {
        eprintln!("skipped: no pg_dump 15 in /usr/lib/postgresql/15/bin");
        return;
    }
    let cdir = tempfile::Builder::new()
        .prefix("pmbk17")
        .tempdir_in("/tmp")
        .unwrap()
        .keep();
    let cluster = promail::local::Cluster::new(&cdir).with_bindir(Some(cache.join("17/bin")));
    cluster
        .start()
        .unwrap_or_else(|e| panic!("starting a PostgreSQL 17 cluster: {e:#}"));
    let conn = cluster.conninfo("promail_db").unwrap();
    let run = |path: &str, dir: &Path| {
        crate::support::promail()
            .env("DATABASE_URL", &conn)
            .env("PATH", path)
            .args(["-v", "backup", "create", "--dir"])
            .arg(dir)
            .output()
            .unwrap()
    };
    // 15 (pg_config, /usr/lib/postgresql) and 18 (PATH): 18, said.
    let both = tempfile::tempdir().unwrap();
    let out = run(
        &format!("{}:/usr/bin:/bin", cache.join("client-18/bin").display()),
        both.path(),
    );
    // Only 15: refused, one line naming what to install, nothing written.
    let only15 = tempfile::tempdir().unwrap();
    let refused = run("/usr/bin:/bin", only15.path());
    let _ = cluster.destroy();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("using pg_dump 18."), "{err}");
    let name = &archives(both.path())[0];
    let m = manifest(&both.path().join(name));
    assert!(
        m["pg_dump_version"].as_str().unwrap().starts_with("18."),
        "{m}"
    );
    assert!(
        m["server_version"].as_str().unwrap().starts_with("17."),
        "{m}"
    );
    let err = assert_error(&refused, 1, "no pg_dump of PostgreSQL 17 or newer");
    assert!(err.contains("pg_dump 15."), "{err}");
    assert!(
        err.contains("hint: install the PostgreSQL 17 client programs"),
        "{err}"
    );
    assert!(files(only15.path()).is_empty());
}

fn drop_db(name: &str) {
    crate::support::sql_on(
        &crate::support::server().admin,
        &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
    );
}

fn on(db: &TestDb, name: &str) -> String {
    crate::support::with_dbname(&db.conn, name)
}

fn flip_byte(path: &Path, at: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    let i = (at as usize).min(bytes.len() - 1);
    bytes[i] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

/// Truncates the archive to half and rewrites its sidecar to match: only a full read finds it.
fn truncate_with_matching_checksum(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    std::fs::write(path, &bytes[..bytes.len() / 2]).unwrap();
    let out = std::process::Command::new("sha256sum")
        .arg(path.file_name().unwrap())
        .current_dir(path.parent().unwrap())
        .output()
        .unwrap();
    std::fs::write(format!("{}.sha256", path.display()), out.stdout).unwrap();
}

#[test]
fn backup_verify_accepts_a_good_backup_and_latest_finds_the_newest() {
    let db = seeded("backup_verify_ok");
    let dir = tempfile::tempdir().unwrap();
    let full = create(&db, dir.path(), &[]);
    let critical = create(&db, dir.path(), &["--critical"]);
    let (_, err) = ok(&db, &["backup", "verify", full.to_str().unwrap()]);
    assert!(err.starts_with("ok: full backup"), "{err}");
    let (_, err) = ok(
        &db,
        &[
            "backup",
            "verify",
            "--latest",
            "--dir",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(err.starts_with("ok: critical backup"), "{err}");
    assert!(
        err.contains(critical.file_name().unwrap().to_str().unwrap()),
        "{err}"
    );
}

#[test]
fn backup_verify_and_restore_refuse_a_flipped_byte_and_a_truncated_dump() {
    let db = seeded("backup_damaged");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let pristine = std::fs::read(&archive).unwrap();
    let sidecar = std::fs::read(format!("{}.sha256", archive.display())).unwrap();
    db.sql("INSERT INTO users (email, password_hash) VALUES ('after@example.com', 'x')");
    let users = count(&db, "users");
    let a = archive.to_str().unwrap();

    flip_byte(&archive, pristine.len() as u64 / 2);
    let out = db.promail().args(["backup", "verify", a]).output().unwrap();
    assert_error(&out, 1, "checksum mismatch");
    let out = db.promail().args(["restore", "--yes", a]).output().unwrap();
    assert_error(&out, 1, "checksum mismatch");
    assert_eq!(count(&db, "users"), users, "target untouched");
    // list --check shows it, and exits 1 for a monitoring script.
    let out = db
        .promail()
        .args(["backup", "list", "--check", "--format", "csv", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let list = stdout_of(&out);
    assert!(list.contains(",MISMATCH,"), "{list}");
    assert_error(&out, 1, "1 of the backups in");

    std::fs::write(&archive, &pristine).unwrap();
    std::fs::write(format!("{a}.sha256"), &sidecar).unwrap();
    truncate_with_matching_checksum(&archive);
    let out = db.promail().args(["backup", "verify", a]).output().unwrap();
    assert_error(&out, 1, "cannot be read in full");
    let out = db.promail().args(["restore", "--yes", a]).output().unwrap();
    assert_error(&out, 1, "cannot be read in full");
    assert_eq!(count(&db, "users"), users, "target untouched");
}

#[test]
fn backup_verify_names_a_missing_checksum_or_manifest() {
    let db = seeded("backup_sidecars");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let a = archive.to_str().unwrap();
    std::fs::remove_file(format!("{a}.sha256")).unwrap();
    let out = db.promail().args(["backup", "verify", a]).output().unwrap();
    assert_error(&out, 1, "has no checksum file");
    std::fs::remove_file(format!("{a}.manifest.json")).unwrap();
    let out = db.promail().args(["backup", "verify", a]).output().unwrap();
    assert_error(&out, 1, "has no manifest");
    let out = db
        .promail()
        .args([
            "backup",
            "verify",
            dir.path().join("nothing.dump").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_error(&out, 1, "no backup");
}

#[test]
fn backup_verify_and_restore_find_a_bare_name_in_the_backup_folder() {
    let db = seeded("backup_bare_name");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let name = archive.file_name().unwrap().to_str().unwrap().to_string();
    let elsewhere = tempfile::tempdir().unwrap();
    // The name as `backup list` prints it, from another folder: looked up in --dir.
    let out = db
        .promail()
        .current_dir(elsewhere.path())
        .args(["backup", "verify", &name, "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains(archive.to_str().unwrap()));
    // … or in PROMAIL_BACKUP_DIR, the folder cron uses.
    let out = db
        .promail()
        .current_dir(elsewhere.path())
        .env("PROMAIL_BACKUP_DIR", dir.path())
        .args(["backup", "verify", &name])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    // restore takes the same FILE (and --dir).
    let into = "backup_bare_name_into";
    drop_db(into);
    let out = db
        .promail()
        .current_dir(elsewhere.path())
        .args(["restore", &name, "--into", into, "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    drop_db(into);
    assert!(out.status.success(), "{}", stderr_of(&out));
    // A bare name is never taken from the current folder: ./NAME is.
    let out = db
        .promail()
        .current_dir(dir.path())
        .args(["backup", "verify", &name, "--dir"])
        .arg(elsewhere.path())
        .output()
        .unwrap();
    let err = assert_error(&out, 1, &format!("no backup {name} in "));
    assert!(err.contains(&format!("hint: a bare name is looked up in the backup folder; for the file in the current folder give ./{name}")), "{err}");
    let out = db
        .promail()
        .current_dir(dir.path())
        .args(["backup", "verify", &format!("./{name}"), "--dir"])
        .arg(elsewhere.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = db
        .promail()
        .current_dir(elsewhere.path())
        .args(["restore", "--yes", "nothing.dump", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "no backup nothing.dump in ");
    assert!(err.contains("hint: `promail backup list`"), "{err}");
}

#[test]
fn backup_without_its_checksum_file_is_not_good_for_verify_nor_list_check() {
    let db = seeded("backup_no_sidecar");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &["--globals"]);
    create(&db, dir.path(), &[]);
    let a = archive.to_str().unwrap();
    let name = archive.file_name().unwrap().to_str().unwrap();
    let side = format!("{a}.sha256");
    let kept = std::fs::read(&side).unwrap();
    std::fs::remove_file(&side).unwrap();
    // One line naming the file, checked against the manifest's SHA-256, a hint to recreate it.
    let out = db.promail().args(["backup", "verify", a]).output().unwrap();
    let err = assert_error(
        &out,
        1,
        &format!("has no checksum file ({side} is missing)"),
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(
        err.contains("the archive does match the SHA-256 its manifest records"),
        "{err}"
    );
    let want = format!("hint: if it was deleted by mistake, recreate it from the files just checked: cd {} && sha256sum {name} {name}.globals.sql > {name}.sha256", dir.path().display());
    assert!(err.contains(&want), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    // Following the hint gives back the very checksum file that was written.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(want.split_once("checked: ").unwrap().1)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&side).unwrap(), kept);
    std::fs::remove_file(&side).unwrap();
    // A damaged archive without its checksum file: the manifest's SHA-256 catches it.
    let pristine = std::fs::read(&archive).unwrap();
    flip_byte(&archive, pristine.len() as u64 / 2);
    let out = db.promail().args(["restore", "--yes", a]).output().unwrap();
    let err = assert_error(&out, 1, "is not the file that was written");
    assert!(err.contains("hint: the archive is damaged"), "{err}");
    std::fs::write(&archive, &pristine).unwrap();
    // list --check: every backup that is not good makes it exit 1, named in one line.
    let out = db
        .promail()
        .args(["backup", "list", "--check", "--format", "csv", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        stdout_of(&out).contains(",missing,yes,"),
        "{}",
        stdout_of(&out)
    );
    assert!(stdout_of(&out).contains(",ok,yes,"), "{}", stdout_of(&out));
    let err = assert_error(
        &out,
        1,
        &format!(
            "1 of the backups in {} is not good: {name} (no checksum file)",
            dir.path().display()
        ),
    );
    assert!(err.contains("hint: `promail backup verify NAME`"), "{err}");
    std::fs::write(format!("{a}.manifest.json"), "{").unwrap();
    std::fs::write(&side, &kept).unwrap();
    let out = db
        .promail()
        .args(["backup", "list", "--check", "--format", "json", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_error(&out, 1, &format!("{name} (unreadable manifest)"));
    // Without --check, the listing only notes it.
    ok(
        &db,
        &["backup", "list", "--dir", dir.path().to_str().unwrap()],
    );
}

/// promail with a fresh HOME whose default backup folder does not exist (as root, whose default
/// is /var/backups/promail, run as nobody so that the machine's folder is not used).
fn without_default_folder(home: &Path) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    let mut c = promail_std("postgresql://nobody@127.0.0.1:1/unused");
    c.env("HOME", home.join("home")).env_remove("XDG_DATA_HOME");
    if is_root() {
        std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o755)).unwrap();
        c.uid(65534).gid(65534);
    }
    c
}

#[test]
fn backup_list_and_verify_latest_before_the_default_folder_exists() {
    let home = tempfile::tempdir().unwrap();
    let default = home.path().join("home/.local/share/promail/backups");
    let run = |args: &[&str]| {
        without_default_folder(home.path())
            .args(args)
            .output()
            .unwrap()
    };
    // An empty listing, said on stderr; exit 0.
    let out = run(&["backup", "list"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        format!("no backups in {}: no backup has been made there yet (the folder does not exist; `promail backup create` makes it)\n", default.display())
    );
    assert_eq!(stdout_of(&out), "");
    let out = run(&["backup", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).trim(), "[]");
    // --check: no good backup.
    let out = run(&["backup", "list", "--check", "-q"]);
    let err = assert_error(&out, 1, "no good backup: there is no backup in");
    assert!(
        err.contains("hint: make one with `promail backup create`"),
        "{err}"
    );
    let out = run(&["backup", "verify", "--latest"]);
    let err = assert_error(&out, 1, "no backup has been made there yet");
    assert!(
        err.contains("hint: make one with `promail backup create`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    let out = run(&["backup", "verify", "promail_20261206_084920.dump"]);
    assert_error(&out, 1, "no backup promail_20261206_084920.dump in");
    assert!(!default.exists(), "listing made no folder");
    // A folder named with --dir (or PROMAIL_BACKUP_DIR) must exist.
    let missing = home.path().join("nope");
    let out = run(&["backup", "list", "--dir", missing.to_str().unwrap()]);
    let err = assert_error(&out, 1, "does not exist");
    assert!(err.contains("hint: create it first"), "{err}");
}

#[test]
fn backup_list_shows_backups_in_every_format_and_ignores_other_files() {
    let db = seeded("backup_list");
    let dir = tempfile::tempdir().unwrap();
    let full = create(&db, dir.path(), &[]);
    create(&db, dir.path(), &["--critical"]);
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    std::fs::write(dir.path().join("promail_latest.dump"), "x").unwrap();
    let d = dir.path().to_str().unwrap();
    let (table, _) = ok(&db, &["backup", "list", "--dir", d]);
    assert!(
        table.contains(full.file_name().unwrap().to_str().unwrap()),
        "{table}"
    );
    assert!(
        !table.contains("notes.txt") && !table.contains("promail_latest"),
        "{table}"
    );
    let (json, _) = ok(&db, &["backup", "list", "--format", "json", "--dir", d]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["kind"], "full");
    assert_eq!(rows[1]["kind"], "critical");
    assert_eq!(rows[0]["checksum"], "present");
    assert_eq!(
        rows[1]["rows"].as_i64().unwrap(),
        count(&db, "users") + count(&db, "emails") + count(&db, "templates")
    );
    assert_eq!(
        rows[0]["size"].as_u64().unwrap(),
        std::fs::metadata(&full).unwrap().len()
    );
    let (csv, _) = ok(
        &db,
        &["backup", "list", "--format", "csv", "--check", "--dir", d],
    );
    assert!(
        csv.starts_with("name,kind,time,size,checksum,manifest,rows,schema\n"),
        "{csv}"
    );
    assert_eq!(csv.matches(",ok,yes,").count(), 2, "{csv}");
}

#[test]
fn restore_without_yes_and_no_terminal_is_refused_untouched() {
    let db = seeded("restore_noyes");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    db.sql("DELETE FROM users");
    let out = db
        .promail()
        .args(["restore", archive.to_str().unwrap()])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "without confirmation");
    assert!(err.contains("--yes"), "{err}");
    assert!(
        err.contains(&format!("replaces database {}", db.name)),
        "{err}"
    );
    assert_eq!(count(&db, "users"), 0);
}

#[test]
fn restore_yes_brings_back_every_row_and_checks_the_counts() {
    let db = seeded("restore_yes");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let users = count(&db, "users");
    let logins = count(&db, "login_history");
    db.sql("DELETE FROM users; CREATE TABLE extra (x int)");
    assert_eq!(count(&db, "login_history"), 0);
    let (_, err) = ok(&db, &["restore", "--yes", archive.to_str().unwrap()]);
    assert!(err.contains("have the backup's row counts"), "{err}");
    assert_eq!(count(&db, "users"), users);
    assert_eq!(count(&db, "login_history"), logins);
    // A table made after the backup is not in it: pg_restore --clean leaves it, and the
    // confirmation says so, naming it (only it: the backup's tables and partitions are not).
    assert!(
        err.contains("1 table(s) or view(s) of database")
            && err.contains("stay as they are: public.extra (restore with --into"),
        "{err}"
    );
    assert_eq!(count(&db, "extra"), 0, "kept");
    // Restored twice in a row: --clean drops what the first one made.
    ok(&db, &["restore", "--yes", archive.to_str().unwrap()]);
    assert_eq!(count(&db, "users"), users);
    assert_eq!(
        db.value("SELECT max(version) FROM promail.schema_migrations"),
        "3"
    );
}

#[test]
fn restore_that_fails_midway_leaves_the_database_as_it_was() {
    let db = seeded("restore_fails");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    // A view the backup does not know depends on users: dropping users fails mid-way.
    db.sql("DELETE FROM emails; CREATE VIEW keep_me AS SELECT id FROM users");
    let users = count(&db, "users");
    let out = db
        .promail()
        .args(["restore", "--yes", archive.to_str().unwrap()])
        .output()
        .unwrap();
    assert_error(&out, 1, "rolled back");
    assert_eq!(count(&db, "emails"), 0, "nothing restored");
    assert_eq!(count(&db, "users"), users);
    assert_eq!(
        db.value("SELECT count(*) FROM keep_me")
            .parse::<i64>()
            .unwrap(),
        users
    );
}

#[test]
fn restore_into_creates_a_new_database_never_an_existing_one() {
    let db = seeded("restore_into");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let into = format!("{}_copy", db.name);
    drop_db(&into);
    let (_, err) = ok(
        &db,
        &["restore", archive.to_str().unwrap(), "--into", &into],
    );
    assert!(
        err.contains(&format!("into the new database {into}")),
        "{err}"
    );
    let copy = crate::support::sql_on(&on(&db, &into), "SELECT count(*) FROM users");
    assert_eq!(
        copy[0][0].as_deref().unwrap().parse::<i64>().unwrap(),
        count(&db, "users")
    );
    let out = db
        .promail()
        .args(["restore", archive.to_str().unwrap(), "--into", &db.name])
        .output()
        .unwrap();
    assert_error(&out, 1, "already exists");
    drop_db(&into);
}

#[test]
fn restore_critical_goes_into_a_new_migrated_database_only() {
    let db = seeded("restore_critical");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &["--critical"]);
    let a = archive.to_str().unwrap();
    let out = db.promail().args(["restore", "--yes", a]).output().unwrap();
    let err = assert_error(&out, 1, "critical backup");
    assert!(err.contains("--into"), "{err}");
    let into = format!("{}_crit", db.name);
    drop_db(&into);
    ok(&db, &["restore", a, "--into", &into]);
    let target = on(&db, &into);
    let v = |sql: &str| {
        crate::support::sql_on(&target, sql)[0][0]
            .clone()
            .unwrap()
            .parse::<i64>()
            .unwrap()
    };
    assert_eq!(v("SELECT count(*) FROM users"), count(&db, "users"));
    assert_eq!(v("SELECT count(*) FROM emails"), count(&db, "emails"));
    assert_eq!(v("SELECT count(*) FROM login_history"), 0);
    assert_eq!(v("SELECT max(version) FROM promail.schema_migrations"), 3);
    // The sequences came along: a new user gets a fresh id.
    crate::support::sql_on(
        &target,
        "INSERT INTO users (email, password_hash) VALUES ('new@example.com', 'x')",
    );
    drop_db(&into);
}

#[test]
fn backup_verify_restore_rehearses_in_a_throwaway_database() {
    let db = seeded("backup_rehearse");
    let dir = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["--critical"][..]] {
        let archive = create(&db, dir.path(), extra);
        let (_, err) = ok(
            &db,
            &["backup", "verify", "--restore", archive.to_str().unwrap()],
        );
        assert!(err.contains("restored into a throwaway database"), "{err}");
    }
    let left = crate::support::sql_on(
        &crate::support::server().admin,
        "SELECT count(*) FROM pg_database WHERE datname LIKE 'promail_verify_%'",
    );
    assert_eq!(left[0][0].as_deref(), Some("0"));
}

/// One real backup (the newest) and copies of it under older names: (dir, newest's name).
fn backups_for_prune(db: &TestDb) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let newest = create(db, dir.path(), &[]);
    let name = newest.file_name().unwrap().to_str().unwrap().to_string();
    for old in [
        "promail_20200101_000000.dump",
        "promail_20200102_000000.dump",
    ] {
        for suffix in ["", ".sha256", ".manifest.json"] {
            std::fs::copy(
                dir.path().join(format!("{name}{suffix}")),
                dir.path().join(format!("{old}{suffix}")),
            )
            .unwrap();
        }
    }
    (dir, name)
}

#[test]
fn backup_prune_keeps_the_newest_and_asks_or_needs_yes() {
    let db = seeded("backup_prune");
    let (dir, newest) = backups_for_prune(&db);
    let d = dir.path().to_str().unwrap();
    let (plan, _) = ok(
        &db,
        &[
            "backup",
            "prune",
            "--keep",
            "2",
            "--dry-run",
            "--format",
            "csv",
            "--dir",
            d,
        ],
    );
    assert!(
        plan.contains("promail_20200101_000000.dump,full,2020-01-01 00:00:00,delete"),
        "{plan}"
    );
    assert!(plan.contains(&format!("{newest},full")), "{plan}");
    assert_eq!(archives(dir.path()).len(), 3, "dry run deletes nothing");
    let out = db
        .promail()
        .args(["backup", "prune", "--keep", "1", "--dir", d])
        .output()
        .unwrap();
    assert_error(&out, 1, "without confirmation");
    assert_eq!(archives(dir.path()).len(), 3);
    let out = db
        .promail()
        .args(["backup", "prune", "--dir", d])
        .output()
        .unwrap();
    assert_error(&out, 2, "--keep");
    let (_, err) = ok(
        &db,
        &["backup", "prune", "--keep", "1", "--yes", "--dir", d],
    );
    assert!(err.contains("deleted 2 backups, kept 1"), "{err}");
    assert_eq!(
        files(dir.path()),
        vec![
            ".promail-backup.lock".to_string(),
            newest.clone(),
            format!("{newest}.manifest.json"),
            format!("{newest}.sha256"),
        ]
    );
    // --keep-days 0 still keeps the newest good one.
    let (_, err) = ok(
        &db,
        &["backup", "prune", "--keep-days", "0", "--yes", "--dir", d],
    );
    assert!(err.contains("nothing to prune"), "{err}");
}

#[test]
fn backup_prune_deletes_nothing_when_the_newest_is_bad() {
    let db = seeded("backup_prune_bad");
    let (dir, newest) = backups_for_prune(&db);
    flip_byte(&dir.path().join(&newest), 100);
    let d = dir.path().to_str().unwrap();
    let prune = || {
        db.promail()
            .args(["backup", "prune", "--keep", "1", "--yes", "--dir", d])
            .output()
            .unwrap()
    };
    let err = assert_error(
        &prune(),
        1,
        &format!("the newest full backup {newest} is bad"),
    );
    assert!(err.contains("checksum mismatch"), "{err}");
    assert_eq!(archives(dir.path()).len(), 3);
    // Its checksum file gone: bad too.
    std::fs::remove_file(dir.path().join(format!("{newest}.sha256"))).unwrap();
    assert_error(&prune(), 1, "has no checksum file");
    assert_eq!(archives(dir.path()).len(), 3);
}

#[test]
fn restore_on_a_terminal_asks_for_the_database_name_typed() {
    let db = seeded("restore_typed");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let users = count(&db, "users");
    db.sql("DELETE FROM users");
    let run = |typed: &str| {
        let mut pty = crate::terminal::Pty::start(
            &format!(
                "{} restore '{}'",
                crate::terminal::promail_bin(),
                archive.display()
            ),
            &[("DATABASE_URL", &db.conn)],
        )?;
        pty.wait_for_prompt(&format!(
            "Type the database name ({}) to replace it: ",
            db.name
        ));
        pty.type_in(format!("{typed}\n").as_bytes());
        Some(pty.finish())
    };
    let Some(done) = run("promail_db") else {
        return;
    };
    assert_eq!(done.code, Some(1), "{}", done.text);
    assert!(
        done.text.contains("cancelled: the name typed was not"),
        "{}",
        done.text
    );
    assert_eq!(count(&db, "users"), 0, "untouched");
    let done = run(&db.name).unwrap();
    assert_eq!(done.code, Some(0), "{}", done.text);
    assert_eq!(count(&db, "users"), users);
}

#[test]
fn backup_create_gives_up_on_a_table_locked_exclusively_after_its_lock_timeout() {
    let db = seeded("backup_lock_timeout");
    let dir = tempfile::tempdir().unwrap();
    let blocker = Blocker::new(&db);
    let out = promail_std(&db.conn)
        .args(["backup", "create", "--lock-timeout", "1s", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    drop(blocker);
    let err = assert_error(&out, 1, "lock");
    assert!(err.contains("users"), "names the table: {err}");
    assert!(
        err.contains("hint: ") && err.contains("--lock-timeout"),
        "{err}"
    );
    assert_eq!(files(dir.path()), vec![".promail-backup.lock".to_string()]);
}

/// The folder of the pg_dump that made `archive` (as its manifest records).
fn pg_dump_folder(archive: &Path) -> String {
    let m = manifest(archive);
    let path = PathBuf::from(m["pg_dump_path"].as_str().unwrap());
    path.parent().unwrap().display().to_string()
}

#[test]
fn backup_without_any_pg_dump_says_what_to_install_and_writes_nothing() {
    let db = seeded("backup_no_pg_dump");
    let made = tempfile::tempdir().unwrap();
    let archive = create(&db, made.path(), &[]);
    // A PATH with no PostgreSQL program (no pg_dump, no pg_config) and the search of
    // /usr/lib/postgresql/*/bin turned off.
    let bare = tempfile::tempdir().unwrap();
    let run = |args: &[&str], search: &str| {
        crate::support::promail()
            .env("DATABASE_URL", &db.conn)
            .env("PATH", bare.path())
            .env("PROMAIL_PG_DUMP_SEARCH", search)
            .args(args)
            .output()
            .unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let major = crate::support::server_major();
    let out = run(&["backup", "create", "--dir", d], "");
    let err = assert_error(
        &out,
        1,
        &format!("no pg_dump of PostgreSQL {major} or newer for this PostgreSQL {major} server (none found on PATH (PROMAIL_PG_DUMP_SEARCH is empty))"),
    );
    assert!(
        err.contains(&format!(
            "hint: install the PostgreSQL {major} client programs (Debian/Ubuntu: apt-get install postgresql-client-{major}"
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
    // Reading an archive needs pg_restore: the same, and the archive is left as it was.
    let before = std::fs::read(&archive).unwrap();
    let out = run(&["backup", "verify", archive.to_str().unwrap()], "");
    let err = assert_error(&out, 1, "no pg_restore");
    assert!(
        err.contains("hint: install the PostgreSQL client programs"),
        "{err}"
    );
    assert_eq!(std::fs::read(&archive).unwrap(), before);

    // The variable names where they are instead: found there, without PATH.
    let bindir = pg_dump_folder(&archive);
    let out = run(
        &["-v", "backup", "create", "--dir", d],
        &format!("/nowhere:{bindir}"),
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("using pg_dump"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(archives(dir.path()).len(), 1);
}

/// `signal` to a `promail restore` (ARGS) once its pg_restore is at work, held by a lock on
/// api_keys that the test holds (promail itself never reads api_keys before pg_restore runs).
/// Returns promail's output, after the pg_restore's session has ended.
fn restore_stopped(db: &TestDb, args: &[&str], signal: libc::c_int) -> std::process::Output {
    let rt = crate::support::runtime();
    let holder = rt.block_on(db.connect());
    rt.block_on(holder.batch_execute("BEGIN; LOCK TABLE api_keys IN ACCESS EXCLUSIVE MODE"))
        .unwrap();
    let mut child = promail_std(&db.conn).args(args).spawn().unwrap();
    // pg_restore's session (its application_name is promail's) waiting for the lock.
    let waiting = "SELECT coalesce(min(pid), 0) FROM pg_stat_activity \
                   WHERE datname = current_database() AND wait_event_type = 'Lock' \
                     AND query LIKE '%api_keys%'";
    let deadline = Instant::now() + Duration::from_secs(60);
    let backend = loop {
        let pid = db.value(waiting);
        if pid != "0" {
            break pid;
        }
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("pg_restore never started: {:?}", child.wait_with_output());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    send_signal(child.id(), signal);
    let out = child.wait_with_output().unwrap();
    // Were pg_restore still running (orphaned), it would go on once the lock is free.
    rt.block_on(holder.batch_execute("ROLLBACK")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while db.value(&format!(
        "SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}"
    )) != "0"
    {
        assert!(
            Instant::now() < deadline,
            "pg_restore's session never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(holder);
    rt.block_on(promail::connect::close_all(Duration::from_secs(1)));
    out
}

#[test]
fn restore_interrupted_leaves_the_database_as_it_was() {
    // The README: a restore runs in one transaction, a failure leaves the database as it was;
    // Ctrl-C exits 130, "interrupted", the server cancelling what runs.
    let db = seeded("restore_sigint");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    let users = count(&db, "users");
    db.sql("DELETE FROM emails; CREATE TABLE extra (x int)");
    let out = restore_stopped(
        &db,
        &["restore", "--yes", archive.to_str().unwrap()],
        libc::SIGINT,
    );
    assert_eq!(out.status.code(), Some(130), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out).lines().last(), Some("interrupted"));
    assert_eq!(count(&db, "emails"), 0, "nothing restored");
    assert_eq!(count(&db, "users"), users);
    assert_eq!(count(&db, "extra"), 0, "--clean's drops rolled back");
    assert_eq!(files(dir.path()).len(), 4, "{:?}", files(dir.path()));
    // And the restore works afterwards.
    ok(&db, &["restore", "--yes", archive.to_str().unwrap()]);
    assert!(count(&db, "emails") > 0);
}

#[test]
fn restore_into_interrupted_drops_the_new_database() {
    // `--into` creates the database and drops it again when the restore does not finish: an
    // interrupt included. pg_restore is held by a wrapper (found first on PATH) that waits at
    // the load, until the test has sent SIGINT.
    let db = seeded("restore_into_sigint");
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &[]);
    // The folder of the pg_dump promail chose for this server (from the manifest).
    let real = pg_dump_folder(&archive);
    let bin = tempfile::tempdir().unwrap();
    let started = bin.path().join("started");
    let script = |path: &Path, body: String| {
        std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    script(
        &bin.path().join("pg_dump"),
        format!("exec '{real}/pg_dump' \"$@\"\n"),
    );
    script(
        &bin.path().join("pg_restore"),
        format!(
            "case \" $* \" in *' --single-transaction '*) touch '{s}'; \
             while :; do sleep 1; done;; esac\nexec '{real}/pg_restore' \"$@\"\n",
            s = started.display()
        ),
    );
    // A pg_restore newer than the server restores through the psql beside it.
    if Path::new(&real).join("psql").is_file() {
        script(
            &bin.path().join("psql"),
            format!("exec '{real}/psql' \"$@\"\n"),
        );
    }
    let into = format!("{}_new", db.name);
    drop_db(&into);
    let mut child = promail_std(&db.conn)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.path().display()))
        .env("PROMAIL_PG_DUMP_SEARCH", "")
        .args(["restore", archive.to_str().unwrap(), "--into", &into])
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !started.exists() {
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!(
                "the restore never reached pg_restore: {:?}",
                child.wait_with_output()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let exists = || {
        db.value(&format!(
            "SELECT count(*) FROM pg_database WHERE datname = '{into}'"
        ))
    };
    assert_eq!(exists(), "1", "created before pg_restore runs");
    send_signal(child.id(), libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert_eq!(err.lines().last(), Some("interrupted"), "{err}");
    assert_eq!(exists(), "0", "the new database was left behind: {err}");
    drop_db(&into);
}

#[test]
fn backup_globals_beside_the_dump_checksummed_with_passwords_for_a_superuser_only() {
    let db = seeded("backup_globals");
    let role = format!("{}_r", db.name);
    db.sql(&format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD 'Sekret-123'"
    ));
    let dir = tempfile::tempdir().unwrap();
    let archive = create(&db, dir.path(), &["--globals"]);
    let name = archive.file_name().unwrap().to_str().unwrap().to_string();
    let globals = dir.path().join(format!("{name}.globals.sql"));
    assert_eq!(
        files(dir.path()),
        vec![
            ".promail-backup.lock".to_string(),
            name.clone(),
            format!("{name}.globals.sql"),
            format!("{name}.manifest.json"),
            format!("{name}.sha256"),
        ]
    );
    assert_eq!(
        std::fs::metadata(&globals).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&globals).unwrap();
    assert!(text.contains(&format!("CREATE ROLE {role}")), "{text}");
    // SCRAM-SHA-256 or, on 13 by default, md5.
    assert!(
        text.contains(&format!("ALTER ROLE {role} ")) && text.contains(" PASSWORD '"),
        "a superuser's globals keep the hashes: {text}"
    );
    let m = manifest(&archive);
    assert_eq!(m["globals"]["role_passwords"], true, "{m}");
    assert_eq!(m["globals"]["file"], format!("{name}.globals.sql"));
    // sha256sum -c checks both files.
    let check = std::process::Command::new("sha256sum")
        .args(["-c", &format!("{name}.sha256")])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stdout_of(&check));
    assert_eq!(
        stdout_of(&check).lines().count(),
        2,
        "{}",
        stdout_of(&check)
    );
    ok(&db, &["backup", "verify", archive.to_str().unwrap()]);
    // A damaged globals file fails the backup's verification.
    flip_byte(&globals, 10);
    let out = db
        .promail()
        .args(["backup", "verify", archive.to_str().unwrap()])
        .output()
        .unwrap();
    assert_error(&out, 1, "checksum mismatch");

    // A role that is not a superuser cannot read the hashes: left out, and said.
    if crate::support::server_major() >= 14 {
        db.sql(&format!("GRANT pg_read_all_data TO {role}"));
        let other = tempfile::tempdir().unwrap();
        let out = crate::support::promail()
            .env("DATABASE_URL", db.conn_as(&role))
            .args(["backup", "create", "--globals", "--dir"])
            .arg(other.path())
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert!(out.status.success(), "{err}");
        assert!(
            err.contains("globals without the roles' passwords"),
            "{err}"
        );
        let name = &archives(other.path())[0];
        let text =
            std::fs::read_to_string(other.path().join(format!("{name}.globals.sql"))).unwrap();
        assert!(text.contains(&format!("CREATE ROLE {role}")), "{text}");
        assert!(!text.contains(" PASSWORD '"), "{text}");
        assert_eq!(
            manifest(&other.path().join(name))["globals"]["role_passwords"],
            false
        );
    }

    // Pruned with its backup (a second backup in the same second takes the next one's name).
    create(&db, dir.path(), &[]);
    ok(
        &db,
        &[
            "backup",
            "prune",
            "--keep",
            "1",
            "--yes",
            "--dir",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(!globals.exists(), "{:?}", files(dir.path()));
    db.sql(&format!("DROP ROLE {role}"));
}
