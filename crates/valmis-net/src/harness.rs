//! Runs harness cases (valmis-harness declarations) against an endpoint over HTTPS with mutual
//! TLS: cases concurrently (bounded), steps of a case strictly in order, a timeout per step, and
//! retries only on transport errors (connect, TLS, timeout), recorded so that reports can show
//! a flaky step.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::PrivateKeyDer;
use valmis_harness::{Case, capture, diff, normalise, real_identity_codes, render};

use crate::Target;
use valmis_i18n::{Msg, msg};

/// Limits of a harness run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Longest wait for one step (connect, send, answer).
    pub step_timeout: Duration,
    /// Extra attempts after a transport error.
    pub retries: u32,
    /// Cases run at once.
    pub concurrency: usize,
    /// The most bytes of one answer's body that are read: a server that never stops sending
    /// costs at most this much per running case ([`DEFAULT_MAX_BODY`] unless set).
    pub max_body: usize,
    /// The language of the transport errors.
    pub lang: valmis_model::Lang,
}

/// The default body limit: 16 MiB, far above any FHIR or CDA answer of a test case.
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            step_timeout: Duration::from_secs(30),
            retries: 2,
            concurrency: 4,
            max_body: DEFAULT_MAX_BODY,
            lang: valmis_model::Lang::En,
        }
    }
}

/// What was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRequest {
    /// Method.
    pub method: String,
    /// Full URL.
    pub url: String,
    /// Headers; credentials (`Authorization`, `Cookie`, API keys) are masked.
    pub headers: BTreeMap<String, String>,
    /// Body.
    pub body: String,
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Status code.
    pub status: u16,
    /// Headers (lower-case names).
    pub headers: BTreeMap<String, String>,
    /// Body as text (lossy UTF-8); at most [`RunOptions::max_body`] bytes of it.
    pub body: String,
    /// Whether the body went on past [`RunOptions::max_body`] (and was cut there).
    pub truncated: bool,
}

/// One step of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRun {
    /// Step name.
    pub name: String,
    /// The request, when it could be built.
    pub request: Option<SentRequest>,
    /// The response, when one came.
    pub response: Option<Received>,
    /// Attempts made (1 without retries).
    pub attempts: u32,
    /// Transport errors of the attempts that were retried (or of the last one), in the run's
    /// language.
    pub transport_errors: Vec<String>,
    /// Problems: wrong status, header not matching, template errors, refused identity codes.
    pub problems: Vec<Msg>,
    /// A unified diff of normalised expected and actual bodies, when they differ.
    pub diff: Option<String>,
    /// Milliseconds from the first attempt to the answer.
    pub elapsed_ms: u64,
    /// When the step started (RFC 3339).
    pub started_at: String,
}

impl StepRun {
    /// Whether the step met its expectations.
    pub fn passed(&self) -> bool {
        self.response.is_some() && self.problems.is_empty() && self.diff.is_none()
    }
}

/// One case of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRun {
    /// The pre-test case id.
    pub case: String,
    /// Its title.
    pub title: String,
    /// The steps run (a failed step ends the case).
    pub steps: Vec<StepRun>,
    /// Variables at the end of the case (captures included).
    pub variables: BTreeMap<String, String>,
}

impl CaseRun {
    /// Whether every step passed.
    pub fn passed(&self) -> bool {
        !self.steps.is_empty() && self.steps.iter().all(StepRun::passed)
    }

    /// Why the case could not be run to the end, when the transport failed (no connection, no
    /// answer, a TLS failure): the system under test was never judged, so the run says nothing
    /// of the case's result.
    pub fn transport_failure(&self) -> Option<String> {
        self.steps
            .iter()
            .find(|step| step.response.is_none() && !step.transport_errors.is_empty())
            .map(|step| format!("step `{}`: {}", step.name, step.transport_errors.join("; ")))
    }
}

/// Everything a run needs: the cases, the files they refer to (harness-relative path to text),
/// and each case's starting variables.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The case.
    pub case: Case,
    /// Template and golden files by harness-relative path.
    pub files: BTreeMap<String, String>,
    /// Variables (`uuid`, `now`, `test_person`, …).
    pub variables: BTreeMap<String, String>,
}

const SECRET_HEADERS: &[&str] = &["authorization", "cookie", "proxy-authorization", "x-api-key"];

