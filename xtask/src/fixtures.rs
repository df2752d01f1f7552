//! Fixture generation. `fixtures/bundles/ready/` is written by hand; everything else under
//! `fixtures/bundles/` is derived from it here, one small change per failure mode, so that each
//! failing bundle breaks exactly one requirement. `EXPECTED.toml` records what each must give.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};
use zip::write::SimpleFileOptions;

/// A test-only P-256 private key (SEC1 DER) generated for these fixtures; it protects nothing.
const TEST_KEY_SEC1_HEX: &str = "3077020101042065aaa3ba8a84fd0bb2d62ae0cf73960e063dbf3d5729d23014e52e050d9a2a34a00a06082a8648ce3d030107a144034200041720f698c26cfc08a5c0a313e9a7b3ec75019dd301c43b3035f2c405d7dfea932f81e03dedd208c44d8cdcd85c2e101f3c48472c237e924f5efd729ac5845485";

pub(crate) struct Fixture {
    pub(crate) name: &'static str,
    /// Recompute `[files]` after the change (false for the integrity fixtures themselves).
    pub(crate) rehash: bool,
    pub(crate) change: fn(&Path) -> anyhow::Result<()>,
    pub(crate) expectations: &'static [Expectation],
}

pub(crate) struct Expectation {
    pub(crate) args: &'static [&'static str],
    pub(crate) exit: i32,
    pub(crate) failing: &'static [&'static str],
    /// The subject of the first failing requirement's failed test case (a pre-test case id),
    /// or "" for a bundle-wide one.
    pub(crate) subject: &'static str,
    pub(crate) message: &'static str,
}

