//! DOC-WELLFORMED: every document under `documents/` is readable UTF-8 text and well-formed XML
//! (without a DOCTYPE) or strict JSON, within the parse budget. The file pass parses each
//! document once (`inputs::document`); this rule judges what kept it from being parsed.

use valmis_model::{Finding, Location, Requirement};

use crate::context::Verdict;
use crate::inputs::document::{Document, Problem};

/// DOC-WELLFORMED on one document.
pub(crate) fn check(document: &Document<'_>, requirement: &Requirement) -> Verdict {
    let Err(problem) = &document.tree else { return Verdict::Checked(Vec::new()) };
    let severity = requirement.severity;
    let path = document.path;
    let at = |range: std::ops::Range<usize>| match &document.source {
        Some(source) => source.locate(range),
        None => Location::file(path),
    };
    let finding = match problem {
        Problem::Unreadable(message) => Finding::new(severity, message.clone()).at(Location::file(path)),
        Problem::Doctype(offset) => Finding::new(
            severity,
            "the document has a DOCTYPE or ENTITY declaration, which is refused",
        )
        .at(at(*offset..*offset + 9))
        .with_help(
            "remove the DOCTYPE: Kanta's validation rejects it, and entities open the door to XXE and billion-laughs attacks",
        ),
        Problem::NotWellFormed(message, offset) => Finding::new(severity, message.clone()).at(at(*offset..*offset)),
        Problem::OverBudget(message) => Finding::new(severity, message.clone())
            .at(Location::file(path))
            .with_help("send a smaller sample document: co-testing needs representative documents, not bulk data"),
        Problem::NotJson(message, range) => Finding::new(severity, message.clone()).at(at(range.clone())),
    };
    Verdict::Checked(vec![finding])
}
