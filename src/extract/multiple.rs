//! Figures stated as a multiple of another figure of their sentence: "a margin of
//! 13.2%, nearly triple the 4.6% a quarter earlier", "$5.1 billion, about twice the
//! $2.4 billion of last year". The multiple is recorded on the first figure, with
//! where the second is, for the arithmetic rule to check.

use super::coordinate::Placed;
use crate::model::{Claim, Hedge, Multiple};
use regex::Regex;
use std::sync::LazyLock;

/// The words between two figures that make the first a multiple of the second.
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*,?\s*
        (?:(?:which\s+|that\s+)?(?:is|was|are|were|or)\s+)?
        (?P<hedge>nearly|almost|close\s+to|just\s+(?:under|shy\s+of)|roughly|about|around|some|approximately|more\s+than|over|well\s+over|less\s+than|under)?\s*
        (?P<mult>double|twice|triple|treble|quadruple|half
          |(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}(?:\.\d)?)[\s-]*(?:times|fold))
        \s+(?:the\s+|that\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?|as\s+(?:much|large|high|big)\s+as\s+(?:the\s+)?)?
        (?:[a-z-]+\s+){0,2}?$",
    )
    .expect("multiple between")
});

fn factor(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    let head = w
        .trim_end_matches("times")
        .trim_end_matches("fold")
        .trim_end_matches(['-', ' ']);
    Some(match head {
        "double" | "twice" | "two" => 2.0,
        "triple" | "treble" | "three" => 3.0,
        "quadruple" | "four" => 4.0,
        "half" => 0.5,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        n => n.parse().ok().filter(|x: &f64| *x > 0.0)?,
    })
}

fn hedge(word: Option<&str>) -> Hedge {
    let Some(w) = word else { return Hedge::Plain };
    let w = w.to_ascii_lowercase();
    if w.starts_with("nearly")
        || w.starts_with("almost")
        || w.starts_with("close")
        || w.starts_with("just")
    {
        Hedge::Nearly
    } else if w.contains("more") || w.contains("over") {
        Hedge::MoreThan
    } else if w.starts_with("less") || w == "under" {
        Hedge::LessThan
    } else {
        Hedge::About
    }
}

/// Records on each figure of the sentence that is stated as a multiple of the next one.
pub fn mark(sentence: &str, placed: &[Placed], claims: &mut [Claim]) {
    for w in placed.windows(2) {
        let ((a, _, a_end), (b, b_start, _)) = (w[0], w[1]);
        if a_end > b_start {
            continue;
        }
        let Some(c) = BETWEEN.captures(&sentence[a_end..b_start]) else {
            continue;
        };
        let Some(mult) = c.name("mult") else { continue };
        let Some(k) = factor(mult.as_str()) else {
            continue;
        };
        let words = match c.name("hedge") {
            Some(h) => format!("{} {}", h.as_str(), mult.as_str()),
            None => mult.as_str().to_string(),
        };
        let (line, column) = (claims[b].span.line, claims[b].span.column);
        claims[a].multiple = Some(Multiple {
            words,
            factor: k,
            hedge: hedge(c.name("hedge").map(|m| m.as_str())),
            line,
            column,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn between(s: &str) -> Option<(f64, Hedge)> {
        let c = BETWEEN.captures(s)?;
        Some((
            factor(c.name("mult")?.as_str())?,
            hedge(c.name("hedge").map(|m| m.as_str())),
        ))
    }

    #[test]
    fn multiples_between_two_figures() {
        assert_eq!(between(", nearly triple the "), Some((3.0, Hedge::Nearly)));
        assert_eq!(between(", about twice the "), Some((2.0, Hedge::About)));
        assert_eq!(
            between(" or more than double "),
            Some((2.0, Hedge::MoreThan))
        );
        assert_eq!(
            between(", three times as much as the "),
            Some((3.0, Hedge::Plain))
        );
        assert_eq!(between(", half the "), Some((0.5, Hedge::Plain)));
        assert_eq!(between(", a 2.5-fold rise on the "), None);
        assert_eq!(between(" is 2.5 times the "), Some((2.5, Hedge::Plain)));
        // no multiple: a plain comparison
        assert_eq!(between(", up from "), None);
        assert_eq!(between(" and "), None);
    }

    #[test]
    fn hedges_bound_the_ratio() {
        assert!(Hedge::Nearly.allows(3.0, 2.8));
        assert!(!Hedge::Nearly.allows(3.0, 2.2));
        assert!(!Hedge::Nearly.allows(2.0, 2.3));
        assert!(Hedge::Plain.allows(2.0, 2.1));
        assert!(Hedge::MoreThan.allows(2.0, 2.6));
        assert!(!Hedge::MoreThan.allows(2.0, 1.7));
        assert!(Hedge::About.allows(0.5, 0.55));
    }
}
