//! Attributing a figure to a metric: subject (company, segment) and measure
//! from the clause, using the catalogue's synonyms; the kind from the unit and
//! the relation the sentence states. An unattributed figure beats a wrong one.

use super::numbers::Found;
use crate::knowledge::metrics::cue_words;
use crate::knowledge::Knowledge;
use crate::model::{Basis, Kind, MetricId, Unit};
use regex::Regex;
use std::sync::LazyLock;

/// What a catalogue term names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    Subject,
    Measure,
    Scope,
}

/// Catalogue synonyms compiled for matching in text: one alternation found by
/// the regex DFA, then the matched phrase looked up (no capture groups: fast).
pub struct Lexicon {
    re: Regex,
    terms: std::collections::HashMap<String, (TermKind, String)>,
    /// Every known company name and alias, and the entity each names.
    names: Regex,
    name_map: std::collections::HashMap<String, String>,
}

/// A catalogue term found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub start: usize,
    pub end: usize,
    pub kind: TermKind,
    pub id: String,
}

#[derive(Clone, Debug, PartialEq)]
struct Hit {
    start: usize,
    end: usize,
    kind: TermKind,
    id: String,
}

fn escape_phrase(p: &str) -> String {
    regex::escape(p)
        .replace("\\ ", r"[\s\-]+")
        .replace(' ', r"[\s\-]+")
}

/// The lookup form of a phrase: lower case, hyphens as spaces, single spaces, no possessive.
fn phrase_key(s: &str) -> String {
    let l = s.to_lowercase();
    let l = l
        .strip_suffix("'s")
        .or_else(|| l.strip_suffix("\u{2019}s"))
        .unwrap_or(&l);
    l.replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    pub fn new(k: &Knowledge) -> Lexicon {
        let mut items: Vec<(String, TermKind, String)> = Vec::new();
        for (id, syns) in &k.metrics.subjects {
            for s in syns {
                if matches!(s.as_str(), "it" | "its") {
                    continue;
                }
                items.push((s.to_lowercase(), TermKind::Subject, id.clone()));
            }
        }
        for (id, m) in &k.metrics.measures {
            for s in &m.synonyms {
                items.push((s.to_lowercase(), TermKind::Measure, id.clone()));
            }
        }
        for (id, syns) in &k.metrics.scopes {
            for s in syns {
                items.push((s.to_lowercase(), TermKind::Scope, id.clone()));
            }
        }
        // longest phrases first, so "market share" wins over "share"
        items.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut terms = std::collections::HashMap::new();
        let mut alts = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (p, kind, id) in items {
            if seen.insert(p.clone()) {
                alts.push(escape_phrase(&p));
            }
            terms.entry(phrase_key(&p)).or_insert((kind, id));
        }
        let re = Regex::new(&format!(
            r"(?i)(?-u:\b)(?:{})(?:'s|\u{{2019}}s)?(?-u:\b)",
            alts.join("|")
        ))
        .expect("lexicon regex");
        let mut names: Vec<(String, String)> = k
            .entities
            .names()
            .filter(|(n, _)| n.len() >= 3)
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let alts: Vec<String> = names.iter().map(|(n, _)| regex::escape(n)).collect();
        let names_re =
            Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).expect("names regex");
        Lexicon {
            re,
            terms,
            names: names_re,
            name_map: names.into_iter().collect(),
        }
    }

    /// Known companies named in a text: (byte offset, canonical name).
    pub fn entity_mentions(&self, text: &str) -> Vec<(usize, String)> {
        self.names
            .find_iter(text)
            .filter_map(|m| {
                self.name_map
                    .get(m.as_str())
                    .map(|c| (m.start(), c.clone()))
            })
            .collect()
    }

    /// How often each known entity is named in a text.
    pub fn entity_counts(&self, text: &str) -> std::collections::BTreeMap<String, usize> {
        let mut out = std::collections::BTreeMap::new();
        for m in self.names.find_iter(text) {
            if let Some(c) = self.name_map.get(m.as_str()) {
                *out.entry(c.clone()).or_default() += 1;
            }
        }
        out
    }

    /// Catalogue terms in `text`: byte range, what the term names and its id.
    pub fn terms(&self, text: &str) -> Vec<Term> {
        self.hits(text)
            .into_iter()
            .map(|h| Term {
                start: h.start,
                end: h.end,
                kind: h.kind,
                id: h.id,
            })
            .collect()
    }

    fn hits(&self, text: &str) -> Vec<Hit> {
        self.re
            .find_iter(text)
            .filter_map(|m| {
                let (kind, id) = self.terms.get(&phrase_key(m.as_str()))?;
                Some(Hit {
                    start: m.start(),
                    end: m.end(),
                    kind: *kind,
                    id: id.clone(),
                })
            })
            .collect()
    }
}

/// What the sentence says a figure is.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub metric: Option<MetricId>,
    pub kind: Kind,
    pub basis: Option<Basis>,
    pub of: Option<String>,
    pub outlook: bool,
}

impl Attribution {
    /// No metric: the figure keeps its kind, and what it is a share of, but names nothing.
    fn none(kind: Kind, of: Option<String>, outlook: bool) -> Attribution {
        Attribution {
            metric: None,
            kind,
            basis: None,
            of,
            outlook,
        }
    }
}

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|\s[\u{2014}\u{2013}]\s|\u{2014}|,\s+\w+(?:ed|en)\s+by\s+|,?\s+(?:while|but|yet|whereas|although|though|despite|thanks\s+to|reflecting|coupled\s+with|along\s+with|together\s+with|and|with|as|which|after|compared\s+with|versus|against)\s+|,\s+(?:up|down|from|reaching|to)\s|\s+(?:(?:primarily|partly|mainly|largely|in\s+part)\s+)?(?:driven|due|offset|helped|led|boosted|hurt|weighed|fueled|fuelled|caused)\s+(?:(?:in\s+part|partly|primarily|mainly|largely)\s+)?(?:by|to)\s").expect("clause regex")
});
static GROWTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:grew|grow|grows|growing|growth|rose|rise|rises|rising|increase[sd]?|increasing|up|surged?|surging|jumped|jump|climbed|climb|gained|gain|expanded|advanced|accelerat\w*|soared|fell|fall|falls|declined?|decline|decreased?|dropped|drop|down|slid|shrank|contracted|plunged|tumbled|dipped|slipped)(?-u:\b)").expect("growth words")
});
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:of|share\s+of)\s+(?:the\s+|its\s+|total\s+|their\s+|overall\s+)?(.{0,60})",
    )
    .expect("share of")
});
static SHARE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:accounting\s+for|accounts\s+for|accounted\s+for|account\s+for|representing|represented|represents|make\s+up|made\s+up|makes\s+up|comprising|comprised|contributing|contributed|contributes)\s*(?:about|around|over|more\s+than|nearly|almost|roughly|some|just\s+over|just\s+under|less\s+than)?\s*$").expect("share before")
});
static HORIZON_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)through\s+(?:fiscal\s+)?\d{4}|(?-u:\b)by\s+(?:fiscal\s+)?20\d\d|(?-u:\b)guidance(?-u:\b)|(?-u:\b)outlook(?-u:\b)",
    )
    .expect("horizon cue")
});
static CONTRAST_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:while|whereas|but|although|though)\s+(?:the\s+|its\s+|their\s+)?$")
        .expect("contrast head")
});
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the|this|that)\s+(?:unit|segment|division|business|arm)(?-u:\b)")
        .expect("anaphor")
});
static ANALYSTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:analysts?|consensus|estimates?|street|brokerages?)(?-u:\b)")
        .expect("analysts")
});
static ESTIMATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\w'-]{0,25}?(?-u:\b)(?:estimates?|consensus|forecasts?|expected|expectations?|projections?|target)(?-u:\b)").expect("estimate after")
});

/// Whether the figure at `f` is analysts' estimate ("Analysts had expected $4.9 billion",
/// "the Street's $4.5 billion estimate"); `cs` is where its clause starts.
pub fn is_estimate(sentence: &str, cs: usize, f: &Found) -> bool {
    is_estimate_span(sentence, cs, f.start, f.end)
}

/// [`is_estimate`] for the figures between `start` and `end` (a list of them).
pub fn is_estimate_span(sentence: &str, cs: usize, start: usize, end: usize) -> bool {
    ANALYSTS.is_match(&sentence[cs.min(start)..start])
        || estimate_after(&sentence[end..])
        || ESTIMATE_BEFORE.is_match(tail(&sentence[..start], 40))
}
/// An estimate word right after the figure ("the $4.5 billion estimate", "$4.5 billion
/// expected by analysts"), not one the figure is set against ("$4.2 billion against a
/// consensus of", "$4.2 billion above analyst estimates").
fn estimate_after(after: &str) -> bool {
    static AGAINST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:against|versus|vs|above|below|than|beat|beats|beating|topped|topping|missed|missing|exceed\w*|surpass\w*|ahead|short|outpac\w*|compared)(?-u:\b)").expect("against")
    });
    ESTIMATE_AFTER
        .find(after)
        .is_some_and(|m| !AGAINST.is_match(m.as_str()))
}
/// An estimate word right before the figure: "beating the expected $4.1 billion",
/// "a consensus of 2.3 billion", "expectations of 12%".
static ESTIMATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:the|an?)\s+(?:expected|estimated)|(?-u:\b)(?:estimates?|expectations?|consensus)\s+(?:of|for|at)|(?-u:\b)consensus)\s*$").expect("estimate before")
});
/// The verb that ends a sentence's subject phrase, as a rule.
static MAIN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:grew|grows|rose|rises|increased|increases|surged|jumped|climbed|gained|expanded|advanced|soared|fell|falls|declined|decreased|dropped|slid|shrank|contracted|plunged|tumbled|dipped|slipped|was|were|is|are|has|have|had|reached|reaches|totaled|totalled|came|posted|reported|delivered|generated|accounted|made|makes|remained|stood|saw|sees|recorded|records|booked|logged|achieved|registered)(?-u:\b)").expect("main verb")
});
static QOQ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)quarter[\s-]+(?:over|on)[\s-]+quarter|(?-u:\b)sequential(?:ly)?(?-u:\b)|(?-u:\b)q/q(?-u:\b)|(?-u:\b)qoq(?-u:\b)|from\s+the\s+(?:previous|prior|preceding)\s+quarter|than\s+in\s+the\s+(?:previous|prior)\s+quarter").expect("qoq")
});
static YOY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)year[\s-]+(?:over|on)[\s-]+year|(?-u:\b)(?:yoy|y/y)(?-u:\b)|from\s+(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:same|year-ago|year-earlier)\s+(?:period|quarter)|a\s+year\s+(?:ago|earlier)").expect("yoy")
});
/// The basis written right after a figure ("43% QoQ", "7% sequentially", "31% from a year
/// earlier"): up to the next comma, semicolon, "and" or "while".
pub(crate) fn own_basis(after: &str) -> Option<Basis> {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[,;:()]|\.(?:\s|$)|(?-u:\b)(?:and|while|but|whereas|versus|vs)(?-u:\b)")
            .expect("end")
    });
    let w = &after[..super::numbers::floor_char(after, after.len().min(60))];
    let w = END.find(w).map_or(w, |m| &w[..m.start()]);
    // "a 6% rise over the previous forecast": against an earlier outlook, not a period
    static FROM_OUTLOOK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:from|over|on|than|versus|vs\.?)\s+(?:its\s+|the\s+|their\s+)?(?:prior|previous|earlier|initial|original|old)\s+(?:\w+\s+)?(?:guidance|forecasts?|outlook|projections?|targets?|estimates?)(?-u:\b)")
            .expect("from outlook")
    });
    // "up 42% compared to March", "11% from the March quarter": against a period the
    // text names by its month; which comparison that is depends on the figure's own
    // period, so it is none of the usual two
    static FROM_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:from|than|compared\s+(?:to|with)|versus|vs\.?|over|on)\s+(?:the\s+)?(?:end\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+quarter)?(?-u:\b)")
            .expect("from month")
    });
    if QOQ.is_match(w) {
        Some(Basis::Qoq)
    } else if FROM_MONTH.is_match(w) {
        Some(Basis::Other)
    } else if YOY.is_match(w) {
        Some(Basis::Yoy)
    } else if FROM_OUTLOOK.is_match(w) {
        Some(Basis::Other)
    } else {
        None
    }
}

