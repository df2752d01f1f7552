//! ISO object identifiers in dotted form (`1.2.246.10.12345671`), as HL7 and Kanta use them:
//! first arc 0, 1 or 2, no empty arcs, no leading zeros.

use std::fmt;

/// Why a string is not a syntactically valid OID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OidError {
    /// Empty string.
    Empty,
    /// A character other than digits and dots.
    Character(char),
    /// Two dots in a row, or a leading or trailing dot.
    EmptyArc,
    /// An arc with a leading zero, like `.01`.
    LeadingZero,
    /// The first arc is not 0, 1 or 2.
    FirstArc,
    /// Only one arc.
    TooShort,
}

/// The arc of organisations identified by their business id (JHS 159), with its final dot.
const ORGANISATIONS: &str = "1.2.246.10.";

/// A syntactically valid OID.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Oid(String);

impl Oid {
    /// Validates the syntax `^[0-2](\.(0|[1-9][0-9]*))+$`.
    ///
    /// One pass over the bytes (a CDA document has dozens of OIDs, a bundle tens of thousands);
    /// the first problem in the text's order is the one reported.
    pub fn parse(text: &str) -> Result<Self, OidError> {
        if text.is_empty() {
            return Err(OidError::Empty);
        }
        let bytes = text.as_bytes();
        if let Some(at) = bytes.iter().position(|byte| !byte.is_ascii_digit() && *byte != b'.') {
            // Every byte before `at` is ASCII, so `at` starts a character.
            return Err(OidError::Character(text[at..].chars().next().unwrap_or_default()));
        }
        let mut arcs = 0;
        for arc in bytes.split(|byte| *byte == b'.') {
            match arc {
                [] => return Err(OidError::EmptyArc),
                [b'0', _, ..] => return Err(OidError::LeadingZero),
                [b'0' | b'1' | b'2'] => {}
                _ if arcs == 0 => return Err(OidError::FirstArc),
                _ => {}
            }
            arcs += 1;
        }
        if arcs < 2 {
            return Err(OidError::TooShort);
        }
        Ok(Self(text.to_owned()))
    }

    /// Whether `self` equals `ancestor` or sits below it, arc by arc (`1.2.246.10.1` is not
    /// below `1.2.246.1`).
    pub fn is_at_or_below(&self, ancestor: &Oid) -> bool {
        self.0 == ancestor.0
            || (self.0.starts_with(&ancestor.0) && self.0.as_bytes().get(ancestor.0.len()) == Some(&b'.'))
    }

    /// The organisation arc this OID sits at or below, when it is under the business-id arc
    /// `1.2.246.10` of JHS 159: `1.2.246.10.18369420.10.3` gives `1.2.246.10.18369420` and the
    /// arc number `18369420`.
    pub fn organisation_arc(&self) -> Option<(Oid, &str)> {
        let rest = self.0.strip_prefix(ORGANISATIONS)?;
        let number = rest.split('.').next().filter(|number| !number.is_empty())?;
        Some((Self(format!("{ORGANISATIONS}{number}")), number))
    }

    /// The dotted text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Oid {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl OidError {
    /// What is wrong, as a message to render in the run's language.
    pub fn message(&self) -> valmis_i18n::Msg {
        use valmis_i18n::msg;
        match self {
            Self::Empty => msg!("oid-empty"),
            Self::Character(c) => msg!("oid-character", character = c.to_string()),
            Self::EmptyArc => msg!("oid-empty-arc"),
            Self::LeadingZero => msg!("oid-leading-zero"),
            Self::FirstArc => msg!("oid-first-arc"),
            Self::TooShort => msg!("oid-too-short"),
        }
    }
}

impl fmt::Display for OidError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.message())
    }
}

impl std::error::Error for OidError {}

#[cfg(test)]
mod tests {
    use super::{Oid, OidError};
    use proptest::prelude::*;

    /// The parser as first written (`chars` and `split`), kept as the oracle for the byte pass.
    fn reference(text: &str) -> Result<(), OidError> {
        if text.is_empty() {
            return Err(OidError::Empty);
        }
        if let Some(bad) = text.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
            return Err(OidError::Character(bad));
        }
        let mut arcs = 0;
        for arc in text.split('.') {
            if arc.is_empty() {
                return Err(OidError::EmptyArc);
            }
            if arc.len() > 1 && arc.starts_with('0') {
                return Err(OidError::LeadingZero);
            }
            if arcs == 0 && !matches!(arc, "0" | "1" | "2") {
                return Err(OidError::FirstArc);
            }
            arcs += 1;
        }
        if arcs < 2 {
            return Err(OidError::TooShort);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn the_byte_pass_gives_what_the_first_parser_gave(text in "[0-3.]{0,12}|[0-9.a-zä ]{0,12}|\\PC{0,8}") {
            prop_assert_eq!(Oid::parse(&text).map(|oid| oid.0), reference(&text).map(|()| text.clone()));
        }
    }

    #[test]
    fn each_error_in_the_texts_order() {
        let cases = [
            ("", OidError::Empty),
            ("1.2.ä", OidError::Character('ä')),
            ("3.01..x", OidError::Character('x')),
            ("1..2", OidError::EmptyArc),
            ("3..2", OidError::FirstArc),
            ("01.2", OidError::LeadingZero),
            ("1.02.", OidError::LeadingZero),
            ("12.0", OidError::FirstArc),
            ("2", OidError::TooShort),
        ];
        for (text, error) in cases {
            assert_eq!(Oid::parse(text), Err(error.clone()), "{text:?}");
            assert_eq!(reference(text), Err(error), "{text:?}");
        }
    }
}
