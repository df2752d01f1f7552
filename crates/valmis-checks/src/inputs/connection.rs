//! `connection/connection.toml` (format 1) as read from the bundle: its schema, the paths it
//! references, and what the online probe needs of each endpoint. The CONN and CERT rules judge it.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use valmis_bundle::Bundle;
use valmis_i18n::{Msg, msg};

pub(crate) const CONNECTION: &str = "connection/connection.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConnection {
    pub(crate) format: Spanned<i64>,
    pub(crate) environment: Spanned<String>,
    pub(crate) ca_bundle: Spanned<String>,
    #[serde(rename = "endpoint", default)]
    pub(crate) endpoints: Vec<Spanned<RawEndpoint>>,
    pub(crate) signing: Option<Spanned<RawSigning>>,
    pub(crate) network: Option<Spanned<RawNetwork>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEndpoint {
    pub(crate) name: Spanned<String>,
    pub(crate) service: Spanned<String>,
    pub(crate) url: Spanned<String>,
    pub(crate) client_certificate: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSigning {
    pub(crate) certificate: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNetwork {
    #[serde(default)]
    pub(crate) source_ips: Vec<Spanned<String>>,
}

/// connection.toml as far as it could be read.
#[derive(Debug)]
pub(crate) enum Loaded {
    Missing,
    Unreadable(Msg),
    /// Not TOML, or not the schema: the message and where.
    Invalid {
        text: String,
        message: Msg,
        span: Option<Range<usize>>,
    },
    Parsed {
        text: String,
        connection: RawConnection,
    },
}

/// Reads connection.toml (the context keeps it for the run).
pub(crate) fn load(bundle: &Bundle) -> Loaded {
    match bundle.read(CONNECTION) {
        Err(valmis_bundle::ReadError::NotFound(_)) => Loaded::Missing,
        Err(error) => Loaded::Unreadable(error.message()),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(_) => Loaded::Unreadable(msg!("conn-not-utf8")),
            Ok(text) => match toml::from_str::<RawConnection>(&text) {
                Ok(connection) => Loaded::Parsed { text, connection },
                Err(error) => {
                    let message = valmis_model::parser_said(error.message());
                    Loaded::Invalid { span: error.span(), message, text }
                }
            },
        },
    }
}

/// A bundle path for a path written relative to `connection/`, or why it is not one.
pub(crate) fn bundle_path(relative: &str) -> Result<String, Msg> {
    let relative = relative.trim().replace('\\', "/");
    if relative.is_empty() {
        return Err(msg!("conn-path-empty"));
    }
    if relative.starts_with('/') || relative.split('/').any(|part| part == "..") || relative.contains(':') {
        return Err(msg!("conn-path-outside", path = relative));
    }
    Ok(format!("connection/{}", relative.trim_start_matches("./")))
}

/// The host of an https URL and the URL's problems.
pub(crate) fn endpoint_host(url: &str) -> Result<String, String> {
    let parsed = url::Url::parse(url.trim()).map_err(|error| format!("`{url}` is not a URL: {error}"))?;
    parsed.host_str().map(str::to_owned).ok_or_else(|| format!("`{url}` has no host"))
}

/// What the probe needs of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeTarget {
    /// Endpoint name.
    pub name: String,
    /// The service it serves.
    pub service: String,
    /// Its url.
    pub url: String,
    /// The client certificate chain in DER, leaf first (empty if unreadable).
    pub client_chain: Vec<Vec<u8>>,
    /// The trust anchors of `ca_bundle` in DER.
    pub anchors: Vec<Vec<u8>>,
}

#[cfg(test)]
mod tests {
    use super::bundle_path;

    #[test]
    fn certificate_paths_stay_inside_connection() {
        assert_eq!(bundle_path("certs/a.pem").as_deref(), Ok("connection/certs/a.pem"));
        assert_eq!(bundle_path("./a.pem").as_deref(), Ok("connection/a.pem"));
        assert!(bundle_path("../secrets/key.pem").is_err());
        assert!(bundle_path("/etc/ssl/a.pem").is_err());
        assert!(bundle_path("C:\\certs\\a.pem").is_err());
    }
}
