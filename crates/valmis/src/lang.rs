//! The language of everything the command line says: chosen once, from `--lang` or the locale,
//! before a command runs, and read by every message the commands print or return (`tr!`).

use std::sync::OnceLock;

use valmis_model::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the run's language; the first call wins.
pub(crate) fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The run's language (English until [`set`]).
pub(crate) fn current() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// A message a library returned, in the run's language.
pub(crate) fn said(message: &valmis_i18n::Msg) -> String {
    message.render(current().as_str())
}

/// The message `id` in the run's language, arguments written as `name = value`:
/// `tr!("cli-not-a-bundle", path = display, files = 3)`.
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        valmis_i18n::t!($crate::lang::current().as_str(), $id $(, $name = $value)*)
    };
}

pub(crate) use tr;
