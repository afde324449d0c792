//! A private Postgres cluster for newcomers and for the test suite (`promail local …`).
//!
//! This module owns one folder (see [`Cluster::default_dir`]) and everything in it:
//!
//! - `data/`: the cluster's data files (created by `initdb` in `data.initdb/`, then renamed
//!   into place, so `data/` is either absent or complete);
//! - `data/promail.conf`: our settings (no TCP, socket in the folder, `pg_stat_statements`),
//!   included from `postgresql.conf` and rewritten at every start;
//! - `.s.PGSQL.5432`: the server's Unix socket (the only way in: `listen_addresses = ''`);
//! - `log/postgresql.log`: the server log (`pg_ctl -l`);
//! - `promail.lock`: a file lock that serialises start, stop and destroy across processes;
//! - `promail.bindir`: the server binaries' folder, when the cluster was created with `--bindir`.
//!
//! The server binaries come from [`find_bindir`]. When promail runs as root, the binaries run
//! as the unprivileged `postgres` system user (`initdb` and `pg_ctl` refuse to run as root), which
//! owns the folder. Authentication is `trust` through the socket, whose permissions (0700) and
//! folder (0700) keep other users out, so no password is ever needed.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write as _};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};

/// Database created in every local cluster.
pub const DEFAULT_DB: &str = "promail_db";
/// Database superuser created by initdb (`-U`).
pub const SUPERUSER: &str = "postgres";

/// The port in the socket name (`.s.PGSQL.<port>`): the one place it is stored.
const PORT: u16 = 5432;
/// System user that runs the server when promail runs as root.
const SERVER_OS_USER: &str = "postgres";
/// Longest socket path the kernel accepts (`sizeof(sun_path)` minus the NUL byte).
const MAX_SOCKET_PATH: usize = 107;
const DATA: &str = "data";
const DATA_TMP: &str = "data.initdb";
const LOG_DIR: &str = "log";
const LOG_FILE: &str = "postgresql.log";
const LOCK_FILE: &str = "promail.lock";
const CONF_FILE: &str = "promail.conf";
/// The bin folder given with `--bindir` when the cluster was created.
const BINDIR_FILE: &str = "promail.bindir";
/// `pg_ctl -t` for start and stop.
const PG_CTL_WAIT_SECS: u64 = 30;
const INITDB_TIMEOUT: Duration = Duration::from_secs(180);
const PG_CTL_TIMEOUT: Duration = Duration::from_secs(PG_CTL_WAIT_SECS + 15);
const QUICK_TIMEOUT: Duration = Duration::from_secs(30);
const NO_BINARIES_HINT: &str = "install the server: `apt-get install postgresql` (Debian/Ubuntu), \
     `dnf install postgresql-server` (Fedora/RHEL) or `brew install postgresql`";

fn hinted(err: anyhow::Error, hint: &str) -> anyhow::Error {
    crate::error::hint(err, hint)
}

/// A private cluster living in one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    dir: PathBuf,
    /// The server binaries chosen for it (`--bindir`), else [`find_bindir`]'s.
    bindir: Option<PathBuf>,
}

/// What [`Cluster::status`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub running: bool,
    /// The folder holds a complete cluster (`data/PG_VERSION`).
    pub initialized: bool,
    /// The postmaster's pid when running.
    pub pid: Option<u32>,
    pub dir: PathBuf,
    pub socket_dir: PathBuf,
    pub port: u16,
    /// Server version (e.g. `15.14`) when initialized; the cluster's major version (`15`) when the
    /// binaries found are another major version.
    pub version: Option<String>,
    /// This call created the cluster (ran initdb).
    pub created: bool,
}

/// The uid/gid the server binaries run as (only when promail runs as root).
#[derive(Debug, Clone, Copy)]
struct Owner {
    uid: u32,
    gid: u32,
}

