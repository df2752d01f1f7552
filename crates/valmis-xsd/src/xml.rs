//! Schema documents as a small owned tree: only the elements in the XML Schema namespace (the
//! annotations skipped), each with its unqualified attributes and the namespace declarations in
//! scope, so that `type="CE"` can be resolved after the roxmltree document is gone.

use std::rc::Rc;

use valmis_i18n::{Msg, msg};

pub(crate) const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// A qualified name; an empty namespace means none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct QName {
    pub(crate) ns: String,
    pub(crate) local: String,
}

impl QName {
    pub(crate) fn new(ns: &str, local: &str) -> Self {
        Self { ns: ns.to_owned(), local: local.to_owned() }
    }
}

/// A local name's length and first seven bytes in one number. Names that differ there (nearly
/// all of a content model's or a type's attributes) are told apart by comparing two numbers
/// instead of two strings; equal keys still compare the names.
pub(crate) fn name_key(local: &str) -> u64 {
    let bytes = local.as_bytes();
    let mut key = (bytes.len().min(255) as u64) << 56;
    for (index, &byte) in bytes.iter().take(7).enumerate() {
        key |= u64::from(byte) << (8 * index);
    }
    key
}

/// Whether two names whose `name_key`s are equal are the same name. The key holds the length
/// (when below 255) and the first seven bytes, so a local name of at most seven bytes is already
/// known to be equal, and a longer one is compared from its eighth byte on; the namespaces are
/// compared by length first, which settles the common case of two unqualified names without
/// reading either.
#[inline]
pub(crate) fn same_name_given_key(local: &str, other_local: &str, ns: &str, other_ns: &str) -> bool {
    debug_assert_eq!(name_key(local), name_key(other_local));
    let locals_equal = local.len() <= 7 || local.as_bytes()[7..] == other_local.as_bytes()[7.min(other_local.len())..];
    locals_equal && ns.len() == other_ns.len() && (ns.is_empty() || ns == other_ns)
}

impl std::fmt::Display for QName {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ns.is_empty() {
            formatter.write_str(&self.local)
        } else {
            write!(formatter, "{{{}}}{}", self.ns, self.local)
        }
    }
}

/// Namespace declarations in scope: (prefix, URI); `None` is the default namespace.
pub(crate) type Scope = Rc<Vec<(Option<String>, String)>>;

/// An element of a schema document.
#[derive(Debug)]
pub(crate) struct XNode {
    pub(crate) local: String,
    pub(crate) attributes: Vec<(String, String)>,
    pub(crate) children: Vec<XNode>,
    pub(crate) scope: Scope,
    /// 1-based line in its schema document, for error messages.
    pub(crate) line: u32,
}

impl XNode {
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a XNode> + 'a {
        self.children.iter().filter(move |child| child.local == name)
    }

    pub(crate) fn child(&self, name: &str) -> Option<&XNode> {
        self.children.iter().find(|child| child.local == name)
    }
}

/// One parsed schema document.
#[derive(Debug)]
pub(crate) struct SchemaDoc {
    pub(crate) location: String,
    /// The target namespace its components get: its own, or the including document's for a
    /// chameleon include.
    pub(crate) target: String,
    /// It declares no target namespace but was included into one: unqualified references in it
    /// mean the including namespace.
    pub(crate) chameleon: bool,
    pub(crate) element_qualified: bool,
    pub(crate) attribute_qualified: bool,
    pub(crate) root: XNode,
}

