//! The CERT requirements over the certificates connection.toml references: the trust anchors
//! (`ca_bundle`), each endpoint's client certificate (a DVV test server certificate presented in
//! mutual TLS) and the system-signature certificate. One outcome per certificate file; every
//! finding names the file, the certificate's subject and the offending field, and says what to do.

use jiff::Timestamp;
use valmis_ids::Oid;
use valmis_model::{Finding, Location, Requirement, Severity};
use valmis_pki::{Certificate, Key, Usage, read_certificates, verify_chain, verify_name};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::certificates::{CertificateFile, Role};
use crate::inputs::connection::CONNECTION;

fn at(file: &CertificateFile) -> Location {
    Location::file(file.path.as_str())
}

fn result(file: &CertificateFile, findings: Vec<Finding>) -> SubjectResult {
    SubjectResult::about(&file.path, Some(&file.path), None, Verdict::Checked(findings))
}

/// Runs `check` over each end-entity certificate file that could be read.
fn per_end_entity(
    context: &Context<'_>,
    check: impl Fn(&CertificateFile, &Certificate, &mut Vec<Finding>),
) -> Vec<SubjectResult> {
    let files = match context.certificates() {
        Ok(files) => files,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let mut results = Vec::new();
    for file in files.iter().filter(|file| file.is_end_entity()) {
        match file.leaf() {
            None => results.push(SubjectResult::about(
                &file.path,
                Some(&file.path),
                None,
                Verdict::Skipped("not readable (see CERT-PARSE)".to_owned()),
            )),
            Some(leaf) => {
                let mut findings = Vec::new();
                check(file, leaf, &mut findings);
                results.push(result(file, findings));
            }
        }
    }
    if results.is_empty() {
        results.push(SubjectResult::bundle_wide(
            Some(CONNECTION),
            Verdict::Skipped("connection.toml references no client or signing certificate".to_owned()),
        ));
    }
    results
}

/// CERT-PARSE: every referenced file is a certificate; PEM and DER copies of one agree.
pub(crate) fn check_parse(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let files = match context.certificates() {
        Ok(files) => files,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    files
        .iter()
        .map(|file| {
            let mut findings = Vec::new();
            match &file.certificates {
                Err(message) => findings.push(
                    Finding::new(severity, message.clone())
                        .at(at(file))
                        .with_help("export the certificate again from the DVV delivery (PEM or DER)"),
                ),
                Ok(certificates) => {
                    if let Some(finding) = copies_differ(context, file, certificates, severity) {
                        findings.push(finding);
                    }
                }
            }
            result(file, findings)
        })
        .collect()
}

/// A sibling copy in the other encoding (`server.pem` beside `server.der`) that is not the same
/// certificate.
fn copies_differ(
    context: &Context<'_>,
    file: &CertificateFile,
    certificates: &[Certificate],
    severity: Severity,
) -> Option<Finding> {
    let (stem, _) = file.path.rsplit_once('.')?;
    let first = certificates.first()?;
    for extension in ["pem", "der", "crt", "cer"] {
        let sibling = format!("{stem}.{extension}");
        if sibling == file.path || context.bundle.entry(&sibling).is_none() {
            continue;
        }
        let copy = context.bundle.read(&sibling).ok().and_then(|bytes| read_certificates(&bytes).ok());
        match copy.as_ref().and_then(|copy| copy.first()) {
            Some(other) if other.der == first.der => {}
            Some(other) => {
                return Some(
                    Finding::new(
                        severity,
                        format!(
                            "`{}` and `{sibling}` are different certificates ({} and {})",
                            file.path,
                            first.name(),
                            other.name()
                        ),
                    )
                    .at(at(file))
                    .with_help("keep the PEM and DER copies of one DVV delivery together, or remove the stale one"),
                );
            }
            None => {
                return Some(
                    Finding::new(
                        severity,
                        format!("`{sibling}`, the other copy of `{}`, is not a certificate", file.path),
                    )
                    .at(Location::file(sibling.as_str())),
                );
            }
        }
    }
    None
}

fn date(timestamp: Timestamp) -> String {
    timestamp.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()
}

/// CERT-VALIDITY: valid at `--now`, not expiring within the margin or before the round ends, and
/// no longer than DVV's maximum for its kind.
pub(crate) fn check_validity(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let round = &context.catalog.round;
    let now = context.now;
    let margin_end =
        now.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(round.certificate_expiry_margin_days))).ok();
    let round_end = round.ends.to_zoned(jiff::tz::TimeZone::UTC).map(|end| end.timestamp()).ok();
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        if leaf.not_before > now {
            findings.push(
                Finding::new(severity, format!("{who} is not valid yet: notBefore {}", date(leaf.not_before)))
                    .at(at(file)),
            );
        } else if leaf.not_after < now {
            findings.push(
                Finding::new(severity, format!("{who} expired on {} (notAfter)", date(leaf.not_after)))
                    .at(at(file))
                    .with_help("order a new test certificate from DVV"),
            );
        } else if margin_end.is_some_and(|end| leaf.not_after < end) {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    format!(
                        "{who} expires on {} (notAfter), within {} days",
                        date(leaf.not_after),
                        round.certificate_expiry_margin_days
                    ),
                )
                .at(at(file))
                .with_help("order the next test certificate from DVV now"),
            );
        } else if round_end.is_some_and(|end| leaf.not_after < end) {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    format!(
                        "{who} expires on {} (notAfter), before round {} ends on {}",
                        date(leaf.not_after),
                        round.id,
                        round.ends
                    ),
                )
                .at(at(file))
                .with_help("order the next test certificate before the co-testing period"),
            );
        }
        let (kind, maximum) = if file.roles.contains(&Role::Client) {
            ("server certificate", round.server_certificate_max_days)
        } else {
            ("system-signature certificate", round.signing_certificate_max_days)
        };
        if leaf.validity_days() > i64::from(maximum) {
            findings.push(
                Finding::new(
                    severity,
                    format!(
                        "{who} is valid for {} days ({} to {}); a DVV {kind} is valid for at most {maximum}",
                        leaf.validity_days(),
                        date(leaf.not_before),
                        date(leaf.not_after)
                    ),
                )
                .at(at(file))
                .with_help("use the certificate DVV delivered; a longer one is not a DVV test certificate"),
            );
        }
    })
}