impl Cluster {
    /// Default data folder: `$PROMAIL_LOCAL_DIR` if set; else when euid==0 `/var/lib/promail/local`;
    /// else `$XDG_DATA_HOME/promail/local` or `~/.local/share/promail/local`.
    pub fn default_dir() -> PathBuf {
        if let Some(dir) = std::env::var_os("PROMAIL_LOCAL_DIR").filter(|d| !d.is_empty()) {
            return absolute(PathBuf::from(dir));
        }
        if euid() == 0 {
            return PathBuf::from("/var/lib/promail/local");
        }
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|h| !h.is_empty())
                    .map(|h| PathBuf::from(h).join(".local/share"))
            })
            .unwrap_or_else(|| std::env::temp_dir().join(format!("promail-{}", euid())));
        data_home.join("promail/local")
    }

    /// A cluster in `dir` (made absolute; nothing is touched until an operation runs).
    pub fn new(dir: impl Into<PathBuf>) -> Cluster {
        Cluster {
            dir: absolute(dir.into()),
            bindir: None,
        }
    }

    /// The same cluster run by the server binaries in `bindir` (a DBA rehearsing on the major
    /// that production runs), instead of those [`find_bindir`] picks.
    #[must_use]
    pub fn with_bindir(mut self, bindir: Option<PathBuf>) -> Cluster {
        self.bindir = bindir.map(absolute);
        self
    }

    /// The folder this cluster owns.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The server log (`<dir>/log/postgresql.log`).
    pub fn log_file(&self) -> PathBuf {
        self.dir.join(LOG_DIR).join(LOG_FILE)
    }

    /// initdb if the folder holds no cluster yet, then start, wait until it accepts connections
    /// (bounded), create database `promail_db` if absent. Error if already running.
    pub fn start(&self) -> Result<Status> {
        self.start_impl(true)
    }

    /// Like [`Cluster::start`] but Ok when already running. Safe when called by many processes
    /// at once (a file lock in the folder serialises them: one initdb, one server).
    pub fn ensure_started(&self) -> Result<Status> {
        self.start_impl(false)
    }

    /// `pg_ctl stop -m fast`, bounded wait. Error when not running.
    pub fn stop(&self) -> Result<()> {
        if !self.initialized() {
            bail!("{}", self.not_running_msg());
        }
        let owner = server_owner()?;
        let _lock = self.lock(owner)?;
        let bindir = self.bindir()?;
        if !self.is_running(&bindir, owner)? {
            bail!("{}", self.not_running_msg());
        }
        self.pg_ctl_stop(&bindir, owner)
    }

    /// Reports whether the cluster exists and runs (takes no lock, changes nothing).
    pub fn status(&self) -> Result<Status> {
        let mut status = self.base_status();
        if !status.initialized {
            return Ok(status);
        }
        let owner = server_owner()?;
        let bindir = self.bindir()?;
        // A server killed a moment ago is a zombie until reaped: pg_ctl still counts it.
        status.running = self.is_running(&bindir, owner)? && !self.postmaster_ended();
        if status.running {
            status.pid = self.postmaster_pid();
        }
        status.version = self.version(&bindir);
        Ok(status)
    }

    /// libpq key=value connection string for database `dbname` as [`SUPERUSER`] through the Unix
    /// socket. Needs no password.
    pub fn conninfo(&self, dbname: &str) -> Result<String> {
        let host = self.dir_str()?;
        Ok(format!(
            "host={} port={PORT} user={} dbname={} sslmode=disable",
            conninfo_quote(host),
            conninfo_quote(SUPERUSER),
            conninfo_quote(dbname)
        ))
    }

    /// Stops the server if running, then removes the folder entirely.
    pub fn destroy(&self) -> Result<()> {
        if !self.dir.exists() {
            return Ok(());
        }
        self.check_ours()?;
        let owner = server_owner()?;
        let _lock = self.lock(owner)?;
        if self.initialized() {
            let bindir = self.bindir()?;
            if self.is_running(&bindir, owner)? {
                self.pg_ctl_stop(&bindir, owner)?;
            }
        }
        fs::remove_dir_all(&self.dir)
            .with_context(|| format!("could not remove {}", self.dir.display()))
    }

    // ---- start ----

    fn start_impl(&self, fail_if_running: bool) -> Result<Status> {
        self.check_socket_path()?;
        let bindir = self.chosen_bindir()?;
        check_binaries(&bindir)?;
        let owner = server_owner()?;
        self.prepare_dir(owner)?;
        let _lock = self.lock(owner)?;
        let created = !self.initialized();
        let bindir = if created {
            self.initdb(&bindir, owner)?;
            self.remember_bindir()?;
            bindir
        } else {
            let bindir = self.bindir()?;
            if self.is_running(&bindir, owner)? {
                if fail_if_running {
                    let pid = self
                        .postmaster_pid()
                        .map_or_else(|| "unknown".to_string(), |p| p.to_string());
                    bail!(
                        "the local cluster is already running (pid {pid}, data folder {})",
                        self.dir.display()
                    );
                }
                // pg_ctl still sees the process of a server killed a moment ago (until it is
                // reaped): its socket refuses connections. Say so, not createdb's failure.
                if !self.accepting() {
                    return Err(crate::error::hint(
                        anyhow!(
                            "the local server is not running: it stopped or was killed (pid {} is \
                             ending; data folder {})",
                            self.postmaster_pid()
                                .map_or_else(|| "unknown".to_string(), |p| p.to_string()),
                            self.dir.display()
                        ),
                        "run `promail local start` in a moment, once its process has ended",
                    ));
                }
                self.create_db(&bindir, owner)?;
                return Ok(self.running_status(&bindir));
            }
            bindir
        };
        self.write_conf(&self.dir.join(DATA), owner)?;
        self.pg_ctl_start(&bindir, owner)?;
        self.create_db(&bindir, owner)?;
        Ok(Status {
            created,
            ..self.running_status(&bindir)
        })
    }

    fn initdb(&self, bindir: &Path, owner: Option<Owner>) -> Result<()> {
        let tmp = self.dir.join(DATA_TMP);
        if tmp.exists() {
            // Left over by an interrupted initdb; we hold the lock, so nobody else uses it.
            fs::remove_dir_all(&tmp)
                .with_context(|| format!("could not remove {}", tmp.display()))?;
        }
        let mut cmd = self.command(&bindir.join("initdb"), owner);
        cmd.arg("-D")
            .arg(&tmp)
            .args(["--auth=trust", "-U", SUPERUSER, "--encoding=UTF8"]);
        cmd.arg(if has_c_utf8() {
            "--locale=C.UTF-8"
        } else {
            "--no-locale"
        });
        let result = run(cmd, INITDB_TIMEOUT)
            .and_then(|out| out.check())
            .context("initdb failed")
            .and_then(|()| {
                let mut conf = OpenOptions::new()
                    .append(true)
                    .open(tmp.join("postgresql.conf"))?;
                writeln!(
                    conf,
                    "\n# Added by promail: the settings of `promail local` (rewritten at every start).\n\
                     include = '{CONF_FILE}'"
                )?;
                self.write_conf(&tmp, owner)?;
                // In template1, so that promail_db and every database made later (a restore
                // `--into`, say) has the extension the server preloads: `monitor queries` works
                // from the start.
                self.single_user(
                    bindir,
                    &tmp,
                    owner,
                    "template1",
                    "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\n",
                    "create extension pg_stat_statements",
                )?;
                if !bindir.join("createdb").is_file() {
                    self.single_user(
                        bindir,
                        &tmp,
                        owner,
                        "postgres",
                        &format!("CREATE DATABASE {DEFAULT_DB};\n"),
                        &format!("create database {DEFAULT_DB}"),
                    )?;
                }
                fs::rename(&tmp, self.dir.join(DATA))?;
                Ok(())
            })
            .with_context(|| {
                format!(
                    "could not create the local cluster in {}",
                    self.dir.display()
                )
            });
        if result.is_err() {
            let _ = fs::remove_dir_all(&tmp);
        }
        result
    }

    /// Writes `<data>/promail.conf` (if its content changed).
    fn write_conf(&self, data: &Path, owner: Option<Owner>) -> Result<()> {
        let socket_dir = conf_quote(&format!("\"{}\"", self.dir_str()?.replace('"', "\"\"")));
        let content = format!(
            "# Managed by promail (`promail local`): rewritten at every start.\n\
             # Put your own settings in postgresql.auto.conf (ALTER SYSTEM).\n\
             listen_addresses = ''\n\
             port = {PORT}\n\
             unix_socket_directories = {socket_dir}\n\
             unix_socket_permissions = 0700\n\
             shared_preload_libraries = 'pg_stat_statements'\n\
             logging_collector = off\n\
             log_destination = 'stderr'\n"
        );
        let path = data.join(CONF_FILE);
        if fs::read_to_string(&path).is_ok_and(|c| c == content) {
            return Ok(());
        }
        fs::write(&path, content).with_context(|| format!("could not write {}", path.display()))?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
        chown_to(&path, owner)
    }

    fn pg_ctl_start(&self, bindir: &Path, owner: Option<Owner>) -> Result<()> {
        let log_dir = self.dir.join(LOG_DIR);
        match fs::create_dir(&log_dir) {
            Ok(()) => chown_to(&log_dir, owner)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(e).with_context(|| format!("could not create {}", log_dir.display()))
            }
        }
        let log = self.log_file();
        let log_start = fs::metadata(&log).map_or(0, |m| m.len());
        let mut cmd = self.command(&bindir.join("pg_ctl"), owner);
        cmd.arg("start")
            .arg("-D")
            .arg(self.dir.join(DATA))
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", &PG_CTL_WAIT_SECS.to_string(), "-s"]);
        let result = run(cmd, PG_CTL_TIMEOUT).and_then(|out| out.check());
        let Err(err) = result else { return Ok(()) };
        let tail = last_lines(&log, log_start, 5);
        let mut msg = format!(
            "could not start the local cluster (data folder {}): {err:#}",
            self.dir.display()
        );
        if !tail.is_empty() {
            let _ = write!(
                msg,
                "; server log ({}): {}",
                log.display(),
                tail.join(" | ")
            );
        }
        let err = anyhow!(msg);
        if tail.iter().any(|l| l.contains("pg_stat_statements")) {
            return Err(hinted(
                err,
                "install the contrib modules: `apt-get install postgresql-contrib` (Debian/Ubuntu) \
                 or `dnf install postgresql-contrib` (Fedora/RHEL)",
            ));
        }
        Err(err)
    }

    fn pg_ctl_stop(&self, bindir: &Path, owner: Option<Owner>) -> Result<()> {
        let mut cmd = self.command(&bindir.join("pg_ctl"), owner);
        cmd.arg("stop").arg("-D").arg(self.dir.join(DATA)).args([
            "-m",
            "fast",
            "-w",
            "-t",
            &PG_CTL_WAIT_SECS.to_string(),
            "-s",
        ]);
        run(cmd, PG_CTL_TIMEOUT)
            .and_then(|out| out.check())
            .with_context(|| {
                format!(
                    "could not stop the local cluster (data folder {})",
                    self.dir.display()
                )
            })
    }

    /// `createdb promail_db`; "already exists" counts as success. Installs with only the server
    /// binaries (no client programs) got the database when initdb made the cluster
    /// ([`Cluster::single_user`]).
    fn create_db(&self, bindir: &Path, owner: Option<Owner>) -> Result<()> {
        if !bindir.join("createdb").is_file() {
            return Ok(());
        }
        let mut cmd = self.command(&bindir.join("createdb"), owner);
        cmd.arg("-h")
            .arg(&self.dir)
            .args([
                "-p",
                &PORT.to_string(),
                "-U",
                SUPERUSER,
                "--no-password",
                DEFAULT_DB,
            ])
            .env("LC_ALL", "C");
        let out = run(cmd, QUICK_TIMEOUT)?;
        if out.status.success() || out.stderr.contains("already exists") {
            return Ok(());
        }
        out.check()
            .with_context(|| format!("could not create database {DEFAULT_DB}"))
    }

    /// Runs `sql` on `database` of a data folder that initdb has just made, with the server
    /// binary itself in single-user mode (no client program needed, no server to start); `what`
    /// names it in errors.
    fn single_user(
        &self,
        bindir: &Path,
        data: &Path,
        owner: Option<Owner>,
        database: &str,
        sql: &str,
        what: &str,
    ) -> Result<()> {
        let mut cmd = self.command(&bindir.join("postgres"), owner);
        cmd.arg("--single")
            .arg("-D")
            .arg(data)
            .args(["-c", "shared_preload_libraries=", "-j", database])
            .env("LC_ALL", "C");
        let out = run_with_input(cmd, Some(sql), QUICK_TIMEOUT)?;
        out.check().with_context(|| format!("could not {what}"))?;
        if let Some(line) = out
            .stdout
            .lines()
            .chain(out.stderr.lines())
            .find(|l| l.contains("ERROR"))
        {
            bail!("could not {what}: {}", line.trim());
        }
        Ok(())
    }

    // ---- folder ----

    fn check_socket_path(&self) -> Result<()> {
        let socket = self.dir.join(format!(".s.PGSQL.{PORT}"));
        let len = socket.as_os_str().len();
        if len > MAX_SOCKET_PATH {
            return Err(hinted(
                anyhow!(
                    "the server socket path {} is {len} bytes, longer than the {MAX_SOCKET_PATH} bytes Unix sockets allow",
                    socket.display()
                ),
                "set PROMAIL_LOCAL_DIR to a shorter folder (e.g. /var/tmp/promail)",
            ));
        }
        Ok(())
    }

    /// Creates the folder (mode 0700, owned by the server's user).
    fn prepare_dir(&self, owner: Option<Owner>) -> Result<()> {
        let dir = &self.dir;
        let ctx = || format!("could not create the data folder {}", dir.display());
        if let Some(parent) = dir.parent() {
            // Create missing parents one by one so that, as root, they are traversable (0755)
            // whatever the umask.
            let missing: Vec<&Path> = parent.ancestors().take_while(|p| !p.exists()).collect();
            for p in missing.into_iter().rev() {
                match fs::create_dir(p) {
                    Ok(()) if owner.is_some() => {
                        fs::set_permissions(p, fs::Permissions::from_mode(0o755))
                            .with_context(ctx)?;
                    }
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(e).with_context(ctx),
                }
            }
            if let Some(o) = owner {
                check_traversable(parent, o)?;
            }
        }
        match fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(e).with_context(ctx),
        }
        if let Some(o) = owner {
            let meta = fs::metadata(dir).with_context(ctx)?;
            if meta.uid() != o.uid || meta.gid() != o.gid {
                chown_to(dir, owner).with_context(ctx)?;
            }
        }
        Ok(())
    }

    /// Takes the folder's lock (blocking), recreating the folder if it was destroyed meanwhile.
    fn lock(&self, owner: Option<Owner>) -> Result<File> {
        let path = self.dir.join(LOCK_FILE);
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .with_context(|| format!("could not open the lock file {}", path.display()))?;
            file.lock()
                .with_context(|| format!("could not lock {}", path.display()))?;
            let held = file.metadata()?;
            match fs::metadata(&path) {
                Ok(m) if m.ino() == held.ino() && m.dev() == held.dev() => return Ok(file),
                _ => self.prepare_dir(owner)?, // destroyed while we waited: start over
            }
        }
    }

    /// Refuses to destroy a folder holding anything we did not put there.
    fn check_ours(&self) -> Result<()> {
        let entries = fs::read_dir(&self.dir)
            .with_context(|| format!("could not read {}", self.dir.display()))?;
        for entry in entries {
            let name = entry?.file_name();
            let name = name.to_string_lossy();
            let ours = [DATA, DATA_TMP, LOG_DIR, LOCK_FILE, BINDIR_FILE].contains(&name.as_ref())
                || name.starts_with(".s.PGSQL.");
            if !ours {
                bail!(
                    "refusing to remove {}: it holds {name}, which the local cluster did not create",
                    self.dir.display()
                );
            }
        }
        Ok(())
    }

    // ---- state ----

    fn initialized(&self) -> bool {
        self.dir.join(DATA).join("PG_VERSION").is_file()
    }

    /// Major version the data files were created with (`PG_VERSION`).
    fn data_version(&self) -> Option<String> {
        fs::read_to_string(self.dir.join(DATA).join("PG_VERSION"))
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn postmaster_pid(&self) -> Option<u32> {
        fs::read_to_string(self.dir.join(DATA).join("postmaster.pid"))
            .ok()?
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    }

    fn is_running(&self, bindir: &Path, owner: Option<Owner>) -> Result<bool> {
        if !self.dir.join(DATA).join("postmaster.pid").exists() {
            return Ok(false);
        }
        // pg_ctl status: 0 running, 3 not running (also with a stale postmaster.pid), 4 no data.
        let mut cmd = self.command(&bindir.join("pg_ctl"), owner);
        cmd.arg("status").arg("-D").arg(self.dir.join(DATA));
        let out = run(cmd, QUICK_TIMEOUT)?;
        match out.status.code() {
            Some(0) => Ok(true),
            Some(3 | 4) => Ok(false),
            _ => out
                .check()
                .context("could not tell whether the local cluster is running")
                .map(|()| false),
        }
    }

    fn base_status(&self) -> Status {
        Status {
            running: false,
            initialized: self.initialized(),
            pid: None,
            dir: self.dir.clone(),
            socket_dir: self.dir.clone(),
            port: PORT,
            version: self.data_version(),
            created: false,
        }
    }

    fn running_status(&self, bindir: &Path) -> Status {
        Status {
            running: true,
            pid: self.postmaster_pid(),
            version: self.version(bindir),
            ..self.base_status()
        }
    }

    /// The binaries' full version when they match the cluster's major version, else the latter.
    fn version(&self, bindir: &Path) -> Option<String> {
        let data = self.data_version()?;
        match binaries_version(bindir) {
            Some(v) if major(&v) == data => Some(v),
            _ => Some(data),
        }
    }

    /// The server binaries for this cluster: [`find_bindir`], or, when those are another major
    /// version than the cluster's, `/usr/lib/postgresql/<major>/bin` if present.
    fn bindir(&self) -> Result<PathBuf> {
        let found = self.chosen_bindir()?;
        let Some(data) = self.data_version() else {
            return Ok(found);
        };
        let found_version = binaries_version(&found);
        if found_version.as_deref().is_none_or(|v| major(v) == data) {
            return Ok(found);
        }
        let same_major = PathBuf::from(format!("/usr/lib/postgresql/{data}/bin"));
        if self.bindir.is_none()
            && std::env::var_os("PROMAIL_PG_BINDIR").is_none()
            && same_major.join("pg_ctl").is_file()
        {
            return Ok(same_major);
        }
        Err(hinted(
            anyhow!(
                "the local cluster in {} was created by PostgreSQL {data}, but the server binaries in {} are PostgreSQL {}",
                self.dir.display(),
                found.display(),
                found_version.unwrap_or_default()
            ),
            &format!(
                "install PostgreSQL {data}'s server and name its bin folder with --bindir (or PROMAIL_PG_BINDIR), or remove the cluster with `promail local destroy`"
            ),
        ))
    }

    /// The binaries given with `--bindir`, checked; else PROMAIL_PG_BINDIR's; else those the
    /// cluster was created with by `--bindir` (remembered in its folder, so that `--local`
    /// finds them again), while they are there; else [`find_bindir`]'s.
    fn chosen_bindir(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.bindir {
            return explicit_bindir(dir, "--bindir (PROMAIL_PG_BINDIR)");
        }
        if std::env::var_os("PROMAIL_PG_BINDIR").is_none_or(|d| d.is_empty()) {
            if let Some(dir) = self.remembered_bindir() {
                return Ok(dir);
            }
        }
        find_bindir()
    }

    /// The bin folder recorded at creation by `--bindir`, if it still holds the binaries.
    fn remembered_bindir(&self) -> Option<PathBuf> {
        let text = fs::read_to_string(self.dir.join(BINDIR_FILE)).ok()?;
        let dir = PathBuf::from(text.trim());
        explicit_bindir(&dir, "the cluster's recorded bin folder").ok()
    }

    /// Records `--bindir` in the folder, for later runs that name none.
    fn remember_bindir(&self) -> Result<()> {
        let path = self.dir.join(BINDIR_FILE);
        match &self.bindir {
            Some(dir) => fs::write(&path, format!("{}\n", dir.display()))
                .with_context(|| format!("could not write {}", path.display())),
            None => Ok(()),
        }
    }

    fn dir_str(&self) -> Result<&str> {
        self.dir
            .to_str()
            .ok_or_else(|| anyhow!("the data folder {} is not valid UTF-8", self.dir.display()))
    }

    /// Whether the process in postmaster.pid has ended (gone, or a zombie not yet reaped).
    fn postmaster_ended(&self) -> bool {
        self.postmaster_pid().is_none_or(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(
                // No /proc (not Linux): trust pg_ctl.
                std::path::Path::new("/proc/self/stat").exists(),
                |stat| {
                    stat.rsplit_once(')')
                        .and_then(|(_, rest)| rest.split_whitespace().next())
                        == Some("Z")
                },
            )
        })
    }

    /// Whether the server's socket takes a connection (a server killed a moment ago refuses it
    /// while its pid still exists).
    fn accepting(&self) -> bool {
        std::os::unix::net::UnixStream::connect(self.dir.join(format!(".s.PGSQL.{PORT}"))).is_ok()
    }

    fn not_running_msg(&self) -> String {
        format!(
            "the local cluster is not running (data folder {})",
            self.dir.display()
        )
    }

    /// A command for a server binary: run as the server's user when root, in the folder, with
    /// no PG* variables from our environment.
    fn command(&self, program: &Path, owner: Option<Owner>) -> Command {
        let mut cmd = Command::new(program);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("PG") {
                cmd.env_remove(key);
            }
        }
        cmd.current_dir(&self.dir);
        if let Some(o) = owner {
            cmd.uid(o.uid).gid(o.gid).env("HOME", &self.dir);
        }
        cmd
    }
}

