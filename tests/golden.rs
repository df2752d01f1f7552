//! The report bytes of every fixture, pinned (issue 18): the restructuring into a rule registry
//! must not change one byte of the JUnit, JSON or SARIF that any fixture gives. Each entry of
//! `fixtures/bundles/EXPECTED.toml` (bundle and arguments) is verified from the repository root
//! at the fixtures' instant, and the SHA-256 of each report is compared with
//! `fixtures/golden/reports.sha256`.
//!
//! A change of output that is meant (a new finding, a reworded message) is accepted with
//! `VALMIS_BLESS=1 cargo test --test golden`, which rewrites the digest file: the diff of that
//! file in review says which fixtures' reports changed. On a mismatch the reports are kept under
//! `target/golden/` to compare.
//!
//! Issue 19 adds requirements for every kind of submission. Its rule for today's registration
//! fixtures: their JUnit stays byte-identical but for the added requirements' own test cases. A
//! second digest, of the JUnit without those test cases and without the counts they change, is
//! pinned in `fixtures/golden/registration-junit.sha256` from the build before them; it is not
//! re-blessed with the others (`VALMIS_BLESS_REGISTRATION=1` rewrites it, for a change meant to
//! alter an existing registration test case).

mod support;

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The requirements of issue 19 (kinds of submission): a registration's JUnit gains their test
/// cases, and nothing else.
const ADDED_FOR_KINDS: &[&str] = &[
    "SUBMISSION-KIND",
    "ACCESS-CONNECTION",
    "ACCESS-ENVIRONMENT",
    "PLAN-TEST-PLAN",
    "CHANGE-VERSIONS",
    "CHANGE-SCHEDULE",
    "CHANGE-SCOPE",
];

