//! The action's install step (`ci/install.sh`, issue 21), offline: a fake release of every
//! target is served over HTTP on loopback, and the script is run as the action runs it. It must
//! pick the archive of the runner's OS and architecture, refuse an archive whose SHA-256 is not
//! the one SHA256SUMS gives, say clearly when a version has no release, and reuse what it cached.

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const VERSION: &str = "0.9.1";

const TARGETS: [(&str, &str, &str); 5] = [
    ("Linux", "X64", "x86_64-unknown-linux-musl"),
    ("Linux", "ARM64", "aarch64-unknown-linux-musl"),
    ("macOS", "X64", "x86_64-apple-darwin"),
    ("macOS", "ARM64", "aarch64-apple-darwin"),
    ("Windows", "X64", "x86_64-pc-windows-msvc"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sha256(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A release as the release workflow lays it out: one archive per target, each holding
/// `valmis-v<version>-<target>/valmis` (a script that names its target), and SHA256SUMS.
fn release(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut sums = String::new();
    for (_, _, target) in TARGETS {
        let folder = format!("valmis-v{VERSION}-{target}");
        let windows = target.contains("windows");
        let binary = if windows { "valmis.exe" } else { "valmis" };
        let staging = dir.join(target);
        std::fs::create_dir_all(staging.join(&folder)).expect("mkdir");
        std::fs::write(staging.join(&folder).join(binary), format!("#!/bin/sh\necho {target}\n")).expect("write");
        std::fs::write(staging.join(&folder).join("README.md"), "valmis\n").expect("write");
        let (name, bytes) = if windows {
            let name = format!("{folder}.zip");
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file(format!("{folder}/{binary}"), options).expect("zip entry");
            zip.write_all(format!("#!/bin/sh\necho {target}\n").as_bytes()).expect("zip write");
            (name, zip.finish().expect("zip").into_inner())
        } else {
            let name = format!("{folder}.tar.gz");
            let status = Command::new("tar")
                .args(["-czf", dir.join(&name).to_str().expect("utf-8"), "-C"])
                .arg(&staging)
                .arg(&folder)
                .status()
                .expect("tar runs");
            assert!(status.success());
            let bytes = std::fs::read(dir.join(&name)).expect("archive");
            (name, bytes)
        };
        sums.push_str(&format!("{}  {name}\n", sha256(&bytes)));
        files.insert(format!("/v{VERSION}/{name}"), bytes);
    }
    files.insert(format!("/v{VERSION}/SHA256SUMS"), sums.into_bytes());
    files
}

/// Serves `files` by path on loopback (HTTP/1.1, GET only, one request per connection) and
/// counts the requests. Returns the base URL.
fn serve(files: BTreeMap<String, Vec<u8>>, requests: Arc<Mutex<Vec<String>>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // The headers, to their blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            requests.lock().expect("lock").push(path.clone());
            let response = match files.get(&path) {
                Some(body) => {
                    let mut response =
                        format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())
                            .into_bytes();
                    response.extend_from_slice(body);
                    response
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found".to_vec(),
            };
            let _ = stream.write_all(&response);
            let _ = stream.flush();
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
        }
    });
    format!("http://{address}")
}

