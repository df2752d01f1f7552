//! PRIVACY-HETU: every text artefact, every spreadsheet cell, the text of every office
//! document (Word, PowerPoint, OpenDocument) and every such file inside a zip may contain test
//! identity codes only (individual number 900–999). One outcome per file; codes are always
//! shown masked.

use valmis_i18n::{said, t};
use valmis_ids::scan_hetus;
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::archive;
use crate::inputs::file::LazyBytes;
use crate::inputs::names::extension;
use crate::inputs::office::{self, Block, DOCUMENT_EXTENSIONS, Kind, Reading, WORKBOOK_EXTENSIONS};
use crate::inputs::source::{SourceFile, decode_utf16};

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
/// Extensions of binary formats that are not scanned (the workbooks of [`WORKBOOK_EXTENSIONS`]
/// are, cell by cell, the office documents of [`DOCUMENT_EXTENSIONS`] block by block, and the
/// files inside a zip as they would be outside it).
const BINARY_EXTENSIONS: &[&str] = &["pdf", "xls", "doc", "png", "jpg", "jpeg", "gif", "der", "p12", "pfx", "ico"];

/// PRIVACY-HETU of one file: its name, and its content when it is scanned at all; `None` for a
/// file that is not scanned (a binary format, or binary content) and whose name is clean.
pub(crate) fn check(context: &Context<'_>, file: &LazyBytes<'_>, requirement: &Requirement) -> Option<SubjectResult> {
    let lang = context.lang.as_str();
    let path = file.path;
    // The name counts as much as the content: `131052-308T.pdf` carries a person's code into
    // every listing, report and archive of the bundle, whatever the file holds.
    let in_name: Vec<Finding> = scan_hetus(path.as_bytes())
        .into_iter()
        .filter(|found| !found.hetu.is_test_identity())
        .map(|found| {
            Finding::said(requirement.severity, said!(lang, "privacy-in-name", code = found.hetu.masked()))
                .at(Location::file(path.to_owned()))
                .with_help(t!(lang, "privacy-in-name-help"))
        })
        .collect();
    let with_name = |verdict: Verdict| match verdict {
        Verdict::Checked(findings) if !in_name.is_empty() => {
            Verdict::Checked(in_name.iter().cloned().chain(findings).collect())
        }
        other => other,
    };
    let name_only = || {
        (!in_name.is_empty()).then(|| SubjectResult::about(path, Some(path), None, Verdict::Checked(in_name.clone())))
    };
    let extension = extension(path);
    if BINARY_EXTENSIONS.contains(&extension.as_str()) {
        return name_only();
    }
    let verdict = match file.get() {
        Err(error) => Verdict::Error(error.message().render(lang)),
        Ok(bytes) if extension == "zip" => match scan_archive(lang, path, bytes, requirement) {
            Some(verdict) => verdict,
            None => return name_only(),
        },
        Ok(bytes) => match scan_file(lang, path, bytes, requirement) {
            Some(verdict) => verdict,
            None => return name_only(),
        },
    };
    Some(SubjectResult::about(path, Some(path), None, with_name(verdict)))
}

