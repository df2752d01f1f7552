//! The fixed words of the reports (headings, labels, status names, column names) in a report's
//! language, from the message files. Each language's words are rendered once and kept, so a
//! writer that labels 100,000 outcomes does not format a message for each one.

use std::sync::OnceLock;

use valmis_i18n::t;
use valmis_model::Lang;

/// One language's words: each field is the text of the message named after it.
#[derive(Debug)]
pub(crate) struct Words {
    pub(crate) lang: Lang,
    pub(crate) round: String,
    pub(crate) round_title: String,
    pub(crate) catalog: String,
    pub(crate) bundle: String,
    pub(crate) bundle_title: String,
    pub(crate) now: String,
    pub(crate) strict: String,
    pub(crate) ready: String,
    pub(crate) not_ready: String,
    pub(crate) ready_title: String,
    pub(crate) not_ready_title: String,
    pub(crate) status_ok: String,
    pub(crate) status_warn: String,
    pub(crate) status_fail: String,
    pub(crate) status_error: String,
    pub(crate) status_skip: String,
    pub(crate) status_passed: String,
    pub(crate) status_warning: String,
    pub(crate) status_failed: String,
    pub(crate) status_skipped: String,
    pub(crate) fix_label: String,
    pub(crate) see_label: String,
    pub(crate) not_evaluated: String,
    pub(crate) waivers: String,
    pub(crate) waivers_title: String,
    pub(crate) since: String,
    pub(crate) since_title: String,
    pub(crate) no_change: String,
    pub(crate) no_change_sentence: String,
    pub(crate) more_in_json: String,
    pub(crate) newly_failing: String,
    pub(crate) fixed: String,
    pub(crate) gone: String,
    pub(crate) verdict_ready: String,
    pub(crate) verdict_unchecked: String,
    pub(crate) level_error: String,
    pub(crate) level_warning: String,
    pub(crate) level_help: String,
    pub(crate) show: String,
    pub(crate) filter_all: String,
    /// The status filters of the HTML page: (status class, label).
    pub(crate) filters: [(&'static str, String); 4],
    pub(crate) problems: String,
    pub(crate) column_status: String,
    pub(crate) column_requirement: String,
    pub(crate) column_subject: String,
    pub(crate) column_first_finding: String,
    pub(crate) column_details: String,
    pub(crate) column_state: String,
    pub(crate) column_expires: String,
    pub(crate) column_ticket: String,
    pub(crate) column_matched: String,
    pub(crate) column_reason: String,
    pub(crate) column_area: String,
    pub(crate) column_passed: String,
    pub(crate) column_failed: String,
    pub(crate) column_errors: String,
    pub(crate) column_skipped: String,
    pub(crate) column_title: String,
    pub(crate) column_subjects: String,
    pub(crate) column_findings: String,
    pub(crate) how_to_fix_title: String,
    pub(crate) reference_title: String,
    pub(crate) not_ready_because: String,
    pub(crate) warnings_title: String,
    pub(crate) findings_title: String,
    pub(crate) checked: String,
    pub(crate) warning_checked: String,
    pub(crate) how_to_fix: String,
    pub(crate) reference: String,
}

impl Words {
    fn new(words_of: Lang) -> Self {
        let lang = words_of.as_str();
        Self {
            lang: words_of,
            round: t!(lang, "report-round"),
            round_title: t!(lang, "report-round-title"),
            catalog: t!(lang, "report-catalog"),
            bundle: t!(lang, "report-bundle"),
            bundle_title: t!(lang, "report-bundle-title"),
            now: t!(lang, "report-now"),
            strict: t!(lang, "report-strict"),
            ready: t!(lang, "report-ready"),
            not_ready: t!(lang, "report-not-ready"),
            ready_title: t!(lang, "report-ready-title"),
            not_ready_title: t!(lang, "report-not-ready-title"),
            status_ok: t!(lang, "report-status-ok"),
            status_warn: t!(lang, "report-status-warn"),
            status_fail: t!(lang, "report-status-fail"),
            status_error: t!(lang, "report-status-error"),
            status_skip: t!(lang, "report-status-skip"),
            status_passed: t!(lang, "report-status-passed"),
            status_warning: t!(lang, "report-status-warning"),
            status_failed: t!(lang, "report-status-failed"),
            status_skipped: t!(lang, "report-status-skipped"),
            fix_label: t!(lang, "report-fix-label"),
            see_label: t!(lang, "report-see-label"),
            not_evaluated: t!(lang, "report-not-evaluated"),
            waivers: t!(lang, "report-waivers"),
            waivers_title: t!(lang, "report-waivers-title"),
            since: t!(lang, "report-since"),
            since_title: t!(lang, "report-since-title"),
            no_change: t!(lang, "report-no-change"),
            no_change_sentence: t!(lang, "report-no-change-sentence"),
            more_in_json: t!(lang, "report-more-in-json"),
            newly_failing: t!(lang, "report-baseline-newly-failing"),
            fixed: t!(lang, "report-baseline-fixed"),
            gone: t!(lang, "report-baseline-gone"),
            verdict_ready: t!(lang, "report-verdict-ready"),
            verdict_unchecked: t!(lang, "report-verdict-unchecked"),
            level_error: t!(lang, "report-level-error"),
            level_warning: t!(lang, "report-level-warning"),
            level_help: t!(lang, "report-level-help"),
            show: t!(lang, "report-show"),
            filter_all: t!(lang, "report-filter-all"),
            filters: [
                ("failed", t!(lang, "report-filter-failed")),
                ("warned", t!(lang, "report-filter-warned")),
                ("skipped", t!(lang, "report-filter-skipped")),
                ("passed", t!(lang, "report-filter-passed")),
            ],
            problems: t!(lang, "report-problems"),
            column_status: t!(lang, "report-column-status"),
            column_requirement: t!(lang, "report-column-requirement"),
            column_subject: t!(lang, "report-column-subject"),
            column_first_finding: t!(lang, "report-column-first-finding"),
            column_details: t!(lang, "report-column-details"),
            column_state: t!(lang, "report-column-state"),
            column_expires: t!(lang, "report-column-expires"),
            column_ticket: t!(lang, "report-column-ticket"),
            column_matched: t!(lang, "report-column-matched"),
            column_reason: t!(lang, "report-column-reason"),
            column_area: t!(lang, "report-column-area"),
            column_passed: t!(lang, "report-column-passed"),
            column_failed: t!(lang, "report-column-failed"),
            column_errors: t!(lang, "report-column-errors"),
            column_skipped: t!(lang, "report-column-skipped"),
            column_title: t!(lang, "report-column-title"),
            column_subjects: t!(lang, "report-column-subjects"),
            column_findings: t!(lang, "report-column-findings"),
            how_to_fix_title: t!(lang, "report-how-to-fix-title"),
            reference_title: t!(lang, "report-reference-title"),
            not_ready_because: t!(lang, "report-not-ready-because"),
            warnings_title: t!(lang, "report-warnings-title"),
            findings_title: t!(lang, "report-findings-title"),
            checked: t!(lang, "report-checked"),
            warning_checked: t!(lang, "report-warning-checked"),
            how_to_fix: t!(lang, "report-how-to-fix"),
            reference: t!(lang, "report-reference"),
        }
    }
}

/// The words of `lang`, rendered on first use.
pub(crate) fn words(lang: Lang) -> &'static Words {
    static EN: OnceLock<Words> = OnceLock::new();
    static FI: OnceLock<Words> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| Words::new(Lang::En)),
        Lang::Fi => FI.get_or_init(|| Words::new(Lang::Fi)),
    }
}

/// `could not be evaluated: reason`, in `lang`.
pub(crate) fn not_evaluated_because(lang: Lang, reason: &str) -> String {
    t!(lang.as_str(), "report-not-evaluated-because", reason = reason)
}

/// A waiver's state (`active`, `expired`, `unused`) as people read it in `lang`; the JSON report
/// keeps the state as it is.
pub(crate) fn waiver_state(lang: Lang, state: &str) -> String {
    t!(lang.as_str(), "report-waiver-state", state = state)
}
