//! `valmis probe` and `valmis verify --online`: reads the client key once, turns the bundle's
//! endpoints into probe targets, runs the probe (valmis-net) and prints its findings.

use std::io::IsTerminal as _;
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use valmis_bundle::Bundle;
use valmis_model::{CatalogSet, ProbeResult};

use crate::cli::usage;

/// Reads the private key from `path` once (PEM or DER). Errors name the file, never its content.
pub(crate) fn read_key(path: Option<&Path>) -> anyhow::Result<PrivateKeyDer<'static>> {
    let Some(path) = path else {
        return Err(usage(
            "probing needs the client certificate's private key: --client-key FILE (or VALMIS_CLIENT_KEY)",
        ));
    };
    let bytes = std::fs::read(path)
        .map_err(|error| usage(format!("cannot read the client key `{}`: {error}", path.display())))?;
    if let Ok(key) = PrivateKeyDer::from_pem_slice(&bytes) {
        return Ok(key);
    }
    PrivateKeyDer::try_from(bytes)
        .map_err(|_| usage(format!("`{}` is not a private key in PEM or DER (PKCS#8, PKCS#1 or SEC1)", path.display())))
}

/// The endpoints of the bundle, as probe targets.
pub(crate) fn targets(bundle: &Bundle, catalogs: &CatalogSet) -> anyhow::Result<Vec<valmis_net::Target>> {
    let specs = valmis_checks::probe_targets(bundle, catalogs)
        .map_err(|reason| usage(format!("nothing to probe: {reason} (`valmis verify` tells more)")))?;
    Ok(specs
        .into_iter()
        .map(|spec| valmis_net::Target {
            name: spec.name,
            url: spec.url,
            client_chain: spec.client_chain.into_iter().map(CertificateDer::from).collect(),
            anchors: spec.anchors.into_iter().map(CertificateDer::from).collect(),
        })
        .collect())
}

/// Runs the probe, with a line of progress on a terminal.
pub(crate) fn run(
    targets: &[valmis_net::Target],
    key: &PrivateKeyDer<'static>,
    timeout_seconds: u64,
    progress: bool,
) -> anyhow::Result<Vec<ProbeResult>> {
    valmis_net::check_key(targets, key).map_err(|error| usage(error.0))?;
    let timeout = Duration::from_secs(timeout_seconds.max(1));
    let options = valmis_net::Options {
        connect_timeout: timeout,
        handshake_timeout: timeout,
        http_timeout: timeout,
        concurrency: 8,
    };
    if progress && std::io::stderr().is_terminal() {
        eprintln!("probing {} endpoint(s), at most {timeout_seconds} s per step…", targets.len());
    }
    Ok(valmis_net::probe_all(targets, Some(key), &options))
}

/// Prints the results as text or JSON.
pub(crate) fn print(results: &[ProbeResult], json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(results).context("probe results as JSON")?);
        return Ok(());
    }
    for result in results {
        let verdict = if result.failure.is_none() { "ok" } else { "FAIL" };
        println!("{verdict} {} {}", result.endpoint, result.url);
        if let Some(address) = &result.address {
            println!("   address        {address}, TCP connect {} ms", result.connect_ms.unwrap_or_default());
        }
        if let (Some(version), Some(suite)) = (&result.tls_version, &result.cipher_suite) {
            println!("   TLS            {version}, {suite}, handshake {} ms", result.handshake_ms.unwrap_or_default());
        }
        for (index, subject) in result.server_chain.iter().enumerate() {
            let label = if index == 0 { "server chain" } else { "" };
            println!("   {label:<14} {subject}");
        }
        if let Some(asked) = result.client_certificate_requested {
            println!("   client cert    {}", if asked { "requested by the server" } else { "not requested" });
        }
        if let Some(status) = result.http_status {
            println!("   HTTP           GET → {status}");
        }
        if let Some(failure) = &result.failure {
            println!("   failure        {}: {}", failure.class, failure.message);
        }
    }
    let failed = results.iter().filter(|result| result.failure.is_some()).count();
    println!("{} endpoint(s) probed, {} ok, {failed} failed", results.len(), results.len() - failed);
    Ok(())
}
