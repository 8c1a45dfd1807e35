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
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    #[serde(default)]
    pub parts: Option<Parts>,
    #[serde(default)]
    pub changes: Option<Changes>,
    #[serde(default)]
    pub voice: Option<Voice>,
}

/// Words by which an article says whose figures it gives (see `voice` in
/// metrics.yaml): "the company reported", "released by Acme", "Acme's results",
/// and who compiled an estimate ("analysts polled by Fieldwire").
#[derive(Debug, Deserialize, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Nouns that, after "the" and a few modifiers, name the company ("the chip maker").
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Verbs by which a company states its figures ("Acme reported").
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Of `verbs`, those by which the company publishes its results ("reported").
    #[serde(default)]
    pub reports: Vec<String>,
    /// Words allowed between the company and its verb ("Acme on Tuesday reported").
    #[serde(default)]
    pub between: Vec<String>,
    /// Verbs of a company revising its own outlook ("Rivalco raised its forecast").
    #[serde(default)]
    pub revisions: Vec<String>,
    /// The outlook a revision verb is about ("forecast", "guidance").
    #[serde(default)]
    pub outlooks: Vec<String>,
    /// Participles of a passive statement ("released by Acme").
    #[serde(default)]
    pub by_verbs: Vec<String>,
    /// The company's documents ("Acme's quarterly results", "according to a release").
    #[serde(default)]
    pub documents: Vec<String>,
    /// Words before "by <name>" that name who compiled an estimate ("polled by").
    #[serde(default)]
    pub compiled: Vec<String>,
    /// Nouns of an estimate a provider's name goes before ("the Fieldwire consensus").
    #[serde(default)]
    pub estimates: Vec<String>,
    /// Capitalised words that name no provider ("Wall Street's estimate").
    #[serde(default)]
    pub not_providers: Vec<String>,
    /// Words by which the company speaks of itself ("We delivered revenue of ...").
    #[serde(default)]
    pub first_person: Vec<String>,
    /// Pronouns that refer back to what the text is about ("its margin"): the segment
    /// a paragraph is about when it has one, else the company.
    #[serde(default)]
    pub back_references: Vec<String>,
    /// Phrases by which the company gives a first estimate of results it reports in
    /// full later ("preliminary results", "estimated its quarterly profit"): the
    /// article's figures are then the preliminary ones.
    #[serde(default)]
    pub preliminary: Vec<String>,
}

/// Words that make a figure a change in a measure or an effect on it (see
/// `changes` in metrics.yaml).
#[derive(Debug, Deserialize, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub effects: Vec<String>,
    #[serde(default)]
    pub prices: Vec<String>,
    /// Words right after a figure that make it a bound, not a value: "rose by
    /// 30% or more", "a margin of 40% or higher".
    #[serde(default)]
    pub thresholds: Vec<String>,
    /// `verbs`, `effects`, `prices` and `thresholds` in [`cue_words`] form, made once.
    #[serde(skip)]
    pub verb_cues: Vec<String>,
    #[serde(skip)]
    pub effect_cues: Vec<String>,
    #[serde(skip)]
    pub price_cues: Vec<String>,
    #[serde(skip)]
    pub threshold_cues: Vec<String>,
}

/// Words that tell a part of a business the catalogue does not know from the
/// company itself (see `parts` in metrics.yaml).
#[derive(Debug, Deserialize, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// Nouns that name a part: "its payments business", "the lighting segment".
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Modifiers that name no particular part: "its core business".
    #[serde(default)]
    pub generic: Vec<String>,
    /// Capitalised words after a company's name that still name the company or
    /// a person, not a unit: "Acme Holdings", "Acme CEO".
    #[serde(default)]
    pub name_words: Vec<String>,
    /// Words of a lead line ("Financial highlights:") that name no part.
    #[serde(default)]
    pub generic_labels: Vec<String>,
    /// Verbs a measure follows ("guidance contemplates revenue of"): not the name of a
    /// line of business.
    #[serde(default)]
    pub verbs: Vec<String>,
}

/// Words beside a measure that make it a different number ("adjusted net
/// income", "net income attributable to shareholders", "basic EPS"): the
/// figure's metric takes the qualifier's id as its scope, so it is compared
/// only with figures that carry the same qualifier.
#[derive(Debug, Deserialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    /// The scope it sets.
    pub id: String,
    /// Cues among the few words just before the measure phrase, or opening its clause.
    #[serde(default)]
    pub before: Vec<String>,
    /// Cues between the measure phrase and the figure, or right after the figure.
    #[serde(default)]
    pub after: Vec<String>,
    /// The measures it applies to (empty: every measure).
    #[serde(default)]
    pub measures: Vec<String>,
    /// A lead line ending in a colon that holds a cue ("On a non-GAAP basis:")
    /// qualifies the bullets under it.
    #[serde(default)]
    pub lead: bool,
    /// The reading every unqualified figure has anyway, stated outright ("(GAAP)"):
    /// the claim keeps no scope, but is known to be stated as that reading.
    #[serde(default)]
    pub default: bool,
    /// A qualifier that says when a figure was announced ("preliminary"), not which
    /// line of the accounts it is: its figures' levels equal the final ones by nature,
    /// so an equal level tells nothing about which line a writer quoted.
    #[serde(default)]
    pub timing: bool,
    /// `before` and `after` in [`cue_words`] form, made once when the file is read.
    #[serde(skip)]
    pub before_cues: Vec<String>,
    #[serde(skip)]
    pub after_cues: Vec<String>,
}

