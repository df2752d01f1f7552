//! The hostile corpus (issue 7), a test per input: inputs built here at test time (nothing large
//! is committed; the 4 GB zip entry is the committed fixture bundle-paths-zip-bomb.zip),
//! each giving a clear finding or error from the `valmis` binary, in bounded time, without a panic.

mod support;
use support::copy_tree;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `valmis verify` and returns (exit code, stdout, wall time).
fn verify(bundle: &Path) -> (i32, String, Duration) {
    verify_as(bundle, Path::new(env!("CARGO_BIN_EXE_valmis")), None, 2)
}

/// The address space every hostile run gets (issue 16): memory is asserted by the cap, not by a
/// timed test. A run that needs more ends with exit 3 and "out of memory", which fails the test.
const ADDRESS_SPACE_CAP: u64 = 1536 * 1024 * 1024;

/// Limits the child's address space to `bytes` (RLIMIT_AS), as `prlimit --as` does.
fn cap_address_space(command: &mut std::process::Command, bytes: u64) {
    // SAFETY: setrlimit is async-signal-safe, and the closure touches nothing else.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(command, move || {
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
        });
    }
}

/// `verify` run by `program` (a copy of the binary), as `user` when given, in 1.5 GiB of
/// address space with `jobs` threads.
fn verify_as(bundle: &Path, program: &Path, user: Option<u32>, jobs: usize) -> (i32, String, Duration) {
    verify_as_with(bundle, program, user, jobs, &[])
}

/// [`verify_as`] with more arguments.
fn verify_as_with(
    bundle: &Path,
    program: &Path,
    user: Option<u32>,
    jobs: usize,
    more: &[&str],
) -> (i32, String, Duration) {
    let started = Instant::now();
    let mut command = support::valmis_command_at(program);
    if let Some(user) = user {
        std::os::unix::process::CommandExt::uid(&mut command, user);
        std::os::unix::process::CommandExt::gid(&mut command, user);
    }
    cap_address_space(&mut command, ADDRESS_SPACE_CAP);
    let output = command
        .args([
            "verify",
            bundle.to_str().expect("utf-8"),
            "--now",
            "2026-11-23T12:00:00Z",
            "--skip",
            "BUNDLE-INTEGRITY",
            "--jobs",
            &jobs.to_string(),
        ])
        .args(more)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{stderr}");
    assert!(!stderr.contains("out of memory"), "more than {ADDRESS_SPACE_CAP} bytes of address space: {stderr}");
    (output.status.code().unwrap_or(-1), stdout, started.elapsed())
}

fn ready_copy() -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_tree(&root().join("fixtures/bundles/ready"), temp.path());
    temp
}

/// A copy of the ready bundle with `name` added under documents/, verified.
fn verify_with_document(name: &str, bytes: &[u8]) -> (i32, String, Duration) {
    let temp = ready_copy();
    std::fs::write(temp.path().join("documents").join(name), bytes).expect("write");
    verify(temp.path())
}

const DEPTH: usize = 100_000;

#[test]
fn xml_nested_100000_deep_is_judged_without_exhausting_the_stack() {
    let xml = format!("<?xml version=\"1.0\"?>{}{}", "<a>".repeat(DEPTH), "</a>".repeat(DEPTH));
    let (code, stdout, elapsed) = verify_with_document("syva.xml", xml.as_bytes());
    assert_eq!(code, 1, "{stdout}");
    // roxmltree reads it without recursion; the root element is not a ClinicalDocument.
    assert!(stdout.contains("DOC-CDA-HEADER: documents/syva.xml") && stdout.contains("syva.xml:1:22"), "{stdout}");
    assert!(elapsed < Duration::from_secs(60), "bounded: {elapsed:?}");
}

