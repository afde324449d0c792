//! Small helpers over tokio-postgres shared by every command: turning its errors into
//! one-line messages with the server's hint, and reading arbitrary rows into [`Rows`].

use std::fmt::Write as _;

use anyhow::Result;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::{json, Value};
use tokio_postgres::types::Type;
use tokio_postgres::Row;

use crate::output::Rows;

/// Converts a tokio-postgres error into a readable one: `message (SQLSTATE xxxxx)`, the
/// detail, and the server's own hint as promail's hint.
pub fn err(e: tokio_postgres::Error) -> anyhow::Error {
    if let Some(db) = e.as_db_error() {
        return db_error(db);
    }
    if e.is_closed() {
        return anyhow::anyhow!("the server closed the connection");
    }
    anyhow::Error::new(e)
}

/// A server error as [`err`] converts it: one line of text, and the SQLSTATE kept apart so
/// that callers further up can still act on it (retry after 55P03, hint after 42P01).
#[derive(Debug)]
pub struct ServerError {
    pub message: String,
    pub code: String,
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ServerError {}

/// A server error as one line, its hint as promail's hint.
pub fn db_error(db: &tokio_postgres::error::DbError) -> anyhow::Error {
    let mut msg = format!("{} (SQLSTATE {})", db.message(), db.code().code());
    if let Some(d) = db.detail() {
        let _ = write!(msg, "; {d}");
    }
    if let Some(w) = db.where_() {
        let _ = write!(msg, "; {}", one_line_context(w));
    }
    let base = anyhow::Error::new(ServerError {
        message: msg,
        code: db.code().code().to_string(),
    });
    match db.hint() {
        Some(h) => crate::error::hint(base, h),
        None => base,
    }
}

/// The server's CONTEXT on one line: its frames (one per line) joined with `; `, the indented
/// continuation lines of a statement quoted in a frame joined with a space, so that
/// `DELETE FROM t` and its `    WHERE …` line do not read as two statements.
fn one_line_context(w: &str) -> String {
    let mut out = String::new();
    for (i, line) in w.lines().enumerate() {
        let continued = line.starts_with([' ', '\t']);
        if i > 0 {
            out.push_str(if continued { " " } else { "; " });
        }
        out.push_str(if continued { line.trim_start() } else { line });
    }
    out
}

/// A statement setting `name` to `value` for the rest of the transaction (`SET LOCAL`) when the
/// session's role is a superuser: for settings only a superuser may change (the statement does
/// nothing otherwise, where a plain `SET LOCAL` would fail). `name` must be a setting every
/// supported server has.
pub fn set_local_as_superuser(name: &str, value: &str) -> String {
    format!(
        "SELECT set_config('{name}', '{value}', true) \
         WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
    )
}

/// `.pg()` on tokio-postgres results.
pub trait PgExt<T> {
    fn pg(self) -> Result<T>;
}

impl<T> PgExt<T> for std::result::Result<T, tokio_postgres::Error> {
    fn pg(self) -> Result<T> {
        self.map_err(err)
    }
}

/// The SQLSTATE of an error anywhere in an anyhow chain, converted by [`err`] (`.pg()`) or
/// not, with or without hints and context around it.
pub fn sqlstate(e: &anyhow::Error) -> Option<String> {
    crate::error::find::<ServerError>(e)
        .map(|s| s.code.clone())
        .or_else(|| {
            crate::error::find::<tokio_postgres::Error>(e)
                .and_then(|e| e.code().map(|c| c.code().to_string()))
        })
}

/// Reads rows of common types into printable [`Rows`]. Queries cast anything exotic
/// (numeric, inet, intervals) to text or float8 in SQL.
pub fn rows(result: &[Row]) -> Result<Rows> {
    let Some(first) = result.first() else {
        return Ok(Rows::default());
    };
    let mut out = Rows::new(first.columns().iter().map(|c| c.name().to_string()));
    for row in result {
        let mut cells = Vec::with_capacity(row.len());
        for (i, col) in row.columns().iter().enumerate() {
            cells.push(cell(row, i, col.type_())?);
        }
        out.push(cells);
    }
    Ok(out)
}

/// The column names of a statement even when it returned no rows.
pub fn rows_with_columns(stmt_cols: &[tokio_postgres::Column], result: &[Row]) -> Result<Rows> {
    let mut r = rows(result)?;
    if r.columns.is_empty() {
        r.columns = stmt_cols.iter().map(|c| c.name().to_string()).collect();
    }
    Ok(r)
}

fn cell(row: &Row, i: usize, ty: &Type) -> Result<Value> {
    let v = match *ty {
        Type::BOOL => json!(row.try_get::<_, Option<bool>>(i)?),
        Type::INT2 => json!(row.try_get::<_, Option<i16>>(i)?),
        Type::INT4 => json!(row.try_get::<_, Option<i32>>(i)?),
        Type::INT8 => json!(row.try_get::<_, Option<i64>>(i)?),
        Type::OID => json!(row.try_get::<_, Option<u32>>(i)?),
        Type::FLOAT4 => json!(row.try_get::<_, Option<f32>>(i)?),
        Type::FLOAT8 => json!(row.try_get::<_, Option<f64>>(i)?),
        Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR | Type::UNKNOWN => {
            json!(row.try_get::<_, Option<String>>(i)?)
        }
        Type::TIMESTAMP => json!(row
            .try_get::<_, Option<NaiveDateTime>>(i)?
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())),
        Type::TIMESTAMPTZ => json!(row
            .try_get::<_, Option<DateTime<Utc>>>(i)?
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))),
        Type::DATE => json!(row
            .try_get::<_, Option<NaiveDate>>(i)?
            .map(|d| d.to_string())),
        Type::JSON | Type::JSONB => row.try_get::<_, Option<Value>>(i)?.unwrap_or(Value::Null),
        ref other => anyhow::bail!(
            "cannot display column {} of type {other}: cast it to text in the query",
            i + 1
        ),
    };
    Ok(v)
}

