//! Finding period expressions in text ("Q3 2025", "the June quarter", "a year earlier").

use crate::period::{parse_label, Expr};
use regex::Regex;
use std::sync::LazyLock;

/// A period expression found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub expr: Expr,
}

impl Mention {
    /// Relative labels need an anchor ("prior quarter").
    pub fn is_relative(&self) -> bool {
        matches!(self.expr, Expr::Prior { .. })
    }
    /// A bare year ("in 2025") qualifies other labels more than it labels a figure.
    pub fn is_bare_year(&self) -> bool {
        // "full-year 2025" names the year as the period; "2025" alone may only qualify another
        self.text.len() == 4
            && matches!(
                self.expr,
                Expr::Year {
                    cal: crate::period::Cal::Unspecified,
                    ..
                }
            )
    }
    pub fn has_year(&self) -> bool {
        self.expr.year().is_some()
    }
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let fy = r"(?:fiscal(?:\s+year)?\s+|fy\s?'?)";
    let year = r"(?:(?:fiscal(?:\s+year)?\s+|fy\s?'?)?(?:19|20)\d{2}|fy\s?'?\d{2})";
    let ord = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
    let pats = [
        // through fiscal 2028 / by 2027
        format!(r"(?-u:\b)(?:through|until|by)\s+{year}(?-u:\b)"),
        // the June quarter, quarter ended June 30, 2025, April-June quarter
        format!(r"(?-u:\b)(?:(?:fiscal\s+)?(?:first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|three\s+months|period),?\s+(?:that\s+|which\s+)?end(?:ed|ing)\s+(?:on\s+)?{MONTH}(?:\s+\d{{1,2}}(?-u:\b))?(?:,?\s+\d{{4}}(?-u:\b))?"),
        // the fiscal year ending March 31, 2026
        format!(r"(?-u:\b)(?:fiscal\s+)?year,?\s+(?:that\s+|which\s+)?end(?:ed|ing)\s+(?:on\s+)?{MONTH}(?:\s+\d{{1,2}}(?-u:\b))?(?:,?\s+\d{{4}}(?-u:\b))?"),
        // fiscal Q2 2026, Q3 FY26, Q3'25, 3Q25, Q3 2025, Q3
        format!(r"(?-u:\b)(?:{fy})?q[1-4](?:\s*(?:of\s+)?(?:{year}|'\d{{2}}))?(?-u:\b)"),
        r"(?-u:\b)[1-4]q\s*'?\d{2}(?-u:\b)".to_string(),
        // third quarter of fiscal 2026, the fiscal third quarter, second-quarter
        format!(r"(?-u:\b)(?:fiscal\s+)?{ord}(?:[\s-]+fiscal)?[\s-]+quarter(?:\s+(?:of\s+)?(?:its\s+|the\s+)?{year}|\s+of\s+(?:last|the\s+previous|the\s+prior|the\s+preceding)\s+year)?(?-u:\b)"),
        // the 2025-26 fiscal year, fiscal 2025/26, FY2025-26
        r"(?-u:\b)(?:(?:fiscal(?:\s+year)?|fy)\s*(?:19|20)\d{2}\s*[-/]\s*\d{2}|(?:19|20)\d{2}\s*[-/]\s*\d{2}\s+fiscal(?:\s+year)?)(?-u:\b)".to_string(),
        format!(r"(?-u:\b)(?:{year})\s+{ord}[\s-]+quarter(?-u:\b)"),
        // halves
        format!(r"(?-u:\b)(?:{fy})?(?:h[12]|[12]h)(?:\s*(?:of\s+)?(?:{year}|'\d{{2}}))?(?-u:\b)"),
        format!(r"(?-u:\b){ord}[\s-]+half(?:\s+(?:of\s+)?{year})?(?-u:\b)"),
        format!(r"(?-u:\b){MONTH}\s*(?:-|\u{{2013}}|to)\s*{MONTH}\s+(?:quarter|period)(?:\s+(?:of\s+)?\d{{4}})?"),
        // a bare span of months ("from July to September", "(April to September)"),
        // kept only where it is set off as a period (see `find`)
        format!(r"(?-u:\b){MONTH}\s*(?:-|\u{{2013}}|to|through)\s*{MONTH}(?:,?\s+(?:19|20)\d{{2}})?(?-u:\b)"),
        format!(r"(?-u:\b){MONTH}(?:\s+\d{{4}})?\s+quarter(?-u:\b)(?:\s+(?:of\s+)?\d{{4}})?"),
        // relative
        r"(?-u:\b)(?:most\s+recent|latest|last|recent|just[\s-]ended|latest\s+reported)\s+(?:reported\s+)?(?:fiscal\s+)?quarter(?-u:\b)".to_string(),
        // "after a quarter in which sales rose 62%": the quarter just reported
        r"(?-u:\b)(?:a|the)\s+quarter\s+in\s+which(?-u:\b)".to_string(),
        r"(?-u:\b)(?:past|last|trailing|previous|prior)\s+(?:four|4)\s+quarters(?-u:\b)|(?-u:\b)(?:past|last|trailing)\s+(?:twelve|12)\s+months(?-u:\b)|(?-u:\b)ttm(?-u:\b)|(?-u:\b)four\s+quarters(?-u:\b)".to_string(),
        r"(?-u:\b)(?:prior|previous|preceding|sequential|earlier)\s+quarter(?-u:\b)|(?-u:\b)quarter\s+(?:before|earlier|ago)(?-u:\b)|(?-u:\b)(?:three|3)\s+months\s+(?:earlier|ago|before)(?-u:\b)".to_string(),
        r"(?-u:\b)(?:a\s+)?year[\s-]+(?:earlier|ago|before|prior)(?:\s+(?:quarter|period))?(?-u:\b)|(?-u:\b)year-ago(?:\s+(?:quarter|period))?(?-u:\b)|(?-u:\b)prior[\s-]year(?:\s+(?:quarter|period))?(?-u:\b)|(?-u:\b)(?:previous|preceding)\s+(?:fiscal\s+)?year(?-u:\b)|(?-u:\b)same\s+(?:period|quarter)\s+(?:last|a)\s+year(?-u:\b)".to_string(),
        // horizons
        r"(?-u:\b)(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-year(?-u:\b)(?:\s+(?:plan|period|program|programme))?|(?-u:\b)(?:next|over|within)\s+(?:the\s+next\s+)?(?:two|three|four|five|ten|\d{1,2})\s+years(?-u:\b)".to_string(),
        // dividends: interim (first half), year-end (second half), annual (full year)
        r"(?-u:\b)(?:interim|year[\s-]end|final|annual)\s+(?:dividend|payout)s?(?-u:\b)".to_string(),
        // the full fiscal year, full-year, annual
        r"(?-u:\b)(?:full[\s-]+(?:fiscal[\s-]+)?year|whole[\s-]+year|year\s+as\s+a\s+whole)(?-u:\b)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d{2})?".to_string(),
        // the year so far, this year, the past year
        r"(?-u:\b)(?:since\s+(?:the\s+(?:beginning|start)\s+of\s+the\s+year|january)|so\s+far\s+this\s+year|year[\s-]+to[\s-]+date|ytd)(?-u:\b)".to_string(),
        r"(?-u:\b)(?:this|the\s+current)\s+year(?-u:\b)|(?-u:\b)past\s+year(?-u:\b)".to_string(),
        // a stock's date: "at 30 September", "as of June 30", "at the end of September"
        format!(r"(?-u:\b)(?:(?:at|as\s+of|as\s+at)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})(?:,?\s+(?:19|20)\d{{2}})?|(?:at\s+)?(?:the\s+)?end\s+of\s+{MONTH})(?-u:\b)"),
        // years: fiscal 2028, FY26, full-year 2025, in 2025
        format!(r"(?-u:\b)(?:full[\s-]year\s+|calendar\s+(?:year\s+)?)?{year}(?-u:\b)"),
        format!(r"(?-u:\b){MONTH}\s+(?:19|20)\d{{2}}(?-u:\b)"),
    ];
    Regex::new(&format!("(?i){}", pats.join("|"))).expect("period mention regex")
});

