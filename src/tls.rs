//! TLS for `sslmode`, with libpq's meaning of each mode: `prefer`/`require` encrypt without
//! checking who answers (unless a root certificate is configured for `require`), `verify-ca`
//! checks the certificate chain against `sslrootcert`, `verify-full` also the host name.
//! `sslrootcert=system` trusts the operating system's root certificates, as libpq 16 does.
//!
//! What OpenSSL (libpq) accepts and webpki (rustls) does not is accepted here too: a server
//! certificate that is itself in `sslrootcert` (the manual's self-signed `openssl req -x509`
//! recipe, marked CA:TRUE), a version 1 certificate signed by a root of `sslrootcert` (the
//! manual's `openssl x509 -req` recipe), and for `verify-full` a host name in the Common Name
//! when the certificate has no subjectAltName. The client certificate (`sslcert`, `sslkey`,
//! `~/.postgresql/postgresql.crt|key`) and the revocation lists (`sslcrl`, `sslcrldir`,
//! `~/.postgresql/root.crl`) follow libpq's rules, including its check of the key file's
//! permissions.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{
    CertificateDer, CertificateRevocationListDer, PrivateKeyDer, ServerName, UnixTime,
};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres::tls::{MakeTlsConnect, TlsConnect};
use tokio_postgres_rustls::MakeRustlsConnect;
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate, X509Version};

use crate::conninfo::ConnInfo;
use crate::error::hint;

/// How much of the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Encrypt only (libpq `prefer`, `require` without a root certificate).
    None,
    /// The chain must lead to the root certificate; any host name.
    Ca,
    /// The chain and the host name.
    Full,
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A TLS connector for tokio-postgres, with the files of `info` (root certificate, client
/// certificate and key, revocation lists).
/// A connector, and whether the server asked for a client certificate in a handshake made
/// with it (for `sslcertmode=require`).
pub struct Connector {
    pub make: MakeRustlsConnect,
    pub cert_requested: Arc<AtomicBool>,
}

pub fn connector(verify: Verify, info: &ConnInfo) -> Result<Connector> {
    let provider = provider();
    let versions: Vec<&'static rustls::SupportedProtocolVersion> = [
        (info.tls_versions.tls13, &rustls::version::TLS13),
        (info.tls_versions.tls12, &rustls::version::TLS12),
    ]
    .into_iter()
    .filter_map(|(on, v)| on.then_some(v))
    .collect();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(&versions)
        .context("setting up TLS")?;
    let builder = match verify {
        Verify::None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(provider.clone()))),
        Verify::Ca | Verify::Full => {
            let rootcert = info.sslrootcert.as_deref();
            let roots = load_roots(rootcert)?;
            let anchors: Vec<CertificateDer<'static>> = match rootcert {
                Some(p) if p != Path::new(crate::conninfo::SYSTEM_ROOTS) => read_certs(p)?,
                _ => Vec::new(),
            };
            let crls = load_crls(info)?;
            let webpki =
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                    .build()
                    .context("setting up certificate verification")?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Libpq {
                    webpki,
                    anchors,
                    crls,
                    full: verify == Verify::Full,
                    provider: provider.clone(),
                }))
        }
    };
    let cert = if info.sslcertmode == crate::conninfo::CertMode::Disable {
        None
    } else {
        client_cert(info)?
    };
    let key = match cert {
        Some((chain, key)) => {
            let key_name = info
                .sslkey
                .as_deref()
                .unwrap_or(Path::new(""))
                .display()
                .to_string();
            let signer = provider.key_provider.load_private_key(key).map_err(|e| {
                anyhow::anyhow!(
                    "could not load private key file \"{key_name}\": {}",
                    words(&e)
                )
            })?;
            Some(Arc::new(rustls::sign::CertifiedKey::new(chain, signer)))
        }
        None => None,
    };
    // Not with_client_auth_cert: it reads the certificate with webpki to match it with the
    // key, and webpki refuses the version 1 certificates the manual's recipe makes (OpenSSL
    // sends them, and the server checks them).
    let cert_requested = Arc::new(AtomicBool::new(false));
    let mut config = builder.with_client_cert_resolver(Arc::new(ClientCert {
        key,
        requested: Arc::clone(&cert_requested),
    }));
    config.enable_sni = info.sslsni;
    Ok(Connector {
        make: MakeRustlsConnect::new(config),
        cert_requested,
    })
}

