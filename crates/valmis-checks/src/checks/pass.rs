//! The file pass: the requirements that look at files one at a time (BUNDLE-SECRETS,
//! PRIVACY-HETU, DOC-*, FHIR-*) are evaluated together, in one parallel walk over the bundle's
//! files. Each file is read once and each document parsed once, whatever the number of
//! requirements that look at it; only one file per thread is held in memory at a time, so memory
//! does not grow with the number of documents. Each requirement then takes its results.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Mutex;

use valmis_bundle::{Bundle, Entry, ReadError};
use valmis_model::{Finding, Requirement};

use super::documents::{self, CdaId, DocFacts, MAX_DOCUMENT};
use super::{fhir, privacy, secrets};
use crate::{Context, SubjectResult, Verdict};

/// Whether requirement `id` is one the file pass evaluates (the rule registry says).
fn per_file(id: &str) -> bool {
    crate::registry::in_file_pass(id)
}

/// Whether requirement `id` has files as subjects, split between shards by `--partition`.
fn split(id: &str) -> bool {
    crate::registry::per_file_rule(id).is_some()
}

/// What the pass is asked to evaluate: the requirements that run, whether PRETEST-EVIDENCE
/// needs the documents' ids, and which shard of the files is checked.
#[derive(Debug, Default)]
pub(crate) struct Wanted<'c> {
    requirements: Vec<&'c Requirement>,
    cda_ids: bool,
    shard: Option<(u32, u32)>,
    /// The CDA schema set that replaces the catalog's (`--cda-schema`).
    schema: Option<&'c valmis_model::SchemaFiles>,
}

impl<'c> Wanted<'c> {
    /// The pass's requirements among `running`, and the document ids when `cda_ids`.
    pub(crate) fn new(running: impl IntoIterator<Item = &'c Requirement>, cda_ids: bool) -> Self {
        let requirements = running.into_iter().filter(|requirement| per_file(&requirement.id)).collect();
        Self { requirements, cda_ids, shard: None, schema: None }
    }

    /// Validates against `schema` instead of the catalog's CDA schema set (DOC-SCHEMA).
    pub(crate) fn with_schema(mut self, schema: Option<&'c valmis_model::SchemaFiles>) -> Self {
        self.schema = schema;
        self
    }

    /// Checks only the files of shard `K` of `N` for the per-file requirements.
    pub(crate) fn in_shard(mut self, shard: Option<(u32, u32)>) -> Self {
        self.shard = shard;
        self
    }

    /// The same, without the per-file requirements: for files of other shards.
    fn ids_only(&self) -> Self {
        let requirements = self.requirements.iter().copied().filter(|requirement| !split(&requirement.id)).collect();
        Self { requirements, cda_ids: self.cda_ids, shard: self.shard, schema: self.schema }
    }

    /// Whether there is anything to do.
    pub(crate) fn is_empty(&self) -> bool {
        self.requirements.is_empty() && !self.cda_ids
    }

    /// The requirement `id`, when the pass evaluates it.
    pub(crate) fn get(&self, id: &str) -> Option<&'c Requirement> {
        self.requirements.iter().copied().find(|requirement| requirement.id == id)
    }

    fn any(&self, ids: &[&str]) -> bool {
        ids.iter().any(|id| self.get(id).is_some())
    }
}

/// Where one document's checks put their results, each with its requirement.
#[derive(Debug)]
pub(crate) struct DocOut<'o, 'c> {
    pub(crate) path: &'o str,
    pub(crate) wanted: &'o Wanted<'c>,
    results: &'o mut Vec<(&'static str, SubjectResult)>,
}

