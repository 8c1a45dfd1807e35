//! A claim: a figure with what it is about (entity, metric, period) and how it is sourced.

use super::figure::Figure;
use crate::period::PeriodRef;
use serde::Serialize;
use std::fmt;

/// What a figure measures about its metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Level,
    Growth,
    Share,
    Margin,
    Count,
    Streak,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "level" => Kind::Level,
            "growth" => Kind::Growth,
            "share" => Kind::Share,
            "margin" => Kind::Margin,
            "count" => Kind::Count,
            "streak" => Kind::Streak,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Growth => "growth",
            Kind::Share => "share",
            Kind::Margin => "margin",
            Kind::Count => "count",
            Kind::Streak => "streak",
        }
    }
}

/// The comparison a change is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    Yoy,
    Qoq,
    VsEstimate,
    /// Not a comparison: the figure is analysts' estimate of the metric.
    Estimate,
    Cagr,
    Other,
}

impl Basis {
    pub fn parse(s: &str) -> Option<Basis> {
        Some(match s {
            "yoy" => Basis::Yoy,
            "qoq" => Basis::Qoq,
            "vs-estimate" => Basis::VsEstimate,
            "estimate" => Basis::Estimate,
            "cagr" => Basis::Cagr,
            "other" => Basis::Other,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Basis::Yoy => "yoy",
            Basis::Qoq => "qoq",
            Basis::VsEstimate => "vs-estimate",
            Basis::Estimate => "estimate",
            Basis::Cagr => "cagr",
            Basis::Other => "other",
        }
    }
    pub fn phrase(self) -> &'static str {
        match self {
            Basis::Yoy => "year over year",
            Basis::Qoq => "quarter over quarter",
            Basis::VsEstimate => "against estimates",
            Basis::Estimate => "analysts' estimate",
            Basis::Cagr => "compound annual",
            Basis::Other => "",
        }
    }
}

/// A composed metric id: SUBJECT.MEASURE[:SCOPE].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricId {
    pub subject: String,
    pub measure: String,
    pub scope: Option<String>,
}

impl MetricId {
    pub fn parse(s: &str) -> Option<MetricId> {
        let (main, scope) = match s.split_once(':') {
            Some((m, sc)) => (m, Some(sc.to_string())),
            None => (s, None),
        };
        let (subject, measure) = main.split_once('.')?;
        if subject.is_empty() || measure.is_empty() || scope.as_deref() == Some("") {
            return None;
        }
        Some(MetricId {
            subject: subject.to_string(),
            measure: measure.to_string(),
            scope,
        })
    }

    /// Words an editor reads: "gaming operating margin (europe)".
    pub fn phrase(&self) -> String {
        let subject = if self.subject == "company" {
            String::new()
        } else {
            // a part named from the text: "text-international-game" reads "international game"
            let s = self.subject.strip_prefix("text-").unwrap_or(&self.subject);
            format!("{} ", s.replace('-', " "))
        };
        let scope = self
            .scope
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        format!("{subject}{}{scope}", self.measure.replace('-', " "))
    }
}

impl fmt::Display for MetricId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.subject, self.measure)?;
        if let Some(s) = &self.scope {
            write!(f, ":{s}")?;
        }
        Ok(())
    }
}

impl Serialize for MetricId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// How a claim is sourced in its article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sourcing {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// A summary line restating a body line shares that line's sourcing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restates: Option<usize>,
    /// The article gives the company's figures as what the company reported:
    /// the phrase that says so and its line ("Acme reported (line 2)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
}

impl Sourcing {
    pub fn is_direct(&self) -> bool {
        !self.citations.is_empty()
            || self.link.is_some()
            || self.attribution.is_some()
            || self.voice.is_some()
    }
}

/// Where a claim sits in its article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the article text, when known.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// One numeric claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Index of the claim's article in the corpus.
    #[serde(skip)]
    pub article: usize,
    pub figure: Figure,
    pub metric: Option<MetricId>,
    pub kind: Kind,
    pub basis: Option<Basis>,
    /// For shares: what the share is of.
    pub of: Option<String>,
    pub entity: String,
    pub period: PeriodRef,
    pub span: Span,
    pub sourcing: Sourcing,
    pub outlook: bool,
    /// The table cell the claim was read from, when it was read from a table.
    pub cell: Option<TableCell>,
    /// A qualifier the text states that is the default reading anyway ("gaap" for
    /// "EPS of $3.72 (GAAP)"): not part of the metric, but the figure is known not
    /// to be an adjusted one stated without its qualifier.
    #[serde(skip)]
    pub stated_scope: Option<String>,
    /// The figure stated as a multiple of another figure of its sentence ("13.2%, nearly
    /// triple the 4.6%"), checked by the arithmetic rule.
    #[serde(skip)]
    pub multiple: Option<Multiple>,
}

/// "nearly triple the 4.6%": the multiple a figure is said to be of another.
#[derive(Clone, Debug, PartialEq)]
pub struct Multiple {
    /// As written ("nearly triple").
    pub words: String,
    pub factor: f64,
    pub hedge: Hedge,
    /// Where the other figure is: 1-based line and column.
    pub line: usize,
    pub column: usize,
}

/// How loosely a multiple is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    /// "double", "three times"
    Plain,
    /// "nearly", "almost", "close to": a little under
    Nearly,
    /// "about", "roughly": either side
    About,
    /// "more than", "over"
    MoreThan,
    /// "less than", "under"
    LessThan,
}

impl Hedge {
    /// The range of ratios a multiple `k` so hedged allows: writers round a multiple
    /// to the nearest simple word ("triple" for 2.7x), never much further.
    pub fn allows(self, k: f64, ratio: f64) -> bool {
        let (lo, hi) = match self {
            Hedge::Plain => (0.8, 1.25),
            Hedge::Nearly => (0.8, 1.02),
            Hedge::About => (0.8, 1.2),
            Hedge::MoreThan => (0.98, f64::INFINITY),
            Hedge::LessThan => (0.0, 1.02),
        };
        ratio >= lo * k && ratio <= hi * k
    }
}

/// Where in a table a claim sits: the table (numbered per article) and the
/// labels of its row and column as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TableCell {
    pub table: usize,
    pub row: String,
    pub column: String,
}

impl Claim {
    /// A figure read from a table's cell, dated by its column's (or row's) label `period`:
    /// a level of no known metric, sourced by nothing of its own, never an outlook. The
    /// readers set metric, kind and basis from the row and column.
    pub fn table_cell(
        figure: Figure,
        entity: &str,
        period: String,
        line: usize,
        column: usize,
        cell: TableCell,
    ) -> Claim {
        Claim {
            article: 0,
            figure,
            metric: None,
            kind: Kind::Level,
            basis: None,
            of: None,
            entity: entity.to_string(),
            period: PeriodRef {
                label: period,
                from: crate::period::PeriodFrom::Table,
                ..Default::default()
            },
            span: Span {
                line,
                column,
                start: 0,
                end: 0,
            },
            sourcing: Sourcing::default(),
            outlook: false,
            cell: Some(cell),
            stated_scope: None,
            multiple: None,
        }
    }
}

/// Claim indices grouped by article, so no stage scans every claim once per article.
pub fn claims_by_article(articles: usize, claims: &[Claim]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); articles];
    for (i, c) in claims.iter().enumerate() {
        if let Some(v) = out.get_mut(c.article) {
            v.push(i);
        }
    }
    out
}
