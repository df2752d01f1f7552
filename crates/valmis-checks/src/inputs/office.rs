//! The text of office documents that are zips of XML parts (DOCX, PPTX, ODT, ODS, ODP, and an
//! XLSX workbook's parts other than its cells), for PRIVACY-HETU: a customer organisation's test
//! plan, or evidence written in a word processor or on slides, is where a real person's identity
//! code slips in. Every XML part of the package is read (the body,
//! headers, footers, notes, comments, tracked deletions, document properties), one text block
//! at a time: a paragraph, a heading, a table cell's paragraph, a property. Word splits a
//! paragraph into runs wherever formatting or spell-checking marks fall (`131052-` `308T`), so
//! the runs of a block are joined before it is scanned. A spreadsheet's sheet names (attribute
//! values, in XLSX's `xl/workbook.xml` and ODS's `content.xml`) are blocks of their own, and so is
//! each header and footer of an XLSX sheet (read alone from the sheet, whose cells are read as
//! cells), its formatting codes (`&C`, `&14`, `&"Arial,Bold"`) left out. Other attribute values
//! and embedded files (images; embedded workbooks and documents, which PRIVACY-HETU reads as files
//! of their own) are not read here.
//!
//! The package is inspected before it is inflated, and every part is read through a bound, so
//! that a hostile zip costs at most [`MAX_INFLATED`] bytes of reading and one part's text.

use std::io::{Cursor, Read as _};

use quick_xml::events::Event;
use valmis_i18n::{Msg, msg};

/// Office documents that are zips of XML parts, whose text is read block by block (a test plan
/// in Word, evidence as slides): Word's, PowerPoint's and OpenDocument's, with their macro and
/// template variants (the same parts under other content types).
pub(crate) const DOCUMENT_EXTENSIONS: &[&str] =
    &["docx", "docm", "dotx", "odt", "ott", "ods", "odp", "pptx", "pptm", "ppsx"];
/// Excel workbooks: zips of XML parts too, whose cells PRIVACY-HETU reads as cells (with their
/// place) and their other parts as office text.
pub(crate) const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm"];

/// Whether a file of this extension is an office document or workbook: a zip of XML parts.
pub(crate) fn is_package(extension: &str) -> bool {
    DOCUMENT_EXTENSIONS.contains(&extension) || WORKBOOK_EXTENSIONS.contains(&extension)
}

/// What is read of an XLSX workbook's `part` as office text when its cells are read as cells:
/// of its sheets the headers and footers only, its shared strings not at all, the rest whole
/// (sheet names, notes and comments on cells, text boxes, charts, properties).
pub(crate) fn workbook_reading(part: &str) -> Reading {
    if part.starts_with("xl/worksheets/") {
        Reading::HeadersAndFooters
    } else if part == "xl/sharedStrings.xml" {
        Reading::Skip
    } else {
        Reading::Whole
    }
}

/// The most entries a package may have (a real document has a few dozen).
const MAX_ENTRIES: usize = 10_000;
/// The most bytes all XML parts together may inflate to.
pub(crate) const MAX_INFLATED: u64 = 64 * 1024 * 1024;

/// Elements that hold a paragraph of text (WordprocessingML and OpenDocument paragraphs and
/// headings). A paragraph may hold another (a footnote or a text box inside it): the inner one is
/// a block of its own and the outer one goes on after it.
const PARAGRAPHS: &[&str] = &["p", "h"];
/// Empty elements that end a block of text inside a paragraph (line breaks).
const BREAKS: &[&str] = &["br", "cr", "line-break"];
/// Elements whose text is set apart by spaces from the text around them: a note's citation
/// (`¹` in the paragraph) and an inline note or comment.
const APART: &[&str] = &["note", "note-citation", "annotation"];
/// A spreadsheet's note or comment on a cell (SpreadsheetML's legacy `comment` and Excel 365's
/// `threadedComment`, each with the cell in `ref`): one block, whatever runs and paragraphs it has.
const NOTES: &[&str] = &["comment", "threadedComment"];
/// Elements whose text continues the text around them (runs, spans, links, fields).
const INLINE: &[&str] = &["t", "r", "delText", "instrText", "span", "a", "s", "ruby", "rt", "hyperlink"];

