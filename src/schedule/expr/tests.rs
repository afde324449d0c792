use super::*;
use chrono::{Datelike, Weekday};
use chrono_tz::Europe::Paris;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn runs(expr: &str, tz: chrono_tz::Tz, from: &str, n: usize) -> Vec<String> {
    Expr::parse(expr)
        .unwrap()
        .upcoming(&tz, at(from), n)
        .iter()
        .map(DateTime::to_rfc3339)
        .collect()
}

fn err(expr: &str) -> String {
    let e = Expr::parse(expr).unwrap_err();
    assert_eq!(
        crate::error::exit_code(&e),
        crate::error::USAGE,
        "a usage error: {e:#}"
    );
    assert!(crate::error::hint_of(&e).is_some(), "{e:#}");
    format!("{e:#}")
}

#[test]
fn crontab_day_numbers_are_crontabs_not_the_crates() {
    // 2026-12-06 is a Sunday.
    let monday = Expr::parse("0 3 * * 1").unwrap();
    let next = monday
        .next_after(&chrono_tz::UTC, at("2026-12-06T00:00:00Z"))
        .unwrap();
    assert_eq!(next, at("2026-12-07T03:00:00Z"));
    assert_eq!(next.weekday(), Weekday::Mon);
    for sunday in ["0 3 * * 0", "0 3 * * 7", "0 3 * * SUN", "0 3 * * sun"] {
        let e = Expr::parse(sunday).unwrap();
        assert_eq!(
            e.next_after(&chrono_tz::UTC, at("2026-12-01T00:00:00Z")),
            Some(at("2026-12-06T03:00:00Z")),
            "{sunday}"
        );
    }
    // Ranges and steps: 5-7 is Friday to Sunday, */2 is Sunday, Tuesday, Thursday, Saturday.
    assert_eq!(crontab_days("5-7").unwrap(), "SUN,FRI,SAT");
    assert_eq!(crontab_days("*/2").unwrap(), "SUN,TUE,THU,SAT");
    assert_eq!(crontab_days("1-5").unwrap(), "MON,TUE,WED,THU,FRI");
    assert_eq!(crontab_days("MON-WED,0").unwrap(), "SUN,MON,TUE,WED");
    assert_eq!(
        Expr::parse("0 9 * * 1-5").unwrap().describe(),
        "at 09:00 on weekdays"
    );
}

#[test]
fn both_day_fields_restricted_means_either_as_in_crontab() {
    // The 1st of the month, and every Monday (the crate alone would want a Monday the 1st).
    assert_eq!(
        runs("0 0 1 * 1", chrono_tz::UTC, "2026-12-06T00:00:00Z", 6),
        [
            "2026-12-07T00:00:00+00:00",
            "2026-12-14T00:00:00+00:00",
            "2026-12-21T00:00:00+00:00",
            "2026-12-28T00:00:00+00:00",
            "2027-01-01T00:00:00+00:00",
            "2027-01-04T00:00:00+00:00",
        ]
    );
    assert_eq!(
        Expr::parse("0 0 1 * 1").unwrap().describe(),
        "at 00:00 on day 1 of the month or on Monday"
    );
    // A day field starting with `*` is not restricted: ANDed, as Vixie does (days 1, 11, 21,
    // 31 that are Mondays).
    assert_eq!(
        runs("0 0 */10 * 1", chrono_tz::UTC, "2026-12-06T00:00:00Z", 2),
        ["2026-12-21T00:00:00+00:00", "2027-01-11T00:00:00+00:00"]
    );
}

#[test]
fn six_and_seven_fields_take_seconds_and_days_by_name() {
    assert_eq!(
        runs("*/20 * * * * *", chrono_tz::UTC, "2026-12-06T10:00:05Z", 3),
        [
            "2026-12-06T10:00:20+00:00",
            "2026-12-06T10:00:40+00:00",
            "2026-12-06T10:01:00+00:00"
        ]
    );
    assert_eq!(
        runs(
            "0 30 4 * * MON 2027",
            chrono_tz::UTC,
            "2026-12-06T00:00:00Z",
            1
        ),
        ["2027-01-04T04:30:00+00:00"]
    );
    let e = err("0 0 3 * * 1");
    assert!(e.contains("day of week \"1\""), "{e}");
    assert!(e.contains("by name"), "{e}");
}

