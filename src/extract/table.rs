//! Tables flattened to text ("Revenue    4,672    3,286    42%"): the header
//! row gives each column's period (or change basis), the caption the currency
//! and scale, the row label the metric.

use super::document::{Doc, Para};
use super::{metric, numbers, periods};
use crate::knowledge::tables::ChangeBasis;
use crate::knowledge::Knowledge;
use crate::model::{Basis, Claim, Decimal, Figure, Kind, MetricId, Qualifier, Scale, Unit, Value};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq)]
enum Col {
    Period(String),
    Change(Basis),
    Other,
    /// Analysts' estimates for the table's latest period ("Analyst Estimate").
    Estimate,
    /// A column whose period the header names in a way not read (a six-month span): skipped.
    Skip,
}

/// What is known about the table being read.
#[derive(Default)]
pub struct State {
    header: Option<Vec<Col>>,
    /// The first line of a two-line date header ("Oct. 31,  Jul. 31,  Oct. 31,") and the
    /// length of the span in months the line above it names ("Three Months Ended").
    pending_days: Option<(Vec<String>, Option<u8>)>,
    /// The header came from month-days with their years on the next line.
    dated_header: bool,
    /// The currency of the table's amounts written with a sign ("$ 1,482").
    seen_currency: Option<String>,
    /// Currency and scale from the caption ("in millions of U.S. dollars").
    pub caption: Option<(String, Scale)>,
    /// The table's number in its article: the line its header was read on.
    pub id: usize,
    /// Rows not read, with where and why.
    pub refused: Vec<(usize, String)>,
}

static CELL_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" {2,}|\t+|\s*\|\s*").expect("cells"));
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)in\s+|\(\s*)(thousands|millions|billions)\s+of\s+(u\.?s\.?\s+dollars|hong\s+kong\s+dollars|dollars|euros|yen|yuan|renminbi|won|pounds|rupees|swiss\s+francs)|\((?:in\s+)?(us\$|\$|€|¥|₩|£|rmb|eur|usd|jpy|krw|cny)\s*(thousands?|millions?|billions?|mn|m|bn)\)|(?-u:\b)in\s+(us\$|\$|€|¥|₩|£|rmb|eur|usd|jpy|krw|cny)\s*(thousands?|millions?|billions?|mn|bn)").expect("caption")
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?$")
        .expect("month day")
});
static YEAR_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}$").expect("year cell"));

/// The span a two-line date header's columns cover, from the lines just above it
/// ("Three Months Ended" = 3, "Year Ended" = 12); `line` is 1-based.
fn span_above(doc: &Doc, line: usize) -> Option<u8> {
    (line.saturating_sub(3)..line.saturating_sub(1))
        .rev()
        .filter_map(|i| doc.lines.get(i))
        .find_map(|l| span_in(l))
}

/// The months a header's "Three Months Ended" / "Year Ended" names.
fn span_in(text: &str) -> Option<u8> {
    static SPAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(three|six|nine|twelve)\s+months\s+ended|(?-u:\b)(quarter|year|fiscal\s+year)\s+ended")
            .expect("span")
    });
    SPAN.captures(text).map(|c| {
        match c
            .get(1)
            .or(c.get(2))
            .map(|m| m.as_str().to_ascii_lowercase())
            .as_deref()
        {
            Some("three") | Some("quarter") => 3,
            Some("six") => 6,
            Some("nine") => 9,
            _ => 12,
        }
    })
}

/// "Three Months Ended / Oct. 31,  Jul. 31, / 2025  2025" read as one block: month-days
/// first, then as many years. `span` is the months each column covers, if known from outside.
fn two_line_dates(text: &str, span: Option<u8>) -> Option<Vec<Col>> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}),?")
            .expect("day")
    });
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").expect("year"));
    let days: Vec<regex::Match> = DAY.find_iter(text).collect();
    let last_day = days.last()?.end();
    let years: Vec<&str> = YEAR
        .find_iter(&text[last_day..])
        .map(|m| m.as_str())
        .collect();
    if days.len() < 2 || years.len() != days.len() || YEAR.is_match(&text[..last_day]) {
        return None;
    }
    let span = span.or_else(|| span_in(text));
    Some(
        days.iter()
            .zip(years)
            .map(|(d, y)| dated_col(d.as_str().trim_end_matches(','), y, span))
            .collect(),
    )
}

