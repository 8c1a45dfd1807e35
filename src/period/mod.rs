//! Periods as calendar ranges: parsing what writers write, mapping fiscal
//! labels through a company's fiscal calendar, and resolving relative labels
//! against the publication date.

pub mod parse;
mod resolve;

pub use parse::{parse_label, Cal, Expr};
pub use resolve::{resolve, FiscalCalendar, PeriodClass, ResolveCtx};

use serde::Serialize;
use std::fmt;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A month, counted from year 0: `year * 12 + (month - 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month(pub i32);

impl Month {
    pub fn new(year: i32, month: u8) -> Month {
        Month(year * 12 + month as i32 - 1)
    }
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    /// 1..=12
    pub fn month(self) -> u8 {
        (self.0.rem_euclid(12) + 1) as u8
    }
    pub fn plus(self, n: i32) -> Month {
        Month(self.0 + n)
    }
    pub fn name(self) -> &'static str {
        MONTHS[(self.month() - 1) as usize]
    }
    /// The number of days in this month (Gregorian).
    pub fn days(self) -> u8 {
        let y = self.year();
        match self.month() {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
    /// The month's first day as an ISO date ("2025-07-01").
    pub fn first_day(self) -> String {
        format!("{:04}-{:02}-01", self.year(), self.month())
    }
    /// The month's last day as an ISO date ("2025-09-30").
    pub fn last_day(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.days())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.name(), self.year())
    }
}

/// An inclusive range of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MonthRange {
    pub start: Month,
    pub end: Month,
}

impl MonthRange {
    pub fn new(start: Month, end: Month) -> Self {
        MonthRange { start, end }
    }
    pub fn len(&self) -> i32 {
        self.end.0 - self.start.0 + 1
    }
    pub fn is_empty(&self) -> bool {
        self.len() <= 0
    }
    pub fn overlaps(&self, o: &MonthRange) -> bool {
        self.start <= o.end && o.start <= self.end
    }
    pub fn shifted(&self, months: i32) -> MonthRange {
        MonthRange::new(self.start.plus(months), self.end.plus(months))
    }
    /// A three-month range's position on a quarter grid, counted in quarters.
    pub fn quarter_index(&self) -> Option<i32> {
        (self.len() == 3).then(|| self.end.0.div_euclid(3))
    }
}

impl fmt::Display for MonthRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        if s.month() == 1 && e.month() == 12 && s.year() == e.year() {
            write!(f, "{}", s.year())
        } else if s == e {
            write!(f, "{s}")
        } else if s.year() == e.year() {
            write!(f, "{}\u{2013}{} {}", s.name(), e.name(), e.year())
        } else {
            write!(f, "{s}\u{2013}{e}")
        }
    }
}

/// The normalized period a claim is keyed on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    Range(MonthRange),
    /// A plan or commitment over a horizon ("three-year plan"): compared whatever its date.
    Plan,
    /// An outlook up to a month ("through fiscal 2028").
    Through(Month),
    /// A label that could not be placed on the calendar, kept as written (normalized).
    Label(String),
}

impl PeriodKey {
    pub fn range(&self) -> Option<MonthRange> {
        match self {
            PeriodKey::Range(r) => Some(*r),
            _ => None,
        }
    }
    /// The first and last day of the range as ISO dates; None when the key
    /// is not a range of months on the calendar.
    pub fn iso_bounds(&self) -> Option<(String, String)> {
        self.range()
            .map(|r| (r.start.first_day(), r.end.last_day()))
    }
    /// Whether two keys can describe overlapping time.
    pub fn overlaps(&self, o: &PeriodKey) -> bool {
        match (self, o) {
            (PeriodKey::Range(a), PeriodKey::Range(b)) => a.overlaps(b),
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodKey::Range(r) => write!(f, "{r}"),
            PeriodKey::Plan => f.write_str("plan horizon"),
            PeriodKey::Through(m) => write!(f, "through {m}"),
            PeriodKey::Label(l) => write!(f, "\"{l}\" (not placed on the calendar)"),
        }
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// One way of reading a period label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub key: PeriodKey,
    /// How the label was read, in words ("fiscal Q3 FY2026, fiscal year ending January").
    pub how: String,
}

/// Where a period label came from, relative to its figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodFrom {
    Clause,
    Sentence,
    Paragraph,
    Heading,
    Table,
    Article,
    #[default]
    None,
}

impl PeriodFrom {
    pub fn parse(s: &str) -> Option<PeriodFrom> {
        Some(match s {
            "clause" => PeriodFrom::Clause,
            "sentence" => PeriodFrom::Sentence,
            "paragraph" => PeriodFrom::Paragraph,
            "heading" => PeriodFrom::Heading,
            "table" => PeriodFrom::Table,
            "article" => PeriodFrom::Article,
            "none" => PeriodFrom::None,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            PeriodFrom::Clause => "clause",
            PeriodFrom::Sentence => "sentence",
            PeriodFrom::Paragraph => "paragraph",
            PeriodFrom::Heading => "heading",
            PeriodFrom::Table => "table",
            PeriodFrom::Article => "article",
            PeriodFrom::None => "none",
        }
    }
}

/// A claim's period: the label as written and, once resolved, its readings.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PeriodRef {
    pub label: String,
    pub from: PeriodFrom,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// All readings, most plausible first; filled in by the engine.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Index of the reading in use.
    #[serde(skip)]
    pub chosen: usize,
    /// Why that reading is in use, when it is not the only one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl PeriodRef {
    pub fn key(&self) -> PeriodKey {
        self.readings
            .get(self.chosen)
            .map(|r| r.key.clone())
            .unwrap_or_else(|| PeriodKey::Label(self.label.to_lowercase()))
    }
    pub fn reading(&self) -> Option<&Reading> {
        self.readings.get(self.chosen)
    }
    /// "Q3 (read as Jul–Sep 2025)" or "no period (read as Jul–Sep 2025)".
    pub fn describe(&self) -> String {
        let label = if self.label.is_empty() {
            "no period stated".to_string()
        } else {
            format!("\"{}\"", self.label)
        };
        match self.reading() {
            Some(r) => format!("{label}, read as {}", r.key),
            None => label,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ranges_display() {
        let r = MonthRange::new(Month::new(2025, 7), Month::new(2025, 9));
        assert_eq!(r.to_string(), "Jul\u{2013}Sep 2025");
        assert_eq!(r.quarter_index(), Some(Month::new(2025, 9).0.div_euclid(3)));
        let y = MonthRange::new(Month::new(2025, 1), Month::new(2025, 12));
        assert_eq!(y.to_string(), "2025");
        assert!(r.overlaps(&y));
        assert_eq!(Month::new(2024, 12).plus(1), Month::new(2025, 1));
        assert_eq!(
            PeriodKey::Range(r).iso_bounds(),
            Some(("2025-07-01".into(), "2025-09-30".into()))
        );
        assert_eq!(Month::new(2024, 2).last_day(), "2024-02-29");
        assert_eq!(Month::new(1900, 2).last_day(), "1900-02-28");
        assert_eq!(PeriodKey::Plan.iso_bounds(), None);
    }
}
