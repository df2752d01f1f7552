//! What every command shares, below them all: usage errors (exit code 2), loading the catalog
//! and the round, `--now`, the repository root for report paths, opening a bundle.

use std::path::Path;

use jiff::Timestamp;
use valmis_bundle::{Bundle, Limits};
use valmis_model::{Catalog, CatalogSet};
use valmis_report::PathOptions;

use crate::args::CatalogArgs;

pub(crate) use crate::failure::usage;

pub(crate) fn load_catalogs(args: &CatalogArgs) -> anyhow::Result<CatalogSet> {
    let set = match &args.catalog {
        Some(dir) => CatalogSet::load_dir(dir),
        None => CatalogSet::embedded(),
    };
    set.map_err(|error| usage(format!("invalid catalog: {error}")))
}

pub(crate) fn pick_round<'c>(set: &'c CatalogSet, round: Option<&str>) -> anyhow::Result<&'c Catalog> {
    match round {
        Some(round) => set
            .get(round)
            .ok_or_else(|| usage(format!("no catalog for round `{round}`; known: {}", set.round_ids().join(", ")))),
        None => set.latest().ok_or_else(|| usage("the catalog holds no round")),
    }
}

pub(crate) fn parse_now(text: Option<&str>) -> anyhow::Result<Timestamp> {
    let Some(text) = text else { return Ok(Timestamp::now()) };
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        return Ok(timestamp);
    }
    if let Ok(date) = text.parse::<jiff::civil::Date>()
        && let Ok(zoned) = date.to_zoned(jiff::tz::TimeZone::UTC)
    {
        return Ok(zoned.timestamp());
    }
    Err(usage(format!(
        "--now `{text}` is not an RFC 3339 instant like 2026-11-23T09:00:00Z (or a date like 2026-11-23)"
    )))
}

/// Paths in reports relative to the repository: CI's workspace, else the working directory.
pub(crate) fn path_options() -> PathOptions {
    let root = ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        .or_else(|| std::env::current_dir().ok().map(|dir| dir.display().to_string()));
    PathOptions { root }
}

/// Opens the bundle `verify` checks: a folder or zip with manifest.toml at its root. Anything
/// else is a usage error with its one cause, before a report is written: checking a folder that
/// is not a bundle (`valmis verify` in the wrong directory) would only bury that cause.
pub(crate) fn open_bundle(path: &Path, display: &str) -> anyhow::Result<Bundle> {
    let is_toml = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
    if path.is_file() && is_toml {
        let folder = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        return Err(usage(format!(
            "`{display}` is a file: pass the bundle's folder, `valmis verify {}` (or its zip)",
            folder.display()
        )));
    }
    let bundle = Bundle::open(path, display, Limits::default()).map_err(|error| usage(error.to_string()))?;
    if bundle.refused().is_none() && bundle.entry("manifest.toml").is_none() {
        let files = bundle.files().count();
        let what = match files {
            0 => "it is empty".to_owned(),
            1 => "it holds 1 other file".to_owned(),
            _ => format!("it holds {files} other files"),
        };
        return Err(usage(format!(
            "`{display}` is not a submission bundle: there is no manifest.toml at its root ({what}). \
             Pass the bundle's folder or zip, or start one with `valmis init DIR`"
        )));
    }
    Ok(bundle)
}
