//! `valmis pack DIR -o bundle.zip`: the clean zip a vendor sends to Kela. It refreshes the
//! manifest's `[files]` digests (only that table: every comment and other value stays as the person
//! wrote it), leaves out OS and editor leftovers, and writes a deterministic zip (sorted entries,
//! fixed times) atomically, so that a half-written zip never replaces an earlier one.

use crate::common::usage;
use crate::failure::output;
use crate::lang::tr;
use crate::terminal::say;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// What `pack` did, for the summary.
#[derive(Debug, Default)]
pub(crate) struct Packed {
    /// Bundle-relative paths written into the zip, sorted.
    pub(crate) files: Vec<String>,
    /// Bundle-relative paths left out, with the reason.
    pub(crate) left_out: Vec<(String, &'static str)>,
    /// `[files]` changes: path and what happened (`added`, `changed`, `removed`).
    pub(crate) digest_changes: Vec<(String, &'static str)>,
    /// Size of the zip written.
    pub(crate) zip_bytes: u64,
}

const MANIFEST: &str = "manifest.toml";

// Why a file is left out of the zip: a key, said in the run's language when printed.
const SYMLINK: &str = "symlink";
const TOOL_FOLDER: &str = "tool-folder";
const THE_ZIP: &str = "the-zip";
const LEFTOVER: &str = "leftover";
const BACKUP: &str = "backup";

/// Packs the bundle folder `dir` into `out`.
pub(crate) fn pack(dir: &Path, out: &Path) -> anyhow::Result<Packed> {
    if !dir.is_dir() {
        return Err(usage(tr!("cli-pack-not-folder", path = dir.display().to_string())));
    }
    let manifest_path = dir.join(MANIFEST);
    if !manifest_path.is_file() {
        return Err(usage(tr!("cli-pack-no-manifest", path = dir.display().to_string())));
    }
    if crate::output::is_stream(out) {
        return Err(usage(tr!("cli-pack-stream", path = out.display().to_string())));
    }
    let reads = [crate::output::Read::Packed(dir)];
    crate::output::check_outputs(&[("--output", out)], &reads)?;
    let out_absolute =
        crate::output::location(out).with_context(|| tr!("cli-cannot-resolve", path = out.display().to_string()))?;
    let mut packed = Packed::default();
    let mut files = Vec::new();
    walk(dir, "", &out_absolute, &mut files, &mut packed.left_out)?;

    let mut digests = BTreeMap::new();
    for (relative, path) in &files {
        if relative != MANIFEST {
            // Read in pieces, as the zip below is written: a file of any size costs kilobytes.
            let digest = std::fs::File::open(path)
                .and_then(valmis_bundle::sha256_hex_of)
                .with_context(|| tr!("cli-cannot-read", path = path.display().to_string()))?;
            digests.insert(relative.clone(), format!("sha256:{digest}"));
        }
    }
    let manifest_text = std::fs::read_to_string(&manifest_path)
        .with_context(|| tr!("cli-cannot-read", path = manifest_path.display().to_string()))?;
    let (manifest, changes) = refresh_files(&manifest_text, &digests)?;
    if manifest != manifest_text {
        crate::output::write_atomically(&manifest_path, manifest.as_bytes())?;
    }
    packed.digest_changes = changes;

    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|error| {
        output(tr!("cli-folder-failed", path = parent.display().to_string(), reason = error.to_string()))
    })?;
    let temporary = crate::output::temporary_in(parent).map_err(|error| {
        output(tr!("cli-temporary-failed", path = parent.display().to_string(), reason = error.to_string()))
    })?;
    let mut zip = zip::ZipWriter::new(temporary);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (relative, path) in &files {
        zip.start_file(relative.as_str(), options).map_err(|error| {
            output(tr!("cli-write-failed", path = out.display().to_string(), reason = error.to_string()))
        })?;
        let write_failed = |error: std::io::Error| {
            output(tr!("cli-write-failed", path = out.display().to_string(), reason = error.to_string()))
        };
        if relative == MANIFEST {
            zip.write_all(manifest.as_bytes()).map_err(write_failed)?;
        } else {
            let mut file =
                std::fs::File::open(path).with_context(|| tr!("cli-cannot-read", path = path.display().to_string()))?;
            copy(&mut file, &mut zip).map_err(|error| match error {
                Copy::Read(error) => {
                    anyhow::Error::new(error).context(tr!("cli-cannot-read", path = path.display().to_string()))
                }
                Copy::Write(error) => write_failed(error),
            })?;
        }
        packed.files.push(relative.clone());
    }
    let temporary = zip.finish().map_err(|error| {
        output(tr!("cli-write-failed", path = out.display().to_string(), reason = error.to_string()))
    })?;
    temporary.as_file().sync_all().map_err(|error| {
        output(tr!("cli-write-failed", path = out.display().to_string(), reason = error.to_string()))
    })?;
    packed.zip_bytes = temporary.as_file().metadata().map(|meta| meta.len()).unwrap_or_default();
    temporary.persist(out).map_err(|error| {
        output(tr!("cli-write-failed", path = out.display().to_string(), reason = error.to_string()))
    })?;
    Ok(packed)
}

/// Which side of a copy failed: reading the bundle's file, or writing the zip.
enum Copy {
    Read(std::io::Error),
    Write(std::io::Error),
}

/// Copies `from` into `to` in pieces of 64 KiB (a bundle file of any size costs that much),
/// telling a read error from a write error: the one names the file, the other the zip.
fn copy(from: &mut impl std::io::Read, to: &mut impl std::io::Write) -> Result<(), Copy> {
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match from.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(read) => to.write_all(&buffer[..read]).map_err(Copy::Write)?,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(Copy::Read(error)),
        }
    }
}

