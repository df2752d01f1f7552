//! DOC-CDA-HEADER: the header elements Kanta's CDA R2 documents carry, with the right values.

use roxmltree::Node;
use valmis_i18n::{said, t};
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{HL7, at_node, child, is_cda, xpath};

/// DOC-CDA-HEADER: the header elements Kanta's CDA R2 documents carry, with the right values.
pub(crate) fn check(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let lang = context.lang.as_str();
    let name = root.tag_name();
    if !is_cda(root) {
        findings.push(
            Finding::said(
                severity,
                said!(
                    lang,
                    "header-not-cda",
                    name = name.name(),
                    namespace = name.namespace().map_or_else(|| t!(lang, "header-none"), str::to_owned),
                    hl7 = HL7
                ),
            )
            .at(at_node(source, root, None))
            .with_help(t!(lang, "header-not-cda-help")),
        );
        return;
    }
    header_findings(lang, source, root, severity, findings);
}

fn header_findings(
    lang: &str,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    severity: Severity,
    findings: &mut Vec<Finding>,
) {
    // (element, attribute that must be present, required value); `header-part` says what each is.
    let rules: [(&str, Option<&str>, Option<&str>); 10] = [
        ("realmCode", Some("code"), Some("FI")),
        ("typeId", Some("root"), Some("2.16.840.1.113883.1.3")),
        ("id", None, None),
        ("code", Some("code"), None),
        ("effectiveTime", Some("value"), None),
        ("confidentialityCode", Some("code"), None),
        ("languageCode", Some("code"), None),
        ("recordTarget", None, None),
        ("author", None, None),
        ("custodian", None, None),
    ];
    let mut problems = Vec::new();
    for (element, attribute, value) in rules {
        // Worded only for a finding: formatting a message is most of this rule's cost.
        let what = || t!(lang, "header-part", element = element);
        let Some(node) = child(root, element) else {
            problems.push((element, what()));
            continue;
        };
        let Some(attribute) = attribute else { continue };
        match (node.attribute(attribute), value) {
            (None, _) => findings.push(
                Finding::said(
                    severity,
                    said!(lang, "header-attribute-missing", path = xpath(node), attribute = attribute, what = what()),
                )
                .at(at_node(source, node, None)),
            ),
            (Some(found), Some(expected)) if found != expected => findings.push(
                Finding::said(
                    severity,
                    said!(
                        lang,
                        "header-attribute-value",
                        path = xpath(node),
                        attribute = attribute,
                        found = found,
                        expected = expected
                    ),
                )
                .at(at_node(source, node, Some(attribute))),
            ),
            _ => {}
        }
    }
    if let Some(type_id) = child(root, "typeId")
        && type_id.attribute("extension") != Some("POCD_HD000040")
    {
        findings.push(
            Finding::said(
                severity,
                said!(
                    lang,
                    "header-attribute-value",
                    path = xpath(type_id),
                    attribute = "extension",
                    found =
                        type_id.attribute("extension").map_or_else(|| t!(lang, "header-missing-value"), str::to_owned),
                    expected = "POCD_HD000040"
                ),
            )
            .at(at_node(source, type_id, Some("extension"))),
        );
    }
    for (element, what) in problems {
        findings.push(
            Finding::said(severity, said!(lang, "header-element-missing", element = element, what = what))
                .at(at_node(source, root, None))
                .with_help(t!(lang, "header-element-missing-help", element = element)),
        );
    }
}
