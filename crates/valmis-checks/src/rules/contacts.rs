//! BUNDLE-CONTACTS: a technical and an administrative contact, each with a name, a plausible
//! e-mail address and a phone number.

use valmis_i18n::{said, t};
use valmis_model::{Requirement, Severity};

use super::kit::{Evaluation, without_manifest};
use crate::context::{Context, SubjectResult};
use crate::inputs::names::is_placeholder;

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match context.manifest() {
        Ok(manifest) => manifest,
        Err(reason) => return without_manifest(reason),
    };
    let lang = context.lang.as_str();
    let mut evaluation = Evaluation::new(context, requirement);
    for role in ["technical", "administrative"] {
        let path = ["contacts", role];
        if manifest.value(&path).is_none() {
            evaluation.fail(
                manifest.span_of(&["contacts"]),
                said!(lang, "contact-missing", role = role),
                Some(t!(lang, "contact-missing-help", role = role)),
            );
            continue;
        }
        let table_span = manifest.span_of(&path);
        for field in ["name", "email", "phone"] {
            let missing = said!(lang, "contact-no-field", role = role, field = field);
            let Some((value, span)) =
                evaluation.required(manifest, &["contacts", role, field], table_span.clone(), missing)
            else {
                continue;
            };
            let value = value.trim();
            let problem = match field {
                _ if value.is_empty() => Some(said!(lang, "contact-empty", role = role, field = field)),
                _ if is_placeholder(value) => {
                    Some(said!(lang, "contact-placeholder", role = role, field = field, value = value))
                }
                "email" if !is_plausible_email(value) => {
                    Some(said!(lang, "contact-email-invalid", role = role, value = value))
                }
                "phone" if !is_plausible_phone(value) => {
                    Some(said!(lang, "contact-phone-invalid", role = role, value = value))
                }
                _ => None,
            };
            if let Some(message) = problem {
                evaluation.fail(Some(span), message, None);
            } else if field == "phone"
                && let Some(international) = international_form(value)
            {
                // National numbers are plausible, but the catalog's fix asks for the
                // international form: say so, without failing (issue 15).
                evaluation.report(
                    Severity::Warning,
                    Some(span),
                    said!(lang, "contact-phone-national", role = role, value = value),
                    Some(t!(lang, "contact-phone-national-help", international = international)),
                );
            }
        }
    }
    evaluation.finish()
}

/// `local@domain.tld`: one `@`, no spaces, a dotted domain of letters, digits and hyphens, and a
/// top-level domain of at least two letters. Deliberately simple: it catches typos and
/// placeholders, not every RFC 5322 corner.
pub(crate) fn is_plausible_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    if local.is_empty() || domain.contains('@') || text.chars().any(char::is_whitespace) {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// International (`+358 40 123 4567`) or national (`040 123 4567`) numbers with spaces,
/// hyphens or parentheses between digit groups.
pub(crate) fn is_plausible_phone(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    if !rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')')) {
        return false;
    }
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits) && rest.starts_with(|c: char| c.is_ascii_digit() || c == '(')
}

/// The international form of a Finnish national number (`040 123 4567` → `+358 40 123 4567`),
/// when `text` is one; `None` for numbers already international.
pub(crate) fn international_form(text: &str) -> Option<String> {
    let national = text.trim().strip_prefix('0').filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))?;
    let national = national.replace(['(', ')'], "").replacen('-', " ", 1);
    Some(format!("+358 {}", national.trim()))
}

#[cfg(test)]
mod tests {
    use super::{international_form, is_plausible_email, is_plausible_phone};

    #[test]
    fn national_numbers_get_their_international_form() {
        assert_eq!(international_form("040 123 4567").as_deref(), Some("+358 40 123 4567"));
        assert_eq!(international_form("09-1234567").as_deref(), Some("+358 9 1234567"));
        assert_eq!(international_form("+358 40 123 4567"), None);
        assert_eq!(international_form("(09) 123 4567").as_deref(), None, "a leading parenthesis is left alone");
    }

    #[test]
    fn emails() {
        for good in ["tekninen.tuki@esimerkki.fi", "a@b.co", "yhteys@esimerkki-terveys.fi"] {
            assert!(is_plausible_email(good), "{good}");
        }
        for bad in ["", "esimerkki.fi", "a@b", "a b@c.fi", "a@@b.fi", "@b.fi", "a@b.f1", "a@-b.fi", "a@b..fi"] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for good in ["+358 40 123 4567", "040 123 4567", "+358-9-1234567", "(09) 123 4567"] {
            assert!(is_plausible_phone(good), "{good}");
        }
        for bad in ["", "123", "+358 40 ABC", "puhelin", "++358401234567", "+ 358", "1234567890123456"] {
            assert!(!is_plausible_phone(bad), "{bad}");
        }
    }
}
