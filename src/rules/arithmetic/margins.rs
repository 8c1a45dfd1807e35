//! Margins against the two measures they divide, as one article gives them: a margin
//! beside its profit and the revenue ("operating profit of 2.1 billion ... operating
//! margin of 28%" on revenue of 9.0 billion is 23%, not 28%), and a margin's change
//! in points beside the growth of profit and revenue ("gross profit rose 20%, revenue
//! 12%" puts a 40.0% margin 2.7 points above last year's, not 7.2).

use super::super::{figure_text, figure_with_unit, Ctx, Finding, Severity};
use crate::model::{Basis, Claim, Interval, Kind, Unit};
use crate::period::PeriodKey;
use std::collections::HashMap;

/// What a claim is looked up by: entity, subject, measure, qualifier (GAAP stated or
/// not alike), kind, basis and period.
type Key = (
    String,
    String,
    String,
    Option<String>,
    Kind,
    Option<Basis>,
    PeriodKey,
);

/// At most this many candidates of one key are tried per margin: an article repeating
/// one line thousands of times is not checked pair by pair.
const TRIED: usize = 16;

fn key(ctx: &Ctx, c: &Claim, measure: &str) -> Option<Key> {
    let m = c.metric.as_ref()?;
    let scope = m
        .scope
        .clone()
        .filter(|x| !ctx.knowledge.metrics.is_default_scope(x));
    Some((
        c.entity.clone(),
        m.subject.clone(),
        measure.to_string(),
        scope,
        c.kind,
        c.basis,
        c.period.key(),
    ))
}

