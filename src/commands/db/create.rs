//! `promail db create`: the application's role and database, created if absent.

use anyhow::Result;
use clap::Args;

use crate::conninfo::Secret;
use crate::ctx::Ctx;
use crate::error::hint;
use crate::provision::{self, Done};

/// Creates the role (LOGIN) and the database of the connection (default promail_db, owned by
/// the role) when they do not exist; says what exists already. Connects to the same server's
/// `postgres` database (or `template1`) as the connection's user, who must be allowed to create
/// roles and databases (e.g. PGUSER=postgres).
///
/// The password of a new role comes from PROMAIL_DB_PASSWORD, else is asked twice on a
/// terminal, else the role gets none. Only its SCRAM-SHA-256 verifier is sent to the server.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The role to create and to own the database
    #[arg(long, default_value = crate::conninfo::DEFAULT_USER, value_name = "ROLE")]
    pub owner: String,
}

pub async fn run(args: &CreateArgs, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let info = ctx.conninfo()?;
    let admin = provision::connect_maintenance(ctx, &info, &args.owner).await?;
    let role = &args.owner;
    if provision::role_exists(&admin, role).await? {
        ctx.out.info(format!("role {role} exists already"));
    } else {
        let password = new_password(ctx, role).await?;
        match provision::create_role(&admin, role, password.as_ref()).await? {
            Done::Created if password.is_some() => {
                ctx.out
                    .info(format!("created role {role} (LOGIN, password set)"));
            }
            Done::Created => {
                ctx.out.info(format!("created role {role} (LOGIN)"));
                ctx.out.warn(format!(
                    "role {role} has no password: it can log in only where pg_hba.conf trusts it; set one with \\password {role} in psql"
                ));
            }
            Done::Existed => ctx.out.info(format!("role {role} exists already")),
        }
    }
    let (done, owner) = provision::ensure_database(&admin, &info.dbname, role).await?;
    let db = &info.dbname;
    match done {
        Done::Created => ctx
            .out
            .info(format!("created database {db} owned by {owner}")),
        Done::Existed if owner == *role => ctx
            .out
            .info(format!("database {db} exists already (owner {owner})")),
        Done::Existed => ctx.out.warn(format!(
            "database {db} exists already, owned by {owner}, not {role}"
        )),
    }
    Ok(())
}

/// The password for a new role: PROMAIL_DB_PASSWORD, else asked twice on a terminal, else none.
async fn new_password(ctx: &Ctx, role: &str) -> Result<Option<Secret>> {
    if let Some(p) = std::env::var("PROMAIL_DB_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(Some(Secret::new(p)));
    }
    if !ctx.out.interactive() {
        return Ok(None);
    }
    let first = crate::connect::read_password(format!("Password for new role {role}: ")).await?;
    if first.is_empty() {
        return Ok(None);
    }
    let again = crate::connect::read_password("Enter it again: ".to_string()).await?;
    if first != again {
        return Err(hint(
            anyhow::anyhow!("the two passwords differ: role {role} not created"),
            "run `promail db create` again, or set PROMAIL_DB_PASSWORD",
        ));
    }
    Ok(Some(Secret::new(first)))
}
