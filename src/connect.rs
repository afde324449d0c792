//! Opening a session the way every promail command does: TLS per `sslmode`, a bounded connect
//! timeout, a password prompt only where a person can answer it, and failures explained in one
//! line with the likely fix.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::Result;
use tokio_postgres::{CancelToken, Client, NoTls};

use crate::conninfo::{CertMode, ConnInfo, PasswordSource, Secret, SslMode};
use crate::error::hint;
use crate::server::{Extensions, Server};
use crate::tls::{self, Verify};

/// When to ask for a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Never (no terminal): fail with a hint instead.
    Never,
    /// When the server asks for one and none is configured (a terminal is there).
    IfNeeded,
    /// Before connecting (`-W`, as psql), unless the password was already typed at a prompt
    /// in this run ([`PasswordSource::Prompt`]).
    Always,
}

/// An open session and the parameters it was opened with.
pub struct Db {
    pub client: Client,
    pub info: ConnInfo,
    /// The server's version, as it reported it when the session started.
    pub server: Server,
    /// Its extensions, read on first use ([`Db::extensions`]).
    extensions: tokio::sync::OnceCell<Extensions>,
    /// What the server reported at startup for `target_session_attrs`.
    reported: Reported,
    /// The task driving the connection; handed to [`CLOSING`] when the session is dropped.
    task: Option<tokio::task::JoinHandle<()>>,
    /// Its entry in [`SESSIONS`].
    session: u64,
    /// The hosts of the list passed over before this one, in order (for `-v`).
    pub skipped: Vec<Skipped>,
    /// How long the connection that succeeded took (hosts tried, TLS, authentication), not
    /// counting the time a person spent typing a password at a prompt (`db ping`'s connect_ms).
    pub connect_time: std::time::Duration,
}

/// A host of the list that was tried and passed over, why in a few words, and what it cost.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub target: String,
    pub reason: String,
    pub took: Duration,
    /// Passed over for not being the kind `target_session_attrs` asks for.
    wrong_kind: bool,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({} ms)",
            self.target,
            self.reason,
            self.took.as_millis()
        )
    }
}

impl Drop for Db {
    /// The client goes right after this: its connection then sends the server a Terminate
    /// message and closes, as psql does, once the task gets to run (see [`close_all`]).
    fn drop(&mut self) {
        sessions().remove(&self.session);
        if let Some(task) = self.task.take() {
            closing().push(task);
        }
    }
}

/// Connections of dropped sessions still saying goodbye to the server.
static CLOSING: Mutex<Vec<tokio::task::JoinHandle<()>>> = Mutex::new(Vec::new());

fn closing() -> MutexGuard<'static, Vec<tokio::task::JoinHandle<()>>> {
    CLOSING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Lets the connections of every dropped session end cleanly, waiting at most `limit`. A
/// connection merely dropped with the process resets its socket: the server logs "could not
/// receive data from client: Connection reset by peer" and counts the session as abandoned
/// (`pg_stat_database.sessions_abandoned`), on every run.
pub async fn close_all(limit: Duration) {
    let tasks = std::mem::take(&mut *closing());
    let _ = tokio::time::timeout(limit, futures_util::future::join_all(tasks)).await;
}

/// How to ask the server to cancel what a session runs: its cancel key, and the TLS connector
/// when the session uses TLS (the cancel request goes the same way as the session).
struct CancelKey {
    token: CancelToken,
    tls: Option<tls::Tracked>,
}

/// Every open [`Db`] of the process, so that a signal can cancel what they run.
static SESSIONS: Mutex<BTreeMap<u64, CancelKey>> = Mutex::new(BTreeMap::new());
static NEXT_SESSION: AtomicU64 = AtomicU64::new(0);

