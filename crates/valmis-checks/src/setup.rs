//! The start of every run: the bundle's manifest read, its round's catalog chosen and checked
//! for rules this valmis has, and the [`Context`] built over them.

use jiff::Timestamp;
use valmis_bundle::Bundle;
use valmis_model::catalog::CheckKind;
use valmis_model::{Catalog, CatalogError, CatalogSet};

use crate::context::{Context, ManifestState};
use crate::inputs::manifest::Manifest;
use crate::rules;

/// Checks that every requirement of `catalog` can be run by this valmis: a catalog naming a
/// built-in check that does not exist is unusable (exit code 2), not a failed bundle.
pub fn validate_catalog(catalog: &Catalog) -> Result<(), CatalogError> {
    for requirement in &catalog.requirements {
        if requirement.check == CheckKind::Builtin && rules::check(&requirement.id).is_none() {
            return Err(CatalogError {
                path: catalog.source.clone(),
                line: Some(requirement.line),
                column: Some(1),
                message: valmis_i18n::msg!("catalog-builtin-missing", id = &requirement.id),
            });
        }
    }
    Ok(())
}

/// Reads the manifest, picks the round's catalog and calls `body` with everything a check may
/// look at.
pub(crate) fn with_context<R>(
    bundle: &Bundle,
    catalogs: &CatalogSet,
    now: Timestamp,
    probe: Option<&[valmis_model::ProbeResult]>,
    schema_files: Option<&valmis_model::SchemaFiles>,
    lang: valmis_model::Lang,
    body: impl FnOnce(&Context<'_>) -> R,
) -> Result<R, CatalogError> {
    let manifest_bytes = if bundle.refused().is_some() { None } else { Some(bundle.read("manifest.toml")) };
    let manifest_text = match &manifest_bytes {
        Some(Ok(bytes)) => std::str::from_utf8(bytes).ok(),
        _ => None,
    };
    let manifest = match (&manifest_bytes, manifest_text) {
        (None | Some(Err(valmis_bundle::ReadError::NotFound(_))), _) => ManifestState::Missing,
        (Some(Err(error)), _) => ManifestState::Unreadable(error.message()),
        (Some(Ok(_)), Some(text)) => ManifestState::Parsed(Manifest::parse(text)),
        (Some(Ok(_)), None) => ManifestState::Unreadable(valmis_i18n::msg!("manifest-not-utf8")),
    };
    let declared_round = match &manifest {
        ManifestState::Parsed(parsed) => parsed.string(&["round"]).ok().flatten().map(|(round, _)| round.to_owned()),
        _ => None,
    };
    let (catalog, round_known) = match declared_round.as_deref().and_then(|round| catalogs.get(round)) {
        Some(catalog) => (catalog, true),
        None => match catalogs.latest() {
            Some(catalog) => (catalog, false),
            None => {
                return Err(CatalogError::whole_file(catalogs.origin.clone(), valmis_i18n::msg!("catalog-no-round")));
            }
        },
    };
    validate_catalog(catalog)?;
    let context = Context::new(
        bundle,
        catalog,
        catalogs,
        round_known,
        manifest,
        manifest_text.unwrap_or_default(),
        now,
        probe,
        schema_files,
        lang,
    );
    Ok(body(&context))
}
