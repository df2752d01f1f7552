//! `valmis run`: runs harness cases against an endpoint of the bundle's connection.toml, saves
//! every request and response as evidence, and writes the pre-test report rows, so that
//! `valmis verify` consumes the run directly.

use crate::terminal::say_err;
use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use valmis_bundle::Bundle;
use valmis_harness::{Case, parse_case};
use valmis_model::{Area, CatalogSet, Finding, Location, Outcome, Report, ReportMeta, Severity, Status};
use valmis_net::harness::{CaseRun, Plan, RunOptions, run_cases};

use crate::common::{load_catalogs, usage};
use crate::exit;
use crate::failure::output;
use crate::lang::tr;
use valmis_report::HumanOptions;

/// What `valmis run` was asked to do.
pub(crate) struct RunRequest<'a> {
    pub(crate) bundle: &'a Path,
    pub(crate) catalogs: &'a CatalogSet,
    pub(crate) endpoint: &'a str,
    pub(crate) key: rustls_pki_types::PrivateKeyDer<'static>,
    pub(crate) cases_dir: Option<&'a Path>,
    pub(crate) only: &'a [String],
    pub(crate) test_person: &'a str,
    pub(crate) timeout: Duration,
    pub(crate) retries: u32,
    /// Bytes of one answer's body read at most.
    pub(crate) max_body: usize,
}

/// The largest file of a `--cases` folder read (a declaration, a template, a golden file).
const MAX_CASE_FILE: u64 = 16 * valmis_model::files::MIB;

/// Cases with their files, from a directory or the embedded round.
fn load_cases(dir: Option<&Path>, round: &str) -> anyhow::Result<Vec<(Case, BTreeMap<String, String>)>> {
    let files: Vec<(String, String)> = match dir {
        Some(dir) => {
            let mut found = Vec::new();
            let mut pending = vec![dir.to_path_buf()];
            while let Some(current) = pending.pop() {
                for entry in std::fs::read_dir(&current)
                    .with_context(|| tr!("cli-cannot-read", path = current.display().to_string()))?
                {
                    let path = entry?.path();
                    if path.is_dir() {
                        pending.push(path);
                    } else {
                        // Declarations, templates and golden files are kilobytes. A file in a
                        // sub-folder that is not text, or that cannot be opened (the end of a link
                        // loop, 40 links deep), is no part of a case. A declaration (a `.toml` at
                        // the top) that cannot be read is refused, as is any file that never ends.
                        let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                        let declaration = !relative.contains('/') && relative.ends_with(".toml");
                        match valmis_model::files::read_text_at_most(&path, MAX_CASE_FILE) {
                            Ok(text) => found.push((relative, text)),
                            Err(valmis_model::files::ReadError::NotText | valmis_model::files::ReadError::Io(_))
                                if !declaration => {}
                            Err(error) => {
                                return Err(usage(tr!(
                                    "cli-file-unreadable",
                                    path = path.display().to_string(),
                                    reason = crate::lang::said(&error.message())
                                )));
                            }
                        }
                    }
                }
            }
            found
        }
        None => CatalogSet::embedded_harness(round)
            .into_iter()
            .map(|(path, text)| (path.to_owned(), text.to_owned()))
            .collect(),
    };
    let shown = |relative: &str| match dir {
        Some(dir) => dir.join(relative).display().to_string(),
        None => format!("testcases/{round}/harness/{relative}"),
    };
    let all: BTreeMap<String, String> = files.into_iter().collect();
    let mut cases = Vec::new();
    for (path, text) in all.iter().filter(|(path, _)| !path.contains('/') && path.ends_with(".toml")) {
        let case =
            parse_case(&shown(path), text).map_err(|error| usage(tr!("cli-invalid-case", error = &error.msg())))?;
        cases.push((case, all.clone()));
    }
    Ok(cases)
}

/// A random version-4 UUID.
fn uuid() -> String {
    let mut bytes = [0u8; 16];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

fn extension(body: &str) -> &'static str {
    match body.trim_start().chars().next() {
        Some('{' | '[') => "json",
        Some('<') => "xml",
        _ => "txt",
    }
}

