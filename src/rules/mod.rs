//! The rule engine: one file per rule behind a small trait, and a registry.

mod arithmetic;
mod contradiction;
mod currency_mismatch;
mod currency_unchecked;
mod dangling_citation;
mod inconsistent_period_label;
mod period_mismatch;
mod streak_mismatch;
mod unsourced_figure;

use crate::graph::{ClaimGraph, GroupKey};
use crate::knowledge::Knowledge;
use crate::model::{Article, Claim, Figure};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's documentation: what it flags, why, an example.
pub struct RuleDoc {
    pub summary: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
}

/// Settings the rules read.
#[derive(Clone, Debug)]
pub struct RuleConfig {
    /// Relative tolerance for currency conversions (0.05 = 5%).
    pub fx_tolerance: f64,
}

impl Default for RuleConfig {
    fn default() -> Self {
        RuleConfig { fx_tolerance: 0.05 }
    }
}

/// What a rule sees.
pub struct Ctx<'a> {
    pub articles: &'a [Article],
    pub claims: &'a [Claim],
    pub graph: &'a ClaimGraph,
    pub knowledge: &'a Knowledge,
    pub config: &'a RuleConfig,
    /// Claim indices per article, in claim order (see [`crate::model::claims_by_article`]).
    pub by_article: &'a [Vec<usize>],
    /// [`qualified_twins`], computed once for the rules that leave them out.
    pub twins: std::sync::OnceLock<BTreeSet<usize>>,
}

impl Ctx<'_> {
    pub fn article_of(&self, claim: usize) -> &Article {
        &self.articles[self.claims[claim].article]
    }

    /// "002.txt:3"
    pub fn place(&self, claim: usize) -> String {
        let c = &self.claims[claim];
        format!(
            "{}:{}",
            file_name(&self.article_of(claim).display_path()),
            c.span.line
        )
    }

    pub fn is_primary(&self, claim: usize) -> bool {
        self.article_of(claim).meta.primary
    }

    /// The claims that may be an adjusted figure with its qualifier left out
    /// ([`qualified_twins`]), computed on first use.
    pub fn twins(&self) -> &BTreeSet<usize> {
        self.twins.get_or_init(|| qualified_twins(self))
    }
}

/// Claims that may be an adjusted figure whose qualifier the writer left out:
/// an unqualified claim ("EPS of $4.13") whose value agrees with a qualified claim
/// of the same entity, measure, basis and period ("non-GAAP EPS of $4.13"), and
/// that is not stated as the default reading ("$3.72 (GAAP)"). An editor cannot
/// tell which figure such a claim means, so the conflict rules leave it out.
pub fn qualified_twins(ctx: &Ctx) -> BTreeSet<usize> {
    let mut qualified: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (key, ids) in ctx.graph.groups() {
        let droppable = key
            .series
            .metric
            .scope
            .as_deref()
            .is_some_and(|s| ctx.knowledge.metrics.is_droppable_scope(s));
        if droppable {
            let mut plain = key.clone();
            plain.series.metric.scope = None;
            qualified.entry(plain).or_default().extend(ids);
        }
    }
    let mut out = BTreeSet::new();
    if qualified.is_empty() {
        return out;
    }
    for (key, ids) in ctx.graph.groups() {
        let Some(q) = qualified.get(key) else {
            continue;
        };
        for &i in &ids {
            let c = &ctx.claims[i];
            if c.stated_scope.is_some() {
                continue;
            }
            if q.iter().any(|&j| {
                ctx.claims[j].figure.unit == c.figure.unit
                    && clusters(ctx.claims, &[i, j]).len() == 1
            }) {
                out.insert(i);
            }
        }
    }
    out
}

pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The part a claim plays in a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The figure the others are measured against.
    Reference,
    /// A figure that disagrees.
    Conflicting,
    /// What the finding is about (an unsourced figure, a dangling citation's figure).
    Subject,
    /// Shown as evidence (the figure another article gives for that period).
    Context,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingClaim {
    pub claim: usize,
    pub role: Role,
}

/// One finding: one conflicting group, one unsourced sentence, one article's dangling citations.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// For a finding about one place (a dangling citation, an unsourced line).
    pub path: Option<String>,
    pub line: Option<usize>,
    /// The article of `path` (an index into the report's articles).
    #[serde(skip)]
    pub article: Option<usize>,
    pub claims: Vec<FindingClaim>,
    pub fingerprint: String,
    pub related: Vec<String>,
    /// Places in the text of `article` the finding is about that are not
    /// figures (a citation marker): underlined in text, SARIF's location.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// A span of an article line (1-based line, 1-based column in characters).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub column: usize,
    pub len: usize,
    pub label: String,
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, message: String) -> Finding {
        Finding {
            rule,
            severity,
            message,
            help: None,
            path: None,
            line: None,
            article: None,
            claims: Vec::new(),
            fingerprint: String::new(),
            related: Vec::new(),
            marks: Vec::new(),
        }
    }
    pub fn claim_ids(&self) -> BTreeSet<usize> {
        self.claims.iter().map(|c| c.claim).collect()
    }
}

