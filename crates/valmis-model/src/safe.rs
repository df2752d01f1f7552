//! What a report sink or the terminal may show. Every string of a report can come from someone
//! else: a file name or a case id in a bundle, a manifest contact, a user's catalog, a waiver
//! reason, a server's certificate. [`Report::make_safe`] is the one pass that makes them safe to
//! write, before any sink sees the report:
//!
//! - real personal identity codes (individual number outside 900–999) are masked, wherever they
//!   stand (`131052-3***`); test identities stay as written;
//! - control characters (ESC, carriage return, NUL, C1, bidirectional overrides, line and
//!   paragraph separators) are shown escaped (`\u{1b}`), so no text moves the cursor, erases a
//!   line or reorders what a reviewer reads; a finding's message is one line, its help and an
//!   outcome's reason keep their line breaks;
//! - one text is at most [`MAX_TEXT_CHARS`] characters, and one outcome lists at most
//!   [`MAX_FINDINGS_PER_OUTCOME`] findings, then one that counts the rest.
//!
//! [`terminal_text`] is the one filter for every line valmis prints: the same escaping, and a line
//! that would read as a CI workflow command (`::error …`, `::stop-commands::…`, `##[error]`,
//! `##vso[…]`) once the runner trims its leading blanks is neutralised with a leading `\`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::Severity;
use crate::finding::{Finding, Snippet};
use crate::outcome::{Report, Status};

/// The most characters one text (a message, a subject, a path) keeps; the rest is counted.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// How far past its limit a text may run before it is cut (the note that counts what was cut).
pub const CAP_SLACK: usize = 64;

/// The most findings one outcome lists; one more finding counts the rest (an outcome with just
/// one finding more lists it instead).
pub const MAX_FINDINGS_PER_OUTCOME: usize = 50;

/// Masks every real personal identity code in `text` as `131052-3***` (the individual number's
/// last two digits and the check character); test identities (900–999) stay as written.
pub fn mask_identity_codes(text: &str) -> Cow<'_, str> {
    let mut bytes: Option<Vec<u8>> = None;
    for found in valmis_ids::scan_hetus(text.as_bytes()) {
        if !found.hetu.is_test_identity() {
            let bytes = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
            bytes[found.offset + 8..found.offset + 11].copy_from_slice(b"***");
        }
    }
    match bytes {
        // A code is ASCII, so ASCII replaced by ASCII leaves the text valid UTF-8.
        Some(bytes) => Cow::Owned(
            String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()),
        ),
        None => Cow::Borrowed(text),
    }
}

