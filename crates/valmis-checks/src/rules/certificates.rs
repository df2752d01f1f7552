//! The CERT requirements over the certificates connection.toml references: the trust anchors
//! (`ca_bundle`), each endpoint's client certificate (a DVV test server certificate presented in
//! mutual TLS) and the system-signature certificate. One outcome per certificate file; every
//! finding names the file, the certificate's subject and the offending field, and says what to do.

use jiff::Timestamp;
use valmis_i18n::{said, t};
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
    let lang = context.lang.as_str();
    let mut results = Vec::new();
    for file in files.iter().filter(|file| file.is_end_entity()) {
        match file.leaf() {
            None => results.push(SubjectResult::about(
                &file.path,
                Some(&file.path),
                None,
                Verdict::Skipped(t!(lang, "cert-unreadable-skip")),
            )),
            Some(leaf) => {
                let mut findings = Vec::new();
                check(file, leaf, &mut findings);
                results.push(result(file, findings));
            }
        }
    }
    if results.is_empty() {
        results.push(SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Skipped(t!(lang, "cert-none-skip"))));
    }
    results
}

/// CERT-PARSE: every referenced file is a certificate; PEM and DER copies of one agree.
pub(crate) fn check_parse(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
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
                    Finding::said(severity, message.said(lang)).at(at(file)).with_help(t!(lang, "cert-parse-help")),
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
    let lang = context.lang.as_str();
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
                    Finding::said(
                        severity,
                        said!(
                            lang,
                            "cert-copies-differ",
                            path = file.path.as_str(),
                            sibling = sibling.as_str(),
                            first = first.name(),
                            other = other.name()
                        ),
                    )
                    .at(at(file))
                    .with_help(t!(lang, "cert-copies-differ-help")),
                );
            }
            None => {
                return Some(
                    Finding::said(
                        severity,
                        said!(lang, "cert-copy-not-certificate", sibling = sibling.as_str(), path = file.path.as_str()),
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
    let lang = context.lang.as_str();
    let round = &context.catalog.round;
    let now = context.now;
    let margin_end =
        now.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(round.certificate_expiry_margin_days))).ok();
    let round_end = round.ends.to_zoned(jiff::tz::TimeZone::UTC).map(|end| end.timestamp()).ok();
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        if leaf.not_before > now {
            findings.push(
                Finding::said(
                    severity,
                    said!(lang, "cert-not-yet-valid", who = who.as_str(), date = date(leaf.not_before)),
                )
                .at(at(file)),
            );
        } else if leaf.not_after < now {
            findings.push(
                Finding::said(severity, said!(lang, "cert-expired", who = who.as_str(), date = date(leaf.not_after)))
                    .at(at(file))
                    .with_help(t!(lang, "cert-expired-help")),
            );
        } else if margin_end.is_some_and(|end| leaf.not_after < end) {
            findings.push(
                Finding::said(
                    Severity::Warning,
                    said!(
                        lang,
                        "cert-expires-soon",
                        who = who.as_str(),
                        date = date(leaf.not_after),
                        days = round.certificate_expiry_margin_days
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-expires-soon-help")),
            );
        } else if round_end.is_some_and(|end| leaf.not_after < end) {
            findings.push(
                Finding::said(
                    Severity::Warning,
                    said!(
                        lang,
                        "cert-expires-in-round",
                        who = who.as_str(),
                        date = date(leaf.not_after),
                        round = round.id.as_str(),
                        ends = round.ends.to_string()
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-expires-in-round-help")),
            );
        }
        let (kind, maximum) = if file.roles.contains(&Role::Client) {
            ("server", round.server_certificate_max_days)
        } else {
            ("signing", round.signing_certificate_max_days)
        };
        if leaf.validity_days() > i64::from(maximum) {
            findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "cert-too-long",
                        who = who.as_str(),
                        days = leaf.validity_days(),
                        from = date(leaf.not_before),
                        to = date(leaf.not_after),
                        kind = kind,
                        maximum = maximum
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-too-long-help")),
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
    let lang = context.lang.as_str();
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
            findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "cert-professional",
                        who = who.as_str(),
                        issuer = issuer,
                        unit = unit,
                        person = if leaf.subject_names_a_person { "yes" } else { "no" },
                        production = if production { "yes" } else { "no" }
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-professional-help")),
            );
        } else if production || dvv_style(issuer, &leaf.issuer) == Some(false) {
            findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "cert-production",
                        who = who.as_str(),
                        issuer = issuer,
                        how = if production { "listed" } else { "named" }
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-production-help")),
            );
        } else if !(ca_listed(&round.test_ca_names, issuer) || (dvv_test && ca_listed(&round.test_ca_units, unit))) {
            let known = round.test_ca_names.join(", ");
            let hint = if dvv_style(issuer, &leaf.issuer) == Some(true) {
                t!(lang, "cert-unknown-ca-dvv-help", issuer = issuer, known = known)
            } else {
                t!(lang, "cert-unknown-ca-help", known = known)
            };
            findings.push(
                Finding::said(
                    severity,
                    said!(lang, "cert-unknown-ca", who = who.as_str(), issuer = issuer, round = round.id.as_str()),
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
    let lang = context.lang.as_str();
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        if leaf.is_ca {
            findings.push(
                Finding::said(severity, said!(lang, "cert-is-ca", who = who.as_str()))
                    .at(at(file))
                    .with_help(t!(lang, "cert-is-ca-help")),
            );
        }
        if file.roles.contains(&Role::Client) && !leaf.allows("clientAuth") {
            let usages = leaf.extended_key_usage.as_deref().unwrap_or_default().join(", ");
            findings.push(
                Finding::said(severity, said!(lang, "cert-no-client-auth", who = who.as_str(), usages = usages))
                    .at(at(file))
                    .with_help(t!(lang, "cert-no-client-auth-help")),
            );
        }
        if file.roles.contains(&Role::Signing) {
            let digital_signature =
                leaf.key_usage.as_ref().is_some_and(|usages| usages.iter().any(|usage| usage == "digitalSignature"));
            if !digital_signature {
                let usages =
                    leaf.key_usage.as_ref().map_or_else(|| t!(lang, "cert-usage-absent"), |usages| usages.join(", "));
                findings.push(
                    Finding::said(
                        severity,
                        said!(
                            lang,
                            "cert-cannot-sign",
                            who = who.as_str(),
                            usages = usages,
                            person = if leaf.subject_names_a_person { "yes" } else { "no" }
                        ),
                    )
                    .at(at(file))
                    .with_help(t!(lang, "cert-cannot-sign-help")),
                );
            }
        }
    })
}

/// CERT-KEY: RSA at least 2048 bits, EC at least P-256, no SHA-1 or MD5 signature.
pub(crate) fn check_key(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    per_end_entity(context, |file, leaf, findings| {
        let who = file.describe(leaf);
        let weak_key = match &leaf.key {
            Key::Rsa { bits } => *bits < 2048,
            Key::Ec { bits, .. } => *bits < 256,
            Key::Other(_) => true,
        };
        if weak_key {
            findings.push(
                Finding::said(severity, said!(lang, "cert-weak-key", who = who.as_str(), key = leaf.key.describe()))
                    .at(at(file))
                    .with_help(t!(lang, "cert-weak-key-help")),
            );
        }
        if leaf.weak_signature {
            findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "cert-weak-signature",
                        who = who.as_str(),
                        algorithm = leaf.signature_algorithm.as_str()
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-weak-signature-help")),
            );
        }
    })
}

/// CERT-SUBJECT: a subject serialNumber names the declared organisation (or an OID below it);
/// client certificates carry DNS names covering their endpoints; Kanta PHR certificates carry
/// the app OID.
pub(crate) fn check_subject(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
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
                    Finding::said(
                        severity,
                        said!(
                            lang,
                            "cert-serial-not-organisation",
                            who = who.as_str(),
                            serial = serial.as_str(),
                            organisation = organisation.as_str()
                        ),
                    )
                    .at(at(file))
                    .with_help(t!(lang, "cert-serial-not-organisation-help")),
                ),
            },
            (None, _) if file.services.iter().any(|service| public_services.contains(&service.as_str())) => findings
                .push(
                    Finding::said(severity, said!(lang, "cert-no-serial", who = who.as_str()))
                        .at(at(file))
                        .with_help(t!(lang, "cert-no-serial-help")),
                ),
            _ => {}
        }
        if file.roles.contains(&Role::Client) {
            if leaf.dns_names.is_empty() {
                findings.push(
                    Finding::said(severity, said!(lang, "cert-no-dns", who = who.as_str()))
                        .at(at(file))
                        .with_help(t!(lang, "cert-no-dns-help")),
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
                        Finding::said(
                            severity,
                            said!(lang, "cert-endpoint-ip", endpoint = endpoint.as_str(), host = host.as_str()),
                        )
                        .at(at(file))
                        .with_help(t!(lang, "cert-endpoint-ip-help")),
                    );
                } else if verify_name(&leaf.der, host).is_err() {
                    findings.push(
                        Finding::said(
                            severity,
                            said!(
                                lang,
                                "cert-host-not-covered",
                                who = who.as_str(),
                                host = host.as_str(),
                                endpoint = endpoint.as_str(),
                                names = leaf.dns_names.join(", ")
                            ),
                        )
                        .at(at(file))
                        .with_help(t!(lang, "cert-host-not-covered-help")),
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
    let lang = context.lang.as_str();
    let now = context.now;
    let Ok(all) = context.certificates() else {
        return per_end_entity(context, |_, _, _| {});
    };
    let bundle = all.iter().find(|file| file.roles.contains(&Role::Anchors));
    let authorities: Option<&[Certificate]> = bundle.and_then(|file| file.certificates.as_deref().ok());
    per_end_entity(context, |file, leaf, findings| {
        let Some(authorities) = authorities else {
            findings.push(
                Finding::said(severity, said!(lang, "cert-chain-no-anchors", who = file.describe(leaf))).at(at(file)),
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
        if let Err(error) = verify_chain(&leaf.der, &intermediates, &anchors, now, usage) {
            let reason = match &error {
                valmis_pki::VerifyError::Refused(reason) => reason.render(lang),
                other => other.to_string(),
            };
            findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "cert-chain",
                        who = file.describe(leaf),
                        purpose = if usage == Usage::ClientAuth { "client" } else { "signing" },
                        reason = reason
                    ),
                )
                .at(at(file))
                .with_help(t!(lang, "cert-chain-help")),
            );
        }
    })
}
