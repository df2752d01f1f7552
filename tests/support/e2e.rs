//! What the end-to-end tests share: running the binary on a fixture and reading its JUnit back
//! (tests/e2e.rs, and tests/fixtures.rs, one test per fixture).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use quick_junit::{NonSuccessKind, TestCaseStatus};

pub(crate) const NOW: &str = "2026-11-23T12:00:00Z";

/// The requirements an offline run checks: every requirement of the shipped round but
/// CONN-PROBE, which needs `--online`. Read from the catalog, not copied: a new requirement is
/// expected to have a failing fixture and to pass on the ready bundle without editing a list.
pub(crate) fn implemented() -> BTreeSet<String> {
    checklist(valmis_model::SubmissionKind::Registration, valmis_model::Role::Vendor)
}

/// The requirements an offline run checks on a submission of `kind` by `role` (the ready bundle
/// is a registration by a vendor).
pub(crate) fn checklist(kind: valmis_model::SubmissionKind, role: valmis_model::Role) -> BTreeSet<String> {
    let catalogs = valmis_model::CatalogSet::embedded().expect("the shipped catalog");
    let catalog = catalogs.get("2027-1").expect("round 2027-1");
    catalog
        .requirements
        .iter()
        .filter(|requirement| requirement.applies_to.includes(kind, role))
        .map(|requirement| requirement.id.clone())
        .filter(|id| id != "CONN-PROBE")
        .collect()
}

/// Every requirement of the shipped catalog but CONN-PROBE, whatever submission it belongs to.
pub(crate) fn every_offline_requirement() -> BTreeSet<String> {
    let catalogs = valmis_model::CatalogSet::embedded().expect("the shipped catalog");
    let catalog = catalogs.get("2027-1").expect("round 2027-1");
    catalog.requirements.iter().map(|requirement| requirement.id.clone()).filter(|id| id != "CONN-PROBE").collect()
}

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("fixtures/bundles").join(name)
}

pub(crate) fn valmis(args: &[&str]) -> Output {
    super::valmis_command().args(args).env_remove("VALMIS_NOW").env("NO_COLOR", "1").output().expect("valmis runs")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) junit: String,
    pub(crate) json: String,
}

pub(crate) fn verify(bundle: &Path, extra: &[&str]) -> Run {
    let out = tempfile::tempdir().expect("tempdir");
    let junit = out.path().join("nested/junit.xml");
    let json = out.path().join("report.json");
    let mut args = vec!["verify", bundle.to_str().expect("utf-8 path"), "--now", NOW];
    args.extend(["--junit", junit.to_str().expect("utf-8"), "--json", json.to_str().expect("utf-8")]);
    args.extend(extra);
    let output = valmis(&args);
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: text(&output.stdout),
        stderr: text(&output.stderr),
        junit: std::fs::read_to_string(&junit).unwrap_or_default(),
        json: std::fs::read_to_string(&json).unwrap_or_default(),
    }
}

/// Requirement ids with a failure or error in the JUnit report, after checking it parses and
/// that (classname, name) pairs are unique.
pub(crate) fn blocking_requirements(junit: &str) -> BTreeSet<String> {
    let report = quick_junit::Report::deserialize_from_str(junit).expect("JUnit parses back");
    assert_eq!(report.name.as_ref().map(|n| n.as_str()), Some("valmis"));
    let mut seen = BTreeSet::new();
    let mut blocking = BTreeSet::new();
    // The run facts are on the first suite only (a reader that gathers every suite's properties
    // into one map must not see a name twice: xunitparser asserts it).
    for (index, suite) in report.test_suites.iter().enumerate() {
        let has_now = suite.properties.iter().any(|p| p.name.as_str() == "valmis.now" && p.value.as_str() == NOW);
        assert_eq!(has_now, index == 0, "run facts on the first suite only");
        for case in &suite.test_cases {
            let classname = case.classname.as_ref().expect("classname").as_str().to_owned();
            assert!(classname.starts_with(&format!("valmis.{}.", suite.name.as_str())), "{classname}");
            assert!(
                seen.insert((classname.clone(), case.name.as_str().to_owned())),
                "duplicate test case {classname} {}",
                case.name.as_str()
            );
            if let TestCaseStatus::NonSuccess { kind: NonSuccessKind::Failure | NonSuccessKind::Error, .. } =
                case.status
            {
                blocking.insert(classname.rsplit('.').next().expect("id").to_owned());
            }
        }
    }
    blocking
}

/// Names of the failed and errored test cases.
pub(crate) fn failed_names(junit: &str) -> BTreeSet<String> {
    let report = quick_junit::Report::deserialize_from_str(junit).expect("JUnit parses back");
    report
        .test_suites
        .iter()
        .flat_map(|suite| &suite.test_cases)
        .filter(|case| matches!(case.status, TestCaseStatus::NonSuccess { .. }))
        .map(|case| case.name.as_str().to_owned())
        .collect()
}
