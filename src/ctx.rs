//! What every command receives: the output settings, how to reach the database, and the
//! confirmation rule for destructive work.

use std::sync::{Mutex, PoisonError};

use anyhow::Result;

use crate::cli::GlobalOpts;
use crate::connect::{self, Db, Prompt};
use crate::conninfo::{self, ConnInfo, PasswordSource, ProcessEnv, Secret};
use crate::error::hint;
use crate::local::Cluster;
use crate::output::Output;

pub struct Ctx {
    pub out: Output,
    pub global: GlobalOpts,
    /// The connection parameters, resolved once per run (with `--local`, the cluster is
    /// started once).
    resolved: Mutex<Option<ConnInfo>>,
    /// A password typed at a prompt in this run, and for which user: the later sessions of the
    /// run use it instead of asking again (`db migrate` opens a lock session and a migration
    /// session).
    prompted: Mutex<Option<(String, Secret)>>,
    /// Whether the "newer than tested" warning was given in this run.
    warned_untested: std::sync::atomic::AtomicBool,
    /// This run changes the database ([`Ctx::will_write`]).
    writes: std::sync::atomic::AtomicBool,
    /// The host and port this run reached first ([`Ctx::pinned`]).
    reached: Mutex<Option<(String, u16)>>,
    /// Why this run did nothing, when another run held its lock ([`Ctx::skipped`]).
    skipped: Mutex<Option<String>>,
}

impl Ctx {
    pub fn new(global: GlobalOpts) -> Ctx {
        Ctx {
            out: Output::new(global.color, global.quiet, global.verbose),
            global,
            resolved: Mutex::new(None),
            prompted: Mutex::new(None),
            warned_untested: std::sync::atomic::AtomicBool::new(false),
            writes: std::sync::atomic::AtomicBool::new(false),
            reached: Mutex::new(None),
            skipped: Mutex::new(None),
        }
    }

    /// Marks this run as one that did nothing because another run of the same work held its
    /// lock: a recorded job's run is then recorded as `skipped`, with `why` as its summary.
    pub fn skipped(&self, why: impl Into<String>) {
        *self.skipped.lock().unwrap_or_else(PoisonError::into_inner) = Some(why.into());
    }

