//! `--gitlab-codequality FILE`: GitLab Code Quality JSON (the Code Climate issue subset GitLab
//! reads), one issue per problem, for the merge request widget. GitLab refuses a report over
//! 30 MB, so issues stop before that with a last issue counting the rest.

use serde_json::{Value, json};
use valmis_model::{Report, Severity};

use crate::problems::{PathOptions, Problem, problems};

/// GitLab refuses Code Quality artifacts over 30 MB; this stays under it whether MB is read as
/// 10^6 or 2^20 bytes, with room for the closing issue.
pub const CODEQUALITY_MAX_BYTES: usize = 29_000_000;

/// The Code Quality report, ending with a newline.
pub fn render_codequality(report: &Report, options: &PathOptions) -> String {
    render_within(report, options, CODEQUALITY_MAX_BYTES)
}

pub(crate) fn render_within(report: &Report, options: &PathOptions, budget: usize) -> String {
    let outcomes = crate::problems::problem_outcomes(report);
    let all = problems(report, &outcomes, options);
    let mut out = String::from("[");
    let mut written = 0;
    for problem in &all {
        let item = serde_json::to_string(&issue(problem)).unwrap_or_default();
        // Two bytes for the separator and the closing bracket, 600 for the closing issue.
        if out.len() + item.len() + 2 + 600 > budget {
            break;
        }
        if written > 0 {
            out.push(',');
        }
        out.push_str("\n  ");
        out.push_str(&item);
        written += 1;
    }
    let omitted = all.len() - written;
    if omitted > 0 {
        let note = json!({
            "type": "issue",
            "check_name": "valmis-more",
            "description": valmis_i18n::t!(report.meta.lang.as_str(), "report-codequality-omitted", count = omitted),
            "severity": "info",
            "fingerprint": format!("valmis-more-{omitted}"),
            "location": { "path": crate::problems::relative(&report.meta.bundle, options), "lines": { "begin": 1 } },
        });
        if written > 0 {
            out.push(',');
        }
        out.push_str("\n  ");
        out.push_str(&serde_json::to_string(&note).unwrap_or_default());
    }
    out.push_str(if written + usize::from(omitted > 0) > 0 { "\n]\n" } else { "]\n" });
    out
}

fn issue(problem: &Problem<'_>) -> Value {
    let severity = match (problem.severity, problem.finding.is_some()) {
        (Severity::Error, true) => "major",
        (Severity::Error, false) => "critical",
        (Severity::Warning, _) => "minor",
    };
    json!({
        "type": "issue",
        "check_name": problem.outcome.requirement,
        "description": format!("{}: {}", problem.outcome.requirement, problem.text()),
        "content": { "body": problem.outcome.fix.as_ref() },
        "categories": ["Compatibility"],
        "severity": severity,
        "fingerprint": problem.fingerprint(),
        "location": {
            "path": problem.artifact.as_deref().unwrap_or(""),
            "lines": { "begin": problem.line.filter(|_| problem.cell.is_none() && problem.inner.is_none()).unwrap_or(1).max(1) },
        },
    })
}
