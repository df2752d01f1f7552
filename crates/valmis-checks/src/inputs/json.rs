//! JSON documents as read from the bundle: parsed strictly (RFC 8259: no comments, no trailing
//! commas, only the four whitespace characters) with the byte range of every value, within the
//! parse budget.
//!
//! The tree is one flat list of 16-byte nodes in document order: a value's range, its kind, and
//! where the values inside it end. Strings point into the text and are decoded only when they
//! hold escapes. A Kanta PHR bundle of 740 KB took about 6 MB as `jsonc_parser`'s syntax tree,
//! and parsing it was a sixth of a run's time; here it takes under 1 MB and a fraction of the
//! time (BENCHMARKS.md). The parser keeps its own stack of open containers, so nesting costs no
//! call stack; it stops at [`MAX_DEPTH`] levels as the XML side does.

use std::ops::Range;

use valmis_i18n::{Msg, msg};

use super::budget;

/// Deepest nesting of arrays and objects parsed (a FHIR resource nests a dozen levels).
pub(crate) const MAX_DEPTH: usize = 512;

/// A JSON syntax error: message and where.
pub(crate) struct JsonError(pub(crate) Msg, pub(crate) Range<usize>);

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    True,
    False,
    Number,
    String,
    Array,
    Object,
}

/// One value. An object's children are its keys and values in turn (each key a `String`
/// node); `after` is the index of the first node past this value and everything inside it.
#[derive(Debug, Clone, Copy)]
struct Node {
    start: u32,
    end: u32,
    after: u32,
    kind: Kind,
    /// A string with escapes: its decoded text is in `Tree::decoded`.
    escaped: bool,
}

/// A parsed JSON document.
#[derive(Debug)]
pub(crate) struct Tree<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    /// The decoded text of each string with escapes, by node index (ascending).
    decoded: Vec<(u32, Box<str>)>,
}

impl<'t> Tree<'t> {
    /// The document's one top-level value.
    pub(crate) fn root(&self) -> Value<'_, 't> {
        Value { tree: self, index: 0 }
    }
}

/// A value in a [`Tree`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Value<'a, 't> {
    tree: &'a Tree<'t>,
    index: u32,
}

impl<'a, 't> Value<'a, 't> {
    fn node(&self) -> &'a Node {
        &self.tree.nodes[self.index as usize]
    }

    pub(crate) fn kind(&self) -> Kind {
        self.node().kind
    }

    /// The value's bytes in the document.
    pub(crate) fn span(&self) -> Range<usize> {
        let node = self.node();
        node.start as usize..node.end as usize
    }

    /// The value as written (`12.50`, `true`, `"a\n"` with its quotes).
    pub(crate) fn raw(&self) -> &'a str {
        &self.tree.text[self.span()]
    }

    /// A string's text, escapes decoded; `None` for any other kind.
    pub(crate) fn as_str(&self) -> Option<&'a str> {
        let node = self.node();
        if node.kind != Kind::String {
            return None;
        }
        if node.escaped {
            let found = self.tree.decoded.binary_search_by_key(&self.index, |(index, _)| *index).ok()?;
            return Some(&self.tree.decoded[found].1);
        }
        Some(&self.tree.text[node.start as usize + 1..node.end as usize - 1])
    }

    /// The values directly inside an array, or an object's keys and values in turn.
    fn children(&self) -> impl Iterator<Item = Value<'a, 't>> + use<'a, 't> {
        let tree = self.tree;
        let node = self.node();
        let inside = matches!(node.kind, Kind::Array | Kind::Object);
        let mut next = self.index + 1;
        let end = if inside { node.after } else { next };
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let child = Value { tree, index: next };
                next = tree.nodes[next as usize].after;
                child
            })
        })
    }

    /// An array's elements (none for any other kind).
    pub(crate) fn elements(&self) -> impl Iterator<Item = Value<'a, 't>> + use<'a, 't> {
        let array = self.kind() == Kind::Array;
        self.children().filter(move |_| array)
    }

    /// An object's members as (name, value), in document order (none for any other kind).
    pub(crate) fn members(&self) -> impl Iterator<Item = (&'a str, Value<'a, 't>)> + use<'a, 't> {
        let object = self.kind() == Kind::Object;
        let mut children = self.children().filter(move |_| object);
        std::iter::from_fn(move || {
            let key = children.next()?;
            let value = children.next()?;
            Some((key.as_str().unwrap_or_default(), value))
        })
    }

    /// The value of an object's first member named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<Value<'a, 't>> {
        self.members().find(|(key, _)| *key == name).map(|(_, value)| value)
    }
}

