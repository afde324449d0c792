//! TLS as libpq does it, against a server of the test's own: a private cluster listening on a
//! free loopback port with a certificate for `localhost` signed by a CA made here (no IP in
//! it, so `127.0.0.1` is a name mismatch). One server for every case: the cases run in order in
//! one test, and the last ones switch `ssl` off and reload.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use promail::local::Cluster;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};

use crate::support::{assert_error, promail, sql_on, stderr_of, stdout_of};

/// A role that pg_hba lets in over TCP only without TLS.
const PLAIN_ONLY_ROLE: &str = "plain_only";
/// A role that pg_hba refuses over TCP, with TLS or without.
const REJECTED_ROLE: &str = "rejected_user";
/// A role that logs in with a SCRAM password (channel binding over TLS).
const SCRAM_ROLE: &str = "scram_user";
const SCRAM_PASSWORD: &str = "Scram-pw-for-tls-tests";

/// The cluster behind the TLS tests; stopped and removed when dropped (also on failure).
struct TlsServer {
    cluster: Cluster,
    port: u16,
    /// Client-side files: the CA, another CA, HOMEs.
    files: tempfile::TempDir,
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        if let Err(e) = self.cluster.destroy() {
            eprintln!("removing the TLS test cluster: {e:#}");
        }
    }
}

/// What a test server presents and whom it admits.
struct ServerTls {
    cert: String,
    key: String,
    /// The CA that client certificates must be signed by (`ssl_ca_file`).
    ca: Option<String>,
    hba: String,
}

/// A CA certificate (PEM) and its issuer.
fn make_ca(name: &str) -> (String, CertifiedIssuer<'static, KeyPair>) {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
    (ca.pem(), ca)
}

/// Writes `contents` to `path` as the owner of `like` (the `postgres` user when we are root).
fn write_as(path: &Path, contents: &str, mode: u32, like: &Path) {
    std::fs::write(path, contents).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    let meta = std::fs::metadata(like).unwrap();
    std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid())).unwrap();
}

impl TlsServer {
    fn start() -> TlsServer {
        TlsServer::start_with(|files| {
            let (ca_pem, ca) = make_ca("promail test CA");
            let (other_pem, _) = make_ca("some other CA");
            let mut params = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
            params
                .distinguished_name
                .push(DnType::CommonName, "localhost");
            let key = KeyPair::generate().unwrap();
            let cert = params.signed_by(&key, &ca).unwrap();
            std::fs::write(files.join("ca.crt"), ca_pem).unwrap();
            std::fs::write(files.join("other-ca.crt"), other_pem).unwrap();
            ServerTls {
                cert: cert.pem(),
                key: key.serialize_pem(),
                ca: None,
                hba: format!(
                    "local all all trust\n\
                     hostssl all {PLAIN_ONLY_ROLE} 127.0.0.1/32 reject\n\
                     host all {REJECTED_ROLE} 127.0.0.1/32 reject\n\
                     host all {SCRAM_ROLE} 127.0.0.1/32 scram-sha-256\n\
                     host all all 127.0.0.1/32 trust\n"
                ),
            }
        })
    }

