//! A sample document under `documents/` as the file pass reads it: its text, parsed once as XML
//! or JSON, or what kept it from being parsed. DOC-WELLFORMED judges the problem; the other
//! document rules read the tree.

use std::ops::Range;

use valmis_i18n::{Msg, t};

use super::json::{ParsedJson, parse_json};
use super::source::SourceFile;
use super::xml::{self, ParseError, Parsed};

/// Why a document has no tree.
#[derive(Debug)]
pub(crate) enum Problem {
    /// Not readable as text (too large, unreadable, not UTF-8): why.
    Unreadable(Msg),
    /// A DOCTYPE or ENTITY declaration at this byte offset, refused before parsing.
    Doctype(usize),
    /// Not well-formed XML: the parser's message and the byte offset it points at.
    NotWellFormed(Msg, usize),
    /// More nodes than one document may have: the budget's message.
    OverBudget(Msg),
    /// Not valid JSON (or over the budget): the message and where.
    NotJson(Msg, Range<usize>),
}

impl Problem {
    /// Why the rules after DOC-WELLFORMED do not look at the document.
    pub(crate) fn skip_reason(&self, lang: &str) -> String {
        match self {
            Self::Unreadable(_) => t!(lang, "document-skip", why = "unreadable"),
            Self::Doctype(_) | Self::NotWellFormed(..) => t!(lang, "document-skip", why = "not-well-formed"),
            Self::OverBudget(_) => t!(lang, "document-skip", why = "over-budget"),
            Self::NotJson(..) => t!(lang, "document-skip", why = "not-json"),
        }
    }
}

/// A parsed document's tree.
#[derive(Debug)]
pub(crate) enum Tree<'t> {
    Xml(Parsed<'t>),
    Json(ParsedJson<'t>),
}

/// One document, read and parsed once for every rule that looks at it.
#[derive(Debug)]
pub(crate) struct Document<'t> {
    pub(crate) path: &'t str,
    /// Its text with a line index; `None` when it could not be read as text.
    pub(crate) source: Option<SourceFile<'t>>,
    pub(crate) tree: Result<Tree<'t>, Problem>,
}

impl<'t> Document<'t> {
    /// Parses `text` (or keeps why there is none) as XML when `as_xml`, else as JSON.
    pub(crate) fn parse(path: &'t str, text: Result<&'t str, Msg>, as_xml: bool) -> Self {
        let text = match text {
            Ok(text) => text,
            Err(message) => return Self { path, source: None, tree: Err(Problem::Unreadable(message)) },
        };
        let tree = if as_xml {
            match xml::doctype(text) {
                Some(offset) => Err(Problem::Doctype(offset)),
                None => xml::parse(text).map(Tree::Xml).map_err(|error| match error {
                    ParseError::Xml(ref syntax) => {
                        let position = syntax.pos();
                        Problem::NotWellFormed(error.message(), xml::offset_of(text, position.row, position.col))
                    }
                    ParseError::OverBudget(_) => Problem::OverBudget(error.message()),
                }),
            }
        } else {
            parse_json(text).map(Tree::Json).map_err(|error| Problem::NotJson(error.0, error.1))
        };
        Self { path, source: Some(SourceFile::new(path, text.as_bytes())), tree }
    }
}
