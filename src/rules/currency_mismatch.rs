//! `currency-mismatch`: a figure given in two currencies whose ratio is off the FX rate.

use super::{clusters, figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use crate::graph::GroupKey;
use crate::knowledge::fx::{LearnedRate, RateForm};
use crate::knowledge::Rate;
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
converted and must agree within a tolerance (default 5%, `--fx-tolerance 0.05`, or \
`tolerances: {fx: 0.05}` in claimcheck.yaml). The rate is the FX table's average for the \
figure's period (for a plan, target or figure with no calendar period: of the publication month) \
when the table has the pair. When it lacks the pair (the ECB publishes no TWD rate), the rate is \
one the texts state, learned like a fiscal calendar: \"($1 = 0.9385 euros)\", \"(1 euro = \
$1.08)\", \"at an exchange rate of 1,380 won per dollar\", or the ratio of a bracketed \
translation such as \"NT$12.30 (US$0.41)\" (`claimcheck knowledge PATH` lists them). The \
figure's own article's rate comes first, then the checked set's; a rate written out before one \
implied by a translation; of several, the median. A bracketed translation is itself a pair of \
figures and is never checked against its own rate. A learned rate is not compared with the \
table (rates move within a quarter). The figure in the company's reporting currency (or the \
primary source's, or the most common) is the reference. A conversion with no rate at all is \
not a conflict: it is listed by `currency-unchecked`, as a notice.",
            why: "Conversions are where AI-written copy slips most: a 250 billion yuan plan turns \
into \"$25 billion\" by dividing by ten instead of seven.",
            example: "article A: \"a 250 billion yuan ($35 billion) plan\"\n\
article B: \"the $25 billion plan\"\n\
=> currency-mismatch: RMB 250 billion is about $35 billion at 7.15 CNY per USD; $25 billion is 28% off\n\
release: \"revenue of NT$84.2 billion (US$2.75 billion)\"\n\
article: \"revenue of $2.3 billion\"\n\
=> currency-mismatch: at 0.0327 USD per TWD (the translation at release.txt:4), NT$84.2 billion is about USD 2.75 billion; $2.3 billion is -16% off",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        conversions(ctx)
            .iter()
            .filter(|g| !g.bad.is_empty())
            .map(|g| {
                g.finding(
                    ctx,
                    "currency-mismatch",
                    Severity::Error,
                    &g.bad,
                    "does not match",
                    Role::Conflicting,
                )
            })
            .collect()
    }
}

/// One group's conversions: the reference figures, the figures off their rate, and the
/// figures no rate checks (neither the FX table nor the texts have one).
pub(super) struct Group<'a> {
    key: &'a GroupKey,
    ref_ids: Vec<usize>,
    pub(super) bad: Vec<Checked>,
    pub(super) no_rate: Vec<Checked>,
}

/// A figure and what its check found, and the rate's provenance for the help line.
pub(super) struct Checked {
    claim: usize,
    why: String,
    from_texts: bool,
}

/// The rate a conversion is checked with.
enum RateFor<'a> {
    /// The FX table's average for the period.
    Table(Rate),
    /// A rate the texts state or a translation implies: the claim's own article's, else
    /// the checked set's (units of the converted currency per reference unit).
    Learned(f64, &'a LearnedRate),
    /// The figure is one side of a bracketed translation whose rate is its article's median
    /// rate: the translation is itself the statement of the rate, nothing to check.
    OwnTranslation,
}

/// The rate for converting `reference` into claim `c`'s currency `cur`: the FX table's for
/// `months` when it has the pair; else the median of the rates learned from the claim's own
/// article (written-out rates before translations), else from the checked set. A claim is
/// never checked against the rate of its own bracketed translation: when that is the
/// median, the claim is left alone. A learned rate is not itself compared with the table:
/// rates move within a quarter, and the table is preferred where it has the pair.
fn rate_for<'a>(
    ctx: &'a Ctx,
    reference: &str,
    cur: &str,
    c: usize,
    months: Option<MonthRange>,
) -> Option<RateFor<'a>> {
    if let Some(r) = months.and_then(|m| ctx.knowledge.fx.rate(reference, cur, m)) {
        return Some(RateFor::Table(r));
    }
    let claim = &ctx.claims[c];
    let path = ctx.articles[claim.article].path.display().to_string();
    let iv = claim.figure.interval();
    let own = |l: &LearnedRate| {
        l.rate.form == RateForm::Translation
            && l.path == path
            && l.line == claim.span.line
            && l.rate.sides.iter().any(|(cu, amount)| {
                let eps = 1e-9 * amount.abs();
                cu == cur && iv.lo - eps <= *amount && *amount <= iv.hi + eps
            })
    };
    let all: Vec<(f64, &LearnedRate, bool)> = ctx
        .knowledge
        .fx
        .learned
        .iter()
        .filter_map(|l| Some((l.rate.between(reference, cur)?, l, own(l))))
        .collect();
    let same: Vec<(f64, &LearnedRate, bool)> = all
        .iter()
        .copied()
        .filter(|(_, l, _)| l.path == path)
        .collect();
    let pool = if same.is_empty() { all } else { same };
    // a rate written out wins over one implied by rounded amounts
    let stated: Vec<(f64, &LearnedRate, bool)> = pool
        .iter()
        .copied()
        .filter(|(_, l, _)| l.rate.form == RateForm::Stated)
        .collect();
    let mut pool = if stated.is_empty() { pool } else { stated };
    if pool.is_empty() {
        return None;
    }
    // the median, so that one slipped translation does not set the rate for the others;
    // when the claim's own translation is (one of) the median, it is its own rate: quiet
    pool.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| (&a.1.path, a.1.line).cmp(&(&b.1.path, b.1.line)))
    });
    let n = pool.len();
    let middle = if n % 2 == 1 {
        (n - 1) / 2..=(n - 1) / 2
    } else {
        n / 2 - 1..=n / 2
    };
    if pool[middle].iter().any(|(_, _, own)| *own) {
        return Some(RateFor::OwnTranslation);
    }
    let (v, l, _) = pool[(n - 1) / 2];
    Some(RateFor::Learned(v, l))
}

