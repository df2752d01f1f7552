//! XLSX reports, read with `calamine` from memory. The workbook's zip is inspected first, so
//! that a hostile or broken file gives one clear error before any of it is inflated. Places
//! are sheet cells (`Sheet1!C7`).

use std::io::Cursor;
use valmis_i18n::msg;

use calamine::{Data, Reader, Xlsx};

use crate::{Columns, Field, Format, Place, ReadError, Report, RowBuilder};

/// Most zip entries a workbook may have.
const MAX_ENTRIES: usize = 10_000;
/// Most bytes a workbook may inflate to.
const MAX_INFLATED: u64 = 256 * 1024 * 1024;
/// Non-blank rows above the header that are taken for titles.
const MAX_TITLE_ROWS: usize = 5;
/// Highest compression ratio for a part of 1 MiB or more (XML compresses well, but not 200:1).
const MAX_RATIO: u64 = 200;

/// One text cell of a workbook, for scanning every sheet (PRIVACY-HETU).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCell {
    /// Sheet name.
    pub sheet: String,
    /// 1-based row.
    pub row: u32,
    /// 1-based column.
    pub column: u32,
    /// The cell as text.
    pub value: String,
}

/// Excel's name of a cell: `C7` for column 3, row 7 (both 1-based).
pub fn cell_name(column: u32, row: u32) -> String {
    let mut letters = Vec::new();
    let mut remaining = column.max(1);
    while remaining > 0 {
        let digit = (remaining - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        remaining = (remaining - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, ReadError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| ReadError::new(msg!("xlsx-not-zip", error = error.to_string()), None))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::new(msg!("xlsx-too-many-entries", entries = archive.len(), limit = MAX_ENTRIES), None));
    }
    let mut inflated: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else { continue };
        let size = entry.size();
        inflated = inflated.saturating_add(size);
        if size >= 1024 * 1024 && size / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(ReadError::new(
                msg!(
                    "xlsx-ratio",
                    part = String::from_utf8_lossy(entry.name_raw()).into_owned(),
                    ratio = size / entry.compressed_size().max(1)
                ),
                None,
            ));
        }
    }
    if inflated > MAX_INFLATED {
        return Err(ReadError::new(msg!("xlsx-inflated", inflated = inflated, limit = MAX_INFLATED), None));
    }
    Xlsx::new(Cursor::new(bytes)).map_err(|error| {
        let message = match error {
            calamine::XlsxError::FileNotFound(part) => msg!("xlsx-no-part", part = part),
            other => msg!("xlsx-unreadable", error = other.to_string()),
        };
        ReadError::new(message, None)
    })
}

/// Runs calamine under `catch_unwind`: on some malformed workbooks it panics (an integer
/// overflow on a reversed `<dimension ref>` in debug builds, found by fuzzing), and a workbook
/// must give a finding, never a crash.
fn guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(ReadError::new(msg!("xlsx-malformed"), None)))
}

pub(crate) fn read(bytes: &[u8]) -> Result<Report, ReadError> {
    guarded(|| read_unguarded(bytes))
}

fn read_unguarded(bytes: &[u8]) -> Result<Report, ReadError> {
    let mut workbook = open(bytes)?;
    let Some(sheet) = workbook.sheet_names().into_iter().next() else {
        return Err(ReadError::new(msg!("xlsx-no-sheets"), None));
    };
    let range = sparse_range(&mut workbook, &sheet)?;
    let merged = workbook.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
    let shared: std::sync::Arc<str> = sheet.as_str().into();
    let place = |row: u32, column: u32| Place::Cell { sheet: shared.clone(), row: row + 1, column: column + 1 };
    let Some((first_row, first_column)) = range.start() else {
        return Err(ReadError::new(msg!("xlsx-sheet-empty", sheet = sheet.as_str()), Some(place(0, 0))));
    };

    let mut notes = Vec::new();
    let mut columns: Option<Columns> = None;
    let mut rows = Vec::new();
    let mut title_rows = 0;
    let mut first_nonblank: Option<Vec<(String, Place)>> = None;
    for (offset, cells) in range.rows().enumerate() {
        let row = first_row + u32::try_from(offset).unwrap_or(u32::MAX - first_row);
        let column_of = |index: usize| first_column + u32::try_from(index).unwrap_or(0);
        let Some(header) = &columns else {
            if cells.iter().all(|cell| cell_text(cell).trim().is_empty()) {
                continue;
            }
            // Title rows above the header (a heading, the organisation's name, often merged) are
            // skipped: the header is the first row that names `case_id` and `result`.
            let names = |field: Field| cells.iter().any(|cell| Field::from_header(&cell_text(cell)) == Some(field));
            if !(names(Field::CaseId) && names(Field::Result)) && title_rows < MAX_TITLE_ROWS {
                title_rows += 1;
                first_nonblank.get_or_insert_with(|| {
                    cells
                        .iter()
                        .enumerate()
                        .map(|(index, cell)| (cell_text(cell), place(row, column_of(index))))
                        .collect()
                });
                continue;
            }
            if title_rows == MAX_TITLE_ROWS
                && let Some(first) = &first_nonblank
            {
                // No header near the top: report what the first row holds.
                Columns::new(first, &mut notes)?;
            }
            if let Some(region) =
                merged.iter().find(|region| region.start.0 <= row && row <= region.end.0 && region.start != region.end)
            {
                let from = cell_name(region.start.1 + 1, region.start.0 + 1);
                let to = cell_name(region.end.1 + 1, region.end.0 + 1);
                return Err(ReadError::new(
                    msg!("xlsx-merged", sheet = sheet.as_str(), from = from, to = to),
                    Some(place(region.start.0, region.start.1)),
                ));
            }
            let header_cells: Vec<(String, Place)> =
                cells.iter().enumerate().map(|(index, cell)| (cell_text(cell), place(row, column_of(index)))).collect();
            columns = Some(Columns::new(&header_cells, &mut notes)?);
            continue;
        };
        let mut builder = RowBuilder::default();
        for (index, cell) in cells.iter().enumerate() {
            if let Some(field) = header.field_at(index) {
                builder.set(field, &cell_text(cell), place(row, column_of(index)));
            }
        }
        if let Some(row) = builder.finish(row + 1, place(row, first_column)) {
            rows.push(row);
        }
    }
    let Some(columns) = columns else {
        // Every non-blank row was taken for a title: the first one says what the sheet holds.
        if let Some(first) = &first_nonblank {
            Columns::new(first, &mut notes)?;
        }
        return Err(ReadError::new(
            msg!("xlsx-no-header", sheet = sheet.as_str()),
            Some(place(first_row, first_column)),
        ));
    };
    Ok(Report { format: Format::Xlsx, text: None, columns: columns.into_columns(), rows, notes })
}

