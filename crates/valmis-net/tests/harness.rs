//! Harness runs against a real HTTPS server with mutual TLS on loopback that behaves like a
//! small FHIR endpoint: correct answers, a wrong answer, a slow answer, a dropped connection
//! (retried, so flaky), and a 500 on the first try (not retried: not a transport error).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use valmis_harness::parse_case;
use valmis_net::Target;
use valmis_net::harness::{Plan, RunOptions, run_cases};
use valmis_testkit::{BOTH, Pki, Reply, Request, Server, Usage, serve};

#[derive(Default)]
struct State {
    stored: Mutex<BTreeMap<String, String>>,
    next_id: AtomicU32,
    dropped: AtomicU32,
    failed_once: AtomicU32,
}

/// A small FHIR endpoint under `/<mode>/fhir`: `ok`, `wrong` (changes a field), `slow` (3 s),
/// `drop` (drops the first connection), `flaky500` (500 on the first try).
fn answer(state: &State, request: &Request) -> Reply {
    let (mode, rest) = request.target.trim_start_matches('/').split_once('/').unwrap_or(("", ""));
    let resource = rest.trim_start_matches("fhir/");
    let reply = |status: u16, headers: Vec<(String, String)>, body: String| Reply::Respond(status, headers, body);
    match mode {
        "drop" if state.dropped.fetch_add(1, Ordering::SeqCst) == 0 => return Reply::Drop,
        "flaky500" if state.failed_once.fetch_add(1, Ordering::SeqCst) == 0 => {
            return reply(500, Vec::new(), "{\"resourceType\":\"OperationOutcome\"}".to_owned());
        }
        _ => {}
    }
    if request.method == "POST" && resource == "Observation" {
        let id = format!("obs-{}", state.next_id.fetch_add(1, Ordering::SeqCst) + 1);
        let mut value: serde_json::Value = serde_json::from_str(&request.body).unwrap_or(serde_json::Value::Null);
        value["id"] = serde_json::Value::String(id.clone());
        value["meta"]["lastUpdated"] = serde_json::Value::String("2026-11-23T10:00:00.123+02:00".to_owned());
        if mode == "wrong" {
            value["status"] = serde_json::Value::String("preliminary".to_owned());
        }
        let text = value.to_string();
        state.stored.lock().expect("lock").insert(id.clone(), text.clone());
        if mode == "slow" {
            return Reply::Delay(Duration::from_secs(3), 201, text);
        }
        return reply(201, vec![("Location".to_owned(), format!("/fhir/Observation/{id}/_history/1"))], text);
    }
    if request.method == "GET"
        && let Some(id) = resource.strip_prefix("Observation/")
    {
        return match state.stored.lock().expect("lock").get(id) {
            Some(text) => reply(200, Vec::new(), text.clone()),
            None => reply(404, Vec::new(), "{\"resourceType\":\"OperationOutcome\"}".to_owned()),
        };
    }
    reply(400, Vec::new(), String::new())
}

const CASE: &str = r#"
format = 1
case = "OT-01"
service = "omatietovaranto"
title = "Havainnon tallennus ja luku"

[[step]]
name = "luo"
method = "POST"
path = "/Observation"
body = "havainto.json"
[step.headers]
Content-Type = "application/fhir+json"
If-None-Exist = "identifier=urn:ietf:rfc:3986|urn:uuid:{{uuid}}"
Authorization = "Bearer salainen-tunniste"
[step.expect]
status = 201
body = "vastaus.json"
masks = ["/id", "/meta/lastUpdated"]
[step.expect.headers]
Location = "^/fhir/Observation/obs-[0-9]+/_history/1$"
[step.capture]
id = "/id"

[[step]]
name = "lue"
method = "GET"
path = "/Observation/{{id}}"
[step.expect]
status = 200
body = "vastaus.json"
masks = ["/id", "/meta/lastUpdated"]
"#;

