//! Pre-test case reports (SPEC §3): `pretest/report.csv`, `report.xlsx` or `report.json`, read
//! into rows of known columns with the place of every cell, so that a finding can point at
//! `report.csv:7:21` or `Sheet1!C7`.
//!
//! This crate never does IO: bytes in, rows out. It reads what vendors really send: Finnish
//! headers, semicolon-separated CSV from Finnish Excel, a UTF-8 byte order mark, Windows-1252 or
//! UTF-16 text, date cells, trailing empty rows. What it cannot read is a [`ReadError`] (one
//! clear message); what it can read but looks wrong is a [`Note`] for PRETEST-REPORT.

#![forbid(unsafe_code)]

mod csv_report;
mod csv_update;
mod json_report;
mod values;
mod xlsx_report;

use std::ops::Range;
use std::sync::Arc;
use valmis_i18n::msg;

pub use csv_update::{CsvUpdate, csv_header, new_csv_report, update_csv};
pub use json_report::parse_strict_json;
pub use values::{ExecutedAt, NotADate, ResultValue, parse_executed_at, parse_result, split_evidence};
pub use xlsx_report::{SheetCell, cell_name, xlsx_cells};

/// How a report file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma, semicolon or tab separated text.
    Csv,
    /// An Excel workbook; the first sheet is read.
    Xlsx,
    /// A JSON array of objects.
    Json,
}

impl Format {
    /// The format of a report file, by its extension (`report.CSV` too).
    pub fn of_path(path: &str) -> Option<Self> {
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// A column of the report (SPEC §3), in header order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `case_id` / `testitapaus`.
    CaseId,
    /// `result` / `tulos`.
    Result,
    /// `executed_at` / `suoritettu`.
    ExecutedAt,
    /// `environment` / `ympäristö`.
    Environment,
    /// `test_person` / `testihenkilö`.
    TestPerson,
    /// `document_oid` / `asiakirjan_oid`.
    DocumentOid,
    /// `evidence` / `todisteet`.
    Evidence,
    /// `notes` / `huomiot`.
    Notes,
}

impl Field {
    /// Every column, in the order of SPEC §3.
    pub const ALL: [Field; 8] = [
        Self::CaseId,
        Self::Result,
        Self::ExecutedAt,
        Self::Environment,
        Self::TestPerson,
        Self::DocumentOid,
        Self::Evidence,
        Self::Notes,
    ];

    /// Columns every report must have; the others may be left out.
    pub const REQUIRED: [Field; 5] =
        [Self::CaseId, Self::Result, Self::ExecutedAt, Self::Environment, Self::TestPerson];

    /// The English header.
    pub fn english(self) -> &'static str {
        match self {
            Self::CaseId => "case_id",
            Self::Result => "result",
            Self::ExecutedAt => "executed_at",
            Self::Environment => "environment",
            Self::TestPerson => "test_person",
            Self::DocumentOid => "document_oid",
            Self::Evidence => "evidence",
            Self::Notes => "notes",
        }
    }

    /// The Finnish header.
    pub fn finnish(self) -> &'static str {
        match self {
            Self::CaseId => "testitapaus",
            Self::Result => "tulos",
            Self::ExecutedAt => "suoritettu",
            Self::Environment => "ympäristö",
            Self::TestPerson => "testihenkilö",
            Self::DocumentOid => "asiakirjan_oid",
            Self::Evidence => "todisteet",
            Self::Notes => "huomiot",
        }
    }

    /// The column a header names, in English or Finnish, ignoring case, surrounding space,
    /// `-`/space for `_`, and missing diacritics (`ymparisto`).
    pub fn from_header(header: &str) -> Option<Self> {
        let wanted = fold(header);
        Self::ALL.into_iter().find(|field| fold(field.english()) == wanted || fold(field.finnish()) == wanted)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Lower case, `_` for spaces and hyphens, `a`/`o` for `ä`/`ö`/`å`, without a byte order mark:
/// how spreadsheet headers and hand-typed values are compared.
pub fn fold(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            ' ' | '-' => '_',
            'ä' | 'å' => 'a',
            'ö' => 'o',
            other => other,
        })
        .collect()
}

