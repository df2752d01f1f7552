//! JUnit details that the end-to-end tests do not reach: flaky harness steps as reruns.

use quick_junit::TestCaseStatus;
use valmis_model::{Area, Outcome, Report, ReportMeta, Severity, Status};

#[test]
fn a_flaky_step_is_a_success_with_reruns() {
    let outcome = Outcome {
        requirement: "HARNESS".to_owned(),
        area: Area::Harness,
        title: "Havainnon tallennus".into(),
        severity: Severity::Error,
        fix: "Run again.".into(),
        reference: "https://www.kanta.fi".into(),
        subject: Some("OT-01".to_owned()),
        file: Some("evidence/OT-01/harness-run.toml".to_owned()),
        line: None,
        status: Status::Passed,
        findings: Vec::new(),
        reruns: vec!["step `luo`: connection reset".to_owned()],
        time_us: None,
    };
    let report = Report {
        meta: ReportMeta {
            tool_version: "0.1.0".to_owned(),
            round: "2027-1".to_owned(),
            catalog: "harness".to_owned(),
            bundle: "b".to_owned(),
            now: "2026-11-23T12:00:00Z".to_owned(),
            strict: false,
            partition: None,
            lang: valmis_model::Lang::En,
        },
        outcomes: vec![outcome].into(),
        waivers: Vec::new(),
        baseline: None,
    };
    let xml = String::from_utf8(valmis_report::render_junit(&report).expect("renders")).expect("UTF-8");
    assert!(xml.contains("<flakyFailure message=\"step `luo`: connection reset\" type=\"transport\""), "{xml}");
    let parsed = quick_junit::Report::deserialize_from_str(&xml).expect("parses back");
    let case = &parsed.test_suites[0].test_cases[0];
    assert_eq!(case.name.as_str(), "HARNESS: OT-01");
    match &case.status {
        TestCaseStatus::Success { flaky_runs } => assert_eq!(flaky_runs.len(), 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_harness_diff_is_printed_line_by_line_and_coloured_on_request() {
    let diff =
        "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n {\n-  \"status\": \"final\"\n+  \"status\": \"preliminary\"\n }\n";
    let finding = valmis_model::Finding::new(Severity::Error, "step `luo`: the answer differs from the golden file")
        .with_help(diff);
    let outcome = Outcome {
        requirement: "HARNESS".to_owned(),
        area: Area::Harness,
        title: "t".into(),
        severity: Severity::Error,
        fix: "f".into(),
        reference: "https://www.kanta.fi".into(),
        subject: Some("OT-01".to_owned()),
        file: None,
        line: None,
        status: Status::Failed,
        findings: vec![finding],
        reruns: Vec::new(),
        time_us: None,
    };
    let report = Report {
        meta: ReportMeta {
            tool_version: "0.1.0".to_owned(),
            round: "2027-1".to_owned(),
            catalog: "harness".to_owned(),
            bundle: "b".to_owned(),
            now: "n".to_owned(),
            strict: false,
            partition: None,
            lang: valmis_model::Lang::En,
        },
        outcomes: vec![outcome].into(),
        waivers: Vec::new(),
        baseline: None,
    };
    let plain = valmis_report::render_human(&report, valmis_report::HumanOptions { color: false, verbose: false });
    assert!(plain.contains("         -  \"status\": \"final\"\n         +  \"status\": \"preliminary\""), "{plain}");
    let coloured = valmis_report::render_human(&report, valmis_report::HumanOptions { color: true, verbose: false });
    assert!(coloured.contains("\u{1b}[32m+  \"status\": \"preliminary\""), "green additions: {coloured:?}");
    assert!(coloured.contains("\u{1b}[31m-  \"status\": \"final\""), "red removals");
    let xml = String::from_utf8(valmis_report::render_junit(&report).expect("junit")).expect("utf-8");
    assert!(
        xml.contains("+  &quot;status&quot;: &quot;preliminary&quot;")
            || xml.contains("+  \"status\": \"preliminary\""),
        "the diff is in the failure body: {xml}"
    );
}
