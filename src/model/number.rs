//! Exact decimals as written: "39.8" keeps its one decimal, so it means 39.75..39.85.

use std::fmt;

/// A decimal number exactly as written: `mantissa * 10^exponent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Decimal {
    pub mantissa: i64,
    pub exponent: i32,
}

impl Decimal {
    pub fn new(mantissa: i64, exponent: i32) -> Self {
        Decimal { mantissa, exponent }
    }

    /// Parses "39.8", "-14", "8.0", "34,808" (thousands commas), "+5".
    /// The number of decimals written is kept as the precision.
    pub fn parse(s: &str) -> Option<Decimal> {
        let s = s.trim();
        let (neg, body) = match s.as_bytes().first()? {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        if body.is_empty() {
            return None;
        }
        let mut mantissa: i64 = 0;
        let mut decimals: i32 = 0;
        let mut seen_dot = false;
        let mut digits = 0;
        for (i, c) in body.char_indices() {
            match c {
                '0'..='9' => {
                    mantissa = mantissa
                        .checked_mul(10)?
                        .checked_add((c as u8 - b'0') as i64)?;
                    digits += 1;
                    if seen_dot {
                        decimals += 1;
                    }
                }
                '.' if !seen_dot => seen_dot = true,
                ',' if !seen_dot => {
                    // thousands separator: exactly three digits must follow
                    let rest = &body[i + 1..];
                    let run = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
                    if run != 3 || digits == 0 {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        if digits == 0 {
            return None;
        }
        Some(Decimal {
            mantissa: if neg { -mantissa } else { mantissa },
            exponent: -decimals,
        })
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 * 10f64.powi(self.exponent)
    }

    /// Half a unit in the last written place: the precision the writer implied.
    pub fn half_ulp(self) -> f64 {
        0.5 * 10f64.powi(self.exponent)
    }

    pub fn decimals(self) -> u32 {
        if self.exponent < 0 {
            (-self.exponent) as u32
        } else {
            0
        }
    }

    pub fn negate(self) -> Self {
        Decimal {
            mantissa: -self.mantissa,
            exponent: self.exponent,
        }
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exponent >= 0 {
            let mut s = self.mantissa.to_string();
            for _ in 0..self.exponent {
                s.push('0');
            }
            return f.write_str(&s);
        }
        let d = (-self.exponent) as usize;
        let neg = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let padded = if digits.len() <= d {
            format!("{}{}", "0".repeat(d + 1 - digits.len()), digits)
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - d);
        write!(f, "{}{}.{}", if neg { "-" } else { "" }, int, frac)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_keeps_precision() {
        let d = Decimal::parse("39.8").unwrap();
        assert_eq!(d, Decimal::new(398, -1));
        assert_eq!(d.to_string(), "39.8");
        assert_eq!(Decimal::parse("8.0").unwrap().to_string(), "8.0");
        assert_eq!(Decimal::parse("-14").unwrap().to_f64(), -14.0);
        assert_eq!(Decimal::parse("34,808").unwrap().to_f64(), 34808.0);
        assert_eq!(Decimal::parse("0.0016").unwrap().to_string(), "0.0016");
        assert!((Decimal::parse("39.82").unwrap().half_ulp() - 0.005).abs() < 1e-12);
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "-",
            "1.2.3",
            "12,34",
            ",123",
            "abc",
            "1e5",
            "99999999999999999999",
        ] {
            assert!(Decimal::parse(s).is_none(), "{s}");
        }
    }
}
