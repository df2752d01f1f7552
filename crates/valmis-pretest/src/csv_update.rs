//! Writing case rows into a CSV report the way its author stored it: `valmis run` replaces the
//! rows of the cases it ran and adds the others, and keeps every other byte (the encoding and
//! byte order mark, the delimiter, line endings, header names, columns of the author's own,
//! other rows and blank rows). A Finnish Excel report stays one that Finnish Excel opens.

use std::ops::Range;
use valmis_i18n::{Msg, msg};

use crate::csv_report::{Decoded, Records, Stored, check_line_limits, decode_stored, delimiter_of};
use crate::{Columns, Field, Place, ReadError, fold};

/// A header's cells: each value and where it is.
type Cells = Vec<(String, Place)>;

/// A report with rows written into it.
#[derive(Debug)]
pub struct CsvUpdate {
    /// The new file, stored as the old one was.
    pub bytes: Vec<u8>,
    /// For each row given, the result and `executed_at` of the row it replaced (as written), or
    /// `None` when it was added.
    pub replaced: Vec<Option<(String, String)>>,
    /// What changed beyond the rows, for the person to know: a column added, another encoding.
    pub notes: Vec<Msg>,
}

/// The header line of a new report: the English names, comma-separated (`valmis init` writes it).
pub fn csv_header() -> String {
    Field::ALL.map(Field::english).join(",")
}

/// A new report: the header line alone.
pub fn new_csv_report() -> Vec<u8> {
    format!("{}\n", csv_header()).into_bytes()
}

