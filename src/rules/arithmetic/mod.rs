//! `arithmetic`: figures that must agree with each other by arithmetic do.

mod margins;
mod multiples;

use super::{figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use crate::graph::{GroupKey, SeriesKey};
use crate::model::{Basis, Interval, Kind, Unit};
use crate::period::{MonthRange, PeriodKey};

pub struct Arithmetic;

impl Rule for Arithmetic {
    fn id(&self) -> &'static str {
        "arithmetic"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "Growth rates and changes that do not follow from the levels given",
            what: "Checks figures that must agree by arithmetic: a growth rate against the two \
levels it compares (this period's level and the level a year, or a quarter, earlier: 39.8 vs 29.7 \
is +34%), and a change in percentage points against the two ratios it compares (\"from 9.9% to \
8.0%\" is -1.9 points), and, at warning, segments of one article's breakdown that add up to more \
than its total. A margin is also checked against what one article gives for the two measures it \
divides: beside its profit and the revenue (operating profit 2.1 over revenue 9.0 is 23%, not \
28%), and its change in points beside the growth of profit and revenue (a 40.0% margin with profit \
up 20% and revenue up 12% is 2.7 points above last year's). A figure said to be a multiple of \
another (\"13.2%, nearly quadruple the 5.1%\") must stand in about that ratio (2.6 is no \
\"nearly quadruple\"). Tolerances follow the rounding of the figures as written, so 4.67 vs 4.52 \
supports a stated 3% but not 5%. Conversions between currencies are the currency-mismatch rule's.",
            why: "An article can quote every figure correctly from different places and still \
combine them wrongly; a growth rate that the levels do not support is the easiest slip to miss.",
            example: "\"revenue rose 19% to $1.17 billion from $1.04 billion a year earlier\"\n\
=> arithmetic: $1.17 billion over $1.04 billion is +12.5% (+11.8% to +13.2% given the rounding), not 19%",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        let mut out = parts_and_totals(ctx);
        out.extend(margins::check(ctx));
        out.extend(multiples::check(ctx));
        // an unqualified figure that may be an adjusted one is not set against GAAP levels
        let twins = ctx.twins();
        for (series, groups) in ctx.graph.series() {
            let levels = matches!(
                series.kind,
                Kind::Level | Kind::Count | Kind::Margin | Kind::Share
            );
            if !levels || series.outlook {
                continue;
            }
            for (key, ids) in &groups {
                let Some(range) = key.range() else { continue };
                for (basis, months) in [(Basis::Yoy, 12), (Basis::Qoq, 3)] {
                    if basis == Basis::Qoq && range.len() != 3 {
                        continue;
                    }
                    let earlier = PeriodKey::Range(range.shifted(-months));
                    // (groups are in period order)
                    let Ok(at) = groups.binary_search_by(|(k, _)| k.cmp(&earlier)) else {
                        continue;
                    };
                    let prev_ids = &groups[at].1;
                    // an archive repeats one figure many times: each value is tried once
                    let (now_levels, prev_levels) =
                        (distinct_levels(ctx, ids), distinct_levels(ctx, prev_ids));
                    let mut tried: std::collections::HashMap<(String, u64, u64), Unsupported> =
                        std::collections::HashMap::new();
                    // the change stated for this period
                    let is_ratio = matches!(series.kind, Kind::Margin | Kind::Share);
                    let change_key = GroupKey {
                        series: SeriesKey {
                            kind: Kind::Growth,
                            basis: Some(basis),
                            ..series.clone()
                        },
                        period: key.clone(),
                    };
                    let changes: Vec<usize> = ctx
                        .graph
                        .group(&change_key)
                        .into_iter()
                        .filter(|c| !twins.contains(c))
                        .collect();
                    // one finding per period and basis, listing every change the levels do not support
                    let mut bad: Vec<(usize, usize, usize, Interval)> = Vec::new();
                    for &g in &changes {
                        let gc = &ctx.claims[g];
                        let wanted_unit = if is_ratio {
                            [Unit::Pp, Unit::Bp]
                        } else {
                            [Unit::Percent, Unit::Percent]
                        };
                        if !wanted_unit.contains(&gc.figure.unit) {
                            continue;
                        }
                        let iv = gc.figure.interval();
                        let memo = (gc.figure.unit.to_string(), iv.lo.to_bits(), iv.hi.to_bits());
                        let found = *tried.entry(memo).or_insert_with(|| {
                            check_pair(ctx, &now_levels, &prev_levels, g, is_ratio)
                        });
                        if let Some((n, p, iv)) = found {
                            bad.push((g, n, p, iv));
                        }
                    }
                    if !bad.is_empty() {
                        out.push(finding(ctx, series, range, basis, &bad, is_ratio));
                    }
                }
            }
        }
        out
    }
}

