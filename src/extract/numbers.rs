//! Finding figures in text: percents, money with currency and scale, counts,
//! ranges, streaks, with qualifiers and direction, and the typography of real
//! pages (non-breaking and thin spaces, Unicode minus and dashes, decimal commas).

use crate::model::{Decimal, Qualifier, Scale, Unit, Value};
use regex::Regex;
use std::sync::LazyLock;

/// A figure found in a piece of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Byte range of the figure text.
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub unit: Unit,
    pub scale: Scale,
    pub qualifier: Qualifier,
    /// Stated as a decline ("fell 14%", "a 52% decline").
    pub negative: bool,
    /// "¥" without a word saying yen or yuan.
    pub yen_sign: bool,
    /// A streak: "the eighth consecutive quarter".
    pub streak: bool,
    /// Words like "triple-digit": a range, not a number.
    pub verbal: bool,
}

impl Found {
    /// A figure as plain as it comes: no scale, qualifier, direction or flags.
    fn plain(start: usize, end: usize, value: Value, unit: Unit) -> Found {
        Found {
            start,
            end,
            value,
            unit,
            scale: Scale::One,
            qualifier: Qualifier::None,
            negative: false,
            yen_sign: false,
            streak: false,
            verbal: false,
        }
    }
}

const SP: &str = r"[ \u{00a0}\u{2009}\u{202f}\u{2007}]";

static FIGURE: LazyLock<Regex> = LazyLock::new(|| figure_regex(true));
static SINGLE: LazyLock<Regex> = LazyLock::new(|| figure_regex(false));

fn figure_regex(ranges: bool) -> Regex {
    let num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?";
    // a code glued to the word before it in scraped text ("toUSD4,120"): upper case only
    let pre = r"US\$|HK\$|NT\$|C\$|A\$|S\$|R\$|\$|€|£|¥|₩|₹|(?-u:\b)(?:USD|HKD|RMB|CNY|EUR|GBP|JPY|KRW|INR|CHF|CAD|AUD|SGD|TWD|BRL)|(?-i:USD|HKD|RMB|CNY|EUR|GBP|JPY|KRW|INR|CHF|CAD|AUD|SGD|TWD|BRL)";
    // a footnote digit glued to a scale word ("€1.4 billion3") is not part of it
    let scale = r"(?:thousand|million|billion|trillion)[1-9]?(?-u:\b)|(?:mln|mn|bln|bn|trn|tn|Milliarden|Millionen|k|m|b|t)(?-u:\b)|(?:Mrd|Mio)(?-u:\b)\.?";
    let post = r"%|percentage[ \-]points?|per[ \-]?cent|percent|pct(?-u:\b)|ppts?(?-u:\b)|pp(?-u:\b)|pts?(?-u:\b)|basis[ \-]points?|bps(?-u:\b)|bp(?-u:\b)|points?(?-u:\b)|(?:(?:south\s+)?korean|japanese|chinese)\s+(?:won|yen|yuan)(?-u:\b)|yuan|renminbi|dollars?|euros?|yen|won|pounds?|rupees?|francs?|USD(?-u:\b)|EUR(?-u:\b)|CNY(?-u:\b)|RMB(?-u:\b)|HKD(?-u:\b)|JPY(?-u:\b)|KRW(?-u:\b)|GBP(?-u:\b)|€";
    let range = if ranges {
        format!(
            r"(?:(?P<pct1>%)?{SP}?(?:-|\u{{2013}}|\u{{2014}}|to){SP}?(?:(?P<pre2>(?i:{pre})){SP}?)?(?P<num2>{num}))?"
        )
    } else {
        String::new()
    };
    Regex::new(&format!(
        r"(?i:(?P<pre>{pre}){SP}?)?(?P<num>{num}){range}(?:{SP}?(?P<scale>(?i:{scale})))?(?:{SP}?(?P<post>(?i:{post})))?(?P<plus>\+)?"
    ))
    .expect("figure regex")
}

static STREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,2}(?:st|nd|rd|th)?)(?:[ \-]+)(?:consecutive|straight|successive|continuous)[ \-]+quarters?(?-u:\b)|(?-u:\b)(?P<n2>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ \-]+quarters?[ \-]+in[ \-]+a[ \-]+row(?-u:\b)",
    )
    .expect("streak regex")
});

static VERBAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(low|mid|high)[ \-])?(single|double|triple|quadruple)[ \-]digits?(?-u:\b)",
    )
    .expect("verbal regex")
});

/// "doubled", "4 times", "38x": multiples.
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(doubled|tripled|quadrupled)(?-u:\b)|(?-u:\b)(\d+(?:\.\d+)?)(?:[ \u{00a0}]?(?:times)(?-u:\b)|x(?-u:\b))|(?-u:\b)(two|three|four|five|six|seven|eight|nine|ten|twenty|\d+(?:\.\d+)?)[ -]?fold(?-u:\b)").expect("multiple regex")
});

/// Counts written as words: "nine new customers", "two plants".
static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozen)(?-u:\b)").expect("word count regex")
});

