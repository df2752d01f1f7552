//! FHIR R4 JSON documents under `documents/`: FHIR-RESOURCE (a known resourceType; for Kanta
//! PHR also the fiphr profile, a urn:uuid identifier and dateTimes with offsets) and
//! FHIR-PATIENT (identity codes are test identities), for resources inside Bundles too. Each
//! finding names the JSON pointer (`/entry/3/resource/meta/profile`) and its line:col.

use std::ops::Range;

use valmis_i18n::{said, t};
use valmis_ids::Hetu;
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::json::Value;
use crate::inputs::source::SourceFile;

/// FHIR R4 resource types.
const RESOURCE_TYPES: &[&str] = &[
    "Account",
    "ActivityDefinition",
    "AdverseEvent",
    "AllergyIntolerance",
    "Appointment",
    "AppointmentResponse",
    "AuditEvent",
    "Basic",
    "Binary",
    "BiologicallyDerivedProduct",
    "BodyStructure",
    "Bundle",
    "CapabilityStatement",
    "CarePlan",
    "CareTeam",
    "CatalogEntry",
    "ChargeItem",
    "ChargeItemDefinition",
    "Claim",
    "ClaimResponse",
    "ClinicalImpression",
    "CodeSystem",
    "Communication",
    "CommunicationRequest",
    "CompartmentDefinition",
    "Composition",
    "ConceptMap",
    "Condition",
    "Consent",
    "Contract",
    "Coverage",
    "CoverageEligibilityRequest",
    "CoverageEligibilityResponse",
    "DetectedIssue",
    "Device",
    "DeviceDefinition",
    "DeviceMetric",
    "DeviceRequest",
    "DeviceUseStatement",
    "DiagnosticReport",
    "DocumentManifest",
    "DocumentReference",
    "EffectEvidenceSynthesis",
    "Encounter",
    "Endpoint",
    "EnrollmentRequest",
    "EnrollmentResponse",
    "EpisodeOfCare",
    "EventDefinition",
    "Evidence",
    "EvidenceVariable",
    "ExampleScenario",
    "ExplanationOfBenefit",
    "FamilyMemberHistory",
    "Flag",
    "Goal",
    "GraphDefinition",
    "Group",
    "GuidanceResponse",
    "HealthcareService",
    "ImagingStudy",
    "Immunization",
    "ImmunizationEvaluation",
    "ImmunizationRecommendation",
    "ImplementationGuide",
    "InsurancePlan",
    "Invoice",
    "Library",
    "Linkage",
    "List",
    "Location",
    "Measure",
    "MeasureReport",
    "Media",
    "Medication",
    "MedicationAdministration",
    "MedicationDispense",
    "MedicationKnowledge",
    "MedicationRequest",
    "MedicationStatement",
    "MedicinalProduct",
    "MedicinalProductAuthorization",
    "MedicinalProductContraindication",
    "MedicinalProductIndication",
    "MedicinalProductIngredient",
    "MedicinalProductInteraction",
    "MedicinalProductManufactured",
    "MedicinalProductPackaged",
    "MedicinalProductPharmaceutical",
    "MedicinalProductUndesirableEffect",
    "MessageDefinition",
    "MessageHeader",
    "MolecularSequence",
    "NamingSystem",
    "NutritionOrder",
    "Observation",
    "ObservationDefinition",
    "OperationDefinition",
    "OperationOutcome",
    "Organization",
    "OrganizationAffiliation",
    "Parameters",
    "Patient",
    "PaymentNotice",
    "PaymentReconciliation",
    "Person",
    "PlanDefinition",
    "Practitioner",
    "PractitionerRole",
    "Procedure",
    "Provenance",
    "Questionnaire",
    "QuestionnaireResponse",
    "RelatedPerson",
    "RequestGroup",
    "ResearchDefinition",
    "ResearchElementDefinition",
    "ResearchStudy",
    "ResearchSubject",
    "RiskAssessment",
    "RiskEvidenceSynthesis",
    "Schedule",
    "SearchParameter",
    "ServiceRequest",
    "Slot",
    "Specimen",
    "SpecimenDefinition",
    "StructureDefinition",
    "StructureMap",
    "Subscription",
    "Substance",
    "SubstanceNucleicAcid",
    "SubstancePolymer",
    "SubstanceProtein",
    "SubstanceReferenceInformation",
    "SubstanceSourceMaterial",
    "SubstanceSpecification",
    "SupplyDelivery",
    "SupplyRequest",
    "Task",
    "TerminologyCapabilities",
    "TestReport",
    "TestScript",
    "ValueSet",
    "VerificationResult",
    "VisionPrescription",
];

