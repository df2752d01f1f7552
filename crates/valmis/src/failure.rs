//! Why a command ends without its verdict, and the one place an error meets its exit code.
//!
//! A command returns `anyhow::Error`. What the user can do about it decides the code: correct
//! the command or its inputs (exit 2), or make room for its outputs (exit 4). [`exit_code`]
//! reads that from the error, and from the typed errors of the library crates, so that no
//! command picks a code of its own.

use crate::exit;
use crate::lang::tr;

/// A failure a command reports on one line.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    /// The command or its inputs must be corrected: bad arguments, a path that is not a bundle,
    /// an unusable catalog, waivers or a baseline that cannot be read. Exit 2.
    #[error("{0}")]
    Usage(String),
    /// An output could not be written: a report, evidence, a skeleton, a zip, standard output
    /// (a full disk, a missing permission, a path through a file). Exit 4.
    #[error("{0}")]
    Output(String),
}

/// A usage error: the command or its inputs must be corrected (exit 2).
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    Failure::Usage(message.into()).into()
}

/// An output that could not be written (exit 4).
pub(crate) fn output(message: impl Into<String>) -> anyhow::Error {
    Failure::Output(message.into()).into()
}

/// The exit code of an error a command returned.
pub(crate) fn exit_code(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return match failure {
                Failure::Usage(_) => exit::USAGE,
                Failure::Output(_) => exit::OUTPUT,
            };
        }
        // The library crates' typed errors: each is about an input the user gave.
        let about_input = cause.is::<valmis_checks::VerifyError>()
            || cause.is::<valmis_checks::ProbeTargetsError>()
            || cause.is::<valmis_model::CatalogError>()
            || cause.is::<valmis_model::SchemaSetError>()
            || cause.is::<valmis_model::JsonReportError>()
            || cause.is::<valmis_report::MergeError>()
            || cause.is::<valmis_harness::TemplateError>()
            || cause.is::<valmis_net::harness::RunError>()
            || cause.is::<valmis_bundle::OpenError>();
        if about_input {
            return exit::USAGE;
        }
    }
    // An error no command classified: reading one of its inputs failed (the commands mark every
    // output they write), so it is the user's to correct.
    exit::USAGE
}

/// The line valmis prints for an error, in the run's language: the failure's own message, a
/// library error's message, or the whole chain.
pub(crate) fn message(error: &anyhow::Error) -> String {
    if let Some(failure) = error.downcast_ref::<Failure>() {
        return failure.to_string();
    }
    library_message(error.as_ref()).unwrap_or_else(|| format!("{error:#}"))
}

/// A library crate's typed error in the run's language (their `Display` is English), or `None`
/// for an error no library crate made.
fn library_message(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    use valmis_checks::{ProbeTargetsError, VerifyError};
    let message = if let Some(error) = error.downcast_ref::<valmis_bundle::OpenError>() {
        error.msg()
    } else if let Some(error) = error.downcast_ref::<valmis_model::JsonReportError>() {
        error.msg()
    } else if let Some(error) = error.downcast_ref::<valmis_model::SchemaSetError>() {
        error.msg()
    } else if let Some(error) = error.downcast_ref::<valmis_report::MergeError>() {
        error.msg()
    } else if let Some(error) = error.downcast_ref::<valmis_harness::TemplateError>() {
        error.msg()
    } else if let Some(error) = error.downcast_ref::<valmis_net::harness::RunError>() {
        error.msg()
    } else if let Some(VerifyError::Catalog(error)) = error.downcast_ref::<VerifyError>() {
        return Some(tr!("cli-invalid-catalog", error = &error.msg()));
    } else if let Some(ProbeTargetsError::Catalog(error)) = error.downcast_ref::<ProbeTargetsError>() {
        return Some(tr!("cli-invalid-catalog", error = &error.msg()));
    } else {
        return None;
    };
    Some(crate::lang::said(&message))
}
