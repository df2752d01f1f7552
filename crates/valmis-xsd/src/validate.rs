//! Validating a roxmltree document against a compiled schema: one walk over the elements, each
//! element's children stepped through its type's automaton, attributes and text checked against
//! their simple types, `ID`s and `IDREF`s matched at the end.

use std::collections::HashMap;
use std::ops::Range;

use roxmltree::{Document, Node};
use valmis_i18n::{Msg, msg};

use crate::Violation;
use crate::dfa::{Dfa, step};
use crate::model::{Automaton, ComplexType, Content, ElementId, Process, Schema, Term, Type, TypeId, Variety};
use crate::simple::{Builtin, Facets, compare_numbers, is_lexical, lexical, shorten};
use crate::xml::{QName, name_key, same_name_given_key};

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// Deepest recursion through simple types (a restriction of a union of lists ...).
const MAX_TYPE_DEPTH: usize = 64;
/// Deepest element nesting validated: the walk recurses, and a hostile document may nest a
/// hundred thousand elements (Kela's documents nest about thirty).
const MAX_DEPTH: usize = 256;

struct Validator<'s> {
    schema: &'s Schema,
    found: Vec<Violation>,
    limit: usize,
    more: usize,
    ids: HashMap<String, Range<usize>>,
    references: Vec<(String, Range<usize>)>,
    too_deep: bool,
    /// Per automaton state, the epoch of the step that last reached it.
    marks: Vec<u64>,
    epoch: u64,
    /// State sets of content models being stepped, kept for reuse (one pair per open element).
    spare: Vec<Vec<usize>>,
    /// Whether content models are stepped by their DFAs (always, but in the tests that compare
    /// the two ways).
    use_dfa: bool,
}

pub(crate) fn validate(schema: &Schema, document: &Document<'_>, limit: usize) -> Vec<Violation> {
    validate_with(schema, document, limit, true)
}

pub(crate) fn validate_with(schema: &Schema, document: &Document<'_>, limit: usize, use_dfa: bool) -> Vec<Violation> {
    let mut validator = Validator {
        schema,
        found: Vec::new(),
        limit: limit.max(1),
        more: 0,
        ids: HashMap::new(),
        references: Vec::new(),
        too_deep: false,
        marks: Vec::new(),
        epoch: 0,
        spare: Vec::new(),
        use_dfa,
    };
    let root = document.root_element();
    match schema.global_elements.get(&qname(root)) {
        Some(&id) => validator.element(root, id, 0),
        None => {
            let mut declared: Vec<&str> = schema.global_elements.keys().map(|name| name.local.as_str()).collect();
            declared.sort_unstable();
            declared.truncate(8);
            validator.report(
                tag(root),
                msg!("xsd-root-undeclared", name = root.tag_name().name(), declared = declared.join(", ")),
            );
        }
    }
    let references = std::mem::take(&mut validator.references);
    for (reference, range) in references {
        if !validator.ids.contains_key(&reference) {
            validator.report(range, msg!("xsd-idref", reference = shorten(&reference)));
        }
    }
    validator.finish()
}

fn qname(node: Node<'_, '_>) -> QName {
    QName::new(node.tag_name().namespace().unwrap_or_default(), node.tag_name().name())
}

/// The start tag's name, where a finding about an element points.
fn tag(node: Node<'_, '_>) -> Range<usize> {
    let start = node.range().start;
    start..start + 1 + node.tag_name().name().len()
}

/// An element's text content (its text and CDATA children, joined) and where it starts.
fn text_of(node: Node<'_, '_>) -> (String, Range<usize>) {
    let mut text = String::new();
    let mut range = None;
    for child in node.children().filter(Node::is_text) {
        text.push_str(child.text().unwrap_or_default());
        range.get_or_insert(child.range());
    }
    (text, range.unwrap_or_else(|| tag(node)))
}

/// Whether a text is XML white space only. Bytes, not characters: each of the four is one byte,
/// and no byte of a character outside ASCII is one of them.
fn is_blank(text: &str) -> bool {
    text.bytes().all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
}

