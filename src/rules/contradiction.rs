//! `contradiction`: the same entity, metric, basis and period with figures that disagree.

use super::{
    clusters, describe_cluster, reference_cluster, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc,
    Severity,
};
use crate::graph::SeriesKey;
use crate::knowledge::Knowledge;
use crate::model::Kind;
use crate::period::{PeriodClass, PeriodKey};
use std::collections::BTreeMap;
use std::collections::BTreeSet;

pub struct Contradiction;

impl Rule for Contradiction {
    fn id(&self) -> &'static str {
        "contradiction"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "Figures for the same entity, metric, basis and period that disagree",
            what: "Flags a group of claims about the same entity, metric, comparison basis and \
normalized period whose figures disagree beyond the precision they are written with and their \
qualifiers. \"over 20%\" agrees with \"20%\", 39.8 with 39.82, 8% with 8.0%; 5% and 5 percentage \
points are different things. One finding per group lists every claim, the majority (or the \
company's own release) first. Stocks and ratios (market share, margins, users) are also compared \
across overlapping periods, at warning. Analysts' estimates (\"analysts had expected $4.9 \
billion\") are not compared with each other: data providers' consensus figures differ by nature; \
nor are beats and misses measured against them (\"17% above the consensus\", \"beat estimates by \
20%\"), each against its own provider's estimate. \
A figure with no qualifier that equals the qualified one (\"EPS of $1.30\" where the release gives \
non-GAAP EPS of $1.30 and GAAP EPS of $1.10) may be that figure with \"adjusted\" left out, and is \
left out; one labelled outright (\"$1.30 (GAAP)\") is compared. A change stated beside such a level (\"net income was $4.6 billion, a 0.3% increase\", where $4.6 billion is the release's continuing-operations figure) is read as that line's change and compared with it.",
            why: "Two articles cannot both be right about one quarter's figure. Readers who see \
34% in one piece and 21% in another stop trusting both.",
            example: "article A: \"cloud revenue grew 34% in Q3 2025\"\n\
article B: \"cloud revenue rose 21% from a year earlier in the third quarter of 2025\"\n\
=> contradiction: 34% (A) vs 21% (B) for Jul-Sep 2025",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        let mut out = Vec::new();
        let twins = ctx.twins();
        for (key, ids) in ctx.graph.groups() {
            // estimates from different providers differ by nature, and so do beats and
            // misses measured against them ("17% above the consensus" vs "beat by 20%")
            if key.series.kind == Kind::Streak
                || matches!(
                    key.series.basis,
                    Some(crate::model::Basis::Estimate | crate::model::Basis::VsEstimate)
                )
                || ids.len() < 2
            {
                continue;
            }
            for part in by_unit(ctx, &ids, twins) {
                if let Some(f) = conflict(
                    ctx,
                    &key.series,
                    &key.period.to_string(),
                    &part,
                    Severity::Error,
                ) {
                    out.push(f);
                }
            }
        }
        out.extend(framed_by_a_twin(ctx, twins));
        // stocks and ratios: overlapping (not equal) periods, at warning
        for (series, groups) in ctx.graph.series() {
            if series.kind == Kind::Streak
                || matches!(
                    series.basis,
                    Some(crate::model::Basis::Estimate | crate::model::Basis::VsEstimate)
                )
                || !overlapping_class(ctx.knowledge, series)
            {
                continue;
            }
            let ranged: Vec<_> = groups
                .iter()
                .filter_map(|(k, ids)| k.range().map(|r| (r, k, ids)))
                .collect();
            for (i, (ra, ka, ia)) in ranged.iter().enumerate() {
                for (rb, kb, ib) in ranged.iter().skip(i + 1) {
                    if !ra.overlaps(rb) || ka == kb {
                        continue;
                    }
                    let ids: Vec<usize> = ia.iter().chain(ib.iter()).copied().collect();
                    for part in by_unit(ctx, &ids, twins) {
                        let spans_both = part.iter().any(|c| ia.contains(c))
                            && part.iter().any(|c| ib.contains(c));
                        if !spans_both {
                            continue;
                        }
                        let period = format!("{ka} and {kb} (overlapping periods)");
                        // only when the disagreement crosses the two periods
                        let cl = clusters(ctx.claims, &part);
                        let which = |x: usize| cl.iter().position(|c| c.contains(&x));
                        let crosses = part.iter().filter(|c| ia.contains(c)).any(|&a| {
                            part.iter()
                                .filter(|c| ib.contains(c))
                                .any(|&b| which(a) != which(b))
                        });
                        if !crosses {
                            continue;
                        }
                        if let Some(mut f) =
                            conflict(ctx, series, &period, &part, Severity::Warning)
                        {
                            f.help = Some(format!(
                                "{} The periods overlap but are not equal, so one figure may simply be older; check the dates.",
                                f.help.unwrap_or_default()
                            ));
                            out.push(f);
                        }
                    }
                }
            }
        }
        out
    }
}

