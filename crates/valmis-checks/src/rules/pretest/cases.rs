//! PRETEST-RESULT, PRETEST-DATES, PRETEST-ENVIRONMENT and PRETEST-TEST-PERSON: what each row
//! says about its case, one outcome per case id.

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
fn did_not_run(row: &valmis_pretest::Row) -> Option<String> {
    let result = row.value(Field::Result);
    if parse_result(result) == Some(ResultValue::NotApplicable) {
        Some("the case is not-applicable: there is no run to judge (see PRETEST-RESULT)".to_owned())
    } else if is_placeholder(result) || result.is_empty() {
        Some("the case has not been run yet (see PRETEST-RESULT)".to_owned())
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
    {
        match parse_result(value) {
            None if value.is_empty() => {
                findings.push(view.at(severity, row, Field::Result, format!("case {} has no result", case.subject)));
            }
            None if is_placeholder(value) => findings.push(
                view.at(
                    severity,
                    row,
                    Field::Result,
                    format!("case {} has not been run yet (result is TODO)", case.subject),
                )
                .with_help("run the case in the customer test environment and fill in the row"),
            ),
            None => findings.push(
                view.at(severity, row, Field::Result, format!("result `{value}` is not one valmis knows"))
                    .with_help("use pass, fail or not-applicable (also ok, hyväksytty, nok, hylätty, ei sovellu)"),
            ),
            Some(ResultValue::Pass) => {}
            Some(ResultValue::Fail) => {
                let optional = case.declared.is_some_and(|declared| !declared.mandatory);
                let (level, message) = if optional {
                    (Severity::Warning, format!("optional case {} failed; Kela will see the failure", case.subject))
                } else {
                    (severity, format!("case {} failed; a mandatory case must pass before registration", case.subject))
                };
                let mut finding = view.at(level, row, Field::Result, message);
                if let Some(declared) = case.declared {
                    finding =
                        finding.with_help(format!("fix the system and run the case again: {}", declared.exercises));
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
                            format!("case {} does not allow not-applicable", case.subject),
                        )
                        .with_help(format!("run the case: {}", declared.exercises)),
                    );
                }
                if row.value(Field::Notes).is_empty() {
                    findings.push(
                        view.at(
                            severity,
                            row,
                            Field::Notes,
                            format!("case {} is not-applicable without a note saying why", case.subject),
                        )
                        .with_help("explain in `notes` (huomiot) why the case does not apply to this system"),
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
    per_case(context, |view, case, row, findings| {
        // A run that did not happen has no date to judge, whatever the row says.
        if let Some(reason) = did_not_run(row) {
            return RowCheck::Nothing(reason);
        }
        let value = row.value(Field::ExecutedAt);
        if value.is_empty() {
            findings.push(view.at(
                severity,
                row,
                Field::ExecutedAt,
                format!("case {} has no executed_at", case.subject),
            ));
            return RowCheck::Checked;
        }
        let executed = match parse_executed_at(value) {
            Ok(executed) => executed,
            Err(error) => {
                findings.push(view.at(severity, row, Field::ExecutedAt, error.to_string()));
                return RowCheck::Checked;
            }
        };
        let in_future = match executed {
            ExecutedAt::Instant(instant) => instant > now,
            ExecutedAt::Date(date) => date > today,
        };
        if in_future {
            findings.push(
                view.at(severity, row, Field::ExecutedAt, format!("`{value}` is in the future (now is {now})"))
                    .with_help(
                        "a report can only hold runs that happened; check the date and the clock of the test machine",
                    ),
            );
        } else if executed.date() < oldest {
            let age = (today - executed.date()).get_days();
            findings.push(
                view.at(
                    severity,
                    row,
                    Field::ExecutedAt,
                    format!(
                        "case {} ran on {}, {age} days ago; round {} accepts runs from the last {max_age} days (since {oldest})",
                        case.subject,
                        executed.date(),
                        context.catalog.round.id
                    ),
                )
                .with_help("run the case again in the customer test environment and update the row"),
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
    per_case(context, |view, case: &CaseRows<'_>, row, findings| {
        let allowed: Vec<&str> = match case.declared.and_then(|declared| catalog.pretest_list(&declared.service)) {
            Some(list) => list.environments.iter().map(String::as_str).collect(),
            None if every_list.is_empty() => vec!["asiakastesti"],
            None => every_list.clone(),
        };
        // `valmis init` fills in the environment of rows not run yet: nothing to judge there.
        if let Some(reason) = did_not_run(row) {
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
                        format!("case {} does not say where it ran", case.subject),
                    )
                    .with_help(format!("fill in `environment` (ympäristö): {}", allowed.join(" or "))),
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
                    format!("case {} ran in `{value}`; pre-tests count only in {}", case.subject, allowed.join(" or ")),
                )
                .with_help("run the case again in the customer test environment (asiakastestiympäristö)"),
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
    per_case(context, |view, case, row, findings| {
        let value = row.value(Field::TestPerson);
        if value.is_empty() {
            let needs_person = case.declared.is_none_or(|declared| declared.test_person);
            if let Some(reason) = did_not_run(row) {
                return RowCheck::Nothing(reason);
            }
            if !needs_person {
                return RowCheck::Nothing(format!("case {} declares no test person", case.subject));
            }
            {
                findings.push(
                    view.at(
                        severity,
                        row,
                        Field::TestPerson,
                        format!("case {} does not name its test person", case.subject),
                    )
                    .with_help("fill in `test_person` (testihenkilö) with the test identity code used"),
                );
            }
            return RowCheck::Checked;
        }
        match Hetu::parse(value) {
            Ok(hetu) if hetu.is_test_identity() => {}
            Ok(hetu) => findings.push(
                view.at(
                    severity,
                    row,
                    Field::TestPerson,
                    format!("`{}` is a real person's identity code (individual number not in 900–999)", hetu.masked()),
                )
                .with_help("use only Kela's test identities; remove the real code from every file of the bundle"),
            ),
            Err(error) => {
                let mut finding = view
                    .at(
                        severity,
                        row,
                        Field::TestPerson,
                        format!("`{}` is not a valid personal identity code: {error}", shown(value)),
                    )
                    .with_help("use a test identity from Kela's list, e.g. 010181-900C");
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
