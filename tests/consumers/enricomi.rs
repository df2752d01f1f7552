//! What EnricoMi/publish-unit-test-result-action, a GitHub action that publishes JUnit results,
//! shows as the check run's annotation for a failed or erroring test case: a model written here
//! (no code copied) of its public source, `python/publish/junit.py` (the case's `file` and `line`
//! attributes, its result element's `message` and text) and `python/publish/__init__.py`
//! (`get_case_annotation`, `message_is_contained_in_content`): the annotation is placed at the
//! case's `file` (else its classname, else `/`) and `line` (else 0); its title is `name
//! (classname) failed` or `… with error`; its details are the message, left out when the text
//! already starts with it (whitespace runs compared as one space), then the text and the case's
//! output. Skipped and passed cases get no annotation.

/// One annotation.
#[derive(Debug, Clone)]
pub(crate) struct Annotation {
    pub(crate) path: String,
    pub(crate) line: u32,
    pub(crate) title: String,
    /// `warning` for a failure, `failure` for an error.
    pub(crate) level: &'static str,
    pub(crate) details: String,
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The annotations of a JUnit file.
pub(crate) fn annotations(junit: &str) -> Vec<Annotation> {
    let document = roxmltree::Document::parse(junit).expect("lxml reads the file");
    let mut found = Vec::new();
    for case in document.descendants().filter(|node| node.has_tag_name("testcase")) {
        let result = case.children().find(|node| node.has_tag_name("failure") || node.has_tag_name("error"));
        let Some(result) = result else { continue };
        let name = case.attribute("name").unwrap_or("Unknown test");
        let classname = case.attribute("classname");
        let title = match classname {
            Some(classname) => format!("{name} ({classname})"),
            None => name.to_owned(),
        };
        let failure = result.has_tag_name("failure");
        let message = result.attribute("message").unwrap_or_default();
        let content = result.text().unwrap_or_default();
        let contained = !content.is_empty() && !message.is_empty() && squeeze(content).starts_with(&squeeze(message));
        let stdout = case.children().find(|node| node.has_tag_name("system-out")).and_then(|node| node.text());
        let details: Vec<&str> = [(!contained).then_some(message), Some(content), stdout]
            .into_iter()
            .flatten()
            .map(str::trim_end)
            .filter(|detail| !detail.is_empty())
            .collect();
        found.push(Annotation {
            path: case.attribute("file").or(classname).unwrap_or("/").to_owned(),
            line: case.attribute("line").and_then(|line| line.parse().ok()).unwrap_or(0),
            title: format!("{title} {}", if failure { "failed" } else { "with error" }),
            level: if failure { "warning" } else { "failure" },
            details: details.join("\n"),
        });
    }
    found
}

#[test]
fn the_model_leaves_out_a_message_the_text_starts_with() {
    let junit = r#"<testsuites><testsuite name="s">
        <testcase name="a" classname="c" file="x.xml" line="21"><failure message="first  (and 1 more)">first (and 1 more)

x.xml:21:27: first</failure></testcase>
        <testcase name="b"><failure message="first">x.xml:21:27: first</failure></testcase>
    </testsuite></testsuites>"#;
    let found = annotations(junit);
    assert_eq!(found[0].details.matches("first").count(), 2);
    assert_eq!((found[0].path.as_str(), found[0].line), ("x.xml", 21));
    assert_eq!(found[1].details, "first\nx.xml:21:27: first", "a message the text does not start with is repeated");
}
