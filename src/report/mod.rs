//! Reports: the result of a check, and its renderings (JSON, terminal text,
//! Markdown, SARIF, HTML).

pub mod ci;
pub mod claimfile;
pub mod claimreview;
pub mod gate;
pub mod html;
pub mod json;
pub mod knowledge;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::error::Error;
use crate::model::{Article, Claim};
use crate::rules::{Finding, Severity};
use std::collections::{BTreeMap, BTreeSet};

/// Everything a check found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    pub errors: Vec<Error>,
    /// Input problems that did not stop the check (exit status unchanged).
    pub warnings: Vec<Error>,
    /// Claims that were compared with at least one other claim.
    pub compared: BTreeSet<usize>,
}

/// Per-article counts, so "no findings" is never confused with "nothing read".
#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleSummary {
    pub path: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub entity: Option<String>,
    pub primary: bool,
    /// "claim-file" or "extracted"
    pub claims_from: &'static str,
    pub figures: usize,
    pub attributed: usize,
    pub compared: usize,
    pub unattributed: usize,
    pub findings: usize,
}

/// A finding's claims grouped by (article, line), in article and line order.
pub fn claims_by_line(
    report: &Report,
    f: &Finding,
) -> BTreeMap<(usize, usize), Vec<(usize, crate::rules::Role)>> {
    let mut by_line: BTreeMap<(usize, usize), Vec<(usize, crate::rules::Role)>> = BTreeMap::new();
    for fc in &f.claims {
        let c = &report.claims[fc.claim];
        by_line
            .entry((c.article, c.span.line))
            .or_default()
            .push((fc.claim, fc.role));
    }
    by_line
}

/// The claim a finding is about: its first conflicting figure, else its
/// Where a table cell sits, for reports: `table row "Revenue", column "Q3 2025"`.
pub fn cell_place(c: &crate::model::Claim) -> Option<String> {
    c.cell
        .as_ref()
        .map(|t| format!("table row \"{}\", column \"{}\"", t.row, t.column))
}

/// first subject, else its first claim. Text's `-->` and SARIF's location.
pub fn primary_claim(f: &Finding) -> Option<usize> {
    use crate::rules::Role;
    f.claims
        .iter()
        .find(|c| c.role == Role::Conflicting)
        .or_else(|| f.claims.iter().find(|c| c.role == Role::Subject))
        .or(f.claims.first())
        .map(|c| c.claim)
}

/// The articles a finding is charged to in per-article counts: those of its
/// conflicting or subject figures (the ones it says are wrong), not of the
/// reference it measures them against; every article it involves when no
/// figure is singled out.
pub fn charged_articles(report: &Report, f: &Finding) -> BTreeSet<usize> {
    use crate::rules::Role;
    let of = |wrong: bool| -> BTreeSet<usize> {
        f.claims
            .iter()
            .filter(|c| !wrong || matches!(c.role, Role::Conflicting | Role::Subject))
            .map(|c| report.claims[c.claim].article)
            .collect()
    };
    let mut arts = of(true);
    if arts.is_empty() {
        arts = of(false);
    }
    if f.claims.is_empty() {
        if let Some(a) = f
            .article
            .filter(|&a| f.path.is_some() && a < report.articles.len())
        {
            arts.insert(a);
        }
    }
    arts
}

/// The findings related to `f`, each as "rule at file:line".
pub fn related_places(report: &Report, f: &Finding) -> Vec<String> {
    f.related
        .iter()
        .filter_map(|fp| report.findings.iter().find(|g| &g.fingerprint == fp))
        .map(|g| {
            let place = match primary_claim(g) {
                Some(c) => {
                    let c = &report.claims[c];
                    format!(
                        "{}:{}",
                        crate::rules::file_name(&report.articles[c.article].display_path()),
                        c.span.line
                    )
                }
                None => g
                    .path
                    .as_deref()
                    .map(|p| {
                        let name = crate::rules::file_name(p).to_string();
                        g.line.map_or(name.clone(), |l| format!("{name}:{l}"))
                    })
                    .unwrap_or_default(),
            };
            format!("{} at {place}", g.rule)
        })
        .collect()
}

impl Report {
    /// The exit status: 2 when an input could not be read, 1 when a finding is at or above `fail_on`, else 0.
    pub fn exit_code(&self, fail_on: Option<Severity>) -> i32 {
        if !self.errors.is_empty() {
            return 2;
        }
        match fail_on {
            Some(level) if self.findings.iter().any(|f| f.severity >= level) => 1,
            _ => 0,
        }
    }

    pub fn article_summaries(&self) -> Vec<ArticleSummary> {
        let mut findings_per: BTreeMap<usize, usize> = BTreeMap::new();
        for f in &self.findings {
            for a in charged_articles(self, f) {
                *findings_per.entry(a).or_default() += 1;
            }
        }
        let by_claim = crate::model::claims_by_article(self.articles.len(), &self.claims);
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let claims = &by_claim[i];
                let attributed = claims
                    .iter()
                    .filter(|&&c| self.claims[c].metric.is_some())
                    .count();
                ArticleSummary {
                    path: a.display_path(),
                    title: a.meta.title.clone(),
                    published: a.meta.published.map(|d| d.to_string()),
                    entity: a.meta.entity.clone(),
                    primary: a.meta.primary,
                    claims_from: if a.claims_from.is_some() {
                        "claim-file"
                    } else {
                        "extracted"
                    },
                    figures: claims.len(),
                    attributed,
                    compared: claims.iter().filter(|c| self.compared.contains(c)).count(),
                    unattributed: claims.len() - attributed,
                    findings: findings_per.get(&i).copied().unwrap_or(0),
                }
            })
            .collect()
    }

    pub fn counts_by_rule(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for f in &self.findings {
            *m.entry(f.rule).or_default() += 1;
        }
        m
    }

    pub fn counts_by_severity(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for f in &self.findings {
            *m.entry(f.severity.name()).or_default() += 1;
        }
        m
    }
}
