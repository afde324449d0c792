//! The seed's reports: the views `user_stats`, `email_type_performance`, `user_activity` and
//! the function `get_user_statistics`, as rows. The queries live in `sql/report/`.

use anyhow::Result;
use tokio_postgres::types::ToSql;
use tokio_postgres::Client;

use crate::error::{hint, usage};
use crate::output::Rows;
use crate::pg::{self, PgExt};

pub const USER_STATS: &str = include_str!("../sql/report/user_stats.sql");
pub const EMAIL_TYPES: &str = include_str!("../sql/report/email_types.sql");
pub const ACTIVITY: &str = include_str!("../sql/report/activity.sql");
pub const USER: &str = include_str!("../sql/report/user.sql");
pub const FIND_USER: &str = include_str!("../sql/report/find_user.sql");

const LIST_USERS: &str = "list users with `promail report user-stats`";

/// Runs a report query; the column names are kept even when no row comes back.
pub async fn query(
    db: &Client,
    what: &str,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Rows> {
    let run = async {
        let stmt = db.prepare(sql).await.pg()?;
        let rows = db.query(&stmt, params).await.pg()?;
        pg::rows_with_columns(stmt.columns(), &rows)
    };
    match run.await {
        Ok(rows) => Ok(rows),
        Err(e) => Err(schema_hint(db, e)
            .await
            .context(format!("reading the {what} report"))),
    }
}

/// A table, view or function of the schema is missing (42P01, 42883) and the database has no
/// schema: it was not migrated. The same SQLSTATE on a migrated database (an object dropped by
/// hand, a function the server lacks) gets no such hint, which would send the user the wrong
/// way.
async fn schema_hint(db: &Client, e: anyhow::Error) -> anyhow::Error {
    if !matches!(pg::sqlstate(&e).as_deref(), Some("42P01" | "42883")) {
        return e;
    }
    let migrated = db
        .query_one(
            "SELECT to_regclass('promail.schema_migrations') IS NOT NULL \
                 OR to_regclass('public.users') IS NOT NULL",
            &[],
        )
        .await
        .is_ok_and(|r| r.get::<_, bool>(0));
    if migrated {
        e
    } else {
        hint(e, "create the schema first with `promail db migrate`")
    }
}

/// How `report user` names a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    Id(i32),
    Email(String),
}

impl UserRef {
    /// A number is an id, something with an `@` an e-mail address; anything else is a usage
    /// error.
    pub fn parse(s: &str) -> Result<UserRef> {
        let s = s.trim();
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s
                .parse::<i32>()
                .map(UserRef::Id)
                .map_err(|_| usage(format!("user id {s} is out of range")));
        }
        if s.contains('@') {
            return Ok(UserRef::Email(s.to_string()));
        }
        Err(hint(
            usage(format!(
                "\"{s}\" is neither a user id nor an e-mail address"
            )),
            LIST_USERS,
        ))
    }
}

/// The id of the user with this e-mail address: the exact match, else the only
/// case-insensitive one; several that differ only by case are an error naming them.
async fn find_user(db: &Client, email: &str) -> Result<i32> {
    let found = match db.query(FIND_USER, &[&email]).await.pg() {
        Ok(rows) => rows,
        Err(e) => {
            return Err(schema_hint(db, e)
                .await
                .context(format!("looking up user {email}")))
        }
    };
    let found: Vec<(i32, String)> = found.iter().map(|r| (r.get(0), r.get(1))).collect();
    match found.as_slice() {
        [] => Err(hint(
            anyhow::anyhow!("no user with e-mail address {email}"),
            LIST_USERS,
        )),
        [(id, _)] => Ok(*id),
        [(id, exact), ..] if exact == email => Ok(*id),
        several => Err(hint(
            anyhow::anyhow!(
                "e-mail address {email} matches {} users that differ only by case: {}",
                several.len(),
                several
                    .iter()
                    .map(|(id, e)| format!("id {id} ({e})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "give the address exactly as stored, or the user id",
        )),
    }
}

/// `get_user_statistics` for one user, looked up by id or e-mail; an unknown user is an error
/// naming it.
pub async fn user(db: &Client, who: &UserRef) -> Result<Rows> {
    let id = match who {
        UserRef::Id(id) => *id,
        UserRef::Email(email) => find_user(db, email).await?,
    };
    let rows = query(db, "user", USER, &[&id]).await?;
    if rows.is_empty() {
        return Err(hint(anyhow::anyhow!("no user with id {id}"), LIST_USERS));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_refs() {
        assert_eq!(UserRef::parse("42").unwrap(), UserRef::Id(42));
        assert_eq!(
            UserRef::parse("Marie@Example.fr").unwrap(),
            UserRef::Email("Marie@Example.fr".into())
        );
        assert_eq!(
            crate::error::exit_code(&UserRef::parse("marie").unwrap_err()),
            crate::error::USAGE
        );
        assert_eq!(
            crate::error::exit_code(&UserRef::parse("99999999999").unwrap_err()),
            crate::error::USAGE
        );
    }
}
