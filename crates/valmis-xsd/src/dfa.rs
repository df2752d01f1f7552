//! Content models stepped deterministically: the subset construction of an automaton over the
//! element names its edges name, built on the first use of the automaton (most of a schema set's
//! types are never used by a given bundle) and shared by every document after that.
//!
//! A DFA state is a state set of the nondeterministic automaton in the exact order `step`
//! produces it, so that stepping the DFA gives what stepping the state sets gives, down to the
//! order of the names an error message lists. A child name no move covers (a wildcard's, or one
//! that is not allowed) is stepped on the state set instead (`validate.rs`).

use crate::model::{Automaton, Schema, Term};
use crate::xml::{name_key, same_name_given_key};

/// The most DFA states one automaton may have; an automaton that needs more (large repetition
/// counts of optional content) is only ever stepped as state sets. Kela's CDA types need at
/// most 37.
const MAX_STATES: usize = 512;

/// The most work the construction of one DFA may do, counted as the edges each step looks at
/// (every edge of every state in the set it steps) and the states it reaches, which bounds the
/// time and the memory of the sets kept: a schema's automata may have 100,000 states, and
/// building must stay bounded whatever the schema. Kela's largest type takes about 45,000.
const MAX_WORK: usize = 1_000_000;

#[derive(Debug)]
pub(crate) struct Dfa {
    pub(crate) states: Vec<DfaState>,
}

#[derive(Debug)]
pub(crate) struct DfaState {
    /// The automaton's states, in the order `step` reached them.
    pub(crate) set: Vec<usize>,
    pub(crate) accepting: bool,
    pub(crate) moves: Vec<Move>,
}

/// Where a child element of one name goes.
#[derive(Debug)]
pub(crate) struct Move {
    /// `name_key` of the name's local part.
    pub(crate) key: u64,
    /// The element declaration whose name this move is for.
    pub(crate) element: usize,
    /// The DFA state after the child.
    pub(crate) target: usize,
    /// The edge that decides how the child is checked: (automaton state, index of its edge).
    pub(crate) edge: (usize, usize),
}

/// One step of the automaton from the state set `current` by a child named (`ns`, `local`):
/// the states reached, in `next` (cleared first), in the order found, and the edge that decides
/// how the child is checked, the first element edge that matches, else the first wildcard.
/// `marks` has a slot per automaton state and `epoch` is a number no earlier step used.
pub(crate) fn step(
    schema: &Schema,
    automaton: &Automaton,
    current: &[usize],
    (ns, local, key): (&str, &str, u64),
    marks: &mut [u64],
    epoch: u64,
    next: &mut Vec<usize>,
) -> Option<(usize, usize)> {
    next.clear();
    let mut matched: Option<(usize, usize)> = None;
    let mut matched_element = false;
    for &state in current {
        for (index, (term, target)) in automaton.edges[state].iter().enumerate() {
            let accepts = match term {
                Term::Element(id) => {
                    let declaration = &schema.elements[*id];
                    declaration.key == key
                        && same_name_given_key(local, &declaration.name.local, ns, &declaration.name.ns)
                }
                Term::Any(wildcard) => wildcard.namespaces.admits(ns),
            };
            if !accepts {
                continue;
            }
            let is_element = matches!(term, Term::Element(_));
            if matched.is_none() || (!matched_element && is_element) {
                matched = Some((state, index));
                matched_element = is_element;
            }
            for &reached in &automaton.closure[*target] {
                if marks[reached] != epoch {
                    marks[reached] = epoch;
                    next.push(reached);
                }
            }
        }
    }
    matched
}

