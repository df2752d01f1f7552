//! Command-line interface: argument parsing (clap) and the four commands.

use crate::terminal::{say, say_err};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::Timestamp;
use valmis_bundle::{Bundle, Limits};
use valmis_checks::VerifyOptions;
use valmis_model::{Catalog, CatalogSet, Lang, Report};
use valmis_report::{HumanOptions, PathOptions};

use crate::exit;

const AFTER_HELP: &str = "\
Exit codes:
  0  ready: no blocking finding (errors; and warnings under --strict)
  1  not ready: at least one blocking requirement failed or could not be evaluated,
     or no requirement was checked at all (every one skipped: offline, not applicable)
  2  usage error: bad arguments, unreadable bundle path, unusable catalog, an --only or
     --skip pattern that matches no requirement, a selection that leaves none to check
  3  internal error (a bug in valmis)

Examples:
  valmis verify submission/ --junit target/valmis/junit.xml
  valmis verify bundle.zip --now 2026-11-23T09:00:00Z --strict
  valmis verify --only 'BUNDLE-*' --skip BUNDLE-HYGIENE
  valmis requirements --service potilastiedon-arkisto
  valmis requirements --coverage submission/
  valmis explain PRIVACY-HETU
  valmis probe submission/ --client-key ~/keys/palvelinvarmenne.key
  valmis run submission/ --endpoint phr --client-key ~/keys/palvelinvarmenne.key --junit harness.xml
  valmis init my-submission";

/// Checks a Kanta co-testing (yhteistestaus) submission bundle before it goes to Kela.
///
/// valmis reads the bundle (a directory or a .zip, never extracted), checks it against the
/// requirement catalog of the co-testing round named in its manifest, and writes JUnit XML that
/// GitHub Actions, GitLab CI and Jenkins show natively. The exit code gates the pipeline.
#[derive(Debug, Parser)]
#[command(name = "valmis", version, about, long_about, after_long_help = AFTER_HELP, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// When to colour the terminal output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Language of requirement titles, explanations and fixes, and of the report headings:
    /// en or fi. Defaults to the locale (LC_ALL, LC_MESSAGES, LANG: fi_* gives Finnish), else
    /// English. Finding messages and the closing count line stay in English.
    #[arg(long, global = true, value_enum, env = "VALMIS_LANG")]
    lang: Option<LangChoice>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangChoice {
    /// English.
    En,
    /// Finnish (suomi).
    Fi,
}

