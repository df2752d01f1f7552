//! The test harness's pure half: executable test case declarations
//! (`testcases/<round>/harness/*.toml`, format 1), request templates with variables, response
//! normalisation (JSON with sorted keys; XML re-indented with sorted attributes) with masks for
//! volatile parts, unified diffs against golden files, and captures for later steps.
//!
//! This crate never does IO: the caller reads the declaration, template and golden files and
//! sends the requests (valmis-net).

#![forbid(unsafe_code)]

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use valmis_i18n::{Msg, msg};

/// The harness file format this valmis reads.
pub const HARNESS_FORMAT: i64 = 1;

/// A declared test case: the pre-test case it runs and its ordered steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The file it was read from, as shown in messages.
    pub source: String,
    /// The pre-test case id it runs (`OT-01`).
    pub case: String,
    /// The service whose endpoint it runs against.
    pub service: String,
    /// One line.
    pub title: String,
    /// The steps, run in order.
    pub steps: Vec<Step>,
}

/// One request and what is expected of its response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Name, used in evidence file names (`luo`).
    pub name: String,
    /// HTTP method.
    pub method: String,
    /// Path relative to the endpoint url (a template).
    pub path: String,
    /// Request headers (templates).
    pub headers: BTreeMap<String, String>,
    /// Harness-relative path of the body template, if any.
    pub body: Option<String>,
    /// Expected status.
    pub status: u16,
    /// Headers whose values must match these regular expressions.
    pub expect_headers: BTreeMap<String, String>,
    /// Harness-relative path of the golden body, if any.
    pub golden: Option<String>,
    /// JSON pointers or XML paths whose values are masked before comparing.
    pub masks: Vec<String>,
    /// Regular expressions whose matches are masked before comparing.
    pub mask_patterns: Vec<String>,
    /// Values taken from the response for later steps: name to JSON pointer or `header:Name` or
    /// `regex:…` (first group).
    pub captures: BTreeMap<String, String>,
}

/// A declaration that cannot be used, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationError {
    /// The file.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// What is wrong.
    pub message: Msg,
}

impl DeclarationError {
    /// The error with its place, to render in any language.
    pub fn msg(&self) -> Msg {
        match self.line {
            Some(line) => msg!("case-error-at", path = &self.path, line = line.to_string(), message = &self.message),
            None => msg!("catalog-error-file", path = &self.path, message = &self.message),
        }
    }
}

impl std::fmt::Display for DeclarationError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}", self.msg())
    }
}

impl std::error::Error for DeclarationError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    format: Spanned<i64>,
    case: Spanned<String>,
    service: String,
    title: String,
    #[serde(rename = "step")]
    steps: Vec<Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: Spanned<String>,
    method: Spanned<String>,
    path: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    body: Option<String>,
    expect: RawExpect,
    #[serde(default)]
    capture: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    status: u16,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    body: Option<String>,
    #[serde(default)]
    masks: Vec<String>,
    #[serde(default)]
    mask_patterns: Vec<Spanned<String>>,
}

fn line_of(text: &str, offset: usize) -> u32 {
    u32::try_from(text[..offset.min(text.len())].matches('\n').count() + 1).unwrap_or(u32::MAX)
}

