//! A report with 100,000 findings stays within each consumer's limits, says explicitly how many
//! it left out of the capped sinks, and drops nothing from JUnit and JSON.

use valmis_model::{Area, Finding, Location, Outcome, Report, ReportMeta, Severity, Status};
use valmis_report::PathOptions;

const OUTCOMES: usize = 20_000;
const PER_OUTCOME: usize = 5;
const TOTAL: usize = OUTCOMES * PER_OUTCOME;

fn huge_report() -> Report {
    let outcomes = (0..OUTCOMES)
        .map(|index| {
            // Every tenth outcome only warns, so both annotation types are in play.
            let warned = index % 10 == 9;
            let severity = if warned { Severity::Warning } else { Severity::Error };
            let path = format!("nippu/documents/asiakirja-{index:05}.xml");
            let findings = (0..PER_OUTCOME)
                .map(|n| {
                    Finding::new(severity, format!("löydös {index}/{n} -loppu: /ClinicalDocument/id/@root ei ole OID"))
                        .at(Location::line_column(path.clone(), 10 + n as u32, 5))
                })
                .collect();
            Outcome {
                requirement: format!("DOC-OID-{}", index % 7),
                area: Area::Documents,
                title: "Document identifiers are OIDs".into(),
                severity: Severity::Error,
                fix: "Use OIDs under your organisation's arc.".into(),
                reference: "https://www.kanta.fi/jarjestelmakehittajat".into(),
                subject: Some(format!("documents/asiakirja-{index:05}.xml")),
                file: Some(path),
                line: Some(10),
                status: if warned { Status::Warned } else { Status::Failed },
                findings,
                reruns: Vec::new(),
                time_us: None,
            }
        })
        .collect();
    let mut report = Report {
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
        outcomes,
        waivers: Vec::new(),
        baseline: None,
    };
    report.sort();
    report
}

/// The number in `+N more` of `text`.
fn more(text: &str) -> usize {
    let at = text.find('+').expect("a +N more note");
    text[at + 1..].split(|c: char| !c.is_ascii_digit()).next().expect("digits").parse().expect("N")
}

