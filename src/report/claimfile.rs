//! Writing claims back as a claim file (`claimcheck extract`), so a
//! fact-checker can review, correct and keep them.

use crate::ingest::claimfile::{
    ArticleDoc, ClaimDoc, ClaimFile, PeriodDoc, SourceDoc, SourcingDoc, FORMAT_VERSION,
};
use crate::model::{Article, Claim};

/// The claim file for one article; `article_path` is written as given
/// (relative to where the claim file will be kept).
pub fn to_claim_file(article: &Article, claims: &[&Claim], article_path: &str) -> ClaimFile {
    let m = &article.meta;
    ClaimFile {
        claimcheck: FORMAT_VERSION,
        article: ArticleDoc {
            path: article_path.to_string(),
            title: m.title.clone(),
            outlet: m.outlet.clone(),
            author: m.author.clone(),
            published: m.published.map(|d| d.to_string()),
            entity: m
                .entity
                .clone()
                .unwrap_or_else(|| "(unknown entity)".into()),
            url: m.url.clone(),
            primary: m.primary,
            sources: article
                .sources
                .iter()
                .map(|s| SourceDoc {
                    marker: s.marker.clone(),
                    line: s.line,
                    title: s.title.clone(),
                    url: s.url.clone(),
                })
                .collect(),
        },
        claims: claims
            .iter()
            .map(|c| ClaimDoc {
                figure: c.figure.text.clone(),
                line: c.span.line,
                column: (c.span.column > 0).then_some(c.span.column),
                value: serde_yaml::Value::String(c.figure.value.to_string()),
                unit: c.figure.unit.to_string(),
                scale: (c.figure.scale != crate::model::Scale::One)
                    .then(|| c.figure.scale.name().to_string()),
                qualifier: (c.figure.qualifier != crate::model::Qualifier::None)
                    .then(|| c.figure.qualifier.name().to_string()),
                metric: c.metric.as_ref().map(|m| m.to_string()),
                kind: c.kind.name().to_string(),
                basis: c.basis.map(|b| b.name().to_string()),
                of: c.of.clone(),
                entity: (Some(&c.entity) != m.entity.as_ref()).then(|| c.entity.clone()),
                period: PeriodDoc {
                    label: c.period.label.clone(),
                    from: c.period.from.name().to_string(),
                    context: c.period.context.clone(),
                },
                sourcing: {
                    let s = &c.sourcing;
                    (s.is_direct() || s.restates.is_some()).then(|| SourcingDoc {
                        citations: s.citations.clone(),
                        link: s.link.clone(),
                        attribution: s.attribution.clone(),
                        restates: s.restates,
                        voice: s.voice.clone(),
                    })
                },
                outlook: c.outlook,
                note: None,
                ignore: vec![],
            })
            .collect(),
    }
}

pub fn render(article: &Article, claims: &[&Claim], article_path: &str) -> String {
    let f = to_claim_file(article, claims, article_path);
    let body = serde_yaml::to_string(&f).expect("claim file serializes");
    format!(
        "# Claims extracted by claimcheck {} from {}. Review, correct and keep:\n# a claim file beside its article takes precedence over extraction.\n{body}",
        env!("CARGO_PKG_VERSION"),
        article.display_path()
    )
}
