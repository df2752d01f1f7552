//! Fuzzing that runs on the machine's stable toolchain (cargo-fuzz needs nightly, which this
//! project's machines cannot fetch): seed inputs from the repository are mutated (bit flips,
//! byte edits, chunk copies, splices) and fed to each parser's entry point under
//! `catch_unwind`. A panic is a finding: the input is saved under
//! `fixtures/fuzz-regressions/<target>/` and replayed by this crate's tests from then on.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

/// A small, fast, seedable generator (xorshift64*): fuzzing needs variety, not cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (0 is replaced, as xorshift cannot leave it).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 { 0 } else { (self.next_u64() % bound as u64) as usize }
    }
}

/// One mutation of `input`, sometimes spliced with `other`.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 if !data.is_empty() => {
                let index = at.min(data.len() - 1);
                data[index] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next_u64() as u8),
            2 if !data.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(64)).min(data.len());
                let chunk = data[start..end].to_vec();
                data.splice(at..at, chunk);
            }
            4 if !other.is_empty() => {
                let start = rng.below(other.len());
                let end = (start + 1 + rng.below(256)).min(other.len());
                data.splice(at..at, other[start..end].iter().copied());
            }
            5 => {
                // Interesting bytes for the formats under test.
                const TOKENS: &[&[u8]] = &[
                    b"\"",
                    b"<",
                    b">",
                    b"]]",
                    b"[[",
                    b"=",
                    b"\n",
                    b"\xff",
                    b"\0",
                    b";",
                    b",",
                    b"{",
                    b"}",
                    b"-----BEGIN CERTIFICATE-----\n",
                ];
                let token = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, token.iter().copied());
            }
            _ if !data.is_empty() => {
                let index = at.min(data.len() - 1);
                data[index] = rng.next_u64() as u8;
            }
            _ => data.push(rng.next_u64() as u8),
        }
    }
    data
}

/// A fuzz target: a name, the seed files, and the entry point.
pub struct Target {
    /// Name, used for the regression folder.
    pub name: &'static str,
    /// Seed files, relative to the workspace root.
    pub seeds: &'static [&'static str],
    /// Runs the entry point on one input; it must not panic, whatever the input.
    pub run: fn(&[u8]),
}

impl std::fmt::Debug for Target {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.name)
    }
}

fn text(input: &[u8]) -> String {
    String::from_utf8_lossy(input).into_owned()
}

/// A folder bundle made of the ready bundle's manifest replaced or a file added.
fn verify_folder(files: &[(&str, &[u8])]) {
    let Ok(dir) = tempfile::tempdir() else { return };
    for (path, bytes) in files {
        let target = dir.path().join(path);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(target, bytes);
    }
    verify_path(dir.path());
}

fn verify_path(path: &Path) {
    let Ok(catalogs) = valmis_model::CatalogSet::embedded() else { return };
    let Ok(bundle) = valmis_bundle::Bundle::open(path, "fuzz", valmis_bundle::Limits::default()) else { return };
    let options = valmis_checks::VerifyOptions {
        now: jiff::Timestamp::UNIX_EPOCH,
        strict: false,
        only: Vec::new(),
        skip: Vec::new(),
        probe: None,
        threads: 1,
        partition: None,
        lang: valmis_model::Lang::En,
        cda_schema: None,
        timestamps: false,
    };
    let _ = valmis_checks::verify(&bundle, &catalogs, &options);
}

const MANIFEST: &str = "fixtures/bundles/ready/manifest.toml";

