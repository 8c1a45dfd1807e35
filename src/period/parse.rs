//! Parsing period labels as writers write them.

use regex::Regex;
use std::sync::LazyLock;

/// Whether a label is explicitly fiscal or calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cal {
    Unspecified,
    Fiscal,
    Calendar,
}

/// A parsed period label, before it is placed on the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Quarter {
        q: u8,
        year: Option<i32>,
        cal: Cal,
    },
    Half {
        h: u8,
        year: Option<i32>,
        cal: Cal,
    },
    Year {
        year: i32,
        cal: Cal,
    },
    /// A quarter named by its last month: "June quarter", "quarter ended June 30, 2025".
    QuarterEnding {
        month: u8,
        year: Option<i32>,
    },
    /// Six months named by their first and last: "April to September".
    HalfEnding {
        month: u8,
        year: Option<i32>,
    },
    Month {
        month: u8,
        year: Option<i32>,
    },
    /// A fiscal year named by its last month: "the fiscal year ending March 31, 2026".
    YearEnding {
        month: u8,
        year: Option<i32>,
    },
    /// "this year": the calendar year of publication.
    ThisYear,
    /// "since January", "so far this year": from January to the publication month.
    YearToDate,
    /// "most recent quarter", "latest quarter"
    Latest,
    /// "the full fiscal year", "full-year", "annual" with no year: the fiscal year in question.
    FullYear,
    /// "past four quarters", "trailing twelve months"
    Trailing {
        quarters: u8,
    },
    /// "prior quarter" (1), "a year earlier" (4): relative to another label.
    Prior {
        quarters: u8,
    },
    /// "three-year" plan horizon.
    Horizon {
        years: u8,
    },
    /// "through fiscal 2028"
    Through(Box<Expr>),
    /// "the third quarter of last year": the label, in the year before publication.
    LastYear(Box<Expr>),
    /// "the 2025-26 fiscal year", "FY2025/26": the fiscal year ending in `end_year`.
    FiscalSpan {
        end_year: i32,
    },
    /// No label at all.
    None,
    /// A label that is not understood.
    Unknown,
}