/// Runs the cases and writes evidence and report rows into the bundle folder.
pub(crate) fn run(request: RunRequest<'_>) -> anyhow::Result<(Report, bool)> {
    if !request.bundle.is_dir() {
        return Err(usage(tr!("cli-run-needs-folder")));
    }
    // `run` writes into the bundle: a bundle folder, or a folder on the way to what it writes or
    // reads, that is a symbolic link would send it outside (a bundle comes from someone else).
    if request.bundle.symlink_metadata().is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(usage(tr!("cli-run-bundle-link", path = request.bundle.display().to_string())));
    }
    for relative in ["pretest/report.csv", "pretest/report.csv.bak", "evidence/"] {
        inside_without_links(request.bundle, relative)?;
    }
    let display = request.bundle.display().to_string();
    let bundle = Bundle::open(request.bundle, &display, valmis_bundle::Limits::default())
        .map_err(|error| usage(crate::lang::said(&error.msg())))?;
    let (round, organisation) = valmis_checks::run_facts(&bundle, request.catalogs)?;
    let targets = crate::probe::targets(&bundle, request.catalogs)?;
    let target = targets
        .into_iter()
        .find(|target| target.name == request.endpoint)
        .ok_or_else(|| usage(tr!("cli-run-no-endpoint", name = request.endpoint)))?;
    let specs = valmis_checks::probe_targets(&bundle, request.catalogs, crate::lang::current())?;
    let service =
        specs.iter().find(|spec| spec.name == request.endpoint).map(|spec| spec.service.clone()).unwrap_or_default();
    valmis_net::check_key(std::slice::from_ref(&target), &request.key)
        .map_err(|error| usage(crate::lang::said(&error.0)))?;

    let mut cases = load_cases(request.cases_dir, &round)?;
    cases.retain(|(case, _)| case.service == service);
    // A `--case` that names no case of this endpoint is a mistake, not a smaller run: a typo
    // (`PA-O1`) would otherwise leave the case unrun without a word.
    if let Some(unknown) =
        request.only.iter().find(|id| !cases.iter().any(|(case, _)| id.eq_ignore_ascii_case(&case.case)))
    {
        let known: Vec<&str> = cases.iter().map(|(case, _)| case.case.as_str()).collect();
        let known = if known.is_empty() { tr!("cli-run-no-cases") } else { known.join(", ") };
        return Err(usage(tr!(
            "cli-run-unknown-case",
            case = unknown.as_str(),
            name = request.endpoint,
            service = &service,
            known = known
        )));
    }
    if !request.only.is_empty() {
        cases.retain(|(case, _)| request.only.iter().any(|id| id.eq_ignore_ascii_case(&case.case)));
    }
    if cases.is_empty() {
        return Err(usage(tr!("cli-run-no-case", name = request.endpoint, service = &service)));
    }
    report_to_update(request.bundle)?;
    let now = jiff::Timestamp::now();
    let zoned = now.to_zoned(jiff::tz::TimeZone::UTC);
    let organisation = organisation.unwrap_or_default();
    let plans: Vec<Plan> = cases
        .into_iter()
        .enumerate()
        .map(|(index, (case, files))| {
            let variables = BTreeMap::from([
                ("uuid".to_owned(), uuid()),
                ("now".to_owned(), now.to_string()),
                ("now_hl7".to_owned(), zoned.strftime("%Y%m%d%H%M%S+0000").to_string()),
                ("test_person".to_owned(), request.test_person.to_owned()),
                ("organisation_oid".to_owned(), organisation.clone()),
                (
                    "oid".to_owned(),
                    format!("{organisation}.11.{}.{}{index}", zoned.year(), now.as_second() % 1_000_000),
                ),
            ]);
            Plan { case, files, variables }
        })
        .collect();
    let options = RunOptions {
        step_timeout: request.timeout,
        retries: request.retries,
        concurrency: 4,
        max_body: request.max_body,
        lang: crate::lang::current(),
    };
    let total = plans.len();
    // A progress bar on a terminal; plain lines in CI and in logs.
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let bar = interactive.then(|| {
        let bar = indicatif::ProgressBar::new(u64::try_from(total).unwrap_or(0));
        let template = format!("{{bar:30}} {{pos}}/{{len}} {} {{msg}}", tr!("cli-run-cases-word"));
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar
    });
    let progress = |run: &CaseRun| {
        let verdict = if run.passed() { "ok  " } else { "FAIL" };
        let attempts: u32 = run.steps.iter().map(|step| step.attempts.saturating_sub(1)).sum();
        let millis: u64 = run.steps.iter().map(|step| step.elapsed_ms).sum();
        let said = tr!("cli-run-case-line", steps = run.steps.len(), ms = millis, retried = attempts);
        let line = format!("{verdict} {} {} ({said})", run.case, run.title);
        match &bar {
            Some(bar) => {
                bar.println(valmis_model::safe::terminal_text(&line, false));
                bar.inc(1);
            }
            None => say_err!("{line}"),
        }
    };
    say_err!("{}", tr!("cli-run-running", cases = total, url = &target.url));
    let runs = run_cases(&target, &request.key, plans, &options, &progress)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    // A case the transport stopped was never judged: its report row and evidence stay as they
    // were (a person may have written them), and the run reports an error for it.
    let judged: Vec<&CaseRun> = runs.iter().filter(|run| run.transport_failure().is_none()).collect();
    for run in runs.iter().filter_map(|run| run.transport_failure().map(|why| (run, why))) {
        say_err!("{}", tr!("cli-run-not-finished", case = &run.0.case, why = run.1.to_string()));
    }
    let mut evidence_by_case = BTreeMap::new();
    for run in &judged {
        evidence_by_case.insert(run.case.clone(), write_evidence(request.bundle, run)?);
    }
    // The report is read by people, in a spreadsheet: the run's instant to the second (the
    // evidence's harness-run.toml keeps each step's exact times).
    let executed_at = now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    write_report(request.bundle, &judged, &evidence_by_case, request.test_person, &executed_at)?;
    evidence_still_asked(request.bundle, request.catalogs, &judged, now);
    let all_passed = runs.iter().all(CaseRun::passed);
    Ok((report(&runs, &round, &display, &now.to_string()), all_passed))
}

