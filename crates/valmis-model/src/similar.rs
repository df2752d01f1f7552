//! Names near a misspelt one, by edit distance: the "did you mean" of every place a person
//! names something valmis knows (a manifest key, a service, a requirement id in a waiver).

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{did_you_mean, edit_distance};

    #[test]
    fn typos_get_suggestions() {
        let keys = ["business_id", "name", "oid"];
        assert_eq!(did_you_mean("busines_id", keys.into_iter()), Some("business_id"));
        assert_eq!(did_you_mean("homepage", keys.into_iter()), None);
        assert_eq!(edit_distance("PRIVACY-HTEU", "PRIVACY-HETU"), 2);
    }
}
