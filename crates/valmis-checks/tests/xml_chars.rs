//! The XML parser valmis ships (its copy of roxmltree, `vendor/roxmltree`, whose text and
//! attribute scans valmis made faster) against an outside oracle: libxml2's `xmllint --noout`
//! must accept and refuse the same documents when a text or an attribute value holds a
//! character at the edge of XML 1.0's `Char`, placed around the 32-byte chunks the fast scan
//! reads. xmllint is skipped, with the reason, on a laptop without it; under `CI=true` (where
//! `.ci/run` installs it) its absence fails the test.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Characters on both sides of every boundary of `Char` (and 0xEF-led ones, which the fast
/// scan hands to the slow one), with ASCII and Finnish letters.
const CHARS: &[char] = &[
    '\u{0}',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{B}',
    '\u{C}',
    '\r',
    '\u{1F}',
    ' ',
    'a',
    'ä',
    '\u{7F}',
    '\u{80}',
    '\u{85}',
    '\u{9F}',
    '\u{A0}',
    '\u{D7FF}',
    '\u{E000}',
    '\u{EFFF}',
    '\u{F000}',
    '\u{FEFF}',
    '\u{FFFD}',
    '\u{FFFE}',
    '\u{FFFF}',
    '\u{10000}',
    '\u{10FFFF}',
];

const OFFSETS: &[usize] = &[0, 31, 32, 33, 63];

fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, &c) in CHARS.iter().enumerate() {
        for &offset in OFFSETS {
            let content = format!("{}{c}loppu", "k".repeat(offset));
            let text = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>{content}</a>\n");
            let attribute = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a b=\"{content}\"/>\n");
            out.push((format!("text-{i:02}-{offset:02}.xml"), text));
            out.push((format!("attribute-{i:02}-{offset:02}.xml"), attribute));
        }
    }
    out
}

#[test]
fn roxmltree_accepts_and_refuses_what_libxml2_does() {
    let documents = documents();
    let accepted_here: BTreeSet<&str> = documents
        .iter()
        .filter(|(_, text)| roxmltree::Document::parse(text).is_ok())
        .map(|(name, _)| name.as_str())
        .collect();
    // The expectation by the definition of `Char`, so that the test fails if both parsers
    // were to accept everything.
    let refused_by_definition = CHARS
        .iter()
        .filter(|c| matches!(**c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}'))
        .count();
    assert_eq!(documents.len() - accepted_here.len(), refused_by_definition * OFFSETS.len() * 2);

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xml_chars");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, text) in &documents {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let mut command = Command::new("xmllint");
    command.arg("--noout").current_dir(&dir).args(documents.iter().map(|(name, _)| name));
    let output = match command.output() {
        Ok(output) => output,
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => panic!("xmllint is missing under CI=true"),
        Err(_) => {
            eprintln!("skipping the libxml2 comparison: xmllint is not installed (apt install libxml2-utils)");
            return;
        }
    };
    // libxml2 names each refused file at the start of its error lines: `name.xml:2: parser error`.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let refused_by_libxml2: BTreeSet<&str> = stderr
        .lines()
        .filter_map(|line| line.split_once(':').map(|(name, _)| name))
        .filter(|name| documents.iter().any(|(n, _)| n == name))
        .collect();
    for (name, _) in &documents {
        assert_eq!(
            accepted_here.contains(name.as_str()),
            !refused_by_libxml2.contains(name.as_str()),
            "{name}: roxmltree and libxml2 disagree\n{stderr}"
        );
    }
}