/// Whether `c` must not reach a terminal or a report as itself: control characters (C0 but tab,
/// DEL, C1), the bidirectional embeddings, overrides and isolates (the "Trojan Source" ones), and
/// the Unicode line and paragraph separators.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` with every unsafe character (see [`is_unsafe_char`]) written as `\u{1b}`; with
/// `keep_line_breaks`, a `\n` (or `\r\n`, which becomes `\n`) stays a line break.
pub fn escape_controls(text: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if keep_line_breaks && c == '\n' {
            out.push('\n');
        } else if keep_line_breaks && c == '\r' && chars.peek() == Some(&'\n') {
            // `\r\n`: the `\n` follows.
        } else if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` cut to `max` characters, with the count of those left out. A text at most
/// [`CAP_SLACK`] characters over is left whole, so that a text cut before is not cut again.
pub fn cap_length(text: &str, max: usize, lang: crate::catalog::Lang) -> Cow<'_, str> {
    if text.char_indices().nth(max + CAP_SLACK).is_none() {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => {
            let left_out = text[end..].chars().count();
            let note = valmis_i18n::t!(lang.as_str(), "safe-cut", count = left_out);
            Cow::Owned(format!("{}… {note}", &text[..end]))
        }
    }
}

/// Masked, escaped and capped: what any sink may write of a text from a bundle.
pub fn safe_text(text: &str, keep_line_breaks: bool, lang: crate::catalog::Lang) -> Cow<'_, str> {
    let masked = mask_identity_codes(text);
    let escaped = match escape_controls(&masked, keep_line_breaks) {
        Cow::Borrowed(_) => masked,
        Cow::Owned(escaped) => Cow::Owned(escaped),
    };
    match cap_length(&escaped, MAX_TEXT_CHARS, lang) {
        Cow::Borrowed(_) => escaped,
        Cow::Owned(capped) => Cow::Owned(capped),
    }
}

fn make_safe_string(text: &mut String, keep_line_breaks: bool, lang: crate::catalog::Lang) {
    if let Cow::Owned(safe) = safe_text(text, keep_line_breaks, lang) {
        *text = safe;
    }
}

/// A snippet keeps its byte length (its highlight is a byte range): codes are masked in place and
/// each unsafe character becomes as many spaces as it has bytes.
fn make_safe_snippet(snippet: &mut Snippet) {
    let masked = mask_identity_codes(&snippet.line_text);
    if masked.chars().any(is_unsafe_char) {
        let mut out = String::with_capacity(masked.len());
        for c in masked.chars() {
            if is_unsafe_char(c) {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        snippet.line_text = out;
    } else if let Cow::Owned(masked) = masked {
        snippet.line_text = masked;
    }
}

/// Catalog texts are shared by every outcome of a requirement: each distinct one is made safe once.
struct SharedTexts(HashMap<usize, Option<Arc<str>>>, crate::catalog::Lang);

impl SharedTexts {
    fn make_safe(&mut self, text: &mut Arc<str>) {
        let key = Arc::as_ptr(text).cast::<u8>() as usize;
        let replacement = self
            .0
            .entry(key)
            .or_insert_with(|| match safe_text(text, true, self.1) {
                Cow::Borrowed(_) => None,
                Cow::Owned(safe) => Some(Arc::from(safe)),
            })
            .clone();
        if let Some(safe) = replacement {
            *text = safe;
        }
    }
}

impl Report {
    /// Makes every string of the report safe to write (see the module documentation): the one
    /// pass between the checks and the sinks. Idempotent.
    pub fn make_safe(&mut self) {
        let lang = self.meta.lang;
        for text in [&mut self.meta.round, &mut self.meta.catalog, &mut self.meta.bundle, &mut self.meta.now] {
            make_safe_string(text, false, lang);
        }
        let mut shared = SharedTexts(HashMap::new(), lang);
        // Only the segments with something to change are decoded: in a run over thousands of
        // documents nearly every outcome is a path, a status and a line, already safe.
        let unsafe_text =
            |text: &str, keep_line_breaks: bool| matches!(safe_text(text, keep_line_breaks, lang), Cow::Owned(_));
        let shared_touches = |outcome: &crate::OutcomeView<'_>| {
            unsafe_text(outcome.requirement(), false) || outcome.texts().iter().any(|text| unsafe_text(text, true))
        };
        let touches = |outcome: &crate::OutcomeView<'_>| {
            outcome.has_findings()
                || outcome.subject().is_some_and(|subject| unsafe_text(&subject.as_str(), false))
                || (outcome.file() != outcome.subject()
                    && outcome.file().is_some_and(|file| unsafe_text(&file.as_str(), false)))
                || outcome.reason().is_some_and(|reason| unsafe_text(reason, true))
        };
        self.outcomes.change_where(shared_touches, touches, |outcome| {
            shared.make_safe(&mut outcome.title);
            shared.make_safe(&mut outcome.fix);
            shared.make_safe(&mut outcome.reference);
            make_safe_string(&mut outcome.requirement, false, lang);
            for text in outcome.subject.iter_mut().chain(outcome.file.iter_mut()) {
                make_safe_string(text, false, lang);
            }
            if let Status::Error(reason) | Status::Skipped(reason) = &mut outcome.status {
                make_safe_string(reason, true, lang);
            }
            for rerun in &mut outcome.reruns {
                make_safe_string(rerun, true, lang);
            }
            // More than one over the limit: a report made safe before has exactly one over.
            if outcome.findings.len() > MAX_FINDINGS_PER_OUTCOME + 1 {
                let rest = outcome.findings.split_off(MAX_FINDINGS_PER_OUTCOME);
                outcome.findings.push(summary_of(&rest, lang));
            }
            for finding in &mut outcome.findings {
                // A message is one line (its line breaks are shown escaped, as in a file name
                // it quotes); help, reasons and reruns may span lines.
                make_safe_string(&mut finding.message, false, lang);
                if let Some(help) = &mut finding.help {
                    make_safe_string(help, true, lang);
                }
                if let Some(location) = &mut finding.location {
                    make_safe_string(&mut location.path, false, lang);
                    if let Some(cell) = &mut location.cell {
                        make_safe_string(cell, false, lang);
                    }
                    if let Some(snippet) = &mut location.snippet {
                        make_safe_snippet(snippet);
                    }
                }
            }
        });
        for note in &mut self.waivers {
            for text in [&mut note.requirement, &mut note.subject, &mut note.ticket, &mut note.expires, &mut note.state]
            {
                make_safe_string(text, false, lang);
            }
            make_safe_string(&mut note.reason, true, lang);
        }
        if let Some(baseline) = &mut self.baseline {
            make_safe_string(&mut baseline.file, false, lang);
            make_safe_string(&mut baseline.baseline_now, false, lang);
            for key in baseline.newly_failing.iter_mut().chain(&mut baseline.fixed).chain(&mut baseline.disappeared) {
                make_safe_string(&mut key.requirement, false, lang);
                if let Some(subject) = &mut key.subject {
                    make_safe_string(subject, false, lang);
                }
            }
        }
    }
}

/// The one finding that stands for the findings past [`MAX_FINDINGS_PER_OUTCOME`].
fn summary_of(rest: &[Finding], lang: crate::catalog::Lang) -> Finding {
    let errors = rest.iter().filter(|finding| finding.severity == Severity::Error).count();
    let warnings = rest.len() - errors;
    let severity = if errors > 0 { Severity::Error } else { Severity::Warning };
    let said = valmis_i18n::said!(
        lang.as_str(),
        "safe-more-findings",
        count = rest.len(),
        errors = errors,
        warnings = warnings,
        max = MAX_FINDINGS_PER_OUTCOME
    );
    Finding::said(severity, said)
}

/// Whether a trimmed line starts like a workflow command of GitHub Actions (`::`) or Azure
/// Pipelines and GitHub's older syntax (`##[`, `##vso[`).
fn reads_as_workflow_command(trimmed: &str) -> bool {
    trimmed.starts_with("::") || trimmed.starts_with("##")
}

/// The length of an SGR sequence (`ESC [ digits and semicolons m`: colours, bold) at the start of
/// `text`, the only escape sequence valmis itself writes.
fn sgr_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("\u{1b}[")?;
    let params = rest.bytes().take_while(|byte| byte.is_ascii_digit() || *byte == b';').count();
    (rest.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// One line for the terminal (no line break in it): unsafe characters escaped (with `color`, SGR
/// colour sequences are kept), and a line that would read as a workflow command neutralised.
pub fn terminal_line(line: &str, color: bool) -> Cow<'_, str> {
    // Leading blanks and colours, which a runner skips before it looks for a command.
    let mut lead = 0;
    loop {
        let trimmed = line[lead..].trim_start();
        lead = line.len() - trimmed.len();
        match sgr_len(trimmed) {
            Some(len) if color => lead += len,
            _ => break,
        }
    }
    let neutralise = reads_as_workflow_command(&line[lead..]);
    let mut out = String::new();
    let mut changed = neutralise;
    let mut index = 0;
    while index < line.len() {
        if neutralise && index == lead {
            out.push('\\');
        }
        let tail = &line[index..];
        if color && let Some(len) = sgr_len(tail) {
            out.push_str(&tail[..len]);
            index += len;
            continue;
        }
        let Some(c) = tail.chars().next() else { break };
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            changed = true;
        } else {
            out.push(c);
        }
        index += c.len_utf8();
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(line) }
}