fn fixtures() -> Vec<Fixture> {
    macro_rules! one {
        ($requirement:literal, $message:literal) => {
            &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: "", message: $message }]
        };
        ($requirement:literal, $subject:literal, $message:literal) => {
            &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: $subject, message: $message }]
        };
    }
    let mut all = vec![
        Fixture {
            name: "bundle-manifest-missing",
            rehash: false,
            change: |d| remove(d, "manifest.toml"),
            // Not a bundle at all: a usage error with that one cause (SPEC §2), no report.
            expectations: &[Expectation {
                args: &[],
                exit: 2,
                failing: &[],
                subject: "",
                message: "is not a submission bundle: there is no manifest.toml at its root",
            }],
        },
        Fixture {
            name: "bundle-manifest-syntax",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "version = \"4.2.0\"", "version = \"4.2.0"),
            expectations: one!("BUNDLE-MANIFEST", "TOML syntax error"),
        },
        Fixture {
            name: "bundle-manifest-unknown-key",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "class = \"A2\"", "class = \"A2\"\nluokka = \"A2\""),
            expectations: one!("BUNDLE-MANIFEST", "unknown key `system.luokka`"),
        },
        Fixture {
            name: "bundle-manifest-wrong-type",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = \"2026-11-20\""),
            expectations: one!("BUNDLE-MANIFEST", "`submitted` must be a date like 2026-11-20, found a string"),
        },
        Fixture {
            name: "bundle-manifest-format",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "format = 1", "format = 2"),
            expectations: one!("BUNDLE-MANIFEST", "manifest format 2 is not supported"),
        },
        Fixture {
            name: "bundle-manifest-unknown-round",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "round = \"2027-1\"", "round = \"2031-2\""),
            expectations: one!("BUNDLE-MANIFEST", "round `2031-2` has no catalog"),
        },
        Fixture {
            name: "bundle-manifest-unknown-service",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "manifest.toml",
                    "services = [\"potilastiedon-arkisto\"]",
                    "services = [\"potilastiedon-arkisto\", \"e-resepti\"]",
                )
            },
            expectations: one!("BUNDLE-MANIFEST", "unknown service `e-resepti`"),
        },
        Fixture {
            name: "bundle-manifest-unknown-kind",
            rehash: true,
            change: |d| {
                edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"registraton\"")
            },
            expectations: one!("BUNDLE-MANIFEST", "`kind` `registraton` is not a kind of submission valmis knows"),
        },
        Fixture {
            name: "submission-kind-change-without-section",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "manifest.toml",
                    "submitted = 2026-11-20",
                    "submitted = 2026-11-20\nkind = \"change-notification\"",
                )
            },
            expectations: one!("SUBMISSION-KIND", "a change notification has no [change] section"),
        },
        Fixture {
            name: "submission-kind-customer-without-section",
            rehash: true,
            change: |d| {
                crate::kind_fixtures::as_customer_organisation(d)?;
                edit(d, "manifest.toml", "[customer]\npurpose = \"co-testing\"\n\n", "")
            },
            expectations: one!("SUBMISSION-KIND", "a customer organisation's manifest has no [customer] section"),
        },
        Fixture {
            name: "submission-kind-vendor-with-customer-section",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "[system]", "[customer]\npurpose = \"co-testing\"\n\n[system]"),
            expectations: one!(
                "SUBMISSION-KIND",
                "[customer] belongs to role = \"customer-organisation\", and this submission is a vendor's"
            ),
        },
        Fixture {
            name: "bundle-org-check-digit",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "business_id = \"1234567-1\"", "business_id = \"1234567-2\""),
            expectations: one!("BUNDLE-ORG", "the check digit should be 1"),
        },
        Fixture {
            name: "bundle-org-oid-arc",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "oid = \"1.2.246.10.12345671\"", "oid = \"1.2.246.10.7654321\""),
            expectations: one!("BUNDLE-ORG", "is not at or below `1.2.246.10.12345671`"),
        },
        Fixture {
            name: "bundle-org-test-organisation",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "manifest.toml",
                    "test_organisations = [\"1.2.246.10.23456780\"]",
                    "test_organisations = [\"1.2.246.10.23456780\", \"1.2.246.10.02345678\"]",
                )
            },
            expectations: one!(
                "BUNDLE-ORG",
                "test organisation `1.2.246.10.02345678` is not a valid OID: an arc has a leading zero"
            ),
        },
        Fixture {
            // A national phone number is plausible, but the fix asks for the international form.
            name: "bundle-contacts-national-phone",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "phone = \"+358 40 123 4567\"", "phone = \"040 123 4567\""),
            expectations: &[
                Expectation {
                    args: &[],
                    exit: 0,
                    failing: &[],
                    subject: "",
                    message: "technical contact's phone `040 123 4567` is in national form",
                },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["BUNDLE-CONTACTS"],
                    subject: "",
                    message: "write it in international form, `+358 40 123 4567`",
                },
            ],
        },
        Fixture {
            name: "bundle-contacts-missing",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "manifest.toml",
                    "[contacts.administrative]\nname = \"Mikko Korhonen\"\nemail = \"mikko.korhonen@esimerkki-terveys.fi\"\nphone = \"+358 50 765 4321\"\n",
                    "",
                )
            },
            expectations: one!("BUNDLE-CONTACTS", "no administrative contact"),
        },
        Fixture {
            name: "bundle-contacts-email",
            rehash: true,
            change: |d| {
                edit(d, "manifest.toml", "aino.virtanen@esimerkki-terveys.fi", "aino.virtanen(at)esimerkki-terveys.fi")
            },
            expectations: one!("BUNDLE-CONTACTS", "e-mail `aino.virtanen(at)esimerkki-terveys.fi`"),
        },
        Fixture {
            name: "bundle-integrity-digest",
            rehash: false,
            change: |d| append(d, "evidence/PA-03/haku.txt", "Lisätty jälkikäteen.\n"),
            expectations: one!("BUNDLE-INTEGRITY", "the file changed after it was pinned"),
        },
        Fixture {
            name: "bundle-integrity-unlisted",
            rehash: false,
            change: |d| {
                write(d, "evidence/PA-03/kuvakaappaus.txt", b"Kuvakaappauksen kuvaus: hakutulos, 2 asiakirjaa.\n")
            },
            expectations: &[
                Expectation { args: &[], exit: 0, failing: &[], subject: "", message: "not listed in [files]" },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["BUNDLE-INTEGRITY"],
                    subject: "",
                    message: "not listed in [files]",
                },
            ],
        },
        Fixture {
            name: "bundle-hygiene-stray",
            rehash: true,
            change: |d| write(d, "forms/.DS_Store", b"\0\0\0\x01Bud1\0\0\x10\0"),
            expectations: one!("BUNDLE-HYGIENE", "editor or OS leftover"),
        },
        Fixture {
            name: "bundle-hygiene-empty",
            rehash: true,
            change: |d| write(d, "evidence/PA-02/liite.txt", b""),
            expectations: one!("BUNDLE-HYGIENE", "is empty"),
        },
        Fixture {
            name: "bundle-hygiene-name",
            rehash: true,
            change: |d| {
                rename(d, "evidence/PA-02/kuittaus.txt", "evidence/PA-02/arkiston kuittaus.txt").and_then(|()| {
                    edit(d, "pretest/report.csv", "evidence/PA-02/kuittaus.txt", "evidence/PA-02/arkiston kuittaus.txt")
                })
            },
            expectations: one!("BUNDLE-HYGIENE", "has a space in its name"),
        },
        Fixture {
            // The registration form's name written decomposed (NFD), as macOS may write it: the
            // ready bundle's composed `rekisteröitymislomake.pdf` passes.
            name: "bundle-hygiene-nfd",
            rehash: true,
            change: |d| rename(d, "forms/rekisteröitymislomake.pdf", "forms/rekistero\u{308}itymislomake.pdf"),
            expectations: one!("BUNDLE-HYGIENE", "is written decomposed (NFD"),
        },
        Fixture {
            name: "bundle-paths-symlink",
            rehash: true,
            change: |d| symlink(d, "hoitokertomus-2026-11-12.xml", "documents/kopio.xml"),
            expectations: one!("BUNDLE-PATHS", "is a symbolic link"),
        },
        Fixture {
            name: "bundle-secrets-pem",
            rehash: true,
            change: |d| write(d, "evidence/PA-01/yhteysasetukset.txt", pem_key().as_bytes()),
            expectations: one!("BUNDLE-SECRETS", "contains a PEM `EC PRIVATE KEY` block"),
        },
        Fixture {
            // The key copied with Windows PowerShell 5's `>`, which writes UTF-16 with a byte
            // order mark and CRLF line ends.
            name: "bundle-secrets-utf16",
            rehash: true,
            change: |d| {
                let text = pem_key().replace('\n', "\r\n");
                let bytes: Vec<u8> =
                    [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
                write(d, "evidence/PA-01/yhteysasetukset.txt", &bytes)
            },
            expectations: one!(
                "BUNDLE-SECRETS",
                "`evidence/PA-01/yhteysasetukset.txt` contains a PEM `EC PRIVATE KEY` block"
            ),
        },
        Fixture {
            name: "bundle-secrets-der",
            rehash: true,
            change: |d| write(d, "evidence/PA-01/varmenne.der", &test_key()),
            expectations: one!("BUNDLE-SECRETS", "is a DER-encoded private key"),
        },
        Fixture {
            // The client's configuration folder zipped whole as evidence, its key with it.
            name: "bundle-secrets-zip",
            rehash: true,
            change: |d| {
                let config = zip_of(&[
                    ("asetukset/yhteys.properties", b"palvelu=https://asiakastesti.kanta.fi/arkisto\n"),
                    ("asetukset/asiakas.pem", pem_key().as_bytes()),
                ])?;
                write(d, "evidence/PA-02/asetukset.zip", &config)
            },
            expectations: one!(
                "BUNDLE-SECRETS",
                "`asetukset/asiakas.pem` inside the archive contains a PEM `EC PRIVATE KEY` block, line 2"
            ),
        },
        Fixture {
            // The connection instructions written in Word with the client's key pasted in, its
            // first line split into runs where Word's spell-checking mark fell.
            name: "bundle-secrets-docx",
            rehash: true,
            change: |d| write(d, "evidence/PA-01/yhteysohje.docx", &key_in_word()?),
            expectations: one!(
                "BUNDLE-SECRETS",
                "contains a PEM `EC PRIVATE KEY` block, in `word/document.xml`, paragraph 3"
            ),
        },
        Fixture {
            name: "bundle-forms-missing",
            rehash: true,
            change: |d| remove(d, "forms/arkkitehtuurikuvaus.pdf"),
            expectations: one!(
                "BUNDLE-FORMS",
                "architecture",
                "Arkkitehtuurikuvaus (architecture description) is missing"
            ),
        },
        Fixture {
            name: "bundle-deadline",
            rehash: true,
            change: |d| edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-12-14"),
            expectations: one!("BUNDLE-DEADLINE", "after the registration deadline 2026-12-01"),
        },
        Fixture {
            name: "privacy-hetu",
            rehash: true,
            change: |d| {
                edit(d, "evidence/PA-03/haku.txt", "Haettu potilas: 010181-900C", "Haettu potilas: 131052-308T")
            },
            expectations: one!("PRIVACY-HETU", "evidence/PA-03/haku.txt", "`131052-3***` is not a test identity"),
        },
        Fixture {
            // A real code in a file's name: every listing, report and archive would carry it.
            name: "privacy-hetu-file-name",
            rehash: true,
            change: |d| write(d, "evidence/PA-03/kuvakaappaus-131052-308T.pdf", b"%PDF-1.4\n%%EOF\n"),
            expectations: one!(
                "PRIVACY-HETU",
                "evidence/PA-03/kuvakaappaus-131052-3***.pdf",
                "the file name holds personal identity code `131052-3***`"
            ),
        },
        Fixture {
            // A real code in a server log zipped as evidence, one zip inside another: the log of
            // an earlier day, kept in `vanhat/`.
            name: "privacy-hetu-zip",
            rehash: true,
            change: |d| {
                let log = "2026-11-11T15:40:02.118+02:00 INFO  arkisto-asiakas  Yhteys asiakastestiin muodostettu\n\
                           2026-11-11T15:40:02.731+02:00 INFO  arkisto-asiakas  Lähetetään asiakirja, potilas 131052-308T\n";
                let inner = zip_of(&[("palvelin.log", log.as_bytes())])?;
                let outer = zip_of(&[
                    ("palvelin.log", b"2026-11-12T10:02:15.481+02:00 INFO  potilas 020516C903K\n"),
                    ("vanhat/lokit-2026-11-11.zip", &inner),
                ])?;
                write(d, "evidence/PA-02/lokit.zip", &outer)
            },
            expectations: one!(
                "PRIVACY-HETU",
                "evidence/PA-02/lokit.zip",
                "`131052-3***` is not a test identity (individual number not in 900–999), in `vanhat/lokit-2026-11-11.zip/palvelin.log` inside the archive, line 2"
            ),
        },
        Fixture {
            // Real codes the way people write them: glued to the word before, lower-case.
            name: "privacy-hetu-glued",
            rehash: true,
            change: |d| {
                edit(d, "evidence/PA-03/haku.txt", "Haettu potilas: 010181-900C", "Haettu potilas is131052-308t")?;
                edit(
                    d,
                    "documents/hoitokertomus-2026-11-12.xml",
                    "Vuositarkastus. Potilas voi hyvin",
                    "Vuositarkastus (hetu:131052-308T). Potilas voi hyvin",
                )?;
                edit(
                    d,
                    "documents/havainto-verenpaine-2026-11-14.json",
                    "\"display\": \"Verenpaine\"",
                    "\"display\": \"Verenpaine id131052-308t\"",
                )?;
                edit(
                    d,
                    "connection/connection.toml",
                    "# Esimerkki EHR's archive interface",
                    "# Yhteyshenkilö HETU131052-308T. Esimerkki EHR's archive interface",
                )?;
                edit(
                    d,
                    "pretest/report.csv",
                    "Asiakirjojen haku potilaan tunnisteella",
                    "Asiakirjojen haku potilaan tunnisteella (id131052-308t)",
                )
            },
            expectations: one!("PRIVACY-HETU", "evidence/PA-03/haku.txt", "`131052-3***` is not a test identity"),
        },
    ];
    all.extend(crate::pretest_fixtures::fixtures());
    all.extend(crate::pki_fixtures::fixtures());
    all.extend(crate::doc_fixtures::fixtures());
    all.extend(crate::kind_fixtures::fixtures());
    all
}

