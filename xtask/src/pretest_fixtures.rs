//! Pre-test report fixtures: one failing bundle per way a PRETEST requirement breaks, the
//! malformed spreadsheets, and passing variants of the ready report as XLSX, JSON and the CSV
//! that Finnish Excel writes. All derived from `fixtures/bundles/ready/pretest/report.csv`.

use std::fs;
use std::path::Path;

use anyhow::{Context as _, bail};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Note, Workbook};

use crate::fixtures::{Expectation, Fixture, edit, remove, write};

const REPORT: &str = "pretest/report.csv";

macro_rules! fails {
    ($requirement:literal, $subject:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: $subject, message: $message }]
    };
}

macro_rules! fails_all {
    ($requirements:expr, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: $requirements, subject: "", message: $message }]
    };
}

macro_rules! passes {
    ($message:literal) => {
        &[Expectation { args: &[], exit: 0, failing: &[], subject: "", message: $message }]
    };
}

pub(crate) fn fixtures() -> Vec<Fixture> {
    vec![
        // PRETEST-REPORT
        Fixture {
            name: "pretest-report-missing",
            rehash: true,
            change: |d| remove(d, REPORT),
            expectations: fails!("PRETEST-REPORT", "", "there is no pre-test report"),
        },
        Fixture {
            name: "pretest-report-header",
            rehash: true,
            change: |d| edit(d, REPORT, "case_id,result,executed_at", "tapaus,status,pvm"),
            expectations: fails!("PRETEST-REPORT", "", "the header row is not recognised"),
        },
        Fixture {
            name: "pretest-report-two",
            rehash: true,
            change: |d| write(d, "pretest/report.json", &report_json(d)?),
            expectations: fails!("PRETEST-REPORT", "", "there are 2 pre-test reports"),
        },
        Fixture {
            name: "pretest-report-xlsx-truncated",
            rehash: true,
            change: |d| {
                let bytes = report_xlsx(d, &XlsxOptions::default())?;
                replace_report(d, "pretest/report.xlsx", &bytes[..bytes.len() * 2 / 3])
            },
            // PRIVACY-HETU fails too: a workbook it cannot scan could hide a real identity code.
            expectations: fails_all!(&["PRETEST-REPORT", "PRIVACY-HETU"], "the file is truncated or not a zip"),
        },
        Fixture {
            name: "pretest-report-xlsx-not-workbook",
            rehash: true,
            change: |d| replace_report(d, "pretest/report.xlsx", &not_a_workbook()?),
            expectations: fails_all!(&["PRETEST-REPORT", "PRIVACY-HETU"], "not a readable XLSX workbook"),
        },
        Fixture {
            name: "pretest-report-xlsx-merged-header",
            rehash: true,
            change: |d| {
                let bytes = report_xlsx(d, &XlsxOptions { merged_header: true, ..XlsxOptions::default() })?;
                replace_report(d, "pretest/report.xlsx", &bytes)
            },
            expectations: fails!("PRETEST-REPORT", "", "header cells Esitestit!G3:H3 are merged"),
        },
        // Passing variants of the same report.
        Fixture {
            name: "pretest-report-xlsx",
            rehash: true,
            change: |d| {
                let bytes = report_xlsx(d, &XlsxOptions::default())?;
                replace_report(d, "pretest/report.xlsx", &bytes)
            },
            expectations: passes!("ok 27 passed"),
        },
        Fixture {
            name: "pretest-report-json",
            rehash: true,
            change: |d| {
                let bytes = report_json(d)?;
                replace_report(d, "pretest/report.json", &bytes)
            },
            expectations: passes!("ok 27 passed"),
        },
        Fixture {
            name: "pretest-report-finnish-excel",
            rehash: true,
            change: |d| write(d, REPORT, &finnish_excel_csv(d)?),
            expectations: &[
                Expectation { args: &[], exit: 0, failing: &[], subject: "", message: "read as Windows-1252" },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["PRETEST-REPORT"],
                    subject: "",
                    message: "read as Windows-1252",
                },
            ],
        },
        // PRETEST-COVERAGE
        Fixture {
            name: "pretest-coverage-missing",
            rehash: true,
            change: |d| remove_row(d, "PA-05"),
            expectations: fails!("PRETEST-COVERAGE", "PA-05", "mandatory case PA-05 (Asiakirjan mitätöinti)"),
        },
        Fixture {
            name: "pretest-coverage-unknown",
            rehash: true,
            change: |d| add_row(d, "PA-99,pass,2026-11-16,asiakastesti,010181-900C,,,Oma lisätesti: tulostus"),
            expectations: fails!(
                "PRETEST-COVERAGE",
                "PA-99",
                "`PA-99` is not a pre-test case of potilastiedon-arkisto"
            ),
        },
        Fixture {
            name: "pretest-coverage-duplicate",
            rehash: true,
            change: |d| {
                add_row(
                    d,
                    "PA-02,pass,2026-11-16T15:30:00+02:00,asiakastesti,020516C903K,1.2.246.10.12345671.11.2026.1002,evidence/PA-02/kuittaus.txt,Uusintaajo",
                )
            },
            expectations: fails!("PRETEST-COVERAGE", "PA-02", "case PA-02 is reported 2 times"),
        },
        // PRETEST-RESULT
        Fixture {
            name: "pretest-result-fail",
            rehash: true,
            change: |d| edit(d, REPORT, "PA-02,pass,", "PA-02,hylätty,"),
            expectations: fails!("PRETEST-RESULT", "PA-02", "case PA-02 failed"),
        },
        Fixture {
            name: "pretest-result-not-applicable",
            rehash: true,
            change: |d| edit(d, REPORT, "PA-01,pass,", "PA-01,ei sovellu,"),
            expectations: fails!("PRETEST-RESULT", "PA-01", "case PA-01 does not allow not-applicable"),
        },
        Fixture {
            name: "pretest-result-note",
            rehash: true,
            change: |d| edit(d, REPORT, ",Kuvantamisen asiakirjoja ei tuoteta tässä versiossa", ","),
            expectations: fails!("PRETEST-RESULT", "PA-04", "case PA-04 is not-applicable without a note"),
        },
        // PRETEST-EVIDENCE
        Fixture {
            name: "pretest-evidence-path",
            rehash: true,
            change: |d| edit(d, REPORT, "evidence/PA-02/kuittaus.txt", "evidence/PA-02/Kuittaus.txt"),
            expectations: fails!(
                "PRETEST-EVIDENCE",
                "PA-02",
                "evidence `evidence/PA-02/Kuittaus.txt` is not in the bundle"
            ),
        },
        Fixture {
            // Two paths written with a comma (quoted, as a spreadsheet writes the cell).
            name: "pretest-evidence-separator",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    REPORT,
                    "evidence/PA-03/haku.txt;evidence/PA-03/hakutulos.png",
                    "\"evidence/PA-03/haku.txt, evidence/PA-03/hakutulos.png\"",
                )
            },
            expectations: fails!(
                "PRETEST-EVIDENCE",
                "PA-03",
                "evidence paths are separated by `;`, not `,`: write `evidence/PA-03/haku.txt;evidence/PA-03/hakutulos.png`"
            ),
        },
        Fixture {
            name: "pretest-evidence-document",
            rehash: true,
            change: |d| edit(d, REPORT, ",1.2.246.10.12345671.11.2026.1001,", ",1.2.246.10.12345671.11.2026.1009,"),
            expectations: fails!(
                "PRETEST-EVIDENCE",
                "PA-01",
                "document_oid `1.2.246.10.12345671.11.2026.1009` is not the id of any document under documents/"
            ),
        },
        Fixture {
            name: "pretest-evidence-screenshot",
            rehash: true,
            change: |d| edit(d, REPORT, ";evidence/PA-03/hakutulos.png", ""),
            expectations: fails!("PRETEST-EVIDENCE", "PA-03", "case PA-03 needs a screenshot"),
        },
        Fixture {
            name: "pretest-evidence-validation-failed",
            rehash: true,
            change: |d| edit(d, "evidence/PA-01/validointitulos.txt", "Tulos: DONE_PASSED", "Tulos: DONE_FAILED"),
            expectations: fails!(
                "PRETEST-EVIDENCE",
                "PA-01",
                "shows DONE_FAILED, but case PA-01 is reported as passed"
            ),
        },
        // PRETEST-DATES
        Fixture {
            name: "pretest-dates-future",
            rehash: true,
            change: |d| edit(d, REPORT, "2026-11-16T14:21:00+02:00", "2026-11-26T14:21:00+02:00"),
            expectations: fails!("PRETEST-DATES", "PA-05", "`2026-11-26T14:21:00+02:00` is in the future"),
        },
        Fixture {
            name: "pretest-dates-stale",
            rehash: true,
            change: |d| edit(d, REPORT, "2026-11-12T10:02:00+02:00", "2026-03-02T10:02:00+02:00"),
            expectations: fails!("PRETEST-DATES", "PA-02", "round 2027-1 accepts runs from the last 180 days"),
        },
        Fixture {
            name: "pretest-dates-unparsable",
            rehash: true,
            change: |d| edit(d, REPORT, "2026-11-13T13:45:00+02:00", "13/11/2026 13:45"),
            expectations: fails!("PRETEST-DATES", "PA-03", "`13/11/2026 13:45` is not a date"),
        },
        // The same with Windows (Excel) and lone-CR line endings: the finding stays on PA-03's
        // line 4, column 12 (CRLF once pointed at the end of line 3).
        Fixture {
            name: "pretest-dates-unparsable-crlf",
            rehash: true,
            change: |d| {
                edit(d, REPORT, "2026-11-13T13:45:00+02:00", "13/11/2026 13:45")?;
                crate::fixtures::line_endings(d, REPORT, "\r\n")
            },
            expectations: fails!("PRETEST-DATES", "PA-03", "pretest/report.csv:4:12"),
        },
        Fixture {
            name: "pretest-dates-unparsable-cr",
            rehash: true,
            change: |d| {
                edit(d, REPORT, "2026-11-13T13:45:00+02:00", "13/11/2026 13:45")?;
                crate::fixtures::line_endings(d, REPORT, "\r")
            },
            expectations: fails!("PRETEST-DATES", "PA-03", "pretest/report.csv:4:12"),
        },
        // PRETEST-ENVIRONMENT
        Fixture {
            name: "pretest-environment",
            rehash: true,
            change: |d| {
                edit(d, REPORT, "2026-11-12T10:02:00+02:00,asiakastesti", "2026-11-12T10:02:00+02:00,tuotannonkuva")
            },
            expectations: fails!(
                "PRETEST-ENVIRONMENT",
                "PA-02",
                "ran in `tuotannonkuva`; pre-tests count only in asiakastesti"
            ),
        },
        // PRETEST-TEST-PERSON
        Fixture {
            name: "pretest-test-person",
            rehash: true,
            change: |d| edit(d, REPORT, ",020516C903K,", ",020516C903X,"),
            expectations: fails!("PRETEST-TEST-PERSON", "PA-02", "`020516C903X` is not a valid personal identity code"),
        },
        // PRIVACY-HETU in spreadsheet cells.
        Fixture {
            name: "privacy-hetu-xlsx",
            rehash: true,
            change: |d| {
                let options = XlsxOptions {
                    note_on_pa03: Some("Haettu myös potilaalla hetu:131052-308t"),
                    ..XlsxOptions::default()
                };
                let bytes = report_xlsx(d, &options)?;
                replace_report(d, "pretest/report.xlsx", &bytes)
            },
            expectations: fails!("PRIVACY-HETU", "pretest/report.xlsx", "pretest/report.xlsx:Esitestit!H6"),
        },
        // PRIVACY-HETU in an Excel note (a cell comment), which is no cell's value.
        Fixture {
            name: "privacy-hetu-xlsx-note",
            rehash: true,
            change: |d| {
                let options = XlsxOptions {
                    comment_on_pa03: Some("Haku tehty myös potilaalle 131052-308T, tarkista"),
                    ..XlsxOptions::default()
                };
                let bytes = report_xlsx(d, &options)?;
                replace_report(d, "pretest/report.xlsx", &bytes)
            },
            expectations: fails!("PRIVACY-HETU", "pretest/report.xlsx", "in the note on cell H6 (`xl/comments1.xml`)"),
        },
        // PRIVACY-HETU in a sheet's printed header, which is no cell's value either.
        Fixture {
            name: "privacy-hetu-xlsx-header",
            rehash: true,
            change: |d| {
                let options =
                    XlsxOptions { header_right: Some("&10Testipotilas 131052-308T"), ..XlsxOptions::default() };
                let bytes = report_xlsx(d, &options)?;
                replace_report(d, "pretest/report.xlsx", &bytes)
            },
            expectations: fails!(
                "PRIVACY-HETU",
                "pretest/report.xlsx",
                "in a header or footer (`xl/worksheets/sheet1.xml`)"
            ),
        },
    ]
}

