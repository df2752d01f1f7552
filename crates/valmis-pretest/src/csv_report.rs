//! CSV reports: decoded to UTF-8 (byte order marks, UTF-16 and Windows-1252 handled), the
//! delimiter sniffed from the header line (Finnish Excel writes `;`), then read with the `csv`
//! crate. Cell places are byte ranges of the decoded text.

use std::ops::Range;
use valmis_i18n::msg;

use crate::{Columns, Format, Level, Note, Place, ReadError, Report, RowBuilder};

pub(crate) fn read(bytes: &[u8]) -> Result<Report, ReadError> {
    let mut notes = Vec::new();
    let text = decode(bytes, &mut notes);
    let delimiter = delimiter_of(&text);
    check_line_limits(&text, delimiter)?;
    let mut records = Records::new(&text, delimiter);
    let lines = valmis_model::LineIndex::new(text.as_bytes());
    let mut columns: Option<Columns> = None;
    let mut rows = Vec::new();
    while let Some((start, spans)) = records.next()? {
        let record = records.record();
        let (line, _) = lines.line_col(text.as_bytes(), start);
        let span_of = |index: usize| spans.get(index).cloned().unwrap_or(start..start);
        let Some(header) = &columns else {
            if record.iter().all(|value| value.trim().is_empty()) {
                continue;
            }
            let cells: Vec<(String, Place)> = record
                .iter()
                .enumerate()
                .map(|(index, value)| (value.to_owned(), Place::Text(span_of(index))))
                .collect();
            columns = Some(Columns::new(&cells, &mut notes)?);
            continue;
        };
        let mut builder = RowBuilder::default();
        for (index, value) in record.iter().enumerate() {
            if let Some(field) = header.field_at(index) {
                builder.set(field, value, Place::Text(span_of(index)));
            }
        }
        let extra = record.iter().skip(header.width()).filter(|value| !value.trim().is_empty()).count();
        if extra > 0 {
            notes.push(Note {
                level: Level::Warning,
                place: Some(Place::Text(span_of(header.width()))),
                message: msg!(
                    "report-csv-extra-values",
                    line = line,
                    values = record.len(),
                    columns = header.width(),
                    delimiter = char::from(delimiter).to_string()
                ),
            });
        }
        if let Some(row) = builder.finish(line, Place::Text(span_of(0))) {
            rows.push(row);
        }
    }
    let Some(columns) = columns else {
        return Err(ReadError::new(msg!("report-empty"), None));
    };
    Ok(Report { format: Format::Csv, text: Some(text), columns: columns.into_columns(), rows, notes })
}

/// The byte ranges of a record's raw fields.
pub(crate) type Spans = Vec<Range<usize>>;

/// The records of a report's text, each with where it starts and the spans of its raw fields.
pub(crate) struct Records<'a> {
    text: &'a str,
    delimiter: u8,
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    /// Where the records start: after Excel's `sep=` line, which is no record of the report.
    first: usize,
}

impl<'a> Records<'a> {
    pub(crate) fn new(text: &'a str, delimiter: u8) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let first = excel_separator_line(text).map_or(0, |(_, end)| end);
        Self { text, delimiter, reader, record: csv::StringRecord::new(), first }
    }

    /// The next record's start and field spans (its values are [`Records::record`]), or `None`
    /// at the end.
    pub(crate) fn next(&mut self) -> Result<Option<(usize, Spans)>, ReadError> {
        loop {
            match self.next_record()? {
                Some((start, _)) if start < self.first => {}
                next => return Ok(next),
            }
        }
    }

    fn next_record(&mut self) -> Result<Option<(usize, Spans)>, ReadError> {
        let text = self.text;
        let more = self.reader.read_record(&mut self.record).map_err(|error| {
            let place = error.position().map(|position| {
                let start = usize::try_from(position.byte()).unwrap_or(text.len()).min(text.len());
                Place::Text(start..start)
            });
            ReadError::new(msg!("report-csv-unreadable", error = error.to_string()), place)
        })?;
        if !more {
            return Ok(None);
        }
        // The csv crate's position of a record after a `\r\n` is the `\n`, and it counts only
        // `\n` as a line: step past line endings and count lines as an editor does.
        let mut start = self.record.position().map_or(0, |position| usize::try_from(position.byte()).unwrap_or(0));
        start = start.min(text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        Ok(Some((start, field_spans(text, start, self.delimiter))))
    }

    /// The values of the record [`Records::next`] returned last.
    pub(crate) fn record(&self) -> &csv::StringRecord {
        &self.record
    }
}

/// How a CSV report's text is stored, so that `valmis run` can write it back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    /// UTF-8, with or without a byte order mark.
    Utf8 {
        /// Whether the file starts with a byte order mark (Excel's "CSV UTF-8").
        bom: bool,
    },
    /// UTF-16 with a byte order mark (Excel's "Unicode text").
    Utf16 {
        /// Big-endian rather than little-endian.
        big_endian: bool,
    },
    /// Windows-1252 (Excel's plain "CSV" on a Finnish Windows).
    Windows1252,
}

