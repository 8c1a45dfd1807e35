//! Nothing copied from the real articles in ../shared/corpus (the seeds and
//! the dev corpus of published coverage) may appear in the project: patterns
//! are written for the general problem, never for one sentence.
//!
//! Financial prose shares a lot of everyday wording ("for the third quarter
//! of", "fiscal year ending March 31"), which our own comments and tests may
//! use too. A run counts as copied when it is
//! - eight or more consecutive words of an article, whatever they are; or
//! - five or more consecutive words that hold something distinctive of that
//!   article: a figure (a number with a decimal point or of three digits or
//!   more, years excepted) or a capitalised name (a capitalised word that does
//!   not open its sentence, that the articles never write in lower case, and
//!   that is not a month, weekday, place or everyday finance abbreviation).
//!
//! Without ../shared the test prints a notice and passes (a user's fresh
//! clone); with CLAIMCHECK_REQUIRE_SHARED set (as .ci/run does) it fails.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

const LONG_RUN: usize = 8;
const SHORT_RUN: usize = 5;

/// Capitalised words that are everyday vocabulary, not names.
const COMMON_CAPITALISED: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "fy",
    "gaap",
    "ifrs",
    "non",
    "eps",
    "ceo",
    "cfo",
    // places every business story names
    "china",
    "chinese",
    "japan",
    "japanese",
    "korea",
    "korean",
    "europe",
    "european",
    "asia",
    "america",
    "american",
    "india",
    "taiwan",
    "germany",
    "uk",
    "eu",
    "hong",
    "kong",
    "us",
    "u",
    "s",
    "usd",
    "i",
    "ai",
    "yoy",
    "qoq",
    "the",
    "a",
    "an",
];

/// One word of a text: its lower-cased form and whether it is distinctive
/// (a figure or a capitalised name).
#[derive(Debug, Clone)]
struct Word {
    lower: String,
    distinctive: bool,
}

fn is_figure(raw: &str) -> bool {
    if !raw.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let core: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let core = core.trim_matches(|c| c == '.' || c == ',');
    if core.contains('.') || core.contains(',') {
        return true;
    }
    // A one- or two-digit whole number ("up 10%", "March 31") or a year is
    // everyday; three digits or more, or a decimal, mark a particular figure.
    match core.parse::<u64>() {
        Ok(n) if n < 100 => false,
        Ok(n) if (1900..=2099).contains(&n) && core.len() == 4 => false,
        _ => true,
    }
}

fn is_name(raw: &str, sentence_start: bool, lower_seen: &HashSet<String>) -> bool {
    let letters: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
    let Some(first) = letters.chars().next() else {
        return false;
    };
    !sentence_start
        && first.is_uppercase()
        && letters.chars().count() >= 2
        && !COMMON_CAPITALISED.contains(&letters.to_lowercase().as_str())
        && !lower_seen.contains(&letters.to_lowercase())
}

/// Words the texts also write in lower case: a capitalised one of these is a
/// heading's title case, not a name.
fn lower_case_words(text: &str, seen: &mut HashSet<String>) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().next().is_some_and(char::is_lowercase) {
            seen.insert(w.to_string());
        }
    }
}

/// Splits a text into words; a word keeps its attached signs for the figure
/// test but is compared lower-cased and without punctuation.
fn words(text: &str, lower_seen: &HashSet<String>) -> Vec<Word> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut sentence_start = true;
        for raw in line.split_whitespace() {
            let parts: Vec<&str> = raw
                .split(|c: char| !(c.is_alphanumeric() || "%$€£.,".contains(c)))
                .filter(|p| p.chars().any(|c| c.is_alphanumeric()))
                .collect();
            for (i, part) in parts.iter().enumerate() {
                let start = sentence_start && i == 0;
                // A number's points and commas stay with it; words are split on them.
                let pieces: Vec<&str> = if part.chars().any(|c| c.is_ascii_digit()) {
                    vec![part]
                } else {
                    part.split(['.', ',', '%', '$', '€', '£'])
                        .filter(|p| !p.is_empty())
                        .collect()
                };
                for (j, piece) in pieces.iter().enumerate() {
                    // A number keeps its decimal point ("12.5" is not "125").
                    let lower: String = piece
                        .trim_end_matches(['.', ','])
                        .chars()
                        .filter(|c| c.is_alphanumeric() || *c == '.')
                        .flat_map(char::to_lowercase)
                        .collect();
                    if lower.is_empty() {
                        continue;
                    }
                    out.push(Word {
                        distinctive: is_figure(piece)
                            || is_name(piece, start && j == 0, lower_seen),
                        lower,
                    });
                }
            }
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
        }
    }
    out
}