/// `--lang`, or the locale's language.
fn language(choice: Option<LangChoice>) -> Lang {
    match choice {
        Some(LangChoice::En) => Lang::En,
        Some(LangChoice::Fi) => Lang::Fi,
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
            .map_or(Lang::En, |locale| Lang::from_locale(&locale)),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a bundle against its round's requirements and report (the main command).
    ///
    /// Every requirement of the catalog is reported for every subject it applies to: passed,
    /// failed, could not be evaluated, or skipped with the reason. The last line of output is
    /// `N passed, N failed, N skipped`.
    #[command(after_long_help = AFTER_HELP)]
    Verify(VerifyArgs),
    /// List the requirements of a round as a table, or a bundle's pre-test coverage.
    ///
    /// With --coverage BUNDLE: per service the bundle declares, every pre-test case of the
    /// round with what the bundle's report says about it (pass, fail, not-applicable,
    /// missing, duplicate), so that you see what is missing before running anything else.
    #[command(after_long_help = AFTER_HELP)]
    Requirements(RequirementsArgs),
    /// Explain one requirement (what it checks, why, how to fix a failure, its source) or one
    /// pre-test case (what it exercises, what evidence it needs).
    Explain(ExplainArgs),
    /// Write a bundle skeleton with commented templates that say what is still to fill in.
    Init(InitArgs),
    /// Write the clean zip you send to Kela: refresh manifest.toml's [files] digests, leave out
    /// OS and editor leftovers (.DS_Store, __MACOSX/, ._*, ~$*, *.bak), and zip the rest.
    ///
    /// Only the [files] table of manifest.toml changes (every comment and other value stays);
    /// pack prints each digest it adds, changes or removes, and each file it leaves out. The zip
    /// is deterministic (sorted entries, fixed times) and written atomically. Then run
    /// `valmis verify` on the zip: it is exactly what Kela receives.
    #[command(after_long_help = "Example:\n  valmis pack hakemus -o hakemus.zip && valmis verify hakemus.zip")]
    Pack(PackArgs),
    /// Probe every endpoint of connection/connection.toml with mutual TLS and report the details.
    ///
    /// For each endpoint: TCP connect time, TLS version and cipher suite, the server's chain and
    /// whether it validates to ca_bundle and names the host, whether the server asked for a
    /// client certificate, and the HTTP status of a GET. Failures are classified (DNS, refused,
    /// timeout, alert, unknown issuer, name mismatch, expired, TLS version). Exit code 0 when
    /// every endpoint answers, 1 otherwise, 2 for usage errors.
    #[command(after_long_help = AFTER_HELP)]
    Probe(ProbeArgs),
    /// Run the declared test cases against an endpoint, save the evidence, fill the report.
    ///
    /// Each harness case (testcases/<round>/harness/*.toml, or --cases DIR) runs its steps in
    /// order over HTTPS with mutual TLS: a request built from templates (variables uuid, now,
    /// now_hl7, test_person, organisation_oid, oid, and captures of earlier steps), the
    /// expected status and headers, and the body compared with a golden file after
    /// normalisation, shown as a unified diff. Every request and response is saved under
    /// evidence/<case>/ with SHA-256 and times, and pretest/report.csv gets one row per case,
    /// so `valmis verify` consumes the run directly. A template that would send a real identity
    /// code is refused. Exit code 0 when every case passed, 1 otherwise.
    #[command(after_long_help = AFTER_HELP)]
    Run(RunArgs),
    /// Merge the JSON reports of `verify --partition K/N` shards into one report.
    ///
    /// Every shard 1..N must be there once, from the same valmis, round, catalog, bundle, now
    /// and --strict. The merged report is what one unsharded run gives: the same outcomes, the
    /// same JUnit bytes, one verdict and exit code (0 ready, 1 not ready, 2 usage error). OUT
    /// is the merged JSON; every other report can be written too, and waivers and a baseline
    /// apply here.
    #[command(after_long_help = AFTER_HELP)]
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
struct MergeArgs {
    /// Where to write the merged JSON report.
    out: PathBuf,
    /// The shards' JSON reports (--json of each `verify --partition K/N` run).
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    #[command(flatten)]
    reports: ReportArgs,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    /// List passed requirements one by one, not just their count.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// The bundle folder (evidence and the report are written into it).
    #[arg(default_value = ".")]
    bundle: PathBuf,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Endpoint name of connection/connection.toml to run against.
    #[arg(long, value_name = "NAME")]
    endpoint: String,
    /// Private key of the endpoint's client certificate (PEM or DER). Read once, never printed.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "FILE")]
    client_key: Option<PathBuf>,
    /// Harness cases from DIR instead of the built-in ones of the bundle's round.
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Run only these case ids; repeatable.
    #[arg(long = "case", value_name = "ID")]
    only: Vec<String>,
    /// Test identity code the templates use ({{test_person}}).
    #[arg(long, value_name = "CODE", default_value = "010181-900C")]
    test_person: String,
    /// Seconds to wait for each step.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// Extra attempts after a transport error (never after an answer).
    #[arg(long, value_name = "N", default_value_t = 2)]
    retries: u32,
    /// Read at most MIB mebibytes of each answer's body: a longer answer fails its step, and its
    /// first MIB MiB are kept as evidence.
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=1024))]
    max_body: u32,
    /// Write JUnit XML (one test case per harness case) to FILE.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ProbeArgs {
    /// The bundle: a directory or a .zip file.
    #[arg(default_value = ".")]
    bundle: PathBuf,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Private key of the client certificates (PEM or DER): FILE for every endpoint, or
    /// NAME=FILE for endpoint NAME (repeat for endpoints with different certificates). Read
    /// once, never printed.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "[NAME=]FILE")]
    client_key: Vec<String>,
    /// Probe only the endpoint NAME of connection.toml (repeatable; default: every endpoint).
    #[arg(long, value_name = "NAME")]
    endpoint: Vec<String>,
    /// Seconds to wait for each of connect, TLS handshake and HTTP answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    timeout: u64,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct CatalogArgs {
    /// Use the catalog(s) in DIR instead of the built-in one: a folder with catalog.toml, or a
    /// folder with one sub-folder per round (like testcases/).
    #[arg(long, value_name = "DIR")]
    catalog: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct VerifyArgs {
    /// The bundle: a directory or a .zip file.
    #[arg(default_value = ".")]
    bundle: PathBuf,

    #[command(flatten)]
    catalog: CatalogArgs,

    #[command(flatten)]
    reports: ReportArgs,

    /// The instant all date rules use, RFC 3339 (2026-11-23T09:00:00Z) or a date (2026-11-23,
    /// meaning midnight UTC). Defaults to the clock; set it in CI for reproducible reports.
    #[arg(long, env = "VALMIS_NOW", value_name = "RFC3339")]
    now: Option<String>,

    /// Allow checks that use the network: CONN-PROBE makes a real mutual-TLS handshake and an
    /// HTTP GET to every endpoint of connection/connection.toml, presenting its client
    /// certificate with the key from --client-key. Without it they are skipped, never failed.
    #[arg(long)]
    online: bool,

    /// Private key of the client certificates (PEM or DER), for --online: FILE for every
    /// endpoint, or NAME=FILE for endpoint NAME (repeatable). Read once, never copied into a
    /// report; it must not be in the bundle.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "[NAME=]FILE")]
    client_key: Vec<String>,

    /// Seconds to wait for each of connect, TLS handshake and HTTP answer, with --online.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    probe_timeout: u64,

    /// Validate CDA documents (DOC-SCHEMA) against this XML Schema set instead of the round's
    /// (Kela's CDA_Fi.xsd, built in): a folder holding CDA_Fi.xsd, or the entry .xsd itself;
    /// every .xsd of its folder is read. Nothing is downloaded.
    #[arg(long, value_name = "DIR|FILE")]
    cda_schema: Option<PathBuf>,

    /// Treat warnings as blocking.
    #[arg(long)]
    strict: bool,

    /// Write measured durations as JUnit `time` (and in the JSON). Without it every `time` is 0,
    /// so the same bundle gives the same report bytes.
    #[arg(long)]
    timestamps: bool,

    /// Run only requirements whose id matches PATTERN (`*` globs, e.g. 'BUNDLE-*'); repeatable.
    #[arg(long, value_name = "PATTERN")]
    only: Vec<String>,

    /// Skip requirements whose id matches PATTERN (`*` globs); repeatable.
    #[arg(long, value_name = "PATTERN")]
    skip: Vec<String>,

    /// Print nothing on standard output; rely on the exit code and report files.
    #[arg(long, short)]
    quiet: bool,

    /// List passed requirements one by one, not just their count.
    #[arg(long, short)]
    verbose: bool,

    /// Threads checking files and requirements in parallel (0: one per core). The output is the
    /// same for any number; `--jobs 1` uses the least memory.
    #[arg(long, short, value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// Check only shard K of N (e.g. 2/4), for a CI matrix or GitLab `parallel:`: the files of
    /// the per-file requirements (PRIVACY-HETU, DOC-*, FHIR-*) are split by a stable hash of
    /// their path; shard 1 also runs every other requirement. Write each shard's --json and
    /// join them with `valmis merge`; waivers and baselines belong to the merge.
    #[arg(long, value_name = "K/N", value_parser = parse_partition)]
    partition: Option<(u32, u32)>,
}