/// Text from a bundle made safe for reports and the terminal must hold no control character, no
/// workflow command at a line's start and no real identity code, whatever it was.
fn check_safe_text(input: &[u8]) {
    use valmis_model::safe::{is_unsafe_char, terminal_text};
    let raw = text(input);
    let mut report = valmis_model::Report {
        meta: valmis_model::ReportMeta {
            tool_version: "0".to_owned(),
            round: "2027-1".to_owned(),
            catalog: "embedded".to_owned(),
            bundle: raw.clone(),
            now: "2026-11-20T12:00:00Z".to_owned(),
            strict: false,
            partition: None,
            lang: valmis_model::Lang::En,
        },
        outcomes: valmis_model::Outcomes::from(vec![valmis_model::Outcome {
            requirement: "PRIVACY-HETU".to_owned(),
            area: valmis_model::Area::Privacy,
            title: raw.as_str().into(),
            severity: valmis_model::Severity::Error,
            fix: "fix".into(),
            reference: "ref".into(),
            subject: Some(raw.clone()),
            file: Some(raw.clone()),
            line: None,
            status: valmis_model::Status::Failed,
            findings: vec![
                valmis_model::Finding::new(valmis_model::Severity::Error, raw.clone())
                    .at(valmis_model::Location::file(raw.clone()))
                    .with_help(raw.clone()),
            ],
            reruns: Vec::new(),
            time_us: None,
        }]),
        waivers: Vec::new(),
        baseline: None,
    };
    report.make_safe();
    let outcome = &report.outcomes.first().expect("one outcome");
    let finding = &outcome.findings[0];
    for one_line in [&report.meta.bundle, outcome.subject.as_ref().unwrap_or(&raw), &finding.message] {
        assert!(!one_line.chars().any(is_unsafe_char), "unsafe character left in {one_line:?}");
        assert_no_real_code(one_line);
    }
    for text in [&*outcome.title, finding.help.as_deref().unwrap_or_default()] {
        assert!(!text.chars().any(|c| is_unsafe_char(c) && c != '\n'), "unsafe character left in {text:?}");
        assert_no_real_code(text);
    }
    let shown = terminal_text(&raw, false);
    assert_no_real_code(&shown);
    for line in shown.split('\n') {
        assert!(!line.chars().any(is_unsafe_char), "unsafe character on the terminal: {line:?}");
        let trimmed = line.trim_start();
        assert!(!trimmed.starts_with("::") && !trimmed.starts_with("##"), "a workflow command: {line:?}");
    }
}

fn assert_no_real_code(text: &str) {
    let real =
        valmis_ids::scan_hetus(text.as_bytes()).into_iter().filter(|found| !found.hetu.is_test_identity()).count();
    assert_eq!(real, 0, "a real identity code left in {text:?}");
}