/// The runs an article's text offers for comparison: every eight-word run, and
/// every five-word run that holds a distinctive word.
fn article_runs(
    text: &str,
    lower_seen: &HashSet<String>,
    long: &mut HashSet<Vec<String>>,
    short: &mut HashSet<Vec<String>>,
) {
    let w = words(text, lower_seen);
    for s in w.windows(LONG_RUN) {
        long.insert(s.iter().map(|x| x.lower.clone()).collect());
    }
    for s in w.windows(SHORT_RUN) {
        if s.iter().any(|x| x.distinctive) {
            short.insert(s.iter().map(|x| x.lower.clone()).collect());
        }
    }
}

/// The runs of `ours` found in the article runs.
fn copied_runs(
    ours: &str,
    long: &HashSet<Vec<String>>,
    short: &HashSet<Vec<String>>,
) -> Vec<String> {
    let w: Vec<String> = words(ours, &HashSet::new())
        .into_iter()
        .map(|x| x.lower)
        .collect();
    let mut hits = Vec::new();
    for s in w.windows(SHORT_RUN) {
        if short.contains(s) {
            hits.push(s.join(" "));
        }
    }
    for s in w.windows(LONG_RUN) {
        if long.contains(s) {
            hits.push(s.join(" "));
        }
    }
    hits
}

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, exts, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
        {
            out.push(p);
        }
    }
}

fn corpus_articles() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let mut articles = Vec::new();
    files(&corpus, &["txt", "md", "html"], &mut articles);
    articles.retain(|p| {
        p.components().any(|c| c.as_os_str() == "articles") || p.starts_with(corpus.join("seeds"))
    });
    if articles.is_empty() {
        common::skip(
            "the no-copy check",
            &format!("the corpus at {}", corpus.display()),
            "CLAIMCHECK_REQUIRE_SHARED",
        );
        return None;
    }
    Some(articles)
}

/// The `measure` phrases of the dev corpus's gold labels
/// (../shared/corpus/dev/*/gold.yaml).
fn gold_measures() -> HashSet<String> {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let mut out = HashSet::new();
    for case in std::fs::read_dir(&dev).into_iter().flatten().flatten() {
        let Ok(text) = std::fs::read_to_string(case.path().join("gold.yaml")) else {
            continue;
        };
        let gold: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_default();
        for fig in gold["figures"].as_sequence().into_iter().flatten() {
            if let Some(m) = fig["measure"].as_str() {
                out.insert(m.to_string());
            }
        }
    }
    out
}