/// Every group of one entity, metric and period with figures in several currencies, each
/// figure outside the reference currency converted and checked.
pub(super) fn conversions<'a>(ctx: &'a Ctx) -> Vec<Group<'a>> {
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
        let ref_ids = ref_cl[rc].clone();
        let anchor = ref_ids[0];
        let mut bad: Vec<Checked> = Vec::new();
        let mut no_rate: Vec<Checked> = Vec::new();
        for (cur, cs) in &by_cur {
            if *cur == reference {
                continue;
            }
            for &c in cs {
                let months = rate_months(ctx, &ctx.claims[c], &ctx.claims[anchor]);
                let (value, said, from_texts) = match rate_for(ctx, reference, cur, c, months) {
                    Some(RateFor::Table(rate)) => {
                        (rate.value, format!("{} average", rate.months), false)
                    }
                    Some(RateFor::Learned(v, l)) => (
                        v,
                        format!(
                            "{} at {}:{}",
                            match l.rate.form {
                                RateForm::Stated => "stated",
                                RateForm::Translation => "the translation",
                            },
                            super::file_name(&l.path),
                            l.line
                        ),
                        true,
                    ),
                    Some(RateFor::OwnTranslation) => continue,
                    None => {
                        no_rate.push(Checked {
                                claim: c,
                                why: match months {
                                    None => format!(
                                        "no date to pick a {reference}/{cur} rate for, and no rate in the texts"
                                    ),
                                    Some(m) => format!(
                                        "no {reference}/{cur} rate for {m} in the FX table, and none stated in the texts"
                                    ),
                                },
                                from_texts: false,
                            });
                        continue;
                    }
                };
                let got = ctx.claims[c].figure.interval();
                // consistent with any stated figure in the reference currency: a disagreement
                // among those is the contradiction rule's finding, not a conversion slip
                let matches_any = ref_cl.iter().any(|cl| {
                    let e = ctx.claims[cl[0]].figure.interval().scaled(value);
                    e.widened(ctx.config.fx_tolerance).overlaps(&got)
                });
                let expected = ctx.claims[anchor].figure.interval().scaled(value);
                if !matches_any {
                    let mid = (expected.lo + expected.hi) / 2.0;
                    let off = (got.lo + got.hi) / 2.0 / mid - 1.0;
                    bad.push(Checked {
                        claim: c,
                        why: format!(
                            "at {:.4} {cur} per {reference} ({said}), {} is about {}; {} is {:+.0}% off",
                            value,
                            figure_text(&ctx.claims[anchor].figure),
                            human(mid, cur),
                            figure_text(&ctx.claims[c].figure),
                            off * 100.0
                        ),
                        from_texts,
                    });
                }
            }
        }
        if !bad.is_empty() || !no_rate.is_empty() {
            out.push(Group {
                key,
                ref_ids,
                bad,
                no_rate,
            });
        }
    }
    out
}

impl Group<'_> {
    /// The finding about `list`, one of this group's lists: figures off their rate
    /// (`Role::Conflicting`) or figures no rate checks (`Role::Subject`, a notice).
    pub(super) fn finding(
        &self,
        ctx: &Ctx,
        rule: &'static str,
        severity: Severity,
        list: &[Checked],
        what: &str,
        role: Role,
    ) -> Finding {
        let places: Vec<String> = list
            .iter()
            .map(|k| {
                format!(
                    "{} ({})",
                    figure_text(&ctx.claims[k.claim].figure),
                    ctx.place(k.claim)
                )
            })
            .collect();
        let mut f = Finding::new(
            rule,
            severity,
            format!(
                "{}{}: {} {what} {}",
                self.key.series.describe(),
                match self.key.period {
                    // "investment plan", not "investment plan for the plan"
                    PeriodKey::Plan => String::new(),
                    ref p => format!(" for {p}"),
                },
                places.join(", "),
                super::describe_cluster(ctx, &self.ref_ids)
            ),
        );
        let mut fx = Vec::new();
        if list.iter().any(|k| !k.from_texts) {
            fx.push(ctx.knowledge.fx.source.clone());
        }
        if list.iter().any(|k| k.from_texts) {
            fx.push("rates stated in the texts".to_string());
        }
        let whys = list
            .iter()
            .map(|k| k.why.clone())
            .collect::<Vec<_>>()
            .join("; ");
        f.help = Some(if role == Role::Subject {
            format!(
                "{whys}. Check the conversion by hand, or state the rate it used (\"($1 = 0.92 euros)\") so that it is checked (FX table: {}).",
                ctx.knowledge.fx.source
            )
        } else {
            format!(
                "{whys} (FX: {}; tolerance {:.0}%).",
                fx.join("; "),
                ctx.config.fx_tolerance * 100.0
            )
        });
        for &c in &self.ref_ids {
            f.claims.push(FindingClaim {
                claim: c,
                role: Role::Reference,
            });
        }
        for k in list {
            f.claims.push(FindingClaim {
                claim: k.claim,
                role,
            });
        }
        f
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
