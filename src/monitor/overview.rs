//! `promail monitor` without a report: the overview, each section one short table or line. A
//! section that fails says why in one line; the others still print.

use std::fmt::Write as _;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::{Kind, Report};
use crate::connect::Db;
use crate::output::{cell_text, pretty_bytes, Format};
use crate::pg::PgExt;

const SERVER: &str = include_str!("../../sql/monitor/server.sql");

/// How many rows a table section shows.
const TOP: i64 = 5;

/// What a section shows.
#[derive(Debug)]
pub enum Body {
    Line(String),
    Table(Report),
}

#[derive(Debug)]
pub struct Section {
    pub title: &'static str,
    pub body: Result<Body>,
}

/// Reads every section on one session, in order.
pub async fn collect(db: &Db) -> Vec<Section> {
    let mut out = Vec::new();
    let _ = super::prepare(db).await;
    out.push(Section {
        title: "server",
        body: server(db).await,
    });
    out.push(Section {
        title: "connections",
        body: connections(db).await,
    });
    out.push(Section {
        title: "cache",
        body: cache(db).await,
    });
    out.push(Section {
        title: "activity",
        body: top(
            db,
            &Kind::Activity {
                flag_after_secs: 300.0,
            },
            "no session is doing anything (but this one)",
        )
        .await,
    });
    out.push(Section {
        title: "locks",
        body: top(db, &Kind::Locks, "no session is waiting for a lock").await,
    });
    out.push(Section {
        title: "largest tables",
        body: top(db, &Kind::Sizes { partitions: false }, "no table").await,
    });
    out.push(Section {
        title: "top queries",
        body: top(
            db,
            &Kind::Queries(super::queries::Options {
                by: super::queries::By::Total,
                all: false,
                limit: TOP,
            }),
            "no statement on emails or users recorded yet",
        )
        .await,
    });
    out.push(Section {
        title: "vacuum",
        body: top(db, &Kind::Vacuum { limit: TOP }, "no table").await,
    });
    out.push(Section {
        title: "unused indexes",
        body: unused(db).await,
    });
    out.push(Section {
        title: "replication",
        body: replication(db).await,
    });
    out.push(Section {
        title: "partitions",
        body: top(db, &Kind::Partitions, "no managed partitioned table").await,
    });
    out
}

async fn server(db: &Db) -> Result<Body> {
    let r = db.query_one(SERVER, &[]).await.pg()?;
    let standby: bool = r.get(0);
    let uptime: String = r.get(1);
    let bytes: i64 = r.get(2);
    Ok(Body::Line(format!(
        "PostgreSQL {}, {}, up {uptime}; database {} is {}",
        db.server.short_version(),
        if standby {
            "standby (in recovery)"
        } else {
            "primary"
        },
        db.info.dbname,
        pretty_bytes(bytes)
    )))
}

fn num(r: &Report, col: &str, row: usize) -> Value {
    r.rows
        .columns
        .iter()
        .position(|c| c == col)
        .and_then(|i| r.rows.rows.get(row).map(|x| x[i].clone()))
        .unwrap_or(Value::Null)
}

async fn connections(db: &Db) -> Result<Body> {
    let r = super::connections::collect(db).await?;
    let mut line = format!(
        "{} of {} used ({} %): {} active, {} idle, {} idle in transaction",
        num(&r, "used", 0),
        num(&r, "max_connections", 0),
        num(&r, "used_pct", 0),
        num(&r, "active", 0),
        num(&r, "idle", 0),
        num(&r, "idle_in_transaction", 0)
    );
    for n in &r.notes {
        line.push_str("; ");
        line.push_str(n);
    }
    Ok(Body::Line(line))
}

async fn cache(db: &Db) -> Result<Body> {
    let r = super::cache::collect(db).await?;
    let parts: Vec<String> = (0..r.rows.rows.len())
        .map(|i| {
            let pct = num(&r, "hit_pct", i);
            format!(
                "{} {}",
                cell_text(&num(&r, "scope", i)),
                if pct.is_null() {
                    "-".to_string()
                } else {
                    format!("{pct} %")
                }
            )
        })
        .collect();
    Ok(Body::Line(format!("hit ratio: {}", parts.join(", "))))
}

