//! `partitions list`: every managed table's partitions (bounds, estimated rows, size) and its
//! health (gaps, periods ahead, whether "now" is covered, rows in DEFAULT, partitions past
//! retention), as rows for tables and CSV, and as one JSON document holding both.

use anyhow::Result;
use chrono::NaiveDateTime;
use serde_json::{json, Value};
use tokio_postgres::Client;

use crate::output::{pretty_bytes, Rows};
use crate::partition::catalog::{self, TableCatalog, Want};
use crate::partition::plan::{bound_extent, fmt_ts, health, Bound, Health, State};
use crate::partition::policy::{self, Stored};

/// One table as `list` shows it.
#[derive(Debug, Clone)]
pub struct Listing {
    pub stored: Stored,
    pub catalog: TableCatalog,
    pub health: Health,
    pub now: NaiveDateTime,
}

/// Reads the listings of `tables` (all managed tables when empty).
pub async fn collect(
    client: &Client,
    tables: &[String],
    as_of: Option<NaiveDateTime>,
    lock_timeout: std::time::Duration,
    exact: bool,
) -> Result<Vec<Listing>> {
    catalog::prepare_session(client, lock_timeout).await?;
    let all = policy::load(client).await?;
    let mut out = Vec::new();
    for stored in policy::select(&all, tables)? {
        let p = &stored.policy;
        let want = Want {
            default_rows: Some(p.period),
            sizes: true,
            exact_default: exact,
        };
        let cat = catalog::read(client, &p.table, &p.column, want).await?;
        let now = as_of.unwrap_or(cat.server_now);
        // The same cutoff as `partitions rotate`.
        let cutoff = policy::cutoff(client, &p.table, now).await?;
        let (existing, foreign) = (cat.ranges(), cat.foreign());
        let mut h = health(
            p,
            &State {
                existing: &existing,
                foreign: &foreign,
                default_rows: &cat.default_rows,
                cutoff,
            },
            now,
        );
        h.default_rows = h.default_rows.saturating_add(cat.default_infinite);
        out.push(Listing {
            stored: stored.clone(),
            catalog: cat,
            health: h,
            now,
        });
    }
    Ok(out)
}

fn ts(t: NaiveDateTime) -> Value {
    json!(fmt_ts(t))
}

/// Partitions in range order, odd bounds after them, the DEFAULT partition last.
fn ordered(cat: &TableCatalog) -> Vec<&catalog::Child> {
    let mut v: Vec<&catalog::Child> = cat.children.iter().collect();
    v.sort_by_key(|c| match &c.bound {
        Bound::Range { from, to } => (0, Some(*from), Some(*to), c.name.clone()),
        Bound::Other(text) => match bound_extent(text) {
            Some((from, to)) => (0, Some(from), Some(to), c.name.clone()),
            None => (1, None, None, c.name.clone()),
        },
        Bound::Default => (2, None, None, c.name.clone()),
    });
    v
}

/// One row per partition: table, partition, from, to, est_rows, size. `human`: sizes
/// pretty-printed (`16 kB`); otherwise `size_bytes` as a number.
pub fn partition_rows(listings: &[Listing], human: bool) -> Rows {
    let size_col = if human { "size" } else { "size_bytes" };
    let mut rows = Rows::new(["table", "partition", "from", "to", "est_rows", size_col]);
    for l in listings {
        for c in ordered(&l.catalog) {
            let (from, to) = match &c.bound {
                Bound::Range { from, to } => (ts(*from), ts(*to)),
                Bound::Default => (json!("DEFAULT"), Value::Null),
                // MINVALUE/MAXVALUE (or ±infinity) bounds in the columns, as such.
                Bound::Other(text) => match bound_extent(text) {
                    Some((from, to)) => (
                        if from == NaiveDateTime::MIN {
                            json!("MINVALUE")
                        } else {
                            ts(from)
                        },
                        if to == NaiveDateTime::MAX {
                            json!("MAXVALUE")
                        } else {
                            ts(to)
                        },
                    ),
                    None => (json!(text), Value::Null),
                },
            };
            let est = json!(c.estimate().unwrap_or(c.live_rows));
            let size = match (c.bytes, human) {
                (Some(b), true) => json!(pretty_bytes(b)),
                (Some(b), false) => json!(b),
                (None, _) => Value::Null,
            };
            rows.push(vec![
                json!(l.catalog.table),
                json!(c.shown()),
                from,
                to,
                est,
                size,
            ]);
        }
    }
    rows
}

/// What is wrong, in words ("ok" when nothing).
fn status(l: &Listing) -> String {
    let mut problems = problems(l);
    // Bounds it does not read or manage (MINVALUE, BC dates…), or another schema: said, but no
    // failure for `--check` (promail never will do anything about them).
    match l.catalog.odd().count() {
        0 => {}
        1 => problems.push("1 partition promail leaves alone".to_string()),
        n => problems.push(format!("{n} partitions promail leaves alone")),
    }
    if problems.is_empty() {
        "ok".to_string()
    } else {
        problems.join("; ")
    }
}

