//! `--summary-md FILE` and the GitHub step summary: the verdict, counts per area, the failed
//! requirements and their findings as Markdown, within a byte budget (GitHub shows at most
//! 1 MiB of step summary); what does not fit is counted, never silently dropped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use valmis_model::{Area, Report, Severity, Status};

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
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} valmis: {} ({} {})\n",
        if ready { "✅" } else { "❌" },
        if ready { lang.pick("ready", "valmis") } else { lang.pick("not ready", "ei valmis") },
        lang.pick("round", "kierros"),
        escape(&report.meta.round)
    );
    let _ = writeln!(
        out,
        "{} {} · {} {} · {} {}{}\n",
        lang.pick("Bundle", "Nippu"),
        code(&report.meta.bundle),
        lang.pick("catalog", "katalogi"),
        escape(&report.meta.catalog),
        lang.pick("now", "hetki"),
        escape(&report.meta.now),
        if report.meta.strict { " · strict" } else { "" }
    );
    let _ = writeln!(out, "**{}**\n", crate::problems::counts_line(&summary, lang));

    out.push_str(lang.pick(
        "| area | passed | failed | errors | skipped |\n|---|---:|---:|---:|---:|\n",
        "| alue | hyväksytty | hylätty | virheitä | ohitettu |\n|---|---:|---:|---:|---:|\n",
    ));
    for area in Area::ALL {
        let mut counts = [0usize; 4];
        for outcome in report.outcomes.iter().filter(|outcome| outcome.area == area) {
            let slot = match outcome.status {
                Status::Passed | Status::Warned => 0,
                Status::Failed => 1,
                Status::Error(_) => 2,
                Status::Skipped(_) => 3,
            };
            counts[slot] += 1;
        }
        if counts.iter().sum::<usize>() > 0 {
            let _ =
                writeln!(out, "| {} | {} | {} | {} | {} |", area.as_str(), counts[0], counts[1], counts[2], counts[3]);
        }
    }

    if !report.waivers.is_empty() {
        out.push_str(lang.pick(
            "\n### Waivers\n\n| requirement | subject | state | expires | ticket | matched | reason |\n|---|---|---|---|---|---:|---|\n",
            "\n### Poikkeusluvat\n\n| vaatimus | kohde | tila | voimassa | tiketti | osumia | syy |\n|---|---|---|---|---|---:|---|\n",
        ));
        for waiver in &report.waivers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape(&waiver.requirement),
                escape(&waiver.subject),
                waiver.state,
                waiver.expires,
                escape(&waiver.ticket),
                waiver.matched,
                escape(&waiver.reason)
            );
        }
    }

    if let Some(diff) = &report.baseline {
        let _ = writeln!(
            out,
            "\n### {}\n\n{} ({})\n",
            lang.pick("Since the baseline", "Muutokset vertailuraportista"),
            code(&diff.file),
            escape(&diff.baseline_now)
        );
        if diff.is_empty() {
            out.push_str(lang.pick("No change.\n", "Ei muutoksia.\n"));
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
                let _ = writeln!(
                    out,
                    "- +{more} {}",
                    lang.pick("more (see the JSON report)", "lisää (katso JSON-raportti)")
                );
            }
            out.push('\n');
        }
    }

    // Requirements with a blocking outcome, then those with warnings only.
    let mut failing: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    let mut warned: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    for outcome in &report.outcomes {
        let target = match outcome.status {
            Status::Failed | Status::Error(_) => &mut failing,
            Status::Warned => &mut warned,
            Status::Passed | Status::Skipped(_) => continue,
        };
        let entry = target.entry(outcome.requirement.as_str()).or_insert((outcome.title.as_ref(), 0, 0));
        entry.1 += 1;
        entry.2 += outcome.findings.len().max(1);
    }
    let headings = [
        (lang.pick("Not ready because of", "Ei valmis, koska"), &failing),
        (lang.pick("Warnings", "Varoitukset"), &warned),
    ];
    for (heading, table) in headings {
        if table.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n### {heading}\n\n{}\n|---|---|---:|---:|",
            lang.pick(
                "| requirement | title | subjects | findings |",
                "| vaatimus | otsikko | kohteita | havaintoja |"
            )
        );
        for (id, (title, subjects, findings)) in table {
            let _ = writeln!(out, "| {id} | {} | {subjects} | {findings} |", escape(title));
        }
    }

    let all = problems(report, options);
    if !all.is_empty() {
        out.push_str(lang.pick("\n### Findings\n\n", "\n### Havainnot\n\n"));
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
                match lang {
                    valmis_model::Lang::En => format!(
                        "**+{} more findings** are not listed here (the summary is kept under {} KiB); the JUnit and JSON reports list every one.",
                        all.len() - listed,
                        budget / 1024
                    ),
                    valmis_model::Lang::Fi => format!(
                        "**+{} havaintoa lisää** jäi tästä pois (yhteenveto pidetään alle {} KiB:n); JUnit- ja JSON-raportit listaavat kaikki.",
                        all.len() - listed,
                        budget / 1024
                    ),
                }
            );
        }
    }
    out
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
