//! `--json`: the whole report, with the same content as JUnit, in a versioned format.

use serde::Serialize;
use valmis_model::{Report, ReportMeta, Summary};

/// The JSON report format version.
const JSON_FORMAT: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    format: u32,
    ready: bool,
    summary: Summary,
    #[serde(flatten)]
    meta: &'a ReportMeta,
    outcomes: &'a valmis_model::Outcomes,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    waivers: &'a [valmis_model::WaiverNote],
    #[serde(skip_serializing_if = "Option::is_none")]
    since_baseline: Option<&'a valmis_model::BaselineDiff>,
}

/// Pretty-printed JSON, ending with a newline; deterministic for the same report.
pub fn render_json(report: &Report) -> String {
    let document = JsonReport {
        format: JSON_FORMAT,
        ready: report.is_ready(),
        summary: report.summary(),
        meta: &report.meta,
        outcomes: &report.outcomes,
        waivers: &report.waivers,
        since_baseline: report.baseline.as_ref(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|error| {
        // Serialising plain owned data cannot fail; say so loudly if it ever does.
        format!("{{\"format\": {JSON_FORMAT}, \"internal_error\": {}}}", serde_json::Value::String(error.to_string()))
    });
    text.push('\n');
    text
}
