//! The three report readers on what vendors really send, and on what they should not.

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};
use valmis_pretest::{
    ExecutedAt, Field, Format, Level, Place, ResultValue, parse_executed_at, parse_result, read, split_evidence,
    xlsx_cells,
};

const HEADER: &str = "case_id,result,executed_at,environment,test_person,document_oid,evidence,notes";

fn text_at<'a>(report: &'a valmis_pretest::Report, place: &Place) -> &'a str {
    match place {
        Place::Text(range) => &report.text.as_deref().expect("text report")[range.clone()],
        Place::Cell { .. } => panic!("not a text place: {place:?}"),
    }
}

#[test]
fn english_csv_rows_keep_values_and_places() {
    let csv = format!(
        "{HEADER}\nPA-01,pass,2026-11-12T09:14:00+02:00,asiakastesti,010181-900C,1.2.246.10.1,\"evidence/a.txt;documents/b.xml\",\"Tallennus, ja kuittaus\"\n"
    );
    let report = read(Format::Csv, csv.as_bytes()).expect("readable");
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    assert_eq!(report.columns.len(), 8);
    let row = &report.rows[0];
    assert_eq!((row.label().as_str(), row.line), ("line 2", 2));
    assert_eq!(row.value(Field::CaseId), "PA-01");
    assert_eq!(row.value(Field::Notes), "Tallennus, ja kuittaus");
    assert_eq!(split_evidence(row.value(Field::Evidence)), ["evidence/a.txt", "documents/b.xml"]);
    assert_eq!(text_at(&report, &row.place_of(Field::TestPerson)), "010181-900C");
    assert_eq!(text_at(&report, &row.place_of(Field::Evidence)), "\"evidence/a.txt;documents/b.xml\"");
}

#[test]
fn finnish_excel_csv_in_windows_1252_with_semicolons_and_trailing_empty_rows() {
    let text = "testitapaus;tulos;suoritettu;ympäristö;testihenkilö;asiakirjan_oid;todisteet;huomiot\r\n\
                PA-01;hyväksytty;12.11.2026;asiakastesti;010181-900C;;evidence/a.txt;Hoitokertomus tallennettu\r\n\
                PA-04;ei sovellu;13.11.2026;asiakastesti;;;;Ei kuvantamista\r\n\
                ;;;;;;;\r\n;;;;;;;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture really is not UTF-8");
    let report = read(Format::Csv, &bytes).expect("readable");
    assert_eq!(report.rows.len(), 2, "trailing empty rows are not cases");
    assert!(report.has_column(Field::Environment) && report.has_column(Field::TestPerson));
    assert_eq!(parse_result(report.rows[0].value(Field::Result)), Some(ResultValue::Pass));
    assert_eq!(parse_result(report.rows[1].value(Field::Result)), Some(ResultValue::NotApplicable));
    assert_eq!(report.rows[0].value(Field::Notes), "Hoitokertomus tallennettu");
    let [note] = report.notes.as_slice() else { panic!("one note: {:?}", report.notes) };
    assert_eq!(note.level, Level::Warning);
    assert!(note.message.to_string().contains("Windows-1252"), "{}", note.message);
}

