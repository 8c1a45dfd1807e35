//! Raw articles through the binary: extraction round trip, odd and bad input.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("NO_COLOR", "1");
    c
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-art-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn findings(v: &serde_json::Value) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    f.sort();
    f
}

/// `check --format json` on `d`; `code`: the exit status it must have, if any.
fn check_json(d: &PathBuf, code: Option<i32>) -> serde_json::Value {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    if let Some(code) = code {
        assert_eq!(
            out.status.code(),
            Some(code),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `extract --write` on `d`, which must succeed.
fn extract_write(d: &PathBuf) {
    let ex = bin().args(["extract", "--write"]).arg(d).output().unwrap();
    assert_eq!(
        ex.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ex.stderr)
    );
}

#[test]
fn extract_round_trips_through_check() {
    let d = tmpdir("roundtrip");
    for e in std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles"))
        .unwrap()
    {
        let p = e.unwrap().path();
        std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
    }
    let raw = check_json(&d, None);
    extract_write(&d);
    let curated = check_json(&d, Some(1));
    assert!(curated["summary"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["claims_from"] == "claim-file"));
    assert!(!findings(&raw).is_empty());
    assert_eq!(
        findings(&raw),
        findings(&curated),
        "extract output read back must give the same findings"
    );
    // a second --write never overwrites the reviewed files
    let again = bin().args(["extract", "--write"]).arg(&d).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not overwritten"));
}

/// The gold articles cover more than the examples: fiscal calendars learned from the text,
/// analysts' estimates, tables with captions, European numbers. Every claim `extract` writes
/// must load again, and the article's text must teach the same calendars either way.
#[test]
fn extract_round_trips_on_the_gold_articles() {
    let d = tmpdir("roundtrip-gold");
    let gold = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    for e in std::fs::read_dir(&gold).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let article =
            name.starts_with(|c: char| c.is_ascii_digit()) && !name.ends_with(".claims.yaml");
        if article || name == "sources.yaml" {
            std::fs::copy(&p, d.join(&name)).unwrap();
        }
    }
    let raw = check_json(&d, Some(1));
    extract_write(&d);
    let curated = check_json(&d, Some(1));
    assert!(
        curated["errors"].as_array().unwrap().is_empty(),
        "{}",
        curated["errors"]
    );
    assert!(findings(&raw).len() >= 5);
    assert_eq!(findings(&raw), findings(&curated));
}

#[test]
fn empty_article_is_a_clean_empty_result() {
    let d = tmpdir("empty");
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["figures"], 0);
    assert_eq!(v["summary"]["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn binary_article_is_an_error_and_the_rest_is_checked() {
    let d = tmpdir("binary");
    std::fs::write(d.join("junk.txt"), b"Revenue rose \xff\xfe\x00 5%\n").unwrap();
    std::fs::write(
        d.join("good.txt"),
        "Zephyr Tools said revenue rose 12% in the third quarter of 2025.\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let msg = v["errors"][0]["message"].as_str().unwrap();
    assert!(msg.contains("junk.txt:1") && msg.contains("UTF-8"), "{msg}");
    assert_eq!(v["summary"]["figures"], 1, "the good article is still read");
}

#[test]
fn one_long_line_without_newlines_finishes() {
    // not a timing test: a long single line must be read without quadratic blow-up
    let d = tmpdir("longline");
    let chunk = "Revenue rose 12% to $3.4 billion in Q3 2025 while margins held at 9.5% ";
    std::fs::write(d.join("long.txt"), chunk.repeat(20_000)).unwrap();
    let out = bin()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["summary"]["figures"].as_u64().unwrap() >= 40_000);
}

#[test]
fn long_indented_lines_render_in_the_terminal_report() {
    // found by fuzzing: the snippet renderer's margin arithmetic overflowed on a long line
    // starting with many spaces or control characters, for a finding with no figure
    let d = tmpdir("indented");
    let line = format!(
        "{}Revenue figures are in the company's filing [2], which {}.\n",
        " ".repeat(20),
        "lists every segment and region in detail ".repeat(4)
    );
    let ctl = format!("\t\t\t\t\u{b}\t{}filing [3].\n", "#".repeat(150));
    std::fs::write(d.join("a.txt"), format!("Title\n\n{line}\n{ctl}")).unwrap();
    let out = bin()
        .args(["check", "--color", "never"])
        .arg(d.join("a.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("dangling-citation"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A sentence that gives two values under what we read as one key was misread
/// somewhere (a comparison, a table row, a qualifier we did not see): neither
/// figure is compared, while the same figures in two articles still conflict.
#[test]
fn figures_one_sentence_gives_two_values_are_not_compared() {
    let d = tmpdir("selfsplit");
    std::fs::write(
        d.join("a.txt"),
        "Norrvik Freight third quarter 2025\n\nIn the third quarter of 2025, Norrvik Freight's revenue was $2.2 billion and its revenue was $1.9 billion.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "Norrvik Freight third quarter 2025\n\nNorrvik Freight's revenue was $2.2 billion in the third quarter of 2025.\n",
    )
    .unwrap();
    assert_eq!(
        contradictions(&check_json(&d, None)),
        0,
        "a self-split sentence is kept out of comparisons"
    );
    // the same disagreement across two articles is a finding
    std::fs::write(
        d.join("a.txt"),
        "Norrvik Freight third quarter 2025\n\nNorrvik Freight's revenue was $1.9 billion in the third quarter of 2025.\n",
    )
    .unwrap();
    assert_eq!(
        contradictions(&check_json(&d, None)),
        1,
        "two articles that disagree still conflict"
    );
}

/// Writes a release (primary) and a wire story about Quillon Foods into a folder.
fn release_and_wire(name: &str, wire: &str) -> PathBuf {
    let d = tmpdir(name);
    std::fs::write(
        d.join("sources.yaml"),
        "sources:\n  - file: release.txt\n    entity: Quillon Foods\n    published: 2026-04-20\n    primary: true\n  - file: wire.txt\n    entity: Quillon Foods\n    published: 2026-04-21\n",
    )
    .unwrap();
    std::fs::write(
        d.join("release.txt"),
        "Quillon Foods reports first quarter 2026 results\n\n\
Net income for the first quarter of 2026, on a GAAP basis, was $2.6 billion, and on a \
non-GAAP basis was $3.1 billion.\n",
    )
    .unwrap();
    std::fs::write(d.join("wire.txt"), wire).unwrap();
    d
}

fn contradictions(v: &serde_json::Value) -> usize {
    rule_count(v, "contradiction")
}

#[test]
fn an_adjusted_figure_with_its_qualifier_left_out_is_no_contradiction() {
    // "profit of $3.1 billion" is the non-GAAP figure, stated without "adjusted"
    let d = release_and_wire(
        "twin-quiet",
        "Quillon Foods said on Monday that net income rose to $3.1 billion in the first quarter of 2026.\n",
    );
    assert_eq!(contradictions(&check_json(&d, None)), 0);
    // a figure that matches neither reading is still a contradiction
    let d = release_and_wire(
        "twin-fires",
        "Quillon Foods said on Monday that net income rose to $3.4 billion in the first quarter of 2026.\n",
    );
    assert_eq!(contradictions(&check_json(&d, None)), 1);
    // the adjusted figure called GAAP outright is wrong
    let d = release_and_wire(
        "twin-stated",
        "Quillon Foods said on Monday that net income (GAAP) rose to $3.1 billion in the first quarter of 2026.\n",
    );
    assert_eq!(contradictions(&check_json(&d, None)), 1);
}

/// The company's release never contradicts itself: two values it gives in different
/// lines under what we read as one key ("net profit" and "net profit attributable to
/// shareholders") are two lines, kept out of comparisons; in a wire story they conflict.
#[test]
fn a_release_giving_two_values_under_one_key_is_not_a_contradiction() {
    let write = |d: &std::path::Path, primary: bool| {
        std::fs::write(
            d.join("sources.yaml"),
            format!("sources:\n  - file: a.txt\n    entity: Quillon Foods\n    published: 2026-04-20\n    primary: {primary}\n"),
        )
        .unwrap();
        std::fs::write(
            d.join("a.txt"),
            "Quillon Foods first quarter 2026 results\n\n\
- Net profit was $3.4 billion, up 12%.\n\n\
- Net profit attributable to shareholders was $3.1 billion, up 10%.\n",
        )
        .unwrap();
    };
    let d = tmpdir("release-two-lines");
    write(&d, true);
    assert_eq!(contradictions(&check_json(&d, None)), 0);
    write(&d, false);
    assert!(
        contradictions(&check_json(&d, None)) >= 1,
        "an article that is not the release still conflicts with itself"
    );
}

/// Writes the files `(name, text)` and a manifest (the first file is the release when
/// `release` is true) into a fresh folder.
fn event(dir: &str, release: bool, files: &[(&str, &str)]) -> PathBuf {
    let d = tmpdir(dir);
    let mut manifest = String::from("sources:\n");
    for (i, (name, text)) in files.iter().enumerate() {
        manifest.push_str(&format!(
            "  - file: {name}\n    entity: Quillon Foods\n    published: 2026-07-2{i}\n    primary: {}\n",
            release && i == 0
        ));
        std::fs::write(d.join(name), text).unwrap();
    }
    std::fs::write(d.join("sources.yaml"), manifest).unwrap();
    d
}

fn rule_count(v: &serde_json::Value, rule: &str) -> usize {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .count()
}

/// Where the release gives two values under what we read as one key, articles that each
/// repeat one of them quote two lines; a value that matches neither still conflicts.
#[test]
fn articles_quoting_the_two_lines_a_release_gives_under_one_key_agree() {
    let release = "Quillon Foods second quarter 2026 results\n\n\
- Net profit was $3.4 billion, up 12%.\n\n\
- Net profit attributable to shareholders was $3.1 billion, up 10%.\n";
    let a = "Quillon Foods said on Tuesday its second-quarter net profit was $3.4 billion.\n";
    let b = "Quillon Foods said on Tuesday its second-quarter net profit was $3.1 billion.\n";
    let d = event(
        "release-lines-quiet",
        true,
        &[("r.txt", release), ("a.txt", a), ("b.txt", b)],
    );
    assert_eq!(contradictions(&check_json(&d, None)), 0);
    let c = "Quillon Foods said on Tuesday its second-quarter net profit was $3.8 billion.\n";
    let d = event(
        "release-lines-fire",
        true,
        &[("r.txt", release), ("a.txt", a), ("c.txt", c)],
    );
    assert_eq!(contradictions(&check_json(&d, None)), 1);
}

/// A distinctive amount two articles give for one quarter and a third for another is
/// a mislabel, even where no article gives a figure for the third's quarter.
#[test]
fn a_distinctive_amount_under_a_lone_other_quarter_is_a_period_mismatch() {
    let said = |amount: &str, q: &str| {
        format!("Quillon Foods said on Tuesday that revenue for the {q} quarter of 2026 was {amount}.\n")
    };
    let (a, b, c) = (
        said("$4.37 billion", "second"),
        said("$4.37 billion", "second"),
        said("$4.37 billion", "first"),
    );
    let d = event(
        "distinct-fire",
        false,
        &[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)],
    );
    let v = check_json(&d, None);
    assert_eq!(rule_count(&v, "period-mismatch"), 1, "{v:#}");
    // a round amount recurs from quarter to quarter: no proof of a mislabel
    let (a, b, c) = (
        said("$4 billion", "second"),
        said("$4 billion", "second"),
        said("$4 billion", "first"),
    );
    let d = event(
        "distinct-round",
        false,
        &[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)],
    );
    assert_eq!(rule_count(&check_json(&d, None), "period-mismatch"), 0);
    // one article against one: no majority to go by
    let (a, c) = (
        said("$4.37 billion", "second"),
        said("$4.37 billion", "first"),
    );
    let d = event("distinct-even", false, &[("a.txt", &a), ("c.txt", &c)]);
    assert_eq!(rule_count(&check_json(&d, None), "period-mismatch"), 0);
}

/// A margin is checked against the profit beside it and the revenue, and its change in
/// points against the growths of profit and revenue the same article gives.
#[test]
fn a_margin_that_its_profit_and_revenue_do_not_give_is_an_arithmetic_finding() {
    let story = |margin: &str, change: &str| {
        format!(
            "Quillon Foods said on Tuesday that second-quarter revenue rose 12% to $8.40 billion.\n\n\
Gross profit rose 20% to $3.36 billion, and the gross margin widened to {margin}, up {change} percentage points year over year.\n"
        )
    };
    // 3.36 / 8.40 = 40.0%; last year 40.0 x 1.12 / 1.20 = 37.3%, so +2.7 points
    let d = event("margin-right", false, &[("a.txt", &story("40.0%", "2.7"))]);
    assert_eq!(rule_count(&check_json(&d, None), "arithmetic"), 0);
    let d = event(
        "margin-level-wrong",
        false,
        &[("a.txt", &story("46.0%", "2.7"))],
    );
    let v = check_json(&d, None);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "arithmetic" && f["message"].as_str().unwrap().contains("over")),
        "{v:#}"
    );
    let d = event(
        "margin-change-wrong",
        false,
        &[("a.txt", &story("40.0%", "7.2"))],
    );
    let v = check_json(&d, None);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "arithmetic"
                && f["message"].as_str().unwrap().contains("profit up 20%")),
        "{v:#}"
    );
}

