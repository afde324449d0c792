//! Connecting like libpq: `db ping` and the connection errors a user meets first.

use std::time::Duration;

use crate::support::{assert_error, promail, stdout_of, TestDb};

#[test]
fn ping_reports_the_server_as_json() {
    let db = TestDb::new("ping_json");
    let out = db
        .promail()
        .args(["db", "ping", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["database"], db.name.as_str());
    assert!(v[0]["version"]
        .as_str()
        .unwrap()
        .starts_with(&crate::support::server_version()));
    assert!(v[0]["rtt_ms"].is_number());
}

#[test]
fn ping_table_and_csv() {
    let db = TestDb::new("ping_table");
    let out = db.promail().args(["db", "ping"]).output().unwrap();
    assert!(out.status.success());
    assert!(stdout_of(&out).contains(&db.name));
    let out = db
        .promail()
        .args(["db", "ping", "--format", "csv"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).starts_with("server,version,user,database,tls,connect_ms,rtt_ms\n"));
}

#[test]
fn malformed_connection_strings_are_usage_errors_that_hide_the_password() {
    for (url, needle) in [
        (
            "postgresql://u:hunter2@localhost:70000/db",
            "invalid port number: \"70000\"",
        ),
        (
            "postgresql://u:hunter2@localhost/db?sslmode=maybe",
            "invalid sslmode value: \"maybe\"",
        ),
        (
            "http://u:hunter2@localhost/db",
            "unsupported connection URL scheme",
        ),
        (
            "host=localhost password=hunter2 colour=blue",
            "invalid connection option \"colour\"",
        ),
    ] {
        let out = promail()
            .args(["db", "ping"])
            .env("DATABASE_URL", url)
            .output()
            .unwrap();
        let err = assert_error(&out, 2, needle);
        assert!(err.contains("hint: "), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }
}

#[test]
fn unknown_sslmode_from_the_environment() {
    let out = promail()
        .args(["db", "ping"])
        .env("PGSSLMODE", "sometimes")
        .output()
        .unwrap();
    assert_error(&out, 2, "invalid sslmode value: \"sometimes\"");
}

#[test]
fn unknown_database_hints_at_db_create() {
    let db = TestDb::new("unknown_db");
    let conn = crate::support::with_dbname(&db.conn, "no_such_db_here");
    let out = promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", conn)
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "database \"no_such_db_here\" does not exist");
    assert!(
        err.contains("hint: create it with `promail db create`"),
        "{err}"
    );
}

#[test]
fn server_not_running_says_so() {
    // A port nothing listens on: bind, read the number, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = promail()
        .args(["db", "ping"])
        .env(
            "DATABASE_URL",
            format!("postgresql://u@127.0.0.1:{port}/db"),
        )
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "connection refused");
    assert!(err.contains("is the server running"), "{err}");
}

#[test]
fn host_not_found() {
    let out = promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", "postgresql://u@no-such-host.invalid/db")
        .output()
        .unwrap();
    assert_error(
        &out,
        1,
        "could not translate host name \"no-such-host.invalid\"",
    );
}

#[test]
fn a_silent_server_is_abandoned_after_the_connect_timeout() {
    // A listener on loopback that accepts and never answers: the startup handshake hangs.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let keep = std::thread::spawn(move || {
        let conns: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(30));
        drop(conns);
    });
    let out = promail()
        .args(["db", "ping"])
        .env(
            "DATABASE_URL",
            format!("postgresql://u@127.0.0.1:{port}/db?connect_timeout=2&sslmode=disable"),
        )
        .timeout(Duration::from_secs(25))
        .output()
        .unwrap();
    // The configured limit, not a multiple of it.
    assert_error(&out, 1, "timeout expired after 2 s");
    drop(keep);
}

/// A loopback listener that accepts connections and never says a word; its port.
fn silent_listener() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for c in listener.incoming().take(8) {
            held.push(c);
        }
        std::thread::sleep(Duration::from_secs(60));
    });
    port
}

