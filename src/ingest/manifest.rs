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
    load_with_warnings(path).map(|(m, _)| m)
}

/// Loads a manifest; an entry for a file that is not in its folder is a
/// warning (the rest of the manifest still applies).
pub fn load_with_warnings(path: &Path) -> Result<(Manifest, Vec<Error>)> {
    let text = read_text(path)?;
    let shape = "sources.yaml must be a mapping with a `sources:` list of entries, each with \
a `file:` (and optionally title, outlet, author, published, entity, url, primary)";
    match serde_yaml::from_str::<serde_yaml::Value>(&text) {
        Err(e) => return Err(Error::yaml(path, &e)),
        Ok(serde_yaml::Value::Mapping(m)) if m.contains_key("sources") => {}
        Ok(serde_yaml::Value::Null) => return Ok((Manifest::new(), vec![])),
        Ok(serde_yaml::Value::Sequence(_)) => {
            return Err(Error::invalid(
                path,
                1,
                format!(
                "a list at the top; {shape}: `sources:` on the first line, then the list under it"
            ),
            ))
        }
        Ok(_) => return Err(Error::invalid(path, 1, shape)),
    }
    let m: ManifestFile = crate::error::from_yaml(path, &text)?;
    let mut warnings = Vec::new();
    let dir = path.parent().unwrap_or(Path::new(""));
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
        if !dir.join(&e.file).exists() {
            warnings.push(Error::invalid(
                path,
                line,
                format!("an entry for '{}', which is not in this folder", e.file),
            ));
        }
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
    Ok((out, warnings))
}
