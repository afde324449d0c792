//! Cron expressions as promail accepts them, on top of the `cron` crate, whose dialect is not
//! crontab's (docs in the team's scheduling notes):
//! - crontab's five fields `min hour dom month dow` mean what they mean in crontab: day of week
//!   0 and 7 = Sunday (the crate's 1 is Sunday), and when both day fields are restricted (neither
//!   starts with `*`) a day matches either (the crate ANDs them: the expression becomes the union
//!   of two crate schedules);
//! - six or seven fields (`sec min hour dom month dow [year]`) are the crate's own dialect, with
//!   the day of week by name only (`MON-FRI`), because its numbers differ from crontab's;
//! - an error names the field; an expression that never fires (30 February) is refused;
//! - times are local to the timetable's zone, mapped to instants the way Vixie cron does:
//!   a time in the spring gap runs once, right after the gap; one in the autumn overlap runs
//!   once, on its first pass (the crate's own zone handling fires twice there and can go
//!   backwards in time, so it is only asked for wall-clock times, in UTC, where there is no
//!   daylight saving).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::str::FromStr;

use anyhow::Result;
use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use cron::{Schedule, TimeUnitSpec};

use crate::error::{hint, usage};

/// Day names as both dialects spell them (index 0 = Sunday, as crontab numbers them).
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const DAY_WORDS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTH_WORDS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A parsed expression: the text as given and the crate schedules whose union it is.
#[derive(Debug, Clone)]
pub struct Expr {
    text: String,
    /// Five fields (crontab) or six/seven (with seconds).
    pub with_seconds: bool,
    /// One schedule, or two when crontab ORs the day fields: (days of month, any weekday) and
    /// (any day of month, weekdays).
    schedules: Vec<Schedule>,
}

/// The names of the fields, in the order of the six/seven-field form.
const FIELD_NAMES: [&str; 7] = [
    "second",
    "minute",
    "hour",
    "day of month",
    "month",
    "day of week",
    "year",
];

impl Expr {
    /// Parses an expression; the error (a usage error, exit 2) names the field at fault.
    pub fn parse(text: &str) -> Result<Expr> {
        if let Some(name) = text.trim().strip_prefix('@') {
            return Self::nickname(text, name);
        }
        let fields: Vec<&str> = text.split_whitespace().collect();
        let invalid =
            |what: String, h: &str| hint(usage(format!("cron expression {text:?}: {what}")), h);
        match fields.len() {
            5 => {
                let dow = crontab_days(fields[4]).map_err(|e| {
                    invalid(
                        format!("day of week {:?}: {e}", fields[4]),
                        "crontab's day of week is 0-7 (0 and 7 are Sunday) or SUN-SAT, with lists, ranges and steps",
                    )
                })?;
                let six = ["0", fields[0], fields[1], fields[2], fields[3], &dow];
                check_fields(&six, text, 1)?;
                // Vixie: a day field is "restricted" unless it starts with `*`.
                let or_days = !fields[2].starts_with('*') && !fields[4].starts_with('*');
                let schedules = if or_days {
                    vec![
                        schedule(&["0", fields[0], fields[1], fields[2], fields[3], "*"].join(" "))?,
                        schedule(&["0", fields[0], fields[1], "*", fields[3], &dow].join(" "))?,
                    ]
                } else {
                    vec![schedule(&six.join(" "))?]
                };
                Expr::checked(text, false, schedules)
            }
            6 | 7 => {
                if fields[5].bytes().any(|b| b.is_ascii_digit()) {
                    return Err(invalid(
                        format!("day of week {:?}: give days by name in the six- and seven-field form", fields[5]),
                        "with seconds, the day-of-week numbers are the cron crate's (1 = Sunday), not crontab's (0 = Sunday): write MON-FRI, SUN, …",
                    ));
                }
                check_fields(&fields, text, 0)?;
                Expr::checked(text, true, vec![schedule(&fields.join(" "))?])
            }
            n => Err(invalid(
                format!("{n} field{}", if n == 1 { "" } else { "s" }),
                "give crontab's five fields (minute hour day-of-month month day-of-week), or six or seven with seconds first (second minute hour day-of-month month day-of-week [year]), or a nickname: @hourly, @daily, @weekly, @monthly, @yearly",
            )),
        }
    }

