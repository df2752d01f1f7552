//! Declarations, templates, normalisation, diffs and captures.

use std::collections::BTreeMap;

use valmis_harness::{capture, diff, normalise, parse_case, real_identity_codes, render};

const CASE: &str = r#"
format = 1
case = "OT-01"
service = "omatietovaranto"
title = "Havainnon tallennus"

[[step]]
name = "luo"
method = "post"
path = "/fhir/Observation"
body = "ot-01/havainto.json"
[step.headers]
Content-Type = "application/fhir+json"
[step.expect]
status = 201
body = "ot-01/vastaus.json"
masks = ["/id", "/meta/lastUpdated"]
[step.capture]
id = "/id"
"#;

#[test]
fn declarations_parse_and_errors_name_file_and_line() {
    let case = parse_case("harness/ot-01.toml", CASE).expect("valid");
    assert_eq!(case.case, "OT-01");
    assert_eq!(case.steps[0].method, "POST");
    assert_eq!(case.steps[0].captures["id"], "/id");

    let error = parse_case("harness/ot-01.toml", &CASE.replace("status = 201", "status = \"201\"")).expect_err("type");
    assert!(error.to_string().starts_with("harness/ot-01.toml:15:"), "{error}");
    let error = parse_case("h.toml", &CASE.replace("method = \"post\"", "method = \"FETCH\"")).expect_err("method");
    assert!(error.to_string().contains("`FETCH` is not an HTTP method"), "{error}");
    let error = parse_case("h.toml", &CASE.replace("id = \"/id\"", "id = \"id\"")).expect_err("capture");
    assert!(error.to_string().contains("capture `id` must be a JSON pointer"), "{error}");
    let error =
        parse_case("h.toml", &CASE.replace("[step.expect]", "[step.expect]\nbodi = \"x\"")).expect_err("unknown key");
    assert!(error.to_string().contains("bodi"), "{error}");
}

#[test]
fn templates_render_known_variables_and_name_unknown_ones() {
    let variables =
        BTreeMap::from([("uuid".to_owned(), "5b8f".to_owned()), ("test_person".to_owned(), "010181-900C".to_owned())]);
    assert_eq!(
        render("urn:uuid:{{uuid}} / {{ test_person }}", &variables).as_deref(),
        Ok("urn:uuid:5b8f / 010181-900C")
    );
    let error = render("{{potilas}}", &variables).expect_err("unknown");
    assert!(matches!(&error, valmis_harness::TemplateError::Unknown { name, .. } if name == "potilas"));
    let error = error.to_string();
    assert!(error.contains("`{{potilas}}`") && error.contains("test_person"), "{error}");
    let unclosed = render("{{uuid", &variables).expect_err("unclosed");
    assert_eq!(unclosed.to_string(), "`{{` without a closing `}}`");
    assert_eq!(real_identity_codes("hetu 131052-308T ja 010181-900C"), ["131052-3***"]);
}

#[test]
fn normalisation_sorts_masks_and_diffs() {
    let expected = normalise(r#"{"resourceType":"Observation","id":"<masked>","status":"final"}"#, &[], &[]);
    let actual =
        normalise(r#"{"status":"final","id":"abc-123","resourceType":"Observation"}"#, &["/id".to_owned()], &[]);
    assert_eq!(diff(&expected, &actual), None, "key order and masked ids do not matter");
    let changed =
        normalise(r#"{"status":"preliminary","id":"x","resourceType":"Observation"}"#, &["/id".to_owned()], &[]);
    let unified = diff(&expected, &changed).expect("differs");
    assert!(
        unified.contains("--- expected")
            && unified.contains("-  \"status\": \"final\"")
            && unified.contains("+  \"status\": \"preliminary\""),
        "{unified}"
    );

    let xml = normalise("<a y=\"2\" x=\"1\"><b>  teksti </b><id root=\"r\"/></a>", &["/a/id/@root".to_owned()], &[]);
    assert_eq!(xml, "<a x=\"1\" y=\"2\">\n  <b>teksti</b>\n  <id root=\"<masked>\"/>\n</a>\n");
    let text = normalise("Vastaanotettu 2026-11-12T10:02:17+02:00", &[], &["\\d{4}-\\d{2}-\\d{2}T[0-9:+]+".to_owned()]);
    assert_eq!(text, "Vastaanotettu <masked>\n");
}

#[test]
fn captures_read_pointers_headers_and_patterns() {
    let headers = BTreeMap::from([("Location".to_owned(), "/fhir/Observation/42/_history/1".to_owned())]);
    assert_eq!(capture("/id", r#"{"id":"42"}"#, &headers).as_deref(), Some("42"));
    assert_eq!(capture("header:location", "", &headers).as_deref(), Some("/fhir/Observation/42/_history/1"));
    assert_eq!(capture("regex:Observation/([0-9]+)", "see Observation/42", &headers).as_deref(), Some("42"));
    assert_eq!(capture("/missing", r#"{"id":"42"}"#, &headers), None);
}