/// Where something is in the report file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A byte range of [`Report::text`] (CSV and JSON).
    Text(Range<usize>),
    /// A worksheet cell; `row` and `column` are 1-based, as Excel shows them.
    Cell {
        /// Sheet name, shared by every place on the sheet.
        sheet: Arc<str>,
        /// 1-based row.
        row: u32,
        /// 1-based column (A = 1).
        column: u32,
    },
}

/// Where one cell of a row is, without repeating what the row already says: a byte range of the
/// text, or a sheet row and column (the sheet is the row's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Slot {
    /// End of the value in [`Row::values`]; it starts where the previous field's ends.
    value_end: u32,
    /// Whether the row has a cell for this field.
    present: bool,
    /// A text range, or (row, column) of a sheet cell.
    at: (usize, usize),
}

/// One case row of the report, kept compactly: a report of 20,000 rows is held whole while the
/// bundle is checked, so the values share one allocation and a cell's place is a pair of numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line (text) or row (sheet) number.
    pub line: u32,
    /// Where the row starts.
    pub place: Place,
    /// The trimmed values of the fields, one after the other in [`Field`] order.
    values: Box<str>,
    slots: [Slot; 8],
}

impl Row {
    /// How people find the row: `line 7` or `Sheet1 row 7` (the same in every language: it names
    /// a result).
    pub fn label(&self) -> String {
        self.label_message().to_string()
    }

    /// The same, in the run's language.
    pub fn label_message(&self) -> valmis_i18n::Msg {
        match &self.place {
            Place::Text(_) => msg!("report-line", line = self.line),
            Place::Cell { sheet, .. } => msg!("report-sheet-row", sheet = &**sheet, row = self.line),
        }
    }

    /// Whether the row has a cell for `field` (the report has that column and the row reaches it).
    pub fn has(&self, field: Field) -> bool {
        self.slots[field.index()].present
    }

    /// The trimmed value of `field`, or "" when absent.
    pub fn value(&self, field: Field) -> &str {
        let index = field.index();
        let start = if index == 0 { 0 } else { self.slots[index - 1].value_end as usize };
        self.values.get(start..self.slots[index].value_end as usize).unwrap_or("")
    }

    /// Where `field` is, or where the row is when the cell is absent.
    pub fn place_of(&self, field: Field) -> Place {
        let slot = self.slots[field.index()];
        if !slot.present {
            return self.place.clone();
        }
        match &self.place {
            Place::Text(_) => Place::Text(slot.at.0..slot.at.1),
            Place::Cell { sheet, .. } => Place::Cell {
                sheet: Arc::clone(sheet),
                row: u32::try_from(slot.at.0).unwrap_or(u32::MAX),
                column: u32::try_from(slot.at.1).unwrap_or(u32::MAX),
            },
        }
    }
}

/// How much a note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Read as the user most likely meant; worth fixing.
    Warning,
    /// The report is not as SPEC §3 asks (a required column is missing, the header is unclear).
    Error,
}

/// Something about the report as a whole that PRETEST-REPORT reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// How much it matters.
    pub level: Level,
    /// Where, when it has a place.
    pub place: Option<Place>,
    /// One line, lowercase fragment style.
    pub message: valmis_i18n::Msg,
}

/// A report that could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How it was stored.
    pub format: Format,
    /// The decoded text, for CSV and JSON: [`Place::Text`] ranges index it.
    pub text: Option<String>,
    /// The columns the header names, with their places.
    pub columns: Vec<(Field, Place)>,
    /// Case rows, blank rows left out.
    pub rows: Vec<Row>,
    /// Warnings and errors about the report as a whole.
    pub notes: Vec<Note>,
}

impl Report {
    /// Whether the header names `field`.
    pub fn has_column(&self, field: Field) -> bool {
        self.columns.iter().any(|(column, _)| *column == field)
    }
}

