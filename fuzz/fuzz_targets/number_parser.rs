//! Numbers: `extract::numbers::scan` (figures in a sentence), and the exact
//! decimals of `model::number::Decimal` / `model::figure::Value`.
//!
//! Input: one selector byte, then UTF-8 text.
//! Selector bit 0: European style (decimal commas); bit 1: use
//! `numbers::is_european` on the text instead.
//!
//! Checked, besides "no panic":
//! - every figure's byte range lies within the text on character boundaries
//!   (extraction slices the sentence with it);
//! - `Decimal` and `Value` survive a round trip through their text form
//!   (claim files are written with `Display` and read back with `parse`).
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimcheck::extract::numbers;
use claimcheck::model::figure::Value;
use claimcheck::model::number::Decimal;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let european = if sel & 2 != 0 {
        numbers::is_european(text)
    } else {
        sel & 1 != 0
    };
    let _ = numbers::may_contain(text);
    let skip_scan = common::skip_known() && common::hits_known_number_word_slice(text);
    let found = if skip_scan {
        Vec::new()
    } else {
        numbers::scan(text, european)
    };
    for f in found {
        assert!(
            f.start <= f.end && text.get(f.start..f.end).is_some(),
            "figure range {}..{} is not a slice of the {}-byte text",
            f.start,
            f.end,
            text.len()
        );
        let _ = (f.value.midpoint(), f.value.to_string());
    }

    // the text as a written number: "39.8", "-14", "34,808", "100..999"
    if let Some(d) = Decimal::parse(text) {
        let _ = (d.to_f64(), d.half_ulp(), d.decimals(), d.is_negative());
        let s = d.to_string();
        assert_eq!(Decimal::parse(&s), Some(d), "Decimal {text:?} -> {s:?}");
    }
    if let Some(v) = Value::parse(text) {
        let _ = v.midpoint();
        let s = v.to_string();
        assert_eq!(Value::parse(&s), Some(v), "Value {text:?} -> {s:?}");
    }
});
