//! Placing parsed labels on the calendar: fiscal calendars, publication dates, reporting lags.

use super::parse::{parse_label, Cal, Expr};
use super::{Month, MonthRange, PeriodKey, Reading};
use jiff::civil::Date;
use jiff::ToSpan;

/// A company's fiscal calendar and reporting habits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiscalCalendar {
    /// Month (1-12) in which the fiscal year ends.
    pub fy_end: u8,
    /// FY2026 starts in 2026 (rare) instead of ending in it.
    pub named_by_start: bool,
    /// Whether a bare "Q3" about this company means its fiscal quarter.
    pub bare_fiscal: bool,
    /// Days from quarter end to results: earliest and latest.
    pub lag_days: (i64, i64),
    /// Whether anything is known about the company's calendar.
    pub known: bool,
}

impl Default for FiscalCalendar {
    fn default() -> Self {
        FiscalCalendar {
            fy_end: 12,
            named_by_start: false,
            bare_fiscal: false,
            lag_days: (14, 56),
            known: false,
        }
    }
}

impl FiscalCalendar {
    fn is_calendar_year(&self) -> bool {
        self.fy_end == 12
    }

    /// The months of fiscal year `fy`.
    pub fn fiscal_year(&self, fy: i32) -> MonthRange {
        let end = if self.named_by_start && self.fy_end != 12 {
            Month::new(fy + 1, self.fy_end)
        } else {
            Month::new(fy, self.fy_end)
        };
        MonthRange::new(end.plus(-11), end)
    }

    pub fn fiscal_quarter(&self, fy: i32, q: u8) -> MonthRange {
        let start = self.fiscal_year(fy).start.plus(3 * (q as i32 - 1));
        MonthRange::new(start, start.plus(2))
    }

    pub fn fiscal_half(&self, fy: i32, h: u8) -> MonthRange {
        let start = self.fiscal_year(fy).start.plus(6 * (h as i32 - 1));
        MonthRange::new(start, start.plus(5))
    }

    fn fy_end_name(&self) -> &'static str {
        Month::new(2000, self.fy_end).name()
    }
}

/// How figures of a measure relate to periods (from the metric catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum PeriodClass {
    #[default]
    Flow,
    Stock,
    Ratio,
    Plan,
}

impl PeriodClass {
    /// "flow", "stock", "ratio", "plan": as the knowledge files write it.
    pub fn name(self) -> &'static str {
        match self {
            PeriodClass::Flow => "flow",
            PeriodClass::Stock => "stock",
            PeriodClass::Ratio => "ratio",
            PeriodClass::Plan => "plan",
        }
    }
}

/// What resolution needs to know beyond the label.
#[derive(Clone, Debug)]
pub struct ResolveCtx<'a> {
    pub calendar: &'a FiscalCalendar,
    pub published: Option<Date>,
    pub outlook: bool,
    pub class: PeriodClass,
    /// The article's dominant period, used when a figure has no period and
    /// the article has no date.
    pub fallback: Option<&'a [Reading]>,
    /// For an article with no date: the quarter the article itself states, which
    /// stands in for the publication date ("same period last year" is a year before
    /// it; a year-less "third quarter" is the latest third quarter up to it).
    pub anchor: Option<MonthRange>,
}

fn cal_quarter(y: i32, q: u8) -> MonthRange {
    let start = Month::new(y, 3 * (q - 1) + 1);
    MonthRange::new(start, start.plus(2))
}

fn last_day(m: Month) -> Option<Date> {
    Date::new(m.year() as i16, m.month() as i8, 1)
        .ok()
        .map(|d| d.last_of_month())
}