/// Whether `name` is one of `names`, ignoring case and runs of white space.
fn ca_listed(names: &[String], name: &str) -> bool {
    let fold = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let name = fold(name);
    names.iter().any(|listed| fold(listed) == name)
}

/// Whether an issuer is named the way DVV (before 2020 VRK, Väestörekisterikeskus) names its
/// CAs, and whether the name says TEST, as every DVV test CA's does.
fn dvv_style(issuer: &str, full_issuer: &str) -> Option<bool> {
    let by_dvv = ["VRK ", "DVV "].iter().any(|prefix| issuer.starts_with(prefix))
        || ["Vaestorekisterikeskus", "Väestörekisterikeskus", "Digi- ja väestötietovirasto"]
            .iter()
            .any(|organisation| full_issuer.contains(organisation));
    by_dvv.then(|| issuer.split_whitespace().any(|word| word == "TEST") || full_issuer.contains(" TEST"))
}

/// CERT-ISSUER: issued by one of the catalog's DVV test CAs; a professionals' CA and a
/// production CA each have their own message.
pub(crate) fn check_issuer(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let round = &context.catalog.round;
    per_end_entity(context, |file, leaf, findings| {
        let issuer = leaf.issuer_common_name.as_deref().unwrap_or(&leaf.issuer);
        let who = file.describe(leaf);
        let production = ca_listed(&round.production_ca_names, issuer);
        let unit = leaf.issuer_organizational_unit.as_deref().unwrap_or_default();
        let dvv_test = dvv_style(issuer, &leaf.issuer) == Some(true);
        if ca_listed(&round.professional_ca_names, issuer)
            || (dvv_test && ca_listed(&round.professional_ca_units, unit))
        {
            let unit =
                leaf.issuer_organizational_unit.as_deref().map(|unit| format!(", OU `{unit}`")).unwrap_or_default();
            let person = if leaf.subject_names_a_person { "; its subject names a person" } else { "" };
            let production = if production { " It is also a production CA." } else { "" };
            findings.push(
                Finding::new(
                    severity,
                    format!(
                        "{who} is a professional's (personal) certificate: issuer `{issuer}`{unit} is the CA of healthcare professionals' cards, not a service-certificate CA{person}.{production}"
                    ),
                )
                .at(at(file))
                .with_help(
                    "a system signs and connects with a DVV service certificate (system-signature or server certificate, issuer e.g. VRK TEST CA for Social Welfare and Health Care Service Providers); order a test service certificate from DVV",
                ),
            );
        } else if production || dvv_style(issuer, &leaf.issuer) == Some(false) {
            let how = if production {
                "a production CA of this round's catalog".to_owned()
            } else {
                "named like a DVV production CA (no TEST in its name)".to_owned()
            };
            findings.push(
                Finding::new(severity, format!("{who} is a production certificate: issuer `{issuer}` is {how}"))
                    .at(at(file))
                    .with_help(
                        "the customer test environment accepts only DVV test certificates; order a test certificate from DVV, and keep production certificates out of the bundle",
                    ),
            );
        } else if !(ca_listed(&round.test_ca_names, issuer) || (dvv_test && ca_listed(&round.test_ca_units, unit))) {
            let hint = if dvv_style(issuer, &leaf.issuer) == Some(true) {
                format!(
                    "`{issuer}` is named like a DVV test CA: if DVV issued the certificate, add the name to [round] test_ca_names of your catalog (--catalog DIR); the round knows {}",
                    round.test_ca_names.join(", ")
                )
            } else {
                format!("order a test certificate from DVV; the round knows {}", round.test_ca_names.join(", "))
            };
            findings.push(
                Finding::new(
                    severity,
                    format!("{who} is issued by `{issuer}`, which is not a DVV test CA of round {}", round.id),
                )
                .at(at(file))
                .with_help(hint),
            );
        }
    })
}

