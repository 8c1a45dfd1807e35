//! Claim files (`*.claims.yaml`): strict loading, with every error naming file:line.

use crate::error::{read_text, Error, Result};
use crate::knowledge::Knowledge;
use crate::model::{
    Article, ArticleMeta, Basis, Claim, Figure, Kind, MetricId, Qualifier, Scale, SourceEntry,
    Sourcing, Span, Unit, Value,
};
use crate::period::{PeriodFrom, PeriodRef};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClaimFile {
    pub claimcheck: u32,
    pub article: ArticleDoc,
    #[serde(default)]
    pub claims: Vec<ClaimDoc>,
}

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ArticleDoc {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub entity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDoc>,
}

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub marker: String,
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClaimDoc {
    pub figure: String,
    pub line: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub value: serde_yaml::Value,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    pub metric: Option<String>,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub period: PeriodDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sourcing: Option<SourcingDoc>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outlook: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Rules whose findings about this claim are not reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PeriodDoc {
    pub label: String,
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct SourcingDoc {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restates: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
}

/// Lines where each item of the top-level `claims:` list starts (for error messages).
fn claim_item_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        if lead == 0
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('-')
        {
            inside = trimmed.starts_with("claims:");
            continue;
        }
        if inside && (trimmed.starts_with("- ") || trimmed == "-") {
            match indent {
                None => {
                    indent = Some(lead);
                    out.push(i + 1);
                }
                Some(n) if n == lead => out.push(i + 1),
                _ => {}
            }
        }
    }
    out
}

fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    s.trim().parse().ok()
}

/// Loads a claim file: the article it describes (with its text when the
/// article can be read) and its claims, checked against the knowledge.
pub fn load(path: &Path, knowledge: &Knowledge) -> Result<(Article, Vec<Claim>)> {
    let text = read_text(path)?;
    load_str(
        path,
        &text,
        path.parent().unwrap_or(Path::new(".")),
        knowledge,
    )
}

