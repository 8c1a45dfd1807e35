//! Tables whose rows are periods: a header line naming the measures ("Period Sales
//! Operating Income Net Income EPS"), then one line per period ("Jan - Jun, 2024 4,120
//! 512 377 41.2") and perhaps a change line ("YoY +3.1% ..."). Results pages that list a
//! company's years or half-years one under the other use this layout; the lines have
//! no gaps between cells, so the columns are found from the measure names the
//! catalogue knows.
//!
//! Read conservatively: a column's measure is taken only when every word of its label
//! is a catalogue term; once a label holds two or more words the catalogue does not
//! know, the columns after it may be shifted, so their cells are read as figures of no
//! known measure (out of comparisons). Without a caption giving the currency and scale,
//! amounts are counts: never set against money in other articles.

use super::flat::{self, Cell, CellUnit};
use super::metric::{self, TermKind};
use super::periods;
use crate::knowledge::tables::{ChangeBasis, WORDS};
use crate::knowledge::Knowledge;
use crate::model::{
    Basis, Claim, Figure, Kind, MetricId, Qualifier, Scale, TableCell, Unit, Value,
};

/// A column of the header, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: String,
    /// The measure the label names, when every word of it is known and no column
    /// before it may be shifted.
    pub metric: Option<MetricId>,
}

/// A row: a period's figures, or the changes of the latest period.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1-based line.
    pub line: usize,
    pub label: String,
    /// None: a change row.
    pub period: Option<String>,
    pub change: Option<ChangeBasis>,
    /// Byte ranges in the row's line.
    pub cells: Vec<flat::Placed>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// 1-based line of the header.
    pub header_line: usize,
    pub columns: Vec<Column>,
    /// The header names more columns after the known ones (words no measure ends).
    pub more_columns: bool,
    pub rows: Vec<Row>,
    /// Currency and scale from a caption on the header or the line above it.
    pub caption: Option<(String, Scale)>,
}

impl Table {
    /// The lines the table holds (header and rows), 1-based.
    pub fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.header_line).chain(self.rows.iter().map(|r| r.line))
    }
}

/// Words that join the words of one column label ("Profit and Loss", "Income / Share").
const JOINERS: [&str; 7] = ["and", "&", "of", "the", "total", "/", "-"];

/// The header's columns: each ends at a measure the catalogue knows; the words before
/// the first column's terms name the row labels ("Fiscal Year"). Returns the columns
/// and whether words after the last measure name more columns.
fn columns(lex: &metric::Lexicon, k: &Knowledge, header: &str) -> Option<(Vec<Column>, bool)> {
    let terms = lex.terms(header);
    let measures: Vec<usize> = (0..terms.len())
        .filter(|&i| terms[i].kind == TermKind::Measure)
        .collect();
    if measures.len() < 2 {
        return None;
    }
    let mut cols = Vec::new();
    let mut from: Option<usize> = None;
    let mut shifted = false;
    for &mi in &measures {
        let m = &terms[mi];
        // the first column opens at the parts and qualifiers just before its measure
        let start = match from {
            Some(f) => f,
            None => terms[..mi]
                .iter()
                .rev()
                .take_while(|t| t.kind != TermKind::Measure)
                .last()
                .map_or(m.start, |t| t.start),
        };
        let own: Vec<metric::Term> = terms
            .iter()
            .filter(|t| t.start >= start && t.end <= m.end)
            .cloned()
            .collect();
        let label = header[start..m.end].trim();
        let spans: Vec<(usize, usize)> = own.iter().map(|t| (t.start, t.end)).collect();
        let unknown = metric::words_outside(header, start, m.end, &spans, &JOINERS);
        let metric = (unknown == 0 && !shifted)
            .then(|| column_metric(k, &own))
            .flatten();
        // two or more unknown words may be a column of their own: the cells after
        // it cannot be placed with certainty
        if unknown >= 2 {
            shifted = true;
        }
        cols.push(Column {
            label: label.to_string(),
            metric,
        });
        from = Some(m.end);
    }
    let rest = header[from.unwrap_or(header.len())..].trim();
    Some((cols, !rest.is_empty()))
}

