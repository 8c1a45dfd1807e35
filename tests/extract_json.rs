//! `extract --format json`: every article's claims with the report's claim
//! fields, periods resolved as `check` resolves them (start and end as ISO
//! dates), on a fixture article of our own (tests/fixtures/extract, an
//! invented company whose fiscal year ends in June, learned from its text).

use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn claims(v: &Value) -> Vec<&Value> {
    v["articles"]
        .as_array()
        .expect("an articles list")
        .iter()
        .flat_map(|a| a["claims"].as_array().expect("a claims list"))
        .collect()
}

fn by_figure<'a>(v: &'a Value, figure: &str) -> &'a Value {
    claims(v)
        .into_iter()
        .find(|c| c["figure"] == figure)
        .unwrap_or_else(|| panic!("no claim with figure {figure}"))
}

#[test]
fn extract_json_carries_fields_and_calendar_periods() {
    let v = json(&["extract", "--format", "json", "tests/fixtures/extract"]);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert!(articles[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("tests/fixtures/extract/release.txt"));
    let all = claims(&v);
    assert!(all.len() >= 5, "{all:?}");
    for c in &all {
        for key in [
            "path",
            "line",
            "column",
            "figure",
            "value",
            "unit",
            "scale",
            "qualifier",
            "metric",
            "kind",
            "basis",
            "entity",
            "period",
            "sourcing",
            "sourced",
            "outlook",
            "attribution",
        ] {
            assert!(c.get(key).is_some(), "claim without {key}: {c}");
        }
        for key in ["label", "from", "normalized", "start", "end", "how"] {
            assert!(c["period"].get(key).is_some(), "period without {key}: {c}");
        }
        assert!(c["sourced"].is_boolean());
        assert_eq!(c["attribution"]["period"], c["period"]["from"]);
        let metric = if c["metric"].is_null() {
            "none"
        } else {
            "read"
        };
        assert_eq!(c["attribution"]["metric"], metric);
    }

    // the fiscal first quarter of a year ending in June: July to September
    let level = by_figure(&v, "$412 million");
    assert_eq!(level["metric"], "company.revenue");
    assert_eq!(level["kind"], "level");
    assert_eq!(level["basis"], Value::Null);
    assert_eq!(level["entity"], "Quillmere Systems");
    assert_eq!(level["line"], 7);
    assert_eq!(level["period"]["start"], "2025-07-01");
    assert_eq!(level["period"]["end"], "2025-09-30");
    assert_eq!(level["period"]["normalized"], "Jul\u{2013}Sep 2025");
    assert_eq!(level["attribution"]["metric"], "read");

    let growth = by_figure(&v, "9%");
    assert_eq!(growth["kind"], "growth");
    assert_eq!(growth["basis"], "yoy");
    assert_eq!(growth["period"]["start"], "2025-07-01");

    // the next fiscal quarter, guided: October to December, last day 31
    let guide = by_figure(&v, "$430 million to $450 million");
    assert_eq!(guide["period"]["start"], "2025-10-01");
    assert_eq!(guide["period"]["end"], "2025-12-31");

    // a plan's horizon is not on the calendar
    let plan = by_figure(&v, "$90 million");
    assert_eq!(plan["period"]["start"], Value::Null);
    assert_eq!(plan["period"]["end"], Value::Null);
}

#[test]
fn extract_json_periods_are_check_periods() {
    let extracted = json(&["extract", "--format", "json", "examples/articles"]);
    let report = json(&["check", "--format", "json", "examples/articles"]);
    let key = |c: &Value| {
        (
            c["path"].clone(),
            c["line"].clone(),
            c["column"].clone(),
            c["figure"].clone(),
        )
    };
    let mut compared = 0;
    for f in report["findings"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            let e = claims(&extracted)
                .into_iter()
                .find(|e| key(e) == key(c))
                .unwrap_or_else(|| panic!("not extracted: {c}"));
            assert_eq!(e["period"], c["period"], "{c}");
            for k in ["metric", "kind", "entity", "sourced", "value", "unit"] {
                assert_eq!(e[k], c[k], "{k} of {c}");
            }
            compared += 1;
        }
    }
    assert!(compared > 5);
}

fn is_claim_file(out: &[u8]) -> bool {
    String::from_utf8_lossy(out)
        .lines()
        .any(|l| l.starts_with("claimcheck:"))
}

#[test]
fn extract_defaults_to_claim_files_and_json_does_not_write() {
    let out = run(&["extract", "tests/fixtures/extract/release.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(is_claim_file(&out.stdout));
    let out = run(&[
        "extract",
        "--format",
        "yaml",
        "tests/fixtures/extract/release.txt",
    ]);
    assert!(is_claim_file(&out.stdout));
    let out = run(&[
        "extract",
        "--write",
        "--format",
        "json",
        "tests/fixtures/extract",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract/release.claims.yaml")
        .exists());
}
