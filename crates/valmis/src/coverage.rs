//! `valmis requirements --coverage BUNDLE`: the pre-test coverage table (or JSON).

use crate::terminal::say;
use std::path::Path;

use anyhow::Context as _;
use valmis_bundle::{Bundle, Limits};
use valmis_checks::{CoverageError, coverage};
use valmis_model::CatalogSet;

use crate::common::usage;
use crate::exit;
use crate::lang::tr;

/// Prints the coverage of `bundle` and returns the exit code: ready when every mandatory case
/// is acceptable.
pub(crate) fn show(bundle_path: &Path, catalogs: &CatalogSet, service: Option<&str>, json: bool) -> anyhow::Result<u8> {
    let display = bundle_path.display().to_string();
    let bundle = Bundle::open(bundle_path, &display, Limits::default())
        .map_err(|error| usage(crate::lang::said(&error.msg())))?;
    let services: Vec<String> = service.map(str::to_owned).into_iter().collect();
    let coverage = coverage(&bundle, catalogs, &services, crate::lang::current()).map_err(|error| match error {
        CoverageError::Catalog(error) => usage(tr!("cli-invalid-catalog", error = error.to_string())),
        CoverageError::NoServices => usage(tr!("cli-coverage-no-services", path = &display)),
        CoverageError::UnknownService(service) => usage(tr!("cli-coverage-unknown-service", service = service)),
    })?;
    if json {
        say!("{}", serde_json::to_string_pretty(&coverage).context("coverage as JSON")?);
        return Ok(if coverage.complete { exit::READY } else { exit::NOT_READY });
    }

    say!("{}", tr!("cli-coverage-title", path = &display, round = &coverage.round));
    match (&coverage.report, &coverage.problem) {
        (_, Some(problem)) => say!("{}", tr!("cli-coverage-report", report = problem)),
        (Some(report), None) => say!("{}", tr!("cli-coverage-report", report = report)),
        (None, None) => {}
    }
    let mut mandatory = 0;
    let mut mandatory_ok = 0;
    for service in &coverage.services {
        let note =
            if service.illustrative { format!(" ({})", tr!("cli-coverage-illustrative")) } else { String::new() };
        say!("\n{} — {}{note}", service.service, service.title);
        if service.cases.is_empty() {
            say!("  {}", tr!("cli-coverage-no-cases"));
            continue;
        }
        let rows: Vec<[String; 6]> = service
            .cases
            .iter()
            .map(|case| {
                let mark = if case.acceptable { "ok" } else { "!!" };
                [
                    format!("{mark} {}", case.id),
                    if case.mandatory { tr!("cli-coverage-yes") } else { tr!("cli-coverage-no") },
                    case.state.as_str().to_owned(),
                    case.executed_at.clone().unwrap_or_else(|| "-".to_owned()),
                    if case.rows.is_empty() { "-".to_owned() } else { case.rows.join(", ") },
                    case.title.clone(),
                ]
            })
            .collect();
        let headers = [
            format!("   {}", tr!("cli-coverage-column-case")),
            tr!("cli-coverage-column-mandatory"),
            tr!("cli-coverage-column-result"),
            tr!("cli-coverage-column-executed"),
            tr!("cli-coverage-column-row"),
            tr!("explain-column-title"),
        ];
        let headers = headers.each_ref().map(String::as_str);
        let widths: Vec<usize> = (0..5)
            .map(|i| {
                rows.iter().map(|row| row[i].chars().count()).chain([headers[i].chars().count()]).max().unwrap_or(0)
            })
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
        say!("\n{}", tr!("cli-coverage-stray"));
        for stray in &coverage.stray_rows {
            let id = if stray.case_id.is_empty() { "(case_id = \"\")" } else { stray.case_id.as_str() };
            say!("  !! {id} ({}): {}", stray.row, stray.reason);
        }
    }
    say!("\n{}", tr!("cli-coverage-closing", ready = mandatory_ok, mandatory = mandatory, path = &display));
    Ok(if coverage.complete { exit::READY } else { exit::NOT_READY })
}
