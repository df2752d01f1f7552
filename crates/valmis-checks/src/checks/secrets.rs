//! BUNDLE-SECRETS: private key material anywhere. Findings never quote the key: they name the
//! file, the line, and the kind of block.

use rustls_pki_types::PrivateKeyDer;
use valmis_model::{Finding, Location, Requirement};

use crate::source::SourceFile;
use crate::{Context, SubjectResult, Verdict};

/// Extensions of key stores; their content is never inspected.
const KEY_STORE_EXTENSIONS: &[&str] = &["p12", "pfx", "key", "jks", "keystore", "ppk", "p8", "pk8"];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let mut findings = Vec::new();
    let mut unreadable = Vec::new();
    for entry in context.bundle.files() {
        let path = entry.path.as_str();
        let extension = super::extension(path);
        if KEY_STORE_EXTENSIONS.contains(&extension.as_str()) {
            findings.push(
                Finding::new(
                    requirement.severity,
                    format!("`{path}` is a private key or key store file (.{extension})"),
                )
                .at(Location::file(path)),
            );
            continue;
        }
        let bytes = match context.bundle.read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                unreadable.push(error.to_string());
                continue;
            }
        };
        let source = SourceFile::new(path, &bytes);
        let mut found_pem = false;
        for (offset, label) in pem_private_key_blocks(&bytes) {
            found_pem = true;
            findings.push(
                Finding::new(requirement.severity, format!("`{path}` contains a PEM `{label}` block"))
                    .at(source.locate_without_snippet(offset)),
            );
        }
        if !found_pem && may_be_der(&bytes) && PrivateKeyDer::try_from(bytes.as_slice()).is_ok() {
            findings.push(
                Finding::new(requirement.severity, format!("`{path}` is a DER-encoded private key"))
                    .at(Location::file(path)),
            );
        }
    }
    let verdict = if findings.is_empty() && !unreadable.is_empty() {
        Verdict::Error(format!("could not read every file: {}", unreadable.join("; ")))
    } else {
        for reason in unreadable {
            findings.push(Finding::new(requirement.severity, format!("not scanned: {reason}")));
        }
        Verdict::Checked(findings)
    };
    vec![SubjectResult::bundle_wide(Some(""), verdict)]
}

/// Offsets and labels of `-----BEGIN ... PRIVATE KEY...-----` lines.
fn pem_private_key_blocks(bytes: &[u8]) -> Vec<(usize, String)> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(position) = find(&bytes[at..], BEGIN) {
        let start = at + position;
        let label_start = start + BEGIN.len();
        let label_end = bytes[label_start..].iter().take(64).position(|&b| b == b'-').map(|end| label_start + end);
        if let Some(label_end) = label_end {
            let label = String::from_utf8_lossy(&bytes[label_start..label_end]).into_owned();
            if label.contains("PRIVATE KEY") {
                found.push((start, label));
            }
        }
        at = label_start;
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// DER starts with a SEQUENCE tag, and binary DER is never valid UTF-8 text.
fn may_be_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && std::str::from_utf8(bytes).is_err()
}