/// A report's text and how it was stored.
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) stored: Stored,
    /// The encoding its byte order mark named, when the text after it was not valid in it.
    pub(crate) broken: Option<&'static str>,
    /// The offset in `text` of the first byte that was not UTF-8, for Windows-1252.
    pub(crate) first_not_utf8: Option<usize>,
}

/// UTF-8 (a byte order mark is dropped: Excel's "CSV UTF-8" writes one), UTF-16 with a byte
/// order mark (Excel's "Unicode text"), otherwise Windows-1252, because that is what Excel's
/// plain "CSV" writes on a Finnish Windows.
pub(crate) fn decode_stored(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        let stored = if encoding == encoding_rs::UTF_8 {
            Stored::Utf8 { bom: true }
        } else {
            Stored::Utf16 { big_endian: encoding == encoding_rs::UTF_16BE }
        };
        let broken = had_errors.then(|| encoding.name());
        return Decoded { text: text.into_owned(), stored, broken, first_not_utf8: None };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            Decoded { text: text.to_owned(), stored: Stored::Utf8 { bom: false }, broken: None, first_not_utf8: None }
        }
        Err(error) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let text = text.into_owned();
            let offset = text_offset_of_byte(bytes, error.valid_up_to(), &text);
            Decoded { text, stored: Stored::Windows1252, broken: None, first_not_utf8: Some(offset) }
        }
    }
}

/// The decoded text, with a warning for a broken byte order mark or for Windows-1252.
fn decode(bytes: &[u8], notes: &mut Vec<Note>) -> String {
    let decoded = decode_stored(bytes);
    if let Some(encoding) = decoded.broken {
        notes.push(Note {
            level: Level::Warning,
            place: None,
            message: msg!("report-bom-invalid", encoding = encoding),
        });
    }
    if let Some(offset) = decoded.first_not_utf8 {
        notes.push(Note {
            level: Level::Warning,
            place: Some(Place::Text(offset..offset)),
            message: msg!("report-windows-1252"),
        });
    }
    decoded.text
}

/// The offset in the decoded text of the first byte that was not valid UTF-8.
fn text_offset_of_byte(bytes: &[u8], valid_up_to: usize, text: &str) -> usize {
    let (prefix, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes[..valid_up_to]);
    prefix.len().min(text.len())
}

/// The report's delimiter: the one Excel's `sep=` line names, else the one sniffed.
pub(crate) fn delimiter_of(text: &str) -> u8 {
    excel_separator_line(text).map_or_else(|| sniff_delimiter(text), |(delimiter, _)| delimiter)
}

/// Excel's separator line: a first line `sep=;` (or `sep=,`, `sep=` and a tab) tells Excel the
/// delimiter whatever the computer's list separator is, and Excel does not show it as a row. A
/// report exported for Finnish Excel may start with one. The delimiter it names, and where the
/// line ends (after its line ending).
pub(crate) fn excel_separator_line(text: &str) -> Option<(u8, usize)> {
    let prefix = text.get(..4).filter(|prefix| prefix.eq_ignore_ascii_case("sep="))?;
    let delimiter = *text.as_bytes().get(prefix.len()).filter(|byte| matches!(byte, b',' | b';' | b'\t'))?;
    let rest = &text[prefix.len() + 1..];
    let ending = if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with(['\n', '\r']) {
        1
    } else if rest.is_empty() {
        0
    } else {
        return None;
    };
    Some((delimiter, prefix.len() + 1 + ending))
}

/// The most frequent of `,`, `;` and tab outside quotes on the first non-blank line.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let line = text.lines().find(|line| !line.trim().is_empty()).unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in line.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(count) = counts.iter_mut().find(|(delimiter, _)| *delimiter == byte) {
            count.1 += 1;
        }
    }
    // Ties go to the comma, the delimiter SPEC §3's example uses.
    counts.iter().fold((b',', 0), |best, &(delimiter, count)| if count > best.1 { (delimiter, count) } else { best }).0
}

/// The longest line a report may have: a row of eight columns with a long note fits many times.
pub(crate) const MAX_LINE_BYTES: usize = 1 << 20;
/// The most fields a line may have: a report has eight columns, plus what a spreadsheet adds.
pub(crate) const MAX_FIELDS: usize = 1_000;

/// Refuses a line over `MAX_LINE_BYTES` or with more than `MAX_FIELDS` fields before the csv
/// crate reads it: one 200 MB line of commas would otherwise cost gigabytes in field offsets.
/// Counted per physical line, delimiters inside quotes included (a bound, not a parse).
pub(crate) fn check_line_limits(text: &str, delimiter: u8) -> Result<(), ReadError> {
    let mut start = 0;
    // LF, CRLF and lone CR all end a line (a lone-CR file is not one long line).
    for line in text.as_bytes().split(|&byte| byte == b'\n' || byte == b'\r') {
        let place = Some(Place::Text(start..start));
        let line_number = || valmis_model::LineIndex::new(text.as_bytes()).line_col(text.as_bytes(), start).0;
        if line.len() > MAX_LINE_BYTES {
            return Err(ReadError::new(
                msg!("report-line-too-long", line = line_number(), bytes = line.len(), limit = MAX_LINE_BYTES),
                place,
            ));
        }
        let fields = memchr::memchr_iter(delimiter, line).count() + 1;
        if fields > MAX_FIELDS {
            return Err(ReadError::new(
                msg!("report-too-many-fields", line = line_number(), fields = fields, limit = MAX_FIELDS),
                place,
            ));
        }
        start += line.len() + 1;
    }
    Ok(())
}

