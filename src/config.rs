//! `claimcheck.yaml`: project configuration, found upward from the working
//! directory (or given with `--config`). Strict: unknown keys and bad values
//! are errors naming file:line.

use crate::error::{read_text, Error, Result};
use crate::rules::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "claimcheck.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    tolerances: Tolerances,
    #[serde(default)]
    knowledge: Vec<String>,
    #[serde(default, rename = "fail-on")]
    fail_on: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RuleSetting {
    /// `off` / `on`, or a severity: `warning`
    Word(String),
    Bool(bool),
    Full(RuleTable),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleTable {
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    severity: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tolerances {
    #[serde(default)]
    fx: Option<f64>,
}

/// What a configuration file says.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub disabled: Vec<String>,
    pub severities: BTreeMap<String, Severity>,
    pub fx_tolerance: Option<f64>,
    /// Knowledge folders, resolved against the configuration file's folder.
    pub knowledge: Vec<PathBuf>,
    /// `None` when not set; `Some(None)` for `never`.
    pub fail_on: Option<Option<Severity>>,
}

/// The nearest `claimcheck.yaml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        dir = d.parent();
    }
    None
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or(1)
}

/// Loads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config> {
    let text = read_text(path)?;
    let file: ConfigFile = if text.trim().is_empty() {
        ConfigFile {
            rules: BTreeMap::new(),
            tolerances: Tolerances::default(),
            knowledge: vec![],
            fail_on: None,
        }
    } else {
        crate::error::from_yaml(path, &text)?
    };
    let known: Vec<&str> = crate::rules::registry().iter().map(|r| r.id()).collect();
    let mut cfg = Config {
        path: Some(path.to_path_buf()),
        ..Default::default()
    };
    for (rule, setting) in &file.rules {
        let line = line_of(&text, rule);
        if !known.contains(&rule.as_str()) {
            return Err(Error::invalid(
                path,
                line,
                format!("rules: no rule '{rule}'; rules: {}", known.join(", ")),
            ));
        }
        let bad = |v: &str| {
            Error::invalid(
                path,
                line,
                format!("rules.{rule}: '{v}' is not on, off, error, warning or info"),
            )
        };
        match setting {
            RuleSetting::Bool(false) => cfg.disabled.push(rule.clone()),
            RuleSetting::Bool(true) => {}
            RuleSetting::Word(w) => match w.as_str() {
                "off" | "false" | "no" => cfg.disabled.push(rule.clone()),
                "on" | "true" | "yes" => {}
                s => {
                    cfg.severities
                        .insert(rule.clone(), Severity::parse(s).ok_or_else(|| bad(s))?);
                }
            },
            RuleSetting::Full(t) => {
                if !t.enabled {
                    cfg.disabled.push(rule.clone());
                }
                if let Some(s) = &t.severity {
                    cfg.severities
                        .insert(rule.clone(), Severity::parse(s).ok_or_else(|| bad(s))?);
                }
            }
        }
    }
    if let Some(fx) = file.tolerances.fx {
        if !(0.0..1.0).contains(&fx) {
            return Err(Error::invalid(
                path,
                line_of(&text, "fx"),
                "tolerances.fx must be between 0 and 1 (0.05 = 5%)",
            ));
        }
        cfg.fx_tolerance = Some(fx);
    }
    let base = path.parent().unwrap_or(Path::new("."));
    for k in &file.knowledge {
        let dir = base.join(k);
        if !dir.is_dir() {
            return Err(Error::invalid(
                path,
                line_of(&text, k),
                format!("knowledge: '{k}' is not a folder"),
            ));
        }
        cfg.knowledge.push(dir);
    }
    if let Some(f) = &file.fail_on {
        let line = line_of(&text, "fail-on");
        cfg.fail_on = Some(match f.as_str() {
            "never" => None,
            s => Some(Severity::parse(s).ok_or_else(|| {
                Error::invalid(
                    path,
                    line,
                    format!("fail-on: '{s}' is not error, warning, info or never"),
                )
            })?),
        });
    }
    Ok(cfg)
}

impl Config {
    /// Applies the configuration to check options (command-line flags are applied after).
    pub fn apply(&self, opts: &mut crate::Options) {
        opts.disabled.extend(self.disabled.iter().cloned());
        opts.severities.extend(self.severities.clone());
        if let Some(fx) = self.fx_tolerance {
            opts.rules.fx_tolerance = fx;
        }
        opts.knowledge_dirs.extend(self.knowledge.iter().cloned());
    }
}

/// What the command line says about the check, before it is resolved
/// against the configuration. `check` and `gate` share it.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    /// `--config FILE`; else a `claimcheck.yaml` among the paths; else the
    /// nearest one from `cwd` upward.
    pub config: Option<PathBuf>,
    pub knowledge: Vec<PathBuf>,
    pub disable: Vec<String>,
    pub fx_tolerance: Option<f64>,
}

/// Options resolved from flags and configuration (flags win), validated in one place.
#[derive(Debug, Default, Clone)]
pub struct Resolved {
    pub options: crate::Options,
    pub config: Config,
}

/// Resolves the flags of `check` or `gate`: finds and loads the
/// configuration, checks rule names and the tolerance, and removes a
/// `claimcheck.yaml` named among `paths` (it is the configuration, not an
/// input).
pub fn resolve(flags: &Flags, paths: &mut Vec<PathBuf>, cwd: &Path) -> Result<Resolved> {
    let named: Vec<PathBuf> = paths
        .iter()
        .filter(|p| crate::ingest::is_config(p) && p.is_file())
        .cloned()
        .collect();
    paths.retain(|p| !named.contains(p));
    if named.len() > 1 || (flags.config.is_some() && !named.is_empty()) {
        return Err(Error::Usage(
            "more than one configuration given (--config, or a claimcheck.yaml among the paths)"
                .into(),
        ));
    }
    let path = flags
        .config
        .clone()
        .or_else(|| named.into_iter().next())
        .or_else(|| find(cwd));
    let config = match path {
        Some(p) => load(&p)?,
        None => Config::default(),
    };
    let known: Vec<&str> = crate::rules::registry().iter().map(|r| r.id()).collect();
    for d in &flags.disable {
        if !known.contains(&d.as_str()) {
            return Err(Error::Usage(format!(
                "--disable: no rule '{d}'; rules: {}",
                known.join(", ")
            )));
        }
    }
    if flags.fx_tolerance.is_some_and(|t| !(0.0..1.0).contains(&t)) {
        return Err(Error::Usage(
            "--fx-tolerance must be between 0 and 1 (0.05 = 5%)".into(),
        ));
    }
    let mut options = crate::Options::default();
    config.apply(&mut options);
    options
        .knowledge_dirs
        .extend(flags.knowledge.iter().cloned());
    options.disabled.extend(flags.disable.iter().cloned());
    if let Some(t) = flags.fx_tolerance {
        options.rules.fx_tolerance = t;
    }
    Ok(Resolved { options, config })
}