#[test]
fn a_hundred_thousand_findings_stay_within_every_consumers_limits() {
    let report = huge_report();
    let paths = PathOptions::default();

    // GitHub annotations: 10 per type, worst first, then one notice with the rest.
    let annotations = valmis_report::render_github_annotations(&report, &paths);
    let lines: Vec<&str> = annotations.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), 10);
    assert_eq!(lines.iter().filter(|l| l.starts_with("::warning ")).count(), 10);
    assert!(lines[..10].iter().all(|l| l.starts_with("::error ")), "errors first");
    let notice = lines.last().expect("notice");
    assert!(notice.starts_with("::notice "), "{notice}");
    assert_eq!(more(notice.split("::").nth(2).expect("message")), TOTAL - 20);

    // Markdown step summary: under 1 MiB, and what is not listed is counted.
    let summary = valmis_report::render_markdown(&report, &paths);
    assert!(summary.len() <= 1024 * 1024, "{} bytes", summary.len());
    let listed = summary.lines().filter(|l| l.starts_with("- ❌ **") || l.starts_with("- ⚠️ **")).count();
    assert!(listed > 1000, "the summary lists what fits ({listed})");
    let note = summary.lines().find(|l| l.contains("more findings")).expect("+N more findings");
    assert_eq!(listed + more(note), TOTAL);

    // GitLab Code Quality: under 30 MB, the last issue counts the rest.
    let codequality = valmis_report::render_codequality(&report, &paths);
    assert!(codequality.len() < 30_000_000, "{} bytes", codequality.len());
    let issues: serde_json::Value = serde_json::from_str(&codequality).expect("Code Quality parses");
    let issues = issues.as_array().expect("array");
    let last = issues.last().expect("issues");
    assert_eq!(last["check_name"], "valmis-more");
    assert_eq!(issues.len() - 1 + more(last["description"].as_str().expect("description")), TOTAL);

    // SARIF: at most what code scanning accepts, the rest counted in a notification.
    let sarif: serde_json::Value =
        serde_json::from_str(&valmis_report::render_sarif(&report, &paths)).expect("SARIF parses");
    let results = sarif["runs"][0]["results"].as_array().expect("results").len();
    assert_eq!(results, valmis_report::SARIF_MAX_RESULTS);
    let notification = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
    assert_eq!(results + more(notification.as_str().expect("notification")), TOTAL);

    // JUnit and JSON: every finding, none dropped.
    let junit = String::from_utf8(valmis_report::render_junit(&report).expect("JUnit")).expect("UTF-8");
    // One `path:line:col: message` line per finding (the body's first line is the message).
    let bodies =
        junit.lines().filter(|l| l.contains(".xml:1") && l.contains(": löydös ") && l.contains(" -loppu")).count();
    assert_eq!(bodies, TOTAL, "every finding in a JUnit failure body or system-out");
    let json: serde_json::Value = serde_json::from_str(&valmis_report::render_json(&report)).expect("JSON");
    let findings: usize = json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .map(|o| o["findings"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(findings, TOTAL);
}

#[test]
fn a_flood_of_findings_and_a_309_kb_message_are_summarised_in_every_sink() {
    // Issue 16 (11): 200,000 unknown columns gave 97 MB of terminal output; a certificate with
    // 20,000 names gave one 309 KB line. Report::make_safe, the one pass before every sink, keeps
    // 50 findings per outcome and one that counts the rest, and cuts a text at 2,000 characters.
    let mut report = huge_report();
    let mut two: Vec<Outcome> = report.outcomes.iter().take(2).collect();
    let path = "nippu/pretest/report.csv";
    two[0].findings = (0..200_000)
        .map(|n| {
            Finding::new(Severity::Warning, format!("unknown column `sarake{n}`")).at(Location::line_column(
                path,
                1,
                10 + n as u32,
            ))
        })
        .collect();
    let names: Vec<String> = (0..20_000).map(|n| format!("DNS:palvelin-{n:05}.esimerkki-terveys.fi")).collect();
    two[1].findings = vec![Finding::new(Severity::Error, format!("names {}", names.join(", ")))];
    assert!(two[1].findings[0].message.len() > 300_000);
    report.outcomes = two.into();
    report.make_safe();
    let safe: Vec<Outcome> = report.outcomes.iter().collect();
    let flood = &safe[0].findings;
    assert_eq!(flood.len(), valmis_model::safe::MAX_FINDINGS_PER_OUTCOME + 1);
    let last = flood.last().expect("summary");
    assert_eq!(more(&last.message), 200_000 - valmis_model::safe::MAX_FINDINGS_PER_OUTCOME, "{}", last.message);
    let long = &safe[1].findings[0].message;
    assert!(long.chars().count() < valmis_model::safe::MAX_TEXT_CHARS + 60, "{} chars", long.chars().count());
    assert!(long.ends_with(" more characters not shown)"), "{long}");
    // Made safe twice is made safe once.
    let again = {
        let mut copy = report.clone();
        copy.make_safe();
        copy
    };
    assert!(again == report, "make_safe is idempotent");

    let paths = PathOptions::default();
    let human = valmis_report::render_human(&report, valmis_report::HumanOptions { color: false, verbose: false });
    let junit = String::from_utf8(valmis_report::render_junit(&report).expect("JUnit")).expect("UTF-8");
    for (sink, text, limit) in [
        ("terminal", human, 64 * 1024),
        ("JUnit", junit, 64 * 1024),
        ("JSON", valmis_report::render_json(&report), 64 * 1024),
        ("SARIF", valmis_report::render_sarif(&report, &paths), 128 * 1024),
        ("Code Quality", valmis_report::render_codequality(&report, &paths), 64 * 1024),
        ("Markdown", valmis_report::render_markdown(&report, &paths), 64 * 1024),
        ("HTML", valmis_report::render_html(&report), 128 * 1024),
    ] {
        assert!(text.len() < limit, "{sink}: {} bytes", text.len());
        assert!(text.contains("199950 more findings"), "{sink}: the rest is counted");
        let longest = text.lines().map(str::len).max().unwrap_or_default();
        assert!(longest < 16 * 1024, "{sink}: a line of {longest} bytes");
    }
}
