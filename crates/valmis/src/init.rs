//! `valmis init DIR`: a bundle skeleton whose placeholders fail verification until filled in,
//! so that `valmis verify` itself lists what is still to do.

use crate::common::{load_catalogs, pick_round, usage};
use crate::failure::output;
use crate::lang::tr;
use crate::terminal::say;
use std::path::Path;

use valmis_model::{Catalog, Role, SubmissionKind};

/// Writes the skeleton of a submission of `kind` by `role` and returns the bundle-relative paths
/// written.
pub(crate) fn write_skeleton(
    dir: &Path,
    catalog: &Catalog,
    services: &[String],
    kind: SubmissionKind,
    role: Role,
) -> anyhow::Result<Vec<String>> {
    let services_list = services.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
    let manifest = format!(
        r#"# valmis bundle manifest, format 1. Fill in every TODO, then run `valmis verify`.
# Reference: `valmis explain BUNDLE-MANIFEST` (and BUNDLE-ORG, BUNDLE-CONTACTS, ...).
format = 1
round = "{round}"                       # co-testing round; selects its requirement catalog
submitted = {deadline}              # TODO: the date you send the registration (deadline {deadline})
{submission}
[organisation]
name = "TODO: organisation name as in the Trade Register"
business_id = "TODO"                   # Y-tunnus, e.g. "1234567-1"
oid = "TODO"                           # 1.2.246.10.<business id digits>, e.g. "1.2.246.10.12345671"
# The test organisations Kela assigned you in the customer test environment, when your sample
# documents are written for them (DOC-OID accepts document ids under these arcs):
# test_organisations = ["1.2.246.10.23456780"]

[contacts.technical]
name = "TODO"
email = "TODO"                         # e.g. "tekninen.tuki@esimerkki.fi"
phone = "TODO"                         # e.g. "+358 40 123 4567"

[contacts.administrative]
name = "TODO"
email = "TODO"
phone = "TODO"

[system]
name = "TODO: product name"
version = "TODO"
class = "A2"                           # A1 | A2 | A3 | B (THL 4/2024)
services = [{services_list}]
environment = "asiakastesti"           # asiakastesti | tuotannonkuva

{sections}
# Optional: pin file contents. When present, every file must be listed with its SHA-256.
# [files]
# "pretest/report.csv" = "sha256:<64 hex digits from sha256sum>"
"#,
        round = catalog.round.id,
        deadline = catalog.round.registration_deadline,
        submission = submission_lines(kind, role),
        sections = sections(kind, role, &services_list),
    );
    let mut forms_readme =
        String::from("Put the registration forms in this folder. Needed for the declared services:\n\n");
    let mut seen = Vec::new();
    for service in services {
        let Some(service) = catalog.service(service) else { continue };
        for form_id in &service.forms {
            if seen.contains(form_id) {
                continue;
            }
            seen.push(form_id.clone());
            if let Some(form) = catalog.form(form_id) {
                forms_readme.push_str(&format!(
                    "- {}\n  file name matching: {}\n",
                    form.title,
                    form.patterns.join(" or ")
                ));
            }
        }
    }
    forms_readme.push_str("\nDelete this file when the forms are in place.\n");
    let mut files: Vec<(&str, String)> = vec![("manifest.toml", manifest), ("README.txt", guide(kind, role))];
    let registers = kind == SubmissionKind::Registration && role == Role::Vendor;
    if registers {
        files.extend([
            ("forms/README.txt", forms_readme),
            ("pretest/report.csv", report_template(catalog, services)),
            ("pretest/README.txt", report_guide(catalog, services)),
            ("evidence/README.txt", "Evidence files that report rows refer to (validation results, screenshots, message ids).\n".to_owned()),
            ("documents/README.txt", "Sample CDA R2 (*.xml) and FHIR (*.json) documents with test identities only (individual number 900-999).\n".to_owned()),
        ]);
    }
    if registers || kind == SubmissionKind::AccessApplication {
        files.push((
            "connection/README.txt",
            "connection.toml and the DVV test certificates (PEM or DER) it names. Never private keys.\n".to_owned(),
        ));
        if let Some(connection) = connection_template(catalog, services, kind == SubmissionKind::AccessApplication) {
            files.push(("connection/connection.toml", connection));
        }
    }
    if role == Role::CustomerOrganisation && kind != SubmissionKind::ChangeNotification {
        files.push((
            "plan/README.txt",
            "Put your test plan (testaussuunnitelma) here as a PDF, DOCX, ODT or XLSX document, then\n\
             delete this file: PLAN-TEST-PLAN fails until plan/ holds the real document only.\n"
                .to_owned(),
        ));
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
        lines.push_str(&format!(
            "kind = \"{}\"{}# registration | access-application | change-notification\n",
            kind.as_str(),
            " ".repeat(28usize.saturating_sub(kind.as_str().len()))
        ));
    }
    if role != Role::Vendor {
        lines.push_str(&format!(
            "role = \"{}\"{}# vendor | customer-organisation\n",
            role.as_str(),
            " ".repeat(28usize.saturating_sub(role.as_str().len()))
        ));
    }
    lines
}

