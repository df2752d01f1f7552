//! The CONN requirements over `connection/connection.toml` (format 1, read once per run by
//! `inputs::connection`): CONN-CONFIG, CONN-ENDPOINTS, CONN-SOURCE-IPS offline, and CONN-PROBE
//! from what the online probe found.

use std::net::IpAddr;
use std::ops::Range;

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
    let needed_by = needing(context, |service| service.connection);
    let (text, connection) = match context.connection() {
        Loaded::Missing if needed_by.is_empty() => {
            return vec![SubjectResult::bundle_wide(
                None,
                Verdict::Skipped("no declared service needs a connection configuration".to_owned()),
            )];
        }
        Loaded::Missing => {
            let finding = Finding::new(
                severity,
                format!("there is no connection/connection.toml; {} needs one", needed_by.join(", ")),
            )
            .at(Location::file("connection/"))
            .with_help("describe the endpoints, certificates and source addresses: `valmis init` writes a commented connection.toml (format in docs/connection.md)");
            return vec![SubjectResult::bundle_wide(Some("connection/"), Verdict::Checked(vec![finding]))];
        }
        Loaded::Unreadable(reason) => {
            return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Error(reason.clone()))];
        }
        Loaded::Invalid { text, message, span } => {
            let source = SourceFile::new(CONNECTION, text.as_bytes());
            let location = span.clone().map_or_else(|| Location::file(CONNECTION), |span| source.locate(span));
            let finding = Finding::new(severity, format!("connection.toml is not valid: {message}")).at(location);
            return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(vec![finding]))];
        }
        Loaded::Parsed { text, connection } => (text, connection),
    };
    let source = SourceFile::new(CONNECTION, text.as_bytes());
    let mut findings = Vec::new();
    let mut fail = |span: Range<usize>, message: String, help: Option<&str>| {
        let mut finding = Finding::new(severity, message).at(source.locate(span));
        finding.help = help.map(str::to_owned);
        findings.push(finding);
    };
    if *connection.format.get_ref() != FORMAT {
        fail(
            connection.format.span(),
            format!(
                "connection format {} is not supported; this valmis reads format {FORMAT}",
                connection.format.get_ref()
            ),
            None,
        );
    }
    let environment = connection.environment.get_ref();
    if !ENVIRONMENTS.contains(&environment.as_str()) {
        fail(
            connection.environment.span(),
            format!("environment `{environment}` is not one of {}", ENVIRONMENTS.join(", ")),
            Some("co-testing connects to the customer test environment: environment = \"asiakastesti\""),
        );
    }
    let mut paths = vec![&connection.ca_bundle];
    paths.extend(connection.endpoints.iter().map(|endpoint| &endpoint.get_ref().client_certificate));
    paths.extend(connection.signing.iter().map(|signing| &signing.get_ref().certificate));
    for path in paths {
        if let Err(message) = bundle_path(path.get_ref()) {
            fail(path.span(), message, None);
        }
    }
    if connection.endpoints.is_empty() {
        fail(
            0..0,
            "connection.toml has no [[endpoint]]".to_owned(),
            Some("add one [[endpoint]] per service connection"),
        );
    }
    let mut names: Vec<&str> = Vec::new();
    for endpoint in &connection.endpoints {
        let name = endpoint.get_ref().name.get_ref();
        if names.contains(&name.as_str()) {
            fail(endpoint.get_ref().name.span(), format!("endpoint name `{name}` is used twice"), None);
        }
        names.push(name);
    }
    let needs_signing = needing(context, |service| service.signing_certificate);
    if connection.signing.is_none() && !needs_signing.is_empty() {
        fail(
            0..0,
            format!("connection.toml has no [signing] certificate; {} signs with one", needs_signing.join(", ")),
            Some("add [signing] certificate = \"certs/<system-signature certificate>.pem\""),
        );
    }
    vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(findings))]
}

