//! Sample clinical documents under `documents/`: DOC-WELLFORMED for XML and JSON, and the CDA R2
//! header rules (DOC-CDA-HEADER, DOC-OID in `oid.rs`, DOC-TIMESTAMPS, DOC-PATIENT,
//! DOC-VERSIONING) on the XML ones, each finding with the element's XPath-like path and line:col.
//!
//! XML is parsed with roxmltree, which never fetches anything; a DOCTYPE (and so any ENTITY
//! declaration) is refused before parsing, so external entities (XXE) and entity expansion
//! (billion laughs) cannot happen. JSON is parsed strictly with jsonc-parser.

mod oid;
mod schema;

pub(crate) use schema::SchemaState;

use roxmltree::{Document, Node, ParsingOptions};
use valmis_ids::{Hetu, Oid};
use valmis_model::{Finding, Location, Severity};

use super::pass::DocOut;
use crate::source::SourceFile;
use crate::{Context, Verdict};

/// Largest document read, in bytes.
pub(crate) const MAX_DOCUMENT: u64 = 64 * 1024 * 1024;
/// Most XML nodes in one document (the parse budget refuses a costlier one before parsing).
const MAX_NODES: u32 = 10_000_000;
pub(crate) const HL7: &str = "urn:hl7-org:v3";
/// The root of Finnish personal identity codes as HL7 ids.
const HETU_ROOT: &str = "1.2.246.21";

/// Why a document cannot be read as text: too large, unreadable, not UTF-8.
pub(crate) fn read_text(context: &Context<'_>, path: &str) -> Result<String, String> {
    let size = context.bundle.entry(path).map_or(0, |entry| entry.size);
    if size > MAX_DOCUMENT {
        return Err(too_large(path, size));
    }
    let bytes = context.bundle.read(path).map_err(|error| error.to_string())?;
    text_of(path, &bytes).map(str::to_owned)
}

pub(crate) fn too_large(path: &str, size: u64) -> String {
    format!("`{path}` is {size} bytes; documents larger than {MAX_DOCUMENT} bytes are not read")
}

/// A document's bytes as text without a byte order mark, or why they are not UTF-8.
pub(crate) fn text_of<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        format!("`{path}` is not UTF-8 (first bad byte at offset {}); save it as UTF-8", error.valid_up_to())
    })
}

/// The offset of a DOCTYPE declaration, which valmis refuses.
fn doctype(text: &str) -> Option<usize> {
    let text = text.as_bytes();
    memchr::memmem::find(text, b"<!DOCTYPE").or_else(|| memchr::memmem::find(text, b"<!ENTITY"))
}

/// A parsed document with its room in the parse budget, given back when it is dropped.
#[derive(Debug)]
pub(crate) struct Parsed<'input> {
    pub(crate) document: Document<'input>,
    _permit: crate::budget::Permit,
}

impl<'input> std::ops::Deref for Parsed<'input> {
    type Target = Document<'input>;

    fn deref(&self) -> &Document<'input> {
        &self.document
    }
}

/// Why a document was not parsed.
#[derive(Debug)]
pub(crate) enum ParseError {
    /// Not well-formed.
    Xml(roxmltree::Error),
    /// More nodes than one document may have.
    OverBudget(crate::budget::OverBudget),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Xml(error) => write!(formatter, "not well-formed XML: {error}"),
            Self::OverBudget(error) => error.fmt(formatter),
        }
    }
}

/// Parses `text` within the parse budget (`crate::budget`): waits while other threads' trees
/// fill it, refuses a document over the per-document limit without parsing it.
pub(crate) fn parse(text: &str) -> Result<Parsed<'_>, ParseError> {
    let permit = crate::budget::acquire(crate::budget::xml_cost(text)).map_err(ParseError::OverBudget)?;
    let document = Document::parse_with_options(
        text,
        ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..ParsingOptions::default() },
    )
    .map_err(ParseError::Xml)?;
    Ok(Parsed { document, _permit: permit })
}

/// Byte offset of a 1-based row and column (in characters).
fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let line_start: usize =
        text.split_inclusive('\n').take(row.saturating_sub(1) as usize).map(str::len).sum::<usize>().min(text.len());
    let line = &text[line_start..];
    let in_line: usize = line.chars().take(col.saturating_sub(1) as usize).map(char::len_utf8).sum();
    (line_start + in_line).min(text.len())
}

