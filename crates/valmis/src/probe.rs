//! `valmis probe` and `valmis verify --online`: reads the client key once, turns the bundle's
//! endpoints into probe targets, runs the probe (valmis-net) and prints its findings.

use crate::terminal::{say, say_err};
use std::io::IsTerminal as _;
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use valmis_bundle::{Bundle, Limits};
use valmis_model::{CatalogSet, ProbeResult};

use crate::common::{load_catalogs, usage};
use crate::exit;
use crate::lang::tr;

/// Reads the private key from `path` once (PEM or DER). Errors name the file, never its content.
pub(crate) fn read_key(path: Option<&Path>) -> anyhow::Result<PrivateKeyDer<'static>> {
    let Some(path) = path else {
        return Err(usage(tr!("cli-probe-needs-key")));
    };
    // A key is a few kilobytes; a wrong path (a zip, a device) is said, not read to its end.
    let bytes = valmis_model::files::read_at_most(path, valmis_model::files::MIB).map_err(|error| {
        usage(tr!(
            "cli-key-unreadable",
            path = path.display().to_string(),
            reason = crate::lang::said(&error.message())
        ))
    })?;
    if let Ok(key) = PrivateKeyDer::from_pem_slice(&bytes) {
        return Ok(key);
    }
    PrivateKeyDer::try_from(bytes).map_err(|_| usage(tr!("cli-key-not-a-key", path = path.display().to_string())))
}

/// One `--client-key` value: `NAME=FILE` (a name without slashes) or `FILE`.
pub(crate) fn key_value(value: &str) -> (Option<&str>, &str) {
    match value.split_once('=') {
        Some((name, file)) if !name.is_empty() && !name.contains(['/', '\\']) => (Some(name), file),
        _ => (None, value),
    }
}

/// The client keys of `--client-key`: `FILE` for every endpoint, `NAME=FILE` for endpoint NAME
/// (a bundle whose endpoints present different client certificates needs one key each). Returns
/// one key per target, in the targets' order; each file is read once.
pub(crate) fn read_keys(
    values: &[String],
    targets: &[valmis_net::Target],
) -> anyhow::Result<Vec<PrivateKeyDer<'static>>> {
    let mut default: Option<&str> = None;
    let mut named: Vec<(&str, &str)> = Vec::new();
    for value in values {
        match key_value(value) {
            (Some(name), file) => named.push((name, file)),
            (None, file) => default = Some(file),
        }
    }
    for (name, _) in &named {
        if !targets.iter().any(|target| target.name == *name) {
            let known: Vec<&str> = targets.iter().map(|target| target.name.as_str()).collect();
            return Err(usage(tr!("cli-key-unknown-endpoint", name = *name, known = known.join(", "))));
        }
    }
    let mut cache: Vec<(&str, PrivateKeyDer<'static>)> = Vec::new();
    let mut keys = Vec::with_capacity(targets.len());
    for target in targets {
        let file = named.iter().find(|(name, _)| *name == target.name).map(|(_, file)| *file).or(default);
        let Some(file) = file else {
            return Err(usage(tr!("cli-endpoint-needs-key", name = &target.name)));
        };
        if let Some((_, key)) = cache.iter().find(|(cached, _)| *cached == file) {
            keys.push(key.clone_key());
            continue;
        }
        let key = read_key(Some(Path::new(file)))?;
        cache.push((file, key.clone_key()));
        keys.push(key);
    }
    Ok(keys)
}

/// Only the endpoints `--endpoint` names (all when none); an unknown name is a usage error.
pub(crate) fn select(targets: Vec<valmis_net::Target>, names: &[String]) -> anyhow::Result<Vec<valmis_net::Target>> {
    if names.is_empty() {
        return Ok(targets);
    }
    for name in names {
        if !targets.iter().any(|target| &target.name == name) {
            let known: Vec<&str> = targets.iter().map(|target| target.name.as_str()).collect();
            return Err(usage(tr!("cli-unknown-endpoint", name = name, known = known.join(", "))));
        }
    }
    Ok(targets.into_iter().filter(|target| names.contains(&target.name)).collect())
}

