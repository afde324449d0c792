//! `schedule pg-cron install|remove`: the timetable's pure-SQL job, the seed's
//! `cleanup_old_logs()`, registered in pg_cron (`cron.schedule_in_database`, run from the
//! database named by `cron.database_name`, where the extension lives). The other jobs stay
//! outside the database ([`OUTSIDE`]). pg_cron reads crontab's five fields with crontab's
//! meaning, in one zone (`cron.timezone`, GMT when unset): a timetable in another zone is
//! refused rather than shifted.

use anyhow::{anyhow, Result};
use tokio_postgres::Client;

use crate::error::hint;
use crate::pg::{self, PgExt};
use crate::schedule::emit;
use crate::schedule::timetable::Zone;
use crate::schedule::Expr;

const UNSCHEDULE_SQL: &str = include_str!("../../sql/schedule/pg_cron_unschedule.sql");

/// The name promail's job has in `cron.job`.
pub const JOB_NAME: &str = "promail-cleanup";

/// The jobs that cannot run in pg_cron, and why.
pub const OUTSIDE: &str =
    "rotate (partition DDL with lock timeouts, retries and moves out of DEFAULT, \
    run by promail), backup and backup-critical (pg_dump writes files on a host), prune (deletes \
    files), check (its verdict goes to a monitoring system) stay outside the database: run them \
    with `promail schedule run`, `schedule crontab` or `schedule systemd`";

/// The database pg_cron lives in, or why it cannot be used.
pub async fn cron_database(client: &Client) -> Result<String> {
    let name: Option<String> = client
        .query_one("SELECT current_setting('cron.database_name', true)", &[])
        .await
        .pg()?
        .get(0);
    name.filter(|n| !n.is_empty()).ok_or_else(|| {
        hint(
            anyhow!("pg_cron is not loaded on this server"),
            "install it (Debian: postgresql-15-cron), add pg_cron to shared_preload_libraries, restart the server, then CREATE EXTENSION pg_cron in the database named by cron.database_name (default postgres)",
        )
    })
}

/// pg_cron's zone, the `cron.timezone` setting (GMT before pg_cron 1.5 or when unset).
pub async fn cron_zone(client: &Client) -> Result<String> {
    let tz: Option<String> = client
        .query_one("SELECT current_setting('cron.timezone', true)", &[])
        .await
        .pg()?
        .get(0);
    Ok(tz.filter(|t| !t.is_empty()).unwrap_or_else(|| "GMT".into()))
}

/// Whether two zone names mean UTC.
fn is_utc(name: &str) -> bool {
    matches!(
        name.to_ascii_uppercase().as_str(),
        "UTC"
            | "ETC/UTC"
            | "GMT"
            | "ETC/GMT"
            | "UCT"
            | "ETC/UCT"
            | "UNIVERSAL"
            | "ETC/UNIVERSAL"
            | "ZULU"
            | "ETC/ZULU"
            | "GMT0"
            | "ETC/GMT0"
    )
}

/// The schedule pg_cron gets for the cleanup job's expression, or why it cannot.
pub fn schedule_for(expr: &Expr, zone: &Zone, cron_zone: &str) -> Result<String> {
    let same =
        zone.name.eq_ignore_ascii_case(cron_zone) || (is_utc(&zone.name) && is_utc(cron_zone));
    if !same {
        return Err(hint(
            anyhow!(
                "pg_cron runs its jobs in {cron_zone} (cron.timezone) but the timetable is in {}: the cleanup job would run at other times",
                zone.name
            ),
            format!("set cron.timezone = '{}' on the server (pg_cron 1.5+), or leave cleanup to `promail schedule run`, crontab or systemd", zone.name),
        ));
    }
    emit::crontab_fields(expr).map_err(|why| {
        hint(
            anyhow!(
                "pg_cron cannot express the cleanup job's {:?}: {why}",
                expr.text()
            ),
            "give it crontab's five fields with `promail schedule set cleanup \"EXPR\"`",
        )
    })
}

/// Registers (or re-registers) the cleanup job; returns its pg_cron job id.
pub async fn install(cron: &Client, database: &str, schedule: &str) -> Result<i64> {
    check_extension(cron).await?;
    cron.query(UNSCHEDULE_SQL, &[&database])
        .await
        .map_err(|e| pg::err(e).context("removing the previous registration"))?;
    let id: i64 = cron
        .query_one(
            "SELECT cron.schedule_in_database($1, $2, 'SELECT cleanup_old_logs()', $3)",
            &[&JOB_NAME, &schedule, &database],
        )
        .await
        .map_err(|e| pg::err(e).context("registering the cleanup job in pg_cron"))?
        .get(0);
    Ok(id)
}

/// Removes the cleanup job; returns how many registrations went.
pub async fn remove(cron: &Client, database: &str) -> Result<usize> {
    check_extension(cron).await?;
    Ok(cron
        .query(UNSCHEDULE_SQL, &[&database])
        .await
        .map_err(|e| pg::err(e).context("removing the cleanup job from pg_cron"))?
        .len())
}

async fn check_extension(cron: &Client) -> Result<()> {
    let found = cron
        .query_opt(
            "SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'",
            &[],
        )
        .await
        .pg()?;
    if found.is_none() {
        return Err(hint(
            anyhow!("pg_cron is loaded but its extension is not created in its database"),
            "run CREATE EXTENSION pg_cron; as a superuser in the database named by cron.database_name",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::timetable::zone_named;

    #[test]
    fn the_zone_must_be_pg_crons_and_the_expression_five_fields() {
        let e = Expr::parse("30 1 * * *").unwrap();
        assert_eq!(
            schedule_for(&e, &zone_named("Etc/UTC"), "GMT").unwrap(),
            "30 1 * * *"
        );
        let err = schedule_for(&e, &zone_named("Europe/Paris"), "GMT").unwrap_err();
        assert!(format!("{err:#}")
            .contains("runs its jobs in GMT (cron.timezone) but the timetable is in Europe/Paris"));
        assert!(schedule_for(&e, &zone_named("Europe/Paris"), "Europe/Paris").is_ok());
        let s = Expr::parse("*/30 * * * * *").unwrap();
        let err = schedule_for(&s, &zone_named("UTC"), "GMT").unwrap_err();
        assert!(
            format!("{err:#}").contains("pg_cron cannot express"),
            "{err:#}"
        );
    }
}
