//! DOC-SCHEMA: every CDA document against the round's CDA schema set (Kela's `CDA_Fi.xsd` in the
//! shipped catalog, or `--cda-schema`), validated by `valmis-xsd` on the tree the file pass has
//! already parsed. The schema set is compiled once per run.

use roxmltree::Node;
use valmis_i18n::t;
use valmis_model::{Finding, Requirement, Severity};

use crate::context::{Context, Verdict};
use crate::inputs::schema::SchemaState;
use crate::inputs::source::SourceFile;

/// Most schema violations listed per document (the last finding says how many more there were).
const MAX_VIOLATIONS: usize = 100;

/// DOC-SCHEMA on one CDA document, against the run's schema set.
pub(crate) fn check(
    context: &Context<'_>,
    requirement: &Requirement,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
) -> Verdict {
    verdict(context.lang.as_str(), &context.cda_schema(), requirement.severity, source, root)
}

fn verdict(
    lang: &str,
    state: &SchemaState,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
) -> Verdict {
    match state {
        SchemaState::Absent => Verdict::Skipped(t!(lang, "schema-absent-skip")),
        SchemaState::Broken(message) => Verdict::Error(message.render(lang)),
        SchemaState::Ready(schema, origin) => {
            let violations = schema.validate(root.document(), MAX_VIOLATIONS);
            let findings = violations
                .into_iter()
                .enumerate()
                .map(|(index, violation)| {
                    let finding =
                        Finding::said(severity, violation.message.said(lang)).at(source.locate(violation.range));
                    if index == 0 {
                        finding.with_help(t!(lang, "schema-help", origin = origin.as_str()))
                    } else {
                        finding
                    }
                })
                .collect();
            Verdict::Checked(findings)
        }
    }
}