const PHR_PROFILE: &str = "http://phr.kanta.fi/StructureDefinition/";
const HETU_SYSTEM: &str = "urn:oid:1.2.246.21";

fn property<'a, 't>(value: Value<'a, 't>, name: &str) -> Option<Value<'a, 't>> {
    value.get(name)
}

fn string<'a>(value: Value<'a, '_>) -> Option<&'a str> {
    value.as_str()
}

/// A resource found in a document: itself and its JSON pointer (`""` or `/entry/3/resource`).
fn resources<'a, 't>(root: Value<'a, 't>) -> Vec<(String, Value<'a, 't>)> {
    let mut found = vec![(String::new(), root)];
    if property(root, "resourceType").and_then(string) == Some("Bundle")
        && let Some(entries) = property(root, "entry")
    {
        for (index, entry) in entries.elements().enumerate() {
            if let Some(resource) = property(entry, "resource") {
                found.push((format!("/entry/{index}/resource"), resource));
            }
        }
    }
    found
}

fn span(value: Value<'_, '_>) -> Range<usize> {
    value.span()
}

/// Whether `text` is a FHIR dateTime with a time but no offset (`2026-11-12T09:14:00`).
fn lacks_offset(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 16 || bytes[10] != b'T' || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return false;
    }
    let digits = |range: Range<usize>| bytes.get(range).is_some_and(|part| part.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && digits(5..7) && digits(8..10) && digits(11..13) && digits(14..16)) {
        return false;
    }
    let rest = &text[16..];
    !(rest.ends_with('Z') || rest.contains('+') || rest.contains('-'))
}

/// One step from a value to a value inside it.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

/// Where a walked value is: the walk's starting pointer and the steps from there. It is made a
/// JSON pointer only when a finding names it: a Kanta PHR bundle has some 100,000 values, and
/// writing each one's pointer was a tenth of the FHIR checks' time.
struct At<'p, 'a> {
    start: &'p str,
    steps: &'p [Step<'a>],
}

impl At<'_, '_> {
    /// The JSON pointer (RFC 6901: `~` and `/` in a name escaped as `~0` and `~1`).
    fn pointer(&self) -> String {
        use std::fmt::Write as _;
        let mut pointer = self.start.to_owned();
        for step in self.steps {
            match step {
                Step::Name(name) => {
                    pointer.push('/');
                    for c in name.chars() {
                        match c {
                            '~' => pointer.push_str("~0"),
                            '/' => pointer.push_str("~1"),
                            c => pointer.push(c),
                        }
                    }
                }
                Step::Index(index) => {
                    let _ = write!(pointer, "/{index}");
                }
            }
        }
        pointer
    }
}

/// Visits every value below `value` with where it is (`start` is `value`'s own pointer).
fn walk<'a, 't>(value: Value<'a, 't>, start: &str, visit: &mut dyn FnMut(&At<'_, 'a>, Value<'a, 't>)) {
    let mut steps = Vec::with_capacity(16);
    walk_in(value, start, &mut steps, visit);
}