/// The rows of the ready report (its CSV has no quoted fields, which keeps this simple).
fn rows(dir: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    let text = fs::read_to_string(dir.join(REPORT)).context("read the ready report")?;
    if text.contains('"') {
        bail!("the ready report.csv must not quote fields; extend pretest_fixtures::rows first");
    }
    Ok(text.lines().map(|line| line.split(',').map(str::to_owned).collect()).collect())
}

fn replace_report(dir: &Path, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
    remove(dir, REPORT)?;
    write(dir, path, bytes)
}

fn remove_row(dir: &Path, case: &str) -> anyhow::Result<()> {
    let text = fs::read_to_string(dir.join(REPORT))?;
    let kept: Vec<&str> = text.lines().filter(|line| !line.starts_with(&format!("{case},"))).collect();
    write(dir, REPORT, format!("{}\n", kept.join("\n")).as_bytes())
}

fn add_row(dir: &Path, row: &str) -> anyhow::Result<()> {
    let text = fs::read_to_string(dir.join(REPORT))?;
    write(dir, REPORT, format!("{text}{row}\n").as_bytes())
}

#[derive(Default)]
pub(crate) struct XlsxOptions {
    merged_header: bool,
    /// The text of PA-03's `huomiot` cell.
    note_on_pa03: Option<&'static str>,
    /// An Excel note (a cell comment) on PA-03's `huomiot` cell: kept in a part of its own.
    comment_on_pa03: Option<&'static str>,
    /// The right-hand section of the printed page's header, instead of the page number.
    header_right: Option<&'static str>,
}