impl ResolveCtx<'_> {
    /// Whether a period's results could be out by the publication date.
    fn reported(&self, r: &MonthRange) -> bool {
        let Some(p) = self.published else {
            return self.anchor.is_none_or(|a| r.end <= a.end);
        };
        match last_day(r.end).and_then(|d| d.checked_add(self.calendar.lag_days.0.days()).ok()) {
            Some(d) => d <= p,
            None => false,
        }
    }

    /// Whether a period's results were surely out by the publication date (its latest
    /// reporting day has passed): a forecast or an estimate is for a period that is not.
    fn surely_reported(&self, r: &MonthRange) -> bool {
        let Some(p) = self.published else {
            return self.anchor.is_some_and(|a| r.end < a.end);
        };
        last_day(r.end)
            .and_then(|d| d.checked_add(self.calendar.lag_days.1.days()).ok())
            .is_some_and(|d| d <= p)
    }

    fn plausible(&self, r: &MonthRange) -> bool {
        self.outlook || self.reported(r)
    }

    /// For a label with no year: the latest such period already reported by the
    /// publication date, or for an outlook (a forecast, an estimate) the first one whose
    /// results may not be out yet: "third-quarter estimates" in a story published two
    /// weeks after the quarter ended are the quarter just ended, not next year's.
    fn pick_year<F: Fn(i32) -> (MonthRange, String)>(
        &self,
        py: i32,
        build: F,
    ) -> Option<(MonthRange, String)> {
        let cands: Vec<(MonthRange, String)> = (py - 1..=py + 1).map(build).collect();
        if self.outlook {
            cands.into_iter().find(|(r, _)| !self.surely_reported(r))
        } else {
            cands.into_iter().rev().find(|(r, _)| self.reported(r))
        }
    }

    fn pub_year(&self) -> Option<i32> {
        self.published
            .map(|d| d.year() as i32)
            .or_else(|| self.anchor.map(|a| a.end.year()))
    }

    /// What a year-less label is fitted to: the publication date, or the article's own quarter.
    fn fitted_to(&self) -> &'static str {
        if self.published.is_none() && self.anchor.is_some() {
            "the quarter the undated article states"
        } else {
            "the publication date"
        }
    }

    /// The most recent quarter (on the company's quarter grid) reported by the
    /// publication date, and the one before it when the later one may not be out yet.
    fn latest_quarters(&self) -> Option<Vec<(MonthRange, String)>> {
        let Some(p) = self.published else {
            return self.anchor.map(|a| {
                vec![(
                    a,
                    "the quarter the article states (it has no publication date)".to_string(),
                )]
            });
        };
        let cal = self.calendar;
        let mut m = Month::new(p.year() as i32, p.month() as u8);
        let aligned = |m: Month| (m.month() as i32 - cal.fy_end as i32).rem_euclid(3) == 0;
        for _ in 0..12 {
            if aligned(m) {
                let q = MonthRange::new(m.plus(-2), m);
                if self.reported(&q) {
                    let mut out = vec![(
                        q,
                        format!(
                            "the most recent quarter reported before {p} (results {}\u{2013}{} days after quarter end)",
                            cal.lag_days.0, cal.lag_days.1
                        ),
                    )];
                    let late = last_day(m)
                        .and_then(|d| d.checked_add(cal.lag_days.1.days()).ok())
                        .is_some_and(|d| d > p);
                    if late {
                        out.push((
                            q.shifted(-3),
                            format!("the quarter before, if {} results were not out by {p}", q),
                        ));
                    }
                    return Some(out);
                }
            }
            m = m.plus(-1);
        }
        None
    }
}

/// Resolves a label (with optional context words) to its readings, most plausible first.
pub fn resolve(label: &str, context: Option<&str>, ctx: &ResolveCtx) -> Vec<Reading> {
    let expr = parse_label(label);
    let ctx_expr = context.map(parse_label);
    if ctx.class == PeriodClass::Plan {
        return match &expr {
            Expr::Year { year, .. } => vec![Reading {
                key: PeriodKey::Range(MonthRange::new(Month::new(*year, 1), Month::new(*year, 12))),
                how: format!("the {year} plan"),
            }],
            _ => vec![Reading {
                key: PeriodKey::Plan,
                how: if label.is_empty() {
                    "a plan or commitment, compared with other statements of the plan".into()
                } else {
                    format!("the \"{label}\" plan, compared with other statements of the plan")
                },
            }],
        };
    }
    let readings = resolve_expr(&expr, ctx_expr.as_ref(), ctx);
    if readings.is_empty() {
        let key = if label.trim().is_empty() {
            if let Some(fb) = ctx.fallback.filter(|f| !f.is_empty()) {
                return fb
                    .iter()
                    .map(|r| Reading {
                        key: r.key.clone(),
                        how: format!(
                            "no period stated and no date: the article's main period, {}",
                            r.how
                        ),
                    })
                    .collect();
            }
            if ctx.outlook {
                "outlook".to_string()
            } else {
                "no period".to_string()
            }
        } else {
            label.trim().to_lowercase()
        };
        return vec![Reading {
            key: PeriodKey::Label(key),
            how: "not placed on the calendar; compared only with the same label".into(),
        }];
    }
    readings
}