fn walk_in<'a, 't>(
    value: Value<'a, 't>,
    start: &str,
    steps: &mut Vec<Step<'a>>,
    visit: &mut dyn FnMut(&At<'_, 'a>, Value<'a, 't>),
) {
    visit(&At { start, steps }, value);
    for (name, member) in value.members() {
        steps.push(Step::Name(name));
        walk_in(member, start, steps, visit);
        steps.pop();
    }
    for (index, element) in value.elements().enumerate() {
        steps.push(Step::Index(index));
        walk_in(element, start, steps, visit);
        steps.pop();
    }
}

/// FHIR-RESOURCE: a known resourceType; for Kanta PHR the fiphr profile, a urn:uuid identifier
/// and dateTimes with offsets.
pub(crate) fn check_resource(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Value<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let lang = context.lang.as_str();
    let phr = context.declared_services().contains(&"omatietovaranto");
    for (pointer, resource) in resources(root) {
        let shown = if pointer.is_empty() { "/".to_owned() } else { pointer.clone() };
        let resource_type = property(resource, "resourceType").and_then(string);
        match resource_type {
            None => {
                findings.push(
                    Finding::said(severity, said!(lang, "fhir-no-resource-type", pointer = shown.as_str()))
                        .at(source.locate(span(resource).start..span(resource).start + 1))
                        .with_help(t!(lang, "fhir-no-resource-type-help")),
                );
                continue;
            }
            Some(name) if !RESOURCE_TYPES.contains(&name) => {
                let at = property(resource, "resourceType").map_or(0..0, span);
                findings.push(
                    Finding::said(severity, said!(lang, "fhir-unknown-type", pointer = pointer.as_str(), name = name))
                        .at(source.locate(at)),
                );
                continue;
            }
            Some("Bundle" | "Patient") => continue,
            Some(_) => {}
        }
        if !phr {
            continue;
        }
        let profiles = property(resource, "meta").and_then(|meta| property(meta, "profile"));
        let has_phr_profile =
            profiles.is_some_and(|profiles| profiles.elements().filter_map(string).any(|p| p.starts_with(PHR_PROFILE)));
        if !has_phr_profile {
            let at = profiles.map_or_else(|| span(resource).start..span(resource).start + 1, span);
            findings.push(
                Finding::said(
                    severity,
                    said!(lang, "fhir-no-profile", pointer = pointer.as_str(), profile = PHR_PROFILE),
                )
                .at(source.locate(at))
                .with_help(t!(lang, "fhir-no-profile-help")),
            );
        }
        let identifiers = property(resource, "identifier");
        let has_uuid = identifiers.is_some_and(|identifiers| {
            identifiers.elements().any(|identifier| {
                property(identifier, "system").and_then(string) == Some("urn:ietf:rfc:3986")
                    && property(identifier, "value").and_then(string).is_some_and(|v| v.starts_with("urn:uuid:"))
            })
        });
        if !has_uuid {
            let at = identifiers.map_or_else(|| span(resource).start..span(resource).start + 1, span);
            findings.push(
                Finding::said(severity, said!(lang, "fhir-no-uuid", pointer = pointer.as_str()))
                    .at(source.locate(at))
                    .with_help(t!(lang, "fhir-no-uuid-help")),
            );
        }
        walk(resource, &pointer, &mut |at, value| {
            if let Some(text) = string(value)
                && lacks_offset(text)
            {
                findings.push(
                    Finding::said(severity, said!(lang, "fhir-no-offset", pointer = at.pointer(), value = text))
                        .at(source.locate(span(value)))
                        .with_help(t!(lang, "fhir-no-offset-help")),
                );
            }
        });
    }
}

