//! The report's outcomes, kept compactly: a run over 40,000 documents has some 460,000 of them,
//! and as `Outcome` values (about 340 bytes each with their strings) they were most of the run's
//! memory. Here consecutive outcomes of one requirement share one segment, which holds the
//! requirement's id and texts once; each outcome is a few bytes in the segment's buffer (a flags
//! byte, its status, its subject and line; its file only when it is not the subject; a reason
//! only when it has one). Findings and reruns, which few outcomes have, are kept as they are
//! beside the buffer (a finding's snippet is not serialised, so they are not encoded). A passed
//! outcome about a document costs its path and about six bytes.
//!
//! The sinks read outcomes one at a time ([`Outcomes::iter`], [`Outcomes::of_area`]), each decoded
//! into an [`Outcome`] that lives as long as the sink looks at it. Order and content are kept
//! exactly: decoding gives back the outcome that was pushed, field for field.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalog::{Area, Severity};
use crate::finding::Finding;
use crate::outcome::{Outcome, Status};

/// What the outcomes of one segment share.
#[derive(Debug, Clone)]
struct Head {
    requirement: Arc<str>,
    area: Area,
    title: Arc<str>,
    severity: Severity,
    fix: Arc<str>,
    reference: Arc<str>,
}

impl Head {
    fn of(outcome: &Outcome) -> Self {
        Self {
            requirement: Arc::from(outcome.requirement.as_str()),
            area: outcome.area,
            title: Arc::clone(&outcome.title),
            severity: outcome.severity,
            fix: Arc::clone(&outcome.fix),
            reference: Arc::clone(&outcome.reference),
        }
    }

    /// Whether `outcome` shares these fields (texts compared by pointer first: the outcomes of
    /// one requirement share their texts).
    fn fits(&self, outcome: &Outcome) -> bool {
        let same = |mine: &Arc<str>, theirs: &Arc<str>| Arc::ptr_eq(mine, theirs) || **mine == **theirs;
        *self.requirement == *outcome.requirement
            && self.area == outcome.area
            && self.severity == outcome.severity
            && same(&self.title, &outcome.title)
            && same(&self.fix, &outcome.fix)
            && same(&self.reference, &outcome.reference)
    }
}

/// Consecutive outcomes of one requirement.
#[derive(Debug, Clone)]
struct Segment {
    head: Head,
    bytes: Vec<u8>,
    count: usize,
    /// The findings and reruns of the outcomes that have any, by index.
    extras: Vec<Extra>,
    /// Where in `bytes` the last subject and file written whole are (see `put_anchored`).
    anchors: [std::ops::Range<usize>; 2],
}

// The flags byte of an encoded outcome.
const SUBJECT: u8 = 1;
const FILE: u8 = 1 << 1;
const FILE_IS_SUBJECT: u8 = 1 << 2;
const LINE: u8 = 1 << 3;
const TIME: u8 = 1 << 4;
const REASON: u8 = 1 << 5;
const EXTRA: u8 = 1 << 6;
/// With FILE: what is written is the part of the file before the subject, which it ends with
/// (a document's file is the bundle's place followed by its path, the subject).
const FILE_ENDS_WITH_SUBJECT: u8 = 1 << 7;

/// Findings and reruns, which few outcomes have.
#[derive(Debug, Clone)]
struct Extra {
    findings: Vec<Finding>,
    reruns: Vec<String>,
}

fn put_number(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

fn put_text(bytes: &mut Vec<u8>, text: &str) {
    put_number(bytes, text.len() as u64);
    bytes.extend_from_slice(text.as_bytes());
}

/// Reads what [`Segment::push`] wrote; the buffer is only ever written by it.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The last subject and file written whole, which later ones share a prefix of.
    anchors: [&'a str; 2],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        let byte = self.bytes[self.at];
        self.at += 1;
        byte
    }

    fn number(&mut self) -> u64 {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.byte();
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    fn slice(&mut self) -> &'a [u8] {
        let len = usize::try_from(self.number()).unwrap_or(usize::MAX);
        let slice = &self.bytes[self.at..self.at + len];
        self.at += len;
        slice
    }

    fn text(&mut self) -> &'a str {
        // Written from a `&str` by `put_text`.
        std::str::from_utf8(self.slice()).unwrap_or_default()
    }

    /// A subject (`which` 0) or file (1) as [`Segment::put_anchored`] wrote it.
    fn anchored(&mut self, which: usize) -> Text<'a> {
        let shared = usize::try_from(self.number()).unwrap_or(usize::MAX);
        let tail = self.text();
        if shared == 0 {
            self.anchors[which] = tail;
            Text { pieces: [tail, "", "", ""] }
        } else {
            Text { pieces: [self.anchors[which].get(..shared).unwrap_or_default(), tail, "", ""] }
        }
    }
}

