//! `valmis`: tells a health-IT vendor, in CI, whether its Kanta co-testing submission bundle is
//! ready, and why not. This binary is the edge: it parses arguments, reads and writes files,
//! maps results to exit codes, and leaves every decision to the library crates.

mod cli;
mod coverage;
mod init;
mod output;
mod probe;
mod run;

use std::process::ExitCode;

/// Exit codes (SPEC §2).
pub(crate) mod exit {
    /// Ready: no blocking finding.
    pub(crate) const READY: u8 = 0;
    /// Not ready: a blocking requirement failed or could not be evaluated.
    pub(crate) const NOT_READY: u8 = 1;
    /// Usage error: bad arguments, unreadable bundle, unusable catalog.
    pub(crate) const USAGE: u8 = 2;
    /// Internal error: a bug in valmis.
    pub(crate) const INTERNAL: u8 = 3;
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        eprintln!("valmis: internal error{location}: {message}");
        eprintln!("This is a bug in valmis; please report it with the command you ran.");
        std::process::exit(i32::from(exit::INTERNAL));
    }));
    ExitCode::from(cli::run())
}
