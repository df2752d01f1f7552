//! What the manifest-based rules share: findings located in manifest.toml, and the skip for a
//! field of the wrong type.

use std::ops::Range;

use valmis_model::{Finding, Location, Requirement, Role, Severity, SubmissionKind};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::manifest::{Manifest, NotReadable};
use crate::inputs::source::SourceFile;

pub(crate) const MANIFEST: &str = "manifest.toml";

/// A finding's message: text, or a message of the message files with its id.
#[derive(Debug)]
pub(crate) enum Message {
    Text(String),
    Said(valmis_i18n::Said),
}

impl Message {
    fn finding(self, severity: Severity) -> Finding {
        match self {
            Self::Text(text) => Finding::new(severity, text),
            Self::Said(said) => Finding::said(severity, said),
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<valmis_i18n::Said> for Message {
    fn from(said: valmis_i18n::Said) -> Self {
        Self::Said(said)
    }
}

/// Findings of a manifest-based check, plus the fields it could not read because they have
/// the wrong type.
#[derive(Debug)]
pub(crate) struct Evaluation<'r> {
    requirement: &'r Requirement,
    lang: valmis_model::Lang,
    source: SourceFile<'r>,
    findings: Vec<Finding>,
    unreadable: Vec<String>,
}

impl<'r> Evaluation<'r> {
    pub(crate) fn new(context: &'r Context<'_>, requirement: &'r Requirement) -> Self {
        Self {
            requirement,
            lang: context.lang,
            source: SourceFile::new(MANIFEST, context.manifest_text.as_bytes()),
            findings: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// The language of the run's messages.
    pub(crate) fn lang(&self) -> &'static str {
        self.lang.as_str()
    }

    /// A finding with the requirement's severity at `span` of the manifest, or at the manifest
    /// as a whole.
    pub(crate) fn fail(&mut self, span: Option<Range<usize>>, message: impl Into<Message>, help: Option<String>) {
        self.report(self.requirement.severity, span, message, help);
    }

    /// A finding with an explicit severity (a warning where the requirement is an error).
    pub(crate) fn report(
        &mut self,
        severity: Severity,
        span: Option<Range<usize>>,
        message: impl Into<Message>,
        help: Option<String>,
    ) {
        let location = match span {
            Some(span) => self.source.locate(span),
            None => Location::file(MANIFEST),
        };
        let mut finding = message.into().finding(severity).at(location);
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
        missing: impl Into<Message>,
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

    /// Whether a finding or an unreadable field has been noted.
    pub(crate) fn has_findings_or_unreadable(&self) -> bool {
        !self.findings.is_empty() || !self.unreadable.is_empty()
    }

    pub(crate) fn finish(self) -> Vec<SubjectResult> {
        let verdict = if self.findings.is_empty() && !self.unreadable.is_empty() {
            Verdict::Skipped(valmis_i18n::t!(
                self.lang(),
                "manifest-wrong-type-skip",
                keys = self.unreadable.join("`, `")
            ))
        } else {
            Verdict::Checked(self.findings)
        };
        vec![SubjectResult::bundle_wide(Some(MANIFEST), verdict)]
    }
}

/// The result of a manifest-based check when there is no usable manifest.
pub(crate) fn without_manifest(reason: String) -> Vec<SubjectResult> {
    vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Skipped(reason))]
}

/// What an across-files rule collected from the files scanned so far: findings, and the files
/// it could not read.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub(crate) findings: Vec<Finding>,
    pub(crate) unreadable: Vec<String>,
}

impl Collected {
    /// Whether nothing was collected.
    pub(crate) fn is_empty(&self) -> bool {
        self.findings.is_empty() && self.unreadable.is_empty()
    }

    /// Adds what another part of the bundle showed, keeping file order.
    pub(crate) fn extend(&mut self, other: Self) {
        self.findings.extend(other.findings);
        self.unreadable.extend(other.unreadable);
    }
}

/// The manifest with the submission's kind and role, or the results of a rule that needs them
/// when there is no usable manifest or the kind or role is not one valmis knows (BUNDLE-MANIFEST
/// says so).
pub(crate) fn submission<'c>(
    context: &'c Context<'_>,
) -> Result<(&'c Manifest<'c>, SubmissionKind, Role), Vec<SubjectResult>> {
    let manifest = context.manifest().map_err(without_manifest)?;
    match context.submission() {
        (Some(kind), Some(role)) => Ok((manifest, kind, role)),
        _ => Err(vec![SubjectResult::bundle_wide(
            Some(MANIFEST),
            Verdict::Skipped(valmis_i18n::t!(context.lang.as_str(), "kind-unknown-skip")),
        )]),
    }
}
