//! Waivers (`--waivers FILE`): a known problem accepted for a while, with a reason and a ticket.
//!
//! ```toml
//! format = 1
//!
//! [[waiver]]
//! requirement = "DOC-OID"                  # requirement id, `*` globs allowed
//! subject = "documents/vanha-*.xml"         # optional: subject glob (default every subject)
//! reason = "Legacy sample from the 2026 round; replaced in ticket VAL-42"
//! ticket = "VAL-42"
//! expires = 2027-01-31                      # a date; the waiver holds through that day (UTC)
//! ```
//!
//! An active waiver turns a failed, warned or unevaluated outcome it matches into skipped with
//! the reason. An expired one waives nothing: what it covered fails again, and the waiver itself
//! fails with "waiver expired". A waiver that matches nothing to waive is a warning. Every waiver
//! is an outcome of `WAIVERS` (area bundle), so every report lists them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use valmis_i18n::{msg, said};

use crate::catalog::{Area, CatalogError, Severity};
use crate::finding::{Finding, Location};
use crate::outcome::{Outcome, Report, Status};
use crate::text::LineIndex;

/// The waiver file format this valmis reads.
pub const WAIVERS_FORMAT: i64 = 1;

/// One waiver as written.
#[derive(Debug, Clone)]
pub struct Waiver {
    /// Requirement id glob.
    pub requirement: String,
    /// Subject glob (`*`: every subject, bundle-wide outcomes included).
    pub subject: String,
    pub reason: String,
    pub ticket: String,
    /// The last day the waiver holds.
    pub expires: jiff::civil::Date,
    /// Line of `[[waiver]]` in the file.
    pub line: u32,
    requirement_glob: globset::GlobMatcher,
    subject_glob: globset::GlobMatcher,
}

/// What became of a waiver in a run, for the reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaiverNote {
    pub requirement: String,
    pub subject: String,
    pub reason: String,
    pub ticket: String,
    pub expires: String,
    /// `active`, `expired` or `unused`.
    pub state: String,
    /// Outcomes it turned into skipped (active) or would have (expired).
    pub matched: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: toml::Spanned<i64>,
    #[serde(default)]
    waiver: Vec<toml::Spanned<RawWaiver>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    requirement: toml::Spanned<String>,
    #[serde(default)]
    subject: Option<toml::Spanned<String>>,
    reason: toml::Spanned<String>,
    ticket: toml::Spanned<String>,
    expires: toml::Spanned<toml::value::Datetime>,
}

/// Reads a waiver file; errors point at file, line and column.
pub fn parse_waivers(path: &str, text: &str) -> Result<Vec<Waiver>, CatalogError> {
    let at = |offset: Option<usize>, message: valmis_i18n::Msg| CatalogError::at(path, text, offset, message);
    let raw: RawFile = toml::from_str(text).map_err(|error| {
        let offset = error.span().map(|span| span.start);
        at(offset, crate::parser_said(error.message()))
    })?;
    if *raw.format.get_ref() != WAIVERS_FORMAT {
        return Err(at(
            Some(raw.format.span().start),
            msg!("waivers-format", format = raw.format.get_ref().to_string(), supported = WAIVERS_FORMAT.to_string()),
        ));
    }
    let index = LineIndex::new(text.as_bytes());
    let mut waivers = Vec::new();
    for spanned in raw.waiver {
        let start = spanned.span().start;
        let raw = spanned.into_inner();
        let glob = |value: &toml::Spanned<String>, what: &str| {
            globset::GlobBuilder::new(value.get_ref())
                .case_insensitive(true)
                .literal_separator(false)
                .build()
                .map(|glob| glob.compile_matcher())
                .map_err(|error| {
                    let said =
                        msg!("waivers-bad-pattern", what = what, pattern = value.get_ref(), error = error.to_string());
                    at(Some(value.span().start), said)
                })
        };
        for (value, what) in [(&raw.reason, "reason"), (&raw.ticket, "ticket"), (&raw.requirement, "requirement")] {
            if value.get_ref().trim().is_empty() {
                return Err(at(Some(value.span().start), msg!("waivers-needs", what = what)));
            }
        }
        let expires_text = raw.expires.get_ref().to_string();
        let expires = crate::dates::plain_date(raw.expires.get_ref())
            .ok()
            .ok_or_else(|| at(Some(raw.expires.span().start), msg!("waivers-expires", value = &expires_text)))?;
        let subject = raw.subject.clone().unwrap_or_else(|| toml::Spanned::new(0..0, "*".to_owned()));
        waivers.push(Waiver {
            requirement: raw.requirement.get_ref().clone(),
            subject: subject.get_ref().clone(),
            reason: raw.reason.get_ref().trim().to_owned(),
            ticket: raw.ticket.get_ref().trim().to_owned(),
            expires,
            line: index.line_col(text.as_bytes(), start).0,
            requirement_glob: glob(&raw.requirement, "requirement")?,
            subject_glob: glob(&subject, "subject")?,
        });
    }
    Ok(waivers)
}

impl Waiver {
    fn matches(&self, outcome: &Outcome) -> bool {
        self.requirement_glob.is_match(&outcome.requirement)
            && self.subject_glob.is_match(outcome.subject.as_deref().unwrap_or(""))
    }

