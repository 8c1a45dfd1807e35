//! Claim files: `ingest::claimfile::load_str`, and when the file loads, the
//! graph and rule stages and a report on it.
//!
//! Input: one selector byte (bits 0-2: report format), then the claim file
//! (UTF-8); optionally a NUL byte and then the text of the article it
//! describes (standing in for the article file `load_str` would read).
//!
//! The article path is taken relative to a folder that does not exist, and a
//! claim file whose article path is absolute or climbs out with `..` is
//! skipped: the target never reads a real file (say /dev/zero).
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimcheck::ingest::claimfile::{load_str, ClaimFile};
use claimcheck::ingest::split_lines;
use libfuzzer_sys::fuzz_target;
use std::path::{Component, Path};

fn reads_outside(yaml: &str) -> bool {
    match serde_yaml::from_str::<ClaimFile>(yaml) {
        Ok(f) => Path::new(&f.article.path)
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)),
        // load_str fails on it too, before reading anything
        Err(_) => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let (yaml, article) = match body.iter().position(|b| *b == 0) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let Ok(yaml) = std::str::from_utf8(yaml) else {
        return;
    };
    let article = article.and_then(|a| std::str::from_utf8(a).ok());
    if reads_outside(yaml) {
        return;
    }
    let (mut a, claims) = match load_str(
        Path::new("fuzz.claims.yaml"),
        yaml,
        Path::new(common::NO_SUCH_BASE),
        common::knowledge(),
    ) {
        Ok(loaded) => loaded,
        Err(e) => {
            common::debug(|| format!("claim file rejected: {e}"));
            return;
        }
    };
    common::debug(|| format!("claim file loaded: {} claims", claims.len()));
    if let Some(t) = article {
        a.lines = Some(split_lines(t));
    }
    let corpus = common::corpus(vec![(a, claims)], vec![]);
    common::analyze_and_render(corpus, sel & 7);
});