/// tests/dev/measure-map.yaml maps each gold `measure` phrase to a metric
/// id; its keys are the gold labels' phrases by design (issue #12), so they
/// are left out of the check, and its comments and values are checked.
fn without_measure_keys(text: &str, measures: &HashSet<String>) -> String {
    text.lines()
        .map(|l| match l.rsplit_once(": ") {
            Some((k, v)) if measures.contains(k.trim()) => v,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The eight-word runs and distinctive five-word runs of all articles.
fn corpus_runs(articles: &[PathBuf]) -> (HashSet<Vec<String>>, HashSet<Vec<String>>) {
    let texts: Vec<String> = articles
        .iter()
        .map(|a| std::fs::read_to_string(a).unwrap_or_default())
        .collect();
    let mut lower_seen = HashSet::new();
    for t in &texts {
        lower_case_words(t, &mut lower_seen);
    }
    let (mut long, mut short) = (HashSet::new(), HashSet::new());
    for t in &texts {
        article_runs(t, &lower_seen, &mut long, &mut short);
    }
    (long, short)
}

/// Our own files: code, knowledge, tests and fixtures, docs, examples, scripts.
fn our_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exts = [
        "rs", "yaml", "yml", "txt", "md", "html", "py", "sh", "json", "snap",
    ];
    let mut ours = Vec::new();
    for dir in [
        "src", "claims", "tests", "docs", "examples", "scripts", "benches", "fuzz",
    ] {
        files(&root.join(dir), &exts, &mut ours);
    }
    ours.push(root.join("README.md"));
    // claims/seeds are the curated claim files of the four AI-written seed
    // articles (their quotes and titles are the seeds' own, by design).
    // The same goes for snapshots of the tool's report on the seeds.
    ours.retain(|p| {
        !p.starts_with(root.join("claims/seeds"))
            && !p.to_string_lossy().ends_with("seeds_json.snap")
    });
    ours.retain(|p| {
        !p.components()
            .any(|c| c.as_os_str() == "node_modules" || c.as_os_str() == "target")
    });
    ours
}

#[test]
fn nothing_copied_from_the_corpus() {
    let Some(articles) = corpus_articles() else {
        return;
    };
    let (long, short) = corpus_runs(&articles);
    let ours = our_files();
    assert!(ours.len() > 20, "our files: {}", ours.len());
    let mut hits = Vec::new();
    for f in &ours {
        let Ok(mut text) = std::fs::read_to_string(f) else {
            continue;
        };
        if f.ends_with("tests/dev/measure-map.yaml") {
            text = without_measure_keys(&text, &gold_measures());
        }
        for run in copied_runs(&text, &long, &short) {
            hits.push(format!("{}: {run}", f.display()));
        }
    }
    assert!(
        hits.is_empty(),
        "runs copied from the corpus:\n{}",
        hits.join("\n")
    );
}

/// The check still catches a real sentence copied from the corpus, whole or
/// as a figure-bearing fragment, and lets everyday wording through.
#[test]
fn a_copied_sentence_is_caught_and_common_phrasing_is_not() {
    let Some(articles) = corpus_articles() else {
        return;
    };
    let (long, short) = corpus_runs(&articles);
    // A whole line of a real article (its longest line with a figure).
    let mut caught = 0;
    let mut tried = 0;
    for a in articles.iter().take(12) {
        let text = std::fs::read_to_string(a).unwrap_or_default();
        let Some(line) = text
            .lines()
            .filter(|l| l.split_whitespace().count() >= LONG_RUN)
            .max_by_key(|l| l.len())
        else {
            continue;
        };
        tried += 1;
        let pasted = format!("// a comment that quotes: {line}\nfn main() {{}}\n");
        if !copied_runs(&pasted, &long, &short).is_empty() {
            caught += 1;
        }
        // Five words around its first figure are caught too.
        let w: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = w.iter().position(|x| is_figure(x)) {
            let lo = i.saturating_sub(2).min(w.len().saturating_sub(SHORT_RUN));
            let frag = w[lo..(lo + SHORT_RUN).min(w.len())].join(" ");
            if frag.split_whitespace().count() == SHORT_RUN {
                assert!(
                    !copied_runs(&frag, &long, &short).is_empty(),
                    "a five-word fragment with a figure was not caught: {frag}"
                );
            }
        }
    }
    assert!(tried > 0);
    assert_eq!(caught, tried, "every pasted sentence is caught");
    // Everyday wording of our own passes.
    for common in [
        "revenue for the third quarter of 2025 rose",
        "in the fiscal year ending March 31, 2026",
        "for the three months ended September 30, 2025",
        "on a non-GAAP basis, compared with the same quarter",
    ] {
        assert!(
            copied_runs(common, &long, &short).is_empty(),
            "common phrasing flagged: {common}: {:?}",
            copied_runs(common, &long, &short)
        );
    }
}

/// The word splitter's judgement of figures and names, on invented text.
#[test]
fn figures_and_names_are_told_from_dates_and_common_words() {
    let mut seen = HashSet::new();
    lower_case_words("sales and operating income rose", &mut seen);
    let w = words(
        "Zentrik said on March 31, 2026 that sales rose 12.5% to $4 billion in 2025.",
        &seen,
    );
    let d: Vec<(&str, bool)> = w
        .iter()
        .map(|x| (x.lower.as_str(), x.distinctive))
        .collect();
    assert_eq!(
        d,
        vec![
            ("zentrik", false), // opens the sentence
            ("said", false),
            ("on", false),
            ("march", false),
            ("31", false),
            ("2026", false),
            ("that", false),
            ("sales", false),
            ("rose", false),
            ("12.5", true),
            ("to", false),
            ("4", false),
            ("billion", false),
            ("in", false),
            ("2025", false),
        ]
    );
    let w = words("Analysts at Brovik Capital expected 870 units.", &seen);
    assert!(w.iter().any(|x| x.lower == "brovik" && x.distinctive));
    assert!(w.iter().any(|x| x.lower == "870" && x.distinctive));
    // Title case of words the texts also write in lower case is no name.
    let w = words("Results: Operating Income Rose", &seen);
    assert!(w.iter().all(|x| !x.distinctive), "{w:?}");
}

/// Knowledge about companies lives in data files: no company named in
/// claims/knowledge/entities.yaml appears in src/.
#[test]
fn no_company_names_in_rust_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("claims/knowledge/entities.yaml")).unwrap();
    let names: Vec<String> = yaml
        .lines()
        .filter_map(|l| l.split("name: ").nth(1))
        .map(|n| n.split(',').next().unwrap_or("").trim().to_string())
        .filter(|n| n.len() >= 4)
        .collect();
    assert!(names.len() > 20, "entity names read: {names:?}");
    let mut ours = Vec::new();
    files(&root.join("src"), &["rs"], &mut ours);
    let mut hits = Vec::new();
    for f in &ours {
        let text = std::fs::read_to_string(f).unwrap();
        for n in &names {
            let first = n.split_whitespace().next().unwrap_or(n);
            if first.len() >= 5 && text.contains(first) {
                hits.push(format!("{}: {first}", f.display()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "company names in Rust code:\n{}",
        hits.join("\n")
    );
}
