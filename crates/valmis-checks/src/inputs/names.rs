//! What a file's or a value's name tells: its extension, whether it is a placeholder `valmis init`
//! left, whether it is an editor or OS leftover. Shared by the rules, the file pass and `valmis
//! pack`.

/// The lower-case extension of a bundle path (`pdf` for `forms/Lomake.PDF`), or "".
pub(crate) fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default()
}

/// A value `valmis init` left for the user to fill in.
pub(crate) fn is_placeholder(value: &str) -> bool {
    value.trim_start().starts_with("TODO")
}

/// Folders that are never part of a submission.
const STRAY_DIRS: &[&str] = &[".git", ".hg", ".svn", ".idea", ".vscode", "__MACOSX", "node_modules"];

/// Files that are never part of a submission.
const STRAY_FILES: &[&str] = &[".DS_Store", "Thumbs.db", "desktop.ini", ".directory"];

/// A tool folder that never belongs in a submission (`.git`, `__MACOSX`, ...): BUNDLE-HYGIENE
/// fails it, `valmis pack` leaves it out.
pub fn is_stray_folder(name: &str) -> bool {
    STRAY_DIRS.contains(&name)
}

/// An editor or OS leftover file (`.DS_Store`, `._x`, `~$x.docx`, `x~`): BUNDLE-HYGIENE fails it,
/// `valmis pack` leaves it out.
pub fn is_leftover_file(name: &str) -> bool {
    STRAY_FILES.contains(&name)
        || name.starts_with("~$")
        || name.starts_with(".~lock")
        || name.starts_with("._")
        || name.ends_with('~')
}

/// Whether an environment value names production (`tuotanto`, `production`, `prod`), which no
/// co-testing submission targets.
pub(crate) fn names_production(value: &str) -> bool {
    let value = value.trim().to_lowercase();
    value.starts_with("tuotanto") || value.starts_with("prod")
}
