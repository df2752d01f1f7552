//! Zip bundles: judged from the central directory before anything is decompressed.
//!
//! The entry count is read from the end-of-central-directory record first, so that an archive
//! claiming millions of entries is refused before the zip reader builds its index. Names are
//! judged from their raw bytes: `zip`'s `enclosed_name()` would quietly turn `/etc/x` into
//! `etc/x`, and we want to report it instead.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use valmis_i18n::{Msg, msg};
use zip::{ZipArchive, ZipReadOptions};

use crate::{Bundle, Entry, EntryLocation, OpenError, PathIssue, ReadError};

/// The zip file behind one reader: positioned reads (`pread`) on one shared handle, so that a
/// reader can be cloned for each thread that reads entries in parallel, all over the same file
/// that was opened and judged once.
#[derive(Debug, Clone)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    position: u64,
    length: u64,
}

impl SharedFile {
    fn new(file: File) -> std::io::Result<Self> {
        let length = file.metadata()?.len();
        Ok(Self { file: Arc::new(file), position: 0, length })
    }
}

impl Read for SharedFile {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        let read = std::os::unix::fs::FileExt::read_at(&*self.file, buffer, self.position)?;
        #[cfg(windows)]
        let read = std::os::windows::fs::FileExt::seek_read(&*self.file, buffer, self.position)?;
        self.position += read as u64;
        Ok(read)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(offset) => Some(offset),
            SeekFrom::End(delta) => self.length.checked_add_signed(delta),
            SeekFrom::Current(delta) => self.position.checked_add_signed(delta),
        };
        self.position = target.ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before the start of the zip file")
        })?;
        Ok(self.position)
    }
}

/// Where a file's bytes are in the archive, and what the central directory says of them: all
/// that reading it needs once the archive has been judged. (The zip reader's own index of the
/// central directory, some 400 bytes an entry, is dropped after opening.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored {
    /// Offset of the entry's local header.
    header: u64,
    /// Compressed size, from the central directory (a local header may leave it to a data
    /// descriptor after the data).
    compressed: u64,
    /// CRC-32 of the contents, from the central directory.
    crc: u32,
}

/// Where one entry's bytes lie: its local header's offset, its compressed size, and its name in
/// the central directory.
#[derive(Debug)]
struct Span {
    start: u64,
    compressed: u64,
    name: Vec<u8>,
}

/// The size of a local file header without its name and extra field.
const LOCAL_HEADER: u64 = 30;

/// Two entries whose bytes overlap: each local header plus its compressed data must end before the
/// next one starts.
fn overlapping(spans: &mut [Span]) -> Option<Msg> {
    spans.sort_by_key(|span| span.start);
    spans.windows(2).find_map(|pair| {
        let end = pair[0].start.saturating_add(LOCAL_HEADER).saturating_add(pair[0].compressed);
        (end > pair[1].start).then(|| {
            msg!(
                "refused-overlapping",
                first = String::from_utf8_lossy(&pair[0].name).into_owned(),
                second = String::from_utf8_lossy(&pair[1].name).into_owned()
            )
        })
    })
}

/// An entry whose local header is not a local header, or names another file than the central
/// directory does.
fn disagreeing_local_header(file: &mut File, spans: &[Span]) -> Option<Msg> {
    for span in spans {
        let mut header = [0u8; LOCAL_HEADER as usize];
        let read = file.seek(SeekFrom::Start(span.start)).and_then(|_| file.read_exact(&mut header));
        let shown = String::from_utf8_lossy(&span.name);
        if read.is_err() || header[..4] != [0x50, 0x4b, 0x03, 0x04] {
            return Some(msg!("refused-no-local-header", entry = shown.into_owned()));
        }
        let name_length = usize::from(u16::from_le_bytes([header[26], header[27]]));
        let mut name = vec![0u8; name_length];
        if name_length != span.name.len() || file.read_exact(&mut name).is_err() || name != span.name {
            return Some(msg!(
                "refused-local-header-name",
                entry = shown.into_owned(),
                name = String::from_utf8_lossy(&name).into_owned()
            ));
        }
    }
    None
}

