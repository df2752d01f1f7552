//! One read-only virtual file system over a submission bundle, whether it is a directory or a
//! `.zip`. Bundles are read in place and never extracted: nothing here writes anywhere.
//!
//! Opening a bundle lists its entries and judges their names and declared sizes before a single
//! byte is decompressed. Entries that are unsafe to read (absolute paths, `..`, symlinks,
//! special files) are left out of the file list and reported as [`PathIssue`]s; an archive that
//! is hostile as a whole (a zip bomb, duplicate names, too many entries) is *refused*: it has no
//! files, and its issues say why. Reads are bounded by [`Limits`], so a lying size header cannot
//! exhaust memory.

#![forbid(unsafe_code)]

mod dir;
mod zip_archive;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use valmis_i18n::msg;

pub use valmis_i18n::Msg;

/// Limits that keep hostile bundles cheap to reject.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most entries (files and folders) a bundle may have.
    pub max_entries: usize,
    /// Largest single file, uncompressed.
    pub max_file_size: u64,
    /// Largest sum of all file sizes, uncompressed.
    pub max_total_size: u64,
    /// Largest uncompressed/compressed ratio of one zip entry ...
    pub max_compression_ratio: u64,
    /// ... counted only for entries at least this large (small files compress well honestly).
    pub ratio_applies_from: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_entries: 50_000,
            max_file_size: 256 * 1024 * 1024,
            max_total_size: 4 * 1024 * 1024 * 1024,
            max_compression_ratio: 200,
            ratio_applies_from: 1024 * 1024,
        }
    }
}

/// What kind of container the bundle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleKind {
    /// A directory on disk.
    Directory,
    /// A zip archive, read in place.
    Zip,
}

/// A file in the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Bundle-relative path, `/`-separated, without a zip's top-level folder.
    pub path: String,
    /// Size in bytes (declared size for zip entries).
    pub size: u64,
    /// The name was not valid UTF-8 and `path` is a lossy rendering of it.
    pub lossy_name: bool,
    location: EntryLocation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum EntryLocation {
    /// `path` under the bundle folder: the name on disk is the bundle path (the common case,
    /// which keeps no second copy of it).
    UnderRoot,
    /// A file whose name on disk is not valid UTF-8, so that `path` does not name it.
    File(PathBuf),
    Zip(zip_archive::Stored),
}

/// A problem with an entry's name, kind or size, found when opening the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathIssue {
    /// The entry's name as stored (lossy UTF-8), or the bundle itself (empty).
    pub path: String,
    /// What is wrong, as a lowercase fragment that follows the entry's name.
    pub message: Msg,
    /// Only worth a warning (e.g. backslash separators that were normalised).
    pub warning_only: bool,
}

/// Why a bundle could not be opened at all (a usage error, exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The path does not exist or cannot be read.
    #[error("{}", self.msg())]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A file that is not a zip archive.
    #[error("{}", self.msg())]
    NotABundle {
        /// The path as given.
        path: String,
        /// What the zip reader said; `None`: the file has no zip directory at its end.
        reason: Option<String>,
    },
}

impl OpenError {
    /// What is wrong, in any language (`Display` is the English).
    pub fn msg(&self) -> Msg {
        match self {
            Self::Io { path, source } => msg!("open-unreadable", path = path, reason = source.to_string()),
            Self::NotABundle { path, reason: Some(reason) } => {
                msg!("open-not-a-bundle", path = path, reason = reason)
            }
            Self::NotABundle { path, reason: None } => msg!("open-no-zip-directory", path = path),
        }
    }
}

/// Why one file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Not in the bundle.
    #[error("`{0}` is not in the bundle")]
    NotFound(String),
    /// Larger than [`Limits::max_file_size`] or than its zip header declared.
    #[error("`{path}` is too large to read: {reason}")]
    TooLarge {
        /// Bundle path.
        path: String,
        /// Which limit.
        reason: Msg,
    },
    /// The operating system or the zip reader failed.
    #[error("failed to read `{path}`: {reason}")]
    Io {
        /// Bundle path.
        path: String,
        /// Why.
        reason: String,
    },
}

impl ReadError {
    /// The error as a message, to render in the run's language.
    pub fn message(&self) -> Msg {
        use valmis_i18n::msg;
        match self {
            Self::NotFound(path) => msg!("read-not-found", path = path.as_str()),
            Self::TooLarge { path, reason } => msg!("read-too-large", path = path.as_str(), reason = reason),
            Self::Io { path, reason } => msg!("read-failed", path = path.as_str(), reason = reason.as_str()),
        }
    }
}

/// An opened bundle.
#[derive(Debug)]
pub struct Bundle {
    display: String,
    kind: BundleKind,
    /// Sorted by path, each path once: a bundle of 40,000 files keeps one copy of each name.
    files: Vec<Entry>,
    /// The folder a directory bundle was opened at.
    root: PathBuf,
    dirs: BTreeSet<String>,
    issues: Vec<PathIssue>,
    refused: Option<Msg>,
    limits: Limits,
    zip: Option<zip_archive::SharedFile>,
    zip_prefix: String,
}