/// Zip fixtures: real archives built from the ready bundle.
struct ZipFixture {
    name: &'static str,
    extra: fn() -> Vec<(String, Vec<u8>)>,
    /// Patch every entry's declared uncompressed size (a crafted zip bomb).
    declare_size: Option<u32>,
    expectation: Expectation,
}

fn zip_fixtures() -> Vec<ZipFixture> {
    vec![
        ZipFixture {
            name: "ready.zip",
            extra: Vec::new,
            declare_size: None,
            expectation: Expectation { args: &[], exit: 0, failing: &[], subject: "", message: "" },
        },
        ZipFixture {
            name: "bundle-paths-zip-slip.zip",
            extra: || vec![("../../tmp/valmis-zip-slip.txt".to_owned(), b"written outside\n".to_vec())],
            declare_size: None,
            expectation: Expectation {
                args: &[],
                exit: 1,
                failing: &["BUNDLE-PATHS"],
                subject: "",
                message: "contains `..`",
            },
        },
        ZipFixture {
            // Zipped with macOS Finder: one top folder, `.DS_Store` in it and `__MACOSX/` beside
            // it. The root is found past `__MACOSX/`; the leftovers are BUNDLE-HYGIENE's.
            name: "bundle-hygiene-macos.zip",
            extra: || {
                vec![
                    ("ready/.DS_Store".to_owned(), b"Bud1\0\0\0\x01".to_vec()),
                    ("__MACOSX/ready/._manifest.toml".to_owned(), b"\0\x05\x16\x07\0\x02\0\0Mac OS X".to_vec()),
                ]
            },
            declare_size: None,
            expectation: Expectation {
                args: &[],
                exit: 1,
                failing: &["BUNDLE-HYGIENE"],
                subject: "",
                message: "zip without Finder's leftovers",
            },
        },
        ZipFixture {
            name: "bundle-paths-zip-bomb.zip",
            extra: Vec::new,
            declare_size: Some(0xFFFF_FF00),
            expectation: Expectation {
                args: &[],
                exit: 1,
                failing: &["BUNDLE-PATHS"],
                subject: "",
                message: "zip bomb",
            },
        },
    ]
}