/// Writes `rows` (values in [`Field::ALL`] order, `result` as `pass`, `fail` or
/// `not-applicable`) into the CSV report `bytes`: a row whose case id matches one already there
/// (ignoring ASCII case; the first such row) replaces it in place, keeping the values of columns
/// valmis does not know; the others are added after the last non-blank row. A column the report
/// lacks is added at the end of the header only when a row has a value for it. Results are
/// written in the language of the result column's header (`tulos`: `hyväksytty`).
pub fn update_csv(bytes: &[u8], rows: &[[String; 8]]) -> Result<CsvUpdate, ReadError> {
    let Decoded { text, stored, broken, .. } = decode_stored(bytes);
    if let Some(encoding) = broken {
        return Err(ReadError::new(msg!("report-update-broken", encoding = encoding), None));
    }
    let delimiter = delimiter_of(&text);
    check_line_limits(&text, delimiter)?;

    let mut records = Records::new(&text, delimiter);
    // The header's span and its cells.
    let mut header: Option<(Range<usize>, Cells)> = None;
    // The data records: their span and values.
    let mut existing: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    while let Some((start, spans)) = records.next()? {
        let values: Vec<String> = records.record().iter().map(str::to_owned).collect();
        if values.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        let span = start..spans.last().map_or(start, |last| last.end);
        if header.is_none() {
            header = Some((span, values.into_iter().zip(spans.into_iter().map(Place::Text)).collect()));
        } else {
            existing.push((span, values));
        }
    }
    let Some((header_span, header_values)) = header else {
        return Err(ReadError::new(msg!("report-empty"), None));
    };
    let columns = Columns::new(&header_values, &mut Vec::new())?;
    let mut position: [Option<usize>; 8] = [None; 8];
    for index in 0..columns.width() {
        if let Some(field) = columns.field_at(index) {
            position[field as usize].get_or_insert(index);
        }
    }
    let finnish_header = |field: Field| {
        position[field as usize].is_some_and(|index| fold(&header_values[index].0) == fold(field.finnish()))
    };
    let finnish_results = finnish_header(Field::Result);
    let finnish_names = finnish_header(Field::CaseId);

    let mut notes = Vec::new();
    let mut width = header_values.len();
    let mut added_names = Vec::new();
    for field in Field::ALL {
        if position[field as usize].is_none() && rows.iter().any(|row| !row[field as usize].is_empty()) {
            let name = if finnish_names { field.finnish() } else { field.english() };
            position[field as usize] = Some(width);
            width += 1;
            added_names.push(name.to_owned());
            notes.push(msg!("report-update-column-added", column = name));
        }
    }
    let terminator = line_ending(&text, header_span.end);

    let case_at = position[Field::CaseId as usize].unwrap_or(0);
    let result_at = position[Field::Result as usize];
    let executed_at = position[Field::ExecutedAt as usize];
    let mut replaced = Vec::with_capacity(rows.len());
    // The new values of existing records, by their index, and the records to add.
    let mut changed: Vec<Option<Vec<String>>> = vec![None; existing.len()];
    let mut added: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let same_case =
            |values: &Vec<String>| values.get(case_at).is_some_and(|case| case.trim().eq_ignore_ascii_case(&row[0]));
        // The row to replace: the first of the case in the report, or one added by this update.
        let found = match existing.iter().position(|(_, values)| same_case(values)) {
            Some(index) => Some(Slot::Existing(index)),
            None => added.iter().position(same_case).map(Slot::Added),
        };
        let mut values = match found {
            Some(slot) => {
                let before = match slot {
                    Slot::Existing(index) => changed[index].as_ref().unwrap_or(&existing[index].1),
                    Slot::Added(index) => &added[index],
                };
                let value = |at: Option<usize>| at.and_then(|at| before.get(at)).map_or("", |v| v.trim()).to_owned();
                replaced.push(Some((value(result_at), value(executed_at))));
                before.clone()
            }
            None => {
                replaced.push(None);
                Vec::new()
            }
        };
        values.resize(values.len().max(width), String::new());
        for field in Field::ALL {
            let Some(index) = position[field as usize] else { continue };
            let value = &row[field as usize];
            values[index] = match field {
                // The case id as the person spelled it.
                Field::CaseId if found.is_some() => continue,
                Field::Result if finnish_results => finnish_result(value).to_owned(),
                _ => value.clone(),
            };
        }
        match found {
            Some(Slot::Existing(index)) => changed[index] = Some(values),
            Some(Slot::Added(index)) => added[index] = values,
            None => added.push(values),
        }
    }

    // Edits to the text, as (range replaced, new text), none overlapping, applied from the end.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    if !added_names.is_empty() {
        let names = std::iter::once(String::new()).chain(added_names);
        edits.push((header_span.end..header_span.end, render(delimiter, names)?));
    }
    for ((span, _), values) in existing.iter().zip(changed) {
        if let Some(values) = values {
            edits.push((span.clone(), render(delimiter, values)?));
        }
    }
    if !added.is_empty() {
        let at = existing.last().map_or(header_span.end, |(span, _)| span.end);
        let mut lines = String::new();
        for values in added {
            lines.push_str(terminator);
            lines.push_str(&render(delimiter, values)?);
        }
        edits.push((at..at, lines));
    }
    let mut text = text;
    // From the end; of two insertions at one place (a header's new column names and the first
    // added rows, in a report without rows) the later one first, so that it ends up after.
    let mut edits: Vec<(usize, (Range<usize>, String))> = edits.into_iter().enumerate().collect();
    edits.sort_by_key(|(order, (span, _))| std::cmp::Reverse((span.start, *order)));
    for (_, (span, replacement)) in edits {
        text.replace_range(span, &replacement);
    }
    let bytes = encode(&text, stored, &mut notes);
    Ok(CsvUpdate { bytes, replaced, notes })
}

/// Where a row of the update goes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// Over the report's data record of this index.
    Existing(usize),
    /// Over the row this update added at this index.
    Added(usize),
}

/// `fail` as `hylätty`, `pass` as `hyväksytty`, `not-applicable` as `ei sovellu`.
fn finnish_result(value: &str) -> &str {
    match value {
        "pass" => "hyväksytty",
        "fail" => "hylätty",
        "not-applicable" => "ei sovellu",
        other => other,
    }
}