#[test]
fn a_clinical_document_nested_100000_deep_is_validated_without_exhausting_the_stack() {
    // DOC-SCHEMA walks the tree recursively: past 256 levels it stops with one finding.
    let xml = format!(
        "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">{}{}</ClinicalDocument>",
        "<a>".repeat(DEPTH),
        "</a>".repeat(DEPTH)
    );
    let (code, stdout, elapsed) = verify_with_document("syva.xml", xml.as_bytes());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("elements nested deeper than 256 levels are not validated"), "{stdout}");
    assert!(elapsed < Duration::from_secs(60), "bounded: {elapsed:?}");
}

#[test]
fn json_nested_100000_deep_is_refused_with_the_depth_limit() {
    let json = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let (code, stdout, elapsed) = verify_with_document("syva.json", json.as_bytes());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("documents/syva.json — ")
            && stdout.contains("not valid JSON: arrays and objects nested deeper than 512 levels"),
        "{stdout}"
    );
    assert!(elapsed < Duration::from_secs(60), "bounded: {elapsed:?}");
}

#[test]
fn an_attribute_of_50_mb_is_read_but_never_printed() {
    let attribute = "x".repeat(50 * 1024 * 1024);
    let xml = format!("<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\" a=\"{attribute}\"/>");
    let (code, stdout, elapsed) = verify_with_document("iso.xml", xml.as_bytes());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("/ClinicalDocument/realmCode is missing"), "the 50 MB attribute is read: {stdout}");
    assert!(!stdout.contains(&attribute[..200]), "a huge value is never printed whole");
    assert!(elapsed < Duration::from_secs(60), "bounded: {elapsed:?}");
}

#[test]
fn invalid_utf8_is_named_with_the_offset_of_the_first_bad_byte() {
    let (code, stdout, elapsed) =
        verify_with_document("latin1.xml", b"<?xml version=\"1.0\"?><a>Hyv\xe4\xe4 p\xe4iv\xe4\xe4</a>");
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("`documents/latin1.xml` is not UTF-8 (first bad byte at offset 27)"), "{stdout}");
    assert!(elapsed < Duration::from_secs(20), "bounded: {elapsed:?}");
}

#[test]
fn a_zip_with_100000_entries_is_refused_before_it_is_indexed() {
    let temp = tempfile::tempdir().expect("tempdir");
    let path = temp.path().join("paljon.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file("manifest.toml", options).expect("entry");
    writer.write_all(b"format = 1\n").expect("write");
    for index in 0..100_000 {
        writer.start_file(format!("evidence/{index}.txt"), options).expect("entry");
    }
    writer.finish().expect("zip");
    let (code, stdout, elapsed) = verify(&path);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("BUNDLE-PATHS") && stdout.contains("100001 entries"), "{stdout}");
    assert!(elapsed < Duration::from_secs(20), "refused from the end of central directory: {elapsed:?}");
}

#[test]
fn a_zip_entry_declaring_4_gb_is_refused_as_a_zip_bomb() {
    // The committed fixture declares 0xFFFF_FF00 bytes for every entry (cargo xtask fixtures).
    let (code, stdout, elapsed) = verify(&root().join("fixtures/bundles/bundle-paths-zip-bomb.zip"));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("BUNDLE-PATHS") && stdout.contains("zip bomb"), "{stdout}");
    assert!(elapsed < Duration::from_secs(20), "nothing is inflated: {elapsed:?}");
}

