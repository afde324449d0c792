//! `promail report user <id|email>`: `get_user_statistics` for one user.

use anyhow::Result;
use clap::Args;

use crate::cli::FormatOpts;
use crate::ctx::Ctx;
use crate::report::{self, UserRef};

/// One user's statistics by id or e-mail address (get_user_statistics)
///
/// One row: e-mails, favourites, templates, average e-mail length, most used type, last
/// successful login. An unknown user is an error (exit 1).
#[derive(Debug, Args)]
pub struct UserArgs {
    /// User id, or e-mail address (the exact address first, else case-insensitive)
    #[arg(value_name = "ID|EMAIL")]
    pub user: String,
    #[command(flatten)]
    pub format: FormatOpts,
}

pub async fn run(args: &UserArgs, ctx: &Ctx) -> Result<()> {
    let who = UserRef::parse(&args.user)?;
    let db = ctx.connect().await?;
    let rows = report::user(&db, &who).await?;
    ctx.out.rows(args.format.format, &rows)
}