/// Whether a label is a span of months ("July to September"): after "from" it is
/// the span itself, not a comparison's base.
pub fn is_month_span(label: &str) -> bool {
    BARE_SPAN.is_match(label.trim())
}

/// A span of months with nothing after it that says it is a period.
static BARE_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{MONTH}\s*(?:-|\u{{2013}}|to|through)\s*{MONTH}(?:,?\s+(?:19|20)\d{{2}})?$"
    ))
    .expect("bare month span")
});

static DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)on\s+|day,?\s+)(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}),?\s+$"
    ))
    .expect("date before a year")
});

static IN_A_ROW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:in\s+a\s+row|running)(?-u:\b)").expect("in a row"));

/// A cheap test: can `text` name a period without a digit ("third quarter", "first half")?
pub fn may_contain(text: &str) -> bool {
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)quarter|half|year|fiscal|months|ttm").expect("period cue")
    });
    text.bytes().any(|b| b.is_ascii_digit()) || CUE.is_match(text)
}

/// A period label that opens `text` and names its year ("Jan - Jun, 2024 4,120 ...",
/// "FY2025 ..."): a table row's label. A span of months needs no cue here: the row
/// position sets it off. Relative labels ("prior quarter") are none.
pub fn label_at_start(text: &str) -> Option<Mention> {
    let m = PERIOD.find(text).filter(|m| m.start() == 0)?;
    let expr = parse_label(m.as_str());
    if matches!(expr, Expr::Unknown | Expr::None | Expr::Prior { .. }) || expr.year().is_none() {
        return None;
    }
    Some(Mention {
        start: 0,
        end: m.end(),
        text: m.as_str().trim().to_string(),
        expr,
    })
}

