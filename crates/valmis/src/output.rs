//! Writing report files without ever leaving a half-written one: write a temporary file next
//! to the target, then rename it over the target.

use std::io::Write as _;
use std::path::Path;

use crate::failure::output;
use crate::lang::tr;

/// What a command reads, which no file it writes may replace: a person's manifest, waivers or
/// key lost to a mistyped `--junit` is worse than any verdict.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Read<'a> {
    /// A file read whole: the waivers, the baseline, a client key, a shard; or a zip bundle.
    File(Input, &'a Path),
    /// A folder whose files are read (a catalog, a CDA schema set): every file in it is kept.
    Folder(Input, &'a Path),
    /// The bundle `verify` or `run` reads: a zip (the file itself), or a folder, of which its
    /// manifest.toml and every file in its folders (`pretest/`, `evidence/`, `connection/`,
    /// `documents/`, `forms/`, `plan/`) are kept. Anything else at a folder's root (an earlier
    /// report, a stray file BUNDLE-HYGIENE names) is not part of the layout and may be replaced,
    /// so that a bundle at `.` can have its reports in `target/`.
    Bundle(&'a Path),
    /// The bundle folder `pack` zips whole: every file in it is kept, except an earlier zip (one
    /// that starts with a zip signature), which pack replaces and leaves out of the new one.
    Packed(&'a Path),
}

/// What a read file is, worded by the `cli-output-replaces-input` message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    Bundle,
    BundleFile,
    PackedFile,
    Waivers,
    Baseline,
    ClientKey,
    Shard,
    Catalog,
    CdaSchema,
    Cases,
}

impl Input {
    fn key(self) -> &'static str {
        match self {
            Self::Bundle => "bundle",
            Self::BundleFile => "bundle-file",
            Self::PackedFile => "packed-file",
            Self::Waivers => "waivers",
            Self::Baseline => "baseline",
            Self::ClientKey => "client-key",
            Self::Shard => "shard",
            Self::Catalog => "catalog",
            Self::CdaSchema => "cda-schema",
            Self::Cases => "cases",
        }
    }
}

/// The folders of the bundle layout, whose files `Read::Bundle` keeps.
const LAYOUT: [&str; 6] = ["pretest", "evidence", "connection", "documents", "forms", "plan"];

impl Read<'_> {
    /// What `at` (a `location`) would replace of this input, if anything.
    fn replaced_by(self, at: &Path) -> Option<Input> {
        let exists = || at.symlink_metadata().is_ok();
        match self {
            Self::File(input, path) => {
                let same =
                    location(path).is_ok_and(|entry| entry == at) || path.canonicalize().is_ok_and(|file| file == at);
                same.then_some(input)
            }
            Self::Folder(input, path) => {
                let inside = path.canonicalize().is_ok_and(|folder| at.starts_with(folder));
                (inside && exists()).then_some(input)
            }
            Self::Bundle(path) if path.is_file() => Self::File(Input::Bundle, path).replaced_by(at),
            Self::Bundle(path) => {
                let folder = path.canonicalize().ok()?;
                let mut parts = at.strip_prefix(folder).ok()?.components();
                let first = parts.next()?.as_os_str();
                let kept = if parts.next().is_some() {
                    LAYOUT.iter().any(|name| first == *name)
                } else {
                    first == "manifest.toml"
                };
                (kept && exists()).then_some(Input::BundleFile)
            }
            Self::Packed(path) => {
                let inside = path.canonicalize().is_ok_and(|folder| at.starts_with(folder));
                (inside && exists() && !is_zip(at)).then_some(Input::PackedFile)
            }
        }
    }
}

/// Whether the file at `path` starts as a zip archive does (a local file header, or the end
/// record of an empty zip).
fn is_zip(path: &Path) -> bool {
    let mut start = [0_u8; 4];
    std::fs::File::open(path).and_then(|mut file| std::io::Read::read_exact(&mut file, &mut start)).is_ok()
        && matches!(&start, b"PK\x03\x04" | b"PK\x05\x06")
}

