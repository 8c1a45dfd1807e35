//! Configuration (claimcheck.yaml), inline suppressions and baselines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-cfg-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn rules(out: &Output) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A folder with the examples' claim files and articles, and the given claimcheck.yaml.
fn project(name: &str, config: Option<&str>) -> PathBuf {
    let d = tmp(name);
    copy_dir(&root().join("examples/articles"), &d.join("articles"));
    copy_dir(&root().join("examples/claims"), &d.join("claims"));
    if let Some(c) = config {
        std::fs::write(d.join("claimcheck.yaml"), c).unwrap();
    }
    d
}

#[test]
fn rules_can_be_turned_off_and_reweighted() {
    let d = project("rules", Some("rules:\n  unsourced-figure: off\n  contradiction: warning\n  streak-mismatch: {enabled: false}\n"));
    let out = run_in(&d, &["check", "--format", "json", "claims"]);
    let r = rules(&out);
    assert!(
        !r.iter()
            .any(|(id, _)| id == "unsourced-figure" || id == "streak-mismatch"),
        "{r:?}"
    );
    assert!(
        r.iter()
            .any(|(id, sev)| id == "contradiction" && sev == "warning"),
        "{r:?}"
    );
    // the configuration is found from a folder below it too
    let sub = d.join("claims");
    let out = run_in(&sub, &["check", "--format", "json", "."]);
    assert!(!rules(&out).iter().any(|(id, _)| id == "unsourced-figure"));
}

