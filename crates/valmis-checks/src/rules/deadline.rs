//! BUNDLE-DEADLINE: `submitted` no later than the round's registration deadline (round start
//! minus the catalog's lead time).

use toml::de::DeValue;
use valmis_model::{Requirement, Severity};

use super::kit::{Evaluation, MANIFEST, without_manifest};
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::manifest::{Field, Shape};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    if !context.round_known {
        return vec![SubjectResult::bundle_wide(
            Some(MANIFEST),
            Verdict::Skipped(
                "the manifest's round has no catalog, so there is no deadline (see BUNDLE-MANIFEST)".to_owned(),
            ),
        )];
    }
    let mut evaluation = Evaluation::new(context, requirement);
    let round = &context.catalog.round;
    match manifest.get(&["submitted"], Shape::Date) {
        Field::Missing => evaluation.fail(
            None,
            "manifest has no `submitted` date",
            Some("add e.g. `submitted = 2026-11-20` (a TOML date, no quotes)".to_owned()),
        ),
        Field::WrongType => evaluation.wrong_type("submitted"),
        Field::Present(value) => {
            let Some(date) = (match value.get_ref() {
                DeValue::Datetime(datetime) => valmis_model::dates::date_part(datetime).ok(),
                _ => None,
            }) else {
                evaluation.fail(Some(value.span()), "`submitted` is not a calendar date", None);
                return evaluation.finish();
            };
            if date > round.registration_deadline {
                evaluation.fail(
                    Some(value.span()),
                    format!(
                        "submitted {date} is after the registration deadline {} of round {} (starts {}, registration {} months before)",
                        round.registration_deadline, round.id, round.starts, round.registration_months_before_start
                    ),
                    None,
                );
            }
            let today = context.now.to_zoned(jiff::tz::TimeZone::UTC).date();
            if date > today {
                let message = format!("submitted {date} is in the future (now is {today})");
                evaluation.report(Severity::Warning, Some(value.span()), message, None);
            }
        }
    }
    evaluation.finish()
}