/// A subject or file as a segment holds it: a prefix of an earlier one of the segment (sorted
/// paths share most of theirs) and its own bytes, and for a file that ends with its subject,
/// the subject's two pieces after them. Compared, ordered and shown as the one text the pieces
/// make.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pieces: [&'a str; 4],
}

impl<'a> Text<'a> {
    /// `self` followed by `after`: each is at most two pieces (as `Reader::anchored` reads).
    fn followed_by(self, after: Text<'a>) -> Self {
        let [a, b, ..] = self.pieces;
        let [c, d, ..] = after.pieces;
        Text { pieces: [a, b, c, d] }
    }

    fn len(&self) -> usize {
        self.pieces.iter().map(|piece| piece.len()).sum()
    }

    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.pieces.iter().flat_map(|piece| piece.bytes())
    }

    /// The text in one piece: borrowed when it was written whole.
    pub fn as_str(&self) -> std::borrow::Cow<'a, str> {
        let mut filled = self.pieces.iter().filter(|piece| !piece.is_empty());
        match (filled.next(), filled.next()) {
            (None, _) => std::borrow::Cow::Borrowed(""),
            (Some(only), None) => std::borrow::Cow::Borrowed(only),
            _ => std::borrow::Cow::Owned(self.pieces.concat()),
        }
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl Eq for Text<'_> {}

impl PartialOrd for Text<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text<'_> {
    /// Byte order, as `str`'s.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes().cmp(other.bytes())
    }
}

impl std::fmt::Display for Text<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pieces.iter().try_for_each(|piece| formatter.write_str(piece))
    }
}

/// One outcome as its segment holds it, borrowed: enough to order, count and filter without
/// building the owned [`Outcome`].
#[derive(Debug, Clone, Copy)]
pub struct OutcomeView<'a> {
    head: &'a Head,
    subject: Option<Text<'a>>,
    file: Option<Text<'a>>,
    line: Option<u32>,
    time_us: Option<u64>,
    status: u8,
    reason: Option<&'a str>,
    extra: Option<&'a Extra>,
}

const PASSED: u8 = 0;
const WARNED: u8 = 1;
const FAILED: u8 = 2;
const ERROR: u8 = 3;
const SKIPPED: u8 = 4;

impl<'a> OutcomeView<'a> {
    fn read(head: &'a Head, extras: &'a [Extra], reader: &mut Reader<'a>) -> Self {
        let flags = reader.byte();
        let status = reader.byte();
        let subject = (flags & SUBJECT != 0).then(|| reader.anchored(0));
        let file = if flags & FILE_IS_SUBJECT != 0 {
            subject
        } else if flags & FILE != 0 {
            let written = reader.anchored(1);
            match subject {
                Some(subject) if flags & FILE_ENDS_WITH_SUBJECT != 0 => Some(written.followed_by(subject)),
                _ => Some(written),
            }
        } else {
            None
        };
        let line = (flags & LINE != 0).then(|| u32::try_from(reader.number()).unwrap_or(u32::MAX));
        let time_us = (flags & TIME != 0).then(|| reader.number());
        let reason = (flags & REASON != 0).then(|| reader.text());
        let extra =
            if flags & EXTRA != 0 { extras.get(usize::try_from(reader.number()).unwrap_or(usize::MAX)) } else { None };
        Self { head, subject, file, line, time_us, status, reason, extra }
    }