/// Where writing `path` puts a file: its folder resolved (links, `..`), then its own name,
/// which is not resolved, because a report replaces a link there and never writes through it.
/// A folder that does not exist yet is left as written, made absolute.
pub(crate) fn location(path: &Path) -> std::io::Result<std::path::PathBuf> {
    let path = std::path::absolute(path)?;
    Ok(match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => parent.canonicalize().map(|parent| parent.join(name)).unwrap_or(path),
        _ => path,
    })
}

/// Refuses, before anything runs, a report path that names a folder, that is no place for a
/// report (standard input), that two flags share (the second report would replace the first),
/// or that would replace a file the command reads (`reads`; the JSON report, `--json` or
/// merge's `<OUT>`, may replace the `--baseline` it is compared with, the one report meant to
/// become the next run's input): the command line is wrong (exit 2). A file that cannot be
/// written once the run is done is an output error (exit 4).
pub(crate) fn check_outputs(outputs: &[(&str, &Path)], reads: &[Read<'_>]) -> anyhow::Result<()> {
    for (flag, path) in outputs {
        // `target/new/` names a folder even before it exists.
        let slash = path.as_os_str().to_string_lossy().ends_with(std::path::is_separator);
        if path.is_dir() || slash {
            let example = match *flag {
                "--junit" => "junit.xml",
                "--sarif" => "valmis.sarif",
                "--gitlab-codequality" => "gl-code-quality-report.json",
                "--html" => "valmis.html",
                "--summary-md" => "summary.md",
                "--output" => "bundle.zip",
                _ => "valmis.json",
            };
            return Err(crate::failure::usage(tr!(
                "cli-report-is-folder",
                flag = *flag,
                path = path.display().to_string(),
                example = path.join(example).display().to_string()
            )));
        }
    }
    let mut written: Vec<(&str, std::path::PathBuf)> = Vec::new();
    for (flag, path) in outputs {
        let at = match sink(path) {
            Sink::Neither => {
                return Err(crate::failure::usage(tr!(
                    "cli-output-not-writable",
                    flag = *flag,
                    path = path.display().to_string()
                )));
            }
            Sink::Stdout => {
                // The report has standard output to itself: the verdict goes to standard error.
                crate::terminal::leave_stdout_to_a_report();
                std::path::PathBuf::from("/dev/stdout")
            }
            Sink::Stderr => std::path::PathBuf::from("/dev/stderr"),
            _ => location(path)
                .map_err(|_| crate::failure::usage(tr!("cli-cannot-resolve", path = path.display().to_string())))?,
        };
        if let Some((earlier, _)) = written.iter().find(|(_, earlier)| *earlier == at) {
            return Err(crate::failure::usage(tr!(
                "cli-output-twice",
                flag = *earlier,
                other = *flag,
                path = path.display().to_string()
            )));
        }
        for read in reads {
            match read.replaced_by(&at) {
                Some(Input::Baseline) if matches!(*flag, "--json" | "<OUT>") => {}
                Some(input) => {
                    return Err(crate::failure::usage(tr!(
                        "cli-output-replaces-input",
                        flag = *flag,
                        path = path.display().to_string(),
                        input = input.key()
                    )));
                }
                None => {}
            }
        }
        written.push((flag, at));
    }
    Ok(())
}

/// A temporary file in `folder` for a file valmis writes and then renames into place. It is
/// created with mode 0666 less the umask (0644 under the usual 022), as any file a program
/// writes: a report is read by the next CI job's user or a colleague, and tempfile's default
/// 0600 would hide it from them. The rename replaces the target's directory entry, so a symlink
/// at the target is replaced, never written through.
pub(crate) fn temporary_in(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".valmis-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// Where a report path sends the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// A file, replaced atomically.
    File,
    /// Standard output, by any of its names (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`).
    Stdout,
    /// Standard error, by any of its names.
    Stderr,
    /// Another stream: a descriptor the shell opened (`/dev/fd/63` of `--json >(jq .)`), or a
    /// FIFO or character device itself (`mkfifo`, `/dev/null`, a terminal).
    Stream,
    /// Nothing a report can go to: standard input, a block device, a socket.
    Neither,
}

/// What `path` names. A stream is written straight through: there is no file to replace, and a
/// temporary file renamed over `/dev/stdout` would (as root, common in CI containers) replace
/// the system's link instead of printing anything. A link elsewhere that points at a device is
/// still replaced, never written through: only the system's names of descriptors are followed.
fn sink(path: &Path) -> Sink {
    let descriptor = |prefix: &str| path.strip_prefix(prefix).ok().and_then(|rest| rest.to_str()?.parse::<u32>().ok());
    match path.to_str() {
        // `-`, as for every Unix tool (a file named `-` is `./-`).
        Some("/dev/stdout" | "-") => return Sink::Stdout,
        Some("/dev/stderr") => return Sink::Stderr,
        Some("/dev/stdin") => return Sink::Neither,
        _ => {}
    }
    match descriptor("/dev/fd").or_else(|| descriptor("/proc/self/fd")) {
        Some(0) => return Sink::Neither,
        Some(1) => return Sink::Stdout,
        Some(2) => return Sink::Stderr,
        Some(_) => return Sink::Stream,
        None => {}
    }
    node(path)
}

/// What the directory entry at `path` itself is (its link not followed).
#[cfg(unix)]
fn node(path: &Path) -> Sink {
    use std::os::unix::fs::FileTypeExt as _;
    match path.symlink_metadata().map(|meta| meta.file_type()) {
        Ok(kind) if kind.is_fifo() || kind.is_char_device() => Sink::Stream,
        Ok(kind) if kind.is_block_device() || kind.is_socket() => Sink::Neither,
        _ => Sink::File,
    }
}

#[cfg(not(unix))]
fn node(_: &Path) -> Sink {
    Sink::File
}

/// Whether `path` names a stream or device rather than a file (for `pack`, which writes a zip
/// file and then names it).
pub(crate) fn is_stream(path: &Path) -> bool {
    sink(path) != Sink::File
}

/// Writes a report to `path`: to a stream straight through, to a file atomically (see
/// `write_atomically_with`). Any failure is an output error (exit 4) naming the path.
pub(crate) fn write_report_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let failed = |error: &dyn std::fmt::Display| write_failed(path, error);
    let mut stream: Box<dyn std::io::Write + Send> = match sink(path) {
        Sink::File | Sink::Neither => return write_atomically_with(path, write),
        Sink::Stdout => Box::new(std::io::stdout()),
        Sink::Stderr => Box::new(std::io::stderr()),
        Sink::Stream => {
            Box::new(std::fs::OpenOptions::new().write(true).truncate(true).open(path).map_err(|error| failed(&error))?)
        }
    };
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut stream);
    write(&mut buffered).map_err(|error| failed(&error))?;
    buffered.flush().map_err(|error| failed(&error))
}

