//! `cargo xtask bench`: builds valmis in release mode, generates deterministic synthetic bundles
//! under `target/bench/`, runs `valmis verify` on each several times and prints wall time and
//! peak resident memory per run (from `wait4`'s rusage of the child, so nothing else counts).
//!
//! Workloads today: a 5,000-row pre-test report (CSV, XLSX and JSON, each row with its own
//! evidence file, against a catalog that declares 5,000 cases), the same report with every row
//! failing (5,000 findings rendered to JUnit), and the ready fixture for the fixed cost.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail};

use crate::pretest_fixtures::{XlsxOptions, json_from_rows, xlsx_from_rows};

const ROWS: usize = 5_000;
const RUNS: usize = 7;
/// A workload argument that is not passed on: run without `--junit`.
const NO_JUNIT: &str = "(no --junit)";

struct Workload {
    name: String,
    bundle: PathBuf,
    catalog: Option<PathBuf>,
    args: &'static [&'static str],
    expected_exit: i32,
}

struct Measurement {
    wall_ms: Vec<f64>,
    /// User plus system CPU time: steadier than wall time on a shared virtual machine.
    cpu_ms: Vec<f64>,
    max_rss_kib: i64,
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

pub(crate) fn run(root: &Path) -> anyhow::Result<()> {
    let valmis = crate::build_binary("valmis", "valmis", true)?;
    let base = root.join("target/bench/pretest");
    if base.exists() {
        fs::remove_dir_all(&base).context("clear target/bench/pretest")?;
    }
    let catalog = write_catalog(root, &base.join("catalog"), ROWS, "\"message-id\"")?;
    let passing = report_rows(false);
    let failing = report_rows(true);
    let mut workloads = vec![Workload {
        name: "ready fixture (fixed cost)".to_owned(),
        bundle: root.join("fixtures/bundles/ready"),
        catalog: None,
        args: &[],
        expected_exit: 0,
    }];
    for (name, file, bytes, expected_exit) in [
        ("5,000-row report.csv", "report.csv", csv_from_rows(&passing), 0),
        ("5,000-row report.xlsx", "report.xlsx", xlsx_from_rows(&passing, &XlsxOptions::default())?, 0),
        ("5,000-row report.json", "report.json", json_from_rows(&passing)?, 0),
        ("5,000 failing rows, report.csv", "report.csv", csv_from_rows(&failing), 1),
    ] {
        let bundle = base.join(name.replace([' ', ','], "-"));
        write_bundle(root, &bundle, file, &bytes)?;
        if workloads.len() == 1 {
            // What every run over these bundles pays before any check: opening 5,000 files and
            // loading a catalog of 5,000 cases.
            workloads.push(Workload {
                name: "5,000-case bundle, no requirement selected (--only NONE)".to_owned(),
                bundle: bundle.clone(),
                catalog: Some(catalog.clone()),
                args: &["--only", "NONE"],
                expected_exit: 0,
            });
        }
        if expected_exit == 0 && name.ends_with("csv") {
            // Reading and checking the report without writing 25,000 JUnit test cases.
            workloads.push(Workload {
                name: format!("{name}, pre-test checks only, no JUnit file"),
                bundle: bundle.clone(),
                catalog: Some(catalog.clone()),
                args: &["--only", "PRETEST-*", NO_JUNIT],
                expected_exit,
            });
        }
        workloads.push(Workload {
            name: format!("{name}, pre-test checks only (--only 'PRETEST-*')"),
            bundle: bundle.clone(),
            catalog: Some(catalog.clone()),
            args: &["--only", "PRETEST-*"],
            expected_exit,
        });
        workloads.push(Workload {
            name: format!("{name}, every requirement"),
            bundle,
            catalog: Some(catalog.clone()),
            args: &[],
            expected_exit,
        });
    }

    let mut table = String::new();
    writeln!(table, "| workload | median wall | min–max wall | median CPU | peak RSS |")?;
    writeln!(table, "|---|---:|---:|---:|---:|")?;
    for workload in &workloads {
        let measurement = measure(&valmis, workload, &base.join("out"), RUNS)?;
        let mut sorted = measurement.wall_ms.clone();
        sorted.sort_by(f64::total_cmp);
        writeln!(
            table,
            "| {} | {:.0} ms | {:.0}–{:.0} ms | {:.0} ms | {:.1} MiB |",
            workload.name,
            median(&measurement.wall_ms),
            sorted[0],
            sorted[sorted.len() - 1],
            median(&measurement.cpu_ms),
            measurement.max_rss_kib as f64 / 1024.0
        )?;
    }
    println!("\nvalmis verify, release build, {RUNS} runs each after one warm-up run:\n\n{table}");
    fs::write(base.join("results.md"), &table)?;
    eprintln!("table also written to target/bench/pretest/results.md");
    Ok(())
}

fn measure(valmis: &Path, workload: &Workload, out: &Path, runs: usize) -> anyhow::Result<Measurement> {
    fs::create_dir_all(out)?;
    let file_name: String =
        workload.name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' }).collect();
    let junit = out.join(format!("{file_name}.xml"));
    let mut wall_ms = Vec::new();
    let mut cpu_ms = Vec::new();
    let mut max_rss_kib = 0;
    for run in 0..=runs {
        let mut command = Command::new(valmis);
        command.arg("verify").arg(&workload.bundle).args(["--now", crate::FIXTURE_NOW, "--quiet"]);
        if !workload.args.contains(&NO_JUNIT) {
            command.arg("--junit").arg(&junit);
        }
        if let Some(catalog) = &workload.catalog {
            command.arg("--catalog").arg(catalog);
        }
        command.args(workload.args.iter().filter(|arg| **arg != NO_JUNIT));
        let Child { code, wall_ms: elapsed, cpu_ms: cpu, max_rss_kib: rss_kib } =
            run_measured(&command).with_context(|| format!("start {}", valmis.display()))?;
        if code != workload.expected_exit {
            bail!("{}: valmis exited {code}, expected {}", workload.name, workload.expected_exit);
        }
        if run > 0 {
            wall_ms.push(elapsed);
            cpu_ms.push(cpu);
            max_rss_kib = max_rss_kib.max(rss_kib);
        }
    }
    Ok(Measurement { wall_ms, cpu_ms, max_rss_kib })
}

/// What one measured run of a program cost.
pub(crate) struct Child {
    pub(crate) code: i32,
    pub(crate) wall_ms: f64,
    pub(crate) cpu_ms: f64,
    pub(crate) max_rss_kib: i64,
}

/// Runs `command` through `xtask __measure`, a freshly started small process that starts the
/// program and reports its exit code, wall and CPU time and peak RSS.
///
/// Why not wait for the program directly: Linux carries a process's peak RSS over `fork` and
/// `exec` (`signal->maxrss` takes the high-water mark of the memory the exec replaces), so a
/// program started by this process, which holds the generated bundles in memory, would report
/// this process's peak as its own (254 MiB on L, where valmis itself peaks under 100 MiB). The
/// helper is a new, small process; its child inherits only the helper's few megabytes.
pub(crate) fn run_measured(command: &Command) -> anyhow::Result<Child> {
    let results = tempfile::NamedTempFile::new()?;
    let mut helper = Command::new(std::env::current_exe()?);
    helper.arg("__measure").arg(results.path()).arg(command.get_program()).args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        helper.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => helper.env(key, value),
            None => helper.env_remove(key),
        };
    }
    let status = helper.status()?;
    if !status.success() {
        bail!("the measuring helper failed ({status}) for {command:?}");
    }
    let text = fs::read_to_string(results.path())?;
    let fields: Vec<&str> = text.split_whitespace().collect();
    let [code, wall, cpu, rss] = fields[..] else { bail!("the measuring helper wrote `{text}`") };
    Ok(Child { code: code.parse()?, wall_ms: wall.parse()?, cpu_ms: cpu.parse()?, max_rss_kib: rss.parse()? })
}

