//! BUNDLE-SECRETS: private key material anywhere, the files inside a zip and the text of office
//! documents too (a key pasted into the connection description in Word). Findings never quote
//! the key: they name the file, the line or block, and the kind of block.

use rustls_pki_types::PrivateKeyDer;
use valmis_i18n::said;
use valmis_model::{Finding, Location, Requirement};

use super::kit::Collected;
use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::archive;
use crate::inputs::file::LazyBytes;
use crate::inputs::names::extension;
use crate::inputs::office::{self, Reading, WORKBOOK_EXTENSIONS};
use crate::inputs::source::{SourceFile, decode_utf16, private_key_begin_lines};

/// Extensions of key stores; their content is never inspected. PKCS #12 (`p12`, `pfx`,
/// `pkcs12`), PKCS #8 (`p8`, `pk8`), Java's (`jks`, `keystore`, `jceks`), BouncyCastle's (`bks`,
/// Android's; `bcfks`, its FIPS one), PuTTY's `ppk`, Microsoft's `pvk`, and `key`.
const KEY_STORE_EXTENSIONS: &[&str] =
    &["p12", "pfx", "pkcs12", "key", "jks", "keystore", "jceks", "bks", "bcfks", "ppk", "pvk", "p8", "pk8"];

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
    // An office document's text is read for a pasted key; one that cannot be read as a package
    // (another file renamed, a truncated one) is scanned as bytes below, as before, and
    // PRIVACY-HETU fails it as not scanned.
    if let Some(blocks) = office_text(&extension, bytes) {
        found.findings.extend(
            blocks.into_iter().map(|block| {
                Finding::said(requirement.severity, block.said(lang, path, false)).at(Location::file(path))
            }),
        );
        return;
    }
    // A key saved as UTF-16 (Windows PowerShell's `>` writes it so) is read as its text.
    let decoded = decode_utf16(bytes);
    let bytes = decoded.as_ref().map_or(bytes.as_slice(), |text| text.as_bytes());
    let blocks = private_key_begin_lines(bytes);
    if !blocks.is_empty() {
        let source = SourceFile::new(path, bytes);
        for (offset, label) in blocks {
            found.findings.push(
                Finding::said(requirement.severity, said!(lang, "secrets-pem-block", path = path, label = label))
                    .at(source.locate_without_snippet(offset)),
            );
        }
    } else if may_be_der(bytes) && PrivateKeyDer::try_from(bytes).is_ok() {
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
            // An office document that cannot be read as a package is scanned as bytes.
            Some(bytes) => match office_text(&extension(entry.path), bytes) {
                Some(blocks) => said.extend(blocks.into_iter().map(|block| block.said(lang, entry.path, true))),
                None => said.extend(in_archived_bytes(lang, entry.path, bytes)),
            },
        }
        found.findings.extend(
            said.into_iter().map(|message| Finding::said(requirement.severity, message).at(Location::file(path))),
        );
    });
    if let Err(error) = read {
        found.unreadable.push(valmis_i18n::t!(lang, "secrets-archive-unreadable", path = path, error = &error));
    }
}

/// What the bytes of `entry`, a file inside an archive, show: PEM private key blocks (with their
/// line) or a DER key.
fn in_archived_bytes(lang: &str, entry: &str, bytes: &[u8]) -> Vec<valmis_i18n::Said> {
    let mut said = Vec::new();
    let decoded = decode_utf16(bytes);
    let bytes = decoded.as_ref().map_or(bytes, |text| text.as_bytes());
    let blocks = private_key_begin_lines(bytes);
    let source = SourceFile::new(entry, bytes);
    for (offset, label) in &blocks {
        let line = source.locate_without_snippet(*offset).line.unwrap_or(1);
        said.push(said!(lang, "secrets-pem-block-in-archive", entry = entry, label = label, line = line));
    }
    if blocks.is_empty() && may_be_der(bytes) && PrivateKeyDer::try_from(bytes).is_ok() {
        said.push(said!(lang, "secrets-der-key-in-archive", entry = entry));
    }
    said
}

/// The PEM private key blocks in the text of an office document or workbook (a zip of XML parts
/// by its extension), or `None` for another file and for one that cannot be read as a package.
fn office_text(extension: &str, bytes: &[u8]) -> Option<Vec<PemInText>> {
    office::is_package(extension).then(|| pem_blocks_in_office(extension, bytes).ok()).flatten()
}

