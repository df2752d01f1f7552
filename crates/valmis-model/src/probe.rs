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

impl FailureClass {
    /// The class as the JSON probe results name it (`unknown-issuer`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Url => "url",
            Self::Dns => "dns",
            Self::Refused => "refused",
            Self::Timeout => "timeout",
            Self::Alert => "alert",
            Self::UnknownIssuer => "unknown-issuer",
            Self::NameMismatch => "name-mismatch",
            Self::Expired => "expired",
            Self::TlsVersion => "tls-version",
            Self::Tls => "tls",
            Self::Http => "http",
            Self::ClientCertificateRejected => "client-certificate-rejected",
            Self::ClientCertificateNotRequested => "client-certificate-not-requested",
            Self::Redirect => "redirect",
            Self::Io => "io",
        }
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

#[cfg(test)]
mod tests {
    use super::FailureClass;

    #[test]
    fn a_class_has_the_name_the_json_gives_it() {
        // `probe` names a class through its message, keyed by this name: it must be the one the
        // probe results' JSON holds.
        let all = [
            FailureClass::Url,
            FailureClass::Dns,
            FailureClass::Refused,
            FailureClass::Timeout,
            FailureClass::Alert,
            FailureClass::UnknownIssuer,
            FailureClass::NameMismatch,
            FailureClass::Expired,
            FailureClass::TlsVersion,
            FailureClass::Tls,
            FailureClass::Http,
            FailureClass::ClientCertificateRejected,
            FailureClass::ClientCertificateNotRequested,
            FailureClass::Redirect,
            FailureClass::Io,
        ];
        for class in all {
            let json = serde_json::to_value(class).expect("serialises");
            assert_eq!(json.as_str(), Some(class.as_str()));
            // Every class has its own words in both languages (not the message's default).
            let fi = valmis_i18n::t!("fi", "probe-class", class = class.as_str());
            let en = valmis_i18n::t!("en", "probe-class", class = class.as_str());
            assert!(class == FailureClass::Io || (en != "network error" && fi != "verkkovirhe"), "{class:?}");
        }
    }
}
