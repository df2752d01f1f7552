//! What a rule is given and what it gives back: the [`Context`] (the bundle, its round's catalog,
//! the manifest, and every other input read once, on first use, for the whole run) and
//! [`SubjectResult`]s. Below the rules and the engine; above the inputs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jiff::Timestamp;
use valmis_bundle::Bundle;
use valmis_i18n::{Msg, msg, t};
use valmis_ids::Oid;
use valmis_model::{Catalog, CatalogSet, Finding, Lang, Outcomes, Requirement, Role, SchemaFiles, SubmissionKind};

use crate::inputs::certificates::{self, CertificateFile};
use crate::inputs::connection::{self, CONNECTION, RawConnection};
use crate::inputs::manifest::Manifest;
use crate::inputs::pretest::{self, View};
use crate::inputs::schema::SchemaState;
use crate::inputs::source::SourceFile;

/// What one check concluded about one subject.
#[derive(Debug)]
pub(crate) struct SubjectResult {
    /// What the requirement was applied to; `None` for bundle-wide requirements.
    pub(crate) subject: Option<String>,
    /// Bundle-relative path of the subject's file.
    pub(crate) file: Option<String>,
    /// Where the subject is in its file (a report row), when that is known without a finding.
    pub(crate) line: Option<u32>,
    pub(crate) verdict: Verdict,
}

#[derive(Debug)]
pub(crate) enum Verdict {
    /// Checked; these are the findings (none: passed).
    Checked(Vec<Finding>),
    /// Not evaluated on purpose, with the reason.
    Skipped(String),
    /// Could not be evaluated, with the reason.
    Error(String),
}

impl SubjectResult {
    pub(crate) fn bundle_wide(file: Option<&str>, verdict: Verdict) -> Self {
        Self { subject: None, file: file.map(str::to_owned), line: None, verdict }
    }

    /// A result about one subject (a file, a pre-test case) of a requirement.
    pub(crate) fn about(subject: impl Into<String>, file: Option<&str>, line: Option<u32>, verdict: Verdict) -> Self {
        Self { subject: Some(subject.into()), file: file.map(str::to_owned), line, verdict }
    }
}

/// A rule's check: its results over the context.
pub(crate) type CheckFn = fn(&Context<'_>, &Requirement) -> Vec<SubjectResult>;

/// The manifest as far as it could be read.
#[derive(Debug)]
pub(crate) enum ManifestState<'m> {
    Missing,
    Unreadable(Msg),
    Parsed(Manifest<'m>),
}

/// The file pass's results, computed before the requirements run; each requirement of the
/// pass takes its own once.
#[derive(Debug)]
pub(crate) struct FileResults {
    results: Mutex<HashMap<&'static str, Outcomes>>,
    /// The `id/@root` of every XML document, or `None` when some XML document cannot be read
    /// (DOC-WELLFORMED reports it), so that its id cannot be known. `None` too when the pass was
    /// not asked for them. Sorted, each id once, for [`FileResults::has_document_id`].
    cda_ids: Option<Vec<String>>,
}

impl FileResults {
    pub(crate) fn new(results: HashMap<&'static str, Outcomes>, mut cda_ids: Option<Vec<String>>) -> Self {
        if let Some(ids) = &mut cda_ids {
            ids.sort_unstable();
            ids.dedup();
        }
        Self { results: Mutex::new(results), cda_ids }
    }

    /// Requirement `id`'s outcomes; each requirement takes them once (`None`: the pass did not
    /// evaluate it).
    pub(crate) fn take(&self, id: &str) -> Option<Outcomes> {
        self.results.lock().ok().and_then(|mut results| results.remove(id))
    }
}

/// Everything a rule may look at. The inputs beyond the manifest are read on first use and kept
/// for the run, so that each is read once whatever the number of rules reading it.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub(crate) bundle: &'a Bundle,
    pub(crate) catalog: &'a Catalog,
    pub(crate) catalogs: &'a CatalogSet,
    /// Whether the manifest's round has a catalog (otherwise `catalog` is a fallback).
    pub(crate) round_known: bool,
    pub(crate) manifest: ManifestState<'a>,
    pub(crate) manifest_text: &'a str,
    pub(crate) now: Timestamp,
    /// The online probe's results, when the run is online.
    pub(crate) probe: Option<&'a [valmis_model::ProbeResult]>,
    /// The language of the run's messages (`--lang`).
    pub(crate) lang: Lang,
    /// A CDA schema set that replaces the catalog's (`--cda-schema`).
    schema_files: Option<&'a SchemaFiles>,
    pretest: OnceLock<pretest::Loaded>,
    connection: OnceLock<connection::Loaded>,
    certificates: OnceLock<Vec<CertificateFile>>,
    declared_arcs: OnceLock<Vec<(Oid, Msg)>>,
    sample_oids: OnceLock<Vec<(Oid, String)>>,
    test_persons: OnceLock<Option<Vec<String>>>,
    /// The compiled CDA schema set, the largest input a run holds: made before the file pass
    /// and dropped after it ([`Self::release_pass_inputs`]), so that it does not add to the
    /// memory the outcomes take afterwards.
    schema: Mutex<Option<Arc<SchemaState>>>,
    sandbox_hosts: OnceLock<Option<globset::GlobSet>>,
    file_results: OnceLock<FileResults>,
}