/// A PEM private key block's first line in an office document's text.
#[derive(Debug, PartialEq, Eq)]
struct PemInText {
    label: String,
    place: TextPlace,
}

impl PemInText {
    /// What is said of it in `file`, a file of the bundle or, `in_archive`, one inside a zip.
    fn said(self, lang: &str, file: &str, in_archive: bool) -> valmis_i18n::Said {
        let label = self.label;
        match (self.place, in_archive) {
            (TextPlace::Cell(cell), false) => {
                said!(lang, "secrets-pem-block-in-cell", path = file, label = label, cell = cell)
            }
            (TextPlace::Cell(cell), true) => {
                said!(lang, "secrets-pem-block-in-archive-cell", entry = file, label = label, cell = cell)
            }
            (TextPlace::Block { part, number }, false) => {
                said!(lang, "secrets-pem-block-in-document", path = file, label = label, part = part, block = number)
            }
            (TextPlace::Block { part, number }, true) => said!(
                lang,
                "secrets-pem-block-in-archive-document",
                entry = file,
                label = label,
                part = part,
                block = number
            ),
        }
    }
}

/// Where in an office document a text is.
#[derive(Debug, PartialEq, Eq)]
enum TextPlace {
    /// A workbook's cell, `Sheet!A2`.
    Cell(String),
    /// A block of text of an XML part (`word/document.xml`), counting from 1 in the part.
    Block { part: String, number: u32 },
}

/// The PEM private key blocks in the text of an office document or workbook (by `extension`):
/// every part is read, a workbook's cells as cells. Word splits a line into runs wherever
/// spell-checking marks fall (`-----BEGIN` `PRIVATE KEY-----`), which the blocks join again.
fn pem_blocks_in_office(extension: &str, bytes: &[u8]) -> Result<Vec<PemInText>, valmis_i18n::Msg> {
    let mut found = Vec::new();
    let workbook = WORKBOOK_EXTENSIONS.contains(&extension);
    if workbook {
        for cell in valmis_pretest::xlsx_cells(bytes).map_err(|error| error.message)? {
            let name = format!("{}!{}", cell.sheet, valmis_pretest::cell_name(cell.column, cell.row));
            found.extend(
                private_key_begin_labels(&cell.value)
                    .into_iter()
                    .map(|label| PemInText { label, place: TextPlace::Cell(name.clone()) }),
            );
        }
    }
    // A workbook's sheets and shared strings are its cells, read above.
    let reading = |part: &str| if workbook { office::workbook_reading(part) } else { Reading::Whole };
    office::for_each_block_reading(bytes, reading, |block, text| {
        for label in private_key_begin_labels(text) {
            let place = TextPlace::Block { part: block.part.to_owned(), number: block.number };
            found.push(PemInText { label, place });
        }
    })?;
    Ok(found)
}

/// Dashes as a word processor's typography writes hyphens: `-----` typed or converted with
/// smart punctuation becomes `—–` (pandoc) or `–––` (Word's AutoFormat).
fn is_dash(character: char) -> bool {
    matches!(character, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}')
}

