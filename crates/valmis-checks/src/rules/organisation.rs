//! BUNDLE-ORG: the business id's check digit, the organisation OID under
//! `1.2.246.10.<business id>` (JHS 159), and the test organisations the vendor writes documents
//! for (`test_organisations`, OIDs Kela assigns in the customer test environment).

use valmis_i18n::{said, t};
use valmis_ids::{BusinessId, Oid};
use valmis_model::{Requirement, Severity};

use super::kit::{Evaluation, without_manifest};
use crate::context::{Context, SubjectResult};
use crate::inputs::names::is_placeholder;

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let lang = context.lang.as_str();
    let mut evaluation = Evaluation::new(context, requirement);
    if !manifest.has_table(&["organisation"]) && manifest.value(&["organisation"]).is_none() {
        evaluation.fail(None, said!(lang, "org-missing"), Some(t!(lang, "org-missing-help")));
        return evaluation.finish();
    }
    let table_span = manifest.span_of(&["organisation"]);
    match evaluation.required(manifest, &["organisation", "name"], table_span.clone(), said!(lang, "org-no-name")) {
        Some((name, span)) if name.trim().is_empty() => {
            evaluation.fail(Some(span), said!(lang, "org-name-empty"), None);
        }
        Some((name, span)) if is_placeholder(name) => {
            evaluation.fail(Some(span), said!(lang, "org-name-placeholder", name = name), None);
        }
        _ => {}
    }

    let business_id = match evaluation.required(
        manifest,
        &["organisation", "business_id"],
        table_span.clone(),
        said!(lang, "org-no-business-id"),
    ) {
        // `init` writes `TODO`: said as the placeholder it is, not as a malformed id.
        Some((text, span)) if is_placeholder(text) => {
            evaluation.fail(
                Some(span),
                said!(lang, "org-business-id-placeholder", id = text),
                Some(t!(lang, "org-business-id-placeholder-help")),
            );
            None
        }
        Some((text, span)) => match BusinessId::parse(text.trim()) {
            Ok(id) => Some(id),
            Err(error) => {
                evaluation.fail(
                    Some(span),
                    said!(lang, "org-business-id-invalid", id = text, error = error.message()),
                    None,
                );
                None
            }
        },
        None => None,
    };

    let missing_oid = said!(lang, "org-no-oid");
    if let Some((text, span)) = evaluation.required(manifest, &["organisation", "oid"], table_span, missing_oid) {
        if is_placeholder(text) {
            // With a valid business id, the OID it gives is what to write (or one below it).
            let help = match &business_id {
                Some(id) => t!(lang, "org-oid-not-under-arc-help", arc = id.organisation_oid().as_str()),
                None => t!(lang, "org-oid-placeholder-help"),
            };
            evaluation.fail(Some(span), said!(lang, "org-oid-placeholder", oid = text), Some(help));
        } else {
            oid_under_business_id(lang, &mut evaluation, text, span, business_id.as_ref());
        }
    }
    test_organisations(lang, manifest, &mut evaluation);
    evaluation.finish()
}

/// The organisation OID `text` (at `span`): valid, and at or below the arc of its business id.
fn oid_under_business_id(
    lang: &str,
    evaluation: &mut Evaluation<'_>,
    text: &str,
    span: std::ops::Range<usize>,
    business_id: Option<&BusinessId>,
) {
    match Oid::parse(text.trim()) {
        Err(error) => {
            evaluation.fail(Some(span), said!(lang, "org-oid-invalid", oid = text, error = error.message()), None)
        }
        Ok(oid) => {
            if let Some(business_id) = business_id {
                let arc_text = business_id.organisation_oid();
                let arc = Oid::parse(&arc_text).ok();
                if arc.as_ref().is_some_and(|arc| !oid.is_at_or_below(arc)) {
                    evaluation.fail(
                        Some(span),
                        said!(
                            lang,
                            "org-oid-not-under-arc",
                            oid = oid.as_str(),
                            arc = arc_text.as_str(),
                            business_id = business_id.to_string()
                        ),
                        Some(t!(lang, "org-oid-not-under-arc-help", arc = arc_text.as_str())),
                    );
                }
            }
        }
    }
}

/// `test_organisations`: each a valid OID; one under `1.2.246.10` whose business id has a wrong
/// check digit is a warning (Kela's own samples carry such placeholders).
fn test_organisations(lang: &str, manifest: &crate::inputs::manifest::Manifest<'_>, evaluation: &mut Evaluation<'_>) {
    let path = ["organisation", "test_organisations"];
    if evaluation.read(manifest.get_strings(&path)).is_none() {
        return;
    }
    for (text, span) in manifest.strings(&path) {
        match Oid::parse(text.trim()) {
            Err(error) => evaluation.fail(
                Some(span),
                said!(lang, "org-test-oid-invalid", oid = text, error = error.message()),
                Some(t!(lang, "org-test-oid-invalid-help")),
            ),
            Ok(oid) => {
                if let Some((arc, number)) = oid.organisation_arc()
                    && let Err(error) = BusinessId::from_arc_number(number)
                {
                    evaluation.report(
                        Severity::Warning,
                        Some(span),
                        said!(
                            lang,
                            "org-test-arc-not-business-id",
                            oid = oid.as_str(),
                            arc = arc.as_str(),
                            error = error.message()
                        ),
                        Some(t!(lang, "org-test-arc-not-business-id-help")),
                    );
                }
            }
        }
    }
}
