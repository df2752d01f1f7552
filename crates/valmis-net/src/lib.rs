//! The online probe (CONN-PROBE): for each endpoint of connection.toml, a real TLS handshake
//! with tokio and rustls (ring provider only), presenting the configured client certificate and
//! trusting only `ca_bundle`, then an HTTP GET with reqwest on the same rustls configuration.
//! Failures are classified (DNS, refused, timeout, alert, unknown issuer, name mismatch,
//! expired, TLS version) into [`ProbeResult`]s for the checks to judge.
//!
//! This is the only crate that talks to the network. The private key comes from the caller
//! (`--client-key`), is used for the handshakes and never copied into a result.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ResolvesClientCert, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio::net::TcpStream;
use valmis_i18n::{Msg, msg};
use valmis_model::{FailureClass, ProbeFailure, ProbeResult};

pub mod harness;

/// One endpoint to probe.
#[derive(Debug, Clone)]
pub struct Target {
    /// Endpoint name.
    pub name: String,
    /// Its https url.
    pub url: String,
    /// The client certificate chain to present (leaf first); empty to present none.
    pub client_chain: Vec<CertificateDer<'static>>,
    /// Trust anchors for the server's chain (`ca_bundle`).
    pub anchors: Vec<CertificateDer<'static>>,
}

/// Limits of a probe run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest wait for DNS and the TCP connection.
    pub connect_timeout: Duration,
    /// Longest wait for the TLS handshake.
    pub handshake_timeout: Duration,
    /// Longest wait for the HTTP answer.
    pub http_timeout: Duration,
    /// Endpoints probed at once.
    pub concurrency: usize,
    /// The language of the failure messages.
    pub lang: valmis_model::Lang,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            handshake_timeout: Duration::from_secs(5),
            http_timeout: Duration::from_secs(5),
            concurrency: 8,
            lang: valmis_model::Lang::En,
        }
    }
}

/// A client key that cannot be used with the configured certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub Msg);

impl std::fmt::Display for KeyError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}", self.0)
    }
}

impl std::error::Error for KeyError {}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Checks that `key` belongs to the leaf of every target's client chain, before any connection.
pub fn check_key(targets: &[Target], key: &PrivateKeyDer<'static>) -> Result<(), KeyError> {
    let provider = provider();
    for target in targets.iter().filter(|target| !target.client_chain.is_empty()) {
        CertifiedKey::from_der(target.client_chain.clone(), key.clone_key(), &provider).map_err(|error| {
            KeyError(msg!("net-key-mismatch-endpoint", endpoint = &target.name, error = error.to_string()))
        })?;
    }
    Ok(())
}

/// Probes every target, at most `options.concurrency` at a time, and returns the results in
/// the targets' order. Runs its own runtime: callers stay synchronous.
pub fn probe_all(targets: &[Target], key: Option<&PrivateKeyDer<'static>>, options: &Options) -> Vec<ProbeResult> {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            return targets
                .iter()
                .map(|target| {
                    let message = msg!("net-runtime", error = error.to_string());
                    failed(target, FailureClass::Io, &message, options.lang)
                })
                .collect();
        }
    };
    runtime.block_on(async {
        let semaphore = Arc::new(tokio::sync::Semaphore::new(options.concurrency.max(1)));
        let mut tasks = tokio::task::JoinSet::new();
        for (index, target) in targets.iter().cloned().enumerate() {
            let key = key.map(PrivateKeyDer::clone_key);
            let options = options.clone();
            let semaphore = Arc::clone(&semaphore);
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                (index, probe(&target, key, &options).await)
            });
        }
        let mut results: Vec<Option<ProbeResult>> = vec![None; targets.len()];
        while let Some(joined) = tasks.join_next().await {
            if let Ok((index, result)) = joined {
                results[index] = Some(result);
            }
        }
        results
            .into_iter()
            .zip(targets)
            .map(|(result, target)| {
                result.unwrap_or_else(|| failed(target, FailureClass::Io, &msg!("net-task-failed"), options.lang))
            })
            .collect()
    })
}

fn failed(target: &Target, class: FailureClass, message: &Msg, lang: valmis_model::Lang) -> ProbeResult {
    ProbeResult {
        endpoint: target.name.clone(),
        url: target.url.clone(),
        failure: Some(ProbeFailure { class, message: message.render(lang.as_str()) }),
        ..ProbeResult::default()
    }
}

