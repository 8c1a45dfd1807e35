//! The JSON report: the machine interface (documented in docs/report-schema.json).

use super::{ArticleSummary, Report};
use crate::model::{Claim, Sourcing};
use crate::rules::{Finding, Role};
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
pub struct JsonPeriod<'a> {
    label: &'a str,
    from: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
    /// The normalized period in use ("Jul–Sep 2025").
    normalized: String,
    /// Its first day as an ISO date; null when it is not placed on the calendar.
    start: Option<String>,
    /// Its last day as an ISO date; null when it is not placed on the calendar.
    end: Option<String>,
    /// How the label was read.
    how: Option<&'a str>,
    /// Why this reading, when the label had several.
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
    /// Other readings the label allows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<String>,
}

#[derive(Serialize)]
pub struct JsonClaim<'a> {
    path: String,
    line: usize,
    /// 1-based, in characters; null when the article is not at hand and the claim file gives none.
    column: Option<usize>,
    figure: &'a str,
    value: String,
    unit: String,
    scale: &'static str,
    qualifier: &'static str,
    metric: Option<String>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    of: Option<&'a str>,
    entity: &'a str,
    period: JsonPeriod<'a>,
    sourcing: &'a Sourcing,
    sourced: bool,
    outlook: bool,
    /// The table cell the figure was read from: table (numbered per article), row and column labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<&'a crate::model::TableCell>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<Role>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    fingerprint: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    claims: FindingClaims<'a>,
    related: &'a [String],
}

/// A finding's claims, each turned into JSON as it is written: a finding may
/// list every figure of a long article.
struct FindingClaims<'a>(&'a Report, &'a Finding);

impl Serialize for FindingClaims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let FindingClaims(report, f) = *self;
        s.collect_seq(
            f.claims
                .iter()
                .map(|fc| claim_json(report, fc.claim, Some(fc.role))),
        )
    }
}

/// The findings, each turned into JSON as it is written (never all at once).
struct Findings<'a>(&'a Report);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        s.collect_seq(report.findings.iter().map(|f| finding_json(report, f)))
    }
}

#[derive(Serialize)]
struct JsonError {
    path: Option<String>,
    line: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct Summary {
    articles: Vec<ArticleSummary>,
    figures: usize,
    attributed: usize,
    compared: usize,
    findings: usize,
    by_rule: BTreeMap<&'static str, usize>,
    by_severity: BTreeMap<&'static str, usize>,
    unreadable_inputs: usize,
}

#[derive(Serialize)]
struct Json<'a> {
    schema: &'static str,
    schema_version: u32,
    tool: Tool,
    findings: Findings<'a>,
    summary: Summary,
    errors: Vec<JsonError>,
    warnings: Vec<JsonError>,
}

/// A claim as JSON (shared by every JSON-shaped output).
pub fn claim_json<'a>(report: &'a Report, id: usize, role: Option<Role>) -> JsonClaim<'a> {
    let c: &Claim = &report.claims[id];
    let p = &c.period;
    let key = p.key();
    let (start, end) = key.iso_bounds().unzip();
    JsonClaim {
        path: report.articles[c.article].display_path(),
        line: c.span.line,
        column: (c.span.column > 0).then_some(c.span.column),
        figure: &c.figure.text,
        value: c.figure.value.to_string(),
        unit: c.figure.unit.to_string(),
        scale: c.figure.scale.name(),
        qualifier: c.figure.qualifier.name(),
        metric: c.metric.as_ref().map(|m| m.to_string()),
        kind: c.kind.name(),
        basis: c.basis.map(|b| b.name()),
        of: c.of.as_deref(),
        entity: &c.entity,
        period: JsonPeriod {
            label: &p.label,
            from: p.from.name(),
            context: p.context.as_deref(),
            normalized: key.to_string(),
            start,
            end,
            how: p.reading().map(|r| r.how.as_str()),
            why: p.why.as_deref(),
            alternatives: p
                .readings
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != p.chosen)
                .map(|(_, r)| r.key.to_string())
                .collect(),
        },
        sourcing: &c.sourcing,
        // the company's own release is the source of its figures
        sourced: c.sourcing.is_direct()
            || c.sourcing.restates.is_some()
            || report
                .articles
                .get(c.article)
                .is_some_and(|a| a.meta.primary),
        outlook: c.outlook,
        table: c.cell.as_ref(),
        role,
    }
}

