//! The round's CDA schema set (Kela's `CDA_Fi.xsd` in the shipped catalog, or `--cda-schema`),
//! compiled by `valmis-xsd` once per run, when DOC-SCHEMA first needs it.

use valmis_model::SchemaFiles;

/// The run's schema set: absent, unusable, or compiled.
#[derive(Debug)]
pub(crate) enum SchemaState {
    /// No schema set: the catalog names none and `--cda-schema` is not given.
    Absent,
    /// The set cannot be compiled: where it comes from and why.
    Broken(valmis_i18n::Msg),
    /// Ready, with where it comes from.
    Ready(Box<valmis_xsd::Schema>, String),
}

impl SchemaState {
    /// Compiles `files`, when there are any.
    pub(crate) fn compile(files: Option<&SchemaFiles>) -> Self {
        let Some(files) = files else { return Self::Absent };
        match valmis_xsd::Schema::compile(&files.entry, &|location| files.get(location).map(str::to_owned)) {
            Ok(schema) => Self::Ready(Box::new(schema), files.origin.clone()),
            Err(error) => {
                Self::Broken(valmis_i18n::msg!("schema-broken", origin = files.origin.as_str(), error = &error.msg()))
            }
        }
    }
}
