//! `promail db …`: connecting, migrating and inspecting the database.

pub mod ping;
pub mod seed;

use anyhow::Result;
use clap::Subcommand;

use crate::ctx::Ctx;

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Check the connection: server version, user, database, TLS, round-trip time
    Ping(ping::PingArgs),
    Seed(seed::SeedArgs),
}

pub async fn dispatch(command: DbCommand, ctx: &Ctx) -> Result<()> {
    match command {
        DbCommand::Ping(a) => ping::run(&a, ctx).await,
        DbCommand::Seed(a) => seed::run(&a, ctx).await,
    }
}