#[test]
fn errors_name_the_field() {
    for (expr, says) in [
        ("61 * * * *", "invalid minute \"61\""),
        ("* 24 * * *", "invalid hour \"24\""),
        ("* * 0 * *", "invalid day of month \"0\""),
        ("* * * 13 *", "invalid month \"13\""),
        ("* * * FOO *", "invalid month \"FOO\""),
        ("* * * * 8", "day of week \"8\": 8 is past 7"),
        ("* * * * MOO", "day of week \"MOO\""),
        ("* * * * 5-1", "goes backwards"),
        ("60 * * * * *", "invalid second \"60\""),
        ("0 0 0 * * * 1900", "invalid year \"1900\""),
        ("* * * *", "4 fields"),
        ("", "0 fields"),
    ] {
        let e = err(expr);
        assert!(e.contains(says), "{expr}: {e}");
    }
}

#[test]
fn an_expression_that_never_fires_is_refused() {
    for expr in [
        "0 0 30 2 *",
        "0 0 31 4 *",
        "0 0 0 31 2 *",
        "0 0 0 1 1 * 2020",
    ] {
        let e = err(expr);
        assert!(e.contains("never fires"), "{expr}: {e}");
    }
    // 29 February fires, every four years.
    assert_eq!(
        runs("0 0 29 2 *", chrono_tz::UTC, "2026-12-06T00:00:00Z", 1),
        ["2028-02-29T00:00:00+00:00"]
    );
}

#[test]
fn spring_gap_runs_once_after_it_and_autumn_overlap_once() {
    // Paris, 2027-03-28: 02:00 CET becomes 03:00 CEST. A 02:30 job runs at 03:00 CEST.
    assert_eq!(
        runs("30 2 * * *", Paris, "2027-03-27T12:00:00Z", 2),
        ["2027-03-28T01:00:00+00:00", "2027-03-29T00:30:00+00:00"]
    );
    // An interval job goes on in real time, without a double run at the end of the gap.
    assert_eq!(
        runs("*/30 * * * *", Paris, "2027-03-28T00:00:00Z", 3),
        [
            "2027-03-28T00:30:00+00:00",
            "2027-03-28T01:00:00+00:00",
            "2027-03-28T01:30:00+00:00"
        ]
    );
    // 2027-10-31: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, the job runs once.
    assert_eq!(
        runs("30 2 * * *", Paris, "2027-10-30T12:00:00Z", 2),
        ["2027-10-31T00:30:00+00:00", "2027-11-01T01:30:00+00:00"]
    );
    // Never backwards, whatever the start.
    let e = Expr::parse("*/15 * * * *").unwrap();
    let list = e.upcoming(&Paris, at("2027-10-30T23:00:00Z"), 20);
    assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
}

#[test]
fn in_words() {
    for (expr, words) in [
        ("0 1 * * *", "at 01:00 every day"),
        ("30 1 * * *", "at 01:30 every day"),
        ("*/5 * * * *", "every 5 minutes"),
        ("* * * * *", "every minute"),
        (
            "0 */4 * * *",
            "at 00:00, 04:00, 08:00, 12:00, 16:00, 20:00 every day",
        ),
        ("0 0,12 * * *", "at 00:00, 12:00 every day"),
        ("15 * * * *", "at minute 15 of every hour"),
        ("0 3 1 * *", "at 03:00 on day 1 of the month"),
        (
            "0 3 * 1-3 SUN",
            "at 03:00 on Sunday in January, February, March",
        ),
        ("* * * * * *", "every second"),
        ("*/10 * * * * *", "every 10 seconds"),
    ] {
        assert_eq!(Expr::parse(expr).unwrap().describe(), words, "{expr}");
    }
}

#[test]
fn list_shows_runs_as_ranges() {
    assert_eq!(list(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7, 8");
}

#[test]
fn crontab_nicknames_are_their_five_fields() {
    for (nick, fields) in [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        (" @Midnight ", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
    ] {
        let from = "2026-12-06T10:17:00+01:00";
        assert_eq!(
            runs(nick, Paris, from, 3),
            runs(fields, Paris, from, 3),
            "{nick}"
        );
        assert_eq!(Expr::parse(nick).unwrap().text(), fields);
    }
    assert!(err("@reboot").contains("unknown nickname @reboot"));
    assert!(err("@often").contains("@often"));
    assert!(err("daily").ends_with("\"daily\": 1 field"));
    let e = Expr::parse("daily").unwrap_err();
    assert!(crate::error::hint_of(&e).unwrap().contains("@daily"));
}
