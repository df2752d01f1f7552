//! PRETEST-EVIDENCE: every listed evidence path is in the bundle, and a passed case shows the
//! evidence kinds its declaration asks for (a stored document, a validation service result, a
//! screenshot, a message id).

use std::sync::LazyLock;

use regex::bytes::Regex;
use valmis_bundle::Bundle;
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
    // Lower-cased path to the bundle's spelling, to suggest the right case for a listed path.
    let by_lower_case: std::collections::HashMap<String, &str> =
        bundle.files().map(|entry| (entry.path.to_lowercase(), entry.path.as_str())).collect();
    let document_ids = context.document_ids();
    per_case(context, |view, case, row, findings| {
        let oid = row.value(Field::DocumentOid);
        let ran = matches!(parse_result(row.value(Field::Result)), Some(ResultValue::Pass | ResultValue::Fail));
        let known = document_ids.as_ref().is_none_or(|ids| ids.iter().any(|id| id == oid));
        let mut checked = ran && !oid.is_empty();
        if ran && !oid.is_empty() && Oid::parse(oid).is_ok() && !known {
            findings.push(
                view.at(
                    severity,
                    row,
                    Field::DocumentOid,
                    format!("document_oid `{oid}` is not the id of any document under documents/"),
                )
                .with_help("add the document the case stored to documents/, or correct document_oid to its id/@root"),
            );
        }
        let mut files = Vec::new();
        for listed in split_evidence(row.value(Field::Evidence)) {
            checked = true;
            match resolve(bundle, listed) {
                Listed::File(path) => files.push(path),
                Listed::Folder(inside) => files.extend(inside),
                Listed::Absent(path) => {
                    let near = by_lower_case.get(&path.to_lowercase());
                    let finding =
                        view.at(severity, row, Field::Evidence, format!("evidence `{path}` is not in the bundle"));
                    let split: Vec<&str> = path.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
                    findings.push(match near {
                        Some(actual) => finding
                            .with_help(format!("the bundle has `{actual}`; paths are case-sensitive on Kela's side")),
                        // `a, b`: two paths with the wrong separator.
                        None if split.len() > 1 => finding.with_help(format!(
                            "evidence paths are separated by `;`, not `,`: write `{}`",
                            split.join(";")
                        )),
                        None => finding.with_help("add the file, or correct the path (relative to the bundle root)"),
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
            (false, true) => {
                RowCheck::Nothing(format!("case {} asks for no evidence and the row lists none", case.subject))
            }
            (false, false) => RowCheck::Nothing(format!(
                "case {} did not pass and lists no evidence: evidence is asked of passed runs (see PRETEST-RESULT)",
                case.subject
            )),
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
    match kind {
        EvidenceKind::Document => {
            if !files.iter().any(|file| file.starts_with("documents/")) {
                return Some(
                    view.at(severity, row, Field::Evidence, format!("case {id} needs the document it stored"))
                        .with_help("add the document under documents/ and list its path in `evidence`"),
                );
            }
            let oid = row.value(Field::DocumentOid);
            if oid.is_empty() {
                return Some(
                    view.at(
                        severity,
                        row,
                        Field::DocumentOid,
                        format!("case {id} stored a document but gives no document_oid"),
                    )
                    .with_help("fill in `document_oid` (asiakirjan_oid) with the document's id/@root"),
                );
            }
            Oid::parse(oid).err().map(|error| {
                view.at(severity, row, Field::DocumentOid, format!("document_oid `{oid}` is not an OID: {error}"))
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
                        format!("`{file}` shows DONE_FAILED, but case {id} is reported as passed"),
                    )
                    .with_help(
                        "fix the document until the validation service says DONE_PASSED, then run the case again",
                    ),
                None => view
                    .at(severity, row, Field::Evidence, format!("case {id} needs a validation service result"))
                    .with_help(
                        "save the Kanta validation service result (showing DONE_PASSED) under evidence/ and list it",
                    ),
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
                    format!("`{file}` is named like an image or PDF but is not one; case {id} needs a screenshot"),
                ),
                None => view
                    .at(severity, row, Field::Evidence, format!("case {id} needs a screenshot"))
                    .with_help("save a PNG, JPEG or PDF under evidence/ and list it in `evidence`"),
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
                view.at(severity, row, Field::Evidence, format!("case {id} needs a message id")).with_help(
                    "give the acknowledged message's id (a UUID) in `notes`, or list the saved acknowledgement",
                )
            })
        }
    }
}