/// Byte ranges of the raw fields of the record starting at `start`, quotes included: the `csv`
/// crate gives values but not where they are, and findings must point at the cell.
pub(crate) fn field_spans(text: &str, start: usize, delimiter: u8) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let at_field_end = |byte: u8| byte == delimiter || byte == b'\n' || byte == b'\r';
    let mut spans = Vec::new();
    let mut index = start;
    loop {
        let field_start = index;
        if bytes.get(index) == Some(&b'"') {
            index += 1;
            while index < bytes.len() {
                if bytes[index] == b'"' {
                    if bytes.get(index + 1) == Some(&b'"') {
                        index += 2;
                        continue;
                    }
                    index += 1;
                    break;
                }
                index += 1;
            }
        }
        while index < bytes.len() && !at_field_end(bytes[index]) {
            index += 1;
        }
        spans.push(field_start..index);
        if bytes.get(index) == Some(&delimiter) {
            index += 1;
        } else {
            return spans;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{delimiter_of, excel_separator_line, field_spans, sniff_delimiter};

    #[test]
    fn excel_s_separator_line_names_the_delimiter() {
        assert_eq!(excel_separator_line("sep=;\r\ntestitapaus;tulos\r\n"), Some((b';', 7)));
        assert_eq!(excel_separator_line("SEP=,\ncase_id,result\n"), Some((b',', 6)));
        assert_eq!(excel_separator_line("sep=\t"), Some((b'\t', 5)));
        assert_eq!(excel_separator_line("sep=;x\n"), None, "more on the line: a header cell");
        assert_eq!(excel_separator_line("sep=:\n"), None);
        assert_eq!(excel_separator_line("case_id,result\n"), None);
        assert_eq!(excel_separator_line("sä"), None, "no panic inside a character");
        // The line names the delimiter even where the header alone would be sniffed otherwise.
        assert_eq!(delimiter_of("sep=;\ncase_id,result;notes\n"), b';');
        assert_eq!(delimiter_of("case_id;result\n"), b';');
    }

    #[test]
    fn spans_cover_quoted_fields_with_delimiters_and_escaped_quotes() {
        let text = "a,\"b,\"\"c\"\"\",,d\r\nnext";
        let spans = field_spans(text, 0, b',');
        let fields: Vec<&str> = spans.iter().map(|span| &text[span.clone()]).collect();
        assert_eq!(fields, ["a", "\"b,\"\"c\"\"\"", "", "d"]);
    }

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(sniff_delimiter("case_id;result;executed_at\n"), b';');
        assert_eq!(sniff_delimiter("\"a;b;c\",x,y\n"), b',');
        assert_eq!(sniff_delimiter("case_id\tresult\n"), b'\t');
        assert_eq!(sniff_delimiter("case_id\n"), b',');
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    #[test]
    fn a_line_too_long_or_too_wide_is_one_error_at_its_line() {
        let wide = format!("case_id,result\nPA-01,pass\n{}\n", ",".repeat(MAX_FIELDS));
        let error = read(wide.as_bytes()).expect_err("too many fields");
        assert!(error.message.to_string().starts_with("line 3 has 1001 fields"), "{}", error.message);
        assert_eq!(error.place, Some(Place::Text(26..26)));
        let crlf = wide.replace('\n', "\r\n");
        assert!(read(crlf.as_bytes()).expect_err("too many fields").message.to_string().starts_with("line 3 has"));

        // A lone-CR report of many rows is many lines, not one wide line.
        let mut lone_cr =
            String::from("case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\r");
        for index in 0..500 {
            lone_cr.push_str(&format!("PA-{index:02},pass,2026-11-12,asiakastesti,010181-900C,,,\r"));
        }
        assert!(read(lone_cr.as_bytes()).is_ok());

        let long = format!("case_id,result,notes\nPA-01,pass,\"{}\"\n", "a".repeat(MAX_LINE_BYTES));
        let error = read(long.as_bytes()).expect_err("too long");
        assert!(error.message.to_string().starts_with("line 2 is 1048589 bytes long"), "{}", error.message);

        // Semicolons (Finnish Excel) count as the delimiter there, and a full-width row is fine.
        let finnish = format!("case_id;result;notes\nPA-01;pass;{}\n", "x,".repeat(MAX_FIELDS * 2));
        assert!(read(finnish.as_bytes()).is_ok());
    }
}
