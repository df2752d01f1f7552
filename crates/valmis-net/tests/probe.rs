//! The probe against real rustls servers on loopback, with rcgen-made CAs and certificates
//! (explicit validity dates): each failure class, TLS 1.2, and ten endpoints with one
//! black-holed finishing within the timeout. No network beyond 127.0.0.1.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use valmis_model::FailureClass;
use valmis_net::{Options, Target, probe_all};
use valmis_testkit::{BOTH, Pki, Reply, Server, TLS12_ONLY, Usage, black_hole};

/// A leaf for `name` and its chain up to the CA.
fn leaf(
    pki: &Pki,
    name: &str,
    usage: Usage,
    from: i32,
    to: i32,
) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
    let leaf = pki.leaf(name, usage, from, to);
    (vec![leaf.certificate, pki.root.clone()], leaf.key)
}

/// A server that answers every request with 204.
fn serve(server: Server) -> SocketAddr {
    valmis_testkit::serve(server, |_| Reply::Respond(204, Vec::new(), String::new()))
}

fn target(
    name: &str,
    address: SocketAddr,
    host: &str,
    client: &[CertificateDer<'static>],
    anchor: &CertificateDer<'static>,
) -> Target {
    Target {
        name: name.to_owned(),
        url: format!("https://{host}:{}/kanta/arkisto", address.port()),
        client_chain: client.to_vec(),
        anchors: vec![anchor.clone()],
    }
}

fn quick() -> Options {
    Options {
        connect_timeout: Duration::from_secs(2),
        handshake_timeout: Duration::from_secs(2),
        http_timeout: Duration::from_secs(2),
        concurrency: 8,
        ..Options::default()
    }
}

#[test]
fn mutual_tls_succeeds_and_reports_what_was_negotiated() {
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (server_chain, server_key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);
    let (client_chain, client_key) = leaf(&ca, "ehr-testi.esimerkki-terveys.fi", Usage::ClientAuth, 2020, 2099);
    let address =
        serve(Server { versions: BOTH, chain: server_chain, key: server_key, client_ca: Some(ca.root.clone()) });
    let results =
        probe_all(&[target("arkisto", address, "localhost", &client_chain, &ca.root)], Some(&client_key), &quick());
    let result = &results[0];
    assert_eq!(result.failure, None, "{result:?}");
    assert_eq!(result.tls_version.as_deref(), Some("TLS 1.3"));
    assert!(result.cipher_suite.as_deref().is_some_and(|suite| suite.starts_with("TLS13_")), "{result:?}");
    assert_eq!(result.client_certificate_requested, Some(true));
    assert_eq!(result.http_status, Some(204));
    assert_eq!(result.server_chain.len(), 2);
    assert!(result.server_chain[0].contains("CN=localhost"), "{:?}", result.server_chain);
    assert!(result.connect_ms.is_some() && result.address.as_deref().is_some_and(|a| a.starts_with("127.0.0.1")));
    let json = format!("{result:?}");
    assert!(!json.contains("PRIVATE"), "no key material in a result");
}

#[test]
fn a_tls_1_2_only_server_is_accepted_and_reported() {
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (server_chain, server_key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);
    let (client_chain, client_key) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let address =
        serve(Server { versions: TLS12_ONLY, chain: server_chain, key: server_key, client_ca: Some(ca.root.clone()) });
    let results =
        probe_all(&[target("tls12", address, "localhost", &client_chain, &ca.root)], Some(&client_key), &quick());
    assert_eq!(results[0].failure, None, "{:?}", results[0]);
    assert_eq!(results[0].tls_version.as_deref(), Some("TLS 1.2"));
}

fn class(result: &valmis_model::ProbeResult) -> FailureClass {
    result.failure.as_ref().unwrap_or_else(|| panic!("expected a failure: {result:?}")).class
}

#[test]
fn each_failure_is_classified() {
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (client_chain, client_key) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let good = || leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);

    // The server requires a client certificate and none is presented.
    let (chain, key) = good();
    let requires = serve(Server { versions: BOTH, chain, key, client_ca: Some(ca.root.clone()) });
    // The server's certificate comes from another CA than ca_bundle.
    let other = Pki::new("Muu TEST CA");
    let (chain, key) = leaf(&other, "localhost", Usage::ServerAuth, 2020, 2099);
    let wrong_ca = serve(Server { versions: BOTH, chain, key, client_ca: None });
    // Expired server certificate.
    let (chain, key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2021);
    let expired = serve(Server { versions: BOTH, chain, key, client_ca: None });
    // A certificate for another name.
    let (chain, key) = leaf(&ca, "arkisto.esimerkki.fi", Usage::ServerAuth, 2020, 2099);
    let mismatch = serve(Server { versions: BOTH, chain, key, client_ca: None });
    // A port nothing listens on.
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address")
    };
    let silent = black_hole();

    let targets = [
        target("requires-client-cert", requires, "localhost", &[], &ca.root),
        target("wrong-ca", wrong_ca, "localhost", &client_chain, &ca.root),
        target("expired", expired, "localhost", &client_chain, &ca.root),
        target("name-mismatch", mismatch, "localhost", &client_chain, &ca.root),
        target("refused", refused, "127.0.0.1", &client_chain, &ca.root),
        target("silent", silent, "localhost", &client_chain, &ca.root),
    ];
    let options = Options { handshake_timeout: Duration::from_millis(700), ..quick() };
    let results = probe_all(&targets, Some(&client_key), &options);
    let by_name = |name: &str| results.iter().find(|result| result.endpoint == name).expect("result");

    let requires = by_name("requires-client-cert");
    assert_eq!(class(requires), FailureClass::Alert, "{requires:?}");
    assert!(
        requires.failure.as_ref().is_some_and(|f| f.message.contains("requires a client certificate")),
        "{requires:?}"
    );
    assert_eq!(requires.client_certificate_requested, Some(true));
    let wrong_ca = by_name("wrong-ca");
    assert_eq!(class(wrong_ca), FailureClass::UnknownIssuer, "{wrong_ca:?}");
    assert!(
        wrong_ca.server_chain.first().is_some_and(|subject| subject.contains("CN=localhost")),
        "chain kept: {wrong_ca:?}"
    );
    assert_eq!(class(by_name("expired")), FailureClass::Expired, "{:?}", by_name("expired"));
    assert_eq!(class(by_name("name-mismatch")), FailureClass::NameMismatch, "{:?}", by_name("name-mismatch"));
    assert_eq!(class(by_name("refused")), FailureClass::Refused, "{:?}", by_name("refused"));
    let silent = by_name("silent");
    assert_eq!(class(silent), FailureClass::Timeout, "{silent:?}");
    assert!(silent.failure.as_ref().is_some_and(|f| f.message.contains("did not finish within 700ms")), "{silent:?}");

    // Issue 20: under `--lang fi` the same failures are said in Finnish (they were English).
    let finnish = Options { lang: valmis_model::Lang::Fi, ..options.clone() };
    let again = probe_all(&targets[..1], Some(&client_key), &finnish);
    let message = again[0].failure.as_ref().map(|failure| failure.message.clone()).unwrap_or_default();
    assert!(message.contains("palvelin vaatii asiakasvarmenteen"), "{message}");
    assert!(!message.contains("the server"), "{message}");
    // DNS failures are not exercised: resolving a name that does not exist would leave loopback.
}

