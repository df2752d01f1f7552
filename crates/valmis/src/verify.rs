//! `valmis verify` and `valmis merge`: the run (or the joined shards), then waivers, the safety
//! pass, the baseline, every report file, the GitHub output, the terminal report and the exit code.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use valmis_checks::VerifyOptions;
use valmis_model::{Lang, Report};
use valmis_report::{HumanOptions, PathOptions};

use crate::args::{MergeArgs, ReportArgs, VerifyArgs};
use crate::common::{load_catalogs, open_bundle, parse_now, path_options, usage};
use crate::exit;
use crate::failure::output;
use crate::lang::tr;
use crate::output::{Input, Read};
use crate::probe::key_value;
use valmis_model::files::{MIB, read_json_report_at_most, read_text_at_most};

/// The largest `--waivers` file read: a waiver is a few lines.
const MAX_WAIVERS: u64 = 16 * MIB;
/// The largest JSON report read as a baseline or a shard: the report of a 40,000-document bundle
/// is a few hundred megabytes.
const MAX_JSON_REPORT: u64 = 1024 * MIB;

/// A report sink that renders to text.
type Render = fn(&Report, &PathOptions) -> String;

pub(crate) fn command(args: VerifyArgs, color: bool, lang: Lang) -> anyhow::Result<u8> {
    let now = parse_now(args.now.as_deref())?;
    let display = args.bundle.display().to_string();
    // The bundle is listed while the catalogs load (each took tens of milliseconds at the start
    // of a 10,000-document run, one core working), unless one thread was asked for; their
    // errors still come in this order. A thread that cannot be started (no memory left for its
    // stack) leaves the listing to this one.
    let (catalogs, bundle) = std::thread::scope(|scope| {
        let listing = (args.jobs != 1)
            .then(|| std::thread::Builder::new().spawn_scoped(scope, || open_bundle(&args.bundle, &display)).ok())
            .flatten();
        let catalogs = load_catalogs(&args.catalog);
        let bundle = match listing {
            Some(listing) => listing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => open_bundle(&args.bundle, &display),
        };
        (catalogs, bundle)
    });
    let catalogs = catalogs?;
    if args.partition.is_some() && (args.reports.waivers.is_some() || args.reports.baseline.is_some()) {
        return Err(usage(tr!("cli-partition-post")));
    }
    // Waivers and the baseline are read before anything is checked: a bad file stops at once, as
    // does a report path that would replace a file this run reads.
    let mut reads = vec![Read::Bundle(&args.bundle)];
    reads.extend(args.catalog.catalog.as_deref().map(|folder| Read::Folder(Input::Catalog, folder)));
    reads.extend(args.cda_schema.as_deref().map(|schema| match schema.is_file() {
        true => Read::File(Input::CdaSchema, schema),
        false => Read::Folder(Input::CdaSchema, schema),
    }));
    reads.extend(args.client_key.iter().map(|value| Read::File(Input::ClientKey, Path::new(key_value(value).1))));
    let post = Post::read(&args.reports, &args.reports.outputs(), &reads)?;
    let bundle = bundle?;
    let probe = if args.online {
        let targets = crate::probe::targets(&bundle, &catalogs)?;
        let keys = crate::probe::read_keys(&args.client_key, &targets)?;
        Some(crate::probe::run(&targets, &keys, args.probe_timeout, !args.quiet)?)
    } else {
        None
    };
    let cda_schema = match &args.cda_schema {
        Some(path) => Some(
            valmis_model::SchemaFiles::read(path).map_err(|error| usage(tr!("cli-cda-schema", error = error.msg())))?,
        ),
        None => None,
    };
    let options = VerifyOptions {
        cda_schema,
        now,
        strict: args.strict,
        only: args.only,
        skip: args.skip,
        probe,
        threads: usize::from(args.jobs),
        partition: args.partition,
        lang,
        timestamps: args.timestamps,
    };
    let report = valmis_checks::verify(&bundle, &catalogs, &options)?;
    let show = Show { quiet: args.quiet, verbose: args.verbose, color };
    // The reports are written with as many threads as the checks ran with (JUnit renders blocks
    // of test cases in parallel).
    match rayon::ThreadPoolBuilder::new().num_threads(usize::from(args.jobs)).build() {
        Ok(pool) => pool.install(|| finish(report, &args.reports, post, now, show)),
        Err(_) => finish(report, &args.reports, post, now, show),
    }
}

/// Waivers and baseline, read before the run.
struct Post {
    waivers: Option<(String, Vec<valmis_model::Waiver>)>,
    baseline: Option<(String, String)>,
}

