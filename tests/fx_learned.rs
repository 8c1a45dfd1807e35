//! Exchange rates learned from the texts (issue 12, "Exchange rates from the texts"):
//! conversions into a currency the FX table lacks (TWD: the ECB publishes no rate) are
//! checked against a rate an article states or a release's bracketed translation implies;
//! a pair with no rate anywhere is a notice (`currency-unchecked`, info), never a conflict.
//! Companies, figures and sentences are invented.

use claimcheck::rules::Severity;
use std::path::PathBuf;

const MANIFEST: &str = "sources:
  - {file: release.txt, title: Results, outlet: Corvale Microsystems, published: 2025-10-16, entity: Corvale Microsystems, primary: true}
  - {file: wire.txt, title: Sales climb, outlet: Newsdesk, published: 2025-10-17, entity: Corvale Microsystems}
";

fn corpus(name: &str, release: &str, wire: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-fx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("sources.yaml"), MANIFEST).unwrap();
    let head = "Corvale Microsystems reports third quarter 2025 results\n\n";
    std::fs::write(d.join("release.txt"), format!("{head}{release}\n")).unwrap();
    std::fs::write(
        d.join("wire.txt"),
        format!("Corvale sales climb\n\n{wire}\n"),
    )
    .unwrap();
    d
}

/// (rule, severity, figures of the finding's claims)
fn findings(d: &PathBuf) -> Vec<(String, Severity, Vec<String>)> {
    let r = claimcheck::check(std::slice::from_ref(d), &Default::default(), None).unwrap();
    let out = r
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("currency"))
        .map(|f| {
            (
                f.rule.to_string(),
                f.severity,
                f.claims
                    .iter()
                    .map(|c| r.claims[c.claim].figure.text.clone())
                    .collect(),
            )
        })
        .collect();
    let _ = std::fs::remove_dir_all(d);
    out
}

const RELEASE_TRANSLATED: &str = "Corvale Microsystems today reported revenue of NT$84.2 billion (US$2.75 billion) for the third quarter of 2025, up 12% from a year earlier.";
const RELEASE_PLAIN: &str = "Corvale Microsystems today reported revenue of NT$84.2 billion for the third quarter of 2025, up 12% from a year earlier.";