const TEMPLATE: &str = r#"{"resourceType":"Observation","status":"final","identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:uuid:{{uuid}}"}],"subject":{"identifier":{"system":"urn:oid:1.2.246.21","value":"{{test_person}}"}}}"#;
const GOLDEN: &str = r#"{"resourceType":"Observation","id":"<masked>","meta":{"lastUpdated":"<masked>"},"status":"final","identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:uuid:5b8f3c2e-9d41-4a7e-b6c0-2f1e8d7a9c34"}],"subject":{"identifier":{"system":"urn:oid:1.2.246.21","value":"010181-900C"}}}"#;

fn plan(test_person: &str) -> Plan {
    Plan {
        case: parse_case("harness/ot-01.toml", CASE).expect("case"),
        files: BTreeMap::from([
            ("havainto.json".to_owned(), TEMPLATE.to_owned()),
            ("vastaus.json".to_owned(), GOLDEN.to_owned()),
        ]),
        variables: BTreeMap::from([
            ("uuid".to_owned(), "5b8f3c2e-9d41-4a7e-b6c0-2f1e8d7a9c34".to_owned()),
            ("test_person".to_owned(), test_person.to_owned()),
        ]),
    }
}

#[test]
fn harness_cases_run_in_order_capture_diff_retry_and_refuse_real_codes() {
    let pki = Pki::new("DVV TEST Service Certificates - G5R");
    let server = pki.leaf("localhost", Usage::ServerAuth, 2020, 2099);
    let state = State::default();
    let address = serve(
        Server { versions: BOTH, chain: vec![server.certificate], key: server.key, client_ca: Some(pki.root.clone()) },
        move |request| answer(&state, &request),
    );
    let client = pki.leaf("localhost", Usage::ClientAuth, 2020, 2099);
    let client_key = client.key;
    let target = |mode: &str| Target {
        name: "phr".to_owned(),
        url: format!("https://localhost:{}/{mode}/fhir", address.port()),
        client_chain: vec![client.certificate.clone()],
        anchors: vec![pki.root.clone()],
    };
    let options =
        RunOptions { step_timeout: Duration::from_secs(1), retries: 2, concurrency: 2, ..RunOptions::default() };
    let run = |mode: &str, person: &str| {
        run_cases(&target(mode), &client_key, vec![plan(person)], &options, &|_| {}).expect("runs").remove(0)
    };

    let good = run("ok", "010181-900C");
    assert!(good.passed(), "{good:#?}");
    assert_eq!(good.steps.len(), 2);
    assert_eq!(good.variables["id"], "obs-1", "captured from the first answer");
    assert!(good.steps[1].request.as_ref().is_some_and(|r| r.url.ends_with("/ok/fhir/Observation/obs-1")));
    let headers = &good.steps[0].request.as_ref().expect("request").headers;
    assert_eq!(headers["Authorization"], "<masked>", "credentials never reach evidence");
    assert_eq!(headers["If-None-Exist"], "identifier=urn:ietf:rfc:3986|urn:uuid:5b8f3c2e-9d41-4a7e-b6c0-2f1e8d7a9c34");

    let wrong = run("wrong", "010181-900C");
    assert!(!wrong.passed());
    let diff = wrong.steps[0].diff.as_deref().expect("a diff");
    assert!(diff.contains("-  \"status\": \"final\"") && diff.contains("+  \"status\": \"preliminary\""), "{diff}");
    assert_eq!(wrong.steps.len(), 1, "a failed step ends the case");

    let slow = run("slow", "010181-900C");
    assert!(!slow.passed());
    assert_eq!(slow.steps[0].attempts, 3, "timeouts are transport errors: retried twice");
    assert!(
        slow.steps[0].problems[0].to_string().starts_with("no answer after 3 attempt(s)"),
        "{:?}",
        slow.steps[0].problems
    );

    let flaky = run("drop", "010181-900C");
    assert!(flaky.passed(), "{flaky:#?}");
    assert_eq!(flaky.steps[0].attempts, 2, "the dropped connection was retried once");
    assert_eq!(flaky.steps[0].transport_errors.len(), 1);

    let error = run("flaky500", "010181-900C");
    assert!(!error.passed());
    assert_eq!(error.steps[0].attempts, 1, "a 500 is an answer, not retried");
    assert_eq!(
        error.steps[0].problems[0].to_string(),
        "status 500 where 201 was expected",
        "every problem of the answer is listed, status first"
    );
    // Issue 20: a problem is a message, said in the report's language.
    assert_eq!(error.steps[0].problems[0].render("fi"), "tila 500, odotettiin 201");

    let refused = run("ok", "131052-308T");
    assert!(!refused.passed());
    assert!(refused.steps[0].response.is_none(), "nothing was sent");
    assert!(
        refused.steps[0].problems[0].to_string().contains("real identity code (131052-3***)"),
        "{:?}",
        refused.steps[0].problems
    );
}

