//! Real directories and real zip files, including hostile ones.

use std::io::{Cursor, Write};
use std::path::Path;

use proptest::prelude::*;
use valmis_bundle::{Bundle, BundleKind, Limits, OpenError, ReadError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn zip_bytes(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let options = SimpleFileOptions::default().compression_method(method).large_file(false);
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(content).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

fn open_bytes(dir: &Path, bytes: &[u8]) -> Bundle {
    let path = dir.join("bundle.zip");
    std::fs::write(&path, bytes).expect("write zip");
    Bundle::open(&path, "bundle.zip", Limits::default()).expect("zip opens")
}

fn replace_all(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + found..at + found + to.len()].copy_from_slice(to);
        at += found + to.len();
    }
}

/// Sets the declared uncompressed size of every entry, in local and central headers.
fn declare_size(bytes: &mut [u8], size: u32) {
    for at in 0..bytes.len().saturating_sub(30) {
        match bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => bytes[at + 22..at + 26].copy_from_slice(&size.to_le_bytes()),
            [0x50, 0x4b, 0x01, 0x02] => bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
    }
}

#[test]
fn a_directory_bundle_lists_files_and_reports_links_and_special_files() {
    let temp = tempfile::tempdir().expect("tempdir");
    let root = temp.path();
    std::fs::create_dir_all(root.join("forms")).expect("mkdir");
    std::fs::create_dir_all(root.join(".git/objects")).expect("mkdir");
    std::fs::write(root.join("manifest.toml"), "format = 1\n").expect("write");
    std::fs::write(root.join("forms/a.pdf"), b"%PDF").expect("write");
    std::fs::write(root.join(".git/objects/x"), b"never listed").expect("write");
    std::os::unix::fs::symlink("/etc/passwd", root.join("forms/link.txt")).expect("symlink");
    std::os::unix::fs::symlink(root, root.join("loop")).expect("symlink loop");
    let _socket = std::os::unix::net::UnixListener::bind(root.join("socket")).expect("socket");

    let bundle = Bundle::open(root, "my-bundle", Limits::default()).expect("opens");
    assert_eq!(bundle.kind(), BundleKind::Directory);
    let files: Vec<&str> = bundle.files().map(|e| e.path.as_str()).collect();
    assert_eq!(files, ["forms/a.pdf", "manifest.toml"]);
    assert!(bundle.dirs().any(|d| d == ".git/"), "stray folders are listed for hygiene checks");
    let issues: Vec<(&str, String)> =
        bundle.path_issues().iter().map(|i| (i.path.as_str(), i.message.to_string())).collect();
    assert!(issues.iter().any(|(p, m)| *p == "forms/link.txt" && m.contains("symbolic link")), "{issues:?}");
    assert!(issues.iter().any(|(p, m)| *p == "loop" && m.contains("symbolic link")), "{issues:?}");
    assert!(issues.iter().any(|(p, m)| *p == "socket" && m.contains("not a regular file")), "{issues:?}");
    assert_eq!(bundle.read("manifest.toml").expect("read"), b"format = 1\n");
    assert_eq!(bundle.display_path("forms/a.pdf"), "my-bundle/forms/a.pdf");
    assert!(matches!(bundle.read("forms/link.txt"), Err(ReadError::NotFound(_))));
}

#[test]
fn a_file_that_changes_after_listing_is_read_as_it_is_now_and_never_past_the_limit() {
    let temp = tempfile::tempdir().expect("tempdir");
    let root = temp.path();
    let file = root.join("a.xml");
    std::fs::write(&file, [b'a'; 50]).expect("write");
    let limits = Limits { max_file_size: 30_000, ..Limits::default() };
    let bundle = Bundle::open(root, "b", limits).expect("opens");
    assert_eq!(bundle.read("a.xml").expect("read"), [b'a'; 50]);
    // Shrunk, grown a little, grown past the listed size many times over (the buffer grows),
    // grown to the limit exactly, then one byte past it.
    for size in [7, 51, 8_500, 25_000, 30_000] {
        let content: Vec<u8> = (0..size).map(|at| b'a' + (at % 26) as u8).collect();
        std::fs::write(&file, &content).expect("rewrite");
        assert_eq!(bundle.read("a.xml").expect("read"), content, "{size} bytes");
    }
    std::fs::write(&file, vec![b'z'; 30_001]).expect("rewrite");
    assert!(matches!(bundle.read("a.xml"), Err(ReadError::TooLarge { .. })));
    std::fs::write(&file, b"").expect("empty");
    assert_eq!(bundle.read("a.xml").expect("read"), b"");
}

