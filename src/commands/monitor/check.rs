//! `promail monitor check`: health checks with thresholds, for Nagios (exit 0/1/2/3, a
//! summary line then one line per check) or Prometheus (the textfile collector's format,
//! written atomically with `--output`).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::commands::db::migrate::SourceArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, HintExt};
use crate::monitor::check::{self, Outcome, Status, Threshold, Thresholds};
use crate::monitor::probe;

/// How the verdicts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    /// A summary line, then one line per check; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
    #[default]
    Nagios,
    /// Prometheus text format for the node exporter's textfile collector; exit 0 once written
    Prometheus,
}

/// Health checks with thresholds, for Nagios or Prometheus
///
/// Checks: connections (% of max_connections), wraparound (oldest transaction-ID age),
/// long_transaction (oldest open transaction), replication (replay lag in bytes, on a primary
/// or a standby), default_rows (rows in a DEFAULT partition), partitions_ahead (periods made
/// ahead of now), migrations (pending: WARNING; edited after being applied: CRITICAL), and
/// backup_age with --backup-dir (the newest promail_YYYYMMDD_HHMMSS.dump with its .sha256
/// sidecar). A value at or past a level is that level. A check that cannot read its facts is
/// UNKNOWN; the run's verdict is the worst (CRITICAL, WARNING, UNKNOWN, OK). A warning level
/// past its critical level, like any bad argument, is refused with exit 3 (UNKNOWN: a
/// monitoring system reads 2 as CRITICAL).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Nagios)]
    pub format: CheckFormat,

    /// Write to FILE (atomically: a temporary file in the same folder, then renamed)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Folder of `promail backup` files, for the backup_age check
    #[arg(long, value_name = "DIR", env = "PROMAIL_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,

    /// Connections used, % of max_connections (`80` or `80%`)
    #[arg(long, default_value = "80", value_name = "PCT", value_parser = parse_percent)]
    pub connections_warning: f64,
    #[arg(long, default_value = "90", value_name = "PCT", value_parser = parse_percent)]
    pub connections_critical: f64,

    /// Oldest transaction-ID age on the server (check_postgres's defaults)
    #[arg(long, default_value_t = 1_300_000_000.0, value_name = "XIDS")]
    pub wraparound_warning: f64,
    #[arg(long, default_value_t = 1_400_000_000.0, value_name = "XIDS")]
    pub wraparound_critical: f64,

    /// Oldest open transaction
    #[arg(long, default_value = "15min", value_name = "DURATION", value_parser = crate::duration::parse)]
    pub transaction_warning: std::time::Duration,
    #[arg(long, default_value = "1h", value_name = "DURATION", value_parser = crate::duration::parse)]
    pub transaction_critical: std::time::Duration,

    /// Replication lag, WAL not yet replayed: bytes, or with a unit as PostgreSQL writes sizes
    /// (`16MB`, `1GB`)
    #[arg(long, default_value = "16MB", value_name = "SIZE", value_parser = crate::size::parse)]
    pub replication_warning: f64,
    #[arg(long, default_value = "1GB", value_name = "SIZE", value_parser = crate::size::parse)]
    pub replication_critical: f64,

    /// Rows in one DEFAULT partition
    #[arg(long, default_value_t = 1.0, value_name = "ROWS")]
    pub default_rows_warning: f64,
    #[arg(long, default_value_t = 10_000.0, value_name = "ROWS")]
    pub default_rows_critical: f64,

    /// Periods made ahead of now (lower is worse; no partition for now is CRITICAL)
    #[arg(long, default_value_t = 1.0, value_name = "PERIODS")]
    pub ahead_warning: f64,
    #[arg(long, default_value_t = 0.0, value_name = "PERIODS")]
    pub ahead_critical: f64,

    /// Age of the newest good backup, hours
    #[arg(long, default_value_t = 26.0, value_name = "HOURS")]
    pub backup_warning: f64,
    #[arg(long, default_value_t = 50.0, value_name = "HOURS")]
    pub backup_critical: f64,

    #[command(flatten)]
    pub source: SourceArgs,
}