/// "14%, nearly triple the 5.9%": the two figures must stand in about that ratio.
#[test]
fn a_figure_said_to_be_a_multiple_of_another_is_checked() {
    let story = |multiple: &str| {
        format!(
            "Quillon Foods said on Tuesday its second-quarter operating margin rose to 13.2%, {multiple} the 5.1% of the quarter before.\n"
        )
    };
    let arithmetic = |d: &PathBuf| {
        check_json(d, None)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| {
                f["rule"] == "arithmetic" && f["message"].as_str().unwrap().contains("times")
            })
            .count()
    };
    // 13.2 / 5.1 = 2.6: "more than double", "about two and a half"... not "nearly quadruple"
    for (dir, multiple, findings) in [
        ("multiple-right", "more than double", 0),
        ("multiple-nearly-right", "nearly triple", 0),
        ("multiple-wrong", "nearly quadruple", 1),
        ("multiple-wrong-plain", "five times", 1),
    ] {
        let d = event(dir, false, &[("a.txt", &story(multiple))]);
        assert_eq!(arithmetic(&d), findings, "{multiple}");
    }
}

/// A guidance range given for a quarter that had ended when the article appeared, while
/// another article gives it for the quarter ahead: the ended quarter is the slip.
#[test]
fn guidance_dated_to_a_quarter_already_over_is_a_period_mismatch() {
    // published in late July 2026: April-June is over, July-September ahead
    let a = "Quillon Foods expects revenue for the third quarter of 2026 of $8.15 billion to $8.35 billion.\n";
    let b = "Looking ahead, Quillon Foods guided for second-quarter 2026 revenue of $8.15 billion to $8.35 billion.\n";
    let d = event("guidance-past", false, &[("a.txt", a), ("b.txt", b)]);
    let v = check_json(&d, None);
    let f: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "period-mismatch")
        .collect();
    assert_eq!(f.len(), 1, "{v:#}");
    assert!(
        f[0]["help"].as_str().unwrap().contains("b.txt"),
        "{:#}",
        f[0]
    );
    // a round range proves nothing
    let a = "Quillon Foods expects revenue for the third quarter of 2026 of $8 billion to $9 billion.\n";
    let b = "Looking ahead, Quillon Foods guided for second-quarter 2026 revenue of $8 billion to $9 billion.\n";
    let d = event("guidance-round", false, &[("a.txt", a), ("b.txt", b)]);
    assert_eq!(rule_count(&check_json(&d, None), "period-mismatch"), 0);
}

