//! From schema documents to a compiled [`Schema`]: documents are loaded (includes and imports
//! followed through the caller's `fetch`), their global components indexed by name, and every
//! type, element and content model compiled on first use.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{
    AttributeUse, Automaton, ComplexType, Content, ElementDecl, ElementId, Namespaces, Process, Schema, SimpleType,
    Term, Type, TypeId, Variety, Wildcard,
};
use crate::simple::{BUILTINS, Builtin, Facets, Pattern, WhiteSpace, translate_pattern};
use crate::xml::{QName, SchemaDoc, XNode, XS, name_key};
use valmis_i18n::{Msg, msg};

/// Why a schema set cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError(pub Msg);

impl SchemaError {
    /// What is wrong, to render in any language.
    pub fn msg(&self) -> Msg {
        self.0.clone()
    }
}

impl fmt::Display for SchemaError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.0)
    }
}

impl std::error::Error for SchemaError {}

type Result<T> = std::result::Result<T, SchemaError>;

/// Most schema documents one set may load.
const MAX_DOCUMENTS: usize = 256;
/// Largest `minOccurs`/`maxOccurs` expanded into an automaton.
const MAX_OCCURS: u32 = 64;
/// Most automaton states of one content model.
const MAX_STATES: usize = 100_000;

/// Where a global component is defined: (document, index among its root's children).
type Place = (usize, usize);

#[derive(Debug, Default)]
struct Sources {
    docs: Vec<SchemaDoc>,
    types: HashMap<QName, Place>,
    elements: HashMap<QName, Place>,
    groups: HashMap<QName, Place>,
    attribute_groups: HashMap<QName, Place>,
    attributes: HashMap<QName, Place>,
}

impl Sources {
    fn node(&self, (doc, index): Place) -> (&SchemaDoc, &XNode) {
        let doc = &self.docs[doc];
        (doc, &doc.root.children[index])
    }
}

fn error(doc: &SchemaDoc, node: &XNode, message: Msg) -> SchemaError {
    SchemaError(msg!("xsd-schema-at", location = &doc.location, line = node.line.to_string(), message = message))
}

