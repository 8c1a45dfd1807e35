//! `claimcheck knowledge`: the knowledge in force, in words.

use crate::knowledge::fx::RateForm;
use crate::knowledge::{CalendarSource, Knowledge};
use crate::period::Month;
use std::fmt::Write;

pub fn render(k: &Knowledge) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# knowledge from: {}", k.origins.join(", "));
    let _ = writeln!(s, "metrics:");
    let _ = writeln!(
        s,
        "  subjects: {}",
        k.metrics
            .subjects
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        s,
        "  scopes: {}",
        k.metrics
            .scopes
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(s, "  measures:");
    for m in k.metrics.measures.values() {
        let _ = writeln!(
            s,
            "    {}: kinds [{}], period: {}, synonyms: {}",
            m.id,
            m.kinds
                .iter()
                .map(|x| x.name())
                .collect::<Vec<_>>()
                .join(", "),
            m.class.name(),
            m.synonyms.join(", ")
        );
    }
    let _ = writeln!(s, "entities:");
    for e in k.entities.list.values() {
        let c = &e.calendar;
        let fy = if c.fy_end == 12 {
            "calendar fiscal year".to_string()
        } else {
            format!(
                "fiscal year ends {}{}; bare quarter labels are {}",
                Month::new(2000, c.fy_end).name(),
                if c.named_by_start {
                    " (named by its start year)"
                } else {
                    ""
                },
                if c.bare_fiscal { "fiscal" } else { "calendar" }
            )
        };
        let source = match &e.source {
            CalendarSource::Knowledge => String::new(),
            CalendarSource::Learned {
                path,
                line,
                sentence,
            } => learned_from(path, *line, sentence),
            CalendarSource::Unknown => " (calendar unknown)".into(),
        };
        let _ = writeln!(
            s,
            "  - {}{}: {fy}; results {}-{} days after quarter end{}{}",
            e.name,
            if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" ({})", e.aliases.join(", "))
            },
            c.lag_days.0,
            c.lag_days.1,
            e.currency
                .as_deref()
                .map(|c| format!("; reports in {c}"))
                .unwrap_or_default(),
            source
        );
    }
    let _ = writeln!(
        s,
        "fx: {} (data through {})",
        k.fx.source, k.fx.data_through
    );
    for c in k.fx.currencies() {
        if let Some((a, b)) = k.fx.coverage(c) {
            let _ = writeln!(s, "  {c}: {a} to {b}");
        }
    }
    for (c, why) in &k.fx.missing {
        let _ = writeln!(s, "  {c}: missing ({why})");
    }
    if !k.fx.learned.is_empty() {
        let _ = writeln!(
            s,
            "fx learned from the texts (used for pairs the table lacks):"
        );
    }
    for l in &k.fx.learned {
        let r = &l.rate;
        // "1 USD = 30.1 TWD" reads better than "1 TWD = 0.0332 USD"
        let (a, b, v) = if r.value >= 1.0 {
            (&r.from, &r.to, r.value)
        } else {
            (&r.to, &r.from, 1.0 / r.value)
        };
        let _ = writeln!(
            s,
            "  1 {a} = {} {b} ({}){}",
            significant(v),
            match r.form {
                RateForm::Stated => "stated",
                RateForm::Translation => "from a translation",
            },
            learned_from(&l.path, l.line, &l.sentence)
        );
    }
    s
}

/// A rate with six significant digits, no trailing zeros: 30.0244, 1352, 0.9385.
fn significant(v: f64) -> String {
    let digits = (5 - v.abs().log10().floor() as i32).clamp(0, 10) as usize;
    let t = format!("{v:.digits$}");
    if t.contains('.') {
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        t
    }
}

/// "learned from a.txt:4: "..."": a sentence that runs over several lines
/// (a heading, a table) is quoted line by line, at most four lines, each on
/// its own line, not run together.
fn learned_from(path: &str, line: usize, sentence: &str) -> String {
    let lines: Vec<&str> = sentence
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() <= 1 {
        return format!(
            "\n      learned from {path}:{line}: \"{}\"",
            sentence.trim()
        );
    }
    let mut s = format!(
        "\n      learned from {path}:{line}-{}:",
        line + lines.len() - 1
    );
    for l in lines.iter().take(4) {
        s.push_str(&format!("\n        \"{l}\""));
    }
    if lines.len() > 4 {
        s.push_str(&format!("\n        ({} more lines)", lines.len() - 4));
    }
    s
}

#[cfg(test)]
mod learned_tests {
    use super::{learned_from, significant};

    #[test]
    fn rates_are_shown_to_six_significant_digits() {
        assert_eq!(significant(30.024390243), "30.0244");
        assert_eq!(significant(1352.0), "1352");
        assert_eq!(significant(0.9385), "0.9385");
        assert_eq!(significant(148.35), "148.35");
    }

    #[test]
    fn a_sentence_over_several_lines_is_quoted_line_by_line() {
        let s = learned_from(
            "fab.txt",
            4,
            "Fabrikam Systems\nQ3 FY26\nthird quarter of fiscal 2026,\nended\nOctober 26, 2025\nRevenue",
        );
        assert!(s.contains("learned from fab.txt:4-9:"), "{s}");
        assert!(
            s.contains("\n        \"Fabrikam Systems\"\n        \"Q3 FY26\""),
            "{s}"
        );
        assert!(s.contains("(2 more lines)"), "{s}");
        assert!(!s.contains("Systems Q3"), "not run together: {s}");
        let one = learned_from("a.txt", 2, "Ended October 26, 2025, fiscal Q3. ");
        assert_eq!(
            one,
            "\n      learned from a.txt:2: \"Ended October 26, 2025, fiscal Q3.\""
        );
    }
}
