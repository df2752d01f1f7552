//! The requirement checks of valmis and the engine that runs them over a bundle.
//!
//! Checks are pure: they read the bundle through [`valmis_bundle::Bundle`] (in memory, never
//! extracted) and return findings as data. A check that cannot run says so (an error outcome);
//! a check that does not apply says why (a skipped outcome). Nothing passes that was not
//! checked: requirements whose checks have not been built yet are reported as skipped.

#![forbid(unsafe_code)]

mod context;
mod coverage;
mod declared;
mod inputs;
mod outcome;
mod pass;
mod rules;
mod setup;

use jiff::Timestamp;
use valmis_bundle::Bundle;
use valmis_i18n::t;
use valmis_model::catalog::CheckKind;
use valmis_model::{Catalog, CatalogError, CatalogSet, Outcomes, Report, ReportMeta, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::outcome::{Texts, to_outcome};
use crate::setup::with_context;

pub use coverage::{CaseCoverage, CaseState, Coverage, CoverageError, ServiceCoverage, StrayRow, coverage};
pub use inputs::connection::ProbeTarget;
pub use inputs::names::{is_leftover_file, is_stray_folder};
pub use pass::shard_of;
pub use setup::validate_catalog;

/// How a run should behave.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// The instant all date rules use.
    pub now: Timestamp,
    /// Warnings block too.
    pub strict: bool,
    /// Requirement id globs to run (empty: all).
    pub only: Vec<String>,
    /// Requirement id globs not to run.
    pub skip: Vec<String>,
    /// What the online probe found (`--online`); `None` for an offline run.
    pub probe: Option<Vec<valmis_model::ProbeResult>>,
    /// Threads checking requirements in parallel; 0 for one per core.
    pub threads: usize,
    /// Check only shard `K` of `N` (1-based): the files of the per-file requirements are split
    /// by a stable hash of their path, and shard 1 also runs every other requirement.
    pub partition: Option<(u32, u32)>,
    /// The language of requirement titles and fixes in the report.
    pub lang: valmis_model::Lang,
    /// A CDA schema set that replaces the catalog's (`--cda-schema`).
    pub cda_schema: Option<valmis_model::SchemaFiles>,
    /// Measure the time of each outcome (`--timestamps`): a requirement's time shared by its
    /// outcomes, the file pass's by the outcomes of the requirements it served. Off, outcomes
    /// carry no time and reports are the same bytes from run to run.
    pub timestamps: bool,
}

/// Why a run cannot start: an unusable catalog, or a selection (`--only`, `--skip`) that names
/// no requirement or leaves none to check. Both are usage errors (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The catalog cannot be used.
    #[error("invalid catalog: {0}")]
    Catalog(CatalogError),
    /// `--only`/`--skip` select nothing, or nothing that exists.
    #[error("{0}")]
    Selection(String),
}

// Not `#[from]`, which would make the catalog error the source too: its text is already in the
// message, and a chain printed whole would repeat it.
impl From<CatalogError> for VerifyError {
    fn from(error: CatalogError) -> Self {
        Self::Catalog(error)
    }
}

impl From<CatalogError> for ProbeTargetsError {
    fn from(error: CatalogError) -> Self {
        Self::Catalog(error)
    }
}

/// Why the online probe has no endpoint to connect to.
#[derive(Debug, thiserror::Error)]
pub enum ProbeTargetsError {
    /// The catalog cannot be used.
    #[error("{0}")]
    Catalog(CatalogError),
    /// connection.toml or its certificates do not give the targets: why.
    #[error("{0}")]
    NoTargets(String),
}

/// Runs every requirement of the bundle's round over the bundle.
pub fn verify(bundle: &Bundle, catalogs: &CatalogSet, options: &VerifyOptions) -> Result<Report, VerifyError> {
    with_context(
        bundle,
        catalogs,
        options.now,
        options.probe.as_deref(),
        options.cda_schema.as_ref(),
        options.lang,
        |context| run(context, options),
    )?
}

/// Facts of the bundle a harness run needs: the round its manifest names (or the newest) and the
/// organisation's OID arc.
pub fn run_facts(bundle: &Bundle, catalogs: &CatalogSet) -> Result<(String, Option<String>), CatalogError> {
    with_context(bundle, catalogs, Timestamp::UNIX_EPOCH, None, None, valmis_model::Lang::En, |context| {
        (context.catalog.round.id.clone(), context.organisation_arc().map(|oid| oid.as_str().to_owned()))
    })
}

