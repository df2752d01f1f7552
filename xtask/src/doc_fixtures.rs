//! Document fixtures: one failing bundle per DOC and FHIR requirement, derived from the ready
//! bundle's CDA document and Kanta PHR observation, including an external-entity (XXE) and a
//! billion-laughs document.

use crate::fixtures::{Expectation, Fixture, edit, write};

const CDA: &str = "documents/hoitokertomus-2026-11-12.xml";
const FHIR: &str = "documents/havainto-verenpaine-2026-11-14.json";
/// The ready bundle's document written for a test organisation (`test_organisations`).
const TEST_ORGANISATION: &str = "documents/hoitokertomus-testisairaala-2026-11-13.xml";

macro_rules! fails {
    ($requirement:literal, $subject:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: $subject, message: $message }]
    };
}

const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol9;</title></ClinicalDocument>
"#;

pub(crate) fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            name: "doc-wellformed",
            rehash: true,
            change: |d| edit(d, CDA, "<title>Hoitokertomus</title>", "<title>Hoitokertomus</titel>"),
            expectations: fails!(
                "DOC-WELLFORMED",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:9:23"
            ),
        },
        Fixture {
            name: "doc-wellformed-xxe",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    CDA,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY salaisuus SYSTEM \"file:///etc/passwd\">]>\n",
                )
                .and_then(|()| edit(d, CDA, "<title>Hoitokertomus</title>", "<title>&salaisuus;</title>"))
            },
            expectations: fails!(
                "DOC-WELLFORMED",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:2:1"
            ),
        },
        Fixture {
            name: "doc-wellformed-billion-laughs",
            rehash: true,
            change: |d| write(d, "documents/naurut.xml", BILLION_LAUGHS.as_bytes()),
            expectations: fails!(
                "DOC-WELLFORMED",
                "documents/naurut.xml",
                "has a DOCTYPE or ENTITY declaration, which is refused"
            ),
        },
        Fixture {
            name: "doc-wellformed-json",
            rehash: true,
            change: |d| edit(d, FHIR, "\"status\": \"final\",", "\"status\": \"final\""),
            expectations: fails!(
                "DOC-WELLFORMED",
                "documents/havainto-verenpaine-2026-11-14.json",
                "havainto-verenpaine-2026-11-14.json:15:20"
            ),
        },
        Fixture {
            name: "doc-cda-header",
            rehash: true,
            change: |d| edit(d, CDA, "<realmCode code=\"FI\"/>", "<realmCode code=\"US\"/>"),
            expectations: fails!(
                "DOC-CDA-HEADER",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:4:20"
            ),
        },
        Fixture {
            name: "doc-oid",
            rehash: true,
            change: |d| {
                edit(d, CDA, "codeSystem=\"1.2.246.537.5.40150.2009\"", "codeSystem=\"1.2.246.537.5.40150.02009\"")
            },
            // Kela's schema types @codeSystem as an OID too (its `uid`): both say so.
            expectations: &[Expectation {
                args: &[],
                exit: 1,
                failing: &["DOC-OID", "DOC-SCHEMA"],
                subject: "documents/hoitokertomus-2026-11-12.xml",
                message: "hoitokertomus-2026-11-12.xml:8:31",
            }],
        },
        Fixture {
            name: "doc-oid-root",
            rehash: true,
            change: |d| {
                edit(d, CDA, "<id root=\"1.2.246.537.26\" extension=\"9000123\"/>", "<id extension=\"9000123\"/>")
            },
            expectations: fails!(
                "DOC-OID",
                "documents/hoitokertomus-2026-11-12.xml",
                "/ClinicalDocument/author/assignedAuthor/id has an @extension but no @root"
            ),
        },
        Fixture {
            name: "doc-oid-sample",
            rehash: true,
            change: |d| {
                let (from, to) = ("1.2.246.10.23456780.11.2026.3001", "1.2.246.10.2323232.93.2012.3001");
                edit(d, TEST_ORGANISATION, from, to).and_then(|()| edit(d, TEST_ORGANISATION, from, to))
            },
            expectations: fails!(
                "DOC-OID",
                "documents/hoitokertomus-testisairaala-2026-11-13.xml",
                "a published sample value (KantaCDA-API's default document id root"
            ),
        },
        Fixture {
            name: "doc-oid-arc",
            rehash: true,
            change: |d| {
                // The id and the setId of this first version.
                let (from, to) = ("1.2.246.10.23456780.11.2026.3001", "1.2.246.10.23456799.11.2026.3001");
                edit(d, TEST_ORGANISATION, from, to).and_then(|()| edit(d, TEST_ORGANISATION, from, to))
            },
            expectations: &[
                Expectation {
                    args: &[],
                    exit: 0,
                    failing: &[],
                    subject: "",
                    message: "is under no organisation or practitioner arc this document names or the bundle declares",
                },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["DOC-OID"],
                    subject: "documents/hoitokertomus-testisairaala-2026-11-13.xml",
                    message: "accepted: 1.2.246.10.23456780 (the author's organisation, the custodian, a test organisation of the manifest)",
                },
            ],
        },
        Fixture {
            name: "doc-oid-check-digit",
            rehash: true,
            change: |d| {
                edit(d, CDA, "<id root=\"1.2.246.10.12345671.10.0\"/>", "<id root=\"1.2.246.10.1234567.10.0\"/>")
            },
            expectations: &[
                Expectation {
                    args: &[],
                    exit: 0,
                    failing: &[],
                    subject: "",
                    message: "organisation arc `1.2.246.10.1234567` is not a business id (the check digit should be 2)",
                },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["DOC-OID"],
                    subject: "documents/hoitokertomus-2026-11-12.xml",
                    message: "hoitokertomus-2026-11-12.xml:31:19",
                },
            ],
        },
        Fixture {
            name: "doc-schema",
            rehash: true,
            // The title before the document type code: every element is right, the order is not.
            change: |d| {
                edit(
                    d,
                    CDA,
                    "  <code code=\"11\" codeSystem=\"1.2.246.537.5.40150.2009\" codeSystemName=\"eArkisto - Asiakirjatyypit\" displayName=\"Hoitokertomus\"/>\n  <title>Hoitokertomus</title>\n",
                    "  <title>Hoitokertomus</title>\n  <code code=\"11\" codeSystem=\"1.2.246.537.5.40150.2009\" codeSystemName=\"eArkisto - Asiakirjatyypit\" displayName=\"Hoitokertomus\"/>\n",
                )
            },
            expectations: fails!(
                "DOC-SCHEMA",
                "documents/hoitokertomus-2026-11-12.xml",
                "element `title` is not expected in `ClinicalDocument` here; expected `code`"
            ),
        },
        Fixture {
            name: "doc-timestamps",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    CDA,
                    "<effectiveTime value=\"20261112091200+0200\"/>",
                    // Month 13: Kela's schema takes any digits (its ts pattern); the calendar does not.
                    "<effectiveTime value=\"20261312091200+0200\"/>",
                )
            },
            expectations: fails!(
                "DOC-TIMESTAMPS",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:10:25"
            ),
        },
        Fixture {
            name: "doc-patient",
            rehash: true,
            change: |d| edit(d, CDA, "<birthTime value=\"19810101\"/>", "<birthTime value=\"19800101\"/>"),
            expectations: fails!(
                "DOC-PATIENT",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:21:27"
            ),
        },
        Fixture {
            name: "doc-versioning",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    CDA,
                    "<setId root=\"1.2.246.10.12345671.11.2026.1001\"/>",
                    "<setId root=\"1.2.246.10.12345671.11.2026.1000\"/>",
                )
            },
            expectations: fails!(
                "DOC-VERSIONING",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:13:16"
            ),
        },
        Fixture {
            name: "fhir-resource",
            rehash: true,
            change: |d| edit(d, FHIR, "\"resourceType\": \"Observation\"", "\"resourceType\": \"Havainto\""),
            expectations: fails!(
                "FHIR-RESOURCE",
                "documents/havainto-verenpaine-2026-11-14.json",
                "havainto-verenpaine-2026-11-14.json:2:19"
            ),
        },
        Fixture {
            name: "fhir-patient-not-in-report",
            rehash: true,
            change: |d| edit(d, FHIR, "\"value\": \"010181-900C\"", "\"value\": \"150590-9010\""),
            expectations: &[
                Expectation {
                    args: &[],
                    exit: 0,
                    failing: &[],
                    subject: "",
                    message: "`150590-9010` is not a test person of the pre-test report",
                },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["FHIR-PATIENT"],
                    subject: "documents/havainto-verenpaine-2026-11-14.json",
                    message: "`150590-9010` is not a test person of the pre-test report",
                },
            ],
        },
        Fixture {
            name: "fhir-patient",
            rehash: true,
            change: |d| edit(d, FHIR, "\"value\": \"010181-900C\"", "\"value\": \"010181-900X\""),
            expectations: fails!(
                "FHIR-PATIENT",
                "documents/havainto-verenpaine-2026-11-14.json",
                "havainto-verenpaine-2026-11-14.json:38:16"
            ),
        },
        Fixture {
            // The same in a JSON document and an XML document saved with CRLF: the same places.
            name: "fhir-patient-crlf",
            rehash: true,
            change: |d| {
                edit(d, FHIR, "\"value\": \"010181-900C\"", "\"value\": \"010181-900X\"")?;
                crate::fixtures::line_endings(d, FHIR, "\r\n")
            },
            expectations: fails!(
                "FHIR-PATIENT",
                "documents/havainto-verenpaine-2026-11-14.json",
                "havainto-verenpaine-2026-11-14.json:38:16"
            ),
        },
        Fixture {
            name: "doc-timestamps-cr",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    CDA,
                    "<effectiveTime value=\"20261112091200+0200\"/>",
                    "<effectiveTime value=\"20261312091200+0200\"/>",
                )?;
                crate::fixtures::line_endings(d, CDA, "\r")
            },
            expectations: fails!(
                "DOC-TIMESTAMPS",
                "documents/hoitokertomus-2026-11-12.xml",
                "hoitokertomus-2026-11-12.xml:10:25"
            ),
        },
    ]
}