pub(crate) fn run(root: &Path, check: bool) -> anyhow::Result<()> {
    let bundles = root.join("fixtures/bundles");
    let out = if check { root.join("target/xtask/fixtures") } else { bundles.clone() };
    if check {
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out)?;
    }
    let ready_source = bundles.join("ready");
    let ready = out.join("ready");
    if check {
        copy_tree(&ready_source, &ready)?;
    }
    // The ready bundle's certificates are generated (reproducibly) like the other fixtures.
    let pki = crate::pki_fixtures::generate(root, crate::pki_fixtures::Variant::Good)?;
    crate::pki_fixtures::write_into(&ready, &pki)?;
    rehash(&ready)?;

    let mut expected = format!(
        "# Generated by `cargo xtask fixtures` from fixtures/bundles/ready: do not edit.\n\
         # What `valmis verify <bundle> --now {now} <args>` must give for each fixture.\n\
         now = \"{now}\"\n",
        now = crate::FIXTURE_NOW
    );
    let mut generated = vec!["ready".to_owned(), "EXPECTED.toml".to_owned()];
    for fixture in fixtures() {
        let target = out.join(fixture.name);
        if target.exists() {
            fs::remove_dir_all(&target)?;
        }
        copy_tree(&ready, &target)?;
        (fixture.change)(&target).with_context(|| format!("fixture {}", fixture.name))?;
        if fixture.rehash && target.join("manifest.toml").exists() {
            rehash(&target)?;
        }
        for expectation in fixture.expectations {
            expected.push_str(&expectation_toml(fixture.name, expectation));
        }
        generated.push(fixture.name.to_owned());
    }
    for fixture in zip_fixtures() {
        let mut bytes = zip_tree(&ready, "ready", &(fixture.extra)())?;
        if let Some(size) = fixture.declare_size {
            declare_size(&mut bytes, size);
        }
        fs::write(out.join(fixture.name), bytes)?;
        expected.push_str(&expectation_toml(fixture.name, &fixture.expectation));
        generated.push(fixture.name.to_owned());
    }
    fs::write(out.join("EXPECTED.toml"), expected)?;

    if check {
        let mut stale = Vec::new();
        for name in &generated {
            compare(&out.join(name), &bundles.join(name), name, &mut stale)?;
        }
        if !stale.is_empty() {
            bail!("fixtures are stale (run `cargo xtask fixtures` and commit):\n  {}", stale.join("\n  "));
        }
        eprintln!("fixtures are up to date ({} generated)", generated.len());
    } else {
        eprintln!("wrote {} fixtures under {}", generated.len(), bundles.display());
    }
    Ok(())
}

