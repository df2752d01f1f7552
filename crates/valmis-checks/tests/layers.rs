//! The import rule of valmis-checks, enforced (as rust-analyzer's tidy tests enforce theirs):
//!
//! - inputs (`src/inputs/`) import only other inputs: they parse, they do not judge;
//! - the context (`src/context.rs`) imports only inputs;
//! - a kit (`src/rules/kit.rs`, `src/rules/<area>/kit.rs`) imports inputs, the context and
//!   other kits, never a rule;
//! - a rule (every other file under `src/rules/` but a `mod.rs`) imports inputs, the context and
//!   kits: never another rule, never the registry or the engine;
//! - the registry (`src/rules/mod.rs`) is the only file that names a rule's items; an area's
//!   `mod.rs` below it (`src/rules/pretest/mod.rs`) only declares modules;
//! - no two files import each other, and no chain of imports comes back to where it started.
//!
//! "Imports" means any `use` of, or path through, `crate::`, `super::` or `self::` that resolves
//! to another file of the crate. Test modules (`#[cfg(test)] mod …`, last in a file) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A source file's place in the crate: its module path (`["rules", "pretest", "cases"]`).
type Module = Vec<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Input,
    Context,
    Kit,
    Rule,
    RuleDeclarations,
    Registry,
    Engine,
}

fn layer(module: &Module, is_mod_rs: bool) -> Layer {
    let parts: Vec<&str> = module.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["inputs", ..] => Layer::Input,
        ["context"] => Layer::Context,
        ["rules"] => Layer::Registry,
        ["rules", .., "kit"] => Layer::Kit,
        ["rules", ..] if is_mod_rs => Layer::RuleDeclarations,
        ["rules", ..] => Layer::Rule,
        _ => Layer::Engine,
    }
}

/// Every `.rs` file under `src`, by module path, with its text and whether it is a `mod.rs`
/// (or `lib.rs`).
fn modules(src: &Path) -> BTreeMap<Module, (PathBuf, bool, String)> {
    let mut found = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|ext| ext.to_str()) != Some("rs") {
                continue;
            }
            let relative = path.strip_prefix(src).expect("under src");
            let mut module: Module =
                relative.with_extension("").iter().map(|part| part.to_string_lossy().into_owned()).collect();
            let is_mod_rs = matches!(module.last().map(String::as_str), Some("mod" | "lib"));
            if is_mod_rs {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read file");
            found.insert(module, (relative.to_path_buf(), is_mod_rs, text));
        }
    }
    found
}

/// The code of a file without comments, string and character literals, and test modules.
fn code(text: &str) -> String {
    let literals =
        regex::Regex::new(r##"(?s)r#+".*?"#+|r".*?"|"(?:[^"\\]|\\.)*"|'(?:[^'\\\n]|\\.[^']*)'|//[^\n]*|/\*.*?\*/"##)
            .expect("regex");
    let text = literals.replace_all(text, |found: &regex::Captures<'_>| {
        // Keep the lines of a multi-line literal or comment, so that nothing else moves.
        "\n".repeat(found[0].matches('\n').count())
    });
    let mut lines = Vec::new();
    let mut previous_is_cfg_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if previous_is_cfg_test && (trimmed.starts_with("mod ") || trimmed.starts_with("pub(crate) mod ")) {
            lines.pop();
            break;
        }
        previous_is_cfg_test = trimmed.starts_with("#[cfg(test)]");
        lines.push(line);
    }
    lines.join("\n")
}

/// `a::{b, c::{d, self}}` as `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else { return vec![tree] };
    let prefix = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(expand)
        .map(|part| if part == "self" { prefix.to_owned() } else { format!("{prefix}::{part}") })
        .collect()
}

/// Every path of `code` that starts at `crate`, `super` or `self`: from `use` items (expanded)
/// and written inline.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let use_item = regex::Regex::new(r"(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);").expect("regex");
    for capture in use_item.captures_iter(code) {
        for path in expand(&capture[1]) {
            let path = path.split(" as ").next().unwrap_or(&path).to_owned();
            found.push(path);
        }
    }
    let without_uses = use_item.replace_all(code, "");
    // Any path of two or more segments not behind `.` or another `::`: `crate::x`, `super::x`,
    // and paths relative to the module (`rules::check` in lib.rs), which `resolve` tells apart.
    let inline = regex::Regex::new(r"(?:^|[^.:A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+)")
        .expect("regex");
    found.extend(inline.captures_iter(&without_uses).map(|found| found[1].to_owned()));
    found
}

/// The file a path from `module` leads into: the longest module prefix that is a file.
fn resolve(path: &str, module: &Module, files: &BTreeMap<Module, (PathBuf, bool, String)>) -> Option<Module> {
    let mut segments = path.split("::");
    let first = segments.next()?;
    let mut at: Module = match first {
        "crate" => Vec::new(),
        "self" => module.clone(),
        "super" => module[..module.len().saturating_sub(1)].to_vec(),
        // A path relative to the module, through one of its child modules.
        child => {
            let mut at = module.clone();
            at.push(child.to_owned());
            if !files.contains_key(&at) {
                return None;
            }
            at
        }
    };
    let mut rest: Vec<&str> = Vec::new();
    for segment in segments {
        if segment == "super" && rest.is_empty() {
            at.pop();
        } else {
            rest.push(segment);
        }
    }
    let mut target = at.clone();
    let mut best = files.contains_key(&at).then(|| at.clone());
    for segment in rest {
        target.push(segment.to_owned());
        if files.contains_key(&target) {
            best = Some(target.clone());
        }
    }
    best
}

