//! The requirement catalog of a co-testing round: round facts (dates, test CA names, limits),
//! services, forms, and one entry per requirement. Loaded from `testcases/<round>/catalog.toml`
//! (embedded) or a user's directory, and validated with errors that point at `file:line:col`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::text::LineIndex;

mod embedded {
    /// Round id, `catalog.toml` text, and `(file name, text)` of each pre-test list.
    type Round = (&'static str, &'static str, &'static [(&'static str, &'static str)]);
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The catalog file format version this valmis reads.
pub const CATALOG_FORMAT: i64 = 1;

/// How bad a failed requirement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown; blocks only under `--strict`.
    Warning,
    /// Blocks: the bundle is not ready.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// The part of a submission a requirement is about; one JUnit suite each, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// Manifest, layout, hygiene, forms.
    Bundle,
    /// Personal data in any artefact.
    Privacy,
    /// Pre-test case report.
    Pretest,
    /// Connection configuration.
    Connection,
    /// Service certificates.
    Certificates,
    /// Sample clinical documents.
    Documents,
    /// Test cases run by `valmis run` (not a catalog area).
    Harness,
}

impl Area {
    /// Every area, in report order.
    pub const ALL: [Area; 7] = [
        Self::Bundle,
        Self::Privacy,
        Self::Pretest,
        Self::Connection,
        Self::Certificates,
        Self::Documents,
        Self::Harness,
    ];

    /// The lowercase name used in JUnit class names and suite names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bundle => "bundle",
            Self::Privacy => "privacy",
            Self::Pretest => "pretest",
            Self::Connection => "connection",
            Self::Certificates => "certificates",
            Self::Documents => "documents",
            Self::Harness => "harness",
        }
    }
}

/// How a requirement is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// By the valmis check that carries the requirement's id.
    Builtin,
    /// At least one bundle file matches `glob`.
    FileExists,
    /// In every XML file matching `glob`, the element or attribute at `path` exists (and its
    /// value matches `matches`, when given).
    Xml,
    /// In every JSON file matching `glob`, the value at JSON pointer `pointer` exists (and
    /// matches `matches`, when given).
    Json,
    /// No text file matching `glob` contains a match of `pattern`.
    TextAbsent,
    /// An external program (`command`) judges every file matching `glob`, by its exit code or
    /// its SVRL report.
    External,
}

/// How an external validator reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExternalOutput {
    /// Exit code 0 passes; messages like `-:12: ...` on standard error become findings at line 12.
    ExitCode,
    /// Standard output is an SVRL report: each failed assert and successful report is a finding.
    Svrl,
}

/// The parameters of a declared check (every kind but `builtin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Declared {
    /// Bundle-relative glob of the files it applies to.
    pub glob: Option<String>,
    /// XML path: `/ClinicalDocument/realmCode/@code`, or `//name` for any descendant.
    pub path: Option<String>,
    /// JSON pointer: `/meta/profile/0`.
    pub pointer: Option<String>,
    /// Regular expression the whole value must match.
    pub matches: Option<String>,
    /// Regular expression that must not occur (`text-absent`).
    pub pattern: Option<String>,
    /// Program and arguments (`external`); `{document}` is replaced by `-` and the document is
    /// given on standard input, `{catalog}` by the catalog's folder.
    pub command: Vec<String>,
    /// How the program reports (`external`; default `exit-code`).
    pub output: Option<ExternalOutput>,
}

/// One requirement of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// Stable id, e.g. `BUNDLE-ORG`: public API.
    pub id: String,
    /// Area (JUnit suite).
    pub area: Area,
    /// Severity of its findings.
    pub severity: Severity,
    /// Services it applies to; empty means every submission.
    pub services: Vec<String>,
    /// One line.
    pub title: String,
    /// What it checks and why.
    pub explanation: String,
    /// How to fix a failure.
    pub fix: String,
    /// Where the rule comes from.
    pub reference: String,
    /// The title, explanation and fix in Finnish (`[requirement.fi]`), when the catalog has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fi: Option<Texts>,
    /// How it is checked.
    pub check: CheckKind,
    /// Parameters of a declared check.
    pub declared: Declared,
    /// Line of its `[[requirement]]` entry, for error messages about it.
    #[serde(skip)]
    pub line: u32,
}

/// A requirement's texts in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// One line.
    pub title: String,
    /// What it checks and why.
    pub explanation: String,
    /// How to fix a failure.
    pub fix: String,
}

/// The language of a report's texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the catalog's main texts).
    #[default]
    En,
    /// Finnish (`[requirement.fi]`, where the catalog has it).
    Fi,
}

