//! promail: the lifecycle of the ProMail Assistant PostgreSQL database, as a library that the
//! `promail` binary, the tests and the benchmarks share.

pub mod cli;
pub mod commands;
pub mod connect;
pub mod conninfo;
pub mod ctx;
pub mod duration;
pub mod error;
pub mod local;
pub mod lock;
pub mod migrate;
pub mod output;
pub mod partition;
pub mod pg;
pub mod provision;
pub mod report;
pub mod seed;
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
            return u8::try_from(code).unwrap_or(error::USAGE);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return error::USAGE;
        }
    };
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
    let result = runtime.block_on(async {
        tokio::select! {
            r = commands::dispatch(cli.command, &ctx) => r,
            _ = tokio::signal::ctrl_c() => Err(anyhow::Error::new(Interrupted)),
        }
    });
    // Dropping the runtime drops open connections: the server rolls back whatever was under
    // way, so an interrupted command leaves the database as it was.
    drop(runtime);
    match result {
        Ok(()) => 0,
        Err(e) if e.chain().any(<dyn std::error::Error>::is::<Interrupted>) => {
            eprintln!("interrupted");
            error::INTERRUPTED
        }
        Err(e) => {
            error::report(&e, ctx.out.color);
            error::exit_code(&e)
        }
    }
}

/// Ctrl-C / SIGINT: reported as `interrupted`, exit code 130.
#[derive(Debug)]
pub(crate) struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}