fn resolve_expr(expr: &Expr, context: Option<&Expr>, ctx: &ResolveCtx) -> Vec<Reading> {
    let cal = ctx.calendar;
    let hint_year = context.and_then(|c| c.year());
    let range = |r: MonthRange, how: String| Reading {
        key: PeriodKey::Range(r),
        how,
    };
    // Which flavours (fiscal, calendar) to try, in order of preference.
    let flavours = |c: Cal| -> Vec<bool> {
        if cal.is_calendar_year() {
            return vec![false];
        }
        match c {
            Cal::Fiscal => vec![true],
            Cal::Calendar => vec![false],
            Cal::Unspecified if cal.bare_fiscal => vec![true, false],
            Cal::Unspecified => vec![false, true],
        }
    };
    match expr {
        Expr::Quarter { q, year, cal: c } if (1..=4).contains(q) => {
            let mut out = Vec::new();
            for fiscal in flavours(*c) {
                let build = |y: i32| -> (MonthRange, String) {
                    if fiscal {
                        let r = cal.fiscal_quarter(y, *q);
                        (
                            r,
                            format!(
                                "fiscal Q{q} FY{y} (fiscal year ending {}) = {r}",
                                cal.fy_end_name()
                            ),
                        )
                    } else {
                        let r = cal_quarter(y, *q);
                        (r, format!("calendar Q{q} {y} = {r}"))
                    }
                };
                if let Some(y) = year.or(hint_year) {
                    if fiscal && year.is_none() {
                        // a calendar-year hint ("In 2025, ... in Q3"): the fiscal quarter falling in that year
                        for fy in [y, y + 1] {
                            let (r, how) = build(fy);
                            if r.end.year() == y {
                                out.push(range(r, how));
                            }
                        }
                    } else {
                        let (r, how) = build(y);
                        out.push(range(r, how));
                    }
                } else if let Some(py) = ctx.pub_year() {
                    // no year: the latest such quarter that fits the publication date
                    let pick = ctx.pick_year(py, build);
                    if let Some((r, how)) = pick {
                        out.push(range(
                            r,
                            format!(
                                "{how} (no year written; latest that fits {})",
                                ctx.fitted_to()
                            ),
                        ));
                    }
                }
            }
            prefer_plausible(out, ctx)
        }
        Expr::Half { h, year, cal: c } if (1..=2).contains(h) => {
            let mut out = Vec::new();
            for fiscal in flavours(*c) {
                let build = |y: i32| -> (MonthRange, String) {
                    if fiscal {
                        let r = cal.fiscal_half(y, *h);
                        (r, format!("fiscal H{h} FY{y} = {r}"))
                    } else {
                        let start = Month::new(y, 6 * (h - 1) + 1);
                        let r = MonthRange::new(start, start.plus(5));
                        (r, format!("calendar H{h} {y} = {r}"))
                    }
                };
                if let Some(y) = year.or(hint_year) {
                    let (r, how) = build(y);
                    out.push(range(r, how));
                } else if let Some(py) = ctx.pub_year() {
                    if let Some((r, how)) = ctx.pick_year(py, build) {
                        out.push(range(
                            r,
                            format!("{how} (no year written; fits {})", ctx.fitted_to()),
                        ));
                    }
                }
            }
            prefer_plausible(out, ctx)
        }
        Expr::Year { year, cal: c } => {
            let fiscal = *c == Cal::Fiscal && !cal.is_calendar_year();
            if fiscal {
                let r = cal.fiscal_year(*year);
                vec![range(
                    r,
                    format!(
                        "fiscal {year} (fiscal year ending {}) = {r}",
                        cal.fy_end_name()
                    ),
                )]
            } else {
                let r = MonthRange::new(Month::new(*year, 1), Month::new(*year, 12));
                vec![range(r, format!("calendar year {year}"))]
            }
        }
        Expr::QuarterEnding { month, year } => {
            months_ending(3, "the quarter", *month, year.or(hint_year), ctx)
        }
        Expr::HalfEnding { month, year } => {
            months_ending(6, "the six months", *month, year.or(hint_year), ctx)
        }
        Expr::YearEnding { month, year } => {
            let Some(y) = year.or(hint_year).or(ctx.pub_year()) else {
                return vec![];
            };
            let end = Month::new(y, *month);
            let r = MonthRange::new(end.plus(-11), end);
            vec![range(r, format!("the fiscal year ending {} = {r}", r.end))]
        }
        Expr::Month { month, year } => {
            let Some(y) = year.or(hint_year).or(ctx.pub_year()) else {
                return vec![];
            };
            let m = Month::new(y, *month);
            vec![range(MonthRange::new(m, m), format!("the month {m}"))]
        }
        Expr::ThisYear => {
            let Some(y) = ctx.pub_year() else {
                return vec![];
            };
            let r = MonthRange::new(Month::new(y, 1), Month::new(y, 12));
            vec![range(r, format!("this year: calendar year {y}"))]
        }
        Expr::YearToDate => {
            let Some(d) = ctx.published else {
                return vec![];
            };
            let y = d.year() as i32;
            let r = MonthRange::new(Month::new(y, 1), Month::new(y, d.month() as u8));
            vec![range(r, format!("the year to date at publication = {r}"))]
        }
        Expr::Latest | Expr::None => {
            if matches!(expr, Expr::None) && ctx.outlook {
                return vec![];
            }
            ctx.latest_quarters()
                .unwrap_or_default()
                .into_iter()
                .map(|(r, how)| {
                    let how = if matches!(expr, Expr::None) {
                        format!("no period stated: {how}")
                    } else {
                        how
                    };
                    range(r, format!("{how} = {r}"))
                })
                .collect()
        }
        Expr::Trailing { quarters } => ctx
            .latest_quarters()
            .unwrap_or_default()
            .into_iter()
            .take(1)
            .map(|(q, _)| {
                let r = MonthRange::new(q.end.plus(-(3 * *quarters as i32) + 1), q.end);
                range(
                    r,
                    format!("the {quarters} quarters up to the most recent one = {r}"),
                )
            })
            .collect(),
        Expr::Prior { quarters } => {
            let anchor = match context {
                Some(c) if !matches!(c, Expr::Prior { .. }) => resolve_expr(c, None, ctx),
                _ => resolve_expr(&Expr::Latest, None, ctx),
            };
            anchor
                .into_iter()
                .filter_map(|a| {
                    let r = a.key.range()?.shifted(-3 * *quarters as i32);
                    let what = if *quarters == 1 {
                        "the quarter before"
                    } else {
                        "a year before"
                    };
                    Some(range(r, format!("{what} {} = {r}", a.how)))
                })
                .collect()
        }
        Expr::FullYear => {
            // the fiscal year of the latest reported quarter (an outlook: the year it is in)
            let Some(latest) = ctx.latest_quarters().and_then(|q| q.into_iter().next()) else {
                return vec![];
            };
            let q_end = latest.0.end;
            let fy_end = (0..12)
                .map(|i| q_end.plus(i))
                .find(|m| m.month() == cal.fy_end)
                .unwrap_or(q_end);
            let fy_end = if ctx.outlook || fy_end == q_end {
                fy_end
            } else {
                fy_end.plus(-12)
            };
            let r = MonthRange::new(fy_end.plus(-11), fy_end);
            vec![range(r, format!("the full fiscal year = {r}"))]
        }
        Expr::Horizon { years } => vec![Reading {
            key: PeriodKey::Plan,
            how: format!("a {years}-year horizon"),
        }],
        Expr::LastYear(inner) => {
            let Some(py) = ctx.pub_year() else {
                return vec![];
            };
            let year = Expr::Year {
                year: py - 1,
                cal: Cal::Unspecified,
            };
            resolve_expr(inner, Some(&year), ctx)
                .into_iter()
                .map(|r| Reading {
                    how: format!("{} (\"of last year\": {})", r.how, py - 1),
                    key: r.key,
                })
                .collect()
        }
        Expr::FiscalSpan { end_year } => {
            if cal.is_calendar_year() {
                return vec![];
            }
            let end = Month::new(*end_year, cal.fy_end);
            let r = MonthRange::new(end.plus(-11), end);
            vec![range(r, format!("the fiscal year ending {} = {r}", r.end))]
        }
        Expr::Through(inner) => resolve_expr(inner, context, ctx)
            .into_iter()
            .filter_map(|r| {
                let end = r.key.range()?.end;
                Some(Reading {
                    key: PeriodKey::Through(end),
                    how: format!("up to the end of {}", r.how),
                })
            })
            .collect(),
        _ => vec![],
    }
}

