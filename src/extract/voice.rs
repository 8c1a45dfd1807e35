//! Who speaks for an article's figures: the company ("Acme reported", "the chip
//! maker said", "released by Acme", "Acme's quarterly results", "according to a
//! release"), and who compiled an estimate ("analysts polled by Fieldwire", "the
//! Fieldwire consensus"). A fact-checker counts a company's results as attributed
//! when the article gives them as what the company reported; an analysts'
//! estimate only when the article names who compiled it.
//!
//! The vocabulary is `voice` in `claims/knowledge/metrics.yaml`.

use crate::knowledge::metrics::Voice;

/// A word or a punctuation mark of a sentence, with its byte range.
#[derive(Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
    word: bool,
}

impl Tok<'_> {
    fn is(&self, w: &str) -> bool {
        self.word && self.lower == w
    }
    fn capitalised(&self) -> bool {
        self.word && self.text.starts_with(|c: char| c.is_uppercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '&')
}

/// Words (letters, digits, inner hyphens, apostrophes and full stops) and single
/// punctuation marks. A possessive "'s" is a token of its own.
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                text: &s[i..i + c.len_utf8()],
                lower: c.to_string(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let inner = matches!(d, '\'' | '\u{2019}' | '.')
                && s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric());
            if is_word_char(d) || inner {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let text = &s[i..end];
        // "Acme's" is "Acme" and "'s"
        let poss = ["'s", "\u{2019}s"]
            .iter()
            .find(|p| text.len() > p.len() && text.ends_with(*p));
        match poss {
            Some(p) => {
                let cut = end - p.len();
                out.push(Tok {
                    start: i,
                    end: cut,
                    text: &s[i..cut],
                    lower: s[i..cut].to_lowercase(),
                    word: true,
                });
                out.push(Tok {
                    start: cut,
                    end,
                    text: &s[cut..end],
                    lower: "'s".into(),
                    word: false,
                });
            }
            None => out.push(Tok {
                start: i,
                end,
                text,
                lower: text.to_lowercase(),
                word: true,
            }),
        }
    }
    out
}

/// A sentence cut into words once, for every reading below.
pub struct Words<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            toks: tokens(text),
        }
    }
}

fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// Token ranges naming the company: one of its names, or "the (modifiers) <speaker noun>".
fn subjects(toks: &[Tok], sentence: &str, names: &[String], v: &Voice) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.len() >= 2) {
        let mut from = 0;
        while let Some(p) = sentence[from..].find(n.as_str()) {
            let (s, e) = (from + p, from + p + n.len());
            from = e;
            let first = toks.iter().position(|t| t.start == s);
            let last = toks.iter().position(|t| t.end == e);
            if let (Some(a), Some(b)) = (first, last) {
                out.push((a, b + 1));
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if !t.is("the") {
            continue;
        }
        // "the company", "the chip maker", "the videogame and social-media company"
        // (a capitalised modifier names a unit: "the Retail Group")
        for (j, w) in toks.iter().enumerate().take(i + 6).skip(i + 1) {
            if !w.word {
                break;
            }
            if has(&v.speakers, &w.lower) && (j == i + 1 || !w.capitalised()) {
                out.push((i, j + 1));
                break;
            }
            if w.capitalised() {
                break;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// After a subject ending at `j`: past the rest of a name ("Holdings", "Inc."), a
/// ticker or code in brackets ("(ACME)", "<1234>"), a relative clause (", which
/// makes chips,") and words like "on Tuesday".
fn skip_to_verb(toks: &[Tok], mut j: usize, v: &Voice, name_words: &[String]) -> usize {
    let mut guard = 0;
    while j < toks.len() && guard < 12 {
        guard += 1;
        let t = &toks[j];
        if t.word && t.capitalised() && has(name_words, &t.lower) {
            j += 1;
            // "Inc." ends with its full stop
            if toks.get(j).is_some_and(|x| x.text == ".") {
                j += 1;
            }
        } else if matches!(t.text, "(" | "[" | "<") {
            let close = match t.text {
                "(" => ")",
                "[" => "]",
                _ => ">",
            };
            match toks[j + 1..(j + 10).min(toks.len())]
                .iter()
                .position(|x| x.text == close)
            {
                Some(k) => j += k + 2,
                None => return j,
            }
        } else if t.text == ","
            && toks
                .get(j + 1)
                .is_some_and(|x| x.is("which") || x.is("who"))
        {
            match toks[j + 2..(j + 30).min(toks.len())]
                .iter()
                .position(|x| x.text == ",")
            {
                Some(k) => j += k + 3,
                None => return j,
            }
        } else if t.word && has(&v.between, &t.lower) {
            j += 1;
        } else {
            return j;
        }
    }
    j
}

/// Whether tokens from `j` name a document of the company within a few words
/// ("a release", "its third-quarter results").
fn document_at(toks: &[Tok], j: usize, v: &Voice) -> Option<usize> {
    toks[j.min(toks.len())..(j + 4).min(toks.len())]
        .iter()
        .take_while(|t| t.word)
        .position(|t| has(&v.documents, &t.lower))
        .map(|k| j + k)
}

/// Byte range of a phrase that frames an article's figures as the company's
/// results: one of [`speaks`] that publishes them ("Acme reported", "released by
/// Acme", "Acme's results", "according to a release"), or any statement of the
/// company in a sentence that states a figure ("Acme said its sales rose 4%"), but
/// not "Acme said it would hire".
pub fn frames(
    w: &Words,
    names: &[String],
    v: &Voice,
    name_words: &[String],
) -> Option<(usize, usize)> {
    let sentence = w.text;
    let (a, b) = speaks(w, names, v, name_words)?;
    let phrase = sentence[a..b].to_lowercase();
    let last = phrase
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    let states = v.reports.iter().any(|r| r == last)
        || !v.verbs.iter().any(|r| r == last)
        || sentence.chars().any(|c| c.is_ascii_digit());
    states.then_some((a, b))
}

/// Byte range of a phrase by which the sentence gives its figures as the
/// company's: "Acme reported", "the group said", "released by Acme", "Acme's
/// results", "according to the company's filing".
pub fn speaks(
    w: &Words,
    names: &[String],
    v: &Voice,
    name_words: &[String],
) -> Option<(usize, usize)> {
    let (sentence, toks) = (w.text, &w.toks);
    let subs = subjects(toks, sentence, names, v);
    let starts_subject = |j: usize| subs.iter().find(|&&(a, _)| a == j).copied();
    for &(a, b) in &subs {
        let j = skip_to_verb(toks, b, v, name_words);
        let Some(t) = toks.get(j) else { continue };
        if t.word && has(&v.verbs, &t.lower) {
            return Some((toks[a].start, t.end));
        }
        // "Acme's quarterly results", "the Acme 2026Q1 report"
        let after = if t.lower == "'s" { j + 1 } else { j };
        if let Some(k) = document_at(toks, after, v) {
            return Some((toks[a].start, toks[k].end));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        // "released by Acme"
        if t.word && has(&v.by_verbs, &t.lower) && toks.get(i + 1).is_some_and(|x| x.is("by")) {
            if let Some((_, b)) = starts_subject(i + 2) {
                return Some((t.start, toks[b - 1].end));
            }
        }
        // "according to Acme", "according to a release"
        if t.is("according") && toks.get(i + 1).is_some_and(|x| x.is("to")) {
            if let Some((_, b)) = starts_subject(i + 2) {
                return Some((t.start, toks[b - 1].end));
            }
            if let Some(k) = document_at(toks, i + 2, v) {
                return Some((t.start, toks[k].end));
            }
        }
    }
    None
}

/// Byte range of a phrase by which anybody named speaks in the sentence: the
/// company (see [`speaks`]), or another name stating figures ("Fieldwire
/// noted", "Rivalco on Monday raised its forecast").
pub fn named_speaker(
    w: &Words,
    names: &[String],
    v: &Voice,
    name_words: &[String],
) -> Option<(usize, usize)> {
    speaks(w, names, v, name_words).or_else(|| others_speaking(w, v, name_words))
}

/// Byte range of a phrase by which a name other than the company speaks
/// ("Fieldwire noted", "Rivalco raised its forecast").
pub fn others_speaking(w: &Words, v: &Voice, name_words: &[String]) -> Option<(usize, usize)> {
    let toks = &w.toks;
    for i in 0..toks.len() {
        if !toks[i].capitalised() || (i > 0 && toks[i - 1].capitalised()) {
            continue;
        }
        let Some((a, b)) = name_at(toks, i, v) else {
            continue;
        };
        let j = skip_to_verb(toks, b, v, name_words);
        let Some(t) = toks.get(j) else { continue };
        if t.word && has(&v.verbs, &t.lower) {
            return Some((toks[a].start, t.end));
        }
        // "Rivalco raised its forecast"
        if t.word
            && has(&v.revisions, &t.lower)
            && toks
                .get(j + 1)
                .is_some_and(|x| x.is("its") || x.is("their"))
        {
            let end = toks[j + 2..(j + 6).min(toks.len())]
                .iter()
                .take_while(|x| x.word)
                .find(|x| has(&v.outlooks, &x.lower));
            if let Some(e) = end {
                return Some((toks[a].start, e.end));
            }
        }
    }
    None
}

/// A run of capitalised words from `i` (at most four) that names somebody, not
/// "Wall Street" or "Analysts": its token range.
fn name_at(toks: &[Tok], i: usize, v: &Voice) -> Option<(usize, usize)> {
    let mut j = i;
    while j < toks.len() && j < i + 4 && toks[j].capitalised() {
        j += 1;
    }
    if j == i {
        return None;
    }
    let joined = toks[i..j]
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let generic = has(&v.not_providers, &joined)
        || toks[i..j].iter().all(|t| has(&v.not_providers, &t.lower));
    (!generic).then_some((i, j))
}

/// Byte range of a phrase naming who compiled an estimate: "polled by
/// Fieldwire", "a survey by Fieldwire Data", "the Fieldwire consensus",
/// "Fieldwire's estimate", "according to Fieldwire".
pub fn provider(w: &Words, v: &Voice) -> Option<(usize, usize)> {
    let toks = &w.toks;
    for (i, t) in toks.iter().enumerate() {
        if t.word && has(&v.compiled, &t.lower) {
            // "polled by X", "survey by X", "consensus from X"
            let k = i + 1;
            if toks
                .get(k)
                .is_some_and(|x| x.is("by") || x.is("from") || x.is("of"))
            {
                if let Some((_, b)) = name_at(toks, k + 1, v) {
                    return Some((t.start, toks[b - 1].end));
                }
            }
        }
        if t.is("according") && toks.get(i + 1).is_some_and(|x| x.is("to")) {
            if let Some((_, b)) = name_at(toks, i + 2, v) {
                return Some((t.start, toks[b - 1].end));
            }
        }
        // "the Fieldwire consensus", "Fieldwire's $2.1 billion consensus"
        if t.capitalised() && (i == 0 || !toks[i - 1].capitalised()) {
            if let Some((a, b)) = name_at(toks, i, v) {
                if i == 0 && b == a + 1 {
                    // a sentence's first word is capitalised anyway
                    continue;
                }
                // "Fieldwire SmartEstimate": the estimate's own name ends the provider's
                if b >= a + 2 && has(&v.estimates, &toks[b - 1].lower) {
                    return Some((toks[a].start, toks[b - 1].end));
                }
                let rest = &toks[b..(b + 5).min(toks.len())];
                let mut n = 0;
                for r in rest {
                    if r.word && has(&v.estimates, &r.lower) {
                        return Some((toks[a].start, r.end));
                    }
                    // past "'s", "$", a figure and its scale word
                    let skippable = r.lower == "'s"
                        || !r.word
                        || r.text.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(r.lower.as_str(), "million" | "billion" | "trillion");
                    n += 1;
                    if !skippable || n > 4 {
                        break;
                    }
                }
            }
        }
    }
    None
}

/// Whether an attribution phrase names somebody ("according to Fieldwire"),
/// not just "analysts" or "Wall Street".
pub fn names_someone(phrase: &str, v: &Voice) -> bool {
    let toks = tokens(phrase);
    (0..toks.len()).any(|i| {
        toks[i].capitalised()
            && (i == 0 || !toks[i - 1].capitalised())
            && name_at(&toks, i, v).is_some()
    })
}

/// Whether a lead line sets the results below against estimates ("Here is how Acme
/// did compared with the Fieldwire consensus:", "Results versus analysts'
/// expectations:"): then in "Revenue: $4.1 billion vs. $4.0 billion" the second
/// figure is the estimate.
pub fn against_estimates(text: &str, v: &Voice) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let compares = words.windows(2).any(|w| {
        matches!(w, ["compared", "with" | "to"]) || matches!(w[0], "versus" | "vs" | "against")
    });
    compares && words.iter().any(|w| v.estimates.iter().any(|e| e == w))
}

/// Whether a sentence gives the company's figures as a first estimate of results it
/// reports in full later ("Acme on Tuesday estimated its quarterly profit", "the
/// company's preliminary results"): one of `preliminary`, in a sentence naming the
/// company.
pub fn preliminary(sentence: &str, names: &[String], v: &Voice) -> bool {
    let lower = sentence.to_lowercase();
    if !v.preliminary.iter().any(|p| lower.contains(p.as_str())) {
        return false;
    }
    names
        .iter()
        .any(|n| n.len() >= 2 && sentence.contains(n.as_str()))
        || v.speakers
            .iter()
            .any(|s| lower.contains(&format!("the {s}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice() -> Voice {
        crate::knowledge::Knowledge::embedded().metrics.voice
    }
    fn nw() -> Vec<String> {
        crate::knowledge::Knowledge::embedded()
            .metrics
            .parts
            .name_words
    }
    fn says(s: &str) -> Option<&str> {
        let names = vec!["Brantwell Foods".to_string(), "Brantwell".to_string()];
        speaks(&Words::new(s), &names, &voice(), &nw()).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn the_company_stating_its_figures() {
        assert_eq!(
            says("Brantwell reported a 7% rise in sales on Thursday."),
            Some("Brantwell reported")
        );
        assert_eq!(
            says("Brantwell Foods Inc. (BRWF) on Thursday posted sales of $2.2 billion."),
            Some("Brantwell Foods Inc. (BRWF) on Thursday posted")
        );
        assert_eq!(
            says("The frozen-meals maker said margins widened to 11%."),
            Some("The frozen-meals maker said")
        );
        assert_eq!(
            says("Brantwell, which owns four bakeries, delivered a record quarter."),
            Some("Brantwell, which owns four bakeries, delivered")
        );
        assert_eq!(
            says("Sales of 2.2 billion were released by Brantwell on Friday."),
            Some("released by Brantwell")
        );
        assert_eq!(
            says("Brantwell's second-quarter results showed sales up 7%."),
            Some("Brantwell's second-quarter results")
        );
        assert_eq!(
            says("Sales rose 7%, according to a statement."),
            Some("according to a statement")
        );
    }

    #[test]
    fn what_frames_an_article() {
        let names = vec!["Brantwell".to_string()];
        let (v, w) = (voice(), nw());
        let f = |s: &'static str| frames(&Words::new(s), &names, &v, &w).map(|(a, b)| &s[a..b]);
        assert_eq!(
            f("Brantwell reported results on Tuesday."),
            Some("Brantwell reported")
        );
        assert_eq!(f("Brantwell said sales rose 7%."), Some("Brantwell said"));
        assert_eq!(
            f("Brantwell's quarterly results beat forecasts."),
            Some("Brantwell's quarterly results")
        );
        // the company speaking of something else states no results
        assert_eq!(f("Brantwell said it would hire more bakers."), None);
    }

    #[test]
    fn no_company_voice() {
        // the company is not the one speaking
        assert_eq!(
            says("Brantwell shares fell 3% after analysts said sales slowed."),
            None
        );
        assert_eq!(says("Sales rose 7% to $2.2 billion."), None);
        assert_eq!(says("Investors cheered the company's new logo."), None);
        // a segment of the company is not the company
        assert_eq!(
            says("Its frozen unit reported sales of $1.1 billion."),
            None
        );
        assert_eq!(
            says("The Frozen Meals Group reported sales of $1.1 billion."),
            None
        );
        // the subject has been cut off
        assert_eq!(says("reported a 7% rise in sales."), None);
    }

    #[test]
    fn others_speaking() {
        let names = vec!["Brantwell".to_string()];
        let v = voice();
        let w = nw();
        let p =
            |s: &'static str| named_speaker(&Words::new(s), &names, &v, &w).map(|(a, b)| &s[a..b]);
        assert_eq!(
            p("Margins reached 12.5%, Quillmark Data noted."),
            Some("Quillmark Data noted")
        );
        assert_eq!(
            p("Rivalco last week raised its annual sales forecast to 14 million units."),
            Some("Rivalco last week raised its annual sales forecast")
        );
        assert_eq!(
            p("Rivalco raised prices by 4% and its annual sales forecast."),
            None,
            "what was raised is not its outlook"
        );
        assert_eq!(p("Sales rose 7% in the quarter."), None);
        assert_eq!(p("Wall Street expects 7% growth."), None);
        assert_eq!(
            says("Here is a summary of the Brantwell 2026Q2 report:"),
            Some("Brantwell 2026Q2 report")
        );
    }

    #[test]
    fn estimate_providers() {
        let v = voice();
        let p = |s: &'static str| provider(&Words::new(s), &v).map(|(a, b)| &s[a..b]);
        assert_eq!(
            p("above the $2.1 billion expected by analysts polled by Quillmark Data."),
            Some("polled by Quillmark Data")
        );
        assert_eq!(
            p("ahead of the Quillmark consensus of $2.1 billion."),
            Some("Quillmark consensus")
        );
        assert_eq!(
            p("That beat Quillmark's $2.1 billion estimate."),
            Some("Quillmark's $2.1 billion estimate")
        );
        assert_eq!(
            p("It topped a survey by Ostrava Research of 14 analysts."),
            Some("survey by Ostrava Research")
        );
        // nobody named
        assert_eq!(p("above the Wall Street estimate of $2.1 billion."), None);
        assert_eq!(p("ahead of the consensus estimate of $2.1 billion."), None);
        assert_eq!(p("Analysts expected $2.1 billion."), None);
        assert!(names_someone("according to Quillmark", &v));
        assert!(!names_someone("analysts said", &v));
    }
}
