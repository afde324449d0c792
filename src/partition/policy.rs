//! The partition policies kept in `promail.partition_policy` (migration 0002): loading them into
//! the planner's [`Policy`], choosing tables by name, and `partitions policy set`.

use anyhow::{anyhow, Result};
use chrono::NaiveDateTime;
use tokio_postgres::Client;

use crate::error::{hint, usage};
use crate::partition::plan::{Period, Policy, RetentionAction};
use crate::pg::{self, PgExt};

const POLICIES_SQL: &str = include_str!("../../sql/partition/policies.sql");
const UPDATE_SQL: &str = include_str!("../../sql/partition/policy_update.sql");
const CUTOFF_SQL: &str = include_str!("../../sql/partition/cutoff.sql");
const CHECK_RETENTION_SQL: &str = include_str!("../../sql/partition/check_retention.sql");

/// A policy as stored, with the retention as the server prints it (`90 days`), months in
/// words (`6 months`, not the server's `6 mons`).
#[derive(Debug, Clone)]
pub struct Stored {
    pub policy: Policy,
    pub retention_text: Option<String>,
}

/// Loads every policy, ordered by table.
pub async fn load(client: &Client) -> Result<Vec<Stored>> {
    let rows = client.query(POLICIES_SQL, &[]).await.map_err(|e| {
        if e.code() == Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE) {
            hint(
                anyhow!("promail.partition_policy does not exist: the database is not migrated"),
                "run `promail db migrate` first",
            )
        } else if e.code() == Some(&tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
            hint(
                pg::err(e).context("reading promail.partition_policy"),
                "a monitoring role needs: GRANT USAGE ON SCHEMA promail TO <role>; GRANT SELECT ON ALL TABLES IN SCHEMA promail TO <role>",
            )
        } else {
            pg::err(e).context("reading promail.partition_policy")
        }
    })?;
    rows.iter()
        .map(|r| {
            let table: String = r.get("parent_table");
            let period: String = r.get("period");
            let action: String = r.get("retention_action");
            let premake: i32 = r.get("premake");
            let retention: Option<String> = r.get("retention_text");
            let policy = Policy {
                column: r.get("control_column"),
                period: Period::parse(&period)?,
                premake: u32::try_from(premake).unwrap_or(0),
                retention: retention.clone(),
                action: RetentionAction::parse(&action)?,
                table,
            };
            Ok(Stored {
                policy,
                retention_text: retention.as_deref().map(in_words),
            })
        })
        .collect()
}

/// An interval as the server prints it, with its abbreviations in words: `6 mons` is
/// `6 months`, `1 mon` `1 month` (both read back by PostgreSQL the same).
pub fn in_words(interval: &str) -> String {
    interval
        .split(' ')
        .map(|w| match w {
            "mon" => "month",
            "mons" => "months",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The error for a table without a policy (a usage error: exit 2), naming the managed ones.
pub fn unknown_table(table: &str, all: &[Stored]) -> anyhow::Error {
    let names: Vec<&str> = all.iter().map(|s| s.policy.table.as_str()).collect();
    let managed = if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    };
    hint(
        usage(format!(
            "unknown table {table:?}: promail manages partitions of {managed}"
        )),
        "see `promail partitions policy`",
    )
}

/// The policies of `tables`, in the order given (all of them when empty). Duplicates are
/// taken once.
pub fn select<'a>(all: &'a [Stored], tables: &[String]) -> Result<Vec<&'a Stored>> {
    if tables.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut out: Vec<&Stored> = Vec::new();
    for t in tables {
        let t = unqualified(t);
        let s = all
            .iter()
            .find(|s| s.policy.table == t)
            .ok_or_else(|| unknown_table(t, all))?;
        if !out.iter().any(|o| o.policy.table == s.policy.table) {
            out.push(s);
        }
    }
    Ok(out)
}

/// A table name as given, without the `public.` schema promail manages tables in (as psql
/// accepts either).
fn unqualified(table: &str) -> &str {
    table.strip_prefix("public.").unwrap_or(table)
}

/// A retention given on the command line: `none`, or an interval the server understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetentionArg {
    Forever,
    Interval(String),
}

impl RetentionArg {
    pub fn parse(s: &str) -> RetentionArg {
        let t = s.trim();
        if t.eq_ignore_ascii_case("none") || t.eq_ignore_ascii_case("forever") {
            RetentionArg::Forever
        } else {
            RetentionArg::Interval(t.to_string())
        }
    }
}

/// What `partitions policy set` changes (`None`: keep).
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub premake: Option<u32>,
    pub retention: Option<RetentionArg>,
    pub action: Option<RetentionAction>,
}

