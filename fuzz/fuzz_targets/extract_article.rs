//! A raw article (text, Markdown or HTML) through the whole pipeline:
//! extraction, the graph and rule stages, and a report rendering.
//!
//! Input: one selector byte, then the article's bytes.
//! Selector bits 0-1: the file kind (txt, md, html, htm);
//! bits 2-4: the report format; bit 5: also run `extract::article` (fresh
//! lexicon, the public one-shot entry point) instead of the cached lexicon.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimcheck::error::decode_text;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let path = Path::new(match sel & 3 {
        0 => "fuzz.txt",
        1 => "fuzz.md",
        2 => "fuzz.html",
        _ => "fuzz.htm",
    });
    // as `read_text` does: UTF-8 only, a byte-order mark dropped
    let Ok(text) = decode_text(path, body.to_vec()) else {
        return;
    };
    if common::skip_known()
        && (common::hits_known_number_word_slice(&text)
            || (sel & 2 != 0 && common::hits_known_html_row_trim(&text)))
    {
        return;
    }
    let k = common::knowledge();
    let (article, claims, learned) = if sel & 0x20 != 0 {
        let (a, c) = claimcheck::extract::article(path, &text, None, k);
        (a, c, vec![])
    } else {
        let e = claimcheck::extract::extract(path, &text, None, k, common::lexicon());
        (e.article, e.claims, e.learned)
    };
    common::debug(|| format!("{}: {} claims", path.display(), claims.len()));
    if let Some(err) = common::claim_file_round_trip(&article, &claims) {
        common::debug(|| format!("round trip failed: {err}"));
        if common::strict() {
            panic!("extracted claim file does not load back: {err}");
        }
    }
    let corpus = common::corpus(vec![(article, claims)], learned);
    common::analyze_and_render(corpus, (sel >> 2) & 7);
});