/// The output error (exit 4) of a file or stream that could not be written.
fn write_failed(path: &Path, error: &dyn std::fmt::Display) -> anyhow::Error {
    output(tr!("cli-write-failed", path = path.display().to_string(), reason = format!("{error:#}")))
}

/// `write_report_with` for a report rendered whole.
pub(crate) fn write_report(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_report_with(path, |out| out.write_all(bytes).map_err(anyhow::Error::from))
}

/// Writes `bytes` to `path` atomically, creating missing parent folders.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes).map_err(anyhow::Error::from))
}

/// Writes to `path` atomically whatever `write` writes (buffered), creating missing parent
/// folders: large reports are streamed to the temporary file instead of built in memory. Any
/// failure is an output error (exit 4) naming the file.
pub(crate) fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|error| {
        output(tr!("cli-folder-failed", path = parent.display().to_string(), reason = error.to_string()))
    })?;
    let mut temporary = temporary_in(parent).map_err(|error| {
        output(tr!("cli-temporary-failed", path = parent.display().to_string(), reason = error.to_string()))
    })?;
    let failed = |error: &dyn std::fmt::Display| write_failed(path, error);
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, temporary.as_file_mut());
        write(&mut buffered).map_err(|error| failed(&error))?;
        buffered.flush().map_err(|error| failed(&error))?;
    }
    temporary.as_file().sync_all().map_err(|error| failed(&error))?;
    temporary.persist(path).map_err(|error| failed(&error.error))?;
    Ok(())
}

