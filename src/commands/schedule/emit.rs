//! `promail schedule crontab` and `promail schedule systemd`: the timetable for cron or systemd.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use crate::ctx::Ctx;
use crate::error::hint;
use crate::schedule::emit::{self, CronLog, Target};
use crate::schedule::timetable;

/// Options both emitters take.
#[derive(Debug, Args)]
pub struct TargetOpts {
    /// The promail binary the lines run [default: this one]
    #[arg(long, value_name = "PATH")]
    pub binary: Option<PathBuf>,

    /// The environment file with the connection: DATABASE_URL without a password, and
    /// PGPASSFILE naming a pgpass file of mode 0600
    #[arg(long, value_name = "FILE", default_value = "/etc/promail/promail.env")]
    pub env_file: String,
}

/// Prints crontab lines for the timetable: each job at its time, its connection from an
/// environment file (never a password in the crontab), `flock -n` against overlapping runs,
/// output to syslog (`logger -t promail-JOB`) or --log-file. Times are the server's TimeZone
/// (a CRON_TZ line; crons without it need the machine in that zone). A job crontab cannot
/// express (seconds, years, a day of month that must also be a given weekday) is refused,
/// naming why (exit 1). Install with `promail schedule crontab | crontab -`.
#[derive(Debug, Args)]
pub struct CrontabArgs {
    #[command(flatten)]
    pub target: TargetOpts,

    /// Append each job's output to FILE instead of sending it to syslog
    #[arg(long, value_name = "FILE")]
    pub log_file: Option<String>,

    /// Folder of the flock files
    #[arg(long, value_name = "DIR", default_value = "/run/lock")]
    pub lock_dir: String,
}

/// Prints (or with --dir writes) a systemd `.service` (Type=oneshot) and `.timer` per enabled
/// job, `OnCalendar=` translated exactly from the expression in the server's TimeZone
/// (two when crontab's day fields are ORed). Install: write them to /etc/systemd/system, then
/// `systemctl daemon-reload && systemctl enable --now promail-JOB.timer`.
#[derive(Debug, Args)]
pub struct SystemdArgs {
    #[command(flatten)]
    pub target: TargetOpts,

    /// Write the unit files into DIR instead of printing them
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

async fn target(opts: &TargetOpts, ctx: &Ctx) -> Result<(Vec<timetable::Job>, Target)> {
    let db = ctx.connect().await?;
    let jobs = timetable::load(&db).await?;
    let zone = timetable::zone(&db).await?;
    if let Some(note) = &zone.note {
        ctx.out.warn(note);
    }
    let binary = match &opts.binary {
        Some(b) => b.clone(),
        None => std::env::current_exe().context("finding this promail binary")?,
    };
    Ok((
        jobs,
        Target {
            binary: binary.display().to_string(),
            env_file: opts.env_file.clone(),
            zone: zone.name,
            source: db.info.masked(),
        },
    ))
}

fn refusal(target: &str, refused: &[String], other: &str) -> anyhow::Error {
    hint(
        anyhow::anyhow!("{target} cannot express {}", refused.join("; ")),
        format!(
            "give the job an expression {target} can run (`promail schedule set JOB \"EXPR\"`), disable it, or run it with {other}"
        ),
    )
}

pub async fn crontab(args: &CrontabArgs, ctx: &Ctx) -> Result<()> {
    let (jobs, t) = target(&args.target, ctx).await?;
    let log = args.log_file.clone().map_or(CronLog::Syslog, CronLog::File);
    let text = emit::crontab(&jobs, &t, &log, &args.lock_dir).map_err(|r| {
        refusal(
            "crontab",
            &r,
            "`promail schedule systemd` or `promail schedule run`",
        )
    })?;
    crate::output::write_stdout(&text)
}

pub async fn systemd(args: &SystemdArgs, ctx: &Ctx) -> Result<()> {
    let (jobs, t) = target(&args.target, ctx).await?;
    let units =
        emit::systemd(&jobs, &t).map_err(|r| refusal("systemd", &r, "`promail schedule run`"))?;
    let Some(dir) = &args.dir else {
        let text: Vec<String> = units
            .iter()
            .map(|u| format!("### {}\n{}", u.name, u.text))
            .collect();
        return crate::output::write_stdout(&text.join("\n"));
    };
    if !dir.is_dir() {
        return Err(crate::error::hint(
            anyhow::anyhow!("{} is not a folder", dir.display()),
            format!(
                "create it (mkdir -p {}), or write into /etc/systemd/system",
                crate::output::sh_quote(&dir.display().to_string())
            ),
        ));
    }
    for u in &units {
        let path = dir.join(&u.name);
        std::fs::write(&path, &u.text).with_context(|| format!("writing {}", path.display()))?;
    }
    // Units of jobs disabled (or renamed) since an earlier run: still there, their timers
    // would go on firing. Named, not removed: the folder is the DBA's.
    let stale: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let unit = std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "timer" || e == "service");
            n.starts_with("promail-") && unit && !units.iter().any(|u| u.name == *n)
        })
        .collect();
    if !stale.is_empty() {
        let mut stale = stale;
        stale.sort();
        let timers: Vec<&str> = stale
            .iter()
            .filter(|n| {
                std::path::Path::new(n)
                    .extension()
                    .is_some_and(|e| e == "timer")
            })
            .map(String::as_str)
            .collect();
        ctx.out.warn(format!(
            "{} in {} belong to no enabled job: remove them{}",
            stale.join(", "),
            dir.display(),
            if timers.is_empty() {
                String::new()
            } else {
                format!(" (systemctl disable --now {} first)", timers.join(" "))
            }
        ));
    }
    ctx.out.info(format!(
        "wrote {} units to {}; then: systemctl daemon-reload && systemctl enable --now {}",
        units.len(),
        dir.display(),
        units
            .iter()
            .filter(|u| std::path::Path::new(&u.name)
                .extension()
                .is_some_and(|e| e == "timer"))
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    ));
    Ok(())
}
