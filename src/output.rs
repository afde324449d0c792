//! Everything promail writes: rows to stdout as a table, JSON or CSV; messages, warnings and
//! prompts to stderr. Whether the streams are terminals and whether colour is wanted is decided
//! once, here.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use clap::ValueEnum;
use comfy_table::{presets, ContentArrangement, Table};
use serde_json::Value;

/// `1 partition`, `3 partitions`: a count with its noun, singular for one.
pub fn count(n: u64, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// How rows are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for people
    #[default]
    Table,
    /// A JSON array of objects, one per row (a command whose output has several parts says
    /// its shape in its help)
    Json,
    /// RFC 4180 CSV with a header line
    Csv,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and NO_COLOR is not set
    #[default]
    Auto,
    Always,
    Never,
}

/// A result set: column names and rows of JSON values (so JSON output is the same data).
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Rows {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The output settings of one run.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent switches, not states
pub struct Output {
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
}

impl Output {
    pub fn new(color: ColorChoice, quiet: bool, verbose: u8) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stderr_tty && !no_color,
        };
        Output {
            quiet,
            verbose,
            color,
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty,
        }
    }

    /// Whether prompts and progress bars may be shown.
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }

    /// A progress bar may be drawn (stderr is a terminal and not quiet).
    pub fn progress(&self) -> bool {
        self.stderr_tty && !self.quiet
    }

    /// A line of status on stderr, unless `--quiet`.
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            ewriteln!("{}", msg.as_ref());
        }
    }

    /// A line on stderr with `-v`.
    pub fn verbose(&self, msg: impl AsRef<str>) {
        if self.verbose > 0 && !self.quiet {
            ewriteln!("{}", msg.as_ref());
        }
    }

    /// A warning on stderr (shown even with `--quiet`: it may need action).
    pub fn warn(&self, msg: impl AsRef<str>) {
        let (y, r) = if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("", "")
        };
        ewriteln!("{y}warning{r}: {}", msg.as_ref());
    }

    /// Prints rows to stdout in the chosen format.
    pub fn rows(&self, format: Format, rows: &Rows) -> Result<()> {
        let text = render(format, rows, self.stdout_tty)?;
        write_stdout(&text)
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a message.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(crate::error::Exit(0)))
        }
        other => other.context("writing to stdout"),
    }
}

/// Renders rows as text in the chosen format.
pub fn render(format: Format, rows: &Rows, tty: bool) -> Result<String> {
    match format {
        Format::Table => Ok(render_table(rows, tty)),
        Format::Json => {
            let list: Vec<serde_json::Map<String, Value>> = rows
                .rows
                .iter()
                .map(|r| {
                    rows.columns
                        .iter()
                        .cloned()
                        .zip(r.iter().cloned())
                        .collect()
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&list)?;
            s.push('\n');
            Ok(s)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(&rows.columns)?;
            for r in &rows.rows {
                w.write_record(r.iter().map(cell_text))?;
            }
            Ok(String::from_utf8(w.into_inner()?)?)
        }
    }
}

fn render_table(rows: &Rows, tty: bool) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    if !tty {
        // Plain ASCII when piped: greppable, and no width guessing.
        t.load_preset(presets::ASCII_MARKDOWN);
    }
    t.set_content_arrangement(if tty {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    t.set_header(&rows.columns);
    for r in &rows.rows {
        t.add_row(r.iter().map(cell_text));
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// A cell as text: strings unquoted, NULL empty.
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Human-readable byte size, as pg_size_pretty prints it.
pub fn pretty_bytes(n: i64) -> String {
    const UNITS: [&str; 5] = ["bytes", "kB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut i = 0;
    while v.abs() >= 10240.0 && i + 1 < UNITS.len() {
        v /= 1024.0;
        i += 1;
    }
    if i == 0 {
        format!("{n} bytes")
    } else {
        format!("{} {}", v.round(), UNITS[i])
    }
}

/// A word for a shell, in emitted command lines and in hints: as is when plain, else
/// single-quoted.
pub fn sh_quote(w: &str) -> String {
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./=:,@+-".contains(c))
    {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "partition", "partitions"), "1 partition");
        assert_eq!(count(0, "partition", "partitions"), "0 partitions");
        assert_eq!(count(3, "row", "rows"), "3 rows");
    }

    fn sample() -> Rows {
        let mut r = Rows::new(["id", "name", "note"]);
        r.push(vec![json!(1), json!("a,b"), Value::Null]);
        r.push(vec![json!(2), json!("c"), json!(true)]);
        r
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let s = render(Format::Json, &sample(), false).unwrap();
        let v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v[0]["id"], json!(1));
        assert_eq!(v[0]["note"], Value::Null);
        assert!(s.find("\"id\"").unwrap() < s.find("\"name\"").unwrap());
    }

    #[test]
    fn csv_quotes_and_nulls() {
        let s = render(Format::Csv, &sample(), false).unwrap();
        assert_eq!(s, "id,name,note\n1,\"a,b\",\n2,c,true\n");
    }

    #[test]
    fn table_has_header_and_cells() {
        let s = render(Format::Table, &sample(), false).unwrap();
        assert!(s.contains("name") && s.contains("a,b"));
    }

    #[test]
    fn sizes_like_pg_size_pretty() {
        assert_eq!(pretty_bytes(8192), "8192 bytes");
        assert_eq!(pretty_bytes(16384), "16 kB");
        assert_eq!(pretty_bytes(50 * 1024 * 1024), "50 MB");
    }
}
