//! Turning byte offsets in a bundle file into locations people can open, with a one-line
//! snippet that is always safe to print: any real personal identity code on the line is
//! masked, whatever the finding is about, and a line of secret material (inside a PEM private
//! key block, or a password, token or key assigned a value) is never quoted.

use std::ops::Range;

use valmis_model::{LineIndex, Location, Snippet};

/// Longest snippet shown, in characters; minified XML has very long lines.
const SNIPPET_WIDTH: usize = 160;
/// Bytes read on each side of a highlight: more than `SNIPPET_WIDTH` characters of any width,
/// so that cutting the window never shows less than the snippet would.
const WINDOW: usize = 1024;

/// Text saved as UTF-16 with its byte order mark decoded: Excel's "Unicode text", Notepad's
/// "Unicode", Windows PowerShell's `>`. `None` for any other file, which is read as it is.
pub(crate) fn decode_utf16(bytes: &[u8]) -> Option<String> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) if encoding != encoding_rs::UTF_8 => {
            Some(encoding.decode_without_bom_handling(&bytes[bom_length..]).0.into_owned())
        }
        _ => None,
    }
}

/// A file's bytes with a line index, for locating findings.
#[derive(Debug)]
pub(crate) struct SourceFile<'a> {
    pub(crate) path: &'a str,
    pub(crate) bytes: &'a [u8],
    /// Built when a location is first asked for: most files have no finding.
    index: std::cell::OnceCell<LineIndex>,
    /// The byte ranges of PEM private key blocks, found when a snippet is first asked for.
    key_blocks: std::cell::OnceCell<Vec<Range<usize>>>,
}

impl<'a> SourceFile<'a> {
    pub(crate) fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        Self { path, bytes, index: std::cell::OnceCell::new(), key_blocks: std::cell::OnceCell::new() }
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.bytes))
    }

    /// A location for `span` with a masked snippet of its line.
    pub(crate) fn locate(&self, span: Range<usize>) -> Location {
        let mut location = self.locate_without_snippet(span.start);
        let Some(line) = location.line else { return location };
        let Some(line_range) = self.index().line_range(self.bytes, line) else { return location };
        if self.is_secret_line(line_range.clone()) {
            // The place is enough to find it; the line itself is not repeated into reports.
            return location;
        }
        // Only a window around the highlight is read: a minified document or a 50 MB attribute
        // is one line, and the snippet shows 160 characters of it anyway.
        let start = span.start.clamp(line_range.start, line_range.end);
        let end = span.end.clamp(start, line_range.end).min(start + WINDOW);
        let window = start.saturating_sub(WINDOW).max(line_range.start)..(end + WINDOW).min(line_range.end);
        let line_bytes = &self.bytes[window.clone()];
        location.snippet = Some(safe_snippet(line_bytes, start - window.start..end - window.start));
        location
    }

    /// Whether the line at `line` is secret material: inside (or the armour of) a PEM private key
    /// block, or a password, secret, token or key given a value.
    fn is_secret_line(&self, line: Range<usize>) -> bool {
        let blocks = self.key_blocks.get_or_init(|| private_key_blocks(self.bytes));
        let first_after = blocks.partition_point(|block| block.end <= line.start);
        if blocks.get(first_after).is_some_and(|block| block.start <= line.end) {
            return true;
        }
        // Only a window: a secret is assigned near the start of its line, and a minified
        // document's one line must not be searched whole for every finding on it.
        let text = &self.bytes[line.start..line.end.min(line.start + 4 * WINDOW)];
        SECRET_ASSIGNMENT.is_match(text)
    }

    /// 1-based line and column of `offset`.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        self.index().line_col(self.bytes, offset)
    }

    /// 1-based line of `offset`, counted without building the line index (for offsets near the
    /// start, like a document's root element).
    pub(crate) fn line_of(&self, offset: usize) -> u32 {
        let newlines = memchr::memchr_iter(b'\n', &self.bytes[..offset.min(self.bytes.len())]).count();
        u32::try_from(newlines + 1).unwrap_or(u32::MAX)
    }

    /// A location for `offset`, without showing the line (for findings about secrets).
    pub(crate) fn locate_without_snippet(&self, offset: usize) -> Location {
        let (line, column) = self.index().line_col(self.bytes, offset);
        Location::line_column(self.path, line, column)
    }
}

/// A password, secret, token, key or credential given a value (`password = "…"`, `"apiKey": "…"`,
/// `salasana: …`), an `Authorization` header, a bearer token, or a URL with a password in it.
/// ASCII-only case folding (`(?i-u)`) over bytes: the words are ASCII, and Unicode case folding
/// is a regex feature the release build does not enable (a test build may, through a
/// dev-dependency: a Unicode `(?i)` pattern compiled in tests and panicked in the release binary).
static SECRET_ASSIGNMENT: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
    regex::bytes::Regex::new(
        r#"(?i-u)(?:pass(?:word|wd|phrase)?|pwd|salasana|tunnussana|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)["']?\s*[:=]|authorization\s*:|\bbearer\s+[a-z0-9._~+/-]{8,}|://[^/\s:@]+:[^/\s@]+@"#,
    )
    .expect("the secret pattern compiles")
});

