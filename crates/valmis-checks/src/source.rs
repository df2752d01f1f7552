//! Turning byte offsets in a bundle file into locations people can open, with a one-line
//! snippet that is always safe to print: any real personal identity code on the line is
//! masked, whatever the finding is about.

use std::ops::Range;

use valmis_model::{LineIndex, Location, Snippet};

/// Longest snippet shown, in characters; minified XML has very long lines.
const SNIPPET_WIDTH: usize = 160;
/// Bytes read on each side of a highlight: more than `SNIPPET_WIDTH` characters of any width,
/// so that cutting the window never shows less than the snippet would.
const WINDOW: usize = 1024;

/// A file's bytes with a line index, for locating findings.
#[derive(Debug)]
pub(crate) struct SourceFile<'a> {
    pub(crate) path: &'a str,
    pub(crate) bytes: &'a [u8],
    /// Built when a location is first asked for: most files have no finding.
    index: std::cell::OnceCell<LineIndex>,
}

impl<'a> SourceFile<'a> {
    pub(crate) fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        Self { path, bytes, index: std::cell::OnceCell::new() }
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.bytes))
    }

    /// A location for `span` with a masked snippet of its line.
    pub(crate) fn locate(&self, span: Range<usize>) -> Location {
        let mut location = self.locate_without_snippet(span.start);
        let Some(line) = location.line else { return location };
        let Some(line_range) = self.index().line_range(self.bytes, line) else { return location };
        // Only a window around the highlight is read: a minified document or a 50 MB attribute
        // is one line, and the snippet shows 160 characters of it anyway.
        let start = span.start.clamp(line_range.start, line_range.end);
        let end = span.end.clamp(start, line_range.end).min(start + WINDOW);
        let window = start.saturating_sub(WINDOW).max(line_range.start)..(end + WINDOW).min(line_range.end);
        let line_bytes = &self.bytes[window.clone()];
        location.snippet = Some(safe_snippet(line_bytes, start - window.start..end - window.start));
        location
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