/// The line ending after the header (`\r\n`, `\n` or a lone `\r`); `\n` when it has none.
fn line_ending(text: &str, header_end: usize) -> &'static str {
    let rest = text.as_bytes().get(header_end..).unwrap_or_default();
    match rest {
        [b'\r', b'\n', ..] => "\r\n",
        [b'\r', ..] => "\r",
        _ => "\n",
    }
}

/// One record, quoted as the `csv` crate quotes (only values that need it), without a line ending.
fn render(delimiter: u8, values: impl IntoIterator<Item = String>) -> Result<String, ReadError> {
    let failed =
        |error: &dyn std::fmt::Display| ReadError::new(msg!("report-update-write", error = error.to_string()), None);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::new());
    writer.write_record(values.into_iter().collect::<Vec<_>>()).map_err(|error| failed(&error))?;
    let bytes = writer.into_inner().map_err(|error| failed(&error))?;
    let mut line = String::from_utf8(bytes).map_err(|error| failed(&error))?;
    line.pop();
    Ok(line)
}

/// The text stored as it was read: the same encoding and byte order mark. A value Windows-1252
/// cannot hold (a harness step named in another script) stores the report as UTF-8 with a byte
/// order mark instead, which Excel also opens, and says so.
fn encode(text: &str, stored: Stored, notes: &mut Vec<Msg>) -> Vec<u8> {
    match stored {
        Stored::Utf8 { bom: false } => text.as_bytes().to_vec(),
        Stored::Utf8 { bom: true } => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Stored::Utf16 { big_endian } => {
            let mut bytes = Vec::with_capacity(2 + text.len() * 2);
            for unit in std::iter::once(0xFEFF).chain(text.encode_utf16()) {
                bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            bytes
        }
        Stored::Windows1252 => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            if unmappable {
                notes.push(msg!("report-update-utf8"));
                return [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
            }
            bytes.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Row, read};
    use proptest::prelude::*;

    fn row(case: &str, result: &str, notes: &str) -> [String; 8] {
        [case, result, "2026-12-03T10:00:00Z", "asiakastesti", "010181-900C", "", "evidence/x.txt", notes]
            .map(str::to_owned)
    }

    fn updated(bytes: &[u8], rows: &[[String; 8]]) -> CsvUpdate {
        update_csv(bytes, rows).expect("updated")
    }

    fn values(row: &Row) -> [String; 8] {
        Field::ALL.map(|field| row.value(field).to_owned())
    }

    #[test]
    fn a_new_report_is_the_header_and_the_rows_in_the_order_given() {
        let update = updated(&new_csv_report(), &[row("PA-01", "pass", "a, b"), row("PA-02", "fail", "")]);
        assert_eq!(
            String::from_utf8(update.bytes).expect("UTF-8"),
            "case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n\
             PA-01,pass,2026-12-03T10:00:00Z,asiakastesti,010181-900C,,evidence/x.txt,\"a, b\"\n\
             PA-02,fail,2026-12-03T10:00:00Z,asiakastesti,010181-900C,,evidence/x.txt,\n"
        );
        assert_eq!(update.replaced, [None, None]);
        assert!(update.notes.is_empty());
    }

    const FINNISH: &str = "testitapaus;tulos;suoritettu;ympäristö;testihenkilö;asiakirjan_oid;todisteet;huomiot";

    fn windows_1252(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable, "{text}");
        bytes.into_owned()
    }

    #[test]
    fn every_byte_of_windows_1252_outside_the_changed_row_is_kept() {
        // Every byte Windows-1252 stores, but the quote, in a row the run does not touch.
        let mut bytes = windows_1252(&format!("{FINNISH}\r\nPA-01;ok;1.1.2026;x;y;;;\r\nPA-02;ok;1.1.2026;x;y;;;"));
        bytes.extend((0x20..=0xFF).filter(|&byte| byte != b'"' && byte != b';'));
        bytes.extend_from_slice(b"\r\n");
        let update = updated(&bytes, &[row("pa-01", "fail", "")]);
        assert!(update.notes.is_empty(), "{:?}", update.notes);
        assert_eq!(update.replaced, [Some(("ok".to_owned(), "1.1.2026".to_owned()))]);
        let old_line = b"PA-01;ok;1.1.2026;x;y;;;";
        let new_line = windows_1252("PA-01;hylätty;2026-12-03T10:00:00Z;asiakastesti;010181-900C;;evidence/x.txt;");
        let at = bytes.windows(old_line.len()).position(|window| window == old_line).expect("the row");
        let mut expected = bytes.clone();
        expected.splice(at..at + old_line.len(), new_line);
        assert_eq!(update.bytes, expected);
    }

    #[test]
    fn utf_16_stays_utf_16_with_its_byte_order_mark() {
        let text = format!("{FINNISH}\r\nPA-02;hyväksytty;1.1.2026;x;y;;;Päivä\r\n");
        for big_endian in [false, true] {
            let encode = |text: &str| -> Vec<u8> {
                std::iter::once(0xFEFF_u16)
                    .chain(text.encode_utf16())
                    .flat_map(|unit| if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() })
                    .collect()
            };
            let update = updated(&encode(&text), &[row("PA-01", "pass", "Ääkköset")]);
            let expected = format!(
                "{text}PA-01;hyväksytty;2026-12-03T10:00:00Z;asiakastesti;010181-900C;;evidence/x.txt;Ääkköset\r\n"
            );
            assert_eq!(update.bytes, encode(&expected), "big endian: {big_endian}");
        }
    }

    #[test]
    fn a_column_is_added_only_for_a_value_and_rows_follow_the_header_without_a_line_end() {
        let bytes = b"case_id,result,executed_at,environment,test_person";
        let update = updated(bytes, &[row("PA-01", "pass", "")]);
        assert_eq!(
            String::from_utf8(update.bytes).expect("UTF-8"),
            "case_id,result,executed_at,environment,test_person,evidence\n\
             PA-01,pass,2026-12-03T10:00:00Z,asiakastesti,010181-900C,evidence/x.txt"
        );
        let notes: Vec<String> = update.notes.iter().map(ToString::to_string).collect();
        assert_eq!(notes, ["the report had no `evidence` column: it is added at the end of the header"]);
        // In a Finnish header, the added column has its Finnish name.
        let update = updated(b"testitapaus;tulos\n", &[row("PA-01", "pass", "")]);
        assert!(String::from_utf8(update.bytes).expect("UTF-8").starts_with("testitapaus;tulos;suoritettu;"));
    }

    #[test]
    fn a_value_windows_1252_cannot_hold_stores_the_report_as_utf_8_and_says_so() {
        let bytes = windows_1252(&format!("{FINNISH}\nPA-02;hyväksytty;1.1.2026;x;y;;;Päivä\n"));
        let update = updated(&bytes, &[row("PA-01", "pass", "askel → vastaus")]);
        let text = String::from_utf8(update.bytes).expect("UTF-8");
        assert!(text.starts_with("\u{feff}testitapaus;tulos;suoritettu;ympäristö;"), "{text}");
        assert!(text.contains("\nPA-02;hyväksytty;1.1.2026;x;y;;;Päivä\nPA-01;") && text.ends_with("→ vastaus\n"));
        assert_eq!(update.notes.len(), 1);
        assert!(update.notes[0].to_string().contains("UTF-8 with a byte order mark"));
    }

    #[test]
    fn a_broken_byte_order_mark_is_refused_rather_than_mended() {
        let error =
            update_csv(b"\xEF\xBB\xBFcase_id,result\nPA-01,\xFF\n", &[row("PA-01", "pass", "")]).expect_err("broken");
        assert!(error.message.to_string().contains("valmis run would change bytes it did not write"));
        let error = update_csv(b"\n\n", &[row("PA-01", "pass", "")]).expect_err("empty");
        assert!(error.message.to_string().starts_with("the report is empty"));
    }

    #[test]
    fn a_row_over_several_lines_is_replaced_whole_and_others_are_kept() {
        let text = "case_id,result,executed_at,environment,test_person,notes,oma\n\
                    PA-01,fail,2026-11-01,x,y,\"rivi 1\nrivi 2\",pidä\n\
                    PA-02,pass,2026-11-01,x,y,\"yksi\n\"\"kaksi\"\"\",\n";
        let update = updated(text.as_bytes(), &[row("PA-01", "pass", "uusi"), row("PA-01", "fail", "toinen")]);
        assert_eq!(
            String::from_utf8(update.bytes).expect("UTF-8"),
            "case_id,result,executed_at,environment,test_person,notes,oma,evidence\n\
             PA-01,fail,2026-12-03T10:00:00Z,asiakastesti,010181-900C,toinen,pidä,evidence/x.txt\n\
             PA-02,pass,2026-11-01,x,y,\"yksi\n\"\"kaksi\"\"\",\n"
        );
        // The second row of one case replaces the first's values.
        assert_eq!(
            update.replaced,
            [
                Some(("fail".to_owned(), "2026-11-01".to_owned())),
                Some(("pass".to_owned(), "2026-12-03T10:00:00Z".to_owned()))
            ]
        );
    }

    proptest! {
        /// Whatever the dialect and values, reading the updated report gives the rows given for
        /// the cases run and every other row as it was.
        #[test]
        fn the_updated_report_reads_back_as_the_old_one_with_the_new_rows(
            delimiter in prop::sample::select(vec![',', ';', '\t']),
            ending in prop::sample::select(vec!["\n", "\r\n"]),
            bom in any::<bool>(),
            old in prop::collection::vec(("[A-C]-0[1-4]", "(pass|fail|ok|hylätty)", "[a-zäö ,;\"\n]{0,12}"), 0..6),
            new in prop::collection::vec(("[A-C]-0[1-4]", "(pass|fail)", "[a-zäö ,;\"\n→]{0,12}"), 1..4),
        ) {
            let quote = |value: &str| format!("\"{}\"", value.replace('"', "\"\""));
            let header = ["case_id", "result", "executed_at", "environment", "test_person", "notes", "oma"];
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(&header.join(&delimiter.to_string()));
            for (case, result, notes) in &old {
                let values = [case.clone(), result.clone(), "2026-11-01".into(), "x".into(), "y".into(), quote(notes), "o".into()];
                text.push_str(ending);
                text.push_str(&values.join(&delimiter.to_string()));
            }
            text.push_str(ending);
            let rows: Vec<[String; 8]> = new.iter().map(|(case, result, notes)| row(case, result, notes.trim())).collect();
            let update = updated(text.as_bytes(), &rows);
            let before = read(Format::Csv, text.as_bytes()).expect("before");
            let after = read(Format::Csv, &update.bytes).expect("after");
            // The expected rows: the old ones with each run's row put over the first of its
            // case, or added at the end.
            let mut expected: Vec<[String; 8]> = before.rows.iter().map(values).collect();
            for new_row in &rows {
                match expected.iter_mut().find(|existing| existing[0].eq_ignore_ascii_case(&new_row[0])) {
                    Some(existing) => {
                        let case = existing[0].clone();
                        *existing = new_row.clone();
                        existing[0] = case;
                    }
                    None => expected.push(new_row.clone()),
                }
            }
            let actual: Vec<[String; 8]> = after.rows.iter().map(values).collect();
            prop_assert_eq!(actual, expected);
            prop_assert_eq!(update.bytes.starts_with(b"\xEF\xBB\xBF"), bom);
        }
    }
}
