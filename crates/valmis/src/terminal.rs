//! Everything valmis prints for people goes through here: [`valmis_model::safe::terminal_text`]
//! masks real identity codes, escapes control characters and neutralises lines that a CI runner would read as workflow
//! commands, whatever bundle, catalog, waiver or server text they carry. Only the GitHub
//! annotations (`output::github`), which are workflow commands on purpose, are printed raw.

/// Standard output, one line (a line break is added).
pub(crate) fn out(text: &str) {
    let safe = valmis_model::safe::terminal_text(text, false);
    // As `println!`: a closed pipe ends the run (`main` turns it into status 141).
    println!("{safe}");
}

/// Standard error, one line (a line break is added).
pub(crate) fn err(text: &str) {
    let safe = valmis_model::safe::terminal_text(text, false);
    eprintln!("{safe}");
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
