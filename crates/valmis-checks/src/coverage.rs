//! The pre-test coverage view (`valmis requirements --coverage BUNDLE`): per declared service,
//! every declared case with what the report says about it, so that a vendor sees what is
//! missing before running anything else.

use jiff::Timestamp;
use serde::Serialize;
use valmis_bundle::Bundle;
use valmis_model::{CatalogError, CatalogSet};
use valmis_pretest::{Field, ResultValue, parse_result};

use crate::inputs::names::is_placeholder;
use crate::inputs::pretest::{Loaded, group, index_by_case};
use crate::setup::with_context;
use valmis_i18n::t;

/// What the report says about one declared case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    /// One row, passed.
    Pass,
    /// One row, failed.
    Fail,
    /// One row, not applicable.
    NotApplicable,
    /// One row not run yet: its result is `TODO` (from `valmis init`) or empty.
    NotRun,
    /// One row whose result valmis does not understand.
    Unrecognised,
    /// More than one row.
    Duplicate,
    /// No row.
    Missing,
}

impl CaseState {
    /// How the table prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotApplicable => "not-applicable",
            Self::NotRun => "not run yet",
            Self::Unrecognised => "unrecognised",
            Self::Duplicate => "duplicate",
            Self::Missing => "missing",
        }
    }
}

/// One declared case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseCoverage {
    /// Case id.
    pub id: String,
    /// One line.
    pub title: String,
    /// Whether the service's registration must report it.
    pub mandatory: bool,
    /// What the report says.
    pub state: CaseState,
    /// Whether this state is good enough for registration: pass, an allowed not-applicable
    /// with a note, or a missing optional case.
    pub acceptable: bool,
    /// The `result` cell as written, when there is one row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// The `executed_at` cell as written, when there is one row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub executed_at: Option<String>,
    /// The rows (`line 3`, `Esitestit row 3`).
    pub rows: Vec<String>,
}

/// One declared service.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceCoverage {
    /// Service id.
    pub service: String,
    /// Human name.
    pub title: String,
    /// Whether the case list is an illustrative one rather than Kela's.
    pub illustrative: bool,
    /// Its declared cases, in catalog order.
    pub cases: Vec<CaseCoverage>,
}

/// A report row that names no case of the services shown.
#[derive(Debug, Clone, Serialize)]
pub struct StrayRow {
    /// The case id as written (empty when there is none).
    pub case_id: String,
    /// The row (`line 7`).
    pub row: String,
    /// Why it does not count.
    pub reason: String,
}

/// The coverage of a bundle's pre-test report.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Version of this JSON shape.
    pub format: u32,
    /// Round whose case lists were used.
    pub round: String,
    /// The report read, as the bundle names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// Why no report could be read, when none could.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// One entry per service shown.
    pub services: Vec<ServiceCoverage>,
    /// Rows that count for none of them.
    pub stray_rows: Vec<StrayRow>,
    /// Whether every mandatory case is acceptable and no row is stray.
    pub complete: bool,
}

/// Why a coverage view cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverageError {
    /// The catalog cannot be used.
    Catalog(CatalogError),
    /// No services: the manifest declares none and none were asked for.
    NoServices,
    /// A service id the catalog does not know.
    UnknownService(String),
}

