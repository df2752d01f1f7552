//! Requirements a catalog declares without Rust (SPEC §4, last paragraph): a file must exist by
//! glob; an XML element or attribute must exist or match; a JSON pointer must exist or match;
//! text must not match a pattern; and external validators (for example `xmllint --schema`, or a
//! Schematron runner writing SVRL) run per document.
//!
//! The external runner is the one place the checks start a program. It never writes a file: the
//! document goes to the program's standard input (`{document}` becomes `-`), so bundles stay
//! unextracted, and it is killed after a time limit.

use std::io::{Read, Write as _};
use std::process::{Command, Stdio};
use std::time::Duration;

use regex::Regex;
use roxmltree::Node;
use valmis_i18n::{said, t};
use valmis_model::catalog::{CheckKind, ExternalOutput};
use valmis_model::{Finding, Location, Requirement};

use crate::context::{Context, SubjectResult, Verdict};
use crate::inputs::json::{Kind, parse_json};
use crate::inputs::source::SourceFile;
use crate::inputs::xml::{parse, read_text, xpath};

/// Longest an external validator may run on one document.
const EXTERNAL_TIMEOUT: Duration = Duration::from_secs(60);
/// Most findings one declared check reports per file.
const MAX_FINDINGS: usize = 50;

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let declared = &requirement.declared;
    let lang = context.lang.as_str();
    let glob = match globset::GlobBuilder::new(declared.glob.as_deref().unwrap_or("**"))
        .literal_separator(true)
        .build()
        .map(|glob| glob.compile_matcher())
    {
        Ok(glob) => glob,
        Err(error) => {
            let message = t!(lang, "catalog-bad-glob", error = error.to_string());
            return vec![SubjectResult::bundle_wide(None, Verdict::Error(message))];
        }
    };
    let mut paths: Vec<&str> =
        context.bundle.files().map(|entry| entry.path.as_str()).filter(|path| glob.is_match(path)).collect();
    paths.sort_unstable();
    let pattern = declared.glob.as_deref().unwrap_or_default();
    if requirement.check == CheckKind::FileExists {
        let findings = if paths.is_empty() {
            vec![
                Finding::said(requirement.severity, said!(lang, "declared-no-file", pattern = pattern))
                    .at(Location::file(pattern)),
            ]
        } else {
            Vec::new()
        };
        return vec![SubjectResult::bundle_wide(paths.first().copied(), Verdict::Checked(findings))];
    }
    if paths.is_empty() {
        let reason = t!(lang, "declared-no-file-skip", pattern = pattern);
        return vec![SubjectResult::bundle_wide(None, Verdict::Skipped(reason))];
    }
    let regex = |text: &Option<String>, anchored: bool| {
        text.as_deref()
            .and_then(|text| Regex::new(&if anchored { format!("^(?:{text})$") } else { text.to_owned() }).ok())
    };
    let matches = regex(&declared.matches, true);
    let forbidden = regex(&declared.pattern, false);
    paths
        .into_iter()
        .map(|path| {
            let verdict = match read_text(context.bundle, path) {
                Err(message) => Verdict::Skipped(t!(lang, "declared-unreadable-skip", reason = message)),
                Ok(text) => {
                    let source = SourceFile::new(path, text.as_bytes());
                    match requirement.check {
                        CheckKind::Xml => {
                            let path = declared.path.as_deref().unwrap_or("/");
                            xml(&source, &text, path, matches.as_ref(), requirement, lang)
                        }
                        CheckKind::Json => {
                            let pointer = declared.pointer.as_deref().unwrap_or("");
                            json(&source, &text, pointer, matches.as_ref(), requirement, lang)
                        }
                        CheckKind::TextAbsent => text_absent(&source, &text, forbidden.as_ref(), requirement, lang),
                        CheckKind::External => external(context, &source, requirement),
                        CheckKind::Builtin | CheckKind::FileExists => Verdict::Checked(Vec::new()),
                    }
                }
            };
            SubjectResult::about(path, Some(path), None, verdict)
        })
        .collect()
}

/// Elements (and the attribute, if the path ends in `@name`) that `path` selects.
fn select<'a, 'input>(root: Node<'a, 'input>, path: &str) -> (Vec<Node<'a, 'input>>, Option<String>) {
    let mut steps: Vec<(bool, &str)> = Vec::new();
    let mut descendant = false;
    for part in path.trim_start_matches('/').split('/') {
        if part.is_empty() {
            descendant = true;
            continue;
        }
        steps.push((descendant || (steps.is_empty() && path.starts_with("//")), part));
        descendant = false;
    }
    let attribute = steps.last().and_then(|(_, last)| last.strip_prefix('@')).map(str::to_owned);
    if attribute.is_some() {
        steps.pop();
    }
    let name_matches =
        |node: &Node<'_, '_>, name: &str| node.is_element() && (name == "*" || node.tag_name().name() == name);
    let document = root.document().root();
    let mut current = vec![document];
    for (any_depth, name) in steps {
        let mut next = Vec::new();
        for node in current {
            if any_depth {
                next.extend(node.descendants().filter(|candidate| *candidate != node && name_matches(candidate, name)));
            } else {
                next.extend(node.children().filter(|candidate| name_matches(candidate, name)));
            }
        }
        current = next;
    }
    (current, attribute)
}