/// Says what PRETEST-EVIDENCE, judged on the bundle as the run left it, still asks of the rows
/// the run wrote. A harness run saves the messages it exchanged; a case's declaration may ask for
/// a stored document under documents/, a validation service result or a screenshot, which a
/// person adds. Said now, so that `valmis verify` holds no surprise. A bundle that cannot be
/// judged here is judged, and its problem said, by `valmis verify`.
fn evidence_still_asked(bundle: &Path, catalogs: &CatalogSet, runs: &[&CaseRun], now: jiff::Timestamp) {
    if runs.is_empty() {
        return;
    }
    let display = bundle.display().to_string();
    let Ok(opened) = Bundle::open(bundle, &display, valmis_bundle::Limits::default()) else { return };
    let options = valmis_checks::VerifyOptions {
        now,
        strict: false,
        only: vec!["PRETEST-EVIDENCE".to_owned()],
        skip: Vec::new(),
        probe: None,
        threads: 1,
        partition: None,
        lang: crate::lang::current(),
        cda_schema: None,
        timestamps: false,
    };
    let Ok(report) = valmis_checks::verify(&opened, catalogs, &options) else { return };
    let mut asked = false;
    for outcome in report.outcomes.iter().filter(|outcome| outcome.status.is_blocking()) {
        let Some(case) =
            outcome.subject.as_deref().filter(|case| runs.iter().any(|run| run.case.eq_ignore_ascii_case(case)))
        else {
            continue;
        };
        for finding in &outcome.findings {
            say_err!("{}", tr!("cli-run-evidence-asked", case = case, finding = &finding.message));
            asked = true;
        }
    }
    if asked {
        say_err!("{}", tr!("cli-run-evidence-asked-help"));
    }
}

/// Refuses a bundle path (`evidence/OT-01/x.json`, or a folder: `evidence/`) any of whose parts
/// exists as a symbolic link: `run` reads and writes only inside the bundle folder.
fn inside_without_links(bundle: &Path, relative: &str) -> anyhow::Result<()> {
    let mut current = bundle.to_path_buf();
    for part in relative.split('/').filter(|part| !part.is_empty()) {
        current.push(part);
        if current.symlink_metadata().is_ok_and(|meta| meta.file_type().is_symlink()) {
            let shown = current.strip_prefix(bundle).unwrap_or(&current).display().to_string();
            return Err(usage(tr!("cli-run-link-inside", path = shown)));
        }
    }
    Ok(())
}

