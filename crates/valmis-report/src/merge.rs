//! `valmis merge`: the JSON reports of `verify --partition K/N` shards joined into the report
//! one unsharded run gives (same outcomes, same order, so the same JUnit bytes).

use serde::Deserialize;
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
    #[error("{file}: not a shard (its report has no `partition`; run verify with --partition K/N)")]
    NotAShard { file: String },
    /// A shard with waivers or a baseline, which belong to the merge.
    #[error("{file}: a shard must not carry waivers or a baseline; give them to merge")]
    WaiversInShard { file: String },
    /// Nothing to merge.
    #[error("no shard given")]
    NoShard,
    /// Shards of different splits.
    #[error("{file} is shard {shard}/{shards}, but {first_file} is of {declared} shards")]
    OtherSplit { file: String, shard: u32, shards: u32, first_file: String, declared: u32 },
    /// The same shard twice.
    #[error("{file}: shard {shard}/{shards} is given twice")]
    Twice { file: String, shard: u32, shards: u32 },
    /// A shard not given.
    #[error("shard {shard}/{shards} is missing")]
    Missing { shard: usize, shards: u32 },
    /// Shards of different runs.
    #[error(
        "{file} comes from a different run than {first_file} (valmis version, round, catalog, bundle, now or --strict differ)"
    )]
    OtherRun { file: String, first_file: String },
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
        let meta = ReportMeta { partition: None, ..shard.meta.clone() };
        if meta != expected {
            return Err(MergeError::OtherRun { file: file.clone(), first_file: first_file.clone() });
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