impl Lang {
    /// The language a locale names (`fi_FI.UTF-8` → Finnish); English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("fi") { Self::Fi } else { Self::En }
    }

    /// `en` or `fi`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fi => "fi",
        }
    }

    /// `english` in this language or `finnish` in it.
    pub fn pick(self, english: &'static str, finnish: &'static str) -> &'static str {
        match self {
            Self::En => english,
            Self::Fi => finnish,
        }
    }
}

impl Requirement {
    /// Title, explanation and fix in `lang`, falling back to English where a text is missing.
    pub fn texts(&self, lang: Lang) -> (&str, &str, &str) {
        match (lang, &self.fi) {
            (Lang::Fi, Some(fi)) => (&fi.title, &fi.explanation, &fi.fix),
            _ => (&self.title, &self.explanation, &self.fix),
        }
    }
}

/// A Kanta service a vendor registers for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    /// Service id used in manifests (`potilastiedon-arkisto`).
    pub id: String,
    /// Human name.
    pub title: String,
    /// Ids of the forms a registration for it must include.
    pub forms: Vec<String>,
    /// Whether a registration for it must include `connection/connection.toml`.
    pub connection: bool,
    /// Whether it needs a system-signature certificate (`[signing]` in connection.toml).
    pub signing_certificate: bool,
    /// Whether its traffic comes from public static addresses (Kanta PHR backends), so that
    /// private and loopback source addresses are wrong.
    pub public_source_ips: bool,
}

/// A registration form and the file names that count as it.
#[derive(Debug, Clone, Serialize)]
pub struct FormKind {
    /// Id used by services (`registration`).
    pub id: String,
    /// Human name, Finnish and English.
    pub title: String,
    /// Bundle-relative globs, matched case-insensitively (`forms/rekisteroitymislomake*`).
    pub patterns: Vec<String>,
    /// Compiled `patterns`.
    #[serde(skip)]
    pub matcher: globset::GlobSet,
}

/// Facts about the co-testing round that date and certificate rules use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    /// Round id, the folder name under `testcases/` (`2027-1`).
    pub id: String,
    /// Human title.
    pub title: String,
    /// First day of the co-testing period.
    pub starts: Date,
    /// Last day of the co-testing period.
    pub ends: Date,
    /// Whole months before `starts` by which registration must be in.
    pub registration_months_before_start: u8,
    /// Last day a registration counts as on time: `starts` minus the months above.
    pub registration_deadline: Date,
    /// Oldest a pre-test execution may be, in days before `--now`.
    pub pretest_max_age_days: u32,
    /// Certificates expiring within this many days of `--now` get a warning.
    pub certificate_expiry_margin_days: u32,
    /// Longest validity DVV gives a server certificate, in days.
    pub server_certificate_max_days: u32,
    /// Longest validity DVV gives a system-signature certificate, in days.
    pub signing_certificate_max_days: u32,
    /// Issuer names of DVV test CAs.
    pub test_ca_names: Vec<String>,
    /// Issuer names of production CAs (an error with its own message).
    pub production_ca_names: Vec<String>,
    /// Issuer names of the CAs of professionals' (personal) certificates, test and production:
    /// a person's card certificate where a service certificate belongs has its own message.
    pub professional_ca_names: Vec<String>,
    /// Organizational units (OU) of DVV's test service-certificate CAs: an issuer named like a
    /// DVV test CA in one of them is a test CA whatever its common name (DVV renames its CAs
    /// with each hierarchy; the unit names the certificate family).
    pub test_ca_units: Vec<String>,
    /// Organizational units of the CAs of professionals' cards.
    pub professional_ca_units: Vec<String>,
    /// Host globs of production endpoints that must never appear in a test configuration.
    pub production_host_patterns: Vec<String>,
}

/// An OID published as a sample value, with where it comes from (`[[sample_oid]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SampleOid {
    /// The OID; ids at or below it are sample values.
    pub oid: String,
    /// Where it is published as a sample, for the finding.
    pub source: String,
}

/// An XML Schema set: the entry document and every schema file beside it, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFiles {
    /// Where it comes from, as shown to users (`testcases/2027-1/schemas/kanta-cda/CDA_Fi.xsd`).
    pub origin: String,
    /// The entry document's path among `files`.
    pub entry: String,
    /// Every `.xsd` file of the entry's folder and below, by path relative to that folder.
    pub files: Vec<(String, String)>,
}

/// Most schema files one set may have, and the largest one read.
const MAX_SCHEMA_FILES: usize = 256;
const MAX_SCHEMA_BYTES: u64 = 16 * 1024 * 1024;

