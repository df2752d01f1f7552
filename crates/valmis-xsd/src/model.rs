//! The compiled schema: types, element declarations and content-model automata, referring to
//! each other by index so that recursive structures (a CDA section holds components that hold
//! sections) need no pointers.

use std::collections::HashMap;

use crate::simple::{Builtin, Facets, WhiteSpace};
use crate::xml::QName;

pub(crate) type TypeId = usize;
pub(crate) type ElementId = usize;

#[derive(Debug)]
pub(crate) struct Schema {
    pub(crate) types: Vec<Type>,
    pub(crate) elements: Vec<ElementDecl>,
    pub(crate) global_elements: HashMap<QName, ElementId>,
    pub(crate) global_types: HashMap<QName, TypeId>,
    /// The built-in `xs:anyType`.
    pub(crate) any_type: TypeId,
}

#[derive(Debug)]
pub(crate) enum Type {
    Simple(SimpleType),
    Complex(ComplexType),
}

#[derive(Debug)]
pub(crate) struct SimpleType {
    pub(crate) name: Option<QName>,
    pub(crate) variety: Variety,
    /// The facets this derivation step adds (restrictions only).
    pub(crate) facets: Facets,
    pub(crate) white_space: WhiteSpace,
}

#[derive(Debug)]
pub(crate) enum Variety {
    Builtin(Builtin),
    /// A restriction of another simple type (its facets in `SimpleType::facets`).
    Restriction(TypeId),
    List(TypeId),
    Union(Vec<TypeId>),
}

#[derive(Debug)]
pub(crate) struct ComplexType {
    pub(crate) name: Option<QName>,
    pub(crate) is_abstract: bool,
    pub(crate) mixed: bool,
    pub(crate) base: Option<TypeId>,
    pub(crate) content: Content,
    pub(crate) attributes: Vec<AttributeUse>,
    /// `anyAttribute`: attributes it does not declare are allowed.
    pub(crate) any_attribute: bool,
}

#[derive(Debug)]
pub(crate) enum Content {
    Empty,
    /// Text of a simple type.
    Simple(TypeId),
    /// Child elements as the automaton accepts them.
    Elements(Automaton),
    /// `xs:anyType`: anything, checked laxly.
    Any,
}

#[derive(Debug, Clone)]
pub(crate) struct AttributeUse {
    pub(crate) name: QName,
    /// `crate::xml::name_key` of the local name.
    pub(crate) key: u64,
    pub(crate) type_id: TypeId,
    pub(crate) required: bool,
    pub(crate) fixed: Option<String>,
}

#[derive(Debug)]
pub(crate) struct ElementDecl {
    pub(crate) name: QName,
    /// `crate::xml::name_key` of the local name.
    pub(crate) key: u64,
    pub(crate) type_id: TypeId,
    pub(crate) nillable: bool,
    pub(crate) fixed: Option<String>,
}

/// Which namespaces a wildcard admits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Namespaces {
    Any,
    /// `##other`: any namespace but the target namespace, and not unqualified names.
    Other(String),
    /// An explicit list; "" stands for unqualified names.
    List(Vec<String>),
}

impl Namespaces {
    pub(crate) fn admits(&self, ns: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Other(target) => !ns.is_empty() && ns != target,
            Self::List(list) => list.iter().any(|item| item == ns),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Process {
    Strict,
    Lax,
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wildcard {
    pub(crate) namespaces: Namespaces,
    pub(crate) process: Process,
}

/// What an automaton edge consumes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Term {
    Element(ElementId),
    Any(Wildcard),
}

/// A content model as a nondeterministic automaton with its epsilon closures computed: a set of
/// states is stepped by each child element.
#[derive(Debug, Default)]
pub(crate) struct Automaton {
    /// Per state: the edges leaving it.
    pub(crate) edges: Vec<Vec<(Term, usize)>>,
    /// Per state: the states reachable without consuming anything (itself included), sorted.
    pub(crate) closure: Vec<Vec<usize>>,
    pub(crate) accepting: Vec<bool>,
    pub(crate) start: usize,
    /// The deterministic automaton over element names, built on first use (`crate::dfa`);
    /// `None` inside when it would be too large.
    pub(crate) dfa: std::sync::OnceLock<Option<crate::dfa::Dfa>>,
}

impl Schema {
    pub(crate) fn simple(&self, id: TypeId) -> Option<&SimpleType> {
        match self.types.get(id) {
            Some(Type::Simple(simple)) => Some(simple),
            _ => None,
        }
    }

    /// A type's name for messages: its QName's local part, or "an anonymous type".
    pub(crate) fn type_name(&self, id: TypeId) -> valmis_i18n::Msg {
        let name = match self.types.get(id) {
            Some(Type::Simple(simple)) => simple.name.as_ref(),
            Some(Type::Complex(complex)) => complex.name.as_ref(),
            None => None,
        };
        name.map_or_else(
            || valmis_i18n::msg!("xsd-anonymous-type"),
            |name| valmis_i18n::msg!("xsd-type-name", name = name.local.as_str()),
        )
    }

    /// The type a type is derived from in one step.
    pub(crate) fn base(&self, id: TypeId) -> Option<TypeId> {
        match self.types.get(id)? {
            Type::Complex(complex) => complex.base,
            Type::Simple(simple) => match simple.variety {
                Variety::Restriction(base) => Some(base),
                _ => None,
            },
        }
    }

    /// Whether `derived` is `ancestor` or derived from it (every type derives from anyType).
    pub(crate) fn derives_from(&self, derived: TypeId, ancestor: TypeId) -> bool {
        if ancestor == self.any_type {
            return true;
        }
        let mut current = Some(derived);
        // A derivation chain is short; the bound only guards against a cycle.
        for _ in 0..256 {
            match current {
                Some(id) if id == ancestor => return true,
                Some(id) => current = self.base(id),
                None => return false,
            }
        }
        false
    }

    /// The built-in type at the root of a simple type's restrictions, when it is atomic.
    pub(crate) fn builtin_of(&self, id: TypeId) -> Option<Builtin> {
        let mut current = id;
        for _ in 0..256 {
            match &self.simple(current)?.variety {
                Variety::Builtin(builtin) => return Some(*builtin),
                Variety::Restriction(base) => current = *base,
                Variety::List(_) | Variety::Union(_) => return None,
            }
        }
        None
    }
}
