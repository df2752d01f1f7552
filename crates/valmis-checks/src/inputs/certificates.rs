//! The certificate files connection.toml references, read once per run: the trust anchors
//! (`ca_bundle`), each endpoint's client certificate and the system-signature certificate. The
//! CERT rules judge them; the online probe takes its chains and anchors from them.

use std::collections::BTreeMap;

use valmis_bundle::Bundle;
use valmis_i18n::{Msg, msg};
use valmis_pki::{Certificate, read_certificates};

use super::connection::{CONNECTION, ProbeTarget, RawConnection, bundle_path, endpoint_host};
use super::names::is_placeholder;
use super::source::SourceFile;

/// What a referenced file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    /// `ca_bundle`: trust anchors (and intermediates).
    Anchors,
    /// An endpoint's `client_certificate`.
    Client,
    /// `[signing] certificate`.
    Signing,
}

/// One referenced certificate file.
#[derive(Debug)]
pub(crate) struct CertificateFile {
    pub(crate) path: String,
    pub(crate) roles: Vec<Role>,
    /// Names and hosts of the endpoints that present it.
    pub(crate) endpoints: Vec<(String, Option<String>)>,
    /// Services of those endpoints.
    pub(crate) services: Vec<String>,
    pub(crate) certificates: Result<Vec<Certificate>, Msg>,
}

impl CertificateFile {
    pub(crate) fn leaf(&self) -> Option<&Certificate> {
        self.certificates.as_ref().ok().and_then(|certificates| certificates.first())
    }

    pub(crate) fn is_end_entity(&self) -> bool {
        self.roles.iter().any(|role| *role != Role::Anchors)
    }

    /// `palvelinvarmenne.pem (CN=ehr-testi.esimerkki-terveys.fi)`.
    pub(crate) fn describe(&self, certificate: &Certificate) -> String {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        format!("{name} ({})", certificate.name())
    }
}

/// Every file `connection` (whose text is `source`) references, read from `bundle` (the context
/// keeps them for the run).
pub(crate) fn read(bundle: &Bundle, connection: &RawConnection, source: &SourceFile<'_>) -> Vec<CertificateFile> {
    {
        let mut by_path: BTreeMap<String, CertificateFile> = BTreeMap::new();
        let mut add =
            |relative: &toml::Spanned<String>, role: Role, endpoint: Option<(String, Option<String>, String)>| {
                let Ok(path) = bundle_path(relative.get_ref()) else { return };
                let (line, _) = source.line_col(relative.span().start);
                let file = by_path.entry(path.clone()).or_insert_with(|| CertificateFile {
                    certificates: match bundle.read(&path) {
                        Err(valmis_bundle::ReadError::NotFound(_)) if is_placeholder(relative.get_ref()) => Err(msg!(
                            "cert-path-placeholder",
                            file = CONNECTION,
                            line = line,
                            path = relative.get_ref().as_str()
                        )),
                        Err(valmis_bundle::ReadError::NotFound(_)) => {
                            Err(msg!("cert-path-missing", path = path.as_str(), file = CONNECTION, line = line))
                        }
                        Err(error) => Err(error.message()),
                        Ok(bytes) => read_certificates(&bytes)
                            .map_err(|error| msg!("cert-file-error", path = path.as_str(), error = error.0)),
                    },
                    path,
                    roles: Vec::new(),
                    endpoints: Vec::new(),
                    services: Vec::new(),
                });
                if !file.roles.contains(&role) {
                    file.roles.push(role);
                }
                if let Some((name, host, service)) = endpoint {
                    file.endpoints.push((name, host));
                    if !file.services.contains(&service) {
                        file.services.push(service);
                    }
                }
            };
        add(&connection.ca_bundle, Role::Anchors, None);
        for endpoint in &connection.endpoints {
            let endpoint = endpoint.get_ref();
            let host = endpoint_host(endpoint.url.get_ref()).ok();
            let about = (endpoint.name.get_ref().clone(), host, endpoint.service.get_ref().clone());
            add(&endpoint.client_certificate, Role::Client, Some(about));
        }
        if let Some(signing) = &connection.signing {
            add(&signing.get_ref().certificate, Role::Signing, None);
        }
        by_path.into_values().collect()
    }
}

/// The endpoints with their client chains and the anchors of `ca_bundle`, for the probe.
pub(crate) fn probe_targets(
    connection: &RawConnection,
    files: &[CertificateFile],
    lang: &str,
) -> Result<Vec<ProbeTarget>, String> {
    let anchors_file = files.iter().find(|file| file.roles.contains(&Role::Anchors));
    let authorities = match anchors_file.map(|file| &file.certificates) {
        Some(Ok(certificates)) => certificates,
        Some(Err(message)) => return Err(valmis_i18n::t!(lang, "probe-anchors-unreadable", reason = message)),
        None => return Err(valmis_i18n::t!(lang, "probe-no-anchors")),
    };
    let roots: Vec<Vec<u8>> = authorities.iter().filter(|ca| ca.self_issued).map(|ca| ca.der.clone()).collect();
    let anchors = if roots.is_empty() { authorities.iter().map(|ca| ca.der.clone()).collect() } else { roots };
    let mut targets = Vec::new();
    for endpoint in &connection.endpoints {
        let endpoint = endpoint.get_ref();
        let path = bundle_path(endpoint.client_certificate.get_ref()).map_err(|message| message.render(lang))?;
        let chain = match files.iter().find(|file| file.path == path).map(|file| &file.certificates) {
            Some(Ok(certificates)) => certificates.iter().map(|certificate| certificate.der.clone()).collect(),
            Some(Err(message)) => {
                return Err(valmis_i18n::t!(
                    lang,
                    "probe-client-unreadable",
                    endpoint = endpoint.name.get_ref(),
                    reason = message
                ));
            }
            None => Vec::new(),
        };
        targets.push(ProbeTarget {
            name: endpoint.name.get_ref().clone(),
            service: endpoint.service.get_ref().clone(),
            url: endpoint.url.get_ref().clone(),
            client_chain: chain,
            anchors: anchors.clone(),
        });
    }
    Ok(targets)
}