/// The column a month-day and a year under a span header name: "quarter ended Oct. 31,
/// 2025" under "Three Months Ended"; a span not read (six or nine months) is skipped.
fn dated_col(day: &str, year: &str, span: Option<u8>) -> Col {
    match span {
        Some(3) => Col::Period(format!("quarter ended {day}, {year}")),
        Some(12) => Col::Period(format!("fiscal year ended {day}, {year}")),
        _ => Col::Skip,
    }
}

/// A row of per-share amounts, which a table's "(in millions)" does not scale.
pub(super) static PER_SHARE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:eps|per[\s-]share|per\s+ads|dividends?\s+declared|shares\s+outstanding|shares)(?-u:\b)")
        .expect("per share row")
});

/// Currency and scale named by a table caption.
pub fn caption(text: &str) -> Option<(String, Scale)> {
    // "(in millions, except per-share data)", "(dollars in thousands)": a scale with the
    // currency left to the cells or the company (an empty code)
    static SCALE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\s*(?:(?:u\.?s\.?\s+)?dollars\s+)?in\s+(thousands|millions|billions)\s*(?:[,;][^)]*)?\)\s*$")
            .expect("scale only")
    });
    // "($ in millions)", "(€ in thousands)"
    static SIGN_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\s*(us\$|\$|€|¥|₩|£)\s+in\s+(thousands|millions|billions)\s*[,;)]")
            .expect("sign in scale")
    });
    if let Some(c) = SIGN_IN.captures(text) {
        let code = super::numbers::currency_of(&c[1].to_uppercase())?;
        return Some((code.to_string(), scale_word(&c[2])));
    }
    let Some(c) = CAPTION.captures(text) else {
        let c = SCALE_ONLY.captures(text)?;
        let scale = scale_word(&c[1]);
        let code = if text.to_ascii_lowercase().contains("dollars") {
            "USD"
        } else {
            ""
        };
        return Some((code.to_string(), scale));
    };
    let (cur, sc) = if let (Some(s), Some(cu)) = (c.get(1), c.get(2)) {
        (cu.as_str(), s.as_str())
    } else if let (Some(cu), Some(s)) = (c.get(3), c.get(4)) {
        (cu.as_str(), s.as_str())
    } else {
        (c.get(5)?.as_str(), c.get(6)?.as_str())
    };
    let cur = cur.to_lowercase();
    let code = if cur.contains("hong") {
        "HKD"
    } else if cur.contains("dollar") || cur.contains('$') || cur == "usd" {
        "USD"
    } else if cur.contains("euro") || cur == "€" || cur == "eur" {
        "EUR"
    } else if cur.contains("yen") || cur == "¥" || cur == "jpy" {
        "JPY"
    } else if cur.contains("yuan") || cur.contains("renminbi") || cur == "rmb" || cur == "cny" {
        "CNY"
    } else if cur.contains("won") || cur == "₩" || cur == "krw" {
        "KRW"
    } else if cur.contains("pound") || cur == "£" {
        "GBP"
    } else if cur.contains("rupee") {
        "INR"
    } else {
        "CHF"
    };
    Some((code.to_string(), scale_word(sc)))
}

/// "thousands", "millions", "mn", "bn", ...: the scale a caption's word names.
fn scale_word(word: &str) -> Scale {
    let w = word.to_lowercase();
    if w.starts_with("thousand") {
        Scale::Thousand
    } else if w.starts_with('m') {
        Scale::Million
    } else {
        Scale::Billion
    }
}

