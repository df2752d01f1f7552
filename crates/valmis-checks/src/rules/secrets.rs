//! BUNDLE-SECRETS: private key material anywhere, the files inside a zip too. Findings never
//! quote the key: they name the file, the line, and the kind of block.

use rustls_pki_types::PrivateKeyDer;
use valmis_i18n::said;
use valmis_model::{Finding, Location, Requirement};

use super::kit::Collected;
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::archive;
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
    if extension == "zip" {
        scan_archive(lang, path, bytes, requirement, found);
        return;
    }
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

/// BUNDLE-SECRETS of the files inside the zip `path` and the zips inside it, by the same signs
/// as in the bundle; each finding stands on the zip and names the file inside. A zip that cannot
/// be read to its end (an entry with a password, a bomb) is not scanned, and said so.
fn scan_archive(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement, found: &mut Collected) {
    let wanted = |name: &str| !KEY_STORE_EXTENSIONS.contains(&extension(name).as_str());
    let read = archive::for_each_file(bytes, wanted, |entry| {
        let mut said = Vec::new();
        match entry.bytes {
            None if KEY_STORE_EXTENSIONS.contains(&extension(entry.path).as_str()) => {
                let extension = extension(entry.path);
                said.push(said!(
                    lang,
                    "secrets-key-store-in-archive",
                    entry = entry.path,
                    extension = extension.as_str()
                ));
            }
            None => {}
            Some(bytes) => {
                let blocks = private_key_begin_lines(bytes);
                let source = SourceFile::new(entry.path, bytes);
                for (offset, label) in &blocks {
                    let line = source.locate_without_snippet(*offset).line.unwrap_or(1);
                    said.push(said!(
                        lang,
                        "secrets-pem-block-in-archive",
                        entry = entry.path,
                        label = label,
                        line = line
                    ));
                }
                if blocks.is_empty() && may_be_der(bytes) && PrivateKeyDer::try_from(bytes).is_ok() {
                    said.push(said!(lang, "secrets-der-key-in-archive", entry = entry.path));
                }
            }
        }
        found.findings.extend(
            said.into_iter().map(|message| Finding::said(requirement.severity, message).at(Location::file(path))),
        );
    });
    if let Err(error) = read {
        found.unreadable.push(valmis_i18n::t!(lang, "secrets-archive-unreadable", path = path, error = &error));
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
