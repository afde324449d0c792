//! Running a report once or every `--watch` seconds. On a terminal each run redraws the screen
//! in place; without one, the runs follow each other. When the server goes away the watch says
//! so and keeps trying; Ctrl-C ends it (exit 130, see [`crate::interrupt`]).

use std::fmt::Write as _;
use std::time::Duration;

use anyhow::Result;

use super::{overview, Kind, Report};
use crate::connect::Db;
use crate::ctx::Ctx;
use crate::output::{write_stdout, Format};

/// Clears the screen and puts the cursor home.
const CLEAR: &str = "\x1b[H\x1b[2J";

/// One run's text for stdout, and its notes (for stderr).
async fn produce(db: &Db, kind: &Kind, format: Format, tty: bool) -> Result<(String, Vec<String>)> {
    if *kind == Kind::Overview {
        let sections = overview::collect(db).await;
        return Ok((overview::render(&sections, format, tty)?, Vec::new()));
    }
    let report: Report = super::collect(db, kind).await?;
    Ok((super::render(&report, format, tty)?, report.notes))
}

/// Runs `kind` once, notes on stderr.
pub async fn once(ctx: &Ctx, kind: &Kind, format: Format) -> Result<()> {
    if *kind == Kind::Overview && format == Format::Csv {
        // Refused before connecting.
        overview::render(&[], format, false)?;
    }
    let db = ctx.connect().await?;
    let (text, notes) = produce(&db, kind, format, ctx.out.stdout_tty).await?;
    write_stdout(&text)?;
    for n in notes {
        ctx.out.info(format!("note: {n}"));
    }
    Ok(())
}

/// Runs `kind` every `every` until interrupted.
pub async fn watch(ctx: &Ctx, kind: &Kind, format: Format, every: Duration) -> Result<()> {
    if *kind == Kind::Overview && format == Format::Csv {
        overview::render(&[], format, false)?;
    }
    let tty = ctx.out.stdout_tty;
    let mut db: Option<Db> = None;
    let mut was_down = false;
    loop {
        let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
        let mut frame = String::new();
        if tty {
            frame.push_str(CLEAR);
        }
        // On a terminal the frame is the screen; otherwise stdout carries only the report (a
        // script reads JSON or CSV there) and the status lines go to stderr.
        let say = |frame: &mut String, line: String| {
            if tty {
                let _ = writeln!(frame, "{line}");
            } else {
                ewriteln!("{line}");
            }
        };
        say(
            &mut frame,
            format!(
                "promail monitor {} every {}s, {now} (Ctrl-C to stop)",
                kind.name(),
                every.as_secs()
            ),
        );
        if db.is_none() {
            match ctx.connect().await {
                Ok(d) => {
                    if was_down {
                        say(&mut frame, "reconnected to the server".to_string());
                    }
                    db = Some(d);
                }
                Err(e) => {
                    was_down = true;
                    say(
                        &mut frame,
                        format!(
                            "cannot reach the server: {e:#}; trying again in {}s",
                            every.as_secs()
                        ),
                    );
                }
            }
        }
        if let Some(d) = &db {
            match produce(d, kind, format, tty).await {
                Ok((text, notes)) => {
                    frame.push_str(&text);
                    for n in notes {
                        say(&mut frame, format!("note: {n}"));
                    }
                }
                Err(e) if d.is_closed() => {
                    was_down = true;
                    say(
                        &mut frame,
                        format!(
                            "lost the connection to the server ({e:#}); trying again in {}s",
                            every.as_secs()
                        ),
                    );
                    db = None;
                }
                Err(e) => {
                    if crate::error::find::<crate::error::Usage>(&e).is_some() {
                        return Err(e);
                    }
                    say(&mut frame, format!("error: {e:#}"));
                }
            }
        }
        if !tty {
            frame.push('\n');
        }
        write_stdout(&frame)?;
        tokio::time::sleep(every).await;
    }
}
