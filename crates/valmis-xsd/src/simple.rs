//! Simple types: the built-in types' lexical spaces, white-space normalisation, facets, and XSD
//! regular expressions translated for the `regex` crate.

use regex::Regex;
use valmis_i18n::{Msg, msg};

/// A built-in simple type of XML Schema 1.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    AnySimpleType,
    String,
    NormalizedString,
    Token,
    Language,
    Name,
    NcName,
    Id,
    IdRef,
    IdRefs,
    Entity,
    Entities,
    NmToken,
    NmTokens,
    Boolean,
    Decimal,
    Integer,
    NonPositiveInteger,
    NegativeInteger,
    NonNegativeInteger,
    PositiveInteger,
    Long,
    Int,
    Short,
    Byte,
    UnsignedLong,
    UnsignedInt,
    UnsignedShort,
    UnsignedByte,
    Double,
    Float,
    DateTime,
    Date,
    Time,
    GYear,
    GYearMonth,
    GMonth,
    GMonthDay,
    GDay,
    Duration,
    AnyUri,
    Base64Binary,
    HexBinary,
    QName,
    Notation,
}

/// Every built-in simple type by its local name in the XML Schema namespace.
pub(crate) const BUILTINS: &[(&str, Builtin)] = &[
    ("anySimpleType", Builtin::AnySimpleType),
    ("string", Builtin::String),
    ("normalizedString", Builtin::NormalizedString),
    ("token", Builtin::Token),
    ("language", Builtin::Language),
    ("Name", Builtin::Name),
    ("NCName", Builtin::NcName),
    ("ID", Builtin::Id),
    ("IDREF", Builtin::IdRef),
    ("IDREFS", Builtin::IdRefs),
    ("ENTITY", Builtin::Entity),
    ("ENTITIES", Builtin::Entities),
    ("NMTOKEN", Builtin::NmToken),
    ("NMTOKENS", Builtin::NmTokens),
    ("boolean", Builtin::Boolean),
    ("decimal", Builtin::Decimal),
    ("integer", Builtin::Integer),
    ("nonPositiveInteger", Builtin::NonPositiveInteger),
    ("negativeInteger", Builtin::NegativeInteger),
    ("nonNegativeInteger", Builtin::NonNegativeInteger),
    ("positiveInteger", Builtin::PositiveInteger),
    ("long", Builtin::Long),
    ("int", Builtin::Int),
    ("short", Builtin::Short),
    ("byte", Builtin::Byte),
    ("unsignedLong", Builtin::UnsignedLong),
    ("unsignedInt", Builtin::UnsignedInt),
    ("unsignedShort", Builtin::UnsignedShort),
    ("unsignedByte", Builtin::UnsignedByte),
    ("double", Builtin::Double),
    ("float", Builtin::Float),
    ("dateTime", Builtin::DateTime),
    ("date", Builtin::Date),
    ("time", Builtin::Time),
    ("gYear", Builtin::GYear),
    ("gYearMonth", Builtin::GYearMonth),
    ("gMonth", Builtin::GMonth),
    ("gMonthDay", Builtin::GMonthDay),
    ("gDay", Builtin::GDay),
    ("duration", Builtin::Duration),
    ("anyURI", Builtin::AnyUri),
    ("base64Binary", Builtin::Base64Binary),
    ("hexBinary", Builtin::HexBinary),
    ("QName", Builtin::QName),
    ("NOTATION", Builtin::Notation),
];

/// The `whiteSpace` facet: what happens to a value's white space before it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhiteSpace {
    Preserve,
    Replace,
    Collapse,
}

impl WhiteSpace {
    pub(crate) fn of(builtin: Builtin) -> Self {
        match builtin {
            Builtin::String | Builtin::AnySimpleType => Self::Preserve,
            Builtin::NormalizedString => Self::Replace,
            _ => Self::Collapse,
        }
    }

