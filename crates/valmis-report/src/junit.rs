//! JUnit XML per SPEC §5: one suite per area, one test case per (requirement x subject),
//! `file`/`line` attributes, no timestamps.
//!
//! The XML is streamed, one test case at a time, with quick-xml (the writer quick-junit uses):
//! a bundle of 10,000 documents gives some 90,000 test cases, and building quick-junit's model of
//! all of them first cost more memory than the whole check run. The output is byte for byte what
//! quick-junit 0.8 writes for the same cases (a test compares them), including its cleaning:
//! ANSI escapes and characters XML cannot hold are removed, so the output is well-formed whatever
//! the bundle contained. One deliberate difference: `<testsuites>` carries no `skipped` count,
//! which Jenkins' JUnit schema does not allow there (tests validate against it).

use std::borrow::Cow;
use std::io;

use crate::words::Words;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use valmis_model::{Area, Outcome, Report, Severity, Status};

/// The JUnit writer failed: the output could not be written.
#[derive(Debug, thiserror::Error)]
#[error("failed to write JUnit XML: {0}")]
pub struct JunitError(String);

impl From<io::Error> for JunitError {
    fn from(error: io::Error) -> Self {
        Self(error.to_string())
    }
}

impl From<quick_xml::Error> for JunitError {
    fn from(error: quick_xml::Error) -> Self {
        Self(error.to_string())
    }
}

/// The report as JUnit XML bytes.
pub fn render_junit(report: &Report) -> Result<Vec<u8>, JunitError> {
    // About 150 bytes per passing test case: one allocation instead of a doubling series.
    let mut bytes = Vec::with_capacity(report.outcomes.len() * 160 + 4096);
    write_junit(report, &mut bytes)?;
    Ok(bytes)
}

/// Test case counts of a suite or of the whole report.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tests: usize,
    skipped: usize,
    failures: usize,
    errors: usize,
    time_us: u64,
}

impl Counts {
    fn add(&mut self, outcome: &valmis_model::OutcomeView<'_>) {
        self.tests += 1;
        self.time_us = self.time_us.saturating_add(outcome.time_us().unwrap_or(0));
        // A warning outside --strict is written as <skipped> (see `write_test_case`).
        if outcome.is_skipped() || outcome.is_warned() {
            self.skipped += 1;
        } else if outcome.is_error() {
            self.errors += 1;
        } else if outcome.is_blocking() {
            self.failures += 1;
        }
    }
}

