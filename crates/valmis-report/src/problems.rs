//! The problems of a report: one per finding of a failed or warned outcome, and one per outcome
//! that could not be evaluated. SARIF results, GitLab Code Quality issues and GitHub annotations
//! are all made from this one list, so they agree with each other and with JUnit.

use valmis_model::{Finding, Outcome, Report, Severity, Status};

/// Where the rendered paths are relative to, and what they are.
#[derive(Debug, Clone, Default)]
pub struct PathOptions {
    /// The repository root (CI's workspace, or the working directory): an absolute path under it
    /// is shown relative to it, as code scanning and merge request widgets expect.
    pub root: Option<String>,
}

/// One problem to show.
#[derive(Debug)]
pub(crate) struct Problem<'r> {
    pub(crate) outcome: &'r Outcome,
    /// `None` for an outcome that could not be evaluated.
    pub(crate) finding: Option<&'r Finding>,
    pub(crate) severity: Severity,
    pub(crate) message: String,
    /// The file in the repository: the bundle file, or the zip holding it.
    pub(crate) artifact: Option<String>,
    /// The path inside the zip, when the file is in one.
    pub(crate) inner: Option<String>,
    pub(crate) line: Option<u32>,
    pub(crate) column: Option<u32>,
    /// A spreadsheet cell (`Sheet1!C7`): then `line` and `column` are not text positions.
    pub(crate) cell: Option<String>,
    /// How many findings of the same outcome before this one have its message id and place.
    pub(crate) occurrence: usize,
}

impl Problem<'_> {
    /// `ID: message`, with the place inside a zip or a spreadsheet when there is one.
    pub(crate) fn text(&self) -> String {
        let mut place = Vec::new();
        if let Some(inner) = &self.inner {
            place.push(inner.clone());
        }
        if let Some(cell) = &self.cell {
            place.push(cell.clone());
        }
        if place.is_empty() { self.message.clone() } else { format!("{} ({})", self.message, place.join(", ")) }
    }

    /// A stable identity for the problem across runs: requirement, subject, file and message,
    /// not the line (which moves when unrelated lines are added).
    pub(crate) fn fingerprint(&self) -> String {
        // A message of the message files is identified by its id, which is the same in every
        // language, and by its place among this outcome's findings with that id and place; any
        // other message by its text.
        let (said, occurrence) = match self.finding.and_then(|finding| finding.code.as_deref()) {
            Some(code) => (code, Some(self.occurrence.to_string())),
            None => (self.message.as_str(), None),
        };
        let mut parts = vec![
            self.outcome.requirement.as_str(),
            self.outcome.subject.as_deref().unwrap_or(""),
            self.artifact.as_deref().unwrap_or(""),
            self.inner.as_deref().unwrap_or(""),
            self.cell.as_deref().unwrap_or(""),
            said,
        ];
        if let Some(occurrence) = &occurrence {
            parts.push(occurrence);
        }
        let key = parts.join("\u{0}");
        let digest = ring::digest::digest(&ring::digest::SHA256, key.as_bytes());
        digest.as_ref()[..16].iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// The outcomes that give problems, decoded: failed, warned and unevaluated ones, and skipped
/// ones with findings (waived). The problems borrow from them.
pub(crate) fn problem_outcomes(report: &Report) -> Vec<Outcome> {
    report
        .outcomes
        .views()
        .filter(|outcome| outcome.is_problem() || (outcome.is_skipped() && outcome.has_findings()))
        .map(|outcome| outcome.to_outcome())
        .collect()
}

/// Every problem of the report (`outcomes`: [`problem_outcomes`]): errors first, then warnings,
/// each in report order.
pub(crate) fn problems<'r>(report: &'r Report, outcomes: &'r [Outcome], options: &PathOptions) -> Vec<Problem<'r>> {
    let mut problems = Vec::new();
    for outcome in outcomes {
        match &outcome.status {
            Status::Failed | Status::Warned => {
                push_findings(&mut problems, report, outcome, options);
            }
            Status::Error(reason) => {
                let (artifact, inner) =
                    outcome.file.as_deref().map_or((None, None), |file| split(report, file, options));
                problems.push(Problem {
                    outcome,
                    finding: None,
                    severity: Severity::Error,
                    message: crate::words::not_evaluated_because(report.meta.lang, reason),
                    artifact,
                    inner,
                    line: outcome.line,
                    column: None,
                    cell: None,
                    occurrence: 0,
                });
            }
            Status::Passed | Status::Skipped(_) => {}
        }
    }
    // Stable: report order within each severity.
    problems.sort_by_key(|problem| std::cmp::Reverse(problem.severity));
    problems
}

/// The findings of outcomes a waiver turned into skipped ones, each with the waiver's text
/// (`waived until …`): SARIF keeps them as suppressed results, so that code scanning shows them
/// as dismissed rather than closing them as fixed.
pub(crate) fn waived_problems<'r>(
    report: &'r Report,
    outcomes: &'r [Outcome],
    options: &PathOptions,
) -> Vec<(Problem<'r>, &'r str)> {
    let mut waived = Vec::new();
    for outcome in outcomes {
        // Only a waiver leaves findings on a skipped outcome.
        if let Status::Skipped(reason) = &outcome.status
            && !outcome.findings.is_empty()
        {
            let mut problems = Vec::new();
            push_findings(&mut problems, report, outcome, options);
            waived.extend(problems.into_iter().map(|problem| (problem, reason.as_str())));
        }
    }
    waived
}