#[test]
fn files_whose_names_are_not_utf8_are_still_read_and_two_that_render_alike_are_refused() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let temp = tempfile::tempdir().expect("tempdir");
    let root = temp.path();
    // A file named in Latin-1 (`ä` as one byte), and an ordinary name inside a Latin-1 folder:
    // their bundle paths are lossy renderings, so reading must use the names on disk.
    std::fs::write(root.join(OsStr::from_bytes(b"p\xe4iv\xe4.txt")), b"latin-1 file").expect("write");
    std::fs::create_dir(root.join(OsStr::from_bytes(b"kansi\xf6"))).expect("mkdir");
    std::fs::write(root.join(OsStr::from_bytes(b"kansi\xf6/sis.txt")), b"in a latin-1 folder").expect("write");
    std::fs::write(root.join("ok.txt"), b"plain").expect("write");
    let bundle = Bundle::open(root, "b", Limits::default()).expect("opens");
    let files: Vec<(&str, bool)> = bundle.files().map(|e| (e.path.as_str(), e.lossy_name)).collect();
    assert_eq!(files, [("kansi\u{fffd}/sis.txt", false), ("ok.txt", false), ("p\u{fffd}iv\u{fffd}.txt", true)]);
    assert_eq!(bundle.read("p\u{fffd}iv\u{fffd}.txt").expect("read"), b"latin-1 file");
    assert_eq!(bundle.read("kansi\u{fffd}/sis.txt").expect("read"), b"in a latin-1 folder");
    assert_eq!(bundle.read("ok.txt").expect("read"), b"plain");
    assert_eq!(bundle.entry("ok.txt").map(|e| e.size), Some(5));
    assert_eq!(bundle.files_under("kansi\u{fffd}").count(), 1);

    // `a\xff.txt` and `a\xfe.txt` both render as `a\u{fffd}.txt`: which file that path means
    // is ambiguous, as for a zip that names one path twice.
    std::fs::write(root.join(OsStr::from_bytes(b"a\xff.txt")), b"one").expect("write");
    std::fs::write(root.join(OsStr::from_bytes(b"a\xfe.txt")), b"two").expect("write");
    let bundle = Bundle::open(root, "b", Limits::default()).expect("opens");
    let refused = bundle.refused().map(ToString::to_string).unwrap_or_default();
    assert!(refused.contains("two entries both mean `a\u{fffd}.txt`"), "{refused:?}");
    assert_eq!(bundle.files().count(), 0);
}

#[test]
fn a_missing_path_or_a_file_that_is_not_a_zip_is_an_open_error() {
    let temp = tempfile::tempdir().expect("tempdir");
    let missing = Bundle::open(&temp.path().join("nope"), "nope", Limits::default());
    assert!(matches!(missing, Err(OpenError::Io { .. })));
    let text = temp.path().join("notes.txt");
    std::fs::write(&text, "not a zip").expect("write");
    let error = Bundle::open(&text, "notes.txt", Limits::default()).expect_err("not a zip");
    assert!(error.to_string().contains("neither a directory nor a zip"), "{error}");
}

#[test]
fn a_zip_bundle_inside_one_top_folder_reads_like_a_directory() {
    let temp = tempfile::tempdir().expect("tempdir");
    let bytes = zip_bytes(
        &[("ready/manifest.toml", b"format = 1\n"), ("ready/forms/a.pdf", b"%PDF-1.4")],
        CompressionMethod::Deflated,
    );
    let bundle = open_bytes(temp.path(), &bytes);
    let files: Vec<&str> = bundle.files().map(|e| e.path.as_str()).collect();
    assert_eq!(files, ["forms/a.pdf", "manifest.toml"]);
    assert_eq!(bundle.read("forms/a.pdf").expect("read"), b"%PDF-1.4");
    assert_eq!(bundle.display_path("manifest.toml"), "bundle.zip!/ready/manifest.toml");
    assert!(bundle.path_issues().is_empty());
}

