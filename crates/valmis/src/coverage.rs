//! `valmis requirements --coverage BUNDLE`: the pre-test coverage table (or JSON).

use crate::terminal::say;
use std::path::Path;

use anyhow::Context as _;
use valmis_bundle::{Bundle, Limits};
use valmis_checks::{CoverageError, coverage};
use valmis_model::CatalogSet;

use crate::common::usage;
use crate::exit;

/// Prints the coverage of `bundle` and returns the exit code: ready when every mandatory case
/// is acceptable.
pub(crate) fn show(bundle_path: &Path, catalogs: &CatalogSet, service: Option<&str>, json: bool) -> anyhow::Result<u8> {
    let display = bundle_path.display().to_string();
    let bundle = Bundle::open(bundle_path, &display, Limits::default()).map_err(|error| usage(error.to_string()))?;
    let services: Vec<String> = service.map(str::to_owned).into_iter().collect();
    let coverage = coverage(&bundle, catalogs, &services).map_err(|error| match error {
        CoverageError::Catalog(error) => usage(format!("invalid catalog: {error}")),
        CoverageError::NoServices => usage(format!(
            "`{display}` declares no known service in manifest.toml; name one with --service (e.g. --service potilastiedon-arkisto)"
        )),
        CoverageError::UnknownService(service) => usage(format!("unknown service `{service}` (`valmis requirements` lists them)")),
    })?;
    if json {
        say!("{}", serde_json::to_string_pretty(&coverage).context("coverage as JSON")?);
        return Ok(if coverage.complete { exit::READY } else { exit::NOT_READY });
    }

    say!("Pre-test coverage of {display} (round {})", coverage.round);
    match (&coverage.report, &coverage.problem) {
        (_, Some(problem)) => say!("report: {problem}"),
        (Some(report), None) => say!("report: {report}"),
        (None, None) => {}
    }
    let mut mandatory = 0;
    let mut mandatory_ok = 0;
    for service in &coverage.services {
        let note = if service.illustrative { " (illustrative case list)" } else { "" };
        say!("\n{} — {}{note}", service.service, service.title);
        if service.cases.is_empty() {
            say!("  the catalog declares no pre-test cases for this service");
            continue;
        }
        let rows: Vec<[String; 6]> = service
            .cases
            .iter()
            .map(|case| {
                let mark = if case.acceptable { "ok" } else { "!!" };
                [
                    format!("{mark} {}", case.id),
                    if case.mandatory { "yes".to_owned() } else { "no".to_owned() },
                    case.state.as_str().to_owned(),
                    case.executed_at.clone().unwrap_or_else(|| "-".to_owned()),
                    if case.rows.is_empty() { "-".to_owned() } else { case.rows.join(", ") },
                    case.title.clone(),
                ]
            })
            .collect();
        let headers = ["   CASE", "MANDATORY", "RESULT", "EXECUTED", "ROW", "TITLE"];
        let widths: Vec<usize> = (0..5)
            .map(|i| rows.iter().map(|row| row[i].chars().count()).chain([headers[i].len()]).max().unwrap_or(0))
            .collect();
        let line = |cells: [&str; 6]| {
            let mut text = String::from("  ");
            for (index, cell) in cells.iter().take(5).enumerate() {
                text.push_str(&format!("{cell:<width$}  ", width = widths[index]));
            }
            text.push_str(cells[5]);
            say!("{}", text.trim_end());
        };
        line(headers);
        for row in &rows {
            line([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]]);
        }
        for case in service.cases.iter().filter(|case| case.mandatory) {
            mandatory += 1;
            mandatory_ok += usize::from(case.acceptable);
        }
    }
    if !coverage.stray_rows.is_empty() {
        say!("\nRows that count for none of these services:");
        for stray in &coverage.stray_rows {
            let id = if stray.case_id.is_empty() { "(no case_id)" } else { stray.case_id.as_str() };
            say!("  !! {id} ({}): {}", stray.row, stray.reason);
        }
    }
    say!(
        "\n{mandatory_ok} of {mandatory} mandatory cases ready. `valmis verify {display}` checks results, evidence, dates and test persons."
    );
    Ok(if coverage.complete { exit::READY } else { exit::NOT_READY })
}