#[test]
fn excel_s_separator_line_is_read_as_excel_reads_it_and_kept_by_an_update() {
    // Before: a report exported for Finnish Excel with a first line `sep=;` (which Excel reads as
    // "the delimiter is `;`" and does not show) failed PRETEST-REPORT: "found `sep=`".
    let text = "sep=;\r\ntestitapaus;tulos;suoritettu;ympäristö;testihenkilö;asiakirjan_oid;todisteet;huomiot\r\n\
                PA-01;hyväksytty;12.11.2026;asiakastesti;010181-900C;;evidence/a.txt;Tallennus, kuittaus\r\n";
    let report = read(Format::Csv, text.as_bytes()).expect("readable");
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    assert_eq!(report.rows.len(), 1);
    let row = &report.rows[0];
    assert_eq!(row.line, 3, "lines counted as the file has them");
    assert_eq!(row.value(Field::Notes), "Tallennus, kuittaus", "`;` is the delimiter, not the `,`");
    assert_eq!(text_at(&report, &row.place_of(Field::TestPerson)), "010181-900C");
    // `valmis run` keeps the line where it is and writes its rows with the delimiter it names.
    let rows = [[
        "PA-02",
        "pass",
        "2026-12-03T10:00:00Z",
        "asiakastesti",
        "020516C903K",
        "",
        "evidence/PA-02/tallenna-request.txt",
        "valmis run",
    ]
    .map(str::to_owned)];
    let update = valmis_pretest::update_csv(text.as_bytes(), &rows).expect("updated");
    let updated = String::from_utf8(update.bytes).expect("UTF-8");
    assert!(updated.starts_with(text), "{updated}");
    assert!(updated.ends_with("PA-02;hyväksytty;2026-12-03T10:00:00Z;asiakastesti;020516C903K;;evidence/PA-02/tallenna-request.txt;valmis run\r\n"), "{updated}");
    assert_eq!(read(Format::Csv, updated.as_bytes()).expect("readable").rows.len(), 2);
}

#[test]
fn byte_order_marks_are_handled_utf8_silently_and_utf16_too() {
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(format!("{HEADER}\nPA-01,ok,2026-11-12,asiakastesti,010181-900C,,,\n").as_bytes());
    let report = read(Format::Csv, &utf8).expect("readable");
    assert!(report.notes.is_empty(), "a BOM is normal: {:?}", report.notes);
    assert_eq!(report.rows[0].value(Field::CaseId), "PA-01");

    let tabbed = format!("{}\nPA-02\tnok\t2026-11-12\tasiakastesti\t010181-900C\t\t\t\n", HEADER.replace(',', "\t"));
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in tabbed.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let report = read(Format::Csv, &utf16).expect("readable");
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    assert_eq!(parse_result(report.rows[0].value(Field::Result)), Some(ResultValue::Fail));
}

#[test]
fn header_problems_are_notes_or_one_clear_error() {
    let report =
        read(Format::Csv, b"case_id,result,tester,environment,test_person\nPA-01,pass,Aino,asiakastesti,010181-900C\n")
            .expect("readable");
    let messages: Vec<(&Level, String)> =
        report.notes.iter().map(|note| (&note.level, note.message.to_string())).collect();
    assert!(messages.contains(&(&Level::Warning, "unknown column `tester` is ignored".to_owned())), "{messages:?}");
    assert!(
        messages
            .contains(&(&Level::Error, "the header has no `executed_at` column (Finnish: `suoritettu`)".to_owned())),
        "{messages:?}"
    );

    let error = read(Format::Csv, b"id;status;date\nPA-01;pass;2026-11-12\n").expect_err("no header");
    assert!(
        error.message.to_string().contains("header row is not recognised")
            && error.message.to_string().contains("`status`"),
        "{}",
        error.message
    );
    let error = read(Format::Csv, b"\n\n").expect_err("empty");
    assert!(error.message.to_string().contains("empty"), "{}", error.message);

    let report = read(
        Format::Csv,
        format!("{HEADER},result\nPA-01,pass,2026-11-12,asiakastesti,010181-900C,,,,fail\n").as_bytes(),
    )
    .expect("readable");
    assert_eq!(report.rows[0].value(Field::Result), "pass", "the first of two columns counts");
    assert!(
        report
            .notes
            .iter()
            .any(|note| note.level == Level::Error && note.message.to_string().contains("appears twice"))
    );

    let report = read(
        Format::Csv,
        format!("{HEADER}\nPA-01,pass,2026-11-12,asiakastesti,010181-900C,,,Haku, ja tulos\n").as_bytes(),
    )
    .expect("readable");
    assert!(
        report.notes.iter().any(|note| note.message.to_string().contains("quote values that contain `,`")),
        "{:?}",
        report.notes
    );
}

fn workbook(build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Esitestit").expect("sheet name");
    build(sheet);
    workbook.save_to_buffer().expect("xlsx written")
}

