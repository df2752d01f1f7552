//! GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations on the
//! files of the pull request. GitHub shows at most 10 annotations of each type per step, so the
//! worst come first, each type stops at 10, and one notice counts the rest.

use std::fmt::Write as _;

use valmis_model::{Report, Severity};

use crate::problems::{PathOptions, Problem, problems};

/// Annotations GitHub shows per type (error, warning, notice) and step.
pub const ANNOTATIONS_PER_TYPE: usize = 10;

/// The workflow commands, one per line.
pub fn render_github_annotations(report: &Report, options: &PathOptions) -> String {
    let outcomes = crate::problems::problem_outcomes(report);
    let all = problems(report, &outcomes, options);
    let mut out = String::new();
    let mut shown = [0usize; 2];
    for problem in &all {
        let (command, slot) = match problem.severity {
            Severity::Error => ("error", 0),
            Severity::Warning => ("warning", 1),
        };
        if shown[slot] == ANNOTATIONS_PER_TYPE {
            continue;
        }
        shown[slot] += 1;
        let _ = writeln!(out, "::{command} {}::{}", properties(problem), data(&problem.text()));
    }
    let omitted = all.len() - shown[0] - shown[1];
    if omitted > 0 {
        let _ = writeln!(
            out,
            "::notice title={}::{}",
            property("valmis"),
            data(&valmis_i18n::t!(
                report.meta.lang.as_str(),
                "report-github-omitted",
                count = omitted,
                limit = ANNOTATIONS_PER_TYPE
            ))
        );
    }
    out
}

fn properties(problem: &Problem<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(path) = &problem.artifact {
        parts.push(format!("file={}", property(path)));
        if let (Some(line), None, None) = (problem.line, &problem.cell, &problem.inner) {
            parts.push(format!("line={line}"));
            if let Some(column) = problem.column {
                parts.push(format!("col={column}"));
            }
        }
    }
    let title = match &problem.outcome.subject {
        Some(subject) => format!("{}: {subject}", problem.outcome.requirement),
        None => problem.outcome.requirement.clone(),
    };
    parts.push(format!("title={}", property(&title)));
    parts.join(",")
}

/// A workflow command's message, escaped as the runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner expects.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