fn parse_partition(text: &str) -> Result<(u32, u32), String> {
    let (shard, shards) = text.split_once('/').ok_or_else(|| format!("`{text}` is not K/N (like 2/4)"))?;
    let shard: u32 = shard.trim().parse().map_err(|_| format!("`{text}`: K is not a number"))?;
    let shards: u32 = shards.trim().parse().map_err(|_| format!("`{text}`: N is not a number"))?;
    if shards == 0 || shard == 0 || shard > shards || shards > 1000 {
        return Err(format!("`{text}`: K/N needs 1 <= K <= N <= 1000"));
    }
    Ok((shard, shards))
}

/// The reports a run writes, and what they are compared with (shared by verify and merge).
#[derive(Debug, Args)]
struct ReportArgs {
    /// Write JUnit XML to FILE (atomically; parent folders are created).
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,

    /// Write the report as JSON to FILE (same content as the JUnit XML).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// Write SARIF 2.1.0 to FILE, for GitHub code scanning and other SARIF viewers: one rule per
    /// requirement (ruleId = requirement id), one result per finding, repository-relative paths.
    #[arg(long, value_name = "FILE")]
    sarif: Option<PathBuf>,

    /// Write a GitLab Code Quality report to FILE (`artifacts:reports:codequality`), kept under
    /// GitLab's 30 MB limit with a last entry counting what did not fit.
    #[arg(long, value_name = "FILE")]
    gitlab_codequality: Option<PathBuf>,