    /// crontab's `@daily` and the like, as Vixie cron and cronie define them: the five fields
    /// they stand for, in the schedule's time zone. `@reboot` has no time.
    fn nickname(text: &str, name: &str) -> Result<Expr> {
        let fields = match name.to_ascii_lowercase().as_str() {
            "yearly" | "annually" => "0 0 1 1 *",
            "monthly" => "0 0 1 * *",
            "weekly" => "0 0 * * 0",
            "daily" | "midnight" => "0 0 * * *",
            "hourly" => "0 * * * *",
            _ => {
                return Err(hint(
                    usage(format!("cron expression {text:?}: unknown nickname @{name}")),
                    "the nicknames are @yearly (@annually), @monthly, @weekly, @daily (@midnight) and @hourly; @reboot has no time: promail runs jobs at times only",
                ))
            }
        };
        // Its text is the five fields: crontab, pg_cron and systemd get those.
        Self::parse(fields)
    }

    fn checked(text: &str, with_seconds: bool, schedules: Vec<Schedule>) -> Result<Expr> {
        let expr = Expr {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            with_seconds,
            schedules,
        };
        if expr.next_after(&chrono_tz::UTC, Utc::now()).is_none() {
            return Err(hint(
                usage(format!(
                    "cron expression {text:?} never fires: no date matches it from now on"
                )),
                "check the day of month against the month (30 February, 31 April) and the year",
            ));
        }
        Ok(expr)
    }

    /// The expression as given (blanks normalised).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first run strictly after `from`, in zone `tz` (Vixie's rules in the daylight-saving
    /// transitions: see the module's notes).
    pub fn next_after<Z: TimeZone>(&self, tz: &Z, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.schedules
            .iter()
            .filter_map(|s| next_of(s, tz, from))
            .min()
    }

    /// The next `n` runs after `from`.
    pub fn upcoming<Z: TimeZone>(
        &self,
        tz: &Z,
        from: DateTime<Utc>,
        n: usize,
    ) -> Vec<DateTime<Utc>> {
        let mut out = Vec::with_capacity(n);
        let mut at = from;
        while out.len() < n {
            match self.next_after(tz, at) {
                Some(t) => {
                    out.push(t);
                    at = t;
                }
                None => break,
            }
        }
        out
    }

    /// The sets each field allows, per schedule of the union (for the emitters).
    pub fn parts(&self) -> Vec<Parts> {
        self.schedules.iter().map(Parts::of).collect()
    }

    /// The expression in words: "at 01:30 every day", "every 5 minutes", "at 00:00 on day 1 of
    /// the month or on Monday".
    pub fn describe(&self) -> String {
        let parts = self.parts();
        let p = &parts[0];
        let mut s = time_words(p);
        let days: Vec<String> = parts.iter().filter_map(Parts::day_words).collect();
        if days.is_empty() {
            // "at 01:00 every day"; "every 5 minutes" needs no more.
            if s.starts_with("at ") && s.contains(':') {
                s.push_str(" every day");
            }
        } else {
            let _ = write!(s, " {}", days.join(" or "));
        }
        if let Some(m) = p.month_words() {
            let _ = write!(s, " in {m}");
        }
        if p.years.len() < (1970..=2100).count() {
            let _ = write!(s, " in {}", list(&p.years));
        }
        s
    }
}

/// The first run of one crate schedule after `from`: the crate is asked for wall-clock times
/// (in UTC, which has no transitions), each mapped to an instant in `tz`.
fn next_of<Z: TimeZone>(s: &Schedule, tz: &Z, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let local_from = from.with_timezone(tz).naive_local();
    // One second back, so that a wall-clock time repeated by the autumn overlap is seen again.
    let start = Utc.from_utc_datetime(&(local_from - Duration::seconds(1)));
    // An hour's worth of every-second times at most is skipped (the overlap); the bound keeps a
    // pathological zone from looping.
    for wall in s.after(&start).take(4000) {
        let at = instant(tz, wall.naive_utc())?;
        if at > from {
            return Some(at);
        }
    }
    None
}