/// A mutual-TLS server on loopback answering every request with `reply`, and the target and
/// client key that reach it under `/ok/fhir`.
fn one_answer_server(
    reply: impl Fn(Request) -> Reply + Send + Sync + 'static,
) -> (Target, rustls::pki_types::PrivateKeyDer<'static>) {
    let pki = Pki::new("DVV TEST Service Certificates - G5R");
    let server = pki.leaf("localhost", Usage::ServerAuth, 2020, 2099);
    let address = serve(
        Server { versions: BOTH, chain: vec![server.certificate], key: server.key, client_ca: Some(pki.root.clone()) },
        reply,
    );
    let client = pki.leaf("localhost", Usage::ClientAuth, 2020, 2099);
    let target = Target {
        name: "phr".to_owned(),
        url: format!("https://localhost:{}/ok/fhir", address.port()),
        client_chain: vec![client.certificate.clone()],
        anchors: vec![pki.root.clone()],
    };
    (target, client.key)
}

#[test]
fn a_redirect_is_the_steps_answer_and_the_request_is_never_resent_elsewhere() {
    // Issue 16 (12): `run` re-sent the whole POST in cleartext to a redirect's target and saved
    // that answer as the endpoint's evidence. The 3xx is the answer; nothing goes elsewhere.
    let elsewhere = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    elsewhere.set_nonblocking(true).expect("nonblocking");
    let location = format!("http://{}/fhir/Observation", elsewhere.local_addr().expect("address"));
    let (target, key) =
        one_answer_server(move |_| Reply::Respond(307, vec![("Location".to_owned(), location.clone())], String::new()));
    let options =
        RunOptions { step_timeout: Duration::from_secs(1), retries: 0, concurrency: 1, ..RunOptions::default() };
    let run = run_cases(&target, &key, vec![plan("010181-900C")], &options, &|_| {}).expect("runs").remove(0);
    assert!(!run.passed());
    assert_eq!(run.steps[0].response.as_ref().map(|response| response.status), Some(307), "{run:#?}");
    assert!(run.steps[0].problems[0].to_string().starts_with("status 307"), "{:?}", run.steps[0].problems);
    std::thread::sleep(Duration::from_millis(100));
    assert!(elsewhere.accept().is_err(), "the request was re-sent to the redirect's target");
}

#[test]
fn an_answer_that_never_ends_is_cut_at_the_body_limit() {
    // Issue 16 (3): a server that never stopped sending took `valmis run` to 2.9 GB and an
    // abort. The body is read up to the limit, the step fails, the first bytes are evidence.
    let (target, key) = one_answer_server(|_| Reply::Endless(200));
    let options = RunOptions {
        step_timeout: Duration::from_secs(20),
        retries: 0,
        concurrency: 1,
        max_body: 1024 * 1024,
        ..RunOptions::default()
    };
    let run = run_cases(&target, &key, vec![plan("010181-900C")], &options, &|_| {}).expect("runs").remove(0);
    assert!(!run.passed());
    let step = &run.steps[0];
    let response = step.response.as_ref().expect("the cut answer is kept");
    assert!(response.truncated);
    assert_eq!(response.body.len(), 1024 * 1024);
    assert!(
        step.problems[0].to_string().starts_with("the answer's body is longer than 1048576 bytes, the limit"),
        "{:?}",
        step.problems
    );
    assert!(step.transport_errors.is_empty(), "cut, not timed out: {:?}", step.transport_errors);
}