/// CERT-USAGE: client certificates allow clientAuth, signing certificates digitalSignature, and no
/// end entity is a CA.
pub(crate) fn check_usage(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        if leaf.is_ca {
            findings.push(
                Finding::new(severity, format!("{who} is a CA certificate (basicConstraints CA:TRUE)"))
                    .at(at(file))
                    .with_help("configure the end-entity certificate DVV issued to your system, not a CA certificate"),
            );
        }
        if file.roles.contains(&Role::Client) && !leaf.allows("clientAuth") {
            let usages = leaf.extended_key_usage.as_deref().unwrap_or_default().join(", ");
            findings.push(
                Finding::new(
                    severity,
                    format!("{who} cannot authenticate a TLS client: extendedKeyUsage is {usages}, without clientAuth"),
                )
                .at(at(file))
                .with_help("order a test server certificate with clientAuth from DVV for mutual TLS"),
            );
        }
        if file.roles.contains(&Role::Signing) {
            let digital_signature =
                leaf.key_usage.as_ref().is_some_and(|usages| usages.iter().any(|usage| usage == "digitalSignature"));
            if !digital_signature {
                let usages = leaf.key_usage.as_ref().map_or_else(|| "absent".to_owned(), |usages| usages.join(", "));
                let person = if leaf.subject_names_a_person {
                    " (its subject names a person: a professional's card certificate, not a system-signature certificate)"
                } else {
                    ""
                };
                findings.push(
                    Finding::new(
                        severity,
                        format!("{who} cannot sign: keyUsage is {usages}, without digitalSignature{person}"),
                    )
                    .at(at(file))
                    .with_help(
                        "order a DVV test system-signature certificate (keyUsage digitalSignature, nonRepudiation)",
                    ),
                );
            }
        }
    })
}

/// CERT-KEY: RSA at least 2048 bits, EC at least P-256, no SHA-1 or MD5 signature.
pub(crate) fn check_key(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        let weak_key = match &leaf.key {
            Key::Rsa { bits } => *bits < 2048,
            Key::Ec { bits, .. } => *bits < 256,
            Key::Other(_) => true,
        };
        if weak_key {
            findings.push(
                Finding::new(
                    severity,
                    format!("{who} has a {} key; at least RSA 2048 or EC P-256 is required", leaf.key.describe()),
                )
                .at(at(file))
                .with_help("order a new certificate with an RSA 2048 or 4096 key (DVV)"),
            );
        }
        if leaf.weak_signature {
            findings.push(
                Finding::new(
                    severity,
                    format!("{who} is signed with {}, which is no longer accepted", leaf.signature_algorithm),
                )
                .at(at(file))
                .with_help("order a new certificate; current DVV certificates are signed with SHA-256"),
            );
        }
    })
}

