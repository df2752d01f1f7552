//! Reading a file a person names on the command line (a waivers file, a baseline or shard
//! report, a catalog, a client key, a harness case): at most a limit of bytes. A wrong path
//! (`--baseline bundle.zip`), `/dev/zero` or a pipe that never ends then costs bounded memory
//! and is said as such, instead of filling the machine's memory before any parser sees a byte.

use std::path::Path;

use valmis_i18n::{Msg, msg};

/// One mebibyte, the unit limits are said in.
pub const MIB: u64 = 1024 * 1024;

/// Why a named file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The system's reason (no such file, permission denied, a folder).
    Io(std::io::Error),
    /// More than the limit, in bytes.
    TooLarge(u64),
    /// Not UTF-8 text, for [`read_text_at_most`].
    NotText,
    /// Not a JSON report, for [`read_json_report_at_most`]: the first byte that is not white
    /// space, which is not `{`.
    NotJson(u8),
}

impl ReadError {
    /// Why, as a message to render in the run's language.
    pub fn message(&self) -> Msg {
        match self {
            Self::Io(error) => msg!("file-io", error = error.to_string()),
            Self::TooLarge(limit) => msg!("file-too-large", mib = limit / MIB),
            Self::NotText => msg!("file-not-text"),
            Self::NotJson(byte) => {
                let shown = if byte.is_ascii_graphic() { format!(" (`{}`)", char::from(*byte)) } else { String::new() };
                msg!("file-not-json", byte = format!("0x{byte:02X}{shown}"))
            }
        }
    }
}

/// The bytes of `path`, when it holds at most `limit` of them: read as the bundle's files are
/// ([`valmis_bundle::read_within`]), one byte past the limit to know, whatever size the file
/// claims (a device or a pipe claims none). While the buffer of an input that claims no size
/// doubles, the old buffer is held too: reading `/dev/zero` to a 1 GiB limit peaks at about 2 GiB.
pub fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let claimed = file.metadata().map(|metadata| metadata.len()).unwrap_or(0);
    let bytes = valmis_bundle::read_within(file, claimed, limit).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// The UTF-8 text of `path`, when it holds at most `limit` bytes.
pub fn read_text_at_most(path: &Path, limit: u64) -> Result<String, ReadError> {
    String::from_utf8(read_at_most(path, limit)?).map_err(|_| ReadError::NotText)
}

/// How many bytes of a JSON report are looked at before the rest is read: enough for any white
/// space a writer puts before the `{`.
const JSON_SNIFF: usize = 4096;

/// The text of the JSON report at `path` (a baseline, a shard), when it holds at most `limit`
/// bytes and begins, after white space, with `{`. Anything else (a bundle's zip, a PDF,
/// `/dev/zero`) is refused from its first bytes instead of being read to the limit first.
pub fn read_json_report_at_most(path: &Path, limit: u64) -> Result<String, ReadError> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let claimed = file.metadata().map(|metadata| metadata.len()).unwrap_or(0);
    let mut start = Vec::with_capacity(JSON_SNIFF);
    (&mut file).take(JSON_SNIFF as u64).read_to_end(&mut start).map_err(ReadError::Io)?;
    if let Some(&first) = start.iter().find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        && first != b'{'
    {
        return Err(ReadError::NotJson(first));
    }
    let bytes =
        valmis_bundle::read_within(std::io::Cursor::new(start).chain(file), claimed, limit).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_every_size_around_the_buffer_s_steps_are_read_whole() {
        let temp = tempfile::tempdir().expect("tempdir");
        let path = temp.path().join("raportti.json");
        for size in [0, 1, 8191, 8192, 8193, 16384, 16385, 100_000] {
            let content: Vec<u8> = (0..size).map(|index| (index % 251) as u8).collect();
            std::fs::write(&path, &content).expect("write");
            assert_eq!(read_at_most(&path, 100_000).expect("read"), content, "{size} bytes");
        }
        assert!(matches!(read_at_most(&path, 99_999), Err(ReadError::TooLarge(99_999))));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_after_one_byte_more() {
        let temp = tempfile::tempdir().expect("tempdir");
        let path = temp.path().join("poikkeukset.toml");
        std::fs::write(&path, "x".repeat(10)).expect("write");
        assert_eq!(read_text_at_most(&path, 10).expect("at the limit"), "x".repeat(10));
        assert!(matches!(read_at_most(&path, 9), Err(ReadError::TooLarge(9))));
        std::fs::write(&path, b"\xff\xfe").expect("write");
        assert!(matches!(read_text_at_most(&path, 10), Err(ReadError::NotText)));
        assert!(matches!(read_at_most(&temp.path().join("puuttuu"), 10), Err(ReadError::Io(_))));
    }

    #[test]
    fn a_json_report_is_read_whole_and_anything_else_from_its_first_byte() {
        let temp = tempfile::tempdir().expect("tempdir");
        let path = temp.path().join("raportti.json");
        let report = format!("\r\n  {{\"format\": 1, \"pad\": \"{}\"}}\n", "x".repeat(3 * JSON_SNIFF));
        std::fs::write(&path, &report).expect("write");
        assert_eq!(read_json_report_at_most(&path, MIB).expect("a report"), report);
        assert!(matches!(read_json_report_at_most(&path, 100), Err(ReadError::TooLarge(100))));
        for (bytes, first) in [(&b"PK\x03\x04"[..], b'P'), (b"\n%PDF-1.7", b'%'), (b"[1]", b'['), (b"\0", 0)] {
            std::fs::write(&path, bytes).expect("write");
            assert!(matches!(read_json_report_at_most(&path, MIB), Err(ReadError::NotJson(byte)) if byte == first));
        }
        // Empty or white space only: read, and left to the JSON parser to say it is no report.
        std::fs::write(&path, " \n").expect("write");
        assert_eq!(read_json_report_at_most(&path, MIB).expect("blank"), " \n");
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_costs_the_limit_and_no_more() {
        // Before: `--waivers /dev/zero` read until the machine's memory ran out.
        assert!(matches!(read_at_most(Path::new("/dev/zero"), MIB), Err(ReadError::TooLarge(MIB))));
    }
}
