//! The timetable for other schedulers: crontab lines and systemd units that fire at the
//! instants `schedule run` would (or a refusal naming what the target cannot express).
//! Pure text from the timetable; the command prints or writes it.
//!
//! - crontab: a minute's resolution, no years, the day fields ORed when both are restricted;
//!   the connection comes from an environment file (`DATABASE_URL` without a password, and
//!   `PGPASSFILE`), overlap is prevented with `flock -n` (and across hosts by promail's own
//!   locks), output goes to `logger` (syslog) or a log file.
//! - systemd: `OnCalendar=` built from the sets each field allows, so the translation is exact
//!   (a union of two when crontab ORs the day fields); `Type=oneshot`, which never overlaps
//!   itself; `Persistent=true` (one catch-up run after downtime) except for the health check.

use std::fmt::Write as _;

use crate::output::sh_quote;
use crate::schedule::expr::{Expr, Parts};
use crate::schedule::timetable::Job;

/// Settings shared by both emitters.
#[derive(Debug, Clone)]
pub struct Target {
    /// The promail binary, absolute.
    pub binary: String,
    /// The environment file with the connection (never a password).
    pub env_file: String,
    /// The time zone of the timetable.
    pub zone: String,
    /// Where the database is, masked, for the header.
    pub source: String,
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// A job's five crontab fields, or why crontab cannot express it.
pub fn crontab_fields(expr: &Expr) -> Result<String, String> {
    if !expr.with_seconds {
        return Ok(expr.text().to_string());
    }
    let parts = expr.parts();
    let p = &parts[0];
    if p.seconds != [0] {
        return Err(
            "it fires at seconds other than :00, and crontab's resolution is a minute".into(),
        );
    }
    if p.years.len() < (1970..=2100).count() {
        return Err("it names years, which crontab has no field for".into());
    }
    let dom = p.days_of_month.len() < 31;
    let dow = p.days_of_week.len() < 7;
    if dom && dow {
        return Err(
            "it wants a day of the month that is also a given weekday, and crontab runs on either"
                .into(),
        );
    }
    Ok(format!(
        "{} {} {} {} {}",
        values(&p.minutes, 60, "-", 0),
        values(&p.hours, 24, "-", 0),
        values(&p.days_of_month, 31, "-", 0),
        values(&p.months, 12, "-", 0),
        if dow {
            p.days_of_week
                .iter()
                .map(|&d| DAY_NAMES[d as usize].to_uppercase())
                .collect::<Vec<_>>()
                .join(",")
        } else {
            "*".into()
        }
    ))
}

/// `*` for a full set, else the values with runs of three or more as `a{sep}b`.
fn values(v: &[u32], full: usize, sep: &str, pad: usize) -> String {
    if v.len() == full {
        return "*".into();
    }
    crate::schedule::expr::runs(v, sep, pad).join(",")
}

/// A job's `OnCalendar=` values: one per schedule of the union.
pub fn on_calendar(expr: &Expr, zone: &str) -> Vec<String> {
    expr.parts().iter().map(|p| calendar_of(p, zone)).collect()
}

fn calendar_of(p: &Parts, zone: &str) -> String {
    let mut s = String::new();
    if p.days_of_week.len() < 7 {
        let days: Vec<&str> = p
            .days_of_week
            .iter()
            .map(|&d| DAY_NAMES[d as usize])
            .collect();
        let _ = write!(s, "{} ", days.join(","));
    }
    let years = if p.years.len() == (1970..=2100).count() {
        "*".to_string()
    } else {
        values(&p.years, 0, "..", 4)
    };
    let _ = write!(
        s,
        "{years}-{}-{} {}:{}:{} {zone}",
        values(&p.months, 12, "..", 2),
        values(&p.days_of_month, 31, "..", 2),
        values(&p.hours, 24, "..", 2),
        values(&p.minutes, 60, "..", 2),
        values(&p.seconds, 60, "..", 2),
    );
    s
}

/// Where crontab output goes.
#[derive(Debug, Clone)]
pub enum CronLog {
    /// `logger -t promail-JOB` (syslog)
    Syslog,
    /// Appended to one file
    File(String),
}

/// The crontab text, or the jobs crontab cannot express and why.
pub fn crontab(
    jobs: &[Job],
    t: &Target,
    log: &CronLog,
    lock_dir: &str,
) -> Result<String, Vec<String>> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# promail maintenance timetable, from promail.schedule_job on {}",
        t.source
    );
    let _ = writeln!(
        out,
        "# {} holds the connection: DATABASE_URL without a password,\n\
         # and PGPASSFILE naming a pgpass file of mode 0600 (never a password in this file).\n\
         # Overlapping runs are prevented by flock here and by promail's locks across hosts.",
        t.env_file
    );
    let _ = writeln!(
        out,
        "# Times are in the timetable's zone, {}: cronie reads CRON_TZ;\n\
         # other crons use the machine's zone, which must then be {}.",
        t.zone, t.zone
    );
    let _ = writeln!(out, "CRON_TZ={}", t.zone);
    let mut refused = Vec::new();
    for j in jobs {
        let expr = match Expr::parse(&j.expr) {
            Ok(e) => e,
            Err(e) => {
                refused.push(format!("{}: {e:#}", j.name));
                continue;
            }
        };
        let fields = match crontab_fields(&expr) {
            Ok(f) => f,
            Err(why) if !j.enabled => {
                let _ = writeln!(
                    out,
                    "# {} (disabled): crontab cannot express {:?}: {why}",
                    j.name, j.expr
                );
                continue;
            }
            Err(why) => {
                refused.push(format!("{} ({:?}): {why}", j.name, j.expr));
                continue;
            }
        };
        let args: Vec<String> = j.args.iter().map(|a| sh_quote(a)).collect();
        let sink = match log {
            CronLog::Syslog => format!("2>&1 | logger -t promail-{}", j.name),
            CronLog::File(f) => format!(">> {} 2>&1", sh_quote(f)),
        };
        let line = format!(
            "{fields} set -a; . {}; set +a; flock -n {}/promail-{}.lock {} {} {sink}",
            sh_quote(&t.env_file),
            sh_quote(lock_dir),
            j.name,
            sh_quote(&t.binary),
            args.join(" "),
        )
        // cron turns % into a newline
        .replace('%', "\\%");
        let _ = writeln!(out, "# {}: {}", j.name, expr.describe());
        if j.enabled {
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(out, "# (disabled) {line}");
        }
    }
    if refused.is_empty() {
        Ok(out)
    } else {
        Err(refused)
    }
}