/// A report that cannot be read at all, with where the problem is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What is wrong, lowercase fragment style.
    pub message: valmis_i18n::Msg,
    /// Where, when known.
    pub place: Option<Place>,
}

impl ReadError {
    pub(crate) fn new(message: valmis_i18n::Msg, place: Option<Place>) -> Self {
        Self { message, place }
    }
}

/// Reads a report stored as `format`.
pub fn read(format: Format, bytes: &[u8]) -> Result<Report, ReadError> {
    let mut report = match format {
        Format::Csv => csv_report::read(bytes),
        Format::Xlsx => xlsx_report::read(bytes),
        Format::Json => json_report::read(bytes),
    }?;
    // The report is held while the bundle is checked: not with the room its vector grew to
    // (up to twice the rows: 3 MB of 20,000 rows).
    report.rows.shrink_to_fit();
    Ok(report)
}

/// Builds rows from a header and cells, shared by the three readers. `header` lists each
/// header cell's text and place; `notes` collects unknown and duplicate columns.
pub(crate) struct Columns {
    /// For each header position, the field it names.
    by_position: Vec<Option<Field>>,
    columns: Vec<(Field, Place)>,
}

impl Columns {
    pub(crate) fn new(header: &[(String, Place)], notes: &mut Vec<Note>) -> Result<Self, ReadError> {
        let mut by_position = Vec::with_capacity(header.len());
        let mut columns: Vec<(Field, Place)> = Vec::new();
        for (text, place) in header {
            let field = Field::from_header(text);
            match field {
                Some(field) if columns.iter().any(|(seen, _)| *seen == field) => {
                    notes.push(Note {
                        level: Level::Error,
                        place: Some(place.clone()),
                        message: msg!("report-column-twice", column = text.trim()),
                    });
                    by_position.push(None);
                    continue;
                }
                Some(field) => columns.push((field, place.clone())),
                None if text.trim().is_empty() => {}
                None => notes.push(Note {
                    level: Level::Warning,
                    place: Some(place.clone()),
                    message: msg!("report-column-unknown", column = text.trim()),
                }),
            }
            by_position.push(field);
        }
        let named = |field: Field| columns.iter().any(|(seen, _)| *seen == field);
        if !named(Field::CaseId) || !named(Field::Result) {
            let first = header.first().map(|(_, place)| place.clone());
            return Err(ReadError::new(msg!("report-header-unrecognised", found = describe_header(header)), first));
        }
        for field in Field::REQUIRED {
            if !named(field) {
                notes.push(Note {
                    level: Level::Error,
                    place: header.first().map(|(_, place)| place.clone()),
                    message: msg!("report-column-missing", english = field.english(), finnish = field.finnish()),
                });
            }
        }
        Ok(Self { by_position, columns })
    }

    /// The field of the cell at `position`, or `None` for unknown and extra columns.
    pub(crate) fn field_at(&self, position: usize) -> Option<Field> {
        self.by_position.get(position).copied().flatten()
    }

    pub(crate) fn width(&self) -> usize {
        self.by_position.len()
    }

    pub(crate) fn into_columns(self) -> Vec<(Field, Place)> {
        self.columns
    }
}

fn describe_header(header: &[(String, Place)]) -> valmis_i18n::Msg {
    let names: Vec<String> = header
        .iter()
        .filter(|(text, _)| !text.trim().is_empty())
        .take(8)
        .map(|(text, _)| format!("`{}`", text.trim()))
        .collect();
    if names.is_empty() { msg!("report-empty-row") } else { msg!("report-names", names = names.join(", ")) }
}

/// Collects the cells of one row.
#[derive(Debug, Default)]
pub(crate) struct RowBuilder {
    values: String,
    cells: [Option<(Range<usize>, Place)>; 8],
}

impl RowBuilder {
    pub(crate) fn set(&mut self, field: Field, value: &str, place: Place) {
        let slot = &mut self.cells[field.index()];
        if slot.is_none() {
            let start = self.values.len();
            self.values.push_str(value.trim());
            *slot = Some((start..self.values.len(), place));
        }
    }

