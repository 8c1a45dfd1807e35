//! `sources.yaml`: metadata for the articles in a folder.

use crate::error::{read_text, Error, Result};
use crate::model::ArticleMeta;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    sources: Vec<ManifestEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    file: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    published: Option<serde_yaml::Value>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    primary: bool,
}

/// Metadata by file name.
pub type Manifest = BTreeMap<String, ArticleMeta>;

pub fn load(path: &Path) -> Result<Manifest> {
    let text = read_text(path)?;
    let m: ManifestFile = crate::error::from_yaml(path, &text)?;
    let mut out = Manifest::new();
    // the line of each `file:` entry, for error messages (first occurrence wins)
    let mut file_lines: HashMap<&str, usize> = HashMap::new();
    for (i, l) in text.lines().enumerate() {
        if let Some((_, v)) = l.split_once("file:") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            file_lines.entry(v).or_insert(i + 1);
        }
    }
    for e in m.sources {
        let line = file_lines.get(e.file.as_str()).copied().unwrap_or_else(|| {
            text.lines()
                .position(|l| l.contains(&e.file))
                .map_or(1, |i| i + 1)
        });
        let published = match &e.published {
            None | Some(serde_yaml::Value::Null) => None,
            Some(serde_yaml::Value::String(s)) => Some(s.trim().parse().map_err(|_| {
                Error::invalid(
                    path,
                    line,
                    format!("{}: published '{s}' is not a date (YYYY-MM-DD)", e.file),
                )
            })?),
            Some(_) => {
                return Err(Error::invalid(
                    path,
                    line,
                    format!("{}: published must be a date (YYYY-MM-DD)", e.file),
                ))
            }
        };
        out.insert(
            e.file.clone(),
            ArticleMeta {
                title: e.title,
                outlet: e.outlet,
                author: e.author,
                published,
                entity: e.entity,
                url: e.url,
                primary: e.primary,
            },
        );
    }
    Ok(out)
}