/// Finds the server binaries: `$PROMAIL_PG_BINDIR` when set; else `pg_config --bindir` (if it
/// contains initdb); else the newest `/usr/lib/postgresql/*/bin`; else `initdb` on PATH.
pub fn find_bindir() -> Result<PathBuf> {
    let has_initdb = |d: &Path| d.join("initdb").is_file();
    if let Some(dir) = std::env::var_os("PROMAIL_PG_BINDIR").filter(|d| !d.is_empty()) {
        return explicit_bindir(&absolute(PathBuf::from(dir)), "PROMAIL_PG_BINDIR");
    }
    let mut pg_config = Command::new("pg_config");
    pg_config.arg("--bindir");
    if let Ok(out) = run(pg_config, QUICK_TIMEOUT) {
        let dir = PathBuf::from(out.stdout.trim());
        if out.status.success() && dir.is_absolute() && has_initdb(&dir) {
            return Ok(dir);
        }
    }
    if let Ok(entries) = fs::read_dir("/usr/lib/postgresql") {
        let newest = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let key = version_key(e.file_name().to_str()?)?;
                let bin = e.path().join("bin");
                has_initdb(&bin).then_some((key, bin))
            })
            .max();
        if let Some((_, bin)) = newest {
            return Ok(bin);
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let initdb = dir.join("initdb");
            if initdb.is_file() {
                let real = fs::canonicalize(&initdb).unwrap_or(initdb);
                if let Some(bin) = real.parent() {
                    return Ok(bin.to_path_buf());
                }
            }
        }
    }
    Err(hinted(
        anyhow!(
            "no PostgreSQL server binaries found (looked for initdb via pg_config --bindir, /usr/lib/postgresql/*/bin and PATH)"
        ),
        NO_BINARIES_HINT,
    ))
}

