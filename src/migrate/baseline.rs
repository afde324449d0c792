//! `db baseline`: adopt a database created by hand from the seed by recording migrations as
//! applied without running them, after checking that its tables are there.

use std::time::Duration;

use anyhow::{Context, Result};

use crate::ctx::Ctx;
use crate::error::{hint, usage};
use crate::lock::{self, Key};
use crate::pg::PgExt;

use super::{history, Kind, Migration, APP_TABLES};

/// `promail db baseline`: records the known migrations up to `version` as applied, without
/// running them, in a database created by hand from the seed. Returns what it recorded.
pub async fn baseline<'a>(
    ctx: &Ctx,
    known: &'a [Migration],
    version: i32,
    lock_wait: Duration,
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

    let tables: Vec<String> = APP_TABLES.iter().map(ToString::to_string).collect();
    let missing: Vec<String> = db
        .query(
            "SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n) \
             WHERE to_regclass(quote_ident(t)) IS NULL ORDER BY n",
            &[&tables],
        )
        .await
        .pg()
        .context("looking for the application's tables")?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if !missing.is_empty() {
        return Err(hint(
            anyhow::anyhow!(
                "cannot baseline: table{} {} missing (baseline adopts a database created from the seed, with all of {})",
                if missing.len() == 1 { " is" } else { "s are" },
                missing.join(", "),
                APP_TABLES.join(", ")
            ),
            "create the missing tables as the seed specifies, or run `promail db migrate` on an empty database instead",
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
    db.batch_execute("COMMIT")
        .await
        .pg()
        .context("recording the baseline")?;
    lock::release(&lock_db, Key::Migrate).await?;
    Ok(adopted)
}
