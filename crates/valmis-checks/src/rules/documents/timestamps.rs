//! DOC-TIMESTAMPS: `effectiveTime`, `birthTime` and `time` values (and their `low`, `high`,
//! `center`) are HL7 TS values.

use roxmltree::Node;
use valmis_i18n::{said, t};
use valmis_model::{Finding, Severity};

use crate::context::Context;
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{at_node, xpath};

/// DOC-TIMESTAMPS: `effectiveTime`, `birthTime` and `time` values (and their `low`, `high`,
/// `center`) are HL7 TS values.
pub(crate) fn check(
    context: &Context<'_>,
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
                Finding::said(
                    severity,
                    said!(context.lang.as_str(), "timestamp-invalid", path = xpath(node), value = value),
                )
                .at(at_node(source, node, Some("value")))
                .with_help(t!(context.lang.as_str(), "timestamp-invalid-help")),
            );
        }
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
