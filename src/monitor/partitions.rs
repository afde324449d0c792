//! `monitor partitions`: the managed tables' health, as `partitions list --health` judges it
//! (the same code: [`crate::partition::list`]).

use anyhow::Result;
use tokio_postgres::Client;

use super::Report;
use crate::partition::list;

pub async fn collect(db: &Client) -> Result<Report> {
    let listings = list::collect(
        db,
        &[],
        None,
        std::time::Duration::from_millis(u64::from(super::LOCK_TIMEOUT_MS)),
        false,
    )
    .await?;
    Ok(Report::new(list::health_rows(&listings, true)))
}
