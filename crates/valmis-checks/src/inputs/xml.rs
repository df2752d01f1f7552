//! XML documents as read from the bundle: text, parsing within the parse budget, and the
//! element paths and places findings point at.
//!
//! XML is parsed with roxmltree, which never fetches anything; a DOCTYPE (and so any ENTITY
//! declaration) is refused, so external entities (XXE) and entity expansion (billion laughs)
//! cannot happen.

use roxmltree::{Document, Node, ParsingOptions};
use valmis_bundle::Bundle;
use valmis_i18n::{Msg, msg};
use valmis_model::Location;

use super::budget;
use super::source::SourceFile;

/// Largest document read, in bytes.
pub(crate) const MAX_DOCUMENT: u64 = 64 * 1024 * 1024;
/// Most XML nodes in one document (the parse budget refuses a costlier one before parsing).
const MAX_NODES: u32 = 10_000_000;
pub(crate) const HL7: &str = "urn:hl7-org:v3";

/// Why a document cannot be read as text: too large, unreadable, not UTF-8.
pub(crate) fn read_text(bundle: &Bundle, path: &str) -> Result<String, Msg> {
    let size = bundle.entry(path).map_or(0, |entry| entry.size);
    if size > MAX_DOCUMENT {
        return Err(too_large(path, size));
    }
    let bytes = bundle.read(path).map_err(|error| error.message())?;
    text_of(path, &bytes).map(str::to_owned)
}

pub(crate) fn too_large(path: &str, size: u64) -> Msg {
    msg!("document-too-large", path = path, size = size, limit = MAX_DOCUMENT)
}

/// A document's bytes as text without a byte order mark, or why they are not UTF-8.
pub(crate) fn text_of<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, Msg> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // simdutf8 answers yes or no several times faster than the standard library on Kanta's
    // mostly-ASCII documents; the standard library finds where a refused one goes wrong.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes)
            .map_err(|error| msg!("document-not-utf8", path = path, offset = error.valid_up_to())),
    }
}

/// The offset of a DOCTYPE declaration, which valmis refuses.
pub(crate) fn doctype(text: &str) -> Option<usize> {
    let text = text.as_bytes();
    memchr::memmem::find(text, b"<!DOCTYPE").or_else(|| memchr::memmem::find(text, b"<!ENTITY"))
}

/// A parsed document with its room in the parse budget, given back when it is dropped.
#[derive(Debug)]
pub(crate) struct Parsed<'input> {
    pub(crate) document: Document<'input>,
    _permit: budget::Permit,
}

impl<'input> std::ops::Deref for Parsed<'input> {
    type Target = Document<'input>;

    fn deref(&self) -> &Document<'input> {
        &self.document
    }
}

/// Why a document was not parsed.
#[derive(Debug)]
pub(crate) enum ParseError {
    /// Not well-formed.
    Xml(roxmltree::Error),
    /// More nodes than one document may have.
    OverBudget(budget::OverBudget),
}

impl ParseError {
    /// Why the document was not parsed.
    pub(crate) fn message(&self) -> Msg {
        match self {
            Self::Xml(error) => msg!("xml-not-well-formed", error = error.to_string()),
            Self::OverBudget(error) => error.message(),
        }
    }
}

/// Parses `text` within the parse budget (`crate::budget`): waits while other threads' trees
/// fill it, refuses a document over the per-document limit without parsing it.
pub(crate) fn parse(text: &str) -> Result<Parsed<'_>, ParseError> {
    let permit = budget::acquire(budget::xml_cost(text)).map_err(ParseError::OverBudget)?;
    let document = Document::parse_with_options(
        text,
        ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..ParsingOptions::default() },
    )
    .map_err(ParseError::Xml)?;
    Ok(Parsed { document, _permit: permit })
}