fn cells(text: &str) -> Vec<(usize, &str)> {
    let wide = CELL_SPLIT.find_iter(text).count();
    if wide == 0 {
        // "Revenue$412 million$388 million+6%": cells glued together by scraping
        if let Some(glued) = super::glue::row_cells(text) {
            return glued;
        }
        return token_cells(text);
    }
    let mut out = Vec::new();
    let mut last = 0;
    for m in CELL_SPLIT.find_iter(text) {
        if m.start() > last {
            out.push((last, &text[last..m.start()]));
        }
        last = m.end();
    }
    if last < text.len() {
        out.push((last, &text[last..]));
    }
    let out: Vec<(usize, &str)> = out
        .into_iter()
        .filter(|(_, c)| !c.trim().is_empty())
        .collect();
    // "$   212": a currency sign set apart from its amount is one cell with it
    let mut merged: Vec<(usize, &str)> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let (at, c) = out[i];
        let sign = matches!(c.trim(), "$" | "€" | "£" | "¥" | "₩" | "US$" | "HK$");
        if sign && i + 1 < out.len() {
            let (next_at, next) = out[i + 1];
            merged.push((at, &text[at..next_at + next.len()]));
            i += 2;
        } else {
            merged.push((at, c));
            i += 1;
        }
    }
    merged
}

/// Cells of a single-space row: the label (every word before the numbers), then each number.
fn token_cells(text: &str) -> Vec<(usize, &str)> {
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        match (ch == ' ' || ch == '\t', start) {
            (true, Some(s)) => {
                toks.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        toks.push((s, &text[s..]));
    }
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(|c| c.is_alphabetic() && c != 'x')
    };
    let first_num = toks
        .iter()
        .position(|(_, w)| numeric(w))
        .unwrap_or(toks.len());
    let mut out = Vec::new();
    if first_num > 0 {
        let (s, _) = toks[0];
        let (ls, lw) = toks[first_num - 1];
        out.push((s, &text[s..ls + lw.len()]));
    }
    let mut i = first_num;
    while i < toks.len() {
        let (s, w) = toks[i];
        // "+1.3 pts": a unit word belongs to its number
        if let Some((ns, nw)) = toks.get(i + 1) {
            if ["pts", "pp", "bps", "ppts"].contains(&nw.to_lowercase().as_str()) {
                out.push((s, &text[s..ns + nw.len()]));
                i += 2;
                continue;
            }
        }
        out.push((s, w));
        i += 1;
    }
    out
}

/// Columns of a header row written with single spaces: "Q3 2025 Q3 2024 Change".
fn header_from_mentions(text: &str) -> Option<Vec<Col>> {
    let ms = periods::find(text);
    let ranged: Vec<&periods::Mention> = ms.iter().filter(|m| !m.is_relative()).collect();
    if ranged.len() < 2 {
        return None;
    }
    let mut cols: Vec<Col> = ranged.iter().map(|m| Col::Period(m.text.clone())).collect();
    let tail = &text[ranged.last()?.end..];
    for w in tail.split_whitespace() {
        if let Some(c @ Col::Change(_)) = header_col(w) {
            cols.push(c);
        }
    }
    Some(cols)
}

fn header_col(cell: &str) -> Option<Col> {
    let words = &*crate::knowledge::tables::WORDS;
    let ws: Vec<&str> = cell.split_whitespace().collect();
    if let Some((b, n)) = words.change_label(&ws) {
        if n == ws.len() {
            return Some(Col::Change(match b {
                ChangeBasis::Known(b) => b,
                // "Change" between a year's quarters: read as year on year, as above
                ChangeBasis::FromPeriods => Basis::Yoy,
            }));
        }
    }
    if words.is_estimate_column(cell) {
        return Some(Col::Estimate);
    }
    // "Q3 2025 Actual": a period, and a word saying the column holds actual figures
    let core = match ws.split_last() {
        Some((last, rest)) if words.is_actual_word(last) && !rest.is_empty() => rest.join(" "),
        _ => cell.trim().to_string(),
    };
    let ms = periods::find(&core);
    if ms.len() == 1 && ms[0].text.len() + 2 >= core.len() {
        return Some(Col::Period(ms[0].text.clone()));
    }
    None
}

