//! `--html FILE`: one self-contained HTML page (no network: styles inline, no scripts, no fonts
//! or images from elsewhere). The verdict is at the top, then one table per area; every failed,
//! warned or unevaluated outcome opens to its findings with their masked snippets, the fix and
//! the reference. Filtering by status works with JavaScript off: radio buttons and CSS.

use std::fmt::Write as _;

use valmis_model::{Area, Finding, Outcome, Report, Status};

/// Outcomes shown in full before the rest of an area is only counted (a 10,000-document bundle
/// has 90,000 outcomes; browsers stay responsive with this many rows).
pub const HTML_MAX_ROWS: usize = 20_000;

const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2125; background: #fff; }
header { padding: 1.2em 2em; color: #fff; }
header.ready { background: #1f7a3a; }
header.not-ready { background: #b3261e; }
header h1 { margin: 0 0 .3em; font-size: 1.8em; }
header p { margin: .2em 0; }
nav.filter { padding: .8em 2em; background: #f3f4f6; border-bottom: 1px solid #d0d4d9; }
nav.filter label { margin-right: 1.2em; cursor: pointer; }
main { padding: 0 2em 2em; }
h2 { margin: 1.4em 0 .4em; text-transform: capitalize; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #e2e5e9; vertical-align: top; }
th { background: #f8f9fa; }
.status { font-weight: 600; white-space: nowrap; }
tr.failed .status, tr.error .status { color: #b3261e; }
tr.warned .status { color: #8a5a00; }
tr.passed .status { color: #1f7a3a; }
tr.skipped .status { color: #5f6b76; }
details summary { cursor: pointer; }
ul.findings { margin: .4em 0; padding-left: 1.2em; }
pre.snippet { background: #f6f8fa; padding: .4em .6em; overflow-x: auto; margin: .3em 0; }
pre.snippet mark { background: #ffd8d3; }
p.fix { margin: .3em 0; }
p.more { color: #5f6b76; font-style: italic; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
#show-failed:checked ~ main tbody tr:not(.failed):not(.error),
#show-warned:checked ~ main tbody tr:not(.warned),
#show-skipped:checked ~ main tbody tr:not(.skipped),
#show-passed:checked ~ main tbody tr:not(.passed) { display: none; }
#show-all:checked ~ nav label[for=show-all], #show-failed:checked ~ nav label[for=show-failed],
#show-warned:checked ~ nav label[for=show-warned], #show-skipped:checked ~ nav label[for=show-skipped],
#show-passed:checked ~ nav label[for=show-passed] { font-weight: 700; text-decoration: underline; }
"#;

/// The report as one HTML page.
pub fn render_html(report: &Report) -> String {
    let summary = report.summary();
    let ready = report.is_ready();
    let meta = &report.meta;
    let mut out = String::with_capacity(64 * 1024 + report.outcomes.len() * 200);
    let lang = meta.lang;
    let words = crate::words::words(lang);
    let verdict = if ready { &words.ready_title } else { &words.not_ready_title };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>valmis: {} ({} {})</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.as_str(),
        escape(verdict),
        words.round,
        escape(&meta.round)
    );
    let _ = write!(
        out,
        "<header class=\"{}\" id=\"verdict\">\n<h1>{} {}</h1>\n<p class=\"counts\">{}</p>\n\
         <p>{} {} · {} {} · {} <code>{}</code> · {} {}{} · valmis {}</p>\n</header>\n",
        if ready { "ready" } else { "not-ready" },
        if ready { "✓" } else { "✗" },
        verdict,
        escape(&crate::problems::counts_line(&summary, lang)),
        words.round_title,
        escape(&meta.round),
        words.catalog,
        escape(&meta.catalog),
        words.bundle,
        escape(&meta.bundle),
        words.now,
        escape(&meta.now),
        if meta.strict { format!(" · {}", words.strict) } else { String::new() },
        escape(&meta.tool_version)
    );
    out.push_str("<input type=\"radio\" name=\"show\" id=\"show-all\" checked hidden>\n");
    for (id, _) in &words.filters {
        let _ = writeln!(out, "<input type=\"radio\" name=\"show\" id=\"show-{id}\" hidden>");
    }
    let _ = write!(out, "<nav class=\"filter\">{} <label for=\"show-all\">{}</label>", words.show, words.filter_all);
    for (id, label) in &words.filters {
        let _ = write!(out, "<label for=\"show-{id}\">{label}</label>");
    }
    out.push_str("</nav>\n<main>\n");
    // What makes the bundle not ready (and what warns), first, each linking to its details.
    let problems: Vec<(usize, Outcome)> = report
        .outcomes
        .views()
        .enumerate()
        .filter(|(_, outcome)| outcome.is_problem())
        .map(|(index, outcome)| (index, outcome.to_outcome()))
        .collect();
    if !problems.is_empty() {
        let _ = write!(
            out,
            "<section id=\"problems\">\n<h2>{}</h2>\n<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n",
            words.problems,
            header_cells(&[
                &words.column_status,
                &words.column_requirement,
                &words.column_subject,
                &words.column_first_finding
            ])
        );
        for (index, outcome) in problems.iter().take(HTML_MAX_ROWS) {
            let (class, status) = status_of(outcome, words);
            let first = match &outcome.status {
                Status::Error(reason) => crate::words::not_evaluated_because(lang, reason),
                _ => outcome.findings.first().map(|finding| finding.message.clone()).unwrap_or_default(),
            };
            let more = outcome.findings.len().saturating_sub(1);
            let _ = writeln!(
                out,
                "<tr class=\"{class}\" data-requirement=\"{0}\"><td class=\"status\">{status}</td><td><a href=\"#o{index}\"><code>{0}</code></a></td><td>{1}</td><td>{2}{3}</td></tr>",
                escape(&outcome.requirement),
                outcome
                    .subject
                    .as_deref()
                    .map(|subject| format!("<code>{}</code>", escape(subject)))
                    .unwrap_or_default(),
                escape(&first),
                if more > 0 {
                    format!(" {}", valmis_i18n::t!(lang.as_str(), "report-and-more", count = more))
                } else {
                    String::new()
                }
            );
        }
        out.push_str("</tbody>\n</table>\n");
        if problems.len() > HTML_MAX_ROWS {
            let _ = writeln!(
                out,
                "<p class=\"more\">{}</p>",
                valmis_i18n::t!(lang.as_str(), "report-html-more-problems", count = problems.len() - HTML_MAX_ROWS)
            );
        }
        out.push_str("</section>\n");
    }
    if !report.waivers.is_empty() {
        let _ = write!(
            out,
            "<section id=\"waivers\">\n<h2>{}</h2>\n<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n",
            words.waivers_title,
            header_cells(&[
                &words.column_state,
                &words.column_requirement,
                &words.column_subject,
                &words.column_expires,
                &words.column_ticket,
                &words.column_matched,
                &words.column_reason
            ])
        );
        for waiver in &report.waivers {
            let _ = writeln!(
                out,
                "<tr class=\"waiver\"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&crate::words::waiver_state(lang, &waiver.state)),
                escape(&waiver.requirement),
                escape(&waiver.subject),
                escape(&waiver.expires),
                escape(&waiver.ticket),
                waiver.matched,
                escape(&waiver.reason)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if let Some(diff) = &report.baseline {
        let _ = writeln!(
            out,
            "<section id=\"baseline\">\n<h2>{}</h2>\n<p><code>{}</code> ({})</p>",
            words.since_title,
            escape(&diff.file),
            escape(&diff.baseline_now)
        );
        if diff.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", words.no_change_sentence);
        }
        for (heading, entries, more) in crate::problems::baseline_sections(diff, 1000, lang) {
            if entries.is_empty() {
                continue;
            }
            let _ = write!(out, "<h3>{} {}</h3>\n<ul class=\"baseline\">", entries.len() + more, escape(heading));
            for entry in entries {
                let _ = write!(out, "<li class=\"change\"><code>{}</code></li>", escape(&entry));
            }
            if more > 0 {
                let _ = write!(out, "<li class=\"change\">+{more} {}</li>", words.more_in_json);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    let mut rows = 0;
    for area in Area::ALL {
        if report.outcomes.views_of_area(area).next().is_none() {
            continue;
        }
        let _ = write!(
            out,
            "<section id=\"area-{0}\">\n<h2>{0}</h2>\n<table>\n<thead><tr>{1}</tr></thead>\n<tbody>\n",
            area.as_str(),
            header_cells(&[
                &words.column_status,
                &words.column_requirement,
                &words.column_subject,
                &words.column_details
            ])
        );
        // Problems first, so that a capped area still shows every failure: one pass over the
        // area per rank, each outcome decoded only when its row is written.
        let rank = |outcome: &valmis_model::OutcomeView<'_>| {
            if outcome.is_blocking() {
                0
            } else if outcome.is_warned() {
                1
            } else if outcome.is_skipped() {
                2
            } else {
                3
            }
        };
        let mut left = 0;
        for wanted in 0..4 {
            for (index, outcome) in report.outcomes.views_of_area(area).filter(|(_, outcome)| rank(outcome) == wanted) {
                if rows >= HTML_MAX_ROWS && wanted >= 2 {
                    left += 1;
                    continue;
                }
                rows += 1;
                row(&mut out, index, &outcome.to_outcome(), lang);
            }
        }
        out.push_str("</tbody>\n</table>\n");
        if left > 0 {
            let _ = writeln!(
                out,
                "<p class=\"more\">{}</p>",
                valmis_i18n::t!(lang.as_str(), "report-html-more-outcomes", count = left)
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// `<th>` cells of a table's header row.
fn header_cells(names: &[&str]) -> String {
    names.iter().map(|name| format!("<th>{name}</th>")).collect()
}

/// The row's class (for the filters) and its status as people read it.
fn status_of<'w>(outcome: &Outcome, words: &'w crate::words::Words) -> (&'static str, &'w str) {
    match &outcome.status {
        Status::Passed => ("passed", &words.status_passed),
        Status::Warned => ("warned", &words.status_warning),
        Status::Failed => ("failed", &words.status_failed),
        Status::Error(_) => ("error", &words.status_error),
        Status::Skipped(_) => ("skipped", &words.status_skipped),
    }
}

fn row(out: &mut String, index: usize, outcome: &Outcome, lang: valmis_model::Lang) {
    let words = crate::words::words(lang);
    let (class, status) = status_of(outcome, words);
    let _ = write!(
        out,
        "<tr class=\"{class}\" id=\"o{index}\" data-requirement=\"{}\"><td class=\"status\">{status}</td><td><code>{}</code></td><td>{}</td><td>",
        escape(&outcome.requirement),
        escape(&outcome.requirement),
        outcome.subject.as_deref().map(|subject| format!("<code>{}</code>", escape(subject))).unwrap_or_default()
    );
    match &outcome.status {
        Status::Passed => out.push_str(&escape(&outcome.title)),
        Status::Skipped(reason) => {
            let _ = write!(out, "{} — {}", escape(&outcome.title), escape(reason));
        }
        Status::Error(reason) => {
            let _ = write!(
                out,
                "<details open><summary>{}: {}</summary><p>{}</p>{}</details>",
                escape(&outcome.title),
                words.not_evaluated,
                escape(reason),
                fix(outcome, lang)
            );
        }
        Status::Failed | Status::Warned => {
            let open = if matches!(outcome.status, Status::Failed) { " open" } else { "" };
            let _ = write!(
                out,
                "<details{open}><summary>{} — {}</summary><ul class=\"findings\">",
                escape(&outcome.title),
                valmis_i18n::t!(lang.as_str(), "report-findings-count", count = outcome.findings.len())
            );
            for finding in &outcome.findings {
                finding_item(out, finding, words);
            }
            let _ = write!(out, "</ul>{}</details>", fix(outcome, lang));
        }
    }
    out.push_str("</td></tr>\n");
}

fn finding_item(out: &mut String, finding: &Finding, words: &crate::words::Words) {
    out.push_str("<li>");
    if finding.severity == valmis_model::Severity::Warning {
        let _ = write!(out, "<strong>{}:</strong> ", words.level_warning);
    }
    if let Some(location) = &finding.location {
        let _ = write!(out, "<code>{}</code> ", escape(&location.display()));
    }
    out.push_str(&escape(&finding.message));
    if let Some(snippet) = finding.location.as_ref().and_then(|location| location.snippet.as_ref()) {
        let text = &snippet.line_text;
        let start = snippet.highlight.start.min(text.len());
        let end = snippet.highlight.end.clamp(start, text.len());
        match (text.get(..start), text.get(start..end), text.get(end..)) {
            (Some(before), Some(marked), Some(after)) => {
                let _ = write!(
                    out,
                    "<pre class=\"snippet\">{}<mark>{}</mark>{}</pre>",
                    escape(before),
                    escape(marked),
                    escape(after)
                );
            }
            _ => {
                let _ = write!(out, "<pre class=\"snippet\">{}</pre>", escape(text));
            }
        }
    }
    if let Some(help) = &finding.help {
        let _ = write!(out, "<p>{}: {}</p>", words.level_help, escape(help));
    }
    out.push_str("</li>");
}

fn fix(outcome: &Outcome, lang: valmis_model::Lang) -> String {
    let reference = if outcome.reference.starts_with("https://") {
        format!("<a href=\"{0}\">{0}</a>", escape(&outcome.reference))
    } else {
        escape(&outcome.reference)
    };
    format!(
        "<p class=\"fix\"><strong>{}</strong> {}</p><p class=\"fix\">{} {reference}</p>",
        crate::words::words(lang).how_to_fix_title,
        escape(&outcome.fix),
        crate::words::words(lang).reference_title
    )
}

/// Text safe in HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
