//! DOC-OID: the OIDs of a CDA document, judged the way Kanta uses them.
//!
//! A system vendor writes documents for care providers (in the customer test environment, for the
//! test organisations Kela assigns), so the vendor's own business-id arc need not appear in any
//! document. Kela's ePrescription samples (KantaCDA-API, format 3.3) show the shape: the author's
//! `representedOrganization` is the prescriber's service unit, the custodian is Kela
//! (`1.2.246.10.2462460.19.1`), and document ids sit under the producing organisation's arc or
//! under a practitioner's arc (`1.2.246.537.25.1.<SV number>`, KantaCDA-API's
//! `author.assignedAuthor.id.root`).
//!
//! Errors: an `@root` or `@codeSystem` that is not an OID; an identifier without its `@root` (and
//! no `@nullFlavor`: HL7's II rule); a `@root` at or under an OID the catalog lists as a
//! published sample value (`[[sample_oid]]`).
//! Warnings, never more, because Kela's own samples carry both: a document id under no arc the
//! document names or the bundle declares, and an organisation arc whose business id has an
//! invalid check digit (`1.2.246.10.1234567`).

use roxmltree::Node;
use valmis_i18n::{said, t};
use valmis_ids::{BusinessId, Oid};
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{HL7, at_node, child, xpath};

/// The SV number (Valvira's register of professionals) root of an author's id.
const SV_NUMBER: &str = "1.2.246.537.25";
/// The arc of document ids a practitioner produces: `1.2.246.537.25.1.<SV number>`.
const PRACTITIONER_ARCS: &str = "1.2.246.537.25.1";

/// An arc a document named, and whose it is (a `$whose` of the `arc-whose` message, worded only
/// when a finding lists the arcs).
#[derive(Debug)]
struct NamedArc {
    oid: Oid,
    whose: &'static str,
}

pub(crate) fn check(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    root: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let lang = context.lang.as_str();
    let mut invalid_arcs: Vec<Oid> = Vec::new();
    for node in root.descendants().filter(Node::is_element) {
        for attribute in ["root", "codeSystem"] {
            let Some(value) = node.attribute(attribute) else { continue };
            let oid = match Oid::parse(value) {
                Ok(oid) => oid,
                Err(error) => {
                    findings.push(
                        Finding::said(
                            severity,
                            said!(
                                lang,
                                "oid-invalid",
                                path = xpath(node),
                                attribute = attribute,
                                value = value,
                                error = error.message()
                            ),
                        )
                        .at(at_node(source, node, Some(attribute)))
                        .with_help(t!(lang, "oid-invalid-help")),
                    );
                    continue;
                }
            };
            if attribute == "root" {
                sample_value(context, severity, source, node, &oid, findings);
            }
            if let Some((arc, number)) = oid.organisation_arc()
                && let Err(error) = BusinessId::from_arc_number(number)
                && !invalid_arcs.contains(&arc)
            {
                findings.push(
                    Finding::said(
                        Severity::Warning,
                        said!(
                            lang,
                            "oid-arc-not-business-id",
                            path = xpath(node),
                            attribute = attribute,
                            value = value,
                            arc = arc.as_str(),
                            error = error.message()
                        ),
                    )
                    .at(at_node(source, node, Some(attribute)))
                    .with_help(t!(lang, "oid-arc-not-business-id-help")),
                );
                invalid_arcs.push(arc);
            }
        }
        missing_root(lang, severity, source, node, findings);
    }
    document_id_arc(context, source, root, findings);
}

/// An identifier (`id`, `setId`, `templateId`) without `@root` and without `@nullFlavor`, or with
/// both: HL7's own rule for the II data type (`rule-II` in the schema set's `datatypes-base.xsd`:
/// "A root component is required or else the II value is NULL").
fn missing_root(
    lang: &str,
    severity: Severity,
    source: &SourceFile<'_>,
    node: Node<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let name = node.tag_name();
    if name.namespace() != Some(HL7) || !matches!(name.name(), "id" | "setId" | "templateId") {
        return;
    }
    let message = match (node.attribute("root"), node.attribute("nullFlavor")) {
        (None, None) if node.attribute("extension").is_some() => {
            said!(lang, "oid-extension-no-root", path = xpath(node))
        }
        (None, None) => said!(lang, "oid-id-empty", path = xpath(node)),
        (Some(_), Some(flavor)) => said!(lang, "oid-root-and-null-flavor", path = xpath(node), flavor = flavor),
        _ => return,
    };
    findings
        .push(Finding::said(severity, message).at(at_node(source, node, None)).with_help(t!(lang, "oid-ii-rule-help")));
}

