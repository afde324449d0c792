//! `promail report …`: the seed's report views and `get_user_statistics`, as tables, JSON or
//! CSV.

pub mod activity;
pub mod email_types;
pub mod user;
pub mod user_stats;

use anyhow::Result;
use clap::Subcommand;

use crate::ctx::Ctx;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    UserStats(user_stats::UserStatsArgs),
    EmailTypes(email_types::EmailTypesArgs),
    Activity(activity::ActivityArgs),
    User(user::UserArgs),
}

pub async fn dispatch(command: ReportCommand, ctx: &Ctx) -> Result<()> {
    match command {
        ReportCommand::UserStats(a) => user_stats::run(&a, ctx).await,
        ReportCommand::EmailTypes(a) => email_types::run(&a, ctx).await,
        ReportCommand::Activity(a) => activity::run(&a, ctx).await,
        ReportCommand::User(a) => user::run(&a, ctx).await,
    }
}
