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