impl SchemaDoc {
    /// Parses a schema document; `including_target` is the target namespace of the document that
    /// includes it (for chameleon includes).
    pub(crate) fn parse(location: &str, text: &str, including_target: Option<&str>) -> Result<Self, Msg> {
        let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: 2_000_000, ..Default::default() };
        let document = roxmltree::Document::parse_with_options(text, options)
            .map_err(|error| msg!("xsd-not-well-formed", location = location, error = error.to_string()))?;
        let root = document.root_element();
        if root.tag_name().namespace() != Some(XS) || root.tag_name().name() != "schema" {
            return Err(msg!("xsd-not-schema", location = location));
        }
        let declared = root.attribute("targetNamespace").unwrap_or_default().to_owned();
        let chameleon = declared.is_empty() && including_target.is_some_and(|target| !target.is_empty());
        let target = if chameleon { including_target.unwrap_or_default().to_owned() } else { declared };
        let element_qualified = root.attribute("elementFormDefault") == Some("qualified");
        let attribute_qualified = root.attribute("attributeFormDefault") == Some("qualified");
        Ok(Self {
            location: location.to_owned(),
            target,
            chameleon,
            element_qualified,
            attribute_qualified,
            root: convert(&LineStarts::new(text), root),
        })
    }

    /// Resolves a QName-valued attribute (`hl7:II`, `CE`, `xs:string`) of `node`.
    pub(crate) fn resolve(&self, node: &XNode, value: &str) -> Result<QName, Msg> {
        let value = value.trim();
        let (prefix, local) = match value.split_once(':') {
            Some((prefix, local)) => (Some(prefix), local),
            None => (None, value),
        };
        let ns =
            node.scope.iter().rev().find(|(declared, _)| declared.as_deref() == prefix).map(|(_, uri)| uri.clone());
        let ns = match (ns, prefix) {
            (Some(ns), _) => ns,
            (None, None) => String::new(),
            (None, Some(prefix)) => {
                return Err(msg!(
                    "xsd-prefix-undeclared",
                    location = &self.location,
                    line = node.line.to_string(),
                    prefix = prefix,
                    value = value
                ));
            }
        };
        let ns = if ns.is_empty() && self.chameleon { self.target.clone() } else { ns };
        Ok(QName { ns, local: local.to_owned() })
    }
}

/// Byte offsets where lines start, for line numbers in linear time (roxmltree's `text_pos_at`
/// counts from the start of the text on every call).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> Self {
        Self(std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect())
    }

    fn line(&self, offset: usize) -> u32 {
        u32::try_from(self.0.partition_point(|start| *start <= offset)).unwrap_or(u32::MAX)
    }
}

fn convert(lines: &LineStarts, node: roxmltree::Node<'_, '_>) -> XNode {
    let scope: Vec<(Option<String>, String)> =
        node.namespaces().map(|ns| (ns.name().map(str::to_owned), ns.uri().to_owned())).collect();
    let scope = Rc::new(scope);
    convert_in(lines, node, &scope)
}

fn convert_in(lines: &LineStarts, node: roxmltree::Node<'_, '_>, scope: &Scope) -> XNode {
    // Namespace declarations rarely change below the schema element: share the scope then.
    let own: Vec<(Option<String>, String)> =
        node.namespaces().map(|ns| (ns.name().map(str::to_owned), ns.uri().to_owned())).collect();
    let scope = if own == **scope { Rc::clone(scope) } else { Rc::new(own) };
    let children = node
        .children()
        .filter(|child| child.is_element() && child.tag_name().namespace() == Some(XS))
        .filter(|child| child.tag_name().name() != "annotation")
        .map(|child| convert_in(lines, child, &scope))
        .collect();
    XNode {
        local: node.tag_name().name().to_owned(),
        attributes: node
            .attributes()
            .filter(|attribute| attribute.namespace().is_none())
            .map(|attribute| (attribute.name().to_owned(), attribute.value().to_owned()))
            .collect(),
        children,
        line: lines.line(node.range().start),
        scope,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{name_key, same_name_given_key};

    proptest! {
        /// Names from a two-letter alphabet share keys often (and 255-byte ones saturate the
        /// length), so the comparison after an equal key is exercised on near misses.
        #[test]
        fn equal_keys_then_the_same_name_exactly_when_the_strings_are(
            local in "[ab]{0,12}|[ab]{250,260}",
            other in "[ab]{0,12}|[ab]{250,260}",
            ns in prop::sample::select(vec!["", "urn:hl7-org:v3", "urn:hl7-org:v4", "urn:hl7finland"]),
            other_ns in prop::sample::select(vec!["", "urn:hl7-org:v3", "urn:hl7-org:v4", "urn:hl7finland"]),
        ) {
            if name_key(&local) == name_key(&other) {
                prop_assert_eq!(
                    same_name_given_key(&local, &other, ns, other_ns),
                    local == other && ns == other_ns
                );
            }
        }
    }

    #[test]
    fn near_misses() {
        for (a, b, same) in [
            ("code", "code", true),
            ("codeSystem", "codeSystem", true),
            ("codeSystem", "codeSystex", false),
            ("displayName", "displayNamf", false),
            ("abcdefg", "abcdefg", true),
        ] {
            assert_eq!(name_key(a), name_key(b));
            assert_eq!(same_name_given_key(a, b, "", ""), same, "{a} {b}");
            assert!(!same_name_given_key(a, b, "", "urn:hl7-org:v3"));
        }
        let long = "a".repeat(300);
        let longer = "a".repeat(301);
        assert_eq!(name_key(&long), name_key(&longer));
        assert!(!same_name_given_key(&long, &longer, "", ""));
    }
}
