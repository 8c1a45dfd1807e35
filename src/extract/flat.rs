//! Tables flattened onto one paragraph, as release tables arrive once copied to
//! text: "Q3 2025 Q3 2024 Y/Y Revenue ($M) $5,412 $4,880 Up 11% Gross margin 51%
//! 49% Up 2 ppts". A header of column labels (periods, change columns), then
//! rows: a label, then exactly as many cells as there are columns. A row whose
//! cells do not fit is refused, and so is a table whose periods cannot be read.

use super::{numbers, periods};
use crate::knowledge::tables::{ChangeBasis, Direction, WORDS};
use crate::model::{Decimal, Scale};
use regex::Regex;
use std::sync::LazyLock;

/// A column of a flattened table.
#[derive(Clone, Debug, PartialEq)]
pub enum FlatCol {
    Period(String),
    Change(ChangeBasis),
}

/// The header: columns and their labels as written, and the caption before them.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub cols: Vec<FlatCol>,
    pub labels: Vec<String>,
    /// The words before the columns ("Segment revenue ($M)").
    pub caption: String,
}

/// What a cell's number counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellUnit {
    Plain,
    Percent,
    Pp,
    Bp,
}

/// A cell: nothing stated ("n/a", "—"), or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Num {
        value: Decimal,
        unit: CellUnit,
        currency: Option<&'static str>,
        /// Written as a change ("Up 36%", "Flat").
        change: bool,
        /// "Flat": a change of zero in whatever unit the row's changes use.
        flat: bool,
    },
}

/// A cell and where it is written (byte range in the paragraph).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub start: usize,
    pub end: usize,
    pub cell: Cell,
}

/// A row: its label as written, where it starts, and its cells in column order.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub start: usize,
    pub cells: Vec<Placed>,
}

/// What a paragraph is, read as a flattened table.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    NotATable,
    /// Only a header: rows may follow in the next paragraphs.
    HeaderOnly(Header),
    Table {
        header: Header,
        rows: Vec<Row>,
        /// Rows refused: where they start and why.
        refused: Vec<(usize, String)>,
        /// Where the table ends (the text after it is not read as the table).
        end: usize,
    },
    /// Rows whose header gives no period: nothing is read from them.
    Refused(String),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
}

pub(super) fn tokens(text: &str) -> Vec<Tok> {
    // "( 2 )": a footnote marker written with spaces is one token
    static TOK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\s+\d{1,2}\s+\)|\S+").expect("tokens"));
    TOK.find_iter(text)
        .map(|m| Tok {
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

fn word<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &text[t.start..t.end])
}

/// "(1)", "( 2 )": a footnote marker.
fn is_footnote(w: &str) -> bool {
    static NOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\(\s*\d{1,2}\s*\)$").expect("footnote"));
    NOTE.is_match(w)
}

static NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([+\-\x{2212}]?)(US\$|HK\$|C\$|A\$|S\$|\$|€|£|¥|₩)?([+\-\x{2212}]?)(\()?([+\-\x{2212}]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(\))?(%)?(\))?$")
        .expect("cell number")
});

/// A number cell at token `i`: "$9,246", "$(134)", "(2)%", "1.1 pts", "$ 1,482".
fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<(Placed, usize)> {
    let w = word(text, toks, i);
    // a currency sign set apart from its amount
    if let Some(code) = numbers::currency_of(w).filter(|_| !w.chars().any(char::is_alphabetic)) {
        let (mut p, next) = number_at(text, toks, i + 1)?;
        if let Cell::Num { currency, .. } = &mut p.cell {
            if currency.is_some() {
                return None;
            }
            *currency = Some(code);
        }
        p.start = toks[i].start;
        return Some((p, next));
    }
    // (a cell's number has a digit: most tokens of prose have none, and skip the regex)
    if !w.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let c = NUM.captures(w)?;
    let open = c.get(4).is_some();
    let close = c.get(7).is_some() || c.get(9).is_some();
    if open != close {
        return None;
    }
    let minus = [1, 3, 5].iter().any(|&g| {
        c.get(g)
            .is_some_and(|m| matches!(m.as_str(), "-" | "\u{2212}"))
    });
    let mut value = Decimal::parse(&c[6])?;
    if minus || open {
        value = value.negate();
    }
    let mut unit = if c.get(8).is_some() {
        CellUnit::Percent
    } else {
        CellUnit::Plain
    };
    let mut next = i + 1;
    let mut end = toks[i].end;
    let after = word(text, toks, next);
    if WORDS.is_point_unit(after) || WORDS.is_basis_point_unit(after) {
        unit = if WORDS.is_point_unit(after) {
            CellUnit::Pp
        } else {
            CellUnit::Bp
        };
        end = toks[next].end;
        next += 1;
    }
    let currency = c.get(2).and_then(|m| numbers::currency_of(m.as_str()));
    let cell = Cell::Num {
        value,
        unit,
        currency,
        change: false,
        flat: false,
    };
    let start = toks[i].start;
    Some((Placed { start, end, cell }, next))
}