/// Spreadsheet elements whose `name` attribute is a sheet's name: SpreadsheetML's `sheet` and
/// OpenDocument's `table:table`.
const SHEETS: &[&str] = &["sheet", "table"];

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text as it flows: a paragraph, a table cell's paragraph, a property, a note.
    Text,
    /// A spreadsheet's sheet name.
    SheetName,
    /// An XLSX sheet's header or footer.
    HeaderFooter,
}

/// How much of an XML part is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Every block of text.
    Whole,
    /// Nothing: the part is not even inflated.
    Skip,
    /// An XLSX sheet's headers and footers only (its `headerFooter`), each a block.
    HeadersAndFooters,
}

/// Where a block of text is in its package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    /// The XML part, e.g. `word/document.xml`.
    pub(crate) part: &'a str,
    /// Counting from 1 in each part.
    pub(crate) number: u32,
    /// The cell a spreadsheet note or comment is on (`H6`: its `ref`), when the block is one.
    pub(crate) cell: Option<&'a str>,
    /// What the block is.
    pub(crate) kind: Kind,
}

/// Calls `each(block, text)` for every block of text of every XML part of the package. An error
/// says why the package could not be read.
pub(crate) fn for_each_block(bytes: &[u8], each: impl FnMut(&Block<'_>, &str)) -> Result<(), Msg> {
    for_each_block_within(bytes, MAX_INFLATED, |_| Reading::Whole, each)
}

/// [`for_each_block`] reading of each part what `reading(part)` says (an XLSX workbook's sheets
/// and shared strings, whose text is read as cells, are skipped but for the sheets' headers and
/// footers).
pub(crate) fn for_each_block_reading(
    bytes: &[u8],
    reading: impl Fn(&str) -> Reading,
    each: impl FnMut(&Block<'_>, &str),
) -> Result<(), Msg> {
    for_each_block_within(bytes, MAX_INFLATED, reading, each)
}

/// Whether the body of a DOCX (`word/document.xml`) or an OpenDocument text or spreadsheet
/// (`content.xml`) holds any text: what a person wrote there, not the document's properties,
/// styles, headers or footers, which a blank document made from a template has too.
pub(crate) fn body_has_text(bytes: &[u8]) -> Result<bool, Msg> {
    let mut found = false;
    for_each_block(bytes, |block, text| {
        found |= block.kind == Kind::Text
            && matches!(block.part, "word/document.xml" | "content.xml")
            && !text.trim().is_empty();
    })?;
    Ok(found)
}

fn for_each_block_within(
    bytes: &[u8],
    limit: u64,
    reading: impl Fn(&str) -> Reading,
    mut each: impl FnMut(&Block<'_>, &str),
) -> Result<(), Msg> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| msg!("office-not-zip", error = error.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(msg!("office-too-many-entries", entries = archive.len(), limit = MAX_ENTRIES));
    }
    let mut budget = limit;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|error| msg!("office-not-zip", error = error.to_string()))?;
        let name = String::from_utf8_lossy(part.name_raw()).into_owned();
        let reading = reading(&name);
        if !name.to_ascii_lowercase().ends_with(".xml") || reading == Reading::Skip {
            continue;
        }
        // Read through the bound whatever size the entry declares: a lying header costs nothing.
        let mut xml = Vec::new();
        (&mut part)
            .take(budget + 1)
            .read_to_end(&mut xml)
            .map_err(|error| msg!("office-part-unreadable", part = &name, error = error.to_string()))?;
        if xml.len() as u64 > budget {
            return Err(msg!("office-too-large", limit = limit));
        }
        budget -= xml.len() as u64;
        blocks(&name, &xml, reading == Reading::HeadersAndFooters, &mut each)?;
    }
    Ok(())
}