/// Finds period expressions, longest first, non-overlapping, in text order.
pub fn find(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for m in PERIOD.find_iter(text) {
        let t = m.as_str();
        let expr = parse_label(t);
        if matches!(expr, Expr::Unknown | Expr::None) {
            continue;
        }
        // a year glued to other digits or inside a figure ("$2025") is not a period
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '$' || c == '.' || c == ',') {
            continue;
        }
        // "On Tuesday, September 30, 2025, Acme reported": the year of the day a thing was
        // said is no period ("ended October 26, 2025" keeps its year)
        if m.as_str().len() == 4 && DATE_BEFORE.is_match(&text[..m.start()]) {
            continue;
        }
        // a bare span of months names a period only when set off as one: "from July to
        // September", "(April to September)", "for April-September"
        if BARE_SPAN.is_match(t) {
            let word = text[..m.start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let bracketed = text[..m.start()].ends_with('(');
            if !bracketed && !matches!(word.as_str(), "from" | "for" | "in" | "during" | "covering")
            {
                continue;
            }
        }
        // "for the second quarter in a row" counts quarters; it names none
        if IN_A_ROW.is_match(&text[m.end()..]) {
            continue;
        }
        // "QQ1 FY2026", "Q5 2025": a token like a quarter's or a half's name that is none
        // makes the label unreadable; the year alone is not the period it names
        let prev = text[..m.start()]
            .strip_suffix(' ')
            .and_then(|h| h.rsplit(char::is_whitespace).next());
        let broken = prev.filter(|w| crate::period::parse::is_broken_code(w));
        if let (Some(w), Expr::Year { .. }) = (broken, &expr) {
            out.push(Mention {
                start: m.start() - w.len() - 1,
                end: m.end(),
                text: format!("{w} {}", t.trim()),
                expr: Expr::Unknown,
            });
            continue;
        }
        // "QQ1 FY2026": a code typed with its letter twice, then the year: the code's period
        let twice = prev.filter(|w| crate::period::parse::typed_twice(w).is_some());
        if let (Some(w), Expr::Year { .. }) = (twice, &expr) {
            let text = format!("{w} {}", t.trim());
            out.push(Mention {
                start: m.start() - w.len() - 1,
                end: m.end(),
                expr: parse_label(&text),
                text,
            });
            continue;
        }
        out.push(Mention {
            start: m.start(),
            end: m.end(),
            text: t.trim().to_string(),
            expr,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        find(s).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn a_broken_quarter_code_makes_its_year_unreadable() {
        let m = find("Norrvik's Q7 FY2026 results showed revenue of $4 billion.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "Q7 FY2026");
        assert_eq!(m[0].expr, Expr::Unknown);
        // a code letter typed twice is the code
        let m = find("Norrvik's QQ3 FY2026 results showed revenue of $4 billion.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "QQ3 FY2026");
        assert_eq!(m[0].expr, parse_label("Q3 FY2026"));
        assert!(crate::period::parse::is_broken_code("QH1"));
        assert!(crate::period::parse::is_broken_code("QQ5"));
        // a real code, or a word with no code shape, leaves the label as it is
        assert_eq!(texts("in Q3 FY2026"), vec!["Q3 FY2026"]);
        assert_ne!(find("the A320 2025 deliveries")[0].expr, Expr::Unknown);
        assert!(crate::period::parse::is_broken_code("Q5"));
        assert!(!crate::period::parse::is_broken_code("hh1"));
        assert!(!crate::period::parse::is_broken_code("Q4"));
        assert!(!crate::period::parse::is_broken_code("H2"));
        assert!(!crate::period::parse::is_broken_code("A3"));
        assert_eq!(
            crate::period::parse_label("QQ1 FY2026"),
            crate::period::parse_label("Q1 FY2026")
        );
        assert_eq!(crate::period::parse_label("QQ6 FY2026"), Expr::Unknown);
    }

    #[test]
    fn a_span_of_months_is_a_period_only_when_set_off_as_one() {
        assert_eq!(
            texts("Profit from August to October fell; sales (May to October) rose."),
            vec!["August to October", "May to October"]
        );
        assert_eq!(
            find("(May to October)")[0].expr,
            Expr::HalfEnding {
                month: 10,
                year: None
            }
        );
        assert_eq!(
            find("from August to October")[0].expr,
            Expr::QuarterEnding {
                month: 10,
                year: None
            }
        );
        // a span with nothing setting it off, or one of other length, names no period here
        assert!(texts("Rates went May to October higher.").is_empty());
        assert!(find("from May to June")
            .iter()
            .all(|m| m.expr == Expr::Unknown || m.text != "May to June"));
        assert!(is_month_span("August to October"));
        assert!(!is_month_span("the August quarter"));
    }

    #[test]
    fn finds_labels() {
        assert_eq!(
            texts("Sales in Q3 2025 rose, and in Q2 FY26 fell."),
            vec!["Q3 2025", "Q2 FY26"]
        );
        assert_eq!(
            texts("for the third quarter of fiscal 2026, ended October 26, 2025"),
            vec!["third quarter of fiscal 2026", "2025"]
        );
        assert_eq!(texts("in the June quarter"), vec!["June quarter"]);
        assert_eq!(
            texts("for the quarter ended June 30, 2025"),
            vec!["quarter ended June 30, 2025"]
        );
        assert_eq!(
            texts("during the most recent quarter"),
            vec!["most recent quarter"]
        );
        assert_eq!(
            texts("from 6.1% in the prior quarter"),
            vec!["prior quarter"]
        );
        assert_eq!(texts("up from 31% a year earlier"), vec!["a year earlier"]);
        assert_eq!(
            texts("up from $4.0 billion in the year-earlier quarter"),
            vec!["year-earlier quarter"]
        );
        assert_eq!(texts("a three-year plan"), vec!["three-year plan"]);
        assert_eq!(
            texts("after a quarter in which sales rose"),
            vec!["a quarter in which"]
        );
        assert_eq!(
            texts("after $2.40 for the previous year"),
            vec!["previous year"]
        );
        assert_eq!(texts("through fiscal 2028"), vec!["through fiscal 2028"]);
        assert_eq!(
            texts("over the first half of 2024"),
            vec!["first half of 2024"]
        );
        assert_eq!(texts("In 2025, the company"), vec!["2025"]);
        assert_eq!(
            texts("a forecast for the fiscal year ending March 31, 2026."),
            vec!["fiscal year ending March 31, 2026"]
        );
        // a year after the month is the year, not a day cut from it
        assert_eq!(
            texts("a forecast for the fiscal year ending March 2026."),
            vec!["fiscal year ending March 2026"]
        );
        assert_eq!(
            texts("sales for the quarter ended June 2025 rose"),
            vec!["quarter ended June 2025"]
        );
        assert_eq!(
            texts("for the quarter ended Sept. 30 2025"),
            vec!["quarter ended Sept. 30 2025"]
        );
        assert!(texts("orders fell for the second quarter in a row").is_empty());
        assert_eq!(
            texts("the peak reached in the third quarter of last year"),
            vec!["third quarter of last year"]
        );
        assert_eq!(
            texts("For the 2026-27 fiscal year, it sees"),
            vec!["2026-27 fiscal year"]
        );
        // a calendar date's year names no period; a stock date keeps its year
        assert!(texts("On Monday, March 2, 2026, Norrvik said").is_empty());
        assert_eq!(
            texts("cash of $2 billion as of March 31, 2026"),
            vec!["as of March 31, 2026"]
        );
        assert_eq!(
            texts("during the past four quarters"),
            vec!["past four quarters"]
        );
    }
}
