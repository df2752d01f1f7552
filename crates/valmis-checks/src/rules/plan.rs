//! PLAN-TEST-PLAN: a customer organisation's test plan (testaussuunnitelma) is in `plan/` as a
//! real document: PDF, DOCX, ODT or XLSX, recognised by its content, not by its name, and not
//! empty. Office formats are zip containers, recognised by the part only that format has.

use std::io::{Cursor, Read as _};

use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};

/// Largest part of an office container read to recognise it.
const MAX_PART: u64 = 64 * 1024;

/// What a file's content is.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Document(&'static str),
    Empty,
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
        return if std::str::from_utf8(bytes).is_ok() { Kind::Other("plain text") } else { Kind::Other("binary data") };
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Kind::Other("a damaged zip file");
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
        Some(_) => Kind::Other("an office file of another kind"),
        None => Kind::Other("a zip file"),
    }
}

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let files: Vec<&str> = context.bundle.files_under("plan").map(|entry| entry.path.as_str()).collect();
    if files.is_empty() {
        let finding = Finding::new(severity, "plan/ holds no test plan")
            .at(Location::file("plan/"))
            .with_help("put the test plan (testaussuunnitelma) in plan/ as a PDF, DOCX, ODT or XLSX document");
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
                        Finding::new(severity, format!("`{path}` is empty")).at(Location::file(path)),
                    ]),
                    Kind::Other(what) => Verdict::Checked(vec![
                        Finding::new(
                            severity,
                            format!("`{path}` is {what}, not a PDF, DOCX, ODT or XLSX document"),
                        )
                        .at(Location::file(path))
                        .with_help("save the test plan from your word processor or spreadsheet as PDF, DOCX, ODT or XLSX; a file's name does not make it one"),
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
        assert_eq!(recognise(&ods), Kind::Other("an office file of another kind"));
        assert_eq!(recognise(&container(&[("a.txt", "a")])), Kind::Other("a zip file"));
        assert_eq!(recognise(b"Testaussuunnitelma\n"), Kind::Other("plain text"));
        assert_eq!(recognise(b" \n"), Kind::Empty);
        assert_eq!(recognise(b"PK\x03\x04garbage"), Kind::Other("a damaged zip file"));
    }
}
