//! DOC-SCHEMA: every CDA document against the round's CDA schema set (Kela's `CDA_Fi.xsd` in the
//! shipped catalog, or `--cda-schema`), validated by `valmis-xsd` on the tree the file pass has
//! already parsed. The schema set is compiled once per run.

use roxmltree::Node;
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
    verdict(&context.cda_schema(), requirement.severity, source, root)
}

fn verdict(state: &SchemaState, severity: Severity, source: &SourceFile<'_>, root: Node<'_, '_>) -> Verdict {
    match state {
        SchemaState::Absent => Verdict::Skipped(
            "no CDA schema set: the round's catalog names none ([round] cda_schema) and --cda-schema is not given"
                .to_owned(),
        ),
        SchemaState::Broken(message) => Verdict::Error(message.clone()),
        SchemaState::Ready(schema, origin) => {
            let violations = schema.validate(root.document(), MAX_VIOLATIONS);
            let findings = violations
                .into_iter()
                .enumerate()
                .map(|(index, violation)| {
                    let finding = Finding::new(severity, violation.message).at(source.locate(violation.range));
                    if index == 0 {
                        finding.with_help(format!(
                            "Kanta's validation service rejects a document its schema rejects; valmis validated against {origin}"
                        ))
                    } else {
                        finding
                    }
                })
                .collect();
            Verdict::Checked(findings)
        }
    }
}