fn xml(
    source: &SourceFile<'_>,
    text: &str,
    path: &str,
    matches: Option<&Regex>,
    requirement: &Requirement,
    lang: &str,
) -> Verdict {
    let Ok(document) = parse(text) else {
        return Verdict::Skipped(t!(lang, "declared-not-xml-skip"));
    };
    let (nodes, attribute) = select(document.root_element(), path);
    let mut findings = Vec::new();
    let mut found = false;
    for node in nodes {
        let (value, range) = match &attribute {
            Some(name) => match node.attribute_node(name.as_str()) {
                Some(attribute) => (attribute.value().to_owned(), attribute.range_value()),
                None => continue,
            },
            None => (node.text().unwrap_or_default().trim().to_owned(), node.range()),
        };
        found = true;
        if let Some(regex) = matches
            && !regex.is_match(&value)
        {
            let shown = match &attribute {
                Some(name) => format!("{}/@{name}", xpath(node)),
                None => xpath(node),
            };
            findings.push(
                Finding::said(
                    requirement.severity,
                    said!(lang, "declared-xml-mismatch", place = shown, value = value, pattern = regex.as_str()),
                )
                .at(source.locate(range.start..range.end.min(range.start + 200))),
            );
        }
    }
    if !found {
        findings.push(
            Finding::said(requirement.severity, said!(lang, "declared-absent", path = path))
                .at(Location::file(source.path)),
        );
    }
    findings.truncate(MAX_FINDINGS);
    Verdict::Checked(findings)
}

fn json(
    source: &SourceFile<'_>,
    text: &str,
    pointer: &str,
    matches: Option<&Regex>,
    requirement: &Requirement,
    lang: &str,
) -> Verdict {
    let Ok(root) = parse_json(text) else {
        return Verdict::Skipped(t!(lang, "declared-not-json-skip"));
    };
    let mut current = root.root();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let next = match current.kind() {
            Kind::Object => current.get(&token),
            Kind::Array => token.parse::<usize>().ok().and_then(|index| current.elements().nth(index)),
            _ => None,
        };
        match next {
            Some(value) => current = value,
            None => {
                return Verdict::Checked(vec![
                    Finding::said(requirement.severity, said!(lang, "declared-absent", path = pointer))
                        .at(Location::file(source.path)),
                ]);
            }
        }
    }
    let value = match current.kind() {
        Kind::String => current.as_str().unwrap_or_default().to_owned(),
        Kind::Number | Kind::True | Kind::False | Kind::Null => current.raw().to_owned(),
        Kind::Object | Kind::Array => String::new(),
    };
    let range = current.span();
    let findings = match matches {
        Some(regex) if !regex.is_match(&value) => vec![
            Finding::said(
                requirement.severity,
                said!(lang, "declared-json-mismatch", pointer = pointer, value = &value, pattern = regex.as_str()),
            )
            .at(source.locate(range.start..range.end)),
        ],
        _ => Vec::new(),
    };
    Verdict::Checked(findings)
}

fn text_absent(
    source: &SourceFile<'_>,
    text: &str,
    pattern: Option<&Regex>,
    requirement: &Requirement,
    lang: &str,
) -> Verdict {
    let Some(pattern) = pattern else { return Verdict::Error(t!(lang, "declared-no-pattern")) };
    let findings = pattern
        .find_iter(text)
        .take(MAX_FINDINGS)
        .map(|found| {
            Finding::said(
                requirement.severity,
                said!(lang, "declared-forbidden", text = found.as_str(), pattern = pattern.as_str()),
            )
            .at(source.locate(found.range()))
        })
        .collect();
    Verdict::Checked(findings)
}

