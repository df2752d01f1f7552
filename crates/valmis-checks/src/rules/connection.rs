//! The CONN requirements over `connection/connection.toml` (format 1, read once per run by
//! `inputs::connection`): CONN-CONFIG, CONN-ENDPOINTS, CONN-SOURCE-IPS offline, and CONN-PROBE
//! from what the online probe found.

use std::net::IpAddr;
use std::ops::Range;

use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::connection::{CONNECTION, Loaded, bundle_path};
use crate::inputs::names::is_placeholder;
use crate::inputs::source::SourceFile;

const FORMAT: i64 = 1;
const ENVIRONMENTS: [&str; 2] = ["asiakastesti", "tuotannonkuva"];

/// Services declared in the manifest whose registration needs a connection configuration.
fn needing(context: &Context<'_>, wants: impl Fn(&valmis_model::catalog::Service) -> bool) -> Vec<String> {
    context
        .declared_services()
        .into_iter()
        .filter_map(|id| context.catalog.service(id))
        .filter(|service| wants(service))
        .map(|service| service.id.clone())
        .collect()
}

/// CONN-CONFIG: the file is there when a declared service needs it, parses, and follows the schema.
pub(crate) fn check_config(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let needed_by = needing(context, |service| service.connection);
    let (text, connection) = match context.connection() {
        Loaded::Missing if needed_by.is_empty() => {
            return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(t!(lang, "conn-not-needed-skip")))];
        }
        Loaded::Missing => {
            let finding = Finding::said(severity, said!(lang, "conn-missing", services = needed_by.join(", ")))
                .at(Location::file("connection/"))
                .with_help(t!(lang, "conn-missing-help"));
            return vec![SubjectResult::bundle_wide(Some("connection/"), Verdict::Checked(vec![finding]))];
        }
        Loaded::Unreadable(reason) => {
            return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Error(reason.render(lang)))];
        }
        Loaded::Invalid { text, message, span } => {
            let source = SourceFile::new(CONNECTION, text.as_bytes());
            let location = span.clone().map_or_else(|| Location::file(CONNECTION), |span| source.locate(span));
            let finding = Finding::said(severity, said!(lang, "conn-invalid", message = message)).at(location);
            return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(vec![finding]))];
        }
        Loaded::Parsed { text, connection } => (text, connection),
    };
    let source = SourceFile::new(CONNECTION, text.as_bytes());
    let mut findings = Vec::new();
    let mut fail = |span: Range<usize>, message: valmis_i18n::Said, help: Option<String>| {
        let mut finding = Finding::said(severity, message).at(source.locate(span));
        finding.help = help;
        findings.push(finding);
    };
    if *connection.format.get_ref() != FORMAT {
        fail(
            connection.format.span(),
            said!(lang, "conn-format", format = *connection.format.get_ref(), supported = FORMAT),
            None,
        );
    }
    let environment = connection.environment.get_ref();
    if !ENVIRONMENTS.contains(&environment.as_str()) {
        fail(
            connection.environment.span(),
            said!(lang, "conn-environment", environment = environment.as_str(), known = ENVIRONMENTS.join(", ")),
            Some(t!(lang, "conn-environment-help")),
        );
    }
    let mut paths = vec![&connection.ca_bundle];
    paths.extend(connection.endpoints.iter().map(|endpoint| &endpoint.get_ref().client_certificate));
    paths.extend(connection.signing.iter().map(|signing| &signing.get_ref().certificate));
    for path in paths {
        if let Err(message) = bundle_path(path.get_ref()) {
            fail(path.span(), message.said(lang), None);
        }
    }
    if connection.endpoints.is_empty() {
        fail(0..0, said!(lang, "conn-no-endpoint"), Some(t!(lang, "conn-no-endpoint-help")));
    }
    let mut names: Vec<&str> = Vec::new();
    for endpoint in &connection.endpoints {
        let name = endpoint.get_ref().name.get_ref();
        if names.contains(&name.as_str()) {
            fail(endpoint.get_ref().name.span(), said!(lang, "conn-name-twice", name = name.as_str()), None);
        }
        names.push(name);
    }
    let needs_signing = needing(context, |service| service.signing_certificate);
    if connection.signing.is_none() && !needs_signing.is_empty() {
        fail(
            0..0,
            said!(lang, "conn-no-signing", services = needs_signing.join(", ")),
            Some(t!(lang, "conn-no-signing-help")),
        );
    }
    vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(findings))]
}

