//! The ACCESS requirements: what Kela needs to open connections for an access application
//! (ACCESS-CONNECTION), and the environment a submission targets (ACCESS-ENVIRONMENT): the one
//! its kind, role and purpose call for, never production, never the Kanta PHR sandbox.

use valmis_i18n::{said, t};
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
    let lang = context.lang.as_str();
    let mut findings = Vec::new();
    let whole = source.locate(0..0);
    if connection.endpoints.is_empty() {
        findings.push(
            Finding::said(severity, said!(lang, "access-no-endpoint"))
                .at(whole.clone())
                .with_help(t!(lang, "access-no-endpoint-help")),
        );
    } else {
        for service in context.declared_services() {
            let serves = |endpoint: &toml::Spanned<crate::inputs::connection::RawEndpoint>| {
                context.catalog.service(endpoint.get_ref().service.get_ref()).is_some_and(|known| known.id == service)
            };
            if !connection.endpoints.iter().any(serves) {
                findings.push(
                    Finding::said(severity, said!(lang, "access-service-no-endpoint", service = service))
                        .at(whole.clone())
                        .with_help(t!(lang, "access-service-no-endpoint-help")),
                );
            }
        }
    }
    let addresses = connection.network.as_ref().map(|network| &network.get_ref().source_ips);
    if addresses.is_none_or(Vec::is_empty) {
        let at = connection.network.as_ref().map_or(whole, |network| source.locate(network.span()));
        findings.push(
            Finding::said(severity, said!(lang, "access-no-source-ips"))
                .at(at)
                .with_help(t!(lang, "access-no-source-ips-help")),
        );
    }
    vec![SubjectResult::bundle_wide(Some(CONNECTION), Verdict::Checked(findings))]
}

/// Why a submission must target one environment.
#[derive(Debug, Clone, Copy)]
enum Because<'p> {
    VendorRegistration,
    CustomerIndependent,
    CustomerTest(&'p str),
}

/// The environment a submission must target, and why; `None` when either test environment will
/// do (a vendor's access application), none is named (a change notification) or the purpose is
/// unknown (BUNDLE-MANIFEST's).
fn required(kind: SubmissionKind, role: Role, purpose: Option<&str>) -> Option<(&'static str, Because<'_>)> {
    match (kind, role, purpose) {
        (SubmissionKind::Registration, Role::Vendor, _) => Some((CUSTOMER_TEST, Because::VendorRegistration)),
        (_, Role::CustomerOrganisation, Some("independent-testing")) => {
            Some((PRODUCTION_IMAGE, Because::CustomerIndependent))
        }
        (_, Role::CustomerOrganisation, Some(purpose @ ("co-testing" | "change-testing"))) => {
            Some((CUSTOMER_TEST, Because::CustomerTest(purpose)))
        }
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
    let lang = context.lang.as_str();
    let mut evaluation = Evaluation::new(context, requirement);
    let environment = evaluation.read(manifest.string(&["system", "environment"]));
    let purpose = manifest.string(&["customer", "purpose"]).ok().flatten().map(|(purpose, _)| purpose);
    if let Some((value, span)) = &environment {
        if names_production(value) {
            evaluation.fail(
                Some(span.clone()),
                said!(lang, "access-env-production", value = *value),
                Some(t!(lang, "access-env-production-help")),
            );
        } else if let Some((expected, because)) = required(kind, role, purpose)
            && *value != expected
            && [CUSTOMER_TEST, PRODUCTION_IMAGE].contains(value)
        {
            let message = match because {
                Because::VendorRegistration => said!(lang, "access-env-vendor-registration", value = *value),
                Because::CustomerIndependent => said!(lang, "access-env-customer-independent", value = *value),
                Because::CustomerTest(purpose) => {
                    said!(lang, "access-env-customer-test", value = *value, purpose = purpose)
                }
            };
            evaluation.fail(Some(span.clone()), message, None);
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
                Finding::said(
                    requirement.severity,
                    said!(lang, "access-env-mismatch", stated = stated, value = *value),
                )
                .at(source.locate(connection.environment.span()))
                .with_help(t!(lang, "access-env-mismatch-help")),
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
                    Finding::said(
                        requirement.severity,
                        said!(
                            lang,
                            "access-sandbox",
                            name = endpoint.name.get_ref(),
                            host = &host,
                            kind = kind.as_str()
                        ),
                    )
                    .at(source.locate(endpoint.url.span()))
                    .with_help(t!(lang, "access-sandbox-help")),
                );
            }
        }
    }
    evaluation.finish()
}
