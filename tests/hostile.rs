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
    verify_as(bundle, Path::new(env!("CARGO_BIN_EXE_valmis")), None)
}

/// `verify` run by `program` (a copy of the binary), as `user` when given.
fn verify_as(bundle: &Path, program: &Path, user: Option<u32>) -> (i32, String, Duration) {
    let started = Instant::now();
    let mut command = support::valmis_command_at(program);
    if let Some(user) = user {
        std::os::unix::process::CommandExt::uid(&mut command, user);
        std::os::unix::process::CommandExt::gid(&mut command, user);
    }
    let output = command
        .args([
            "verify",
            bundle.to_str().expect("utf-8"),
            "--now",
            "2026-11-23T12:00:00Z",
            "--skip",
            "BUNDLE-INTEGRITY",
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{stderr}");
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
        stdout.contains("documents/syva.json — ") && stdout.contains("not valid JSON: Maximum nesting depth exceeded"),
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
    let (code, stdout, elapsed) = verify_as(temp.path(), &program, as_root.then_some(65_534));
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