fn millis(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Probes one target.
pub async fn probe(target: &Target, key: Option<PrivateKeyDer<'static>>, options: &Options) -> ProbeResult {
    let mut result = ProbeResult { endpoint: target.name.clone(), url: target.url.clone(), ..ProbeResult::default() };
    let fail = |mut result: ProbeResult, class: FailureClass, message: Msg| {
        result.failure = Some(ProbeFailure { class, message: message.render(options.lang.as_str()) });
        result
    };
    let url = match url::Url::parse(&target.url) {
        Ok(url) if url.scheme() == "https" => url,
        Ok(url) => return fail(result, FailureClass::Url, msg!("net-not-https", url = url.to_string())),
        Err(error) => {
            return fail(result, FailureClass::Url, msg!("net-not-url", url = &target.url, error = error.to_string()));
        }
    };
    let Some(host) = url.host_str().map(|host| host.trim_start_matches('[').trim_end_matches(']').to_owned()) else {
        return fail(result, FailureClass::Url, msg!("net-no-host", url = &target.url));
    };
    let port = url.port_or_known_default().unwrap_or(443);

    // DNS and TCP, within the connect limit, trying every address.
    let started = Instant::now();
    let addresses: Vec<SocketAddr> =
        match tokio::time::timeout(options.connect_timeout, tokio::net::lookup_host((host.as_str(), port))).await {
            Err(_) => {
                return fail(
                    result,
                    FailureClass::Timeout,
                    msg!("net-resolve-timeout", host = &host, limit = format!("{:?}", options.connect_timeout)),
                );
            }
            Ok(Err(error)) => {
                return fail(
                    result,
                    FailureClass::Dns,
                    msg!("net-no-resolve", host = &host, error = error.to_string()),
                );
            }
            Ok(Ok(addresses)) => addresses.collect(),
        };
    if addresses.is_empty() {
        return fail(result, FailureClass::Dns, msg!("net-no-address", host = &host));
    }
    let mut last_error = None;
    let mut connected = None;
    for address in &addresses {
        let remaining = options.connect_timeout.saturating_sub(started.elapsed());
        match tokio::time::timeout(remaining, TcpStream::connect(address)).await {
            Err(_) => {
                last_error = Some((
                    FailureClass::Timeout,
                    msg!(
                        "net-tcp-timeout",
                        address = address.to_string(),
                        limit = format!("{:?}", options.connect_timeout)
                    ),
                ));
                break;
            }
            Ok(Err(error)) if error.kind() == std::io::ErrorKind::ConnectionRefused => {
                last_error = Some((
                    FailureClass::Refused,
                    msg!("net-refused", address = address.to_string(), port = port.to_string()),
                ));
            }
            Ok(Err(error)) => {
                let message = msg!("net-connect-failed", address = address.to_string(), error = error.to_string());
                last_error = Some((FailureClass::Io, message));
            }
            Ok(Ok(stream)) => {
                connected = Some((stream, *address));
                break;
            }
        }
    }
    let Some((stream, address)) = connected else {
        let (class, message) = last_error.unwrap_or((FailureClass::Io, msg!("net-no-address-tried")));
        return fail(result, class, message);
    };
    result.address = Some(address.to_string());
    result.connect_ms = Some(millis(started));

    let recording = match client_config(target, key, options.lang) {
        Ok(recording) => recording,
        Err(message) => return fail(result, FailureClass::Tls, message),
    };
    let Ok(server_name) = ServerName::try_from(host.clone()) else {
        return fail(result, FailureClass::Url, msg!("net-bad-server-name", host = &host));
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::clone(&recording.config));
    let handshake_started = Instant::now();
    let handshake = tokio::time::timeout(options.handshake_timeout, connector.connect(server_name, stream)).await;
    result.server_chain = recording.server_chain();
    result.client_certificate_requested = Some(recording.asked.load(Ordering::SeqCst));
    let tls = match handshake {
        Err(_) => {
            return fail(
                result,
                FailureClass::Timeout,
                msg!(
                    "net-handshake-timeout",
                    address = address.to_string(),
                    limit = format!("{:?}", options.handshake_timeout)
                ),
            );
        }
        Ok(Err(error)) => {
            let (class, message) = classify_io(&error);
            return fail(result, class, message);
        }
        Ok(Ok(tls)) => tls,
    };
    result.handshake_ms = Some(millis(handshake_started));
    let (_, connection) = tls.get_ref();
    result.tls_version = connection.protocol_version().map(|version| match version {
        rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2".to_owned(),
        rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3".to_owned(),
        other => format!("{other:?}"),
    });
    result.cipher_suite = connection.negotiated_cipher_suite().map(|suite| format!("{:?}", suite.suite()));
    drop(tls);

    // The HTTP check, on the same rustls configuration (and so the same client certificate).
    // Never follow a redirect: the bundle must not steer the runner to another host or to
    // plain http. A 3xx is reported with its Location.
    let client = reqwest::Client::builder()
        .use_preconfigured_tls((*recording.config).clone())
        .timeout(options.http_timeout)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .https_only(true)
        .build();
    let client = match client {
        Ok(client) => client,
        Err(error) => return fail(result, FailureClass::Http, msg!("net-http-client", error = error.to_string())),
    };
    match client.get(url.clone()).send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            result.http_status = Some(status);
            if (300..400).contains(&status) {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
                return fail(result, FailureClass::Redirect, redirect_message(status, location.as_deref()));
            }
            if status >= 400 {
                // Read a little of the body: nginx says "The SSL certificate error" there.
                let body = match tokio::time::timeout(options.http_timeout, response.bytes()).await {
                    Ok(Ok(bytes)) => String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned(),
                    _ => String::new(),
                };
                let (class, message) = judge_http_status(status, &body);
                return fail(result, class, message);
            }
        }
        Err(error) => {
            let (class, message) = classify_chain(&error).unwrap_or_else(|| {
                if error.is_timeout() {
                    (FailureClass::Timeout, msg!("net-http-timeout", limit = format!("{:?}", options.http_timeout)))
                } else {
                    (FailureClass::Http, msg!("net-http-failed", error = describe_chain(&error)))
                }
            });
            return fail(result, class, message);
        }
    }
    if result.client_certificate_requested == Some(false) {
        return fail(result, FailureClass::ClientCertificateNotRequested, msg!("net-not-mutual"));
    }
    result
}