    /// Waivers (TOML, format 1): accepted problems with a requirement id, a subject glob, a
    /// reason, a ticket and an expiry date. An active waiver turns what it matches into skipped
    /// with its reason; an expired one fails ("waiver expired"); an unused one warns. Every
    /// report lists the waivers (as `WAIVERS` outcomes).
    #[arg(long, value_name = "FILE")]
    waivers: Option<PathBuf>,

    /// An earlier run's JSON report (--json, format 1): the reports then say what changed since,
    /// namely requirements and subjects newly failing, fixed, and gone.
    #[arg(long, value_name = "PREVIOUS.json")]
    baseline: Option<PathBuf>,

    /// Write a self-contained HTML report to FILE: one file with no network access, verdict at
    /// the top, a table per area, each finding with its snippet, filter by status (works with
    /// JavaScript off).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,

    /// Write a Markdown summary to FILE: verdict, counts per area, failed requirements and
    /// their findings, under 1 MiB. Under GitHub Actions (GITHUB_ACTIONS=true) the same summary
    /// is appended to $GITHUB_STEP_SUMMARY and the findings become annotations, worst first.
    #[arg(long, value_name = "FILE")]
    summary_md: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RequirementsArgs {
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Round to list (default: the newest in the catalog).
    #[arg(long)]
    round: Option<String>,
    /// Only requirements that apply to this service id (e.g. omatietovaranto). With
    /// --coverage: the service whose cases to show instead of the manifest's.
    #[arg(long, value_name = "SERVICE")]
    service: Option<String>,
    /// Instead of the requirements, show the pre-test coverage of BUNDLE: every declared case
    /// of its services with the result its report gives. Exit code 0 when every mandatory case
    /// passed (or is an allowed not-applicable), 1 otherwise.
    #[arg(long, value_name = "BUNDLE")]
    coverage: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// Requirement id, e.g. BUNDLE-ORG, or pre-test case id, e.g. PA-01 (case-insensitive).
    id: String,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Round whose catalog to read (default: the newest).
    #[arg(long)]
    round: Option<String>,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Folder to create; it must not exist or be empty.
    dir: PathBuf,
    /// Services to prepare forms for (default: potilastiedon-arkisto).
    #[arg(long = "service", value_name = "SERVICE")]
    services: Vec<String>,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Debug, Args)]
struct PackArgs {
    /// The bundle folder (with manifest.toml at its root).
    dir: PathBuf,
    /// The zip to write (replaced atomically when it exists).
    #[arg(short = 'o', long = "output", value_name = "ZIP")]
    output: PathBuf,
}

/// A usage problem: reported on one line, exit code 2.
#[derive(Debug)]
struct UsageError(String);

/// Runs the command line and returns the exit code.
pub(crate) fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { exit::USAGE } else { exit::READY };
            let _ = error.print();
            return code;
        }
    };
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let lang = language(cli.lang);
    let result = match cli.command {
        Command::Verify(args) => verify(args, color, lang),
        Command::Requirements(args) => requirements(args, lang),
        Command::Explain(args) => explain(args, lang).map(|()| exit::READY),
        Command::Init(args) => init(args).map(|()| exit::READY),
        Command::Pack(args) => pack(args).map(|()| exit::READY),
        Command::Probe(args) => probe(args),
        Command::Run(args) => run_harness(args, color),
        Command::Merge(args) => merge(args, color),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            match error.downcast_ref::<UsageError>() {
                Some(UsageError(message)) => say_err!("valmis: error: {message}"),
                None => say_err!("valmis: error: {error:#}"),
            }
            exit::USAGE
        }
    }
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

fn load_catalogs(args: &CatalogArgs) -> anyhow::Result<CatalogSet> {
    let set = match &args.catalog {
        Some(dir) => CatalogSet::load_dir(dir),
        None => CatalogSet::embedded(),
    };
    set.map_err(|error| usage(format!("invalid catalog: {error}")))
}

fn pick_round<'c>(set: &'c CatalogSet, round: Option<&str>) -> anyhow::Result<&'c Catalog> {
    match round {
        Some(round) => set
            .get(round)
            .ok_or_else(|| usage(format!("no catalog for round `{round}`; known: {}", set.round_ids().join(", ")))),
        None => set.latest().ok_or_else(|| usage("the catalog holds no round")),
    }
}