impl<'c> DocOut<'_, 'c> {
    /// The requirement `id`, when the pass evaluates it.
    pub(crate) fn get(&self, id: &str) -> Option<&'c Requirement> {
        self.wanted.get(id)
    }

    /// DOC-WELLFORMED's result: well-formed, or `problem` at the requirement's severity.
    pub(crate) fn wellformed(&mut self, problem: Option<Finding>) {
        if let Some(requirement) = self.wanted.get("DOC-WELLFORMED") {
            let findings =
                problem.map(|finding| Finding { severity: requirement.severity, ..finding }).into_iter().collect();
            self.push("DOC-WELLFORMED", None, Verdict::Checked(findings));
        }
    }

    /// Each wanted requirement of `ids`, skipped for `reason`.
    pub(crate) fn skip(&mut self, ids: impl IntoIterator<Item = &'static str>, reason: &str) {
        for id in ids {
            if self.wanted.get(id).is_some() {
                self.push(id, None, Verdict::Skipped(reason.to_owned()));
            }
        }
    }

    /// Requirement `id`'s verdict on this document; `line` is where the document starts.
    pub(crate) fn push(&mut self, id: &'static str, line: Option<u32>, verdict: Verdict) {
        self.results.push((id, SubjectResult::about(self.path, Some(self.path), line, verdict)));
    }
}

/// A bundle file, read the first time a check asks for its bytes.
#[derive(Debug)]
pub(crate) struct LazyBytes<'a> {
    bundle: &'a Bundle,
    pub(crate) path: &'a str,
    bytes: OnceCell<Result<Vec<u8>, ReadError>>,
}

impl<'a> LazyBytes<'a> {
    fn new(bundle: &'a Bundle, path: &'a str) -> Self {
        Self { bundle, path, bytes: OnceCell::new() }
    }

    /// The file's bytes, or why they cannot be read.
    pub(crate) fn get(&self) -> &Result<Vec<u8>, ReadError> {
        self.bytes.get_or_init(|| self.bundle.read(self.path))
    }
}

/// What one file showed.
#[derive(Debug, Default)]
struct FileRecord {
    results: Vec<(&'static str, SubjectResult)>,
    secrets: secrets::Found,
    cda_id: Option<CdaId>,
}

/// The pass's results, handed to each requirement once.
#[derive(Debug)]
pub(crate) struct FilePass {
    results: Mutex<HashMap<&'static str, Vec<SubjectResult>>>,
    cda_ids: Option<Vec<String>>,
}

impl FilePass {
    /// Walks the bundle once for `wanted`: in parallel on the current rayon pool when
    /// `parallel`, with results in path order either way.
    pub(crate) fn run(context: &Context<'_>, wanted: &Wanted<'_>, parallel: bool) -> Self {
        // The schema set is compiled only when DOC-SCHEMA runs: `--only PRIVACY-*` costs nothing.
        let schema = wanted.get("DOC-SCHEMA").and(wanted.schema.or(context.catalog.cda_schema.as_ref()));
        let facts = DocFacts::new(context, schema);
        let every_file = wanted.any(&["BUNDLE-SECRETS", "PRIVACY-HETU"]);
        let entries: Vec<&Entry> = if every_file {
            context.bundle.files().collect()
        } else {
            context.bundle.files_under("documents").collect()
        };
        let others = wanted.ids_only();
        let visit = |entry: &&Entry| {
            let mine = wanted.shard.is_none_or(|(shard, shards)| crate::shard_of(&entry.path, shards) == shard);
            visit(context.bundle, entry, &facts, if mine { wanted } else { &others })
        };
        let records: Vec<FileRecord> = if parallel {
            use rayon::prelude::*;
            entries.par_iter().map(visit).collect()
        } else {
            entries.iter().map(visit).collect()
        };

        let mut found_secrets = secrets::Found::default();
        let mut results: HashMap<&'static str, Vec<SubjectResult>> = HashMap::new();
        let mut ids = Some(Vec::new());
        for record in records {
            found_secrets.extend(record.secrets);
            for (id, result) in record.results {
                results.entry(id).or_default().push(result);
            }
            match record.cda_id {
                Some(CdaId::Unknown) => ids = None,
                Some(CdaId::Known(Some(id))) => {
                    if let Some(ids) = &mut ids {
                        ids.push(id);
                    }
                }
                Some(CdaId::Known(None)) | None => {}
            }
        }
        for requirement in &wanted.requirements {
            let Some(rule) = crate::registry::rule(&requirement.id) else { continue };
            let id = rule.id;
            let list = results.entry(id).or_default();
            let Some((_, nothing)) = crate::registry::per_file_rule(id) else {
                // The one rule across files: BUNDLE-SECRETS, from what every file showed.
                list.push(secrets::finish(std::mem::take(&mut found_secrets), requirement));
                continue;
            };
            // A shard whose files gave nothing says nothing: other shards have the subjects.
            // (Only shard 1 reports that the bundle as a whole has none.)
            if list.is_empty() && wanted.shard.is_some_and(|(shard, _)| shard != 1) {
                continue;
            }
            if list.is_empty() && wanted.shard.is_some() && has_subjects_elsewhere(context, id) {
                continue;
            }
            if list.is_empty() {
                list.push(SubjectResult::bundle_wide(None, Verdict::Skipped(nothing.to_owned())));
            }
        }
        Self { results: Mutex::new(results), cda_ids: if wanted.cda_ids { ids } else { None } }
    }

