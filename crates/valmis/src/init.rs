//! `valmis init DIR`: a bundle skeleton whose placeholders fail verification until filled in,
//! so that `valmis verify` itself lists what is still to do.

use crate::common::{load_catalogs, pick_round, usage};
use crate::failure::output;
use crate::terminal::say;
use std::path::Path;

use valmis_model::Catalog;

/// Writes the skeleton and returns the bundle-relative paths written.
pub(crate) fn write_skeleton(dir: &Path, catalog: &Catalog, services: &[String]) -> anyhow::Result<Vec<String>> {
    let services_list = services.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
    let manifest = format!(
        r#"# valmis bundle manifest, format 1. Fill in every TODO, then run `valmis verify`.
# Reference: `valmis explain BUNDLE-MANIFEST` (and BUNDLE-ORG, BUNDLE-CONTACTS, ...).
format = 1
round = "{round}"                       # co-testing round; selects its requirement catalog
submitted = {deadline}              # TODO: the date you send the registration (deadline {deadline})

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

# Optional: pin file contents. When present, every file must be listed with its SHA-256.
# [files]
# "pretest/report.csv" = "sha256:<64 hex digits from sha256sum>"
"#,
        round = catalog.round.id,
        deadline = catalog.round.registration_deadline,
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
    let files: Vec<(&str, String)> = vec![
        ("manifest.toml", manifest),
        ("forms/README.txt", forms_readme),
        ("pretest/report.csv", report_template(catalog, services)),
        ("pretest/README.txt", report_guide(catalog, services)),
        ("evidence/README.txt", "Evidence files that report rows refer to (validation results, screenshots, message ids).\n".to_owned()),
        ("connection/README.txt", "connection.toml and the DVV test certificates (PEM or DER) it names. Never private keys.\n".to_owned()),
        ("documents/README.txt", "Sample CDA R2 (*.xml) and FHIR (*.json) documents with test identities only (individual number 900-999).\n".to_owned()),
    ];
    let mut files = files;
    if let Some(connection) = connection_template(catalog, services) {
        files.insert(5, ("connection/connection.toml", connection));
    }
    let mut written = Vec::new();
    for (path, content) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| output(format!("failed to create `{}`: {error}", parent.display())))?;
        }
        crate::output::write_atomically(&target, content.as_bytes())?;
        written.push(path.to_owned());
    }
    Ok(written)
}

/// A commented `connection/connection.toml` for the declared services that connect to the
/// customer test environment: one `[[endpoint]]` each, `[signing]` when a service signs, and
/// `[network]` when a service connects from public addresses (Kanta PHR). Its `TODO` values fail
/// CONN-ENDPOINTS, CONN-SOURCE-IPS and the certificate checks until filled in. `None` when no
/// declared service needs the file.
fn connection_template(catalog: &Catalog, services: &[String]) -> Option<String> {
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
            return Err(usage(format!("unknown service `{service}`; services are {}", known.join(", "))));
        }
    }
    ensure_empty(&args.dir)?;
    let written = write_skeleton(&args.dir, catalog, &services)?;
    say!("Wrote a bundle skeleton to {}:", args.dir.display());
    for file in written {
        say!("  {file}");
    }
    say!("\nFill in every TODO, add your forms, then run: valmis verify {}", args.dir.display());
    Ok(())
}

fn ensure_empty(dir: &Path) -> anyhow::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(usage(format!(
                    "`{}` already exists and is not empty; init never overwrites files",
                    dir.display()
                )));
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(usage(format!("cannot use `{}`: {error}", dir.display()))),
    }
}
