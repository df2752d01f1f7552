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
        match value.split_once('=') {
            Some((name, file)) if !name.is_empty() && !name.contains(['/', '\\']) => named.push((name, file)),
            _ => default = Some(value),
        }
    }
    for (name, _) in &named {
        if !targets.iter().any(|target| target.name == *name) {
            let known: Vec<&str> = targets.iter().map(|target| target.name.as_str()).collect();
            return Err(usage(format!(
                "--client-key {name}=…: no endpoint `{name}` (endpoints: {})",
                known.join(", ")
            )));
        }
    }
    let mut cache: Vec<(&str, PrivateKeyDer<'static>)> = Vec::new();
    let mut keys = Vec::with_capacity(targets.len());
    for target in targets {
        let file = named.iter().find(|(name, _)| *name == target.name).map(|(_, file)| *file).or(default);
        let Some(file) = file else {
            return Err(usage(format!(
                "endpoint `{}` needs its client certificate's private key: --client-key FILE, or --client-key {}=FILE",
                target.name, target.name
            )));
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
            return Err(usage(format!("--endpoint `{name}`: connection.toml has {}", known.join(", "))));
        }
    }
    Ok(targets.into_iter().filter(|target| names.contains(&target.name)).collect())
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

/// Runs the probe, `keys[i]` for `targets[i]`, with a line of progress on a terminal; the
/// results are in the targets' order.
pub(crate) fn run(
    targets: &[valmis_net::Target],
    keys: &[PrivateKeyDer<'static>],
    timeout_seconds: u64,
    progress: bool,
) -> anyhow::Result<Vec<ProbeResult>> {
    for (target, key) in targets.iter().zip(keys) {
        valmis_net::check_key(std::slice::from_ref(target), key).map_err(|error| usage(error.0))?;
    }
    let timeout = Duration::from_secs(timeout_seconds.max(1));
    let options = valmis_net::Options {
        connect_timeout: timeout,
        handshake_timeout: timeout,
        http_timeout: timeout,
        concurrency: 8,
    };
    if progress && std::io::stderr().is_terminal() {
        say_err!("probing {} endpoint(s), at most {timeout_seconds} s per step…", targets.len());
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
        if let Some(address) = &result.address {
            say!("   address        {address}, TCP connect {} ms", result.connect_ms.unwrap_or_default());
        }
        if let (Some(version), Some(suite)) = (&result.tls_version, &result.cipher_suite) {
            say!("   TLS            {version}, {suite}, handshake {} ms", result.handshake_ms.unwrap_or_default());
        }
        for (index, subject) in result.server_chain.iter().enumerate() {
            let label = if index == 0 { "server chain" } else { "" };
            say!("   {label:<14} {subject}");
        }
        if let Some(asked) = result.client_certificate_requested {
            say!("   client cert    {}", if asked { "requested by the server" } else { "not requested" });
        }
        if let Some(status) = result.http_status {
            say!("   HTTP           GET → {status}");
        }
        if let Some(failure) = &result.failure {
            say!("   failure        {}: {}", failure.class, failure.message);
        }
    }
    let failed = results.iter().filter(|result| result.failure.is_some()).count();
    say!("{} endpoint(s) probed, {} ok, {failed} failed", results.len(), results.len() - failed);
    Ok(())
}

/// `valmis probe`: the mTLS probe of the bundle's endpoints.
pub(crate) fn command(args: crate::args::ProbeArgs) -> anyhow::Result<u8> {
    let catalogs = load_catalogs(&args.catalog)?;
    let display = args.bundle.display().to_string();
    let bundle = Bundle::open(&args.bundle, &display, Limits::default()).map_err(|error| usage(error.to_string()))?;
    let targets = select(targets(&bundle, &catalogs)?, &args.endpoint)?;
    let keys = read_keys(&args.client_key, &targets)?;
    let results = run(&targets, &keys, args.timeout, !args.json)?;
    print(&results, args.json)?;
    Ok(if results.iter().all(|result| result.failure.is_none()) { exit::READY } else { exit::NOT_READY })
}