/// One problem per finding of `outcome`.
fn push_findings<'r>(problems: &mut Vec<Problem<'r>>, report: &'r Report, outcome: &'r Outcome, options: &PathOptions) {
    for finding in &outcome.findings {
        let (artifact, inner) = match &finding.location {
            Some(location) => split(report, &location.path, options),
            None => outcome.file.as_deref().map_or((None, None), |file| split(report, file, options)),
        };
        let location = finding.location.as_ref();
        let same_place = |other: &Finding| {
            other.code.is_some()
                && other.code == finding.code
                && other.location.as_ref().map(|location| (&location.path, &location.cell))
                    == location.map(|location| (&location.path, &location.cell))
        };
        let occurrence = outcome
            .findings
            .iter()
            .take_while(|other| !std::ptr::eq(*other, finding))
            .filter(|other| same_place(other))
            .count();
        problems.push(Problem {
            outcome,
            finding: Some(finding),
            severity: finding.severity,
            message: finding.message.clone(),
            artifact,
            inner,
            line: location.and_then(|location| location.line),
            column: location.and_then(|location| location.column),
            cell: location.and_then(|location| location.cell.clone()),
            occurrence,
        });
    }
}

/// The repository file and the path inside a zip bundle (`bundle.zip!/nippu/x.xml`).
fn split(report: &Report, path: &str, options: &PathOptions) -> (Option<String>, Option<String>) {
    let zip_prefix = format!("{}!/", report.meta.bundle);
    let (artifact, inner) = match path.strip_prefix(&zip_prefix) {
        Some(inner) => (report.meta.bundle.as_str(), Some(inner.to_owned())),
        None => (path, None),
    };
    (Some(relative(artifact, options)), inner)
}

/// `path` relative to the repository root when it is under it, with `/` separators.
pub(crate) fn relative(path: &str, options: &PathOptions) -> String {
    let path = path.replace('\\', "/");
    if let Some(root) = &options.root {
        let root = root.replace('\\', "/");
        let root = root.trim_end_matches('/');
        if let Some(rest) = path.strip_prefix(root).and_then(|rest| rest.strip_prefix('/')) {
            return rest.to_owned();
        }
    }
    path.strip_prefix("./").unwrap_or(&path).to_owned()
}

/// The baseline comparison as (heading, entries) sections, each list capped at `cap` entries
/// with the number left out.
pub(crate) fn baseline_sections(
    diff: &valmis_model::BaselineDiff,
    cap: usize,
    lang: valmis_model::Lang,
) -> Vec<(&'static str, Vec<String>, usize)> {
    let words = crate::words::words(lang);
    [
        (words.newly_failing.as_str(), &diff.newly_failing),
        (words.fixed.as_str(), &diff.fixed),
        (words.gone.as_str(), &diff.disappeared),
    ]
    .into_iter()
    .map(|(heading, keys)| {
        let shown: Vec<String> = keys.iter().take(cap).map(ToString::to_string).collect();
        (heading, shown, keys.len().saturating_sub(cap))
    })
    .collect()
}

/// The closing counts, `N passed, N failed, N skipped` (`, N errors` when any), in `lang`.
pub(crate) fn counts_line(summary: &valmis_model::Summary, lang: valmis_model::Lang) -> String {
    summary.closing_line_in(lang)
}
