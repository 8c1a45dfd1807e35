//! Baselines: the findings a newsroom accepts when it adopts claimcheck on an
//! archive. Entries match by content fingerprint, not line numbers, so edits
//! elsewhere in an article do not invalidate them.

use crate::error::{read_text, Error, Result};
use crate::report::Report;
use crate::rules::{Finding, Role};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub claimcheck_baseline: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    /// For people reading the file; not used for matching.
    pub message: String,
    /// For a finding about figures one by one (an unsourced line): each
    /// figure's own fingerprint, so a figure added to the line later is
    /// reported alone, not with the whole line again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
}

/// The fingerprint of one figure of a finding (rule, file, figure, metric, period, entity).
fn figure_print(report: &Report, rule: &str, claim: usize) -> String {
    let c = &report.claims[claim];
    let file = crate::rules::file_name(&report.articles[c.article].display_path()).to_string();
    let metric = c.metric.as_ref().map(|m| m.to_string()).unwrap_or_default();
    let period = c.period.key().to_string();
    crate::rules::fnv1a(&[rule, &file, &c.figure.text, &metric, &period, &c.entity])
}

/// The figures a finding is about one by one: its subjects.
fn subjects(f: &Finding) -> impl Iterator<Item = usize> + '_ {
    f.claims
        .iter()
        .filter(|c| c.role == Role::Subject)
        .map(|c| c.claim)
}

/// The report's findings as a baseline file.
pub fn render(report: &Report) -> String {
    let mut entries: Vec<Entry> = report
        .findings
        .iter()
        .map(|f| Entry {
            fingerprint: f.fingerprint.clone(),
            rule: f.rule.to_string(),
            message: f.message.clone(),
            figures: subjects(f)
                .map(|c| figure_print(report, f.rule, c))
                .collect(),
        })
        .collect();
    entries.sort_by(|a, b| (&a.rule, &a.fingerprint).cmp(&(&b.rule, &b.fingerprint)));
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let b = Baseline {
        claimcheck_baseline: 1,
        findings: entries,
    };
    serde_json::to_string_pretty(&b).expect("baseline") + "\n"
}

/// What a baseline file accepts: findings, and figures one by one.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Accepted {
    pub findings: BTreeSet<String>,
    pub figures: BTreeSet<String>,
}

/// Reads a baseline file.
pub fn load(path: &Path) -> Result<Accepted> {
    let text = read_text(path)?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Invalid {
        path: path.to_path_buf(),
        line: e.line(),
        message: format!("not a claimcheck baseline: {e}"),
    })?;
    let mut a = Accepted::default();
    for e in b.findings {
        a.findings.insert(e.fingerprint);
        a.figures.extend(e.figures);
    }
    Ok(a)
}

/// Drops the accepted findings from a report. A finding about figures one
/// by one whose figures were partly accepted keeps only the new ones.
pub fn apply(report: &mut Report, accepted: &Accepted) {
    let mut keep = Vec::new();
    for mut f in std::mem::take(&mut report.findings) {
        if accepted.findings.contains(&f.fingerprint) {
            continue;
        }
        let figures: Vec<usize> = subjects(&f).collect();
        if !figures.is_empty() {
            let old: BTreeSet<usize> = figures
                .into_iter()
                .filter(|&c| accepted.figures.contains(&figure_print(report, f.rule, c)))
                .collect();
            f.claims
                .retain(|c| c.role != Role::Subject || !old.contains(&c.claim));
            if !old.is_empty() {
                if !f.claims.iter().any(|c| c.role == Role::Subject) {
                    continue;
                }
                let new: Vec<String> = subjects(&f)
                    .map(|c| report.claims[c].figure.text.trim().to_string())
                    .collect();
                f.message = format!("{} (new since the baseline: {})", f.message, new.join(", "));
            }
        }
        keep.push(f);
    }
    report.findings = keep;
}
