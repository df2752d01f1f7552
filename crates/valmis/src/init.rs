//! `valmis init DIR`: a bundle skeleton whose placeholders fail verification until filled in,
//! so that `valmis verify` itself lists what is still to do.

use crate::common::{load_catalogs, pick_round, usage};
use crate::failure::output;
use crate::lang::tr;
use crate::terminal::say;
use std::path::Path;

use valmis_model::{Catalog, Role, SubmissionKind};

/// Where a comment starts on a skeleton's `key = value` line.
const COMMENT_COLUMN: usize = 39;

/// `assignment` with `comment` after it, from [`COMMENT_COLUMN`] on.
fn entry(assignment: &str, comment: &str) -> String {
    let width = assignment.chars().count();
    format!("{assignment}{}# {comment}\n", " ".repeat(COMMENT_COLUMN.saturating_sub(width).max(1)))
}

/// Every line of `text` as a TOML comment.
fn comment_lines(text: &str) -> String {
    text.lines().map(|line| if line.is_empty() { "#\n".to_owned() } else { format!("# {line}\n") }).collect()
}

/// Writes the skeleton of a submission of `kind` by `role` and returns the bundle-relative paths
/// written. Comments and READMEs are in the run's language; the `TODO` placeholders, which the
/// checks recognise, are the same in every language.
pub(crate) fn write_skeleton(
    dir: &Path,
    catalog: &Catalog,
    services: &[String],
    kind: SubmissionKind,
    role: Role,
) -> anyhow::Result<Vec<String>> {
    let services_list = services.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
    let deadline = catalog.round.registration_deadline.to_string();
    let mut manifest = comment_lines(&format!("{}\n{}", tr!("init-manifest-head"), tr!("init-manifest-reference")));
    manifest.push_str("format = 1\n");
    manifest.push_str(&entry(&format!("round = \"{}\"", catalog.round.id), &tr!("init-round")));
    // A placeholder, not a date: a date written here would pass BUNDLE-DEADLINE left as it is.
    let submitted = match (kind, role) {
        (SubmissionKind::Registration, Role::Vendor) => tr!("init-submitted-registration", deadline = &deadline),
        (SubmissionKind::ChangeNotification, _) => tr!("init-submitted-notification"),
        _ => tr!("init-submitted-application"),
    };
    manifest.push_str(&entry("submitted = \"TODO\"", &submitted));
    manifest.push_str(&submission_lines(kind, role));
    manifest.push_str("\n[organisation]\n");
    manifest.push_str(&format!("name = \"{}\"\n", tr!("init-organisation-name")));
    manifest.push_str(&entry("business_id = \"TODO\"", &format!("Y-tunnus, {}", example_of("\"1234567-1\""))));
    manifest.push_str(&entry("oid = \"TODO\"", &tr!("init-oid", example = "\"1.2.246.10.12345671\"")));
    manifest.push_str(&comment_lines(&tr!("init-test-organisations")));
    manifest.push_str("# test_organisations = [\"1.2.246.10.23456780\"]\n");
    for (contact, examples) in
        [("technical", Some(["\"tekninen.tuki@esimerkki.fi\"", "\"+358 40 123 4567\""])), ("administrative", None)]
    {
        manifest.push_str(&format!("\n[contacts.{contact}]\nname = \"TODO\"\n"));
        match examples {
            Some([email, phone]) => {
                manifest.push_str(&entry("email = \"TODO\"", &example_of(email)));
                manifest.push_str(&entry("phone = \"TODO\"", &example_of(phone)));
            }
            None => manifest.push_str("email = \"TODO\"\nphone = \"TODO\"\n"),
        }
    }
    manifest.push_str("\n[system]\n");
    manifest.push_str(&format!("name = \"{}\"\nversion = \"TODO\"\n", tr!("init-product-name")));
    // A placeholder too: a real class written here would pass BUNDLE-MANIFEST left as it is.
    manifest.push_str(&entry("class = \"TODO\"", "A1 | A2 | A3 | B (THL 4/2024)"));
    manifest.push_str(&format!("services = [{services_list}]\n"));
    manifest.push_str(&entry("environment = \"asiakastesti\"", "asiakastesti | tuotannonkuva"));
    manifest.push('\n');
    manifest.push_str(&sections(kind, role, &services_list));
    manifest.push_str(&comment_lines(&tr!("init-files")));
    manifest.push_str(&format!("# [files]\n# \"pretest/report.csv\" = \"{}\"\n", tr!("init-files-example")));

    let mut forms_readme = format!("{}\n\n", tr!("init-forms-readme"));
    let mut seen = Vec::new();
    for service in services {
        let Some(service) = catalog.service(service) else { continue };
        for form_id in &service.forms {
            if seen.contains(form_id) {
                continue;
            }
            seen.push(form_id.clone());
            if let Some(form) = catalog.form(form_id) {
                let patterns = form.patterns.join(&tr!("init-or"));
                forms_readme.push_str(&format!(
                    "- {}\n  {}\n",
                    form.title,
                    tr!("init-forms-pattern", patterns = patterns)
                ));
            }
        }
    }
    forms_readme.push_str(&format!("\n{}\n", tr!("init-forms-delete")));
    let mut files: Vec<(&str, String)> = vec![("manifest.toml", manifest), ("README.txt", guide(kind, role))];
    let registers = kind == SubmissionKind::Registration && role == Role::Vendor;
    if registers {
        files.extend([
            ("forms/README.txt", forms_readme),
            ("pretest/report.csv", report_template(catalog, services)),
            ("pretest/README.txt", report_guide(catalog, services)),
            ("evidence/README.txt", format!("{}\n", tr!("init-evidence-readme"))),
            ("documents/README.txt", format!("{}\n", tr!("init-documents-readme"))),
        ]);
    }
    if registers || kind == SubmissionKind::AccessApplication {
        files.push(("connection/README.txt", format!("{}\n", tr!("init-connection-readme"))));
        if let Some(connection) = connection_template(catalog, services, kind == SubmissionKind::AccessApplication) {
            files.push(("connection/connection.toml", connection));
        }
    }
    if role == Role::CustomerOrganisation && kind != SubmissionKind::ChangeNotification {
        files.push(("plan/README.txt", format!("{}\n", tr!("init-plan-readme"))));
    }
    let mut written = Vec::new();
    for (path, content) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|error| {
                output(tr!("cli-folder-failed", path = parent.display().to_string(), reason = error.to_string()))
            })?;
        }
        crate::output::write_atomically(&target, content.as_bytes())?;
        written.push(path.to_owned());
    }
    Ok(written)
}

