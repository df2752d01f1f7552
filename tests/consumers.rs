//! valmis's reports against what their consumers expect, on every fixture bundle: JUnit against
//! Jenkins' JUnit schemas, junit-4 and junit-10 (xmllint), SARIF against the SARIF 2.1.0 schema (the `jsonschema`
//! crate), and JUnit, JSON, SARIF, GitLab Code Quality, the Markdown summary and the GitHub
//! annotations of one run agreeing on every requirement id and count.

#[path = "consumers/enricomi.rs"]
mod enricomi;
#[path = "consumers/gitlab.rs"]
mod gitlab;
mod support;
use support::{copy_tree, xmllint_available};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-20T12:00:00Z";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// Every fixture bundle EXPECTED.toml describes, with its extra arguments.
fn fixtures() -> Vec<(String, Vec<String>)> {
    let expected = std::fs::read_to_string(root().join("fixtures/bundles/EXPECTED.toml")).expect("EXPECTED.toml");
    let table: toml::Table = toml::from_str(&expected).expect("EXPECTED.toml parses");
    let list = table["fixture"].as_array().expect("[[fixture]]");
    list.iter()
        // A usage error (exit 2) writes no report to consume.
        .filter(|fixture| fixture["exit"].as_integer() != Some(2))
        .map(|fixture| {
            let bundle = fixture["bundle"].as_str().expect("bundle").to_owned();
            let args =
                fixture["args"].as_array().expect("args").iter().map(|a| a.as_str().expect("arg").to_owned()).collect();
            (bundle, args)
        })
        .collect()
}

/// Everything one run wrote.
struct Sinks {
    code: i32,
    stdout: String,
    stderr: String,
    junit: String,
    json: serde_json::Value,
    sarif: serde_json::Value,
    codequality: serde_json::Value,
    summary: String,
    step_summary: String,
    html: String,
    junit_path: PathBuf,
}

/// `run_all` over `bundle` (BUNDLE-INTEGRITY skipped) with one waiver, `fields` of it written in
/// `dir`, expiring 2027-01-31.
fn run_with_waiver(dir: &Path, bundle: &Path, fields: &str) -> Sinks {
    let waivers = dir.join("waivers.toml");
    std::fs::write(&waivers, format!("format = 1\n\n[[waiver]]\n{fields}expires = 2027-01-31\n")).expect("write");
    run_all(
        bundle,
        &["--skip".to_owned(), "BUNDLE-INTEGRITY".to_owned(), "--waivers".to_owned(), waivers.display().to_string()],
    )
}

impl Sinks {
    /// Every sink's text (JSON ones serialised again), named.
    fn texts(&self) -> [(&'static str, String); 8] {
        [
            ("stdout", self.stdout.clone()),
            ("JUnit", self.junit.clone()),
            ("JSON", self.json.to_string()),
            ("SARIF", self.sarif.to_string()),
            ("Code Quality", self.codequality.to_string()),
            ("Markdown summary", self.summary.clone()),
            ("step summary", self.step_summary.clone()),
            ("HTML", self.html.clone()),
        ]
    }
}

fn run_all(bundle: &Path, extra: &[String]) -> Sinks {
    let out = tempfile::tempdir().expect("tempdir");
    let file = |name: &str| out.path().join(name);
    let step_summary = file("step-summary.md");
    let output = support::valmis_command()
        .arg("verify")
        .arg(bundle)
        .args(["--now", NOW, "--junit"])
        .arg(file("junit.xml"))
        .arg("--json")
        .arg(file("report.json"))
        .arg("--sarif")
        .arg(file("report.sarif"))
        .arg("--gitlab-codequality")
        .arg(file("codequality.json"))
        .arg("--summary-md")
        .arg(file("summary.md"))
        .arg("--html")
        .arg(file("report.html"))
        .args(extra)
        .env_remove("VALMIS_NOW")
        .env("NO_COLOR", "1")
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_WORKSPACE", root())
        .env("GITHUB_STEP_SUMMARY", &step_summary)
        .output()
        .expect("valmis runs");
    let read = |path: PathBuf| std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} written", path.display()));
    let json = |path: PathBuf| -> serde_json::Value { serde_json::from_str(&read(path)).expect("JSON parses") };
    let kept = out.keep();
    Sinks {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        junit: read(kept.join("junit.xml")),
        json: json(kept.join("report.json")),
        sarif: json(kept.join("report.sarif")),
        codequality: json(kept.join("codequality.json")),
        summary: read(kept.join("summary.md")),
        step_summary: read(step_summary.clone()),
        html: read(kept.join("report.html")),
        junit_path: kept.join("junit.xml"),
    }
}

/// Problems per requirement from the JSON report: each finding of a failed or warned outcome,
/// and each outcome that could not be evaluated.
fn problems_in_json(json: &serde_json::Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for outcome in json["outcomes"].as_array().expect("outcomes") {
        let n = match outcome["status"].as_str().expect("status") {
            "failed" | "warned" => outcome["findings"].as_array().map_or(0, Vec::len),
            "error" => 1,
            _ => 0,
        };
        if n > 0 {
            *counts.entry(outcome["requirement"].as_str().expect("id").to_owned()).or_default() += n;
        }
    }
    counts
}

fn count_by<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for id in ids {
        *counts.entry(id.to_owned()).or_default() += 1;
    }
    counts
}

