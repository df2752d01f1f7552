//! BUNDLE-HYGIENE: stray editor/OS files, empty files, unportable names and names that collide
//! case-insensitively or as the same letters composed and decomposed.
//!
//! Finnish and Swedish letters (ä, ö, å) are portable in NFC form: `rekisteröitymislomake.pdf` is
//! the name the catalog asks for. What really breaks is refused: spaces (SPEC §4), control
//! characters, the characters Windows forbids (`\ : * ? " < > |`), a trailing dot, reserved
//! device names, a leading `-`, and decomposed (NFD) names, which macOS may write and which
//! collide with their composed twins elsewhere.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization as _;

use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::names::{is_leftover_file, is_stray_folder};

/// Names Windows cannot create.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let mut findings = Vec::new();
    let mut fail = |path: &str, message: String, help: Option<&str>| {
        let mut finding = Finding::new(requirement.severity, message).at(Location::file(path.to_owned()));
        finding.help = help.map(str::to_owned);
        findings.push(finding);
    };
    let mut stray_roots: Vec<String> = Vec::new();
    // Stray folders from the folder entries, and from the files' paths (a zip need not list its
    // folders: Finder's `__MACOSX/` often comes as files only).
    let folders: Vec<String> = context
        .bundle
        .dirs()
        .map(str::to_owned)
        .chain(context.bundle.files().flat_map(|entry| {
            let parts: Vec<&str> = entry.path.split('/').collect();
            (1..parts.len()).map(move |end| format!("{}/", parts[..end].join("/"))).collect::<Vec<_>>()
        }))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for dir in &folders {
        let name = dir.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
        if is_stray_folder(name) && !stray_roots.iter().any(|root| dir.starts_with(root.as_str())) {
            let help =
                if name == "__MACOSX" { MACOS_ZIP } else { "delete it from the bundle (`valmis pack` leaves it out)" };
            fail(dir, format!("`{dir}` is a tool folder that does not belong in a submission"), Some(help));
            stray_roots.push(dir.clone());
        }
    }
    let in_stray = |path: &str| stray_roots.iter().any(|root| path.starts_with(root.as_str()));

    let mut folded: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for entry in context.bundle.files() {
        let path = entry.path.as_str();
        if in_stray(path) {
            continue;
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        if is_leftover_file(name) {
            let help = if name == ".DS_Store" || name.starts_with("._") {
                MACOS_ZIP
            } else {
                "delete it from the bundle (`valmis pack` leaves it out)"
            };
            fail(path, format!("`{path}` is an editor or OS leftover"), Some(help));
            continue;
        }
        if entry.size == 0 {
            fail(
                path,
                format!("`{path}` is empty"),
                Some("an empty file is usually a failed export: export it again or remove it"),
            );
        }
        if entry.lossy_name {
            fail(path, format!("`{path}` has a name that is not valid UTF-8"), Some(RENAME));
        } else if let Some(problem) = unportable(path) {
            fail(path, format!("`{path}` {problem}"), Some(RENAME));
        }
        folded.entry(path.nfc().collect::<String>().to_lowercase()).or_default().push(path);
    }
    for dir in context.bundle.dirs() {
        if !in_stray(dir)
            && let Some(problem) = unportable(dir.trim_end_matches('/'))
        {
            fail(dir, format!("folder `{dir}` {problem}"), Some(RENAME));
        }
    }
    for paths in folded.values().filter(|paths| paths.len() > 1) {
        let listed = paths.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
        fail(
            paths[0],
            format!(
                "{listed} differ only in letter case or in how their letters are composed, and collide on Windows and macOS"
            ),
            Some("rename or remove all but one"),
        );
    }
    vec![SubjectResult::bundle_wide(Some(""), Verdict::Checked(findings))]
}

/// How to zip on macOS without Finder's leftovers (`__MACOSX/`, `.DS_Store`, `._*`).
const MACOS_ZIP: &str = "delete it; zip without Finder's leftovers: `valmis pack nippu -o nippu.zip` leaves them out (or, on macOS, `zip -r -X nippu.zip nippu -x '*.DS_Store' -x '*/._*'`; Finder's Compress adds __MACOSX/ and ._ files)";

/// How to fix an unportable name.
const RENAME: &str =
    "rename it without spaces, control characters or \\ : * ? \" < > | (letters such as ä, ö and å are fine)";

/// What is unportable about a path, if anything.
fn unportable(path: &str) -> Option<String> {
    for component in path.split('/') {
        if component.contains(' ') {
            return Some("has a space in its name".to_owned());
        }
        if let Some(bad) = component.chars().find(|c| c.is_control()) {
            return Some(format!("has the control character `{}` in its name", bad.escape_default()));
        }
        if let Some(bad) = component.chars().find(|c| matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')) {
            return Some(format!("has `{bad}`, a character Windows does not allow, in its name"));
        }
        if !unicode_normalization::is_nfc(component) {
            return Some(format!(
                "is written decomposed (NFD, as macOS may write `{}`): it collides with the composed name elsewhere",
                component.nfc().collect::<String>()
            ));
        }
        let stem = component.split('.').next().unwrap_or_default().to_ascii_uppercase();
        if RESERVED.contains(&stem.as_str()) {
            return Some(format!("uses `{stem}`, a name Windows reserves"));
        }
        if component.ends_with('.') {
            return Some("ends with a dot, which Windows drops".to_owned());
        }
        if component.starts_with('-') {
            return Some("starts with `-`, which command-line tools read as an option".to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::unportable;

    #[test]
    fn portable_names() {
        // Issue 15: the name the catalog asks for failed.
        for good in [
            "forms/rekisteroitymislomake.pdf",
            "forms/rekisteröitymislomake.pdf",
            "documents/lähete_2026-11.xml",
            "evidence/Åland_(kuvakaappaus).png",
            ".gitkeep",
        ] {
            assert_eq!(unportable(good), None, "{good}");
        }
        for bad in
            ["forms/my form.pdf", "a/b:c", "a/b?.pdf", "CON.txt", "forms/x.", "-rf", "a\u{7}b", "la\u{308}hete.xml"]
        {
            assert!(unportable(bad).is_some(), "{bad}");
        }
        let decomposed = unportable("rekistero\u{308}itymislomake.pdf").expect("NFD");
        assert!(decomposed.contains("`rekisteröitymislomake.pdf`"), "shown composed, as it is: {decomposed}");
    }
}
