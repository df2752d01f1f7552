//! Baselines (`--baseline PREVIOUS.json`): what changed since an earlier run's JSON report
//! (format 1): outcomes newly failing, fixed, and gone (requirement and subject no longer in the
//! report).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::outcome::{Report, Status};

/// One requirement applied to one subject.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OutcomeKey {
    pub requirement: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

impl std::fmt::Display for OutcomeKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.subject {
            Some(subject) => write!(formatter, "{}: {subject}", self.requirement),
            None => formatter.write_str(&self.requirement),
        }
    }
}

/// What changed since the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineDiff {
    /// The baseline file as the user named it.
    pub file: String,
    /// When the baseline run was made (its `now`).
    pub baseline_now: String,
    /// Failing or unevaluated now, not before (new subjects included).
    pub newly_failing: Vec<OutcomeKey>,
    /// Failing or unevaluated before, present now and no longer failing.
    pub fixed: Vec<OutcomeKey>,
    /// In the baseline, not in this report at all.
    pub disappeared: Vec<OutcomeKey>,
}

impl BaselineDiff {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.newly_failing.is_empty() && self.fixed.is_empty() && self.disappeared.is_empty()
    }
}

#[derive(Deserialize)]
struct Previous {
    format: u32,
    #[serde(default)]
    now: String,
    outcomes: Vec<PreviousOutcome>,
}

#[derive(Deserialize)]
struct PreviousOutcome {
    requirement: String,
    #[serde(default)]
    subject: Option<String>,
    status: String,
}

/// Why a file is not a JSON report this valmis reads (a baseline, a shard to merge).
#[derive(Debug, thiserror::Error)]
pub enum JsonReportError {
    /// Not a valmis JSON report: where it stops being one.
    #[error("{}", self.msg())]
    NotAReport { file: String, line: usize, column: usize, reason: serde_json::Error },
    /// A JSON report of a format this valmis does not read.
    #[error("{}", self.msg())]
    Format { file: String, format: u32 },
}

impl JsonReportError {
    /// What is wrong, in any language (`Display` is the English).
    pub fn msg(&self) -> valmis_i18n::Msg {
        match self {
            Self::NotAReport { file, line, column, reason } => valmis_i18n::msg!(
                "json-report-invalid",
                file = file,
                line = line.to_string(),
                column = column.to_string(),
                reason = reason.to_string()
            ),
            Self::Format { file, format } => {
                valmis_i18n::msg!("json-report-format", file = file, format = format.to_string())
            }
        }
    }
}

impl JsonReportError {
    /// `file` does not parse as a report: where and why.
    pub fn not_a_report(file: &str, error: serde_json::Error) -> Self {
        Self::NotAReport { file: file.to_owned(), line: error.line(), column: error.column(), reason: error }
    }
}

/// Compares `report` with the JSON report `previous` (the text of `file`).
pub fn compare_with_baseline(report: &Report, previous: &str, file: &str) -> Result<BaselineDiff, JsonReportError> {
    let previous: Previous =
        serde_json::from_str(previous).map_err(|error| JsonReportError::not_a_report(file, error))?;
    if previous.format != 1 {
        return Err(JsonReportError::Format { file: file.to_owned(), format: previous.format });
    }
    let before: BTreeMap<OutcomeKey, bool> = previous
        .outcomes
        .into_iter()
        .map(|outcome| {
            let failing = matches!(outcome.status.as_str(), "failed" | "error");
            (OutcomeKey { requirement: outcome.requirement, subject: outcome.subject }, failing)
        })
        .collect();
    let now: BTreeMap<OutcomeKey, bool> = report
        .outcomes
        .iter()
        .map(|outcome| {
            let key = OutcomeKey { requirement: outcome.requirement.clone(), subject: outcome.subject.clone() };
            (key, matches!(outcome.status, Status::Failed | Status::Error(_)))
        })
        .collect();
    let newly_failing = now
        .iter()
        .filter(|(key, failing)| **failing && before.get(*key) != Some(&true))
        .map(|(key, _)| key.clone())
        .collect();
    let fixed = now
        .iter()
        .filter(|(key, failing)| !**failing && before.get(*key) == Some(&true))
        .map(|(key, _)| key.clone())
        .collect();
    let current: BTreeSet<&OutcomeKey> = now.keys().collect();
    let disappeared = before.keys().filter(|key| !current.contains(key)).cloned().collect();
    Ok(BaselineDiff { file: file.to_owned(), baseline_now: previous.now, newly_failing, fixed, disappeared })
}