/// The columns of a header given as cells: every cell after the first (or every
/// cell) a period, change or estimate column, at least one of them a period.
fn header_of(cells: &[(usize, &str)]) -> Option<Vec<Col>> {
    let cols: Vec<Option<Col>> = cells.iter().map(|(_, c)| header_col(c)).collect();
    let data_cols = match cols.first() {
        Some(Some(_)) => &cols[..],
        Some(None) => &cols[1..],
        None => return None,
    };
    (data_cols.iter().all(|c| c.is_some())
        && data_cols.iter().any(|c| matches!(c, Some(Col::Period(_)))))
    .then(|| {
        data_cols
            .iter()
            .map(|c| c.clone().unwrap_or(Col::Other))
            .collect()
    })
}

/// Whether a line is a table header whose column labels scraping glued together
/// ("ItemQ3 2025 ActualQ3 2024Change"): column labels, not a section heading.
pub fn is_glued_header(text: &str) -> bool {
    super::glue::header_labels(text)
        .and_then(|l| header_of(&l))
        .is_some()
}

/// A column's label, for showing where a cell sits.
fn col_label(col: &Col) -> String {
    match col {
        Col::Period(p) => p.clone(),
        Col::Change(Basis::Qoq) => "change (q/q)".into(),
        Col::Change(_) => "change (y/y)".into(),
        Col::Estimate => "estimate".into(),
        Col::Other | Col::Skip => String::new(),
    }
}

/// A table cell's number: "4,672", "$2.31", "-9%", "71.4%", "0.4 pts", "(133)".
/// The scale is the cell's own ("$9.1 billion"), `Scale::One` when it names none.
fn cell_figure(cell: &str, european: bool) -> Option<(usize, usize, Value, Unit, bool, Scale)> {
    let t = cell.trim();
    let lead = cell.len() - cell.trim_start().len();
    // "+17%": an explicit plus opens a change cell (prose reads "+17" as glued to what precedes)
    if let Some(rest) = t.strip_prefix('+') {
        let (_, b, v, u, n, sc) = cell_figure(rest, european)?;
        return Some((lead, lead + 1 + b, v, u, n, sc));
    }
    // "$   212": read as "$ 212", the span still covering the cell as written
    let sign_len = t
        .char_indices()
        .find(|&(_, c)| c.is_ascii_digit() || c.is_whitespace())
        .map_or(0, |(i, _)| i);
    let gap = t[sign_len..].len() - t[sign_len..].trim_start().len();
    let sign = matches!(&t[..sign_len], "$" | "€" | "£" | "¥" | "₩" | "US$" | "HK$");
    if sign && gap > 1 {
        let close = format!("{} {}", &t[..sign_len], t[sign_len..].trim_start());
        let (_, b, v, u, n, sc) = cell_figure(&close, european)?;
        return Some((lead, lead + b + gap - 1, v, u, n, sc));
    }
    if let Some(f) = numbers::scan(t, european)
        .into_iter()
        .find(|f| f.start <= 2)
    {
        let neg = f.negative || t.starts_with(['-', '\u{2212}']);
        let start = if t.starts_with(['-', '\u{2212}']) {
            0
        } else {
            f.start
        };
        return Some((
            lead + start,
            lead + f.end.max(t.len().min(f.end)),
            f.value,
            f.unit,
            neg,
            f.scale,
        ));
    }
    let neg = t.starts_with(['-', '\u{2212}']) || t.starts_with('(') && t.ends_with(')');
    let core = t
        .trim_start_matches(['-', '\u{2212}', '('])
        .trim_end_matches(')');
    let d = Decimal::parse(core)?;
    Some((
        lead,
        lead + t.len(),
        Value::point(d),
        Unit::Count,
        neg,
        Scale::One,
    ))
}