impl SchemaFiles {
    /// The text of the file at `location` (relative to the entry's folder).
    pub fn get(&self, location: &str) -> Option<&str> {
        self.files.iter().find(|(path, _)| path == location).map(|(_, text)| text.as_str())
    }

    /// Reads a schema set from disk: `path` is the entry `.xsd` file, or a folder holding
    /// `CDA_Fi.xsd`; every `.xsd` of the entry's folder (and below) is read.
    pub fn read(path: &Path) -> Result<Self, String> {
        let (folder, entry) = if path.is_dir() {
            if !path.join("CDA_Fi.xsd").is_file() {
                return Err(format!(
                    "`{}` holds no CDA_Fi.xsd: name the entry schema, like --cda-schema {}/CDA_Fi.xsd",
                    path.display(),
                    path.display()
                ));
            }
            (path.to_path_buf(), "CDA_Fi.xsd".to_owned())
        } else if path.is_file() {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let entry = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            (folder, entry)
        } else {
            return Err(format!("`{}` is neither a schema file nor a folder", path.display()));
        };
        let folder = if folder.as_os_str().is_empty() { Path::new(".").to_path_buf() } else { folder };
        let mut files = Vec::new();
        let mut pending = vec![folder.clone()];
        while let Some(dir) = pending.pop() {
            let entries =
                std::fs::read_dir(&dir).map_err(|error| format!("failed to read `{}`: {error}", dir.display()))?;
            for item in entries.filter_map(Result::ok) {
                let item_path = item.path();
                let kind = item.file_type().map_err(|error| format!("`{}`: {error}", item_path.display()))?;
                if kind.is_dir() {
                    pending.push(item_path);
                } else if kind.is_file() && item_path.extension().is_some_and(|ext| ext == "xsd") {
                    if files.len() >= MAX_SCHEMA_FILES {
                        return Err(format!("`{}` has more than {MAX_SCHEMA_FILES} schema files", folder.display()));
                    }
                    let size = item.metadata().map(|meta| meta.len()).unwrap_or(0);
                    if size > MAX_SCHEMA_BYTES {
                        return Err(format!("`{}` is larger than {MAX_SCHEMA_BYTES} bytes", item_path.display()));
                    }
                    let text = std::fs::read_to_string(&item_path)
                        .map_err(|error| format!("failed to read `{}`: {error}", item_path.display()))?;
                    let relative =
                        item_path.strip_prefix(&folder).unwrap_or(&item_path).to_string_lossy().replace('\\', "/");
                    files.push((relative, text));
                }
            }
        }
        files.sort();
        if !files.iter().any(|(path, _)| *path == entry) {
            return Err(format!("`{}` is not a .xsd file", folder.join(&entry).display()));
        }
        Ok(Self { origin: folder.join(&entry).display().to_string(), entry, files })
    }
}

/// A validated catalog of one round.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    /// The file it was read from, as shown in messages (`testcases/2027-1/catalog.toml`).
    pub source: String,
    /// Round facts.
    pub round: Round,
    /// Services, in file order.
    pub services: Vec<Service>,
    /// Forms, in file order.
    pub forms: Vec<FormKind>,
    /// Requirements, in file order.
    pub requirements: Vec<Requirement>,
    /// OIDs that specifications and reference implementations give as sample values, which a
    /// document must not carry (DOC-OID).
    pub sample_oids: Vec<SampleOid>,
    /// The CDA schema set DOC-SCHEMA validates against (`[round] cda_schema`), when the catalog
    /// names one.
    #[serde(skip)]
    pub cda_schema: Option<SchemaFiles>,
    /// Pre-test case lists (`pretest/<service>.toml`), by service id.
    pub pretest: Vec<crate::pretest::PretestList>,
    /// The folder a user's catalog was read from (for `{catalog}` in external commands); `None`
    /// for the embedded catalog.
    #[serde(skip)]
    pub dir: Option<std::path::PathBuf>,
    /// Upper-cased case id to its service and position in that service's list.
    #[serde(skip)]
    pub(crate) pretest_index: std::collections::HashMap<String, (String, usize)>,
}

impl Catalog {
    /// Parses and validates one `catalog.toml`. `source` is the path shown in errors.
    pub fn parse(source: &str, text: &str) -> Result<Self, CatalogError> {
        let raw: RawCatalog = toml::from_str(text).map_err(|error| {
            let message = error.message().trim_end().to_owned();
            CatalogError::at(source, text, error.span().map(|span| span.start), message)
        })?;
        Validator { source, text, problems: Vec::new() }.validate(raw)
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|requirement| requirement.id == id)
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|service| service.id == id)
    }

    /// The form kind with this id.
    pub fn form(&self, id: &str) -> Option<&FormKind> {
        self.forms.iter().find(|form| form.id == id)
    }
}