/// A parsed JSON document with its room in the parse budget, given back when it is dropped.
#[derive(Debug)]
pub(crate) struct ParsedJson<'t> {
    tree: Tree<'t>,
    _permit: budget::Permit,
}

impl<'t> std::ops::Deref for ParsedJson<'t> {
    type Target = Tree<'t>;

    fn deref(&self) -> &Tree<'t> {
        &self.tree
    }
}

/// Parses strict JSON keeping positions, within the parse budget (`crate::budget`): a document
/// over the per-document limit is not parsed.
pub(crate) fn parse_json(text: &str) -> Result<ParsedJson<'_>, JsonError> {
    let permit = budget::acquire(budget::json_cost(text)).map_err(|over| JsonError(over.message(), 0..0))?;
    Ok(ParsedJson { tree: parse(text)?, _permit: permit })
}

/// Parses strict JSON (the budget is the caller's).
pub(crate) fn parse(text: &str) -> Result<Tree<'_>, JsonError> {
    if u32::try_from(text.len()).is_err() {
        return Err(JsonError(msg!("json-too-large"), 0..0));
    }
    let mut parser = Parser { text, bytes: text.as_bytes(), at: 0, nodes: Vec::new(), decoded: Vec::new() };
    parser.document()?;
    Ok(Tree { text, nodes: parser.nodes, decoded: parser.decoded })
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    nodes: Vec<Node>,
    decoded: Vec<(u32, Box<str>)>,
}

/// An open array or object: its node.
struct Open {
    node: usize,
    object: bool,
}