/// An XPath-like path of an element: `/ClinicalDocument/recordTarget/patientRole/id[2]`.
pub(crate) fn xpath(node: Node<'_, '_>) -> String {
    let mut parts = Vec::new();
    let mut current = Some(node);
    while let Some(element) = current.filter(Node::is_element) {
        let name = element.tag_name().name();
        let same: Vec<Node<'_, '_>> = element
            .parent()
            .map(|parent| {
                parent.children().filter(|sibling| sibling.is_element() && sibling.tag_name().name() == name).collect()
            })
            .unwrap_or_default();
        if same.len() > 1 {
            let position = same.iter().position(|sibling| *sibling == element).unwrap_or(0) + 1;
            parts.push(format!("{name}[{position}]"));
        } else {
            parts.push(name.to_owned());
        }
        current = element.parent();
    }
    parts.reverse();
    format!("/{}", parts.join("/"))
}

/// The HL7 child element `name` of `node`.
fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| {
        child.is_element() && child.tag_name().name() == name && child.tag_name().namespace() == Some(HL7)
    })
}

/// A finding about `node` (its start tag) or one of its attributes.
fn at_node(source: &SourceFile<'_>, node: Node<'_, '_>, attribute: Option<&str>) -> Location {
    let range = attribute.and_then(|name| node.attribute_node(name)).map_or_else(
        || node.range().start..node.range().start + 1 + node.tag_name().name().len(),
        |attribute| attribute.range_value(),
    );
    source.locate(range)
}

fn is_cda(root: Node<'_, '_>) -> bool {
    root.tag_name().name() == "ClinicalDocument" && root.tag_name().namespace() == Some(HL7)
}

