//! `promail local …`: promail's own PostgreSQL cluster, for newcomers and for the tests.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde_json::json;

use crate::cli::{FormatOpts, YesOpts};
use crate::ctx::Ctx;
use crate::local::{Cluster, Status, DEFAULT_DB};
use crate::output::Rows;

#[derive(Debug, Args, Clone)]
pub struct DirOpts {
    /// Data folder of the cluster [default: /var/lib/promail/local as root, else
    /// ~/.local/share/promail/local]
    #[arg(long, env = "PROMAIL_LOCAL_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Server binaries to run the cluster with: the bin folder of an installation (holding
    /// initdb, pg_ctl and postgres), to rehearse on the major that production runs [default:
    /// `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]
    #[arg(long, env = "PROMAIL_PG_BINDIR", value_name = "DIR")]
    pub bindir: Option<PathBuf>,
}

impl DirOpts {
    fn cluster(&self) -> Cluster {
        Cluster::new(self.dir.clone().unwrap_or_else(Cluster::default_dir))
            .with_bindir(self.bindir.clone())
    }
}

#[derive(Debug, Subcommand)]
pub enum LocalCommand {
    /// Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0
    /// when it runs already
    Start(DirOpts),
    /// Stop the cluster; exit 0 when it is stopped already
    Stop(DirOpts),
    /// Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as
    /// pg_ctl status)
    Status {
        #[command(flatten)]
        dir: DirOpts,
        #[command(flatten)]
        format: FormatOpts,
    },
    /// Print the connection string of the cluster's promail_db (no password needed)
    Url(DirOpts),
    /// Stop the cluster and delete its folder with all its data
    Destroy {
        #[command(flatten)]
        dir: DirOpts,
        #[command(flatten)]
        yes: YesOpts,
    },
}

pub async fn run(command: LocalCommand, ctx: &Ctx) -> Result<()> {
    match command {
        // start, stop and destroy succeed when the cluster is already as asked (as systemctl
        // does); status exits as pg_ctl status does. README, "Exit codes".
        LocalCommand::Start(d) => {
            let c = d.cluster();
            let already = c.status()?.running;
            let s = c.ensure_started()?;
            ctx.out.info(format!(
                "local cluster {}running (pid {}, data folder {})",
                match (s.created, already) {
                    (true, _) => "created and ",
                    (false, true) => "already ",
                    (false, false) => "",
                },
                s.pid.unwrap_or_default(),
                s.dir.display()
            ));
            Ok(())
        }
        LocalCommand::Stop(d) => {
            let c = d.cluster();
            if !c.status()?.running {
                ctx.out.info(format!(
                    "local cluster already stopped ({})",
                    c.dir().display()
                ));
                return Ok(());
            }
            c.stop()?;
            ctx.out
                .info(format!("local cluster stopped ({})", c.dir().display()));
            Ok(())
        }
        LocalCommand::Status { dir, format } => {
            let s = dir.cluster().status()?;
            ctx.out.rows(format.format, &status_rows(&s))?;
            match (s.initialized, s.running) {
                (_, true) => Ok(()),
                (true, false) => Err(crate::error::Exit(3).into()),
                (false, false) => Err(crate::error::Exit(4).into()),
            }
        }
        LocalCommand::Url(d) => {
            let c = d.cluster();
            let s = c.status()?;
            if !s.initialized {
                return Err(crate::error::hint(
                    anyhow::anyhow!("no local cluster in {}", s.dir.display()),
                    "create and start it with `promail local start`",
                ));
            }
            crate::output::write_stdout(&format!("{}\n", c.conninfo(DEFAULT_DB)?))
        }
        LocalCommand::Destroy { dir, yes } => {
            let c = dir.cluster();
            if !c.dir().exists() {
                ctx.out.info(format!(
                    "nothing to destroy: no local cluster in {}",
                    c.dir().display()
                ));
                return Ok(());
            }
            ctx.confirm(
                &format!(
                    "delete the local cluster in {} and all its data",
                    c.dir().display()
                ),
                yes.yes,
            )
            .await?;
            c.destroy()?;
            ctx.out
                .info(format!("local cluster destroyed ({})", c.dir().display()));
            Ok(())
        }
    }
}

fn status_rows(s: &Status) -> Rows {
    let mut rows = Rows::new([
        "running",
        "initialized",
        "pid",
        "version",
        "data_folder",
        "socket",
    ]);
    rows.push(vec![
        json!(s.running),
        json!(s.initialized),
        json!(s.pid),
        json!(s.version),
        json!(s.dir.display().to_string()),
        json!(format!("{}/.s.PGSQL.{}", s.socket_dir.display(), s.port)),
    ]);
    rows
}