/// CONN-ENDPOINTS: each endpoint is https, not a production host, for a declared service.
pub(crate) fn check_endpoints(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let (connection, source) = match context.connection_parsed() {
        Ok(parsed) => parsed,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    if connection.endpoints.is_empty() {
        return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Skipped(t!(lang, "conn-no-endpoint-skip")))];
    }
    let production = production_hosts(context);
    // Without a usable manifest, nothing is declared: BUNDLE-MANIFEST says so, not every endpoint.
    let declared = context.declared_services();
    let mut results = Vec::new();
    for endpoint in &connection.endpoints {
        let endpoint = endpoint.get_ref();
        let mut findings = Vec::new();
        let url = endpoint.url.get_ref();
        match url::Url::parse(url.trim()) {
            Err(_) if is_placeholder(url) => findings.push(
                Finding::said(
                    severity,
                    said!(lang, "conn-url-placeholder", name = endpoint.name.get_ref(), url = url.as_str()),
                )
                .at(source.locate(endpoint.url.span())),
            ),
            Err(error) => findings.push(
                Finding::said(severity, said!(lang, "conn-not-url", url = url.as_str(), error = error.to_string()))
                    .at(source.locate(endpoint.url.span())),
            ),
            Ok(parsed) => {
                if parsed.scheme() != "https" {
                    findings.push(
                        Finding::said(
                            severity,
                            said!(lang, "conn-not-https", name = endpoint.name.get_ref(), scheme = parsed.scheme()),
                        )
                        .at(source.locate(endpoint.url.span()))
                        .with_help(t!(lang, "conn-not-https-help")),
                    );
                }
                match parsed.host_str() {
                    None => findings.push(
                        Finding::said(severity, said!(lang, "conn-no-host", url = url.as_str()))
                            .at(source.locate(endpoint.url.span())),
                    ),
                    Some(host) if production.as_ref().is_some_and(|set| set.is_match(host)) => findings.push(
                        Finding::said(severity, said!(lang, "conn-production-host", host = host))
                            .at(source.locate(endpoint.url.span()))
                            .with_help(t!(lang, "conn-production-host-help")),
                    ),
                    Some(_) => {}
                }
            }
        }
        let service = endpoint.service.get_ref();
        if context.catalog.service(service).is_none() {
            let known: Vec<&str> = context.catalog.services.iter().map(|s| s.id.as_str()).collect();
            findings.push(
                Finding::said(severity, said!(lang, "conn-service-unknown", service = service.as_str()))
                    .at(source.locate(endpoint.service.span()))
                    .with_help(t!(lang, "conn-services-are", known = known.join(", "))),
            );
        } else if context.manifest().is_ok()
            && !context.catalog.service(service).is_some_and(|known| declared.contains(&known.id.as_str()))
        {
            findings.push(
                Finding::said(severity, said!(lang, "conn-service-undeclared", service = service.as_str()))
                    .at(source.locate(endpoint.service.span()))
                    .with_help(t!(lang, "conn-service-undeclared-help")),
            );
        }
        let (line, _) = source.line_col(endpoint.name.span().start);
        results.push(SubjectResult::about(
            endpoint.name.get_ref().as_str(),
            Some(CONNECTION),
            Some(line),
            Verdict::Checked(findings),
        ));
    }
    results
}

fn production_hosts(context: &Context<'_>) -> Option<globset::GlobSet> {
    let mut builder = globset::GlobSetBuilder::new();
    for pattern in &context.catalog.round.production_host_patterns {
        if let Ok(glob) = globset::GlobBuilder::new(pattern).case_insensitive(true).build() {
            builder.add(glob);
        }
    }
    builder.build().ok()
}