    /// The requirement id.
    pub fn requirement(&self) -> &'a str {
        &self.head.requirement
    }

    /// The requirement's area.
    pub fn area(&self) -> Area {
        self.head.area
    }

    /// What the requirement was applied to.
    pub fn subject(&self) -> Option<Text<'a>> {
        self.subject
    }

    /// The subject's file.
    pub fn file(&self) -> Option<Text<'a>> {
        self.file
    }

    /// Why it was skipped or could not be evaluated.
    pub fn reason(&self) -> Option<&'a str> {
        self.reason
    }

    /// The requirement's texts shared by its outcomes: title, fix and reference.
    pub fn texts(&self) -> [&'a str; 3] {
        [&self.head.title, &self.head.fix, &self.head.reference]
    }

    /// Whether the outcome blocks (failed, or could not be evaluated).
    pub fn is_blocking(&self) -> bool {
        matches!(self.status, FAILED | ERROR)
    }

    /// Whether the outcome could not be evaluated.
    pub fn is_error(&self) -> bool {
        self.status == ERROR
    }

    /// Whether it failed, warned or could not be evaluated: what the problem lists show.
    pub fn is_problem(&self) -> bool {
        matches!(self.status, FAILED | WARNED | ERROR)
    }

    /// Whether it has findings (a waived outcome keeps its findings).
    pub fn has_findings(&self) -> bool {
        self.extra.is_some()
    }

    /// The JUnit test name, as [`Outcome::test_name`].
    pub fn test_name(&self) -> String {
        match &self.subject {
            Some(subject) => format!("{}: {subject}", self.requirement()),
            None => self.requirement().to_owned(),
        }
    }

    /// Whether it passed with warnings.
    pub fn is_warned(&self) -> bool {
        self.status == WARNED
    }

    /// Microseconds spent on it (`--timestamps`).
    pub fn time_us(&self) -> Option<u64> {
        self.time_us
    }

    /// Whether the outcome was skipped.
    pub fn is_skipped(&self) -> bool {
        self.status == SKIPPED
    }

    /// Whether the outcome passed (with or without warnings).
    pub fn is_passed(&self) -> bool {
        matches!(self.status, PASSED | WARNED)
    }

    /// The owned outcome.
    pub fn to_outcome(&self) -> Outcome {
        let reason = || self.reason.unwrap_or_default().to_owned();
        let status = match self.status {
            PASSED => Status::Passed,
            WARNED => Status::Warned,
            FAILED => Status::Failed,
            ERROR => Status::Error(reason()),
            _ => Status::Skipped(reason()),
        };
        let (findings, reruns) =
            self.extra.map_or_else(Default::default, |extra| (extra.findings.clone(), extra.reruns.clone()));
        let head = self.head;
        Outcome {
            requirement: head.requirement.to_string(),
            area: head.area,
            title: Arc::clone(&head.title),
            severity: head.severity,
            fix: Arc::clone(&head.fix),
            reference: Arc::clone(&head.reference),
            subject: self.subject.map(|subject| subject.to_string()),
            file: self.file.map(|file| file.to_string()),
            line: self.line,
            status,
            findings,
            reruns,
            time_us: self.time_us,
        }
    }
}

impl Segment {
    fn new(outcome: &Outcome) -> Self {
        Self { head: Head::of(outcome), bytes: Vec::new(), count: 0, extras: Vec::new(), anchors: [0..0, 0..0] }
    }

    fn push(&mut self, outcome: &Outcome) {
        let bytes = &mut self.bytes;
        let (status, reason) = match &outcome.status {
            Status::Passed => (PASSED, None),
            Status::Warned => (WARNED, None),
            Status::Failed => (FAILED, None),
            Status::Error(reason) => (ERROR, Some(reason)),
            Status::Skipped(reason) => (SKIPPED, Some(reason)),
        };
        let file_is_subject = outcome.file.is_some() && outcome.file == outcome.subject;
        // The part of the file before the subject, when the file ends with it.
        let before_subject = match (&outcome.file, &outcome.subject) {
            (Some(file), Some(subject)) if !subject.is_empty() => {
                file.strip_suffix(subject.as_str()).filter(|before| !before.is_empty())
            }
            _ => None,
        };
        let extra = !outcome.findings.is_empty() || !outcome.reruns.is_empty();
        let mut flags = 0;
        for (present, flag) in [
            (outcome.subject.is_some(), SUBJECT),
            (outcome.file.is_some() && !file_is_subject, FILE),
            (file_is_subject, FILE_IS_SUBJECT),
            (before_subject.is_some(), FILE_ENDS_WITH_SUBJECT),
            (outcome.line.is_some(), LINE),
            (outcome.time_us.is_some(), TIME),
            (reason.is_some(), REASON),
            (extra, EXTRA),
        ] {
            if present {
                flags |= flag;
            }
        }
        bytes.push(flags);
        bytes.push(status);
        if let Some(subject) = &outcome.subject {
            Self::put_anchored(bytes, &mut self.anchors[0], subject);
        }
        if let (Some(file), false) = (&outcome.file, file_is_subject) {
            Self::put_anchored(bytes, &mut self.anchors[1], before_subject.unwrap_or(file));
        }
        if let Some(line) = outcome.line {
            put_number(bytes, u64::from(line));
        }
        if let Some(time) = outcome.time_us {
            put_number(bytes, time);
        }
        if let Some(reason) = reason {
            put_text(bytes, reason);
        }
        if extra {
            put_number(bytes, self.extras.len() as u64);
            self.extras.push(Extra { findings: outcome.findings.clone(), reruns: outcome.reruns.clone() });
        }
        self.count += 1;
    }

