//! TLS for `sslmode`, with libpq's meaning of each mode: `prefer`/`require` encrypt without
//! checking who answers (unless a root certificate is configured for `require`), `verify-ca`
//! checks the certificate chain against `sslrootcert`, `verify-full` also the host name.
//! `sslrootcert=system` trusts the operating system's root certificates, as libpq 16 does.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres::tls::{MakeTlsConnect, TlsConnect};
use tokio_postgres_rustls::MakeRustlsConnect;

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

/// A TLS connector for tokio-postgres.
pub fn connector(verify: Verify, rootcert: Option<&Path>) -> Result<MakeRustlsConnect> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .context("setting up TLS")?;
    let config = match verify {
        Verify::None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(provider)))
            .with_no_client_auth(),
        Verify::Ca | Verify::Full => {
            let roots = Arc::new(load_roots(rootcert)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                .build()
                .context("setting up certificate verification")?;
            if verify == Verify::Full {
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(webpki)
                    .with_no_client_auth()
            } else {
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(ChainOnly(webpki)))
                    .with_no_client_auth()
            }
        }
    };
    Ok(MakeRustlsConnect::new(config))
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
    let pem = std::fs::read(path).map_err(|e| {
        hint(
            anyhow::Error::new(e)
                .context(format!("reading root certificate \"{}\"", path.display())),
            "check sslrootcert / PGSSLROOTCERT",
        )
    })?;
    let mut roots = RootCertStore::empty();
    let mut n = 0;
    for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
        let cert =
            cert.with_context(|| format!("parsing root certificate \"{}\"", path.display()))?;
        roots
            .add(cert)
            .with_context(|| format!("loading root certificate \"{}\"", path.display()))?;
        n += 1;
    }
    if n == 0 {
        anyhow::bail!("no PEM certificate found in \"{}\"", path.display());
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
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Full chain verification that forgives a name mismatch (libpq's `verify-ca`).
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}
