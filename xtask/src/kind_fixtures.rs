//! Fixtures of the other kinds of submission. Each example is the ready registration turned
//! into another submission of Kela's process by one documented conversion (`as_…`), and passes;
//! each failing fixture is an example with one change, and fails the one requirement that names
//! that rule.

use std::fs;
use std::path::Path;

use crate::fixtures::{Expectation, Fixture, edit, write, zip_of};

/// The ready bundle as a change notification (muutosilmoitus) for its certified 4.2.0: the
/// manifest says so and describes the change; the registration's pre-test report, evidence,
/// forms, sample documents and connection data are not part of a notification.
pub(crate) fn as_change_notification(d: &Path) -> anyhow::Result<()> {
    for folder in ["pretest", "evidence", "forms", "documents", "connection"] {
        fs::remove_dir_all(d.join(folder))?;
    }
    edit(
        d,
        "manifest.toml",
        "# Esimerkki Terveys Oy: registration bundle for Kanta co-testing 2027/1 (Patient Data Repository).\n\
         # A complete example that passes every offline requirement: copy it and change what is yours.",
        "# Esimerkki Terveys Oy: change notification (muutosilmoitus) for Esimerkki EHR, certified 4.2.0.\n\
         # A complete example that passes: copy it and change what is yours.",
    )?;
    edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"change-notification\"")?;
    edit(
        d,
        "manifest.toml",
        "[system]",
        "[change]\n\
         certified_version = \"4.2.0\"\n\
         new_version = \"4.3.0\"\n\
         affected_services = [\"potilastiedon-arkisto\"]\n\
         summary = \"Hoitokertomuksen uusi näkymä ja arkistointirajapinnan versio 3.2: asiakirjan versiointi muuttuu.\"\n\
         co_testing_needed = true\n\
         planned_testing = { start = 2027-02-01, end = 2027-02-26 }\n\n\
         [system]",
    )
}

/// The ready registration as a vendor's access application (liittymishakemus) to the customer test
/// service: the manifest says so; the connection data stays, the registration's pre-test report,
/// evidence, forms and sample documents go.
pub(crate) fn as_access_application(d: &Path) -> anyhow::Result<()> {
    for folder in ["pretest", "evidence", "forms", "documents"] {
        fs::remove_dir_all(d.join(folder))?;
    }
    edit(
        d,
        "manifest.toml",
        "# Esimerkki Terveys Oy: registration bundle for Kanta co-testing 2027/1 (Patient Data Repository).",
        "# Esimerkki Terveys Oy: access application (liittymishakemus) to the customer test service, Patient Data Repository.",
    )?;
    edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"access-application\"")
}

/// The ready registration as a customer organisation's application to co-testing, with its test
/// plan: Testisairaala joins to co-test Esimerkki EHR in the customer test environment.
pub(crate) fn as_customer_organisation(d: &Path) -> anyhow::Result<()> {
    for folder in ["pretest", "evidence", "forms", "documents", "connection"] {
        fs::remove_dir_all(d.join(folder))?;
    }
    edit(
        d,
        "manifest.toml",
        "# Esimerkki Terveys Oy: registration bundle for Kanta co-testing 2027/1 (Patient Data Repository).",
        "# A customer organisation's application to co-test Esimerkki EHR in Kanta co-testing 2027/1, with its test plan.",
    )?;
    edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-11-20\nrole = \"customer-organisation\"")?;
    edit(d, "manifest.toml", "[system]", "[customer]\npurpose = \"co-testing\"\n\n[system]")?;
    write(d, "plan/testaussuunnitelma.pdf", &test_plan_pdf())?;
    let persons = ["010181-900C", "020516C903K"];
    write(d, TEST_PERSONS, &test_persons_docx_embedding(&persons, &persons)?)
}

/// [`test_persons_docx`] with an Excel sheet of `embedded` codes inserted as an object, as Word
/// keeps it: the workbook whole under `word/embeddings/`, related from the document.
fn test_persons_docx_embedding(codes: &[&str], embedded: &[&str]) -> anyhow::Result<Vec<u8>> {
    let document = test_persons_docx(codes)?;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    // A fixed creation time, so that the fixture is the same bytes every time it is written.
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, 18)?.and_hms(10, 0, 0)?;
    workbook.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_author("Testisairaala").set_creation_datetime(&created),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("Testihenkilöt")?;
    sheet.write_string(0, 0, "Nimi")?;
    sheet.write_string(0, 1, "Henkilötunnus")?;
    for (row, code) in (1u32..).zip(embedded) {
        sheet.write_string(row, 0, format!("Testihenkilö {row}"))?;
        sheet.write_string(row, 1, *code)?;
    }
    let workbook = workbook.save_to_buffer()?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(document))?;
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes)?;
        parts.push((String::from_utf8_lossy(part.name_raw()).into_owned(), bytes));
    }
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" \
        Target=\"embeddings/Microsoft_Excel_Worksheet.xlsx\"/></Relationships>";
    parts.push(("word/_rels/document.xml.rels".to_owned(), rels.as_bytes().to_vec()));
    parts.push(("word/embeddings/Microsoft_Excel_Worksheet.xlsx".to_owned(), workbook));
    zip_of(&parts.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())).collect::<Vec<_>>())
}

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The test plan's appendix, written in Word: the test persons the organisation will use.
const TEST_PERSONS: &str = "plan/liite-testihenkilot.docx";

