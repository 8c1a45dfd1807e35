//! The vocabulary of results tables (claims/knowledge/tables.yaml): change
//! column labels, direction words of change cells, empty cells, point units.

use crate::model::Basis;
use serde::Deserialize;
use std::sync::LazyLock;

const TABLES: &str = include_str!("../../claims/knowledge/tables.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    version: u32,
    change_columns: ChangeColumns,
    direction_words: Directions,
    empty_cells: Vec<String>,
    point_units: Vec<String>,
    basis_point_units: Vec<String>,
    basis_columns: BasisColumns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BasisColumns {
    actual: Vec<String>,
    estimate: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeColumns {
    yoy: Vec<String>,
    qoq: Vec<String>,
    either: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Directions {
    up: Vec<String>,
    down: Vec<String>,
    flat: Vec<String>,
}

/// What a change column compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeBasis {
    Known(Basis),
    /// "Change", "% change": read from the period columns.
    FromPeriods,
}

/// The direction a change cell's word gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// The vocabulary, lower case.
#[derive(Debug)]
pub struct TableWords {
    /// Change column labels, longest first (by words), with what they compare.
    changes: Vec<(Vec<String>, ChangeBasis)>,
    up: Vec<String>,
    down: Vec<String>,
    flat: Vec<String>,
    empty: Vec<String>,
    points: Vec<String>,
    basis_points: Vec<String>,
    actual: Vec<String>,
    estimate: Vec<String>,
}

fn lower(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

impl TableWords {
    fn parse(text: &str) -> TableWords {
        let f: File = serde_yaml::from_str(text).expect("claims/knowledge/tables.yaml is valid");
        let mut changes: Vec<(Vec<String>, ChangeBasis)> = Vec::new();
        for (list, basis) in [
            (f.change_columns.yoy, ChangeBasis::Known(Basis::Yoy)),
            (f.change_columns.qoq, ChangeBasis::Known(Basis::Qoq)),
            (f.change_columns.either, ChangeBasis::FromPeriods),
        ] {
            for label in list {
                let words = label
                    .to_lowercase()
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                changes.push((words, basis));
            }
        }
        changes.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        TableWords {
            changes,
            up: lower(f.direction_words.up),
            down: lower(f.direction_words.down),
            flat: lower(f.direction_words.flat),
            empty: lower(f.empty_cells),
            points: lower(f.point_units),
            basis_points: lower(f.basis_point_units),
            actual: lower(f.basis_columns.actual),
            estimate: lower(f.basis_columns.estimate),
        }
    }

    /// The change column label opening `words` (lower case): its basis and how many words it takes.
    pub fn change_label(&self, words: &[&str]) -> Option<(ChangeBasis, usize)> {
        self.changes.iter().find_map(|(label, basis)| {
            (words.len() >= label.len()
                && label.iter().zip(words).all(|(l, w)| l == &w.to_lowercase()))
            .then_some((*basis, label.len()))
        })
    }

    pub fn direction(&self, word: &str) -> Option<Direction> {
        let w = word.to_lowercase();
        if self.up.contains(&w) {
            Some(Direction::Up)
        } else if self.down.contains(&w) {
            Some(Direction::Down)
        } else if self.flat.contains(&w) {
            Some(Direction::Flat)
        } else {
            None
        }
    }

    pub fn is_empty_cell(&self, word: &str) -> bool {
        self.empty.contains(&word.to_lowercase())
    }

    pub fn is_point_unit(&self, word: &str) -> bool {
        self.points.contains(&word.to_lowercase())
    }

    /// Whether a column label (whole) names an estimate column ("Analyst Estimate").
    pub fn is_estimate_column(&self, label: &str) -> bool {
        let l = label.split_whitespace().collect::<Vec<_>>().join(" ");
        self.estimate.contains(&l.to_lowercase())
    }

    /// Whether a word says a period column holds actual figures ("Q3 2025 Actual").
    pub fn is_actual_word(&self, word: &str) -> bool {
        self.actual.contains(&word.to_lowercase())
    }

    pub fn is_basis_point_unit(&self, word: &str) -> bool {
        self.basis_points.contains(&word.to_lowercase())
    }
}

/// The embedded table vocabulary.
pub static WORDS: LazyLock<TableWords> = LazyLock::new(|| TableWords::parse(TABLES));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_loads_and_reads_labels() {
        let w = &*WORDS;
        assert_eq!(
            w.change_label(&["Y/Y", "Q2"]),
            Some((ChangeBasis::Known(Basis::Yoy), 1))
        );
        assert_eq!(
            w.change_label(&["%", "change", "Revenue"]),
            Some((ChangeBasis::FromPeriods, 2))
        );
        assert_eq!(w.change_label(&["Revenue"]), None);
        assert_eq!(w.direction("Down"), Some(Direction::Down));
        assert!(w.is_empty_cell("n/a") && w.is_point_unit("ppts"));
        assert!(w.is_estimate_column("Analyst  Estimate") && !w.is_estimate_column("Revenue"));
        assert!(w.is_actual_word("Actual") && !w.is_actual_word("Q3"));
    }
}
