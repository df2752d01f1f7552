//! From a rule's results to the report's outcomes: the requirement's texts, the status its
//! findings give, findings in report order, the file and line a test case points at.

use valmis_bundle::Bundle;
use valmis_model::{Finding, Outcome, Requirement, Severity, Status};

use crate::context::{SubjectResult, Verdict};

/// A requirement's texts, shared by all of its outcomes.
pub(crate) struct Texts {
    title: std::sync::Arc<str>,
    fix: std::sync::Arc<str>,
    reference: std::sync::Arc<str>,
}

impl Texts {
    pub(crate) fn of(requirement: &Requirement, lang: valmis_model::Lang) -> Self {
        let (title, _, fix) = requirement.texts(lang);
        Self { title: title.into(), fix: fix.trim().into(), reference: requirement.reference.as_str().into() }
    }
}

/// Errors first, then by place (borrowed: sorting 10,000 findings cloned 20,000 paths per pass).
fn finding_order(finding: &Finding) -> (std::cmp::Reverse<Severity>, Option<&str>, Option<u32>, Option<u32>) {
    let location = finding.location.as_ref();
    (
        std::cmp::Reverse(finding.severity),
        location.map(|location| location.path.as_str()),
        location.and_then(|location| location.line),
        location.and_then(|location| location.column),
    )
}

/// `listed`: a path already known to be a file of the bundle (the file the pass is checking),
/// which a result's paths are compared with before the bundle's list is searched.
pub(crate) fn to_outcome(
    bundle: &Bundle,
    requirement: &Requirement,
    texts: &Texts,
    result: SubjectResult,
    strict: bool,
    listed: Option<&str>,
) -> Outcome {
    let (status, mut findings) = match result.verdict {
        Verdict::Skipped(reason) => (Status::Skipped(reason), Vec::new()),
        Verdict::Error(reason) => (Status::Error(reason), Vec::new()),
        Verdict::Checked(findings) => {
            let worst = findings.iter().map(|finding| finding.severity).max();
            let status = match worst {
                None => Status::Passed,
                Some(Severity::Error) => Status::Failed,
                Some(Severity::Warning) if strict => Status::Failed,
                Some(Severity::Warning) => Status::Warned,
            };
            (status, findings)
        }
    };
    // Errors first, then by position, so that reports read top-down and are deterministic.
    findings.sort_by(|a, b| finding_order(a).cmp(&finding_order(b)).then_with(|| a.message.cmp(&b.message)));
    // A test case points where its first finding is (CI annotations land on that line), else at
    // the subject's file; never at a folder or the bundle itself, which are not files.
    let is_file = |path: &str| !path.is_empty() && (listed == Some(path) || bundle.entry(path).is_some());
    let (file, line) = match findings.iter().filter_map(|finding| finding.location.as_ref()).next() {
        Some(location) if is_file(&location.path) => (Some(location.path.clone()), location.line),
        _ => (result.file.filter(|file| is_file(file)), result.line),
    };
    for finding in &mut findings {
        if let Some(location) = &mut finding.location {
            location.path = bundle.display_path(&location.path);
        }
    }
    Outcome {
        requirement: requirement.id.clone(),
        area: requirement.area,
        title: texts.title.clone(),
        severity: requirement.severity,
        fix: texts.fix.clone(),
        reference: texts.reference.clone(),
        subject: result.subject,
        file: file.map(|file| bundle.display_path(&file)),
        line,
        status,
        findings,
        reruns: Vec::new(),
        time_us: None,
    }
}
