//! Advisory locks that never block: every change of the database takes one on its own
//! connection by polling `pg_try_advisory_lock` until a deadline (a blocking
//! `pg_advisory_lock` can deadlock with `CREATE INDEX CONCURRENTLY`), and names the holder
//! when it gives up.

use std::time::{Duration, Instant};

use anyhow::Result;
use tokio_postgres::Client;

use crate::pg::PgExt;

/// Lock keys, one per kind of change, in promail's own key space (first 32 bits: "PrMl").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Migrate,
    Partitions,
    Cleanup,
    Backup,
    Seed,
}

impl Key {
    pub fn id(self) -> i64 {
        const NS: i64 = 0x5072_4d6c << 32;
        NS | match self {
            Key::Migrate => 1,
            Key::Partitions => 2,
            Key::Cleanup => 3,
            Key::Backup => 4,
            Key::Seed => 5,
        }
    }

    pub fn what(self) -> &'static str {
        match self {
            Key::Migrate => "migration",
            Key::Partitions => "partition maintenance",
            Key::Cleanup => "cleanup",
            Key::Backup => "backup",
            Key::Seed => "seed",
        }
    }
}

/// How a wait for a lock ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acquired {
    /// We hold it (until [`release`] or the session ends).
    Yes { waited: Duration },
    /// Still held by someone else at the deadline.
    Busy {
        holder_pid: Option<i32>,
        holder_app: Option<String>,
    },
}

/// Polls for the lock until `wait` has passed. Poll interval grows from 50 ms to 500 ms.
pub async fn acquire(client: &Client, key: Key, wait: Duration) -> Result<Acquired> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(50);
    loop {
        let got: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key.id()])
            .await
            .pg()?
            .get(0);
        if got {
            return Ok(Acquired::Yes {
                waited: started.elapsed(),
            });
        }
        if started.elapsed() >= wait {
            let (holder_pid, holder_app) = holder(client, key).await?;
            return Ok(Acquired::Busy {
                holder_pid,
                holder_app,
            });
        }
        tokio::time::sleep(pause.min(wait.saturating_sub(started.elapsed()))).await;
        pause = (pause * 2).min(Duration::from_millis(500));
    }
}

/// Like [`acquire`], but a lock still held at the deadline is an error naming the holder.
pub async fn acquire_or_fail(client: &Client, key: Key, wait: Duration) -> Result<Duration> {
    match acquire(client, key, wait).await? {
        Acquired::Yes { waited } => Ok(waited),
        Acquired::Busy {
            holder_pid,
            holder_app,
        } => Err(busy_error(key, wait, holder_pid, holder_app.as_deref())),
    }
}

/// The one-line error for a lock still held after `wait`.
pub fn busy_error(key: Key, wait: Duration, pid: Option<i32>, app: Option<&str>) -> anyhow::Error {
    let who = match (pid, app) {
        (Some(p), Some(a)) if !a.is_empty() => format!("backend pid {p} ({a})"),
        (Some(p), _) => format!("backend pid {p}"),
        _ => "another session".to_string(),
    };
    let fix = match pid {
        Some(p) => format!(
            "wait for it to finish, or look at it with SELECT * FROM pg_stat_activity WHERE pid = {p}"
        ),
        None => "wait for it to finish; SELECT * FROM pg_locks WHERE locktype = 'advisory' shows the holder".to_string(),
    };
    crate::error::hint(
        anyhow::anyhow!(
            "another {} holds the lock: gave up after {}; held by {who}",
            key.what(),
            crate::duration::human(wait)
        ),
        fix,
    )
}

/// The warning of a run that finds another run of `what` holding the lock past its wait and
/// so does nothing (printed even with -q: a run that hangs holding the lock would otherwise
/// have every nightly run skip without a word).
pub fn skipped(what: &str, holder_pid: Option<i32>) -> String {
    let who = holder_pid.map_or_else(String::new, |p| format!(" (pid {p})"));
    format!("another {what} holds the lock{who}; nothing done here")
}

/// Releases the lock (it is also released when the session ends).
pub async fn release(client: &Client, key: Key) -> Result<()> {
    client
        .execute("SELECT pg_advisory_unlock($1)", &[&key.id()])
        .await
        .pg()?;
    Ok(())
}

async fn holder(client: &Client, key: Key) -> Result<(Option<i32>, Option<String>)> {
    let id = key.id();
    let row = client
        .query_opt(
            "SELECT l.pid, a.application_name::text FROM pg_locks l \
             LEFT JOIN pg_stat_activity a ON a.pid = l.pid \
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 \
               AND l.classid = (($1::bigint >> 32) & 4294967295)::oid \
               AND l.objid = ($1::bigint & 4294967295)::oid \
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
             LIMIT 1",
            &[&id],
        )
        .await
        .pg()?;
    Ok(row.map_or((None, None), |r| (r.get(0), r.get(1))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_hint_names_the_holder_pid() {
        let err = busy_error(
            Key::Migrate,
            Duration::from_millis(1500),
            Some(1234),
            Some("promail db migrate"),
        );
        assert_eq!(
            format!("{err:#}"),
            "another migration holds the lock: gave up after 1500 ms; held by backend pid 1234 (promail db migrate)"
        );
        assert!(crate::error::hint_of(&err)
            .unwrap()
            .ends_with("SELECT * FROM pg_stat_activity WHERE pid = 1234"));
        let err = busy_error(Key::Seed, Duration::from_secs(60), None, None);
        assert!(format!("{err:#}").contains("gave up after 1 min; held by another session"));
        assert!(!crate::error::hint_of(&err).unwrap().contains('…'));
    }
}
