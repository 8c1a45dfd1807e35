//! `unsourced-figure`: a figure with no citation, link or attribution covering it.

use super::{figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use std::collections::BTreeMap;

pub struct UnsourcedFigure;

impl Rule for UnsourcedFigure {
    fn id(&self) -> &'static str {
        "unsourced-figure"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn is_conflict(&self) -> bool {
        false
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "Figures with no citation marker, link or attribution",
            what:
                "Flags each line of an article that states figures none of which is covered by a \
citation marker, an inline link or an attribution (\"according to the filing\", \"the company \
said\"). A summary bullet that restates a sourced body sentence shares its sourcing. An article \
that gives figures as what the company reported (\"Acme reported\", \"the chip maker said\", \
\"Acme's quarterly results\") covers the company's own results stated elsewhere in it; an \
analysts' estimate is covered only by naming who compiled it (\"analysts polled by Fieldwire\"), \
not by \"Wall Street expected\". The company's own release or filing (`primary: true`) needs no \
sourcing.",
            why: "An editor must be able to trace every number to where it came from; an \
unsourced figure is the one nobody can check in a hurry.",
            example:
                "\"Gaming sales rose 12% to $3.1 billion.\" (no marker, link or attribution)\n\
=> unsourced-figure: 34%, RMB 39.8 billion",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        // sourced lines per article, for summaries that restate a body line
        let mut sourced_lines: BTreeMap<(usize, usize), bool> = BTreeMap::new();
        for c in ctx.claims {
            if c.sourcing.is_direct() {
                sourced_lines.insert((c.article, c.span.line), true);
            }
        }
        let mut by_line: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, c) in ctx.claims.iter().enumerate() {
            if ctx.articles[c.article].meta.primary || c.sourcing.is_direct() {
                continue;
            }
            if let Some(l) = c.sourcing.restates {
                if sourced_lines.contains_key(&(c.article, l)) {
                    continue;
                }
            }
            by_line.entry((c.article, c.span.line)).or_default().push(i);
        }
        by_line
            .into_iter()
            .map(|((a, line), ids)| {
                let path = ctx.articles[a].display_path();
                let figs: Vec<String> = ids.iter().map(|&c| figure_text(&ctx.claims[c].figure)).collect();
                let mut f = Finding::new(
                    "unsourced-figure",
                    Severity::Warning,
                    format!(
                        "{}:{line}: {} stated with no citation, link or attribution",
                        super::file_name(&path),
                        figs.join(", ")
                    ),
                );
                f.help = Some("Add a citation to the source list, a link, or say who reports the figure (\"according to the company's results\").".into());
                f.path = Some(path);
                f.article = Some(a);
                f.line = Some(line);
                f.claims = ids
                    .into_iter()
                    .map(|c| FindingClaim { claim: c, role: Role::Subject })
                    .collect();
                f
            })
            .collect()
    }
}
