//! Personal identity code (henkilötunnus): `DDMMYY` + century sign + individual number `ZZZ` +
//! check character. Source: Population Information Decree 128/2010 and DVV's 2023 reform, which
//! added the century signs `Y X W V U` (1900s) and `B C D E F` (2000s).

use std::fmt;

/// The check characters, indexed by `DDMMYYZZZ mod 31`.
const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// The century a century sign stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Century {
    /// `+`
    Eighteen,
    /// `-`, `Y`, `X`, `W`, `V`, `U`
    Nineteen,
    /// `A`, `B`, `C`, `D`, `E`, `F`
    Twenty,
}

impl Century {
    fn from_sign(sign: u8) -> Option<Self> {
        match sign {
            b'+' => Some(Self::Eighteen),
            b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => Some(Self::Nineteen),
            b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => Some(Self::Twenty),
            _ => None,
        }
    }

    fn base_year(self) -> u16 {
        match self {
            Self::Eighteen => 1800,
            Self::Nineteen => 1900,
            Self::Twenty => 2000,
        }
    }
}

/// Why a string is not a valid personal identity code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HetuError {
    /// Not 11 characters of the `DDMMYYCZZZQ` shape.
    Shape,
    /// The century sign is not one of `+ - Y X W V U A B C D E F`.
    CenturySign(char),
    /// The date part is not a real calendar date.
    Date,
    /// Individual number 000 or 001 is never issued.
    IndividualNumber,
    /// The check character does not match; carries the expected one.
    CheckCharacter { expected: char },
}

/// A check-valid personal identity code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Hetu {
    bytes: [u8; 11],
    year: u16,
    month: u8,
    day: u8,
    individual_number: u16,
}

impl Hetu {
    /// Parses and validates a code: shape, century sign, calendar date, individual number and
    /// check character.
    pub fn parse(text: &str) -> Result<Self, HetuError> {
        let bytes: [u8; 11] = text.as_bytes().try_into().map_err(|_| HetuError::Shape)?;
        let digits_ok = bytes[..6].iter().chain(&bytes[7..10]).all(u8::is_ascii_digit);
        if !digits_ok || !bytes[10].is_ascii_alphanumeric() {
            return Err(HetuError::Shape);
        }
        let century = Century::from_sign(bytes[6]).ok_or(HetuError::CenturySign(bytes[6] as char))?;
        let number = |range: std::ops::Range<usize>| {
            bytes[range].iter().fold(0u32, |acc, digit| acc * 10 + u32::from(digit - b'0'))
        };
        let day = number(0..2) as u8;
        let month = number(2..4) as u8;
        let year = century.base_year() + number(4..6) as u16;
        if !is_calendar_date(year, month, day) {
            return Err(HetuError::Date);
        }
        let individual_number = number(7..10) as u16;
        if individual_number < 2 {
            return Err(HetuError::IndividualNumber);
        }
        let checked = number(0..6) * 1000 + u32::from(individual_number);
        let expected = CHECK_CHARACTERS[(checked % 31) as usize];
        if bytes[10] != expected {
            return Err(HetuError::CheckCharacter { expected: expected as char });
        }
        Ok(Self { bytes, year, month, day, individual_number })
    }

    /// Individual numbers 900–999 are temporary and test identities; Kanta test environments
    /// accept only these.
    pub fn is_test_identity(&self) -> bool {
        self.individual_number >= 900
    }

    /// The date of birth as (year, month, day).
    pub fn birth_date(&self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The individual number `ZZZ`.
    pub fn individual_number(&self) -> u16 {
        self.individual_number
    }

    /// The code with everything after the first digit of the individual number hidden
    /// (`010181-9***`): enough for a person to find it in their file, useless to anyone else.
    pub fn masked(&self) -> String {
        let mut masked = String::with_capacity(11);
        masked.extend(self.bytes[..8].iter().map(|&byte| byte as char));
        masked.push_str("***");
        masked
    }

    /// The whole code. Callers that write reports use [`Hetu::masked`] instead.
    pub fn as_str(&self) -> &str {
        // The bytes were checked to be ASCII in `parse`.
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }
}

impl fmt::Debug for Hetu {
    /// Debug output is masked too, so that a stray `{:?}` cannot leak a real person's code.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "Hetu({})", self.masked())
    }
}

impl HetuError {
    /// What is wrong, as a message to render in the run's language.
    pub fn message(&self) -> valmis_i18n::Msg {
        use valmis_i18n::msg;
        match self {
            Self::Shape => msg!("hetu-shape"),
            Self::CenturySign(sign) => msg!("hetu-century-sign", sign = sign.to_string()),
            Self::Date => msg!("hetu-date"),
            Self::IndividualNumber => msg!("hetu-individual-number"),
            Self::CheckCharacter { expected } => msg!("hetu-check-character", expected = expected.to_string()),
        }
    }
}

impl fmt::Display for HetuError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.message())
    }
}

impl std::error::Error for HetuError {}

fn is_calendar_date(year: u16, month: u8, day: u8) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// A check-valid identity code found in a text, with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HetuMatch {
    /// Byte offset of the first character.
    pub offset: usize,
    /// The parsed code.
    pub hetu: Hetu,
}