/// A cell at token `i`: a number, a change ("Up 36%", "Down 4%", "Flat"), or an empty cell.
pub(super) fn cell_at(text: &str, toks: &[Tok], i: usize) -> Option<(Placed, usize)> {
    let w = word(text, toks, i);
    let t = toks.get(i)?;
    if WORDS.is_empty_cell(w) {
        let cell = Cell::Empty;
        return Some((
            Placed {
                start: t.start,
                end: t.end,
                cell,
            },
            i + 1,
        ));
    }
    match WORDS.direction(w) {
        Some(Direction::Flat) => {
            let cell = Cell::Num {
                value: Decimal::new(0, 0),
                unit: CellUnit::Percent,
                currency: None,
                change: true,
                flat: true,
            };
            Some((
                Placed {
                    start: t.start,
                    end: t.end,
                    cell,
                },
                i + 1,
            ))
        }
        Some(d) => {
            let (mut p, next) = number_at(text, toks, i + 1)?;
            if let Cell::Num { value, change, .. } = &mut p.cell {
                if d == Direction::Down && !value.is_negative() {
                    *value = value.negate();
                }
                *change = true;
            }
            p.start = t.start;
            Some((p, next))
        }
        None => number_at(text, toks, i),
    }
}

/// "three months ended September 30, " of "Three Months Ended September 30, 2025": the
/// part a bare year after it completes ("2024": the same quarter a year before).
fn dated_prefix(label: &str) -> Option<String> {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.*\bended?(?:ing)?\s+\S+\s+\d{1,2},?\s+)(?:19|20)\d{2}$").expect("dated")
    });
    DATED.captures(label).map(|c| c[1].to_string())
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// The header at the start of `text`: caption words, then column labels. Returns it
/// and the index of the first token after it.
fn header(text: &str, toks: &[Tok]) -> Option<(Header, usize)> {
    let ms: Vec<periods::Mention> = periods::find(text)
        .into_iter()
        .filter(|m| !m.is_relative() && m.has_year())
        .collect();
    let first = ms.first()?;
    let at = toks.iter().position(|t| t.start >= first.start)?;
    // the caption: a few words, no figures
    if toks[at].start != first.start
        || at > 16
        || (0..at).any(|i| cell_at(text, toks, i).is_some_and(|(p, _)| p.cell != Cell::Empty))
    {
        return None;
    }
    let mut h = Header {
        cols: Vec::new(),
        labels: Vec::new(),
        caption: text[..toks[at].start].trim().to_string(),
    };
    let mut dated: Option<String> = None;
    let mut i = at;
    while i < toks.len() {
        let t = toks[i];
        let w = word(text, toks, i);
        if let Some(prefix) = dated.as_ref().filter(|_| is_year(w)) {
            let label = format!("{prefix}{w}");
            h.cols.push(FlatCol::Period(label.clone()));
            h.labels.push(label);
            i += 1;
            continue;
        }
        if let Some(m) = ms.iter().find(|m| m.start == t.start) {
            h.cols.push(FlatCol::Period(m.text.clone()));
            h.labels.push(m.text.clone());
            dated = dated_prefix(&m.text);
            i = toks
                .iter()
                .position(|x| x.start >= m.end)
                .unwrap_or(toks.len());
            continue;
        }
        if is_footnote(w) && matches!(h.cols.last(), Some(FlatCol::Period(_))) {
            i += 1;
            continue;
        }
        let ahead: Vec<&str> = (i..(i + 4).min(toks.len()))
            .map(|j| word(text, toks, j))
            .collect();
        if let Some((basis, n)) = WORDS.change_label(&ahead) {
            h.cols.push(FlatCol::Change(basis));
            h.labels
                .push(text[t.start..toks[i + n - 1].end].to_string());
            i += n;
            dated = None;
            continue;
        }
        break;
    }
    (h.cols.len() >= 2).then_some((h, i))
}

