//! Creating the application's role and database (`promail db create`): connect to the server's
//! maintenance database, create what is missing, say what already exists. Passwords reach the
//! server only as SCRAM-SHA-256 verifiers, computed on the client as psql's `\password` and
//! libpq's `PQencryptPasswordConn` do (postgres-protocol's, with SASLprep), so that `CREATE
//! ROLE … PASSWORD '…'` never carries the plaintext to the server (nor into its logs or
//! pg_stat_statements).

use anyhow::{Context, Result};

use crate::connect::Db;
use crate::conninfo::{ConnInfo, Secret};
use crate::ctx::Ctx;
use crate::error::hint;
use crate::pg::{ident, literal, PgExt};

/// The maintenance databases tried in turn, as createdb does.
const MAINTENANCE_DBS: [&str; 2] = ["postgres", "template1"];

/// `SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>` with a fresh random salt.
fn verifier(password: &Secret) -> String {
    postgres_protocol::password::scram_sha_256(password.expose().as_bytes())
}

/// Whether something was made now or was there before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Created,
    Existed,
}

/// Connects to the same server, with the same credentials, to its `postgres` database (or
/// `template1` when that fails).
pub async fn connect_maintenance(ctx: &Ctx, info: &ConnInfo, owner: &str) -> Result<Db> {
    let mut first_err = None;
    for dbname in MAINTENANCE_DBS {
        let mut admin = info.clone();
        admin.dbname = dbname.to_string();
        match ctx.connect_to(&admin).await {
            Ok(db) => return Ok(db),
            Err(e) => {
                ctx.out
                    .verbose(format!("could not use database {dbname}: {e:#}"));
                first_err.get_or_insert(e);
            }
        }
    }
    let e = first_err.expect("at least one maintenance database was tried");
    if info.user == owner {
        // The usual first mistake: connecting as the role that is to be created.
        return Err(hint(
            e,
            format!(
                "db create connects as an administrator, not as {owner}: set the user with PGUSER=postgres or the URL (postgresql://postgres@host/{})",
                info.dbname
            ),
        ));
    }
    Err(e)
}

/// Whether a role exists.
pub async fn role_exists(db: &Db, role: &str) -> Result<bool> {
    Ok(db
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
        .await
        .pg()
        .with_context(|| format!("looking for role {role}"))?
        .is_some())
}

/// Creates a LOGIN role, with the SCRAM verifier of `password` when one is given.
pub async fn create_role(db: &Db, role: &str, password: Option<&Secret>) -> Result<Done> {
    let mut sql = format!("CREATE ROLE {} LOGIN", ident(role));
    if let Some(p) = password {
        sql.push_str(" PASSWORD ");
        sql.push_str(&literal(&verifier(p)));
    }
    match db.batch_execute(&sql).await {
        Ok(()) => Ok(Done::Created),
        // Another run created it in between.
        Err(e) if e.code().is_some_and(|c| c.code() == "42710") => Ok(Done::Existed),
        Err(e) => Err(privilege_hint(e, format!("creating role {role}"))),
    }
}

/// Sets the password of an existing role (its SCRAM verifier).
pub async fn set_password(db: &Db, role: &str, password: &Secret) -> Result<()> {
    let sql = format!(
        "ALTER ROLE {} PASSWORD {}",
        ident(role),
        literal(&verifier(password))
    );
    db.batch_execute(&sql)
        .await
        .map_err(|e| privilege_hint(e, format!("setting the password of role {role}")))
}

/// Creates database `name` owned by `owner` if absent; returns what happened and its owner.
pub async fn ensure_database(db: &Db, name: &str, owner: &str) -> Result<(Done, String)> {
    if let Some(o) = database_owner(db, name).await? {
        return Ok((Done::Existed, o));
    }
    let sql = format!("CREATE DATABASE {} OWNER {}", ident(name), ident(owner));
    match db.batch_execute(&sql).await {
        Ok(()) => Ok((Done::Created, owner.to_string())),
        // Another run created it in between.
        Err(e) if e.code().is_some_and(|c| c.code() == "42P04") => Ok((
            Done::Existed,
            database_owner(db, name).await?.unwrap_or_default(),
        )),
        Err(e) => Err(privilege_hint(e, format!("creating database {name}"))),
    }
}

async fn database_owner(db: &Db, name: &str) -> Result<Option<String>> {
    Ok(db
        .query_opt(
            "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = $1",
            &[&name],
        )
        .await
        .pg()
        .with_context(|| format!("looking for database {name}"))?
        .map(|r| r.get(0)))
}

/// The server's error in context; "permission denied" gets the fix.
fn privilege_hint(e: tokio_postgres::Error, what: String) -> anyhow::Error {
    let denied = e.code().is_some_and(|c| c.code() == "42501");
    let err = crate::pg::err(e).context(what);
    if denied {
        hint(
            err,
            "connect as a superuser, or as a role with CREATEROLE and CREATEDB that is a member of the owner role",
        )
    } else {
        err
    }
}
