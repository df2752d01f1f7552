//! Finnish identifiers that Kanta artefacts are full of: the personal identity code
//! (henkilötunnus), the business id (Y-tunnus) and ISO object identifiers (OIDs) with the
//! organisation arc rule of JHS 159.
//!
//! Pure functions over strings: no IO, no allocation beyond the parsed values, never a panic.

#![forbid(unsafe_code)]

mod business_id;
mod hetu;
mod oid;

pub use business_id::{BusinessId, BusinessIdError};
pub use hetu::{Century, Hetu, HetuError, HetuMatch, scan_hetus};
pub use oid::{Oid, OidError};
