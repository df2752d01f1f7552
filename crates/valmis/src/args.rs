//! The arguments of each command (clap): what `--help` teaches. The commands read them; nothing
//! here runs anything.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// Where to write the merged JSON report.
    pub(crate) out: PathBuf,
    /// The shards' JSON reports (--json of each `verify --partition K/N` run).
    #[arg(required = true)]
    pub(crate) shards: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) reports: ReportArgs,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// List passed requirements one by one, not just their count.
    #[arg(long, short)]
    pub(crate) verbose: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// The bundle folder (evidence and the report are written into it).
    #[arg(default_value = ".")]
    pub(crate) bundle: PathBuf,
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
    /// Endpoint name of connection/connection.toml to run against.
    #[arg(long, value_name = "NAME")]
    pub(crate) endpoint: String,
    /// Private key of the endpoint's client certificate (PEM or DER). Read once, never printed.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "FILE")]
    pub(crate) client_key: Option<PathBuf>,
    /// Harness cases from DIR instead of the built-in ones of the bundle's round.
    #[arg(long, value_name = "DIR")]
    pub(crate) cases: Option<PathBuf>,
    /// Run only these case ids; repeatable or comma-separated (`--case PA-01,PA-03`).
    #[arg(long = "case", value_name = "ID", value_delimiter = ',')]
    pub(crate) only: Vec<String>,
    /// Test identity code the templates use ({{test_person}}).
    #[arg(long, value_name = "CODE", default_value = "010181-900C")]
    pub(crate) test_person: String,
    /// Seconds (1 to 86400) to wait for each step.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = seconds)]
    pub(crate) timeout: u64,
    /// Extra attempts (0 to 100) after a transport error (never after an answer).
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = retries)]
    pub(crate) retries: u32,
    /// Read at most MIB mebibytes of each answer's body: a longer answer fails its step, and its
    /// first MIB MiB are kept as evidence.
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = max_body)]
    pub(crate) max_body: u32,
    /// Write JUnit XML (one test case per harness case) to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) junit: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ProbeArgs {
    /// The bundle: a directory or a .zip file.
    #[arg(default_value = ".")]
    pub(crate) bundle: PathBuf,
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
    /// Private key of the client certificates (PEM or DER): FILE for every endpoint, or
    /// NAME=FILE for endpoint NAME (repeat for endpoints with different certificates). Read
    /// once, never printed.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "[NAME=]FILE")]
    pub(crate) client_key: Vec<String>,
    /// Probe only the endpoint NAME of connection.toml (repeatable; default: every endpoint).
    #[arg(long, value_name = "NAME")]
    pub(crate) endpoint: Vec<String>,
    /// Seconds (1 to 86400) to wait for each of connect, TLS handshake and HTTP answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = seconds)]
    pub(crate) timeout: u64,
    /// Print JSON instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CatalogArgs {
    /// Use the catalog(s) in DIR instead of the built-in one: a folder with catalog.toml, or a
    /// folder with one sub-folder per round (like testcases/).
    #[arg(long, value_name = "DIR")]
    pub(crate) catalog: Option<PathBuf>,
}

/// The most threads `--jobs` takes. Work stealing costs grow with the square of the threads
/// (rayon's epoch-based deques): on 2 cores, the ready bundle took 0.02 s with 2 threads, 0.22 s
/// with 256, 2.2 s with 1,000 and 105 s with 10,000, and 30,000 aborted the process.
const MAX_JOBS: u16 = 256;

