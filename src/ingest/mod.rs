//! Ingest: finding the inputs (files, folders, standard input), reading claim
//! files, manifests and raw articles into articles with claims.

pub mod claimfile;
pub mod html;
pub mod manifest;

use crate::error::{decode_text, Error};
use crate::knowledge::Knowledge;
use crate::model::{Article, Claim, MarkerUse};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Splits text into lines without terminators (LF or CRLF).
pub fn split_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect()
}

/// What one input is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    ClaimFile(PathBuf),
    Manifest(PathBuf),
    Article(PathBuf),
    Stdin,
}

const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "text"];

fn is_claim_file(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".claims.yaml") || n.ends_with(".claims.yml"))
}

fn is_manifest(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "sources.yaml" || n == "sources.yml")
}

/// `claimcheck.yaml`: the configuration, never an input to check.
pub fn is_config(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == crate::config::FILE_NAME || n == "claimcheck.yml")
}

fn is_yaml(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// A file whose first line that is not blank or a comment starts with `claimcheck:`.
fn starts_as_claim_file(p: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    head.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim_end)
        .find(|l| !l.trim().is_empty() && !l.starts_with('#') && l.trim() != "---")
        .is_some_and(|l| l.starts_with("claimcheck:"))
}

/// Expands the paths given on the command line into inputs, in a stable order.
/// Folders are walked recursively (hidden entries skipped); in a folder only
/// article extensions count as articles, other files are ignored.
pub fn discover(paths: &[PathBuf], errors: &mut Vec<Error>) -> Vec<Input> {
    let mut out = BTreeSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.insert(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(Error::Io {
                path: p.clone(),
                message: e.to_string(),
            }),
            Ok(m) if m.is_dir() => walk(p, &mut out, errors),
            Ok(_) if is_config(p) => {}
            Ok(_) => {
                let input = classify(p);
                // a manifest beside an explicitly named article applies to it
                if let (Input::Article(_), Some(dir)) = (&input, p.parent()) {
                    for name in ["sources.yaml", "sources.yml"] {
                        let mp = dir.join(name);
                        if mp.is_file() {
                            out.insert(Input::Manifest(mp));
                        }
                    }
                }
                out.insert(input);
            }
        }
    }
    out.into_iter().collect()
}

/// What a file named on the command line is: `sources.yaml` a manifest; any
/// other YAML file, or a file that starts with `claimcheck:`, a claim file
/// (so a broken one is an error, not an article); anything else an article.
fn classify(p: &Path) -> Input {
    if is_manifest(p) {
        Input::Manifest(p.to_path_buf())
    } else if is_claim_file(p) || is_yaml(p) || starts_as_claim_file(p) {
        Input::ClaimFile(p.to_path_buf())
    } else {
        Input::Article(p.to_path_buf())
    }
}

fn walk(dir: &Path, out: &mut BTreeSet<Input>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Error::Io {
                path: dir.to_path_buf(),
                message: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // symlinked folders are not followed: a link to a parent would never end
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() && !is_link {
            walk(&p, out, errors);
        } else if p.is_dir() {
            continue;
        } else if is_claim_file(&p) || is_manifest(&p) {
            out.insert(classify(&p));
        } else if is_yaml(&p) && !is_config(&p) {
            // other YAML in a folder counts only when it is a claim file
            if starts_as_claim_file(&p) {
                out.insert(Input::ClaimFile(p));
            }
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.insert(Input::Article(p));
        }
    }
}

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d{1,3})\]").expect("marker regex"));

/// Citation markers `[n]` in the text before the source list.
pub fn scan_markers(lines: &[String], source_list_line: Option<usize>) -> Vec<MarkerUse> {
    let stop = source_list_line.unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i + 1 >= stop {
            break;
        }
        // columns counted incrementally: a long line costs one pass, not one per marker
        let (mut at, mut chars) = (0, 0);
        for c in MARKER.captures_iter(l) {
            let m = c.get(0).expect("match");
            // "[1]" followed by "(" is a Markdown link text, not a citation
            if l[m.end()..].starts_with('(') {
                continue;
            }
            chars += l[at..m.start()].chars().count();
            at = m.start();
            out.push(MarkerUse {
                marker: c[1].to_string(),
                line: i + 1,
                column: chars + 1,
            });
        }
    }
    out
}