/// The blocks of text of one XML part, or with `headers_and_footers` those of its
/// `headerFooter` element only.
fn blocks(
    part: &str,
    xml: &[u8],
    headers_and_footers: bool,
    each: &mut impl FnMut(&Block<'_>, &str),
) -> Result<(), Msg> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    // The text of each open paragraph, innermost last; the first is text outside paragraphs.
    let mut open = vec![String::new()];
    let mut number = 0;
    // Whether the element now open holds text of its own (a document property's value).
    let mut has_text = false;
    // The cell of the spreadsheet note or comment now open (its `ref`): a block of its own.
    let mut cell: Option<String> = None;
    // Whether the run now open is raised or lowered (a footnote's citation `¹` in a slide):
    // set apart from the text around it, as it looks.
    let mut raised = false;
    // How deep inside `headerFooter` the reader is, when only that is read (0: outside).
    let mut inside = 0u32;
    let kind = if headers_and_footers { Kind::HeaderFooter } else { Kind::Text };
    let mut emit = |text: &mut String, cell: Option<&str>, kind: Kind| {
        let mut shown = if kind == Kind::HeaderFooter { without_header_codes(text) } else { text.clone() };
        // A non-breaking hyphen (U+2011, as LibreOffice saves it) joins a code's halves as `-` does.
        if shown.contains('\u{2011}') {
            shown = shown.replace('\u{2011}', "-");
        }
        if !shown.trim().is_empty() {
            number += 1;
            each(&Block { part, number, cell, kind }, shown.trim());
        }
        text.clear();
    };
    let unreadable =
        |error: &dyn std::fmt::Display| msg!("office-part-unreadable", part = part, error = error.to_string());
    loop {
        let event = reader.read_event().map_err(|error| unreadable(&error))?;
        if headers_and_footers {
            match &event {
                Event::Start(element) if inside == 0 => {
                    inside = u32::from(element.local_name().as_ref() == b"headerFooter");
                    continue;
                }
                Event::Start(_) => inside += 1,
                Event::End(_) if inside == 1 => {
                    inside = 0;
                    continue;
                }
                Event::End(_) if inside > 1 => inside -= 1,
                Event::Eof => {}
                _ if inside == 0 => continue,
                _ => {}
            }
        }
        let depth = open.len();
        // The first frame is never closed: there is always a last one.
        let Some(text) = open.last_mut() else { break };
        let mut close = false;
        match event {
            Event::Start(element) => {
                has_text = false;
                let name = element.local_name();
                let name = String::from_utf8_lossy(name.as_ref());
                if let Some(mut sheet) = sheet_name(&name, &element) {
                    emit(&mut sheet, None, Kind::SheetName);
                }
                let note_on =
                    NOTES.contains(&&*name).then(|| element.try_get_attribute("ref").ok().flatten()).flatten();
                if let Some(reference) = note_on {
                    emit(text, cell.as_deref(), kind);
                    cell = Some(String::from_utf8_lossy(&reference.value).into_owned());
                } else if raises(&name, &element) {
                    text.push(' ');
                    raised = true;
                } else if PARAGRAPHS.contains(&&*name) {
                    open.push(String::new());
                } else if APART.contains(&&*name) {
                    text.push(' ');
                }
            }
            Event::Text(content) => {
                text.push_str(&content.decode().map_err(|error| unreadable(&error))?);
                has_text = true;
            }
            Event::CData(content) => {
                text.push_str(&String::from_utf8_lossy(&content));
                has_text = true;
            }
            Event::GeneralRef(reference) => {
                if let Ok(Some(character)) = reference.resolve_char_ref() {
                    text.push(character);
                } else if let Ok(name) = reference.decode() {
                    text.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap_or_default());
                }
                has_text = true;
            }
            Event::Empty(element) => {
                let name = element.local_name();
                let name = String::from_utf8_lossy(name.as_ref());
                if let Some(mut sheet) = sheet_name(&name, &element) {
                    emit(&mut sheet, None, Kind::SheetName);
                }
                match &*name {
                    "tab" => text.push('\t'),
                    // Word's non-breaking hyphen is an element, not a character (Ctrl+Shift+-).
                    "noBreakHyphen" => text.push('-'),
                    // OpenDocument's run of spaces.
                    "s" => text.push(' '),
                    name if BREAKS.contains(&name) => emit(text, cell.as_deref(), kind),
                    name if raises(name, &element) => {
                        text.push(' ');
                        raised = true;
                    }
                    _ => {}
                }
            }
            Event::End(element) => {
                let name = element.local_name();
                let name = String::from_utf8_lossy(name.as_ref());
                if name == "r" && raised {
                    text.push(' ');
                    raised = false;
                }
                if NOTES.contains(&&*name) && cell.is_some() {
                    emit(text, cell.as_deref(), kind);
                    cell = None;
                } else if PARAGRAPHS.contains(&&*name) && depth > 1 {
                    emit(text, cell.as_deref(), kind);
                    close = true;
                } else if APART.contains(&&*name) {
                    text.push(' ');
                } else if has_text && !INLINE.contains(&&*name) {
                    emit(text, cell.as_deref(), kind);
                }
                has_text = false;
            }
            Event::Eof => break,
            _ => {}
        }
        if close {
            open.pop();
        }
    }
    for mut text in open {
        emit(&mut text, cell.as_deref(), kind);
    }
    Ok(())
}

