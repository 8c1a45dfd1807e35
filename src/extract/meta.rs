//! What the text says about itself: title, publication date, entity, and
//! fiscal calendars taught by sentences like "the third quarter of fiscal
//! 2026, ended October 26, 2025".

use crate::period::{parse::month_number, Month};
use jiff::civil::Date;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static BYLINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|published\s*(?:on\s*)?:?\s*|updated\s*:?\s*|posted\s*(?:on\s*)?:?\s*|date\s*:\s*|^\s*)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?-u:\b)|(?i)(?:published|updated|posted|date)\s*(?:on\s*)?:?\s*(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})|(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("byline date")
});

fn date(y: &str, m: u8, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m as i8, d.parse().ok()?).ok()
}

/// A publication date from a byline in the first lines ("Tuesday, Mar 4, 2025 10:02 am ET",
/// "Published August 29, 2025", "2025-11-26"); lines repeated on the page are teasers, not bylines.
pub fn published_from_lines(lines: &[String]) -> Option<Date> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in lines {
        *counts.entry(l.trim()).or_default() += 1;
    }
    for l in lines.iter().filter(|l| !l.trim().is_empty()).take(15) {
        if counts.get(l.trim()).copied().unwrap_or(0) > 1 || l.split_whitespace().count() > 20 {
            continue;
        }
        if let Some(d) = parse_date_text(l) {
            return Some(d);
        }
    }
    None
}

/// Any date written in a short text.
pub fn parse_date_text(s: &str) -> Option<Date> {
    let c = BYLINE_DATE.captures(s)?;
    if let (Some(m), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
        return date(y.as_str(), month_number(m.as_str())?, d.as_str());
    }
    if let (Some(d), Some(m), Some(y)) = (c.get(4), c.get(5), c.get(6)) {
        return date(y.as_str(), month_number(m.as_str())?, d.as_str());
    }
    if let (Some(y), Some(m), Some(d)) = (c.get(7), c.get(8), c.get(9)) {
        return date(y.as_str(), m.as_str().parse().ok()?, d.as_str());
    }
    None
}

/// The entity an article is about: the known company named most often, else
/// the capitalized name repeated most often.
pub fn infer_entity(text: &str, lex: &super::metric::Lexicon) -> Option<String> {
    let known = lex.entity_counts(text);
    let best_any = known
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.clone());
    let known_best = known
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    let cap = capitalized_name(text);
    match (known_best, cap) {
        (Some((kname, kn)), Some((cname, cn))) => Some(if cn > kn * 2 { cname } else { kname }),
        (Some((kname, _)), None) => Some(kname),
        (None, Some((cname, _))) => Some(cname),
        (None, None) => best_any,
    }
}

static CAP_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([A-Z][a-zA-Z&\-]+(?:[ \t]+[A-Z][a-zA-Z&\-]+){1,3})(?:'s|\u{2019}s)?(?-u:\b)",
    )
    .expect("cap name")
});

/// The most repeated multi-word capitalized name that looks like a company.
fn capitalized_name(text: &str) -> Option<(String, usize)> {
    const STOP: [&str; 24] = [
        "The",
        "In",
        "For",
        "And",
        "But",
        "While",
        "Its",
        "This",
        "That",
        "Chief",
        "Executive",
        "Officer",
        "Financial",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "United",
        "States",
        "Reuters",
        "Source",
    ];
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for c in CAP_NAME.captures_iter(text) {
        let name = c[1].trim().to_string();
        let first = name.split_whitespace().next().unwrap_or("");
        if STOP.contains(&first) || name.split_whitespace().any(|w| STOP[9..].contains(&w)) {
            continue;
        }
        *tally.entry(name).or_default() += 1;
    }
    // "Lindqvist Optics" in the body also names the company in the headline's
    // "Lindqvist Optics Reports Second": a longer capitalised run starting with a
    // name counts for it
    let credited: Vec<(String, usize)> = tally
        .iter()
        .map(|(name, n)| {
            let prefix = format!("{name} ");
            let longer: usize = tally
                .range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .map(|(_, m)| *m)
                .sum();
            (name.clone(), n + longer)
        })
        .collect();
    tally.extend(credited);
    let repeated = tally
        .iter()
        .filter(|(_, n)| **n >= 2)
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(k, v)| (k.clone(), *v));
    // a short item may name its company once: the first name near the top
    repeated.or_else(|| {
        let head: String = text.chars().take(400).collect();
        CAP_NAME
            .captures_iter(&head)
            .map(|c| c[1].trim().to_string())
            .find(|n| tally.contains_key(n))
            .map(|n| (n, 1))
    })
}

/// A fiscal calendar learned from a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearnedCalendar {
    pub fy_end: u8,
    pub named_by_start: bool,
    pub line: usize,
    pub sentence: String,
}

