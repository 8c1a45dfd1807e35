//! Baselines: the findings a newsroom accepts when it adopts claimcheck on an
//! archive. Entries match by content fingerprint, not line numbers, so edits
//! elsewhere in an article do not invalidate them.

use crate::error::{read_text, Error, Result};
use crate::rules::Finding;
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
}

pub fn render(findings: &[Finding]) -> String {
    let mut entries: Vec<Entry> = findings
        .iter()
        .map(|f| Entry {
            fingerprint: f.fingerprint.clone(),
            rule: f.rule.to_string(),
            message: f.message.clone(),
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

/// The fingerprints a baseline file accepts.
pub fn load(path: &Path) -> Result<BTreeSet<String>> {
    let text = read_text(path)?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Invalid {
        path: path.to_path_buf(),
        line: e.line(),
        message: format!("not a claimcheck baseline: {e}"),
    })?;
    Ok(b.findings.into_iter().map(|e| e.fingerprint).collect())
}
