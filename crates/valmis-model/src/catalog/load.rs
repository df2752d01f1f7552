//! Where catalogs come from: the rounds embedded at build time, or a user's `--catalog` folder
//! (its `catalog.toml`, pre-test lists and CDA schema files).

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use valmis_i18n::msg;

mod embedded {
    /// Round id, `catalog.toml` text, and `(file name, text)` of each pre-test list.
    type Round = (&'static str, &'static str, &'static [(&'static str, &'static str)]);
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

impl CatalogSet {
    /// The rounds built into this valmis, oldest first, without reading their catalogs.
    pub fn embedded_round_ids() -> Vec<&'static str> {
        embedded::EMBEDDED.iter().map(|(round, ..)| *round).collect()
    }

    /// The catalogs built into this valmis (`testcases/*/catalog.toml` at build time).
    pub fn embedded() -> Result<Self, CatalogError> {
        let mut rounds = BTreeMap::new();
        for (round, text, pretest) in embedded::EMBEDDED {
            let source = format!("testcases/{round}/catalog.toml");
            let mut catalog = Catalog::parse(&source, text)?;
            for (name, text) in *pretest {
                catalog.add_pretest(&format!("testcases/{round}/pretest/{name}"), text)?;
            }
            if let Some(schema) = &mut catalog.cda_schema {
                let files =
                    embedded::SCHEMAS.iter().filter(|(name, _)| name == round).flat_map(|(_, files)| files.iter());
                let files: Vec<(&str, &str)> = files.map(|(path, text)| (*path, *text)).collect();
                fill_schema(schema, &source, &format!("testcases/{round}"), |relative| {
                    Ok(files
                        .iter()
                        .filter(|(path, _)| path.starts_with(relative))
                        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
                        .collect())
                })?;
            }
            rounds.insert(catalog.round.id.clone(), catalog);
        }
        Ok(Self { origin: "embedded".to_owned(), rounds })
    }

    /// A user's catalog directory: either one round (it holds `catalog.toml`) or a `testcases/`
    /// style folder with one sub-folder per round.
    pub fn load_dir(dir: &Path) -> Result<Self, CatalogError> {
        // A catalog or a case list is tens of kilobytes: a wrong file is said, not read to its end.
        let read = |path: &Path| {
            crate::files::read_text_at_most(path, 16 * crate::files::MIB).map_err(|error| {
                CatalogError::whole_file(
                    path.display().to_string(),
                    msg!("catalog-unreadable", error = error.message()),
                )
            })
        };
        let mut files = Vec::new();
        let single = dir.join("catalog.toml");
        if single.is_file() {
            files.push(single);
        } else {
            let entries = std::fs::read_dir(dir).map_err(|error| {
                CatalogError::whole_file(
                    dir.display().to_string(),
                    msg!("catalog-dir-unreadable", error = error.to_string()),
                )
            })?;
            for entry in entries.filter_map(Result::ok) {
                let candidate = entry.path().join("catalog.toml");
                if candidate.is_file() {
                    files.push(candidate);
                }
            }
            files.sort();
        }
        if files.is_empty() {
            return Err(CatalogError::whole_file(dir.display().to_string(), msg!("catalog-none-here")));
        }
        let mut rounds = BTreeMap::new();
        for file in files {
            let shown = file.display().to_string();
            let mut catalog = Catalog::parse(&shown, &read(&file)?)?;
            catalog.dir = file.parent().map(Path::to_path_buf);
            if let (Some(schema), Some(dir)) = (&catalog.cda_schema, &catalog.dir) {
                let loaded = user_schema(schema, dir, &shown)?;
                catalog.cda_schema = Some(loaded);
            }
            let pretest_dir = file.with_file_name("pretest");
            if pretest_dir.is_dir() {
                let entries = std::fs::read_dir(&pretest_dir).map_err(|error| {
                    CatalogError::whole_file(
                        pretest_dir.display().to_string(),
                        msg!("catalog-pretest-dir-unreadable", error = error.to_string()),
                    )
                })?;
                let mut lists: Vec<_> = entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                    .collect();
                lists.sort();
                for list in lists {
                    catalog.add_pretest(&list.display().to_string(), &read(&list)?)?;
                }
            }
            if let Some(previous) = rounds.insert(catalog.round.id.clone(), catalog) {
                return Err(CatalogError::whole_file(
                    shown,
                    msg!("catalog-round-twice", round = &previous.round.id, other = &previous.source),
                ));
            }
        }
        Ok(Self { origin: dir.display().to_string(), rounds })
    }

    /// The catalog of `round`.
    pub fn get(&self, round: &str) -> Option<&Catalog> {
        self.rounds.get(round)
    }

    /// The newest round (by id, which sorts by year and half).
    pub fn latest(&self) -> Option<&Catalog> {
        self.rounds.values().next_back()
    }

    /// The harness files built into this valmis for `round` (`testcases/<round>/harness/`), as
    /// (harness-relative path, text).
    pub fn embedded_harness(round: &str) -> Vec<(&'static str, &'static str)> {
        embedded::HARNESS
            .iter()
            .filter(|(name, _)| *name == round)
            .flat_map(|(_, files)| files.iter().copied())
            .collect()
    }

    /// Round ids, sorted.
    pub fn round_ids(&self) -> Vec<&str> {
        self.rounds.keys().map(String::as_str).collect()
    }
}

/// The schema set a user's catalog names: read from the catalog's folder, or, for a catalog
/// copied without its schema folder, the same path built into valmis.
fn user_schema(schema: &SchemaFiles, dir: &Path, shown: &str) -> Result<SchemaFiles, CatalogError> {
    let entry = dir.join(&schema.entry);
    if entry.is_file() {
        return SchemaFiles::read(&entry).map_err(|error| CatalogError::whole_file(shown.to_owned(), error.msg()));
    }
    for (round, files) in embedded::SCHEMAS {
        let mut copy = schema.clone();
        let found = fill_schema(&mut copy, shown, &format!("built-in testcases/{round}"), |folder| {
            Ok(files
                .iter()
                .filter(|(path, _)| path.starts_with(folder))
                .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
                .collect())
        });
        if found.is_ok() {
            return Ok(copy);
        }
    }
    Err(CatalogError::whole_file(
        shown.to_owned(),
        msg!("catalog-schema-missing", entry = &schema.entry, path = entry.display().to_string()),
    ))
}

/// Fills an embedded catalog's schema set from the files under `testcases/<round>/schemas/`:
/// `schema.entry` is catalog-relative (`schemas/kanta-cda/CDA_Fi.xsd`).
fn fill_schema(
    schema: &mut SchemaFiles,
    source: &str,
    catalog_dir: &str,
    files_under: impl Fn(&str) -> Result<Vec<(String, String)>, CatalogError>,
) -> Result<(), CatalogError> {
    let Some(inside) = schema.entry.strip_prefix("schemas/") else {
        return Err(CatalogError::whole_file(
            source.to_owned(),
            msg!("catalog-schema-not-embedded", entry = &schema.entry),
        ));
    };
    let (folder, entry) = match inside.rsplit_once('/') {
        Some((folder, entry)) => (format!("{folder}/"), entry.to_owned()),
        None => (String::new(), inside.to_owned()),
    };
    let files: Vec<(String, String)> =
        files_under(&folder)?.into_iter().map(|(path, text)| (path[folder.len()..].to_owned(), text)).collect();
    if !files.iter().any(|(path, _)| *path == entry) {
        return Err(CatalogError::whole_file(
            source.to_owned(),
            msg!("catalog-schema-not-found", entry = &schema.entry),
        ));
    }
    *schema = SchemaFiles { origin: format!("{catalog_dir}/{}", schema.entry), entry, files };
    Ok(())
}