/// A wall-clock time in `tz` as an instant: the first of two in an overlap; in a gap, the end of
/// the gap.
fn instant<Z: TimeZone>(tz: &Z, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.with_timezone(&Utc).min(b.with_timezone(&Utc))),
        LocalResult::None => {
            let minute = wall.with_second(0).unwrap_or(wall);
            (1..=24 * 60).find_map(|m| {
                tz.from_local_datetime(&(minute + Duration::minutes(m)))
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
            })
        }
    }
}

fn schedule(six: &str) -> Result<Schedule> {
    Schedule::from_str(six).map_err(|e| anyhow::anyhow!("cron expression {six:?}: {e}"))
}

/// Tries each field alone (the others `*`), so that an error names the field: the crate's own
/// messages do not. `offset` is 1 for the five-field form (no seconds field).
fn check_fields(fields: &[&str], text: &str, offset: usize) -> Result<()> {
    for (i, f) in fields.iter().enumerate() {
        let mut probe = vec!["*"; fields.len().max(6)];
        probe[0] = "0";
        probe[i] = f;
        if Schedule::from_str(&probe.join(" ")).is_err() {
            let name = FIELD_NAMES[i];
            let range = match i {
                0 | 1 => "0-59",
                2 => "0-23",
                3 => "1-31",
                4 => "1-12 or JAN-DEC",
                5 => "SUN-SAT",
                _ => "1970-2100",
            };
            let shown = if i == 5 && offset == 1 {
                text.split_whitespace().nth(4).unwrap_or(f)
            } else {
                f
            };
            return Err(hint(
                usage(format!(
                    "cron expression {text:?}: invalid {name} {shown:?}"
                )),
                format!(
                    "the {name} takes {range}, `*`, lists (1,5), ranges (1-5) and steps (*/15)"
                ),
            ));
        }
    }
    Ok(())
}

/// Crontab's day-of-week field as the crate reads it: by name (names mean the same in both
/// dialects; numbers do not). `*` stays `*`.
fn crontab_days(field: &str) -> std::result::Result<String, String> {
    if field == "*" || field == "?" {
        return Ok("*".into());
    }
    let day = |s: &str| -> std::result::Result<u32, String> {
        if let Ok(n) = s.parse::<u32>() {
            return if n <= 7 {
                Ok(n % 7)
            } else {
                Err(format!("{n} is past 7"))
            };
        }
        DAYS.iter()
            .position(|d| d.eq_ignore_ascii_case(s))
            .map(|i| i as u32)
            .ok_or_else(|| format!("{s:?} is not a day (0-7 or SUN-SAT)"))
    };
    let mut set = BTreeSet::new();
    for item in field.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => (
                r,
                s.parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("step {s:?} is not a positive number"))?,
            ),
            None => (item, 1),
        };
        let (lo, hi) = if range == "*" {
            (0, 6)
        } else if let Some((a, b)) = range.split_once('-') {
            // 7 at the top of a range is Sunday at the end of the week: 5-7 is FRI-SUN.
            let hi = if b == "7" { 7 } else { day(b)? };
            (day(a)?, hi)
        } else if step > 1 {
            (day(range)?, 6) // `1/2`: from Monday to the end of the week
        } else {
            let d = day(range)?;
            (d, d)
        };
        if lo > hi {
            return Err(format!("range {range:?} goes backwards"));
        }
        set.extend((lo..=hi).step_by(step as usize).map(|d| d % 7));
    }
    Ok(set
        .iter()
        .map(|&d| DAYS[d as usize])
        .collect::<Vec<_>>()
        .join(","))
}

/// The values each field of one crate schedule allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub seconds: Vec<u32>,
    pub minutes: Vec<u32>,
    pub hours: Vec<u32>,
    pub days_of_month: Vec<u32>,
    pub months: Vec<u32>,
    /// 0 = Sunday … 6 = Saturday (crontab's numbering).
    pub days_of_week: Vec<u32>,
    pub years: Vec<u32>,
}

