//! The CHANGE requirements on a change notification's `[change]` section (muutosilmoitus):
//! CHANGE-VERSIONS (the new version is another, later one), CHANGE-SCHEDULE (sent a month before
//! the co-testing it needs, none of it in July, ending after it starts) and CHANGE-SCOPE (the
//! affected services are services of the round; the change is described). A missing key is
//! SUBMISSION-KIND's, a wrongly typed one BUNDLE-MANIFEST's: here they are "not evaluated".

use std::cmp::Ordering;
use std::ops::Range;

use jiff::civil::Date;
use toml::de::DeValue;
use valmis_i18n::{said, t};
use valmis_model::Requirement;

use super::kit::{Evaluation, without_manifest};
use crate::context::{Context, SubjectResult};
use crate::inputs::manifest::{Field, Manifest, Shape};
use crate::inputs::names::is_placeholder;

/// CHANGE-VERSIONS: `new_version` differs from `certified_version` and is later than it.
pub(crate) fn check_versions(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let certified = evaluation.read(manifest.string(&["change", "certified_version"]));
    let new = evaluation.read(manifest.string(&["change", "new_version"]));
    let (Some((certified, _)), Some((new, new_span))) = (certified, new) else {
        return not_evaluated(evaluation, "`change.certified_version` and `change.new_version`");
    };
    let (certified, new) = (certified.trim(), new.trim());
    for (value, key) in [(certified, "certified_version"), (new, "new_version")] {
        if value.is_empty() || is_placeholder(value) {
            evaluation.fail(
                manifest.span_of(&["change", key]),
                said!(context.lang.as_str(), "change-version-placeholder", key = key, value = value),
                None,
            );
        }
    }
    if certified.is_empty() || new.is_empty() || is_placeholder(certified) || is_placeholder(new) {
        return evaluation.finish();
    }
    match compare_versions(new, certified) {
        Some(Ordering::Greater) => {}
        Some(Ordering::Equal) => evaluation.fail(
            Some(new_span),
            said!(context.lang.as_str(), "change-version-same", new = new, certified = certified),
            Some(t!(context.lang.as_str(), "change-version-same-help")),
        ),
        Some(Ordering::Less) => evaluation.fail(
            Some(new_span),
            said!(context.lang.as_str(), "change-version-older", new = new, certified = certified),
            Some(t!(context.lang.as_str(), "change-version-older-help")),
        ),
        None => evaluation.fail(
            Some(new_span),
            said!(context.lang.as_str(), "change-version-incomparable", new = new, certified = certified),
            None,
        ),
    }
    evaluation.finish()
}

/// `4.10.1` against `4.9`: numeric parts compared in turn, missing parts counting as 0; `None`
/// when a part is not a number (a suffix after `-` or `+`, like `4.3.0-rc1`, is left out).
fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let parts = |version: &str| -> Option<Vec<u64>> {
        let core = version.trim_start_matches(['v', 'V']).split(['-', '+']).next().unwrap_or_default();
        core.split('.').map(|part| part.parse::<u64>().ok()).collect()
    };
    let (a, b) = (parts(a)?, parts(b)?);
    let length = a.len().max(b.len());
    let padded = |parts: &[u64]| (0..length).map(|index| parts.get(index).copied().unwrap_or(0)).collect::<Vec<_>>();
    Some(padded(&a).cmp(&padded(&b)))
}

/// CHANGE-SCHEDULE: when co-testing is needed, the notification is sent at least one month
/// before the planned testing, no planned day is in July, and the end is not before the start.
pub(crate) fn check_schedule(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let needed = match manifest.get(&["change", "co_testing_needed"], Shape::Bool) {
        Field::Present(value) => matches!(value.get_ref(), DeValue::Boolean(true)),
        Field::WrongType => {
            evaluation.wrong_type("change.co_testing_needed");
            return evaluation.finish();
        }
        Field::Missing => return not_evaluated(evaluation, "`change.co_testing_needed`"),
    };
    if !needed {
        return vec![SubjectResult::bundle_wide(
            Some(super::kit::MANIFEST),
            crate::context::Verdict::Skipped(t!(context.lang.as_str(), "change-schedule-not-needed")),
        )];
    }
    let start = date(manifest, &mut evaluation, "start");
    let end = date(manifest, &mut evaluation, "end");
    let submitted = date_at(manifest, &mut evaluation, &["submitted"]);
    let (Some((start, start_span)), Some((end, end_span)), Some((submitted, submitted_span))) = (start, end, submitted)
    else {
        return not_evaluated(evaluation, "`submitted` and `change.planned_testing` (start, end)");
    };
    if end < start {
        evaluation.fail(
            Some(end_span.clone()),
            said!(context.lang.as_str(), "change-schedule-backwards", end = end.to_string(), start = start.to_string()),
            Some(t!(context.lang.as_str(), "change-schedule-backwards-help")),
        );
    } else if let Some(july) = first_july_day(start, end) {
        evaluation.fail(
            Some(start_span.clone()),
            said!(
                context.lang.as_str(),
                "change-schedule-july",
                start = start.to_string(),
                end = end.to_string(),
                july = july.to_string()
            ),
            Some(t!(context.lang.as_str(), "change-schedule-july-help")),
        );
    }
    // "At least one month before": the same day of the month before the start, or earlier.
    let latest = start.checked_sub(jiff::Span::new().months(1)).ok();
    if let Some(latest) = latest
        && submitted > latest
    {
        evaluation.fail(
            Some(submitted_span),
            said!(
                context.lang.as_str(),
                "change-schedule-late",
                submitted = submitted.to_string(),
                days = (start - submitted).get_days(),
                start = start.to_string(),
                latest = latest.to_string()
            ),
            Some(t!(context.lang.as_str(), "change-schedule-late-help")),
        );
    }
    evaluation.finish()
}

