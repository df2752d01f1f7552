//! PRETEST-REPORT (the report is there, once, readable, with a recognised header) and
//! PRETEST-COVERAGE (every declared case has rows).

use valmis_model::{Finding, Location, Requirement, Severity};
use valmis_pretest::{Field, Level, Place};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::pretest::{Loaded, View, group, index_by_case, locate};
use crate::inputs::source::SourceFile;

/// PRETEST-REPORT: the report is there, once, readable, with a recognised header.
pub(crate) fn check_report(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let (file, findings) = match context.pretest() {
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
    let view = match context.pretest_view() {
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