/// The sections the kind and role need, with `TODO` values that fail until filled in.
fn sections(kind: SubmissionKind, role: Role, services_list: &str) -> String {
    let mut text = String::new();
    if role == Role::CustomerOrganisation {
        text.push_str(
            "\n# What you join for; your test plan goes in plan/ (`valmis explain PLAN-TEST-PLAN`).\n\
             [customer]\n\
             purpose = \"TODO\"                     # co-testing | independent-testing | change-testing\n",
        );
    }
    if kind == SubmissionKind::ChangeNotification {
        text.push_str(&format!(
            "\n# The change you notify Kela of (`valmis explain CHANGE-SCHEDULE` and CHANGE-VERSIONS, CHANGE-SCOPE).\n\
             [change]\n\
             certified_version = \"TODO\"           # the version in Kela's certificate, e.g. \"4.2.0\"\n\
             new_version = \"TODO\"                 # the version with the change, e.g. \"4.3.0\"\n\
             affected_services = [{services_list}]\n\
             summary = \"TODO: what changes in the system's functions or interfaces\"\n\
             co_testing_needed = true               # false when Kela need not co-test the change\n\
             # TODO when co-testing is needed: its first and last day, at least a month after `submitted`, not in July\n\
             # planned_testing = {{ start = 2027-02-01, end = 2027-02-26 }}\n"
        ));
    }
    text
}

/// The top-level README: what this kind of submission is and what to fill in.
fn guide(kind: SubmissionKind, role: Role) -> String {
    let what = match (kind, role) {
        (SubmissionKind::Registration, Role::Vendor) => {
            "A vendor's registration for Kanta co-testing (ilmoittautuminen yhteistestaukseen).\n\n\
             Fill in manifest.toml, run the pre-test cases and record them in pretest/report.csv with\n\
             their evidence under evidence/, add the forms under forms/, the connection data and DVV test\n\
             certificates under connection/, and sample documents under documents/."
        }
        (SubmissionKind::Registration, Role::CustomerOrganisation) => {
            "A customer organisation's application to co-testing (asiakasorganisaation hakemus), with its\n\
             test plan.\n\n\
             Fill in manifest.toml (set [customer] purpose) and put the test plan in plan/."
        }
        (SubmissionKind::AccessApplication, Role::Vendor) => {
            "An access application to the Kanta customer test service (asiakastestipalvelun\n\
             liittymishakemus), one per service.\n\n\
             Fill in manifest.toml and connection/connection.toml: every endpoint with its url and DVV\n\
             test certificate, and the source IP addresses Kela opens the connections from."
        }
        (SubmissionKind::AccessApplication, Role::CustomerOrganisation) => {
            "A customer organisation's access application to the Kanta customer test service\n\
             (asiakastestipalvelun liittymishakemus), with its test plan.\n\n\
             Fill in manifest.toml (set [customer] purpose: asiakastesti for co-testing and change\n\
             testing, tuotannonkuva for independent testing), connection/connection.toml (every endpoint,\n\
             its certificate, the source IP addresses), and put the test plan in plan/."
        }
        (SubmissionKind::ChangeNotification, _) => {
            "A change notification for a certified system (muutosilmoitus).\n\n\
             Fill in manifest.toml's [change]: the certified and the new version, the affected services,\n\
             what changes, and whether co-testing is needed; if it is, the planned testing days, at\n\
             least a month after you send this and not in July."
        }
    };
    format!(
        "{what}\n\nEvery TODO fails its requirement until filled in: `valmis verify .` lists what is left,\n\
         `valmis requirements --kind {} --role {}` what is checked. Delete the README files when done.\n",
        kind.as_str(),
        role.as_str()
    )
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
    let mut text = String::from(
        "# Connection data for the Kanta customer test environment, format 1. Fill in every TODO, then\n\
         # run `valmis verify`. Reference: `valmis explain CONN-CONFIG` (and CONN-ENDPOINTS, CERT-CHAIN, ...).\n\
         # Paths are relative to connection/. Private keys never go in the bundle: `valmis probe` takes\n\
         # the key with --client-key.\n\
         format = 1\n\
         environment = \"asiakastesti\"           # asiakastesti | tuotannonkuva\n\
         ca_bundle = \"TODO-root.pem\"            # the DVV test root (PEM), e.g. \"certs/dvv-test-root.pem\"\n",
    );
    for service in &connecting {
        let name = format!("\"{}\"", service.id);
        text.push_str(&format!(
            "\n# {title}: your system's interface in the customer test environment.\n\
             [[endpoint]]\n\
             name = {name:<32}# your name for it: `valmis probe --endpoint NAME` and `valmis run --endpoint NAME`\n\
             service = \"{id}\"\n\
             url = \"TODO\"                           # https://… of the customer test environment\n\
             # The DVV test server certificate + intermediate you present, e.g. \"certs/palvelinvarmenne.pem\":\n\
             client_certificate = \"TODO-{id}.pem\"\n",
            title = service.title,
            id = service.id,
        ));
    }
    if connecting.iter().any(|service| service.signing_certificate) {
        text.push_str(
            "\n# The DVV test system-signature certificate your system signs documents or prescriptions with.\n\
             [signing]\n\
             certificate = \"TODO-signing.pem\"       # e.g. \"certs/allekirjoitusvarmenne.pem\"\n",
        );
    }
    if access_application && !connecting.iter().any(|service| service.public_source_ips) {
        text.push_str(
            "\n# The addresses your system connects from: Kela opens the connections for them (ACCESS-CONNECTION).\n\
             [network]\n\
             source_ips = [\"TODO\"]                  # one address per entry, e.g. [\"10.12.34.56\"] through the access point\n",
        );
    }
    if connecting.iter().any(|service| service.public_source_ips) {
        text.push_str(
            "\n# The static public addresses your backend connects from (Kanta PHR connects over the internet).\n\
             [network]\n\
             source_ips = [\"TODO\"]                  # one address per entry, e.g. [\"198.51.100.20\", \"2001:db8::20\"]\n",
        );
    }
    Some(text)
}