impl State {
    /// Takes a line of column labels as this table's header; true when it is one.
    pub fn header_line(&mut self, text: &str, european: bool) -> bool {
        // "ItemQ3 2025 ActualQ3 2024Change": column labels glued by scraping
        if let Some(h) = super::glue::header_labels(text).and_then(|l| header_of(&l)) {
            self.header = Some(h);
            return true;
        }
        if text.split_whitespace().count() <= 24 {
            if let Some(h) = two_line_dates(text, None) {
                self.header = Some(h);
                return true;
            }
        }
        if text.split_whitespace().count() > 20 || text.trim_end().ends_with('.') {
            return false;
        }
        let ms = periods::find(text);
        let outside = numbers::scan(text, european)
            .iter()
            .any(|f| !ms.iter().any(|m| f.start >= m.start && f.end <= m.end));
        if outside {
            return false;
        }
        match header_from_mentions(text) {
            Some(h) => {
                self.header = Some(h);
                true
            }
            None => false,
        }
    }

    /// A header of quarters without years ("Third quarter  Third quarter  Change")
    /// completed by a line of years under them ("2025  2024").
    fn with_years(&self, text: &str) -> Option<Vec<Col>> {
        let years: Vec<&str> = text.split_whitespace().collect();
        if years.is_empty() || !years.iter().all(|w| YEAR_CELL.is_match(w)) {
            return None;
        }
        let header = self.header.as_ref()?;
        let open =
            |c: &Col| matches!(c, Col::Period(p) if crate::period::parse_label(p).year().is_none());
        if header.iter().filter(|c| open(c)).count() != years.len() {
            return None;
        }
        let mut ys = years.iter();
        Some(
            header
                .iter()
                .map(|c| match c {
                    Col::Period(p) if open(c) => {
                        Col::Period(format!("{} {}", p, ys.next().copied().unwrap_or_default()))
                    }
                    c => c.clone(),
                })
                .collect(),
        )
    }

