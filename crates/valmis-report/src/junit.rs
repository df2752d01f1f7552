//! JUnit XML per SPEC §5, built with quick-junit (the writer cargo-nextest uses): one suite per
//! area, one test case per (requirement x subject), `file`/`line` attributes, no timestamps.
//! quick-junit strips characters XML cannot hold and ANSI escapes, so the output is well-formed
//! whatever the bundle contained.

use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};
use valmis_model::{Area, Outcome, Report, Severity, Status};

/// The JUnit writer failed (it only writes to memory, so this is a bug).
#[derive(Debug, thiserror::Error)]
#[error("failed to serialise JUnit XML: {0}")]
pub struct JunitError(String);

/// The report as JUnit XML bytes.
pub fn render_junit(report: &Report) -> Result<Vec<u8>, JunitError> {
    let mut junit = quick_junit::Report::new("valmis");
    let properties = [
        ("valmis.version", report.meta.tool_version.as_str()),
        ("valmis.round", report.meta.round.as_str()),
        ("valmis.catalog", report.meta.catalog.as_str()),
        ("valmis.bundle", report.meta.bundle.as_str()),
        ("valmis.now", report.meta.now.as_str()),
        ("valmis.strict", if report.meta.strict { "true" } else { "false" }),
    ];
    for area in Area::ALL {
        let outcomes: Vec<&Outcome> = report.outcomes.iter().filter(|outcome| outcome.area == area).collect();
        if outcomes.is_empty() {
            continue;
        }
        let mut suite = TestSuite::new(area.as_str());
        // JUnit has no report-level properties element; every suite carries the run facts.
        suite.add_properties(properties.iter().map(|(name, value)| Property::new(*name, *value)));
        suite.add_test_cases(outcomes.into_iter().map(test_case));
        junit.add_test_suite(suite);
    }
    let mut bytes = Vec::new();
    junit.serialize(&mut bytes).map_err(|error| JunitError(error.to_string()))?;
    Ok(bytes)
}

fn test_case(outcome: &Outcome) -> TestCase {
    let status = match &outcome.status {
        Status::Passed | Status::Warned => {
            let mut status = TestCaseStatus::success();
            // A step that passed only after transport errors is flaky: JUnit consumers show the
            // earlier attempts as reruns.
            status.add_reruns(outcome.reruns.iter().map(|rerun| {
                let mut attempt = quick_junit::TestRerun::new(NonSuccessKind::Failure);
                attempt.set_message(rerun.as_str()).set_type("transport");
                attempt
            }));
            status
        }
        Status::Failed => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status
                .set_message(failure_message(outcome))
                .set_type(outcome.worst_severity().unwrap_or(Severity::Error).as_str())
                .set_description(failure_body(outcome));
            status
        }
        Status::Error(reason) => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(format!("could not be evaluated: {reason}")).set_type("error");
            status
        }
        Status::Skipped(reason) => {
            let mut status = TestCaseStatus::skipped();
            status.set_message(reason.as_str());
            status
        }
    };
    let mut case = TestCase::new(outcome.test_name(), status);
    case.set_classname(format!("valmis.{}.{}", outcome.area.as_str(), outcome.requirement));
    if let Some(file) = &outcome.file {
        case.extra.insert("file".into(), file.as_str().into());
    }
    if let Some(line) = outcome.line {
        case.extra.insert("line".into(), line.to_string().into());
    }
    if matches!(outcome.status, Status::Warned) {
        case.set_system_out(failure_body(outcome));
    }
    case
}

/// One line: the first finding, and how many more there are.
fn failure_message(outcome: &Outcome) -> String {
    let blocking: Vec<_> = outcome.findings.iter().collect();
    match blocking.as_slice() {
        [] => outcome.title.clone(),
        [only] => only.message.clone(),
        [first, rest @ ..] => format!("{} (and {} more)", first.message, rest.len()),
    }
}

/// Every finding as `path:line:col: message`, then how to fix it and where the rule comes from.
fn failure_body(outcome: &Outcome) -> String {
    let mut body = String::new();
    for finding in &outcome.findings {
        let prefix = if finding.severity == Severity::Warning { "warning: " } else { "" };
        body.push_str(&format!("{}{prefix}{}\n", location_prefix(finding), finding.message));
        if let Some(help) = &finding.help {
            body.push_str(&format!("    help: {help}\n"));
        }
    }
    body.push_str(&format!(
        "\n{}: {}\nhow to fix: {}\nreference: {}\n",
        outcome.requirement, outcome.title, outcome.fix, outcome.reference
    ));
    body
}

fn location_prefix(finding: &valmis_model::Finding) -> String {
    finding.location.as_ref().map(|location| format!("{}: ", location.display())).unwrap_or_default()
}
