//! Directory bundles: walk without following symlinks, never open special files, stop at the
//! entry limit.

use std::fs;
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
    let handle = fs::File::open(file).map_err(io_error)?;
    // The size was checked when listing, but the file may have grown since.
    let bytes = crate::read_within(handle, listed, limit).map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { path: path.to_owned(), reason: msg!("read-grew", limit = limit) });
    }
    Ok(bytes)
}
