//! `monitor check`: the thresholds and how each check judges its facts, as plain functions of
//! plain data (unit-tested without a database; the facts are read by [`super::probe`]). The
//! verdicts follow Nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; the run's verdict is the
//! worst one (CRITICAL, then WARNING, then UNKNOWN, then OK).

use std::fmt::Write as _;

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime, Utc};

use crate::error::usage;
use crate::output::pretty_bytes;

/// A check's verdict; its number is the Nagios exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }

    /// How bad, for picking the run's verdict: CRITICAL > WARNING > UNKNOWN > OK.
    fn severity(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Unknown => 1,
            Status::Warning => 2,
            Status::Critical => 3,
        }
    }
}

/// A warning and a critical level. `High`: the higher the value, the worse (warning ≤
/// critical); `Low`: the lower, the worse (warning ≥ critical).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub warning: f64,
    pub critical: f64,
    pub low: bool,
}

impl Threshold {
    /// Checks that the levels make sense; `flag` names them in the message.
    pub fn high(flag: &str, warning: f64, critical: f64) -> Result<Threshold> {
        if warning > critical {
            return Err(usage(format!(
                "--{flag}-warning ({warning}) is above --{flag}-critical ({critical}): a warning must come before the critical level"
            )));
        }
        Ok(Threshold {
            warning,
            critical,
            low: false,
        })
    }

    /// As [`Threshold::high`], for a value where lower is worse.
    pub fn low(flag: &str, warning: f64, critical: f64) -> Result<Threshold> {
        if warning < critical {
            return Err(usage(format!(
                "--{flag}-warning ({warning}) is below --{flag}-critical ({critical}): here lower is worse, so the warning level must be the higher one"
            )));
        }
        Ok(Threshold {
            warning,
            critical,
            low: true,
        })
    }

    pub fn judge(&self, value: f64) -> Status {
        let reached = |level: f64| {
            if self.low {
                value <= level
            } else {
                value >= level
            }
        };
        if reached(self.critical) {
            Status::Critical
        } else if reached(self.warning) {
            Status::Warning
        } else {
            Status::Ok
        }
    }
}

/// Every threshold of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Client sessions, % of max_connections.
    pub connections_pct: Threshold,
    /// Oldest transaction-ID age on the server.
    pub wraparound_age: Threshold,
    /// Oldest open transaction, seconds.
    pub transaction_secs: Threshold,
    /// Replication lag, bytes of WAL not yet replayed.
    pub replication_lag_bytes: Threshold,
    /// Rows in a DEFAULT partition.
    pub default_rows: Threshold,
    /// Periods made ahead of now (lower is worse).
    pub periods_ahead: Threshold,
    /// Age of the newest good backup, hours.
    pub backup_age_hours: Threshold,
}

/// What one check found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Short name: `connections`, `wraparound`, …
    pub check: &'static str,
    pub status: Status,
    /// One line for people.
    pub summary: String,
    /// The number judged, for Prometheus (None when there is none).
    pub value: Option<f64>,
}

impl Outcome {
    fn new(check: &'static str, status: Status, summary: String, value: Option<f64>) -> Outcome {
        Outcome {
            check,
            status,
            summary,
            value,
        }
    }

    /// A check whose facts could not be read.
    pub fn unknown(check: &'static str, err: &anyhow::Error) -> Outcome {
        let text = match crate::error::hint_of(err) {
            Some(h) => format!("{err:#} (hint: {h})"),
            None => format!("{err:#}"),
        };
        Outcome::new(check, Status::Unknown, text, None)
    }
}

/// The run's verdict: the worst of its checks.
pub fn overall(outcomes: &[Outcome]) -> Status {
    outcomes
        .iter()
        .map(|o| o.status)
        .max_by_key(|s| s.severity())
        .unwrap_or(Status::Ok)
}

pub fn connections(t: &Threshold, used: i64, max: i64) -> Outcome {
    let pct = if max > 0 {
        100.0 * used as f64 / max as f64
    } else {
        0.0
    };
    Outcome::new(
        "connections",
        t.judge(pct),
        format!(
            "{used} of {max} connections used ({pct:.0} %; warning at {} %, critical at {} %)",
            t.warning, t.critical
        ),
        Some(pct),
    )
}