    pub(crate) fn apply(self, value: &str) -> std::borrow::Cow<'_, str> {
        let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        match self {
            Self::Preserve => value.into(),
            Self::Replace if !value.contains(['\t', '\n', '\r']) => value.into(),
            Self::Replace => value.replace(['\t', '\n', '\r'], " ").into(),
            Self::Collapse
                if !value.contains(['\t', '\n', '\r'])
                    && !value.starts_with(' ')
                    && !value.ends_with(' ')
                    && !value.contains("  ") =>
            {
                value.into()
            }
            Self::Collapse => {
                let collapsed = value.split(is_space).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ");
                if collapsed == value { value.into() } else { collapsed.into() }
            }
        }
    }
}

/// A pattern facet with its source text, for messages.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub(crate) source: String,
    pub(crate) regex: Regex,
}

/// The facets of one derivation step.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facets {
    /// The allowed values, white space collapsed, in schema order (for messages) and as a set.
    pub(crate) enumeration: Option<Vec<String>>,
    pub(crate) enumeration_set: std::collections::HashSet<String>,
    /// Patterns of one step: a value must match one of them (XSD ORs patterns within a step).
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) length: Option<usize>,
    pub(crate) min_length: Option<usize>,
    pub(crate) max_length: Option<usize>,
    pub(crate) min_inclusive: Option<String>,
    pub(crate) max_inclusive: Option<String>,
    pub(crate) min_exclusive: Option<String>,
    pub(crate) max_exclusive: Option<String>,
    pub(crate) total_digits: Option<usize>,
    pub(crate) fraction_digits: Option<usize>,
}

impl Facets {
    /// Whether a facet other than enumeration and pattern is set (lengths, bounds, digits).
    pub(crate) fn has_bounds(&self) -> bool {
        self.length.is_some()
            || self.min_length.is_some()
            || self.max_length.is_some()
            || self.min_inclusive.is_some()
            || self.max_inclusive.is_some()
            || self.min_exclusive.is_some()
            || self.max_exclusive.is_some()
            || self.total_digits.is_some()
            || self.fraction_digits.is_some()
    }
}

/// Whether `value` (white space already applied) is in the lexical space of `builtin`, or why not.
pub(crate) fn lexical(builtin: Builtin, value: &str) -> Result<(), Msg> {
    if is_lexical(builtin, value) {
        Ok(())
    } else if is_integer(builtin) {
        // Says whether the digits or the range are wrong.
        integer(builtin, value)
    } else {
        Err(msg!("xsd-not-valid", value = shorten(value), type_ = describe(builtin)))
    }
}

/// `xs:integer` and the types derived from it.
fn is_integer(builtin: Builtin) -> bool {
    matches!(
        builtin,
        Builtin::Integer
            | Builtin::NonPositiveInteger
            | Builtin::NegativeInteger
            | Builtin::NonNegativeInteger
            | Builtin::PositiveInteger
            | Builtin::Long
            | Builtin::Int
            | Builtin::Short
            | Builtin::Byte
            | Builtin::UnsignedLong
            | Builtin::UnsignedInt
            | Builtin::UnsignedShort
            | Builtin::UnsignedByte
    )
}

/// Whether `value` (white space already applied) is in the lexical space of `builtin`.
pub(crate) fn is_lexical(builtin: Builtin, value: &str) -> bool {
    match builtin {
        Builtin::AnySimpleType
        | Builtin::String
        | Builtin::NormalizedString
        | Builtin::Token
        | Builtin::AnyUri
        | Builtin::Notation => true,
        Builtin::Language => is_language(value),
        Builtin::Name => is_name(value),
        Builtin::NcName | Builtin::Id | Builtin::IdRef | Builtin::Entity => is_ncname(value),
        Builtin::IdRefs | Builtin::Entities => !value.is_empty() && value.split(' ').all(is_ncname),
        Builtin::NmToken => is_nmtoken(value),
        Builtin::NmTokens => !value.is_empty() && value.split(' ').all(is_nmtoken),
        Builtin::Boolean => matches!(value, "true" | "false" | "1" | "0"),
        Builtin::Decimal => is_decimal(value),
        Builtin::Double | Builtin::Float => is_double(value),
        Builtin::DateTime | Builtin::Date | Builtin::Time | Builtin::GYear | Builtin::GYearMonth => {
            is_date_time(builtin, value)
        }
        Builtin::GMonth => matches_shape(value, "--MM", true) && month_ok(&value[2..4]),
        Builtin::GMonthDay => matches_shape(value, "--MM-DD", true) && month_ok(&value[2..4]) && day_ok(&value[5..7]),
        Builtin::GDay => matches_shape(value, "---DD", true) && day_ok(&value[3..5]),
        Builtin::Duration => is_duration(value),
        Builtin::Base64Binary => is_base64(value),
        Builtin::HexBinary => value.len().is_multiple_of(2) && value.bytes().all(|b| b.is_ascii_hexdigit()),
        Builtin::QName => match value.split_once(':') {
            Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
            None => is_ncname(value),
        },
        // The integer types.
        _ => integer(builtin, value).is_ok(),
    }
}

