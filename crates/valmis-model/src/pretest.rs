//! Pre-test case declarations (`testcases/<round>/pretest/<service>.toml`): the cases Kela
//! asks a vendor to run and report per service, what each needs as evidence, and where pre-tests
//! may run. Kela's real lists are not public, so the shipped ones are illustrative and a vendor
//! replaces them with `--catalog DIR`. Case ids are opaque keys.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::catalog::{Catalog, CatalogError};
use valmis_i18n::{Msg, msg};

/// The pre-test file format version this valmis reads.
pub const PRETEST_FORMAT: i64 = 1;

/// Something a passed case must be able to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A document the case stored: listed under `documents/` in `evidence`, with its id in
    /// `document_oid`.
    Document,
    /// A Kanta validation service result: a listed evidence file that shows `DONE_PASSED`.
    ValidationResult,
    /// A screenshot: a listed PNG, JPEG or PDF file.
    Screenshot,
    /// A message id (a UUID) in `notes` or in a listed text file.
    MessageId,
}

impl EvidenceKind {
    /// Every kind, as catalog files spell them.
    pub const ALL: [EvidenceKind; 4] = [Self::Document, Self::ValidationResult, Self::Screenshot, Self::MessageId];

    /// The catalog spelling (`validation-result`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::ValidationResult => "validation-result",
            Self::Screenshot => "screenshot",
            Self::MessageId => "message-id",
        }
    }
}

/// One pre-test case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PretestCase {
    /// Kela's case id, as the report's `case_id` column names it.
    pub id: String,
    /// The service whose list declares it (shared by the list's cases).
    pub service: Arc<str>,
    /// One line.
    pub title: String,
    /// What the case exercises, for people reading a failure.
    pub exercises: String,
    /// Whether every registration for the service must report it.
    pub mandatory: bool,
    /// Whether `not-applicable` (with a note) is an acceptable result.
    pub not_applicable_allowed: bool,
    /// Whether the case runs on a test person, so that its row must name one.
    pub test_person: bool,
    /// What a passed run must show.
    pub evidence: Vec<EvidenceKind>,
    /// The declaring file, as shown in messages (shared by the list's cases).
    #[serde(skip)]
    pub source: Arc<str>,
    /// Line of its `[[case]]` entry.
    #[serde(skip)]
    pub line: u32,
}

/// The pre-test list of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PretestList {
    /// Service id.
    pub service: String,
    /// The file it was read from, as shown in messages.
    pub source: String,
    /// Whether the list is an example rather than Kela's own.
    pub illustrative: bool,
    /// Environments in which a pre-test run counts (`asiakastesti`).
    pub environments: Vec<String>,
    /// The cases, in file order.
    pub cases: Vec<PretestCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    format: Spanned<i64>,
    service: Spanned<String>,
    #[serde(default)]
    illustrative: bool,
    environments: Spanned<Vec<String>>,
    /// `None` when the file has no `case` key (and in the top-level keys before the first `[[case]]`
    /// table when the list is parsed in pieces).
    #[serde(rename = "case")]
    cases: Option<Vec<Spanned<RawCase>>>,
}

/// One `[[case]]` table of a list parsed in pieces.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPiece {
    #[serde(rename = "case")]
    cases: Vec<Spanned<RawCase>>,
}

/// A parsed list: its top-level keys and its cases, each with the byte offset its spans count from.
type Parsed = (RawList, Vec<(usize, Spanned<RawCase>)>);

/// Parses a list. A long list (Kela's lists have hundreds of cases, generated ones tens of
/// thousands) is parsed one `[[case]]` table at a time, so that the parser's tree never holds more
/// than one case: the whole-document tree of a 20,000-case list took about 60 MB. Whenever the
/// pieces do not parse, or the file is shaped otherwise, the whole file is parsed at once, which
/// gives the parser's own error at its own place.
fn parse_list(text: &str) -> Result<Parsed, toml::de::Error> {
    if let Some(parsed) = case_headers(text).and_then(|headers| parse_in_pieces(text, &headers)) {
        return Ok(parsed);
    }
    parse_whole(text)
}