fn expectation_toml(bundle: &str, expectation: &Expectation) -> String {
    let list = |items: &[&str]| items.iter().map(|item| format!("{item:?}")).collect::<Vec<_>>().join(", ");
    format!(
        "\n[[fixture]]\nbundle = {bundle:?}\nargs = [{}]\nexit = {}\nfailing = [{}]\nsubject = {:?}\nmessage = {:?}\n",
        list(expectation.args),
        expectation.exit,
        list(expectation.failing),
        expectation.subject,
        expectation.message
    )
}

/// Rewrites everything after the `[files]` line of the manifest with the digests of every other
/// regular file, sorted.
fn rehash(bundle: &Path) -> anyhow::Result<()> {
    let manifest_path = bundle.join("manifest.toml");
    let manifest = fs::read_to_string(&manifest_path).with_context(|| format!("read {}", manifest_path.display()))?;
    let Some(at) = manifest.find("\n[files]\n") else { bail!("{} has no [files] table", manifest_path.display()) };
    let mut text = manifest[..at + "\n[files]\n".len()].to_owned();
    for (path, bytes) in files(bundle)? {
        if path != "manifest.toml" {
            // A TOML basic string (Rust's `{:?}` would write `\u{308}`, which TOML does not read).
            let key = path.replace('\\', "\\\\").replace('"', "\\\"");
            text.push_str(&format!("\"{key}\" = \"sha256:{}\"\n", valmis_bundle::sha256_hex(&bytes)));
        }
    }
    fs::write(&manifest_path, text)?;
    Ok(())
}

