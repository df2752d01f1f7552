//! PRETEST-REPORT (the report is there, once, readable, with a recognised header) and
//! PRETEST-COVERAGE (every declared case has rows).

use valmis_i18n::{said, t};
use valmis_model::{Finding, Location, Requirement, Severity};
use valmis_pretest::{Field, Level, Place};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::pretest::{Loaded, View, group, index_by_case, locate};
use crate::inputs::source::SourceFile;

/// PRETEST-REPORT: the report is there, once, readable, with a recognised header.
pub(crate) fn check_report(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let severity = requirement.severity;
    let lang = context.lang.as_str();
    let (file, findings) = match context.pretest() {
        Loaded::Missing => {
            let others: Vec<&str> = context
                .bundle
                .files()
                .map(|entry| entry.path.as_str())
                .filter(|path| path.starts_with("pretest/"))
                .collect();
            let mut finding = Finding::said(severity, said!(lang, "report-missing")).at(Location::file("pretest/"));
            if !others.is_empty() {
                finding = finding.with_help(t!(lang, "report-missing-help", files = others.join(", ")));
            }
            (None, vec![finding])
        }
        Loaded::Ambiguous(paths) => (
            Some(paths[0].as_str()),
            vec![
                Finding::said(severity, said!(lang, "report-ambiguous", count = paths.len(), paths = paths.join(", ")))
                    .at(Location::file("pretest/"))
                    .with_help(t!(lang, "report-ambiguous-help")),
            ],
        ),
        Loaded::Unreadable { path, reason } => {
            return vec![SubjectResult::bundle_wide(Some(path), Verdict::Error(reason.render(lang)))];
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
            (Some(path.as_str()), vec![Finding::said(severity, error.message.said(lang)).at(location)])
        }
        Loaded::Read { path, report } => {
            let view = View::new(path, report, context.lang.as_str());
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
                    Finding::said(level, note.message.said(lang)).at(location)
                })
                .collect();
            if report.rows.is_empty() {
                findings.push(
                    Finding::said(severity, said!(lang, "report-no-rows"))
                        .at(Location::file(path.as_str()))
                        .with_help(t!(lang, "report-no-rows-help")),
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
    let lang = context.lang.as_str();
    let view = match context.pretest_view() {
        Ok(view) => view,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let declared = context.declared_services();
    if declared.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped(t!(lang, "coverage-no-service-skip")),
        )];
    }
    let lists: Vec<_> = declared.iter().filter_map(|service| context.catalog.pretest_list(service)).collect();
    if lists.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped(t!(lang, "coverage-no-cases-skip", services = declared.join(", "))),
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
                    Finding::said(
                        severity,
                        said!(
                            lang,
                            "coverage-missing",
                            case = case.id.as_str(),
                            title = case.title.as_str(),
                            service = &*case.service
                        ),
                    )
                    .at(Location::file(view.path))
                    .with_help(t!(
                        lang,
                        "coverage-missing-help",
                        case = case.id.as_str(),
                        exercises = case.exercises.as_str(),
                        title = case.title.as_str()
                    )),
                ]),
                None | Some([]) => Verdict::Skipped(t!(
                    lang,
                    "coverage-optional-skip",
                    case = case.id.as_str(),
                    title = case.title.as_str()
                )),
                Some([_]) => Verdict::Checked(Vec::new()),
                Some(rows) => {
                    let labels: Vec<String> = rows.iter().map(|row| row.label_message().render(lang)).collect();
                    Verdict::Checked(
                        rows[1..]
                            .iter()
                            .map(|row| {
                                view.at(
                                    severity,
                                    row,
                                    Field::CaseId,
                                    said!(
                                        lang,
                                        "coverage-twice",
                                        case = case.id.as_str(),
                                        times = rows.len(),
                                        rows = labels.join(", ")
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
    for group in groups.iter().filter(|group| !group.declared.is_some_and(|case| declared.contains(&&*case.service))) {
        let Some(row) = group.rows.first() else { continue };
        let id = row.value(Field::CaseId);
        let message = match group.declared {
            _ if id.is_empty() => said!(lang, "coverage-no-case-id"),
            Some(case) => {
                said!(lang, "coverage-undeclared-service", case = case.id.as_str(), service = &*case.service)
            }
            None => said!(
                lang,
                "coverage-unknown-case",
                id = id,
                services = declared.join(", "),
                cases = lists
                    .iter()
                    .flat_map(|list| &list.cases)
                    .map(|case| case.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let findings = group.rows.iter().map(|row| view.at(severity, row, Field::CaseId, message.clone())).collect();
        results.push(SubjectResult::about(&group.subject, Some(view.path), Some(row.line), Verdict::Checked(findings)));
    }
    results
}