#[test]
fn zip_slip_absolute_and_symlink_entries_are_reported_and_never_written() {
    let temp = tempfile::tempdir().expect("tempdir");
    let inner = temp.path().join("inner");
    std::fs::create_dir(&inner).expect("mkdir");
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    writer.start_file("manifest.toml", options).expect("entry");
    writer.write_all(b"format = 1\n").expect("write");
    writer.start_file("../evil.txt", options).expect("entry");
    writer.write_all(b"pwned").expect("write");
    writer.start_file("/tmp/abs.txt", options).expect("entry");
    writer.write_all(b"pwned").expect("write");
    writer.add_symlink("forms/link", "/etc/passwd", options).expect("symlink");
    let bytes = writer.finish().expect("finish").into_inner();

    let bundle = open_bytes(&inner, &bytes);
    let files: Vec<&str> = bundle.files().map(|e| e.path.as_str()).collect();
    assert_eq!(files, ["manifest.toml"], "unsafe entries are not readable");
    let messages: Vec<String> = bundle.path_issues().iter().map(|i| format!("{}: {}", i.path, i.message)).collect();
    assert!(messages.iter().any(|m| m.starts_with("../evil.txt: contains `..`")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("/tmp/abs.txt: has an absolute path")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("forms/link: is a symbolic link")), "{messages:?}");
    assert!(!temp.path().join("evil.txt").exists() && !inner.join("evil.txt").exists());
    let listing: Vec<_> =
        std::fs::read_dir(&inner).expect("ls").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(listing, ["bundle.zip"], "nothing was extracted");
}

#[test]
fn a_real_deflate_bomb_is_refused_without_decompressing() {
    let temp = tempfile::tempdir().expect("tempdir");
    let zeros = vec![0u8; 16 * 1024 * 1024];
    let bytes =
        zip_bytes(&[("manifest.toml", b"format = 1\n"), ("documents/big.xml", &zeros)], CompressionMethod::Deflated);
    assert!(bytes.len() < 100_000, "16 MiB of zeros compress to {} bytes", bytes.len());
    let bundle = open_bytes(temp.path(), &bytes);
    let reason = bundle.refused().expect("refused").to_string();
    assert!(reason.contains("documents/big.xml") && reason.contains("zip bomb"), "{reason}");
    assert_eq!(bundle.files().count(), 0);
}

#[test]
fn gigabytes_declared_in_a_tiny_zip_are_refused_from_the_headers() {
    let temp = tempfile::tempdir().expect("tempdir");
    let payload = vec![b'x'; 2048];
    let mut bytes =
        zip_bytes(&[("a.xml", &payload), ("b.xml", &payload), ("c.xml", &payload)], CompressionMethod::Stored);
    declare_size(&mut bytes, 0xFFFF_FFF0);
    let bundle = open_bytes(temp.path(), &bytes);
    let reason = bundle.refused().expect("refused").to_string();
    assert!(reason.contains("zip bomb"), "{reason}");
}

#[test]
fn an_archive_claiming_too_many_entries_is_refused_before_indexing() {
    let temp = tempfile::tempdir().expect("tempdir");
    let mut bytes = zip_bytes(&[("manifest.toml", b"format = 1\n")], CompressionMethod::Stored);
    let eocd = bytes.windows(4).rposition(|w| w == [0x50, 0x4b, 0x05, 0x06]).expect("eocd");
    bytes[eocd + 8..eocd + 10].copy_from_slice(&60_000u16.to_le_bytes());
    bytes[eocd + 10..eocd + 12].copy_from_slice(&60_000u16.to_le_bytes());
    let bundle = open_bytes(temp.path(), &bytes);
    assert!(bundle.refused().expect("refused").to_string().contains("60000 entries"));
}