/// Byte offset of a 1-based row and column (in characters).
pub(crate) fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let line_start: usize =
        text.split_inclusive('\n').take(row.saturating_sub(1) as usize).map(str::len).sum::<usize>().min(text.len());
    let line = &text[line_start..];
    let in_line: usize = line.chars().take(col.saturating_sub(1) as usize).map(char::len_utf8).sum();
    (line_start + in_line).min(text.len())
}

/// An XPath-like path of an element: `/ClinicalDocument/recordTarget/patientRole/id[2]`.
pub(crate) fn xpath(node: Node<'_, '_>) -> String {
    let mut parts = Vec::new();
    let mut current = Some(node);
    while let Some(element) = current.filter(Node::is_element) {
        let name = element.tag_name().name();
        let same: Vec<Node<'_, '_>> = element
            .parent()
            .map(|parent| {
                parent.children().filter(|sibling| sibling.is_element() && sibling.tag_name().name() == name).collect()
            })
            .unwrap_or_default();
        if same.len() > 1 {
            let position = same.iter().position(|sibling| *sibling == element).unwrap_or(0) + 1;
            parts.push(format!("{name}[{position}]"));
        } else {
            parts.push(name.to_owned());
        }
        current = element.parent();
    }
    parts.reverse();
    format!("/{}", parts.join("/"))
}

/// The HL7 child element `name` of `node`.
pub(crate) fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| {
        child.is_element() && child.tag_name().name() == name && child.tag_name().namespace() == Some(HL7)
    })
}

/// A finding about `node` (its start tag) or one of its attributes.
pub(crate) fn at_node(source: &SourceFile<'_>, node: Node<'_, '_>, attribute: Option<&str>) -> Location {
    let range = attribute.and_then(|name| node.attribute_node(name)).map_or_else(
        || node.range().start..node.range().start + 1 + node.tag_name().name().len(),
        |attribute| attribute.range_value(),
    );
    source.locate(range)
}

pub(crate) fn is_cda(root: Node<'_, '_>) -> bool {
    root.tag_name().name() == "ClinicalDocument" && root.tag_name().namespace() == Some(HL7)
}

/// The `id/@root` of a document's root element, if it has one.
pub(crate) fn document_id(root: Node<'_, '_>) -> Option<String> {
    child(root, "id").and_then(|id| id.attribute("root")).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::text_of;

    /// The standard library is the oracle: the same texts accepted, the same offset (in the
    /// message) for a refused one. Every one-byte change of a Finnish sentence with two- and
    /// three-byte characters, and the classic malformed sequences.
    #[test]
    fn utf8_is_judged_as_the_standard_library_judges_it() {
        let sentence = "Potilaan hoitojakso päättyi — kotiutus 12.11.2026 €".as_bytes();
        let mut texts: Vec<Vec<u8>> = vec![
            b"\xC0\xAF".to_vec(),
            b"\xED\xA0\x80".to_vec(),
            b"\xF4\x90\x80\x80".to_vec(),
            b"abc\xE2\x82".to_vec(),
            b"\xEF\xBB\xBF<a/>".to_vec(),
            b"\xEF\xBB\xBF\xFF".to_vec(),
            Vec::new(),
        ];
        for at in 0..sentence.len() {
            for byte in [0x00, 0x41, 0x80, 0xA4, 0xC3, 0xE2, 0xF0, 0xFF] {
                let mut changed = sentence.to_vec();
                changed[at] = byte;
                texts.push(changed);
            }
        }
        let mut refused = 0;
        for bytes in &texts {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match (text_of("a.xml", bytes), std::str::from_utf8(body)) {
                (Ok(ours), Ok(oracle)) => assert_eq!(ours, oracle),
                (Err(ours), Err(oracle)) => {
                    refused += 1;
                    let expected =
                        valmis_i18n::msg!("document-not-utf8", path = "a.xml", offset = oracle.valid_up_to());
                    assert_eq!(ours.to_string(), expected.to_string(), "{bytes:?}");
                }
                (ours, oracle) => panic!("{bytes:?}: ours {ours:?}, the standard library's {oracle:?}"),
            }
        }
        assert!(refused > 100, "{refused}");
    }
}