#[test]
fn a_silent_first_host_is_left_for_the_next_one() {
    let db = TestDb::new("failover");
    let info = promail::conninfo::resolve(Some(&db.conn), &promail::conninfo::ProcessEnv).unwrap();
    let port = silent_listener();
    // The test cluster listens on a socket folder only: the second host is that folder.
    let conn = format!(
        "host=127.0.0.1,{} port={port},{} user={} dbname={} connect_timeout=2 sslmode=disable",
        info.hosts[0], info.ports[0], info.user, db.name
    );
    let out = promail()
        .args(["db", "ping", "--format", "json", "-v"])
        .env("DATABASE_URL", &conn)
        .timeout(Duration::from_secs(25))
        .output()
        .unwrap();
    let err = crate::support::stderr_of(&out);
    assert!(out.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(v[0]["database"], db.name.as_str());
    // -v names the host passed over, why, and what it cost.
    let line = err
        .lines()
        .find(|l| l.starts_with("passed over "))
        .unwrap_or_else(|| panic!("no line for the host passed over: {err}"));
    assert!(
        line.starts_with(&format!(
            "passed over 127.0.0.1:{port}: timed out after 2 s ("
        )),
        "{line}"
    );

    // Both silent: each host gets the configured limit, and the message says which failed.
    let other = silent_listener();
    let out = promail()
        .args(["db", "ping"])
        .env(
            "DATABASE_URL",
            format!("host=127.0.0.1,127.0.0.1 port={port},{other} user=u dbname=d connect_timeout=2 sslmode=disable"),
        )
        .timeout(Duration::from_secs(25))
        .output()
        .unwrap();
    let err = assert_error(
        &out,
        1,
        &format!("no server could be used among the 2 hosts listed (127.0.0.1:{port}: timed out after 2 s; 127.0.0.1:{other}: timed out after 2 s)"),
    );
    assert!(err.contains("hint: are the servers running"), "{err}");
}

#[test]
fn password_is_never_echoed_when_the_connection_fails() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = promail()
        .args(["-v", "db", "ping"])
        .env(
            "DATABASE_URL",
            format!("postgresql://someone:s3cr3t-value@127.0.0.1:{port}/db"),
        )
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "connection refused");
    assert!(!err.contains("s3cr3t-value"), "{err}");
    assert!(
        err.contains("postgresql://someone:****@127.0.0.1"),
        "verbose target is masked: {err}"
    );
}

#[test]
fn unknown_role_hints_at_db_create_not_pg_hba() {
    let db = TestDb::new("unknown_role");
    let conn = format!("{} user=no_such_role_here", db.conn);
    let out = promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", conn)
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "role \"no_such_role_here\" does not exist");
    assert!(
        err.contains("hint: create the role with `promail db create`"),
        "{err}"
    );
}

#[test]
fn another_service_on_the_port_is_named_as_such() {
    use std::io::Write as _;
    // An SSH-like banner; then, as sshd, it reads what the client sends until the client
    // closes (or half a second passes) before closing. Closing with the client's bytes unread would reset
    // the connection, and a loaded machine could deliver the reset before the banner.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for c in listener.incoming().take(4).flatten() {
            std::thread::spawn(move || {
                use std::io::Read as _;
                let mut c = c;
                let _ = c.write_all(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
                let _ = c.set_read_timeout(Some(Duration::from_millis(500)));
                let mut buf = [0u8; 256];
                while matches!(c.read(&mut buf), Ok(n) if n > 0) {}
            });
        }
    });
    for sslmode in ["disable", "prefer"] {
        let out = promail()
            .args(["db", "ping"])
            .env(
                "DATABASE_URL",
                format!("postgresql://u@127.0.0.1:{port}/db?connect_timeout=5&sslmode={sslmode}"),
            )
            .timeout(Duration::from_secs(25))
            .output()
            .unwrap();
        let err = assert_error(&out, 1, &format!("connecting to 127.0.0.1:{port}"));
        assert!(
            err.contains("hint: is it another service's port?"),
            "{sslmode}: {err}"
        );
    }
}

