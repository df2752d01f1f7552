//! PLAN-TEST-PLAN: a customer organisation's test plan (testaussuunnitelma) is in `plan/` as a
//! real document: PDF, DOCX, ODT or XLSX, recognised by its content, not by its name, and not
//! empty. Office formats are zip containers, recognised by the part only that format has.

use std::io::{Cursor, Read as _};

use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};

/// Largest part of an office container read to recognise it.
const MAX_PART: u64 = 64 * 1024;

/// What a file's content is.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Document(&'static str),
    Empty,
    /// Something else: the key its message selects on (`text`, `binary`, `damaged-zip`, ...).
    Other(&'static str),
}

/// Recognises a document by its bytes.
fn recognise(bytes: &[u8]) -> Kind {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Kind::Empty;
    }
    if bytes.starts_with(b"%PDF-") {
        return Kind::Document("PDF");
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return if std::str::from_utf8(bytes).is_ok() { Kind::Other("text") } else { Kind::Other("binary") };
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Kind::Other("damaged-zip");
    };
    if archive.index_for_name("word/document.xml").is_some() {
        return Kind::Document("DOCX");
    }
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return Kind::Document("XLSX");
    }
    // OpenDocument: a `mimetype` part naming the format, stored first.
    let mimetype = archive.by_name("mimetype").ok().and_then(|part| {
        let mut text = String::new();
        part.take(MAX_PART).read_to_string(&mut text).ok().map(|_| text)
    });
    match mimetype.as_deref().map(str::trim) {
        Some("application/vnd.oasis.opendocument.text") => Kind::Document("ODT"),
        Some(_) => Kind::Other("other-office"),
        None => Kind::Other("zip"),
    }
}

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let files: Vec<&str> = context.bundle.files_under("plan").map(|entry| entry.path.as_str()).collect();
    if files.is_empty() {
        let finding = Finding::said(severity, said!(lang, "plan-none"))
            .at(Location::file("plan/"))
            .with_help(t!(lang, "plan-none-help"));
        return vec![SubjectResult::bundle_wide(Some("plan/"), Verdict::Checked(vec![finding]))];
    }
    files
        .into_iter()
        .map(|path| {
            let verdict = match context.bundle.read(path) {
                Err(error) => Verdict::Error(error.to_string()),
                Ok(bytes) => match recognise(&bytes) {
                    Kind::Document(_) => Verdict::Checked(Vec::new()),
                    Kind::Empty => Verdict::Checked(vec![
                        Finding::said(severity, said!(lang, "plan-empty", path = path)).at(Location::file(path)),
                    ]),
                    Kind::Other(what) => Verdict::Checked(vec![
                        Finding::said(severity, said!(lang, "plan-not-document", path = path, what = what))
                            .at(Location::file(path))
                            .with_help(t!(lang, "plan-not-document-help")),
                    ]),
                },
            };
            SubjectResult::about(path, Some(path), None, verdict)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::{Kind, recognise};

    fn container(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            writer.start_file(*name, zip::write::SimpleFileOptions::default()).expect("part");
            writer.write_all(text.as_bytes()).expect("write");
        }
        writer.finish().expect("finish").into_inner()
    }

    #[test]
    fn documents_are_recognised_by_content() {
        assert_eq!(recognise(b"%PDF-1.7\n..."), Kind::Document("PDF"));
        assert_eq!(recognise(&container(&[("word/document.xml", "<w:document/>")])), Kind::Document("DOCX"));
        assert_eq!(recognise(&container(&[("xl/workbook.xml", "<workbook/>")])), Kind::Document("XLSX"));
        let odt = container(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")]);
        assert_eq!(recognise(&odt), Kind::Document("ODT"));
        let ods = container(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
        assert_eq!(recognise(&ods), Kind::Other("other-office"));
        assert_eq!(recognise(&container(&[("a.txt", "a")])), Kind::Other("zip"));
        assert_eq!(recognise(b"Testaussuunnitelma\n"), Kind::Other("text"));
        assert_eq!(recognise(b" \n"), Kind::Empty);
        assert_eq!(recognise(b"PK\x03\x04garbage"), Kind::Other("damaged-zip"));
    }
}