/// Why a harness run cannot start.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.msg())]
pub enum RunError {
    /// The TLS client cannot be set up from the endpoint's anchors and the client key.
    Tls(Msg),
    /// The HTTP client cannot be built.
    Client(String),
    /// The endpoint's url is not a URL.
    Url { url: String, detail: String },
    /// The network runtime cannot start.
    Runtime(std::io::Error),
}

impl RunError {
    /// What went wrong, to render in any language.
    pub fn msg(&self) -> Msg {
        match self {
            Self::Tls(message) => message.clone(),
            Self::Client(error) => msg!("net-http-client", error = error),
            Self::Url { url, detail } => msg!("net-not-url", url = url, error = detail),
            Self::Runtime(error) => msg!("net-runtime", error = error.to_string()),
        }
    }
}

/// Runs `plans` against `target` with `key`, returning the runs in the plans' order, and calls
/// `progress` after each case.
pub fn run_cases(
    target: &Target,
    key: &PrivateKeyDer<'static>,
    plans: Vec<Plan>,
    options: &RunOptions,
    progress: &(dyn Fn(&CaseRun) + Sync),
) -> Result<Vec<CaseRun>, RunError> {
    let recording = crate::client_config(target, Some(key.clone_key()), options.lang).map_err(RunError::Tls)?;
    let client = reqwest::Client::builder()
        .use_preconfigured_tls((*recording.config).clone())
        .timeout(options.step_timeout)
        .no_proxy()
        // Never follow a redirect: a step would re-send its request (and its test data) to
        // wherever the server points, even over plain http. The 3xx is the step's answer.
        .redirect(reqwest::redirect::Policy::none())
        .https_only(true)
        .build()
        .map_err(|error| RunError::Client(error.to_string()))?;
    let base = url::Url::parse(&target.url)
        .map_err(|error| RunError::Url { url: target.url.clone(), detail: error.to_string() })?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(RunError::Runtime)?;
    let total = plans.len();
    let runs = runtime.block_on(async {
        let semaphore = Arc::new(tokio::sync::Semaphore::new(options.concurrency.max(1)));
        let mut tasks = tokio::task::JoinSet::new();
        for (index, plan) in plans.into_iter().enumerate() {
            let client = client.clone();
            let base = base.clone();
            let options = options.clone();
            let semaphore = Arc::clone(&semaphore);
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                (index, run_case(&client, &base, plan, &options).await)
            });
        }
        let mut runs: Vec<Option<CaseRun>> = vec![None; total];
        while let Some(joined) = tasks.join_next().await {
            if let Ok((index, run)) = joined {
                progress(&run);
                runs[index] = Some(run);
            }
        }
        runs
    });
    Ok(runs.into_iter().flatten().collect())
}

async fn run_case(client: &reqwest::Client, base: &url::Url, plan: Plan, options: &RunOptions) -> CaseRun {
    let mut variables = plan.variables.clone();
    let mut steps = Vec::new();
    for step in &plan.case.steps {
        let run = run_step(client, base, step, &plan.files, &mut variables, options).await;
        let passed = run.passed();
        steps.push(run);
        if !passed {
            break;
        }
    }
    CaseRun { case: plan.case.case.clone(), title: plan.case.title.clone(), steps, variables }
}

/// Reads a body chunk by chunk up to `max` bytes: `(bytes, whether it went on past max)`. A
/// declared length over the limit is not read at all past it either.
async fn read_body(mut response: reqwest::Response, max: usize) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let declared = response.content_length().and_then(|length| usize::try_from(length).ok());
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(max).min(1 << 20));
    while let Some(chunk) = response.chunk().await? {
        let room = max - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now().to_string()
}

