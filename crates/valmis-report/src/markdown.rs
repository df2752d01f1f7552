//! `--summary-md FILE` and the GitHub step summary: the verdict, counts per area, the failed
//! requirements and their findings as Markdown, within a byte budget (GitHub shows at most
//! 1 MiB of step summary); what does not fit is counted, never silently dropped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use valmis_model::{Area, Report, Severity};

use crate::problems::{PathOptions, problems};

/// GitHub's step summary limit is 1 MiB per step; this leaves room for other steps' lines.
pub const SUMMARY_MAX_BYTES: usize = 1024 * 1024 - 16 * 1024;

/// The Markdown summary, at most `SUMMARY_MAX_BYTES` long.
pub fn render_markdown(report: &Report, options: &PathOptions) -> String {
    render_markdown_within(report, options, SUMMARY_MAX_BYTES)
}

/// The Markdown summary, at most `budget` bytes long (not less than 4 KiB).
pub fn render_markdown_within(report: &Report, options: &PathOptions, budget: usize) -> String {
    let budget = budget.max(4096);
    let summary = report.summary();
    let ready = report.is_ready();
    let lang = report.meta.lang;
    let words = crate::words::words(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} valmis: {} ({} {})\n",
        if ready { "✅" } else { "❌" },
        if ready { &words.ready } else { &words.not_ready },
        words.round,
        escape(&report.meta.round)
    );
    let _ = writeln!(
        out,
        "{} {} · {} {} · {} {}{}\n",
        words.bundle_title,
        code(&report.meta.bundle),
        words.catalog,
        escape(&report.meta.catalog),
        words.now,
        escape(&report.meta.now),
        if report.meta.strict { format!(" · {}", words.strict) } else { String::new() }
    );
    let _ = writeln!(out, "**{}**\n", crate::problems::counts_line(&summary, lang));

    let _ = writeln!(
        out,
        "{}\n|---|---:|---:|---:|---:|",
        table_header(&[
            &words.column_area,
            &words.column_passed,
            &words.column_failed,
            &words.column_errors,
            &words.column_skipped
        ])
    );
    for area in Area::ALL {
        let mut counts = [0usize; 4];
        for (_, outcome) in report.outcomes.views_of_area(area) {
            let slot = if outcome.is_passed() {
                0
            } else if outcome.is_error() {
                2
            } else if outcome.is_skipped() {
                3
            } else {
                1
            };
            counts[slot] += 1;
        }
        if counts.iter().sum::<usize>() > 0 {
            let _ =
                writeln!(out, "| {} | {} | {} | {} | {} |", area.as_str(), counts[0], counts[1], counts[2], counts[3]);
        }
    }

    if !report.waivers.is_empty() {
        let _ = writeln!(
            out,
            "\n### {}\n\n{}\n|---|---|---|---|---|---:|---|",
            words.waivers_title,
            table_header(&[
                &words.column_requirement,
                &words.column_subject,
                &words.column_state,
                &words.column_expires,
                &words.column_ticket,
                &words.column_matched,
                &words.column_reason
            ])
        );
        for waiver in &report.waivers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape(&waiver.requirement),
                escape(&waiver.subject),
                crate::words::waiver_state(lang, &waiver.state),
                waiver.expires,
                escape(&waiver.ticket),
                waiver.matched,
                escape(&waiver.reason)
            );
        }
    }

    if let Some(diff) = &report.baseline {
        let _ = writeln!(out, "\n### {}\n\n{} ({})\n", words.since_title, code(&diff.file), escape(&diff.baseline_now));
        if diff.is_empty() {
            let _ = writeln!(out, "{}", words.no_change_sentence);
        }
        for (heading, entries, more) in crate::problems::baseline_sections(diff, 200, lang) {
            if entries.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{} {heading}**\n", entries.len() + more);
            for entry in entries {
                let _ = writeln!(out, "- {}", escape(&entry));
            }
            if more > 0 {
                let _ = writeln!(out, "- +{more} {}", words.more_in_json);
            }
            out.push('\n');
        }
    }

    // Requirements with a blocking outcome, then those with warnings only.
    let mut failing: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    let mut warned: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    for outcome in report.outcomes.views() {
        let target = if outcome.is_blocking() {
            &mut failing
        } else if outcome.is_warned() {
            &mut warned
        } else {
            continue;
        };
        let entry = target.entry(outcome.requirement()).or_insert((outcome.texts()[0], 0, 0));
        entry.1 += 1;
        entry.2 += outcome.to_outcome().findings.len().max(1);
    }
    let headings = [(&words.not_ready_because, &failing), (&words.warnings_title, &warned)];
    for (heading, table) in headings {
        if table.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n### {heading}\n\n{}\n|---|---|---:|---:|",
            table_header(&[
                &words.column_requirement,
                &words.column_title,
                &words.column_subjects,
                &words.column_findings
            ])
        );
        for (id, (title, subjects, findings)) in table {
            let _ = writeln!(out, "| {id} | {} | {subjects} | {findings} |", escape(title));
        }
    }

    let outcomes = crate::problems::problem_outcomes(report);
    let all = problems(report, &outcomes, options);
    if !all.is_empty() {
        let _ = write!(out, "\n### {}\n\n", words.findings_title);
        let mut listed = 0;
        for problem in &all {
            let place = match (&problem.artifact, problem.line, problem.column) {
                (Some(path), Some(line), Some(column)) if problem.cell.is_none() && problem.inner.is_none() => {
                    format!("{path}:{line}:{column}")
                }
                (Some(path), Some(line), None) if problem.cell.is_none() && problem.inner.is_none() => {
                    format!("{path}:{line}")
                }
                (Some(path), ..) => path.clone(),
                (None, ..) => String::new(),
            };
            let marker = if problem.severity == Severity::Warning { "⚠️" } else { "❌" };
            let line = format!(
                "- {marker} **{}** {} {}\n",
                problem.outcome.requirement,
                code(&place),
                escape(&problem.text())
            );
            // Room for the closing "+N more" line.
            if out.len() + line.len() + 256 > budget {
                break;
            }
            out.push_str(&line);
            listed += 1;
        }
        if listed < all.len() {
            let _ = writeln!(
                out,
                "\n{}",
                valmis_i18n::t!(
                    lang.as_str(),
                    "report-md-more-findings",
                    count = all.len() - listed,
                    kib = budget / 1024
                )
            );
        }
    }
    out
}

/// A table's header row: `| a | b |`.
fn table_header(names: &[&str]) -> String {
    let mut row = String::from("|");
    for name in names {
        let _ = write!(row, " {name} |");
    }
    row
}

/// Text safe inside a Markdown table cell or list item: no HTML, no table breaks, no emphasis.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` as a CommonMark code span, shown as it is: fenced with one backtick more than its
/// longest run of backticks, and padded with a space where it starts or ends with one (a path
/// may hold backticks; they used to be shown as `'`).
fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod code_span_tests {
    #[test]
    fn a_backtick_in_a_path_is_shown_as_it_is() {
        // Issue 17 (8): a path with a backtick was shown with `'` instead.
        assert_eq!(super::code("documents/a.xml"), "`documents/a.xml`");
        assert_eq!(super::code("evidence/`tausta`.txt"), "``evidence/`tausta`.txt``");
        assert_eq!(super::code("`alku"), "`` `alku ``");
        assert_eq!(super::code("a``b"), "```a``b```");
    }
}
