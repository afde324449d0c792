//! Errors as the user sees them: one line with the cause chain, an optional `hint:`, and the
//! documented exit codes (0 ok, 1 failure, 2 usage, 130 interrupted, 143 terminated).

use std::fmt;

/// Exit code of a run that failed.
pub const FAILURE: u8 = 1;
/// Exit code for bad input on the command line (clap uses it too).
pub const USAGE: u8 = 2;
/// Exit code after Ctrl-C / SIGINT, as shells report it.
pub const INTERRUPTED: u8 = 130;
/// Exit code after SIGTERM, as shells report it.
pub const TERMINATED: u8 = 143;

/// An error carrying the fix the user should try. Its `Display` is the whole wrapped chain, so
/// wrapping does not lose causes; the hint is printed on its own line.
#[derive(Debug)]
pub struct Hinted {
    error: anyhow::Error,
    hint: String,
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for Hinted {}

/// Bad input that clap could not catch (a malformed date, connection string, …): exit code 2.
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// A run that already said what it had to and only needs a given exit code (for example a
/// status check telling a deploy script that migrations are pending).
#[derive(Debug)]
pub struct Exit(pub u8);

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "exit status {}", self.0)
    }
}

impl std::error::Error for Exit {}

/// Attaches a hint to an error.
pub fn hint(error: impl Into<anyhow::Error>, hint: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Hinted {
        error: error.into(),
        hint: hint.into(),
    })
}

/// A usage error (exit code 2) with a message.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Usage(msg.into()))
}

/// `.hint("…")` on results.
pub trait HintExt<T> {
    fn hint(self, hint: impl Into<String>) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> HintExt<T> for Result<T, E> {
    fn hint(self, h: impl Into<String>) -> anyhow::Result<T> {
        self.map_err(|e| hint(e, h))
    }
}

/// The hint of the innermost error that has one.
pub fn hint_of(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .find_map(|e| e.downcast_ref::<Hinted>())
        .map(|h| h.hint.as_str())
}

/// Whether `err` is a usage error (bad arguments): exit 2, but not every exit 2 is one (`monitor
/// check`'s CRITICAL verdict is an [`Exit`] of 2).
pub fn is_usage(err: &anyhow::Error) -> bool {
    find::<Usage>(err).is_some()
}

/// The first error of type `T` in the chain, looking inside hinted errors too (a [`Hinted`]
/// shows its whole inner chain but does not expose it as its `source()`).
pub fn find<T: std::error::Error + Send + Sync + 'static>(err: &anyhow::Error) -> Option<&T> {
    for e in err.chain() {
        if let Some(t) = e.downcast_ref::<T>() {
            return Some(t);
        }
        if let Some(h) = e.downcast_ref::<Hinted>() {
            return find(&h.error);
        }
    }
    None
}

/// The exit code an error maps to.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for e in err.chain() {
        if let Some(Exit(code)) = e.downcast_ref::<Exit>() {
            return *code;
        }
    }
    if find::<Usage>(err).is_some() {
        return USAGE;
    }
    FAILURE
}

/// Prints an error to stderr the one way promail does: `error: outer: inner: cause`, then the
/// hint. A silent [`Exit`] prints nothing.
pub fn report(err: &anyhow::Error, color: bool) {
    if err.downcast_ref::<Exit>().is_some() {
        return;
    }
    let (red, yellow, bold, reset) = if color {
        ("\x1b[1;31m", "\x1b[1;33m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    // One line: newlines inside server messages would break log parsers.
    let text = format!("{err:#}").replace('\n', " ");
    ewriteln!("{red}error{reset}{bold}:{reset} {text}");
    if let Some(h) = hint_of(err) {
        ewriteln!("{yellow}hint{reset}{bold}:{reset} {h}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn hint_survives_context_and_keeps_the_chain() {
        let inner: anyhow::Result<()> = Err(anyhow::anyhow!("connection refused"));
        let err = inner
            .hint("start the server")
            .context("connecting to localhost:5432")
            .unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "connecting to localhost:5432: connection refused"
        );
        assert_eq!(hint_of(&err), Some("start the server"));
        assert_eq!(exit_code(&err), FAILURE);
    }

    #[test]
    fn usage_and_exit_codes() {
        assert_eq!(exit_code(&usage("bad date")), USAGE);
        assert_eq!(exit_code(&hint(usage("bad port"), "1-65535")), USAGE);
        assert_eq!(exit_code(&anyhow::Error::new(Exit(3))), 3);
    }
}