impl Qualifier {
    /// Whether the qualifier applies to a measure.
    pub fn applies_to(&self, measure: &str) -> bool {
        self.measures.is_empty() || self.measures.iter().any(|m| m == measure)
    }
}

/// A text cut to words for cue matching: lower case, punctuation other than
/// hyphens and brackets turned to spaces, padded with a space each side (so a
/// cue found in a text is found as whole words).
pub fn cue_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '(' | ')') {
            out.extend(c.to_lowercase());
        } else if c == '*' || c == '\u{2020}' {
            // a footnote mark ("non-GAAP(*)") is no word break
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    // ... nor are the brackets left around it
    if out.contains("()") {
        out = out.replace("()", "");
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

fn cues(words: &[String]) -> Vec<String> {
    words.iter().map(|w| cue_words(w)).collect()
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
    #[serde(default)]
    pub counted: Vec<String>,
    #[serde(default)]
    pub ratio_of: Option<[String; 2]>,
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
    /// Nouns a count of this measure is followed by ("9,000 people").
    pub counted: Vec<String>,
    /// For a margin, the measures it divides: numerator and denominator
    /// (gross margin = gross profit / revenue).
    pub ratio_of: Option<[String; 2]>,
    /// The synonyms in [`cue_words`] form.
    pub synonym_cues: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub subjects: BTreeMap<String, Vec<String>>,
    pub measures: BTreeMap<String, Measure>,
    pub scopes: BTreeMap<String, Vec<String>>,
    /// subject -> the subject it is part of
    pub part_of: BTreeMap<String, String>,
    pub qualifiers: Vec<Qualifier>,
    pub parts: Parts,
    pub changes: Changes,
    pub voice: Voice,
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
        if let Some(p) = f.parts {
            self.parts.nouns.extend(p.nouns);
            self.parts.generic.extend(p.generic);
            self.parts.name_words.extend(p.name_words);
            self.parts.generic_labels.extend(p.generic_labels);
            self.parts.verbs.extend(p.verbs);
        }
        if let Some(c) = f.changes {
            self.changes.verbs.extend(c.verbs);
            self.changes.effects.extend(c.effects);
            self.changes.prices.extend(c.prices);
            self.changes.thresholds.extend(c.thresholds);
            self.changes.verb_cues = cues(&self.changes.verbs);
            self.changes.effect_cues = cues(&self.changes.effects);
            self.changes.price_cues = cues(&self.changes.prices);
            self.changes.threshold_cues = cues(&self.changes.thresholds);
        }
        if let Some(v) = f.voice {
            let lower = |w: Vec<String>| w.into_iter().map(|s| s.to_lowercase());
            self.voice.speakers.extend(lower(v.speakers));
            self.voice.verbs.extend(lower(v.verbs));
            self.voice.reports.extend(lower(v.reports));
            self.voice.between.extend(lower(v.between));
            self.voice.by_verbs.extend(lower(v.by_verbs));
            self.voice.revisions.extend(lower(v.revisions));
            self.voice.outlooks.extend(lower(v.outlooks));
            self.voice.documents.extend(lower(v.documents));
            self.voice.compiled.extend(lower(v.compiled));
            self.voice.estimates.extend(lower(v.estimates));
            self.voice.not_providers.extend(lower(v.not_providers));
            self.voice.first_person.extend(lower(v.first_person));
            self.voice.back_references.extend(lower(v.back_references));
            self.voice.preliminary.extend(lower(v.preliminary));
        }
        for mut q in f.qualifiers {
            q.before_cues = cues(&q.before);
            q.after_cues = cues(&q.after);
            if q.before.is_empty() && q.after.is_empty() {
                return Err(format!("qualifier {}: no `before` or `after` cues", q.id));
            }
            // a qualifier is a scope of its own, named by no geography word
            self.scopes.entry(q.id.clone()).or_default();
            self.qualifiers.retain(|o| o.id != q.id);
            self.qualifiers.push(q);
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
                    synonym_cues: cues(&m.synonyms),
                    synonyms: m.synonyms,
                    kinds,
                    class,
                    company_level: m.company_level,
                    counted: m.counted,
                    ratio_of: m.ratio_of,
                },
            );
        }
        Ok(())
    }

    /// Whether a scope is a qualifier that is the default reading stated outright ("gaap").
    pub fn is_default_scope(&self, scope: &str) -> bool {
        self.qualifiers.iter().any(|q| q.default && q.id == scope)
    }

    /// Whether a scope is a qualifier that a writer may leave out ("non-gaap": an
    /// adjusted figure is often given as plain "EPS").
    pub fn is_droppable_scope(&self, scope: &str) -> bool {
        self.qualifiers.iter().any(|q| !q.default && q.id == scope)
    }

    /// Whether a scope names a line of the accounts of its own (continuing operations,
    /// non-GAAP), so that a level equal to its figure shows which line a writer quoted.
    pub fn is_line_scope(&self, scope: &str) -> bool {
        self.qualifiers
            .iter()
            .any(|q| !q.default && !q.timing && q.id == scope)
    }

    /// Whether a measure is always the company's (spending, per-share and
    /// shareholder-return measures).
    pub fn is_company_level(&self, measure: &str) -> bool {
        self.measures.get(measure).is_some_and(|d| d.company_level)
    }

    /// Checks that a metric id is built from known parts; the error says which part is unknown.
    pub fn validate(&self, id: &MetricId) -> Result<(), String> {
        // "text-international-game": a part named from an article's own words
        let named = id.subject.strip_prefix("text-").is_some_and(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        if !named && !self.subjects.contains_key(&id.subject) {
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