/// Unix file type bits of a symbolic link in `external_attributes >> 16`.
const UNIX_SYMLINK: u32 = 0o120_000;
const UNIX_TYPE_MASK: u32 = 0o170_000;

pub(crate) fn open(bundle: &mut Bundle, path: &Path) -> Result<(), OpenError> {
    let display = bundle.display.clone();
    let io = |source| OpenError::Io { path: display.clone(), source };
    let mut file = File::open(path).map_err(io)?;
    let declared_entries = declared_entry_count(&mut file)
        .map_err(io)?
        .ok_or_else(|| OpenError::NotABundle { path: display.clone(), reason: None })?;
    let limits = bundle.limits;
    if declared_entries > limits.max_entries as u64 {
        bundle.refuse(msg!("refused-declared-entries", declared = declared_entries, limit = limits.max_entries));
        return Ok(());
    }
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut headers = file.try_clone().map_err(io)?;
    let shared = SharedFile::new(file).map_err(io)?;
    let archive = ZipArchive::new(shared.clone())
        .map_err(|error| OpenError::NotABundle { path: display.clone(), reason: Some(error.to_string()) })?;
    if archive.has_duplicate_names() {
        bundle.refuse(msg!("refused-duplicate-names"));
        return Ok(());
    }

    let mut names = Vec::with_capacity(archive.len());
    let mut spans: Vec<Span> = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = match archive.by_index_data(index) {
            Ok(entry) => entry,
            Err(error) => {
                bundle.issue(format!("#{index}"), msg!("path-central-unreadable", error = error.to_string()));
                continue;
            }
        };
        let raw = entry.name_raw();
        let lossy_name = std::str::from_utf8(raw).is_err();
        let shown =
            entry.name().map(|name| name.into_owned()).unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned());
        let size = entry.size();
        let compressed = entry.compressed_size();
        let is_symlink =
            entry.unix_mode().is_some_and(|mode| mode & UNIX_TYPE_MASK == UNIX_SYMLINK) || entry.is_symlink();
        let is_dir = entry.is_dir();
        let encrypted = entry.encrypted();
        let stored = Stored { header: entry.header_start(), compressed, crc: entry.crc32() };
        spans.push(Span { start: entry.header_start(), compressed, name: raw.to_vec() });
        drop(entry);

        total = total.saturating_add(size);
        if total > limits.max_total_size {
            bundle.refuse(msg!("refused-total-size", total = total, limit = limits.max_total_size));
            return Ok(());
        }
        if size >= limits.ratio_applies_from && size / compressed.max(1) > limits.max_compression_ratio {
            bundle.refuse(msg!(
                "refused-ratio",
                entry = shown,
                size = size,
                compressed = compressed,
                ratio = limits.max_compression_ratio
            ));
            return Ok(());
        }
        let normalised = match normalise(&shown) {
            Ok(normalised) => normalised,
            Err(reason) => {
                bundle.issue(shown, reason);
                continue;
            }
        };
        if normalised.backslashes {
            bundle.issues.push(PathIssue {
                path: shown.clone(),
                message: msg!("path-backslashes"),
                warning_only: true,
            });
        }
        if is_symlink {
            bundle.issue(shown, msg!("path-symlink-zip"));
            continue;
        }
        if encrypted {
            bundle.issue(shown, msg!("path-encrypted"));
            continue;
        }
        if size > limits.max_file_size {
            bundle.issue(shown, msg!("path-too-large", size = size, limit = limits.max_file_size));
            continue;
        }
        names.push((stored, normalised.path, size, lossy_name, is_dir));
    }

    // Entries that share their bytes (many central entries pointing at one deflate stream: each
    // passes the ratio limit, together they inflate gigabytes) or whose local header names another
    // file than the central directory does are what no zip tool writes: refuse the archive.
    if let Some(reason) = overlapping(&mut spans).or_else(|| disagreeing_local_header(&mut headers, &spans)) {
        bundle.refuse(reason);
        return Ok(());
    }

    // The zip reader's index and the names as the central directory spells them go before the
    // file list is made: made while they were held, the list's paths were scattered among them
    // and kept their pages (11 MiB more peak RSS than the same bundle as a folder at 40,000
    // files).
    drop(spans);
    drop(archive);

    // A bundle zipped together with its folder has everything under one top-level folder.
    let prefix = common_top_folder(names.iter().map(|(_, path, ..)| path.as_str()));
    let stripped = |path: &str| path.strip_prefix(prefix.as_str()).unwrap_or(path).to_owned();
    // Two entries with one path: the first to repeat one, in the archive's order.
    let mut sorted: Vec<&str> =
        names.iter().map(|(_, path, ..)| path.strip_prefix(prefix.as_str()).unwrap_or(path)).collect();
    sorted.sort_unstable();
    if sorted.windows(2).any(|pair| pair[0] == pair[1] && !pair[0].is_empty()) {
        let mut seen = std::collections::BTreeSet::new();
        for (_, path, ..) in &names {
            let path = stripped(path);
            if !path.is_empty() && !seen.insert(path.clone()) {
                bundle.refuse(msg!("refused-same-path", path = path));
                return Ok(());
            }
        }
    }
    drop(sorted);
    for (stored, path, size, lossy_name, is_dir) in names {
        let path = stripped(&path);
        if path.is_empty() {
            continue;
        }
        if is_dir {
            bundle.dirs.insert(format!("{}/", path.trim_end_matches('/')));
        } else {
            bundle.files.push(Entry { path, size, lossy_name, location: EntryLocation::Zip(stored) });
        }
    }
    bundle.zip_prefix = prefix;
    bundle.zip = Some(shared);
    Ok(())
}

