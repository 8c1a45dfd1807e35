//! `period-mismatch`: the same figure for the same entity and metric under periods that cannot both be right.

use super::{clusters, figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use crate::graph::SeriesKey;
use crate::model::{Figure, Kind, Qualifier};
use crate::period::{PeriodClass, PeriodKey};
use std::collections::{BTreeMap, BTreeSet};

pub struct PeriodMismatch;

impl Rule for PeriodMismatch {
    fn id(&self) -> &'static str {
        "period-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "One figure carried under two periods that cannot both be right",
            what: "Flags a figure that articles give for the same entity and metric under \
periods that do not overlap, when there is evidence that one label is wrong: other articles \
give a different figure for one of the periods, or several figures move together from one \
label to the other (the same revenue, growth and conversion under \"Q3\" in one article and \
\"Q1 2025\" in another), or an amount written to three significant digits or more (a point, or \
a range such as \"$8.15 billion to $8.35 billion\") that two or more articles give for one \
period and a single article for another, or an outlook one article dates to a period that had \
already ended when it was published while another gives it for the period ahead. The \
company's own release is never named as the likely mislabel. The finding names both labels, how each was read, and which one the \
other articles support; figures one label misdates on the same line (a forecast and its rise) \
are one finding. It also flags a growth figure set against the wrong period: one \
article gives it against the previous quarter while two or more others give the same figure, \
for the same quarter, against the quarter a year before (or the other way round).",
            why: "A quarter mislabelled by an AI writer or a hurried editor spreads a true figure \
to the wrong period, which then contradicts the real figure for that period.",
            example: "article A: \"revenue rose 26% to $33.4B in Q2 2025\"\n\
article B: \"revenue rose 26% to $33.4B in Q3\" (published in 2025)\n\
article C: \"Q3 2025 revenue grew 34%\"\n\
=> period-mismatch: 26% under Q2 2025 (A) and Q3 (B); C gives 34% for Q3, so B's label is the likely error",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        // what each (entity, article, period) states: series -> claims
        let mut stated: BTreeMap<(&str, usize, PeriodKey), BTreeMap<&SeriesKey, Vec<usize>>> =
            BTreeMap::new();
        let series_of: Vec<Option<SeriesKey>> =
            ctx.claims.iter().map(SeriesKey::of_claim).collect();
        for (i, c) in ctx.claims.iter().enumerate() {
            if let Some(s) = &series_of[i] {
                stated
                    .entry((c.entity.as_str(), c.article, c.period.key()))
                    .or_default()
                    .entry(s)
                    .or_default()
                    .push(i);
            }
        }
        // an unqualified figure equal to a qualified line of its period ("570 billion" beside
        // continuing operations' 570.45 billion) may be that line: it proves no label wrong
        let twins = ctx.twins();
        let mut out = Vec::new();
        for (series, groups) in ctx.graph.series() {
            if series.kind == Kind::Streak || groups.len() < 2 {
                continue;
            }
            let at: BTreeMap<&PeriodKey, &Vec<usize>> =
                groups.iter().map(|(k, v)| (k, v)).collect();
            let all: Vec<usize> = groups.iter().flat_map(|(_, v)| v.iter().copied()).collect();
            let mut by_unit: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            // only precise figures ("26%", not "about 28%") can show a label is wrong
            for &i in all
                .iter()
                .filter(|&&i| precise(&ctx.claims[i].figure) && !twins.contains(&i))
            {
                by_unit
                    .entry(ctx.claims[i].figure.unit.to_string())
                    .or_default()
                    .push(i);
            }
            for ids in by_unit.values() {
                for cluster in clusters(ctx.claims, ids) {
                    if let Some(f) = check_cluster(ctx, series, &cluster, &at, &stated) {
                        out.push(f);
                    }
                }
            }
        }
        let mut out = one_per_mislabel(ctx, out);
        out.extend(compared_with_the_wrong_period(ctx));
        out
    }
}