impl Parser<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// An error at the current byte: what was found there instead of `expected` (a key of the
    /// messages' `$expected`: value, end, comma-brace, comma-bracket, name, colon).
    fn unexpected(&self, expected: &'static str) -> JsonError {
        // The text was UTF-8 already: only the character found is read (a token never ends
        // inside a character, so `at` is on a boundary).
        match self.text.get(self.at..).and_then(|rest| rest.chars().next()) {
            None => JsonError(msg!("json-ends-early", expected = expected), self.at..self.at),
            Some(found) => {
                let shown = if found == '/' {
                    return JsonError(msg!("json-comment"), self.at..self.at + 1);
                } else if found.is_control() || found.is_whitespace() || found == '\u{feff}' {
                    format!("U+{:04X}", u32::from(found))
                } else {
                    format!("'{found}'")
                };
                JsonError(
                    msg!("json-unexpected", found = shown, expected = expected),
                    self.at..self.at + found.len_utf8(),
                )
            }
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind, escaped: bool) -> usize {
        let index = self.nodes.len();
        // Positions fit: `parse` refuses a text past u32::MAX bytes.
        let (start, end) = (start as u32, end as u32);
        self.nodes.push(Node { start, end, after: index as u32 + 1, kind, escaped });
        index
    }

    fn document(&mut self) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.at == self.bytes.len() {
            return Err(JsonError(msg!("json-empty"), 0..0));
        }
        let mut open: Vec<Open> = Vec::new();
        'value: loop {
            // A value starts here.
            self.skip_whitespace();
            let start = self.at;
            match self.peek() {
                Some(bracket @ (b'{' | b'[')) => {
                    if open.len() == MAX_DEPTH {
                        return Err(JsonError(msg!("json-too-deep", limit = MAX_DEPTH), start..start + 1));
                    }
                    let object = bracket == b'{';
                    let node = self.push(start, start + 1, if object { Kind::Object } else { Kind::Array }, false);
                    open.push(Open { node, object });
                    self.at += 1;
                    self.skip_whitespace();
                    let close = if object { b'}' } else { b']' };
                    if self.peek() != Some(close) {
                        if object {
                            self.key()?;
                        }
                        continue 'value;
                    }
                    // An empty one: closed below.
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.literal(b"true", Kind::True)?,
                Some(b'f') => self.literal(b"false", Kind::False)?,
                Some(b'n') => self.literal(b"null", Kind::Null)?,
                _ => return Err(self.unexpected("value")),
            }
            // After a value: a comma and the next, or the end of what holds it.
            loop {
                let value_end = self.at;
                self.skip_whitespace();
                let Some(top) = open.last() else {
                    if self.at < self.bytes.len() {
                        return Err(self.unexpected("end"));
                    }
                    return Ok(());
                };
                let (object, node) = (top.object, top.node);
                let close = if object { b'}' } else { b']' };
                match self.peek() {
                    Some(b',') => {
                        let comma = self.at;
                        self.at += 1;
                        self.skip_whitespace();
                        if matches!(self.peek(), Some(b'}' | b']')) {
                            return Err(JsonError(msg!("json-trailing-comma"), comma..comma + 1));
                        }
                        if object {
                            self.key()?;
                        }
                        continue 'value;
                    }
                    Some(found) if found == close => {
                        self.at += 1;
                        let after = self.nodes.len() as u32;
                        let closed = &mut self.nodes[node];
                        closed.end = self.at as u32;
                        closed.after = after;
                        open.pop();
                    }
                    // Another value where a comma belongs: the comma is what is missing, right
                    // after the value before (where a person types it).
                    Some(b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                        return Err(JsonError(msg!("json-missing-comma"), value_end..value_end));
                    }
                    _ => return Err(self.unexpected(if object { "comma-brace" } else { "comma-bracket" })),
                }
            }
        }
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Result<(), JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("name"));
        }
        self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.unexpected("colon"));
        }
        self.at += 1;
        Ok(())
    }

    fn literal(&mut self, word: &[u8], kind: Kind) -> Result<(), JsonError> {
        let start = self.at;
        if !self.bytes[start..].starts_with(word) {
            return Err(self.unexpected("value"));
        }
        self.at += word.len();
        if self.peek().is_some_and(|byte| byte.is_ascii_alphanumeric()) {
            return Err(JsonError(msg!("json-unknown-word"), start..self.at + 1));
        }
        self.push(start, self.at, kind, false);
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<(), JsonError> {
        let start = self.at;
        let bad = |parser: &Self| JsonError(msg!("json-bad-number"), start..parser.at.max(start + 1));
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                    self.at += 1;
                    return Err(bad(self));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(bad(self)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(bad(self));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(bad(self));
            }
        }
        self.push(start, self.at, Kind::Number, false);
        Ok(())
    }

    fn string(&mut self) -> Result<(), JsonError> {
        let start = self.at;
        self.at += 1;
        let mut escaped = false;
        loop {
            let rest = &self.bytes[self.at..];
            // The next quote or backslash by memchr, then a control character before it: two
            // vectorised passes instead of one loop testing three conditions per byte.
            let stop = memchr::memchr2(b'"', b'\\', rest);
            let run = &rest[..stop.unwrap_or(rest.len())];
            if run.iter().any(|&byte| byte < 0x20) {
                self.at += run.iter().position(|&byte| byte < 0x20).unwrap_or_default();
                return Err(JsonError(msg!("json-control-in-string"), self.at..self.at + 1));
            }
            let Some(offset) = stop else {
                self.at = self.bytes.len();
                return Err(JsonError(msg!("json-unterminated-string"), start..start + 1));
            };
            self.at += offset;
            if self.bytes[self.at] == b'"' {
                break;
            }
            escaped = true;
            self.escape()?;
        }
        self.at += 1;
        let index = self.push(start, self.at, Kind::String, escaped);
        if escaped {
            let decoded = decode(&self.bytes[start + 1..self.at - 1]);
            self.decoded.push((index as u32, decoded.into_boxed_str()));
        }
        Ok(())
    }

    /// Checks one escape at the backslash and moves past it.
    fn escape(&mut self) -> Result<(), JsonError> {
        let start = self.at;
        let bad = |end: usize| JsonError(msg!("json-bad-escape"), start..end);
        match self.bytes.get(start + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.at += 2;
                Ok(())
            }
            Some(b'u') => {
                let unit = hex4(self.bytes, start + 2).ok_or_else(|| bad((start + 6).min(self.bytes.len())))?;
                self.at += 6;
                if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate must be followed by a low one.
                    let low = (self.bytes.get(self.at..self.at + 2) == Some(b"\\u"))
                        .then(|| hex4(self.bytes, self.at + 2))
                        .flatten()
                        .filter(|low| (0xDC00..0xE000).contains(low));
                    if low.is_none() {
                        return Err(JsonError(msg!("json-lone-surrogate"), start..self.at));
                    }
                    self.at += 6;
                } else if (0xDC00..0xE000).contains(&unit) {
                    return Err(JsonError(msg!("json-lone-surrogate"), start..self.at));
                }
                Ok(())
            }
            _ => Err(bad((start + 2).min(self.bytes.len()))),
        }
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u32::from_str_radix(text, 16).ok()
}