    /// Claims from one table row (or none: a header row updates the state).
    #[allow(clippy::too_many_arguments)]
    pub fn row(
        &mut self,
        para: &Para,
        text: &str,
        doc: &Doc,
        k: &Knowledge,
        lex: &metric::Lexicon,
        entity: &str,
        european: bool,
    ) -> Vec<Claim> {
        let at_line = para.parts[0].line;
        if let Some(c) = caption(text) {
            self.caption = Some(c);
        }
        // the years line of a two-line date header already read with its month-days
        if self.dated_header && text.split_whitespace().all(|w| YEAR_CELL.is_match(w)) {
            self.dated_header = false;
            return vec![];
        }
        let has_numbers_outside_periods = {
            let ms = periods::find(text);
            numbers::scan(text, european)
                .iter()
                .any(|f| !ms.iter().any(|m| f.start >= m.start && f.end <= m.end))
        };
        if let Some(h) = self.with_years(text) {
            self.header = Some(h);
            return vec![];
        }
        if !has_numbers_outside_periods {
            if let Some(h) = header_from_mentions(text) {
                self.id = at_line;
                self.header = Some(h);
                return vec![];
            }
        }
        let cs = cells(text);
        // a US-style date header on two lines: "Oct. 31,  Jul. 31," then "2025  2025"
        let filled: Vec<&str> = cs
            .iter()
            .map(|(_, c)| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if filled.len() >= 2 && filled.iter().all(|c| MONTH_DAY.is_match(c)) {
            let line = para.parts[0].line;
            let days: Vec<String> = filled
                .iter()
                .map(|c| c.trim_end_matches(',').to_string())
                .collect();
            let span = span_above(doc, line);
            // the years on the next line (which layout reads as a date line, not a row)
            let next = doc.lines.get(line).map(|l| l.as_str()).unwrap_or("");
            match two_line_dates(&format!("{text}\n{next}"), span) {
                Some(h) => {
                    self.id = at_line;
                    self.header = Some(h);
                    self.dated_header = true;
                }
                None => self.pending_days = Some((days, span)),
            }
            return vec![];
        }
        if let Some((days, span)) = self.pending_days.take() {
            if filled.len() == days.len() && filled.iter().all(|c| YEAR_CELL.is_match(c)) {
                self.id = at_line;
                self.header = Some(
                    days.iter()
                        .zip(&filled)
                        .map(|(d, y)| dated_col(d, y, span))
                        .collect(),
                );
                return vec![];
            }
        }
        if cs.len() < 2 {
            return vec![];
        }
        // a header: every cell after the first (or every cell) is a period or a change column
        if let Some(h) = header_of(&cs) {
            self.id = at_line;
            self.header = Some(h);
            return vec![];
        }
        let label = cs[0].1;
        if label.chars().any(|c| c.is_ascii_digit())
            && label.chars().filter(|c| c.is_alphabetic()).count() < 3
        {
            return vec![];
        }
        let Some(header) = self.header.clone() else {
            return vec![];
        };
        // never guess a column: a row whose cells do not fit the header is not read
        if cs.len() - 1 != header.len() {
            self.refused.push((
                at_line,
                format!(
                    "table row \"{}\" not read: {} cells for {} columns",
                    label.trim(),
                    cs.len() - 1,
                    header.len()
                ),
            ));
            return vec![];
        }
        // a change column is about the latest period in the header
        let first_period = header
            .iter()
            .filter_map(|c| match c {
                Col::Period(p) => Some(p.clone()),
                _ => None,
            })
            .enumerate()
            .max_by_key(|(i, p)| {
                (
                    crate::period::parse_label(p).year().unwrap_or(0),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, p)| p);
        let line = para.parts[0].line;
        let src_off = para.parts[0].src_offset;
        let mut out = Vec::new();
        for (i, (off, cell)) in cs.iter().enumerate().skip(1) {
            let col = header.get(i - 1).cloned().unwrap_or(Col::Other);
            let read = cell_figure(cell, european).or_else(|| {
                // "Flat" in a change column: no change, in points where the row's levels are percents
                let flat = matches!(col, Col::Change(_))
                    && crate::knowledge::tables::WORDS.direction(cell.trim())
                        == Some(crate::knowledge::tables::Direction::Flat);
                let percent_row = cs[1..].iter().any(|(_, c)| c.trim_end().ends_with('%'));
                let unit = if percent_row { Unit::Pp } else { Unit::Percent };
                let lead = cell.len() - cell.trim_start().len();
                flat.then(|| {
                    let zero = Value::point(Decimal::new(0, 0));
                    (
                        lead,
                        lead + cell.trim().len(),
                        zero,
                        unit,
                        false,
                        Scale::One,
                    )
                })
            });
            let Some((a, b, value, unit, neg, own_scale)) = read else {
                continue;
            };
            let (period_label, basis) = match &col {
                Col::Period(p) => (p.clone(), None),
                Col::Change(bs) => (first_period.clone().unwrap_or_default(), Some(*bs)),
                Col::Other => (first_period.clone().unwrap_or_default(), None),
                // an estimate is of an amount: a percent under it is not read
                Col::Estimate if matches!(unit, Unit::Percent | Unit::Pp | Unit::Bp) => continue,
                Col::Estimate => (first_period.clone().unwrap_or_default(), None),
                Col::Skip => continue,
            };
            let mut unit = unit;
            let mut scale = own_scale;
            let per_share = PER_SHARE_ROW.is_match(label);
            // a cell naming its own scale ("$9.1 billion") is not scaled again by the caption
            if let (Some((cur, sc)), Scale::One) = (&self.caption, own_scale) {
                match &unit {
                    // "$ 1,482" under "(in millions, except per-share data)"
                    Unit::Currency(c) if !per_share => {
                        scale = *sc;
                        self.seen_currency = Some(c.clone());
                    }
                    Unit::Count if !per_share => {
                        // a caption without a currency: the company's own
                        let code = if cur.is_empty() {
                            k.entities
                                .get(entity)
                                .and_then(|e| e.currency.clone())
                                .or_else(|| self.seen_currency.clone())
                        } else {
                            Some(cur.clone())
                        };
                        if let Some(code) = code {
                            unit = Unit::Currency(code);
                            scale = *sc;
                        }
                    }
                    _ => {}
                }
            }
            // the metric from the row label (a segment row in a revenue table is that segment's revenue)
            let fake = numbers::Found {
                start: label.len() + 1,
                end: label.len() + 2,
                value,
                unit: unit.clone(),
                scale,
                qualifier: Qualifier::None,
                negative: neg,
                yen_sign: false,
                streak: false,
                verbal: false,
            };
            let probe = format!("{label} {}", cell.trim());
            let idx = metric::SentenceIndex::new(lex, &probe, &[]);
            let mut attr = metric::attribute(lex, k, &probe, &idx, &fake, None, None);
            if attr.metric.is_none() {
                if let Some(s) = metric::last_subject(lex, label) {
                    attr.metric = Some(MetricId {
                        subject: s,
                        measure: "revenue".into(),
                        scope: None,
                    });
                }
            }
            let kind = match (&unit, basis) {
                // a change column: percents and points alike are changes
                (_, Some(_)) if matches!(unit, Unit::Percent | Unit::Pp | Unit::Bp) => Kind::Growth,
                (Unit::Currency(_), _) => Kind::Level,
                (Unit::Percent, None) => {
                    if attr.kind == Kind::Growth {
                        Kind::Margin
                    } else {
                        attr.kind
                    }
                }
                _ => attr.kind,
            };
            let valid = attr
                .metric
                .as_ref()
                .is_some_and(|m| super::fits(k, m, kind));
            let fig_text = cell.trim()[a - (cell.len() - cell.trim_start().len())..].to_string();
            let fig_text = fig_text[..(b - a).min(fig_text.len())].to_string();
            let value = if neg && !value.lo.is_negative() {
                Value {
                    lo: value.hi.negate(),
                    hi: value.lo.negate(),
                }
            } else {
                value
            };
            let column = match src_off {
                Some(o) => doc
                    .lines
                    .get(line - 1)
                    .map(|l| l[..(o + off + a).min(l.len())].chars().count() + 1)
                    .unwrap_or(0),
                None => 0,
            };
            let figure = Figure {
                text: fig_text,
                value,
                unit,
                scale,
                qualifier: Qualifier::None,
            };
            let cell = crate::model::TableCell {
                table: self.id,
                row: label.trim().to_string(),
                column: col_label(&col),
            };
            out.push(Claim {
                metric: if valid { attr.metric.clone() } else { None },
                kind,
                basis: if kind == Kind::Growth {
                    Some(basis.unwrap_or(Basis::Yoy))
                } else if col == Col::Estimate {
                    Some(Basis::Estimate)
                } else {
                    None
                },
                ..Claim::table_cell(figure, entity, period_label, line, column, cell)
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert_eq!(
            caption("(in millions of U.S. dollars, except per-share data)"),
            Some(("USD".into(), Scale::Million))
        );
        assert_eq!(
            caption("Results (¥ billions)"),
            Some(("JPY".into(), Scale::Billion))
        );
        assert_eq!(
            caption("2. Group results (millions of euros)"),
            Some(("EUR".into(), Scale::Million))
        );
        assert_eq!(
            caption("in billions of Hong Kong dollars"),
            Some(("HKD".into(), Scale::Billion))
        );
        assert_eq!(caption("nothing here"), None);
        assert_eq!(
            caption("(in millions, except per-share data)"),
            Some((String::new(), Scale::Million))
        );
        assert_eq!(
            caption("(dollars in thousands)"),
            Some(("USD".into(), Scale::Thousand))
        );
        assert_eq!(caption("millions of users"), None);
        assert_eq!(
            caption("Revenue by segment ($ in millions)"),
            Some(("USD".into(), Scale::Million))
        );
    }

    #[test]
    fn a_detached_currency_sign_joins_its_amount() {
        let c: Vec<&str> = cells("GAAP net income                   $   212        $   197")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(c, vec!["GAAP net income", "$   212", "$   197"]);
    }

    #[test]
    fn header_cells() {
        assert_eq!(
            header_col("Q3 FY2026"),
            Some(Col::Period("Q3 FY2026".into()))
        );
        assert_eq!(header_col("Y/Y"), Some(Col::Change(Basis::Yoy)));
        assert_eq!(header_col("Revenue"), None);
    }
}
