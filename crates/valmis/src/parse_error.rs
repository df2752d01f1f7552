//! Command-line mistakes in the run's language and in valmis's own form (`valmis: error: …`).
//! clap says its errors in English only; this reads what clap found (the kind of mistake, the
//! argument, the value, a similar name, the usage line) from the error's context and says it
//! with the message files.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::lang::tr;

/// clap's `error`, said by valmis: what is wrong, a similar name when clap found one, the usage
/// line, and where to read more (`command --help`, `command` being `valmis verify` or so).
pub(crate) fn said(error: &Error, command: &str) -> String {
    let mut text = tr!("cli-error", message = message(error));
    let similar = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .find_map(|kind| string(error, kind))
        .or_else(|| option_for_value(error, command));
    if let Some(similar) = similar {
        text.push_str("\n\n  ");
        text.push_str(&tr!("did-you-mean", near = similar));
    }
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage.to_string(),
        _ => String::new(),
    };
    // clap's usage starts with its English title, `Usage:`.
    let line = usage.trim_start().strip_prefix("Usage:").unwrap_or(&usage).trim();
    if !line.is_empty() {
        text.push_str(&format!("\n\n{} {line}", tr!("help-heading-usage")));
    }
    text.push_str(&format!("\n\n{}", tr!("cli-parse-more", help = format!("{command} --help"))));
    text
}

/// Commands whose one argument is a folder, and the option a second argument is most likely the
/// value of: `valmis pack nippu nippu.zip` means `--output nippu.zip`, `valmis init hakemus
/// eresepti` means `--service eresepti`.
const OPTION_FOR_A_SECOND_ARGUMENT: &[(&str, &str)] = &[("valmis pack", "--output"), ("valmis init", "--service")];

/// The option an unexpected argument (not itself an option) is the value of, written whole, for
/// the commands of [`OPTION_FOR_A_SECOND_ARGUMENT`].
fn option_for_value(error: &Error, command: &str) -> Option<String> {
    if error.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let arg = string(error, ContextKind::InvalidArg)?;
    if arg.starts_with('-') {
        return None;
    }
    let (_, option) = OPTION_FOR_A_SECOND_ARGUMENT.iter().find(|(name, _)| *name == command)?;
    Some(format!("{option} {arg}"))
}

/// What the mistake is, in one line.
fn message(error: &Error) -> String {
    let mut arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(error, ContextKind::InvalidValue).unwrap_or_default();
    // A value from the environment (`VALMIS_LANG=sv`) is named by its variable.
    if matches!(error.kind(), ErrorKind::InvalidValue | ErrorKind::ValueValidation)
        && let Some(variable) = crate::common::set_by_environment(arg.split(' ').next().unwrap_or_default(), &value)
    {
        arg = variable.to_owned();
    }
    match error.kind() {
        ErrorKind::UnknownArgument => tr!("cli-parse-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            tr!("cli-parse-unknown-command", name = string(error, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if value.is_empty() => tr!("cli-parse-value-missing", arg = arg),
        ErrorKind::InvalidValue => {
            let mut said = tr!("cli-parse-invalid-value", arg = arg, value = value);
            if let Some(ContextValue::Strings(valid)) = error.get(ContextKind::ValidValue) {
                said.push_str(&format!(" ({})", tr!("cli-parse-possible", values = valid.join(", "))));
            }
            said
        }
        // The value parsers' own messages are valmis's, already in the run's language.
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error).map(ToString::to_string).unwrap_or_default();
            tr!("cli-parse-value-rejected", arg = arg, value = value, reason = reason)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(names)) => names.join(", "),
                _ => arg,
            };
            tr!("cli-parse-missing", args = missing)
        }
        ErrorKind::ArgumentConflict => match string(error, ContextKind::PriorArg) {
            Some(prior) if prior != arg => tr!("cli-parse-conflict", arg = arg, other = prior),
            _ => tr!("cli-parse-twice", arg = arg),
        },
        ErrorKind::TooManyValues => tr!("cli-parse-extra-value", arg = arg, value = value),
        ErrorKind::MissingSubcommand => {
            let commands = match error.get(ContextKind::ValidSubcommand) {
                Some(ContextValue::Strings(names)) => names.join(", "),
                _ => String::new(),
            };
            let name = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            tr!("cli-parse-no-command", name = name, commands = commands)
        }
        ErrorKind::InvalidUtf8 => tr!("cli-parse-not-utf8"),
        // Kinds valmis's arguments do not produce (value counts, `=` required): clap's name of it.
        other => tr!("cli-parse-other", kind = other.as_str().unwrap_or_default()),
    }
}

/// A context value that is one string.
fn string(error: &Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => texts.first().cloned(),
        _ => None,
    }
}

/// A whole number from `min` to `max`, with the reason in the run's language: clap's own
/// number parsers say theirs in English (`257 is not in 0..=256`, `invalid digit found in string`).
pub(crate) fn number<T>(text: &str, min: T, max: T) -> Result<T, String>
where
    T: Copy + Into<i128> + TryFrom<i128> + std::fmt::Display,
{
    let out_of_range = || tr!("cli-number-range", min = min.to_string(), max = max.to_string());
    // Read wide, so that 100000 for a u16 is out of range rather than "not a number"; digits
    // beyond even that are out of range too.
    let digits = text.trim().strip_prefix(['-', '+']).unwrap_or(text.trim());
    let value: i128 = match text.trim().parse() {
        Ok(value) => value,
        Err(_) if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) => return Err(out_of_range()),
        Err(_) => return Err(tr!("cli-number-not")),
    };
    if value < min.into() || value > max.into() {
        return Err(out_of_range());
    }
    T::try_from(value).map_err(|_| out_of_range())
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn a_number_is_whole_and_within_its_range() {
        assert_eq!(number::<u16>("256", 0, 256), Ok(256));
        assert_eq!(number::<u16>(" 7 ", 0, 256), Ok(7));
        assert_eq!(number::<u16>("257", 0, 256), Err("not between 0 and 256".to_owned()));
        assert_eq!(number::<u64>("0", 1, 86_400), Err("not between 1 and 86400".to_owned()));
        assert_eq!(number::<u32>("1.5", 1, 1024), Err("not a whole number".to_owned()));
        assert_eq!(number::<u32>("", 1, 1024), Err("not a whole number".to_owned()));
        assert_eq!(number::<u16>("100000", 0, 256), Err("not between 0 and 256".to_owned()));
        assert_eq!(number::<u16>("-5", 0, 256), Err("not between 0 and 256".to_owned()));
        assert_eq!(number::<u64>(&"9".repeat(50), 1, 86_400), Err("not between 1 and 86400".to_owned()));
        assert_eq!(number::<u64>("--5", 1, 86_400), Err("not a whole number".to_owned()));
    }
}