/// Readings whose results could not be out by the publication date go last
/// (they are kept: an article may discuss a period before it is reported).
/// `months` months named by their last month ("the June quarter", "April to
/// September"): in the year given, else the latest year up to publication that fits.
fn months_ending(
    months: i32,
    what: &str,
    month: u8,
    year: Option<i32>,
    ctx: &ResolveCtx,
) -> Vec<Reading> {
    let build = |y: i32| {
        let end = Month::new(y, month);
        MonthRange::new(end.plus(1 - months), end)
    };
    let reading = |r: MonthRange, how: String| Reading {
        key: PeriodKey::Range(r),
        how,
    };
    if let Some(y) = year {
        let r = build(y);
        return vec![reading(r, format!("{what} ending {} = {r}", r.end))];
    }
    let Some(py) = ctx.pub_year() else {
        return vec![];
    };
    (py - 1..=py)
        .rev()
        .map(build)
        .find(|r| ctx.plausible(r))
        .map(|r| {
            vec![reading(
                r,
                format!(
                    "{what} ending {} (no year written; latest that fits {})",
                    r.end,
                    ctx.fitted_to()
                ),
            )]
        })
        .unwrap_or_default()
}

fn prefer_plausible(mut out: Vec<Reading>, ctx: &ResolveCtx) -> Vec<Reading> {
    out.sort_by_key(|r| match &r.key {
        PeriodKey::Range(m) => !ctx.plausible(m),
        _ => false,
    });
    out.dedup_by(|a, b| a.key == b.key);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn march_fy_calendar_labels() -> FiscalCalendar {
        FiscalCalendar {
            fy_end: 3,
            bare_fiscal: false,
            known: true,
            ..Default::default()
        }
    }

    fn january_fy() -> FiscalCalendar {
        FiscalCalendar {
            fy_end: 1,
            bare_fiscal: true,
            known: true,
            ..Default::default()
        }
    }

    fn ctx<'a>(cal: &'a FiscalCalendar, published: Option<Date>) -> ResolveCtx<'a> {
        ResolveCtx {
            calendar: cal,
            published,
            outlook: false,
            class: PeriodClass::Flow,
            fallback: None,
            anchor: None,
        }
    }

    fn first(label: &str, c: &ResolveCtx) -> String {
        resolve(label, None, c)[0].key.to_string()
    }

    #[test]
    fn an_outlooks_year_less_quarter_is_the_first_whose_results_may_not_be_out() {
        let cal = FiscalCalendar::default();
        let at = |published: Date, label: &str| {
            let c = ResolveCtx {
                outlook: true,
                ..ctx(&cal, Some(published))
            };
            first(label, &c)
        };
        // estimates for the quarter that ended two weeks ago
        assert_eq!(
            at(date(2025, 10, 14), "third quarter"),
            "Jul\u{2013}Sep 2025"
        );
        assert_eq!(
            at(date(2025, 10, 30), "fourth quarter"),
            "Oct\u{2013}Dec 2025"
        );
        // long after the quarter's results: the next one
        assert_eq!(
            at(date(2026, 1, 20), "third quarter"),
            "Jul\u{2013}Sep 2026"
        );
    }

    #[test]
    fn an_undated_article_is_anchored_on_the_quarter_it_states() {
        let cal = FiscalCalendar::default();
        let q3 = MonthRange::new(Month::new(2025, 7), Month::new(2025, 9));
        let mut c = ctx(&cal, None);
        // with no anchor, relative and year-less labels stay unplaced
        assert!(resolve("same period last year", None, &c)[0]
            .key
            .range()
            .is_none());
        assert!(resolve("third quarter", None, &c)[0].key.range().is_none());
        c.anchor = Some(q3);
        let placed = |l: &str, c: &ResolveCtx| resolve(l, None, c)[0].key.range();
        assert_eq!(placed("same period last year", &c), Some(q3.shifted(-12)));
        assert_eq!(placed("prior quarter", &c), Some(q3.shifted(-3)));
        assert_eq!(placed("latest quarter", &c), Some(q3));
        // a year-less quarter: the latest one up to the anchor, not the year before
        assert_eq!(placed("third quarter", &c), Some(q3));
        assert_eq!(placed("second quarter", &c), Some(q3.shifted(-3)));
        assert_eq!(placed("fourth quarter", &c), Some(q3.shifted(-9)));
        // a publication date, where there is one, wins
        let dated = ResolveCtx {
            published: Some(date(2026, 2, 20)),
            ..c.clone()
        };
        assert_eq!(placed("fourth quarter", &dated), Some(q3.shifted(3)));
    }

    #[test]
    fn most_recent_quarter_depends_on_publication_date() {
        let cal = FiscalCalendar::default();
        assert_eq!(
            first("most recent quarter", &ctx(&cal, Some(date(2025, 11, 26)))),
            "Jul\u{2013}Sep 2025"
        );
        let early = resolve(
            "most recent quarter",
            None,
            &ctx(&cal, Some(date(2025, 10, 5))),
        );
        assert_eq!(early[0].key.to_string(), "Apr\u{2013}Jun 2025");
        // Oct 5 is within 8 weeks of June 30? no: Aug 25 is the latest; so a single reading
        assert_eq!(early.len(), 1);
        let mid = resolve("latest quarter", None, &ctx(&cal, Some(date(2025, 11, 1))));
        assert_eq!(mid.len(), 2, "{mid:?}");
    }

    #[test]
    fn fiscal_quarters_map_through_the_calendar() {
        let cal = january_fy();
        let c = ctx(&cal, Some(date(2025, 11, 26)));
        // FY2026 ends January 2026: Q3 is Aug-Oct 2025
        assert_eq!(first("Q3 FY2026", &c), "Aug\u{2013}Oct 2025");
        assert_eq!(
            first("third quarter of fiscal 2026", &c),
            "Aug\u{2013}Oct 2025"
        );
        // a bare "Q3" for a company that labels fiscally
        assert_eq!(first("Q3", &c), "Aug\u{2013}Oct 2025");
        let cal = march_fy_calendar_labels();
        let c = ctx(&cal, Some(date(2025, 12, 1)));
        let r = resolve("Q3 2025", None, &c);
        assert_eq!(r[0].key.to_string(), "Jul\u{2013}Sep 2025");
        assert_eq!(r[1].key.to_string(), "Oct\u{2013}Dec 2024");
        assert_eq!(first("fiscal Q1 2026", &c), "Apr\u{2013}Jun 2025");
        assert_eq!(first("fiscal 2028", &c), "Apr 2027\u{2013}Mar 2028");
        // the label states its own year end, whatever the calendar in the knowledge
        let plain = FiscalCalendar::default();
        let c = ctx(&plain, Some(date(2025, 11, 7)));
        assert_eq!(
            first("fiscal year ending March 31, 2026", &c),
            "Apr 2025\u{2013}Mar 2026"
        );
        assert_eq!(first("this year", &c), "2025");
        assert_eq!(first("since January", &c), "Jan\u{2013}Nov 2025");
        assert_eq!(first("so far this year", &c), "Jan\u{2013}Nov 2025");
        assert_eq!(first("at the end of September", &c), "Sep 2025");
        assert_eq!(first("30 September", &c), "Sep 2025");
        assert_eq!(
            first("the quarter in which", &c),
            first("most recent quarter", &c)
        );
        assert_eq!(
            first("over the past year", &c),
            first("past four quarters", &c)
        );
        assert_eq!(
            first("the year ended June 30, 2025", &c),
            "Jul 2024\u{2013}Jun 2025"
        );
    }

    #[test]
    fn context_year_and_relative_labels() {
        let cal = march_fy_calendar_labels();
        let c = ctx(&cal, None);
        let r = resolve("Q3", Some("In 2025"), &c);
        assert_eq!(r[0].key.to_string(), "Jul\u{2013}Sep 2025");
        assert_eq!(
            first_ctx("prior quarter", "Q2 2025", &c),
            "Jan\u{2013}Mar 2025"
        );
        assert_eq!(
            first_ctx("a year earlier", "Q2 2025", &c),
            "Apr\u{2013}Jun 2024"
        );
        let c = ctx(&cal, Some(date(2025, 11, 26)));
        assert_eq!(first("past four quarters", &c), "Oct 2024\u{2013}Sep 2025");
        assert_eq!(first("June quarter", &c), "Apr\u{2013}Jun 2025");
        assert_eq!(first("H1 2025", &c), "Jan\u{2013}Jun 2025");
    }

    fn first_ctx(label: &str, context: &str, c: &ResolveCtx) -> String {
        resolve(label, Some(context), c)[0].key.to_string()
    }

    #[test]
    fn plans_and_unplaced_labels() {
        let cal = FiscalCalendar::default();
        let mut c = ctx(&cal, None);
        assert_eq!(
            resolve("Q3", None, &c)[0].key,
            PeriodKey::Label("q3".into())
        );
        c.class = PeriodClass::Plan;
        assert_eq!(resolve("three-year", None, &c)[0].key, PeriodKey::Plan);
        assert_eq!(resolve("", None, &c)[0].key, PeriodKey::Plan);
    }
}