fn sessions() -> MutexGuard<'static, BTreeMap<u64, CancelKey>> {
    SESSIONS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Asks the server to cancel the statement every open session is running (an idle session
/// ignores it), all at once, giving up after `limit`. Dropping a session does not do this: a
/// backend busy in a statement notices the closed socket only when it next writes, and keeps
/// its locks until then.
pub async fn cancel_all(limit: Duration) {
    let keys: Vec<(CancelToken, Option<tls::Tracked>)> = sessions()
        .values()
        .map(|k| (k.token.clone(), k.tls.clone()))
        .collect();
    let cancels = keys.into_iter().map(|(token, tls)| async move {
        // Nothing to do about a failure: the run is ending, and the server notices the closed
        // session on its own eventually.
        let _ = match tls {
            Some(t) => token.cancel_query(t).await,
            None => token.cancel_query(NoTls).await,
        };
    });
    let _ = tokio::time::timeout(limit, futures_util::future::join_all(cancels)).await;
}

impl Db {
    /// The extensions installed in the session's database, read once per session.
    pub async fn extensions(&self) -> Result<&Extensions> {
        self.extensions
            .get_or_try_init(|| Extensions::read(&self.client))
            .await
    }
}

impl std::ops::Deref for Db {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

/// Connects, prompting for a password if allowed and needed.
pub async fn connect(info: &ConnInfo, prompt: Prompt) -> Result<Db> {
    let mut info = info.clone();
    if prompt == Prompt::Always && info.password_source != PasswordSource::Prompt {
        ask_password(&mut info).await?;
    }
    let timed = |info: &ConnInfo| {
        let info = info.clone();
        async move {
            let started = std::time::Instant::now();
            try_hosts(&info).await.map(|mut db| {
                db.connect_time = started.elapsed();
                db
            })
        }
    };
    match timed(&info).await {
        Ok(db) => Ok(db),
        Err(f) if matches!(f.failure, Failure::PasswordMissing) && prompt == Prompt::IfNeeded => {
            ask_password(&mut info).await?;
            timed(&info).await.map_err(HostsFailed::explain)
        }
        Err(f) => Err(f.explain()),
    }
}

/// The search ended without a session: at `failure` on the host `at`, after passing over
/// `skipped`. `exhausted`: every host was passed over (the last one too would have been, had
/// there been another); otherwise the last one ended the search (a refused login, say).
struct HostsFailed {
    failure: Failure,
    /// The parameters of the last host tried.
    at: ConnInfo,
    skipped: Vec<Skipped>,
    exhausted: bool,
}

impl HostsFailed {
    fn explain(self) -> anyhow::Error {
        if self.skipped.is_empty() {
            return self.failure.explain(&self.at);
        }
        let earlier = |s: &[Skipped]| {
            s.iter()
                .map(|s| format!("{}: {}", s.target, s.reason))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if !self.exhausted {
            let skipped = self
                .skipped
                .iter()
                .map(|s| format!("{} ({})", s.target, s.reason))
                .collect::<Vec<_>>()
                .join(", ");
            return self
                .failure
                .explain(&self.at)
                .context(format!("after passing over {skipped}"));
        }
        let wrong_kind = matches!(self.failure, Failure::WrongKind { .. })
            || self.skipped.iter().any(|s| s.wrong_kind);
        let mut all = self.skipped;
        all.push(Skipped {
            target: self.at.target(),
            reason: self.failure.short(&self.at),
            took: Duration::ZERO,
            wrong_kind: false,
        });
        let attrs = self.at.target_session_attrs.as_deref().unwrap_or("any");
        let fix = if wrong_kind && matches!(attrs, "standby" | "read-only") {
            format!(
                "target_session_attrs={attrs} accepts none of them: list a standby, or use prefer-standby to fall back to the primary"
            )
        } else if wrong_kind {
            format!(
                "target_session_attrs={attrs} accepts none of them: if a failover is under way, retry once the new primary is promoted; otherwise list every node in the connection string"
            )
        } else {
            "are the servers running and reachable? A restart or failover may be under way: retry in a moment; PGCONNECT_TIMEOUT or connect_timeout=N bounds each host's wait".to_string()
        };
        hint(
            anyhow::anyhow!(
                "no server could be used among the {} hosts listed ({})",
                all.len(),
                earlier(&all)
            ),
            fix,
        )
    }
}

/// Tries the hosts in turn, as libpq does: each gets its own `connect_timeout` for the whole
/// handshake, and the next is tried when one cannot be reached, does not answer in time, is
/// starting up or full, or is not the kind `target_session_attrs` asks for. A server that
/// answers and refuses the login (password, pg_hba, unknown role or database) ends the search.
/// `prefer-standby` makes two passes over the hosts: a standby first, then any server.
async fn try_hosts(info: &ConnInfo) -> Result<Db, HostsFailed> {
    let passes: &[Want] = match info.target_session_attrs.as_deref() {
        Some("prefer-standby") => &[Want::Standby, Want::Any],
        Some("read-write") => &[Want::ReadWrite],
        Some("read-only") => &[Want::ReadOnly],
        Some("primary") => &[Want::Primary],
        Some("standby") => &[Want::Standby],
        _ => &[Want::Any],
    };
    let mut skipped = Vec::new();
    let count = info.hosts.len();
    let mut order: Vec<usize> = (0..count).collect();
    if info.load_balance_random {
        use rand::seq::SliceRandom;
        order.shuffle(&mut rand::thread_rng());
    }
    for (pass, want) in passes.iter().enumerate() {
        let last_pass = pass + 1 == passes.len();
        for (n, &i) in order.iter().enumerate() {
            let one = info.nth_host(i);
            let started = std::time::Instant::now();
            // Boxed: the attempt's future is large, and every command awaits this one.
            let failure = match Box::pin(try_connect(&one)).await {
                Ok(mut db) => match session_mismatch(&db, *want).await {
                    Ok(None) => {
                        db.skipped = skipped;
                        return Ok(db);
                    }
                    Ok(Some(why)) => Failure::WrongKind {
                        why,
                        standby: db.reported.in_hot_standby.or(db.server.in_hot_standby),
                    },
                    Err(e) => e,
                },
                Err(f) => f,
            };
            let more = !last_pass || n + 1 < count;
            if more && failure.try_next_host() {
                // The first pass of prefer-standby passing over a primary is no failure.
                if last_pass || !matches!(failure, Failure::WrongKind { .. }) {
                    skipped.push(Skipped {
                        target: one.target(),
                        reason: failure.short(&one),
                        took: started.elapsed(),
                        wrong_kind: matches!(failure, Failure::WrongKind { .. }),
                    });
                }
                continue;
            }
            let exhausted = failure.try_next_host();
            return Err(HostsFailed {
                failure,
                at: one,
                skipped,
                exhausted,
            });
        }
    }
    unreachable!("a connection has at least one host")
}

/// What `target_session_attrs` asks of a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Any,
    ReadWrite,
    ReadOnly,
    Primary,
    Standby,
}

/// Why a session is not the kind asked for, in libpq's words; None when it is. As libpq 14+:
/// from the `in_hot_standby` and `default_transaction_read_only` the server reports at startup
/// (PostgreSQL 14 and later), else by asking (`SHOW transaction_read_only`,
/// `pg_is_in_recovery()`), as libpq does with PostgreSQL 13.
async fn session_mismatch(db: &Db, want: Want) -> Result<Option<&'static str>, Failure> {
    let ask = |sql: &'static str| async move {
        let rows = db.client.simple_query(sql).await.map_err(Failure::Pg)?;
        Ok::<bool, Failure>(rows.iter().any(|m| {
            matches!(m, tokio_postgres::SimpleQueryMessage::Row(r)
                if matches!(r.get(0), Some("on" | "t")))
        }))
    };
    Ok(match want {
        Want::Any => None,
        Want::ReadWrite | Want::ReadOnly => {
            let read_only = match (db.reported.in_hot_standby, db.reported.default_read_only) {
                (Some(standby), Some(read_only)) => standby || read_only,
                _ => ask(include_str!("../sql/connect/read_only.sql")).await?,
            };
            match (want, read_only) {
                (Want::ReadWrite, true) => Some("session is read-only"),
                (Want::ReadOnly, false) => Some("session is not read-only"),
                _ => None,
            }
        }
        Want::Primary | Want::Standby => {
            let standby = match db.reported.in_hot_standby {
                Some(s) => s,
                None => ask(include_str!("../sql/connect/in_recovery.sql")).await?,
            };
            match (want, standby) {
                (Want::Primary, true) => Some("server is in hot standby mode"),
                (Want::Standby, false) => Some("server is not in hot standby mode"),
                _ => None,
            }
        }
    })
}

