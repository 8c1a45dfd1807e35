//! Coordinated figures: "revenue and adjusted EPS of $4.2 billion and $0.88,
//! respectively" pairs each figure with the measure in the same place of the
//! list before it, and the figures of one list share their role (an estimate's
//! figures are all estimates).

use crate::knowledge::metrics::{cue_words, Qualifier};
use crate::model::{Basis, Claim, MetricId};

/// The qualifier written just before a measure ("adjusted EPS"): the last three words.
fn qualifier_before(sentence: &str, at: usize, measure: &str, qs: &[Qualifier]) -> Option<String> {
    let head = &sentence[..at];
    let cut = head
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(3)
        .map_or(0, |(i, _)| i);
    let words = cue_words(&head[cut..]);
    qs.iter()
        .find(|q| q.applies_to(measure) && q.before_cues.iter().any(|c| words.contains(c.as_str())))
        .map(|q| q.id.clone())
}

/// The figures of a sentence, in order: (index of the claim, start, end) in the sentence.
pub type Placed = (usize, usize, usize);

/// Whether the text between two figures only joins them ("and", a comma, "or").
fn joins(between: &str) -> bool {
    between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
}

/// The list of figures that "respectively" closes: the figures just before it,
/// joined by "and" or commas, at least two.
fn group(sentence: &str, placed: &[Placed]) -> Option<Vec<Placed>> {
    let lower = sentence.to_ascii_lowercase();
    let r = lower.find("respectively")?;
    let mut before: Vec<Placed> = placed.iter().copied().filter(|p| p.2 <= r).collect();
    let last = before.pop()?;
    // nothing but punctuation between the last figure and "respectively"
    if !sentence[last.2..r]
        .chars()
        .all(|c| c.is_whitespace() || c == ',' || c == '(' || c == ')')
    {
        return None;
    }
    let mut out = vec![last];
    while let Some(p) = before.pop() {
        if joins(&sentence[p.2..out[out.len() - 1].1]) {
            out.push(p);
        } else {
            break;
        }
    }
    out.reverse();
    (out.len() >= 2).then_some(out)
}

/// Distributes the measures named before a "respectively" list over its
/// figures, and shares an estimate's basis and outlook across the list.
/// `measures` are the measures named in the sentence, in order (start, end, id).
pub fn respectively(
    sentence: &str,
    placed: &[Placed],
    measures: &[(usize, usize, String)],
    qualifiers: &[Qualifier],
    claims: &mut [Claim],
) {
    let Some(g) = group(sentence, placed) else {
        return;
    };
    let first = g[0].1;
    let named: Vec<&(usize, usize, String)> = measures.iter().filter(|m| m.1 <= first).collect();
    if named.len() >= g.len() {
        let named = &named[named.len() - g.len()..];
        let distinct = named
            .iter()
            .map(|m| m.2.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let subject = g
            .iter()
            .find_map(|p| claims[p.0].metric.as_ref().map(|m| m.subject.clone()))
            .unwrap_or_else(|| "company".to_string());
        if distinct == g.len() {
            {
                for (p, m) in g.iter().zip(named) {
                    let scope = g
                        .iter()
                        .find_map(|q| {
                            claims[q.0]
                                .metric
                                .as_ref()
                                .filter(|x| x.measure == m.2)
                                .and_then(|x| x.scope.clone())
                        })
                        .or_else(|| qualifier_before(sentence, m.0, &m.2, qualifiers));
                    claims[p.0].metric = Some(MetricId {
                        subject: subject.clone(),
                        measure: m.2.clone(),
                        scope,
                    });
                }
            }
        }
    }
    let last = g[g.len() - 1].2;
    let estimate = g.iter().any(|p| claims[p.0].basis == Some(Basis::Estimate))
        || super::metric::is_estimate_span(sentence, 0, first, last);
    if estimate {
        for p in &g {
            let c = &mut claims[p.0];
            if c.basis.is_none() && c.kind == crate::model::Kind::Level {
                c.basis = Some(Basis::Estimate);
                c.outlook = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_closed_by_respectively() {
        let s = "Sales and profit were $4.2 billion and $0.9 billion, respectively.";
        let a = s.find("$4.2").unwrap();
        let b = s.find("$0.9").unwrap();
        let placed = vec![(0, a, a + 12), (1, b, b + 12)];
        assert_eq!(group(s, &placed).map(|g| g.len()), Some(2));
        // no "respectively": no list
        let t = "Sales were $4.2 billion and profit $0.9 billion.";
        assert_eq!(group(t, &placed), None);
        // words other than "and" between the figures end the list
        let u = "Sales rose to $4.2 billion from $3.9 billion and $0.9 billion, respectively.";
        let (x, y, z) = (
            u.find("$4.2").unwrap(),
            u.find("$3.9").unwrap(),
            u.find("$0.9").unwrap(),
        );
        let placed = vec![(0, x, x + 12), (1, y, y + 12), (2, z, z + 12)];
        assert_eq!(group(u, &placed).map(|g| g.len()), Some(2));
    }
}
