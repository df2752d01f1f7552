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
}

impl ReadError {
    /// Why, as a message to render in the run's language.
    pub fn message(&self) -> Msg {
        match self {
            Self::Io(error) => msg!("file-io", error = error.to_string()),
            Self::TooLarge(limit) => msg!("file-too-large", mib = limit / MIB),
            Self::NotText => msg!("file-not-text"),
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

    #[cfg(unix)]
    #[test]
    fn an_endless_device_costs_the_limit_and_no_more() {
        // Before: `--waivers /dev/zero` read until the machine's memory ran out.
        assert!(matches!(read_at_most(Path::new("/dev/zero"), MIB), Err(ReadError::TooLarge(MIB))));
    }
}