/// CONN-ENDPOINTS: each endpoint is https, not a production host, for a declared service.
pub(crate) fn check_endpoints(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let (connection, source) = match context.connection_parsed() {
        Ok(parsed) => parsed,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    if connection.endpoints.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(CONNECTION),
            Verdict::Skipped("connection.toml has no [[endpoint]] (see CONN-CONFIG)".to_owned()),
        )];
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
                Finding::new(
                    severity,
                    format!("endpoint `{}`'s url is still the template placeholder `{url}`", endpoint.name.get_ref()),
                )
                .at(source.locate(endpoint.url.span())),
            ),
            Err(error) => findings.push(
                Finding::new(severity, format!("`{url}` is not a URL: {error}")).at(source.locate(endpoint.url.span())),
            ),
            Ok(parsed) => {
                if parsed.scheme() != "https" {
                    findings.push(
                        Finding::new(
                            severity,
                            format!("endpoint `{}` uses {}, not https", endpoint.name.get_ref(), parsed.scheme()),
                        )
                        .at(source.locate(endpoint.url.span()))
                        .with_help("Kanta connections use TLS with mutual authentication: https://…"),
                    );
                }
                match parsed.host_str() {
                    None => findings.push(
                        Finding::new(severity, format!("`{url}` has no host")).at(source.locate(endpoint.url.span())),
                    ),
                    Some(host) if production.as_ref().is_some_and(|set| set.is_match(host)) => findings.push(
                        Finding::new(severity, format!("host `{host}` is a production address"))
                            .at(source.locate(endpoint.url.span()))
                            .with_help("co-testing uses the customer test environment; never list production hosts"),
                    ),
                    Some(_) => {}
                }
            }
        }
        let service = endpoint.service.get_ref();
        if context.catalog.service(service).is_none() {
            let known: Vec<&str> = context.catalog.services.iter().map(|s| s.id.as_str()).collect();
            findings.push(
                Finding::new(severity, format!("service `{service}` is not a service of the catalog"))
                    .at(source.locate(endpoint.service.span()))
                    .with_help(format!("services are {}", known.join(", "))),
            );
        } else if context.manifest().is_ok()
            && !context.catalog.service(service).is_some_and(|known| declared.contains(&known.id.as_str()))
        {
            findings.push(
                Finding::new(severity, format!("service `{service}` is not declared in manifest.toml"))
                    .at(source.locate(endpoint.service.span()))
                    .with_help("declare it under [system] services, or remove the endpoint"),
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
                Verdict::Skipped("no [network] source_ips, and no declared service needs them".to_owned()),
            )];
        }
        let finding = Finding::new(
            severity,
            format!(
                "[network] source_ips is missing; {} connects from static public addresses",
                public_needed.join(", ")
            ),
        )
        .at(Location::file(CONNECTION))
        .with_help("list them: [network] source_ips = [\"198.51.100.20\"]");
        return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(vec![finding]))];
    };
    let mut findings = Vec::new();
    for address in addresses {
        let text = address.get_ref().trim();
        match text.parse::<IpAddr>() {
            Err(_) if is_placeholder(text) => findings.push(
                Finding::new(severity, format!("source address `{text}` is still the template placeholder"))
                    .at(source.locate(address.span()))
                    .with_help("list the static addresses your system connects from, like \"198.51.100.20\""),
            ),
            Err(_) => findings.push(
                Finding::new(severity, format!("`{text}` is not an IP address"))
                    .at(source.locate(address.span()))
                    .with_help(
                        "write one address per entry, like \"198.51.100.20\" or \"2001:db8::20\" (no ranges or masks)",
                    ),
            ),
            Ok(ip) if !public_needed.is_empty() && !is_public(ip) => findings.push(
                Finding::new(
                    severity,
                    format!(
                        "`{text}` is a private, loopback or otherwise non-public address; {} needs public ones",
                        public_needed.join(", ")
                    ),
                )
                .at(source.locate(address.span()))
                .with_help("give the static public addresses your backend connects from"),
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
    let Some(results) = &context.probe else {
        return vec![SubjectResult::bundle_wide(
            None,
            Verdict::Skipped("offline run: pass --online with --client-key FILE to probe the endpoints".to_owned()),
        )];
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
            None => Verdict::Error(format!("endpoint `{name}` was not probed")),
            Some(result) => match &result.failure {
                None => Verdict::Checked(Vec::new()),
                Some(failure) => {
                    use valmis_model::FailureClass as Class;
                    let help = match failure.class {
                        Class::Url => "correct the endpoint url in connection.toml",
                        Class::Dns => {
                            "check the host name; the customer test environment's names resolve only where Kela's instructions say"
                        }
                        Class::Refused => {
                            "check the port, and that the service runs and the firewall admits this machine's address"
                        }
                        Class::Timeout => {
                            "check the address, firewall rules and that this machine's source address is allowed"
                        }
                        Class::Alert => {
                            "check that the server accepts the client certificate: its issuer, clientAuth, and that it is the one registered with Kela"
                        }
                        Class::UnknownIssuer => "put the root that issued the server's certificate in ca_bundle",
                        Class::NameMismatch => "use the host name the server's certificate names in the url",
                        Class::Expired => "the server's certificate must be renewed",
                        Class::TlsVersion => "the server must offer TLS 1.2 or 1.3",
                        Class::ClientCertificateRejected => {
                            "the server does not trust this client certificate: its client CA (nginx ssl_client_certificate) must include the issuer of the endpoint's client_certificate, which must be the one registered with Kela"
                        }
                        Class::ClientCertificateNotRequested => {
                            "the endpoint must require mutual TLS (nginx: ssl_verify_client on); if a proxy ends TLS, use the address where the client certificate is checked"
                        }
                        Class::Redirect => {
                            "put the final https address in the url; valmis does not follow redirects to other hosts or to http"
                        }
                        Class::Tls | Class::Http | Class::Io => {
                            "see the message; run `valmis probe` for the details of the connection"
                        }
                    };
                    let mut message = format!("endpoint `{name}`: {}", failure.message);
                    if let Some(address) = &result.address {
                        message.push_str(&format!(" ({address})"));
                    }
                    Verdict::Checked(vec![
                        Finding::new(severity, message).at(source.locate(endpoint.url.span())).with_help(help),
                    ])
                }
            },
        };
        outcomes.push(SubjectResult::about(name.as_str(), Some(CONNECTION), Some(line), verdict));
    }
    if outcomes.is_empty() {
        outcomes.push(SubjectResult::bundle_wide(
            Some(CONNECTION),
            Verdict::Skipped("connection.toml has no [[endpoint]] (see CONN-CONFIG)".to_owned()),
        ));
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