    /// A server whose certificate, key, client CA and pg_hba.conf `setup` makes (it gets the
    /// folder for the client's files).
    fn start_with(setup: impl FnOnce(&Path) -> ServerTls) -> TlsServer {
        let files = tempfile::Builder::new().prefix("pmtls").tempdir().unwrap();
        // Short, in /tmp (the socket path limit), and reachable by the server's user.
        let dir = tempfile::Builder::new()
            .prefix("pmtls")
            .tempdir_in("/tmp")
            .unwrap()
            .keep();
        let cluster = Cluster::new(&dir);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = TlsServer {
            cluster,
            port,
            files,
        };
        // initdb, first start (creates promail_db), stop: the data folder is ready to configure.
        server
            .cluster
            .start()
            .unwrap_or_else(|e| panic!("starting the TLS test cluster: {e:#}"));
        server.cluster.stop().unwrap();

        let tls = setup(server.files.path());
        let data = dir.join("data");
        write_as(&data.join("server.crt"), &tls.cert, 0o644, &data);
        write_as(&data.join("server.key"), &tls.key, 0o600, &data);
        write_as(&data.join("pg_hba.conf"), &tls.hba, 0o600, &data);
        let mut auto = format!(
            "listen_addresses = '127.0.0.1'\n\
             port = {port}\n\
             ssl = on\n\
             ssl_cert_file = 'server.crt'\n\
             ssl_key_file = 'server.key'\n"
        );
        if let Some(ca) = &tls.ca {
            write_as(&data.join("client-ca.crt"), ca, 0o644, &data);
            auto.push_str("ssl_ca_file = 'client-ca.crt'\n");
        }
        write_as(&data.join("postgresql.auto.conf"), &auto, 0o600, &data);
        // Started with pg_ctl directly: the port is not the one `promail local` uses.
        let bindir = promail::local::find_bindir().unwrap();
        let meta = std::fs::metadata(&data).unwrap();
        let mut cmd = Command::new(bindir.join("pg_ctl"));
        cmd.arg("start")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(server.cluster.log_file())
            .args(["-w", "-t", "30", "-s"])
            .current_dir(&dir)
            .stdin(std::process::Stdio::null());
        if meta.uid() != std::fs::metadata("/proc/self").unwrap().uid() {
            cmd.uid(meta.uid()).gid(meta.gid());
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            stderr_of(&out),
            std::fs::read_to_string(server.cluster.log_file()).unwrap_or_default()
        );
        sql_on(
            &server.admin(),
            &format!(
                "CREATE ROLE {PLAIN_ONLY_ROLE} LOGIN; CREATE ROLE {REJECTED_ROLE} LOGIN; \
                 SET password_encryption = 'scram-sha-256'; \
                 CREATE ROLE {SCRAM_ROLE} LOGIN PASSWORD '{SCRAM_PASSWORD}'"
            ),
        );
        server
    }

    fn ca(&self) -> PathBuf {
        self.files.path().join("ca.crt")
    }

    fn other_ca(&self) -> PathBuf {
        self.files.path().join("other-ca.crt")
    }

    /// Superuser through the Unix socket (never TLS).
    fn admin(&self) -> String {
        format!(
            "host={} port={} user=postgres dbname=promail_db sslmode=disable",
            self.cluster.dir().display(),
            self.port
        )
    }

    fn url(&self, host: &str, params: &str) -> String {
        format!(
            "postgresql://postgres@{host}:{}/promail_db?{params}",
            self.port
        )
    }

    /// A fresh empty HOME (no ~/.postgresql/root.crt, no ~/.pgpass).
    fn home(&self, name: &str) -> PathBuf {
        let h = self.files.path().join(name);
        std::fs::create_dir_all(&h).unwrap();
        h
    }

    /// `promail db ping --format json` with this URL; the `tls` field on success.
    fn ping(&self, url: &str) -> std::process::Output {
        promail()
            .args(["db", "ping", "--format", "json"])
            .env("DATABASE_URL", url)
            .env("HOME", self.home("home"))
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    }

