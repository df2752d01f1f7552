//! DOC-CDA-HEADER: the header elements Kanta's CDA R2 documents carry, with the right values.

use roxmltree::Node;
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{HL7, at_node, child, is_cda, xpath};

/// DOC-CDA-HEADER: the header elements Kanta's CDA R2 documents carry, with the right values.
pub(crate) fn check(
    _context: &Context<'_>,
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