#[test]
fn a_file_name_that_is_not_utf8_is_named_lossily() {
    use std::os::unix::ffi::OsStrExt as _;
    let temp = ready_copy();
    std::fs::write(temp.path().join("evidence").join(std::ffi::OsStr::from_bytes(b"nimi-\xff.txt")), b"outo nimi\n")
        .expect("write");
    let (code, stdout, elapsed) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("`evidence/nimi-\u{fffd}.txt` has a name that is not valid UTF-8"), "{stdout}");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn a_symlink_loop_is_reported_and_never_followed() {
    let temp = ready_copy();
    let evidence = temp.path().join("evidence");
    std::fs::create_dir_all(evidence.join("silmukka")).expect("mkdir");
    std::os::unix::fs::symlink("../silmukka", evidence.join("silmukka/takaisin")).expect("symlink");
    let (code, stdout, elapsed) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("entry `evidence/silmukka/takaisin` is a symbolic link; links are not followed"),
        "{stdout}"
    );
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn an_unreadable_file_is_reported_by_name() {
    let temp = ready_copy();
    let unreadable = temp.path().join("evidence/lukukelvoton.txt");
    std::fs::write(&unreadable, b"salainen\n").expect("write");
    std::fs::set_permissions(&unreadable, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    // Root (CI containers) reads any file: there a copy of valmis runs as `nobody`, for whom
    // the bundle and the copy stay readable and this file does not.
    let as_root = std::fs::read(&unreadable).is_ok();
    let binary = tempfile::tempdir().expect("tempdir");
    let mut program = PathBuf::from(env!("CARGO_BIN_EXE_valmis"));
    if as_root {
        std::fs::copy(&program, binary.path().join("valmis")).expect("copy the binary");
        program = binary.path().join("valmis");
        open_to_everyone(binary.path());
        std::fs::set_permissions(&program, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
        open_to_everyone(temp.path());
        std::fs::set_permissions(&unreadable, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    }
    let (code, stdout, elapsed) = verify_as(temp.path(), &program, as_root.then_some(65_534), 2);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("failed to read `evidence/lukukelvoton.txt`: Permission denied"), "{stdout}");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

/// Makes every folder under `dir` (and `dir`) enterable and every file readable by anyone.
fn open_to_everyone(dir: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    for entry in std::fs::read_dir(dir).expect("read_dir").filter_map(Result::ok) {
        if entry.file_type().expect("type").is_dir() {
            open_to_everyone(&entry.path());
        } else {
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
    }
}

#[test]
fn a_workbook_that_makes_calamine_panic_is_a_finding_not_a_crash() {
    // Found by `cargo xtask fuzz` (report-xlsx): calamine overflows on this workbook's
    // dimension in debug builds. The input is kept as a fuzz regression.
    let crash = std::fs::read_dir(root().join("fixtures/fuzz-regressions/report-xlsx"))
        .expect("regressions")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("crash-")))
        .expect("the saved crash");
    let temp = ready_copy();
    std::fs::remove_file(temp.path().join("pretest/report.csv")).expect("remove");
    std::fs::copy(&crash, temp.path().join("pretest/report.xlsx")).expect("copy");
    let (code, stdout, _) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("PRETEST-REPORT") && stdout.contains("not a readable XLSX workbook"), "{stdout}");
}

/// CRC-32 (IEEE), bit by bit: enough for a crafted archive of a few bytes.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A stored zip written byte by byte: `locals` are the local entries (name, data); `central` the
/// central directory's entries (name, index of the local entry it points at). A zip tool never
/// writes two central entries for one local entry, or a central name that differs from the local.
fn crafted_zip(locals: &[(&str, &[u8])], central: &[(&str, usize)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for (name, data) in locals {
        offsets.push(u32::try_from(out.len()).expect("small"));
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]); // version, flags, stored, time, date
        out.extend_from_slice(&crc32(data).to_le_bytes());
        let size = u32::try_from(data.len()).expect("small").to_le_bytes();
        out.extend_from_slice(&size);
        out.extend_from_slice(&size);
        out.extend_from_slice(&u16::try_from(name.len()).expect("short").to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    let directory_start = u32::try_from(out.len()).expect("small");
    for (name, local) in central {
        let data = locals[*local].1;
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]); // made by, needed, flags, stored, time, date
        out.extend_from_slice(&crc32(data).to_le_bytes());
        let size = u32::try_from(data.len()).expect("small").to_le_bytes();
        out.extend_from_slice(&size);
        out.extend_from_slice(&size);
        out.extend_from_slice(&u16::try_from(name.len()).expect("short").to_le_bytes());
        out.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        out.extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        out.extend_from_slice(&offsets[*local].to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    let directory_size = u32::try_from(out.len()).expect("small") - directory_start;
    let count = u16::try_from(central.len()).expect("few").to_le_bytes();
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&count);
    out.extend_from_slice(&count);
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_start.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[test]
fn zip_entries_that_share_their_bytes_or_misname_their_local_header_are_refused() {
    // Issue 16 (4): 15 central entries pointing at one deflate stream each passed every zip limit
    // and together inflated 3.75 GiB. Overlapping entries, and a central name that is not the
    // local header's (Python's zipfile refuses both), are BUNDLE-PATHS.
    let temp = tempfile::tempdir().expect("tempdir");
    let manifest: &[u8] = b"format = 1\n";
    let document: &[u8] = b"<ClinicalDocument/>\n";

    // The builder itself writes a zip that valmis opens (so the refusals below are about the
    // crafted part, not about the builder).
    let honest = temp.path().join("rehellinen.zip");
    std::fs::write(
        &honest,
        crafted_zip(
            &[("manifest.toml", manifest), ("documents/a.xml", document)],
            &[("manifest.toml", 0), ("documents/a.xml", 1)],
        ),
    )
    .expect("write");
    let (_, stdout, _) = verify(&honest);
    assert!(!stdout.contains("share their bytes") && !stdout.contains("local header"), "{stdout}");
    assert!(stdout.contains("BUNDLE-MANIFEST"), "the archive was opened and judged: {stdout}");

    let shared = temp.path().join("jaettu.zip");
    let central: Vec<(String, usize)> = std::iter::once(("manifest.toml".to_owned(), 0))
        .chain((0..15).map(|index| (format!("documents/kopio-{index}.xml"), 1)))
        .collect();
    let central: Vec<(&str, usize)> = central.iter().map(|(name, local)| (name.as_str(), *local)).collect();
    std::fs::write(&shared, crafted_zip(&[("manifest.toml", manifest), ("documents/kopio-0.xml", document)], &central))
        .expect("write");
    let (code, stdout, _) = verify(&shared);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("BUNDLE-PATHS") && stdout.contains("share their bytes"), "{stdout}");

    let misnamed = temp.path().join("harhaanjohtava.zip");
    std::fs::write(
        &misnamed,
        crafted_zip(
            &[("manifest.toml", manifest), ("documents/a.xml", document)],
            &[("manifest.toml", 0), ("documents/b.xml", 1)],
        ),
    )
    .expect("write");
    let (code, stdout, _) = verify(&misnamed);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("BUNDLE-PATHS") && stdout.contains("local header names `documents/a.xml`"), "{stdout}");
}

