//! The requirement catalog of a co-testing round: round facts (dates, test CA names, limits),
//! services, forms, and one entry per requirement. Loaded from `testcases/<round>/catalog.toml`
//! (embedded) or a user's directory, and validated with errors that point at `file:line:col`.
//! The types are here; `load.rs` finds the catalogs (embedded, or a user's folder, with their
//! pre-test lists and schema files), `validate.rs` turns a file's text into a checked catalog.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::text::LineIndex;

mod load;
mod validate;

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

/// The kind of submission a bundle is (manifest `kind`), one of Kela's co-testing process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubmissionKind {
    /// Registration for co-testing (ilmoittautuminen yhteistestaukseen), the default.
    Registration,
    /// Access application to the customer test service (liittymishakemus).
    AccessApplication,
    /// Change notification for a certified system (muutosilmoitus).
    ChangeNotification,
}

impl SubmissionKind {
    /// Every kind, in the order the manifest documents them.
    pub const ALL: [Self; 3] = [Self::Registration, Self::AccessApplication, Self::ChangeNotification];

    /// The manifest's spelling: `registration`, `access-application`, `change-notification`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Registration => "registration",
            Self::AccessApplication => "access-application",
            Self::ChangeNotification => "change-notification",
        }
    }

    /// The kind a manifest value names.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Who submits (manifest `role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A system vendor (järjestelmätoimittaja), the default.
    Vendor,
    /// A customer organisation (asiakasorganisaatio): a care provider joining with its test plan.
    CustomerOrganisation,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 2] = [Self::Vendor, Self::CustomerOrganisation];

    /// The manifest's spelling: `vendor`, `customer-organisation`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vendor => "vendor",
            Self::CustomerOrganisation => "customer-organisation",
        }
    }

    /// The role a manifest value names.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

/// The submissions a requirement applies to (catalog `applies_to`): entries like
/// `"registration/vendor"` (a kind by a role) or `"access-application"` (a kind by any role).
/// No entry means every submission.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppliesTo(pub Vec<(SubmissionKind, Option<Role>)>);

impl AppliesTo {
    /// Whether it applies to every submission.
    pub fn is_everything(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether it applies to a submission of `kind` by `role`.
    pub fn includes(&self, kind: SubmissionKind, role: Role) -> bool {
        self.is_everything()
            || self.0.iter().any(|(entry_kind, entry_role)| *entry_kind == kind && entry_role.is_none_or(|r| r == role))
    }

    /// Reads one entry: `kind` or `kind/role`.
    pub fn parse_entry(text: &str) -> Result<(SubmissionKind, Option<Role>), valmis_i18n::Msg> {
        let (kind_text, role_text) = match text.split_once('/') {
            Some((kind, role)) => (kind, Some(role)),
            None => (text, None),
        };
        let kind = SubmissionKind::parse(kind_text).ok_or_else(|| {
            let kinds: Vec<&str> = SubmissionKind::ALL.iter().map(|kind| kind.as_str()).collect();
            valmis_i18n::msg!("catalog-not-a-kind", text = text, kind = kind_text, kinds = kinds.join(", "))
        })?;
        let role = match role_text {
            None => None,
            Some(role_text) => Some(Role::parse(role_text).ok_or_else(|| {
                let roles: Vec<&str> = Role::ALL.iter().map(|role| role.as_str()).collect();
                valmis_i18n::msg!("catalog-not-a-role", text = text, role = role_text, roles = roles.join(", "))
            })?),
        };
        Ok((kind, role))
    }

    /// The entries as the catalog writes them.
    pub fn entries(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|(kind, role)| match role {
                Some(role) => format!("{}/{}", kind.as_str(), role.as_str()),
                None => kind.as_str().to_owned(),
            })
            .collect()
    }
}