/// A `@root` at or under an OID the catalog lists as a published sample value.
fn sample_value(
    context: &Context<'_>,
    severity: Severity,
    source: &SourceFile<'_>,
    node: Node<'_, '_>,
    oid: &Oid,
    findings: &mut Vec<Finding>,
) {
    let Some((sample, origin)) = context.sample_oids().iter().find(|(sample, _)| oid.is_at_or_below(sample)) else {
        return;
    };
    let lang = context.lang.as_str();
    findings.push(
        Finding::said(
            severity,
            said!(
                lang,
                "oid-sample-value",
                path = xpath(node),
                oid = oid.as_str(),
                sample = sample.as_str(),
                origin = origin.as_str()
            ),
        )
        .at(at_node(source, node, Some("root")))
        .with_help(t!(lang, "oid-sample-value-help")),
    );
}

/// The arcs a document names: its author, custodian and service-provider organisations (and the
/// organisations they are part of), and its authors' practitioner arcs.
fn named_arcs(root: Node<'_, '_>) -> Vec<NamedArc> {
    // (element that holds organisation ids, under which header element, whose they are)
    const ORGANISATIONS: [(&str, &str, &str); 5] = [
        ("representedOrganization", "author", "author-organisation"),
        ("wholeOrganization", "author", "author-parent"),
        ("representedCustodianOrganization", "custodian", "custodian"),
        ("serviceProviderOrganization", "componentOf", "provider"),
        ("healthCareFacility", "componentOf", "provider-unit"),
    ];
    let mut arcs = Vec::new();
    for header in root.children().filter(Node::is_element) {
        for (holder, under, whose) in ORGANISATIONS {
            if header.tag_name().name() != under {
                continue;
            }
            let holders = header.descendants().filter(|node| node.is_element() && node.tag_name().name() == holder);
            for id in holders.flat_map(|node| node.children()).filter(|node| node.tag_name().name() == "id") {
                let Some(oid) = id.attribute("root").and_then(|value| Oid::parse(value).ok()) else { continue };
                // An organisation under the business-id arc owns the whole arc; another one
                // (Kela's 1.2.246.553.18.1) owns what is below its own OID.
                let oid = match oid.organisation_arc() {
                    Some((arc, _)) => arc,
                    None => oid,
                };
                arcs.push(NamedArc { oid, whose });
            }
        }
        if header.tag_name().name() != "author" {
            continue;
        }
        let ids = child(header, "assignedAuthor").into_iter().flat_map(|assigned| assigned.children());
        for id in ids.filter(|node| node.is_element() && node.tag_name().name() == "id") {
            if id.attribute("root") != Some(SV_NUMBER) {
                continue;
            }
            let Some(number) = id.attribute("extension").map(|value| value.trim_start_matches('0')) else { continue };
            if let Ok(oid) = Oid::parse(&format!("{PRACTITIONER_ARCS}.{number}")) {
                arcs.push(NamedArc { oid, whose: "practitioner" });
            }
        }
    }
    arcs
}

/// A warning when the document's id sits under no arc the document names or the bundle declares.
fn document_id_arc(context: &Context<'_>, source: &SourceFile<'_>, root: Node<'_, '_>, findings: &mut Vec<Finding>) {
    let Some(id) = child(root, "id") else { return };
    let Some(document_id) = id.attribute("root").and_then(|value| Oid::parse(value).ok()) else { return };
    let lang = context.lang.as_str();
    let named = named_arcs(root);
    let declared = context.declared_arcs();
    if named
        .iter()
        .map(|arc| &arc.oid)
        .chain(declared.iter().map(|(oid, _)| oid))
        .any(|oid| document_id.is_at_or_below(oid))
    {
        return;
    }
    let arcs = named
        .iter()
        .map(|arc| (&arc.oid, t!(lang, "arc-whose", whose = arc.whose)))
        .chain(declared.iter().map(|(oid, whose)| (oid, whose.render(lang))));
    // One entry per arc, with everyone it belongs to: `1.2.246.10.1602257 (the author's
    // organisation, the service provider's unit)`.
    let mut accepted: Vec<(&Oid, Vec<String>)> = Vec::new();
    for (arc, whose) in arcs {
        match accepted.iter_mut().find(|(oid, _)| *oid == arc) {
            Some((_, all)) if !all.contains(&whose) => all.push(whose),
            Some(_) => {}
            None => accepted.push((arc, vec![whose])),
        }
    }
    let accepted: Vec<String> = accepted.iter().map(|(oid, whose)| format!("{oid} ({})", whose.join(", "))).collect();
    let accepted = if accepted.is_empty() { t!(lang, "oid-accepted-none") } else { accepted.join(", ") };
    findings.push(
        Finding::said(
            Severity::Warning,
            said!(lang, "oid-document-id-arc", path = xpath(id), id = document_id.as_str(), accepted = accepted),
        )
        .at(at_node(source, id, Some("root")))
        .with_help(t!(lang, "oid-document-id-arc-help")),
    );
}
