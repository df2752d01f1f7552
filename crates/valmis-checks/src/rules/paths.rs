//! BUNDLE-PATHS: what the bundle reader found unsafe about entry names, kinds and sizes.

use valmis_bundle::BundleKind;
use valmis_i18n::said;
use valmis_model::{Finding, Location, Requirement, Severity};

use crate::context::{Context, SubjectResult, Verdict};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let lang = context.lang.as_str();
    let findings = context
        .bundle
        .path_issues()
        .iter()
        .map(|issue| {
            let severity = if issue.warning_only { Severity::Warning } else { requirement.severity };
            if issue.path.is_empty() {
                return Finding::said(severity, said!(lang, "path-refused", reason = issue.message.render(lang)));
            }
            let finding = Finding::said(
                severity,
                said!(lang, "path-entry", path = &issue.path, issue = issue.message.render(lang)),
            );
            // A zip entry's raw name is not a bundle path (it may be absolute, or lie outside the
            // bundle's top folder): the message names it exactly, and no location misleads.
            match context.bundle.kind() {
                BundleKind::Directory => finding.at(Location::file(issue.path.clone())),
                BundleKind::Zip => finding,
            }
        })
        .collect();
    vec![SubjectResult::bundle_wide(Some(""), Verdict::Checked(findings))]
}
