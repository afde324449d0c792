//! `promail restore`.

use anyhow::Result;
use clap::Args;

use crate::ctx::Ctx;

#[derive(Debug, Args)]
pub struct RestoreArgs {}

pub async fn run(_args: &RestoreArgs, _ctx: &Ctx) -> Result<()> {
    anyhow::bail!("not yet")
}
