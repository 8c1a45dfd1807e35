//! Inline suppressions: `<!-- claimcheck: ignore RULE[, RULE] -->` on its own
//! line covers the next paragraph; after text on a line, that line. In claim
//! files, a claim's `ignore: [RULE]` covers that claim.

use crate::model::Article;
use crate::rules::Finding;
use regex::Regex;
use std::sync::LazyLock;

/// Lines `first..=last` of an article where findings of `rules` are not reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub first: usize,
    pub last: usize,
    /// Rule ids, or "all".
    pub rules: Vec<String>,
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*claimcheck:\s*ignore\s+([A-Za-z\-,\s]+?)\s*-->")
        .expect("suppression comment")
});

/// Finds the suppression comments in an article's lines.
pub fn scan(lines: &[String]) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(c) = COMMENT.captures(l) else {
            continue;
        };
        let rules: Vec<String> = c[1]
            .split([',', ' '])
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        let alone = l.trim() == c.get(0).expect("match").as_str().trim();
        if !alone {
            out.push(Suppression {
                first: i + 1,
                last: i + 1,
                rules,
            });
            continue;
        }
        // the next paragraph: from the next non-empty line to the line before the next blank one
        let Some(start) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
            continue;
        };
        let end = (start..lines.len())
            .find(|&j| lines[j].trim().is_empty())
            .unwrap_or(lines.len());
        out.push(Suppression {
            first: start + 1,
            last: end,
            rules,
        });
    }
    out
}

fn covers(article: &Article, line: usize, rule: &str) -> bool {
    article.suppressions.iter().any(|s| {
        s.first <= line && line <= s.last && s.rules.iter().any(|r| r == rule || r == "all")
    })
}

/// Whether a finding is suppressed where one of its claims (or its own place) stands.
pub fn is_suppressed(f: &Finding, articles: &[Article], claims: &[crate::model::Claim]) -> bool {
    let by_claim = f.claims.iter().any(|fc| {
        let c = &claims[fc.claim];
        covers(&articles[c.article], c.span.line, f.rule)
    });
    let by_place = match (&f.path, f.line) {
        (Some(_), Some(l)) => f
            .article
            .and_then(|i| articles.get(i))
            .is_some_and(|a| covers(a, l, f.rule)),
        _ => false,
    };
    by_claim || by_place
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_and_line_suppressions() {
        let lines: Vec<String> = "<!-- claimcheck: ignore contradiction -->\nA 5% rise.\nMore 6%.\n\nLast 7% <!-- claimcheck: ignore unsourced-figure, streak-mismatch -->"
            .lines()
            .map(String::from)
            .collect();
        let s = scan(&lines);
        assert_eq!(
            s[0],
            Suppression {
                first: 2,
                last: 3,
                rules: vec!["contradiction".into()]
            }
        );
        assert_eq!(s[1].first, 5);
        assert_eq!(s[1].rules, vec!["unsourced-figure", "streak-mismatch"]);
    }
}