/// The pre-test report with its header and one row per mandatory case of the declared
/// services: `TODO` results fail PRETEST-RESULT until the cases have been run.
fn report_template(catalog: &Catalog, services: &[String]) -> String {
    let mut text = String::from("case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n");
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
    let mut text = String::from(
        "The pre-test case report (esitestitapaukset): report.csv here, or report.xlsx / report.json.\n\
         One row per case. Columns (English or Finnish headers):\n\
         \n  case_id (testitapaus)         the case id below\n\
         \x20 result (tulos)                pass | fail | not-applicable (ok, hyväksytty, nok, hylätty, ei sovellu)\n\
         \x20 executed_at (suoritettu)      RFC 3339 (2026-11-12T09:14:00+02:00) or YYYY-MM-DD\n\
         \x20 environment (ympäristö)       where it ran: asiakastesti\n\
         \x20 test_person (testihenkilö)    the test identity code used (individual number 900-999)\n\
         \x20 document_oid (asiakirjan_oid) id/@root of the stored document, when the case stores one\n\
         \x20 evidence (todisteet)          bundle paths separated by `;` (evidence/..., documents/...)\n\
         \x20 notes (huomiot)               free text; required for not-applicable\n\
         \nCases of the declared services (`valmis requirements --coverage .` shows what is missing):\n",
    );
    for service in services {
        let Some(list) = catalog.pretest_list(service) else {
            text.push_str(&format!("\n{service}: the catalog declares no pre-test cases\n"));
            continue;
        };
        let note = if list.illustrative { " (illustrative list: use Kela's real one)" } else { "" };
        text.push_str(&format!("\n{service}{note}\n"));
        for case in &list.cases {
            let kind = match (case.mandatory, case.not_applicable_allowed) {
                (true, false) => "mandatory",
                (true, true) => "mandatory, not-applicable allowed",
                (false, _) => "optional",
            };
            let evidence: Vec<&str> = case.evidence.iter().map(|kind| kind.as_str()).collect();
            text.push_str(&format!("  {} {} ({kind})\n", case.id, case.title));
            if !evidence.is_empty() {
                text.push_str(&format!("      evidence: {}\n", evidence.join(", ")));
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