/// Every target: manifest and catalog TOML, zip bundles, XML and JSON documents, certificates,
/// CSV, XLSX and JSON reports, harness declarations, bundle text on its way to a report, file
/// names.
pub fn targets() -> Vec<Target> {
    vec![
        Target { name: "manifest", seeds: &[MANIFEST], run: |input| verify_folder(&[("manifest.toml", input)]) },
        Target {
            name: "catalog",
            seeds: &["testcases/2027-1/catalog.toml"],
            run: |input| {
                let _ = valmis_model::Catalog::parse("catalog.toml", &text(input));
            },
        },
        Target {
            name: "pretest-list",
            seeds: &["testcases/2027-1/pretest/potilastiedon-arkisto.toml"],
            run: |input| {
                let shipped = include_str!("../../../testcases/2027-1/catalog.toml");
                if let Ok(mut catalog) = valmis_model::Catalog::parse("catalog.toml", shipped) {
                    let _ = catalog.add_pretest("pretest/potilastiedon-arkisto.toml", &text(input));
                }
            },
        },
        Target {
            name: "zip",
            seeds: &["fixtures/bundles/ready.zip", "fixtures/bundles/bundle-paths-zip-slip.zip"],
            run: |input| {
                let Ok(dir) = tempfile::tempdir() else { return };
                let path = dir.path().join("bundle.zip");
                if std::fs::write(&path, input).is_ok() {
                    verify_path(&path);
                }
            },
        },
        Target {
            name: "cda",
            seeds: &["fixtures/bundles/ready/documents/hoitokertomus-2026-11-12.xml"],
            run: |input| verify_folder(&[("documents/a.xml", input)]),
        },
        Target {
            // A user's schema (--cda-schema) is as hostile as a bundle: every file of Kela's set
            // mutated, compiled, then used on the ready bundle's document.
            name: "xsd",
            seeds: &[
                "testcases/2027-1/schemas/kanta-cda/CDA_Fi.xsd",
                "testcases/2027-1/schemas/kanta-cda/POCD_MT000040_Fi.xsd",
                "testcases/2027-1/schemas/kanta-cda/datatypes-base.xsd",
                "testcases/2027-1/schemas/kanta-cda/hl7fi_extensions_cdar2header.xsd",
            ],
            run: |input| {
                let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testcases/2027-1/schemas/kanta-cda");
                let mutated = text(input);
                // The mutated file stands in for whichever of the set it was made from.
                let stands_for =
                    ["CDA_Fi.xsd", "POCD_MT000040_Fi.xsd", "datatypes-base.xsd", "hl7fi_extensions_cdar2header.xsd"]
                        [input.len() % 4];
                let fetch = |location: &str| {
                    if location == stands_for {
                        Some(mutated.clone())
                    } else {
                        std::fs::read_to_string(format!("{dir}/{location}")).ok()
                    }
                };
                if let Ok(schema) = valmis_xsd::Schema::compile("CDA_Fi.xsd", &fetch) {
                    let document =
                        include_str!("../../../fixtures/bundles/ready/documents/hoitokertomus-2026-11-12.xml");
                    if let Ok(parsed) = roxmltree::Document::parse(document) {
                        let _ = schema.validate(&parsed, 100);
                    }
                }
            },
        },
        Target {
            name: "fhir",
            seeds: &[
                "fixtures/bundles/ready/documents/havainto-verenpaine-2026-11-14.json",
                "fixtures/fhir-fi-base-examples/kanta-phr-patient-1.json",
            ],
            run: |input| verify_folder(&[("documents/a.json", input)]),
        },
        Target {
            name: "certificate",
            seeds: &[
                "fixtures/certs/vrk-test-system-signature-2013.pem",
                "fixtures/certs/vrk-test-system-signature-2013.der",
            ],
            run: |input| {
                if let Ok(certificates) = valmis_pki::read_certificates(input) {
                    for certificate in &certificates {
                        let _ = valmis_pki::verify_chain(
                            &certificate.der,
                            &[],
                            &[&certificate.der],
                            jiff::Timestamp::UNIX_EPOCH,
                            valmis_pki::Usage::ClientAuth,
                        );
                        let _ = valmis_pki::verify_name(&certificate.der, "localhost");
                    }
                }
            },
        },
        Target {
            name: "report-csv",
            seeds: &[
                "fixtures/bundles/ready/pretest/report.csv",
                "fixtures/bundles/pretest-report-finnish-excel/pretest/report.csv",
            ],
            run: |input| {
                let _ = valmis_pretest::read(valmis_pretest::Format::Csv, input);
            },
        },
        Target {
            name: "report-xlsx",
            seeds: &["fixtures/bundles/pretest-report-xlsx/pretest/report.xlsx"],
            run: |input| {
                let _ = valmis_pretest::read(valmis_pretest::Format::Xlsx, input);
                let _ = valmis_pretest::xlsx_cells(input);
            },
        },
        Target {
            name: "report-json",
            seeds: &["fixtures/bundles/pretest-report-json/pretest/report.json"],
            run: |input| {
                let _ = valmis_pretest::read(valmis_pretest::Format::Json, input);
            },
        },
        Target {
            name: "safe-text",
            seeds: &[
                "fixtures/bundles/privacy-hetu-glued/evidence/PA-03/haku.txt",
                "fixtures/bundles/ready/manifest.toml",
            ],
            run: check_safe_text,
        },
        Target {
            // A file named by the input (what a file system allows: no `/`, no NUL, short).
            name: "file-name",
            seeds: &["fixtures/bundles/privacy-hetu/evidence/PA-03/haku.txt"],
            run: |input| {
                let name: String = text(input).chars().filter(|c| !matches!(c, '/' | '\0')).take(200).collect();
                if !name.is_empty() && name != "." && name != ".." {
                    verify_folder(&[(&format!("evidence/{name}"), b"Haku tehty.\n")]);
                }
            },
        },
        Target {
            name: "harness",
            seeds: &["testcases/2027-1/harness/ot-01.toml", "testcases/2027-1/harness/pa-01.toml"],
            run: |input| {
                let _ = valmis_harness::parse_case("case.toml", &text(input));
                let _ = valmis_harness::normalise(&text(input), &["/id".to_owned(), "/a/@b".to_owned()], &[]);
            },
        },
    ]
}

/// The folder of saved crashing inputs of `target`.
pub fn regressions(root: &Path, target: &str) -> PathBuf {
    root.join("fixtures/fuzz-regressions").join(target)
}
