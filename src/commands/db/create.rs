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
/// terminal; without either, or when it is empty, the role is not created (unless
/// --no-password). A role that exists keeps its password unless --set-password. Only the
/// SCRAM-SHA-256 verifier is sent to the server.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The role to create and to own the database
    #[arg(long, default_value = crate::conninfo::DEFAULT_USER, value_name = "ROLE")]
    pub owner: String,

    /// Set the password of the role even when it exists already (from PROMAIL_DB_PASSWORD, or
    /// asked twice on a terminal)
    #[arg(long, conflicts_with = "no_password")]
    pub set_password: bool,

    /// Create the role without a password: it logs in only where pg_hba.conf lets it without
    /// one (peer, trust)
    #[arg(long)]
    pub no_password: bool,
}

pub async fn run(args: &CreateArgs, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let info = ctx.conninfo()?;
    let admin = provision::connect_maintenance(ctx, &info, &args.owner).await?;
    let role = &args.owner;
    if provision::role_exists(&admin, role).await? {
        if args.set_password {
            let password = new_password(ctx, role, "New password for role").await?;
            provision::set_password(&admin, role, &password).await?;
            ctx.out
                .info(format!("role {role} exists already: password set"));
        } else {
            ctx.out.info(format!("role {role} exists already"));
            if env_password().is_some() {
                ctx.out.warn(format!(
                    "the password of role {role} was left as it is (PROMAIL_DB_PASSWORD applies to a new role); --set-password changes it"
                ));
            }
        }
    } else {
        let password = if args.no_password {
            None
        } else {
            Some(new_password(ctx, role, "Password for new role").await?)
        };
        match provision::create_role(&admin, role, password.as_ref()).await? {
            Done::Created if password.is_some() => {
                ctx.out
                    .info(format!("created role {role} (LOGIN, password set)"));
            }
            Done::Created => {
                ctx.out.info(format!(
                    "created role {role} (LOGIN, no password: it logs in only where pg_hba.conf trusts it)"
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

/// PROMAIL_DB_PASSWORD when set and not empty.
fn env_password() -> Option<Secret> {
    std::env::var("PROMAIL_DB_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Secret::new)
}

/// A password for `role`: PROMAIL_DB_PASSWORD, else asked twice on a terminal. Refused, before
/// anything is changed: no terminal and no PROMAIL_DB_PASSWORD, an empty answer, two answers
/// that differ.
async fn new_password(ctx: &Ctx, role: &str, prompt: &str) -> Result<Secret> {
    if let Some(p) = env_password() {
        return Ok(p);
    }
    let no_password = "or --no-password for a role that logs in only where pg_hba.conf trusts it";
    if !ctx.out.interactive() {
        return Err(hint(
            anyhow::anyhow!("no password for role {role}: PROMAIL_DB_PASSWORD is not set and there is no terminal to ask on; nothing was changed"),
            format!("set PROMAIL_DB_PASSWORD (it never shows in the process list), {no_password}"),
        ));
    }
    let first = crate::connect::read_password(format!("{prompt} {role}: ")).await?;
    if first.is_empty() {
        return Err(hint(
            anyhow::anyhow!("empty password: nothing was changed for role {role}"),
            format!("run `promail db create` again and type a password, {no_password}"),
        ));
    }
    let again = crate::connect::read_password("Enter it again: ".to_string()).await?;
    if first != again {
        return Err(hint(
            anyhow::anyhow!("the two passwords differ: nothing was changed for role {role}"),
            "run `promail db create` again, or set PROMAIL_DB_PASSWORD",
        ));
    }
    Ok(Secret::new(first))
}