pub fn wraparound(t: &Threshold, age: i64) -> Outcome {
    Outcome::new(
        "wraparound",
        t.judge(age as f64),
        format!(
            "oldest transaction-ID age {age} ({:.1} % of the 2^31 limit)",
            100.0 * age as f64 / 2_147_483_648.0
        ),
        Some(age as f64),
    )
}

/// The oldest open transaction: (pid, seconds), if any; `hidden`: other roles' sessions could
/// not be seen.
pub fn long_transaction(t: &Threshold, oldest: Option<(i32, f64)>, hidden: bool) -> Outcome {
    let tail = if hidden {
        " (other roles' sessions are hidden: this role lacks pg_monitor)"
    } else {
        ""
    };
    match oldest {
        None => Outcome::new(
            "long_transaction",
            Status::Ok,
            format!("no open transaction{tail}"),
            Some(0.0),
        ),
        Some((pid, secs)) => Outcome::new(
            "long_transaction",
            t.judge(secs),
            format!(
                "oldest open transaction: pid {pid}, {}{tail}",
                human_secs(secs)
            ),
            Some(secs),
        ),
    }
}

/// The replication facts the lag check judges.
#[derive(Debug, Clone, PartialEq)]
pub enum Replication {
    /// A primary and the replay lag in bytes of each standby (name, bytes; None if hidden).
    Primary(Vec<(String, Option<i64>)>),
    /// A standby: whether its WAL receiver streams, and its replay lag in bytes.
    Standby { streaming: bool, lag_bytes: i64 },
}

pub fn replication(t: &Threshold, r: &Replication) -> Outcome {
    match r {
        Replication::Primary(standbys) if standbys.is_empty() => Outcome::new(
            "replication",
            Status::Ok,
            "primary; no standby streaming from it".to_string(),
            Some(0.0),
        ),
        Replication::Primary(standbys) => {
            if standbys.iter().any(|(_, b)| b.is_none()) {
                return Outcome::new(
                    "replication",
                    Status::Unknown,
                    "the standbys' lag is hidden: this role lacks pg_monitor".to_string(),
                    None,
                );
            }
            let (name, worst) = standbys
                .iter()
                .map(|(n, b)| (n, b.unwrap_or(0)))
                .max_by_key(|(_, b)| *b)
                .unwrap_or((&standbys[0].0, 0));
            Outcome::new(
                "replication",
                t.judge(worst as f64),
                format!(
                    "primary; {} standby(s), largest replay lag {} ({name})",
                    standbys.len(),
                    pretty_bytes(worst)
                ),
                Some(worst as f64),
            )
        }
        Replication::Standby {
            streaming: false,
            lag_bytes,
        } => Outcome::new(
            "replication",
            Status::Critical,
            format!(
                "standby; not streaming from its primary (replay lag {})",
                pretty_bytes(*lag_bytes)
            ),
            Some(*lag_bytes as f64),
        ),
        Replication::Standby { lag_bytes, .. } => Outcome::new(
            "replication",
            t.judge(*lag_bytes as f64),
            format!(
                "standby; streaming, replay lag {}",
                pretty_bytes(*lag_bytes)
            ),
            Some(*lag_bytes as f64),
        ),
    }
}

/// One managed table's partition health, as the checks need it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableHealth {
    pub table: String,
    pub default_rows: i64,
    pub ahead: i64,
    pub covers_now: bool,
}

pub fn default_rows(t: &Threshold, tables: &[TableHealth]) -> Outcome {
    let total: i64 = tables.iter().map(|h| h.default_rows).sum();
    let worst = tables.iter().map(|h| h.default_rows).max().unwrap_or(0);
    let mut summary = format!("{total} row(s) in DEFAULT partitions");
    let with: Vec<String> = tables
        .iter()
        .filter(|h| h.default_rows > 0)
        .map(|h| format!("{} {}", h.table, h.default_rows))
        .collect();
    if !with.is_empty() {
        let _ = write!(
            summary,
            " ({}); `promail partitions rotate` moves them out",
            with.join(", ")
        );
    }
    Outcome::new(
        "default_rows",
        t.judge(worst as f64),
        summary,
        Some(total as f64),
    )
}

