//! The rule registry: every built-in requirement, how it runs, which files are its subjects and
//! what it says when there is nothing to check. The engine looks rules up here instead of
//! matching on requirement ids, and this is the only place that maps an id to a rule module's
//! function. A new requirement is one line here (and its catalog entry, rule file, ready-bundle
//! data and fixture).

use crate::checks;
use crate::{CheckFn, Context, SubjectResult};
use valmis_model::Requirement;

/// How a rule is evaluated.
#[derive(Clone, Copy)]
pub(crate) enum Runs {
    /// On its own, over the context.
    Alone(CheckFn),
    /// In the file pass, one outcome per subject file (`--partition` splits them between shards),
    /// with `nothing` as the skip reason when the bundle has no such file.
    PerFile { subjects: Subjects, nothing: &'static str },
    /// In the file pass, one bundle-wide outcome from every file.
    AcrossFiles,
}

/// The files a per-file rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subjects {
    /// Every file of the bundle.
    AnyFile,
    /// Documents under `documents/` with one of these extensions.
    Documents(&'static [&'static str]),
}

/// One built-in requirement.
#[derive(Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) id: &'static str,
    pub(crate) runs: Runs,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.id)
    }
}

const XML: Subjects = Subjects::Documents(&["xml"]);
const JSON: Subjects = Subjects::Documents(&["json"]);
const NO_XML: &str = "documents/ holds no .xml document";
const NO_JSON: &str = "documents/ holds no .json document";

const fn alone(id: &'static str, check: CheckFn) -> Rule {
    Rule { id, runs: Runs::Alone(check) }
}

const fn per_file(id: &'static str, subjects: Subjects, nothing: &'static str) -> Rule {
    Rule { id, runs: Runs::PerFile { subjects, nothing } }
}

/// Every built-in requirement, in the catalog's order.
pub(crate) const RULES: &[Rule] = &[
    alone("BUNDLE-MANIFEST", checks::manifest::check),
    alone("BUNDLE-ORG", checks::organisation::check),
    alone("BUNDLE-CONTACTS", checks::contacts::check),
    alone("BUNDLE-INTEGRITY", checks::integrity::check),
    alone("BUNDLE-HYGIENE", checks::hygiene::check),
    alone("BUNDLE-PATHS", checks::paths::check),
    Rule { id: "BUNDLE-SECRETS", runs: Runs::AcrossFiles },
    alone("BUNDLE-FORMS", checks::forms::check),
    alone("BUNDLE-DEADLINE", checks::deadline::check),
    per_file("PRIVACY-HETU", Subjects::AnyFile, "the bundle has no text artefacts to scan"),
    alone("PRETEST-REPORT", checks::pretest::check_report),
    alone("PRETEST-COVERAGE", checks::pretest::check_coverage),
    alone("PRETEST-RESULT", checks::pretest::check_result),
    alone("PRETEST-EVIDENCE", checks::pretest::check_evidence),
    alone("PRETEST-DATES", checks::pretest::check_dates),
    alone("PRETEST-ENVIRONMENT", checks::pretest::check_environment),
    alone("PRETEST-TEST-PERSON", checks::pretest::check_test_person),
    alone("CONN-CONFIG", checks::connection::check_config),
    alone("CONN-ENDPOINTS", checks::connection::check_endpoints),
    alone("CONN-SOURCE-IPS", checks::connection::check_source_ips),
    alone("CONN-PROBE", checks::connection::check_probe),
    alone("CERT-PARSE", checks::certificates::check_parse),
    alone("CERT-VALIDITY", checks::certificates::check_validity),
    alone("CERT-ISSUER", checks::certificates::check_issuer),
    alone("CERT-USAGE", checks::certificates::check_usage),
    alone("CERT-KEY", checks::certificates::check_key),
    alone("CERT-SUBJECT", checks::certificates::check_subject),
    alone("CERT-CHAIN", checks::certificates::check_chain),
    per_file("DOC-WELLFORMED", Subjects::Documents(&["xml", "json"]), "documents/ holds no .xml or .json document"),
    per_file("DOC-CDA-HEADER", XML, NO_XML),
    per_file("DOC-OID", XML, NO_XML),
    per_file("DOC-SCHEMA", XML, NO_XML),
    per_file("DOC-TIMESTAMPS", XML, NO_XML),
    per_file("DOC-PATIENT", XML, NO_XML),
    per_file("DOC-VERSIONING", XML, NO_XML),
    per_file("FHIR-RESOURCE", JSON, NO_JSON),
    per_file("FHIR-PATIENT", JSON, NO_JSON),
];

/// The rule of requirement `id`.
pub(crate) fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// The check function of requirement `id`: its own, or its part of the file pass's results.
pub(crate) fn check(id: &str) -> Option<CheckFn> {
    rule(id).map(|rule| match rule.runs {
        Runs::Alone(check) => check,
        Runs::PerFile { .. } | Runs::AcrossFiles => take_from_file_pass,
    })
}

fn take_from_file_pass(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    context.file_pass().take(&requirement.id)
}

/// Whether requirement `id` is evaluated in the file pass.
pub(crate) fn in_file_pass(id: &str) -> bool {
    rule(id).is_some_and(|rule| matches!(rule.runs, Runs::PerFile { .. } | Runs::AcrossFiles))
}

/// The subjects and skip reason of `id`, when it is a per-file rule (split between shards).
pub(crate) fn per_file_rule(id: &str) -> Option<(Subjects, &'static str)> {
    match rule(id)?.runs {
        Runs::PerFile { subjects, nothing } => Some((subjects, nothing)),
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
    }
}
