//! Everything valmis prints for people goes through here: [`valmis_model::safe::terminal_text`]
//! masks real identity codes, escapes control characters and neutralises lines that a CI runner would read as workflow
//! commands, whatever bundle, catalog, waiver or server text they carry. Only the GitHub
//! annotations (`output::github`), which are workflow commands on purpose, are printed raw.

use std::io::Write as _;

/// Standard output, one line (a line break is added).
pub(crate) fn out(text: &str) {
    let safe = valmis_model::safe::terminal_text(text, false);
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{safe}") {
        stdout_failed(&error);
    }
}

/// Standard output cannot be written. A reader that went away (`valmis requirements | head`)
/// ends the run quietly with the status a shell shows for a process ended by SIGPIPE (141), as
/// Unix tools do; SIGPIPE itself stays ignored, because external validators are fed through
/// pipes too. Any other failure (a full disk under `> file`) is said on standard error, exit 3.
pub(crate) fn stdout_failed(error: &std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(141);
    }
    err(&crate::lang::tr!("cli-error", message = crate::lang::tr!("cli-stdout-failed", reason = error.to_string())));
    std::process::exit(i32::from(crate::exit::INTERNAL));
}

/// Standard error, one line (a line break is added). A standard error nobody reads any more
/// (`valmis … 2>&1 | head -1`) is not a reason to stop: the message is lost, and the run goes on
/// to its own exit code (`eprintln!` panicked there, exit 101).
pub(crate) fn err(text: &str) {
    let safe = valmis_model::safe::terminal_text(text, false);
    let _ = writeln!(std::io::stderr().lock(), "{safe}");
}

/// Standard output without an added line break; `color` keeps valmis's own colours.
pub(crate) fn write_raw_safe(writer: &mut dyn std::io::Write, text: &str, color: bool) -> std::io::Result<()> {
    writer.write_all(valmis_model::safe::terminal_text(text, color).as_bytes())
}

/// `println!` through the terminal filter.
macro_rules! say {
    () => { $crate::terminal::out("") };
    ($($arg:tt)*) => { $crate::terminal::out(&format!($($arg)*)) };
}

/// `eprintln!` through the terminal filter.
macro_rules! say_err {
    ($($arg:tt)*) => { $crate::terminal::err(&format!($($arg)*)) };
}

pub(crate) use {say, say_err};