#[test]
fn every_report_agrees_and_satisfies_its_consumer() {
    let with_xmllint = xmllint_available();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/schemas/sarif-2.1.0-rtm.5.json")).expect("SARIF schema"),
    )
    .expect("schema parses");
    let sarif_schema = jsonschema::validator_for(&schema).expect("SARIF schema compiles");
    let mut failing_seen = 0;
    let fixtures = fixtures();
    assert!(fixtures.len() > 70, "EXPECTED.toml lists the fixtures");
    for (name, args) in fixtures {
        let bundle = root().join("fixtures/bundles").join(&name);
        let run = run_all(&bundle, &args);
        assert!(run.code == 0 || run.code == 1, "{name}: exit {}\n{}", run.code, run.stdout);

        // JUnit: Jenkins' schemas (junit-4 and the xUnit plugin's junit-10), and the failing
        // requirement ids.
        if with_xmllint {
            for schema in ["junit-4.xsd", "junit-jenkins.xsd"] {
                let check = Command::new("xmllint")
                    .args(["--noout", "--schema"])
                    .arg(root().join("fixtures/schemas").join(schema))
                    .arg(&run.junit_path)
                    .output()
                    .expect("xmllint runs");
                assert!(
                    check.status.success(),
                    "{name}: JUnit fails {schema}: {}",
                    String::from_utf8_lossy(&check.stderr)
                );
            }
        }
        let junit = quick_junit::Report::deserialize_from_str(&run.junit).expect("JUnit parses");
        let mut junit_failing = BTreeMap::new();
        for suite in &junit.test_suites {
            for case in &suite.test_cases {
                if matches!(case.status, quick_junit::TestCaseStatus::NonSuccess { .. }) {
                    let id = case.name.as_str().split(':').next().expect("id").to_owned();
                    *junit_failing.entry(id).or_insert(0) += 1;
                }
            }
        }

        // JSON: the problems every other sink must show.
        let problems = problems_in_json(&run.json);
        let total: usize = problems.values().sum();
        let json_failing: BTreeMap<String, usize> = count_by(
            run.json["outcomes"]
                .as_array()
                .expect("outcomes")
                .iter()
                .filter(|o| matches!(o["status"].as_str(), Some("failed" | "error")))
                .map(|o| o["requirement"].as_str().expect("id")),
        );
        assert_eq!(junit_failing, json_failing, "{name}: JUnit and JSON disagree on failing requirements");

        // SARIF: schema-valid, one result per problem, ruleId = requirement id, relative paths.
        let errors: Vec<String> =
            sarif_schema.iter_errors(&run.sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: SARIF fails the 2.1.0 schema: {errors:?}");
        let results = run.sarif["runs"][0]["results"].as_array().expect("results");
        assert_eq!(count_by(results.iter().map(|r| r["ruleId"].as_str().expect("ruleId"))), problems, "{name}: SARIF");
        for result in results {
            for location in result["locations"].as_array().into_iter().flatten() {
                let uri = location["physicalLocation"]["artifactLocation"]["uri"].as_str().expect("uri");
                assert!(uri.starts_with("fixtures/bundles/"), "{name}: SARIF path `{uri}` is not repository-relative");
            }
        }

        // GitLab Code Quality: one issue per problem (nothing here comes near 30 MB).
        let issues = run.codequality.as_array().expect("Code Quality is an array");
        assert_eq!(
            count_by(issues.iter().map(|i| i["check_name"].as_str().expect("check_name"))),
            problems,
            "{name}: Code Quality"
        );
        for issue in issues {
            for key in ["description", "fingerprint", "severity"] {
                assert!(issue[key].is_string(), "{name}: Code Quality issue without {key}");
            }
            assert!(issue["location"]["lines"]["begin"].as_u64().is_some_and(|line| line >= 1), "{name}: lines.begin");
        }

        // GitHub annotations: worst first, at most 10 per type, the rest counted in a notice.
        let annotations: Vec<&str> = run.stdout.lines().filter(|line| line.starts_with("::")).collect();
        let shown: Vec<&str> = annotations.iter().copied().filter(|line| !line.starts_with("::notice")).collect();
        let errors = shown.iter().filter(|line| line.starts_with("::error ")).count();
        let warnings = shown.iter().filter(|line| line.starts_with("::warning ")).count();
        assert!(errors <= 10 && warnings <= 10, "{name}: annotation budget");
        let more: usize = annotations
            .iter()
            .find_map(|line| line.split("::").nth(2)?.strip_prefix('+')?.split(' ').next()?.parse().ok())
            .unwrap_or(0);
        assert_eq!(shown.len() + more, total, "{name}: annotations shown plus +N more");
        if let Some(first_warning) = shown.iter().position(|line| line.starts_with("::warning ")) {
            assert!(shown[first_warning..].iter().all(|line| line.starts_with("::warning ")), "{name}: errors first");
        }
        for line in &shown {
            let title = line.split("title=").nth(1).expect("title").split("::").next().expect("title value");
            let id = title.split("%3A").next().expect("id");
            assert!(problems.contains_key(id), "{name}: annotation for {id}, which has no problem");
        }

        // Markdown: the step summary is the summary file; failing ids, counts and findings agree.
        assert_eq!(run.summary, run.step_summary, "{name}: step summary");
        assert!(run.summary.len() < 1024 * 1024, "{name}: summary over 1 MiB");
        let last_line = run.stdout.lines().last().expect("closing line");
        assert!(run.summary.contains(&format!("**{last_line}**")), "{name}: summary counts `{last_line}`");
        let listed =
            run.summary.lines().filter(|line| line.starts_with("- ❌ **") || line.starts_with("- ⚠️ **")).count();
        assert_eq!(listed, total, "{name}: findings listed in the summary");
        let table_ids: Vec<&str> = run
            .summary
            .split("### Not ready because of")
            .nth(1)
            .map(|section| {
                section
                    .lines()
                    .skip(4)
                    .take_while(|line| line.starts_with("| "))
                    .filter_map(|line| line.split(" | ").next()?.strip_prefix("| "))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(table_ids, junit_failing.keys().map(String::as_str).collect::<Vec<_>>(), "{name}: summary table");
        assert_eq!(run.summary.starts_with("## ✅"), run.code == 0, "{name}: verdict");

        // HTML: the same verdict, counts, and one Problems row per failed, unevaluated or warned
        // outcome; one finding item per finding of those outcomes.
        assert!(run.html.contains(&format!("<p class=\"counts\">{last_line}</p>")), "{name}: HTML counts");
        assert_eq!(run.html.contains("<h1>✓ Ready</h1>"), run.code == 0, "{name}: HTML verdict");
        let problem_rows = run
            .html
            .split("<section id=\"problems\">")
            .nth(1)
            .map_or(String::new(), |rest| rest.split("</section>").next().unwrap_or_default().to_owned());
        let html_rows = count_by(
            problem_rows
                .lines()
                .filter(|line| line.starts_with("<tr class="))
                .filter_map(|line| line.split("data-requirement=\"").nth(1)?.split('"').next()),
        );
        let json_rows = count_by(
            run.json["outcomes"]
                .as_array()
                .expect("outcomes")
                .iter()
                .filter(|o| matches!(o["status"].as_str(), Some("failed" | "error" | "warned")))
                .map(|o| o["requirement"].as_str().expect("id")),
        );
        assert_eq!(html_rows, json_rows, "{name}: HTML problems");
        let items = run.html.matches("<li>").count();
        let errors_without_findings: usize =
            run.json["outcomes"].as_array().expect("outcomes").iter().filter(|o| o["status"] == "error").count();
        assert_eq!(items + errors_without_findings, total, "{name}: HTML findings");
        if run.code == 1 {
            failing_seen += 1;
        }
    }
    assert!(failing_seen > 50, "the fixtures include the failing ones ({failing_seen})");
}

/// A tiny WebDriver client for chromedriver on loopback: one HTTP/1.1 request per call.
struct WebDriver {
    port: u16,
    session: String,
}

impl WebDriver {
    fn request(port: u16, method: &str, path: &str, body: Option<&serde_json::Value>) -> serde_json::Value {
        use std::io::{Read as _, Write as _};
        let body = body.map(|body| body.to_string()).unwrap_or_default();
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("chromedriver listens");
        stream.set_read_timeout(Some(std::time::Duration::from_secs(60))).expect("timeout");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("request written");
        // Read the head, then exactly the body it announces: chromedriver may keep the
        // connection open.
        let mut response = Vec::new();
        let mut buffer = [0u8; 64 * 1024];
        let (head, payload) = loop {
            // A signal (another test's child exiting) may interrupt the read: read again.
            let read = match stream.read(&mut buffer) {
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                other => other.expect("response read"),
            };
            assert!(read > 0, "chromedriver closed the connection without an answer");
            response.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&response).into_owned();
            let Some((head, body)) = text.split_once("\r\n\r\n") else { continue };
            let lower = head.to_ascii_lowercase();
            let length = lower
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|value| value.trim().parse::<usize>().ok());
            match length {
                Some(length) if body.len() >= length => break (head.to_owned(), body[..length].to_owned()),
                None if lower.contains("transfer-encoding: chunked") && body.ends_with("0\r\n\r\n") => {
                    break (head.to_owned(), dechunk(body));
                }
                _ => {}
            }
        };
        serde_json::from_str(&payload)
            .unwrap_or_else(|error| panic!("chromedriver answered {head}: {error}: {payload}"))
    }

    fn call(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
        let path = format!("/session/{}{path}", self.session);
        let answer = Self::request(self.port, method, &path, body.as_ref());
        assert!(answer["value"]["error"].is_null(), "{method} {path}: {}", answer["value"]);
        answer["value"].clone()
    }

    fn find(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(serde_json::json!({ "using": "css selector", "value": css })));
        found["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned()
    }

    fn displayed(&self, element: &str) -> bool {
        self.call("GET", &format!("/element/{element}/displayed"), None).as_bool().expect("displayed")
    }

    fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), None).as_str().expect("text").to_owned()
    }
}