/// The message for a 3xx answer: its target, and that it was not followed.
pub fn redirect_message(status: u16, location: Option<&str>) -> Msg {
    match location {
        Some(location) => {
            let location: String = location.chars().take(200).collect();
            msg!("net-redirect", status = status.to_string(), location = location)
        }
        None => msg!("net-redirect", status = status.to_string(), location = msg!("net-no-location")),
    }
}

/// A 4xx or 5xx answer is never "ok": a server that completed the handshake but rejects the
/// client certificate answers so (nginx with `ssl_verify_client on`: 400 "The SSL certificate
/// error" or "No required SSL certificate was sent", or its 495 and 496; a proxy: 403).
pub fn judge_http_status(status: u16, body: &str) -> (FailureClass, Msg) {
    let lower = body.to_ascii_lowercase();
    let certificate_rejected = matches!(status, 495 | 496)
        || (status == 400
            && (lower.contains("ssl certificate error") || lower.contains("no required ssl certificate")));
    if certificate_rejected {
        (
            FailureClass::ClientCertificateRejected,
            msg!(
                "net-certificate-rejected",
                status = status.to_string(),
                said = if lower.contains("ssl certificate error") { ": \"The SSL certificate error\"" } else { "" }
            ),
        )
    } else if status == 403 {
        (FailureClass::Http, msg!("net-forbidden"))
    } else {
        (FailureClass::Http, msg!("net-http-error", status = status.to_string()))
    }
}

/// A client configuration whose verifier and certificate resolver record what the server did.
struct Recording {
    lang: valmis_model::Lang,
    config: Arc<rustls::ClientConfig>,
    verifier: Arc<RecordingVerifier>,
    asked: Arc<AtomicBool>,
}

impl Recording {
    fn server_chain(&self) -> Vec<String> {
        let seen = self.verifier.seen.lock().map(|seen| seen.clone()).unwrap_or_default();
        seen.iter()
            .map(|der| {
                valmis_pki::inspect(der)
                    .map_or_else(|_| msg!("net-unreadable-certificate").render(self.lang.as_str()), |c| c.subject)
            })
            .collect()
    }
}

