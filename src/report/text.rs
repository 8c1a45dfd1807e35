//! Terminal report: compiler-style diagnostics showing the article lines involved.

use super::Report;
use crate::rules::{file_name, Finding, Role, Severity};
use annotate_snippets::{Level, Message, Renderer, Snippet};
use std::fmt::Write;

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Byte range of a character column span in a line.
fn byte_range(line: &str, column: usize, len_chars: usize) -> Option<std::ops::Range<usize>> {
    let mut idx = line
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(line.len()));
    let start = idx.nth(column.checked_sub(1)?)?;
    let end = line[start..]
        .char_indices()
        .map(|(b, _)| start + b)
        .chain(std::iter::once(line.len()))
        .nth(len_chars)
        .unwrap_or(line.len());
    Some(start..end)
}

/// (byte range in the shown line, label, level)
type OwnedAnnotation = (std::ops::Range<usize>, String, Level);

/// (line text, line number, origin, annotations)
type OwnedSnippet = (String, usize, String, Vec<OwnedAnnotation>);

struct Owned {
    title: String,
    snippets: Vec<OwnedSnippet>,
    footers: Vec<(Level, String)>,
}

/// A source line as shown: tabs and other ASCII control characters become spaces (byte
/// offsets are kept), since the snippet renderer miscounts their width.
/// Leading whitespace is dropped (the renderer's margin arithmetic overflows on long
/// indented lines); annotation ranges are shifted to match.
fn shown(src: &str, anns: &mut [OwnedAnnotation]) -> String {
    let s: String = src
        .chars()
        .map(|c| if c.is_ascii_control() { ' ' } else { c })
        .collect();
    let lead = s.len() - s.trim_start().len();
    for a in anns.iter_mut() {
        a.0 = a.0.start.saturating_sub(lead)..a.0.end.saturating_sub(lead);
    }
    s[lead..].to_string()
}

fn build(report: &Report, f: &Finding) -> Owned {
    let mut footers = Vec::new();
    let mut snippets = Vec::new();
    // (article, line) -> the claims and the marks on it
    type Items<'a> = (Vec<(usize, Role)>, Vec<&'a crate::rules::Mark>);
    let mut by_line: Vec<((usize, usize), Items)> = super::claims_by_line(report, f)
        .into_iter()
        .map(|(k, v)| (k, (v, vec![])))
        .collect();
    if let Some(a) = f.article.filter(|&a| a < report.articles.len()) {
        for m in &f.marks {
            match by_line.iter_mut().find(|(k, _)| *k == (a, m.line)) {
                Some((_, (_, marks))) => marks.push(m),
                None => by_line.push(((a, m.line), (vec![], vec![m]))),
            }
        }
    }
    // the line of what the finding is about comes first: `-->` points there
    let primary = match (f.marks.first(), f.article) {
        (Some(m), Some(a)) => Some((a, m.line)),
        _ => {
            super::primary_claim(f).map(|c| (report.claims[c].article, report.claims[c].span.line))
        }
    };
    by_line.sort_by_key(|(k, _)| (Some(*k) != primary, *k));
    for ((a, line), (items, marks)) in by_line {
        let article = &report.articles[a];
        let label_of = |id: usize| {
            let c = &report.claims[id];
            match super::cell_place(c) {
                // a table cell: where in the table it sits
                Some(place) => format!("{} ({}; {place})", c.figure.text.trim(), c.period.key()),
                None => format!("{} ({})", c.figure.text.trim(), c.period.key()),
            }
        };
        match article.line(line) {
            Some(src) if src.len() <= 4000 => {
                let mut anns = Vec::new();
                for m in marks {
                    if let Some(r) = byte_range(src, m.column.max(1), m.len) {
                        anns.push((r, m.label.clone(), level(f.severity)));
                    }
                }
                for (id, role) in items {
                    let c = &report.claims[id];
                    if let Some(r) =
                        byte_range(src, c.span.column.max(1), c.figure.text.chars().count())
                    {
                        let lv = match role {
                            Role::Conflicting => level(f.severity),
                            Role::Reference => Level::Info,
                            Role::Subject => level(f.severity),
                            Role::Context => Level::Note,
                        };
                        anns.push((r, label_of(id), lv));
                    }
                }
                let text = shown(src, &mut anns);
                snippets.push((text, line, article.display_path(), anns));
            }
            _ => {
                for (id, _) in items {
                    footers.push((
                        Level::Note,
                        format!("{}:{}: {}", article.display_path(), line, label_of(id)),
                    ));
                }
            }
        }
    }
    if f.claims.is_empty() {
        if let (Some(p), Some(l)) = (&f.path, f.line) {
            if let Some(a) = f.article.and_then(|i| report.articles.get(i)) {
                if let Some(src) = a.line(l).filter(|s| s.len() <= 4000) {
                    snippets.push((shown(src, &mut []), l, p.clone(), vec![]));
                }
            }
        }
    }
    if let Some(h) = &f.help {
        footers.push((Level::Help, h.clone()));
    }
    for r in super::related_places(report, f) {
        footers.push((Level::Note, format!("related: {r}")));
    }
    Owned {
        title: f.message.clone(),
        snippets,
        footers,
    }
}

