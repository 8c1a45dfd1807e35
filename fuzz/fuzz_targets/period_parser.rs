//! Period labels: `period::parse::parse_label` and `period::resolve` (re-exported from the private `period::resolve` module)
//! under a fuzzed fiscal calendar, publication date and context.
//!
//! Input: 8 header bytes, then "LABEL" or "LABEL\0CONTEXT" (UTF-8).
//!   0: fiscal-year end month (b % 12 + 1)
//!   1: flags: 1 named_by_start, 2 bare_fiscal, 4 known, 8 outlook,
//!      16 published date given, 32 use the context's readings as fallback,
//!      64/128 the period class (flow, stock, ratio, plan)
//!   2-3: publication year (i16, little endian; any year jiff accepts)
//!   4: month, 5: day (an invalid date means none)
//!   6, 7: reporting lag, earliest and extra days to the latest (0-255 each,
//!      as a knowledge file may give them)
#![no_main]

use claimcheck::period::parse::parse_label;
use claimcheck::period::{resolve, FiscalCalendar, PeriodClass, ResolveCtx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (h, rest) = data.split_at(8);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (label, context) = match text.split_once('\0') {
        Some((l, c)) => (l, Some(c)),
        None => (text, None),
    };

    let expr = parse_label(label);
    let _ = expr.year();
    if let Some(c) = context {
        let _ = parse_label(c).year();
    }

    let flags = h[1];
    let calendar = FiscalCalendar {
        fy_end: h[0] % 12 + 1,
        named_by_start: flags & 1 != 0,
        bare_fiscal: flags & 2 != 0,
        lag_days: (h[6] as i64, h[6] as i64 + h[7] as i64),
        known: flags & 4 != 0,
    };
    let year = i16::from_le_bytes([h[2], h[3]]);
    let published = if flags & 16 != 0 {
        jiff::civil::Date::new(year, h[4] as i8, h[5] as i8).ok()
    } else {
        None
    };
    let class = match flags >> 6 {
        0 => PeriodClass::Flow,
        1 => PeriodClass::Stock,
        2 => PeriodClass::Ratio,
        _ => PeriodClass::Plan,
    };
    let mut ctx = ResolveCtx {
        calendar: &calendar,
        published,
        outlook: flags & 8 != 0,
        class,
        fallback: None,
        anchor: None,
    };
    let fallback;
    if flags & 32 != 0 {
        fallback = resolve(context.unwrap_or(""), None, &ctx);
        ctx.fallback = Some(&fallback);
    }
    for r in resolve(label, context, &ctx) {
        let _ = r.key.range().map(|m| (m.len(), m.quarter_index()));
        std::hint::black_box(r);
    }
    // the calendar's own arithmetic, for the year the label names
    if let Some(y) = expr.year() {
        let fy = calendar.fiscal_year(y);
        let _ = (fy.len(), fy.quarter_index());
        for q in 1..=4 {
            let _ = calendar.fiscal_quarter(y, q);
        }
        for hh in 1..=2 {
            let _ = calendar.fiscal_half(y, hh);
        }
    }
});