/// The margin findings of every article.
pub fn check(ctx: &Ctx) -> Vec<Finding> {
    let ratio_of = |c: &Claim| {
        c.metric.as_ref().and_then(|m| {
            ctx.knowledge
                .metrics
                .measures
                .get(&m.measure)
                .and_then(|d| d.ratio_of.clone())
        })
    };
    // the measures any margin divides: only their claims are indexed
    let divided: std::collections::BTreeSet<String> = ctx
        .knowledge
        .metrics
        .measures
        .values()
        .filter_map(|d| d.ratio_of.clone())
        .flatten()
        .collect();
    let mut out = Vec::new();
    for ids in ctx.by_article {
        // the article's levels and growths of divided measures, by key (and by line)
        let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
        let mut by_line: HashMap<(Key, usize), Vec<usize>> = HashMap::new();
        // changes in points of a margin, by margin key and line
        let mut changes: HashMap<(Key, usize), Vec<usize>> = HashMap::new();
        for &i in ids {
            let c = &ctx.claims[i];
            let Some(m) = &c.metric else { continue };
            if c.outlook || !point(c) {
                continue;
            }
            if divided.contains(&m.measure) {
                if let Some(k) = key(ctx, c, &m.measure) {
                    by_line.entry((k.clone(), c.span.line)).or_default().push(i);
                    by_key.entry(k).or_default().push(i);
                }
            }
            if c.kind == Kind::Growth
                && c.basis == Some(Basis::Yoy)
                && matches!(c.figure.unit, Unit::Pp | Unit::Bp)
                && ratio_of(c).is_some()
            {
                if let Some(k) = key(ctx, c, &m.measure) {
                    changes.entry((k, c.span.line)).or_default().push(i);
                }
            }
        }
        for &m in ids {
            let c = &ctx.claims[m];
            let Some(metric) = &c.metric else { continue };
            if c.kind != Kind::Margin || c.outlook || !point(c) || c.figure.unit != Unit::Percent {
                continue;
            }
            let Some([num, den]) = ratio_of(c) else {
                continue;
            };
            if c.period.key().range().is_none() {
                continue;
            }
            // the margin's key, for another measure, kind and basis
            let look = |measure: &str, kind: Kind, basis: Option<Basis>| -> Option<Key> {
                key(ctx, c, measure).map(|mut k| {
                    k.4 = kind;
                    k.5 = basis;
                    k
                })
            };
            let first = |v: Option<&Vec<usize>>| -> Vec<usize> {
                v.map(|v| v.iter().copied().take(TRIED).collect())
                    .unwrap_or_default()
            };
            // the margin against the profit stated beside it (same line) and the revenue
            let (Some(kn), Some(kd)) =
                (look(&num, Kind::Level, None), look(&den, Kind::Level, None))
            else {
                continue;
            };
            let nums = first(by_line.get(&(kn, c.span.line)));
            let dens = first(by_key.get(&kd));
            if let Some(f) = against_levels(ctx, m, &nums, &dens) {
                out.push(f);
            }
            // the margin's change in points against the growth of profit and revenue
            let Some(km) = key(ctx, c, &metric.measure).map(|mut k| {
                k.4 = Kind::Growth;
                k.5 = Some(Basis::Yoy);
                k
            }) else {
                continue;
            };
            let growth = |measure: &str| -> Vec<usize> {
                look(measure, Kind::Growth, Some(Basis::Yoy))
                    .map(|k| first(by_key.get(&k)))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|&i| ctx.claims[i].figure.unit == Unit::Percent)
                    .collect()
            };
            let (gn, gd) = (growth(&num), growth(&den));
            for d in first(changes.get(&(km, c.span.line))) {
                if let Some(f) = against_growth(ctx, m, d, &gn, &gd) {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// "Acme operating margin", as the other findings name a series.
fn describe(ctx: &Ctx, c: usize) -> String {
    crate::graph::SeriesKey::of_claim(&ctx.claims[c]).map_or_else(String::new, |s| s.describe())
}

/// A point figure with no hedge ("38%", not "about 38%" or "over 30%").
fn point(c: &Claim) -> bool {
    c.figure.value.is_point()
        && matches!(
            c.figure.qualifier,
            crate::model::Qualifier::None | crate::model::Qualifier::Exactly
        )
}

/// `margin` against every pair of a profit in `nums` and a revenue in `dens` (one
/// currency): a finding when no pair gives the margin within the rounding.
fn against_levels(ctx: &Ctx, margin: usize, nums: &[usize], dens: &[usize]) -> Option<Finding> {
    let stated = ctx.claims[margin].figure.interval();
    let mut first: Option<(usize, usize, Interval)> = None;
    for &n in nums {
        for &d in dens {
            let (fnum, fden) = (&ctx.claims[n].figure, &ctx.claims[d].figure);
            if fnum.unit != fden.unit || fnum.unit.currency().is_none() {
                continue;
            }
            let (a, b) = (fnum.interval(), fden.interval());
            if a.lo <= 0.0 || b.lo <= 0.0 {
                continue;
            }
            let implied = Interval {
                lo: a.lo / b.hi * 100.0,
                hi: a.hi / b.lo * 100.0,
            };
            if implied.overlaps(&stated) {
                return None;
            }
            first.get_or_insert((n, d, implied));
        }
    }
    let (n, d, iv) = first?;
    let c = &ctx.claims[margin];
    let f = Finding::new(
        "arithmetic",
        Severity::Error,
        format!(
            "{}: {} over {} is {:.1}% ({:.1} to {:.1} given the rounding), but the margin is given as {} ({})",
            describe(ctx, margin),
            figure_with_unit(&ctx.claims[n].figure),
            figure_with_unit(&ctx.claims[d].figure),
            (iv.lo + iv.hi) / 2.0,
            iv.lo,
            iv.hi,
            figure_text(&c.figure),
            ctx.place(margin),
        ),
    );
    Some(super::with_claims(
        f,
        "The margin and the profit beside it do not go together: one may be an adjusted figure and the other not, or one of them is wrong.",
        [margin],
        [n, d],
    ))
}

/// A margin `m` now and its change `d` in points, against the growths of its profit
/// (`gn`) and revenue (`gd`): last year's margin is m x (1 + revenue growth) / (1 +
/// profit growth), so the change is fixed by the three.
fn against_growth(ctx: &Ctx, m: usize, d: usize, gn: &[usize], gd: &[usize]) -> Option<Finding> {
    let margin = ctx.claims[m].figure.interval();
    let mut stated = ctx.claims[d].figure.interval();
    if ctx.claims[d].figure.unit == Unit::Bp {
        stated = stated.scaled(0.01);
    }
    let mut first: Option<(usize, usize, Interval)> = None;
    for &n in gn {
        for &r in gd {
            let (a, b) = (
                ctx.claims[n].figure.interval(),
                ctx.claims[r].figure.interval(),
            );
            let (na, nb) = (1.0 + a.lo / 100.0, 1.0 + a.hi / 100.0);
            let (ra, rb) = (1.0 + b.lo / 100.0, 1.0 + b.hi / 100.0);
            if na <= 0.0 || ra <= 0.0 {
                continue;
            }
            // change = m - m * r / n, smallest with the smallest margin and revenue growth
            // and the largest profit growth
            let implied = Interval {
                lo: margin.lo - margin.lo * ra / nb,
                hi: margin.hi - margin.hi * rb / na,
            };
            let implied = Interval {
                lo: implied.lo.min(implied.hi),
                hi: implied.lo.max(implied.hi),
            };
            if implied.overlaps(&stated) {
                return None;
            }
            first.get_or_insert((n, r, implied));
        }
    }
    let (n, r, iv) = first?;
    let f = Finding::new(
        "arithmetic",
        Severity::Error,
        format!(
            "{}: a margin of {} with profit up {} and revenue up {} is {:+.1} points on a year earlier ({:+.1} to {:+.1} given the rounding), but the change is given as {} ({})",
            describe(ctx, m),
            figure_text(&ctx.claims[m].figure),
            figure_text(&ctx.claims[n].figure),
            figure_text(&ctx.claims[r].figure),
            (iv.lo + iv.hi) / 2.0,
            iv.lo,
            iv.hi,
            figure_text(&ctx.claims[d].figure),
            ctx.place(d),
        ),
    );
    Some(super::with_claims(
        f,
        "A margin moves by what its profit and its revenue grew: check the change in points, or the two growth rates.",
        [d],
        [m, n, r],
    ))
}
