//! SUBMISSION-KIND: the manifest's `kind` and `role` and the sections that belong to them agree.
//! A customer organisation has `[customer]` (and `plan/`, which PLAN-TEST-PLAN judges); a change
//! notification has `[change]` with every key it needs and is a vendor's; no section or folder of
//! another kind or role is there.

use toml::de::DeValue;
use valmis_model::{Finding, Location, Requirement, Role, SubmissionKind};

use valmis_i18n::{said, t};

use super::kit::{Evaluation, submission};
use crate::context::{Context, SubjectResult};

/// The keys of `[change]` every change notification gives (planned_testing only when co-testing
/// is needed).
const CHANGE_KEYS: [&str; 5] =
    ["certified_version", "new_version", "affected_services", "summary", "co_testing_needed"];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let (manifest, kind, role) = match submission(context) {
        Ok(submission) => submission,
        Err(results) => return results,
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let lang = context.lang.as_str();
    // Where a finding about the submission as a whole points: its `kind`, else its `role`, else
    // the start of the manifest.
    let kind_span = manifest.span_of(&["kind"]);
    let role_span = manifest.span_of(&["role"]);
    let customer = manifest.span_of(&["customer"]);
    let change = manifest.span_of(&["change"]);

    match role {
        Role::CustomerOrganisation => match &customer {
            None => evaluation.fail(
                role_span.clone(),
                said!(lang, "kind-customer-no-section"),
                Some(t!(lang, "kind-customer-no-section-help")),
            ),
            Some(span) if manifest.value(&["customer", "purpose"]).is_none() => evaluation.fail(
                Some(span.clone()),
                said!(lang, "kind-customer-no-purpose"),
                Some(t!(lang, "kind-customer-no-purpose-help")),
            ),
            Some(_) => {}
        },
        Role::Vendor => {
            if let Some(span) = &customer {
                evaluation.fail(
                    Some(span.clone()),
                    said!(lang, "kind-vendor-customer-section"),
                    Some(t!(lang, "kind-vendor-help-remove-customer")),
                );
            }
            if let Some(plan) = context.bundle.files_under("plan").next() {
                evaluation.push(
                    Finding::said(requirement.severity, said!(lang, "kind-vendor-plan", path = &plan.path))
                        .at(Location::file(plan.path.as_str()))
                        .with_help(t!(lang, "kind-vendor-help-remove-plan")),
                );
            }
        }
    }

    match kind {
        SubmissionKind::ChangeNotification => {
            if role == Role::CustomerOrganisation {
                evaluation.fail(
                    kind_span.clone(),
                    said!(lang, "kind-change-by-customer"),
                    Some(t!(lang, "kind-change-by-customer-help")),
                );
            }
            match &change {
                None => evaluation.fail(
                    kind_span.clone(),
                    said!(lang, "kind-change-no-section"),
                    Some(t!(lang, "kind-change-no-section-help", keys = CHANGE_KEYS.join(", "))),
                ),
                Some(span) => {
                    for key in CHANGE_KEYS {
                        if manifest.value(&["change", key]).is_none() {
                            evaluation.fail(Some(span.clone()), said!(lang, "kind-change-no-key", key = key), None);
                        }
                    }
                    let co_testing = manifest.value(&["change", "co_testing_needed"]).map(|value| value.get_ref());
                    if matches!(co_testing, Some(DeValue::Boolean(true)))
                        && manifest.value(&["change", "planned_testing"]).is_none()
                    {
                        evaluation.fail(
                            Some(span.clone()),
                            said!(lang, "kind-change-no-planned"),
                            Some(t!(lang, "kind-change-no-planned-help")),
                        );
                    }
                }
            }
        }
        SubmissionKind::Registration | SubmissionKind::AccessApplication => {
            if let Some(span) = &change {
                evaluation.fail(
                    Some(span.clone()),
                    said!(lang, "kind-change-section-elsewhere", kind = kind.as_str()),
                    Some(t!(lang, "kind-change-section-elsewhere-help")),
                );
            }
        }
    }
    evaluation.finish()
}
