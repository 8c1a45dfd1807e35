//! Markdown report: a comment a CI job posts on a merge request. A title line,
//! summary tables, then one section per finding with the article lines quoted.
//!
//! Also holds what the Markdown and HTML reports share: the lines a finding
//! quotes, cut to excerpts around their figures.

use super::Report;
use crate::rules::{Finding, Role, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;

/// One piece of a quoted line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece {
    Text(String),
    /// A figure a finding is about (claim id and its role, when it has one).
    Figure {
        text: String,
        claim: usize,
        role: Option<Role>,
    },
    /// Text left out.
    Gap,
}

/// An article line a finding points at.
pub(crate) struct Quoted {
    pub article: usize,
    pub line: usize,
    /// None when the article's text is not at hand.
    pub pieces: Option<Vec<Piece>>,
    /// The claims on this line, in column order.
    pub claims: Vec<(usize, Role)>,
}

/// Cuts `line` to windows of about `context` characters around each mark
/// (character start, character length, claim, role), merged where they meet.
/// Window edges move to word boundaries; marks that overlap an earlier one are
/// left unmarked.
pub(crate) fn excerpt(
    line: &str,
    marks: &[(usize, usize, usize, Option<Role>)],
    context: usize,
) -> Vec<Piece> {
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    let mut ms: Vec<(usize, usize, usize, Option<Role>)> = marks
        .iter()
        .filter(|m| m.1 > 0 && m.0 < n)
        .map(|&(s, l, c, r)| (s, (s + l).min(n), c, r))
        .collect();
    ms.sort_by_key(|m| (m.0, m.1, m.2));
    let mut kept: Vec<(usize, usize, usize, Option<Role>)> = Vec::new();
    for m in ms {
        if kept.last().is_none_or(|k| m.0 >= k.1) {
            kept.push(m);
        }
    }
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    // windows
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if kept.is_empty() {
        windows.push((0, n.min(2 * context)));
    }
    for m in &kept {
        let mut s = m.0.saturating_sub(context);
        let mut e = (m.1 + context).min(n);
        if s > 0 {
            if let Some(ws) = (s..m.0).find(|&i| chars[i].is_whitespace()) {
                s = ws + 1;
            }
        }
        if e < n {
            if let Some(we) = (m.1..e).rev().find(|&i| chars[i].is_whitespace()) {
                e = we;
            }
        }
        match windows.last_mut() {
            Some(w) if s <= w.1 + 8 => w.1 = w.1.max(e),
            _ => windows.push((s, e)),
        }
    }
    let mut out = Vec::new();
    let mut marks = kept.iter().peekable();
    for (i, &(s, e)) in windows.iter().enumerate() {
        if s > 0 || (i > 0 && s > windows[i - 1].1) {
            out.push(Piece::Gap);
        }
        let mut at = s;
        while let Some(m) = marks.peek() {
            if m.0 >= e {
                break;
            }
            if m.0 > at {
                out.push(Piece::Text(text(at, m.0)));
            }
            out.push(Piece::Figure {
                text: text(m.0, m.1),
                claim: m.2,
                role: m.3,
            });
            at = m.1;
            marks.next();
        }
        if e > at {
            out.push(Piece::Text(text(at, e)));
        }
    }
    if windows.last().is_some_and(|w| w.1 < n) {
        out.push(Piece::Gap);
    }
    out
}

/// The lines a finding points at: one per article line, in article and line order.
pub(crate) fn quoted_lines(report: &Report, f: &Finding, context: usize) -> Vec<Quoted> {
    let by_line = super::claims_by_line(report, f);
    let mut out = Vec::new();
    for ((a, line), mut claims) in by_line {
        claims.sort_by_key(|(id, _)| (report.claims[*id].span.column, *id));
        let pieces = report.articles[a].line(line).map(|src| {
            let marks: Vec<(usize, usize, usize, Option<Role>)> = claims
                .iter()
                .filter(|(id, _)| report.claims[*id].span.column > 0)
                .map(|&(id, role)| {
                    let c = &report.claims[id];
                    (
                        c.span.column - 1,
                        c.figure.text.chars().count(),
                        id,
                        Some(role),
                    )
                })
                .collect();
            excerpt(src, &marks, context)
        });
        out.push(Quoted {
            article: a,
            line,
            pieces,
            claims,
        });
    }
    if f.claims.is_empty() {
        if let (Some(_), Some(l)) = (&f.path, f.line) {
            if let Some(a) = f.article.filter(|&i| i < report.articles.len()) {
                out.push(Quoted {
                    article: a,
                    line: l,
                    pieces: report.articles[a].line(l).map(|s| excerpt(s, &[], context)),
                    claims: vec![],
                });
            }
        }
    }
    out
}