fn dechunk(mut payload: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = payload.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        payload = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// The programs the HTML test needs; under CI=true (where .ci/run installs them) their absence
/// is a failure.
fn chromium() -> Option<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| names.iter().map(|name| Path::new("/usr/bin").join(name)).find(|path| path.exists());
    match (find(&["chromium", "chromium-browser", "google-chrome"]), find(&["chromedriver"])) {
        (Some(browser), Some(driver)) => Some((browser, driver)),
        _ => {
            assert!(
                std::env::var_os("CI").is_none_or(|ci| ci != "true"),
                "chromium or chromedriver is missing under CI=true; .ci/run installs chromium and chromium-driver"
            );
            eprintln!(
                "skipping the HTML rendering test: chromium and chromedriver are not installed (Debian: chromium chromium-driver)"
            );
            None
        }
    }
}

#[test]
fn html_report_shows_the_verdict_and_the_failure_in_headless_chromium() {
    let Some((browser, driver)) = chromium() else { return };
    let out = tempfile::tempdir().expect("tempdir");
    let html = out.path().join("report.html");
    let bundle = root().join("fixtures/bundles/doc-patient");
    let status = support::valmis_command()
        .arg("verify")
        .arg(&bundle)
        .args(["--now", NOW, "--quiet", "--html"])
        .arg(&html)
        .env_remove("GITHUB_ACTIONS")
        .status()
        .expect("valmis runs");
    assert_eq!(status.code(), Some(1));
    let page = std::fs::read_to_string(&html).expect("HTML written");
    for forbidden in ["<script", "http://", "src=\"http", "@import", "url("] {
        assert!(!page.contains(forbidden), "the page must be self-contained: found `{forbidden}`");
    }

    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("port").port();
    let mut chromedriver = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let ready = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(ready, "chromedriver did not start listening");
    let profile = out.path().join("profile");
    let session = WebDriver::request(
        port,
        "POST",
        "/session",
        Some(&serde_json::json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
        } } })),
    );
    let session_id =
        session["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {session}")).to_owned();
    let webdriver = WebDriver { port, session: session_id };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        webdriver.call("POST", "/url", Some(serde_json::json!({ "url": format!("file://{}", html.display()) })));
        let verdict = webdriver.find("#verdict h1");
        assert!(webdriver.displayed(&verdict), "the verdict is visible");
        assert!(webdriver.text(&verdict).contains("Not ready"), "verdict: {}", webdriver.text(&verdict));
        // The failure is listed under Problems, on the first screen, with its first finding.
        let failure = webdriver.find("#problems tr.failed[data-requirement='DOC-PATIENT']");
        assert!(webdriver.displayed(&failure), "the failing requirement is visible");
        let text = webdriver.text(&failure);
        assert!(text.contains("DOC-PATIENT") && text.contains("19810101"), "failure row: {text}");
        let rect = webdriver.call("GET", &format!("/element/{failure}/rect"), None);
        assert!(
            rect["y"].as_f64().is_some_and(|y| y + rect["height"].as_f64().unwrap_or(0.0) < 1000.0),
            "on the first screen: {rect}"
        );
        // Its details, with the masked snippet, in the documents table.
        let details = webdriver.find("#area-documents tr.failed[data-requirement='DOC-PATIENT'] pre.snippet");
        assert!(webdriver.text(&details).contains("birthTime"), "snippet shown");

        let screenshot = webdriver.call("GET", "/screenshot", None);
        use base64::Engine as _;
        let png = base64::engine::general_purpose::STANDARD
            .decode(screenshot.as_str().expect("base64 PNG"))
            .expect("screenshot decodes");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "a real screenshot");
        let shots = root().join("target/consumers");
        std::fs::create_dir_all(&shots).expect("target/consumers");
        std::fs::write(shots.join("html-report.png"), &png).expect("screenshot saved");

        // The status filter is radio buttons and CSS: it works with JavaScript off.
        let passed = webdriver.find("tr.passed");
        assert!(webdriver.displayed(&passed), "passed rows show by default");
        let only_failed = webdriver.find("label[for='show-failed']");
        webdriver.call("POST", &format!("/element/{only_failed}/click"), Some(serde_json::json!({})));
        assert!(!webdriver.displayed(&passed), "the failed filter hides passed rows");
        assert!(webdriver.displayed(&failure), "the failed filter keeps the failure");
    }));
    let _ = WebDriver::request(port, "DELETE", &format!("/session/{}", webdriver.session), None);
    let _ = chromedriver.kill();
    let _ = chromedriver.wait();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// Runs valmis with `args`; returns the exit code and standard error.
