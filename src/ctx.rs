//! What every command receives: the output settings, how to reach the database, and the
//! confirmation rule for destructive work.

use anyhow::Result;

use crate::cli::GlobalOpts;
use crate::connect::{self, Db, Prompt};
use crate::conninfo::{self, ConnInfo, ProcessEnv};
use crate::error::hint;
use crate::local::Cluster;
use crate::output::Output;

pub struct Ctx {
    pub out: Output,
    pub global: GlobalOpts,
}

impl Ctx {
    pub fn new(global: GlobalOpts) -> Ctx {
        Ctx {
            out: Output::new(global.color, global.quiet, global.verbose),
            global,
        }
    }

    /// The resolved connection parameters (starting the local cluster for `--local`).
    pub fn conninfo(&self) -> Result<ConnInfo> {
        if self.global.local {
            let cluster = Cluster::new(Cluster::default_dir());
            let status = cluster.ensure_started()?;
            self.out.verbose(format!(
                "using the local cluster in {}",
                status.dir.display()
            ));
            let s = cluster.conninfo(crate::local::DEFAULT_DB)?;
            return conninfo::resolve(Some(&s), &ProcessEnv);
        }
        conninfo::resolve(self.global.database_url.as_deref(), &ProcessEnv)
    }

    /// Connects as every command does.
    pub async fn connect(&self) -> Result<Db> {
        let info = self.conninfo()?;
        self.connect_to(&info).await
    }

    /// Connects to given parameters with this run's prompt rule.
    pub async fn connect_to(&self, info: &ConnInfo) -> Result<Db> {
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
        self.out.verbose(format!("connecting to {}", info.masked()));
        connect::connect(info, prompt).await
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
        let prompt = format!("{}?", capitalise(question));
        let _open = crate::interrupt::OpenPrompt::question();
        let answer = tokio::task::spawn_blocking(move || {
            dialoguer::Confirm::new()
                .with_prompt(prompt)
                .default(false)
                .interact()
        })
        .await
        .map_err(|e| anyhow::anyhow!("reading the answer: {e}"))?;
        let ok = answer.map_err(|e| {
            // dialoguer hides the cursor while it waits and shows it only on an answer.
            crate::interrupt::show_cursor();
            match e {
                // Ctrl-C, read as a key in raw mode.
                dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => {
                    eprintln!();
                    anyhow::Error::new(crate::Interrupted)
                }
                e @ dialoguer::Error::IO(_) => anyhow::anyhow!("reading the answer: {e}"),
            }
        })?;
        if ok {
            Ok(())
        } else {
            Err(anyhow::anyhow!("cancelled: did not {question}"))
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
