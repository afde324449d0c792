//! `promail schedule list`: the timetable, in words, with next and last runs.

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use clap::Args;
use serde_json::{json, Value};

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::output::{Format, Rows};
use crate::schedule::timetable::{self, Zone};
use crate::schedule::Expr;

/// Shows each job of the timetable: its cron expression and what it means, whether it is
/// enabled, its next runs in the timetable's time zone (the server's TimeZone, with the UTC
/// offset), and its last run with its outcome. The zone is said on stderr.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Next runs shown per job
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=100))]
    pub count: u16,

    /// Compute the next runs from this time instead of now: RFC 3339 (2027-03-27T12:00:00Z,
    /// 2027-03-27T13:00:00+01:00), or a local time without offset (2027-03-27 12:00), read in
    /// the timetable's time zone
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub from: Option<FromTime>,

    #[command(flatten)]
    pub format: FormatOpts,
}

/// `--from`: an instant, or a wall-clock time of the timetable's zone (known once connected).
#[derive(Debug, Clone, Copy)]
pub enum FromTime {
    Instant(DateTime<Utc>),
    Local(NaiveDateTime),
}

fn parse_instant(s: &str) -> Result<FromTime, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(FromTime::Instant(t.with_timezone(&Utc)));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Ok(FromTime::Local(t));
        }
    }
    Err(format!(
        "expected a time such as 2027-03-27T12:00:00Z, or 2027-03-27 12:00 in the timetable's time zone, got {s:?}"
    ))
}

impl FromTime {
    /// The instant, a local time read in `zone`; a time the clocks skip (a spring-forward gap)
    /// is refused, an ambiguous one (the autumn hour) is its first occurrence.
    fn instant(self, zone: &Zone) -> Result<DateTime<Utc>> {
        match self {
            FromTime::Instant(t) => Ok(t),
            FromTime::Local(t) => zone
                .tz
                .from_local_datetime(&t)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .ok_or_else(|| {
                    crate::error::hint(
                        crate::error::usage(format!(
                            "--from {t}: that time does not exist in {} (the clocks skip it)",
                            zone.name
                        )),
                        "give a time outside the gap, or an offset (2027-03-28T02:30:00+01:00)",
                    )
                }),
        }
    }
}

pub async fn run(args: &ListArgs, ctx: &Ctx) -> Result<()> {
    let db = ctx.connect().await?;
    let jobs = timetable::load(&db).await?;
    let zone = timetable::zone(&db).await?;
    if let Some(note) = &zone.note {
        ctx.out.warn(note);
    }
    ctx.out.info(format!("time zone: {}", zone.name));
    let from = match args.from {
        Some(f) => f.instant(&zone)?,
        None => Utc::now(),
    };
    ctx.out.rows(
        args.format.format,
        &rows(&jobs, &zone, from, args.count.into(), args.format.format),
    )
}

fn rows(
    jobs: &[timetable::Job],
    zone: &Zone,
    from: DateTime<Utc>,
    count: usize,
    format: Format,
) -> Rows {
    let mut rows = Rows::new([
        "job",
        "expr",
        "in_words",
        "enabled",
        "next_runs",
        "last_run",
        "last_outcome",
        "last_summary",
        "command",
    ]);
    // The next runs in the timetable's zone, with its offset (RFC 3339 in JSON and CSV); the
    // last run, an instant, as every instant promail prints for programs: RFC 3339 in UTC.
    let table = format == Format::Table;
    let local = |t: DateTime<Utc>| {
        let t = t.with_timezone(&zone.tz);
        if table {
            t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
        } else {
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        }
    };
    let instant = |t: DateTime<Utc>| {
        if table {
            local(t)
        } else {
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        }
    };
    for j in jobs {
        let (words, next) = match Expr::parse(&j.expr) {
            Ok(e) => {
                let next: Vec<String> = if j.enabled {
                    e.upcoming(&zone.tz, from, count)
                        .into_iter()
                        .map(local)
                        .collect()
                } else {
                    Vec::new()
                };
                (e.describe(), next)
            }
            Err(err) => (format!("invalid: {err:#}"), Vec::new()),
        };
        let next = if format == Format::Json {
            json!(next)
        } else {
            json!(next.join(if format == Format::Table { "\n" } else { ", " }))
        };
        let last = j.last.as_ref();
        rows.push(vec![
            json!(j.name),
            json!(j.expr),
            json!(words),
            json!(j.enabled),
            next,
            last.map_or(Value::Null, |l| json!(instant(l.started))),
            last.map_or(Value::Null, |l| json!(l.outcome)),
            last.and_then(|l| l.summary.clone())
                .map_or(Value::Null, |s| json!(s)),
            json!(format!("promail {}", j.args.join(" "))),
        ]);
    }
    rows
}