fn valmis(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let output = support::valmis_command()
        .args(args)
        .env_remove("VALMIS_NOW")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("valmis runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn four_merged_shards_give_the_unsharded_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A bundle with enough documents that every shard gets some: the ready bundle plus copies
    // of its CDA document, one of them broken, so that the report has failures to split too.
    let big = dir.path().join("iso-nippu");
    copy_tree(&root().join("fixtures/bundles/ready"), &big);
    let document = std::fs::read_to_string(big.join("documents/hoitokertomus-2026-11-12.xml")).expect("document");
    for index in 0..24 {
        let text = document
            .replace("1.2.246.10.12345671.11.2026.1001", &format!("1.2.246.10.12345671.11.2026.{}", 3000 + index));
        let text = if index == 7 { text.replace("<realmCode code=\"FI\"/>", "<realmCode code=\"SE\"/>") } else { text };
        std::fs::write(big.join(format!("documents/kopio-{index:02}.xml")), text).expect("copy written");
    }
    let mut bundles: Vec<PathBuf> = vec![big];
    for name in [
        "ready",
        "ready.zip",
        "doc-patient",
        "fhir-patient",
        "privacy-hetu",
        "bundle-secrets-pem",
        "pretest-evidence-document",
        "doc-wellformed",
    ] {
        bundles.push(root().join("fixtures/bundles").join(name));
    }
    for bundle in bundles {
        let out = dir.path().join("reports").join(bundle.file_name().expect("name"));
        std::fs::create_dir_all(&out).expect("out");
        let path = |name: &str| out.join(name).into_os_string();
        let base = [bundle.as_os_str(), "--now".as_ref(), NOW.as_ref(), "--quiet".as_ref()];
        let (whole, _) = valmis(
            &[
                &["verify".as_ref()],
                &base[..],
                &["--json".as_ref(), &path("whole.json"), "--junit".as_ref(), &path("whole.xml")],
            ]
            .concat(),
        );
        let mut shard_files = Vec::new();
        let mut sizes = Vec::new();
        for k in 1..=4 {
            let partition = format!("{k}/4");
            let file = path(&format!("shard-{k}.json"));
            valmis(
                &[
                    &["verify".as_ref()],
                    &base[..],
                    &["--partition".as_ref(), partition.as_ref(), "--json".as_ref(), &file],
                ]
                .concat(),
            );
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&file).expect("shard")).expect("JSON");
            sizes.push(json["outcomes"].as_array().expect("outcomes").len());
            shard_files.push(file);
        }
        let mut args: Vec<&std::ffi::OsStr> = vec!["merge".as_ref()];
        let merged_json = path("merged.json");
        let merged_xml = path("merged.xml");
        args.push(&merged_json);
        // Shards in any order.
        for file in shard_files.iter().rev() {
            args.push(file);
        }
        args.extend(["--junit".as_ref(), merged_xml.as_os_str(), "--quiet".as_ref()]);
        let (merged, stderr) = valmis(&args);
        let name = bundle.display();
        assert_eq!(merged, whole, "{name}: merged exit code ({stderr})");
        let merged_junit = std::fs::read_to_string(&merged_xml).expect("merged JUnit");
        let whole_junit = std::fs::read_to_string(path("whole.xml")).expect("whole JUnit");
        if merged_junit != whole_junit {
            let first = merged_junit.lines().zip(whole_junit.lines()).position(|(a, b)| a != b);
            panic!(
                "{name}: merged JUnit differs from the unsharded one at line {first:?}:\n merged: {:?}\n whole:  {:?}",
                first.and_then(|line| merged_junit.lines().nth(line)),
                first.and_then(|line| whole_junit.lines().nth(line))
            );
        }
        let whole_json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path("whole.json")).expect("json")).expect("JSON");
        let merged_json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&merged_json).expect("json")).expect("JSON");
        assert_eq!(merged_json, whole_json, "{name}: merged JSON");
        assert_eq!(
            sizes.iter().sum::<usize>(),
            whole_json["outcomes"].as_array().expect("outcomes").len(),
            "{name}: every outcome once"
        );
        if name.to_string().ends_with("iso-nippu") {
            assert!(sizes.iter().all(|size| *size > 3), "{name}: every shard has documents: {sizes:?}");
        }
    }

    // A missing shard, a duplicate and a shard of another run are usage errors.
    let out = dir.path().join("reports/iso-nippu");
    let shard = |k: u32| out.join(format!("shard-{k}.json")).into_os_string();
    let merged = out.join("x.json").into_os_string();
    let (code, stderr) = valmis(&["merge".as_ref(), &merged, &shard(1), &shard(2), &shard(4)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("shard 3/4 is missing"), "{stderr}");
    let (code, stderr) = valmis(&["merge".as_ref(), &merged, &shard(1), &shard(2), &shard(2), &shard(4)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("given twice"), "{stderr}");
    let other = dir.path().join("reports/ready").join("shard-3.json").into_os_string();
    let (code, stderr) = valmis(&["merge".as_ref(), &merged, &shard(1), &shard(2), &other, &shard(4)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("comes from a different run"), "{stderr}");
    // Before: "(valmis version, round, catalog, bundle, now or --strict differ)", whichever did.
    assert!(stderr.contains("its bundle is `") && stderr.contains("reports/ready"), "which differs: {stderr}");
}

#[test]
fn identity_codes_glued_to_words_or_in_lower_case_are_found_and_masked_in_every_sink() {
    let sinks = run_all(&root().join("fixtures/bundles/privacy-hetu-glued"), &[]);
    assert_eq!(sinks.code, 1, "{}", sinks.stdout);
    let failed: BTreeSet<String> = sinks.json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .filter(|outcome| outcome["requirement"] == "PRIVACY-HETU" && outcome["status"] == "failed")
        .map(|outcome| outcome["subject"].as_str().unwrap_or_default().to_owned())
        .collect();
    // A text file, a CDA document, a FHIR document, a TOML file and the CSV report:
    // is131052-308t, hetu:131052-308T, id131052-308t, HETU131052-308T, id131052-308t. (The XLSX
    // report's glued lower-case code is the privacy-hetu-xlsx fixture's.)
    assert_eq!(
        failed,
        BTreeSet::from(
            [
                "connection/connection.toml",
                "documents/havainto-verenpaine-2026-11-14.json",
                "documents/hoitokertomus-2026-11-12.xml",
                "evidence/PA-03/haku.txt",
                "pretest/report.csv",
            ]
            .map(str::to_owned)
        )
    );
    for (sink, text) in sinks.texts() {
        assert!(!text.to_ascii_uppercase().contains("131052-308T"), "{sink}: whole code leaked");
        // Markdown escapes the asterisks.
        assert!(text.contains("131052-3***") || text.contains("131052-3\\*\\*\\*"), "{sink}: the masked code is shown");
    }
}

#[test]
fn bundle_text_cannot_forge_ci_commands_move_the_cursor_or_leak_identity_codes_in_any_sink() {
    // Issue 16 (7, 8): file names and a quoted CSV case id carrying workflow commands, terminal
    // escape sequences and a real identity code reached every sink raw.
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join("bundle");
    copy_tree(&root().join("fixtures/bundles/ready"), &bundle);
    let evidence = bundle.join("evidence/PA-03");
    for name in [
        "x\n::error file=README.md,line=1,title=SPOOF::forged.txt",
        "y\n   ::stop-commands::zzz.txt",
        "z\n##[error]forged.txt",
        "\u{1b}[1A\u{1b}[2Kerased.txt",
        "haku-131052-308T.txt",
    ] {
        std::fs::write(evidence.join(name), "Haku tehty.\n").expect("write");
    }
    let report = bundle.join("pretest/report.csv");
    let mut csv = std::fs::read_to_string(&report).expect("report");
    csv.push_str(
        "\"PA-99\n::error title=SPOOF::csv\n##[warning]x 131052-308T\u{1b}[2J\",pass,2026-11-12T09:14:00+02:00,asiakastesti,010181-900C,,,\n",
    );
    std::fs::write(&report, csv).expect("write");
    // A waiver reason is someone else's text too.
    let sinks = run_with_waiver(
        temp.path(),
        &bundle,
        "requirement = \"BUNDLE-HYGIENE\"\n\
         reason = \"ok\\n::stop-commands::zzz\\n\\u001b[2Kpotilas 131052-308T\"\nticket = \"VAL-1\"\n",
    );
    assert_eq!(sinks.code, 1, "{}", sinks.stdout);
    assert!(sinks.junit.contains("VAL-1"), "the waiver was applied: {}", sinks.junit);
    // The file name is PRIVACY-HETU's finding too.
    assert!(sinks.stdout.contains("the file name holds personal identity code `131052-3***`"), "{}", sinks.stdout);
    for (stream, text) in [("stdout", &sinks.stdout), ("stderr", &sinks.stderr)] {
        for line in text.lines() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("::") {
                // Only valmis's own annotations, at the start of the line, data escaped.
                assert!(
                    ["::error file=", "::warning file=", "::error title=", "::warning title=", "::notice title="]
                        .iter()
                        .any(|own| line.starts_with(own)),
                    "{stream}: a forged workflow command: {line:?}"
                );
                let properties = line[2..].split_once("::").map_or(line, |(properties, _)| properties);
                assert!(!properties.contains(",title=SPOOF"), "{stream}: forged properties: {line:?}");
                assert!(!line.starts_with("::stop-commands"), "{stream}: {line:?}");
            }
            assert!(!trimmed.starts_with("##"), "{stream}: a forged command: {line:?}");
        }
        assert!(!text.contains('\u{1b}'), "{stream}: an escape sequence reached the terminal");
    }
    assert!(sinks.stdout.contains("\\u{1b}[2K"), "escape sequences are shown escaped: {}", sinks.stdout);
    for (sink, text) in sinks.texts().into_iter().chain([("stderr", sinks.stderr.clone())]) {
        assert!(!text.to_ascii_uppercase().contains("131052-308T"), "{sink}: whole code leaked");
        assert!(!text.contains('\u{1b}') && !text.contains("\\u001b"), "{sink}: a raw escape character");
    }
}

#[test]
fn no_sink_quotes_a_line_of_secret_material() {
    // Issue 16 (9): a line inside a private key block that BUNDLE-SECRETS flagged, and a password
    // on a line with another check's finding, were quoted in the terminal, HTML and SARIF.
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join("bundle");
    copy_tree(&root().join("fixtures/bundles/ready"), &bundle);
    std::fs::write(
        bundle.join("evidence/PA-03/yhteysasetukset.txt"),
        "Yhteysasetukset testiympäristöön\n\
         salasana = \"Kevät2026!Salainen\" # potilas 131052-308T\n\
         -----BEGIN PRIVATE KEY-----\n\
         MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg 131052-308T\n\
         -----END PRIVATE KEY-----\n",
    )
    .expect("write");
    let sinks = run_all(&bundle, &["--skip".to_owned(), "BUNDLE-INTEGRITY".to_owned()]);
    assert_eq!(sinks.code, 1, "{}", sinks.stdout);
    assert!(sinks.stdout.contains("yhteysasetukset.txt:2:"), "the finding is still located: {}", sinks.stdout);
    for (sink, text) in sinks.texts() {
        assert!(!text.contains("Salainen"), "{sink}: a password was quoted");
        assert!(!text.contains("MIGHAgEAMBMG"), "{sink}: private key material was quoted");
    }
}

/// A run with one case of each kind a consumer must show: failed (PRIVACY-HETU on the
/// privacy-hetu fixture's evidence/PA-03/haku.txt, line 2), could not be evaluated (DOC-SCHEMA
/// with a schema set missing voc.xsd), waived (one DOC-SCHEMA case) and skipped (CONN-PROBE
/// offline). Returns the temporary folder, the JUnit and the SARIF paths.
fn one_of_each_kind() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let temp = tempfile::tempdir().expect("tempdir");
    let schema = temp.path().join("schema");
    std::fs::create_dir_all(&schema).expect("mkdir");
    for file in
        std::fs::read_dir(root().join("testcases/2027-1/schemas/kanta-cda")).expect("schemas").filter_map(Result::ok)
    {
        if file.file_name() != "voc.xsd" {
            std::fs::copy(file.path(), schema.join(file.file_name())).expect("copy");
        }
    }
    let waivers = temp.path().join("waivers.toml");
    std::fs::write(
        &waivers,
        "format = 1\n\n[[waiver]]\nrequirement = \"DOC-SCHEMA\"\n\
         subject = \"documents/hoitokertomus-testisairaala-2026-11-13.xml\"\n\
         reason = \"Kaavatiedosto puuttuu tarkoituksella\"\nticket = \"VAL-42\"\nexpires = 2027-01-31\n",
    )
    .expect("write");
    let junit = temp.path().join("junit.xml");
    let sarif = temp.path().join("report.sarif");
    let output = support::valmis_command()
        .arg("verify")
        .arg(root().join("fixtures/bundles/privacy-hetu"))
        .args(["--now", NOW, "--cda-schema"])
        .arg(&schema)
        .arg("--waivers")
        .arg(&waivers)
        .arg("--junit")
        .arg(&junit)
        .arg("--sarif")
        .arg(&sarif)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    (temp, junit, sarif)
}

