//! DOC-PATIENT: the patient id under 1.2.246.21 is a valid test identity code, names a test
//! person of the pre-test report, and agrees with birthTime.

use roxmltree::Node;
use valmis_ids::Hetu;
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{at_node, child, xpath};

/// The root of Finnish personal identity codes as HL7 ids.
const HETU_ROOT: &str = "1.2.246.21";

/// DOC-PATIENT: the patient id under 1.2.246.21 is a valid test identity code and agrees with
/// birthTime.
pub(crate) fn check(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let persons = context.test_persons();
    let Some(role) = child(root, "recordTarget").and_then(|target| child(target, "patientRole")) else { return };
    let birth_time = child(role, "patient").and_then(|patient| child(patient, "birthTime"));
    for id in role.children().filter(|node| node.is_element() && node.tag_name().name() == "id") {
        if id.attribute("root") != Some(HETU_ROOT) {
            continue;
        }
        let Some(code) = id.attribute("extension") else {
            findings.push(
                Finding::new(severity, format!("{} has root {HETU_ROOT} but no @extension", xpath(id)))
                    .at(at_node(source, id, None)),
            );
            continue;
        };
        match Hetu::parse(code) {
            Err(error) => {
                let mut finding = Finding::new(
                    severity,
                    format!("{}/@extension is not a valid personal identity code: {error}", xpath(id)),
                )
                .at(at_node(source, id, Some("extension")))
                .with_help("use a Kela test identity, e.g. 010181-900C");
                // A mistyped real code is still personal data: no snippet.
                if let Some(location) = &mut finding.location {
                    location.snippet = None;
                }
                findings.push(finding);
            }
            Ok(hetu) if !hetu.is_test_identity() => findings.push(
                Finding::new(
                    severity,
                    format!(
                        "{}/@extension `{}` is a real person's identity code, not a test identity",
                        xpath(id),
                        hetu.masked()
                    ),
                )
                .at(at_node(source, id, Some("extension")))
                .with_help("Kanta's validation rejects documents with real identity codes: use a Kela test identity"),
            ),
            Ok(hetu) => {
                if let Some(persons) = &persons
                    && !persons.iter().any(|person| person == &hetu.as_str().to_uppercase())
                {
                    findings.push(
                            Finding::new(
                                Severity::Warning,
                                format!("{}/@extension `{}` is not a test person of the pre-test report", xpath(id), hetu.as_str()),
                            )
                            .at(at_node(source, id, Some("extension")))
                            .with_help("sample documents should come from the pre-test runs; a reviewer will ask where this one is from"),
                        );
                }
                let Some(birth) = birth_time.and_then(|node| node.attribute("value").map(|value| (node, value))) else {
                    continue;
                };
                let (year, month, day) = hetu.birth_date();
                let expected = format!("{year:04}{month:02}{day:02}");
                if !birth.1.starts_with(&expected) {
                    findings.push(
                        Finding::new(
                            severity,
                            format!(
                                "{}/@value `{}` disagrees with the identity code's birth date {expected}",
                                xpath(birth.0),
                                birth.1
                            ),
                        )
                        .at(at_node(source, birth.0, Some("value"))),
                    );
                }
            }
        }
    }
}
