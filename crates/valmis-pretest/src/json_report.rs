//! JSON reports: an array of objects keyed by the column names, parsed strictly (no comments,
//! no trailing commas) with `jsonc-parser`, which keeps the byte range of every value.

use std::collections::HashMap;
use valmis_i18n::msg;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use valmis_model::LineIndex;

use crate::{Columns, Field, Format, Level, Note, Place, ReadError, Report, RowBuilder};

/// Parses strict JSON (no comments, trailing commas or other JSON5 leniencies) into an AST that
/// keeps byte ranges; an error is "not valid JSON: ..." with where. Shared with the document
/// checks.
pub fn parse_strict_json(text: &str) -> Result<Option<Value<'_>>, (valmis_i18n::Msg, std::ops::Range<usize>)> {
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    match parse_to_ast(text, &CollectOptions::default(), &options) {
        Ok(parsed) => Ok(parsed.value),
        Err(error) => {
            let range = error.range();
            Err((valmis_i18n::msg!("json-not-valid", error = error.kind().to_string()), range.start..range.end))
        }
    }
}

fn place(range: jsonc_parser::common::Range) -> Place {
    Place::Text(range.start..range.end)
}

pub(crate) fn read(bytes: &[u8]) -> Result<Report, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|error| ReadError::new(msg!("report-json-not-utf8", offset = error.valid_up_to()), None))?;
    let value =
        parse_strict_json(text).map_err(|(message, range)| ReadError::new(message, Some(Place::Text(range))))?;
    let Some(Value::Array(array)) = value else {
        let found = value.as_ref().map(|value| (kind(value), value.range()));
        return Err(ReadError::new(
            msg!("report-json-not-array", found = found.map_or("nothing", |(kind, _)| kind)),
            found.map(|(_, range)| place(range)),
        ));
    };

    // The header of a JSON report is every distinct key, in the order first seen.
    // English and Finnish keys may be mixed across objects: one header entry per column, the
    // first key seen for it. Each distinct key is looked up once.
    let mut keys: Vec<(String, Place)> = Vec::new();
    let mut field_of: HashMap<&str, Option<Field>> = HashMap::new();
    for element in &array.elements {
        if let Value::Object(object) = element {
            for property in &object.properties {
                let name = property.name.as_str();
                if field_of.contains_key(name) {
                    continue;
                }
                let field = Field::from_header(name);
                let column_seen = field.is_some() && field_of.values().any(|seen| *seen == field);
                field_of.insert(name, field);
                if !column_seen {
                    keys.push((name.to_owned(), place(property.name.range())));
                }
            }
        }
    }
    let mut notes = Vec::new();
    if array.elements.is_empty() {
        return Err(ReadError::new(msg!("report-json-empty"), Some(place(array.range))));
    }
    let columns = Columns::new(&keys, &mut notes)?;
    let lines = LineIndex::new(text.as_bytes());
    let mut rows = Vec::new();
    for (index, element) in array.elements.iter().enumerate() {
        let (line, _) = lines.line_col(text.as_bytes(), element.range().start);
        let Value::Object(object) = element else {
            notes.push(Note {
                level: Level::Error,
                place: Some(place(element.range())),
                message: msg!("report-json-element", index = index, found = kind(element)),
            });
            continue;
        };
        let mut builder = RowBuilder::default();
        for property in &object.properties {
            let name = property.name.as_str();
            let Some(field) = field_of.get(name).copied().flatten() else { continue };
            match text_of(field, &property.value) {
                Some(value) => builder.set(field, &value, place(property.value.range())),
                None => notes.push(Note {
                    level: Level::Error,
                    place: Some(place(property.value.range())),
                    message: msg!("report-json-not-text", name = name, line = line, found = kind(&property.value)),
                }),
            }
        }
        let start = object.range.start;
        if let Some(row) = builder.finish(line, Place::Text(start..start + 1)) {
            rows.push(row);
        }
    }
    let text = text.to_owned();
    Ok(Report { format: Format::Json, text: Some(text), columns: columns.into_columns(), rows, notes })
}

/// A value as cell text: strings, numbers and booleans as written, `null` as empty, and for
/// `evidence` an array of paths as the `;`-separated list a CSV cell would hold.
fn text_of(field: Field, value: &Value<'_>) -> Option<String> {
    match value {
        Value::StringLit(text) => Some(text.value.to_string()),
        Value::NumberLit(number) => Some(number.value.to_owned()),
        Value::BooleanLit(boolean) => Some(boolean.value.to_string()),
        Value::NullKeyword(_) => Some(String::new()),
        Value::Array(array) if field == Field::Evidence => array
            .elements
            .iter()
            .map(|element| match element {
                Value::StringLit(text) => Some(text.value.to_string()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|paths| paths.join(";")),
        Value::Array(_) | Value::Object(_) => None,
    }
}

fn kind(value: &Value<'_>) -> &'static str {
    match value {
        Value::StringLit(_) => "string",
        Value::NumberLit(_) => "number",
        Value::BooleanLit(_) => "boolean",
        Value::NullKeyword(_) => "null",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
