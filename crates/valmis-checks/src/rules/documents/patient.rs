//! DOC-PATIENT: the patient id under 1.2.246.21 is a valid test identity code, names a test
//! person of the pre-test report, and agrees with birthTime.

use roxmltree::Node;
use valmis_i18n::{said, t};
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
    let lang = context.lang.as_str();
    let persons = context.test_persons();
    let Some(role) = child(root, "recordTarget").and_then(|target| child(target, "patientRole")) else { return };
    let birth_time = child(role, "patient").and_then(|patient| child(patient, "birthTime"));
    for id in role.children().filter(|node| node.is_element() && node.tag_name().name() == "id") {
        if id.attribute("root") != Some(HETU_ROOT) {
            continue;
        }
        let Some(code) = id.attribute("extension") else {
            findings.push(
                Finding::said(severity, said!(lang, "patient-no-extension", path = xpath(id), root = HETU_ROOT))
                    .at(at_node(source, id, None)),
            );
            continue;
        };
        match Hetu::parse(code) {
            Err(error) => {
                let mut finding =
                    Finding::said(severity, said!(lang, "patient-invalid", path = xpath(id), error = error.message()))
                        .at(at_node(source, id, Some("extension")))
                        .with_help(t!(lang, "patient-invalid-help"));
                // A mistyped real code is still personal data: no snippet.
                if let Some(location) = &mut finding.location {
                    location.snippet = None;
                }
                findings.push(finding);
            }
            Ok(hetu) if !hetu.is_test_identity() => findings.push(
                Finding::said(severity, said!(lang, "patient-real", path = xpath(id), code = hetu.masked()))
                    .at(at_node(source, id, Some("extension")))
                    .with_help(t!(lang, "patient-real-help")),
            ),
            Ok(hetu) => {
                if let Some(persons) = &persons
                    && !persons.iter().any(|person| person == &hetu.as_str().to_uppercase())
                {
                    findings.push(
                        Finding::said(
                            Severity::Warning,
                            said!(lang, "patient-not-test-person", path = xpath(id), code = hetu.as_str()),
                        )
                        .at(at_node(source, id, Some("extension")))
                        .with_help(t!(lang, "patient-not-test-person-help")),
                    );
                }
                let Some(birth) = birth_time.and_then(|node| node.attribute("value").map(|value| (node, value))) else {
                    continue;
                };
                let (year, month, day) = hetu.birth_date();
                let expected = format!("{year:04}{month:02}{day:02}");
                if !birth.1.starts_with(&expected) {
                    findings.push(
                        Finding::said(
                            severity,
                            said!(
                                lang,
                                "patient-birth-date",
                                path = xpath(birth.0),
                                value = birth.1,
                                expected = expected.as_str()
                            ),
                        )
                        .at(at_node(source, birth.0, Some("value"))),
                    );
                }
            }
        }
    }
}