impl Post {
    /// Reads them, after refusing `outputs` that would replace one of them or one of `reads`.
    fn read(reports: &ReportArgs, outputs: &[(&str, &Path)], reads: &[Read<'_>]) -> anyhow::Result<Self> {
        let mut reads = reads.to_vec();
        reads.extend(reports.waivers.as_deref().map(|file| Read::File(Input::Waivers, file)));
        reads.extend(reports.baseline.as_deref().map(|file| Read::File(Input::Baseline, file)));
        crate::output::check_outputs(outputs, &reads)?;
        let waivers = match &reports.waivers {
            Some(path) => {
                let file = path.display().to_string();
                let text = read_text_at_most(path, MAX_WAIVERS).map_err(|error| {
                    usage(tr!("cli-waivers-unreadable", file = &file, reason = crate::lang::said(&error.message())))
                })?;
                let waivers = valmis_model::parse_waivers(&file, &text)
                    .map_err(|error| usage(tr!("cli-waivers-invalid", error = &error.msg())))?;
                Some((file, waivers))
            }
            None => None,
        };
        let baseline = match &reports.baseline {
            Some(path) => {
                let file = path.display().to_string();
                let text = read_json_report_at_most(path, MAX_JSON_REPORT).map_err(|error| {
                    usage(tr!("cli-baseline-unreadable", file = &file, reason = crate::lang::said(&error.message())))
                })?;
                Some((file, text))
            }
            None => None,
        };
        Ok(Self { waivers, baseline })
    }
}

/// How the terminal report is shown.
#[derive(Debug, Clone, Copy)]
struct Show {
    quiet: bool,
    verbose: bool,
    color: bool,
}

/// Applies waivers and the baseline, writes every report asked for, prints the terminal report,
/// and returns the exit code.
fn finish(mut report: Report, reports: &ReportArgs, post: Post, now: Timestamp, show: Show) -> anyhow::Result<u8> {
    if let Some((file, waivers)) = &post.waivers {
        valmis_model::apply_waivers(&mut report, waivers, file, now.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    // The one place every sink's text is made safe (identity codes masked, control characters
    // escaped, lengths and finding counts capped): after the waivers, which name subjects as
    // written, and before the baseline, an earlier report that was made safe too.
    report.make_safe();
    if let Some((file, text)) = &post.baseline {
        report.baseline = Some(valmis_model::compare_with_baseline(&report, text, file)?);
        report.make_safe();
    }
    // Every report is attempted even when one cannot be written; the failures are reported
    // together after the verdict (exit 4).
    let mut unwritten: Vec<String> = Vec::new();
    let mut attempt = |written: anyhow::Result<()>| {
        if let Err(error) = written {
            unwritten.push(crate::failure::message(&error));
        }
    };
    if let Some(path) = &reports.junit {
        attempt(crate::output::write_report_with(path, |out| Ok(valmis_report::write_junit(&report, out)?)));
    }
    let paths = path_options();
    let sinks: [(&Option<PathBuf>, Render); 5] = [
        (&reports.json, |report, _| valmis_report::render_json(report)),
        (&reports.sarif, valmis_report::render_sarif),
        (&reports.gitlab_codequality, valmis_report::render_codequality),
        (&reports.summary_md, valmis_report::render_markdown),
        (&reports.html, |report, _| valmis_report::render_html(report)),
    ];
    for (path, render) in sinks {
        if let Some(path) = path {
            attempt(crate::output::write_report(path, render(&report, &paths).as_bytes()));
        }
    }
    if std::env::var_os("GITHUB_ACTIONS").is_some_and(|value| value == "true") {
        attempt(crate::output::github(&report, &paths, reports.summary_md.as_deref()));
    }
    if !show.quiet {
        let text = valmis_report::render_human(&report, HumanOptions { color: show.color, verbose: show.verbose });
        match crate::terminal::write_for_people(&text, show.color) {
            // The reader went away (`| head`): the verdict still decides the exit code.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.map_err(|error| output(tr!("cli-stdout-failed", reason = error.to_string())))?,
        }
    }
    if !unwritten.is_empty() {
        return Err(output(unwritten.join("; ")));
    }
    Ok(if report.is_ready() { exit::READY } else { exit::NOT_READY })
}

pub(crate) fn merge(args: MergeArgs, color: bool) -> anyhow::Result<u8> {
    // OUT is the JSON report; a --json beside it would be dropped without a word.
    if let Some(json) = &args.reports.json {
        return Err(usage(tr!(
            "cli-merge-json",
            out = args.out.display().to_string(),
            json = json.display().to_string()
        )));
    }
    let mut outputs = vec![("<OUT>", args.out.as_path())];
    outputs.extend(args.reports.outputs());
    let reads: Vec<Read<'_>> = args.shards.iter().map(|shard| Read::File(Input::Shard, shard)).collect();
    let post = Post::read(&args.reports, &outputs, &reads)?;
    let mut shards = Vec::new();
    for path in &args.shards {
        let file = path.display().to_string();
        let text = read_json_report_at_most(path, MAX_JSON_REPORT).map_err(|error| {
            usage(tr!("cli-shard-unreadable", file = &file, reason = crate::lang::said(&error.message())))
        })?;
        shards.push((file, text));
    }
    let report = valmis_report::merge_json_reports(&shards)?;
    let now: Timestamp = report.meta.now.parse().map_err(|_| usage(tr!("cli-shard-now", now = &report.meta.now)))?;
    let mut reports = args.reports;
    reports.json = Some(args.out);
    finish(report, &reports, post, now, Show { quiet: args.quiet, verbose: args.verbose, color })
}
