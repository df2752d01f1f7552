//! Business id (Y-tunnus) `NNNNNNN-C`: seven digits and a check digit computed with the weights
//! 7, 9, 10, 5, 8, 4, 2 modulo 11 (a remainder of 1 is never issued).

use std::fmt;

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// Why a string is not a valid business id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusinessIdError {
    /// Not `NNNNNNN-C`.
    Shape,
    /// The seven digits give remainder 1, which no issued id has.
    Unissuable,
    /// The check digit is wrong; carries the expected one.
    CheckDigit { expected: u8 },
}

/// A check-valid business id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BusinessId {
    digits: [u8; 8],
}

impl BusinessId {
    /// Parses `NNNNNNN-C` and verifies the check digit.
    pub fn parse(text: &str) -> Result<Self, BusinessIdError> {
        let bytes = text.as_bytes();
        if bytes.len() != 9 || bytes[7] != b'-' {
            return Err(BusinessIdError::Shape);
        }
        let mut digits = [0u8; 8];
        for (slot, &byte) in digits.iter_mut().zip(bytes[..7].iter().chain(&bytes[8..])) {
            if !byte.is_ascii_digit() {
                return Err(BusinessIdError::Shape);
            }
            *slot = byte - b'0';
        }
        let sum: u32 = digits[..7].iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d) * w).sum();
        let expected = match sum % 11 {
            0 => 0,
            1 => return Err(BusinessIdError::Unissuable),
            remainder => (11 - remainder) as u8,
        };
        if digits[7] != expected {
            return Err(BusinessIdError::CheckDigit { expected });
        }
        Ok(Self { digits })
    }

    /// The business id whose organisation arc number (JHS 159: the eight digits without the
    /// hyphen and without leading zeros) is `number`: `2048198` is `0204819-8`. An arc number
    /// that is not one to eight digits is `Shape`; a wrong last digit is `CheckDigit`.
    pub fn from_arc_number(number: &str) -> Result<Self, BusinessIdError> {
        if number.is_empty() || number.len() > 8 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BusinessIdError::Shape);
        }
        let padded = format!("{number:0>8}");
        Self::parse(&format!("{}-{}", &padded[..7], &padded[7..]))
    }

    /// The organisation OID arc of JHS 159: `1.2.246.10.` followed by the eight digits without
    /// the hyphen and without leading zeros (`0204819-8` → `1.2.246.10.2048198`).
    pub fn organisation_oid(&self) -> String {
        let number = self.digits.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d));
        format!("1.2.246.10.{number}")
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for digit in &self.digits[..7] {
            write!(formatter, "{digit}")?;
        }
        write!(formatter, "-{}", self.digits[7])
    }
}

impl BusinessIdError {
    /// What is wrong, as a message to render in the run's language.
    pub fn message(&self) -> valmis_i18n::Msg {
        use valmis_i18n::msg;
        match self {
            Self::Shape => msg!("business-id-shape"),
            Self::Unissuable => msg!("business-id-unissuable"),
            Self::CheckDigit { expected } => msg!("business-id-check-digit", expected = u32::from(*expected)),
        }
    }
}

impl fmt::Display for BusinessIdError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.message())
    }
}

impl std::error::Error for BusinessIdError {}
