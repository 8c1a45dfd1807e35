//! `currency-mismatch`: a figure given in two currencies whose ratio is off the FX rate.

use super::{clusters, figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use crate::model::Claim;
use crate::period::{Month, MonthRange, PeriodKey};
use std::collections::BTreeMap;

pub struct CurrencyMismatch;

impl Rule for CurrencyMismatch {
    fn id(&self) -> &'static str {
        "currency-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "A figure given in two currencies whose ratio is off the FX rate",
            what: "For the same entity, metric and period, figures in different currencies are \
converted at the reference rate of the figure's period (for a plan, target or figure with no \
calendar period: of the publication month) and must agree within a tolerance (default 5%, \
`--fx-tolerance 0.05`, or `tolerances: {fx: 0.05}` in claimcheck.yaml). The figure in the company's reporting currency (or the primary source's, or the \
most common) is the reference. A conversion with no rate available is reported as a warning, \
never passed silently.",
            why: "Conversions are where AI-written copy slips most: a 250 billion yuan plan turns \
into \"$25 billion\" by dividing by ten instead of seven.",
            example: "article A: \"a 250 billion yuan ($35 billion) plan\"\n\
article B: \"the $25 billion plan\"\n\
=> currency-mismatch: RMB 250 billion is about $35 billion at 7.15 CNY per USD; $25 billion is 28% off",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        let mut out = Vec::new();
        for (key, ids) in ctx.graph.groups() {
            let money: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&c| ctx.claims[c].figure.unit.currency().is_some())
                .collect();
            let mut by_cur: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &c in &money {
                by_cur
                    .entry(ctx.claims[c].figure.unit.currency().expect("money"))
                    .or_default()
                    .push(c);
            }
            if by_cur.len() < 2 {
                continue;
            }
            // the reference currency: primary source's, else the entity's reporting currency, else the most used
            let entity_cur = ctx
                .knowledge
                .entities
                .get(&key.series.entity)
                .and_then(|e| e.currency.clone());
            let reference = by_cur
                .iter()
                .find(|(_, v)| v.iter().any(|&c| ctx.is_primary(c)))
                .map(|(k, _)| *k)
                .or_else(|| entity_cur.as_deref().filter(|c| by_cur.contains_key(c)))
                .unwrap_or_else(|| {
                    by_cur
                        .iter()
                        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
                        .map(|(k, _)| *k)
                        .expect("two currencies")
                });
            let ref_cl = clusters(ctx.claims, &by_cur[reference]);
            let rc = super::reference_cluster(ctx, &ref_cl);
            let ref_ids = &ref_cl[rc];
            let anchor = ref_ids[0];
            let mut bad: Vec<(usize, String)> = Vec::new();
            let mut no_rate: Vec<(usize, String)> = Vec::new();
            for (cur, cs) in &by_cur {
                if *cur == reference {
                    continue;
                }
                for &c in cs {
                    let months = rate_months(ctx, &ctx.claims[c], &ctx.claims[anchor]);
                    let Some(months) = months else {
                        no_rate.push((c, format!("no date to pick a {reference}/{cur} rate for")));
                        continue;
                    };
                    let Some(rate) = ctx.knowledge.fx.rate(reference, cur, months) else {
                        no_rate.push((
                            c,
                            format!("no {reference}/{cur} rate for {months} in the FX table"),
                        ));
                        continue;
                    };
                    let got = ctx.claims[c].figure.interval();
                    // consistent with any stated figure in the reference currency: a disagreement
                    // among those is the contradiction rule's finding, not a conversion slip
                    let matches_any = ref_cl.iter().any(|cl| {
                        let e = ctx.claims[cl[0]].figure.interval().scaled(rate.value);
                        e.widened(ctx.config.fx_tolerance).overlaps(&got)
                    });
                    let expected = ctx.claims[anchor].figure.interval().scaled(rate.value);
                    if !matches_any {
                        let mid = (expected.lo + expected.hi) / 2.0;
                        let off = (got.lo + got.hi) / 2.0 / mid - 1.0;
                        bad.push((
                            c,
                            format!(
                                "at {:.4} {cur} per {reference} ({} average), {} is about {}; {} is {:+.0}% off",
                                rate.value,
                                rate.months,
                                figure_text(&ctx.claims[anchor].figure),
                                human(mid, cur),
                                figure_text(&ctx.claims[c].figure),
                                off * 100.0
                            ),
                        ));
                    }
                }
            }
            for (list, severity, what) in [
                (bad, Severity::Error, "does not match"),
                (no_rate, Severity::Warning, "cannot be checked against"),
            ] {
                if list.is_empty() {
                    continue;
                }
                let places: Vec<String> = list
                    .iter()
                    .map(|(c, _)| {
                        format!(
                            "{} ({})",
                            figure_text(&ctx.claims[*c].figure),
                            ctx.place(*c)
                        )
                    })
                    .collect();
                let mut f = Finding::new(
                    "currency-mismatch",
                    severity,
                    format!(
                        "{}{}: {} {what} {}",
                        key.series.describe(),
                        match key.period {
                            // "investment plan", not "investment plan for the plan"
                            PeriodKey::Plan => String::new(),
                            ref p => format!(" for {p}"),
                        },
                        places.join(", "),
                        super::describe_cluster(ctx, ref_ids)
                    ),
                );
                f.help = Some(format!(
                    "{} (FX: {}; tolerance {:.0}%).",
                    list.iter()
                        .map(|(_, w)| w.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                    ctx.knowledge.fx.source,
                    ctx.config.fx_tolerance * 100.0
                ));
                for &c in ref_ids {
                    f.claims.push(FindingClaim {
                        claim: c,
                        role: Role::Reference,
                    });
                }
                for (c, _) in &list {
                    f.claims.push(FindingClaim {
                        claim: *c,
                        role: Role::Conflicting,
                    });
                }
                out.push(f);
            }
        }
        out
    }
}

/// The months whose rate applies: the claim's period when it is a calendar
/// range (not an outlook), else the publication month of either article.
fn rate_months(ctx: &Ctx, c: &Claim, anchor: &Claim) -> Option<MonthRange> {
    if let PeriodKey::Range(r) = c.period.key() {
        if !c.outlook {
            return Some(r);
        }
    }
    let date = ctx.articles[c.article]
        .meta
        .published
        .or(ctx.articles[anchor.article].meta.published)?;
    let m = Month::new(date.year() as i32, date.month() as u8);
    Some(MonthRange::new(m, m))
}

fn human(v: f64, cur: &str) -> String {
    let (x, s) = if v.abs() >= 1e12 {
        (v / 1e12, " trillion")
    } else if v.abs() >= 1e9 {
        (v / 1e9, " billion")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    format!("{cur} {x:.2}{s}")
}
