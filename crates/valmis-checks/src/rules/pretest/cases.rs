//! PRETEST-RESULT, PRETEST-DATES, PRETEST-ENVIRONMENT and PRETEST-TEST-PERSON: what each row
//! says about its case, one outcome per case id.

use valmis_i18n::{said, t};
use valmis_ids::Hetu;
use valmis_model::{Requirement, Severity};
use valmis_pretest::{ExecutedAt, Field, ResultValue, parse_executed_at, parse_result};

use super::kit::{RowCheck, per_case};
use crate::context::{Context, SubjectResult};
use crate::inputs::names::is_placeholder;
use crate::inputs::pretest::{CaseRows, View};

/// Why a row's case did not run, when it says so: not applicable, or still `TODO` (or no result)
/// from `valmis init` (PRETEST-RESULT reports that). Such rows need no time, place or test
/// person, so those checks have nothing to look at.
fn did_not_run(lang: &str, row: &valmis_pretest::Row) -> Option<String> {
    let result = row.value(Field::Result);
    if parse_result(result) == Some(ResultValue::NotApplicable) {
        Some(t!(lang, "pretest-not-applicable-skip"))
    } else if is_placeholder(result) || result.is_empty() {
        Some(t!(lang, "pretest-not-run-skip"))
    } else {
        None
    }
}

/// PRETEST-RESULT: mandatory cases passed; `not-applicable` only where allowed, with a note.
pub(crate) fn check_result(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    per_case(context, |view, case, row, findings| {
        let value = row.value(Field::Result);
        check_one_result(view, case, row, value, severity, findings);
        RowCheck::Checked
    })
}

fn check_one_result(
    view: &View<'_>,
    case: &CaseRows<'_>,
    row: &valmis_pretest::Row,
    value: &str,
    severity: Severity,
    findings: &mut Vec<valmis_model::Finding>,
) {
    let lang = view.lang;
    {
        match parse_result(value) {
            None if value.is_empty() => {
                findings.push(view.at(
                    severity,
                    row,
                    Field::Result,
                    said!(lang, "result-missing", case = &case.subject),
                ));
            }
            None if is_placeholder(value) => findings.push(
                view.at(severity, row, Field::Result, said!(lang, "result-todo", case = &case.subject))
                    .with_help(t!(lang, "result-todo-help")),
            ),
            None => findings.push(
                view.at(severity, row, Field::Result, said!(lang, "result-unknown", value = value))
                    .with_help(t!(lang, "result-unknown-help")),
            ),
            Some(ResultValue::Pass) => {}
            Some(ResultValue::Fail) => {
                let optional = case.declared.is_some_and(|declared| !declared.mandatory);
                let (level, message) = if optional {
                    (Severity::Warning, said!(lang, "result-optional-failed", case = &case.subject))
                } else {
                    (severity, said!(lang, "result-failed", case = &case.subject))
                };
                let mut finding = view.at(level, row, Field::Result, message);
                if let Some(declared) = case.declared {
                    finding = finding.with_help(t!(
                        lang,
                        "result-failed-help",
                        exercises = declared.exercises.as_str(),
                        title = declared.title.as_str()
                    ));
                }
                findings.push(finding);
            }
            Some(ResultValue::NotApplicable) => {
                if let Some(declared) = case.declared
                    && !declared.not_applicable_allowed
                {
                    findings.push(
                        view.at(
                            severity,
                            row,
                            Field::Result,
                            said!(lang, "result-not-applicable-refused", case = &case.subject),
                        )
                        .with_help(t!(
                            lang,
                            "result-run-help",
                            exercises = declared.exercises.as_str(),
                            title = declared.title.as_str()
                        )),
                    );
                }
                if row.value(Field::Notes).is_empty() {
                    findings.push(
                        view.at(
                            severity,
                            row,
                            Field::Notes,
                            said!(lang, "result-not-applicable-no-note", case = &case.subject),
                        )
                        .with_help(t!(lang, "result-not-applicable-no-note-help")),
                    );
                }
            }
        }
    }
}

/// PRETEST-DATES: `executed_at` parses, is not in the future, and is recent enough for the round.
pub(crate) fn check_dates(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let now = context.now;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let max_age = context.catalog.round.pretest_max_age_days;
    let oldest = today.checked_sub(jiff::Span::new().days(i64::from(max_age))).unwrap_or(today);
    let lang = context.lang.as_str();
    per_case(context, |view, case, row, findings| {
        // A run that did not happen has no date to judge, whatever the row says.
        if let Some(reason) = did_not_run(lang, row) {
            return RowCheck::Nothing(reason);
        }
        let value = row.value(Field::ExecutedAt);
        if value.is_empty() {
            findings.push(view.at(
                severity,
                row,
                Field::ExecutedAt,
                said!(lang, "dates-missing", case = &case.subject),
            ));
            return RowCheck::Checked;
        }
        let executed = match parse_executed_at(value) {
            Ok(executed) => executed,
            Err(error) => {
                findings.push(view.at(
                    severity,
                    row,
                    Field::ExecutedAt,
                    said!(lang, "dates-not-a-date", value = error.0),
                ));
                return RowCheck::Checked;
            }
        };
        let in_future = match executed {
            ExecutedAt::Instant(instant) => instant > now,
            ExecutedAt::Date(date) => date > today,
        };
        if in_future {
            findings.push(
                view.at(
                    severity,
                    row,
                    Field::ExecutedAt,
                    said!(lang, "dates-future", value = value, now = now.to_string()),
                )
                .with_help(t!(lang, "dates-future-help")),
            );
        } else if executed.date() < oldest {
            let age = (today - executed.date()).get_days();
            findings.push(
                view.at(
                    severity,
                    row,
                    Field::ExecutedAt,
                    said!(
                        lang,
                        "dates-too-old",
                        case = &case.subject,
                        date = executed.date().to_string(),
                        age = age,
                        round = context.catalog.round.id.as_str(),
                        max_age = max_age,
                        oldest = oldest.to_string()
                    ),
                )
                .with_help(t!(lang, "dates-too-old-help")),
            );
        }
        RowCheck::Checked
    })
}

