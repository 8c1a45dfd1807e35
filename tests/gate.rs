//! `claimcheck gate`: verdicts for a draft against trusted sources, and exit codes.

mod common;

use std::process::Command;

fn gate(args: &[&str]) -> (serde_json::Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["gate", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap_or(-1))
}

/// (verdict, figure) for every draft claim.
fn verdicts(v: &serde_json::Value) -> Vec<(String, String)> {
    v["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            (
                j["verdict"].as_str().unwrap().to_string(),
                j["claim"]["figure"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn verdict_of<'a>(vs: &'a [(String, String)], figure: &str) -> &'a str {
    &vs.iter()
        .find(|(_, f)| f == figure)
        .unwrap_or_else(|| panic!("{figure} not in {vs:?}"))
        .0
}

#[test]
fn every_verdict_on_the_example_draft() {
    let (v, code) = gate(&[
        "examples/gate/draft.md",
        "--against",
        "examples/articles/release.txt",
    ]);
    let vs = verdicts(&v);
    assert_eq!(verdict_of(&vs, "$1.17 billion"), "verified");
    assert_eq!(verdict_of(&vs, "13%"), "verified");
    assert_eq!(verdict_of(&vs, "16%"), "contradicted");
    assert_eq!(verdict_of(&vs, "$1.41 billion"), "mislabelled");
    assert_eq!(verdict_of(&vs, "34.1%"), "verified");
    assert_eq!(verdict_of(&vs, "5,000"), "unverifiable");
    // every verdict names the trusted line it rests on
    for j in v["verdicts"].as_array().unwrap() {
        if j["verdict"] != "unverifiable" {
            assert!(j["evidence"][0]["line"].as_u64().is_some(), "{j}");
        }
    }
    assert_eq!(v["counts"]["contradicted"], 1);
    // the draft's own sourcing finding is reported
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "unsourced-figure"));
    assert_eq!(
        code, 1,
        "contradicted and mislabelled fail the gate by default"
    );
}

