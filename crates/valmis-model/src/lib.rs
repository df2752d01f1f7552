//! The valmis core model: what a requirement is, what the catalog of a co-testing round holds,
//! what a check reports (findings) and what a run concludes per requirement and subject
//! (outcomes).
//!
//! This crate never does IO beyond [`catalog::CatalogSet::load_dir`], which reads a user's
//! catalog directory, and [`files::read_at_most`], the bounded read of every file a person names
//! on the command line; the built-in catalog is embedded at compile time.

#![forbid(unsafe_code)]

pub mod baseline;
pub mod catalog;
pub mod dates;
pub mod files;
mod finding;
mod outcome;
mod outcomes;
pub mod parser;
pub mod pretest;
pub mod probe;
pub mod safe;
mod similar;
mod text;
pub mod waiver;

pub use baseline::{BaselineDiff, JsonReportError, OutcomeKey, compare_with_baseline};
pub use catalog::{
    AppliesTo, Area, Catalog, CatalogError, CatalogSet, Lang, Requirement, Role, SampleOid, SchemaFiles,
    SchemaSetError, Severity, SubmissionKind, Texts,
};
pub use finding::{Finding, Location, Snippet};
pub use outcome::{Outcome, Report, ReportMeta, Status, Summary};
pub use outcomes::{OutcomeView, Outcomes, Text};
pub use parser::parser_said;
pub use pretest::{EvidenceKind, PretestCase, PretestList};
pub use probe::{FailureClass, ProbeFailure, ProbeResult};
pub use similar::{did_you_mean, edit_distance};
pub use text::LineIndex;
pub use waiver::{Waiver, WaiverNote, apply_waivers, parse_waivers};
