//! `cargo xtask`: project chores beyond plain cargo. Runs from the workspace root whatever the
//! current directory.
//!
//! - `cargo xtask verify [BUNDLE] [-- ARGS]`: build and run `valmis verify` (default: the ready
//!   fixture at the fixtures' pinned instant), writing `target/valmis/junit.xml` and
//!   `target/valmis/report.json`.
//! - `cargo xtask fixtures [--check]`: refresh the ready bundle's `[files]` digests and regenerate
//!   the failing fixtures and zip fixtures from it; `--check` fails if the committed ones are stale.
//! - `cargo xtask bench [--scale [--sizes S,M,L,XL] | --pretest | --hostile]`: release build,
//!   synthetic bundles under `target/bench/`; the S/M/L/XL bundles (100 to 40,000 documents) next
//!   to the cat, xmllint and rg floors with the ratios, memory per document and the targets, then
//!   the 5,000-row pre-test report workloads (see BENCHMARKS.md).
//! - `cargo xtask fuzz [--seconds N] [--seed S] [--debug] [TARGET ...]`: mutation fuzzing of every
//!   parser's entry point on stable Rust (crates/valmis-fuzz); crashing inputs are saved under
//!   fixtures/fuzz-regressions/ and replayed by the tests.
//! - `cargo xtask ci`: what `.ci/run` runs after installing tools.

mod bench;
mod doc_fixtures;
mod fixtures;
mod hostile_bench;
mod kind_fixtures;
mod pki_fixtures;
mod pretest_fixtures;
mod spell;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

/// The instant fixtures are judged at (see fixtures/bundles/EXPECTED.toml).
pub(crate) const FIXTURE_NOW: &str = "2026-11-23T12:00:00Z";

