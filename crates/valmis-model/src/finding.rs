//! A finding: one concrete problem a check found, pointing at where it is.

use serde::{Deserialize, Serialize};

use crate::catalog::Severity;

/// Where a finding is: a bundle-relative path and, when known, a line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Path inside the bundle, `/`-separated (`pretest/report.csv`).
    pub path: String,
    /// 1-based line, when the finding is about a place in a text file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// For spreadsheets, the cell as Excel names it (`Sheet1!C7`); `line` and `column` then
    /// hold its row and column numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The source line for people to read, already made safe to print (secrets masked).
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

/// One line of source to show under a finding, with the part to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The line, without its line ending. Checks mask secrets before putting text here.
    pub line_text: String,
    /// Byte range inside `line_text` to underline.
    pub highlight: std::ops::Range<usize>,
}

impl Location {
    /// A location that names a whole file.
    pub fn file(path: impl Into<String>) -> Self {
        Self { path: path.into(), line: None, column: None, cell: None, snippet: None }
    }

    /// A location at a line and column of a text file, without a snippet.
    pub fn line_column(path: impl Into<String>, line: u32, column: u32) -> Self {
        Self { path: path.into(), line: Some(line), column: Some(column), cell: None, snippet: None }
    }

    /// A spreadsheet cell: `name` is Excel's (`Sheet1!C7`), `row` and `column` 1-based.
    pub fn cell(path: impl Into<String>, name: String, row: u32, column: u32) -> Self {
        Self { path: path.into(), line: Some(row), column: Some(column), cell: Some(name), snippet: None }
    }

    /// `path:line:col`, `path:line` or `path`, as compilers and CI annotations print it;
    /// `path:Sheet1!C7` for a spreadsheet cell.
    pub fn display(&self) -> String {
        if let Some(cell) = &self.cell {
            return format!("{}:{cell}", self.path);
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.path),
            (Some(line), None) => format!("{}:{line}", self.path),
            _ => self.path.clone(),
        }
    }
}

/// One problem found by a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// How bad it is. Usually the requirement's severity; a check may lower a finding to a
    /// warning where the catalog says so (BUNDLE-INTEGRITY's unlisted files).
    pub severity: Severity,
    /// Where; `None` for findings about the bundle as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// One line, lowercase fragment style, naming the thing: "business id `1234567-2` has a
    /// wrong check digit".
    pub message: String,
    /// What to do about it, when there is more to say than the requirement's general fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The id of the message, when it comes from valmis's message files: the same whatever the
    /// report's language, so that it identifies the finding (SARIF fingerprints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Finding {
    /// A finding with the given severity and message, not yet located.
    pub fn new(severity: Severity, message: impl Into<String>) -> Self {
        Self { severity, location: None, message: message.into(), help: None, code: None }
    }

    /// A finding whose message comes from the message files, with its id.
    pub fn said(severity: Severity, said: valmis_i18n::Said) -> Self {
        Self { severity, location: None, message: said.text, help: None, code: Some(said.id.to_owned()) }
    }

    /// Places the finding.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Adds a specific hint.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `path:line:col: message`, the form a JUnit failure body and a plain log use.
    pub fn one_line(&self) -> String {
        match &self.location {
            Some(location) => format!("{}: {}", location.display(), self.message),
            None => self.message.clone(),
        }
    }
}
