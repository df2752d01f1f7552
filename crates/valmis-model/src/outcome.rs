//! Outcomes: what a run concluded for each (requirement x subject), and the report that holds
//! them all.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalog::{Area, Severity};
use crate::finding::Finding;

/// The verdict on one (requirement x subject).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "reason", rename_all = "kebab-case")]
pub enum Status {
    /// Checked, nothing found.
    Passed,
    /// Checked, only warnings found and `--strict` not given: passes, warnings shown.
    Warned,
    /// Checked, at least one blocking finding (an error, or a warning under `--strict`).
    Failed,
    /// Could not be evaluated (a file could not be read, say); blocks like a failure.
    Error(String),
    /// Not evaluated on purpose: does not apply, offline-only, not implemented yet, not
    /// selected. Never blocks.
    Skipped(String),
}

impl Status {
    /// Whether this outcome makes the bundle "not ready".
    pub fn is_blocking(&self) -> bool {
        matches!(self, Self::Failed | Self::Error(_))
    }
}

/// One row of the report: a requirement applied to one subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Requirement id, e.g. `BUNDLE-ORG`.
    pub requirement: String,
    /// The area the requirement belongs to; one JUnit suite per area.
    pub area: Area,
    /// The requirement's one-line title (shared by all outcomes of a requirement: a run over
    /// 10,000 documents has 80,000 outcomes).
    pub title: Arc<str>,
    /// The requirement's severity in the catalog.
    pub severity: Severity,
    /// How to fix a failure, from the catalog.
    pub fix: Arc<str>,
    /// Where the rule comes from, from the catalog.
    pub reference: Arc<str>,
    /// What the requirement was applied to (`documents/lähete.xml`, a form kind, a case id);
    /// `None` for bundle-wide requirements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Bundle-relative path of the file the subject lives in, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Line of the first finding, or of the subject, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The verdict.
    #[serde(flatten)]
    pub status: Status,
    /// Everything the check found, errors first.
    pub findings: Vec<Finding>,
    /// Attempts that failed before the one that counts (a flaky harness step), one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reruns: Vec<String>,
    /// Microseconds spent on this outcome, measured only under `--timestamps` (a requirement's time
    /// shared by its outcomes; a harness case's own steps); `None` keeps reports byte-identical
    /// from run to run, and JUnit then writes `time="0"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_us: Option<u64>,
}

impl Outcome {
    /// The JUnit test name: `ID: subject`, or `ID` for bundle-wide requirements.
    pub fn test_name(&self) -> String {
        match &self.subject {
            Some(subject) => [self.requirement.as_str(), ": ", subject].concat(),
            None => self.requirement.clone(),
        }
    }

    /// The worst severity among the findings.
    pub fn worst_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|finding| finding.severity).max()
    }
}

/// Counts for the closing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Passed and warned outcomes.
    pub passed: usize,
    /// Failed outcomes.
    pub failed: usize,
    /// Skipped outcomes.
    pub skipped: usize,
    /// Outcomes that could not be evaluated.
    pub errors: usize,
}

impl Summary {
    /// `N passed, N failed, N skipped` (with `, 1 error` or `, N errors` when any), the last line
    /// of a run.
    pub fn closing_line(&self) -> String {
        self.closing_line_in(crate::catalog::Lang::En)
    }

    /// The closing line in `lang`: English, or Finnish (`N hyväksytty, N hylätty, N ohitettu`,
    /// with `, 1 virhe` or `, N virhettä`). The one place both are written.
    pub fn closing_line_in(&self, lang: crate::catalog::Lang) -> String {
        valmis_i18n::t!(
            lang.as_str(),
            "closing-line",
            passed = self.passed,
            failed = self.failed,
            skipped = self.skipped,
            errors = self.errors
        )
    }
}

#[cfg(test)]
mod closing_line_tests {
    use super::Summary;
    use crate::catalog::Lang;

    #[test]
    fn one_error_is_singular_in_both_languages() {
        let one = Summary { passed: 3, failed: 1, skipped: 2, errors: 1 };
        assert_eq!(one.closing_line(), "3 passed, 1 failed, 2 skipped, 1 error");
        assert_eq!(one.closing_line_in(Lang::Fi), "3 hyväksytty, 1 hylätty, 2 ohitettu, 1 virhe");
        let two = Summary { errors: 2, ..one };
        assert_eq!(two.closing_line(), "3 passed, 1 failed, 2 skipped, 2 errors");
        assert_eq!(two.closing_line_in(Lang::Fi), "3 hyväksytty, 1 hylätty, 2 ohitettu, 2 virhettä");
        assert_eq!(Summary { errors: 0, ..one }.closing_line(), "3 passed, 1 failed, 2 skipped");
    }
}

/// Facts about a run that every report sink prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// valmis version.
    pub tool_version: String,
    /// The co-testing round whose catalog was used.
    pub round: String,
    /// Where the catalog came from (`embedded` or a directory).
    pub catalog: String,
    /// The bundle as the user named it.
    pub bundle: String,
    /// The instant date rules used, RFC 3339.
    pub now: String,
    /// Whether warnings block.
    pub strict: bool,
    /// `K/N` when this run checked shard K of N (`--partition`); `valmis merge` joins them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    /// The language of the texts (`--lang`); English is not written out.
    #[serde(default, skip_serializing_if = "is_english")]
    pub lang: crate::catalog::Lang,
}

fn is_english(lang: &crate::catalog::Lang) -> bool {
    *lang == crate::catalog::Lang::En
}

/// Everything one run concluded, in a deterministic order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Run facts.
    pub meta: ReportMeta,
    /// One per (requirement x subject), sorted by area, requirement id, subject; kept compactly
    /// and decoded one at a time ([`Outcomes`](crate::Outcomes)).
    pub outcomes: crate::outcomes::Outcomes,
    /// The waivers of `--waivers` and what became of each (empty without waivers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<crate::waiver::WaiverNote>,
    /// What changed since `--baseline` (none without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::baseline::BaselineDiff>,
}

impl Report {
    /// Sorts the outcomes into the canonical order.
    pub fn sort(&mut self) {
        self.outcomes.sort();
    }

    /// Whether the outcomes are in the canonical order.
    pub fn is_sorted(&self) -> bool {
        self.outcomes.is_sorted()
    }

    /// Counts outcomes by status.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for outcome in self.outcomes.views() {
            if outcome.is_passed() {
                summary.passed += 1;
            } else if outcome.is_skipped() {
                summary.skipped += 1;
            } else if outcome.is_error() {
                summary.errors += 1;
            } else {
                summary.failed += 1;
            }
        }
        summary
    }

    /// Whether the bundle is ready: no blocking outcome, and something was checked. A run in
    /// which every requirement was skipped (offline, not applicable, waived) has shown nothing
    /// and is never ready; a `--partition` shard is judged by `valmis merge` instead.
    pub fn is_ready(&self) -> bool {
        !self.outcomes.views().any(|outcome| outcome.is_blocking())
            && (self.checked_anything() || self.meta.partition.is_some())
    }

    /// Whether any outcome was evaluated (passed, warned, failed or could not be evaluated).
    pub fn checked_anything(&self) -> bool {
        self.outcomes.views().any(|outcome| !outcome.is_skipped())
    }
}
