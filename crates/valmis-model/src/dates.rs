//! TOML dates (`submitted = 2026-11-20`, `expires = 2027-01-31`, the catalog's deadlines) as
//! calendar dates, in one place and without lossy casts.

/// Why a TOML value is not a plain calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// It has a time or an offset, or no date at all (`2026-11-20T12:00:00`, `12:00:00`).
    #[error("not a plain date like 2027-03-01")]
    NotPlainDate,
    /// Its parts make no calendar date (`2027-02-30`).
    #[error("{0}")]
    Invalid(valmis_i18n::Msg),
}

/// A TOML local date (a date without time or offset) as a `jiff` calendar date.
pub fn plain_date(value: &toml::value::Datetime) -> Result<jiff::civil::Date, DateError> {
    match (value.time, value.offset) {
        (None, None) => date_part(value),
        _ => Err(DateError::NotPlainDate),
    }
}

/// The date of a TOML date or date-time, whatever its time (`2026-11-20T12:00:00` is 2026-11-20).
pub fn date_part(value: &toml::value::Datetime) -> Result<jiff::civil::Date, DateError> {
    let Some(date) = value.date else { return Err(DateError::NotPlainDate) };
    let out_of_range = |message: valmis_i18n::Msg| DateError::Invalid(message);
    let year = i16::try_from(date.year)
        .map_err(|_| out_of_range(valmis_i18n::msg!("date-year-range", value = date.year.to_string())))?;
    let month = i8::try_from(date.month)
        .map_err(|_| out_of_range(valmis_i18n::msg!("date-month-range", value = date.month.to_string())))?;
    let day = i8::try_from(date.day)
        .map_err(|_| out_of_range(valmis_i18n::msg!("date-day-range", value = date.day.to_string())))?;
    jiff::civil::Date::new(year, month, day).map_err(|error| DateError::Invalid(crate::parser_said(&error.to_string())))
}

#[cfg(test)]
mod tests {
    use super::{DateError, date_part, plain_date};

    fn parse(text: &str) -> toml::value::Datetime {
        text.parse().expect("a TOML datetime")
    }

    #[test]
    fn only_a_plain_valid_date_is_a_date() {
        assert_eq!(plain_date(&parse("2027-01-31")), Ok(jiff::civil::date(2027, 1, 31)));
        assert_eq!(plain_date(&parse("2026-11-20T12:00:00")), Err(DateError::NotPlainDate));
        assert_eq!(plain_date(&parse("2026-11-20T12:00:00Z")), Err(DateError::NotPlainDate));
        assert_eq!(plain_date(&parse("12:00:00")), Err(DateError::NotPlainDate));
        // The toml crate refuses impossible dates itself; a value built by hand is checked here.
        let mut impossible = parse("2027-02-28");
        if let Some(date) = impossible.date.as_mut() {
            date.day = 30;
        }
        assert!(matches!(plain_date(&impossible), Err(DateError::Invalid(_))));
        assert_eq!(date_part(&parse("2026-11-20T12:00:00+02:00")), Ok(jiff::civil::date(2026, 11, 20)));
    }
}
