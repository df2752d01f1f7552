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

use valmis_i18n::{Said, said, t};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::names::{is_leftover_file, is_stray_folder};

/// Names Windows cannot create.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let lang = context.lang.as_str();
    let mut findings = Vec::new();
    let mut fail = |path: &str, message: Said, help: String| {
        let finding = Finding::said(requirement.severity, message).at(Location::file(path.to_owned())).with_help(help);
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
            let help = t!(lang, "hygiene-delete-help", macos = if name == "__MACOSX" { "yes" } else { "no" });
            fail(dir, said!(lang, "hygiene-tool-folder", path = dir.as_str()), help);
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
            let macos = name == ".DS_Store" || name.starts_with("._");
            let help = t!(lang, "hygiene-delete-help", macos = if macos { "yes" } else { "no" });
            fail(path, said!(lang, "hygiene-leftover", path = path), help);
            continue;
        }
        if entry.size == 0 {
            fail(path, said!(lang, "hygiene-empty", path = path), t!(lang, "hygiene-empty-help"));
        }
        if entry.lossy_name {
            fail(path, said!(lang, "hygiene-not-utf8", path = path), t!(lang, "hygiene-rename-help"));
        } else if let Some(problem) = unportable(path) {
            fail(
                path,
                said!(lang, "hygiene-unportable", path = path, problem = problem),
                t!(lang, "hygiene-rename-help"),
            );
        }
        // An ASCII name is already NFC, and its lower case is the ASCII one.
        let key =
            if path.is_ascii() { path.to_ascii_lowercase() } else { path.nfc().collect::<String>().to_lowercase() };
        folded.entry(key).or_default().push(path);
    }
    for dir in context.bundle.dirs() {
        if !in_stray(dir)
            && let Some(problem) = unportable(dir.trim_end_matches('/'))
        {
            fail(
                dir,
                said!(lang, "hygiene-unportable-folder", path = dir, problem = problem),
                t!(lang, "hygiene-rename-help"),
            );
        }
    }
    for paths in folded.values().filter(|paths| paths.len() > 1) {
        let listed = paths.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
        fail(paths[0], said!(lang, "hygiene-collide", paths = listed), t!(lang, "hygiene-collide-help"));
    }
    vec![SubjectResult::bundle_wide(Some(""), Verdict::Checked(findings))]
}

/// What is unportable about a path, if anything.
fn unportable(path: &str) -> Option<valmis_i18n::Msg> {
    use valmis_i18n::msg;
    for component in path.split('/') {
        if component.contains(' ') {
            return Some(msg!("name-space"));
        }
        if let Some(bad) = component.chars().find(|c| c.is_control()) {
            return Some(msg!("name-control", character = bad.escape_default().to_string()));
        }
        if let Some(bad) = component.chars().find(|c| matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')) {
            return Some(msg!("name-windows-character", character = bad.to_string()));
        }
        if !unicode_normalization::is_nfc(component) {
            return Some(msg!("name-decomposed", composed = component.nfc().collect::<String>()));
        }
        let stem = component.split('.').next().unwrap_or_default().to_ascii_uppercase();
        if RESERVED.contains(&stem.as_str()) {
            return Some(msg!("name-reserved", stem = stem));
        }
        if component.ends_with('.') {
            return Some(msg!("name-trailing-dot"));
        }
        if component.starts_with('-') {
            return Some(msg!("name-leading-dash"));
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
        assert!(
            decomposed.to_string().contains("`rekisteröitymislomake.pdf`"),
            "shown composed, as it is: {decomposed}"
        );
    }
}
