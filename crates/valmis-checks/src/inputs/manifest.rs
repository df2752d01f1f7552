//! `manifest.toml`, kept as a spanned TOML tree so that each check can read the fields it owns
//! and point at them, and so that one bad field never hides the others.
//!
//! BUNDLE-MANIFEST walks the tree against [`SCHEMA`] for syntax, unknown keys and types; the
//! other checks read values through [`Manifest::get`] and treat a wrongly typed value as "not
//! evaluated (see BUNDLE-MANIFEST)" rather than reporting it twice.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The manifest format this valmis reads.
pub(crate) const MANIFEST_FORMAT: i64 = 1;

/// Expected shape of a manifest value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    Str,
    Int,
    Bool,
    Date,
    StrArray,
    Table(&'static [(&'static str, Shape)]),
    /// A table whose keys are free (bundle paths) and whose values are strings.
    StrMap,
}

impl Shape {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Str => "string",
            Self::Int => "integer",
            Self::Bool => "boolean-expected",
            Self::Date => "date-expected",
            Self::StrArray => "string-array",
            Self::Table(_) => "table",
            Self::StrMap => "string-table",
        }
    }
}

const CONTACT: &[(&str, Shape)] = &[("name", Shape::Str), ("email", Shape::Str), ("phone", Shape::Str)];

/// Manifest format 1 (SPEC §3).
pub(crate) const SCHEMA: &[(&str, Shape)] = &[
    ("format", Shape::Int),
    ("round", Shape::Str),
    ("submitted", Shape::Date),
    ("kind", Shape::Str),
    ("role", Shape::Str),
    (
        "organisation",
        Shape::Table(&[
            ("name", Shape::Str),
            ("business_id", Shape::Str),
            ("oid", Shape::Str),
            ("test_organisations", Shape::StrArray),
        ]),
    ),
    ("contacts", Shape::Table(&[("technical", Shape::Table(CONTACT)), ("administrative", Shape::Table(CONTACT))])),
    (
        "system",
        Shape::Table(&[
            ("name", Shape::Str),
            ("version", Shape::Str),
            ("class", Shape::Str),
            ("services", Shape::StrArray),
            ("environment", Shape::Str),
        ]),
    ),
    ("customer", Shape::Table(&[("purpose", Shape::Str)])),
    (
        "change",
        Shape::Table(&[
            ("certified_version", Shape::Str),
            ("new_version", Shape::Str),
            ("affected_services", Shape::StrArray),
            ("summary", Shape::Str),
            ("co_testing_needed", Shape::Bool),
            ("planned_testing", Shape::Table(&[("start", Shape::Date), ("end", Shape::Date)])),
        ]),
    ),
    ("files", Shape::StrMap),
];

/// `[customer] purpose`: what a customer organisation joins for.
pub(crate) const PURPOSES: &[&str] = &["co-testing", "independent-testing", "change-testing"];

/// A value read from the manifest, or why there is none.
#[derive(Debug)]
pub(crate) enum Field<'m> {
    Missing,
    WrongType,
    Present(&'m Spanned<DeValue<'m>>),
}

/// A parsed manifest: the text and its spanned tree (possibly partial after syntax errors).
#[derive(Debug)]
pub(crate) struct Manifest<'m> {
    pub(crate) root: Spanned<DeTable<'m>>,
    /// Syntax errors: message and byte offset.
    pub(crate) syntax_errors: Vec<(String, Option<usize>)>,
}

impl<'m> Manifest<'m> {
    pub(crate) fn parse(text: &'m str) -> Self {
        let (root, errors) = DeTable::parse_recoverable(text);
        let syntax_errors = errors
            .into_iter()
            .map(|error| (error.message().trim_end().to_owned(), error.span().map(|span| span.start)))
            .collect();
        Self { root, syntax_errors }
    }