#[test]
fn gitlab_shows_each_cases_text_and_time_never_a_ruby_hash() {
    // Issue 17 (1, 3): GitLab showed `{"message"=>"waived until …"}` for every skipped, waived and
    // unevaluated case, and dorny printed "NaNms" for want of a `time`.
    let (_temp, junit, _) = one_of_each_kind();
    let text = std::fs::read_to_string(&junit).expect("junit");
    let cases = gitlab::parse(&text);
    assert!(cases.len() > 50, "{}", cases.len());
    for case in &cases {
        assert_eq!(case.execution_time.as_deref(), Some("0.000"), "{}: time", case.name);
        if let Some(file) = &case.file {
            assert!(Path::new(file).is_file(), "{}: `file` is not a file: {file}", case.name);
        }
        match &case.system_output {
            None => assert_eq!(case.status, "success", "{}", case.name),
            Some(gitlab::Converted::Text(shown)) => assert!(!shown.trim().is_empty(), "{}: empty text", case.name),
            Some(other) => panic!("{} ({}): GitLab would show {}", case.name, case.status, other.shown()),
        }
    }
    let find = |name: &str| cases.iter().find(|case| case.name == name).unwrap_or_else(|| panic!("{name}"));
    let failed = find("PRIVACY-HETU: evidence/PA-03/haku.txt");
    assert_eq!(failed.status, "failed");
    let shown = failed.system_output.as_ref().map(gitlab::Converted::shown).unwrap_or_default();
    assert!(shown.starts_with(&format!("{}:2:", failed.file.as_deref().unwrap_or_default())), "{shown}");
    assert!(shown.contains("is not a test identity") && shown.contains("how to fix: "), "{shown}");
    let error = find("DOC-SCHEMA: documents/hoitokertomus-2026-11-12.xml");
    assert_eq!(error.status, "error");
    assert!(error.system_output.as_ref().map(gitlab::Converted::shown).unwrap_or_default().contains("voc.xsd"));
    let waived = find("DOC-SCHEMA: documents/hoitokertomus-testisairaala-2026-11-13.xml");
    assert_eq!((waived.status, waived.suite.as_str()), ("skipped", "documents"));
    assert_eq!(
        waived.system_output.as_ref().map(gitlab::Converted::shown).unwrap_or_default(),
        "waived until 2027-01-31 (VAL-42): Kaavatiedosto puuttuu tarkoituksella"
    );
    let skipped = find("CONN-PROBE");
    assert!(
        skipped.system_output.as_ref().map(gitlab::Converted::shown).unwrap_or_default().starts_with("offline run")
    );
    // Every suite and the report carry a time too.
    let document = roxmltree::Document::parse(&text).expect("parses");
    for node in document.descendants().filter(|node| node.has_tag_name("testsuite") || node.has_tag_name("testsuites"))
    {
        assert_eq!(node.attribute("time"), Some("0.000"), "{:?}", node.tag_name());
    }
}