pub trait Rule: Sync {
    fn id(&self) -> &'static str;
    fn default_severity(&self) -> Severity;
    fn doc(&self) -> RuleDoc;
    /// Whether the rule compares figures across claims (a conflict rule).
    fn is_conflict(&self) -> bool {
        true
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding>;
}

/// Every rule, in report order.
pub fn registry() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(contradiction::Contradiction),
        Box::new(period_mismatch::PeriodMismatch),
        Box::new(streak_mismatch::StreakMismatch),
        Box::new(currency_mismatch::CurrencyMismatch),
        Box::new(currency_unchecked::CurrencyUnchecked),
        Box::new(inconsistent_period_label::InconsistentPeriodLabel),
        Box::new(arithmetic::Arithmetic),
        Box::new(unsourced_figure::UnsourcedFigure),
        Box::new(dangling_citation::DanglingCitation),
    ]
}

pub fn find(id: &str) -> Option<Box<dyn Rule>> {
    registry().into_iter().find(|r| r.id() == id)
}

/// 64-bit FNV-1a: a stable hash for fingerprints (the same on every platform and release).
pub fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

/// A content fingerprint: rule + what the claims say (file name, figure, metric, period),
/// not their line numbers, so edits elsewhere in an article keep it.
pub fn fingerprint(ctx: &Ctx, f: &Finding) -> String {
    let mut parts: Vec<String> = f
        .claims
        .iter()
        .map(|fc| {
            let c = &ctx.claims[fc.claim];
            format!(
                "{}|{}|{}|{}|{}",
                file_name(&ctx.article_of(fc.claim).display_path()),
                c.figure.text,
                c.metric.as_ref().map(|m| m.to_string()).unwrap_or_default(),
                c.period.key(),
                c.entity
            )
        })
        .collect();
    parts.sort();
    parts.dedup();
    if parts.is_empty() {
        parts.push(format!(
            "{}|{}",
            f.path.as_deref().map(file_name).unwrap_or(""),
            f.message
        ));
    }
    let mut all: Vec<&str> = vec![f.rule];
    all.extend(parts.iter().map(|s| s.as_str()));
    fnv1a(&all)
}

/// Splits claims into clusters whose figures agree (single linkage on their
/// intervals); claims must share a unit. Clusters come out in value order.
pub fn clusters(claims: &[Claim], ids: &[usize]) -> Vec<Vec<usize>> {
    // (each interval computed once, not once per comparison of the sort)
    let mut sorted: Vec<(crate::model::Interval, usize)> = ids
        .iter()
        .map(|&i| (compared_interval(&claims[i]), i))
        .collect();
    sorted.sort_by(|(ia, a), (ib, b)| ia.lo.total_cmp(&ib.lo).then(a.cmp(b)));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for (iv, id) in sorted {
        let joins = out.last().is_some_and(|_| {
            // overlap with the cluster's reach, adjacent roundings only touch
            let eps = 1e-9 * iv.lo.abs().max(reach.abs()).max(1.0);
            iv.lo < reach - eps
        });
        if joins {
            out.last_mut().expect("cluster").push(id);
            reach = reach.max(iv.hi);
        } else {
            out.push(vec![id]);
            reach = iv.hi;
        }
    }
    for c in &mut out {
        c.sort_unstable();
    }
    out
}

/// The interval a claim's figure is compared on: a growth written as a multiple ("more
/// than tenfold", "doubled") as the percent change it is (x10 is +900%).
pub fn compared_interval(c: &Claim) -> crate::model::Interval {
    let iv = c.figure.interval();
    if change_multiple(c) {
        crate::model::Interval {
            lo: (iv.lo - 1.0) * 100.0,
            hi: (iv.hi - 1.0) * 100.0,
        }
    } else {
        iv
    }
}

/// A growth written as a change word ("tenfold", "doubled"); "38 times" or "38x" is more
/// often a valuation than a change, and stays a multiple.
fn change_multiple(c: &Claim) -> bool {
    c.kind == crate::model::Kind::Growth && c.figure.unit == crate::model::Unit::Multiple && {
        let t = c.figure.text.to_ascii_lowercase();
        t.ends_with("fold") || t.ends_with("led")
    }
}