/// The endpoints of the bundle's connection.toml with their certificates, for the online probe;
/// an error says why there is nothing to probe.
pub fn probe_targets(
    bundle: &Bundle,
    catalogs: &CatalogSet,
    lang: valmis_model::Lang,
) -> Result<Vec<ProbeTarget>, ProbeTargetsError> {
    with_context(bundle, catalogs, Timestamp::UNIX_EPOCH, None, None, lang, |context| {
        let (connection, _) = context.connection_parsed()?;
        inputs::certificates::probe_targets(connection, context.certificates()?, context.lang.as_str())
    })?
    .map_err(ProbeTargetsError::NoTargets)
}

fn run(context: &Context<'_>, options: &VerifyOptions) -> Result<Report, VerifyError> {
    let (bundle, catalog, catalogs) = (context.bundle, context.catalog, context.catalogs);
    let selection = Selection::new(options, catalog)?;
    let strict = options.strict;
    // Why a requirement is not evaluated, if it is not.
    let gate = |requirement: &Requirement| -> Option<String> {
        if let Some(reason) = selection.excluded(&requirement.id) {
            Some(reason)
        } else if let (Some(reason), false) = (bundle.refused(), rules::runs_on_refused_bundle(&requirement.id)) {
            Some(t!(
                context.lang.as_str(),
                "refused-skip",
                reason = reason.render(context.lang.as_str()),
                rule = rules::REFUSAL_RULE
            ))
        } else {
            not_applicable(context, requirement)
        }
    };
    // In shard K > 1 only the per-file requirements run (over that shard's files); the rest are
    // shard 1's, so that merged shards hold every outcome once.
    let elsewhere = |requirement: &Requirement| {
        options.partition.is_some_and(|(shard, _)| shard != 1)
            && !(requirement.check == CheckKind::Builtin && rules::per_file_rule(&requirement.id).is_some())
    };
    let evaluate = |requirement: &Requirement| -> Outcomes {
        if elsewhere(requirement) {
            return Outcomes::new();
        }
        let started = std::time::Instant::now();
        let texts = Texts::of(requirement, options.lang);
        let results = if let Some(reason) = gate(requirement) {
            vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))]
        } else if requirement.check != CheckKind::Builtin {
            declared::check(context, requirement)
        } else if let Some(check) = rules::check(&requirement.id) {
            match check {
                rules::Checked::Alone(check) => check(context, requirement),
                // Already outcomes: the pass made them as it went.
                rules::Checked::InFilePass => match context.take_file_outcomes(&requirement.id) {
                    Ok(mut outcomes) => {
                        outcomes.sort();
                        outcomes.shrink_to_fit();
                        if options.timestamps {
                            share_time(&mut outcomes, started.elapsed());
                        }
                        return outcomes;
                    }
                    Err(error) => vec![error],
                },
            }
        } else {
            // validate_catalog refuses catalogs naming a check this valmis does not have.
            vec![SubjectResult::bundle_wide(
                None,
                Verdict::Error(t!(context.lang.as_str(), "no-check", id = &requirement.id)),
            )]
        };
        // In the report's order by subject before they are encoded: sorting encoded outcomes
        // decodes them all at once (a PRETEST requirement over 20,000 case ids, which sort
        // as text, not as numbers, took megabytes at the run's peak). Stable, as `sort` is.
        let mut results = results;
        if !results.is_sorted_by(|a, b| a.subject <= b.subject) {
            results.sort_by(|a, b| a.subject.cmp(&b.subject));
        }
        // Each result is kept compactly as soon as it is an outcome (Outcomes), and freed.
        let mut outcomes: Outcomes =
            results.into_iter().map(|result| to_outcome(bundle, requirement, &texts, result, strict, None)).collect();
        // Every outcome here has this requirement's area and id: ordering by subject puts them
        // in the report's order (Report::sort); results in path order are already in it.
        outcomes.sort();
        outcomes.shrink_to_fit();
        if options.timestamps {
            share_time(&mut outcomes, started.elapsed());
        }
        outcomes
    };
    // The submission's checklist: the requirements for its kind and role. The others are not
    // part of it and are left out of the report (a change notification has no pre-test report to
    // judge, and lists no pre-test outcome).
    let (kind, role) = context.submission();
    let checklist: Vec<&Requirement> = catalog
        .requirements
        .iter()
        .filter(|requirement| match (kind, role) {
            (Some(kind), Some(role)) => requirement.applies_to.includes(kind, role),
            _ => true,
        })
        .collect();
    let running: Vec<&Requirement> = checklist
        .iter()
        .copied()
        .filter(|requirement| requirement.check == CheckKind::Builtin && gate(requirement).is_none())
        .collect();
    let running: Vec<&Requirement> = running.into_iter().filter(|requirement| !elsewhere(requirement)).collect();
    let wanted = pass::Wanted::new(
        running.iter().copied(),
        running.iter().any(|requirement| rules::needs_document_ids(&requirement.id)),
    )
    .in_shard(options.partition)
    .strict(strict);
    // The file pass reads every file once for all the requirements that look at files; then the
    // requirements, which are independent, run in parallel. Putting the outcomes in order
    // afterwards makes the output the same whatever the number of threads.
    let mut pass_time = std::time::Duration::ZERO;
    let mut per_requirement: Vec<Outcomes> = match rayon::ThreadPoolBuilder::new().num_threads(options.threads).build()
    {
        Ok(pool) => pool.install(|| {
            use rayon::prelude::*;
            let pass_started = std::time::Instant::now();
            if !wanted.is_empty() {
                context.set_file_results(pass::run(context, &wanted, true));
            }
            pass_time = pass_started.elapsed();
            checklist.par_iter().map(|requirement| evaluate(requirement)).collect()
        }),
        Err(_) => checklist.iter().map(|requirement| evaluate(requirement)).collect(),
    };
    if options.timestamps && !wanted.is_empty() {
        // The file pass worked for the per-file requirements at once: its time goes to their
        // outcomes, shared alike.
        let served =
            |outcomes: &Outcomes| outcomes.views().next().is_some_and(|first| wanted.serves(first.requirement()));
        let count: usize = per_requirement.iter().filter(|outcomes| served(outcomes)).map(Outcomes::len).sum();
        let share = u64::try_from(pass_time.as_micros()).unwrap_or(u64::MAX) / (count.max(1) as u64);
        for outcomes in per_requirement.iter_mut().filter(|outcomes| served(outcomes)) {
            outcomes.for_each_mut(|outcome| {
                outcome.time_us = Some(outcome.time_us.unwrap_or(0).saturating_add(share));
            });
        }
    }
    // The report's order (Report::sort) without sorting the whole report: requirements in
    // (area, id) order, each already ordered by subject, their compact outcomes moved as they are.
    per_requirement.sort_by_cached_key(|outcomes| {
        outcomes.views().next().map(|first| (first.area(), first.requirement().to_owned()))
    });
    let mut outcomes = Outcomes::new();
    for outcomes_of_one in per_requirement {
        outcomes.append(outcomes_of_one);
    }

    let report = Report {
        meta: ReportMeta {
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            round: catalog.round.id.clone(),
            catalog: catalogs.origin.clone(),
            bundle: bundle.display().to_owned(),
            now: options.now.to_string(),
            strict: options.strict,
            partition: options.partition.map(|(shard, shards)| format!("{shard}/{shards}")),
            lang: options.lang,
        },
        outcomes,
        waivers: Vec::new(),
        baseline: None,
    };
    debug_assert!(report.is_sorted(), "the report's outcomes are out of order");
    Ok(report)
}

