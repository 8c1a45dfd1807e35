//! How a sentence is sourced: citation markers, links, attribution.

use crate::model::Sourcing;
use regex::Regex;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d{1,3})\](?:[^(]|$)").expect("marker"));
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)according\s+to\s+(?:the\s+)?([\w&.'\u{2019}\- ]{2,60}?)(?:[,.;]|\s+(?:which|that|and|the|a|its|as)(?-u:\b)|$)|(?-u:\b)(?:data|figures|estimates)\s+from\s+([\w&.'\- ]{2,40}?)(?:\s+(?:show|shows|highlight|highlights|indicate|indicates|suggest|suggests)|[,.;])|(?-u:\b)([A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3}|the\s+company|the\s+firm|the\s+group|executives?|management|analysts?|officials?|(?:chief\s+)?executive\s+officer|(?:chief\s+)?financial\s+officer|ceo|cfo|spokesperson|spokesman|spokeswoman)\s+(?:said|says|told|stated|noted|wrote|added|estimated|estimates|expects|forecast)(?-u:\b)|(?-u:\b)(?:said|says|told\s+\w+|stated|noted|added)\s+(?:the\s+company|the\s+firm|[A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3})|(?-u:\b)in\s+(?:a|its|the)\s+(?:statement|filing|press\s+release|release|regulatory\s+filing|report|earnings\s+release|presentation)(?-u:\b)|(?-u:\b)per\s+(?:the|its|a)\s+(?:company|filing|release|report|statement)(?-u:\b)|(?-u:\b)(?:citing|cited\s+by|as\s+reported\s+by|reported\s+by)\s+[\w&.'\- ]{2,40}",
    )
    .expect("attribution")
});

/// Sourcing of a sentence: `links` are hrefs of links overlapping it.
pub fn of_sentence(sentence: &str, links: &[String]) -> Sourcing {
    // cheap literal checks first: most sentences carry no marker and no attribution verb
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)according|said|says|told|stated|noted|wrote|added|estimat|expects|forecast|from|statement|filing|release|report|presentation|per |citing|cited").expect("cues")
    });
    let citations: Vec<String> = if sentence.contains('[') {
        MARKER
            .captures_iter(sentence)
            .map(|c| c[1].to_string())
            .collect()
    } else {
        Vec::new()
    };
    let attribution = if CUES.is_match(sentence) {
        ATTRIBUTION
            .find(sentence)
            .map(|m| m.as_str().trim().to_string())
    } else {
        None
    };
    Sourcing {
        citations,
        link: links.first().cloned(),
        attribution,
        restates: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