/// A bin folder the user named (`--bindir` or PROMAIL_PG_BINDIR): it must hold the server
/// binaries (`initdb`, `pg_ctl`, `postgres`).
fn explicit_bindir(dir: &Path, named_by: &str) -> Result<PathBuf> {
    let missing: Vec<&str> = ["initdb", "pg_ctl", "postgres"]
        .into_iter()
        .filter(|b| !dir.join(b).is_file())
        .collect();
    if missing.is_empty() {
        return Ok(dir.to_path_buf());
    }
    Err(hinted(
        anyhow!(
            "no PostgreSQL server binaries in {} (given by {named_by}): {} missing",
            dir.display(),
            missing.join(", ")
        ),
        &format!(
            "{named_by} must name the folder holding initdb, pg_ctl and postgres (e.g. /usr/lib/postgresql/15/bin; `pg_config --bindir` prints it)"
        ),
    ))
}

/// The binaries must be of a major promail supports: a cluster it cannot use is not made.
fn check_binaries(bindir: &Path) -> Result<()> {
    let version = binaries_version(bindir);
    let supported = crate::server::OLDEST_MAJOR..;
    match version.as_deref().map(major) {
        Some(m) if m.parse::<u32>().is_ok_and(|m| supported.contains(&m)) => Ok(()),
        _ => Err(hinted(
            anyhow!(
                "the server binaries in {} are {}, which promail does not support (supported: {} to {})",
                bindir.display(),
                version.map_or_else(
                    || "of an unknown version (`pg_ctl --version` did not say)".to_string(),
                    |v| format!("PostgreSQL {v}")
                ),
                crate::server::OLDEST_MAJOR,
                crate::server::NEWEST_MAJOR
            ),
            "name the bin folder of PostgreSQL 13 or newer with --bindir (or PROMAIL_PG_BINDIR)",
        )),
    }
}

