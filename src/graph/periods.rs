//! Normalizing every claim's period: readings from the label, the entity's
//! fiscal calendar and the publication date; then, where a label has several
//! readings, the one the other articles' figures support.

use super::SeriesKey;
use crate::knowledge::Knowledge;
use crate::model::{Article, Claim};
use crate::period::{resolve, MonthRange, PeriodClass, PeriodFrom, PeriodKey, Reading, ResolveCtx};
use std::collections::BTreeMap;

/// Computes readings for every claim and chooses the reading in use.
pub fn resolve_all(articles: &[Article], claims: &mut [Claim], knowledge: &Knowledge) {
    let readings_for =
        |c: &Claim, fallback: Option<&[Reading]>, anchor: Option<MonthRange>| -> Vec<Reading> {
            let article = &articles[c.article];
            let calendar = knowledge.entities.calendar(&c.entity);
            let class = c
                .metric
                .as_ref()
                .map(|m| knowledge.metrics.class_of(m))
                .unwrap_or(PeriodClass::Flow);
            // an analysts' estimate with no label of its own is the estimate of the result
            // the article reports, not a forecast of a period to come
            let estimate_of_result = c.period.label.trim().is_empty()
                && matches!(
                    c.basis,
                    Some(crate::model::Basis::Estimate | crate::model::Basis::VsEstimate)
                );
            let ctx = ResolveCtx {
                calendar: &calendar,
                published: article.meta.published,
                outlook: c.outlook && !estimate_of_result,
                class,
                fallback,
                anchor,
            };
            resolve(&c.period.label, c.period.context.as_deref(), &ctx)
        };
    for c in claims.iter_mut() {
        c.period.readings = readings_for(c, None, None);
        c.period.chosen = 0;
    }
    // An undated article's figures with no period take the article's main period.
    let mut dominant: BTreeMap<usize, Vec<Reading>> = BTreeMap::new();
    // and its labels that need a date ("same period last year", a year-less "third
    // quarter") are placed from the quarter it states most often, if it states one
    let mut anchors: BTreeMap<usize, MonthRange> = BTreeMap::new();
    let by_article = crate::model::claims_by_article(articles.len(), claims);
    for (a, article) in articles.iter().enumerate() {
        if article.meta.published.is_some() {
            continue;
        }
        let mut counts: BTreeMap<&PeriodKey, (usize, &Vec<Reading>)> = BTreeMap::new();
        let mut quarters: BTreeMap<MonthRange, usize> = BTreeMap::new();
        for c in by_article[a].iter().map(|&i| &claims[i]) {
            if matches!(c.period.from, PeriodFrom::Clause | PeriodFrom::Sentence)
                && !c.period.label.is_empty()
            {
                if let Some(r) = c.period.readings.first() {
                    if let PeriodKey::Range(m) = &r.key {
                        let e = counts.entry(&r.key).or_insert((0, &c.period.readings));
                        e.0 += 1;
                        if m.len() == 3 && !c.outlook {
                            *quarters.entry(*m).or_default() += 1;
                        }
                    }
                }
            }
        }
        if let Some((_, (_, rs))) = counts
            .into_iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
        {
            dominant.insert(a, rs.clone());
        }
        if let Some((q, _)) = quarters
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            anchors.insert(a, q);
        }
    }
    for c in claims.iter_mut() {
        if c.period.label.trim().is_empty() {
            if let Some(fb) = dominant.get(&c.article) {
                let rs = readings_for(c, Some(fb), None);
                c.period.readings = rs;
            }
        } else if let Some(&q) = anchors.get(&c.article) {
            if c.period.readings.iter().all(|r| r.key.range().is_none()) {
                c.period.readings = readings_for(c, None, Some(q));
            }
        }
    }
    choose_readings(claims);
}

/// For labels with several readings, picks the reading under which the
/// label's figures agree with what other articles give for that period.
/// Without such support the first (conventional) reading stays.
fn choose_readings(claims: &mut [Claim]) {
    // what each series states at each period, by the readings in use now
    let mut stated: BTreeMap<(SeriesKey, PeriodKey), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(s) = SeriesKey::of_claim(c) {
            stated.entry((s, c.period.key())).or_default().push(i);
        }
    }
    // label groups: the claims of one article sharing a label
    let mut label_groups: BTreeMap<(usize, String, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.period.readings.len() > 1 {
            label_groups
                .entry((
                    c.article,
                    c.period.label.to_lowercase(),
                    c.period.context.clone(),
                ))
                .or_default()
                .push(i);
        }
    }
    let mut choices: Vec<(usize, usize, String)> = Vec::new();
    for members in label_groups.values() {
        let n = claims[members[0]].period.readings.len();
        let mut best = (0usize, 0usize);
        for r in 0..n {
            let mut support = 0;
            for &m in members {
                let c = &claims[m];
                let Some(series) = SeriesKey::of_claim(c) else {
                    continue;
                };
                let Some(reading) = c.period.readings.get(r) else {
                    continue;
                };
                let others = stated.get(&(series, reading.key.clone()));
                let agrees = others.is_some_and(|o| {
                    o.iter().any(|&d| {
                        claims[d].article != c.article && claims[d].figure.agrees_with(&c.figure)
                    })
                });
                if agrees {
                    support += 1;
                }
            }
            if support > best.1 {
                best = (r, support);
            }
        }
        for &m in members {
            let c = &claims[m];
            let why = if best.1 > 0 {
                format!(
                    "chosen because {} under this label {} what other articles give for {}",
                    if best.1 == 1 {
                        "1 figure".to_string()
                    } else {
                        format!("{} figures", best.1)
                    },
                    if best.1 == 1 { "matches" } else { "match" },
                    c.period.readings[best.0].key
                )
            } else {
                format!(
                    "{} can also be read as {}; no other article's figures support another reading, so the usual one is used",
                    if c.period.label.is_empty() {
                        "with no period stated, it".to_string()
                    } else {
                        format!("\"{}\"", c.period.label)
                    },
                    c.period.readings[1..]
                        .iter()
                        .map(|r| r.key.to_string())
                        .collect::<Vec<_>>()
                        .join(" or ")
                )
            };
            choices.push((m, best.0, why));
        }
    }
    for (m, r, why) in choices {
        claims[m].period.chosen = r;
        claims[m].period.why = Some(why);
    }
}