/// The sheet name `element` (named `name`) gives, when it is a spreadsheet's sheet.
fn sheet_name(name: &str, element: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    if !SHEETS.contains(&name) {
        return None;
    }
    let attribute = element.attributes().flatten().find(|attribute| attribute.key.local_name().as_ref() == b"name")?;
    let value = attribute
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_or_else(|_| String::from_utf8_lossy(&attribute.value).into_owned(), std::borrow::Cow::into_owned);
    Some(value)
}

/// An XLSX header or footer as it is printed: its codes (`&L` `&C` `&R` for the sections, `&P`
/// and the like for fields, `&14` for a size, `&"Arial,Bold"` for a font, `&K00FF00` for a
/// colour) each become a space, and `&&` an ampersand. A code glued to the text would hide it
/// (`&14131052-308T` is 14-point `131052-308T`).
fn without_header_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('&') => out.push('&'),
            Some('"') => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
                out.push(' ');
            }
            Some(c) if c.is_ascii_digit() => {
                // A size is at most three digits (1–409): in a longer run, as many digits as a
                // code's date has (six) are text after the size, so that `&14131052-308T` keeps
                // its code whichever way the size is read.
                let mut run = String::from(c);
                while let Some(digit) = chars.next_if(char::is_ascii_digit) {
                    run.push(digit);
                }
                out.push(' ');
                if run.len() > 6 {
                    out.push_str(&run[run.len() - 6..]);
                }
            }
            Some('K' | 'k') => {
                for _ in 0..6 {
                    if chars.next_if(|c| c.is_ascii_hexdigit() || matches!(c, '+' | '-')).is_none() {
                        break;
                    }
                }
                out.push(' ');
            }
            Some(_) | None => out.push(' '),
        }
    }
    out
}

/// Whether `element` (named `name`) makes its run superscript or subscript: DrawingML's
/// `<a:rPr baseline="30000">` (slides) or WordprocessingML's `<w:vertAlign w:val="superscript"/>`.
fn raises(name: &str, element: &quick_xml::events::BytesStart<'_>) -> bool {
    let value = |wanted: &[u8]| {
        element
            .attributes()
            .flatten()
            .find(|attribute| attribute.key.local_name().as_ref() == wanted)
            .map(|attribute| attribute.value)
    };
    match name {
        "rPr" => value(b"baseline").is_some_and(|baseline| !matches!(&*baseline, b"0" | b"")),
        "vertAlign" => value(b"val").is_some_and(|position| matches!(&*position, b"superscript" | b"subscript")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// A zip of `parts`, deflated.
    pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            writer.start_file(*name, options).expect("start");
            writer.write_all(text.as_bytes()).expect("write");
        }
        writer.finish().expect("finish").into_inner()
    }

    fn blocks_of(bytes: &[u8]) -> Vec<(String, u32, String)> {
        let mut found = Vec::new();
        for_each_block(bytes, |block, text| found.push((block.part.to_owned(), block.number, text.to_owned())))
            .expect("readable");
        found
    }

    #[test]
    fn runs_are_joined_and_paragraphs_cells_and_properties_are_blocks() {
        let document = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Testipotilas 131052-</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>308T</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>010181</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>-900C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">A &amp; B&#x20;</w:t><w:tab/><w:delText>poistettu</w:delText></w:r></w:p>
</w:body></w:document>"#;
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Suunnitelma</dc:title><dc:creator>Aino</dc:creator></cp:coreProperties>"#;
        let bytes = package(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", document),
            ("word/media/kuva.png", "\u{89}PNG"),
            ("docProps/core.xml", core),
        ]);
        let found = blocks_of(&bytes);
        let texts: Vec<(&str, u32, &str)> =
            found.iter().map(|(part, block, text)| (part.as_str(), *block, text.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("word/document.xml", 1, "Testipotilas 131052-308T"),
                ("word/document.xml", 2, "010181"),
                ("word/document.xml", 3, "-900C"),
                ("word/document.xml", 4, "A & B \tpoistettu"),
                ("docProps/core.xml", 1, "Suunnitelma"),
                ("docProps/core.xml", 2, "Aino"),
            ]
        );
    }

    #[test]
    fn opendocument_spans_spaces_headings_and_notes() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:h>Testihenkilöt</text:h><text:p>Potilas<text:s/><text:span>131052-</text:span>308T<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Alaviite 010181-900C</text:p></text:note-body></text:note><text:line-break/>seuraava</text:p>