async fn run_step(
    client: &reqwest::Client,
    base: &url::Url,
    step: &valmis_harness::Step,
    files: &BTreeMap<String, String>,
    variables: &mut BTreeMap<String, String>,
    options: &RunOptions,
) -> StepRun {
    let mut run = StepRun {
        name: step.name.clone(),
        request: None,
        response: None,
        attempts: 0,
        transport_errors: Vec::new(),
        problems: Vec::new(),
        diff: None,
        elapsed_ms: 0,
        started_at: now_rfc3339(),
    };
    // Build the request from its templates.
    let built = (|| -> Result<SentRequest, Msg> {
        // Paths are relative to the endpoint url: `/Observation` under `https://host/fhir`.
        let path = render(&step.path, variables).map_err(|error| error.msg())?;
        let (path_part, query) = path.split_once('?').map_or((path.as_str(), None), |(p, q)| (p, Some(q)));
        let mut url = base.clone();
        url.set_path(&format!("{}/{}", base.path().trim_end_matches('/'), path_part.trim_start_matches('/')));
        url.set_query(query);
        let mut headers = BTreeMap::new();
        for (name, template) in &step.headers {
            headers.insert(name.clone(), render(template, variables).map_err(|error| error.msg())?);
        }
        let body = match &step.body {
            Some(file) => {
                let template = files.get(file).ok_or_else(|| msg!("harness-body-missing", file = file))?;
                render(template, variables).map_err(|error| error.msg())?
            }
            None => String::new(),
        };
        let everything = format!("{url} {headers:?} {body}");
        let real = real_identity_codes(&everything);
        if !real.is_empty() {
            return Err(msg!("harness-refused-real-id", codes = real.join(", ")));
        }
        Ok(SentRequest { method: step.method.clone(), url: url.to_string(), headers, body })
    })();
    let request = match built {
        Ok(request) => request,
        Err(problem) => {
            run.problems.push(problem);
            return run;
        }
    };
    let started = Instant::now();
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let received = loop {
        run.attempts += 1;
        let mut builder = client.request(method.clone(), &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if !request.body.is_empty() {
            builder = builder.body(request.body.clone());
        }
        match builder.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let headers = response
                    .headers()
                    .iter()
                    .map(|(name, value)| {
                        (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
                    })
                    .collect();
                match read_body(response, options.max_body).await {
                    Ok((bytes, truncated)) => {
                        let body = String::from_utf8_lossy(&bytes).into_owned();
                        break Some(Received { status, headers, body, truncated });
                    }
                    Err(error) => run
                        .transport_errors
                        .push(msg!("harness-reading-failed", error = error.to_string()).render(options.lang.as_str())),
                }
            }
            Err(error) => {
                let message = crate::classify_chain(&error).map_or_else(
                    || crate::describe_chain(&error),
                    |(_, message)| message.render(options.lang.as_str()),
                );
                run.transport_errors.push(message);
            }
        }
        if run.attempts > options.retries {
            break None;
        }
        tokio::time::sleep(Duration::from_millis(200 * u64::from(run.attempts))).await;
    };
    run.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    run.request = Some(SentRequest {
        headers: request
            .headers
            .iter()
            .map(|(name, value)| {
                let secret = SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str());
                (name.clone(), if secret { "<masked>".to_owned() } else { value.clone() })
            })
            .collect(),
        ..request
    });
    let Some(received) = received else {
        run.problems.push(msg!(
            "harness-no-answer",
            count = run.attempts,
            last = run.transport_errors.last().map_or("", String::as_str)
        ));
        return run;
    };
    if received.truncated {
        run.problems.push(msg!("harness-body-too-long", limit = options.max_body.to_string()));
    }
    if received.status != step.status {
        run.problems.push(msg!(
            "harness-status",
            got = received.status.to_string(),
            expected = step.status.to_string()
        ));
    }
    for (name, pattern) in &step.expect_headers {
        let value = received.headers.get(&name.to_ascii_lowercase());
        let matches = value.is_some_and(|value| regex::Regex::new(pattern).is_ok_and(|regex| regex.is_match(value)));
        if !matches {
            run.problems.push(match value {
                Some(value) => msg!("harness-header", name = name, value = format!("{value:?}"), pattern = pattern),
                None => msg!("harness-header-absent", name = name, pattern = pattern),
            });
        }
    }
    if let Some(golden) = &step.golden {
        match files.get(golden) {
            None => run.problems.push(msg!("harness-golden-missing", file = golden)),
            // Goldens take the same variables as requests (`{{test_person}}`), so that a run
            // with another test person is judged by what it sent, not by a hard-coded one.
            Some(expected) => match render(expected, variables) {
                Ok(expected) => {
                    let expected = normalise(&expected, &step.masks, &step.mask_patterns);
                    let actual = normalise(&received.body, &step.masks, &step.mask_patterns);
                    run.diff = diff(&expected, &actual);
                }
                Err(error) => run.problems.push(msg!("harness-golden-error", file = golden, error = &error.msg())),
            },
        }
    }
    for (name, from) in &step.captures {
        match capture(from, &received.body, &received.headers) {
            Some(value) => {
                variables.insert(name.clone(), value);
            }
            None => run.problems.push(msg!("harness-capture-nothing", name = name, from = from)),
        }
    }
    run.response = Some(received);
    run
}