fn write_header(sheet: &mut rust_xlsxwriter::Worksheet, row: u32) {
    for (column, name) in Field::ALL.iter().map(|field| field.finnish()).enumerate() {
        sheet.write_string(row, column as u16, name).expect("cell");
    }
}

#[test]
fn xlsx_reports_read_date_cells_and_point_at_cells() {
    let bytes = workbook(|sheet| {
        sheet.write_string(0, 0, "Esimerkki Terveys Oy: esitestitulokset").expect("title row");
        write_header(sheet, 2);
        let date = ExcelDateTime::from_ymd(2026, 11, 12).expect("date");
        let format = XlsxFormat::new().set_num_format("d.m.yyyy");
        sheet.write_string(3, 0, "PA-01").expect("cell");
        sheet.write_string(3, 1, "Hyväksytty").expect("cell");
        sheet.write_datetime_with_format(3, 2, &date, &format).expect("cell");
        sheet.write_string(3, 3, "asiakastesti").expect("cell");
        sheet.write_string(3, 4, "010181-900C").expect("cell");
        sheet.write_number(3, 5, 1001.0).expect("cell");
    });
    // A title row above the header is skipped: the header is the first row naming the key columns.
    let report = read(Format::Xlsx, &bytes).expect("readable");
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].label(), "Esitestit row 4");
    assert_eq!(report.rows[0].value(Field::ExecutedAt), "2026-11-12");

    let no_header = workbook(|sheet| {
        for row in 0..8 {
            sheet.write_string(row, 0, "Esitestit").expect("cell");
            sheet.write_string(row, 1, "tulos?").expect("cell");
        }
    });
    let error = read(Format::Xlsx, &no_header).expect_err("no header near the top");
    assert!(
        error.message.to_string().contains("header row is not recognised")
            && error.message.to_string().contains("`tulos?`"),
        "{}",
        error.message
    );

    let bytes = workbook(|sheet| {
        write_header(sheet, 0);
        let date = ExcelDateTime::from_ymd(2026, 11, 12).expect("date").and_hms(9, 14, 0).expect("time");
        let format = XlsxFormat::new().set_num_format("d.m.yyyy h:mm");
        sheet.write_string(1, 0, "PA-01").expect("cell");
        sheet.write_string(1, 1, "Hyväksytty").expect("cell");
        sheet.write_datetime_with_format(1, 2, &date, &format).expect("cell");
        sheet.write_string(1, 3, "asiakastesti").expect("cell");
        sheet.write_string(1, 4, "010181-900C").expect("cell");
        sheet.write_number(1, 5, 1001.0).expect("cell");
        sheet.write_string(6, 0, "").expect("blank trailing row");
    });
    let report = read(Format::Xlsx, &bytes).expect("readable");
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    let [row] = report.rows.as_slice() else { panic!("one row: {:?}", report.rows) };
    assert_eq!(row.label(), "Esitestit row 2");
    assert_eq!(row.value(Field::ExecutedAt), "2026-11-12T09:14:00");
    assert_eq!(
        parse_executed_at(row.value(Field::ExecutedAt)).map(ExecutedAt::date).map(|d| d.to_string()),
        Ok("2026-11-12".to_owned())
    );
    assert_eq!(row.value(Field::DocumentOid), "1001", "whole numbers without .0");
    assert_eq!(row.place_of(Field::TestPerson), Place::Cell { sheet: "Esitestit".into(), row: 2, column: 5 });
}