    /// Requirement `id`'s results; each requirement takes them once.
    pub(crate) fn take(&self, id: &str) -> Vec<SubjectResult> {
        let taken = self.results.lock().ok().and_then(|mut results| results.remove(id));
        taken.unwrap_or_else(|| {
            vec![SubjectResult::bundle_wide(None, Verdict::Error(format!("{id} was not evaluated by the file pass")))]
        })
    }

    /// The `id/@root` of every CDA document under `documents/`, or `None` when some XML document
    /// cannot be read (DOC-WELLFORMED reports it), so that its id cannot be known.
    pub(crate) fn cda_ids(&self) -> Option<&[String]> {
        self.cda_ids.as_deref()
    }
}

/// Whether the bundle has files that `id` would check (in some other shard).
fn has_subjects_elsewhere(context: &Context<'_>, id: &str) -> bool {
    match crate::registry::per_file_rule(id) {
        Some((crate::registry::Subjects::AnyFile, _)) => context.bundle.files().next().is_some(),
        Some((crate::registry::Subjects::Documents(extensions), _)) => context
            .bundle
            .files_under("documents")
            .any(|entry| extensions.contains(&super::extension(&entry.path).as_str())),
        None => false,
    }
}

/// Every wanted check of one file.
fn visit(bundle: &Bundle, entry: &Entry, facts: &DocFacts, wanted: &Wanted<'_>) -> FileRecord {
    let path = entry.path.as_str();
    let file = LazyBytes::new(bundle, path);
    let mut record = FileRecord::default();
    if let Some(requirement) = wanted.get("BUNDLE-SECRETS") {
        secrets::scan_file(&file, requirement, &mut record.secrets);
    }
    if let Some(requirement) = wanted.get("PRIVACY-HETU")
        && let Some(result) = privacy::scan_file(&file, requirement)
    {
        record.results.push(("PRIVACY-HETU", result));
    }
    if !path.starts_with("documents/") {
        return record;
    }
    let extension = super::extension(path);
    let xml = extension == "xml"
        && (wanted.cda_ids
            || wanted.any(&["DOC-WELLFORMED"])
            || documents::XML_CHECKS.iter().any(|(id, ..)| wanted.get(id).is_some()));
    let json = extension == "json" && wanted.any(&["DOC-WELLFORMED", "FHIR-RESOURCE", "FHIR-PATIENT"]);
    if !xml && !json {
        return record;
    }
    let text = if entry.size > MAX_DOCUMENT {
        Err(documents::too_large(path, entry.size))
    } else {
        match file.get() {
            Ok(bytes) => documents::text_of(path, bytes),
            Err(error) => Err(error.to_string()),
        }
    };
    let text = match &text {
        Ok(text) => Ok(*text),
        Err(message) => Err(message.as_str()),
    };
    let mut out = DocOut { path, wanted, results: &mut record.results };
    if xml {
        record.cda_id = Some(documents::check_xml(text, facts, &mut out));
    } else {
        fhir::check_json(text, facts, &mut out);
    }
    record
}
