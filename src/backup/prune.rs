//! The prune plan: which backups to delete under a policy (keep the newest N and/or those of
//! the last D days, per kind), as a pure function of the backups found and the time, so it is
//! tested without a database or files. Safety rules: the newest backup of a kind is always
//! kept; when it is bad (fails verification), nothing of that kind is deleted, since the older
//! ones may be the only good copies.

use chrono::{DateTime, Duration, Utc};

use super::Kind;

/// How many to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    /// The newest N of each kind.
    pub keep: Option<usize>,
    /// Those started within the last D days.
    pub keep_days: Option<u32>,
}

/// A backup as the planner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub kind: Kind,
    pub time: DateTime<Utc>,
    /// For the newest of its kind: None when it verified, else the problem. Unused for others.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Keep(String),
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub kind: Kind,
    pub time: DateTime<Utc>,
    pub action: Action,
}

/// The plan: one step per backup, newest first within each kind (full, then critical).
/// `backups` of one kind must come oldest first, as `scan` lists them, with the newest's
/// `problem` filled in.
pub fn plan(backups: &[Candidate], policy: Policy, now: DateTime<Utc>) -> Vec<Step> {
    let mut steps = Vec::new();
    for kind in [Kind::Full, Kind::Critical] {
        let mut of_kind: Vec<&Candidate> = backups.iter().filter(|b| b.kind == kind).collect();
        of_kind.reverse();
        let Some(newest) = of_kind.first() else {
            continue;
        };
        let blocked = newest.problem.clone();
        for (i, b) in of_kind.iter().enumerate() {
            let action = if i == 0 {
                match &b.problem {
                    None => Action::Keep("newest, verified".to_string()),
                    Some(p) => Action::Keep(format!("newest, BAD: {p}")),
                }
            } else if blocked.is_some() {
                Action::Keep(format!(
                    "the newest {} backup is bad: nothing deleted",
                    kind.as_str()
                ))
            } else if policy.keep.is_some_and(|n| i < n) {
                Action::Keep(format!("among the newest {}", policy.keep.unwrap_or(0)))
            } else if policy
                .keep_days
                .is_some_and(|d| now - b.time < Duration::days(i64::from(d)))
            {
                Action::Keep(format!("within {} days", policy.keep_days.unwrap_or(0)))
            } else {
                Action::Delete
            };
            steps.push(Step {
                name: b.name.clone(),
                kind,
                time: b.time,
                action,
            });
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, d, 2, 0, 0).unwrap()
    }

    fn c(kind: Kind, d: u32) -> Candidate {
        Candidate {
            name: format!("{}_{d}", kind.prefix()),
            kind,
            time: day(d),
            problem: None,
        }
    }

    fn deleted(steps: &[Step]) -> Vec<&str> {
        steps
            .iter()
            .filter(|s| s.action == Action::Delete)
            .map(|s| s.name.as_str())
            .collect()
    }

    #[test]
    fn keep_n_per_kind() {
        let list = [
            c(Kind::Full, 1),
            c(Kind::Critical, 1),
            c(Kind::Full, 2),
            c(Kind::Full, 3),
        ];
        let p = plan(
            &list,
            Policy {
                keep: Some(2),
                keep_days: None,
            },
            day(10),
        );
        assert_eq!(deleted(&p), ["promail_1"]);
        let p = plan(
            &list,
            Policy {
                keep: Some(0),
                keep_days: None,
            },
            day(10),
        );
        // The newest good one of each kind stays whatever the policy says.
        assert_eq!(deleted(&p), ["promail_2", "promail_1"]);
    }

    #[test]
    fn keep_days_and_the_union_of_both() {
        let list = [
            c(Kind::Full, 1),
            c(Kind::Full, 5),
            c(Kind::Full, 8),
            c(Kind::Full, 9),
        ];
        let p = plan(
            &list,
            Policy {
                keep: None,
                keep_days: Some(3),
            },
            day(10),
        );
        assert_eq!(deleted(&p), ["promail_5", "promail_1"]);
        let p = plan(
            &list,
            Policy {
                keep: Some(3),
                keep_days: Some(3),
            },
            day(10),
        );
        assert_eq!(deleted(&p), ["promail_1"]);
    }

    #[test]
    fn a_bad_newest_blocks_its_kind_only() {
        let mut bad = c(Kind::Full, 3);
        bad.problem = Some("checksum mismatch".into());
        let list = [
            c(Kind::Full, 1),
            c(Kind::Full, 2),
            bad,
            c(Kind::Critical, 1),
            c(Kind::Critical, 2),
        ];
        let p = plan(
            &list,
            Policy {
                keep: Some(1),
                keep_days: None,
            },
            day(10),
        );
        assert_eq!(deleted(&p), ["critical_1"]);
        assert!(matches!(&p[0].action, Action::Keep(r) if r.contains("BAD")));
    }
}
