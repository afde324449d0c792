//! `monitor sizes`: total, table, index and TOAST size of every table, by OID; a partitioned
//! table as the sum of its partitions (`--partitions` lists them under it). A relation that
//! another session holds or awaits in ACCESS EXCLUSIVE mode is skipped and named, never waited
//! on.

use anyhow::Result;
use serde_json::{json, Value};
use tokio_postgres::Client;

use super::Report;
use crate::output::Rows;
use crate::pg::PgExt;

const SQL: &str = include_str!("../../sql/monitor/sizes.sql");

/// One relation as the catalog query returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rel {
    pub oid: i64,
    /// Quoted and schema-qualified: `public."MixedCase"`.
    pub name: String,
    /// `r` table, `p` partitioned, `m` materialised view.
    pub kind: String,
    /// The top of its partition tree, for a partition.
    pub root: Option<i64>,
    pub locked: bool,
    pub total: Option<i64>,
    pub index: Option<i64>,
    pub toast: Option<i64>,
}

pub async fn collect(db: &Client, partitions: bool) -> Result<Report> {
    super::prepare(db).await?;
    // The locks are read in the same statement as the sizes; one taken in between makes the
    // statement time out on its lock, and a second look finds it.
    let mut tries = 0;
    let rows = loop {
        match db.query(SQL, &[]).await.pg() {
            Ok(rows) => break rows,
            Err(e) if super::lock_timed_out(&e) && tries < 2 => tries += 1,
            Err(e) => return Err(e.context("reading table sizes")),
        }
    };
    let rels: Vec<Rel> = rows
        .iter()
        .map(|r| Rel {
            oid: r.get(0),
            name: r.get(1),
            kind: r.get(2),
            root: r.get(3),
            locked: r.get(4),
            total: r.get(5),
            index: r.get(6),
            toast: r.get(7),
        })
        .collect();
    Ok(aggregate(&rels, partitions))
}

#[derive(Default, Clone, Copy)]
struct Sum {
    total: i64,
    index: i64,
    toast: i64,
}

impl Sum {
    fn add(&mut self, r: &Rel) {
        self.total += r.total.unwrap_or(0);
        self.index += r.index.unwrap_or(0);
        self.toast += r.toast.unwrap_or(0);
    }

    fn cells(self) -> [Value; 4] {
        [
            json!(self.total),
            json!(self.total - self.index - self.toast),
            json!(self.index),
            json!(self.toast),
        ]
    }
}

/// The rows, largest first: plain tables and partitioned tables (summed over their
/// partitions), with each partition under its table when `partitions`.
pub fn aggregate(rels: &[Rel], partitions: bool) -> Report {
    let mut cols = vec!["table", "kind"];
    if partitions {
        cols.push("partition_of");
    }
    cols.extend(["total_bytes", "table_bytes", "index_bytes", "toast_bytes"]);
    let mut rows = Rows::new(cols);
    let mut notes = Vec::new();
    let locked: Vec<&str> = rels
        .iter()
        .filter(|r| r.locked)
        .map(|r| r.name.as_str())
        .collect();
    if !locked.is_empty() {
        notes.push(format!(
            "skipped, locked ACCESS EXCLUSIVE by another session (held or awaited), not waited on: {}",
            locked.join(", ")
        ));
    }
    let mut tops: Vec<(&Rel, Sum, Vec<&Rel>)> = rels
        .iter()
        .filter(|r| r.root.is_none() && !r.locked)
        .map(|top| {
            let mut sum = Sum::default();
            sum.add(top);
            let mut parts: Vec<&Rel> = rels
                .iter()
                .filter(|p| p.root == Some(top.oid) && p.kind != "p")
                .collect();
            for p in &parts {
                sum.add(p);
            }
            parts.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name)));
            (top, sum, parts)
        })
        .collect();
    tops.sort_by(|a, b| b.1.total.cmp(&a.1.total).then(a.0.name.cmp(&b.0.name)));
    for (top, sum, parts) in tops {
        let skipped = parts.iter().filter(|p| p.locked).count();
        let kind = match top.kind.as_str() {
            "p" => {
                if skipped > 0 {
                    notes.push(format!(
                        "{}: the sum leaves out {skipped} locked partition(s)",
                        top.name
                    ));
                }
                format!(
                    "partitioned ({})",
                    crate::output::count(parts.len() as u64, "partition", "partitions")
                )
            }
            "m" => "materialized view".to_string(),
            _ => "table".to_string(),
        };
        let mut row = vec![json!(top.name), json!(kind)];
        if partitions {
            row.push(Value::Null);
        }
        row.extend(sum.cells());
        rows.push(row);
        if partitions {
            for p in parts.iter().filter(|p| !p.locked) {
                let mut s = Sum::default();
                s.add(p);
                let mut row = vec![json!(p.name), json!("partition"), json!(top.name)];
                row.extend(s.cells());
                rows.push(row);
            }
        }
    }
    Report { rows, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(oid: i64, name: &str, kind: &str, root: Option<i64>, total: i64) -> Rel {
        Rel {
            oid,
            name: name.into(),
            kind: kind.into(),
            root,
            locked: false,
            total: Some(total),
            index: Some(total / 4),
            toast: Some(0),
        }
    }

    #[test]
    fn partitioned_tables_are_the_sum_of_their_partitions() {
        let mut locked = rel(5, "public.\"Locked\"", "r", None, 0);
        locked.locked = true;
        locked.total = None;
        let mut locked_part = rel(6, "public.log_2024_03", "r", Some(2), 0);
        locked_part.locked = true;
        let rels = vec![
            rel(1, "public.users", "r", None, 100),
            rel(2, "public.log", "p", None, 0),
            rel(3, "public.log_2024_01", "r", Some(2), 80),
            rel(4, "public.log_2024_02", "r", Some(2), 40),
            locked,
            locked_part,
        ];
        let r = aggregate(&rels, false);
        assert_eq!(r.rows.rows.len(), 2);
        assert_eq!(r.rows.rows[0][0], json!("public.log"));
        assert_eq!(r.rows.rows[0][2], json!(120));
        assert_eq!(r.rows.rows[0][1], json!("partitioned (3 partitions)"));
        assert!(r.notes[0].contains("public.\"Locked\""), "{:?}", r.notes);
        assert!(r.notes[1].contains("leaves out 1 locked"), "{:?}", r.notes);
        let r = aggregate(&rels, true);
        let names: Vec<&Value> = r.rows.rows.iter().map(|r| &r[0]).collect();
        assert_eq!(
            names,
            [
                "public.log",
                "public.log_2024_01",
                "public.log_2024_02",
                "public.users"
            ]
        );
        assert_eq!(r.rows.rows[1][2], json!("public.log"));
    }
}