/// The labels of the `-----BEGIN … PRIVATE KEY-----` lines of a text whose hyphens may have
/// become dashes: the key under such a line is as readable as under the plain one.
fn private_key_begin_labels(text: &str) -> Vec<String> {
    const BEGIN: &str = "BEGIN ";
    let mut found = Vec::new();
    for (start, _) in text.match_indices(BEGIN) {
        if !text[..start].chars().next_back().is_some_and(is_dash) {
            continue;
        }
        let after = &text[start + BEGIN.len()..];
        let label: String = after.chars().take(64).take_while(|character| !is_dash(*character)).collect();
        let closed = after[label.len()..].chars().next().is_some_and(is_dash);
        if closed && label.contains("PRIVATE KEY") {
            found.push(label);
        }
    }
    found
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

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGWqo7qKhP0LstYq4M9zlg4GPb89\n-----END EC PRIVATE KEY-----";

    #[test]
    fn a_begin_line_is_found_whatever_typography_made_of_its_hyphens() {
        let cases: [(&str, &[&str]); 8] = [
            (KEY, &["EC PRIVATE KEY"]),
            // pandoc's smart punctuation, Word's AutoFormat, a minus sign.
            ("\u{2014}\u{2013}BEGIN EC PRIVATE KEY\u{2014}\u{2013}", &["EC PRIVATE KEY"]),
            ("\u{2013}\u{2013}\u{2013}BEGIN PRIVATE KEY\u{2013}\u{2013}\u{2013}", &["PRIVATE KEY"]),
            ("\u{2212}\u{2212}\u{2212}\u{2212}\u{2212}BEGIN RSA PRIVATE KEY-----", &["RSA PRIVATE KEY"]),
            // A certificate is no secret; prose that names a key is no key.
            ("-----BEGIN CERTIFICATE-----", &[]),
            ("Avain alkaa rivillä BEGIN PRIVATE KEY, joka ei kuulu liitteisiin.", &[]),
            ("-----BEGIN PRIVATE KEY ilman loppua", &[]),
            (
                "-----BEGIN ENCRYPTED PRIVATE KEY----- ja -----BEGIN PRIVATE KEY-----",
                &["ENCRYPTED PRIVATE KEY", "PRIVATE KEY"],
            ),
        ];
        for (text, labels) in cases {
            assert_eq!(private_key_begin_labels(text), labels, "{text}");
        }
        // Plain hyphens are found as the text files' scan finds them.
        let plain: Vec<String> = private_key_begin_lines(KEY.as_bytes()).into_iter().map(|(_, label)| label).collect();
        assert_eq!(private_key_begin_labels(KEY), plain);
    }

    /// A key saved as UTF-16 (little-endian by Windows PowerShell's `>`, big-endian by some
    /// Java tools) is found with its line, inside a zip as outside it; without its byte order
    /// mark the bytes are no text valmis reads.
    #[test]
    fn a_key_saved_as_utf16_is_found_with_its_line() {
        let text = format!("palvelu=asiakastesti\r\n{}\r\n", KEY.replace('\n', "\r\n"));
        let little: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let big: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [&little, &big] {
            let said = in_archived_bytes("en", "yhteys.txt", bytes);
            let texts: Vec<&str> = said.iter().map(|said| said.text.as_str()).collect();
            assert_eq!(texts, ["`yhteys.txt` inside the archive contains a PEM `EC PRIVATE KEY` block, line 2"]);
        }
        assert!(in_archived_bytes("en", "yhteys.txt", &little[2..]).is_empty(), "no BOM, no text");
    }

    /// A key pasted into a workbook's cell, written by rust_xlsxwriter (a real producer of XLSX),
    /// is found and named by its cell; a workbook without one is read and clean.
    #[test]
    fn a_key_in_a_workbooks_cell_is_found() {
        let workbook = |cell: &str| {
            let mut workbook = rust_xlsxwriter::Workbook::new();
            let sheet = workbook.add_worksheet();
            sheet.write_string(0, 0, "Asiakasvarmenteen avain").expect("cell");
            sheet.write_string(1, 0, cell).expect("cell");
            workbook.save_to_buffer().expect("workbook")
        };
        let found = pem_blocks_in_office("xlsx", &workbook(KEY)).expect("readable");
        let cell = TextPlace::Cell("Sheet1!A2".to_owned());
        assert_eq!(found, [PemInText { label: "EC PRIVATE KEY".to_owned(), place: cell }]);
        assert_eq!(pem_blocks_in_office("xlsx", &workbook("toimitetaan erikseen")).expect("readable"), []);
        assert!(pem_blocks_in_office("xlsx", b"PK\x03\x04 ei zip").is_err(), "an unreadable workbook is an error");
        assert!(pem_blocks_in_office("docx", b"PK\x03\x04 ei zip").is_err(), "an unreadable document is an error");
        // A key saved as text and named .docx is no package: its bytes are scanned as they
        // are (`None` here), and a workbook named .txt is no office document.
        assert_eq!(office_text("docx", KEY.as_bytes()), None);
        assert_eq!(office_text("txt", &workbook(KEY)), None);
        assert_eq!(office_text("xlsm", &workbook(KEY)).map(|found| found.len()), Some(1));
    }
}
