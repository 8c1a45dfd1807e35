//! Extraction: raw articles in, claims out.

use crate::knowledge::Knowledge;
use crate::model::{Article, ArticleMeta, Claim};
use std::path::Path;

/// Reads a raw article into an article and its claims.
pub fn article(
    path: &Path,
    text: &str,
    meta: Option<ArticleMeta>,
    _knowledge: &Knowledge,
) -> (Article, Vec<Claim>) {
    let lines = crate::ingest::split_lines(text);
    let article = Article {
        path: path.to_path_buf(),
        lines: Some(lines),
        meta: meta.unwrap_or_default(),
        ..Default::default()
    };
    (article, Vec::new())
}