/// Applies a change to the policy of `table` after checking it; returns the stored result.
/// Bad values are usage errors (exit 2), one line each.
pub async fn update(client: &Client, table: &str, change: &Change) -> Result<Stored> {
    let table = unqualified(table);
    let all = load(client).await?;
    let current = all
        .iter()
        .find(|s| s.policy.table == table)
        .ok_or_else(|| unknown_table(table, &all))?;
    let mut policy = current.policy.clone();
    if let Some(p) = change.premake {
        policy.premake = p;
    }
    let interval = match &change.retention {
        None => None,
        Some(RetentionArg::Forever) => {
            policy.retention = None;
            Some(None)
        }
        Some(RetentionArg::Interval(text)) => {
            policy.retention = Some(check_interval(client, &policy, text).await?);
            Some(Some(text.clone()))
        }
    };
    if let Some(a) = change.action {
        policy.action = a;
    }
    policy.validate().map_err(|e| usage(e.to_string()))?;
    let premake = change.premake.map(|p| i32::try_from(p).unwrap_or(i32::MAX));
    let retention: Option<String> = interval.clone().flatten();
    let action = change.action.map(RetentionAction::as_str);
    client
        .query_one(
            UPDATE_SQL,
            &[&table, &premake, &interval.is_some(), &retention, &action],
        )
        .await
        .pg()
        .map_err(|e| e.context(format!("updating the partition policy of {table}")))?;
    let all = load(client).await?;
    all.into_iter()
        .find(|s| s.policy.table == table)
        .ok_or_else(|| anyhow!("the policy of {table} disappeared while it was updated"))
}

/// The retention cutoff of `table` at `now`: `min(now, server clock) - retention`, computed by
/// the server with calendar months and years (see sql/partition/cutoff.sql). `None` when the
/// table keeps everything, or when the cutoff falls before the timestamps PostgreSQL can
/// represent (nothing is that old). Shared by `list` and `rotate`, so they always agree.
pub async fn cutoff(
    client: &Client,
    table: &str,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>> {
    match client.query_opt(CUTOFF_SQL, &[&table, &now]).await {
        Ok(row) => Ok(row.and_then(|r| r.get("cutoff"))),
        Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::DATETIME_FIELD_OVERFLOW) => {
            Ok(None)
        }
        Err(e) => Err(pg::err(e).context(format!("computing the retention cutoff of {table}"))),
    }
}

/// Checks a retention with the server's own rules (`90 days`, `3 months`, `1 year`) and returns
/// it as the server prints it. Refused (usage errors): a bare number (the server would read
/// `90` as 90 seconds), a non-positive interval, one shorter than one period of the table (it
/// would expire the partition being written to).
async fn check_interval(client: &Client, policy: &Policy, text: &str) -> Result<String> {
    let table = &policy.table;
    let bad = || {
        usage(format!(
            "invalid retention {text:?}: expected an interval such as '90 days', '12 weeks', '6 months', or 'none'"
        ))
    };
    let bare = text.trim().trim_start_matches(['+', '-']);
    if !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(hint(
            usage(format!(
                "retention {text:?} has no unit (PostgreSQL would read it as seconds)"
            )),
            format!("give the unit, e.g. '{bare} days'"),
        ));
    }
    let row = client
        .query_one(CHECK_RETENTION_SQL, &[&text, &policy.period.as_str()])
        .await
        .map_err(|e| {
            if e.code().is_some_and(|c| c.code().starts_with("22")) {
                bad()
            } else {
                pg::err(e)
            }
        })?;
    let shown = in_words(row.get("retention_text"));
    if !row.get::<_, bool>("positive") {
        return Err(usage(format!(
            "partition policy for {table}: retention must be positive, got {text:?}"
        )));
    }
    if row.get::<_, bool>("shorter_than_period") {
        let one = match policy.period {
            Period::Weekly => "7 days",
            Period::Monthly => "1 month",
        };
        return Err(hint(
            usage(format!(
                "retention {shown} is shorter than one period of {table} ({one}): it would expire the partition being written to"
            )),
            format!("give at least '{one}', or 'none' to keep everything"),
        ));
    }
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::in_words;

    #[test]
    fn months_are_said_in_words() {
        assert_eq!(in_words("6 mons"), "6 months");
        assert_eq!(in_words("1 mon"), "1 month");
        assert_eq!(in_words("1 year 2 mons 3 days"), "1 year 2 months 3 days");
        assert_eq!(in_words("90 days"), "90 days");
    }
}
