//! The file pass: the rules that look at files one at a time (the registry's per-file and
//! across-files rules) are evaluated together, in one parallel walk over the bundle's files.
//! Each file is read once and each document parsed once, whatever the number of rules that look
//! at it; only one file per thread is held in memory at a time, so memory does not grow with the
//! number of documents. Each requirement then takes its results from the context.
//!
//! The pass names no requirement: what each rule looks at comes from the registry.

use std::collections::HashMap;

use valmis_bundle::{Bundle, Entry};
use valmis_i18n::t;
use valmis_model::Requirement;

use valmis_model::{Outcome, Outcomes};

use crate::context::{Context, FileResults, SubjectResult, Verdict};
use crate::inputs::document::{Document, Tree};
use crate::inputs::file::LazyBytes;
use crate::inputs::names::extension;
use crate::inputs::xml::{self, MAX_DOCUMENT};
use crate::outcome::{Texts, to_outcome};
use crate::rules::kit::Collected;
use crate::rules::{self, FileCheck, Rule, Runs, Subjects};

/// What the pass is asked to evaluate: the rules that run, whether PRETEST-EVIDENCE needs the
/// documents' ids, and which shard of the files is checked.
#[derive(Debug, Default)]
pub(crate) struct Wanted<'c> {
    rules: Vec<(&'static Rule, &'c Requirement)>,
    cda_ids: bool,
    shard: Option<(u32, u32)>,
    /// `--strict`: warnings fail (the outcomes are made in the pass).
    strict: bool,
}

impl<'c> Wanted<'c> {
    /// The pass's rules among `running`, and the document ids when `cda_ids`.
    pub(crate) fn new(running: impl IntoIterator<Item = &'c Requirement>, cda_ids: bool) -> Self {
        let rules = running
            .into_iter()
            .filter_map(|requirement| {
                rules::rule(&requirement.id).filter(|rule| rules::in_file_pass(rule.id)).map(|rule| (rule, requirement))
            })
            .collect();
        Self { rules, cda_ids, shard: None, strict: false }
    }

    /// Warnings fail (`--strict`).
    pub(crate) fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Checks only the files of shard `K` of `N` for the per-file rules.
    pub(crate) fn in_shard(mut self, shard: Option<(u32, u32)>) -> Self {
        self.shard = shard;
        self
    }

    /// The same, without the per-file rules: for files of other shards.
    fn ids_only(&self) -> Self {
        let rules =
            self.rules.iter().copied().filter(|(rule, _)| matches!(rule.runs, Runs::AcrossFiles { .. })).collect();
        Self { rules, cda_ids: self.cda_ids, shard: self.shard, strict: self.strict }
    }

    /// Whether there is anything to do.
    pub(crate) fn is_empty(&self) -> bool {
        self.rules.is_empty() && !self.cda_ids
    }

    /// Whether the pass evaluates requirement `id`.
    pub(crate) fn serves(&self, id: &str) -> bool {
        self.rules.iter().any(|(rule, _)| rule.id == id)
    }

    /// Whether some rule looks at every file, not only documents.
    fn every_file(&self) -> bool {
        self.rules.iter().any(|(rule, _)| match rule.runs {
            Runs::AcrossFiles { .. } => true,
            Runs::PerFile { subjects, .. } => subjects == Subjects::AnyFile,
            Runs::Alone(_) => false,
        })
    }
}

/// Files read before their results are made compact outcomes: enough to keep every thread busy,
/// few enough that their results take little memory.
const CHUNK: usize = 512;