/// Under GitHub Actions: the findings as workflow-command annotations on standard output, or
/// standard error when a report has standard output (the runner reads both; worst first, within GitHub's per-step budget), and the Markdown summary appended to the file
/// `$GITHUB_STEP_SUMMARY` names, unless `--summary-md` (`summary_md`) already wrote it there.
pub(crate) fn github(
    report: &valmis_model::Report,
    paths: &valmis_report::PathOptions,
    summary_md: Option<&Path>,
) -> anyhow::Result<()> {
    let annotations = valmis_report::render_github_annotations(report, paths);
    crate::terminal::write_annotations(&annotations);
    let summary = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|value| !value.is_empty());
    if let Some(summary) = summary.filter(|summary| !summary_md.is_some_and(|md| same_file(md, Path::new(summary)))) {
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&summary).map_err(|error| {
            output(tr!(
                "cli-step-summary-open",
                path = Path::new(&summary).display().to_string(),
                reason = error.to_string()
            ))
        })?;
        file.write_all(valmis_report::render_markdown(report, paths).as_bytes()).map_err(|error| {
            output(tr!(
                "cli-step-summary-write",
                path = Path::new(&summary).display().to_string(),
                reason = error.to_string()
            ))
        })?;
    }
    Ok(())
}

/// Whether two paths name one existing file (by device and inode: `./x` and `x`, or a link).
#[cfg(unix)]
fn same_file(one: &Path, other: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (std::fs::metadata(one), std::fs::metadata(other)) {
        (Ok(one), Ok(other)) => one.dev() == other.dev() && one.ino() == other.ino(),
        _ => false,
    }
}

/// Whether two paths name one existing file (the same path once resolved).
#[cfg(not(unix))]
fn same_file(one: &Path, other: &Path) -> bool {
    matches!((std::fs::canonicalize(one), std::fs::canonicalize(other)), (Ok(one), Ok(other)) if one == other)
}

#[cfg(test)]
mod tests {
    use super::{Sink, sink};
    use std::path::Path;

    /// Standard output and error by every name, other descriptors, FIFOs and character devices are
    /// streams; standard input is no place for a report; anything else, a link to a device
    /// included, is a file replaced atomically (the link, never what it points at).
    #[test]
    fn a_report_path_is_a_stream_only_by_a_descriptors_name_or_its_own_kind() {
        for (path, expected) in [
            ("/dev/stdout", Sink::Stdout),
            ("/dev/fd/1", Sink::Stdout),
            ("/proc/self/fd/1", Sink::Stdout),
            ("/dev/stderr", Sink::Stderr),
            ("/dev/fd/2", Sink::Stderr),
            ("/dev/fd/63", Sink::Stream),
            ("/proc/self/fd/3", Sink::Stream),
            ("/dev/stdin", Sink::Neither),
            ("/dev/fd/0", Sink::Neither),
            ("/dev/fd/x", Sink::File),
            ("target/valmis/junit.xml", Sink::File),
        ] {
            assert_eq!(sink(Path::new(path)), expected, "{path}");
        }
        #[cfg(unix)]
        {
            assert_eq!(sink(Path::new("/dev/null")), Sink::Stream);
            let temp = tempfile::tempdir().expect("tempdir");
            let link = temp.path().join("junit.xml");
            std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
            assert_eq!(sink(&link), Sink::File, "a link is replaced, not written through");
            let fifo = temp.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|status| status.success()) {
                assert_eq!(sink(&fifo), Sink::Stream);
            }
        }
    }
}