/// A label token that ends a sentence: the table is over, prose goes on.
fn ends_sentence(w: &str) -> bool {
    (w.ends_with('.') || w.ends_with('!') || w.ends_with('?'))
        && w.chars().filter(|c| c.is_alphabetic()).count() > 3
}

/// "Net orders 3": a footnote digit after a row label, read as one cell too many.
fn footnote_digit(text: &str, p: &Placed) -> bool {
    let w = &text[p.start..p.end];
    w.len() == 1 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Groups of a label and the cells after it, from token `from`; `n`: the cells a row
/// must have (None: any). Stops at words not followed by cells or a sentence.
fn groups(text: &str, toks: &[Tok], from: usize) -> (Vec<(usize, usize, Vec<Placed>)>, usize) {
    let mut out = Vec::new();
    let mut i = from;
    while i < toks.len() {
        let ls = i;
        if number_at(text, toks, i).is_some() {
            break;
        }
        i += 1;
        while i < toks.len() && cell_at(text, toks, i).is_none() {
            i += 1;
        }
        let sentence = (ls..i).any(|j| ends_sentence(word(text, toks, j)));
        let mut cells = Vec::new();
        while let Some((p, next)) = cell_at(text, toks, i) {
            cells.push(p);
            i = next;
        }
        if i - ls > 12 + cells.len() * 3 || sentence || cells.is_empty() {
            return (out, toks[ls].start);
        }
        out.push((ls, i, cells));
    }
    (out, text.len())
}

/// The rows after the header, each with exactly `n` cells; the others refused.
fn rows(
    text: &str,
    toks: &[Tok],
    from: usize,
    n: usize,
) -> (Vec<Row>, Vec<(usize, String)>, usize) {
    let (gs, end) = groups(text, toks, from);
    let mut rows = Vec::new();
    let mut refused = Vec::new();
    for (ls, _, mut cells) in gs {
        let label_end = cells.first().map_or(text.len(), |c| c.start);
        let label = text[toks[ls].start..label_end].trim().to_string();
        if cells.len() == n + 1 && footnote_digit(text, &cells[0]) {
            cells.remove(0);
        }
        if cells.len() != n {
            refused.push((
                toks[ls].start,
                format!(
                    "table row \"{label}\" not read: {} cells for {n} columns",
                    cells.len()
                ),
            ));
            continue;
        }
        rows.push(Row {
            label,
            start: toks[ls].start,
            cells,
        });
    }
    (rows, refused, end)
}

/// Reads a paragraph as a flattened table; `pending`: a header read from the
/// paragraph before, whose rows this paragraph may hold.
pub fn read(text: &str, pending: Option<&Header>) -> Outcome {
    let toks = tokens(text);
    if let Some((h, at)) = header(text, &toks) {
        if at == toks.len() {
            return Outcome::HeaderOnly(h);
        }
        let (rows, refused, end) = rows(text, &toks, at, h.cols.len());
        if rows.is_empty() && refused.is_empty() {
            return Outcome::NotATable;
        }
        return Outcome::Table {
            header: h,
            rows,
            refused,
            end,
        };
    }
    if let Some(h) = pending {
        let (rows, refused, end) = rows(text, &toks, 0, h.cols.len());
        if end == text.len() && !(rows.is_empty() && refused.is_empty()) {
            return Outcome::Table {
                header: h.clone(),
                rows,
                refused,
                end,
            };
        }
    }
    // label and cells, again and again, under column labels that name no period
    let (gs, end) = groups(text, &toks, 0);
    if end == text.len() && gs.len() >= 2 && gs.iter().all(|(_, _, c)| c.len() >= 2) {
        return Outcome::Refused(
            "table not read: its header names no period for the columns".to_string(),
        );
    }
    Outcome::NotATable
}

/// The currency and scale a caption or row label names ("($M)", "(in millions)").
pub fn unit_of(text: &str) -> Option<(String, Scale)> {
    super::table::caption(text).or_else(|| {
        static INNER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("parenthesis"));
        INNER
            .find_iter(text)
            .find_map(|m| super::table::caption(m.as_str()))
    })
}

