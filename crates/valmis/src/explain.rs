//! `valmis requirements` (the round's requirements, or the pre-test coverage of a bundle) and
//! `valmis explain ID` (a requirement or a pre-test case, with the round's data).

use crate::terminal::say;

use anyhow::Context as _;
use valmis_model::{Catalog, Lang};

use crate::args::{ExplainArgs, RequirementsArgs};
use crate::common::{load_catalogs, pick_round, usage};
use crate::exit;
use crate::lang::tr;

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
        return Err(usage(tr!("cli-init-unknown-service", service = service, known = known.join(", "))));
    }
    // An alias (Kela's name since 5/2024) stands for its service id.
    let service = args.service.as_deref().and_then(|service| catalog.service(service)).map(|known| known.id.as_str());
    let submission = match &args.kind {
        None => None,
        Some(kind) => {
            let role = args.role.as_deref().unwrap_or("vendor");
            let parsed = valmis_model::AppliesTo::parse_entry(&format!("{kind}/{role}"))
                .map_err(|message| usage(crate::lang::said(&message)))?;
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
            let services = if r.services.is_empty() { tr!("explain-all") } else { r.services.join(",") };
            let submissions =
                if r.applies_to.is_everything() { tr!("explain-all") } else { r.applies_to.entries().join(",") };
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
    let headers = [
        tr!("explain-column-id"),
        tr!("explain-column-area"),
        tr!("explain-column-severity"),
        tr!("explain-column-services"),
        tr!("explain-column-submissions"),
        tr!("explain-column-title"),
    ];
    let headers = headers.each_ref().map(String::as_str);
    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|row| row[i].chars().count()).chain([headers[i].chars().count()]).max().unwrap_or(0))
        .collect();
    if args.json {
        say!("{}", serde_json::to_string_pretty(&listed).context("requirements as JSON")?);
        return Ok(exit::READY);
    }
    if args.markdown {
        say!("{}", markdown_table(&rows, headers));
        return Ok(exit::READY);
    }
    let origin = if catalogs.origin == "embedded" { tr!("explain-built-in") } else { catalogs.origin.clone() };
    say!("{}\n", line(&tr!("explain-round", round = &catalog.round.id, title = &catalog.round.title, origin = origin)));
    // A table wider than the terminal is shown as records instead: the id and title, then the
    // facts, each wrapped at its width.
    let table_width = widths.iter().map(|width| width + 2).sum::<usize>()
        + rows.iter().map(|row| row[5].chars().count()).chain([headers[5].chars().count()]).max().unwrap_or(0);
    if let Some(width) = crate::terminal::width().filter(|&width| width < table_width) {
        for (requirement, row) in listed.iter().zip(&rows) {
            say!("{}", crate::terminal::wrapped_hanging(&format!("{} — {}", row[0], row[5]), width, "    "));
            let facts = tr!(
                "explain-facts",
                area = requirement.area.as_str(),
                severity = requirement.severity.as_str(),
                services = &row[3],
                submissions = row[4].replace(',', ", ")
            );
            say!("{}", crate::terminal::wrapped(&facts, width, "    "));
        }
        say!("\n{}", line(&tr!("explain-count", requirements = rows.len())));
        return Ok(exit::READY);
    }
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
    say!("\n{}", tr!("explain-count", requirements = rows.len()));
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
    table.push_str(&format!("\n{}", tr!("explain-count-markdown", requirements = rows.len())));
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
    if id.is_empty() {
        return Err(usage(tr!("explain-empty")));
    }
    let wanted = id.to_ascii_uppercase();
    if catalog.requirement(&wanted).is_none()
        && let Some(case) = catalog.pretest_case(id)
    {
        return explain_case(catalog, case, catalogs.origin == "embedded");
    }
    let Some(requirement) = catalog.requirement(&wanted) else {
        let mut near = catalog
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| id.contains(&wanted) || wanted.contains(id.split('-').next().unwrap_or_default()))
            .collect::<Vec<_>>();
        // A pre-test case typed a little off (`PA-1` for PA-01) is as likely as a requirement.
        let cases = catalog.pretest.iter().flat_map(|list| &list.cases).map(|case| case.id.as_str());
        let ids = catalog.requirements.iter().map(|r| r.id.as_str()).chain(cases);
        if let Some(closest) = valmis_model::did_you_mean(&wanted, ids)
            && !near.contains(&closest)
        {
            near.insert(0, closest);
        }
        let error = if near.is_empty() {
            tr!("explain-unknown", id = id, round = &catalog.round.id)
        } else {
            tr!("explain-unknown-near", id = id, round = &catalog.round.id, near = near.join(", "))
        };
        return Err(usage(error));
    };
    let case = subject.and_then(|subject| catalog.pretest_case(subject));
    let services =
        if requirement.services.is_empty() { tr!("explain-every-service") } else { requirement.services.join(", ") };
    let submissions = if requirement.applies_to.is_everything() {
        tr!("explain-every-kind")
    } else {
        requirement.applies_to.entries().join(", ")
    };
    let (title, explanation, fix) = requirement.texts(lang);
    say!("{}\n", line(&format!("{} — {title}", requirement.id)));
    let facts = tr!(
        "explain-facts",
        area = requirement.area.as_str(),
        severity = requirement.severity.as_str(),
        services = services,
        submissions = submissions
    );
    say!("{}\n", line(&facts));
    say!("{}\n{}\n", tr!("explain-what"), indent(explanation));
    say!("{}\n{}\n", tr!("explain-how"), indent(fix));
    explain_round_data(catalog, &requirement.id);
    say!("{}", tr!("explain-reference", reference = &requirement.reference));
    // The built-in catalog is not a file the user has: name the round, and how to see its data.
    if catalogs.origin == "embedded" {
        say!("{}", line(&tr!("explain-catalog-built-in", round = &catalog.round.id)));
    } else {
        say!("{}", line(&tr!("explain-catalog-file", file = &catalog.source, round = &catalog.round.id)));
    }
    if let Some(case) = case {
        say!();
        explain_case(catalog, case, catalogs.origin == "embedded")?;
    }
    Ok(())
}

