//! The report formats on the real binary: Markdown, SARIF, HTML snapshots on
//! examples/claims and claims/seeds; SARIF against the official 2.1.0 schema
//! and JSON against docs/report-schema.json (Python's jsonschema); escaping of
//! hostile article text; `-o FILE` for every format.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn report(format: &str, path: &str) -> String {
    let out = run(&["check", "--format", format, "--fail-on", "never", path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{format} on {path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

const FORMATS: [&str; 5] = ["text", "json", "markdown", "sarif", "html"];
const CORPORA: [(&str, &str); 2] = [("examples", "examples/claims"), ("seeds", "claims/seeds")];

/// The seed articles are real published text: their snapshots keep the
/// structure of each report but not the quoted article lines.
fn redact(format: &str, out: &str) -> String {
    match format {
        "markdown" => out
            .lines()
            .map(|l| match (l.starts_with("> "), l.find(": ")) {
                (true, Some(i)) => format!("{}: [article text]", &l[..i]),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        "sarif" => {
            let mut v: serde_json::Value = serde_json::from_str(out).unwrap();
            fn strip(v: &mut serde_json::Value) {
                match v {
                    serde_json::Value::Object(m) => {
                        m.remove("snippet");
                        m.values_mut().for_each(strip);
                    }
                    serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                    _ => {}
                }
            }
            strip(&mut v);
            serde_json::to_string_pretty(&v).unwrap()
        }
        _ => out
            .lines()
            .filter(|l| l.contains("class=\"finding\"") || l.trim_start().starts_with("<h"))
            .map(|l| {
                let l = l.trim();
                match l.find('>') {
                    Some(i) => l[..=i].to_string(),
                    None => l.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn seeds_text_snapshot_without_article_lines() {
    // the diagnostics' headlines and the summary; the quoted lines are the seed articles' own text
    if !common::have_seed_corpus("seeds_text_snapshot_without_article_lines") {
        return;
    }
    let out = report("text", "claims/seeds");
    let kept: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.starts_with("error[")
                || l.starts_with("warning[")
                || l.contains(" findings (")
                || l.starts_with("findings per article")
        })
        .collect();
    assert!(kept.len() > 10);
    insta::assert_snapshot!("seeds_text", kept.join("\n"));
}

#[test]
fn snapshots() {
    for (name, path) in CORPORA {
        if name == "seeds" && !common::have_seed_corpus("the seeds snapshots") {
            continue;
        }
        for format in ["markdown", "sarif", "html"] {
            // SARIF's SRCROOT (and files outside it) are absolute: not this machine's paths
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let out = report(format, path)
                .replace(&format!("file://{}/", root.display()), "file:///ROOT/")
                .replace(
                    &format!("file://{}/", root.parent().unwrap().display()),
                    "file:///PARENT/",
                );
            let out = if name == "seeds" {
                redact(format, &out)
            } else {
                out
            };
            insta::assert_snapshot!(format!("{name}_{format}"), out);
        }
    }
}

#[test]
fn output_is_deterministic() {
    for format in ["markdown", "sarif", "html"] {
        let a = report(format, "claims/seeds");
        let b = bin()
            .env("RAYON_NUM_THREADS", "1")
            .args(["check", "--format", format, "--fail-on", "never"])
            .args([
                "claims/seeds/003_e96b9ed3d1564a4c.claims.yaml",
                "claims/seeds/002_3a038529485e0652.claims.yaml",
                "claims/seeds/001_2e289a0a28dad1f2.claims.yaml",
                "claims/seeds/000_215bb8c1b9861888.claims.yaml",
            ])
            .output()
            .unwrap();
        assert_eq!(a.as_bytes(), &b.stdout[..], "{format}");
    }
}

/// Validates `doc` against the JSON Schema at `schema` with Python's jsonschema.
/// Without it: a failure when CLAIMCHECK_REQUIRE_JSONSCHEMA is set (.ci/run
/// installs it and sets that), else a note and a pass.
fn validate(schema: &str, doc: &str) -> bool {
    let probe = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        common::skip(
            &format!("validation against {schema}"),
            "python3 with jsonschema (pip install jsonschema)",
            "CLAIMCHECK_REQUIRE_JSONSCHEMA",
        );
        return false;
    }
    const SCRIPT: &str = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(json.load(sys.stdin)), key=lambda e: list(e.absolute_path))
for e in errors[:20]:
    print("/".join(map(str, e.absolute_path)) + ": " + e.message[:300])
sys.exit(1 if errors else 0)
"#;
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT, schema])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "not valid against {schema}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

const INPUTS: [&str; 4] = [
    "examples/claims",
    "claims/seeds",
    "examples/articles",
    "tests/fixtures/reports/hostile",
];

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    for path in INPUTS {
        validate(
            "tests/schemas/sarif-schema-2.1.0.json",
            &report("sarif", path),
        );
    }
}

#[test]
fn json_report_matches_its_schema() {
    for path in INPUTS {
        validate("docs/report-schema.json", &report("json", path));
    }
}

#[test]
fn sarif_carries_rules_locations_and_fingerprints() {
    let sarif: serde_json::Value = serde_json::from_str(&report("sarif", "claims/seeds")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report("json", "claims/seeds")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let listed = String::from_utf8(run_ok(&["rules"]).stdout).unwrap();
    assert_eq!(rules.len(), listed.lines().count());
    for r in rules {
        let id = r["id"].as_str().unwrap();
        let line = listed.lines().find(|l| l.starts_with(id)).unwrap();
        let level = match line.split_whitespace().nth(1).unwrap() {
            "info" => "note",
            l => l,
        };
        assert_eq!(r["defaultConfiguration"]["level"], level, "{id}");
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(r["help"]["text"].as_str().unwrap().contains("Example"));
    }
    let results = run["results"].as_array().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            f["rule"]
        );
        assert_eq!(r["partialFingerprints"]["claimcheck/v1"], f["fingerprint"]);
        assert_eq!(r["message"]["text"], f["message"]);
        let claims = f["claims"].as_array().unwrap();
        let primary = claims
            .iter()
            .find(|c| c["role"] == "conflicting")
            .or(claims.first());
        let loc = &r["locations"][0]["physicalLocation"];
        if let Some(c) = primary {
            let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
            let path = c["path"].as_str().unwrap();
            if uri.starts_with("file://") {
                // outside the SARIF root: an absolute URI
                assert!(
                    uri.ends_with(path.trim_start_matches("../")),
                    "{uri} {path}"
                );
            } else {
                assert_eq!(uri, path);
            }
            assert_eq!(loc["region"]["startLine"], c["line"]);
            assert_eq!(loc["region"]["startColumn"], c["column"]);
            assert_eq!(loc["region"]["snippet"]["text"], c["figure"]);
            let related = r["relatedLocations"].as_array().map_or(0, |v| v.len());
            assert_eq!(related + 1, claims.len());
        } else {
            assert_eq!(loc["artifactLocation"]["uri"], f["path"]);
        }
    }
}

fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(out.status.success(), "{args:?}");
    out
}

#[test]
fn hostile_article_text_is_escaped() {
    let dir = "tests/fixtures/reports/hostile";
    let html = report("html", dir);
    // the only script is the report's own filter script
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>bold"));
    assert!(!html.contains("<i>release"));
    assert!(!html.contains("href=\"javascript"), "no links but http(s)");
    assert_eq!(
        html.matches("href=\"http").count(),
        1,
        "only b.txt's URL is a link"
    );
    assert!(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"));
    assert!(html.contains("Zephyr &amp; Co&#39;s"));
    assert!(html.contains("href=\"https://example.com/b?x=1&amp;y=&quot;2&quot;\""));
    assert!(html.contains("<mark class=\"conflicting\""));
    assert_eq!(html.matches("class=\"finding\"").count(), 2);

    let md = report("markdown", dir);
    assert!(
        md.contains("\\<script\\>alert(\"pwned\")\\</script\\>"),
        "{md}"
    );
    assert!(md.contains("\\*revenue\\* grew **14%** in Q3 2025 \\| see \\`code\\` \\& \\<b\\>bold\\</b\\> \\$5 \\[1\\]"), "{md}");
    assert!(md.contains("\\*\\*wow\\*\\* \\_under\\_"), "{md}");
    for (i, _) in md.match_indices('<') {
        assert_eq!(&md[i - 1..i], "\\", "unescaped < at {i}: {md}");
    }
}

#[test]
fn html_is_self_contained() {
    let html = report("html", "claims/seeds");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'"));
    for bad in ["<script src", "<link", "<img", "@import", "url(", "<iframe"] {
        assert!(!html.contains(bad), "{bad}");
    }
    let json: serde_json::Value = serde_json::from_str(&report("json", "claims/seeds")).unwrap();
    let n = json["findings"].as_array().unwrap().len();
    assert_eq!(html.matches("<article class=\"finding\"").count(), n);
    for rule in ["contradiction", "unsourced-figure"] {
        assert!(html.contains(&format!("data-rule=\"{rule}\"")));
    }
    assert!(html.contains("data-severity=\"warning\""));
    assert!(html.contains("data-articles=\"a1"));
}

#[test]
fn markdown_quotes_lines_with_figures_in_bold() {
    let md = report("markdown", "examples/claims");
    assert!(md.starts_with("## claimcheck: 7 findings in 4 articles"));
    assert!(md.contains("| rule | severity | findings |"));
    assert!(md.contains("| article | figures | compared | errors | warnings | info |"));
    assert_eq!(md.matches("\n### ").count(), 7);
    assert!(md.contains(
        "> examples/articles/release.txt:11: Operating income rose **21%** to **\\$152 million**"
    ));
}

#[test]
fn every_format_writes_atomically_to_a_file() {
    let dir = std::env::temp_dir().join(format!("claimcheck-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in FORMATS {
        let target = dir.join(format!("report.{format}"));
        std::fs::write(&target, "old contents").unwrap();
        let out = run(&[
            "check",
            "--format",
            format,
            "--fail-on",
            "never",
            "-o",
            target.to_str().unwrap(),
            "examples/claims",
        ]);
        assert!(out.status.success(), "{format}");
        assert!(out.stdout.is_empty(), "{format}: nothing on stdout with -o");
        let written = std::fs::read_to_string(&target).unwrap();
        assert_eq!(written, report(format, "examples/claims"), "{format}");
    }
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!Path::new(&dir).exists());
}

/// Wording: no doubled words, dropped units, repeated figures or Rust names.
#[test]
fn wording_reads_as_english() {
    let text = report("text", "examples/articles");
    assert!(text.contains("investment plan: $430 million"), "{text}");
    assert!(!text.contains("for the plan"), "{text}");
    assert!(
        text.contains("against $643 million for Jul–Sep 2024"),
        "{text}"
    );
    let seeds = report("text", "claims/seeds");
    assert!(seeds.contains("market share (china) for"), "{seeds}");
    assert!(!seeds.contains("share (china) share"), "{seeds}");
    assert!(seeds.contains("investment plan is given as"), "{seeds}");
    assert!(!seeds.contains("for the same plan"), "{seeds}");
    let md = report("markdown", "claims/seeds");
    assert!(!md.contains("— read as"), "{md}");
    assert!(!md.contains("\"\" can also be read"), "{md}");
    for dir in [
        "examples/articles",
        "claims/seeds",
        "tests/fixtures/reports/hostile",
    ] {
        let html = report("html", dir);
        assert!(!html.contains("from the none"), "{dir}");
    }
    let gate = bin()
        .args([
            "gate",
            "examples/gate/draft.md",
            "--against",
            "examples/articles/release.txt",
        ])
        .output()
        .unwrap();
    let gate = String::from_utf8_lossy(&gate.stdout);
    assert!(
        gate.contains("the trusted source gives 14% for Jul–Sep 2025"),
        "{gate}"
    );
    assert!(gate.contains("; 1 sourcing finding\n"), "{gate}");
    let k = String::from_utf8(run(&["knowledge"]).stdout).unwrap();
    assert!(
        k.contains("period: flow,") && !k.contains("period Flow"),
        "{k}"
    );
}

/// `--format github`: one workflow command per finding at the figure it is about.
/// `--format gitlab`: a Code Quality report GitLab reads.
#[test]
fn github_and_gitlab_formats() {
    let json: serde_json::Value =
        serde_json::from_str(&report("json", "examples/articles")).unwrap();
    let n = json["findings"].as_array().unwrap().len();
    let gh = report("github", "examples/articles");
    assert_eq!(gh.lines().count(), n, "{gh}");
    assert!(gh
        .lines()
        .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")));
    assert!(gh.contains(
        "::error file=examples/articles/analysis.html,line=21,col=98,endColumn=101,title=claimcheck contradiction::"
    ), "{gh}");
    assert!(gh.contains("::warning file=examples/articles/analysis.html,line=22,col=160,endColumn=163,title=claimcheck dangling-citation::"), "{gh}");
    // messages stay on one line: newlines escaped
    assert!(gh.contains("%0A%0A"), "help follows the message, escaped");
    let gl = report("gitlab", "examples/articles");
    validate("tests/schemas/gitlab-code-quality.json", &gl);
    let v: serde_json::Value = serde_json::from_str(&gl).unwrap();
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), n);
    let c = issues
        .iter()
        .find(|i| i["check_name"] == "contradiction")
        .unwrap();
    assert_eq!(c["location"]["path"], "examples/articles/analysis.html");
    assert_eq!(c["location"]["lines"]["begin"], 21);
    assert_eq!(c["severity"], "major");
}

/// SARIF artifact URIs are relative to --sarif-root (default: the working
/// directory) with uriBaseId SRCROOT, whatever form the paths were given in.
#[test]
fn sarif_uris_are_relative_to_the_sarif_root() {
    let abs = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let uris = |extra: &[&str]| -> (serde_json::Value, Vec<String>) {
        let out = run(&[
            &[
                "check",
                "--format",
                "sarif",
                "--fail-on",
                "never",
                abs.to_str().unwrap(),
            ][..],
            extra,
        ]
        .concat());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let uris = v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let a = &r["locations"][0]["physicalLocation"]["artifactLocation"];
                assert_eq!(a["uriBaseId"], "SRCROOT", "{a}");
                a["uri"].as_str().unwrap().to_string()
            })
            .collect();
        (v, uris)
    };
    let (v, u) = uris(&[]);
    assert!(
        u.iter().all(|u| u.starts_with("examples/articles/")),
        "{u:?}"
    );
    let base = v["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let (v, u) = uris(&["--sarif-root", "examples"]);
    assert!(u.iter().all(|u| u.starts_with("articles/")), "{u:?}");
    validate("tests/schemas/sarif-schema-2.1.0.json", &v.to_string());
}

/// `gate --format json` has its schema too (docs/gate-schema.json), sharing
/// the check report's definitions of claims and findings.
#[test]
fn gate_json_matches_its_schema() {
    let load = |p: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap(),
        )
        .unwrap()
    };
    let (check, gate) = (
        load("docs/report-schema.json"),
        load("docs/gate-schema.json"),
    );
    for (k, v) in check["$defs"].as_object().unwrap() {
        assert_eq!(&gate["$defs"][k], v, "$defs/{k} as in report-schema.json");
    }
    for (draft, against) in [
        ("examples/gate/draft.md", "examples/articles/release.txt"),
        ("examples/articles/blog.md", "examples/articles"),
        (
            "tests/fixtures/reports/hostile",
            "examples/articles/release.txt",
        ),
    ] {
        let out = run(&[
            "gate",
            "--format",
            "json",
            "--fail-on",
            "never",
            draft,
            "--against",
            against,
        ]);
        let doc = String::from_utf8(out.stdout).unwrap();
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["schema"], "claimcheck-gate");
        validate("docs/gate-schema.json", &doc);
    }
}