/// `xtask __measure RESULTS PROGRAM [ARGS...]`: runs PROGRAM and writes "exit-code wall-ms
/// cpu-ms peak-rss-kib" to RESULTS (the program's own output stays on the terminal).
pub(crate) fn measure_child(args: &[String]) -> anyhow::Result<()> {
    let [results, program, rest @ ..] = args else { bail!("usage: xtask __measure RESULTS PROGRAM [ARGS...]") };
    let started = Instant::now();
    let child = Command::new(program).args(rest).spawn().with_context(|| format!("start {program}"))?;
    let (code, cpu, rss) = wait_with_rusage(child.id())?;
    let wall = started.elapsed().as_secs_f64() * 1000.0;
    fs::write(results, format!("{code} {wall} {cpu} {rss}\n"))?;
    Ok(())
}

/// Waits for the child and returns its exit code, CPU time in milliseconds and peak resident
/// set size in KiB.
fn wait_with_rusage(pid: u32) -> anyhow::Result<(i32, f64, i64)> {
    let pid = libc::pid_t::try_from(pid).context("pid out of range")?;
    let mut status = 0;
    // SAFETY: `rusage` is a plain C struct for which all-zero bytes are a valid value, and
    // wait4 only writes into the two out-pointers, which live for the whole call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: see above; `pid` is our own child, not yet waited for.
    let waited = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    if waited != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    let millis = |time: libc::timeval| time.tv_sec as f64 * 1000.0 + time.tv_usec as f64 / 1000.0;
    Ok((code, millis(usage.ru_utime) + millis(usage.ru_stime), usage.ru_maxrss))
}