    fn describe(&self) -> String {
        format!("{} {}", self.requirement, self.subject)
    }

    /// The subject of its `WAIVERS` outcome: unique, since two waivers are on different lines.
    fn subject_name(&self) -> String {
        format!("{} (line {})", self.describe(), self.line)
    }
}

/// Applies `waivers` (from `file`, as shown in reports) to `report` on `today`: waives what active
/// waivers match, adds one `WAIVERS` outcome per waiver, lists them in `report.waivers`, and
/// sorts the report again.
pub fn apply_waivers(report: &mut Report, waivers: &[Waiver], file: &str, today: jiff::civil::Date) {
    let mut notes = Vec::new();
    let mut added = Vec::new();
    let lang = report.meta.lang.as_str();
    // One pass over the outcomes for all the waivers, in their order: the first active waiver
    // that matches an outcome waives it, and later ones no longer see it as failing.
    let mut matches = vec![0usize; waivers.len()];
    if !waivers.is_empty() {
        report.outcomes.change_where(
            |_| false,
            |outcome| outcome.is_problem() && outcome.requirement() != "WAIVERS",
            |outcome| {
                for (waiver, matched) in waivers.iter().zip(&mut matches) {
                    if outcome.requirement == "WAIVERS"
                        || !matches!(outcome.status, Status::Failed | Status::Warned | Status::Error(_))
                        || !waiver.matches(outcome)
                    {
                        continue;
                    }
                    *matched += 1;
                    if today <= waiver.expires {
                        outcome.status = Status::Skipped(valmis_i18n::t!(
                            lang,
                            "waiver-waived",
                            expires = waiver.expires.to_string(),
                            ticket = &waiver.ticket,
                            reason = &waiver.reason
                        ));
                    }
                }
            },
        );
    }
    // The requirement ids of the run, to tell a misspelt waiver from one that is just unused.
    let mut known: Vec<&str> = report.outcomes.views().map(|outcome| outcome.requirement()).collect();
    known.dedup();
    let unknown: Vec<Option<Finding>> = waivers
        .iter()
        .map(|waiver| {
            if known.iter().any(|id| waiver.requirement_glob.is_match(id)) {
                return None;
            }
            let near = crate::did_you_mean(&waiver.requirement, known.iter().copied())
                .map(|near| format!("; {}", valmis_i18n::t!(lang, "did-you-mean", near = near)))
                .unwrap_or_default();
            let said = said!(
                lang,
                "waiver-no-requirement",
                waiver = waiver.describe(),
                round = &report.meta.round,
                near = near
            );
            Some(Finding::said(Severity::Error, said))
        })
        .collect();
    for ((waiver, matched), unknown) in waivers.iter().zip(matches).zip(unknown) {
        let active = today <= waiver.expires;
        let state = if !active {
            "expired"
        } else if matched == 0 {
            "unused"
        } else {
            "active"
        };
        let location = Location { line: Some(waiver.line), column: Some(1), ..Location::file(file) };
        let (status, findings) = match (active, matched) {
            _ if let Some(finding) = unknown => (Status::Failed, vec![finding.at(location)]),
            (true, 0) => (
                Status::Warned,
                vec![
                    Finding::said(Severity::Warning, said!(lang, "waiver-unused", waiver = waiver.describe()))
                        .at(location),
                ],
            ),
            (true, _) => (Status::Passed, Vec::new()),
            (false, 0) => (
                Status::Warned,
                vec![
                    Finding::said(
                        Severity::Warning,
                        said!(
                            lang,
                            "waiver-expired-unused",
                            expires = waiver.expires.to_string(),
                            ticket = &waiver.ticket
                        ),
                    )
                    .at(location),
                ],
            ),
            (false, _) => (
                Status::Failed,
                vec![
                    Finding::said(
                        Severity::Error,
                        said!(
                            lang,
                            "waiver-expired-failing",
                            expires = waiver.expires.to_string(),
                            ticket = &waiver.ticket,
                            count = matched,
                            waiver = waiver.describe(),
                            reason = &waiver.reason
                        ),
                    )
                    .at(location)
                    .with_help(valmis_i18n::t!(lang, "waiver-expired-help")),
                ],
            ),
        };
        // Under --strict a warning blocks, as for every other requirement.
        let status = if report.meta.strict && status == Status::Warned { Status::Failed } else { status };
        added.push(Outcome {
            requirement: "WAIVERS".to_owned(),
            area: Area::Bundle,
            title: Arc::from(valmis_i18n::t!(lang, "waiver-title")),
            severity: Severity::Error,
            fix: Arc::from(valmis_i18n::t!(lang, "waiver-fix")),
            reference: Arc::from("valmis docs/waivers.md"),
            subject: Some(waiver.subject_name()),
            file: Some(file.to_owned()),
            line: Some(waiver.line),
            status,
            findings,
            reruns: Vec::new(),
            time_us: None,
        });
        notes.push(WaiverNote {
            requirement: waiver.requirement.clone(),
            subject: waiver.subject.clone(),
            reason: waiver.reason.clone(),
            ticket: waiver.ticket.clone(),
            expires: waiver.expires.to_string(),
            state: state.to_owned(),
            matched,
        });
    }
    report.outcomes.extend(added);
    report.waivers = notes;
    report.sort();
}