/// The endpoints of the bundle, as probe targets.
pub(crate) fn targets(bundle: &Bundle, catalogs: &CatalogSet) -> anyhow::Result<Vec<valmis_net::Target>> {
    let specs = valmis_checks::probe_targets(bundle, catalogs, crate::lang::current())
        .map_err(|error| usage(tr!("cli-nothing-to-probe", reason = error.to_string())))?;
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

/// Runs the probe, `keys[i]` for `targets[i]`, with a line of progress on a terminal; the
/// results are in the targets' order.
pub(crate) fn run(
    targets: &[valmis_net::Target],
    keys: &[PrivateKeyDer<'static>],
    timeout_seconds: u64,
    progress: bool,
) -> anyhow::Result<Vec<ProbeResult>> {
    for (target, key) in targets.iter().zip(keys) {
        valmis_net::check_key(std::slice::from_ref(target), key).map_err(|error| usage(crate::lang::said(&error.0)))?;
    }
    let timeout = Duration::from_secs(timeout_seconds.max(1));
    let options = valmis_net::Options {
        connect_timeout: timeout,
        handshake_timeout: timeout,
        http_timeout: timeout,
        concurrency: 8,
        lang: crate::lang::current(),
    };
    if progress && std::io::stderr().is_terminal() {
        say_err!("{}", tr!("cli-probing", endpoints = targets.len(), seconds = timeout_seconds));
    }
    // Endpoints that share a key are probed together (concurrently); groups one after another.
    let mut results: Vec<Option<ProbeResult>> = vec![None; targets.len()];
    let mut done = vec![false; targets.len()];
    for first in 0..targets.len() {
        if done[first] {
            continue;
        }
        let group: Vec<usize> =
            (first..targets.len()).filter(|&index| !done[index] && keys[index] == keys[first]).collect();
        let group_targets: Vec<valmis_net::Target> = group.iter().map(|&index| targets[index].clone()).collect();
        for (index, result) in group.iter().zip(valmis_net::probe_all(&group_targets, Some(&keys[first]), &options)) {
            results[*index] = Some(result);
            done[*index] = true;
        }
    }
    Ok(results.into_iter().flatten().collect())
}

/// Prints the results as text or JSON.
pub(crate) fn print(results: &[ProbeResult], json: bool) -> anyhow::Result<()> {
    if json {
        say!("{}", serde_json::to_string_pretty(results).context("probe results as JSON")?);
        return Ok(());
    }
    for result in results {
        let verdict = if result.failure.is_none() { "ok" } else { "FAIL" };
        say!("{verdict} {} {}", result.endpoint, result.url);
        // Labels padded to one column in either language.
        let line = |label: String, value: String| say!("   {label:<16} {value}");
        if let Some(address) = &result.address {
            let connect = result.connect_ms.unwrap_or_default();
            line(tr!("probe-label-address"), tr!("probe-address", address = address, ms = connect));
        }
        if let (Some(version), Some(suite)) = (&result.tls_version, &result.cipher_suite) {
            let handshake = result.handshake_ms.unwrap_or_default();
            line("TLS".to_owned(), tr!("probe-tls", version = version, suite = suite, ms = handshake));
        }
        for (index, subject) in result.server_chain.iter().enumerate() {
            let label = if index == 0 { tr!("probe-label-chain") } else { String::new() };
            line(label, subject.clone());
        }
        if let Some(asked) = result.client_certificate_requested {
            let said = if asked { tr!("probe-client-asked") } else { tr!("probe-client-not-asked") };
            line(tr!("probe-label-client"), said);
        }
        if let Some(status) = result.http_status {
            line("HTTP".to_owned(), format!("GET → {status}"));
        }
        if let Some(failure) = &result.failure {
            line(
                tr!("probe-label-failure"),
                format!("{}: {}", tr!("probe-class", class = failure.class.as_str()), failure.message),
            );
        }
    }
    let failed = results.iter().filter(|result| result.failure.is_some()).count();
    say!("{}", tr!("probe-closing", endpoints = results.len(), ok = results.len() - failed, failed = failed));
    Ok(())
}

/// `valmis probe`: the mTLS probe of the bundle's endpoints.
pub(crate) fn command(args: crate::args::ProbeArgs) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    let display = args.bundle.display().to_string();
    let bundle = Bundle::open(&args.bundle, &display, Limits::default())
        .map_err(|error| usage(crate::lang::said(&error.msg())))?;
    let targets = select(targets(&bundle, &catalogs)?, &args.endpoint)?;
    let keys = read_keys(&args.client_key, &targets)?;
    let results = run(&targets, &keys, args.timeout, !args.json)?;
    print(&results, args.json)?;
    Ok(if results.iter().all(|result| result.failure.is_none()) { exit::READY } else { exit::NOT_READY })
}