impl Expr {
    /// The year the label names, if any.
    pub fn year(&self) -> Option<i32> {
        match self {
            Expr::Quarter { year, .. }
            | Expr::Half { year, .. }
            | Expr::QuarterEnding { year, .. }
            | Expr::HalfEnding { year, .. }
            | Expr::YearEnding { year, .. }
            | Expr::Month { year, .. } => *year,
            Expr::Year { year, .. } => Some(*year),
            Expr::Through(e) => e.year(),
            _ => None,
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let prefix = &w[..3];
    let idx = MONTH_NAMES.iter().position(|m| *m == prefix)?;
    // the full word must be a prefix of the month's name, or the name itself ("sept")
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL[idx];
    (full.starts_with(w.trim_end_matches('.')) || w == "sept").then_some(idx as u8 + 1)
}

fn ordinal(word: &str) -> Option<u8> {
    Some(match word {
        "first" | "1st" | "one" => 1,
        "second" | "2nd" | "two" => 2,
        "third" | "3rd" | "three" => 3,
        "fourth" | "4th" | "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return word.parse().ok(),
    })
}

fn year2(s: &str) -> Option<i32> {
    let n: i32 = s.parse().ok()?;
    Some(match s.len() {
        2 => 2000 + n,
        4 => n,
        _ => return None,
    })
}

const MONTH_RE: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static RE: LazyLock<Res> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).expect("period regex");
    Res {
        fiscal_year: r(r"(?-u:\b)(?:fy|fiscal(?:\s+year)?)\s*'?(\d{4}|\d{2})(?-u:\b)"),
        year: r(r"(?-u:\b)((?:19|20)\d{2})(?-u:\b)"),
        apostrophe_year: r(r"'(\d{2})(?-u:\b)"),
        fiscal_word: r(r"(?-u:\b)fiscal(?-u:\b)|(?-u:\b)fy(?-u:\b)|(?-u:\b)fy\d"),
        calendar_word: r(r"(?-u:\b)calendar(?-u:\b)"),
        quarter: r(
            r"(?-u:\b)q([1-4])(?-u:\b)|(?-u:\b)q([1-4])(?:'|\s)?(\d{2})(?-u:\b)|(?-u:\b)([1-4])q(?:'|\s)?(\d{2})?(?-u:\b)|(?-u:\b)(first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+fiscal)?[\s-]+quarter(?-u:\b)",
        ),
        half: r(
            r"(?-u:\b)h([12])(?-u:\b)|(?-u:\b)([12])h(?-u:\b)|(?-u:\b)h([12])(?:'|\s)?(\d{2})(?-u:\b)|(?-u:\b)(first|second)[\s-]+half(?-u:\b)",
        ),
        quarter_ending: r(&format!(
            r"(?:quarter|three\s+months|period),?\s+(?:that\s+|which\s+)?end(?:ed|ing)\s+(?:on\s+)?{MONTH_RE}"
        )),
        year_ending: r(&format!(
            r"(?-u:\b)year,?\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:on\s+)?{MONTH_RE}"
        )),
        month_quarter: r(&format!(
            r"(?-u:\b){MONTH_RE}(?:\s+\d{{4}})?\s+quarter(?-u:\b)"
        )),
        month_span_quarter: r(&format!(
            r"(?-u:\b){MONTH_RE}\s*(?:-|to|through)\s*{MONTH_RE}(?-u:\b)"
        )),
        month_year: r(&format!(r"(?-u:\b){MONTH_RE}\s+((?:19|20)\d{{2}})(?-u:\b)")),
        // "end of September", "30 September", "September 30": a day stands for its month
        month_day: r(&format!(
            r"(?-u:\b)(?:end\s+of\s+{MONTH_RE}|\d{{1,2}}\s+{MONTH_RE}|{MONTH_RE}\s+\d{{1,2}})(?-u:\b)"
        )),
        this_year: r(r"^(?:this|the\s+current)\s+(?:calendar\s+)?year$"),
        year_to_date: r(
            r"(?-u:\b)(?:since\s+(?:the\s+(?:beginning|start)\s+of\s+the\s+year|january|jan)|(?:so\s+far\s+)?this\s+year\s+to\s+date|so\s+far\s+this\s+year|year[\s-]+to[\s-]+date|ytd)(?-u:\b)",
        ),
        latest: r(
            r"(?-u:\b)(?:most\s+recent|latest|last|recent|just[\s-]ended|latest\s+reported|past)\s+(?:reported\s+)?(?:fiscal\s+)?quarter(?-u:\b)|^(?:a\s+|the\s+)?quarter\s+in\s+which$",
        ),
        trailing: r(
            r"(?-u:\b)past\s+year(?-u:\b)|(?-u:\b)(?:(?:past|last|trailing|previous|prior|over)\s+)?(?:four|4)\s+quarters(?-u:\b)|(?-u:\b)(?:past|last|trailing)\s+(?:twelve|12)\s+months(?-u:\b)|(?-u:\b)ttm(?-u:\b)",
        ),
        prior_quarter: r(
            r"(?-u:\b)(?:prior|previous|preceding|sequential|earlier)\s+quarter(?-u:\b)|(?-u:\b)quarter\s+(?:before|earlier|ago)(?-u:\b)|(?-u:\b)sequentially(?-u:\b)|(?-u:\b)(?:three|3)\s+months\s+(?:earlier|ago|before)(?-u:\b)",
        ),
        year_earlier: r(
            r"(?-u:\b)(?:a\s+)?year[\s-]+(?:earlier|ago|before|prior)(?-u:\b)|(?-u:\b)last\s+year$|(?-u:\b)year-ago(?-u:\b)|(?-u:\b)prior[\s-]year(?-u:\b)|(?-u:\b)(?:previous|preceding)\s+(?:fiscal\s+)?year(?-u:\b)|(?-u:\b)same\s+(?:period|quarter)\s+(?:last|a)\s+year(?-u:\b)",
        ),
        horizon: r(
            r"(?-u:\b)(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]years?(?-u:\b)(?:\s+plan)?|(?-u:\b)(?:next|over|within)\s+(?:the\s+next\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years(?-u:\b)",
        ),
        through: r(r"^(?:through|thru|by|until|to)\s+(.+)$"),
        last_year: r(
            r"^(.*(?:quarter|half))\s+of\s+(?:last|the\s+(?:previous|prior|preceding))\s+(?:fiscal\s+)?year$",
        ),
        fiscal_span: r(r"(?:^|[^\d])(?:19|20)(\d{2})\s*[-/]\s*(\d{2})(?-u:\b)"),
        full_year: r(
            r"^(?:the\s+)?(?:full[\s-]+(?:fiscal[\s-]+)?year|annual|fiscal[\s-]+year|whole[\s-]+year|year\s+as\s+a\s+whole)$",
        ),
    }
});