/// The text of a string's content whose escapes `Parser::escape` checked.
fn decode(content: &[u8]) -> String {
    let mut out = Vec::with_capacity(content.len());
    let mut at = 0;
    while at < content.len() {
        let byte = content[at];
        if byte != b'\\' {
            out.push(byte);
            at += 1;
            continue;
        }
        let simple = match content[at + 1] {
            b'b' => Some(b'\x08'),
            b'f' => Some(b'\x0c'),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'u' => None,
            other => Some(other),
        };
        if let Some(byte) = simple {
            out.push(byte);
            at += 2;
            continue;
        }
        let unit = hex4(content, at + 2).unwrap_or(0xFFFD);
        at += 6;
        let code = if (0xD800..0xDC00).contains(&unit) {
            let low = hex4(content, at + 2).unwrap_or(0xDC00);
            at += 6;
            0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else {
            unit
        };
        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    // The content was UTF-8 and each escape became a whole character.
    String::from_utf8(out).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::{Kind, Value, parse};

    /// serde_json's value for a tree's value, built from the tree alone (numbers read from
    /// their text as written).
    fn to_serde(value: Value<'_, '_>) -> serde_json::Value {
        match value.kind() {
            Kind::Null => serde_json::Value::Null,
            Kind::True => serde_json::Value::Bool(true),
            Kind::False => serde_json::Value::Bool(false),
            Kind::Number => serde_json::from_str(value.raw()).expect("a number as written"),
            Kind::String => serde_json::Value::String(value.as_str().expect("a string").to_owned()),
            Kind::Array => serde_json::Value::Array(value.elements().map(to_serde).collect()),
            Kind::Object => {
                let mut object = serde_json::Map::new();
                for (name, member) in value.members() {
                    // serde_json keeps a repeated name's last value.
                    object.insert(name.to_owned(), to_serde(member));
                }
                serde_json::Value::Object(object)
            }
        }
    }

    /// Every value's own range parses (by serde_json) to what the tree says it is.
    fn check_spans(text: &str, value: Value<'_, '_>) {
        let own: serde_json::Value = serde_json::from_str(&text[value.span()]).expect("a value's own range");
        assert_eq!(own, to_serde(value), "{:?}", value.span());
        for child in value.elements() {
            check_spans(text, child);
        }
        for (_, member) in value.members() {
            check_spans(text, member);
        }
    }

    /// serde_json (RFC 8259, strict) is the oracle: the same texts accepted, the same values.
    fn agrees_with_serde_json(text: &str) {
        let oracle = serde_json::from_str::<serde_json::Value>(text);
        let ours = parse(text);
        match (&oracle, &ours) {
            (Ok(expected), Ok(tree)) => {
                assert_eq!(&to_serde(tree.root()), expected, "{text:?}");
                check_spans(text, tree.root());
            }
            (Err(_), Err(_)) => {}
            (Ok(_), Err(error)) => panic!("serde_json accepts {text:?}, we say {} at {:?}", error.0, error.1),
            (Err(error), Ok(_)) => panic!("serde_json refuses {text:?} ({error}), we accept it"),
        }
    }

    #[test]
    fn the_shipped_json_files_parse_as_serde_json_reads_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for folder in ["fixtures/fhir-fi-base-examples", "fixtures/bundles"] {
            let mut stack = vec![root.join(folder)];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).expect("a fixture folder") {
                    let path = entry.expect("an entry").path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|extension| extension == "json") {
                        files.push(path);
                    }
                }
            }
        }
        assert!(files.len() >= 10, "{files:?}");
        for path in files {
            let bytes = std::fs::read(&path).expect("readable");
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            agrees_with_serde_json(text);
        }
    }

    #[test]
    fn tricky_texts_are_accepted_or_refused_as_serde_json_does() {
        let texts = [
            "0",
            "-0",
            "1.5e+10",
            "1E-2",
            "-12.0",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "--1",
            "0x10",
            "1e5.5",
            "true",
            "false",
            "null",
            "tru",
            "nul",
            "truex",
            "True",
            "NaN",
            "Infinity",
            r#""""#,
            r#""a\"b""#,
            r#""\u00e4\u00F6""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83dx""#,
            r#""\x41""#,
            r#""\u12""#,
            r#""\/\b\f\n\r\t\\""#,
            "\"a\tb\"",
            "\"a\nb\"",
            "\"ä🙂\"",
            r#""unterminated"#,
            "[]",
            "{}",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[[[]]]",
            "[1,[2,[3]]]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":}"#,
            r#"{"a":1 "b":2}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"":{"":[]}}"#,
            "{'a':1}",
            "[1]/*c*/",
            "// c\n1",
            "1 2",
            "[1] x",
            " \t\r\n[ 1 , 2 ] \n",
            "\u{a0}1",
            "1\u{a0}",
            "\u{feff}{}",
            "[",
            "]",
            "{",
            "}",
            "[1",
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":1"#,
            ":",
            ",",
            "[\"\u{1}\"]",
            "[\"\u{7f}\"]",
            "[-]",
            "[-01]",
            "[1e+]",
        ];
        for text in texts {
            agrees_with_serde_json(text);
        }
    }

    #[test]
    fn every_one_byte_change_of_a_document_is_judged_as_serde_json_judges_it() {
        // A small FHIR resource with every kind of value, escapes and nesting; each byte
        // replaced in turn by each of a set of bytes that break or bend the syntax.
        let text = r#"{"resourceType":"Observation","id":"a\u00e4\n","meta":{"profile":["http://phr.kanta.fi/x"]},"value":[1,-2.5e3,true,false,null,{"b":[]}],"s":"\"q\""}"#;
        let replacements = b" \t,:[]{}\"\\0-.eE+tfnu/xa";
        let mut checked = 0;
        for index in 0..text.len() {
            for &byte in replacements {
                let mut bytes = text.as_bytes().to_vec();
                bytes[index] = byte;
                if let Ok(changed) = String::from_utf8(bytes) {
                    agrees_with_serde_json(&changed);
                    checked += 1;
                }
            }
            agrees_with_serde_json(&text[..index]);
        }
        assert!(checked > 2_000, "{checked}");
    }

    #[test]
    fn nesting_stops_at_the_limit_without_using_the_call_stack() {
        let deep = format!("{}{}", "[".repeat(super::MAX_DEPTH), "]".repeat(super::MAX_DEPTH));
        assert!(parse(&deep).is_ok());
        let deeper = format!("{}{}", "[".repeat(super::MAX_DEPTH + 1), "]".repeat(super::MAX_DEPTH + 1));
        let Err(error) = parse(&deeper) else { panic!("too deep") };
        assert_eq!(error.1, super::MAX_DEPTH..super::MAX_DEPTH + 1);
        assert!(error.0.to_string().contains("512"), "{}", error.0);
        let hostile = "[".repeat(1_000_000);
        assert!(parse(&hostile).is_err());
    }

    #[test]
    fn errors_point_at_the_byte_and_say_what_was_expected() {
        let cases = [
            ("", 0..0, "the document is empty"),
            ("[1,]", 2..3, "trailing comma"),
            ("{\"a\" 1}", 5..6, "found '1' where ':' was expected"),
            ("[1 2]", 2..2, "a comma is missing here"),
            ("{\"a\": \"b\"\n  \"c\": 1}", 9..9, "a comma is missing here"),
            ("[1 :]", 3..4, "found ':' where ',' or ']' was expected"),
            ("{\"a\":1 ]", 7..8, "found ']' where ',' or '}' was expected"),
            ("{\"a\":1", 6..6, "ends where ',' or '}' was expected"),
            ("[1] // c", 4..5, "comments"),
            ("\u{feff}{}", 0..3, "found U+FEFF where a value was expected"),
            ("[01]", 1..3, "number"),
            ("[\"a\\qb\"]", 3..5, "escape"),
            ("[\"\\ud83d\"]", 2..8, "surrogate"),
            ("[\"a\u{1}\"]", 3..4, "control character"),
            ("[truex]", 1..6, "word"),
            ("\"abc", 0..1, "not closed"),
        ];
        for (text, range, words) in cases {
            let error = parse(text).err().unwrap_or_else(|| panic!("{text:?} is not valid"));
            assert_eq!(error.1, range, "{text:?}: {}", error.0);
            assert!(error.0.to_string().contains(words), "{text:?}: {}", error.0);
        }
    }

    #[test]
    fn a_node_takes_16_bytes() {
        assert_eq!(size_of::<super::Node>(), 16);
    }
}
