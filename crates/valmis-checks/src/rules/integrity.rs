//! BUNDLE-INTEGRITY: every `[files]` entry exists with the pinned SHA-256 (error); every other
//! file is listed (warning). Without a `[files]` table nothing is pinned and the requirement
//! does not apply.

use toml::de::DeValue;
use valmis_bundle::sha256_hex;
use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement, Severity};

use super::kit::{Evaluation, MANIFEST, without_manifest};
use crate::context::{Context, SubjectResult, Verdict};

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let lang = context.lang.as_str();
    let Some(files) = manifest.value(&["files"]) else {
        return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Skipped(t!(lang, "integrity-no-files-skip")))];
    };
    let DeValue::Table(files) = files.get_ref() else {
        return vec![SubjectResult::bundle_wide(
            Some(MANIFEST),
            Verdict::Skipped(t!(lang, "manifest-wrong-type-skip", keys = "files")),
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
            evaluation.fail(Some(value.span()), said!(lang, "integrity-digest-form", path = path), None);
            continue;
        };
        if context.bundle.entry(path).is_none() {
            evaluation.fail(Some(key.span()), said!(lang, "integrity-missing", path = path), None);
            continue;
        }
        match context.bundle.read(path) {
            Err(error) => evaluation.fail(
                Some(key.span()),
                said!(lang, "integrity-unreadable", path = path, error = error.message()),
                None,
            ),
            Ok(bytes) => {
                let actual = sha256_hex(&bytes);
                if !actual.eq_ignore_ascii_case(expected) {
                    evaluation.fail(
                        Some(value.span()),
                        said!(
                            lang,
                            "integrity-changed",
                            path = path,
                            actual = &actual[..12],
                            expected = &expected[..12]
                        ),
                        Some(t!(lang, "integrity-changed-help", path = path, actual = actual.as_str())),
                    );
                }
            }
        }
    }
    for entry in context.bundle.files() {
        if entry.path != MANIFEST && !listed.contains(&entry.path) {
            evaluation.push(
                Finding::said(Severity::Warning, said!(lang, "integrity-unlisted", path = entry.path.as_str()))
                    .at(Location::file(entry.path.clone())),
            );
        }
    }
    evaluation.finish()
}