/// The metric a column label's terms name: its measure, with the part and qualifier
/// named before it (one of each at most), if the catalogue allows the combination.
fn column_metric(k: &Knowledge, terms: &[metric::Term]) -> Option<MetricId> {
    let (measure, before) = terms.split_last()?;
    let subjects: Vec<&metric::Term> = before
        .iter()
        .filter(|t| t.kind == TermKind::Subject)
        .collect();
    let scopes: Vec<&metric::Term> = before
        .iter()
        .filter(|t| t.kind == TermKind::Scope)
        .collect();
    if subjects.len() > 1 || scopes.len() > 1 || before.iter().any(|t| t.kind == TermKind::Measure)
    {
        return None;
    }
    let m = MetricId {
        subject: subjects
            .first()
            .map_or_else(|| "company".to_string(), |t| t.id.clone()),
        measure: measure.id.clone(),
        scope: scopes.first().map(|t| t.id.clone()),
    };
    k.metrics.validate(&m).is_ok().then_some(m)
}

/// The cells from token `i` on, until a token that is no cell.
fn cells_from(text: &str, toks: &[flat::Tok], mut i: usize) -> Vec<flat::Placed> {
    let mut out = Vec::new();
    while let Some((p, next)) = flat::cell_at(text, toks, i) {
        out.push(p);
        i = next;
    }
    out
}

/// A line read as a row: a period label with its year, then cells; or a change label
/// ("YoY"), then percentages.
fn row(line: &str, number: usize) -> Option<Row> {
    // (cheap tests first: this runs on the line after every line with no digit)
    line.bytes().filter(u8::is_ascii_digit).nth(1)?;
    let lead = line.len() - line.trim_start().len();
    // a row's period label is short: it is looked for in the line's first 80 bytes
    let head = &line[lead..super::numbers::floor_char(line, lead + 80)];
    let label = periods::label_at_start(head);
    let ahead: Vec<&str> = line.split_whitespace().take(4).collect();
    if label.is_none() && WORDS.change_label(&ahead).is_none() {
        return None;
    }
    let toks = flat::tokens(line);
    let first = toks.first()?;
    if let Some(m) = label {
        let end = first.start + m.end;
        let at = toks.iter().position(|t| t.start >= end)?;
        // the label ends at a token boundary
        if toks[at - 1].end > end {
            return None;
        }
        let cells = cells_from(line, &toks, at);
        let numbers = cells
            .iter()
            .filter(|c| matches!(c.cell, Cell::Num { .. }))
            .count();
        return (numbers >= 2).then(|| Row {
            line: number,
            label: m.text,
            period: Some(line[first.start..end].trim().to_string()),
            change: None,
            cells,
        });
    }
    let ahead: Vec<&str> = toks.iter().take(4).map(|t| &line[t.start..t.end]).collect();
    let (basis, n) = WORDS.change_label(&ahead)?;
    let cells = cells_from(line, &toks, n);
    let percents = cells.iter().all(|c| match c.cell {
        Cell::Num { unit, .. } => matches!(unit, CellUnit::Percent | CellUnit::Pp),
        Cell::Empty => true,
    });
    (!cells.is_empty() && percents && cells.len() + n == toks.len()).then(|| Row {
        line: number,
        label: ahead[..n].join(" "),
        period: None,
        change: Some(basis),
        cells,
    })
}

