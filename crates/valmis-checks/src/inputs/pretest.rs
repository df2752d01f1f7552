//! The pre-test case report (`pretest/report.csv|xlsx|json`) as read from the bundle, and its
//! rows grouped by the round's declared cases. The PRETEST rules and `valmis coverage` read it.

use std::collections::BTreeMap;

use valmis_bundle::Bundle;
use valmis_model::{Catalog, Finding, Location, PretestCase, Severity};
use valmis_pretest::{Field, Format, Place, ReadError, Report, Row, cell_name};

use super::source::SourceFile;

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
    Unreadable { path: String, reason: valmis_i18n::Msg },
    /// The file is there but is not a report.
    Broken { path: String, error: ReadError, bytes: Vec<u8> },
    /// A report.
    Read { path: String, report: Report },
}

/// Reads the report (the context keeps it for the run; every PRETEST rule shares it).
pub(crate) fn load(bundle: &Bundle) -> Loaded {
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
        Err(error) => Loaded::Unreadable { path, reason: error.message() },
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
    /// The run's language.
    pub(crate) lang: &'static str,
    source: Option<SourceFile<'a>>,
}

impl<'a> View<'a> {
    pub(crate) fn new(path: &'a str, report: &'a Report, lang: &'static str) -> Self {
        let source = report.text.as_deref().map(|text| SourceFile::new(path, text.as_bytes()));
        Self { path, report, lang, source }
    }

    /// A location people can open: `report.csv:7:21` with the line, or `report.xlsx:Sheet1!C7`.
    pub(crate) fn locate(&self, place: &Place) -> Location {
        locate(self.path, self.source.as_ref(), place)
    }

    /// A finding at `field` of `row` (at the row when the cell is absent).
    pub(crate) fn at(&self, severity: Severity, row: &Row, field: Field, message: valmis_i18n::Said) -> Finding {
        Finding::said(severity, message).at(self.locate(&row.place_of(field)))
    }
}

pub(crate) fn locate(path: &str, source: Option<&SourceFile<'_>>, place: &Place) -> Location {
    match (place, source) {
        (Place::Text(span), Some(source)) => source.locate(span.clone()),
        (Place::Cell { sheet, row, column }, _) => {
            Location::cell(path, format!("{sheet}!{}", cell_name(*column, *row)), *row, *column)
        }
        (Place::Text(_), None) => Location::file(path),
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
            groups.push(CaseRows { subject: row.label(), declared: None, rows: vec![row] });
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