/// Paragraphs the layout joined across a blank line (a line that does not end a
/// sentence goes on after it) are split there when a part is a flattened table:
/// the table and the prose around it are read apart.
pub fn split_at_tables(doc: &mut super::document::Doc) {
    use super::document::Para;
    let mut out: Vec<Para> = Vec::with_capacity(doc.paras.len());
    for p in std::mem::take(&mut doc.paras) {
        // where a part starts after a blank line
        let cuts: Vec<usize> = p
            .parts
            .windows(2)
            .filter(|w| w[1].line > w[0].line + 1)
            .map(|w| w[1].offset)
            .collect();
        let bounds: Vec<(usize, usize)> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(cuts.iter().copied().chain(std::iter::once(p.text.len())))
            .collect();
        let tabular = |&(a, b): &(usize, usize)| {
            !matches!(read(p.text[a..b].trim_end(), None), Outcome::NotATable)
        };
        if cuts.is_empty() || !bounds.iter().any(tabular) {
            out.push(p);
            continue;
        }
        for (a, b) in bounds {
            let end = if b < p.text.len() { b - 1 } else { b };
            out.push(Para {
                kind: p.kind,
                text: p.text[a..end].to_string(),
                parts: p
                    .parts
                    .iter()
                    .filter(|x| x.offset >= a && x.offset < end)
                    .map(|x| super::document::Part {
                        offset: x.offset - a,
                        ..x.clone()
                    })
                    .collect(),
                links: p
                    .links
                    .iter()
                    .filter(|(s, e, _)| *s >= a && *e <= end)
                    .map(|(s, e, h)| (s - a, e - a, h.clone()))
                    .collect(),
            });
        }
    }
    doc.paras = out;
}

/// What the claims of a flattened table are read with.
pub struct Cx<'a> {
    pub para: &'a super::document::Para,
    pub doc: &'a super::document::Doc,
    pub k: &'a crate::knowledge::Knowledge,
    pub lex: &'a super::metric::Lexicon,
    pub entity: &'a str,
    /// A caption read before the table ("Amounts in millions of euros").
    pub caption: Option<(String, Scale)>,
    /// The table's number in its article.
    pub table: usize,
}

/// Quarter-on-quarter when the change column compares adjacent quarters, else year on year.
fn basis_between(current: &str, prior: &str) -> crate::model::Basis {
    use crate::model::Basis;
    use crate::period::{parse_label, Expr};
    let index = |e: Expr| match e {
        Expr::Quarter {
            q, year: Some(y), ..
        } => Some(y * 4 + q as i32),
        Expr::QuarterEnding {
            month,
            year: Some(y),
        } => Some(y * 4 + month.div_ceil(3) as i32),
        _ => None,
    };
    match (index(parse_label(current)), index(parse_label(prior))) {
        (Some(a), Some(b)) if a - b == 1 => Basis::Qoq,
        _ => Basis::Yoy,
    }
}

/// Each change column's basis and the period its cells take (the first period column).
fn change_periods(h: &Header) -> Vec<Option<(String, crate::model::Basis)>> {
    let periods: Vec<&String> = h
        .cols
        .iter()
        .filter_map(|c| match c {
            FlatCol::Period(p) => Some(p),
            FlatCol::Change(_) => None,
        })
        .collect();
    let Some(first) = periods.first() else {
        return vec![None; h.cols.len()];
    };
    h.cols
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            FlatCol::Period(_) => None,
            FlatCol::Change(ChangeBasis::Known(b)) => Some(((*first).clone(), *b)),
            FlatCol::Change(ChangeBasis::FromPeriods) => {
                // the period compared with: the last period column before this one, but the first
                let prior = h.cols[..i]
                    .iter()
                    .rev()
                    .find_map(|c| match c {
                        FlatCol::Period(p) if p != *first => Some(p),
                        _ => None,
                    })
                    .or(periods.get(1).copied());
                let basis = prior.map_or(crate::model::Basis::Yoy, |p| basis_between(first, p));
                Some(((*first).clone(), basis))
            }
        })
        .collect()
}