/// A TOML basic string (Rust's `{:?}` escapes are not TOML's, e.g. `\u{1b}`).
fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

/// `evidence/<case>/<step>-{request,response}.*` and `evidence/<case>/harness-run.toml` with
/// SHA-256 and times. Returns the bundle paths written.
fn write_evidence(bundle: &Path, run: &CaseRun) -> anyhow::Result<Vec<String>> {
    let folder = format!("evidence/{}", run.case);
    let mut written = Vec::new();
    let mut index = format!(
        "# Written by `valmis run`: what was sent and received for {}.\nformat = 1\ncase = {}\npassed = {}\n",
        run.case,
        toml_string(&run.case),
        run.passed()
    );
    for step in &run.steps {
        let mut files = Vec::new();
        if let Some(request) = &step.request {
            let mut text = format!("{} {}\n", request.method, request.url);
            for (name, value) in &request.headers {
                text.push_str(&format!("{name}: {value}\n"));
            }
            text.push('\n');
            text.push_str(&request.body);
            files.push((format!("{folder}/{}-request.{}", step.name, extension(&request.body)), text));
        }
        if let Some(response) = &step.response {
            let mut text = format!("HTTP {}\n", response.status);
            for (name, value) in &response.headers {
                text.push_str(&format!("{name}: {value}\n"));
            }
            text.push('\n');
            text.push_str(&response.body);
            files.push((format!("{folder}/{}-response.{}", step.name, extension(&response.body)), text));
        }
        index.push_str(&format!(
            "\n[[step]]\nname = {}\nstarted_at = {}\nelapsed_ms = {}\nattempts = {}\npassed = {}\n",
            toml_string(&step.name),
            toml_string(&step.started_at),
            step.elapsed_ms,
            step.attempts,
            step.passed()
        ));
        for (path, text) in files {
            inside_without_links(bundle, &path)?;
            let target = bundle.join(&path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|error| {
                    output(tr!("cli-folder-failed", path = parent.display().to_string(), reason = error.to_string()))
                })?;
            }
            crate::output::write_atomically(&target, text.as_bytes())?;
            index.push_str(&format!(
                "[[step.file]]\npath = {}\nsha256 = \"{}\"\n",
                toml_string(&path),
                valmis_bundle::sha256_hex(text.as_bytes())
            ));
            written.push(path);
        }
    }
    let index_path = format!("{folder}/harness-run.toml");
    inside_without_links(bundle, &index_path)?;
    crate::output::write_atomically(&bundle.join(&index_path), index.as_bytes())?;
    Ok(written)
}