/// Loads claim-file text; `path` names it in errors, `base` is where the article path is relative to.
pub fn load_str(
    path: &Path,
    text: &str,
    base: &Path,
    knowledge: &Knowledge,
) -> Result<(Article, Vec<Claim>)> {
    let text = text.to_string();
    let doc: ClaimFile = crate::error::from_yaml(path, &text)?;
    if doc.claimcheck != FORMAT_VERSION {
        return Err(Error::invalid(
            path,
            1,
            format!(
                "claim-file format version {} is not supported (expected {FORMAT_VERSION})",
                doc.claimcheck
            ),
        ));
    }
    let item_lines = claim_item_lines(&text);
    let line_of = |i: usize| item_lines.get(i).copied().unwrap_or(1);
    let a = &doc.article;
    let article_line = text
        .lines()
        .position(|l| l.starts_with("article:"))
        .map(|i| i + 1)
        .unwrap_or(1);
    let published = match &a.published {
        Some(s) => Some(parse_date(s).ok_or_else(|| {
            Error::invalid(
                path,
                article_line,
                format!("article.published '{s}' is not a date (YYYY-MM-DD)"),
            )
        })?),
        None => None,
    };
    let article_path: PathBuf = base.join(&a.path);
    let entity = knowledge
        .entities
        .canonical(&a.entity)
        .unwrap_or(a.entity.trim())
        .to_string();
    let mut article = Article {
        path: clean_path(&article_path),
        lines: None,
        meta: ArticleMeta {
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            author: a.author.clone(),
            published,
            entity: Some(entity.clone()),
            url: a.url.clone(),
            primary: a.primary,
        },
        sources: a
            .sources
            .iter()
            .map(|s| SourceEntry {
                marker: s.marker.clone(),
                line: s.line,
                title: s.title.clone(),
                url: s.url.clone(),
            })
            .collect(),
        has_source_list: !a.sources.is_empty(),
        source_list_line: a.sources.iter().map(|s| s.line).filter(|l| *l > 0).min(),
        markers: Vec::new(),
        claims_from: Some(path.to_path_buf()),
        suppressions: Vec::new(),
        notes: Vec::new(),
    };
    // The article itself is optional: the check works without it and shows its lines when present.
    if let Ok(t) = read_text(&article_path) {
        article.lines = Some(crate::ingest::split_lines(&t));
    }
    let mut claims = Vec::with_capacity(doc.claims.len());
    for (i, c) in doc.claims.iter().enumerate() {
        let line = line_of(i);
        let bad = |m: String| Error::invalid(path, line, m);
        let value = match &c.value {
            serde_yaml::Value::String(s) => Value::parse(s),
            serde_yaml::Value::Number(n) => Value::parse(&n.to_string()),
            _ => None,
        }
        .ok_or_else(|| {
            bad(format!(
                "claim '{}': value must be a number as written (\"39.8\", \"-14\", \"100..999\")",
                c.figure
            ))
        })?;
        let unit = Unit::parse(&c.unit).ok_or_else(|| {
            bad(format!("claim '{}': unknown unit '{}' (percent, pp, bp, count, streak, multiple or an ISO currency code)", c.figure, c.unit))
        })?;
        let scale = Scale::parse(c.scale.as_deref().unwrap_or("one")).ok_or_else(|| {
            bad(format!(
                "claim '{}': unknown scale '{}'",
                c.figure,
                c.scale.as_deref().unwrap_or("")
            ))
        })?;
        let qualifier =
            Qualifier::parse(c.qualifier.as_deref().unwrap_or("none")).ok_or_else(|| {
                bad(format!(
                    "claim '{}': unknown qualifier '{}'",
                    c.figure,
                    c.qualifier.as_deref().unwrap_or("")
                ))
            })?;
        let kind = Kind::parse(&c.kind).ok_or_else(|| {
            bad(format!(
                "claim '{}': unknown kind '{}' (level, growth, share, margin, count, streak)",
                c.figure, c.kind
            ))
        })?;
        let metric = match &c.metric {
            None => None,
            Some(m) => {
                let id = MetricId::parse(m).ok_or_else(|| {
                    bad(format!(
                        "claim '{}': metric '{m}' is not SUBJECT.MEASURE[:SCOPE]",
                        c.figure
                    ))
                })?;
                knowledge
                    .metrics
                    .validate(&id)
                    .map_err(|e| bad(format!("claim '{}': {e}", c.figure)))?;
                let measure = &knowledge.metrics.measures[&id.measure];
                if kind != Kind::Streak && !measure.kinds.contains(&kind) {
                    return Err(bad(format!(
                        "claim '{}': kind '{}' does not fit measure '{}' ({})",
                        c.figure,
                        kind.name(),
                        id.measure,
                        measure
                            .kinds
                            .iter()
                            .map(|k| k.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                Some(id)
            }
        };
        let basis = match &c.basis {
            None => None,
            Some(b) => Some(Basis::parse(b).ok_or_else(|| {
                bad(format!(
                    "claim '{}': unknown basis '{b}' (yoy, qoq, vs-estimate, estimate, cagr, other)",
                    c.figure
                ))
            })?),
        };
        // a comparison basis describes a change; "estimate" marks analysts' figure for a level
        let fits = match basis {
            None => true,
            Some(Basis::Estimate) => matches!(kind, Kind::Level | Kind::Count),
            Some(_) => kind == Kind::Growth,
        };
        if !fits {
            return Err(bad(format!(
                "claim '{}': basis is only for growth figures ('estimate' only for levels and counts)",
                c.figure
            )));
        }
        let from = PeriodFrom::parse(&c.period.from).ok_or_else(|| {
            bad(format!(
                "claim '{}': period.from '{}' (clause, sentence, paragraph, heading, table, article, none)",
                c.figure, c.period.from
            ))
        })?;
        if c.line == 0 {
            return Err(bad(format!("claim '{}': line is 1-based", c.figure)));
        }
        // When the article is present, the figure must be where the claim says
        // (in HTML the figure may be written with entities: only the line is checked).
        let mut column = c.column.unwrap_or(0);
        let html = article_path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if let Some(lines) = &article.lines {
            let Some(text_line) = lines.get(c.line - 1) else {
                return Err(bad(format!(
                    "claim '{}': line {} is past the end of {} ({} lines)",
                    c.figure,
                    c.line,
                    article.path.display(),
                    lines.len()
                )));
            };
            let found = find_at(text_line, &c.figure, c.column);
            match found {
                Some(col) => column = col,
                None if html => {}
                None => {
                    return Err(bad(format!(
                        "claim '{}': figure not found at {}:{}{}",
                        c.figure,
                        article.path.display(),
                        c.line,
                        c.column.map(|c| format!(":{c}")).unwrap_or_default()
                    )))
                }
            }
        }
        if !c.ignore.is_empty() {
            let known: Vec<&str> = crate::rules::registry().iter().map(|r| r.id()).collect();
            if let Some(r) = c
                .ignore
                .iter()
                .find(|r| !known.contains(&r.as_str()) && r.as_str() != "all")
            {
                return Err(bad(format!("claim '{}': ignore: no rule '{r}'", c.figure)));
            }
            article.suppressions.push(crate::suppress::Suppression {
                first: c.line,
                last: c.line,
                rules: c.ignore.clone(),
            });
        }
        let s = c.sourcing.clone().unwrap_or_default();
        let entity = match &c.entity {
            Some(e) => knowledge
                .entities
                .canonical(e)
                .unwrap_or(e.trim())
                .to_string(),
            None => entity.clone(),
        };
        claims.push(Claim {
            article: 0,
            figure: Figure {
                text: c.figure.clone(),
                value,
                unit,
                scale,
                qualifier,
            },
            metric,
            kind,
            basis,
            of: c.of.clone(),
            entity,
            period: PeriodRef {
                label: c.period.label.clone(),
                from,
                context: c.period.context.clone(),
                ..Default::default()
            },
            span: Span {
                line: c.line,
                column,
                start: 0,
                end: 0,
            },
            sourcing: Sourcing {
                citations: s.citations,
                link: s.link,
                attribution: s.attribution,
                restates: s.restates,
                voice: s.voice,
            },
            cell: None,
            stated_scope: None,
            multiple: None,
            outlook: c.outlook,
        });
    }
    Ok((article, claims))
}

/// The 1-based character column of `figure` in `line`: at `column` if given
/// and it matches there, else its only occurrence.
fn find_at(line: &str, figure: &str, column: Option<usize>) -> Option<usize> {
    if figure.is_empty() {
        return None;
    }
    if let Some(c) = column {
        let byte = line.char_indices().nth(c.checked_sub(1)?).map(|(b, _)| b)?;
        return line[byte..].starts_with(figure).then_some(c);
    }
    let b = line.find(figure)?;
    Some(line[..b].chars().count() + 1)
}

/// Removes `.` components and folds `dir/..` where possible, for display.
pub fn clean_path(p: &Path) -> PathBuf {
    let mut out: Vec<std::path::Component> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => match out.last() {
                Some(std::path::Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_lines_found() {
        let t = "claimcheck: 1\narticle:\n  path: a\nclaims:\n  - figure: x\n    line: 1\n  - figure: y\n";
        assert_eq!(claim_item_lines(t), vec![5, 7]);
    }

    #[test]
    fn columns_in_characters() {
        assert_eq!(find_at("\u{2014}34% up", "34%", None), Some(2));
        assert_eq!(find_at("5% and 5%", "5%", Some(8)), Some(8));
        assert_eq!(find_at("5% and 5%", "5%", Some(3)), None);
    }

    #[test]
    fn estimate_basis_only_on_levels() {
        let k = Knowledge::embedded();
        let file = |kind: &str, basis: &str| {
            format!("claimcheck: 1\narticle:\n  path: a.txt\n  entity: Norrvik Freight\nclaims:\n  - figure: \"$2.2 billion\"\n    line: 1\n    value: \"2.2\"\n    unit: USD\n    scale: billion\n    metric: company.revenue\n    kind: {kind}\n    basis: {basis}\n    period: {{label: \"Q3 2025\", from: clause}}\n")
        };
        let load = |t: &str| load_str(Path::new("x.claims.yaml"), t, Path::new("."), &k);
        let (_, c) = load(&file("level", "estimate")).expect("estimate on a level");
        assert_eq!(c[0].basis, Some(Basis::Estimate));
        let e = load(&file("growth", "estimate")).expect_err("estimate on growth");
        assert!(e.to_string().contains("x.claims.yaml"), "{e}");
        assert!(load(&file("level", "yoy")).is_err());
    }

    #[test]
    fn clean_paths() {
        assert_eq!(
            clean_path(Path::new("claims/seeds/../../x/./a.txt")),
            PathBuf::from("x/a.txt")
        );
        assert_eq!(clean_path(Path::new("../a")), PathBuf::from("../a"));
    }
}