/// The company's release is never named as the likely mislabel while an article disagrees.
#[test]
fn the_release_is_never_the_likely_mislabel() {
    let said = |q: &str, amount: &str| {
        format!("Quillon Foods said on Tuesday that revenue for the {q} quarter of 2026 was {amount}.\n")
    };
    // the release gives 4.37 for the first quarter and an article for the second; another
    // article gives 4.12 for the first, which would point at the release's label
    let files = [
        ("r.txt", said("first", "$4.37 billion")),
        ("a.txt", said("second", "$4.37 billion")),
        ("b.txt", said("first", "$4.12 billion")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let d = event("release-reference", true, &files);
    let v = check_json(&d, None);
    let mut seen = 0;
    for f in v["findings"].as_array().unwrap() {
        if f["rule"] == "period-mismatch" {
            let help = f["help"].as_str().unwrap();
            let likely = help.split("likely mislabel").nth(1).unwrap_or("");
            assert!(!likely.contains("r.txt"), "{help}");
            seen += 1;
        }
    }
    assert_eq!(seen, 1, "{v:#}");
}

/// A growth written as a change word ("more than tenfold", "doubled") is compared with
/// growth written in percent: x10 is +900%.
#[test]
fn a_growth_written_as_a_multiple_is_compared_with_percentages() {
    let a = "Quillon Foods said on Tuesday that second-quarter 2026 operating profit rose more than tenfold from the previous quarter to $2.2 billion.\n";
    let b = "Quillon Foods said on Tuesday that second-quarter 2026 operating profit rose 80% from the previous quarter.\n";
    let d = event("fold-fires", false, &[("a.txt", a), ("b.txt", b)]);
    assert_eq!(contradictions(&check_json(&d, None)), 1);
    let c = "Quillon Foods said on Tuesday that second-quarter 2026 operating profit doubled from the previous quarter to $2.2 billion.\n";
    let e = "Quillon Foods said on Tuesday that second-quarter 2026 operating profit rose 100% from the previous quarter.\n";
    let d = event("fold-quiet", false, &[("c.txt", c), ("e.txt", e)]);
    assert_eq!(contradictions(&check_json(&d, None)), 0);
}

/// A change stated beside a level that is a qualified line with its qualifier left out
/// is that line's change: it is compared with the change the release gives for the line.
#[test]
fn a_change_beside_a_level_of_a_qualified_line_is_that_line_s_change() {
    let release = "Quillon Foods reports first half 2026 results\n\n\
On a continuing operations basis, net income rose 11.4% to $4.62 billion in the first half of 2026.\n";
    let story = |growth: &str| {
        format!(
            "Quillon Foods first half\n\nQuillon Foods said net income for the first half of 2026 was $4.62 billion, a {growth} increase compared with the same period last year.\n"
        )
    };
    // the level is the continuing-operations line; its change disagrees with the release's
    let d = event(
        "framed-twin-fires",
        true,
        &[("release.txt", release), ("story.txt", &story("0.3%"))],
    );
    let v = check_json(&d, None);
    assert_eq!(contradictions(&v), 1, "{v:#}");
    let help = v["findings"][0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("continuing"), "{help}");
    // the same change as the release's: quiet
    let d = event(
        "framed-twin-quiet",
        true,
        &[("release.txt", release), ("story.txt", &story("11.4%"))],
    );
    assert_eq!(contradictions(&check_json(&d, None)), 0);
    // a level that is not the qualified line's says nothing of the change's line
    let other = "Quillon Foods first half\n\nQuillon Foods said net income for the first half of 2026 was $4.95 billion, a 0.3% increase compared with the same period last year.\n";
    let d = event(
        "framed-twin-other-level",
        true,
        &[("release.txt", release), ("story.txt", other)],
    );
    assert_eq!(contradictions(&check_json(&d, None)), 0);
}

/// A preliminary figure's level equals the final one by nature: a final change beside it
/// is not read as the preliminary change.
#[test]
fn a_preliminary_level_frames_no_change() {
    let release = "Quillon Foods first half 2026 results\n\n\
Preliminary net income for the first half of 2026 was $4.62 billion, up 11.4%.\n";
    let story = "Quillon Foods first half\n\nQuillon Foods said net income for the first half of 2026 was $4.62 billion, a 11.6% increase compared with the same period last year.\n";
    let d = event(
        "framed-preliminary",
        true,
        &[("release.txt", release), ("story.txt", story)],
    );
    let v = check_json(&d, None);
    assert_eq!(contradictions(&v), 0, "{v:#}");
}

/// One mislabelled line is one finding: a forecast and its rise dated to the wrong
/// year by the same label are reported together.
#[test]
fn one_mislabel_dating_two_figures_is_one_period_mismatch() {
    let release = "Quillon Foods raises its outlook\n\n\
Quillon Foods raised its operating profit forecast for the fiscal year ending March 31, 2027 by 9% to 1.62 trillion yen.\n";
    let wire = "Quillon Foods raises outlook\n\n\
Quillon Foods now expects operating profit of 1.62 trillion yen for the year ending March 2027, up 9% from its previous forecast.\n";
    let story = "Quillon Foods outlook\n\n\
Quillon Foods lifted its operating profit forecast for the fiscal year ending March 2026 by 9% to 1.62 trillion yen.\n";
    let d = event(
        "one-mislabel",
        true,
        &[
            ("release.txt", release),
            ("wire.txt", wire),
            ("story.txt", story),
        ],
    );
    let v = check_json(&d, None);
    assert_eq!(rule_count(&v, "period-mismatch"), 1, "{v:#}");
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "period-mismatch")
        .unwrap();
    let figures: Vec<&str> = f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["figure"].as_str())
        .collect();
    assert!(figures.contains(&"1.62 trillion yen"), "{figures:?}");
}