/// Whether an environment value names `allowed` (`asiakastesti`, also `Asiakastestiympäristö`).
fn names_environment(value: &str, allowed: &str) -> bool {
    let (value, allowed) = (valmis_pretest::fold(value), valmis_pretest::fold(allowed));
    value == allowed || value == format!("{allowed}ymparisto")
}

/// PRETEST-ENVIRONMENT: each case ran where the catalog allows pre-tests.
pub(crate) fn check_environment(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let catalog = context.catalog;
    let mut every_list: Vec<&str> =
        catalog.pretest.iter().flat_map(|list| &list.environments).map(String::as_str).collect();
    every_list.sort_unstable();
    every_list.dedup();
    let lang = context.lang.as_str();
    let or = format!(" {} ", t!(lang, "word-or"));
    per_case(context, |view, case: &CaseRows<'_>, row, findings| {
        let allowed: Vec<&str> = match case.declared.and_then(|declared| catalog.pretest_list(&declared.service)) {
            Some(list) => list.environments.iter().map(String::as_str).collect(),
            None if every_list.is_empty() => vec!["asiakastesti"],
            None => every_list.clone(),
        };
        // `valmis init` fills in the environment of rows not run yet: nothing to judge there.
        if let Some(reason) = did_not_run(lang, row) {
            return RowCheck::Nothing(reason);
        }
        let value = row.value(Field::Environment);
        if value.is_empty() {
            {
                findings.push(
                    view.at(
                        severity,
                        row,
                        Field::Environment,
                        said!(lang, "environment-missing", case = &case.subject),
                    )
                    .with_help(t!(lang, "environment-missing-help", allowed = allowed.join(&or))),
                );
            }
            return RowCheck::Checked;
        }
        if !allowed.iter().any(|allowed| names_environment(value, allowed)) {
            findings.push(
                view.at(
                    severity,
                    row,
                    Field::Environment,
                    said!(lang, "environment-wrong", case = &case.subject, value = value, allowed = allowed.join(&or)),
                )
                .with_help(t!(lang, "environment-wrong-help")),
            );
        }
        RowCheck::Checked
    })
}

/// A value that may be an identity code, safe to print: a code outside the test range has its
/// individual number masked even when its check character is wrong.
fn shown(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let looks_like_code = chars.len() == 11 && chars[..6].iter().all(char::is_ascii_digit);
    if looks_like_code && chars[7] != '9' {
        chars[..7].iter().collect::<String>() + "***" + &chars[10..].iter().collect::<String>()
    } else {
        value.to_owned()
    }
}

/// PRETEST-TEST-PERSON: the test person of each run is a valid test identity code.
pub(crate) fn check_test_person(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    per_case(context, |view, case, row, findings| {
        let value = row.value(Field::TestPerson);
        if value.is_empty() {
            let needs_person = case.declared.is_none_or(|declared| declared.test_person);
            if let Some(reason) = did_not_run(lang, row) {
                return RowCheck::Nothing(reason);
            }
            if !needs_person {
                return RowCheck::Nothing(t!(lang, "person-not-needed-skip", case = &case.subject));
            }
            {
                findings.push(
                    view.at(severity, row, Field::TestPerson, said!(lang, "person-missing", case = &case.subject))
                        .with_help(t!(lang, "person-missing-help")),
                );
            }
            return RowCheck::Checked;
        }
        match Hetu::parse(value) {
            Ok(hetu) if hetu.is_test_identity() => {}
            Ok(hetu) => findings.push(
                view.at(severity, row, Field::TestPerson, said!(lang, "person-real", code = hetu.masked()))
                    .with_help(t!(lang, "person-real-help")),
            ),
            Err(error) => {
                let mut finding = view
                    .at(
                        severity,
                        row,
                        Field::TestPerson,
                        said!(lang, "person-invalid", code = shown(value), error = error.message()),
                    )
                    .with_help(t!(lang, "person-invalid-help"));
                // A mistyped real code is still personal data: keep the line out of the report.
                if shown(value) != value
                    && let Some(location) = &mut finding.location
                {
                    location.snippet = None;
                }
                findings.push(finding);
            }
        }
        RowCheck::Checked
    })
}

#[cfg(test)]
mod tests {
    use super::{names_environment, shown};

    #[test]
    fn environments_match_with_and_without_the_suffix() {
        assert!(names_environment("Asiakastesti", "asiakastesti"));
        assert!(names_environment("asiakastestiympäristö", "asiakastesti"));
        assert!(!names_environment("tuotannonkuva", "asiakastesti"));
    }

    #[test]
    fn codes_outside_the_test_range_are_masked_even_when_invalid() {
        assert_eq!(shown("131052-308X"), "131052-***X");
        assert_eq!(shown("010181-900X"), "010181-900X");
        assert_eq!(shown("Testi Potilas"), "Testi Potilas");
    }
}
