//! Sizes on the command line, written the way PostgreSQL prints them (`16MB`, `1GB`), and
//! printed back for people.

/// Bytes: a number, or a number with PostgreSQL's size units (`kB`, `MB`, `GB`, `TB`, any case;
/// 1024 each).
pub fn parse(s: &str) -> Result<f64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("expected a size such as 16MB or 1GB, got {s:?}"))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" | "bytes" => 1.0,
        "kb" => 1024.0,
        "mb" => 1024.0 * 1024.0,
        "gb" => 1024.0 * 1024.0 * 1024.0,
        "tb" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "unknown size unit {other:?} in {s:?}: use kB, MB, GB or TB"
            ))
        }
    };
    Ok(n * factor)
}

/// `1.0 GB`, `350 MB`, `12 kB` (1024 each, PostgreSQL's units).
pub fn pretty(bytes: f64) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB"];
    let mut v = bytes;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 || v >= 100.0 || (v - v.round()).abs() < 0.05 {
        format!("{v:.0} {}", units[u])
    } else {
        format!("{v:.1} {}", units[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)] // exact: small integers times powers of two
    fn sizes_read_and_print_as_postgresql_writes_them() {
        assert_eq!(parse("1GB").unwrap(), 1024.0 * 1024.0 * 1024.0);
        assert_eq!(parse("512 kB").unwrap(), 512.0 * 1024.0);
        assert!(parse("1 GiB").is_err());
        assert_eq!(pretty(1.5 * 1024.0 * 1024.0 * 1024.0), "1.5 GB");
        assert_eq!(pretty(350.0 * 1024.0 * 1024.0), "350 MB");
        assert_eq!(pretty(12.0), "12 bytes");
        assert_eq!(pretty(1024.0), "1 kB");
    }
}