/// An analysts' estimate stated with no label is the estimate of the result the article
/// reports: it takes the article's quarter, as the result beside it does; a forecast
/// with no label stays unplaced.
#[test]
fn an_estimate_with_no_label_is_of_the_quarter_reported() {
    let a = "Quillon Foods earnings\n\n\
Quillon Foods said net profit came in at $2.6 billion, beating analysts' expectations of $2.2 billion.\n\n\
The company expects revenue to keep growing and sees capital spending of $900 million.\n";
    let d = event("cc-estimate-no-label", false, &[("a.txt", a)]);
    let out = bin()
        .args(["extract", "--format", "json"])
        .arg(&d)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = v["articles"][0]["claims"].as_array().unwrap();
    let start = |fig: &str| {
        claims
            .iter()
            .find(|c| c["figure"] == fig)
            .unwrap_or_else(|| panic!("{fig} not read: {claims:?}"))["period"]["start"]
            .clone()
    };
    assert_eq!(start("$2.6 billion"), "2026-04-01");
    assert_eq!(start("$2.2 billion"), "2026-04-01");
    assert!(start("$900 million").is_null());
}

/// A value an article gives for another period is no mislabel when it equals a qualified
/// line of its own period (continuing operations): the writer may have quoted that line.
#[test]
fn a_value_equal_to_a_qualified_line_of_its_period_proves_no_mislabel() {
    let release = "Quillon Foods first half 2026 results\n\n\
Net profit for the first half of 2026 was $598.9 million, compared to $570.1 million last year.\n";
    let continuing = "\nOn a continuing operations basis, net profit was $570.1 million in the first half of 2026.\n";
    let wire = "Quillon Foods said its first-half 2026 net profit was $570.1 million.\n";
    // the prior half's value given for this half: a mislabel
    let d = event(
        "cc-twin-fires",
        true,
        &[("r.txt", release), ("w.txt", wire)],
    );
    assert_eq!(rule_count(&check_json(&d, None), "period-mismatch"), 1);
    // the release also gives a continuing-operations line of that value for this half
    let both = format!("{release}{continuing}");
    let d = event("cc-twin-quiet", true, &[("r.txt", &both), ("w.txt", wire)]);
    assert_eq!(rule_count(&check_json(&d, None), "period-mismatch"), 0);
}
