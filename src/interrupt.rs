//! Stopping a run from outside: SIGINT (Ctrl-C) and SIGTERM. The handlers exist before the
//! command starts; when a signal comes, the command is no longer polled, the server is asked to
//! cancel what every open session is running (closing the socket alone does not stop a backend
//! busy in a statement: it keeps its locks until it next writes to the client), the terminal is
//! put back as the run found it (a prompt may have turned echo off or hidden the cursor), and
//! the run ends with one line and the shell's exit code (130 or 143).

use std::future::Future;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use anyhow::Result;
use nix::sys::termios::{self, SetArg, Termios};
use tokio::signal::unix::{signal, Signal, SignalKind};

use crate::connect;
use crate::error::{INTERRUPTED, TERMINATED};

/// How long cancel requests may take, all together, before the run ends anyway.
const CANCEL_LIMIT: Duration = Duration::from_millis(2500);
/// How long a finished command waits for its connections to end cleanly (a Terminate message
/// and a close: well under a millisecond on a healthy network).
const CLOSE_LIMIT: Duration = Duration::from_millis(500);

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

/// Runs `command` until it ends or a signal comes (see [`Guard::run`]).
pub async fn run_until_signal(command: impl Future<Output = Result<()>>) -> Result<()> {
    Guard::install()?.run(command).await
}

/// The signal handlers of one run, installed once and kept across its steps (a recorded job:
/// recording its start, the job, recording its end), so that no signal falls between two
/// steps unseen.
pub struct Guard {
    signals: Signals,
}

impl Guard {
    /// Installs the handlers now.
    pub fn install() -> Result<Guard> {
        Ok(Guard {
            signals: Signals::install()?,
        })
    }

    /// Runs `command` until it ends or a signal comes. On a signal, the command future is kept
    /// (its sessions stay open) but no longer polled while the server is asked to cancel what
    /// they run; then it is dropped and its sessions end with a goodbye, as after a finished
    /// command (the server rolls back what was under way either way). A second signal stops
    /// waiting for either.
    pub async fn run<T>(&mut self, command: impl Future<Output = Result<T>>) -> Result<T> {
        let signals = &mut self.signals;
        let mut command = Box::pin(command);
        let stop = tokio::select! {
            biased;
            s = signals.recv() => s,
            r = &mut command => {
                // The command is over and its sessions dropped: their connections end cleanly.
                connect::close_all(CLOSE_LIMIT).await;
                return r;
            }
        };
        // Which prompt was open, read before the command (whose guard clears it) is dropped.
        let prompt = PROMPT.swap(NO_PROMPT, Ordering::SeqCst);
        tokio::select! {
            biased;
            _ = signals.recv() => {}
            () = async {
                connect::cancel_all(CANCEL_LIMIT).await;
                drop(command);
                connect::close_all(CLOSE_LIMIT).await;
            } => {}
        }
        match prompt {
            QUESTION => ewriteln!(),
            // rpassword ends the line itself when Ctrl-C is typed at it.
            PASSWORD if crate::error::find::<Interrupted>(&stop).is_none() => ewriteln!(),
            _ => {}
        }
        Err(stop)
    }

    /// Runs `last`, a short step after a signal stopped the run (recording that it was
    /// stopped), for at most `limit`; a second signal stops it at once.
    pub async fn finish_within(&mut self, limit: Duration, last: impl Future<Output = ()>) {
        tokio::select! {
            biased;
            _ = self.signals.recv() => {}
            _ = tokio::time::timeout(limit, last) => {}
        }
    }
}

/// The name of the signal that stopped a run (`SIGINT`, `SIGTERM`); None for other errors.
pub fn signal_name(err: &anyhow::Error) -> Option<&'static str> {
    if crate::error::find::<Terminated>(err).is_some() {
        Some("SIGTERM")
    } else if crate::error::find::<Interrupted>(err).is_some() {
        Some("SIGINT")
    } else {
        None
    }
}

const NO_PROMPT: u8 = 0;
const QUESTION: u8 = 1;
const PASSWORD: u8 = 2;
/// The prompt on the terminal, if any: its line is unfinished (and a question hides the
/// cursor).
static PROMPT: AtomicU8 = AtomicU8::new(NO_PROMPT);

/// Marks a prompt as open on the terminal until dropped, so that a signal ending the run
/// meanwhile ends the line (and shows the cursor again) before saying why.
pub struct OpenPrompt(());

impl OpenPrompt {
    /// A yes/no question (a line read from the terminal).
    pub fn question() -> OpenPrompt {
        PROMPT.store(QUESTION, Ordering::SeqCst);
        OpenPrompt(())
    }

    /// A password prompt (rpassword).
    pub fn password() -> OpenPrompt {
        PROMPT.store(PASSWORD, Ordering::SeqCst);
        OpenPrompt(())
    }
}

impl Drop for OpenPrompt {
    fn drop(&mut self) {
        PROMPT.store(NO_PROMPT, Ordering::SeqCst);
    }
}

/// The terminal's settings when the run started, to put back if a signal ends the run while a
/// prompt has changed them (a password prompt reads with echo off; the thread that would
/// restore them may still be blocked in its read).
pub struct Terminal {
    tty: std::fs::File,
    saved: Termios,
}

impl Terminal {
    /// The settings of the controlling terminal, when there is one.
    pub fn capture() -> Option<Terminal> {
        if !std::io::stdin().is_terminal() {
            // promail never prompts without a terminal on stdin.
            return None;
        }
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .ok()?;
        let saved = termios::tcgetattr(&tty).ok()?;
        Some(Terminal { tty, saved })
    }

    /// Puts the saved settings back if something changed them. Does nothing otherwise, so a
    /// run in the background never writes to the terminal (that would stop it with SIGTTOU).
    pub fn restore(&self) {
        let unchanged = termios::tcgetattr(&self.tty).is_ok_and(|now| {
            now.local_flags == self.saved.local_flags
                && now.input_flags == self.saved.input_flags
                && now.output_flags == self.saved.output_flags
                && now.control_chars == self.saved.control_chars
        });
        if !unchanged {
            let _ = termios::tcsetattr(&self.tty, SetArg::TCSANOW, &self.saved);
        }
    }
}
