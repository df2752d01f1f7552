//! DOC-VERSIONING: a first version (`versionNumber` 1) has `setId` equal to `id`.

use roxmltree::Node;
use valmis_i18n::{said, t};
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{at_node, child};

/// DOC-VERSIONING: a first version (`versionNumber` 1) has `setId` equal to `id`.
pub(crate) fn check(
    context: &Context<'_>,
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
        let lang = context.lang.as_str();
        let root_of =
            |node: Node<'_, '_>| node.attribute("root").map_or_else(|| t!(lang, "header-missing-value"), str::to_owned);
        findings.push(
            Finding::said(severity, said!(lang, "versioning-set-id", set_id = root_of(set_id), id = root_of(id)))
                .at(at_node(source, set_id, Some("root")))
                .with_help(t!(lang, "versioning-set-id-help")),
        );
    }
}