/// The JUnit without the test cases of `ADDED_FOR_KINDS` and with the counts blanked.
fn without_added_cases(junit: &str) -> String {
    let ids = ADDED_FOR_KINDS.join("|");
    let case =
        regex::Regex::new(&format!(r#"(?s)\n *<testcase name="(?:{ids})(?::[^"]*)?" [^>]*?(?:/>|>.*?</testcase>)"#))
            .expect("regex");
    let counts = regex::Regex::new(r#" (tests|failures|errors|skipped)="[0-9]+""#).expect("regex");
    counts.replace_all(&case.replace_all(junit, ""), " $1=\"-\"").into_owned()
}

fn sha256(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// `digest sink bundle args…` lines for one EXPECTED.toml entry, or none for a usage error.
fn digests(bundle: &str, args: &[String], out: &Path) -> Vec<String> {
    let reports = out.join(bundle.replace('.', "_")).join(args.join("_").replace(['/', '*', ' ', '.'], "_"));
    std::fs::create_dir_all(&reports).expect("mkdir");
    let files = [("junit", "junit.xml"), ("json", "report.json"), ("sarif", "report.sarif")];
    let output = support::valmis_command()
        .current_dir(root())
        .arg("verify")
        .arg(format!("fixtures/bundles/{bundle}"))
        .args(["--now", "2026-11-20T12:00:00Z", "--quiet"])
        .args(files.iter().flat_map(|(flag, name)| [format!("--{flag}"), reports.join(name).display().to_string()]))
        .args(args)
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("CI_PROJECT_DIR")
        .output()
        .expect("valmis runs");
    if output.status.code() == Some(2) {
        return Vec::new();
    }
    let junit = std::fs::read_to_string(reports.join("junit.xml")).unwrap_or_default();
    let registration = format!(
        "{} junit-without-added {bundle}{}",
        sha256(without_added_cases(&junit).as_bytes()),
        args.iter().map(|arg| format!(" {arg}")).collect::<String>()
    );
    files
        .iter()
        .map(|(sink, name)| {
            let bytes = std::fs::read(reports.join(name)).unwrap_or_else(|_| panic!("{bundle} {args:?}: no {name}"));
            format!(
                "{} {sink} {bundle}{}",
                sha256(&bytes),
                args.iter().map(|arg| format!(" {arg}")).collect::<String>()
            )
        })
        .chain([registration])
        .collect()
}

#[test]
fn every_fixtures_reports_are_the_pinned_bytes() {
    if !support::xmllint_available() {
        // External-validator fixtures run xmllint; without it their reports differ.
        return;
    }
    let expected: toml::Table = std::fs::read_to_string(root().join("fixtures/bundles/EXPECTED.toml"))
        .expect("EXPECTED.toml")
        .parse()
        .expect("toml");
    let entries: Vec<(String, Vec<String>)> = expected["fixture"]
        .as_array()
        .expect("fixtures")
        .iter()
        .map(|entry| {
            let bundle = entry["bundle"].as_str().expect("bundle").to_owned();
            let args = entry["args"].as_array().expect("args").iter().filter_map(|arg| arg.as_str().map(str::to_owned));
            (bundle, args.collect())
        })
        .collect();
    let out = root().join("target/golden");
    let _ = std::fs::remove_dir_all(&out);
    // Two at a time: the machine has two cores.
    let half = entries.len().div_ceil(2);
    let mut lines: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = entries
            .chunks(half.max(1))
            .map(|chunk| {
                let out = &out;
                scope.spawn(move || {
                    chunk.iter().flat_map(|(bundle, args)| digests(bundle, args, out)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().expect("worker")).collect()
    });
    lines.sort_by(|a, b| a[65..].cmp(&b[65..]));
    let (registration, lines): (Vec<String>, Vec<String>) =
        lines.into_iter().partition(|line| line[65..].starts_with("junit-without-added "));
    check_registration_junit(&registration);
    let actual = format!(
        "# SHA-256 of the JUnit, JSON and SARIF reports of every EXPECTED.toml entry (tests/golden.rs).\n\
         # Accept a meant change with VALMIS_BLESS=1 cargo test --test golden.\n{}\n",
        lines.join("\n")
    );
    let pinned_path = root().join("fixtures/golden/reports.sha256");
    if std::env::var_os("VALMIS_BLESS").is_some() {
        std::fs::create_dir_all(pinned_path.parent().expect("folder")).expect("mkdir");
        std::fs::write(&pinned_path, &actual).expect("write");
        return;
    }
    let pinned = std::fs::read_to_string(&pinned_path).expect("fixtures/golden/reports.sha256");
    let changed: Vec<&str> = actual.lines().filter(|line| !pinned.lines().any(|pin| pin == *line)).collect();
    let gone: Vec<&str> = pinned.lines().filter(|pin| !actual.lines().any(|line| line == *pin)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "{} report(s) changed (now / pinned below); the reports are under target/golden/. \
         If the change is meant: VALMIS_BLESS=1 cargo test --test golden\nnow:\n{}\npinned:\n{}",
        changed.len(),
        changed.join("\n"),
        gone.join("\n")
    );
}

/// Today's registration fixtures give the JUnit they gave before issue 19's requirements, but for
/// those requirements' own test cases (a fixture added since is checked from when it came).
fn check_registration_junit(lines: &[String]) {
    let pinned_path = root().join("fixtures/golden/registration-junit.sha256");
    let actual = format!(
        "# SHA-256 of each fixture's JUnit without the test cases of issue 19's requirements (tests/golden.rs).\n{}\n",
        lines.join("\n")
    );
    if std::env::var_os("VALMIS_BLESS_REGISTRATION").is_some() {
        std::fs::write(&pinned_path, &actual).expect("write");
        return;
    }
    let pinned = std::fs::read_to_string(&pinned_path).expect("fixtures/golden/registration-junit.sha256");
    let changed: Vec<&String> = lines
        .iter()
        .filter(|line| {
            let name = &line[65..];
            // A fixture pinned before: its digest must be the same. A new one has no pin yet.
            pinned.lines().any(|pin| pin.get(65..) == Some(name)) && !pinned.lines().any(|pin| pin == line.as_str())
        })
        .collect();
    assert!(
        changed.is_empty(),
        "a registration fixture's JUnit changed beyond the test cases of {ADDED_FOR_KINDS:?}:\n{}",
        changed.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n")
    );
}