/// The manifest's `kind` and `role` lines, when they are not the defaults.
fn submission_lines(kind: SubmissionKind, role: Role) -> String {
    let mut lines = String::new();
    if kind != SubmissionKind::Registration {
        lines.push_str(&entry(
            &format!("kind = \"{}\"", kind.as_str()),
            "registration | access-application | change-notification",
        ));
    }
    if role != Role::Vendor {
        lines.push_str(&entry(&format!("role = \"{}\"", role.as_str()), "vendor | customer-organisation"));
    }
    lines
}

/// The sections the kind and role need, with `TODO` values that fail until filled in.
fn sections(kind: SubmissionKind, role: Role, services_list: &str) -> String {
    let mut text = String::new();
    if role == Role::CustomerOrganisation {
        text.push_str(&comment_lines(&tr!("init-customer")));
        text.push_str("[customer]\n");
        text.push_str(&entry("purpose = \"TODO\"", "co-testing | independent-testing | change-testing"));
        text.push('\n');
    }
    if kind == SubmissionKind::ChangeNotification {
        text.push_str(&comment_lines(&tr!("init-change")));
        text.push_str("[change]\n");
        text.push_str(&entry("certified_version = \"TODO\"", &tr!("init-certified-version", example = "\"4.2.0\"")));
        text.push_str(&entry("new_version = \"TODO\"", &tr!("init-new-version", example = "\"4.3.0\"")));
        text.push_str(&format!("affected_services = [{services_list}]\n"));
        text.push_str(&format!("summary = \"{}\"\n", tr!("init-change-summary")));
        text.push_str(&entry("co_testing_needed = true", &tr!("init-co-testing-needed")));
        text.push_str(&comment_lines(&tr!("init-planned-testing")));
        text.push_str("# planned_testing = { start = 2027-02-01, end = 2027-02-26 }\n\n");
    }
    text
}

