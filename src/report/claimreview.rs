//! `gate --format claimreview`: schema.org ClaimReview JSON-LD, the markup
//! fact-checks are published with for search engines. One ClaimReview per
//! draft claim the trusted sources settle (verified, mislabelled,
//! contradicted); an unverifiable claim has no rating to give and is left out.

use super::Report;
use crate::gate::{GateReport, Judgement, Verdict};
use serde_json::{json, Value};

/// The rating each verdict maps to: (value on 1..5, name).
pub fn rating(v: Verdict) -> Option<(u8, &'static str)> {
    match v {
        Verdict::Verified => Some((5, "True")),
        Verdict::Mislabelled => Some((2, "Mislabelled: the figure is right for another period")),
        Verdict::Contradicted => Some((1, "False")),
        Verdict::Unverifiable => None,
    }
}

/// "draft.md#L12": a claim's place as a URL reference relative to the draft.
fn place(r: &Report, claim: usize) -> (String, String) {
    let c = &r.claims[claim];
    let a = &r.articles[c.article];
    let path = a.display_path();
    let url = match &a.meta.url {
        Some(u) => format!("{u}#L{}", c.span.line),
        None => format!("{}#L{}", super::sarif::uri(&path), c.span.line),
    };
    (url, format!("{path}, line {}", c.span.line))
}

fn review(r: &Report, j: &Judgement) -> Option<Value> {
    let (value, name) = rating(j.verdict)?;
    let c = &r.claims[j.claim];
    let a = &r.articles[c.article];
    let sentence = a
        .line(c.span.line)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| c.figure.text.trim().to_string());
    let (url, where_) = place(r, j.claim);
    let mut appearance = json!({
        "@type": "CreativeWork",
        "url": url,
        "name": where_,
    });
    if let Some(t) = &a.meta.title {
        appearance["headline"] = json!(t);
    }
    if let Some(d) = a.meta.published {
        appearance["datePublished"] = json!(d.to_string());
    }
    let mut item = json!({
        "@type": "Claim",
        "appearance": appearance,
    });
    if !c.entity.is_empty() {
        item["about"] = json!({ "@type": "Organization", "name": c.entity });
    }
    let based_on: Vec<Value> = j
        .evidence
        .iter()
        .map(|&e| {
            let t = &r.claims[e];
            let ta = &r.articles[t.article];
            let (url, where_) = place(r, e);
            let mut w = json!({
                "@type": "CreativeWork",
                "url": url,
                "name": where_,
                "text": t.figure.text.trim(),
            });
            if let Some(title) = &ta.meta.title {
                w["headline"] = json!(title);
            }
            w
        })
        .collect();
    let mut out = json!({
        "@type": "ClaimReview",
        "claimReviewed": sentence,
        "itemReviewed": item,
        "author": { "@type": "Organization", "name": "claimcheck" },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "reviewBody": format!("{}: {}", c.figure.text.trim(), j.reason),
    });
    if !based_on.is_empty() {
        out["isBasedOn"] = Value::Array(based_on);
    }
    Some(out)
}

/// The gate's judged draft claims as one JSON-LD document (`@graph`).
pub fn render(g: &GateReport) -> String {
    let reviews: Vec<Value> = g
        .judgements
        .iter()
        .filter_map(|j| review(&g.report, j))
        .collect();
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": reviews,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON-LD");
    s.push('\n');
    s
}
