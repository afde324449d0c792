//! `promail db …`: connecting, migrating and inspecting the database.

pub mod baseline;
pub mod create;
pub mod migrate;
pub mod ping;
pub mod seed;
pub mod status;

use anyhow::Result;
use clap::Subcommand;

use crate::ctx::Ctx;

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Check the connection: server version, user, database, TLS, round-trip time
    Ping(ping::PingArgs),
    /// Apply the pending schema migrations (under a lock, each file atomically)
    Migrate(migrate::MigrateArgs),
    /// Show each migration: applied, pending, changed or unknown
    Status(status::StatusArgs),
    /// Adopt a database created by hand from the seed (record migrations without running them)
    // Its --version is the version to adopt, not promail's.
    #[command(disable_version_flag = true)]
    Baseline(baseline::BaselineArgs),
    /// Create the role and the database if they do not exist
    Create(create::CreateArgs),
    Seed(seed::SeedArgs),
}

pub async fn dispatch(command: DbCommand, ctx: &Ctx) -> Result<()> {
    match command {
        DbCommand::Ping(a) => ping::run(&a, ctx).await,
        DbCommand::Migrate(a) => migrate::run(&a, ctx).await,
        DbCommand::Status(a) => status::run(&a, ctx).await,
        DbCommand::Baseline(a) => baseline::run(&a, ctx).await,
        DbCommand::Create(a) => create::run(&a, ctx).await,
        DbCommand::Seed(a) => seed::run(&a, ctx).await,
    }
}