/// Writes the report as JUnit XML to `out`, one test case at a time.
pub fn write_junit(report: &Report, out: impl io::Write + Send) -> Result<(), JunitError> {
    let mut writer = Writer::new_with_indent(out, b' ', 4);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut suites: Vec<(Area, Counts)> = Vec::new();
    let mut total = Counts::default();
    for area in Area::ALL {
        let mut counts = Counts::default();
        for (_, outcome) in report.outcomes.views_of_area(area) {
            counts.add(&outcome);
            total.add(&outcome);
        }
        if counts.tests > 0 {
            suites.push((area, counts));
        }
    }
    let mut tag = BytesStart::new("testsuites");
    tag.push_attribute(("name", "valmis"));
    // No `skipped` here: the JUnit schema of Jenkins does not allow it on <testsuites> (each
    // suite has it), and consumers count skipped cases from the suites.
    push_counts(&mut tag, total, &["tests", "failures", "errors"]);
    tag.push_attribute(("time", seconds(total.time_us).as_ref()));
    writer.write_event(Event::Start(tag))?;
    let properties = run_facts(report);
    let words = crate::words::words(report.meta.lang);
    for (index, (area, counts)) in suites.into_iter().enumerate() {
        let mut tag = BytesStart::new("testsuite");
        tag.push_attribute(("name", area.as_str()));
        push_counts(&mut tag, counts, &["tests", "skipped", "errors", "failures"]);
        tag.push_attribute(("time", seconds(counts.time_us).as_ref()));
        writer.write_event(Event::Start(tag))?;
        // JUnit has no report-level properties element: the first suite carries the run facts.
        // Only the first: readers that gather every suite's properties into one map (xunitparser
        // asserts each name is new) fail on the same name twice.
        if index == 0 {
            writer.write_event(Event::Start(BytesStart::new("properties")))?;
            for (name, value) in properties {
                let mut property = BytesStart::new("property");
                property.push_attribute(("name", name));
                property.push_attribute(("value", clean(value).as_ref()));
                writer.write_event(Event::Empty(property))?;
            }
            writer.write_event(Event::End(BytesEnd::new("properties")))?;
        }
        write_test_cases(&mut writer, report, area, words)?;
        writer.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuites")))?;
    writer.write_event(Event::Eof)?;
    writer.write_indent()?;
    Ok(())
}

/// Test cases rendered in one block; see [`write_test_cases`].
const BLOCK: usize = 2048;

/// Writes the test cases of `area`'s suite. With more than one thread in rayon's current pool,
/// blocks of cases are rendered in parallel, a few blocks at a time, and written in order: the
/// bytes are the same whatever the number of threads, and the memory is a few blocks' worth (a
/// bundle of 40,000 documents gives 140 MB of JUnit, which one thread took 15 % of the run to
/// write). This thread writes the blocks rendered last while the pool renders the next ones:
/// the write is the kernel copying the bytes into the page cache, which took a third of the
/// time of the JUnit of 10,000 documents when rendering and writing waited for each other.
fn write_test_cases<W: io::Write + Send>(
    writer: &mut Writer<W>,
    report: &Report,
    area: Area,
    words: &Words,
) -> Result<(), JunitError> {
    // Outside a pool (none could be made for the reports), one thread: asking for the number
    // of threads there would start rayon's global pool, which could not start either.
    let threads = if rayon::current_thread_index().is_some() { rayon::current_num_threads() } else { 1 };
    if threads <= 1 {
        for outcome in report.outcomes.of_area(area) {
            write_test_case(writer, &outcome, words)?;
        }
        return Ok(());
    }
    use rayon::prelude::*;
    let mut views = report.outcomes.views_of_area(area).map(|(_, view)| view);
    let mut pending: Vec<Result<Vec<u8>, JunitError>> = Vec::new();
    loop {
        let blocks: Vec<Vec<valmis_model::OutcomeView<'_>>> = (0..threads * 2)
            .map(|_| views.by_ref().take(BLOCK).collect::<Vec<_>>())
            .take_while(|block| !block.is_empty())
            .collect();
        let out = writer.get_mut();
        let (written, rendered) = rayon::join(
            || pending.drain(..).try_for_each(|bytes| Ok::<(), JunitError>(out.write_all(&bytes?)?)),
            || blocks.par_iter().map(|block| render_block(block, words)).collect::<Vec<_>>(),
        );
        written?;
        if blocks.is_empty() {
            return Ok(());
        }
        pending = rendered;
    }
}

/// A block of test cases as [`write_test_case`] writes them inside a suite: rendered after two
/// enclosing start tags (a test case's place in `<testsuites><testsuite>`), so that the
/// indentation is the suite's, and returned without them. The writer of the suite is left as a
/// test case's end tag leaves it: each of its start and end tags breaks the line the same way.
fn render_block(block: &[valmis_model::OutcomeView<'_>], words: &Words) -> Result<Vec<u8>, JunitError> {
    let mut writer = Writer::new_with_indent(Vec::with_capacity(block.len() * 200 + 64), b' ', 4);
    writer.write_event(Event::Start(BytesStart::new("testsuites")))?;
    writer.write_event(Event::Start(BytesStart::new("testsuite")))?;
    let enclosing = writer.get_ref().len();
    for view in block {
        write_test_case(&mut writer, &view.to_outcome(), words)?;
    }
    let mut bytes = writer.into_inner();
    bytes.drain(..enclosing);
    Ok(bytes)
}

/// The run facts every suite carries as properties.
fn run_facts(report: &Report) -> [(&'static str, &str); 6] {
    [
        ("valmis.version", report.meta.tool_version.as_str()),
        ("valmis.round", report.meta.round.as_str()),
        ("valmis.catalog", report.meta.catalog.as_str()),
        ("valmis.bundle", report.meta.bundle.as_str()),
        ("valmis.now", report.meta.now.as_str()),
        ("valmis.strict", if report.meta.strict { "true" } else { "false" }),
    ]
}

/// A JUnit `time`: seconds with three decimals, `0.000` when not measured (the default, so that
/// the same input gives the same bytes; `--timestamps` measures).
fn seconds(time_us: u64) -> Cow<'static, str> {
    // Nearly every case: no time measured (one formatting per test case was 800 instructions).
    if time_us < 1_000 {
        return Cow::Borrowed("0.000");
    }
    Cow::Owned(format!("{}.{:03}", time_us / 1_000_000, (time_us % 1_000_000) / 1_000))
}

fn push_counts(tag: &mut BytesStart<'_>, counts: Counts, order: &[&str]) {
    for name in order {
        let value = match *name {
            "tests" => counts.tests,
            "skipped" => counts.skipped,
            "failures" => counts.failures,
            _ => counts.errors,
        };
        tag.push_attribute((*name, value.to_string().as_str()));
    }
}

fn write_test_case<W: io::Write>(writer: &mut Writer<W>, outcome: &Outcome, words: &Words) -> Result<(), JunitError> {
    let mut tag = BytesStart::new("testcase");
    tag.push_attribute(("name", clean(&outcome.test_name()).as_ref()));
    let classname = ["valmis.", outcome.area.as_str(), ".", &outcome.requirement].concat();
    tag.push_attribute(("classname", clean(&classname).as_ref()));
    tag.push_attribute(("time", seconds(outcome.time_us.unwrap_or(0)).as_ref()));
    if let Some(file) = &outcome.file {
        tag.push_attribute(("file", clean(file).as_ref()));
    }
    if let Some(line) = outcome.line {
        tag.push_attribute(("line", line.to_string().as_str()));
    }
    // What was checked, on every case that was: a passed case in a CI view says which
    // requirement it met, not only its id.
    let system_out = matches!(outcome.status, Status::Passed | Status::Warned).then(|| checked_line(outcome, words));
    writer.write_event(Event::Start(tag))?;
    match &outcome.status {
        // A step that passed only after transport errors is flaky: JUnit consumers show the
        // earlier attempts as reruns.
        Status::Passed => {
            for rerun in &outcome.reruns {
                let mut tag = BytesStart::new("flakyFailure");
                tag.push_attribute(("message", clean(rerun).as_ref()));
                tag.push_attribute(("type", "transport"));
                writer.write_event(Event::Start(tag))?;
                writer.write_event(Event::End(BytesEnd::new("flakyFailure")))?;
            }
        }
        // A warning outside --strict must be seen in GitLab's and Jenkins' test views without
        // failing the pipeline. Both show a failure's or a skip's text, and neither shows
        // anything of a passed case in GitLab; a <failure> turns a Jenkins build unstable. So a
        // warned case is a <skipped> whose message starts with `warning` and whose text lists
        // the findings, as a failure's would.
        Status::Warned => {
            let message = warning_message(outcome, words);
            write_status(writer, "skipped", &message, None, &failure_body(&message, outcome, words))?;
        }
        Status::Failed => {
            let kind = outcome.worst_severity().unwrap_or(Severity::Error).as_str();
            let message = failure_message(outcome, words);
            write_status(writer, "failure", &message, Some(kind), &failure_body(&message, outcome, words))?;
        }
        Status::Error(reason) => {
            let message = crate::words::not_evaluated_because(words.lang, reason);
            write_status(writer, "error", &message, Some("error"), &requirement_body(&message, outcome, words))?;
        }
        // GitLab reads an element with attributes and no text as a hash and shows it as one
        // (`{"message"=>"…"}`): every status element carries its reason as text too.
        Status::Skipped(reason) => write_status(writer, "skipped", reason, None, reason)?,
    }
    if let Some(text) = system_out {
        writer.write_event(Event::Start(BytesStart::new("system-out")))?;
        writer.write_event(Event::Text(BytesText::new(&clean(&text))))?;
        writer.write_event(Event::End(BytesEnd::new("system-out")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testcase")))?;
    Ok(())
}

/// A status element: a one-line `message` attribute (its first line) and the whole text, which
/// starts with that message, as the element's text. Readers show one or the other or both:
/// GitLab the text, dorny the attribute, EnricoMi the text alone when it starts with the
/// attribute (so nothing is said twice).
fn write_status<W: io::Write>(
    writer: &mut Writer<W>,
    tag_name: &str,
    message: &str,
    kind: Option<&str>,
    body: &str,
) -> Result<(), JunitError> {
    let mut tag = BytesStart::new(tag_name);
    tag.push_attribute(("message", clean(&one_line(message)).as_ref()));
    if let Some(kind) = kind {
        tag.push_attribute(("type", kind));
    }
    writer.write_event(Event::Start(tag))?;
    writer.write_event(Event::Text(BytesText::new(&clean(body))))?;
    writer.write_event(Event::End(BytesEnd::new(tag_name)))?;
    Ok(())
}

/// The first line of `text`, with `…` when more lines follow.
fn one_line(text: &str) -> Cow<'_, str> {
    let text = text.trim_start();
    match text.split_once('\n') {
        None => Cow::Borrowed(text),
        Some((first, rest)) if rest.trim().is_empty() => Cow::Borrowed(first.trim_end()),
        Some((first, _)) => Cow::Owned(format!("{} …", first.trim_end())),
    }
}

/// Text cleaned as quick-junit cleans it: ANSI escapes and control characters other than line
/// feeds removed (so also tabs and carriage returns), then anything else XML 1.0 cannot hold.
/// Borrowed when there is nothing to remove, which is almost always.
fn clean(text: &str) -> Cow<'_, str> {
    // Whatever the escape stripper might touch takes the slow path, which is quick-junit's own.
    if !has_controls(text) {
        return defuse_attachments(text);
    }
    let unwanted = |c: char| matches!(c, '\x00'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f');
    let stripped = strip_ansi_escapes::strip_str(text).replace(unwanted, "");
    Cow::Owned(defuse_attachments(&stripped).into_owned())
}

/// Whether `text` has a control character other than a line feed: C0 (below U+0020), DEL or C1
/// (U+0080 to U+009F, which UTF-8 writes as 0xC2 0x80 to 0xC2 0x9F). Read as bytes: this runs on
/// every name and file of a JUnit report (hundreds of thousands of texts).
fn has_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    // One pass the compiler can vectorise (no early exit): is there a byte that is, or may
    // start, such a character? Finnish letters (0xC3 ...) are not; U+0080 to U+00BF start 0xC2.
    let suspect = bytes
        .iter()
        .fold(false, |found, &byte| found | ((byte < 0x20 && byte != b'\n') | (byte == 0x7f) | (byte == 0xc2)));
    if !suspect {
        return false;
    }
    bytes.iter().enumerate().any(|(at, &byte)| {
        (byte < 0x20 && byte != b'\n')
            || byte == 0x7f
            || (byte == 0xc2 && bytes.get(at + 1).is_some_and(|&next| next <= 0x9f))
    })
}

/// GitLab and Jenkins' attachments plugin read `[[ATTACHMENT|path]]` (any letter case) in a test
/// case's output as a file to attach: bundle text (a file name, a finding) must not name one.
/// `[[` before `attachment|` becomes `[ [`.
pub(crate) fn defuse_attachments(text: &str) -> Cow<'_, str> {
    const WORD: &[u8] = b"attachment|";
    let bytes = text.as_bytes();
    // Most texts have no `[` at all: one memchr instead of a look at every byte.
    if memchr::memchr(b'[', bytes).is_none() {
        return Cow::Borrowed(text);
    }
    // Every `[[attachment|`, overlapping ones included (`[[[ATTACHMENT|`).
    let armed = |at: usize| {
        bytes[at] == b'['
            && bytes[at + 1] == b'['
            && bytes.get(at + 2..at + 2 + WORD.len()).is_some_and(|word| word.eq_ignore_ascii_case(WORD))
    };
    let marks: Vec<usize> = (0..bytes.len().saturating_sub(1)).filter(|&at| armed(at)).collect();
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + marks.len());
    let mut rest = 0;
    for at in marks {
        // `[[` is ASCII, so `at + 1` is a character boundary.
        out.push_str(&text[rest..=at]);
        out.push(' ');
        rest = at + 1;
    }
    out.push_str(&text[rest..]);
    Cow::Owned(out)
}

/// The `<system-out>` of a case that was checked: the requirement's title.
fn checked_line(outcome: &Outcome, words: &Words) -> String {
    [words.checked.as_str(), ": ", &outcome.requirement, ": ", &outcome.title, "\n"].concat()
}

/// The one-line message of a warned case: it was checked, and it does not block.
fn warning_message(outcome: &Outcome, words: &Words) -> String {
    format!("{}: {}", words.warning_checked, failure_message(outcome, words))
}

/// One line: the first finding with its place, and how many more there are.
fn failure_message(outcome: &Outcome, words: &Words) -> String {
    match outcome.findings.as_slice() {
        [] => outcome.title.to_string(),
        [only] => finding_line(only, words),
        [first, rest @ ..] => format!(
            "{} {}",
            finding_line(first, words),
            valmis_i18n::t!(words.lang.as_str(), "report-and-more", count = rest.len())
        ),
    }
}

/// `path:line:col: message`, with `warning: ` before a warning's message.
fn finding_line(finding: &valmis_model::Finding, words: &Words) -> String {
    let prefix =
        if finding.severity == Severity::Warning { format!("{}: ", words.level_warning) } else { String::new() };
    format!("{}{prefix}{}", location_prefix(finding), finding.message)
}

/// The message (the first finding) and its help, then every other finding as
/// `path:line:col: message`, then the requirement. Each finding is said once: a reader that shows
/// the message and then the text (EnricoMi's action leaves the message out when the text starts
/// with it), or only the text (GitLab), or only the message (dorny's table) reads every one.
fn failure_body(message: &str, outcome: &Outcome, words: &Words) -> String {
    let mut body = format!("{message}\n");
    for (index, finding) in outcome.findings.iter().enumerate() {
        if index > 0 {
            body.push_str(&finding_line(finding, words));
            body.push('\n');
        }
        if let Some(help) = &finding.help {
            body.push_str(&format!("    {}: {help}\n", words.level_help));
        }
    }
    body.push_str(&requirement_text(outcome, words));
    body
}

/// The message, then the requirement: what a case that could not be evaluated says.
fn requirement_body(message: &str, outcome: &Outcome, words: &Words) -> String {
    format!("{message}\n{}", requirement_text(outcome, words))
}

/// The requirement's title, fix and reference, after a blank line.
fn requirement_text(outcome: &Outcome, words: &Words) -> String {
    format!(
        "\n{}: {}\n{}: {}\n{}: {}\n",
        outcome.requirement, outcome.title, words.how_to_fix, outcome.fix, words.reference, outcome.reference
    )
}

fn location_prefix(finding: &valmis_model::Finding) -> String {
    finding.location.as_ref().map(|location| format!("{}: ", location.display())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    //! The streaming writer against quick-junit's own writer, the implementation it replaced.

    #[test]
    fn control_characters_are_found_as_the_character_test_finds_them() {
        // The byte test against the character test it replaced, over every character up to
        // U+0800 (one- and two-byte UTF-8), alone and between other text.
        let by_chars =
            |text: &str| text.contains(|c: char| (c < ' ' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c));
        for code in 0..0x800u32 {
            let Some(c) = char::from_u32(code) else { continue };
            for text in [c.to_string(), format!("doc-1{c}.xml"), format!("ä{c}ö"), format!("{c}\u{a0}")] {
                assert_eq!(super::has_controls(&text), by_chars(&text), "U+{code:04X} in {text:?}");
            }
        }
        for text in ["", "documents/a.xml", "rivi\nrivi", "\u{20ac}\u{1f600}", "\u{c2}\u{9f}"] {
            assert_eq!(super::has_controls(text), by_chars(text), "{text:?}");
        }
    }

    use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};
    use valmis_model::{Area, Finding, Location, Outcome, Report, ReportMeta, Severity, Status};

    use super::{failure_body, failure_message, one_line, requirement_body};

    fn reference(report: &Report) -> Vec<u8> {
        let mut junit = quick_junit::Report::new("valmis");
        junit.set_time(std::time::Duration::ZERO);
        let properties = super::run_facts(report);
        for area in Area::ALL {
            let outcomes: Vec<Outcome> = report.outcomes.of_area(area).collect();
            if outcomes.is_empty() {
                continue;
            }
            let mut suite = TestSuite::new(area.as_str());
            suite.set_time(std::time::Duration::ZERO);
            // The run facts on the first suite only.
            if junit.test_suites.is_empty() {
                suite.add_properties(properties.iter().map(|(name, value)| Property::new(*name, *value)));
            }
            suite.add_test_cases(outcomes.iter().map(test_case));
            junit.add_test_suite(suite);
        }
        let mut bytes = Vec::new();
        junit.serialize(&mut bytes).expect("serialises");
        // A difference by design: attachment markers from bundle text are defused.
        let bytes = super::defuse_attachments(&String::from_utf8(bytes).expect("UTF-8")).into_owned().into_bytes();
        // The one difference: no `skipped` count on <testsuites> (Jenkins' schema has none).
        let text = String::from_utf8(bytes).expect("UTF-8");
        let (head, rest) = text.split_once("<testsuites").expect("root");
        let (tag, tail) = rest.split_once('>').expect("root tag");
        let tag = tag.split(' ').filter(|part| !part.starts_with("skipped=")).collect::<Vec<_>>().join(" ");
        format!("{head}<testsuites{tag}>{tail}").into_bytes()
    }

    /// The English words, which these reports are in.
    fn w() -> &'static crate::words::Words {
        crate::words::words(valmis_model::Lang::En)
    }

    fn test_case(outcome: &Outcome) -> TestCase {
        let status = match &outcome.status {
            Status::Warned => {
                let mut status = TestCaseStatus::skipped();
                let message = super::warning_message(outcome, w());
                status.set_message(one_line(&message).into_owned()).set_description(failure_body(
                    &message,
                    outcome,
                    w(),
                ));
                status
            }
            Status::Passed => {
                let mut status = TestCaseStatus::success();
                status.add_reruns(outcome.reruns.iter().map(|rerun| {
                    let mut attempt = quick_junit::TestRerun::new(NonSuccessKind::Failure);
                    attempt.set_message(rerun.as_str()).set_type("transport");
                    attempt
                }));
                status
            }
            Status::Failed => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                let message = failure_message(outcome, w());
                status
                    .set_message(one_line(&message).into_owned())
                    .set_type(outcome.worst_severity().unwrap_or(Severity::Error).as_str())
                    .set_description(failure_body(&message, outcome, w()));
                status
            }
            Status::Error(reason) => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
                let message = crate::words::not_evaluated_because(w().lang, reason);
                status
                    .set_message(one_line(&message).into_owned())
                    .set_type("error")
                    .set_description(requirement_body(&message, outcome, w()));
                status
            }
            Status::Skipped(reason) => {
                let mut status = TestCaseStatus::skipped();
                status.set_message(one_line(reason).into_owned()).set_description(reason.as_str());
                status
            }
        };
        let mut case = TestCase::new(outcome.test_name(), status);
        case.set_classname(format!("valmis.{}.{}", outcome.area.as_str(), outcome.requirement));
        case.set_time(std::time::Duration::from_micros(outcome.time_us.unwrap_or(0)));
        if let Some(file) = &outcome.file {
            case.extra.insert("file".into(), file.as_str().into());
        }
        if let Some(line) = outcome.line {
            case.extra.insert("line".into(), line.to_string().into());
        }
        if matches!(outcome.status, Status::Passed | Status::Warned) {
            case.set_system_out(super::checked_line(outcome, w()));
        }
        case
    }

    fn outcome(
        area: Area,
        requirement: &str,
        subject: Option<&str>,
        status: Status,
        findings: Vec<Finding>,
    ) -> Outcome {
        Outcome {
            requirement: requirement.to_owned(),
            area,
            title: "Otsikko \"lainausmerkeissä\" & <kulmissa>".into(),
            severity: Severity::Error,
            fix: "Korjaa se.\nToinen rivi.".into(),
            reference: "https://www.kanta.fi/?a=1&b=2".into(),
            subject: subject.map(str::to_owned),
            file: subject.map(|subject| format!("nippu/{subject}")),
            line: subject.map(|_| 7),
            status,
            findings,
            reruns: Vec::new(),
            time_us: None,
        }
    }

    fn report_with(outcome: Outcome) -> Report {
        Report {
            meta: ReportMeta {
                tool_version: "0.1.0".to_owned(),
                round: "2027-1".to_owned(),
                catalog: "embedded".to_owned(),
                bundle: "nippu".to_owned(),
                now: "2026-11-20T12:00:00Z".to_owned(),
                strict: false,
                partition: None,
                lang: valmis_model::Lang::En,
            },
            outcomes: vec![outcome].into(),
            waivers: Vec::new(),
            baseline: None,
        }
    }

    #[test]
    fn attachment_markers_from_bundle_text_are_defused() {
        assert_eq!(super::defuse_attachments("ok [[x]]"), "ok [[x]]");
        assert_eq!(
            super::defuse_attachments(
                "[[ATTACHMENT|/etc/passwd]] ja [[attachment|/root/.ssh/id_rsa]] [[[ATTACHMENT|x]]"
            ),
            "[ [ATTACHMENT|/etc/passwd]] ja [ [attachment|/root/.ssh/id_rsa]] [[ [ATTACHMENT|x]]"
        );
        let mut report = report_with(outcome(
            Area::Bundle,
            "BUNDLE-HYGIENE",
            Some("[[ATTACHMENT|/etc/passwd]].txt"),
            Status::Failed,
            vec![Finding::new(Severity::Error, "`[[ATTACHMENT|/etc/passwd]].txt` is empty".to_owned())],
        ));
        report.outcomes.for_each_mut(|outcome| outcome.title = "[[Attachment|/etc/shadow]]".into());
        let junit = String::from_utf8(super::render_junit(&report).expect("renders")).expect("UTF-8");
        assert!(!junit.to_ascii_lowercase().contains("[[attachment|"), "{junit}");
        assert!(junit.contains("[ [ATTACHMENT|/etc/passwd]].txt"), "{junit}");
    }

    #[test]
    fn a_message_attribute_is_one_line_and_the_text_holds_every_line() {
        // Issue 17 (5): an external validator's output with line breaks went into the `message`
        // attribute as it was, which breaks dorny/test-reporter's table.
        let reason = "the validator said:\nline 3: element x not allowed\nline 9: y missing";
        let report = report_with(outcome(
            Area::Documents,
            "DOC-EXTERNAL",
            Some("a.xml"),
            Status::Error(reason.to_owned()),
            vec![],
        ));
        let junit = String::from_utf8(super::render_junit(&report).expect("renders")).expect("UTF-8");
        let document = roxmltree::Document::parse(&junit).expect("parses");
        let error = document.descendants().find(|node| node.has_tag_name("error")).expect("an error");
        assert_eq!(error.attribute("message"), Some("could not be evaluated: the validator said: …"));
        let text = error.text().expect("text");
        assert!(
            text.starts_with(
                "could not be evaluated: the validator said:\nline 3: element x not allowed\nline 9: y missing\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_bytes_are_the_same_whatever_the_number_of_threads() {
        // Several rounds of blocks, the last one partial, in two suites, every status.
        let mut outcomes = Vec::new();
        for index in 0..(super::BLOCK * 9 + 17) {
            let (status, findings) = match index % 4 {
                0 => (Status::Passed, Vec::new()),
                1 => (Status::Warned, vec![Finding::new(Severity::Warning, format!("löydös {index}"))]),
                2 => (Status::Failed, vec![Finding::new(Severity::Error, format!("virhe {index} ]]> & <"))]),
                _ => (Status::Skipped("ei sovellu".to_owned()), Vec::new()),
            };
            let subject = format!("documents/lähete-{index:06}.xml");
            outcomes.push(outcome(Area::Documents, "DOC-OID", Some(&subject), status, findings));
        }
        for index in 0..=super::BLOCK {
            let subject = format!("PA-{index}");
            outcomes.push(outcome(Area::Pretest, "PRETEST-RESULT", Some(&subject), Status::Passed, Vec::new()));
        }
        let mut report = report_with(outcome(Area::Bundle, "BUNDLE-ORG", None, Status::Passed, Vec::new()));
        report.outcomes.extend(outcomes);
        let in_pool = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            pool.install(|| super::render_junit(&report).expect("renders"))
        };
        let one = in_pool(1);
        assert_eq!(one, in_pool(2));
        assert_eq!(one, in_pool(3));
        assert_eq!(String::from_utf8_lossy(&one), String::from_utf8_lossy(&reference(&report)));
    }

    #[test]
    fn streaming_output_is_byte_identical_to_quick_junit() {
        let hostile = "väri \u{1b}[31mpunainen\u{1b}[0m, NUL \u{0}, sarkain \t, CR \r, DEL \u{7f}, C1 \u{9b}1m ja pystysarkain \u{b} 'heittomerkki' ]]> </testcase>";
        let finding = |severity, message: &str| {
            Finding::new(severity, message).at(Location::line_column("nippu/documents/a.xml", 3, 9))
        };
        let mut flaky = outcome(Area::Harness, "HARNESS", Some("OT-01"), Status::Passed, Vec::new());
        flaky.reruns = vec!["attempt 1: connection reset".to_owned(), hostile.to_owned()];
        let report = Report {
            meta: ReportMeta {
                tool_version: "0.1.0".to_owned(),
                round: "2027-1".to_owned(),
                catalog: "embedded".to_owned(),
                bundle: "nippu & <muut>".to_owned(),
                now: "2026-11-20T12:00:00Z".to_owned(),
                strict: true,
                partition: None,
                lang: valmis_model::Lang::En,
            },
            outcomes: vec![
                outcome(Area::Bundle, "BUNDLE-ORG", None, Status::Passed, Vec::new()),
                outcome(Area::Bundle, "BUNDLE-SECRETS", None, Status::Error(hostile.to_owned()), Vec::new()),
                outcome(
                    Area::Documents,
                    "DOC-OID",
                    Some("documents/a.xml"),
                    Status::Failed,
                    vec![finding(Severity::Error, hostile), finding(Severity::Warning, "toinen")],
                ),
                outcome(
                    Area::Documents,
                    "DOC-PATIENT",
                    Some("documents/ä ö.xml"),
                    Status::Warned,
                    vec![finding(Severity::Warning, "ei raportin testihenkilö")],
                ),
                outcome(
                    Area::Documents,
                    "DOC-TIMESTAMPS",
                    Some("documents/b.xml"),
                    Status::Skipped(hostile.to_owned()),
                    Vec::new(),
                ),
                flaky,
            ]
            .into(),
            waivers: Vec::new(),
            baseline: None,
        };
        let streamed = super::render_junit(&report).expect("renders");
        assert_eq!(String::from_utf8_lossy(&streamed), String::from_utf8_lossy(&reference(&report)));
        let empty =
            Report { meta: report.meta.clone(), outcomes: Vec::new().into(), waivers: Vec::new(), baseline: None };
        assert_eq!(super::render_junit(&empty).expect("renders"), reference(&empty));
    }

    proptest::proptest! {
        /// Any text in any field: the same bytes as quick-junit.
        #[test]
        fn any_text_is_written_as_quick_junit_writes_it(
            text in "(?s).{0,40}",
            other in proptest::prelude::any::<String>(),
        ) {
            let mut failed = outcome(
                Area::Documents,
                "DOC-OID",
                Some(&text),
                Status::Failed,
                vec![Finding::new(Severity::Error, other.clone()).at(Location::line_column(&text, 1, 1))],
            );
            failed.reruns = vec![other.clone()];
            let mut skipped = outcome(Area::Bundle, "BUNDLE-ORG", Some(&other), Status::Skipped(text.clone()), Vec::new());
            skipped.title = other.as_str().into();
            let report = Report {
                meta: ReportMeta {
                    tool_version: "0.1.0".to_owned(),
                    round: text.clone(),
                    catalog: other.clone(),
                    bundle: text.clone(),
                    now: "2026-11-20T12:00:00Z".to_owned(),
                    strict: false,
                    partition: None,
                    lang: valmis_model::Lang::En,
                },
                outcomes: vec![failed, skipped].into(),
                waivers: Vec::new(),
                baseline: None,
            };
            proptest::prop_assert_eq!(super::render_junit(&report).expect("renders"), reference(&report));
        }
    }
}
