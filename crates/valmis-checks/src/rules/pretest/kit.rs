//! What the PRETEST rules share: one outcome per case id from a check of each row.

use valmis_model::Finding;
use valmis_pretest::Row;

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::pretest::{CaseRows, View, group};

/// Runs `check_row` over every row of every case and reports one outcome per case id.
pub(crate) fn per_case(
    context: &Context<'_>,
    check_row: impl Fn(&View<'_>, &CaseRows<'_>, &Row, &mut Vec<Finding>) -> RowCheck,
) -> Vec<SubjectResult> {
    let view = match context.pretest_view() {
        Ok(view) => view,
        Err(reason) => return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))],
    };
    let groups = group(view.report, context.catalog);
    if groups.is_empty() {
        return vec![SubjectResult::bundle_wide(
            Some(view.path),
            Verdict::Skipped(valmis_i18n::t!(view.lang, "pretest-no-rows-skip")),
        )];
    }
    groups
        .iter()
        .map(|case| {
            let mut findings = Vec::new();
            let mut nothing: Option<String> = None;
            let mut checked = false;
            for row in &case.rows {
                match check_row(&view, case, row, &mut findings) {
                    RowCheck::Checked => checked = true,
                    RowCheck::Nothing(reason) => {
                        nothing.get_or_insert(reason);
                    }
                }
            }
            // A case whose rows gave nothing to check is skipped with the reason, never passed.
            let verdict = match nothing {
                Some(reason) if !checked && findings.is_empty() => Verdict::Skipped(reason),
                _ => Verdict::Checked(findings),
            };
            SubjectResult::about(&case.subject, Some(view.path), case.rows.first().map(|row| row.line), verdict)
        })
        .collect()
}

/// What a per-case check found in one row: it looked at a value (findings or none), or the row
/// had nothing for it to look at, and why.
#[derive(Debug)]
pub(crate) enum RowCheck {
    Checked,
    Nothing(String),
}
