//! DOC-VERSIONING: a first version (`versionNumber` 1) has `setId` equal to `id`.

use roxmltree::Node;
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{at_node, child};

/// DOC-VERSIONING: a first version (`versionNumber` 1) has `setId` equal to `id`.
pub(crate) fn check(
    _context: &Context<'_>,
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
