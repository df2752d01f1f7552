//! End-to-end tests of the `valmis` binary on the committed fixtures and on bundles built here.
//!
//! `fixtures/bundles/EXPECTED.toml` (generated with the fixtures by `cargo xtask fixtures`) says
//! what each fixture must give; the JUnit output is parsed back with quick-junit's reader.

mod support;
use support::e2e::*;
use support::{copy_tree, xmllint_available};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::Path;

use proptest::prelude::*;
use quick_junit::{NonSuccessKind, TestCaseStatus};

#[test]
fn the_ready_bundle_passes_every_implemented_requirement_and_skips_the_rest_with_a_reason() {
    let run = verify(&fixture("ready"), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let report = quick_junit::Report::deserialize_from_str(&run.junit).expect("parses");
    let mut passed = BTreeSet::new();
    let (mut successes, mut skips) = (0, 0);
    for case in report.test_suites.iter().flat_map(|s| &s.test_cases) {
        let id = case.classname.as_ref().expect("classname").as_str().rsplit('.').next().expect("id").to_owned();
        match &case.status {
            TestCaseStatus::Success { .. } => {
                successes += 1;
                passed.insert(id);
            }
            TestCaseStatus::Skipped { message, .. } => {
                skips += 1;
                let message = message.as_ref().expect("skip reason").as_str();
                let optional_case = id == "PRETEST-COVERAGE" && message.starts_with("optional case PA-06");
                let offline = id == "CONN-PROBE" && message.starts_with("offline run");
                // PA-04 is not-applicable: its run has no date, place, test person or evidence.
                let not_run = id.starts_with("PRETEST-")
                    && (message.starts_with("the case is not-applicable")
                        || message.starts_with("case PA-04 did not pass"));
                assert!(
                    message.starts_with("not implemented yet") || optional_case || offline || not_run,
                    "{id} skipped: {message}"
                );
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    assert_eq!(passed, implemented(), "every implemented check ran and passed");
    // The closing line counts what the JUnit holds (derived, not a number copied in here).
    let closing = format!("{successes} passed, 0 failed, {skips} skipped\n");
    assert!(run.stdout.ends_with(&closing), "`{closing}` closes:\n{}", run.stdout);
}

#[test]
fn a_run_that_checks_nothing_is_never_ready() {
    // Issue 15: a typo in a pattern, a pattern in the wrong form, or skipping everything printed
    // "ready" with 0 passed and exit 0.
    let ready = fixture("ready");
    let ready = ready.to_str().expect("utf-8");
    for (args, expected) in [
        (
            &["--only", "BUNDEL-*"][..],
            "--only `BUNDEL-*` matches no requirement of round 2027-1; did you mean `BUNDLE-*`",
        ),
        (&["--only", "PRETEST_RESULT"][..], "did you mean `PRETEST-RESULT`"),
        (&["--skip", "HYGIENE"][..], "--skip `HYGIENE` matches no requirement"),
        (&["--skip", "*"][..], "--skip * leaves no requirement of round 2027-1 to check"),
        (&["--only", "CERT-*", "--skip", "CERT-*"][..], "leaves no requirement of round 2027-1 to check"),
    ] {
        let mut command = vec!["verify", ready, "--now", NOW];
        command.extend(args);
        let output = valmis(&command);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    // Everything selected was skipped (the probe, offline): not ready, exit 1.
    let run = verify(&fixture("ready"), &["--only", "CONN-PROBE"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("not ready: no requirement was checked"), "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    assert_eq!(json["ready"], false);
    // Lower-case ids are patterns like any other.
    assert_eq!(verify(&fixture("ready"), &["--only", "doc-oid"]).code, 0);
}

/// The column a per-case requirement judges, by its CSV header name.
const JUDGED_COLUMN: &[(&str, &str)] = &[("PRETEST-DATES", "executed_at"), ("PRETEST-ENVIRONMENT", "environment")];

#[test]
fn no_outcome_passes_without_a_value_to_check() {
    // Issue 15: on the untouched `init` skeleton (every row TODO) 25 outcomes passed. Walk the
    // skeleton and every fixture with a CSV report: a passed PRETEST-DATES, -ENVIRONMENT or
    // -TEST-PERSON outcome must rest on a row that ran (pass or fail) and has the value judged,
    // and a passed PRETEST-EVIDENCE on a row that lists evidence or a document.
    let temp = tempfile::tempdir().expect("tempdir");
    let skeleton = temp.path().join("nippu");
    assert_eq!(valmis(&["init", skeleton.to_str().expect("utf-8")]).status.code(), Some(0));
    let mut bundles = vec![skeleton];
    for entry in std::fs::read_dir(root().join("fixtures/bundles")).expect("fixtures").filter_map(Result::ok) {
        if entry.path().join("pretest/report.csv").is_file() {
            bundles.push(entry.path());
        }
    }
    let mut judged = 0;
    for bundle in &bundles {
        let csv = std::fs::read_to_string(bundle.join("pretest/report.csv")).unwrap_or_default();
        if !csv.starts_with("case_id,") {
            continue; // Finnish headers, semicolons, UTF-16: other fixtures' business.
        }
        // Line numbers count every line ending, as valmis does (lone CR too).
        let csv = csv.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = csv.lines().collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let column = |name: &str| header.iter().position(|column| *column == name).expect("column");
        let run = verify(bundle, &[]);
        if run.code == 2 {
            continue; // Not a bundle (no manifest): no report.
        }
        let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
        for outcome in json["outcomes"].as_array().expect("outcomes") {
            let requirement = outcome["requirement"].as_str().unwrap_or_default();
            if outcome["status"] != "passed" || !requirement.starts_with("PRETEST-") {
                continue;
            }
            let Some(line) = outcome["line"].as_u64() else { continue };
            let cells: Vec<&str> = lines[line as usize - 1].split(',').collect();
            let cell = |name: &str| cells.get(column(name)).copied().unwrap_or_default();
            let ran = matches!(cell("result"), "pass" | "fail" | "ok" | "nok" | "hyväksytty" | "hylätty");
            let has_value = match requirement {
                "PRETEST-EVIDENCE" => !cell("evidence").is_empty() || !cell("document_oid").is_empty(),
                // A test person is checked wherever one is written (a real code is personal data).
                "PRETEST-TEST-PERSON" => !cell("test_person").is_empty(),
                _ => match JUDGED_COLUMN.iter().find(|(id, _)| *id == requirement) {
                    Some((_, name)) => ran && !cell(name).is_empty(),
                    None => continue,
                },
            };
            judged += 1;
            assert!(has_value, "{}: {requirement} passed on line {line} with nothing to check", bundle.display());
        }
    }
    assert!(judged > 100, "the walk judged {judged} outcomes");
}

#[test]
fn a_folder_that_is_not_a_bundle_is_one_clear_usage_error() {
    // Issue 15: `valmis verify` in a folder that is not a bundle scanned all of it and printed the
    // cause on line 267; a manifest.toml passed as the bundle gave a zip error.
    let temp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(temp.path().join("target/debug")).expect("mkdir");
    std::fs::write(temp.path().join("target/debug/app.log"), "131052-308T\n").expect("write");
    let output = support::valmis_command()
        .args(["verify", "--now", NOW])
        .current_dir(temp.path())
        .env_remove("VALMIS_NOW")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing scanned or printed: {}", text(&output.stdout));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("valmis: error: `.` is not a submission bundle: there is no manifest.toml at its root"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one cause: {stderr}");

    let manifest = fixture("ready").join("manifest.toml");
    let output = valmis(&["verify", manifest.to_str().expect("utf-8"), "--now", NOW]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("is a file: pass the bundle's folder, `valmis verify "),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn the_init_skeletons_coverage_says_not_run_yet() {
    // Issue 15: a TODO row was shown as `unrecognised`.
    let temp = tempfile::tempdir().expect("tempdir");
    let skeleton = temp.path().join("nippu");
    assert_eq!(valmis(&["init", skeleton.to_str().expect("utf-8")]).status.code(), Some(0));
    let output = valmis(&["requirements", "--coverage", skeleton.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let table = text(&output.stdout);
    assert!(table.contains("PA-01  yes        not run yet") && !table.contains("unrecognised"), "{table}");
    let output = valmis(&["requirements", "--coverage", skeleton.to_str().expect("utf-8"), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["services"][0]["cases"][0]["state"], "not-run");
}

#[test]
fn shipped_harness_goldens_take_the_test_person_as_a_variable() {
    // Issue 15: every shipped golden and template names the test person as {{test_person}}, so
    // that `valmis run --test-person` is judged by what it sent.
    let mut pending = vec![root().join("testcases")];
    let mut checked = 0;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.components().any(|part| part.as_os_str() == "harness")
                && path.extension().is_some_and(|ext| ext != "toml")
            {
                let text = std::fs::read_to_string(&path).expect("text");
                let hard_coded = valmis_ids::scan_hetus(text.as_bytes());
                assert!(hard_coded.is_empty(), "{}: identity code written out: {hard_coded:?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 5, "{checked} harness files");
}

#[test]
fn reports_are_byte_for_byte_deterministic() {
    let first = verify(&fixture("bundle-org-check-digit"), &[]);
    let second = verify(&fixture("bundle-org-check-digit"), &[]);
    assert!(!first.junit.is_empty() && !first.json.is_empty());
    assert_eq!(first.junit, second.junit);
    assert_eq!(first.json, second.json);
    assert_eq!(first.stdout, second.stdout);
    assert!(!first.junit.contains("timestamp="), "no timestamps unless asked");
}

/// A requirement's outcomes do not depend on which others run: alone (`--only ID`) each one
/// gives what it gives among all. (DOC-SCHEMA alone once skipped with "documents/ holds no .xml
/// document" on a bundle full of them: the file pass visited XML documents only for the other
/// document rules.)
#[test]
fn each_requirement_alone_has_the_outcomes_it_has_among_all() {
    let outcomes_of = |json: &str, id: &str| -> Vec<serde_json::Value> {
        let report: serde_json::Value = serde_json::from_str(json).expect("JSON report");
        let outcomes = report["outcomes"].as_array().expect("outcomes").iter();
        outcomes.filter(|outcome| outcome["requirement"] == id).cloned().collect()
    };
    use valmis_model::{Role, SubmissionKind};
    for (bundle, kind, role) in [
        ("ready", SubmissionKind::Registration, Role::Vendor),
        ("doc-schema", SubmissionKind::Registration, Role::Vendor),
        ("example-change-notification", SubmissionKind::ChangeNotification, Role::Vendor),
        ("example-access-application", SubmissionKind::AccessApplication, Role::Vendor),
        ("example-customer-organisation", SubmissionKind::Registration, Role::CustomerOrganisation),
    ] {
        let all = verify(&fixture(bundle), &[]);
        for id in checklist(kind, role) {
            let alone = verify(&fixture(bundle), &["--only", &id]);
            let expected = outcomes_of(&all.json, &id);
            assert!(!expected.is_empty(), "{bundle}: {id} has outcomes");
            assert_eq!(outcomes_of(&alone.json, &id), expected, "{bundle}: {id} alone");
        }
    }
}

/// A copy of the ready bundle in `temp` as `name`, with its manifest's path and text.
fn ready_copy(temp: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf, String) {
    let bundle = temp.join(name);
    copy_tree(&fixture("ready"), &bundle);
    let manifest = bundle.join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    (bundle, manifest, text)
}

/// A submission's report holds the requirements of its kind and role only: an access application
/// is not asked for pre-test reports, forms or sample documents, and does not list them; an
/// unknown kind is a BUNDLE-MANIFEST error, and what depends on the kind is skipped with why.
#[test]
fn the_report_holds_the_checklist_of_the_submissions_kind() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, manifest, text) = ready_copy(temp.path(), "hakemus");
    std::fs::write(
        &manifest,
        text.replace("submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"access-application\""),
    )
    .expect("write");
    let run = verify(&bundle, &[]);
    let report: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let ids: BTreeSet<String> = report["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .map(|outcome| outcome["requirement"].as_str().expect("id").to_owned())
        .collect();
    for absent in ["PRETEST-REPORT", "PRETEST-RESULT", "BUNDLE-FORMS", "BUNDLE-DEADLINE", "DOC-SCHEMA", "FHIR-PATIENT"]
    {
        assert!(!ids.contains(absent), "{absent} is not asked of an access application: {ids:?}");
        assert!(!run.junit.contains(&format!("name=\"{absent}")), "{absent} not in JUnit either");
    }
    for present in ["BUNDLE-MANIFEST", "PRIVACY-HETU", "CONN-CONFIG", "CERT-CHAIN"] {
        assert!(ids.contains(present), "{present} is: {ids:?}");
    }
    assert_eq!(run.code, 0, "{}", run.stdout);

    std::fs::write(&manifest, text.replace("submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"hakemus\""))
        .expect("write");
    let run = verify(&bundle, &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("`kind` `hakemus` is not a kind of submission valmis knows"), "{}", run.stdout);
    assert!(run.junit.contains("not evaluated: the manifest&apos;s `kind` is not one valmis knows"), "{}", run.junit);
}

/// What machines read is the same in every language (issue 20): requirement ids, statuses,
/// areas, severities, files, lines, message ids, SARIF rule ids, levels, locations and
/// fingerprints; only the texts people read differ. (SARIF fingerprints hashed the message text,
/// so code scanning saw every Finnish finding as new.)
#[test]
fn machine_fields_are_the_same_in_english_and_finnish() {
    let expected: toml::Table = std::fs::read_to_string(root().join("fixtures/bundles/EXPECTED.toml"))
        .expect("EXPECTED.toml")
        .parse()
        .expect("toml");
    let temp = tempfile::tempdir().expect("tempdir");
    // The texts people read, and the language they are in.
    let texts = ["title", "fix", "message", "help", "reason", "lang"];
    let strip = |value: &mut serde_json::Value| {
        fn walk(value: &mut serde_json::Value, texts: &[&str]) {
            match value {
                serde_json::Value::Object(map) => {
                    map.retain(|key, _| !texts.contains(&key.as_str()));
                    map.values_mut().for_each(|value| walk(value, texts));
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(|value| walk(value, texts)),
                _ => {}
            }
        }
        walk(value, &texts);
    };
    let mut compared = 0;
    for entry in expected["fixture"].as_array().expect("fixtures") {
        let bundle = entry["bundle"].as_str().expect("bundle");
        if entry["exit"].as_integer() == Some(2) {
            continue;
        }
        let args: Vec<&str> = entry["args"].as_array().expect("args").iter().filter_map(|arg| arg.as_str()).collect();
        let mut machine = Vec::new();
        for lang in ["en", "fi"] {
            let out = temp.path().join(format!("{bundle}-{lang}"));
            let (json, sarif) = (out.join("report.json"), out.join("report.sarif"));
            let fixture_path = fixture(bundle);
            let mut command = vec!["verify", fixture_path.to_str().expect("utf-8"), "--now", NOW, "-q", "--lang", lang];
            command.extend(["--json", json.to_str().expect("utf-8"), "--sarif", sarif.to_str().expect("utf-8")]);
            command.extend(&args);
            let output = valmis(&command);
            assert_ne!(output.status.code(), Some(2), "{bundle} {lang}: {}", text(&output.stderr));
            let mut report: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("JSON");
            strip(&mut report);
            let sarif: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&sarif).expect("sarif")).expect("SARIF");
            let results: Vec<serde_json::Value> = sarif["runs"][0]["results"]
                .as_array()
                .expect("results")
                .iter()
                .map(|result| {
                    serde_json::json!([
                        result["ruleId"],
                        result["level"],
                        result["locations"],
                        result["partialFingerprints"]
                    ])
                })
                .collect();
            machine.push((report, results));
        }
        assert_eq!(machine[0].0, machine[1].0, "{bundle} {args:?}: the JSON report's machine fields");
        assert_eq!(machine[0].1, machine[1].1, "{bundle} {args:?}: SARIF rule ids, levels, locations, fingerprints");
        compared += 1;
    }
    assert!(compared > 100, "compared {compared} fixtures");
}

/// A manifest may name a service by Kela's name since 5/2024 (`potilastietovaranto` for
/// `potilastiedon-arkisto`): the same service, the same checks, the same outcomes; naming it both
/// ways is naming it twice.
#[test]
fn a_service_named_by_its_new_name_is_the_same_service() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, manifest, text) = ready_copy(temp.path(), "nippu");
    let renamed = text.replace("services = [\"potilastiedon-arkisto\"]", "services = [\"potilastietovaranto\"]");
    assert_ne!(renamed, text);
    std::fs::write(&manifest, &renamed).expect("write");
    let outcomes = |json: &str| -> Vec<(String, String, String)> {
        let report: serde_json::Value = serde_json::from_str(json).expect("JSON");
        report["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .map(|outcome| {
                let text = |key: &str| outcome[key].as_str().unwrap_or_default().to_owned();
                (text("requirement"), text("subject"), text("status"))
            })
            .collect()
    };
    let ready = verify(&fixture("ready"), &[]);
    let alias = verify(&bundle, &[]);
    assert_eq!(alias.code, 0, "{}", alias.stdout);
    assert_eq!(outcomes(&alias.json), outcomes(&ready.json), "the same outcomes by either name");
    std::fs::write(
        &manifest,
        text.replace(
            "services = [\"potilastiedon-arkisto\"]",
            "services = [\"potilastiedon-arkisto\", \"potilastietovaranto\"]",
        ),
    )
    .expect("write");
    let twice = verify(&bundle, &[]);
    assert!(twice.stdout.contains("service `potilastietovaranto` is declared twice"), "{}", twice.stdout);
}

#[test]
fn output_is_the_same_for_one_thread_and_many() {
    // ready.zip: entries are decompressed on several threads at once, each on its own reader.
    for bundle in ["ready", "ready.zip", "pretest-coverage-duplicate", "cert-validity-expired", "doc-oid"] {
        let one = verify(&fixture(bundle), &["--jobs", "1"]);
        let many = verify(&fixture(bundle), &["--jobs", "8"]);
        assert_eq!(one.code, many.code, "{bundle}");
        assert_eq!(one.junit, many.junit, "{bundle}: JUnit");
        assert_eq!(one.json, many.json, "{bundle}: JSON");
        assert_eq!(one.stdout, many.stdout, "{bundle}: terminal");
    }
}

/// `--jobs` takes at most 256 threads: until 2026-12-03 any number was taken, and rayon's work
/// stealing grows with the square of the threads (the ready bundle took 2 s at 1,000 threads and
/// 105 s at 10,000; 30,000 aborted with "failed to initiate panic", exit 134).
#[test]
fn jobs_beyond_the_limit_are_a_usage_error_at_once() {
    let ready = fixture("ready");
    let most = verify(&ready, &["--jobs", "256"]);
    assert_eq!(most.code, 0, "{}", most.stderr);
    let output = valmis(&["verify", ready.to_str().expect("utf-8"), "--now", NOW, "-q", "--jobs", "100000"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("`100000` is not a value of `--jobs <N>`: not between 0 and 256"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn json_has_the_same_content_as_junit() {
    let run = verify(&fixture("bundle-org-check-digit"), &[]);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON parses");
    let junit = quick_junit::Report::deserialize_from_str(&run.junit).expect("JUnit parses");
    assert_eq!(json["format"], 1);
    assert_eq!(json["ready"], false);
    assert_eq!(json["outcomes"].as_array().expect("outcomes").len(), junit.tests);
    assert_eq!(json["summary"]["failed"].as_u64(), Some(junit.failures as u64));
    let org = json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .find(|o| o["requirement"] == "BUNDLE-ORG")
        .expect("BUNDLE-ORG");
    assert_eq!(org["status"], "failed");
    assert_eq!(org["findings"][0]["location"]["line"], 9);
    assert!(org["findings"][0]["message"].as_str().expect("message").contains("check digit should be 1"));
}

#[test]
fn findings_point_at_file_line_and_column_with_a_snippet() {
    let run = verify(&fixture("bundle-org-check-digit"), &[]);
    let bundle = fixture("bundle-org-check-digit");
    let expected = format!("{}/manifest.toml:9:15", bundle.display());
    assert!(run.stdout.contains(&expected), "{}", run.stdout);
    assert!(run.stdout.contains("business_id = \"1234567-2\""), "snippet shown:\n{}", run.stdout);
    assert!(run.junit.contains(&format!("{expected}: business id `1234567-2` is not valid")), "{}", run.junit);
    assert!(run.junit.contains("line=\"9\""));
}

#[test]
fn a_real_identity_code_is_never_printed_whole() {
    let run = verify(&fixture("privacy-hetu"), &[]);
    assert_eq!(run.code, 1);
    for output in [&run.stdout, &run.junit, &run.json] {
        assert!(!output.contains("131052-308T"), "whole code leaked:\n{output}");
        assert!(output.contains("131052-3***"), "masked code shown");
    }
}

#[test]
fn a_real_identity_code_in_the_report_is_masked_in_every_sink_and_spreadsheet_cells_are_scanned() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    let report = temp.path().join("pretest/report.csv");
    let text = std::fs::read_to_string(&report).expect("report");
    // A real code, and a mistyped one outside the test range.
    let text = text.replacen(",020516C903K,", ",131052-308T,", 1).replacen(",010181-900C,,", ",131052-308X,,", 1);
    std::fs::write(&report, text).expect("write");
    let run = verify(temp.path(), &["--skip", "BUNDLE-INTEGRITY"]);
    assert_eq!(run.code, 1);
    let failed = failed_names(&run.junit);
    assert!(
        failed.contains("PRETEST-TEST-PERSON: PA-02") && failed.contains("PRETEST-TEST-PERSON: PA-03"),
        "{failed:?}"
    );
    assert!(failed.contains("PRIVACY-HETU: pretest/report.csv"), "{failed:?}");
    for output in [&run.stdout, &run.junit, &run.json] {
        assert!(!output.contains("131052-308T") && !output.contains("131052-308X"), "whole code leaked:\n{output}");
        assert!(output.contains("131052-3***") && output.contains("131052-***X"), "masked codes shown:\n{output}");
    }

    // The XLSX variant: cells are located as Excel names them.
    let run = verify(&fixture("privacy-hetu-xlsx"), &[]);
    assert!(
        run.junit.contains("pretest/report.xlsx:Esitestit!H6: personal identity code `131052-3***`"),
        "{}",
        run.junit
    );
    assert!(!run.junit.contains("131052-308T") && !run.stdout.contains("131052-308T"));
}

/// A presentation, a macro-enabled document or workbook and a template are zips of XML parts as
/// DOCX and XLSX are: a real code in their text is found. pandoc writes the PowerPoint file, the
/// Word document (renamed as Word's macro and template variants, which differ only in their
/// content types) and the OpenDocument text (renamed `.odp`: Impress keeps its text in the same
/// `text:p` elements of `content.xml`); the workbook is the privacy-hetu-xlsx fixture's, `.xlsm`.
#[test]
fn office_files_of_every_kind_are_scanned_for_identity_codes() {
    let found = std::process::Command::new("pandoc").arg("--version").output().is_ok_and(|out| out.status.success());
    if !support::present_or_skipped(found, "pandoc", "apt install pandoc (.ci/run does)") {
        return;
    }
    let temp = tempfile::tempdir().expect("tempdir");
    let markdown = temp.path().join("haku.md");
    std::fs::write(&markdown, "# Hakutulos\n\nHaettu potilaalla 131052-308T.\n").expect("write");
    let written = |format: &str| -> Vec<u8> {
        let out = temp.path().join(format!("haku.{format}"));
        let status = std::process::Command::new("pandoc")
            .args([markdown.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")])
            .status()
            .expect("pandoc runs");
        assert!(status.success(), "pandoc writes {format}");
        std::fs::read(out).expect("written")
    };
    let (pptx, docx, odt) = (written("pptx"), written("docx"), written("odt"));
    let workbook = std::fs::read(fixture("privacy-hetu-xlsx").join("pretest/report.xlsx")).expect("fixture");
    for (name, bytes) in [
        ("haku.pptx", &pptx),
        ("haku.ppsx", &pptx),
        ("haku.odp", &odt),
        ("haku.docm", &docx),
        ("haku.dotx", &docx),
        ("laskenta.xlsm", &workbook),
    ] {
        let bundle = temp.path().join(name.replace('.', "-"));
        copy_tree(&fixture("ready"), &bundle);
        std::fs::write(bundle.join("evidence/PA-03").join(name), bytes).expect("write");
        let run = verify(&bundle, &["--only", "PRIVACY-HETU"]);
        assert_eq!(run.code, 1, "{name}:\n{}", run.stdout);
        let failed = failed_names(&run.junit);
        assert_eq!(failed, BTreeSet::from([format!("PRIVACY-HETU: evidence/PA-03/{name}")]), "{name}");
        assert!(run.stdout.contains("`131052-3***` is not a test identity"), "{name}:\n{}", run.stdout);
    }
}

/// A zip in memory of `files` (a name ending in `/` is a folder), deflated, or with ZipCrypto's
/// password on every file when `password` is given.
fn zip_of(files: &[(&str, &[u8])], password: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write as _;
    use zip::unstable::write::FileOptionsExt as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        if let Some(folder) = name.strip_suffix('/') {
            writer.add_directory(folder, options).expect("folder");
            continue;
        }
        match password {
            Some(password) => {
                writer.start_file(*name, options.with_deprecated_encryption(password).expect("ZipCrypto"))
            }
            None => writer.start_file(*name, options),
        }
        .expect("start");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("finish").into_inner()
}

#[test]
fn the_files_inside_a_zip_of_evidence_are_scanned_for_identity_codes() {
    // Before: a zip was a binary file to PRIVACY-HETU. A server log zipped as evidence with a
    // real person's code in it passed, and gave no sign that it had not been read.
    let inner = zip_of(&[("vanha-sanoma.xml", b"<potilas hetu=\"131052-308T\"/>")], None);
    let workbook = std::fs::read(fixture("privacy-hetu-xlsx").join("pretest/report.xlsx")).expect("fixture");
    let logs = zip_of(
        &[
            ("lokit/", b""),
            ("lokit/palvelin.log", b"10:00 haku 010181-900C\n10:01 haku 131052-308T\n"),
            ("lokit/kuvakaappaus.png", b"\x89PNG 131052-308T"),
            ("lokit/131052-308T.txt", b"tyhja"),
            ("lokit/kuva-131052-308T.png", b"\x89PNG"),
            ("arkisto.zip", &inner),
            ("potilas-131052-308T.zip", &zip_of(&[("tyhja.txt", b"")], None)),
            ("laskenta.xlsx", &workbook),
        ],
        None,
    );
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    std::fs::write(bundle.join("evidence/PA-02/lokit.zip"), &logs).expect("write");
    let run = verify(&bundle, &["--only", "PRIVACY-HETU"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(failed_names(&run.junit), BTreeSet::from(["PRIVACY-HETU: evidence/PA-02/lokit.zip".to_owned()]));
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let outcome = outcome_of(&json, "PRIVACY-HETU", "evidence/PA-02/lokit.zip");
    let messages: Vec<&str> = outcome["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .inspect(|finding| {
            let path = finding["location"]["path"].as_str().expect("placed");
            assert!(path.ends_with("/nippu/evidence/PA-02/lokit.zip"), "on the zip: {path}");
        })
        .map(|finding| finding["message"].as_str().expect("message"))
        .collect();
    let not_test = "personal identity code `131052-3***` is not a test identity (individual number not in 900–999)";
    let name_holds = |entry: &str| {
        format!(
            "the name of `{entry}` in the archive holds personal identity code `131052-3***`, which is not a test identity (individual number not in 900–999)"
        )
    };
    assert_eq!(
        messages,
        [
            format!("{not_test}, in `arkisto.zip/vanha-sanoma.xml` inside the archive, line 1"),
            format!("{not_test}, in `laskenta.xlsx` inside the archive, cell Esitestit!H6"),
            format!("{not_test}, in `lokit/palvelin.log` inside the archive, line 2"),
            name_holds("lokit/131052-3***.txt"),
            name_holds("lokit/kuva-131052-3***.png"),
            name_holds("potilas-131052-3***.zip"),
        ],
        "the screenshot is not read, but its name is; the test identity passes"
    );
    assert!(!run.junit.contains("131052-308T") && !run.json.contains("131052-308T"), "masked everywhere");

    // A zip of screenshots only has nothing scanned: no outcome, not a pass.
    let images = zip_of(&[("kuva.png", b"\x89PNG"), ("kuva.jpg", b"\xff\xd8")], None);
    std::fs::write(bundle.join("evidence/PA-02/lokit.zip"), &images).expect("write");
    let run = verify(&bundle, &["--only", "PRIVACY-HETU"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.json.contains("lokit.zip"), "not a subject: {}", run.json);

    // A zip whose files need a password cannot be scanned, and fails as such.
    let locked = zip_of(&[("palvelin.log", b"10:00 haku 010181-900C\n")], Some(b"salasana"));
    std::fs::write(bundle.join("evidence/PA-02/lokit.zip"), &locked).expect("write");
    let run = verify(&bundle, &["--only", "PRIVACY-HETU"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("`evidence/PA-02/lokit.zip` could not be scanned: `palvelin.log` could not be read"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_workbooks_sheet_name_is_scanned_for_identity_codes() {
    // Before: a sheet's name is an attribute of `xl/workbook.xml`, and PRIVACY-HETU read no
    // attribute: a sheet per patient, named by the patient's code, passed.
    let workbook = std::fs::read(fixture("pretest-report-xlsx").join("pretest/report.xlsx")).expect("fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).expect("a zip");
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("part");
        let name = part.name().expect("a UTF-8 name").into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes).expect("read");
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(text.contains("name=\"Esitestit\""), "{text}");
            bytes = text.replace("name=\"Esitestit\"", "name=\"Potilas 131052-308T\"").into_bytes();
        }
        parts.push((name, bytes));
    }
    let renamed =
        zip_of(&parts.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())).collect::<Vec<_>>(), None);
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    std::fs::write(bundle.join("evidence/PA-03/haut.xlsx"), &renamed).expect("write");
    let run = verify(&bundle, &["--only", "PRIVACY-HETU"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let (status, messages) = outcome(&json, "PRIVACY-HETU", "evidence/PA-03/haut.xlsx");
    assert_eq!(status, "failed");
    assert_eq!(
        messages,
        [
            "personal identity code `131052-3***` is not a test identity (individual number not in 900–999), in the name of a sheet (`xl/workbook.xml`)"
        ]
    );
}

/// A private key pasted into a Word or OpenDocument text (the connection instructions, a key as
/// a code block or as lines of their own) fails BUNDLE-SECRETS, outside a zip and inside one:
/// the document was a zip to it, its text deflated out of sight, and it passed. pandoc writes the
/// documents, as a real word processor lays the text out in its parts.
#[test]
fn a_private_key_pasted_into_an_office_document_fails_bundle_secrets() {
    let found = std::process::Command::new("pandoc").arg("--version").output().is_ok_and(|out| out.status.success());
    if !support::present_or_skipped(found, "pandoc", "apt install pandoc (.ci/run does)") {
        return;
    }
    let pem = String::from_utf8(
        std::fs::read(fixture("bundle-secrets-pem").join("evidence/PA-01/yhteysasetukset.txt")).expect("fixture"),
    )
    .expect("utf-8");
    let key_lines: Vec<&str> = pem.lines().skip(1).collect();
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    // pandoc's own markdown: the key as a fenced code block, and as lines with hard breaks.
    let texts = [
        ("koodilohko", format!("# Yhteysohje\n\nAvain:\n\n```\n{}\n```\n", key_lines.join("\n"))),
        ("rivit", format!("# Yhteysohje\n\n{}\n", key_lines.join("\\\n"))),
    ];
    let pandoc = |markdown: &str, format: &str| -> Vec<u8> {
        let input = temp.path().join("ohje.md");
        std::fs::write(&input, markdown).expect("write");
        let out = temp.path().join(format!("ohje.{format}"));
        let status = std::process::Command::new("pandoc")
            .args([input.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")])
            .status()
            .expect("pandoc runs");
        assert!(status.success(), "pandoc writes {format}");
        std::fs::read(out).expect("written")
    };
    for (layout, markdown) in &texts {
        for format in ["docx", "odt"] {
            let document = pandoc(markdown, format);
            let name = format!("yhteysohje-{layout}.{format}");
            let inside = zip_of(&[(name.as_str(), &document)], None);
            for (file, bytes, said) in [
                (
                    name.clone(),
                    &document,
                    format!("`evidence/PA-01/{name}` contains a PEM `EC PRIVATE KEY` block, in `"),
                ),
                (
                    "ohjeet.zip".to_owned(),
                    &inside,
                    format!("`{name}` inside the archive contains a PEM `EC PRIVATE KEY` block, in `"),
                ),
            ] {
                let path = bundle.join("evidence/PA-01").join(&file);
                std::fs::write(&path, bytes).expect("write");
                let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
                std::fs::remove_file(&path).expect("remove");
                assert_eq!(run.code, 1, "{file} ({layout}):\n{}", run.stdout);
                assert!(run.stdout.contains(&said), "{file} ({layout}):\n{}", run.stdout);
                let part = if format == "docx" { "word/document.xml" } else { "content.xml" };
                assert!(run.stdout.contains(&format!("in `{part}`, paragraph ")), "{file}:\n{}", run.stdout);
                assert!(!run.junit.contains(key_lines[1]) && !run.json.contains(key_lines[1]), "no key is quoted");
            }
        }
    }

    // The same instructions without the key pass: BUNDLE-SECRETS read them and found none.
    let document = pandoc("# Yhteysohje\n\nAvain toimitetaan erikseen, ei tässä.\n", "docx");
    std::fs::write(bundle.join("evidence/PA-01/yhteysohje.docx"), document).expect("write");
    let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn every_kind_of_key_store_fails_bundle_secrets_by_its_name() {
    // Before: an Android app's BouncyCastle key store (`.bks`, a Kanta PHR app's client key), a
    // Java JCEKS or BCFKS store, a `.pkcs12` and Microsoft's `.pvk` passed: binary, with no PEM
    // block to find, and not among the names BUNDLE-SECRETS knew.
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    let extensions =
        ["p12", "pfx", "pkcs12", "key", "jks", "keystore", "jceks", "bks", "bcfks", "ppk", "pvk", "p8", "pk8"];
    for extension in extensions {
        let file = bundle.join(format!("evidence/PA-01/sovellus.{extension}"));
        std::fs::write(&file, b"\x00\x00\x00\x02 ei luettu").expect("write");
        let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
        std::fs::remove_file(&file).expect("remove");
        assert_eq!(run.code, 1, ".{extension}:\n{}", run.stdout);
        let said = format!("`evidence/PA-01/sovellus.{extension}` is a private key or key store file (.{extension})");
        assert!(run.stdout.contains(&said), ".{extension}:\n{}", run.stdout);
    }
    // Its certificate beside it, a `.cer` or `.crt`, is no secret.
    std::fs::write(bundle.join("evidence/PA-01/sovellus.cer"), b"\x30\x82 ei avain").expect("write");
    let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn private_keys_inside_a_zip_fail_bundle_secrets() {
    // Before: a zip was opaque to BUNDLE-SECRETS. A configuration folder zipped as evidence with
    // the client's key store, PEM key and DER key in it passed, as long as zip deflated them.
    let der = std::fs::read(fixture("bundle-secrets-der").join("evidence/PA-01/varmenne.der")).expect("fixture");
    let pem = std::fs::read(fixture("bundle-secrets-pem").join("evidence/PA-01/yhteysasetukset.txt")).expect("fixture");
    let inner = zip_of(&[("palvelin.der", &der), ("lueminut.txt", b"ei avaimia")], None);
    let config = zip_of(
        &[
            ("asetukset/", b""),
            ("asetukset/asiakas.p12", b"\x30\x82 ei luettu"),
            ("asetukset/yhteys.txt", &pem),
            ("vanhat.zip", &inner),
            ("kuvakaappaus.png", b"\x89PNG"),
        ],
        None,
    );
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    std::fs::write(bundle.join("evidence/PA-02/asetukset.zip"), &config).expect("write");
    let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let outcome = outcome_of(&json, "BUNDLE-SECRETS", "");
    let findings = outcome["findings"].as_array().expect("findings");
    let said: Vec<(&str, &str)> = findings
        .iter()
        .map(|finding| {
            (finding["message"].as_str().expect("message"), finding["location"]["path"].as_str().expect("placed"))
        })
        .collect();
    let mut messages: Vec<&str> = said
        .iter()
        .map(|(message, path)| {
            assert!(path.ends_with("/nippu/evidence/PA-02/asetukset.zip"), "on the zip: {path}");
            *message
        })
        .collect();
    messages.sort_unstable();
    assert_eq!(
        messages,
        [
            "`asetukset/asiakas.p12` inside the archive is a private key or key store file (.p12)",
            "`asetukset/yhteys.txt` inside the archive contains a PEM `EC PRIVATE KEY` block, line 2",
            "`vanhat.zip/palvelin.der` inside the archive is a DER-encoded private key",
        ]
    );
    assert!(!run.junit.contains("BEGIN") && !run.json.contains("MHc"), "no key is quoted");

    // A zip whose files need a password is not scanned, and fails as such.
    let locked = zip_of(&[("yhteys.txt", b"palvelu=asiakastesti\n")], Some(b"salasana"));
    std::fs::write(bundle.join("evidence/PA-02/asetukset.zip"), &locked).expect("write");
    let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("`evidence/PA-02/asetukset.zip` could not be read to its end: `yhteys.txt` could not be read"),
        "{}",
        run.stdout
    );

    // The ready example's zip of logs holds no key: BUNDLE-SECRETS passes it, having read it.
    std::fs::remove_file(bundle.join("evidence/PA-02/asetukset.zip")).expect("remove");
    let run = verify(&bundle, &["--only", "BUNDLE-SECRETS"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn malformed_spreadsheets_give_one_clear_finding_each() {
    for (bundle, expected) in [
        ("pretest-report-xlsx-truncated", "the file is truncated or not a zip"),
        ("pretest-report-xlsx-not-workbook", "is it another file renamed to .xlsx?"),
        ("pretest-report-xlsx-merged-header", "header cells Esitestit!G3:H3 are merged"),
    ] {
        let run = verify(&fixture(bundle), &[]);
        let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
        let outcome = json["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .find(|outcome| outcome["requirement"] == "PRETEST-REPORT")
            .expect("PRETEST-REPORT reported");
        let findings = outcome["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 1, "{bundle}: {findings:?}");
        let message = findings[0]["message"].as_str().expect("message");
        assert!(message.contains(expected), "{bundle}: {message}");
        assert!(findings[0]["location"]["path"].as_str().is_some_and(|path| path.ends_with("pretest/report.xlsx")));
    }
}

/// One outcome of a JSON report, by its requirement and subject (`""` for a bundle-wide one).
fn outcome_of<'a>(json: &'a serde_json::Value, requirement: &str, subject: &str) -> &'a serde_json::Value {
    json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .find(|outcome| outcome["requirement"] == requirement && outcome["subject"].as_str().unwrap_or("") == subject)
        .unwrap_or_else(|| panic!("no outcome {requirement}: {subject}"))
}

/// Status and finding messages of one outcome in a JSON report.
fn outcome(json: &serde_json::Value, requirement: &str, subject: &str) -> (String, Vec<String>) {
    let found = outcome_of(json, requirement, subject);
    let messages = found["findings"]
        .as_array()
        .map(|findings| findings.iter().filter_map(|f| f["message"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    (found["status"].as_str().or(found["status"]["kind"].as_str()).unwrap_or_default().to_owned(), messages)
}

#[test]
fn the_real_expired_vrk_test_certificate_is_judged_as_such() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    let signing = temp.path().join("connection/certs/allekirjoitusvarmenne.pem");
    std::fs::copy(root().join("fixtures/certs/vrk-test-system-signature-2013.pem"), &signing).expect("copy");
    let run = verify(temp.path(), &["--skip", "BUNDLE-INTEGRITY"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let subject = "connection/certs/allekirjoitusvarmenne.pem";
    let (status, messages) = outcome(&json, "CERT-VALIDITY", subject);
    assert_eq!(status, "failed", "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("INT_Reseptikeskus) expired on 2018-04-10 (notAfter)")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("a DVV system-signature certificate is valid for at most 730")),
        "{messages:?}"
    );
    let (status, messages) = outcome(&json, "CERT-KEY", subject);
    assert_eq!(status, "failed");
    assert!(messages.iter().any(|m| m.contains("signed with sha1WithRSAEncryption")), "{messages:?}");
    let (status, _) = outcome(&json, "CERT-ISSUER", subject);
    assert_eq!(status, "passed", "the catalog lists VRK TEST CA for Healthcare Service Providers");
    let (status, _) = outcome(&json, "CERT-USAGE", subject);
    assert_eq!(status, "passed", "digitalSignature and nonRepudiation");
    let (status, messages) = outcome(&json, "CERT-SUBJECT", subject);
    assert_eq!(status, "failed");
    assert!(messages.iter().any(|m| m.contains("serialNumber `1.2.246.556.10001.1`")), "{messages:?}");

    // A catalog that lists neither the old VRK test CA nor its unit does not recognise its issuer.
    let catalog = tempfile::tempdir().expect("tempdir");
    copy_tree(&root().join("testcases/2027-1"), catalog.path());
    let path = catalog.path().join("catalog.toml");
    let text: String = std::fs::read_to_string(&path)
        .expect("catalog")
        .lines()
        .filter(|line| {
            // The name, and the unit that would recognise it without the name.
            !line.trim_start().starts_with("\"VRK TEST CA for Healthcare Service Providers\",")
                && !line.trim_start().starts_with("\"Terveydenhuollon testipalveluvarmenteet\",")
        })
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&path, text).expect("write");
    let run =
        verify(temp.path(), &["--skip", "BUNDLE-INTEGRITY", "--catalog", catalog.path().to_str().expect("utf-8")]);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let (status, messages) = outcome(&json, "CERT-ISSUER", subject);
    assert_eq!(status, "failed");
    assert!(messages.iter().any(|m| m.contains("which is not a DVV test CA of round 2027-1")), "{messages:?}");
    let help = json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .find(|o| o["requirement"] == "CERT-ISSUER" && o["subject"] == subject)
        .expect("outcome")["findings"][0]["help"]
        .as_str()
        .expect("help")
        .to_owned();
    assert!(
        help.contains(
            "is named like a DVV test CA: if DVV issued the certificate, add the name to [round] test_ca_names"
        ),
        "{help}"
    );
}

/// `N` of a `+N more findings …` finding, the one that stands for what an outcome does not list.
fn more_findings(finding: &serde_json::Value) -> Option<usize> {
    let message = finding["message"].as_str()?.strip_prefix('+')?;
    let (count, rest) = message.split_once(' ')?;
    if rest.starts_with("more findings") { count.parse().ok() } else { None }
}

/// Failed outcomes of `requirement` by subject, with their number of findings.
fn failures(json: &serde_json::Value, requirement: &str) -> BTreeMap<String, usize> {
    json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .filter(|outcome| outcome["requirement"] == requirement && outcome["status"] == "failed")
        .map(|outcome| {
            let subject = outcome["subject"].as_str().unwrap_or_default().to_owned();
            // Past 50 findings, one finding counts the rest (`+N more findings …`).
            let count = outcome["findings"]
                .as_array()
                .map_or(0, |findings| findings.iter().map(|finding| more_findings(finding).unwrap_or(1)).sum());
            (subject, count)
        })
        .collect()
}

/// What valmis says of Kela's own sample documents that Kela's rules really forbid: (file,
/// requirement, reason). Empty: the 37 format 3.3 samples of the corpus are correct by every
/// rule valmis checks. (Kela's wider KantaCDA-API test set has genuine defects, such as real
/// identity codes 050775-0xxx and a `POCD_HD00040` typo: those documents are not in the corpus.)
const KELA_SAMPLE_DEFECTS: &[(&str, &str, &str)] = &[];

#[test]
fn a_test_organisation_the_manifest_declares_is_an_arc_document_ids_may_use() {
    // doc-oid-arc: a document id under 1.2.246.10.23456799, which nothing names: a warning.
    let run = verify(&fixture("doc-oid-arc"), &["--strict"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    // Declared as a test organisation, the same arc is accepted.
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("doc-oid-arc"), temp.path());
    let manifest = temp.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest").replace(
        "test_organisations = [\"1.2.246.10.23456780\"]",
        "test_organisations = [\"1.2.246.10.23456780\", \"1.2.246.10.23456799\"]",
    );
    std::fs::write(&manifest, text).expect("write");
    let run = verify(temp.path(), &["--strict", "--skip", "BUNDLE-INTEGRITY"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn cda_schema_replaces_the_rounds_schema_set_and_a_broken_one_is_an_error_not_a_pass() {
    // Kela's set given explicitly: the same verdicts as the built-in one.
    let kela = root().join("testcases/2027-1/schemas/kanta-cda");
    let run = verify(&fixture("doc-schema"), &["--cda-schema", kela.to_str().expect("utf-8")]);
    assert_eq!(blocking_requirements(&run.junit), BTreeSet::from(["DOC-SCHEMA".to_owned()]), "{}", run.stdout);
    let entry = kela.join("CDA_Fi.xsd");
    let run = verify(&fixture("ready"), &["--cda-schema", entry.to_str().expect("utf-8")]);
    assert_eq!(run.code, 0, "{}", run.stdout);

    // A set without one of its included files cannot be used: DOC-SCHEMA cannot be evaluated.
    let temp = tempfile::tempdir().expect("tempdir");
    for file in std::fs::read_dir(&kela).expect("schemas").filter_map(Result::ok) {
        if file.file_name() != "voc.xsd" {
            std::fs::copy(file.path(), temp.path().join(file.file_name())).expect("copy");
        }
    }
    let run = verify(&fixture("ready"), &["--cda-schema", temp.path().to_str().expect("utf-8")]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = quick_junit::Report::deserialize_from_str(&run.junit).expect("parses");
    let errors: Vec<String> = report
        .test_suites
        .iter()
        .flat_map(|suite| &suite.test_cases)
        .filter(|case| matches!(&case.status, TestCaseStatus::NonSuccess { kind: NonSuccessKind::Error, .. }))
        .map(|case| case.name.as_str().to_owned())
        .collect();
    assert_eq!(errors.len(), 3, "one error per CDA document: {errors:?}");
    assert!(
        run.stdout.contains("refers to the schema `voc.xsd`, which is not among the schema files"),
        "{}",
        run.stdout
    );

    // A path that is not there is a usage error.
    let output = valmis(&["verify", fixture("ready").to_str().expect("utf-8"), "--cda-schema", "/nonexistent/schemas"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--cda-schema: `/nonexistent/schemas` is neither a schema file nor a folder")
    );
}

#[test]
fn kelas_own_cda_samples_pass_every_document_check() {
    let corpus = root().join("fixtures/kanta-cda/documents");
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .expect("fixtures/kanta-cda/documents")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 37);
    // The vendored copies are the corpus's, where the corpus is present.
    let shared = root().join("../shared/corpus/kanta-cda/documents");
    if shared.is_dir() {
        for name in &names {
            assert_eq!(
                std::fs::read(corpus.join(name)).expect("copy"),
                std::fs::read(shared.join(name)).expect("corpus"),
                "{name} differs from ../shared/corpus"
            );
        }
    }
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    let manifest = temp.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    // Without [files], the added documents need no digests.
    std::fs::write(&manifest, &text[..text.find("[files]").expect("[files]")]).expect("write");
    for name in &names {
        std::fs::copy(corpus.join(name), temp.path().join("documents").join(name)).expect("copy");
    }
    let run = verify(temp.path(), &[]);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let mut defects: Vec<(String, String)> = Vec::new();
    for outcome in json["outcomes"].as_array().expect("outcomes") {
        if outcome["status"] == "failed" || outcome["status"] == "error" {
            defects.push((
                outcome["subject"].as_str().unwrap_or_default().to_owned(),
                outcome["requirement"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    }
    let expected: Vec<(String, String)> = KELA_SAMPLE_DEFECTS
        .iter()
        .map(|(file, requirement, _reason)| (format!("documents/{file}"), (*requirement).to_owned()))
        .collect();
    assert_eq!(defects, expected, "{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Every sample was judged by the document checks, not skipped.
    for requirement in ["DOC-WELLFORMED", "DOC-CDA-HEADER", "DOC-OID", "DOC-TIMESTAMPS", "DOC-PATIENT", "PRIVACY-HETU"]
    {
        for name in &names {
            let subject = format!("documents/{name}");
            let outcome = json["outcomes"]
                .as_array()
                .expect("outcomes")
                .iter()
                .find(|outcome| outcome["requirement"] == requirement && outcome["subject"] == subject.as_str());
            let status = outcome.map(|outcome| outcome["status"].as_str().unwrap_or_default());
            assert!(matches!(status, Some("passed" | "warned")), "{requirement} {subject}: {status:?}");
        }
    }
}

#[test]
fn the_real_certificates_in_kelas_samples_are_judged_by_their_issuer() {
    use base64::Engine as _;
    // Every distinct certificate embedded (ds:X509Certificate) in Kela's sample documents, as the
    // bundle's system-signature certificate: the VRK test service certificate passes
    // CERT-ISSUER, the test professionals' card certificates fail with their own message.
    let mut certificates: BTreeMap<Vec<u8>, String> = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("fixtures/kanta-cda/documents")).expect("corpus").filter_map(Result::ok)
    {
        let text = std::fs::read_to_string(entry.path()).expect("document");
        for block in text.split("<ds:X509Certificate>").skip(1) {
            let encoded: String =
                block.split("</ds:X509Certificate>").next().unwrap_or_default().split_whitespace().collect();
            let der = base64::engine::general_purpose::STANDARD.decode(encoded).expect("base64");
            certificates.entry(der).or_insert_with(|| entry.file_name().to_string_lossy().into_owned());
        }
    }
    assert_eq!(certificates.len(), 5, "one service certificate and four professionals' certificates");
    let mut verdicts = BTreeMap::new();
    for (der, document) in &certificates {
        let temp = tempfile::tempdir().expect("tempdir");
        copy_tree(&fixture("ready"), temp.path());
        std::fs::write(temp.path().join("connection/certs/allekirjoitusvarmenne.pem"), der).expect("write");
        let run = verify(temp.path(), &["--only", "CERT-ISSUER"]);
        let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
        let outcome = json["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .find(|outcome| outcome["subject"] == "connection/certs/allekirjoitusvarmenne.pem")
            .expect("an outcome for the signing certificate")
            .clone();
        let status = outcome["status"].as_str().expect("status").to_owned();
        let issuer = valmis_pki::read_certificates(der).expect("DER")[0].issuer_common_name.clone().expect("CN");
        if status == "failed" {
            let message = outcome["findings"][0]["message"].as_str().expect("message");
            assert!(
                message.contains("is a professional's (personal) certificate")
                    && message.contains("its subject names a person"),
                "{document}: {message}"
            );
        }
        *verdicts.entry((issuer, status)).or_insert(0) += 1;
    }
    assert_eq!(
        verdicts,
        BTreeMap::from([
            (("VRK TEST CA for Healthcare Professionals".to_owned(), "failed".to_owned()), 4),
            (("VRK TEST CA for Healthcare Service Providers".to_owned(), "passed".to_owned()), 1),
        ])
    );
}

#[test]
fn the_real_hl7_finland_examples_are_checked_and_their_defects_recorded() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    for entry in std::fs::read_dir(temp.path().join("documents")).expect("documents") {
        std::fs::remove_file(entry.expect("entry").path()).expect("remove");
    }
    let corpus = root().join("fixtures/fhir-fi-base-examples");
    let mut count = 0;
    for entry in std::fs::read_dir(&corpus).expect("corpus").filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|ext| ext == "json") {
            std::fs::copy(entry.path(), temp.path().join("documents").join(entry.file_name())).expect("copy");
            count += 1;
        }
    }
    assert_eq!(count, 58);
    let args = ["--only", "FHIR-*", "--only", "DOC-WELLFORMED"];

    // As generic FHIR R4: every example parses and has a known resourceType.
    let run = verify(temp.path(), &args);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    assert!(
        failures(&json, "DOC-WELLFORMED").is_empty() && failures(&json, "FHIR-RESOURCE").is_empty(),
        "{}",
        run.stdout
    );
    // One example carries an identity code with a wrong check character (250810A999Y; C is right).
    let patient = failures(&json, "FHIR-PATIENT");
    assert_eq!(patient, BTreeMap::from([("documents/patientesim1.json".to_owned(), 1)]));
    assert!(
        run.stdout
            .contains("/identifier/0/value is not a valid personal identity code: the check character should be `C`")
    );

    // Judged as Kanta PHR submissions, 21 of them lack the fiphr profile and/or a urn:uuid
    // identifier; the Kanta PHR bundles pass, the generic diabetes bundle does not (958 entries).
    let manifest = temp.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest)
        .expect("manifest")
        .replace("[\"potilastiedon-arkisto\"]", "[\"omatietovaranto\"]");
    std::fs::write(&manifest, text).expect("write");
    let run = verify(temp.path(), &args);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let resource = failures(&json, "FHIR-RESOURCE");
    assert_eq!(resource.len(), 21, "{resource:?}");
    assert_eq!(resource.get("documents/diabetes-data-bundle.json"), Some(&958));
    assert_eq!(resource.get("documents/medicationrequestesim1.json"), Some(&2));
    assert_eq!(resource.get("documents/medication-administration-insulin-bolus-dose-fi.json"), Some(&1));
    for passing in [
        "diabetes-data-bundle-kantaphr-r4-en.json",
        "diabetes-data-bundle-kantaphr-sv.json",
        "Observation-example-BodyWeight-min.json",
    ] {
        assert!(!resource.contains_key(&format!("documents/{passing}")), "{passing} follows the Kanta PHR profiles");
    }
    assert!(run.junit.contains("/entry/0/resource/meta/profile: no Kanta PHR profile"), "entries are named by pointer");
}

/// Declared requirements a vendor adds to its own catalog without Rust.
const DECLARED: &str = r#"
[[requirement]]
id = "OMA-LOMAKE"
area = "bundle"
severity = "error"
title = "the signed registration form is included"
explanation = "Our process keeps the signed copy of the registration form."
fix = "Scan the signed form into forms/."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "file-exists"
glob = "forms/*allekirjoitettu*.pdf"

[[requirement]]
id = "OMA-CDA-OTSIKKO"
area = "documents"
severity = "error"
title = "CDA titles name the document type"
explanation = "Our archive documents are titled Hoitokertomus."
fix = "Use the document type's name as the title."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "xml"
glob = "documents/*.xml"
path = "/ClinicalDocument/title"
matches = "Hoitokertomus"

[[requirement]]
id = "OMA-CDA-KIELI"
area = "documents"
severity = "error"
title = "CDA documents are in Finnish or Swedish"
explanation = "languageCode is fi or sv."
fix = "Set languageCode."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "xml"
glob = "documents/*.xml"
path = "//languageCode/@code"
matches = "fi|sv"

[[requirement]]
id = "OMA-FHIR-KIELI"
area = "documents"
severity = "error"
title = "FHIR resources state their language"
explanation = "language is fi or sv."
fix = "Set language."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "json"
glob = "documents/*.json"
pointer = "/language"
matches = "fi|sv"

[[requirement]]
id = "OMA-EI-TUOTANTO"
area = "bundle"
severity = "error"
title = "evidence never mentions production hosts"
explanation = "Evidence comes from the customer test environment."
fix = "Remove production material."
reference = "https://www.kanta.fi/en/system-developers/test-environments"
check = "text-absent"
glob = "evidence/**"
pattern = "prod\\.kanta\\.fi"

[[requirement]]
id = "OMA-CDA-SKEEMA"
area = "documents"
severity = "error"
title = "CDA documents validate against our schema"
explanation = "xmllint with the XSD in the catalog folder."
fix = "Fix the element named in the finding."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "external"
glob = "documents/*.xml"
command = ["xmllint", "--noout", "--schema", "{catalog}/schemas/kanta-cda-lite.xsd", "{document}"]

[[requirement]]
id = "OMA-SCHEMATRON"
area = "documents"
severity = "warning"
title = "Schematron rules (SVRL)"
explanation = "A Schematron runner's SVRL report."
fix = "Follow the rule text."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "external"
glob = "documents/hoitokertomus-2026-11-12.xml"
output = "svrl"
command = ["cat", "{catalog}/schemas/esimerkki-tulos.svrl"]
"#;

/// A user catalog: the shipped round plus `extra`, with our test schemas beside it.
fn user_catalog(extra: &str) -> tempfile::TempDir {
    let catalog = tempfile::tempdir().expect("tempdir");
    copy_tree(&root().join("testcases/2027-1"), catalog.path());
    std::fs::create_dir_all(catalog.path().join("schemas")).expect("mkdir");
    copy_tree(&root().join("fixtures/schemas"), &catalog.path().join("schemas"));
    let path = catalog.path().join("catalog.toml");
    let text = std::fs::read_to_string(&path).expect("catalog") + extra;
    std::fs::write(&path, text).expect("write");
    catalog
}

#[test]
fn requirements_declared_in_a_user_catalog_run_without_rust() {
    let catalog = user_catalog(DECLARED);
    let catalog_arg = catalog.path().to_str().expect("utf-8").to_owned();
    let with_xmllint = xmllint_available();
    let run = verify(&fixture("ready"), &["--catalog", &catalog_arg, "--only", "OMA-*"]);
    let failed = failed_names(&run.junit);
    assert!(failed.contains("OMA-LOMAKE"), "{}", run.stdout);
    assert!(run.stdout.contains("no file of the bundle matches `forms/*allekirjoitettu*.pdf`"), "{}", run.stdout);
    for passing in ["OMA-CDA-OTSIKKO", "OMA-CDA-KIELI", "OMA-FHIR-KIELI", "OMA-EI-TUOTANTO", "OMA-CDA-SKEEMA"] {
        assert!(failed.iter().all(|name| !name.starts_with(passing)), "{passing} should pass:\n{}", run.stdout);
    }
    // The SVRL report's failed assert and successful report become warnings with their rule ids.
    assert!(
        run.stdout
            .contains("rule PTAL331.2024#21: Asiakirjalta puuttuu hl7fi:localHeader. (at /*:ClinicalDocument[1])"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("rule PTAL331.2024#34"), "{}", run.stdout);
    if !with_xmllint {
        assert!(run.stdout.contains("`xmllint` is not installed"), "{}", run.stdout);
    }

    // A document without a title fails the XML check and, through xmllint, the schema at its line.
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    let document = temp.path().join("documents/hoitokertomus-2026-11-12.xml");
    let text = std::fs::read_to_string(&document).expect("read").replace("<title>Hoitokertomus</title>", "");
    std::fs::write(&document, text).expect("write");
    let evidence = temp.path().join("evidence/PA-03/haku.txt");
    let text = std::fs::read_to_string(&evidence).expect("read") + "Vertailu: arkisto.prod.kanta.fi\n";
    std::fs::write(&evidence, text).expect("write");
    let run = verify(temp.path(), &["--catalog", &catalog_arg, "--only", "OMA-*"]);
    let failed = failed_names(&run.junit);
    assert!(failed.contains("OMA-CDA-OTSIKKO: documents/hoitokertomus-2026-11-12.xml"), "{failed:?}");
    assert!(run.stdout.contains("`/ClinicalDocument/title` is not in the document"), "{}", run.stdout);
    assert!(failed.contains("OMA-EI-TUOTANTO: evidence/PA-03/haku.txt"), "{failed:?}");
    if with_xmllint {
        assert!(failed.contains("OMA-CDA-SKEEMA: documents/hoitokertomus-2026-11-12.xml"), "{failed:?}");
        assert!(
            run.junit
                .contains("hoitokertomus-2026-11-12.xml:10:1: xmllint: element effectiveTime: Schemas validity error"),
            "{}",
            run.junit
        );
    }
}

#[test]
fn declared_checks_with_wrong_parameters_are_catalog_errors_at_their_line() {
    for (extra, expected) in [
        ("check = \"xml\"\nglob = \"documents/*.xml\"\n", "needs `path`"),
        ("check = \"json\"\nglob = \"*.json\"\npointer = \"meta\"\n", "`pointer` must be a JSON pointer"),
        ("check = \"text-absent\"\nglob = \"**\"\npattern = \"(unclosed\"\n", "bad regular expression"),
        (
            "check = \"file-exists\"\nglob = \"forms/*.pdf\"\npath = \"/x\"\n",
            "`path` does not belong to a `check = \"file-exists\"`",
        ),
        ("check = \"external\"\nglob = \"*.xml\"\ncommand = []\n", "`command` must name a program"),
    ] {
        let requirement = format!(
            "\n[[requirement]]\nid = \"OMA-VIRHE\"\narea = \"bundle\"\nseverity = \"error\"\ntitle = \"t\"\nexplanation = \"e\"\nfix = \"f\"\nreference = \"https://example.fi\"\n{extra}"
        );
        let catalog = user_catalog(&requirement);
        let output = valmis(&[
            "verify",
            fixture("ready").to_str().expect("utf-8"),
            "--catalog",
            catalog.path().to_str().expect("utf-8"),
        ]);
        assert_eq!(output.status.code(), Some(2), "{extra}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected) && stderr.contains("catalog.toml:"), "{extra}: {stderr}");
    }
}

#[test]
fn each_pre_test_case_is_its_own_test_case_with_file_and_line() {
    let run = verify(&fixture("ready"), &[]);
    let report = quick_junit::Report::deserialize_from_str(&run.junit).expect("parses");
    let pretest = report.test_suites.iter().find(|suite| suite.name.as_str() == "pretest").expect("pretest suite");
    for id in ["PRETEST-RESULT", "PRETEST-EVIDENCE", "PRETEST-DATES", "PRETEST-ENVIRONMENT", "PRETEST-TEST-PERSON"] {
        for (case, line) in [("PA-01", "2"), ("PA-02", "3"), ("PA-03", "4"), ("PA-04", "5"), ("PA-05", "6")] {
            let name = format!("{id}: {case}");
            let found = pretest.test_cases.iter().find(|c| c.name.as_str() == name).unwrap_or_else(|| panic!("{name}"));
            let attribute =
                |key: &str| found.extra.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v.as_str().to_owned());
            assert!(attribute("file").is_some_and(|file| file.ends_with("ready/pretest/report.csv")), "{name}");
            assert_eq!(attribute("line").as_deref(), Some(line), "{name}");
        }
    }
}

#[test]
fn private_key_material_is_never_printed() {
    let run = verify(&fixture("bundle-secrets-pem"), &[]);
    assert_eq!(run.code, 1);
    for output in [&run.stdout, &run.junit, &run.json] {
        assert!(!output.contains("MHcCAQEEI"), "key material leaked:\n{output}");
    }
}

#[test]
fn a_missing_bundle_is_a_usage_error_on_one_line() {
    let output = valmis(&["verify", "/nonexistent/bundle", "--now", NOW]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("valmis: error: cannot read bundle `/nonexistent/bundle`"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let temp = tempfile::tempdir().expect("tempdir");
    let not_zip = temp.path().join("bundle.zip");
    std::fs::write(&not_zip, "just text").expect("write");
    for args in [
        vec!["verify", not_zip.to_str().expect("utf-8")],
        vec!["verify", "--now", "yesterday"],
        vec!["verify", "--no-such-flag"],
        vec!["frobnicate"],
        vec!["explain", "NO-SUCH-REQUIREMENT"],
        vec!["requirements", "--service", "no-such-service"],
    ] {
        let output = valmis(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", text(&output.stderr));
        assert!(!text(&output.stderr).is_empty(), "{args:?} explains itself");
    }
    let help = valmis(&["verify", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = text(&help.stdout);
    assert!(help.contains("Exit codes:") && help.contains("--junit") && help.contains("--now"), "{help}");
}

/// Writes the shipped catalog into `dir` with its first `area = "bundle"` misspelt `"bundel"`;
/// returns the shipped text.
fn write_catalog_with_bad_area(dir: &Path) -> String {
    let shipped = std::fs::read_to_string(root().join("testcases/2027-1/catalog.toml")).expect("catalog");
    std::fs::write(dir.join("catalog.toml"), shipped.replacen("area = \"bundle\"", "area = \"bundel\"", 1))
        .expect("write");
    shipped
}

#[test]
fn a_broken_user_catalog_is_rejected_with_file_and_line() {
    let temp = tempfile::tempdir().expect("tempdir");
    let shipped = write_catalog_with_bad_area(temp.path());
    let output = valmis(&[
        "verify",
        fixture("ready").to_str().expect("utf-8"),
        "--catalog",
        temp.path().to_str().expect("utf-8"),
        "--now",
        NOW,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let line = shipped.lines().position(|l| l == "area = \"bundle\"").expect("line") + 1;
    assert!(stderr.contains(&format!("catalog.toml:{line}:")), "{stderr}");
    assert!(stderr.contains("bundel"), "{stderr}");
}

/// The bundle is listed while the catalogs load (on another thread unless `--jobs 1`); the
/// errors still come in the order they are checked: the catalog, then the options, then the
/// bundle. One run per order and thread count.
#[test]
fn errors_keep_their_order_while_the_bundle_is_listed_beside_the_catalogs() {
    let temp = tempfile::tempdir().expect("tempdir");
    write_catalog_with_bad_area(temp.path());
    let missing = temp.path().join("no-such-bundle");
    let missing = missing.to_str().expect("utf-8");
    let catalog = temp.path().to_str().expect("utf-8");
    let waivers = temp.path().join("waivers.toml");
    std::fs::write(&waivers, "format = 1\n").expect("write");
    for jobs in ["1", "2"] {
        let output = valmis(&["verify", missing, "--catalog", catalog, "--now", NOW, "--jobs", jobs]);
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains("bundel") && !stderr.contains("no-such-bundle"), "--jobs {jobs}: {stderr}");

        let output = valmis(&[
            "verify",
            missing,
            "--now",
            NOW,
            "--jobs",
            jobs,
            "--partition",
            "1/2",
            "--waivers",
            waivers.to_str().expect("utf-8"),
        ]);
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains("valmis merge") && !stderr.contains("no-such-bundle"), "--jobs {jobs}: {stderr}");

        let output = valmis(&["verify", missing, "--now", NOW, "--jobs", jobs]);
        assert_eq!(output.status.code(), Some(2), "--jobs {jobs}");
        assert!(text(&output.stderr).contains("no-such-bundle"), "--jobs {jobs}");
    }
}

#[test]
fn a_user_catalog_replaces_the_built_in_one() {
    let temp = tempfile::tempdir().expect("tempdir");
    let shipped = std::fs::read_to_string(root().join("testcases/2027-1/catalog.toml")).expect("catalog");
    // Kela moves the round start: the same bundle is now late.
    std::fs::write(temp.path().join("catalog.toml"), shipped.replacen("starts = 2027-02-01", "starts = 2027-01-10", 1))
        .expect("write");
    let run = verify(&fixture("ready"), &["--catalog", temp.path().to_str().expect("utf-8")]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(blocking_requirements(&run.junit), BTreeSet::from(["BUNDLE-DEADLINE".to_owned()]));
    assert!(run.stdout.contains("registration deadline 2026-11-10"), "{}", run.stdout);
}

#[test]
fn only_and_skip_select_requirements() {
    let run = verify(&fixture("bundle-org-check-digit"), &["--only", "BUNDLE-O*"]);
    assert_eq!(run.code, 1);
    let report = quick_junit::Report::deserialize_from_str(&run.junit).expect("parses");
    let skipped_for_selection = report
        .test_suites
        .iter()
        .flat_map(|s| &s.test_cases)
        .filter(|c| matches!(&c.status, TestCaseStatus::Skipped { message: Some(m), .. } if m.as_str().starts_with("not selected")))
        .count();
    assert_eq!(skipped_for_selection, report.tests - 1, "everything but BUNDLE-ORG is deselected");
    let run = verify(&fixture("bundle-org-check-digit"), &["--skip", "bundle-org"]);
    assert_eq!(run.code, 0, "patterns are case-insensitive; {}", run.stdout);
}

#[test]
fn quiet_prints_nothing_and_still_writes_reports() {
    let run = verify(&fixture("ready"), &["--quiet"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.is_empty());
    assert!(!run.junit.is_empty());
}

#[test]
fn colour_follows_the_flag() {
    let bundle = fixture("bundle-org-check-digit");
    let path = bundle.to_str().expect("utf-8");
    let coloured = text(&valmis(&["verify", path, "--now", NOW, "--color", "always"]).stdout);
    let plain = text(&valmis(&["verify", path, "--now", NOW, "--color", "never"]).stdout);
    assert!(coloured.contains('\u{1b}'));
    assert!(!plain.contains('\u{1b}'));
}

/// Reports are created as any program's files are: mode 0666 less the umask (0644 under 022),
/// so that the next CI job's user or a colleague can read them; written through a temporary file
/// and a rename, which replaces a symlink at the target instead of writing through it.
#[cfg(unix)]
#[test]
fn reports_are_readable_by_others_and_never_written_through_a_symlink() {
    use std::os::unix::fs::PermissionsExt as _;
    let temp = tempfile::tempdir().expect("tempdir");
    let valmis = support::valmis_command().get_program().to_owned();
    let ready = fixture("ready");
    let sinks = ["junit.xml", "report.json", "report.sarif", "report.html", "summary.md"];
    let run = |umask: &str, out: &Path| {
        let flags = ["--junit", "--json", "--sarif", "--html", "--summary-md"];
        let mut command = std::process::Command::new("sh");
        command.arg("-c").arg(format!("umask {umask} && exec \"$@\"")).arg("sh").arg(&valmis);
        command.args(["verify", ready.to_str().expect("utf-8"), "--now", NOW, "-q"]);
        for (flag, sink) in flags.iter().zip(sinks) {
            command.arg(flag).arg(out.join(sink));
        }
        let output = command.env_remove("GITHUB_ACTIONS").output().expect("valmis runs");
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    };
    let mode = |path: &Path| std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let out = temp.path().join(format!("umask-{umask}"));
        std::fs::create_dir_all(&out).expect("mkdir");
        run(umask, &out);
        for sink in sinks {
            assert_eq!(mode(&out.join(sink)), expected, "{sink} under umask {umask}");
        }
    }
    // A symlink where a report goes is replaced by the report; what it pointed at is untouched.
    let out = temp.path().join("symlinked");
    std::fs::create_dir_all(&out).expect("mkdir");
    let kept = temp.path().join("someone-elses.txt");
    std::fs::write(&kept, "keep me").expect("write");
    std::os::unix::fs::symlink(&kept, out.join("junit.xml")).expect("symlink");
    run("022", &out);
    assert!(!std::fs::symlink_metadata(out.join("junit.xml")).expect("meta").file_type().is_symlink());
    assert!(std::fs::read_to_string(out.join("junit.xml")).expect("junit").starts_with("<?xml"));
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), "keep me", "never written through the link");
    // valmis pack's zip too.
    let bundle = temp.path().join("nippu");
    copy_tree(&ready, &bundle);
    let zip = temp.path().join("nippu.zip");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$@\"")
        .arg("sh")
        .arg(&valmis)
        .args(["pack", bundle.to_str().expect("utf-8"), "-o", zip.to_str().expect("utf-8")])
        .output()
        .expect("pack runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(mode(&zip), 0o644);
}

#[test]
fn reports_are_replaced_atomically_and_a_bad_report_path_loses_nothing() {
    let temp = tempfile::tempdir().expect("tempdir");
    let junit = temp.path().join("junit.xml");
    std::fs::write(&junit, "old report").expect("write");
    let ready = fixture("ready");
    let output = valmis(&[
        "verify",
        ready.to_str().expect("utf-8"),
        "--now",
        NOW,
        "--junit",
        junit.to_str().expect("utf-8"),
        "-q",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(&junit).expect("read").starts_with("<?xml"));
    let leftovers: Vec<_> =
        std::fs::read_dir(temp.path()).expect("ls").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, ["junit.xml"], "no temporary files left behind");

    let output = valmis(&[
        "verify",
        ready.to_str().expect("utf-8"),
        "--now",
        NOW,
        "--junit",
        temp.path().to_str().expect("utf-8"),
        "-q",
    ]);
    assert_eq!(output.status.code(), Some(2), "a directory is not a report file: the command line is wrong");
    assert!(text(&output.stderr).contains("is a folder; name the report file in it"), "{}", text(&output.stderr));
    // A folder that does not exist yet, named with a trailing slash: until 2026-12-03 the run went
    // to the end and then failed to write `new/` (exit 4, "Not a directory").
    let new_folder = format!("{}/new/", temp.path().to_str().expect("utf-8"));
    let output = valmis(&["verify", ready.to_str().expect("utf-8"), "--now", NOW, "--junit", &new_folder, "-q"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("new/junit.xml"), "the example names a file in it: {}", text(&output.stderr));
    assert!(junit.exists(), "nothing was lost");
}

/// A report that cannot be written once the run is done (here: its folder would have to be made
/// inside a file) is an output error, exit 4, not a usage error; the message names the file and
/// the other reports are still written.
#[test]
fn a_report_that_cannot_be_written_is_an_output_error() {
    let temp = tempfile::tempdir().expect("tempdir");
    let blocker = temp.path().join("not-a-folder");
    std::fs::write(&blocker, "a file where a folder should be").expect("write");
    let junit = blocker.join("junit.xml");
    let json = temp.path().join("report.json");
    let ready = fixture("ready");
    let output = valmis(&[
        "verify",
        ready.to_str().expect("utf-8"),
        "--now",
        NOW,
        "--json",
        json.to_str().expect("utf-8"),
        "--junit",
        junit.to_str().expect("utf-8"),
        "-q",
    ]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(stderr.starts_with("valmis: error: failed to create folder"), "{stderr}");
    assert!(stderr.contains("not-a-folder"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert_eq!(std::fs::read_to_string(&blocker).expect("read"), "a file where a folder should be", "nothing lost");
    assert!(std::fs::read_to_string(&json).expect("the JSON report is still written").contains("\"ready\": true"));
    assert!(text(&output.stdout).is_empty(), "-q: no verdict line");
    // `merge` maps errors to codes in the same place.
    let merged_json = temp.path().join("merged.json");
    let merged = valmis(&["merge", merged_json.to_str().expect("utf-8"), json.to_str().expect("utf-8")]);
    assert_eq!(merged.status.code(), Some(2), "a report that is not a shard is the user's to correct");
    assert!(text(&merged.stderr).contains("not a shard"), "{}", text(&merged.stderr));
}

/// Every file under `dir` with its bytes, to show that a refused command changed none of them.
fn snapshot(dir: &Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("ls").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).expect("read"));
            }
        }
    }
    files
}

/// A report path that would replace a file the run reads (the bundle's manifest or pre-test
/// report, the zip bundle, the waivers, the baseline under another report than --json, a client
/// key, a catalog's file) or that two reports share is a usage error before anything is checked,
/// and loses nothing. Until 2026-12-03 each of these was written over without a word: `verify
/// r --junit r/manifest.toml` replaced the person's manifest with the JUnit report.
#[test]
fn a_report_never_replaces_a_file_the_run_reads() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "r");
    let zip = temp.path().join("r.zip");
    let packed = valmis(&["pack", bundle.to_str().expect("utf-8"), "-o", zip.to_str().expect("utf-8")]);
    assert_eq!(packed.status.code(), Some(0), "{}", text(&packed.stderr));
    let waivers = temp.path().join("waivers.toml");
    std::fs::write(&waivers, "format = 1\n").expect("write");
    let key = temp.path().join("client.key");
    std::fs::write(&key, "not read: the run stops before").expect("write");
    let catalog = temp.path().join("catalog");
    copy_tree(&root().join("testcases/2027-1"), &catalog);
    let baseline = temp.path().join("baseline.json");
    let at = |path: &Path| path.to_str().expect("utf-8").to_owned();
    let (b, z) = (at(&bundle), at(&zip));
    let first = valmis(&["verify", &b, "--now", NOW, "--json", &at(&baseline), "-q"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let in_bundle = |relative: &str| at(&bundle.join(relative));
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![b.clone(), "--junit".into(), in_bundle("manifest.toml")], "is a file of the bundle this run reads"),
        (vec![b.clone(), "--html".into(), in_bundle("pretest/report.csv")], "is a file of the bundle this run reads"),
        (vec![b.clone(), "--sarif".into(), in_bundle("documents/../manifest.toml")], "is a file of the bundle"),
        (vec![z.clone(), "--junit".into(), z.clone()], "is the bundle this run reads"),
        (
            vec![b.clone(), "--waivers".into(), at(&waivers), "--summary-md".into(), at(&waivers)],
            "the waivers file (`--waivers`)",
        ),
        (
            vec![b.clone(), "--baseline".into(), at(&baseline), "--junit".into(), at(&baseline)],
            "only `--json` may replace it",
        ),
        (
            vec![b.clone(), "--client-key".into(), format!("kanta={}", at(&key)), "--json".into(), at(&key)],
            "a private key (`--client-key`)",
        ),
        (
            vec![b.clone(), "--catalog".into(), at(&catalog), "--json".into(), at(&catalog.join("catalog.toml"))],
            "catalog folder (`--catalog`)",
        ),
        (
            vec![
                b.clone(),
                "--junit".into(),
                at(&temp.path().join("same.xml")),
                "--html".into(),
                at(&temp.path().join("./same.xml")),
            ],
            "--junit and --html both name",
        ),
    ];
    let before = snapshot(temp.path());
    for (args, expected) in cases {
        let mut all = vec!["verify", "--now", NOW, "-q"];
        all.extend(args.iter().map(String::as_str));
        let output = valmis(&all);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(snapshot(temp.path()) == before, "{args:?} changed a file");
    }

    // `run` keeps its --junit off the bundle it writes evidence into, and off its key.
    for (junit, expected) in [(in_bundle("pretest/report.csv"), "is a file of the bundle"), (at(&key), "a private key")]
    {
        let output = valmis(&["run", &b, "--endpoint", "kanta", "--client-key", &at(&key), "--junit", &junit]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(snapshot(temp.path()) == before, "run --junit {junit} changed a file");
    }

    // What stays allowed: a report at a bundle folder's root outside its folders, twice (a bundle
    // at `.` with its reports in target/), and --json replacing the baseline it was compared with.
    for _ in 0..2 {
        let output = valmis(&["verify", &b, "--now", NOW, "-q", "--junit", &in_bundle("target/junit.xml")]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
    let rolled = valmis(&["verify", &b, "--now", NOW, "-q", "--baseline", &at(&baseline), "--json", &at(&baseline)]);
    assert_eq!(rolled.status.code(), Some(0), "{}", text(&rolled.stderr));
    assert!(std::fs::read_to_string(&baseline).expect("read").contains("since_baseline"));
}

/// A report path that names a stream is written straight to it: `--json /dev/stdout -q | jq`
/// works, and the system's `/dev/stdout` link is never replaced. Until 2026-12-03 every report
/// went through a temporary file renamed over the path: `/dev/fd/1` was an output error (no
/// temporary file can be made in /proc), and as root (a CI container) `--junit /dev/stdout`
/// replaced the link `/dev/stdout` with a regular file and printed nothing. Standard input is
/// refused, and pack, which writes a zip file and names it, takes no stream.
#[test]
fn a_report_to_standard_output_is_written_there() {
    let ready = fixture("ready");
    let b = ready.to_str().expect("utf-8");
    // /dev/fd first: before the fix it failed harmlessly, so the test stops before /dev/stdout.
    for stream in ["/dev/fd/1", "/dev/stdout"] {
        let output = valmis(&["verify", b, "--now", NOW, "-q", "--json", stream]);
        assert_eq!(output.status.code(), Some(0), "{stream}: {}", text(&output.stderr));
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("standard output is the JSON report");
        assert_eq!(json["ready"], true, "{stream}");
    }
    let output = valmis(&["verify", b, "--now", NOW, "-q", "--junit", "/dev/fd/2"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let suites = quick_junit::Report::deserialize_from_str(&text(&output.stderr)).expect("standard error is the JUnit");
    assert_eq!(suites.test_suites.len(), 6, "one test suite per area");
    let both = valmis(&["verify", b, "--now", NOW, "-q", "--json", "/dev/fd/1", "--sarif", "/dev/stdout"]);
    assert_eq!(both.status.code(), Some(2), "two reports on one stream: {}", text(&both.stderr));
    assert!(text(&both.stderr).contains("--json and --sarif both name"), "{}", text(&both.stderr));
    let input = valmis(&["verify", b, "--now", NOW, "-q", "--junit", "/dev/fd/0"]);
    assert_eq!(input.status.code(), Some(2), "{}", text(&input.stderr));
    assert!(text(&input.stderr).contains("is neither a file nor a stream"), "{}", text(&input.stderr));
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join("r");
    copy_tree(&ready, &bundle);
    let packed = valmis(&["pack", bundle.to_str().expect("utf-8"), "-o", "/dev/fd/1"]);
    assert_eq!(packed.status.code(), Some(2), "{}", text(&packed.stderr));
    assert!(text(&packed.stderr).contains("is a stream, not a file"), "{}", text(&packed.stderr));
}

/// `-` is standard output, as for every Unix tool, and what valmis says for people then goes to
/// standard error: before, `--json - | jq` wrote a file named `-` and sent jq the verdict, and
/// `--json /dev/stdout` without `-q` put the verdict after the JSON, so the stream parsed as
/// neither.
#[test]
fn a_report_to_standard_output_keeps_it_for_the_report() {
    let ready = fixture("ready");
    let b = ready.to_str().expect("utf-8");
    let temp = tempfile::tempdir().expect("tempdir");
    for (stream, flag) in [("-", "--json"), ("/dev/stdout", "--json"), ("-", "--junit")] {
        let output = support::valmis_command()
            .current_dir(temp.path())
            .args(["verify", b, "--now", NOW, flag, stream])
            .output()
            .expect("valmis runs");
        assert_eq!(output.status.code(), Some(0), "{stream}: {}", text(&output.stderr));
        if flag == "--json" {
            let json: serde_json::Value =
                serde_json::from_slice(&output.stdout).expect("standard output is the JSON report, whole");
            assert_eq!(json["ready"], true, "{stream}");
        } else {
            quick_junit::Report::deserialize_from_str(&text(&output.stdout)).expect("standard output is the JUnit");
        }
        let stderr = text(&output.stderr);
        assert!(stderr.ends_with("97 passed, 0 failed, 6 skipped\n"), "{stream}: the verdict on stderr:\n{stderr}");
        assert!(!temp.path().join("-").exists(), "{stream}: no file named `-`");
    }
    // Under GitHub Actions the annotations go with the verdict, which the runner reads too.
    let failing = fixture("privacy-hetu");
    let output = support::valmis_command()
        .env("GITHUB_ACTIONS", "true")
        .args(["verify", failing.to_str().expect("utf-8"), "--now", NOW, "--json", "-"])
        .output()
        .expect("valmis runs");
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("standard output is the JSON, whole");
    assert_eq!(json["ready"], false);
    assert!(text(&output.stderr).contains("::error file="), "{}", text(&output.stderr));
    // A file named `-` is still one, by a path: `./-`.
    let output = support::valmis_command()
        .current_dir(temp.path())
        .args(["verify", b, "--now", NOW, "-q", "--json", "./-"])
        .output()
        .expect("valmis runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty() && temp.path().join("-").is_file());
    // pack writes a zip file, never a stream.
    let packed = valmis(&["pack", b, "-o", "-"]);
    assert_eq!(packed.status.code(), Some(2), "{}", text(&packed.stderr));
}

/// `pack -o` never replaces a file of the folder it zips but an earlier zip, and `merge` never
/// writes over a shard it reads: until 2026-12-03 `pack r -o r/manifest.toml` replaced the
/// manifest with a zip that left the manifest out, and `merge m.json s1.json s2.json --junit
/// s2.json` replaced a shard.
#[test]
fn pack_and_merge_never_replace_what_they_read() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, manifest, _) = ready_copy(temp.path(), "r");
    std::fs::write(bundle.join("LUEMINUT.txt"), "Kirjoitettu käsin.\n").expect("write");
    let at = |path: &Path| path.to_str().expect("utf-8").to_owned();
    let b = at(&bundle);
    // The first pack may refresh [files]; what follows must change nothing.
    let zip = bundle.join("r.zip");
    for _ in 0..2 {
        let output = valmis(&["pack", &b, "-o", &at(&zip)]);
        assert_eq!(output.status.code(), Some(0), "an earlier zip is replaced: {}", text(&output.stderr));
    }
    let before = snapshot(temp.path());
    for target in [manifest.clone(), bundle.join("LUEMINUT.txt"), bundle.join("documents/hoitokertomus-2026-11-12.xml")]
    {
        let output = valmis(&["pack", &b, "-o", &at(&target)]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{target:?}: {stderr}");
        assert!(stderr.contains("is a file of the bundle folder pack zips"), "{stderr}");
        assert!(snapshot(temp.path()) == before, "pack -o {target:?} changed a file");
    }

    let shards: Vec<String> = (1..=2).map(|k| at(&temp.path().join(format!("s{k}.json")))).collect();
    for (k, shard) in shards.iter().enumerate() {
        let partition = format!("{}/2", k + 1);
        let output = valmis(&["verify", &b, "--now", NOW, "-q", "--partition", &partition, "--json", shard]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
    let before = snapshot(temp.path());
    let merged = at(&temp.path().join("merged.json"));
    for args in
        [vec![merged.as_str(), &shards[0], &shards[1], "--junit", &shards[1]], vec![&shards[0], &shards[0], &shards[1]]]
    {
        let mut all = vec!["merge", "-q"];
        all.extend(args);
        let output = valmis(&all);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{all:?}: {stderr}");
        assert!(stderr.contains("is a shard report this merge reads"), "{stderr}");
        assert!(snapshot(temp.path()) == before, "{all:?} changed a file");
    }
    // OUT is merge's JSON report: a --json beside it was dropped without a word until 2026-12-03.
    let other = at(&temp.path().join("other.json"));
    let output = valmis(&["merge", "-q", &merged, &shards[0], &shards[1], "--json", &other]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("leave out --json"), "{}", text(&output.stderr));
    let output = valmis(&["merge", "-q", &merged, &shards[0], &shards[1]]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(std::fs::read_to_string(&merged).expect("OUT is written").contains("\"ready\": true"));
}

#[test]
fn a_deflate_bomb_built_here_is_refused_as_bundle_paths() {
    let temp = tempfile::tempdir().expect("tempdir");
    let path = temp.path().join("bomb.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    writer.start_file("bundle/manifest.toml", options).expect("entry");
    writer.write_all(b"format = 1\n").expect("write");
    writer.start_file("bundle/documents/huge.xml", options).expect("entry");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..32 {
        writer.write_all(&zeros).expect("write");
    }
    writer.finish().expect("finish");
    assert!(std::fs::metadata(&path).expect("size").len() < 200_000);
    let run = verify(&path, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(blocking_requirements(&run.junit), BTreeSet::from(["BUNDLE-PATHS".to_owned()]));
    assert!(run.stdout.contains("zip bomb"), "{}", run.stdout);
}

#[test]
fn names_that_collide_by_case_fail_hygiene() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("ready"), temp.path());
    std::fs::copy(temp.path().join("forms/arkkitehtuurikuvaus.pdf"), temp.path().join("forms/Arkkitehtuurikuvaus.pdf"))
        .expect("copy");
    let run = verify(temp.path(), &["--skip", "BUNDLE-INTEGRITY"]);
    assert_eq!(blocking_requirements(&run.junit), BTreeSet::from(["BUNDLE-HYGIENE".to_owned()]), "{}", run.stdout);
    assert!(run.stdout.contains("differ only in letter case"), "{}", run.stdout);
}

/// `valmis init --kind KIND --role ROLE` writes the skeleton of each submission of the process:
/// its sections and folders, a README of what to fill, and placeholders that fail the
/// requirement that names them until filled in.
#[test]
fn lists_on_the_command_line_may_be_comma_separated() {
    // Before: `init --service eresepti,omatietovaranto` was refused as the unknown service
    // `eresepti,omatietovaranto`, though --help says "services"; only repeating the option worked.
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path().join("muutos");
    let output = valmis(&[
        "init",
        dir.to_str().expect("utf-8"),
        "--kind",
        "change-notification",
        "--service",
        "eresepti,omatietovaranto",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
    assert!(manifest.contains("services = [\"eresepti\", \"omatietovaranto\"]"), "{manifest}");
    // The same for verify's --only and --skip: one option, two patterns.
    let ready = fixture("ready");
    let ready = ready.to_str().expect("utf-8");
    let json = temp.path().join("valinta.json");
    let json_arg = json.to_str().expect("utf-8");
    let output = valmis(&[
        "verify",
        ready,
        "--now",
        NOW,
        "--only",
        "BUNDLE-*,CERT-*",
        "--skip",
        "CERT-KEY,CERT-CHAIN",
        "--json",
        json_arg,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("json");
    let checked: BTreeSet<&str> = report["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .filter(|outcome| outcome["status"] != "skipped")
        .filter_map(|outcome| outcome["requirement"].as_str())
        .collect();
    assert!(checked.contains("BUNDLE-ORG") && checked.contains("CERT-PARSE"), "{checked:?}");
    assert!(
        !checked.contains("CERT-KEY") && !checked.contains("CERT-CHAIN") && !checked.contains("DOC-OID"),
        "{checked:?}"
    );
    // An empty entry is a pattern that matches nothing, as it always was.
    let trailing = valmis(&["verify", ready, "--now", NOW, "--only", "BUNDLE-*,"]);
    assert_eq!(trailing.status.code(), Some(2), "{}", text(&trailing.stderr));
}

#[test]
fn now_with_a_time_but_no_offset_is_refused_not_read_as_midnight() {
    // Before: `--now 2026-11-23T09:00:00` (the `Z` forgotten) and `--now "2026-11-23 09:00"` ran
    // with now = 2026-11-23T00:00:00Z: the date parser took the date and dropped the time.
    let ready = fixture("ready");
    let ready = ready.to_str().expect("utf-8");
    for given in ["2026-11-23T09:00:00", "2026-11-23 09:00"] {
        let output = valmis(&["verify", ready, "--now", given]);
        assert_eq!(output.status.code(), Some(2), "{given}: {}", text(&output.stdout));
        assert!(text(&output.stderr).contains("has a time but no offset"), "{}", text(&output.stderr));
    }
    for (given, meant) in [
        ("2026-11-23", "now 2026-11-23T00:00:00Z"),
        ("2026-11-23T09:00:00Z", "now 2026-11-23T09:00:00Z"),
        ("2026-11-23T09:00:00+02:00", "now 2026-11-23T07:00:00Z"),
    ] {
        let output = valmis(&["verify", ready, "--now", given]);
        let stdout = text(&output.stdout);
        assert!(stdout.lines().next().is_some_and(|line| line.ends_with(meant)), "{given}: {stdout}");
    }
}

#[test]
fn a_now_that_never_was_says_what_is_wrong_with_it() {
    // Before: `--now 2026-11-31T10:00:00Z` was "not an RFC 3339 instant like
    // 2026-11-23T09:00:00Z", which it is in form: the day, month or hour that does not exist
    // went unsaid, and so did the year beyond what valmis can reckon with.
    let ready = fixture("ready");
    let ready = ready.to_str().expect("utf-8");
    for (given, said) in [
        ("2026-02-30", "2026-02 has 28 days"),
        ("2028-02-30", "2028-02 has 29 days"),
        ("2026-11-31T10:00:00Z", "2026-11 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-11-23T25:00:00Z", "25:00:00 is no time of day"),
        ("2026-11-23T09:60:00+02:00", "09:60:00 is no time of day"),
        ("9999-12-31T23:59:59Z", "it is beyond the years valmis reckons with"),
    ] {
        let output = valmis(&["verify", ready, "--now", given]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{given}: {stderr}");
        assert!(stderr.contains(&format!("--now `{given}` is no real instant: {said}")), "{given}: {stderr}");
    }
    // Before: an offset past 23 hours, a typo for +02:00 that moves the instant a day, ran
    // (jiff takes up to ±25:59). The furthest real offsets, -12:00 and +14:00, run.
    for (given, offset) in [("2026-11-23T12:00:00+25:00", "+25:00"), ("2026-11-23T12:00:00-24:00", "-24:00")] {
        let output = valmis(&["verify", ready, "--now", given]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{given}: {stderr}");
        let said =
            format!("--now `{given}` is no real instant: {offset} is no UTC offset (they run from -23:59 to +23:59)");
        assert!(stderr.contains(&said), "{given}: {stderr}");
    }
    for given in ["2026-11-23T12:00:00+14:00", "2026-11-23T12:00:00-12:00", "2026-11-23T12:00:00.5-03:30"] {
        let output = valmis(&["verify", ready, "-q", "--now", given]);
        assert_eq!(output.status.code(), Some(0), "{given}: {}", text(&output.stderr));
    }
    // A form that is no instant at all keeps the message that shows the form.
    let output = valmis(&["verify", ready, "--now", "eilen"]);
    assert!(text(&output.stderr).contains("is not an RFC 3339 instant like"), "{}", text(&output.stderr));
}

#[test]
fn a_bad_value_from_the_environment_is_named_by_its_variable() {
    // Before: `VALMIS_NOW=eilen` said "--now `eilen` is not an RFC 3339 instant" and
    // `VALMIS_LANG=sv` "`sv` is not a value of `--lang <LANG>`", though neither option was typed:
    // a CI job's variables are where to look, and the message did not say so.
    let ready = fixture("ready");
    let ready = ready.to_str().expect("utf-8");
    let said = |variable: &str, value: &str, args: &[&str]| {
        let output = support::valmis_command().env(variable, value).args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        text(&output.stderr)
    };
    let now = said("VALMIS_NOW", "eilen", &["verify", ready, "-q"]);
    assert!(now.contains("VALMIS_NOW `eilen` is not an RFC 3339 instant"), "{now}");
    let typed = said("VALMIS_NOW", "2026-12-01", &["verify", ready, "-q", "--now", "eilen"]);
    assert!(typed.contains("--now `eilen` is not"), "the typed option: {typed}");
    let lang = said("VALMIS_LANG", "sv", &["requirements"]);
    assert!(lang.contains("`sv` is not a value of `VALMIS_LANG` (possible values: en, fi)"), "{lang}");
    let typed = said("VALMIS_LANG", "fi", &["--lang", "sv", "requirements"]);
    assert!(typed.contains("`sv` is not a value of `--lang <LANG>`"), "{typed}");
}

#[test]
fn a_typed_lang_overrides_the_environment_s() {
    // Before: with `VALMIS_LANG=sv` left in a CI job's variables, `valmis --lang en requirements`
    // and `valmis explain PRIVACY-HETU --lang en` were refused (exit 2, "`sv` is not a value of
    // `VALMIS_LANG`"): clap read the variable of a global option at every command level, typed
    // or not, so the option that is there to override the variable could not.
    for args in [
        &["--lang", "en", "explain", "PRIVACY-HETU"][..],
        &["explain", "PRIVACY-HETU", "--lang", "en"],
        &["explain", "PRIVACY-HETU", "--lang=en"],
    ] {
        let output = support::valmis_command().env("VALMIS_LANG", "sv").args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(text(&output.stdout).contains("PRIVACY-HETU"), "{args:?}");
    }
    let output =
        support::valmis_command().env("VALMIS_LANG", "en").args(["explain", "PRIVACY-HETU", "--lang", "fi"]).output();
    let output = output.expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let english = support::valmis_command().env("VALMIS_LANG", "en").args(["explain", "PRIVACY-HETU"]).output();
    assert_ne!(
        text(&output.stdout),
        text(&english.expect("runs").stdout),
        "the typed Finnish, not the variable's English"
    );
}

#[test]
fn init_writes_a_skeleton_for_each_kind_of_submission() {
    let temp = tempfile::tempdir().expect("tempdir");
    for (kind, role, files, failing) in [
        ("access-application", "vendor", &["connection/connection.toml"][..], &["CONN-SOURCE-IPS", "CERT-PARSE"][..]),
        (
            "access-application",
            "customer-organisation",
            &["connection/connection.toml", "plan/README.txt"],
            &["PLAN-TEST-PLAN", "BUNDLE-MANIFEST"],
        ),
        ("registration", "customer-organisation", &["plan/README.txt"], &["PLAN-TEST-PLAN", "BUNDLE-MANIFEST"]),
        ("change-notification", "vendor", &[], &["SUBMISSION-KIND", "CHANGE-VERSIONS", "CHANGE-SCOPE"]),
    ] {
        let dir = temp.path().join(format!("{kind}-{role}"));
        let output = valmis(&["init", dir.to_str().expect("utf-8"), "--kind", kind, "--role", role]);
        assert_eq!(output.status.code(), Some(0), "{kind} {role}: {}", text(&output.stderr));
        let readme = std::fs::read_to_string(dir.join("README.txt")).expect("README.txt");
        assert!(readme.contains(&format!("valmis requirements --kind {kind} --role {role}")), "{readme}");
        for file in files {
            assert!(dir.join(file).is_file(), "{kind} {role}: {file}");
        }
        assert!(!dir.join("pretest").exists() && !dir.join("forms").exists(), "{kind} {role}: no registration folders");
        let run = verify(&dir, &[]);
        assert_eq!(run.code, 1, "{kind} {role}: a skeleton is never ready");
        let blocking = blocking_requirements(&run.junit);
        for id in failing {
            assert!(blocking.contains(*id), "{kind} {role}: {id} names a placeholder: {blocking:?}");
        }
    }
    let refused = valmis(&["init", temp.path().join("x").to_str().expect("utf-8"), "--kind", "muutos"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("`muutos` is not a kind of submission"), "{}", text(&refused.stderr));
}

#[test]
fn a_date_that_does_not_exist_is_one_syntax_error_not_a_date_that_is_no_date() {
    // Before: `submitted = 2026-11-31` gave the TOML syntax error and then "`submitted` must be
    // a date like 2026-11-20, found a date": the parser's stand-in for the date it could not read.
    let temp = tempfile::tempdir().expect("tempdir");
    for (written, syntax) in [
        ("submitted = 2026-11-31", "invalid date, expected day between 01 and 30"),
        ("submitted = 2026-13-01", "invalid date"),
    ] {
        let (bundle, manifest, text) = ready_copy(temp.path(), &written[12..]);
        std::fs::write(&manifest, text.replacen("submitted = 2026-11-20", written, 1)).expect("write");
        let run = verify(&bundle, &["--only", "BUNDLE-MANIFEST"]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
        let outcomes = json["outcomes"].as_array().expect("outcomes");
        let manifest = outcomes.iter().find(|outcome| outcome["requirement"] == "BUNDLE-MANIFEST").expect("outcome");
        assert_eq!(manifest["status"], "failed");
        let findings = manifest["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 1, "{written}: {findings:?}");
        assert!(findings[0]["message"].as_str().is_some_and(|message| message.contains(syntax)), "{findings:?}");
        // BUNDLE-DEADLINE, which needs the date, says where to look.
        let run = verify(&bundle, &["--only", "BUNDLE-DEADLINE"]);
        assert!(
            run.stdout.contains("`submitted` could not be read or has the wrong type (see BUNDLE-MANIFEST)"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn the_skeletons_submission_date_is_a_placeholder_until_written() {
    // The skeleton said `submitted = <the registration deadline>`, a real date: left as it was,
    // BUNDLE-DEADLINE passed on any day after the deadline (the registration claimed to be on
    // time), and the access application's and change notification's comment spoke of the
    // registration's deadline.
    let temp = tempfile::tempdir().expect("tempdir");
    let after_the_deadline = "2026-12-03T09:00:00Z";
    for (kind, sent) in [
        ("registration", "registration"),
        ("access-application", "application"),
        ("change-notification", "notification"),
    ] {
        let dir = temp.path().join(kind);
        let output = valmis(&["init", dir.to_str().expect("utf-8"), "--kind", kind]);
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", text(&output.stderr));
        let manifest = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
        let line = manifest.lines().find(|line| line.starts_with("submitted = ")).expect("a submitted line");
        assert!(line.contains(&format!("the date you send the {sent}")), "{kind}: {line}");
        assert_eq!(line.contains("deadline"), kind == "registration", "{kind}: {line}");

        let json_path = temp.path().join(format!("{kind}.json"));
        let json_arg = json_path.to_str().expect("utf-8");
        let dir_arg = dir.to_str().expect("utf-8");
        // The statuses of requirement `id`'s outcomes in the run's JSON report.
        let statuses = |id: &str| -> Vec<String> {
            let json: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&json_path).expect("json")).expect("JSON parses");
            let outcomes = json["outcomes"].as_array().expect("outcomes").iter();
            let of_id = outcomes.filter(|outcome| outcome["requirement"] == id);
            of_id.map(|outcome| outcome["status"].as_str().unwrap_or_default().to_owned()).collect()
        };
        let output = valmis(&["verify", dir_arg, "--now", after_the_deadline, "--json", json_arg]);
        assert_eq!(output.status.code(), Some(1), "{kind}: {}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(stdout.contains("`submitted` is still the template placeholder `TODO`"), "{kind}:\n{stdout}");
        assert!(!statuses("BUNDLE-DEADLINE").contains(&"passed".to_owned()), "{kind}: {stdout}");
        if kind == "registration" {
            // Skipped with "see BUNDLE-MANIFEST", which fails the placeholder.
            assert_eq!(statuses("BUNDLE-DEADLINE"), ["skipped"], "{kind}: {stdout}");
            assert_eq!(statuses("BUNDLE-MANIFEST"), ["failed"], "{kind}: {stdout}");
        }

        // Written, the date is judged: a day after the deadline is late.
        let written = manifest.replace(line, "submitted = 2026-12-02");
        std::fs::write(dir.join("manifest.toml"), written).expect("write");
        let output = valmis(&["verify", dir_arg, "--now", after_the_deadline, "--json", json_arg]);
        let stdout = text(&output.stdout);
        assert!(!stdout.contains("`submitted` is still"), "{kind}:\n{stdout}");
        if kind == "registration" {
            assert_eq!(statuses("BUNDLE-DEADLINE"), ["failed"], "{stdout}");
        }
    }
}

#[test]
fn the_skeletons_system_class_is_a_placeholder_until_written() {
    // The skeleton said `class = "A2"`, a real class: left as it was, BUNDLE-MANIFEST said
    // nothing of it, and an A3 system was submitted as A2 (or an A1 one as needing co-testing).
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path().join("nippu");
    let dir_arg = dir.to_str().expect("utf-8");
    let output = valmis(&["init", dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
    let line = manifest.lines().find(|line| line.starts_with("class = ")).expect("a class line");
    assert!(line.starts_with("class = \"TODO\""), "{line}");
    assert!(line.contains("A1 | A2 | A3 | B"), "the comment names the classes: {line}");

    let output = valmis(&["verify", dir_arg]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("system class is still the template placeholder `TODO`"), "{stdout}");
    assert!(stdout.contains("write one of A1, A2, A3, B"), "{stdout}");
    assert!(!stdout.contains("system class `TODO` is not one of"), "said once, as a placeholder: {stdout}");

    // Written, the class is taken; a class that is none of them is still refused.
    for (class, refused) in [("A3", false), ("A4", true)] {
        let written = manifest.replace(line, &format!("class = \"{class}\""));
        std::fs::write(dir.join("manifest.toml"), written).expect("write");
        let stdout = text(&valmis(&["verify", dir_arg]).stdout);
        assert!(!stdout.contains("system class is still"), "{class}: {stdout}");
        assert_eq!(
            stdout.contains(&format!("system class `{class}` is not one of A1, A2, A3, B")),
            refused,
            "{stdout}"
        );
    }
}

#[test]
fn the_skeletons_other_placeholders_are_said_to_be_placeholders() {
    // The skeleton's `business_id = "TODO"` and `oid = "TODO"` were "business id `TODO` is not
    // valid: not of the form NNNNNNN-C" and "organisation OID `TODO` is not a valid OID: `T` is
    // not allowed", beside "organisation name is still the template placeholder": one thing
    // left to write, said three ways.
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path().join("nippu");
    let dir_arg = dir.to_str().expect("utf-8");
    let output = valmis(&["init", dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&valmis(&["verify", dir_arg, "--only", "BUNDLE-ORG"]).stdout);
    assert!(stdout.contains("business id is still the template placeholder `TODO`"), "{stdout}");
    assert!(stdout.contains("organisation OID is still the template placeholder `TODO`"), "{stdout}");
    assert!(!stdout.contains("is not valid") && !stdout.contains("is not a valid OID"), "{stdout}");
    assert!(stdout.contains("1.2.246.10 followed by the business id's digits"), "{stdout}");

    // With the business id written, the OID's help names the arc it gives.
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
    let written = manifest.replacen("business_id = \"TODO\"", "business_id = \"0204819-8\"", 1);
    std::fs::write(dir.join("manifest.toml"), &written).expect("write");
    let stdout = text(&valmis(&["verify", dir_arg, "--only", "BUNDLE-ORG"]).stdout);
    assert!(!stdout.contains("business id is still"), "{stdout}");
    assert!(stdout.contains("use `1.2.246.10.2048198` or an OID registered below it"), "{stdout}");

    // A value that is no placeholder is judged as before.
    let written = written.replacen("oid = \"TODO\"", "oid = \"1.2.246.10.2048198.x\"", 1);
    std::fs::write(dir.join("manifest.toml"), &written).expect("write");
    let stdout = text(&valmis(&["verify", dir_arg, "--only", "BUNDLE-ORG"]).stdout);
    assert!(stdout.contains("organisation OID `1.2.246.10.2048198.x` is not a valid OID"), "{stdout}");

    // A customer organisation's `purpose = "TODO"` was "not a customer organisation's purpose
    // valmis knows".
    let dir = temp.path().join("asiakas");
    let dir_arg = dir.to_str().expect("utf-8");
    let output = valmis(&["init", dir_arg, "--role", "customer-organisation"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&valmis(&["verify", dir_arg, "--only", "BUNDLE-MANIFEST"]).stdout);
    assert!(stdout.contains("`customer.purpose` is still the template placeholder `TODO`"), "{stdout}");
    assert!(stdout.contains("write one of co-testing, independent-testing, change-testing"), "{stdout}");
    assert!(!stdout.contains("purpose valmis knows"), "{stdout}");
}

#[test]
fn a_second_argument_is_shown_as_the_option_it_is_the_value_of() {
    // `valmis pack nippu nippu.zip` was "unexpected argument `nippu.zip`" with the usage line,
    // which names `--output` but not that the zip goes there.
    let temp = tempfile::tempdir().expect("tempdir");
    let (bundle, _, _) = ready_copy(temp.path(), "nippu");
    let bundle = bundle.to_str().expect("utf-8");
    let dir = temp.path().join("hakemus");
    let dir = dir.to_str().expect("utf-8");
    let runs: [(&[&str], &str, &str); 3] = [
        (&["pack", bundle, "nippu.zip"], "did you mean `--output nippu.zip`?", "tarkoititko `--output nippu.zip`?"),
        (&["init", dir, "eresepti"], "did you mean `--service eresepti`?", "tarkoititko `--service eresepti`?"),
        // Another command's extra argument has no such option.
        (&["verify", bundle, "raportti.xml"], "unexpected argument `raportti.xml`", "`raportti.xml`"),
    ];
    for (args, english, finnish) in runs {
        for (lang, said) in [("en", english), ("fi", finnish)] {
            let mut command = vec!["--lang", lang];
            command.extend_from_slice(args);
            let output = valmis(&command);
            let stderr = text(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{command:?}: {stderr}");
            assert!(stderr.contains(said), "{command:?}: {stderr}");
            if args[0] == "verify" {
                assert!(!stderr.contains("did you mean") && !stderr.contains("tarkoititko"), "{command:?}: {stderr}");
            }
        }
    }
    assert!(!temp.path().join("nippu.zip").exists() && !Path::new(dir).exists(), "nothing written");
}

#[test]
fn init_writes_a_skeleton_that_lists_what_is_left_and_never_overwrites() {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path().join("hakemus");
    let dir_text = dir.to_str().expect("utf-8");
    let output = valmis(&["init", dir_text, "--service", "omatietovaranto"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let forms = std::fs::read_to_string(dir.join("forms/README.txt")).expect("forms readme");
    assert!(forms.contains("olennaiset vaatimukset"), "{forms}");
    let run = verify(&dir, &[]);
    assert_eq!(run.code, 1);
    let blocking = blocking_requirements(&run.junit);
    for id in ["BUNDLE-ORG", "BUNDLE-CONTACTS", "BUNDLE-FORMS", "BUNDLE-MANIFEST"] {
        assert!(blocking.contains(id), "{id} should list what is left: {blocking:?}");
    }
    assert!(run.stdout.contains("template placeholder"), "{}", run.stdout);

    // The report template has one row per mandatory case of the declared service, and each
    // shows up as not run yet, by its case id.
    let template = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report template");
    assert!(template.starts_with("case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n"));
    assert_eq!(template.lines().count(), 5, "header and OT-01..OT-04 (OT-05 is optional):\n{template}");
    assert!(blocking.contains("PRETEST-RESULT") && !blocking.contains("PRETEST-COVERAGE"), "{blocking:?}");
    assert!(!blocking.contains("PRETEST-DATES") && !blocking.contains("PRETEST-TEST-PERSON"), "TODO rows did not run");
    assert!(failed_names(&run.junit).contains("PRETEST-RESULT: OT-04"));
    assert!(run.stdout.contains("case OT-01 has not been run yet (result is TODO)"), "{}", run.stdout);

    // Issue 15 (10): init writes a commented connection.toml for the chosen service; for Kanta
    // PHR with [network]. Every placeholder in it fails its check, by name.
    let connection = std::fs::read_to_string(dir.join("connection/connection.toml")).expect("connection.toml");
    assert!(connection.contains("[[endpoint]]") && connection.contains("[network]"), "{connection}");
    assert!(!connection.contains("[signing]"), "PHR signs nothing with a system-signature certificate:\n{connection}");
    for id in ["CONN-ENDPOINTS", "CONN-SOURCE-IPS", "CERT-PARSE"] {
        assert!(blocking.contains(id), "{id} should list the connection placeholders: {blocking:?}");
    }
    assert!(!blocking.contains("CONN-CONFIG"), "the template itself is valid: {}", run.stdout);
    for message in [
        "endpoint `omatietovaranto`'s url is still the template placeholder `TODO`",
        "source address `TODO` is still the template placeholder",
        "is still the template placeholder `TODO-omatietovaranto.pem`",
        "is still the template placeholder `TODO-root.pem`",
    ] {
        assert!(run.stdout.contains(message), "`{message}` in\n{}", run.stdout);
    }
    let archive = temp.path().join("arkisto");
    let output = valmis(&["init", archive.to_str().expect("utf-8"), "--service", "potilastiedon-arkisto"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let connection = std::fs::read_to_string(archive.join("connection/connection.toml")).expect("connection.toml");
    assert!(connection.contains("[signing]") && !connection.contains("[network]"), "{connection}");
    assert!(connection.contains("service = \"potilastiedon-arkisto\""), "{connection}");

    std::fs::write(dir.join("manifest.toml"), "my work").expect("write");
    let again = valmis(&["init", dir_text]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("manifest.toml")).expect("read"), "my work");
}

#[test]
fn coverage_shows_each_declared_case_and_gates_on_mandatory_ones() {
    let ready = fixture("ready");
    let output = valmis(&["requirements", "--coverage", ready.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let table = text(&output.stdout);
    for line in ["ok PA-01  yes        pass", "ok PA-04  yes        not-applicable", "ok PA-06  no         missing"] {
        assert!(table.contains(line), "`{line}` in\n{table}");
    }
    assert!(table.contains("5 of 5 mandatory cases ready"), "{table}");

    let missing = fixture("pretest-coverage-missing");
    let output = valmis(&["requirements", "--coverage", missing.to_str().expect("utf-8"), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["format"], 1);
    assert_eq!(json["complete"], false);
    let cases = json["services"][0]["cases"].as_array().expect("cases");
    let pa05 = cases.iter().find(|case| case["id"] == "PA-05").expect("PA-05 listed");
    assert_eq!((&pa05["state"], &pa05["acceptable"]), (&serde_json::json!("missing"), &serde_json::json!(false)));

    // The XLSX variant reads the same.
    let xlsx = fixture("pretest-report-xlsx");
    let output = valmis(&["requirements", "--coverage", xlsx.to_str().expect("utf-8"), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["services"][0]["cases"][0]["rows"][0], "Esitestit row 4", "below the title and header rows");
    assert_eq!(output.status.code(), Some(0));

    let unknown = fixture("pretest-coverage-unknown");
    let output = valmis(&["requirements", "--coverage", unknown.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1), "a row for no declared case is not ready");
    assert!(text(&output.stdout).contains("!! PA-99 (line 7): not a declared case"));

    let no_manifest = fixture("bundle-manifest-missing");
    let output = valmis(&["requirements", "--coverage", no_manifest.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--service"), "{}", text(&output.stderr));
    let output = valmis(&[
        "requirements",
        "--coverage",
        no_manifest.to_str().expect("utf-8"),
        "--service",
        "potilastiedon-arkisto",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
}

#[test]
fn requirements_and_explain_teach() {
    let listing = text(&valmis(&["requirements"]).stdout);
    let catalogs = valmis_model::CatalogSet::embedded().expect("the shipped catalog");
    let count = catalogs.get("2027-1").expect("round").requirements.len();
    assert!(
        listing.contains("BUNDLE-ORG")
            && listing.contains("FHIR-PATIENT")
            && listing.contains(&format!("\n{count} requirements.")),
        "{listing}"
    );
    // The checklist of one kind of submission.
    let change = text(&valmis(&["requirements", "--kind", "change-notification"]).stdout);
    assert!(change.contains("BUNDLE-MANIFEST") && !change.contains("PRETEST-RESULT"), "{change}");
    let wrong = valmis(&["requirements", "--kind", "muutos"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("`muutos` is not a kind of submission"), "{}", text(&wrong.stderr));
    // A JUnit test case name pasted as it is (issue 15): the requirement, then the case.
    let pasted = valmis(&["explain", "PRETEST-RESULT: PA-03"]);
    assert_eq!(pasted.status.code(), Some(0), "{}", text(&pasted.stderr));
    let pasted = text(&pasted.stdout);
    assert!(pasted.starts_with("PRETEST-RESULT — ") && pasted.contains("PA-03 — "), "{pasted}");
    let file_subject = valmis(&["explain", "DOC-OID: documents/a.xml"]);
    assert!(text(&file_subject.stdout).starts_with("DOC-OID — "), "{}", text(&file_subject.stderr));
    // The rule's source and the round's data (issue 14).
    let issuer = text(&valmis(&["explain", "CERT-ISSUER"]).stdout);
    assert!(
        issuer.contains("VRK TEST CA for Social Welfare and Health Care Service Providers")
            && issuer.contains("KantaCDA-API"),
        "{issuer}"
    );
    let oid = text(&valmis(&["explain", "DOC-OID"]).stdout);
    assert!(oid.contains("1.2.246.10.2323232.93.2012") && oid.contains("rule-II"), "{oid}");
    let explained = valmis(&["explain", "privacy-hetu"]);
    assert_eq!(explained.status.code(), Some(0));
    let explained = text(&explained.stdout);
    assert!(
        explained.contains("PRIVACY-HETU") && explained.contains("How to fix") && explained.contains("https://"),
        "{explained}"
    );
    let case = valmis(&["explain", "pa-03"]);
    assert_eq!(case.status.code(), Some(0));
    let case = text(&case.stdout);
    assert!(
        case.contains("PA-03 — Asiakirjojen haku") && case.contains("Evidence a passed run must show: screenshot"),
        "{case}"
    );
    assert!(case.contains("Declared in: the built-in case list of potilastiedon-arkisto (round 2027-1"), "{case}");
}

/// The output of `args` with the terminal `COLUMNS` wide, or without a width (a pipe).
fn laid_out(args: &[&str], columns: Option<&str>) -> String {
    let mut command = support::valmis_command();
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let output = command.args(args).output().expect("valmis runs");
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
    text(&output.stdout)
}

#[test]
fn requirements_and_explain_fit_the_terminals_width() {
    // Before: `valmis requirements` printed 206-column lines whatever the terminal (one
    // submissions list is 76 characters), and `explain` each paragraph as one line of up to 600
    // characters, which a terminal breaks in the middle of words.
    let words = |text: &str| text.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    for lang in ["en", "fi"] {
        for columns in [50, 80] {
            let width = columns.to_string();
            let explain = ["--lang", lang, "explain", "BUNDLE-SECRETS"];
            let wrapped = laid_out(&explain, Some(&width));
            let too_wide: Vec<&str> = wrapped.lines().filter(|line| line.chars().count() > columns).collect();
            assert!(too_wide.is_empty(), "{lang} at {columns}: {too_wide:?}");
            // Only the line breaks differ from the unwrapped text: no word is split or lost.
            let whole = laid_out(&explain, None);
            assert_eq!(words(&wrapped), words(&whole), "{lang} at {columns}");
            assert!(whole.lines().any(|line| line.chars().count() > 300), "a pipe gets whole lines");

            let listing = laid_out(&["--lang", lang, "requirements"], Some(&width));
            let too_wide: Vec<&str> = listing.lines().filter(|line| line.chars().count() > columns).collect();
            assert!(too_wide.is_empty(), "{lang} at {columns}: {too_wide:?}");
            // Every requirement is there, its id at the start of a line, with its facts.
            let table = laid_out(&["--lang", lang, "requirements", "--json"], None);
            let listed: serde_json::Value = serde_json::from_str(&table).expect("JSON");
            for requirement in listed.as_array().expect("requirements") {
                let id = requirement["id"].as_str().expect("id");
                assert!(listing.lines().any(|line| line.starts_with(&format!("{id} — "))), "{lang}: {id}");
            }
            let area = if lang == "en" { "area: bundle" } else { "alue: bundle" };
            assert!(listing.contains(area), "{lang}:\n{listing}");
        }
    }
    // A terminal wide enough for the table gets the table, and a pipe the table as before.
    for columns in [Some("250"), None] {
        let listing = laid_out(&["requirements"], columns);
        let header = listing.lines().nth(2).expect("header");
        assert!(header.starts_with("ID ") && header.contains("SUBMISSIONS") && header.ends_with("TITLE"), "{header}");
        assert!(listing.lines().any(|line| line.starts_with("BUNDLE-MANIFEST ") && line.contains(" bundle ")));
    }
}

#[test]
fn explain_names_the_case_or_requirement_that_was_meant() {
    // Before: `explain PA-1` said "no requirement `PA-1` (`valmis requirements` lists them)", which
    // lists no pre-test case, and `explain ''` called all 44 requirements "similar".
    let typo = valmis(&["explain", "PA-1"]);
    assert_eq!(typo.status.code(), Some(2));
    let said = text(&typo.stderr);
    assert!(
        said.contains("no requirement or pre-test case `PA-1` in round 2027-1; similar: PA-01 (")
            && said.contains("`valmis requirements --coverage BUNDLE` the pre-test cases"),
        "{said}"
    );
    let requirement = text(&valmis(&["explain", "PRIVACY-HTEU"]).stderr);
    assert!(requirement.contains("similar: PRIVACY-HETU ("), "{requirement}");
    let empty = valmis(&["explain", " "]);
    assert_eq!(empty.status.code(), Some(2));
    let said = text(&empty.stderr);
    assert!(said.contains("name what to explain") && !said.contains("BUNDLE-MANIFEST"), "{said}");
    let finnish = text(&valmis(&["--lang", "fi", "explain", "OT-1"]).stderr);
    assert!(finnish.contains("ei ole vaatimusta eikä esitestitapausta `OT-1`; samankaltaisia: OT-01"), "{finnish}");
}

fn verify_in_process(bundle: &Path) -> valmis_model::Report {
    let catalogs = valmis_model::CatalogSet::embedded().expect("catalog");
    let bundle = valmis_bundle::Bundle::open(bundle, "fuzz", valmis_bundle::Limits::default()).expect("opens");
    let options = valmis_checks::VerifyOptions {
        now: NOW.parse().expect("now"),
        strict: false,
        only: Vec::new(),
        skip: Vec::new(),
        probe: None,
        threads: 1,
        partition: None,
        lang: valmis_model::Lang::En,
        cda_schema: None,
        timestamps: false,
    };
    valmis_checks::verify(&bundle, &catalogs, &options).expect("embedded catalog is valid")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random bytes as the manifest and as a text artefact: no panic, and a report.
    #[test]
    fn random_manifests_and_texts_never_panic(manifest in proptest::collection::vec(any::<u8>(), 0..400),
                                              document in proptest::collection::vec(any::<u8>(), 0..400)) {
        let temp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(temp.path().join("documents")).expect("mkdir");
        std::fs::write(temp.path().join("manifest.toml"), &manifest).expect("write");
        std::fs::write(temp.path().join("documents/x.xml"), &document).expect("write");
        let report = verify_in_process(temp.path());
        prop_assert!(report.outcomes.iter().any(|o| o.requirement == "BUNDLE-MANIFEST"));
    }

    /// The ready manifest with one line mangled: every other check still runs, nothing panics.
    #[test]
    fn mangled_ready_manifests_never_panic(line in 0usize..40, replacement in "\\PC{0,30}") {
        let temp = tempfile::tempdir().expect("tempdir");
        copy_tree(&fixture("ready"), temp.path());
        let manifest = std::fs::read_to_string(temp.path().join("manifest.toml")).expect("read");
        let mangled: Vec<String> = manifest.lines().enumerate().map(|(i, l)| if i == line { replacement.clone() } else { l.to_owned() }).collect();
        std::fs::write(temp.path().join("manifest.toml"), mangled.join("\n")).expect("write");
        let report = verify_in_process(temp.path());
        let privacy = |report: &valmis_model::Report| report.outcomes.iter().filter(|o| o.requirement == "PRIVACY-HETU").count();
        prop_assert_eq!(privacy(&report), privacy(&verify_in_process(&fixture("ready"))), "every text file is still scanned");
    }
}

mod online {
    //! CONN-PROBE end to end: `valmis verify --online` and `valmis probe` against a real rustls
    //! server on loopback, with a bundle whose certificates are made here with rcgen.

    use std::collections::BTreeMap;
    use std::path::Path;
    use std::sync::Mutex;

    use valmis_testkit::{BOTH, Pki, Reply, Request, Server, Usage};

    use super::{copy_tree, failed_names, fixture, text, valmis, verify};

    fn pki() -> Pki {
        Pki::new("VRK TEST Root CA - G2")
    }

    /// A TLS server on 127.0.0.1 requiring a client certificate from `pki`; `handler` answers.
    fn serve_with(pki: &Pki, handler: impl Fn(Request) -> Reply + Send + Sync + 'static) -> u16 {
        let server = pki.leaf("localhost", Usage::ServerAuth, 2020, 2099);
        let options = Server {
            versions: BOTH,
            chain: vec![server.certificate],
            key: server.key,
            client_ca: Some(pki.root.clone()),
        };
        valmis_testkit::serve(options, handler).port()
    }

    /// Answers every request with 200.
    fn serve(pki: &Pki) -> u16 {
        serve_with(pki, |_| Reply::Respond(200, Vec::new(), String::new()))
    }

    /// The ready bundle with a connection.toml for `port` and certificates from `pki`; the
    /// client key is written outside the bundle.
    fn bundle(pki: &Pki, port: u16, dir: &Path, key_file: &Path) {
        std::fs::create_dir_all(dir).expect("mkdir");
        copy_tree(&fixture("ready"), dir);
        let client = pki.leaf("localhost", Usage::ClientAuth, 2020, 2099);
        std::fs::write(dir.join("connection/certs/dvv-test-root.pem"), &pki.root_pem).expect("root");
        std::fs::write(dir.join("connection/certs/palvelinvarmenne.pem"), &client.pem).expect("client");
        std::fs::remove_file(dir.join("connection/certs/palvelinvarmenne.der")).expect("der");
        std::fs::write(key_file, &client.key_pem).expect("key");
        let path = dir.join("connection/connection.toml");
        let config = std::fs::read_to_string(&path).expect("connection.toml").replace(
            "https://ehr-testi.esimerkki-terveys.fi:8443/kanta/arkisto",
            &format!("https://localhost:{port}/kanta/arkisto"),
        );
        std::fs::write(path, config).expect("write");
    }

    #[test]
    fn verify_online_passes_against_a_working_endpoint_and_fails_against_a_closed_port() {
        let pki = pki();
        let port = serve(&pki);
        let temp = tempfile::tempdir().expect("tempdir");
        let dir = temp.path().join("bundle");
        let key_file = temp.path().join("client.key");
        bundle(&pki, port, &dir, &key_file);
        let key_arg = key_file.to_str().expect("utf-8");

        let run = verify(&dir, &["--only", "CONN-PROBE", "--online", "--client-key", key_arg, "--probe-timeout", "5"]);
        assert_eq!(run.code, 0, "{}", run.stdout);
        assert!(run.junit.contains("name=\"CONN-PROBE: arkisto\""), "{}", run.junit);
        assert!(failed_names(&run.junit).is_empty());
        let key_text = std::fs::read_to_string(&key_file).expect("key");
        let key_body = key_text.lines().nth(1).expect("a base64 line");
        for output in [&run.stdout, &run.junit, &run.json] {
            assert!(!output.contains(key_body) && !output.contains("PRIVATE KEY"), "no key material in reports");
        }

        let probe = valmis(&["probe", dir.to_str().expect("utf-8"), "--client-key", key_arg, "--timeout", "5"]);
        assert_eq!(probe.status.code(), Some(0), "{}", text(&probe.stdout));
        let report = text(&probe.stdout);
        assert!(
            report.contains("ok arkisto") && report.contains("TLS 1.3") && report.contains("requested by the server"),
            "{report}"
        );
        assert!(report.contains("GET → 200"), "{report}");

        // Issue 15: a key per endpoint (NAME=FILE) and --endpoint NAME, as `run` has.
        let named = format!("arkisto={key_arg}");
        let probe = valmis(&["probe", dir.to_str().expect("utf-8"), "--client-key", &named, "--endpoint", "arkisto"]);
        assert_eq!(probe.status.code(), Some(0), "{}", text(&probe.stderr));
        let unknown =
            valmis(&["probe", dir.to_str().expect("utf-8"), "--client-key", key_arg, "--endpoint", "resepti"]);
        assert_eq!(unknown.status.code(), Some(2));
        assert!(
            text(&unknown.stderr).contains("--endpoint `resepti`: connection.toml has arkisto"),
            "{}",
            text(&unknown.stderr)
        );
        let wrong = format!("resepti={key_arg}");
        let unknown = valmis(&["probe", dir.to_str().expect("utf-8"), "--client-key", &wrong]);
        assert_eq!(unknown.status.code(), Some(2));
        assert!(text(&unknown.stderr).contains("no endpoint `resepti`"), "{}", text(&unknown.stderr));

        // Nothing listens on the port any more: CONN-PROBE fails, naming the endpoint.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
        let path = dir.join("connection/connection.toml");
        let config =
            std::fs::read_to_string(&path).expect("read").replace(&format!(":{port}/"), &format!(":{closed}/"));
        std::fs::write(&path, config).expect("write");
        let run = verify(&dir, &["--only", "CONN-PROBE", "--online", "--client-key", key_arg]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert!(failed_names(&run.junit).contains("CONN-PROBE: arkisto"));
        assert!(run.stdout.contains("refused the connection"), "{}", run.stdout);

        // Without a key, --online is a usage error.
        let output = valmis(&["verify", dir.to_str().expect("utf-8"), "--online"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(text(&output.stderr).contains("--client-key"), "{}", text(&output.stderr));
    }

    /// A small FHIR endpoint with mutual TLS under /fhir: create, read and search Observations.
    fn serve_fhir(pki: &Pki) -> u16 {
        let stored: Mutex<BTreeMap<String, serde_json::Value>> = Mutex::default();
        serve_with(pki, move |request| {
            let target = request.target.replace("%7C", "|").replace("%3A", ":");
            let (path, query) = target.split_once('?').map_or((target.as_str(), ""), |(p, q)| (p, q));
            if request.method == "POST" && path == "/fhir/Observation" {
                let mut value: serde_json::Value = serde_json::from_str(&request.body).unwrap_or_default();
                // The id is taken and the resource stored under one lock: the cases run at once,
                // and two creates that both saw `obs-1` free overwrote each other (a flaky test,
                // one case then reading back the other's observation).
                let mut stored = stored.lock().expect("lock");
                let id = format!("obs-{}", stored.len() + 1);
                value["id"] = serde_json::json!(id);
                value["meta"]["lastUpdated"] = serde_json::json!("2026-11-23T10:00:00.123+02:00");
                value["meta"]["versionId"] = serde_json::json!("1");
                stored.insert(id.clone(), value.clone());
                return Reply::Respond(
                    201,
                    vec![("Location".to_owned(), format!("/fhir/Observation/{id}/_history/1"))],
                    value.to_string(),
                );
            }
            if let Some(id) = path.strip_prefix("/fhir/Observation/") {
                return match stored.lock().expect("lock").get(id) {
                    Some(value) => Reply::Respond(200, Vec::new(), value.to_string()),
                    None => Reply::Respond(404, Vec::new(), "{}".to_owned()),
                };
            }
            if path == "/fhir/Observation" {
                let wanted = query.strip_prefix("identifier=urn:ietf:rfc:3986|").unwrap_or_default().to_owned();
                let found: Vec<serde_json::Value> = stored
                    .lock()
                    .expect("lock")
                    .values()
                    .filter(|value| value["identifier"][0]["value"] == wanted.as_str())
                    .map(|value| {
                        let url = format!("https://localhost/fhir/Observation/{}", value["id"].as_str().unwrap_or(""));
                        serde_json::json!({"fullUrl": url, "resource": value, "search": {"mode": "match"}})
                    })
                    .collect();
                let bundle = serde_json::json!({"resourceType": "Bundle", "id": "haku-1", "meta": {"lastUpdated": "2026-11-23T10:00:01+02:00"}, "type": "searchset", "total": found.len(), "link": [{"relation": "self", "url": target}], "entry": found});
                return Reply::Respond(200, Vec::new(), bundle.to_string());
            }
            Reply::Respond(400, Vec::new(), "{}".to_owned())
        })
    }

    #[test]
    fn a_harness_run_writes_evidence_and_a_report_that_verify_accepts() {
        let pki = pki();
        let port = serve_fhir(&pki);
        let temp = tempfile::tempdir().expect("tempdir");
        let dir = temp.path().join("bundle");
        let key_file = temp.path().join("client.key");
        bundle(&pki, port, &dir, &key_file);
        std::fs::remove_file(dir.join("pretest/report.csv")).expect("start without a report");
        let manifest = dir.join("manifest.toml");
        let text = std::fs::read_to_string(&manifest)
            .expect("manifest")
            .replace("[\"potilastiedon-arkisto\"]", "[\"omatietovaranto\"]");
        std::fs::write(&manifest, text).expect("write");
        let connection = dir.join("connection/connection.toml");
        let text = std::fs::read_to_string(&connection)
            .expect("connection")
            .replace("name = \"arkisto\"", "name = \"phr\"")
            .replace("service = \"potilastiedon-arkisto\"", "service = \"omatietovaranto\"")
            .replace("/kanta/arkisto", "/fhir");
        std::fs::write(&connection, text).expect("write");
        // A catalog whose Kanta PHR list holds the two cases the built-in harness runs.
        let catalog = tempfile::tempdir().expect("tempdir");
        copy_tree(&super::root().join("testcases/2027-1"), catalog.path());
        let list = catalog.path().join("pretest/omatietovaranto.toml");
        let text = std::fs::read_to_string(&list).expect("list");
        let cut = text.find("[[case]]\nid = \"OT-02\"").expect("OT-02");
        let keep_ot03 = &text[text.find("[[case]]\nid = \"OT-03\"").expect("OT-03")
            ..text.find("[[case]]\nid = \"OT-04\"").expect("OT-04")];
        std::fs::write(&list, format!("{}{keep_ot03}", &text[..cut])).expect("write");
        let catalog_arg = catalog.path().to_str().expect("utf-8");
        let junit = temp.path().join("harness.xml");

        let output = valmis(&[
            "run",
            dir.to_str().expect("utf-8"),
            "--catalog",
            catalog_arg,
            "--endpoint",
            "phr",
            "--client-key",
            key_file.to_str().expect("utf-8"),
            "--cases",
            super::root().join("testcases/2027-1/harness").to_str().expect("utf-8"),
            "--junit",
            junit.to_str().expect("utf-8"),
            "--timeout",
            // Generous: the loopback server answers at once, but 50 tests share 2 cores.
            "30",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}\n{}", text_of(&output.stdout), text_of(&output.stderr));
        let report = quick_junit::Report::deserialize_from_str(&std::fs::read_to_string(&junit).expect("junit"))
            .expect("parses");
        let names: Vec<String> =
            report.test_suites.iter().flat_map(|s| &s.test_cases).map(|c| c.name.as_str().to_owned()).collect();
        assert_eq!(names, ["HARNESS: OT-01", "HARNESS: OT-03"], "one test case per harness case");
        for file in [
            "evidence/OT-01/luo-request.json",
            "evidence/OT-01/luo-response.json",
            "evidence/OT-01/lue-response.json",
            "evidence/OT-03/hae-response.json",
            "evidence/OT-01/harness-run.toml",
        ] {
            assert!(dir.join(file).is_file(), "{file}");
        }
        let index = std::fs::read_to_string(dir.join("evidence/OT-01/harness-run.toml")).expect("index");
        assert!(index.contains("sha256 = \"") && index.contains("started_at = "), "{index}");
        let csv = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report");
        assert!(
            csv.starts_with("case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n"),
            "{csv}"
        );
        assert!(csv.contains("OT-01,pass,") && csv.contains("OT-03,pass,"), "{csv}");

        // The run stamps executed_at with the clock, so verify judges it at the clock too.
        let run = verify_at_clock(&dir, catalog_arg);
        assert_eq!(run.code, 0, "{}", run.stdout);

        // Issue 15: with another test person the goldens (which hard-coded 010181-900C) failed a
        // server that answered correctly.
        let output = valmis(&[
            "run",
            dir.to_str().expect("utf-8"),
            "--catalog",
            catalog_arg,
            "--endpoint",
            "phr",
            "--client-key",
            key_file.to_str().expect("utf-8"),
            "--case",
            "OT-01",
            "--test-person",
            "020516C903K",
            "--timeout",
            "5",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}\n{}", text_of(&output.stdout), text_of(&output.stderr));
        assert!(run.stdout.contains("PRETEST") || run.junit.contains("PRETEST-RESULT: OT-01"), "{}", run.junit);
    }

    /// A bundle whose endpoint `arkisto` is a server that drops every connection: the temporary
    /// folder (keep it alive), the bundle folder and the client key file.
    fn bundle_for_a_silent_server() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let pki = pki();
        let port = serve_with(&pki, |_| Reply::Drop);
        bundle_in_temp(&pki, port)
    }

    /// A bundle whose endpoint `arkisto` is the SOAP archive at its root path.
    fn bundle_for_the_soap_archive() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let pki = pki();
        let port = serve_soap(&pki);
        let (temp, dir, key_file) = bundle_in_temp(&pki, port);
        let connection = dir.join("connection/connection.toml");
        let text = std::fs::read_to_string(&connection).expect("connection").replace("/kanta/arkisto", "/");
        std::fs::write(&connection, text).expect("write");
        (temp, dir, key_file)
    }

    /// The test bundle for the endpoint on `port` in a temporary folder: the folder (keep it
    /// alive), the bundle folder and the client key file.
    fn bundle_in_temp(pki: &Pki, port: u16) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let temp = tempfile::tempdir().expect("tempdir");
        let dir = temp.path().join("bundle");
        let key_file = temp.path().join("client.key");
        bundle(pki, port, &dir, &key_file);
        (temp, dir, key_file)
    }

    /// `valmis run BUNDLE --endpoint arkisto --case PA-01` with a short timeout and no retries.
    fn run_pa01(bundle: &Path, key_file: &Path) -> std::process::Output {
        run_pa01_with(bundle, key_file, &["--timeout", "2", "--retries", "0"])
    }

    /// `valmis run BUNDLE --endpoint arkisto --case PA-01 --timeout SECONDS`.
    fn run_pa01_with_timeout(bundle: &Path, key_file: &Path, seconds: &str) -> std::process::Output {
        run_pa01_with(bundle, key_file, &["--timeout", seconds])
    }

    fn run_pa01_with(bundle: &Path, key_file: &Path, extra: &[&str]) -> std::process::Output {
        let mut args = vec![
            "run",
            bundle.to_str().expect("utf-8"),
            "--endpoint",
            "arkisto",
            "--case",
            "PA-01",
            "--client-key",
            key_file.to_str().expect("utf-8"),
        ];
        args.extend_from_slice(extra);
        valmis(&args)
    }

    #[test]
    fn a_server_that_never_answers_leaves_the_hand_made_row_as_it_was() {
        // Issue 15: `run` against a silent server replaced PA-01's hand-made row with a failure.
        let (_temp, dir, key_file) = bundle_for_a_silent_server();
        let before = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report");
        let output = run_pa01(&dir, &key_file);
        assert_ne!(output.status.code(), Some(0), "{}", text_of(&output.stderr));
        let stderr = text_of(&output.stderr);
        assert!(stderr.contains("PA-01: not run to the end") && stderr.contains("left as it was"), "{stderr}");
        assert_eq!(std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report"), before, "row kept");
        assert!(!dir.join("pretest/report.csv.bak").exists(), "nothing changed, nothing to back up");
    }

    #[test]
    fn run_never_reads_or_writes_through_a_symbolic_link() {
        // Issue 16 (14): `run` followed a symlinked evidence/ folder and wrote outside the bundle,
        // and read a symlinked report; a bundle path that is itself a link was followed silently.
        let (temp, dir, key_file) = bundle_for_a_silent_server();
        let outside = temp.path().join("outside");
        std::fs::create_dir_all(&outside).expect("mkdir");
        let run = |bundle: &Path| run_pa01(bundle, &key_file);

        // evidence/ is a link to a folder outside the bundle.
        let evidence = dir.join("evidence");
        if evidence.exists() {
            std::fs::rename(&evidence, temp.path().join("evidence-real")).expect("move");
        }
        std::os::unix::fs::symlink(&outside, &evidence).expect("symlink");
        let output = run(&dir);
        assert_eq!(output.status.code(), Some(2), "{}", text_of(&output.stderr));
        assert!(
            text_of(&output.stderr).contains("`evidence` in the bundle is a symbolic link"),
            "{}",
            text_of(&output.stderr)
        );
        assert_eq!(std::fs::read_dir(&outside).expect("outside").count(), 0, "nothing written outside");
        std::fs::remove_file(&evidence).expect("unlink");

        // The report is a link to a file outside.
        let report = dir.join("pretest/report.csv");
        let secret = outside.join("salainen.csv");
        std::fs::rename(&report, &secret).expect("move");
        std::os::unix::fs::symlink(&secret, &report).expect("symlink");
        let output = run(&dir);
        assert_eq!(output.status.code(), Some(2), "{}", text_of(&output.stderr));
        assert!(
            text_of(&output.stderr).contains("`pretest/report.csv` in the bundle is a symbolic link"),
            "{}",
            text_of(&output.stderr)
        );
        std::fs::remove_file(&report).expect("unlink");
        std::fs::rename(&secret, &report).expect("move back");

        // The bundle path itself is a link.
        let link = temp.path().join("linkki");
        std::os::unix::fs::symlink(&dir, &link).expect("symlink");
        let output = run(&link);
        assert_eq!(output.status.code(), Some(2), "{}", text_of(&output.stderr));
        assert!(
            text_of(&output.stderr).contains("is a symbolic link; valmis run writes only into a real bundle folder"),
            "{}",
            text_of(&output.stderr)
        );
    }

    #[test]
    fn a_completed_run_backs_up_the_report_and_says_what_changed() {
        let (_temp, dir, key_file) = bundle_for_the_soap_archive();
        let before = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report");
        let output = run_pa01_with_timeout(&dir, &key_file, "5");
        assert_eq!(output.status.code(), Some(0), "{}", text_of(&output.stderr));
        let stderr = text_of(&output.stderr);
        assert!(stderr.contains("report row PA-01 changed: pass (2026-11-12T09:14:00+02:00) → pass ("), "{stderr}");
        assert_eq!(std::fs::read_to_string(dir.join("pretest/report.csv.bak")).expect("backup"), before);
    }

    #[test]
    fn a_run_updates_the_report_in_the_form_the_person_wrote_it() {
        // Before: `run` rewrote the whole report as UTF-8, comma-separated, English headers and
        // the eight known columns only. A Finnish Excel report (Windows-1252, `;`, CRLF) no
        // longer opened in Excel as columns, and a column of the person's own was dropped.
        let (_temp, dir, key_file) = bundle_for_the_soap_archive();
        let report = dir.join("pretest/report.csv");

        // Finnish Excel's plain CSV, without a PA-01 row: the run adds one before the blank rows.
        let finnish = "testitapaus;tulos;suoritettu;ympäristö;testihenkilö;asiakirjan_oid;todisteet;huomiot;testaaja\r\n\
            PA-02;hyväksytty;12.11.2026;asiakastesti;020516C903K;1.2.246.10.12345671.11.2026.1002;\"evidence/PA-02/kuittaus.txt;documents/hoitokertomus-2026-11-12-v2.xml\";Uusi versio;Aino Virtanen\r\n\
            PA-04;ei sovellu;13.11.2026;asiakastesti;;;;Kuvantamista ei tuoteta tässä versiossa;Aino\r\n\
            ;;;;;;;;\r\n\
            ;;;;;;;;\r\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(finnish);
        assert!(!unmappable);
        std::fs::write(&report, &bytes).expect("write");
        let output = run_pa01_with_timeout(&dir, &key_file, "5");
        assert_eq!(output.status.code(), Some(0), "{}", text_of(&output.stderr));
        let after = std::fs::read(&report).expect("report");
        assert!(std::str::from_utf8(&after).is_err(), "still Windows-1252");
        let (after, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&after);
        let lines: Vec<&str> = after.split("\r\n").collect();
        assert_eq!(lines.len(), 7, "{after:?}");
        assert_eq!(lines[..3], finnish.split("\r\n").collect::<Vec<_>>()[..3], "{after:?}");
        let added = csv_fields(lines[3], b';');
        assert_eq!(added.len(), 9, "{after:?}");
        assert_eq!(
            (&*added[0], &*added[1], &*added[3], &*added[4], &*added[8]),
            ("PA-01", "hyväksytty", "asiakastesti", "010181-900C", ""),
            "{after:?}"
        );
        assert!(added[6].starts_with("evidence/PA-01/"), "{after:?}");
        assert_eq!(lines[4..], [";;;;;;;;", ";;;;;;;;", ""], "{after:?}");
        assert_eq!(std::fs::read(dir.join("pretest/report.csv.bak")).expect("backup"), bytes.as_ref());

        // Excel's "CSV UTF-8": a byte order mark, commas, CRLF, a column of the person's own.
        let english = "\u{feff}case_id,result,executed_at,environment,test_person,evidence,notes,reviewer\r\n\
            PA-01,fail,2026-11-12,asiakastesti,010181-900C,,\"Ensimmäinen yritys, aikakatkaisu\",Mikko\r\n\
            PA-02,pass,2026-11-12,asiakastesti,020516C903K,evidence/PA-02/kuittaus.txt,,Mikko\r\n";
        std::fs::write(&report, english).expect("write");
        let output = run_pa01_with_timeout(&dir, &key_file, "5");
        assert_eq!(output.status.code(), Some(0), "{}", text_of(&output.stderr));
        let after = std::fs::read_to_string(&report).expect("UTF-8");
        assert!(after.starts_with('\u{feff}'), "byte order mark kept: {after:?}");
        let lines: Vec<&str> = after.split("\r\n").collect();
        let before: Vec<&str> = english.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{after:?}");
        // document_oid had no column: the acknowledged id gets one, at the end of the header.
        assert_eq!(lines[0], format!("{},document_oid", before[0]), "{after:?}");
        assert_eq!((lines[2], lines[3]), (before[2], ""), "{after:?}");
        let fields = csv_fields(lines[1], b',');
        assert_eq!((&*fields[0], &*fields[1], &*fields[7]), ("PA-01", "pass", "Mikko"), "{after:?}");
        assert!(fields[8].starts_with("1.2.246.10.12345671."), "{after:?}");
        let stderr = text_of(&output.stderr);
        assert!(stderr.contains("report row PA-01 changed: fail (2026-11-12) → pass ("), "{stderr}");
        assert!(stderr.contains("no `document_oid` column: it is added at the end of the header"), "{stderr}");
    }

    #[test]
    fn a_report_the_run_could_not_update_stops_it_before_anything_is_sent() {
        // Before: the report was looked at only after every case had run: the requests had gone
        // to the service and the evidence was written, then exit 2 and no report row.
        let (requests, (_temp, dir, key_file)) = bundle_counting_requests();
        let report = dir.join("pretest/report.csv");
        let xlsx = dir.join("pretest/report.xlsx");
        let cases: [(&str, &[u8], &str); 3] = [
            (
                "report.xlsx",
                b"",
                "the report is `pretest/report.xlsx`; valmis run keeps the report in pretest/report.csv",
            ),
            (
                "report.csv",
                b"\xEF\xBB\xBFcase_id,result\nPA-01,\xFF\n",
                "valmis run would change bytes it did not write",
            ),
            ("report.csv", b"tapaus,tila\nPA-01,ok\n", "the header row is not recognised"),
        ];
        for (name, bytes, expected) in cases {
            if name == "report.xlsx" {
                std::fs::copy(fixture("pretest-report-xlsx").join("pretest/report.xlsx"), &xlsx).expect("copy");
            } else {
                std::fs::write(&report, bytes).expect("write");
            }
            let output = run_pa01(&dir, &key_file);
            let stderr = text_of(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "{name}: nothing sent");
            assert!(!dir.join("evidence/PA-01/tallenna-request.xml").exists(), "{name}: no evidence");
            assert!(!dir.join("pretest/report.csv.bak").exists(), "{name}");
            let _ = std::fs::remove_file(&xlsx);
        }
    }

    #[test]
    fn a_case_id_that_would_leave_the_evidence_folder_is_refused_before_anything_is_sent() {
        // Before: a --cases declaration with `case = "../../ulkona"` ran, and its evidence was
        // written to evidence/../../ulkona/, outside the bundle folder.
        let (requests, (temp, dir, key_file)) = bundle_counting_requests();
        let cases = temp.path().join("tapaukset");
        std::fs::create_dir_all(&cases).expect("mkdir");
        for case in ["../../ulkona", "PA/01", ".", "PA-01\n"] {
            let declaration = format!(
                "format = 1\ncase = {case:?}\nservice = \"potilastiedon-arkisto\"\ntitle = \"Haku\"\n\n\
                 [[step]]\nname = \"hae\"\nmethod = \"GET\"\npath = \"/\"\n[step.expect]\nstatus = 200\n"
            );
            std::fs::write(cases.join("haku.toml"), declaration).expect("write");
            let output = run_pa01_with(&dir, &key_file, &["--cases", cases.to_str().expect("utf-8"), "--case", case]);
            let stderr = text_of(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{case:?}: {stderr}");
            assert!(stderr.contains("names the folder evidence/"), "{case:?}: {stderr}");
            assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "{case:?}: nothing sent");
        }
        assert!(!temp.path().join("ulkona").exists() && !dir.join("evidence/PA").exists(), "nothing written");
    }

    #[test]
    fn a_link_loop_in_the_cases_folder_ends() {
        // The --cases folder is walked following links: a link to the folder itself (`silmukka
        // -> .`) ends where the system stops resolving links (40 deep), and the run goes on.
        let (temp, dir, key_file) = bundle_for_the_soap_archive();
        let cases = temp.path().join("tapaukset");
        copy_tree(&super::root().join("testcases/2027-1/harness"), &cases);
        std::os::unix::fs::symlink(".", cases.join("silmukka")).expect("symlink");
        let mut child = super::support::valmis_command()
            .args(["run", dir.to_str().expect("utf-8"), "--endpoint", "arkisto", "--case", "PA-01"])
            .args(["--client-key", key_file.to_str().expect("utf-8"), "--cases", cases.to_str().expect("utf-8")])
            .args(["--timeout", "30"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("valmis starts");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        let output = child.wait_with_output().expect("output");
        assert_eq!(status.and_then(|status| status.code()), Some(0), "{}", text_of(&output.stderr));
        assert!(dir.join("evidence/PA-01/tallenna-request.xml").is_file());
    }

    #[test]
    fn a_cases_file_that_never_ends_is_refused_before_anything_is_sent() {
        // Before: a --cases folder holding a link to /dev/zero (or a pipe) was read until
        // memory ran out. The file stops one byte past 16 MiB, with exit 2.
        let (requests, (temp, dir, key_file)) = bundle_counting_requests();
        let cases = temp.path().join("tapaukset");
        copy_tree(&super::root().join("testcases/2027-1/harness"), &cases);
        std::os::unix::fs::symlink("/dev/zero", cases.join("loputon.toml")).expect("symlink");
        let output = run_pa01_with(&dir, &key_file, &["--cases", cases.to_str().expect("utf-8")]);
        let stderr = text_of(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("loputon.toml`: it is larger than 16 MiB"), "{stderr}");
        assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "nothing sent");
    }

    #[test]
    fn a_case_declaration_that_cannot_be_read_is_refused_not_left_out() {
        // Before: a case declaration that could not be read (saved as UTF-16 by a Windows
        // editor, a link to a file since moved) was left out without a word, and the run went
        // on with the others: the case never ran, and nothing said why.
        let (requests, (temp, dir, key_file)) = bundle_counting_requests();
        let declaration =
            std::fs::read_to_string(super::root().join("testcases/2027-1/harness/pa-01.toml")).expect("declaration");
        for name in ["utf16", "link"] {
            let cases = temp.path().join(format!("tapaukset-{name}"));
            copy_tree(&super::root().join("testcases/2027-1/harness"), &cases);
            let path = cases.join("pa-09.toml");
            if name == "utf16" {
                let mut bytes = vec![0xff, 0xfe];
                bytes.extend(declaration.encode_utf16().flat_map(u16::to_le_bytes));
                std::fs::write(&path, bytes).expect("write");
            } else {
                std::os::unix::fs::symlink("siirretty/pa-09.toml", &path).expect("symlink");
            }
            let output = run_pa01_with(&dir, &key_file, &["--cases", cases.to_str().expect("utf-8")]);
            let stderr = text_of(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
            assert!(stderr.contains("pa-09.toml`"), "{name}: {stderr}");
            assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "{name}: nothing sent");
        }
        let stderr = {
            let cases = temp.path().join("tapaukset-utf16");
            text_of(&run_pa01_with(&dir, &key_file, &["--cases", cases.to_str().expect("utf-8")]).stderr)
        };
        assert!(stderr.contains("not UTF-8 text"), "{stderr}");
    }

    /// A bundle for a server that answers 200 to everything, with the count of requests it got.
    fn bundle_counting_requests()
    -> (std::sync::Arc<std::sync::atomic::AtomicUsize>, (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf))
    {
        let pki = pki();
        let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&requests);
        let port = serve_with(&pki, move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Reply::Respond(200, Vec::new(), String::new())
        });
        (requests, bundle_in_temp(&pki, port))
    }

    #[test]
    fn a_captured_document_oid_that_is_not_an_oid_never_reaches_the_report() {
        // Before: what a custom case captured from the server's answer went into report.csv as it
        // came, so `=HYPERLINK(…)` became a formula when the report was opened in Excel.
        let pki = pki();
        let answer = "<Kuittaus><Id>=HYPERLINK(\"https://x.invalid/?\"&A1;\"avaa\")\u{1b}[2J</Id></Kuittaus>";
        let port = serve_with(&pki, move |_| Reply::Respond(200, Vec::new(), answer.to_owned()));
        let (temp, dir, key_file) = bundle_in_temp(&pki, port);
        let cases = temp.path().join("tapaukset");
        std::fs::create_dir_all(&cases).expect("mkdir");
        let declaration = "format = 1\ncase = \"PA-01\"\nservice = \"potilastiedon-arkisto\"\ntitle = \"Tallennus\"\n\n\
                           [[step]]\nname = \"tallenna\"\nmethod = \"GET\"\npath = \"/\"\n[step.expect]\nstatus = 200\n\
                           [step.capture]\ndocument_oid = \"regex:<Id>(.*)</Id>\"\n";
        std::fs::write(cases.join("tallennus.toml"), declaration).expect("write");
        let output = run_pa01_with(&dir, &key_file, &["--cases", cases.to_str().expect("utf-8"), "--timeout", "30"]);
        let stderr = text_of(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        let csv = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report");
        assert!(!csv.contains("HYPERLINK"), "{csv}");
        let row = csv.lines().find(|line| line.starts_with("PA-01,")).expect("PA-01's row");
        assert_eq!(csv_fields(row, b',')[5], "", "document_oid left empty: {row}");
        assert!(
            stderr.contains("PA-01: the service's answer gave document_oid `=HYPERLINK(")
                && stderr.contains("\\u{1b}[2J`, which is not an OID")
                && !stderr.contains('\u{1b}'),
            "{stderr}"
        );
    }

    #[test]
    fn a_case_the_endpoint_has_not_is_refused_before_anything_is_sent() {
        // Before: `--case PA-O1` (a letter O) was dropped from the selection without a word;
        // with `--case PA-01,PA-O1` the run went ahead with PA-01 alone.
        let (requests, (_temp, dir, key_file)) = bundle_counting_requests();
        for selection in ["PA-O1", "PA-01,PA-O1"] {
            let output = run_pa01_with(&dir, &key_file, &["--case", selection]);
            let stderr = text_of(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{selection}: {stderr}");
            assert!(
                stderr.contains(
                    "--case `PA-O1` is no harness case of `arkisto` (service potilastiedon-arkisto); its cases: PA-01"
                ),
                "{selection}: {stderr}"
            );
        }
        assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 0, "nothing sent");
    }

    /// The values of one CSV line, by the `csv` crate.
    fn csv_fields(line: &str, delimiter: u8) -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).delimiter(delimiter).from_reader(line.as_bytes());
        let record = reader.records().next().expect("a record").expect("valid CSV");
        record.iter().map(str::to_owned).collect()
    }

    /// A SOAP-style archive endpoint: acknowledges a stored CDA document with its id.
    fn serve_soap(pki: &Pki) -> u16 {
        serve_with(pki, |request| {
            let id = request
                .body
                .split("<id root=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_default()
                .to_owned();
            if request.method != "POST" || !request.body.contains("<ClinicalDocument") || id.is_empty() {
                return Reply::Respond(400, Vec::new(), String::new());
            }
            let ack = format!(
                "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:MessageID>urn:uuid:0b1c</wsa:MessageID><wsa:RelatesTo>urn:uuid:x</wsa:RelatesTo></soap:Header><soap:Body><Kuittaus xmlns=\"urn:hl7finland:arkisto\"><Tila>hyväksytty</Tila><AsiakirjaOid>{id}</AsiakirjaOid><Vastaanotettu>2026-11-23T10:00:00+02:00</Vastaanotettu></Kuittaus></soap:Body></soap:Envelope>"
            );
            Reply::Respond(200, Vec::new(), ack)
        })
    }

    #[test]
    fn the_built_in_archive_case_stores_a_cda_document_over_soap() {
        let (_temp, dir, key_file) = bundle_for_the_soap_archive();
        let output = run_pa01_with_timeout(&dir, &key_file, "5");
        assert_eq!(output.status.code(), Some(0), "{}\n{}", text_of(&output.stdout), text_of(&output.stderr));
        let request =
            std::fs::read_to_string(dir.join("evidence/PA-01/tallenna-request.xml")).expect("request evidence");
        assert!(
            request.starts_with("POST https://localhost:")
                && request.contains("<recordTarget><patientRole><id root=\"1.2.246.21\" extension=\"010181-900C\"/>"),
            "{request}"
        );
        assert!(
            request.contains(
                "<custodian><assignedCustodian><representedCustodianOrganization><id root=\"1.2.246.10.12345671\"/>"
            ),
            "{request}"
        );
        let csv = std::fs::read_to_string(dir.join("pretest/report.csv")).expect("report");
        let row = csv.lines().find(|line| line.starts_with("PA-01,")).expect("PA-01 row");
        assert!(
            row.starts_with("PA-01,pass,") && row.contains(",010181-900C,1.2.246.10.12345671.11."),
            "document_oid captured from the acknowledgement: {row}"
        );
        // Before: 2026-12-03T18:51:38.038876718Z, nanoseconds in a spreadsheet cell.
        let executed_at = &csv_fields(row, b',')[2];
        assert!(
            executed_at.len() == 20
                && executed_at.ends_with('Z')
                && executed_at.parse::<jiff::Timestamp>().is_ok_and(|at| at.subsec_nanosecond() == 0),
            "{executed_at}"
        );
        assert!(csv.lines().any(|line| line.starts_with("PA-02,pass,")), "other rows are kept");
        // Before: nothing said that `valmis verify` would then fail PRETEST-EVIDENCE for PA-01,
        // whose declaration asks for a stored document and a validation result, which a run
        // cannot produce. The run says so now, with verify's own words, and only of PA-01.
        let stderr = text_of(&output.stderr);
        let verify = verify(&dir, &["--only", "PRETEST-EVIDENCE"]);
        assert_eq!(verify.code, 1, "{}", verify.stdout);
        let asked: Vec<&str> =
            stderr.lines().filter(|line| line.contains("`valmis verify` will still ask (PRETEST-EVIDENCE)")).collect();
        assert!(!asked.is_empty() && asked.iter().all(|line| line.starts_with("PA-01: ")), "{stderr}");
        for line in &asked {
            let finding = line.split("(PRETEST-EVIDENCE): ").nth(1).expect("the finding");
            assert!(verify.stdout.contains(finding), "verify says the same: {finding}\n{}", verify.stdout);
        }
        assert!(stderr.contains("add what else the case asks for to its row's evidence"), "{stderr}");
    }

    fn text_of(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    /// `valmis verify` with the real clock (the run's executed_at is now).
    fn verify_at_clock(dir: &Path, catalog: &str) -> super::Run {
        let out = tempfile::tempdir().expect("tempdir");
        let junit = out.path().join("junit.xml");
        let json = out.path().join("report.json");
        let output = valmis(&[
            "verify",
            dir.to_str().expect("utf-8"),
            "--catalog",
            catalog,
            "--only",
            "PRETEST-*",
            "--junit",
            junit.to_str().expect("utf-8"),
            "--json",
            json.to_str().expect("utf-8"),
        ]);
        super::Run {
            code: output.status.code().unwrap_or(-1),
            stdout: text(&output.stdout),
            stderr: text(&output.stderr),
            junit: std::fs::read_to_string(&junit).unwrap_or_default(),
            json: std::fs::read_to_string(&json).unwrap_or_default(),
        }
    }
}

fn waivers(name: &str) -> String {
    root().join("fixtures/waivers").join(name).to_str().expect("utf-8").to_owned()
}

/// The JUnit test case `name` of the run: its status kind and message.
fn junit_case(junit: &str, name: &str) -> (String, String) {
    let report = quick_junit::Report::deserialize_from_str(junit).expect("JUnit parses");
    for suite in &report.test_suites {
        for case in &suite.test_cases {
            if case.name.as_str() == name {
                return match &case.status {
                    TestCaseStatus::Success { .. } => ("passed".to_owned(), String::new()),
                    TestCaseStatus::NonSuccess { kind, message, .. } => (
                        if *kind == NonSuccessKind::Failure { "failed" } else { "error" }.to_owned(),
                        message.as_ref().map(|m| m.as_str().to_owned()).unwrap_or_default(),
                    ),
                    TestCaseStatus::Skipped { message, .. } => {
                        ("skipped".to_owned(), message.as_ref().map(|m| m.as_str().to_owned()).unwrap_or_default())
                    }
                };
            }
        }
    }
    panic!("no test case `{name}` in\n{junit}");
}

#[test]
fn an_active_waiver_skips_what_it_matches_and_is_listed() {
    let run = verify(&fixture("doc-patient"), &["--waivers", &waivers("active.toml")]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let (status, message) = junit_case(&run.junit, "DOC-PATIENT: documents/hoitokertomus-2026-11-12.xml");
    assert_eq!(status, "skipped");
    assert!(message.contains("waived until 2027-01-31 (VAL-42): Vanha esimerkkiasiakirja"), "{message}");
    let (status, _) = junit_case(&run.junit, "WAIVERS: DOC-PATIENT documents/hoitokertomus-*.xml (line 4)");
    assert_eq!(status, "passed");
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    assert_eq!(json["waivers"][0]["state"], "active");
    assert_eq!(json["waivers"][0]["matched"], 1);
    assert!(run.stdout.contains("waivers\n  active DOC-PATIENT"), "{}", run.stdout);
}

#[test]
fn an_expired_waiver_fails_and_waives_nothing() {
    let run = verify(&fixture("doc-patient"), &["--waivers", &waivers("expired.toml")]);
    assert_eq!(run.code, 1);
    let (status, _) = junit_case(&run.junit, "DOC-PATIENT: documents/hoitokertomus-2026-11-12.xml");
    assert_eq!(status, "failed", "what the expired waiver covered fails again");
    let (status, message) = junit_case(&run.junit, "WAIVERS: DOC-PATIENT documents/hoitokertomus-*.xml (line 4)");
    assert_eq!(status, "failed");
    assert!(message.contains("waiver expired on 2026-10-31 (VAL-42)"), "{message}");
}

#[test]
fn an_unused_waiver_warns_and_fails_under_strict() {
    let run = verify(&fixture("ready"), &["--waivers", &waivers("unused.toml")]);
    assert_eq!(run.code, 0, "a warning does not block");
    assert!(run.stdout.contains("matches nothing that fails: remove it"), "{}", run.stdout);
    let strict = verify(&fixture("ready"), &["--waivers", &waivers("unused.toml"), "--strict"]);
    assert_eq!(strict.code, 1);
    let (status, _) = junit_case(&strict.junit, "WAIVERS: BUNDLE-ORG * (line 4)");
    assert_eq!(status, "failed");
}

#[test]
fn a_waiver_for_a_requirement_that_does_not_exist_says_which_was_meant() {
    // Before: a misspelt id (`DOC-PATEINT`) was "unused: remove it", which is not the fix.
    let run = verify(&fixture("doc-patient"), &["--waivers", &waivers("misspelt.toml")]);
    assert_eq!(run.code, 1, "the failure it meant to waive still fails");
    let (status, message) = junit_case(&run.junit, "WAIVERS: DOC-PATEINT documents/hoitokertomus-*.xml (line 4)");
    assert_eq!(status, "failed");
    assert!(
        message.contains("names no requirement of round 2027-1; did you mean `DOC-PATIENT`?")
            && !message.contains("remove it"),
        "{message}"
    );
    let (status, _) = junit_case(&run.junit, "DOC-PATIENT: documents/hoitokertomus-2026-11-12.xml");
    assert_eq!(status, "failed");
}

#[test]
fn a_bad_waiver_file_is_a_usage_error_pointing_at_the_line() {
    let output = valmis(&["verify", fixture("ready").to_str().expect("utf-8"), "--waivers", &waivers("invalid.toml")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("invalid.toml:4:") && stderr.contains("missing field `ticket`"), "{stderr}");
}

#[test]
fn a_baseline_shows_what_is_newly_failing_fixed_and_gone() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The baseline: the ready bundle's report, plus an outcome about a document since removed.
    let ready = verify(&fixture("ready"), &[]);
    let mut baseline: serde_json::Value = serde_json::from_str(&ready.json).expect("JSON");
    baseline["outcomes"].as_array_mut().expect("outcomes").push(serde_json::json!({
        "requirement": "DOC-OID", "area": "documents", "subject": "documents/poistettu.xml", "status": "failed",
        "title": "t", "severity": "error", "fix": "f", "reference": "r", "findings": []
    }));
    let baseline_path = dir.path().join("baseline.json");
    std::fs::write(&baseline_path, baseline.to_string()).expect("baseline written");
    let html = dir.path().join("report.html");
    let summary = dir.path().join("summary.md");
    let run = verify(
        &fixture("doc-patient"),
        &[
            "--baseline",
            baseline_path.to_str().expect("utf-8"),
            "--html",
            html.to_str().expect("utf-8"),
            "--summary-md",
            summary.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.json).expect("JSON");
    let diff = &json["since_baseline"];
    assert_eq!(
        diff["newly_failing"],
        serde_json::json!([{ "requirement": "DOC-PATIENT", "subject": "documents/hoitokertomus-2026-11-12.xml" }])
    );
    assert_eq!(
        diff["disappeared"],
        serde_json::json!([{ "requirement": "DOC-OID", "subject": "documents/poistettu.xml" }])
    );
    assert_eq!(diff["fixed"], serde_json::json!([]));
    assert!(
        run.stdout.contains("newly failing: 1\n    DOC-PATIENT: documents/hoitokertomus-2026-11-12.xml"),
        "{}",
        run.stdout
    );
    let markdown = std::fs::read_to_string(&summary).expect("summary");
    assert!(markdown.contains("### Since the baseline") && markdown.contains("**1 newly failing**"), "{markdown}");
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("<h3>1 newly failing</h3>") && page.contains("DOC-OID: documents/poistettu.xml"));

    // And back: with the failing run as the baseline, the ready bundle shows the fix.
    let failing_path = dir.path().join("failing.json");
    std::fs::write(&failing_path, &run.json).expect("written");
    let fixed = verify(&fixture("ready"), &["--baseline", failing_path.to_str().expect("utf-8")]);
    let json: serde_json::Value = serde_json::from_str(&fixed.json).expect("JSON");
    assert_eq!(json["since_baseline"]["fixed"][0]["requirement"], "DOC-PATIENT");
    assert_eq!(json["since_baseline"]["newly_failing"], serde_json::json!([]));

    // A file that is not a valmis report is a usage error naming the place.
    std::fs::write(&failing_path, "{\"format\": 1, \"outcomes\": 3}").expect("written");
    let bad = valmis(&[
        "verify",
        fixture("ready").to_str().expect("utf-8"),
        "--baseline",
        failing_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("failing.json:1:"), "{}", text(&bad.stderr));
}

#[test]
fn finnish_reports_use_the_catalogs_finnish_texts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("r.html");
    let markdown = dir.path().join("r.md");
    let run = verify(
        &fixture("doc-patient"),
        &["--lang", "fi", "--html", html.to_str().expect("utf-8"), "--summary-md", markdown.to_str().expect("utf-8")],
    );
    assert_eq!(run.code, 1);
    // Terminal: Finnish headings, the catalog's Finnish title and fix; the closing line stays
    // SPEC's English one.
    assert!(run.stdout.contains("asiakirjojen potilaat ovat testihenkilöitä"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "korjaus: Käytä Kelan testihenkilöä (yksilönumero 900–999) ja hänen syntymäaikaansa birthTime-kentässä."
        ),
        "{}",
        run.stdout
    );
    // One blocking outcome is singular in Finnish too (it used to say `1 estävää tulosta`).
    assert!(run.stdout.contains("ei valmis: 1 estävä tulos"), "{}", run.stdout);
    assert!(run.stdout.trim_end().ends_with("passed, 1 failed, 6 skipped"), "{}", run.stdout);
    // JUnit: the failure body carries the Finnish title and fix.
    assert!(run.junit.contains("DOC-PATIENT: asiakirjojen potilaat ovat testihenkilöitä"), "{}", run.junit);
    // ... framed in Finnish (it used to say `how to fix:` and `checked:`).
    assert!(run.junit.contains("näin korjaat: Käytä Kelan testihenkilöä"), "{}", run.junit);
    assert!(run.junit.contains("tarkistettu: ") && !run.junit.contains("checked: "), "{}", run.junit);
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("<html lang=\"fi\">") && page.contains("Ei valmis") && page.contains("Näin korjaat:"));
    let summary = std::fs::read_to_string(&markdown).expect("summary");
    assert!(summary.starts_with("## ❌ valmis: ei valmis (kierros 2027-1)"), "{summary}");
    assert!(summary.contains("### Ei valmis, koska"), "{summary}");

    // The locale decides when --lang is not given; --lang wins over it.
    let output =
        support::valmis_command().args(["explain", "DOC-OID"]).env("LANG", "fi_FI.UTF-8").output().expect("runs");
    assert!(text(&output.stdout).contains("Näin korjaat:"), "{}", text(&output.stdout));
    let output = support::valmis_command()
        .args(["explain", "DOC-OID", "--lang", "en"])
        .env("LANG", "fi_FI.UTF-8")
        .output()
        .expect("runs");
    assert!(text(&output.stdout).contains("How to fix a failure:"), "{}", text(&output.stdout));
}

#[test]
fn pack_refreshes_the_digests_and_writes_a_clean_deterministic_zip_that_verifies() {
    // Issue 15 (10): the zip a vendor sends. A changed and an added file get fresh digests, only
    // [files] of the manifest changes, OS leftovers and run's backups stay out, and the zip itself
    // (read back with the zip crate) is ready.
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join("hakemus");
    copy_tree(&fixture("ready"), &bundle);
    std::fs::write(bundle.join(".DS_Store"), b"\0\0\0\x01Bud1").expect("write");
    std::fs::create_dir_all(bundle.join("__MACOSX/forms")).expect("mkdir");
    std::fs::write(bundle.join("__MACOSX/forms/._rekisteröitymislomake.pdf"), b"\0\x05\x16\x07").expect("write");
    std::fs::write(bundle.join("forms/._arkkitehtuurikuvaus.pdf"), b"\0\x05\x16\x07").expect("write");
    std::fs::write(bundle.join("pretest/report.csv.bak"), b"case_id,result\n").expect("write");
    std::fs::write(bundle.join("evidence/PA-02/kuittaus-2.txt"), "Kuittaus: tallennus onnistui\n").expect("write");
    let changed = bundle.join("evidence/PA-01/validointitulos.txt");
    let mut evidence = std::fs::read_to_string(&changed).expect("evidence");
    evidence.push_str("Tarkistettu uudelleen 2026-11-20.\n");
    std::fs::write(&changed, evidence).expect("write");
    let before = std::fs::read_to_string(bundle.join("manifest.toml")).expect("manifest");
    let before_files = before.find("\n[files]\n").expect("[files]");

    // Without pack, the changed file fails BUNDLE-INTEGRITY (the added one is a warning) and the
    // leftovers fail BUNDLE-HYGIENE.
    let unpacked = verify(&bundle, &[]);
    assert_eq!(
        blocking_requirements(&unpacked.junit),
        BTreeSet::from(["BUNDLE-HYGIENE".to_owned(), "BUNDLE-INTEGRITY".to_owned()]),
        "{}",
        unpacked.stdout
    );

    let zip_path = temp.path().join("lähetys/hakemus.zip");
    let output = valmis(&["pack", bundle.to_str().expect("utf-8"), "-o", zip_path.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(unpacked.stdout.contains("not listed in [files]"), "{}", unpacked.stdout);
    assert!(stdout.contains("added    evidence/PA-02/kuittaus-2.txt"), "{stdout}");
    assert!(stdout.contains("changed  evidence/PA-01/validointitulos.txt"), "{stdout}");
    for left_out in [".DS_Store", "__MACOSX/", "forms/._arkkitehtuurikuvaus.pdf", "pretest/report.csv.bak"] {
        assert!(stdout.contains(&format!("  {left_out}: ")), "`{left_out}` left out in\n{stdout}");
    }
    let after = std::fs::read_to_string(bundle.join("manifest.toml")).expect("manifest");
    assert_eq!(after[..before_files], before[..before_files], "everything before [files] stays as written");
    assert!(after.contains("\"evidence/PA-02/kuittaus-2.txt\" = \"sha256:"), "{after}");

    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("zip")).expect("a real zip");
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).expect("entry").name().expect("utf-8 name").into_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entries are sorted");
    assert!(names.contains(&"forms/rekisteröitymislomake.pdf".to_owned()), "{names:?}");
    assert!(names.contains(&"manifest.toml".to_owned()), "{names:?}");
    assert!(
        !names.iter().any(|name| name.contains("__MACOSX")
            || name.contains(".DS_Store")
            || name.contains("/._")
            || name.ends_with(".bak")),
        "{names:?}"
    );
    let mut packed_manifest = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("manifest.toml").expect("manifest"), &mut packed_manifest)
        .expect("read");
    assert_eq!(packed_manifest, after, "the zip carries the refreshed manifest");

    let packed = verify(&zip_path, &[]);
    assert_eq!(packed.code, 0, "{}", packed.stdout);

    // Packing again changes nothing: the same bytes, and no digest change reported.
    let first = std::fs::read(&zip_path).expect("zip");
    let again = valmis(&["pack", bundle.to_str().expect("utf-8"), "-o", zip_path.to_str().expect("utf-8")]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stdout).contains("already lists every file"), "{}", text(&again.stdout));
    assert_eq!(std::fs::read(&zip_path).expect("zip"), first, "deterministic");

    // A folder without a manifest, or a broken manifest, is a usage error that writes nothing.
    let empty = temp.path().join("tyhjä");
    std::fs::create_dir(&empty).expect("mkdir");
    let refused = valmis(&["pack", empty.to_str().expect("utf-8"), "-o", zip_path.to_str().expect("utf-8")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("there is no manifest.toml"), "{}", text(&refused.stderr));
    std::fs::write(bundle.join("manifest.toml"), "format = \n").expect("write");
    let broken = valmis(&["pack", bundle.to_str().expect("utf-8"), "-o", zip_path.to_str().expect("utf-8")]);
    assert_eq!(broken.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(bundle.join("manifest.toml")).expect("read"), "format = \n");
    assert_eq!(std::fs::read(&zip_path).expect("zip"), first, "the earlier zip stays");
}

#[test]
fn explain_and_help_never_send_a_user_to_a_file_they_do_not_have() {
    // Issue 15 (9): a user of the binary has no SPEC, no README of ours and no repository paths.
    // Every requirement's and pre-test case's explanation (both languages), and every --help,
    // names a docs page, a command or `valmis init`'s example instead.
    let forbidden = ["SPEC", "README", "fixtures/", "testcases/"];
    let table = text(&valmis(&["requirements"]).stdout);
    let mut subjects: Vec<String> = table
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|id| id.contains('-'))
        .map(str::to_owned)
        .collect();
    assert!(subjects.len() > 30, "{subjects:?}");
    subjects.extend(["PA-01", "OT-01", "PRETEST-RESULT: PA-03"].map(str::to_owned));
    for subject in &subjects {
        for lang in ["en", "fi"] {
            let output = valmis(&["explain", subject, "--lang", lang]);
            assert_eq!(output.status.code(), Some(0), "{subject}: {}", text(&output.stderr));
            let shown = text(&output.stdout);
            for word in forbidden {
                assert!(!shown.contains(word), "`valmis explain {subject} --lang {lang}` mentions `{word}`:\n{shown}");
            }
        }
    }
    for command in ["verify", "requirements", "explain", "init", "pack", "probe", "run", "merge"] {
        let help = text(&valmis(&[command, "--help"]).stdout);
        assert!(help.contains("Usage"), "{command}: {help}");
        for word in ["SPEC", "README"] {
            assert!(!help.contains(word), "`valmis {command} --help` mentions `{word}`:\n{help}");
        }
    }
}

#[test]
fn a_warning_shows_in_ci_test_views_without_failing_and_passed_cases_carry_their_title() {
    // Issue 15 (12): GitLab shows nothing of a passed test case and only the text of a failure,
    // error or skip; Jenkins turns a build unstable on any <failure>. A warning outside --strict
    // is therefore a <skipped> whose message starts with `warning` and whose text lists the
    // findings, and every checked case names the requirement's title in <system-out>.
    let run = verify(&fixture("bundle-contacts-national-phone"), &[]);
    assert_eq!(run.code, 0, "a warning does not block: {}", run.stdout);
    let junit = quick_junit::Report::deserialize_from_str(&run.junit).expect("JUnit parses");
    let cases: Vec<&quick_junit::TestCase> =
        junit.test_suites.iter().flat_map(|suite| suite.test_cases.iter()).collect();
    let contacts = cases.iter().find(|case| case.name.as_str() == "BUNDLE-CONTACTS").expect("BUNDLE-CONTACTS");
    match &contacts.status {
        TestCaseStatus::Skipped { message, description, .. } => {
            let message = message.as_ref().map(|m| m.as_str()).unwrap_or_default();
            assert!(message.starts_with("warning (checked; does not block without --strict): "), "{message}");
            let description = description.as_ref().map(|d| d.as_str()).unwrap_or_default();
            assert!(description.contains("warning: ") && description.contains("+358"), "{description}");
        }
        other => panic!("a warning is a <skipped> with its findings, not {other:?}"),
    }
    let passed = cases.iter().find(|case| case.name.as_str() == "BUNDLE-ORG").expect("BUNDLE-ORG");
    assert!(matches!(passed.status, TestCaseStatus::Success { .. }), "{:?}", passed.status);
    let out = passed.system_out.as_ref().map(|out| out.as_str()).unwrap_or_default();
    assert!(out.starts_with("checked: BUNDLE-ORG: "), "a passed case names what it met: {out:?}");
    // Every passed case does, and no failing one is hidden among the skips.
    for case in &cases {
        if matches!(case.status, TestCaseStatus::Success { .. }) {
            assert!(
                case.system_out.as_ref().is_some_and(|out| out.as_str().starts_with("checked: ")),
                "{}",
                case.name.as_str()
            );
        }
    }
    // Under --strict the same warning fails the case and the run.
    let strict = verify(&fixture("bundle-contacts-national-phone"), &["--strict"]);
    assert_eq!(strict.code, 1);
    assert!(failed_names(&strict.junit).contains("BUNDLE-CONTACTS"), "{}", strict.stdout);
}

#[test]
fn the_gitlab_template_passes_patterns_as_written_whatever_files_the_checkout_holds() {
    // Issue 16 (16): `$VALMIS_ARGS` was expanded unquoted with globbing on, so a file named
    // `DOC-x` in the repository turned `--only DOC-*` into `--only DOC-x`. Run the template's
    // script with sh, a fake valmis that prints its arguments, and such a file present.
    let template = std::fs::read_to_string(root().join("ci/valmis.gitlab-ci.yml")).expect("template");
    let script_at = template.find("  script:\n").expect("script:");
    let block = &template[script_at..];
    let block =
        &block[block.find("- |\n").expect("a literal block") + 4..block.find("\n  artifacts:").expect("artifacts:")];
    let script: String = block
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .map(|line| format!("{}\n", line.strip_prefix("      ").unwrap_or(line)))
        .collect();
    let temp = tempfile::tempdir().expect("tempdir");
    let checkout = temp.path().join("checkout");
    std::fs::create_dir_all(&checkout).expect("mkdir");
    std::fs::write(checkout.join("DOC-x"), "").expect("write");
    let bin = temp.path().join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let fake = bin.join("valmis");
    std::fs::write(&fake, "#!/bin/sh\nfor argument in \"$@\"; do echo \"$argument\"; done\n").expect("write");
    #[cfg(unix)]
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(&checkout)
        .env("PATH", path)
        .env("VALMIS_BUNDLE", "hakemus/")
        .env("VALMIS_ARGS", "--strict --only DOC-*")
        .output()
        .expect("sh runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let arguments: Vec<String> = text(&output.stdout).lines().map(str::to_owned).collect();
    assert_eq!(arguments.first().map(String::as_str), Some("verify"), "{arguments:?}");
    assert_eq!(arguments.get(1).map(String::as_str), Some("hakemus/"), "{arguments:?}");
    assert!(arguments.ends_with(&["--strict".to_owned(), "--only".to_owned(), "DOC-*".to_owned()]), "{arguments:?}");
    assert!(arguments.contains(&"--junit".to_owned()), "{arguments:?}");
}

#[test]
fn the_github_action_fails_a_run_that_checked_nothing_whatever_fail_on_not_ready_says() {
    // Before: the verdict step ran only under `fail-on-not-ready: true`, so with `false` a
    // mistyped bundle path (exit 2) or a crash (3) left the job green, as if it had been checked.
    // The step's script runs here with bash, for each exit code and setting; its `if:`, if it
    // has one, is the one condition the old step had.
    let action = std::fs::read_to_string(root().join("action.yml")).expect("action.yml");
    let step = &action[action.find("- name: Verdict").expect("the verdict step")..];
    let condition = step.lines().find_map(|line| line.trim().strip_prefix("if: ")).map(str::to_owned);
    let run = &step[step.find("run: |\n").expect("a run block") + "run: |\n".len()..];
    let script: String = run
        .lines()
        .take_while(|line| line.is_empty() || line.starts_with("        "))
        .map(|line| format!("{}\n", line.strip_prefix("        ").unwrap_or(line)))
        .collect();
    for setting in ["true", "false"] {
        for code in 0..=4 {
            let runs = match condition.as_deref() {
                None => true,
                Some("inputs.fail-on-not-ready == 'true'") => setting == "true",
                Some(other) => panic!("a condition this test does not know: {other}"),
            };
            let failed = runs
                && !std::process::Command::new("bash")
                    .arg("-c")
                    .arg(&script)
                    .env("VALMIS_EXIT", code.to_string())
                    .env("VALMIS_FAIL_ON_NOT_READY", setting)
                    .output()
                    .expect("bash runs")
                    .status
                    .success();
            let expected = code != 0 && !(code == 1 && setting == "false");
            assert_eq!(failed, expected, "exit code {code} with fail-on-not-ready: {setting}");
        }
    }
}

#[test]
fn the_github_action_builds_valmis_outside_the_checked_out_repository() {
    // Issue 16 (15): the build step ran in the checked-out repository, where a pull request's
    // `.cargo/config.toml` (a build.rustc wrapper, a [target] runner) or `rust-toolchain.toml` would
    // run its code. The step works in the action's own folder, with its own CARGO_HOME.
    let action = std::fs::read_to_string(root().join("action.yml")).expect("action.yml");
    let build = &action[action.find("- name: Build valmis").expect("the build step")..];
    let build = &build[..build[1..].find("\n    - name:").map_or(build.len(), |end| end + 1)];
    assert!(build.contains("working-directory: ${{ github.action_path }}"), "{build}");
    assert!(build.contains("CARGO_HOME: ${{ runner.temp }}/"), "{build}");
    assert!(build.contains("--manifest-path \"$GITHUB_ACTION_PATH/Cargo.toml\""), "{build}");
    assert!(!build.contains("GITHUB_WORKSPACE"), "{build}");
}

#[test]
fn an_external_validator_that_writes_much_to_stderr_is_read_not_deadlocked() {
    // Issue 18 (6): stdout was read to its end before stderr, so a validator that wrote more
    // than a pipe holds (64 KB) to stderr blocked for good, and was reported as "did not finish
    // within 60 s". Both pipes are read at once now.
    let catalog = user_catalog(
        r#"
[[requirement]]
id = "OMA-PUHELIAS"
area = "documents"
severity = "error"
title = "A talkative validator"
explanation = "Writes 300 KB to stderr, then fails."
fix = "Nothing to fix."
reference = "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi"
check = "external"
glob = "documents/hoitokertomus-2026-11-12.xml"
command = ["sh", "-c", "head -c 300000 /dev/zero | tr '\\000' x >&2; echo; echo 'rivi 2: virhe' >&2; exit 3"]
"#,
    );
    let started = std::time::Instant::now();
    let run =
        verify(&fixture("ready"), &["--catalog", catalog.path().to_str().expect("utf-8"), "--only", "OMA-PUHELIAS"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(!run.stdout.contains("did not finish"), "{}", run.stdout);
    assert!(run.stdout.contains("sh rejected the document (exit code 3)"), "{}", run.stdout);
    // Far below the 60 s limit (not a timing assertion of speed: a deadlock would take all 60 s).
    assert!(started.elapsed() < std::time::Duration::from_secs(50), "{:?}", started.elapsed());
}

#[test]
fn a_reader_that_goes_away_ends_the_run_with_status_141_and_no_message() {
    // Issue 18 (3): a closed pipe (`valmis requirements | head`) was recognised by matching the
    // text of a panic; it is the write's io::ErrorKind now. The pipe's reading end is closed
    // before valmis starts, so its first line meets it.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let output = support::valmis_command().arg("requirements").stdout(writer).output().expect("runs");
    assert_eq!(output.status.code(), Some(141), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty(), "no message: {}", text(&output.stderr));
}

#[test]
fn a_standard_error_nobody_reads_leaves_the_exit_code_as_it_is() {
    // Before: `valmis verify --partition a/b 2>&1 | head -1` panicked (exit 101) writing the rest
    // of its usage error to a pipe `head` had closed. The message is lost; the exit code stays 2,
    // and a run still ends with its verdict's code.
    for (args, code) in [
        (&["verify", "--partition", "a/b"][..], 2),
        (&["explain", "PA-1"][..], 2),
        (&["verify", fixture("bundle-contacts-national-phone").to_str().expect("utf-8"), "--now", NOW][..], 0),
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = support::valmis_command()
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(writer)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn the_requirements_table_of_the_docs_is_what_valmis_prints() {
    // Issue 18 (2): the list of requirements in the docs is derived, not copied: adding one to
    // the catalog fails this test until `valmis requirements --markdown` is pasted in again.
    let output = valmis(&["requirements", "--markdown"]);
    assert_eq!(output.status.code(), Some(0));
    let printed = text(&output.stdout);
    let docs = std::fs::read_to_string(root().join("docs/requirements.md")).expect("docs/requirements.md");
    let start = "<!-- valmis requirements --markdown: start -->\n";
    let end = "<!-- valmis requirements --markdown: end -->";
    let from = docs.find(start).expect("the start marker") + start.len();
    let to = docs.find(end).expect("the end marker");
    assert_eq!(
        &docs[from..to],
        printed,
        "docs/requirements.md is stale: paste `valmis requirements --markdown` between the markers"
    );
    let count = valmis_model::CatalogSet::embedded().expect("catalog").get("2027-1").expect("round").requirements.len();
    assert!(printed.ends_with(&format!("\n{count} requirements.\n")), "{printed}");
}

/// Issue 21 (5): `valmis --version` names the version, the commit it was built from and the
/// rounds it embeds, so that a CI log says exactly which valmis judged the bundle.
#[test]
fn version_names_the_commit_and_the_rounds() {
    let output = valmis(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    let line = text(&output.stdout);
    let pattern =
        regex::Regex::new(r"^valmis (\d+\.\d+\.\d+) \(([0-9a-f]{7}|unknown)\) rounds ([0-9-]+(, [0-9-]+)*)\n$")
            .expect("regex");
    let parts = pattern.captures(&line).unwrap_or_else(|| panic!("unexpected version line {line:?}"));
    assert_eq!(&parts[1], env!("CARGO_PKG_VERSION"));
    let rounds: Vec<String> = std::fs::read_dir(root().join("testcases"))
        .expect("testcases")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("catalog.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    let mut rounds = rounds;
    rounds.sort();
    assert_eq!(&parts[3], rounds.join(", "));
    // Built from this checkout: the commit is its HEAD (unless the build set VALMIS_COMMIT).
    let head = std::process::Command::new("git").args(["rev-parse", "--short=7", "HEAD"]).current_dir(root()).output();
    if let Ok(head) = head
        && head.status.success()
        && std::env::var_os("VALMIS_COMMIT").is_none()
    {
        assert_eq!(&parts[2], String::from_utf8_lossy(&head.stdout).trim());
    }
}

#[test]
fn a_path_that_is_not_utf8_is_a_path_like_any_other() {
    // Before: a bundle folder named in Latin-1 (`päivä` as Windows and old Linux systems wrote
    // it) made every command an internal error (exit 3): the language was looked for in the
    // arguments as UTF-8 strings before clap read them.
    use std::os::unix::ffi::OsStrExt as _;
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join(std::ffi::OsStr::from_bytes(b"nippu-p\xe4iv\xe4"));
    copy_tree(&fixture("ready"), &bundle);
    let junit = temp.path().join(std::ffi::OsStr::from_bytes(b"tulos-\xe4.xml"));
    let output = support::valmis_command()
        .args([std::ffi::OsStr::new("verify"), bundle.as_os_str(), "--now".as_ref(), NOW.as_ref()])
        .args([std::ffi::OsStr::new("--junit"), junit.as_os_str(), "-q".as_ref()])
        .env("NO_COLOR", "1")
        .output()
        .expect("valmis runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = quick_junit::Report::deserialize_from_str(&std::fs::read_to_string(&junit).expect("JUnit written"))
        .expect("JUnit parses");
    assert_eq!(report.failures, 0);
    // A value that is not UTF-8 where text is wanted is a usage error that says so.
    let output = support::valmis_command()
        .args([std::ffi::OsStr::new("verify"), "--only".as_ref(), std::ffi::OsStr::from_bytes(b"DOC-\xe4")])
        .output()
        .expect("valmis runs");
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("not valid UTF-8"), "{}", text(&output.stderr));
}

#[test]
fn a_step_summary_named_by_summary_md_too_holds_the_summary_once() {
    // Before: `--summary-md "$GITHUB_STEP_SUMMARY"` under GitHub Actions wrote the summary and
    // then appended it again, so the job's summary page showed it twice.
    let temp = tempfile::tempdir().expect("tempdir");
    let step = temp.path().join("step_summary");
    let ready = fixture("ready");
    let run = |summary_md: &Path| {
        std::fs::write(&step, "").expect("the runner's empty file");
        let output = support::valmis_command()
            .args(["verify", ready.to_str().expect("utf-8"), "--now", NOW, "-q", "--summary-md"])
            .arg(summary_md)
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_STEP_SUMMARY", &step)
            .output()
            .expect("valmis runs");
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    };
    let once = |file: &Path| {
        let summary = std::fs::read_to_string(file).expect("summary");
        assert_eq!(summary.matches("## ✅ valmis: ready").count(), 1, "{}: {summary}", file.display());
    };
    for named in [step.clone(), temp.path().join(".").join("step_summary")] {
        run(&named);
        once(&step);
    }
    // Another --summary-md file, and the step summary still gets its own copy.
    let other = temp.path().join("summary.md");
    run(&other);
    once(&step);
    once(&other);
}
