//! What the rules read, parsed once per run and producing no findings: the manifest, text with
//! line indexes, connection.toml and the certificates it references, the pre-test report, the
//! documents (XML, JSON) within the parse budget, the CDA schema set. Inputs import no rule, no
//! context and no engine module.

pub(crate) mod archive;
pub(crate) mod budget;
pub(crate) mod certificates;
pub(crate) mod connection;
pub(crate) mod document;
pub(crate) mod file;
pub(crate) mod json;
pub(crate) mod manifest;
pub(crate) mod names;
pub(crate) mod office;
pub(crate) mod pretest;
pub(crate) mod schema;
pub(crate) mod source;
pub(crate) mod xml;