/// Finds every check-valid personal identity code in `haystack` wherever a person would read
/// one: on its own, glued to a word before it (`hetu:131052-308T`, `potilas is131052-308T`,
/// `id131052-308T`), and with a lower-case century sign or check character (`131052-308t`,
/// `010181a900c`). Works on bytes so that Latin-1 or otherwise non-UTF-8 text is scanned too: the
/// codes themselves are ASCII.
///
/// What is not a code, although eleven of its characters may spell a valid one: a run glued to
/// digits before it or to any letter or digit after it (timestamps like `20261112T131052+0200`,
/// phone numbers, hashes, base64), and the inside of a UUID (`ab131052-0040-4a7e-...`).
pub fn scan_hetus(haystack: &[u8]) -> Vec<HetuMatch> {
    let mut found = Vec::new();
    if haystack.len() < 11 {
        return found;
    }
    let mut start = 0;
    while start + 11 <= haystack.len() {
        // A code starts with six digits, so when the byte at `start + 5` is not a digit no code
        // starts anywhere in `start..=start + 5`: most text is passed over six bytes at a time.
        if !haystack[start + 5].is_ascii_digit() {
            start += 6;
            continue;
        }
        let sign_at = start + 6;
        if haystack[sign_at].is_ascii_digit() {
            // A code's sign is not a digit, and its six digits hold no other byte: inside a run
            // of digits (a timestamp, an OID's arc) the only place a code can start is six
            // bytes before the first byte after the run.
            let run_end = haystack[sign_at..]
                .iter()
                .position(|byte| !byte.is_ascii_digit())
                .map_or(haystack.len(), |offset| sign_at + offset);
            start = run_end - 6;
            continue;
        }
        // `sign_at` is not a digit, so no code starting in `start + 1..=start + 6` can hold it:
        // after this one candidate the next is at `start + 7`.
        let sign = haystack[sign_at].to_ascii_uppercase();
        if Century::from_sign(sign).is_some() && haystack[start].is_ascii_digit() {
            let after = start + 11 == haystack.len() || !haystack[start + 11].is_ascii_alphanumeric();
            if after
                && glued_word_before(haystack, start)
                && !inside_uuid(haystack, start)
                && let Some(hetu) = parse_case_insensitive(&haystack[start..start + 11])
            {
                found.push(HetuMatch { offset: start, hetu });
                start += 11;
                continue;
            }
        }
        start += 7;
    }
    found
}

/// Whether what sits right before `start` lets a code begin there: nothing, a character that is
/// not an ASCII letter or digit, or letters only back to such a character (a word the code is
/// glued to). A digit anywhere in that run makes it part of a longer number, hash or base64.
fn glued_word_before(haystack: &[u8], start: usize) -> bool {
    haystack[..start].iter().rev().take_while(|byte| byte.is_ascii_alphanumeric()).all(u8::is_ascii_alphabetic)
}

/// Whether the eleven bytes at `start` lie inside a UUID (`8-4-4-4-12` hexadecimal digits).
fn inside_uuid(haystack: &[u8], start: usize) -> bool {
    const UUID: usize = 36;
    let first = (start + 11).saturating_sub(UUID);
    (first..=start).any(|candidate| {
        haystack.get(candidate..candidate + UUID).is_some_and(|text| {
            text.iter().enumerate().all(|(index, byte)| {
                if matches!(index, 8 | 13 | 18 | 23) { *byte == b'-' } else { byte.is_ascii_hexdigit() }
            })
        })
    })
}

/// Parses eleven bytes as a code, reading a lower-case century sign or check character as its
/// upper-case form; the code keeps the bytes as written.
fn parse_case_insensitive(bytes: &[u8]) -> Option<Hetu> {
    let upper: Vec<u8> = bytes.iter().map(u8::to_ascii_uppercase).collect();
    let mut hetu = Hetu::parse(std::str::from_utf8(&upper).ok()?).ok()?;
    hetu.bytes.copy_from_slice(bytes);
    Some(hetu)
}

#[cfg(test)]
mod tests {
    use super::{Century, glued_word_before, inside_uuid, parse_case_insensitive, scan_hetus};
    use proptest::prelude::*;

    /// Every position tried in turn, as the scanner was first written: the oracle for its skips.
    fn every_position(haystack: &[u8]) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        let mut start = 0;
        while start + 11 <= haystack.len() {
            let digits = haystack[start..start + 6].iter().all(u8::is_ascii_digit);
            let sign = Century::from_sign(haystack[start + 6].to_ascii_uppercase()).is_some();
            let after = start + 11 == haystack.len() || !haystack[start + 11].is_ascii_alphanumeric();
            if digits
                && sign
                && after
                && glued_word_before(haystack, start)
                && !inside_uuid(haystack, start)
                && let Some(hetu) = parse_case_insensitive(&haystack[start..start + 11])
            {
                found.push((start, hetu.as_str().to_owned()));
                start += 11;
                continue;
            }
            start += 1;
        }
        found
    }

    fn scanned(haystack: &[u8]) -> Vec<(usize, String)> {
        scan_hetus(haystack).into_iter().map(|found| (found.offset, found.hetu.as_str().to_owned())).collect()
    }

    proptest! {
        #[test]
        fn skipping_finds_what_trying_every_position_finds(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("131052-308T".to_owned()),
                    Just("010181-900C".to_owned()),
                    Just("010181a900c".to_owned()),
                    "[0-9]{1,16}",
                    "[-+ .:ABCXYT]{1,3}",
                    "[a-z]{1,4}",
                ],
                0..12,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(scanned(text.as_bytes()), every_position(text.as_bytes()), "{}", text);
        }
    }

    #[test]
    fn codes_after_runs_of_digits_and_signs() {
        for text in [
            "20261112131052-308T",
            "1.2.246.10.131052-308T",
            "x 131052-308T",
            "131052-308T131052-308T",
            "2026111213105131052-308T",
            "010181-900C 131052-308T",
            "123456A-131052-308T",
        ] {
            assert_eq!(scanned(text.as_bytes()), every_position(text.as_bytes()), "{text}");
        }
        assert_eq!(scanned(b"potilas 131052-308T."), vec![(8, "131052-308T".to_owned())]);
    }
}