/// The top-level README: what this kind of submission is and what to fill in.
fn guide(kind: SubmissionKind, role: Role) -> String {
    let what = match (kind, role) {
        (SubmissionKind::Registration, Role::Vendor) => tr!("init-guide-registration"),
        (SubmissionKind::Registration, Role::CustomerOrganisation) => tr!("init-guide-customer-registration"),
        (SubmissionKind::AccessApplication, Role::Vendor) => tr!("init-guide-access"),
        (SubmissionKind::AccessApplication, Role::CustomerOrganisation) => tr!("init-guide-customer-access"),
        (SubmissionKind::ChangeNotification, _) => tr!("init-guide-change"),
    };
    format!("{what}\n\n{}\n", tr!("init-guide-closing", kind = kind.as_str(), role = role.as_str()))
}

/// A commented `connection/connection.toml` for the declared services that connect to the
/// customer test environment: one `[[endpoint]]` each, `[signing]` when a service signs, and
/// `[network]` when a service connects from public addresses (Kanta PHR). Its `TODO` values fail
/// CONN-ENDPOINTS, CONN-SOURCE-IPS and the certificate checks until filled in. `None` when no
/// declared service needs the file.
fn connection_template(catalog: &Catalog, services: &[String], access_application: bool) -> Option<String> {
    let connecting: Vec<&valmis_model::catalog::Service> =
        services.iter().filter_map(|id| catalog.service(id)).filter(|service| service.connection).collect();
    if connecting.is_empty() {
        return None;
    }
    let mut text = comment_lines(&tr!("init-connection-head"));
    text.push_str("format = 1\n");
    text.push_str(&entry("environment = \"asiakastesti\"", "asiakastesti | tuotannonkuva"));
    text.push_str(&entry(
        "ca_bundle = \"TODO-root.pem\"",
        &tr!("init-ca-bundle", example = "\"certs/dvv-test-root.pem\""),
    ));
    for service in &connecting {
        text.push('\n');
        text.push_str(&comment_lines(&tr!("init-endpoint", service = &service.title)));
        text.push_str("[[endpoint]]\n");
        text.push_str(&entry(&format!("name = \"{}\"", service.id), &tr!("init-endpoint-name")));
        text.push_str(&format!("service = \"{}\"\n", service.id));
        text.push_str(&entry("url = \"TODO\"", &tr!("init-endpoint-url")));
        text.push_str(&comment_lines(&tr!("init-client-certificate", example = "\"certs/palvelinvarmenne.pem\"")));
        text.push_str(&format!("client_certificate = \"TODO-{}.pem\"\n", service.id));
    }
    if connecting.iter().any(|service| service.signing_certificate) {
        text.push('\n');
        text.push_str(&comment_lines(&tr!("init-signing")));
        text.push_str("[signing]\n");
        text.push_str(&entry("certificate = \"TODO-signing.pem\"", &example_of("\"certs/allekirjoitusvarmenne.pem\"")));
    }
    if access_application && !connecting.iter().any(|service| service.public_source_ips) {
        text.push('\n');
        text.push_str(&comment_lines(&tr!("init-network-access")));
        text.push_str("[network]\n");
        text.push_str(&entry("source_ips = [\"TODO\"]", &tr!("init-source-ips-access", example = "[\"10.12.34.56\"]")));
    }
    if connecting.iter().any(|service| service.public_source_ips) {
        text.push('\n');
        text.push_str(&comment_lines(&tr!("init-network-public")));
        text.push_str("[network]\n");
        text.push_str(&entry(
            "source_ips = [\"TODO\"]",
            &tr!("init-source-ips-public", example = "[\"198.51.100.20\", \"2001:db8::20\"]"),
        ));
    }
    Some(text)
}

/// `e.g. example`, in the run's language.
fn example_of(example: &str) -> String {
    tr!("init-example", example = example)
}