fn finding_json<'a>(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: f.rule,
        severity: f.severity.name(),
        message: &f.message,
        help: f.help.as_deref(),
        fingerprint: &f.fingerprint,
        path: f.path.as_deref(),
        line: f.line,
        claims: FindingClaims(report, f),
        related: &f.related,
    }
}

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    render_to(report, &mut out).expect("report serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The report written to `w` as it is serialized: findings and their claims are
/// turned into JSON one at a time, never held as one string.
pub fn render_to<W: std::io::Write>(report: &Report, mut w: W) -> std::io::Result<()> {
    let articles = report.article_summaries();
    let json = Json {
        schema: "claimcheck-report",
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "claimcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        findings: Findings(report),
        summary: Summary {
            figures: articles.iter().map(|a| a.figures).sum(),
            attributed: articles.iter().map(|a| a.attributed).sum(),
            compared: articles.iter().map(|a| a.compared).sum(),
            articles,
            findings: report.findings.len(),
            by_rule: report.counts_by_rule(),
            by_severity: report.counts_by_severity(),
            unreadable_inputs: report.errors.len(),
        },
        errors: report.errors.iter().map(json_error).collect(),
        warnings: report.warnings.iter().map(json_error).collect(),
    };
    use std::io::Write as _;
    // serde_json writes a few bytes at a time: a concrete buffer in front of `w`
    // keeps those writes inlined whatever `w` is
    let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut w);
    serde_json::to_writer_pretty(&mut w, &json)?;
    w.write_all(b"\n")?;
    w.flush()
}

fn json_error(e: &crate::Error) -> JsonError {
    JsonError {
        path: e.path().map(|p| p.display().to_string()),
        line: e.line(),
        message: e.to_string(),
    }
}

/// How a claim's attributes were attributed: where its period label came
/// from, and whether a metric was read for it.
#[derive(Serialize)]
struct Attribution<'a> {
    period: &'static str,
    metric: &'static str,
    /// The default reading the text states outright ("gaap" for "$3.72 (GAAP)").
    #[serde(skip_serializing_if = "Option::is_none")]
    stated: Option<&'a str>,
}

/// One extracted claim: the report's claim fields, `basis` always present
/// (null when none), and its attribution.
#[derive(Serialize)]
struct ExtractClaim<'a> {
    #[serde(flatten)]
    claim: JsonClaim<'a>,
    /// `basis: null` where the claim has none (the report leaves it out).
    #[serde(
        rename = "basis",
        skip_serializing_if = "std::ops::Not::not",
        serialize_with = "null"
    )]
    no_basis: bool,
    attribution: Attribution<'a>,
}

fn null<S: serde::Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_none()
}

#[derive(Serialize)]
struct ExtractArticle<'a> {
    path: String,
    claims: ExtractClaims<'a>,
    /// What was left unread, and why (a table row whose cells do not fit its header).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    notes: &'a [crate::model::Note],
}

/// An article's claims, each turned into JSON as it is written.
struct ExtractClaims<'a>(&'a Report, &'a [usize]);

impl Serialize for ExtractClaims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ExtractClaims(report, ids) = *self;
        s.collect_seq(ids.iter().map(|&id| extract_claim(report, id)))
    }
}

/// The articles, each turned into JSON as it is written.
struct ExtractArticles<'a>(&'a Report, &'a [Vec<usize>]);

impl Serialize for ExtractArticles<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ExtractArticles(report, by_article) = *self;
        s.collect_seq(report.articles.iter().enumerate().map(|(a, article)| {
            ExtractArticle {
                path: article.display_path(),
                claims: ExtractClaims(
                    report,
                    by_article
                        .get(a)
                        .map(|ids| ids.as_slice())
                        .unwrap_or_default(),
                ),
                notes: &article.notes,
            }
        }))
    }
}

#[derive(Serialize)]
struct ExtractJson<'a> {
    schema: &'static str,
    schema_version: u32,
    tool: Tool,
    articles: ExtractArticles<'a>,
    errors: Vec<JsonError>,
    warnings: Vec<JsonError>,
}

/// `extract --format json`: every article's extracted claims, periods
/// resolved (see [`crate::extract_report`]):
/// `{"articles": [{"path": ..., "claims": [...]}]}`.
pub fn render_extract(report: &Report) -> String {
    let mut out = Vec::new();
    render_extract_to(report, &mut out).expect("extract report serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// [`render_extract`] written to `w` as it is serialized, one claim at a time.
pub fn render_extract_to<W: std::io::Write>(report: &Report, mut w: W) -> std::io::Result<()> {
    let by_article = crate::model::claims_by_article(report.articles.len(), &report.claims);
    let articles = ExtractArticles(report, &by_article);
    let json = ExtractJson {
        schema: "claimcheck-extract",
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "claimcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        articles,
        errors: report.errors.iter().map(json_error).collect(),
        warnings: report.warnings.iter().map(json_error).collect(),
    };
    use std::io::Write as _;
    // serde_json writes a few bytes at a time: a concrete buffer in front of `w`
    // keeps those writes inlined whatever `w` is
    let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut w);
    serde_json::to_writer_pretty(&mut w, &json)?;
    w.write_all(b"\n")?;
    w.flush()
}

fn extract_claim(report: &Report, id: usize) -> ExtractClaim<'_> {
    let c = &report.claims[id];
    ExtractClaim {
        claim: claim_json(report, id, None),
        no_basis: c.basis.is_none(),
        attribution: Attribution {
            period: c.period.from.name(),
            metric: if c.metric.is_some() { "read" } else { "none" },
            stated: c.stated_scope.as_deref(),
        },
    }
}