/// One unit file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub name: String,
    pub text: String,
}

/// A word for systemd's ExecStart: as is when plain, else double-quoted; `%` doubled.
fn unit_quote(w: &str) -> String {
    let w = w.replace('%', "%%");
    if !w.is_empty()
        && !w
            .chars()
            .any(|c| c.is_whitespace() || "\"'\\;$".contains(c))
    {
        w
    } else {
        format!("\"{}\"", w.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The `.service` and `.timer` of every enabled job (disabled jobs get none), or the jobs whose
/// expression is invalid.
pub fn systemd(jobs: &[Job], t: &Target) -> Result<Vec<Unit>, Vec<String>> {
    let mut units = Vec::new();
    let mut refused = Vec::new();
    for j in jobs.iter().filter(|j| j.enabled) {
        let expr = match Expr::parse(&j.expr) {
            Ok(e) => e,
            Err(e) => {
                refused.push(format!("{}: {e:#}", j.name));
                continue;
            }
        };
        let exec: Vec<String> = std::iter::once(t.binary.as_str())
            .chain(j.args.iter().map(String::as_str))
            .map(unit_quote)
            .collect();
        let service = format!(
            "# promail job {name}, from promail.schedule_job on {source}\n\
             [Unit]\n\
             Description=promail {name}: {cmd}\n\
             Wants=network-online.target\n\
             After=network-online.target\n\
             \n\
             [Service]\n\
             Type=oneshot\n\
             # The connection: DATABASE_URL without a password and PGPASSFILE (mode 0600).\n\
             EnvironmentFile={env}\n\
             ExecStart={exec}\n\
             # Oneshot units never overlap themselves; promail's locks keep other hosts out.\n\
             TimeoutStartSec=12h\n\
             SyslogIdentifier=promail-{name}\n",
            name = j.name,
            source = t.source,
            cmd = j.args.join(" "),
            env = t.env_file,
            exec = exec.join(" "),
        );
        let mut timer = format!(
            "# promail job {name}: {expr} ({words}, {zone})\n\
             # A time in the spring daylight-saving gap does not fire under systemd (promail\n\
             # schedule run runs it right after the gap).\n\
             [Unit]\n\
             Description=promail {name}: {words}\n\
             \n\
             [Timer]\n",
            name = j.name,
            expr = j.expr,
            words = expr.describe(),
            zone = t.zone,
        );
        for c in on_calendar(&expr, &t.zone) {
            let _ = writeln!(timer, "OnCalendar={c}");
        }
        let _ = write!(
            timer,
            "AccuracySec=1s\n\
             # Catch up once after downtime{}.\n\
             Persistent={}\n\
             \n\
             [Install]\n\
             WantedBy=timers.target\n",
            if j.name == "check" {
                ": not for the health check, whose old slots mean nothing"
            } else {
                ""
            },
            j.name != "check"
        );
        units.push(Unit {
            name: format!("promail-{}.service", j.name),
            text: service,
        });
        units.push(Unit {
            name: format!("promail-{}.timer", j.name),
            text: timer,
        });
    }
    if refused.is_empty() {
        Ok(units)
    } else {
        Err(refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crontab_fields_keep_five_and_translate_six_or_refuse() {
        let f = |s: &str| crontab_fields(&Expr::parse(s).unwrap());
        assert_eq!(f("*/5 * * * 1").unwrap(), "*/5 * * * 1");
        assert_eq!(
            f("0 30 1 * * MON-FRI").unwrap(),
            "30 1 * * MON,TUE,WED,THU,FRI"
        );
        assert_eq!(f("0 0 */4 1,15 * *").unwrap(), "0 0,4,8,12,16,20 1,15 * *");
        assert!(f("*/10 * * * * *")
            .unwrap_err()
            .contains("resolution is a minute"));
        assert!(f("0 0 0 * * * 2027").unwrap_err().contains("years"));
        assert!(f("0 0 0 13 * FRI")
            .unwrap_err()
            .contains("crontab runs on either"));
    }

    #[test]
    fn on_calendar_is_exact_and_a_union_when_crontab_ors_the_days() {
        let c = |s: &str| on_calendar(&Expr::parse(s).unwrap(), "Europe/Paris");
        assert_eq!(c("0 1 * * *"), ["*-*-* 01:00:00 Europe/Paris"]);
        assert_eq!(
            c("*/5 * * * *"),
            ["*-*-* *:00,05,10,15,20,25,30,35,40,45,50,55:00 Europe/Paris"]
        );
        assert_eq!(
            c("0 */4 * * *"),
            ["*-*-* 00,04,08,12,16,20:00:00 Europe/Paris"]
        );
        assert_eq!(
            c("0 0 1 * 1"),
            [
                "*-*-01 00:00:00 Europe/Paris",
                "Mon *-*-* 00:00:00 Europe/Paris"
            ]
        );
        assert_eq!(
            c("0 3 * 1-3 5-7"),
            ["Sun,Fri,Sat *-01..03-* 03:00:00 Europe/Paris"]
        );
        assert_eq!(c("*/20 * * * * *"), ["*-*-* *:*:00,20,40 Europe/Paris"]);
        assert_eq!(
            c("0 0 0 1 1 * 2027-2029"),
            ["2027..2029-01-01 00:00:00 Europe/Paris"]
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(sh_quote("--keep-days"), "--keep-days");
        assert_eq!(sh_quote("a b"), "'a b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(unit_quote("50%"), "50%%");
        assert_eq!(unit_quote("a b"), "\"a b\"");
    }
}
