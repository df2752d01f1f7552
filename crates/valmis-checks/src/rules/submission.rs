//! SUBMISSION-KIND: the manifest's `kind` and `role` and the sections that belong to them agree.
//! A customer organisation has `[customer]` (and `plan/`, which PLAN-TEST-PLAN judges); a change
//! notification has `[change]` with every key it needs and is a vendor's; no section or folder of
//! another kind or role is there.

use toml::de::DeValue;
use valmis_model::{Finding, Location, Requirement, Role, SubmissionKind};

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
                "a customer organisation's manifest has no [customer] section",
                Some(
                    "add [customer] with purpose = \"co-testing\", \"independent-testing\" or \"change-testing\""
                        .to_owned(),
                ),
            ),
            Some(span) if manifest.value(&["customer", "purpose"]).is_none() => {
                evaluation.fail(Some(span.clone()), "[customer] has no `purpose`", Some(
                    "say what you join for: purpose = \"co-testing\", \"independent-testing\" or \"change-testing\"".to_owned(),
                ));
            }
            Some(_) => {}
        },
        Role::Vendor => {
            if let Some(span) = &customer {
                evaluation.fail(
                    Some(span.clone()),
                    "[customer] belongs to role = \"customer-organisation\", and this submission is a vendor's",
                    Some(
                        "remove [customer], or set role = \"customer-organisation\" if you join as a care provider"
                            .to_owned(),
                    ),
                );
            }
            if let Some(plan) = context.bundle.files_under("plan").next() {
                evaluation.push(
                    Finding::new(
                        requirement.severity,
                        format!(
                            "`{}`: plan/ holds a customer organisation's test plan, and this submission is a vendor's",
                            plan.path
                        ),
                    )
                    .at(Location::file(plan.path.as_str()))
                    .with_help("remove plan/, or set role = \"customer-organisation\" if you join as a care provider"),
                );
            }
        }
    }

    match kind {
        SubmissionKind::ChangeNotification => {
            if role == Role::CustomerOrganisation {
                evaluation.fail(
                    kind_span.clone(),
                    "a change notification is a vendor's, for a certified system; this submission's role is customer-organisation",
                    Some("a customer organisation sends a registration (with its test plan) or an access application".to_owned()),
                );
            }
            match &change {
                None => evaluation.fail(
                    kind_span.clone(),
                    "a change notification has no [change] section",
                    Some(format!(
                        "describe the change in [change]: {}, and planned_testing = {{ start = DATE, end = DATE }} when co-testing is needed",
                        CHANGE_KEYS.join(", ")
                    )),
                ),
                Some(span) => {
                    for key in CHANGE_KEYS {
                        if manifest.value(&["change", key]).is_none() {
                            evaluation.fail(Some(span.clone()), format!("[change] has no `{key}`"), None);
                        }
                    }
                    let co_testing = manifest.value(&["change", "co_testing_needed"]).map(|value| value.get_ref());
                    if matches!(co_testing, Some(DeValue::Boolean(true)))
                        && manifest.value(&["change", "planned_testing"]).is_none()
                    {
                        evaluation.fail(
                            Some(span.clone()),
                            "[change] says co-testing is needed but has no `planned_testing`",
                            Some("add planned_testing = { start = 2027-02-01, end = 2027-02-26 }: the days you plan to co-test".to_owned()),
                        );
                    }
                }
            }
        }
        SubmissionKind::Registration | SubmissionKind::AccessApplication => {
            if let Some(span) = &change {
                evaluation.fail(
                    Some(span.clone()),
                    format!(
                        "[change] belongs to kind = \"change-notification\", and this submission is a{} {}",
                        if kind == SubmissionKind::AccessApplication { "n" } else { "" },
                        kind.as_str()
                    ),
                    Some(
                        "remove [change], or set kind = \"change-notification\" if you notify Kela of a change"
                            .to_owned(),
                    ),
                );
            }
        }
    }
    evaluation.finish()
}
