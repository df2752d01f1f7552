//! BUNDLE-DEADLINE: `submitted` no later than the round's registration deadline (round start
//! minus the catalog's lead time).

use toml::de::DeValue;
use valmis_i18n::{said, t};
use valmis_model::{Requirement, Severity};

use super::kit::{Evaluation, MANIFEST, without_manifest};
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::manifest::{Field, Shape};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let lang = context.lang.as_str();
    if !context.round_known {
        return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Skipped(t!(lang, "deadline-no-round-skip")))];
    }
    let mut evaluation = Evaluation::new(context, requirement);
    let round = &context.catalog.round;
    match manifest.get(&["submitted"], Shape::Date) {
        Field::Missing => {
            evaluation.fail(None, said!(lang, "deadline-no-submitted"), Some(t!(lang, "deadline-no-submitted-help")))
        }
        Field::WrongType => evaluation.wrong_type("submitted"),
        Field::Present(value) => {
            let Some(date) = (match value.get_ref() {
                DeValue::Datetime(datetime) => valmis_model::dates::date_part(datetime).ok(),
                _ => None,
            }) else {
                evaluation.fail(Some(value.span()), said!(lang, "deadline-not-a-date"), None);
                return evaluation.finish();
            };
            if date > round.registration_deadline {
                evaluation.fail(
                    Some(value.span()),
                    said!(
                        lang,
                        "deadline-late",
                        date = date.to_string(),
                        deadline = round.registration_deadline.to_string(),
                        round = &round.id,
                        starts = round.starts.to_string(),
                        months = round.registration_months_before_start
                    ),
                    None,
                );
            }
            let today = context.now.to_zoned(jiff::tz::TimeZone::UTC).date();
            if date > today {
                let message = said!(lang, "deadline-future", date = date.to_string(), today = today.to_string());
                evaluation.report(Severity::Warning, Some(value.span()), message, None);
            }
        }
    }
    evaluation.finish()
}