/// FHIR-PATIENT: identifiers with system urn:oid:1.2.246.21 are valid test identity codes.
pub(crate) fn check_patient(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Value<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let lang = context.lang.as_str();
    let persons = context.test_persons();
    walk(root, "", &mut |at, value| {
        if property(value, "system").and_then(string) != Some(HETU_SYSTEM) {
            return;
        }
        let Some(code) = property(value, "value") else { return };
        let text = string(code).unwrap_or_default();
        let (message, snippet) = match Hetu::parse(text) {
            Ok(hetu) if hetu.is_test_identity() => {
                if let Some(persons) = &persons
                    && !persons.iter().any(|person| person == &hetu.as_str().to_uppercase())
                {
                    findings.push(
                        Finding::said(
                            Severity::Warning,
                            said!(lang, "fhir-not-test-person", pointer = at.pointer(), code = hetu.as_str()),
                        )
                        .at(source.locate(span(code)))
                        .with_help(t!(lang, "patient-not-test-person-help")),
                    );
                }
                return;
            }
            Ok(hetu) => (said!(lang, "fhir-real", pointer = at.pointer(), code = hetu.masked()), true),
            Err(error) => (said!(lang, "fhir-invalid", pointer = at.pointer(), error = error.message()), false),
        };
        let mut finding =
            Finding::said(severity, message).at(source.locate(span(code))).with_help(t!(lang, "fhir-identity-help"));
        if !snippet && let Some(location) = &mut finding.location {
            // A mistyped code may still be a real person's: keep the line out of reports.
            location.snippet = None;
        }
        findings.push(finding);
    });
}

#[cfg(test)]
mod tests {
    use super::{lacks_offset, walk};

    #[test]
    fn every_pointer_walked_is_one_serde_json_resolves_to_the_same_value() {
        // serde_json's `Value::pointer` (RFC 6901) is the oracle: names with `/` and `~`,
        // arrays, nesting, a non-ASCII name and an empty one.
        let text = r#"{"entry":[{"resource":{"a/b":1,"c~d":[true,null],"ä":"ö","":{"x~/y":[[2]]}}}],"n":3}"#;
        let parsed = crate::inputs::json::parse(text).ok().expect("valid");
        let oracle: serde_json::Value = serde_json::from_str(text).expect("valid");
        let mut seen = Vec::new();
        walk(parsed.root(), "", &mut |at, value| {
            let pointer = at.pointer();
            let pointer = pointer.as_str();
            let own: serde_json::Value = serde_json::from_str(&text[value.span()]).expect("a value");
            assert_eq!(oracle.pointer(pointer), Some(&own), "{pointer}");
            seen.push(pointer.to_owned());
        });
        assert_eq!(seen.len(), 14, "{seen:?}");
        assert!(seen.contains(&"/entry/0/resource/a~1b".to_owned()), "{seen:?}");
        assert!(seen.contains(&"/entry/0/resource//x~0~1y/0/0".to_owned()), "{seen:?}");
        // A walk from inside the document (FHIR-RESOURCE walks each resource) starts from that
        // value's own pointer.
        let entries = super::property(parsed.root(), "entry").expect("an entry array");
        let first = entries.elements().next().expect("an entry");
        let resource = super::property(first, "resource").expect("a resource");
        let mut inside = Vec::new();
        walk(resource, "/entry/0/resource", &mut |at, value| {
            let own: serde_json::Value = serde_json::from_str(&text[value.span()]).expect("a value");
            assert_eq!(oracle.pointer(&at.pointer()), Some(&own), "{}", at.pointer());
            inside.push(at.pointer());
        });
        assert_eq!(inside.first().map(String::as_str), Some("/entry/0/resource"));
        assert_eq!(inside.len(), 10, "{inside:?}");
    }

    #[test]
    fn date_times_without_offsets() {
        assert!(lacks_offset("2026-11-12T09:14:00"));
        assert!(lacks_offset("2026-11-12T09:14"));
        assert!(lacks_offset("2026-11-12T09:14:00.123"));
        assert!(!lacks_offset("2026-11-12T09:14:00+02:00"));
        assert!(!lacks_offset("2026-11-12T09:14:00Z"));
        assert!(!lacks_offset("2026-11-12"));
        assert!(!lacks_offset("urn:uuid:2026-11-12T09:14"));
    }
}