fn install(base: &str, version: &str, os: &str, arch: &str, cache: &Path, github_path: &Path) -> Output {
    Command::new("bash")
        .arg(root().join("ci/install.sh"))
        .env("VALMIS_VERSION", version)
        .env("VALMIS_RELEASES_URL", base)
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("RUNNER_TOOL_CACHE", cache)
        .env("RUNNER_TEMP", cache.parent().expect("parent"))
        .env("GITHUB_PATH", github_path)
        .output()
        .expect("bash runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_install_step_picks_verifies_and_caches_the_release() {
    let temp = tempfile::tempdir().expect("tempdir");
    let files = release(&temp.path().join("release"));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let base = serve(files, Arc::clone(&requests));
    for (os, arch, target) in TARGETS {
        let cache = temp.path().join(format!("cache-{target}"));
        let github_path = temp.path().join(format!("path-{target}"));
        // `v0.9.1` and `0.9.1` name the same release.
        let output = install(&base, &format!("v{VERSION}"), os, arch, &cache, &github_path);
        assert_eq!(output.status.code(), Some(0), "{os} {arch}: {}", text(&output.stderr));
        let installed = PathBuf::from(text(&output.stdout).lines().last().expect("a path").trim());
        assert!(installed.starts_with(&cache), "{os} {arch}: {installed:?}");
        let content = std::fs::read_to_string(&installed).expect("installed binary");
        assert!(content.contains(target), "{os} {arch} got {content:?}, not the {target} archive");
        let added = std::fs::read_to_string(&github_path).expect("GITHUB_PATH");
        assert_eq!(added.trim(), installed.parent().expect("folder").to_str().expect("utf-8"));
        // Run again: the tool cache answers, nothing is downloaded.
        let before = requests.lock().expect("lock").len();
        let again = install(&base, VERSION, os, arch, &cache, &github_path);
        assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
        assert!(text(&again.stderr).contains("from the tool cache"), "{}", text(&again.stderr));
        assert_eq!(requests.lock().expect("lock").len(), before, "{os} {arch}: the cache was not used");
    }

    // A platform with no prebuilt binary is told to build from source.
    let output = install(&base, VERSION, "Windows", "ARM64", &temp.path().join("c"), &temp.path().join("p"));
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no prebuilt valmis for Windows on ARM64"), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("version: source"), "{}", text(&output.stderr));

    // A version that has no release says so, with the address it tried.
    let output = install(&base, "0.0.7", "Linux", "X64", &temp.path().join("c"), &temp.path().join("p"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("valmis 0.0.7 has no release at") && stderr.contains("/v0.0.7/"), "{stderr}");
    // Not a version at all.
    let output = install(&base, "latest", "Linux", "X64", &temp.path().join("c"), &temp.path().join("p"));
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("`latest` is not a release version"), "{}", text(&output.stderr));
}

#[test]
fn a_tampered_archive_is_refused_and_nothing_is_installed() {
    let temp = tempfile::tempdir().expect("tempdir");
    let mut files = release(&temp.path().join("release"));
    // The Linux x86_64 archive is replaced after SHA256SUMS was written.
    let name = format!("/v{VERSION}/valmis-v{VERSION}-x86_64-unknown-linux-musl.tar.gz");
    let mut tampered = files[&name].clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 0xff;
    files.insert(name, tampered);
    let base = serve(files, Arc::new(Mutex::new(Vec::new())));
    let cache = temp.path().join("cache");
    let output = install(&base, VERSION, "Linux", "X64", &cache, &temp.path().join("path"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("does not match SHA256SUMS") && stderr.contains("refusing to run it"), "{stderr}");
    assert!(!cache.join(format!("valmis/{VERSION}/x86_64-unknown-linux-musl/valmis")).exists(), "nothing cached");
    assert!(!temp.path().join("path").exists(), "nothing added to PATH");
    // The other archives of the same release are still fine.
    let output = install(&base, VERSION, "macOS", "ARM64", &cache, &temp.path().join("path"));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

/// The action's default version is the version of the valmis it is part of, so that
/// `uses: valmis-dev/valmis@v0.2.0` installs valmis 0.2.0.
#[test]
fn the_actions_default_version_is_this_release() {
    let action = std::fs::read_to_string(root().join("action.yml")).expect("action.yml");
    assert_eq!(version_default(&action).as_deref(), Some(env!("CARGO_PKG_VERSION")), "action.yml `version` default");
}

/// The `default:` of the `version:` input of an action.yml (inputs are indented by two spaces,
/// their keys by four).
fn version_default(action: &str) -> Option<String> {
    let mut in_version = false;
    for line in action.lines() {
        if line.starts_with("  ") && !line.starts_with("   ") {
            in_version = line.trim() == "version:";
        } else if in_version && let Some(value) = line.trim().strip_prefix("default:") {
            return Some(value.trim().trim_matches('"').to_owned());
        }
    }
    None
}

/// The GitLab template runs this release's image by default, as the action runs this release.
#[test]
fn the_gitlab_templates_default_version_is_this_release() {
    let template = std::fs::read_to_string(root().join("ci/valmis.gitlab-ci.yml")).expect("template");
    assert!(
        template.contains(&format!("VALMIS_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"))),
        "ci/valmis.gitlab-ci.yml's VALMIS_VERSION default is not {}",
        env!("CARGO_PKG_VERSION")
    );
    assert!(template.contains("name: ghcr.io/valmis-dev/valmis:$VALMIS_VERSION"), "{template}");
    assert!(!template.contains("cargo install") && !template.contains("image: rust"), "no compile in the template");
}

/// The image (issue 21, 2): a pinned distroless base, the static binary as the entrypoint, a
/// non-root user, the OCI labels; and its binary is the one the release workflow stages. No
/// container engine runs on the machines the tests run on, so the image is checked as a file and
/// the binary is run as the image runs it: as a user that owns nothing, with an empty environment
/// (no HOME, no PATH, no locale) and a read-only bundle. (`.ci/run` also runs
/// `ci/scratch-check.sh`: a static build alone in an empty root directory, as user 65532.)
#[test]
fn the_image_runs_the_binary_alone_as_a_user_that_owns_nothing() {
    let containerfile = std::fs::read_to_string(root().join("Containerfile")).expect("Containerfile");
    let lines: Vec<&str> = containerfile.lines().filter(|line| !line.trim_start().starts_with('#')).collect();
    let from = lines.iter().find(|line| line.starts_with("FROM ")).expect("FROM");
    let digest =
        regex::Regex::new(r"^FROM gcr\.io/distroless/static-debian12:[a-z-]+@sha256:[0-9a-f]{64}$").expect("regex");
    assert!(digest.is_match(from), "the base must be distroless static, pinned by digest: {from}");
    assert!(lines.contains(&"USER 65532:65532"), "non-root user");
    assert!(lines.contains(&"ENTRYPOINT [\"/usr/local/bin/valmis\"]"), "the binary is the entrypoint");
    for label in ["source", "version", "licenses", "revision"] {
        assert!(containerfile.contains(&format!("org.opencontainers.image.{label}=")), "OCI label {label}");
    }
    assert!(lines.contains(&"COPY --chmod=0755 dist/${TARGETARCH}/valmis /usr/local/bin/valmis"));
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).expect("release.yml");
    assert!(
        workflow.contains("cp \"artifacts/$name/valmis\" \"dist/$platform/valmis\""),
        "the workflow stages dist/<platform>/valmis"
    );
    assert!(workflow.contains("--platform linux/amd64,linux/arm64"));

    // As the image runs it: no environment at all, a bundle it may only read, reports to a folder
    // it may write.
    let temp = tempfile::tempdir().expect("tempdir");
    let reports = temp.path().join("reports");
    std::fs::create_dir_all(&reports).expect("mkdir");
    let output = Command::new(env!("CARGO_BIN_EXE_valmis"))
        .env_clear()
        .current_dir(temp.path())
        .arg("verify")
        .arg(root().join("fixtures/bundles/ready"))
        .args(["--now", "2026-11-23T12:00:00Z", "--junit"])
        .arg(reports.join("junit.xml"))
        .output()
        .expect("valmis runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(reports.join("junit.xml").is_file());
}

/// `cargo binstall` (issue 21, 5), as far as this machine can try it: cargo-binstall itself does
/// not build with this machine's toolchain (1.26 needs rustc 1.96; 1.24's dependencies too), so
/// the crate's `[package.metadata.binstall]` is rendered as cargo-binstall renders it (its
/// `{ name }`-style variables; `tgz` tries the suffixes `.tgz` then `.tar.gz`, as binstalk's
/// `PkgFmt::extensions` lists them) and must name, for every target, an archive of the release
/// layout above and the binary inside it.
#[test]
fn the_binstall_metadata_names_the_release_archives_and_their_binary() {
    let manifest: toml::Table =
        std::fs::read_to_string(root().join("crates/valmis/Cargo.toml")).expect("Cargo.toml").parse().expect("toml");
    let workspace: toml::Table =
        std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml").parse().expect("toml");
    let repo = workspace["workspace"]["package"]["repository"].as_str().expect("repository");
    let binstall = manifest["package"]["metadata"]["binstall"].as_table().expect("[package.metadata.binstall]");
    let temp = tempfile::tempdir().expect("tempdir");
    let files = release(&temp.path().join("release"));
    for (_, _, target) in TARGETS {
        let windows = target.contains("windows");
        let field = |key: &str| -> String {
            binstall
                .get("overrides")
                .and_then(|overrides| overrides.get(target))
                .and_then(|table| table.get(key))
                .or_else(|| binstall.get(key))
                .and_then(toml::Value::as_str)
                .unwrap_or_else(|| panic!("{target}: no {key}"))
                .to_owned()
        };
        let suffixes: &[&str] = match field("pkg-fmt").as_str() {
            "tgz" => &[".tgz", ".tar.gz"],
            "zip" => &[".zip"],
            other => panic!("{target}: pkg-fmt {other} is not one the release makes"),
        };
        let render = |template: &str, suffix: &str| {
            template
                .replace("{ repo }", repo)
                .replace("{ version }", VERSION)
                .replace("{ name }", "valmis")
                .replace("{ bin }", "valmis")
                .replace("{ target }", target)
                .replace("{ archive-suffix }", suffix)
                .replace("{ binary-ext }", if windows { ".exe" } else { "" })
        };
        let prefix = format!("{repo}/releases/download");
        let found: Vec<(String, &Vec<u8>)> = suffixes
            .iter()
            .filter_map(|suffix| {
                let url = render(&field("pkg-url"), suffix);
                assert!(!url.contains('{'), "{target}: a variable was left in {url}");
                let path = url.strip_prefix(&prefix).unwrap_or_else(|| panic!("{url} is not under {prefix}"));
                files.get(path).map(|bytes| (path.to_owned(), bytes))
            })
            .collect();
        let [(path, archive)] = found.as_slice() else {
            panic!("{target}: the pkg-url names no archive of the release (or several): {found:?}")
        };
        let bin_dir = render(&field("bin-dir"), "");
        let members: Vec<String> = if windows {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive.as_slice())).expect("zip");
            (0..zip.len()).map(|index| zip.by_index(index).expect("entry").name().expect("name").into_owned()).collect()
        } else {
            let file = temp.path().join("archive.tar.gz");
            std::fs::write(&file, archive).expect("write");
            let listing = Command::new("tar").arg("-tzf").arg(&file).output().expect("tar runs");
            text(&listing.stdout).lines().map(str::to_owned).collect()
        };
        assert!(members.contains(&bin_dir), "{target}: {path} has no {bin_dir}: {members:?}");
    }
}
