//! An article: its text (when available), metadata and printed source list.

use jiff::civil::Date;
use serde::Serialize;
use std::path::PathBuf;

/// Metadata about an article, from a manifest, front matter, a claim file or the text itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    #[serde(serialize_with = "ser_date")]
    pub published: Option<Date>,
    pub entity: Option<String>,
    pub url: Option<String>,
    /// The company's own release or filing: its figures are the reference.
    pub primary: bool,
}

fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// An entry of an article's printed source list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SourceEntry {
    pub marker: String,
    pub line: usize,
    pub title: String,
    pub url: Option<String>,
}

impl SourceEntry {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.url.is_none()
    }
}

/// A citation marker as it occurs in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MarkerUse {
    pub marker: String,
    pub line: usize,
    pub column: usize,
}

/// An article and everything known about it.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The path as shown to users.
    pub path: PathBuf,
    /// The text, split in lines (no line terminators), when the article could be read.
    pub lines: Option<Vec<String>>,
    pub meta: ArticleMeta,
    pub sources: Vec<SourceEntry>,
    /// Whether the article printed a source list at all.
    pub has_source_list: bool,
    /// Line of the source list heading, when printed.
    pub source_list_line: Option<usize>,
    /// Citation markers found in the text.
    pub markers: Vec<MarkerUse>,
    /// Where the claims came from: a curated claim file, or extraction.
    pub claims_from: Option<PathBuf>,
    /// Lines where findings of some rules are not reported.
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// What extraction refused to read, and why (a table whose cells do not fit its header).
    pub notes: Vec<Note>,
}

/// Something extraction left unread in an article, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// 1-based line.
    pub line: usize,
    pub message: String,
}

impl Article {
    pub fn line(&self, n: usize) -> Option<&str> {
        self.lines
            .as_ref()?
            .get(n.checked_sub(1)?)
            .map(|s| s.as_str())
    }

    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }

    pub fn source(&self, marker: &str) -> Option<&SourceEntry> {
        self.sources.iter().find(|s| s.marker == marker)
    }
}
