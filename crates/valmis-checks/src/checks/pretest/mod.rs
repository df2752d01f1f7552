//! The PRETEST requirements: the pre-test case report (`pretest/report.csv|xlsx|json`) read
//! once per run, then checked against the round's declared cases (`pretest/<service>.toml`).
//!
//! Every requirement but PRETEST-REPORT reports one outcome per case id, so that a QA engineer
//! finds each pre-test case by its id in JUnit (`PRETEST-RESULT: PA-02`).

mod cases;
mod evidence;

use std::collections::BTreeMap;

use valmis_bundle::Bundle;
use valmis_model::{Catalog, Finding, Location, PretestCase, Requirement, Severity};
use valmis_pretest::{Field, Format, Level, Place, ReadError, Report, Row, cell_name};

use crate::source::SourceFile;
use crate::{Context, SubjectResult, Verdict};

pub(crate) use cases::{check_dates, check_environment, check_result, check_test_person};
pub(crate) use evidence::check_evidence;

/// The report file names valmis looks for (compared case-insensitively).
const REPORT_NAMES: [&str; 3] = ["pretest/report.csv", "pretest/report.xlsx", "pretest/report.json"];

/// The pre-test report as far as it could be read.
#[derive(Debug)]
pub(crate) enum Loaded {
    /// No `pretest/report.*`.
    Missing,
    /// More than one report file: which one counts is ambiguous.
    Ambiguous(Vec<String>),
    /// The bundle could not give the file (too large, unreadable).
    Unreadable { path: String, reason: String },
    /// The file is there but is not a report.
    Broken { path: String, error: ReadError, bytes: Vec<u8> },
    /// A report.
    Read { path: String, report: Report },
}

/// Reads the report once; every PRETEST check shares it.
pub(crate) fn load<'c>(context: &'c Context<'_>) -> &'c Loaded {
    context.pretest.get_or_init(|| load_uncached(context.bundle))
}

fn load_uncached(bundle: &Bundle) -> Loaded {
    let present: Vec<String> = bundle
        .files()
        .map(|entry| entry.path.as_str())
        .filter(|path| REPORT_NAMES.contains(&path.to_ascii_lowercase().as_str()))
        .map(str::to_owned)
        .collect();
    let path = match present.as_slice() {
        [] => return Loaded::Missing,
        [one] => one.clone(),
        _ => return Loaded::Ambiguous(present),
    };
    let Some(format) = Format::of_path(&path) else { return Loaded::Missing };
    match bundle.read(&path) {
        Err(error) => Loaded::Unreadable { path, reason: error.to_string() },
        Ok(bytes) => match valmis_pretest::read(format, &bytes) {
            Ok(report) => Loaded::Read { path, report },
            Err(error) => Loaded::Broken { path, error, bytes },
        },
    }
}

/// A readable report with what findings about it need: its path and a line index of its text.
pub(crate) struct View<'a> {
    pub(crate) path: &'a str,
    pub(crate) report: &'a Report,
    source: Option<SourceFile<'a>>,
}

impl<'a> View<'a> {
    fn new(path: &'a str, report: &'a Report) -> Self {
        let source = report.text.as_deref().map(|text| SourceFile::new(path, text.as_bytes()));
        Self { path, report, source }
    }

    /// A location people can open: `report.csv:7:21` with the line, or `report.xlsx:Sheet1!C7`.
    pub(crate) fn locate(&self, place: &Place) -> Location {
        locate(self.path, self.source.as_ref(), place)
    }

    /// A finding at `field` of `row` (at the row when the cell is absent).
    pub(crate) fn at(&self, severity: Severity, row: &Row, field: Field, message: impl Into<String>) -> Finding {
        Finding::new(severity, message).at(self.locate(row.place_of(field)))
    }
}

fn locate(path: &str, source: Option<&SourceFile<'_>>, place: &Place) -> Location {
    match (place, source) {
        (Place::Text(span), Some(source)) => source.locate(span.clone()),
        (Place::Cell { sheet, row, column }, _) => {
            Location::cell(path, format!("{sheet}!{}", cell_name(*column, *row)), *row, *column)
        }
        (Place::Text(_), None) => Location::file(path),
    }
}

/// The report, or the reason a check over its rows cannot run.
pub(crate) fn view<'c>(context: &'c Context<'_>) -> Result<View<'c>, String> {
    match load(context) {
        Loaded::Read { path, report } => Ok(View::new(path, report)),
        _ => Err("no usable pre-test report (see PRETEST-REPORT)".to_owned()),
    }
}