#[test]
fn a_report_line_of_200_mb_is_one_finding_not_an_abort() {
    // Issue 16 (2): one 201 MB CSV line of commas took 6.5 GB and ended in SIGABRT (exit 134),
    // with nothing written. The line is refused before the csv crate reads it.
    let temp = ready_copy();
    let mut line = vec![b','; 201 * 1024 * 1024];
    line.push(b'\n');
    let mut report = b"case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n".to_vec();
    report.extend_from_slice(&line);
    std::fs::write(temp.path().join("pretest/report.csv"), &report).expect("write");
    drop(report);
    drop(line);
    let (code, stdout, _) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("PRETEST-REPORT") && stdout.contains("line 2 is 210763776 bytes long"), "{stdout}");
}

#[test]
fn running_out_of_memory_is_exit_3_and_one_message_not_an_abort() {
    // Issue 16 (6): an allocation failure aborted (SIGABRT, status 134) with Rust's
    // `memory allocation of N bytes failed`. Here the address space is too small for any run.
    // Not 40 MiB: there, on 2026-12-03, the debug binary had just room to start but not for its
    // main thread's stack to grow into clap's derive code (large frames unoptimised), so it died
    // of SIGSEGV before any allocation failed; the release binary ends with exit 3 at every
    // limit from 20 to 50 MiB, the debug one from 41 to 70 MiB, so the limit sits in both.
    let mut command = support::valmis_command();
    cap_address_space(&mut command, 48 * 1024 * 1024);
    let output = command
        .args(["verify", root().join("fixtures/bundles/ready").to_str().expect("utf-8"), "--jobs", "2"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("valmis: out of memory: an allocation of "), "{stderr}");
    assert_eq!(stderr.lines().filter(|line| !line.is_empty()).count(), 1, "one message: {stderr}");
}

#[test]
fn a_file_named_on_the_command_line_that_never_ends_is_refused_at_its_limit() {
    // Before: `--waivers /dev/zero` and `probe --client-key /dev/zero` were read until memory
    // ran out (4.8 GB in 20 s, then more). Each now stops one byte past its limit, with exit 2
    // and what was wrong. (`run --cases` is in tests/e2e.rs, where a run has a key to start.)
    let ready = root().join("fixtures/bundles/ready");
    let ready = ready.to_str().expect("utf-8");
    let runs: [(&[&str], &str); 2] = [
        (&["verify", ready, "--waivers", "/dev/zero"], "cannot read waivers `/dev/zero`: it is larger than 16 MiB"),
        (
            &["probe", ready, "--client-key", "/dev/zero"],
            "cannot read the client key `/dev/zero`: it is larger than 1 MiB",
        ),
    ];
    for (args, said) in runs {
        let mut command = support::valmis_command();
        cap_address_space(&mut command, ADDRESS_SPACE_CAP);
        let output = command.args(args).env("NO_COLOR", "1").output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
    }
}

#[test]
fn a_baseline_or_shard_that_is_no_json_report_is_refused_at_its_first_byte() {
    // Before: `--baseline /dev/zero` and `merge out.json /dev/zero` read a gibibyte of zeros
    // (1.5 GB of memory, 4.6 s) before saying the file was larger than 1024 MiB; a bundle's zip
    // given as the baseline was read whole before serde said "expected value at line 1". A JSON
    // report begins with `{`: anything else is refused from its first bytes. The cap is 256 MiB
    // of address space, a quarter of what the old read needed: the debug binary alone maps 35 MB
    // and each worker thread reserves its stack, so 64 MiB failed on the binary's growth.
    let ready = root().join("fixtures/bundles/ready");
    let ready = ready.to_str().expect("utf-8");
    let temp = tempfile::tempdir().expect("tempdir");
    let zip = temp.path().join("nippu.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00").expect("zip");
    let zip = zip.to_str().expect("utf-8");
    let out = temp.path().join("yhdistetty.json");
    let out = out.to_str().expect("utf-8");
    let runs: [(&[&str], &str); 3] = [
        (
            &["verify", ready, "--baseline", "/dev/zero"],
            "cannot read baseline `/dev/zero`: it is not a JSON report: its first byte is 0x00, not `{`",
        ),
        (&["verify", ready, "--baseline", zip], "it is not a JSON report: its first byte is 0x50 (`P`), not `{`"),
        (
            &["merge", out, "/dev/zero"],
            "cannot read shard `/dev/zero`: it is not a JSON report: its first byte is 0x00, not `{`",
        ),
    ];
    for (args, said) in runs {
        let mut command = support::valmis_command();
        cap_address_space(&mut command, 256 * 1024 * 1024);
        let output = command.args(args).env("NO_COLOR", "1").output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
    }
    assert!(!Path::new(out).exists(), "nothing merged, nothing written");
}

#[test]
fn pack_zips_a_file_larger_than_its_memory() {
    // Before: pack read each file whole, twice (for its digest, then for the zip), so a
    // 320 MB screenshot took 320 MB of memory and more; here, in 256 MiB of address space, it
    // ended with "out of memory". Both reads go in pieces of 64 KiB now. The file is sparse.
    let temp = ready_copy();
    let large = temp.path().join("evidence/PA-01/kuvakaappaus-iso.png");
    std::fs::File::create(&large).expect("create").set_len(320 * 1024 * 1024).expect("sparse");
    let zip = tempfile::tempdir().expect("tempdir");
    let out = zip.path().join("nippu.zip");
    let mut command = support::valmis_command();
    cap_address_space(&mut command, 256 * 1024 * 1024);
    let output = command
        .args(["pack", temp.path().to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // The digest is the one ring computes over the whole file at once.
    let manifest = std::fs::read_to_string(temp.path().join("manifest.toml")).expect("manifest");
    let whole = valmis_bundle::sha256_hex(&vec![0; 320 * 1024 * 1024]);
    assert!(manifest.contains(&format!("\"evidence/PA-01/kuvakaappaus-iso.png\" = \"sha256:{whole}\"")), "{manifest}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("a zip");
    let entry = archive.by_name("evidence/PA-01/kuvakaappaus-iso.png").expect("packed");
    assert_eq!(entry.size(), 320 * 1024 * 1024);
}

/// A CDA-rooted document of `elements` empty elements.
fn flat_document(elements: usize) -> Vec<u8> {
    let mut text = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">".to_vec();
    for _ in 0..elements {
        text.extend_from_slice(b"<a/>");
    }
    text.extend_from_slice(b"</ClinicalDocument>\n");
    text
}

#[test]
fn a_document_of_ten_million_elements_is_refused_before_it_is_parsed() {
    // Issue 16 (5): 38 MB of 9.9 million empty elements took 827 MB; attributes did not count
    // towards the node limit at all. The cost is counted from the bytes first.
    let (code, stdout, _) = verify_with_document("iso.xml", &flat_document(9_900_000));
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("the document has up to 9900006 elements, attributes or values; valmis parses at most 2000000"),
        "{stdout}"
    );
    assert!(stdout.contains("not parsed: too many nodes (see DOC-WELLFORMED)"), "{stdout}");
    let mut attributes = b"<?xml version=\"1.0\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\" ".to_vec();
    for n in 0..2_100_000 {
        attributes.extend_from_slice(format!("a{n}=\"\" ").as_bytes());
    }
    attributes.extend_from_slice(b"/>\n");
    let (code, stdout, _) = verify_with_document("attribuutit.xml", &attributes);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("valmis parses at most 2000000 per document"), "attributes count: {stdout}");
}

/// The ready bundle with eight documents of 1.9 million nodes each (`iso-0.xml` to `iso-7.xml`).
fn eight_large_documents() -> tempfile::TempDir {
    let temp = ready_copy();
    let document = flat_document(1_900_000);
    for n in 0..8 {
        std::fs::write(temp.path().join(format!("documents/iso-{n}.xml")), &document).expect("write");
    }
    temp
}

#[test]
fn eight_large_documents_on_eight_threads_share_one_parse_budget() {
    // Issue 16 (5): eight large documents at `--jobs 8` took 6.1 GB, each thread holding its own
    // tree. Trees of all threads together stay within one budget, so the run fits the cap.
    let temp = eight_large_documents();
    let (code, stdout, _) = verify_as(temp.path(), Path::new(env!("CARGO_BIN_EXE_valmis")), None, 8);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("iso-7.xml"), "{stdout}");
    assert!(!stdout.contains("valmis parses at most"), "each document is within the per-document limit: {stdout}");
}

#[test]
fn reports_are_written_in_the_capped_address_space_with_eight_threads() {
    // In 1.5 GiB of address space, after eight threads parsed large documents, the pool of eight
    // threads for the reports may not start; valmis then writes them on one thread. Making the
    // report safe once reached for rayon's global pool there (the JUnit writer could too),
    // which could not start either: `eight_large_documents_on_eight_threads_share_one_parse_budget`
    // stopped with an internal error in one run. Nothing outside a pool may start that pool.
    let temp = eight_large_documents();
    let junit = temp.path().join("out/junit.xml");
    let junit_arg = junit.to_str().expect("utf-8").to_owned();
    let (code, stdout, _) =
        verify_as_with(temp.path(), Path::new(env!("CARGO_BIN_EXE_valmis")), None, 8, &["--junit", &junit_arg]);
    assert_eq!(code, 1, "{stdout}");
    let written = std::fs::read_to_string(&junit).expect("the JUnit report is written");
    assert!(written.contains("iso-7.xml") && written.ends_with("</testsuites>\n"), "{written}");
}
