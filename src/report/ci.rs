//! Formats CI systems read: GitHub Actions workflow commands (annotations on
//! the pull request's files) and the GitLab Code Quality report (JSON).

use super::Report;
use crate::rules::{Finding, Severity};
use serde_json::json;

/// Where a finding is: (path, line, column, end column) of the figure or
/// marker it is about, else the place it names.
fn place(report: &Report, f: &Finding) -> Option<(String, usize, Option<usize>, Option<usize>)> {
    if let (Some(m), Some(a)) = (f.marks.first(), f.article) {
        let path = report.articles.get(a)?.display_path();
        return Some((path, m.line, Some(m.column), Some(m.column + m.len)));
    }
    if let Some(id) = super::primary_claim(f) {
        let c = &report.claims[id];
        let col = (c.span.column > 0).then_some(c.span.column);
        return Some((
            report.articles[c.article].display_path(),
            c.span.line.max(1),
            col,
            col.map(|x| x + c.figure.text.chars().count()),
        ));
    }
    Some((f.path.clone()?, f.line.unwrap_or(1).max(1), None, None))
}

fn relative(path: &str) -> &str {
    path.strip_prefix("./").unwrap_or(path)
}

/// Escapes workflow-command data: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property: as data, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one per finding and input error:
/// `::error file=a.md,line=3,col=5,endColumn=8,title=contradiction::message`.
pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some((path, line, col, end)) = place(report, f) {
            props.push(format!("file={}", escape_property(relative(&path))));
            props.push(format!("line={line}"));
            if let Some(c) = col {
                props.push(format!("col={c}"));
            }
            if let Some(e) = end {
                props.push(format!("endColumn={e}"));
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("claimcheck {}", f.rule))
        ));
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push_str("\n\n");
            message.push_str(h);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    for (command, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for e in list.iter() {
            let mut props = Vec::new();
            if let Some(p) = e.path() {
                props.push(format!(
                    "file={}",
                    escape_property(relative(&p.display().to_string()))
                ));
            }
            if let Some(l) = e.line() {
                props.push(format!("line={l}"));
            }
            props.push("title=claimcheck input".to_string());
            out.push_str(&format!(
                "::{command} {}::{}\n",
                props.join(","),
                escape_data(&e.to_string())
            ));
        }
    }
    out
}

/// The GitLab Code Quality report: a JSON array of issues (description,
/// check_name, fingerprint, severity, location.path, location.lines.begin).
pub fn gitlab(report: &Report) -> String {
    let mut issues = Vec::new();
    for f in &report.findings {
        let (path, line) = place(report, f)
            .map(|(p, l, ..)| (relative(&p).to_string(), l))
            .unwrap_or_else(|| (String::new(), 1));
        issues.push(json!({
            "type": "issue",
            "description": f.message,
            "check_name": f.rule,
            "categories": ["Bug Risk"],
            "fingerprint": f.fingerprint,
            "severity": match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            },
            "location": { "path": path, "lines": { "begin": line } },
        }));
    }
    for e in &report.errors {
        let path = e
            .path()
            .map(|p| relative(&p.display().to_string()).to_string())
            .unwrap_or_default();
        issues.push(json!({
            "type": "issue",
            "description": e.to_string(),
            "check_name": "input",
            "categories": ["Bug Risk"],
            "fingerprint": crate::rules::fnv1a(&["input", &e.to_string()]),
            "severity": "blocker",
            "location": { "path": path, "lines": { "begin": e.line().unwrap_or(1) } },
        }));
    }
    let mut s = serde_json::to_string_pretty(&serde_json::Value::Array(issues)).expect("JSON");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escapes() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
