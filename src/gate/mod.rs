//! `gate`: an AI-written draft checked claim by claim against trusted sources.
//!
//! The draft and the sources are read and normalized together (one corpus,
//! so fiscal calendars learned anywhere apply everywhere); each draft claim
//! then gets a verdict from the trusted claims of its series.

use crate::graph::SeriesKey;
use crate::knowledge::Knowledge;
use crate::model::Claim;
use crate::period::PeriodKey;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the trusted sources say about a draft claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A trusted source states the same figure for the same entity, metric and period.
    Verified,
    /// A trusted source states another figure for it.
    Contradicted,
    /// A trusted source states this figure for another period.
    Mislabelled,
    /// No trusted source covers it.
    Unverifiable,
}

impl Verdict {
    pub fn parse(s: &str) -> Option<Verdict> {
        Some(match s {
            "verified" => Verdict::Verified,
            "contradicted" => Verdict::Contradicted,
            "mislabelled" | "mislabeled" => Verdict::Mislabelled,
            "unverifiable" => Verdict::Unverifiable,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Contradicted => "contradicted",
            Verdict::Mislabelled => "mislabelled",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// One draft claim's verdict and the trusted claims it rests on.
#[derive(Clone, Debug, Serialize)]
pub struct Judgement {
    pub claim: usize,
    pub verdict: Verdict,
    /// Trusted claims the verdict rests on.
    pub evidence: Vec<usize>,
    pub reason: String,
}

/// The draft's verdicts, plus the whole check report (the draft's own findings included).
pub struct GateReport {
    pub report: Report,
    /// Index of the draft article in `report.articles`.
    pub draft: Vec<usize>,
    pub judgements: Vec<Judgement>,
}

impl GateReport {
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for v in [
            Verdict::Verified,
            Verdict::Contradicted,
            Verdict::Mislabelled,
            Verdict::Unverifiable,
        ] {
            m.insert(v.name(), 0);
        }
        for j in &self.judgements {
            *m.entry(j.verdict.name()).or_default() += 1;
        }
        m
    }
}

impl Verdict {
    /// The rule id a verdict goes by when verdicts are rendered as findings
    /// (SARIF, HTML): `gate/contradicted` and so on.
    pub fn rule_id(self) -> &'static str {
        match self {
            Verdict::Verified => "gate/verified",
            Verdict::Contradicted => "gate/contradicted",
            Verdict::Mislabelled => "gate/mislabelled",
            Verdict::Unverifiable => "gate/unverifiable",
        }
    }

    /// Contradicted and mislabelled are errors, unverifiable a warning, verified a note.
    pub fn severity(self) -> crate::rules::Severity {
        use crate::rules::Severity;
        match self {
            Verdict::Contradicted | Verdict::Mislabelled => Severity::Error,
            Verdict::Unverifiable => Severity::Warning,
            Verdict::Verified => Severity::Info,
        }
    }
}

impl GateReport {
    /// The gate as a check report: one finding per verdict (the draft claim
    /// as its subject, the trusted claims it rests on as references), then
    /// the draft's own sourcing findings. The check renderers (SARIF, HTML)
    /// take it as it is.
    pub fn as_check_report(&self) -> Report {
        use crate::rules::{Finding, FindingClaim, Role};
        let r = &self.report;
        let mut out = r.clone();
        let mut findings = Vec::new();
        for j in &self.judgements {
            let c = &r.claims[j.claim];
            let a = &r.articles[c.article];
            let mut f = Finding::new(
                j.verdict.rule_id(),
                j.verdict.severity(),
                format!(
                    "{}: {} ({}:{}): {}",
                    j.verdict.name(),
                    c.figure.text.trim(),
                    crate::rules::file_name(&a.display_path()),
                    c.span.line,
                    j.reason
                ),
            );
            f.claims.push(FindingClaim {
                claim: j.claim,
                role: if j.verdict == Verdict::Verified {
                    Role::Subject
                } else {
                    Role::Conflicting
                },
            });
            f.claims.extend(j.evidence.iter().map(|&e| FindingClaim {
                claim: e,
                role: Role::Reference,
            }));
            let metric = c.metric.as_ref().map(|m| m.to_string()).unwrap_or_default();
            let period = c.period.key().to_string();
            f.fingerprint = crate::rules::fnv1a(&[
                f.rule,
                crate::rules::file_name(&a.display_path()),
                &c.figure.text,
                &metric,
                &period,
                &c.entity,
            ]);
            findings.push(f);
        }
        findings.append(&mut out.findings);
        out.findings = findings;
        out
    }
}

/// Judges every claim of the draft articles against the claims of the trusted ones.
pub fn judge(
    report: &Report,
    draft: &[usize],
    knowledge: &Knowledge,
    fx_tolerance: f64,
) -> Vec<Judgement> {
    let is_draft = |a: usize| draft.contains(&a);
    // trusted claims by series
    let mut trusted: BTreeMap<SeriesKey, Vec<usize>> = BTreeMap::new();
    for (i, c) in report.claims.iter().enumerate() {
        if is_draft(c.article) {
            continue;
        }
        if let Some(s) = SeriesKey::of_claim(c) {
            trusted.entry(s).or_default().push(i);
        }
    }
    let place = |i: usize| {
        let c = &report.claims[i];
        format!(
            "{}:{}",
            crate::rules::file_name(&report.articles[c.article].display_path()),
            c.span.line
        )
    };
    let mut out = Vec::new();
    for (i, c) in report.claims.iter().enumerate() {
        if !is_draft(c.article) {
            continue;
        }
        let Some(series) = SeriesKey::of_claim(c) else {
            out.push(Judgement {
                claim: i,
                verdict: Verdict::Unverifiable,
                evidence: vec![],
                reason: "no metric could be attributed to this figure, so no source can be matched to it".into(),
            });
            continue;
        };
        let key = c.period.key();
        let same_series = trusted.get(&series).cloned().unwrap_or_default();
        // a trusted figure in a currency no rate converts says nothing about this one
        let at_period: Vec<usize> = same_series
            .iter()
            .copied()
            .filter(|&t| report.claims[t].period.key() == key)
            .filter(|&t| comparable(c, &report.claims[t], report, knowledge))
            .collect();
        let agrees =
            |t: usize| figures_agree(c, &report.claims[t], report, knowledge, fx_tolerance);
        let verdict = if let Some(&t) = at_period.iter().find(|&&t| agrees(t)) {
            Judgement {
                claim: i,
                verdict: Verdict::Verified,
                evidence: vec![t],
                reason: format!(
                    "{} gives {} for {}",
                    place(t),
                    report.claims[t].figure.text.trim(),
                    key
                ),
            }
        } else if let Some(&t) = same_series.iter().find(|&&t| {
            let tk = report.claims[t].period.key();
            !tk.overlaps(&key) && matches!(tk, PeriodKey::Range(_)) && precise(c) && agrees(t)
        }) {
            Judgement {
                claim: i,
                verdict: Verdict::Mislabelled,
                evidence: vec![t],
                reason: format!(
                    "the trusted source gives {} for {} ({}), not for {} as the draft says",
                    report.claims[t].figure.text.trim(),
                    report.claims[t].period.key(),
                    place(t),
                    key
                ),
            }
        } else if !at_period.is_empty() {
            Judgement {
                claim: i,
                verdict: Verdict::Contradicted,
                evidence: at_period.clone(),
                reason: format!(
                    "the trusted source gives {} for {} ({})",
                    {
                        // "14%", not "14%, 14%" when the release states it twice
                        let mut figs: Vec<String> = Vec::new();
                        for &t in &at_period {
                            let f = report.claims[t].figure.text.trim().to_string();
                            if !figs.contains(&f) {
                                figs.push(f);
                            }
                        }
                        figs.join(", ")
                    },
                    key,
                    at_period
                        .iter()
                        .map(|&t| place(t))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        } else {
            Judgement {
                claim: i,
                verdict: Verdict::Unverifiable,
                evidence: vec![],
                reason: if same_series.is_empty() {
                    format!("no trusted source states {}", series.describe())
                } else if let Some(&t) = same_series
                    .iter()
                    .find(|&&t| report.claims[t].period.key() == key)
                {
                    format!(
                        "the trusted source gives {} for {} ({}), and no rate converts it: none in the FX table, none stated in the trusted texts",
                        report.claims[t].figure.text.trim(),
                        key,
                        place(t)
                    )
                } else {
                    format!(
                        "the trusted sources state {} only for other periods, with other figures",
                        series.describe()
                    )
                },
            }
        };
        out.push(verdict);
    }
    out
}

fn precise(c: &Claim) -> bool {
    c.figure.value.is_point()
        && matches!(
            c.figure.qualifier,
            crate::model::Qualifier::None | crate::model::Qualifier::Exactly
        )
}

/// Same unit and overlapping values; money in two currencies through the FX table, or for
/// a pair it lacks, the rates the trusted sources state.
fn figures_agree(a: &Claim, b: &Claim, report: &Report, k: &Knowledge, tol: f64) -> bool {
    if a.figure.unit == b.figure.unit {
        return a.figure.agrees_with(&b.figure);
    }
    let Some(rate) = rate_between(a, b, report, k) else {
        return false;
    };
    b.figure
        .interval()
        .scaled(rate)
        .widened(tol)
        .overlaps(&a.figure.interval())
}

/// Whether the two figures can be compared: the same unit, or money with a rate between
/// the currencies.
fn comparable(a: &Claim, b: &Claim, report: &Report, k: &Knowledge) -> bool {
    a.figure.unit == b.figure.unit || rate_between(a, b, report, k).is_some()
}

/// Units of `a`'s currency per unit of `b`'s: the FX table's for `b`'s period (plans and
/// undated figures: the publication month); for a pair it lacks, the trusted sources' own
/// (`judge`'s knowledge holds only the rates the trusted sources state, never the draft's).
fn rate_between(a: &Claim, b: &Claim, report: &Report, k: &Knowledge) -> Option<f64> {
    let (ca, cb) = (a.figure.unit.currency()?, b.figure.unit.currency()?);
    let months = match b.period.key() {
        PeriodKey::Range(r) if !b.outlook => Some(r),
        _ => report.articles[b.article]
            .meta
            .published
            .or(report.articles[a.article].meta.published)
            .map(|d| {
                let m = crate::period::Month::new(d.year() as i32, d.month() as u8);
                crate::period::MonthRange::new(m, m)
            }),
    };
    months
        .and_then(|m| k.fx.rate(cb, ca, m))
        .map(|r| r.value)
        .or_else(|| k.fx.learned_rate(cb, ca))
}

/// Reads the draft and the trusted sources together, checks them, and judges the draft.
/// Only the draft's own sourcing findings are kept in the report.
/// `stdin` is read where `-` is given: as the draft, or as one of the sources.
pub fn run(
    draft_paths: &[std::path::PathBuf],
    source_paths: &[std::path::PathBuf],
    opts: &crate::Options,
    knowledge: &Knowledge,
    stdin: Option<crate::ingest::Stdin>,
) -> GateReport {
    let dash = |ps: &[std::path::PathBuf]| ps.iter().any(|p| p.as_os_str() == "-");
    let (draft_stdin, source_stdin) = if dash(draft_paths) {
        (stdin, None)
    } else {
        (None, stdin)
    };
    let draft = crate::ingest::load(draft_paths, knowledge, draft_stdin);
    let sources = crate::ingest::load(source_paths, knowledge, source_stdin);
    let n_draft = draft.articles.len();
    let mut corpus = draft;
    let offset = corpus.articles.len();
    corpus.articles.extend(sources.articles);
    corpus
        .claims
        .extend(sources.claims.into_iter().map(|mut c| {
            c.article += offset;
            c
        }));
    corpus.errors.extend(sources.errors);
    corpus.warnings.extend(sources.warnings);
    // conversions are judged with the rates the trusted sources state, not the draft's
    let trusted = crate::with_learned(knowledge, &sources.learned);
    corpus.learned.extend(sources.learned);
    let draft_idx: Vec<usize> = (0..n_draft).collect();
    let mut report = crate::analyze(corpus, opts, knowledge);
    let judgements = judge(&report, &draft_idx, &trusted, opts.rules.fx_tolerance);
    // the draft's own sourcing findings; conflicts are what the verdicts are for
    let draft_paths_shown: Vec<String> = draft_idx
        .iter()
        .map(|&a| report.articles[a].display_path())
        .collect();
    report.findings.retain(|f| {
        matches!(f.rule, "unsourced-figure" | "dangling-citation")
            && (f
                .claims
                .iter()
                .any(|c| report.claims[c.claim].article < n_draft)
                || f.path
                    .as_ref()
                    .is_some_and(|p| draft_paths_shown.contains(p)))
    });
    GateReport {
        report,
        draft: draft_idx,
        judgements,
    }
}
