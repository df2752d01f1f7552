//! `valmis requirements` (the round's requirements, or the pre-test coverage of a bundle) and
//! `valmis explain ID` (a requirement or a pre-test case, with the round's data).

use crate::terminal::say;

use anyhow::Context as _;
use valmis_model::{Catalog, Lang};

use crate::args::{ExplainArgs, RequirementsArgs};
use crate::common::{load_catalogs, pick_round, usage};
use crate::exit;

pub(crate) fn requirements(args: RequirementsArgs, lang: Lang) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    if let Some(bundle) = &args.coverage {
        return crate::coverage::show(bundle, &catalogs, args.service.as_deref(), args.json);
    }
    let catalog = pick_round(&catalogs, args.round.as_deref())?;
    if let Some(service) = &args.service
        && catalog.service(service).is_none()
    {
        let known: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
        return Err(usage(format!("unknown service `{service}`; services are {}", known.join(", "))));
    }
    // An alias (Kela's name since 5/2024) stands for its service id.
    let service = args.service.as_deref().and_then(|service| catalog.service(service)).map(|known| known.id.as_str());
    let submission = match &args.kind {
        None => None,
        Some(kind) => {
            let role = args.role.as_deref().unwrap_or("vendor");
            let parsed = valmis_model::AppliesTo::parse_entry(&format!("{kind}/{role}")).map_err(usage)?;
            Some((parsed.0, parsed.1.unwrap_or(valmis_model::Role::Vendor)))
        }
    };
    let listed: Vec<&valmis_model::Requirement> = catalog
        .requirements
        .iter()
        .filter(|r| service.is_none_or(|s| r.services.is_empty() || r.services.iter().any(|id| id == s)))
        .filter(|r| submission.is_none_or(|(kind, role)| r.applies_to.includes(kind, role)))
        .collect();
    let rows: Vec<[String; 6]> = listed
        .iter()
        .map(|r| {
            let services = if r.services.is_empty() { "all".to_owned() } else { r.services.join(",") };
            let submissions =
                if r.applies_to.is_everything() { "all".to_owned() } else { r.applies_to.entries().join(",") };
            [
                r.id.clone(),
                r.area.as_str().to_owned(),
                r.severity.as_str().to_owned(),
                services,
                submissions,
                r.texts(lang).0.to_owned(),
            ]
        })
        .collect();
    let headers = ["ID", "AREA", "SEVERITY", "SERVICES", "SUBMISSIONS", "TITLE"];
    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|row| row[i].chars().count()).chain([headers[i].len()]).max().unwrap_or(0))
        .collect();
    if args.json {
        say!("{}", serde_json::to_string_pretty(&listed).context("requirements as JSON")?);
        return Ok(exit::READY);
    }
    if args.markdown {
        say!("{}", markdown_table(&rows, headers));
        return Ok(exit::READY);
    }
    say!("Round {}: {} ({} catalog)\n", catalog.round.id, catalog.round.title, catalogs.origin);
    let print_row = |cells: [&str; 6]| {
        let mut line = String::new();
        for (index, cell) in cells.iter().enumerate() {
            match widths.get(index) {
                Some(width) => line.push_str(&format!("{cell:<width$}  ")),
                None => line.push_str(cell),
            }
        }
        say!("{line}");
    };
    print_row(headers);
    for row in &rows {
        print_row([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]]);
    }
    say!("\n{} requirements. `valmis explain ID` tells more about one.", rows.len());
    Ok(exit::READY)
}

/// The requirements as a Markdown table with their count, as docs/requirements.md shows them.
fn markdown_table(rows: &[[String; 6]], headers: [&str; 6]) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut table = format!("| {} |\n|{}\n", headers.join(" | ").to_lowercase(), "---|".repeat(headers.len()));
    for row in rows {
        let cells: Vec<String> =
            row.iter().enumerate().map(|(i, text)| if i == 0 { format!("`{text}`") } else { cell(text) }).collect();
        table.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    table.push_str(&format!("\n{} requirements.", rows.len()));
    table
}