/// A DOCX (the parts Word needs to open it) whose table lists `codes`, each split over two runs
/// as Word splits a code where a spell-check mark falls, with a title in its properties.
pub(crate) fn test_persons_docx(codes: &[&str]) -> anyhow::Result<Vec<u8>> {
    let paragraph = |text: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>");
    let mut rows = String::new();
    for (index, code) in codes.iter().enumerate() {
        let (date, rest) = code.split_at(7);
        rows.push_str(&format!(
            "<w:tr><w:tc>{}</w:tc><w:tc><w:p><w:r><w:t>{date}</w:t></w:r><w:proofErr w:type=\"spellStart\"/>\
             <w:r><w:rPr><w:b/></w:rPr><w:t>{rest}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/></w:p></w:tc></w:tr>",
            paragraph(&format!("Testihenkilö {}", index + 1))
        ));
    }
    let body = format!(
        "{}{}<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/>\
         <w:gridCol w:w=\"4000\"/></w:tblGrid>{rows}</w:tbl>",
        paragraph("Liite 1: Testihenkilöt"),
        paragraph("Testisairaala käyttää yhteistestauksessa vain Kelan testihenkilöitä:"),
    );
    docx(&body, "Testaussuunnitelman liite: testihenkilöt")
}

/// A DOCX with the parts Word needs to open it: `body` (WordprocessingML) and a title in its
/// properties.
pub(crate) fn docx(body: &str, title: &str) -> anyhow::Result<Vec<u8>> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}\
         <w:sectPr/></w:body></w:document>"
    );
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
                .to_owned(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>"
                .to_owned(),
        ),
        ("word/document.xml", document),
        (
            "docProps/core.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
             <dc:title>{title}</dc:title><dc:creator>Testisairaala</dc:creator></cp:coreProperties>"
            ),
        ),
    ];
    zip_of(&parts.iter().map(|(name, text)| (*name, text.as_bytes())).collect::<Vec<_>>())
}

/// A one-page PDF titled Testaussuunnitelma, with a correct cross-reference table.
fn test_plan_pdf() -> Vec<u8> {
    let text = "BT /F1 14 Tf 56 780 Td (Testaussuunnitelma: yhteistestaus 2027/1, Esimerkki EHR) Tj \
                0 -24 Td /F1 11 Tf (Testitapaukset, aikataulu, vastuuhenkilot ja testiymparisto: asiakastesti.) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", index + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// The example change notification's planned co-testing.
const PLANNED: &str = "planned_testing = { start = 2027-02-01, end = 2027-02-26 }";

/// The example change notification with its planned co-testing replaced by `planned`.
fn planned(d: &Path, planned: &str) -> anyhow::Result<()> {
    as_change_notification(d)?;
    edit(d, "manifest.toml", PLANNED, planned)
}

const fn passes() -> &'static [Expectation] {
    &[Expectation { args: &[], exit: 0, failing: &[], subject: "", message: "" }]
}

macro_rules! fails {
    ($requirement:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: "", message: $message }]
    };
    ($requirement:literal, $subject:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: $subject, message: $message }]
    };
}