#[test]
fn malformed_spreadsheets_give_one_clear_error() {
    let merged = workbook(|sheet| {
        write_header(sheet, 0);
        sheet.merge_range(0, 6, 0, 7, "todisteet ja huomiot", &XlsxFormat::new()).expect("merge");
    });
    let error = read(Format::Xlsx, &merged).expect_err("merged header");
    assert!(error.message.to_string().contains("Esitestit!G1:H1 are merged"), "{}", error.message);

    let good = workbook(|sheet| write_header(sheet, 0));
    let error = read(Format::Xlsx, &good[..good.len() / 2]).expect_err("truncated");
    assert!(error.message.to_string().contains("truncated or not a zip"), "{}", error.message);

    let mut not_xlsx = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut not_xlsx));
        writer.start_file("readme.txt", zip::write::SimpleFileOptions::default()).expect("entry");
        std::io::Write::write_all(&mut writer, b"not a workbook").expect("write");
        writer.finish().expect("zip");
    }
    let error = read(Format::Xlsx, &not_xlsx).expect_err("a zip that is not xlsx");
    assert!(error.message.to_string().starts_with("not a readable XLSX workbook"), "{}", error.message);

    let error = read(Format::Xlsx, b"case_id,result\n").expect_err("a CSV named .xlsx");
    assert!(error.message.to_string().contains("not a zip"), "{}", error.message);
}

#[test]
fn every_text_cell_of_every_sheet_is_listed_for_scanning() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet().write_string(4, 2, "potilas 131052-308T").expect("cell");
    let second = workbook.add_worksheet();
    second.set_name("Muistiinpanot").expect("name");
    second.write_string(0, 0, "ok").expect("cell");
    second.write_number(1, 0, 5.0).expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let cells = xlsx_cells(&bytes).expect("readable");
    let listed: Vec<(String, u32, u32, String)> =
        cells.into_iter().map(|cell| (cell.sheet, cell.row, cell.column, cell.value)).collect();
    assert_eq!(
        listed,
        [
            ("Sheet1".to_owned(), 5, 3, "potilas 131052-308T".to_owned()),
            ("Muistiinpanot".to_owned(), 1, 1, "ok".to_owned()),
        ]
    );
}

