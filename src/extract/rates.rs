//! Exchange rates the texts state: "($1 = 0.9385 euros)", "at an exchange rate of
//! 1,380 won per dollar", and bracketed convenience translations ("NT$12.30
//! (US$0.41)", "RMB 5.2 billion (US$730 million)"), whose rate is the ratio of the
//! two amounts. The vocabulary (currency symbols and words, scale words, "=",
//! "exchange rate of", "per") is `claims/knowledge/rates.yaml`.

use crate::knowledge::fx::{RateForm, TextRate};
use regex::{Captures, Regex};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

const RATES: &str = include_str!("../../claims/knowledge/rates.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    version: u32,
    currencies: BTreeMap<String, CurrencyWords>,
    scales: Scales,
    equals: Vec<String>,
    rate_phrases: Vec<String>,
    per: Vec<String>,
    translation_hedges: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyWords {
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scales {
    thousand: Vec<String>,
    million: Vec<String>,
    billion: Vec<String>,
    trillion: Vec<String>,
}

/// The compiled vocabulary.
struct Vocab {
    /// lower-case symbol or word -> ISO code
    currency: BTreeMap<String, String>,
    /// lower-case scale word -> power of ten
    scale: BTreeMap<String, i32>,
    /// cheap tests, each for one pattern: a sentence with no "=" (or word like it) states
    /// no rate written out, one with no rate phrase no rate per unit, and one with no
    /// bracket opening on an amount no translation
    has_equals: Regex,
    has_phrase: Regex,
    has_bracket: Regex,
    stated: Later,
    per: Later,
    translation: Later,
}

/// A large pattern compiled when a sentence first needs it (some 3 to 7 ms each): a
/// corpus that never writes out a rate never pays for its pattern.
struct Later {
    pattern: String,
    re: OnceLock<Regex>,
}

impl Later {
    fn get(&self) -> &Regex {
        self.re
            .get_or_init(|| Regex::new(&self.pattern).expect("rates vocabulary"))
    }
}

const SP: &str = r"(?u:[ \u{00a0}\u{2009}\u{202f}])";
const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";

/// An alternation of literal words, longest first, whole words where they start or end
/// with a letter or digit.
fn alternation<'a>(words: impl IntoIterator<Item = &'a String>) -> String {
    let mut ws: Vec<&String> = words.into_iter().collect();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws.dedup();
    let alts: Vec<String> = ws
        .iter()
        .map(|w| {
            let esc = regex::escape(w).replace(' ', &format!("{SP}+"));
            let lead = if w.starts_with(|c: char| c.is_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            };
            let trail = if w.ends_with(|c: char| c.is_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            };
            format!("{lead}{esc}{trail}")
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

impl Vocab {
    fn parse(text: &str) -> Vocab {
        let f: File = serde_yaml::from_str(text).expect("claims/knowledge/rates.yaml is valid");
        let mut currency = BTreeMap::new();
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for (code, w) in &f.currencies {
            for s in w.before.iter().chain(&w.after) {
                currency.insert(s.to_lowercase(), code.clone());
            }
            before.extend(w.before.iter().cloned());
            after.extend(w.after.iter().cloned());
        }
        let mut scale = BTreeMap::new();
        for (list, p) in [
            (&f.scales.thousand, 3),
            (&f.scales.million, 6),
            (&f.scales.billion, 9),
            (&f.scales.trillion, 12),
        ] {
            for w in list {
                scale.insert(w.to_lowercase(), p);
            }
        }
        let scales: Vec<String> = scale.keys().cloned().collect();
        let (before, after, scales) = (
            alternation(&before),
            alternation(&after),
            alternation(&scales),
        );
        let amount = |n: u8| {
            format!(
                r"(?:(?P<b{n}>{before}){SP}?)?(?P<n{n}>{NUM})(?:{SP}?(?P<s{n}>{scales}))?(?:{SP}?(?P<a{n}>{after}))?"
            )
        };
        let hedge = alternation(&f.translation_hedges);
        let (a1, a2) = (amount(1), amount(2));
        let equals = alternation(&f.equals);
        let phrases = alternation(&f.rate_phrases);
        let per = alternation(&f.per);
        let compile = |s: String| Regex::new(&format!("(?i-u){s}")).expect("rates vocabulary");
        let later = |s: String| Later {
            pattern: format!("(?i-u){s}"),
            re: OnceLock::new(),
        };
        Vocab {
            currency,
            scale,
            has_equals: compile(equals.clone()),
            has_phrase: compile(phrases.clone()),
            has_bracket: compile(format!(r"\({SP}*(?:{hedge}{SP}*)?(?:{before}|[0-9])")),
            stated: later(format!(r"{a1}{SP}*{equals}{SP}*{a2}")),
            per: later(format!(
                r"{phrases}{SP}+(?:{hedge}{SP}+)?{a1}{SP}+{per}{SP}+(?:(?P<ub>{before})1|(?P<ua>{after}))"
            )),
            translation: later(format!(r"{a1}{SP}*\({SP}*(?:{hedge}{SP}*)?{a2}{SP}*\)")),
        }
    }

    fn code(&self, word: &str) -> Option<&str> {
        self.currency
            .get(
                &word
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .map(|s| s.as_str())
    }

    /// The currency and amount (scale applied) of amount `n` of a match: one currency,
    /// written before or after the number (or both, the same).
    fn amount(&self, c: &Captures, n: u8) -> Option<(String, f64)> {
        let b = c.name(&format!("b{n}")).and_then(|m| self.code(m.as_str()));
        let a = c.name(&format!("a{n}")).and_then(|m| self.code(m.as_str()));
        let cur = match (b, a) {
            (Some(x), Some(y)) if x != y => return None,
            (Some(x), _) | (None, Some(x)) => x,
            (None, None) => return None,
        };
        let num: f64 = c
            .name(&format!("n{n}"))?
            .as_str()
            .replace(',', "")
            .parse()
            .ok()?;
        let p = match c.name(&format!("s{n}")) {
            Some(s) => *self.scale.get(&s.as_str().to_lowercase())?,
            None => 0,
        };
        let v = num * 10f64.powi(p);
        (v > 0.0).then(|| (cur.to_string(), v))
    }
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::parse(RATES));

/// A rate that is no rate: the same currency on both sides, or absurd.
fn plausible(r: TextRate) -> Option<TextRate> {
    (r.from != r.to && r.value.is_finite() && (1e-6..=1e6).contains(&r.value)).then_some(r)
}

fn two_sided(c: &Captures, form: RateForm) -> Option<TextRate> {
    let v = &*VOCAB;
    let (x, y) = (v.amount(c, 1)?, v.amount(c, 2)?);
    plausible(TextRate {
        from: x.0.clone(),
        to: y.0.clone(),
        value: y.1 / x.1,
        form,
        sides: [x, y],
    })
}

/// A rate read from a sentence, and the byte range it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub rate: TextRate,
}

impl Found {
    /// Whether a figure at `start..end` is one of the amounts of a written-out rate
    /// ("$1", "0.9385 euros"): the rate itself, not a figure of any metric.
    pub fn states(&self, start: usize, end: usize) -> bool {
        self.rate.form == RateForm::Stated && start >= self.start && end <= self.end
    }
}

/// The matches of `re` in `s`, looked for only where the cheap `test` finds its words:
/// most sentences state no rate.
fn only_if<'s>(test: &Regex, re: &Later, s: &'s str) -> Vec<Captures<'s>> {
    if test.is_match(s) {
        re.get().captures_iter(s).collect()
    } else {
        Vec::new()
    }
}

/// The rates a sentence states, in text order.
pub fn learn_rates(sentence: &str) -> Vec<Found> {
    let v = &*VOCAB;
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out: Vec<Found> = Vec::new();
    let found = |c: &Captures, rate: TextRate| {
        let m = c.get(0).expect("match");
        Found {
            start: m.start(),
            end: m.end(),
            rate,
        }
    };
    for c in only_if(&v.has_equals, &v.stated, sentence) {
        if let Some(r) = two_sided(&c, RateForm::Stated) {
            out.push(found(&c, r));
        }
    }
    for c in only_if(&v.has_phrase, &v.per, sentence) {
        let unit = c
            .name("ub")
            .or(c.name("ua"))
            .and_then(|m| v.code(m.as_str()));
        if let (Some(unit), Some((cur, amount))) = (unit, v.amount(&c, 1)) {
            let r = plausible(TextRate {
                from: unit.to_string(),
                to: cur.clone(),
                value: amount,
                form: RateForm::Stated,
                sides: [(unit.to_string(), 1.0), (cur, amount)],
            });
            out.extend(r.map(|r| found(&c, r)));
        }
    }
    for c in only_if(&v.has_bracket, &v.translation, sentence) {
        let m = c.get(0).expect("match");
        // "($1 = 151.2 yen)" is a stated rate, not a translation of what comes before it
        if out.iter().any(|f| f.start > m.start() && f.start < m.end()) {
            continue;
        }
        if let Some(r) = two_sided(&c, RateForm::Translation) {
            out.push(found(&c, r));
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> TextRate {
        let rs = learn_rates(s);
        assert_eq!(rs.len(), 1, "{s}: {rs:?}");
        rs.into_iter().next().expect("one").rate
    }

    fn close(a: f64, b: f64) -> bool {
        (a / b - 1.0).abs() < 1e-9
    }

    #[test]
    fn a_dollar_equals_so_many_units() {
        let r = one("Quillfen Labs booked 48 million euros in orders ($1 = 0.9172 euros).");
        assert_eq!((r.from.as_str(), r.to.as_str()), ("USD", "EUR"));
        assert!(close(r.value, 0.9172), "{r:?}");
        assert_eq!(r.form, RateForm::Stated);
        let r = one("Sales at Morrowgate reached 2.7 trillion yen ($1 = 148.35 yen).");
        assert_eq!(r.between("USD", "JPY"), Some(148.35));
        let r =
            one("Bexley Dynamics, which reports in yuan, set aside more cash (US$1 = 7.08 yuan).");
        assert_eq!((r.from.as_str(), r.to.as_str()), ("USD", "CNY"));
        assert!(close(r.value, 7.08));
    }

    #[test]
    fn a_unit_equals_so_many_dollars() {
        let r = one("Tarnwick's revenue was 880 million euros (1 euro = $1.11) for the half.");
        assert_eq!((r.from.as_str(), r.to.as_str()), ("EUR", "USD"));
        assert!(close(r.value, 1.11));
        assert!(close(r.between("USD", "EUR").expect("inverse"), 1.0 / 1.11));
    }

    #[test]
    fn units_per_dollar_after_an_exchange_rate_phrase() {
        let r = one(
            "Figures were converted at an exchange rate of 1,352 won per dollar by Ostrava Fabs.",
        );
        assert_eq!((r.from.as_str(), r.to.as_str()), ("USD", "KRW"));
        assert!(close(r.value, 1352.0));
        let r = one("The group used a rate of 7.21 yuan to the dollar.");
        assert_eq!(r.between("USD", "CNY"), Some(7.21));
        // "per share" is no currency: no rate
        assert!(learn_rates("an exchange rate of 12 cents per share").is_empty());
        // no rate phrase, no rate: "3 euros per dollar of sales" could be anything
        assert!(learn_rates("it paid 3 euros per dollar of sales").is_empty());
    }

    #[test]
    fn bracketed_translations_give_the_ratio_of_the_amounts() {
        let r = one("Earnings per share were NT$11.40 (US$0.38) at Pallwick Semis.");
        assert_eq!((r.from.as_str(), r.to.as_str()), ("TWD", "USD"));
        assert!(close(r.value, 0.38 / 11.40));
        assert_eq!(r.form, RateForm::Translation);
        assert_eq!(r.sides[0], ("TWD".to_string(), 11.40));
        // scales apply on both sides
        let r = one("Kelvane posted revenue of RMB 6.4 billion (US$890 million) in the quarter.");
        assert!(close(r.value, 890e6 / 6.4e9), "{r:?}");
        let r = one("Operating profit at Harrowby rose to €1.4 billion ($1.52 billion).");
        assert_eq!((r.from.as_str(), r.to.as_str()), ("EUR", "USD"));
        assert!(close(r.value, 1.52 / 1.4));
        let r = one("Net profit was HK$3.3 billion (approximately US$420 million).");
        assert!(close(r.value, 420e6 / 3.3e9));
    }

    #[test]
    fn brackets_that_are_no_translation_teach_nothing() {
        // same currency, a percent, a year, a footnote: no rate
        for s in [
            "Revenue was $4.1 billion ($3.9 billion a year earlier).",
            "Revenue rose to €2.2 billion (up 8%).",
            "Profit was RMB 1.9 billion (2024: RMB 1.7 billion).",
            "Sales were $810 million (1).",
            "Nothing here costs anything.",
        ] {
            assert!(learn_rates(s).is_empty(), "{s}: {:?}", learn_rates(s));
        }
    }

    #[test]
    fn a_stated_rate_in_brackets_is_not_a_translation_of_the_amount_before_it() {
        let rs = learn_rates("Fennimore earned 96.3 billion yen ($1 = 149.90 yen) in the period.");
        assert_eq!(rs.len(), 1, "{rs:?}");
        assert_eq!(rs[0].rate.form, RateForm::Stated);
        assert_eq!(rs[0].rate.between("USD", "JPY"), Some(149.90));
        // its amounts are the rate: "$1" and "149.90 yen" are inside it, "96.3 billion yen" not
        let s = "Fennimore earned 96.3 billion yen ($1 = 149.90 yen) in the period.";
        let at = |t: &str| s.find(t).expect("in sentence");
        assert!(rs[0].states(at("$1"), at("$1") + 2));
        assert!(rs[0].states(at("149.90"), at("149.90") + 10));
        assert!(!rs[0].states(at("96.3"), at("96.3") + 16));
    }
}
