//! PRIVACY-HETU: every text artefact may contain test identity codes only (individual number
//! 900–999). One outcome per text file; codes are always shown masked.

use valmis_ids::scan_hetus;
use valmis_model::{Finding, Requirement};

use crate::source::SourceFile;
use crate::{Context, SubjectResult, Verdict};

/// Extensions read as text whatever their content looks like.
const TEXT_EXTENSIONS: &[&str] = &[
    "xml",
    "json",
    "csv",
    "tsv",
    "toml",
    "txt",
    "md",
    "html",
    "htm",
    "yaml",
    "yml",
    "cda",
    "hl7",
    "log",
    "ini",
    "properties",
    "conf",
    "cfg",
    "pem",
    "crt",
    "cer",
    "svg",
    "ndjson",
];
/// Extensions of binary formats; spreadsheet cells are scanned by the pre-test checks.
const BINARY_EXTENSIONS: &[&str] = &[
    "pdf", "xlsx", "xls", "docx", "doc", "odt", "ods", "zip", "png", "jpg", "jpeg", "gif", "der", "p12", "pfx", "ico",
];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let mut results = Vec::new();
    for entry in context.bundle.files() {
        let path = entry.path.as_str();
        let extension = super::extension(path);
        if BINARY_EXTENSIONS.contains(&extension.as_str()) {
            continue;
        }
        let verdict = match context.bundle.read(path) {
            Err(error) => Verdict::Error(error.to_string()),
            Ok(bytes) => {
                if !TEXT_EXTENSIONS.contains(&extension.as_str()) && looks_binary(&bytes) {
                    continue;
                }
                let source = SourceFile::new(path, &bytes);
                let findings = scan_hetus(&bytes)
                    .into_iter()
                    .filter(|found| !found.hetu.is_test_identity())
                    .map(|found| {
                        Finding::new(
                            requirement.severity,
                            format!(
                                "personal identity code `{}` is not a test identity (individual number not in 900–999)",
                                found.hetu.masked()
                            ),
                        )
                        .at(source.locate(found.offset..found.offset + 11))
                    })
                    .collect();
                Verdict::Checked(findings)
            }
        };
        results.push(SubjectResult { subject: Some(path.to_owned()), file: Some(path.to_owned()), verdict });
    }
    if results.is_empty() {
        results.push(SubjectResult::bundle_wide(
            None,
            Verdict::Skipped("the bundle has no text artefacts to scan".to_owned()),
        ));
    }
    results
}

/// A NUL byte in the first 8 KiB marks a binary file, as git and grep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&byte| byte == 0)
}