#[test]
fn a_junit_action_annotates_the_first_findings_line_and_says_each_finding_once() {
    // Issue 17 (2, 6): annotations landed on the subject's line (the root element), not the first
    // finding's, and EnricoMi's action showed the first finding twice.
    let (_temp, junit, _) = one_of_each_kind();
    let text = std::fs::read_to_string(&junit).expect("junit");
    let annotations = enricomi::annotations(&text);
    let failed = annotations
        .iter()
        .find(|annotation| annotation.title.starts_with("PRIVACY-HETU: evidence/PA-03/haku.txt "))
        .expect("the failed case is annotated");
    assert!(failed.path.ends_with("evidence/PA-03/haku.txt"), "{failed:?}");
    assert_eq!(failed.line, 2, "the finding's line");
    assert_eq!(failed.level, "warning");
    assert_eq!(failed.details.matches("is not a test identity").count(), 1, "said once: {}", failed.details);
    // Skipped and waived cases are not annotated; the failure and the two errors are.
    assert_eq!(annotations.len(), 3, "{annotations:?}");
    let errors: Vec<_> = annotations.iter().filter(|annotation| annotation.level == "failure").collect();
    assert_eq!(errors.len(), 2, "two DOC-SCHEMA cases could not be evaluated: {errors:?}");
    for error in errors {
        assert_eq!(error.details.matches("could not be evaluated").count(), 1, "{}", error.details);
        assert!(error.path.ends_with(".xml"), "{error:?}");
    }
    // Every case of the run, each annotated where a person can open it.
    for annotation in &annotations {
        assert!(Path::new(&annotation.path).is_file() || annotation.path.starts_with("valmis."), "{annotation:?}");
    }

    // A document's finding deep inside it: the annotation is at the finding, not the root element.
    let sinks = run_all(&root().join("fixtures/bundles/doc-schema"), &[]);
    let outcome = sinks.json["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .find(|outcome| outcome["requirement"] == "DOC-SCHEMA" && outcome["status"] == "failed")
        .expect("a DOC-SCHEMA failure");
    let first_line = outcome["findings"][0]["location"]["line"].as_u64().expect("located");
    assert!(first_line > 3, "a finding below the root element: {first_line}");
    let annotation = enricomi::annotations(&sinks.junit)
        .into_iter()
        .find(|annotation| annotation.title.starts_with("DOC-SCHEMA: "))
        .expect("annotated");
    assert_eq!(u64::from(annotation.line), first_line, "{annotation:?}");

    // BUNDLE-HYGIENE about a stray folder: no `file` that is a folder.
    let sinks = run_all(&root().join("fixtures/bundles/bundle-hygiene-stray"), &[]);
    let document = roxmltree::Document::parse(&sinks.junit).expect("parses");
    for case in document.descendants().filter(|node| node.has_tag_name("testcase")) {
        if let Some(file) = case.attribute("file") {
            assert!(!Path::new(file).is_dir(), "{:?} names a folder: {file}", case.attribute("name"));
        }
    }
}

/// Whether the Python consumers are installed; under CI=true (.ci/run installs them) they must be.
fn python_consumers_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import junitparser, xunitparser, sarif.loader, markdown_it"])
        .output()
        .is_ok_and(|output| output.status.success());
    support::present_or_skipped(
        found,
        "junitparser, xunitparser, sarif-tools or markdown-it-py",
        "pip install junitparser xunitparser sarif-tools markdown-it-py (.ci/run does)",
    )
}