/// The levels that contradict a stated change: (now, earlier, implied change); None when
/// a pair of levels supports it.
type Unsupported = Option<(usize, usize, Interval)>;

/// The first claim of each distinct level among `ids` (unit, value and reading), in
/// order: the same figure repeated gives the same arithmetic.
fn distinct_levels(ctx: &Ctx, ids: &[usize]) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .copied()
        .filter(|&i| {
            let f = &ctx.claims[i].figure;
            let iv = f.interval();
            seen.insert((
                f.unit.to_string(),
                f.value.is_point(),
                iv.lo.to_bits(),
                iv.hi.to_bits(),
            ))
        })
        .collect()
}

/// The change implied by two levels, as an interval (percent, or percentage points for ratios).
fn implied(now: Interval, before: Interval, ratio: bool) -> Option<Interval> {
    if ratio {
        return Some(Interval {
            lo: now.lo - before.hi,
            hi: now.hi - before.lo,
        });
    }
    if before.lo <= 0.0 || now.lo < 0.0 {
        return None;
    }
    Some(Interval {
        lo: (now.lo / before.hi - 1.0) * 100.0,
        hi: (now.hi / before.lo - 1.0) * 100.0,
    })
}

/// The levels that contradict a stated change: (now, earlier, implied change), or None when a pair supports it.
fn check_pair(
    ctx: &Ctx,
    now_ids: &[usize],
    prev_ids: &[usize],
    change: usize,
    ratio: bool,
) -> Option<(usize, usize, Interval)> {
    let gc = &ctx.claims[change];
    let mut best: Option<(usize, usize, Interval)> = None;
    for &n in now_ids {
        for &p in prev_ids {
            let (cn, cp) = (&ctx.claims[n], &ctx.claims[p]);
            // levels in one unit (one currency), as points
            if cn.figure.unit != cp.figure.unit
                || !cn.figure.value.is_point()
                || !cp.figure.value.is_point()
            {
                continue;
            }
            let Some(iv) = implied(cn.figure.interval(), cp.figure.interval(), ratio) else {
                continue;
            };
            let mut stated = gc.figure.interval();
            if gc.figure.unit == Unit::Bp {
                stated = stated.scaled(0.01);
            }
            if iv.overlaps(&stated) {
                return None;
            }
            best.get_or_insert((n, p, iv));
        }
    }
    best
}

fn finding(
    ctx: &Ctx,
    series: &SeriesKey,
    range: MonthRange,
    basis: Basis,
    bad: &[(usize, usize, usize, Interval)],
    ratio: bool,
) -> Finding {
    let (_, n, p, iv) = bad[0];
    let (cn, cp) = (&ctx.claims[n], &ctx.claims[p]);
    let unit = if ratio { " points" } else { "%" };
    let stated: Vec<String> = bad
        .iter()
        .map(|(g, ..)| {
            format!(
                "{} ({})",
                figure_text(&ctx.claims[*g].figure),
                ctx.place(*g)
            )
        })
        .collect();
    let f = Finding::new(
        "arithmetic",
        Severity::Error,
        format!(
            "{}: {} for {} against {} for {} is {:+.1}{unit} ({:+.1} to {:+.1} given the rounding), but the {} change is given as {}",
            series.describe(),
            super::figure_with_unit(&cn.figure),
            range,
            super::figure_with_unit(&cp.figure),
            cp.period.key(),
            (iv.lo + iv.hi) / 2.0,
            iv.lo,
            iv.hi,
            basis.phrase(),
            stated.join(", ")
        ),
    );
    with_claims(
        f,
        "Check which figure is wrong: one of the two levels, or the change between them.",
        bad.iter().map(|(g, ..)| *g),
        [n, p],
    )
}

