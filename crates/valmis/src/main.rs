//! `valmis`: tells a health-IT vendor, in CI, whether its Kanta co-testing submission bundle is
//! ready, and why not. This binary is the edge: it parses arguments, reads and writes files,
//! maps results to exit codes, and leaves every decision to the library crates.

mod cli;
mod coverage;
mod init;
mod output;
mod pack;
mod probe;
mod run;
mod terminal;

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

/// mimalloc instead of the system allocator: a run allocates and frees one parse per document
/// on every thread, and glibc's malloc kept most of that freed memory resident (65 MiB for a
/// 10,000-document bundle whose live heap never exceeded 14 MiB; see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The last panic's message and place, kept by the hook for `main` to report.
static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn main() -> ExitCode {
    // The hook only records: a library may catch a panic of a dependency on hostile input and
    // turn it into a finding (valmis-pretest does so around calamine). A panic that reaches
    // `main` is a bug: one message, exit code 3, no trace.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{location}: {message}"));
        }
    }));
    match std::panic::catch_unwind(cli::run) {
        Ok(code) => ExitCode::from(code),
        Err(_) => {
            let detail = LAST_PANIC.lock().ok().and_then(|mut last| last.take()).unwrap_or_default();
            // `valmis requirements | head`: the reader went away. End quietly, with the status a
            // shell shows for a process ended by SIGPIPE, as Unix tools do. (SIGPIPE itself stays
            // ignored: the external validators are fed through pipes too.)
            if detail.contains("failed printing to stdout") && detail.contains("Broken pipe") {
                return ExitCode::from(141);
            }
            terminal::say_err!("valmis: internal error{detail}");
            terminal::say_err!("This is a bug in valmis; please report it with the command you ran.");
            ExitCode::from(exit::INTERNAL)
        }
    }
}