impl Serialize for AppliesTo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries().serialize(serializer)
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
    /// The kinds of submission and roles it applies to (`applies_to`).
    #[serde(skip_serializing_if = "AppliesTo::is_everything")]
    pub applies_to: AppliesTo,
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
    /// Other names a manifest may use for it: Kela's names since 5/2024
    /// (`potilastietovaranto` for `potilastiedon-arkisto`).
    pub aliases: Vec<String>,
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
    /// Host globs of the Kanta PHR sandbox: open and shared, for an app's own development only,
    /// never the target of a co-testing submission.
    pub sandbox_host_patterns: Vec<String>,
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
    pub fn read(path: &Path) -> Result<Self, SchemaSetError> {
        let (folder, entry) = if path.is_dir() {
            if !path.join("CDA_Fi.xsd").is_file() {
                return Err(SchemaSetError::NoEntry(path.to_path_buf()));
            }
            (path.to_path_buf(), "CDA_Fi.xsd".to_owned())
        } else if path.is_file() {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let entry = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            (folder, entry)
        } else {
            return Err(SchemaSetError::NotFound(path.to_path_buf()));
        };
        let folder = if folder.as_os_str().is_empty() { Path::new(".").to_path_buf() } else { folder };
        let mut files = Vec::new();
        let mut pending = vec![folder.clone()];
        while let Some(dir) = pending.pop() {
            let entries =
                std::fs::read_dir(&dir).map_err(|error| SchemaSetError::Read { path: dir.clone(), reason: error })?;
            for item in entries.filter_map(Result::ok) {
                let item_path = item.path();
                let kind = item
                    .file_type()
                    .map_err(|error| SchemaSetError::Read { path: item_path.clone(), reason: error })?;
                if kind.is_dir() {
                    pending.push(item_path);
                } else if kind.is_file() && item_path.extension().is_some_and(|ext| ext == "xsd") {
                    if files.len() >= MAX_SCHEMA_FILES {
                        return Err(SchemaSetError::TooManyFiles(folder.clone()));
                    }
                    let size = item.metadata().map(|meta| meta.len()).unwrap_or(0);
                    if size > MAX_SCHEMA_BYTES {
                        return Err(SchemaSetError::TooLarge(item_path.clone()));
                    }
                    let text = std::fs::read_to_string(&item_path)
                        .map_err(|error| SchemaSetError::Read { path: item_path.clone(), reason: error })?;
                    let relative =
                        item_path.strip_prefix(&folder).unwrap_or(&item_path).to_string_lossy().replace('\\', "/");
                    files.push((relative, text));
                }
            }
        }
        files.sort();
        if !files.iter().any(|(path, _)| *path == entry) {
            return Err(SchemaSetError::NotXsd(folder.join(&entry)));
        }
        Ok(Self { origin: folder.join(&entry).display().to_string(), entry, files })
    }
}

/// Why a schema set cannot be read from disk.
#[derive(Debug, thiserror::Error)]
pub enum SchemaSetError {
    /// A folder without `CDA_Fi.xsd`.
    #[error("{}", self.msg())]
    NoEntry(PathBuf),
    /// Neither a file nor a folder.
    #[error("{}", self.msg())]
    NotFound(PathBuf),
    /// A folder or file that cannot be read.
    #[error("{}", self.msg())]
    Read { path: PathBuf, reason: std::io::Error },
    /// More schema files than a set may have.
    #[error("{}", self.msg())]
    TooManyFiles(PathBuf),
    /// A schema file larger than one may be.
    #[error("{}", self.msg())]
    TooLarge(PathBuf),
    /// The entry is not a `.xsd` file of the set.
    #[error("{}", self.msg())]
    NotXsd(PathBuf),
}

impl SchemaSetError {
    /// What is wrong, in any language (`Display` is the English).
    pub fn msg(&self) -> valmis_i18n::Msg {
        use valmis_i18n::msg;
        let shown = |path: &Path| path.display().to_string();
        match self {
            Self::NoEntry(path) => msg!("schema-set-no-entry", path = shown(path)),
            Self::NotFound(path) => msg!("schema-set-not-found", path = shown(path)),
            Self::Read { path, reason } => {
                msg!("schema-set-unreadable", path = shown(path), reason = reason.to_string())
            }
            Self::TooManyFiles(path) => msg!("schema-set-too-many", path = shown(path), limit = MAX_SCHEMA_FILES),
            Self::TooLarge(path) => msg!("schema-set-too-large", path = shown(path), limit = MAX_SCHEMA_BYTES),
            Self::NotXsd(path) => msg!("schema-set-not-xsd", path = shown(path)),
        }
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
    pub dir: Option<PathBuf>,
    /// Upper-cased case id to its service and position in that service's list.
    #[serde(skip)]
    pub(crate) pretest_index: std::collections::HashMap<String, (std::sync::Arc<str>, usize)>,
}

impl Catalog {
    /// Parses and validates one `catalog.toml`. `source` is the path shown in errors.
    pub fn parse(source: &str, text: &str) -> Result<Self, CatalogError> {
        validate::parse(source, text)
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|requirement| requirement.id == id)
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|service| service.id == id || service.aliases.iter().any(|alias| alias == id))
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
    pub message: valmis_i18n::Msg,
}

impl CatalogError {
    /// An error about a whole file or folder, with no position in it.
    pub fn whole_file(path: impl Into<String>, message: valmis_i18n::Msg) -> Self {
        Self { path: path.into(), line: None, column: None, message }
    }

    /// The error with its place, as a message to render in any language.
    pub fn msg(&self) -> valmis_i18n::Msg {
        match (self.line, self.column) {
            (Some(line), Some(column)) => valmis_i18n::msg!(
                "catalog-error-at",
                path = &self.path,
                line = line.to_string(),
                column = column.to_string(),
                message = &self.message
            ),
            _ => valmis_i18n::msg!("catalog-error-file", path = &self.path, message = &self.message),
        }
    }

    pub(crate) fn at(path: &str, text: &str, offset: Option<usize>, message: valmis_i18n::Msg) -> Self {
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
        write!(formatter, "{}", self.msg())
    }
}

impl std::error::Error for CatalogError {}

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

/// Joins hard-wrapped lines into paragraphs (a blank line separates paragraphs), so that
/// catalog prose prints well at any width and on one JUnit line.
pub(crate) fn reflow(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}