impl Parts {
    fn of(s: &Schedule) -> Parts {
        Parts {
            seconds: s.seconds().iter().collect(),
            minutes: s.minutes().iter().collect(),
            hours: s.hours().iter().collect(),
            days_of_month: s.days_of_month().iter().collect(),
            months: s.months().iter().collect(),
            // The crate's 1 = Sunday.
            days_of_week: s.days_of_week().iter().map(|d| d - 1).collect(),
            years: s.years().iter().collect(),
        }
    }

    fn day_words(&self) -> Option<String> {
        let dom = self.days_of_month.len() < 31;
        let dow = self.days_of_week.len() < 7;
        let weekdays = || {
            if self.days_of_week == [1, 2, 3, 4, 5] {
                "on weekdays".to_string()
            } else {
                let names: Vec<&str> = self
                    .days_of_week
                    .iter()
                    .map(|&d| DAY_WORDS[d as usize])
                    .collect();
                format!("on {}", names.join(", "))
            }
        };
        match (dom, dow) {
            (false, false) => None,
            (true, false) => Some(format!("on day {} of the month", list(&self.days_of_month))),
            (false, true) => Some(weekdays()),
            (true, true) => Some(format!(
                "on day {} of the month if it is {}",
                list(&self.days_of_month),
                &weekdays()[3..]
            )),
        }
    }

    fn month_words(&self) -> Option<String> {
        (self.months.len() < 12).then(|| {
            self.months
                .iter()
                .map(|&m| MONTH_WORDS[m as usize - 1])
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

/// The time of day in words.
fn time_words(p: &Parts) -> String {
    let every = |v: &[u32], max: u32| -> Option<u32> {
        // 0, n, 2n, … up to max: "every n".
        let n = *v.get(1)?;
        (v[0] == 0
            && v.len() as u32 == max.div_ceil(n)
            && v.iter().enumerate().all(|(i, &x)| x == i as u32 * n))
        .then_some(n)
    };
    let secs = match p.seconds.as_slice() {
        [0] => String::new(),
        s if s.len() == 60 => "every second".into(),
        s => match every(s, 60) {
            Some(n) => format!("every {n} seconds"),
            None => format!("at second {}", list(s)),
        },
    };
    let time = match (p.minutes.as_slice(), p.hours.as_slice()) {
        ([m], h) if h.len() <= 6 => {
            let times: Vec<String> = h.iter().map(|h| format!("{h:02}:{m:02}")).collect();
            format!("at {}", times.join(", "))
        }
        (m, h) if m.len() == 60 && h.len() == 24 => {
            if secs.is_empty() {
                "every minute".into()
            } else {
                String::new()
            }
        }
        ([m], h) if h.len() == 24 => format!("at minute {m} of every hour"),
        ([m], h) => match every(h, 24) {
            Some(n) => format!("at minute {m} of every {n} hours"),
            None => format!("at minute {m} of hours {}", list(h)),
        },
        (m, h) => {
            let mins = match every(m, 60) {
                Some(n) => format!("every {n} minutes"),
                None if m.len() == 60 => "every minute".into(),
                None => format!("at minutes {}", list(m)),
            };
            if h.len() == 24 {
                mins
            } else {
                format!("{mins} of hours {}", list(h))
            }
        }
    };
    match (secs.is_empty(), time.is_empty()) {
        (true, _) => time,
        (false, true) => secs,
        (false, false) => format!("{secs}, {time}"),
    }
}

/// `1, 5, 10-12`: a sorted list with runs of three or more as ranges.
fn list(v: &[u32]) -> String {
    runs(v, "-", 0).join(", ")
}

/// A sorted list's values, runs of three or more as one `FIRST{sep}LAST` item, each number
/// zero-padded to `pad` digits.
pub(crate) fn runs(v: &[u32], sep: &str, pad: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j + 1 < v.len() && v[j + 1] == v[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("{:0pad$}{sep}{:0pad$}", v[i], v[j]));
        } else {
            out.extend(v[i..=j].iter().map(|x| format!("{x:0pad$}")));
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests;
