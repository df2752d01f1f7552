//! One module per built-in requirement of the bundle and privacy areas, and one for the
//! pre-test report's requirements.

pub(crate) mod certificates;
pub(crate) mod connection;
pub(crate) mod contacts;
pub(crate) mod deadline;
pub(crate) mod declared;
pub(crate) mod documents;
pub(crate) mod fhir;
pub(crate) mod forms;
pub(crate) mod hygiene;
pub(crate) mod integrity;
pub(crate) mod manifest;
pub(crate) mod organisation;
pub(crate) mod pass;
pub(crate) mod paths;
pub(crate) mod pretest;
pub(crate) mod privacy;
pub(crate) mod secrets;

use std::ops::Range;

use valmis_model::{Finding, Location, Requirement, Severity};

use crate::manifest::{Manifest, NotReadable};
use crate::source::SourceFile;
use crate::{Context, SubjectResult, Verdict};

pub(crate) const MANIFEST: &str = "manifest.toml";

/// Findings of a manifest-based check, plus the fields it could not read because they have
/// the wrong type.
#[derive(Debug)]
pub(crate) struct Evaluation<'r> {
    requirement: &'r Requirement,
    source: SourceFile<'r>,
    findings: Vec<Finding>,
    unreadable: Vec<String>,
}

impl<'r> Evaluation<'r> {
    pub(crate) fn new(context: &'r Context<'_>, requirement: &'r Requirement) -> Self {
        Self {
            requirement,
            source: SourceFile::new(MANIFEST, context.manifest_text.as_bytes()),
            findings: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// A finding with the requirement's severity at `span` of the manifest, or at the manifest
    /// as a whole.
    pub(crate) fn fail(&mut self, span: Option<Range<usize>>, message: impl Into<String>, help: Option<String>) {
        self.report(self.requirement.severity, span, message, help);
    }

    /// A finding with an explicit severity (a warning where the requirement is an error).
    pub(crate) fn report(
        &mut self,
        severity: Severity,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let location = match span {
            Some(span) => self.source.locate(span),
            None => Location::file(MANIFEST),
        };
        let mut finding = Finding::new(severity, message).at(location);
        finding.help = help;
        self.findings.push(finding);
    }

    /// A finding about another file than the manifest.
    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Notes a field that has the wrong type (reported by BUNDLE-MANIFEST).
    pub(crate) fn wrong_type(&mut self, path: &str) {
        self.unreadable.push(path.to_owned());
    }

    /// A string field the requirement needs: its value and span, or `None` after a finding
    /// `missing` at `missing_at` when it is absent (or a note when it has the wrong type).
    pub(crate) fn required<'m>(
        &mut self,
        manifest: &'m Manifest<'_>,
        path: &[&str],
        missing_at: Option<Range<usize>>,
        missing: impl Into<String>,
    ) -> Option<(&'m str, Range<usize>)> {
        let value = self.read(manifest.string(path));
        if value.is_none() && manifest.value(path).is_none() {
            self.fail(missing_at, missing, None);
        }
        value
    }

    /// Reads a field; a wrongly typed one is noted and `None` returned.
    pub(crate) fn read<T>(&mut self, field: Result<Option<T>, NotReadable>) -> Option<T> {
        match field {
            Ok(value) => value,
            Err(NotReadable(path)) => {
                self.unreadable.push(path);
                None
            }
        }
    }

    pub(crate) fn finish(self) -> Vec<SubjectResult> {
        let verdict = if self.findings.is_empty() && !self.unreadable.is_empty() {
            Verdict::Skipped(format!(
                "not evaluated: `{}` has the wrong type (see BUNDLE-MANIFEST)",
                self.unreadable.join("`, `")
            ))
        } else {
            Verdict::Checked(self.findings)
        };
        vec![SubjectResult::bundle_wide(Some(MANIFEST), verdict)]
    }
}

/// The lower-case extension of a bundle path (`pdf` for `forms/Lomake.PDF`), or "".
pub(crate) fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default()
}

/// The result of a manifest-based check when there is no usable manifest.
pub(crate) fn without_manifest(reason: String) -> Vec<SubjectResult> {
    vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Skipped(reason))]
}

/// A value `valmis init` left for the user to fill in.
pub(crate) fn is_placeholder(value: &str) -> bool {
    value.trim_start().starts_with("TODO")
}

/// The organisation's OID arc: from its business id (`1.2.246.10.<digits>`) so that a wrong OID
/// in the manifest is reported once, by BUNDLE-ORG; the manifest's OID is the fallback.
pub(crate) fn organisation_arc(context: &Context<'_>) -> Option<valmis_ids::Oid> {
    let crate::ManifestState::Parsed(manifest) = &context.manifest else { return None };
    let from_business_id = manifest
        .string(&["organisation", "business_id"])
        .ok()
        .flatten()
        .and_then(|(text, _)| valmis_ids::BusinessId::parse(text).ok())
        .and_then(|business_id| valmis_ids::Oid::parse(&business_id.organisation_oid()).ok());
    from_business_id.or_else(|| {
        manifest.string(&["organisation", "oid"]).ok().flatten().and_then(|(oid, _)| valmis_ids::Oid::parse(oid).ok())
    })
}

/// The organisation arcs the bundle declares: the organisation's own (as
/// [`organisation_arc`]) and every valid OID of `[organisation] test_organisations`.
pub(crate) fn declared_arcs(context: &Context<'_>) -> Vec<(valmis_ids::Oid, &'static str)> {
    let mut arcs: Vec<(valmis_ids::Oid, &'static str)> =
        organisation_arc(context).into_iter().map(|arc| (arc, "the manifest's organisation")).collect();
    if let crate::ManifestState::Parsed(manifest) = &context.manifest {
        for (text, _) in manifest.strings(&["organisation", "test_organisations"]) {
            if let Ok(oid) = valmis_ids::Oid::parse(text.trim()) {
                arcs.push((oid, "a test organisation of the manifest"));
            }
        }
    }
    arcs
}

/// The test persons the pre-test report names (upper-cased), when there is a readable report.
pub(crate) fn report_test_persons(context: &Context<'_>) -> Option<Vec<String>> {
    let view = pretest::view(context).ok()?;
    Some(
        view.report
            .rows
            .iter()
            .map(|row| row.value(valmis_pretest::Field::TestPerson).to_uppercase())
            .filter(|person| !person.is_empty())
            .collect(),
    )
}