/// Renders the findings and a summary, with colour when `color` is set.
pub fn render(report: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in &report.findings {
        let o = build(report, f);
        let mut msg: Message = level(f.severity).title(&o.title).id(f.rule);
        for (src, line, origin, anns) in &o.snippets {
            let mut s = Snippet::source(src)
                .line_start(*line)
                .origin(origin)
                .fold(false);
            for (r, label, lv) in anns {
                s = s.annotation(lv.span(r.clone()).label(label));
            }
            msg = msg.snippet(s);
        }
        for (lv, text) in &o.footers {
            msg = msg.footer(lv.title(text));
        }
        let _ = writeln!(out, "{}\n", renderer.render(msg));
    }
    for e in &report.errors {
        let _ = writeln!(
            out,
            "{}\n",
            renderer.render(Level::Error.title(&e.to_string()).id("input"))
        );
    }
    for e in &report.warnings {
        let _ = writeln!(
            out,
            "{}\n",
            renderer.render(Level::Warning.title(&e.to_string()).id("input"))
        );
    }
    out.push_str(&summary(report));
    out
}

/// "3 findings (contradiction: 2, unsourced-figure: 1) in 4 articles; 77 figures, 40 compared"
pub fn summary(report: &Report) -> String {
    let rules: Vec<String> = report
        .counts_by_rule()
        .iter()
        .map(|(r, n)| format!("{r}: {n}"))
        .collect();
    let arts = report.article_summaries();
    let mut s = format!(
        "{} finding{}{} in {} article{}; {} figures, {} attributed to a metric, {} compared",
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" },
        if rules.is_empty() {
            String::new()
        } else {
            format!(" ({})", rules.join(", "))
        },
        arts.len(),
        if arts.len() == 1 { "" } else { "s" },
        arts.iter().map(|a| a.figures).sum::<usize>(),
        arts.iter().map(|a| a.attributed).sum::<usize>(),
        arts.iter().map(|a| a.compared).sum::<usize>(),
    );
    if !report.errors.is_empty() {
        let _ = write!(s, "; {} input(s) could not be read", report.errors.len());
    }
    s.push('\n');
    let with: Vec<String> = arts
        .iter()
        .filter(|a| a.findings > 0)
        .map(|a| format!("{}: {}", file_name(&a.path), a.findings))
        .collect();
    if !with.is_empty() {
        let _ = writeln!(s, "findings per article: {}", with.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_in_characters() {
        assert_eq!(byte_range("\u{2014}34% x", 2, 3), Some(3..6));
        assert_eq!(byte_range("abc", 3, 5), Some(2..3));
        assert_eq!(byte_range("abc", 9, 1), None);
    }
}
