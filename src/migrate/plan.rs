//! What to do, from plain data: the migrations this binary knows and the history of the
//! database. [`compare`] gives each version's state (for `db status`); [`plan`] gives the
//! migrations to run, or refuses (an applied file edited since, a history from a newer
//! promail, a pending file older than an applied one, a target below the database).

use std::collections::BTreeMap;

use anyhow::Result;

use crate::error::{hint, usage};

use super::{Applied, Migration};

/// The state of one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// In the history with the checksum of the known file.
    Applied,
    /// Known, not in the history.
    Pending,
    /// In the history with another checksum: the file was edited after it was applied.
    Changed,
    /// In the history, unknown to this binary (a newer promail migrated the database).
    Unknown,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Applied => "applied",
            State::Pending => "pending",
            State::Changed => "changed",
            State::Unknown => "unknown",
        }
    }
}

/// One version, known or applied or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub version: i32,
    pub state: State,
    pub known: Option<&'a Migration>,
    pub applied: Option<&'a Applied>,
}

impl Entry<'_> {
    /// The name, from the file when known, else from the history.
    pub fn name(&self) -> &str {
        self.known
            .map(|m| m.name.as_str())
            .or(self.applied.map(|a| a.name.as_str()))
            .unwrap_or_default()
    }

    pub fn label(&self) -> String {
        super::label_of(self.version, self.name())
    }
}

/// Every known and every applied version, in version order, with its state.
pub fn compare<'a>(known: &'a [Migration], applied: &'a [Applied]) -> Vec<Entry<'a>> {
    let mut by_version: BTreeMap<i32, (Option<&Migration>, Option<&Applied>)> = BTreeMap::new();
    for m in known {
        by_version.entry(m.version).or_default().0 = Some(m);
    }
    for a in applied {
        by_version.entry(a.version).or_default().1 = Some(a);
    }
    by_version
        .into_iter()
        .map(|(version, (known, applied))| {
            let state = match (known, applied) {
                (Some(m), Some(a)) if m.checksum == a.checksum => State::Applied,
                (Some(_), Some(_)) => State::Changed,
                (Some(_), None) => State::Pending,
                (None, _) => State::Unknown,
            };
            Entry {
                version,
                state,
                known,
                applied,
            }
        })
        .collect()
}

/// The migrations to run, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan<'a> {
    /// The highest version in the history, if any.
    pub current: Option<i32>,
    pub pending: Vec<&'a Migration>,
}

/// Plans a run up to `target` (all known migrations when `None`).
pub fn plan<'a>(
    known: &'a [Migration],
    applied: &'a [Applied],
    target: Option<i32>,
) -> Result<Plan<'a>> {
    let entries = compare(known, applied);
    let current = applied.iter().map(|a| a.version).max();
    let newest_known = known.iter().map(|m| m.version).max();

    let unknown: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.state == State::Unknown)
        .collect();
    if let Some(first) = unknown.first() {
        let labels = list(unknown.iter().map(|e| e.label()));
        let by = first
            .applied
            .map(|a| a.applied_by.as_str())
            .filter(|s| !s.is_empty())
            .map(|s| format!(" (applied by {s})"))
            .unwrap_or_default();
        return Err(hint(
            anyhow::anyhow!(
                "the database was migrated by a newer promail: it has {labels}{by}, which this promail ({}) does not know",
                env!("CARGO_PKG_VERSION")
            ),
            format!(
                "upgrade promail to the version that migrated this database; this one knows migrations up to {}",
                newest_known.map_or_else(|| "none".to_string(), |v| format!("{v:04}"))
            ),
        ));
    }

    let changed: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.state == State::Changed)
        .collect();
    if let Some(first) = changed.first() {
        let files = list(changed.iter().map(|e| format!("{}.sql", e.label())));
        let (was, now) = (
            first.applied.map_or("", |a| short(&a.checksum)),
            first.known.map_or("", |m| short(&m.checksum)),
        );
        let what = if changed.len() == 1 {
            format!("migration {files} was edited after it was applied")
        } else {
            format!("migrations {files} were edited after they were applied")
        };
        return Err(hint(
            anyhow::anyhow!(
                "{what} to this database (checksum {was}… in the history, {now}… in the file); refusing to migrate"
            ),
            format!(
                "revert the edit to {} and put the change in a new migration file with a higher version: an applied migration never runs again",
                first.known.map_or(String::new(), |m| m.file.clone())
            ),
        ));
    }

    if let Some(t) = target {
        if !known.iter().any(|m| m.version == t) {
            return Err(hint(
                usage(format!("--target {t}: no migration has that version")),
                format!(
                    "known versions: {}",
                    list(known.iter().map(|m| m.label().to_string()))
                ),
            ));
        }
        if let Some(c) = current.filter(|&c| c > t) {
            return Err(hint(
                anyhow::anyhow!(
                    "--target {t} is below the database's version {c:04}: promail has no down migrations"
                ),
                format!("to go back, restore a backup taken before version {c:04}"),
            ));
        }
    }

    let pending: Vec<&Migration> = entries
        .iter()
        .filter(|e| e.state == State::Pending)
        .filter_map(|e| e.known)
        .filter(|m| target.is_none_or(|t| m.version <= t))
        .collect();
    if let (Some(c), Some(first)) = (current, pending.first()) {
        if first.version < c {
            return Err(hint(
                anyhow::anyhow!(
                    "{} is pending but the database already has the later version {c:04}: migrations run in version order",
                    first.file
                ),
                format!("renumber {} above {c:04}", first.file),
            ));
        }
    }
    Ok(Plan { current, pending })
}