/// The catalog data a requirement judges by, so that `explain` shows the rule's actual values.
fn explain_round_data(catalog: &Catalog, id: &str) {
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
    say!("{}", tr!("explain-round-data"));
    for (name, values) in lists {
        say!("  {name}:");
        if values.is_empty() {
            say!("    {}", tr!("explain-none"));
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
        (true, false) => tr!("explain-case-mandatory"),
        (true, true) => tr!("explain-case-mandatory-na"),
        (false, _) => tr!("explain-case-optional"),
    };
    say!("{} — {}\n", case.id, case.title);
    say!("{}\n", tr!("explain-case-of", service = &case.service, kind = kind));
    say!("{}\n{}\n", tr!("explain-case-exercises"), indent(&case.exercises));
    let evidence: Vec<&str> = case.evidence.iter().map(|kind| kind.as_str()).collect();
    let evidence = if evidence.is_empty() { tr!("explain-case-no-evidence") } else { evidence.join(", ") };
    say!("{}", tr!("explain-case-evidence", evidence = evidence));
    let person =
        if case.test_person { tr!("explain-case-person-required") } else { tr!("explain-case-person-not-needed") };
    say!("{}", tr!("explain-case-person", person = person));
    if built_in {
        say!("{}", tr!("explain-case-built-in", service = &case.service, round = &catalog.round.id));
    } else {
        say!(
            "{}",
            tr!("explain-case-file", file = &case.source, line = case.line.to_string(), round = &catalog.round.id)
        );
    }
    Ok(())
}

/// One line of `explain`, wrapped at the terminal's width when there is one (continued lines
/// indented).
fn line(text: &str) -> String {
    match crate::terminal::width() {
        Some(width) => crate::terminal::wrapped_hanging(text, width.min(crate::terminal::MAX_PROSE_WIDTH), "    "),
        None => text.to_owned(),
    }
}

/// `text` indented by two spaces, and wrapped at the terminal's width (at most
/// [`MAX_PROSE_WIDTH`](crate::terminal::MAX_PROSE_WIDTH)) when there is one.
fn indent(text: &str) -> String {
    let width = crate::terminal::width().map(|width| width.min(crate::terminal::MAX_PROSE_WIDTH));
    let lines = text.trim().lines().map(|line| match width {
        Some(width) => crate::terminal::wrapped(line, width, "  "),
        None => format!("  {line}"),
    });
    lines.collect::<Vec<_>>().join("\n")
}