/// "the fourth beat in a row", "the second quarter in a row": streaks.
static ORDINAL_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))[ \-]+(?:straight[ \-]+|consecutive[ \-]+)?(?:quarter|beat|quarterly[ \-]+\w+|period)s?[ \-]+in[ \-]+a[ \-]+row(?-u:\b)").expect("ordinal row regex")
});

/// A percentage written in words: "eight percent", "twenty-five per cent".
static WORD_PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<n>one|two|three|four|five|six|seven|eight|nine))?|(?P<m>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\s+(?:percent|per\s+cent)(?-u:\b)").expect("word percent")
});

fn tens_number(w: &str) -> Option<i64> {
    let at = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ]
    .iter()
    .position(|t| t.eq_ignore_ascii_case(w))?;
    Some(20 + 10 * at as i64)
}

fn word_number(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const ORD: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as i64 + 1);
    }
    if let Some(i) = ORD.iter().position(|x| *x == w) {
        return Some(i as i64 + 1);
    }
    w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

pub(super) fn currency_of(token: &str) -> Option<&'static str> {
    let t = token.trim().trim_end_matches('.');
    Some(match t.to_ascii_uppercase().as_str() {
        "US$" | "$" | "USD" | "DOLLAR" | "DOLLARS" => "USD",
        "HK$" | "HKD" => "HKD",
        "NT$" | "TWD" => "TWD",
        "C$" | "CAD" => "CAD",
        "A$" | "AUD" => "AUD",
        "S$" | "SGD" => "SGD",
        "R$" | "BRL" => "BRL",
        "€" | "EUR" | "EURO" | "EUROS" => "EUR",
        "£" | "GBP" | "POUND" | "POUNDS" => "GBP",
        "¥" | "JPY" | "YEN" => "JPY",
        "₩" | "KRW" | "WON" => "KRW",
        "₹" | "INR" | "RUPEE" | "RUPEES" => "INR",
        "RMB" | "CNY" | "YUAN" | "RENMINBI" => "CNY",
        "CHF" | "FRANC" | "FRANCS" => "CHF",
        _ => return None,
    })
}

fn scale_of(s: &str) -> Option<Scale> {
    let t = s.trim_end_matches('.');
    Some(match t {
        "k" | "K" | "thousand" | "Thousand" => Scale::Thousand,
        "m" | "M" | "mn" | "mln" | "million" | "Million" | "Mio" | "Millionen" => Scale::Million,
        "b" | "B" | "bn" | "bln" | "billion" | "Billion" | "Mrd" | "Milliarden" => Scale::Billion,
        "t" | "T" | "tn" | "trn" | "trillion" | "Trillion" => Scale::Trillion,
        _ => {
            let l = t.to_ascii_lowercase();
            match l.as_str() {
                "thousand" => Scale::Thousand,
                "million" | "mn" | "mln" => Scale::Million,
                "billion" | "bn" | "bln" => Scale::Billion,
                "trillion" | "tn" | "trn" => Scale::Trillion,
                _ => return None,
            }
        }
    })
}

/// Parses a number as written; `european` reads "1,2" as 1.2.
fn parse_num(s: &str, european: bool) -> Option<Decimal> {
    if european {
        if let Some((a, b)) = s.split_once(',') {
            if !b.contains(',') && b.len() != 3 {
                return Decimal::parse(&format!("{a}.{b}"));
            }
        }
        // "71.000 people": a point before exactly three digits groups thousands
        if !s.contains(',')
            && s.split_once('.').is_some_and(|(a, b)| {
                (1..=3).contains(&a.len()) && b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit())
            })
        {
            return Decimal::parse(&s.replace('.', ""));
        }
        // "1.234,5" style
        if s.contains('.') && s.contains(',') {
            return Decimal::parse(&s.replace('.', "").replace(',', "."));
        }
    }
    if let Some((_, b)) = s.split_once(',') {
        // a lone comma with other than three digits after it is a decimal comma
        if !b.contains(',') && b.len() != 3 && !s.contains('.') {
            return Decimal::parse(&s.replace(',', "."));
        }
    }
    Decimal::parse(s)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}
fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Words just before `at` (lower case), up to `n` bytes back, cut at a clause boundary.
fn before(text: &str, at: usize, n: usize) -> String {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let w = &text[s..at];
    let cut = w
        .char_indices()
        .rfind(|(_, c)| matches!(c, ';' | ':' | '(' | '\u{2014}'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    w[cut..].to_lowercase()
}

/// The largest char boundary of `text` at or before `at` (clamped to its length).
pub fn floor_char(text: &str, at: usize) -> usize {
    let mut e = at.min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

fn after(text: &str, at: usize, n: usize) -> String {
    text[at..floor_char(text, at + n)].to_lowercase()
}

static QUAL: LazyLock<Vec<(Regex, Qualifier)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(&format!(r"(?:{s})\s*$")).expect("qualifier regex");
    vec![
        (
            r(
                r"(?-u:\b)more than|(?-u:\b)over|(?-u:\b)above|(?-u:\b)exceeding|(?-u:\b)exceed|(?-u:\b)in excess of|(?-u:\b)upwards of|(?-u:\b)topping|(?-u:\b)topped",
            ),
            Qualifier::Over,
        ),
        (
            r(r"(?-u:\b)at least|(?-u:\b)no less than|(?-u:\b)minimum of"),
            Qualifier::AtLeast,
        ),
        (
            r(
                r"(?-u:\b)about|(?-u:\b)around|(?-u:\b)approximately|(?-u:\b)roughly|(?-u:\b)some|(?-u:\b)nearly|(?-u:\b)almost|(?-u:\b)close to|(?-u:\b)an estimated|(?-u:\b)estimated|~|(?-u:\b)approx\.?",
            ),
            Qualifier::About,
        ),
        (
            r(r"(?-u:\b)less than|(?-u:\b)under|(?-u:\b)below|(?-u:\b)fewer than"),
            Qualifier::Under,
        ),
        (
            r(
                r"(?-u:\b)at most|(?-u:\b)up to|(?-u:\b)no more than|(?-u:\b)as much as|(?-u:\b)as many as",
            ),
            Qualifier::AtMost,
        ),
        (r(r"(?-u:\b)exactly|(?-u:\b)precisely"), Qualifier::Exactly),
    ]
});

static DECLINE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:fell|falls?|falling|declined?|declining|declines|decreased?|decreasing|dropped|drops?|dropping|down|slid|slides?|sliding|slipped|slips?|shrank|shrink|shrinks|shrunk|contracted|contracts?|plunged|plunges?|tumbled|tumbles?|sank|sinks?|lost|lower|cut|slumped|slumps?|eased|retreated|negative)(?:\s+(?:by|of|some|about|around|nearly|more\s+than|over|almost|roughly|approximately|an?|a\s+further))*\s*$").expect("decline regex")
});

static DECLINE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[a-z\-]+\s+){0,3}?(?:decline|decrease|drop|fall|contraction|slump|plunge|reduction|loss|lower|cut)(?-u:\b)|^\s*(?:year[\s-]+(?:over|on)[\s-]+year\s+)?(?:decline|decrease|drop|fall|lower)(?-u:\b)").expect("decline-after regex")
});

/// Whether the text is written with decimal commas (European style).
pub fn is_european(text: &str) -> bool {
    static EU: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\d,\d{1,2}\s*(?:Mrd|Mio|Milliarden|Millionen|%|€|Prozent)|\d{1,3}(?:\.\d{3})+,\d",
        )
        .expect("eu regex")
    });
    EU.is_match(text)
}

/// A cheap test: can `text` hold a figure at all (a digit, or a number written as a word)?
pub fn may_contain(text: &str) -> bool {
    static WORDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)digit|doubled|tripled|quadrupled|fold|consecutive|straight|in\s+a\s+row|(?-u:\b)(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozen)(?-u:\b)").expect("wordy")
    });
    text.bytes().any(|b| b.is_ascii_digit()) || WORDY.is_match(text)
}