#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// The bundle: a directory or a .zip file.
    #[arg(default_value = ".")]
    pub(crate) bundle: PathBuf,

    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,

    #[command(flatten)]
    pub(crate) reports: ReportArgs,

    /// The instant all date rules use, RFC 3339 (2026-11-23T09:00:00Z) or a date (2026-11-23,
    /// meaning midnight UTC); a time needs its offset (`Z` or +02:00). Defaults to the clock; set
    /// it in CI for reproducible reports.
    #[arg(long, env = "VALMIS_NOW", value_name = "RFC3339")]
    pub(crate) now: Option<String>,

    /// Allow checks that use the network: CONN-PROBE makes a real mutual-TLS handshake and an
    /// HTTP GET to every endpoint of connection/connection.toml, presenting its client
    /// certificate with the key from --client-key. Without it they are skipped, never failed.
    #[arg(long)]
    pub(crate) online: bool,

    /// Private key of the client certificates (PEM or DER), for --online: FILE for every
    /// endpoint, or NAME=FILE for endpoint NAME (repeatable). Read once, never copied into a
    /// report; it must not be in the bundle.
    #[arg(long, env = "VALMIS_CLIENT_KEY", value_name = "[NAME=]FILE")]
    pub(crate) client_key: Vec<String>,

    /// Seconds (1 to 86400) to wait for each of connect, TLS handshake and HTTP answer, with --online.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = seconds)]
    pub(crate) probe_timeout: u64,

    /// Validate CDA documents (DOC-SCHEMA) against this XML Schema set instead of the round's
    /// (Kela's CDA_Fi.xsd, built in): a folder holding CDA_Fi.xsd, or the entry .xsd itself;
    /// every .xsd of its folder is read. Nothing is downloaded.
    #[arg(long, value_name = "DIR|FILE")]
    pub(crate) cda_schema: Option<PathBuf>,

    /// Treat warnings as blocking.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Write measured durations as JUnit `time` (and in the JSON). Without it every `time` is 0,
    /// so the same bundle gives the same report bytes.
    #[arg(long)]
    pub(crate) timestamps: bool,

    /// Run only requirements whose id matches PATTERN (`*` globs, e.g. 'BUNDLE-*'); repeatable or
    /// comma-separated ('BUNDLE-*,CERT-*').
    #[arg(long, value_name = "PATTERN", value_delimiter = ',')]
    pub(crate) only: Vec<String>,

    /// Skip requirements whose id matches PATTERN (`*` globs); repeatable or comma-separated.
    #[arg(long, value_name = "PATTERN", value_delimiter = ',')]
    pub(crate) skip: Vec<String>,

    /// Print nothing on standard output; rely on the exit code and report files.
    #[arg(long, short)]
    pub(crate) quiet: bool,

    /// List passed requirements one by one, not just their count.
    #[arg(long, short)]
    pub(crate) verbose: bool,

    /// Threads checking files and requirements, and writing JUnit, in parallel (0: one per
    /// core; at most 256). The output is the same for any number; `--jobs 1` uses the least
    /// memory.
    #[arg(long, short, value_name = "N", default_value_t = 0, value_parser = jobs)]
    pub(crate) jobs: u16,

    /// Check only shard K of N (e.g. 2/4), for a CI matrix or GitLab `parallel:`: the files of
    /// the per-file requirements (PRIVACY-HETU, DOC-*, FHIR-*) are split by a stable hash of
    /// their path; shard 1 also runs every other requirement. Write each shard's --json and
    /// join them with `valmis merge`; waivers and baselines belong to the merge.
    #[arg(long, value_name = "K/N", value_parser = parse_partition)]
    pub(crate) partition: Option<(u32, u32)>,
}

/// Seconds to wait: at least one, at most a day.
fn seconds(text: &str) -> Result<u64, String> {
    crate::parse_error::number(text, 1, 86_400)
}

fn retries(text: &str) -> Result<u32, String> {
    crate::parse_error::number(text, 0, 100)
}

fn max_body(text: &str) -> Result<u32, String> {
    crate::parse_error::number(text, 1, 1024)
}

fn jobs(text: &str) -> Result<u16, String> {
    crate::parse_error::number(text, 0, MAX_JOBS)
}

fn parse_partition(text: &str) -> Result<(u32, u32), String> {
    use crate::lang::tr;
    let (shard, shards) = text.split_once('/').ok_or_else(|| tr!("cli-partition-not-k-n", text = text))?;
    let shard: u32 = shard.trim().parse().map_err(|_| tr!("cli-partition-k", text = text))?;
    let shards: u32 = shards.trim().parse().map_err(|_| tr!("cli-partition-n", text = text))?;
    if shards == 0 || shard == 0 || shard > shards || shards > 1000 {
        return Err(tr!("cli-partition-range", text = text));
    }
    Ok((shard, shards))
}

