//! BUNDLE-INTEGRITY: every `[files]` entry exists with the pinned SHA-256 (error); every other
//! file is listed (warning). Without a `[files]` table nothing is pinned and the requirement
//! does not apply.

use toml::de::DeValue;
use valmis_bundle::sha256_hex;
use valmis_model::{Finding, Location, Requirement, Severity};

use super::kit::{Evaluation, MANIFEST, without_manifest};
use crate::context::{Context, SubjectResult, Verdict};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let Some(files) = manifest.value(&["files"]) else {
        return vec![SubjectResult::bundle_wide(
            Some(MANIFEST),
            Verdict::Skipped("manifest has no [files] table, so no file contents are pinned".to_owned()),
        )];
    };
    let DeValue::Table(files) = files.get_ref() else {
        return vec![SubjectResult::bundle_wide(
            Some(MANIFEST),
            Verdict::Skipped("not evaluated: `files` has the wrong type (see BUNDLE-MANIFEST)".to_owned()),
        )];
    };
    let mut evaluation = Evaluation::new(context, requirement);
    let mut listed = std::collections::BTreeSet::new();
    for (key, value) in files.iter() {
        let path = key.get_ref().as_ref();
        listed.insert(path.to_owned());
        let DeValue::String(pinned) = value.get_ref() else { continue };
        let Some(expected) =
            pinned.strip_prefix("sha256:").filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        else {
            evaluation.fail(
                Some(value.span()),
                format!("digest of `{path}` must be \"sha256:\" and 64 hex digits"),
                None,
            );
            continue;
        };
        if context.bundle.entry(path).is_none() {
            evaluation.fail(Some(key.span()), format!("`{path}` is listed in [files] but is not in the bundle"), None);
            continue;
        }
        match context.bundle.read(path) {
            Err(error) => {
                evaluation.fail(Some(key.span()), format!("`{path}` cannot be read to check its digest: {error}"), None)
            }
            Ok(bytes) => {
                let actual = sha256_hex(&bytes);
                if !actual.eq_ignore_ascii_case(expected) {
                    evaluation.fail(
                        Some(value.span()),
                        format!(
                            "SHA-256 of `{path}` is {}…, [files] says {}…: the file changed after it was pinned",
                            &actual[..12],
                            &expected[..12]
                        ),
                        Some(format!("if the change is intended, pin it again: \"{path}\" = \"sha256:{actual}\"")),
                    );
                }
            }
        }
    }
    for entry in context.bundle.files() {
        if entry.path != MANIFEST && !listed.contains(&entry.path) {
            evaluation.push(
                Finding::new(Severity::Warning, format!("`{}` is in the bundle but not listed in [files]", entry.path))
                    .at(Location::file(entry.path.clone())),
            );
        }
    }
    evaluation.finish()
}