#[test]
fn sessions_end_with_a_goodbye_not_a_reset_socket() {
    // Without one, the server logs "could not receive data from client: Connection reset by
    // peer" for each session of every run, and counts it as abandoned.
    let db = TestDb::migrated("clean_close");
    let before = db.ended_sessions();
    for args in [
        &["db", "ping"][..],
        &["partitions", "list"],
        &["partitions", "rotate"],
        &["cleanup", "--yes"],
    ] {
        let out = db.promail().args(args).output().unwrap();
        assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    }
    // Before PostgreSQL 15 the statistics collector reports them a moment later: wait for it.
    let start = std::time::Instant::now();
    let mut after = db.ended_sessions();
    while let (Some((sessions, _)), Some((now, _))) = (before, after) {
        if now >= sessions + 4 || start.elapsed() > std::time::Duration::from_secs(10) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        after = db.ended_sessions();
    }
    if let (Some((sessions, abandoned)), Some((sessions_after, abandoned_after))) = (before, after)
    {
        // At least one session per command, besides this test's own.
        assert!(
            sessions_after >= sessions + 4,
            "{sessions} -> {sessions_after}"
        );
        assert_eq!(abandoned_after, abandoned);
    }
}

/// The folder name of the server `db ping` reached (its `server` field names the socket).
fn reached(pair: &crate::standby_support::StandbyPair, conn: &str) -> Result<&'static str, String> {
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", conn)
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(crate::support::stderr_of(&out));
    }
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let server = v[0]["server"].as_str().unwrap();
    let name = |d: &std::path::Path| d.file_name().unwrap().to_string_lossy().into_owned();
    if server.contains(&name(pair.primary.dir())) {
        Ok("primary")
    } else if server.contains(&name(&pair.standby_dir)) {
        Ok("standby")
    } else {
        panic!("{conn}: reached {server}")
    }
}

#[test]
fn target_session_attrs_pick_the_primary_or_the_standby_as_libpq() {
    let Some(pair) = crate::standby_support::StandbyPair::start() else {
        return;
    };
    // (standby listed first, target_session_attrs, where libpq connects)
    for (standby_first, attrs, expected) in [
        (false, "any", "primary"),
        (true, "any", "standby"),
        (true, "read-write", "primary"),
        (false, "read-only", "standby"),
        (true, "primary", "primary"),
        (false, "standby", "standby"),
        (false, "prefer-standby", "standby"),
        (true, "prefer-standby", "standby"),
    ] {
        let conn = pair.conn(standby_first, &format!("target_session_attrs={attrs}"));
        assert_eq!(
            reached(&pair, &conn),
            Ok(expected),
            "{attrs}, standby first: {standby_first}"
        );
    }
    // PGTARGETSESSIONATTRS as well.
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", pair.conn(false, ""))
        .env("PGTARGETSESSIONATTRS", "standby")
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains(
        &pair
            .standby_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    ));
    // prefer-standby with no standby listed takes the primary in its second pass.
    let only = |d: &std::path::Path, attrs: &str| {
        format!(
            "host={} port=5432 user=postgres dbname=promail_db target_session_attrs={attrs}",
            d.display()
        )
    };
    assert_eq!(
        reached(&pair, &only(pair.primary.dir(), "prefer-standby")),
        Ok("primary")
    );
    // No server of the kind asked for: refused in libpq's words.
    for (c, attrs, needle) in [
        (
            pair.primary.dir(),
            "standby",
            "server is not in hot standby mode",
        ),
        (pair.primary.dir(), "read-only", "session is not read-only"),
        (
            pair.standby_dir.as_path(),
            "primary",
            "server is in hot standby mode",
        ),
        (
            pair.standby_dir.as_path(),
            "read-write",
            "session is read-only",
        ),
    ] {
        let out = promail()
            .args(["db", "ping"])
            .env("DATABASE_URL", only(c, attrs))
            .output()
            .unwrap();
        let err = assert_error(&out, 1, needle);
        assert!(
            err.contains(&format!("target_session_attrs={attrs}")),
            "{err}"
        );
    }
}

#[test]
fn a_service_file_says_where_to_connect() {
    let db = TestDb::new("service_file");
    let info = promail::conninfo::resolve(Some(&db.conn), &promail::conninfo::ProcessEnv).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("services.conf");
    std::fs::write(
        &file,
        format!(
            "# the DBA's services\n[promail]\nhost={}\nport={}\nuser={}\ndbname={}\n",
            info.hosts[0], info.ports[0], info.user, db.name
        ),
    )
    .unwrap();
    let ping = |conn: &str, service_env: Option<&str>| {
        let mut c = promail();
        c.args(["db", "ping", "--format", "json"])
            .env("PGSERVICEFILE", &file)
            .env("DATABASE_URL", conn);
        if let Some(s) = service_env {
            c.env("PGSERVICE", s);
        }
        c.output().unwrap()
    };
    for (conn, env) in [("service=promail", None), ("", Some("promail"))] {
        let out = ping(conn, env);
        assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        assert_eq!(v[0]["database"], db.name.as_str(), "{conn} {env:?}");
    }
    // The string beats the service file.
    let out = ping("service=promail dbname=no_such_db_here", None);
    assert_error(&out, 1, "no_such_db_here");
    // An unknown service: refused, as libpq does, instead of connecting to the defaults.
    let out = ping("service=nosuch", None);
    assert_error(&out, 2, "definition of service \"nosuch\" not found");
}

