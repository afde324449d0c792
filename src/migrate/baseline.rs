//! `db baseline`: adopt a database created by hand from the seed by recording migrations as
//! applied without running them, after checking that the seed's schema is there (tables, key
//! columns, partitioning, views, functions: `sql/migrate/baseline_check.sql`).

use std::time::Duration;

use anyhow::{Context, Result};

use crate::ctx::Ctx;
use crate::error::{hint, usage};
use crate::lock::{self, Key};
use crate::pg::PgExt;

use super::{history, Kind, Migration};

const CHECK: &str = include_str!("../../sql/migrate/baseline_check.sql");

/// `promail db baseline`: records the known migrations up to `version` as applied, without
/// running them, in a database created by hand from the seed. Returns what it recorded.
pub async fn baseline<'a>(
    ctx: &Ctx,
    known: &'a [Migration],
    version: i32,
    lock_wait: Duration,
    sync_wait: Duration,
) -> Result<Vec<&'a Migration>> {
    if !known.iter().any(|m| m.version == version) {
        return Err(hint(
            usage(format!(
                "--version {version}: no migration has that version"
            )),
            format!(
                "known versions: {}",
                known
                    .iter()
                    .map(Migration::label)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let info = super::run::tagged(ctx, "db baseline")?;
    let lock_db = ctx.connect_to(&info).await?;
    lock::acquire_or_fail(&lock_db, Key::Migrate, lock_wait).await?;
    let db = ctx.connect_to(&lock_db.info).await?;

    let missing: Vec<(String, String)> = db
        .query(CHECK, &[&version])
        .await
        .pg()
        .context("looking for the application's tables, columns, views and functions")?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    if !missing.is_empty() {
        return Err(hint(
            anyhow::anyhow!("cannot baseline: {}", describe_missing(&missing)),
            format!(
                "baseline adopts a database created from the seed: the tables {} with their columns, login_history and email_analytics partitioned by range, the views and functions of the seed; complete it by hand, or run `promail db migrate` on an empty database instead",
                crate::seed::TABLES.join(", ")
            ),
        ));
    }
    let applied = history::read(&db).await?;
    if let Some(last) = applied.last() {
        return Err(hint(
            anyhow::anyhow!(
                "cannot baseline: promail.schema_migrations already has {} row{} (up to {})",
                applied.len(),
                if applied.len() == 1 { "" } else { "s" },
                last.label()
            ),
            "baseline is for databases promail never migrated; `promail db status` shows where this one is",
        ));
    }
    history::bootstrap(&db).await?;
    let adopted: Vec<&Migration> = known.iter().filter(|m| m.version <= version).collect();
    db.batch_execute("BEGIN").await.pg()?;
    for m in &adopted {
        if let Err(e) = history::record(&db, m, None, Kind::Baseline).await {
            let _ = db.batch_execute("ROLLBACK").await;
            return Err(e);
        }
    }
    let limit = crate::pg::commit_waits(&*db, sync_wait).await;
    crate::pg::commit_within(
        db.batch_execute("COMMIT"),
        db.cancel_token(),
        limit,
        "recording the baseline",
    )
    .await
    .map_err(|e| match e {
        crate::pg::CommitError::Pg(e) => crate::pg::err(e).context("recording the baseline"),
        crate::pg::CommitError::Unconfirmed(e) => e,
    })?;
    lock::release(&lock_db, Key::Migrate).await?;
    Ok(adopted)
}

/// `missing tables a, b; missing columns users.email; login_history is not partitioned; …`
fn describe_missing(missing: &[(String, String)]) -> String {
    let mut parts = Vec::new();
    for (kind, singular, plural) in [
        ("table", "missing table", "missing tables"),
        ("column", "missing column", "missing columns"),
        ("view", "missing view", "missing views"),
        ("function", "missing function", "missing functions"),
        ("unpartitioned", "is not partitioned", "are not partitioned"),
    ] {
        let names: Vec<&str> = missing
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, n)| n.as_str())
            .collect();
        match (names.len(), kind) {
            (0, _) => {}
            (1, "unpartitioned") => parts.push(format!("{} {singular}", names[0])),
            (_, "unpartitioned") => parts.push(format!("{} {plural}", names.join(" and "))),
            (1, _) => parts.push(format!("{singular} {}", names[0])),
            _ => parts.push(format!("{plural} {}", names.join(", "))),
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_objects_are_named_by_kind() {
        let m = |k: &str, n: &str| (k.to_string(), n.to_string());
        assert_eq!(
            describe_missing(&[
                m("table", "api_keys"),
                m("column", "users.email"),
                m("column", "emails.email_type"),
                m("unpartitioned", "login_history"),
                m("view", "user_stats"),
                m("function", "get_user_statistics(integer)"),
            ]),
            "missing table api_keys; missing columns users.email, emails.email_type; missing view user_stats; missing function get_user_statistics(integer); login_history is not partitioned"
        );
    }
}