/// Finds the figures in `text`. `european`: decimal commas.
pub fn scan(text: &str, european: bool) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // each pattern below needs a word most sentences lack: look for the word first
    let lower = text.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let streaky = has(&["consecutive", "straight", "successive", "continuous", "row"]);
    // streaks first: "eighth consecutive quarter" (their numbers are not separate figures)
    for c in STREAK.captures_iter(if streaky { text } else { "" }) {
        let m = c.get(0).expect("match");
        let n = c.name("n").or(c.name("n2")).expect("count");
        if let Some(v) = word_number(n.as_str()) {
            out.push(Found {
                streak: true,
                ..Found::plain(
                    n.start(),
                    m.end(),
                    Value::point(Decimal::new(v, 0)),
                    Unit::Streak,
                )
            });
        }
    }
    for c in VERBAL.captures_iter(if has(&["digit"]) { text } else { "" }) {
        let m = c.get(0).expect("match");
        let rest = after(text, m.end(), 40);
        // "triple-digit growth", "double-digit percent"
        if !(rest.contains("growth")
            || rest.contains("percent")
            || rest.contains('%')
            || rest.contains("increase")
            || rest.contains("gain")
            || rest.contains("rise")
            || rest.contains("revenue")
            || rest.contains("decline")
            || rest.contains("pace")
            || rest.contains("rate"))
        {
            continue;
        }
        let (lo, hi) = match c[2].to_ascii_lowercase().as_str() {
            "single" => (1, 9),
            "double" => (10, 99),
            "triple" => (100, 999),
            _ => (1000, 9999),
        };
        // "low/mid/high single-digit": the lower, middle or upper third of the range
        let (lo, hi) = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
            Some(p) => {
                let third = (hi - lo + 1) / 3;
                match p.as_str() {
                    "low" => (lo, lo + third - 1),
                    "mid" => (lo + third, lo + 2 * third - 1),
                    _ => (lo + 2 * third, hi),
                }
            }
            None => (lo, hi),
        };
        out.push(Found {
            start: m.start(),
            end: m.end(),
            value: Value {
                lo: Decimal::new(lo, 0),
                hi: Decimal::new(hi, 0),
            },
            unit: Unit::Percent,
            scale: Scale::One,
            qualifier: Qualifier::None,
            negative: rest.trim_start().starts_with("decline"),
            yen_sign: false,
            streak: false,
            verbal: true,
        });
    }
    for c in ORDINAL_ROW.captures_iter(if has(&["row"]) { text } else { "" }) {
        let m = c.get(0).expect("match");
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        if let Some(v) = word_number(&c[1]) {
            out.push(Found {
                streak: true,
                ..Found::plain(
                    m.start(),
                    m.end(),
                    Value::point(Decimal::new(v, 0)),
                    Unit::Streak,
                )
            });
        }
    }
    for c in MULTIPLE.captures_iter(
        if has(&["doubled", "tripled", "quadrupled", "times", "x", "fold"]) {
            text
        } else {
            ""
        },
    ) {
        let m = c.get(0).expect("match");
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end)
            || prev_char(text, m.start()).is_some_and(|ch| ch.is_alphanumeric() || ch == '.')
        {
            continue;
        }
        let value = match (c.get(1), c.get(2), c.get(3)) {
            (Some(w), _, _) => match w.as_str().to_ascii_lowercase().as_str() {
                "doubled" => Decimal::new(2, 0),
                "tripled" => Decimal::new(3, 0),
                _ => Decimal::new(4, 0),
            },
            (None, Some(n), _) => match Decimal::parse(n.as_str()) {
                Some(d) => d,
                None => continue,
            },
            // "a tenfold rise", "a 2.5-fold increase"
            (None, None, Some(n)) => {
                let n = n.as_str().to_ascii_lowercase();
                let words = [
                    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                ];
                match words.iter().position(|w| *w == n) {
                    Some(i) => Decimal::new(i as i64 + 2, 0),
                    None if n == "twenty" => Decimal::new(20, 0),
                    None => match Decimal::parse(&n) {
                        Some(d) => d,
                        None => continue,
                    },
                }
            }
            _ => continue,
        };
        out.push(Found {
            verbal: c.get(1).is_some() || c.get(3).is_some(),
            ..Found::plain(m.start(), m.end(), Value::point(value), Unit::Multiple)
        });
    }
    for c in WORD_COUNT.captures_iter(text) {
        let m = c.get(0).expect("match");
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        let rest = &text[m.end()..floor_char(text, m.end() + 30)];
        // "nine new customers": a common noun within two words; not "three years", "two of"
        let words: Vec<&str> = rest.split_whitespace().take(3).collect();
        let noun_ok = words.first().is_some_and(|w| countable_follows(w))
            && !words
                .iter()
                .take(2)
                .any(|w| time_unit_follows(&w.to_lowercase()));
        if !noun_ok
            || c[1].eq_ignore_ascii_case("dozen") && !before(text, m.start(), 3).ends_with("a ")
        {
            continue;
        }
        if let Some(v) = word_number(&c[1]).or((c[1].eq_ignore_ascii_case("dozen")).then_some(12)) {
            out.push(Found {
                verbal: true,
                ..Found::plain(
                    m.start(),
                    m.end(),
                    Value::point(Decimal::new(v, 0)),
                    Unit::Count,
                )
            });
        }
    }
    // "an increase of eight percent", "twenty-five per cent": a percentage in words
    for c in WORD_PERCENT.captures_iter(if has(&["percent", "per cent"]) {
        text
    } else {
        ""
    }) {
        let m = c.get(0).expect("match");
        let tens = c.name("tens").and_then(|t| tens_number(t.as_str()));
        let unit_n = c
            .name("n")
            .or(c.name("m"))
            .and_then(|n| word_number(n.as_str()));
        let v = match (tens, unit_n) {
            (Some(t), Some(u)) if u < 10 => t + u,
            (Some(t), None) => t,
            (None, Some(u)) => u,
            _ => continue,
        };
        // ("twenty" of "twenty-five per cent" is no count)
        out.retain(|o| !(o.start < m.end() && m.start() < o.end));
        out.push(Found::plain(
            m.start(),
            m.end(),
            Value::point(Decimal::new(v, 0)),
            Unit::Percent,
        ));
    }
    let mut pos = 0;
    while pos < text.len() {
        let Some(mut c) = FIGURE.captures_at(text, pos) else {
            break;
        };
        // "41% to $9.1 billion" is two figures, not a range
        if let Some(n2) = c.name("num2") {
            let n1 = c.name("num").expect("num").as_str();
            // "41% to $9.1B": a second currency or a percent then money is not a range
            let mixed = c.name("pre2").is_some() && c.name("pre").is_none()
                || c.name("pct1").is_some() && c.name("post").is_none_or(|p| p.as_str() != "%");
            let n1_end = c.name("num").expect("num").end();
            let to = text[n1_end..n2.start()].contains("to");
            let bad = mixed
                || to && change_from(text, c.get(0).expect("m").start())
                || match (parse_num(n1, european), parse_num(n2.as_str(), european)) {
                    (Some(a), Some(b)) => b.to_f64() < a.to_f64(),
                    _ => true,
                };
            if bad {
                match SINGLE.captures_at(text, c.get(0).expect("m").start()) {
                    Some(s) => c = s,
                    None => break,
                }
            }
        }
        let m = c.get(0).expect("match");
        pos = m.end().max(pos + 1);
        while !text.is_char_boundary(pos) && pos < text.len() {
            pos += 1;
        }
        let num = c.name("num").expect("num");
        if out.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        // numbers glued to letters or dots are names, tickers, versions: "Zeta3.5", "Model-4", "1234.HK", "Q3"
        let start = c.name("pre").map(|p| p.start()).unwrap_or(num.start());
        let glued_before = prev_char(text, start).is_some_and(|ch| {
            ch.is_alphanumeric()
                || ch == '.'
                || ch == '_'
                || ch == '/'
                || ch == '#'
                || ch == ':'
                // "+12% YoY" is a signed change; "C++11", "+1 555" are no figures
                || ch == '+'
                    && !(c.name("post").is_some()
                        && prev_char(text, start - 1).is_none_or(|p| p.is_whitespace() || p == '('))
                || ch == '-'
                    && prev_char(text, start - 1).is_some_and(|p| p.is_alphanumeric() || p == '+')
        });
        if glued_before && c.name("pre").is_none() {
            continue;
        }
        let mut end = m.end();
        let after_ch = next_char(text, end);
        // "14.1 trillion-won profit": a scaled amount with its currency joined by a hyphen
        let mut hyphen_currency: Option<&str> = None;
        if after_ch == Some('-') && c.name("scale").is_some() && c.name("post").is_none() {
            let word_end = text[end + 1..]
                .find(|ch: char| !ch.is_alphabetic())
                .map_or(text.len(), |i| end + 1 + i);
            let word = &text[end + 1..word_end];
            if currency_of(word).is_some() {
                hyphen_currency = Some(word);
                end = word_end;
            }
        }
        let after_ch = next_char(text, end);
        // "32-billion-parameter", "three-year": a compound modifier, not a figure
        if after_ch == Some('-') && next_char(text, end + 1).is_some_and(|ch| ch.is_alphabetic()) {
            continue;
        }
        if after_ch.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
            && c.name("post").is_none()
            && c.name("scale").is_none()
        {
            continue;
        }
        // a denominator: "per 1,000 tokens"
        if before(text, start, 5).trim_end().ends_with("per") {
            continue;
        }
        // a citation marker "[3]"
        if prev_char(text, num.start()) == Some('[') && next_char(text, num.end()) == Some(']') {
            continue;
        }
        let mut pre = c.name("pre").map(|p| p.as_str());
        let post = c.name("post").map(|p| p.as_str()).or(hyphen_currency);
        let scale_txt = c
            .name("scale")
            .map(|s| s.as_str().trim_end_matches(|ch: char| ch.is_ascii_digit()));
        if c.name("scale")
            .is_some_and(|s| s.as_str().len() > scale_txt.map_or(0, str::len))
            && post.is_none()
        {
            end -= 1;
        }
        // "EPS$1.20": a letter glued before a dollar sign is the word's, not "S$"
        let mut start = start;
        if let Some(p) = pre.filter(|p| p.len() == 2 && p.ends_with('$')) {
            if prev_char(text, start).is_some_and(|ch| ch.is_alphabetic()) {
                pre = Some(&p[1..]);
                start += 1;
            }
        }
        let mut unit = None;
        let mut yen_sign = false;
        if let Some(p) = pre {
            unit = currency_of(p).map(|c| Unit::Currency(c.to_string()));
            yen_sign = p == "¥";
        }
        let mut scale = Scale::One;
        let mut scale_ok = true;
        if let Some(s) = scale_txt {
            match scale_of(s) {
                // single letters only as a suffix of money or right after the digits: "$38B", "€4.7m"
                Some(sc) if s.len() == 1 => {
                    let glued = c.name("scale").expect("scale").start() == num.end();
                    if unit.is_some() || glued && post.is_some() {
                        scale = sc;
                    } else if glued && unit.is_none() && post.is_none() {
                        scale_ok = false;
                    } else {
                        // "5 m" in running text: not a scale
                        end = num.end().max(c.name("num2").map(|n| n.end()).unwrap_or(0));
                    }
                }
                Some(sc) => scale = sc,
                None => {}
            }
        }
        if !scale_ok {
            continue;
        }
        if let Some(p) = post {
            // "Korean won" is the won
            let p = match p.split_once(char::is_whitespace) {
                Some((adj, _))
                    if ["south", "korean", "japanese", "chinese"]
                        .contains(&adj.to_ascii_lowercase().as_str()) =>
                {
                    p.rsplit(char::is_whitespace).next().unwrap_or(p)
                }
                _ => p,
            };
            let pl = p.to_ascii_lowercase();
            let u = if pl.starts_with("percentage")
                || pl.starts_with("pp")
                || pl.starts_with("pt")
                || pl.starts_with("point")
            {
                Some(Unit::Pp)
            } else if pl == "%" || pl.starts_with("per") || pl == "pct" {
                Some(Unit::Percent)
            } else if pl.starts_with("basis") || pl.starts_with("bp") {
                Some(Unit::Bp)
            } else {
                let cur = currency_of(&pl);
                if p == "€" || pl == "yen" || pl == "yuan" || pl == "renminbi" {
                    yen_sign = false;
                }
                cur.map(|c| Unit::Currency(c.to_string()))
            };
            match (&unit, u) {
                (None, Some(u)) => unit = Some(u),
                (Some(_), Some(Unit::Currency(c))) if pre == Some("¥") => {
                    unit = Some(Unit::Currency(c));
                    yen_sign = false;
                }
                (Some(_), Some(Unit::Percent)) => {}
                _ => {}
            }
        }
        let eu = european
            || scale_txt.is_some_and(|s| {
                s.starts_with("Mrd") || s.starts_with("Mio") || s.starts_with("Mill")
            });
        let Some(lo) = parse_num(num.as_str(), eu) else {
            continue;
        };
        let hi = match c.name("num2") {
            Some(n2) => match parse_num(n2.as_str(), eu) {
                Some(h) if h.to_f64() >= lo.to_f64() => h,
                _ => continue,
            },
            None => lo,
        };
        // a bare range "2022-2025" or date pieces: need a unit to count
        let unit = match unit {
            Some(u) => u,
            None => {
                // plain numbers: counts with a scale word, or followed by a countable noun
                let rest = {
                    let mut e = (end + 30).min(text.len());
                    while !text.is_char_boundary(e) {
                        e -= 1;
                    }
                    &text[end..e]
                };
                let year_like =
                    scale == Scale::One && lo.exponent == 0 && (1900..=2100).contains(&lo.mantissa);
                if year_like || c.name("num2").is_some() && scale == Scale::One {
                    continue;
                }
                if scale == Scale::One && !countable_follows(rest) {
                    continue;
                }
                if scale != Scale::One
                    && !countable_follows(rest)
                    && !rest.trim_start().is_empty()
                    && time_unit_follows(rest)
                {
                    continue;
                }
                Unit::Count
            }
        };
        if c.name("num2").is_some() && lo == hi {
            continue;
        }
        let plus = c.name("plus").is_some();
        let b = before(text, start, 40);
        let mut qualifier = QUAL
            .iter()
            .find(|(r, _)| r.is_match(&b))
            .map(|(_, q)| *q)
            .unwrap_or(Qualifier::None);
        if plus {
            qualifier = Qualifier::Over;
        }
        let a = after(text, end, 40);
        let negative = matches!(unit, Unit::Percent | Unit::Pp | Unit::Bp)
            && (DECLINE_BEFORE.is_match(&b) || DECLINE_AFTER.is_match(&a))
            && !b.trim_end().ends_with(" to")
            && !b.trim_end().ends_with(" at");
        // a written minus: "a margin of -2%", "-$5 million" (not a range's dash: "5-7%", "2024-25")
        let minus = text[..start]
            .chars()
            .next_back()
            .filter(|&ch| ch == '-' || ch == '\u{2212}')
            .filter(|ch| {
                text[..start - ch.len_utf8()]
                    .chars()
                    .next_back()
                    .is_none_or(|p| p.is_whitespace() || p == '(')
            });
        // the sign is the value's ("fell -2%" is no double negative); `negative` stays
        // "stated as a decline"
        let (value, negative) = match minus {
            Some(_) => (
                Value {
                    lo: hi.negate(),
                    hi: lo.negate(),
                },
                false,
            ),
            None => (Value { lo, hi }, negative),
        };
        let start = start - minus.map_or(0, char::len_utf8);
        out.push(Found {
            start,
            end,
            value,
            unit,
            scale,
            qualifier,
            negative,
            yen_sign,
            streak: false,
            verbal: false,
        });
    }
    out.sort_by_key(|f| (f.start, f.end));
    merge_ranges(text, out)
}