/// The pre-test report with its header and one row per mandatory case of the declared
/// services: `TODO` results fail PRETEST-RESULT until the cases have been run.
fn report_template(catalog: &Catalog, services: &[String]) -> String {
    let mut text = format!("{}\n", valmis_pretest::csv_header());
    for service in services {
        for case in catalog.pretest_list(service).map(|list| list.cases.as_slice()).unwrap_or_default() {
            if case.mandatory {
                text.push_str(&format!("{},TODO,,asiakastesti,,,,\n", case.id));
            }
        }
    }
    text
}

/// What each column means and what each case needs, next to the template.
fn report_guide(catalog: &Catalog, services: &[String]) -> String {
    let mut text = format!("{}\n\n", tr!("init-pretest-guide"));
    for (column, meaning) in [
        ("case_id (testitapaus)", tr!("init-column-case")),
        ("result (tulos)", tr!("init-column-result")),
        ("executed_at (suoritettu)", tr!("init-column-executed")),
        ("environment (ympäristö)", tr!("init-column-environment")),
        ("test_person (testihenkilö)", tr!("init-column-test-person")),
        ("document_oid (asiakirjan_oid)", tr!("init-column-document")),
        ("evidence (todisteet)", tr!("init-column-evidence")),
        ("notes (huomiot)", tr!("init-column-notes")),
    ] {
        let width = column.chars().count();
        text.push_str(&format!("  {column}{} {meaning}\n", " ".repeat(29usize.saturating_sub(width))));
    }
    text.push_str(&format!("\n{}\n", tr!("init-cases")));
    for service in services {
        let Some(list) = catalog.pretest_list(service) else {
            text.push_str(&format!("\n{}\n", tr!("init-no-cases", service = service)));
            continue;
        };
        let note = if list.illustrative { format!(" {}", tr!("init-illustrative")) } else { String::new() };
        text.push_str(&format!("\n{service}{note}\n"));
        for case in &list.cases {
            let kind = match (case.mandatory, case.not_applicable_allowed) {
                (true, false) => "mandatory",
                (true, true) => "mandatory-na",
                (false, _) => "optional",
            };
            let evidence: Vec<&str> = case.evidence.iter().map(|kind| kind.as_str()).collect();
            text.push_str(&format!("  {} {} ({})\n", case.id, case.title, tr!("init-case-kind", kind = kind)));
            if !evidence.is_empty() {
                text.push_str(&format!("      {}\n", tr!("init-case-evidence", kinds = evidence.join(", "))));
            }
        }
    }
    text
}

/// `valmis init DIR`: a bundle skeleton in an empty or new folder.
pub(crate) fn command(args: crate::args::InitArgs) -> anyhow::Result<()> {
    let catalogs = load_catalogs(&args.catalog)?;
    let catalog = pick_round(&catalogs, None)?;
    let services = if args.services.is_empty() { vec!["potilastiedon-arkisto".to_owned()] } else { args.services };
    for service in &services {
        if catalog.service(service).is_none() {
            let known: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
            return Err(usage(tr!("cli-init-unknown-service", service = service, known = known.join(", "))));
        }
    }
    // An alias (Kela's name since 5/2024) stands for its service id.
    let services: Vec<String> =
        services.iter().filter_map(|service| catalog.service(service).map(|known| known.id.clone())).collect();
    let (kind, role) = match valmis_model::AppliesTo::parse_entry(&format!("{}/{}", args.kind, args.role)) {
        Ok((kind, Some(role))) => (kind, role),
        Ok((kind, None)) => (kind, Role::Vendor),
        Err(message) => return Err(usage(crate::lang::said(&message))),
    };
    if kind == SubmissionKind::ChangeNotification && role == Role::CustomerOrganisation {
        return Err(usage(tr!("cli-init-change-by-customer")));
    }
    ensure_empty(&args.dir)?;
    let written = write_skeleton(&args.dir, catalog, &services, kind, role)?;
    say!("{}", tr!("cli-init-wrote", path = args.dir.display().to_string()));
    for file in written {
        say!("  {file}");
    }
    say!("\n{}", tr!("cli-init-next", path = args.dir.display().to_string()));
    Ok(())
}

fn ensure_empty(dir: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(usage(tr!("cli-init-not-empty", path = dir.display().to_string())));
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => {
            Err(usage(tr!("cli-init-unusable", path = dir.display().to_string(), reason = error.to_string())))
        }
    }
}
