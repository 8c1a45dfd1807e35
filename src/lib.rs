//! claimcheck: checks numeric claims across articles before they are published.
//!
//! The pipeline, one module per stage:
//! [`ingest`] (files, claim files, manifests) -> [`extract`] (raw articles to claims)
//! -> [`graph`] (periods normalized, claims keyed by entity + metric + period)
//! -> [`rules`] (findings) -> [`report`] (text, JSON).

pub mod atomic;
pub mod baseline;
pub mod config;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gate;
pub mod graph;
pub mod ingest;
pub mod knowledge;
pub mod model;
pub mod period;
pub mod report;
pub mod rules;
pub mod suppress;

pub use error::{Error, Result};
pub use report::Report;

use knowledge::Knowledge;
use rules::{RuleConfig, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// How to run a check.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Extra knowledge folders, on top of the embedded knowledge.
    pub knowledge_dirs: Vec<PathBuf>,
    pub rules: RuleConfig,
    /// Rules turned off.
    pub disabled: BTreeSet<String>,
    /// Severity overrides per rule.
    pub severities: BTreeMap<String, Severity>,
}

/// The knowledge in force for a corpus: the given one, with the fiscal
/// calendars and exchange rates its articles taught when they taught any.
fn knowledge_for<'a>(
    k: &'a Knowledge,
    learned: &[extract::Learned],
) -> std::borrow::Cow<'a, Knowledge> {
    if learned.is_empty() {
        std::borrow::Cow::Borrowed(k)
    } else {
        std::borrow::Cow::Owned(with_learned(k, learned))
    }
}

/// Adds what the texts taught: fiscal calendars for entities the knowledge lacks, and the
/// exchange rates they state (`fx.learned`, used where the FX table has no rate).
pub fn with_learned(k: &Knowledge, learned: &[extract::Learned]) -> Knowledge {
    let mut out = k.clone();
    for l in learned {
        let (fy_end, named_by_start) = match &l.what {
            extract::Taught::Calendar {
                fy_end,
                named_by_start,
            } => (*fy_end, *named_by_start),
            extract::Taught::Rate(r) => {
                out.fx.learned.push(knowledge::fx::LearnedRate {
                    rate: r.clone(),
                    path: l.path.clone(),
                    line: l.line,
                    sentence: l.sentence.clone(),
                });
                continue;
            }
        };
        if out
            .entities
            .get(&l.entity)
            .is_some_and(|e| e.calendar.known)
        {
            continue;
        }
        out.entities.insert(knowledge::Entity {
            name: l.entity.clone(),
            aliases: vec![],
            calendar: period::FiscalCalendar {
                fy_end,
                named_by_start,
                bare_fiscal: fy_end != 12,
                known: true,
                ..Default::default()
            },
            currency: None,
            source: knowledge::CalendarSource::Learned {
                path: l.path.clone(),
                line: l.line,
                sentence: l.sentence.clone(),
            },
        });
    }
    out
}

/// Loads the knowledge in force: embedded defaults plus `dirs`.
pub fn load_knowledge(dirs: &[PathBuf]) -> Result<Knowledge> {
    let mut k = Knowledge::embedded();
    for d in dirs {
        k.add_dir(d)?;
    }
    Ok(k)
}

/// Checks the inputs. An unreadable input is recorded in the report's
/// errors; the rest is still checked. Bad knowledge files are an error.
pub fn check(paths: &[PathBuf], opts: &Options, stdin: Option<ingest::Stdin>) -> Result<Report> {
    let knowledge = load_knowledge(&opts.knowledge_dirs)?;
    Ok(check_with(paths, opts, &knowledge, stdin))
}

/// [`check`] for a report that never quotes the articles' text (JSON): every
/// article's lines are let go once its citation markers and suppressions are
/// read, so the texts are not held while the claims are compared and reported.
pub fn check_without_text(
    paths: &[PathBuf],
    opts: &Options,
    stdin: Option<ingest::Stdin>,
) -> Result<Report> {
    let knowledge = load_knowledge(&opts.knowledge_dirs)?;
    let mut corpus = ingest::load(paths, &knowledge, stdin);
    for a in &mut corpus.articles {
        a.lines = None;
    }
    Ok(analyze(corpus, opts, &knowledge))
}

pub fn check_with(
    paths: &[PathBuf],
    opts: &Options,
    knowledge: &Knowledge,
    stdin: Option<ingest::Stdin>,
) -> Report {
    let corpus = ingest::load(paths, knowledge, stdin);
    analyze(corpus, opts, knowledge)
}

/// Extracts the claims of raw articles (claim files are not read; every
/// article is extracted) and resolves their periods exactly as [`analyze`]
/// does (fiscal calendars learned from the texts included). The report has
/// no findings: it is what `extract --format json` prints.
pub fn extract_report(paths: &[PathBuf], knowledge: &Knowledge) -> Report {
    let ingest::Corpus {
        articles,
        mut claims,
        errors,
        warnings,
        learned,
    } = ingest::load_with(paths, knowledge, None, false);
    let knowledge = knowledge_for(knowledge, &learned);
    let knowledge = knowledge.as_ref();
    graph::periods::resolve_all(&articles, &mut claims, knowledge);
    Report {
        articles,
        claims,
        findings: Vec::new(),
        errors,
        warnings,
        compared: Default::default(),
    }
}

/// Runs the graph and rule stages on a loaded corpus.
pub fn analyze(corpus: ingest::Corpus, opts: &Options, knowledge: &Knowledge) -> Report {
    let ingest::Corpus {
        articles,
        mut claims,
        errors,
        warnings,
        learned,
    } = corpus;
    let knowledge = knowledge_for(knowledge, &learned);
    let knowledge = knowledge.as_ref();
    graph::periods::resolve_all(&articles, &mut claims, knowledge);
    let g = graph::ClaimGraph::build(&claims);
    let all = rules::registry();
    let enabled: Vec<Box<dyn rules::Rule>> = all
        .into_iter()
        .filter(|r| !opts.disabled.contains(r.id()))
        .collect();
    let by_article = model::claims_by_article(articles.len(), &claims);
    let ctx = rules::Ctx {
        articles: &articles,
        claims: &claims,
        graph: &g,
        knowledge,
        config: &opts.rules,
        by_article: &by_article,
        twins: Default::default(),
    };
    let mut findings = rules::run(&ctx, &enabled);
    findings.retain(|f| !suppress::is_suppressed(f, &articles, &claims));
    for f in &mut findings {
        if let Some(s) = opts.severities.get(f.rule) {
            f.severity = *s;
        }
    }
    let compared = g.compared().into_iter().collect();
    Report {
        articles,
        claims,
        findings,
        errors,
        warnings,
        compared,
    }
}
