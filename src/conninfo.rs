//! Connection parameters resolved the way libpq resolves them: a `postgresql://` URL or a
//! `key=value` string first, then the `PG*` environment variables, then promail's defaults
//! (host `localhost`, database `promail_db`, user `promail_user`); the password from the string,
//! `PGPASSWORD`, or the password file (`passfile`, `PGPASSFILE`, `~/.pgpass`). Nothing here
//! ever prints a password: [`ConnInfo::masked`] is the only way a target is shown.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use percent_encoding::percent_decode_str;

use crate::error::{hint, usage};

pub const DEFAULT_HOST: &str = "localhost";
pub const DEFAULT_PORT: u16 = 5432;
pub const DEFAULT_DBNAME: &str = "promail_db";
pub const DEFAULT_USER: &str = "promail_user";
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_APPLICATION_NAME: &str = "promail";
/// `sslrootcert=system`: trust the operating system's root certificates (libpq 16).
pub const SYSTEM_ROOTS: &str = "system";

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub fn parse(s: &str) -> Result<SslMode> {
        Ok(match s {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(hint(
                    usage(format!("invalid sslmode value: \"{other}\"")),
                    "use one of disable, allow, prefer, require, verify-ca, verify-full",
                ))
            }
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// A password that never shows itself in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

/// Where the password came from (for messages; never the password itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordSource {
    None,
    ConnString,
    Env,
    PassFile,
    Prompt,
}

/// Fully resolved connection parameters.
#[derive(Debug, Clone)]
pub struct ConnInfo {
    /// Host names, IP addresses, or Unix socket folders (starting with `/`).
    pub hosts: Vec<String>,
    /// `hostaddr` given with `host`: the addresses to connect to, one per host, while the host
    /// names still serve TLS verification and the password file (libpq). Empty otherwise.
    pub hostaddrs: Vec<std::net::IpAddr>,
    /// One port, or one per host.
    pub ports: Vec<u16>,
    pub user: String,
    pub dbname: String,
    pub password: Option<Secret>,
    pub password_source: PasswordSource,
    pub sslmode: SslMode,
    pub sslrootcert: Option<PathBuf>,
    /// The client certificate: `sslcert`, else `~/.postgresql/postgresql.crt` (sent when the
    /// file exists, as libpq).
    pub sslcert: Option<PathBuf>,
    /// Its key: `sslkey`, else `~/.postgresql/postgresql.key`.
    pub sslkey: Option<PathBuf>,
    /// A certificate revocation list: `sslcrl`, else `~/.postgresql/root.crl` when it exists.
    pub sslcrl: Option<PathBuf>,
    /// A folder of revocation lists (`sslcrldir`).
    pub sslcrldir: Option<PathBuf>,
    pub connect_timeout: Option<Duration>,
    pub application_name: String,
    pub options: Option<String>,
    /// `any`, `read-write`, `read-only`, `primary`, `standby` or `prefer-standby` (validated).
    pub target_session_attrs: Option<String>,
    /// `disable`, `prefer` or `require` (validated).
    pub channel_binding: Option<String>,
    pub passfile: Option<PathBuf>,
    /// Session settings from `PGTZ`, `PGDATESTYLE`, `PGGEQO` (sent with `options`).
    pub session_settings: Vec<(String, String)>,
    pub keepalives: Keepalives,
    pub sslcertmode: CertMode,
    /// `sslsni` (default on): send the host name in the TLS handshake.
    pub sslsni: bool,
    pub tls_versions: TlsVersions,
    /// `load_balance_hosts=random`: try the hosts in a random order.
    pub load_balance_random: bool,
}

const KEYWORDS: &[&str] = &[
    "service",
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslcrl",
    "sslcrldir",
    "connect_timeout",
    "application_name",
    "fallback_application_name",
    "options",
    "target_session_attrs",
    "channel_binding",
    "gssencmode",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
    "sslcertmode",
    "sslsni",
    "sslcompression",
    "sslpassword",
    "sslnegotiation",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "min_protocol_version",
    "max_protocol_version",
    "load_balance_hosts",
    "client_encoding",
    "require_auth",
    "requirepeer",
    "krbsrvname",
    "gsslib",
    "gssdelegation",
    "replication",
];

/// libpq settings promail reads and cannot honour, where ignoring them changes nothing about
/// where it connects or how safely: (keyword, variable, why). A warning names each one set.
const IGNORED: &[(&str, &str, &str)] = &[
    (
        "client_encoding",
        "PGCLIENTENCODING",
        "promail always talks UTF8 with the server",
    ),
    (
        "krbsrvname",
        "PGKRBSRVNAME",
        "promail has no GSSAPI (Kerberos) authentication",
    ),
    (
        "gsslib",
        "PGGSSLIB",
        "promail has no GSSAPI (Kerberos) authentication",
    ),
    (
        "gssdelegation",
        "PGGSSDELEGATION",
        "promail has no GSSAPI (Kerberos) authentication",
    ),
    ("", "PGLOCALEDIR", "promail's messages are not translated"),
];

/// Session settings libpq takes from the environment and sends at startup:
/// (variable, setting).
const SESSION_ENV: &[(&str, &str)] = &[
    ("PGTZ", "TimeZone"),
    ("PGDATESTYLE", "DateStyle"),
    ("PGGEQO", "geqo"),
];

/// Says once per run that a setting is ignored.
fn warn_once(msg: &str) {
    static SAID: std::sync::Mutex<BTreeSet<String>> = std::sync::Mutex::new(BTreeSet::new());
    let mut said = SAID
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if said.insert(msg.to_string()) {
        ewriteln!("warning: {msg}");
    }
}

/// libpq's `sslcertmode`: whether the client certificate is sent, and whether the server must
/// ask for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertMode {
    /// Never sent.
    Disable,
    /// Sent when the server asks (the default).
    Allow,
    /// Sent, and the session fails unless the server asked for it.
    Require,
}

/// TCP keepalive settings (libpq's `keepalives*`, `tcp_user_timeout`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keepalives {
    /// `keepalives=0` turns them off (libpq's default: on, with the system's timings).
    pub on: bool,
    pub idle: Option<Duration>,
    pub interval: Option<Duration>,
    pub count: Option<u32>,
    pub tcp_user_timeout: Option<Duration>,
}

/// TLS versions allowed (`ssl_min_protocol_version`, `ssl_max_protocol_version`); rustls has
/// TLS 1.2 and 1.3 only, which is libpq's default minimum anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TlsVersions {
    pub tls12: bool,
    pub tls13: bool,
}

/// Environment lookups, injectable so that resolution is testable without touching the process.
pub trait Env {
    fn var(&self, key: &str) -> Option<String>;
    fn home(&self) -> Option<PathBuf>;
}

/// The real process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, key: &str) -> Option<String> {
        std::env::var(key).ok().filter(|v| !v.is_empty())
    }
    fn home(&self) -> Option<PathBuf> {
        std::env::var_os("HOME").map(PathBuf::from)
    }
}

/// The fix for a URL whose password holds characters that end the user-info part.
pub const PERCENT_HINT: &str = "special characters in a password must be percent-encoded in a URL (/ as %2F, ? as %3F, @ as %40, : as %3A, % as %25), or give the password with PGPASSWORD or ~/.pgpass";

/// Parses a connection string into libpq keywords. Accepts `postgresql://` / `postgres://`
/// URLs and `key=value` strings. Error messages name the bad part, never the whole string
/// (it may hold a password).
pub fn parse(s: &str) -> Result<BTreeMap<String, String>> {
    parse_marked(s).map(|p| p.map)
}

