//! Property tests for the parsers every figure and period goes through:
//! a formatted value parses back to itself, and no string makes them panic.

use claimcheck::extract::{document, numbers, periods};
use claimcheck::model::number::Decimal;
use claimcheck::model::{Scale, Unit};
use claimcheck::period::parse::{parse_label, Cal, Expr};
use proptest::prelude::*;

const ORDINAL: [&str; 4] = ["first", "second", "third", "fourth"];
const MONTH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn decimal() -> impl Strategy<Value = Decimal> {
    (1i64..10_000_000, 0i32..4).prop_map(|(m, d)| Decimal::new(m, -d))
}

/// "1234567.5" -> "1,234,567.5"
fn with_commas(d: Decimal) -> String {
    let s = d.to_string();
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn one(text: &str, european: bool) -> numbers::Found {
    let found = numbers::scan(text, european);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found.into_iter().next().unwrap()
}

fn same(a: Decimal, b: Decimal) -> bool {
    (a.to_f64() - b.to_f64()).abs() <= 1e-9 * a.to_f64().abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decimal_display_parses_back(d in decimal(), neg in any::<bool>()) {
        let d = if neg { d.negate() } else { d };
        let back = Decimal::parse(&d.to_string()).expect("parses");
        prop_assert_eq!(back, d);
        let grouped = if neg { format!("-{}", with_commas(d.negate())) } else { with_commas(d) };
        let back = Decimal::parse(&grouped).expect("parses with thousands commas");
        prop_assert!(same(back, d), "{} -> {:?}", grouped, back);
    }

    #[test]
    fn percents_scan_back(d in decimal(), form in 0usize..3) {
        let text = match form {
            0 => format!("Margins widened to {}% in the period.", with_commas(d)),
            1 => format!("Margins widened to {} per cent in the period.", with_commas(d)),
            _ => format!("Margins widened to {} percent in the period.", with_commas(d)),
        };
        let f = one(&text, false);
        prop_assert_eq!(f.unit, Unit::Percent);
        prop_assert!(same(f.value.lo, d) && same(f.value.hi, d), "{} -> {:?}", text, f.value);
    }

    #[test]
    fn money_scans_back(d in decimal(), cur in 0usize..5, scale in 0usize..3) {
        let (word, s) = [("million", Scale::Million), ("billion", Scale::Billion), ("trillion", Scale::Trillion)][scale];
        let (text, code) = match cur {
            0 => (format!("Sales reached ${} {word} last year.", with_commas(d)), "USD"),
            1 => (format!("Sales reached €{} {word} last year.", with_commas(d)), "EUR"),
            2 => (format!("Sales reached RMB{} {word} last year.", with_commas(d)), "CNY"),
            3 => (format!("Sales reached {} {word} yuan last year.", with_commas(d)), "CNY"),
            _ => (format!("Sales reached HK${} {word} last year.", with_commas(d)), "HKD"),
        };
        let f = one(&text, false);
        prop_assert_eq!(f.unit, Unit::Currency(code.to_string()), "{}", text);
        prop_assert_eq!(f.scale, s, "{}", text);
        prop_assert!(same(f.value.lo, d), "{} -> {:?}", text, f.value);
        prop_assert_eq!(&text[f.start..f.end].contains(&d.to_string()[..1]), &true);
    }

    #[test]
    fn european_money_scans_back(int in 1i64..1000, frac in 0i64..10) {
        let text = format!("Der Umsatz stieg auf {int},{frac} Mrd. € im Jahr.");
        let f = one(&text, true);
        prop_assert_eq!(f.unit, Unit::Currency("EUR".into()));
        prop_assert_eq!(f.scale, Scale::Billion);
        prop_assert!(same(f.value.lo, Decimal::new(int * 10 + frac, -1)), "{} -> {:?}", text, f.value);
    }

    #[test]
    fn declines_are_negative(d in decimal()) {
        let text = format!("Profit fell {}% from a year earlier.", d);
        let f = one(&text, false);
        prop_assert!(f.negative, "{}", text);
    }

    #[test]
    fn scanner_never_panics_and_spans_are_valid(s in "\\PC{0,300}", european in any::<bool>()) {
        for f in numbers::scan(&s, european) {
            prop_assert!(f.start <= f.end && f.end <= s.len());
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        }
        let _ = numbers::may_contain(&s);
    }

    #[test]
    fn scanner_survives_number_soup(s in "[0-9$€¥%.,\\- bnmkMrdpt]{0,200}") {
        for f in numbers::scan(&s, false).into_iter().chain(numbers::scan(&s, true)) {
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        }
    }

    #[test]
    fn quarter_labels_parse_back(q in 1u8..=4, year in 1990i32..2100, form in 0usize..4) {
        let label = match form {
            0 => format!("Q{q} {year}"),
            1 => format!("{} quarter of {year}", ORDINAL[q as usize - 1]),
            2 => format!("{q}Q{:02}", year % 100),
            _ => format!("fiscal Q{q} {year}"),
        };
        let year = if form == 2 { 2000 + year % 100 } else { year };
        match parse_label(&label) {
            Expr::Quarter { q: pq, year: py, cal } => {
                prop_assert_eq!(pq, q, "{}", label);
                prop_assert_eq!(py, Some(year), "{}", label);
                prop_assert_eq!(cal == Cal::Fiscal, form == 3, "{}", label);
            }
            other => prop_assert!(false, "{} -> {:?}", label, other),
        }
    }

    #[test]
    fn quarter_ended_labels_parse_back(m in 0usize..12, year in 1990i32..2100) {
        let label = format!("quarter ended {} 30, {year}", MONTH[m]);
        prop_assert_eq!(
            parse_label(&label),
            Expr::QuarterEnding { month: m as u8 + 1, year: Some(year) },
            "{}", label
        );
    }

    #[test]
    fn year_labels_parse_back(year in 1990i32..2100) {
        let label = format!("fiscal {year}");
        prop_assert_eq!(parse_label(&label), Expr::Year { year, cal: Cal::Fiscal });
    }

    #[test]
    fn period_parsing_never_panics(s in "\\PC{0,200}") {
        let _ = parse_label(&s);
        for m in periods::find(&s) {
            prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        }
    }

    #[test]
    fn sentences_cover_valid_ranges(s in "\\PC{0,400}") {
        let ss = document::sentences(&s);
        let mut last = 0;
        for &(a, b) in &ss {
            prop_assert!(a >= last && a <= b && b <= s.len(), "{:?}", ss);
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            last = b;
        }
        for (a, b) in document::bounded(&s, ss) {
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b) && a <= b);
        }
    }

    #[test]
    fn rate_learning_never_panics_and_rates_are_sane(
        s in "[0-9$€¥₩£()=.,\\- USNTRMBeurosyndolarwpchgtfib]{0,160}"
    ) {
        for f in claimcheck::extract::rates::learn_rates(&s) {
            prop_assert!(f.start <= f.end && f.end <= s.len());
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
            prop_assert!(f.rate.from != f.rate.to);
            prop_assert!(f.rate.value.is_finite() && f.rate.value > 0.0);
        }
    }
}