/// Every regular file below `dir` (symlinks skipped), by bundle path.
fn files(dir: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((current, prefix)) = pending.pop() {
        for entry in fs::read_dir(&current).with_context(|| format!("list {}", current.display()))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = fs::symlink_metadata(entry.path())?.file_type();
            if kind.is_dir() {
                pending.push((entry.path(), format!("{prefix}{name}/")));
            } else if kind.is_file() {
                found.insert(format!("{prefix}{name}"), fs::read(entry.path())?);
            }
        }
    }
    Ok(found)
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    for (path, bytes) in files(from)? {
        write(to, &path, &bytes)?;
    }
    Ok(())
}

/// A deterministic zip of `dir` under `top/`, plus extra raw entries.
pub(crate) fn zip_tree(dir: &Path, top: &str, extra: &[(String, Vec<u8>)]) -> anyhow::Result<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files(dir)? {
        writer.start_file(format!("{top}/{path}"), options)?;
        writer.write_all(&bytes)?;
    }
    for (name, bytes) in extra {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Sets the declared uncompressed size of every entry in local and central headers.
fn declare_size(bytes: &mut [u8], size: u32) {
    for at in 0..bytes.len().saturating_sub(30) {
        match bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => bytes[at + 22..at + 26].copy_from_slice(&size.to_le_bytes()),
            [0x50, 0x4b, 0x01, 0x02] => bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
    }
}

fn compare(generated: &Path, committed: &Path, name: &str, stale: &mut Vec<String>) -> anyhow::Result<()> {
    if generated.is_dir() {
        let (ours, theirs) = (files(generated)?, if committed.is_dir() { files(committed)? } else { BTreeMap::new() });
        for path in ours.keys().chain(theirs.keys()).collect::<std::collections::BTreeSet<_>>() {
            if ours.get(path) != theirs.get(path) {
                stale.push(format!("{name}/{path}"));
            }
        }
    } else if fs::read(generated).ok() != fs::read(committed).ok() {
        stale.push(name.to_owned());
    }
    Ok(())
}

fn test_key() -> Vec<u8> {
    let hex: String = TEST_KEY_SEC1_HEX.chars().filter(char::is_ascii_hexdigit).collect();
    (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()).collect()
}

fn pem_key() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = test_key();
    let mut encoded = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            encoded.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    let body: Vec<String> =
        encoded.as_bytes().chunks(64).map(|line| String::from_utf8_lossy(line).into_owned()).collect();
    format!(
        "Yhteysasetukset asiakastestiin (kopioitu palvelimelta)\n-----BEGIN EC PRIVATE KEY-----\n{}\n-----END EC PRIVATE KEY-----\n",
        body.join("\n")
    )
}