#[test]
fn tolerance_knowledge_and_fail_on_keys() {
    let d = project("tol", Some("tolerances:\n  fx: 0.6\n"));
    let out = run_in(&d, &["check", "--format", "json", "claims"]);
    assert!(
        !rules(&out).iter().any(|(id, _)| id == "currency-mismatch"),
        "a 60% tolerance accepts the slip"
    );
    let d = project(
        "failon",
        Some("fail-on: warning\nrules:\n  contradiction: off\n  period-mismatch: off\n  streak-mismatch: off\n  currency-mismatch: off\n  arithmetic: off\n"),
    );
    assert_eq!(
        run_in(&d, &["check", "claims"]).status.code(),
        Some(1),
        "warnings fail with fail-on: warning"
    );
    assert_eq!(
        run_in(&d, &["check", "--fail-on", "error", "claims"])
            .status
            .code(),
        Some(0),
        "the flag wins"
    );
    let d = project("knowledge", Some("knowledge: [extra]\n"));
    std::fs::create_dir_all(d.join("extra")).unwrap();
    std::fs::write(d.join("extra/entities.yaml"), "version: 1\nentities:\n  - {name: Northwind Robotics, fiscal_year_end: 12, currency: USD}\n").unwrap();
    assert_eq!(
        run_in(&d, &["check", "--fail-on", "never", "claims"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn bad_configuration_is_a_clear_error() {
    for (name, text, expect) in [
        (
            "unknown-key",
            "rulez:\n  contradiction: off\n",
            "claimcheck.yaml:1",
        ),
        (
            "unknown-rule",
            "rules:\n  contradictions: off\n",
            "claimcheck.yaml:2",
        ),
        (
            "bad-value",
            "rules:\n  contradiction: loud\n",
            "claimcheck.yaml:2",
        ),
        ("bad-fx", "tolerances:\n  fx: 3\n", "claimcheck.yaml:2"),
        (
            "bad-knowledge",
            "knowledge: [nowhere]\n",
            "claimcheck.yaml:1",
        ),
    ] {
        let d = project(name, Some(text));
        let out = run_in(&d, &["check", "claims"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{name}: {err}");
    }
}

#[test]
fn inline_suppressions_hide_only_what_they_cover() {
    let d = project("suppress", None);
    let blog = d.join("articles/blog.md");
    let text = std::fs::read_to_string(&blog).unwrap();
    // the unsourced sentence of the blog, and nothing else
    let (before, after) = text
        .split_once("Northwind now employs")
        .expect("the unsourced sentence");
    std::fs::write(
        &blog,
        format!(
            "{before}<!-- claimcheck: ignore unsourced-figure -->\nNorthwind now employs{after}"
        ),
    )
    .unwrap();
    // raw articles only: the claim files' line numbers would move
    let out = run_in(&d, &["check", "--format", "json", "articles"]);
    let r = rules(&out);
    assert!(!r.iter().any(|(id, _)| id == "unsourced-figure"), "{r:?}");
    assert!(
        r.iter().any(|(id, _)| id == "contradiction"),
        "other findings stay: {r:?}"
    );
    // in a claim file: ignore on the claim
    let claims = d.join("claims/analysis.claims.yaml");
    let c = std::fs::read_to_string(&claims).unwrap();
    let c = c.replacen(
        "    figure: \"18%\"",
        "    ignore: [contradiction]\n    figure: \"18%\"",
        1,
    );
    let c = if c.contains("ignore: [contradiction]") {
        c
    } else {
        c.replacen(
            "- figure: \"18%\"",
            "- ignore: [contradiction]\n    figure: \"18%\"",
            1,
        )
    };
    std::fs::write(&claims, &c).unwrap();
    assert!(
        c.contains("ignore: [contradiction]"),
        "fixture shape changed"
    );
    let out = run_in(&d, &["check", "--format", "json", "claims"]);
    let r = rules(&out);
    assert!(!r.iter().any(|(id, _)| id == "contradiction"), "{r:?}");
    assert!(r.iter().any(|(id, _)| id == "streak-mismatch"), "{r:?}");
}

#[test]
fn baseline_accepts_known_findings_by_content() {
    let d = project("baseline", None);
    let out = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--write-baseline",
            "baseline.json",
            "articles",
        ],
    );
    assert!(!rules(&out).is_empty());
    let out = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "articles",
        ],
    );
    assert!(rules(&out).is_empty(), "{:?}", rules(&out));
    assert_eq!(out.status.code(), Some(0));
    // an edit elsewhere (lines moved) keeps the baseline valid
    let wire = d.join("articles/wire.txt");
    let t = std::fs::read_to_string(&wire).unwrap();
    let cut = t
        .match_indices("\n\n")
        .nth(2)
        .map(|(i, _)| i)
        .expect("paragraphs");
    std::fs::write(
        &wire,
        format!(
            "{}\n\nThis story was updated with analyst comments.\n{}",
            &t[..cut],
            &t[cut..]
        ),
    )
    .unwrap();
    let out = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "articles",
        ],
    );
    assert!(rules(&out).is_empty(), "{:?}", rules(&out));
    // a new problem still shows
    std::fs::write(
        d.join("articles/late.txt"),
        "Published November 14, 2025\n\nNorthwind Robotics said revenue for the third quarter rose 19% to $1.17 billion, the company said.\n",
    )
    .unwrap();
    let out = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "articles",
        ],
    );
    let r = rules(&out);
    assert!(r.iter().any(|(id, _)| id == "contradiction"), "{r:?}");
    assert_eq!(out.status.code(), Some(1));
    let bad = run_in(
        &d,
        &["check", "--baseline", "articles/wire.txt", "articles"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

/// Writing a baseline is the job: exit 0 with findings. A figure added to a
/// baselined line is reported alone, not with the whole line again.
#[test]
fn write_baseline_exits_0_and_a_new_figure_on_a_baselined_line_is_reported_alone() {
    let d = project("baseline-line", None);
    let out = run_in(
        &d,
        &["check", "--write-baseline", "baseline.json", "articles"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blog = d.join("articles/blog.md");
    let t = std::fs::read_to_string(&blog).unwrap();
    assert!(t.contains("about 4,800 people"));
    std::fs::write(
        &blog,
        t.replace(
            "about 4,800 people",
            "about 4,800 people (analysts expect a backlog of $95 million)",
        ),
    )
    .unwrap();
    let out = run_in(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "articles",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f["rule"], "unsourced-figure");
    let figures: Vec<&str> = f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["figure"].as_str().unwrap())
        .collect();
    assert_eq!(figures, ["$95 million"], "only the new figure");
}

/// A claimcheck.yaml named among the paths is the configuration, not an input.
#[test]
fn claimcheck_yaml_among_the_paths_is_the_configuration() {
    let d = project("named-config", Some("rules:\n  unsourced-figure: off\n"));
    let elsewhere = tmp("named-config-cwd");
    let articles = d.join("articles");
    let cfg = d.join("claimcheck.yaml");
    let args = [
        "check",
        "--format",
        "json",
        articles.to_str().unwrap(),
        cfg.to_str().unwrap(),
    ];
    let r = rules(&run_in(&elsewhere, &args));
    assert!(!r.iter().any(|(id, _)| id == "unsourced-figure"), "{r:?}");
    assert!(r.iter().any(|(id, _)| id == "contradiction"), "{r:?}");
    // and two configurations are a usage error
    let out = run_in(
        &elsewhere,
        &[&args[..], &["--config", cfg.to_str().unwrap()]].concat(),
    );
    assert_eq!(out.status.code(), Some(2));
}
