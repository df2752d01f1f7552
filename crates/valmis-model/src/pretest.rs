//! Pre-test case declarations (`testcases/<round>/pretest/<service>.toml`): the cases Kela
//! asks a vendor to run and report per service, what each needs as evidence, and where pre-tests
//! may run. Kela's real lists are not public, so the shipped ones are illustrative and a vendor
//! replaces them with `--catalog DIR`. Case ids are opaque keys.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::catalog::{Catalog, CatalogError};
use valmis_i18n::{Msg, msg};

/// The pre-test file format version this valmis reads.
pub const PRETEST_FORMAT: i64 = 1;

/// Something a passed case must be able to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A document the case stored: listed under `documents/` in `evidence`, with its id in
    /// `document_oid`.
    Document,
    /// A Kanta validation service result: a listed evidence file that shows `DONE_PASSED`.
    ValidationResult,
    /// A screenshot: a listed PNG, JPEG or PDF file.
    Screenshot,
    /// A message id (a UUID) in `notes` or in a listed text file.
    MessageId,
}

impl EvidenceKind {
    /// Every kind, as catalog files spell them.
    pub const ALL: [EvidenceKind; 4] = [Self::Document, Self::ValidationResult, Self::Screenshot, Self::MessageId];

    /// The catalog spelling (`validation-result`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::ValidationResult => "validation-result",
            Self::Screenshot => "screenshot",
            Self::MessageId => "message-id",
        }
    }
}

/// One pre-test case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PretestCase {
    /// Kela's case id, as the report's `case_id` column names it.
    pub id: String,
    /// The service whose list declares it.
    pub service: String,
    /// One line.
    pub title: String,
    /// What the case exercises, for people reading a failure.
    pub exercises: String,
    /// Whether every registration for the service must report it.
    pub mandatory: bool,
    /// Whether `not-applicable` (with a note) is an acceptable result.
    pub not_applicable_allowed: bool,
    /// Whether the case runs on a test person, so that its row must name one.
    pub test_person: bool,
    /// What a passed run must show.
    pub evidence: Vec<EvidenceKind>,
    /// The declaring file, as shown in messages.
    #[serde(skip)]
    pub source: String,
    /// Line of its `[[case]]` entry.
    #[serde(skip)]
    pub line: u32,
}

/// The pre-test list of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PretestList {
    /// Service id.
    pub service: String,
    /// The file it was read from, as shown in messages.
    pub source: String,
    /// Whether the list is an example rather than Kela's own.
    pub illustrative: bool,
    /// Environments in which a pre-test run counts (`asiakastesti`).
    pub environments: Vec<String>,
    /// The cases, in file order.
    pub cases: Vec<PretestCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    format: Spanned<i64>,
    service: Spanned<String>,
    #[serde(default)]
    illustrative: bool,
    environments: Spanned<Vec<String>>,
    #[serde(rename = "case", default)]
    cases: Vec<Spanned<RawCase>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: Spanned<String>,
    title: String,
    exercises: String,
    mandatory: bool,
    #[serde(default)]
    not_applicable_allowed: bool,
    #[serde(default = "yes")]
    test_person: bool,
    #[serde(default)]
    evidence: Vec<EvidenceKind>,
}

fn yes() -> bool {
    true
}

impl Catalog {
    /// Reads one `pretest/<service>.toml` into the catalog. `source` is the path shown in errors;
    /// its file stem must be the service id.
    pub fn add_pretest(&mut self, source: &str, text: &str) -> Result<(), CatalogError> {
        let at = |offset: usize, message: Msg| CatalogError::at(source, text, Some(offset), message);
        let raw: RawList = toml::from_str(text).map_err(|error| {
            let said = crate::parser_said(error.message().trim_end());
            CatalogError::at(source, text, error.span().map(|span| span.start), said)
        })?;
        if *raw.format.get_ref() != PRETEST_FORMAT {
            return Err(at(
                raw.format.span().start,
                msg!(
                    "pretest-list-format",
                    format = raw.format.get_ref().to_string(),
                    supported = PRETEST_FORMAT.to_string()
                ),
            ));
        }
        let service = raw.service.get_ref();
        if self.service(service).is_none() {
            return Err(at(raw.service.span().start, msg!("pretest-list-no-service", service = service)));
        }
        let stem = source.rsplit(['/', '\\']).next().unwrap_or(source).trim_end_matches(".toml");
        if stem != service {
            return Err(at(raw.service.span().start, msg!("pretest-list-name", service = service, stem = stem)));
        }
        if self.pretest.iter().any(|list| &list.service == service) {
            return Err(at(raw.service.span().start, msg!("pretest-list-twice", service = service)));
        }
        if raw.environments.get_ref().is_empty() {
            return Err(at(raw.environments.span().start, msg!("pretest-list-no-environment")));
        }
        let lines = crate::LineIndex::new(text.as_bytes());
        let mut seen = BTreeSet::new();
        let mut cases = Vec::new();
        for entry in raw.cases {
            let (line, _) = lines.line_col(text.as_bytes(), entry.span().start);
            let case = entry.into_inner();
            let id = case.id.get_ref();
            if !is_case_id(id) {
                return Err(at(case.id.span().start, msg!("pretest-list-case-id", id = id)));
            }
            let folded = id.to_ascii_uppercase();
            if !seen.insert(folded.clone()) || self.pretest_index.contains_key(&folded) {
                return Err(at(case.id.span().start, msg!("pretest-list-case-twice", id = id)));
            }
            let mut evidence = case.evidence;
            evidence.sort();
            evidence.dedup();
            cases.push(PretestCase {
                id: case.id.into_inner(),
                service: service.clone(),
                title: case.title.trim().to_owned(),
                exercises: crate::catalog::reflow(&case.exercises),
                mandatory: case.mandatory,
                not_applicable_allowed: case.not_applicable_allowed,
                test_person: case.test_person,
                evidence,
                source: source.to_owned(),
                line,
            });
        }
        for (position, case) in cases.iter().enumerate() {
            self.pretest_index.insert(case.id.to_ascii_uppercase(), (service.clone(), position));
        }
        self.pretest.push(PretestList {
            service: raw.service.into_inner(),
            source: source.to_owned(),
            illustrative: raw.illustrative,
            environments: raw.environments.into_inner(),
            cases,
        });
        self.pretest.sort_by(|a, b| a.service.cmp(&b.service));
        Ok(())
    }

    /// The pre-test list of `service`.
    pub fn pretest_list(&self, service: &str) -> Option<&PretestList> {
        self.pretest.iter().find(|list| list.service == service)
    }

    /// The case with this id (compared case-insensitively, as spreadsheets are typed by hand).
    pub fn pretest_case(&self, id: &str) -> Option<&PretestCase> {
        let (service, position) = self.pretest_index.get(&id.trim().to_ascii_uppercase())?;
        self.pretest_list(service)?.cases.get(*position)
    }
}

fn is_case_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}
