//! BUNDLE-SECRETS: private key material anywhere. Findings never quote the key: they name the
//! file, the line, and the kind of block.

use rustls_pki_types::PrivateKeyDer;
use valmis_model::{Finding, Location, Requirement};

use crate::source::SourceFile;
use crate::{SubjectResult, Verdict};

/// Extensions of key stores; their content is never inspected.
const KEY_STORE_EXTENSIONS: &[&str] = &["p12", "pfx", "key", "jks", "keystore", "ppk", "p8", "pk8"];

/// What BUNDLE-SECRETS found in the files scanned so far.
#[derive(Debug, Default)]
pub(crate) struct Found {
    findings: Vec<Finding>,
    unreadable: Vec<String>,
}

/// BUNDLE-SECRETS of one file: a key store by its name, PEM private key blocks, DER keys.
pub(crate) fn scan_file(file: &super::pass::LazyBytes<'_>, requirement: &Requirement, found: &mut Found) {
    let path = file.path;
    let extension = super::extension(path);
    if KEY_STORE_EXTENSIONS.contains(&extension.as_str()) {
        found.findings.push(
            Finding::new(requirement.severity, format!("`{path}` is a private key or key store file (.{extension})"))
                .at(Location::file(path)),
        );
        return;
    }
    let bytes = match file.get() {
        Ok(bytes) => bytes,
        Err(error) => {
            found.unreadable.push(error.to_string());
            return;
        }
    };
    let blocks = crate::source::private_key_begin_lines(bytes);
    if !blocks.is_empty() {
        let source = SourceFile::new(path, bytes);
        for (offset, label) in blocks {
            found.findings.push(
                Finding::new(requirement.severity, format!("`{path}` contains a PEM `{label}` block"))
                    .at(source.locate_without_snippet(offset)),
            );
        }
    } else if may_be_der(bytes) && PrivateKeyDer::try_from(bytes.as_slice()).is_ok() {
        found.findings.push(
            Finding::new(requirement.severity, format!("`{path}` is a DER-encoded private key"))
                .at(Location::file(path)),
        );
    }
}

/// BUNDLE-SECRETS' one bundle-wide outcome from what every file showed.
pub(crate) fn finish(found: Found, requirement: &Requirement) -> SubjectResult {
    let Found { mut findings, unreadable } = found;
    let verdict = if findings.is_empty() && !unreadable.is_empty() {
        Verdict::Error(format!("could not read every file: {}", unreadable.join("; ")))
    } else {
        for reason in unreadable {
            findings.push(Finding::new(requirement.severity, format!("not scanned: {reason}")));
        }
        Verdict::Checked(findings)
    };
    SubjectResult::bundle_wide(Some(""), verdict)
}

impl Found {
    /// Adds what another part of the bundle showed, keeping file order.
    pub(crate) fn extend(&mut self, other: Self) {
        self.findings.extend(other.findings);
        self.unreadable.extend(other.unreadable);
    }
}

/// DER starts with a SEQUENCE tag, and binary DER is never valid UTF-8 text.
fn may_be_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && std::str::from_utf8(bytes).is_err()
}