/// Findings whose likely mislabels are the same label on the same lines ("the fiscal
/// year ending March 2025" dating both a forecast and its 8% rise) are one error: the
/// first finding takes the others' claims, and its help names their figures.
fn one_per_mislabel(ctx: &Ctx, findings: Vec<Finding>) -> Vec<Finding> {
    // the lines of the period fewest claims give (the likely mislabel, named or not)
    let key = |f: &Finding| -> BTreeSet<(usize, usize, PeriodKey)> {
        let mut by_period: BTreeMap<PeriodKey, BTreeSet<(usize, usize, PeriodKey)>> =
            BTreeMap::new();
        for c in f.claims.iter().filter(|c| c.role != Role::Context) {
            let cl = &ctx.claims[c.claim];
            by_period.entry(cl.period.key()).or_default().insert((
                cl.article,
                cl.span.line,
                cl.period.key(),
            ));
        }
        by_period
            .into_values()
            .min_by_key(|v| v.len())
            .unwrap_or_default()
    };
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut seen: BTreeMap<BTreeSet<(usize, usize, PeriodKey)>, usize> = BTreeMap::new();
    for f in findings {
        let k = key(&f);
        // a table row's cells are each their own figure: never one finding
        let in_table = f.claims.iter().any(|c| ctx.claims[c.claim].cell.is_some());
        match seen.get(&k).filter(|_| !in_table) {
            Some(&at) if !k.is_empty() => {
                let first = &mut out[at];
                let figures: Vec<String> = f
                    .claims
                    .iter()
                    .filter(|c| {
                        let cl = &ctx.claims[c.claim];
                        k.contains(&(cl.article, cl.span.line, cl.period.key()))
                    })
                    .map(|c| figure_text(&ctx.claims[c.claim].figure))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                for c in f.claims {
                    if !first.claims.iter().any(|x| x.claim == c.claim) {
                        first.claims.push(c);
                    }
                }
                first.help = Some(format!(
                    "{} The same label also dates {} there.",
                    first.help.take().unwrap_or_default(),
                    figures.join(", ")
                ));
            }
            _ => {
                seen.insert(k, out.len());
                out.push(f);
            }
        }
    }
    out
}