async fn unused(db: &Db) -> Result<Body> {
    let r = super::unused_indexes::collect(db).await?;
    let bytes: i64 = (0..r.rows.rows.len())
        .filter_map(|i| num(&r, "size_bytes", i).as_i64())
        .sum();
    Ok(Body::Line(match r.rows.rows.len() {
        0 => "none (`promail monitor unused-indexes`)".to_string(),
        n => format!(
            "{n} index(es), {} (`promail monitor unused-indexes` lists them)",
            pretty_bytes(bytes)
        ),
    }))
}

async fn replication(db: &Db) -> Result<Body> {
    let r = super::replication::collect(db).await?;
    let mut line = r.notes.join("; ");
    if super::replication::is_standby(db).await? {
        {
            let _ = write!(
                line,
                ": replay {} bytes, {} s behind",
                num(&r, "replay_lag_bytes", 0),
                num(&r, "replay_lag_s", 0)
            );
        };
    } else {
        for i in 0..r.rows.rows.len() {
            {
                let _ = write!(
                    line,
                    "; {} {} replay lag {} bytes",
                    cell_text(&num(&r, "name", i)),
                    cell_text(&num(&r, "state", i)),
                    num(&r, "replay_lag_bytes", i)
                );
            };
        }
    }
    Ok(Body::Line(line))
}

/// A report cut to its first rows; a line when it has none.
async fn top(db: &Db, kind: &Kind, empty: &str) -> Result<Body> {
    let mut r = super::collect(db, kind).await?;
    if r.rows.rows.is_empty() {
        let mut line = empty.to_string();
        for n in &r.notes {
            line.push_str("; ");
            line.push_str(n);
        }
        return Ok(Body::Line(line));
    }
    let total = r.rows.rows.len();
    r.rows.rows.truncate(TOP as usize);
    if total > r.rows.rows.len() {
        r.notes.push(format!(
            "{} more (`promail monitor {}`)",
            total - r.rows.rows.len(),
            kind.name()
        ));
    }
    Ok(Body::Table(r))
}

/// The overview as text or JSON (`{section: {"line"} | {"rows", "notes"} | {"error"}}`).
pub fn render(sections: &[Section], format: Format, stdout_tty: bool) -> Result<String> {
    match format {
        Format::Json => {
            let mut doc = Map::new();
            for s in sections {
                let v = match &s.body {
                    Ok(Body::Line(l)) => json!({ "line": l }),
                    Ok(Body::Table(r)) => {
                        let text = crate::output::render(Format::Json, &r.rows, false)?;
                        json!({
                            "rows": serde_json::from_str::<Value>(&text)?,
                            "notes": r.notes,
                        })
                    }
                    Err(e) => json!({ "error": format!("{e:#}") }),
                };
                doc.insert(s.title.replace(' ', "_"), v);
            }
            let mut s = serde_json::to_string_pretty(&Value::Object(doc))?;
            s.push('\n');
            Ok(s)
        }
        Format::Csv => Err(crate::error::hint(
            crate::error::usage("the overview is several tables: --format csv needs one report"),
            "name a report (`promail monitor sizes --format csv`) or use --format json",
        )),
        Format::Table => {
            let mut out = String::new();
            for s in sections {
                match &s.body {
                    Ok(Body::Line(l)) => {
                        let _ = writeln!(out, "{}: {l}", s.title);
                    }
                    Ok(Body::Table(r)) => {
                        {
                            let _ = writeln!(out, "{}:", s.title);
                        };
                        out.push_str(&super::render(r, Format::Table, stdout_tty)?);
                        for n in &r.notes {
                            {
                                let _ = writeln!(out, "  note: {n}");
                            };
                        }
                    }
                    Err(e) => {
                        let _ = writeln!(out, "{}: unavailable: {}", s.title, one_line(e));
                    }
                }
            }
            Ok(out)
        }
    }
}

/// An error and its hint on one line.
fn one_line(e: &anyhow::Error) -> String {
    match crate::error::hint_of(e) {
        Some(h) => format!("{e:#} (hint: {h})"),
        None => format!("{e:#}"),
    }
}