/// A DOCX of connection instructions with [`pem_key`] pasted in, a paragraph a line; the first
/// line in two runs with a spell-checking mark between them, as Word saves it.
fn key_in_word() -> anyhow::Result<Vec<u8>> {
    let paragraph = |text: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>");
    let mut body = paragraph("Yhteysohje: asiakastestiympäristö, Potilastiedon arkisto");
    body.push_str(&paragraph("Asiakasvarmenteen avain (kopioitu palvelimelta):"));
    for line in pem_key().lines().skip(1) {
        match line.strip_prefix("-----BEGIN EC ") {
            Some(rest) => body.push_str(&format!(
                "<w:p><w:r><w:t>-----BEGIN EC PRIVATE</w:t></w:r><w:proofErr w:type=\"spellStart\"/>\
                 <w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/></w:p>",
                rest.trim_start_matches("PRIVATE ")
            )),
            None => body.push_str(&paragraph(line)),
        }
    }
    crate::kind_fixtures::docx(&body, "Yhteysohje")
}

pub(crate) fn write(dir: &Path, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(&target, bytes).with_context(|| format!("write {}", target.display()))
}

pub(crate) fn remove(dir: &Path, path: &str) -> anyhow::Result<()> {
    fs::remove_file(dir.join(path)).with_context(|| format!("remove {path}"))
}

pub(crate) fn edit(dir: &Path, path: &str, from: &str, to: &str) -> anyhow::Result<()> {
    let text = fs::read_to_string(dir.join(path))?;
    if !text.contains(from) {
        bail!("`{from}` not found in {path}");
    }
    fs::write(dir.join(path), text.replacen(from, to, 1))?;
    Ok(())
}

/// Rewrites a text file's line endings (`\r\n` as Windows and Excel save, `\r` alone).
pub(crate) fn line_endings(dir: &Path, path: &str, ending: &str) -> anyhow::Result<()> {
    let text = fs::read_to_string(dir.join(path))?;
    fs::write(dir.join(path), text.replace("\r\n", "\n").replace('\n', ending))?;
    Ok(())
}

pub(crate) fn append(dir: &Path, path: &str, text: &str) -> anyhow::Result<()> {
    let mut file = fs::OpenOptions::new().append(true).open(dir.join(path))?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

pub(crate) fn rename(dir: &Path, from: &str, to: &str) -> anyhow::Result<()> {
    fs::rename(dir.join(from), dir.join(to))?;
    Ok(())
}

fn symlink(dir: &Path, target: &str, link: &str) -> anyhow::Result<()> {
    std::os::unix::fs::symlink(target, dir.join(link))?;
    Ok(())
}

/// A deflated zip of `files` with fixed times, so that the fixture is the same on every run.
pub(crate) fn zip_of(files: &[(&str, &[u8])]) -> anyhow::Result<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        writer.start_file(*name, options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}
