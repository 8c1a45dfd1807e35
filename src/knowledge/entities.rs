//! Entities: names, aliases, fiscal calendars and reporting currencies.

use crate::period::FiscalCalendar;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntitiesFile {
    #[allow(dead_code)]
    pub version: u32,
    pub entities: Vec<EntityDef>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityDef {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default = "december")]
    pub fiscal_year_end: u8,
    #[serde(default)]
    pub fiscal_year_named_by: Option<String>,
    #[serde(default)]
    pub quarter_labels: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub reporting_lag_days: Option<(i64, i64)>,
}

fn december() -> u8 {
    12
}

/// Where an entity's fiscal calendar came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarSource {
    Knowledge,
    /// Learned from a sentence in an article: (path, line, sentence).
    Learned {
        path: String,
        line: usize,
        sentence: String,
    },
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub calendar: FiscalCalendar,
    pub currency: Option<String>,
    pub source: CalendarSource,
}

#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub list: BTreeMap<String, Entity>,
    index: BTreeMap<String, String>,
}

/// Lower case, no possessive, no corporate suffix, single spaces.
pub fn normalize_name(s: &str) -> String {
    let mut t = s
        .trim()
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_lowercase();
    for suffix in [
        " inc.",
        " inc",
        " corp.",
        " corp",
        " corporation",
        " co.",
        " ltd.",
        " ltd",
        " plc",
        " holdings",
        " holding",
        " group",
        " limited",
        " ag",
        " se",
        " sa",
        " n.v.",
    ] {
        if t.ends_with(suffix) && t.len() > suffix.len() + 1 {
            t.truncate(t.len() - suffix.len());
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Entities {
    pub(crate) fn merge(&mut self, f: EntitiesFile) -> Result<(), String> {
        for d in f.entities {
            if !(1..=12).contains(&d.fiscal_year_end) {
                return Err(format!(
                    "entity {}: fiscal_year_end must be a month 1-12",
                    d.name
                ));
            }
            let named_by_start = match d.fiscal_year_named_by.as_deref() {
                None | Some("end") => false,
                Some("start") => true,
                Some(o) => {
                    return Err(format!(
                        "entity {}: fiscal_year_named_by '{o}' (start or end)",
                        d.name
                    ))
                }
            };
            let bare_fiscal = match d.quarter_labels.as_deref() {
                None => d.fiscal_year_end != 12,
                Some("fiscal") => true,
                Some("calendar") => false,
                Some(o) => {
                    return Err(format!(
                        "entity {}: quarter_labels '{o}' (fiscal or calendar)",
                        d.name
                    ))
                }
            };
            let mut calendar = FiscalCalendar {
                fy_end: d.fiscal_year_end,
                named_by_start,
                bare_fiscal,
                known: true,
                ..Default::default()
            };
            if let Some((a, b)) = d.reporting_lag_days {
                if a < 0 || b < a || b > 730 {
                    return Err(format!(
                        "entity {}: reporting_lag_days must be [earliest, latest], within 0..=730 days",
                        d.name
                    ));
                }
                calendar.lag_days = (a, b);
            }
            self.insert(Entity {
                name: d.name,
                aliases: d.aliases,
                calendar,
                currency: d.currency,
                source: CalendarSource::Knowledge,
            });
        }
        Ok(())
    }

    pub fn insert(&mut self, e: Entity) {
        self.index.insert(normalize_name(&e.name), e.name.clone());
        for a in &e.aliases {
            self.index.insert(normalize_name(a), e.name.clone());
        }
        self.list.insert(e.name.clone(), e);
    }

    /// The canonical name of a known entity, by name or alias.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.index.get(&normalize_name(name)).map(|s| s.as_str())
    }

    pub fn get(&self, name: &str) -> Option<&Entity> {
        self.canonical(name).and_then(|c| self.list.get(c))
    }

    /// Every name and alias, with its canonical entity (for finding names in text).
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.list.values().flat_map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(|a| a.as_str()))
                .map(move |n| (n, e.name.as_str()))
        })
    }

    pub fn calendar(&self, name: &str) -> FiscalCalendar {
        self.get(name)
            .map(|e| e.calendar.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_lags_are_bounded() {
        // found by fuzzing: a huge lag overflowed the date arithmetic
        let file = |lag: &str| -> EntitiesFile {
            serde_yaml::from_str(&format!(
                "version: 1\nentities:\n  - name: Norrvik Freight\n    fiscal_year_end: 3\n    reporting_lag_days: {lag}\n"
            ))
            .expect("entities yaml")
        };
        assert!(Entities::default().merge(file("[14, 60]")).is_ok());
        let e = Entities::default().merge(file("[0, 8000000]")).unwrap_err();
        assert!(e.contains("0..=730"), "{e}");
        assert!(Entities::default().merge(file("[30, 10]")).is_err());
    }

    #[test]
    fn names_normalize() {
        assert_eq!(normalize_name("Acme Corp."), "acme");
        assert_eq!(normalize_name("Acme's"), "acme");
        assert_eq!(normalize_name("  Acme   Holdings "), "acme");
    }
}
