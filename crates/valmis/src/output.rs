//! Writing report files without ever leaving a half-written one: write a temporary file next
//! to the target, then rename it over the target.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

/// Writes `bytes` to `path` atomically, creating missing parent folders.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).with_context(|| format!("failed to create folder `{}`", parent.display()))?;
    let mut temporary = tempfile::NamedTempFile::new_in(parent)
        .with_context(|| format!("failed to create a temporary file in `{}`", parent.display()))?;
    temporary.write_all(bytes).with_context(|| format!("failed to write `{}`", path.display()))?;
    temporary.as_file().sync_all().with_context(|| format!("failed to write `{}`", path.display()))?;
    temporary.persist(path).with_context(|| format!("failed to write `{}`", path.display()))?;
    Ok(())
}