pub(crate) fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            name: "example-change-notification",
            rehash: true,
            change: as_change_notification,
            expectations: passes(),
        },
        Fixture {
            name: "example-access-application",
            rehash: true,
            change: as_access_application,
            expectations: passes(),
        },
        Fixture {
            name: "example-customer-organisation",
            rehash: true,
            change: as_customer_organisation,
            expectations: passes(),
        },
        Fixture {
            name: "access-connection-no-source-ips",
            rehash: true,
            change: |d| {
                as_access_application(d)?;
                edit(d, "connection/connection.toml", "source_ips = [\"10.12.34.56\"]", "source_ips = []")
            },
            expectations: fails!("ACCESS-CONNECTION", "connection.toml gives no source IP addresses"),
        },
        Fixture {
            name: "access-environment-sandbox",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "connection/connection.toml",
                    "https://ehr-testi.esimerkki-terveys.fi:8443/kanta/arkisto",
                    "https://fhirsandbox.kanta.fi/phr-resourceserver/baseStu3",
                )
            },
            expectations: fails!("ACCESS-ENVIRONMENT", "is in the Kanta PHR sandbox (fhirsandbox.kanta.fi)"),
        },
        Fixture {
            name: "access-environment-production",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "environment = \"asiakastesti\"", "environment = \"tuotanto\""),
            expectations: fails!("ACCESS-ENVIRONMENT", "`system.environment` `tuotanto` is production"),
        },
        Fixture {
            name: "access-environment-customer-purpose",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                edit(d, "manifest.toml", "purpose = \"co-testing\"", "purpose = \"independent-testing\"")
            },
            expectations: fails!(
                "ACCESS-ENVIRONMENT",
                "a customer organisation joining for independent testing uses the production image (tuotannonkuva)"
            ),
        },
        Fixture {
            name: "plan-test-plan-not-a-document",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                write(
                    d,
                    "plan/testaussuunnitelma.pdf",
                    "Testaussuunnitelma\n\nTestataan yhteistestauksessa.\n".as_bytes(),
                )
            },
            expectations: fails!(
                "PLAN-TEST-PLAN",
                "plan/testaussuunnitelma.pdf",
                "is plain text, not a PDF, DOCX, ODT, ODS or XLSX document"
            ),
        },
        // PRIVACY-HETU in a word processor document: a real code in the test plan's appendix,
        // split over two runs as Word writes it.
        Fixture {
            name: "privacy-hetu-docx",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                write(d, TEST_PERSONS, &test_persons_docx(&["010181-900C", "131052-308T"])?)
            },
            expectations: fails!(
                "PRIVACY-HETU",
                "plan/liite-testihenkilot.docx",
                "`131052-3***` is not a test identity (individual number not in 900–999), in `word/document.xml`, paragraph 6"
            ),
        },
        Fixture {
            // The test persons also as an Excel sheet inserted into the Word appendix as an
            // object, one of them a real person's code: the table in the text lists test
            // identities only.
            name: "privacy-hetu-docx-embedded",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                let persons = test_persons_docx_embedding(&["010181-900C"], &["010181-900C", "131052-308T"])?;
                write(d, TEST_PERSONS, &persons)
            },
            expectations: fails!(
                "PRIVACY-HETU",
                "plan/liite-testihenkilot.docx",
                "`131052-3***` is not a test identity (individual number not in 900–999), in `word/embeddings/Microsoft_Excel_Worksheet.xlsx` embedded in the document, cell Testihenkilöt!B3"
            ),
        },
        // A test plan saved from the organisation's Word template before anything was written in
        // it: a title in its properties, empty paragraphs in its body.
        Fixture {
            name: "plan-test-plan-blank",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                fs::remove_file(d.join("plan/testaussuunnitelma.pdf"))?;
                let blank = docx(
                    "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p><w:p/>",
                    "Testaussuunnitelma",
                )?;
                write(d, "plan/testaussuunnitelma.docx", &blank)
            },
            expectations: fails!(
                "PLAN-TEST-PLAN",
                "plan/testaussuunnitelma.docx",
                "is a DOCX document with no text in its body"
            ),
        },
        Fixture {
            name: "plan-test-plan-missing",
            rehash: true,
            change: |d| {
                as_customer_organisation(d)?;
                fs::remove_dir_all(d.join("plan"))?;
                Ok(())
            },
            expectations: fails!("PLAN-TEST-PLAN", "plan/ holds no test plan"),
        },
        Fixture {
            name: "change-versions-same",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(d, "manifest.toml", "new_version = \"4.3.0\"", "new_version = \"4.2.0\"")
            },
            expectations: fails!("CHANGE-VERSIONS", "new_version `4.2.0` is the certified version `4.2.0`"),
        },
        Fixture {
            name: "change-schedule-july",
            rehash: true,
            change: |d| planned(d, "planned_testing = { start = 2027-06-21, end = 2027-07-09 }"),
            expectations: fails!("CHANGE-SCHEDULE", "includes 2027-07-01: there is no co-testing in July"),
        },
        Fixture {
            name: "change-schedule-late-notice",
            rehash: true,
            change: |d| planned(d, "planned_testing = { start = 2026-12-07, end = 2026-12-18 }"),
            expectations: fails!(
                "CHANGE-SCHEDULE",
                "submitted 2026-11-20, 17 days before the planned testing starts 2026-12-07"
            ),
        },
        Fixture {
            name: "change-scope-unknown-service",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(
                    d,
                    "manifest.toml",
                    "affected_services = [\"potilastiedon-arkisto\"]",
                    "affected_services = [\"potilastiedon-arkisto\", \"e-resepti\"]",
                )
            },
            expectations: fails!("CHANGE-SCOPE", "affected service `e-resepti` is not a service of round 2027-1"),
        },
        Fixture {
            name: "change-scope-no-summary",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(
                    d,
                    "manifest.toml",
                    "summary = \"Hoitokertomuksen uusi näkymä ja arkistointirajapinnan versio 3.2: asiakirjan versiointi muuttuu.\"",
                    "summary = \"TODO: mitä muuttuu\"",
                )
            },
            expectations: fails!("CHANGE-SCOPE", "`change.summary` does not describe the change"),
        },
    ]
}