/// Period-row tables among an article's lines (`skipped`: chrome, never read).
pub fn find(
    lines: &[String],
    skipped: &std::collections::BTreeSet<usize>,
    lex: &metric::Lexicon,
    k: &Knowledge,
) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let header = lines[i].trim();
        let candidate = !skipped.contains(&(i + 1))
            && !header.is_empty()
            && header.split_whitespace().count() <= 30
            && !header.bytes().any(|b| b.is_ascii_digit());
        if !candidate {
            i += 1;
            continue;
        }
        let mut rows = Vec::new();
        let mut j = i + 1;
        while let Some(r) = lines
            .get(j)
            .filter(|_| !skipped.contains(&(j + 1)))
            .and_then(|l| row(l, j + 1))
        {
            rows.push(r);
            j += 1;
        }
        let periods = rows.iter().filter(|r| r.period.is_some()).count();
        if periods < 2 {
            i += 1;
            continue;
        }
        let Some((cols, more)) = columns(lex, k, header) else {
            i += 1;
            continue;
        };
        // every period row has a cell for each column the header names (no fewer; more
        // only where the header names more columns)
        let fits = rows
            .iter()
            .filter(|r| r.period.is_some())
            .all(|r| r.cells.len() == cols.len() || more && r.cells.len() > cols.len());
        if !fits {
            i += 1;
            continue;
        }
        let caption = super::flat::unit_of(header).or_else(|| {
            i.checked_sub(1)
                .and_then(|p| lines.get(p))
                .and_then(|l| super::flat::unit_of(l))
        });
        out.push(Table {
            header_line: i + 1,
            columns: cols,
            more_columns: more,
            rows,
            caption,
        });
        i = j;
    }
    out
}

/// "Jan - Jun, 2025" and "Jan - Jun, 2024": one label but for the year.
fn year_apart(later: &str, earlier: &str) -> bool {
    let year = |s: &str| -> Option<(i32, String)> {
        let toks: Vec<&str> = s.split_whitespace().collect();
        let pos = toks.iter().rposition(|w| {
            let d: String = w.chars().filter(char::is_ascii_digit).collect();
            d.len() == 4
        })?;
        let w = toks[pos];
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        let rest: String = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if i == pos {
                    w.replace(&digits, "#")
                } else {
                    t.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        Some((digits.parse().ok()?, rest))
    };
    matches!((year(later), year(earlier)), (Some((a, x)), Some((b, y))) if a == b + 1 && x == y)
}

/// The period a change row's cells belong to, and their basis: the latest period
/// row that has a row a year before it (year on year), or the latest row where the
/// label names the comparison.
fn change_period(rows: &[Row], basis: ChangeBasis) -> Option<(String, Basis)> {
    let labels: Vec<&String> = rows.iter().filter_map(|r| r.period.as_ref()).collect();
    let year_of = |s: &str| crate::period::parse_label(s).year().unwrap_or(i32::MIN);
    match basis {
        ChangeBasis::Known(b) => {
            let latest = labels.iter().max_by_key(|l| year_of(l))?;
            let ties = labels
                .iter()
                .filter(|l| year_of(l) == year_of(latest))
                .count();
            (ties == 1).then(|| ((*latest).clone(), b))
        }
        ChangeBasis::FromPeriods => {
            let with_prior: Vec<&&String> = labels
                .iter()
                .filter(|l| labels.iter().any(|e| year_apart(l, e)))
                .collect();
            let latest = with_prior.iter().max_by_key(|l| year_of(l))?;
            let ties = with_prior
                .iter()
                .filter(|l| year_of(l) == year_of(latest))
                .count();
            (ties == 1).then(|| ((**latest).clone(), Basis::Yoy))
        }
    }
}

/// What the claims of a table are read with.
pub struct Cx<'a> {
    pub lines: &'a [String],
    pub k: &'a Knowledge,
    pub entity: &'a str,
}