/// `"9.6"` → `[9, 6]`, `"15"` → `[15]`; None when not a version.
fn version_key(name: &str) -> Option<Vec<u32>> {
    name.split('.').map(|p| p.parse().ok()).collect()
}

/// `15.14` → `15`, `9.6.24` → `9.6`, `17beta1` → `17`.
fn major(version: &str) -> String {
    let numeric: String = version
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let parts: Vec<&str> = numeric.split('.').filter(|p| !p.is_empty()).collect();
    match parts.first().and_then(|p| p.parse::<u32>().ok()) {
        Some(n) if n < 10 && parts.len() > 1 => format!("{}.{}", parts[0], parts[1]),
        _ => parts.first().copied().unwrap_or_default().to_string(),
    }
}

/// `pg_ctl --version` → `15.14` (from `pg_ctl (PostgreSQL) 15.14 (Debian ...)`).
fn binaries_version(bindir: &Path) -> Option<String> {
    let mut cmd = Command::new(bindir.join("pg_ctl"));
    cmd.arg("--version");
    let out = run(cmd, QUICK_TIMEOUT).ok()?;
    let mut words = out
        .stdout
        .split_whitespace()
        .skip_while(|w| *w != "(PostgreSQL)");
    words.next()?;
    words.next().map(str::to_string)
}