/// Parses and validates one declaration.
pub fn parse_case(source: &str, text: &str) -> Result<Case, DeclarationError> {
    let error = |offset: Option<usize>, message: Msg| DeclarationError {
        path: source.to_owned(),
        line: offset.map(|offset| line_of(text, offset)),
        message,
    };
    let raw: RawCase = toml::from_str(text).map_err(|problem| {
        error(problem.span().map(|span| span.start), valmis_model::parser_said(problem.message().trim_end()))
    })?;
    if *raw.format.get_ref() != HARNESS_FORMAT {
        return Err(error(
            Some(raw.format.span().start),
            msg!("case-format", format = raw.format.get_ref().to_string(), supported = HARNESS_FORMAT.to_string()),
        ));
    }
    // The case id names the folder evidence/<case>/ and a row of the report: a path part of
    // its own, never `..`, a separator or a line break.
    let case = raw.case.get_ref();
    let id_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if case.is_empty() || case.starts_with('.') || !case.chars().all(id_char) {
        return Err(error(Some(raw.case.span().start), msg!("case-id", case = case)));
    }
    if raw.steps.is_empty() {
        return Err(error(None, msg!("case-no-step")));
    }
    let mut steps = Vec::new();
    for step in raw.steps {
        let at = step.span().start;
        let step = step.into_inner();
        let name = step.name.get_ref();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(error(Some(step.name.span().start), msg!("case-step-name", name = name)));
        }
        if steps.iter().any(|other: &Step| &other.name == name) {
            return Err(error(Some(step.name.span().start), msg!("case-step-twice", name = name)));
        }
        let method = step.method.get_ref().to_ascii_uppercase();
        if !["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(&method.as_str()) {
            return Err(error(Some(step.method.span().start), msg!("case-method", method = &method)));
        }
        for pattern in &step.expect.mask_patterns {
            if let Err(problem) = regex::Regex::new(pattern.get_ref()) {
                let first = problem.to_string().lines().last().unwrap_or_default().trim().to_owned();
                return Err(error(Some(pattern.span().start), msg!("catalog-bad-regex", error = first)));
            }
        }
        for (header, pattern) in &step.expect.headers {
            if regex::Regex::new(pattern).is_err() {
                return Err(error(Some(at), msg!("case-bad-header-regex", header = header)));
            }
        }
        for (capture, from) in &step.capture {
            let ok = from.starts_with('/')
                || from.starts_with("header:")
                || from.strip_prefix("regex:").is_some_and(|re| regex::Regex::new(re).is_ok());
            if !ok {
                return Err(error(Some(at), msg!("case-capture", capture = capture)));
            }
        }
        steps.push(Step {
            name: name.clone(),
            method,
            path: step.path,
            headers: step.headers,
            body: step.body,
            status: step.expect.status,
            expect_headers: step.expect.headers,
            golden: step.expect.body,
            masks: step.expect.masks,
            mask_patterns: step.expect.mask_patterns.into_iter().map(Spanned::into_inner).collect(),
            captures: step.capture,
        });
    }
    Ok(Case { source: source.to_owned(), case: raw.case.into_inner(), service: raw.service, title: raw.title, steps })
}

/// Why a template cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// `{{` without its `}}`.
    #[error("{}", self.msg())]
    Unclosed,
    /// A variable the run does not define, with the ones it does.
    #[error("{}", self.msg())]
    Unknown { name: String, known: Vec<String> },
}

impl TemplateError {
    /// What is wrong, in any language (`Display` is the English).
    pub fn msg(&self) -> Msg {
        match self {
            Self::Unclosed => msg!("template-unclosed"),
            Self::Unknown { name, known } => {
                msg!("template-unknown", name = name, known = known.join(", "))
            }
        }
    }
}

