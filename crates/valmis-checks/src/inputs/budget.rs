//! The parse budget: how many parsed nodes (elements, attributes, JSON values) the document
//! trees held in memory may have, one document at a time and all threads together. A parsed
//! node costs about 85 bytes (roxmltree: 9.9 million empty elements took 827 MB), so the tree
//! memory of a run stays under [`TOTAL`] × 85 bytes (about 340 MB) whatever the documents and
//! however many `--jobs` run. The cost of a document is counted from its bytes before it is
//! parsed: an upper bound, cheap (one vectorised pass over the bytes), and so never a surprise.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Condvar, Mutex};

/// The most nodes one document may have: a Kanta CDA document has a few thousand; one with
/// two million elements and attributes is tens of megabytes of markup.
pub(crate) const MAX_PER_DOCUMENT: u64 = 2_000_000;

/// The most nodes parsed at once, by all threads together (two documents at the limit).
pub(crate) const TOTAL: u64 = 2 * MAX_PER_DOCUMENT;

/// Nodes in use by parsed documents of every thread. Taken and given back without a lock: a
/// lock and a wake-up call per document were 1.6 system calls per document (16,600 on 10,000
/// documents), most of them for threads that were not waiting.
static IN_USE: AtomicU64 = AtomicU64::new(0);
/// Threads waiting for room, which a release wakes; the lock orders a waiter's last look at
/// [`IN_USE`] before its sleep against a release's wake-up call, so that none is lost.
static WAITING: AtomicUsize = AtomicUsize::new(0);
static SLEEP: Mutex<()> = Mutex::new(());
static RELEASED: Condvar = Condvar::new();

/// An upper bound of the nodes roxmltree builds for `text`: every `<` opens an element, a
/// closing tag, a comment, a processing instruction or a CDATA section, and every attribute has
/// an `=`.
pub(crate) fn xml_cost(text: &str) -> u64 {
    cheap_bound(text).unwrap_or_else(|| count(text.as_bytes(), b'<', b'='))
}

/// Half the length, for a text too small to pass the per-document limit: every node takes at
/// least two bytes (`<a/>`, ` a=""`, a text between two tags, `1,`), so this bounds the count
/// without reading the text (counting cost 7 % of a run over 10,000 small documents).
fn cheap_bound(text: &str) -> Option<u64> {
    let bound = u64::try_from(text.len() / 2 + 1).unwrap_or(u64::MAX);
    (bound <= MAX_PER_DOCUMENT).then_some(bound)
}

/// An upper bound of the values a JSON tree holds: every value but the first follows a `,`, a
/// `:` or an opening bracket.
pub(crate) fn json_cost(text: &str) -> u64 {
    cheap_bound(text).unwrap_or_else(|| {
        let bytes = text.as_bytes();
        count(bytes, b',', b':') + count(bytes, b'[', b'{') + 1
    })
}

/// A plain loop the compiler vectorises: markup is dense in `<` and `=`, and an iterator over
/// each match (`memchr2_iter`) cost a third of a second on 10,000 documents.
fn count(bytes: &[u8], one: u8, other: u8) -> u64 {
    let mut total = 0u64;
    for chunk in bytes.chunks(4096) {
        total += chunk.iter().map(|&byte| u64::from(byte == one) + u64::from(byte == other)).sum::<u64>();
    }
    total
}

/// Room for one document's tree, given back when dropped.
#[derive(Debug)]
pub(crate) struct Permit {
    cost: u64,
}

/// Why a document is not parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverBudget {
    /// Its counted cost.
    pub(crate) cost: u64,
}

impl OverBudget {
    /// Why the document was not parsed.
    pub(crate) fn message(&self) -> valmis_i18n::Msg {
        valmis_i18n::msg!("document-over-budget", cost = self.cost, limit = MAX_PER_DOCUMENT)
    }
}

/// Waits until `cost` nodes fit within [`TOTAL`] and takes them; a document over
/// [`MAX_PER_DOCUMENT`] is refused at once.
pub(crate) fn acquire(cost: u64) -> Result<Permit, OverBudget> {
    if cost > MAX_PER_DOCUMENT {
        return Err(OverBudget { cost });
    }
    if take(cost) {
        return Ok(Permit { cost });
    }
    // Sequentially consistent throughout: either a release's subtraction comes before this
    // thread's next look (which then sees the room), or the release sees this thread counted in
    // WAITING and takes the lock, which it gets only once this thread sleeps, to wake it.
    let mut asleep = SLEEP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    WAITING.fetch_add(1, SeqCst);
    while !take(cost) {
        asleep = RELEASED.wait(asleep).unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    WAITING.fetch_sub(1, SeqCst);
    Ok(Permit { cost })
}

/// Takes `cost` nodes if they fit within [`TOTAL`].
fn take(cost: u64) -> bool {
    IN_USE.fetch_update(SeqCst, SeqCst, |in_use| (in_use + cost <= TOTAL).then_some(in_use + cost)).is_ok()
}

impl Drop for Permit {
    fn drop(&mut self) {
        IN_USE.fetch_sub(self.cost, SeqCst);
        if WAITING.load(SeqCst) > 0 {
            let _asleep = SLEEP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            RELEASED.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_bound_what_the_parsers_build() {
        let xml = r#"<a x="1" y="2"><b/><!-- c --><d>t</d></a>"#;
        let document = roxmltree::Document::parse(xml).expect("xml");
        let nodes = document.descendants().count() as u64;
        let attributes: u64 = document.descendants().map(|node| node.attributes().len() as u64).sum();
        assert!(xml_cost(xml) >= nodes - 1 + attributes, "{} < {nodes} + {attributes}", xml_cost(xml));
        // Past the cheap bound, the counted cost.
        let big = format!("<a>{}</a>", "<b c=\"1\"/>".repeat(500_000));
        assert_eq!(xml_cost(&big), 2 + 1_000_000);
        let json = r#"{"a": [1, 2, {"b": null}], "c": "x"}"#;
        // Values: the object, its array, 1, 2, the inner object, null, "x"; keys a, b, c.
        assert!(json_cost(json) >= 10, "{}", json_cost(json));
    }

    #[test]
    fn threads_share_the_total_and_an_oversized_document_is_refused() {
        assert_eq!(acquire(MAX_PER_DOCUMENT + 1).err(), Some(OverBudget { cost: MAX_PER_DOCUMENT + 1 }));
        let peak = std::sync::Arc::new(AtomicU64::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let peak = std::sync::Arc::clone(&peak);
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let _permit = acquire(MAX_PER_DOCUMENT).expect("fits");
                        let now = IN_USE.load(SeqCst);
                        peak.fetch_max(now, SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("thread");
        }
        assert!(peak.load(SeqCst) <= TOTAL);
    }
}