/// The client certificate, sent whenever the server asks for one (as libpq does); remembers
/// that the server asked.
#[derive(Debug)]
struct ClientCert {
    key: Option<Arc<rustls::sign::CertifiedKey>>,
    requested: Arc<AtomicBool>,
}

impl rustls::client::ResolvesClientCert for ClientCert {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        self.requested.store(true, Ordering::Relaxed);
        self.key.clone()
    }

    fn has_certs(&self) -> bool {
        self.key.is_some()
    }
}

/// The client certificate chain and key, as libpq finds them: `sslcert` (default
/// `~/.postgresql/postgresql.crt`) is sent when the file exists, with `sslkey` (default
/// `~/.postgresql/postgresql.key`), which must exist then and be private to its owner (or,
/// owned by root, readable by its group at most).
fn client_cert(
    info: &ConnInfo,
) -> Result<Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>> {
    let Some(cert) = info.sslcert.as_deref() else {
        return Ok(None);
    };
    match std::fs::metadata(cert) {
        Ok(_) => {}
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None)
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "could not open certificate file \"{}\"",
                cert.display()
            )))
        }
    }
    let chain = read_certs(cert)
        .map_err(|e| hint(e, "sslcert (PGSSLCERT) names the client certificate, PEM"))?;
    let key = info.sslkey.clone().unwrap_or_default();
    let meta = std::fs::metadata(&key).map_err(|_| {
        hint(
            anyhow::anyhow!(
                "certificate present, but not private key file \"{}\"",
                key.display()
            ),
            "give the client certificate's key with sslkey=/path/client.key (PGSSLKEY)",
        )
    })?;
    check_key_file(&key, &meta)?;
    let pem = std::fs::read(&key)
        .with_context(|| format!("could not read private key file \"{}\"", key.display()))?;
    if String::from_utf8_lossy(&pem).contains("ENCRYPTED") {
        return Err(hint(
            anyhow::anyhow!("private key file \"{}\" is encrypted: promail cannot decrypt it (libpq's sslpassword)", key.display()),
            "decrypt it once (`openssl pkey -in client.key -out client-plain.key`, mode 0600) and give that file as sslkey",
        ));
    }
    let key_der = PrivateKeyDer::from_pem_slice(&pem).map_err(|e| {
        hint(
            anyhow::anyhow!(
                "could not load private key file \"{}\": {}",
                key.display(),
                pem_words(&e)
            ),
            "sslkey must be a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) without a password",
        )
    })?;
    Ok(Some((chain, key_der)))
}

/// libpq's check of a client key file: a regular file, not readable by group or world when
/// owned by the current user, and at most u=rw,g=r (0640) when owned by root.
fn check_key_file(key: &Path, meta: &std::fs::Metadata) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    if !meta.is_file() {
        return Err(anyhow::anyhow!(
            "private key file \"{}\" is not a regular file",
            key.display()
        ));
    }
    let mode = meta.mode();
    let uid = meta.uid();
    let euid = std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid());
    if (uid == euid && mode & 0o077 != 0) || (uid == 0 && mode & 0o037 != 0) {
        return Err(hint(
            anyhow::anyhow!(
                "private key file \"{}\" has group or world access; file must have permissions u=rw (0600) or less if owned by the current user, or permissions u=rw,g=r (0640) or less if owned by root",
                key.display()
            ),
            format!("chmod 0600 {}", key.display()),
        ));
    }
    Ok(())
}

/// Every certificate of a PEM file.
fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path)
        .with_context(|| format!("could not read certificate file \"{}\"", path.display()))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            anyhow::anyhow!(
                "could not parse certificate file \"{}\": {}",
                path.display(),
                pem_words(&e)
            )
        })?;
    if certs.is_empty() {
        anyhow::bail!("no PEM certificate found in \"{}\"", path.display());
    }
    Ok(certs)
}