/// A parsed connection string, and the keys whose text must not be quoted in messages.
struct Parsed {
    map: BTreeMap<String, String>,
    /// Keys of a URL whose value comes from text before its last `@`: when a password holds
    /// an unencoded `/` or `?`, that text may be part of the password.
    hidden: BTreeSet<String>,
}

fn parse_marked(s: &str) -> Result<Parsed> {
    let s = s.trim();
    let parsed = if let Some(rest) = s
        .strip_prefix("postgresql://")
        .or_else(|| s.strip_prefix("postgres://"))
    {
        parse_url(rest)?
    } else if s.contains('=') {
        Parsed {
            map: parse_kv(s)?,
            hidden: BTreeSet::new(),
        }
    } else {
        let scheme = s.split_once("://").map(|(sch, _)| sch);
        let msg = match scheme {
            Some(sch) => format!("unsupported connection URL scheme \"{sch}://\""),
            None => "malformed connection string: neither a URL nor key=value pairs".to_string(),
        };
        return Err(hint(
            usage(msg),
            "use postgresql://user@host:5432/dbname or \"host=… port=… dbname=… user=…\"",
        ));
    };
    for k in parsed.map.keys() {
        if !KEYWORDS.contains(&k.as_str()) {
            return Err(invalid_option(k, parsed.hidden.contains(k)));
        }
    }
    Ok(parsed)
}

fn invalid_option(key: &str, hidden: bool) -> anyhow::Error {
    if hidden {
        return hint(
            usage("malformed connection URL: an invalid connection option (not shown: it may hold part of the password)"),
            PERCENT_HINT,
        );
    }
    hint(
        usage(format!("invalid connection option \"{key}\"")),
        format!("known options: {}", KEYWORDS.join(", ")),
    )
}

fn decode(part: &str, what: &str) -> Result<String> {
    // As libpq: every % starts two hex digits ("%zz" is not taken as it is).
    let b = part.as_bytes();
    let bad = b.iter().enumerate().any(|(i, &c)| {
        c == b'%'
            && !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if bad {
        return Err(hint(
            usage(format!(
                "invalid percent-encoding in the {what} of the connection URL: % must start two hex digits"
            )),
            PERCENT_HINT,
        ));
    }
    percent_decode_str(part)
        .decode_utf8()
        .map(std::borrow::Cow::into_owned)
        .map_err(|_| {
            usage(format!(
                "invalid percent-encoding in the {what} of the connection URL"
            ))
        })
}

/// `user:password@hosts/dbname?params` (what follows the scheme). As libpq, the user-info part
/// is what comes before the first `@` that precedes the first `/`, so a password may hold `?`,
/// but `@` and `/` in it must be percent-encoded (an `@` left in the host part is refused). Text before the last
/// `@` of the URL is never quoted in an error: it may be part of a misread password.
fn parse_url(rest: &str) -> Result<Parsed> {
    let mut map = BTreeMap::new();
    let mut hidden = BTreeSet::new();
    let last_at = rest.rfind('@');
    let secret_at = |offset: usize| last_at.is_some_and(|a| offset < a);
    let first_slash = rest.find('/').unwrap_or(rest.len());
    // libpq: the first `@` before the first `/` ends the user-info part.
    let after_userinfo = match rest[..first_slash].find('@') {
        Some(i) => {
            let userinfo = &rest[..i];
            match userinfo.split_once(':') {
                Some((u, p)) => {
                    if !u.is_empty() {
                        map.insert("user".into(), decode(u, "user name")?);
                    }
                    // As libpq: `user:@host` sets no password (PGPASSWORD still applies).
                    if !p.is_empty() {
                        map.insert("password".into(), decode(p, "password")?);
                    }
                }
                None if !userinfo.is_empty() => {
                    map.insert("user".into(), decode(userinfo, "user name")?);
                }
                None => {}
            }
            i + 1
        }
        None => 0,
    };
    let tail = &rest[after_userinfo..];
    let (main, query) = match tail.split_once('?') {
        Some((m, q)) => (m, Some((q, after_userinfo + m.len() + 1))),
        None => (tail, None),
    };
    let (hostlist, path) = match main.find('/') {
        Some(i) => (&main[..i], Some(&main[i + 1..])),
        None => (main, None),
    };
    if path.is_some_and(|p| p.contains('@')) {
        // Either a password with an unencoded `/` (then the "database name" is the rest of the
        // password and everything after it) or a database name with an unencoded `@`.
        return Err(hint(
            usage("malformed connection URL: an \"@\" after the first \"/\" (not shown: it may hold part of the password)"),
            format!("{PERCENT_HINT}; an @ in a database name is written %40"),
        ));
    }
    if hostlist.contains('@') {
        // libpq would look up a host name holding what follows the password's `@`: promail
        // refuses instead of sending part of a password to DNS.
        return Err(hint(
            usage("malformed connection URL: an \"@\" in the host part (not shown: it may hold part of the password)"),
            PERCENT_HINT,
        ));
    }
    if !hostlist.is_empty() {
        let mut hosts = Vec::new();
        let mut ports = Vec::new();
        for spec in hostlist.split(',') {
            let (host, port) = split_host_port(spec)?;
            hosts.push(decode(host, "host")?);
            ports.push(port.unwrap_or_default().to_string());
        }
        map.insert("host".into(), hosts.join(","));
        if ports.iter().any(|p| !p.is_empty()) {
            map.insert("port".into(), ports.join(","));
        }
        if secret_at(after_userinfo) {
            hidden.insert("host".to_string());
            hidden.insert("port".to_string());
        }
    }
    if let Some(db) = path.filter(|p| !p.is_empty()) {
        map.insert("dbname".into(), decode(db, "database name")?);
    }
    if let Some((q, start)) = query {
        let mut offset = start;
        for pair in q.split('&') {
            let at = offset;
            offset += pair.len() + 1;
            if pair.is_empty() {
                continue;
            }
            let secret = secret_at(at);
            let Some((k, v)) = pair.split_once('=') else {
                if secret {
                    return Err(hint(
                        usage("malformed connection URL: a parameter has no value (not shown: it may hold part of the password)"),
                        PERCENT_HINT,
                    ));
                }
                return Err(usage(format!(
                    "malformed connection URL: parameter \"{}\" has no value",
                    decode(pair, "parameters").unwrap_or_default()
                )));
            };
            let k = decode(k, "parameters")?;
            let v = decode(v, "parameters")?;
            // psql accepts ssl=true from JDBC-style URLs; so do we.
            if k == "ssl" && v == "true" {
                map.insert("sslmode".into(), "require".into());
                continue;
            }
            if !KEYWORDS.contains(&k.as_str()) {
                return Err(invalid_option(&k, secret));
            }
            if secret {
                hidden.insert(k.clone());
            } else {
                hidden.remove(&k);
            }
            map.insert(k, v);
        }
    }
    Ok(Parsed { map, hidden })
}

fn split_host_port(spec: &str) -> Result<(&str, Option<&str>)> {
    if let Some(rest) = spec.strip_prefix('[') {
        let end = rest
            .find(']')
            .ok_or_else(|| usage("malformed connection URL: unterminated [ in IPv6 host"))?;
        let host = &rest[..end];
        let after = &rest[end + 1..];
        return match after.strip_prefix(':') {
            Some(p) => Ok((host, Some(p))),
            None if after.is_empty() => Ok((host, None)),
            None => Err(usage("malformed connection URL after the IPv6 host")),
        };
    }
    Ok(match spec.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (spec, None),
    })
}

fn parse_kv(s: &str) -> Result<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next() != Some('=') {
            return Err(hint(
                usage(format!(
                    "malformed connection string: missing \"=\" after \"{key}\""
                )),
                "write key=value pairs separated by spaces, e.g. \"host=localhost dbname=promail_db\"",
            ));
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            value.push(n);
                        }
                    }
                    '\'' => {
                        closed = true;
                        break;
                    }
                    c => value.push(c),
                }
            }
            if !closed {
                return Err(usage(format!(
                    "malformed connection string: unterminated quoted value for \"{key}\""
                )));
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                chars.next();
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        value.push(n);
                    }
                } else {
                    value.push(c);
                }
            }
        }
        map.insert(key, value);
    }
    Ok(map)
}