/// Gives each outcome an equal share of `elapsed` (`--timestamps`).
fn share_time(outcomes: &mut Outcomes, elapsed: std::time::Duration) {
    let share = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX) / (outcomes.len().max(1) as u64);
    outcomes.for_each_mut(|outcome| outcome.time_us = Some(share));
}

/// `--only` / `--skip` as compiled globs.
struct Selection {
    only: Option<globset::GlobSet>,
    skip: Option<globset::GlobSet>,
    only_text: String,
    skip_text: String,
    lang: &'static str,
}

impl Selection {
    /// The requirements `--only` and `--skip` select. A pattern that matches no requirement of the
    /// round (a typo such as `BUNDEL-*` or `PRETEST_RESULT`) and a selection that leaves nothing
    /// to check are errors: a run that checks nothing must never look ready.
    fn new(options: &VerifyOptions, catalog: &Catalog) -> Result<Self, VerifyError> {
        let ids: Vec<&str> = catalog.requirements.iter().map(|requirement| requirement.id.as_str()).collect();
        let lang = options.lang.as_str();
        let compile = |flag: &str, patterns: &[String]| -> Result<Option<globset::GlobSet>, VerifyError> {
            if patterns.is_empty() {
                return Ok(None);
            }
            let mut builder = globset::GlobSetBuilder::new();
            for pattern in patterns {
                let glob = globset::GlobBuilder::new(pattern).case_insensitive(true).build().map_err(|error| {
                    VerifyError::Selection(t!(
                        lang,
                        "select-not-a-pattern",
                        flag = flag,
                        pattern = pattern,
                        error = error.to_string()
                    ))
                })?;
                let matcher = glob.compile_matcher();
                if !ids.iter().any(|id| matcher.is_match(id)) {
                    return Err(VerifyError::Selection(t!(
                        lang,
                        "select-matches-nothing",
                        flag = flag,
                        pattern = pattern,
                        round = &catalog.round.id,
                        near = nearest(lang, pattern, &ids)
                    )));
                }
                builder.add(glob);
            }
            Ok(builder.build().ok())
        };
        let selection = Self {
            only: compile("--only", &options.only)?,
            skip: compile("--skip", &options.skip)?,
            only_text: options.only.join(", "),
            skip_text: options.skip.join(", "),
            lang,
        };
        if ids.iter().all(|id| selection.excluded(id).is_some()) {
            let mut flags = Vec::new();
            if !options.only.is_empty() {
                flags.push(format!("--only {}", selection.only_text));
            }
            if !options.skip.is_empty() {
                flags.push(format!("--skip {}", selection.skip_text));
            }
            return Err(VerifyError::Selection(t!(
                lang,
                "select-leaves-nothing",
                flags = flags.join(&format!(" {} ", t!(lang, "word-with"))),
                round = &catalog.round.id
            )));
        }
        Ok(selection)
    }