static CAGR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)cagr(?-u:\b)|compound(?:ed)?\s+annual").expect("cagr")
});
static VS_EST: LazyLock<Regex> = LazyLock::new(|| {
    // "above estimates", "higher than the average estimate", "beat brokerage estimates"
    Regex::new(r"(?i)(?-u:\b)(?:than|above|below|beat|beats|beating|miss|misses|missed|missing|top|tops|topped|topping|exceed|exceeds|exceeded|exceeding|surpass|surpasses|surpassed|surpassing|outpaced|outpacing|ahead\s+of|short\s+of)\s+(?:the\s+|its\s+)?(?:[\w-]+(?:'s?|\u{2019}s?)?\s+){0,2}(?:estimates?|expectations|consensus|forecasts?)(?-u:\b)").expect("vs est")
});
static OUTLOOK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:expects?|expected\s+to|forecasts?|forecasting|guidance|guided|guides|outlook|projects?|projected|projecting|projection|targets?|targeting|will|would|estimates?|expectations?|had\s+expected|anticipates?|sees|predicts?|through\s+(?:fiscal\s+)?\d{4}|by\s+(?:fiscal\s+)?20\d\d|consensus|analysts?\s+(?:expect|estimate|project|see))(?-u:\b)").expect("outlook")
});

static MARKET_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)share\s+(?:of|in)\s+([^.;]{0,60}?)\s+(?:market|sector|industry|space)(?-u:\b)|(?-u:\b)(?:in|of)\s+([^.;]{0,60}?)\s+(?:market|sector|industry|space)(?-u:\b)|([\w\-]+(?:\s+[\w\-]+){0,2})\s+market\s+share(?-u:\b)").expect("market phrase")
});

/// The subject naming the market in a market-share sentence.
fn market_subject(lex: &Lexicon, sentence: &str) -> Option<String> {
    for c in MARKET_PHRASE.captures_iter(sentence) {
        let g = c.get(1).or(c.get(2)).or(c.get(3))?;
        if let Some(h) = lex
            .hits(g.as_str())
            .into_iter()
            .rfind(|h| h.kind == TermKind::Subject)
        {
            return Some(h.id);
        }
    }
    None
}

/// The first subject named in a sentence, its grammatical subject as a rule
/// (for the next sentence's "the segment", "the unit").
pub fn first_subject(lex: &Lexicon, text: &str) -> Option<String> {
    // only a subject before the main verb: "Sales rose, driven by chipmakers" is not about chips
    // or one compounded with a measure anywhere ("the cloud margin squeeze"); nor one in an
    // opening phrase set against it ("Beyond chips, its phone unit ...")
    static SET_APART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:beyond|besides|apart\s+from|aside\s+from|unlike|like|in\s+addition\s+to|outside(?:\s+of)?|excluding|except\s+for|along\s+with|compared\s+with|compared\s+to)(?-u:\b)[^,;]{0,80},").expect("set apart")
    });
    let opening = SET_APART.find(text).map_or(0, |m| m.end());
    let head = MAIN_VERB.find(text).map_or(0, |m| m.start());
    let hits = lex.hits(text);
    hits.iter()
        .find(|h| {
            h.start >= opening
                && h.kind == TermKind::Subject
                && h.id != "company"
                && (h.start < head
                    || hits.iter().any(|m| {
                        m.kind == TermKind::Measure && m.start >= h.end && m.start - h.end <= 3
                    }))
        })
        .map(|h| h.id.clone())
}

/// Whether a sentence's subject (its words before the main verb) is a part of the
/// business by name: "Its Widgets segment had a strong quarter".
pub fn head_names_part(k: &Knowledge, text: &str) -> bool {
    // a part noun among the first words, with no verb before it
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let Some(i) = words.iter().position(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        k.metrics
            .parts
            .nouns
            .iter()
            .any(|n| n.eq_ignore_ascii_case(w))
    }) else {
        return false;
    };
    !MAIN_VERB.is_match(&words[..i].join(" "))
}

/// Whether a heading is the name of a part of the business: a short label in title
/// case ("More Home Systems", "Cloud & Hosting") that is not generic ("Highlights",
/// "Outlook"), names no measure and is not the company's name.
pub fn names_a_part(lex: &Lexicon, k: &Knowledge, text: &str, company: &[String]) -> bool {
    let t = text.trim().trim_end_matches(':').trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let small = ["and", "&", "of", "the", "for"];
    !words.is_empty()
        && words.len() <= 5
        // not a dateline ("SEOUL, Oct."), a byline or a sentence
        && t.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '&' | '-' | '\''))
        && !words
            .iter()
            .any(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
        && words
            .iter()
            .all(|w| small.contains(w) || w.starts_with(char::is_uppercase))
        && !is_generic_label(k, t)
        && !lex.names_measure(t)
        && !company.iter().any(|c| c.eq_ignore_ascii_case(t))
        // a byline ("By Jane Doe") names a person
        && words.first().is_some_and(|w| *w != "By")
}

/// Whether a sentence opens on a bare measure, naming nobody: "Sales increased 4%".
pub fn opens_on_measure(lex: &Lexicon, text: &str) -> bool {
    let lead = text.len() - text.trim_start().len();
    lex.hits(text)
        .first()
        .is_some_and(|h| h.kind == TermKind::Measure && h.start == lead)
}

/// A section label before a colon ("Industrial Sensors: Net sales were ..."): its text, the
/// catalogue subject it names, and whether the catalogue's terms cover all of its words.
#[derive(Clone, Debug, PartialEq)]
pub struct ColonLabel {
    pub text: String,
    pub subject: Option<String>,
    pub complete: bool,
}

/// The catalogue subjects a label names, and how many of its words they cover.
fn subject_cover(lex: &Lexicon, label: &str) -> (Vec<Hit>, usize) {
    let hits: Vec<Hit> = lex
        .hits(label)
        .into_iter()
        .filter(|h| h.kind == TermKind::Subject)
        .collect();
    let covered = hits
        .iter()
        .map(|h| label[h.start..h.end].split_whitespace().count())
        .sum();
    (hits, covered)
}

pub fn colon_label(lex: &Lexicon, text: &str) -> Option<ColonLabel> {
    let colon = text.find(": ")?;
    // (after a bullet mark: "~Client: ...", "- Gaming: ...")
    let label = text[..colon].trim_start_matches(['~', '-', '*', '\u{2022}', '>', ' ']);
    let words = label.split_whitespace().count();
    // one word is a label only as a name ("Embedded:"), not "Q3:" or "Note:"
    let one_name = words == 1 && label.len() >= 3 && label.chars().all(char::is_alphabetic);
    if !((2..=5).contains(&words) || one_name)
        || !label
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    let (hits, covered) = subject_cover(lex, label);
    let complete = covered >= words;
    // a partial match counts only on the leading modifier ("Semiconductor Equipment"); a
    // known head noun with an unknown modifier ("Medical Devices") is another segment
    let lead = label.len() - label.trim_start().len();
    let subject = hits
        .first()
        .filter(|h| complete || h.start == lead)
        .map(|h| h.id.clone());
    Some(ColonLabel {
        text: label.trim().to_string(),
        subject,
        complete,
    })
}

/// Whether every word of a label is a generic one ("Financial Highlights", "Rating").
pub fn is_generic_label(k: &Knowledge, t: &str) -> bool {
    t.split_whitespace().all(|w| {
        k.metrics
            .parts
            .generic_labels
            .iter()
            .any(|g| g.eq_ignore_ascii_case(w.trim_matches(|c: char| !c.is_alphanumeric())))
    })
}

/// A clause that names its own subject ("while the larger home care business ...").
static CLAUSE_HEAD_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,;]*(?:(?:while|whereas|but|and)\s+)?(?:the|its|their|[A-Z])")
        .expect("clause head noun")
});

/// Whether the text at `at` (a sentence or clause start) opens with a business unit the
/// catalogue does not know: "The consumer health division", "the larger home care business".
fn unknown_division(hits: &[Hit], sentence: &str, at: usize) -> bool {
    static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,;]*(?:(?:while|whereas|but|and)\s+)?(?:[Tt]he|[Ii]ts)\s+(?:larger\s+|smaller\s+|new\s+)?((?:[a-z][a-z-]*\s+){1,3})(?:division|business|unit|segment|arm)(?-u:\b)").expect("division")
    });
    let Some(c) = sentence.get(at..).and_then(|t| DIVISION.captures(t)) else {
        return false;
    };
    let Some(g) = c.get(1) else { return false };
    let (start, end) = (at + g.start(), at + g.end());
    // a catalogue term in the phrase names a unit we know
    !hits.iter().any(|h| h.start < end && h.end > start)
}

/// Whether the figure's subject is a part of the business the catalogue does
/// not know (see `parts` in metrics.yaml): "its payments business" or "Acme's
/// lighting segment" in the figure's clause, or the company's name followed by
/// a unit's name ("Acme Marine posted lower revenue") before the figure.
fn unknown_part(
    k: &Knowledge,
    hits: &[Hit],
    idx: &SentenceIndex,
    sentence: &str,
    clause: (usize, usize),
    f: &Found,
) -> Option<String> {
    let parts = &k.metrics.parts;
    if parts.nouns.is_empty() {
        return None;
    }
    let covered = |a: usize, b: usize| hits.iter().any(|h| h.start < b && h.end > a);
    let is_word = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    // "its payments business", "Acme's lighting segment", "the consumer health unit"
    static OWNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?-u:\b)(?:its|their|the)|['\u{2019}]s|s['\u{2019}])\s+")
            .expect("owned part")
    });
    // a window around the figure: a clause as long as a file is not scanned per figure
    const WINDOW: usize = 200;
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let cs = fl(clause.0.max(f.start.saturating_sub(WINDOW)));
    let ce = fl(clause.1.min(f.end + WINDOW));
    // (a sentence head far before the figure leaves nothing to read)
    let text = sentence.get(cs..ce.max(cs)).unwrap_or_default();
    // each part noun in the window, with the words between it and the possessive or
    // article before it ("its marine engines business", "Acme's toy segment")
    let mut at = 0;
    for word in text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&')) {
        let w_start = at;
        at += word.len();
        let w = word.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'));
        if w.is_empty() || !is_word(&parts.nouns, w) {
            continue;
        }
        // inside a name ("Business Processes segment", "Field Operations segment"): the
        // part noun is the last of the run
        let next = text[at..]
            .trim_start()
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .next()
            .unwrap_or("");
        // ("the planning and business processes segment": a part noun a little further
        // on ends the name)
        let later_noun = word.ends_with(' ') && {
            let mut found = false;
            for x in text[at..].split(' ').take(3) {
                let bare = x.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
                if !bare
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
                {
                    break;
                }
                if is_word(&parts.nouns, bare) {
                    found = true;
                    break;
                }
                if bare.len() < x.len() {
                    break;
                }
            }
            found
        };
        if word.ends_with(' ')
            && (next.starts_with(char::is_uppercase) && w.starts_with(char::is_uppercase)
                || is_word(&parts.nouns, next))
            || later_noun
        {
            continue;
        }
        // (the possessive or article may lie a little before the window: "The planning
        // and field operations segment", whose clause the "and" began)
        let h0 = fl(cs.saturating_sub(60));
        let head = &sentence[h0..cs + w_start];
        let Some(m) = OWNED.find_iter(head).last() else {
            continue;
        };
        let name = &head[m.end()..];
        let n = name
            .split_whitespace()
            .filter(|w| *w != "and" && *w != "&")
            .count();
        // a proper name may be longer: "its Planning and Field Operations segment"
        let proper = name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "and" || w == "&");
        let longest = if proper { 5 } else { 3 };
        if !(1..=longest).contains(&n) || name.contains([',', ';', '.', '(', ')']) {
            continue;
        }
        let (a, b) = (h0 + m.end(), cs + w_start);
        let named: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !is_word(&parts.generic, w))
            .collect();
        if !(named.is_empty() || covered(a, b) || a <= f.start && f.start < b) {
            return Some(named.join(" "));
        }
    }
    // "Acme Marine, for its part, posted lower revenue": the company's name and more
    for &(_, end) in idx
        .company_at
        .iter()
        .filter(|(s, _)| *s < f.start && *s + WINDOW >= f.start)
    {
        let rest = &sentence[end..fl(end + 60)];
        let word: String = rest
            .trim_start_matches(' ')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '&')
            .collect();
        let at = end + (rest.len() - rest.trim_start_matches(' ').len());
        if rest.starts_with(' ')
            && word.chars().next().is_some_and(char::is_uppercase)
            && !is_word(&parts.name_words, &word)
            && !idx
                .company_words
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&word))
            && !covered(at, at + word.len())
            && !idx
                .company_at
                .iter()
                .any(|&(s, e)| s < at + word.len() && e > at)
        {
            return Some(word);
        }
    }
    None
}

