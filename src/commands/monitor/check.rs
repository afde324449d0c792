//! `promail monitor check`: health checks with thresholds.

use anyhow::Result;
use clap::Args;

use crate::ctx::Ctx;

/// Health checks with thresholds
#[derive(Debug, Args)]
pub struct CheckArgs {}

#[allow(clippy::unused_async)]
pub async fn run(_args: &CheckArgs, _ctx: &Ctx) -> Result<()> {
    anyhow::bail!("not yet")
}
