//! `db status`: the state of every known and applied migration, as rows, and the `--check`
//! verdict for deploy scripts.

use anyhow::Result;
use serde_json::json;

use crate::ctx::Ctx;
use crate::error::hint;
use crate::output::Rows;

use super::{history, Entry, State};

/// `promail db status`: the history of the database (empty when it has none).
pub async fn status(ctx: &Ctx) -> Result<Vec<history::Applied>> {
    let db = ctx
        .connect_to(&super::run::tagged(ctx, "db status")?)
        .await?;
    // Which server the history is that of: on stderr, so that stdout stays the table.
    ctx.out.info(format!(
        "database {} on PostgreSQL {}",
        db.info.dbname,
        db.server.short_version()
    ));
    history::read(&db).await
}

/// The rows `db status` prints.
pub fn status_rows(entries: &[Entry]) -> Rows {
    let mut rows = Rows::new([
        "version",
        "name",
        "state",
        "recorded_by",
        "applied_at",
        "duration_ms",
    ]);
    for e in entries {
        let a = e.applied;
        rows.push(vec![
            json!(e.version),
            json!(e.name()),
            json!(e.state.as_str()),
            json!(a.map(|a| a.kind.recorded_by())),
            json!(a
                .and_then(|a| a.applied_at)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))),
            json!(a.and_then(|a| a.duration_ms)),
        ]);
    }
    rows
}

/// For `db status --check`: an error when anything is pending, changed or unknown.
pub fn check(entries: &[Entry]) -> Result<()> {
    let mut parts = Vec::new();
    let mut fix = Vec::new();
    for (state, fix_text) in [
        (State::Pending, "run `promail db migrate`"),
        (
            State::Changed,
            "revert the edited files (changes go in new migrations)",
        ),
        (State::Unknown, "upgrade promail"),
    ] {
        let names: Vec<String> = entries
            .iter()
            .filter(|e| e.state == state)
            .map(Entry::label)
            .collect();
        if !names.is_empty() {
            parts.push(format!(
                "{} {} ({})",
                names.len(),
                state.as_str(),
                names.join(", ")
            ));
            fix.push(fix_text);
        }
    }
    if parts.is_empty() {
        return Ok(());
    }
    Err(hint(
        anyhow::anyhow!("database schema is not up to date: {}", parts.join("; ")),
        fix.join("; "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::{compare, Migration};

    #[test]
    fn check_lists_what_is_not_applied() {
        let m = |f: &str| Migration::parse(f, "SELECT 1;").unwrap();
        let known = vec![m("0001_a.sql"), m("0002_b.sql")];
        let applied = vec![history::Applied::new(1, "a", &known[0].checksum)];
        let e = check(&compare(&known, &applied)).unwrap_err();
        assert_eq!(
            format!("{e:#}"),
            "database schema is not up to date: 1 pending (0002_b)"
        );
        let all = vec![
            history::Applied::new(1, "a", &known[0].checksum),
            history::Applied::new(2, "b", &known[1].checksum),
        ];
        assert!(check(&compare(&known, &all)).is_ok());
        let rows = status_rows(&compare(&known, &applied));
        assert_eq!(rows.rows[0][2], json!("applied"));
        assert_eq!(rows.rows[1][2], json!("pending"));
        assert_eq!(rows.rows[1][4], serde_json::Value::Null);
    }
}
