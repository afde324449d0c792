//! `promail db ping`: connect as every command does and say what we reached.

use std::time::Instant;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::output::Rows;
use crate::pg::PgExt;

/// Exit status 0 only when promail could log in.
#[derive(Debug, Args)]
pub struct PingArgs {
    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &PingArgs, ctx: &Ctx) -> Result<()> {
    // Resolve first: with --local this may start the cluster, which is not connect time.
    let info = ctx.conninfo()?;
    // Any server that lets us log in is reported, with a warning where promail's other commands
    // would refuse it.
    let db = ctx.open(&info).await?;
    if let Err(e) = db.server.check_supported() {
        ctx.out.warn(format!("{e:#}"));
    }
    ctx.warn_untested(&db);
    // The connection that succeeded: not the time spent typing a password at a prompt.
    let connect_ms = db.connect_time.as_secs_f64() * 1000.0;
    let row = db
        .query_one(
            "SELECT current_setting('server_version'), current_user::text, current_database()::text, \
                    coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false), \
                    coalesce((SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()), '')",
            &[],
        )
        .await
        .pg()?;
    let rtt = Instant::now();
    db.simple_query("").await.pg()?;
    let rtt_ms = rtt.elapsed().as_secs_f64() * 1000.0;
    let tls: bool = row.get(3);
    let tls_version: String = row.get(4);
    let mut rows = Rows::new([
        "server",
        "version",
        "user",
        "database",
        "tls",
        "connect_ms",
        "rtt_ms",
    ]);
    rows.push(vec![
        json!(db.info.masked()),
        json!(row.get::<_, String>(0)),
        json!(row.get::<_, String>(1)),
        json!(row.get::<_, String>(2)),
        json!(if tls { tls_version } else { "off".to_string() }),
        json!((connect_ms * 100.0).round() / 100.0),
        json!((rtt_ms * 1000.0).round() / 1000.0),
    ]);
    ctx.out.rows(args.format.format, &rows)
}