/// "Operating income (loss) ($M)" -> "Operating income (loss)": a label without its unit
/// and footnote markers, to find its metric in.
fn bare_label(label: &str) -> String {
    static PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([^()]*\)").expect("paren"));
    let out = PAREN.replace_all(label, |c: &regex::Captures| {
        let inner = &c[0];
        if unit_of(inner).is_some() || is_footnote(inner.trim()) {
            String::new()
        } else {
            inner.to_string()
        }
    });
    out.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .to_string()
}

/// The row's metric and the kind its level cells have, read from its label (a
/// segment row under "Segment revenue" is that segment's revenue).
fn row_metric(
    cx: &Cx,
    caption: &str,
    label: &str,
    sample: (&str, Decimal, Scale),
    unit: &crate::model::Unit,
) -> (Option<crate::model::MetricId>, crate::model::Kind) {
    let (sample, value, scale) = sample;
    use super::metric;
    use crate::model::{Kind, MetricId, Qualifier, Unit, Value};
    let probe = format!("{label} {sample}");
    let found = |unit: Unit| numbers::Found {
        start: label.len() + 1,
        end: probe.len(),
        value: Value::point(value),
        unit,
        scale,
        qualifier: Qualifier::None,
        negative: false,
        yen_sign: false,
        streak: false,
        verbal: false,
    };
    let idx = metric::SentenceIndex::new(cx.lex, &probe, &[]);
    let attr = metric::attribute(cx.lex, cx.k, &probe, &idx, &found(unit.clone()), None, None);
    let kind = match unit {
        Unit::Currency(_) => Kind::Level,
        Unit::Percent => Kind::Margin,
        _ => attr.kind,
    };
    let mut m = attr.metric.or_else(|| {
        let subject = metric::last_subject(cx.lex, label)?;
        let cap = format!("{caption} 1");
        let idx = metric::SentenceIndex::new(cx.lex, &cap, &[]);
        let measure = metric::attribute(cx.lex, cx.k, &cap, &idx, &found(unit.clone()), None, None)
            .metric
            .map_or("revenue".to_string(), |m| m.measure);
        Some(MetricId {
            subject,
            measure,
            scope: None,
        })
    });
    // "Non-GAAP Results" over the table qualifies each row that names no qualifier of its own
    if let (Some(m), Some(q)) = (m.as_mut(), metric::lead_qualifier(cx.k, caption)) {
        let applies =
            cx.k.metrics
                .qualifiers
                .iter()
                .any(|x| x.id == q && x.applies_to(&m.measure));
        if m.scope.is_none() && applies {
            m.scope = Some(q);
        }
    }
    (m, kind)
}

/// The claims of a flattened table's rows, one per cell that states a figure.
pub fn claims(cx: &Cx, h: &Header, rows: &[Row]) -> Vec<crate::model::Claim> {
    let changes = change_periods(h);
    let text = &cx.para.text;
    // a currency written on some cell ("$9,246") is the table's
    let seen = rows
        .iter()
        .flat_map(|r| &r.cells)
        .find_map(|c| match c.cell {
            Cell::Num { currency, .. } => currency,
            Cell::Empty => None,
        });
    let mut out = Vec::new();
    for row in rows {
        out.extend(row_claims(cx, h, &changes, row, text, seen));
    }
    out
}