/// What one file showed.
#[derive(Debug, Default)]
struct FileRecord {
    results: Vec<(&'static str, SubjectResult)>,
    /// What across-files rules collected from it, by rule.
    collected: Vec<(&'static str, Collected)>,
    /// For an XML document, when ids are wanted: its `id/@root`, or `Err` when it has no tree.
    cda_id: Option<Result<Option<String>, ()>>,
}

/// Walks the bundle once for `wanted`: in parallel on the current rayon pool when `parallel`,
/// with results in path order either way.
pub(crate) fn run(context: &Context<'_>, wanted: &Wanted<'_>, parallel: bool) -> FileResults {
    // The inputs rules take from the context (the compiled schema set, the pre-test report's
    // OIDs, the test persons) are independent of each other: made side by side.
    let prepares: Vec<fn(&Context<'_>)> = wanted.rules.iter().filter_map(|(rule, _)| rule.prepare).collect();
    if parallel {
        use rayon::prelude::*;
        prepares.par_iter().for_each(|prepare| prepare(context));
    } else {
        prepares.iter().for_each(|prepare| prepare(context));
    }
    let entries: Vec<&Entry> = if wanted.every_file() {
        context.bundle.files().collect()
    } else {
        context.bundle.files_under("documents").collect()
    };
    let others = wanted.ids_only();
    let texts: HashMap<&'static str, (Texts, &Requirement)> = wanted
        .rules
        .iter()
        .map(|(rule, requirement)| (rule.id, (Texts::of(requirement, context.lang), *requirement)))
        .collect();
    // A file's results become outcomes on the thread that checked it (this was a serial step
    // after each chunk, 3 % of a large run's CPU time, with the other threads waiting).
    let visit = |entry: &&Entry| {
        let mine = wanted.shard.is_none_or(|(shard, shards)| shard_of(&entry.path, shards) == shard);
        let mut record = visit(context, entry, if mine { wanted } else { &others });
        let outcomes = std::mem::take(&mut record.results)
            .into_iter()
            .filter_map(|(id, result)| {
                let (texts, requirement) = texts.get(id)?;
                Some((id, to_outcome(context.bundle, requirement, texts, result, wanted.strict, Some(&entry.path))))
            })
            .collect::<Vec<_>>();
        (record, outcomes)
    };
    // Files in chunks: each chunk's outcomes are made compact (Outcomes) before the next chunk
    // is read, so that memory holds one chunk's outcomes in full, not the whole bundle's.
    let mut collected: HashMap<&'static str, Collected> = HashMap::new();
    let mut results: HashMap<&'static str, Outcomes> = HashMap::new();
    let add = |results: &mut HashMap<&'static str, Outcomes>, id: &'static str, result: SubjectResult| {
        if let Some((texts, requirement)) = texts.get(id) {
            results.entry(id).or_default().push(to_outcome(
                context.bundle,
                requirement,
                texts,
                result,
                wanted.strict,
                None,
            ));
        }
    };
    let mut ids = Some(Vec::new());
    for chunk in entries.chunks(CHUNK) {
        let records: Vec<(FileRecord, Vec<(&'static str, Outcome)>)> = if parallel {
            use rayon::prelude::*;
            chunk.par_iter().map(visit).collect()
        } else {
            chunk.iter().map(visit).collect()
        };
        // Each chunk's outcomes in their own exactly sized segments: one buffer per rule
        // growing by doubling over the whole bundle kept up to half of itself unused.
        let mut made: HashMap<&'static str, Outcomes> = HashMap::new();
        for (record, outcomes) in records {
            for (id, found) in record.collected {
                collected.entry(id).or_default().extend(found);
            }
            for (id, outcome) in outcomes {
                made.entry(id).or_default().push(outcome);
            }
            match record.cda_id {
                Some(Err(())) => ids = None,
                Some(Ok(Some(id))) => {
                    if let Some(ids) = &mut ids {
                        ids.push(id);
                    }
                }
                Some(Ok(None)) | None => {}
            }
        }
        for (id, mut outcomes) in made {
            outcomes.shrink_to_fit();
            results.entry(id).or_default().append(outcomes);
        }
    }
    for (rule, requirement) in &wanted.rules {
        let id = rule.id;
        // Every rule of the pass has its entry, empty or not.
        let none = results.entry(id).or_default().is_empty();
        match rule.runs {
            Runs::AcrossFiles { finish, .. } => {
                add(&mut results, id, finish(context, collected.remove(id).unwrap_or_default(), requirement));
            }
            Runs::PerFile { nothing, .. } => {
                // A shard whose files gave nothing says nothing: other shards have the subjects.
                // (Only shard 1 reports that the bundle as a whole has none.)
                if none && wanted.shard.is_some_and(|(shard, _)| shard != 1) {
                    continue;
                }
                if none && wanted.shard.is_some() && has_subjects_elsewhere(context, rule) {
                    continue;
                }
                if none {
                    add(
                        &mut results,
                        id,
                        SubjectResult::bundle_wide(None, Verdict::Skipped(nothing(context.lang.as_str()))),
                    );
                }
            }
            Runs::Alone(_) => {}
        }
    }
    context.release_pass_inputs();
    FileResults::new(results, if wanted.cda_ids { ids } else { None })
}

/// Whether the bundle has files that `rule` would check (in some other shard).
fn has_subjects_elsewhere(context: &Context<'_>, rule: &Rule) -> bool {
    match rule.runs {
        Runs::PerFile { subjects: Subjects::AnyFile, .. } => context.bundle.files().next().is_some(),
        Runs::PerFile { subjects: Subjects::Documents(extensions), .. } => {
            context.bundle.files_under("documents").any(|entry| extensions.contains(&extension(&entry.path).as_str()))
        }
        _ => false,
    }
}

/// Every wanted rule over one file.
fn visit(context: &Context<'_>, entry: &Entry, wanted: &Wanted<'_>) -> FileRecord {
    let bundle: &Bundle = context.bundle;
    let path = entry.path.as_str();
    let file = LazyBytes::new(bundle, path);
    let mut record = FileRecord::default();
    let is_document = path.starts_with("documents/");
    let file_extension = if is_document { extension(path) } else { String::new() };
    let mut document_rules = Vec::new();
    for &(rule, requirement) in &wanted.rules {
        match rule.runs {
            Runs::AcrossFiles { scan, .. } => {
                let mut found = Collected::default();
                scan(context, &file, requirement, &mut found);
                if !found.is_empty() {
                    record.collected.push((rule.id, found));
                }
            }
            Runs::PerFile { check: FileCheck::File(check), .. } => {
                if let Some(result) = check(context, &file, requirement) {
                    record.results.push((rule.id, result));
                }
            }
            Runs::PerFile { subjects: Subjects::Documents(extensions), check, .. }
                if is_document && extensions.contains(&file_extension.as_str()) =>
            {
                document_rules.push((rule.id, check, requirement));
            }
            Runs::PerFile { .. } | Runs::Alone(_) => {}
        }
    }
    let as_xml = file_extension == "xml";
    if document_rules.is_empty() && !(as_xml && wanted.cda_ids) {
        return record;
    }
    let text = if entry.size > MAX_DOCUMENT {
        Err(xml::too_large(path, entry.size))
    } else {
        match file.get() {
            Ok(bytes) => xml::text_of(path, bytes),
            Err(error) => Err(error.message()),
        }
    };
    let document = Document::parse(path, text, as_xml);
    let mut push = |id: &'static str, line: Option<u32>, verdict: Verdict| {
        record.results.push((id, SubjectResult::about(path, Some(path), line, verdict)));
    };
    for (id, check, requirement) in document_rules {
        if let FileCheck::Document(check) = check {
            push(id, None, check(context, &document, requirement));
            continue;
        }
        let (source, tree) = match (&document.source, &document.tree) {
            (Some(source), Ok(tree)) => (source, tree),
            (_, Err(problem)) => {
                push(id, None, Verdict::Skipped(problem.skip_reason(context.lang.as_str())));
                continue;
            }
            // A document with a tree always has its text.
            (None, Ok(_)) => continue,
        };
        match (check, tree) {
            (FileCheck::Xml { cda_only, check }, Tree::Xml(parsed)) => {
                let root = parsed.root_element();
                if cda_only && !xml::is_cda(root) {
                    push(id, None, Verdict::Skipped(t!(context.lang.as_str(), "document-not-cda-skip")));
                } else {
                    let mut findings = Vec::new();
                    check(context, requirement.severity, source, root, &mut findings);
                    push(id, Some(source.line_of(root.range().start)), Verdict::Checked(findings));
                }
            }
            (FileCheck::CdaVerdict(check), Tree::Xml(parsed)) => {
                let root = parsed.root_element();
                if xml::is_cda(root) {
                    push(id, Some(source.line_of(root.range().start)), check(context, requirement, source, root));
                } else {
                    push(id, None, Verdict::Skipped(t!(context.lang.as_str(), "document-not-cda-skip")));
                }
            }
            (FileCheck::Json(check), Tree::Json(parsed)) => {
                let mut findings = Vec::new();
                check(context, requirement.severity, source, parsed.root(), &mut findings);
                push(id, Some(1), Verdict::Checked(findings));
            }
            _ => {}
        }
    }
    if as_xml && wanted.cda_ids {
        record.cda_id = Some(match &document.tree {
            Ok(Tree::Xml(parsed)) => Ok(xml::document_id(parsed.root_element())),
            _ => Err(()),
        });
    }
    record
}

/// The shard (1-based) of `path` among `shards`: FNV-1a of the path, the same on every machine.
pub fn shard_of(path: &str, shards: u32) -> u32 {
    let hash = path
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3));
    (hash % u64::from(shards.max(1))) as u32 + 1
}
