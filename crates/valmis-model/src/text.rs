//! Byte offsets to `line:column`, the way editors and CI annotations count them.

/// Start offsets of every line of a text, for turning byte offsets into 1-based line and column
/// numbers (columns count characters, not bytes).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`; a line ends with `\n` (Unix), `\r\n` (Windows, Excel's CSV) or a lone
    /// `\r` (classic Mac OS, some exports), so that every one of them counts lines like an editor.
    pub fn new(text: &[u8]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(line_breaks(text));
        Self { line_starts }
    }

    /// 1-based line and column of `offset`; offsets past the end land on the last line.
    pub fn line_col(&self, text: &[u8], offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset).saturating_sub(1);
        let line_start = self.line_starts[line];
        let column = String::from_utf8_lossy(&text[line_start..offset]).chars().count();
        (to_u32(line + 1), to_u32(column + 1))
    }

    /// The byte range of the 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &[u8], line: u32) -> Option<std::ops::Range<usize>> {
        let index = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        let mut end = self.line_starts.get(index + 1).map_or(text.len(), |next| next - 1);
        // The `\r` of a `\r\n`.
        if end > start && text.get(end) == Some(&b'\n') && text.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(start..end)
    }
}

/// The offsets where lines start after the first: after every `\n`, and after every `\r` that
/// is not the first half of `\r\n`.
fn line_breaks(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', text)
        .filter(move |&index| text[index] == b'\n' || text.get(index + 1) != Some(&b'\n'))
        .map(|index| index + 1)
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn offsets_map_to_lines_and_character_columns() {
        let text = "a = 1\r\nnimi = \"Äiti\"\nx".as_bytes();
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 7), (2, 1));
        let after_umlaut = text.iter().position(|&b| b == b'i').expect("i");
        assert_eq!(index.line_col(text, after_umlaut), (2, 2));
        assert_eq!(index.line_col(text, 10_000), (3, 2));
        assert_eq!(&text[index.line_range(text, 1).expect("line 1")], b"a = 1");
        assert_eq!(index.line_range(text, 4), None);
        assert_eq!(index.line_range(text, 0), None);
    }

    #[test]
    fn lf_crlf_and_lone_cr_count_lines_alike() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = format!("header{ending}PA-01,pass{ending}PA-02,fail{ending}");
            let text = text.as_bytes();
            let index = LineIndex::new(text);
            let fail = text.windows(4).position(|window| window == b"fail").expect("fail");
            assert_eq!(index.line_col(text, fail), (3, 7), "{ending:?}");
            assert_eq!(&text[index.line_range(text, 2).expect("line 2")], b"PA-01,pass", "{ending:?}");
            assert_eq!(&text[index.line_range(text, 3).expect("line 3")], b"PA-02,fail", "{ending:?}");
        }
    }
}