/// A comma-separated `hostaddr` list: numeric addresses, as many as there are hosts.
fn parse_hostaddrs(s: &str, hosts: usize) -> Result<Vec<std::net::IpAddr>> {
    let addrs = s
        .split(',')
        .map(|a| {
            a.trim().parse().map_err(|_| {
                hint(
                    usage(format!("invalid hostaddr value: \"{a}\"")),
                    "hostaddr takes numeric IP addresses (host takes names)",
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if addrs.len() != hosts {
        return Err(usage(format!(
            "could not match {hosts} host names to {} hostaddr values",
            addrs.len()
        )));
    }
    Ok(addrs)
}

fn parse_port(p: &str) -> Result<u16> {
    match p.trim().parse::<u32>() {
        Ok(n) if (1..=65535).contains(&n) => Ok(n as u16),
        _ => Err(hint(
            usage(format!("invalid port number: \"{p}\"")),
            "a port is a number from 1 to 65535 (PostgreSQL's default is 5432)",
        )),
    }
}

/// Resolves a connection string (or none) against the environment and the defaults.
pub fn resolve(conn: Option<&str>, env: &dyn Env) -> Result<ConnInfo> {
    let Parsed {
        map: mut given,
        hidden,
    } = match conn {
        Some(s) if !s.trim().is_empty() => parse_marked(s)?,
        _ => Parsed {
            map: BTreeMap::new(),
            hidden: BTreeSet::new(),
        },
    };
    // As libpq: the service file fills what the string leaves out, before the environment.
    let service = given
        .get("service")
        .cloned()
        .filter(|s| !s.is_empty())
        .or_else(|| env.var("PGSERVICE"));
    if let Some(name) = service {
        for (k, v) in service_values(&name, env)? {
            given.entry(k).or_insert(v);
        }
    }
    let get = |key: &str, var: &str| -> Option<String> {
        given
            .get(key)
            .cloned()
            .filter(|v| !v.is_empty())
            .or_else(|| env.var(var))
    };

    let addr_list = get("hostaddr", "PGHOSTADDR");
    let name_list = get("host", "PGHOST");
    let hosts: Vec<String> = name_list
        .clone()
        .or_else(|| addr_list.clone())
        .unwrap_or_else(|| DEFAULT_HOST.to_string())
        .split(',')
        .map(|h| {
            if h.is_empty() {
                DEFAULT_HOST.to_string()
            } else {
                h.to_string()
            }
        })
        .collect();
    let hostaddrs = match (&name_list, &addr_list) {
        (Some(_), Some(addrs)) => {
            parse_hostaddrs(addrs, hosts.len()).map_err(|e| quiet(&hidden, "hostaddr", e))?
        }
        (None, Some(addrs)) => {
            // hostaddr alone is the host list; still check that it holds addresses.
            parse_hostaddrs(addrs, hosts.len()).map_err(|e| quiet(&hidden, "hostaddr", e))?;
            Vec::new()
        }
        _ => Vec::new(),
    };
    let ports = match get("port", "PGPORT") {
        None => vec![DEFAULT_PORT],
        Some(p) => p
            .split(',')
            .map(|p| {
                if p.is_empty() {
                    Ok(DEFAULT_PORT)
                } else {
                    parse_port(p)
                }
            })
            .collect::<Result<Vec<_>>>()
            .map_err(|e| quiet(&hidden, "port", e))?,
    };
    if ports.len() != 1 && ports.len() != hosts.len() {
        return Err(usage(format!(
            "could not match {} port numbers to {} hosts",
            ports.len(),
            hosts.len()
        )));
    }
    let user = get("user", "PGUSER").unwrap_or_else(|| DEFAULT_USER.to_string());
    let dbname = get("dbname", "PGDATABASE").unwrap_or_else(|| DEFAULT_DBNAME.to_string());
    let rootcert_given = get("sslrootcert", "PGSSLROOTCERT");
    let system_roots = rootcert_given.as_deref() == Some(SYSTEM_ROOTS);
    let sslmode = match get("sslmode", "PGSSLMODE") {
        Some(m) => SslMode::parse(&m).map_err(|e| quiet(&hidden, "sslmode", e))?,
        // libpq before 17: PGREQUIRESSL=1 (the old requiressl) means require.
        None if env.var("PGREQUIRESSL").as_deref() == Some("1") => SslMode::Require,
        // libpq 16: the system's trust store implies checking the host name too.
        None if system_roots => SslMode::VerifyFull,
        None => SslMode::Prefer,
    };
    if system_roots && sslmode != SslMode::VerifyFull {
        return Err(hint(
            usage(format!(
                "weak sslmode \"{}\" may not be used with sslrootcert=system",
                sslmode.as_str()
            )),
            "use sslmode=verify-full (the default with sslrootcert=system)",
        ));
    }
    let sslrootcert = rootcert_given.map(PathBuf::from).or_else(|| {
        env.home()
            .map(|h| h.join(".postgresql/root.crt"))
            .filter(|p| p.exists())
    });
    let in_home = |file: &str| env.home().map(|h| h.join(".postgresql").join(file));
    let sslcert = get("sslcert", "PGSSLCERT")
        .map(PathBuf::from)
        .or_else(|| in_home("postgresql.crt"));
    let sslkey = get("sslkey", "PGSSLKEY")
        .map(PathBuf::from)
        .or_else(|| in_home("postgresql.key"));
    let sslcrl = get("sslcrl", "PGSSLCRL")
        .map(PathBuf::from)
        .or_else(|| in_home("root.crl").filter(|p| p.exists()));
    let sslcrldir = get("sslcrldir", "PGSSLCRLDIR").map(PathBuf::from);
    let connect_timeout = match get("connect_timeout", "PGCONNECT_TIMEOUT") {
        None => Some(DEFAULT_CONNECT_TIMEOUT),
        Some(t) => {
            let secs: i64 = t.trim().parse().map_err(|_| {
                quiet(
                    &hidden,
                    "connect_timeout",
                    hint(
                        usage(format!("invalid connect_timeout value: \"{t}\"")),
                        "connect_timeout is a whole number of seconds",
                    ),
                )
            })?;
            // As libpq: zero or less waits forever; less than 2 seconds means 2.
            (secs > 0).then(|| Duration::from_secs(secs.max(2) as u64))
        }
    };
    let application_name = get("application_name", "PGAPPNAME")
        .or_else(|| given.get("fallback_application_name").cloned())
        .unwrap_or_else(|| DEFAULT_APPLICATION_NAME.to_string());
    let options = get("options", "PGOPTIONS");
    let session_settings = SESSION_ENV
        .iter()
        .filter_map(|(var, setting)| env.var(var).map(|v| ((*setting).to_string(), v)))
        .collect();
    for (key, var, why) in IGNORED {
        let set = if !key.is_empty() && given.get(*key).is_some_and(|v| !v.is_empty()) {
            Some(*key)
        } else if env.var(var).is_some() {
            Some(*var)
        } else {
            None
        };
        if let Some(name) = set {
            warn_once(&format!("{name} is ignored: {why}"));
        }
    }
    let keepalives = resolve_keepalives(&get).map_err(|e| quiet(&hidden, "keepalives", e))?;
    let sslcertmode = match get("sslcertmode", "PGSSLCERTMODE").as_deref() {
        None | Some("allow") => CertMode::Allow,
        Some("disable") => CertMode::Disable,
        Some("require") => CertMode::Require,
        Some(other) => {
            return Err(hint(
                usage(format!("invalid sslcertmode value: \"{other}\"")),
                "use one of disable, allow, require",
            ))
        }
    };
    let sslsni = match get("sslsni", "PGSSLSNI").as_deref() {
        None | Some("1") => true,
        Some("0") => false,
        Some(other) => return Err(usage(format!("invalid sslsni value: \"{other}\""))),
    };
    let tls_versions = resolve_tls_versions(
        get("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION").as_deref(),
        get("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION").as_deref(),
    )?;
    let load_balance_random = match get("load_balance_hosts", "PGLOADBALANCEHOSTS").as_deref() {
        None | Some("disable") => false,
        Some("random") => true,
        Some(other) => {
            return Err(hint(
                usage(format!("invalid load_balance_hosts value: \"{other}\"")),
                "use disable or random",
            ))
        }
    };
    refuse_unsupported(&get)?;
    let target_session_attrs = get("target_session_attrs", "PGTARGETSESSIONATTRS");
    if let Some(t) = &target_session_attrs {
        check_session_attrs(t).map_err(|e| quiet(&hidden, "target_session_attrs", e))?;
    }
    let channel_binding = get("channel_binding", "PGCHANNELBINDING");
    if let Some(c) = &channel_binding {
        check_channel_binding(c).map_err(|e| quiet(&hidden, "channel_binding", e))?;
    }
    if let Some(g) = get("gssencmode", "PGGSSENCMODE") {
        check_gssencmode(&g).map_err(|e| quiet(&hidden, "gssencmode", e))?;
    }
    let passfile = get("passfile", "PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| env.home().map(|h| h.join(".pgpass")));

    let mut info = ConnInfo {
        hosts,
        hostaddrs,
        ports,
        user,
        dbname,
        password: None,
        password_source: PasswordSource::None,
        sslmode,
        sslrootcert,
        sslcert,
        sslkey,
        sslcrl,
        sslcrldir,
        connect_timeout,
        application_name,
        options,
        target_session_attrs,
        channel_binding,
        passfile,
        session_settings,
        keepalives,
        sslcertmode,
        sslsni,
        tls_versions,
        load_balance_random,
    };
    // As libpq: an empty password in the string is no password (the password file is still
    // read), and PGPASSWORD only fills in a password the string does not mention.
    if let Some(p) = given.get("password").filter(|p| !p.is_empty()) {
        info.password = Some(Secret::new(p.clone()));
        info.password_source = PasswordSource::ConnString;
    } else if let Some(p) = env
        .var("PGPASSWORD")
        .filter(|_| !given.contains_key("password"))
    {
        info.password = Some(Secret::new(p));
        info.password_source = PasswordSource::Env;
    } else if let Some(file) = info.passfile.clone() {
        if let Some(p) = pgpass_lookup(&file, &info) {
            info.password = Some(p);
            info.password_source = PasswordSource::PassFile;
        }
    }
    Ok(info)
}

/// Where libpq looks for the system-wide service file when `PGSYSCONFDIR` is not set: the
/// `SYSCONFDIR` Debian's and Ubuntu's libpq are built with (`pg_config --sysconfdir`).
pub const DEFAULT_SYSCONFDIR: &str = "/etc/postgresql-common";

/// The settings of service `name`, as libpq's `parseServiceInfo` finds them: in the user's file
/// (`PGSERVICEFILE`, else `~/.pg_service.conf` when it exists) and only when the service is
/// not there, in `PGSYSCONFDIR/pg_service.conf` (the files are not merged).
fn service_values(name: &str, env: &dyn Env) -> Result<Vec<(String, String)>> {
    let user_file = match env.var("PGSERVICEFILE") {
        Some(f) => Some(PathBuf::from(f)),
        None => env
            .home()
            .map(|h| h.join(".pg_service.conf"))
            .filter(|p| p.exists()),
    };
    if let Some(file) = user_file {
        if let Some(values) = service_in_file(&file, name)? {
            return Ok(values);
        }
    }
    let sysconf = env
        .var("PGSYSCONFDIR")
        .unwrap_or_else(|| DEFAULT_SYSCONFDIR.to_string());
    let system_file = Path::new(&sysconf).join("pg_service.conf");
    if system_file.exists() {
        if let Some(values) = service_in_file(&system_file, name)? {
            return Ok(values);
        }
    }
    Err(hint(
        usage(format!("definition of service \"{name}\" not found")),
        "services are defined in PGSERVICEFILE or ~/.pg_service.conf, then PGSYSCONFDIR/pg_service.conf (here: /etc/postgresql-common/pg_service.conf)",
    ))
}

/// The `key=value` lines of section `[name]` of a service file, None when it has no such
/// section. As libpq: no space is trimmed around `=`, the first value of a key wins, and an
/// unknown key or a nested `service` is an error.
fn service_in_file(file: &Path, name: &str) -> Result<Option<Vec<(String, String)>>> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        hint(
            usage(format!(
                "service file \"{}\" not found ({e})",
                file.display()
            )),
            "PGSERVICEFILE names the service file",
        )
    })?;
    let mut found = false;
    let mut values: Vec<(String, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            if found {
                break;
            }
            found = line
                .strip_prefix('[')
                .and_then(|l| l.strip_prefix(name))
                .is_some_and(|rest| rest.starts_with(']'));
            continue;
        }
        if !found {
            continue;
        }
        let line_no = n + 1;
        let Some((key, value)) = line.split_once('=') else {
            return Err(usage(format!(
                "syntax error in service file \"{}\", line {line_no}",
                file.display()
            )));
        };
        if key == "service" {
            return Err(usage(format!(
                "nested service specifications not supported in service file \"{}\", line {line_no}",
                file.display()
            )));
        }
        if !KEYWORDS.contains(&key) {
            return Err(hint(
                usage(format!(
                    "syntax error in service file \"{}\", line {line_no}",
                    file.display()
                )),
                format!("\"{key}\" is not a connection option promail knows"),
            ));
        }
        if !values.iter().any(|(k, _)| k == key) {
            values.push((key.to_string(), value.to_string()));
        }
    }
    Ok(found.then_some(values))
}

/// libpq's `keepalives` (0 or 1), `keepalives_idle`, `keepalives_interval` (seconds),
/// `keepalives_count`, `tcp_user_timeout` (milliseconds).
fn resolve_keepalives(get: &dyn Fn(&str, &str) -> Option<String>) -> Result<Keepalives> {
    let int = |key: &str, var: &str| -> Result<Option<u64>> {
        get(key, var)
            .map(|v| {
                v.trim().parse::<u64>().map_err(|_| {
                    hint(
                        usage(format!(
                            "invalid integer value \"{v}\" for connection option \"{key}\""
                        )),
                        format!("{key} is a whole number"),
                    )
                })
            })
            .transpose()
    };
    let on = match get("keepalives", "").as_deref() {
        None => true,
        Some(v) => {
            v.trim().parse::<i64>().map_err(|_| {
                usage(format!(
                    "invalid integer value \"{v}\" for connection option \"keepalives\""
                ))
            })? != 0
        }
    };
    let secs = |v: Option<u64>| v.filter(|s| *s > 0).map(Duration::from_secs);
    Ok(Keepalives {
        on,
        idle: secs(int("keepalives_idle", "")?),
        interval: secs(int("keepalives_interval", "")?),
        count: int("keepalives_count", "")?
            .filter(|c| *c > 0)
            .map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
        tcp_user_timeout: int("tcp_user_timeout", "")?
            .filter(|ms| *ms > 0)
            .map(Duration::from_millis),
    })
}

fn resolve_tls_versions(min: Option<&str>, max: Option<&str>) -> Result<TlsVersions> {
    let rank = |v: &str, key: &str| -> Result<u8> {
        match v {
            "TLSv1" => Ok(0),
            "TLSv1.1" => Ok(1),
            "TLSv1.2" => Ok(2),
            "TLSv1.3" => Ok(3),
            other => Err(hint(
                usage(format!("invalid {key} value: \"{other}\"")),
                "use one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3",
            )),
        }
    };
    let lo = min
        .map(|v| rank(v, "ssl_min_protocol_version"))
        .transpose()?
        .unwrap_or(2);
    let hi = max
        .map(|v| rank(v, "ssl_max_protocol_version"))
        .transpose()?
        .unwrap_or(3);
    if lo > hi {
        return Err(usage("invalid SSL protocol version range"));
    }
    if hi < 2 {
        return Err(hint(
            usage(format!(
                "ssl_max_protocol_version={} is not supported by promail",
                max.unwrap_or_default()
            )),
            "promail speaks TLS 1.2 and 1.3 only",
        ));
    }
    Ok(TlsVersions {
        tls12: lo <= 2,
        tls13: true,
    }
    .limit(hi))
}

impl TlsVersions {
    fn limit(mut self, hi: u8) -> TlsVersions {
        if hi < 3 {
            self.tls13 = false;
        }
        self
    }
}

/// Settings libpq honours and promail cannot: refused, since ignoring them would connect in a
/// way the user ruled out.
fn refuse_unsupported(get: &dyn Fn(&str, &str) -> Option<String>) -> Result<()> {
    if let Some(v) = get("require_auth", "PGREQUIREAUTH") {
        return Err(hint(
            usage(format!("require_auth={v} is not supported by promail")),
            "unset require_auth (PGREQUIREAUTH); channel_binding=require insists on SCRAM over TLS",
        ));
    }
    if let Some(v) = get("requirepeer", "PGREQUIREPEER") {
        return Err(hint(
            usage(format!("requirepeer={v} is not supported by promail")),
            "unset requirepeer (PGREQUIREPEER), or connect over TCP with sslmode=verify-full",
        ));
    }
    if let Some(v) = get("sslnegotiation", "PGSSLNEGOTIATION").filter(|v| v != "postgres") {
        return Err(hint(
            usage(format!("sslnegotiation={v} is not supported by promail")),
            "use sslnegotiation=postgres (the default)",
        ));
    }
    if let Some(v) = get("min_protocol_version", "PGMINPROTOCOLVERSION").filter(|v| v != "3.0") {
        return Err(hint(
            usage(format!(
                "min_protocol_version={v} is not supported by promail"
            )),
            "promail speaks protocol version 3.0",
        ));
    }
    if let Some(v) = get("replication", "") {
        return Err(usage(format!(
            "replication={v}: promail opens no replication connections"
        )));
    }
    Ok(())
}

/// A value read from a URL's text before its last `@` is not quoted when it is invalid.
fn quiet(hidden: &BTreeSet<String>, key: &str, e: anyhow::Error) -> anyhow::Error {
    if !hidden.contains(key) {
        return e;
    }
    let what = if key == "port" {
        "port number".to_string()
    } else {
        format!("{key} value")
    };
    hint(
        usage(format!(
            "malformed connection URL: invalid {what} (not shown: it may hold part of the password)"
        )),
        PERCENT_HINT,
    )
}

/// libpq 14's `target_session_attrs` values, in the order its manual lists them.
pub const SESSION_ATTRS: &[&str] = &[
    "any",
    "read-write",
    "read-only",
    "primary",
    "standby",
    "prefer-standby",
];

fn check_session_attrs(t: &str) -> Result<()> {
    if SESSION_ATTRS.contains(&t) {
        return Ok(());
    }
    Err(hint(
        usage(format!("invalid target_session_attrs value: \"{t}\"")),
        format!("use one of {}", SESSION_ATTRS.join(", ")),
    ))
}

fn check_channel_binding(c: &str) -> Result<()> {
    if ["disable", "prefer", "require"].contains(&c) {
        return Ok(());
    }
    Err(hint(
        usage(format!("invalid channel_binding value: \"{c}\"")),
        "use one of disable, prefer, require",
    ))
}

/// promail has no GSSAPI: "prefer" and "disable" both mean TLS or plain, as a libpq built
/// without GSSAPI does; "require" cannot be honoured.
fn check_gssencmode(g: &str) -> Result<()> {
    match g {
        "disable" | "prefer" => Ok(()),
        "require" => Err(hint(
            usage("gssencmode=require: promail cannot encrypt with GSSAPI"),
            "use sslmode=verify-full (TLS) instead, or gssencmode=disable",
        )),
        _ => Err(hint(
            usage(format!("invalid gssencmode value: \"{g}\"")),
            "use one of disable, prefer, require",
        )),
    }
}

/// Looks the first host up in a libpq password file.
fn pgpass_lookup(file: &Path, info: &ConnInfo) -> Option<Secret> {
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() {
        return None;
    }
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            ewriteln!(
                "warning: password file \"{}\" has group or world access; permissions should be u=rw (0600) or less",
                file.display()
            );
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    let port = info.ports[0].to_string();
    pgpass_hosts(&info.hosts[0])
        .into_iter()
        .find_map(|host| pgpass_match(&text, host, &port, &info.dbname, &info.user))
        .map(Secret::new)
}

/// Socket folders that libpq builds may use as their default (`DEFAULT_PGSOCKET_DIR`: Debian's,
/// and upstream's).
const DEFAULT_SOCKET_DIRS: &[&str] = &["/var/run/postgresql", "/run/postgresql", "/tmp"];

/// The host field values a password-file line may have for this host, in the order tried. As
/// libpq: a Unix socket folder matches its own path, and `localhost` only when it is the
/// default socket folder.
fn pgpass_hosts(host: &str) -> Vec<&str> {
    if !host.starts_with('/') {
        return vec![host];
    }
    let trimmed = host.trim_end_matches('/');
    let mut v = vec![host];
    if trimmed != host && !trimmed.is_empty() {
        v.push(trimmed);
    }
    if DEFAULT_SOCKET_DIRS.contains(&trimmed) {
        v.push(DEFAULT_HOST);
    }
    v
}

/// The password of the first matching line of a `.pgpass` text (`*` matches anything; `\:`
/// and `\\` are escapes).
pub fn pgpass_match(text: &str, host: &str, port: &str, db: &str, user: &str) -> Option<String> {
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::with_capacity(5);
        let mut cur = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut cur)),
                c => cur.push(c),
            }
        }
        fields.push(cur);
        if fields.len() != 5 {
            continue;
        }
        let ok = |pat: &str, val: &str| pat == "*" || pat == val;
        if ok(&fields[0], host)
            && ok(&fields[1], port)
            && ok(&fields[2], db)
            && ok(&fields[3], user)
        {
            return Some(fields.pop().unwrap_or_default());
        }
    }
    None
}