/// The shipped round catalog with a potilastiedon-arkisto list of `cases` cases, each needing
/// `evidence` (a TOML array's items, e.g. `"message-id"`).
fn write_catalog(root: &Path, dir: &Path, cases: usize, evidence: &str) -> anyhow::Result<PathBuf> {
    fs::create_dir_all(dir.join("pretest"))?;
    fs::copy(root.join("testcases/2027-1/catalog.toml"), dir.join("catalog.toml"))?;
    let mut list = String::from(
        "format = 1\nservice = \"potilastiedon-arkisto\"\nillustrative = true\nenvironments = [\"asiakastesti\"]\n",
    );
    for index in 1..=cases {
        write!(
            list,
            "\n[[case]]\nid = \"PA-{index:04}\"\ntitle = \"Synteettinen tapaus {index}\"\n\
             exercises = \"A generated case for measuring valmis.\"\nmandatory = true\nevidence = [{evidence}]\n"
        )?;
    }
    fs::write(dir.join("pretest/potilastiedon-arkisto.toml"), list)?;
    Ok(dir.to_path_buf())
}

/// Header and `ROWS` rows; failing rows ran in the future, in the wrong environment, on an
/// invalid test person, with a missing evidence file.
fn report_rows(failing: bool) -> Vec<Vec<String>> {
    let header =
        ["case_id", "result", "executed_at", "environment", "test_person", "document_oid", "evidence", "notes"];
    let mut rows = vec![header.iter().map(|cell| (*cell).to_owned()).collect::<Vec<_>>()];
    for index in 1..=ROWS {
        let minute = index % 60;
        let hour = 8 + index / 60 % 9;
        let (when, environment, person, evidence) = if failing {
            (
                format!("2026-12-01T{hour:02}:{minute:02}:00+02:00"),
                "tuotannonkuva",
                "010181-900X",
                format!("evidence/puuttuu-{index:04}.txt"),
            )
        } else {
            (
                format!("2026-11-1{}T{hour:02}:{minute:02}:00+02:00", index % 7),
                "asiakastesti",
                "010181-900C",
                format!("evidence/PA-{index:04}/kuittaus.txt"),
            )
        };
        rows.push(vec![
            format!("PA-{index:04}"),
            "pass".to_owned(),
            when,
            environment.to_owned(),
            person.to_owned(),
            // Passing rows name no stored document (a document_oid must be a document's id).
            if failing { format!("1.2.246.10.12345671.11.2026.{index}") } else { String::new() },
            evidence,
            format!("Synteettinen ajo {index}"),
        ]);
    }
    rows
}

fn csv_from_rows(rows: &[Vec<String>]) -> Vec<u8> {
    rows.iter().map(|row| row.join(",") + "\n").collect::<String>().into_bytes()
}

/// The ready bundle's forms, documents and connection, a manifest without `[files]`, the report, and one
/// acknowledgement file per case.
fn write_bundle(root: &Path, bundle: &Path, report_name: &str, report: &[u8]) -> anyhow::Result<()> {
    let ready = root.join("fixtures/bundles/ready");
    let manifest = fs::read_to_string(ready.join("manifest.toml"))?;
    let manifest = manifest.split("\n# SHA-256 of every other file").next().unwrap_or(&manifest);
    crate::fixtures::write(bundle, "manifest.toml", manifest.as_bytes())?;
    for folder in ["forms", "documents", "connection", "connection/certs"] {
        for entry in fs::read_dir(ready.join(folder))? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                continue;
            }
            let name = format!("{folder}/{}", entry.file_name().to_string_lossy());
            crate::fixtures::write(bundle, &name, &fs::read(entry.path())?)?;
        }
    }
    crate::fixtures::write(bundle, &format!("pretest/{report_name}"), report)?;
    for index in 1..=ROWS {
        let text = format!(
            "Arkiston kuittaus (asiakastesti)\nSanoman tunniste: 3d9b6f14-2c7e-4a0b-8f51-{index:012}\nTestihenkilö: 010181-900C\n"
        );
        crate::fixtures::write(bundle, &format!("evidence/PA-{index:04}/kuittaus.txt"), text.as_bytes())?;
    }
    Ok(())
}

