//! BUNDLE-PATHS: what the bundle reader found unsafe about entry names, kinds and sizes.

use valmis_model::{Finding, Location, Requirement, Severity};

use crate::{Context, SubjectResult, Verdict};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let findings = context
        .bundle
        .path_issues()
        .iter()
        .map(|issue| {
            let severity = if issue.warning_only { Severity::Warning } else { requirement.severity };

            if issue.path.is_empty() {
                Finding::new(severity, format!("bundle refused: {}", issue.message))
            } else {
                Finding::new(severity, format!("entry `{}` {}", issue.path, issue.message))
                    .at(Location::file(issue.path.clone()))
            }
        })
        .collect();
    vec![SubjectResult::bundle_wide(Some(""), Verdict::Checked(findings))]
}
