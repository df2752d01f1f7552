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
mod json_report;
mod values;
mod xlsx_report;

use std::ops::Range;
use valmis_i18n::msg;

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
        /// Sheet name.
        sheet: String,
        /// 1-based row.
        row: u32,
        /// 1-based column (A = 1).
        column: u32,
    },
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The value as text, trimmed.
    pub value: String,
    /// Where it is.
    pub place: Place,
}

/// One case row of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// How people find the row: `line 7` or `Sheet1 row 7` (the same in every language: it names
    /// a result).
    pub label: String,
    /// The same, in the run's language.
    pub label_message: valmis_i18n::Msg,
    /// 1-based line (text) or row (sheet) number.
    pub line: u32,
    /// Where the row starts.
    pub place: Place,
    cells: [Option<Cell>; 8],
}

impl Row {
    /// The cell of `field`, when the report has that column and the row has a cell there.
    pub fn cell(&self, field: Field) -> Option<&Cell> {
        self.cells[field.index()].as_ref()
    }

    /// The trimmed value of `field`, or "" when absent.
    pub fn value(&self, field: Field) -> &str {
        self.cell(field).map_or("", |cell| cell.value.as_str())
    }

    /// Where `field` is, or where the row is when the cell is absent.
    pub fn place_of(&self, field: Field) -> &Place {
        self.cell(field).map_or(&self.place, |cell| &cell.place)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().flatten().all(|cell| cell.value.is_empty())
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
    match format {
        Format::Csv => csv_report::read(bytes),
        Format::Xlsx => xlsx_report::read(bytes),
        Format::Json => json_report::read(bytes),
    }
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
    cells: [Option<Cell>; 8],
}

impl RowBuilder {
    pub(crate) fn set(&mut self, field: Field, value: &str, place: Place) {
        let slot = &mut self.cells[field.index()];
        if slot.is_none() {
            *slot = Some(Cell { value: value.trim().to_owned(), place });
        }
    }

    /// The row, or `None` when every cell is blank (trailing empty rows of a spreadsheet).
    pub(crate) fn finish(self, label_message: valmis_i18n::Msg, line: u32, place: Place) -> Option<Row> {
        let row = Row { label: label_message.to_string(), label_message, line, place, cells: self.cells };
        (!row.is_blank()).then_some(row)
    }
}