/// `--check`: an error naming each table with a problem that `partitions rotate` (or the
/// DBA) must fix: no DEFAULT partition, none for now, fewer periods made ahead than the
/// policy's premake, rows in DEFAULT, gaps, partitions past retention.
pub fn check(listings: &[Listing]) -> anyhow::Result<()> {
    let bad: Vec<String> = listings
        .iter()
        .filter_map(|l| {
            let p = problems(l);
            (!p.is_empty()).then(|| format!("{} ({})", l.stored.policy.table, p.join("; ")))
        })
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    Err(crate::error::hint(
        anyhow::anyhow!("partitions need attention: {}", bad.join("; ")),
        "run `promail partitions rotate` (nightly from cron); `promail partitions list` shows the partitions",
    ))
}

/// The problems of one table, in words.
fn problems(l: &Listing) -> Vec<String> {
    let h = &l.health;
    let p = &l.stored.policy;
    let mut problems = Vec::new();
    if l.catalog.default_partition().is_none() {
        problems.push("no DEFAULT partition: inserts outside the partitions fail".to_string());
    }
    if !h.covers_now {
        problems.push(format!("no partition for {}", fmt_ts(l.now)));
    } else if h.ahead < p.premake {
        problems.push(format!("{} of {} periods made ahead", h.ahead, p.premake));
    }
    if h.default_rows > 0 {
        let about = if l.catalog.default_estimated {
            "≈"
        } else {
            ""
        };
        problems.push(match h.default_rows {
            1 => format!("{about}1 row in DEFAULT"),
            n => format!("{about}{n} rows in DEFAULT"),
        });
    }
    if !h.gaps.is_empty() {
        problems.push(match h.gaps.len() {
            1 => "1 gap".to_string(),
            n => format!("{n} gaps"),
        });
    }
    if !h.past_retention.is_empty() {
        problems.push(format!("{} past retention", h.past_retention.len()));
    }
    problems
}

/// One row per table. `human`: gaps and expired partitions as text; otherwise arrays.
pub fn health_rows(listings: &[Listing], human: bool) -> Rows {
    // A person reads `≈` in the cell; JSON and CSV get the flag as a column of its own.
    let mut columns = vec![
        "table",
        "period",
        "partitions",
        "covers_now",
        "periods_ahead",
        "premake",
        "default_rows",
    ];
    if !human {
        columns.push("default_rows_estimated");
    }
    columns.extend(["gaps", "past_retention", "status"]);
    let mut rows = Rows::new(columns);
    for l in listings {
        let h = &l.health;
        let p = &l.stored.policy;
        let (gaps, past) = if human {
            let g: Vec<String> = h
                .gaps
                .iter()
                .map(|(a, b)| format!("{}..{}", fmt_ts(*a), fmt_ts(*b)))
                .collect();
            (json!(abridge(&g)), json!(abridge(&h.past_retention)))
        } else {
            let g: Vec<Value> = h
                .gaps
                .iter()
                .map(|(a, b)| json!({"from": fmt_ts(*a), "to": fmt_ts(*b)}))
                .collect();
            (json!(g), json!(h.past_retention))
        };
        let mut row = vec![
            json!(p.table),
            json!(p.period.as_str()),
            json!(l.catalog.ranges().len()),
            json!(h.covers_now),
            json!(h.ahead),
            json!(p.premake),
            if human && l.catalog.default_estimated {
                json!(format!("≈{}", h.default_rows))
            } else {
                json!(h.default_rows)
            },
        ];
        if !human {
            row.push(json!(l.catalog.default_estimated));
        }
        row.extend([gaps, past, json!(status(l))]);
        rows.push(row);
    }
    rows
}

/// A list for a table cell: all of it when short, else `count: first … last`.
fn abridge(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a}, {b}"),
        [first, .., last] => format!("{}: {first} … {last}", items.len()),
    }
}

/// `{"now": …, "partitions": [...], "health": [...]}`.
pub fn json_document(listings: &[Listing]) -> Value {
    let objects = |rows: Rows| -> Vec<Value> {
        rows.rows
            .into_iter()
            .map(|r| {
                Value::Object(
                    rows.columns
                        .iter()
                        .cloned()
                        .zip(r)
                        .collect::<serde_json::Map<_, _>>(),
                )
            })
            .collect()
    };
    json!({
        "now": listings.first().map(|l| fmt_ts(l.now)),
        "partitions": objects(partition_rows(listings, false)),
        "health": objects(health_rows(listings, false)),
    })
}