pub fn partitions_ahead(t: &Threshold, tables: &[TableHealth]) -> Outcome {
    if tables.is_empty() {
        return Outcome::new(
            "partitions_ahead",
            Status::Unknown,
            "no managed partitioned table (no policy)".to_string(),
            None,
        );
    }
    let judge = |h: &TableHealth| {
        if h.covers_now {
            t.judge(h.ahead as f64)
        } else {
            Status::Critical
        }
    };
    let worst = tables
        .iter()
        .max_by_key(|h| (judge(h).severity(), -h.ahead))
        .expect("not empty");
    let parts: Vec<String> = tables
        .iter()
        .map(|h| {
            if h.covers_now {
                format!("{} {} ahead", h.table, h.ahead)
            } else {
                format!("{} has no partition for now", h.table)
            }
        })
        .collect();
    Outcome::new(
        "partitions_ahead",
        judge(worst),
        format!(
            "periods made ahead: {} (`promail partitions rotate` makes them)",
            parts.join(", ")
        ),
        Some(if worst.covers_now {
            worst.ahead as f64
        } else {
            -1.0
        }),
    )
}

/// Migrations that are not as this promail expects: labels by state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MigrationFacts {
    pub applied: usize,
    pub pending: Vec<String>,
    pub changed: Vec<String>,
    pub unknown: Vec<String>,
}

pub fn migrations(m: &MigrationFacts) -> Outcome {
    let mut parts = Vec::new();
    for (what, list) in [
        ("edited after being applied", &m.changed),
        ("applied by a newer promail", &m.unknown),
        ("pending", &m.pending),
    ] {
        if !list.is_empty() {
            parts.push(format!("{} {what} ({})", list.len(), list.join(", ")));
        }
    }
    let status = if !m.changed.is_empty() {
        Status::Critical
    } else if !m.pending.is_empty() || !m.unknown.is_empty() {
        Status::Warning
    } else {
        Status::Ok
    };
    let summary = if parts.is_empty() {
        format!("{} migration(s) applied, none pending", m.applied)
    } else {
        format!("{}; see `promail db status`", parts.join("; "))
    };
    Outcome::new(
        "migrations",
        status,
        summary,
        Some((m.pending.len() + m.changed.len() + m.unknown.len()) as f64),
    )
}

/// A file of a backup folder: its name and whether its `.sha256` sidecar is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub name: String,
    pub has_checksum: bool,
}