/// `dir/../x.xsd` resolved against the including document's folder; `None` for URLs.
fn resolve_location(from: &str, location: &str) -> Option<String> {
    if location.contains("://") || location.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in location.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

fn load(fetch: &dyn Fn(&str) -> Option<String>, entry: &str) -> Result<Sources> {
    let mut sources = Sources::default();
    // A document is loaded once per namespace it is included into (imports: once).
    let mut requested: HashSet<(String, Option<String>)> = HashSet::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut pending: Vec<(String, Option<String>, String)> = vec![(entry.to_owned(), None, entry.to_owned())];
    while let Some((location, including_target, referenced_from)) = pending.pop() {
        if !requested.insert((location.clone(), including_target.clone())) {
            continue;
        }
        let text = fetch(&location).ok_or_else(|| {
            SchemaError(if location == referenced_from {
                msg!("xsd-schema-missing", location = &location)
            } else {
                msg!("xsd-schema-not-among", from = &referenced_from, location = &location)
            })
        })?;
        let doc = SchemaDoc::parse(&location, &text, including_target.as_deref()).map_err(SchemaError)?;
        if !seen.insert((location.clone(), doc.target.clone())) {
            continue;
        }
        if sources.docs.len() >= MAX_DOCUMENTS {
            return Err(SchemaError(msg!("xsd-too-many-documents", max = MAX_DOCUMENTS)));
        }
        let index = sources.docs.len();
        for (position, child) in doc.root.children.iter().enumerate() {
            let name = child.attribute("name").map(|name| QName::new(&doc.target, name));
            let table = match child.local.as_str() {
                "include" | "import" => {
                    let Some(target) = child.attribute("schemaLocation") else { continue };
                    let resolved = resolve_location(&location, target)
                        .ok_or_else(|| error(&doc, child, msg!("xsd-not-beside", target = target)))?;
                    let including = if child.local == "include" { Some(doc.target.clone()) } else { None };
                    pending.push((resolved, including, location.clone()));
                    continue;
                }
                "redefine" | "override" => {
                    return Err(error(&doc, child, msg!("xsd-unsupported", name = &child.local)));
                }
                "complexType" | "simpleType" => &mut sources.types,
                "element" => &mut sources.elements,
                "group" => &mut sources.groups,
                "attributeGroup" => &mut sources.attribute_groups,
                "attribute" => &mut sources.attributes,
                _ => continue,
            };
            if let Some(name) = name {
                table.entry(name).or_insert((index, position));
            }
        }
        sources.docs.push(doc);
    }
    Ok(sources)
}

/// A complex type's content while types are still being compiled.
#[derive(Debug, Clone)]
enum Draft {
    Empty,
    Simple(TypeId),
    Elements(Particle),
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Occurs {
    min: u32,
    max: Option<u32>,
}

const ONCE: Occurs = Occurs { min: 1, max: Some(1) };

#[derive(Debug, Clone)]
enum Particle {
    Element(ElementId, Occurs),
    Any(Wildcard, Occurs),
    Sequence(Vec<Particle>, Occurs),
    Choice(Vec<Particle>, Occurs),
}

#[derive(Debug)]
enum Slot {
    Pending,
    Simple(SimpleType),
    Complex(ComplexType, Draft),
}

struct Builder<'s> {
    sources: &'s Sources,
    types: Vec<Slot>,
    type_ids: HashMap<QName, TypeId>,
    elements: Vec<Option<ElementDecl>>,
    element_ids: HashMap<QName, ElementId>,
    any_type: TypeId,
    any_simple_type: TypeId,
    /// Named types given an id but not compiled yet, with their definitions.
    queued: HashMap<TypeId, (QName, Place)>,
    /// Named types being compiled now (a derivation reaching one of them is circular).
    in_progress: HashSet<TypeId>,
}

/// An attribute declaration while a type's attribute uses are merged.
struct AttributeDraft {
    use_: AttributeUse,
    prohibited: bool,
}

pub(crate) fn compile(entry: &str, fetch: &dyn Fn(&str) -> Option<String>) -> Result<Schema> {
    let sources = load(fetch, entry)?;
    let mut builder = Builder {
        sources: &sources,
        types: Vec::new(),
        type_ids: HashMap::new(),
        elements: Vec::new(),
        element_ids: HashMap::new(),
        any_type: 0,
        any_simple_type: 0,
        queued: HashMap::new(),
        in_progress: HashSet::new(),
    };
    builder.any_type = builder.push(Slot::Complex(
        ComplexType {
            name: Some(QName::new(XS, "anyType")),
            is_abstract: false,
            mixed: true,
            base: None,
            content: Content::Any,
            attributes: Vec::new(),
            any_attribute: true,
        },
        Draft::Any,
    ));
    builder.type_ids.insert(QName::new(XS, "anyType"), builder.any_type);
    for (name, builtin) in BUILTINS {
        let id = builder.push(Slot::Simple(SimpleType {
            name: Some(QName::new(XS, name)),
            variety: Variety::Builtin(*builtin),
            facets: Facets::default(),
            white_space: WhiteSpace::of(*builtin),
        }));
        builder.type_ids.insert(QName::new(XS, name), id);
        if *builtin == Builtin::AnySimpleType {
            builder.any_simple_type = id;
        }
    }
    let mut names: Vec<&QName> = sources.elements.keys().collect();
    names.sort();
    for name in names {
        builder.global_element(name)?;
    }
    let mut names: Vec<&QName> = sources.types.keys().collect();
    names.sort();
    for name in names {
        let id = builder.named_type(name)?;
        builder.ensure(id)?;
    }
    // Types that elements and attributes refer to by name, compiled after the fact.
    while let Some(id) = builder.queued.keys().min().copied() {
        builder.ensure(id)?;
    }
    builder.finish()
}

impl<'s> Builder<'s> {
    fn push(&mut self, slot: Slot) -> TypeId {
        self.types.push(slot);
        self.types.len() - 1
    }

    fn finish(self) -> Result<Schema> {
        let mut types = Vec::with_capacity(self.types.len());
        for slot in self.types {
            types.push(match slot {
                Slot::Pending => {
                    return Err(SchemaError(msg!("xsd-circular-type")));
                }
                Slot::Simple(simple) => Type::Simple(simple),
                Slot::Complex(mut complex, draft) => {
                    complex.content = match draft {
                        Draft::Empty => Content::Empty,
                        Draft::Simple(id) => Content::Simple(id),
                        Draft::Any => Content::Any,
                        Draft::Elements(particle) => Content::Elements(automaton(&particle)?),
                    };
                    Type::Complex(complex)
                }
            });
        }
        let elements = self
            .elements
            .into_iter()
            .map(|element| element.ok_or_else(|| SchemaError(msg!("xsd-element-not-compiled"))))
            .collect::<Result<Vec<_>>>()?;
        let global_types = self.type_ids;
        Ok(Schema { types, elements, global_elements: self.element_ids, global_types, any_type: self.any_type })
    }

    /// The id of a named type; it is compiled by [`Builder::ensure`], at the latest at the end,
    /// so that a type may contain elements of a type derived from it (HL7's ED and thumbnail).
    fn named_type(&mut self, name: &QName) -> Result<TypeId> {
        if let Some(id) = self.type_ids.get(name) {
            return Ok(*id);
        }
        let Some(place) = self.sources.types.get(name).copied() else {
            return Err(SchemaError(msg!("xsd-type-undefined", name = &name.local)));
        };
        let id = self.push(Slot::Pending);
        self.type_ids.insert(name.clone(), id);
        self.queued.insert(id, (name.clone(), place));
        Ok(id)
    }

    /// Compiles a queued named type now: a derivation needs its base complete.
    fn ensure(&mut self, id: TypeId) -> Result<()> {
        let Some((name, place)) = self.queued.remove(&id) else {
            if self.in_progress.contains(&id) {
                return Err(SchemaError(msg!("xsd-derives-from-itself")));
            }
            return Ok(());
        };
        self.in_progress.insert(id);
        let (doc, node) = self.sources.node(place);
        let slot = self.type_definition(doc, node, Some(name))?;
        self.types[id] = slot;
        self.in_progress.remove(&id);
        Ok(())
    }

    fn type_definition(&mut self, doc: &'s SchemaDoc, node: &'s XNode, name: Option<QName>) -> Result<Slot> {
        if node.local == "simpleType" {
            Ok(Slot::Simple(self.simple_type(doc, node, name)?))
        } else {
            let (complex, draft) = self.complex_type(doc, node, name)?;
            Ok(Slot::Complex(complex, draft))
        }
    }

    /// An anonymous type defined inside `node` (its `simpleType` or `complexType` child).
    fn anonymous(&mut self, doc: &'s SchemaDoc, node: &'s XNode) -> Result<Option<TypeId>> {
        let Some(definition) =
            node.children.iter().find(|child| matches!(child.local.as_str(), "simpleType" | "complexType"))
        else {
            return Ok(None);
        };
        let id = self.push(Slot::Pending);
        let slot = self.type_definition(doc, definition, None)?;
        self.types[id] = slot;
        Ok(Some(id))
    }

    fn type_attribute(&mut self, doc: &'s SchemaDoc, node: &'s XNode, attribute: &str) -> Result<Option<TypeId>> {
        match node.attribute(attribute) {
            None => Ok(None),
            Some(value) => {
                let name = doc.resolve(node, value).map_err(SchemaError)?;
                self.named_type(&name).map(Some).map_err(|SchemaError(message)| error(doc, node, message))
            }
        }
    }

    fn simple_of(&self, id: TypeId) -> Option<&SimpleType> {
        match self.types.get(id) {
            Some(Slot::Simple(simple)) => Some(simple),
            _ => None,
        }
    }

    fn simple_type(&mut self, doc: &'s SchemaDoc, node: &'s XNode, name: Option<QName>) -> Result<SimpleType> {
        if let Some(restriction) = node.child("restriction") {
            let base = match self.type_attribute(doc, restriction, "base")? {
                Some(base) => base,
                None => self
                    .anonymous(doc, restriction)?
                    .ok_or_else(|| error(doc, restriction, msg!("xsd-restriction-no-base")))?,
            };
            self.ensure(base).map_err(|SchemaError(message)| error(doc, restriction, message))?;
            let Some(base_type) = self.simple_of(base) else {
                return Err(error(doc, restriction, msg!("xsd-restricts-non-simple")));
            };
            let inherited = base_type.white_space;
            let (facets, white_space) = facets(doc, restriction, inherited)?;
            return Ok(SimpleType { name, variety: Variety::Restriction(base), facets, white_space });
        }
        if let Some(list) = node.child("list") {
            let item = match self.type_attribute(doc, list, "itemType")? {
                Some(item) => item,
                None => self.anonymous(doc, list)?.ok_or_else(|| error(doc, list, msg!("xsd-list-no-item")))?,
            };
            return Ok(SimpleType {
                name,
                variety: Variety::List(item),
                facets: Facets::default(),
                white_space: WhiteSpace::Collapse,
            });
        }
        if let Some(union) = node.child("union") {
            let mut members = Vec::new();
            for member in union.attribute("memberTypes").unwrap_or_default().split_whitespace() {
                let name = doc.resolve(union, member).map_err(SchemaError)?;
                members.push(self.named_type(&name).map_err(|SchemaError(message)| error(doc, union, message))?);
            }
            for inline in union.children_named("simpleType") {
                let id = self.push(Slot::Pending);
                let simple = self.simple_type(doc, inline, None)?;
                self.types[id] = Slot::Simple(simple);
                members.push(id);
            }
            if members.is_empty() {
                return Err(error(doc, union, msg!("xsd-union-no-members")));
            }
            return Ok(SimpleType {
                name,
                variety: Variety::Union(members),
                facets: Facets::default(),
                white_space: WhiteSpace::Collapse,
            });
        }
        Err(error(doc, node, msg!("xsd-simple-type-empty")))
    }

    /// The content and attributes of a compiled complex type `id`, which must be complete.
    fn complete(&self, doc: &SchemaDoc, node: &XNode, id: TypeId) -> Result<Option<(&ComplexType, &Draft)>> {
        match self.types.get(id) {
            Some(Slot::Complex(complex, draft)) => Ok(Some((complex, draft))),
            Some(Slot::Simple(_)) => Ok(None),
            _ => Err(error(doc, node, msg!("xsd-derives-from-itself"))),
        }
    }

    fn complex_type(
        &mut self,
        doc: &'s SchemaDoc,
        node: &'s XNode,
        name: Option<QName>,
    ) -> Result<(ComplexType, Draft)> {
        let is_abstract = node.attribute("abstract") == Some("true");
        let mut mixed = node.attribute("mixed") == Some("true");
        if let Some(content) = node.child("simpleContent") {
            let derivation = content
                .child("extension")
                .or_else(|| content.child("restriction"))
                .ok_or_else(|| error(doc, content, msg!("xsd-simple-content-empty")))?;
            let base = self
                .type_attribute(doc, derivation, "base")?
                .ok_or_else(|| error(doc, derivation, msg!("xsd-no-base")))?;
            self.ensure(base).map_err(|SchemaError(message)| error(doc, derivation, message))?;
            let (base_simple, base_attributes) = match self.complete(doc, derivation, base)? {
                None => (base, Vec::new()),
                Some((complex, Draft::Simple(simple))) => (*simple, complex.attributes.clone()),
                Some((complex, _)) if base == self.any_type => (self.any_simple_type, complex.attributes.clone()),
                Some(_) => {
                    return Err(error(doc, derivation, msg!("xsd-simple-from-element")));
                }
            };
            let simple = if derivation.local == "extension" {
                base_simple
            } else {
                self.ensure(base_simple).map_err(|SchemaError(message)| error(doc, derivation, message))?;
                let inherited = self.simple_of(base_simple).map_or(WhiteSpace::Preserve, |simple| simple.white_space);
                let (facets, white_space) = facets(doc, derivation, inherited)?;
                let restricted = match self.anonymous(doc, derivation)? {
                    Some(inline) => inline,
                    None => base_simple,
                };
                self.push(Slot::Simple(SimpleType {
                    name: None,
                    variety: Variety::Restriction(restricted),
                    facets,
                    white_space,
                }))
            };
            let (own, any_attribute) = self.attributes(doc, derivation)?;
            let attributes = if derivation.local == "extension" {
                merge(
                    base_attributes,
                    own.into_iter().filter(|draft| !draft.prohibited).map(|draft| draft.use_).collect(),
                )
            } else {
                restrict(base_attributes, own)
            };
            let complex = ComplexType {
                name,
                is_abstract,
                mixed: false,
                base: Some(base),
                content: Content::Empty,
                attributes,
                any_attribute,
            };
            return Ok((complex, Draft::Simple(simple)));
        }
        if let Some(content) = node.child("complexContent") {
            mixed |= content.attribute("mixed") == Some("true");
            let derivation = content
                .child("extension")
                .or_else(|| content.child("restriction"))
                .ok_or_else(|| error(doc, content, msg!("xsd-complex-content-empty")))?;
            let base = self
                .type_attribute(doc, derivation, "base")?
                .ok_or_else(|| error(doc, derivation, msg!("xsd-no-base")))?;
            self.ensure(base).map_err(|SchemaError(message)| error(doc, derivation, message))?;
            let Some((base_type, base_draft)) = self.complete(doc, derivation, base)? else {
                return Err(error(doc, derivation, msg!("xsd-complex-from-simple")));
            };
            let (base_attributes, base_draft, base_mixed) =
                (base_type.attributes.clone(), base_draft.clone(), base_type.mixed);
            let own = self.particle_of(doc, derivation)?;
            let (own_attributes, any_attribute) = self.attributes(doc, derivation)?;
            let (draft, attributes) = if derivation.local == "extension" {
                mixed |= base_mixed;
                let draft = match (base_draft, own) {
                    (Draft::Elements(first), Some(second)) => {
                        Draft::Elements(Particle::Sequence(vec![first, second], ONCE))
                    }
                    (Draft::Elements(first), None) => Draft::Elements(first),
                    (Draft::Any, _) => Draft::Any,
                    (_, Some(own)) => Draft::Elements(own),
                    (base, None) => base,
                };
                let mut own_uses = Vec::new();
                for draft in own_attributes {
                    if !draft.prohibited {
                        own_uses.push(draft.use_);
                    }
                }
                (draft, merge(base_attributes, own_uses))
            } else {
                let draft = own.map_or(Draft::Empty, Draft::Elements);
                (draft, restrict(base_attributes, own_attributes))
            };
            let complex = ComplexType {
                name,
                is_abstract,
                mixed,
                base: Some(base),
                content: Content::Empty,
                attributes,
                any_attribute,
            };
            return Ok((complex, draft));
        }
        let own = self.particle_of(doc, node)?;
        let (own_attributes, any_attribute) = self.attributes(doc, node)?;
        let attributes = own_attributes.into_iter().filter(|draft| !draft.prohibited).map(|draft| draft.use_).collect();
        let draft = own.map_or(Draft::Empty, Draft::Elements);
        let complex = ComplexType {
            name,
            is_abstract,
            mixed,
            base: Some(self.any_type),
            content: Content::Empty,
            attributes,
            any_attribute,
        };
        Ok((complex, draft))
    }

    /// The attribute declarations, attribute-group references and `anyAttribute` of `node`.
    fn attributes(&mut self, doc: &'s SchemaDoc, node: &'s XNode) -> Result<(Vec<AttributeDraft>, bool)> {
        let mut drafts = Vec::new();
        let mut any_attribute = false;
        self.collect_attributes(doc, node, &mut drafts, &mut any_attribute, 0)?;
        Ok((drafts, any_attribute))
    }

    fn collect_attributes(
        &mut self,
        doc: &'s SchemaDoc,
        node: &'s XNode,
        drafts: &mut Vec<AttributeDraft>,
        any_attribute: &mut bool,
        depth: usize,
    ) -> Result<()> {
        if depth > 32 {
            return Err(error(doc, node, msg!("xsd-attribute-groups-deep")));
        }
        for child in &node.children {
            match child.local.as_str() {
                "anyAttribute" => *any_attribute = true,
                "attributeGroup" => {
                    let reference =
                        child.attribute("ref").ok_or_else(|| error(doc, child, msg!("xsd-attribute-group-no-ref")))?;
                    let name = doc.resolve(child, reference).map_err(SchemaError)?;
                    let place =
                        self.sources.attribute_groups.get(&name).copied().ok_or_else(|| {
                            error(doc, child, msg!("xsd-attribute-group-undefined", name = &name.local))
                        })?;
                    let (group_doc, group) = self.sources.node(place);
                    self.collect_attributes(group_doc, group, drafts, any_attribute, depth + 1)?;
                }
                "attribute" => {
                    let draft = self.attribute(doc, child)?;
                    drafts.retain(|existing| existing.use_.name != draft.use_.name);
                    drafts.push(draft);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn attribute(&mut self, doc: &'s SchemaDoc, node: &'s XNode) -> Result<AttributeDraft> {
        let usage = node.attribute("use").unwrap_or("optional");
        let (name, type_id, fixed) = if let Some(reference) = node.attribute("ref") {
            let name = doc.resolve(node, reference).map_err(SchemaError)?;
            let xml_namespace = name.ns == "http://www.w3.org/XML/1998/namespace";
            let (type_id, fixed) = match self.sources.attributes.get(&name).copied() {
                Some(place) => {
                    let (global_doc, global) = self.sources.node(place);
                    let type_id = match self.type_attribute(global_doc, global, "type")? {
                        Some(id) => id,
                        None => self.anonymous(global_doc, global)?.unwrap_or(self.any_simple_type),
                    };
                    (type_id, global.attribute("fixed").map(str::to_owned))
                }
                // xml:lang, xml:space and friends: any value.
                None if xml_namespace => (self.any_simple_type, None),
                None => return Err(error(doc, node, msg!("xsd-attribute-undefined", name = &name.local))),
            };
            (name, type_id, node.attribute("fixed").map(str::to_owned).or(fixed))
        } else {
            let local = node.attribute("name").ok_or_else(|| error(doc, node, msg!("xsd-attribute-no-name")))?;
            let qualified = match node.attribute("form") {
                Some(form) => form == "qualified",
                None => doc.attribute_qualified,
            };
            let name = QName::new(if qualified { &doc.target } else { "" }, local);
            let type_id = match self.type_attribute(doc, node, "type")? {
                Some(id) => id,
                None => self.anonymous(doc, node)?.unwrap_or(self.any_simple_type),
            };
            (name, type_id, node.attribute("fixed").map(str::to_owned))
        };
        Ok(AttributeDraft {
            use_: AttributeUse { key: name_key(&name.local), name, type_id, required: usage == "required", fixed },
            prohibited: usage == "prohibited",
        })
    }

    /// The model group of a complex type or derivation: its `sequence`, `choice`, `all` or
    /// `group` child.
    fn particle_of(&mut self, doc: &'s SchemaDoc, node: &'s XNode) -> Result<Option<Particle>> {
        match node.children.iter().find(|child| matches!(child.local.as_str(), "sequence" | "choice" | "all" | "group"))
        {
            Some(group) => self.particle(doc, group, 0).map(Some),
            None => Ok(None),
        }
    }

    fn particle(&mut self, doc: &'s SchemaDoc, node: &'s XNode, depth: usize) -> Result<Particle> {
        if depth > 64 {
            return Err(error(doc, node, msg!("xsd-groups-deep")));
        }
        let occurs = occurs(doc, node)?;
        match node.local.as_str() {
            "element" => Ok(Particle::Element(self.element_particle(doc, node)?, occurs)),
            "any" => Ok(Particle::Any(wildcard(doc, node)?, occurs)),
            "sequence" | "choice" => {
                let mut items = Vec::new();
                for child in &node.children {
                    if matches!(child.local.as_str(), "element" | "any" | "sequence" | "choice" | "group" | "all") {
                        items.push(self.particle(doc, child, depth + 1)?);
                    }
                }
                Ok(if node.local == "sequence" {
                    Particle::Sequence(items, occurs)
                } else {
                    Particle::Choice(items, occurs)
                })
            }
            "group" => {
                let reference = node.attribute("ref").ok_or_else(|| error(doc, node, msg!("xsd-group-no-ref")))?;
                let name = doc.resolve(node, reference).map_err(SchemaError)?;
                let place = self
                    .sources
                    .groups
                    .get(&name)
                    .copied()
                    .ok_or_else(|| error(doc, node, msg!("xsd-group-undefined", name = &name.local)))?;
                let (group_doc, group) = self.sources.node(place);
                let inner = group
                    .children
                    .iter()
                    .find(|child| matches!(child.local.as_str(), "sequence" | "choice" | "all"))
                    .ok_or_else(|| error(group_doc, group, msg!("xsd-group-empty")))?;
                let inner = self.particle(group_doc, inner, depth + 1)?;
                Ok(Particle::Sequence(vec![inner], occurs))
            }
            "all" => Err(error(doc, node, msg!("xsd-all"))),
            other => Err(error(doc, node, msg!("xsd-not-particle", name = other))),
        }
    }

    fn element_particle(&mut self, doc: &'s SchemaDoc, node: &'s XNode) -> Result<ElementId> {
        if let Some(reference) = node.attribute("ref") {
            let name = doc.resolve(node, reference).map_err(SchemaError)?;
            return self.global_element(&name).map_err(|SchemaError(message)| error(doc, node, message));
        }
        let id = self.elements.len();
        self.elements.push(None);
        let declaration = self.element_declaration(doc, node, false)?;
        self.elements[id] = Some(declaration);
        Ok(id)
    }

    fn global_element(&mut self, name: &QName) -> Result<ElementId> {
        if let Some(id) = self.element_ids.get(name) {
            return Ok(*id);
        }
        let place = self
            .sources
            .elements
            .get(name)
            .copied()
            .ok_or_else(|| SchemaError(msg!("xsd-element-undeclared", name = &name.local)))?;
        let id = self.elements.len();
        self.elements.push(None);
        self.element_ids.insert(name.clone(), id);
        let (doc, node) = self.sources.node(place);
        let declaration = self.element_declaration(doc, node, true)?;
        self.elements[id] = Some(declaration);
        Ok(id)
    }

    fn element_declaration(&mut self, doc: &'s SchemaDoc, node: &'s XNode, global: bool) -> Result<ElementDecl> {
        if node.attribute("substitutionGroup").is_some() {
            return Err(error(doc, node, msg!("xsd-substitution")));
        }
        if let Some(constraint) =
            node.children.iter().find(|child| matches!(child.local.as_str(), "key" | "keyref" | "unique"))
        {
            return Err(error(doc, constraint, msg!("xsd-identity", name = &constraint.local)));
        }
        let local = node.attribute("name").ok_or_else(|| error(doc, node, msg!("xsd-element-no-name")))?;
        let qualified = global
            || match node.attribute("form") {
                Some(form) => form == "qualified",
                None => doc.element_qualified,
            };
        let name = QName::new(if qualified { &doc.target } else { "" }, local);
        let type_id = match self.type_attribute(doc, node, "type")? {
            Some(id) => id,
            None => self.anonymous(doc, node)?.unwrap_or(self.any_type),
        };
        Ok(ElementDecl {
            key: name_key(&name.local),
            name,
            type_id,
            nillable: node.attribute("nillable") == Some("true"),
            fixed: node.attribute("fixed").map(str::to_owned),
        })
    }
}

/// Base attribute uses extended with `own` (an own use replaces the base's of the same name).
fn merge(base: Vec<AttributeUse>, own: Vec<AttributeUse>) -> Vec<AttributeUse> {
    let mut uses = base;
    for attribute in own {
        uses.retain(|existing| existing.name != attribute.name);
        uses.push(attribute);
    }
    uses
}

/// Base attribute uses restricted by `own`: redeclared ones replace, prohibited ones go.
fn restrict(base: Vec<AttributeUse>, own: Vec<AttributeDraft>) -> Vec<AttributeUse> {
    let mut uses = base;
    for draft in own {
        uses.retain(|existing| existing.name != draft.use_.name);
        if !draft.prohibited {
            uses.push(draft.use_);
        }
    }
    uses
}

fn occurs(doc: &SchemaDoc, node: &XNode) -> Result<Occurs> {
    let number = |name: &str, default: u32| -> Result<Option<u32>> {
        match node.attribute(name).map(str::trim) {
            None => Ok(Some(default)),
            Some("unbounded") if name == "maxOccurs" => Ok(None),
            Some(text) => {
                text.parse().map(Some).map_err(|_| error(doc, node, msg!("xsd-not-count", name = name, value = text)))
            }
        }
    };
    let min = number("minOccurs", 1)?.unwrap_or(1);
    let max = number("maxOccurs", 1)?;
    if min > MAX_OCCURS || max.is_some_and(|max| max > MAX_OCCURS) {
        return Err(error(doc, node, msg!("xsd-occurs-too-high", max = MAX_OCCURS)));
    }
    if max.is_some_and(|max| max < min) {
        return Err(error(doc, node, msg!("xsd-max-below-min")));
    }
    Ok(Occurs { min, max })
}

fn wildcard(doc: &SchemaDoc, node: &XNode) -> Result<Wildcard> {
    let namespaces = match node.attribute("namespace").map(str::trim).unwrap_or("##any") {
        "##any" => Namespaces::Any,
        "##other" => Namespaces::Other(doc.target.clone()),
        list => Namespaces::List(
            list.split_whitespace()
                .map(|item| match item {
                    "##targetNamespace" => doc.target.clone(),
                    "##local" => String::new(),
                    uri => uri.to_owned(),
                })
                .collect(),
        ),
    };
    let process = match node.attribute("processContents").unwrap_or("strict") {
        "lax" => Process::Lax,
        "skip" => Process::Skip,
        _ => Process::Strict,
    };
    Ok(Wildcard { namespaces, process })
}

fn facets(doc: &SchemaDoc, node: &XNode, inherited: WhiteSpace) -> Result<(Facets, WhiteSpace)> {
    let mut facets = Facets::default();
    let mut white_space = inherited;
    for child in &node.children {
        let value = child.attribute("value");
        let text = || {
            value.map(str::to_owned).ok_or_else(|| error(doc, child, msg!("xsd-facet-no-value", name = &child.local)))
        };
        let count = || -> Result<usize> {
            text()?.trim().parse().map_err(|_| error(doc, child, msg!("xsd-facet-not-count", name = &child.local)))
        };
        match child.local.as_str() {
            "enumeration" => {
                let value = text()?;
                facets.enumeration_set.insert(value.split_whitespace().collect::<Vec<_>>().join(" "));
                facets.enumeration_set.insert(value.clone());
                facets.enumeration.get_or_insert_with(Vec::new).push(value);
            }
            "pattern" => {
                let source = text()?;
                let regex = translate_pattern(&source).map_err(|message| {
                    error(doc, child, msg!("xsd-bad-pattern", pattern = &source, error = message))
                })?;
                facets.patterns.push(Pattern { source, regex });
            }
            "length" => facets.length = Some(count()?),
            "minLength" => facets.min_length = Some(count()?),
            "maxLength" => facets.max_length = Some(count()?),
            "totalDigits" => facets.total_digits = Some(count()?),
            "fractionDigits" => facets.fraction_digits = Some(count()?),
            "minInclusive" => facets.min_inclusive = Some(text()?),
            "maxInclusive" => facets.max_inclusive = Some(text()?),
            "minExclusive" => facets.min_exclusive = Some(text()?),
            "maxExclusive" => facets.max_exclusive = Some(text()?),
            "whiteSpace" => {
                white_space = match text()?.as_str() {
                    "preserve" => WhiteSpace::Preserve,
                    "replace" => WhiteSpace::Replace,
                    _ => WhiteSpace::Collapse,
                }
            }
            _ => {}
        }
    }
    Ok((facets, white_space))
}

/// Thompson's construction: each particle becomes states and edges; repetition is unrolled
/// (bounded by [`MAX_OCCURS`]) with a loop for `unbounded`.
struct Nfa {
    edges: Vec<Vec<(Term, usize)>>,
    epsilon: Vec<Vec<usize>>,
}

impl Nfa {
    fn state(&mut self) -> Result<usize> {
        if self.edges.len() >= MAX_STATES {
            return Err(SchemaError(msg!("xsd-too-many-states", max = MAX_STATES)));
        }
        self.edges.push(Vec::new());
        self.epsilon.push(Vec::new());
        Ok(self.edges.len() - 1)
    }

    fn build(&mut self, particle: &Particle, start: usize) -> Result<usize> {
        let occurs = match particle {
            Particle::Element(_, occurs)
            | Particle::Any(_, occurs)
            | Particle::Sequence(_, occurs)
            | Particle::Choice(_, occurs) => *occurs,
        };
        let mut current = start;
        for _ in 0..occurs.min {
            current = self.once(particle, current)?;
        }
        match occurs.max {
            None => {
                let loop_start = self.state()?;
                self.epsilon[current].push(loop_start);
                let end = self.once(particle, loop_start)?;
                self.epsilon[end].push(loop_start);
                Ok(loop_start)
            }
            Some(max) => {
                for _ in occurs.min..max {
                    let after = self.state()?;
                    let end = self.once(particle, current)?;
                    self.epsilon[current].push(after);
                    self.epsilon[end].push(after);
                    current = after;
                }
                Ok(current)
            }
        }
    }

    fn once(&mut self, particle: &Particle, start: usize) -> Result<usize> {
        match particle {
            Particle::Element(id, _) => {
                let end = self.state()?;
                self.edges[start].push((Term::Element(*id), end));
                Ok(end)
            }
            Particle::Any(wildcard, _) => {
                let end = self.state()?;
                self.edges[start].push((Term::Any(wildcard.clone()), end));
                Ok(end)
            }
            Particle::Sequence(items, _) => {
                let mut current = start;
                for item in items {
                    current = self.build(item, current)?;
                }
                Ok(current)
            }
            Particle::Choice(items, _) => {
                let end = self.state()?;
                for item in items {
                    let branch = self.state()?;
                    self.epsilon[start].push(branch);
                    let branch_end = self.build(item, branch)?;
                    self.epsilon[branch_end].push(end);
                }
                Ok(end)
            }
        }
    }
}

fn automaton(particle: &Particle) -> Result<Automaton> {
    let mut nfa = Nfa { edges: Vec::new(), epsilon: Vec::new() };
    let start = nfa.state()?;
    let end = nfa.build(particle, start)?;
    let count = nfa.edges.len();
    let mut closure = Vec::with_capacity(count);
    let mut seen = vec![usize::MAX; count];
    for state in 0..count {
        let mut reached = vec![state];
        seen[state] = state;
        let mut index = 0;
        while index < reached.len() {
            let current = reached[index];
            for &next in &nfa.epsilon[current] {
                if seen[next] != state {
                    seen[next] = state;
                    reached.push(next);
                }
            }
            index += 1;
        }
        reached.sort_unstable();
        closure.push(reached);
    }
    let mut accepting = vec![false; count];
    accepting[end] = true;
    Ok(Automaton { edges: nfa.edges, closure, accepting, start, dfa: std::sync::OnceLock::new() })
}

#[cfg(test)]
mod tests {
    use super::resolve_location;

    #[test]
    fn locations_resolve_beside_the_including_document() {
        assert_eq!(resolve_location("CDA_Fi.xsd", "POCD_MT000040_Fi.xsd").as_deref(), Some("POCD_MT000040_Fi.xsd"));
        assert_eq!(resolve_location("a/b.xsd", "../c.xsd").as_deref(), Some("c.xsd"));
        assert_eq!(resolve_location("a/b.xsd", "./d/e.xsd").as_deref(), Some("a/d/e.xsd"));
        assert_eq!(resolve_location("b.xsd", "../c.xsd"), None);
        assert_eq!(resolve_location("b.xsd", "http://example.com/c.xsd"), None);
    }
}