    /// Writes `text` as the length of the prefix it shares with the anchor (the last text of its
    /// kind written whole) and the rest; a text that shares less than half of itself is written
    /// whole (a shared length of 0) and becomes the anchor.
    fn put_anchored(bytes: &mut Vec<u8>, anchor: &mut std::ops::Range<usize>, text: &str) {
        let previous = bytes.get(anchor.clone()).unwrap_or_default();
        let mut shared = previous.iter().zip(text.as_bytes()).take_while(|(a, b)| a == b).count();
        while !text.is_char_boundary(shared) {
            shared -= 1;
        }
        if shared > 0 && shared * 2 >= text.len() {
            put_number(bytes, shared as u64);
            put_text(bytes, &text[shared..]);
        } else {
            put_number(bytes, 0);
            put_text(bytes, text);
            *anchor = bytes.len() - text.len()..bytes.len();
        }
    }

    fn views(&self) -> impl Iterator<Item = OutcomeView<'_>> {
        let mut reader = Reader { bytes: &self.bytes, at: 0, anchors: ["", ""] };
        (0..self.count).map(move |_| OutcomeView::read(&self.head, &self.extras, &mut reader))
    }
}

/// The report's order: area, requirement id, subject.
fn order<'a>(view: &OutcomeView<'a>) -> (Area, &'a str, Option<Text<'a>>) {
    (view.area(), view.requirement(), view.subject)
}

/// Every outcome of a report, in the order they were pushed; see the module documentation.
#[derive(Clone, Default)]
pub struct Outcomes {
    segments: Vec<Segment>,
    len: usize,
}

impl Outcomes {
    /// No outcomes.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many outcomes there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `outcome` at the end.
    pub fn push(&mut self, outcome: Outcome) {
        self.push_ref(&outcome);
    }

    fn push_ref(&mut self, outcome: &Outcome) {
        match self.segments.last_mut() {
            Some(segment) if segment.head.fits(outcome) => segment.push(outcome),
            _ => {
                let mut segment = Segment::new(outcome);
                segment.push(outcome);
                self.segments.push(segment);
            }
        }
        self.len += 1;
    }

    /// Gives back what the buffers reserved beyond their outcomes (call when no more are pushed).
    pub fn shrink_to_fit(&mut self) {
        for segment in &mut self.segments {
            segment.bytes.shrink_to_fit();
        }
        self.segments.shrink_to_fit();
    }

    /// Moves every outcome of `other` to the end, without decoding them.
    pub fn append(&mut self, other: Outcomes) {
        self.len += other.len;
        self.segments.extend(other.segments);
    }