/// The byte ranges of PEM private key blocks, from `-----BEGIN … PRIVATE KEY-----` to the end of
/// its `-----END …-----` line (or of the file, when the block is cut off). BUNDLE-SECRETS finds
/// the same blocks with [`private_key_begin_lines`].
fn private_key_blocks(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut blocks: Vec<Range<usize>> = Vec::new();
    for (start, _) in private_key_begin_lines(bytes) {
        if blocks.last().is_some_and(|last| start < last.end) {
            continue;
        }
        let end = memchr::memmem::find(&bytes[start..], b"-----END ").map_or(bytes.len(), |at| {
            let end_line = start + at;
            memchr::memchr(b'\n', &bytes[end_line..]).map_or(bytes.len(), |newline| end_line + newline)
        });
        blocks.push(start..end);
    }
    blocks
}

/// Offsets and labels of `-----BEGIN ... PRIVATE KEY...-----` lines.
pub(crate) fn private_key_begin_lines(bytes: &[u8]) -> Vec<(usize, String)> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(position) = memchr::memmem::find(&bytes[at..], BEGIN) {
        let start = at + position;
        let label_start = start + BEGIN.len();
        let label_end = bytes[label_start..].iter().take(64).position(|&b| b == b'-').map(|end| label_start + end);
        if let Some(label_end) = label_end {
            let label = String::from_utf8_lossy(&bytes[label_start..label_end]).into_owned();
            if label.contains("PRIVATE KEY") {
                found.push((start, label));
            }
        }
        at = label_start;
    }
    found
}

/// Masks identity codes, strips control characters and cuts the line to a window around the
/// highlight, keeping byte offsets of the highlight right for the cut text.
fn safe_snippet(line: &[u8], highlight: Range<usize>) -> Snippet {
    let mut masked = line.to_vec();
    for found in valmis_ids::scan_hetus(line) {
        if !found.hetu.is_test_identity() {
            masked[found.offset + 8..found.offset + 11].copy_from_slice(b"***");
        }
    }
    let before = String::from_utf8_lossy(&masked[..highlight.start]).replace(is_unprintable, " ");
    let marked = String::from_utf8_lossy(&masked[highlight.start..highlight.end]).replace(is_unprintable, " ");
    let after = String::from_utf8_lossy(&masked[highlight.end..]).replace(is_unprintable, " ");
    let keep_before: String = {
        let chars: Vec<char> = before.chars().collect();
        let skip = chars.len().saturating_sub(SNIPPET_WIDTH / 2);
        let mut text: String = chars[skip..].iter().collect();
        if skip > 0 {
            text.insert(0, '…');
        }
        text
    };
    let marked: String = marked.chars().take(SNIPPET_WIDTH).collect();
    let mut keep_after: String = after.chars().take(SNIPPET_WIDTH / 2).collect();
    if after.chars().count() > SNIPPET_WIDTH / 2 {
        keep_after.push('…');
    }
    let start = keep_before.len();
    let end = start + marked.len();
    Snippet { line_text: format!("{keep_before}{marked}{keep_after}"), highlight: start..end }
}

fn is_unprintable(c: char) -> bool {
    c.is_control() && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::SourceFile;

    #[test]
    fn snippets_mask_real_identity_codes_and_keep_test_ones() {
        let text = b"first\nname = \"Matti 131052-308T\" # 010181-900C\n";
        let source = SourceFile::new("manifest.toml", text);
        let location = source.locate(14..31);
        assert_eq!((location.line, location.column), (Some(2), Some(9)));
        let snippet = location.snippet.expect("snippet");
        assert_eq!(snippet.line_text, "name = \"Matti 131052-3***\" # 010181-900C");
        assert_eq!(&snippet.line_text[snippet.highlight.clone()], "Matti 131052-3***");
    }

    #[test]
    fn lines_of_secret_material_are_located_but_never_quoted() {
        // Issue 16 (9): a finding on a line of a private key block, or on a line with a password,
        // quoted that line in every sink.
        let text = "intro 131052-308T\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49 131052-308T\n-----END PRIVATE KEY-----\n\
                    password = \"Salasana123\" # 131052-308T\n\"apiKey\": \"abc\", \"x\": \"131052-308T\"\n\
                    Authorization: Bearer eyJhbGciOiJIUzI1NiJ9 131052-308T\nurl = \"https://kanta:Salainen1@esimerkki.fi\" 131052-308T\n\
                    -----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG 131052-308T\nafter 131052-308T\n";
        let source = SourceFile::new("evidence/yhteys.txt", text.as_bytes());
        let located: Vec<(u32, bool)> = valmis_ids::scan_hetus(text.as_bytes())
            .iter()
            .map(|found| {
                let location = source.locate(found.offset..found.offset + 11);
                (location.line.expect("line"), location.snippet.is_some())
            })
            .collect();
        // The first line is ordinary; the rest are secret, down to the end of the cut-off block.
        assert_eq!(
            located,
            vec![(1, true), (3, false), (5, false), (6, false), (7, false), (8, false), (10, false), (11, false)]
        );
        // Not secret: the words alone, without a value.
        for line in ["Salasanan vaihto testattu 131052-308T", "token-based login works 131052-308T"] {
            let source = SourceFile::new("a.txt", line.as_bytes());
            assert!(source.locate(line.len() - 11..line.len()).snippet.is_some(), "{line}");
        }
    }

    #[test]
    fn long_lines_are_cut_around_the_highlight() {
        let mut text = "x".repeat(5000);
        text.push_str("<bad/>");
        text.push_str(&"y".repeat(5000));
        let source = SourceFile::new("a.xml", text.as_bytes());
        let snippet = source.locate(5000..5006).snippet.expect("snippet");
        assert!(snippet.line_text.chars().count() < 200);
        assert_eq!(&snippet.line_text[snippet.highlight.clone()], "<bad/>");
    }
}