static FISCAL_TIE: LazyLock<Regex> = LazyLock::new(|| {
    let ord = r"(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])";
    let m = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{ord}(?:[\s-]+fiscal)?[\s-]+quarter\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|fy\s?)'?(\d{{2,4}})|(?:fiscal\s+(?:year\s+)?|fy\s?)'?(\d{{2,4}})\s+{ord}[\s-]+quarter|{ord}\s+(?:fiscal\s+)?(?:fy\s?)'?(\d{{2,4}}))[^.;]{{0,40}}?(?-u:\b)(?:ended|ending|which\s+ended|that\s+ended|closed)\s+(?:on\s+)?{m}\s+(\d{{1,2}}),?\s+(\d{{4}})"
    ))
    .expect("fiscal tie")
});

fn ordinal_q(s: &str) -> Option<i32> {
    Some(match s.to_ascii_lowercase().as_str() {
        "first" | "1st" | "q1" => 1,
        "second" | "2nd" | "q2" => 2,
        "third" | "3rd" | "q3" => 3,
        "fourth" | "4th" | "q4" => 4,
        _ => return None,
    })
}

static FISCAL_YEAR_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)fiscal\s+year\s+(?:that\s+|which\s+)?(?:ended|ends|ending|closed|closes|runs\s+to|to)\s+(?:on\s+|in\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2}))?").expect("fiscal year end")
});

static FISCAL_QUARTER_ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)fiscal\s+(first|second|third|fourth)\s+quarter,?\s+(?:which\s+|that\s+)?(?:ended|ending|closed)\s+(?:on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})|(?-u:\b)(first|second|third|fourth)\s+fiscal\s+quarter,?\s+(?:which\s+|that\s+)?(?:ended|ending|closed)\s+(?:on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})").expect("fiscal quarter ended")
});

static HALF_ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:six\s+months|half[\s-]year|(?:first|second)\s+half)\s+(?:ended|ending|to)\s+(?:on\s+)?(?:(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?)\s*((?:19|20)\d{2})?").expect("half ended")
});
static HALF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)h([12])\s*fy\s*'?(\d{2}|\d{4})(?-u:\b)|(?-u:\b)(first|second)\s+half\s+of\s+(?:fiscal|fy)\s*(?:year\s+)?'?(\d{2}|\d{4})(?-u:\b)").expect("half label")
});

/// "the six months ended 30 September 2025 ("H1 FY26")": a half's end month and its
/// fiscal label fix the year end (H1 ends six months before it, H2 at it).
fn learn_from_half(sentence: &str) -> Option<(u8, bool)> {
    let e = HALF_ENDED.captures(sentence)?;
    let l = HALF_LABEL.captures(sentence)?;
    let (day, month) = match (e.get(1), e.get(2)) {
        (Some(d), Some(m)) => (d.as_str(), m.as_str()),
        _ => (e.get(4)?.as_str(), e.get(3)?.as_str()),
    };
    let (h, fy) = match (l.get(1), l.get(2)) {
        (Some(h), Some(y)) => (h.as_str().parse::<i32>().ok()?, y.as_str()),
        _ => (
            if l.get(3)?.as_str().eq_ignore_ascii_case("first") {
                1
            } else {
                2
            },
            l.get(4)?.as_str(),
        ),
    };
    let fy = fiscal_year(fy)?;
    let year: i32 = match e.get(5) {
        Some(y) => y.as_str().parse().ok()?,
        None => fy - if h == 1 { 1 } else { 0 },
    };
    let end = period_end(year, month_number(month)?, Some(day));
    calendar_of(end.plus(if h == 1 { 6 } else { 0 }), fy)
}

/// "26", "2026", "FY'26": the fiscal year a label names.
fn fiscal_year(digits: &str) -> Option<i32> {
    match digits.len() {
        2 => Some(2000 + digits.parse::<i32>().ok()?),
        _ => digits.parse().ok(),
    }
}

/// The month a period ending on `day` of `month` belongs to: a period "ending" in a month's
/// first week belongs to the month before (52/53-week years).
fn period_end(year: i32, month: u8, day: Option<&str>) -> Month {
    let end = Month::new(year, month);
    if day
        .and_then(|d| d.parse::<u8>().ok())
        .is_some_and(|d| d <= 7)
    {
        end.plus(-1)
    } else {
        end
    }
}

/// The calendar a fiscal year `fy` ending in `fy_end` implies: its end month, and whether
/// the year is named by the calendar year it starts in; none when they are too far apart.
fn calendar_of(fy_end: Month, fy: i32) -> Option<(u8, bool)> {
    if fy_end.year() != fy && fy_end.year() != fy + 1 {
        return None;
    }
    Some((fy_end.month(), fy_end.year() != fy))
}

