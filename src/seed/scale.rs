//! How big a seed is: the sizes `--size` and `--log-rows` set from the per-user averages and
//! the bytes a row takes, the refusals of sizes that cannot be seeded (before anything is
//! written), and the estimate a large run announces.

use anyhow::Result;

use super::gen::{self, Sizes};
use super::TABLES;
use crate::error::hint;

/// The most users a run adds (as `--users` allows).
pub const MAX_USERS: u32 = 10_000_000;

/// Estimated rows and bytes past which a run is announced with its estimate.
pub const ANNOUNCE_BYTES: f64 = 10.0 * 1024.0 * 1024.0 * 1024.0;

/// Rows per second of the e-mails and templates, whose French full-text GIN indexes are most
/// of a seed's time (the default seed of 10,000 users: 230 k of them, 12.8 s of index build;
/// docs/BENCHMARKS.md), for the estimate of a large run.
const TEXT_ROWS_PER_SECOND: f64 = 18_000.0;

/// Rows per second of the other tables, log rows mostly (100 M login rows: 214 s of COPY and
/// about 80 s of index build, docs/BENCHMARKS.md).
const OTHER_ROWS_PER_SECOND: f64 = 340_000.0;

/// The most of any per-user average (`--logins-per-user` and the others accept 0 to this).
pub const MAX_PER_USER: f64 = 10_000.0;

/// `sizes` with `--size` and `--log-rows` applied: the number of users that reaches `size`
/// bytes, the logins per user that reach `log_rows`. Usage errors (one line, with a hint) for a
/// size below one user's data, more users than [`MAX_USERS`], and expected rows past a table's
/// int4 ids. Returns the sizes and the estimated bytes.
pub fn scale(
    mut sizes: Sizes,
    size: Option<f64>,
    log_rows: Option<u64>,
    analytics_share: f64,
) -> Result<(Sizes, f64)> {
    let login_bytes = gen::ROW_BYTES[5];
    if let Some(target) = size {
        let mut per_user = sizes.bytes_per_user(analytics_share);
        let mut budget = target;
        if let Some(n) = log_rows {
            per_user -= sizes.logins_per_user * login_bytes;
            budget -= n as f64 * login_bytes;
        }
        let users = (budget / per_user).floor();
        if users < 1.0 {
            return Err(hint(
                crate::error::usage(format!(
                    "--size {} is less than one user's data with these averages (about {} each{})",
                    crate::size::pretty(target),
                    crate::size::pretty(per_user),
                    if log_rows.is_some() {
                        ", after the --log-rows"
                    } else {
                        ""
                    }
                )),
                "give a larger --size, or --users N",
            ));
        }
        if users > f64::from(MAX_USERS) {
            return Err(hint(
                crate::error::usage(format!(
                    "--size {} needs about {users:.0} users with these averages, more than the {MAX_USERS} a run adds",
                    crate::size::pretty(target)
                )),
                "raise the per-user averages (--emails-per-user, --logins-per-user), or seed in several runs with --append",
            ));
        }
        sizes.users = users as u32;
    }
    if let Some(n) = log_rows {
        sizes.logins_per_user = n as f64 / f64::from(sizes.users);
        // The same bound as --logins-per-user: one user's logins are generated at once.
        if sizes.logins_per_user > MAX_PER_USER {
            return Err(hint(
                crate::error::usage(format!(
                    "--log-rows {n} over {} users is {:.0} logins each, more than the {MAX_PER_USER:.0} a user may have",
                    sizes.users, sizes.logins_per_user
                )),
                format!(
                    "seed more users (--users {}, or --size), or fewer --log-rows",
                    (n as f64 / MAX_PER_USER).ceil()
                ),
            ));
        }
    }
    let rows = sizes.rows_per_user(analytics_share);
    let users = f64::from(sizes.users);
    for (k, table) in TABLES.iter().enumerate().take(5) {
        let expected = rows[k] * users;
        if expected > f64::from(i32::MAX) {
            return Err(hint(
                crate::error::usage(format!(
                    "about {expected:.0} rows of {table} would overflow its int4 ids (at most {})",
                    i32::MAX
                )),
                "seed fewer users or lower the per-user averages",
            ));
        }
    }
    Ok((sizes, users * sizes.bytes_per_user(analytics_share)))
}

