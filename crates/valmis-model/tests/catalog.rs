//! The shipped catalog loads, and broken catalogs fail with errors that point at file:line:col.

use valmis_model::{Area, Catalog, CatalogSet, Severity};

/// Every requirement id of SPEC §4, in its order: the ids are public API.
const SPEC_IDS: &[&str] = &[
    "BUNDLE-MANIFEST",
    "BUNDLE-ORG",
    "BUNDLE-CONTACTS",
    "BUNDLE-INTEGRITY",
    "BUNDLE-HYGIENE",
    "BUNDLE-PATHS",
    "BUNDLE-SECRETS",
    "BUNDLE-FORMS",
    "BUNDLE-DEADLINE",
    "PRIVACY-HETU",
    "PRETEST-REPORT",
    "PRETEST-COVERAGE",
    "PRETEST-RESULT",
    "PRETEST-EVIDENCE",
    "PRETEST-DATES",
    "PRETEST-ENVIRONMENT",
    "PRETEST-TEST-PERSON",
    "CONN-CONFIG",
    "CONN-ENDPOINTS",
    "CONN-SOURCE-IPS",
    "CERT-PARSE",
    "CERT-VALIDITY",
    "CERT-ISSUER",
    "CERT-USAGE",
    "CERT-KEY",
    "CERT-SUBJECT",
    "CERT-CHAIN",
    "CONN-PROBE",
    "DOC-WELLFORMED",
    "DOC-CDA-HEADER",
    "DOC-OID",
    "DOC-TIMESTAMPS",
    "DOC-PATIENT",
    "DOC-VERSIONING",
    "FHIR-RESOURCE",
    "FHIR-PATIENT",
];

#[test]
fn embedded_catalog_has_every_spec_requirement_and_round_facts() {
    let set = CatalogSet::embedded().expect("embedded catalog is valid");
    let catalog = set.get("2027-1").expect("round 2027-1 is embedded");
    let mut ids: Vec<&str> = catalog.requirements.iter().map(|r| r.id.as_str()).collect();
    let mut expected = SPEC_IDS.to_vec();
    ids.sort_unstable();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert_eq!(catalog.round.registration_deadline.to_string(), "2026-12-01");
    assert_eq!(catalog.requirement("PRIVACY-HETU").map(|r| r.area), Some(Area::Privacy));
    assert_eq!(catalog.requirement("CERT-KEY").map(|r| r.severity), Some(Severity::Error));
    for service in ["eresepti", "potilastiedon-arkisto", "sosiaalihuollon-arkisto", "omatietovaranto"] {
        assert!(catalog.service(service).is_some(), "{service}");
    }
    assert!(catalog.form("architecture").expect("form").matcher.is_match("forms/Arkkitehtuurikuvaus.pdf"));
    for requirement in &catalog.requirements {
        assert!(!requirement.explanation.trim().is_empty() && !requirement.fix.trim().is_empty(), "{}", requirement.id);
    }
}

fn shipped() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testcases/2027-1/catalog.toml"))
        .expect("shipped catalog readable")
}

fn error_of(text: &str) -> String {
    Catalog::parse("my/catalog.toml", text).expect_err("catalog must be rejected").to_string()
}

#[test]
fn syntax_and_schema_errors_point_at_the_line() {
    let error = error_of(&shipped().replacen("severity = \"error\"", "severity = \"fatal\"", 1));
    assert!(error.starts_with("my/catalog.toml:"), "{error}");
    assert!(error.contains("fatal"), "{error}");
    let line: u32 = error.split(':').nth(1).and_then(|l| l.parse().ok()).expect("a line number");
    let expected = shipped().lines().position(|l| l.starts_with("severity = ")).expect("line") as u32 + 1;
    assert_eq!(line, expected, "{error}");

    let error = error_of(&shipped().replacen("title = \"manifest.toml exists", "titel = \"manifest.toml exists", 1));
    assert!(error.contains("titel"), "unknown key is named: {error}");

    let error = error_of(&shipped().replacen("format = 1", "format = 2", 1));
    assert!(error.contains("format 2 is not supported"), "{error}");
}

#[test]
fn semantic_errors_point_at_the_offending_value() {
    let duplicate = shipped().replacen("id = \"BUNDLE-ORG\"", "id = \"BUNDLE-MANIFEST\"", 1);
    let error = error_of(&duplicate);
    assert!(error.contains("`BUNDLE-MANIFEST` is defined twice"), "{error}");
    let line = duplicate.lines().position(|l| l == "id = \"BUNDLE-MANIFEST\"").expect("first");
    let second = duplicate.lines().skip(line + 1).position(|l| l == "id = \"BUNDLE-MANIFEST\"").expect("second");
    assert!(error.starts_with(&format!("my/catalog.toml:{}:", line + second + 2)), "{error}");

    let error = error_of(&shipped().replacen(
        "forms = [\"registration\", \"thl-system\"]",
        "forms = [\"registration\", \"thl\"]",
        1,
    ));
    assert!(error.contains("no `[[form]]` has id `thl`"), "{error}");
    let error = error_of(&shipped().replacen("id = \"BUNDLE-ORG\"", "id = \"bundle org\"", 1));
    assert!(error.contains("upper-case words"), "{error}");
    let error = error_of(&shipped().replacen("ends = 2027-06-30", "ends = 2026-06-30", 1));
    assert!(error.contains("before `round.starts`"), "{error}");
}
