//! Directory bundles: walk without following symlinks, never open special files, stop at the
//! entry limit.

use std::fs;
use std::io::Read;
use std::path::Path;

use valmis_i18n::msg;

use crate::{Bundle, Entry, EntryLocation, ReadError};

/// Folders whose contents are never walked: they are reported whole by BUNDLE-HYGIENE and can
/// be enormous.
const NOT_WALKED: &[&str] = &[".git", ".hg", ".svn", "node_modules"];

pub(crate) fn scan(bundle: &mut Bundle, root: &Path) {
    // Each pending folder with its bundle path and whether that path names it exactly (no part
    // of it was rendered lossily from a name that is not UTF-8).
    let mut pending = vec![(root.to_path_buf(), String::new(), true)];
    let mut seen = 0usize;
    while let Some((dir, prefix, exact)) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                bundle.issue(display_dir(&prefix), msg!("path-folder-unreadable", error = error.to_string()));
                continue;
            }
        };
        for entry in entries {
            seen += 1;
            if seen > bundle.limits.max_entries {
                let limit = bundle.limits.max_entries;
                bundle.refuse(msg!("refused-too-many-entries", limit = limit));
                return;
            }
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    bundle.issue(display_dir(&prefix), msg!("path-folder-unlistable", error = error.to_string()));
                    continue;
                }
            };
            let name = entry.file_name();
            let lossy_name = name.to_str().is_none();
            let path = format!("{prefix}{}", name.to_string_lossy());
            // The entry's own metadata, not its target's (lstat), looked up relative to the open
            // folder rather than by walking the whole path again for every file.
            let metadata = match entry.metadata() {
                Ok(metadata) => metadata,
                Err(error) => {
                    bundle.issue(path, msg!("path-uninspectable", error = error.to_string()));
                    continue;
                }
            };
            let file_type = metadata.file_type();
            if file_type.is_symlink() {
                bundle.issue(path, msg!("path-symlink-dir"));
            } else if file_type.is_dir() {
                bundle.dirs.insert(format!("{path}/"));
                if !NOT_WALKED.contains(&name.to_string_lossy().as_ref()) {
                    pending.push((entry.path(), format!("{path}/"), exact && !lossy_name));
                }
            } else if file_type.is_file() {
                let size = metadata.len();
                let location =
                    if exact && !lossy_name { EntryLocation::UnderRoot } else { EntryLocation::File(entry.path()) };
                bundle.files.push(Entry { path, size, lossy_name, location });
            } else {
                bundle.issue(path, msg!("path-special-file"));
            }
        }
    }
}

fn display_dir(prefix: &str) -> String {
    if prefix.is_empty() { ".".to_owned() } else { prefix.to_owned() }
}

/// Reads `file`, whose size was `listed` when the folder was walked, refusing more than `limit`.
pub(crate) fn read(file: &Path, path: &str, listed: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |error: std::io::Error| ReadError::Io { path: path.to_owned(), reason: error.to_string() };
    let mut handle = fs::File::open(file).map_err(io_error)?;
    // Room for the listed size and the one byte that shows the end, so that a file that did not
    // change takes two reads: its bytes, then the end (`read_to_end` without a size hint read
    // 8 KiB first and took three, 10,000 extra system calls on 10,000 documents).
    let room = usize::try_from(listed.min(limit).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = vec![0; room];
    let mut filled = 0;
    // The size was checked when listing, but the file may have grown since: read one byte past
    // the limit to notice.
    let most = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    loop {
        if filled == bytes.len() {
            if filled >= most {
                break;
            }
            bytes.resize(filled.saturating_add(filled.max(8192)).min(most), 0);
        }
        match handle.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(io_error(error)),
        }
    }
    bytes.truncate(filled);
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { path: path.to_owned(), reason: msg!("read-grew", limit = limit) });
    }
    Ok(bytes)
}
