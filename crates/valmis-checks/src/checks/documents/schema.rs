//! DOC-SCHEMA: every CDA document against the round's CDA schema set (Kela's `CDA_Fi.xsd` in the
//! shipped catalog, or `--cda-schema`), validated by `valmis-xsd` on the tree the file pass has
//! already parsed. The schema set is compiled once per run.

use roxmltree::Node;
use valmis_model::{Finding, SchemaFiles, Severity};

use crate::Verdict;
use crate::source::SourceFile;

/// Most schema violations listed per document (the last finding says how many more there were).
const MAX_VIOLATIONS: usize = 100;

/// The run's schema set: absent, unusable, or compiled.
#[derive(Debug)]
pub(crate) enum SchemaState {
    /// No schema set: the catalog names none and `--cda-schema` is not given.
    Absent,
    /// The set cannot be compiled: where it comes from and why.
    Broken(String),
    /// Ready, with where it comes from.
    Ready(Box<valmis_xsd::Schema>, String),
}

impl SchemaState {
    /// Compiles `files`, when there are any.
    pub(crate) fn compile(files: Option<&SchemaFiles>) -> Self {
        let Some(files) = files else { return Self::Absent };
        match valmis_xsd::Schema::compile(&files.entry, &|location| files.get(location).map(str::to_owned)) {
            Ok(schema) => Self::Ready(Box::new(schema), files.origin.clone()),
            Err(error) => Self::Broken(format!("the CDA schema set `{}` cannot be used: {error}", files.origin)),
        }
    }
}

/// DOC-SCHEMA's verdict on one CDA document.
pub(super) fn verdict(state: &SchemaState, severity: Severity, source: &SourceFile<'_>, root: Node<'_, '_>) -> Verdict {
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
