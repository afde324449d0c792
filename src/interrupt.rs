//! Stopping a run from outside: SIGINT (Ctrl-C) and SIGTERM. The handlers exist before the
//! command starts; when a signal comes, the command is no longer polled, the server is asked to
//! cancel what every open session is running (closing the socket alone does not stop a backend
//! busy in a statement: it keeps its locks until it next writes to the client), and the run ends
//! with one line and the shell's exit code (130 or 143).

use std::future::Future;
use std::time::Duration;

use anyhow::Result;
use tokio::signal::unix::{signal, Signal, SignalKind};

use crate::connect;
use crate::error::{INTERRUPTED, TERMINATED};

/// How long cancel requests may take, all together, before the run ends anyway.
const CANCEL_LIMIT: Duration = Duration::from_millis(2500);

/// Ctrl-C / SIGINT: reported as `interrupted`, exit code 130.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// SIGTERM: reported as `terminated`, exit code 143.
#[derive(Debug)]
pub struct Terminated;

impl std::fmt::Display for Terminated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("terminated")
    }
}

impl std::error::Error for Terminated {}

/// The exit code and the one line for a run stopped by a signal; None for other errors.
pub fn stopped(err: &anyhow::Error) -> Option<(u8, &'static str)> {
    if crate::error::find::<Terminated>(err).is_some() {
        Some((TERMINATED, "terminated"))
    } else if crate::error::find::<Interrupted>(err).is_some() {
        Some((INTERRUPTED, "interrupted"))
    } else {
        None
    }
}

struct Signals {
    int: Signal,
    term: Signal,
}

impl Signals {
    /// Installs the handlers now (not when first polled), so that no signal can find the
    /// process without them.
    fn install() -> Result<Signals> {
        let install = |kind: SignalKind, name: &str| {
            signal(kind).map_err(|e| anyhow::anyhow!("installing the {name} handler: {e}"))
        };
        Ok(Signals {
            int: install(SignalKind::interrupt(), "SIGINT")?,
            term: install(SignalKind::terminate(), "SIGTERM")?,
        })
    }

    async fn recv(&mut self) -> anyhow::Error {
        tokio::select! {
            _ = self.int.recv() => anyhow::Error::new(Interrupted),
            _ = self.term.recv() => anyhow::Error::new(Terminated),
        }
    }
}

/// Runs `command` until it ends or a signal comes. On a signal, the command future is kept
/// (its sessions stay open) but no longer polled while the server is asked to cancel what they
/// run; a second signal stops waiting for that.
pub async fn run_until_signal(command: impl Future<Output = Result<()>>) -> Result<()> {
    let mut signals = Signals::install()?;
    tokio::pin!(command);
    let stop = tokio::select! {
        biased;
        s = signals.recv() => s,
        r = &mut command => return r,
    };
    tokio::select! {
        biased;
        _ = signals.recv() => {}
        () = connect::cancel_all(CANCEL_LIMIT) => {}
    }
    Err(stop)
}