/// Every breach of the import rule in the crate under `src`, one line each.
fn violations(src: &Path) -> Vec<String> {
    let files = modules(src);
    let mut imports: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (module, (path, is_mod_rs, text)) in &files {
        let code = code(text);
        let own_layer = layer(module, *is_mod_rs);
        if own_layer == Layer::RuleDeclarations {
            let stray: Vec<&str> = code
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with("pub(crate) mod ") && !line.starts_with("mod "))
                .collect();
            if !stray.is_empty() {
                problems.push(format!(
                    "{}: a rules mod.rs only declares modules, but has `{}`",
                    path.display(),
                    stray[0]
                ));
            }
        }
        for written in paths(&code) {
            let Some(target) = resolve(&written, module, &files) else { continue };
            if &target == module {
                continue;
            }
            let (target_path, target_is_mod, _) = &files[&target];
            let target_layer = layer(&target, *target_is_mod);
            let allowed = match own_layer {
                Layer::Input => target_layer == Layer::Input,
                Layer::Context => target_layer == Layer::Input,
                Layer::Kit => matches!(target_layer, Layer::Input | Layer::Context | Layer::Kit),
                Layer::Rule => matches!(target_layer, Layer::Input | Layer::Context | Layer::Kit),
                Layer::RuleDeclarations => false,
                Layer::Registry | Layer::Engine => target_layer != Layer::Rule || own_layer == Layer::Registry,
            };
            if !allowed {
                problems.push(format!(
                    "{} ({own_layer:?}) imports {} ({target_layer:?}) through `{written}`",
                    path.display(),
                    target_path.display()
                ));
            }
            imports.entry(module.clone()).or_default().insert(target);
        }
    }
    // No chain of imports comes back to where it started (a depth-first search for a back edge).
    fn visit(
        module: &Module,
        imports: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, bool>,
        path: &mut Vec<Module>,
        cycles: &mut Vec<Vec<Module>>,
    ) {
        match state.get(module) {
            Some(true) => return,
            Some(false) => {
                let start = path.iter().position(|step| step == module).unwrap_or(0);
                cycles.push(path[start..].to_vec());
                return;
            }
            None => {}
        }
        state.insert(module.clone(), false);
        path.push(module.clone());
        for target in imports.get(module).into_iter().flatten() {
            visit(target, imports, state, path, cycles);
        }
        path.pop();
        state.insert(module.clone(), true);
    }
    let mut state = BTreeMap::new();
    let mut cycles = Vec::new();
    for module in files.keys() {
        visit(module, &imports, &mut state, &mut Vec::new(), &mut cycles);
    }
    for cycle in cycles {
        let names: Vec<String> = cycle.iter().map(|module| files[module].0.display().to_string()).collect();
        problems.push(format!("import cycle: {} -> {}", names.join(" -> "), names[0]));
    }
    problems
}

#[test]
fn valmis_checks_follows_the_import_rule() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = violations(&src);
    assert!(problems.is_empty(), "the import rule is broken:\n{}", problems.join("\n"));
}

/// The checker finds what it is there to find: a rule importing a rule, an input importing the
/// context, a cycle, the engine naming a rule, a rules mod.rs with code.
#[test]
fn the_checker_catches_each_kind_of_breach() {
    let dir = std::env::temp_dir().join(format!("valmis-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "lib.rs",
        "mod context;\nmod inputs;\nmod rules;\nuse crate::rules::a::check;\nuse crate::rules::RULES;\nfn f() { rules::b::thing(); }\n",
    );
    write("context.rs", "use crate::inputs::x::X;\n");
    write("inputs/mod.rs", "pub(crate) mod x;\npub(crate) mod y;\n");
    write("inputs/x.rs", "use super::y::Y;\npub(crate) struct X(crate::context::Context);\n");
    write("inputs/y.rs", "use super::x::X;\n");
    write(
        "rules/mod.rs",
        "pub(crate) mod a;\npub(crate) mod area;\npub(crate) mod b;\npub(crate) mod kit;\nconst RULES: [fn(); 2] = [a::check, area::c::check];\n",
    );
    write("rules/area/mod.rs", "pub(crate) mod c;\nfn helper() {}\n");
    write("rules/area/c.rs", "use super::super::kit::Collected;\nuse crate::rules::RULES;\n");
    write("rules/kit.rs", "use super::b::thing;\n");
    write("rules/a.rs", "use super::{b::thing, kit};\n// use super::b; in a comment counts for nothing\n");
    write("rules/b.rs", "use crate::inputs::x::X;\n#[cfg(test)]\nmod tests {\n    use crate::rules::a::check;\n}\n");
    let problems = violations(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let expect = [
        "rules/a.rs (Rule) imports rules/b.rs (Rule) through `super::b::thing`",
        "rules/kit.rs (Kit) imports rules/b.rs (Rule) through `super::b::thing`",
        "inputs/x.rs (Input) imports context.rs (Context) through `crate::context::Context`",
        "lib.rs (Engine) imports rules/a.rs (Rule) through `crate::rules::a::check`",
        "lib.rs (Engine) imports rules/b.rs (Rule) through `rules::b::thing`",
        "rules/area/mod.rs: a rules mod.rs only declares modules, but has `fn helper() {}`",
        "rules/area/c.rs (Rule) imports rules/mod.rs (Registry) through `crate::rules::RULES`",
        "import cycle: inputs/x.rs -> inputs/y.rs -> inputs/x.rs",
        "import cycle: inputs/x.rs -> context.rs -> inputs/x.rs",
        "import cycle: rules/mod.rs -> rules/area/c.rs -> rules/mod.rs",
    ];
    for expected in expect {
        assert!(
            problems.iter().any(|problem| problem == expected),
            "missing `{expected}` in:\n{}",
            problems.join("\n")
        );
    }
    assert_eq!(problems.len(), expect.len(), "nothing else: {problems:#?}");
}