/// CONN-SOURCE-IPS: source addresses parse, and are public where a declared service needs that.
pub(crate) fn check_source_ips(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let (connection, source) = match context.connection_parsed() {
        Ok(parsed) => parsed,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let public_needed = needing(context, |service| service.public_source_ips);
    let addresses = connection.network.as_ref().map(|network| &network.get_ref().source_ips);
    let Some(addresses) = addresses.filter(|addresses| !addresses.is_empty()) else {
        if public_needed.is_empty() {
            return vec![SubjectResult::bundle_wide(
                Some(CONNECTION),
                Verdict::Skipped(t!(lang, "conn-ips-not-needed-skip")),
            )];
        }
        let finding = Finding::said(severity, said!(lang, "conn-ips-missing", services = public_needed.join(", ")))
            .at(Location::file(CONNECTION))
            .with_help(t!(lang, "conn-ips-missing-help"));
        return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(vec![finding]))];
    };
    let mut findings = Vec::new();
    for address in addresses {
        let text = address.get_ref().trim();
        match text.parse::<IpAddr>() {
            Err(_) if is_placeholder(text) => findings.push(
                Finding::said(severity, said!(lang, "conn-ip-placeholder", address = text))
                    .at(source.locate(address.span()))
                    .with_help(t!(lang, "conn-ip-placeholder-help")),
            ),
            Err(_) => findings.push(
                Finding::said(severity, said!(lang, "conn-ip-invalid", address = text))
                    .at(source.locate(address.span()))
                    .with_help(t!(lang, "conn-ip-invalid-help")),
            ),
            Ok(ip) if !public_needed.is_empty() && !is_public(ip) => findings.push(
                Finding::said(
                    severity,
                    said!(lang, "conn-ip-private", address = text, services = public_needed.join(", ")),
                )
                .at(source.locate(address.span()))
                .with_help(t!(lang, "conn-ip-private-help")),
            ),
            Ok(_) => {}
        }
    }
    vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(findings))]
}

/// Whether an address can be a public source address on the internet.
fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// CONN-PROBE: what the online probe found at each endpoint (the CLI runs it with `--online`).
pub(crate) fn check_probe(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let Some(results) = &context.probe else {
        return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(t!(lang, "probe-offline-skip")))];
    };
    let (connection, source) = match context.connection_parsed() {
        Ok(parsed) => parsed,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let mut outcomes = Vec::new();
    for endpoint in &connection.endpoints {
        let endpoint = endpoint.get_ref();
        let name = endpoint.name.get_ref();
        let (line, _) = source.line_col(endpoint.name.span().start);
        let verdict = match results.iter().find(|result| &result.endpoint == name) {
            None => Verdict::Error(t!(lang, "probe-not-probed", name = name.as_str())),
            Some(result) => match &result.failure {
                None => Verdict::Checked(Vec::new()),
                Some(failure) => {
                    use valmis_model::FailureClass as Class;
                    let help = match failure.class {
                        Class::Url => t!(lang, "probe-help-url"),
                        Class::Dns => t!(lang, "probe-help-dns"),
                        Class::Refused => t!(lang, "probe-help-refused"),
                        Class::Timeout => t!(lang, "probe-help-timeout"),
                        Class::Alert => t!(lang, "probe-help-alert"),
                        Class::UnknownIssuer => t!(lang, "probe-help-unknown-issuer"),
                        Class::NameMismatch => t!(lang, "probe-help-name-mismatch"),
                        Class::Expired => t!(lang, "probe-help-expired"),
                        Class::TlsVersion => t!(lang, "probe-help-tls-version"),
                        Class::ClientCertificateRejected => t!(lang, "probe-help-client-rejected"),
                        Class::ClientCertificateNotRequested => t!(lang, "probe-help-client-not-requested"),
                        Class::Redirect => t!(lang, "probe-help-redirect"),
                        Class::Tls | Class::Http | Class::Io => t!(lang, "probe-help-other"),
                    };
                    let message = match &result.address {
                        Some(address) => said!(
                            lang,
                            "probe-failed-at",
                            name = name.as_str(),
                            failure = failure.message.as_str(),
                            address = address.to_string()
                        ),
                        None => said!(lang, "probe-failed", name = name.as_str(), failure = failure.message.as_str()),
                    };
                    Verdict::Checked(vec![
                        Finding::said(severity, message).at(source.locate(endpoint.url.span())).with_help(help),
                    ])
                }
            },
        };
        outcomes.push(SubjectResult::about(name.as_str(), Some(CONNECTION), Some(line), verdict));
    }
    if outcomes.is_empty() {
        outcomes
            .push(SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Skipped(t!(lang, "conn-no-endpoint-skip"))));
    }
    outcomes
}

#[cfg(test)]
mod tests {
    use super::is_public;

    #[test]
    fn public_addresses() {
        for public in ["198.51.100.20", "203.0.113.10", "8.8.8.8", "2001:db8::20"] {
            assert!(is_public(public.parse().expect("ip")), "{public}");
        }
        for private in [
            "10.1.2.3",
            "192.168.1.1",
            "172.16.0.1",
            "127.0.0.1",
            "169.254.1.1",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
        ] {
            assert!(!is_public(private.parse().expect("ip")), "{private}");
        }
    }
}