impl ConnInfo {
    /// The target as a URL with any password masked, for messages.
    pub fn masked(&self) -> String {
        let pw = if self.password.is_some() { ":****" } else { "" };
        let socket = self.hosts.iter().any(|h| h.starts_with('/'));
        let hostports: Vec<String> = if socket {
            Vec::new()
        } else {
            self.hosts
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let port = self.ports.get(i).unwrap_or(&self.ports[0]);
                    if h.contains(':') {
                        format!("[{h}]:{port}")
                    } else {
                        format!("{h}:{port}")
                    }
                })
                .collect()
        };
        let mut s = format!(
            "postgresql://{}{pw}@{}/{}",
            enc(&self.user),
            hostports.join(","),
            enc(&self.dbname)
        );
        if socket {
            let _ = write!(
                s,
                "?host={}&port={}",
                enc(&self.hosts.join(",")),
                self.ports[0]
            );
        } else if self.sslmode != SslMode::Prefer {
            let _ = write!(s, "?sslmode={}", self.sslmode.as_str());
        }
        s
    }

    /// The same parameters for the `i`th host alone (its port, its hostaddr, its line of the
    /// password file), as libpq tries hosts one by one.
    #[must_use]
    pub fn nth_host(&self, i: usize) -> ConnInfo {
        let mut c = self.clone();
        c.hosts = vec![self.hosts[i].clone()];
        c.ports = vec![*self.ports.get(i).unwrap_or(&self.ports[0])];
        c.hostaddrs = self.hostaddrs.get(i).map(|a| vec![*a]).unwrap_or_default();
        if i > 0
            && matches!(
                self.password_source,
                PasswordSource::None | PasswordSource::PassFile
            )
        {
            c.password = None;
            c.password_source = PasswordSource::None;
            if let Some(p) = self.passfile.as_deref().and_then(|f| pgpass_lookup(f, &c)) {
                c.password = Some(p);
                c.password_source = PasswordSource::PassFile;
            }
        }
        c
    }

    /// `host:port` of the first target, for messages.
    pub fn target(&self) -> String {
        let h = &self.hosts[0];
        if h.starts_with('/') {
            format!("socket {h}/.s.PGSQL.{}", self.ports[0])
        } else {
            format!("{h}:{}", self.ports[0])
        }
    }

    /// Whether every host is a Unix socket folder (TLS is never used on those, as in libpq).
    pub fn is_socket(&self) -> bool {
        self.hosts.iter().all(|h| h.starts_with('/'))
    }

    /// The environment for a child libpq program (pg_dump, pg_restore, psql): everything as
    /// `PG*` variables so that no secret appears in its argv.
    pub fn child_env(&self) -> Vec<(String, String)> {
        let mut v = vec![
            ("PGHOST".to_string(), self.hosts.join(",")),
            (
                "PGPORT".to_string(),
                self.ports
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            ("PGUSER".to_string(), self.user.clone()),
            ("PGDATABASE".to_string(), self.dbname.clone()),
            ("PGSSLMODE".to_string(), self.sslmode.as_str().to_string()),
            ("PGAPPNAME".to_string(), self.application_name.clone()),
        ];
        if let Some(p) = &self.password {
            v.push(("PGPASSWORD".to_string(), p.expose().to_string()));
        }
        if let Some(c) = &self.sslrootcert {
            v.push(("PGSSLROOTCERT".to_string(), c.display().to_string()));
        }
        for (var, path) in [
            ("PGSSLCERT", &self.sslcert),
            ("PGSSLKEY", &self.sslkey),
            ("PGSSLCRL", &self.sslcrl),
            ("PGSSLCRLDIR", &self.sslcrldir),
        ] {
            if let Some(p) = path {
                v.push((var.to_string(), p.display().to_string()));
            }
        }
        if let Some(t) = self.connect_timeout {
            v.push(("PGCONNECT_TIMEOUT".to_string(), t.as_secs().to_string()));
        }
        if let Some(o) = &self.options {
            v.push(("PGOPTIONS".to_string(), o.clone()));
        }
        if !self.hostaddrs.is_empty() {
            let addrs: Vec<String> = self.hostaddrs.iter().map(ToString::to_string).collect();
            v.push(("PGHOSTADDR".to_string(), addrs.join(",")));
        }
        if let Some(t) = &self.target_session_attrs {
            v.push(("PGTARGETSESSIONATTRS".to_string(), t.clone()));
        }
        if let Some(c) = &self.channel_binding {
            v.push(("PGCHANNELBINDING".to_string(), c.clone()));
        }
        v
    }

    /// The same target with another database (e.g. `postgres` for CREATE DATABASE).
    #[must_use]
    pub fn with_dbname(&self, dbname: &str) -> ConnInfo {
        let mut c = self.clone();
        c.dbname = dbname.to_string();
        c
    }
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC)
        .to_string()
        .replace("%5F", "_")
        .replace("%2D", "-")
        .replace("%2E", ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct FakeEnv(BTreeMap<&'static str, &'static str>, Option<PathBuf>);

    impl Env for FakeEnv {
        fn var(&self, key: &str) -> Option<String> {
            self.0.get(key).map(ToString::to_string)
        }
        fn home(&self) -> Option<PathBuf> {
            self.1.clone()
        }
    }

    fn env(vars: &[(&'static str, &'static str)]) -> FakeEnv {
        FakeEnv(vars.iter().copied().collect(), None)
    }

    #[test]
    fn defaults_are_the_seeds() {
        let c = resolve(None, &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["localhost"]);
        assert_eq!(c.ports, vec![5432]);
        assert_eq!(c.user, "promail_user");
        assert_eq!(c.dbname, "promail_db");
        assert_eq!(c.sslmode, SslMode::Prefer);
        assert_eq!(c.connect_timeout, Some(Duration::from_secs(10)));
        assert!(c.password.is_none());
    }

    #[test]
    fn url_with_everything() {
        let c = resolve(
            Some("postgresql://bob:s%40cret@db.example.com:6543/mail?sslmode=verify-full&application_name=x"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.user, "bob");
        assert_eq!(c.password.as_ref().unwrap().expose(), "s@cret");
        assert_eq!(c.hosts, vec!["db.example.com"]);
        assert_eq!(c.ports, vec![6543]);
        assert_eq!(c.dbname, "mail");
        assert_eq!(c.sslmode, SslMode::VerifyFull);
        assert_eq!(c.application_name, "x");
        assert!(!c.masked().contains("cret"));
        assert_eq!(
            c.masked(),
            "postgresql://bob:****@db.example.com:6543/mail?sslmode=verify-full"
        );
    }

    #[test]
    fn url_socket_ipv6_and_multi_host() {
        let c = resolve(
            Some("postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.hosts, vec!["/var/run/postgresql"]);
        assert!(c.is_socket());
        let c = resolve(Some("postgres://[::1]:5433/x"), &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["::1"]);
        assert_eq!(c.ports, vec![5433]);
        let c = resolve(Some("postgresql://a:1,b:2/x"), &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["a", "b"]);
        assert_eq!(c.ports, vec![1, 2]);
    }

    #[test]
    fn key_value_with_quotes() {
        let c = resolve(
            Some("host=h port = 5 dbname='my db' password='it\\'s' user=u"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.hosts, vec!["h"]);
        assert_eq!(c.ports, vec![5]);
        assert_eq!(c.dbname, "my db");
        assert_eq!(c.password.unwrap().expose(), "it's");
    }

    #[test]
    fn string_beats_env_beats_default() {
        let e = env(&[
            ("PGHOST", "envhost"),
            ("PGUSER", "envuser"),
            ("PGPASSWORD", "envpw"),
            ("PGSSLMODE", "require"),
            ("PGCONNECT_TIMEOUT", "1"),
        ]);
        let c = resolve(Some("host=strhost"), &e).unwrap();
        assert_eq!(c.hosts, vec!["strhost"]);
        assert_eq!(c.user, "envuser");
        assert_eq!(c.password.unwrap().expose(), "envpw");
        assert_eq!(c.password_source, PasswordSource::Env);
        assert_eq!(c.sslmode, SslMode::Require);
        assert_eq!(c.connect_timeout, Some(Duration::from_secs(2)));
    }

    #[test]
    fn bad_input_is_a_usage_error_without_the_secret() {
        for (s, needle) in [
            (
                "postgresql://u:topsecret@h:99999/db",
                "invalid port number: \"99999\"",
            ),
            ("postgresql://u:topsecret@h:abc/db", "invalid port number"),
            (
                "host=h sslmode=sometimes password=topsecret",
                "invalid sslmode value: \"sometimes\"",
            ),
            (
                "mysql://u:topsecret@h/db",
                "unsupported connection URL scheme",
            ),
            (
                "host=h bogus=1 password=topsecret",
                "invalid connection option \"bogus\"",
            ),
            ("justaword", "malformed connection string"),
            ("host=h password='topsecret", "unterminated quoted value"),
        ] {
            let err = resolve(Some(s), &env(&[])).unwrap_err();
            let text = format!("{err:#}");
            assert!(text.contains(needle), "{s}: {text}");
            assert!(!text.contains("topsecret"), "{s}: {text}");
            assert_eq!(crate::error::exit_code(&err), crate::error::USAGE, "{s}");
        }
    }

    /// Pieces of a password (runs of 3 or more letters or digits) that must never be shown.
    fn pieces(password: &str) -> Vec<&str> {
        password
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| p.len() >= 3)
            .collect()
    }

    #[test]
    fn nasty_passwords_parse_or_fail_without_showing_them() {
        // (URL, its password, whether it must parse)
        for (url, password, parses) in [
            ("postgresql://admin:S3c?ret@127.0.0.1/db", "S3c?ret", true),
            // libpq reads host "ss@127.0.0.1": refused.
            ("postgresql://admin:p@ss@127.0.0.1/db", "p@ss", false),
            (
                "postgresql://admin:a?b=c&d@127.0.0.1:5433/db?sslmode=disable",
                "a?b=c&d",
                true,
            ),
            ("postgresql://admin:S3c%2Fret@127.0.0.1/db", "S3c/ret", true),
            (
                "postgresql://admin:S3cret/x@127.0.0.1/db",
                "S3cret/x",
                false,
            ),
            ("postgresql://admin:Pa55/w0rd@127.0.0.1", "Pa55/w0rd", false),
            (
                "postgresql://admin:1234/5678@127.0.0.1/db",
                "1234/5678",
                false,
            ),
            (
                "postgresql://admin:Sec/ret?sslmode=Xyz@127.0.0.1/db",
                "Sec/ret?sslmode=Xyz",
                false,
            ),
            (
                "postgresql://admin:Sec/ret?Xyz@127.0.0.1/db",
                "Sec/ret?Xyz",
                false,
            ),
            (
                "postgresql://admin:Sec/ret?Abc=Xyz@127.0.0.1/db",
                "Sec/ret?Abc=Xyz",
                false,
            ),
            (
                "postgresql://admin:Sec:ret/Xyz?port=Qwe&a=b@127.0.0.1/db",
                "Sec:ret/Xyz?port=Qwe&a=b",
                false,
            ),
        ] {
            let password = parses.then_some(password);
            match (resolve(Some(url), &env(&[])), password) {
                (Ok(c), Some(p)) => {
                    assert_eq!(c.password.as_ref().map(Secret::expose), Some(p), "{url}");
                    assert_eq!(c.hosts, vec!["127.0.0.1"], "{url}");
                    assert_eq!(c.dbname, "db", "{url}");
                    assert!(!c.masked().contains(p), "{url}");
                }
                (Ok(c), None) => panic!("{url}: parsed as {c:?}"),
                (Err(e), Some(_)) => panic!("{url}: {e:#}"),
                (Err(e), None) => {
                    let text = format!("{e:#} {}", crate::error::hint_of(&e).unwrap_or(""));
                    let secret = url
                        .strip_prefix("postgresql://admin:")
                        .map(|r| &r[..r.rfind('@').unwrap()])
                        .unwrap();
                    for piece in pieces(secret) {
                        assert!(!text.contains(piece), "{url}: {piece} shown in {text}");
                    }
                    assert_eq!(crate::error::exit_code(&e), crate::error::USAGE, "{url}");
                    assert!(
                        crate::error::hint_of(&e).is_some_and(|h| h.contains("%2F")),
                        "{url}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_after_the_last_at_is_still_quoted() {
        let err = resolve(Some("postgresql://u:Secret@h:abc/db"), &env(&[])).unwrap_err();
        assert!(
            format!("{err:#}").contains("invalid port number: \"abc\""),
            "{err:#}"
        );
        let err = resolve(Some("postgresql://u:Secret@h/db?bogus=1"), &env(&[])).unwrap_err();
        assert!(format!("{err:#}").contains("\"bogus\""), "{err:#}");
        let c = resolve(
            Some("postgresql://u@h/db?application_name=me@work"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.application_name, "me@work");
    }

    #[test]
    fn a_percent_not_followed_by_two_hex_digits_is_refused_without_the_secret() {
        for url in [
            "postgresql://u:SECRET%zzPW@127.0.0.1/db",
            "postgresql://u:SECRET%2@127.0.0.1/db",
            "postgresql://u:SECRET%@127.0.0.1/db",
        ] {
            let e = resolve(Some(url), &env(&[])).unwrap_err();
            let text = format!("{e:#}");
            assert!(
                text.contains("invalid percent-encoding in the password"),
                "{text}"
            );
            assert!(!text.contains("SECRET"), "{text}");
        }
        assert!(resolve(Some("postgresql://u:a%2Fb%25@127.0.0.1/db"), &env(&[])).is_ok());
    }

    #[test]
    fn pgpass_rules() {
        let text = "# comment\nother:*:*:*:no\nlocalhost:5432:promail_db:promail_user:pa\\:ss\n*:*:*:*:fallback\n";
        assert_eq!(
            pgpass_match(text, "localhost", "5432", "promail_db", "promail_user").as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_match(text, "elsewhere", "1", "d", "u").as_deref(),
            Some("fallback")
        );
        assert_eq!(pgpass_match("h:1:d:u:p\n", "h", "2", "d", "u"), None);
    }

    #[test]
    fn socket_folder_in_the_url_authority_or_query() {
        let c = resolve(Some("postgresql://u@%2Ftmp%2Fpm:5433/d"), &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["/tmp/pm"]);
        assert_eq!(c.ports, vec![5433]);
        assert!(c.is_socket());
        // The query wins over the authority, as in libpq.
        let c = resolve(
            Some("postgresql://u@dbhost/d?host=/tmp/pm&port=6000"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.hosts, vec!["/tmp/pm"]);
        assert_eq!(c.ports, vec![6000]);
        assert_eq!(c.target(), "socket /tmp/pm/.s.PGSQL.6000");
    }

    #[test]
    fn hostaddr_with_and_without_host() {
        let c = resolve(Some("host=db.example.com hostaddr=10.1.2.3"), &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["db.example.com"]);
        assert_eq!(
            c.hostaddrs,
            vec!["10.1.2.3".parse::<std::net::IpAddr>().unwrap()]
        );
        assert!(c
            .child_env()
            .contains(&("PGHOSTADDR".to_string(), "10.1.2.3".to_string())));
        let c = resolve(Some("hostaddr=10.1.2.3"), &env(&[])).unwrap();
        assert_eq!(c.hosts, vec!["10.1.2.3"]);
        assert!(c.hostaddrs.is_empty());
        let c = resolve(None, &env(&[("PGHOST", "a"), ("PGHOSTADDR", "::1")])).unwrap();
        assert_eq!(c.hosts, vec!["a"]);
        assert_eq!(c.hostaddrs.len(), 1);
        for (s, needle) in [
            ("host=a hostaddr=db.example.com", "invalid hostaddr value"),
            (
                "host=a,b hostaddr=10.0.0.1",
                "could not match 2 host names to 1 hostaddr",
            ),
        ] {
            let err = resolve(Some(s), &env(&[])).unwrap_err();
            assert!(format!("{err:#}").contains(needle), "{s}: {err:#}");
            assert_eq!(crate::error::exit_code(&err), crate::error::USAGE);
        }
    }

    #[test]
    fn session_attrs_channel_binding_and_gssencmode() {
        let c = resolve(
            Some("postgresql://u@a,b/d?target_session_attrs=read-write&channel_binding=require&gssencmode=disable"),
            &env(&[]),
        )
        .unwrap();
        assert_eq!(c.target_session_attrs.as_deref(), Some("read-write"));
        assert_eq!(c.channel_binding.as_deref(), Some("require"));
        for t in SESSION_ATTRS {
            let c = resolve(Some(&format!("host=a target_session_attrs={t}")), &env(&[])).unwrap();
            assert_eq!(c.target_session_attrs.as_deref(), Some(*t));
        }
        for (s, needle) in [
            (
                "host=a target_session_attrs=writable",
                "invalid target_session_attrs",
            ),
            ("host=a channel_binding=always", "invalid channel_binding"),
            ("host=a gssencmode=require", "cannot encrypt with GSSAPI"),
        ] {
            let err = resolve(Some(s), &env(&[])).unwrap_err();
            assert!(format!("{err:#}").contains(needle), "{s}: {err:#}");
            assert_eq!(crate::error::exit_code(&err), crate::error::USAGE);
        }
    }

    #[test]
    fn sslrootcert_system_means_verify_full() {
        let c = resolve(Some("host=h sslrootcert=system"), &env(&[])).unwrap();
        assert_eq!(c.sslmode, SslMode::VerifyFull);
        assert_eq!(c.sslrootcert.as_deref(), Some(Path::new("system")));
        let c = resolve(None, &env(&[("PGSSLROOTCERT", "system")])).unwrap();
        assert_eq!(c.sslmode, SslMode::VerifyFull);
        let err =
            resolve(Some("host=h sslrootcert=system sslmode=require"), &env(&[])).unwrap_err();
        assert!(
            format!("{err:#}").contains("weak sslmode \"require\""),
            "{err:#}"
        );
        assert_eq!(crate::error::exit_code(&err), crate::error::USAGE);
    }

    #[test]
    fn empty_password_is_no_password() {
        let e = env(&[("PGPASSWORD", "fromenv")]);
        // As libpq (seen with libpq 15): an empty URL password is no password at all, and
        // PGPASSWORD applies; an empty key=value password keeps PGPASSWORD out.
        let c = resolve(Some("postgresql://u:@h/d"), &e).unwrap();
        assert_eq!(c.password.unwrap().expose(), "fromenv");
        let c = resolve(Some("host=h user=u password="), &e).unwrap();
        assert!(c.password.is_none());
        let c = resolve(Some("postgresql://u@h/d"), &e).unwrap();
        assert_eq!(c.password.unwrap().expose(), "fromenv");
    }

    #[test]
    fn pgpass_host_of_a_unix_socket() {
        let text = "localhost:5432:*:u:for-localhost\n/tmp/pm:5432:*:u:for-socket\n";
        let info = |host: &str| resolve(Some(&format!("host={host} user=u")), &env(&[])).unwrap();
        let find = |host: &str| {
            let c = info(host);
            pgpass_hosts(&c.hosts[0])
                .into_iter()
                .find_map(|h| pgpass_match(text, h, "5432", &c.dbname, "u"))
        };
        // A private socket folder matches its path, not localhost (libpq).
        assert_eq!(find("/tmp/pm").as_deref(), Some("for-socket"));
        assert_eq!(find("/tmp/pm/").as_deref(), Some("for-socket"));
        assert_eq!(find("/srv/other"), None);
        // The default socket folder is "localhost".
        assert_eq!(
            find("/var/run/postgresql").as_deref(),
            Some("for-localhost")
        );
        assert_eq!(find("localhost").as_deref(), Some("for-localhost"));
    }

    #[test]
    fn pgpass_file_is_used_and_ignored_when_world_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("pgpass");
        std::fs::write(&f, "localhost:5432:promail_db:promail_user:frompass\n").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        let e = FakeEnv(
            [("PGPASSFILE", "")].into_iter().collect(),
            Some(dir.path().to_path_buf()),
        );
        let c = resolve(Some(&format!("passfile={}", f.display())), &e).unwrap();
        assert_eq!(c.password.unwrap().expose(), "frompass");
        assert_eq!(c.password_source, PasswordSource::PassFile);
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        let c = resolve(Some(&format!("passfile={}", f.display())), &e).unwrap();
        assert!(c.password.is_none());
    }

    #[test]
    fn service_files_as_libpq() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("user.conf");
        let sys = dir.path().join("sys");
        std::fs::create_dir(&sys).unwrap();
        std::fs::write(
            &user,
            "# mine\n[mail]\nhost=userhost\nport=6000\nhost=second\n[other]\ndbname=x\n",
        )
        .unwrap();
        std::fs::write(
            sys.join("pg_service.conf"),
            "[mail]\nuser=sysuser\n[sysonly]\nhost=syshost\nuser=sysuser\n[bad]\nhost = spaced\n[nested]\nservice=mail\n",
        )
        .unwrap();
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let e = |extra: &[(&'static str, &'static str)]| {
            let mut v = vec![
                ("PGSERVICEFILE", leak(user.display().to_string())),
                ("PGSYSCONFDIR", leak(sys.display().to_string())),
            ];
            v.extend_from_slice(extra);
            env(&v)
        };
        // The user's section wins whole: the system file's [mail] is not merged in.
        let c = resolve(Some("service=mail"), &e(&[])).unwrap();
        assert_eq!(c.hosts, vec!["userhost"]);
        assert_eq!(c.ports, vec![6000]);
        assert_eq!(c.user, DEFAULT_USER);
        // The string beats the service, the service beats the environment.
        let c = resolve(
            Some("service=mail port=7000"),
            &e(&[("PGHOST", "envhost"), ("PGUSER", "envuser")]),
        )
        .unwrap();
        assert_eq!(c.hosts, vec!["userhost"]);
        assert_eq!(c.ports, vec![7000]);
        assert_eq!(c.user, "envuser");
        // PGSERVICE; a service only the system file has.
        let c = resolve(None, &e(&[("PGSERVICE", "sysonly")])).unwrap();
        assert_eq!(c.hosts, vec!["syshost"]);
        assert_eq!(c.user, "sysuser");
        for (s, needle) in [
            (
                "service=nosuch",
                "definition of service \"nosuch\" not found",
            ),
            ("service=bad", "syntax error in service file"),
            (
                "service=nested",
                "nested service specifications not supported",
            ),
        ] {
            let err = resolve(Some(s), &e(&[])).unwrap_err();
            assert!(format!("{err:#}").contains(needle), "{s}: {err:#}");
        }
    }

    #[test]
    fn child_env_carries_the_password_outside_argv() {
        let c = resolve(Some("postgresql://u:pw@h/d"), &env(&[])).unwrap();
        let envs = c.child_env();
        assert!(envs.iter().any(|(k, v)| k == "PGPASSWORD" && v == "pw"));
        assert!(envs.iter().any(|(k, v)| k == "PGHOST" && v == "h"));
    }
}
