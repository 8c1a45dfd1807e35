//! Renderings of a gate report: every draft claim with its verdict and the trusted line it rests on.

use crate::gate::{GateReport, Judgement};
use crate::report::json::claim_json;
use crate::rules::file_name;
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct JsonVerdict<'a> {
    verdict: &'static str,
    reason: &'a str,
    claim: crate::report::json::JsonClaim<'a>,
    evidence: Vec<crate::report::json::JsonClaim<'a>>,
}

pub fn json(g: &GateReport) -> String {
    let r = &g.report;
    let verdicts: Vec<JsonVerdict> = g
        .judgements
        .iter()
        .map(|j| JsonVerdict {
            verdict: j.verdict.name(),
            reason: &j.reason,
            claim: claim_json(r, j.claim, None),
            evidence: j.evidence.iter().map(|&e| claim_json(r, e, None)).collect(),
        })
        .collect();
    // the check report's JSON carries the draft's sourcing findings and the errors
    let check: serde_json::Value =
        serde_json::from_str(&crate::report::json::render(r)).expect("own JSON");
    let out = serde_json::json!({
        "schema": "claimcheck-gate",
        "schema_version": 1,
        "tool": {"name": "claimcheck", "version": env!("CARGO_PKG_VERSION")},
        "drafts": g.draft.iter().map(|&a| r.articles[a].display_path()).collect::<Vec<_>>(),
        "counts": g.counts(),
        "verdicts": verdicts,
        "findings": check["findings"],
        "errors": check["errors"],
        "warnings": check["warnings"],
    });
    let mut s = serde_json::to_string_pretty(&out).expect("gate JSON");
    s.push('\n');
    s
}

fn line(g: &GateReport, j: &Judgement) -> String {
    let r = &g.report;
    let c = &r.claims[j.claim];
    format!(
        "{:<13} {}:{}  {}  [{} {}, {}]  {}",
        j.verdict.name(),
        file_name(&r.articles[c.article].display_path()),
        c.span.line,
        c.figure.text.trim(),
        c.metric
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_else(|| "no metric".into()),
        c.kind.name(),
        c.period.key(),
        j.reason
    )
}

pub fn text(g: &GateReport, color: bool) -> String {
    let mut s = String::new();
    for j in &g.judgements {
        let _ = writeln!(s, "{}", line(g, j));
    }
    s.push('\n');
    if !g.report.findings.is_empty() || !g.report.errors.is_empty() {
        let only_findings = crate::report::text::render(&g.report, color);
        // the summary line of the check report speaks of all inputs: keep the diagnostics only
        let body: Vec<&str> = only_findings
            .lines()
            .take_while(|l| !l.contains(" finding"))
            .collect();
        s.push_str(&body.join("\n"));
        s.push('\n');
    }
    let counts: Vec<String> = g.counts().iter().map(|(k, v)| format!("{v} {k}")).collect();
    let _ = writeln!(
        s,
        "gate: {} draft claim{}: {}; {} sourcing finding{}",
        g.judgements.len(),
        if g.judgements.len() == 1 { "" } else { "s" },
        counts.join(", "),
        g.report.findings.len(),
        if g.report.findings.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    s
}

pub fn markdown(g: &GateReport) -> String {
    let r = &g.report;
    let mut s = String::from("## claimcheck gate\n\n");
    let counts: Vec<String> = g.counts().iter().map(|(k, v)| format!("{v} {k}")).collect();
    let _ = writeln!(
        s,
        "{} draft claims: {}\n",
        g.judgements.len(),
        counts.join(", ")
    );
    s.push_str("| verdict | draft | figure | metric | period | trusted source |\n|---|---|---|---|---|---|\n");
    let esc = |t: &str| {
        t.replace('|', "\\|")
            .replace('*', "\\*")
            .replace('_', "\\_")
    };
    for j in &g.judgements {
        let c = &r.claims[j.claim];
        let ev: Vec<String> = j
            .evidence
            .iter()
            .map(|&e| {
                let t = &r.claims[e];
                format!(
                    "{} ({}:{})",
                    esc(t.figure.text.trim()),
                    file_name(&r.articles[t.article].display_path()),
                    t.span.line
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "| {} | {}:{} | {} | {} | {} | {} |",
            j.verdict.name(),
            file_name(&r.articles[c.article].display_path()),
            c.span.line,
            esc(c.figure.text.trim()),
            c.metric
                .as_ref()
                .map(|m| m.to_string())
                .unwrap_or_else(|| "-".into()),
            c.period.key(),
            if ev.is_empty() {
                "-".into()
            } else {
                ev.join(", ")
            }
        );
    }
    if !r.findings.is_empty() {
        s.push_str("\n### Sourcing\n\n");
        for f in &r.findings {
            let _ = writeln!(
                s,
                "- **{}** ({}): {}",
                f.rule,
                f.severity.name(),
                esc(&f.message)
            );
        }
    }
    s
}
