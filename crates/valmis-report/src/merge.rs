//! `valmis merge`: the JSON reports of `verify --partition K/N` shards joined into the report
//! one unsharded run gives (same outcomes, same order, so the same JUnit bytes).

use serde::Deserialize;
use valmis_i18n::{Msg, msg};
use valmis_model::{Outcome, Report, ReportMeta};

#[derive(Deserialize)]
struct Shard {
    format: u32,
    #[serde(flatten)]
    meta: ReportMeta,
    outcomes: Vec<Outcome>,
    #[serde(default)]
    waivers: Vec<serde_json::Value>,
    #[serde(default)]
    since_baseline: Option<serde_json::Value>,
}

/// Why shard reports cannot be merged; each names the file and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Not a JSON report this valmis reads.
    #[error("{0}")]
    Report(valmis_model::JsonReportError),
    /// A report of a run without `--partition`.
    #[error("{}", self.msg())]
    NotAShard { file: String },
    /// A shard with waivers or a baseline, which belong to the merge.
    #[error("{}", self.msg())]
    WaiversInShard { file: String },
    /// Nothing to merge.
    #[error("{}", self.msg())]
    NoShard,
    /// Shards of different splits.
    #[error("{}", self.msg())]
    OtherSplit { file: String, shard: u32, shards: u32, first_file: String, declared: u32 },
    /// The same shard twice.
    #[error("{}", self.msg())]
    Twice { file: String, shard: u32, shards: u32 },
    /// A shard not given.
    #[error("{}", self.msg())]
    Missing { shard: usize, shards: u32 },
    /// Shards of different runs.
    #[error("{}", self.msg())]
    OtherRun {
        file: String,
        first_file: String,
        /// The first run fact that differs: `version`, `round`, `catalog`, `bundle`, `now`,
        /// `strict` or `lang`.
        fact: &'static str,
        /// Its value in `file`.
        value: String,
        /// Its value in `first_file`.
        first: String,
    },
}

impl MergeError {
    /// What is wrong, in any language (`Display` is the English).
    pub fn msg(&self) -> Msg {
        let split = |shard: String, shards: &u32| format!("{shard}/{shards}");
        match self {
            Self::Report(error) => error.msg(),
            Self::NotAShard { file } => msg!("merge-not-a-shard", file = file),
            Self::WaiversInShard { file } => msg!("merge-waivers-in-shard", file = file),
            Self::NoShard => msg!("merge-no-shard"),
            Self::OtherSplit { file, shard, shards, first_file, declared } => msg!(
                "merge-other-split",
                file = file,
                shard = split(shard.to_string(), shards),
                first_file = first_file,
                declared = *declared
            ),
            Self::Twice { file, shard, shards } => {
                msg!("merge-twice", file = file, shard = split(shard.to_string(), shards))
            }
            Self::Missing { shard, shards } => msg!("merge-missing", shard = split(shard.to_string(), shards)),
            Self::OtherRun { file, first_file, fact, value, first } => msg!(
                "merge-other-run",
                file = file,
                first_file = first_file,
                fact = *fact,
                value = value,
                first = first
            ),
        }
    }
}

/// The first run fact in which `meta` differs from `expected` (the partition aside): its name,
/// its value in `meta` and in `expected`.
fn first_difference(meta: &ReportMeta, expected: &ReportMeta) -> Option<(&'static str, String, String)> {
    let facts = |meta: &ReportMeta| {
        [
            ("version", meta.tool_version.clone()),
            ("round", meta.round.clone()),
            ("catalog", meta.catalog.clone()),
            ("bundle", meta.bundle.clone()),
            ("now", meta.now.clone()),
            ("strict", meta.strict.to_string()),
            ("lang", meta.lang.as_str().to_owned()),
        ]
    };
    let difference = facts(meta).into_iter().zip(facts(expected)).find(|((_, value), (_, first))| value != first);
    // Every run fact but the partition is compared above.
    debug_assert!(difference.is_some() || ReportMeta { partition: None, ..meta.clone() } == *expected);
    difference.map(|((fact, value), (_, first))| (fact, value, first))
}

/// Merges `(file, JSON text)` shard reports.
pub fn merge_json_reports(shards: &[(String, String)]) -> Result<Report, MergeError> {
    let mut parsed: Vec<(u32, u32, String, Shard)> = Vec::new();
    for (file, text) in shards {
        let shard: Shard = serde_json::from_str(text)
            .map_err(|error| MergeError::Report(valmis_model::JsonReportError::not_a_report(file, error)))?;
        if shard.format != 1 {
            return Err(MergeError::Report(valmis_model::JsonReportError::Format {
                file: file.clone(),
                format: shard.format,
            }));
        }
        let Some((k, n)) = shard.meta.partition.as_deref().and_then(|partition| {
            let (k, n) = partition.split_once('/')?;
            Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?))
        }) else {
            return Err(MergeError::NotAShard { file: file.clone() });
        };
        if !shard.waivers.is_empty() || shard.since_baseline.is_some() {
            return Err(MergeError::WaiversInShard { file: file.clone() });
        }
        parsed.push((k, n, file.clone(), shard));
    }
    parsed.sort_by_key(|(k, ..)| *k);
    let Some((_, shards_declared, first_file, first)) = parsed.first() else {
        return Err(MergeError::NoShard);
    };
    let expected = ReportMeta { partition: None, ..first.meta.clone() };
    for (index, (k, n, file, shard)) in parsed.iter().enumerate() {
        if n != shards_declared {
            return Err(MergeError::OtherSplit {
                file: file.clone(),
                shard: *k,
                shards: *n,
                first_file: first_file.clone(),
                declared: *shards_declared,
            });
        }
        if *k != index as u32 + 1 {
            return Err(if *k <= index as u32 {
                MergeError::Twice { file: file.clone(), shard: *k, shards: *n }
            } else {
                MergeError::Missing { shard: index + 1, shards: *n }
            });
        }
        if let Some((fact, value, first)) = first_difference(&shard.meta, &expected) {
            return Err(MergeError::OtherRun {
                file: file.clone(),
                first_file: first_file.clone(),
                fact,
                value,
                first,
            });
        }
    }
    if parsed.len() != *shards_declared as usize {
        return Err(MergeError::Missing { shard: parsed.len() + 1, shards: *shards_declared });
    }
    let outcomes = parsed.into_iter().flat_map(|(.., shard)| shard.outcomes).collect();
    let mut report = Report { meta: expected, outcomes, waivers: Vec::new(), baseline: None };
    report.sort();
    Ok(report)
}
