//! Harness runs against a real HTTPS server with mutual TLS on loopback that behaves like a
//! small FHIR endpoint: correct answers, a wrong answer, a slow answer, a dropped connection
//! (retried, so flaky), and a 500 on the first try (not retried: not a transport error).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use valmis_harness::parse_case;
use valmis_net::Target;
use valmis_net::harness::{Plan, RunOptions, run_cases};

struct Pki {
    root: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn pki() -> Pki {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, "DVV TEST Service Certificates - G5R");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign];
    params.not_before = rcgen::date_time_ymd(2020, 1, 1);
    params.not_after = rcgen::date_time_ymd(2099, 1, 1);
    let key = KeyPair::generate().expect("key");
    let root = params.self_signed(&key).expect("root").der().clone();
    Pki { root, issuer: Issuer::new(params, key) }
}

fn leaf(pki: &Pki, usage: ExtendedKeyUsagePurpose) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).expect("params");
    params.distinguished_name.push(DnType::CommonName, "localhost");
    params.extended_key_usages = vec![usage];
    params.not_before = rcgen::date_time_ymd(2020, 1, 1);
    params.not_after = rcgen::date_time_ymd(2099, 1, 1);
    let key = KeyPair::generate().expect("key");
    let certificate = params.signed_by(&key, &pki.issuer).expect("leaf").der().clone();
    (certificate, PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())))
}

#[derive(Default)]
struct State {
    stored: Mutex<BTreeMap<String, String>>,
    next_id: AtomicU32,
    dropped: AtomicU32,
    failed_once: AtomicU32,
}

/// Answers one request; `None` drops the connection.
async fn answer(state: &State, method: &str, path: &str, body: &str) -> Option<(u16, Vec<(String, String)>, String)> {
    let (mode, rest) = path.trim_start_matches('/').split_once('/').unwrap_or(("", ""));
    match mode {
        "slow" => tokio::time::sleep(Duration::from_secs(3)).await,
        "drop" if state.dropped.fetch_add(1, Ordering::SeqCst) == 0 => return None,
        "flaky500" if state.failed_once.fetch_add(1, Ordering::SeqCst) == 0 => {
            return Some((500, Vec::new(), "{\"resourceType\":\"OperationOutcome\"}".to_owned()));
        }
        _ => {}
    }
    let resource = rest.trim_start_matches("fhir/");
    if method == "POST" && resource == "Observation" {
        let id = format!("obs-{}", state.next_id.fetch_add(1, Ordering::SeqCst) + 1);
        let mut value: serde_json::Value = serde_json::from_str(body).unwrap_or(serde_json::Value::Null);
        value["id"] = serde_json::Value::String(id.clone());
        value["meta"]["lastUpdated"] = serde_json::Value::String("2026-11-23T10:00:00.123+02:00".to_owned());
        if mode == "wrong" {
            value["status"] = serde_json::Value::String("preliminary".to_owned());
        }
        let text = value.to_string();
        state.stored.lock().expect("lock").insert(id.clone(), text.clone());
        return Some((201, vec![("Location".to_owned(), format!("/fhir/Observation/{id}/_history/1"))], text));
    }
    if method == "GET"
        && let Some(id) = resource.strip_prefix("Observation/")
    {
        return Some(match state.stored.lock().expect("lock").get(id) {
            Some(text) => (200, Vec::new(), text.clone()),
            None => (404, Vec::new(), "{\"resourceType\":\"OperationOutcome\"}".to_owned()),
        });
    }
    Some((400, Vec::new(), String::new()))
}

fn serve(pki: &Pki) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let (certificate, key) = leaf(pki, ExtendedKeyUsagePurpose::ServerAuth);
    let mut roots = rustls::RootCertStore::empty();
    roots.add(pki.root.clone()).expect("root");
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .expect("verifier");
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_client_cert_verifier(verifier)
        .with_single_cert(vec![certificate], key)
        .expect("config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let address = listener.local_addr().expect("address");
    let state = Arc::new(State::default());
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let (acceptor, state) = (acceptor.clone(), Arc::clone(&state));
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(stream).await else { return };
                    let mut data = Vec::new();
                    let mut buffer = [0u8; 4096];
                    let (head, body) = loop {
                        match tls.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(read) => data.extend_from_slice(&buffer[..read]),
                        }
                        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                            let head = String::from_utf8_lossy(&data[..end]).into_owned();
                            let length = head
                                .lines()
                                .find_map(|line| line.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0)))
                                .unwrap_or(0);
                            while data.len() < end + 4 + length {
                                match tls.read(&mut buffer).await {
                                    Ok(0) | Err(_) => return,
                                    Ok(read) => data.extend_from_slice(&buffer[..read]),
                                }
                            }
                            break (head, String::from_utf8_lossy(&data[end + 4..end + 4 + length]).into_owned());
                        }
                    };
                    let mut words = head.lines().next().unwrap_or_default().split_whitespace();
                    let (method, path) = (words.next().unwrap_or_default().to_owned(), words.next().unwrap_or_default().to_owned());
                    let Some((status, headers, body)) = answer(&state, &method, &path, &body).await else { return };
                    let mut response = format!("HTTP/1.1 {status} X\r\nContent-Type: application/fhir+json\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
                    for (name, value) in headers {
                        response.push_str(&format!("{name}: {value}\r\n"));
                    }
                    response.push_str("\r\n");
                    response.push_str(&body);
                    let _ = tls.write_all(response.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
    });
    address
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
    let pki = pki();
    let address = serve(&pki);
    let (client, client_key) = leaf(&pki, ExtendedKeyUsagePurpose::ClientAuth);
    let target = |mode: &str| Target {
        name: "phr".to_owned(),
        url: format!("https://localhost:{}/{mode}/fhir", address.port()),
        client_chain: vec![client.clone()],
        anchors: vec![pki.root.clone()],
    };
    let options = RunOptions { step_timeout: Duration::from_secs(1), retries: 2, concurrency: 2 };
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
    assert!(slow.steps[0].problems[0].starts_with("no answer after 3 attempt(s)"), "{:?}", slow.steps[0].problems);

    let flaky = run("drop", "010181-900C");
    assert!(flaky.passed(), "{flaky:#?}");
    assert_eq!(flaky.steps[0].attempts, 2, "the dropped connection was retried once");
    assert_eq!(flaky.steps[0].transport_errors.len(), 1);

    let error = run("flaky500", "010181-900C");
    assert!(!error.passed());
    assert_eq!(error.steps[0].attempts, 1, "a 500 is an answer, not retried");
    assert_eq!(
        error.steps[0].problems[0], "status 500 where 201 was expected",
        "every problem of the answer is listed, status first"
    );

    let refused = run("ok", "131052-308T");
    assert!(!refused.passed());
    assert!(refused.steps[0].response.is_none(), "nothing was sent");
    assert!(
        refused.steps[0].problems[0].contains("real identity code (131052-3***)"),
        "{:?}",
        refused.steps[0].problems
    );
}
