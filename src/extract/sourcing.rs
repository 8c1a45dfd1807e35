//! How a sentence is sourced: citation markers, links, attribution.

use crate::model::Sourcing;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d{1,3})\](?:[^(]|$)").expect("marker"));
/// Attribution phrases, each behind the words that must appear for it to match (lower case):
/// the first (leftmost, then in this order) match of any of them is the attribution.
/// One regex per phrase keeps each small enough for the lazy DFA, and most sentences skip all.
static ATTRIBUTION: LazyLock<Vec<(&'static [&'static str], Regex)>> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(&format!("(?i){s}")).expect("attribution");
    vec![
        (
            &["according"][..],
            re(
                r"(?-u:\b)according\s+to\s+(?:the\s+)?([\w&.'\u{2019}\- ]{2,60}?)(?:[,.;]|\s+(?:which|that|and|the|a|its|as)(?-u:\b)|$)",
            ),
        ),
        (
            &["from"][..],
            re(
                r"(?-u:\b)(?:data|figures|estimates)\s+from\s+([\w&.'\- ]{2,40}?)(?:\s+(?:show|shows|highlight|highlights|indicate|indicates|suggest|suggests)|[,.;])",
            ),
        ),
        (
            &[
                "said", "says", "told", "stated", "noted", "wrote", "added", "estimate", "expects",
                "forecast",
            ][..],
            re(
                r"(?-u:\b)((?-i:[A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3})|the\s+company|the\s+firm|the\s+group|executives?|management|analysts?|officials?|(?:chief\s+)?executive\s+officer|(?:chief\s+)?financial\s+officer|ceo|cfo|spokesperson|spokesman|spokeswoman)(?:\s+(?:report|statement|spokesperson|spokesman|spokeswoman|analysis|note|survey|data|filing))?\s+(?:said|says|told|stated|noted|wrote|added|estimated|estimates|expects|forecast)(?-u:\b)",
            ),
        ),
        (
            &["said", "says", "told", "stated", "noted", "added"][..],
            re(
                r"(?-u:\b)(?:said|says|told\s+\w+|stated|noted|added)\s+(?:the\s+company|the\s+firm|(?-i:[A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3}))",
            ),
        ),
        (
            &["statement", "filing", "release", "report", "presentation"][..],
            re(
                r"(?-u:\b)in\s+(?:a|its|the)\s+(?:statement|filing|press\s+release|release|regulatory\s+filing|report|earnings\s+release|presentation)(?-u:\b)",
            ),
        ),
        (
            &["per "][..],
            re(
                r"(?-u:\b)per\s+(?:the|its|a)\s+(?:\w+\s+)?(?:company|filing|release|report|statement|results)(?-u:\b)",
            ),
        ),
        (
            &["citing", "cited", "reported by"][..],
            re(
                r"(?-u:\b)(?:citing|cited\s+by|as\s+reported\s+by|reported\s+by)\s+[\w&.'\- ]{2,40}",
            ),
        ),
    ]
});

/// The first attribution phrase in a sentence.
fn attribution(sentence: &str) -> Option<&str> {
    attribution_span(sentence).map(|(s, e)| &sentence[s..e])
}

/// Byte range of the first attribution phrase in a sentence ("the company said").
pub fn attribution_span(sentence: &str) -> Option<(usize, usize)> {
    let lower = sentence.to_ascii_lowercase();
    let mut best: Option<(usize, usize)> = None;
    for (cues, re) in ATTRIBUTION.iter() {
        if !cues.iter().any(|c| lower.contains(c)) {
            continue;
        }
        if let Some(m) = re.find(sentence) {
            if best.is_none_or(|(s, _)| m.start() < s) {
                best = Some((m.start(), m.end()));
            }
        }
    }
    best
}

/// The citation markers covering a figure: the first group of markers after it
/// in its sentence ("rose 5% [1], while margins fell [2]": 5% is [1]).
pub fn markers_after(sentence: &str, at: usize) -> Vec<String> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[(\d{1,3})\]").expect("marker"));
    let rest = &sentence[at..];
    if !rest.contains('[') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut last_end: Option<usize> = None;
    for c in BARE.captures_iter(rest) {
        let m = c.get(0).expect("marker");
        // "[text](url)" is a Markdown link, not a marker
        if rest[m.end()..].starts_with('(') {
            continue;
        }
        // markers written together ("[1][2]", "[1], [2]") form one group
        if let Some(e) = last_end {
            if !rest[e..m.start()].trim_matches([',', ' ']).is_empty() {
                break;
            }
        }
        out.push(c[1].to_string());
        last_end = Some(m.end());
    }
    out
}

/// Sourcing of a sentence: `links` are hrefs of links overlapping it.
pub fn of_sentence(sentence: &str, links: &[String]) -> Sourcing {
    let citations: Vec<String> = if sentence.contains('[') {
        MARKER
            .captures_iter(sentence)
            .map(|c| c[1].to_string())
            .collect()
    } else {
        Vec::new()
    };
    let attribution = attribution(sentence).map(|a| a.trim().to_string());
    Sourcing {
        citations,
        link: links.first().cloned(),
        attribution,
        restates: None,
        voice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_cover_the_clause_before_them() {
        let s = "Sales rose 5% [1], while margins fell 2% [2]. ";
        assert_eq!(markers_after(s, s.find("5%").unwrap() + 2), vec!["1"]);
        assert_eq!(markers_after(s, s.find("2%").unwrap() + 2), vec!["2"]);
        let t = "Sales rose 5% [1][3].";
        assert_eq!(markers_after(t, 13), vec!["1", "3"]);
        assert!(markers_after("Sales rose 5%.", 13).is_empty());
    }

    #[test]
    fn markers_links_attribution() {
        let s = of_sentence("Revenue rose 5% [2] and margins held [3].", &[]);
        assert_eq!(s.citations, vec!["2", "3"]);
        assert!(
            of_sentence("Sales rose 4%, the company said in a statement.", &[])
                .attribution
                .is_some()
        );
        assert!(
            of_sentence("Sales rose 4%, according to a regulatory filing.", &[])
                .attribution
                .is_some()
        );
        assert!(of_sentence("Data from Fieldwire shows sales rose 4%.", &[])
            .attribution
            .is_some());
        assert!(of_sentence("Sales rose 4%, a Reuters report said.", &[])
            .attribution
            .is_some());
        assert!(of_sentence("The firm reported a 4% rise in sales.", &[])
            .attribution
            .is_none());
        assert!(
            of_sentence("See [the release](https://x.y) for details.", &[])
                .citations
                .is_empty()
        );
    }
}