/// `cargo xtask bench --scale`: bundles of 100, 1,000 and 10,000 CDA documents (plus one Kanta
/// PHR FHIR bundle per 100 documents), as folders and zips, measured next to the floors on the
/// same files: `cat` of every byte, `xmllint --noout` of the XML, and `rg` of the identity code
/// pattern (when installed).
/// The scale table's sizes: name and number of documents.
const SIZES: [(&str, usize); 4] = [("S", 100), ("M", 1_000), ("L", 10_000), ("XL", 40_000)];

pub(crate) fn scale(root: &Path, only: Option<&[String]>) -> anyhow::Result<()> {
    if let Some(unknown) = only.into_iter().flatten().find(|size| !SIZES.iter().any(|(name, _)| name == size)) {
        bail!("unknown size `{unknown}` (the sizes are S, M, L and XL)");
    }
    let valmis = crate::build_binary("valmis", "valmis", true)?;
    let base = root.join("target/bench/scale");
    let ready = root.join("fixtures/bundles/ready");
    let template = fs::read_to_string(ready.join("documents/hoitokertomus-2026-11-12.xml"))?;
    let fhir = fs::read(root.join("fixtures/fhir-fi-base-examples/diabetes-data-bundle-kantaphr-r4-en.json"))?;
    // Twenty sections of text make a document of a realistic size (about 15 KB).
    let sections: String = (1..=20)
        .map(|index| {
            format!(
                "      <component>\n        <section>\n          <code code=\"{index}\" codeSystem=\"1.2.246.537.6.14.2006\"/>\n          <title>Osio {index}</title>\n          <text>{}</text>\n        </section>\n      </component>\n",
                "Potilas kertoo voinnistaan ja hoidon etenemisestä; tutkimuslöydökset kirjataan. ".repeat(6)
            )
        })
        .collect();
    let mut table = String::from(
        "| size | documents | report rows | MB | cat | xmllint --noout | xmllint --schema | rg | valmis (folder) | without DOC-SCHEMA | parse only | valmis (zip) | valmis / xmllint | zip / folder | peak RSS folder / zip | bytes per document |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut rows = Vec::new();
    for (size, documents) in SIZES {
        if only.is_some_and(|only| !only.iter().any(|wanted| wanted == size)) {
            continue;
        }
        let bundle = base.join(size);
        if bundle.exists() {
            fs::remove_dir_all(&bundle)?;
        }
        copy_ready(&ready, &bundle)?;
        for index in 0..documents {
            let id = format!("1.2.246.10.12345671.11.2026.{}", 20_000 + index);
            let text = template.replace("1.2.246.10.12345671.11.2026.1001", &id).replace(
                "      <component>\n        <section>",
                &format!("{sections}      <component>\n        <section>"),
            );
            crate::fixtures::write(&bundle, &format!("documents/hoitokertomus-{index:05}.xml"), text.as_bytes())?;
        }
        for index in 0..documents / 100 {
            crate::fixtures::write(&bundle, &format!("documents/phr-{index:03}.json"), &fhir)?;
        }
        // A pre-test report of one row per two documents (5,000 on L), each case showing the
        // document it stored, against a catalog declaring those cases.
        let cases = documents / 2;
        let catalog = write_catalog(root, &base.join(format!("{size}-catalog")), cases, "\"document\"")?;
        let mut report =
            String::from("case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n");
        for index in 1..=cases {
            let (hour, minute) = (8 + index / 60 % 9, index % 60);
            writeln!(
                report,
                "PA-{index:04},pass,2026-11-1{}T{hour:02}:{minute:02}:00+02:00,asiakastesti,010181-900C,\
                 1.2.246.10.12345671.11.2026.{},documents/hoitokertomus-{:05}.xml,Synteettinen ajo {index}",
                index % 7,
                20_000 + index - 1,
                index - 1
            )?;
        }
        crate::fixtures::write(&bundle, "pretest/report.csv", report.as_bytes())?;
        let zip = base.join(format!("{size}.zip"));
        fs::write(&zip, crate::fixtures::zip_tree(&bundle, "nippu", &[])?)?;
        let megabytes = folder_bytes(&bundle)? as f64 / 1_048_576.0;
        // XL's runs take seconds each: fewer of them.
        let runs = if documents >= 40_000 { 3 } else { RUNS };
        // Floors: the median of `runs` runs each, like valmis.
        let floor = |command: &str| -> anyhow::Result<Option<f64>> {
            let mut walls = Vec::new();
            // One warm-up run, then `runs` measured ones.
            for run in 0..=runs {
                let started = Instant::now();
                let status = Command::new("sh").arg("-c").arg(command).current_dir(&bundle).status()?;
                if !status.success() {
                    return Ok(None);
                }
                if run > 0 {
                    walls.push(started.elapsed().as_secs_f64() * 1000.0);
                }
            }
            Ok(Some(median(&walls)))
        };
        let cat = floor("find . -type f -print0 | xargs -0 cat > /dev/null")?;
        let xmllint = if installed("xmllint") {
            floor("find . -name '*.xml' -print0 | xargs -0 xmllint --noout")?
        } else {
            eprintln!("xmllint is not installed (apt-get install libxml2-utils): its floor is left out");
            None
        };
        // The floor of DOC-SCHEMA's work: libxml2 validating every XML file against Kela's set.
        let schema = root.join("testcases/2027-1/schemas/kanta-cda/CDA_Fi.xsd");
        let xmllint_schema = if installed("xmllint") {
            floor(&format!(
                "find . -name '*.xml' -print0 | xargs -0 xmllint --noout --schema '{}' 2>/dev/null",
                schema.display()
            ))?
        } else {
            None
        };
        let rg = if installed("rg") {
            floor("rg -c '[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]' . > /dev/null; true")?
        } else {
            eprintln!("rg is not installed (apt-get install ripgrep): its floor is left out");
            None
        };
        // As users run it in CI: every requirement, the JUnit file written.
        let run = |path: &Path, args: &'static [&'static str]| -> anyhow::Result<(f64, i64)> {
            let workload = Workload {
                name: format!("{size} {}", path.display()),
                bundle: path.to_path_buf(),
                catalog: Some(catalog.clone()),
                args,
                expected_exit: 0,
            };
            let measurement = measure(&valmis, &workload, &base.join("out"), runs)?;
            Ok((median(&measurement.wall_ms), measurement.max_rss_kib))
        };
        let (folder_ms, folder_rss) = run(&bundle, &["--skip", "BUNDLE-INTEGRITY"])?;
        // What DOC-SCHEMA costs: the same run without it.
        let (without_schema_ms, _) = run(&bundle, &["--skip", "BUNDLE-INTEGRITY", "--skip", "DOC-SCHEMA"])?;
        // valmis's own floor: listing, reading and parsing every document (XML and JSON), no
        // other check, the JUnit of that one requirement.
        let (parse_ms, _) = run(&bundle, &["--only", "DOC-WELLFORMED"])?;
        let (zip_ms, zip_rss) = run(&zip, &["--skip", "BUNDLE-INTEGRITY"])?;
        let show = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |ms| format!("{ms:.0} ms"));
        let rss_kib = folder_rss.max(zip_rss);
        // How the peak grows with documents: from the previous size measured in this run.
        let per_document = rows.last().map(|previous: &Row| {
            (rss_kib - previous.rss_kib) as f64 * 1024.0 / (documents - previous.documents) as f64
        });
        writeln!(
            table,
            "| {size} | {documents} | {cases} | {megabytes:.0} | {} | {} | {} | {} | {folder_ms:.0} ms | {without_schema_ms:.0} ms | {parse_ms:.0} ms | {zip_ms:.0} ms | {} | {:.2}× | {:.0} / {:.0} MiB | {} |",
            show(cat),
            show(xmllint),
            show(xmllint_schema),
            show(rg),
            xmllint.map_or_else(|| "—".to_owned(), |floor| format!("{:.2}×", folder_ms / floor)),
            zip_ms / folder_ms,
            folder_rss as f64 / 1024.0,
            zip_rss as f64 / 1024.0,
            per_document.map_or_else(|| "—".to_owned(), |bytes| format!("{bytes:.0} B"))
        )?;
        rows.push(Row {
            size,
            megabytes,
            folder_ms,
            ratio: xmllint.map(|floor| folder_ms / floor),
            parse_ratio: xmllint.map(|floor| parse_ms / floor),
            zip_ratio: zip_ms / folder_ms,
            rss_kib,
            documents,
            per_document,
        });
        eprintln!("{size} done");
    }
    table.push_str(&targets(&rows));
    println!("\n{table}");
    fs::write(base.join("results.md"), &table)?;
    eprintln!("table also written to target/bench/scale/results.md");
    Ok(())
}

