//! An XML Schema 1.0 validator for the subset of XSD that Kela's CDA schema set (HL7 CDA R2 with
//! the HL7 Finland header extensions) and schemas like it use, over documents parsed with
//! roxmltree.
//!
//! Why our own: the pure-Rust `xmlschema` crate (0.0.14, the only candidate in late 2026) rejects
//! Kela's `CDA_Fi.xsd` while parsing it ("xs:schema has 2 xs:annotation children", which XSD
//! allows) and does not honour `xsi:type`, which every CDA document uses; `libxml` binds libxml2
//! through C. valmis already parses every document with roxmltree, so validating that tree costs a
//! walk, not a second parse.
//!
//! Supported: `include` (also chameleon includes) and `import` of documents the caller supplies,
//! global and local elements and attributes (`ref`, `form`, `elementFormDefault`), named and
//! anonymous complex types with `sequence`, `choice`, `all`, `group` references and `any`
//! wildcards (`##any`, `##other`, `##targetNamespace`, `##local`, lists; `strict`, `lax`, `skip`),
//! `minOccurs`/`maxOccurs`, `mixed`, `abstract`, complex-content extension and restriction,
//! simple-content extension and restriction, attribute groups, `anyAttribute`, `use`, `fixed`,
//! `xsi:type` (checked to derive from the declared type), `xsi:nil`; simple types by restriction,
//! list and union with the facets `enumeration`, `pattern` (XSD regular expressions translated to
//! the `regex` crate), `length`, `minLength`, `maxLength`, `minInclusive`, `maxInclusive`,
//! `minExclusive`, `maxExclusive`, `totalDigits`, `fractionDigits`, `whiteSpace`; the built-in
//! types' lexical spaces; `ID` uniqueness and `IDREF` targets. Not supported, and refused when a
//! schema uses them (so a document is never called valid against rules that were not checked):
//! substitution groups, identity constraints (`key`, `keyref`, `unique`), `redefine`, and
//! regular-expression block escapes (`\p{IsBasicLatin}`) and class subtraction.
//!
//! **Invariants:** no IO (the caller supplies the schema documents by location); no panics on any
//! schema or document; validation work is linear in the document (a content model is a
//! precomputed automaton, repetition counts are capped).

#![forbid(unsafe_code)]

mod compile;
mod dfa;
mod model;
mod simple;
mod validate;
mod xml;

use std::ops::Range;

pub use compile::SchemaError;

/// A compiled schema set, ready to validate any number of documents (it is `Send + Sync`).
#[derive(Debug)]
pub struct Schema {
    inner: model::Schema,
}

/// One reason a document is not valid, at a byte range of the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The start tag's name, the attribute's value, or the text the message is about.
    pub range: Range<usize>,
    /// What is wrong, as a lower-case sentence fragment that names the element or attribute.
    pub message: valmis_i18n::Msg,
}

impl Schema {
    /// Compiles the schema document at `entry`, asking `fetch` for it and for every document it
    /// includes or imports (by location relative to the including document, with `/`
    /// separators). A document `fetch` does not have is an error, as is a construct this
    /// validator does not support.
    pub fn compile(entry: &str, fetch: &dyn Fn(&str) -> Option<String>) -> Result<Self, SchemaError> {
        compile::compile(entry, fetch).map(|inner| Self { inner })
    }

    /// Every way `document` departs from the schema, in document order, at most `limit` of them
    /// (the last one then says how many more there were).
    pub fn validate(&self, document: &roxmltree::Document<'_>, limit: usize) -> Vec<Violation> {
        validate::validate(&self.inner, document, limit)
    }

    /// How many global element declarations the schema set has (for diagnostics).
    pub fn global_elements(&self) -> usize {
        self.inner.global_elements.len()
    }
}