/// Replaces `{{name}}` with variables; an unknown variable is an error naming it.
pub fn render(template: &str, variables: &BTreeMap<String, String>) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(TemplateError::Unclosed);
        };
        let name = after[..end].trim();
        match variables.get(name) {
            Some(value) => out.push_str(value),
            None => {
                let known = variables.keys().cloned().collect();
                return Err(TemplateError::Unknown { name: name.to_owned(), known });
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Real (non-test) identity codes in `text`, masked, for refusing to send them.
pub fn real_identity_codes(text: &str) -> Vec<String> {
    valmis_ids::scan_hetus(text.as_bytes())
        .into_iter()
        .filter(|found| !found.hetu.is_test_identity())
        .map(|found| found.hetu.masked())
        .collect()
}

const MASKED: &str = "<masked>";

/// The text to compare: JSON pretty-printed with sorted keys and masked pointers; XML
/// re-indented with sorted attributes; anything else as it is. Mask patterns apply last.
pub fn normalise(body: &str, masks: &[String], mask_patterns: &[String]) -> String {
    let trimmed = body.trim_start();
    let mut text = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        match serde_json::from_str::<serde_json::Value>(body) {
            Ok(mut value) => {
                for pointer in masks.iter().filter(|mask| mask.starts_with('/')) {
                    if let Some(target) = value.pointer_mut(pointer) {
                        *target = serde_json::Value::String(MASKED.to_owned());
                    }
                }
                serde_json::to_string_pretty(&value).unwrap_or_else(|_| body.to_owned())
            }
            Err(_) => body.to_owned(),
        }
    } else if trimmed.starts_with('<') {
        xml_pretty(body, masks).unwrap_or_else(|| body.to_owned())
    } else {
        body.to_owned()
    };
    for pattern in mask_patterns {
        if let Ok(regex) = regex::Regex::new(pattern) {
            text = regex.replace_all(&text, MASKED).into_owned();
        }
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// XML re-indented: one element per line, attributes sorted, text trimmed; elements or
/// attributes at masked paths (`/Envelope/Header/MessageID`, `/a/b/@id`) show `<masked>`.
fn xml_pretty(body: &str, masks: &[String]) -> Option<String> {
    let document = roxmltree::Document::parse(body).ok()?;
    let mut out = String::new();
    fn walk(node: roxmltree::Node<'_, '_>, path: &str, depth: usize, masks: &[String], out: &mut String) {
        let name = node.tag_name().name();
        let path = format!("{path}/{name}");
        let indent = "  ".repeat(depth);
        let mut attributes: Vec<(String, String)> = node
            .attributes()
            .map(|attribute| {
                let masked = masks.iter().any(|mask| *mask == format!("{path}/@{}", attribute.name()));
                (attribute.name().to_owned(), if masked { MASKED.to_owned() } else { attribute.value().to_owned() })
            })
            .collect();
        attributes.sort();
        let attributes: String = attributes.iter().map(|(name, value)| format!(" {name}=\"{value}\"")).collect();
        let children: Vec<_> = node.children().filter(roxmltree::Node::is_element).collect();
        let text: String = node
            .children()
            .filter(roxmltree::Node::is_text)
            .filter_map(|t| t.text())
            .collect::<String>()
            .trim()
            .to_owned();
        let text = if masks.contains(&path) && !text.is_empty() { MASKED.to_owned() } else { text };
        if children.is_empty() {
            if text.is_empty() {
                out.push_str(&format!("{indent}<{name}{attributes}/>\n"));
            } else {
                out.push_str(&format!("{indent}<{name}{attributes}>{text}</{name}>\n"));
            }
            return;
        }
        out.push_str(&format!("{indent}<{name}{attributes}>\n"));
        if !text.is_empty() {
            out.push_str(&format!("{indent}  {text}\n"));
        }
        for child in children {
            walk(child, &path, depth + 1, masks, out);
        }
        out.push_str(&format!("{indent}</{name}>\n"));
    }
    walk(document.root_element(), "", 0, masks, &mut out);
    Some(out)
}

/// A unified diff of normalised expected and actual bodies, or `None` when they agree.
pub fn diff(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let diff = similar::TextDiff::from_lines(expected, actual);
    Some(diff.unified_diff().context_radius(3).header("expected", "actual").to_string())
}

/// A capture's value from a response.
pub fn capture(from: &str, body: &str, headers: &BTreeMap<String, String>) -> Option<String> {
    if let Some(name) = from.strip_prefix("header:") {
        return headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.clone());
    }
    if let Some(pattern) = from.strip_prefix("regex:") {
        let regex = regex::Regex::new(pattern).ok()?;
        let found = regex.captures(body)?;
        return found.get(1).or_else(|| found.get(0)).map(|m| m.as_str().to_owned());
    }
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    match value.pointer(from)? {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}