/// Whether the C.UTF-8 locale exists (`locale -a` lists it as C.UTF-8 or C.utf8).
fn has_c_utf8() -> bool {
    let mut cmd = Command::new("locale");
    cmd.arg("-a");
    run(cmd, QUICK_TIMEOUT).is_ok_and(|out| {
        out.stdout.lines().any(|l| {
            let l = l.trim().to_ascii_lowercase();
            l == "c.utf8" || l == "c.utf-8"
        })
    })
}

/// Who runs the server binaries: None (ourselves) unless we are root.
fn server_owner() -> Result<Option<Owner>> {
    if euid() != 0 {
        return Ok(None);
    }
    match lookup_user(SERVER_OS_USER) {
        Ok(Some(owner)) => Ok(Some(owner)),
        Ok(None) => Err(hinted(
            anyhow!(
                "promail runs as root, and PostgreSQL refuses to; but there is no `{SERVER_OS_USER}` system user to run the local cluster as"
            ),
            "create one with `useradd --system --user-group postgres`, or run promail as a non-root user",
        )),
        Err(e) => Err(anyhow!(
            "could not look up the `{SERVER_OS_USER}` system user: {e}"
        )),
    }
}

/// Every folder from `/` to `dir` must be searchable by the server's user.
fn check_traversable(dir: &Path, owner: Owner) -> Result<()> {
    for p in dir.ancestors().collect::<Vec<_>>().into_iter().rev() {
        let meta = fs::metadata(p).with_context(|| format!("could not inspect {}", p.display()))?;
        let mode = meta.mode();
        // std drops supplementary groups when it switches uid, so only these bits count.
        let bit = if meta.uid() == owner.uid {
            0o100
        } else if meta.gid() == owner.gid {
            0o010
        } else {
            0o001
        };
        if mode & bit == 0 {
            return Err(hinted(
                anyhow!(
                    "the `{SERVER_OS_USER}` user cannot reach the local cluster's folder: {} is not searchable by it (mode {:o}, owner uid {})",
                    p.display(),
                    mode & 0o7777,
                    meta.uid()
                ),
                "set PROMAIL_LOCAL_DIR to a folder outside it (e.g. /var/lib/promail/local), or run promail as a non-root user",
            ));
        }
    }
    Ok(())
}