    /// The value at a dotted path of table keys.
    pub(crate) fn value(&self, path: &[&str]) -> Option<&Spanned<DeValue<'m>>> {
        let (last, parents) = path.split_last()?;
        let mut table = self.root.get_ref();
        for key in parents {
            match table.get(*key).map(Spanned::get_ref) {
                Some(DeValue::Table(inner)) => table = inner,
                _ => return None,
            }
        }
        table.get(*last)
    }

    /// Whether every table on the way to `path` exists and is a table, and the value is there.
    pub(crate) fn get(&self, path: &[&str], shape: Shape) -> Field<'_> {
        let Some(value) = self.value(path) else {
            // A parent with the wrong type makes the field unreadable rather than missing.
            for depth in 1..path.len() {
                if let Some(parent) = self.value(&path[..depth])
                    && !matches!(parent.get_ref(), DeValue::Table(_))
                {
                    return Field::WrongType;
                }
            }
            return Field::Missing;
        };
        if has_shape(value.get_ref(), shape) { Field::Present(value) } else { Field::WrongType }
    }

    /// A string field with its span.
    pub(crate) fn string(&self, path: &[&str]) -> Result<Option<(&str, Range<usize>)>, NotReadable> {
        match self.get(path, Shape::Str) {
            Field::Missing => Ok(None),
            Field::WrongType => Err(NotReadable(path.join("."))),
            Field::Present(value) => match value.get_ref() {
                DeValue::String(text) => Ok(Some((text.as_ref(), value.span()))),
                _ => Err(NotReadable(path.join("."))),
            },
        }
    }

    /// Whether an array of strings at `path` can be read: `Ok(None)` when absent.
    pub(crate) fn get_strings(&self, path: &[&str]) -> Result<Option<()>, NotReadable> {
        match self.get(path, Shape::StrArray) {
            Field::Missing => Ok(None),
            Field::WrongType => Err(NotReadable(path.join("."))),
            Field::Present(_) => Ok(Some(())),
        }
    }

    /// Whether a table exists at `path`.
    pub(crate) fn has_table(&self, path: &[&str]) -> bool {
        matches!(self.value(path).map(Spanned::get_ref), Some(DeValue::Table(_)))
    }

    /// The span of a key's whole entry, or of the document start, for "missing" findings.
    pub(crate) fn span_of(&self, path: &[&str]) -> Option<Range<usize>> {
        self.value(path).map(Spanned::span)
    }

    /// The declared service ids (strings only), with spans.
    pub(crate) fn services(&self) -> Vec<(&str, Range<usize>)> {
        self.strings(&["system", "services"])
    }

    /// The strings of an array at `path` (other items left out), with spans.
    pub(crate) fn strings(&self, path: &[&str]) -> Vec<(&str, Range<usize>)> {
        match self.value(path).map(Spanned::get_ref) {
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(text) => Some((text.as_ref(), item.span())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A field that is present with the wrong type: reported by BUNDLE-MANIFEST, so other checks
/// say they could not evaluate it instead of reporting it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotReadable(pub(crate) String);

pub(crate) fn has_shape(value: &DeValue<'_>, shape: Shape) -> bool {
    match (shape, value) {
        (Shape::Str, DeValue::String(_)) | (Shape::Int, DeValue::Integer(_)) | (Shape::Bool, DeValue::Boolean(_)) => {
            true
        }
        (Shape::Date, DeValue::Datetime(datetime)) => datetime.date.is_some() && datetime.time.is_none(),
        (Shape::StrArray, DeValue::Array(items)) => {
            items.iter().all(|item| matches!(item.get_ref(), DeValue::String(_)))
        }
        (Shape::Table(_) | Shape::StrMap, DeValue::Table(_)) => true,
        _ => false,
    }
}

/// A description of a value's type for messages.
pub(crate) fn describe_value(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(datetime) if datetime.time.is_some() => "date-time",
        DeValue::Datetime(_) => "date",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

#[cfg(test)]
mod tests {
    use super::{Field, Manifest, Shape};

    #[test]
    fn fields_are_missing_wrongly_typed_or_present() {
        let manifest =
            Manifest::parse("round = 2027\n[organisation]\nname = \"Oy\"\n[system]\nservices = [\"eresepti\", 3]\n");
        assert!(manifest.syntax_errors.is_empty());
        assert!(matches!(manifest.get(&["round"], Shape::Str), Field::WrongType));
        assert!(matches!(manifest.get(&["submitted"], Shape::Date), Field::Missing));
        assert_eq!(manifest.string(&["organisation", "name"]).ok().flatten().map(|(s, _)| s), Some("Oy"));
        assert!(matches!(manifest.get(&["system", "services"], Shape::StrArray), Field::WrongType));
        assert_eq!(manifest.services().len(), 1);
        let nested = Manifest::parse("organisation = \"Oy\"\n");
        assert!(manifest.string(&["contacts", "technical", "name"]).is_ok());
        assert!(nested.string(&["organisation", "name"]).is_err(), "parent of the wrong type");
    }

    #[test]
    fn syntax_errors_are_collected_and_the_rest_still_parses() {
        let manifest = Manifest::parse("format = 1\nround = \"2027-1\nsubmitted = 2026-11-20\n");
        assert!(!manifest.syntax_errors.is_empty());
        assert!(manifest.value(&["format"]).is_some());
    }
}