    fn set_ssl(&self, on: bool) {
        let value = if on { "on" } else { "off" };
        sql_on(&self.admin(), &format!("ALTER SYSTEM SET ssl = {value}"));
        sql_on(&self.admin(), "SELECT pg_reload_conf()");
        // The postmaster reloads asynchronously: wait until new sessions see it.
        let deadline = Instant::now() + Duration::from_secs(30);
        while sql_on(&self.admin(), "SHOW ssl")[0][0].as_deref() != Some(value) {
            assert!(Instant::now() < deadline, "ssl did not become {value}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The `tls` column of a successful `db ping --format json`.
fn tls_of(out: &std::process::Output, case: &str) -> String {
    assert!(
        out.status.success(),
        "{case}: exit {:?}; stderr: {}",
        out.status.code(),
        stderr_of(out)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout_of(out))
        .unwrap_or_else(|e| panic!("{case}: {e}: {}", stdout_of(out)));
    v[0]["tls"].as_str().unwrap().to_string()
}

fn assert_tls_on(out: &std::process::Output, case: &str) {
    let tls = tls_of(out, case);
    assert!(tls.starts_with("TLSv1."), "{case}: tls = {tls}");
}

#[test]
fn sslmodes_against_a_server_with_a_certificate_and_without() {
    let srv = TlsServer::start();
    let ca = srv.ca().display().to_string();
    let other = srv.other_ca().display().to_string();

    // Encrypted, nothing verified.
    assert_tls_on(
        &srv.ping(&srv.url("127.0.0.1", "sslmode=require")),
        "require",
    );
    assert_tls_on(&srv.ping(&srv.url("127.0.0.1", "sslmode=prefer")), "prefer");
    assert_tls_on(&srv.ping(&srv.url("127.0.0.1", "")), "default (prefer)");
    assert_eq!(
        tls_of(
            &srv.ping(&srv.url("127.0.0.1", "sslmode=disable")),
            "disable"
        ),
        "off"
    );

    // verify-full: the chain and the name.
    assert_tls_on(
        &srv.ping(&srv.url(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={ca}"),
        )),
        "verify-full, localhost",
    );
    let out = srv.ping(&srv.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ));
    let err = assert_error(
        &out,
        1,
        "the server's certificate does not match host name \"127.0.0.1\" (it names localhost)",
    );
    assert!(err.contains("hint: ") && err.contains("verify-ca"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    // hostaddr: connect to the address, verify the name given as host (libpq).
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env(
            "DATABASE_URL",
            format!(
                "host=localhost hostaddr=127.0.0.1 port={} user=postgres dbname=promail_db \
                 sslmode=verify-full sslrootcert={ca}",
                srv.port
            ),
        )
        .output()
        .unwrap();
    assert_tls_on(&out, "verify-full, host localhost, hostaddr 127.0.0.1");
    let out = srv.ping(&srv.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={other}"),
    ));
    let err = assert_error(&out, 1, "the server's certificate is not signed by a CA in");
    assert!(err.contains(&other), "{err}");
    assert!(
        err.contains("hint: ") && err.contains("sslrootcert"),
        "{err}"
    );

    // verify-ca: the chain only, so the IP address is fine.
    assert_tls_on(
        &srv.ping(&srv.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}"))),
        "verify-ca, 127.0.0.1",
    );
    let out = srv.ping(&srv.url(
        "127.0.0.1",
        &format!("sslmode=verify-ca&sslrootcert={other}"),
    ));
    assert_error(&out, 1, "the server's certificate is not signed by a CA");
    // No root certificate anywhere: refuse before connecting, and say how to give one.
    let out = srv.ping(&srv.url("127.0.0.1", "sslmode=verify-ca"));
    let err = assert_error(&out, 1, "root certificate");
    assert!(
        err.contains("hint: ") && err.contains("sslrootcert"),
        "{err}"
    );

    // PGSSLROOTCERT and ~/.postgresql/root.crt, as libpq.
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", srv.url("localhost", "sslmode=verify-full"))
        .env("PGSSLROOTCERT", &ca)
        .output()
        .unwrap();
    assert_tls_on(&out, "verify-full with PGSSLROOTCERT");
    let home = srv.home("home-with-root-crt");
    std::fs::create_dir_all(home.join(".postgresql")).unwrap();
    std::fs::copy(srv.ca(), home.join(".postgresql/root.crt")).unwrap();
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", srv.url("localhost", "sslmode=verify-full"))
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_tls_on(&out, "verify-full with ~/.postgresql/root.crt");
    // libpq: require with a root certificate present checks the chain (as verify-ca).
    std::fs::copy(srv.other_ca(), home.join(".postgresql/root.crt")).unwrap();
    let out = promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", srv.url("127.0.0.1", "sslmode=require"))
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_error(&out, 1, "the server's certificate is not signed by a CA");
    // …but a sslrootcert given for require that does not exist is not an error (libpq).
    let missing = srv.files.path().join("missing.crt").display().to_string();
    assert_tls_on(
        &srv.ping(&srv.url(
            "127.0.0.1",
            &format!("sslmode=require&sslrootcert={missing}"),
        )),
        "require with a missing sslrootcert",
    );

    // A role that pg_hba admits only without TLS: prefer falls back to plain, as libpq does.
    let plain = |params: &str| {
        format!(
            "postgresql://{PLAIN_ONLY_ROLE}@127.0.0.1:{}/promail_db?{params}",
            srv.port
        )
    };
    assert_eq!(
        tls_of(
            &srv.ping(&plain("sslmode=prefer")),
            "prefer, hostssl reject"
        ),
        "off"
    );
    let out = srv.ping(&plain("sslmode=require"));
    let err = assert_error(&out, 1, "pg_hba.conf rejects connection");
    assert!(
        err.contains("hint: ") && err.contains("sslmode=prefer"),
        "{err}"
    );
    // Refused both ways: the hint must not send the user to another sslmode.
    let rejected = |mode: &str| {
        srv.ping(&format!(
            "postgresql://{REJECTED_ROLE}@127.0.0.1:{}/promail_db?sslmode={mode}",
            srv.port
        ))
    };
    for mode in ["prefer", "allow"] {
        let err = assert_error(&rejected(mode), 1, "(refused with and without TLS)");
        assert!(
            err.contains("neither with TLS nor without"),
            "{mode}: {err}"
        );
    }
    let err = assert_error(&rejected("require"), 1, "pg_hba.conf rejects connection");
    assert!(err.contains("over TLS"), "{err}");
    let err = assert_error(&rejected("disable"), 1, "pg_hba.conf rejects connection");
    assert!(err.contains("without TLS; try sslmode=require"), "{err}");

    // SCRAM with channel binding (SCRAM-SHA-256-PLUS) needs TLS; required, it refuses plain.
    let scram = |params: &str| {
        promail()
            .args(["db", "ping", "--format", "json"])
            .env(
                "DATABASE_URL",
                format!(
                    "postgresql://{SCRAM_ROLE}@127.0.0.1:{}/promail_db?{params}",
                    srv.port
                ),
            )
            .env("PGPASSWORD", SCRAM_PASSWORD)
            .output()
            .unwrap()
    };
    assert_tls_on(
        &scram("sslmode=require&channel_binding=require"),
        "channel binding over TLS",
    );
    let out = scram("sslmode=disable&channel_binding=require");
    let err = assert_error(&out, 1, "channel binding");
    assert!(
        err.contains("hint: ") && err.contains("sslmode=require"),
        "{err}"
    );

    // The system's trust store does not know our test CA.
    let out = srv.ping(&srv.url("localhost", "sslrootcert=system"));
    assert_error(
        &out,
        1,
        "the server's certificate is not signed by a CA in the system's trusted roots",
    );
    let out = srv.ping(&srv.url("localhost", "sslrootcert=system&sslmode=require"));
    assert_error(
        &out,
        2,
        "weak sslmode \"require\" may not be used with sslrootcert=system",
    );

    // The same server with ssl off.
    srv.set_ssl(false);
    let out = srv.ping(&srv.url("127.0.0.1", "sslmode=require"));
    let err = assert_error(&out, 1, "does not support TLS");
    assert!(err.contains("hint: "), "{err}");
    let out = srv.ping(&srv.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ));
    assert_error(&out, 1, "does not support TLS");
    assert_eq!(
        tls_of(
            &srv.ping(&srv.url("127.0.0.1", "sslmode=prefer")),
            "prefer, ssl off"
        ),
        "off"
    );
    assert_eq!(
        tls_of(
            &srv.ping(&srv.url("127.0.0.1", "sslmode=allow")),
            "allow, ssl off"
        ),
        "off"
    );
}

/// Runs `openssl` in `dir`, as the PostgreSQL manual's "Creating Certificates" does.
fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl (apt-get install openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        stderr_of(&out)
    );
}

/// The manual's chain: a root CA (`-extensions v3_ca`), and certificates it signs with
/// `openssl x509 -req` (version 1, the name in the Common Name only).
fn manual_chain(dir: &Path, names: &[(&str, &str)]) {
    openssl(
        dir,
        &[
            "req",
            "-new",
            "-nodes",
            "-text",
            "-out",
            "root.csr",
            "-keyout",
            "root.key",
            "-subj",
            "/CN=root.yourdomain.com",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "root.csr",
            "-text",
            "-days",
            "3650",
            "-extfile",
            "/etc/ssl/openssl.cnf",
            "-extensions",
            "v3_ca",
            "-signkey",
            "root.key",
            "-out",
            "root.crt",
        ],
    );
    for (file, cn) in names {
        let (csr, key, crt) = (
            format!("{file}.csr"),
            format!("{file}.key"),
            format!("{file}.crt"),
        );
        let subj = format!("/CN={cn}");
        openssl(
            dir,
            &[
                "req", "-new", "-nodes", "-text", "-out", &csr, "-keyout", &key, "-subj", &subj,
            ],
        );
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-text",
                "-days",
                "365",
                "-CA",
                "root.crt",
                "-CAkey",
                "root.key",
                "-CAcreateserial",
                "-out",
                &crt,
            ],
        );
        std::fs::set_permissions(dir.join(&key), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// A certificate revocation list signed by the manual's root, naming `revoked` (files).
fn crl(dir: &Path, out: &str, revoked: &[&str]) {
    let conf = dir.join("ca.cnf");
    std::fs::write(
        &conf,
        "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\ndefault_md = sha256\ndefault_crl_days = 30\n",
    )
    .unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    let conf = conf.display().to_string();
    for r in revoked {
        openssl(
            dir,
            &[
                "ca", "-config", &conf, "-revoke", r, "-keyfile", "root.key", "-cert", "root.crt",
            ],
        );
    }
    openssl(
        dir,
        &[
            "ca", "-config", &conf, "-gencrl", "-keyfile", "root.key", "-cert", "root.crt", "-out",
            out,
        ],
    );
}

#[test]
fn client_certificates_and_the_manuals_openssl_chain() {
    let srv = TlsServer::start_with(|f| {
        manual_chain(
            f,
            &[
                ("server", "localhost"),
                ("client", "postgres"),
                ("other", "someone_else"),
            ],
        );
        let read = |n: &str| std::fs::read_to_string(f.join(n)).unwrap();
        ServerTls {
            cert: read("server.crt"),
            key: read("server.key"),
            ca: Some(read("root.crt")),
            hba: "local all all trust\n\
                  hostssl all all 127.0.0.1/32 trust clientcert=verify-full\n"
                .to_string(),
        }
    });
    let f = srv.files.path().to_path_buf();
    let path = |n: &str| f.join(n).display().to_string();
    let (root, cert, key) = (path("root.crt"), path("client.crt"), path("client.key"));
    let full = format!("sslmode=verify-full&sslrootcert={root}");
    let with_cert = format!("{full}&sslcert={cert}&sslkey={key}");

    // The manual's version 1 server certificate, named in its CN: accepted as psql does.
    assert_tls_on(
        &srv.ping(&srv.url("localhost", &with_cert)),
        "sslcert, sslkey",
    );
    assert_tls_on(
        &srv.ping(&srv.url(
            "127.0.0.1",
            &format!("sslmode=require&sslcert={cert}&sslkey={key}"),
        )),
        "require with a client certificate",
    );
    let out = srv.ping(&srv.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={root}&sslcert={cert}&sslkey={key}"),
    ));
    assert_error(&out, 1, "does not match host name \"127.0.0.1\"");

    // sslcertmode: require (this server asks for a certificate), disable (none is sent).
    assert_tls_on(
        &srv.ping(&srv.url("localhost", &format!("{with_cert}&sslcertmode=require"))),
        "sslcertmode=require",
    );
    let out = srv.ping(&srv.url("localhost", &format!("{with_cert}&sslcertmode=disable")));
    assert_error(&out, 1, "connection requires a valid client certificate");
    // No client certificate: pg_hba's clientcert=verify-full refuses.
    let out = srv.ping(&srv.url("localhost", &full));
    assert_error(&out, 1, "connection requires a valid client certificate");
    // A certificate for another user: refused by the server.
    let other = format!(
        "{full}&sslcert={}&sslkey={}",
        path("other.crt"),
        path("other.key")
    );
    let out = srv.ping(&srv.url("localhost", &other));
    assert_error(&out, 1, "authentication failed for user \"postgres\"");

    // PGSSLCERT and PGSSLKEY.
    let out = promail()
        .args(["db", "ping", "--format", "json"])
        .env("DATABASE_URL", srv.url("localhost", &full))
        .env("HOME", srv.home("env-home"))
        .env("PGSSLCERT", &cert)
        .env("PGSSLKEY", &key)
        .output()
        .unwrap();
    assert_tls_on(&out, "PGSSLCERT, PGSSLKEY");

    // The defaults: ~/.postgresql/postgresql.crt and .key.
    let home = srv.home("cert-home");
    let dot = home.join(".postgresql");
    std::fs::create_dir_all(&dot).unwrap();
    std::fs::copy(&cert, dot.join("postgresql.crt")).unwrap();
    std::fs::copy(&key, dot.join("postgresql.key")).unwrap();
    std::fs::copy(&root, dot.join("root.crt")).unwrap();
    let ping_home = |params: &str| {
        promail()
            .args(["db", "ping", "--format", "json"])
            .env("DATABASE_URL", srv.url("localhost", params))
            .env("HOME", &home)
            .output()
            .unwrap()
    };
    assert_tls_on(
        &ping_home("sslmode=verify-full"),
        "~/.postgresql/postgresql.crt",
    );
    // A key others can read is refused, as libpq does.
    std::fs::set_permissions(
        dot.join("postgresql.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let err = assert_error(
        &ping_home("sslmode=verify-full"),
        1,
        "has group or world access",
    );
    assert!(err.contains("postgresql.key"), "{err}");
    // A certificate without its key.
    std::fs::remove_file(dot.join("postgresql.key")).unwrap();
    assert_error(
        &ping_home("sslmode=verify-full"),
        1,
        "certificate present, but not private key file",
    );

    // Revocation lists: one that names nothing, one that names the server's certificate.
    crl(&f, "empty.crl", &[]);
    assert_tls_on(
        &srv.ping(&srv.url(
            "localhost",
            &format!("{with_cert}&sslcrl={}", path("empty.crl")),
        )),
        "sslcrl naming nothing",
    );
    crl(&f, "revoked.crl", &["server.crt"]);
    let out = srv.ping(&srv.url(
        "localhost",
        &format!("{with_cert}&sslcrl={}", path("revoked.crl")),
    ));
    let err = assert_error(&out, 1, "revoked");
    assert!(!err.contains("Error("), "{err}");
    let out = promail()
        .args(["db", "ping"])
        .env("DATABASE_URL", srv.url("localhost", &with_cert))
        .env("HOME", srv.home("crl-home"))
        .env("PGSSLCRL", path("revoked.crl"))
        .output()
        .unwrap();
    assert_error(&out, 1, "revoked");
}

#[test]
fn the_manuals_self_signed_certificate_is_its_own_root() {
    let srv = TlsServer::start_with(|f| {
        // The manual's one-line recipe: marked CA:TRUE.
        openssl(
            f,
            &[
                "req",
                "-new",
                "-x509",
                "-days",
                "365",
                "-nodes",
                "-text",
                "-out",
                "server.crt",
                "-keyout",
                "server.key",
                "-subj",
                "/CN=localhost",
            ],
        );
        let read = |n: &str| std::fs::read_to_string(f.join(n)).unwrap();
        ServerTls {
            cert: read("server.crt"),
            key: read("server.key"),
            ca: None,
            hba: "local all all trust\nhostssl all all 127.0.0.1/32 trust\n".to_string(),
        }
    });
    let crt = srv.files.path().join("server.crt").display().to_string();
    for mode in ["verify-ca", "verify-full"] {
        assert_tls_on(
            &srv.ping(&srv.url("localhost", &format!("sslmode={mode}&sslrootcert={crt}"))),
            mode,
        );
    }
    assert_tls_on(
        &srv.ping(&srv.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={crt}"))),
        "verify-ca, another name",
    );
    let out = srv.ping(&srv.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={crt}"),
    ));
    let err = assert_error(&out, 1, "does not match host name \"127.0.0.1\"");
    assert!(!err.contains("Other("), "{err}");
    // This server asks for no client certificate: sslcertmode=require refuses it.
    let out = srv.ping(&srv.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={crt}&sslcertmode=require"),
    ));
    assert_error(&out, 1, "server did not request an SSL certificate");
    // Another root: refused in words.
    let out = srv.ping(&srv.url(
        "localhost",
        &format!(
            "sslmode=verify-full&sslrootcert={}",
            srv.other_ca().display()
        ),
    ));
    assert!(!stderr_of(&out).contains("Error("), "{}", stderr_of(&out));
}