/// Whether a figure is a change in its measure or an effect on it, not the
/// measure (see `changes` in metrics.yaml): an amount or count right after a
/// change verb ("grew by $412 million"), or a figure right after "<effect>
/// of" ("a currency impact of 2%") or right before "<effect> to|on" ("a $1.6
/// billion hit to profit").
fn change_or_effect(k: &Knowledge, sentence: &str, f: &Found, kind: Kind) -> bool {
    let ch = &k.metrics.changes;
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let before = cue_words(&sentence[fl(f.start.saturating_sub(40))..f.start]);
    let before = before.trim_end();
    let amount = matches!(kind, Kind::Level | Kind::Count)
        && matches!(f.unit, Unit::Currency(_) | Unit::Count);
    let ends_with_word = |text: &str, w: &str| format!("{text} ").ends_with(w);
    let lead = before.strip_suffix(" by").unwrap_or(before);
    if amount && ch.verb_cues.iter().any(|v| ends_with_word(lead, v)) {
        return true;
    }
    if let Some(lead) = before.strip_suffix(" of") {
        if ch.effect_cues.iter().any(|e| ends_with_word(lead, e)) {
            return true;
        }
    }
    let after = cue_words(&sentence[f.end..fl(f.end + 40)]);
    let after = after.trim_start();
    // "a $1.6 billion hit to net income", "a 2% currency impact on revenue"
    let words: Vec<&str> = after.split(' ').take(4).collect();
    words
        .windows(2)
        .take(2)
        .any(|w| ch.effects.iter().any(|e| e == w[0]) && matches!(w[1], "to" | "on" | "from"))
}

/// Whether a percent is the move of a share price or an index ("Acme's shares
/// climbed 6%", "the stock fell 3%"): a market figure, not a business metric
/// (see `changes.prices` in metrics.yaml).
fn price_move(k: &Knowledge, sentence: &str, clause_start: usize, f: &Found) -> bool {
    if !matches!(f.unit, Unit::Percent) {
        return false;
    }
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let from = fl(clause_start.max(f.start.saturating_sub(80)));
    let before = cue_words(&sentence[from..f.start]);
    has_cue(&before, &k.metrics.changes.price_cues)
}

/// Whether a spending term is followed by "in" and a name the catalogue does not
/// know ("invested in Rivalco", "its investment in Quillo"): money put into another
/// company. A market or scope ("invested in China") is no such name.
fn into_a_name(sentence: &str, m: &Hit, hits: &[Hit]) -> bool {
    let Some(rest) = sentence[m.end..].strip_prefix(" in ") else {
        return false;
    };
    let at = sentence.len() - rest.len();
    let word: &str = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    word.starts_with(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !hits.iter().any(|h| h.start < at + word.len() && h.end > at)
}

/// Whether the words right after a figure make it a bound ("rose by 30% or
/// more"; see `changes.thresholds` in metrics.yaml).
fn threshold(k: &Knowledge, sentence: &str, f: &Found) -> bool {
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let after = cue_words(&sentence[f.end..fl(f.end + 24)]);
    starts_with_cue(&after, &k.metrics.changes.threshold_cues)
}

/// Whether a count figure is followed by a plural noun that the measure does not
/// count ("nine countries" for employees): the two words after the figure are
/// read, up to punctuation; a word the measure counts, or one of its synonyms,
/// keeps the figure.
fn counts_something_else(k: &Knowledge, measure: &str, sentence: &str, f: &Found) -> bool {
    let Some(def) = k.metrics.measures.get(measure) else {
        return false;
    };
    if def.counted.is_empty() {
        return false;
    }
    let end = crate::extract::numbers::floor_char(sentence, f.end + 40);
    let after = &sentence[f.end..end];
    let stop = after
        .find([',', ';', '.', '(', ')', ':'])
        .unwrap_or(after.len());
    let words: Vec<String> = after[..stop]
        .split_whitespace()
        .take(2)
        .map(|w| w.to_lowercase())
        .collect();
    let known = |w: &str| {
        def.counted.iter().any(|c| c == w)
            || def
                .synonyms
                .iter()
                .any(|s| s.split_whitespace().any(|x| x == w))
    };
    if words.iter().any(|w| known(w)) {
        return false;
    }
    // a plural noun (not a function word) counts something else
    const FUNCTION: &[&str] = &[
        "across", "as", "was", "is", "has", "does", "its", "this", "thus", "plus", "less",
        "versus", "vs", "perhaps",
    ];
    words.iter().any(|w| {
        w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().all(char::is_alphabetic)
            && !FUNCTION.contains(&w.as_str())
    })
}

/// The last subject named in a text.
pub fn last_subject(lex: &Lexicon, text: &str) -> Option<String> {
    lex.hits(text)
        .into_iter()
        .rfind(|h| h.kind == TermKind::Subject && h.id != "company")
        .map(|h| h.id)
}

/// Whether the word right before the measure is a modifier the catalogue does not know
/// ("Customer management revenue", "Subscription fees"): then the figure is some line
/// item, not the company's total.
fn unknown_modifier(
    sentence: &str,
    measure: Option<&Hit>,
    f: &Found,
    company: &[String],
    verbs: &[String],
) -> bool {
    let Some(m) = measure else { return false };
    // after the figure only as the thing that changed: "a 26% jump in Lumen device revenue"
    static CHANGE_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:[\w-]+\s+)?(?:growth|increase|rise|gain|jump|surge|climb|decline|drop|fall|slump)\s+(?:in|of)\s+(?:[\w&-]+\s+){1,4}$")
            .expect("change in")
    });
    if m.start > f.start && (f.end > m.start || !CHANGE_IN.is_match(&sentence[f.end..m.start])) {
        return false;
    }
    // "management guided revenue to", "the chip designer expects revenue of": the term
    // starts with its verb, so the word before it is the subject, not a modifier
    let first = sentence[m.start..m.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if m.end - m.start > first.len()
        && [
            "expects",
            "expected",
            "expect",
            "guided",
            "guides",
            "guide",
            "forecast",
            "forecasts",
            "sees",
            "projects",
            "projected",
        ]
        .contains(&first.as_str())
    {
        return false;
    }
    let before = sentence[..m.start].trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    // "a jump in Acme revenue": the company's own name is no modifier; nor is a verb
    // ("guidance contemplates revenue of")
    if company.iter().any(|c| c.eq_ignore_ascii_case(&word))
        || verbs.iter().any(|v| v.eq_ignore_ascii_case(&word))
    {
        return false;
    }
    if word.len() < 3 || before.len() == word.len() && word.starts_with(|c: char| c.is_uppercase())
    {
        // sentence-initial capital: "Revenue", or a name at the start
        return false;
    }

    !plain_here(&word)
}

const PLAIN: [&str; 128] = [
    "the",
    "its",
    "their",
    "total",
    "net",
    "group",
    "quarterly",
    "annual",
    "consolidated",
    "reported",
    "gaap",
    "diluted",
    "overall",
    "and",
    "company",
    "core",
    "adjusted",
    "fiscal",
    "record",
    "higher",
    "lower",
    "organic",
    "underlying",
    "comparable",
    "same",
    "whose",
    "with",
    "for",
    "from",
    "combined",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "will",
    "would",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "as",
    "than",
    "that",
    "which",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "such",
    "also",
    "still",
    "all",
    "but",
    "said",
    "says",
    "saw",
    "posted",
    "reports",
    "recorded",
    "generated",
    "booked",
    "delivered",
    "achieved",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "full",
    "latest",
    "recent",
    "quarter",
    "period",
    "segment",
    "unit",
    "division",
    // verbs a measure follows ("paid dividends of", "spent ... on"): not modifiers
    "paid",
    "pay",
    "pays",
    "spent",
    "spend",
    "spends",
    "made",
    "make",
    "makes",
    "took",
    "take",
    "takes",
    "kept",
    "held",
    "lost",
    "sold",
    "cut",
    "set",
    "hit",
    "bought",
    "brought",
    "won",
    "return",
    "returns",
    "cash",
    "declare",
    "declares",
    "approve",
    "approves",
    "authorize",
    "authorizes",
    "while",
    "whereas",
    "although",
    "though",
    "since",
    "because",
    "when",
    "where",
    "yet",
    "now",
    "then",
    "so",
];

/// Whether a word before a measure is an everyday word (a determiner, verb,
/// time word, adverb), not the name of a line of business.
/// [`is_plain_word`] for a word as written: a capitalised word inside a sentence is a
/// name ("Personal Computing", "Consumer Lending") whatever its ending.
fn plain_here(w: &str) -> bool {
    let lw = w.to_lowercase();
    if w.starts_with(char::is_uppercase) {
        return PLAIN.contains(&lw.as_str())
            || GROWTH_WORD.is_match(&lw)
            || OUTLOOK.is_match(&lw)
            || lw.contains("quarter")
            || lw.contains("year");
    }
    is_plain_word(&lw)
}

fn is_plain_word(lw: &str) -> bool {
    PLAIN.contains(&lw)
        || matches!(lw, "yoy" | "qoq" | "hoh" | "mom" | "y-o-y" | "q-o-q")
        || lw.contains("quarter")
        || lw.contains("year")
        || GROWTH_WORD.is_match(lw)
        || OUTLOOK.is_match(lw)
        || lw.ends_with("ing")
        || lw.ends_with("ed")
        || lw.ends_with("ly")
}

/// The name of a line of business the catalogue does not know, from the up to
/// three words before the measure phrase ("International games revenue" ->
/// "international games"), when the word just before it is no everyday word.
fn modifier_words(sentence: &str, m: &Hit) -> Option<(usize, String)> {
    let before = &sentence
        [crate::extract::numbers::floor_char(sentence, m.start.saturating_sub(60))..m.start];
    let mut words: Vec<&str> = Vec::new();
    for w in before.split(' ').rev() {
        if w.is_empty() && words.is_empty() {
            continue;
        }
        let clean = w.trim_end_matches(['\'', '\u{2019}']);
        // "Tablets OEM and device revenue": a coordinated name
        let joiner = clean == "and" || clean == "&";
        if joiner && !words.is_empty() && words.last() != Some(&"and") {
            words.push("and");
            continue;
        }
        let named = words.iter().filter(|w| **w != "and").count();
        if clean.is_empty()
            || !clean
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '&')
            || plain_here(clean)
            || named == 3
        {
            break;
        }
        words.push(clean);
    }
    while words.last() == Some(&"and") {
        words.pop();
    }
    words.reverse();
    let first = words.first()?;
    // the words are contiguous, separated by single spaces, ending before the measure
    let start = m.start.checked_sub(before.len() - before.rfind(first)?)?;
    Some((start, words.join(" ")))
}

fn subject_or_company(s: Option<String>) -> String {
    s.unwrap_or_else(|| "company".into())
}