fn parse_now(text: Option<&str>) -> anyhow::Result<Timestamp> {
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

/// A report sink that renders to text.
type Render = fn(&Report, &PathOptions) -> String;

/// Paths in reports relative to the repository: CI's workspace, else the working directory.
fn path_options() -> PathOptions {
    let root = ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        .or_else(|| std::env::current_dir().ok().map(|dir| dir.display().to_string()));
    PathOptions { root }
}

fn verify(args: VerifyArgs, color: bool, lang: Lang) -> anyhow::Result<u8> {
    let now = parse_now(args.now.as_deref())?;
    let catalogs = load_catalogs(&args.catalog)?;
    if args.partition.is_some() && (args.reports.waivers.is_some() || args.reports.baseline.is_some()) {
        return Err(usage(
            "--waivers and --baseline apply to the whole report: give them to `valmis merge`, not to a --partition run",
        ));
    }
    // Waivers and the baseline are read before anything is checked: a bad file stops at once.
    let post = Post::read(&args.reports)?;
    let display = args.bundle.display().to_string();
    let bundle = open_bundle(&args.bundle, &display)?;
    let probe = if args.online {
        let targets = crate::probe::targets(&bundle, &catalogs)?;
        let keys = crate::probe::read_keys(&args.client_key, &targets)?;
        Some(crate::probe::run(&targets, &keys, args.probe_timeout, !args.quiet)?)
    } else {
        None
    };
    let cda_schema = match &args.cda_schema {
        Some(path) => {
            Some(valmis_model::SchemaFiles::read(path).map_err(|message| usage(format!("--cda-schema: {message}")))?)
        }
        None => None,
    };
    let options = VerifyOptions {
        cda_schema,
        now,
        strict: args.strict,
        only: args.only,
        skip: args.skip,
        probe,
        threads: args.jobs,
        partition: args.partition,
        lang,
        timestamps: args.timestamps,
    };
    let report = valmis_checks::verify(&bundle, &catalogs, &options).map_err(|error| usage(error.to_string()))?;
    finish(report, &args.reports, post, now, Show { quiet: args.quiet, verbose: args.verbose, color })
}

/// Opens the bundle `verify` checks: a folder or zip with manifest.toml at its root. Anything
/// else is a usage error with its one cause, before a report is written: checking a folder that
/// is not a bundle (`valmis verify` in the wrong directory) would only bury that cause.
fn open_bundle(path: &Path, display: &str) -> anyhow::Result<Bundle> {
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

/// Waivers and baseline, read before the run.
struct Post {
    waivers: Option<(String, Vec<valmis_model::Waiver>)>,
    baseline: Option<(String, String)>,
}

impl Post {
    fn read(reports: &ReportArgs) -> anyhow::Result<Self> {
        let waivers = match &reports.waivers {
            Some(path) => {
                let file = path.display().to_string();
                let text = std::fs::read_to_string(path)
                    .map_err(|error| usage(format!("cannot read waivers `{file}`: {error}")))?;
                let waivers = valmis_model::parse_waivers(&file, &text)
                    .map_err(|error| usage(format!("invalid waivers: {error}")))?;
                Some((file, waivers))
            }
            None => None,
        };
        let baseline = match &reports.baseline {
            Some(path) => {
                let file = path.display().to_string();
                let text = std::fs::read_to_string(path)
                    .map_err(|error| usage(format!("cannot read baseline `{file}`: {error}")))?;
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
        report.baseline = Some(valmis_model::compare_with_baseline(&report, text, file).map_err(usage)?);
        report.make_safe();
    }
    if let Some(path) = &reports.junit {
        crate::output::write_atomically_with(path, |out| Ok(valmis_report::write_junit(&report, out)?))
            .map_err(|error| usage(format!("{error:#}")))?;
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
            crate::output::write_atomically(path, render(&report, &paths).as_bytes())
                .map_err(|error| usage(format!("{error:#}")))?;
        }
    }
    if std::env::var_os("GITHUB_ACTIONS").is_some_and(|value| value == "true") {
        crate::output::github(&report, &paths)?;
    }
    if !show.quiet {
        let text = valmis_report::render_human(&report, HumanOptions { color: show.color, verbose: show.verbose });
        let mut stdout = anstream::AutoStream::new(
            std::io::stdout(),
            if show.color { anstream::ColorChoice::Always } else { anstream::ColorChoice::Never },
        );
        match crate::terminal::write_raw_safe(&mut stdout, &text, show.color) {
            // The reader went away (`| head`): the verdict still decides the exit code.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.context("failed to write to standard output")?,
        }
    }
    Ok(if report.is_ready() { exit::READY } else { exit::NOT_READY })
}

fn merge(args: MergeArgs, color: bool) -> anyhow::Result<u8> {
    let post = Post::read(&args.reports)?;
    let mut shards = Vec::new();
    for path in &args.shards {
        let file = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|error| usage(format!("cannot read shard `{file}`: {error}")))?;
        shards.push((file, text));
    }
    let report = valmis_report::merge_json_reports(&shards).map_err(usage)?;
    let now: Timestamp = report
        .meta
        .now
        .parse()
        .map_err(|_| usage(format!("the shards' `now` `{}` is not a timestamp", report.meta.now)))?;
    let mut reports = args.reports;
    reports.json = Some(args.out);
    finish(report, &reports, post, now, Show { quiet: args.quiet, verbose: args.verbose, color })
}

fn probe(args: ProbeArgs) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    let display = args.bundle.display().to_string();
    let bundle = Bundle::open(&args.bundle, &display, Limits::default()).map_err(|error| usage(error.to_string()))?;
    let targets = crate::probe::select(crate::probe::targets(&bundle, &catalogs)?, &args.endpoint)?;
    let keys = crate::probe::read_keys(&args.client_key, &targets)?;
    let results = crate::probe::run(&targets, &keys, args.timeout, !args.json)?;
    crate::probe::print(&results, args.json)?;
    Ok(if results.iter().all(|result| result.failure.is_none()) { exit::READY } else { exit::NOT_READY })
}

fn run_harness(args: RunArgs, color: bool) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    let key = crate::probe::read_key(args.client_key.as_deref())?;
    match valmis_ids::Hetu::parse(&args.test_person) {
        Ok(hetu) if hetu.is_test_identity() => {}
        _ => return Err(usage("--test-person must be a valid test identity code (individual number 900-999)")),
    }
    let (report, all_passed) = crate::run::run(crate::run::RunRequest {
        bundle: &args.bundle,
        catalogs: &catalogs,
        endpoint: &args.endpoint,
        key,
        cases_dir: args.cases.as_deref(),
        only: &args.only,
        test_person: &args.test_person,
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        retries: args.retries,
        max_body: usize::try_from(args.max_body).unwrap_or(usize::MAX).saturating_mul(1024 * 1024),
    })?;
    let mut report = report;
    report.make_safe();
    if let Some(path) = &args.junit {
        crate::output::write_atomically_with(path, |out| Ok(valmis_report::write_junit(&report, out)?))
            .map_err(|error| usage(format!("{error:#}")))?;
    }
    let text = valmis_report::render_human(&report, HumanOptions { color, verbose: true });
    crate::terminal::write_raw_safe(&mut std::io::stdout(), &text, color)
        .context("failed to write to standard output")?;
    Ok(if all_passed { exit::READY } else { exit::NOT_READY })
}