/// Writes or updates `pretest/report.csv`: one row per case run, other rows kept, in the form the
/// person stored it (encoding, delimiter, line endings, header names, their own columns). Before
/// it changes an existing report it keeps the old one as `pretest/report.csv.bak` and prints
/// which rows changed, from what to what.
fn write_report(
    bundle: &Path,
    runs: &[&CaseRun],
    evidence: &BTreeMap<String, Vec<String>>,
    test_person: &str,
    now: &str,
) -> anyhow::Result<()> {
    if runs.is_empty() {
        return Ok(());
    }
    let path: PathBuf = bundle.join("pretest/report.csv");
    let previous = report_to_update(bundle)?;
    let rows: Vec<[String; 8]> = runs
        .iter()
        .map(|run| {
            let millis = run.steps.iter().map(|step| step.elapsed_ms).sum::<u64>();
            let notes = if run.passed() {
                tr!("cli-run-notes-passed", steps = run.steps.len(), ms = millis)
            } else {
                tr!("cli-run-notes-failed", steps = run.steps.len(), ms = millis)
            };
            [
                run.case.clone(),
                if run.passed() { "pass" } else { "fail" }.to_owned(),
                now.to_owned(),
                "asiakastesti".to_owned(),
                test_person.to_owned(),
                // Only a case that captures `document_oid` (the id the service acknowledged) reports one.
                document_oid(run),
                evidence.get(&run.case).map(|files| files.join(";")).unwrap_or_default(),
                notes,
            ]
        })
        .collect();
    let base = previous.clone().unwrap_or_else(valmis_pretest::new_csv_report);
    let update = valmis_pretest::update_csv(&base, &rows).map_err(|error| cannot_update(&path, &error))?;
    for (row, replaced) in rows.iter().zip(&update.replaced) {
        let after = format!("{} ({})", row[1], row[2]);
        match replaced {
            Some((result, executed_at)) => say_err!(
                "{}",
                tr!("cli-run-row-changed", case = &row[0], before = format!("{result} ({executed_at})"), after = after)
            ),
            None => say_err!("{}", tr!("cli-run-row-added", case = &row[0], row = after)),
        }
    }
    for note in &update.notes {
        say_err!("{}", crate::lang::said(note));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if let Some(previous) = previous {
        let backup = bundle.join("pretest/report.csv.bak");
        crate::output::write_atomically(&backup, &previous)?;
        say_err!("{}", tr!("cli-run-backup", path = backup.display().to_string()));
    }
    crate::output::write_atomically(&path, &update.bytes)
}

/// The `document_oid` a case captured from the service's answer, for the report: an OID, or
/// nothing. What a server sent is not written into a spreadsheet cell as it came: a value such as
/// `=HYPERLINK(…)` would be a formula in Excel, and anything else that is not an OID is not the
/// document id the column holds. Such a value is left out, and the run says what it was.
fn document_oid(run: &CaseRun) -> String {
    let Some(captured) = run.variables.get("document_oid") else { return String::new() };
    match valmis_ids::Oid::parse(captured) {
        Ok(oid) => oid.as_str().to_owned(),
        Err(error) => {
            let shown = valmis_model::safe::cap_length(captured, 80, crate::lang::current());
            say_err!(
                "{}",
                tr!(
                    "cli-run-capture-not-oid",
                    case = run.case.as_str(),
                    value = shown.as_ref(),
                    reason = crate::lang::said(&error.message())
                )
            );
            String::new()
        }
    }
}

/// The report `run` will update, checked before anything is sent: `pretest/report.csv` (`None`
/// when there is none yet), not a link, not beside an XLSX or JSON report, and one that can be
/// updated, so that a run never ends with its requests sent and no row to show for them.
fn report_to_update(bundle: &Path) -> anyhow::Result<Option<Vec<u8>>> {
    for relative in ["pretest/report.csv", "pretest/report.csv.bak"] {
        inside_without_links(bundle, relative)?;
    }
    for other in ["pretest/report.xlsx", "pretest/report.json"] {
        if bundle.join(other).exists() {
            return Err(usage(tr!("cli-run-report-format", file = other)));
        }
    }
    let path = bundle.join("pretest/report.csv");
    if !path.exists() {
        return Ok(None);
    }
    let limit = valmis_bundle::Limits::default().max_file_size;
    let bytes = valmis_model::files::read_at_most(&path, limit).map_err(|error| {
        usage(tr!(
            "cli-file-unreadable",
            path = path.display().to_string(),
            reason = crate::lang::said(&error.message())
        ))
    })?;
    valmis_pretest::update_csv(&bytes, &[]).map_err(|error| cannot_update(&path, &error))?;
    Ok(Some(bytes))
}

fn cannot_update(path: &Path, error: &valmis_pretest::ReadError) -> anyhow::Error {
    usage(tr!("cli-run-cannot-update", path = path.display().to_string(), error = crate::lang::said(&error.message)))
}

/// One outcome per case, for the JUnit, JSON and terminal renderers.
fn report(runs: &[CaseRun], round: &str, bundle: &str, now: &str) -> Report {
    let outcomes = runs
        .iter()
        .map(|run| {
            let findings: Vec<Finding> = run
                .steps
                .iter()
                .flat_map(|step| {
                    let mut findings: Vec<Finding> = step
                        .problems
                        .iter()
                        .map(|problem| {
                            Finding::new(Severity::Error, tr!("harness-step", step = &step.name, problem = problem))
                        })
                        .collect();
                    if let Some(diff) = &step.diff {
                        findings.push(
                            Finding::new(Severity::Error, tr!("harness-step-golden", step = &step.name))
                                .with_help(diff.clone()),
                        );
                    }
                    findings
                })
                .map(|finding| finding.at(Location::file(format!("evidence/{}/", run.case))))
                .collect();
            let reruns: Vec<String> = run
                .steps
                .iter()
                .filter(|step| step.response.is_some())
                .flat_map(|step| {
                    step.transport_errors
                        .iter()
                        .map(move |error| tr!("harness-step", step = &step.name, problem = error))
                })
                .collect();
            let status = if let Some(why) = run.transport_failure() {
                // Not a result of the case: the system was never reached or never answered.
                Status::Error(tr!("harness-not-finished", why = why.to_string()))
            } else if findings.iter().any(|finding| finding.severity == Severity::Error) {
                Status::Failed
            } else if findings.is_empty() {
                Status::Passed
            } else {
                Status::Warned
            };
            Outcome {
                requirement: "HARNESS".to_owned(),
                area: Area::Harness,
                title: run.title.as_str().into(),
                severity: Severity::Error,
                fix: tr!("harness-fix").into(),
                reference: "https://www.kanta.fi/jarjestelmakehittajat/yhteistestausprosessi".into(),
                subject: Some(run.case.clone()),
                file: Some(format!("evidence/{}/harness-run.toml", run.case)),
                line: None,
                status,
                findings,
                reruns,
                time_us: None,
            }
        })
        .collect();
    let mut report = Report {
        meta: ReportMeta {
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            round: round.to_owned(),
            catalog: "harness".to_owned(),
            bundle: bundle.to_owned(),
            now: now.to_owned(),
            strict: false,
            partition: None,
            lang: crate::lang::current(),
        },
        outcomes,
        waivers: Vec::new(),
        baseline: None,
    };
    report.sort();
    report
}

/// `valmis run`: the harness cases against an endpoint, evidence and report rows into the bundle.
pub(crate) fn command(args: crate::args::RunArgs, color: bool) -> anyhow::Result<u8> {
    if let Some(junit) = &args.junit {
        use crate::output::{Input, Read};
        let mut reads = vec![Read::Bundle(&args.bundle)];
        reads.extend(args.catalog.catalog.as_deref().map(|folder| Read::Folder(Input::Catalog, folder)));
        reads.extend(args.cases.as_deref().map(|folder| Read::Folder(Input::Cases, folder)));
        reads.extend(args.client_key.as_deref().map(|file| Read::File(Input::ClientKey, file)));
        crate::output::check_outputs(&[("--junit", junit)], &reads)?;
    }
    let catalogs = load_catalogs(&args.catalog)?;
    let key = crate::probe::read_key(args.client_key.as_deref())?;
    match valmis_ids::Hetu::parse(&args.test_person) {
        Ok(hetu) if hetu.is_test_identity() => {}
        _ => return Err(usage(tr!("cli-run-test-person"))),
    }
    let (report, all_passed) = run(RunRequest {
        bundle: &args.bundle,
        catalogs: &catalogs,
        endpoint: &args.endpoint,
        key,
        cases_dir: args.cases.as_deref(),
        only: &args.only,
        test_person: &args.test_person,
        timeout: Duration::from_secs(args.timeout.max(1)),
        retries: args.retries,
        max_body: usize::try_from(args.max_body).unwrap_or(usize::MAX).saturating_mul(1024 * 1024),
    })?;
    let mut report = report;
    report.make_safe();
    if let Some(path) = &args.junit {
        crate::output::write_report_with(path, |out| Ok(valmis_report::write_junit(&report, out)?))?;
    }
    let text = valmis_report::render_human(&report, HumanOptions { color, verbose: true });
    crate::terminal::write_for_people(&text, color)
        .map_err(|error| output(tr!("cli-stdout-failed", reason = error.to_string())))?;
    Ok(if all_passed { exit::READY } else { exit::NOT_READY })
}

#[cfg(test)]
mod toml_string_tests {
    #[test]
    fn evidence_index_strings_are_toml_and_keep_letters_as_they_are() {
        for text in ["OT-01", "tallennus ö", "ohjaus\u{1b}[31m", "lainaus \" ja \\"] {
            let line = format!("value = {}", super::toml_string(text));
            let parsed: toml::Table = toml::from_str(&line).unwrap_or_else(|error| panic!("{line}: {error}"));
            assert_eq!(parsed["value"].as_str(), Some(text), "{line}");
        }
        assert_eq!(super::toml_string("tallennus ö"), "\"tallennus ö\"");
    }
}
