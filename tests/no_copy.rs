//! No run of five or more consecutive words from an article in ../shared/corpus
//! may appear in src/ or claims/knowledge/: patterns are written for the general
//! problem, never for one seed sentence.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
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

#[test]
fn no_five_word_run_from_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let mut articles = Vec::new();
    files(&corpus, &["txt", "md", "html"], &mut articles);
    if articles.is_empty() {
        eprintln!("no corpus at {}; nothing to compare", corpus.display());
        return;
    }
    let mut shingles: HashSet<Vec<String>> = HashSet::new();
    for a in &articles {
        let w = words(&std::fs::read_to_string(a).unwrap_or_default());
        for s in w.windows(5) {
            shingles.insert(s.to_vec());
        }
    }
    let mut ours = Vec::new();
    files(&root.join("src"), &["rs"], &mut ours);
    files(&root.join("claims/knowledge"), &["yaml", "yml"], &mut ours);
    assert!(!ours.is_empty());
    let mut hits = Vec::new();
    for f in &ours {
        let w = words(&std::fs::read_to_string(f).unwrap());
        for s in w.windows(5) {
            if shingles.contains(s) {
                hits.push(format!("{}: {}", f.display(), s.join(" ")));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "runs of five words copied from the corpus:\n{}",
        hits.join("\n")
    );
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