impl<'a> Context<'a> {
    /// A context over `bundle` with its manifest and round's catalog.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        bundle: &'a Bundle,
        catalog: &'a Catalog,
        catalogs: &'a CatalogSet,
        round_known: bool,
        manifest: ManifestState<'a>,
        manifest_text: &'a str,
        now: Timestamp,
        probe: Option<&'a [valmis_model::ProbeResult]>,
        schema_files: Option<&'a SchemaFiles>,
        lang: Lang,
    ) -> Self {
        Self {
            bundle,
            catalog,
            catalogs,
            round_known,
            manifest,
            manifest_text,
            now,
            probe,
            schema_files,
            lang,
            pretest: OnceLock::new(),
            connection: OnceLock::new(),
            certificates: OnceLock::new(),
            declared_arcs: OnceLock::new(),
            sample_oids: OnceLock::new(),
            test_persons: OnceLock::new(),
            schema: Mutex::new(None),
            sandbox_hosts: OnceLock::new(),
            file_results: OnceLock::new(),
        }
    }
}

impl Context<'_> {
    /// Service ids declared in the manifest that the catalog knows.
    pub(crate) fn declared_services(&self) -> Vec<&str> {
        match &self.manifest {
            ManifestState::Parsed(manifest) => manifest
                .services()
                .into_iter()
                .filter_map(|(id, _)| self.catalog.service(id))
                .map(|service| service.id.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The submission's kind and role as the manifest declares them (by default a registration
    /// by a vendor); `None` for a value valmis does not know or cannot read (BUNDLE-MANIFEST
    /// reports it).
    pub(crate) fn submission(&self) -> (Option<SubmissionKind>, Option<Role>) {
        let ManifestState::Parsed(manifest) = &self.manifest else {
            return (Some(SubmissionKind::Registration), Some(Role::Vendor));
        };
        let kind = match manifest.string(&["kind"]) {
            Ok(None) => Some(SubmissionKind::Registration),
            Ok(Some((text, _))) => SubmissionKind::parse(text),
            Err(_) => None,
        };
        let role = match manifest.string(&["role"]) {
            Ok(None) => Some(Role::Vendor),
            Ok(Some((text, _))) => Role::parse(text),
            Err(_) => None,
        };
        (kind, role)
    }

    /// The parsed manifest, or the reason a manifest-based check cannot run.
    pub(crate) fn manifest(&self) -> Result<&Manifest<'_>, String> {
        match &self.manifest {
            ManifestState::Parsed(manifest) => Ok(manifest),
            ManifestState::Missing => Err(t!(self.lang.as_str(), "manifest-missing-skip")),
            ManifestState::Unreadable(_) => Err(t!(self.lang.as_str(), "manifest-unreadable-skip")),
        }
    }

    /// The pre-test report as far as it could be read.
    pub(crate) fn pretest(&self) -> &pretest::Loaded {
        self.pretest.get_or_init(|| pretest::load(self.bundle))
    }

    /// The readable pre-test report, or the reason a check over its rows cannot run.
    pub(crate) fn pretest_view(&self) -> Result<View<'_>, String> {
        match self.pretest() {
            pretest::Loaded::Read { path, report } => Ok(View::new(path, report, self.lang.as_str())),
            _ => Err(t!(self.lang.as_str(), "pretest-unusable-skip")),
        }
    }

    /// connection.toml as far as it could be read.
    pub(crate) fn connection(&self) -> &connection::Loaded {
        self.connection.get_or_init(|| connection::load(self.bundle))
    }

    /// The parsed connection.toml and a source for locating its values, or why a check cannot
    /// run.
    pub(crate) fn connection_parsed(&self) -> Result<(&RawConnection, SourceFile<'_>), String> {
        match self.connection() {
            connection::Loaded::Parsed { text, connection } => {
                Ok((connection, SourceFile::new(CONNECTION, text.as_bytes())))
            }
            connection::Loaded::Missing => Err(t!(self.lang.as_str(), "conn-missing-skip")),
            _ => Err(t!(self.lang.as_str(), "conn-unreadable-skip")),
        }
    }

    /// Every certificate file connection.toml references, or why there are none to look at.
    pub(crate) fn certificates(&self) -> Result<&[CertificateFile], String> {
        let (connection, source) = self.connection_parsed()?;
        Ok(self.certificates.get_or_init(|| certificates::read(self.bundle, connection, &source)))
    }

    /// The organisation's OID arc: from its business id (`1.2.246.10.<digits>`) so that a wrong
    /// OID in the manifest is reported once, by BUNDLE-ORG; the manifest's OID is the fallback.
    pub(crate) fn organisation_arc(&self) -> Option<Oid> {
        let ManifestState::Parsed(manifest) = &self.manifest else { return None };
        let from_business_id = manifest
            .string(&["organisation", "business_id"])
            .ok()
            .flatten()
            .and_then(|(text, _)| valmis_ids::BusinessId::parse(text).ok())
            .and_then(|business_id| Oid::parse(&business_id.organisation_oid()).ok());
        from_business_id.or_else(|| {
            manifest.string(&["organisation", "oid"]).ok().flatten().and_then(|(oid, _)| Oid::parse(oid).ok())
        })
    }

    /// The organisation arcs the bundle declares: the organisation's own (as
    /// [`Self::organisation_arc`]) and every valid OID of `[organisation] test_organisations`.
    pub(crate) fn declared_arcs(&self) -> &[(Oid, Msg)] {
        self.declared_arcs.get_or_init(|| {
            let mut arcs: Vec<(Oid, Msg)> =
                self.organisation_arc().into_iter().map(|arc| (arc, msg!("arc-organisation"))).collect();
            if let ManifestState::Parsed(manifest) = &self.manifest {
                for (text, _) in manifest.strings(&["organisation", "test_organisations"]) {
                    if let Ok(oid) = Oid::parse(text.trim()) {
                        arcs.push((oid, msg!("arc-test-organisation")));
                    }
                }
            }
            arcs
        })
    }

    /// The catalog's published sample OIDs, with where each is published.
    pub(crate) fn sample_oids(&self) -> &[(Oid, String)] {
        self.sample_oids.get_or_init(|| {
            self.catalog
                .sample_oids
                .iter()
                .filter_map(|sample| Oid::parse(&sample.oid).ok().map(|oid| (oid, sample.source.clone())))
                .collect()
        })
    }

    /// The test persons the pre-test report names (upper-cased), when there is a readable report.
    pub(crate) fn test_persons(&self) -> Option<&[String]> {
        self.test_persons
            .get_or_init(|| {
                let view = self.pretest_view().ok()?;
                Some(
                    view.report
                        .rows
                        .iter()
                        .map(|row| row.value(valmis_pretest::Field::TestPerson).to_uppercase())
                        .filter(|person| !person.is_empty())
                        .collect(),
                )
            })
            .as_deref()
    }

    /// The run's CDA schema set (`--cda-schema`, else the catalog's), compiled on first use.
    pub(crate) fn cda_schema(&self) -> Arc<SchemaState> {
        let mut slot = self.schema.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let state = slot.get_or_insert_with(|| {
            Arc::new(SchemaState::compile(self.schema_files.or(self.catalog.cda_schema.as_ref())))
        });
        Arc::clone(state)
    }

    /// Drops what only the file pass's rules read, once the pass is over.
    pub(crate) fn release_pass_inputs(&self) {
        let mut slot = self.schema.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *slot = None;
    }

    /// Whether `host` is in the Kanta PHR sandbox (the round's `sandbox_host_patterns`).
    pub(crate) fn is_sandbox_host(&self, host: &str) -> bool {
        let patterns = self.sandbox_hosts.get_or_init(|| {
            let mut builder = globset::GlobSetBuilder::new();
            for pattern in &self.catalog.round.sandbox_host_patterns {
                if let Ok(glob) = globset::GlobBuilder::new(pattern).case_insensitive(true).build() {
                    builder.add(glob);
                }
            }
            builder.build().ok()
        });
        patterns.as_ref().is_some_and(|patterns| patterns.is_match(host))
    }

    /// Keeps the file pass's results for the requirements it served.
    pub(crate) fn set_file_results(&self, results: FileResults) {
        let _ = self.file_results.set(results);
    }

    /// Requirement `id`'s results from the file pass.
    /// Requirement `id`'s outcomes from the file pass, or why there are none (an internal
    /// error: the pass runs every rule of the registry that looks at files).
    pub(crate) fn take_file_outcomes(&self, id: &str) -> Result<Outcomes, SubjectResult> {
        self.file_results.get().and_then(|results| results.take(id)).ok_or_else(|| {
            SubjectResult::bundle_wide(None, Verdict::Error(msg!("not-in-file-pass", id = id).to_string()))
        })
    }

    /// The `id/@root` of every XML document under `documents/`, or `None` when some cannot be
    /// known (or the file pass did not run).
    /// Whether some XML document of the bundle has `id` as its `id/@root`: `None` when that
    /// cannot be known (see [`FileResults`]). A binary search: each of 20,000 report rows
    /// comparing its id with each of 40,000 documents' took seconds.
    pub(crate) fn has_document_id(&self, id: &str) -> Option<bool> {
        let ids = self.file_results.get()?.cda_ids.as_deref()?;
        Some(ids.binary_search_by(|known| known.as_str().cmp(id)).is_ok())
    }
}
