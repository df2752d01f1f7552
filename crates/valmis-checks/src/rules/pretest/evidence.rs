//! PRETEST-EVIDENCE: every listed evidence path is in the bundle, and a passed case shows the
//! evidence kinds its declaration asks for (a stored document, a validation service result, a
//! screenshot, a message id).

use std::sync::LazyLock;

use regex::bytes::Regex;
use valmis_bundle::Bundle;
use valmis_i18n::{said, t};
use valmis_ids::Oid;
use valmis_model::{EvidenceKind, Finding, Requirement, Severity};
use valmis_pretest::{Field, ResultValue, Row, parse_result, split_evidence};

use super::kit::{RowCheck, per_case};
use crate::context::{Context, SubjectResult};
use crate::inputs::names::extension;
use crate::inputs::pretest::{CaseRows, View};

/// Largest evidence file searched for a validation outcome or a message id.
const MAX_SEARCHED: u64 = 8 * 1024 * 1024;

static UUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
        .expect("a valid pattern")
});

/// A listed evidence path as the bundle names files: `/`-separated, without `./`.
fn normalise(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_owned()
}

/// What a listed path points at.
enum Listed {
    File(String),
    Folder(Vec<String>),
    Absent(String),
}

fn resolve(bundle: &Bundle, listed: &str) -> Listed {
    let path = normalise(listed);
    if bundle.entry(&path).is_some() {
        return Listed::File(path);
    }
    let inside: Vec<String> = bundle.files_under(&path).map(|entry| entry.path.clone()).collect();
    if inside.is_empty() { Listed::Absent(path) } else { Listed::Folder(inside) }
}

fn read_small(bundle: &Bundle, path: &str) -> Option<Vec<u8>> {
    let entry = bundle.entry(path)?;
    if entry.size > MAX_SEARCHED {
        return None;
    }
    bundle.read(path).ok()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

fn is_image_or_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(b"\xFF\xD8\xFF") || bytes.starts_with(b"%PDF-")
}

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let bundle = context.bundle;
    // Lower-cased path to the bundle's spelling, to suggest the right case for a listed path;
    // made when a listed path is first found absent (over 40,000 files it takes megabytes).
    let by_lower_case: std::cell::OnceCell<std::collections::HashMap<String, &str>> = std::cell::OnceCell::new();
    let lang = context.lang.as_str();
    per_case(context, |view, case, row, findings| {
        let oid = row.value(Field::DocumentOid);
        let ran = matches!(parse_result(row.value(Field::Result)), Some(ResultValue::Pass | ResultValue::Fail));
        let known = context.has_document_id(oid).is_none_or(|known| known);
        let mut checked = ran && !oid.is_empty();
        if ran && !oid.is_empty() && Oid::parse(oid).is_ok() && !known {
            findings.push(
                view.at(severity, row, Field::DocumentOid, said!(lang, "evidence-oid-unknown", oid = oid))
                    .with_help(t!(lang, "evidence-oid-unknown-help")),
            );
        }
        let mut files = Vec::new();
        for listed in split_evidence(row.value(Field::Evidence)) {
            checked = true;
            match resolve(bundle, listed) {
                Listed::File(path) => files.push(path),
                Listed::Folder(inside) => files.extend(inside),
                Listed::Absent(path) => {
                    let near = by_lower_case
                        .get_or_init(|| {
                            bundle.files().map(|entry| (entry.path.to_lowercase(), entry.path.as_str())).collect()
                        })
                        .get(&path.to_lowercase());
                    let finding =
                        view.at(severity, row, Field::Evidence, said!(lang, "evidence-absent", path = path.as_str()));
                    let split: Vec<&str> = path.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
                    findings.push(match near {
                        Some(actual) => finding.with_help(t!(lang, "evidence-absent-case-help", actual = *actual)),
                        // `a, b`: two paths with the wrong separator.
                        None if split.len() > 1 => {
                            finding.with_help(t!(lang, "evidence-absent-comma-help", paths = split.join(";")))
                        }
                        None => finding.with_help(t!(lang, "evidence-absent-help")),
                    });
                }
            }
        }
        let passed = parse_result(row.value(Field::Result)) == Some(ResultValue::Pass);
        if passed && let Some(declared) = case.declared {
            for kind in &declared.evidence {
                checked = true;
                if let Some(finding) = missing_kind(view, bundle, case, row, &files, *kind, severity) {
                    findings.push(finding);
                }
            }
        }
        match (checked, passed) {
            (true, _) => RowCheck::Checked,
            (false, true) => RowCheck::Nothing(t!(lang, "evidence-none-asked-skip", case = &case.subject)),
            (false, false) => RowCheck::Nothing(t!(lang, "evidence-not-passed-skip", case = &case.subject)),
        }
    })
}