/// Learns a fiscal calendar from "fiscal Q3 2026 ... ended October 26, 2025"
/// or "a fiscal year that ended on Sept. 30".
pub fn learn_calendar(sentence: &str) -> Option<(u8, bool)> {
    // every pattern below names the fiscal year: most sentences do not
    let lower = sentence.to_ascii_lowercase();
    if !lower.contains("fiscal") && !lower.contains("fy") {
        return None;
    }
    if let Some(c) = FISCAL_YEAR_END.captures(sentence) {
        let end = period_end(2000, month_number(&c[1])?, c.get(2).map(|d| d.as_str()));
        return Some((end.month(), false));
    }
    if let Some(c) = FISCAL_QUARTER_ENDED.captures(sentence) {
        let (q, m, d) = match (c.get(1), c.get(2), c.get(3)) {
            (Some(q), Some(m), Some(d)) => (q, m, d),
            _ => (c.get(4)?, c.get(5)?, c.get(6)?),
        };
        let q = ordinal_q(q.as_str())?;
        let end = period_end(2000, month_number(m.as_str())?, Some(d.as_str()));
        return Some((end.plus(3 * (4 - q)).month(), false));
    }
    if let Some(l) = learn_from_half(sentence) {
        return Some(l);
    }
    let c = FISCAL_TIE.captures(sentence)?;
    let (q, fy) = if let (Some(q), Some(y)) = (c.get(1), c.get(2)) {
        (q.as_str(), y.as_str())
    } else if let (Some(y), Some(q)) = (c.get(3), c.get(4)) {
        (q.as_str(), y.as_str())
    } else {
        (c.get(5)?.as_str(), c.get(6)?.as_str())
    };
    let q = ordinal_q(q)?;
    let fy = fiscal_year(fy)?;
    let month = month_number(c.get(7)?.as_str())?;
    let day = c.get(8)?.as_str();
    day.parse::<u8>().ok()?; // a day too large to be one is no date
    let year: i32 = c.get(9)?.as_str().parse().ok()?;
    calendar_of(period_end(year, month, Some(day)).plus(3 * (4 - q)), fy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let l = |s: &str| vec![s.to_string()];
        assert_eq!(
            published_from_lines(&l("Tuesday, Mar 4, 2025 10:02 am ET 2min read"))
                .unwrap()
                .to_string(),
            "2025-03-04"
        );
        assert_eq!(
            published_from_lines(&l("Published August 29, 2025"))
                .unwrap()
                .to_string(),
            "2025-08-29"
        );
        let teasers = vec!["Jan.2 2025".to_string(), "Jan.2 2025".to_string()];
        assert!(published_from_lines(&teasers).is_none());
    }

    #[test]
    fn learns_fiscal_calendars() {
        // a fiscal year ending in January: Q3 FY2026 ended late October 2025
        assert_eq!(
            learn_calendar("for the third quarter of fiscal 2026, ended October 26, 2025"),
            Some((1, false))
        );
        // June year end: Q1 FY2026 ended September 30, 2025
        assert_eq!(
            learn_calendar("its fiscal 2026 first quarter, which ended Sept. 30, 2025"),
            Some((6, false))
        );
        // September year end: Q4 FY2025 ended September 27, 2025
        assert_eq!(
            learn_calendar("the fourth quarter of fiscal year 2025 ended September 27, 2025"),
            Some((9, false))
        );
        assert_eq!(
            learn_calendar("the last quarter of a fiscal year that ended on Sept. 30"),
            Some((9, false))
        );
        assert_eq!(
            learn_calendar("for its fiscal first quarter, ended September 30, 2025,"),
            Some((6, false))
        );
        assert_eq!(learn_calendar("revenue rose 5% in the quarter"), None);
        // a March year end from a half: H1 FY27 is the six months to 30 September 2026
        assert_eq!(
            learn_calendar(
                "interim results for the six months ended 30 September 2026 (\"H1 FY27\")"
            ),
            Some((3, false))
        );
        assert_eq!(
            learn_calendar("the first half of fiscal 2027, the six months to September 30, 2026"),
            Some((3, false))
        );
        // a half that is no fiscal half says nothing
        assert_eq!(
            learn_calendar("in the six months to September 30 revenue rose"),
            None
        );
    }

    #[test]
    fn entity_from_text() {
        let k = crate::knowledge::Knowledge::embedded();
        let lex = crate::extract::metric::Lexicon::new(&k);
        let t = "Pellucid Robotics said sales rose. Pellucid Robotics expects more. Analysts like Pellucid Robotics.";
        assert_eq!(infer_entity(t, &lex).as_deref(), Some("Pellucid Robotics"));
        // a headline runs the name into its verb; the body names it once
        let t = "Marrowfield Instruments Posts Third Quarter Results\n\nMarrowfield Instruments said on Friday that orders rose.";
        assert_eq!(
            infer_entity(t, &lex).as_deref(),
            Some("Marrowfield Instruments")
        );
    }
}