fn external(context: &Context<'_>, source: &SourceFile<'_>, requirement: &Requirement) -> Verdict {
    let declared = &requirement.declared;
    let lang = context.lang.as_str();
    let catalog_dir = context.catalog.dir.as_ref().map(|dir| dir.display().to_string());
    let mut arguments = Vec::new();
    for argument in &declared.command {
        if argument.contains("{catalog}") {
            let Some(dir) = &catalog_dir else {
                return Verdict::Error(t!(lang, "declared-needs-catalog-dir"));
            };
            arguments.push(argument.replace("{catalog}", dir));
        } else {
            arguments.push(argument.replace("{document}", "-"));
        }
    }
    let Some((program, rest)) = arguments.split_first() else {
        return Verdict::Error(t!(lang, "declared-empty-command"));
    };
    let mut child = match Command::new(program)
        .args(rest)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Verdict::Skipped(t!(lang, "declared-not-installed-skip", program = program));
        }
        Err(error) => {
            return Verdict::Error(t!(lang, "declared-cannot-start", program = program, error = error.to_string()));
        }
    };
    // Feed the document from a thread so that a program that writes before it has read all of
    // its input cannot deadlock against us.
    let input = source.bytes.to_vec();
    let writer = child.stdin.take().map(|mut stdin| std::thread::spawn(move || stdin.write_all(&input)));
    // Both pipes are read at once, each by its own thread, to their end: a program that fills
    // one pipe while valmis waits on the other would block for good (more than 64 KB on stderr
    // did, and was reported as not finishing within 60 s). What is past a cap is read and
    // dropped, so the program never blocks on a full pipe either.
    let stdout = child.stdout.take().map(|pipe| std::thread::spawn(move || read_capped(pipe, MAX_STDOUT)));
    let stderr = child.stderr.take().map(|pipe| std::thread::spawn(move || read_capped(pipe, MAX_STDERR)));
    // Waits for the exit without polling (wait-timeout: SIGCHLD on Unix).
    let status = match wait_timeout::ChildExt::wait_timeout(&mut child, EXTERNAL_TIMEOUT) {
        Ok(Some(status)) => status,
        Ok(None) => {
            let _ = child.kill();
            let _ = child.wait();
            let seconds = EXTERNAL_TIMEOUT.as_secs();
            return Verdict::Error(t!(lang, "declared-timeout", program = program, seconds = seconds));
        }
        Err(error) => {
            return Verdict::Error(t!(lang, "declared-wait-failed", program = program, error = error.to_string()));
        }
    };
    let out = stdout.and_then(|reader| reader.join().ok()).unwrap_or_default();
    let err = stderr.and_then(|reader| reader.join().ok()).unwrap_or_default();
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    match declared.output.unwrap_or(ExternalOutput::ExitCode) {
        ExternalOutput::ExitCode => {
            if status.success() {
                return Verdict::Checked(Vec::new());
            }
            let text = String::from_utf8_lossy(&err).into_owned() + &String::from_utf8_lossy(&out);
            Verdict::Checked(exit_code_findings(source, &text, program, status.code(), requirement, lang))
        }
        ExternalOutput::Svrl => svrl_findings(source, &String::from_utf8_lossy(&out), program, requirement, lang),
    }
}

/// Most bytes of a validator's standard output and error kept (the rest is read and dropped).
const MAX_STDOUT: usize = 64 * 1024 * 1024;
const MAX_STDERR: usize = 1024 * 1024;

/// Everything `pipe` gives until it closes, keeping the first `cap` bytes.
fn read_capped(mut pipe: impl Read, cap: usize) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        match pipe.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => {
                let room = cap.saturating_sub(kept.len());
                kept.extend_from_slice(&buffer[..read.min(room)]);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    kept
}

/// xmllint-style messages (`-:12: element x: Schemas validity error : ...`) become findings at
/// their line; anything else becomes one finding with the first lines of output.
fn exit_code_findings(
    source: &SourceFile<'_>,
    text: &str,
    program: &str,
    code: Option<i32>,
    requirement: &Requirement,
    lang: &str,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("-:") else { continue };
        let Some((number, message)) = rest.split_once(':') else { continue };
        let Ok(number) = number.trim().parse::<u32>() else { continue };
        let mut location = Location::line_column(source.path, number, 1);
        location.snippet = None;
        let said = said!(lang, "declared-validator-said", program = program, message = message.trim());
        findings.push(Finding::said(requirement.severity, said).at(location));
        if findings.len() == MAX_FINDINGS {
            break;
        }
    }
    if findings.is_empty() {
        let summary: Vec<&str> = text.lines().filter(|line| !line.trim().is_empty()).take(5).collect();
        let code = code.map_or_else(|| "signal".to_owned(), |code| code.to_string());
        findings.push(
            Finding::said(
                requirement.severity,
                said!(lang, "declared-rejected", program = program, code = code, summary = summary.join(" / ")),
            )
            .at(Location::file(source.path)),
        );
    }
    findings
}

const SVRL: &str = "http://purl.oclc.org/dsdl/svrl";

/// Every `svrl:failed-assert` and `svrl:successful-report` of an SVRL report.
fn svrl_findings(
    source: &SourceFile<'_>,
    output: &str,
    program: &str,
    requirement: &Requirement,
    lang: &str,
) -> Verdict {
    let Ok(report) = parse(output) else {
        let start: String = output.chars().take(80).collect();
        return Verdict::Error(t!(lang, "declared-no-svrl", program = program, start = start));
    };
    let no_id = t!(lang, "declared-svrl-no-id");
    let findings = report
        .descendants()
        .filter(|node| {
            node.is_element()
                && node.tag_name().namespace() == Some(SVRL)
                && matches!(node.tag_name().name(), "failed-assert" | "successful-report")
        })
        .take(MAX_FINDINGS)
        .map(|node| {
            let rule = node.attribute("id").or_else(|| node.attribute("role")).unwrap_or(&no_id);
            let location = node.attribute("location").unwrap_or("");
            let text = node
                .children()
                .find(|child| child.is_element() && child.tag_name().name() == "text")
                .and_then(|text| text.text())
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            let said = said!(lang, "declared-svrl-rule", rule = rule, text = text, location = location);
            Finding::said(requirement.severity, said).at(Location::file(source.path))
        })
        .collect();
    Verdict::Checked(findings)
}
