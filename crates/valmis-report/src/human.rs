//! Terminal output for people: outcomes grouped by area, each failure with its findings as
//! `path:line:col` and a source snippet (annotate-snippets), skipped requirements folded by
//! reason, and the closing count line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use valmis_model::{Area, Finding, Outcome, Report, Severity, Status};

use crate::words::Words;

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    /// Emit ANSI colours.
    pub color: bool,
    /// List every passed outcome, not just counts.
    pub verbose: bool,
}

/// The human report, ending with the `N passed, N failed, N skipped` line.
pub fn render_human(report: &Report, options: HumanOptions) -> String {
    let paint = |style: Style, text: &str| {
        if options.color { format!("{}{text}{}", style.render(), style.render_reset()) } else { text.to_owned() }
    };
    let bold = Style::new().bold();
    let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
    let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let yellow = Style::new().fg_color(Some(AnsiColor::Yellow.into()));
    let dim = Style::new().dimmed();
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };

    let mut out = String::new();
    let meta = &report.meta;
    let lang = meta.lang;
    let words = crate::words::words(lang);
    let _ = writeln!(
        out,
        "{}",
        paint(
            dim,
            &format!(
                "valmis {} · {} {} ({} {}) · {} {} · {} {}",
                meta.tool_version,
                words.round,
                meta.round,
                meta.catalog,
                words.catalog,
                words.bundle,
                meta.bundle,
                words.now,
                meta.now
            )
        )
    );
    for area in Area::ALL {
        if report.outcomes.views_of_area(area).next().is_none() {
            continue;
        }
        let _ = writeln!(out, "\n{}", paint(bold, area.as_str()));
        let mut passed = 0;
        let mut skipped: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (_, view) in report.outcomes.views_of_area(area) {
            // Passed and skipped outcomes are counted and named without decoding them.
            if view.is_passed() && !view.is_warned() {
                passed += 1;
                if options.verbose {
                    let _ = writeln!(out, "  {} {}", paint(green, &words.status_ok), view.test_name());
                }
                continue;
            }
            if view.is_skipped() {
                skipped.entry(view.reason().unwrap_or_default()).or_default().push(view.test_name());
                continue;
            }
            let outcome = &view.to_outcome();
            match &outcome.status {
                Status::Passed | Status::Skipped(_) => {}
                Status::Warned => {
                    let _ = writeln!(out, "  {} {}", paint(yellow, &words.status_warn), outcome.test_name());
                    render_findings(&mut out, &renderer, outcome, options.color, words);
                }
                Status::Failed => {
                    let _ = writeln!(
                        out,
                        "  {} {} — {}",
                        paint(red, &words.status_fail),
                        outcome.test_name(),
                        outcome.title
                    );
                    render_findings(&mut out, &renderer, outcome, options.color, words);
                    let _ =
                        writeln!(out, "       {} {}", paint(bold, &words.fix_label), outcome.fix.replace('\n', " "));
                    let _ = writeln!(out, "       {} {}", paint(bold, &words.see_label), outcome.reference);
                }
                Status::Error(reason) => {
                    let _ = writeln!(
                        out,
                        "  {} {}: {}: {reason}",
                        paint(red, &words.status_error),
                        outcome.test_name(),
                        words.not_evaluated
                    );
                }
            }
        }
        if passed > 0 && !options.verbose {
            let _ = writeln!(
                out,
                "  {} {}",
                paint(green, &words.status_ok),
                valmis_i18n::t!(lang.as_str(), "report-area-passed", count = passed)
            );
        }
        for (reason, names) in skipped {
            let _ = writeln!(out, "  {} {}: {}", paint(dim, &words.status_skip), names.join(", "), paint(dim, reason));
        }
    }
    if !report.waivers.is_empty() {
        let _ = writeln!(out, "\n{}", paint(bold, &words.waivers));
        for waiver in &report.waivers {
            let line = valmis_i18n::t!(
                lang.as_str(),
                "report-waiver-line",
                requirement = &waiver.requirement,
                subject = &waiver.subject,
                expires = &waiver.expires,
                ticket = &waiver.ticket,
                reason = &waiver.reason,
                matched = waiver.matched
            );
            let state = crate::words::waiver_state(lang, &waiver.state);
            let _ = writeln!(out, "  {} {line}", paint(if waiver.state == "active" { yellow } else { red }, &state));
        }
    }
    if let Some(diff) = &report.baseline {
        let _ = writeln!(out, "\n{}", paint(bold, &format!("{} {} ({})", words.since, diff.file, diff.baseline_now)));
        if diff.is_empty() {
            let _ = writeln!(out, "  {}", words.no_change);
        }
        for (heading, entries, more) in crate::problems::baseline_sections(diff, 20, lang) {
            if entries.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {heading}: {}", entries.len() + more);
            for entry in entries {
                let _ = writeln!(out, "    {entry}");
            }
            if more > 0 {
                let _ = writeln!(out, "    +{more} {}", words.more_in_json);
            }
        }
    }
    let summary = report.summary();
    let verdict = if report.is_ready() {
        paint(Style::new().fg_color(Some(AnsiColor::Green.into())).bold(), &words.verdict_ready)
    } else if !report.checked_anything() {
        paint(red, &words.verdict_unchecked)
    } else {
        let blocking = report.outcomes.views().filter(|outcome| outcome.is_blocking()).count();
        let text = valmis_i18n::t!(lang.as_str(), "report-verdict-blocking", count = blocking);
        paint(red, &text)
    };
    let _ = writeln!(out, "\n{verdict}");
    let _ = writeln!(out, "{}", summary.closing_line());
    out
}