/// The articles a finding involves (indices), in order.
pub(crate) fn finding_articles(report: &Report, f: &Finding) -> Vec<usize> {
    let mut v: Vec<usize> = f
        .claims
        .iter()
        .map(|c| report.claims[c.claim].article)
        .collect();
    if f.claims.is_empty() && f.path.is_some() {
        v.extend(f.article.filter(|&i| i < report.articles.len()));
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// Per-article finding counts by severity (error, warning, info).
pub(crate) fn article_severities(report: &Report) -> Vec<[usize; 3]> {
    let mut out = vec![[0usize; 3]; report.articles.len()];
    for f in &report.findings {
        let k = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        for a in super::charged_articles(report, f) {
            out[a][k] += 1;
        }
    }
    out
}

pub(crate) fn role_name(r: Role) -> &'static str {
    match r {
        Role::Reference => "reference",
        Role::Conflicting => "conflicting",
        Role::Subject => "subject",
        Role::Context => "context",
    }
}

/// Escapes text so Markdown shows it as written: backslash before the
/// characters that start emphasis, code, links, HTML, tables, math or
/// entities. An underscore inside a word is left alone (it cannot emphasize).
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let inner = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if !inner {
                    out.push('\\');
                }
                out.push('_');
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// An inline code span that holds `s` whatever backticks it contains.
fn code(s: &str) -> String {
    let mut fence = String::from("`");
    while s.contains(fence.as_str()) {
        fence.push('`');
    }
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", s.replace(['\n', '\r'], " "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

const CONTEXT: usize = 70;

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    let arts = report.article_summaries();
    let sev = report.counts_by_severity();
    let n = report.findings.len();
    let _ = write!(
        s,
        "## claimcheck: {} in {}",
        if n == 0 {
            "no findings".to_string()
        } else {
            plural(n, "finding", "findings")
        },
        plural(arts.len(), "article", "articles")
    );
    let mut parts = Vec::new();
    for (name, one, many) in [
        ("error", "error", "errors"),
        ("warning", "warning", "warnings"),
        ("info", "info", "info"),
    ] {
        if let Some(&k) = sev.get(name) {
            parts.push(plural(k, one, many));
        }
    }
    if !parts.is_empty() {
        let _ = write!(s, " ({})", parts.join(", "));
    }
    s.push_str("\n\n");
    let figures: usize = arts.iter().map(|a| a.figures).sum();
    let compared: usize = arts.iter().map(|a| a.compared).sum();
    let _ = writeln!(
        s,
        "{}, {} compared across articles.",
        plural(figures, "figure", "figures"),
        compared
    );
    if !report.errors.is_empty() {
        let _ = writeln!(
            s,
            "\n**{} could not be read** (see the end of this report).",
            plural(report.errors.len(), "input", "inputs")
        );
    }

    if n > 0 {
        let mut by: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
        for f in &report.findings {
            *by.entry((f.rule, f.severity)).or_default() += 1;
        }
        let mut rows: Vec<(&str, Severity, usize)> =
            by.into_iter().map(|((r, sv), k)| (r, sv, k)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        s.push_str("\n| rule | severity | findings |\n|---|---|---:|\n");
        for (r, sv, k) in rows {
            let _ = writeln!(s, "| {} | {} | {k} |", code(r), sv.name());
        }
    }

    if !arts.is_empty() {
        let per = article_severities(report);
        s.push_str(
            "\n| article | figures | compared | errors | warnings | info |\n|---|---:|---:|---:|---:|---:|\n",
        );
        for (a, c) in arts.iter().zip(&per) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                code(&a.path),
                a.figures,
                a.compared,
                c[0],
                c[1],
                c[2]
            );
        }
    }

    for (i, f) in report.findings.iter().enumerate() {
        let _ = write!(
            s,
            "\n### {}. {} {}\n\n{}\n",
            i + 1,
            f.severity.name(),
            code(f.rule),
            escape(&f.message)
        );
        let quoted = quoted_lines(report, f, CONTEXT);
        for q in &quoted {
            let path = report.articles[q.article].display_path();
            let _ = write!(s, "\n> {}:{}: ", escape(&path), q.line);
            match &q.pieces {
                Some(pieces) => {
                    for p in pieces {
                        match p {
                            Piece::Text(t) => s.push_str(&escape(t)),
                            Piece::Figure { text, .. } => {
                                let _ = write!(s, "**{}**", escape(text));
                            }
                            Piece::Gap => s.push('…'),
                        }
                    }
                }
                None => {
                    let figs: Vec<String> = q
                        .claims
                        .iter()
                        .map(|(id, _)| {
                            format!("**{}**", escape(report.claims[*id].figure.text.trim()))
                        })
                        .collect();
                    let _ = write!(s, "{} (article text not at hand)", figs.join(", "));
                }
            }
            s.push('\n');
        }
        let listed: Vec<&Quoted> = quoted.iter().filter(|q| !q.claims.is_empty()).collect();
        if !listed.is_empty() {
            s.push('\n');
        }
        for q in listed {
            let path = report.articles[q.article].display_path();
            let file = crate::rules::file_name(&path);
            for &(id, role) in &q.claims {
                let c = &report.claims[id];
                let _ = write!(
                    s,
                    "- {} {} ({}): {}",
                    code(&format!("{file}:{}", q.line)),
                    escape(c.figure.text.trim()),
                    role_name(role),
                    escape(&c.period.describe())
                );
                if let Some(w) = &c.period.why {
                    let _ = write!(s, "; {}", escape(w));
                }
                if let Some(place) = super::cell_place(c) {
                    let _ = write!(s, "; {}", escape(&place));
                }
                s.push('\n');
            }
        }
        if let Some(h) = &f.help {
            let _ = write!(s, "\n**help:** {}\n", escape(h));
        }
        let _ = write!(s, "\nfingerprint {}", code(&f.fingerprint));
        if !f.related.is_empty() {
            let rel: Vec<String> = super::related_places(report, f)
                .iter()
                .zip(&f.related)
                .map(|(p, r)| format!("{} ({})", escape(p), code(r)))
                .collect();
            let _ = write!(s, " · related: {}", rel.join(", "));
        }
        s.push('\n');
    }

    if !report.errors.is_empty() {
        s.push_str("\n### Inputs that could not be read\n\n");
        for e in &report.errors {
            let _ = writeln!(s, "- {}", escape(&e.to_string()));
        }
    }
    if !report.warnings.is_empty() {
        s.push_str("\n### Input warnings\n\n");
        for e in &report.warnings {
            let _ = writeln!(s, "- {}", escape(&e.to_string()));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown() {
        assert_eq!(escape("a*b*"), "a\\*b\\*");
        assert_eq!(escape("<p>[1]"), "\\<p\\>\\[1\\]");
        assert_eq!(escape("$38B | $53B"), "\\$38B \\| \\$53B");
        assert_eq!(escape("snake_case _x_"), "snake_case \\_x\\_");
        assert_eq!(escape("a`b` &amp;"), "a\\`b\\` \\&amp;");
        assert_eq!(escape("two\nlines"), "two lines");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn excerpts_cut_around_figures() {
        let line = "one two three four five six seven eight nine ten 34% eleven twelve thirteen fourteen fifteen";
        let col = line.find("34%").unwrap();
        let p = excerpt(line, &[(col, 3, 0, None)], 12);
        assert_eq!(
            p,
            vec![
                Piece::Gap,
                Piece::Text("nine ten ".into()),
                Piece::Figure {
                    text: "34%".into(),
                    claim: 0,
                    role: None
                },
                Piece::Text(" eleven".into()),
                Piece::Gap
            ]
        );
        // short lines stay whole
        let p = excerpt("grew 18% in Q3", &[(5, 3, 1, None)], 40);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], Piece::Text("grew ".into()));
        // non-ASCII columns are characters
        let p = excerpt("—34% x", &[(1, 3, 2, None)], 40);
        assert_eq!(p[0], Piece::Text("—".into()));
        assert!(matches!(&p[1], Piece::Figure { text, .. } if text == "34%"));
        // far-apart figures get separate windows joined by a gap
        let long = format!("a 1% {} 2% b", "x ".repeat(100));
        let p = excerpt(&long, &[(2, 2, 0, None), (205, 2, 1, None)], 10);
        assert_eq!(p.iter().filter(|x| **x == Piece::Gap).count(), 1);
        // overlapping marks: the second is left unmarked
        let p = excerpt("$53 billion", &[(0, 11, 0, None), (1, 2, 1, None)], 10);
        assert_eq!(p.len(), 1);
    }
}
