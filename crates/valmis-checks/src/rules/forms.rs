//! BUNDLE-FORMS: the forms each declared service needs, recognised by the catalog's file name
//! patterns. One outcome per form, so a reviewer sees each by name.

use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let lang = context.lang.as_str();
    let declared = context.declared_services();
    if declared.is_empty() {
        let reason = match context.manifest() {
            Ok(_) => t!(lang, "forms-no-service-skip"),
            Err(reason) => reason,
        };
        return vec![SubjectResult::bundle_wide(Some("forms"), Verdict::Skipped(reason))];
    }
    let mut needed: Vec<(&str, Vec<&str>)> = Vec::new();
    for service_id in &declared {
        let Some(service) = context.catalog.service(service_id) else { continue };
        for form in &service.forms {
            match needed.iter_mut().find(|(id, _)| id == form) {
                Some((_, services)) => services.push(service_id),
                None => needed.push((form.as_str(), vec![service_id])),
            }
        }
    }
    needed
        .into_iter()
        .filter_map(|(form_id, services)| {
            let form = context.catalog.form(form_id)?;
            let matches: Vec<&str> = context
                .bundle
                .files()
                .map(|entry| entry.path.as_str())
                // A name written decomposed (NFD) is still the form; BUNDLE-HYGIENE reports it.
                // An ASCII name is already NFC.
                .filter(|path| {
                    use unicode_normalization::UnicodeNormalization as _;
                    form.matcher.is_match(path)
                        || (!path.is_ascii() && form.matcher.is_match(path.nfc().collect::<String>()))
                })
                .collect();
            let verdict = if !matches.is_empty() {
                Verdict::Checked(Vec::new())
            } else {
                Verdict::Checked(vec![
                    Finding::said(
                        requirement.severity,
                        said!(lang, "forms-missing", form = &form.title, services = services.join(", ")),
                    )
                    .at(Location::file("forms/"))
                    .with_help(t!(
                        lang,
                        "forms-missing-help",
                        patterns = form.patterns.join(&format!(" {} ", t!(lang, "word-or")))
                    )),
                ])
            };
            Some(SubjectResult::about(form_id, Some(matches.first().copied().unwrap_or("forms")), None, verdict))
        })
        .collect()
}