/// `80` or `80%`: a percentage from 0 to 100.
fn parse_percent(s: &str) -> Result<f64, String> {
    let n: f64 = s
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .map_err(|_| format!("expected a percentage such as 80 or 80%, got {s:?}"))?;
    if (0.0..=100.0).contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "a percentage of max_connections is between 0 and 100, got {s}"
        ))
    }
}

impl CheckArgs {
    pub(crate) fn thresholds(&self) -> Result<Thresholds> {
        // Durations are compared here, so that a refusal speaks in the units typed.
        if self.transaction_warning > self.transaction_critical {
            return Err(crate::error::usage(format!(
                "--transaction-warning ({}) is above --transaction-critical ({}, its default unless given): a warning must come before the critical level",
                crate::duration::human(self.transaction_warning),
                crate::duration::human(self.transaction_critical)
            )));
        }
        Ok(Thresholds {
            connections_pct: Threshold::high(
                "connections",
                self.connections_warning,
                self.connections_critical,
            )?,
            wraparound_age: Threshold::high(
                "wraparound",
                self.wraparound_warning,
                self.wraparound_critical,
            )?,
            transaction_secs: Threshold::high(
                "transaction",
                self.transaction_warning.as_secs_f64(),
                self.transaction_critical.as_secs_f64(),
            )?,
            replication_lag_bytes: Threshold::high(
                "replication",
                self.replication_warning,
                self.replication_critical,
            )?,
            default_rows: Threshold::high(
                "default-rows",
                self.default_rows_warning,
                self.default_rows_critical,
            )?,
            periods_ahead: Threshold::low("ahead", self.ahead_warning, self.ahead_critical)?,
            backup_age_hours: Threshold::high("backup", self.backup_warning, self.backup_critical)?,
        })
    }
}

pub async fn run(args: &CheckArgs, ctx: &Ctx) -> Result<()> {
    let thresholds = args.thresholds()?;
    let known = args.source.source().load()?;
    let outcomes: Vec<Outcome> = match ctx.connect().await {
        Ok(db) => probe::run(&db, &thresholds, &known, args.backup_dir.as_deref()).await,
        Err(e) => vec![Outcome::unknown("connection", &e)],
    };
    let text = match args.format {
        CheckFormat::Nagios => check::nagios(&outcomes),
        CheckFormat::Prometheus => check::prometheus(&outcomes, chrono::Utc::now()),
    };
    match &args.output {
        Some(path) => write_atomically(path, &text)?,
        None => crate::output::write_stdout(&text)?,
    }
    let status = check::overall(&outcomes);
    if args.format == CheckFormat::Nagios && status != Status::Ok {
        return Err(anyhow::Error::new(Exit(status as u8)));
    }
    Ok(())
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader (the
/// node exporter) sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("--output {} names no file", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp.{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(anyhow::Error::new(e))
            .with_context(|| format!("writing {}", path.display()))
            .hint("--output must name a file in a folder promail may write to");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_percent;

    #[test]
    #[allow(clippy::float_cmp)] // exact: small integers times powers of two
    fn percentages_and_sizes_as_people_write_them() {
        assert_eq!(parse_percent("80").unwrap(), 80.0);
        assert_eq!(parse_percent("85%").unwrap(), 85.0);
        assert!(parse_percent("150")
            .unwrap_err()
            .contains("between 0 and 100"));
        assert!(parse_percent("lots").is_err());
        assert_eq!(crate::size::parse("16MB").unwrap(), 16.0 * 1024.0 * 1024.0);
        assert_eq!(
            crate::size::parse("2 GB").unwrap(),
            2.0 * 1024.0 * 1024.0 * 1024.0
        );
        assert_eq!(crate::size::parse("512kB").unwrap(), 512.0 * 1024.0);
        assert_eq!(crate::size::parse("1000").unwrap(), 1000.0);
        assert!(crate::size::parse("3 parsecs")
            .unwrap_err()
            .contains("unknown size unit"));
    }
}
