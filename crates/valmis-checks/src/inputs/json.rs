//! JSON documents as read from the bundle: parsed strictly (no comments, no trailing commas)
//! with positions, within the parse budget.

use std::ops::Range;

use valmis_i18n::Msg;

use jsonc_parser::ast::Value;

use super::budget;

/// A JSON syntax error: message and where.
pub(crate) struct JsonError(pub(crate) Msg, pub(crate) Range<usize>);

/// A parsed JSON document with its room in the parse budget, given back when it is dropped.
#[derive(Debug)]
pub(crate) struct ParsedJson<'input> {
    value: Value<'input>,
    _permit: budget::Permit,
}

impl<'input> std::ops::Deref for ParsedJson<'input> {
    type Target = Value<'input>;

    fn deref(&self) -> &Value<'input> {
        &self.value
    }
}

/// Parses strict JSON (no comments, no trailing commas) keeping positions, within the parse
/// budget (`crate::budget`): a document over the per-document limit is not parsed.
pub(crate) fn parse_json(text: &str) -> Result<ParsedJson<'_>, JsonError> {
    let permit = budget::acquire(budget::json_cost(text)).map_err(|over| JsonError(over.message(), 0..0))?;
    match valmis_pretest::parse_strict_json(text) {
        Ok(Some(value)) => Ok(ParsedJson { value, _permit: permit }),
        Ok(None) => Err(JsonError(valmis_i18n::msg!("json-empty"), 0..0)),
        Err((message, range)) => Err(JsonError(message, range)),
    }
}
