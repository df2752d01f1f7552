//! Embeds every `testcases/<round>/catalog.toml` of the repository into the binary, so that
//! `valmis` works anywhere without its source tree.

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
    let mut code = String::from("pub(crate) static EMBEDDED: &[(&str, &str)] = &[\n");
    for round in rounds {
        let catalog = round.join("catalog.toml");
        println!("cargo::rerun-if-changed={}", catalog.display());
        let name = round.file_name().expect("a directory name").to_string_lossy().into_owned();
        let absolute = fs::canonicalize(&catalog).expect("catalog path resolves");
        writeln!(code, "    ({name:?}, include_str!({:?})),", absolute.display().to_string())
            .expect("writing to a String");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
