//! Everything valmis prints for people goes through here: [`valmis_model::safe::terminal_text`]
//! masks real identity codes, escapes control characters and neutralises lines that a CI runner would read as workflow
//! commands, whatever bundle, catalog, waiver or server text they carry. Only the GitHub
//! annotations (`output::github`), which are workflow commands on purpose, are printed raw.
//! When a report goes to standard output (`--json -`), all of it goes to standard error.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether what valmis prints for people goes to standard error: set when a report goes to
/// standard output (`--json -`), which then holds the report and nothing else.
static FOR_PEOPLE_ON_STDERR: AtomicBool = AtomicBool::new(false);

/// The most columns prose is laid out in, however wide the terminal: longer lines are hard to
/// read.
pub(crate) const MAX_PROSE_WIDTH: usize = 100;

/// The width to lay out text for people in: `COLUMNS` when it is set to a number (20 or more),
/// else the terminal's when standard output is one. `None` when standard output is a pipe or a
/// file, where every line stays whole for the tools that read it.
pub(crate) fn width() -> Option<usize> {
    use std::io::IsTerminal as _;
    let columns = std::env::var("COLUMNS").ok().and_then(|columns| columns.trim().parse::<usize>().ok());
    if let Some(columns) = columns.filter(|&columns| columns >= 20) {
        return Some(columns);
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(terminal_size::Width(columns), _)| usize::from(columns))
}

/// `text` wrapped at `width` columns (see [`prose`]), each line indented by `indent`.
pub(crate) fn wrapped(text: &str, width: usize, indent: &str) -> String {
    textwrap::fill(text, prose(width).initial_indent(indent).subsequent_indent(indent))
}

/// `text` wrapped at `width` columns (see [`prose`]), its continued lines indented by `indent`.
pub(crate) fn wrapped_hanging(text: &str, width: usize, indent: &str) -> String {
    textwrap::fill(text, prose(width).subsequent_indent(indent))
}

/// Lines are broken at spaces only: never inside a word, nor at a word's hyphens, which would
/// cut `--client-key` or `1234567-1` in two.
fn prose(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).break_words(false).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// From now on, what valmis prints for people goes to standard error.
pub(crate) fn leave_stdout_to_a_report() {
    FOR_PEOPLE_ON_STDERR.store(true, Ordering::Relaxed);
}

/// Standard output, one line (a line break is added); standard error when a report has
/// standard output.
pub(crate) fn out(text: &str) {
    if FOR_PEOPLE_ON_STDERR.load(Ordering::Relaxed) {
        return err(text);
    }
    let safe = valmis_model::safe::terminal_text(text, false);
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{safe}") {
        stdout_failed(&error);
    }
}

/// A command's closing text for people (the verdict, a run's summary), as [`write_raw_safe`]
/// writes it, to standard output, or to standard error when a report has standard output.
pub(crate) fn write_for_people(text: &str, color: bool) -> std::io::Result<()> {
    let choice = if color { anstream::ColorChoice::Always } else { anstream::ColorChoice::Never };
    if FOR_PEOPLE_ON_STDERR.load(Ordering::Relaxed) {
        write_raw_safe(&mut anstream::AutoStream::new(std::io::stderr(), choice), text, color)
    } else {
        write_raw_safe(&mut anstream::AutoStream::new(std::io::stdout(), choice), text, color)
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

/// GitHub workflow commands, raw (they are commands on purpose), where [`out`] writes: the
/// runner reads them from standard error too.
pub(crate) fn write_annotations(annotations: &str) {
    if FOR_PEOPLE_ON_STDERR.load(Ordering::Relaxed) {
        let _ = std::io::stderr().lock().write_all(annotations.as_bytes());
    } else if let Err(error) = std::io::stdout().lock().write_all(annotations.as_bytes()) {
        stdout_failed(&error);
    }
}

/// `writer` without an added line break; `color` keeps valmis's own colours.
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
