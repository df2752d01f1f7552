//! What every command shares, below them all: usage errors (exit code 2), loading the catalog
//! and the round, `--now`, the repository root for report paths, opening a bundle.

use std::path::Path;

use jiff::Timestamp;
use valmis_bundle::{Bundle, Limits};
use valmis_model::{Catalog, CatalogSet};
use valmis_report::PathOptions;

use crate::args::CatalogArgs;
use crate::lang::tr;

pub(crate) use crate::failure::usage;

pub(crate) fn load_catalogs(args: &CatalogArgs) -> anyhow::Result<CatalogSet> {
    let set = match &args.catalog {
        Some(dir) => CatalogSet::load_dir(dir),
        None => CatalogSet::embedded(),
    };
    set.map_err(|error| usage(tr!("cli-invalid-catalog", error = &error.msg())))
}

pub(crate) fn pick_round<'c>(set: &'c CatalogSet, round: Option<&str>) -> anyhow::Result<&'c Catalog> {
    match round {
        Some(round) => set
            .get(round)
            .ok_or_else(|| usage(tr!("cli-unknown-round", round = round, known = set.round_ids().join(", ")))),
        None => set.latest().ok_or_else(|| usage(tr!("cli-no-round"))),
    }
}

pub(crate) fn parse_now(text: Option<&str>) -> anyhow::Result<Timestamp> {
    let Some(text) = text else { return Ok(Timestamp::now()) };
    let name = set_by_environment("--now", text).unwrap_or("--now");
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        // jiff takes offsets up to ±25:59:59; RFC 3339's hours end at 23, and `+25:00` is a
        // typo for `+02:00` that moves the instant a day.
        if let Some(offset) = offset_beyond_a_day(text) {
            let reason = tr!("cli-now-offset", offset = offset);
            return Err(usage(tr!("cli-now-impossible", name = name, text = text, reason = reason)));
        }
        return Ok(timestamp);
    }
    // A date alone means midnight UTC. A date and a time without an offset is not taken as that
    // date: jiff's date parser would read `2026-11-23T09:00:00` as 2026-11-23 and drop the time.
    let date_only = text.len() == 10
        && text.bytes().enumerate().all(|(index, byte)| match index {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if date_only
        && let Ok(date) = text.parse::<jiff::civil::Date>()
        && let Ok(zoned) = date.to_zoned(jiff::tz::TimeZone::UTC)
    {
        return Ok(zoned.timestamp());
    }
    if let Some(reason) = impossible_instant(text) {
        return Err(usage(tr!("cli-now-impossible", name = name, text = text, reason = reason)));
    }
    if !date_only && text.parse::<jiff::civil::DateTime>().is_ok() {
        return Err(usage(tr!("cli-now-no-offset", name = name, text = text)));
    }
    Err(usage(tr!("cli-bad-now", name = name, text = text)))
}

/// Why `text`, in the form of a date (`2026-02-30`) or a date and time (`2026-11-23T25:00Z`), is
/// no instant: a month, a day or a time of day that does not exist, or the year 9999, past the
/// last instant jiff reckons with. `None` for any other text, whose form is what is wrong.
fn impossible_instant(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let number = |from: usize, to: usize| -> Option<i16> {
        let part = text.get(from..to)?;
        part.bytes().all(|byte| byte.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if !(1..=12).contains(&month) {
        return Some(tr!("cli-now-no-month", month = i32::from(month)));
    }
    let days = jiff::civil::date(year, i8::try_from(month).ok()?, 1).days_in_month();
    if !(1..=i16::from(days)).contains(&day) {
        return Some(tr!("cli-now-no-day", month = format!("{year:04}-{month:02}"), days = i32::from(days)));
    }
    if bytes.len() > 10 {
        if !matches!(bytes[10], b'T' | b't' | b' ') || bytes.get(13) != Some(&b':') {
            return None;
        }
        let (hour, minute) = (number(11, 13)?, number(14, 16)?);
        let second = if bytes.get(16) == Some(&b':') { number(17, 19)? } else { 0 };
        if hour > 23 || minute > 59 || second > 60 {
            let time = text.get(11..if bytes.get(16) == Some(&b':') { 19 } else { 16 }).unwrap_or_default();
            return Some(tr!("cli-now-no-time", time = time));
        }
    }
    (year == 9999).then(|| tr!("cli-now-beyond"))
}

/// The offset of the instant `text` when its hours are past 23 (`+25:00`).
fn offset_beyond_a_day(text: &str) -> Option<&str> {
    let time = text.get(11..)?;
    let offset = &time[time.rfind(['+', '-'])?..];
    let hours: u8 = offset.get(1..3)?.parse().ok()?;
    (hours > 23).then_some(offset)
}

/// The environment variable that gave the option `long` its `value`, when the command line did
/// not: a message about the value then names what the person set (`VALMIS_NOW` in a CI job's
/// variables), not an option they never typed: the value, not the option's presence, tells.
pub(crate) fn set_by_environment(long: &str, value: &str) -> Option<&'static str> {
    let variable = match long {
        "--now" => "VALMIS_NOW",
        "--lang" => "VALMIS_LANG",
        "--client-key" => "VALMIS_CLIENT_KEY",
        _ => return None,
    };
    if std::env::var_os(variable)? != value {
        return None;
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let joined = format!("{long}={value}");
    let typed = args.iter().enumerate().any(|(index, arg)| {
        *arg == *joined || (*arg == *long && args.get(index + 1).is_some_and(|next| *next == *value))
    });
    (!typed).then_some(variable)
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
        return Err(usage(tr!("cli-bundle-is-file", path = display, folder = folder.display().to_string())));
    }
    let bundle =
        Bundle::open(path, display, Limits::default()).map_err(|error| usage(crate::lang::said(&error.msg())))?;
    // Opening a zip builds and drops an index of its central directory.
    crate::give_back_freed_memory();
    if bundle.refused().is_none() && bundle.entry("manifest.toml").is_none() {
        let files = bundle.files().count();
        return Err(usage(tr!("cli-not-a-bundle", path = display, files = files)));
    }
    Ok(bundle)
}