impl<'s> Validator<'s> {
    fn report(&mut self, range: Range<usize>, message: Msg) {
        if self.found.len() < self.limit {
            self.found.push(Violation { range, message });
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<Violation> {
        if self.more > 0
            && let Some(last) = self.found.last()
        {
            let range = last.range.clone();
            let more = self.more;
            self.found.push(Violation { range, message: msg!("xsd-more", more = more) });
        }
        self.found
    }

    /// Whether `node` is nested too deep to be validated (reported once per document).
    fn too_deep(&mut self, node: Node<'_, '_>, depth: usize) -> bool {
        if depth <= MAX_DEPTH {
            return false;
        }
        if !self.too_deep {
            self.too_deep = true;
            self.report(tag(node), msg!("xsd-too-deep", depth = MAX_DEPTH));
        }
        true
    }

    fn element(&mut self, node: Node<'_, '_>, declaration: ElementId, depth: usize) {
        if self.too_deep(node, depth) {
            return;
        }
        let schema = self.schema;
        let Some(decl) = schema.elements.get(declaration) else { return };
        let name = node.tag_name().name();
        let mut type_id = decl.type_id;
        if let Some(value) = node.attribute((XSI, "type")) {
            let (prefix, local) = match value.trim().split_once(':') {
                Some((prefix, local)) => (Some(prefix), local),
                None => (None, value.trim()),
            };
            let ns = node.lookup_namespace_uri(prefix).unwrap_or_default();
            let Some(&named) = schema.global_types.get(&QName::new(ns, local)) else {
                self.report(tag(node), msg!("xsd-xsi-type-unknown", name = name, value = value));
                return;
            };
            if !schema.derives_from(named, type_id) {
                self.report(
                    tag(node),
                    msg!("xsd-xsi-type-not-derived", name = name, value = value, declared = schema.type_name(type_id)),
                );
            }
            type_id = named;
        }
        let nil = matches!(node.attribute((XSI, "nil")).map(str::trim), Some("true" | "1"));
        if nil && !decl.nillable {
            self.report(tag(node), msg!("xsd-not-nillable", name = name));
        }
        self.typed(node, type_id, nil, decl.fixed.as_deref(), depth);
    }

    fn typed(&mut self, node: Node<'_, '_>, type_id: TypeId, nil: bool, fixed: Option<&str>, depth: usize) {
        let schema = self.schema;
        let name = node.tag_name().name();
        match schema.types.get(type_id) {
            None => {}
            Some(Type::Simple(_)) => {
                for attribute in node.attributes().filter(|attribute| attribute.namespace() != Some(XSI)) {
                    self.report(
                        attribute.range_qname(),
                        msg!("xsd-attribute-simple-content", name = name, attribute = attribute.name()),
                    );
                }
                if !nil {
                    self.simple_content(node, type_id, fixed);
                }
            }
            Some(Type::Complex(complex)) => {
                if complex.is_abstract {
                    self.report(tag(node), msg!("xsd-abstract", name = name, type_ = schema.type_name(type_id)));
                    return;
                }
                self.attributes(node, complex);
                if nil {
                    if node.children().any(|child| {
                        child.is_element() || (child.is_text() && !is_blank(child.text().unwrap_or_default()))
                    }) {
                        self.report(tag(node), msg!("xsd-nil-content", name = name));
                    }
                    return;
                }
                match &complex.content {
                    Content::Any => self.lax_children(node, depth),
                    Content::Empty => {
                        if let Some(child) = node.children().find(Node::is_element) {
                            self.report(
                                tag(child),
                                msg!("xsd-no-children", name = name, child = child.tag_name().name()),
                            );
                        }
                        if !complex.mixed {
                            self.no_text(node);
                        }
                    }
                    Content::Simple(simple) => self.simple_content(node, *simple, fixed),
                    Content::Elements(automaton) => self.children(node, automaton, complex.mixed, depth),
                }
            }
        }
    }

    /// An element of simple content: no child elements, its text a value of `type_id`.
    fn simple_content(&mut self, node: Node<'_, '_>, type_id: TypeId, fixed: Option<&str>) {
        if let Some(child) = node.children().find(Node::is_element) {
            self.report(
                tag(child),
                msg!("xsd-simple-content-child", name = node.tag_name().name(), child = child.tag_name().name()),
            );
            return;
        }
        let (text, range) = text_of(node);
        self.text_value(node, &text, range, type_id, fixed);
    }

    fn text_value(
        &mut self,
        node: Node<'_, '_>,
        text: &str,
        range: Range<usize>,
        type_id: TypeId,
        fixed: Option<&str>,
    ) {
        let name = node.tag_name().name();
        if let Err(message) = self.value(type_id, text, &range) {
            self.report(range, msg!("xsd-element-value", name = name, message = message));
        } else if let Some(fixed) = fixed
            && text.trim() != fixed.trim()
        {
            self.report(range, msg!("xsd-element-fixed", name = name, fixed = fixed));
        }
    }

    fn no_text(&mut self, node: Node<'_, '_>) {
        if let Some(text) = node.children().find(|child| child.is_text() && !is_blank(child.text().unwrap_or_default()))
        {
            self.report(
                text.range(),
                msg!(
                    "xsd-no-text",
                    name = node.tag_name().name(),
                    text = shorten(text.text().unwrap_or_default().trim())
                ),
            );
        }
    }

    fn attributes(&mut self, node: Node<'_, '_>, complex: &ComplexType) {
        let name = node.tag_name().name();
        for attribute in node.attributes() {
            let ns = attribute.namespace().unwrap_or_default();
            if ns == XSI {
                continue;
            }
            // Compared in place (no QName built per attribute): the local name first, since most
            // attributes are unqualified and differ there.
            let local = attribute.name();
            let key = name_key(local);
            match complex
                .attributes
                .iter()
                .find(|use_| use_.key == key && same_name_given_key(local, &use_.name.local, ns, &use_.name.ns))
            {
                Some(use_) => {
                    let range = attribute.range_value();
                    match self.value(use_.type_id, attribute.value(), &range) {
                        Err(message) => {
                            self.report(
                                range,
                                msg!(
                                    "xsd-attribute-value",
                                    name = name,
                                    attribute = attribute.name(),
                                    message = message
                                ),
                            );
                        }
                        Ok(()) => {
                            if let Some(fixed) = &use_.fixed
                                && attribute.value().trim() != fixed.trim()
                            {
                                self.report(
                                    range,
                                    msg!(
                                        "xsd-attribute-fixed",
                                        name = name,
                                        attribute = attribute.name(),
                                        value = shorten(attribute.value()),
                                        fixed = fixed.as_str()
                                    ),
                                );
                            }
                        }
                    }
                }
                None if complex.any_attribute => {}
                None => self.report(
                    attribute.range_qname(),
                    msg!("xsd-attribute-not-allowed", name = name, attribute = attribute.name()),
                ),
            }
        }
        for use_ in complex.attributes.iter().filter(|use_| use_.required) {
            let present = if use_.name.ns.is_empty() {
                node.attribute(use_.name.local.as_str()).is_some()
            } else {
                node.attribute((use_.name.ns.as_str(), use_.name.local.as_str())).is_some()
            };
            if !present {
                self.report(
                    tag(node),
                    msg!("xsd-attribute-required", name = name, attribute = use_.name.local.as_str()),
                );
            }
        }
    }

    /// Names the automaton would accept next from `states`, for messages.
    fn expected(&self, automaton: &Automaton, states: &[usize]) -> Msg {
        let mut names: Vec<String> = Vec::new();
        for &state in states {
            for (term, _) in &automaton.edges[state] {
                let name = match term {
                    Term::Element(id) => format!("`{}`", self.schema.elements[*id].name.local),
                    Term::Any(_) => "*".to_owned(),
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let more = names.len().saturating_sub(10);
        names.truncate(10);
        let yes_no = |flag: bool| if flag { "yes" } else { "no" };
        match names.iter().position(|name| name == "*") {
            Some(at) => msg!(
                "xsd-expected",
                any = "yes",
                names = "",
                has_before = yes_no(at > 0),
                before = names[..at].join(", "),
                has_after = yes_no(at + 1 < names.len()),
                after = names[at + 1..].join(", "),
                more = more
            ),
            None => msg!(
                "xsd-expected",
                any = "no",
                names = names.join(", "),
                has_before = "no",
                before = "",
                has_after = "no",
                after = "",
                more = more
            ),
        }
    }

    fn children(&mut self, node: Node<'_, '_>, automaton: &'s Automaton, mixed: bool, depth: usize) {
        let schema = self.schema;
        let name = node.tag_name().name();
        // Stepped by the automaton's DFA while it has a move for each child; from the first child
        // it has none for (a wildcard's, or one not allowed), by state sets from that DFA state's.
        let dfa =
            if self.use_dfa { automaton.dfa.get_or_init(|| Dfa::build(schema, automaton)).as_ref() } else { None };
        let mut at = dfa.map(|_| 0_usize);
        let mut current = self.spare.pop().unwrap_or_default();
        current.clear();
        if at.is_none() {
            current.extend_from_slice(&automaton.closure[automaton.start]);
        }
        let mut next = self.spare.pop().unwrap_or_default();
        // States reached by a step are marked with the step's own epoch, in one buffer for the
        // whole document (no allocation per element).
        if self.marks.len() < automaton.edges.len() {
            self.marks.resize(automaton.edges.len(), 0);
        }
        let mut text_reported = mixed;
        for child in node.children() {
            if child.is_text() {
                if !text_reported && !is_blank(child.text().unwrap_or_default()) {
                    self.report(
                        child.range(),
                        msg!("xsd-no-text", name = name, text = shorten(child.text().unwrap_or_default().trim())),
                    );
                    text_reported = true;
                }
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let (child_ns, child_local) = (child.tag_name().namespace().unwrap_or_default(), child.tag_name().name());
            let child_key = name_key(child_local);
            if let (Some(dfa), Some(state)) = (dfa, at) {
                let found = dfa.states[state].moves.iter().find(|move_| {
                    let declaration = &schema.elements[move_.element];
                    move_.key == child_key
                        && same_name_given_key(child_local, &declaration.name.local, child_ns, &declaration.name.ns)
                });
                if let Some(move_) = found {
                    at = Some(move_.target);
                    let (state, edge) = move_.edge;
                    self.child(child, &automaton.edges[state][edge].0, depth);
                    continue;
                }
                current.clear();
                current.extend_from_slice(&dfa.states[state].set);
                at = None;
            }
            self.epoch += 1;
            let matched = step(
                schema,
                automaton,
                &current,
                (child_ns, child_local, child_key),
                &mut self.marks,
                self.epoch,
                &mut next,
            );
            let Some((state, edge)) = matched else {
                let expected = self.expected(automaton, &current);
                let message = if current.iter().all(|state| automaton.edges[*state].is_empty()) {
                    msg!("xsd-unexpected-no-more", child = child_local, name = name)
                } else {
                    msg!("xsd-unexpected", child = child_local, name = name, expected = expected)
                };
                self.report(tag(child), message);
                // Carry on as if the element were absent, checking it on its own.
                self.lax_element(child, depth + 1);
                continue;
            };
            std::mem::swap(&mut current, &mut next);
            self.child(child, &automaton.edges[state][edge].0, depth);
        }
        let accepted = match (dfa, at) {
            (Some(dfa), Some(state)) => dfa.states[state].accepting,
            _ => current.iter().any(|state| automaton.accepting[*state]),
        };
        if !accepted {
            if let (Some(dfa), Some(state)) = (dfa, at) {
                current.clear();
                current.extend_from_slice(&dfa.states[state].set);
            }
            let expected = self.expected(automaton, &current);
            self.report(tag(node), msg!("xsd-missing-children", name = name, expected = expected));
        }
        self.spare.push(current);
        self.spare.push(next);
    }

    /// A child element its parent's content model accepted by the edge `term`.
    fn child(&mut self, child: Node<'_, '_>, term: &'s Term, depth: usize) {
        match term {
            Term::Element(id) => self.element(child, *id, depth + 1),
            Term::Any(wildcard) => match wildcard.process {
                Process::Skip => {}
                Process::Lax => self.lax_element(child, depth + 1),
                Process::Strict => match self.schema.global_elements.get(&qname(child)) {
                    Some(&id) => self.element(child, id, depth + 1),
                    None => self.report(tag(child), msg!("xsd-strict-wildcard", child = child.tag_name().name())),
                },
            },
        }
    }

    /// An element no content model accounts for: checked by its global declaration if it has
    /// one, its children likewise.
    fn lax_element(&mut self, node: Node<'_, '_>, depth: usize) {
        if self.too_deep(node, depth) {
            return;
        }
        match self.schema.global_elements.get(&qname(node)) {
            Some(&id) => self.element(node, id, depth),
            None => self.lax_children(node, depth),
        }
    }

    fn lax_children(&mut self, node: Node<'_, '_>, depth: usize) {
        for child in node.children().filter(Node::is_element) {
            self.lax_element(child, depth + 1);
        }
    }

    /// Checks a simple value against a simple type, registering IDs and IDREFs; the message says
    /// why a value is not valid.
    fn value(&mut self, type_id: TypeId, raw: &str, range: &Range<usize>) -> Result<(), Msg> {
        if !self.accepts(type_id, raw, 0) {
            return Err(self.explain(type_id, raw, 0));
        }
        let schema = self.schema;
        let Some(simple) = schema.simple(type_id) else { return Ok(()) };
        let value = simple.white_space.apply(raw);
        let item_builtin = match &simple.variety {
            Variety::List(item) => schema.builtin_of(*item),
            _ => schema.builtin_of(type_id),
        };
        match item_builtin {
            Some(Builtin::Id) if self.ids.insert(value.to_string(), range.clone()).is_some() => {
                return Err(msg!("xsd-id-twice", id = shorten(&value)));
            }
            Some(Builtin::IdRef | Builtin::IdRefs) => {
                self.references.extend(
                    value.split(' ').filter(|item| !item.is_empty()).map(|item| (item.to_owned(), range.clone())),
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether a simple type accepts a value: the fast path, without messages.
    fn accepts(&self, type_id: TypeId, raw: &str, depth: usize) -> bool {
        let schema = self.schema;
        let Some(simple) = schema.simple(type_id) else { return true };
        if depth > MAX_TYPE_DEPTH {
            return true;
        }
        let value = simple.white_space.apply(raw);
        let base_ok = match &simple.variety {
            Variety::Builtin(builtin) => is_lexical(*builtin, &value),
            Variety::Restriction(base) => self.accepts(*base, &value, depth + 1),
            Variety::List(item) => {
                value.split(' ').filter(|token| !token.is_empty()).all(|token| self.accepts(*item, token, depth + 1))
            }
            Variety::Union(members) => members.iter().any(|member| self.accepts(*member, &value, depth + 1)),
        };
        base_ok && self.facets_hold(type_id, &simple.facets, &value)
    }

    /// [`facets`] without building a message: most values meet no facet but a pattern or an
    /// enumeration, and a union tries members that fail.
    fn facets_hold(&self, type_id: TypeId, facets: &Facets, value: &str) -> bool {
        if facets.enumeration.is_some() && !facets.enumeration_set.contains(value) {
            return false;
        }
        if !facets.patterns.is_empty() && !facets.patterns.iter().any(|pattern| pattern.regex.is_match(value)) {
            return false;
        }
        !facets.has_bounds() || self::facets(facets, value, self.is_list(type_id)).is_ok()
    }

    fn is_list(&self, type_id: TypeId) -> bool {
        let schema = self.schema;
        schema.simple(type_id).is_some_and(|simple| matches!(simple.variety, Variety::List(_)))
            || schema
                .builtin_of(type_id)
                .is_some_and(|builtin| matches!(builtin, Builtin::IdRefs | Builtin::NmTokens | Builtin::Entities))
    }

    /// Why a simple type does not accept a value (called only when it does not).
    fn explain(&self, type_id: TypeId, raw: &str, depth: usize) -> Msg {
        let schema = self.schema;
        let Some(simple) = schema.simple(type_id) else { return msg!("xsd-invalid") };
        let value = simple.white_space.apply(raw);
        if depth <= MAX_TYPE_DEPTH {
            match &simple.variety {
                Variety::Builtin(builtin) => {
                    if let Err(message) = lexical(*builtin, &value) {
                        return message;
                    }
                }
                Variety::Restriction(base) => {
                    if !self.accepts(*base, &value, depth + 1) {
                        return self.explain(*base, &value, depth + 1);
                    }
                }
                Variety::List(item) => {
                    if let Some(token) =
                        value.split(' ').find(|token| !token.is_empty() && !self.accepts(*item, token, depth + 1))
                    {
                        return msg!("xsd-list-item", message = self.explain(*item, token, depth + 1));
                    }
                }
                Variety::Union(members) => {
                    if !members.iter().any(|member| self.accepts(*member, &value, depth + 1)) {
                        return msg!("xsd-union", value = shorten(&value), type_ = schema.type_name(type_id));
                    }
                }
            }
        }
        match facets(&simple.facets, &value, self.is_list(type_id)) {
            Err(message) => msg!("xsd-facet-of", message = message, type_ = schema.type_name(type_id)),
            Ok(()) => msg!("xsd-not-valid", value = shorten(&value), type_ = schema.type_name(type_id)),
        }
    }
}

fn facets(facets: &Facets, value: &str, is_list: bool) -> Result<(), Msg> {
    if let Some(allowed) = &facets.enumeration
        && !facets.enumeration_set.contains(value)
    {
        let shown: Vec<String> = allowed.iter().take(8).map(|value| format!("`{value}`")).collect();
        return Err(msg!(
            "xsd-enumeration",
            value = shorten(value),
            allowed = shown.join(", "),
            more = allowed.len().saturating_sub(8)
        ));
    }
    if !facets.patterns.is_empty() && !facets.patterns.iter().any(|pattern| pattern.regex.is_match(value)) {
        let sources: Vec<&str> = facets.patterns.iter().map(|pattern| pattern.source.as_str()).collect();
        return Err(msg!("xsd-pattern", value = shorten(value), patterns = sources.join("` or `")));
    }
    let length = if is_list { value.split(' ').filter(|item| !item.is_empty()).count() } else { value.chars().count() };
    let unit = if is_list { "items" } else { "characters" };
    let too = |which: &'static str, bound: usize| {
        msg!("xsd-length", value = shorten(value), length = length, unit = unit, which = which, bound = bound)
    };
    if let Some(exact) = facets.length
        && length != exact
    {
        return Err(too("exact", exact));
    }
    if let Some(minimum) = facets.min_length
        && length < minimum
    {
        return Err(too("minimum", minimum));
    }
    if let Some(maximum) = facets.max_length
        && length > maximum
    {
        return Err(too("maximum", maximum));
    }
    let compare = |bound: &str| compare_numbers(value, bound).unwrap_or_else(|| value.cmp(bound));
    use std::cmp::Ordering::{Equal, Greater, Less};
    if let Some(bound) = &facets.min_inclusive
        && compare(bound) == Less
    {
        return Err(msg!("xsd-bound", value = shorten(value), which = "min-inclusive", bound = bound.as_str()));
    }
    if let Some(bound) = &facets.max_inclusive
        && compare(bound) == Greater
    {
        return Err(msg!("xsd-bound", value = shorten(value), which = "max-inclusive", bound = bound.as_str()));
    }
    if let Some(bound) = &facets.min_exclusive
        && matches!(compare(bound), Less | Equal)
    {
        return Err(msg!("xsd-bound", value = shorten(value), which = "min-exclusive", bound = bound.as_str()));
    }
    if let Some(bound) = &facets.max_exclusive
        && matches!(compare(bound), Greater | Equal)
    {
        return Err(msg!("xsd-bound", value = shorten(value), which = "max-exclusive", bound = bound.as_str()));
    }
    let digits = value.trim_start_matches(['+', '-']);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = fraction.trim_end_matches('0');
    if let Some(total) = facets.total_digits
        && whole.trim_start_matches('0').len() + fraction.len() > total
    {
        return Err(msg!("xsd-digits", value = shorten(value), which = "total", bound = total));
    }
    if let Some(maximum) = facets.fraction_digits
        && fraction.len() > maximum
    {
        return Err(msg!("xsd-digits", value = shorten(value), which = "fraction", bound = maximum));
    }
    Ok(())
}