/// Files read so far by [`load`] in this process: a progress bar polls it.
pub static FILES_READ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn tick() {
    FILES_READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    pub errors: Vec<Error>,
    /// Problems that do not stop an input from being read (a manifest entry
    /// for a missing file).
    pub warnings: Vec<Error>,
    /// Fiscal calendars and exchange rates learned from the texts.
    pub learned: Vec<crate::extract::Learned>,
}

enum Loaded {
    Doc(Box<Article>, Vec<Claim>, Vec<crate::extract::Learned>),
    Failed(Error),
}

/// Standard input, read by the caller: its bytes and the name it goes by in
/// reports (`--stdin-name`; default `<stdin>`). The name's extension also
/// says how to read it (`draft.md`, `page.html`); it is never opened.
#[derive(Clone, Debug, Default)]
pub struct Stdin {
    pub bytes: Vec<u8>,
    pub name: Option<PathBuf>,
}

impl Stdin {
    pub fn new(bytes: impl Into<Vec<u8>>, name: Option<PathBuf>) -> Stdin {
        Stdin {
            bytes: bytes.into(),
            name,
        }
    }

    /// The path standard input goes by in reports.
    pub fn path(&self) -> PathBuf {
        self.name
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdin>"))
    }
}

/// Reads every input into a corpus. Unreadable inputs become errors; the rest is still read.
/// Extraction runs for raw articles with no curated claim file.
pub fn load(paths: &[PathBuf], knowledge: &Knowledge, stdin: Option<Stdin>) -> Corpus {
    load_with(paths, knowledge, stdin, true)
}

/// Like [`load`]; with `curated` false, claim files are ignored and every article is extracted.
pub fn load_with(
    paths: &[PathBuf],
    knowledge: &Knowledge,
    stdin: Option<Stdin>,
    curated: bool,
) -> Corpus {
    use rayon::prelude::*;
    let mut corpus = Corpus::default();
    let inputs = discover(paths, &mut corpus.errors);

    // manifests first: they give metadata to articles in their folder
    let mut manifests: BTreeMap<PathBuf, manifest::Manifest> = BTreeMap::new();
    for i in &inputs {
        if let Input::Manifest(p) = i {
            match manifest::load_with_warnings(p) {
                Ok((m, w)) => {
                    corpus.warnings.extend(w);
                    manifests.insert(p.parent().unwrap_or(Path::new("")).to_path_buf(), m);
                }
                Err(e) => corpus.errors.push(e),
            }
        }
    }

    let claim_files: Vec<&PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::ClaimFile(p) if curated => Some(p),
            _ => None,
        })
        .collect();
    let mut loaded: Vec<Loaded> = claim_files
        .par_iter()
        .map(|p| {
            tick();
            match claimfile::load(p, knowledge) {
                Ok((a, c)) => {
                    let learned = curated_learning(&a);
                    Loaded::Doc(Box::new(a), c, learned)
                }
                Err(e) => Loaded::Failed(e),
            }
        })
        .collect();

    // articles described by a curated claim file are not extracted again
    let curated: BTreeSet<PathBuf> = loaded
        .iter()
        .filter_map(|l| match l {
            Loaded::Doc(a, _, _) => Some(canonical(&a.path)),
            _ => None,
        })
        .collect();
    let articles: Vec<&PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Article(p) if !curated.contains(&canonical(p)) => Some(p),
            _ => None,
        })
        .collect();
    let lexicon = crate::extract::metric::Lexicon::new(knowledge);
    let extracted: Vec<Loaded> = articles
        .par_iter()
        .map(|p| {
            let meta = p
                .parent()
                .and_then(|d| manifests.get(d))
                .and_then(|m| m.get(p.file_name()?.to_str()?))
                .cloned();
            tick();
            match crate::error::read_text(p) {
                Ok(text) => {
                    let e = crate::extract::extract(p, &text, meta, knowledge, &lexicon);
                    Loaded::Doc(Box::new(e.article), e.claims, e.learned)
                }
                Err(e) => Loaded::Failed(e),
            }
        })
        .collect();
    loaded.extend(extracted);

    if inputs.contains(&Input::Stdin) {
        if let Some(stdin) = stdin {
            let path = stdin.path();
            tick();
            match decode_text(&path, stdin.bytes) {
                Ok(text) => loaded.push(load_stdin(&path, &text, knowledge, &lexicon)),
                Err(e) => loaded.push(Loaded::Failed(e)),
            }
        }
    }

    let mut docs: Vec<(Article, Vec<Claim>)> = Vec::new();
    for l in loaded {
        match l {
            Loaded::Doc(a, c, l) => {
                corpus.learned.extend(l);
                docs.push((*a, c))
            }
            Loaded::Failed(e) => corpus.errors.push(e),
        }
    }
    // a stable order whatever the thread count: by article path
    docs.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    add_docs(&mut corpus, docs);
    corpus.errors.sort_by_key(|e| e.to_string());
    corpus
        .learned
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    corpus
}