/// A subject named from the text for a part the catalogue does not know:
/// "text-" and the part's words, lower case and singular, without generic
/// modifiers ("International Games" -> "text-international-game"). Articles
/// that name a part the same way are compared; it is never the company.
pub fn text_subject(k: &Knowledge, words: &str) -> Option<String> {
    const STOP: [&str; 8] = ["the", "its", "their", "and", "&", "of", "s", "for"];
    let ws: Vec<String> = words
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP.contains(&w.as_str()))
        .filter(|w| !k.metrics.parts.generic.iter().any(|g| g == w))
        // a qualifier's own word ("Non-GAAP", "Adjusted") names a line of the accounts,
        // not a part of the company
        .filter(|w| {
            !k.metrics.qualifiers.iter().any(|q| {
                q.before_cues
                    .iter()
                    .chain(&q.after_cues)
                    .any(|c| c.trim() == w.as_str())
            })
        })
        .map(|w| {
            if w.len() > 5 && w.ends_with("sses") {
                w[..w.len() - 2].to_string()
            } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect();
    if ws.is_empty() || ws.len() > 4 || ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    Some(format!("text-{}", ws.join("-")))
}

/// The whole name of a segment around a catalogue subject `h`, when the text names
/// it as a segment of its own: capitalised words (and "and" / "&") right before the
/// subject, then a part noun right after it ("the Client and Widgets segment",
/// "Smart Widgets unit"), or with no part noun when the capitalised name stands
/// inside a sentence not in title case ("Tablets and Devices revenue"); a quoted
/// name, a name set beside the part between commas, or a brand before a lower-case
/// part ([`quoted_name`], [`appositive_name`], [`branded_part`]). `None` when the
/// subject is the whole name ("its Data Center segment") or nothing names more.
fn named_segment(
    k: &Knowledge,
    sentence: &str,
    h: &Hit,
    hits: &[Hit],
    company: &[String],
) -> Option<String> {
    if let Some(q) = quoted_name(sentence, h) {
        return Some(q.to_string());
    }
    if let Some(a) = appositive_name(k, sentence, h, company) {
        return Some(a.to_string());
    }
    if !sentence[h.start..].starts_with(char::is_uppercase) {
        return branded_part(sentence, h, hits, company);
    }
    let after = sentence[h.end..].trim_start();
    // past an acronym in brackets: "the Payments and Data Services (PDS) segment"
    let after = match after.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((acr, rest)) if acr.len() <= 8 && acr.chars().all(|c| c.is_ascii_uppercase()) => {
            rest.trim_start()
        }
        _ => after,
    };
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let is_part = |w: &str| {
        k.metrics
            .parts
            .nouns
            .iter()
            .any(|n| n.eq_ignore_ascii_case(w))
    };
    // the part noun after the subject, or ending it ("cloud unit" may be one synonym)
    let last = sentence[h.start..h.end]
        .split_whitespace()
        .last()
        .unwrap_or("");
    // a capitalised catalogue word inside a sentence that is not in title case is
    // part of a name even with no part noun after it ("... while Smart Cloud
    // revenue rose", "Tablets and Devices revenue")
    let titled = h.start > 0 && !title_case(sentence);
    if !is_part(&next) && !is_part(last) && !titled {
        return None;
    }
    let by_title_only = !is_part(&next) && !is_part(last);
    // capitalised words right before the subject (at most four, "and" / "&" between)
    let before = &sentence
        [crate::extract::numbers::floor_char(sentence, h.start.saturating_sub(60))..h.start];
    let mut taken: Vec<&str> = Vec::new();
    for w in before.split_whitespace().rev() {
        let bare = w.trim_matches(|c: char| c == '"' || c == '\u{201c}' || c == '\u{201d}');
        let joiner = bare == "and" || bare == "&";
        let cap = bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !company.iter().any(|c| c.eq_ignore_ascii_case(bare));
        if (joiner || cap) && taken.len() < 6 {
            taken.push(bare);
        } else {
            break;
        }
    }
    while taken.last().is_some_and(|w| *w == "and" || *w == "&") {
        taken.pop();
    }
    // "The", "Its" name nothing
    taken.retain(|w| !matches!(*w, "The" | "Its" | "Their" | "This" | "That"));
    // with no part noun to mark a segment, everyday words ("Strong", "Record") name nothing
    if by_title_only {
        taken.retain(|w| *w == "and" || *w == "&" || !plain_here(w));
    }
    while taken.last().is_some_and(|w| *w == "and" || *w == "&") {
        taken.pop();
    }
    if !taken.iter().any(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    taken.reverse();
    let own = &sentence[h.start..h.end];
    let own = if is_part(last) {
        own[..own.len() - last.len()].trim_end()
    } else {
        own
    };
    Some(format!("{} {own}", taken.join(" ")))
}

/// Whether a word written in the text can be (part of) a name: capitalised, no
/// everyday word, not the company's own name.
fn name_word(w: &str, company: &[String]) -> bool {
    w.starts_with(char::is_uppercase)
        && !plain_here(w)
        && !company.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// The words in quotation marks around a catalogue subject, when they say more
/// than the subject: 'Overall "smart home" revenue' names a segment of its own.
fn quoted_name<'a>(sentence: &'a str, h: &Hit) -> Option<&'a str> {
    const OPEN: [char; 2] = ['"', '\u{201c}'];
    const CLOSE: [char; 2] = ['"', '\u{201d}'];
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let before = &sentence[fl(h.start.saturating_sub(60))..h.start];
    let (open, quote) = before
        .char_indices()
        .rev()
        .find(|(_, c)| OPEN.contains(c))?;
    let inside = open + quote.len_utf8();
    if before[inside..].contains(CLOSE) {
        return None;
    }
    let after = &sentence[h.end..fl(h.end + 60).max(h.end)];
    let close = after.find(CLOSE)?;
    let name = &sentence[h.start - (before.len() - inside)..h.end + close];
    let own = &sentence[h.start..h.end];
    (name.trim().len() > own.len() && name.split_whitespace().count() <= 5).then_some(name.trim())
}

/// The name right before a growth noun that leads to the figure ("Tablets growth
/// of 12%", "Quillo Pay's increase of 9%"): one to three capitalised words in the
/// figure's clause, none an everyday word, the company's or a catalogue term.
fn named_growth<'a>(
    sentence: &'a str,
    cs: usize,
    f: &Found,
    hits: &[Hit],
    company: &[String],
) -> Option<&'a str> {
    static GROWTH_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:\p{Lu}[\w&-]*(?:['\u{2019}]s)?\s+){1,3}?)(?i:growth|increase|rise|gain|decline|decrease|drop)\s+(?i:of|was|at|reached|came\s+in\s+at)\s+(?i:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$")
            .expect("growth lead")
    });
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let from = fl(cs.max(f.start.saturating_sub(80)));
    let before = &sentence[from..f.start];
    let c = GROWTH_LEAD.captures(before)?;
    let m = c.get(1)?;
    let (a, b) = (from + m.start(), from + m.end());
    let name = sentence[a..b].trim_end();
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let fits = !words.is_empty()
        && words.iter().all(|w| name_word(w, company))
        && !hits.iter().any(|h| h.start < b && h.end > a);
    fits.then_some(name)
}

/// A name set beside a catalogue part between commas: "its cloud unit, Quillo,
/// which grew 40%" is Quillo's figure. Up to three capitalised words, none the
/// company's or an everyday word.
fn appositive_name<'a>(
    k: &Knowledge,
    sentence: &'a str,
    h: &Hit,
    company: &[String],
) -> Option<&'a str> {
    let mut rest = sentence[h.end..].trim_start();
    // past the part noun: "its cloud computing unit, Quillo,"
    let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    if k.metrics
        .parts
        .nouns
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&next))
    {
        rest = rest[next.len()..].trim_start();
    }
    let inner = rest.strip_prefix(", ")?;
    let end = inner.find(',')?;
    let name = &inner[..end];
    let words: Vec<&str> = name.split_whitespace().collect();
    let fits = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-') && name_word(w, company));
    fits.then_some(name)
}

/// A brand right before a catalogue part in lower case, "its Quillo cloud
/// business", "Quillo-related services": the brand's line of business, which the
/// text does not say is the whole of the company's part. The brand names it
/// ("Quillo"; "Quillo-related services"). Not a company name, a scope ("its China
/// cloud business") or an everyday word.
fn branded_part(sentence: &str, h: &Hit, hits: &[Hit], company: &[String]) -> Option<String> {
    let before = sentence[..h.start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let stem = word.split('-').next().unwrap_or(word);
    let brand = word_start > 0
        && stem.chars().skip(1).any(char::is_lowercase)
        && name_word(stem, company)
        && !hits.iter().any(|o| o.start < h.start && o.end > word_start);
    if !brand {
        return None;
    }
    Some(if word.contains('-') {
        format!("{word} {}", &sentence[h.start..h.end])
    } else {
        word.to_string()
    })
}

/// Whether a sentence is written in title case (a headline): most of its longer
/// words capitalised, so a capital marks no name.
fn title_case(sentence: &str) -> bool {
    let (mut caps, mut words) = (0, 0);
    for w in sentence.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        words += 1;
        caps += usize::from(c.is_uppercase());
    }
    words > 0 && caps * 5 >= words * 3
}

/// The last `n` bytes of `s` or a little fewer, on a character boundary.
pub fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// Clause bounds around `at` within `text`.
pub fn clause(text: &str, at: usize) -> (usize, usize) {
    let mut start = 0;
    let mut end = text.len();
    for m in CLAUSE_BREAK.find_iter(text) {
        if m.end() <= at {
            start = m.end();
        } else if m.start() > at {
            end = m.start();
            break;
        }
    }
    (start, end)
}

fn nearest(
    hits: &[Hit],
    kind: TermKind,
    lo: usize,
    hi: usize,
    at: usize,
    prefer_before: bool,
) -> Option<&Hit> {
    hits.iter()
        .filter(|h| h.kind == kind && h.start >= lo && h.end <= hi)
        .min_by_key(|h| {
            let d = if h.end <= at {
                at - h.end
            } else {
                h.start.saturating_sub(at)
            };
            let before_penalty = if prefer_before && h.start > at { 15 } else { 0 };
            d + before_penalty
        })
}

/// Whether the words before a figure revise an outlook by it: a revision verb, an
/// outlook noun within the next six words, and "by" right before the figure
/// ("raised its full-year sales forecast by 3%").
fn revises_outlook(k: &Knowledge, before: &str) -> bool {
    static BY_END: LazyLock<Regex> = LazyLock::new(|| {
        // "by 3%", or a percent restating the amount: "by ¥300 billion (3%)"
        Regex::new(r"(?i)(?-u:\b)by(?:\s+(?:about|around|roughly|some|nearly|almost|up\s+to|more\s+than|over))?\s*(?:\S+(?:\s+(?:thousand|million|billion|trillion|bn|mn))?\s*\(\s*)?$")
            .expect("by end")
    });
    let v = &k.metrics.voice;
    // "the annual profit outlook was lifted by 5%": the outlook
    // named before a passive revision verb that the figure follows
    static PASSIVE_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:has|have|was|were|is|are)\s+(?:been\s+)?(\w+)(?:\s+(?:upward|upwards|downward|downwards|up|down))?(?:\s+by)?\s*$")
            .expect("passive end")
    });
    if let Some(c) = PASSIVE_END.captures(before) {
        let verb = c[1].to_lowercase();
        let head = before[..c.get(0).map_or(0, |m| m.start())].to_lowercase();
        if v.revisions.contains(&verb)
            && head
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .any(|w| v.outlooks.iter().any(|o| o == w))
        {
            return true;
        }
    }
    // "raises profit forecast 8%" (a headline): the figure right after the outlook noun
    {
        let words: Vec<String> = tail(before, 60)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let n = words.len();
        if n >= 2
            && before.trim_end().ends_with(|c: char| c.is_alphanumeric())
            && v.outlooks.contains(&words[n - 1])
            && words[n.saturating_sub(5)..n - 1]
                .iter()
                .any(|w| v.revisions.contains(w))
        {
            return true;
        }
    }
    if !BY_END.is_match(before) {
        return false;
    }
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        v.revisions.contains(w)
            && words[i + 1..(i + 7).min(words.len())]
                .iter()
                .any(|x| v.outlooks.contains(x))
    })
}

/// "lifted its sales forecast by 3% and its operating income by 8%": a measure joined to a
/// revised forecast, with no verb of its own, shares the revision.
fn coordinated_revision(k: &Knowledge, sentence: &str, at: usize) -> bool {
    static CONJUNCT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)and\s+((?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+){1,4}?)by(?:\s+[^\s,;]+(?:\s+(?:per\s*cent|percent))?\s+to)?\s*$")
            .expect("conjunct")
    });
    let before = &sentence[..at];
    let Some(c) = CONJUNCT.captures(tail(before, 80)) else {
        return false;
    };
    let words = c.get(1).map_or("", |m| m.as_str());
    if MAIN_VERB.is_match(words) || GROWTH_WORD.is_match(words) {
        return false;
    }
    let start = before.len() - tail(before, 80).len() + c.get(0).map_or(0, |m| m.start());
    let head = tail(&before[..start], 160);
    // the revision before it: "lifted its ... forecast by 4% to $31.2 billion"
    static BY_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)by\s+[^\s]+(?:\s+(?:per\s*cent|percent|percentage\s+points?))?")
            .expect("by figure")
    });
    BY_FIGURE
        .find_iter(head)
        .last()
        .is_some_and(|m| revises_outlook(k, &head[..m.start() + 2]))
}

/// Whether a clause joined to the one before ("and", "while", "but", "or") states a
/// figure under a qualifier ("and $1.30 on a non-GAAP basis", "while adjusted it was ...").
fn parallel_qualified(k: &Knowledge, clause: &str) -> bool {
    let t = clause
        .trim_start_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .to_ascii_lowercase();
    let joined = [
        "and ", "while ", "but ", "or ", "whereas ", "versus ", "vs ",
    ]
    .iter()
    .any(|j| t.starts_with(j));
    if !joined {
        return false;
    }
    let words = cue_words(&t);
    k.metrics.qualifiers.iter().any(|q| {
        q.before_cues
            .iter()
            .chain(&q.after_cues)
            .any(|c| words.contains(c.as_str()))
    })
}

