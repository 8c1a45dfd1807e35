//! The metric catalogue: subjects, measures, scopes and their synonyms.

use crate::model::{Kind, MetricId};
use crate::period::PeriodClass;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricsFile {
    #[allow(dead_code)]
    pub version: u32,
    #[serde(default)]
    pub subjects: Vec<Term>,
    #[serde(default)]
    pub measures: Vec<MeasureDef>,
    #[serde(default)]
    pub scopes: Vec<Term>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// A subject that is part of another (a segment's sub-line): not summed with segments.
    #[serde(default)]
    pub part_of: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct MeasureDef {
    pub id: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    pub kinds: Vec<String>,
    pub period: String,
    #[serde(default)]
    pub company_level: bool,
}

/// A measure with its parsed kinds and period class.
#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    pub synonyms: Vec<String>,
    pub kinds: Vec<Kind>,
    pub class: PeriodClass,
    /// The subject is always the company (spending measures).
    pub company_level: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub subjects: BTreeMap<String, Vec<String>>,
    pub measures: BTreeMap<String, Measure>,
    pub scopes: BTreeMap<String, Vec<String>>,
    /// subject -> the subject it is part of
    pub part_of: BTreeMap<String, String>,
}

pub(crate) fn parse_class(s: &str) -> Option<PeriodClass> {
    Some(match s {
        "flow" => PeriodClass::Flow,
        "stock" => PeriodClass::Stock,
        "ratio" => PeriodClass::Ratio,
        "plan" => PeriodClass::Plan,
        _ => return None,
    })
}

impl Catalogue {
    pub(crate) fn merge(&mut self, f: MetricsFile) -> Result<(), String> {
        for t in f.subjects {
            if let Some(p) = t.part_of {
                self.part_of.insert(t.id.clone(), p);
            }
            self.subjects.insert(t.id, t.synonyms);
        }
        for t in f.scopes {
            self.scopes.insert(t.id, t.synonyms);
        }
        for m in f.measures {
            let kinds = m
                .kinds
                .iter()
                .map(|k| {
                    Kind::parse(k).ok_or_else(|| format!("measure {}: unknown kind '{k}'", m.id))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let class = parse_class(&m.period).ok_or_else(|| {
                format!(
                    "measure {}: unknown period class '{}' (flow, stock, ratio, plan)",
                    m.id, m.period
                )
            })?;
            self.measures.insert(
                m.id.clone(),
                Measure {
                    id: m.id,
                    synonyms: m.synonyms,
                    kinds,
                    class,
                    company_level: m.company_level,
                },
            );
        }
        Ok(())
    }

    /// Checks that a metric id is built from known parts; the error says which part is unknown.
    pub fn validate(&self, id: &MetricId) -> Result<(), String> {
        if !self.subjects.contains_key(&id.subject) {
            return Err(format!("unknown subject '{}' in metric '{id}'", id.subject));
        }
        if !self.measures.contains_key(&id.measure) {
            return Err(format!("unknown measure '{}' in metric '{id}'", id.measure));
        }
        if let Some(s) = &id.scope {
            if !self.scopes.contains_key(s) {
                return Err(format!("unknown scope '{s}' in metric '{id}'"));
            }
        }
        Ok(())
    }

    pub fn class_of(&self, id: &MetricId) -> PeriodClass {
        self.measures
            .get(&id.measure)
            .map(|m| m.class)
            .unwrap_or_default()
    }
}
