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

/// Merges `(file, JSON text)` shard reports; the error names the file and what is wrong.
pub fn merge_json_reports(shards: &[(String, String)]) -> Result<Report, String> {
    let mut parsed: Vec<(u32, u32, String, Shard)> = Vec::new();
    for (file, text) in shards {
        let shard: Shard = serde_json::from_str(text).map_err(|error| {
            format!("{file}:{}:{}: not a valmis JSON report: {error}", error.line(), error.column())
        })?;
        if shard.format != 1 {
            return Err(format!("{file}: JSON report format {} is not supported; valmis reads format 1", shard.format));
        }
        let Some((k, n)) = shard.meta.partition.as_deref().and_then(|partition| {
            let (k, n) = partition.split_once('/')?;
            Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?))
        }) else {
            return Err(format!(
                "{file}: not a shard (its report has no `partition`; run verify with --partition K/N)"
            ));
        };
        if !shard.waivers.is_empty() || shard.since_baseline.is_some() {
            return Err(format!("{file}: a shard must not carry waivers or a baseline; give them to merge"));
        }
        parsed.push((k, n, file.clone(), shard));
    }
    parsed.sort_by_key(|(k, ..)| *k);
    let Some((_, shards_declared, first_file, first)) = parsed.first() else {
        return Err("no shard given".to_owned());
    };
    let expected = ReportMeta { partition: None, ..first.meta.clone() };
    for (index, (k, n, file, shard)) in parsed.iter().enumerate() {
        if n != shards_declared {
            return Err(format!("{file} is shard {k}/{n}, but {first_file} is of {shards_declared} shards"));
        }
        if *k != index as u32 + 1 {
            return Err(if *k <= index as u32 {
                format!("{file}: shard {k}/{n} is given twice")
            } else {
                format!("shard {}/{n} is missing", index + 1)
            });
        }
        let meta = ReportMeta { partition: None, ..shard.meta.clone() };
        if meta != expected {
            return Err(format!(
                "{file} comes from a different run than {first_file} (valmis version, round, catalog, bundle, now or --strict differ)"
            ));
        }
    }
    if parsed.len() != *shards_declared as usize {
        return Err(format!("shard {}/{shards_declared} is missing", parsed.len() + 1));
    }
    let outcomes = parsed.into_iter().flat_map(|(.., shard)| shard.outcomes).collect();
    let mut report = Report { meta: expected, outcomes, waivers: Vec::new(), baseline: None };
    report.sort();
    Ok(report)
}
