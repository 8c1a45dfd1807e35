//! Integration tests: the real binary on fixture articles and claim files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn json(args: &[&str]) -> (serde_json::Value, i32) {
    let out = run(args);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap_or(-1))
}

fn rules_found(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

const RULES: [&str; 9] = [
    "arithmetic",
    "contradiction",
    "period-mismatch",
    "streak-mismatch",
    "currency-mismatch",
    "currency-unchecked",
    "inconsistent-period-label",
    "unsourced-figure",
    "dangling-citation",
];

#[test]
fn every_rule_fires_on_its_fixture() {
    for rule in RULES {
        let dir = format!("tests/fixtures/rules/{rule}/fires");
        let knowledge = format!("{dir}/knowledge");
        // currency-unchecked is a notice (info)
        let fail_on = if rule == "currency-unchecked" {
            "info"
        } else {
            "warning"
        };
        let mut args = vec!["check", "--format", "json", "--fail-on", fail_on];
        if std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(&knowledge)
            .exists()
        {
            args.extend(["--knowledge", knowledge.as_str()]);
        }
        args.push(&dir);
        let (v, code) = json(&args);
        let found = rules_found(&v);
        // one finding per conflicting group; period-mismatch: one per mislabelled line
        let expected = 1;
        assert_eq!(
            found.iter().filter(|r| *r == rule).count(),
            expected,
            "{rule} on {dir}: {found:?}"
        );
        assert_eq!(code, 1, "{rule}: exit status with --fail-on {fail_on}");
    }
}

#[test]
fn every_rule_stays_quiet_on_agreeing_fixture() {
    for rule in RULES {
        let dir = format!("tests/fixtures/rules/{rule}/quiet");
        let knowledge = format!("{dir}/knowledge");
        let mut args = vec!["check", "--format", "json"];
        if std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(&knowledge)
            .exists()
        {
            args.extend(["--knowledge", knowledge.as_str()]);
        }
        args.push(&dir);
        let (v, code) = json(&args);
        let found = rules_found(&v);
        assert!(
            !found.iter().any(|r| r == rule),
            "{rule} fired on {dir}: {}",
            v["findings"]
        );
        assert_eq!(code, 0);
    }
}

#[test]
fn seed_claims_report_snapshot() {
    // the seed claim files' lines and columns are checked against the real articles
    if !common::have_seed_corpus("seed_claims_report_snapshot") {
        return;
    }
    let out = run(&["check", "--format", "json", "claims/seeds"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("seeds_json", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn example_claims_snapshots() {
    let out = run(&["check", "--format", "json", "examples/claims"]);
    insta::assert_snapshot!("examples_json", String::from_utf8_lossy(&out.stdout));
    let out = run(&["check", "examples/claims"]);
    insta::assert_snapshot!("examples_text", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn output_does_not_depend_on_argument_order() {
    let files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("claims/seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
    let mut names: Vec<String> = files
        .iter()
        .map(|p| format!("claims/seeds/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    names.sort();
    let mut args = vec!["check".to_string(), "--format".into(), "json".into()];
    let forward = run(&args
        .iter()
        .chain(names.iter())
        .map(|s| s.as_str())
        .collect::<Vec<_>>())
    .stdout;
    names.reverse();
    args.extend(names);
    let backward = run(&args.iter().map(|s| s.as_str()).collect::<Vec<_>>()).stdout;
    assert_eq!(forward, backward);
    let one_thread = bin()
        .env("RAYON_NUM_THREADS", "1")
        .args(["check", "--format", "json", "claims/seeds"])
        .output()
        .unwrap()
        .stdout;
    let dir = run(&["check", "--format", "json", "claims/seeds"]).stdout;
    assert_eq!(one_thread, dir);
}

#[test]
fn fail_on_levels() {
    let dir = "tests/fixtures/rules/unsourced-figure/fires";
    assert_eq!(
        run(&["check", dir]).status.code(),
        Some(0),
        "warnings do not fail by default"
    );
    assert_eq!(
        run(&["check", "--fail-on", "warning", dir]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--fail-on", "never", "claims/seeds"])
            .status
            .code(),
        Some(0)
    );
    let bad = run(&["check", "--fail-on", "sometimes", dir]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--fail-on"));
}

#[test]
fn rule_docs_print() {
    let out = run(&["rules"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for r in RULES {
        assert!(text.contains(r), "{r} missing from `rules`");
        let doc = run(&["rule", r]);
        assert_eq!(doc.status.code(), Some(0));
        let d = String::from_utf8_lossy(&doc.stdout);
        assert!(
            d.contains("What it does") && d.contains("Why") && d.contains("Example"),
            "{d}"
        );
    }
    assert_eq!(run(&["rule", "no-such-rule"]).status.code(), Some(2));
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const GOOD: &str = "claimcheck: 1\narticle: {path: a.txt, entity: Zephyr Tools, published: 2025-11-20}\nclaims:\n  - {figure: \"14%\", line: 1, value: \"14\", unit: percent, metric: company.revenue, kind: growth, basis: yoy, period: {label: \"Q3 2025\", from: sentence}}\n";

fn check_bad(name: &str, content: &[u8], expect: &[&str]) {
    let d = tmpdir(name);
    std::fs::write(d.join("good.claims.yaml"), GOOD).unwrap();
    let bad = d.join(format!("{name}.claims.yaml"));
    std::fs::write(&bad, content).unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{name}: exit 2");
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("a report is still printed");
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{name}: {errors:?}");
    let msg = errors[0]["message"].as_str().unwrap();
    for e in expect {
        assert!(msg.contains(e), "{name}: '{msg}' should contain '{e}'");
    }
    // the good file is still checked
    assert_eq!(
        v["summary"]["figures"], 1,
        "{name}: the good file is still read"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{name}.claims.yaml")),
        "{name}: stderr names the file: {stderr}"
    );
}

#[test]
fn broken_yaml_names_file_and_line() {
    check_bad(
        "broken",
        b"claimcheck: 1\narticle: {path: a.txt\nclaims: [\n",
        &["broken.claims.yaml:"],
    );
}

#[test]
fn unknown_field_is_an_error() {
    let text = GOOD.replace("kind: growth", "kind: growth, colour: red");
    check_bad(
        "unknown",
        text.as_bytes(),
        &["unknown.claims.yaml:4", "colour"],
    );
}

#[test]
fn bad_values_are_errors() {
    let text = GOOD.replace("unit: percent", "unit: percnt");
    check_bad(
        "badunit",
        text.as_bytes(),
        &["badunit.claims.yaml:4", "unknown unit 'percnt'"],
    );
    let text = GOOD.replace("company.revenue", "company.revenu");
    check_bad(
        "badmetric",
        text.as_bytes(),
        &["badmetric.claims.yaml:4", "unknown measure 'revenu'"],
    );
    let text = GOOD.replace(
        "  - {figure: \"14%\", line: 1, value: \"14\", ",
        "  - {figure: \"14%\", value: \"14\", ",
    );
    check_bad(
        "missing",
        text.as_bytes(),
        &["missing.claims.yaml:", "line"],
    );
}

#[test]
fn invalid_utf8_names_file_and_line() {
    check_bad(
        "binary",
        b"claimcheck: 1\narticle:\n  path: \xff\xfe\n",
        &["binary.claims.yaml:3", "UTF-8"],
    );
}

#[test]
fn missing_input_is_exit_2_and_others_still_checked() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "no/such/file.claims.yaml",
        "tests/fixtures/rules/contradiction/fires",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules_found(&v), vec!["contradiction"]);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no/such/file.claims.yaml"));
}

#[test]
fn empty_claim_file_is_an_error_not_a_panic() {
    let d = tmpdir("empty");
    std::fs::write(d.join("e.claims.yaml"), "").unwrap();
    let out = bin().args(["check"]).arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("e.claims.yaml"));
}

#[test]
fn figure_must_be_where_the_claim_says() {
    let d = tmpdir("where");
    std::fs::write(d.join("a.txt"), "Revenue rose 12% in the quarter.\n").unwrap();
    std::fs::write(d.join("a.claims.yaml"), GOOD).unwrap();
    let out = bin().args(["check"]).arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a.claims.yaml:4") && err.contains("figure not found"),
        "{err}"
    );
}

#[test]
fn output_file_is_written_atomically() {
    let d = tmpdir("out");
    let target = d.join("report.json");
    std::fs::write(&target, "old").unwrap();
    let out = bin()
        .args(["check", "--format", "json", "-o"])
        .arg(&target)
        .arg("tests/fixtures/rules/contradiction/fires")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(rules_found(&v), vec!["contradiction"]);
    let leftovers: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn stdin_claim_file() {
    use std::io::Write;
    let mut child = bin()
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(GOOD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["figures"], 1);
}

#[test]
fn segments_adding_up_to_more_than_the_total() {
    let (v, _) = json(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/arithmetic-parts/fires",
    ]);
    let msgs: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "arithmetic")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("segments add up to more than the total"),
        "{msgs:?}"
    );
    let (v, _) = json(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/arithmetic-parts/quiet",
    ]);
    assert!(!rules_found(&v).iter().any(|r| r == "arithmetic"));
}

/// A YAML file named on the command line is a claim file whatever its name
/// (never an article whose keys are figures); a broken one is exit 2 naming
/// file:line where the bracket opens.
#[test]
fn yaml_files_by_path_are_claim_files() {
    let d = tmpdir("yaml-by-path");
    let wire = std::fs::read_to_string("examples/claims/wire.claims.yaml")
        .unwrap()
        .replace(
            "path: ../articles/wire.txt",
            &format!(
                "path: {}",
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("examples/articles/wire.txt")
                    .display()
            ),
        );
    // a valid claim file not named *.claims.yaml
    std::fs::write(d.join("wire.yaml"), &wire).unwrap();
    let (v, code) = json(&[
        "check",
        "--format",
        "json",
        d.join("wire.yaml").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        v["summary"]["articles"][0]["claims_from"], "claim-file",
        "{v}"
    );
    assert!(
        rules_found(&v).is_empty(),
        "no findings on its own keys: {v}"
    );
    // the same text in a .txt file is a claim file too: it starts with `claimcheck:`
    std::fs::write(d.join("wire-claims.txt"), &wire).unwrap();
    let (v, _) = json(&[
        "check",
        "--format",
        "json",
        d.join("wire-claims.txt").to_str().unwrap(),
    ]);
    assert_eq!(
        v["summary"]["articles"][0]["claims_from"], "claim-file",
        "{v}"
    );

    // a broken one: exit 2, file and line of the unclosed bracket
    std::fs::write(
        d.join("broken.yaml"),
        "claimcheck: 1\narticle: {path: a.txt\nclaims: [\n",
    )
    .unwrap();
    let out = run(&["check", d.join("broken.yaml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.yaml:2:10: '{' is never closed"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("unsourced"));

    // a syntax error after a type error is still reported as the syntax error
    std::fs::write(
        d.join("b.yml"),
        "claimcheck: 1\narticle:\n  path: a.txt\n  entity: [X\n  published: 2025-11-20\nclaims: []\n",
    )
    .unwrap();
    let out = run(&["check", d.join("b.yml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.yml:4:11: '[' is never closed"), "{err}");

    // sources.yaml and claimcheck.yaml by path are what they are, not articles
    let (v, code) = json(&[
        "check",
        "--format",
        "json",
        "examples/articles/sources.yaml",
    ]);
    assert_eq!(
        (code, v["summary"]["figures"].as_u64()),
        (0, Some(0)),
        "{v}"
    );
}

/// The README's set-up: an install step before the first bare `claimcheck`,
/// and the finding count it (and examples/README.md) promises for the first
/// command is what the command prints.
#[test]
fn readme_set_up_agrees_with_the_tool() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let install = readme
        .find("cargo install --path .")
        .expect("an install step");
    let first_bare = readme
        .find("\nclaimcheck check ")
        .expect("a bare claimcheck command");
    assert!(
        install < first_bare,
        "install before the first bare command"
    );
    let (v, code) = json(&["check", "--format", "json", "examples/articles"]);
    assert_eq!(code, 1);
    let n = v["findings"].as_array().unwrap().len();
    assert!(
        readme.contains(&format!("prints {n} findings")),
        "README promises another count than {n}"
    );
    let examples = std::fs::read_to_string("examples/README.md").unwrap();
    assert!(
        examples.contains(&format!("set: {n} findings")),
        "examples/README.md intro"
    );
    assert!(
        examples.contains(&format!("({n}\nfindings in all)")),
        "examples/README.md table"
    );
}

/// Findings point at what they say is wrong: `-->` at the conflicting figure
/// (or the dangling marker), the release as the reference of a mislabel,
/// per-article counts charged to the wrong articles, related findings shown.
#[test]
fn findings_point_at_the_wrong_thing() {
    let out = run(&["check", "examples/articles"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let arrow_after = |headline: &str| -> String {
        let at = text
            .find(headline)
            .unwrap_or_else(|| panic!("{headline}: {text}"));
        let rest = &text[at..];
        let a = rest.find("--> ").unwrap();
        rest[a + 4..].lines().next().unwrap().to_string()
    };
    assert_eq!(
        arrow_after("error[contradiction]"),
        "examples/articles/analysis.html:21:98",
        "the 18%, not the release's 14%"
    );
    assert_eq!(
        arrow_after("warning[dangling-citation]"),
        "examples/articles/analysis.html:22:160",
        "the [3] marker, not the figures"
    );
    assert!(text.contains("--- [3] is not in the source list"), "{text}");
    // the release settles the mislabel; no "check which quarter"
    assert!(!text.contains("Check which quarter"), "{text}");
    assert!(text.contains("the company's own release gives it for Jul–Sep 2025 (release.txt:11). The likely mislabel: \"Q2 2025\" in blog.md."), "{text}");
    // related findings are shown, both ways
    assert!(
        text.contains("= note: related: arithmetic at analysis.html:21"),
        "{text}"
    );
    assert!(
        text.contains("= note: related: contradiction at analysis.html:21"),
        "{text}"
    );
    // the mislabelled line is one finding that shows both figures it misdates
    assert_eq!(
        text.matches("= note: related: period-mismatch at blog.md:15")
            .count(),
        0
    );
    assert!(text.contains("21% (Apr–Jun 2025)"), "{text}");
    assert!(text.contains("$152 million (Apr–Jun 2025)"), "{text}");
    // the clean primary release is charged nothing
    assert!(
        text.contains("findings per article: analysis.html: 4, blog.md: 2, wire.txt: 1\n"),
        "{text}"
    );
    let (v, _) = json(&["check", "--format", "json", "examples/articles"]);
    let release = v["summary"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == "examples/articles/release.txt")
        .unwrap();
    assert_eq!(release["findings"], 0);
    let md = String::from_utf8_lossy(
        &run(&["check", "--format", "markdown", "examples/articles"]).stdout,
    )
    .into_owned();
    assert!(
        md.contains("related: arithmetic at analysis.html:21 (`"),
        "{md}"
    );
}

/// Every argument and option says what it is; --help gives the exit codes;
/// `rules` aligns; `rule` without a name lists the names; rule docs name
/// real keys and flags.
#[test]
fn help_texts_are_complete() {
    let top = String::from_utf8(run(&["--help"]).stdout).unwrap();
    assert!(top.contains("Exit codes:"), "{top}");
    for cmd in ["check", "gate", "extract", "knowledge", "rule"] {
        let help = String::from_utf8(run(&[cmd, "--help"]).stdout).unwrap();
        let lines: Vec<&str> = help.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim_start();
            let is_item = (t.starts_with('-') || t.starts_with('<') || t.starts_with('['))
                && l.starts_with("  ")
                && !l.starts_with("          ");
            if !is_item || t.starts_with("-h, --help") || t.starts_with("- ") {
                continue;
            }
            let next = lines.get(i + 1).copied().unwrap_or("");
            let same_line = t
                .split_once("  ")
                .is_some_and(|(_, d)| !d.trim().is_empty());
            assert!(
                same_line || (next.starts_with("          ") && !next.trim().is_empty()),
                "{cmd}: '{t}' has no help text:\n{help}"
            );
        }
        if cmd == "check" || cmd == "gate" {
            assert!(help.contains("Exit codes:"), "{cmd}");
        }
    }
    let rules = String::from_utf8(run(&["rules"]).stdout).unwrap();
    let cols: std::collections::BTreeSet<usize> = rules
        .lines()
        .map(|l| {
            let sev = ["error", "warning", "info"]
                .iter()
                .filter_map(|s| l.find(&format!("  {s} ")))
                .min()
                .unwrap();
            sev
        })
        .collect();
    assert_eq!(cols.len(), 1, "severity column aligned:\n{rules}");
    let out = run(&["rule"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = String::from_utf8(out.stdout).unwrap();
    for l in rules.lines() {
        let id = l.split_whitespace().next().unwrap();
        assert!(listed.contains(&format!("  {id}\n")), "{id}: {listed}");
    }
    let doc = String::from_utf8(run(&["rule", "currency-mismatch"]).stdout).unwrap();
    assert!(
        doc.contains("--fx-tolerance") && doc.contains("tolerances: {fx:"),
        "{doc}"
    );
    assert!(!doc.contains("`fx_tolerance`"));
}

/// On a terminal an input error shows once (in the text report), not also
/// on standard error; into a pipe, standard error still carries it.
#[test]
fn an_input_error_is_printed_once_on_a_terminal() {
    let d = tmpdir("once");
    std::fs::write(
        d.join("latin1.txt"),
        b"Revenue rose 14% in caf\xe9 Q3 2025.\n",
    )
    .unwrap();
    let cmd = format!(
        "{} check --color never {}",
        env!("CARGO_BIN_EXE_claimcheck"),
        d.join("latin1.txt").display()
    );
    let Ok(out) = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
    else {
        common::skip(
            "the terminal check",
            "script(1)",
            "CLAIMCHECK_REQUIRE_SCRIPT",
        );
        return;
    };
    let seen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(seen.matches("latin1.txt:1").count(), 1, "{seen}");
    let piped = run(&["check", d.join("latin1.txt").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&piped.stderr).contains("latin1.txt:1"));
    assert!(String::from_utf8_lossy(&piped.stdout).contains("latin1.txt:1"));
}

/// Error messages in users' terms, not Rust's.
#[test]
fn error_messages_speak_the_users_language() {
    let d = tmpdir("messages");
    // Latin-1: not UTF-8, not "binary?"
    std::fs::write(
        d.join("latin1.txt"),
        b"Revenue rose 14% in caf\xe9 Q3 2025.\n",
    )
    .unwrap();
    let out = run(&["check", d.join("latin1.txt").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.txt:1: not UTF-8 text"), "{err}");
    assert!(!err.contains("binary"), "{err}");
    // a list at the top of sources.yaml: the expected shape, no type names
    let m = d.join("list");
    std::fs::create_dir_all(&m).unwrap();
    std::fs::write(m.join("sources.yaml"), "- file: a.txt\n  title: A\n").unwrap();
    std::fs::write(
        m.join("a.txt"),
        "Revenue rose 14% in Q3 2025, the company said.\n",
    )
    .unwrap();
    let out = run(&["check", m.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sources.yaml:1: a list at the top;"), "{err}");
    assert!(err.contains("`sources:`"), "{err}");
    assert!(
        !err.contains("struct") && !err.contains("Manifest"),
        "{err}"
    );
    // an entry for a file that is not there: a warning, exit 0
    std::fs::write(
        m.join("sources.yaml"),
        "sources:\n  - file: a.txt\n    title: A\n  - file: gone.txt\n    title: B\n",
    )
    .unwrap();
    let (v, code) = json(&["check", "--format", "json", m.to_str().unwrap()]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["warnings"][0]["line"], 4, "{v}");
    assert!(v["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("an entry for 'gone.txt', which is not in this folder"));
    let out = run(&["check", m.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[input]"));
}

/// `knowledge DIR` quotes a calendar sentence that runs over several lines
/// (a release's heading block) line by line, not run together.
#[test]
fn knowledge_quotes_a_multi_line_sentence_line_by_line() {
    let out = run(&["knowledge", "tests/holdout"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let at = text
        .find("learned from tests/holdout/05-brenhallow-release.txt:3-4:\n")
        .unwrap_or_else(|| panic!("{text}"));
    let quoted: Vec<&str> = text[at..].lines().skip(1).take(2).collect();
    assert!(
        quoted.iter().all(|l| l.starts_with("        \"")),
        "{quoted:?}"
    );
    assert!(quoted[0].ends_with("outlook raised\""), "{quoted:?}");
}

/// Three raw articles on one quarter, the first with its own sentence about operating income.
fn basis_corpus(name: &str, first: &str, others: &str) -> PathBuf {
    let d = tmpdir(name);
    let write = |f: &str, title: &str, body: &str| {
        std::fs::write(
            d.join(f),
            format!("{title}\n\nPublished: 2025-11-05\n\n{body}\n"),
        )
        .unwrap();
    };
    write("a.txt", "Norrvik Freight third quarter", first);
    write("b.txt", "Norrvik Freight profit climbs", others);
    write("c.txt", "Norrvik Freight beats forecasts", others);
    d
}

#[test]
fn period_mismatch_flags_a_growth_set_against_the_wrong_period() {
    let d = basis_corpus(
        "basis-fires",
        "Norrvik Freight said third-quarter operating income rose 10% from the previous quarter.",
        "Norrvik Freight said third-quarter operating income rose 10% year over year.",
    );
    let (v, _) = json(&["check", "--format", "json", d.to_str().unwrap()]);
    let hits: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "period-mismatch")
        .collect();
    assert_eq!(hits.len(), 1, "{}", v["findings"]);
    let msg = hits[0]["message"].as_str().unwrap();
    assert!(msg.contains("quarter over quarter in a.txt"), "{msg}");
    // one article against one other settles nothing
    let q = tmpdir("basis-quiet");
    for (f, body) in [
        ("a.txt", "Norrvik Freight said third-quarter operating income rose 10% from the previous quarter."),
        ("b.txt", "Norrvik Freight said third-quarter operating income rose 10% year over year."),
    ] {
        std::fs::write(
            q.join(f),
            format!("Norrvik Freight third quarter\n\nPublished: 2025-11-05\n\n{body}\n"),
        )
        .unwrap();
    }
    let (v, _) = json(&["check", "--format", "json", q.to_str().unwrap()]);
    assert!(
        !v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "period-mismatch"),
        "{}",
        v["findings"]
    );
}
