//! HTML ingest: `ingest::html::parse` on any UTF-8 text.
//!
//! Its documented contract, checked besides "no panic" (and, through
//! libFuzzer's -timeout, "linear time"):
//! - every block's line is a 1-based line of the source;
//! - every link's byte range lies within its block's text.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimcheck::ingest::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if common::skip_known() && common::hits_known_html_row_trim(src) {
        return;
    }
    let doc = html::parse(src);
    // the tokenizer also counts a lone CR as a line break
    let max_line = 1 + src.bytes().filter(|b| *b == b'\n' || *b == b'\r').count();
    for b in &doc.blocks {
        assert!(
            b.line >= 1 && b.line <= max_line,
            "block line {} outside the source's 1..={max_line}",
            b.line
        );
        for l in &b.links {
            assert!(
                l.start <= l.end && b.text.get(l.start..l.end).is_some(),
                "link range {}..{} is not a slice of the block text {:?}",
                l.start,
                l.end,
                b.text
            );
        }
    }
    std::hint::black_box(doc);
});
