//! valmis's messages in English and Finnish, with Fluent (Project Fluent's `fluent-bundle`):
//! one message file per language under `locales/`, messages found by id, arguments by name, and
//! plurals by each language's CLDR rules (`1 virhe`, `2 virhettä`). Code names a message and its
//! arguments and never writes its text; the caller picks the language.
//!
//! Both files are compiled into the binary. A test keeps them in step: every id in both, the same
//! arguments in both, no id unused.

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English messages.
pub const EN: &str = include_str!("../locales/en/valmis.ftl");
/// The Finnish messages.
pub const FI: &str = include_str!("../locales/fi/valmis.ftl");

/// A message argument: text, a number (which plural forms select on), or another message,
/// rendered in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(i64),
    Message(Box<Msg>),
}

impl From<Msg> for Arg<'_> {
    fn from(message: Msg) -> Self {
        Self::Message(Box::new(message))
    }
}

impl From<&Msg> for Arg<'_> {
    fn from(message: &Msg) -> Self {
        Self::Message(Box::new(message.clone()))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(Cow::Borrowed(text.as_str()))
    }
}

impl<'a> From<&'a std::sync::Arc<str>> for Arg<'a> {
    fn from(text: &'a std::sync::Arc<str>) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

macro_rules! number_arg {
    ($($type:ty),*) => {$(
        impl From<$type> for Arg<'_> {
            fn from(number: $type) -> Self {
                Self::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}

number_arg!(i32, i64, u8, u16, u32, u64, usize);

/// The bundle of one language, made on first use.
fn bundle(lang: &str) -> &'static FluentBundle<FluentResource> {
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static FI_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, locale) = if lang == "fi" { (&FI_BUNDLE, FI, "fi") } else { (&EN_BUNDLE, EN, "en") };
    cell.get_or_init(|| {
        let locale: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // No Unicode isolation marks around arguments: messages go to terminals, XML and JSON
        // as plain text, and a path or an id must read back as it was given.
        bundle.set_use_isolating(false);
        // A file that does not parse whole still gives its good messages; the catalogue test
        // fails on any error, so a shipped binary has none.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in `lang` (`en` or `fi`; anything else is English) with `args`. An id
/// that no file has comes back as itself (the catalogue test keeps that from shipping).
pub fn text(lang: &str, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        debug_assert!(false, "no message `{id}` in {lang}");
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
            Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
            Arg::Message(message) => fluent_args.set(*name, FluentValue::from(message.render(lang))),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message `{id}` in {lang}: {errors:?}");
    text.into_owned()
}

impl Arg<'_> {
    /// The argument with its text owned, to keep in a [`Msg`].
    pub fn into_owned(self) -> Arg<'static> {
        match self {
            Self::Text(text) => Arg::Text(Cow::Owned(text.into_owned())),
            Self::Number(number) => Arg::Number(number),
            Self::Message(message) => Arg::Message(message),
        }
    }
}

/// A message not yet rendered: its id and arguments. Libraries that do not know the run's
/// language return one (a bundle's refusal, a certificate's defect); the report renders it in
/// the language asked for. `Display` shows it in English, for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg<'static>)>,
}

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: &str) -> String {
        text(lang, self.id, &self.args)
    }

    /// The message in `lang` with its id, for a finding.
    pub fn said(&self, lang: &str) -> Said {
        Said { id: self.id, text: self.render(lang) }
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.render("en"))
    }
}

/// A [`Msg`] with the arguments written as `name = value`: `msg!("bundle-ratio", ratio = 200)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Msg { id: $id, args: vec![$((stringify!($name), $crate::Arg::from($value).into_owned())),*] }
    };
}

/// A message rendered for a finding, with its id: reports show the text, and the id identifies
/// the finding whatever the language (SARIF fingerprints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub id: &'static str,
    pub text: String,
}

/// `t!` for a finding's message: the text with its id (`Said`).
#[macro_export]
macro_rules! said {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Said { id: $id, text: $crate::t!($lang, $id $(, $name = $value)*) }
    };
}

/// `text` with the arguments written as `name = value`:
/// `valmis_i18n::t!("fi", "closing-line", passed = 3, failed = 0)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text($lang, $id, &[$((stringify!($name), $crate::Arg::from($value))),*])
    };
}
