//! promail: the lifecycle of the ProMail Assistant PostgreSQL database, as a library that the
//! `promail` binary, the tests and the benchmarks share.

/// `eprintln!` that never panics: a closed stderr (`promail … 2>&1 | head`) must not turn a
/// note into a crash (exit 101); what cannot be written is dropped.
macro_rules! ewriteln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that never panics (see `ewriteln!`).
macro_rules! ewrite {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
        let _ = std::io::stderr().flush();
    }};
}

pub mod backup;
pub mod cli;
pub mod commands;
pub mod connect;
pub mod conninfo;
pub mod ctx;
pub mod duration;
pub mod error;
pub mod interrupt;
pub mod local;
pub mod lock;
pub mod migrate;
pub mod monitor;
pub mod output;
pub mod partition;
pub mod pg;
pub mod provision;
pub mod report;
pub mod schedule;
pub mod seed;
pub mod server;
pub mod size;
pub mod tls;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::ctx::Ctx;

/// Parses the command line, runs the command, prints any error; returns the exit code.
pub fn run() -> u8 {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            if code == i32::from(error::USAGE)
                && Cli::command()
                    .ignore_errors(true)
                    .try_get_matches()
                    .is_ok_and(|m| is_monitor_check(&m))
            {
                return NAGIOS_UNKNOWN;
            }
            return u8::try_from(code).unwrap_or(error::USAGE);
        }
    };
    let monitor_check = is_monitor_check(&matches);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return error::USAGE;
        }
    };
    if cli.global.local
        && matches.value_source("database_url") == Some(clap::parser::ValueSource::CommandLine)
    {
        // DATABASE_URL from the environment is simply overridden by --local; both on the
        // command line contradict each other.
        error::report(
            &error::hint(
                error::usage("--local and --database-url name two different databases"),
                "give one of them (--local overrides DATABASE_URL from the environment)",
            ),
            false,
        );
        return if monitor_check {
            NAGIOS_UNKNOWN
        } else {
            error::USAGE
        };
    }
    let ctx = Ctx::new(cli.global.clone());
    if matches.value_source("database_url") == Some(clap::parser::ValueSource::CommandLine)
        && cli
            .global
            .database_url
            .as_deref()
            .and_then(|u| conninfo::parse(u).ok())
            .is_some_and(|m| m.contains_key("password"))
    {
        ctx.out.warn(
            "a password given with --database-url is visible to other users in the process list; use PGPASSWORD or ~/.pgpass",
        );
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            error::report(&anyhow::anyhow!("starting the async runtime: {e}"), false);
            return error::FAILURE;
        }
    };
    let terminal = interrupt::Terminal::capture();
    // `schedule run` handles its own signals: it stops after its running jobs.
    let result = if matches!(
        cli.command,
        cli::Command::Schedule(commands::schedule::ScheduleCommand::Run(_))
    ) {
        runtime.block_on(commands::dispatch(cli.command, &ctx))
    } else {
        runtime.block_on(commands::dispatch_until_signal(cli.command, &ctx))
    };
    // Shutting the runtime down drops open connections: the server rolls back whatever was
    // under way, so an interrupted command leaves the database as it was. A prompt's thread may
    // still be blocked reading the terminal: do not wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    match result {
        Ok(()) => 0,
        Err(e) => {
            if let Some((code, line)) = interrupt::stopped(&e) {
                if let Some(t) = &terminal {
                    t.restore();
                }
                ewriteln!("{line}");
                return code;
            }
            error::report(&e, ctx.out.color);
            // A usage error, not the CRITICAL verdict (an `Exit(2)`).
            if monitor_check && error::is_usage(&e) {
                return NAGIOS_UNKNOWN;
            }
            error::exit_code(&e)
        }
    }
}

/// The exit code of `monitor check`'s usage errors: monitoring systems read 2 as CRITICAL, and
/// the Nagios plugin guidelines give bad arguments UNKNOWN (3).
const NAGIOS_UNKNOWN: u8 = 3;

/// Whether the command line is `monitor check`.
fn is_monitor_check(m: &clap::ArgMatches) -> bool {
    matches!(m.subcommand(), Some(("monitor", sub)) if matches!(sub.subcommand(), Some(("check", _))))
}

pub(crate) use interrupt::Interrupted;