    /// The outcomes, borrowed, in order.
    pub fn views(&self) -> impl Iterator<Item = OutcomeView<'_>> {
        self.segments.iter().flat_map(Segment::views)
    }

    /// The outcomes, each decoded when it is reached.
    pub fn iter(&self) -> impl Iterator<Item = Outcome> + '_ {
        self.views().map(|view| view.to_outcome())
    }

    /// The outcomes of `area`, in order (the other areas' are not decoded).
    pub fn of_area(&self, area: Area) -> impl Iterator<Item = Outcome> + '_ {
        self.segments
            .iter()
            .filter(move |segment| segment.head.area == area)
            .flat_map(Segment::views)
            .map(|view| view.to_outcome())
    }

    /// The outcomes of `area` with their index among all outcomes, borrowed.
    pub fn views_of_area(&self, area: Area) -> impl Iterator<Item = (usize, OutcomeView<'_>)> {
        let mut start = 0;
        self.segments
            .iter()
            .map(move |segment| {
                let first = start;
                start += segment.count;
                (first, segment)
            })
            .filter(move |(_, segment)| segment.head.area == area)
            .flat_map(|(first, segment)| segment.views().enumerate().map(move |(index, view)| (first + index, view)))
    }

    /// The first outcome.
    pub fn first(&self) -> Option<Outcome> {
        self.iter().next()
    }

    /// Changes every outcome with `change`, one at a time (each segment is decoded, changed and
    /// written again, and freed as soon as it is).
    pub fn for_each_mut(&mut self, change: impl FnMut(&mut Outcome)) {
        self.change_where(|_| true, |_| true, change);
    }

    /// Changes with `change` the outcomes of every segment for whose shared fields
    /// `shared_touches` holds (asked once, with the segment's first outcome), or in which
    /// `touches` holds for some outcome; the other segments are kept as they are, not decoded.
    /// Inside a rayon pool the segments are asked side by side on it (asking is most of the
    /// work: making 130,000 outcomes safe, nearly none of which needs a change, took 60 ms of a
    /// 10,000-document run on one thread); outside one, on this thread alone (rayon's global
    /// pool is never started: when no pool could be made, it could not start either). The
    /// changes are made in order on this thread.
    pub fn change_where(
        &mut self,
        shared_touches: impl Fn(&OutcomeView<'_>) -> bool + Sync,
        touches: impl Fn(&OutcomeView<'_>) -> bool + Sync,
        mut change: impl FnMut(&mut Outcome),
    ) {
        use rayon::prelude::*;
        let segments = std::mem::take(&mut self.segments);
        let touched_one = |segment: &Segment| {
            segment.views().next().is_some_and(|first| shared_touches(&first))
                || segment.views().any(|view| touches(&view))
        };
        let touched: Vec<bool> = if rayon::current_thread_index().is_some() {
            segments.par_iter().map(touched_one).collect()
        } else {
            segments.iter().map(touched_one).collect()
        };
        self.len = 0;
        for (segment, touched) in segments.into_iter().zip(touched) {
            if !touched {
                self.len += segment.count;
                self.segments.push(segment);
                continue;
            }
            // One outcome at a time: a requirement's segment may hold 20,000 pre-test rows, and
            // decoded all at once they took some 7 MB at the report's peak.
            for view in segment.views() {
                let mut outcome = view.to_outcome();
                change(&mut outcome);
                self.push_ref(&outcome);
            }
        }
    }

    /// Puts the outcomes in the report's order (area, requirement id, subject; stable).
    /// Segments are moved, not decoded, when that is enough (each in order, none overlapping
    /// another); otherwise the segments of one requirement are decoded and sorted, never the
    /// whole report.
    pub fn sort(&mut self) {
        if self.is_sorted() {
            return;
        }
        // Segments of one requirement together, in requirement order (stable).
        self.segments.sort_by(|a, b| (a.head.area, &*a.head.requirement).cmp(&(b.head.area, &*b.head.requirement)));
        if self.is_sorted() {
            return;
        }
        let segments = std::mem::take(&mut self.segments);
        self.len = 0;
        let mut group: Vec<Segment> = Vec::new();
        for segment in segments {
            let same = group.last().is_some_and(|last: &Segment| {
                last.head.area == segment.head.area && last.head.requirement == segment.head.requirement
            });
            if !same && !group.is_empty() {
                self.put_in_order(std::mem::take(&mut group));
            }
            group.push(segment);
        }
        if !group.is_empty() {
            self.put_in_order(group);
        }
    }

    /// Adds the segments of one requirement, sorted by subject.
    fn put_in_order(&mut self, group: Vec<Segment>) {
        // Checked as they are read: collecting the views of a requirement over 40,000
        // documents would take megabytes for nothing when they are in order.
        let in_order = {
            let mut views = group.iter().flat_map(Segment::views);
            let mut previous = views.next();
            views.all(|view| {
                let fine = previous.as_ref().is_none_or(|previous| order(previous) <= order(&view));
                previous = Some(view);
                fine
            })
        };
        if in_order {
            for segment in group {
                self.len += segment.count;
                self.segments.push(segment);
            }
            return;
        }
        let mut sorted: Vec<OutcomeView<'_>> = group.iter().flat_map(Segment::views).collect();
        // Stable: equal subjects keep the order they were pushed in.
        sorted.sort_by(|a, b| order(a).cmp(&order(b)));
        // Decoded one at a time: all of a requirement's outcomes over 20,000 report rows decoded
        // at once took 7 MB, the run's largest single allocation at its peak.
        for view in sorted {
            self.push_ref(&view.to_outcome());
        }
    }

    /// Whether the outcomes are in the report's order.
    pub fn is_sorted(&self) -> bool {
        let mut views = self.views();
        let Some(mut previous) = views.next() else { return true };
        for view in views {
            if order(&previous) > order(&view) {
                return false;
            }
            previous = view;
        }
        true
    }
}

impl std::fmt::Debug for Outcomes {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Outcomes {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Outcomes {}

impl From<Vec<Outcome>> for Outcomes {
    fn from(outcomes: Vec<Outcome>) -> Self {
        outcomes.into_iter().collect()
    }
}

impl FromIterator<Outcome> for Outcomes {
    fn from_iter<I: IntoIterator<Item = Outcome>>(outcomes: I) -> Self {
        let mut all = Self::new();
        all.extend(outcomes);
        all
    }
}

impl Extend<Outcome> for Outcomes {
    fn extend<I: IntoIterator<Item = Outcome>>(&mut self, outcomes: I) {
        for outcome in outcomes {
            self.push_ref(&outcome);
        }
    }
}

impl Serialize for Outcomes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for outcome in self.iter() {
            seq.serialize_element(&outcome)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Outcomes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<Outcome>::deserialize(deserializer)?.into())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::Outcomes;
    use crate::catalog::{Area, Severity};
    use crate::finding::{Finding, Location, Snippet};
    use crate::outcome::{Outcome, Status};

    /// Outcomes with every field in each of its forms: no subject, a subject that is its file, a
    /// file of its own, lines past 2^7 and 2^28 (the variable-length numbers), every status with
    /// reasons of any length, findings, reruns, times, texts that are shared and texts that only
    /// compare equal.
    fn varied() -> Vec<Outcome> {
        let title: Arc<str> = Arc::from("Otsikko");
        let fix: Arc<str> = Arc::from("Korjaa näin.\nToinen rivi.");
        let reference: Arc<str> = Arc::from("Kela");
        let statuses = [
            Status::Passed,
            Status::Warned,
            Status::Failed,
            Status::Error(String::new()),
            Status::Error("x".repeat(300)),
            Status::Skipped("ei sovellu".to_owned()),
        ];
        let mut outcomes = Vec::new();
        for (index, status) in statuses.iter().cycle().take(60).enumerate() {
            let subject = match index % 4 {
                0 => None,
                _ => Some(format!("documents/lähete-{index:03}.xml")),
            };
            let file = match index % 5 {
                0 => subject.clone(),
                1 => Some(format!("pretest/raportti-{index}.csv")),
                // The bundle's place and the subject; a file that only ends like the subject.
                2 => subject.as_ref().map(|subject| format!("/tmp/nippu-ä/{subject}")),
                3 => subject.as_ref().map(|subject| format!("x{subject}")),
                _ => None,
            };
            let findings = if index % 5 == 0 {
                vec![
                    Finding::new(Severity::Error, format!("virhe {index}")).at(Location {
                        // Not serialised: kept all the same.
                        snippet: Some(Snippet { line_text: "  <id root=\"x\"/>".to_owned(), highlight: 3..5 }),
                        ..Location::line_column("documents/a.xml", 3, 9)
                    }),
                    Finding::new(Severity::Warning, "varoitus").with_help("ohje"),
                ]
            } else {
                Vec::new()
            };
            outcomes.push(Outcome {
                requirement: format!("DOC-{}", index / 20),
                area: if index < 40 { Area::Documents } else { Area::Pretest },
                // A text equal to the shared one but not the same allocation, now and then.
                title: if index % 7 == 0 { Arc::from("Otsikko") } else { Arc::clone(&title) },
                severity: Severity::Error,
                fix: Arc::clone(&fix),
                reference: Arc::clone(&reference),
                subject,
                file,
                line: [None, Some(1), Some(127), Some(128), Some(300_000_000), Some(u32::MAX)][index % 6],
                status: status.clone(),
                findings,
                reruns: if index % 11 == 0 { vec!["yritys 1: aikakatkaisu".to_owned()] } else { Vec::new() },
                time_us: [None, Some(0), Some(u64::MAX)][index % 3],
            });
        }
        outcomes
    }

    #[test]
    fn every_outcome_comes_back_as_it_was_pushed() {
        let outcomes = varied();
        let compact = Outcomes::from(outcomes.clone());
        assert_eq!(compact.len(), outcomes.len());
        assert_eq!(compact.iter().collect::<Vec<_>>(), outcomes);
        // The JSON the report writes is the JSON of the outcomes themselves.
        assert_eq!(serde_json::to_string(&compact).ok(), serde_json::to_string(&outcomes).ok());
        // Read back (`valmis merge`): the same JSON (snippets are not in it).
        let json = serde_json::to_string(&compact).unwrap_or_default();
        let back: Outcomes = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back.len(), compact.len());
        assert_eq!(serde_json::to_string(&back).ok(), Some(json));
        // Outcomes of one area only, in order.
        let documents: Vec<Outcome> =
            outcomes.iter().filter(|outcome| outcome.area == Area::Documents).cloned().collect();
        assert_eq!(compact.of_area(Area::Documents).collect::<Vec<_>>(), documents);
        let indexes: Vec<usize> = compact.views_of_area(Area::Pretest).map(|(index, _)| index).collect();
        assert_eq!(indexes, (40..60).collect::<Vec<_>>());
    }

    #[test]
    fn a_passed_outcome_about_a_document_takes_a_few_bytes() {
        // Issue 22: what a run over 40,000 documents keeps per outcome. Sorted paths share all
        // but their last characters with the path written whole before them; a file is the
        // bundle's place followed by the path (verify's reports), or the path itself.
        let texts: Arc<str> = Arc::from("teksti");
        for place in ["", "target/bench/scale/XL/", "/home/tytär/nippu.zip/"] {
            let outcomes: Vec<Outcome> = (0..10_000)
                .map(|index| {
                    let path = format!("documents/hoitokertomus-{index:05}.xml");
                    Outcome {
                        requirement: "DOC-OID".to_owned(),
                        area: Area::Documents,
                        title: Arc::clone(&texts),
                        severity: Severity::Error,
                        fix: Arc::clone(&texts),
                        reference: Arc::clone(&texts),
                        subject: Some(path.clone()),
                        file: Some(format!("{place}{path}")),
                        line: Some(2),
                        status: Status::Passed,
                        findings: Vec::new(),
                        reruns: Vec::new(),
                        time_us: None,
                    }
                })
                .collect();
            let mut compact = Outcomes::from(outcomes.clone());
            compact.shrink_to_fit();
            let bytes: usize = compact.segments.iter().map(|segment| segment.bytes.len()).sum();
            // The place takes two bytes (a length shared with the place written whole, and an
            // empty rest); written with the path, it took 23.
            let most = if place.is_empty() { 12 } else { 14 };
            assert!(bytes / outcomes.len() <= most, "{place}: {} bytes per outcome", bytes / outcomes.len());
            assert_eq!(compact.segments.len(), 1);
            assert_eq!(compact.iter().collect::<Vec<_>>(), outcomes);
        }
    }

    #[test]
    fn sorting_gives_the_report_order_of_a_stable_sort() {
        let mut outcomes = varied();
        outcomes.reverse();
        let mut compact = Outcomes::from(outcomes.clone());
        assert!(!compact.is_sorted());
        compact.sort();
        let key = |outcome: &Outcome| (outcome.area, outcome.requirement.clone(), outcome.subject.clone());
        outcomes.sort_by_key(key);
        assert!(compact.is_sorted());
        assert_eq!(compact.iter().collect::<Vec<_>>(), outcomes);
        // Sorted already: sorting again changes nothing.
        let before = compact.clone();
        compact.sort();
        assert!(compact == before);
    }

    #[test]
    fn a_change_reaches_the_outcomes_it_is_meant_for_only() {
        let outcomes = varied();
        let mut compact = Outcomes::from(outcomes.clone());
        compact.change_where(
            |_| false,
            |view| view.is_blocking(),
            |outcome| {
                if outcome.status.is_blocking() {
                    outcome.status = Status::Skipped("waived".to_owned());
                }
            },
        );
        let expected: Vec<Outcome> = outcomes
            .into_iter()
            .map(|mut outcome| {
                if outcome.status.is_blocking() {
                    outcome.status = Status::Skipped("waived".to_owned());
                }
                outcome
            })
            .collect();
        assert_eq!(compact.iter().collect::<Vec<_>>(), expected);
        assert_eq!(compact.len(), expected.len());
    }
}