impl Dfa {
    /// The DFA of `automaton`, or `None` when it would have more than `MAX_STATES` states.
    pub(crate) fn build(schema: &Schema, automaton: &Automaton) -> Option<Self> {
        let start = automaton.closure.get(automaton.start)?.clone();
        let mut dfa = Self { states: Vec::new() };
        let mut index: std::collections::HashMap<Vec<usize>, usize> = std::collections::HashMap::new();
        index.insert(start.clone(), 0);
        dfa.states.push(DfaState {
            accepting: start.iter().any(|s| automaton.accepting[*s]),
            set: start,
            moves: Vec::new(),
        });
        let mut marks = vec![0_u64; automaton.edges.len()];
        let mut epoch = 0;
        let mut next = Vec::new();
        let mut work = 0_usize;
        let mut done = 0;
        while done < dfa.states.len() {
            // The element names the states' edges name, once each (two declarations of one name
            // step alike: a step looks at names, not declarations).
            let mut names: Vec<usize> = Vec::new();
            for &state in &dfa.states[done].set {
                for (term, _) in &automaton.edges[state] {
                    if let Term::Element(id) = term
                        && !names.iter().any(|seen| schema.elements[*seen].name == schema.elements[*id].name)
                    {
                        names.push(*id);
                    }
                }
            }
            let mut moves = Vec::with_capacity(names.len());
            for element in names {
                let name = &schema.elements[element].name;
                let key = name_key(&name.local);
                epoch += 1;
                let set = &dfa.states[done].set;
                work += set.iter().map(|state| automaton.edges[*state].len()).sum::<usize>();
                if work > MAX_WORK {
                    return None;
                }
                let Some(edge) =
                    step(schema, automaton, set, (&name.ns, &name.local, key), &mut marks, epoch, &mut next)
                else {
                    continue;
                };
                work += next.len();
                if work > MAX_WORK {
                    return None;
                }
                let target = match index.get(&next) {
                    Some(&target) => target,
                    None => {
                        if dfa.states.len() == MAX_STATES {
                            return None;
                        }
                        let target = dfa.states.len();
                        index.insert(next.clone(), target);
                        dfa.states.push(DfaState {
                            accepting: next.iter().any(|s| automaton.accepting[*s]),
                            set: next.clone(),
                            moves: Vec::new(),
                        });
                        target
                    }
                };
                moves.push(Move { key, element, target, edge });
            }
            dfa.states[done].moves = moves;
            done += 1;
        }
        Some(dfa)
    }
}

/// The DFA against the state sets it is built from: every document, valid or broken, must get
/// the same violations (ranges and messages, in order) stepped either way.
#[cfg(test)]
mod tests {
    use std::path::Path;

    use roxmltree::Document;

    use crate::compile::compile;
    use crate::model::{Content, Schema, Type};
    use crate::validate::validate_with;

    fn same_either_way(schema: &Schema, text: &str) -> usize {
        let Ok(document) = Document::parse(text) else { return 0 };
        let dfa = validate_with(schema, &document, 1000, true);
        let sets = validate_with(schema, &document, 1000, false);
        let shown = |found: &[crate::Violation]| -> Vec<String> {
            found.iter().map(|v| format!("{:?} {}", v.range, v.message)).collect()
        };
        assert_eq!(shown(&dfa), shown(&sets), "{text}");
        dfa.len()
    }

    /// A xorshift generator, so that the documents are the same on every run.
    struct Random(u64);

