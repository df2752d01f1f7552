//! The built-in requirements and their registry.
//!
//! Each rule lives in one file of this folder: one file per requirement, or per area whose
//! requirements share private helpers. A rule reads inputs (`crate::inputs`) through the context
//! and returns results; rules never import each other. What several rules share sits in a
//! `kit.rs`, which imports no rule.
//!
//! This file is the registry: every built-in requirement, how it runs, which files are its
//! subjects and what it says when there is nothing to check. The engine looks rules up here
//! instead of matching on requirement ids, and this is the only place that names a rule
//! module's function. A new requirement is one module line and one registry line here (and its
//! catalog entry, rule file, ready-bundle data and failing fixture).

pub(crate) mod access;
pub(crate) mod certificates;
pub(crate) mod change;
pub(crate) mod connection;
pub(crate) mod contacts;
pub(crate) mod deadline;
pub(crate) mod documents;
pub(crate) mod fhir;
pub(crate) mod forms;
pub(crate) mod hygiene;
pub(crate) mod integrity;
pub(crate) mod kit;
pub(crate) mod manifest;
pub(crate) mod organisation;
pub(crate) mod paths;
pub(crate) mod plan;
pub(crate) mod pretest;
pub(crate) mod privacy;
pub(crate) mod secrets;
pub(crate) mod submission;

use roxmltree::Node;
use valmis_model::{Finding, Requirement, Severity};

use self::kit::Collected;
use crate::context::{CheckFn, Context, SubjectResult, Verdict};
use crate::inputs::document::Document;
use crate::inputs::file::LazyBytes;
use crate::inputs::source::SourceFile;

/// How a rule is evaluated.
#[derive(Clone, Copy)]
pub(crate) enum Runs {
    /// On its own, over the context.
    Alone(CheckFn),
    /// In the file pass, one outcome per subject file (`--partition` splits them between shards),
    /// with `nothing` as the skip reason when the bundle has no such file.
    PerFile { subjects: Subjects, nothing: Nothing, check: FileCheck },
    /// In the file pass, one bundle-wide outcome: `scan` collects from every file, `finish`
    /// concludes.
    AcrossFiles {
        scan: fn(&Context<'_>, &LazyBytes<'_>, &Requirement, &mut Collected),
        finish: fn(&Context<'_>, Collected, &Requirement) -> SubjectResult,
    },
}

/// Why a per-file rule has nothing to judge when the bundle has none of its files, in a language.
pub(crate) type Nothing = fn(&str) -> String;

/// The files a per-file rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subjects {
    /// Every file of the bundle.
    AnyFile,
    /// Documents under `documents/` with one of these extensions.
    Documents(&'static [&'static str]),
}

/// What a per-file rule looks at in each of its subjects. The file pass reads each file once,
/// and parses each document once, for all of them.
#[derive(Clone, Copy)]
pub(crate) enum FileCheck {
    /// The file's name and bytes (read only if asked): a result, or none for a file it does not
    /// judge.
    File(fn(&Context<'_>, &LazyBytes<'_>, &Requirement) -> Option<SubjectResult>),
    /// The document as read: its tree, or what kept it from being parsed.
    Document(fn(&Context<'_>, &Document<'_>, &Requirement) -> Verdict),
    /// The root element of each parsed XML document (skipped for a document that has none):
    /// its findings; `cda_only` skips roots that are not a CDA R2 ClinicalDocument.
    Xml { cda_only: bool, check: XmlRule },
    /// The root element of each parsed CDA document: a verdict, for a rule that may be unable
    /// to judge any document (DOC-SCHEMA without a usable schema set).
    CdaVerdict(fn(&Context<'_>, &Requirement, &SourceFile<'_>, Node<'_, '_>) -> Verdict),
    /// Each parsed JSON document (skipped for one that is not valid JSON): its findings.
    Json(JsonRule),
}

/// A rule's findings on an XML document's root, at the given severity.
pub(crate) type XmlRule = fn(&Context<'_>, Severity, &SourceFile<'_>, Node<'_, '_>, &mut Vec<Finding>);
/// A rule's findings on a JSON document, at the given severity.
pub(crate) type JsonRule =
    fn(&Context<'_>, Severity, &SourceFile<'_>, crate::inputs::json::Value<'_, '_>, &mut Vec<Finding>);