/// What a curated article's text teaches about fiscal calendars (as extraction would).
fn curated_learning(a: &Article) -> Vec<crate::extract::Learned> {
    match (&a.lines, a.meta.entity.as_deref()) {
        (Some(lines), Some(entity)) => crate::extract::learn_from_lines(&a.path, entity, lines),
        _ => Vec::new(),
    }
}

/// Adds documents to a corpus in the order given: citation markers and suppressions
/// scanned from their lines, claims numbered by article and sorted by place.
pub fn add_docs(corpus: &mut Corpus, docs: Vec<(Article, Vec<Claim>)>) {
    let first = corpus.articles.len();
    for (i, (mut a, mut claims)) in docs.into_iter().enumerate() {
        let i = first + i;
        if a.markers.is_empty() {
            if let Some(lines) = &a.lines {
                a.markers = scan_markers(lines, a.source_list_line);
            }
        }
        if let Some(lines) = &a.lines {
            a.suppressions.extend(crate::suppress::scan(lines));
        }
        for c in &mut claims {
            c.article = i;
        }
        let order = |x: &Claim, y: &Claim| {
            (x.span.line, x.span.column, &x.figure.text).cmp(&(
                y.span.line,
                y.span.column,
                &y.figure.text,
            ))
        };
        // extraction mostly yields claims in order already: a stable sort would still
        // allocate half the claims again as scratch
        if !claims.is_sorted_by(|x, y| order(x, y).is_le()) {
            claims.sort_by(order);
        }
        corpus.articles.push(a);
        // the vector grew by doubling: give back its spare room (up to half of it)
        claims.shrink_to_fit();
        // the first article's claims are taken as they are, not copied into a second vector
        if corpus.claims.is_empty() {
            corpus.claims = claims;
        } else {
            corpus.claims.extend(claims);
        }
    }
}

fn load_stdin(
    path: &Path,
    text: &str,
    knowledge: &Knowledge,
    lexicon: &crate::extract::metric::Lexicon,
) -> Loaded {
    if text.trim_start().starts_with("claimcheck:") {
        // a claim file on standard input: its article path is relative to the working directory
        let r = claimfile::load_str(path, text, Path::new("."), knowledge);
        return match r {
            Ok((a, c)) => {
                let learned = curated_learning(&a);
                Loaded::Doc(Box::new(a), c, learned)
            }
            Err(e) => Loaded::Failed(e),
        };
    }
    let e = crate::extract::extract(path, text, None, knowledge, lexicon);
    Loaded::Doc(Box::new(e.article), e.claims, e.learned)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| claimfile::clean_path(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_before_the_source_list() {
        let lines = split_lines("a [1] b [2]\n[x](y) [3](z)\nSources:\n[1] t");
        let m = scan_markers(&lines, Some(3));
        assert_eq!(
            m.iter().map(|m| m.marker.as_str()).collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert_eq!(m[1].column, 9);
    }

    #[test]
    fn crlf_lines() {
        assert_eq!(split_lines("a\r\nb\n"), vec!["a", "b", ""]);
    }
}