#[test]
fn json_reports_are_arrays_of_objects_with_positions() {
    let json = r#"[
  {"case_id": "PA-01", "result": "pass", "executed_at": "2026-11-12", "environment": "asiakastesti",
   "test_person": "010181-900C", "evidence": ["evidence/a.txt", "documents/b.xml"], "notes": null},
  {"testitapaus": "PA-04", "tulos": "ei sovellu", "huomiot": "Ei kuvantamista", "reviewer": "Aino"}
]"#;
    let report = read(Format::Json, json.as_bytes()).expect("readable");
    assert_eq!(report.rows.len(), 2);
    assert_eq!(report.rows[0].value(Field::Evidence), "evidence/a.txt;documents/b.xml");
    assert_eq!(report.rows[1].label(), "line 4");
    assert_eq!(text_at(&report, &report.rows[0].place_of(Field::TestPerson)), "\"010181-900C\"");
    assert!(
        report.notes.iter().any(|note| note.message.to_string() == "unknown column `reviewer` is ignored"),
        "{:?}",
        report.notes
    );

    let error = read(Format::Json, br#"{"case_id": "PA-01"}"#).expect_err("not an array");
    assert!(error.message.to_string().contains("found an object"), "{}", error.message);
    let error = read(Format::Json, b"[{\"case_id\": \"PA-01\", \"result\": \"pass\",}]").expect_err("trailing comma");
    assert!(error.message.to_string().starts_with("not valid JSON"), "{}", error.message);
    assert!(matches!(error.place, Some(Place::Text(_))));
    let report = read(Format::Json, br#"[{"case_id": "PA-01", "result": {"ok": true}}, 7]"#).expect("readable");
    let errors: Vec<String> =
        report.notes.iter().filter(|note| note.level == Level::Error).map(|note| note.message.to_string()).collect();
    assert!(errors.iter().any(|message| message.contains("`result` on line 1 is an object")), "{errors:?}");
    assert!(errors.iter().any(|message| message.contains("element 1 is a number")), "{errors:?}");
}

#[test]
fn results_and_dates_accept_the_documented_spellings() {
    for (text, expected) in [
        ("pass", ResultValue::Pass),
        (" OK ", ResultValue::Pass),
        ("Hyväksytty", ResultValue::Pass),
        ("hyvaksytty", ResultValue::Pass),
        ("fail", ResultValue::Fail),
        ("NOK", ResultValue::Fail),
        ("hylätty", ResultValue::Fail),
        ("not-applicable", ResultValue::NotApplicable),
        ("not applicable", ResultValue::NotApplicable),
        ("Ei sovellu", ResultValue::NotApplicable),
    ] {
        assert_eq!(parse_result(text), Some(expected), "{text}");
    }
    assert_eq!(parse_result("passed?"), None);
    assert_eq!(parse_result(""), None);

    for (text, date) in [
        ("2026-11-12T09:14:00+02:00", "2026-11-12"),
        ("2026-11-12T23:30:00-05:00", "2026-11-13"),
        ("2026-11-12", "2026-11-12"),
        ("2026-11-12 09:14", "2026-11-12"),
        ("12.11.2026", "2026-11-12"),
        ("1.2.2026 klo 9.14", "2026-02-01"),
    ] {
        let parsed = parse_executed_at(text).unwrap_or_else(|error| panic!("{text}: {error}"));
        assert_eq!(parsed.date().to_string(), date, "{text}");
    }
    assert!(matches!(parse_executed_at("2026-11-12T09:14:00Z"), Ok(ExecutedAt::Instant(_))));
    for bad in ["12/11/2026", "2026-13-01", "31.2.2026", "eilen", "", "12.11.26"] {
        let error = parse_executed_at(bad).expect_err(bad);
        assert_eq!(error.0, bad.trim());
        assert!(error.to_string().contains("RFC 3339"), "{error}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_input_makes_a_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), header in any::<bool>()) {
        let mut input = if header { format!("{HEADER}\n").into_bytes() } else { Vec::new() };
        input.extend_from_slice(&bytes);
        for format in [Format::Csv, Format::Xlsx, Format::Json] {
            let _ = read(format, &input);
        }
        let _ = parse_executed_at(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn csv_places_always_point_inside_the_text(lines in proptest::collection::vec("[a-z0-9;,\" ]{0,30}", 0..8)) {
        let input = format!("{HEADER}\n{}", lines.join("\n"));
        if let Ok(report) = read(Format::Csv, input.as_bytes()) {
            let text = report.text.as_deref().unwrap_or_default();
            for row in &report.rows {
                for field in Field::ALL {
                    if let Place::Text(range) = row.place_of(field) {
                        prop_assert!(range.start <= range.end && range.end <= text.len());
                        prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                    }
                }
            }
        }
    }
}

#[test]
fn a_sheet_spanning_the_whole_grid_is_one_error_not_gigabytes() {
    // Issue 16 (1): a 1.5 KB workbook with cells at A1 and XFD1048576 was killed at 24 GB (and
    // A1 + CV1000000 took 3.1 GB and said "ready"): the dense range was built before its extent
    // was known. The report reader and PRIVACY-HETU's cell reader both refuse it by its extent.
    let bytes = workbook(|sheet| {
        write_header(sheet, 0);
        sheet.write_string(1_048_575, 16_383, "kaukana").expect("cell");
    });
    assert!(bytes.len() < 10_000, "a tiny file: {}", bytes.len());
    let error = read(Format::Xlsx, &bytes).expect_err("refused");
    assert!(error.message.to_string().contains("spans A1:XFD1048576 (17179869184 cells)"), "{}", error.message);
    let error = xlsx_cells(&bytes).expect_err("refused");
    assert!(error.message.to_string().contains("spans A1:XFD1048576"), "{}", error.message);

    let tall = workbook(|sheet| {
        write_header(sheet, 0);
        sheet.write_string(999_999, 99, "alhaalla").expect("cell");
    });
    assert!(read(Format::Xlsx, &tall).expect_err("refused").message.to_string().contains("spans A1:CV1000000"));

    // A report of a realistic size still reads.
    let fine = workbook(|sheet| {
        write_header(sheet, 0);
        sheet.write_string(1, 0, "PA-01").expect("cell");
        sheet.write_string(1, 1, "ok").expect("cell");
    });
    assert_eq!(read(Format::Xlsx, &fine).expect("reads").rows.len(), 1);
}