fn chown_to(path: &Path, owner: Option<Owner>) -> Result<()> {
    if let Some(o) = owner {
        std::os::unix::fs::chown(path, Some(o.uid), Some(o.gid))
            .with_context(|| format!("could not give {} to {SERVER_OS_USER}", path.display()))?;
    }
    Ok(())
}

fn euid() -> u32 {
    nix::unistd::geteuid().as_raw()
}

/// uid and gid of a system user (`getpwnam_r`, through nix).
fn lookup_user(name: &str) -> io::Result<Option<Owner>> {
    nix::unistd::User::from_name(name)
        .map(|user| {
            user.map(|u| Owner {
                uid: u.uid.as_raw(),
                gid: u.gid.as_raw(),
            })
        })
        .map_err(io::Error::from)
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// A libpq conninfo value: bare when safe, else single-quoted with `\` escapes.
fn conninfo_quote(value: &str) -> String {
    if !value.is_empty() && !value.contains(|c: char| c.is_whitespace() || c == '\'' || c == '\\') {
        return value.to_string();
    }
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A postgresql.conf string literal.
fn conf_quote(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "''"))
}

/// The last `n` non-empty lines of a file after byte `from` (empty when unreadable).
fn last_lines(path: &Path, from: u64, n: usize) -> Vec<String> {
    let Ok(text) = fs::read(path) else {
        return Vec::new();
    };
    let from = usize::try_from(from).unwrap_or(usize::MAX).min(text.len());
    let text = String::from_utf8_lossy(&text[from..]);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| (*l).to_string())
        .collect()
}

