//! Cell values with meaning: results (with their Finnish aliases), execution times, evidence
//! lists.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

use crate::fold;

/// A case result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultValue {
    /// `pass`, `ok`, `hyväksytty`.
    Pass,
    /// `fail`, `nok`, `hylätty`.
    Fail,
    /// `not-applicable`, `ei sovellu`.
    NotApplicable,
}

impl ResultValue {
    /// The canonical spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotApplicable => "not-applicable",
        }
    }
}

/// Reads a result cell: `pass | fail | not-applicable` and the aliases of SPEC §3, ignoring case,
/// surrounding space, and `_`/space for `-`.
pub fn parse_result(value: &str) -> Option<ResultValue> {
    match fold(value).replace('_', "-").as_str() {
        "pass" | "passed" | "ok" | "hyvaksytty" => Some(ResultValue::Pass),
        "fail" | "failed" | "nok" | "hylatty" => Some(ResultValue::Fail),
        "not-applicable" | "n/a" | "ei-sovellu" => Some(ResultValue::NotApplicable),
        _ => None,
    }
}

/// When a case ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutedAt {
    /// An RFC 3339 time with an offset.
    Instant(Timestamp),
    /// A date, or a local time without an offset, which is compared by its date.
    Date(Date),
}

impl ExecutedAt {
    /// The date of the run (in UTC for instants).
    pub fn date(self) -> Date {
        match self {
            Self::Instant(instant) => instant.to_zoned(jiff::tz::TimeZone::UTC).date(),
            Self::Date(date) => date,
        }
    }
}

/// An `executed_at` value in none of the accepted forms; it says which forms are accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date: use RFC 3339 (2026-11-12T09:14:00+02:00), YYYY-MM-DD (2026-11-12), \
     YYYY-MM-DD HH:MM, or the Finnish 12.11.2026 with an optional time (12.11.2026 9.14)"
)]
pub struct NotADate(pub String);

/// Reads `executed_at`: RFC 3339 (`2026-11-12T09:14:00+02:00`) or `YYYY-MM-DD` as SPEC §3 says,
/// and, because spreadsheets write them, a local `YYYY-MM-DD HH:MM[:SS]` and the Finnish
/// `12.11.2026` (optionally followed by a time). The error says which forms are accepted.
pub fn parse_executed_at(value: &str) -> Result<ExecutedAt, NotADate> {
    let value = value.trim();
    if let Ok(instant) = value.parse::<Timestamp>() {
        return Ok(ExecutedAt::Instant(instant));
    }
    if let Ok(date) = value.parse::<Date>() {
        return Ok(ExecutedAt::Date(date));
    }
    if let Ok(datetime) = value.parse::<DateTime>() {
        return Ok(ExecutedAt::Date(datetime.date()));
    }
    if let Some(date) = finnish_date(value) {
        return Ok(ExecutedAt::Date(date));
    }
    Err(NotADate(value.to_owned()))
}

/// `d.m.yyyy`, optionally followed by a time (`12.11.2026 9.14`, `12.11.2026 klo 9:14`).
fn finnish_date(value: &str) -> Option<Date> {
    let date_part = value.split_whitespace().next()?;
    let mut parts = date_part.trim_end_matches('.').split('.');
    let day: i8 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let year_text = parts.next()?;
    if parts.next().is_some() || year_text.len() != 4 {
        return None;
    }
    let year: i16 = year_text.parse().ok()?;
    let rest: Vec<&str> = value.split_whitespace().skip(1).filter(|word| *word != "klo").collect();
    let time_is_plausible = match rest.as_slice() {
        [] => true,
        [time] => time.split([':', '.']).all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())),
        _ => false,
    };
    if !time_is_plausible {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// The paths of an `evidence` cell: separated by `;` (or line breaks inside a spreadsheet cell),
/// trimmed, blanks dropped.
pub fn split_evidence(value: &str) -> Vec<&str> {
    value.split([';', '\n']).map(str::trim).filter(|path| !path.is_empty()).collect()
}