pub(crate) fn explain(args: ExplainArgs, lang: Lang) -> anyhow::Result<()> {
    let catalogs = load_catalogs(&args.catalog)?;
    let catalog = pick_round(&catalogs, args.round.as_deref())?;
    // A JUnit test case name pasted as it is: `PRETEST-RESULT: PA-03` or
    // `DOC-OID: documents/a.xml` explains the requirement, and the pre-test case when there is one.
    let (id, subject) = match args.id.split_once(':') {
        Some((id, subject)) => (id.trim(), Some(subject.trim())),
        None => (args.id.trim(), None),
    };
    let wanted = id.to_ascii_uppercase();
    if catalog.requirement(&wanted).is_none()
        && let Some(case) = catalog.pretest_case(id)
    {
        return explain_case(catalog, case, catalogs.origin == "embedded");
    }
    let Some(requirement) = catalog.requirement(&wanted) else {
        let near = catalog
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| id.contains(&wanted) || wanted.contains(id.split('-').next().unwrap_or_default()))
            .collect::<Vec<_>>();
        let hint = if near.is_empty() { String::new() } else { format!("; similar: {}", near.join(", ")) };
        return Err(usage(format!(
            "no requirement `{}` in round {}{hint} (`valmis requirements` lists them)",
            id, catalog.round.id
        )));
    };
    let case = subject.and_then(|subject| catalog.pretest_case(subject));
    let services = if requirement.services.is_empty() {
        lang.pick("every service", "kaikki palvelut").to_owned()
    } else {
        requirement.services.join(", ")
    };
    let submissions = if requirement.applies_to.is_everything() {
        lang.pick("every kind", "kaikki lajit").to_owned()
    } else {
        requirement.applies_to.entries().join(", ")
    };
    let (title, explanation, fix) = requirement.texts(lang);
    say!("{} — {title}\n", requirement.id);
    say!(
        "{}: {}    {}: {}    {}: {services}    {}: {submissions}\n",
        lang.pick("area", "alue"),
        requirement.area.as_str(),
        lang.pick("severity", "vakavuus"),
        requirement.severity.as_str(),
        lang.pick("services", "palvelut"),
        lang.pick("submissions", "lähetykset")
    );
    say!("{}\n{}\n", lang.pick("What it checks and why:", "Mitä tarkistetaan ja miksi:"), indent(explanation));
    say!("{}\n{}\n", lang.pick("How to fix a failure:", "Näin korjaat:"), indent(fix));
    explain_round_data(catalog, &requirement.id, lang);
    say!("{}: {}", lang.pick("Reference", "Lähde"), requirement.reference);
    // The built-in catalog is not a file the user has: name the round, and how to see its data.
    if catalogs.origin == "embedded" {
        say!(
            "{}: {} {} ({})",
            lang.pick("Catalog", "Katalogi"),
            lang.pick("built into valmis, round", "valmisiin sisäänrakennettu, kierros"),
            catalog.round.id,
            lang.pick("`valmis requirements` lists it", "`valmis requirements` listaa sen")
        );
    } else {
        say!(
            "{}: {} ({} {})",
            lang.pick("Catalog", "Katalogi"),
            catalog.source,
            lang.pick("round", "kierros"),
            catalog.round.id
        );
    }
    if let Some(case) = case {
        say!();
        explain_case(catalog, case, catalogs.origin == "embedded")?;
    }
    Ok(())
}

/// The catalog data a requirement judges by, so that `explain` shows the rule's actual values.
fn explain_round_data(catalog: &Catalog, id: &str, lang: Lang) {
    let round = &catalog.round;
    let lists: Vec<(&str, Vec<String>)> = match id {
        "CERT-ISSUER" => vec![
            ("test_ca_names", round.test_ca_names.clone()),
            ("test_ca_units", round.test_ca_units.clone()),
            ("professional_ca_names", round.professional_ca_names.clone()),
            ("professional_ca_units", round.professional_ca_units.clone()),
            ("production_ca_names", round.production_ca_names.clone()),
        ],
        "DOC-OID" => vec![(
            "[[sample_oid]]",
            catalog.sample_oids.iter().map(|sample| format!("{} ({})", sample.oid, sample.source)).collect(),
        )],
        _ => return,
    };
    say!("{}", lang.pick("Catalog data of this round:", "Tämän kierroksen katalogidata:"));
    for (name, values) in lists {
        say!("  {name}:");
        if values.is_empty() {
            say!("    {}", lang.pick("(none)", "(ei yhtään)"));
        }
        for value in values {
            say!("    {value}");
        }
    }
    say!();
}

/// `valmis explain PA-01`: a pre-test case declaration.
fn explain_case(catalog: &Catalog, case: &valmis_model::PretestCase, built_in: bool) -> anyhow::Result<()> {
    let kind = match (case.mandatory, case.not_applicable_allowed) {
        (true, false) => "mandatory",
        (true, true) => "mandatory; not-applicable allowed with a note",
        (false, _) => "optional",
    };
    say!("{} — {}\n", case.id, case.title);
    say!("pre-test case of {}    {kind}\n", case.service);
    say!("What it exercises:\n{}\n", indent(&case.exercises));
    let evidence: Vec<&str> = case.evidence.iter().map(|kind| kind.as_str()).collect();
    let evidence = if evidence.is_empty() { "none beyond the row".to_owned() } else { evidence.join(", ") };
    say!("Evidence a passed run must show: {evidence} (`valmis explain PRETEST-EVIDENCE`)");
    say!("Test person in the row: {}", if case.test_person { "required" } else { "not needed" });
    if built_in {
        say!(
            "Declared in: the built-in case list of {} (round {}; `valmis requirements --coverage BUNDLE` shows every case)",
            case.service,
            catalog.round.id
        );
    } else {
        say!("Declared in: {}:{} (round {})", case.source, case.line, catalog.round.id);
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.trim().lines().map(|line| format!("  {line}")).collect::<Vec<_>>().join("\n")
}