/// What the server reported about itself at startup that `target_session_attrs` needs:
/// PostgreSQL 14 and later report both, older servers neither.
#[derive(Debug, Clone, Copy, Default)]
struct Reported {
    in_hot_standby: Option<bool>,
    default_read_only: Option<bool>,
}

/// Reads a password on the terminal. The read blocks, so it runs on a thread of its own:
/// the signal handlers keep running meanwhile.
pub async fn read_password(prompt: String) -> Result<String> {
    let _open = crate::interrupt::OpenPrompt::password();
    tokio::task::spawn_blocking(move || rpassword::prompt_password(prompt))
        .await
        .map_err(|e| anyhow::anyhow!("reading the password from the terminal: {e}"))?
        .map_err(|e| match e.kind() {
            // Ctrl-C at the prompt: the run was interrupted, not failed (exit 130).
            ErrorKind::Interrupted => anyhow::Error::new(crate::Interrupted),
            _ => anyhow::anyhow!("reading the password from the terminal: {e}"),
        })
}

async fn ask_password(info: &mut ConnInfo) -> Result<()> {
    let p = read_password(format!("Password for user {}: ", info.user)).await?;
    info.password = Some(Secret::new(p));
    info.password_source = PasswordSource::Prompt;
    Ok(())
}

enum Failure {
    PasswordMissing,
    /// pg_hba refused the session with TLS and without (`prefer`/`allow` tried both).
    RefusedBoth(tokio_postgres::Error),
    /// pg_hba refused the session (SQLSTATE 28000, not a missing role); `tls`: whether the
    /// refused session was encrypted.
    Refused {
        e: tokio_postgres::Error,
        tls: bool,
    },
    Timeout(Duration),
    /// The server is not the kind `target_session_attrs` asks for (`why` in libpq's words);
    /// `standby`: whether it is one, when known.
    WrongKind {
        why: &'static str,
        standby: Option<bool>,
    },
    Pg(tokio_postgres::Error),
    Setup(anyhow::Error),
}