/// "from $1.2 billion to $1.5 billion", "from the earlier forecast of 90 to 95": the
/// figure at `start` is where a change starts and the one after "to" where it ends: two
/// figures, not a range. ("by $40 million to $310 million" is left a range: the second
/// figure is often the level of something other than the verb's object.)
fn change_from(text: &str, start: usize) -> bool {
    let head = before(text, start, 60);
    let words: Vec<String> = head
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| w.to_ascii_lowercase())
        .take_while(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    match words.first().map(String::as_str) {
        Some("from") => true,
        // "from the previous forecast of": "from" opens the phrase "of" closes (but
        // "from its prior range of $5.8 billion to $6 billion" names a range)
        Some("of") => {
            let phrase: Vec<&String> = words[1..]
                .iter()
                .take_while(|w| w.as_str() != "from")
                .collect();
            phrase.len() < words.len() - 1
                && !phrase
                    .iter()
                    .any(|w| w.starts_with("range") || *w == "between")
        }
        _ => false,
    }
}

/// "$1.22 billion to $1.26 billion", "between 5% and 7%": one figure, a range.
fn merge_ranges(text: &str, figs: Vec<Found>) -> Vec<Found> {
    static JOIN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:-|\u{2013}|\u{2014}|to|and)\s*$").expect("join"));
    let mut out: Vec<Found> = Vec::with_capacity(figs.len());
    for f in figs {
        if let Some(prev) = out.last_mut() {
            let between = &text[prev.end.min(f.start)..f.start];
            let between_ok = JOIN.is_match(between)
                && (!between.contains("and")
                    || before(text, prev.start, 12).trim_end().ends_with("between"))
                && !(between.contains("to") && change_from(text, prev.start));
            let same = prev.unit == f.unit
                && (prev.scale == f.scale || prev.scale == Scale::One)
                && !prev.streak
                && !f.streak
                && !prev.verbal
                && !f.verbal;
            if between_ok
                && same
                && prev.value.is_point()
                && f.value.is_point()
                && prev.value.lo.to_f64() < f.value.lo.to_f64()
            {
                prev.value = Value {
                    lo: prev.value.lo,
                    hi: f.value.lo,
                };
                prev.scale = f.scale;
                prev.end = f.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

fn time_unit_follows(rest: &str) -> bool {
    let w = rest.trim_start();
    [
        "year", "month", "week", "day", "hour", "minute", "second", "quarter", "am", "pm", "min",
    ]
    .iter()
    .any(|t| w.starts_with(t))
}

/// A plain number counts when a noun follows that is not a unit of time or a date part.
fn countable_follows(rest: &str) -> bool {
    let w = rest.trim_start();
    if w.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let lower = w.to_lowercase();
    let w = lower.as_str();
    let first: String = w
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    // a count is followed by a common noun, not a name ("Speaker 2 Newsletter")
    if first.is_empty() || first.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if time_unit_follows(w) {
        return false;
    }
    const NOT: [&str; 28] = [
        "and", "or", "to", "in", "of", "the", "a", "an", "at", "on", "by", "for", "from", "with",
        "is", "was", "were", "are", "as", "that", "which", "percent", "per", "times", "x", "st",
        "nd", "th",
    ];
    if NOT.contains(&first.as_str()) {
        return false;
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    !MONTHS
        .iter()
        .any(|m| first.starts_with(m) && first.len() <= 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, String, String, bool)> {
        scan(s, is_european(s))
            .into_iter()
            .map(|f| {
                let v = if f.negative {
                    format!("-{}", f.value)
                } else {
                    f.value.to_string()
                };
                (
                    s[f.start..f.end].to_string(),
                    v,
                    format!("{} {}", f.unit, f.scale.name()),
                    f.qualifier != Qualifier::None,
                )
            })
            .collect()
    }

    fn one(s: &str) -> (String, String, String) {
        let f = figs(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        (f[0].0.clone(), f[0].1.clone(), f[0].2.clone())
    }

    #[test]
    fn money_with_currency_and_scale() {
        assert_eq!(
            one("sales reached RMB12.7 billion in the period"),
            (
                "RMB12.7 billion".into(),
                "12.7".into(),
                "CNY billion".into()
            )
        );
        assert_eq!(one("it booked 48.2 billion yuan of orders").1, "48.2");
        assert_eq!(one("a $2.35 billion charge").2, "USD billion");
        assert_eq!(one("revenue of US$21,406 million").0, "US$21,406 million");
        assert_eq!(one("a HK$3.1bn placement").2, "HKD billion");
        assert_eq!(one("capex of €1.6bn this year").2, "EUR billion");
        assert_eq!(one("a ¥640 billion budget").2, "JPY billion");
        assert_eq!(one("RMB 210B of spending").2, "CNY billion");
        assert_eq!(one("$27B plan").2, "USD billion");
        assert_eq!(one("profit of KRW 5.2 trillion").2, "KRW trillion");
        assert_eq!(one("profit of 5.2 trillion won").2, "KRW trillion");
        assert_eq!(one("sales of 86.1 trillion Korean won").2, "KRW trillion");
        assert_eq!(one("sales of 3.1 trillion Japanese yen").2, "JPY trillion");
        assert_eq!(one("a 700 million euro plant").2, "EUR million");
    }

    #[test]
    fn percentages_in_words() {
        assert_eq!(
            one("profit rose by nine percent on the year"),
            ("nine percent".into(), "9".into(), "percent one".into())
        );
        assert_eq!(one("sales slid forty-two per cent").1, "42");
        assert_eq!(one("a thirty percent stake").1, "30");
        // a number word with no percent after it is no percentage
        assert!(figs("nine analysts raised their views")
            .iter()
            .all(|f| !f.2.starts_with("percent")));
    }

    #[test]
    fn european_decimal_commas() {
        let f = one("Der Umsatz stieg auf 2,4 Mrd. € im Quartal");
        assert_eq!(f.1, "2.4");
        assert_eq!(
            parse_num("71.000", true).map(|d| d.to_string()),
            Some("71000".into())
        );
        assert_eq!(
            parse_num("71.000", false).map(|d| d.to_string()),
            Some("71.000".into())
        );
        assert_eq!(
            parse_num("3.5", true).map(|d| d.to_string()),
            Some("3.5".into())
        );
        assert_eq!(f.2, "EUR billion");
    }

    #[test]
    fn percents_points_and_direction() {
        assert_eq!(one("sales rose 17% in the quarter").1, "17");
        assert_eq!(one("orders fell 9.5 per cent").1, "-9.5");
        assert_eq!(one("a 61% drop in profit").1, "-61");
        assert_eq!(one("margin dipped to 7.0% from last year").1, "7.0");
        assert_eq!(one("the margin widened 150 basis points").2, "bp one");
        assert_eq!(one("share rose 2.5 percentage points").2, "pp one");
        assert_eq!(one("shares were down 4%").1, "-4");
    }

    #[test]
    fn qualifiers_ranges_words() {
        let f = figs("more than 40% of sales");
        assert!(f[0].3);
        assert_eq!(one("guidance of 6%\u{2013}8% growth").1, "6..8");
        assert_eq!(one("growth of 3 to 5 percent").1, "3..5");
        assert_eq!(one("margins of 25%+ at rivals").0, "25%+");
        assert_eq!(
            one("posted triple-digit growth across robotics sales").1,
            "100..999"
        );
        assert_eq!(
            one("it was the seventh consecutive quarter of gains").1,
            "7"
        );
        assert_eq!(one("gains for 11 straight quarters").1, "11");
    }

    #[test]
    fn words_multiples_and_rows() {
        assert_eq!(one("it signed seven new distributors").1, "7");
        assert!(figs("over the next three years").is_empty());
        assert_eq!(one("profit tripled in the period").2, "multiple one");
        assert_eq!(one("profit rose more than tenfold").1, "10");
        assert_eq!(one("a 2.5-fold increase in orders").1, "2.5");
        assert_eq!(one("trading at 25 times earnings").1, "25");
        assert_eq!(one("grew at a mid-single-digit pace").1, "4..6");
        assert_eq!(one("its third beat in a row").2, "streak one");
    }

    #[test]
    fn a_written_minus_makes_a_figure_negative() {
        assert_eq!(one("an operating margin of -4% in the quarter").0, "-4%");
        assert_eq!(one("an operating margin of -4% in the quarter").1, "-4");
        assert_eq!(one("a net loss, or \u{2212}$7 million").1, "-7");
        // a range's dash is no minus
        assert_eq!(one("margins of 5%-7% next year").1, "5..7");
        assert_eq!(figs("a margin of 12% (was -1%)")[1].1, "-1");
    }

    #[test]
    fn money_ranges_merge() {
        assert_eq!(
            one("expects sales of $2.10 billion to $2.20 billion").1,
            "2.10..2.20"
        );
        assert_eq!(one("growth of between 4% and 6% next year").1, "4..6");
        assert_eq!(figs("rose 9% to $3.2 billion").len(), 2);
    }

    #[test]
    fn a_change_from_one_figure_to_another_is_no_range() {
        for t in [
            "lifted its outlook from the earlier forecast of $4.2 billion to $4.6 billion",
            "raised the payout from $1.10 to $1.25 a share",
        ] {
            assert_eq!(figs(t).len(), 2, "{t}");
        }
        assert_eq!(
            one("guided to revenue of $2.10 billion to $2.20 billion").1,
            "2.10..2.20"
        );
        assert_eq!(
            one("up from its earlier range of $2.10 billion to $2.20 billion").1,
            "2.10..2.20"
        );
    }

    #[test]
    fn counts_need_a_noun_or_scale() {
        assert_eq!(
            one("it signed up 1.5 million subscribers").2,
            "count million"
        );
        assert_eq!(one("it has 3,200 employees").1, "3200");
        assert!(figs("between 2019 and 2024 the firm grew").is_empty());
        assert!(figs("Friday, Oct 3, 2025 7:15 am ET 4min read").is_empty());
        assert!(figs("a 70-billion-parameter model").is_empty());
        assert!(figs("Zeta3.5 beats Model-4 on ticker 1234.HK").is_empty());
        assert!(figs("as noted [4] and [12]").is_empty());
        assert!(figs("Q3 FY26 and 2Q25 and H1").is_empty());
    }

    #[test]
    fn a_signed_percentage_is_a_figure() {
        let t = "Sales: +12% YoY, gross profit: +19% YoY";
        let f = scan(t, false);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(&t[f[0].start..f[0].end], "12%");
        // a plus glued to a word or with no unit is no sign of a figure
        assert!(figs("written in C++11 and +1 555 0100").is_empty());
    }

    #[test]
    fn a_currency_joined_to_its_scale_by_a_hyphen() {
        let t = "its best since it posted a 9.6 trillion-won operating profit";
        let f = scan(t, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&t[f[0].start..f[0].end], "9.6 trillion-won");
        assert_eq!(
            (f[0].unit.clone(), f[0].scale),
            (Unit::Currency("KRW".into()), Scale::Trillion)
        );
        // a compound modifier that names no currency stays no figure
        assert!(figs("a 70-billion-parameter model").is_empty());
    }

    #[test]
    fn odd_spaces_and_minus() {
        assert_eq!(one("up 12\u{00a0}% on the year").1, "12");
        assert_eq!(
            one("costs of \u{20ac}\u{202f}3.5\u{00a0}billion").2,
            "EUR billion"
        );
    }

    #[test]
    fn glued_figures_and_footnote_digits() {
        let t = "Sales rose toEUR2,315 million while profit wasEUR287 million.";
        let f = scan(t, false);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(&t[f[0].start..f[0].end], "EUR2,315 million");
        assert_eq!(f[1].unit, Unit::Currency("EUR".into()));
        let t = "Orders reached €1.8 billion4 in the quarter.";
        let f = scan(t, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (&t[f[0].start..f[0].end], f[0].scale),
            ("€1.8 billion", Scale::Billion)
        );
        let t = "Adjusted EPS$2.05 beat estimates";
        let f = scan(t, false);
        assert_eq!(f[0].unit, Unit::Currency("USD".into()));
        assert_eq!(&t[f[0].start..f[0].end], "$2.05");
    }
}
