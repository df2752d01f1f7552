//! The DOC requirements on the sample clinical documents under `documents/`: DOC-WELLFORMED for
//! XML and JSON, and the CDA R2 rules on the XML ones, each finding with the element's
//! XPath-like path and line:col. The file pass parses each document once for all of them.

pub(crate) mod header;
pub(crate) mod oid;
pub(crate) mod patient;
pub(crate) mod schema;
pub(crate) mod timestamps;
pub(crate) mod versioning;
pub(crate) mod wellformed;