/// The ready report as Finnish Excel would save it: Finnish headers, date cells for
/// `suoritettu`, the document number as text.
fn report_xlsx(dir: &Path, options: &XlsxOptions) -> anyhow::Result<Vec<u8>> {
    xlsx_from_rows(&rows(dir)?, options)
}

/// `rows` (header first, English column order) as a Finnish-Excel style workbook.
pub(crate) fn xlsx_from_rows(rows: &[Vec<String>], options: &XlsxOptions) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 11, 16)?.and_hms(15, 0, 0)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_author("Aino Virtanen")
            .set_company("Esimerkki Terveys Oy")
            .set_creation_datetime(&created),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("Esitestit")?;
    let date_format = Format::new().set_num_format("d.m.yyyy");
    let datetime_format = Format::new().set_num_format("d.m.yyyy h:mm");
    let header_format = Format::new().set_bold();
    const FINNISH: [&str; 8] =
        ["testitapaus", "tulos", "suoritettu", "ympäristö", "testihenkilö", "asiakirjan_oid", "todisteet", "huomiot"];
    // A merged title row and a blank row above the header, as report sheets usually have.
    const HEADER_ROW: u32 = 2;
    sheet.merge_range(0, 0, 0, 7, "Esimerkki Terveys Oy – esitestitulokset, potilastiedon arkisto", &header_format)?;
    for (column, name) in FINNISH.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, column as u16, *name, &header_format)?;
    }
    if options.merged_header {
        sheet.merge_range(HEADER_ROW, 6, HEADER_ROW, 7, "todisteet ja huomiot", &header_format)?;
    }
    for (index, row) in rows.iter().skip(1).enumerate() {
        let excel_row = HEADER_ROW + 1 + index as u32;
        for (column, value) in row.iter().enumerate() {
            let column = column as u16;
            let value = match (column, row[0].as_str(), options.note_on_pa03) {
                (7, "PA-03", Some(note)) => note.to_owned(),
                _ => value.replace("ei sovellu", "Ei sovellu"),
            };
            if value.is_empty() {
                continue;
            }
            if column == 1 {
                let finnish = match value.as_str() {
                    "pass" => "Hyväksytty",
                    "not-applicable" => "Ei sovellu",
                    other => other,
                };
                sheet.write_string(excel_row, column, finnish)?;
            } else if column == 2 {
                let (date, time) = value.split_once('T').unwrap_or((&value, ""));
                let mut parts = date.split('-').map(|part| part.parse::<u16>());
                let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) = (parts.next(), parts.next(), parts.next())
                else {
                    bail!("unexpected date `{value}` in the ready report");
                };
                let day_value = ExcelDateTime::from_ymd(year, month as u8, day as u8)?;
                if time.is_empty() {
                    sheet.write_datetime_with_format(excel_row, column, &day_value, &date_format)?;
                } else {
                    let hour: u16 = time[0..2].parse()?;
                    let minute: u8 = time[3..5].parse()?;
                    let at = day_value.and_hms(hour, minute, 0)?;
                    sheet.write_datetime_with_format(excel_row, column, &at, &datetime_format)?;
                }
            } else {
                sheet.write_string(excel_row, column, &value)?;
            }
            if let (7, "PA-03", Some(comment)) = (column, row[0].as_str(), options.comment_on_pa03) {
                sheet.insert_note(excel_row, column, &Note::new(comment).set_author("Aino Virtanen"))?;
            }
        }
    }
    // The printed page's header, as Excel writes it: its sections and fields as `&` codes.
    let right = options.header_right.unwrap_or("Sivu &P / &N");
    sheet.set_header(format!("&L&\"Calibri,Bold\"Esimerkki Terveys Oy&CEsitestitulokset 2027/1&R{right}"));
    sheet.set_footer("&LTulostettu &D");
    sheet.autofit();
    Ok(workbook.save_to_buffer()?)
}