/// The claims of a table: one per cell that states a figure.
pub fn claims(cx: &Cx, t: &Table) -> Vec<Claim> {
    let mut out = Vec::new();
    for r in &t.rows {
        let (period, kind, basis) = match (&r.period, r.change) {
            (Some(p), _) => (p.clone(), Kind::Level, None),
            (None, Some(b)) => match change_period(&t.rows, b) {
                Some((p, basis)) => (p, Kind::Growth, Some(basis)),
                None => continue,
            },
            (None, None) => continue,
        };
        let line = cx.lines.get(r.line - 1).map_or("", String::as_str);
        for (i, c) in r.cells.iter().enumerate() {
            let Cell::Num {
                value,
                unit,
                currency,
                ..
            } = &c.cell
            else {
                continue;
            };
            let (unit, scale, kind) = match (unit, kind) {
                (CellUnit::Percent, Kind::Growth) => (Unit::Percent, Scale::One, kind),
                (CellUnit::Pp, Kind::Growth) => (Unit::Pp, Scale::One, kind),
                (_, Kind::Growth) => continue,
                (CellUnit::Percent, _) => (Unit::Percent, Scale::One, Kind::Margin),
                (CellUnit::Plain, _) => match (currency, &t.caption) {
                    (Some(code), _) => (Unit::Currency(code.to_string()), Scale::One, kind),
                    (None, Some((code, scale))) if !code.is_empty() => {
                        (Unit::Currency(code.clone()), *scale, kind)
                    }
                    // no unit stated: a count, never set against money
                    _ => (Unit::Count, Scale::One, kind),
                },
                _ => continue,
            };
            // a cell under a column the header does not name is not read
            let Some(col) = t.columns.get(i) else {
                continue;
            };
            let metric = col.metric.clone().filter(|m| super::fits(cx.k, m, kind));
            let figure = Figure {
                text: line[c.start..c.end].to_string(),
                value: Value::point(*value),
                unit,
                scale,
                qualifier: Qualifier::None,
            };
            let cell = TableCell {
                table: t.header_line,
                row: r.label.clone(),
                column: col.label.clone(),
            };
            let column = line[..c.start].chars().count() + 1;
            out.push(Claim {
                metric,
                kind,
                basis,
                ..Claim::table_cell(figure, cx.entity, period.clone(), r.line, column, cell)
            });
        }
    }
    out
}

