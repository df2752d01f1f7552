//! What GitLab's pipeline "Tests" tab shows for a JUnit file: a model written here (no code
//! copied) of two public sources, since GitLab's Ruby parser is not packaged for this machine.
//!
//! - gitlabhq `lib/gitlab/ci/parsers/test/junit.rb`: the file becomes a Ruby hash with
//!   `Hash.from_xml`; every `<testcase>` under a `<testsuite>` is a case; its status is that of the
//!   first of `failure`, `error`, `skipped` it has (else success), and the "system output" GitLab
//!   shows is that child element as `Hash.from_xml` converted it; `file` and `time` (as the
//!   execution time) are read from the test case's attributes.
//! - Rails `activesupport/lib/active_support/core_ext/hash/conversions.rb`, `XMLConverter`
//!   (`process_hash`, `become_content?`, `become_empty_string?`, `nothing?`, `garbage?`): an element
//!   with text becomes that text (when it has no other key, or the text is not blank); one with
//!   only attributes becomes a hash of them, which GitLab prints as it is (`{"message"=>"…"}`);
//!   one with nothing becomes nil.

use std::collections::BTreeMap;

/// What `Hash.from_xml` made of a status element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Converted {
    /// The element's text: what a person wants to read.
    Text(String),
    /// Its attributes, shown as a Ruby hash: `{"message"=>"…", "type"=>"error"}`.
    Hash(BTreeMap<String, String>),
    /// Nothing at all.
    Nil,
}

impl Converted {
    /// As GitLab's view prints it.
    pub(crate) fn shown(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Hash(attributes) => {
                let pairs: Vec<String> = attributes.iter().map(|(key, value)| format!("{key:?}=>{value:?}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }
            Self::Nil => String::new(),
        }
    }
}

/// One test case as GitLab keeps it.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub(crate) suite: String,
    pub(crate) name: String,
    pub(crate) file: Option<String>,
    pub(crate) execution_time: Option<String>,
    /// `success`, `failed`, `error` or `skipped`.
    pub(crate) status: &'static str,
    pub(crate) system_output: Option<Converted>,
}

/// ActiveSupport's conversion of one element that has no child elements.
fn convert(element: roxmltree::Node<'_, '_>) -> Converted {
    let attributes: BTreeMap<String, String> =
        element.attributes().map(|attribute| (attribute.name().to_owned(), attribute.value().to_owned())).collect();
    let text: String = element.children().filter(|node| node.is_text()).filter_map(|node| node.text()).collect();
    let has_text = !text.is_empty();
    let kind = attributes.get("type").map(String::as_str);
    if kind == Some("file") || (has_text && (attributes.is_empty() || !text.trim().is_empty())) {
        return Converted::Text(text);
    }
    if kind == Some("string") && attributes.get("nil").map(String::as_str) != Some("true") {
        return Converted::Text(String::new());
    }
    let nothing =
        (attributes.is_empty() && text.trim().is_empty()) || attributes.get("nil").map(String::as_str) == Some("true");
    let garbage = kind.is_some() && attributes.len() == 1 && !has_text;
    if nothing || garbage {
        return Converted::Nil;
    }
    Converted::Hash(attributes)
}

/// Every test case of a JUnit file, as GitLab's parser reads it.
pub(crate) fn parse(junit: &str) -> Vec<Case> {
    let document = roxmltree::Document::parse(junit).expect("GitLab's parser (Nokogiri) reads the file");
    let mut cases = Vec::new();
    for suite in document.descendants().filter(|node| node.has_tag_name("testsuite")) {
        for case in suite.children().filter(|node| node.has_tag_name("testcase")) {
            let child = |tag: &str| case.children().find(|node| node.has_tag_name(tag));
            let (status, output) = if let Some(failure) = child("failure") {
                ("failed", Some(convert(failure)))
            } else if let Some(error) = child("error") {
                ("error", Some(convert(error)))
            } else if let Some(skipped) = child("skipped") {
                ("skipped", Some(convert(skipped)))
            } else {
                ("success", None)
            };
            cases.push(Case {
                suite: suite.attribute("name").unwrap_or_default().to_owned(),
                name: case.attribute("name").unwrap_or_default().to_owned(),
                file: case.attribute("file").map(str::to_owned),
                execution_time: case.attribute("time").map(str::to_owned),
                status,
                system_output: output,
            });
        }
    }
    cases
}

#[test]
fn the_model_turns_an_element_without_text_into_a_hash_as_activesupport_does() {
    let junit = r#"<testsuites><testsuite name="s">
        <testcase name="a"><skipped message="waived"/></testcase>
        <testcase name="b"><skipped message="waived">waived</skipped></testcase>
        <testcase name="c"><skipped/></testcase>
        <testcase name="d" time="0.5"><failure message="m" type="error">body</failure></testcase>
    </testsuite></testsuites>"#;
    let cases = parse(junit);
    let shown: Vec<String> =
        cases.iter().map(|case| case.system_output.as_ref().map(Converted::shown).unwrap_or_default()).collect();
    assert_eq!(shown, [r#"{"message"=>"waived"}"#, "waived", "", "body"]);
    assert_eq!(cases[3].status, "failed");
    assert_eq!(cases[3].execution_time.as_deref(), Some("0.5"));
}
