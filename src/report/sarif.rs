//! SARIF 2.1.0: one run, every rule with its documentation, one result per
//! finding with the claims as primary and related locations.

use super::Report;
use crate::rules::{registry, Finding, Role, Severity};
use serde_json::{json, Map, Value};

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, everything outside
/// the unreserved and path characters percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where artifact URIs are relative to: `--sarif-root` (default: the working
/// directory), named `SRCROOT` in the run's `originalUriBaseIds`.
pub struct Root {
    /// Absolute, without `.` and `..`.
    root: std::path::PathBuf,
    cwd: std::path::PathBuf,
}

impl Root {
    pub fn new(root: &std::path::Path) -> Root {
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = |p: &std::path::Path| {
            let p = if p.is_absolute() {
                p.to_path_buf()
            } else {
                cwd.join(p)
            };
            crate::ingest::claimfile::clean_path(&p)
        };
        Root {
            root: abs(root),
            cwd: abs(&cwd),
        }
    }

    /// The root as a `file:` URI ending in `/`.
    fn base_uri(&self) -> String {
        let mut u = format!("file://{}", uri(&self.root.display().to_string()));
        if !u.ends_with('/') {
            u.push('/');
        }
        u
    }

    /// An artifactLocation: relative to SRCROOT when the file is under it,
    /// else an absolute `file:` URI; standard input as it goes by.
    pub fn artifact(&self, path: &str) -> Value {
        let p = std::path::Path::new(path);
        if path.starts_with('<') {
            return json!({ "uri": uri(path) });
        }
        let abs = crate::ingest::claimfile::clean_path(&if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.cwd.join(p)
        });
        match abs.strip_prefix(&self.root) {
            Ok(rel) => json!({ "uri": uri(&rel.display().to_string()), "uriBaseId": "SRCROOT" }),
            Err(_) => json!({ "uri": format!("file://{}", uri(&abs.display().to_string())) }),
        }
    }
}

/// The location of one claim.
fn claim_location(report: &Report, id: usize, root: &Root) -> Value {
    let c = &report.claims[id];
    let mut region = Map::new();
    region.insert("startLine".into(), json!(c.span.line.max(1)));
    if c.span.column > 0 {
        region.insert("startColumn".into(), json!(c.span.column));
        region.insert(
            "endColumn".into(),
            json!(c.span.column + c.figure.text.chars().count()),
        );
    }
    region.insert("snippet".into(), json!({ "text": c.figure.text }));
    json!({
        "physicalLocation": {
            "artifactLocation": root.artifact(&report.articles[c.article].display_path()),
            "region": region,
        }
    })
}

/// "34% (Jul–Sep 2025)"
fn claim_label(report: &Report, id: usize) -> String {
    let c = &report.claims[id];
    match super::cell_place(c) {
        Some(place) => format!("{} ({}; {place})", c.figure.text.trim(), c.period.key()),
        None => format!("{} ({})", c.figure.text.trim(), c.period.key()),
    }
}

fn role_name(r: Role) -> &'static str {
    super::markdown::role_name(r)
}

fn result(report: &Report, f: &Finding, rule_index: Option<usize>, root: &Root) -> Value {
    let primary =
        super::primary_claim(f).and_then(|id| f.claims.iter().position(|c| c.claim == id));
    let mut locations = Vec::new();
    let mut related = Vec::new();
    match primary {
        Some(p) => {
            let fc = &f.claims[p];
            let mut loc = claim_location(report, fc.claim, root);
            loc["message"] = json!({ "text": claim_label(report, fc.claim) });
            loc["properties"] = json!({ "role": role_name(fc.role) });
            locations.push(loc);
            for (i, fc) in f.claims.iter().enumerate() {
                if i == p {
                    continue;
                }
                let mut loc = claim_location(report, fc.claim, root);
                loc["id"] = json!(related.len());
                loc["message"] = json!({ "text": claim_label(report, fc.claim) });
                loc["properties"] = json!({ "role": role_name(fc.role) });
                related.push(loc);
            }
        }
        None => {
            if let Some(path) = &f.path {
                let mut phys = json!({ "artifactLocation": root.artifact(path) });
                if let Some(l) = f.line {
                    phys["region"] = json!({ "startLine": l.max(1) });
                }
                locations.push(json!({ "physicalLocation": phys }));
            }
        }
    }
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": locations,
        "partialFingerprints": { "claimcheck/v1": f.fingerprint },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(related);
    }
    let mut props = Map::new();
    if let Some(h) = &f.help {
        props.insert("help".into(), json!(h));
    }
    if !f.related.is_empty() {
        props.insert("related".into(), json!(f.related));
    }
    if !props.is_empty() {
        r["properties"] = Value::Object(props);
    }
    r
}

/// Renders the report as a SARIF 2.1.0 log.
/// Renders the report with URIs relative to the working directory.
pub fn render(report: &Report) -> String {
    render_with_root(report, std::path::Path::new("."))
}

/// Renders the report with artifact URIs relative to `root` (`--sarif-root`).
pub fn render_with_root(report: &Report, root: &std::path::Path) -> String {
    let root = Root::new(root);
    let rules = registry();
    let ids: Vec<&str> = rules.iter().map(|r| r.id()).collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            let d = r.doc();
            json!({
                "id": r.id(),
                "shortDescription": { "text": d.summary },
                "fullDescription": { "text": d.what },
                "help": {
                    "text": format!("{}\n\nWhy: {}\n\nExample:\n{}", d.what, d.why, d.example),
                },
                "defaultConfiguration": { "level": level(r.default_severity()) },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| result(report, f, ids.iter().position(|i| *i == f.rule), &root))
        .collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            let mut n = json!({ "level": "error", "message": { "text": e.to_string() } });
            if let Some(p) = e.path() {
                let mut phys =
                    json!({ "artifactLocation": root.artifact(&p.display().to_string()) });
                if let Some(l) = e.line() {
                    phys["region"] = json!({ "startLine": l.max(1) });
                }
                n["locations"] = json!([{ "physicalLocation": phys }]);
            }
            n
        })
        .collect();
    let mut invocation = json!({ "executionSuccessful": report.errors.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "invocations": [invocation],
            "originalUriBaseIds": { "SRCROOT": { "uri": root.base_uri() } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("../a/b c.txt"), "../a/b%20c.txt");
        assert_eq!(uri("dir\\x.md"), "dir/x.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
    }
}