fn describe(builtin: Builtin) -> Msg {
    let name = BUILTINS.iter().find(|(_, b)| *b == builtin).map_or("value", |(name, _)| name);
    msg!("xsd-builtin", name = name)
}

/// At most 60 characters of a value, for messages.
pub(crate) fn shorten(value: &str) -> String {
    if value.chars().count() <= 60 {
        value.to_owned()
    } else {
        format!("{}…", value.chars().take(60).collect::<String>())
    }
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '\u{B7}') || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

fn is_ncname(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

fn is_name(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(|c| is_name_start(c) || c == ':') && chars.all(|c| is_name_char(c) || c == ':')
}

fn is_nmtoken(value: &str) -> bool {
    !value.is_empty() && value.chars().all(|c| is_name_char(c) || c == ':')
}

fn is_language(value: &str) -> bool {
    let mut parts = value.split('-');
    let first = parts.next().unwrap_or_default();
    (1..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_decimal(value: &str) -> bool {
    let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    (!whole.is_empty() || !fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn is_double(value: &str) -> bool {
    if matches!(value, "INF" | "-INF" | "+INF" | "NaN") {
        return true;
    }
    let (mantissa, exponent) = match value.find(['e', 'E']) {
        Some(at) => (&value[..at], Some(&value[at + 1..])),
        None => (value, None),
    };
    is_decimal(mantissa)
        && exponent.is_none_or(|exponent| {
            let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
}

fn integer(builtin: Builtin, value: &str) -> Result<(), Msg> {
    let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(msg!("xsd-not-valid", value = shorten(value), type_ = describe(builtin)));
    }
    let negative = value.starts_with('-') && digits.bytes().any(|b| b != b'0');
    let zero = !digits.bytes().any(|b| b != b'0');
    // Beyond 38 digits only the sign matters for the unbounded types.
    let number: Option<i128> = value.parse().ok();
    let (low, high): (Option<i128>, Option<i128>) = match builtin {
        Builtin::Long => (Some(i64::MIN.into()), Some(i64::MAX.into())),
        Builtin::Int => (Some(i32::MIN.into()), Some(i32::MAX.into())),
        Builtin::Short => (Some(i16::MIN.into()), Some(i16::MAX.into())),
        Builtin::Byte => (Some(i8::MIN.into()), Some(i8::MAX.into())),
        Builtin::UnsignedLong => (Some(0), Some(u64::MAX.into())),
        Builtin::UnsignedInt => (Some(0), Some(u32::MAX.into())),
        Builtin::UnsignedShort => (Some(0), Some(u16::MAX.into())),
        Builtin::UnsignedByte => (Some(0), Some(u8::MAX.into())),
        _ => (None, None),
    };
    let sign_ok = match builtin {
        Builtin::NonPositiveInteger => negative || zero,
        Builtin::NegativeInteger => negative,
        Builtin::NonNegativeInteger => !negative,
        Builtin::PositiveInteger => !negative && !zero,
        _ => true,
    };
    let range_ok = match (number, low, high) {
        (_, None, None) => true,
        (Some(number), Some(low), Some(high)) => (low..=high).contains(&number),
        _ => false,
    };
    if sign_ok && range_ok {
        Ok(())
    } else {
        Err(msg!("xsd-out-of-range", value = shorten(value), type_ = describe(builtin)))
    }
}

/// Whether `value` has the shape of `shape` (`D`, `M`, `Y`, `h`, `m`, `s` digits, other
/// characters literal), optionally followed by a time zone.
fn matches_shape(value: &str, shape: &str, zone: bool) -> bool {
    // `get` rather than slicing: a multi-byte character may straddle the shape's end.
    let Some(main) = value.get(..shape.len()) else { return false };
    let rest = &value[shape.len()..];
    main.bytes().zip(shape.bytes()).all(|(v, s)| match s {
        b'D' | b'M' | b'Y' | b'h' | b'm' | b's' => v.is_ascii_digit(),
        literal => v == literal,
    }) && (rest.is_empty() || (zone && is_zone(rest)))
}

fn is_zone(zone: &str) -> bool {
    zone == "Z"
        || (zone.len() == 6
            && matches!(zone.as_bytes()[0], b'+' | b'-')
            && matches_shape(&zone[1..], "hh:mm", false)
            && zone[1..3] <= *"14"
            && zone[4..6] <= *"59")
}

fn month_ok(month: &str) -> bool {
    ("01"..="12").contains(&month)
}

fn day_ok(day: &str) -> bool {
    ("01"..="31").contains(&day)
}

fn is_date_time(builtin: Builtin, value: &str) -> bool {
    // An optional minus and a year of at least four digits come first, except for xs:time.
    let mut rest = value;
    if builtin != Builtin::Time {
        rest = rest.strip_prefix('-').unwrap_or(rest);
        let year_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if year_len < 4 || (year_len > 4 && rest.starts_with('0')) {
            return false;
        }
        rest = &rest[year_len..];
    }
    let time = |text: &str| -> Option<usize> {
        // hh:mm:ss(.s+)? returning the length consumed.
        if !matches_shape(text.get(..8)?, "hh:mm:ss", false) {
            return None;
        }
        let (hour, minute, second) = (&text[..2], &text[3..5], &text[6..8]);
        let valid = (hour < "24" || &text[..8] == "24:00:00") && minute <= "59" && second <= "59";
        if !valid {
            return None;
        }
        let mut used = 8;
        if text[8..].starts_with('.') {
            let fraction = text[9..].bytes().take_while(u8::is_ascii_digit).count();
            if fraction == 0 {
                return None;
            }
            used += 1 + fraction;
        }
        Some(used)
    };
    let tail = match builtin {
        Builtin::GYear => rest,
        Builtin::GYearMonth => {
            if !matches_shape(rest.get(..3).unwrap_or_default(), "-MM", false) || !month_ok(&rest[1..3]) {
                return false;
            }
            &rest[3..]
        }
        Builtin::Date | Builtin::DateTime => {
            let Some(date) = rest.get(..6) else { return false };
            if !matches_shape(date, "-MM-DD", false) || !month_ok(&date[1..3]) || !day_ok(&date[4..6]) {
                return false;
            }
            let after = &rest[6..];
            if builtin == Builtin::Date {
                after
            } else {
                let Some(clock) = after.strip_prefix('T') else { return false };
                match time(clock) {
                    Some(used) => &clock[used..],
                    None => return false,
                }
            }
        }
        Builtin::Time => match time(rest) {
            Some(used) => &rest[used..],
            None => return false,
        },
        _ => return false,
    };
    tail.is_empty() || is_zone(tail)
}

fn is_duration(value: &str) -> bool {
    let body = value.strip_prefix('-').unwrap_or(value);
    let Some(body) = body.strip_prefix('P') else { return false };
    if body.is_empty() || body.ends_with('T') {
        return false;
    }
    let (date, time) = body.split_once('T').unwrap_or((body, ""));
    let parts = |text: &str, units: &[u8], seconds: bool| -> bool {
        let mut rest = text;
        let mut last = 0;
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(|b| b.is_ascii_digit() || (seconds && *b == b'.')).count();
            if digits == 0 {
                return false;
            }
            let Some(&unit) = rest.as_bytes().get(digits) else { return false };
            let Some(position) = units.iter().position(|u| *u == unit) else { return false };
            if position < last || (unit != b'S' && rest[..digits].contains('.')) {
                return false;
            }
            last = position + 1;
            rest = &rest[digits + 1..];
        }
        true
    };
    parts(date, b"YMD", false) && parts(time, b"HMS", true)
}

fn is_base64(value: &str) -> bool {
    let compact: Vec<u8> = value.bytes().filter(|b| *b != b' ').collect();
    let padding = compact.iter().rev().take_while(|b| **b == b'=').count();
    compact.len().is_multiple_of(4)
        && padding <= 2
        && compact[..compact.len() - padding].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
}

/// Translates an XSD regular expression (always anchored at both ends) into the `regex` crate's
/// syntax. Block escapes (`\p{IsBasicLatin}`) and character class subtraction are refused.
pub(crate) fn translate_pattern(pattern: &str) -> Result<Regex, Msg> {
    let mut out = String::from("^(?:");
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_class_start = std::mem::take(&mut class_start);
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else { return Err(msg!("xsd-regex-lone-backslash")) };
                match escaped {
                    'i' | 'I' | 'c' | 'C' => {
                        let class = match escaped {
                            'i' => "\\p{L}_:",
                            'c' => "\\p{L}\\p{N}._:\\-\\u{B7}",
                            'I' => "^\\p{L}_:",
                            _ => "^\\p{L}\\p{N}._:\\-\\u{B7}",
                        };
                        if in_class {
                            if escaped.is_ascii_uppercase() {
                                return Err(msg!("xsd-regex-escape-in-class", escaped = escaped.to_string()));
                            }
                            out.push_str(class);
                        } else {
                            out.push('[');
                            out.push_str(class);
                            out.push(']');
                        }
                    }
                    's' => out.push_str(if in_class { " \\t\\n\\r" } else { "[ \\t\\n\\r]" }),
                    'S' if !in_class => out.push_str("[^ \\t\\n\\r]"),
                    'p' | 'P' => {
                        if chars.peek() != Some(&'{') {
                            return Err(msg!("xsd-regex-no-property", escaped = escaped.to_string()));
                        }
                        let mut property = String::new();
                        for next in chars.by_ref() {
                            property.push(next);
                            if next == '}' {
                                break;
                            }
                        }
                        if property.starts_with("{Is") {
                            return Err(msg!("xsd-regex-block", escaped = escaped.to_string(), property = property));
                        }
                        out.push('\\');
                        out.push(escaped);
                        out.push_str(&property);
                    }
                    'n' | 'r' | 't' | 'd' | 'D' | 'w' | 'W' | 'S' | '\\' | '|' | '.' | '-' | '^' | '?' | '*' | '+'
                    | '{' | '}' | '(' | ')' | '[' | ']' => {
                        out.push('\\');
                        out.push(escaped);
                    }
                    other => return Err(msg!("xsd-regex-unknown-escape", escaped = other.to_string())),
                }
            }
            '[' if in_class => {
                if out.ends_with('-') {
                    return Err(msg!("xsd-regex-subtraction"));
                }
                out.push_str("\\[");
            }
            '[' => {
                in_class = true;
                class_start = true;
                out.push('[');
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '^' if in_class && at_class_start => out.push('^'),
            '^' | '$' | '&' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '.' if !in_class => out.push_str("[^\\n\\r]"),
            other => out.push(other),
        }
    }
    if in_class {
        return Err(msg!("xsd-regex-unclosed"));
    }
    out.push_str(")$");
    regex::RegexBuilder::new(&out)
        .size_limit(1 << 20)
        .build()
        .map_err(|error| msg!("xsd-regex-not-runnable", error = error.to_string()))
}

/// Compares two numbers written as decimals or doubles; `None` when either is not a number.
pub(crate) fn compare_numbers(left: &str, right: &str) -> Option<std::cmp::Ordering> {
    let parse = |text: &str| -> Option<f64> {
        match text {
            "INF" | "+INF" => Some(f64::INFINITY),
            "-INF" => Some(f64::NEG_INFINITY),
            _ if is_double(text) => text.parse().ok(),
            _ => None,
        }
    };
    parse(left)?.partial_cmp(&parse(right)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lexical_spaces() {
        for (builtin, good, bad) in [
            (Builtin::Boolean, vec!["true", "0"], vec!["True", "yes", ""]),
            (Builtin::Decimal, vec!["0.5", "-1", ".5", "1."], vec!["1e3", "", ".", "1,5"]),
            (Builtin::Double, vec!["1e3", "INF", "NaN", "-0.5E-2"], vec!["inf", "1e", "e3"]),
            (Builtin::Int, vec!["2147483647", "-5", "+7"], vec!["2147483648", "1.0", ""]),
            (Builtin::NonNegativeInteger, vec!["0", "-0", "12"], vec!["-1"]),
            (Builtin::PositiveInteger, vec!["1"], vec!["0", "-3"]),
            (
                Builtin::DateTime,
                vec!["2015-05-26T11:09:54Z", "2015-05-26T11:09:54.123+03:00"],
                vec!["2015-05-26", "2015-13-01T00:00:00", "2015-05-26T11:09"],
            ),
            (Builtin::Date, vec!["2026-11-12", "2026-11-12Z"], vec!["20261112", "2026-1-12"]),
            (Builtin::GYear, vec!["2026", "-0044"], vec!["26", "02026"]),
            (Builtin::GMonthDay, vec!["--11-12"], vec!["-ä1", "--1ä", "--13-01"]),
            // A multi-byte character across the shape's end once panicked (split_at).
            (Builtin::GMonth, vec!["--11", "--11Z"], vec!["--1ä", "--13"]),
            (Builtin::Time, vec!["09:12:00", "24:00:00"], vec!["9:12:00", "09:12:0ä"]),
            (Builtin::Duration, vec!["P1Y2M", "PT5M", "-P3DT4H5.5S"], vec!["P", "PT", "P1S", "1Y"]),
            (Builtin::NcName, vec!["OID1.2.246", "_a-b"], vec!["1abc", "a:b", ""]),
            (Builtin::IdRefs, vec!["a b c"], vec![""]),
            (Builtin::Language, vec!["fi", "fi-FI", "sv-x-1"], vec!["", "toolonglanguage"]),
            (Builtin::Base64Binary, vec!["QUJD", "QQ=="], vec!["QUJ", "Q==="]),
            (Builtin::HexBinary, vec!["0aFF"], vec!["0aF", "zz"]),
        ] {
            for value in good {
                assert!(lexical(builtin, value).is_ok(), "{builtin:?} {value}");
            }
            for value in bad {
                assert!(lexical(builtin, value).is_err(), "{builtin:?} {value}");
            }
        }
    }

    proptest::proptest! {
        /// No value, however odd its characters, makes a built-in type's check panic.
        #[test]
        fn lexical_checks_never_panic(value in "\\PC{0,24}", index in 0usize..BUILTINS.len()) {
            let _ = lexical(BUILTINS[index].1, &value);
            let _ = WhiteSpace::Collapse.apply(&value);
            let _ = translate_pattern(&value);
        }
    }

    #[test]
    fn white_space() {
        assert_eq!(WhiteSpace::Collapse.apply("  a \n b  "), "a b");
        assert_eq!(WhiteSpace::Replace.apply("a\tb"), "a b");
        assert_eq!(WhiteSpace::Preserve.apply(" a "), " a ");
    }

    #[test]
    fn xsd_patterns_from_the_hl7_schemas() {
        let oid = translate_pattern("[0-2](\\.(0|[1-9][0-9]*))*").expect("oid");
        assert!(oid.is_match("1.2.246.10.12345671") && !oid.is_match("1.2.246.10.012") && !oid.is_match("x1.2"));
        let ts = translate_pattern("[0-9]{1,8}|([0-9]{9,14}|[0-9]{14,14}\\.[0-9]+)([+\\-][0-9]{1,4})?").expect("ts");
        assert!(ts.is_match("20150429100314") && ts.is_match("20261112091200+0200") && !ts.is_match("2015-04-29"));
        let token = translate_pattern("[^\\s]+").expect("token");
        assert!(token.is_match("abc") && !token.is_match("a b"));
        let dollar = translate_pattern("a$b^c").expect("literal anchors");
        assert!(dollar.is_match("a$b^c"));
        assert!(translate_pattern("\\i\\c*").expect("name").is_match("ab.c"));
        assert!(translate_pattern("\\p{IsBasicLatin}+").is_err());
        assert!(translate_pattern("[a-z-[aeiou]]").is_err());
        assert!(translate_pattern("a.b").expect("dot").is_match("axb"));
    }
}