/// What the document checks need from the rest of the bundle, found once per run.
#[derive(Debug)]
pub(crate) struct DocFacts {
    /// The arcs the bundle declares: the organisation's own and its test organisations
    /// (DOC-OID).
    pub(crate) declared: Vec<(Oid, &'static str)>,
    /// The catalog's published sample OIDs, with where each is published (DOC-OID).
    pub(crate) samples: Vec<(Oid, String)>,
    /// The pre-test report's test persons (DOC-PATIENT, FHIR-PATIENT).
    pub(crate) persons: Option<Vec<String>>,
    /// Whether Kanta PHR is declared (FHIR-RESOURCE).
    pub(crate) phr: bool,
    /// The CDA schema set, compiled once per run when DOC-SCHEMA runs (DOC-SCHEMA).
    pub(crate) schema: SchemaState,
}

impl DocFacts {
    /// What the document checks need; `schema` is compiled when DOC-SCHEMA runs.
    pub(crate) fn new(context: &Context<'_>, schema: Option<&valmis_model::SchemaFiles>) -> Self {
        Self {
            schema: SchemaState::compile(schema),
            declared: super::declared_arcs(context),
            samples: context
                .catalog
                .sample_oids
                .iter()
                .filter_map(|sample| Oid::parse(&sample.oid).ok().map(|oid| (oid, sample.source.clone())))
                .collect(),
            persons: super::report_test_persons(context),
            phr: context.declared_services().contains(&"omatietovaranto"),
        }
    }
}

type XmlCheck = fn(&DocFacts, Severity, &SourceFile<'_>, Node<'_, '_>, &mut Vec<Finding>);

/// The XML checks after DOC-WELLFORMED: requirement id, whether only CDA documents are checked,
/// and the check.
pub(crate) const XML_CHECKS: [(&str, bool, XmlCheck); 5] = [
    ("DOC-CDA-HEADER", false, cda_header),
    ("DOC-OID", true, oid::check),
    ("DOC-TIMESTAMPS", true, timestamps),
    ("DOC-PATIENT", true, patient),
    ("DOC-VERSIONING", true, versioning),
];

/// What one XML document tells PRETEST-EVIDENCE about document ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CdaId {
    /// The document could not be read or parsed, so its id cannot be known.
    Unknown,
    /// Its `id/@root`, if it has one.
    Known(Option<String>),
}

/// DOC-WELLFORMED and every wanted XML check of one document, which is parsed once. `text` is
/// the document's text or why it cannot be read.
pub(crate) fn check_xml(text: Result<&str, &str>, facts: &DocFacts, out: &mut DocOut<'_, '_>) -> CdaId {
    let path = out.path;
    let checks = XML_CHECKS.map(|(id, _, _)| id).into_iter().chain(["DOC-SCHEMA"]);
    let text = match text {
        Ok(text) => text,
        Err(message) => {
            out.wellformed(Some(Finding::new(Severity::Error, message).at(Location::file(path))));
            out.skip(checks, "not readable (see DOC-WELLFORMED)");
            return CdaId::Unknown;
        }
    };
    let source = SourceFile::new(path, text.as_bytes());
    let mut over_budget = false;
    let parsed = match doctype(text) {
        Some(offset) => Err(Finding::new(
            Severity::Error,
            "the document has a DOCTYPE or ENTITY declaration, which is refused",
        )
        .at(source.locate(offset..offset + 9))
        .with_help(
            "remove the DOCTYPE: Kanta's validation rejects it, and entities open the door to XXE and billion-laughs attacks",
        )),
        None => parse(text).map_err(|error| match error {
            ParseError::Xml(ref xml) => {
                let position = xml.pos();
                let offset = offset_of(text, position.row, position.col);
                Finding::new(Severity::Error, error.to_string()).at(source.locate(offset..offset))
            }
            ParseError::OverBudget(_) => {
                over_budget = true;
                Finding::new(Severity::Error, error.to_string())
                .at(Location::file(path))
                    .with_help("send a smaller sample document: co-testing needs representative documents, not bulk data")
            }
        }),
    };
    out.wellformed(parsed.as_ref().err().cloned());
    let document = match parsed {
        Ok(document) => document,
        Err(_) => {
            let why = if over_budget {
                "not parsed: too many nodes (see DOC-WELLFORMED)"
            } else {
                "not well-formed (see DOC-WELLFORMED)"
            };
            out.skip(checks, why);
            return CdaId::Unknown;
        }
    };
    let root = document.root_element();
    let line = source.line_of(root.range().start);
    for (id, cda_only, check) in XML_CHECKS {
        let Some(requirement) = out.get(id) else { continue };
        if cda_only && !is_cda(root) {
            out.push(id, None, Verdict::Skipped("not a CDA R2 ClinicalDocument (see DOC-CDA-HEADER)".to_owned()));
        } else {
            let mut findings = Vec::new();
            check(facts, requirement.severity, &source, root, &mut findings);
            out.push(id, Some(line), Verdict::Checked(findings));
        }
    }
    if let Some(requirement) = out.get("DOC-SCHEMA") {
        if is_cda(root) {
            let verdict = schema::verdict(&facts.schema, requirement.severity, &source, root);
            out.push("DOC-SCHEMA", Some(line), verdict);
        } else {
            out.push(
                "DOC-SCHEMA",
                None,
                Verdict::Skipped("not a CDA R2 ClinicalDocument (see DOC-CDA-HEADER)".to_owned()),
            );
        }
    }
    CdaId::Known(child(root, "id").and_then(|id| id.attribute("root")).map(str::to_owned))
}

/// DOC-CDA-HEADER: the header elements Kanta's CDA R2 documents carry, with the right values.
fn cda_header(
    _facts: &DocFacts,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let name = root.tag_name();
    if !is_cda(root) {
        findings.push(
            Finding::new(
                severity,
                format!(
                    "the root element is `{}` in namespace `{}`, not ClinicalDocument in `{HL7}`",
                    name.name(),
                    name.namespace().unwrap_or("(none)")
                ),
            )
            .at(at_node(source, root, None))
            .with_help("sample documents under documents/ must be HL7 CDA R2 documents (or FHIR JSON)"),
        );
        return;
    }
    header_findings(source, root, severity, findings);
}

fn header_findings(source: &SourceFile<'_>, root: Node<'_, '_>, severity: Severity, findings: &mut Vec<Finding>) {
    // (element, attribute that must be present, required value, what it is)
    let rules: [(&str, Option<&str>, Option<&str>, &str); 10] = [
        ("realmCode", Some("code"), Some("FI"), "realm FI"),
        ("typeId", Some("root"), Some("2.16.840.1.113883.1.3"), "CDA R2 type id"),
        ("id", None, None, "the document's unique id (its @root is DOC-OID's)"),
        ("code", Some("code"), None, "the document type"),
        ("effectiveTime", Some("value"), None, "when the document was created"),
        ("confidentialityCode", Some("code"), None, "confidentiality"),
        ("languageCode", Some("code"), None, "language"),
        ("recordTarget", None, None, "the patient"),
        ("author", None, None, "the author"),
        ("custodian", None, None, "the custodian organisation"),
    ];
    let mut problems = Vec::new();
    for (element, attribute, value, what) in rules {
        let Some(node) = child(root, element) else {
            problems.push((element, what));
            continue;
        };
        let Some(attribute) = attribute else { continue };
        match (node.attribute(attribute), value) {
            (None, _) => findings.push(
                Finding::new(severity, format!("{}/@{attribute} is missing ({what})", xpath(node)))
                    .at(at_node(source, node, None)),
            ),
            (Some(found), Some(expected)) if found != expected => findings.push(
                Finding::new(severity, format!("{}/@{attribute} is `{found}`, not `{expected}`", xpath(node)))
                    .at(at_node(source, node, Some(attribute))),
            ),
            _ => {}
        }
    }
    if let Some(type_id) = child(root, "typeId")
        && type_id.attribute("extension") != Some("POCD_HD000040")
    {
        findings.push(
            Finding::new(
                severity,
                format!(
                    "{}/@extension is `{}`, not `POCD_HD000040`",
                    xpath(type_id),
                    type_id.attribute("extension").unwrap_or("(missing)")
                ),
            )
            .at(at_node(source, type_id, Some("extension"))),
        );
    }
    for (element, what) in problems {
        findings.push(
            Finding::new(severity, format!("/ClinicalDocument/{element} is missing ({what})"))
                .at(at_node(source, root, None))
                .with_help(format!("add <{element}> to the header as Kanta's CDA R2 specification requires")),
        );
    }
}

/// Whether `value` is an HL7 TS: `YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+|-ZZZZ]` with real calendar values.
pub(crate) fn is_hl7_timestamp(value: &str) -> bool {
    let (main, zone) = match value.find(['+', '-']) {
        Some(at) => (&value[..at], Some(&value[at + 1..])),
        None => (value, None),
    };
    if zone.is_some_and(|zone| {
        zone.len() != 4 || !zone.bytes().all(|b| b.is_ascii_digit()) || zone[..2] > *"14" || zone[2..] > *"59"
    }) {
        return false;
    }
    let (digits, fraction) = match main.split_once('.') {
        Some((digits, fraction)) => (digits, Some(fraction)),
        None => (main, None),
    };
    if fraction.is_some_and(|fraction| {
        fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) || digits.len() != 14
    }) {
        return false;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || ![4, 6, 8, 10, 12, 14].contains(&digits.len()) {
        return false;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range).and_then(|part| part.parse::<u32>().ok());
    let month = number(4..6);
    let day = number(6..8);
    if let (Some(month), Some(day)) = (month, day) {
        let year = number(0..4).unwrap_or(0);
        if jiff::civil::Date::new(year as i16, month as i8, day as i8).is_err() {
            return false;
        }
    } else if month.is_some_and(|month| !(1..=12).contains(&month)) {
        return false;
    }
    number(8..10).is_none_or(|hour| hour < 24)
        && number(10..12).is_none_or(|minute| minute < 60)
        && number(12..14).is_none_or(|second| second < 60)
}

/// DOC-TIMESTAMPS: `effectiveTime`, `birthTime` and `time` values (and their `low`, `high`,
/// `center`) are HL7 TS values.
fn timestamps(
    _facts: &DocFacts,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    for node in root.descendants().filter(Node::is_element) {
        let name = node.tag_name().name();
        let is_time = matches!(name, "effectiveTime" | "birthTime" | "time")
            || (matches!(name, "low" | "high" | "center")
                && node.parent().is_some_and(|parent| matches!(parent.tag_name().name(), "effectiveTime" | "time")));
        let Some(value) = node.attribute("value").filter(|_| is_time) else { continue };
        if !is_hl7_timestamp(value) {
            findings.push(
                Finding::new(severity, format!("{}/@value `{value}` is not an HL7 timestamp", xpath(node)))
                    .at(at_node(source, node, Some("value")))
                    .with_help("write YYYYMMDDhhmmss with the offset, like 20261112091200+0200"),
            );
        }
    }
}

/// DOC-PATIENT: the patient id under 1.2.246.21 is a valid test identity code and agrees with
/// birthTime.
fn patient(
    facts: &DocFacts,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let persons = &facts.persons;
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

/// DOC-VERSIONING: a first version (`versionNumber` 1) has `setId` equal to `id`.
fn versioning(
    _facts: &DocFacts,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let (Some(version), Some(id), Some(set_id)) =
        (child(root, "versionNumber"), child(root, "id"), child(root, "setId"))
    else {
        return;
    };
    if version.attribute("value") != Some("1") {
        return;
    }
    let same =
        set_id.attribute("root") == id.attribute("root") && set_id.attribute("extension") == id.attribute("extension");
    if !same {
        findings.push(
                Finding::new(
                    severity,
                    format!(
                        "versionNumber is 1 but setId/@root `{}` differs from id/@root `{}`",
                        set_id.attribute("root").unwrap_or("(missing)"),
                        id.attribute("root").unwrap_or("(missing)")
                    ),
                )
                .at(at_node(source, set_id, Some("root")))
                .with_help("the first version of a document has setId equal to its id; later versions keep the setId and increase versionNumber"),
            );
    }
}

#[cfg(test)]
mod tests {
    use super::is_hl7_timestamp;

    #[test]
    fn hl7_timestamps() {
        for good in [
            "2026",
            "202611",
            "20261112",
            "20261112091200+0200",
            "20261112091200.123+0200",
            "19810101",
            "2026111209",
            "20240229",
        ] {
            assert!(is_hl7_timestamp(good), "{good}");
        }
        for bad in [
            "2026-11-12",
            "20261312",
            "20230229",
            "202611120960",
            "20261112091200+2",
            "",
            "20261112T0912",
            "20261112091200.+0200",
        ] {
            assert!(!is_hl7_timestamp(bad), "{bad}");
        }
    }
}
