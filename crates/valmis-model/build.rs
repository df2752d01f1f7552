//! Embeds every `testcases/<round>/catalog.toml` of the repository, and the pre-test case lists
//! beside it (`testcases/<round>/pretest/*.toml`), into the binary, so that `valmis` works
//! anywhere without its source tree.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let testcases = Path::new(&manifest_dir).join("../../testcases");
    println!("cargo::rerun-if-changed={}", testcases.display());
    let mut rounds: Vec<_> = fs::read_dir(&testcases)
        .expect("testcases/ exists at the workspace root")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("catalog.toml").is_file())
        .collect();
    rounds.sort();
    let include = |path: &Path| {
        println!("cargo::rerun-if-changed={}", path.display());
        let absolute = fs::canonicalize(path).expect("catalog path resolves");
        format!("include_str!({:?})", absolute.display().to_string())
    };
    let mut code = String::from("pub(crate) static EMBEDDED: &[Round] = &[\n");
    for round in rounds {
        let name = round.file_name().expect("a directory name").to_string_lossy().into_owned();
        writeln!(code, "    ({name:?}, {}, &[", include(&round.join("catalog.toml"))).expect("writing to a String");
        let pretest = round.join("pretest");
        println!("cargo::rerun-if-changed={}", pretest.display());
        let mut lists: Vec<_> = fs::read_dir(&pretest)
            .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
            .unwrap_or_default();
        lists.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
        lists.sort();
        for list in lists {
            let file = list.file_name().expect("a file name").to_string_lossy().into_owned();
            writeln!(code, "        ({file:?}, {}),", include(&list)).expect("writing to a String");
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    // Harness declarations, templates and golden files of each round, by harness-relative path.
    embed_tree(&mut code, &testcases, "HARNESS", "harness", |_| true, &include);
    // XML Schema documents of each round (`[round] cda_schema`), by schemas-relative path.
    embed_tree(
        &mut code,
        &testcases,
        "SCHEMAS",
        "schemas",
        |path| path.extension().is_some_and(|ext| ext == "xsd"),
        &include,
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// Embeds every file of `testcases/<round>/<folder>/` (recursively) that `keep` accepts, as a
/// static `name: &[(round, &[(folder-relative path, text)])]`.
fn embed_tree(
    code: &mut String,
    testcases: &Path,
    name: &str,
    folder: &str,
    keep: impl Fn(&Path) -> bool,
    include: &dyn Fn(&Path) -> String,
) {
    writeln!(code, "pub(crate) static {name}: &[(&str, &[(&str, &str)])] = &[").expect("writing to a String");
    let mut rounds: Vec<_> = fs::read_dir(testcases)
        .expect("testcases/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join(folder).is_dir())
        .collect();
    rounds.sort();
    for round in rounds {
        let round_name = round.file_name().expect("a directory name").to_string_lossy().into_owned();
        writeln!(code, "    ({round_name:?}, &[").expect("writing to a String");
        let top = round.join(folder);
        println!("cargo::rerun-if-changed={}", top.display());
        let mut files = Vec::new();
        let mut pending = vec![top.clone()];
        while let Some(dir) = pending.pop() {
            for entry in fs::read_dir(&dir).expect("a folder").filter_map(Result::ok) {
                let path = entry.path();
                if path.is_dir() {
                    println!("cargo::rerun-if-changed={}", path.display());
                    pending.push(path);
                } else if keep(&path) {
                    files.push(path);
                }
            }
        }
        files.sort();
        for file in files {
            let relative = file.strip_prefix(&top).expect("below the folder").to_string_lossy().replace('\\', "/");
            writeln!(code, "        ({relative:?}, {}),", include(&file)).expect("writing to a String");
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
}
