//! The hostile corpus (issue 7): inputs built here at test time (nothing large is committed),
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
    let started = Instant::now();
    let output = support::valmis_command()
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

#[test]
fn deep_nesting_huge_attributes_and_bad_encodings_get_clear_findings() {
    let temp = ready_copy();
    let documents = temp.path().join("documents");
    let depth = 100_000;
    std::fs::write(
        documents.join("syva.xml"),
        format!("<?xml version=\"1.0\"?>{}{}", "<a>".repeat(depth), "</a>".repeat(depth)),
    )
    .expect("write");
    std::fs::write(documents.join("syva.json"), format!("{}{}", "[".repeat(depth), "]".repeat(depth))).expect("write");
    let attribute = "x".repeat(50 * 1024 * 1024);
    std::fs::write(
        documents.join("iso.xml"),
        format!("<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\" a=\"{attribute}\"/>"),
    )
    .expect("write");
    std::fs::write(documents.join("latin1.xml"), b"<?xml version=\"1.0\"?><a>Hyv\xe4\xe4 p\xe4iv\xe4\xe4</a>")
        .expect("write");
    let (code, stdout, elapsed) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("documents/syva.json — ") && stdout.contains("not valid JSON: Maximum nesting depth exceeded"),
        "{stdout}"
    );
    assert!(stdout.contains("`documents/latin1.xml` is not UTF-8 (first bad byte at offset 27)"), "{stdout}");
    assert!(stdout.contains("documents/syva.xml:1:22"), "the deep document is read and judged: {stdout}");
    assert!(stdout.contains("/ClinicalDocument/realmCode is missing"), "the 50 MB attribute is read: {stdout}");
    assert!(!stdout.contains(&attribute[..200]), "a huge value is never printed whole");
    assert!(elapsed < Duration::from_secs(60), "bounded: {elapsed:?}");
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
fn odd_names_symlink_loops_and_unreadable_files_in_a_folder_bundle() {
    use std::os::unix::ffi::OsStrExt as _;
    let temp = ready_copy();
    let evidence = temp.path().join("evidence");
    std::fs::create_dir_all(evidence.join("silmukka")).expect("mkdir");
    std::os::unix::fs::symlink("../silmukka", evidence.join("silmukka/takaisin")).expect("symlink");
    std::fs::write(evidence.join(std::ffi::OsStr::from_bytes(b"nimi-\xff.txt")), b"outo nimi\n").expect("write");
    let unreadable = evidence.join("lukukelvoton.txt");
    std::fs::write(&unreadable, b"salainen\n").expect("write");
    std::fs::set_permissions(&unreadable, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    let (code, stdout, elapsed) = verify(temp.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("`evidence/nimi-\u{fffd}.txt` has a name that is not valid UTF-8"), "{stdout}");
    assert!(
        stdout.contains("entry `evidence/silmukka/takaisin` is a symbolic link; links are not followed"),
        "{stdout}"
    );
    // As root (CI containers) the file stays readable; as a user it cannot be read, and says so.
    let root_user = std::fs::read(&unreadable).is_ok();
    if !root_user {
        assert!(stdout.contains("lukukelvoton.txt"), "{stdout}");
    }
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
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