struct Res {
    fiscal_year: Regex,
    year: Regex,
    apostrophe_year: Regex,
    fiscal_word: Regex,
    calendar_word: Regex,
    quarter: Regex,
    half: Regex,
    quarter_ending: Regex,
    year_ending: Regex,
    month_quarter: Regex,
    month_span_quarter: Regex,
    month_year: Regex,
    month_day: Regex,
    this_year: Regex,
    year_to_date: Regex,
    latest: Regex,
    trailing: Regex,
    prior_quarter: Regex,
    year_earlier: Regex,
    horizon: Regex,
    through: Regex,
    last_year: Regex,
    fiscal_span: Regex,
    full_year: Regex,
}

/// Normalizes typography: lower case, dashes to '-', odd spaces to ' '.
fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Parses a period label ("Q3 2025", "fiscal Q2 2026", "June quarter", "H1 2025",
/// "most recent quarter", "three-year", "through fiscal 2028", ...).
pub fn parse_label(label: &str) -> Expr {
    // the same few labels recur in every article: remember what they parse to
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Expr>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(e) = SEEN.with(|m| m.borrow().get(label).cloned()) {
        return e;
    }
    let e = parse_label_uncached(label);
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 4096 {
            m.clear();
        }
        m.insert(label.to_string(), e.clone());
    });
    e
}

/// A word shaped like a quarter's or a half's code that names none ("QQ1", "Q5",
/// "H0"): a label holding one cannot be read, whatever else it says.
pub fn is_broken_code(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &w[letters.len()..];
    if digits.len() != 1 || letters.is_empty() || !letters.chars().all(|c| c == 'q' || c == 'h') {
        return false;
    }
    let n = digits.as_bytes()[0] - b'0';
    // "QQ1": the code letter typed twice is the code ([`typed_twice`]); "QH1" is none
    let letter = &letters[..1];
    letters.chars().any(|c| c.to_string() != letter)
        || n == 0
        || (letter == "q" && n > 4)
        || (letter == "h" && n > 2)
}

/// "qq1" -> "q1": a quarter's or a half's code with its letter typed twice, as the
/// code (a slip of the keyboard; the number still has to be a quarter's or a half's).
pub fn typed_twice(word: &str) -> Option<String> {
    let w = word.to_ascii_lowercase();
    let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &w[letters.len()..];
    let first = letters.chars().next()?;
    (letters.len() == 2
        && letters.chars().all(|c| c == first)
        && matches!(first, 'q' | 'h')
        && digits.len() == 1
        && !is_broken_code(&w))
    .then(|| format!("{first}{digits}"))
}