/// One built-in requirement.
#[derive(Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) id: &'static str,
    pub(crate) runs: Runs,
    /// Runs on a bundle valmis refused to read (the rule that says why); every other rule is
    /// skipped then.
    pub(crate) on_refused_bundle: bool,
    /// Reads the `id/@root` of every XML document, which the file pass collects for it.
    pub(crate) document_ids: bool,
    /// Reads, before the file pass walks the files, the inputs a per-file rule takes from the
    /// context (a compiled schema set, the test persons), so that they are made once, up front,
    /// and not by whichever worker thread meets the first document while the others wait.
    pub(crate) prepare: Option<fn(&Context<'_>)>,
}

impl Rule {
    const fn new(id: &'static str, runs: Runs) -> Self {
        Self { id, runs, on_refused_bundle: false, document_ids: false, prepare: None }
    }

    const fn on_refused_bundle(self) -> Self {
        Self { on_refused_bundle: true, ..self }
    }

    const fn with_document_ids(self) -> Self {
        Self { document_ids: true, ..self }
    }

    const fn prepared_by(self, prepare: fn(&Context<'_>)) -> Self {
        Self { prepare: Some(prepare), ..self }
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.id)
    }
}

const DOCUMENTS: Subjects = Subjects::Documents(&["xml", "json"]);
const XML: Subjects = Subjects::Documents(&["xml"]);
const JSON: Subjects = Subjects::Documents(&["json"]);
fn no_document(lang: &str) -> String {
    valmis_i18n::t!(lang, "documents-none-skip", kind = "any")
}

fn no_xml(lang: &str) -> String {
    valmis_i18n::t!(lang, "documents-none-skip", kind = "xml")
}

fn no_json(lang: &str) -> String {
    valmis_i18n::t!(lang, "documents-none-skip", kind = "json")
}

const fn alone(id: &'static str, check: CheckFn) -> Rule {
    Rule::new(id, Runs::Alone(check))
}

const fn per_file(id: &'static str, subjects: Subjects, nothing: Nothing, check: FileCheck) -> Rule {
    Rule::new(id, Runs::PerFile { subjects, nothing, check })
}

/// Reads the pre-test report's test persons, which the patient rules compare identity codes with.
fn test_persons(context: &Context<'_>) {
    context.test_persons();
}

/// A rule on the root of every CDA document.
const fn cda(id: &'static str, check: XmlRule) -> Rule {
    per_file(id, XML, no_xml, FileCheck::Xml { cda_only: true, check })
}

/// Every built-in requirement, in the catalog's order.
pub(crate) const RULES: &[Rule] = &[
    alone("BUNDLE-MANIFEST", manifest::check),
    alone("BUNDLE-ORG", organisation::check),
    alone("BUNDLE-CONTACTS", contacts::check),
    alone("BUNDLE-INTEGRITY", integrity::check),
    alone("BUNDLE-HYGIENE", hygiene::check),
    alone("BUNDLE-PATHS", paths::check).on_refused_bundle(),
    Rule::new("BUNDLE-SECRETS", Runs::AcrossFiles { scan: secrets::scan, finish: secrets::finish }),
    alone("BUNDLE-FORMS", forms::check),
    alone("BUNDLE-DEADLINE", deadline::check),
    per_file(
        "PRIVACY-HETU",
        Subjects::AnyFile,
        |lang| valmis_i18n::t!(lang, "privacy-nothing-skip"),
        FileCheck::File(privacy::check),
    ),
    alone("PRETEST-REPORT", pretest::report::check_report),
    alone("PRETEST-COVERAGE", pretest::report::check_coverage),
    alone("PRETEST-RESULT", pretest::cases::check_result),
    alone("PRETEST-EVIDENCE", pretest::evidence::check).with_document_ids(),
    alone("PRETEST-DATES", pretest::cases::check_dates),
    alone("PRETEST-ENVIRONMENT", pretest::cases::check_environment),
    alone("PRETEST-TEST-PERSON", pretest::cases::check_test_person),
    alone("CONN-CONFIG", connection::check_config),
    alone("CONN-ENDPOINTS", connection::check_endpoints),
    alone("CONN-SOURCE-IPS", connection::check_source_ips),
    alone("CONN-PROBE", connection::check_probe),
    alone("CERT-PARSE", certificates::check_parse),
    alone("CERT-VALIDITY", certificates::check_validity),
    alone("CERT-ISSUER", certificates::check_issuer),
    alone("CERT-USAGE", certificates::check_usage),
    alone("CERT-KEY", certificates::check_key),
    alone("CERT-SUBJECT", certificates::check_subject),
    alone("CERT-CHAIN", certificates::check_chain),
    per_file("DOC-WELLFORMED", DOCUMENTS, no_document, FileCheck::Document(documents::wellformed::check)),
    per_file("DOC-CDA-HEADER", XML, no_xml, FileCheck::Xml { cda_only: false, check: documents::header::check }),
    cda("DOC-OID", documents::oid::check).prepared_by(|context| {
        context.declared_arcs();
        context.sample_oids();
    }),
    per_file("DOC-SCHEMA", XML, no_xml, FileCheck::CdaVerdict(documents::schema::check)).prepared_by(|context| {
        context.cda_schema();
    }),
    cda("DOC-TIMESTAMPS", documents::timestamps::check),
    cda("DOC-PATIENT", documents::patient::check).prepared_by(test_persons),
    cda("DOC-VERSIONING", documents::versioning::check),
    per_file("FHIR-RESOURCE", JSON, no_json, FileCheck::Json(fhir::check_resource)),
    per_file("FHIR-PATIENT", JSON, no_json, FileCheck::Json(fhir::check_patient)).prepared_by(test_persons),
    alone("SUBMISSION-KIND", submission::check),
    alone("CHANGE-VERSIONS", change::check_versions),
    alone("CHANGE-SCHEDULE", change::check_schedule),
    alone("CHANGE-SCOPE", change::check_scope),
    alone("ACCESS-CONNECTION", access::check_connection),
    alone("ACCESS-ENVIRONMENT", access::check_environment),
    alone("PLAN-TEST-PLAN", plan::check),
];