#[test]
fn a_slip_is_caught_with_the_rate_of_the_release_translation() {
    let f = findings(&corpus(
        "slip",
        RELEASE_TRANSLATED,
        "Corvale Microsystems said its third-quarter revenue rose 12% to $2.3 billion.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "currency-mismatch");
    assert_eq!(f[0].1, Severity::Error);
    assert!(f[0].2.contains(&"$2.3 billion".to_string()), "{f:?}");
}

#[test]
fn a_correct_conversion_is_quiet() {
    let f = findings(&corpus(
        "right",
        RELEASE_TRANSLATED,
        "Corvale Microsystems said its third-quarter revenue rose 12% to $2.7 billion.",
    ));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_slip_is_caught_with_a_rate_its_own_article_states() {
    // the release gives no translation; the wire states the rate it used and slips
    let f = findings(&corpus(
        "stated",
        RELEASE_PLAIN,
        "Corvale Microsystems said its third-quarter revenue rose 12% to $2.3 billion (US$1 = 30.6 New Taiwan dollars).",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1),
        ("currency-mismatch", Severity::Error)
    );
    let f = findings(&corpus(
        "stated-right",
        RELEASE_PLAIN,
        "Corvale Microsystems said its third-quarter revenue rose 12% to $2.75 billion (US$1 = 30.6 New Taiwan dollars).",
    ));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_pair_with_no_rate_anywhere_is_a_notice_not_a_conflict() {
    let f = findings(&corpus(
        "none",
        RELEASE_PLAIN,
        "Corvale Microsystems said its third-quarter revenue rose 12% to $2.3 billion.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1),
        ("currency-unchecked", Severity::Info)
    );
    // not a conflict rule: `claimcheck rules` and the registry say so
    let r = claimcheck::rules::find("currency-unchecked").unwrap();
    assert!(!r.is_conflict());
}

#[test]
fn a_convenience_translation_is_quiet() {
    // the release alone: each pair is its own rate; two pairs at rounding-close rates agree
    let d = corpus(
        "translation",
        &format!("{RELEASE_TRANSLATED} Net income was NT$21.6 billion (US$0.71 billion) for the quarter."),
        "Corvale Microsystems shares were unchanged.",
    );
    let f = findings(&d);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_slipped_translation_is_caught_by_the_release_other_translations() {
    // three translations: two at about 30.6 TWD per USD, one slipped (dividing by 3.06)
    let f = findings(&corpus(
        "slipped-translation",
        "Corvale Microsystems today reported revenue of NT$84.2 billion (US$2.75 billion) for the third quarter of 2025. Operating income was NT$30.4 billion (US$0.99 billion) and net income was NT$21.6 billion (US$7.1 billion) for the quarter.",
        "Corvale Microsystems shares were unchanged.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "currency-mismatch");
    assert!(f[0].2.contains(&"US$7.1 billion".to_string()), "{f:?}");
}

#[test]
fn claimcheck_knowledge_shows_the_learned_rate_and_its_line() {
    let d = corpus(
        "knowledge",
        RELEASE_TRANSLATED,
        "Corvale Microsystems said revenue was $2.7 billion (US$1 = 30.6 New Taiwan dollars).",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("knowledge")
        .arg(&d)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let _ = std::fs::remove_dir_all(&d);
    assert!(text.contains("fx learned from the texts"), "{text}");
    assert!(
        text.contains("1 USD = 30.6182 TWD (from a translation)"),
        "{text}"
    );
    assert!(text.contains("1 USD = 30.6 TWD (stated)"), "{text}");
    assert!(
        text.contains("release.txt:3: \"Corvale Microsystems today reported"),
        "{text}"
    );
    assert!(text.contains("wire.txt:3:"), "{text}");
}

/// `gate`: a draft's conversion is judged with the rate the trusted sources state, never
/// with the draft's own; with no rate at all, the figure is unverifiable, not contradicted.
#[test]
fn gate_judges_conversions_with_the_trusted_sources_rates() {
    let verdict = |name: &str, release: &str, draft: &str| {
        let d = std::env::temp_dir().join(format!("claimcheck-fxg-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("src")).unwrap();
        std::fs::write(
            d.join("src/sources.yaml"),
            "sources:\n  - {file: release.txt, title: Results, outlet: Corvale Microsystems, published: 2025-10-16, entity: Corvale Microsystems, primary: true}\n",
        )
        .unwrap();
        std::fs::write(
            d.join("src/release.txt"),
            format!("Corvale Microsystems reports third quarter 2025 results\n\n{release}\n"),
        )
        .unwrap();
        std::fs::write(
            d.join("draft.md"),
            format!("---\ntitle: Corvale\nentity: Corvale Microsystems\ndate: 2025-10-17\n---\n\n{draft}\n"),
        )
        .unwrap();
        let k = claimcheck::load_knowledge(&[]).unwrap();
        let g = claimcheck::gate::run(
            &[d.join("draft.md")],
            &[d.join("src")],
            &Default::default(),
            &k,
            None,
        );
        let _ = std::fs::remove_dir_all(&d);
        g.judgements
            .iter()
            .filter(|j| g.report.claims[j.claim].figure.text.contains("billion"))
            .map(|j| format!("{:?}: {}", j.verdict, j.reason))
            .collect::<Vec<_>>()
    };
    let stated = "Corvale Microsystems today reported revenue of NT$84.2 billion for the third quarter of 2025. Amounts are translated at US$1 = 30.6 New Taiwan dollars.";
    let v = verdict(
        "right",
        stated,
        "Corvale Microsystems reported third-quarter 2025 revenue of $2.75 billion.",
    );
    assert!(v.len() == 1 && v[0].starts_with("Verified"), "{v:?}");
    let v = verdict(
        "slip",
        stated,
        "Corvale Microsystems reported third-quarter 2025 revenue of $2.3 billion (US$1 = 36.6 New Taiwan dollars).",
    );
    assert!(v.len() == 1 && v[0].starts_with("Contradicted"), "{v:?}");
    let v = verdict(
        "none",
        RELEASE_PLAIN,
        "Corvale Microsystems reported third-quarter 2025 revenue of $2.3 billion.",
    );
    assert!(v.len() == 1 && v[0].starts_with("Unverifiable"), "{v:?}");
    assert!(v[0].contains("no rate converts it"), "{v:?}");
}

/// The amounts of a written-out rate are the rate: "$1" is no figure at all, the other side
/// is no figure of a metric; a bracketed translation's two amounts stay claims.
#[test]
fn a_written_out_rate_gives_no_claims_of_a_metric() {
    let k = claimcheck::load_knowledge(&[]).unwrap();
    let text = "Corvale results\n\nCorvale Microsystems said revenue rose to 96.3 billion yen ($1 = 149.90 yen). Net income was NT$21.6 billion (US$0.71 billion).\n";
    let (_, claims) = claimcheck::extract::article(std::path::Path::new("c.txt"), text, None, &k);
    let read: Vec<(String, Option<String>)> = claims
        .iter()
        .map(|c| {
            (
                c.figure.text.clone(),
                c.metric.as_ref().map(|m| m.to_string()),
            )
        })
        .collect();
    assert!(!read.iter().any(|(f, _)| f == "$1"), "{read:?}");
    assert!(
        read.iter().any(|(f, m)| f == "149.90 yen" && m.is_none()),
        "{read:?}"
    );
    assert!(
        read.iter()
            .any(|(f, m)| f == "96.3 billion yen" && m.as_deref() == Some("company.revenue")),
        "{read:?}"
    );
    assert!(read.iter().any(|(f, _)| f == "US$0.71 billion"), "{read:?}");
}