/// The rows of one case id, in report order.
pub(crate) struct CaseRows<'a> {
    /// The case id as the catalog writes it, or as the report does for unknown ones; the row
    /// label (`line 7`) for rows without a case id.
    pub(crate) subject: String,
    pub(crate) declared: Option<&'a PretestCase>,
    pub(crate) rows: Vec<&'a Row>,
}

/// Rows grouped by case id (case-insensitively), in order of first appearance.
pub(crate) fn group<'a>(report: &'a Report, catalog: &'a Catalog) -> Vec<CaseRows<'a>> {
    let mut groups: Vec<CaseRows<'a>> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for row in &report.rows {
        let id = row.value(Field::CaseId);
        if id.is_empty() {
            groups.push(CaseRows { subject: row.label.clone(), declared: None, rows: vec![row] });
            continue;
        }
        let declared = catalog.pretest_case(id);
        let key = id.to_uppercase();
        match index.get(&key) {
            Some(&position) => groups[position].rows.push(row),
            None => {
                index.insert(key, groups.len());
                let subject = declared.map_or_else(|| id.to_owned(), |case| case.id.clone());
                groups.push(CaseRows { subject, declared, rows: vec![row] });
            }
        }
    }
    groups
}

/// The position in `groups` of each declared case's rows, by case id.
pub(crate) fn index_by_case<'g>(groups: &'g [CaseRows<'_>]) -> std::collections::HashMap<&'g str, usize> {
    groups
        .iter()
        .enumerate()
        .filter_map(|(index, group)| group.declared.map(|case| (case.id.as_str(), index)))
        .collect()
}

/// Runs `check_row` over every row of every case and reports one outcome per case id.
pub(crate) fn per_case(
    context: &Context<'_>,
    check_row: impl Fn(&View<'_>, &CaseRows<'_>, &Row, &mut Vec<Finding>) -> RowCheck,
) -> Vec<SubjectResult> {
    let view = match view(context) {
        Ok(view) => view,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let groups = group(view.report, context.catalog);
    if groups.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped("the report has no case rows (see PRETEST-REPORT)".to_owned()),
        )];
    }
    groups
        .iter()
        .map(|case| {
            let mut findings = Vec::new();
            let mut nothing: Option<String> = None;
            let mut checked = false;
            for row in &case.rows {
                match check_row(&view, case, row, &mut findings) {
                    RowCheck::Checked => checked = true,
                    RowCheck::Nothing(reason) => {
                        nothing.get_or_insert(reason);
                    }
                }
            }
            // A case whose rows gave nothing to check is skipped with the reason, never passed.
            let verdict = match nothing {
                Some(reason) if !checked && findings.is_empty() => Verdict::Skipped(reason),
                _ => Verdict::Checked(findings),
            };
            SubjectResult::about(&case.subject, Some(view.path), case.rows.first().map(|row| row.line), verdict)
        })
        .collect()
}

/// What a per-case check found in one row: it looked at a value (findings or none), or the row
/// had nothing for it to look at, and why.
#[derive(Debug)]
pub(crate) enum RowCheck {
    Checked,
    Nothing(String),
}