    fn excluded(&self, id: &str) -> Option<String> {
        if let Some(only) = &self.only
            && !only.is_match(id)
        {
            return Some(t!(self.lang, "select-not-selected", patterns = &self.only_text));
        }
        match &self.skip {
            Some(skip) if skip.is_match(id) => Some(t!(self.lang, "select-skipped", patterns = &self.skip_text)),
            _ => None,
        }
    }
}

/// "; did you mean `BUNDLE-*`?": the requirement ids and area globs nearest to a pattern that
/// matched nothing, by edit distance.
fn nearest(lang: &str, pattern: &str, ids: &[&str]) -> String {
    let wanted = pattern.to_ascii_uppercase().replace('_', "-");
    let mut candidates: Vec<String> = ids.iter().map(|id| (*id).to_owned()).collect();
    for id in ids {
        if let Some((area, _)) = id.split_once('-') {
            let glob = format!("{area}-*");
            if !candidates.contains(&glob) {
                candidates.push(glob);
            }
        }
    }
    let mut ranked: Vec<(usize, String)> = candidates
        .into_iter()
        .map(|candidate| (valmis_model::edit_distance(&wanted, &candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 2).max(2))
        .collect();
    ranked.sort();
    ranked.truncate(3);
    if ranked.is_empty() {
        t!(lang, "select-none-near")
    } else {
        let names: Vec<String> = ranked.into_iter().map(|(_, candidate)| format!("`{candidate}`")).collect();
        t!(lang, "select-near", names = names.join(&format!(" {} ", t!(lang, "word-or"))))
    }
}

/// Why a requirement limited to some services does not apply to this submission.
fn not_applicable(context: &Context<'_>, requirement: &Requirement) -> Option<String> {
    if !requirement.applies_to.is_everything() {
        // The checklist holds it because the kind or role could not be read.
        match context.submission() {
            (None, _) => {
                return Some(t!(context.lang.as_str(), "skip-kind-unknown", field = "kind"));
            }
            (_, None) => {
                return Some(t!(context.lang.as_str(), "skip-kind-unknown", field = "role"));
            }
            _ => {}
        }
    }
    if requirement.services.is_empty() {
        return None;
    }
    let declared = context.declared_services();
    if requirement.services.iter().any(|service| declared.contains(&service.as_str())) {
        return None;
    }
    Some(t!(context.lang.as_str(), "skip-no-service", services = requirement.services.join(", ")))
}