/// The rule of requirement `id`.
pub(crate) fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// How requirement `id` is checked: by its own check function, or in the file pass (whose
/// outcomes it takes from the context).
pub(crate) fn check(id: &str) -> Option<Checked> {
    rule(id).map(|rule| match rule.runs {
        Runs::Alone(check) => Checked::Alone(check),
        Runs::PerFile { .. } | Runs::AcrossFiles { .. } => Checked::InFilePass,
    })
}

/// See [`check`].
pub(crate) enum Checked {
    Alone(CheckFn),
    InFilePass,
}

/// The rule that says why a bundle was refused, which other rules' skip reasons point at.
pub(crate) const REFUSAL_RULE: &str = "BUNDLE-PATHS";

/// Whether requirement `id` runs on a bundle valmis refused to read.
pub(crate) fn runs_on_refused_bundle(id: &str) -> bool {
    rule(id).is_some_and(|rule| rule.on_refused_bundle)
}

/// Whether requirement `id` reads the document ids the file pass collects.
pub(crate) fn needs_document_ids(id: &str) -> bool {
    rule(id).is_some_and(|rule| rule.document_ids)
}

/// Whether requirement `id` is evaluated in the file pass.
pub(crate) fn in_file_pass(id: &str) -> bool {
    rule(id).is_some_and(|rule| matches!(rule.runs, Runs::PerFile { .. } | Runs::AcrossFiles { .. }))
}

/// The subjects and skip reason of `id`, when it is a per-file rule (split between shards).
pub(crate) fn per_file_rule(id: &str) -> Option<(Subjects, Nothing)> {
    match rule(id)?.runs {
        Runs::PerFile { subjects, nothing, .. } => Some((subjects, nothing)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn every_rule_of_the_shipped_catalog_is_registered_once() {
        let catalogs = valmis_model::CatalogSet::embedded().expect("catalog");
        let catalog = catalogs.get("2027-1").expect("round");
        let registered: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        let builtin: Vec<&str> = catalog
            .requirements
            .iter()
            .filter(|requirement| requirement.check == valmis_model::catalog::CheckKind::Builtin)
            .map(|requirement| requirement.id.as_str())
            .collect();
        assert_eq!(registered, builtin, "one registry line per built-in requirement, in the catalog's order");
        let refusal: Vec<&str> = RULES.iter().filter(|rule| rule.on_refused_bundle).map(|rule| rule.id).collect();
        assert_eq!(refusal, [super::REFUSAL_RULE], "one rule runs on a refused bundle, and skip reasons name it");
    }
}