#[test]
fn junitparser_xunitparser_and_sarif_tools_read_what_a_person_should_see() {
    // Issue 17 (4, 5): xunitparser crashed on every report (the run facts repeated on every suite
    // as properties); a message attribute held a raw newline.
    if !python_consumers_available() {
        return;
    }
    let (_temp, junit, sarif) = one_of_each_kind();
    let output = Command::new("python3")
        .arg(root().join("tests/consumers/python_consumers.py"))
        .arg(&junit)
        .arg(&sarif)
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let junit_text = std::fs::read_to_string(&junit).expect("junit");
    let report = quick_junit::Report::deserialize_from_str(&junit_text).expect("parses");
    let total: usize = report.test_suites.iter().map(|suite| suite.test_cases.len()).sum();

    // junitparser: every case, with its time; a result's message is one line and its text
    // starts with it.
    let cases = seen["junitparser"]["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), total);
    for case in cases {
        assert_eq!(case["time"].as_f64(), Some(0.0), "{case}");
        for result in case["results"].as_array().expect("results") {
            let message = result["message"].as_str().unwrap_or_default();
            let text = result["text"].as_str().unwrap_or_default();
            assert!(!message.is_empty() && !message.contains('\n'), "{case}");
            let headline = message.trim_end_matches(" …");
            assert!(text.starts_with(headline), "the text starts with the message: {case}");
        }
    }
    let by_name = |name: &str| cases.iter().find(|case| case["name"] == name).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(by_name("PRIVACY-HETU: evidence/PA-03/haku.txt")["results"][0]["tag"], "failure");
    assert_eq!(by_name("DOC-SCHEMA: documents/hoitokertomus-2026-11-12.xml")["results"][0]["tag"], "error");
    assert_eq!(by_name("CONN-PROBE")["results"][0]["tag"], "skipped");
    let waived = &by_name("DOC-SCHEMA: documents/hoitokertomus-testisairaala-2026-11-13.xml")["results"][0];
    assert_eq!(waived["tag"], "skipped");
    assert_eq!(waived["text"], "waived until 2027-01-31 (VAL-42): Kaavatiedosto puuttuu tarkoituksella");

    // xunitparser: reads the file at all (its own totals check included), and counts alike.
    let xunit = &seen["xunitparser"];
    assert_eq!(xunit["tests"].as_u64(), Some(total as u64));
    assert_eq!(xunit["failures"].as_array().map(Vec::len), Some(1), "{xunit}");
    assert_eq!(xunit["errors"].as_array().map(Vec::len), Some(2), "{xunit}");
    let skipped = xunit["skipped"].as_array().expect("skipped");
    assert!(
        skipped.iter().any(|case| case[1]
            .as_str()
            .is_some_and(|message| message.starts_with("waived until 2027-01-31 (VAL-42)"))),
        "{skipped:?}"
    );
    assert_eq!(xunit["properties"]["valmis.now"], NOW);

    // sarif-tools: the failure and the two errors, each at a line.
    let records = seen["sarif_tools"]["records"].as_array().expect("records");
    assert!(records.iter().any(|record| record["rule"] == "PRIVACY-HETU" && record["line"] == 2), "{records:?}");
    for record in records {
        assert!(record["line"].as_u64().is_some_and(|line| line >= 1), "{record}");
    }
}

#[test]
fn timestamps_measure_what_the_default_keeps_at_zero() {
    // Issue 17 (3): `time` is 0.000 by default (same input, same bytes) and measured under
    // --timestamps, where the report's time is the sum of its cases'.
    let sinks = run_all(&root().join("fixtures/bundles/ready"), &["--timestamps".to_owned()]);
    assert_eq!(sinks.code, 0, "{}", sinks.stdout);
    let document = roxmltree::Document::parse(&sinks.junit).expect("parses");
    let seconds = |node: roxmltree::Node<'_, '_>| -> f64 {
        node.attribute("time").expect("time").parse().expect("a number of seconds")
    };
    let total = seconds(document.root_element());
    let cases: f64 = document.descendants().filter(|node| node.has_tag_name("testcase")).map(seconds).sum();
    assert!(total > 0.0, "measured: {total}");
    assert!((total - cases).abs() < 0.001 * 120.0, "the report's time {total} is its cases' {cases}");
}

#[test]
fn sarif_keeps_bundles_apart_and_waived_findings_and_the_summary_shows_backticks() {
    // Issue 17 (7): one automation id for every bundle of a round, waived findings dropped (code
    // scanning then closes them as fixed), no informationUri, whole-file results without a
    // region. (8): a path with a backtick shown with `'` in the Markdown summary.
    let temp = tempfile::tempdir().expect("tempdir");
    let bundle = temp.path().join("nippu");
    copy_tree(&root().join("fixtures/bundles/privacy-hetu"), &bundle);
    std::fs::write(bundle.join("evidence/PA-03/`tausta`.txt"), "Potilas 131052-308T\n").expect("write");
    let sinks = run_with_waiver(
        temp.path(),
        &bundle,
        "requirement = \"PRIVACY-HETU\"\nsubject = \"evidence/PA-03/haku.txt\"\n\
         reason = \"Poistetaan ennen lähetystä\"\nticket = \"VAL-7\"\n",
    );
    assert_eq!(sinks.code, 1, "{}", sinks.stdout);
    let run = &sinks.sarif["runs"][0];
    let id = run["automationDetails"]["id"].as_str().expect("id");
    assert!(id.starts_with("valmis/2027-1/") && id.ends_with("/nippu/") && !id.contains("//"), "{id}");
    assert!(run["tool"]["driver"]["informationUri"].as_str().is_some_and(|uri| uri.starts_with("https://")));
    let results = run["results"].as_array().expect("results");
    let waived: Vec<_> = results.iter().filter(|result| result.get("suppressions").is_some()).collect();
    assert_eq!(waived.len(), 1, "{results:?}");
    assert_eq!(waived[0]["ruleId"], "PRIVACY-HETU");
    assert!(
        waived[0]["suppressions"][0]["justification"]
            .as_str()
            .is_some_and(|text| text.starts_with("waived until 2027-01-31 (VAL-7)")),
        "{}",
        waived[0]
    );
    for result in results {
        for location in result["locations"].as_array().into_iter().flatten() {
            let line = location["physicalLocation"]["region"]["startLine"].as_u64();
            assert!(line.is_some_and(|line| line >= 1), "every result is placed on a line: {result}");
        }
    }
    // The same round, another bundle: another category of alerts.
    let other = run_all(&root().join("fixtures/bundles/privacy-hetu"), &[]);
    assert_ne!(other.sarif["runs"][0]["automationDetails"]["id"].as_str(), Some(id));

    // The summary as GitHub renders it (CommonMark, markdown-it-py): the path, backticks and all.
    if !python_consumers_available() {
        return;
    }
    let dir = sinks.junit_path.parent().expect("folder");
    let output = Command::new("python3")
        .arg(root().join("tests/consumers/python_consumers.py"))
        .arg(&sinks.junit_path)
        .arg(dir.join("report.sarif"))
        .arg(dir.join("summary.md"))
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let spans: Vec<&str> =
        seen["markdown"]["code_spans"].as_array().expect("spans").iter().filter_map(|span| span.as_str()).collect();
    assert!(spans.iter().any(|span| span.ends_with("nippu/evidence/PA-03/`tausta`.txt:1:9")), "{spans:?}");
}