/// An arithmetic finding's help and claims: the figures that do not add up, then
/// those they are measured against.
fn with_claims(
    mut f: Finding,
    help: &str,
    conflicting: impl IntoIterator<Item = usize>,
    reference: impl IntoIterator<Item = usize>,
) -> Finding {
    f.help = Some(help.into());
    let roles = conflicting
        .into_iter()
        .map(|claim| (claim, Role::Conflicting))
        .chain(reference.into_iter().map(|claim| (claim, Role::Reference)));
    f.claims
        .extend(roles.map(|(claim, role)| FindingClaim { claim, role }));
    f
}

/// Segments that add up to more than the company's total for the same period.
fn parts_and_totals(ctx: &Ctx) -> Vec<Finding> {
    use std::collections::BTreeMap;
    // (entity, measure, scope, period, unit) -> subject -> claims
    type Slot = (String, String, Option<String>, PeriodKey, String);
    let mut slots: BTreeMap<Slot, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (key, ids) in ctx.graph.groups() {
        let s = &key.series;
        if s.kind != Kind::Level || s.outlook || !matches!(key.period, PeriodKey::Range(_)) {
            continue;
        }
        if ctx
            .knowledge
            .metrics
            .part_of
            .contains_key(&s.metric.subject)
            || s.metric.subject == "peers"
            // a part named from the text may hold or overlap another: never summed
            || s.metric.subject.starts_with("text-")
        {
            continue;
        }
        for &i in &ids {
            let unit = ctx.claims[i].figure.unit.to_string();
            if ctx.claims[i].figure.unit.currency().is_none() {
                continue;
            }
            slots
                .entry((
                    s.entity.clone(),
                    s.metric.measure.clone(),
                    s.metric.scope.clone(),
                    key.period.clone(),
                    unit,
                ))
                .or_default()
                .entry(s.metric.subject.clone())
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for ((entity, measure, _, period, _), subjects) in slots {
        let Some(total) = subjects.get("company") else {
            continue;
        };
        // a breakdown is read from one article (its segments and its total), not pieced together
        let article = ctx.claims[total[0]].article;
        let total: Vec<usize> = total
            .iter()
            .copied()
            .filter(|&i| ctx.claims[i].article == article)
            .collect();
        let parts: Vec<(&String, usize)> = subjects
            .iter()
            .filter(|(s, _)| s.as_str() != "company")
            .filter_map(|(s, ids)| {
                ids.iter()
                    .copied()
                    .find(|&i| ctx.claims[i].article == article)
                    .map(|i| (s, i))
            })
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let sum_lo: f64 = parts
            .iter()
            .map(|(_, i)| ctx.claims[*i].figure.interval().lo)
            .sum();
        let t = total
            .iter()
            .map(|&i| ctx.claims[i].figure.interval().hi)
            .fold(f64::MIN, f64::max);
        if sum_lo <= t * 1.02 {
            continue;
        }
        let list: Vec<String> = parts
            .iter()
            .map(|(s, i)| {
                format!(
                    "{s} {} ({})",
                    figure_text(&ctx.claims[*i].figure),
                    ctx.place(*i)
                )
            })
            .collect();
        let mut f = Finding::new(
            "arithmetic",
            Severity::Warning,
            format!(
                "{entity} {measure} for {period}: the segments add up to more than the total: {} against a total of {} ({})",
                list.join(" + "),
                figure_text(&ctx.claims[total[0]].figure),
                ctx.place(total[0])
            ),
        );
        f.help = Some("Segments of a company cannot add up to more than its total; one figure belongs to another period, unit or company.".into());
        f.claims = parts
            .iter()
            .map(|(_, i)| FindingClaim {
                claim: *i,
                role: Role::Conflicting,
            })
            .collect();
        f.claims.push(FindingClaim {
            claim: total[0],
            role: Role::Reference,
        });
        out.push(f);
    }
    out
}