fn config(info: &ConnInfo) -> tokio_postgres::Config {
    let mut cfg = tokio_postgres::Config::new();
    for h in &info.hosts {
        if h.starts_with('/') {
            cfg.host_path(h);
        } else {
            cfg.host(h);
        }
    }
    for p in &info.ports {
        cfg.port(*p);
    }
    cfg.user(&info.user)
        .dbname(&info.dbname)
        .application_name(&info.application_name);
    if let Some(p) = &info.password {
        cfg.password(p.expose());
    }
    if let Some(t) = info.connect_timeout {
        cfg.connect_timeout(t);
    }
    // PGTZ, PGDATESTYLE, PGGEQO: libpq sends them at startup; so do we, as `-c` options.
    let mut options = info.options.clone().unwrap_or_default();
    for (setting, value) in &info.session_settings {
        let escaped = value.replace('\\', "\\\\").replace(' ', "\\ ");
        if !options.is_empty() {
            options.push(' ');
        }
        options.push_str("-c ");
        options.push_str(setting);
        options.push('=');
        options.push_str(&escaped);
    }
    if !options.is_empty() {
        cfg.options(&options);
    }
    let k = &info.keepalives;
    cfg.keepalives(k.on);
    if let Some(d) = k.idle {
        cfg.keepalives_idle(d);
    }
    if let Some(d) = k.interval {
        cfg.keepalives_interval(d);
    }
    if let Some(n) = k.count {
        cfg.keepalives_retries(n);
    }
    if let Some(d) = k.tcp_user_timeout {
        cfg.tcp_user_timeout(d);
    }
    for a in &info.hostaddrs {
        cfg.hostaddr(*a);
    }
    match info.channel_binding.as_deref() {
        Some("disable") => {
            cfg.channel_binding(tokio_postgres::config::ChannelBinding::Disable);
        }
        Some("require") => {
            cfg.channel_binding(tokio_postgres::config::ChannelBinding::Require);
        }
        _ => {}
    }
    cfg
}

/// How one attempt uses TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transport {
    Plain,
    /// TLS if the server offers it, else plain (tokio-postgres's `prefer`).
    TlsIfOffered,
    /// TLS or fail, checking the certificate as told.
    Tls(Verify),
}

/// The first transport to try for a `sslmode`, as libpq orders them.
fn first_transport(info: &ConnInfo) -> Transport {
    if info.is_socket() {
        // libpq never uses TLS on a Unix socket, whatever the sslmode.
        return Transport::Plain;
    }
    match info.sslmode {
        SslMode::Disable | SslMode::Allow => Transport::Plain,
        SslMode::Prefer => Transport::TlsIfOffered,
        // libpq: require with a root certificate file present behaves as verify-ca.
        SslMode::Require
            if info
                .sslrootcert
                .as_deref()
                .is_some_and(std::path::Path::exists) =>
        {
            Transport::Tls(Verify::Ca)
        }
        SslMode::Require => Transport::Tls(Verify::None),
        SslMode::VerifyCa => Transport::Tls(Verify::Ca),
        SslMode::VerifyFull => Transport::Tls(Verify::Full),
    }
}

/// libpq's second try: `prefer` retries without TLS when the TLS session failed or the server
/// refused it (pg_hba `hostnossl`); `allow` retries with TLS when the plain session was refused
/// (pg_hba `hostssl`).
fn fallback(info: &ConnInfo, first: &Tried) -> Option<Transport> {
    let Err(Failure::Pg(e)) = &first.result else {
        return None;
    };
    let refused = is_refused(e);
    match (info.sslmode, first.transport) {
        (SslMode::Prefer, Transport::TlsIfOffered)
            if (refused && first.tls_used) || is_tls_failure(e) =>
        {
            Some(Transport::Plain)
        }
        (SslMode::Allow, Transport::Plain) if refused && !info.is_socket() => {
            Some(Transport::Tls(Verify::None))
        }
        _ => None,
    }
}

/// pg_hba has no entry for, or rejects, this host, user, database and encryption.
/// A missing role is also 28000, but no transport changes that: not a refusal to retry.
fn is_refused(e: &tokio_postgres::Error) -> bool {
    e.as_db_error()
        .is_some_and(|d| d.code().code() == "28000" && !is_missing_role(d))
}

