//! Helpers shared by the end-to-end test files (each file uses some of them).
#![allow(dead_code)]

pub(crate) mod e2e;

use std::path::Path;
use std::process::Command;

/// Whether xmllint can run; under CI=true (where .ci/run installs it) its absence is a failure.
pub(crate) fn xmllint_available() -> bool {
    let found = Command::new("xmllint").arg("--version").output().is_ok();
    present_or_skipped(found, "xmllint", "install Debian's libxml2-utils (.ci/run does)")
}

/// `found`, after saying why a test skips when `what` is missing on a laptop; under CI=true,
/// where .ci/run installs it, a missing `what` fails the test instead.
pub(crate) fn present_or_skipped(found: bool, what: &str, how: &str) -> bool {
    if !found {
        assert!(std::env::var_os("CI").is_none_or(|ci| ci != "true"), "{what} is missing under CI=true: {how}");
        eprintln!("skipping the part that needs {what}, which is not installed: {how}");
    }
    found
}

/// Copies the folder `from` to `to` (created), symlinks as the files they point to.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("ls").filter_map(Result::ok) {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The valmis binary with a pinned environment: English (whatever the developer's locale), no
/// colour, the clock and CI variables of the caller not leaking in.
pub(crate) fn valmis_command() -> Command {
    valmis_command_at(Path::new(env!("CARGO_BIN_EXE_valmis")))
}

/// `valmis_command` for a copy of the binary at `program`.
pub(crate) fn valmis_command_at(program: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("VALMIS_LANG")
        .env_remove("VALMIS_NOW")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        // A developer's shell may export its width: output is laid out for a pipe unless a test
        // sets one.
        .env_remove("COLUMNS");
    command
}
