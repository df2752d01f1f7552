//! The ACCESS requirements: what Kela needs to open connections for an access application
//! (ACCESS-CONNECTION), and the environment a submission targets (ACCESS-ENVIRONMENT): the one
//! its kind, role and purpose call for, never production, never the Kanta PHR sandbox.

use valmis_model::{Finding, Requirement, Role, SubmissionKind};

use super::kit::{Evaluation, submission};
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::connection::CONNECTION;
use crate::inputs::names::names_production;

const CUSTOMER_TEST: &str = "asiakastesti";
const PRODUCTION_IMAGE: &str = "tuotannonkuva";

/// ACCESS-CONNECTION: an access application gives every endpoint (one at least for each declared
/// service), and the source IP addresses Kela opens the connections from. The certificates'
/// files are CERT-PARSE's; the addresses' form is CONN-SOURCE-IPS's.
pub(crate) fn check_connection(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let (connection, source) = match context.connection_parsed() {
        Ok(parsed) => parsed,
        Err(reason) => return vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Skipped(reason))],
    };
    let severity = requirement.severity;
    let mut findings = Vec::new();
    let whole = source.locate(0..0);
    if connection.endpoints.is_empty() {
        findings.push(
            Finding::new(
                severity,
                "connection.toml has no [[endpoint]]: an access application gives every endpoint Kela connects to",
            )
            .at(whole.clone())
            .with_help("add an [[endpoint]] with name, service, url and client_certificate for each service"),
        );
    } else {
        for service in context.declared_services() {
            if !connection.endpoints.iter().any(|endpoint| endpoint.get_ref().service.get_ref() == service) {
                findings.push(
                    Finding::new(
                        severity,
                        format!("declared service `{service}` has no [[endpoint]] in connection.toml"),
                    )
                    .at(whole.clone())
                    .with_help("an access application is made per service: give the endpoint, its url and its client certificate"),
                );
            }
        }
    }
    let addresses = connection.network.as_ref().map(|network| &network.get_ref().source_ips);
    if addresses.is_none_or(Vec::is_empty) {
        let at = connection.network.as_ref().map_or(whole, |network| source.locate(network.span()));
        findings.push(
            Finding::new(
                severity,
                "connection.toml gives no source IP addresses: Kela opens the connections from them",
            )
            .at(at)
            .with_help("list them under [network] source_ips = [\"203.0.113.10\"]"),
        );
    }
    vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(findings))]
}

/// The environments a submission may target, and why.
fn allowed(kind: SubmissionKind, role: Role, purpose: Option<&str>) -> Option<(&'static str, String)> {
    match (kind, role, purpose) {
        (SubmissionKind::Registration, Role::Vendor, _) => Some((
            CUSTOMER_TEST,
            "a vendor's registration is co-tested in the customer test environment (asiakastesti)".to_owned(),
        )),
        (_, Role::CustomerOrganisation, Some("independent-testing")) => Some((
            PRODUCTION_IMAGE,
            "a customer organisation joining for independent testing uses the production image (tuotannonkuva)"
                .to_owned(),
        )),
        (_, Role::CustomerOrganisation, Some(purpose @ ("co-testing" | "change-testing"))) => Some((
            CUSTOMER_TEST,
            format!("a customer organisation joining for {purpose} uses the customer test environment (asiakastesti)"),
        )),
        // A vendor's access application may be to either test environment; a change
        // notification names no target; an unknown purpose is BUNDLE-MANIFEST's.
        _ => None,
    }
}

/// ACCESS-ENVIRONMENT: the manifest's environment is the one the submission's kind, role and
/// purpose call for, and never production; connection.toml agrees with it; no endpoint is in the
/// Kanta PHR sandbox.
pub(crate) fn check_environment(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let (manifest, kind, role) = match submission(context) {
        Ok(submission) => submission,
        Err(results) => return results,
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let environment = evaluation.read(manifest.string(&["system", "environment"]));
    let purpose = manifest.string(&["customer", "purpose"]).ok().flatten().map(|(purpose, _)| purpose);
    if let Some((value, span)) = &environment {
        if names_production(value) {
            evaluation.fail(
                Some(span.clone()),
                format!(
                    "`system.environment` `{value}` is production: a co-testing submission never targets production"
                ),
                Some(format!(
                    "use {CUSTOMER_TEST} (the customer test environment) or {PRODUCTION_IMAGE} (the production image)"
                )),
            );
        } else if let Some((expected, why)) = allowed(kind, role, purpose)
            && *value != expected
            && [CUSTOMER_TEST, PRODUCTION_IMAGE].contains(value)
        {
            evaluation.fail(Some(span.clone()), format!("`system.environment` is `{value}`, but {why}"), None);
        }
    }
    if let Ok((connection, source)) = context.connection_parsed() {
        let stated = connection.environment.get_ref().as_str();
        if let Some((value, _)) = &environment
            && *value != stated
            && [CUSTOMER_TEST, PRODUCTION_IMAGE].contains(value)
            && [CUSTOMER_TEST, PRODUCTION_IMAGE].contains(&stated)
        {
            evaluation.push(
                Finding::new(
                    requirement.severity,
                    format!("connection.toml's environment `{stated}` is not the manifest's `{value}`"),
                )
                .at(source.locate(connection.environment.span()))
                .with_help("one submission targets one environment: correct the one that is wrong"),
            );
        }
        for endpoint in &connection.endpoints {
            let endpoint = endpoint.get_ref();
            let Some(host) =
                url::Url::parse(endpoint.url.get_ref().trim()).ok().and_then(|url| url.host_str().map(str::to_owned))
            else {
                continue;
            };
            if context.is_sandbox_host(&host) {
                evaluation.push(
                    Finding::new(
                        requirement.severity,
                        format!(
                            "endpoint `{}` is in the Kanta PHR sandbox ({host}): the sandbox is for an app's own development, open and shared, never a {} target",
                            endpoint.name.get_ref(),
                            kind.as_str()
                        ),
                    )
                    .at(source.locate(endpoint.url.span()))
                    .with_help("give the address of the customer test environment Kela opens for you"),
                );
            }
        }
    }
    evaluation.finish()
}
