//! Terminal output for people: outcomes grouped by area, each failure with its findings as
//! `path:line:col` and a source snippet (annotate-snippets), skipped requirements folded by
//! reason, and the closing count line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use valmis_model::{Area, Finding, Outcome, Report, Severity, Status};

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
    let _ = writeln!(
        out,
        "{}",
        paint(
            dim,
            &format!(
                "valmis {} · {} {} ({} {}) · {} {} · {} {}",
                meta.tool_version,
                lang.pick("round", "kierros"),
                meta.round,
                meta.catalog,
                lang.pick("catalog", "katalogi"),
                lang.pick("bundle", "nippu"),
                meta.bundle,
                lang.pick("now", "hetki"),
                meta.now
            )
        )
    );
    for area in Area::ALL {
        let outcomes: Vec<&Outcome> = report.outcomes.iter().filter(|outcome| outcome.area == area).collect();
        if outcomes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", paint(bold, area.as_str()));
        let mut passed = 0;
        let mut skipped: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for outcome in outcomes {
            match &outcome.status {
                Status::Passed => {
                    passed += 1;
                    if options.verbose {
                        let _ = writeln!(out, "  {} {}", paint(green, "ok"), outcome.test_name());
                    }
                }
                Status::Warned => {
                    let _ = writeln!(out, "  {} {}", paint(yellow, "warn"), outcome.test_name());
                    render_findings(&mut out, &renderer, outcome, options.color);
                }
                Status::Failed => {
                    let _ = writeln!(out, "  {} {} — {}", paint(red, "FAIL"), outcome.test_name(), outcome.title);
                    render_findings(&mut out, &renderer, outcome, options.color);
                    let _ = writeln!(
                        out,
                        "       {} {}",
                        paint(bold, lang.pick("fix:", "korjaus:")),
                        outcome.fix.replace('\n', " ")
                    );
                    let _ = writeln!(out, "       {} {}", paint(bold, lang.pick("see:", "lähde:")), outcome.reference);
                }
                Status::Error(reason) => {
                    let _ = writeln!(
                        out,
                        "  {} {}: {}: {reason}",
                        paint(red, "ERROR"),
                        outcome.test_name(),
                        lang.pick("could not be evaluated", "ei voitu arvioida")
                    );
                }
                Status::Skipped(reason) => skipped.entry(reason.as_str()).or_default().push(outcome.test_name()),
            }
        }
        if passed > 0 && !options.verbose {
            let _ = writeln!(out, "  {} {passed} passed", paint(green, "ok"));
        }
        for (reason, names) in skipped {
            let _ = writeln!(out, "  {} {}: {}", paint(dim, "skip"), names.join(", "), paint(dim, reason));
        }
    }
    if !report.waivers.is_empty() {
        let _ = writeln!(out, "\n{}", paint(bold, lang.pick("waivers", "poikkeusluvat")));
        for waiver in &report.waivers {
            let _ = writeln!(
                out,
                "  {} {} {} until {} ({}): {} — matched {}",
                paint(if waiver.state == "active" { yellow } else { red }, &waiver.state),
                waiver.requirement,
                waiver.subject,
                waiver.expires,
                waiver.ticket,
                waiver.reason,
                waiver.matched
            );
        }
    }
    if let Some(diff) = &report.baseline {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                bold,
                &format!(
                    "{} {} ({})",
                    lang.pick("since", "muutokset vertailuraportista"),
                    diff.file,
                    diff.baseline_now
                )
            )
        );
        if diff.is_empty() {
            let _ = writeln!(out, "  {}", lang.pick("no change", "ei muutoksia"));
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
                let _ = writeln!(
                    out,
                    "    +{more} {}",
                    lang.pick("more (see the JSON report)", "lisää (katso JSON-raportti)")
                );
            }
        }
    }
    let summary = report.summary();
    let verdict = if report.is_ready() {
        paint(
            Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
            lang.pick("ready: no blocking finding", "valmis: ei estäviä havaintoja"),
        )
    } else if !report.checked_anything() {
        paint(
            red,
            lang.pick(
                "not ready: no requirement was checked (every one was skipped, see the reasons above)",
                "ei valmis: yhtään vaatimusta ei tarkistettu (kaikki ohitettiin, katso syyt yllä)",
            ),
        )
    } else {
        let blocking = report.outcomes.iter().filter(|outcome| outcome.status.is_blocking()).count();
        let text = match lang {
            valmis_model::Lang::Fi => format!("ei valmis: {blocking} estävää tulosta"),
            valmis_model::Lang::En => {
                format!("not ready: {blocking} blocking outcome{}", if blocking == 1 { "" } else { "s" })
            }
        };
        paint(red, &text)
    };
    let _ = writeln!(out, "\n{verdict}");
    let _ = writeln!(out, "{}", summary.closing_line());
    out
}

fn render_findings(out: &mut String, renderer: &Renderer, outcome: &Outcome, color: bool) {
    for finding in &outcome.findings {
        // A unified diff (harness mismatches) is printed as it is, coloured, not as a help line.
        let diff = finding.help.as_deref().filter(|help| help.starts_with("--- expected"));
        let mut plain = finding.clone();
        if diff.is_some() {
            plain.help = None;
        }
        let rendered = render_finding(renderer, &outcome.requirement, &plain);
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

fn render_finding(renderer: &Renderer, requirement: &str, finding: &Finding) -> String {
    let level = if finding.severity == Severity::Warning { Level::WARNING } else { Level::ERROR };
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
                group = group.element(Level::NOTE.message(format!("at {}", location.display())));
            }
        }
    }
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}