    impl Random {
        fn below(&mut self, bound: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % bound.max(1) as u64) as usize
        }
    }

    /// One change to the element structure of `text`: an element deleted, doubled, moved before
    /// its previous sibling, renamed to another element's name, or preceded by a foreign one.
    fn mutate(text: &str, random: &mut Random) -> String {
        let Ok(document) = Document::parse(text) else { return text.to_owned() };
        let elements: Vec<_> =
            document.descendants().filter(|n| n.is_element() && n.parent_element().is_some()).collect();
        if elements.is_empty() {
            return text.to_owned();
        }
        let node = elements[random.below(elements.len())];
        let range = node.range();
        match random.below(5) {
            0 => format!("{}{}", &text[..range.start], &text[range.end..]),
            1 => format!("{}{}{}", &text[..range.end], &text[range.clone()], &text[range.end..]),
            2 => match node.prev_sibling_element() {
                Some(previous) => {
                    let before = previous.range();
                    format!(
                        "{}{}{}{}",
                        &text[..before.start],
                        &text[range.clone()],
                        &text[before.end..range.start],
                        &text[before.clone()]
                    ) + &text[range.end..]
                }
                None => text.to_owned(),
            },
            3 => {
                let other = elements[random.below(elements.len())].tag_name().name();
                let name = node.tag_name().name();
                let open = &text[range.clone()];
                if open.starts_with(&format!("<{name}")) && !name.contains(':') {
                    let renamed = format!("<{other}{}", &open[1 + name.len()..]);
                    let renamed = match renamed.strip_suffix(&format!("</{name}>")) {
                        Some(body) => format!("{body}</{other}>"),
                        None => renamed,
                    };
                    format!("{}{renamed}{}", &text[..range.start], &text[range.end..])
                } else {
                    text.to_owned()
                }
            }
            _ => format!("{}<x:vieras xmlns:x=\"urn:vieras\"/>{}", &text[..range.start], &text[range.start..]),
        }
    }

    fn repository() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn kela_samples_and_broken_copies_get_the_same_violations_either_way() {
        let dir = repository().join("testcases/2027-1/schemas/kanta-cda");
        let schema = compile("CDA_Fi.xsd", &|location| std::fs::read_to_string(dir.join(location)).ok())
            .expect("Kela's schemas compile");
        let samples = repository().join("fixtures/kanta-cda/documents");
        let mut texts: Vec<String> = std::fs::read_dir(samples)
            .expect("samples")
            .filter_map(Result::ok)
            .map(|entry| std::fs::read_to_string(entry.path()).expect("read"))
            .collect();
        texts.sort();
        let mut random = Random(0x0DFA_5EED_2026_1203);
        let mut broken = 0;
        for text in &texts {
            assert_eq!(same_either_way(&schema, text), 0, "Kela's sample is valid");
            for _ in 0..12 {
                let mut changed = text.clone();
                for _ in 0..=random.below(3) {
                    changed = mutate(&changed, &mut random);
                }
                if same_either_way(&schema, &changed) > 0 {
                    broken += 1;
                }
            }
        }
        // The mutations must reach the error paths, not only valid documents.
        assert!(broken > 300, "only {broken} broken documents");
        // Every automaton a sample used got a DFA: none of Kela's types is too large for one.
        let mut built = 0;
        for ty in &schema.types {
            if let Type::Complex(complex) = ty
                && let Content::Elements(automaton) = &complex.content
                && let Some(dfa) = automaton.dfa.get()
            {
                assert!(dfa.is_some(), "a CDA content model over the DFA's size limit");
                built += 1;
            }
        }
        assert!(built > 20, "{built} DFAs built");
    }

    const SMALL: &str = r###"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="r">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="a" minOccurs="0" maxOccurs="3"/>
        <xs:choice minOccurs="0">
          <xs:element name="b"/>
          <xs:sequence><xs:element name="c"/><xs:element name="b" minOccurs="0"/></xs:sequence>
        </xs:choice>
        <xs:element ref="g" minOccurs="0" maxOccurs="2"/>
        <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="2"/>
        <xs:element name="d" minOccurs="0"/>
        <xs:any namespace="##any" processContents="skip" minOccurs="0"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:element name="g">
    <xs:complexType>
      <xs:sequence minOccurs="0" maxOccurs="64">
        <xs:element name="p1" minOccurs="0" maxOccurs="10"/>
        <xs:element name="p2" minOccurs="0"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>"###;

    #[test]
    fn random_children_of_wildcards_choices_and_repetitions_get_the_same_violations() {
        let schema = compile("t.xsd", &|location| (location == "t.xsd").then(|| SMALL.to_owned())).expect("compiles");
        let names = ["a", "b", "c", "d", "g", "e", "o:z", "p1"];
        let group = ["p1", "p1", "p1", "p2", "p3", "a"];
        let mut random = Random(0x000A_110F_7E57);
        let (mut valid, mut broken) = (0, 0);
        for _ in 0..2000 {
            let mut body = String::new();
            for _ in 0..random.below(8) {
                let name = names[random.below(names.len())];
                if name == "g" {
                    body.push_str("<g>");
                    for _ in 0..random.below(12) {
                        let p = group[random.below(group.len())];
                        body.push_str(&format!("<{p}/>"));
                    }
                    body.push_str("</g>");
                } else {
                    body.push_str(&format!("<{name}/>"));
                }
            }
            let text = format!("<r xmlns=\"urn:t\" xmlns:o=\"urn:o\">{body}</r>");
            if same_either_way(&schema, &text) == 0 { valid += 1 } else { broken += 1 }
        }
        assert!(valid > 100 && broken > 100, "{valid} valid, {broken} broken");
        // `g`'s repetitions have more state sets than a DFA may have: it is stepped by sets.
        let too_large = schema.types.iter().filter(|ty| {
            matches!(ty, Type::Complex(complex) if matches!(&complex.content, Content::Elements(automaton) if matches!(automaton.dfa.get(), Some(None))))
        });
        assert_eq!(too_large.count(), 1);
    }

    #[test]
    fn building_a_dfa_stops_at_its_work_budget_and_the_sets_take_over() {
        // A sequence of 300 optional elements: 301 DFA states (within `MAX_STATES`), but the
        // state before the k-th element names 301 - k elements and each of its steps looks at as
        // many edges, about 9 million edges in all.
        let names: String = (0..300).map(|n| format!("<xs:element name=\"e{n}\" minOccurs=\"0\"/>")).collect();
        let schema_text = format!(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType>
            <xs:sequence>{names}</xs:sequence>
            </xs:complexType></xs:element></xs:schema>"#
        );
        let schema =
            compile("w.xsd", &|location| (location == "w.xsd").then(|| schema_text.clone())).expect("compiles");
        let mut random = Random(0x0000_B0D6_E7ED);
        for _ in 0..20 {
            let body: String = (0..random.below(30)).map(|_| format!("<e{}/>", random.below(320))).collect();
            same_either_way(&schema, &format!("<r>{body}</r>"));
        }
        let stopped = schema.types.iter().any(|ty| {
            matches!(ty, Type::Complex(complex) if matches!(&complex.content, Content::Elements(automaton) if matches!(automaton.dfa.get(), Some(None))))
        });
        assert!(stopped, "the DFA was built within the budget");
    }
}
