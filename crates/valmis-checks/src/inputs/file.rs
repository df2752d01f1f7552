//! One bundle file in the file pass, read the first time a rule asks for its bytes: a rule that
//! judges a file by its name alone never reads it.

use std::cell::OnceCell;

use valmis_bundle::{Bundle, ReadError};

/// A bundle file, read the first time a check asks for its bytes.
#[derive(Debug)]
pub(crate) struct LazyBytes<'a> {
    bundle: &'a Bundle,
    pub(crate) path: &'a str,
    bytes: OnceCell<Result<Vec<u8>, ReadError>>,
}

impl<'a> LazyBytes<'a> {
    pub(crate) fn new(bundle: &'a Bundle, path: &'a str) -> Self {
        Self { bundle, path, bytes: OnceCell::new() }
    }

    /// The file's bytes, or why they cannot be read.
    pub(crate) fn get(&self) -> &Result<Vec<u8>, ReadError> {
        self.bytes.get_or_init(|| self.bundle.read(self.path))
    }
}