fn render_findings(out: &mut String, renderer: &Renderer, outcome: &Outcome, color: bool, words: &Words) {
    for finding in &outcome.findings {
        // A unified diff (harness mismatches) is printed as it is, coloured, not as a help line.
        let diff = finding.help.as_deref().filter(|help| help.starts_with("--- expected"));
        let mut plain = finding.clone();
        if diff.is_some() {
            plain.help = None;
        }
        let rendered = render_finding(renderer, &outcome.requirement, &plain, words);
        for line in rendered.lines() {
            let _ = writeln!(out, "       {line}");
        }
        for line in diff.unwrap_or_default().lines() {
            let style = match line.chars().next() {
                Some('+') if !line.starts_with("+++") => Style::new().fg_color(Some(AnsiColor::Green.into())),
                Some('-') if !line.starts_with("---") => Style::new().fg_color(Some(AnsiColor::Red.into())),
                Some('@') => Style::new().fg_color(Some(AnsiColor::Cyan.into())),
                _ => Style::new(),
            };
            if color {
                let _ = writeln!(out, "         {}{line}{}", style.render(), style.render_reset());
            } else {
                let _ = writeln!(out, "         {line}");
            }
        }
    }
}

fn render_finding(renderer: &Renderer, requirement: &str, finding: &Finding, words: &Words) -> String {
    let level = if finding.severity == Severity::Warning {
        Level::WARNING.with_name(words.level_warning.as_str())
    } else {
        Level::ERROR.with_name(words.level_error.as_str())
    };
    let title = level.primary_title(finding.message.as_str()).id(requirement);
    let mut group = Group::with_title(title);
    let location = finding.location.as_ref();
    let path = location.map(|location| location.path.as_str());
    match (location.and_then(|location| location.snippet.as_ref()), location.and_then(|location| location.line)) {
        (Some(snippet), Some(line)) => {
            group = group.element(
                Snippet::source(snippet.line_text.as_str())
                    .line_start(line as usize)
                    .path(path.unwrap_or_default())
                    .annotation(AnnotationKind::Primary.span(snippet.highlight.clone())),
            );
        }
        _ => {
            if let Some(location) = location {
                group = group.element(Level::NOTE.message(valmis_i18n::t!(
                    words.lang.as_str(),
                    "report-at",
                    place = location.display()
                )));
            }
        }
    }
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.with_name(words.level_help.as_str()).message(help.as_str()));
    }
    renderer.render(&[group])
}