#[test]
fn ten_endpoints_with_three_black_holed_are_probed_at_once_not_one_after_another() {
    // Concurrency, not speed: three silent endpoints probed one after another would take three
    // timeouts; at once they take one. The bound is two timeouts, so a loaded machine (the nine
    // handshakes of the others slowed down) does not fail it, and a serial probe always does.
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (server_chain, server_key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);
    let (client_chain, client_key) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let address =
        serve(Server { versions: BOTH, chain: server_chain, key: server_key, client_ca: Some(ca.root.clone()) });
    let mut targets: Vec<Target> = (0..7)
        .map(|index| target(&format!("arkisto-{index}"), address, "localhost", &client_chain, &ca.root))
        .collect();
    for (at, name) in [(1, "musta-aukko-1"), (4, "musta-aukko-2"), (8, "musta-aukko-3")] {
        targets.insert(at, target(name, black_hole(), "localhost", &client_chain, &ca.root));
    }
    let timeout = Duration::from_secs(3);
    let options = Options {
        connect_timeout: timeout,
        handshake_timeout: timeout,
        http_timeout: timeout,
        concurrency: 10,
        ..Options::default()
    };
    let started = Instant::now();
    let results = probe_all(&targets, Some(&client_key), &options);
    let elapsed = started.elapsed();
    assert!(elapsed < 2 * timeout, "three silent endpoints took {elapsed:?}: probed one after another?");
    assert_eq!(results.len(), 10);
    assert_eq!(results[4].endpoint, "musta-aukko-2", "results keep the targets' order");
    for result in &results {
        if result.endpoint.starts_with("musta-aukko") {
            assert_eq!(class(result), FailureClass::Timeout, "{result:?}");
        } else {
            assert_eq!(result.failure, None, "{result:?}");
        }
    }
}

