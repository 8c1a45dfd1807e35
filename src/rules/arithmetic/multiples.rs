//! A figure said to be a multiple of another ("13.2%, nearly triple the 4.6%"): the
//! two figures must stand in about that ratio.

use super::super::{figure_text, Ctx, Finding, Severity};

/// The multiple findings of every article.
pub fn check(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for ids in ctx.by_article {
        if !ids.iter().any(|&i| ctx.claims[i].multiple.is_some()) {
            continue;
        }
        // where each figure is: the other figure of a multiple is looked up, not searched
        let mut at: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for &i in ids {
            let c = &ctx.claims[i];
            at.entry((c.span.line, c.span.column)).or_insert(i);
        }
        for &a in ids {
            let ca = &ctx.claims[a];
            let Some(m) = &ca.multiple else { continue };
            let Some(&b) = at.get(&(m.line, m.column)) else {
                continue;
            };
            let cb = &ctx.claims[b];
            if ca.figure.unit != cb.figure.unit
                || !ca.figure.value.is_point()
                || !cb.figure.value.is_point()
            {
                continue;
            }
            let (x, y) = (
                ca.figure.value.midpoint() * ca.figure.multiplier(),
                cb.figure.value.midpoint() * cb.figure.multiplier(),
            );
            if x <= 0.0 || y <= 0.0 || m.hedge.allows(m.factor, x / y) {
                continue;
            }
            let f = Finding::new(
                "arithmetic",
                Severity::Error,
                format!(
                    "{} is {:.2} times {}, not \"{}\" ({})",
                    figure_text(&ca.figure),
                    x / y,
                    figure_text(&cb.figure),
                    m.words,
                    ctx.place(a),
                ),
            );
            out.push(super::with_claims(
                f,
                "A figure said to be a multiple of another must stand in about that ratio: check the multiple, or one of the two figures.",
                [a],
                [b],
            ));
        }
    }
    out
}