fn pem_words(e: &rustls::pki_types::pem::Error) -> String {
    use rustls::pki_types::pem::Error as E;
    match e {
        E::NoItemsFound => "no PEM section of the expected kind".to_string(),
        E::MissingSectionEnd { .. } => "a PEM section has no END line".to_string(),
        E::IllegalSectionStart { .. } => "a malformed BEGIN line".to_string(),
        E::Base64Decode(_) => "invalid base64 in a PEM section".to_string(),
        E::Io(io) => io.to_string(),
        _ => "not a valid PEM file".to_string(),
    }
}

/// The revocation lists: `sslcrl` (default `~/.postgresql/root.crl` when it exists) and every
/// file of `sslcrldir`, all PEM. As libpq (OpenSSL's CRL_CHECK_ALL), once one is given, every
/// certificate of the chain must be covered by a list of its issuer.
fn load_crls(info: &ConnInfo) -> Result<Vec<CertificateRevocationListDer<'static>>> {
    let mut files: Vec<PathBuf> = info.sslcrl.iter().cloned().collect();
    if let Some(dir) = &info.sslcrldir {
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("could not read sslcrldir \"{}\"", dir.display()))?;
        for e in entries {
            let p = e?.path();
            if p.is_file() {
                files.push(p);
            }
        }
        files.sort();
    }
    let mut crls = Vec::new();
    for f in files {
        let pem = std::fs::read(&f)
            .with_context(|| format!("could not read CRL file \"{}\"", f.display()))?;
        let found = CertificateRevocationListDer::pem_slice_iter(&pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                anyhow::anyhow!(
                    "could not parse CRL file \"{}\": {}",
                    f.display(),
                    pem_words(&e)
                )
            })?;
        if found.is_empty() && info.sslcrldir.is_none() {
            anyhow::bail!(
                "no PEM certificate revocation list found in \"{}\"",
                f.display()
            );
        }
        crls.extend(found);
    }
    Ok(crls)
}

/// A connector that remembers whether a TLS handshake was started, i.e. whether the server
/// accepted TLS (tokio-postgres starts one only after the server says yes). This is how a failed
/// `prefer` session tells "refused over TLS" from "refused in plain text".
#[derive(Clone)]
pub struct Tracked {
    inner: MakeRustlsConnect,
    used: Arc<AtomicBool>,
}

