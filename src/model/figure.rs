//! A figure: value (exact, with precision), unit, scale and qualifier.

use super::number::Decimal;
use serde::Serialize;
use std::fmt;

/// What a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Percent,
    /// Percentage points ("pp"): a difference of percents, never a percent.
    Pp,
    /// Basis points: 1/100 of a percentage point.
    Bp,
    Count,
    /// "the Nth consecutive quarter"
    Streak,
    /// "3x", "doubled"
    Multiple,
    /// ISO 4217 code, upper case.
    #[serde(untagged)]
    Currency(String),
}

impl Unit {
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "percent" | "%" => Unit::Percent,
            "pp" | "percentage-points" => Unit::Pp,
            "bp" | "basis-points" => Unit::Bp,
            "count" => Unit::Count,
            "streak" => Unit::Streak,
            "multiple" => Unit::Multiple,
            c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                Unit::Currency(c.to_string())
            }
            _ => return None,
        })
    }

    pub fn currency(&self) -> Option<&str> {
        match self {
            Unit::Currency(c) => Some(c),
            _ => None,
        }
    }

    /// Units whose figures can be compared directly (same unit), or through FX (currencies).
    pub fn family(&self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Pp => "pp",
            Unit::Bp => "bp",
            Unit::Count => "count",
            Unit::Streak => "streak",
            Unit::Multiple => "multiple",
            Unit::Currency(_) => "money",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Percent => f.write_str("percent"),
            Unit::Pp => f.write_str("pp"),
            Unit::Bp => f.write_str("bp"),
            Unit::Count => f.write_str("count"),
            Unit::Streak => f.write_str("streak"),
            Unit::Multiple => f.write_str("multiple"),
            Unit::Currency(c) => f.write_str(c),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    #[default]
    One,
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Scale {
    pub fn parse(s: &str) -> Option<Scale> {
        Some(match s {
            "one" | "" => Scale::One,
            "thousand" => Scale::Thousand,
            "million" => Scale::Million,
            "billion" => Scale::Billion,
            "trillion" => Scale::Trillion,
            _ => return None,
        })
    }
    pub fn exponent(self) -> i32 {
        match self {
            Scale::One => 0,
            Scale::Thousand => 3,
            Scale::Million => 6,
            Scale::Billion => 9,
            Scale::Trillion => 12,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Scale::One => "one",
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    #[default]
    None,
    About,
    Over,
    Under,
    AtLeast,
    AtMost,
    Exactly,
}

impl Qualifier {
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "none" | "" => Qualifier::None,
            "about" => Qualifier::About,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "at-least" => Qualifier::AtLeast,
            "at-most" => Qualifier::AtMost,
            "exactly" => Qualifier::Exactly,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::None => "none",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at-least",
            Qualifier::AtMost => "at-most",
            Qualifier::Exactly => "exactly",
        }
    }
}

/// A value as written: a point ("39.8") or a range ("5-7%", "triple-digit" = 100..999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Value {
    pub fn point(d: Decimal) -> Self {
        Value { lo: d, hi: d }
    }
    pub fn is_point(&self) -> bool {
        self.lo == self.hi
    }
    /// Parses "39.8", "-14", "100..999".
    pub fn parse(s: &str) -> Option<Value> {
        match s.split_once("..") {
            Some((a, b)) => {
                let (lo, hi) = (Decimal::parse(a)?, Decimal::parse(b)?);
                (lo.to_f64() <= hi.to_f64()).then_some(Value { lo, hi })
            }
            None => Decimal::parse(s).map(Value::point),
        }
    }
    pub fn midpoint(&self) -> f64 {
        (self.lo.to_f64() + self.hi.to_f64()) / 2.0
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            write!(f, "{}", self.lo)
        } else {
            write!(f, "{}..{}", self.lo, self.hi)
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// A figure as written in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The text exactly as written ("RMB33.4 billion").
    pub text: String,
    pub value: Value,
    pub unit: Unit,
    pub scale: Scale,
    pub qualifier: Qualifier,
}

/// A closed interval of plausible true values, in base units (scale applied).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn overlaps(&self, other: &Interval) -> bool {
        // Adjacent roundings ("39.8" and "39.9") only touch: that is no overlap.
        let eps = 1e-9 * (self.hi.abs().max(other.hi.abs()).max(1.0));
        self.lo < other.hi - eps && other.lo < self.hi - eps
    }
    pub fn scaled(&self, k: f64) -> Interval {
        let (a, b) = (self.lo * k, self.hi * k);
        Interval {
            lo: a.min(b),
            hi: a.max(b),
        }
    }
    /// Widens by a relative tolerance on both ends.
    pub fn widened(&self, rel: f64) -> Interval {
        let w = rel * self.lo.abs().max(self.hi.abs());
        Interval {
            lo: self.lo - w,
            hi: self.hi + w,
        }
    }
}