/// A growth figure one article gives against the previous quarter while other articles
/// give the same figure, for the same quarter, against the quarter a year before (or
/// the other way round): the change cannot be both, and the lone article's comparison
/// is the likely error.
fn compared_with_the_wrong_period(ctx: &Ctx) -> Vec<Finding> {
    use crate::model::Basis;
    let mut groups: BTreeMap<(SeriesKey, PeriodKey), Vec<usize>> = BTreeMap::new();
    for (i, c) in ctx.claims.iter().enumerate() {
        let Some(mut key) = SeriesKey::of_claim(c) else {
            continue;
        };
        let p = c.period.key();
        if c.kind != Kind::Growth
            || !matches!(c.basis, Some(Basis::Qoq | Basis::Yoy))
            || !precise(&c.figure)
            || !matches!(p, PeriodKey::Range(_))
        {
            continue;
        }
        key.basis = None;
        groups.entry((key, p)).or_default().push(i);
    }
    let mut out = Vec::new();
    for ((series, period), ids) in &groups {
        for cluster in clusters(ctx.claims, ids) {
            let side = |b: Basis| -> (Vec<usize>, BTreeSet<usize>) {
                let ids: Vec<usize> = cluster
                    .iter()
                    .copied()
                    .filter(|&c| ctx.claims[c].basis == Some(b))
                    .collect();
                let arts = ids.iter().map(|&c| ctx.claims[c].article).collect();
                (ids, arts)
            };
            let (q, qa) = side(Basis::Qoq);
            let (y, ya) = side(Basis::Yoy);
            if q.is_empty() || y.is_empty() || !qa.is_disjoint(&ya) {
                continue;
            }
            // the lone article against two or more that agree with each other
            let (lone, lone_b, many, many_b, many_articles) = match (qa.len(), ya.len()) {
                (1, n) if n >= 2 => (&q, Basis::Qoq, &y, Basis::Yoy, n),
                (n, 1) if n >= 2 => (&y, Basis::Yoy, &q, Basis::Qoq, n),
                _ => continue,
            };
            let value = figure_text(&ctx.claims[lone[0]].figure);
            let places = |ids: &[usize]| -> String {
                ids.iter()
                    .map(|&c| ctx.place(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut f = Finding::new(
                "period-mismatch",
                Severity::Error,
                format!(
                    "{} of {value} for {period} is given {} in {} but {} in {}: one change \
cannot be both",
                    series.describe(),
                    lone_b.phrase(),
                    places(lone),
                    many_b.phrase(),
                    places(many)
                ),
            );
            f.help = Some(format!(
                "The same figure is set against a different period: {} articles compare it {}. \
Check which period the lone article compares with.",
                many_articles,
                many_b.phrase()
            ));
            for &c in lone {
                f.claims.push(FindingClaim {
                    claim: c,
                    role: Role::Conflicting,
                });
            }
            for &c in many.iter() {
                f.claims.push(FindingClaim {
                    claim: c,
                    role: Role::Reference,
                });
            }
            out.push(f);
        }
    }
    out
}

type Stated<'a> = BTreeMap<(&'a str, usize, PeriodKey), BTreeMap<&'a SeriesKey, Vec<usize>>>;

fn check_cluster(
    ctx: &Ctx,
    series: &SeriesKey,
    cluster: &[usize],
    at: &BTreeMap<&PeriodKey, &Vec<usize>>,
    stated: &Stated,
) -> Option<Finding> {
    // the periods this figure is carried under (ranges only: an unplaced label proves nothing)
    let mut keys: BTreeMap<PeriodKey, Vec<usize>> = BTreeMap::new();
    for &c in cluster {
        let k = ctx.claims[c].period.key();
        if matches!(k, PeriodKey::Range(_)) {
            keys.entry(k).or_default().push(c);
        }
    }
    // only a precise figure ("26%", not "over 20%" or "triple-digit") can prove a label wrong
    keys.retain(|_, ids| ids.iter().any(|&c| precise(&ctx.claims[c].figure)));
    if keys.len() < 2 {
        return None;
    }
    let in_cluster: BTreeSet<usize> = cluster.iter().copied().collect();
    // a period is contested when another claim gives a different figure for it
    let contested = |k: &PeriodKey| -> Vec<usize> {
        at.get(k)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|x| {
                        !in_cluster.contains(x)
                            && ctx.claims[*x].figure.unit == ctx.claims[cluster[0]].figure.unit
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let key_list: Vec<&PeriodKey> = keys.keys().collect();
    let mut evidence: Vec<String> = Vec::new();
    let mut suspect: BTreeSet<PeriodKey> = BTreeSet::new();
    let mut contesting: BTreeSet<usize> = BTreeSet::new();
    // one table giving the figure in two columns states two periods, not a wrong label
    let one_table = |a: &PeriodKey, b: &PeriodKey| {
        let tables = |k: &PeriodKey| -> BTreeSet<(usize, usize)> {
            keys[k]
                .iter()
                .filter_map(|&c| {
                    let cl = &ctx.claims[c];
                    cl.cell.as_ref().map(|t| (cl.article, t.table))
                })
                .collect()
        };
        !tables(a).is_disjoint(&tables(b))
    };
    for (i, ka) in key_list.iter().enumerate() {
        for kb in key_list.iter().skip(i + 1) {
            if ka.overlaps(kb) || one_table(ka, kb) {
                continue;
            }
            for (k, other) in [(ka, kb), (kb, ka)] {
                let against = contested(k);
                if !against.is_empty() {
                    suspect.insert((*k).clone());
                    let figs: BTreeSet<String> = against
                        .iter()
                        .map(|&x| figure_text(&ctx.claims[x].figure))
                        .collect();
                    let places: Vec<String> = against.iter().map(|&x| ctx.place(x)).collect();
                    evidence.push(format!(
                        "for {k} other sources give {} ({}), which supports {other} for {}",
                        figs.into_iter().collect::<Vec<_>>().join(", "),
                        places.join(", "),
                        figure_text(&ctx.claims[cluster[0]].figure)
                    ));
                    contesting.extend(against);
                }
            }
            // figures that move together: the same article pair shares other figures at these periods
            let mut moved: BTreeSet<usize> = BTreeSet::new();
            // one representative claim per (article, entity): the comparison is per article pair
            let reps = |ids: &[usize]| -> Vec<usize> {
                let mut seen = BTreeSet::new();
                ids.iter()
                    .copied()
                    .filter(|&c| seen.insert((ctx.claims[c].article, ctx.claims[c].entity.clone())))
                    .take(64)
                    .collect()
            };
            for a in reps(&keys[*ka]) {
                for b in reps(&keys[*kb]) {
                    let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
                    if ca.article == cb.article {
                        continue;
                    }
                    let sa = stated.get(&(ca.entity.as_str(), ca.article, (*ka).clone()));
                    let sb = stated.get(&(cb.entity.as_str(), cb.article, (*kb).clone()));
                    let (Some(sa), Some(sb)) = (sa, sb) else {
                        continue;
                    };
                    for (s, xs) in sa {
                        if *s == series {
                            continue;
                        }
                        if let Some(ys) = sb.get(s) {
                            for &x in xs.iter().take(64) {
                                for &y in ys.iter().take(64) {
                                    let (fx, fy) = (&ctx.claims[x].figure, &ctx.claims[y].figure);
                                    if precise(fx) && precise(fy) && fx.agrees_with(fy) {
                                        moved.insert(x);
                                        moved.insert(y);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !moved.is_empty() {
                let figs: BTreeSet<String> = moved
                    .iter()
                    .map(|&x| figure_text(&ctx.claims[x].figure))
                    .collect();
                evidence.push(format!(
                    "other figures move with it between the two labels: {}",
                    figs.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    // a distinctive amount ("63.13 billion") that two or more articles give for one period
    // and a single other article for another: a quarter's result does not recur exactly
    if evidence.is_empty() && keys.len() == 2 {
        let flow = ctx.knowledge.metrics.class_of(&series.metric) == PeriodClass::Flow;
        let distinct = cluster.iter().all(|&c| distinctive(&ctx.claims[c].figure));
        let articles = |k: &PeriodKey| -> BTreeSet<usize> {
            keys[k].iter().map(|&c| ctx.claims[c].article).collect()
        };
        let (ka, kb) = (key_list[0], key_list[1]);
        let (aa, ab) = (articles(ka), articles(kb));
        let split = match (aa.len(), ab.len()) {
            (1, n) if n >= 2 => Some((kb, ka)),
            (n, 1) if n >= 2 => Some((ka, kb)),
            _ => None,
        };
        if let (true, true, Some((major, minor)), true) = (
            flow,
            distinct,
            split,
            aa.is_disjoint(&ab) && !ka.overlaps(kb) && !one_table(ka, kb),
        ) {
            suspect.insert(minor.clone());
            evidence.push(format!(
                "{} articles give it for {major} ({}), one for {minor}",
                articles(major).len(),
                keys[major]
                    .iter()
                    .map(|&c| ctx.place(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    // an outlook under two periods, one of which had already ended when its article was
    // published: guidance is for what is to come, so that label is the slip
    if evidence.is_empty() && keys.len() == 2 && cluster.iter().all(|&c| ctx.claims[c].outlook) {
        let ended = |k: &PeriodKey| {
            keys[k].iter().all(|&c| {
                let published = ctx.article_of(c).meta.published;
                match (k.range(), published) {
                    (Some(r), Some(p)) => {
                        r.end < crate::period::Month::new(p.year() as i32, p.month() as u8)
                    }
                    _ => false,
                }
            })
        };
        let (ka, kb) = (key_list[0], key_list[1]);
        let past = match (ended(ka), ended(kb)) {
            (true, false) => Some((ka, kb)),
            (false, true) => Some((kb, ka)),
            _ => None,
        };
        if let (Some((past, ahead)), false) = (past, ka.overlaps(kb)) {
            suspect.insert(past.clone());
            evidence.push(format!(
                "an outlook for {past} was given after that period had ended, while {} gives it for {ahead}",
                keys[ahead]
                    .iter()
                    .map(|&c| ctx.place(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    if evidence.is_empty() {
        return None;
    }
    // with nothing contesting either label, the company's own release settles it
    if suspect.is_empty() {
        let primary: Vec<&PeriodKey> = keys
            .iter()
            .filter(|(_, ids)| ids.iter().any(|&c| ctx.is_primary(c)))
            .map(|(k, _)| k)
            .collect();
        if let [reference] = primary[..] {
            suspect.extend(keys.keys().filter(|k| *k != reference).cloned());
            let places: Vec<String> = keys[reference]
                .iter()
                .filter(|&&c| ctx.is_primary(c))
                .map(|&c| ctx.place(c))
                .collect();
            evidence.push(format!(
                "the company's own release gives it for {reference} ({})",
                places.join(", ")
            ));
        }
    }
    // the company's own release is the reference: never the likely mislabel while an
    // article disagrees with it
    let released = |k: &PeriodKey| keys[k].iter().any(|&c| ctx.is_primary(c));
    if suspect.iter().any(released) && keys.keys().any(|k| !released(k)) {
        suspect = keys.keys().filter(|k| !released(k)).cloned().collect();
    }
    let describe_key = |k: &PeriodKey| -> String {
        let ids = &keys[k];
        let labels: BTreeSet<String> = ids
            .iter()
            .map(|&c| format!("\"{}\"", label_of(ctx, c)))
            .collect();
        let places: Vec<String> = ids.iter().map(|&c| ctx.place(c)).collect();
        format!(
            "{} (read as {k}) in {}",
            labels.into_iter().collect::<Vec<_>>().join(", "),
            places.join(", ")
        )
    };
    let value = figure_text(&ctx.claims[cluster[0]].figure);
    let parts: Vec<String> = keys.keys().map(describe_key).collect();
    let mut f = Finding::new(
        "period-mismatch",
        Severity::Error,
        format!(
            "{} of {value} is given under periods that cannot both be right: {}",
            series.describe(),
            parts.join("; and ")
        ),
    );
    let likely: Vec<String> = suspect
        .iter()
        .map(|k| {
            let labels: BTreeSet<String> = keys[k]
                .iter()
                .map(|&c| format!("\"{}\"", label_of(ctx, c)))
                .collect();
            let files: BTreeSet<String> = keys[k]
                .iter()
                .map(|&c| super::file_name(&ctx.article_of(c).display_path()).to_string())
                .collect();
            format!(
                "{} in {}",
                labels.into_iter().collect::<Vec<_>>().join(", "),
                files.into_iter().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    f.help = Some(format!(
        "{}.{}",
        evidence.join("; "),
        if likely.is_empty() {
            " Check which quarter each article means.".to_string()
        } else {
            format!(" The likely mislabel: {}.", likely.join("; "))
        }
    ));
    for (k, ids) in &keys {
        for &c in ids {
            f.claims.push(FindingClaim {
                claim: c,
                role: if suspect.contains(k) {
                    Role::Conflicting
                } else {
                    Role::Reference
                },
            });
        }
    }
    for c in contesting {
        f.claims.push(FindingClaim {
            claim: c,
            role: Role::Context,
        });
    }
    Some(f)
}

/// An amount written with three significant digits or more ("63.13 billion", "$412
/// million"; not "$4 billion" or "380 billion"): one result, not a round number
/// that many results share.
fn distinctive(f: &Figure) -> bool {
    if f.unit.currency().is_none() || !precise(f) {
        return false;
    }
    let num: String = f
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let num = num.trim_end_matches(['.', ',']);
    let digits: String = num.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    let digits = if num.contains('.') {
        digits
    } else {
        digits.trim_end_matches('0')
    };
    digits.len() >= 3
}

/// A point value with no qualifier: specific enough to identify a result.
fn precise(f: &Figure) -> bool {
    matches!(f.qualifier, Qualifier::None | Qualifier::Exactly)
        && (f.value.is_point() || distinctive_range(f))
}

/// A range whose two ends are both written to three significant digits or more
/// ("$8.15 billion to $8.35 billion"): as specific as a point.
fn distinctive_range(f: &Figure) -> bool {
    let digits = |d: &crate::model::Decimal| {
        let t = d.to_string();
        let n: String = t.chars().filter(char::is_ascii_digit).collect();
        n.trim_start_matches('0').len()
    };
    // both ends written as numerals ("triple-digit" is a range too, but no figure)
    let numerals = f
        .text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    !f.value.is_point() && numerals >= 2 && digits(&f.value.lo) >= 3 && digits(&f.value.hi) >= 3
}

fn label_of(ctx: &Ctx, c: usize) -> String {
    let p = &ctx.claims[c].period;
    if p.label.is_empty() {
        "no period".into()
    } else {
        p.label.clone()
    }
}
