//! DOC-WELLFORMED: every document under `documents/` is readable UTF-8 text and well-formed XML
//! (without a DOCTYPE) or strict JSON, within the parse budget. The file pass parses each
//! document once (`inputs::document`); this rule judges what kept it from being parsed.

use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, Verdict};
use crate::inputs::document::{Document, Problem};

/// DOC-WELLFORMED on one document.
pub(crate) fn check(context: &Context<'_>, document: &Document<'_>, requirement: &Requirement) -> Verdict {
    let lang = context.lang.as_str();
    let Err(problem) = &document.tree else { return Verdict::Checked(Vec::new()) };
    let severity = requirement.severity;
    let path = document.path;
    let at = |range: std::ops::Range<usize>| match &document.source {
        Some(source) => source.locate(range),
        None => Location::file(path),
    };
    let finding = match problem {
        Problem::Unreadable(message) => Finding::said(severity, message.said(lang)).at(Location::file(path)),
        Problem::Doctype(offset) => Finding::said(severity, said!(lang, "document-doctype"))
            .at(at(*offset..*offset + 9))
            .with_help(t!(lang, "document-doctype-help")),
        Problem::NotWellFormed(message, offset) => Finding::said(severity, message.said(lang)).at(at(*offset..*offset)),
        Problem::OverBudget(message) => Finding::said(severity, message.said(lang))
            .at(Location::file(path))
            .with_help(t!(lang, "document-over-budget-help")),
        Problem::NotJson(message, range) => Finding::said(severity, message.said(lang)).at(at(range.clone())),
    };
    Verdict::Checked(vec![finding])
}