    /// Why this run did nothing, if [`Ctx::skipped`] said so.
    pub fn skipped_why(&self) -> Option<String> {
        self.skipped
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The password typed at a prompt earlier in the run, for a session as the same user.
    fn reuse_prompted(&self, info: &mut ConnInfo) {
        let prompted = self
            .prompted
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some((_, password)) = prompted.filter(|(user, _)| *user == info.user) {
            info.password = Some(password);
            info.password_source = PasswordSource::Prompt;
        }
    }

    /// A session that never prompts and gives up connecting after `limit` (a password typed
    /// earlier in the run is used): for recording the end of a run stopped by a signal, which
    /// must exit promptly.
    pub async fn connect_briefly(&self, limit: std::time::Duration) -> Result<Db> {
        let mut info = self.pinned(&self.conninfo()?);
        info.connect_timeout = Some(info.connect_timeout.unwrap_or(limit).min(limit));
        self.reuse_prompted(&mut info);
        connect::connect(&info, Prompt::Never).await
    }

    /// The resolved connection parameters (starting the local cluster for `--local`), the
    /// same for every call of a run.
    pub fn conninfo(&self) -> Result<ConnInfo> {
        let mut resolved = self.resolved.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(info) = resolved.as_ref() {
            return Ok(info.clone());
        }
        let info = self.resolve()?;
        *resolved = Some(info.clone());
        Ok(info)
    }

    fn resolve(&self) -> Result<ConnInfo> {
        if self.global.local {
            let cluster = Cluster::new(Cluster::default_dir());
            let status = cluster.ensure_started()?;
            if status.created {
                // Said once, on the run that made it: the newcomer learns where their data is.
                self.out.info(format!(
                    "created a local PostgreSQL cluster in {} (see `promail local status`; `promail local destroy` removes it)",
                    status.dir.display()
                ));
            }
            self.out.verbose(format!(
                "using the local cluster in {}",
                status.dir.display()
            ));
            let s = cluster.conninfo(crate::local::DEFAULT_DB)?;
            return conninfo::resolve(Some(&s), &ProcessEnv);
        }
        conninfo::resolve(self.global.database_url.as_deref(), &ProcessEnv)
    }

    /// The same run aimed at other connection parameters (another database of the server):
    /// for a step that runs a whole command's logic there, such as migrating a database that
    /// `restore --into` created.
    #[must_use]
    pub fn with_conninfo(&self, info: ConnInfo) -> Ctx {
        let ctx = Ctx::new(self.global.clone());
        *ctx.resolved.lock().unwrap_or_else(PoisonError::into_inner) = Some(info);
        ctx
    }

    /// Connects as every command does.
    pub async fn connect(&self) -> Result<Db> {
        let info = self.conninfo()?;
        self.connect_to(&info).await
    }

    /// Connects to given parameters with this run's prompt rule, and refuses a server older
    /// than the supported majors before anything is read or changed.
    pub async fn connect_to(&self, info: &ConnInfo) -> Result<Db> {
        let info = self.pinned(info);
        let db = self.open(&info).await?;
        // The session's parameters name the one host it reached.
        self.pin(&db.info);
        db.server.check_supported()?;
        self.warn_untested(&db);
        if self.writes.load(std::sync::atomic::Ordering::Relaxed)
            && db.server.is_standby(&db.client).await?
        {
            return Err(standby_refusal(&db));
        }
        Ok(db)
    }

    /// `info` narrowed to the host this run reached first, when it lists several: every
    /// session of one run goes to the same server (a second search could land on another one
    /// after a switchover, and costs another timeout behind a hung first host).
    fn pinned(&self, info: &ConnInfo) -> ConnInfo {
        if info.hosts.len() < 2 {
            return info.clone();
        }
        let pin = self.reached.lock().unwrap_or_else(PoisonError::into_inner);
        let Some((host, port)) = pin.as_ref() else {
            return info.clone();
        };
        (0..info.hosts.len())
            .find(|&i| {
                info.hosts[i] == *host && *info.ports.get(i).unwrap_or(&info.ports[0]) == *port
            })
            .map_or_else(|| info.clone(), |i| info.nth_host(i))
    }

    /// Remembers the first server this run reached.
    fn pin(&self, reached: &ConnInfo) {
        let mut pin = self.reached.lock().unwrap_or_else(PoisonError::into_inner);
        if pin.is_none() {
            *pin = Some((reached.hosts[0].clone(), reached.ports[0]));
        }
    }

    /// Marks this run as one that changes the database: every session it opens must reach a
    /// primary, and a standby is refused at once, before anything is read, also when there
    /// would be nothing to do (a cron job left on the old primary after a failover must not look
    /// healthy).
    pub fn will_write(&self) {
        self.writes
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Says once per run that the server is newer than any promail was tested on.
    pub fn warn_untested(&self, db: &Db) {
        if let Some(w) = db.server.untested_warning() {
            if !self
                .warned_untested
                .swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                self.out.warn(w);
            }
        }
    }

    /// Connects without the version check: for `db ping`, which reports any server it reaches.
    pub async fn open(&self, info: &ConnInfo) -> Result<Db> {
        let prompt = if self.global.password_prompt {
            if !self.out.stdin_tty {
                return Err(hint(
                    anyhow::anyhow!("-W/--password needs a terminal to ask on"),
                    "set PGPASSWORD or use ~/.pgpass when running without a terminal",
                ));
            }
            Prompt::Always
        } else if self.out.stdin_tty {
            Prompt::IfNeeded
        } else {
            Prompt::Never
        };
        let mut info = info.clone();
        self.reuse_prompted(&mut info);
        self.out.verbose(format!("connecting to {}", info.masked()));
        let db = connect::connect(&info, prompt).await?;
        for s in &db.skipped {
            self.out.verbose(format!("passed over {s}"));
        }
        if db.info.password_source == PasswordSource::Prompt {
            if let Some(p) = &db.info.password {
                *self.prompted.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some((db.info.user.clone(), p.clone()));
            }
        }
        Ok(db)
    }

    /// Asks before destructive work. `yes` skips the question; without a terminal and
    /// without `yes`, refuses. The question waits on a thread of its own, so that a signal can
    /// still end the run; Ctrl-C at it is an interruption (exit 130).
    pub async fn confirm(&self, question: &str, yes: bool) -> Result<()> {
        if yes {
            return Ok(());
        }
        if !self.out.interactive() {
            return Err(hint(
                anyhow::anyhow!(
                    "refusing to {question} without confirmation: no terminal to ask on"
                ),
                "pass --yes to confirm in scripts",
            ));
        }
        // A line, as psql's and dropdb's questions: `y` or `yes` then Enter, anything else is
        // no. (A key-at-a-time question takes the first y of "why?" for a yes.) The terminal
        // stays in its own mode: Ctrl-C there is a signal, which ends the run (exit 130).
        ewrite!("{}? [y/N] ", capitalise(question));
        let _open = crate::interrupt::OpenPrompt::question();
        let answer = tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map(|n| (n, line))
        })
        .await
        .map_err(|e| anyhow::anyhow!("reading the answer: {e}"))?
        .map_err(|e| anyhow::anyhow!("reading the answer: {e}"))?;
        let ok = match answer {
            // End of input (Ctrl-D): no, on a line of its own.
            (0, _) => {
                ewriteln!();
                false
            }
            (_, line) => is_yes(&line),
        };
        if ok {
            Ok(())
        } else {
            Err(anyhow::anyhow!("cancelled: did not {question}"))
        }
    }
}

/// The one line for a changing command that reached a standby.
fn standby_refusal(db: &Db) -> anyhow::Error {
    hint(
        anyhow::anyhow!(
            "{} is a standby (in recovery): this command changes the database and runs only on the primary",
            db.info.masked()
        ),
        "list every node and let promail find the primary, as libpq does: \
         postgresql://host1,host2/promail_db?target_session_attrs=read-write \
         (or PGTARGETSESSIONATTRS=read-write)",
    )
}

/// `y` or `yes`, in any case, blanks around allowed.
fn is_yes(answer: &str) -> bool {
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn only_y_or_yes_is_yes() {
        for yes in ["y", "Y", "yes", "YES", " yes \n", "y\r\n"] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in [
            "", "\n", "n", "no", "Why?", "maybe", "yess", "y es", "ja", "oui",
        ] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
