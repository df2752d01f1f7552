//! Records the commit valmis is built from, for `valmis --version`: `VALMIS_COMMIT` when the
//! build sets it (the release workflow does, from `GITHUB_SHA`), else `git rev-parse` of the
//! checkout, else `unknown` (a source archive without git).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-env-changed=VALMIS_COMMIT");
    let commit = match std::env::var("VALMIS_COMMIT") {
        Ok(commit) if !commit.trim().is_empty() => commit.trim().chars().take(7).collect(),
        _ => {
            // Rebuild when HEAD moves: HEAD itself, the branch it names, and packed refs.
            if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]) {
                println!("cargo:rerun-if-changed={dir}/HEAD");
                println!("cargo:rerun-if-changed={dir}/packed-refs");
                if let Some(reference) = git(&["symbolic-ref", "-q", "HEAD"]) {
                    println!("cargo:rerun-if-changed={dir}/{reference}");
                }
            }
            git(&["rev-parse", "--short=7", "HEAD"]).unwrap_or_else(|| "unknown".to_owned())
        }
    };
    println!("cargo:rustc-env=VALMIS_COMMIT={commit}");
}
