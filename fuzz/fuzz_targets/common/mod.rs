//! Shared by the fuzz targets: the embedded knowledge (loaded once), and the
//! pipeline after ingest (the same assembly `claimcheck::ingest::load_with`
//! does, then `claimcheck::analyze` and a report rendering).
#![allow(dead_code)]

use claimcheck::extract::metric::Lexicon;
use claimcheck::knowledge::Knowledge;
use claimcheck::model::{Article, Claim};
use claimcheck::{ingest, report, Options};
use std::path::Path;
use std::sync::OnceLock;

/// A base folder that does not exist: claim files name their article relative
/// to it, so a fuzzed claim file never reads a real file.
pub const NO_SUCH_BASE: &str = "/nonexistent-claimcheck-fuzz-base";

pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| claimcheck::load_knowledge(&[]).expect("embedded knowledge loads"))
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(knowledge()))
}

/// A corpus of the documents, assembled as `ingest::load_with` assembles its own.
pub fn corpus(
    docs: Vec<(Article, Vec<Claim>)>,
    learned: Vec<claimcheck::extract::Learned>,
) -> ingest::Corpus {
    let mut corpus = ingest::Corpus {
        learned,
        ..Default::default()
    };
    ingest::add_docs(&mut corpus, docs);
    corpus
}

/// Runs the graph and rule stages and renders the report in one of the
/// formats (`which` picks it).
pub fn analyze_and_render(corpus: ingest::Corpus, which: u8) {
    // the text report of a known crash: render JSON instead
    let which = if skip_known() && which % 6 < 2 && hits_known_snippet_margin(&corpus) {
        2
    } else {
        which
    };
    let r = claimcheck::analyze(corpus, &Options::default(), knowledge());
    let _ = r.exit_code(None);
    let _ = r.article_summaries();
    let _ = r.counts_by_rule();
    let _ = r.counts_by_severity();
    let out = match which % 6 {
        0 => report::text::render(&r, false),
        1 => report::text::render(&r, true) + &report::text::summary(&r),
        2 => report::json::render(&r),
        3 => report::markdown::render(&r),
        4 => report::sarif::render(&r),
        _ => report::html::render(&r),
    };
    std::hint::black_box(out);
}

/// `claimcheck extract` writes a claim file for review; it must load back.
/// Returns the load error, if any.
pub fn claim_file_round_trip(article: &Article, claims: &[Claim]) -> Option<String> {
    let refs: Vec<&Claim> = claims.iter().collect();
    let name = article
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let yaml = report::claimfile::render(article, &refs, &name);
    match ingest::claimfile::load_str(
        Path::new("fuzz.claims.yaml"),
        &yaml,
        Path::new(NO_SUCH_BASE),
        knowledge(),
    ) {
        Ok(_) => None,
        Err(e) => Some(format!("{e}\n--- claim file ---\n{yaml}")),
    }
}

/// Whether the strict checks (round trips) make a failure a crash.
pub fn strict() -> bool {
    static S: OnceLock<bool> = OnceLock::new();
    *S.get_or_init(|| std::env::var_os("CLAIMCHECK_FUZZ_STRICT").is_some_and(|v| v != "0"))
}

/// With CLAIMCHECK_FUZZ_DEBUG set, targets say why an input was not taken
/// further (say, the claim-file error): handy when writing seeds.
pub fn debug(msg: impl FnOnce() -> String) {
    static D: OnceLock<bool> = OnceLock::new();
    if *D.get_or_init(|| std::env::var_os("CLAIMCHECK_FUZZ_DEBUG").is_some()) {
        eprintln!("{}", msg());
    }
}

/// With CLAIMCHECK_FUZZ_SKIP_KNOWN set, inputs that would hit a crash already
/// found and recorded in RESULTS.md are skipped, so a run can look past it.
/// Off by default: the recorded runs fuzz the code as it is.
pub fn skip_known() -> bool {
    static S: OnceLock<bool> = OnceLock::new();
    *S.get_or_init(|| std::env::var_os("CLAIMCHECK_FUZZ_SKIP_KNOWN").is_some_and(|v| v != "0"))
}

/// Known crash 1 (RESULTS.md): `extract::numbers::scan` slices the 30 bytes
/// after a number word ("two", "dozen", ...) without checking the end is a
/// character boundary. Conservatively: a number word with a non-ASCII byte
/// in the 40 bytes after it.
pub fn hits_known_number_word_slice(text: &str) -> bool {
    const WORDS: [&str; 14] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "dozen",
    ];
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    for w in WORDS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(w) {
            let end = from + i + w.len();
            if b[end..(end + 40).min(b.len())]
                .iter()
                .any(|c| !c.is_ascii())
            {
                return true;
            }
            from = from + i + 1;
            while !lower.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    false
}

/// Known crashes 2 and 3 (RESULTS.md): `ingest::html::parse`, a table row
/// whose text starts or ends with whitespace that `str::trim` removes but the
/// HTML whitespace collapse keeps (U+000B, U+2009, ...): link offsets are
/// shifted by the leading trim with an unchecked subtraction (underflow), and
/// not clamped to the trailing trim (a link range past the text).
/// Conservatively: a page with a link, an element starting with "<t", and
/// such a character or any character reference.
pub fn hits_known_html_row_trim(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    lower.contains("<a")
        && lower.contains("<t")
        && src.chars().any(|c| {
            c == '&'
                || (c.is_whitespace() && !matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}'))
        })
}

/// Known crash 4 (RESULTS.md): the text report (annotate-snippets 0.11.5,
/// margin.rs:86) underflows on a snippet with no annotation whose line is
/// wider than the terminal and starts with 13 or more columns of whitespace
/// (the report shows ASCII control characters as spaces). Conservatively: any
/// article line starting with 3 or more whitespace or control characters (a
/// tab may count as 4 columns).
pub fn hits_known_snippet_margin(corpus: &ingest::Corpus) -> bool {
    corpus.articles.iter().any(|a| {
        a.lines.iter().flatten().any(|l| {
            l.chars()
                .take_while(|c| c.is_whitespace() || c.is_ascii_control())
                .count()
                >= 3
        })
    })
}
