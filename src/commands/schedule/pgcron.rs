//! `promail schedule pg-cron install|remove`.

use anyhow::Result;
use clap::Subcommand;

use crate::ctx::Ctx;
use crate::schedule::pgcron::{self, JOB_NAME, OUTSIDE};
use crate::schedule::{timetable, Expr};

/// Registers the timetable's pure-SQL job, the seed's cleanup_old_logs() at the cleanup job's
/// time, in pg_cron (which must be preloaded, its extension created in the database named by
/// cron.database_name; the job runs in this database). pg_cron's zone (cron.timezone) must be
/// the timetable's. The other jobs stay outside the database (said on stderr).
#[derive(Debug, Subcommand)]
pub enum PgCronCommand {
    /// Register (or re-register) cleanup_old_logs() in pg_cron
    Install,
    /// Remove it from pg_cron
    Remove,
}

pub async fn run(command: &PgCronCommand, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let db = ctx.connect().await?;
    let cron_db = pgcron::cron_database(&db).await?;
    let mut info = db.info.clone();
    info.dbname.clone_from(&cron_db);
    let cron = ctx.connect_to(&info).await?;
    let database = db.info.dbname.clone();
    match command {
        PgCronCommand::Install => {
            let jobs = timetable::load(&db).await?;
            let job = jobs
                .iter()
                .find(|j| j.name == "cleanup")
                .ok_or_else(|| timetable::unknown_job("cleanup", &jobs))?;
            let zone = timetable::zone(&db).await?;
            let schedule = pgcron::schedule_for(
                &Expr::parse(&job.expr)?,
                &zone,
                &pgcron::cron_zone(&cron).await?,
            )?;
            let id = pgcron::install(&cron, &database, &schedule).await?;
            ctx.out.info(format!(
                "registered {JOB_NAME} in pg_cron (job {id}, in database {cron_db}): SELECT cleanup_old_logs() in {database} at {schedule}"
            ));
            ctx.out.info(format!(
                "so that it does not also run from promail: `promail schedule disable cleanup`; {OUTSIDE}"
            ));
        }
        PgCronCommand::Remove => {
            let n = pgcron::remove(&cron, &database).await?;
            ctx.out.info(if n == 0 {
                format!("{JOB_NAME} was not registered in pg_cron for {database}")
            } else {
                format!("removed {JOB_NAME} from pg_cron for {database}")
            });
        }
    }
    Ok(())
}
