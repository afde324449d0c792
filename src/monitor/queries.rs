//! `monitor queries`: the top statements of this database from `pg_stat_statements`, by total
//! time (or mean time, calls, rows), with the seed's filter (statements on `emails` or
//! `users`) unless `--all`. The columns are the same on every extension version: their names
//! come from [`crate::server::StatementColumns`]. The extension missing, or created but not
//! preloaded, is one line saying which and the fix.

use anyhow::Result;
use clap::ValueEnum;

use super::Report;
use crate::connect::Db;
use crate::error::hint;
use crate::pg::{self, PgExt};
use crate::server::StatementColumns;

const SQL: &str = include_str!("../../sql/monitor/queries.sql");
const SCHEMA: &str = include_str!("../../sql/monitor/extension_schema.sql");

/// The order of `monitor queries`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum By {
    /// Total execution time
    #[default]
    Total,
    /// Mean execution time per call
    Mean,
    /// Number of calls
    Calls,
    /// Rows returned or changed
    Rows,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub by: By,
    /// Every statement, not only those on emails or users.
    pub all: bool,
    pub limit: i64,
}

/// The statement text for the installed extension version.
pub fn sql(cols: StatementColumns, schema: &str, o: &Options) -> String {
    let order = match o.by {
        By::Total => "total_ms",
        By::Mean => "mean_ms",
        By::Calls => "calls",
        By::Rows => "rows",
    };
    let filter = if o.all {
        ""
    } else {
        // The seed's filter.
        "AND (s.query ILIKE '%emails%' OR s.query ILIKE '%users%')"
    };
    SQL.replace("{total}", cols.total)
        .replace("{mean}", cols.mean)
        .replace("{read_time}", cols.read_time)
        .replace("{write_time}", cols.write_time)
        .replace("{schema}", schema)
        .replace("{filter}", filter)
        .replace("{order}", order)
}

const PRELOAD: &str =
    "add pg_stat_statements to shared_preload_libraries in postgresql.conf and restart the server";

pub async fn collect(db: &Db, o: &Options) -> Result<Report> {
    let database: String = db
        .query_one("SELECT current_database()::text", &[])
        .await
        .pg()?
        .get(0);
    let ext = db.extensions().await?;
    let Some(cols) = ext.stat_statements_columns() else {
        // Preloaded already (promail's local cluster, most managed services): creating the
        // extension is all that is missing; no restart.
        let preloaded: bool = db
            .query_one(
                "SELECT 'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))",
                &[],
            )
            .await
            .is_ok_and(|r| r.get(0));
        let then = if preloaded {
            "the server preloads it already, so nothing else is needed".to_string()
        } else {
            format!("the server must also preload it: {PRELOAD}")
        };
        return Err(hint(
            anyhow::anyhow!("pg_stat_statements is not installed in database {database}"),
            format!(
                "as a superuser: `CREATE EXTENSION pg_stat_statements;` in {database} ({then})"
            ),
        ));
    };
    let version = ext
        .version("pg_stat_statements")
        .unwrap_or_default()
        .to_string();
    let schema: String = db.query_one(SCHEMA, &[]).await.pg()?.get(0);
    let rows = match super::query(db, &sql(cols, &schema, o), &[&o.limit]).await {
        Ok(rows) => rows,
        Err(e) => return Err(explain(e)),
    };
    let mut report = Report::new(rows);
    let default: Option<String> = db
        .query_opt(
            "SELECT default_version FROM pg_catalog.pg_available_extensions WHERE name = 'pg_stat_statements'",
            &[],
        )
        .await
        .pg()?
        .map(|r| r.get(0));
    if let Some(default) = default.filter(|d| *d != version) {
        report.notes.push(format!(
            "pg_stat_statements {version} is older than this server's {default}: the same columns are shown; `ALTER EXTENSION pg_stat_statements UPDATE` brings the newer ones"
        ));
    }
    let hidden = report
        .rows
        .rows
        .iter()
        .filter(|r| r.last().and_then(|v| v.as_str()) == Some("<insufficient privilege>"))
        .count();
    if hidden > 0 {
        report.notes.push(format!(
            "the text of {hidden} statement(s) of other roles is hidden: this role lacks pg_read_all_stats (part of pg_monitor)"
        ));
    }
    Ok(report)
}

/// The extension created but not preloaded: one line and the fix.
fn explain(e: anyhow::Error) -> anyhow::Error {
    if pg::sqlstate(&e).as_deref() == Some("55000")
        && format!("{e:#}").contains("shared_preload_libraries")
    {
        return hint(
            anyhow::anyhow!(
                "pg_stat_statements is installed but not loaded by the server (it is not in shared_preload_libraries)"
            ),
            PRELOAD,
        );
    }
    e.context("reading pg_stat_statements")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_uses_the_versions_columns() {
        let o = Options {
            by: By::Mean,
            all: false,
            limit: 10,
        };
        let old = sql(StatementColumns::for_version((1, 4)), "public", &o);
        assert!(old.contains("s.total_time") && old.contains("s.blk_read_time"));
        assert!(old.contains("ORDER BY mean_ms"));
        assert!(old.contains("'%emails%'"));
        let new = sql(
            StatementColumns::for_version((1, 11)),
            "\"my schema\"",
            &Options { all: true, ..o },
        );
        assert!(new.contains("s.total_exec_time") && new.contains("s.shared_blk_write_time"));
        assert!(new.contains("FROM \"my schema\".pg_stat_statements"));
        assert!(!new.contains("'%emails%'"));
        assert!(!new.contains('{'), "{new}");
    }

    #[test]
    fn not_preloaded_is_one_line_with_the_fix() {
        let e = explain(anyhow::anyhow!(crate::pg::ServerError {
            code: "55000".into(),
            message: "pg_stat_statements must be loaded via \"shared_preload_libraries\"".into(),
        }));
        assert!(format!("{e:#}").contains("not loaded"), "{e:#}");
        assert!(crate::error::hint_of(&e)
            .unwrap()
            .contains("shared_preload_libraries"));
    }
}
