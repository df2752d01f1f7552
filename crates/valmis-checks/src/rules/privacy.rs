//! PRIVACY-HETU: every text artefact, every spreadsheet cell and the text of every office
//! document (Word, PowerPoint, OpenDocument) may contain test identity codes only (individual
//! number 900–999). One outcome per file; codes are always shown masked.

use valmis_i18n::{said, t};
use valmis_ids::scan_hetus;
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::file::LazyBytes;
use crate::inputs::names::extension;
use crate::inputs::office::{self, Block};
use crate::inputs::source::SourceFile;

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
/// are, cell by cell, and the office documents of [`OFFICE_EXTENSIONS`] block by block).
const BINARY_EXTENSIONS: &[&str] =
    &["pdf", "xls", "doc", "zip", "png", "jpg", "jpeg", "gif", "der", "p12", "pfx", "ico"];
/// Office documents that are zips of XML parts, whose text is scanned (a test plan in Word,
/// evidence as slides): Word's, PowerPoint's and OpenDocument's, with their macro and template
/// variants (the same parts under other content types).
const OFFICE_EXTENSIONS: &[&str] = &["docx", "docm", "dotx", "odt", "ott", "ods", "odp", "pptx", "pptm", "ppsx"];
/// Excel workbooks, whose cells are read as cells (with their place) and their other parts as
/// office text.
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm"];

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
        Ok(bytes) if WORKBOOK_EXTENSIONS.contains(&extension.as_str()) => scan_workbook(lang, path, bytes, requirement),
        Ok(bytes) if OFFICE_EXTENSIONS.contains(&extension.as_str()) => scan_office(lang, path, bytes, requirement),
        Ok(bytes) => {
            let decoded = decode_utf16(bytes);
            let bytes = decoded.as_ref().map_or(bytes.as_slice(), |text| text.as_bytes());
            if !TEXT_EXTENSIONS.contains(&extension.as_str()) && looks_binary(bytes) {
                return name_only();
            }
            let found: Vec<_> = scan_hetus(bytes).into_iter().filter(|found| !found.hetu.is_test_identity()).collect();
            if found.is_empty() {
                Verdict::Checked(Vec::new())
            } else {
                let source = SourceFile::new(path, bytes);
                Verdict::Checked(
                    found
                        .into_iter()
                        .map(|found| {
                            not_a_test_identity(lang, requirement, &found.hetu)
                                .at(source.locate(found.offset..found.offset + 11))
                        })
                        .collect(),
                )
            }
        }
    };
    Some(SubjectResult::about(path, Some(path), None, with_name(verdict)))
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
    // What is no cell's value: notes and comments on cells, text boxes, charts, the file's
    // properties. The sheets and their shared strings, read above as cells, are not read again.
    let cells_are_in = |part: &str| part.starts_with("xl/worksheets/") || part == "xl/sharedStrings.xml";
    let help = || t!(lang, "privacy-workbook-unscanned-help");
    findings.extend(scan_package(lang, path, bytes, requirement, cells_are_in, help));
    Verdict::Checked(findings)
}

/// Every block of text of a DOCX, ODT or ODS document; one that cannot be read is reported as
/// not scanned, as a workbook is.
fn scan_office(lang: &str, path: &str, bytes: &[u8], requirement: &Requirement) -> Verdict {
    let help = || t!(lang, "privacy-document-unscanned-help");
    Verdict::Checked(scan_package(lang, path, bytes, requirement, |_| false, help))
}

/// The findings in the blocks of text of an office package's parts but those `skip` names, and
/// one more, with `help`'s text, when the package cannot be read.
fn scan_package(
    lang: &str,
    path: &str,
    bytes: &[u8],
    requirement: &Requirement,
    skip: impl Fn(&str) -> bool,
    help: impl FnOnce() -> String,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let read = office::for_each_block_except(bytes, skip, |block, text| {
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
            let message = match block.cell {
                Some(cell) => said!(lang, "privacy-in-note", code = code, cell = cell, part = part),
                None => said!(lang, "privacy-in-document", code = code, part = part, block = number),
            };
            Finding::said(requirement.severity, message).at(Location::file(path.to_owned()))
        })
        .collect()
}

/// Text saved as UTF-16 (Excel's "Unicode text") decoded, so that its codes are found too.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) if encoding != encoding_rs::UTF_8 => {
            Some(encoding.decode_without_bom_handling(&bytes[bom_length..]).0.into_owned())
        }
        _ => None,
    }
}

/// A NUL byte in the first 8 KiB marks a binary file, as git and grep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&byte| byte == 0)
}
