//! What a parser said about a file, in the run's language. serde's messages about a document
//! that does not fit its type (`unknown field`, `missing field`, `unknown variant`, `invalid
//! type`) have fixed forms, which are said as valmis's own messages; anything else a parser
//! says (a TOML syntax error) is shown as it is, framed as the parser's words.

use valmis_i18n::{Msg, msg};

/// serde's message `text` as a message in any language.
pub fn parser_said(text: &str) -> Msg {
    let text = text.trim_end();
    if let Some(rest) = text.strip_prefix("unknown field ")
        && let Some((field, expected)) = split_quoted(rest)
    {
        return match expected.strip_prefix(", expected one of ").or_else(|| expected.strip_prefix(", expected ")) {
            Some(expected) => msg!("parser-unknown-field", field = field, expected = expected),
            None => msg!("parser-unknown-field-none", field = field),
        };
    }
    if let Some(rest) = text.strip_prefix("unknown variant ")
        && let Some((value, expected)) = split_quoted(rest)
        && let Some(expected) =
            expected.strip_prefix(", expected one of ").or_else(|| expected.strip_prefix(", expected "))
    {
        return msg!("parser-unknown-variant", value = value, expected = expected);
    }
    if let Some(rest) = text.strip_prefix("missing field ")
        && let Some((field, "")) = split_quoted(rest)
    {
        return msg!("parser-missing-field", field = field);
    }
    if let Some(rest) = text.strip_prefix("duplicate field ")
        && let Some((field, "")) = split_quoted(rest)
    {
        return msg!("parser-duplicate-field", field = field);
    }
    if let Some(rest) = text.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return msg!("parser-invalid-type", found = found, expected = expected);
    }
    msg!("parser-said", text = text)
}

/// "`name`" and what follows it.
fn split_quoted(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some((&rest[..end], &rest[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::parser_said;

    /// serde's own messages, as serde and toml write them, are recognised (the oracle: the
    /// deserialiser itself, not a copy of its texts).
    #[test]
    fn serdes_messages_are_recognised() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Endpoint {
            name: String,
            kind: Kind,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Kind {
            Client,
            Server,
        }
        let said = |text: &str| {
            let error = toml::from_str::<Endpoint>(text).expect_err("does not fit");
            parser_said(error.message()).id
        };
        assert_eq!(said("name = \"a\"\nkind = \"client\"\nclient_cert = 1"), "parser-unknown-field");
        assert_eq!(said("kind = \"client\""), "parser-missing-field");
        assert_eq!(said("name = \"a\"\nkind = \"proxy\""), "parser-unknown-variant");
        assert_eq!(said("name = 1\nkind = \"client\""), "parser-invalid-type");
        assert_eq!(parser_said("invalid table header").id, "parser-said");
        let message = parser_said("unknown field `client_cert`, expected one of `name`, `url`");
        assert_eq!(message.render("fi"), "tuntematon kenttä `client_cert`; odotettiin jotakin näistä: `name`, `url`");
    }
}