/// One size's figures, for the targets.
struct Row {
    size: &'static str,
    megabytes: f64,
    folder_ms: f64,
    ratio: Option<f64>,
    /// The parse-only run against xmllint.
    parse_ratio: Option<f64>,
    zip_ratio: f64,
    rss_kib: i64,
    documents: usize,
    /// Bytes of peak RSS per document more than the previous size.
    per_document: Option<f64>,
}

/// Issue 7's targets against the figures, one line each.
fn targets(rows: &[Row]) -> String {
    let mark = |held: bool| if held { "met" } else { "NOT met" };
    let mut text = String::from("\nTargets:\n");
    if let Some(large) = rows.last() {
        match large.ratio {
            Some(ratio) => {
                text.push_str(&format!(
                    "- valmis within 1.0× of xmllint on {}: {ratio:.2}× ({}; issue 22 aims at 0.35×: {})\n",
                    large.size,
                    mark(ratio <= 1.0),
                    mark(ratio <= 0.35)
                ));
                if let Some(parse) = large.parse_ratio {
                    text.push_str(&format!(
                        "  (reading and parsing the documents alone, `--only DOC-WELLFORMED`: {parse:.2}× of xmllint)\n"
                    ));
                }
            }
            None => text.push_str("- valmis within 1.0× of xmllint: not measured (no xmllint)\n"),
        }
    }
    let worst_zip = rows.iter().map(|row| row.zip_ratio).fold(0.0, f64::max);
    text.push_str(&format!("- zip within 1.2× of the folder: at most {worst_zip:.2}× ({})\n", mark(worst_zip <= 1.2)));
    // Issue 7: under 150 MB up to L; issue 22: under 150 MB at XL too, growing at most 1 KB per
    // document.
    let worst_rss = rows.iter().map(|row| row.rss_kib as f64 / 1024.0).fold(0.0, f64::max);
    text.push_str(&format!(
        "- peak RSS under 150 MB on every size: at most {worst_rss:.0} MiB ({})\n",
        mark(worst_rss * 1.048_576 < 150.0)
    ));
    if let Some(Row { size, per_document: Some(bytes), .. }) = rows.last() {
        text.push_str(&format!(
            "- memory growth at most 1 KB per document (up to {size}): {bytes:.0} bytes ({})\n",
            mark(*bytes <= 1000.0)
        ));
    }
    // From M (S is mostly start-up) when the table has it, else from the first size measured.
    let from = if rows.len() > 2 { rows.get(1) } else { rows.first() };
    if let (Some(first), Some(last)) = (from, rows.last())
        && rows.len() > 1
    {
        let per_mb = |row: &Row| row.folder_ms / row.megabytes;
        let growth = per_mb(last) / per_mb(first);
        text.push_str(&format!(
            "- cost linear in size: {:.1} ms/MB on {} and {:.1} ms/MB on {} ({:.2}×, {})\n",
            per_mb(first),
            first.size,
            per_mb(last),
            last.size,
            growth,
            mark(growth <= 1.25)
        ));
    }
    text
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

pub(crate) fn copy_ready(ready: &Path, bundle: &Path) -> anyhow::Result<()> {
    let manifest = fs::read_to_string(ready.join("manifest.toml"))?;
    let manifest = manifest.split("\n# SHA-256 of every other file").next().unwrap_or(&manifest);
    crate::fixtures::write(bundle, "manifest.toml", manifest.as_bytes())?;
    let mut pending = vec![(ready.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                pending.push((entry.path(), format!("{name}/")));
            } else if name != "manifest.toml" {
                crate::fixtures::write(bundle, &name, &fs::read(entry.path())?)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn folder_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        total += if entry.file_type()?.is_dir() { folder_bytes(&entry.path())? } else { entry.metadata()?.len() };
    }
    Ok(total)
}