/// Reads one entry from its local header on, with the sizes and checksum of the central
/// directory (which `open` checked the local header against: same place, same name). Every
/// thread reads at once, each through its own clone of the one shared handle.
pub(crate) fn read(archive: &SharedFile, stored: Stored, declared: u64, path: &str) -> Result<Vec<u8>, ReadError> {
    let fail = |reason: String| ReadError::Io { path: path.to_owned(), reason };
    let file = &mut archive.clone();
    file.seek(SeekFrom::Start(stored.header)).map_err(|error| fail(error.to_string()))?;
    let options = ZipReadOptions::new()
        .override_compressed_size(stored.compressed)
        .override_uncompressed_size(declared)
        .override_crc(stored.crc);
    let entry = match zip::read::read_zipfile_from_stream_with_options(file, options) {
        Ok(Some(entry)) => entry,
        // `open` found the local header; the file changed since. (Said like the zip reader's and
        // the system's own reasons, which are English.)
        Ok(None) => return Err(fail(msg!("refused-no-local-header", entry = path).to_string())),
        Err(error) => return Err(fail(error.to_string())),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
    // One byte past the declared size is enough to catch a header that lies about it.
    entry.take(declared + 1).read_to_end(&mut bytes).map_err(|error| fail(error.to_string()))?;
    if bytes.len() as u64 > declared {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            reason: msg!("read-decompresses-more", declared = declared),
        });
    }
    Ok(bytes)
}

struct Normalised {
    path: String,
    backslashes: bool,
}

/// Turns a raw zip name into a bundle path, or says why it is unsafe.
fn normalise(name: &str) -> Result<Normalised, Msg> {
    let backslashes = name.contains('\\');
    let unified = name.replace('\\', "/");
    if unified.starts_with('/') {
        return Err(msg!("path-absolute"));
    }
    let bytes = unified.as_bytes();
    if bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic() {
        return Err(msg!("path-drive-letter"));
    }
    if unified.contains('\0') {
        return Err(msg!("path-nul"));
    }
    let mut parts = Vec::new();
    for part in unified.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                return Err(msg!("path-zip-slip"));
            }
            part => parts.push(part),
        }
    }
    let mut path = parts.join("/");
    if unified.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Ok(Normalised { path, backslashes })
}