/// A change stated beside a level that is a qualified figure with its qualifier left
/// out ("profit was 0.83 trillion yen, a 0.4% rise", where the release gives
/// 831.2 billion yen from continuing operations): the level says which line the writer
/// quoted, so the change is compared with that line's change.
fn framed_by_a_twin(ctx: &Ctx, twins: &BTreeSet<usize>) -> Vec<Finding> {
    let droppable = |s: &str| ctx.knowledge.metrics.is_line_scope(s);
    let mut out = Vec::new();
    let mut done: BTreeSet<usize> = BTreeSet::new();
    // changes by article and line, built on first need (most reports have no twin)
    let mut changes: Option<BTreeMap<(usize, usize), Vec<usize>>> = None;
    for (key, ids) in ctx.graph.groups() {
        let Some(scope) = key.series.metric.scope.as_deref().filter(|s| droppable(s)) else {
            continue;
        };
        if key.series.kind != Kind::Level {
            continue;
        }
        let mut plain = key.clone();
        plain.series.metric.scope = None;
        for level in ctx.graph.group(&plain) {
            let c = &ctx.claims[level];
            if !twins.contains(&level) {
                continue;
            }
            // the qualified figure another article gives that the level equals
            let Some(twin) = ids.iter().copied().find(|&q| {
                ctx.claims[q].article != c.article
                    && ctx.claims[q].figure.unit == c.figure.unit
                    && clusters(ctx.claims, &[level, q]).len() == 1
            }) else {
                continue;
            };
            // the changes the same line gives for the same plain metric and period
            let changes = changes.get_or_insert_with(|| {
                let mut m: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
                for (i, g) in ctx.claims.iter().enumerate() {
                    if g.kind == Kind::Growth {
                        m.entry((g.article, g.span.line)).or_default().push(i);
                    }
                }
                m
            });
            let here = changes
                .get(&(c.article, c.span.line))
                .map_or(&[][..], Vec::as_slice);
            for &gi in here {
                let g = &ctx.claims[gi];
                if g.metric != c.metric
                    || g.period.key() != c.period.key()
                    || twins.contains(&gi)
                    || !done.insert(gi)
                {
                    continue;
                }
                let Some(mut series) = SeriesKey::of_claim(g) else {
                    continue;
                };
                series.metric.scope = Some(scope.to_string());
                let qkey = crate::graph::GroupKey {
                    series: series.clone(),
                    period: g.period.key(),
                };
                let mut part: Vec<usize> = ctx
                    .graph
                    .group(&qkey)
                    .into_iter()
                    .filter(|&q| ctx.claims[q].article != g.article)
                    .filter(|&q| super::compared_unit(&ctx.claims[q]) == super::compared_unit(g))
                    .collect();
                if part.is_empty() {
                    continue;
                }
                part.push(gi);
                if let Some(mut f) = conflict(
                    ctx,
                    &series,
                    &qkey.period.to_string(),
                    &part,
                    Severity::Error,
                ) {
                    f.help = Some(format!(
                        "{} {} gives the level beside it as {}, which is the {scope} figure ({}), so the change is read as the {scope} change.",
                        f.help.unwrap_or_default(),
                        ctx.place(gi),
                        super::figure_text(&c.figure),
                        ctx.place(twin),
                    ));
                    out.push(f);
                }
            }
        }
    }
    out
}

fn overlapping_class(k: &Knowledge, s: &SeriesKey) -> bool {
    matches!(
        k.metrics.class_of(&s.metric),
        PeriodClass::Stock | PeriodClass::Ratio
    )
}

/// Partitions claims by unit (each currency apart: the currency rule compares those).
/// An unqualified figure equal to the qualified one ("EPS of $4.13" where the
/// release gives non-GAAP EPS of $4.13) is left out: it may be that figure with
/// its qualifier dropped ([`super::qualified_twins`]).
/// Figures that one sentence gives different values under what we read as the
/// same key are left out: a writer does not contradict themself within a line,
/// so one of them was misread (a comparison, a table row, a qualifier we did
/// not see) and neither can be trusted in a comparison.
fn by_unit(ctx: &Ctx, ids: &[usize], twins: &BTreeSet<usize>) -> Vec<Vec<usize>> {
    let self_split = self_split(ctx, ids);
    let mut m: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in ids
        .iter()
        .filter(|i| !self_split.contains(i) && !twins.contains(i))
    {
        m.entry(super::compared_unit(&ctx.claims[i]))
            .or_default()
            .push(i);
    }
    // the release giving two values under one key ("net profit" 72.8 and "net profit
    // attributable" 70.6, both read as net income) makes the key ambiguous: articles
    // that each repeat one of the release's values are quoting two lines, not disagreeing
    let release: Vec<usize> = self_split
        .iter()
        .copied()
        .filter(|&i| ctx.is_primary(i))
        .collect();
    m.into_values()
        .filter(|v| v.len() > 1)
        .filter(|v| !release_explains(ctx, &release, v))
        .collect()
}

