//! Test support shared by the workspace's tests: a PKI made with rcgen (explicit validity dates)
//! and an HTTPS server with optional mutual TLS on 127.0.0.1 whose answers a test decides. Real
//! rustls on both ends; nothing leaves loopback. Only dev-dependencies use this crate.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

pub use rcgen::ExtendedKeyUsagePurpose as Usage;

/// A CA that issues leaves.
#[allow(missing_debug_implementations)]
pub struct Pki {
    /// The CA certificate.
    pub root: CertificateDer<'static>,
    /// The CA certificate as PEM.
    pub root_pem: String,
    issuer: Issuer<'static, KeyPair>,
}

/// A certificate and its key.
#[allow(missing_debug_implementations)]
pub struct Leaf {
    /// DER.
    pub certificate: CertificateDer<'static>,
    /// PEM.
    pub pem: String,
    /// The key as PKCS#8 DER.
    pub key: PrivateKeyDer<'static>,
    /// The key as PEM.
    pub key_pem: String,
}

impl Pki {
    /// A CA named `name`, valid 2020–2099.
    pub fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2099, 1, 1);
        let key = KeyPair::generate().expect("key");
        let root = params.self_signed(&key).expect("CA");
        Self { root: root.der().clone(), root_pem: root.pem(), issuer: Issuer::new(params, key) }
    }

    /// A leaf for DNS name `name` with `usage`, valid from 1 January of `from` to 1 January of `to`.
    pub fn leaf(&self, name: &str, usage: ExtendedKeyUsagePurpose, from: i32, to: i32) -> Leaf {
        let mut params = CertificateParams::new(vec![name.to_owned()]).expect("params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.extended_key_usages = vec![usage];
        params.not_before = rcgen::date_time_ymd(from, 1, 1);
        params.not_after = rcgen::date_time_ymd(to, 1, 1);
        let key = KeyPair::generate().expect("key");
        let certificate = params.signed_by(&key, &self.issuer).expect("leaf");
        Leaf {
            certificate: certificate.der().clone(),
            pem: certificate.pem(),
            key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
            key_pem: key.serialize_pem(),
        }
    }
}

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    /// Method.
    pub method: String,
    /// Path and query, percent-decoding left to the handler.
    pub target: String,
    /// Body.
    pub body: String,
}

/// What the server does with a request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answer with status, extra headers and body.
    Respond(u16, Vec<(String, String)>, String),
    /// Wait, then answer.
    Delay(Duration, u16, String),
    /// Close the connection without answering.
    Drop,
    /// Answer with a status and a body that never ends (no length; bytes until the client goes).
    Endless(u16),
}

/// How the server speaks TLS.
#[allow(missing_debug_implementations)]
pub struct Server {
    /// Protocol versions offered.
    pub versions: &'static [&'static rustls::SupportedProtocolVersion],
    /// Certificate chain, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    /// Its key.
    pub key: PrivateKeyDer<'static>,
    /// Client CA to require; `None`: no client authentication.
    pub client_ca: Option<CertificateDer<'static>>,
}

/// TLS 1.3 and 1.2.
pub const BOTH: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS13, &rustls::version::TLS12];
/// TLS 1.2 only.
pub const TLS12_ONLY: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS12];

/// Starts the server on 127.0.0.1 in its own thread; one request per connection.
pub fn serve(server: Server, handler: impl Fn(Request) -> Reply + Send + Sync + 'static) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(server.versions)
        .expect("versions");
    let config = match server.client_ca {
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca).expect("client CA");
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .expect("verifier");
            builder.with_client_cert_verifier(verifier).with_single_cert(server.chain, server.key)
        }
        None => builder.with_no_client_auth().with_single_cert(server.chain, server.key),
    }
    .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let address = listener.local_addr().expect("address");
    let handler = Arc::new(handler);
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let (acceptor, handler) = (acceptor.clone(), Arc::clone(&handler));
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(stream).await else { return };
                    let Some(request) = read_request(&mut tls).await else { return };
                    let (status, headers, body) = match handler(request) {
                        Reply::Drop => return,
                        Reply::Endless(status) => {
                            let head = format!("HTTP/1.1 {status} X\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n\r\n");
                            if tls.write_all(head.as_bytes()).await.is_err() {
                                return;
                            }
                            let chunk = vec![b'x'; 64 * 1024];
                            while tls.write_all(&chunk).await.is_ok() {}
                            return;
                        }
                        Reply::Respond(status, headers, body) => (status, headers, body),
                        Reply::Delay(wait, status, body) => {
                            tokio::time::sleep(wait).await;
                            (status, Vec::new(), body)
                        }
                    };
                    let content_type = if body.trim_start().starts_with('<') { "text/xml; charset=utf-8" } else { "application/fhir+json" };
                    let mut response = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
                        body.len()
                    );
                    for (name, value) in headers {
                        response.push_str(&format!("{name}: {value}\r\n"));
                    }
                    response.push_str("\r\n");
                    response.push_str(&body);
                    let _ = tls.write_all(response.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
    });
    address
}

async fn read_request(tls: &mut tokio_rustls::server::TlsStream<tokio::net::TcpStream>) -> Option<Request> {
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tls.read(&mut buffer).await {
            Ok(0) | Err(_) => return None,
            Ok(read) => data.extend_from_slice(&buffer[..read]),
        }
        let Some(end) = data.windows(4).position(|window| window == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&data[..end]).into_owned();
        let length = head
            .lines()
            .find_map(|line| {
                line.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|value| value.trim().parse::<usize>().unwrap_or(0))
            })
            .unwrap_or(0);
        while data.len() < end + 4 + length {
            match tls.read(&mut buffer).await {
                Ok(0) | Err(_) => return None,
                Ok(read) => data.extend_from_slice(&buffer[..read]),
            }
        }
        let mut words = head.lines().next().unwrap_or_default().split_whitespace();
        return Some(Request {
            method: words.next().unwrap_or_default().to_owned(),
            target: words.next().unwrap_or_default().to_owned(),
            body: String::from_utf8_lossy(&data[end + 4..end + 4 + length]).into_owned(),
        });
    }
}

/// A listener that accepts connections and never says anything.
pub fn black_hole() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    address
}