fn parse_whole(text: &str) -> Result<Parsed, toml::de::Error> {
    let mut raw: RawList = toml::from_str(text)?;
    let cases = raw.cases.take().unwrap_or_default().into_iter().map(|case| (0, case)).collect();
    Ok((raw, cases))
}

fn parse_in_pieces(text: &str, headers: &[usize]) -> Option<Parsed> {
    let head: RawList = toml::from_str(text.get(..*headers.first()?)?).ok()?;
    if head.cases.is_some() {
        return None;
    }
    let mut cases = Vec::with_capacity(headers.len());
    for (index, &start) in headers.iter().enumerate() {
        let end = headers.get(index + 1).copied().unwrap_or(text.len());
        let piece: RawPiece = toml::from_str(text.get(start..end)?).ok()?;
        let [case] = <[Spanned<RawCase>; 1]>::try_from(piece.cases).ok()?;
        cases.push((start, case));
    }
    Some((head, cases))
}

/// Where each `[[case]]` table of a list starts, when the list is top-level keys followed by
/// `[[case]]` tables and no other table header; `None` otherwise. It reads the lexer's tokens:
/// a string, even a multi-line one, is one token, and brackets are counted so that an array
/// value spanning lines is not taken for a header.
fn case_headers(text: &str) -> Option<Vec<usize>> {
    use toml_parser::lexer::TokenKind as Kind;
    let mut tokens = toml_parser::Source::new(text).lex();
    let mut headers = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        match token.kind() {
            Kind::Whitespace | Kind::Comment | Kind::Eof => {}
            Kind::Newline => line_start |= depth == 0,
            Kind::LeftSquareBracket if depth == 0 && line_start => {
                let mut next = || tokens.next().map(|token| (token.kind(), token.span()));
                let (Some((Kind::LeftSquareBracket, _)), Some((Kind::Atom, key)), Some((Kind::RightSquareBracket, _))) =
                    (next(), next(), next())
                else {
                    return None;
                };
                if text.get(key.start()..key.end()) != Some("case")
                    || !matches!(next(), Some((Kind::RightSquareBracket, _)))
                {
                    return None;
                }
                headers.push(token.span().start());
                line_start = false;
            }
            Kind::LeftSquareBracket | Kind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            Kind::RightSquareBracket | Kind::RightCurlyBracket => {
                depth = depth.checked_sub(1)?;
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    (depth == 0 && !headers.is_empty()).then_some(headers)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: Spanned<String>,
    title: String,
    exercises: String,
    mandatory: bool,
    #[serde(default)]
    not_applicable_allowed: bool,
    #[serde(default = "yes")]
    test_person: bool,
    #[serde(default)]
    evidence: Vec<EvidenceKind>,
}

fn yes() -> bool {
    true
}

impl Catalog {
    /// Reads one `pretest/<service>.toml` into the catalog. `source` is the path shown in errors;
    /// its file stem must be the service id.
    pub fn add_pretest(&mut self, source: &str, text: &str) -> Result<(), CatalogError> {
        let at = |offset: usize, message: Msg| CatalogError::at(source, text, Some(offset), message);
        let (raw, entries) = parse_list(text).map_err(|error| {
            let said = crate::parser_said(error.message().trim_end());
            CatalogError::at(source, text, error.span().map(|span| span.start), said)
        })?;
        if *raw.format.get_ref() != PRETEST_FORMAT {
            return Err(at(
                raw.format.span().start,
                msg!(
                    "pretest-list-format",
                    format = raw.format.get_ref().to_string(),
                    supported = PRETEST_FORMAT.to_string()
                ),
            ));
        }
        let service = raw.service.get_ref();
        if self.service(service).is_none() {
            return Err(at(raw.service.span().start, msg!("pretest-list-no-service", service = service)));
        }
        let stem = source.rsplit(['/', '\\']).next().unwrap_or(source).trim_end_matches(".toml");
        if stem != service {
            return Err(at(raw.service.span().start, msg!("pretest-list-name", service = service, stem = stem)));
        }
        if self.pretest.iter().any(|list| &list.service == service) {
            return Err(at(raw.service.span().start, msg!("pretest-list-twice", service = service)));
        }
        if raw.environments.get_ref().is_empty() {
            return Err(at(raw.environments.span().start, msg!("pretest-list-no-environment")));
        }
        let lines = crate::LineIndex::new(text.as_bytes());
        let mut seen = BTreeSet::new();
        let mut cases = Vec::with_capacity(entries.len());
        let shared_service: Arc<str> = Arc::from(service.as_str());
        let shared_source: Arc<str> = Arc::from(source);
        for (offset, entry) in entries {
            let (line, _) = lines.line_col(text.as_bytes(), offset + entry.span().start);
            let case = entry.into_inner();
            let id = case.id.get_ref();
            let id_at = offset + case.id.span().start;
            if !is_case_id(id) {
                return Err(at(id_at, msg!("pretest-list-case-id", id = id)));
            }
            let folded = id.to_ascii_uppercase();
            if !seen.insert(folded.clone()) || self.pretest_index.contains_key(&folded) {
                return Err(at(id_at, msg!("pretest-list-case-twice", id = id)));
            }
            let mut evidence = case.evidence;
            evidence.sort();
            evidence.dedup();
            cases.push(PretestCase {
                id: case.id.into_inner(),
                service: Arc::clone(&shared_service),
                title: case.title.trim().to_owned(),
                exercises: crate::catalog::reflow(&case.exercises),
                mandatory: case.mandatory,
                not_applicable_allowed: case.not_applicable_allowed,
                test_person: case.test_person,
                evidence,
                source: Arc::clone(&shared_source),
                line,
            });
        }
        for (position, case) in cases.iter().enumerate() {
            self.pretest_index.insert(case.id.to_ascii_uppercase(), (Arc::clone(&shared_service), position));
        }
        self.pretest.push(PretestList {
            service: raw.service.into_inner(),
            source: source.to_owned(),
            illustrative: raw.illustrative,
            environments: raw.environments.into_inner(),
            cases,
        });
        self.pretest.sort_by(|a, b| a.service.cmp(&b.service));
        Ok(())
    }

    /// The pre-test list of `service`.
    pub fn pretest_list(&self, service: &str) -> Option<&PretestList> {
        self.pretest.iter().find(|list| list.service == service)
    }

    /// The case with this id (compared case-insensitively, as spreadsheets are typed by hand).
    pub fn pretest_case(&self, id: &str) -> Option<&PretestCase> {
        let (service, position) = self.pretest_index.get(&id.trim().to_ascii_uppercase())?;
        self.pretest_list(service)?.cases.get(*position)
    }
}

fn is_case_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a parse says, with every offset made absolute, for comparing the two ways to parse.
    fn said(parsed: Parsed) -> String {
        let (head, cases) = parsed;
        let mut out = format!(
            "{}@{:?} {}@{:?} {} {:?}@{:?}\n",
            head.format.get_ref(),
            head.format.span(),
            head.service.get_ref(),
            head.service.span(),
            head.illustrative,
            head.environments.get_ref(),
            head.environments.span()
        );
        for (offset, entry) in cases {
            let start = offset + entry.span().start;
            let RawCase { id, title, exercises, mandatory, not_applicable_allowed, test_person, evidence } =
                entry.into_inner();
            let id_at = offset + id.span().start;
            let id = id.into_inner();
            out += &format!(
                "{start} {id}@{id_at} {title:?} {exercises:?} {mandatory} {not_applicable_allowed} {test_person} {evidence:?}\n"
            );
        }
        out
    }

    fn shipped(service: &str) -> String {
        let path = format!("{}/../../testcases/2027-1/pretest/{service}.toml", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).expect("shipped list")
    }

    const HEAD: &str = "format = 1\nservice = \"potilastiedon-arkisto\"\nenvironments = [\"asiakastesti\"]\n";
    const CASE: &str = "[[case]]\nid = \"PA-01\"\ntitle = \"T\"\nexercises = \"E\"\nmandatory = true\n";

    #[test]
    fn pieces_parse_as_the_whole_list_does() {
        let tricky = [
            // An array value spanning lines, its closing bracket at a line's start.
            format!("{HEAD}{CASE}evidence = [\n\"document\"\n]\n"),
            format!(
                "{HEAD}{CASE}evidence = [\n  \"document\",\n  \"screenshot\",\n]\n\n# [[case]] in a comment\n{}",
                CASE.replace("PA-01", "PA-02")
            ),
            // `[[case]]` inside multi-line strings, at a line's start.
            format!("{HEAD}{CASE}").replace("exercises = \"E\"", "exercises = \"\"\"\n[[case]]\nid = \"X\"\n\"\"\"")
                + &CASE.replace("PA-01", "PA-02"),
            format!("{HEAD}{CASE}").replace("title = \"T\"", "title = \'\'\'\n[[case]]\'\'\'"),
            // Indented headers, a comment after one, a byte order mark, CRLF line ends.
            format!("\u{feff}{HEAD}  {CASE}[[case]] # two\n{}", &CASE["[[case]]\n".len()..].replace("PA-01", "PA-02")),
            format!("{HEAD}{CASE}{}", CASE.replace("PA-01", "PA-02")).replace('\n', "\r\n"),
        ];
        let mut lists: Vec<String> =
            ["eresepti", "omatietovaranto", "potilastiedon-arkisto", "sosiaalihuollon-arkisto"].map(shipped).into();
        lists.extend(tricky);
        for text in &lists {
            let headers = case_headers(text).unwrap_or_else(|| panic!("split:\n{text}"));
            let pieces = parse_in_pieces(text, &headers).unwrap_or_else(|| panic!("pieces:\n{text}"));
            let whole = parse_whole(text).unwrap_or_else(|error| panic!("whole: {error}\n{text}"));
            assert_eq!(said(pieces), said(whole), "{text}");
        }
    }

    #[test]
    fn lists_of_any_other_shape_are_parsed_whole() {
        let case2 = CASE.replace("PA-01", "PA-02");
        for text in [
            HEAD.to_owned(),
            format!("{HEAD}{CASE}[case.more]\nx = 1\n"),
            format!("{HEAD}{CASE}[[case.more]]\nx = 1\n"),
            format!("{HEAD}[[\"case\"]]\n{}", &CASE["[[case]]\n".len()..]),
            format!("{HEAD}[[ case ]]\n{}", &CASE["[[case]]\n".len()..]),
            format!("{HEAD}{CASE}[meta]\n"),
            format!("{HEAD}{CASE}evidence = [\"document\"\n{case2}"),
            format!("{HEAD}{CASE}evidence = ]\n"),
        ] {
            assert_eq!(case_headers(&text), None, "{text}");
        }
        // Nested arrays at a line's start are values, not headers.
        let text = format!("{HEAD}{CASE}x = [\n[[1]],\n[[case]],\n]\n");
        assert_eq!(case_headers(&text), Some(vec![HEAD.len()]));
        // Split, but a piece or the head does not parse alone: the whole list is parsed.
        for text in [
            format!("{HEAD}case = []\n{CASE}"),
            format!("{HEAD}{CASE}id = \"again\"\n"),
            format!("{HEAD}{CASE}{CASE}x = [1,\n"),
        ] {
            let headers = case_headers(&text);
            assert!(headers.as_ref().is_none_or(|headers| parse_in_pieces(&text, headers).is_none()), "{text}");
            assert!(parse_list(&text).is_err(), "{text}");
        }
    }
}