fn requirements(args: RequirementsArgs, lang: Lang) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    if let Some(bundle) = &args.coverage {
        return crate::coverage::show(bundle, &catalogs, args.service.as_deref(), args.json);
    }
    let catalog = pick_round(&catalogs, args.round.as_deref())?;
    if let Some(service) = &args.service
        && catalog.service(service).is_none()
    {
        let known: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
        return Err(usage(format!("unknown service `{service}`; services are {}", known.join(", "))));
    }
    let rows: Vec<[String; 5]> = catalog
        .requirements
        .iter()
        .filter(|r| args.service.as_ref().is_none_or(|s| r.services.is_empty() || r.services.contains(s)))
        .map(|r| {
            let services = if r.services.is_empty() { "all".to_owned() } else { r.services.join(",") };
            [
                r.id.clone(),
                r.area.as_str().to_owned(),
                r.severity.as_str().to_owned(),
                services,
                r.texts(lang).0.to_owned(),
            ]
        })
        .collect();
    let headers = ["ID", "AREA", "SEVERITY", "SERVICES", "TITLE"];
    let widths: Vec<usize> = (0..4)
        .map(|i| rows.iter().map(|row| row[i].chars().count()).chain([headers[i].len()]).max().unwrap_or(0))
        .collect();
    if args.json {
        let listed: Vec<_> = catalog
            .requirements
            .iter()
            .filter(|r| args.service.as_ref().is_none_or(|s| r.services.is_empty() || r.services.contains(s)))
            .collect();
        say!("{}", serde_json::to_string_pretty(&listed).context("requirements as JSON")?);
        return Ok(exit::READY);
    }
    say!("Round {}: {} ({} catalog)\n", catalog.round.id, catalog.round.title, catalogs.origin);
    let print_row = |cells: [&str; 5]| {
        say!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {:<w3$}  {}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
    };
    print_row(headers);
    for row in &rows {
        print_row([&row[0], &row[1], &row[2], &row[3], &row[4]]);
    }
    say!("\n{} requirements. `valmis explain ID` tells more about one.", rows.len());
    Ok(exit::READY)
}