/// When a backup named `promail_YYYYMMDD_HHMMSS.dump` was taken (UTC, as its name says).
pub fn backup_time(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix("promail_")?.strip_suffix(".dump")?;
    // chrono accepts short fields (`2026031`); the name has exactly 8 + 1 + 6 characters.
    let exact = stamp.len() == 15
        && stamp
            .char_indices()
            .all(|(i, c)| if i == 8 { c == '_' } else { c.is_ascii_digit() });
    if !exact {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d_%H%M%S")
        .ok()
        .map(|t| t.and_utc())
}

/// The newest good backup: a full backup by its name, with its checksum sidecar (a dump without
/// one was not finished or not verified).
pub fn backup_age(t: &Threshold, dir: &str, files: &[BackupFile], now: DateTime<Utc>) -> Outcome {
    let newest = files
        .iter()
        .filter(|f| f.has_checksum)
        .filter_map(|f| backup_time(&f.name).map(|at| (at, &f.name)))
        .max();
    let Some((at, name)) = newest else {
        let unchecked = files
            .iter()
            .filter(|f| backup_time(&f.name).is_some())
            .count();
        return Outcome::new(
            "backup_age",
            Status::Critical,
            format!(
                "no good backup in {dir} (promail_YYYYMMDD_HHMMSS.dump with its .sha256){}",
                if unchecked > 0 {
                    format!("; {unchecked} dump(s) without a checksum")
                } else {
                    String::new()
                }
            ),
            None,
        );
    };
    let hours = (now - at).num_seconds() as f64 / 3600.0;
    Outcome::new(
        "backup_age",
        t.judge(hours),
        format!(
            "newest good backup {name}, {} old",
            human_secs(hours * 3600.0)
        ),
        Some(hours),
    )
}

/// What the schedule check needs of one enabled job of the timetable.
#[derive(Debug, Clone, PartialEq)]
pub struct JobFacts {
    pub job: String,
    /// Seconds between two runs (the next two).
    pub period_secs: f64,
    /// The end of its last successful run.
    pub last_success: Option<DateTime<Utc>>,
    /// When its timetable row was last changed: a job is not overdue before it was due.
    pub since: DateTime<Utc>,
}

/// A job of the timetable that has not succeeded within two of its periods is a WARNING:
/// "rotate has not succeeded for 2 days".
pub fn schedule(jobs: &[JobFacts], now: DateTime<Utc>) -> Outcome {
    let mut late = Vec::new();
    for j in jobs {
        let from = j.last_success.map_or(j.since, |t| t.max(j.since));
        let secs = (now - from).num_seconds() as f64;
        if secs > 2.0 * j.period_secs {
            let what = match j.last_success {
                Some(_) => "has not succeeded for",
                None => "has not succeeded since it was scheduled,",
            };
            late.push(format!("{} {what} {}", j.job, since_words(secs)));
        }
    }
    if late.is_empty() {
        Outcome::new(
            "schedule",
            Status::Ok,
            format!(
                "{} enabled job(s), each succeeded within two of its periods",
                jobs.len()
            ),
            Some(0.0),
        )
    } else {
        Outcome::new(
            "schedule",
            Status::Warning,
            format!("{}; see `promail schedule list`", late.join("; ")),
            Some(late.len() as f64),
        )
    }
}

/// `2 days`, `9 hours`, `25 minutes`, `45 seconds` (a job with seconds in its expression).
fn since_words(secs: f64) -> String {
    let s = secs.max(0.0) as i64;
    let (n, unit) = if s >= 2 * 86400 {
        (s / 86400, "day")
    } else if s >= 2 * 3600 {
        (s / 3600, "hour")
    } else if s >= 2 * 60 {
        (s / 60, "minute")
    } else {
        (s, "second")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// `2h05m`, `3m12s`, `45s`, `2d03h`.
pub fn human_secs(secs: f64) -> String {
    let s = secs.max(0.0).round() as i64;
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        3600..86400 => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d{:02}h", s / 86400, s % 86400 / 3600),
    }
}

/// The Nagios text: a summary line, then one line per check.
pub fn nagios(outcomes: &[Outcome]) -> String {
    let status = overall(outcomes);
    let count = |s: Status| outcomes.iter().filter(|o| o.status == s).count();
    let mut out = format!(
        "PROMAIL {}: {} critical, {} warning, {} unknown, {} ok\n",
        status.label(),
        count(Status::Critical),
        count(Status::Warning),
        count(Status::Unknown),
        count(Status::Ok)
    );
    for o in outcomes {
        let _ = writeln!(out, "{} {}: {}", o.status.label(), o.check, o.summary);
    }
    out
}

/// The Prometheus text exposition (for the node exporter's textfile collector).
pub fn prometheus(outcomes: &[Outcome], now: DateTime<Utc>) -> String {
    let mut out = String::from(
        "# HELP promail_check_status Verdict of a promail check: 0 ok, 1 warning, 2 critical, 3 unknown.\n\
         # TYPE promail_check_status gauge\n",
    );
    for o in outcomes {
        let _ = writeln!(
            out,
            "promail_check_status{{check=\"{}\"}} {}",
            o.check, o.status as u8
        );
    }
    out.push_str(
        "# HELP promail_check_value The value a promail check judged (connections %, age, bytes, rows, hours).\n\
         # TYPE promail_check_value gauge\n",
    );
    for o in outcomes {
        if let Some(v) = o.value {
            let _ = writeln!(out, "promail_check_value{{check=\"{}\"}} {v}", o.check);
        }
    }
    let _ = write!(
        out,
        "# HELP promail_check_timestamp_seconds When the checks ran.\n\
         # TYPE promail_check_timestamp_seconds gauge\n\
         promail_check_timestamp_seconds {}\n",
        now.timestamp()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn th(w: f64, c: f64) -> Threshold {
        Threshold::high("x", w, c).unwrap()
    }

    #[test]
    fn thresholds_judge_and_refuse_nonsense() {
        let t = th(80.0, 90.0);
        assert_eq!(t.judge(79.9), Status::Ok);
        assert_eq!(t.judge(80.0), Status::Warning);
        assert_eq!(t.judge(95.0), Status::Critical);
        let e = Threshold::high("connections", 95.0, 90.0).unwrap_err();
        assert_eq!(crate::error::exit_code(&e), crate::error::USAGE);
        assert!(format!("{e}")
            .contains("--connections-warning (95) is above --connections-critical (90)"));
        let low = Threshold::low("ahead", 1.0, 0.0).unwrap();
        assert_eq!(low.judge(3.0), Status::Ok);
        assert_eq!(low.judge(1.0), Status::Warning);
        assert_eq!(low.judge(0.0), Status::Critical);
        assert!(Threshold::low("ahead", 0.0, 1.0).is_err());
    }

    #[test]
    fn the_worst_verdict_wins_and_unknown_does_not_hide_a_warning() {
        let o = |s| Outcome::new("c", s, String::new(), None);
        assert_eq!(
            overall(&[o(Status::Ok), o(Status::Unknown)]),
            Status::Unknown
        );
        assert_eq!(
            overall(&[o(Status::Unknown), o(Status::Warning)]),
            Status::Warning
        );
        assert_eq!(
            overall(&[o(Status::Critical), o(Status::Warning)]),
            Status::Critical
        );
        assert_eq!(overall(&[]), Status::Ok);
    }

    #[test]
    fn connection_and_transaction_checks() {
        let o = connections(&th(80.0, 90.0), 85, 100);
        assert_eq!(o.status, Status::Warning);
        assert!(o.summary.starts_with("85 of 100 connections used (85 %"));
        let o = long_transaction(&th(300.0, 3600.0), Some((42, 4000.0)), false);
        assert_eq!(o.status, Status::Critical);
        assert_eq!(o.summary, "oldest open transaction: pid 42, 1h06m");
        assert_eq!(
            long_transaction(&th(1.0, 2.0), None, true).status,
            Status::Ok
        );
    }

    #[test]
    fn replication_checks() {
        let t = th(16e6, 1e9);
        assert_eq!(
            replication(&t, &Replication::Primary(vec![])).status,
            Status::Ok
        );
        let o = replication(
            &t,
            &Replication::Primary(vec![("a".into(), Some(10)), ("b".into(), Some(20_000_000))]),
        );
        assert_eq!(o.status, Status::Warning);
        assert!(o.summary.contains("(b)"), "{}", o.summary);
        let o = replication(&t, &Replication::Primary(vec![("a".into(), None)]));
        assert_eq!(o.status, Status::Unknown);
        let o = replication(
            &t,
            &Replication::Standby {
                streaming: false,
                lag_bytes: 0,
            },
        );
        assert_eq!(o.status, Status::Critical);
    }

    #[test]
    fn partition_checks() {
        let h = |t: &str, rows, ahead, now| TableHealth {
            table: t.into(),
            default_rows: rows,
            ahead,
            covers_now: now,
        };
        let tables = vec![
            h("login_history", 0, 3, true),
            h("email_analytics", 12, 1, true),
        ];
        let o = default_rows(&th(1.0, 1000.0), &tables);
        assert_eq!(o.status, Status::Warning);
        assert!(o.summary.contains("email_analytics 12"), "{}", o.summary);
        let ahead = Threshold::low("ahead", 1.0, 0.0).unwrap();
        assert_eq!(partitions_ahead(&ahead, &tables).status, Status::Warning);
        let uncovered = vec![h("login_history", 0, 0, false)];
        let o = partitions_ahead(&ahead, &uncovered);
        assert_eq!(o.status, Status::Critical);
        assert!(o.summary.contains("no partition for now"));
    }

    #[test]
    fn schedule_check_warns_after_two_periods() {
        let now = backup_time("promail_20261206_120000.dump").unwrap();
        let day = 86400.0;
        let job = |name: &str, period: f64, ok_ago: Option<i64>| JobFacts {
            job: name.into(),
            period_secs: period,
            last_success: ok_ago.map(|s| now - chrono::Duration::seconds(s)),
            since: now - chrono::Duration::days(30),
        };
        let o = schedule(
            &[
                job("rotate", day, Some(3600)),
                job("check", 300.0, Some(200)),
            ],
            now,
        );
        assert_eq!(o.status, Status::Ok, "{}", o.summary);
        let o = schedule(
            &[
                job("rotate", day, Some(2 * 86400 + 60)),
                job("backup-critical", 4.0 * 3600.0, Some(9 * 3600)),
                job("check", 300.0, Some(200)),
            ],
            now,
        );
        assert_eq!(o.status, Status::Warning);
        assert_eq!(
            o.summary,
            "rotate has not succeeded for 2 days; backup-critical has not succeeded for 9 hours; see `promail schedule list`"
        );
        assert_eq!(o.value, Some(2.0));
        // Never run, but scheduled only an hour ago: not late yet; a month ago: late.
        let mut fresh = job("backup", day, None);
        fresh.since = now - chrono::Duration::hours(1);
        assert_eq!(schedule(&[fresh], now).status, Status::Ok);
        // Every 20 seconds, last success 45 s ago: in seconds, not "0 minutes".
        let o = schedule(&[job("ping", 20.0, Some(45))], now);
        assert!(
            o.summary
                .starts_with("ping has not succeeded for 45 seconds"),
            "{}",
            o.summary
        );
        assert_eq!(since_words(150.0), "2 minutes");
        assert_eq!(since_words(1.0), "1 second");
        let o = schedule(&[job("backup", day, None)], now);
        assert!(
            o.summary
                .contains("backup has not succeeded since it was scheduled, 30 days"),
            "{}",
            o.summary
        );
    }

    #[test]
    fn migration_check() {
        assert_eq!(migrations(&MigrationFacts::default()).status, Status::Ok);
        let m = MigrationFacts {
            applied: 1,
            pending: vec!["0002_b".into()],
            ..MigrationFacts::default()
        };
        assert_eq!(migrations(&m).status, Status::Warning);
        let m = MigrationFacts {
            changed: vec!["0001_a".into()],
            ..m
        };
        let o = migrations(&m);
        assert_eq!(o.status, Status::Critical);
        assert!(o.summary.contains("1 edited after being applied (0001_a)"));
    }

    #[test]
    fn backups_by_name_and_sidecar() {
        let now = "2026-03-10T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let f = |n: &str, c| BackupFile {
            name: n.into(),
            has_checksum: c,
        };
        let t = th(26.0, 50.0);
        let files = vec![
            f("promail_20260310_020000.dump", false),
            f("promail_20260309_020000.dump", true),
            f("critical_20260310_020000.dump", true),
            f("notes.txt", false),
        ];
        let o = backup_age(&t, "/b", &files, now);
        assert_eq!(o.status, Status::Warning);
        assert!(
            o.summary
                .contains("promail_20260309_020000.dump, 1d10h old"),
            "{}",
            o.summary
        );
        let o = backup_age(&t, "/b", &files[..1], now);
        assert_eq!(o.status, Status::Critical);
        assert!(
            o.summary.contains("1 dump(s) without a checksum"),
            "{}",
            o.summary
        );
        assert_eq!(backup_time("promail_2026031_020000.dump"), None);
    }

    #[test]
    fn outputs() {
        let o = vec![
            Outcome::new("connections", Status::Ok, "5 of 100".into(), Some(5.0)),
            Outcome::new("backup_age", Status::Critical, "none".into(), None),
        ];
        let text = nagios(&o);
        assert!(text.starts_with("PROMAIL CRITICAL: 1 critical, 0 warning, 0 unknown, 1 ok\n"));
        assert!(text.contains("\nCRITICAL backup_age: none\n"));
        let p = prometheus(&o, DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        assert!(p.contains("promail_check_status{check=\"backup_age\"} 2\n"));
        assert!(p.contains("promail_check_value{check=\"connections\"} 5\n"));
        assert!(!p.contains("promail_check_value{check=\"backup_age\"}"));
        assert!(p.ends_with("promail_check_timestamp_seconds 1700000000\n"));
    }
}