/// The first day of July between `start` and `end`, both included.
fn first_july_day(start: Date, end: Date) -> Option<Date> {
    let mut year = start.year();
    while year <= end.year() {
        let first = Date::new(year, 7, 1).ok()?;
        let last = Date::new(year, 7, 31).ok()?;
        if first <= end && last >= start {
            return Some(first.max(start));
        }
        year += 1;
    }
    None
}

fn date(manifest: &Manifest<'_>, evaluation: &mut Evaluation<'_>, key: &str) -> Option<(Date, Range<usize>)> {
    date_at(manifest, evaluation, &["change", "planned_testing", key])
}

fn date_at(manifest: &Manifest<'_>, evaluation: &mut Evaluation<'_>, path: &[&str]) -> Option<(Date, Range<usize>)> {
    match manifest.get(path, Shape::Date) {
        Field::Missing => None,
        Field::WrongType => {
            evaluation.wrong_type(&path.join("."));
            None
        }
        Field::Present(value) => match value.get_ref() {
            DeValue::Datetime(datetime) => {
                valmis_model::dates::date_part(datetime).ok().map(|date| (date, value.span()))
            }
            _ => None,
        },
    }
}

/// CHANGE-SCOPE: every affected service is a service of the round, and the summary says what
/// changes.
pub(crate) fn check_scope(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let services = evaluation.read(manifest.get_strings(&["change", "affected_services"]));
    let summary = evaluation.read(manifest.string(&["change", "summary"]));
    if services.is_none() && summary.is_none() {
        return not_evaluated(evaluation, "`change.affected_services` and `change.summary`");
    }
    if services.is_some() {
        let affected = manifest.strings(&["change", "affected_services"]);
        if affected.is_empty() {
            evaluation.fail(
                manifest.span_of(&["change", "affected_services"]),
                said!(context.lang.as_str(), "change-scope-empty"),
                None,
            );
        }
        let known: Vec<&str> = context.catalog.services.iter().map(|service| service.id.as_str()).collect();
        for (service, span) in affected {
            if context.catalog.service(service).is_none() {
                let near = valmis_model::did_you_mean(service, known.iter().copied());
                evaluation.fail(
                    Some(span),
                    said!(
                        context.lang.as_str(),
                        "change-scope-unknown",
                        service = service,
                        round = &context.catalog.round.id,
                        known = known.join(", ")
                    ),
                    near.map(|near| t!(context.lang.as_str(), "did-you-mean", near = near)),
                );
            }
        }
    }
    if let Some((text, span)) = summary
        && (text.trim().is_empty() || is_placeholder(text))
    {
        evaluation.fail(
            Some(span),
            said!(context.lang.as_str(), "change-scope-no-summary"),
            Some(t!(context.lang.as_str(), "change-scope-no-summary-help")),
        );
    }
    evaluation.finish()
}

/// The skip when the values a rule needs are absent (SUBMISSION-KIND reports it) or unreadable
/// (BUNDLE-MANIFEST reports it).
fn not_evaluated(evaluation: Evaluation<'_>, what: &str) -> Vec<SubjectResult> {
    let lang = evaluation.lang();
    if evaluation.has_findings_or_unreadable() {
        return evaluation.finish();
    }
    vec![SubjectResult::bundle_wide(
        Some(super::kit::MANIFEST),
        crate::context::Verdict::Skipped(t!(lang, "change-skip-missing", what = what)),
    )]
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::{compare_versions, first_july_day};

    #[test]
    fn versions_compare_by_number() {
        assert_eq!(compare_versions("4.3.0", "4.2.0"), Some(Ordering::Greater));
        assert_eq!(compare_versions("4.10", "4.9.9"), Some(Ordering::Greater));
        assert_eq!(compare_versions("4.2", "4.2.0"), Some(Ordering::Equal));
        assert_eq!(compare_versions("v4.2.0", "4.2.1"), Some(Ordering::Less));
        assert_eq!(compare_versions("4.3.0-rc1", "4.2.0"), Some(Ordering::Greater));
        assert_eq!(compare_versions("2024R2", "4.2.0"), None);
    }

    #[test]
    fn july_days() {
        let date = |text: &str| text.parse::<jiff::civil::Date>().expect("date");
        assert_eq!(first_july_day(date("2027-06-20"), date("2027-07-02")), Some(date("2027-07-01")));
        assert_eq!(first_july_day(date("2027-07-15"), date("2027-08-02")), Some(date("2027-07-15")));
        assert_eq!(first_july_day(date("2027-08-01"), date("2027-08-31")), None);
        assert_eq!(first_july_day(date("2027-06-01"), date("2027-06-30")), None);
        assert_eq!(first_july_day(date("2026-12-01"), date("2028-01-31")), Some(date("2027-07-01")));
    }
}