/// What is computed once per sentence: catalogue terms found in it and its clause breaks.
pub struct SentenceIndex {
    hits: Vec<Hit>,
    /// Where the article's company is named: (start, end).
    company_at: Vec<(usize, usize)>,
    /// The words of the company's names, lower case ("microsystems" of "Acme
    /// Microsystems Inc"): after a shorter name they still name the company.
    company_words: Vec<String>,
    breaks: Vec<(usize, usize)>,
    /// Relative clauses and appositions (", which ...,", ", the main line of ...,"):
    /// their terms do not name the subject of figures outside them.
    asides: Vec<(usize, usize)>,
    /// The asides that are relative clauses (", which ...,", ", who ...,").
    relative: Vec<(usize, usize)>,
    /// Where the sentence's main verb starts: the words before it are its subject.
    main_verb: Option<usize>,
}

static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    // ", which ...,"; or set between dashes: " -- home to X and Y -- ", "\u{2014}X\u{2014}";
    // a relative clause listing what a part holds runs to the list's last item (", which
    // includes heating, plumbing and video games,"), items without figures
    Regex::new(r"(?i),\s+which\s+(?:includes?|included|comprises?|houses|contains|spans|covers|encompasses)\s+[^,;\d]{1,60}?(?:,\s+[^,;\d]{1,60}?)*?\s(?:and|or)\s[^,;\d]{1,60}?,|,\s+(?:which|who|where|the|a|an|its)\s[^,;]{2,160},|\s(?:--|\u{2014}|\u{2013})\s[^;]{2,160}?\s(?:--|\u{2014}|\u{2013})\s|\u{2014}[^\u{2014};]{2,160}?\u{2014}").expect("aside")
});
/// A measure word that names a document or an event, not the measure: "earnings release".
static DESCRIBES_FIRM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s-]*(?:designer|maker|giant|company|firm|group|producer|supplier|manufacturer|provider|operator|specialist|conglomerate)(?-u:\b)").expect("describes firm")
});
static NOT_MEASURE_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s-]*(?:release|releases|call|calls|report|reports|season|date|statement|presentation|per\s+share|guidance|estimates?)(?-u:\b)").expect("not measure")
});

impl Lexicon {
    /// Whether a text names a measure of the catalogue ("Net Income").
    pub fn names_measure(&self, text: &str) -> bool {
        self.hits(text).iter().any(|h| h.kind == TermKind::Measure)
    }
}

impl SentenceIndex {
    /// Whether the sentence names whose figures it gives before byte `at`: the company,
    /// a part of it, or the company speaking of itself ("We", "Our").
    pub fn names_subject_before(&self, at: usize) -> bool {
        self.company_at.iter().any(|&(s, _)| s < at)
            || self
                .hits
                .iter()
                .any(|h| h.kind == TermKind::Subject && h.start < at)
    }

    /// The measures the sentence names before byte `at`, in order: (start, end, measure id).
    pub fn measures_before(&self, at: usize) -> Vec<(usize, usize, String)> {
        self.hits
            .iter()
            .filter(|h| h.kind == TermKind::Measure && h.end <= at)
            .map(|h| (h.start, h.end, h.id.clone()))
            .collect()
    }

    /// Whether the figure at `at` lies in a relative clause (", which employs 9,000 people,")
    /// and `start..end` outside it.
    pub fn outside_own_aside(&self, start: usize, end: usize, at: usize) -> bool {
        self.relative
            .iter()
            .any(|&(a, b)| at >= a && at < b && !(start >= a && end <= b))
    }

    /// Whether `start..end` lies in an aside (", the last of a fiscal year that ended ...,")
    /// that does not hold the figure at `at`.
    pub fn in_other_aside(&self, start: usize, end: usize, at: usize) -> bool {
        self.asides
            .iter()
            .any(|&(a, b)| start >= a && end <= b && !(at >= a && at < b))
    }

    pub fn new(lex: &Lexicon, sentence: &str, entity_names: &[String]) -> SentenceIndex {
        let mut hits = lex.hits(sentence);
        let mut company_at = Vec::new();
        // the article's company named in the sentence is the "company" subject
        for n in entity_names.iter().filter(|n| n.len() >= 3) {
            let mut from = 0;
            while let Some(i) = sentence[from..].find(n.as_str()) {
                let s = from + i;
                company_at.push((s, s + n.len()));
                hits.push(Hit {
                    start: s,
                    end: s + n.len(),
                    kind: TermKind::Subject,
                    id: "company".into(),
                });
                from = s + n.len();
            }
        }
        // a clause starts at its conjunction ("up 14%", "and 3%"): the break is the comma and spaces
        // "the Planning and Field Operations segment": "and" inside a name in title case
        // joins its words, not two clauses
        let in_name = |m: &regex::Match| {
            let t = m.as_str().trim();
            let before = sentence[..m.start()].trim_end_matches([' ', '\t']);
            let word_before = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            t.eq_ignore_ascii_case("and")
                && !before.ends_with(',')
                && word_before.starts_with(char::is_uppercase)
                && sentence[m.end()..].starts_with(char::is_uppercase)
        };
        let breaks = CLAUSE_BREAK
            .find_iter(sentence)
            .filter(|m| !in_name(m))
            .map(|m| {
                let t = m.as_str();
                let lead = t.len() - t.trim_start_matches([',', ' ', '\t']).len();
                let word_starts = t[lead..].starts_with(|c: char| c.is_alphabetic());
                (
                    m.start(),
                    if word_starts {
                        m.start() + lead
                    } else {
                        m.end()
                    },
                )
            })
            .filter(|(s, e)| e > s)
            .collect();
        // adjacent subjects name one thing: "data center chips" is the data center, but
        // "Acme Cloud" (the company's name, then a segment) is the segment
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            if let Some(prev) = kept.last_mut() {
                if prev.kind == TermKind::Subject
                    && h.kind == TermKind::Subject
                    && h.start <= prev.end + 1
                {
                    if prev.id == "company" {
                        *prev = h;
                    }
                    continue;
                }
            }
            kept.push(h);
        }
        let hits = kept;
        // ", the net income fell to 0.4 trillion yen, ...": a noun phrase with its own
        // verb after an opening phrase is the main clause, not an apposition
        static FINITE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:was|were|is|are|reached|totaled|totalled|stood|came|posted|reported|grew|rose|fell|increased|decreased|declined|jumped|climbed|dropped|surged|slipped)(?-u:\b)").expect("finite verb")
        });
        let asides: Vec<(usize, usize)> = ASIDE
            .find_iter(sentence)
            .filter(|m| {
                let t = m
                    .as_str()
                    .trim_start_matches([',', ' '])
                    .to_ascii_lowercase();
                let determiner = ["the ", "a ", "an ", "its "]
                    .iter()
                    .any(|d| t.starts_with(d));
                !(determiner && FINITE.is_match(m.as_str()))
            })
            .map(|m| (m.start(), m.end()))
            .collect();
        // "earnings release", "revenue guidance" are not the measures themselves
        let hits: Vec<Hit> = hits
            .into_iter()
            .filter(|h| {
                !(h.kind == TermKind::Measure
                    && NOT_MEASURE_NEXT.is_match(&sentence[h.end..])
                    && !sentence[h.start..h.end]
                        .to_lowercase()
                        .contains("per share"))
            })
            .collect();
        // "the chip designer", "the cloud provider": a segment word describing a company is
        // the company
        let hits: Vec<Hit> = hits
            .into_iter()
            .map(|mut h| {
                if h.kind == TermKind::Subject
                    && h.id != "peers"
                    && DESCRIBES_FIRM.is_match(&sentence[h.end..])
                {
                    h.id = "company".into();
                }
                h
            })
            .collect();
        let relative = asides
            .iter()
            .copied()
            .filter(|&(a, _)| {
                let t = sentence[a..]
                    .trim_start_matches([',', ' '])
                    .to_ascii_lowercase();
                t.starts_with("which ") || t.starts_with("who ") || t.starts_with("where ")
            })
            .collect();
        let company_words = entity_names
            .iter()
            .flat_map(|n| n.split_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        SentenceIndex {
            hits,
            company_at,
            company_words,
            breaks,
            asides,
            relative,
            main_verb: MAIN_VERB.find(sentence).map(|m| m.start()),
        }
    }

    /// Clause bounds around `at` in a sentence of length `len`. A break that
    /// opens an aside closed before `at` does not end the main clause.
    pub fn clause(&self, len: usize, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = len;
        let in_closed_aside =
            |s: usize| self.asides.iter().any(|&(a, b)| s >= a && s < b && b <= at);
        for &(s, e) in &self.breaks {
            if in_closed_aside(s) {
                continue;
            }
            if e <= at {
                start = e;
            } else if s > at {
                end = s;
                break;
            }
        }
        (start, end)
    }
}

/// Attributes the figure at `f` (byte offsets in `sentence`).
/// Whether `words` (in [`cue_words`] form) holds one of `cues` (in that form too).
fn has_cue(words: &str, cues: &[String]) -> bool {
    cues.iter().any(|c| words.contains(c.as_str()))
}

fn starts_with_cue(words: &str, cues: &[String]) -> bool {
    cues.iter().any(|c| words.starts_with(c.as_str()))
}

/// The qualifier (see `qualifiers` in metrics.yaml) that the measure phrase at
/// `m` carries for the figure `f`: a cue among the four words before the
/// phrase or opening the figure's clause or sentence, a cue between the phrase
/// and the figure, or one right after the figure.
pub(crate) fn qualifier_scope(
    k: &Knowledge,
    sentence: &str,
    clause_start: usize,
    m: (usize, usize),
    measure: &str,
    f: &Found,
) -> Option<String> {
    // every window is bounded, so a sentence as long as a file is read in linear time
    const WINDOW: usize = 160;
    let fl = |at: usize| crate::extract::numbers::floor_char(sentence, at);
    let m0 = fl(m.0);
    let before_all = &sentence[fl(m0.saturating_sub(WINDOW))..m0];
    // "adjusted earnings per share (EPS) of": an abbreviation in brackets after the
    // measure's name takes the words before the name too
    let reach = if before_all.trim_end().ends_with('(') {
        8
    } else {
        4
    };
    let last4: Vec<&str> = before_all.split_whitespace().rev().take(reach).collect();
    let last4 = cue_words(&last4.into_iter().rev().collect::<Vec<_>>().join(" "));
    let opening = |from: usize| {
        let from = fl(from.min(m0));
        let t = sentence[from..fl((from + WINDOW).min(m0))].trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '*' | '\u{2022}' | ',' | ';')
        });
        cue_words(t)
    };
    let (clause_open, sentence_open) = (opening(clause_start), opening(0));
    let between =
        (m.1 <= f.start && f.start - m.1 <= WINDOW).then(|| cue_words(&sentence[fl(m.1)..f.start]));
    // right after the figure, not past a comma or semicolon ("58.9%; non-GAAP ...")
    let after = sentence[f.end..fl(f.end + WINDOW)].trim_start();
    let right_after = if after.starts_with([',', ';', '.', ':']) {
        String::new()
    } else {
        cue_words(after)
    };
    // "(up 22% in constant currency)": the aside's closing bracket ends the cue
    let right_unbracketed = right_after.replace(')', " ");
    // "adjusted EBITA margin": a synonym of the measure that holds the cue is the measure itself
    let phrase = cue_words(&sentence[m.0..m.1.min(sentence.len())]);
    let synonyms: &[String] = k
        .metrics
        .measures
        .get(measure)
        .map_or(&[], |d| d.synonym_cues.as_slice());
    let own = |cues: &[String]| {
        cues.iter().any(|c| {
            phrase.contains(c.as_str())
                || synonyms
                    .iter()
                    .any(|s| s.contains(c.as_str()) && s.ends_with(&phrase))
        })
    };
    k.metrics
        .qualifiers
        .iter()
        .filter(|q| q.applies_to(measure))
        .filter(|q| !own(&q.before_cues))
        .find(|q| {
            has_cue(&last4, &q.before_cues)
                || starts_with_cue(&clause_open, &q.before_cues)
                || starts_with_cue(&sentence_open, &q.before_cues)
                || between
                    .as_deref()
                    .is_some_and(|b| has_cue(b, &q.after_cues))
                || starts_with_cue(&right_after, &q.after_cues)
                || starts_with_cue(&right_unbracketed, &q.after_cues)
        })
        .map(|q| q.id.clone())
}

