//! What the online probe (CONN-PROBE) found at one endpoint: plain data, produced by the
//! network crate and judged by the checks, so that the checks stay free of IO.

use serde::Serialize;

/// How a probe failed, for a message a vendor can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureClass {
    /// The endpoint url is not a usable https URL.
    Url,
    /// The host name does not resolve.
    Dns,
    /// Nothing listens on the port (connection refused).
    Refused,
    /// No answer within the time limit.
    Timeout,
    /// The server ended the handshake with a TLS alert (for example, certificate required).
    Alert,
    /// The server's chain does not lead to a trust anchor of `ca_bundle`.
    UnknownIssuer,
    /// The server's certificate does not name the endpoint host.
    NameMismatch,
    /// The server's certificate has expired (or is not valid yet).
    Expired,
    /// No common TLS version (the server offers less than TLS 1.2).
    TlsVersion,
    /// Another TLS failure.
    Tls,
    /// The TLS connection works but the HTTP request failed, or was answered with 4xx or 5xx.
    Http,
    /// The handshake completed but the server rejected the client certificate in its HTTP
    /// answer (nginx's 400 "The SSL certificate error", 495, 496).
    ClientCertificateRejected,
    /// The handshake completed without the server asking for a client certificate: Kanta's
    /// endpoints require mutual TLS, so this is not the endpoint (or a proxy ends TLS before it).
    ClientCertificateNotRequested,
    /// The server answered with a redirect (3xx), which valmis never follows.
    Redirect,
    /// Another network error.
    Io,
}

impl std::fmt::Display for FailureClass {
    /// The class as a person reads it (`probe` printed Rust's `Dns`).
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(match self {
            Self::Url => "unusable URL",
            Self::Dns => "DNS lookup failed",
            Self::Refused => "connection refused",
            Self::Timeout => "timed out",
            Self::Alert => "TLS alert from the server",
            Self::UnknownIssuer => "server certificate from an unknown issuer",
            Self::NameMismatch => "server certificate for another name",
            Self::Expired => "server certificate expired or not yet valid",
            Self::TlsVersion => "no common TLS version",
            Self::Tls => "TLS failure",
            Self::Http => "HTTP request failed",
            Self::ClientCertificateRejected => "client certificate rejected",
            Self::ClientCertificateNotRequested => "no client certificate requested",
            Self::Redirect => "redirect (not followed)",
            Self::Io => "network error",
        })
    }
}

/// A failed probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeFailure {
    /// The kind of failure.
    pub class: FailureClass,
    /// What happened, lowercase fragment style, never containing key material.
    pub message: String,
}

/// What the probe found at one endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ProbeResult {
    /// Endpoint name from connection.toml.
    pub endpoint: String,
    /// Its url.
    pub url: String,
    /// The address connected to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// TCP connect time in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connect_ms: Option<u64>,
    /// TLS handshake time in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handshake_ms: Option<u64>,
    /// Negotiated protocol (`TLS 1.3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_version: Option<String>,
    /// Negotiated cipher suite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cipher_suite: Option<String>,
    /// Subjects of the certificates the server presented, leaf first.
    pub server_chain: Vec<String>,
    /// Whether the server asked for a client certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_certificate_requested: Option<bool>,
    /// HTTP status of a GET of the url over the same TLS configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// Why the probe failed, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<ProbeFailure>,
}
