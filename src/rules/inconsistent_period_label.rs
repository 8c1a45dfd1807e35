//! `inconsistent-period-label`: a period label that only fits the other
//! articles when read against the company's own convention.

use super::{figure_text, Ctx, Finding, FindingClaim, Role, Rule, RuleDoc, Severity};
use std::collections::BTreeMap;

pub struct InconsistentPeriodLabel;

impl Rule for InconsistentPeriodLabel {
    fn id(&self) -> &'static str {
        "inconsistent-period-label"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "A period label read against the company's convention to make the figures fit",
            what: "Flags, once per article and label, a label whose usual reading for the company \
(fiscal or calendar quarter, per its fiscal calendar) does not fit, while another reading makes \
its figures agree with what other articles give for that period. The figures are then compared \
under the fitting reading (so no contradiction is raised), and this finding tells the editor the \
label itself is misleading.",
            why: "A company whose fiscal year ends in June calls July-September its fiscal first \
quarter; an article that calls it \"Q3\" has the right numbers under a label readers will take \
for another quarter.",
            example: "company with a June fiscal year end; article A: \"Q3 revenue rose 14% to $2.84 billion\"\n\
article B: \"revenue for the fiscal first quarter, ended September 30, rose 14% to $2.84 billion\"\n\
=> inconsistent-period-label: A's \"Q3\" fits only as calendar Q3 (Jul-Sep); the company's Q3 is Jan-Mar",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        // (article, label) -> claims read against the usual reading
        let mut groups: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
        for (i, c) in ctx.claims.iter().enumerate() {
            if c.period.chosen > 0 && c.period.readings.len() > 1 {
                groups
                    .entry((c.article, c.period.label.clone()))
                    .or_default()
                    .push(i);
            }
        }
        groups
            .into_iter()
            .map(|((a, label), ids)| {
                let p = &ctx.claims[ids[0]].period;
                let usual = &p.readings[0];
                let used = &p.readings[p.chosen];
                let path = ctx.articles[a].display_path();
                let figs: Vec<String> = ids.iter().map(|&c| figure_text(&ctx.claims[c].figure)).collect();
                let mut f = Finding::new(
                    "inconsistent-period-label",
                    Severity::Warning,
                    format!(
                        "{}: \"{label}\" usually means {} ({}), but its figures ({}) match what other articles give for {}",
                        super::file_name(&path),
                        usual.key,
                        usual.how,
                        figs.join(", "),
                        used.key
                    ),
                );
                f.help = Some(format!(
                    "Label the period as the company does, or name the months: the figures were compared as {} ({}).",
                    used.key, used.how
                ));
                f.path = Some(path);
                f.line = Some(ctx.claims[ids[0]].span.line);
                f.claims = ids.into_iter().map(|c| FindingClaim { claim: c, role: Role::Subject }).collect();
                f
            })
            .collect()
    }
}