/// Whether every value among `ids` is one the company's release gives under the same key
/// (`release`: the release's own claims there that disagree with each other).
fn release_explains(ctx: &Ctx, release: &[usize], ids: &[usize]) -> bool {
    let unit = ctx.claims[ids[0]].figure.unit.to_string();
    let release: Vec<usize> = release
        .iter()
        .copied()
        .filter(|&r| ctx.claims[r].figure.unit.to_string() == unit)
        .collect();
    !release.is_empty()
        && clusters(ctx.claims, ids)
            .iter()
            .all(|c| release.iter().any(|&r| agrees(ctx, c, r)))
}

/// Whether release claim `r` agrees with every claim of cluster `c`.
fn agrees(ctx: &Ctx, c: &[usize], r: usize) -> bool {
    let mut all = c.to_vec();
    all.push(r);
    clusters(ctx.claims, &all).len() == 1
}

/// Claims of `ids` that disagree with another claim of the same article and line,
/// of the company's own release, or of the same table (whose cells are never competing statements of one figure;
/// one pass over buckets of article, line or table, and unit: a line as long as a
/// file with thousands of figures is not compared pair by pair).
fn self_split(ctx: &Ctx, ids: &[usize]) -> BTreeSet<usize> {
    let mut buckets: BTreeMap<(usize, bool, usize, String), Vec<usize>> = BTreeMap::new();
    // figures each labelled outright ("$4.13 (GAAP) or $3.72 (GAAP)") were not misread:
    // the writer gave two values
    for &i in ids
        .iter()
        .filter(|&&i| ctx.claims[i].stated_scope.is_none())
    {
        let c = &ctx.claims[i];
        // nor does the company's own release anywhere in it: two values it gives under
        // one key are two lines we read as one ("net profit" and "net profit
        // attributable to shareholders")
        let (in_table, at) = if ctx.is_primary(i) {
            (false, usize::MAX)
        } else {
            c.cell
                .as_ref()
                .map_or((false, c.span.line), |t| (true, t.table))
        };
        buckets
            .entry((c.article, in_table, at, c.figure.unit.to_string()))
            .or_default()
            .push(i);
    }
    buckets
        .into_values()
        .filter(|b| b.len() > 1 && clusters(ctx.claims, b).len() > 1)
        .flatten()
        .collect()
}

fn conflict(
    ctx: &Ctx,
    series: &SeriesKey,
    period: &str,
    ids: &[usize],
    severity: Severity,
) -> Option<Finding> {
    let cl = clusters(ctx.claims, ids);
    if cl.len() < 2 {
        return None;
    }
    let r = reference_cluster(ctx, &cl);
    let others: Vec<String> = cl
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != r)
        .map(|(_, c)| describe_cluster(ctx, c))
        .collect();
    let period_words = match ids.first().map(|&c| ctx.claims[c].period.key()) {
        // "investment plan is given as ...", not "investment plan for the same plan"
        Some(PeriodKey::Plan) => String::new(),
        _ => format!(" for {period}"),
    };
    let mut f = Finding::new(
        "contradiction",
        severity,
        format!(
            "{}{} is given as {} but as {}",
            series.describe(),
            period_words,
            describe_cluster(ctx, &cl[r]),
            others.join(" and as ")
        ),
    );
    let labels: Vec<String> = ids
        .iter()
        .map(|&c| format!("{} {}", ctx.place(c), ctx.claims[c].period.describe()))
        .collect();
    let primary = cl[r].iter().any(|&c| ctx.is_primary(c));
    let support = |c: &Vec<usize>| {
        c.iter()
            .map(|&i| ctx.claims[i].article)
            .collect::<BTreeSet<usize>>()
            .len()
    };
    // a tie (one article against one) names no side as the reference
    let clear = primary
        || cl
            .iter()
            .enumerate()
            .all(|(i, c)| i == r || support(c) < support(&cl[r]));
    let what = if primary {
        format!(
            "The company's own release gives {}; check the others against it.",
            super::figure_text(&ctx.claims[cl[r][0]].figure)
        )
    } else if clear {
        format!(
            "Most sources give {}; check the others against the company's release.",
            super::figure_text(&ctx.claims[cl[r][0]].figure)
        )
    } else {
        "The sources are split evenly: check each against the company's release.".to_string()
    };
    f.help = Some(format!(
        "These differ beyond their rounding and qualifiers. {what} Periods as read: {}.",
        labels.join("; ")
    ));
    for (i, c) in cl.iter().enumerate() {
        for &id in c {
            f.claims.push(FindingClaim {
                claim: id,
                role: if i == r && clear {
                    Role::Reference
                } else {
                    Role::Conflicting
                },
            });
        }
    }
    Some(f)
}