/// Every catalog available to a run, by round id.
#[derive(Debug, Clone)]
pub struct CatalogSet {
    /// `embedded` or the directory given with `--catalog`.
    pub origin: String,
    rounds: BTreeMap<String, Catalog>,
}

impl CatalogSet {
    /// The catalogs built into this valmis (`testcases/*/catalog.toml` at build time).
    pub fn embedded() -> Result<Self, CatalogError> {
        let mut rounds = BTreeMap::new();
        for (round, text, pretest) in embedded::EMBEDDED {
            let source = format!("testcases/{round}/catalog.toml");
            let mut catalog = Catalog::parse(&source, text)?;
            for (name, text) in *pretest {
                catalog.add_pretest(&format!("testcases/{round}/pretest/{name}"), text)?;
            }
            if let Some(schema) = &mut catalog.cda_schema {
                let files =
                    embedded::SCHEMAS.iter().filter(|(name, _)| name == round).flat_map(|(_, files)| files.iter());
                let files: Vec<(&str, &str)> = files.map(|(path, text)| (*path, *text)).collect();
                fill_schema(schema, &source, &format!("testcases/{round}"), |relative| {
                    Ok(files
                        .iter()
                        .filter(|(path, _)| path.starts_with(relative))
                        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
                        .collect())
                })?;
            }
            rounds.insert(catalog.round.id.clone(), catalog);
        }
        Ok(Self { origin: "embedded".to_owned(), rounds })
    }

    /// A user's catalog directory: either one round (it holds `catalog.toml`) or a `testcases/`
    /// style folder with one sub-folder per round.
    pub fn load_dir(dir: &Path) -> Result<Self, CatalogError> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|error| {
                CatalogError::whole_file(path.display().to_string(), format!("failed to read catalog: {error}"))
            })
        };
        let mut files = Vec::new();
        let single = dir.join("catalog.toml");
        if single.is_file() {
            files.push(single);
        } else {
            let entries = std::fs::read_dir(dir).map_err(|error| {
                CatalogError::whole_file(
                    dir.display().to_string(),
                    format!("failed to read catalog directory: {error}"),
                )
            })?;
            for entry in entries.filter_map(Result::ok) {
                let candidate = entry.path().join("catalog.toml");
                if candidate.is_file() {
                    files.push(candidate);
                }
            }
            files.sort();
        }
        if files.is_empty() {
            return Err(CatalogError::whole_file(
                dir.display().to_string(),
                "no catalog.toml here nor in any sub-folder".to_owned(),
            ));
        }
        let mut rounds = BTreeMap::new();
        for file in files {
            let shown = file.display().to_string();
            let mut catalog = Catalog::parse(&shown, &read(&file)?)?;
            catalog.dir = file.parent().map(Path::to_path_buf);
            if let (Some(schema), Some(dir)) = (&catalog.cda_schema, &catalog.dir) {
                let loaded = user_schema(schema, dir, &shown)?;
                catalog.cda_schema = Some(loaded);
            }
            let pretest_dir = file.with_file_name("pretest");
            if pretest_dir.is_dir() {
                let entries = std::fs::read_dir(&pretest_dir).map_err(|error| {
                    CatalogError::whole_file(
                        pretest_dir.display().to_string(),
                        format!("failed to read pre-test directory: {error}"),
                    )
                })?;
                let mut lists: Vec<_> = entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                    .collect();
                lists.sort();
                for list in lists {
                    catalog.add_pretest(&list.display().to_string(), &read(&list)?)?;
                }
            }
            if let Some(previous) = rounds.insert(catalog.round.id.clone(), catalog) {
                return Err(CatalogError::whole_file(
                    shown,
                    format!("round `{}` is also defined in {}", previous.round.id, previous.source),
                ));
            }
        }
        Ok(Self { origin: dir.display().to_string(), rounds })
    }

    /// The catalog of `round`.
    pub fn get(&self, round: &str) -> Option<&Catalog> {
        self.rounds.get(round)
    }

    /// The newest round (by id, which sorts by year and half).
    pub fn latest(&self) -> Option<&Catalog> {
        self.rounds.values().next_back()
    }

    /// The harness files built into this valmis for `round` (`testcases/<round>/harness/`), as
    /// (harness-relative path, text).
    pub fn embedded_harness(round: &str) -> Vec<(&'static str, &'static str)> {
        embedded::HARNESS
            .iter()
            .filter(|(name, _)| *name == round)
            .flat_map(|(_, files)| files.iter().copied())
            .collect()
    }

    /// Round ids, sorted.
    pub fn round_ids(&self) -> Vec<&str> {
        self.rounds.keys().map(String::as_str).collect()
    }
}

