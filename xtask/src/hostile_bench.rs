//! `cargo xtask bench --hostile`: the hostile inputs of issue 16, each generated here (nothing
//! large is committed), each verified once by the release binary through the measuring helper
//! (peak RSS from `wait4`), so BENCHMARKS.md can state the memory of each next to its size.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::bench::{copy_ready, folder_bytes, run_measured};

/// One hostile input: a copy of the ready bundle with files added, or a zip.
struct Input {
    name: &'static str,
    /// The bundle to verify (a folder, or a zip file).
    bundle: PathBuf,
    /// Bytes of what was added (the hostile part).
    size: u64,
    jobs: &'static str,
    expected_exit: i32,
}

pub(crate) fn run(root: &Path) -> anyhow::Result<()> {
    let valmis = crate::build_binary("valmis", "valmis", true)?;
    let base = root.join("target/bench/hostile");
    if base.exists() {
        fs::remove_dir_all(&base).context("clear target/bench/hostile")?;
    }
    let ready = root.join("fixtures/bundles/ready");
    let mut inputs = Vec::new();
    let mut add = |name: &'static str,
                   files: Vec<(String, Vec<u8>)>,
                   jobs: &'static str,
                   expected_exit: i32|
     -> anyhow::Result<()> {
        let bundle = base.join(name.replace([' ', ',', '(', ')', '/'], "-"));
        copy_ready(&ready, &bundle)?;
        let mut size = 0;
        for (path, bytes) in files {
            size += bytes.len() as u64;
            crate::fixtures::write(&bundle, &path, &bytes)?;
        }
        inputs.push(Input { name, bundle, size, jobs, expected_exit });
        Ok(())
    };
    add(
        "XLSX with cells at A1 and XFD1048576",
        vec![("evidence/PA-01/laskenta.xlsx".to_owned(), far_cell_workbook(1_048_575, 16_383)?)],
        "2",
        1,
    )?;
    add(
        "XLSX with cells at A1 and CV1000000",
        vec![("evidence/PA-01/laskenta.xlsx".to_owned(), far_cell_workbook(999_999, 99)?)],
        "2",
        1,
    )?;
    add(
        "CSV report line of 201 MB (commas)",
        vec![("pretest/report.csv".to_owned(), csv_with_line(201 * 1024 * 1024))],
        "2",
        1,
    )?;
    add(
        "CSV report header of 16 MB",
        vec![("pretest/report.csv".to_owned(), csv_with_header(16 * 1024 * 1024))],
        "2",
        1,
    )?;
    add(
        "CSV report header of 990 unknown 900-character columns",
        vec![("pretest/report.csv".to_owned(), csv_with_wide_columns(990, 900)?)],
        "2",
        0,
    )?;
    add(
        "CDA document of 9.9M empty elements",
        vec![("documents/iso.xml".to_owned(), flat_document(9_900_000))],
        "2",
        1,
    )?;
    let eight: Vec<(String, Vec<u8>)> =
        (0..8).map(|n| (format!("documents/iso-{n}.xml"), flat_document(1_900_000))).collect();
    add("8 documents of 1.9M elements, --jobs 8", eight, "8", 1)?;
    let zip = base.join("overlapping-entries.zip");
    let zip_size = overlapping_zip(&ready, &zip)?;
    inputs.push(Input {
        name: "zip: 15 entries sharing one 256 MiB deflate stream",
        bundle: zip,
        size: zip_size,
        jobs: "2",
        expected_exit: 1,
    });

    let mut table = String::new();
    writeln!(table, "| hostile input | its size | exit | wall | peak RSS | stdout |")?;
    writeln!(table, "|---|---:|---:|---:|---:|---:|")?;
    for input in &inputs {
        let out = base.join("out");
        fs::create_dir_all(&out)?;
        let stdout = out.join(format!("{}.txt", input.name.replace([' ', ',', '(', ')', '/', ':'], "-")));
        let mut command = Command::new("sh");
        command.arg("-c").arg(format!(
            "exec \"$0\" verify \"$1\" --now 2026-11-23T12:00:00Z --skip BUNDLE-INTEGRITY --jobs {} > \"$2\"",
            input.jobs
        ));
        command.arg(&valmis).arg(&input.bundle).arg(&stdout);
        let child = run_measured(&command)?;
        anyhow::ensure!(
            child.code == input.expected_exit,
            "{}: exit {} where {} was expected (output in {})",
            input.name,
            child.code,
            input.expected_exit,
            stdout.display()
        );
        writeln!(
            table,
            "| {} | {} | {} | {:.2} s | {:.0} MiB | {} |",
            input.name,
            human_bytes(input.size),
            child.code,
            child.wall_ms / 1000.0,
            child.max_rss_kib as f64 / 1024.0,
            human_bytes(fs::metadata(&stdout)?.len())
        )?;
    }
    let on_disk = folder_bytes(&base)?;
    println!("\nvalmis verify on hostile inputs, release build, one run each:\n\n{table}");
    fs::write(base.join("results.md"), &table)?;
    eprintln!("table also written to target/bench/hostile/results.md ({} generated)", human_bytes(on_disk));
    Ok(())
}

fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

/// A workbook with one cell at A1 and one at (`row`, `column`), zero-based: a few KB whose sheet
/// spans the rectangle between them.
fn far_cell_workbook(row: u32, column: u16) -> anyhow::Result<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "tapaus")?;
    sheet.write_string(row, column, "loppu")?;
    Ok(workbook.save_to_buffer()?)
}

const HEADER: &str = "case_id,result,executed_at,environment,test_person,document_oid,evidence,notes\n";

fn csv_with_line(length: usize) -> Vec<u8> {
    let mut report = HEADER.as_bytes().to_vec();
    report.resize(report.len() + length, b',');
    report.push(b'\n');
    report
}

fn csv_with_header(length: usize) -> Vec<u8> {
    let mut report = HEADER.trim_end().as_bytes().to_vec();
    let mut n = 0;
    while report.len() < length {
        write!(report, ",sarake{n}").ok();
        n += 1;
    }
    report.push(b'\n');
    report
}

/// The ready report with `columns` unknown columns of `width` characters added to its header.
fn csv_with_wide_columns(columns: usize, width: usize) -> anyhow::Result<Vec<u8>> {
    let ready = include_str!("../../fixtures/bundles/ready/pretest/report.csv");
    let (header, rows) = ready.split_once('\n').context("a header line")?;
    let mut report = header.to_owned();
    for n in 0..columns {
        write!(report, ",x{n}{}", "y".repeat(width))?;
    }
    report.push('\n');
    report.push_str(rows);
    Ok(report.into_bytes())
}

/// A CDA-rooted document of `elements` empty elements.
fn flat_document(elements: usize) -> Vec<u8> {
    let mut text = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">".to_vec();
    text.reserve(elements * 4 + 32);
    for _ in 0..elements {
        text.extend_from_slice(b"<a/>");
    }
    text.extend_from_slice(b"</ClinicalDocument>\n");
    text
}

/// The ready bundle as a zip, plus one deflated entry of 256 MiB of zeros whose central directory
/// record is repeated 14 more times under other names, all pointing at the same local header:
/// 15 entries that each pass the size and ratio limits and together inflate 3.75 GiB.
fn overlapping_zip(ready: &Path, path: &Path) -> anyhow::Result<u64> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut pending = vec![(ready.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        let mut entries: Vec<_> = fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                pending.push((entry.path(), format!("{name}/")));
            } else {
                writer.start_file(name.as_str(), deflated)?;
                writer.write_all(&fs::read(entry.path())?)?;
            }
        }
    }
    writer.start_file("documents/nolla-00.xml", deflated.large_file(false))?;
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..256 {
        writer.write_all(&zeros)?;
    }
    let mut bytes = writer.finish()?.into_inner();
    // End of central directory: the last 22 bytes (no comment).
    let eocd = bytes.len() - 22;
    anyhow::ensure!(bytes[eocd..eocd + 4] == [0x50, 0x4b, 0x05, 0x06], "no end of central directory record");
    let u16_at = |bytes: &[u8], at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at = |bytes: &[u8], at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let cd_size = u32_at(&bytes, eocd + 12) as usize;
    let cd_start = u32_at(&bytes, eocd + 16) as usize;
    let entries = u16_at(&bytes, eocd + 10);
    // The last central record is the big entry's.
    let mut at = cd_start;
    let mut last = at;
    while at < cd_start + cd_size {
        last = at;
        let length = 46
            + usize::from(u16_at(&bytes, at + 28))
            + usize::from(u16_at(&bytes, at + 30))
            + usize::from(u16_at(&bytes, at + 32));
        at += length;
    }
    let record = bytes[last..cd_start + cd_size].to_vec();
    let name_at = 46;
    let mut extra = Vec::new();
    for n in 1..15 {
        let mut copy = record.clone();
        let name = format!("documents/nolla-{n:02}.xml");
        copy[name_at..name_at + name.len()].copy_from_slice(name.as_bytes());
        extra.extend_from_slice(&copy);
    }
    let tail = bytes.split_off(eocd);
    bytes.truncate(cd_start + cd_size);
    bytes.extend_from_slice(&extra);
    let mut tail = tail;
    tail[8..10].copy_from_slice(&(entries + 14).to_le_bytes());
    tail[10..12].copy_from_slice(&(entries + 14).to_le_bytes());
    tail[12..16].copy_from_slice(&u32::try_from(cd_size + extra.len())?.to_le_bytes());
    bytes.extend_from_slice(&tail);
    fs::write(path, &bytes).with_context(|| format!("write {}", path.display()))?;
    Ok(bytes.len() as u64)
}