/// The unit and scale of a level cell: its own currency sign or the row's or table's
/// caption, scaled unless the row is per share.
fn level_unit(
    cx: &Cx,
    cell: &Cell,
    row_unit: &Option<(String, Scale)>,
    per_share: bool,
    seen: Option<&'static str>,
) -> Option<(crate::model::Unit, Scale)> {
    use crate::model::Unit;
    let Cell::Num { unit, currency, .. } = cell else {
        return None;
    };
    let scale = row_unit
        .as_ref()
        .filter(|_| !per_share)
        .map_or(Scale::One, |(_, s)| *s);
    Some(match unit {
        CellUnit::Percent => (Unit::Percent, Scale::One),
        CellUnit::Pp => (Unit::Pp, Scale::One),
        CellUnit::Bp => (Unit::Bp, Scale::One),
        CellUnit::Plain => {
            let code = currency
                .map(String::from)
                .or_else(|| {
                    row_unit
                        .as_ref()
                        .map(|(c, _)| c.clone())
                        .filter(|c| !c.is_empty())
                })
                .or_else(|| {
                    cx.k.entities
                        .get(cx.entity)
                        .and_then(|e| e.currency.clone())
                })
                .or_else(|| seen.map(String::from));
            match code {
                Some(c) => (Unit::Currency(c), scale),
                None => (Unit::Count, scale),
            }
        }
    })
}

