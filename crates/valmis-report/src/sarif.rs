//! `--sarif FILE`: SARIF 2.1.0 for code scanning (GitHub) and other SARIF viewers. One rule per
//! requirement of the report (`ruleId` = requirement id, stable), one result per problem, with
//! repository-relative paths and a partial fingerprint that survives moved lines.

use serde_json::{Value, json};
use valmis_model::{Report, Severity};

use crate::problems::{PathOptions, Problem, problems, relative, waived_problems};

/// Where people read about valmis (the workspace's `repository`).
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// GitHub code scanning accepts at most this many results per run; the rest are counted in a
/// notification instead of silently cut.
pub const SARIF_MAX_RESULTS: usize = 25_000;

/// The SARIF log, pretty-printed, ending with a newline.
pub fn render_sarif(report: &Report, options: &PathOptions) -> String {
    // The first outcome of each requirement, for its texts.
    let mut requirements: Vec<valmis_model::Outcome> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for outcome in report.outcomes.views() {
        if seen.insert(outcome.requirement()) {
            requirements.push(outcome.to_outcome());
        }
    }
    requirements.sort_by(|a, b| a.requirement.cmp(&b.requirement));
    let rules: Vec<Value> = requirements
        .iter()
        .map(|outcome| {
            let mut rule = json!({
                "id": outcome.requirement,
                "name": outcome.requirement.replace('-', ""),
                "shortDescription": { "text": outcome.title.as_ref() },
                "fullDescription": { "text": outcome.title.as_ref() },
                "help": { "text": outcome.fix.as_ref() },
                "defaultConfiguration": { "level": level(outcome.severity) },
                "properties": { "area": outcome.area.as_str() },
            });
            if outcome.reference.starts_with("https://") || outcome.reference.starts_with("http://") {
                rule["helpUri"] = json!(outcome.reference.as_ref());
            }
            rule
        })
        .collect();
    let outcomes = crate::problems::problem_outcomes(report);
    let all = problems(report, &outcomes, options);
    let waived = waived_problems(report, &outcomes, options);
    let omitted = (all.len() + waived.len()).saturating_sub(SARIF_MAX_RESULTS);
    let rule_index =
        |problem: &Problem<'_>| requirements.iter().position(|r| r.requirement == problem.outcome.requirement);
    // Waived findings stay, suppressed: a result that disappears is closed as fixed by code
    // scanning; a suppressed one is shown as dismissed, with the waiver as the reason.
    let results: Vec<Value> = all
        .iter()
        .map(|problem| result(problem, rule_index(problem)))
        .chain(waived.iter().map(|(problem, reason)| {
            let mut result = result(problem, rule_index(problem));
            result["suppressions"] = json!([{ "kind": "external", "status": "accepted", "justification": reason }]);
            result
        }))
        .take(SARIF_MAX_RESULTS)
        .collect();
    let mut notifications = Vec::new();
    if omitted > 0 {
        notifications.push(json!({
            "level": "warning",
            "message": { "text": valmis_i18n::t!(
                report.meta.lang.as_str(),
                "report-sarif-omitted",
                count = omitted,
                limit = SARIF_MAX_RESULTS
            ) },
        }));
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "valmis",
                "informationUri": INFORMATION_URI,
                "version": report.meta.tool_version,
                "semanticVersion": report.meta.tool_version,
                "rules": rules,
            } },
            // Code scanning keeps one set of alerts per category (the id up to its last `/`): one
            // per round and bundle, so that two bundles of a repository do not replace each
            // other's alerts.
            "automationDetails": { "id": format!("valmis/{}/{}/", report.meta.round, relative(&report.meta.bundle, options).trim_matches('/')) },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
                "properties": {
                    "round": report.meta.round,
                    "catalog": report.meta.catalog,
                    "bundle": report.meta.bundle,
                    "now": report.meta.now,
                    "strict": report.meta.strict,
                    "ready": report.is_ready(),
                    "omittedResults": omitted,
                    "waivers": report.waivers,
                },
            }],
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn result(problem: &Problem<'_>, rule_index: Option<usize>) -> Value {
    let mut result = json!({
        "ruleId": problem.outcome.requirement,
        "level": level(problem.severity),
        "message": { "text": problem.text() },
        "partialFingerprints": { "valmis/v1": problem.fingerprint() },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if let Some(artifact) = &problem.artifact {
        let mut physical = json!({ "artifactLocation": { "uri": uri(artifact) } });
        // A line of a text file (line 1 for a finding about the whole file, which viewers
        // otherwise cannot place); not for a spreadsheet cell or a place inside a zip.
        if let (None, None) = (&problem.cell, &problem.inner) {
            let mut region = json!({ "startLine": problem.line.unwrap_or(1).max(1) });
            if let Some(column) = problem.column {
                region["startColumn"] = json!(column.max(1));
            }
            if let Some(snippet) = problem.finding.and_then(|f| f.location.as_ref()).and_then(|l| l.snippet.as_ref()) {
                region["snippet"] = json!({ "text": snippet.line_text });
            }
            physical["region"] = region;
        }
        result["locations"] = json!([{ "physicalLocation": physical }]);
    }
    result
}

/// A relative URI reference: path segments percent-encoded where URIs need it.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