impl Bundle {
    /// Opens `path` (a directory or a zip file). `display` is how the user named it; reports
    /// show paths under it.
    pub fn open(path: &Path, display: &str, limits: Limits) -> Result<Self, OpenError> {
        let metadata = std::fs::metadata(path).map_err(|source| OpenError::Io { path: display.to_owned(), source })?;
        let mut bundle = Self {
            display: display.to_owned(),
            kind: BundleKind::Directory,
            files: Vec::new(),
            root: path.to_path_buf(),
            dirs: BTreeSet::new(),
            issues: Vec::new(),
            refused: None,
            limits,
            zip: None,
            zip_prefix: String::new(),
        };
        if metadata.is_dir() {
            dir::scan(&mut bundle, path);
        } else {
            bundle.kind = BundleKind::Zip;
            zip_archive::open(&mut bundle, path)?;
        }
        bundle.files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        // A zip that names one path twice was refused already; in a folder, two names that are
        // not UTF-8 can still render as one path. Which file that path means is ambiguous.
        if let Some(pair) = bundle.files.windows(2).find(|pair| pair[0].path == pair[1].path) {
            let path = pair[0].path.clone();
            bundle.refuse(msg!("refused-same-path", path = path));
        }
        bundle.files.shrink_to_fit();
        Ok(bundle)
    }

    /// Directory or zip.
    pub fn kind(&self) -> BundleKind {
        self.kind
    }

    /// The bundle as the user named it.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Every readable file, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = &Entry> {
        self.files.iter()
    }

    /// Every file below `folder` (a bundle path without a trailing `/`), sorted; found by a
    /// range query, not a scan.
    pub fn files_under(&self, folder: &str) -> impl Iterator<Item = &Entry> {
        let prefix = format!("{}/", folder.trim_end_matches('/'));
        let start = self.files.partition_point(|entry| entry.path < prefix);
        self.files[start..].iter().take_while(move |entry| entry.path.starts_with(&prefix))
    }

    /// Every folder, sorted (with a trailing `/`).
    pub fn dirs(&self) -> impl Iterator<Item = &str> {
        self.dirs.iter().map(String::as_str)
    }

    /// The file at `path`, if it is in the bundle and readable.
    pub fn entry(&self, path: &str) -> Option<&Entry> {
        self.files.binary_search_by(|entry| entry.path.as_str().cmp(path)).ok().map(|index| &self.files[index])
    }

    /// Problems found with entry names, kinds and sizes.
    pub fn path_issues(&self) -> &[PathIssue] {
        &self.issues
    }

    /// Why the whole bundle was refused (zip bomb, duplicate names, too many entries), if it was.
    /// A refused bundle has no files.
    pub fn refused(&self) -> Option<&Msg> {
        self.refused.as_ref()
    }

    /// The path a user would open to look at `path`: under the bundle directory, or
    /// `bundle.zip!/folder/path` inside an archive.
    pub fn display_path(&self, path: &str) -> String {
        match self.kind {
            BundleKind::Directory => {
                let base = self.display.trim_end_matches('/');
                if base == "." || base.is_empty() { path.to_owned() } else { format!("{base}/{path}") }
            }
            BundleKind::Zip => format!("{}!/{}{path}", self.display, self.zip_prefix),
        }
    }

    /// Reads a whole file, refusing anything over [`Limits::max_file_size`].
    pub fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        let entry = self.entry(path).ok_or_else(|| ReadError::NotFound(path.to_owned()))?;
        if entry.size > self.limits.max_file_size {
            return Err(ReadError::TooLarge {
                path: path.to_owned(),
                reason: valmis_i18n::msg!("read-limit", size = entry.size, limit = self.limits.max_file_size),
            });
        }
        match &entry.location {
            EntryLocation::UnderRoot => dir::read(&self.root.join(path), path, entry.size, self.limits.max_file_size),
            EntryLocation::File(file) => dir::read(file, path, entry.size, self.limits.max_file_size),
            EntryLocation::Zip(stored) => {
                let zip = self.zip.as_ref().ok_or_else(|| ReadError::NotFound(path.to_owned()))?;
                zip_archive::read(zip, *stored, entry.size, path)
            }
        }
    }

    fn issue(&mut self, path: impl Into<String>, message: Msg) {
        self.issues.push(PathIssue { path: path.into(), message, warning_only: false });
    }

    fn refuse(&mut self, reason: Msg) {
        self.files.clear();
        self.dirs.clear();
        self.zip = None;
        self.issue("", reason.clone());
        self.refused = Some(reason);
    }
}

/// Everything `reader` gives up to `limit` bytes and one more: more than `limit` bytes back means
/// the input is longer than allowed (a file that grew, a device or a pipe that never ends). The
/// buffer starts with room for the `claimed` size and the one byte that shows the end, so that a
/// file that did not change takes two reads: its bytes, then the end (`read_to_end` without a
/// size hint read 8 KiB first and took three, 10,000 extra system calls on 10,000 documents). An
/// input that claims less grows its buffer by doubling, never past the limit and one byte.
pub fn read_within(mut reader: impl std::io::Read, claimed: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    let room = usize::try_from(claimed.min(limit).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = vec![0; room];
    let mut filled = 0;
    let most = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    loop {
        if filled == bytes.len() {
            if filled >= most {
                break;
            }
            bytes.resize(filled.saturating_add(filled.max(8192)).min(most), 0);
        }
        match reader.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Lower-case hex SHA-256 of `bytes` (ring's implementation: one crypto provider throughout).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, bytes))
}

/// [`sha256_hex`] of everything `reader` gives, read in pieces of 64 KiB: a file of any size
/// costs that much memory.
pub fn sha256_hex_of(mut reader: impl std::io::Read) -> std::io::Result<String> {
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => return Ok(hex(context.finish())),
            Ok(read) => context.update(&buffer[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

fn hex(digest: ring::digest::Digest) -> String {
    digest.as_ref().iter().map(|byte| format!("{byte:02x}")).collect()
}