/// The line announcing a large run: its estimated size, rows and time.
pub fn announce(sizes: &Sizes, analytics_share: f64, bytes: f64) -> String {
    let per_user = sizes.rows_per_user(analytics_share);
    let users = f64::from(sizes.users);
    let rows: f64 = per_user.iter().sum::<f64>() * users;
    // emails and templates (TABLES[2], TABLES[3]) at their rate, the rest at its own.
    let text = (per_user[2] + per_user[3]) * users;
    let secs = text / TEXT_ROWS_PER_SECOND + (rows - text) / OTHER_ROWS_PER_SECOND;
    let time = if secs >= 5400.0 {
        format!("{:.1} h", secs / 3600.0)
    } else {
        format!("{:.0} min", (secs / 60.0).round().max(1.0))
    };
    format!(
        "seeding about {} ({:.0} M rows, {} users): about {time} on a quiet server; Ctrl-C rolls it all back",
        crate::size::pretty(bytes),
        rows / 1e6,
        sizes.users,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults(users: u32) -> Sizes {
        Sizes::defaults(users)
    }

    #[test]
    fn size_sets_the_users_and_log_rows_the_logins() {
        let gib = 1024.0 * 1024.0 * 1024.0;
        let (sized, bytes) = scale(defaults(1000), Some(gib), None, 0.46).unwrap();
        assert!((30_000..36_000).contains(&sized.users), "{}", sized.users);
        assert!((bytes / gib - 1.0).abs() < 0.01, "{bytes}");
        let (s, _) = scale(defaults(10_000), None, Some(100_000_000), 0.46).unwrap();
        assert_eq!(s.users, 10_000);
        assert!((s.logins_per_user - 10_000.0).abs() < 1e-9);
        // More logins per user than --logins-per-user allows: refused, naming the users needed.
        let e = scale(defaults(1000), None, Some(100_000_000), 0.46).unwrap_err();
        let e = format!("{e:#}");
        assert!(e.contains("100000 logins each"), "{e}");
        // Both: the logins take their share of the size first (more of them than the default
        // 25 per user: fewer users).
        let (s, bytes) = scale(defaults(1000), Some(gib), Some(1_000_000), 0.46).unwrap();
        assert!((bytes / gib - 1.0).abs() < 0.01, "{bytes}");
        assert!(s.users < sized.users, "{} {}", s.users, sized.users);
        assert!((f64::from(s.users) * s.logins_per_user - 1e6).abs() < 1.0);
    }

    #[test]
    fn sizes_that_cannot_be_seeded_are_refused() {
        let small = scale(defaults(1000), Some(1024.0), None, 1.0).unwrap_err();
        assert!(
            format!("{small}").contains("less than one user's data"),
            "{small}"
        );
        let huge = scale(defaults(1000), Some(1e15), None, 1.0).unwrap_err();
        assert!(
            format!("{huge}").contains("more than the 10000000"),
            "{huge}"
        );
        let mut s = defaults(10_000_000);
        s.emails_per_user = 1000.0;
        let ids = scale(s, None, None, 1.0).unwrap_err();
        assert!(
            format!("{ids}").contains("rows of emails would overflow"),
            "{ids}"
        );
        let line = announce(&defaults(1_000_000), 1.0, 40.0 * 1024.0 * 1024.0 * 1024.0);
        assert!(
            line.contains("about 40 GB") && line.contains("Ctrl-C"),
            "{line}"
        );
        // The two runs measured: 100 M login rows took 5 min (302 s); the default seed of
        // 10,000 users 16-18 s, most of it the e-mails' full-text index.
        let (logs, _) = scale(defaults(10_000), None, Some(100_000_000), 0.46).unwrap();
        let line = announce(&logs, 0.46, 0.0);
        assert!(line.contains("about 5 min"), "{line}");
        let line = announce(&defaults(10_000), 0.46, 0.0);
        assert!(line.contains("about 1 min"), "{line}");
    }
}