fn common_top_folder<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let mut common: Option<&str> = None;
    let mut has_manifest = false;
    // macOS Finder adds `__MACOSX/` (AppleDouble `._*` files) beside the folder it zips: it does
    // not count when finding the root (BUNDLE-HYGIENE reports it as a stray folder).
    for path in paths.filter(|path| !path.starts_with("__MACOSX/") && *path != "__MACOSX") {
        let Some((top, rest)) = path.split_once('/') else { return String::new() };
        match common {
            None => common = Some(top),
            Some(existing) if existing == top => {}
            Some(_) => return String::new(),
        }
        has_manifest |= rest == "manifest.toml";
    }
    // Only a folder that holds the manifest is the bundle root; `documents/x.xml` alone is not.
    match common {
        Some(top) if has_manifest => format!("{top}/"),
        _ => String::new(),
    }
}

/// Reads the entry count from the end-of-central-directory record (and its zip64 form), or
/// `None` when there is no such record.
fn declared_entry_count(file: &mut File) -> std::io::Result<Option<u64>> {
    let length = file.seek(SeekFrom::End(0))?;
    let tail_length = length.min(22 + 65_535);
    file.seek(SeekFrom::Start(length - tail_length))?;
    let mut tail = vec![0u8; tail_length as usize];
    file.read_exact(&mut tail)?;
    let Some(eocd) = (0..tail.len().saturating_sub(21)).rev().find(|&at| tail[at..at + 4] == [0x50, 0x4b, 0x05, 0x06])
    else {
        return Ok(None);
    };
    let count = u64::from(u16::from_le_bytes([tail[eocd + 10], tail[eocd + 11]]));
    if count != 0xFFFF || eocd < 20 || tail[eocd - 20..eocd - 16] != [0x50, 0x4b, 0x06, 0x07] {
        return Ok(Some(count));
    }
    let locator = &tail[eocd - 20..eocd];
    let zip64_offset = u64::from_le_bytes(locator[8..16].try_into().unwrap_or_default());
    let mut record = [0u8; 40];
    if file.seek(SeekFrom::Start(zip64_offset)).is_err()
        || file.read_exact(&mut record).is_err()
        || record[..4] != [0x50, 0x4b, 0x06, 0x06]
    {
        return Ok(Some(count));
    }
    Ok(Some(u64::from_le_bytes(record[32..40].try_into().unwrap_or_default())))
}

#[cfg(test)]
mod tests {
    use super::{common_top_folder, normalise};

    #[test]
    fn names_are_normalised_or_rejected() {
        assert_eq!(normalise("a/./b.txt").map(|n| n.path), Ok("a/b.txt".to_owned()));
        assert_eq!(normalise("forms\\x.pdf").map(|n| (n.path, n.backslashes)), Ok(("forms/x.pdf".to_owned(), true)));
        assert!(normalise("/etc/passwd").is_err());
        assert!(normalise("\\windows\\x").is_err());
        assert!(normalise("C:/x").is_err());
        assert!(normalise("a/../../x").is_err());
        assert_eq!(normalise("docs/").map(|n| n.path), Ok("docs/".to_owned()));
    }

    #[test]
    fn a_single_top_folder_is_stripped() {
        assert_eq!(common_top_folder(["b/manifest.toml", "b/forms/x"].into_iter()), "b/");
        assert_eq!(common_top_folder(["manifest.toml", "b/x"].into_iter()), "");
        assert_eq!(common_top_folder(["a/x", "b/x"].into_iter()), "");
        assert_eq!(common_top_folder(["documents/x.xml"].into_iter()), "");
        // A bundle zipped with macOS Finder.
        assert_eq!(
            common_top_folder(
                ["nippu/manifest.toml", "nippu/.DS_Store", "__MACOSX/nippu/._manifest.toml", "__MACOSX/"].into_iter()
            ),
            "nippu/"
        );
    }
}