/// The unit a claim is compared in: a growth written as a multiple is a percent change.
pub fn compared_unit(c: &Claim) -> String {
    if change_multiple(c) {
        crate::model::Unit::Percent.to_string()
    } else {
        c.figure.unit.to_string()
    }
}

/// The cluster others are measured against: the one with a primary source,
/// else the one stated by most articles, else the larger, else the first.
pub fn reference_cluster(ctx: &Ctx, clusters: &[Vec<usize>]) -> usize {
    let score = |cl: &Vec<usize>| {
        let primary = cl.iter().any(|&c| ctx.is_primary(c));
        let articles: BTreeSet<usize> = cl.iter().map(|&c| ctx.claims[c].article).collect();
        (primary, articles.len(), cl.len())
    };
    let mut best = 0;
    for (i, cl) in clusters.iter().enumerate() {
        if score(cl) > score(&clusters[best]) {
            best = i;
        }
    }
    best
}

/// "34% (000.txt:11, 001.txt:24)"
pub fn describe_cluster(ctx: &Ctx, cluster: &[usize]) -> String {
    let fig = &ctx.claims[cluster[0]].figure;
    let mut places: Vec<String> = cluster.iter().map(|&c| ctx.place(c)).collect();
    places.dedup();
    format!("{} ({})", figure_text(fig), places.join(", "))
}

pub fn figure_text(f: &Figure) -> String {
    f.text.trim().to_string()
}

/// The figure as written, with its unit and scale when the text is a bare
/// number (a table cell "643" under "USD millions" reads "$643 million").
pub fn figure_with_unit(f: &Figure) -> String {
    use crate::model::{Scale, Unit};
    let text = f.text.trim();
    let bare = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '(' | ')' | ' '));
    if !bare {
        return text.to_string();
    }
    let scale = match f.scale {
        Scale::One => String::new(),
        s => format!(" {}", s.name()),
    };
    match &f.unit {
        Unit::Currency(c) => {
            let sym = match c.as_str() {
                "USD" => "$".to_string(),
                "EUR" => "€".to_string(),
                "GBP" => "£".to_string(),
                other => format!("{other} "),
            };
            format!("{sym}{text}{scale}")
        }
        Unit::Percent => format!("{text}%"),
        _ => format!("{text}{scale}"),
    }
}

/// Runs every enabled rule and links findings that share claims.
pub fn run(ctx: &Ctx, rules: &[Box<dyn Rule>]) -> Vec<Finding> {
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    for (order, rule) in rules.iter().enumerate() {
        for mut f in rule.check(ctx) {
            f.fingerprint = fingerprint(ctx, &f);
            findings.push((order, f));
        }
    }
    // related: conflict findings that share a claim
    let conflict: Vec<bool> = findings
        .iter()
        .map(|(o, _)| rules[*o].is_conflict())
        .collect();
    let ids: Vec<BTreeSet<usize>> = findings.iter().map(|(_, f)| f.claim_ids()).collect();
    let mut by_claim: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, set) in ids.iter().enumerate() {
        if conflict[i] {
            for c in set {
                by_claim.entry(*c).or_default().push(i);
            }
        }
    }
    // and conflict findings whose wrong figures stand on one line under one
    // period: one mislabelled sentence gives a finding for each of its figures
    let mut by_line: std::collections::BTreeMap<_, BTreeSet<usize>> = Default::default();
    for (i, (_, f)) in findings.iter().enumerate() {
        if conflict[i] {
            for fc in f.claims.iter().filter(|c| c.role == Role::Conflicting) {
                let c = &ctx.claims[fc.claim];
                by_line
                    .entry((c.article, c.span.line, c.period.key()))
                    .or_default()
                    .insert(i);
            }
        }
    }
    let mut related: Vec<BTreeSet<String>> = vec![BTreeSet::new(); findings.len()];
    let groups = by_claim
        .values()
        .cloned()
        .chain(by_line.into_values().map(|s| s.into_iter().collect()));
    // (a group of more findings than anyone reads, say from one file-long line of
    // figures, relates nothing: listing each with each would grow with its square)
    for fs in groups.filter(|fs| fs.len() <= 64) {
        for &a in &fs {
            for &b in &fs {
                if a != b {
                    related[a].insert(findings[b].1.fingerprint.clone());
                }
            }
        }
    }
    for (i, r) in related.into_iter().enumerate() {
        findings[i].1.related = r.into_iter().collect();
    }
    let sort_key = |(o, f): &(usize, Finding)| {
        let first = f.claims.first().map(|fc| {
            let c = &ctx.claims[fc.claim];
            (c.article, c.span.line, c.span.column)
        });
        (*o, first, f.path.clone(), f.line, f.fingerprint.clone())
    };
    findings.sort_by_key(sort_key);
    findings.into_iter().map(|(_, f)| f).collect()
}