#[test]
fn fail_on_lists_verdicts_and_severities() {
    let base = [
        "examples/gate/draft.md",
        "--against",
        "examples/articles/release.txt",
    ];
    let run = |fail: &str| gate(&[&base[..], &["--fail-on", fail]].concat()).1;
    assert_eq!(run("never"), 0);
    assert_eq!(run("unverifiable"), 1);
    assert_eq!(
        run("warning"),
        1,
        "the draft's unsourced figure is a warning"
    );
    assert_eq!(run("error"), 0);
    let (_, code) = gate(&[
        "examples/articles/release.txt",
        "--against",
        "examples/articles/release.txt",
    ]);
    assert_eq!(code, 0, "a source checked against itself passes");
    let bad = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "gate",
            "examples/gate/draft.md",
            "--against",
            "examples/articles/release.txt",
            "--fail-on",
            "maybe",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn missing_source_is_exit_2() {
    let (v, code) = gate(&["examples/gate/draft.md", "--against", "no/such/source.txt"]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no/such/source.txt"));
}

/// The seed articles gated against a fact sheet written from the company-reported
/// figures: what a fact-checker would say of each.
#[test]
fn seed_articles_against_the_fact_sheet() {
    if !common::have_seed_corpus("seed_articles_against_the_fact_sheet") {
        return;
    }
    let sheet = "tests/fixtures/gate/alibaba-cloud-factsheet.md";
    let run = |file: &str| {
        let (v, _) = gate(&[
            &format!("../shared/corpus/seeds/{file}"),
            "--against",
            sheet,
        ]);
        verdicts(&v)
    };
    let s0 = run("000_215bb8c1b9861888.txt");
    assert_eq!(
        verdict_of(&s0, "34%"),
        "verified",
        "the 34% for the September quarter"
    );
    assert_eq!(verdict_of(&s0, "RMB 39.8B"), "verified");
    assert_eq!(verdict_of(&s0, "nine consecutive quarters"), "verified");
    let s1 = run("001_2e289a0a28dad1f2.txt");
    assert_eq!(
        verdict_of(&s1, "$38B"),
        "contradicted",
        "RMB 380 billion is about $53 billion"
    );
    assert_eq!(verdict_of(&s1, "380 billion yuan"), "verified");
    let s2 = run("002_3a038529485e0652.txt");
    assert_eq!(
        verdict_of(&s2, "26%"),
        "mislabelled",
        "26% is the June quarter, not Q3"
    );
    assert_eq!(verdict_of(&s2, "RMB33.4 billion"), "mislabelled");
    assert_eq!(verdict_of(&s2, "eighth consecutive quarter"), "mislabelled");
    assert_eq!(verdict_of(&s2, "$53 billion"), "verified");
    let s3 = run("003_e96b9ed3d1564a4c.txt");
    assert_eq!(
        verdict_of(&s3, "33.4 billion yuan"),
        "mislabelled",
        "labelled Q1 2025, it is the June quarter"
    );
    assert_eq!(verdict_of(&s3, "$53B"), "verified");
}

/// Runs `claimcheck ARGS` with `input` on standard input.
fn piped(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_draft_on_standard_input_is_gated_like_one_by_path() {
    let draft = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gate/draft.md"),
    )
    .unwrap();
    let (by_path, path_code) = gate(&[
        "examples/gate/draft.md",
        "--against",
        "examples/articles/release.txt",
    ]);
    let out = piped(
        &[
            "gate",
            "--format",
            "json",
            "-",
            "--stdin-name",
            "draft.md",
            "--against",
            "examples/articles/release.txt",
        ],
        &draft,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(verdicts(&v), verdicts(&by_path), "same verdicts as by path");
    assert_eq!(verdicts(&v).len(), 6);
    assert_eq!(out.status.code(), Some(path_code));
    assert_eq!(path_code, 1);
    // the draft goes by the name given
    assert_eq!(v["verdicts"][0]["claim"]["path"], "draft.md", "{v}");

    // unnamed, it is still read (as plain text) and still fails the gate
    let out = piped(
        &["gate", "-", "--against", "examples/articles/release.txt"],
        &draft,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<stdin>"));
}

#[test]
fn check_names_standard_input() {
    let out = piped(
        &["check", "--format", "json", "-", "--stdin-name", "wire.txt"],
        b"Zephyr Tools said revenue rose 14% in the third quarter of 2025.\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["articles"][0]["path"], "wire.txt", "{v}");
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-gate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `gate` takes the options `check` takes, validated the same way, and reads
/// claimcheck.yaml (found from the working directory, or --config).
#[test]
fn gate_shares_checks_options_and_configuration() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let draft = root.join("examples/gate/draft.md");
    let release = root.join("examples/articles/release.txt");
    let (draft, release) = (draft.to_str().unwrap(), release.to_str().unwrap());
    let run_in = |dir: &std::path::Path, extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(dir)
            .args(["gate", "--format", "json", draft, "--against", release])
            .args(extra)
            .output()
            .unwrap();
        let v: Option<serde_json::Value> = serde_json::from_slice(&out.stdout).ok();
        (
            v,
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let unsourced = |v: &serde_json::Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "unsourced-figure")
            .count()
    };
    let plain = tmpdir("plain");
    let (v, _, _) = run_in(&plain, &[]);
    assert!(unsourced(&v.unwrap()) > 0);
    // one validation: what check refuses, gate refuses
    for bad in [
        &["--fx-tolerance", "5"][..],
        &["--disable", "no-such-rule"][..],
    ] {
        let (_, code, err) = run_in(&plain, bad);
        assert_eq!(code, Some(2), "{bad:?}");
        let check = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", release])
            .args(bad)
            .output()
            .unwrap();
        assert_eq!(check.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&check.stderr), err, "same message");
    }
    // --disable
    let (v, _, _) = run_in(&plain, &["--disable", "unsourced-figure"]);
    assert_eq!(unsourced(&v.unwrap()), 0);
    // claimcheck.yaml in the working directory
    let configured = tmpdir("configured");
    std::fs::write(
        configured.join("claimcheck.yaml"),
        "rules:\n  unsourced-figure: off\n",
    )
    .unwrap();
    let (v, code, err) = run_in(&configured, &[]);
    assert_eq!(unsourced(&v.unwrap()), 0, "{err}");
    assert_eq!(code, Some(1));
    // --config
    let cfg = configured.join("claimcheck.yaml");
    let (v, _, _) = run_in(&plain, &["--config", cfg.to_str().unwrap()]);
    assert_eq!(unsourced(&v.unwrap()), 0);
    // a broken configuration is exit 2 naming file:line
    std::fs::write(configured.join("claimcheck.yaml"), "rules:\n  nope: off\n").unwrap();
    let (_, code, err) = run_in(&configured, &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("claimcheck.yaml:2: rules: no rule 'nope'"),
        "{err}"
    );
}

/// `gate --format sarif|html`: the check renderers over the verdicts.
#[test]
fn gate_renders_sarif_and_html() {
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["gate", "--format", format, "examples/gate/draft.md"])
            .args(["--against", "examples/articles/release.txt"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    for id in [
        "gate/verified",
        "gate/contradicted",
        "gate/mislabelled",
        "gate/unverifiable",
        "unsourced-figure",
    ] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    let contradicted = results
        .iter()
        .find(|r| r["ruleId"] == "gate/contradicted")
        .unwrap();
    assert_eq!(contradicted["level"], "error");
    assert_eq!(
        contradicted["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "examples/gate/draft.md"
    );
    let html = run("html");
    assert!(html.contains("data-rule=\"gate/contradicted\""));
    assert!(html.contains("data-rule=\"gate/mislabelled\""));
}

/// schema.org's vocabulary for what `--format claimreview` writes: the
/// properties each type has (its own and inherited from Thing, CreativeWork,
/// Review), per https://schema.org (written down here; no network in tests).
fn schema_org_properties(t: &str) -> &'static [&'static str] {
    const THING: &[&str] = &[
        "@type",
        "name",
        "url",
        "description",
        "alternateName",
        "identifier",
        "sameAs",
    ];
    const CREATIVE_WORK: &[&str] = &[
        "headline",
        "author",
        "datePublished",
        "text",
        "isBasedOn",
        "about",
        "publisher",
        "inLanguage",
        "citation",
        "dateModified",
    ];
    match t {
        "ClaimReview" => &[
            "@type",
            "name",
            "url",
            "author",
            "datePublished",
            "isBasedOn",
            "about",
            "text",
            "claimReviewed",
            "itemReviewed",
            "reviewRating",
            "reviewBody",
            "reviewAspect",
        ],
        "Claim" => &[
            "@type",
            "name",
            "url",
            "appearance",
            "firstAppearance",
            "author",
            "about",
            "datePublished",
            "claimInterpreter",
        ],
        "CreativeWork" => {
            static ALL: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
            ALL.get_or_init(|| THING.iter().chain(CREATIVE_WORK).copied().collect())
        }
        "Rating" => &[
            "@type",
            "name",
            "ratingValue",
            "bestRating",
            "worstRating",
            "alternateName",
            "ratingExplanation",
            "author",
        ],
        "Organization" => &["@type", "name", "url", "sameAs"],
        _ => &[],
    }
}

/// Every object has a schema.org @type and only that type's properties.
fn check_vocabulary(v: &serde_json::Value, path: &str) {
    let Some(o) = v.as_object() else {
        if let Some(a) = v.as_array() {
            for (i, x) in a.iter().enumerate() {
                check_vocabulary(x, &format!("{path}[{i}]"));
            }
        }
        return;
    };
    let t = o["@type"]
        .as_str()
        .unwrap_or_else(|| panic!("{path}: no @type"));
    let allowed = schema_org_properties(t);
    assert!(
        !allowed.is_empty(),
        "{path}: {t} is not a type this check knows"
    );
    for (k, x) in o {
        assert!(
            allowed.contains(&k.as_str()),
            "{path}: {t} has no property {k}"
        );
        check_vocabulary(x, &format!("{path}.{k}"));
    }
}

#[test]
fn claimreview_is_schema_org_json_ld() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["gate", "--format", "claimreview", "examples/gate/draft.md"])
        .args(["--against", "examples/articles/release.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["@context"], "https://schema.org");
    let reviews = v["@graph"].as_array().unwrap();
    // the five settled claims; the unverifiable one has no rating to give
    assert_eq!(reviews.len(), 5);
    for r in reviews {
        check_vocabulary(r, "ClaimReview");
        // what a search engine requires of a ClaimReview
        assert_eq!(r["@type"], "ClaimReview");
        assert!(!r["claimReviewed"].as_str().unwrap().is_empty());
        assert!(r["author"]["name"].is_string());
        let rating = &r["reviewRating"];
        assert!(rating["alternateName"].is_string());
        let (value, best, worst) = (
            rating["ratingValue"].as_u64().unwrap(),
            rating["bestRating"].as_u64().unwrap(),
            rating["worstRating"].as_u64().unwrap(),
        );
        assert!(worst <= value && value <= best);
        // the claim's location and the trusted source it was checked against
        let at = r["itemReviewed"]["appearance"]["url"].as_str().unwrap();
        assert!(at.starts_with("examples/gate/draft.md#L"), "{at}");
        let basis = r["isBasedOn"][0]["url"].as_str().unwrap();
        assert!(
            basis.starts_with("examples/articles/release.txt#L"),
            "{basis}"
        );
    }
    let by_rating = |name: &str| {
        reviews
            .iter()
            .filter(|r| {
                r["reviewRating"]["alternateName"]
                    .as_str()
                    .unwrap()
                    .starts_with(name)
            })
            .count()
    };
    assert_eq!(by_rating("True"), 3);
    assert_eq!(by_rating("False"), 1);
    assert_eq!(by_rating("Mislabelled"), 1);
    // check refuses it: there are no verdicts to review
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "claimreview", "examples/articles"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