fn short(checksum: &str) -> &str {
    &checksum[..checksum.len().min(12)]
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::exit_code;

    fn known() -> Vec<Migration> {
        vec![
            Migration::parse("0001_schema.sql", "CREATE TABLE a (x int);").unwrap(),
            Migration::parse("0002_more.sql", "CREATE TABLE b (x int);").unwrap(),
            Migration::parse("0003_idx.sql", "CREATE INDEX i ON b (x);").unwrap(),
        ]
    }

    fn row(m: &Migration) -> Applied {
        Applied::new(m.version, &m.name, &m.checksum)
    }

    fn versions(p: &Plan) -> Vec<i32> {
        p.pending.iter().map(|m| m.version).collect()
    }

    #[test]
    fn fresh_database_runs_everything() {
        let k = known();
        let p = plan(&k, &[], None).unwrap();
        assert_eq!(p.current, None);
        assert_eq!(versions(&p), [1, 2, 3]);
        assert!(compare(&k, &[]).iter().all(|e| e.state == State::Pending));
    }

    #[test]
    fn partly_and_fully_migrated() {
        let k = known();
        let applied = vec![row(&k[0])];
        let p = plan(&k, &applied, None).unwrap();
        assert_eq!((p.current, versions(&p)), (Some(1), vec![2, 3]));
        let all: Vec<Applied> = k.iter().map(row).collect();
        let p = plan(&k, &all, None).unwrap();
        assert!(p.pending.is_empty());
        assert_eq!(p.current, Some(3));
    }

    #[test]
    fn target_limits_and_refuses_going_down() {
        let k = known();
        assert_eq!(versions(&plan(&k, &[], Some(2)).unwrap()), [1, 2]);
        let applied = vec![row(&k[0]), row(&k[1])];
        assert!(plan(&k, &applied, Some(2)).unwrap().pending.is_empty());
        let e = plan(&k, &applied, Some(1)).unwrap_err();
        assert!(format!("{e:#}").contains("no down migrations"), "{e:#}");
        let e = plan(&k, &[], Some(7)).unwrap_err();
        assert_eq!(exit_code(&e), crate::error::USAGE);
    }

    #[test]
    fn edited_applied_file_is_refused_and_named() {
        let k = known();
        let mut edited = row(&k[0]);
        edited.checksum = "0".repeat(64);
        let applied = vec![edited];
        let e = plan(&k, &applied, None).unwrap_err();
        assert!(
            format!("{e:#}").contains("migration 0001_schema.sql was edited"),
            "{e:#}"
        );
        assert!(crate::error::hint_of(&e).unwrap().contains("new migration"));
        let states: Vec<State> = compare(&k, &applied).iter().map(|e| e.state).collect();
        assert_eq!(states, [State::Changed, State::Pending, State::Pending]);
    }

    #[test]
    fn history_from_a_newer_promail_is_refused() {
        let k = known();
        let mut applied: Vec<Applied> = k.iter().map(row).collect();
        let mut future = Applied::new(9999, "future", "abc");
        future.applied_by = "postgres (promail 9.0.0)".into();
        applied.push(future);
        let e = plan(&k, &applied, None).unwrap_err();
        let msg = format!("{e:#}");
        assert!(
            msg.contains("newer promail") && msg.contains("9999_future"),
            "{msg}"
        );
        assert!(crate::error::hint_of(&e)
            .unwrap()
            .contains("upgrade promail"));
        assert_eq!(compare(&k, &applied)[3].state, State::Unknown);
    }

    #[test]
    fn pending_file_older_than_the_database_is_refused() {
        let k = known();
        let applied = vec![row(&k[0]), row(&k[2])];
        let e = plan(&k, &applied, None).unwrap_err();
        assert!(
            format!("{e:#}").contains("0002_more.sql is pending"),
            "{e:#}"
        );
    }

    #[test]
    fn a_renamed_file_with_the_same_text_is_still_applied() {
        let k = known();
        let mut a = row(&k[0]);
        a.name = "old_name".into();
        assert_eq!(compare(&k, &[a])[0].state, State::Applied);
    }
}