impl Figure {
    /// Scale multiplier (billion = 1e9).
    pub fn multiplier(&self) -> f64 {
        10f64.powi(self.scale.exponent())
    }

    /// The range of true values consistent with the figure as written: its
    /// rounding ("39.8" is 39.75..39.85) and its qualifier ("over 20%" is 20%
    /// or somewhat more; "about" allows 5%).
    pub fn interval(&self) -> Interval {
        let h = self.value.lo.half_ulp().max(self.value.hi.half_ulp());
        let (lo, hi) = (self.value.lo.to_f64(), self.value.hi.to_f64());
        // qualifiers act on magnitude: "fell more than 14%" is -14 or below.
        let neg = hi < 0.0;
        let (mlo, mhi) = if neg { (-hi, -lo) } else { (lo, hi) };
        let (mut a, mut b) = (mlo - h, mhi + h);
        match self.qualifier {
            Qualifier::None | Qualifier::Exactly => {}
            Qualifier::About => {
                a -= 0.05 * mlo;
                b += 0.05 * mhi;
            }
            Qualifier::Over | Qualifier::AtLeast => b = mhi * 1.5 + h,
            Qualifier::Under | Qualifier::AtMost => a = mlo * 0.5 - h,
        }
        let (a, b) = if neg { (-b, -a) } else { (a, b) };
        Interval { lo: a, hi: b }.scaled(self.multiplier())
    }

    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.unit == other.unit && self.interval().overlaps(&other.interval())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: &str, unit: Unit, q: Qualifier) -> Figure {
        Figure {
            text: v.into(),
            value: Value::parse(v).unwrap(),
            unit,
            scale: Scale::One,
            qualifier: q,
        }
    }

    #[test]
    fn precision_as_written() {
        let p = |v| fig(v, Unit::Percent, Qualifier::None);
        assert!(p("39.8").agrees_with(&p("39.82")));
        assert!(p("8").agrees_with(&p("8.0")));
        assert!(!p("34").agrees_with(&p("26")));
        assert!(!p("35.8").agrees_with(&p("33")));
        assert!(!p("39.8").agrees_with(&p("39.9")));
    }

    #[test]
    fn qualifiers_widen() {
        let over = fig("20", Unit::Percent, Qualifier::Over);
        let plain = fig("20", Unit::Percent, Qualifier::None);
        assert!(over.agrees_with(&plain));
        assert!(over.agrees_with(&fig("24", Unit::Percent, Qualifier::None)));
        assert!(!over.agrees_with(&fig("15", Unit::Percent, Qualifier::None)));
        let about = fig("12", Unit::Percent, Qualifier::About);
        assert!(about.agrees_with(&fig("12.3", Unit::Percent, Qualifier::None)));
        let fell = fig("-14", Unit::Percent, Qualifier::Over);
        assert!(fell.agrees_with(&fig("-16", Unit::Percent, Qualifier::None)));
        assert!(!fell.agrees_with(&fig("-10", Unit::Percent, Qualifier::None)));
    }

    #[test]
    fn percent_and_points_differ() {
        assert!(!fig("5", Unit::Percent, Qualifier::None).agrees_with(&fig(
            "5",
            Unit::Pp,
            Qualifier::None
        )));
    }

    #[test]
    fn ranges() {
        let triple = fig("100..999", Unit::Percent, Qualifier::None);
        assert!(triple.agrees_with(&fig("150", Unit::Percent, Qualifier::None)));
        assert!(!triple.agrees_with(&fig("34", Unit::Percent, Qualifier::None)));
        assert!(Value::parse("9..1").is_none());
    }
}
