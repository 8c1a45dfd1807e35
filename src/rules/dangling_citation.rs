//! `dangling-citation`: citation markers with no entry in the source list, and empty entries.

use super::{Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use std::collections::{BTreeMap, BTreeSet};

pub struct DanglingCitation;

impl Rule for DanglingCitation {
    fn id(&self) -> &'static str {
        "dangling-citation"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn is_conflict(&self) -> bool {
        false
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "Citation markers that resolve to nothing",
            what: "Flags, once per article, citation markers (\"[3]\") with no entry in the \
article's source list, source-list entries printed with nothing after the marker, and markers \
in an article that prints no source list at all. The finding lists the markers, the lines that \
use them and the figures they were meant to support. The company's own release or filing \
(`primary: true`) is left alone: its bracketed digits are footnotes to its own notes.",
            why: "A citation that leads nowhere looks sourced but is not: readers and editors \
cannot check the figure, and it often means the source list was cut off.",
            example: "body: \"... grew 26% [1] ... reached RMB 33.4 billion [2]\"\n\
Sources: [1]   (nothing after it; no [2])\n\
=> dangling-citation: [1] is empty, [2] has no entry",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        let mut out = Vec::new();
        for (a, article) in ctx.articles.iter().enumerate() {
            // the company's own release cites nobody: its bracketed digits are its own footnotes
            if article.meta.primary {
                continue;
            }
            // marker -> lines where it is used
            let mut uses: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            for m in &article.markers {
                uses.entry(m.marker.clone()).or_default().insert(m.line);
            }
            let mut citing: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for &i in &ctx.by_article[a] {
                let c = &ctx.claims[i];
                for m in &c.sourcing.citations {
                    uses.entry(m.clone()).or_default().insert(c.span.line);
                    citing.entry(m.clone()).or_default().push(i);
                }
            }
            let mut missing = Vec::new();
            let mut empty = Vec::new();
            for m in uses.keys() {
                match article.source(m) {
                    None => missing.push(m.clone()),
                    Some(s) if s.is_empty() => empty.push(m.clone()),
                    Some(_) => {}
                }
            }
            for s in &article.sources {
                if s.is_empty() && !empty.contains(&s.marker) {
                    empty.push(s.marker.clone());
                }
            }
            if missing.is_empty() && empty.is_empty() {
                continue;
            }
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(if article.has_source_list {
                    format!("{} cited but not in the source list", markers(&missing))
                } else {
                    format!(
                        "{} cited but the article prints no source list",
                        markers(&missing)
                    )
                });
            }
            if !empty.is_empty() {
                parts.push(format!(
                    "{} listed with nothing after the marker",
                    markers(&empty)
                ));
            }
            let path = article.display_path();
            let first_line = missing
                .iter()
                .chain(empty.iter())
                .filter_map(|m| uses.get(m).and_then(|l| l.iter().next().copied()))
                .min()
                .or(article.source_list_line)
                .unwrap_or(1);
            let mut f = Finding::new(
                "dangling-citation",
                Severity::Warning,
                format!("{}: {}", super::file_name(&path), parts.join("; ")),
            );
            f.help = Some(match article.source_list_line {
                Some(l) => format!("The source list starts at line {l}; it may have been cut off. Restore the entries or remove the markers."),
                None => "Add the source list, or replace the markers with links or attributions.".into(),
            });
            f.path = Some(path);
            f.article = Some(a);
            f.line = Some(first_line);
            let mut ids: Vec<usize> = missing
                .iter()
                .chain(empty.iter())
                .flat_map(|m| citing.get(m).cloned().unwrap_or_default())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            // the markers are what is wrong; the figures they back are context
            f.marks = article
                .markers
                .iter()
                .filter(|u| missing.contains(&u.marker) || empty.contains(&u.marker))
                .map(|u| super::Mark {
                    line: u.line,
                    column: u.column,
                    len: u.marker.chars().count() + 2,
                    label: if missing.contains(&u.marker) {
                        format!("[{}] is not in the source list", u.marker)
                    } else {
                        format!("[{}] has an empty entry", u.marker)
                    },
                })
                .collect();
            if let Some(first) = f.marks.first() {
                f.line = Some(first.line);
            }
            f.claims = ids
                .into_iter()
                .map(|c| FindingClaim {
                    claim: c,
                    role: if f.marks.is_empty() {
                        Role::Subject
                    } else {
                        Role::Context
                    },
                })
                .collect();
            out.push(f);
        }
        out
    }
}

/// "[2], [3], [4]" with numeric order.
fn markers(ms: &[String]) -> String {
    let mut v: Vec<&String> = ms.iter().collect();
    v.sort_by_key(|m| (m.parse::<u64>().unwrap_or(u64::MAX), (*m).clone()));
    v.iter()
        .map(|m| format!("[{m}]"))
        .collect::<Vec<_>>()
        .join(", ")
}