#[test]
fn a_key_that_does_not_fit_the_certificate_is_refused_before_connecting() {
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (client_chain, _) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let (_, other_key) = leaf(&ca, "other", Usage::ClientAuth, 2020, 2099);
    let targets = [target("arkisto", "127.0.0.1:9".parse().expect("address"), "localhost", &client_chain, &ca.root)];
    let error = valmis_net::check_key(&targets, &other_key).expect_err("mismatch");
    assert!(error.to_string().contains("does not fit the client certificate of endpoint `arkisto`"), "{error}");
    assert!(!error.to_string().contains("PRIVATE KEY"));
}

/// A plain TCP listener that records whether anything connected to it.
fn tripwire() -> (SocketAddr, std::net::TcpListener) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    (listener.local_addr().expect("address"), listener)
}

#[test]
fn a_redirect_is_reported_with_its_target_and_never_followed() {
    // Issue 16 (12, 13): a 3xx pointing at another host over plain http was followed and the
    // probe said "ok". It is a failure naming the Location, and the target is never contacted.
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (server_chain, server_key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);
    let (client_chain, client_key) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let (elsewhere, listener) = tripwire();
    let location = format!("http://{elsewhere}/kanta");
    let address = valmis_testkit::serve(
        Server { versions: BOTH, chain: server_chain, key: server_key, client_ca: Some(ca.root.clone()) },
        move |_| Reply::Respond(302, vec![("Location".to_owned(), location.clone())], String::new()),
    );
    let results =
        probe_all(&[target("arkisto", address, "localhost", &client_chain, &ca.root)], Some(&client_key), &quick());
    assert_eq!(class(&results[0]), FailureClass::Redirect, "{:?}", results[0]);
    let message = &results[0].failure.as_ref().expect("failure").message;
    assert!(message.contains(&format!("HTTP 302 redirect to http://{elsewhere}/kanta")), "{message}");
    assert_eq!(results[0].http_status, Some(302));
    std::thread::sleep(Duration::from_millis(100));
    assert!(listener.accept().is_err(), "the redirect target was contacted");
}

#[test]
fn a_server_that_never_asks_for_a_client_certificate_is_not_a_kanta_endpoint() {
    // Issue 16 (13): Kanta's endpoints require mutual TLS; a TLS terminator that does not ask
    // answered 204 and the probe said "ok".
    let ca = Pki::new("DVV TEST Service Certificates - G5R");
    let (server_chain, server_key) = leaf(&ca, "localhost", Usage::ServerAuth, 2020, 2099);
    let (client_chain, client_key) = leaf(&ca, "client", Usage::ClientAuth, 2020, 2099);
    let address = serve(Server { versions: BOTH, chain: server_chain, key: server_key, client_ca: None });
    let results =
        probe_all(&[target("arkisto", address, "localhost", &client_chain, &ca.root)], Some(&client_key), &quick());
    assert_eq!(results[0].client_certificate_requested, Some(false));
    assert_eq!(class(&results[0]), FailureClass::ClientCertificateNotRequested, "{:?}", results[0]);
    assert_eq!(results[0].http_status, Some(204), "the answer is still reported");
}
