//! BUNDLE-SECRETS: private key material anywhere. Findings never quote the key: they name the
//! file, the line, and the kind of block.

use rustls_pki_types::PrivateKeyDer;
use valmis_i18n::said;
use valmis_model::{Finding, Location, Requirement};

use super::kit::Collected;
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::file::LazyBytes;
use crate::inputs::names::extension;
use crate::inputs::source::{SourceFile, private_key_begin_lines};

/// Extensions of key stores; their content is never inspected.
const KEY_STORE_EXTENSIONS: &[&str] = &["p12", "pfx", "key", "jks", "keystore", "ppk", "p8", "pk8"];

/// BUNDLE-SECRETS of one file: a key store by its name, PEM private key blocks, DER keys.
pub(crate) fn scan(context: &Context<'_>, file: &LazyBytes<'_>, requirement: &Requirement, found: &mut Collected) {
    let lang = context.lang.as_str();
    let path = file.path;
    let extension = extension(path);
    if KEY_STORE_EXTENSIONS.contains(&extension.as_str()) {
        found.findings.push(
            Finding::said(
                requirement.severity,
                said!(lang, "secrets-key-store", path = path, extension = extension.as_str()),
            )
            .at(Location::file(path)),
        );
        return;
    }
    let bytes = match file.get() {
        Ok(bytes) => bytes,
        Err(error) => {
            found.unreadable.push(error.message().render(lang));
            return;
        }
    };
    let blocks = private_key_begin_lines(bytes);
    if !blocks.is_empty() {
        let source = SourceFile::new(path, bytes);
        for (offset, label) in blocks {
            found.findings.push(
                Finding::said(requirement.severity, said!(lang, "secrets-pem-block", path = path, label = label))
                    .at(source.locate_without_snippet(offset)),
            );
        }
    } else if may_be_der(bytes) && PrivateKeyDer::try_from(bytes.as_slice()).is_ok() {
        found.findings.push(
            Finding::said(requirement.severity, said!(lang, "secrets-der-key", path = path)).at(Location::file(path)),
        );
    }
}

/// BUNDLE-SECRETS' one bundle-wide outcome from what every file showed.
pub(crate) fn finish(context: &Context<'_>, found: Collected, requirement: &Requirement) -> SubjectResult {
    let lang = context.lang.as_str();
    let Collected { mut findings, unreadable } = found;
    let verdict = if findings.is_empty() && !unreadable.is_empty() {
        Verdict::Error(valmis_i18n::t!(lang, "secrets-unreadable", reasons = unreadable.join("; ")))
    } else {
        for reason in unreadable {
            findings.push(Finding::said(requirement.severity, said!(lang, "secrets-not-scanned", reason = reason)));
        }
        Verdict::Checked(findings)
    };
    SubjectResult::bundle_wide(Some(""), verdict)
}

/// DER starts with a SEQUENCE tag, and binary DER is never valid UTF-8 text.
fn may_be_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && std::str::from_utf8(bytes).is_err()
}