/// The most non-empty cells a sheet may hold.
pub(crate) const MAX_CELLS: usize = 1_000_000;
/// The largest area (rows × columns from the first to the last used cell) a sheet may span: the
/// sheet is held as a dense grid of it. A 1.5 KB workbook with cells at A1 and XFD1048576 spans
/// 17 billion cells.
pub(crate) const MAX_AREA: u64 = 2_000_000;

/// The sheet's cells, read one by one so that its extent is known before the dense range is
/// built: a sheet over `MAX_CELLS` or `MAX_AREA` is one error naming its extent.
fn sparse_range<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Xlsx<RS>,
    sheet: &str,
) -> Result<calamine::Range<Data>, ReadError> {
    let unreadable = |error: calamine::XlsxError| {
        ReadError::new(msg!("xlsx-sheet-unreadable", sheet = sheet, error = error.to_string()), None)
    };
    let mut reader = match workbook.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        // A chart sheet or another non-worksheet part holds no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(calamine::Range::empty()),
        Err(error) => return Err(unreadable(error)),
    };
    let mut cells = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let value = Data::from(cell.get_value().clone());
        if matches!(value, Data::Empty) {
            continue;
        }
        if cells.len() == MAX_CELLS {
            return Err(ReadError::new(msg!("xlsx-too-many-cells", sheet = sheet, limit = MAX_CELLS), None));
        }
        let (row, column) = cell.get_position();
        (top, left, bottom, right) = (top.min(row), left.min(column), bottom.max(row), right.max(column));
        cells.push(calamine::Cell::new((row, column), value));
    }
    drop(reader);
    if !cells.is_empty() {
        let area = (u64::from(bottom) - u64::from(top) + 1).saturating_mul(u64::from(right) - u64::from(left) + 1);
        if area > MAX_AREA {
            let from = cell_name(left.saturating_add(1), top.saturating_add(1));
            let to = cell_name(right.saturating_add(1), bottom.saturating_add(1));
            return Err(ReadError::new(
                msg!("xlsx-area", sheet = sheet, from = from, to = to, area = area, limit = MAX_AREA),
                Some(Place::Cell {
                    sheet: sheet.into(),
                    row: bottom.saturating_add(1),
                    column: right.saturating_add(1),
                }),
            ));
        }
    }
    Ok(calamine::Range::from_sparse(cells))
}

/// Every non-empty text cell of every sheet, in sheet order.
pub fn xlsx_cells(bytes: &[u8]) -> Result<Vec<SheetCell>, ReadError> {
    guarded(|| xlsx_cells_unguarded(bytes))
}

fn xlsx_cells_unguarded(bytes: &[u8]) -> Result<Vec<SheetCell>, ReadError> {
    let mut workbook = open(bytes)?;
    let mut cells = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = sparse_range(&mut workbook, &sheet)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        for (row, column, data) in range.used_cells() {
            if let Data::String(value) = data {
                let absolute = |start: u32, offset: usize| {
                    start.saturating_add(u32::try_from(offset).unwrap_or(u32::MAX)).saturating_add(1)
                };
                cells.push(SheetCell {
                    sheet: sheet.clone(),
                    row: absolute(first_row, row),
                    column: absolute(first_column, column),
                    value: value.clone(),
                });
            }
        }
    }
    Ok(cells)
}

/// A cell as the text a user sees: whole numbers without `.0`, date cells as ISO dates (with
/// the time when it is not midnight), errors as Excel shows them (`#N/A`).
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        Data::Float(number) => number.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(datetime) => {
            let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::Error(error) => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell_name;

    #[test]
    fn cell_names_follow_excel() {
        assert_eq!(cell_name(1, 1), "A1");
        assert_eq!(cell_name(3, 7), "C7");
        assert_eq!(cell_name(26, 2), "Z2");
        assert_eq!(cell_name(27, 2), "AA2");
        assert_eq!(cell_name(703, 9), "AAA9");
    }
}