/// Collects the files to pack under `dir`, sorted by bundle path, and what is left out.
fn walk(
    dir: &Path,
    prefix: &str,
    out: &Path,
    files: &mut Vec<(String, PathBuf)>,
    left_out: &mut Vec<(String, &'static str)>,
) -> anyhow::Result<()> {
    let mut entries = Vec::new();
    let unreadable = || tr!("cli-cannot-read", path = dir.display().to_string());
    for entry in std::fs::read_dir(dir).with_context(unreadable)? {
        let entry = entry.with_context(unreadable)?;
        let Ok(name) = entry.file_name().into_string() else {
            return Err(usage(tr!("cli-pack-name-not-utf8", path = entry.path().display().to_string())));
        };
        entries.push((name, entry));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let relative = format!("{prefix}{name}");
        let kind =
            entry.file_type().with_context(|| tr!("cli-cannot-read", path = entry.path().display().to_string()))?;
        if kind.is_symlink() {
            left_out.push((relative, SYMLINK));
        } else if kind.is_dir() {
            if valmis_checks::is_stray_folder(&name) {
                left_out.push((format!("{relative}/"), TOOL_FOLDER));
            } else {
                walk(&entry.path(), &format!("{relative}/"), out, files, left_out)?;
            }
        } else if kind.is_file() {
            let path = entry.path();
            if crate::output::location(&path).is_ok_and(|path| path == out) {
                left_out.push((relative, THE_ZIP));
            } else if valmis_checks::is_leftover_file(&name) {
                left_out.push((relative, LEFTOVER));
            } else if name.ends_with(".bak") {
                left_out.push((relative, BACKUP));
            } else {
                files.push((relative, path));
            }
        }
    }
    Ok(())
}

/// The manifest with its `[files]` table set to `digests` (created at the end when missing), and
/// the changes. Everything outside `[files]` is kept byte for byte.
fn refresh_files(
    text: &str,
    digests: &BTreeMap<String, String>,
) -> anyhow::Result<(String, Vec<(String, &'static str)>)> {
    let mut document: toml_edit::DocumentMut = match text.parse() {
        Ok(document) => document,
        Err(error) => {
            return Err(usage(tr!("cli-pack-manifest-not-toml", error = error.message())));
        }
    };
    let mut old: BTreeMap<String, String> = BTreeMap::new();
    if let Some(item) = document.get("files") {
        let Some(table) = item.as_table_like() else {
            return Err(usage(tr!("cli-pack-files-not-table")));
        };
        for (key, value) in table.iter() {
            old.insert(key.to_owned(), value.as_str().unwrap_or_default().to_owned());
        }
    }
    let mut changes = Vec::new();
    for (path, digest) in digests {
        match old.get(path) {
            None => changes.push((path.clone(), "added")),
            Some(previous) if !previous.eq_ignore_ascii_case(digest) => changes.push((path.clone(), "changed")),
            Some(_) => {}
        }
    }
    for path in old.keys().filter(|path| !digests.contains_key(*path)) {
        changes.push((path.clone(), "removed"));
    }
    if changes.is_empty() && document.get("files").is_some_and(toml_edit::Item::is_table) {
        return Ok((text.to_owned(), changes));
    }
    let mut table = match document.remove("files") {
        Some(toml_edit::Item::Table(mut table)) => {
            table.clear();
            table
        }
        _ => toml_edit::Table::new(),
    };
    for (path, digest) in digests {
        table.insert(path, toml_edit::value(digest.as_str()));
    }
    document.insert("files", toml_edit::Item::Table(table));
    Ok((document.to_string(), changes))
}

/// `valmis pack DIR -o ZIP`: refreshed digests and a clean, deterministic zip.
pub(crate) fn command(args: crate::args::PackArgs) -> anyhow::Result<()> {
    let packed = pack(&args.dir, &args.output)?;
    if packed.digest_changes.is_empty() {
        say!("{}", tr!("cli-pack-digests-current"));
    } else {
        say!("{}", tr!("cli-pack-digests-refreshed"));
        let (added, removed, changed) = (tr!("cli-pack-added"), tr!("cli-pack-removed"), tr!("cli-pack-changed"));
        // One column in either language.
        let width = 1 + [&added, &removed, &changed].iter().map(|word| word.chars().count()).max().unwrap_or(0);
        for (path, change) in &packed.digest_changes {
            let change = match *change {
                "added" => &added,
                "removed" => &removed,
                _ => &changed,
            };
            say!("  {change:<width$} {path}");
        }
    }
    if !packed.left_out.is_empty() {
        say!("{}", tr!("cli-pack-left-out"));
        for (path, reason) in &packed.left_out {
            let reason = match *reason {
                SYMLINK => tr!("cli-pack-symlink"),
                TOOL_FOLDER => tr!("cli-pack-tool-folder"),
                THE_ZIP => tr!("cli-pack-the-zip"),
                LEFTOVER => tr!("cli-pack-leftover"),
                _ => tr!("cli-pack-backup"),
            };
            say!("  {path}: {reason}");
        }
    }
    say!(
        "{}",
        tr!(
            "cli-pack-wrote",
            path = args.output.display().to_string(),
            files = packed.files.len(),
            kib = packed.zip_bytes.div_ceil(1024)
        )
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::Failure;

    #[test]
    fn refreshing_files_keeps_every_comment_and_value_outside_it() {
        let text = "# my notes\nformat = 1 # keep\n\n[organisation]\nname = \"Esimerkki Oy\"\n\n# pinned\n[files]\n\"a.txt\" = \"sha256:00\"\n\"gone.txt\" = \"sha256:11\"\n";
        let digests = BTreeMap::from([
            ("a.txt".to_owned(), "sha256:22".to_owned()),
            ("forms/rekisteröitymislomake.pdf".to_owned(), "sha256:33".to_owned()),
        ]);
        let (refreshed, changes) = refresh_files(text, &digests).expect("refresh");
        assert!(
            refreshed.starts_with("# my notes\nformat = 1 # keep\n\n[organisation]\nname = \"Esimerkki Oy\"\n"),
            "{refreshed}"
        );
        assert!(refreshed.contains("# pinned\n[files]\n"), "{refreshed}");
        let parsed: toml::Table = toml::from_str(&refreshed).expect("valid TOML");
        let files = parsed["files"].as_table().expect("files");
        assert_eq!(files.len(), 2);
        assert_eq!(files["forms/rekisteröitymislomake.pdf"].as_str(), Some("sha256:33"));
        assert_eq!(
            changes,
            vec![
                ("a.txt".to_owned(), "changed"),
                ("forms/rekisteröitymislomake.pdf".to_owned(), "added"),
                ("gone.txt".to_owned(), "removed")
            ]
        );
        let (again, none) = refresh_files(&refreshed, &digests).expect("refresh");
        assert_eq!(again, refreshed);
        assert!(none.is_empty());
    }

    #[test]
    fn a_manifest_without_files_gets_the_table_at_the_end() {
        let (refreshed, changes) =
            refresh_files("format = 1\n", &BTreeMap::from([("b".to_owned(), "sha256:44".to_owned())]))
                .expect("refresh");
        assert_eq!(refreshed, "format = 1\n\n[files]\nb = \"sha256:44\"\n");
        assert_eq!(changes, vec![("b".to_owned(), "added")]);
    }

    #[test]
    fn a_broken_manifest_is_a_usage_error_and_is_left_alone() {
        let error = refresh_files("format = \n", &BTreeMap::new()).expect_err("not TOML");
        assert!(matches!(error.downcast_ref::<Failure>(), Some(Failure::Usage(_))), "{error}");
    }
}