/// The process environment with some variables replaced, for library-level resolution.
struct EnvWith(Vec<(&'static str, &'static str)>);

impl promail::conninfo::Env for EnvWith {
    fn var(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| (*v).to_string())
    }
    fn home(&self) -> Option<std::path::PathBuf> {
        Some(crate::support::empty_home())
    }
}

#[test]
fn pgtz_and_pgdatestyle_set_the_session_as_libpq_sends_them() {
    let db = TestDb::new("pgtz");
    let env = EnvWith(vec![
        ("PGTZ", "America/New_York"),
        ("PGDATESTYLE", "SQL, DMY"),
    ]);
    let info = promail::conninfo::resolve(Some(&db.conn), &env).unwrap();
    let (tz, style) = crate::support::block_on(async {
        let s = promail::connect::connect(&info, promail::connect::Prompt::Never)
            .await
            .unwrap();
        let tz: String = s.query_one("SHOW TimeZone", &[]).await.unwrap().get(0);
        let style: String = s.query_one("SHOW DateStyle", &[]).await.unwrap().get(0);
        (tz, style)
    });
    assert_eq!(tz, "America/New_York");
    assert_eq!(style, "SQL, DMY");
}

#[test]
fn libpq_variables_promail_cannot_honour_are_named() {
    let db = TestDb::new("ignored_vars");
    // Ignored with a warning: nothing about where or how safely it connects changes.
    let out = db
        .promail()
        .args(["db", "ping"])
        .env("PGCLIENTENCODING", "LATIN1")
        .env("PGKRBSRVNAME", "postgres")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    let err = crate::support::stderr_of(&out);
    assert!(
        err.contains("warning: PGCLIENTENCODING is ignored"),
        "{err}"
    );
    assert!(err.contains("warning: PGKRBSRVNAME is ignored"), "{err}");
    // Refused: ignoring them would connect in a way the user ruled out.
    for (var, value, needle) in [
        (
            "PGREQUIREAUTH",
            "scram-sha-256",
            "require_auth=scram-sha-256 is not supported",
        ),
        (
            "PGREQUIREPEER",
            "postgres",
            "requirepeer=postgres is not supported",
        ),
        (
            "PGSSLNEGOTIATION",
            "direct",
            "sslnegotiation=direct is not supported",
        ),
        // As libpq: below the default minimum (TLSv1.2).
        (
            "PGSSLMAXPROTOCOLVERSION",
            "TLSv1.1",
            "invalid SSL protocol version range",
        ),
    ] {
        let out = db
            .promail()
            .args(["db", "ping"])
            .env(var, value)
            .output()
            .unwrap();
        assert_error(&out, 2, needle);
    }
    // Honoured: keepalives and friends are accepted and checked.
    let out = db
        .promail()
        .args(["db", "ping"])
        .env(
            "DATABASE_URL",
            format!("{} keepalives=1 keepalives_idle=30 keepalives_interval=5 keepalives_count=3 tcp_user_timeout=10000", db.conn),
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr_of(&out));
    let out = db
        .promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", format!("{} keepalives_idle=soon", db.conn))
        .output()
        .unwrap();
    assert_error(
        &out,
        2,
        "invalid integer value \"soon\" for connection option \"keepalives_idle\"",
    );
}

#[test]
fn a_closed_stderr_is_no_crash() {
    // `promail … 2>&1 | head` closes the pipe early; an error written then must not turn into
    // a panic (exit 101): stderr goes into a pipe whose reader has already gone.
    let rc = std::env::temp_dir().join(format!("promail-rc-{}", std::process::id()));
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{{ sleep 0.3; '{}' --database-url 'mysql://x' db ping; echo $? > '{}'; }} 2>&1 >/dev/null | true",
            env!("CARGO_BIN_EXE_promail"),
            rc.display()
        ))
        .env("HOME", crate::support::empty_home())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let code = std::fs::read_to_string(&rc).unwrap();
    std::fs::remove_file(&rc).unwrap();
    assert_eq!(code.trim(), "2", "exit code with stderr closed");
}

