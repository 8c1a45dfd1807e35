//! Monthly FX reference rates (units of currency per USD).

use crate::period::{Month, MonthRange};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FxFile {
    #[allow(dead_code)]
    pub version: u32,
    pub source: String,
    pub data_through: String,
    pub base: String,
    #[serde(default)]
    pub missing: BTreeMap<String, String>,
    pub rates: BTreeMap<String, BTreeMap<i32, Vec<Option<f64>>>>,
}

#[derive(Debug, Clone, Default)]
pub struct FxTable {
    pub source: String,
    pub data_through: String,
    /// currency -> month -> units per USD
    rates: BTreeMap<String, BTreeMap<Month, f64>>,
    pub missing: BTreeMap<String, String>,
    /// Rates the checked texts state, in the order learned (by path, then line).
    pub learned: Vec<LearnedRate>,
}

/// How a text gives a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateForm {
    /// Written out: "($1 = 0.9385 euros)", "at an exchange rate of 1,380 won per dollar".
    Stated,
    /// An amount and its translation in brackets: "NT$12.30 (US$0.41)"; the two amounts
    /// are themselves a pair of claims, never checked against their own rate.
    Translation,
}

/// An exchange rate read from a sentence: `value` units of `to` per one `from`, and the
/// two amounts it was read from (currency, amount with its scale), in text order.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRate {
    pub from: String,
    pub to: String,
    pub value: f64,
    pub form: RateForm,
    pub sides: [(String, f64); 2],
}

impl TextRate {
    /// Units of `to` per one `from`, when the rate is between those two currencies.
    pub fn between(&self, from: &str, to: &str) -> Option<f64> {
        if self.from == from && self.to == to {
            Some(self.value)
        } else if self.from == to && self.to == from {
            Some(1.0 / self.value)
        } else {
            None
        }
    }
}

/// A rate learned from an article: the rate, and the sentence that taught it.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnedRate {
    pub rate: TextRate,
    pub path: String,
    pub line: usize,
    pub sentence: String,
}

/// A rate used for a conversion, with the months it averages.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// Units of `to` per unit of `from`.
    pub value: f64,
    pub months: MonthRange,
}

impl FxTable {
    pub(crate) fn merge(&mut self, f: FxFile) -> Result<(), String> {
        if f.base != "USD" {
            return Err(format!("fx base must be USD, not {}", f.base));
        }
        self.source = f.source;
        self.data_through = f.data_through;
        self.missing.extend(f.missing);
        for (cur, years) in f.rates {
            let per = self.rates.entry(cur.clone()).or_default();
            for (y, months) in years {
                if months.len() != 12 {
                    return Err(format!("fx {cur} {y}: 12 monthly values expected"));
                }
                for (i, v) in months.into_iter().enumerate() {
                    if let Some(v) = v.filter(|v| *v > 0.0) {
                        per.insert(Month::new(y, i as u8 + 1), v);
                    }
                }
            }
        }
        self.rates.entry("USD".into()).or_default();
        Ok(())
    }

    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        self.rates.keys().map(|s| s.as_str())
    }

    pub fn coverage(&self, currency: &str) -> Option<(Month, Month)> {
        let m = self.rates.get(currency)?;
        Some((*m.keys().next()?, *m.keys().next_back()?))
    }

    fn per_usd(&self, currency: &str, m: Month) -> Option<f64> {
        if currency == "USD" {
            return Some(1.0);
        }
        self.rates.get(currency)?.get(&m).copied()
    }

    /// The median of the rates learned from the texts between `from` and `to` (units of
    /// `to` per `from`), rates written out before those implied by translations.
    pub fn learned_rate(&self, from: &str, to: &str) -> Option<f64> {
        let mut stated = Vec::new();
        let mut implied = Vec::new();
        for l in &self.learned {
            if let Some(v) = l.rate.between(from, to) {
                match l.rate.form {
                    RateForm::Stated => stated.push(v),
                    RateForm::Translation => implied.push(v),
                }
            }
        }
        let mut vs = if stated.is_empty() { implied } else { stated };
        vs.sort_by(f64::total_cmp);
        vs.get(vs.len().checked_sub(1)? / 2).copied()
    }

    /// The average rate `to` per `from` over the months of `range`; None when
    /// any currency has no data for those months.
    pub fn rate(&self, from: &str, to: &str, range: MonthRange) -> Option<Rate> {
        let mut sum = 0.0;
        let mut n = 0;
        let mut m = range.start;
        while m <= range.end {
            if let (Some(a), Some(b)) = (self.per_usd(from, m), self.per_usd(to, m)) {
                sum += b / a;
                n += 1;
            }
            m = m.plus(1);
        }
        (n > 0).then(|| Rate {
            value: sum / n as f64,
            months: range,
        })
    }
}