/// PRETEST-REPORT: the report is there, once, readable, with a recognised header.
pub(crate) fn check_report(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let (file, findings) = match load(context) {
        Loaded::Missing => {
            let others: Vec<&str> = context
                .bundle
                .files()
                .map(|entry| entry.path.as_str())
                .filter(|path| path.starts_with("pretest/"))
                .collect();
            let mut finding =
                Finding::new(severity, "there is no pre-test report (pretest/report.csv, .xlsx or .json)")
                    .at(Location::file("pretest/"));
            if !others.is_empty() {
                finding = finding.with_help(format!(
                    "pretest/ holds {}; the report must be named report.csv, report.xlsx or report.json",
                    others.join(", ")
                ));
            }
            (None, vec![finding])
        }
        Loaded::Ambiguous(paths) => (
            Some(paths[0].as_str()),
            vec![
                Finding::new(severity, format!("there are {} pre-test reports: {}", paths.len(), paths.join(", ")))
                    .at(Location::file("pretest/"))
                    .with_help("keep one; valmis and Kela's reviewer must not have to guess which one counts"),
            ],
        ),
        Loaded::Unreadable { path, reason } => {
            return vec![SubjectResult::bundle_wide(Some(path), Verdict::Error(reason.clone()))];
        }
        Loaded::Broken { path, error, bytes } => {
            let source = SourceFile::new(path, bytes);
            let location = match &error.place {
                Some(Place::Text(span)) => {
                    locate(path, Some(&source), &Place::Text(span.start.min(bytes.len())..span.end.min(bytes.len())))
                }
                Some(place) => locate(path, None, place),
                None => Location::file(path.as_str()),
            };
            (Some(path.as_str()), vec![Finding::new(severity, error.message.clone()).at(location)])
        }
        Loaded::Read { path, report } => {
            let view = View::new(path, report);
            let mut findings: Vec<Finding> = report
                .notes
                .iter()
                .map(|note| {
                    let level = match note.level {
                        Level::Error => severity,
                        Level::Warning => Severity::Warning,
                    };
                    let location =
                        note.place.as_ref().map_or_else(|| Location::file(path.as_str()), |place| view.locate(place));
                    Finding::new(level, note.message.clone()).at(location)
                })
                .collect();
            if report.rows.is_empty() {
                findings.push(
                    Finding::new(severity, "the report has a header but no case rows")
                        .at(Location::file(path.as_str()))
                        .with_help(
                            "add one row per pre-test case of the declared services (`valmis requirements --coverage`)",
                        ),
                );
            }
            (Some(path.as_str()), findings)
        }
    };
    vec![SubjectResult::bundle_wide(file.or(Some("pretest/")), Verdict::Checked(findings))]
}

/// PRETEST-COVERAGE: every mandatory case of every declared service has exactly one row, and
/// every row names a case of a declared service.
pub(crate) fn check_coverage(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let view = match view(context) {
        Ok(view) => view,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let declared = context.declared_services();
    if declared.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped("the manifest declares no known service (see BUNDLE-MANIFEST)".to_owned()),
        )];
    }
    let lists: Vec<_> = declared.iter().filter_map(|service| context.catalog.pretest_list(service)).collect();
    if lists.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped(format!("the catalog declares no pre-test cases for {}", declared.join(", "))),
        )];
    }
    let groups = group(view.report, context.catalog);
    let by_case = index_by_case(&groups);
    let mut results = Vec::new();
    for list in &lists {
        for case in &list.cases {
            let rows = by_case.get(case.id.as_str()).map(|&index| &groups[index]);
            let line = rows.and_then(|group| group.rows.first()).map(|row| row.line);
            let verdict = match rows.map(|group| group.rows.as_slice()) {
                None | Some([]) if case.mandatory => Verdict::Checked(vec![
                    Finding::new(
                        severity,
                        format!("mandatory case {} ({}) of {} has no row", case.id, case.title, case.service),
                    )
                    .at(Location::file(view.path))
                    .with_help(format!("run it and add a row with case_id `{}`: {}", case.id, case.exercises)),
                ]),
                None | Some([]) => {
                    Verdict::Skipped(format!("optional case {} ({}) is not reported", case.id, case.title))
                }
                Some([_]) => Verdict::Checked(Vec::new()),
                Some(rows) => {
                    let labels: Vec<&str> = rows.iter().map(|row| row.label.as_str()).collect();
                    Verdict::Checked(
                        rows[1..]
                            .iter()
                            .map(|row| {
                                view.at(
                                    severity,
                                    row,
                                    Field::CaseId,
                                    format!(
                                        "case {} is reported {} times ({}): keep one row per case",
                                        case.id,
                                        rows.len(),
                                        labels.join(", ")
                                    ),
                                )
                            })
                            .collect(),
                    )
                }
            };
            results.push(SubjectResult::about(&case.id, Some(view.path), line, verdict));
        }
    }
    for group in
        groups.iter().filter(|group| !group.declared.is_some_and(|case| declared.contains(&case.service.as_str())))
    {
        let Some(row) = group.rows.first() else { continue };
        let id = row.value(Field::CaseId);
        let message = match group.declared {
            _ if id.is_empty() => "the row has no case_id".to_owned(),
            Some(case) => format!("case {} belongs to {}, which the manifest does not declare", case.id, case.service),
            None => format!(
                "`{id}` is not a pre-test case of {}; the declared cases are {}",
                declared.join(", "),
                lists.iter().flat_map(|list| &list.cases).map(|case| case.id.as_str()).collect::<Vec<_>>().join(", ")
            ),
        };
        let findings = group.rows.iter().map(|row| view.at(severity, row, Field::CaseId, message.clone())).collect();
        results.push(SubjectResult::about(&group.subject, Some(view.path), Some(row.line), Verdict::Checked(findings)));
    }
    results
}
