//! `streak-mismatch`: "the Nth consecutive quarter" counts that do not add up.

use super::{figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use crate::model::Kind;
use crate::period::{Month, MonthRange};
use std::collections::BTreeMap;

pub struct StreakMismatch;

impl Rule for StreakMismatch {
    fn id(&self) -> &'static str {
        "streak-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "Consecutive-quarter streaks whose counts disagree or do not step by one",
            what: "Each streak claim (\"for the sixth consecutive quarter\", \"seven straight \
quarters\") fixes the quarter the streak began: the quarter it is stated for, minus the count, \
plus one. Claims about the same entity and metric must agree on that start: the same quarter \
must carry the same count, and each later quarter one more.",
            why: "Streak counts are easy to get wrong by one, and a wrong count usually means the \
article has the quarter wrong too.",
            example: "article A: \"triple-digit AI growth for the ninth consecutive quarter\" (Q3 2025)\n\
article B: \"... for the eighth straight quarter of growth\" in Q3 2025\n\
=> streak-mismatch: A's streak began Oct-Dec 2023, B's Jan-Mar 2024",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        let mut out = Vec::new();
        for (series, groups) in ctx.graph.series() {
            if series.kind != Kind::Streak {
                continue;
            }
            // implied first quarter of the streak -> claims
            let mut starts: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
            for (key, ids) in &groups {
                let Some(q) = key.range().and_then(|r| r.quarter_index()) else {
                    continue;
                };
                for &c in ids {
                    let v = &ctx.claims[c].figure.value;
                    if !v.is_point() || v.lo.exponent < 0 {
                        continue;
                    }
                    let n = v.lo.to_f64() as i32;
                    if n < 1 {
                        continue;
                    }
                    starts.entry(q - (n - 1)).or_default().push(c);
                }
            }
            if starts.len() < 2 {
                continue;
            }
            let clusters: Vec<Vec<usize>> = starts.values().cloned().collect();
            let r = super::reference_cluster(ctx, &clusters);
            let start_of = |q: i32| {
                let end = Month(q * 3 + 2);
                MonthRange::new(end.plus(-2), end)
            };
            let keys: Vec<i32> = starts.keys().copied().collect();
            let describe = |q: i32| {
                let items: Vec<String> = starts[&q]
                    .iter()
                    .map(|&c| {
                        format!(
                            "{} as of {} ({})",
                            figure_text(&ctx.claims[c].figure),
                            ctx.claims[c].period.key(),
                            ctx.place(c)
                        )
                    })
                    .collect();
                format!("{} (began {})", items.join(", "), start_of(q))
            };
            let others: Vec<String> = keys
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != r)
                .map(|(_, q)| describe(*q))
                .collect();
            let mut f = Finding::new(
                "streak-mismatch",
                Severity::Error,
                format!(
                    "{}: the counts do not add up: {} but {}",
                    series.describe(),
                    describe(keys[r]),
                    others.join("; and ")
                ),
            );
            f.help = Some(
                "A streak that is N quarters long in one quarter is N+1 long in the next. Check the count and the quarter each article gives."
                    .into(),
            );
            for (i, cl) in clusters.iter().enumerate() {
                for &c in cl {
                    f.claims.push(FindingClaim {
                        claim: c,
                        role: if i == r {
                            Role::Reference
                        } else {
                            Role::Conflicting
                        },
                    });
                }
            }
            out.push(f);
        }
        out
    }
}
