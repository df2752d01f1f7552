//! The files inside a zip that is itself one of the bundle's files (server logs or exported
//! messages zipped as a pre-test case's evidence), for PRIVACY-HETU and BUNDLE-SECRETS: a real
//! person's identity code, or a private key, is as much there in a zip as beside it. The zip is read in memory, never
//! extracted; the zips inside it are walked too, up to [`MAX_DEPTH`] levels.
//!
//! Every entry is read through one budget shared by the whole walk, whatever size its header
//! declares, so that a hostile zip (a bomb, a zip that contains itself) costs at most
//! [`MAX_INFLATED`] bytes of reading and one entry's bytes of memory. An office document inside
//! is a zip too, whose XML parts its readers inflate: those parts are charged to the same
//! budget before the document is given, so that a thousand small documents that each inflate
//! to 60 MiB cost what one zip may, not a thousand times the bound of one document.

use std::io::{Cursor, Read as _};

use valmis_i18n::{Msg, msg};

use crate::inputs::names::extension;
use crate::inputs::office;

/// The most entries one zip may have.
const MAX_ENTRIES: usize = 10_000;
/// The most bytes the entries of one zip, and of the zips inside it, may inflate to together.
pub(crate) const MAX_INFLATED: u64 = 128 * 1024 * 1024;
/// How deep zips inside zips are walked: the bundle's zip is level 1.
pub(crate) const MAX_DEPTH: u32 = 4;

/// One file of a zip, or of a zip inside it.
pub(crate) struct Entry<'a> {
    /// The file's path in its zip, prefixed with the paths of the zips it is inside
    /// (`vanhat.zip/palvelin.log`).
    pub(crate) path: &'a str,
    /// The file's name as its own zip has it (`palvelin.log`), for what is said of names: the
    /// zips around it have had their own say.
    pub(crate) name: &'a str,
    /// The file's bytes, when they were read: a file `wanted` did not ask for, and a zip inside
    /// (given before its own files), come without them.
    pub(crate) bytes: Option<&'a [u8]>,
}