struct Output {
    program: String,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Output {
    /// Ok on success, else an error with the program, its exit status and last error line.
    fn check(&self) -> Result<()> {
        if self.status.success() {
            return Ok(());
        }
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        let detail: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let detail = detail[detail.len().saturating_sub(2)..].join("; ");
        bail!("{} exited with {}: {detail}", self.program, self.status)
    }
}

/// Runs a command with stdin closed, capturing its output, killing it after `timeout`.
fn run(cmd: Command, timeout: Duration) -> Result<Output> {
    run_with_input(cmd, None, timeout)
}

/// [`run`], with `input` written to its stdin (then closed) when given.
fn run_with_input(mut cmd: Command, input: Option<&str>, timeout: Duration) -> Result<Output> {
    let program = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(OsStr::new("?"))
        .to_string_lossy()
        .into_owned();
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .with_context(|| format!("could not run {}", Path::new(cmd.get_program()).display()))?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        // Small input: the pipe's buffer takes it whole; dropping stdin closes it.
        let _ = stdin.write_all(text.as_bytes());
    }
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{program} did not finish within {} seconds",
                timeout.as_secs()
            );
        }
        thread::sleep(Duration::from_millis(10));
    };
    Ok(Output {
        program,
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(conninfo_quote("/tmp/x"), "/tmp/x");
        assert_eq!(conninfo_quote("/tmp/a b"), "'/tmp/a b'");
        assert_eq!(conninfo_quote("it's\\"), "'it\\'s\\\\'");
        assert_eq!(conninfo_quote(""), "''");
        assert_eq!(conf_quote("/a'b"), "'/a''b'");
    }

    #[test]
    fn versions() {
        assert!(version_key("9.6") < version_key("10"));
        assert!(version_key("10") < version_key("15"));
        assert_eq!(version_key("latest"), None);
        assert_eq!(major("15.14"), "15");
        assert_eq!(major("9.6.24"), "9.6");
        assert_eq!(major("17beta1"), "17");
    }
}