fn main() -> anyhow::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("__measure") {
        // The benchmark's measuring helper: it keeps the caller's working directory.
        return bench::measure_child(&std::env::args().skip(2).collect::<Vec<_>>());
    }
    let root = workspace_root();
    std::env::set_current_dir(&root).with_context(|| format!("failed to enter {}", root.display()))?;
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match task.as_str() {
        "verify" => verify(&rest),
        "fixtures" => fixtures::run(&root, rest.iter().any(|arg| arg == "--check")),
        "ci" => ci(),
        "bench" => {
            // `--sizes S,M` picks rows of the scale table (all four by default).
            let mut sizes: Option<Vec<String>> = None;
            let mut flags = Vec::new();
            let mut iter = rest.iter();
            while let Some(arg) = iter.next() {
                if let Some(list) = arg.strip_prefix("--sizes=") {
                    sizes = Some(list.split(',').map(str::to_owned).collect());
                } else if arg == "--sizes" {
                    let list = iter.next().context("--sizes needs a list, e.g. --sizes L,XL")?;
                    sizes = Some(list.split(',').map(str::to_owned).collect());
                } else {
                    flags.push(arg.as_str());
                }
            }
            let scale = flags.contains(&"--scale") || sizes.is_some();
            let pretest = flags.contains(&"--pretest");
            if let Some(unknown) = flags.iter().find(|arg| !["--scale", "--pretest", "--hostile"].contains(arg)) {
                bail!(
                    "unknown bench option `{unknown}` (--scale: the S/M/L/XL table only; --sizes L,XL: those rows of it; --pretest: the 5,000-row report workloads only; --hostile: the hostile inputs only)"
                );
            }
            if flags.contains(&"--hostile") {
                return hostile_bench::run(&root);
            }
            if scale || !pretest {
                bench::scale(&root, sizes.as_deref())?;
            }
            if pretest || !scale { bench::run(&root) } else { Ok(()) }
        }
        "fuzz" => fuzz(&rest),
        "spell" => spell::run(&root),
        _ => {
            eprintln!(
                "usage: cargo xtask <verify [BUNDLE] [-- ARGS] | fixtures [--check] | bench [--scale [--sizes S,M,L,XL] | --pretest | --hostile] | fuzz [--seconds N] [--debug] [TARGET ...] | spell | ci>"
            );
            if task.is_empty() || task == "help" || task == "--help" { Ok(()) } else { bail!("unknown task `{task}`") }
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

fn run(command: &mut Command) -> anyhow::Result<i32> {
    eprintln!("$ {}", format!("{command:?}").replace('"', ""));
    let status = command.status().with_context(|| format!("failed to start {command:?}"))?;
    Ok(status.code().unwrap_or(1))
}

fn run_ok(command: &mut Command) -> anyhow::Result<()> {
    match run(command)? {
        0 => Ok(()),
        code => bail!("command failed with exit code {code}"),
    }
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds `package` and returns the path of its binary `name` as cargo reports it, so that
/// `CARGO_TARGET_DIR` and `build.target-dir` are honoured (a hard-coded `target/debug/...`
/// failed under them).
pub(crate) fn build_binary(package: &str, name: &str, release: bool) -> anyhow::Result<PathBuf> {
    let mut command = cargo();
    command.args(["build", "--quiet", "--message-format=json-render-diagnostics", "--package", package]);
    if release {
        command.arg("--release");
    }
    let output = command.stderr(std::process::Stdio::inherit()).output()?;
    if !output.status.success() {
        bail!("cargo build --package {package} failed");
    }
    if let Some(path) = executable_from_messages(&String::from_utf8_lossy(&output.stdout), name) {
        return Ok(path);
    }
    bail!("cargo did not report the `{name}` binary of {package}")
}

/// The path of binary `name` from cargo's `--message-format=json` output: wherever
/// `CARGO_TARGET_DIR` or `build.target-dir` puts it.
fn executable_from_messages(stdout: &str, name: &str) -> Option<PathBuf> {
    stdout.lines().filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok()).find_map(|message| {
        let artifact = message["reason"] == "compiler-artifact"
            && message["target"]["name"] == name
            && message["target"]["kind"].as_array().is_some_and(|kinds| kinds.iter().any(|kind| kind == "bin"));
        artifact.then(|| message["executable"].as_str().map(PathBuf::from)).flatten()
    })
}

fn verify(args: &[String]) -> anyhow::Result<()> {
    let (bundle, extra) = match args.split_first() {
        Some((first, rest)) if first != "--" => {
            (Some(first.clone()), rest.iter().skip_while(|a| *a == "--").cloned().collect::<Vec<_>>())
        }
        _ => (None, args.iter().skip_while(|a| *a == "--").cloned().collect()),
    };
    let mut command = Command::new(build_binary("valmis", "valmis", false)?);
    command.arg("verify");
    match &bundle {
        Some(bundle) => {
            command.arg(bundle);
        }
        None => {
            // The ready fixture is judged at a pinned instant so that its dates stay valid.
            command.arg("fixtures/bundles/ready");
            if std::env::var_os("VALMIS_NOW").is_none() {
                command.args(["--now", FIXTURE_NOW]);
            }
        }
    }
    command.args(["--junit", "target/valmis/junit.xml", "--json", "target/valmis/report.json"]).args(extra);
    let code = run(&mut command)?;
    eprintln!("JUnit: target/valmis/junit.xml, JSON: target/valmis/report.json");
    std::process::exit(code);
}

fn fuzz(args: &[String]) -> anyhow::Result<()> {
    let debug = args.iter().any(|arg| arg == "--debug");
    let binary = build_binary("valmis-fuzz", "valmis-fuzz", !debug)?;
    let passed: Vec<&String> = args.iter().filter(|arg| *arg != "--debug").collect();
    run_ok(Command::new(binary).args(passed))
}

fn ci() -> anyhow::Result<()> {
    run_ok(cargo().args(["fmt", "--all", "--check"]))?;
    run_ok(cargo().args(["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"]))?;
    run_ok(cargo().args(["test", "--workspace", "--locked"]))?;
    fixtures::run(&workspace_root(), true)?;
    run_ok(cargo().args(["xtask", "verify"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_fixtures_are_what_cargo_xtask_fixtures_writes() {
        // `cargo xtask fixtures --check` under `cargo test` too: a fixture edited by hand, or a
        // generator changed without regenerating, fails here and not only in .ci/run.
        fixtures::run(&workspace_root(), true).expect("fixtures are fresh: run `cargo xtask fixtures` and commit");
    }

    #[test]
    fn the_binary_is_where_cargo_says_not_under_target() {
        // Issue 15 (8): with CARGO_TARGET_DIR set, `target/debug/valmis` does not exist; cargo's
        // messages (here as cargo 1.9x writes them) name the real path, quotes and all.
        let messages = concat!(
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/crates/valmis-model#0.1.0","target":{"kind":["lib"],"name":"valmis_model"},"executable":null,"fresh":true}"#,
            "\n",
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/crates/valmis#0.1.0","target":{"kind":["bin"],"crate_types":["bin"],"name":"valmis","src_path":"/w/crates/valmis/src/main.rs"},"profile":{"opt_level":"0"},"filenames":["/srv/cache/my \"target\"/debug/valmis"],"executable":"/srv/cache/my \"target\"/debug/valmis","fresh":false}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
        );
        assert_eq!(
            executable_from_messages(messages, "valmis"),
            Some(PathBuf::from(r#"/srv/cache/my "target"/debug/valmis"#))
        );
        assert_eq!(executable_from_messages(messages, "valmis_model"), None, "a library is no binary");
        assert_eq!(executable_from_messages("not json\n", "valmis"), None);
    }
}
