//! Durations on the command line, written the way PostgreSQL settings are (`500ms`, `5s`,
//! `2min`, `1h`), parsed for clap and printed back for `SET`.

use std::time::Duration;

/// The longest duration accepted: PostgreSQL's time settings (`lock_timeout`,
/// `statement_timeout`) are 32-bit milliseconds, about 24.8 days.
pub const MAX: Duration = Duration::from_millis(i32::MAX as u64);

/// Parses `500ms`, `5s`, `2min`, `1h`, `1d`, at most [`MAX`]. For clap's `value_parser`, so
/// that a value the server would refuse is a usage error before anything runs.
///
/// A bare number other than 0 is refused: PostgreSQL reads `lock_timeout = 3` as 3 ms, a
/// person often means 3 s, and `--retention 90` is refused for the same reason.
pub fn parse(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("invalid duration \"{s}\": expected e.g. 500ms, 5s, 2min, 1h"))?;
    let factor = match unit.trim() {
        "" if value == 0.0 => 1.0,
        "" => {
            return Err(format!(
                "duration \"{s}\" has no unit (PostgreSQL would read it as milliseconds, \
                 a person often means seconds)\nhint: add a unit: {num}ms, {num}s, {num}min"
            ))
        }
        "ms" => 0.001,
        "s" | "sec" => 1.0,
        "min" | "m" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        other => {
            return Err(format!(
                "invalid duration unit \"{other}\" in \"{s}\": use ms, s, min, h or d"
            ))
        }
    };
    let secs = value * factor;
    if !secs.is_finite() || secs > MAX.as_secs_f64() {
        return Err(format!(
            "duration \"{s}\" is too long: at most {} ms (about 24 days), PostgreSQL's limit",
            MAX.as_millis()
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// The value of a PostgreSQL time setting in milliseconds (`SET lock_timeout = '5000ms'`).
/// PostgreSQL reads 0 as "no limit"; a nonzero duration below 1 ms is rounded up to 1 ms.
pub fn pg_setting(d: Duration) -> String {
    let ms = d.as_millis();
    if ms == 0 && !d.is_zero() {
        "1ms".to_string()
    } else {
        format!("{ms}ms")
    }
}

/// A short human form: `800 ms`, `5 s`, `2 min`, `1 h`.
pub fn human(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 || !ms.is_multiple_of(1000) {
        format!("{ms} ms")
    } else if ms.is_multiple_of(3_600_000) {
        format!("{} h", ms / 3_600_000)
    } else if ms.is_multiple_of(60_000) {
        format!("{} min", ms / 60_000)
    } else {
        format!("{} s", ms / 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_postgres_style_durations() {
        assert_eq!(parse("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("5s"), Ok(Duration::from_secs(5)));
        assert!(parse("5").unwrap_err().contains("no unit"));
        assert!(parse("5")
            .unwrap_err()
            .contains("hint: add a unit: 5ms, 5s, 5min"));
        assert_eq!(parse("2min"), Ok(Duration::from_secs(120)));
        assert_eq!(parse("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse("0"), Ok(Duration::ZERO));
        assert!(parse("5 parsecs").is_err());
        assert!(parse("s").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn longer_than_postgres_takes_is_refused() {
        assert!(parse("30d").unwrap_err().contains("too long"));
        assert!(parse("2147484s").is_err());
        assert!(parse("2147484").unwrap_err().contains("no unit"));
        assert_eq!(parse("24d"), Ok(Duration::from_secs(24 * 86400)));
        assert_eq!(parse("2147483647ms"), Ok(MAX));
        assert!(parse("2147483648ms").is_err());
        assert_eq!(pg_setting(parse("2147483647ms").unwrap()), "2147483647ms");
    }

    #[test]
    fn prints_back() {
        assert_eq!(pg_setting(Duration::from_secs(5)), "5000ms");
        assert_eq!(pg_setting(Duration::ZERO), "0ms");
        assert_eq!(pg_setting(Duration::from_micros(10)), "1ms");
        assert_eq!(human(Duration::from_secs(3600)), "1 h");
        assert_eq!(human(Duration::from_secs(60)), "1 min");
        assert_eq!(human(Duration::from_secs(5)), "5 s");
        assert_eq!(human(Duration::from_millis(1500)), "1500 ms");
    }
}
