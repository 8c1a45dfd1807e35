//! `currency-unchecked`: a figure given in two currencies that no rate can check.

use super::currency_mismatch::conversions;
use super::{Ctx, Finding, Role, Rule, RuleDoc, Severity};

pub struct CurrencyUnchecked;

impl Rule for CurrencyUnchecked {
    fn id(&self) -> &'static str {
        "currency-unchecked"
    }
    fn default_severity(&self) -> Severity {
        Severity::Info
    }
    /// A notice that a conversion went unchecked: no conflict between figures.
    fn is_conflict(&self) -> bool {
        false
    }
    fn doc(&self) -> RuleDoc {
        RuleDoc {
            summary: "A figure in two currencies that no exchange rate can check (a notice)",
            what: "Where currency-mismatch would convert a figure but has no rate for the pair: \
the FX table lacks the currency (the ECB publishes no TWD rate) or the period, and no article of \
the checked set states a rate (\"($1 = 0.9385 euros)\") or translates an amount in brackets \
(\"NT$12.30 (US$0.41)\"). The pair is listed as a notice (severity info), never as a conflict: \
nothing says the figures disagree.",
            why: "An unchecked conversion is not a checked one: an editor should know which \
conversions nobody verified, without being told they are wrong.",
            example: "article A: \"revenue of NT$84.2 billion\"\n\
article B: \"revenue of $2.6 billion\" (no rate stated anywhere)\n\
=> currency-unchecked (info): $2.6 billion cannot be checked against NT$84.2 billion: no TWD/USD rate for Jul–Sep 2025 in the FX table, and none stated in the texts",
        }
    }
    fn check(&self, ctx: &Ctx) -> Vec<Finding> {
        conversions(ctx)
            .iter()
            .filter(|g| !g.no_rate.is_empty())
            .map(|g| {
                g.finding(
                    ctx,
                    "currency-unchecked",
                    Severity::Info,
                    &g.no_rate,
                    "cannot be checked against",
                    Role::Subject,
                )
            })
            .collect()
    }
}
