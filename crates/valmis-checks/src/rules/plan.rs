//! PLAN-TEST-PLAN: a customer organisation's test plan (testaussuunnitelma) is in `plan/` as a
//! real document: PDF, DOCX, ODT, ODS or XLSX, recognised by its content, not by its name, and
//! not empty. Office formats are zip containers, recognised by the part only that format has.
//! An office document must hold text in its body (a paragraph, a cell): a blank document saved
//! from a template has a title, styles and a header, and no plan. A PDF's text is not read.

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
        Some("application/vnd.oasis.opendocument.spreadsheet") => Kind::Document("ODS"),
        Some(_) => Kind::Other("other-office"),
        None => Kind::Other("zip"),
    }
}

/// Whether a document of `kind` holds text a person wrote: a paragraph of its body (DOCX, ODT),
/// a cell (ODS, XLSX). `None` for a PDF, whose text is not read (it may be scanned pages).
fn has_text(kind: &str, bytes: &[u8]) -> Result<Option<bool>, valmis_i18n::Msg> {
    match kind {
        "PDF" => Ok(None),
        "XLSX" => valmis_pretest::xlsx_cells(bytes)
            .map(|cells| Some(cells.iter().any(|cell| !cell.value.trim().is_empty())))
            .map_err(|error| error.message),
        _ => crate::inputs::office::body_has_text(bytes).map(Some),
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
                    Kind::Document(kind) => Verdict::Checked(match has_text(kind, &bytes) {
                        Ok(Some(false)) => vec![
                            Finding::said(severity, said!(lang, "plan-blank", path = path, kind = kind))
                                .at(Location::file(path))
                                .with_help(t!(lang, "plan-blank-help")),
                        ],
                        Ok(_) => Vec::new(),
                        Err(error) => vec![
                            Finding::said(
                                severity,
                                said!(lang, "plan-unreadable", path = path, kind = kind, error = error),
                            )
                            .at(Location::file(path))
                            .with_help(t!(lang, "plan-not-document-help")),
                        ],
                    }),
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

    use super::{Kind, has_text, recognise};

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
        assert_eq!(recognise(&ods), Kind::Document("ODS"));
        let odp = container(&[("mimetype", "application/vnd.oasis.opendocument.presentation")]);
        assert_eq!(recognise(&odp), Kind::Other("other-office"));
        assert_eq!(recognise(&container(&[("a.txt", "a")])), Kind::Other("zip"));
        assert_eq!(recognise(b"Testaussuunnitelma\n"), Kind::Other("text"));
        assert_eq!(recognise(b" \n"), Kind::Empty);
        assert_eq!(recognise(b"PK\x03\x04garbage"), Kind::Other("damaged-zip"));
    }

    /// A workbook made by a real writer (rust_xlsxwriter, as Excel lays it out): one with a
    /// formatted but empty sheet is blank, one with a text cell is not.
    #[test]
    fn a_workbook_has_text_when_a_cell_holds_some() {
        let workbook = |text: Option<&str>| {
            let mut workbook = rust_xlsxwriter::Workbook::new();
            let sheet = workbook.add_worksheet();
            sheet.set_column_width(0, 40).expect("width");
            if let Some(text) = text {
                sheet.write_string(3, 1, text).expect("cell");
            }
            workbook.save_to_buffer().expect("written")
        };
        let blank = workbook(None);
        assert_eq!(recognise(&blank), Kind::Document("XLSX"));
        assert_eq!(has_text("XLSX", &blank), Ok(Some(false)));
        assert_eq!(has_text("XLSX", &workbook(Some(" "))), Ok(Some(false)));
        assert_eq!(has_text("XLSX", &workbook(Some("Testitapaukset ja aikataulu"))), Ok(Some(true)));
        assert!(has_text("XLSX", b"PK\x03\x04rikki").is_err());
        assert_eq!(has_text("PDF", b"%PDF-1.4\n"), Ok(None), "a PDF's text is not read");
    }
}