/// A login refused because the role does not exist: SQLSTATE 28000 raised by the routine that
/// looks the role up (the same in PostgreSQL 13 to 18), not by pg_hba (`ClientAuthentication`).
/// The routine, unlike the message, is not translated by `lc_messages`.
fn is_missing_role(d: &tokio_postgres::error::DbError) -> bool {
    d.code().code() == "28000" && d.routine() == Some("InitializeSessionUserId")
}

/// Whether the TLS layer (not the server or the network) failed.
fn is_tls_failure(e: &tokio_postgres::Error) -> bool {
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = src {
        if s.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        src = s.source();
    }
    e.to_string().contains("TLS handshake")
}

/// One attempt: how, whether TLS was actually used, and what came of it.
struct Tried {
    transport: Transport,
    tls_used: bool,
    result: Result<Db, Failure>,
}

async fn try_connect(info: &ConnInfo) -> Result<Db, Failure> {
    let first = attempt(info, first_transport(info)).await;
    let Some(second) = fallback(info, &first) else {
        return refused(first.result, first.tls_used);
    };
    let second = attempt(info, second).await;
    match second.result {
        Err(Failure::Pg(e))
            if is_refused(&e)
                && first.tls_used != second.tls_used
                && matches!(&first.result, Err(Failure::Pg(p)) if is_refused(p)) =>
        {
            Err(Failure::RefusedBoth(e))
        }
        r => refused(r, second.tls_used),
    }
}

/// A pg_hba refusal, told apart with whether the session used TLS (for the hint).
fn refused(result: Result<Db, Failure>, tls: bool) -> Result<Db, Failure> {
    match result {
        Err(Failure::Pg(e)) if is_refused(&e) => Err(Failure::Refused { e, tls }),
        r => r,
    }
}

async fn attempt(info: &ConnInfo, transport: Transport) -> Tried {
    let mut tls_used = false;
    let result = attempt_with(info, transport, &mut tls_used).await;
    Tried {
        transport,
        tls_used,
        result,
    }
}

async fn attempt_with(
    info: &ConnInfo,
    transport: Transport,
    tls_used: &mut bool,
) -> Result<Db, Failure> {
    let mut cfg = config(info);
    // The whole handshake with this host is bounded, not only the TCP connect: a host that
    // accepts and then says nothing must not hang a cron job.
    let limit = info.connect_timeout;
    let attempt = async {
        match transport {
            // sslcertmode=require: a session without TLS cannot have been asked for one.
            Transport::Plain if info.sslcertmode == CertMode::Require => Err(cert_not_requested()),
            Transport::Plain => {
                cfg.ssl_mode(tokio_postgres::config::SslMode::Disable);
                spawn(info, cfg.connect(NoTls).await, None)
            }
            Transport::TlsIfOffered | Transport::Tls(_) => {
                let (mode, verify) = match transport {
                    Transport::Tls(v) => (tokio_postgres::config::SslMode::Require, v),
                    _ => (tokio_postgres::config::SslMode::Prefer, Verify::None),
                };
                cfg.ssl_mode(mode);
                let connector = tls::connector(verify, info).map_err(Failure::Setup)?;
                let requested = connector.cert_requested;
                let tls = tls::Tracked::new(connector.make);
                let result = cfg.connect(tls.clone()).await;
                *tls_used = tls.used();
                let db = spawn(info, result, tls.used().then_some(tls))?;
                if info.sslcertmode == CertMode::Require && !requested.load(Ordering::Relaxed) {
                    // The session ends cleanly as the Db is dropped.
                    return Err(cert_not_requested());
                }
                Ok(db)
            }
        }
    };
    match limit {
        Some(limit) => tokio::time::timeout(limit, attempt)
            .await
            .map_err(|_| Failure::Timeout(limit))?,
        None => attempt.await,
    }
}

fn cert_not_requested() -> Failure {
    Failure::Setup(hint(
        anyhow::anyhow!("server did not request an SSL certificate"),
        "sslcertmode=require (PGSSLCERTMODE) insists that the server asks for a client certificate (ssl_ca_file on the server, clientcert in pg_hba.conf); use sslcertmode=allow otherwise",
    ))
}

fn spawn<S, T>(
    info: &ConnInfo,
    result: Result<(Client, tokio_postgres::Connection<S, T>), tokio_postgres::Error>,
    tls: Option<tls::Tracked>,
) -> Result<Db, Failure>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    match result {
        Ok((client, connection)) => {
            let server = Server::from_version(connection.parameter("server_version").unwrap_or(""))
                .with_hot_standby(connection.parameter("in_hot_standby"));
            let flag = |name: &str| connection.parameter(name).map(|v| v == "on");
            let reported = Reported {
                in_hot_standby: flag("in_hot_standby"),
                default_read_only: flag("default_transaction_read_only"),
            };
            let task = tokio::spawn(async move {
                let _ = connection.await;
            });
            let session = NEXT_SESSION.fetch_add(1, Ordering::Relaxed);
            sessions().insert(
                session,
                CancelKey {
                    token: client.cancel_token(),
                    tls,
                },
            );
            Ok(Db {
                client,
                info: info.clone(),
                server,
                reported,
                extensions: tokio::sync::OnceCell::new(),
                task: Some(task),
                session,
                skipped: Vec::new(),
                connect_time: std::time::Duration::ZERO,
            })
        }
        Err(e) if is_password_missing(&e) => Err(Failure::PasswordMissing),
        Err(e) => Err(Failure::Pg(e)),
    }
}

