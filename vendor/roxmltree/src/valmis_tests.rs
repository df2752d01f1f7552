//! Tests of the fast paths valmis added to this copy of roxmltree (see
//! `VALMIS.md`). The oracle is the definition of `Char` in XML 1.0, §2.2,
//! written out below independently of the code under test, and the
//! character-by-character path upstream takes, which the fast paths fall
//! back to.

use std::format;
use std::string::String;
use std::vec::Vec;

use crate::tokenizer::is_xml_bytes_fast;
use crate::{Document, Error, TextPos};

/// `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`
fn is_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn every_char() -> impl Iterator<Item = char> {
    (0..=0x10FFFF).filter_map(char::from_u32)
}

/// The offsets around the 32-byte chunks the fast check reads.
const OFFSETS: [usize; 10] = [0, 1, 30, 31, 32, 33, 62, 63, 64, 65];

#[test]
fn the_fast_check_never_clears_a_text_with_a_character_outside_char() {
    for c in every_char() {
        for offset in OFFSETS {
            let text = format!("{}{c}xyz", "a".repeat(offset));
            let fast = is_xml_bytes_fast(text.as_bytes());
            if !is_char(c) {
                assert!(!fast, "U+{:04X} at {offset} cleared", c as u32);
            } else if !text.as_bytes().contains(&0xEF) {
                // Only a 0xEF byte (the lead byte of U+F000..U+FFFF) may send a
                // valid text to the slow path.
                assert!(fast, "U+{:04X} at {offset} not cleared", c as u32);
            }
        }
    }
}

/// Where roxmltree reports a character: row and column counted in characters
/// from one, as `Stream::gen_text_pos` counts them.
fn pos_of(doc: &str, byte: usize) -> TextPos {
    let before = &doc[..byte];
    let row = 1 + before.matches('\n').count() as u32;
    let line = before.rsplit('\n').next().unwrap_or("");
    TextPos::new(row, line.chars().count() as u32 + 1)
}

/// What parsing `doc` must give when the text or attribute value that starts
/// at byte `start` and holds `content` is all that can be wrong with it.
fn expected(doc: &str, start: usize, content: &str, in_text: bool) -> Result<(), Error> {
    if let Some((i, c)) = content.char_indices().find(|&(_, c)| !is_char(c)) {
        return Err(Error::NonXmlChar(c, pos_of(doc, start + i)));
    }
    if in_text && content.contains("]]>") {
        return Err(Error::InvalidCharacterData(pos_of(doc, start + content.len())));
    }
    Ok(())
}

fn check(content: &str) {
    for in_text in [true, false] {
        let (doc, start) = if in_text {
            (format!("<a>{content}</a>"), 3)
        } else {
            (format!("<a b=\"{content}\"/>"), 6)
        };
        let got = Document::parse(&doc);
        let want = expected(&doc, start, content, in_text);
        match (&got, &want) {
            (Ok(parsed), Ok(())) => {
                if in_text && !content.is_empty() && !content.contains('\r') {
                    assert_eq!(parsed.root_element().text(), Some(content), "{doc:?}");
                }
            }
            (Err(e), Err(w)) if in_text || !matches!(w, Error::InvalidCharacterData(_)) => {
                assert_eq!(e, w, "{doc:?}");
            }
            _ => panic!("{doc:?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn every_character_in_a_text_and_an_attribute_value_at_the_chunk_edges() {
    // Every character below U+0800 (ASCII and the two-byte forms), every one
    // whose encoding starts with 0xEF, and a sample of the rest.
    let chars = every_char().filter(|&c| {
        let cp = c as u32;
        cp < 0x800 || (0xF000..=0xFFFF).contains(&cp) || cp % 251 == 0
    });
    for c in chars {
        if matches!(c, '<' | '&' | '"') {
            continue;
        }
        for offset in OFFSETS {
            check(&format!("{}{c}tail", "k".repeat(offset)));
        }
    }
}

/// A xorshift generator: the test needs no crate and gives the same texts on
/// every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_texts_of_the_characters_that_matter() {
    let alphabet: Vec<char> = [
        'a', 'Ä', 'ö', ' ', '\t', '\n', ']', '>', '\u{0}', '\u{1}', '\u{1F}', '\u{7F}', '\u{85}',
        '\u{D7FF}', '\u{E000}', '\u{F000}', '\u{FEFF}', '\u{FFFD}', '\u{FFFE}', '\u{FFFF}',
        '\u{10000}', '\u{10FFFF}',
    ]
    .into();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..20_000 {
        let len = (rng.next() % 80) as usize;
        let text: String = (0..len)
            .map(|_| {
                // Mostly letters, so that most texts are valid and long.
                let r = rng.next();
                if r % 8 == 0 {
                    alphabet[(r >> 8) as usize % alphabet.len()]
                } else {
                    'a'
                }
            })
            .collect();
        check(&text);
    }
}

#[test]
fn names_are_read_as_upstream_reads_them() {
    // The table skip stops at `:` and outside ASCII; the loop after it decides.
    let cases = [
        ("<a/>", Ok(("", "a"))),
        ("<hl7:ClinicalDocument/>", Err(())),
        ("<x:a xmlns:x='u'/>", Ok(("x", "a"))),
        ("<ääkkönen/>", Ok(("", "ääkkönen"))),
        ("<a.b-c_d9/>", Ok(("", "a.b-c_d9"))),
        ("<a·b/>", Ok(("", "a·b"))),
        ("<x:y:z xmlns:x='u'/>", Err(())),
        ("<9a/>", Err(())),
        ("<a\u{0}/>", Err(())),
    ];
    for (doc, want) in cases {
        match (Document::parse(doc), want) {
            (Ok(d), Ok((prefix, local))) => {
                let root = d.root_element();
                assert_eq!(root.tag_name().name(), local, "{doc}");
                assert_eq!(root.lookup_prefix(root.tag_name().namespace().unwrap_or("")).unwrap_or(""), prefix, "{doc}");
            }
            (Err(_), Err(())) => {}
            (got, want) => panic!("{doc}: got {got:?}, want {want:?}"),
        }
    }
}