/// A TCP port on 127.0.0.1 forwarding every connection to the test server's Unix socket (the
/// test cluster listens on its socket only), for tests that need a TCP session.
fn tcp_to_socket(socket: std::path::PathBuf) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let Ok(unix) = std::os::unix::net::UnixStream::connect(&socket) else {
                continue;
            };
            let (mut tcp_r, mut unix_w) = (tcp.try_clone().unwrap(), unix.try_clone().unwrap());
            let (mut unix_r, mut tcp_w) = (unix, tcp);
            std::thread::spawn(move || std::io::copy(&mut tcp_r, &mut unix_w));
            std::thread::spawn(move || std::io::copy(&mut unix_r, &mut tcp_w));
        }
    });
    port
}

/// The keepalive timer of promail's TCP session to 127.0.0.1:`port`, in seconds, as `ss -o`
/// shows it (`timer:(keepalive,6.9sec,0)`, `timer:(keepalive,119min,0)`), once the session
/// exists and its startup packets are acknowledged; None when it shows none for two seconds.
fn keepalive_timer(port: u16) -> Option<f64> {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut seen: Option<std::time::Instant> = None;
    loop {
        let out = std::process::Command::new("ss")
            .args(["-tnoH", "state", "established", "dst"])
            .arg(format!("127.0.0.1:{port}"))
            .output()
            .expect("running ss (iproute2)");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if let Some(t) = text.split("timer:(keepalive,").nth(1) {
            let value = t.split(',').next().unwrap();
            let (n, unit) = value.split_at(value.find(|c: char| c.is_alphabetic()).unwrap());
            let n: f64 = n.parse().unwrap();
            return Some(match unit {
                // iproute2 6.1 prints seconds with a fraction as "6.284ms", whole ms as "532ms".
                "ms" if n.fract() != 0.0 || value.contains('.') => n,
                "ms" => n / 1000.0,
                "sec" => n,
                "min" => n * 60.0,
                other => panic!("unit {other} in {text}"),
            });
        }
        if !text.trim().is_empty() {
            let since = *seen.get_or_insert_with(std::time::Instant::now);
            if since.elapsed() > Duration::from_secs(2) {
                return None;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no session to 127.0.0.1:{port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn keepalives_are_set_on_the_socket_as_libpq_sets_them() {
    let db = TestDb::new("keepalives");
    let info = promail::conninfo::resolve(Some(&db.conn), &promail::conninfo::ProcessEnv).unwrap();
    let socket = std::path::Path::new(&info.hosts[0]).join(format!(".s.PGSQL.{}", info.ports[0]));
    // A session that stays open: the connections report, every 30 s.
    let watch = |extra: &str| {
        let port = tcp_to_socket(socket.clone());
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_promail"))
            .args(["monitor", "connections", "--watch", "30"])
            .env(
                "DATABASE_URL",
                format!(
                    "host=127.0.0.1 port={port} user={} dbname={} sslmode=disable {extra}",
                    info.user, db.name
                ),
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let timer = keepalive_timer(port);
        (child, timer)
    };
    // keepalives_idle: the first probe after 7 s of silence (psql's socket shows the same).
    let (mut child, timer) = watch("keepalives_idle=7 keepalives_interval=3 keepalives_count=2");
    child.kill().unwrap();
    child.wait().unwrap();
    let t = timer.expect("a keepalive timer on the socket");
    assert!(
        t > 0.0 && t <= 7.0,
        "keepalive in {t} s, not within keepalives_idle=7"
    );
    // libpq's default: keepalives on, with the system's idle time (net.ipv4.tcp_keepalive_time).
    let system: f64 = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_keepalive_time")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let (mut child, timer) = watch("");
    child.kill().unwrap();
    child.wait().unwrap();
    let t = timer.expect("a keepalive timer on the socket by default");
    assert!(
        t > 7.0 && t <= system,
        "default keepalive in {t} s, system {system} s"
    );
    // keepalives=0: none.
    let (mut child, timer) = watch("keepalives=0");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(timer, None);
}