fn client_config(
    target: &Target,
    key: Option<PrivateKeyDer<'static>>,
    lang: valmis_model::Lang,
) -> Result<Recording, Msg> {
    let provider = provider();
    let mut roots = RootCertStore::empty();
    for anchor in &target.anchors {
        roots.add(anchor.clone()).map_err(|error| msg!("net-bad-anchor", error = error.to_string()))?;
    }
    let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&provider))
        .build()
        .map_err(|error| msg!("net-verifier", error = error.to_string()))?;
    let verifier = Arc::new(RecordingVerifier { inner, seen: Mutex::new(Vec::new()) });
    let asked = Arc::new(AtomicBool::new(false));
    let certified = match (key, target.client_chain.is_empty()) {
        (Some(key), false) => Some(Arc::new(
            CertifiedKey::from_der(target.client_chain.clone(), key, &provider)
                .map_err(|error| msg!("net-key-mismatch", error = error.to_string()))?,
        )),
        _ => None,
    };
    let resolver = Arc::new(RecordingResolver { certified, asked: Arc::clone(&asked) });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|error| msg!("net-tls-config", error = error.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::clone(&verifier) as Arc<dyn ServerCertVerifier>)
        .with_client_cert_resolver(resolver);
    Ok(Recording { config: Arc::new(config), verifier, asked, lang })
}

/// The webpki verifier, keeping the chain the server presented for the report.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    seen: Mutex<Vec<Vec<u8>>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            seen.clear();
            seen.push(end_entity.to_vec());
            seen.extend(intermediates.iter().map(|der| der.to_vec()));
        }
        self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, certificate, signature)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, certificate, signature)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Presents the configured client certificate, noting that the server asked for one.
#[derive(Debug)]
struct RecordingResolver {
    certified: Option<Arc<CertifiedKey>>,
    asked: Arc<AtomicBool>,
}

impl ResolvesClientCert for RecordingResolver {
    fn resolve(&self, _root_hint_subjects: &[&[u8]], _sigschemes: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        self.asked.store(true, Ordering::SeqCst);
        self.certified.clone()
    }

    fn has_certs(&self) -> bool {
        true
    }
}

fn classify_tls(error: &rustls::Error) -> (FailureClass, Msg) {
    match error {
        rustls::Error::InvalidCertificate(certificate) => match certificate {
            CertificateError::UnknownIssuer => (FailureClass::UnknownIssuer, msg!("net-unknown-issuer")),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                (FailureClass::NameMismatch, msg!("net-name-mismatch"))
            }
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. } => {
                (FailureClass::Expired, msg!("net-not-valid-now", detail = format!("{certificate:?}")))
            }
            other => (FailureClass::Tls, msg!("net-certificate-other", detail = format!("{other:?}"))),
        },
        rustls::Error::AlertReceived(alert) => {
            let class = if matches!(alert, rustls::AlertDescription::ProtocolVersion) {
                FailureClass::TlsVersion
            } else {
                FailureClass::Alert
            };
            let hint = match alert {
                rustls::AlertDescription::CertificateRequired => "certificate-required",
                rustls::AlertDescription::UnknownCA => "unknown-ca",
                rustls::AlertDescription::BadCertificate => "bad-certificate",
                rustls::AlertDescription::ProtocolVersion => "protocol-version",
                _ => "none",
            };
            (class, msg!("net-alert", alert = format!("{alert:?}"), hint = hint))
        }
        rustls::Error::PeerIncompatible(reason) => {
            (FailureClass::TlsVersion, msg!("net-incompatible", reason = format!("{reason:?}")))
        }
        other => (FailureClass::Tls, msg!("net-tls-failed", error = other.to_string())),
    }
}

fn classify_io(error: &std::io::Error) -> (FailureClass, Msg) {
    if let Some(tls) = error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        return classify_tls(tls);
    }
    match error.kind() {
        std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
            (FailureClass::Tls, msg!("net-closed"))
        }
        _ => (FailureClass::Io, msg!("net-handshake-failed", error = error.to_string())),
    }
}

/// A rustls error anywhere in an error's source chain (reqwest wraps hyper wraps io wraps it).
fn classify_chain(error: &(dyn std::error::Error + 'static)) -> Option<(FailureClass, Msg)> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = current {
        if let Some(tls) = error.downcast_ref::<rustls::Error>() {
            return Some(classify_tls(tls));
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && let Some(tls) = io.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(classify_tls(tls));
        }
        current = error.source();
    }
    None
}

fn describe_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut current = error.source();
    while let Some(error) = current {
        parts.push(error.to_string());
        current = error.source();
    }
    parts.join(": ")
}