</office:text></office:body></office:document-content>"#;
        let bytes = package(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)]);
        let texts: Vec<String> = blocks_of(&bytes).into_iter().map(|(_, _, text)| text).collect();
        // The footnote inside the paragraph is a block of its own, and its citation is set
        // apart from the code before it (`308T1` would not be a code).
        assert_eq!(texts, ["Testihenkilöt", "Alaviite 010181-900C", "Potilas 131052-308T  1", "seuraava"]);
    }

    /// Excel keeps a note (`xl/comments1.xml`, runs split at the author's bold name) and a
    /// threaded comment (Excel 365's `xl/threadedComments/`) in parts of their own, each on a cell.
    #[test]
    fn a_workbooks_notes_are_blocks_on_their_cells() {
        let notes = r#"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Aino</author></authors><commentList>
<comment ref="H6" authorId="0"><text><r><rPr><b/></rPr><t>Aino:</t></r><r><t xml:space="preserve">
potilas 131052-</t></r><r><t>308T</t></r></text></comment>
<comment ref="B2" authorId="0"><text><t>toinen</t></text></comment></commentList></comments>"#;
        let threaded = r#"<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C3" dT="2026-11-16T15:00:00.00" personId="{1}" id="{2}"><text>ketju</text></threadedComment></ThreadedComments>"#;
        let bytes = package(&[
            ("xl/workbook.xml", r#"<workbook><sheets><sheet name="Esitestit"/></sheets></workbook>"#),
            ("xl/comments1.xml", notes),
            ("xl/threadedComments/threadedComment1.xml", threaded),
            ("xl/sharedStrings.xml", "<sst><si><t>solu</t></si></sst>"),
        ]);
        let mut found = Vec::new();
        for_each_block_reading(
            &bytes,
            |part| if part == "xl/sharedStrings.xml" { Reading::Skip } else { Reading::Whole },
            |block, text| {
                found.push((block.part.to_owned(), block.number, block.cell.map(str::to_owned), text.to_owned()))
            },
        )
        .expect("readable");
        let note = |part: &str, number, cell: &str, text: &str| {
            (part.to_owned(), number, Some(cell.to_owned()), text.to_owned())
        };
        assert_eq!(
            found,
            [
                ("xl/workbook.xml".to_owned(), 1, None, "Esitestit".to_owned()),
                ("xl/comments1.xml".to_owned(), 1, None, "Aino".to_owned()),
                note("xl/comments1.xml", 2, "H6", "Aino:\npotilas 131052-308T"),
                note("xl/comments1.xml", 3, "B2", "toinen"),
                note("xl/threadedComments/threadedComment1.xml", 1, "C3", "ketju"),
            ],
            "the sheet name and an author are blocks on no cell, and the skipped part is not read"
        );
    }

    /// A workbook's sheet names and its sheets' headers and footers, as Excel writes them
    /// (rust_xlsxwriter writes the parts; calamine, a real reader, names the sheets): each is a
    /// block, the header's formatting codes left out, and nothing else of the sheet is read.
    #[test]
    fn a_workbooks_sheet_names_headers_and_footers_are_blocks() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Esitestit").expect("name");
        sheet.write_string(0, 0, "solu 010181-900C").expect("cell");
        sheet.set_header("&L&\"Arial,Bold\"&14131052-308T&CTestisairaala && Oy&R&K00FF00sivu &P/&N");
        sheet.set_footer("&CTulostettu &D");
        let sheet = workbook.add_worksheet();
        sheet.set_name("Potilas 131052-308T").expect("name");
        let bytes = workbook.save_to_buffer().expect("workbook");
        let mut found = Vec::new();
        for_each_block_reading(
            &bytes,
            |part| if part.starts_with("xl/worksheets/") { Reading::HeadersAndFooters } else { Reading::Skip },
            |block, text| found.push((block.part.to_owned(), block.kind, text.to_owned())),
        )
        .expect("readable");
        let sheet1 = "xl/worksheets/sheet1.xml".to_owned();
        assert_eq!(
            found,
            [
                (sheet1.clone(), Kind::HeaderFooter, "131052-308T Testisairaala & Oy  sivu  /".to_owned()),
                (sheet1, Kind::HeaderFooter, "Tulostettu".to_owned()),
            ]
        );
        let mut names = Vec::new();
        for_each_block_reading(
            &bytes,
            |part| if part == "xl/workbook.xml" { Reading::Whole } else { Reading::Skip },
            |block, text| {
                assert_eq!(block.kind, Kind::SheetName, "{text}");
                names.push(text.to_owned());
            },
        )
        .expect("readable");
        let oracle = {
            use calamine::Reader as _;
            calamine::Xlsx::new(Cursor::new(bytes.clone())).expect("calamine reads it").sheet_names()
        };
        assert_eq!(names, oracle);
        assert_eq!(names, ["Esitestit", "Potilas 131052-308T"]);
        // A sheet name in OpenDocument is a block too, but no text of the body.
        let ods = package(&[(
            "content.xml",
            "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"Taulukko1\"/>\
             </office:spreadsheet></office:body></office:document-content>",
        )]);
        assert_eq!(blocks_of(&ods), [("content.xml".to_owned(), 1, "Taulukko1".to_owned())]);
        assert_eq!(body_has_text(&ods), Ok(false));
    }

    /// A superscript after a code (a footnote's citation typed as `¹`) is set apart from it, in
    /// Word and on slides, as it looks; a run at the baseline continues the text.
    #[test]
    fn raised_runs_are_set_apart() {
        let word = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Potilas 131052-308T</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="baseline"/></w:rPr><w:t>.</w:t></w:r></w:p></w:body></w:document>"#;
        let slide = r#"<p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:rPr lang="fi-FI"/><a:t>ja 131052-308T</a:t></a:r><a:r><a:rPr lang="fi-FI" baseline="30000"/><a:t>1</a:t></a:r><a:r><a:rPr baseline="0"/><a:t>.</a:t></a:r></a:p></p:sld>"#;
        let bytes = package(&[("word/document.xml", word), ("ppt/slides/slide1.xml", slide)]);
        let texts: Vec<String> = blocks_of(&bytes).into_iter().map(|(_, _, text)| text).collect();
        assert_eq!(texts, ["Potilas 131052-308T 2 .", "ja 131052-308T 1 ."]);
        assert_eq!(codes_in_package(&bytes), ["131052-308T", "131052-308T"]);
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        let error = for_each_block(b"not a zip", |_, _| {}).expect_err("not a zip");
        assert!(error.to_string().starts_with("not a readable zip"), "{error}");
        let broken = package(&[("word/document.xml", "<w:p><w:t>kesken</w:p>")]);
        let error = for_each_block(&broken, |_, _| {}).expect_err("broken XML");
        assert!(error.to_string().starts_with("`word/document.xml` could not be read"), "{error}");
        // More XML than the bound, over the parts together: one error.
        let parts = package(&[("word/document.xml", &"x".repeat(600)), ("word/footer1.xml", &"y".repeat(600))]);
        assert!(for_each_block_within(&parts, 1200, |_| Reading::Whole, |_, _| {}).is_ok());
        let error = for_each_block_within(&parts, 1000, |_| Reading::Whole, |_, _| {}).expect_err("too large");
        assert!(error.to_string().contains("more than 1000 bytes"), "{error}");
    }

    /// The identity codes in `text`, as written, sorted.
    fn codes(text: &str) -> Vec<String> {
        let mut codes: Vec<String> =
            valmis_ids::scan_hetus(text.as_bytes()).iter().map(|found| found.hetu.as_str().to_uppercase()).collect();
        codes.sort();
        codes
    }

    /// The codes this reader finds in a package.
    fn codes_in_package(bytes: &[u8]) -> Vec<String> {
        let mut found = Vec::new();
        for_each_block(bytes, |_, text| found.extend(codes(text))).expect("readable");
        found.sort();
        found
    }

    /// pandoc, a real producer and reader of DOCX and ODT, when installed: `None` (with the
    /// reason printed) on a laptop without it; under `CI=true`, where `.ci/run` installs it, its
    /// absence fails the test.
    fn pandoc() -> Option<&'static str> {
        let found =
            std::process::Command::new("pandoc").arg("--version").output().is_ok_and(|out| out.status.success());
        if found {
            return Some("pandoc");
        }
        assert!(
            std::env::var_os("CI").is_none_or(|ci| ci != "true"),
            "pandoc is missing under CI=true: .ci/run installs it"
        );
        eprintln!("skipping the pandoc comparison: pandoc is not installed (apt install pandoc)");
        None
    }

    fn run_pandoc(pandoc: &str, args: &[&str], input: &[u8]) -> Vec<u8> {
        use std::process::Stdio;
        let mut child = std::process::Command::new(pandoc)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("pandoc starts");
        child.stdin.take().expect("stdin").write_all(input).expect("input");
        let output = child.wait_with_output().expect("pandoc runs");
        assert!(output.status.success(), "pandoc {args:?} failed");
        output.stdout
    }

    /// Whether a document has text in its body is what pandoc, reading it, says: nothing for a
    /// document pandoc wrote from nothing, some for one with a title (pandoc writes it as the
    /// body's first paragraph), a paragraph, a table cell or a list item.
    #[test]
    fn a_blank_document_is_blank_to_pandoc_too() {
        let Some(pandoc) = pandoc() else { return };
        let temp = tempfile::tempdir().expect("tempdir");
        let inputs: [(&str, &[u8]); 5] = [
            ("", b""),
            ("metadata title", b"---\ntitle: Testaussuunnitelma\n---\n"),
            ("a paragraph", b"Testataan asiakastestiymp\xc3\xa4rist\xc3\xb6ss\xc3\xa4.\n"),
            ("a table cell", b"| tapaus |\n|---|\n| PA-01 |\n"),
            ("a list item", b"- PA-01\n"),
        ];
        for (what, markdown) in inputs {
            for format in ["docx", "odt"] {
                let path = temp.path().join(format!("suunnitelma.{format}"));
                let out = path.to_str().expect("utf-8");
                run_pandoc(pandoc, &["-f", "markdown", "-o", out], markdown);
                let bytes = std::fs::read(&path).expect("written");
                // Standalone, so that a title pandoc reads as the document's title is shown too.
                let text = run_pandoc(pandoc, &["-f", format, "-t", "plain", "-s"], &bytes);
                let oracle = !String::from_utf8(text).expect("UTF-8").trim().is_empty();
                let body = body_has_text(&bytes).expect("readable");
                assert_eq!(body, oracle, "{what} in {format}");
                assert_eq!(body, !what.is_empty(), "{what} in {format}");
            }
        }
    }

    #[test]
    fn properties_headers_and_styles_are_not_the_body() {
        let blank = package(&[
            ("docProps/core.xml", "<cp:coreProperties><dc:title>Testaussuunnitelma</dc:title></cp:coreProperties>"),
            ("word/header1.xml", "<w:hdr><w:p><w:r><w:t>Testisairaala</w:t></w:r></w:p></w:hdr>"),
            ("word/document.xml", "<w:document><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p></w:body></w:document>"),
        ]);
        assert_eq!(body_has_text(&blank), Ok(false));
        let written = package(&[(
            "content.xml",
            "<office:document-content><office:body><office:spreadsheet><table:table><table:table-row>\
             <table:table-cell><text:p>PA-01</text:p></table:table-cell></table:table-row></table:table>\
             </office:spreadsheet></office:body></office:document-content>",
        )]);
        assert_eq!(body_has_text(&written), Ok(true));
        assert!(body_has_text(b"PK\x03\x04rikki").is_err());
    }

    /// The outside oracle: documents pandoc writes (runs split by emphasis, headings, tables,
    /// footnotes) hold the codes pandoc reads back from them, and so do the fixtures' DOCX files
    /// that valmis's own generator writes. A difference is text this reader misses or invents.
    #[test]
    fn the_codes_found_are_the_codes_pandoc_reads() {
        let Some(pandoc) = pandoc() else { return };
        let markdown = "# Testihenkilöt 010181-900C\n\n\
            Potilas **131052**-308T ja *020516*C903K sekä 131052-308T[^1].\n\n\
            | nimi | tunnus |\n|---|---|\n| Aino | 311280-999J |\n| Mikko | 131052-308t |\n\n\
            [^1]: Alaviitteessä 010181-900C.\n";
        let temp = tempfile::tempdir().expect("tempdir");
        for format in ["docx", "odt"] {
            let path = temp.path().join(format!("testi.{format}"));
            let out = path.to_str().expect("utf-8");
            run_pandoc(pandoc, &["-f", "markdown", "-o", out], markdown.as_bytes());
            let bytes = std::fs::read(&path).expect("written");
            let oracle = String::from_utf8(run_pandoc(pandoc, &["-f", format, "-t", "plain"], &bytes)).expect("UTF-8");
            let expected = codes(&oracle);
            assert_eq!(expected.len(), 7, "{format}: pandoc's own text: {oracle}");
            assert_eq!(codes_in_package(&bytes), expected, "{format}");
        }
        // pandoc writes PowerPoint too (it does not read it): the slides hold the codes it reads
        // back from the Word document of the same text.
        let path = temp.path().join("testi.pptx");
        run_pandoc(pandoc, &["-f", "markdown", "-o", path.to_str().expect("utf-8")], markdown.as_bytes());
        let docx = std::fs::read(temp.path().join("testi.docx")).expect("written");
        let oracle = String::from_utf8(run_pandoc(pandoc, &["-f", "docx", "-t", "plain"], &docx)).expect("UTF-8");
        assert_eq!(codes_in_package(&std::fs::read(&path).expect("written")), codes(&oracle), "pptx");
        // Word's non-breaking hyphen, an element between two runs, and LibreOffice's, the
        // character U+2011: pandoc reads both as U+2011, the hyphen of a code kept on one line.
        let document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
<w:p><w:r><w:t>Potilas 131052</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>308T</w:t></w:r></w:p>\
<w:p><w:r><w:t>ja 010181\u{2011}900C</w:t></w:r></w:p></w:body></w:document>";
        let bytes = package(&[
            (
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
                 <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
                 <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
            ),
            (
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            ),
            ("word/document.xml", document),
        ]);
        let oracle = String::from_utf8(run_pandoc(pandoc, &["-f", "docx", "-t", "plain"], &bytes)).expect("UTF-8");
        assert_eq!(oracle.matches('\u{2011}').count(), 2, "pandoc's own text: {oracle}");
        let expected = codes(&oracle.replace('\u{2011}', "-"));
        assert_eq!(expected, ["010181-900C", "131052-308T"]);
        assert_eq!(codes_in_package(&bytes), expected);
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bundles");
        for bundle in ["example-customer-organisation", "privacy-hetu-docx"] {
            let bytes = std::fs::read(fixtures.join(bundle).join("plan/liite-testihenkilot.docx")).expect("fixture");
            let oracle = String::from_utf8(run_pandoc(pandoc, &["-f", "docx", "-t", "plain"], &bytes)).expect("UTF-8");
            assert_eq!(codes(&oracle).len(), 2, "{bundle}: {oracle}");
            assert_eq!(codes_in_package(&bytes), codes(&oracle), "{bundle}");
        }
    }
}