/// Quotes an identifier as `format('%I')` does (always quoted, which is always correct).
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Quotes a string literal as `quote_literal` does.
pub fn literal(s: &str) -> String {
    if s.contains('\\') {
        format!("E'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// After this long, a COMMIT still under way is said to be waiting for the synchronous standbys.
const SYNC_WAIT_NOTICE: std::time::Duration = std::time::Duration::from_secs(1);

/// Why a [`commit_within`] did not simply succeed.
pub enum CommitError {
    /// The COMMIT failed: nothing was committed.
    Pg(tokio_postgres::Error),
    /// Committed on this server, but the synchronous standbys did not confirm it in time: the
    /// whole message, with its hint.
    Unconfirmed(anyhow::Error),
}

/// The SQL of [`commit_waits`]: whether a COMMIT on this session waits for synchronous standbys.
pub const COMMIT_WAITS_SQL: &str = "SELECT current_setting('synchronous_standby_names') <> '' \
     AND current_setting('synchronous_commit') NOT IN ('off', 'local')";

/// Whether a COMMIT on this session waits for synchronous standbys
/// (`synchronous_standby_names` set, `synchronous_commit` above `local`): the `limit` to give
/// [`commit_within`], or `None` when no standby is waited for. Asked in the transaction about to
/// commit (a role's or database's settings apply); when the question fails, the wait is
/// bounded all the same.
pub async fn commit_waits(
    client: &impl tokio_postgres::GenericClient,
    limit: std::time::Duration,
) -> Option<std::time::Duration> {
    match client.query_one(COMMIT_WAITS_SQL, &[]).await {
        Ok(row) if !row.get::<_, bool>(0) => None,
        _ => Some(limit),
    }
}

/// Runs `commit` (a COMMIT of the transaction open on the session `cancel` belongs to). A
/// commit waits for the synchronous standbys the server is configured with
/// (`synchronous_standby_names`, with `synchronous_commit` on or above): past a second promail
/// says so; past `limit` it cancels the wait. PostgreSQL then ends the COMMIT with success and
/// the warning that the transaction has already committed locally but might not have been
/// replicated to the standby: once the commit is recorded, that wait is the only point where it
/// can be cancelled, so a success after the cancel means exactly that, and it is reported as
/// [`CommitError::Unconfirmed`] (a rerun finds the work done).
///
/// With no `limit` (no standby to wait for, from [`commit_waits`]) the commit is awaited as it
/// is: a commit can take seconds for other reasons (deferred triggers, removing the files of the
/// tables it truncated or dropped), which are neither a standby's delay nor to be cancelled.
pub async fn commit_within<F>(
    commit: F,
    cancel: tokio_postgres::CancelToken,
    limit: Option<std::time::Duration>,
    doing: &str,
) -> Result<(), CommitError>
where
    F: std::future::Future<Output = Result<(), tokio_postgres::Error>>,
{
    let Some(limit) = limit else {
        return commit.await.map_err(CommitError::Pg);
    };
    let started = std::time::Instant::now();
    tokio::pin!(commit);
    if let Ok(result) = tokio::time::timeout(SYNC_WAIT_NOTICE.min(limit), &mut commit).await {
        return result.map_err(CommitError::Pg);
    }
    if limit > SYNC_WAIT_NOTICE {
        ewriteln!(
            "warning: {doing}: the COMMIT has waited {} s for the synchronous standby to confirm it; giving up the wait after {} s (--sync-wait)",
            SYNC_WAIT_NOTICE.as_secs(),
            limit.as_secs()
        );
        let rest = limit.saturating_sub(SYNC_WAIT_NOTICE);
        if let Ok(result) = tokio::time::timeout(rest, &mut commit).await {
            return result.map_err(CommitError::Pg);
        }
    }
    let _ = cancel.cancel_query(tokio_postgres::NoTls).await;
    commit.await.map_err(CommitError::Pg)?;
    Err(CommitError::Unconfirmed(crate::error::hint(
        anyhow::anyhow!(
            "{doing}: committed on this server, but not confirmed by its synchronous standby within {:.0} s: PostgreSQL says the transaction has already committed locally, but might not have been replicated to the standby",
            started.elapsed().as_secs_f64()
        ),
        UNCONFIRMED_HINT,
    )))
}

/// The hint of a commit its synchronous standbys did not confirm.
pub const UNCONFIRMED_HINT: &str = "check the synchronous standbys (`promail monitor replication`, synchronous_standby_names); a failover now could lose this change, which the next run would redo";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_frames_and_statement_lines() {
        assert_eq!(
            one_line_context(
                "SQL statement \"DELETE FROM login_history\n    WHERE login_time < now()\"\nPL/pgSQL function cleanup_old_logs() line 3 at SQL statement"
            ),
            "SQL statement \"DELETE FROM login_history WHERE login_time < now()\"; PL/pgSQL function cleanup_old_logs() line 3 at SQL statement"
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(ident("login_history_2024_01"), "\"login_history_2024_01\"");
        assert_eq!(ident("we\"ird"), "\"we\"\"ird\"");
        assert_eq!(literal("it's"), "'it''s'");
        assert_eq!(literal("a\\b"), "E'a\\\\b'");
    }
}