/// The reports a run writes, and what they are compared with (shared by verify and merge).
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Write JUnit XML to FILE (atomically; parent folders are created), or to a stream: `-` is
    /// standard output, and the verdict then goes to standard error.
    #[arg(long, value_name = "FILE")]
    pub(crate) junit: Option<PathBuf>,

    /// Write the report as JSON to FILE (same content as the JUnit XML); `-` is standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) json: Option<PathBuf>,

    /// Write SARIF 2.1.0 to FILE, for GitHub code scanning and other SARIF viewers: one rule per
    /// requirement (ruleId = requirement id), one result per finding, repository-relative paths.
    #[arg(long, value_name = "FILE")]
    pub(crate) sarif: Option<PathBuf>,

    /// Write a GitLab Code Quality report to FILE (`artifacts:reports:codequality`), kept under
    /// GitLab's 30 MB limit with a last entry counting what did not fit.
    #[arg(long, value_name = "FILE")]
    pub(crate) gitlab_codequality: Option<PathBuf>,

    /// Waivers (TOML, format 1): accepted problems with a requirement id, a subject glob, a
    /// reason, a ticket and an expiry date. An active waiver turns what it matches into skipped
    /// with its reason; an expired one fails ("waiver expired"); an unused one warns. Every
    /// report lists the waivers (as `WAIVERS` outcomes).
    #[arg(long, value_name = "FILE")]
    pub(crate) waivers: Option<PathBuf>,

    /// An earlier run's JSON report (--json, format 1): the reports then say what changed since,
    /// namely requirements and subjects newly failing, fixed, and gone.
    #[arg(long, value_name = "PREVIOUS.json")]
    pub(crate) baseline: Option<PathBuf>,

    /// Write a self-contained HTML report to FILE: one file with no network access, verdict at
    /// the top, a table per area, each finding with its snippet, filter by status (works with
    /// JavaScript off).
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,

    /// Write a Markdown summary to FILE: verdict, counts per area, failed requirements and
    /// their findings, under 1 MiB. Under GitHub Actions (GITHUB_ACTIONS=true) the same summary
    /// is appended to $GITHUB_STEP_SUMMARY and the findings become annotations, worst first.
    #[arg(long, value_name = "FILE")]
    pub(crate) summary_md: Option<PathBuf>,
}

impl ReportArgs {
    /// The report files asked for, each with its option.
    pub(crate) fn outputs(&self) -> Vec<(&'static str, &std::path::Path)> {
        [
            ("--junit", &self.junit),
            ("--json", &self.json),
            ("--sarif", &self.sarif),
            ("--gitlab-codequality", &self.gitlab_codequality),
            ("--html", &self.html),
            ("--summary-md", &self.summary_md),
        ]
        .into_iter()
        .filter_map(|(flag, path)| path.as_deref().map(|path| (flag, path)))
        .collect()
    }
}

#[derive(Debug, Args)]
pub(crate) struct RequirementsArgs {
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
    /// Round to list (default: the newest in the catalog).
    #[arg(long)]
    pub(crate) round: Option<String>,
    /// Only requirements that apply to this service id (e.g. omatietovaranto). With
    /// --coverage: the service whose cases to show instead of the manifest's.
    #[arg(long, value_name = "SERVICE")]
    pub(crate) service: Option<String>,
    /// Only the requirements a submission of this kind belongs to: registration,
    /// access-application or change-notification (with --role: by that role).
    #[arg(long, value_name = "KIND")]
    pub(crate) kind: Option<String>,
    /// With --kind: who submits, vendor (default) or customer-organisation.
    #[arg(long, value_name = "ROLE", requires = "kind")]
    pub(crate) role: Option<String>,
    /// Instead of the requirements, show the pre-test coverage of BUNDLE: every declared case
    /// of its services with the result its report gives. Exit code 0 when every mandatory case
    /// passed (or is an allowed not-applicable), 1 otherwise.
    #[arg(long, value_name = "BUNDLE")]
    pub(crate) coverage: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
    /// Print the table as Markdown (docs/requirements.md carries it, and a test keeps it current).
    #[arg(long, conflicts_with = "json")]
    pub(crate) markdown: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Requirement id, e.g. BUNDLE-ORG, or pre-test case id, e.g. PA-01 (case-insensitive).
    pub(crate) id: String,
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
    /// Round whose catalog to read (default: the newest).
    #[arg(long)]
    pub(crate) round: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Folder to create; it must not exist or be empty.
    pub(crate) dir: PathBuf,
    /// Services to prepare forms for (default: potilastiedon-arkisto); repeatable or comma-separated
    /// (`--service eresepti,omatietovaranto`).
    #[arg(long = "service", value_name = "SERVICE", value_delimiter = ',')]
    pub(crate) services: Vec<String>,
    /// The submission: registration (default), access-application or change-notification.
    #[arg(long, value_name = "KIND", default_value = "registration")]
    pub(crate) kind: String,
    /// Who submits: vendor (default) or customer-organisation.
    #[arg(long, value_name = "ROLE", default_value = "vendor")]
    pub(crate) role: String,
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct PackArgs {
    /// The bundle folder (with manifest.toml at its root).
    pub(crate) dir: PathBuf,
    /// The zip to write (replaced atomically when it exists).
    #[arg(short = 'o', long = "output", value_name = "ZIP")]
    pub(crate) output: PathBuf,
}
