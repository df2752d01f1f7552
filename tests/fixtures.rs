//! One test per entry of `fixtures/bundles/EXPECTED.toml` (libtest-mimic), so that a failing
//! fixture never hides the ones after it, and `cargo test --test fixtures NAME` runs one: the
//! binary on the bundle with the entry's arguments gives the exit code, exactly the failing
//! requirement ids, the failed test case named after the subject, the message and the closing
//! line that the entry says. One more test: every implemented requirement has a failing fixture.

mod support;

use std::collections::BTreeSet;

use support::e2e::{NOW, blocking_requirements, every_offline_requirement, failed_names, fixture, verify};

/// One EXPECTED.toml entry.
#[derive(Debug, Clone)]
struct Entry {
    bundle: String,
    args: Vec<String>,
    exit: i64,
    failing: Vec<String>,
    subject: String,
    message: String,
}

fn entries() -> Vec<Entry> {
    let expected: toml::Table =
        std::fs::read_to_string(fixture("EXPECTED.toml")).expect("EXPECTED.toml").parse().expect("toml");
    assert_eq!(expected["now"].as_str(), Some(NOW));
    let strings = |value: &toml::Value| -> Vec<String> {
        value.as_array().expect("an array").iter().filter_map(|item| item.as_str().map(str::to_owned)).collect()
    };
    expected["fixture"]
        .as_array()
        .expect("fixtures")
        .iter()
        .map(|entry| Entry {
            bundle: entry["bundle"].as_str().expect("bundle").to_owned(),
            args: strings(&entry["args"]),
            exit: entry["exit"].as_integer().expect("exit"),
            failing: strings(&entry["failing"]),
            subject: entry["subject"].as_str().expect("subject").to_owned(),
            message: entry["message"].as_str().expect("message").to_owned(),
        })
        .collect()
}

fn check(entry: &Entry) {
    let bundle = &entry.bundle;
    let args: Vec<&str> = entry.args.iter().map(String::as_str).collect();
    let run = verify(&fixture(bundle), &args);
    assert_eq!(i64::from(run.code), entry.exit, "{bundle} {args:?}:\n{}", run.stdout);
    if run.code == 2 {
        // A usage error: one cause on stderr, no report written.
        assert!(run.stderr.contains(&entry.message), "{bundle}: `{}` not in stderr:\n{}", entry.message, run.stderr);
        assert!(run.junit.is_empty() && run.stdout.is_empty(), "{bundle}: nothing written");
        return;
    }
    let failing: BTreeSet<String> = entry.failing.iter().cloned().collect();
    assert_eq!(blocking_requirements(&run.junit), failing, "{bundle} {args:?}:\n{}", run.stdout);
    // The subject belongs to the first requirement listed in EXPECTED.toml: a QA engineer finds
    // `PRETEST-RESULT: PA-02` in JUnit.
    if let Some(first) = entry.failing.first() {
        let name = if entry.subject.is_empty() { first.clone() } else { format!("{first}: {}", entry.subject) };
        assert!(failed_names(&run.junit).contains(&name), "{bundle}: no failed test case `{name}`:\n{}", run.junit);
    }
    assert!(run.stdout.contains(&entry.message), "{bundle}: `{}` not in output:\n{}", entry.message, run.stdout);
    assert!(
        run.stdout.lines().last().is_some_and(|line| line.contains(" passed, ") && line.contains(" failed, ")),
        "{bundle}: closing line"
    );
}

fn main() {
    let arguments = libtest_mimic::Arguments::from_args();
    let entries = entries();
    assert!(entries.len() >= 20, "one fixture per failure mode");
    let covered: BTreeSet<String> = entries.iter().flat_map(|entry| entry.failing.iter().cloned()).collect();
    let mut trials: Vec<libtest_mimic::Trial> = entries
        .into_iter()
        .map(|entry| {
            let name =
                std::iter::once(entry.bundle.clone()).chain(entry.args.iter().cloned()).collect::<Vec<_>>().join(" ");
            libtest_mimic::Trial::test(name, move || {
                check(&entry);
                Ok(())
            })
        })
        .collect();
    trials.push(libtest_mimic::Trial::test("every implemented requirement has a failing fixture", move || {
        let missing: Vec<String> = every_offline_requirement().into_iter().filter(|id| !covered.contains(id)).collect();
        if missing.is_empty() { Ok(()) } else { Err(format!("no failing fixture for {missing:?}").into()) }
    }));
    libtest_mimic::run(&arguments, trials).exit();
}