/// Calls `each` for every file of the zip `bytes`, reading those that `wanted(path)` asks for,
/// and walks the zips inside it. An error says why the zip, or an entry that was wanted, could
/// not be read; what was read before it has been given to `each`.
pub(crate) fn for_each_file(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
    mut each: impl FnMut(Entry<'_>),
) -> Result<(), Msg> {
    let mut budget = MAX_INFLATED;
    walk(bytes, "", 1, &mut budget, &wanted, &mut each)
}

fn walk(
    bytes: &[u8],
    prefix: &str,
    depth: u32,
    budget: &mut u64,
    wanted: &impl Fn(&str) -> bool,
    each: &mut impl FnMut(Entry<'_>),
) -> Result<(), Msg> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| msg!("office-not-zip", error = error.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(msg!("office-too-many-entries", entries = archive.len(), limit = MAX_ENTRIES));
    }
    for index in 0..archive.len() {
        let raw = archive.by_index_raw(index).map_err(|error| msg!("office-not-zip", error = error.to_string()))?;
        if raw.is_dir() {
            continue;
        }
        let own = String::from_utf8_lossy(raw.name_raw()).into_owned();
        drop(raw);
        let name = format!("{prefix}{own}");
        let inner = extension(&name) == "zip";
        if !inner && !wanted(&name) {
            each(Entry { path: &name, name: &own, bytes: None });
            continue;
        }
        if inner && depth >= MAX_DEPTH {
            return Err(msg!("archive-too-deep", entry = &name, depth = MAX_DEPTH));
        }
        let mut entry = archive
            .by_index(index)
            .map_err(|error| msg!("office-part-unreadable", part = &name, error = error.to_string()))?;
        let mut content = Vec::new();
        (&mut entry)
            .take(*budget + 1)
            .read_to_end(&mut content)
            .map_err(|error| msg!("office-part-unreadable", part = &name, error = error.to_string()))?;
        if content.len() as u64 > *budget {
            return Err(msg!("archive-too-large", limit = MAX_INFLATED / (1024 * 1024)));
        }
        *budget -= content.len() as u64;
        drop(entry);
        if inner {
            each(Entry { path: &name, name: &own, bytes: None });
            walk(&content, &format!("{name}/"), depth + 1, budget, wanted, each)?;
        } else {
            if office::is_package(&extension(&name)) {
                charge_office_parts(&content, budget)?;
            }
            each(Entry { path: &name, name: &own, bytes: Some(&content) });
        }
    }
    Ok(())
}

/// Charges `budget` with what the XML parts (and relationships) of the office document `bytes`
/// inflate to, inflating them into nothing: what its readers will inflate again. A document that
/// is no zip costs nothing here (its readers refuse it at its first bytes).
fn charge_office_parts(bytes: &[u8], budget: &mut u64) -> Result<(), Msg> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    for index in 0..archive.len().min(MAX_ENTRIES) {
        let Ok(mut part) = archive.by_index(index) else { continue };
        let name = String::from_utf8_lossy(part.name_raw()).to_ascii_lowercase();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        // A part that cannot be inflated is its readers' to report; what was inflated counts.
        let inflated = std::io::copy(&mut (&mut part).take(*budget + 1), &mut std::io::sink()).unwrap_or(0);
        if inflated > *budget {
            return Err(msg!("archive-too-large", limit = MAX_INFLATED / (1024 * 1024)));
        }
        *budget -= inflated;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// A zip of `files`, deflated.
    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            if name.ends_with('/') {
                writer.add_directory(name.trim_end_matches('/'), options).expect("folder");
                continue;
            }
            writer.start_file(*name, options).expect("start");
            writer.write_all(bytes).expect("write");
        }
        writer.finish().expect("finish").into_inner()
    }

    /// Every entry given: its path, its own name and its bytes when read.
    type Given = (String, String, Option<Vec<u8>>);

    fn files_of(bytes: &[u8]) -> Result<Vec<Given>, String> {
        let mut found = Vec::new();
        for_each_file(
            bytes,
            |name| extension(name) != "png",
            |entry| found.push((entry.path.to_owned(), entry.name.to_owned(), entry.bytes.map(<[u8]>::to_vec))),
        )
        .map_err(|error| error.render("en"))?;
        Ok(found)
    }

    fn given(path: &str, name: &str, bytes: Option<&[u8]>) -> Given {
        (path.to_owned(), name.to_owned(), bytes.map(<[u8]>::to_vec))
    }

    #[test]
    fn the_files_of_a_zip_and_of_the_zips_in_it_are_given_with_their_paths() {
        let inner = zip_of(&[("palvelin.log", b"rivi 1\n")]);
        let outer = zip_of(&[
            ("lokit/", b""),
            ("lokit/sanoma.xml", b"<viesti/>"),
            ("lokit/kuva.png", b"\x89PNG"),
            ("vanhat.zip", &inner),
        ]);
        let found = files_of(&outer).expect("readable");
        assert_eq!(
            found,
            [
                given("lokit/sanoma.xml", "lokit/sanoma.xml", Some(b"<viesti/>")),
                given("lokit/kuva.png", "lokit/kuva.png", None),
                given("vanhat.zip", "vanhat.zip", None),
                given("vanhat.zip/palvelin.log", "palvelin.log", Some(b"rivi 1\n")),
            ]
        );
    }

    #[test]
    fn what_cannot_be_read_is_said() {
        assert!(files_of(b"PK\x03\x04 ei zip").expect_err("not a zip").starts_with("not a readable zip"));
        // Zips nested past the depth, as a zip quine would be.
        let mut nested = zip_of(&[("loki.txt", b"x")]);
        for _ in 0..MAX_DEPTH {
            nested = zip_of(&[("sisempi.zip", &nested)]);
        }
        let said = files_of(&nested).expect_err("too deep");
        assert!(said.contains("sisempi.zip/sisempi.zip/sisempi.zip/sisempi.zip"), "{said}");
        assert!(said.contains(&format!("more than {MAX_DEPTH} levels")), "{said}");
        // A bomb: the budget is spent whatever the headers declare.
        let zeros = vec![0; 40 * 1024 * 1024];
        let bomb = zip_of(&[("a.log", &zeros), ("b.log", &zeros), ("c.log", &zeros), ("d.log", &zeros)]);
        assert!(bomb.len() < 1024 * 1024, "deflate makes it small");
        let said = files_of(&bomb).expect_err("too large");
        assert!(said.contains("more than 128 MiB"), "{said}");
        // Office documents that are small inside the zip but whose XML parts inflate far: each
        // is within one document's bound, together past the zip's.
        let text = vec![b'a'; 40 * 1024 * 1024];
        let xml =
            [b"<w:document><w:body><w:p><w:r><w:t>".as_slice(), &text, b"</w:t></w:r></w:p></w:body></w:document>"]
                .concat();
        let document = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", &xml)]);
        assert!(document.len() < 256 * 1024, "deflate makes it small");
        let four: Vec<(String, &[u8])> =
            (1..=4).map(|number| (format!("ohje-{number}.docx"), document.as_slice())).collect();
        let four: Vec<(&str, &[u8])> = four.iter().map(|(name, bytes)| (name.as_str(), *bytes)).collect();
        let said = files_of(&zip_of(&four)).expect_err("too large together");
        assert!(said.contains("more than 128 MiB"), "{said}");
        // Three are within it, and given whole.
        let given = files_of(&zip_of(&four[..3])).expect("within the budget");
        assert_eq!(given.len(), 3);
        assert!(given.iter().all(|(_, _, bytes)| bytes.as_deref() == Some(document.as_slice())));
        // An entry that needs a password.
        use zip::unstable::write::FileOptionsExt as _;
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            zip::write::SimpleFileOptions::default().with_deprecated_encryption(b"salasana").expect("ZipCrypto");
        writer.start_file("salattu.log", options).expect("start");
        writer.write_all(b"131052-308T").expect("write");
        let encrypted = writer.finish().expect("finish").into_inner();
        let said = files_of(&encrypted).expect_err("encrypted");
        assert!(said.starts_with("`salattu.log` could not be read"), "{said}");
    }
}