impl Tracked {
    pub fn new(inner: MakeRustlsConnect) -> Tracked {
        Tracked {
            inner,
            used: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether some session through this connector started TLS.
    pub fn used(&self) -> bool {
        self.used.load(Ordering::Relaxed)
    }
}

impl<S> MakeTlsConnect<S> for Tracked
where
    MakeRustlsConnect: MakeTlsConnect<S>,
{
    type Stream = <MakeRustlsConnect as MakeTlsConnect<S>>::Stream;
    type TlsConnect = TrackedConnect<<MakeRustlsConnect as MakeTlsConnect<S>>::TlsConnect>;
    type Error = <MakeRustlsConnect as MakeTlsConnect<S>>::Error;

    fn make_tls_connect(&mut self, domain: &str) -> Result<Self::TlsConnect, Self::Error> {
        let inner = self.inner.make_tls_connect(domain)?;
        Ok(TrackedConnect {
            inner,
            used: Arc::clone(&self.used),
        })
    }
}

/// One handshake of a [`Tracked`] connector.
pub struct TrackedConnect<T> {
    inner: T,
    used: Arc<AtomicBool>,
}

impl<S, T: TlsConnect<S>> TlsConnect<S> for TrackedConnect<T> {
    type Stream = T::Stream;
    type Error = T::Error;
    type Future = T::Future;

    fn connect(self, stream: S) -> Self::Future {
        self.used.store(true, Ordering::Relaxed);
        self.inner.connect(stream)
    }
}

fn load_roots(rootcert: Option<&Path>) -> Result<RootCertStore> {
    let Some(path) = rootcert else {
        return Err(hint(
            anyhow::anyhow!("no root certificate to verify the server against (~/.postgresql/root.crt does not exist)"),
            "give the CA certificate with sslrootcert=/path/ca.crt (or PGSSLROOTCERT), or use sslmode=require to encrypt without verifying",
        ));
    };
    if path == Path::new(crate::conninfo::SYSTEM_ROOTS) {
        return system_roots();
    }
    let certs = read_certs(path).map_err(|e| hint(e, "check sslrootcert / PGSSLROOTCERT"))?;
    let mut roots = RootCertStore::empty();
    for cert in certs {
        roots
            .add(cert)
            .with_context(|| format!("loading root certificate \"{}\"", path.display()))?;
    }
    Ok(roots)
}

/// The operating system's trusted root certificates (`sslrootcert=system`).
fn system_roots() -> Result<RootCertStore> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots = RootCertStore::empty();
    let (added, _unparsable) = roots.add_parsable_certificates(found.certs);
    if added == 0 {
        let why = found
            .errors
            .first()
            .map_or_else(String::new, |e| format!(": {e}"));
        return Err(hint(
            anyhow::anyhow!("sslrootcert=system: no trusted root certificates found on this system{why}"),
            "install the CA bundle (`apt-get install ca-certificates`), or give the CA with sslrootcert=/path/ca.crt",
        ));
    }
    Ok(roots)
}

/// Accepts any certificate but still checks the handshake signatures, so the session is
/// encrypted with the key of whoever answered (libpq's `require`).
#[derive(Debug)]
struct NoVerify(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        signature(&self.0, message, cert, dss, false)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        signature(&self.0, message, cert, dss, true)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Checks a handshake signature with the server certificate's key. webpki cannot read a
/// version 1 certificate (the manual's `openssl x509 -req` makes them, OpenSSL accepts them):
/// then the key is taken from the certificate as x509-parser reads it, and checked with the
/// algorithms rustls offers for the negotiated scheme.
fn signature(
    provider: &CryptoProvider,
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    tls13: bool,
) -> Result<HandshakeSignatureValid, rustls::Error> {
    let algs = &provider.signature_verification_algorithms;
    let checked = if tls13 {
        verify_tls13_signature(message, cert, dss, algs)
    } else {
        verify_tls12_signature(message, cert, dss, algs)
    };
    let Err(err) = checked else { return checked };
    let Ok((_, parsed)) = X509Certificate::from_der(cert.as_ref()) else {
        return Err(err);
    };
    if parsed.version() != X509Version::V1 {
        return Err(err);
    }
    let key = &parsed.public_key().subject_public_key.data;
    let candidates = algs
        .mapping
        .iter()
        .filter(|(scheme, _)| *scheme == dss.scheme)
        .flat_map(|(_, a)| a.iter());
    for alg in candidates {
        if alg.verify_signature(key, message, dss.signature()).is_ok() {
            return Ok(HandshakeSignatureValid::assertion());
        }
    }
    Err(err)
}

/// libpq's `verify-ca` and `verify-full` (OpenSSL's checks): webpki's chain verification,
/// plus what OpenSSL accepts and webpki refuses (see the module's documentation).
#[derive(Debug)]
struct Libpq {
    webpki: Arc<WebPkiServerVerifier>,
    /// The certificates of `sslrootcert` as given (none for `system`).
    anchors: Vec<CertificateDer<'static>>,
    crls: Vec<CertificateRevocationListDer<'static>>,
    /// verify-full: the host name too.
    full: bool,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Libpq {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let refused = self
            .webpki
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            .err();
        match refused {
            None => {}
            // The chain is good; only the name differs by webpki's rules (subjectAltName).
            Some(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.full || name_matches(end_entity, server_name) => {}
            Some(
                err @ rustls::Error::InvalidCertificate(
                    CertificateError::UnknownIssuer | CertificateError::Other(_),
                ),
            ) => {
                if !self.openssl_accepts(end_entity, now)? {
                    return Err(err);
                }
                if self.full && !name_matches(end_entity, server_name) {
                    return Err(CertificateError::NotValidForName.into());
                }
            }
            Some(err) => return Err(err),
        }
        self.not_revoked(end_entity, intermediates, now)?;
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        signature(&self.provider, message, cert, dss, false)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        signature(&self.provider, message, cert, dss, true)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

impl Libpq {
    /// Whether OpenSSL would accept a server certificate that webpki refused: the certificate is
    /// itself one of `sslrootcert`'s (a self-signed server certificate given as its own root,
    /// even marked CA:TRUE), or it is signed directly by one of them (a version 1 certificate
    /// webpki cannot read). Either way it must be valid now and not revoked. Ok(false) leaves
    /// webpki's refusal standing.
    fn openssl_accepts(
        &self,
        end_entity: &CertificateDer<'_>,
        now: UnixTime,
    ) -> Result<bool, rustls::Error> {
        let Ok((_, cert)) = X509Certificate::from_der(end_entity.as_ref()) else {
            return Ok(false);
        };
        let issuer = self.anchors.iter().find_map(|a| {
            if a.as_ref() == end_entity.as_ref() {
                return X509Certificate::from_der(a.as_ref()).ok().map(|(_, c)| c);
            }
            let (_, root) = X509Certificate::from_der(a.as_ref()).ok()?;
            (cert.version() == X509Version::V1
                && root.subject().as_raw() == cert.issuer().as_raw()
                && cert.verify_signature(Some(root.public_key())).is_ok())
            .then_some(root)
        });
        let Some(issuer) = issuer else {
            return Ok(false);
        };
        let at = i64::try_from(now.as_secs())
            .ok()
            .and_then(|s| x509_parser::time::ASN1Time::from_timestamp(s).ok());
        for c in [&cert, &issuer] {
            match at {
                Some(t) if c.validity().not_before > t => {
                    return Err(CertificateError::NotValidYet.into())
                }
                Some(t) if c.validity().not_after < t => {
                    return Err(CertificateError::Expired.into())
                }
                _ => {}
            }
        }
        Ok(true)
    }

    /// As OpenSSL with libpq's CRL checks (CRL_CHECK | CRL_CHECK_ALL), once revocation lists
    /// are given: every certificate of the chain up to the root must be covered by a list that
    /// its issuer signed, and none may name it. Done here rather than by webpki, which refuses
    /// the version 1 lists that `openssl ca -gencrl` makes.
    fn not_revoked(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<(), rustls::Error> {
        if self.crls.is_empty() {
            return Ok(());
        }
        let at = i64::try_from(now.as_secs())
            .ok()
            .and_then(|s| x509_parser::time::ASN1Time::from_timestamp(s).ok());
        let anchors: Vec<X509Certificate<'_>> =
            self.anchors.iter().filter_map(|a| parse_cert(a)).collect();
        let presented: Vec<X509Certificate<'_>> = std::iter::once(end_entity)
            .chain(intermediates)
            .filter_map(|c| parse_cert(c))
            .collect();
        for (i, cert) in presented.iter().enumerate() {
            if i > 0 && anchors.iter().any(|a| a.as_raw() == cert.as_raw()) {
                break;
            }
            let issuer = presented
                .iter()
                .chain(anchors.iter())
                .find(|c| {
                    c.subject().as_raw() == cert.issuer().as_raw()
                        && cert.verify_signature(Some(c.public_key())).is_ok()
                })
                .ok_or(CertificateError::UnknownRevocationStatus)?;
            self.covered(cert, issuer, at)?;
            if anchors.iter().any(|a| a.as_raw() == issuer.as_raw()) {
                break;
            }
        }
        Ok(())
    }

    /// One certificate against the lists its issuer signed.
    fn covered(
        &self,
        cert: &X509Certificate<'_>,
        issuer: &X509Certificate<'_>,
        at: Option<x509_parser::time::ASN1Time>,
    ) -> Result<(), rustls::Error> {
        let lists = self.crls.iter().filter_map(|der| {
            let (_, crl) = x509_parser::parse_x509_crl(der.as_ref()).ok()?;
            (crl.issuer().as_raw() == issuer.subject().as_raw()
                && crl.verify_signature(issuer.public_key()).is_ok())
            .then_some(crl)
        });
        let mut covered = false;
        for crl in lists {
            if let (Some(next), Some(t)) = (crl.next_update(), at) {
                if next < t {
                    return Err(CertificateError::ExpiredRevocationList.into());
                }
            }
            covered = true;
            if crl
                .iter_revoked_certificates()
                .any(|r| r.raw_serial() == cert.raw_serial())
            {
                return Err(CertificateError::Revoked.into());
            }
        }
        if covered {
            Ok(())
        } else {
            Err(CertificateError::UnknownRevocationStatus.into())
        }
    }
}

fn parse_cert<'a>(der: &'a CertificateDer<'_>) -> Option<X509Certificate<'a>> {
    X509Certificate::from_der(der.as_ref()).ok().map(|(_, c)| c)
}

/// libpq's host name check: the subjectAltName's DNS names and IP addresses, or, when it has
/// none, the Common Name; a `*.` wildcard covers one label.
fn name_matches(end_entity: &CertificateDer<'_>, server_name: &ServerName<'_>) -> bool {
    let Ok((_, cert)) = X509Certificate::from_der(end_entity.as_ref()) else {
        return false;
    };
    let host = server_name.to_str().to_ascii_lowercase();
    let ip: Option<std::net::IpAddr> = host.parse().ok();
    let mut examined = 0;
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(n) => {
                    examined += 1;
                    if wildcard_match(n, &host) {
                        return true;
                    }
                }
                GeneralName::IPAddress(bytes) => {
                    examined += 1;
                    let given = match bytes.len() {
                        4 => <[u8; 4]>::try_from(*bytes).ok().map(std::net::IpAddr::from),
                        16 => <[u8; 16]>::try_from(*bytes)
                            .ok()
                            .map(std::net::IpAddr::from),
                        _ => None,
                    };
                    if given.is_some() && given == ip {
                        return true;
                    }
                }
                _ => {}
            }
        }
    }
    examined == 0
        && cert
            .subject()
            .iter_common_name()
            .filter_map(|cn| cn.as_str().ok())
            .any(|cn| wildcard_match(cn, &host))
}

/// `pattern` (a certificate name) against `host`, case-insensitively; `*.example.com` matches
/// `db.example.com` but neither `example.com` nor `a.b.example.com`.
fn wildcard_match(pattern: &str, host: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    match pattern.strip_prefix('*') {
        Some(rest) if rest.starts_with('.') => host
            .strip_suffix(rest)
            .is_some_and(|label| !label.is_empty() && !label.contains('.')),
        _ => pattern == host,
    }
}

/// A TLS failure in words: rustls' own text where it is words, the names of webpki's and the
/// TLS alerts' variants spelled out where it prints them as Rust values.
pub fn words(e: &rustls::Error) -> String {
    use rustls::AlertDescription as A;
    match e {
        rustls::Error::AlertReceived(alert) => {
            let what = match alert {
                A::CertificateRequired => {
                    "the server requires a client certificate (sslcert, sslkey)".to_string()
                }
                A::BadCertificate => {
                    "the server refused the client certificate (bad certificate)".to_string()
                }
                A::UnknownCA => {
                    "the server does not trust the client certificate's CA (unknown CA)".to_string()
                }
                A::CertificateExpired => {
                    "the server says the client certificate has expired".to_string()
                }
                A::CertificateRevoked => {
                    "the server says the client certificate is revoked".to_string()
                }
                A::HandshakeFailure => {
                    "the server ended the handshake (no common protocol version or cipher)"
                        .to_string()
                }
                A::ProtocolVersion => {
                    "the server supports none of the TLS versions offered (1.2, 1.3)".to_string()
                }
                other => format!(
                    "the server sent TLS alert \"{}\"",
                    spell(&format!("{other:?}"))
                ),
            };
            what
        }
        rustls::Error::InvalidCertificate(c) => {
            let what = match c {
                CertificateError::BadEncoding => "it is not a valid X.509 certificate".to_string(),
                CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                    "it has expired".to_string()
                }
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                    "it is not valid yet".to_string()
                }
                CertificateError::Revoked => "it is revoked (sslcrl)".to_string(),
                CertificateError::UnknownRevocationStatus => {
                    "no revocation list (sslcrl, sslcrldir) covers it or its issuer".to_string()
                }
                CertificateError::ExpiredRevocationList
                | CertificateError::ExpiredRevocationListContext { .. } => {
                    "the revocation list (sslcrl) is out of date".to_string()
                }
                CertificateError::UnknownIssuer => "it is not signed by a trusted CA".to_string(),
                CertificateError::BadSignature => "its signature is wrong".to_string(),
                CertificateError::NotValidForName
                | CertificateError::NotValidForNameContext { .. } => {
                    "it does not name this host".to_string()
                }
                CertificateError::InvalidPurpose
                | CertificateError::InvalidPurposeContext { .. } => {
                    "it is not meant for a TLS server (extended key usage)".to_string()
                }
                CertificateError::Other(o) => spell(&o.to_string()),
                other => spell(&format!("{other:?}")),
            };
            format!("the server's certificate is refused: {what}")
        }
        rustls::Error::InvalidCertRevocationList(c) => {
            format!(
                "the revocation list (sslcrl) is invalid: {}",
                spell(&format!("{c:?}"))
            )
        }
        other => spell(&other.to_string()),
    }
}

/// `CaUsedAsEndEntity` → `CA used as end entity`; `Other(OtherError(X))` → `X` spelled out.
/// Text that is already words is left as it is.
fn spell(text: &str) -> String {
    let mut t = text.to_string();
    for wrapper in ["Other(OtherError(", "OtherError(", "Other("] {
        if let Some(inner) = t.strip_prefix(wrapper) {
            t = inner.trim_end_matches(')').to_string();
        }
    }
    let t = t
        .replace("Ca", "CA")
        .replace("Crl", "CRL")
        .replace("Der", "DER");
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        // A word starts at an upper-case letter after a lower-case one ("eUsed"), or at the
        // last capital of an acronym ("CAUsed": the U).
        let starts = c.is_ascii_uppercase()
            && (prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase())));
        if starts {
            out.push(' ');
        }
        out.push(c);
    }
    // Lower-case whole words that are not acronyms: "Unsupported Cert Version" → "unsupported cert version".
    out.split(' ')
        .map(|w| {
            if w.len() > 1 && w.chars().skip(1).all(|c| c.is_ascii_lowercase()) {
                w.to_ascii_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn wildcards_cover_one_label() {
        assert!(wildcard_match("*.example.com", "db.example.com"));
        assert!(wildcard_match("DB.example.com", "db.example.com"));
        assert!(!wildcard_match("*.example.com", "example.com"));
        assert!(!wildcard_match("*.example.com", "a.b.example.com"));
        assert!(!wildcard_match("db.example.com", "dbx.example.com"));
    }

    #[test]
    fn tls_errors_in_words() {
        use rustls::{AlertDescription, CertificateError, Error};
        assert_eq!(
            super::spell("Other(OtherError(CaUsedAsEndEntity))"),
            "CA used as end entity"
        );
        assert_eq!(
            super::spell("UnsupportedCertVersion"),
            "unsupported cert version"
        );
        for e in [
            Error::AlertReceived(AlertDescription::CertificateRequired),
            Error::AlertReceived(AlertDescription::DecryptError),
            Error::InvalidCertificate(CertificateError::UnknownIssuer),
            Error::InvalidCertificate(CertificateError::Revoked),
        ] {
            let w = super::words(&e);

            assert!(!w.contains("Error"), "{w}");
        }
    }
}
