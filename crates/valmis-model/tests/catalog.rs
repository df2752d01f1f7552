//! The shipped catalog loads, and broken catalogs fail with errors that point at file:line:col.

use std::path::Path;

use valmis_model::{Area, Catalog, CatalogSet, EvidenceKind, Severity};

/// The requirement ids of SPEC §4, in its order. Ids are public API: none of these may ever
/// disappear or change. The catalog may add ids (a new requirement edits the catalog, not this
/// list).
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
    "DOC-SCHEMA",
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
    let ids: Vec<&str> = catalog.requirements.iter().map(|r| r.id.as_str()).collect();
    let missing: Vec<&&str> = SPEC_IDS.iter().filter(|id| !ids.contains(id)).collect();
    assert!(missing.is_empty(), "public requirement ids gone from the catalog: {missing:?}");
    for id in &ids {
        let parts: Vec<&str> = id.split('-').collect();
        assert!(
            parts.len() >= 2
                && parts.iter().all(|part| !part.is_empty())
                && parts[0].bytes().all(|b| b.is_ascii_uppercase())
                && id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
            "{id}: requirement ids are AREA-NAME in upper case"
        );
    }
    assert_eq!(catalog.round.registration_deadline.to_string(), "2026-12-01");
    assert_eq!(catalog.requirement("PRIVACY-HETU").map(|r| r.area), Some(Area::Privacy));
    assert_eq!(catalog.requirement("CERT-KEY").map(|r| r.severity), Some(Severity::Error));
    for service in ["eresepti", "potilastiedon-arkisto", "sosiaalihuollon-arkisto", "omatietovaranto"] {
        assert!(catalog.service(service).is_some(), "{service}");
    }
    assert!(catalog.form("architecture").expect("form").matcher.is_match("forms/Arkkitehtuurikuvaus.pdf"));
    for requirement in &catalog.requirements {
        assert!(!requirement.explanation.trim().is_empty() && !requirement.fix.trim().is_empty(), "{}", requirement.id);
        // --lang fi: every shipped requirement has its Finnish texts, and they differ from English.
        let fi = requirement.fi.as_ref().unwrap_or_else(|| panic!("{} has no [requirement.fi]", requirement.id));
        assert!(!fi.title.is_empty() && !fi.explanation.is_empty() && !fi.fix.is_empty(), "{}", requirement.id);
        assert_ne!(fi.title, requirement.title, "{}", requirement.id);
        assert_eq!(requirement.texts(valmis_model::Lang::Fi).0, fi.title);
        assert_eq!(requirement.texts(valmis_model::Lang::En).0, requirement.title);
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
    // applies_to: each entry a kind, or a kind by a role, both spelt as the manifest spells them.
    let shipped = shipped();
    let first = "applies_to = [\"registration/vendor\"]";
    let line = shipped.lines().position(|l| l == first).expect("an applies_to line") + 1;
    let error = error_of(&shipped.replacen(first, "applies_to = [\"registration/vendr\"]", 1));
    assert!(error.starts_with(&format!("my/catalog.toml:{line}:")), "{error}");
    assert!(error.contains("`vendr` is not a role; roles are vendor, customer-organisation"), "{error}");
    let error = error_of(&shipped.replacen(first, "applies_to = [\"registraatio\"]", 1));
    assert!(error.contains("`registraatio` is not a kind of submission"), "{error}");
    let error = error_of(&shipped.replacen(first, "applies_to = [\"registration\", \"registration\"]", 1));
    assert!(error.contains("lists `registration` twice"), "{error}");
}

#[test]
fn applies_to_selects_kinds_and_roles() {
    use valmis_model::{Role, SubmissionKind};
    let set = CatalogSet::embedded().expect("embedded catalog");
    let catalog = set.get("2027-1").expect("round");
    let applies = |id: &str, kind, role| catalog.requirement(id).expect(id).applies_to.includes(kind, role);
    assert!(applies("BUNDLE-MANIFEST", SubmissionKind::ChangeNotification, Role::CustomerOrganisation));
    assert!(applies("PRETEST-RESULT", SubmissionKind::Registration, Role::Vendor));
    assert!(!applies("PRETEST-RESULT", SubmissionKind::ChangeNotification, Role::Vendor));
    assert!(!applies("PRETEST-RESULT", SubmissionKind::Registration, Role::CustomerOrganisation));
    assert!(applies("CONN-CONFIG", SubmissionKind::AccessApplication, Role::CustomerOrganisation));
    assert!(!applies("BUNDLE-FORMS", SubmissionKind::AccessApplication, Role::Vendor));
}

#[test]
fn embedded_pretest_lists_cover_every_service() {
    let set = CatalogSet::embedded().expect("embedded catalog is valid");
    let catalog = set.get("2027-1").expect("round 2027-1 is embedded");
    for service in &catalog.services {
        let list = catalog.pretest_list(&service.id).unwrap_or_else(|| panic!("no pre-test list for {}", service.id));
        assert!(list.illustrative, "{} is marked illustrative", service.id);
        assert_eq!(list.environments, ["asiakastesti"]);
        assert!(list.cases.iter().filter(|case| case.mandatory).count() >= 3, "{}", service.id);
        assert!(list.cases.iter().all(|case| *case.service == *service.id && !case.title.is_empty()));
    }
    let case = catalog.pretest_case("pa-01").expect("case ids compare case-insensitively");
    assert_eq!(case.id, "PA-01");
    assert_eq!(case.evidence, [EvidenceKind::Document, EvidenceKind::ValidationResult]);
    assert!(case.test_person, "test_person defaults to true");
    assert!(case.source.ends_with("pretest/potilastiedon-arkisto.toml"));
    let optional = catalog.pretest_case("PA-06").expect("PA-06");
    assert!(!optional.mandatory && optional.not_applicable_allowed);
}