/// CERT-SUBJECT: a subject serialNumber names the declared organisation (or an OID below it);
/// client certificates carry DNS names covering their endpoints; Kanta PHR certificates carry
/// the app OID.
pub(crate) fn check_subject(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let organisation = context.organisation_arc();
    let public_services: Vec<&str> = context
        .catalog
        .services
        .iter()
        .filter(|service| service.public_source_ips)
        .map(|service| service.id.as_str())
        .collect();
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        match (&leaf.subject_serial_number, &organisation) {
            (Some(serial), Some(organisation)) => match Oid::parse(serial) {
                Ok(oid) if oid.is_at_or_below(organisation) => {}
                _ => findings.push(
                    Finding::new(
                        severity,
                        format!(
                            "{who} has subject serialNumber `{serial}`, which is not the organisation's OID `{}` or below it",
                            organisation.as_str()
                        ),
                    )
                    .at(at(file))
                    .with_help("order the certificate with your organisation's or system's OID in serialNumber"),
                ),
            },
            (None, _) if file.services.iter().any(|service| public_services.contains(&service.as_str())) => findings.push(
                Finding::new(severity, format!("{who} has no subject serialNumber; Kanta PHR identifies the app by the OID there"))
                    .at(at(file))
                    .with_help("order the certificate with the app's OID in the subject serialNumber"),
            ),
            _ => {}
        }
        if file.roles.contains(&Role::Client) {
            if leaf.dns_names.is_empty() {
                findings.push(
                    Finding::new(
                        severity,
                        format!("{who} has no DNS name (subjectAltName); DVV server certificates must have one"),
                    )
                    .at(at(file))
                    .with_help("order a test server certificate for the endpoint's DNS name"),
                );
                return;
            }
            for (endpoint, host) in &file.endpoints {
                let Some(host) = host else { continue };
                // A sandbox host is ACCESS-ENVIRONMENT's: no certificate should be for it.
                if context.is_sandbox_host(host) {
                    continue;
                }
                if host.parse::<std::net::IpAddr>().is_ok() {
                    findings.push(
                        Finding::new(
                            severity,
                            format!(
                                "endpoint `{endpoint}` is an IP address ({host}); DVV certificates name DNS hosts only"
                            ),
                        )
                        .at(at(file))
                        .with_help("use the DNS name the certificate was ordered for in the endpoint url"),
                    );
                } else if verify_name(&leaf.der, host).is_err() {
                    findings.push(
                        Finding::new(
                            severity,
                            format!(
                                "{who} does not cover `{host}` of endpoint `{endpoint}`; its DNS names are {}",
                                leaf.dns_names.join(", ")
                            ),
                        )
                        .at(at(file))
                        .with_help("use the certificate ordered for this host, or correct the endpoint url"),
                    );
                }
            }
        }
    })
}

/// CERT-CHAIN: each end-entity certificate chains to the trust anchors of `ca_bundle` at `--now`
/// for its usage (clientAuth for endpoints).
pub(crate) fn check_chain(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let now = context.now;
    let Ok(all) = context.certificates() else {
        return per_end_entity(context, |_, _, _| {});
    };
    let bundle = all.iter().find(|file| file.roles.contains(&Role::Anchors));
    let authorities: Option<&[Certificate]> = bundle.and_then(|file| file.certificates.as_deref().ok());
    per_end_entity(context, |file, leaf, findings| {
        let Some(authorities) = authorities else {
            findings.push(
                Finding::new(
                    severity,
                    format!(
                        "{}: ca_bundle is not readable, so the chain cannot be checked (see CERT-PARSE)",
                        file.describe(leaf)
                    ),
                )
                .at(at(file)),
            );
            return;
        };
        let roots: Vec<&[u8]> = authorities.iter().filter(|ca| ca.self_issued).map(|ca| ca.der.as_slice()).collect();
        let anchors: Vec<&[u8]> =
            if roots.is_empty() { authorities.iter().map(|ca| ca.der.as_slice()).collect() } else { roots };
        let mut intermediates: Vec<&[u8]> = file
            .certificates
            .as_deref()
            .unwrap_or_default()
            .iter()
            .skip(1)
            .map(|certificate| certificate.der.as_slice())
            .collect();
        intermediates.extend(authorities.iter().filter(|ca| !ca.self_issued).map(|ca| ca.der.as_slice()));
        let usage = if file.roles.contains(&Role::Client) { Usage::ClientAuth } else { Usage::Signing };
        if let Err(reason) = verify_chain(&leaf.der, &intermediates, &anchors, now, usage) {
            let purpose = if usage == Usage::ClientAuth { "mutual TLS (clientAuth)" } else { "signing" };
            findings.push(
                Finding::new(
                    severity,
                    format!("{} does not validate to ca_bundle for {purpose}: {reason}", file.describe(leaf)),
                )
                .at(at(file))
                .with_help(
                    "put the DVV test root in ca_bundle and the intermediate CA after the certificate in its PEM file",
                ),
            );
        }
    })
}