fn explain(args: ExplainArgs, lang: Lang) -> anyhow::Result<()> {
    let catalogs = load_catalogs(&args.catalog)?;
    let catalog = pick_round(&catalogs, args.round.as_deref())?;
    // A JUnit test case name pasted as it is: `PRETEST-RESULT: PA-03` or
    // `DOC-OID: documents/a.xml` explains the requirement, and the pre-test case when there is one.
    let (id, subject) = match args.id.split_once(':') {
        Some((id, subject)) => (id.trim(), Some(subject.trim())),
        None => (args.id.trim(), None),
    };
    let wanted = id.to_ascii_uppercase();
    if catalog.requirement(&wanted).is_none()
        && let Some(case) = catalog.pretest_case(id)
    {
        return explain_case(catalog, case, catalogs.origin == "embedded");
    }
    let Some(requirement) = catalog.requirement(&wanted) else {
        let near = catalog
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| id.contains(&wanted) || wanted.contains(id.split('-').next().unwrap_or_default()))
            .collect::<Vec<_>>();
        let hint = if near.is_empty() { String::new() } else { format!("; similar: {}", near.join(", ")) };
        return Err(usage(format!(
            "no requirement `{}` in round {}{hint} (`valmis requirements` lists them)",
            id, catalog.round.id
        )));
    };
    let case = subject.and_then(|subject| catalog.pretest_case(subject));
    let services = if requirement.services.is_empty() {
        lang.pick("every submission", "kaikki lähetykset").to_owned()
    } else {
        requirement.services.join(", ")
    };
    let (title, explanation, fix) = requirement.texts(lang);
    say!("{} — {title}\n", requirement.id);
    say!(
        "{}: {}    {}: {}    {}: {services}\n",
        lang.pick("area", "alue"),
        requirement.area.as_str(),
        lang.pick("severity", "vakavuus"),
        requirement.severity.as_str(),
        lang.pick("applies to", "koskee")
    );
    say!("{}\n{}\n", lang.pick("What it checks and why:", "Mitä tarkistetaan ja miksi:"), indent(explanation));
    say!("{}\n{}\n", lang.pick("How to fix a failure:", "Näin korjaat:"), indent(fix));
    explain_round_data(catalog, &requirement.id, lang);
    say!("{}: {}", lang.pick("Reference", "Lähde"), requirement.reference);
    // The built-in catalog is not a file the user has: name the round, and how to see its data.
    if catalogs.origin == "embedded" {
        say!(
            "{}: {} {} ({})",
            lang.pick("Catalog", "Katalogi"),
            lang.pick("built into valmis, round", "valmisiin sisäänrakennettu, kierros"),
            catalog.round.id,
            lang.pick("`valmis requirements` lists it", "`valmis requirements` listaa sen")
        );
    } else {
        say!(
            "{}: {} ({} {})",
            lang.pick("Catalog", "Katalogi"),
            catalog.source,
            lang.pick("round", "kierros"),
            catalog.round.id
        );
    }
    if let Some(case) = case {
        say!();
        explain_case(catalog, case, catalogs.origin == "embedded")?;
    }
    Ok(())
}

