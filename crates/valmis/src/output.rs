//! Writing report files without ever leaving a half-written one: write a temporary file next
//! to the target, then rename it over the target.

use std::io::Write as _;
use std::path::Path;

use crate::failure::output;
use crate::lang::tr;

/// Refuses, before anything runs, a report path that names a folder: the command line is wrong
/// (exit 2). A file that cannot be written once the run is done is an output error (exit 4).
pub(crate) fn check_outputs(outputs: &[(&str, &Path)]) -> anyhow::Result<()> {
    for (flag, path) in outputs {
        if path.is_dir() {
            let example = match *flag {
                "--junit" => "junit.xml",
                "--sarif" => "valmis.sarif",
                "--gitlab-codequality" => "gl-code-quality-report.json",
                "--html" => "valmis.html",
                "--summary-md" => "summary.md",
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
    let failed = |error: &dyn std::fmt::Display| {
        output(tr!("cli-write-failed", path = path.display().to_string(), reason = format!("{error:#}")))
    };
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, temporary.as_file_mut());
        write(&mut buffered).map_err(|error| failed(&error))?;
        buffered.flush().map_err(|error| failed(&error))?;
    }
    temporary.as_file().sync_all().map_err(|error| failed(&error))?;
    temporary.persist(path).map_err(|error| failed(&error.error))?;
    Ok(())
}

/// Under GitHub Actions: the findings as workflow-command annotations on standard output (worst
/// first, within GitHub's per-step budget), and the Markdown summary appended to the file
/// `$GITHUB_STEP_SUMMARY` names.
pub(crate) fn github(report: &valmis_model::Report, paths: &valmis_report::PathOptions) -> anyhow::Result<()> {
    let annotations = valmis_report::render_github_annotations(report, paths);
    if let Err(error) = std::io::stdout().lock().write_all(annotations.as_bytes()) {
        crate::terminal::stdout_failed(&error);
    }
    if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|value| !value.is_empty()) {
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