    /// The row, or `None` when every cell is blank (trailing empty rows of a spreadsheet).
    /// `place` is where the row starts: a text range, or a sheet cell whose sheet every cell of
    /// the row shares.
    pub(crate) fn finish(self, line: u32, place: Place) -> Option<Row> {
        if self.cells.iter().flatten().all(|(value, _)| value.is_empty()) {
            return None;
        }
        let mut values = String::with_capacity(self.values.len());
        let mut slots = [Slot::default(); 8];
        for (slot, cell) in slots.iter_mut().zip(&self.cells) {
            if let Some((value, at)) = cell {
                values.push_str(&self.values[value.clone()]);
                slot.present = true;
                slot.at = match at {
                    Place::Text(span) => (span.start, span.end),
                    Place::Cell { row, column, .. } => (*row as usize, *column as usize),
                };
            }
            slot.value_end = u32::try_from(values.len()).unwrap_or(u32::MAX);
        }
        Some(Row { line, place, values: values.into_boxed_str(), slots })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_each_value_and_place_whatever_order_its_columns_come_in() {
        let mut builder = RowBuilder::default();
        // Columns in a different order from `Field`, one empty, two absent, one repeated.
        builder.set(Field::Notes, " huom ", Place::Text(40..46));
        builder.set(Field::CaseId, "PA-1", Place::Text(10..14));
        builder.set(Field::Result, "", Place::Text(15..15));
        builder.set(Field::TestPerson, "010181-900C", Place::Text(20..31));
        builder.set(Field::CaseId, "PA-2", Place::Text(50..54));
        let row = builder.finish(3, Place::Text(10..60)).expect("not blank");
        let expected = [
            (Field::CaseId, "PA-1", Some(10..14)),
            (Field::Result, "", Some(15..15)),
            (Field::ExecutedAt, "", None),
            (Field::Environment, "", None),
            (Field::TestPerson, "010181-900C", Some(20..31)),
            (Field::DocumentOid, "", None),
            (Field::Evidence, "", None),
            (Field::Notes, "huom", Some(40..46)),
        ];
        for (field, value, place) in expected {
            assert_eq!(row.value(field), value, "{field:?}");
            assert_eq!(row.has(field), place.is_some(), "{field:?}");
            assert_eq!(row.place_of(field), Place::Text(place.unwrap_or(10..60)), "{field:?}");
        }
        assert_eq!(row.label(), "line 3");
    }

    #[test]
    fn a_sheet_row_shares_its_sheet_name_and_names_itself_by_it() {
        let sheet: Arc<str> = "Esitestit".into();
        let cell = |column| Place::Cell { sheet: sheet.clone(), row: 7, column };
        let mut builder = RowBuilder::default();
        builder.set(Field::Result, "hyväksytty", cell(3));
        let row = builder.finish(7, cell(1)).expect("not blank");
        assert_eq!(row.place_of(Field::Result), cell(3));
        assert_eq!(row.place_of(Field::CaseId), cell(1));
        assert_eq!(row.value(Field::Result), "hyväksytty");
        assert_eq!(row.label(), "Esitestit row 7");
        // One name for the whole sheet, not one per cell.
        assert!(
            matches!(row.place_of(Field::Result), Place::Cell { sheet: shared, .. } if Arc::ptr_eq(&shared, &sheet))
        );
    }

    #[test]
    fn a_blank_row_is_left_out_and_a_row_stays_small() {
        let mut builder = RowBuilder::default();
        builder.set(Field::CaseId, "  ", Place::Text(0..2));
        assert_eq!(builder.finish(1, Place::Text(0..2)), None);
        // 20,000 rows are held while a bundle is checked (issue 22): a row is its values plus
        // at most 256 bytes, where it was about 1.2 KB with a string and a place per cell.
        assert!(size_of::<Row>() <= 256, "{}", size_of::<Row>());
    }
}
