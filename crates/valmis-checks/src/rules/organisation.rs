//! BUNDLE-ORG: the business id's check digit, the organisation OID under
//! `1.2.246.10.<business id>` (JHS 159), and the test organisations the vendor writes documents
//! for (`test_organisations`, OIDs Kela assigns in the customer test environment).

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
    let mut evaluation = Evaluation::new(context, requirement);
    if !manifest.has_table(&["organisation"]) && manifest.value(&["organisation"]).is_none() {
        evaluation.fail(
            None,
            "manifest has no [organisation] table",
            Some("add [organisation] with name, business_id and oid".to_owned()),
        );
        return evaluation.finish();
    }
    let table_span = manifest.span_of(&["organisation"]);
    match evaluation.required(manifest, &["organisation", "name"], table_span.clone(), "[organisation] has no `name`") {
        Some((name, span)) if name.trim().is_empty() => evaluation.fail(Some(span), "organisation name is empty", None),
        Some((name, span)) if is_placeholder(name) => {
            evaluation.fail(Some(span), format!("organisation name is still the template placeholder `{name}`"), None);
        }
        _ => {}
    }

    let business_id = match evaluation.required(
        manifest,
        &["organisation", "business_id"],
        table_span.clone(),
        "[organisation] has no `business_id` (Y-tunnus, e.g. 1234567-1)",
    ) {
        Some((text, span)) => match BusinessId::parse(text.trim()) {
            Ok(id) => Some(id),
            Err(error) => {
                evaluation.fail(Some(span), format!("business id `{text}` is not valid: {error}"), None);
                None
            }
        },
        None => None,
    };

    let missing_oid = "[organisation] has no `oid` (1.2.246.10.<business id digits>)";
    if let Some((text, span)) = evaluation.required(manifest, &["organisation", "oid"], table_span, missing_oid) {
        match Oid::parse(text.trim()) {
            Err(error) => {
                evaluation.fail(Some(span), format!("organisation OID `{text}` is not a valid OID: {error}"), None)
            }
            Ok(oid) => {
                if let Some(business_id) = business_id {
                    let arc_text = business_id.organisation_oid();
                    let arc = Oid::parse(&arc_text).ok();
                    if arc.as_ref().is_some_and(|arc| !oid.is_at_or_below(arc)) {
                        evaluation.fail(
                            Some(span),
                            format!("organisation OID `{oid}` is not at or below `{arc_text}`, the arc of business id {business_id}"),
                            Some(format!("use `{arc_text}` or an OID registered below it")),
                        );
                    }
                }
            }
        }
    }
    test_organisations(manifest, &mut evaluation);
    evaluation.finish()
}

/// `test_organisations`: each a valid OID; one under `1.2.246.10` whose business id has a wrong
/// check digit is a warning (Kela's own samples carry such placeholders).
fn test_organisations(manifest: &crate::inputs::manifest::Manifest<'_>, evaluation: &mut Evaluation<'_>) {
    let path = ["organisation", "test_organisations"];
    if evaluation.read(manifest.get_strings(&path)).is_none() {
        return;
    }
    for (text, span) in manifest.strings(&path) {
        match Oid::parse(text.trim()) {
            Err(error) => evaluation.fail(
                Some(span),
                format!("test organisation `{text}` is not a valid OID: {error}"),
                Some("write the organisation OID Kela assigned, like 1.2.246.10.23456780".to_owned()),
            ),
            Ok(oid) => {
                if let Some((arc, number)) = oid.organisation_arc()
                    && let Err(error) = BusinessId::from_arc_number(number)
                {
                    evaluation.report(
                        Severity::Warning,
                        Some(span),
                        format!("test organisation `{oid}`: arc `{arc}` is not a business id ({error})"),
                        Some("check the OID against what Kela assigned; a placeholder would be refused".to_owned()),
                    );
                }
            }
        }
    }
}