fn row_claims(
    cx: &Cx,
    h: &Header,
    changes: &[Option<(String, crate::model::Basis)>],
    row: &Row,
    text: &str,
    seen: Option<&'static str>,
) -> Vec<crate::model::Claim> {
    use crate::model::{Claim, Figure, Kind, Qualifier, TableCell, Unit, Value};
    let row_unit = unit_of(&row.label)
        .or_else(|| unit_of(&h.caption))
        .or_else(|| cx.caption.clone());
    let per_share = super::table::PER_SHARE_ROW.is_match(&row.label);
    let label = bare_label(&row.label);
    // the row's metric, read with its first level cell
    let level_cells: Vec<(&Placed, (Unit, Scale))> = row
        .cells
        .iter()
        .zip(&h.cols)
        .filter(|(_, c)| matches!(c, FlatCol::Period(_)))
        .filter_map(|(p, _)| Some((p, level_unit(cx, &p.cell, &row_unit, per_share, seen)?)))
        .collect();
    let (sample, sample_unit) = level_cells
        .first()
        .and_then(|(p, (u, s))| match p.cell {
            Cell::Num { value, .. } => {
                let v = if value.is_negative() {
                    value.negate()
                } else {
                    value
                };
                Some(((&text[p.start..p.end], v, *s), u.clone()))
            }
            Cell::Empty => None,
        })
        .unwrap_or((("1%", Decimal::new(1, 0), Scale::One), Unit::Percent));
    let (metric, level_kind) = row_metric(cx, &h.caption, &label, sample, &sample_unit);
    let percent_row = sample_unit == Unit::Percent;
    let mut out = Vec::new();
    for (i, p) in row.cells.iter().enumerate() {
        let Cell::Num {
            value,
            unit,
            change,
            flat,
            ..
        } = &p.cell
        else {
            continue;
        };
        let (period, kind, basis, unit, scale) = match (&h.cols[i], &changes[i]) {
            (FlatCol::Period(label), _) if !change => {
                let Some((u, s)) = level_unit(cx, &p.cell, &row_unit, per_share, seen) else {
                    continue;
                };
                (label.clone(), level_kind, None, u, s)
            }
            (FlatCol::Change(_), Some((period, basis))) => {
                let u = match unit {
                    CellUnit::Percent if *flat && percent_row => Unit::Pp,
                    CellUnit::Percent => Unit::Percent,
                    CellUnit::Pp => Unit::Pp,
                    CellUnit::Bp => Unit::Bp,
                    // an amount of change ("$12") is not a growth rate: not read
                    CellUnit::Plain => continue,
                };
                (period.clone(), Kind::Growth, Some(*basis), u, Scale::One)
            }
            _ => continue,
        };
        let metric = metric.clone().filter(|m| super::fits(cx.k, m, kind));
        let (line, off) = cx.para.locate(p.start);
        let column = off
            .and_then(|o| {
                cx.doc
                    .lines
                    .get(line - 1)
                    .map(|l| l[..o.min(l.len())].chars().count() + 1)
            })
            .unwrap_or(0);
        let figure = Figure {
            text: text[p.start..p.end].to_string(),
            value: Value::point(*value),
            unit,
            scale,
            qualifier: Qualifier::None,
        };
        let cell = TableCell {
            table: cx.table,
            row: row.label.clone(),
            column: h.labels[i].clone(),
        };
        out.push(Claim {
            metric,
            kind,
            basis,
            ..Claim::table_cell(figure, cx.entity, period, line, column, cell)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Basis;

    fn table(text: &str) -> (Header, Vec<Row>, Vec<(usize, String)>) {
        match read(text, None) {
            Outcome::Table {
                header,
                rows,
                refused,
                ..
            } => (header, rows, refused),
            o => panic!("not a table: {o:?}"),
        }
    }

    #[test]
    fn a_one_line_table_with_footnotes_and_change_columns() {
        let (h, rows, refused) = table(
            "Q1 2026 (1) Q1 2025 Y/Y Q4 2025 ( 3 ) Q/Q Sales ($M) $7,310 $6,020 Up 21% $7,005 Up 4% Gross margin 47% 45% Up 2 ppts 46% Flat",
        );
        assert_eq!(
            h.cols,
            vec![
                FlatCol::Period("Q1 2026".into()),
                FlatCol::Period("Q1 2025".into()),
                FlatCol::Change(ChangeBasis::Known(Basis::Yoy)),
                FlatCol::Period("Q4 2025".into()),
                FlatCol::Change(ChangeBasis::Known(Basis::Qoq)),
            ]
        );
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].label, "Sales ($M)");
        assert_eq!(rows[1].label, "Gross margin");
        match &rows[1].cells[2].cell {
            Cell::Num {
                value,
                unit,
                change,
                ..
            } => {
                assert_eq!((value.to_f64(), *unit, *change), (2.0, CellUnit::Pp, true))
            }
            c => panic!("{c:?}"),
        }
    }

    #[test]
    fn negatives_in_parentheses_and_down_words() {
        let (_, rows, _) = table(
            "FY2025 FY2024 Change Operating income $(12) 40 Down 130% Margin (2)% 3% (5.0) pts",
        );
        let vals: Vec<f64> = rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| match &c.cell {
                Cell::Num { value, .. } => value.to_f64(),
                Cell::Empty => f64::NAN,
            })
            .collect();
        assert_eq!(vals, vec![-12.0, 40.0, -130.0, -2.0, 3.0, -5.0]);
    }

    #[test]
    fn a_dated_header_names_each_year() {
        let (h, rows, _) =
            table("Three Months Ended June 30, 2025 2024 % Change Revenue $410 $380 8%");
        assert_eq!(
            h.labels,
            vec![
                "Three Months Ended June 30, 2025",
                "Three Months Ended June 30, 2024",
                "% Change"
            ]
        );
        assert_eq!(rows[0].cells.len(), 3);
    }

    #[test]
    fn rows_that_do_not_fit_are_refused() {
        let (_, rows, refused) = table(
            "Q2 2025 Q2 2024 Y/Y Revenue ($M) $90 $80 Up 12% $4 Net income ($M) $9 $8 Up 12%",
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].label, "Net income ($M)");
        assert!(
            refused[0].1.contains("4 cells for 3 columns"),
            "{refused:?}"
        );
    }

    #[test]
    fn a_header_without_periods_refuses_the_table() {
        assert!(matches!(
            read(
                "This Last Change Revenue ($M) $90 $80 Up 12% Net income ($M) $9 $8 Up 12%",
                None
            ),
            Outcome::Refused(_)
        ));
    }

    #[test]
    fn prose_is_not_a_table() {
        assert_eq!(
            read(
                "Revenue rose 12% to $5.4 billion in Q3 2025, and margins held at 40%.",
                None
            ),
            Outcome::NotATable
        );
        assert_eq!(
            read(
                "Q3 2025 revenue rose 12% to $5.4 billion, the company said.",
                None
            ),
            Outcome::NotATable
        );
    }

    #[test]
    fn a_footnote_digit_after_a_label_is_not_a_cell() {
        let (_, rows, refused) = table("Q3 2025 Q3 2024 Change Net orders 3 1,200 1,000 20%");
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(rows[0].cells.len(), 3);
    }

    #[test]
    fn units_of_row_labels() {
        assert_eq!(
            unit_of("Revenue ($M)"),
            Some(("USD".into(), Scale::Million))
        );
        assert_eq!(
            unit_of("Net sales (€ million)"),
            Some(("EUR".into(), Scale::Million))
        );
        assert_eq!(unit_of("Gross margin"), None);
    }
}
