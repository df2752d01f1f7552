//! Report sinks: the same [`valmis_model::Report`] rendered as JUnit XML, JSON and human terminal
//! text. This crate never does IO: it returns strings and bytes, and the CLI writes them
//! (atomically).

mod human;
mod json;
mod junit;

pub use human::{HumanOptions, render_human};
pub use json::render_json;
pub use junit::{JunitError, render_junit, write_junit};