/// Text for the terminal: real identity codes masked, then line by line through
/// [`terminal_line`]; a line break stays (`\r\n` becomes `\n`), a lone `\r` (which would let a
/// line overwrite the one before) is escaped.
pub fn terminal_text(text: &str, color: bool) -> Cow<'_, str> {
    let masked = mask_identity_codes(text);
    let mut changed = matches!(masked, Cow::Owned(_));
    let text = masked.as_ref();
    let mut out = String::new();
    for segment in text.split_inclusive('\n') {
        // A `\r\n` line ending becomes `\n`; any other `\r` is escaped by `terminal_line`.
        let (line, ending) = if let Some(line) = segment.strip_suffix("\r\n") {
            changed = true;
            (line, "\n")
        } else if let Some(line) = segment.strip_suffix('\n') {
            (line, "\n")
        } else {
            (segment, "")
        };
        let safe = terminal_line(line, color);
        changed |= matches!(safe, Cow::Owned(_));
        out.push_str(&safe);
        out.push_str(ending);
    }
    if changed { Cow::Owned(out) } else { masked }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Lang;

    #[test]
    fn real_codes_are_masked_and_test_codes_kept() {
        assert_eq!(mask_identity_codes("documents/131052-308T.xml"), "documents/131052-3***.xml");
        assert_eq!(mask_identity_codes("hetu:131052-308t ok"), "hetu:131052-3*** ok");
        assert_eq!(mask_identity_codes("testi 010181-900C"), "testi 010181-900C");
        assert!(matches!(mask_identity_codes("nothing here"), Cow::Borrowed(_)));
    }

    #[test]
    fn control_characters_are_escaped_and_line_breaks_kept_only_in_messages() {
        assert_eq!(escape_controls("a\u{1b}[2Kb", false), "a\\u{1b}[2Kb");
        assert_eq!(escape_controls("one\r\ntwo\rthree", true), "one\ntwo\\u{d}three");
        assert_eq!(escape_controls("one\ntwo", false), "one\\u{a}two");
        assert_eq!(escape_controls("x\u{202e}y\u{2028}z", true), "x\\u{202e}y\\u{2028}z");
        assert_eq!(escape_controls("tab\tstays, Äiti too", false), "tab\tstays, Äiti too");
    }

    #[test]
    fn long_texts_are_cut_with_a_count() {
        let text = "ä".repeat(MAX_TEXT_CHARS + 700);
        let capped = cap_length(&text, MAX_TEXT_CHARS, Lang::En);
        assert!(capped.ends_with("… (700 more characters not shown)"), "{capped}");
        assert_eq!(capped.chars().filter(|c| *c == 'ä').count(), MAX_TEXT_CHARS);
        assert!(matches!(cap_length(&capped, MAX_TEXT_CHARS, Lang::En), Cow::Borrowed(_)), "cut once");
        assert!(matches!(cap_length(&text[..(MAX_TEXT_CHARS + 7) * 2], MAX_TEXT_CHARS, Lang::En), Cow::Borrowed(_)));
        assert!(matches!(cap_length("short", MAX_TEXT_CHARS, Lang::En), Cow::Borrowed(_)));
    }

    #[test]
    fn workflow_commands_are_neutralised_wherever_a_runner_would_see_one() {
        for line in [
            "::error file=README.md,line=1,title=SPOOF::x",
            "   ::stop-commands::zzz",
            "\t##[error]spoof",
            "##vso[task.setvariable variable=x]1",
        ] {
            let safe = terminal_line(line, false);
            assert!(!reads_as_workflow_command(safe.trim_start()), "{line:?} became {safe:?}");
        }
        // Behind colours too, when colours are on.
        let coloured = "\u{1b}[31m::error::x\u{1b}[0m";
        let safe = terminal_line(coloured, true);
        assert_eq!(safe, "\u{1b}[31m\\::error::x\u{1b}[0m");
        // Not a command: left alone (an IPv6 address inside a line, a colon in the middle).
        assert!(matches!(terminal_line("   address        ::1", false), Cow::Borrowed(_)));
    }

    #[test]
    fn only_colours_survive_and_only_when_asked_for() {
        let line = "\u{1b}[1mok\u{1b}[0m \u{1b}[1A\u{1b}[2K\r\u{7}";
        assert_eq!(terminal_line(line, true), "\u{1b}[1mok\u{1b}[0m \\u{1b}[1A\\u{1b}[2K\\u{d}\\u{7}");
        assert_eq!(terminal_line(line, false), "\\u{1b}[1mok\\u{1b}[0m \\u{1b}[1A\\u{1b}[2K\\u{d}\\u{7}");
        assert_eq!(terminal_text("a\r\nb\rc\n::x", false), "a\nb\\u{d}c\n\\::x");
        assert_eq!(terminal_text("last\r", false), "last\\u{d}");
        assert_eq!(terminal_text("two\n\n", false), "two\n\n");
        assert_eq!(terminal_text("server CN=131052-308T\n", false), "server CN=131052-3***\n");
    }
}