/// The paragraphs without the tables' lines: a paragraph is cut where a table line
/// was, and the rest of it kept.
pub fn cut(doc: &mut super::document::Doc, tables: &[Table]) {
    use super::document::{Para, Part};
    let gone: std::collections::BTreeSet<usize> = tables.iter().flat_map(Table::lines).collect();
    if gone.is_empty() {
        return;
    }
    let mut out: Vec<Para> = Vec::with_capacity(doc.paras.len());
    for p in std::mem::take(&mut doc.paras) {
        if !p.parts.iter().any(|x| gone.contains(&x.line)) {
            out.push(p);
            continue;
        }
        // runs of parts that stay
        let mut runs: Vec<Vec<&Part>> = vec![Vec::new()];
        for x in &p.parts {
            if gone.contains(&x.line) {
                runs.push(Vec::new());
            } else if let Some(r) = runs.last_mut() {
                r.push(x);
            }
        }
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            let a = run[0].offset;
            let last = run[run.len() - 1];
            let b = last.offset + last.len;
            out.push(Para {
                kind: p.kind,
                text: p.text[a..b].to_string(),
                parts: run
                    .iter()
                    .map(|x| Part {
                        offset: x.offset - a,
                        ..(*x).clone()
                    })
                    .collect(),
                links: p
                    .links
                    .iter()
                    .filter(|(s, e, _)| *s >= a && *e <= b)
                    .map(|(s, e, h)| (s - a, e - a, h.clone()))
                    .collect(),
            });
        }
    }
    doc.paras = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> (Knowledge, metric::Lexicon) {
        let k = Knowledge::embedded();
        let lex = metric::Lexicon::new(&k);
        (k, lex)
    }

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    const HALVES: &str = "Half-year results\n\
Period Revenue Operating Income Net Income\n\
Jan - Jun, 2024 4,120 512 377\n\
Jan - Jun, 2025 4,388 545 402\n\
YoY +6.5% +6.4% +6.6%\n\
The board met in July.";

    #[test]
    fn rows_of_periods_under_a_header_of_measures() {
        let (k, lex) = lex();
        let ls = lines(HALVES);
        let t = find(&ls, &Default::default(), &lex, &k);
        assert_eq!(t.len(), 1, "{t:?}");
        let t = &t[0];
        assert_eq!(t.header_line, 2);
        let measures: Vec<Option<&str>> = t
            .columns
            .iter()
            .map(|c| c.metric.as_ref().map(|m| m.measure.as_str()))
            .collect();
        assert_eq!(
            measures,
            vec![
                Some("revenue"),
                Some("operating-income"),
                Some("net-income")
            ]
        );
        assert!(!t.more_columns);
        assert_eq!(t.rows.len(), 3);
        let cx = Cx {
            lines: &ls,
            k: &k,
            entity: "Vellora Group",
        };
        let cs = claims(&cx, t);
        assert_eq!(cs.len(), 9);
        let first = &cs[0];
        assert_eq!(first.figure.text, "4,120");
        assert_eq!(first.period.label, "Jan - Jun, 2024");
        // no caption: an amount of unknown currency and scale is a count
        assert_eq!(first.figure.unit, Unit::Count);
        assert_eq!(first.span.line, 3);
        let growth = &cs[6];
        assert_eq!(growth.figure.text, "+6.5%");
        assert_eq!(growth.kind, Kind::Growth);
        assert_eq!(growth.basis, Some(Basis::Yoy));
        assert_eq!(growth.period.label, "Jan - Jun, 2025");
        assert_eq!(
            growth.metric.as_ref().map(|m| m.measure.as_str()),
            Some("revenue")
        );
    }

    #[test]
    fn the_tables_lines_leave_the_prose_around_them() {
        let (k, lex) = lex();
        let ls = lines(HALVES);
        let t = find(&ls, &Default::default(), &lex, &k);
        let mut doc = super::super::document::from_lines(ls, 0);
        cut(&mut doc, &t);
        let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.iter().all(|t| !t.contains("4,120")), "{texts:?}");
        assert!(texts.contains(&"The board met in July."), "{texts:?}");
    }

    #[test]
    fn an_unknown_word_run_leaves_the_later_columns_unread() {
        let (k, lex) = lex();
        // "Order Book Backlog" may be one column or up to three: the columns after it
        // (the catalogue's backlog, operating income, net income, staff) may be shifted
        let ls = lines(
            "Year Revenue Order Book Backlog Operating Income Net Income Staff\n\
FY2023 812 95 71 44 3,100\n\
FY2024 860 101 80 52 3,240",
        );
        let t = find(&ls, &Default::default(), &lex, &k);
        assert_eq!(t.len(), 1, "{t:?}");
        let m: Vec<bool> = t[0].columns.iter().map(|c| c.metric.is_some()).collect();
        assert_eq!(m, vec![true, false, false, false, false]);
    }

    #[test]
    fn a_caption_gives_currency_and_scale() {
        let (k, lex) = lex();
        let ls = lines(
            "(in millions of euros)\n\
Fiscal year Revenue Net income\n\
FY2023 1,204 88\n\
FY2024 1,310 97",
        );
        let t = find(&ls, &Default::default(), &lex, &k);
        assert_eq!(t.len(), 1, "{t:?}");
        let cx = Cx {
            lines: &ls,
            k: &k,
            entity: "Vellora Group",
        };
        let cs = claims(&cx, &t[0]);
        assert_eq!(cs[0].figure.unit, Unit::Currency("EUR".into()));
        assert_eq!(cs[0].figure.scale, Scale::Million);
    }

    #[test]
    fn rows_that_do_not_fit_the_header_are_no_table() {
        let (k, lex) = lex();
        // three cells under two measures and nothing after them in the header
        let ls = lines("Year Revenue Net income\nFY2023 1,204 88 7\nFY2024 1,310 97 9");
        assert!(find(&ls, &Default::default(), &lex, &k).is_empty());
        // one period row is no table
        let ls = lines("Year Revenue Net income\nFY2024 1,310 97");
        assert!(find(&ls, &Default::default(), &lex, &k).is_empty());
        // prose under a line of measures
        let ls = lines(
            "Revenue and net income\nIn 2024 sales were 1,310 and 97 in profit.\nIn 2023 they were 1,204 and 88.",
        );
        assert!(find(&ls, &Default::default(), &lex, &k).is_empty());
    }

    #[test]
    fn a_change_row_needs_a_year_apart_to_know_its_basis() {
        assert!(year_apart("Jan - Jun, 2025", "Jan - Jun, 2024"));
        assert!(year_apart("FY2025", "FY2024"));
        assert!(!year_apart("Q3 2025", "Q2 2025"));
        assert!(!year_apart("FY2025", "FY2023"));
    }
}