/// [`parse_label`] without its per-thread memo (for benchmarks and tests).
pub fn parse_label_uncached(label: &str) -> Expr {
    let s = normalize(label);
    let s = s
        .split(' ')
        .map(|w| typed_twice(w).unwrap_or_else(|| w.to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim().trim_start_matches("the ").trim();
    if s.is_empty() {
        return Expr::None;
    }
    if s.split_whitespace().any(is_broken_code) {
        return Expr::Unknown;
    }
    let re = &*RE;
    if let Some(c) = re.through.captures(s) {
        let inner = parse_label(&c[1]);
        if !matches!(inner, Expr::Unknown | Expr::None) {
            return Expr::Through(Box::new(inner));
        }
    }
    if let Some(c) = re.last_year.captures(s) {
        let inner = parse_label(&c[1]);
        if matches!(
            inner,
            Expr::Quarter { year: None, .. } | Expr::Half { year: None, .. }
        ) {
            return Expr::LastYear(Box::new(inner));
        }
    }
    if re.fiscal_word.is_match(s) {
        if let Some(c) = re.fiscal_span.captures(s) {
            let (a, b): (i32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            if (a + 1) % 100 == b {
                return Expr::FiscalSpan {
                    end_year: 2000 + b + if a >= 90 { -100 } else { 0 },
                };
            }
        }
    }
    let cal = if re.fiscal_word.is_match(s) {
        Cal::Fiscal
    } else if re.calendar_word.is_match(s) {
        Cal::Calendar
    } else {
        Cal::Unspecified
    };
    let mut year = re
        .fiscal_year
        .captures(s)
        .and_then(|c| year2(&c[1]))
        .or_else(|| re.year.captures(s).and_then(|c| c[1].parse().ok()))
        .or_else(|| re.apostrophe_year.captures(s).and_then(|c| year2(&c[1])));

    if re.trailing.is_match(s) {
        return Expr::Trailing { quarters: 4 };
    }
    if re.year_earlier.is_match(s) {
        return Expr::Prior { quarters: 4 };
    }
    if re.prior_quarter.is_match(s) {
        return Expr::Prior { quarters: 1 };
    }
    if let Some(c) = re.quarter_ending.captures(s) {
        if let Some(month) = month_number(&c[1]) {
            return Expr::QuarterEnding { month, year };
        }
    }
    if let Some(c) = re.quarter.captures(s) {
        let q = c
            .get(1)
            .or(c.get(2))
            .or(c.get(4))
            .and_then(|m| m.as_str().parse().ok())
            .or_else(|| c.get(6).and_then(|m| ordinal(m.as_str())));
        if let Some(y) = c.get(3).or(c.get(5)).and_then(|m| year2(m.as_str())) {
            year = Some(y);
        }
        if let Some(q) = q {
            return Expr::Quarter { q, year, cal };
        }
    }
    if let Some(c) = re.half.captures(s) {
        let h = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .and_then(|m| m.as_str().parse().ok())
            .or_else(|| c.get(5).and_then(|m| ordinal(m.as_str())));
        if let Some(y) = c.get(4).and_then(|m| year2(m.as_str())) {
            year = Some(y);
        }
        if let Some(h) = h {
            return Expr::Half { h, year, cal };
        }
    }
    // after quarters and halves: "first half of the fiscal year ending March 31, 2026" is a half
    if let Some(c) = re.year_ending.captures(s) {
        if let Some(month) = month_number(&c[1]) {
            return Expr::YearEnding { month, year };
        }
    }
    if let Some(c) = re.month_span_quarter.captures(s) {
        if let (Some(a), Some(b)) = (month_number(&c[1]), month_number(&c[2])) {
            let span = (b as i32 - a as i32).rem_euclid(12);
            if span == 2 {
                return Expr::QuarterEnding { month: b, year };
            }
            if span == 5 {
                return Expr::HalfEnding { month: b, year };
            }
        }
    }
    if let Some(c) = re.month_quarter.captures(s) {
        if let Some(month) = month_number(&c[1]) {
            return Expr::QuarterEnding { month, year };
        }
    }
    if year.is_none() && re.year_to_date.is_match(s) {
        return Expr::YearToDate;
    }
    if re.this_year.is_match(s) {
        return Expr::ThisYear;
    }
    if re.latest.is_match(s) {
        return Expr::Latest;
    }
    if year.is_none() && re.full_year.is_match(s) {
        return Expr::FullYear;
    }
    if s.starts_with("interim ") {
        return Expr::Half {
            h: 1,
            year,
            cal: Cal::Fiscal,
        };
    }
    if s.starts_with("year-end ") || s.starts_with("year end ") || s.starts_with("final ") {
        return Expr::Half {
            h: 2,
            year,
            cal: Cal::Fiscal,
        };
    }
    if s.starts_with("annual ") && year.is_none() {
        return Expr::FullYear;
    }
    if let Some(c) = re.month_year.captures(s) {
        if let Some(month) = month_number(&c[1]) {
            return Expr::Month { month, year };
        }
    }
    if let Some(c) = re.month_day.captures(s) {
        if let Some(month) = (1..=3)
            .find_map(|i| c.get(i))
            .and_then(|m| month_number(m.as_str()))
        {
            return Expr::Month { month, year };
        }
    }
    if let Some(c) = re.horizon.captures(s) {
        let n = c.get(1).or(c.get(2)).and_then(|m| ordinal(m.as_str()));
        if let Some(years) = n {
            return Expr::Horizon { years };
        }
    }
    if let Some(year) = year {
        return Expr::Year { year, cal };
    }
    Expr::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(q: u8, year: Option<i32>, cal: Cal) -> Expr {
        Expr::Quarter { q, year, cal }
    }

    #[test]
    fn quarters() {
        assert_eq!(parse_label("Q3 2025"), q(3, Some(2025), Cal::Unspecified));
        assert_eq!(parse_label("Q3"), q(3, None, Cal::Unspecified));
        assert_eq!(parse_label("third quarter"), q(3, None, Cal::Unspecified));
        assert_eq!(parse_label("fiscal Q2 2026"), q(2, Some(2026), Cal::Fiscal));
        assert_eq!(parse_label("Q2 FY26"), q(2, Some(2026), Cal::Fiscal));
        assert_eq!(parse_label("3Q25"), q(3, Some(2025), Cal::Unspecified));
        assert_eq!(parse_label("Q4'24"), q(4, Some(2024), Cal::Unspecified));
        assert_eq!(
            parse_label("third quarter of fiscal 2026"),
            q(3, Some(2026), Cal::Fiscal)
        );
        assert_eq!(
            parse_label("the second fiscal quarter"),
            q(2, None, Cal::Fiscal)
        );
        assert_eq!(
            parse_label("calendar Q1 2025"),
            q(1, Some(2025), Cal::Calendar)
        );
    }

    #[test]
    fn named_quarters_halves_years() {
        assert_eq!(
            parse_label("June quarter"),
            Expr::QuarterEnding {
                month: 6,
                year: None
            }
        );
        assert_eq!(
            parse_label("fiscal first quarter, ended September 30, 2025"),
            Expr::QuarterEnding {
                month: 9,
                year: Some(2025)
            }
        );
        assert_eq!(
            parse_label("quarter ended June 30, 2025"),
            Expr::QuarterEnding {
                month: 6,
                year: Some(2025)
            }
        );
        assert_eq!(
            parse_label("April\u{2013}June quarter"),
            Expr::QuarterEnding {
                month: 6,
                year: None
            }
        );
        assert_eq!(
            parse_label("H1 2025"),
            Expr::Half {
                h: 1,
                year: Some(2025),
                cal: Cal::Unspecified
            }
        );
        assert_eq!(
            parse_label("first half of 2025"),
            Expr::Half {
                h: 1,
                year: Some(2025),
                cal: Cal::Unspecified
            }
        );
        assert_eq!(
            parse_label("2025"),
            Expr::Year {
                year: 2025,
                cal: Cal::Unspecified
            }
        );
        assert_eq!(
            parse_label("fiscal 2028"),
            Expr::Year {
                year: 2028,
                cal: Cal::Fiscal
            }
        );
        assert_eq!(
            parse_label("fiscal year ending March 2026"),
            Expr::YearEnding {
                month: 3,
                year: Some(2026)
            }
        );
        assert_eq!(
            parse_label("quarter ended June 2025"),
            Expr::QuarterEnding {
                month: 6,
                year: Some(2025)
            }
        );
        assert_eq!(
            parse_label("September 2025"),
            Expr::Month {
                month: 9,
                year: Some(2025)
            }
        );
    }

    #[test]
    fn relative_labels() {
        assert_eq!(parse_label("most recent quarter"), Expr::Latest);
        assert_eq!(parse_label("the latest quarter"), Expr::Latest);
        assert_eq!(
            parse_label("past four quarters"),
            Expr::Trailing { quarters: 4 }
        );
        assert_eq!(parse_label("prior quarter"), Expr::Prior { quarters: 1 });
        assert_eq!(parse_label("a year earlier"), Expr::Prior { quarters: 4 });
        assert_eq!(
            parse_label("year-earlier quarter"),
            Expr::Prior { quarters: 4 }
        );
        assert_eq!(parse_label("three-year"), Expr::Horizon { years: 3 });
        assert_eq!(
            parse_label("through fiscal 2028"),
            Expr::Through(Box::new(Expr::Year {
                year: 2028,
                cal: Cal::Fiscal
            }))
        );
        assert_eq!(
            parse_label("third quarter of last year"),
            Expr::LastYear(Box::new(q(3, None, Cal::Unspecified)))
        );
        assert_eq!(
            parse_label("the 2025-26 fiscal year"),
            Expr::FiscalSpan { end_year: 2026 }
        );
        assert_eq!(
            parse_label("FY2025/26"),
            Expr::FiscalSpan { end_year: 2026 }
        );
        // no fiscal word: no span
        assert_ne!(parse_label("2025-26"), Expr::FiscalSpan { end_year: 2026 });
        assert_eq!(parse_label(""), Expr::None);
        assert_eq!(parse_label("soon"), Expr::Unknown);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "q",
            "fy",
            "'",
            "Q9 2025",
            "h3",
            "\u{2013}",
            "by",
            "quarter ended",
            "\u{00e9}t\u{00e9}",
        ] {
            let _ = parse_label(s);
        }
    }
}