/// The findings of one file that is not a zip, by its kind; `None` when it is not scanned (its
/// content is binary).
fn scan_file(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Option<Verdict> {
    let extension = extension(path);
    if let Some(verdict) = scan_package_file(lang, path, bytes, requirement) {
        return Some(match verdict {
            Verdict::Checked(mut findings) => {
                findings.extend(scan_embedded(lang, path, bytes, requirement));
                Verdict::Checked(findings)
            }
            other => other,
        });
    }
    let decoded = decode_utf16(bytes);
    let bytes = decoded.as_ref().map_or(bytes, |text| text.as_bytes());
    if !TEXT_EXTENSIONS.contains(&extension.as_str()) && looks_binary(bytes) {
        return None;
    }
    let found = scan_hetus(bytes).into_iter().filter(|found| !found.hetu.is_test_identity());
    let source = SourceFile::new(path, bytes);
    Some(Verdict::Checked(
        found
            .map(|found| {
                not_a_test_identity(lang, requirement, &found.hetu).at(source.locate(found.offset..found.offset + 11))
            })
            .collect(),
    ))
}

/// The findings of the files inside a zip (and the zips inside it), each file scanned as it
/// would be in the bundle and its findings placed on the zip, naming the file inside; `None`
/// when no file in it is scanned (screenshots only). A zip that cannot be read to its end (an
/// entry with a password, a bomb) fails: not scanned is not passed.
fn scan_archive(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Option<Verdict> {
    let mut findings = Vec::new();
    let mut scanned = false;
    let wanted = |name: &str| !BINARY_EXTENSIONS.contains(&extension(name).as_str());
    let read = archive::for_each_file(bytes, wanted, |entry| {
        for found in scan_hetus(entry.name.as_bytes()).into_iter().filter(|found| !found.hetu.is_test_identity()) {
            let code = found.hetu.masked();
            findings.push(
                Finding::said(
                    requirement.severity,
                    said!(lang, "privacy-in-archive-name", code = code, entry = entry.path),
                )
                .at(Location::file(path.to_owned()))
                .with_help(t!(lang, "privacy-in-name-help")),
            );
        }
        let Some(bytes) = entry.bytes else { return };
        let Some(Verdict::Checked(inside)) = scan_file(lang, entry.path, bytes, requirement) else { return };
        scanned = true;
        findings
            .extend(inside.into_iter().map(|finding| placed_inside(lang, path, entry.path, Within::Archive, finding)));
    });
    if let Err(error) = read {
        findings.push(
            Finding::said(requirement.severity, said!(lang, "privacy-workbook-unscanned", path = path, error = &error))
                .at(Location::file(path.to_owned()))
                .with_help(t!(lang, "privacy-archive-unscanned-help")),
        );
    }
    (scanned || !findings.is_empty()).then_some(Verdict::Checked(findings))
}

/// What a file is inside of.
#[derive(Clone, Copy)]
enum Within {
    /// A zip that is one of the bundle's files.
    Archive,
    /// An office document it is embedded in as an object.
    Document,
}

/// A finding about the file `entry` inside `path` (a zip, or a document it is embedded in),
/// placed on `path`: the place inside the file (a line, a cell) goes into the message, since no
/// report can point into a zip.
fn placed_inside(lang: &str, path: &str, entry: &str, within: Within, finding: Finding) -> Finding {
    let finding_text = finding.message;
    let message = match (within, finding.location) {
        (Within::Archive, Some(Location { cell: Some(cell), .. })) => {
            t!(lang, "privacy-in-archive-cell", finding = finding_text, entry = entry, cell = cell)
        }
        (Within::Archive, Some(Location { line: Some(line), .. })) => {
            t!(lang, "privacy-in-archive-line", finding = finding_text, entry = entry, line = line)
        }
        (Within::Archive, _) => t!(lang, "privacy-in-archive", finding = finding_text, entry = entry),
        (Within::Document, Some(Location { cell: Some(cell), .. })) => {
            t!(lang, "privacy-in-embedded-cell", finding = finding_text, entry = entry, cell = cell)
        }
        (Within::Document, _) => t!(lang, "privacy-in-embedded", finding = finding_text, entry = entry),
    };
    Finding { message, location: Some(Location::file(path.to_owned())), ..finding }
}

/// The findings of the office documents embedded in the office document `path` (a workbook
/// inserted as an object into a Word test plan, kept whole under `word/embeddings/`), each read
/// as it would be on its own and placed on `path`: one level deep, through the zip walk's
/// budget. One that cannot be read is reported as not scanned; a `path` that is no zip at all
/// has been reported by its own reading.
fn scan_embedded(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Vec<Finding> {
    let embedded = |name: &str| name.contains("embeddings/") && office::is_package(&extension(name));
    let mut findings = Vec::new();
    let mut read_any = false;
    let read = archive::for_each_file(bytes, embedded, |entry| {
        let Some(inner) = entry.bytes else { return };
        read_any = true;
        let Some(Verdict::Checked(inside)) = scan_package_file(lang, entry.path, inner, requirement) else { return };
        findings
            .extend(inside.into_iter().map(|finding| placed_inside(lang, path, entry.path, Within::Document, finding)));
    });
    if let Err(error) = read
        && read_any
    {
        findings.push(
            Finding::said(requirement.severity, said!(lang, "privacy-workbook-unscanned", path = path, error = &error))
                .at(Location::file(path.to_owned()))
                .with_help(t!(lang, "privacy-document-unscanned-help")),
        );
    }
    findings
}

fn not_a_test_identity(lang: &str, requirement: &Requirement, hetu: &valmis_ids::Hetu) -> Finding {
    Finding::said(requirement.severity, said!(lang, "privacy-not-test-identity", code = hetu.masked()))
}

/// Every text cell of every sheet; a workbook that cannot be opened is reported as not scanned
/// (PRETEST-REPORT says why when it is the pre-test report).
fn scan_workbook(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Verdict {
    let cells = match valmis_pretest::xlsx_cells(bytes) {
        Ok(cells) => cells,
        // Not scanned is not passed: a workbook a bundle made unreadable (or too large to hold)
        // could hide a real identity code, so it fails, as BUNDLE-SECRETS does for what it cannot read.
        Err(error) => {
            return Verdict::Checked(vec![
                Finding::said(
                    requirement.severity,
                    said!(lang, "privacy-workbook-unscanned", path = path, error = &error.message),
                )
                .at(Location::file(path.to_owned()))
                .with_help(t!(lang, "privacy-workbook-unscanned-help")),
            ]);
        }
    };
    let mut findings = Vec::new();
    for cell in cells {
        for found in scan_hetus(cell.value.as_bytes()) {
            if !found.hetu.is_test_identity() {
                let name = format!("{}!{}", cell.sheet, valmis_pretest::cell_name(cell.column, cell.row));
                findings.push(not_a_test_identity(lang, requirement, &found.hetu).at(Location::cell(
                    path,
                    name,
                    cell.row,
                    cell.column,
                )));
            }
        }
    }
    // What is no cell's value; the sheets' cells and their shared strings, read above as cells,
    // are not read again.
    let help = || t!(lang, "privacy-workbook-unscanned-help");
    findings.extend(scan_package(lang, path, bytes, requirement, office::workbook_reading, help));
    Verdict::Checked(findings)
}

/// A workbook's cells and text, or an office document's text, by the extension of `path`; `None`
/// for a file of another kind.
fn scan_package_file(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Option<Verdict> {
    let extension = extension(path);
    if WORKBOOK_EXTENSIONS.contains(&extension.as_str()) {
        Some(scan_workbook(lang, path, bytes, requirement))
    } else if DOCUMENT_EXTENSIONS.contains(&extension.as_str()) {
        Some(scan_office(lang, path, bytes, requirement))
    } else {
        None
    }
}

/// Every block of text of a DOCX, ODT or ODS document; one that cannot be read is reported as
/// not scanned, as a workbook is.
fn scan_office(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Verdict {
    let help = || t!(lang, "privacy-document-unscanned-help");
    Verdict::Checked(scan_package(lang, path, bytes, requirement, |_| Reading::Whole, help))
}

/// The findings in the blocks of text of an office package's parts but those `skip` names, and
/// one more, with `help`'s text, when the package cannot be read.
fn scan_package(
    lang: &str,
    path: &str,
    bytes: &[u8],
    requirement: &Requirement,
    reading: impl Fn(&str) -> Reading,
    help: impl FnOnce() -> String,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let read = office::for_each_block_reading(bytes, reading, |block, text| {
        findings.extend(in_block(lang, path, requirement, block, text));
    });
    if let Err(error) = read {
        findings.push(
            Finding::said(requirement.severity, said!(lang, "privacy-workbook-unscanned", path = path, error = &error))
                .at(Location::file(path.to_owned()))
                .with_help(help()),
        );
    }
    findings
}

/// The findings of one block of an office package's text: a note on a cell is said to be one.
fn in_block(lang: &str, path: &str, requirement: &Requirement, block: &Block<'_>, text: &str) -> Vec<Finding> {
    let found = scan_hetus(text.as_bytes()).into_iter().filter(|found| !found.hetu.is_test_identity());
    found
        .map(|found| {
            let code = found.hetu.masked();
            let (part, number) = (block.part, block.number);
            let message = match (block.kind, block.cell) {
                (Kind::SheetName, _) => said!(lang, "privacy-in-sheet-name", code = code, part = part),
                (Kind::HeaderFooter, _) => said!(lang, "privacy-in-header-footer", code = code, part = part),
                (Kind::Text, Some(cell)) => said!(lang, "privacy-in-note", code = code, cell = cell, part = part),
                (Kind::Text, None) => said!(lang, "privacy-in-document", code = code, part = part, block = number),
            };
            Finding::said(requirement.severity, message).at(Location::file(path.to_owned()))
        })
        .collect()
}

/// A NUL byte in the first 8 KiB marks a binary file, as git and grep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&byte| byte == 0)
}