/// A catalog that cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The catalog file.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl CatalogError {
    /// An error about a whole file or folder, with no position in it.
    pub fn whole_file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), line: None, column: None, message: message.into() }
    }

    pub(crate) fn at(path: &str, text: &str, offset: Option<usize>, message: String) -> Self {
        let (line, column) = match offset {
            Some(offset) => {
                let (line, column) = LineIndex::new(text.as_bytes()).line_col(text.as_bytes(), offset);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        Self { path: path.to_owned(), line, column, message }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(formatter, "{}:{line}:{column}: {}", self.path, self.message),
            _ => write!(formatter, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for CatalogError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    format: Spanned<i64>,
    round: RawRound,
    #[serde(rename = "service", default)]
    services: Vec<RawService>,
    #[serde(rename = "form", default)]
    forms: Vec<RawForm>,
    #[serde(rename = "requirement", default)]
    requirements: Vec<Spanned<RawRequirement>>,
    #[serde(rename = "sample_oid", default)]
    sample_oids: Vec<RawSampleOid>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSampleOid {
    oid: Spanned<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    id: Spanned<String>,
    title: String,
    starts: Spanned<toml::value::Datetime>,
    ends: Spanned<toml::value::Datetime>,
    registration_months_before_start: u8,
    pretest_max_age_days: u32,
    certificate_expiry_margin_days: u32,
    #[serde(default = "server_certificate_max_days")]
    server_certificate_max_days: u32,
    #[serde(default = "signing_certificate_max_days")]
    signing_certificate_max_days: u32,
    test_ca_names: Vec<String>,
    production_ca_names: Vec<String>,
    #[serde(default)]
    professional_ca_names: Vec<String>,
    #[serde(default)]
    test_ca_units: Vec<String>,
    #[serde(default)]
    professional_ca_units: Vec<String>,
    production_host_patterns: Vec<String>,
    #[serde(default)]
    cda_schema: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: Spanned<String>,
    title: String,
    forms: Vec<Spanned<String>>,
    #[serde(default)]
    connection: bool,
    #[serde(default)]
    signing_certificate: bool,
    #[serde(default)]
    public_source_ips: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: Spanned<String>,
    title: String,
    patterns: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    id: Spanned<String>,
    area: Area,
    severity: Severity,
    #[serde(default)]
    services: Vec<Spanned<String>>,
    title: String,
    explanation: String,
    fix: String,
    reference: Spanned<String>,
    #[serde(default)]
    fi: Option<Texts>,
    #[serde(default = "builtin")]
    check: Spanned<CheckKind>,
    glob: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    pointer: Option<Spanned<String>>,
    matches: Option<Spanned<String>>,
    pattern: Option<Spanned<String>>,
    command: Option<Spanned<Vec<String>>>,
    output: Option<ExternalOutput>,
}

fn builtin() -> Spanned<CheckKind> {
    Spanned::new(0..0, CheckKind::Builtin)
}

/// DVV server certificates are valid for at most a year (dvv.fi).
fn server_certificate_max_days() -> u32 {
    365
}

/// DVV system-signature certificates are valid for at most two years (dvv.fi).
fn signing_certificate_max_days() -> u32 {
    730
}

struct Validator<'a> {
    source: &'a str,
    text: &'a str,
    problems: Vec<CatalogError>,
}

impl Validator<'_> {
    fn problem(&mut self, offset: usize, message: String) {
        self.problems.push(CatalogError::at(self.source, self.text, Some(offset), message));
    }

    fn date(&mut self, value: &Spanned<toml::value::Datetime>, field: &str) -> Date {
        match crate::dates::plain_date(value.get_ref()) {
            Ok(date) => return date,
            Err(crate::dates::DateError::NotPlainDate) => {
                self.problem(value.span().start, format!("`{field}` must be a plain date like 2027-03-01"));
            }
            Err(crate::dates::DateError::Invalid(error)) => {
                self.problem(value.span().start, format!("`{field}`: {error}"));
            }
        }
        Date::constant(2000, 1, 1)
    }

    /// Checks that a requirement's check kind has exactly the parameters it needs.
    fn declared(&mut self, requirement: &RawRequirement, entry_offset: usize) -> Declared {
        let kind = *requirement.check.get_ref();
        let at = if requirement.check.span().is_empty() { entry_offset } else { requirement.check.span().start };
        let present = |field: &Option<Spanned<String>>| field.as_ref().map(|value| value.get_ref().clone());
        let name = match kind {
            CheckKind::Builtin => "builtin",
            CheckKind::FileExists => "file-exists",
            CheckKind::Xml => "xml",
            CheckKind::Json => "json",
            CheckKind::TextAbsent => "text-absent",
            CheckKind::External => "external",
        };
        let allowed: &[&str] = match kind {
            CheckKind::Builtin => &[],
            CheckKind::FileExists => &["glob"],
            CheckKind::Xml => &["glob", "path", "matches"],
            CheckKind::Json => &["glob", "pointer", "matches"],
            CheckKind::TextAbsent => &["glob", "pattern"],
            CheckKind::External => &["glob", "command", "output"],
        };
        let given = [
            ("glob", requirement.glob.as_ref().map(|v| v.span().start)),
            ("path", requirement.path.as_ref().map(|v| v.span().start)),
            ("pointer", requirement.pointer.as_ref().map(|v| v.span().start)),
            ("matches", requirement.matches.as_ref().map(|v| v.span().start)),
            ("pattern", requirement.pattern.as_ref().map(|v| v.span().start)),
            ("command", requirement.command.as_ref().map(|v| v.span().start)),
            ("output", requirement.output.map(|_| at)),
        ];
        for (field, offset) in given {
            if let Some(offset) = offset
                && !allowed.contains(&field)
            {
                self.problem(offset, format!("`{field}` does not belong to a `check = \"{name}\"` requirement"));
            }
        }
        let required: &[&str] = match kind {
            CheckKind::Builtin => &[],
            CheckKind::FileExists => &["glob"],
            CheckKind::Xml => &["glob", "path"],
            CheckKind::Json => &["glob", "pointer"],
            CheckKind::TextAbsent => &["glob", "pattern"],
            CheckKind::External => &["glob", "command"],
        };
        for field in required {
            if given.iter().any(|(name, offset)| name == field && offset.is_none()) {
                self.problem(at, format!("a `check = \"{name}\"` requirement needs `{field}`"));
            }
        }
        if let Some(glob) = &requirement.glob
            && let Err(error) = globset::GlobBuilder::new(glob.get_ref()).literal_separator(true).build()
        {
            self.problem(glob.span().start, format!("bad glob: {error}"));
        }
        for regex in [&requirement.matches, &requirement.pattern].into_iter().flatten() {
            if let Err(error) = regex::Regex::new(regex.get_ref()) {
                let first = error.to_string().lines().last().unwrap_or_default().trim().to_owned();
                self.problem(regex.span().start, format!("bad regular expression: {first}"));
            }
        }
        if let Some(path) = &requirement.path
            && !is_xml_path(path.get_ref())
        {
            self.problem(
                path.span().start,
                "`path` must look like /ClinicalDocument/realmCode/@code or //title (names, optional final @attribute)"
                    .to_owned(),
            );
        }
        if let Some(pointer) = &requirement.pointer
            && !(pointer.get_ref().is_empty() || pointer.get_ref().starts_with('/'))
        {
            self.problem(pointer.span().start, "`pointer` must be a JSON pointer like /meta/profile/0".to_owned());
        }
        if let Some(command) = &requirement.command
            && command.get_ref().first().is_none_or(|program| program.trim().is_empty())
        {
            self.problem(
                command.span().start,
                "`command` must name a program: [\"xmllint\", \"--noout\", \"{document}\"]".to_owned(),
            );
        }
        Declared {
            glob: present(&requirement.glob),
            path: present(&requirement.path),
            pointer: present(&requirement.pointer),
            matches: present(&requirement.matches),
            pattern: present(&requirement.pattern),
            command: requirement.command.as_ref().map(|command| command.get_ref().clone()).unwrap_or_default(),
            output: requirement.output,
        }
    }

    fn validate(mut self, raw: RawCatalog) -> Result<Catalog, CatalogError> {
        if *raw.format.get_ref() != CATALOG_FORMAT {
            self.problem(
                raw.format.span().start,
                format!(
                    "catalog format {} is not supported; this valmis reads format {CATALOG_FORMAT}",
                    raw.format.get_ref()
                ),
            );
        }
        let starts = self.date(&raw.round.starts, "round.starts");
        let ends = self.date(&raw.round.ends, "round.ends");
        if ends < starts {
            self.problem(raw.round.ends.span().start, "`round.ends` is before `round.starts`".to_owned());
        }
        let months = raw.round.registration_months_before_start;
        let registration_deadline = starts.checked_sub(jiff::Span::new().months(i64::from(months))).unwrap_or(starts);
        if !is_round_id(raw.round.id.get_ref()) {
            self.problem(
                raw.round.id.span().start,
                format!("round id `{}` must look like `2027-1` (year, hyphen, number)", raw.round.id.get_ref()),
            );
        }

        let mut forms = Vec::new();
        let mut form_ids = BTreeSet::new();
        for form in raw.forms {
            if !form_ids.insert(form.id.get_ref().clone()) {
                self.problem(form.id.span().start, format!("form `{}` is defined twice", form.id.get_ref()));
            }
            let mut builder = globset::GlobSetBuilder::new();
            for pattern in &form.patterns {
                match globset::GlobBuilder::new(pattern.get_ref())
                    .case_insensitive(true)
                    .literal_separator(true)
                    .build()
                {
                    Ok(glob) => {
                        builder.add(glob);
                    }
                    Err(error) => self.problem(pattern.span().start, format!("bad glob: {error}")),
                }
            }
            let matcher = builder.build().unwrap_or_else(|_| globset::GlobSet::empty());
            forms.push(FormKind {
                id: form.id.into_inner(),
                title: form.title,
                patterns: form.patterns.into_iter().map(Spanned::into_inner).collect(),
                matcher,
            });
        }

        let mut services = Vec::new();
        let mut service_ids = BTreeSet::new();
        for service in raw.services {
            if !service_ids.insert(service.id.get_ref().clone()) {
                self.problem(service.id.span().start, format!("service `{}` is defined twice", service.id.get_ref()));
            }
            for form in &service.forms {
                if !form_ids.contains(form.get_ref()) {
                    self.problem(form.span().start, format!("no `[[form]]` has id `{}`", form.get_ref()));
                }
            }
            services.push(Service {
                id: service.id.into_inner(),
                title: service.title,
                forms: service.forms.into_iter().map(Spanned::into_inner).collect(),
                connection: service.connection,
                signing_certificate: service.signing_certificate,
                public_source_ips: service.public_source_ips,
            });
        }

        let lines = LineIndex::new(self.text.as_bytes());
        let mut requirements = Vec::new();
        let mut requirement_ids = BTreeSet::new();
        for entry in raw.requirements {
            let entry_offset = entry.span().start;
            let requirement = entry.into_inner();
            let id = requirement.id.get_ref();
            if !is_requirement_id(id) {
                self.problem(
                    requirement.id.span().start,
                    format!("requirement id `{id}` must be upper-case words joined by hyphens, like BUNDLE-ORG"),
                );
            }
            if !requirement_ids.insert(id.clone()) {
                self.problem(requirement.id.span().start, format!("requirement `{id}` is defined twice"));
            }
            for service in &requirement.services {
                if !service_ids.contains(service.get_ref()) {
                    self.problem(service.span().start, format!("no `[[service]]` has id `{}`", service.get_ref()));
                }
            }
            if !requirement.reference.get_ref().starts_with("https://") {
                self.problem(requirement.reference.span().start, "`reference` must be an https:// link".to_owned());
            }
            let declared = self.declared(&requirement, entry_offset);
            let (line, _) = lines.line_col(self.text.as_bytes(), entry_offset);
            requirements.push(Requirement {
                id: requirement.id.into_inner(),
                area: requirement.area,
                severity: requirement.severity,
                services: requirement.services.into_iter().map(Spanned::into_inner).collect(),
                title: requirement.title,
                explanation: reflow(&requirement.explanation),
                fix: reflow(&requirement.fix),
                reference: requirement.reference.into_inner(),
                fi: requirement.fi.map(|fi| Texts {
                    title: fi.title,
                    explanation: reflow(&fi.explanation),
                    fix: reflow(&fi.fix),
                }),
                check: *requirement.check.get_ref(),
                declared,
                line,
            });
        }

        let cda_schema = raw.round.cda_schema.as_ref().map(|path| path.get_ref().clone());
        if let Some(path) = &raw.round.cda_schema {
            let text = path.get_ref();
            if !text.ends_with(".xsd") || text.starts_with('/') || text.split(['/', '\\']).any(|part| part == "..") {
                self.problem(
                    path.span().start,
                    format!("`cda_schema` `{text}` must be a .xsd file inside the catalog's folder, like schemas/kanta-cda/CDA_Fi.xsd"),
                );
            }
        }
        let mut sample_oids = Vec::new();
        for sample in raw.sample_oids {
            if let Err(error) = valmis_ids::Oid::parse(sample.oid.get_ref()) {
                self.problem(
                    sample.oid.span().start,
                    format!("`{}` is not a valid OID: {error}", sample.oid.get_ref()),
                );
            }
            sample_oids.push(SampleOid { oid: sample.oid.into_inner(), source: sample.source });
        }

        if let Some(first) = self.problems.into_iter().next() {
            return Err(first);
        }
        Ok(Catalog {
            source: self.source.to_owned(),
            round: Round {
                id: raw.round.id.into_inner(),
                title: raw.round.title,
                starts,
                ends,
                registration_months_before_start: months,
                registration_deadline,
                pretest_max_age_days: raw.round.pretest_max_age_days,
                certificate_expiry_margin_days: raw.round.certificate_expiry_margin_days,
                server_certificate_max_days: raw.round.server_certificate_max_days,
                signing_certificate_max_days: raw.round.signing_certificate_max_days,
                test_ca_names: raw.round.test_ca_names,
                production_ca_names: raw.round.production_ca_names,
                professional_ca_names: raw.round.professional_ca_names,
                test_ca_units: raw.round.test_ca_units,
                professional_ca_units: raw.round.professional_ca_units,
                production_host_patterns: raw.round.production_host_patterns,
            },
            services,
            forms,
            requirements,
            sample_oids,
            cda_schema: cda_schema.map(|entry| SchemaFiles { origin: entry.clone(), entry, files: Vec::new() }),
            pretest: Vec::new(),
            dir: None,
            pretest_index: std::collections::HashMap::new(),
        })
    }
}

/// The schema set a user's catalog names: read from the catalog's folder, or, for a catalog
/// copied without its schema folder, the same path built into valmis.
fn user_schema(schema: &SchemaFiles, dir: &Path, shown: &str) -> Result<SchemaFiles, CatalogError> {
    let entry = dir.join(&schema.entry);
    if entry.is_file() {
        return SchemaFiles::read(&entry).map_err(|message| CatalogError::whole_file(shown.to_owned(), message));
    }
    for (round, files) in embedded::SCHEMAS {
        let mut copy = schema.clone();
        let found = fill_schema(&mut copy, shown, &format!("built-in testcases/{round}"), |folder| {
            Ok(files
                .iter()
                .filter(|(path, _)| path.starts_with(folder))
                .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
                .collect())
        });
        if found.is_ok() {
            return Ok(copy);
        }
    }
    Err(CatalogError::whole_file(
        shown.to_owned(),
        format!(
            "`cda_schema = \"{}\"`: `{}` does not exist; copy the schema folder beside catalog.toml, or remove cda_schema (DOC-SCHEMA is then skipped)",
            schema.entry,
            entry.display()
        ),
    ))
}

/// Fills an embedded catalog's schema set from the files under `testcases/<round>/schemas/`:
/// `schema.entry` is catalog-relative (`schemas/kanta-cda/CDA_Fi.xsd`).
fn fill_schema(
    schema: &mut SchemaFiles,
    source: &str,
    catalog_dir: &str,
    files_under: impl Fn(&str) -> Result<Vec<(String, String)>, CatalogError>,
) -> Result<(), CatalogError> {
    let Some(inside) = schema.entry.strip_prefix("schemas/") else {
        return Err(CatalogError::whole_file(
            source.to_owned(),
            format!("`cda_schema` `{}` must be under schemas/ to be built into valmis", schema.entry),
        ));
    };
    let (folder, entry) = match inside.rsplit_once('/') {
        Some((folder, entry)) => (format!("{folder}/"), entry.to_owned()),
        None => (String::new(), inside.to_owned()),
    };
    let files: Vec<(String, String)> =
        files_under(&folder)?.into_iter().map(|(path, text)| (path[folder.len()..].to_owned(), text)).collect();
    if !files.iter().any(|(path, _)| *path == entry) {
        return Err(CatalogError::whole_file(
            source.to_owned(),
            format!("`cda_schema` `{}` is not among the schema files", schema.entry),
        ));
    }
    *schema = SchemaFiles { origin: format!("{catalog_dir}/{}", schema.entry), entry, files };
    Ok(())
}

/// Joins hard-wrapped lines into paragraphs (a blank line separates paragraphs), so that
/// catalog prose prints well at any width and on one JUnit line.
pub(crate) fn reflow(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `/a/b/@c`, `//b`, `/a//b/@c`: element names separated by `/` or `//`, an optional final
/// `@attribute`.
pub fn is_xml_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else { return false };
    let parts: Vec<&str> = rest.split('/').collect();
    let name = |part: &str| {
        !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '*'))
    };
    parts.iter().enumerate().all(|(index, part)| {
        let last = index + 1 == parts.len();
        part.is_empty() && !last || name(part) || (last && part.strip_prefix('@').is_some_and(name))
    })
}

fn is_round_id(id: &str) -> bool {
    let mut parts = id.split('-');
    let year = parts.next().unwrap_or_default();
    let number = parts.next().unwrap_or_default();
    parts.next().is_none()
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

fn is_requirement_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && part.as_bytes()[0].is_ascii_uppercase()
        })
}