/// A finding when a passed row does not show `kind`.
fn missing_kind(
    view: &View<'_>,
    bundle: &Bundle,
    case: &CaseRows<'_>,
    row: &Row,
    files: &[String],
    kind: EvidenceKind,
    severity: Severity,
) -> Option<Finding> {
    let id = &case.subject;
    let lang = view.lang;
    match kind {
        EvidenceKind::Document => {
            if !files.iter().any(|file| file.starts_with("documents/")) {
                return Some(
                    view.at(severity, row, Field::Evidence, said!(lang, "evidence-document", case = id))
                        .with_help(t!(lang, "evidence-document-help")),
                );
            }
            let oid = row.value(Field::DocumentOid);
            if oid.is_empty() {
                return Some(
                    view.at(severity, row, Field::DocumentOid, said!(lang, "evidence-no-oid", case = id))
                        .with_help(t!(lang, "evidence-no-oid-help")),
                );
            }
            Oid::parse(oid).err().map(|error| {
                view.at(
                    severity,
                    row,
                    Field::DocumentOid,
                    said!(lang, "evidence-oid-invalid", oid = oid, error = error.message()),
                )
            })
        }
        EvidenceKind::ValidationResult => {
            let mut failed = None;
            for file in files.iter().filter(|file| !file.starts_with("documents/")) {
                let Some(bytes) = read_small(bundle, file) else { continue };
                if contains(&bytes, b"DONE_PASSED") {
                    return None;
                }
                if failed.is_none() && contains(&bytes, b"DONE_FAILED") {
                    failed = Some(file.clone());
                }
            }
            Some(match failed {
                Some(file) => view
                    .at(
                        severity,
                        row,
                        Field::Evidence,
                        said!(lang, "evidence-validation-failed", file = file.as_str(), case = id),
                    )
                    .with_help(t!(lang, "evidence-validation-failed-help")),
                None => view
                    .at(severity, row, Field::Evidence, said!(lang, "evidence-validation", case = id))
                    .with_help(t!(lang, "evidence-validation-help")),
            })
        }
        EvidenceKind::Screenshot => {
            let mut mislabelled = None;
            for file in files {
                let Some(bytes) = read_small(bundle, file) else { continue };
                if is_image_or_pdf(&bytes) {
                    return None;
                }
                let extension = extension(file);
                if mislabelled.is_none() && ["png", "jpg", "jpeg", "pdf"].contains(&extension.as_str()) {
                    mislabelled = Some(file.clone());
                }
            }
            Some(match mislabelled {
                Some(file) => view.at(
                    severity,
                    row,
                    Field::Evidence,
                    said!(lang, "evidence-screenshot-mislabelled", file = file.as_str(), case = id),
                ),
                None => view
                    .at(severity, row, Field::Evidence, said!(lang, "evidence-screenshot", case = id))
                    .with_help(t!(lang, "evidence-screenshot-help")),
            })
        }
        EvidenceKind::MessageId => {
            if UUID.is_match(row.value(Field::Notes).as_bytes()) {
                return None;
            }
            let found = files
                .iter()
                .filter_map(|file| read_small(bundle, file))
                .any(|bytes| !is_image_or_pdf(&bytes) && UUID.is_match(&bytes));
            (!found).then(|| {
                view.at(severity, row, Field::Evidence, said!(lang, "evidence-message-id", case = id))
                    .with_help(t!(lang, "evidence-message-id-help"))
            })
        }
    }
}