/// tokio-postgres's "invalid configuration" whose cause is "password missing": the server asked
/// for a password and none was configured.
fn is_password_missing(e: &tokio_postgres::Error) -> bool {
    std::iter::successors(Some(e as &dyn std::error::Error), |s| s.source())
        .any(|s| s.to_string() == "password missing")
}

impl Failure {
    /// Whether libpq would go on to the next host after this.
    fn try_next_host(&self) -> bool {
        match self {
            Failure::Timeout(_) | Failure::WrongKind { .. } => true,
            Failure::Pg(e) => e
                .as_db_error()
                .is_none_or(|d| matches!(d.code().code(), "57P03" | "53300")),
            Failure::PasswordMissing
            | Failure::RefusedBoth(_)
            | Failure::Refused { .. }
            | Failure::Setup(_) => false,
        }
    }

    /// What happened with this host in a few words, for a list of hosts passed over.
    fn short(&self, info: &ConnInfo) -> String {
        match self {
            Failure::Timeout(d) => format!("timed out after {} s", d.as_secs()),
            Failure::WrongKind { why, standby } => match (*why, standby) {
                ("session is read-only", Some(true)) => "read-only (standby)".to_string(),
                ("session is read-only", Some(false)) => {
                    "read-only (default_transaction_read_only)".to_string()
                }
                ("server is in hot standby mode", _) => "standby (not a primary)".to_string(),
                ("server is not in hot standby mode" | "session is not read-only", _) => {
                    "primary (not a standby)".to_string()
                }
                (why, _) => why.to_string(),
            },
            Failure::Pg(e) => match e.as_db_error().map(|d| d.code().code()) {
                Some("57P03") => "starting up or shutting down".to_string(),
                Some("53300") => "no free connection slot".to_string(),
                Some(_) => e
                    .as_db_error()
                    .map_or_else(String::new, |d| d.message().to_string()),
                None => {
                    let kind =
                        std::iter::successors(Some(e as &(dyn std::error::Error + 'static)), |s| {
                            s.source()
                        })
                        .find_map(|s| s.downcast_ref::<std::io::Error>().map(std::io::Error::kind));
                    match kind {
                        Some(ErrorKind::ConnectionRefused) => "connection refused".to_string(),
                        Some(ErrorKind::NotFound) if info.is_socket() => {
                            "no server socket there".to_string()
                        }
                        _ => strip_target(info, e),
                    }
                }
            },
            _ => "refused".to_string(),
        }
    }

    fn explain(self, info: &ConnInfo) -> anyhow::Error {
        let target = info.target();
        let user = &info.user;
        let db = &info.dbname;
        match self {
            Failure::Setup(e) => e.context(format!("connecting to {target}")),
            Failure::PasswordMissing => hint(
                anyhow::anyhow!(
                    "connecting to {target}: the server asks for a password for user \"{user}\" and none was given"
                ),
                "set PGPASSWORD, add a line to ~/.pgpass (PGPASSFILE), or run in a terminal (-W prompts)",
            ),
            Failure::Timeout(d) => hint(
                anyhow::anyhow!(
                    "connecting to {target}: timeout expired after {} s",
                    d.as_secs()
                ),
                "check the host and port and that no firewall drops the packets; PGCONNECT_TIMEOUT or connect_timeout=N changes the limit",
            ),
            Failure::WrongKind { why, .. } => hint(
                anyhow::anyhow!("connecting to {target}: {why}"),
                format!(
                    "target_session_attrs={} asks for another kind of server: list the host that is one, or change target_session_attrs (PGTARGETSESSIONATTRS)",
                    info.target_session_attrs.as_deref().unwrap_or("any")
                ),
            ),
            Failure::Pg(e) => explain_pg(&e, info, &target, db),
            Failure::Refused { e, tls } => {
                let fix = if info.is_socket() {
                    "the server's pg_hba.conf has no entry allowing this user and database on the Unix socket; ask the DBA"
                } else if tls {
                    "the server's pg_hba.conf refuses this host, user and database over TLS (or the client certificate clientcert asks for); sslmode=prefer tries without TLS too, or ask the DBA for a hostssl entry"
                } else {
                    "the server's pg_hba.conf refuses this host, user and database without TLS; try sslmode=require, or ask the DBA"
                };
                let msg = e
                    .as_db_error()
                    .map_or_else(|| e.to_string(), |d| d.message().to_string());
                hint(anyhow::anyhow!("connecting to {target}: {msg}"), fix)
            }
            Failure::RefusedBoth(e) => hint(
                anyhow::anyhow!(
                    "connecting to {target}: {} (refused with and without TLS)",
                    e.as_db_error()
                        .map_or_else(|| e.to_string(), |d| d.message().to_string())
                ),
                "the server's pg_hba.conf admits this host, user and database neither with TLS nor without; ask the DBA for an entry",
            ),
        }
    }
}

/// A connection error's explanation without its leading "connecting to HOST:PORT: ".
fn strip_target(info: &ConnInfo, e: &tokio_postgres::Error) -> String {
    let text = format!("{:#}", explain_pg(e, info, &info.target(), &info.dbname));
    let prefix = format!("connecting to {}: ", info.target());
    text.strip_prefix(&prefix).unwrap_or(&text).to_string()
}

fn explain_pg(e: &tokio_postgres::Error, info: &ConnInfo, target: &str, db: &str) -> anyhow::Error {
    if let Some(dbe) = e.as_db_error() {
        let msg = format!("connecting to {target}: {}", dbe.message());
        return match dbe.code().code() {
            "28P01" => hint(
                anyhow::anyhow!(msg),
                match info.password_source {
                    PasswordSource::Env => "the password comes from PGPASSWORD: check it",
                    PasswordSource::PassFile => "the password comes from the password file (~/.pgpass or PGPASSFILE): check its line for this host",
                    PasswordSource::ConnString => "the password comes from the connection string: check it",
                    _ => "check the password; the server log says why it refused",
                },
            ),
            "28000" if is_missing_role(dbe) => hint(
                anyhow::anyhow!(msg),
                format!("create the role with `promail db create` (as a superuser), or give the right user (--database-url user@…, PGUSER); now: \"{}\"", info.user),
            ),
            "28000" => hint(
                anyhow::anyhow!(msg),
                "the server's pg_hba.conf has no entry allowing this host, user and database; ask the DBA",
            ),
            "3D000" => hint(
                anyhow::anyhow!(msg),
                format!("create it with `promail db create`, or give the right name (--database-url …/dbname, PGDATABASE); now: \"{db}\""),
            ),
            "53300" => hint(
                anyhow::anyhow!(msg),
                "the server has no free connection slot; retry later or raise max_connections",
            ),
            "57P03" => hint(anyhow::anyhow!(msg), "the server is starting up or shutting down; retry in a moment"),
            _ => crate::pg::db_error(dbe).context(format!("connecting to {target}")),
        };
    }
    // Walk the causes for I/O and TLS errors.
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    let mut io_kind = None;
    let mut text = Vec::new();
    while let Some(s) = src {
        // tokio-rustls wraps the rustls error in an io::Error, whose source() skips it.
        let rustls_err = s.downcast_ref::<rustls::Error>().or_else(|| {
            s.downcast_ref::<std::io::Error>()
                .and_then(std::io::Error::get_ref)
                .and_then(|i| i.downcast_ref::<rustls::Error>())
        });
        if let Some(r) = rustls_err {
            return explain_tls(r, info, target);
        }
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        text.push(s.to_string());
        src = s.source();
    }
    let detail = text.first().cloned().unwrap_or_else(|| e.to_string());
    let lower = detail.to_lowercase();
    if !matches!(
        io_kind,
        Some(ErrorKind::ConnectionRefused | ErrorKind::NotFound | ErrorKind::TimedOut)
    ) && unresolvable(info)
    {
        return hint(
            anyhow::anyhow!(
                "could not translate host name \"{}\" to an address",
                info.hosts[0]
            ),
            "check the host name (--database-url, PGHOST) and DNS",
        );
    }
    match io_kind {
        Some(ErrorKind::ConnectionRefused) => hint(
            anyhow::anyhow!("connecting to {target}: connection refused"),
            if info.is_socket() {
                "is the server running? For promail's own cluster: `promail local start`"
            } else {
                "is the server running and accepting TCP connections on that host and port? For a private one: `promail local start` and --local"
            },
        ),
        Some(ErrorKind::NotFound) if info.is_socket() => hint(
            anyhow::anyhow!("connecting to {target}: no server socket there"),
            "is the server running? For promail's own cluster: `promail local start`",
        ),
        Some(ErrorKind::TimedOut) => hint(
            anyhow::anyhow!("connecting to {target}: timeout expired"),
            "check the host and port and that no firewall drops the packets; PGCONNECT_TIMEOUT changes the limit",
        ),
        // Another service on that port (SSH, HTTP, …): its banner is no PostgreSQL message.
        _ if lower.contains("bytes remaining on stream")
            || lower.contains("unexpected message")
            || lower.contains("invalid message") =>
        {
            hint(
                anyhow::anyhow!(
                    "connecting to {target}: the answer is not PostgreSQL's protocol ({detail})"
                ),
                "is it another service's port? PostgreSQL listens on 5432 unless configured otherwise (--database-url, PGPORT)",
            )
        }
        _ if lower.contains("channel binding") => hint(
            anyhow::anyhow!("connecting to {target}: {detail}"),
            "channel_binding=require needs SCRAM password authentication over TLS: use sslmode=require or stronger, or channel_binding=prefer",
        ),
        _ if lower.contains("server does not support tls") || e.to_string().contains("server does not support TLS") => hint(
            anyhow::anyhow!("connecting to {target}: the server does not support TLS, but sslmode={} requires it", info.sslmode.as_str()),
            "enable ssl on the server, or use sslmode=prefer / disable on a trusted network",
        ),
        _ if e.to_string().contains("TLS") => hint(
            anyhow::anyhow!("connecting to {target}: {e}: {detail}"),
            tls_hint(info),
        ),
        _ => anyhow::anyhow!("connecting to {target}: {detail}"),
    }
}

/// Whether the host to connect to is a name that does not resolve: asked again of the system's
/// resolver on this failure path, rather than read from the error's text (tokio-postgres keeps
/// the kind of its errors private, and the resolver's words vary by libc).
fn unresolvable(info: &ConnInfo) -> bool {
    use std::net::ToSocketAddrs;
    let host = info.hosts[0].as_str();
    !host.starts_with('/')
        && info.hostaddrs.is_empty()
        && host.parse::<std::net::IpAddr>().is_err()
        && (host, info.ports[0]).to_socket_addrs().is_err()
}

/// A failed TLS handshake in the words of a DBA: which check failed, and what to change.
fn explain_tls(r: &rustls::Error, info: &ConnInfo, target: &str) -> anyhow::Error {
    use rustls::CertificateError as C;
    let host = &info.hosts[0];
    let roots = match info.sslrootcert.as_deref() {
        Some(p) if p == std::path::Path::new(crate::conninfo::SYSTEM_ROOTS) => {
            "the system's trusted roots".to_string()
        }
        Some(p) => format!("\"{}\"", p.display()),
        None => "the root certificate".to_string(),
    };
    let (msg, fix) = match r {
        rustls::Error::InvalidCertificate(C::NotValidForNameContext { presented, .. }) => (
            format!(
                "the server's certificate does not match host name \"{host}\" (it names {})",
                presented
                    .iter()
                    .map(|p| cert_name(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "sslmode=verify-full checks that the certificate names the host: connect with a name it lists, or use sslmode=verify-ca to check only the CA".to_string(),
        ),
        rustls::Error::InvalidCertificate(C::NotValidForName) => (
            format!("the server's certificate does not match host name \"{host}\""),
            "sslmode=verify-full checks that the certificate names the host: connect with a name it lists, or use sslmode=verify-ca to check only the CA".to_string(),
        ),
        rustls::Error::InvalidCertificate(C::UnknownIssuer) => (
            format!("the server's certificate is not signed by a CA in {roots}"),
            format!(
                "sslmode={} checks the certificate against sslrootcert (PGSSLROOTCERT, ~/.postgresql/root.crt): give the CA that signed the server's certificate",
                info.sslmode.as_str()
            ),
        ),
        rustls::Error::InvalidCertificate(
            C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. },
        ) => (
            format!("the server's certificate is not valid now ({r})"),
            "renew the server's certificate, or check this machine's clock".to_string(),
        ),
        _ => (format!("TLS: {}", tls::words(r)), tls_hint(info).to_string()),
    };
    hint(anyhow::anyhow!("connecting to {target}: {msg}"), fix)
}

/// `DnsName("db.example.com")` (rustls' rendering of a certificate name) → `db.example.com`.
fn cert_name(presented: &str) -> &str {
    presented
        .strip_prefix("DnsName(\"")
        .and_then(|p| p.strip_suffix("\")"))
        .unwrap_or(presented)
}

fn tls_hint(info: &ConnInfo) -> &'static str {
    match info.sslmode {
        SslMode::VerifyFull => "the certificate must be signed by sslrootcert's CA and name this host (verify-full); check sslrootcert and the host name",
        SslMode::VerifyCa | SslMode::Require => "the certificate must be signed by sslrootcert's CA; check sslrootcert",
        _ => "check the server's TLS setup, or use sslmode=disable on a trusted network",
    }
}