/// The ready report as a JSON array, evidence as arrays of paths.
fn report_json(dir: &Path) -> anyhow::Result<Vec<u8>> {
    json_from_rows(&rows(dir)?)
}

/// `rows` (header first) as a JSON report.
pub(crate) fn json_from_rows(rows: &[Vec<String>]) -> anyhow::Result<Vec<u8>> {
    let header = &rows[0];
    let mut out = String::from("[\n");
    for (index, row) in rows.iter().skip(1).enumerate() {
        let fields: Vec<String> = header
            .iter()
            .zip(row)
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| {
                if key == "evidence" {
                    let paths: Vec<String> = value.split(';').map(|path| format!("{path:?}")).collect();
                    format!("    {key:?}: [{}]", paths.join(", "))
                } else {
                    format!("    {key:?}: {value:?}")
                }
            })
            .collect();
        let comma = if index + 2 < rows.len() { "," } else { "" };
        out.push_str(&format!("  {{\n{}\n  }}{comma}\n", fields.join(",\n")));
    }
    out.push_str("]\n");
    Ok(out.into_bytes())
}

/// The ready report as Excel's plain "CSV" writes it on a Finnish Windows: Windows-1252,
/// semicolons, Finnish headers and dates, CRLF, and the trailing empty rows of a formatted sheet.
fn finnish_excel_csv(dir: &Path) -> anyhow::Result<Vec<u8>> {
    let rows = rows(dir)?;
    let mut text =
        String::from("testitapaus;tulos;suoritettu;ympäristö;testihenkilö;asiakirjan_oid;todisteet;huomiot\r\n");
    for row in rows.iter().skip(1) {
        let mut cells = row.clone();
        cells[1] = match cells[1].as_str() {
            "pass" => "hyväksytty".to_owned(),
            "not-applicable" => "ei sovellu".to_owned(),
            other => other.to_owned(),
        };
        let date = cells[2].split('T').next().unwrap_or_default().to_owned();
        let mut parts = date.split('-');
        let (year, month, day) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        cells[2] = format!("{}.{}.{year}", day.trim_start_matches('0'), month.trim_start_matches('0'));
        // Excel quotes a cell that holds the delimiter (the `;`-separated evidence list).
        let quoted: Vec<String> =
            cells.iter().map(|cell| if cell.contains(';') { format!("\"{cell}\"") } else { cell.clone() }).collect();
        text.push_str(&quoted.join(";"));
        text.push_str("\r\n");
    }
    text.push_str(";;;;;;;\r\n;;;;;;;\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    if unmappable {
        bail!("the ready report has characters Windows-1252 cannot hold");
    }
    Ok(bytes.into_owned())
}

/// A real zip that is not a workbook (someone renamed the evidence archive).
fn not_a_workbook() -> anyhow::Result<Vec<u8>> {
    use std::io::Write as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    writer.start_file("esitestit/tulokset.txt", options)?;
    writer.write_all(b"PA-01 hyvaksytty\nPA-02 hyvaksytty\n")?;
    Ok(writer.finish()?.into_inner())
}
