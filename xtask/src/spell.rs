//! `cargo xtask spell`: spell-checks valmis's Finnish texts with cspell and its Finnish
//! dictionary (`spell/`, installed with `npm ci` there), so that a typo in a message fails the
//! build, not a QA engineer's trust. The texts are the Finnish message file
//! (`crates/valmis-i18n/locales/fi/valmis.ftl`) and the catalog's `[requirement.fi]` texts, as
//! prose: code a message quotes (`kind`, "co-testing", [customer], paths, ids) is left out. The
//! project's own words (Kanta terms and their inflections, from the glossary) are in
//! `spell/words-fi.txt`.

use std::fs;
use std::path::Path;

use std::process::Command;

use anyhow::{Context as _, bail};

/// The prose of one Finnish text: without placeables, quoted code, section names, paths and ids.
pub(crate) fn prose(text: &str) -> String {
    let patterns = [
        r#"\{[^{}]*\}"#,                      // Fluent placeables, { $name } and {"{"}
        r"`[^`]*`",                           // code in backticks
        r#""[^"]*""#,                         // quoted values
        r"\[\[?[^\]]*\]?\]",                  // [customer], [[endpoint]], Fluent variant keys
        r"https?://\S+",                      // links
        r"\S*[/.@_]\S*",                      // paths, file names, addresses, field names
        r"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+\b", // requirement ids
        r"\$\w+",                             // stray Fluent variables
        r"\b[a-z_]+ =",                       // field names in `key = value`
        r"\b[a-z]+(?:-[a-z]+)+\b",            // kebab-case values (customer-organisation)
        r"\b[A-ZÅÄÖ0-9]{2,}(?::[a-zåäö]+)?",  // abbreviations and their endings: OID, DVV:ltä, TLS:ssä
        r"\S+:\S+",                           // urn:oid:…, xsi:type
    ];
    let mut text = text.to_owned();
    for pattern in patterns {
        let regex = regex::Regex::new(pattern).expect("pattern");
        text = regex.replace_all(&text, " ").into_owned();
    }
    text
}

/// The Finnish texts to check, one per line, each with where it comes from.
pub(crate) fn texts(root: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut texts = Vec::new();
    let ftl_path = "crates/valmis-i18n/locales/fi/valmis.ftl";
    let ftl = fs::read_to_string(root.join(ftl_path)).with_context(|| format!("read {ftl_path}"))?;
    let mut id = String::new();
    for (number, line) in ftl.lines().enumerate() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" = ") {
            Some((name, value)) if !line.starts_with(' ') => {
                id = name.to_owned();
                value
            }
            _ => line,
        };
        texts.push((format!("{ftl_path}:{} ({id})", number + 1), prose(value)));
    }
    for entry in fs::read_dir(root.join("testcases"))? {
        let catalog_path = entry?.path().join("catalog.toml");
        if !catalog_path.is_file() {
            continue;
        }
        let shown = catalog_path.strip_prefix(root).unwrap_or(&catalog_path).display().to_string();
        let catalog: toml::Table =
            fs::read_to_string(&catalog_path)?.parse().with_context(|| format!("parse {shown}"))?;
        for requirement in catalog.get("requirement").and_then(toml::Value::as_array).into_iter().flatten() {
            let id = requirement.get("id").and_then(toml::Value::as_str).unwrap_or_default();
            let Some(fi) = requirement.get("fi").and_then(toml::Value::as_table) else { continue };
            for key in ["title", "explanation", "fix"] {
                if let Some(text) = fi.get(key).and_then(toml::Value::as_str) {
                    texts.push((format!("{shown} ({id} fi.{key})"), prose(text)));
                }
            }
        }
    }
    Ok(texts)
}

/// Spell-checks `texts` with cspell in `spell/`; the words it does not know, with where.
pub(crate) fn unknown_words(root: &Path, texts: &[(String, String)]) -> anyhow::Result<Vec<String>> {
    let spell = root.join("spell");
    let cspell = spell.join("node_modules/.bin/cspell");
    if !cspell.exists() {
        bail!("cspell is not installed: run `npm ci` in spell/ (Node.js and npm needed)");
    }
    let body: String = texts.iter().map(|(_, text)| format!("{}\n", text.replace('\n', " "))).collect();
    let mut child = Command::new(&cspell)
        .current_dir(&spell)
        .args(["--no-progress", "--no-summary", "--no-color", "--config", "cspell.json", "stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("run cspell")?;
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().context("cspell's stdin")?;
        stdin.write_all(body.as_bytes())?;
    }
    let output = child.wait_with_output()?;
    let report = String::from_utf8_lossy(&output.stdout);
    let mut unknown = Vec::new();
    for line in report.lines() {
        // `:LINE:COL - Unknown word (sana)` (stdin has no file name)
        let Some((place, word)) = line.split_once(" - Unknown word ") else { continue };
        let line_number: usize = place.rsplit(':').nth(1).and_then(|number| number.parse().ok()).unwrap_or_default();
        let origin = texts.get(line_number.saturating_sub(1)).map_or("?", |(origin, _)| origin.as_str());
        unknown.push(format!("{origin}: {}", word.trim_matches(['(', ')'])));
    }
    if unknown.is_empty() && !output.status.success() {
        bail!("cspell failed: {}{}", report, String::from_utf8_lossy(&output.stderr));
    }
    Ok(unknown)
}

/// `cargo xtask spell`.
pub(crate) fn run(root: &Path) -> anyhow::Result<()> {
    let texts = texts(root)?;
    let unknown = unknown_words(root, &texts)?;
    if !unknown.is_empty() {
        bail!(
            "{} Finnish word(s) not in the dictionary nor in spell/words-fi.txt; fix the typo, or add a real word to the list:\n{}",
            unknown.len(),
            unknown.join("\n")
        );
    }
    eprintln!("spell: {} Finnish texts, no unknown word", texts.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::prose;

    #[test]
    fn prose_leaves_code_out() {
        let text = prose(
            "`change.{ $key }` on `x`: lisää [customer], jossa purpose = \"co-testing\", katso SUBMISSION-KIND ja plan/-kansio",
        );
        assert!(!text.contains("change") && !text.contains("customer") && !text.contains("co-testing"), "{text}");
        assert!(!text.contains("SUBMISSION") && !text.contains("plan"), "{text}");
        assert!(text.contains("lisää") && text.contains("jossa") && text.contains("katso"), "{text}");
    }

    /// A typo in a Finnish message is found (when cspell is installed; under CI=true it must be).
    #[test]
    fn a_typo_is_found() {
        let root = crate::workspace_root();
        if !root.join("spell/node_modules/.bin/cspell").exists() {
            assert!(std::env::var("CI").is_err(), "CI=true: cspell must be installed (npm ci in spell/)");
            eprintln!("skipped: cspell is not installed (npm ci in spell/)");
            return;
        }
        let texts = vec![
            ("ok".to_owned(), "muutosilmoituksessa ei ole osiota".to_owned()),
            ("typo".to_owned(), "asiakasorganisaation manifestisssa ei ole osiota".to_owned()),
        ];
        let unknown = super::unknown_words(&root, &texts).expect("cspell runs");
        assert_eq!(unknown, ["typo: manifestisssa"], "only the typo");
    }
}