/// The coverage of `bundle`'s report for `services` (the manifest's when empty); its texts in
/// `lang`.
pub fn coverage(
    bundle: &Bundle,
    catalogs: &CatalogSet,
    services: &[String],
    lang: valmis_model::Lang,
) -> Result<Coverage, CoverageError> {
    let said = lang.as_str();
    with_context(bundle, catalogs, Timestamp::UNIX_EPOCH, None, None, lang, |context| {
        let services: Vec<String> = if services.is_empty() {
            context.declared_services().into_iter().map(str::to_owned).collect()
        } else {
            services.to_vec()
        };
        if services.is_empty() {
            return Err(CoverageError::NoServices);
        }
        if let Some(unknown) = services.iter().find(|service| context.catalog.service(service).is_none()) {
            return Err(CoverageError::UnknownService(unknown.clone()));
        }
        // An alias (Kela's name since 5/2024) stands for its service.
        let services: Vec<String> = services
            .iter()
            .filter_map(|service| context.catalog.service(service).map(|known| known.id.clone()))
            .collect();
        let catalog = context.catalog;
        let (report_path, problem, groups) = match context.pretest() {
            Loaded::Read { path, report } => (Some(bundle.display_path(path)), None, group(report, catalog)),
            Loaded::Missing => (None, Some(t!(said, "coverage-no-report")), Vec::new()),
            Loaded::Ambiguous(paths) => {
                (None, Some(t!(said, "coverage-reports", count = paths.len(), paths = paths.join(", "))), Vec::new())
            }
            Loaded::Unreadable { path, reason } => {
                (Some(bundle.display_path(path)), Some(reason.render(said)), Vec::new())
            }
            Loaded::Broken { path, error, .. } => {
                (Some(bundle.display_path(path)), Some(error.message.render(said)), Vec::new())
            }
        };
        let by_case = index_by_case(&groups);
        let mut shown = Vec::new();
        for service_id in &services {
            let Some(service) = catalog.service(service_id) else { continue };
            let list = catalog.pretest_list(service_id);
            let cases = list
                .map(|list| &list.cases)
                .into_iter()
                .flatten()
                .map(|case| {
                    let rows =
                        by_case.get(case.id.as_str()).map(|&index| groups[index].rows.as_slice()).unwrap_or_default();
                    let state = match rows {
                        [] => CaseState::Missing,
                        [row] => match parse_result(row.value(Field::Result)) {
                            Some(ResultValue::Pass) => CaseState::Pass,
                            Some(ResultValue::Fail) => CaseState::Fail,
                            Some(ResultValue::NotApplicable) => CaseState::NotApplicable,
                            None => {
                                let value = row.value(Field::Result);
                                if value.trim().is_empty() || is_placeholder(value) {
                                    CaseState::NotRun
                                } else {
                                    CaseState::Unrecognised
                                }
                            }
                        },
                        _ => CaseState::Duplicate,
                    };
                    let acceptable = match state {
                        CaseState::Pass => true,
                        CaseState::NotApplicable => {
                            case.not_applicable_allowed && rows.iter().all(|row| !row.value(Field::Notes).is_empty())
                        }
                        CaseState::Missing => !case.mandatory,
                        _ => false,
                    };
                    let single = |field: Field| match rows {
                        [row] if !row.value(field).is_empty() => Some(row.value(field).to_owned()),
                        _ => None,
                    };
                    CaseCoverage {
                        id: case.id.clone(),
                        title: case.title.clone(),
                        mandatory: case.mandatory,
                        state,
                        acceptable,
                        result: single(Field::Result),
                        executed_at: single(Field::ExecutedAt),
                        rows: rows.iter().map(|row| row.label()).collect(),
                    }
                })
                .collect();
            shown.push(ServiceCoverage {
                service: service.id.clone(),
                title: service.title.clone(),
                illustrative: list.is_some_and(|list| list.illustrative),
                cases,
            });
        }
        let stray_rows: Vec<StrayRow> = groups
            .iter()
            .filter(|group| {
                !group.declared.is_some_and(|case| services.iter().any(|service| **service == *case.service))
            })
            .flat_map(|group| {
                let reason = match group.declared {
                    Some(case) => t!(said, "coverage-other-service", service = &*case.service),
                    None if group.rows.first().is_some_and(|row| row.value(Field::CaseId).is_empty()) => {
                        t!(said, "coverage-stray-no-case-id")
                    }
                    None => t!(said, "coverage-undeclared"),
                };
                group.rows.iter().map(move |row| StrayRow {
                    case_id: row.value(Field::CaseId).to_owned(),
                    row: row.label(),
                    reason: reason.clone(),
                })
            })
            .collect();
        let complete = problem.is_none()
            && stray_rows.is_empty()
            && shown.iter().flat_map(|service| &service.cases).all(|case| case.acceptable);
        Ok(Coverage {
            format: 1,
            round: catalog.round.id.clone(),
            report: report_path,
            problem,
            services: shown,
            stray_rows,
            complete,
        })
    })
    .map_err(CoverageError::Catalog)?
}