/// What a lead line that is a bare label ("Payments Services:", "- Cloud:")
/// says of the bullets under it.
#[derive(Clone, Debug, PartialEq)]
pub enum LeadSubject {
    /// A subject of the catalogue.
    Known(String),
    /// A part the catalogue does not know: its figures are not the company's.
    Unknown(String),
}

/// The subject a lead line names, if it is a bare label of one to six words in
/// title case with no figure; `None` for any other line, and for labels of the
/// whole ("Financial highlights:").
pub fn lead_subject(lex: &Lexicon, k: &Knowledge, line: &str) -> Option<LeadSubject> {
    let t = line
        .trim()
        .trim_start_matches(['-', '*', '\u{2022}', ' '])
        .strip_suffix(':')?;
    // "Marketing Services (formerly Online Advertising)": the label before the bracket
    let label = t.split('(').next().unwrap_or(t).trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let small = ["and", "&", "of", "the", "for", "in"];
    if !words
        .iter()
        .all(|w| small.contains(w) || w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let generic = &k.metrics.parts.generic_labels;
    if words.iter().any(|w| {
        generic
            .iter()
            .any(|g| g.eq_ignore_ascii_case(w.trim_matches(',')))
    }) {
        return None;
    }
    let (hits, covered) = subject_cover(lex, label);
    let content = words.iter().filter(|w| !small.contains(w)).count();
    match hits.first() {
        Some(h) if covered >= content && h.id != "company" => {
            Some(LeadSubject::Known(h.id.clone()))
        }
        Some(h) if h.id == "company" => None,
        _ => Some(LeadSubject::Unknown(label.to_string())),
    }
}

/// The measure a lead line names when it is a bare label of a measure ("- Gross
/// Margin:", "Adjusted Net Income:") with nothing else: the bullets under it give
/// that measure's figures ("- $4.1 billion, up 12%"). Every word of the label must be
/// a catalogue term (or a joining word), so a label naming a part the catalogue does
/// not know ("Subscription Revenue:") names nothing.
pub fn lead_measure(lex: &Lexicon, line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches(['-', '*', '\u{2022}', '~', '>', ' '])
        .strip_suffix(':')?
        .trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 6 || t.chars().any(|c| c.is_ascii_digit() || ",;.()".contains(c)) {
        return None;
    }
    let hits = lex.hits(t);
    if !hits.iter().any(|h| h.kind == TermKind::Measure) {
        return None;
    }
    let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    (words_outside(t, 0, t.len(), &spans, &["and", "&", "of", "the", "total"]) == 0)
        .then(|| t.to_string())
}

/// How many words of `text[from..to]` no span of `covered` (byte ranges in `text`)
/// holds, joining words (`joiners`, lower case) aside: a label naming only catalogue
/// terms has none.
pub fn words_outside(
    text: &str,
    from: usize,
    to: usize,
    covered: &[(usize, usize)],
    joiners: &[&str],
) -> usize {
    let mut at = from;
    let mut n = 0;
    for w in text[from..to].split_whitespace() {
        let s = at + text[at..].find(w).unwrap_or(0);
        at = s + w.len();
        let held = covered.iter().any(|&(a, b)| a <= s && at <= b);
        if !held && !joiners.contains(&w.to_lowercase().as_str()) {
            n += 1;
        }
    }
    n
}

/// The qualifier a lead line ("On a non-GAAP basis:") sets for the bullets under it.
pub fn lead_qualifier(k: &Knowledge, line: &str) -> Option<String> {
    let w = cue_words(line);
    k.metrics
        .qualifiers
        .iter()
        .filter(|q| q.lead)
        .find(|q| has_cue(&w, &q.before_cues) || has_cue(&w, &q.after_cues))
        .map(|q| q.id.clone())
}

pub fn attribute(
    lex: &Lexicon,
    k: &Knowledge,
    sentence: &str,
    idx: &SentenceIndex,
    f: &Found,
    streak_of: Option<&MetricId>,
    para_subject: Option<&str>,
) -> Attribution {
    let (cs, ce) = idx.clause(sentence.len(), f.start);
    // terms inside an aside the figure is not in do not describe it
    let outside: Vec<Hit> = idx
        .hits
        .iter()
        .filter(|h| {
            !idx.asides
                .iter()
                .any(|&(a, b)| h.start >= a && h.end <= b && !(f.start >= a && f.end <= b))
        })
        .cloned()
        .collect();
    let hits = &outside;
    let clause_text = &sentence[cs..ce];
    // an outlook cue before the figure ("expects revenue of", "analysts had expected"), right
    // after it ("the $4.52B estimate"), or a horizon
    let coordinated = coordinated_revision(k, sentence, f.start);
    // the outlook cue counts when no report of results stands between it and the figure
    // ("..., which are expected to lift sales, Acme posted a best-ever $3.1 billion")
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:reported|posted|announced|delivered|recorded|booked|logged|generated)(?-u:\b)")
            .expect("reported")
    });
    let cue_from = REPORTED
        .find_iter(&sentence[cs..f.start])
        .last()
        .map_or(cs, |m| cs + m.end());
    // "Next, it sees a firm fourth quarter, with sales near $4.2 billion": a
    // "with" clause that spells out an outlook is that outlook
    static WITH_HEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^[\s,]*(?:with|including)\s").expect("with head"));
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:reported|posted|rose|fell|grew|increased|decreased|declined|jumped|climbed|dropped|was|were|came|totall?ed|had)(?-u:\b)")
            .expect("past verb")
    });
    let spelled_out = cs > 0
        && WITH_HEAD.is_match(&sentence[cs..f.start])
        && OUTLOOK.find_iter(&sentence[..cs]).last().is_some_and(|m| {
            !PAST.is_match(&sentence[m.end()..f.start])
                && !REPORTED.is_match(&sentence[m.end()..f.start])
        });
    let outlook = OUTLOOK.is_match(&sentence[cue_from..f.start])
        || spelled_out
        || coordinated
        || HORIZON_CUE.is_match(clause_text)
        || ESTIMATE_BEFORE.is_match(tail(&sentence[..f.start], 40))
        || estimate_after(&sentence[f.end..]);
    let mut kind = match &f.unit {
        Unit::Streak => Kind::Streak,
        Unit::Currency(_) => Kind::Level,
        Unit::Count => Kind::Count,
        _ => Kind::Growth,
    };
    let mut of = None;
    let after = &sentence[f.end..];
    let before = &sentence[cs..f.start];
    // "$5.05 billion, plus or minus 2%": a tolerance band around another figure
    {
        let lead = tail(before, 20).trim_end().to_ascii_lowercase();
        if lead.ends_with("plus or minus") || lead.ends_with('±') || lead.ends_with("+/-") {
            return Attribution::none(kind, of, outlook);
        }
    }
    let share_rel = matches!(f.unit, Unit::Percent)
        && (SHARE_BEFORE.is_match(before)
            || SHARE_OF.is_match(after) && !GROWTH_WORD.is_match(tail(before, 25)));
    if share_rel {
        if let Some(c) = SHARE_OF.captures(after) {
            let tail = c.get(1).map(|m| m.as_str()).unwrap_or("");
            let th = lex.hits(tail);
            if let Some(s) = th.iter().find(|h| h.kind == TermKind::Subject) {
                of = Some(s.id.clone());
            }
            if th
                .iter()
                .any(|h| h.kind == TermKind::Measure && h.id == "market-share")
                || tail.to_lowercase().contains("market")
            {
                of = None;
            }
        }
    }
    // the measure: in the clause, nearest the figure; else the sentence's own
    // subject phrase before the clause ("Revenue for the quarter, which ..., rose 42%")
    let mut measure_hit = nearest(hits, TermKind::Measure, cs, ce, f.start, false).cloned();
    if measure_hit.is_none()
        && matches!(f.unit, Unit::Percent | Unit::Currency(_))
        && GROWTH_WORD.is_match(clause_text)
    {
        measure_hit = hits
            .iter()
            .filter(|h| h.kind == TermKind::Measure && h.end <= cs)
            .min_by_key(|h| h.start)
            .cloned();
    }
    // "EPS was $1.10 on a GAAP basis, and $1.30 on a non-GAAP basis": a clause that only
    // restates the measure under another qualifier is about the measure before it
    if measure_hit.is_none() && cs > 0 && parallel_qualified(k, clause_text) {
        measure_hit = hits
            .iter()
            .filter(|h| h.kind == TermKind::Measure && h.end <= cs)
            .max_by_key(|h| h.start)
            .cloned();
    }
    // "$2.10 a share", "$0.15 per share": a per-share amount is earnings per share, or the
    // dividend when the clause speaks of one; whatever total (net income) stands nearer
    static PER_SHARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:per|a|an|each)\s+(?:diluted\s+|basic\s+|class\s+\w\s+)?(?:share|ads|adr)s?(?-u:\b)")
            .expect("per share")
    });
    // "$833 million, consisting of $750 million of share repurchases": a term after another
    // figure describes that figure
    if matches!(f.unit, Unit::Currency(_))
        && measure_hit.as_ref().is_some_and(|m| {
            let between = sentence.get(f.end..m.start).unwrap_or("");
            // a conversion in brackets ("RMB 380 billion ($53 billion)") is the same figure
            m.start >= f.end
                && crate::extract::numbers::scan(between, false)
                    .iter()
                    .any(|g| {
                        matches!(g.unit, Unit::Currency(_))
                            && !between[..g.start].trim_end().ends_with('(')
                    })
        })
    {
        measure_hit = None;
    }
    // "through buybacks and dividends": a total of two measures is neither
    if let Some(m) = measure_hit.as_ref().filter(|m| m.start >= f.end) {
        let joined = |a: &Hit, b: &Hit| {
            a.end <= b.start
                && b.start - a.end <= 8
                && matches!(
                    sentence[a.end..b.start]
                        .trim()
                        .to_ascii_lowercase()
                        .as_str(),
                    "and" | "or" | "&" | "plus"
                )
        };
        if hits
            .iter()
            .any(|h| h.kind == TermKind::Measure && h.id != m.id && (joined(m, h) || joined(h, m)))
        {
            measure_hit = None;
        }
    }
    // "the $3 billion it invested in Rivalco": money put into another company is a
    // stake in it, not the spender's capital spending
    if measure_hit
        .as_ref()
        .is_some_and(|m| k.metrics.is_company_level(&m.id) && into_a_name(sentence, m, hits))
    {
        return Attribution::none(kind, of, outlook);
    }
    let mut per_share = None;
    if matches!(f.unit, Unit::Currency(_)) && PER_SHARE.is_match(after) {
        let in_clause = |id: &str| {
            hits.iter()
                .any(|h| h.kind == TermKind::Measure && h.id == id && h.start >= cs && h.end <= ce)
        };
        let flow_or_none = measure_hit.as_ref().is_none_or(|h| {
            k.metrics
                .measures
                .get(&h.id)
                .is_some_and(|d| d.class == crate::period::PeriodClass::Flow)
        });
        if flow_or_none && k.metrics.measures.contains_key("eps") {
            let id = if in_clause("dividend") {
                "dividend"
            } else {
                "eps"
            };
            measure_hit = hits
                .iter()
                .find(|h| h.kind == TermKind::Measure && h.id == id && h.start >= cs && h.end <= ce)
                .cloned();
            per_share = Some(id);
        }
    }
    let mut measure = per_share
        .map(String::from)
        .or_else(|| measure_hit.as_ref().map(|h| h.id.clone()));
    if share_rel && measure.as_deref() != Some("market-share") {
        let market = after.to_lowercase();
        if market.trim_start().starts_with("of")
            && (market.contains("market") || market.contains("sector"))
        {
            measure = Some("market-share".into());
        } else {
            kind = Kind::Share;
            measure = measure.or(Some("revenue".into()));
        }
    }
    // subject: in the clause, else earlier in the sentence
    // subjects inside "of total sales" name the whole, not the part
    let of_start = if share_rel { f.end } else { usize::MAX };
    // "..., the company said": who said it after the figure is the source, not the subject
    let said_by = crate::extract::sourcing::attribution_span(sentence).filter(|&(s, _)| s >= f.end);
    let in_clause: Vec<Hit> = hits
        .iter()
        .filter(|h| h.start < of_start)
        .filter(|h| !said_by.is_some_and(|(s, e)| h.start >= s && h.end <= e))
        .cloned()
        .collect();
    // a compound before the measure ("Data center revenue") names the subject
    // for a share, the measure after it ("80% of total sales") names the whole: the part is
    // the measure before it ("Data center sales ... representing 80% of total revenue")
    let part_measure = if share_rel {
        hits.iter()
            .rfind(|h| h.kind == TermKind::Measure && h.end <= f.start)
            .cloned()
            .or_else(|| measure_hit.clone().filter(|m| m.end <= f.start))
    } else {
        measure_hit.clone()
    };
    let compound = part_measure.as_ref().and_then(|m| {
        hits.iter()
            .filter(|h| h.kind == TermKind::Subject && h.end <= m.start && m.start - h.end <= 3)
            .max_by_key(|h| h.end)
            .cloned()
    });
    // "Customer management revenue": a line the catalogue does not know; not the company's total
    let modifiable = measure
        .as_deref()
        .and_then(|m| k.metrics.measures.get(m))
        .is_some_and(|d| d.class == crate::period::PeriodClass::Flow && !d.company_level);
    // "Lumo smart device users": a count of a product's users, named before the measure
    let countable = measure
        .as_deref()
        .and_then(|m| k.metrics.measures.get(m))
        .is_some_and(|d| d.class == crate::period::PeriodClass::Stock && !d.counted.is_empty());
    let mut modifier_part: Option<String> = None;
    let mut modifier_start: Option<usize> = None;
    let unknown_mod = compound.is_none()
        && (modifiable
            || countable
                && part_measure
                    .as_ref()
                    .and_then(|m| modifier_words(sentence, m))
                    .is_some_and(|(_, w)| w.starts_with(char::is_uppercase)))
        && unknown_modifier(
            sentence,
            part_measure.as_ref(),
            f,
            &idx.company_words,
            &k.metrics.parts.verbs,
        );
    if unknown_mod {
        // a name of two words or more ("international games"), or a capitalised one inside
        // the sentence ("the Lumen revenue"); a single lower-case word may be anything
        let words = part_measure
            .as_ref()
            .and_then(|m| modifier_words(sentence, m));
        modifier_start = words.as_ref().map(|(a, _)| *a);
        modifier_part = words
            // a name ("International games", "Marine engines"), not any words a measure
            // follows ("it could reach revenue")
            .filter(|(_, w)| w.starts_with(char::is_uppercase))
            .and_then(|(_, w)| text_subject(k, &w));
        if modifier_part.is_none() {
            return Attribution::none(kind, of, outlook);
        }
    }
    // "growth in robotics orders": the thing that grew
    static GROWTH_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s\w-]{0,20}?(?-u:\b)(?:growth|increase|rise|gain|jump|surge|decline|drop|fall)\s+(?:in|of|from|for)\s+(?:the\s+|its\s+)?").expect("growth in")
    });
    let grown = GROWTH_IN.find(&sentence[f.end..]).and_then(|m| {
        let at = f.end + m.end();
        hits.iter()
            .find(|h| h.kind == TermKind::Subject && h.start >= at && h.start <= at + 3)
            .cloned()
    });
    // "booked $410 million of operating profit at its cloud unit": the part named
    // after the figure's measure, as the owner of a part noun
    static OWNED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+(?:of\s+|in\s+)?(?:[\w-]+\s+){1,3}?(?:in|at|from|for)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?$")
            .expect("owned after")
    });
    let grown = grown.or_else(|| {
        let window =
            crate::extract::numbers::floor_char(sentence, (f.end + 90).min(sentence.len()));
        hits.iter()
            .filter(|h| h.kind == TermKind::Subject && h.id != "company")
            .filter(|h| h.start > f.end && h.end <= window)
            .find(|h| {
                let between = &sentence[f.end..h.start];
                let measure_between = hits
                    .iter()
                    .any(|m| m.kind == TermKind::Measure && m.start >= f.end && m.end <= h.start);
                let part_noun = |w: &str| {
                    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    k.metrics
                        .parts
                        .nouns
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(w))
                };
                // the noun after the subject, or the subject's own last word ("cloud business")
                let noun = sentence[h.end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(part_noun)
                    || sentence[h.start..h.end]
                        .split_whitespace()
                        .last()
                        .is_some_and(part_noun);
                measure_between && OWNED_AFTER.is_match(between) && noun
            })
            .cloned()
    });
    // a compound in the figure's own clause comes first; one from the sentence head only after the clause's own subjects
    let compound_here = compound.clone().filter(|c| c.start >= cs);
    // "..., and the unit now contributes 11%": the unit is the sentence's subject, or the
    // previous sentence's
    // (or in the sentence's subject: "Sales for this division reached X, up 13%")
    let anaphor_at = ANAPHOR.find(&sentence[cs..f.start]).or_else(|| {
        let head = idx.main_verb.unwrap_or(0);
        ANAPHOR.find(&sentence[..head.min(cs)])
    });
    let anaphor = anaphor_at.is_some().then(|| {
        let head = idx.main_verb.unwrap_or(sentence.len());
        hits.iter()
            .find(|h| h.kind == TermKind::Subject && h.id != "company" && h.end <= head.min(cs))
            .map(|h| h.id.clone())
            .or_else(|| para_subject.map(|s| s.to_string()))
    });
    // "This unit reported a 28% gain": a unit nobody named is not the company, nor a
    // segment named elsewhere in the sentence
    if anaphor.as_ref().is_some_and(|a| a.is_none())
        && anaphor_at.is_some_and(|m| !m.as_str().to_ascii_lowercase().ends_with("business"))
        && grown.is_none()
    {
        return Attribution::none(kind, of, outlook);
    }
    // "..., while free cash flow came in at €1.9 billion": a contrasting clause with its own
    // measure at its head does not borrow the subject of what came before
    let fresh_from = measure_hit
        .as_ref()
        .filter(|m| m.start <= f.start)
        .and_then(|m| {
            CONTRAST_HEAD
                .find(tail(&sentence[..m.start], 24))
                .map(|_| m.start)
        });
    // "We delivered revenue of $5 billion": the company speaking of itself names whose
    // figure it is; a segment the paragraph named before does not take it
    let head_end = idx.main_verb.unwrap_or(0);
    // so does a sentence whose subject is the company by name ("Acme reported revenue of
    // $5 billion, an 18% increase")
    let speaks_of_itself = sentence[..head_end]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            k.metrics
                .voice
                .first_person
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
        })
        || idx.company_at.iter().any(|&(s, _)| s < head_end)
            && !hits
                .iter()
                .any(|h| h.kind == TermKind::Subject && h.id != "company" && h.start < head_end);
    let mut subject = grown
        .clone()
        .map(|h| h.id.clone())
        .or(anaphor.flatten())
        .or_else(|| {
            compound_here
                .or_else(|| nearest(&in_clause, TermKind::Subject, cs, ce, f.start, true).cloned())
                .or(compound)
                .or_else(|| nearest(&in_clause, TermKind::Subject, 0, cs, cs, false).cloned())
                .map(|h| h.id.clone())
                // (an outlook that names no part is the company's: "guidance for Q4
                // contemplates revenue of ..." after a paragraph on a segment)
                .or_else(|| {
                    para_subject
                        .filter(|_| !speaks_of_itself && !outlook)
                        .map(|s| s.to_string())
                })
        });
    // "its 21% margin" in a paragraph about a segment: the pronoun is the
    // segment's, not the company's
    if subject.as_deref().is_none_or(|s| s == "company") && !speaks_of_itself {
        // the last word before the figure in its clause that points back ("though its 21%")
        let before_fig = &sentence[cs..f.start];
        let pronoun_at = before_fig
            .split(|c: char| !c.is_alphanumeric())
            .scan(0usize, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((cs + here, w))
            })
            .filter(|(_, w)| {
                k.metrics
                    .voice
                    .back_references
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w))
            })
            .map(|(at, _)| at)
            .last();
        // ... with no other subject named between it and the figure
        let by_pronoun = pronoun_at.is_some_and(|p| {
            !in_clause.iter().any(|h| {
                h.kind == TermKind::Subject && h.id != "company" && h.start > p && h.end <= f.start
            })
        });
        if by_pronoun {
            if let Some(s) = para_subject.filter(|s| *s != "company") {
                subject = Some(s.to_string());
            }
        }
    }
    if let Some(p) = fresh_from {
        subject = grown.as_ref().map(|h| h.id.clone()).or_else(|| {
            nearest(
                &in_clause,
                TermKind::Subject,
                p,
                sentence.len(),
                f.start,
                true,
            )
            .map(|h| h.id.clone())
        });
    }
    // "the Client and Widgets segment", "its Smart Widgets unit": a segment's own
    // name that merely holds a catalogue word is that segment, not the catalogue's part
    if let Some(id) = subject.clone().filter(|s| s != "company" && s != "peers") {
        let hit = hits
            .iter()
            .filter(|h| h.kind == TermKind::Subject && h.id == id && h.end <= f.start)
            .max_by_key(|h| h.start);
        if let Some(name) =
            hit.and_then(|h| named_segment(k, sentence, h, hits, &idx.company_words))
        {
            subject = text_subject(k, &name);
        }
    }
    // "driven by Tablets growth of 12%": a name right before the growth noun is the
    // figure's own subject, whatever the clause before it was about
    if let Some(name) = named_growth(sentence, cs, f, hits, &idx.company_words) {
        match text_subject(k, name) {
            Some(t) => subject = Some(t),
            None => return Attribution::none(kind, of, outlook),
        }
    }
    // "The consumer health division ... grew revenue 11%": a unit the catalogue does not
    // know; its figures are not the company's
    let company_level = measure
        .as_deref()
        .is_some_and(|m| k.metrics.is_company_level(m));
    // a part named in the text gets its own subject (compared with articles that name it
    // alike); one that cannot be named stays out
    let mut named_part: Option<String> = None;
    if subject.as_deref().is_none_or(|s| s == "company") && !company_level {
        let part = unknown_part(k, hits, idx, sentence, (cs, ce), f).or_else(|| {
            // "Acme's toy segment saw sales jump 17% and operating income climb 24%": a
            // conjoined clause with no subject of its own shares the sentence's
            (cs > 0
                && !CLAUSE_HEAD_NOUN.is_match(&sentence[cs..])
                && !hits
                    .iter()
                    .any(|h| h.kind == TermKind::Subject && h.start >= cs && h.end <= f.start))
            .then(|| unknown_part(k, hits, idx, sentence, (0, cs), f))
            .flatten()
        });
        if let Some(p) = part {
            match text_subject(k, &p) {
                Some(t) => named_part = Some(t),
                None => return Attribution::none(kind, of, outlook),
            }
        }
    }
    if subject.as_deref().is_none_or(|s| s == "company")
        && named_part.is_none()
        && (unknown_division(hits, sentence, cs)
            || cs > 0
                && !CLAUSE_HEAD_NOUN.is_match(&sentence[cs..])
                && unknown_division(hits, sentence, 0))
    {
        return Attribution::none(kind, of, outlook);
    }
    let growth_word = GROWTH_WORD.is_match(clause_text);
    if measure.is_none() {
        // "cloud grew 26%", "the robotics arm ... to $7.2 billion": a segment's revenue
        let segment = subject
            .as_deref()
            .is_some_and(|s| s != "company" && s != "peers");
        let fits = match &f.unit {
            Unit::Percent => growth_word && segment,
            Unit::Currency(_) => {
                let lead = tail(&sentence[..f.start], 12).to_lowercase();
                segment
                    && (growth_word
                        || lead.trim_end().ends_with(" to")
                        || lead.trim_end().ends_with("reaching"))
            }
            Unit::Streak => true,
            _ => false,
        };
        if fits {
            measure = Some("revenue".into());
        }
    }
    if let (Unit::Streak, Some(m)) = (&f.unit, streak_of) {
        return Attribution {
            metric: Some(m.clone()),
            kind: Kind::Streak,
            basis: None,
            of: None,
            outlook: false,
        };
    }
    let Some(measure) = measure else {
        return Attribution::none(kind, of, outlook);
    };
    let Some(def) = k.metrics.measures.get(&measure) else {
        return Attribution::none(kind, of, outlook);
    };
    // a company-level measure has no segments; a peer group's is still the peers'
    if def.company_level && subject.as_deref() != Some("peers") {
        subject = Some("company".into());
    }
    // "Customer Management: Net sales ..." names a segment the catalogue does not know; a
    // partial match ("Industrial Sensors") is kept, unless the article has two such labels
    // for one subject (see `colon_label`)
    let mut label_part: Option<String> = None;
    if let Some(l) = colon_label(lex, &sentence[..cs.max(f.start).min(sentence.len())])
        .filter(|l| !is_generic_label(k, &l.text))
    {
        if l.subject.is_none() {
            // a label that names a measure ("Net Income:") is no part
            let names_measure = lex
                .hits(&l.text)
                .iter()
                .any(|h| h.kind == TermKind::Measure);
            // (the measure's own label, "Gross Profit: RMB10 billion", names the figure)
            if !names_measure {
                label_part = (!def.company_level)
                    .then(|| text_subject(k, &l.text))
                    .flatten();
                if label_part.is_none() {
                    return Attribution::none(kind, of, outlook);
                }
            }
        }
    }
    if measure == "market-share" {
        if matches!(f.unit, Unit::Currency(_) | Unit::Count) {
            return Attribution::none(kind, of, outlook);
        }
        kind = Kind::Share;
        // the market is named in "share of Europe's robotics market" / "robotics market share"
        if let Some(m) = market_subject(lex, sentence) {
            subject = Some(m);
        }
    } else if def.kinds.contains(&Kind::Margin) && matches!(f.unit, Unit::Pp | Unit::Bp) {
        // points are always a change in a margin
        kind = Kind::Growth;
    } else if def.kinds.contains(&Kind::Margin) && kind == Kind::Growth {
        // "an 8% margin on a business growing 27%": the growth of something else
        let verb = tail(before, 14).trim_end().to_ascii_lowercase();
        if [
            "growing",
            "grew",
            "grows",
            "rising",
            "expanding",
            "increasing",
        ]
        .iter()
        .any(|v| verb.ends_with(v))
            && measure_hit.as_ref().is_some_and(|m| m.end + 14 < f.start)
        {
            return Attribution::none(kind, of, outlook);
        }
        // "margin slipped to 6.5%" is a level; "margins declined 14% YoY" a change
        let near_before = tail(before, 30);
        let change = (f.negative || near_before.contains(" by "))
            && !near_before.trim_end().ends_with(" to")
            && !near_before.trim_end().ends_with(" at");
        if !change {
            kind = Kind::Margin;
        }
    }
    // per-share amounts are small and unscaled; totals are not "$2.31"
    let per_unit = matches!(
        measure.as_str(),
        "eps" | "dividend" | "price-target" | "price"
    );
    // "cut its operating income by $130 million": an amount of change, not a level
    static BY_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)by(?:\s+(?:about|around|roughly|some|nearly|almost|up\s+to|as\s+much\s+as|more\s+than|over|an\s+estimated))?\s*$")
            .expect("by amount")
    });
    if matches!(f.unit, Unit::Currency(_))
        && kind == Kind::Level
        && BY_AMOUNT.is_match(tail(&sentence[cs..f.start], 40))
    {
        return Attribution::none(kind, of, outlook);
    }
    if matches!(f.unit, Unit::Currency(_)) && kind == Kind::Level {
        let scaled = f.scale != crate::model::Scale::One;
        let small = !scaled && f.value.hi.to_f64().abs() < 1000.0;
        if per_unit && scaled || !per_unit && def.class == crate::period::PeriodClass::Flow && small
        {
            return Attribution::none(kind, of, outlook);
        }
    }
    // "1,400 more employees than a year earlier": a change
    if kind == Kind::Count {
        static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(?:cut|cuts|cutting|added|adds|adding|eliminated|eliminating|shed|sheds|hired|hiring|laid\s+off|lay\s+off|slashed|trimmed|reduced|lost|gained)\s+(?:about|around|roughly|some|nearly|more\s+than|over|almost|up\s+to)?\s*$").expect("change verb")
        });
        if CHANGE_VERB.is_match(tail(&sentence[..f.start], 30)) && def.kinds.contains(&Kind::Growth)
        {
            kind = Kind::Growth;
        }
        let next = after.trim_start().to_lowercase();
        if ["more ", "fewer ", "additional ", "new ", "net new "]
            .iter()
            .any(|w| next.starts_with(w))
            && def.kinds.contains(&Kind::Growth)
        {
            kind = Kind::Growth;
        }
    }
    if kind == Kind::Count && !def.kinds.contains(&Kind::Count) {
        if def.kinds.contains(&Kind::Level)
            && matches!(
                f.scale,
                crate::model::Scale::Million
                    | crate::model::Scale::Billion
                    | crate::model::Scale::Trillion
            )
        {
            kind = Kind::Level;
        } else {
            return Attribution::none(kind, of, outlook);
        }
    }
    if kind != Kind::Streak && kind != Kind::Share && !def.kinds.contains(&kind) {
        return Attribution::none(kind, of, outlook);
    }
    // a label or a modifier the catalogue does not know names the line's part, whatever
    // else the sentence names (as when such figures were left out); a part named
    // elsewhere in the clause only stands in for the company
    // a subject carried from an earlier sentence yields to a part this sentence names
    // ("Its ads unit grew 11%. Tablets OEM and gadget sales grew by 2%.")
    let carried = subject.as_ref().is_some_and(|s| {
        !hits
            .iter()
            .any(|h| h.kind == TermKind::Subject && h.id == *s)
            && !s.starts_with("text-")
    });
    let subject = match (label_part, subject) {
        (_, s) if def.company_level => subject_or_company(s),
        (Some(p), _) => p,
        (None, Some(_)) if carried && modifier_part.is_some() => modifier_part.unwrap_or_default(),
        // a known part with a measure under a modifier we do not know is some other line,
        // unless the part leads that very phrase ("International games revenue")
        (None, Some(s))
            if s != "company"
                && unknown_mod
                && !modifier_start.is_some_and(|a| {
                    hits.iter().any(|h| {
                        h.kind == TermKind::Subject
                            && h.id == s
                            && h.start == a
                            && part_measure.as_ref().is_some_and(|m| h.end <= m.start)
                    })
                }) =>
        {
            return Attribution::none(kind, of, outlook)
        }
        (None, Some(s)) if s != "company" => s,
        (None, s) => modifier_part
            .or(named_part)
            .or(s)
            .unwrap_or_else(|| "company".into()),
    };
    let scope = if matches!(measure.as_str(), "market-share" | "market-size") {
        nearest(hits, TermKind::Scope, cs, ce, f.start, false)
            .or_else(|| nearest(hits, TermKind::Scope, 0, sentence.len(), f.start, false))
            .map(|h| h.id.clone())
    } else {
        // "non-GAAP gross margin" and the GAAP figure beside it are two different numbers
        part_measure
            .as_ref()
            .or(measure_hit.as_ref())
            .and_then(|m| qualifier_scope(k, sentence, cs, (m.start, m.end), &measure, f))
    };
    let basis = (kind == Kind::Growth).then(|| {
        if let Some(b) = own_basis(after) {
            b
        } else if CAGR.is_match(clause_text)
            || CAGR.is_match(sentence) && !QOQ.is_match(clause_text)
        {
            Basis::Cagr
        } else if QOQ.is_match(clause_text) {
            Basis::Qoq
        } else if VS_EST.find_iter(clause_text).any(|m| {
            // "rose 12%, a little above estimates by 2%": the beat is the later figure's
            // "came in 5% above estimates": right after the figure, it is the beat; "a 19% rise
            // in net profit to ..., topping expectations" says the whole result beat
            let after_figure = cs + m.start() >= f.end;
            let later = after_figure && clause_text[m.end()..].trim_start().starts_with("by ");
            let distant = after_figure && {
                let between = &sentence[f.end..cs + m.start()];
                between.contains(',') || between.len() > 24
            };
            !later && !distant
        }) {
            Basis::VsEstimate
        } else if coordinated || revises_outlook(k, &sentence[cs..f.start]) {
            // "lifted its annual sales forecast by 3%": against the earlier forecast
            Basis::Other
        } else {
            Basis::Yoy
        }
    });
    // the company's own revenue outlook is guidance; analysts' estimates are not
    static GUIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:expects?|expected|forecasts?|guid\w*|outlook|sees|projects?|anticipates?)(?-u:\b)",
        )
        .expect("guide")
    });
    // analysts' number for a guided measure is their estimate of the measure itself
    let estimate = is_estimate(sentence, cs, f);
    let measure = if measure == "guidance-revenue" && estimate {
        "revenue".to_string()
    } else {
        measure
    };
    let measure = if (measure == "revenue" || measure == "organic-revenue")
        && outlook
        && GUIDE.is_match(clause_text)
        && !ANALYSTS.is_match(&sentence[cs..f.start])
        && !estimate_after(&sentence[f.end..])
        && k.metrics.measures.contains_key("guidance-revenue")
    {
        "guidance-revenue".to_string()
    } else {
        measure
    };
    let basis = if kind == Kind::Level && outlook && estimate {
        Some(Basis::Estimate)
    } else {
        basis
    };
    // "across nine countries", "opened two new depots": a count of something else
    if change_or_effect(k, sentence, f, kind)
        || price_move(k, sentence, cs, f)
        || threshold(k, sentence, f)
    {
        return Attribution::none(kind, of, outlook);
    }
    if kind == Kind::Count && counts_something_else(k, &measure, sentence, f) {
        return Attribution::none(kind, of, outlook);
    }
    let plan = k
        .metrics
        .measures
        .get(&measure)
        .is_some_and(|m| m.class == crate::period::PeriodClass::Plan);
    Attribution {
        metric: Some(MetricId {
            subject,
            measure,
            scope,
        }),
        kind,
        basis,
        of: if kind == Kind::Share { of } else { None },
        // a plan is forward-looking by nature: not an outlook apart from the plan itself
        outlook: !plan && (outlook || basis == Some(Basis::Cagr)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualifier_word_names_no_part() {
        let k = Knowledge::embedded();
        assert_eq!(text_subject(&k, "Non-GAAP"), None);
        assert_eq!(text_subject(&k, "Adjusted"), None);
        assert_eq!(
            text_subject(&k, "Pet Foods").as_deref(),
            Some("text-pet-food")
        );
    }

    #[test]
    fn basis_written_after_the_figure() {
        assert_eq!(own_basis(" YoY and 43% QoQ"), Some(Basis::Yoy));
        assert_eq!(own_basis(" QoQ, above estimates"), Some(Basis::Qoq));
        assert_eq!(own_basis(" sequentially to $3.1 billion"), Some(Basis::Qoq));
        assert_eq!(own_basis(" from a year earlier"), Some(Basis::Yoy));
        // against an earlier outlook: no period comparison
        assert_eq!(
            own_basis(" increase over its previous annual guidance"),
            Some(Basis::Other)
        );
        assert_eq!(own_basis(" above the prior-year level"), None);
        // the basis of a later clause is not this figure's
        assert_eq!(
            own_basis(" to $3.1 billion, and 9% from a year earlier"),
            None
        );
        assert_eq!(own_basis(" from $2.8 billion in Q2"), None);
        // text with characters of several bytes at the window's edge
        assert_eq!(own_basis(" to the group\u{2019}s \u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}"), None);
    }
    use crate::extract::numbers::scan;

    fn attr(s: &str) -> Vec<String> {
        let k = Knowledge::embedded();
        let lex = Lexicon::new(&k);
        scan(s, false)
            .iter()
            .map(|f| {
                let idx = SentenceIndex::new(&lex, s, &[]);
                let a = attribute(&lex, &k, s, &idx, f, None, None);
                format!(
                    "{} {}{}{}",
                    a.metric.map(|m| m.to_string()).unwrap_or("-".into()),
                    a.kind.name(),
                    a.basis
                        .map(|b| format!(" {}", b.name()))
                        .unwrap_or_default(),
                    a.of.map(|o| format!(" of {o}")).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn composes_subject_and_measure() {
        assert_eq!(
            attr("Cloud revenue jumped 41% to $9.1 billion."),
            vec!["cloud.revenue growth yoy", "cloud.revenue level"]
        );
        assert_eq!(
            attr("Net income fell 12% from a year earlier."),
            vec!["company.net-income growth yoy"]
        );
        assert_eq!(
            attr("The gaming unit's operating margin narrowed to 11.5%."),
            vec!["gaming.operating-margin margin"]
        );
        assert_eq!(
            attr("Advertising sales rose 3% quarter over quarter."),
            vec!["advertising.revenue growth qoq"]
        );
    }

    #[test]
    fn shares_and_market_shares() {
        assert_eq!(
            attr("with AI products contributing 15% of external revenue"),
            vec!["ai-products.revenue share of external-cloud"]
        );
        assert_eq!(
            attr("It holds a 28% share of the worldwide cloud market."),
            vec!["cloud.market-share:global share"]
        );
    }

    #[test]
    fn no_metric_without_support() {
        assert_eq!(
            attr("The stock slid 0.5% on average over five days."),
            vec!["- growth"]
        );
        assert_eq!(
            attr("It trains 50,000 engineers annually."),
            vec!["- count"]
        );
    }
}
