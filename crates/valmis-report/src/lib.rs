//! Report sinks: the same [`valmis_model::Report`] rendered as JUnit XML, JSON, human terminal
//! text, SARIF 2.1.0, GitLab Code Quality, a Markdown summary, a self-contained HTML page and
//! GitHub workflow annotations.
//! This crate never does IO of its own: it returns strings and bytes, or writes to the writer it
//! is given, and the CLI writes files (atomically).

#![forbid(unsafe_code)]

mod codequality;
mod github;
mod html;
mod human;
mod json;
mod junit;
mod markdown;
mod merge;
mod problems;
mod sarif;
mod words;

pub use codequality::{CODEQUALITY_MAX_BYTES, render_codequality};
pub use github::{ANNOTATIONS_PER_TYPE, render_github_annotations};
pub use html::{HTML_MAX_ROWS, render_html};
pub use human::{HumanOptions, render_human};
pub use json::render_json;
pub use junit::{JunitError, render_junit, write_junit};
pub use markdown::{SUMMARY_MAX_BYTES, render_markdown, render_markdown_within};
pub use merge::{MergeError, merge_json_reports};
pub use problems::PathOptions;
pub use sarif::{SARIF_MAX_RESULTS, render_sarif};