#[test]
fn duplicate_names_are_refused() {
    let temp = tempfile::tempdir().expect("tempdir");
    let mut bytes = zip_bytes(
        &[("manifest.toml", b"format = 1\n"), ("forms/a.pdf", b"one"), ("forms/b.pdf", b"two")],
        CompressionMethod::Stored,
    );
    replace_all(&mut bytes, b"forms/b.pdf", b"forms/a.pdf");
    let bundle = open_bytes(temp.path(), &bytes);
    assert!(bundle.refused().expect("refused").to_string().contains("same name"));

    let bytes = zip_bytes(
        &[("forms/a.pdf", b"one"), ("forms\\a.pdf", b"two"), ("manifest.toml", b"")],
        CompressionMethod::Stored,
    );
    let bundle = open_bytes(temp.path(), &bytes);
    assert!(bundle.refused().expect("refused").to_string().contains("both mean `forms/a.pdf`"));
}

#[test]
fn an_entry_that_lies_about_its_size_cannot_be_read_past_it() {
    let temp = tempfile::tempdir().expect("tempdir");
    let payload = vec![b'a'; 100_000];
    let mut bytes = zip_bytes(&[("documents/x.xml", &payload)], CompressionMethod::Deflated);
    declare_size(&mut bytes, 1000);
    let bundle = open_bytes(temp.path(), &bytes);
    let error = bundle.read("documents/x.xml").expect_err("must not read 100 kB");
    assert!(error.to_string().contains("declared"), "{error}");
}

#[test]
fn zips_written_as_a_stream_or_behind_other_bytes_read_the_same_and_a_wrong_checksum_is_an_error() {
    let temp = tempfile::tempdir().expect("tempdir");
    let document = "<ClinicalDocument>äö</ClinicalDocument>".repeat(200);
    let entries: [(&str, &[u8]); 2] = [("documents/a.xml", document.as_bytes()), ("manifest.toml", b"format = 1\n")];

    // Written to a stream that cannot seek back: every entry's sizes and checksum come after its
    // data (a data descriptor), and its local header says 0 for them.
    let mut writer = ZipWriter::new_stream(Vec::new());
    for (name, content) in entries {
        writer
            .start_file(name, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated))
            .expect("start");
        writer.write_all(content).expect("write");
    }
    let streamed = writer.finish().expect("finish").into_inner();
    // A self-extracting archive: the zip behind a program, its offsets counted from the zip.
    let mut behind = b"#!/bin/sh\necho a self-extracting bundle\nexit 0\n".to_vec();
    behind.extend(zip_bytes(&entries, CompressionMethod::Deflated));
    for (what, bytes) in [("streamed", &streamed), ("behind a script", &behind)] {
        let bundle = open_bytes(temp.path(), bytes);
        assert_eq!(bundle.refused(), None, "{what}");
        for (name, content) in entries {
            assert_eq!(bundle.read(name).expect(what), content, "{what}: {name}");
        }
    }

    // One byte of a stored entry changed: the checksum of the central directory catches it.
    let mut bytes = zip_bytes(&entries, CompressionMethod::Stored);
    replace_all(&mut bytes, b"format = 1", b"format = 2");
    let bundle = open_bytes(temp.path(), &bytes);
    let error = bundle.read("manifest.toml").expect_err("a changed byte is not read as if it were right");
    assert!(error.to_string().contains("checksum"), "{error}");
}

/// Opens `bytes` as a zip bundle and reads every file it lists; any outcome but a panic is fine.
fn open_and_read_everything(bytes: &[u8]) {
    let temp = tempfile::tempdir().expect("tempdir");
    let path = temp.path().join("input.zip");
    std::fs::write(&path, bytes).expect("write");
    if let Ok(bundle) = Bundle::open(&path, "input.zip", Limits::default()) {
        let paths: Vec<String> = bundle.files().map(|e| e.path.clone()).collect();
        for path in paths {
            let _ = bundle.read(&path);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        open_and_read_everything(&bytes);
    }

    #[test]
    fn mutated_real_zips_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = zip_bytes(&[("manifest.toml", b"format = 1\nround = \"2027-1\"\n"), ("forms/a.pdf", b"%PDF-1.4 hello")], CompressionMethod::Deflated);
        for (index, value) in flips {
            let at = index.index(bytes.len());
            bytes[at] = value;
        }
        open_and_read_everything(&bytes);
    }
}