/// The catalog data a requirement judges by, so that `explain` shows the rule's actual values.
fn explain_round_data(catalog: &Catalog, id: &str, lang: Lang) {
    let round = &catalog.round;
    let lists: Vec<(&str, Vec<String>)> = match id {
        "CERT-ISSUER" => vec![
            ("test_ca_names", round.test_ca_names.clone()),
            ("test_ca_units", round.test_ca_units.clone()),
            ("professional_ca_names", round.professional_ca_names.clone()),
            ("professional_ca_units", round.professional_ca_units.clone()),
            ("production_ca_names", round.production_ca_names.clone()),
        ],
        "DOC-OID" => vec![(
            "[[sample_oid]]",
            catalog.sample_oids.iter().map(|sample| format!("{} ({})", sample.oid, sample.source)).collect(),
        )],
        _ => return,
    };
    say!("{}", lang.pick("Catalog data of this round:", "Tämän kierroksen katalogidata:"));
    for (name, values) in lists {
        say!("  {name}:");
        if values.is_empty() {
            say!("    {}", lang.pick("(none)", "(ei yhtään)"));
        }
        for value in values {
            say!("    {value}");
        }
    }
    say!();
}

/// `valmis explain PA-01`: a pre-test case declaration.
fn explain_case(catalog: &Catalog, case: &valmis_model::PretestCase, built_in: bool) -> anyhow::Result<()> {
    let kind = match (case.mandatory, case.not_applicable_allowed) {
        (true, false) => "mandatory",
        (true, true) => "mandatory; not-applicable allowed with a note",
        (false, _) => "optional",
    };
    say!("{} — {}\n", case.id, case.title);
    say!("pre-test case of {}    {kind}\n", case.service);
    say!("What it exercises:\n{}\n", indent(&case.exercises));
    let evidence: Vec<&str> = case.evidence.iter().map(|kind| kind.as_str()).collect();
    let evidence = if evidence.is_empty() { "none beyond the row".to_owned() } else { evidence.join(", ") };
    say!("Evidence a passed run must show: {evidence} (`valmis explain PRETEST-EVIDENCE`)");
    say!("Test person in the row: {}", if case.test_person { "required" } else { "not needed" });
    if built_in {
        say!(
            "Declared in: the built-in case list of {} (round {}; `valmis requirements --coverage BUNDLE` shows every case)",
            case.service,
            catalog.round.id
        );
    } else {
        say!("Declared in: {}:{} (round {})", case.source, case.line, catalog.round.id);
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.trim().lines().map(|line| format!("  {line}")).collect::<Vec<_>>().join("\n")
}

fn init(args: InitArgs) -> anyhow::Result<()> {
    let catalogs = load_catalogs(&args.catalog)?;
    let catalog = pick_round(&catalogs, None)?;
    let services = if args.services.is_empty() { vec!["potilastiedon-arkisto".to_owned()] } else { args.services };
    for service in &services {
        if catalog.service(service).is_none() {
            let known: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
            return Err(usage(format!("unknown service `{service}`; services are {}", known.join(", "))));
        }
    }
    ensure_empty(&args.dir)?;
    let written = crate::init::write_skeleton(&args.dir, catalog, &services)?;
    say!("Wrote a bundle skeleton to {}:", args.dir.display());
    for file in written {
        say!("  {file}");
    }
    say!("\nFill in every TODO, add your forms, then run: valmis verify {}", args.dir.display());
    Ok(())
}

fn pack(args: PackArgs) -> anyhow::Result<()> {
    let packed = match crate::pack::pack(&args.dir, &args.output) {
        Ok(packed) => packed,
        Err(error) => {
            return Err(match error.downcast::<crate::pack::PackUsage>() {
                Ok(usage_error) => usage(usage_error.0),
                Err(error) => error,
            });
        }
    };
    if packed.digest_changes.is_empty() {
        say!("manifest.toml: [files] already lists every file with its digest");
    } else {
        say!("manifest.toml: [files] refreshed");
        for (path, change) in &packed.digest_changes {
            say!("  {change:<8} {path}");
        }
    }
    if !packed.left_out.is_empty() {
        say!("Left out of the zip:");
        for (path, reason) in &packed.left_out {
            say!("  {path}: {reason}");
        }
    }
    say!(
        "Wrote {} ({} files, {} KiB). Check what Kela will receive: valmis verify {}",
        args.output.display(),
        packed.files.len(),
        packed.zip_bytes.div_ceil(1024),
        args.output.display()
    );
    Ok(())
}

fn ensure_empty(dir: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(usage(format!(
                    "`{}` already exists and is not empty; init never overwrites files",
                    dir.display()
                )));
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(usage(format!("cannot use `{}`: {error}", dir.display()))),
    }
}