fn shipped_pretest() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testcases/2027-1/pretest/potilastiedon-arkisto.toml"
    ))
    .expect("shipped pre-test list readable")
}

fn pretest_error(name: &str, text: &str) -> String {
    let mut catalog = Catalog::parse("catalog.toml", &shipped()).expect("shipped catalog");
    catalog.add_pretest(name, text).expect_err("list must be rejected").to_string()
}

#[test]
fn broken_pretest_lists_are_rejected_at_file_and_line() {
    let name = "my/pretest/potilastiedon-arkisto.toml";
    let text = shipped_pretest().replacen("evidence = [\"screenshot\"]", "evidence = [\"kuvakaappaus\"]", 1);
    let error = pretest_error(name, &text);
    let line = text.lines().position(|l| l.contains("kuvakaappaus")).expect("line") + 1;
    assert!(error.starts_with(&format!("{name}:{line}:")), "{error}");
    assert!(error.contains("kuvakaappaus") && error.contains("screenshot"), "names the bad and the good: {error}");

    let text = shipped_pretest().replacen("id = \"PA-02\"", "id = \"PA-01\"", 1);
    let error = pretest_error(name, &text);
    let line = text.lines().enumerate().filter(|(_, l)| *l == "id = \"PA-01\"").nth(1).expect("second").0 + 1;
    assert!(error.starts_with(&format!("{name}:{line}:")) && error.contains("declared twice"), "{error}");

    let error = pretest_error(name, &shipped_pretest().replacen("mandatory = true", "mandatory = \"yes\"", 1));
    assert!(error.contains("invalid type"), "{error}");
    let error = pretest_error(name, &shipped_pretest().replacen("title = ", "otsikko = ", 1));
    assert!(error.contains("otsikko"), "unknown key named: {error}");
    let error = pretest_error(name, &shipped_pretest().replacen("id = \"PA-03\"", "id = \"PA 03\"", 1));
    assert!(error.contains("without spaces"), "{error}");
    let error =
        pretest_error(name, &shipped_pretest().replacen("environments = [\"asiakastesti\"]", "environments = []", 1));
    assert!(error.contains("at least one environment"), "{error}");
    let error = pretest_error("my/pretest/arkisto.toml", &shipped_pretest());
    assert!(error.contains("must be named `pretest/potilastiedon-arkisto.toml`"), "{error}");
    let error = pretest_error(
        "my/pretest/kela.toml",
        &shipped_pretest().replacen("service = \"potilastiedon-arkisto\"", "service = \"kela\"", 1),
    );
    assert!(error.contains("no `[[service]]` of the catalog has id `kela`"), "{error}");
    let error = pretest_error(name, &shipped_pretest().replacen("format = 1", "format = 2", 1));
    assert!(error.contains("pre-test format 2 is not supported"), "{error}");
}

#[test]
fn a_user_catalog_directory_loads_its_pretest_lists() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("pretest")).expect("mkdir");
    std::fs::write(dir.path().join("catalog.toml"), shipped()).expect("write");
    // Copied without the schema folder cda_schema names, the catalog uses the one built in.
    let set = CatalogSet::load_dir(dir.path()).expect("loads");
    let schema = set.get("2027-1").and_then(|catalog| catalog.cda_schema.as_ref()).expect("schema set");
    assert_eq!(schema.origin, "built-in testcases/2027-1/schemas/kanta-cda/CDA_Fi.xsd");
    // A schema path that exists nowhere makes the catalog unusable, and says how to fix it.
    let elsewhere = shipped().replacen("schemas/kanta-cda/CDA_Fi.xsd", "schemas/oma/CDA.xsd", 1);
    std::fs::write(dir.path().join("catalog.toml"), elsewhere).expect("write");
    let error = CatalogSet::load_dir(dir.path()).expect_err("no schemas").to_string();
    assert!(error.contains("copy the schema folder beside catalog.toml, or remove cda_schema"), "{error}");
    std::fs::write(dir.path().join("catalog.toml"), shipped()).expect("write");
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testcases/2027-1/schemas/kanta-cda");
    std::fs::create_dir_all(dir.path().join("schemas/kanta-cda")).expect("mkdir");
    for entry in std::fs::read_dir(schemas).expect("schemas").filter_map(Result::ok) {
        std::fs::copy(entry.path(), dir.path().join("schemas/kanta-cda").join(entry.file_name())).expect("copy");
    }
    let list = shipped_pretest().replacen("id = \"PA-06\"", "id = \"KELA-PA-99\"", 1);
    std::fs::write(dir.path().join("pretest/potilastiedon-arkisto.toml"), list).expect("write");
    let set = CatalogSet::load_dir(dir.path()).expect("loads");
    let catalog = set.get("2027-1").expect("round");
    let schema = catalog.cda_schema.as_ref().expect("the schema set is read");
    assert_eq!(schema.entry, "CDA_Fi.xsd");
    assert_eq!(schema.files.len(), 8, "every .xsd beside the entry");
    assert!(catalog.pretest_case("KELA-PA-99").is_some());
    assert!(catalog.pretest_list("eresepti").is_none(), "only the lists the user gave");

    std::fs::write(dir.path().join("pretest/potilastiedon-arkisto.toml"), "format = 1\nservice = 3\n").expect("write");
    let error = CatalogSet::load_dir(dir.path()).expect_err("broken list").to_string();
    assert!(error.contains("pretest/potilastiedon-arkisto.toml:2:"), "{error}");
}
