//! Metric and period attribution on sentences of our own: each pattern the extractor knows
//! has a sentence where it applies and one where it must not.

use claimcheck::model::Claim;
use std::path::Path;

fn claims(text: &str) -> Vec<Claim> {
    let k = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
    let text = format!("Norrvik Freight posts record quarter\n\n{text}\n");
    claimcheck::extract::article(Path::new("norrvik.txt"), &text, None, &k).1
}

/// (figure text, metric id or "-", period label)
fn read(text: &str) -> Vec<(String, String, String)> {
    claims(text)
        .into_iter()
        .map(|c| {
            (
                c.figure.text.clone(),
                c.metric
                    .map(|m| format!("{}.{}", m.subject, m.measure))
                    .unwrap_or_else(|| "-".into()),
                c.period.label.clone(),
            )
        })
        .collect()
}

/// (metric, period label) of the claim on `figure`.
fn of(text: &str, figure: &str) -> (String, String) {
    let r = read(text);
    let (_, m, p) = r
        .iter()
        .find(|(f, _, _)| f == figure)
        .unwrap_or_else(|| panic!("{figure} not found in {r:?}"))
        .clone();
    (m, p)
}

fn metric_of(text: &str, figure: &str) -> String {
    of(text, figure).0
}

/// The metric of the claim on `figure` with its scope ("cloud.revenue:china"), or "-".
fn scoped_metric(text: &str, figure: &str) -> String {
    claims(text)
        .into_iter()
        .find(|c| c.figure.text == figure)
        .unwrap_or_else(|| panic!("{figure} not found"))
        .metric
        .map(|m| match m.scope {
            Some(s) => format!("{}.{}:{s}", m.subject, m.measure),
            None => format!("{}.{}", m.subject, m.measure),
        })
        .unwrap_or_else(|| "-".into())
}

fn label_of(text: &str, figure: &str) -> String {
    of(text, figure).1
}

#[test]
fn per_share_amounts_are_eps_or_dividends() {
    let s = "Net profit rose 8% to $512 million, or $2.10 a share, in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$512 million"), "company.net-income");
    assert_eq!(metric_of(s, "$2.10"), "company.eps");
    let d = "The board declared a quarterly cash dividend of $0.15 per share.";
    assert_eq!(metric_of(d, "$0.15"), "company.dividend");
    // a price target per share is not earnings
    let t = "Analysts raised their price target to $48 per share.";
    assert_eq!(metric_of(t, "$48"), "company.price-target");
}

#[test]
fn an_earlier_level_after_from_keeps_the_metric_and_its_label() {
    let s =
        "Net profit rose to $512 million, or $2.10 a share, from $474 million, or $1.95 a share, \
a year earlier.";
    let r = read(s);
    let earlier = r.iter().find(|(f, _, _)| f == "$474 million").unwrap();
    assert_eq!(earlier.1, "company.net-income");
    assert_eq!(earlier.2, "a year earlier");
    assert_eq!(metric_of(s, "$1.95"), "company.eps");
    // no label after it: an earlier value, never this period's
    let t = "Operating profit climbed to $610 million from $580 million.";
    let r = read(t);
    assert_eq!(r[1].1, "company.operating-income");
    assert_eq!(r[1].2, "earlier value");
}

#[test]
fn last_year_after_an_earlier_value_dates_it_a_year_before() {
    let s = "Its gross margin widened to 44% from 41% last year.";
    assert_eq!(label_of(s, "41%"), "last year");
    let t = "Its gross margin widened to 44% from 41% a year prior.";
    assert_eq!(label_of(t, "41%"), "a year prior");
    // "last year" alone names no period of a figure
    let u = "Shipments last year reached 9,200 trucks.";
    assert_ne!(label_of(u, "9,200"), "last year");
    // a clause break ends the search
    let v = "Its gross margin widened to 44% from 41%; last year it had shrunk.";
    assert_eq!(label_of(v, "41%"), "earlier value");
}

#[test]
fn an_earlier_value_after_compared_to_or_last_years_is_a_year_before() {
    let s = "Net profit for the first half of 2026 was $840 million, compared to $790 million last year.";
    assert_eq!(label_of(s, "$790 million"), "last year");
    let t = "Operating profit rose 12% to $410 million from last year's $366 million.";
    assert_eq!(label_of(t, "$366 million"), "last year");
    // an estimate after "vs." is no earlier value
    let u = "Revenue was $4.21 billion vs. $4.05 billion expected by analysts.";
    assert_ne!(label_of(u, "$4.05 billion"), "earlier value");
}

#[test]
fn a_measure_after_a_bullet_figure_leaves_it_to_the_lead_label() {
    let s = "- Operating Margin:\n- 19%, up 6 percentage points from a 13% margin in Q2 2026.";
    assert_eq!(metric_of(s, "19%"), "company.operating-margin");
    // a measure named before the figure is the figure's own
    let t = "- Operating Margin:\n- Net income rose 8% to $41 million.";
    assert_eq!(metric_of(t, "8%"), "company.net-income");
}

#[test]
fn a_period_row_table_gives_each_cell_its_row_and_column() {
    let s = "Half-year results\n\
Period Revenue Operating Income Net Income\n\
Jan - Jun, 2024 4,120 512 377\n\
Jan - Jun, 2025 4,388 545 402\n\
YoY +6.5% +6.4% +6.6%";
    let r = read(s);
    assert!(
        r.contains(&(
            "545".into(),
            "company.operating-income".into(),
            "Jan - Jun, 2025".into()
        )),
        "{r:?}"
    );
    assert!(
        r.contains(&(
            "+6.6%".into(),
            "company.net-income".into(),
            "Jan - Jun, 2025".into()
        )),
        "{r:?}"
    );
    assert!(
        r.contains(&(
            "4,120".into(),
            "company.revenue".into(),
            "Jan - Jun, 2024".into()
        )),
        "{r:?}"
    );
}

#[test]
fn verbs_before_a_measure_are_not_segment_names() {
    assert_eq!(
        metric_of(
            "The company paid dividends of $120 million in the quarter, up 4%.",
            "$120 million"
        ),
        "-",
        "dividend totals stay apart from per-share dividends"
    );
    assert_eq!(
        metric_of(
            "Norrvik bought back $900 million of shares in the quarter.",
            "$900 million"
        ),
        "company.buyback"
    );
    // a lower-case word the catalogue lacks still makes the line unknown
    assert_eq!(
        metric_of(
            "Its courier revenue rose 6% to $1.4 billion in the quarter.",
            "$1.4 billion"
        ),
        "-"
    );
}

#[test]
fn a_total_of_two_measures_is_neither() {
    assert_eq!(
        metric_of(
            "Norrvik returned $700 million to shareholders through buybacks and dividends.",
            "$700 million"
        ),
        "-"
    );
    assert_eq!(
        metric_of(
            "Norrvik returned $700 million to shareholders through share repurchases.",
            "$700 million"
        ),
        "company.buyback"
    );
}

#[test]
fn a_term_after_another_figure_describes_that_figure() {
    let s = "Norrvik returned $700 million, consisting of $640 million of share repurchases and \
$60 million of cash dividends.";
    assert_eq!(metric_of(s, "$700 million"), "-");
    assert_eq!(metric_of(s, "$640 million"), "company.buyback");
    // a conversion in brackets is the same figure
    let t =
        "Norrvik plans to invest EUR 4.3 billion ($4.6 billion) in new terminals over three years.";
    assert_ne!(metric_of(t, "EUR 4.3 billion"), "-");
}

#[test]
fn the_year_earlier_quarter_is_a_year_back_not_a_quarter() {
    let s =
        "Revenue for the third quarter of 2025 rose 9% to $2.4 billion, up from $2.2 billion in \
the year-earlier quarter.";
    assert_eq!(label_of(s, "$2.2 billion"), "year-earlier quarter");
    assert_eq!(
        claimcheck::period::parse::parse_label(&label_of(s, "$2.2 billion")),
        claimcheck::period::parse::Expr::Prior { quarters: 4 }
    );
}

#[test]
fn a_streak_takes_the_sentences_period_not_the_comparison() {
    let s =
        "Revenue for the third quarter of 2025 rose 16% to $12.6 billion from $10.9 billion in \
the same quarter last year, extending its run of growth to eight consecutive quarters.";
    assert_eq!(
        label_of(s, "eight consecutive quarters"),
        "third quarter of 2025"
    );
    assert_eq!(label_of(s, "$10.9 billion"), "same quarter last year");
}

#[test]
fn who_said_it_after_the_figure_is_not_the_subject() {
    let s =
        "Norrvik Cloud, which rents computing capacity to outside developers, grew revenue 27% \
to $1.62 billion, the company said.";
    assert_eq!(metric_of(s, "27%"), "cloud.revenue");
    assert_eq!(metric_of(s, "$1.62 billion"), "cloud.revenue");
    // the company as the subject before the figure still counts
    let t = "The company said revenue grew 12% to $4.1 billion.";
    assert_eq!(metric_of(t, "$4.1 billion"), "company.revenue");
}

#[test]
fn a_growth_beside_a_margin_is_not_the_margin() {
    let s = "An 8% operating margin on a business growing 27% is a choice.";
    assert_eq!(metric_of(s, "27%"), "-");
    let t = "The operating margin fell to 8.0% in the quarter.";
    assert_eq!(metric_of(t, "8.0%"), "company.operating-margin");
}

#[test]
fn an_industry_group_is_kept_apart_from_the_company() {
    let cs = claims(
        "Norrvik Freight had 9.8 million customers at the end of September. The country's parcel \
carriers together serve about 36 million customers.",
    );
    let own = cs.iter().find(|c| c.figure.text == "9.8 million").unwrap();
    let group = cs.iter().find(|c| c.figure.text == "36 million").unwrap();
    assert_ne!(own.entity, group.entity);
}

#[test]
fn the_previous_sentence_lends_only_its_grammatical_subject() {
    // "from chipmakers" is not what the next sentence's sales are about
    let t = "Revenue for the half rose 6% on orders from chipmakers and carmakers. \
             In the July-September quarter alone, sales were $912 million.";
    assert_eq!(metric_of(t, "$912 million"), "company.revenue");
    // but a segment that heads the sentence is
    let s = "Gaming had a difficult quarter. The unit's revenue fell 9% to $301 million.";
    assert_eq!(metric_of(s, "$301 million"), "gaming.revenue");
}

#[test]
fn the_unit_is_the_sentence_subject() {
    let s = "Software revenue fell 4% to $220 million as engineers moved to data center \
             projects, and the unit now contributes only about 9% of sales.";
    assert_eq!(metric_of(s, "9%"), "software.revenue");
    // without "the unit" the nearest subject stands
    let n = "Software revenue fell 4% to $220 million, while data center revenue now \
             makes up 70% of sales.";
    assert_eq!(metric_of(n, "70%"), "data-center.revenue");
}

#[test]
fn make_up_states_a_share_not_growth() {
    let s = "Cloud sales climbed 31% to $2.2 billion and now make up 45% of revenue.";
    let c = claims(s);
    let share = c.iter().find(|c| c.figure.text == "45%").expect("45%");
    assert_eq!(share.kind.name(), "share");
    let growth = c.iter().find(|c| c.figure.text == "31%").expect("31%");
    assert_eq!(growth.kind.name(), "growth");
}

#[test]
fn a_run_of_quarters_is_not_a_period() {
    let s = "Third-quarter revenue rose 3%. Orders fell 7%, a second quarter in a row of decline.";
    assert_eq!(label_of(s, "7%"), "Third-quarter");
}

#[test]
fn a_relative_label_in_another_clause_is_not_the_figures() {
    let s = "Third-quarter revenue of $812 million was a record, and margins have widened from a year earlier for five quarters.";
    assert_eq!(label_of(s, "$812 million"), "Third-quarter");
    // in its own clause it is
    let t =
        "Revenue rose to $812 million in the third quarter, up from $700 million a year earlier.";
    assert_eq!(label_of(t, "$700 million"), "a year earlier");
}

#[test]
fn a_currency_after_an_abbreviated_scale_stays_with_its_figure() {
    let c = claims(
        "Der Umsatz stieg im dritten Quartal auf 2,4 Mrd. € und lag damit über dem Vorjahr.",
    );
    let f = c
        .iter()
        .find(|c| c.figure.text.starts_with("2,4"))
        .expect("2,4 Mrd. €");
    assert_eq!(f.figure.text, "2,4 Mrd. €");
    assert_eq!(f.figure.unit.to_string(), "EUR");
}

#[test]
fn a_section_heading_period_ends_at_the_next_heading() {
    // claims() puts a headline without a period first
    let t = "Norrvik Freight said on Tuesday that volumes on its Baltic routes held up through the summer despite weaker demand from the paper and timber industries.\n\nOutlook for fiscal 2027\n\nThe company expects revenue of $3.1 billion.\n\nMarket reaction\n\nThe shares rose 4% to $61.20 in early trading.";
    assert_eq!(label_of(t, "$3.1 billion"), "fiscal 2027");
    assert_ne!(label_of(t, "4%"), "fiscal 2027");
}

#[test]
fn a_fiscal_year_named_by_its_end() {
    let s = "For the fiscal year ending March 31, 2027, the company now expects net sales of ¥940 billion.";
    assert_eq!(
        label_of(s, "¥940 billion"),
        "fiscal year ending March 31, 2027"
    );
}

#[test]
fn a_label_in_an_apposition_describes_another_label() {
    let s = "Revenue in the July-September quarter, the last of a fiscal year that ended on Sept. 30, rose 5% to $2.2 billion.";
    assert_eq!(label_of(s, "$2.2 billion"), "July-September quarter");
    let t = format!("{s} Analysts had expected $2.1 billion.");
    assert_eq!(label_of(&t, "$2.1 billion"), "July-September quarter");
}

#[test]
fn a_comparison_label_is_not_the_figures_period() {
    let s = "Norrvik Freight's board approved a quarterly dividend of 40 cents, or $0.40 per share, unchanged from the previous quarter.";
    assert_ne!(label_of(s, "$0.40"), "previous quarter");
    let t = "Germany accounted for 31% of group revenue in the third quarter, slightly less than a year earlier.";
    assert_eq!(label_of(t, "31%"), "third quarter");
}

#[test]
fn a_named_full_year_beats_a_horizon_elsewhere_in_the_sentence() {
    let s = "Norrvik Freight plans to spend $900 million on terminals by 2030, and expects full-year 2025 revenue of about $4.1 billion.";
    assert_eq!(label_of(s, "$4.1 billion"), "full-year 2025");
}

#[test]
fn a_year_in_an_apposition_does_not_date_the_figure() {
    let s = "Third-quarter revenue rose 4%. Baltlink, the ferry operator Norrvik bought in 2019, carried 2.1 million passengers.";
    assert_eq!(label_of(s, "2.1 million"), "Third-quarter");
}

#[test]
fn a_share_of_total_sales_belongs_to_the_part_named_before_it() {
    let s = "In the quarter, ferry revenue, which includes the new Gdansk route, climbed to $610 million and accounted for 38% of total sales.";
    // "Ferry" is not in the catalogue: the share is not given to the company total
    assert_ne!(metric_of(s, "38%"), "company.revenue");
    // with a catalogue segment before it
    let d = "Software sales jumped 22% to $610 million, representing 38% of total revenue.";
    assert_eq!(metric_of(d, "38%"), "software.revenue");
}

#[test]
fn a_peer_groups_company_level_measure_stays_the_peers() {
    let s = "Norrvik's largest customers are the big retailers, whose combined capital spending should top $90 billion this year, while rivals spent $12 billion.";
    assert_eq!(metric_of(s, "$12 billion"), "peers.capex");
    let own = "Norrvik's capital spending rose 10% to $310 million.";
    assert_eq!(metric_of(own, "$310 million"), "company.capex");
}

#[test]
fn a_section_label_names_the_segment_unless_two_labels_share_it() {
    let one = "Industrial Sensors: Net sales fell 2.3% to $171 million.\n\nFreight Services: Net sales rose 4% to $90 million.";
    assert_eq!(metric_of(one, "$171 million"), "industrial.revenue");
    // two labels the catalogue reads as the same segment: neither is trusted
    let two = "Industrial Sensors: Net sales fell 2.3% to $171 million.\n\nIndustrial Automation: Net sales rose 4% to $90 million.";
    assert_eq!(metric_of(two, "$171 million"), "-");
    assert_eq!(metric_of(two, "$90 million"), "-");
    // a label the catalogue does not know at all names its own part, never the company
    let unknown = "Customer Management: Net sales rose 4% to $90 million.";
    assert_eq!(
        metric_of(unknown, "$90 million"),
        "text-customer-management.revenue"
    );
}

#[test]
fn guidance_its_band_the_consensus_and_the_growth_it_implies() {
    let s = "The freight group expects revenue of $4.2 billion, plus or minus 2%, for the fourth quarter.";
    assert_eq!(metric_of(s, "$4.2 billion"), "company.guidance-revenue");
    assert_eq!(metric_of(s, "2%"), "-");
    let c = "For the fourth quarter, management guided revenue to $4.2 billion, above the $4.1 billion consensus. The midpoint implies sequential growth of about 6%.";
    assert_eq!(metric_of(c, "$4.2 billion"), "company.guidance-revenue");
    assert_eq!(metric_of(c, "$4.1 billion"), "company.revenue");
    assert_eq!(metric_of(c, "6%"), "company.guidance-revenue");
    // a part of the business growing is not the guidance
    let p = "For the fourth quarter, management guided revenue to $4.2 billion. The chief executive called the outlook cautious and said the ferry business alone should grow by more than 10%.";
    assert_eq!(metric_of(p, "10%"), "-");
    // without guidance before it, growth with no measure stays unattributed
    let n = "The midpoint of the range implies growth of about 6%.";
    assert_eq!(metric_of(n, "6%"), "-");
}

#[test]
fn a_known_head_noun_with_an_unknown_modifier_is_another_segment() {
    let s = "Medical Devices: Net sales rose 8.8% to $84 million.";
    assert_eq!(metric_of(s, "$84 million"), "text-medical-device.revenue");
    let t = "Semiconductor Equipment: Net sales rose 19.5% to $156 million.";
    assert_eq!(metric_of(t, "$156 million"), "semiconductors.revenue");
}

#[test]
fn points_beside_a_margin_are_a_change_and_headcount_is_employees() {
    let s = "The operating margin improved by 1.6 points to 14.1%.";
    let c = claims(s);
    let p = c
        .iter()
        .find(|c| c.figure.text == "1.6 points")
        .expect("1.6 points");
    assert_eq!(p.figure.unit.to_string(), "pp");
    assert_eq!(p.kind.name(), "growth");
    let e = "At the end of September the group employed about 8,200 people.";
    assert_eq!(metric_of(e, "8,200"), "company.employees");
}

#[test]
fn analysts_estimates_take_the_level_stated_before_them() {
    let s = "Revenue in the third quarter rose 6% to $2.31 billion. Analysts had expected $2.25 billion.";
    let c = claims(s);
    let e = c
        .iter()
        .find(|c| c.figure.text == "$2.25 billion")
        .expect("estimate");
    assert_eq!(
        e.metric.as_ref().map(|m| m.to_string()).as_deref(),
        Some("company.revenue")
    );
    assert_eq!(e.basis.map(|b| b.name()), Some("estimate"));
    assert!(e.outlook);
    // the actual figure is no estimate
    let a = c
        .iter()
        .find(|c| c.figure.text == "$2.31 billion")
        .expect("actual");
    assert_eq!(a.basis, None);
    // a forecast of the company's own, with nothing before it, stays unattributed
    assert_eq!(
        metric_of("Analysts had expected $2.25 billion.", "$2.25 billion"),
        "-"
    );
}

#[test]
fn spans_of_the_year_and_dates_of_a_stock() {
    let s = "Norrvik shares have gained about 24% since the beginning of the year.";
    assert_eq!(label_of(s, "24%"), "since the beginning of the year");
    let t = "Capital spending is expected to top $900 million this year.";
    assert_eq!(label_of(t, "$900 million"), "this year");
    let u = "The company had 9.8 million subscribers at the end of September, up 7% from a year earlier. Rivals together have about 36 million subscribers.";
    assert_eq!(label_of(u, "9.8 million"), "at the end of September");
    // a date of a stock does not date the next sentence's figures
    assert_ne!(label_of(u, "36 million"), "at the end of September");
}

#[test]
fn a_span_after_over_is_the_period_and_a_relative_clause_keeps_its_own() {
    let s = "Norrvik, which employs about 9,000 people, cut roughly 400 jobs over the past year.";
    assert_eq!(label_of(s, "400"), "past year");
    assert_ne!(label_of(s, "9,000"), "past year");
}

#[test]
fn the_quarter_in_which_is_the_one_just_reported() {
    let s = "Norrvik forecast fourth-quarter revenue above estimates, after a quarter in which ferry sales rose 12%.";
    assert_eq!(label_of(s, "12%"), "a quarter in which");
    let t = "Norrvik forecast fourth-quarter revenue above estimates after the quarter in which ferry sales rose 12%.";
    assert_eq!(label_of(t, "12%"), "the quarter in which");
}

#[test]
fn a_table_header_with_dates_on_two_lines() {
    let t = "SUMMARY OF RESULTS\n(in millions, except per-share data)\n\n                         Three Months Ended\n                       Oct. 31,       Jul. 31,       Oct. 31,\n                         2025           2025           2024\nRevenue                $ 1,482        $ 1,411        $ 1,278\nDiluted EPS            $  1.38        $  1.28        $  1.03\n";
    let c = claims(t);
    let rev: Vec<_> = c.iter().filter(|c| c.span.line == 9).collect();
    assert_eq!(rev.len(), 3, "{c:?}");
    assert_eq!(rev[0].period.label, "quarter ended Oct. 31, 2025");
    assert_eq!(rev[2].period.label, "quarter ended Oct. 31, 2024");
    // "(in millions)" scales amounts, not per-share ones
    assert_eq!(rev[0].figure.scale, claimcheck::model::Scale::Million);
    let eps = c.iter().find(|c| c.span.line == 10).expect("eps");
    assert_eq!(eps.figure.scale, claimcheck::model::Scale::One);
}

#[test]
fn organic_growth_and_non_gaap_figures_are_kept_apart() {
    let s = "Revenue rose 6% to $1.2 billion, or 4.8% on a like-for-like basis.";
    assert_eq!(metric_of(s, "6%"), "company.revenue");
    assert_eq!(metric_of(s, "4.8%"), "company.organic-revenue");
    let g = "GAAP gross margin was 58.9%; non-GAAP gross margin was 61.4%.";
    let c = claims(g);
    let m = |f: &str| {
        c.iter()
            .find(|c| c.figure.text == f)
            .and_then(|c| c.metric.as_ref())
            .map(|m| m.to_string())
    };
    assert_eq!(m("58.9%").as_deref(), Some("company.gross-margin"));
    assert_eq!(m("61.4%").as_deref(), Some("company.gross-margin:non-gaap"));
}

#[test]
fn a_bracketed_prior_period_labels_only_the_figure_after_it() {
    let s = "In the first half of 2025 the adjusted operating margin was 19.0%, up 50 basis points (H1 2024: 18.5%).";
    assert_eq!(label_of(s, "19.0%"), "first half of 2025");
    assert_eq!(label_of(s, "18.5%"), "H1 2024");
}

#[test]
fn the_label_of_a_compared_value_is_not_another_clauses() {
    let s = "GAAP gross margin was 58.9%; non-GAAP gross margin was 61.4%, up 160 basis points from 59.8% in the second quarter of 2024.";
    assert_ne!(label_of(s, "58.9%"), "second quarter of 2024");
    assert_eq!(label_of(s, "59.8%"), "second quarter of 2024");
    // a label a series of figures shares is still theirs
    let t = "Norrvik aims to reach sales of $9 billion; and a margin of 15% in the fiscal year ending March 31, 2029.";
    assert_eq!(
        label_of(t, "$9 billion"),
        "fiscal year ending March 31, 2029"
    );
}

#[test]
fn a_division_the_catalogue_does_not_know_is_not_the_company() {
    // named in the text, it gets a subject of its own (never the company's)
    let s = "The pet food division, which sells two brands, grew revenue 11% to $512 million.";
    assert_eq!(metric_of(s, "$512 million"), "text-pet-food.revenue");
    let k = "The cloud division grew revenue 20% to $2 billion.";
    assert_eq!(metric_of(k, "$2 billion"), "cloud.revenue");
    let c = "Revenue grew 6% to $1.2 billion, while the smaller pet food business grew 3%.";
    assert_eq!(metric_of(c, "$1.2 billion"), "company.revenue");
    assert_eq!(metric_of(c, "3%"), "text-pet-food.revenue");
}

/// The metric id with its scope ("company.net-income:attributable"), or "-".
fn scoped(text: &str, figure: &str) -> String {
    claims(text)
        .into_iter()
        .find(|c| c.figure.text == figure)
        .unwrap_or_else(|| panic!("{figure} not found"))
        .metric
        .map(|m| m.to_string())
        .unwrap_or_else(|| "-".into())
}

#[test]
fn qualifiers_keep_measures_that_are_different_numbers_apart() {
    // adjusted before the measure
    let s = "Adjusted net income rose 12% to $410 million in the third quarter of 2025.";
    assert_eq!(scoped(s, "$410 million"), "company.net-income:non-gaap");
    // a measure adjusted by definition is not qualified again
    let s = "Adjusted EBITA fell 12% to $910 million, and the adjusted EBITA margin fell to 13.3%.";
    assert_eq!(scoped(s, "$910 million"), "company.adjusted-ebita");
    assert_eq!(scoped(s, "13.3%"), "company.operating-margin");
    // a qualifier after the figure, and the plain figure beside it stays plain
    let s = "Diluted EPS was $1.42 on a non-GAAP basis in the third quarter of 2025.";
    assert_eq!(scoped(s, "$1.42"), "company.eps:non-gaap");
    let s = "Diluted EPS was $1.10 in the third quarter of 2025; non-GAAP EPS was $1.42.";
    assert_eq!(scoped(s, "$1.10"), "company.eps");
    // a clause that opens with the qualifier
    let s = "On a continuing operations basis, net income grew 9% to $300 million in the third quarter of 2025.";
    assert_eq!(scoped(s, "$300 million"), "company.net-income:continuing");
    // basic EPS is not the diluted figure; a qualifier limited to EPS leaves revenue alone
    let s = "Quarterly basic EPS came to $2.31 in the third quarter of 2025.";
    assert_eq!(scoped(s, "$2.31"), "company.eps:basic");
    let s = "Earnings per share, basic, came to $2.31 in the third quarter of 2025.";
    assert_eq!(scoped(s, "$2.31"), "company.eps:basic");
    let s = "Basic revenue rose 4% to $2.3 billion in the third quarter of 2025.";
    assert_eq!(scoped(s, "$2.3 billion"), "company.revenue");
    // and the plain measure stays plain
    let s = "Net income rose 12% to $410 million in the third quarter of 2025.";
    assert_eq!(scoped(s, "$410 million"), "company.net-income");
}

#[test]
fn a_lead_line_qualifies_the_bullets_under_it() {
    let s = "Third quarter 2025 highlights\n\n- Revenue was $2.4 billion, up 11%.\n- On an adjusted basis, which excludes one-off items:\n- Operating profit was $610 million, up 14%.\n- Net profit was $480 million.\n\nThe company employs 9,000 people.";
    assert_eq!(scoped(s, "$2.4 billion"), "company.revenue");
    assert_eq!(
        scoped(s, "$610 million"),
        "company.operating-income:non-gaap"
    );
    assert_eq!(scoped(s, "$480 million"), "company.net-income:non-gaap");
    // a lead line with no qualifier ends the earlier one
    let s = "- On an adjusted basis:\n- Operating profit was $610 million.\n- On a reported basis:\n- Operating profit was $540 million.";
    assert_eq!(
        scoped(s, "$610 million"),
        "company.operating-income:non-gaap"
    );
    assert_eq!(scoped(s, "$540 million"), "company.operating-income");
}

#[test]
fn a_superseded_forecast_is_an_earlier_value() {
    let s = "For the fiscal year ending March 2026, Norrvik now expects operating profit of $1.4 billion. It previously expected operating profit to rise 4% to $1.3 billion, and revenue to fall 2% to $11.7 billion.";
    let r = read(s);
    let label = |f: &str| r.iter().find(|x| x.0 == f).map(|x| x.2.clone()).unwrap();
    assert_eq!(label("$1.3 billion"), "earlier value");
    assert_eq!(label("$11.7 billion"), "earlier value");
    assert_ne!(label("$1.4 billion"), "earlier value");
}

#[test]
fn a_part_the_catalogue_does_not_know_is_not_the_company() {
    // named after the figure
    let s = "Norrvik reported a 19% jump in revenue from its ticketing business in the third quarter of 2025.";
    assert_eq!(metric_of(s, "19%"), "text-ticketing.revenue");
    // a possessive part before the figure
    let s =
        "In the third quarter of 2025 Norrvik's lighting segment lifted sales 17% to $6.8 billion.";
    assert_eq!(metric_of(s, "$6.8 billion"), "text-lighting.revenue");
    // the company's name followed by a unit's name
    let s = "Norrvik Marine, for its part, posted revenue down 4% at $1.17 billion in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$1.17 billion"), "text-marine.revenue");
    // but the company's own name, a generic modifier and a person stay the company's
    let s = "Norrvik Freight said revenue rose 8% to $2.2 billion in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$2.2 billion"), "company.revenue");
    let s = "Norrvik CEO Ana Lund said its core business grew revenue 8% to $2.2 billion in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$2.2 billion"), "company.revenue");
    // company-level measures are the company's whatever the part
    let s = "Norrvik spent $300 million on its logistics business in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$300 million"), "company.capex");
}

#[test]
fn a_count_of_other_things_is_not_the_headcount() {
    let s = "Norrvik Freight employs 9,000 people across nine countries and opened two new depots in 2025.";
    assert_eq!(metric_of(s, "9,000"), "company.employees");
    let r = read(s);
    for (f, m, _) in &r {
        if f != "9,000" && f != "2025" {
            assert_eq!(m, "-", "{f} is not the headcount: {r:?}");
        }
    }
    // a count the measure names stays
    let s = "Norrvik Freight cut 400 jobs in the third quarter of 2025.";
    assert_eq!(metric_of(s, "400"), "company.employees");
    let s = "Norrvik Freight counted 12.4 million active users in the third quarter of 2025.";
    assert_eq!(metric_of(s, "12.4 million"), "company.users");
}

#[test]
fn a_change_amount_or_an_effect_is_not_the_level() {
    let s = "In the third quarter of 2025, Norrvik Freight's revenue increased $312 million or 7%.";
    assert_eq!(metric_of(s, "$312 million"), "-");
    assert_eq!(metric_of(s, "7%"), "company.revenue");
    let s = "Operating income rose by $95 million in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$95 million"), "-");
    // an effect on the measure
    let s = "A legal settlement was a $1.4 billion hit to net income in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$1.4 billion"), "-");
    let s = "Operating income included a favourable currency impact of 3% in the third quarter of 2025.";
    assert_eq!(metric_of(s, "3%"), "-");
    // a level after "to", or after "<measure> of", stays a level
    let s = "Revenue increased 7% to $4.7 billion in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$4.7 billion"), "company.revenue");
    let s = "Norrvik Freight reported net income of $210 million in the third quarter of 2025.";
    assert_eq!(metric_of(s, "$210 million"), "company.net-income");
}

#[test]
fn a_label_of_a_later_comparison_is_not_the_figures_own() {
    // the compared figure takes the label; the first figure does not
    let s = "Cloud revenue grew 41%, faster than the 30% rise in the second quarter.";
    assert_eq!(label_of(s, "30%"), "second quarter");
    assert_eq!(label_of(s, "41%"), "");
    let s = "Diluted EPS rose to $2.10, compared to $1.85 in the second quarter.";
    assert_eq!(label_of(s, "$1.85"), "second quarter");
    assert_eq!(label_of(s, "$2.10"), "");
    // a level followed by its change from a base period
    let s = "Revenue was $8.4 billion, up 12% from the second quarter of 2025.";
    assert_eq!(label_of(s, "$8.4 billion"), "");
    // a label after the figure with no comparison between stays the figure's
    let s = "Revenue was $8.4 billion in the third quarter of 2025.";
    assert_eq!(label_of(s, "$8.4 billion"), "third quarter of 2025");
    let s = "Revenue was $8.4 billion, up 12%, in the third quarter of 2025.";
    assert_eq!(label_of(s, "$8.4 billion"), "third quarter of 2025");
}

#[test]
fn a_label_lead_line_names_the_part_its_bullets_are_about() {
    let s = "Results for the third quarter of 2025:\n\n- Financial highlights:\n- Revenue: $2.4 billion, up 11%.\n- Lighting Systems (formerly Lamps):\n- Revenue: $610 million, up 14%.\n- Payments:\n- Revenue: $480 million, up 9%.\n- Cloud: revenue of $300 million.";
    assert_eq!(metric_of(s, "$2.4 billion"), "company.revenue");
    // a part the catalogue does not know: its own, not the company's revenue
    assert_eq!(metric_of(s, "$610 million"), "text-lighting-system.revenue");
    assert_eq!(metric_of(s, "14%"), "text-lighting-system.revenue");
    // a part it knows
    assert_eq!(metric_of(s, "$480 million"), "payments.revenue");
    // a bullet that names its own part keeps it
    assert_eq!(metric_of(s, "$300 million"), "cloud.revenue");
}

#[test]
fn an_amount_followed_by_adjusted_is_non_gaap() {
    let s = "Earnings per share: $2.13 adjusted vs. $2.01 expected in the third quarter of 2025.";
    assert_eq!(scoped(s, "$2.13"), "company.eps:non-gaap");
}

#[test]
fn a_conjoined_clause_shares_the_unknown_part_and_a_share_price_is_no_metric() {
    let s = "In the third quarter of 2025 Norrvik's toy segment saw sales jump 17% to $4.2 billion and operating income climb 24% to $812 million, driven by exports.";
    assert_eq!(metric_of(s, "24%"), "text-toy.operating-income");
    assert_eq!(metric_of(s, "$812 million"), "text-toy.operating-income");
    // a clause with its own subject does not
    let s = "In the third quarter of 2025 Norrvik's toy segment saw sales jump 17%, while group operating income rose 24% to $812 million.";
    assert_eq!(metric_of(s, "$812 million"), "company.operating-income");
    // share-price moves
    let s = "Norrvik plans to repurchase as many as 12 million shares. Norrvik's shares advanced 5 per cent after the report.";
    assert_eq!(metric_of(s, "5 per cent"), "-");
    let s = "Net profit rose 9% in the third quarter of 2025, and the stock gained 4%.";
    assert_eq!(metric_of(s, "9%"), "company.net-income");
    assert_eq!(metric_of(s, "4%"), "-");
}

#[test]
fn a_part_the_catalogue_does_not_know_is_named_from_the_text() {
    // a colon label, a lead label and a multi-word modifier that name the same part
    // meet on one subject, never the company's
    let a = scoped(
        "Marine Engines: Revenue rose 43% to $20.2 billion in the third quarter of 2025.",
        "$20.2 billion",
    );
    let b = scoped(
        "Marine engines revenue was $20.8 billion in the third quarter of 2025.",
        "$20.8 billion",
    );
    assert_eq!(a, "text-marine-engine.revenue");
    assert_eq!(a, b);
    let c = scoped(
        "- Marine Engines:\n- Revenue: $20.8 billion in the third quarter of 2025.",
        "$20.8 billion",
    );
    assert_eq!(c, a);
    // a part after its possessive
    let d = scoped(
        "In the third quarter of 2025 Norrvik's marine engines business grew revenue 9% to $3.1 billion.",
        "$3.1 billion",
    );
    assert_eq!(d, "text-marine-engine.revenue");
    // a single lower-case word before the measure may be anything: no subject
    assert_eq!(
        metric_of(
            "Analysts say it could reach revenue of $4 billion in 2026.",
            "$4 billion"
        ),
        "-"
    );
    // a known part leading the phrase stays that part
    assert_eq!(
        metric_of(
            "Cloud gaming revenue rose 12% to $1.1 billion in the third quarter of 2025.",
            "$1.1 billion"
        )
        .split('.')
        .next()
        .unwrap(),
        "cloud"
    );
}

#[test]
fn a_longer_form_of_the_companys_name_is_the_company() {
    // the entity is "Norrvik Freight Inc", known in the text by its first word too:
    // "Norrvik Freight" is still the company, while "Norrvik Marine" is a unit
    let k = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
    let text = "Norrvik Freight Inc posts record quarter\n\nNorrvik Freight reported third quarter 2025 revenue of $1.48 billion on Tuesday. Norrvik Marine reported third quarter 2025 revenue of $0.31 billion.\n";
    let claims = claimcheck::extract::article(Path::new("norrvik.txt"), text, None, &k).1;
    let m = |f: &str| {
        claims
            .iter()
            .find(|c| c.figure.text == f)
            .and_then(|c| c.metric.as_ref())
            .map(|m| m.to_string())
    };
    assert_eq!(m("$1.48 billion").as_deref(), Some("company.revenue"));
    assert_eq!(m("$0.31 billion").as_deref(), Some("text-marine.revenue"));
}

#[test]
fn respectively_pairs_figures_with_measures_in_order() {
    let s =
        "Analysts had expected revenue and adjusted EPS of $4.2 billion and $0.88, respectively.";
    let c = claims(s);
    let rev = c
        .iter()
        .find(|c| c.figure.text == "$4.2 billion")
        .expect("revenue");
    let eps = c.iter().find(|c| c.figure.text == "$0.88").expect("eps");
    assert_eq!(
        rev.metric.as_ref().map(|m| m.measure.as_str()),
        Some("revenue")
    );
    assert_eq!(eps.metric.as_ref().map(|m| m.measure.as_str()), Some("eps"));
    assert_eq!(
        eps.metric.as_ref().and_then(|m| m.scope.as_deref()),
        Some("non-gaap")
    );
    assert_eq!(rev.metric.as_ref().and_then(|m| m.scope.as_deref()), None);
    // both are the analysts' estimate, and nobody who compiled it is named
    assert_eq!(eps.basis, Some(claimcheck::model::Basis::Estimate));
    assert!(!eps.sourcing.is_direct());
    // without "respectively" the second figure keeps its own reading
    let t = "Revenue was $4.2 billion and the board approved $0.88 in dividends.";
    let d = claims(t);
    let div = d
        .iter()
        .find(|c| c.figure.text == "$0.88")
        .expect("dividend");
    assert_ne!(div.basis, Some(claimcheck::model::Basis::Estimate));
}

#[test]
fn company_voice_sources_its_results_not_estimates() {
    let text = "Norrvik Freight on Tuesday reported quarterly results.\n\n\
Revenue rose 9% to $1.4 billion. That beat the $1.3 billion Wall Street had forecast.\n\n\
Shares rose 4%.\n";
    let c = claims(text);
    let get = |f: &str| {
        c.iter()
            .find(|c| c.figure.text == f)
            .unwrap_or_else(|| panic!("{f}"))
    };
    assert!(
        get("$1.4 billion").sourcing.is_direct(),
        "the company's result, as it reported"
    );
    assert!(get("9%").sourcing.is_direct());
    assert!(
        !get("$1.3 billion").sourcing.is_direct(),
        "nobody named compiled the estimate"
    );
    assert!(
        !get("4%").sourcing.is_direct(),
        "a share move is market data"
    );
    // the same figures with nobody speaking for them
    let bare = "Revenue rose 9% to $1.4 billion in the quarter.\n";
    let b = claims(bare);
    assert!(!b.iter().any(|c| c.sourcing.is_direct()));
    // an estimate with its compiler named
    let named = "Norrvik Freight reported results.\n\nRevenue of $1.4 billion beat the Quillmark consensus of $1.3 billion.\n";
    let n = claims(named);
    let est = n
        .iter()
        .find(|c| c.figure.text == "$1.3 billion")
        .expect("estimate");
    assert!(est.sourcing.is_direct());
}

#[test]
fn gaap_stated_outright_is_no_scope_but_is_recorded() {
    let c = claims("Net income of $2.6 billion and EPS of $5.21 (GAAP) were strong.");
    let eps = c.iter().find(|c| c.figure.text == "$5.21").expect("eps");
    assert_eq!(
        eps.metric.as_ref().map(|m| m.to_string()),
        Some("company.eps".into())
    );
    assert_eq!(eps.stated_scope.as_deref(), Some("gaap"));
    let d = claims("EPS was $1.10 on a GAAP basis, and $1.30 on a non-GAAP basis.");
    let g = d.iter().find(|c| c.figure.text == "$1.10").expect("gaap");
    assert_eq!(g.stated_scope.as_deref(), Some("gaap"));
    let n = d
        .iter()
        .find(|c| c.figure.text == "$1.30")
        .expect("non-gaap");
    assert_eq!(
        n.metric.as_ref().map(|m| m.to_string()),
        Some("company.eps:non-gaap".into())
    );
    assert_eq!(n.stated_scope, None);
}

#[test]
fn each_growth_figure_keeps_the_basis_written_after_it() {
    let s = "Net income was $2.6 billion, up 58% YoY and 37% QoQ, above estimates.";
    let c = claims(s);
    let basis = |f: &str| c.iter().find(|c| c.figure.text == f).and_then(|c| c.basis);
    assert_eq!(basis("58%"), Some(claimcheck::model::Basis::Yoy));
    assert_eq!(basis("37%"), Some(claimcheck::model::Basis::Qoq));
    let t = "Sales rose 7% sequentially and 31% from a year earlier.";
    let d = claims(t);
    let b = |f: &str| d.iter().find(|c| c.figure.text == f).and_then(|c| c.basis);
    assert_eq!(b("7%"), Some(claimcheck::model::Basis::Qoq));
    assert_eq!(b("31%"), Some(claimcheck::model::Basis::Yoy));
}

#[test]
fn a_segment_name_holding_a_catalogue_word_is_that_segment() {
    // "Gaming" is in the catalogue; "the Client and Gaming segment" is another segment
    let s = "Norrvik Freight said the Consoles and Gaming segment grew 41% to $2.2 billion.";
    assert_eq!(metric_of(s, "41%"), "text-console-gaming.revenue");
    let t = "Norrvik Freight's Smart Cloud unit reported revenue of $5.1 billion.";
    assert_eq!(metric_of(t, "$5.1 billion"), "text-smart-cloud.revenue");
    // the catalogue's own name for the part stays the catalogue's
    let u = "Its Gaming segment grew 41% to $2.2 billion.";
    assert_eq!(metric_of(u, "41%"), "gaming.revenue");
    let v = "Gaming revenue grew 41% to $2.2 billion.";
    assert_eq!(metric_of(v, "41%"), "gaming.revenue");
}

#[test]
fn a_brand_before_a_catalogue_part_in_lower_case_is_the_brand() {
    // the text does not say the brand's business is all of the company's cloud
    let s = "Revenue in the company's Quillo cloud business jumped 35%.";
    assert_eq!(metric_of(s, "35%"), "text-quillo.revenue");
    let r = "Norrvik Freight said Quillo-related services grew 30% in the quarter.";
    assert_eq!(metric_of(r, "30%"), "text-quillo-related-service.revenue");
    // a scope or the company itself is no brand
    let c = "Norrvik Freight said its China cloud business grew 12%.";
    assert_eq!(metric_of(c, "12%"), "cloud.revenue");
    let n = "Norrvik Freight said Norrvik cloud revenue grew 12%.";
    assert_eq!(metric_of(n, "12%"), "cloud.revenue");
}

#[test]
fn a_quoted_or_appositive_name_is_the_segment() {
    let q = "Overall \"smart cloud\" revenue, which includes Quillo, rose 28% to $3.1 billion.";
    assert_eq!(metric_of(q, "28%"), "text-smart-cloud.revenue");
    // typographic quotes (several bytes each) alike
    let c = "Overall \u{201c}smart cloud\u{201d} revenue rose 28% to $3.1 billion.";
    assert_eq!(metric_of(c, "28%"), "text-smart-cloud.revenue");
    let a = "Growth was led by its cloud computing unit, Quillo, which saw revenue climb 44%.";
    assert_eq!(metric_of(a, "44%"), "text-quillo.revenue");
    // a mid-sentence capitalised catalogue word inside a name, with no part noun after it
    let t = "Norrvik Freight said Tablets and Devices revenue increased 7%, while Smart Cloud revenue rose 4%.";
    assert_eq!(metric_of(t, "7%"), "text-tablet-device.revenue");
    assert_eq!(metric_of(t, "4%"), "text-smart-cloud.revenue");
    // a headline in title case names nothing by its capitals
    let h = "Norrvik Freight Posts Record Cloud Revenue Growth Of 26%";
    assert_eq!(metric_of(h, "26%"), "cloud.revenue");
}

#[test]
fn a_bound_or_a_stake_is_no_figure_of_the_measure() {
    let s = "It was the sixth quarter in a row that Quillo revenue rose by 25% or more.";
    assert_eq!(metric_of(s, "25%"), "-");
    let i =
        "Norrvik Freight said the results excluded $2 billion it invested in Rivalco last year.";
    assert_eq!(metric_of(i, "$2 billion"), "-");
    // spending in a market is still spending
    let c = "Norrvik Freight said it invested $2 billion in China during the quarter.";
    assert_eq!(metric_of(c, "$2 billion"), "company.capex");
}

#[test]
fn a_profit_at_constant_currency_is_not_the_reported_one() {
    let s = "Operating income was $6.1 billion and increased 17% (up 15% in constant currency).";
    assert_eq!(scoped_metric(s, "17%"), "company.operating-income");
    assert_eq!(
        scoped_metric(s, "15%"),
        "company.operating-income:constant-currency"
    );
    let r = "Revenue was $21.4 billion and increased 9% (up 8% in constant currency).";
    assert_eq!(metric_of(r, "8%"), "company.organic-revenue");
}

#[test]
fn a_one_word_label_names_its_segment_but_a_generic_one_does_not() {
    let s = "~Widgets: (Consumer gadgets) Revenue was $1.1 billion, up 12% YoY.";
    assert_eq!(metric_of(s, "$1.1 billion"), "text-widget.revenue");
    let g = "- Gaming: Revenue was $1.1 billion, up 12% YoY.";
    assert_eq!(metric_of(g, "$1.1 billion"), "gaming.revenue");
    // a generic label names no part
    let o = "Highlights: Revenue was $1.1 billion, up 12% YoY.";
    assert_eq!(metric_of(o, "$1.1 billion"), "company.revenue");
    // nor does a measure used as a label
    let m = "Revenue: $1.1 billion, up 12% YoY.";
    assert_eq!(metric_of(m, "$1.1 billion"), "company.revenue");
}

#[test]
fn a_paragraph_opening_with_a_part_label_is_about_that_part() {
    let s =
        "Widgets: Revenue was $1.1 billion, up 12% YoY. Operating income fell 9% to $210 million.";
    assert_eq!(metric_of(s, "$210 million"), "text-widget.operating-income");
    assert_eq!(metric_of(s, "9%"), "text-widget.operating-income");
    // a sentence that names its own part is that part's
    let t = "Widgets: Revenue was $1.1 billion. Gaming revenue rose 4% to $600 million.";
    assert_eq!(metric_of(t, "$600 million"), "gaming.revenue");
    // a generic lead names no part
    let u = "Highlights: Revenue was $1.1 billion. Operating income fell 9% to $210 million.";
    assert_eq!(metric_of(u, "$210 million"), "company.operating-income");
}

#[test]
fn a_change_from_a_base_in_the_quarter_before_is_sequential() {
    let s = "Operating income was $2.4 billion in Q3 2026, up 31% from $1.8 billion in Q3 2025, and up 120% from $1.1 billion in Q2 2026.";
    let c = claims(s);
    let basis = |f: &str| c.iter().find(|c| c.figure.text == f).and_then(|c| c.basis);
    assert_eq!(basis("31%"), Some(claimcheck::model::Basis::Yoy));
    assert_eq!(basis("120%"), Some(claimcheck::model::Basis::Qoq));
    // a base that is neither the quarter before nor the year before leaves the basis alone
    let t = "Operating income was $2.4 billion in Q3 2026, up 70% from $1.4 billion in Q1 2026.";
    let d = claims(t);
    let b = d
        .iter()
        .find(|c| c.figure.text == "70%")
        .and_then(|c| c.basis);
    assert_eq!(b, Some(claimcheck::model::Basis::Yoy));
}

#[test]
fn a_year_after_the_month_of_a_year_end_is_the_year_not_a_day() {
    // "March 2027": the year, never a day "March 20"
    let s =
        "Norrvik Freight expects net income of $640 million for the fiscal year ending March 2027.";
    assert_eq!(label_of(s, "$640 million"), "fiscal year ending March 2027");
    let s = "Norrvik Freight reported revenue of $1.3 billion for the quarter ended June 2025.";
    assert_eq!(label_of(s, "$1.3 billion"), "quarter ended June 2025");
    // a day and a year keep both
    let s = "Norrvik Freight expects net income of $640 million for the fiscal year ending March 31, 2027.";
    assert_eq!(
        label_of(s, "$640 million"),
        "fiscal year ending March 31, 2027"
    );
}

#[test]
fn from_a_base_to_the_current_level_the_base_label_is_the_earlier_figures() {
    // "from X in <base> to Y": X is the base period's, Y the current level
    let s = "Gross margin rose from 41.2% in the same period last year to 43.5% in the third quarter of 2025.";
    assert_eq!(label_of(s, "41.2%"), "same period last year");
    assert_eq!(label_of(s, "43.5%"), "third quarter of 2025");
    let s = "In the third quarter of 2025, gross margin rose from 41.2% in the same period last year to 43.5%.";
    assert_eq!(label_of(s, "41.2%"), "same period last year");
    assert_ne!(label_of(s, "43.5%"), "same period last year");
    let s = "Gross margin improved from 38.0% in the second quarter to 39.4%.";
    assert_eq!(label_of(s, "38.0%"), "second quarter");
    assert_ne!(label_of(s, "39.4%"), "second quarter");
    // a label after "to Y" is Y's own, and "to Y in <label> from X" stays as it is
    let s = "Gross margin rose to 43.5% in the third quarter from 41.2% a year earlier.";
    assert_eq!(label_of(s, "43.5%"), "third quarter");
    assert_eq!(label_of(s, "41.2%"), "a year earlier");
    // no "to" after the label: the label is the figure's own
    let s = "Gross margin was 41.2% in the second quarter and 43.5% in the third quarter.";
    assert_eq!(label_of(s, "41.2%"), "second quarter");
}

#[test]
fn a_change_compared_with_an_earlier_change_keeps_no_base_label() {
    let s = "Parcel volumes climbed 27%, an acceleration from 11% growth during the first quarter of 2024.";
    assert_ne!(label_of(s, "27%"), "first quarter of 2024");
    assert_eq!(label_of(s, "11%"), "first quarter of 2024");
    // a rebound "from the June quarter" does not date the figures after it
    let s = "The quarter marked a rebound from the June quarter, when prices slumped. Operating profit jumped 140% against June, and sales climbed 12.5% in that span.";
    assert_ne!(label_of(s, "140%"), "June quarter");
    assert_ne!(label_of(s, "12.5%"), "June quarter");
    // a quarter stated for the figures still dates them
    let s = "Results for the June quarter were strong. Operating profit jumped 40%, while revenue rose 12.5%.";
    assert_eq!(label_of(s, "40%"), "June quarter");
}

#[test]
fn a_reference_point_after_since_is_not_the_figures_period() {
    let s = "Operating profit reached $3.4 billion, the highest since the second quarter of 2021.";
    assert_ne!(label_of(s, "$3.4 billion"), "second quarter of 2021");
    let s = "Operating profit reached $3.4 billion, the most since the June quarter.";
    assert_ne!(label_of(s, "$3.4 billion"), "June quarter");
    let s = "Sales grew 9%, the biggest gain in four quarters.";
    assert_ne!(label_of(s, "9%"), "four quarters");
    // the figure's own label stays, and a trailing span is still a period
    let s = "Operating profit reached $3.4 billion in the third quarter of 2025, the highest since the second quarter of 2021.";
    assert_eq!(label_of(s, "$3.4 billion"), "third quarter of 2025");
    let s = "Operating profit reached $3.4 billion in the second quarter of 2021.";
    assert_eq!(label_of(s, "$3.4 billion"), "second quarter of 2021");
    let s = "Sales totalled $9.6 billion over the past four quarters.";
    assert_eq!(label_of(s, "$9.6 billion"), "past four quarters");
}

/// (figure, ISO start of the chosen period or "-") of a raw article of our own, resolved as `check` does.
fn placed(name: &str, text: &str) -> Vec<(String, String)> {
    let dir = std::env::temp_dir().join(format!("claimcheck-attr-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, text).unwrap();
    let k = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
    let report = claimcheck::extract_report(std::slice::from_ref(&path), &k);
    let _ = std::fs::remove_dir_all(&dir);
    report
        .claims
        .iter()
        .map(|c| {
            let start = c
                .period
                .readings
                .get(c.period.chosen)
                .and_then(|r| r.key.range())
                .map(|r| format!("{}-{:02}", r.start.year(), r.start.month()))
                .unwrap_or_else(|| "-".into());
            (c.figure.text.clone(), start)
        })
        .collect()
}

fn start_of(r: &[(String, String)], figure: &str) -> String {
    r.iter()
        .find(|(f, _)| f == figure)
        .unwrap_or_else(|| panic!("{figure} not in {r:?}"))
        .1
        .clone()
}

#[test]
fn an_undated_article_places_relative_labels_on_the_quarter_it_states() {
    let text = "Norrvik Freight posts record quarter\n\n\
Norrvik Freight said revenue for the third quarter of 2025 rose 8% to $2.1 billion.\n\n\
Net income was $300 million, up from $250 million in the same period last year.\n\n\
In the third quarter, freight volumes climbed to 4.2 million tonnes.\n\n\
Cash flow reached $410 million, compared with $380 million a year earlier.\n";
    let r = placed("undated", text);
    let q3 = start_of(&r, "$2.1 billion");
    assert!(q3.starts_with("2025-07"), "{r:?}");
    assert_eq!(start_of(&r, "$250 million"), q3.replace("2025", "2024"));
    assert_eq!(start_of(&r, "$380 million"), q3.replace("2025", "2024"));
    // a year-less "third quarter" is the quarter the article states, not the year before
    assert_eq!(start_of(&r, "4.2 million"), q3);
    // nothing states the year: relative labels stay unplaced rather than guessed
    let text = "Norrvik Freight posts record quarter\n\n\
Norrvik Freight said third-quarter revenue rose 8% to $2.1 billion.\n\n\
Net income was $300 million, up from $250 million in the same period last year.\n";
    let r = placed("undated-no-year", text);
    assert_eq!(start_of(&r, "$250 million"), "-");
}

#[test]
fn a_full_year_takes_the_year_its_clause_names() {
    // the year written in the clause says which full year, right or wrong
    let s = "Norrvik Freight now forecasts full-year operating profit of $1.9 billion ($1.7 billion before) for the fiscal year ending March 2027.";
    assert_eq!(label_of(s, "$1.9 billion"), "fiscal year ending March 2027");
    // a year of the value compared with is not the full year's
    let s = "Norrvik Freight now forecasts full-year operating profit of $1.9 billion, up from $1.7 billion in fiscal 2025.";
    assert_eq!(label_of(s, "$1.9 billion"), "full-year");
}

#[test]
fn a_forecasts_quarter_in_a_sentence_without_figures_does_not_date_what_follows() {
    let s = "Our strong second quarter and upbeat third quarter guidance show the demand. The cargo unit's sales rose 14% to $1.1 billion.";
    assert_eq!(label_of(s, "$1.1 billion"), "second quarter");
    // the only label of such a sentence still dates what follows
    let s =
        "Norrvik Freight gave third quarter guidance. Sales are expected to reach $1.3 billion.";
    assert_eq!(label_of(s, "$1.3 billion"), "third quarter");
}

#[test]
fn a_year_after_since_late_is_no_year_for_a_quarter() {
    let s = "Revenue reached $4.4 billion, up 9% from Q2's $4.0 billion, the best quarter since late 2023.";
    assert_eq!(label_of(s, "$4.0 billion"), "Q2");
    assert!(claims(s)
        .iter()
        .all(|c| c.period.context.as_deref() != Some("2023")));
}

#[test]
fn a_quarter_of_last_year_dates_the_earlier_record_only() {
    let s = "Sales rose 6.1 per cent to a record $5.3 billion, beating the previous quarterly record of $5.0 billion reached in the second quarter of last year.";
    assert_eq!(label_of(s, "$5.0 billion"), "second quarter of last year");
    assert_ne!(label_of(s, "$5.3 billion"), "second quarter of last year");
    // nor does it date the sentences after it
    let s = "In the third quarter of 2025 revenue hit $5.3 billion. The old record was $5.0 billion in the second quarter of last year. Net profit rose 9% to $610 million.";
    assert_eq!(label_of(s, "$610 million"), "third quarter of 2025");
    // a record of its own period keeps it
    let s = "Sales reached a record $5.3 billion in the second quarter of 2025.";
    assert_eq!(label_of(s, "$5.3 billion"), "second quarter of 2025");
}

#[test]
fn a_fiscal_year_written_as_two_years_and_a_dates_year() {
    let s = "For the 2026-27 fiscal year, Norrvik Freight sees net profit of $700 million.";
    assert_eq!(label_of(s, "$700 million"), "2026-27 fiscal year");
    // the year of a calendar date is not a period
    let s = "On Monday, March 2, 2026, Norrvik Freight reported sales of $1.4 billion.";
    assert_ne!(label_of(s, "$1.4 billion"), "2026");
}

#[test]
fn a_company_named_in_a_closed_bracket_does_not_take_the_figure() {
    let k = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
    let text = "Norrvik Freight posts record quarter\n\n\
~Embedded: (controllers, Toyota dashboard chips) Sales came to $415 million, up 3% YoY.\n\n\
Toyota reported revenue of $90 billion.\n";
    let meta = claimcheck::model::ArticleMeta {
        entity: Some("Norrvik Freight".into()),
        ..Default::default()
    };
    let c = claimcheck::extract::article(Path::new("norrvik.txt"), text, Some(meta), &k).1;
    let e = |f: &str| {
        c.iter()
            .find(|c| c.figure.text == f)
            .map(|c| c.entity.clone())
    };
    assert_eq!(e("$415 million").as_deref(), Some("Norrvik Freight"));
    // named outside a bracket, the company is the figure's
    assert_eq!(e("$90 billion").as_deref(), Some("Toyota Motor"));
}

#[test]
fn the_company_speaking_of_itself_is_not_the_segment_named_before() {
    // the paragraph named a segment in passing; "we" gives the company's own total
    let t =
        "Norrvik Freight reported its second quarter of 2025 results. \"Our fast-growing cloud \
             business is lifting demand.\" \"We delivered record revenue of $2.4 billion, up 14% \
             from a year earlier,\" the finance chief said.";
    assert_eq!(metric_of(t, "$2.4 billion"), "company.revenue");
    assert_eq!(metric_of(t, "14%"), "company.revenue");
    // a sentence about the segment still reads as the segment's
    let t = "Norrvik Freight reported its second quarter of 2025 results. Our cloud business \
             grew fast. Its revenue reached $610 million in the quarter.";
    assert_eq!(metric_of(t, "$610 million"), "cloud.revenue");
}

#[test]
fn its_in_a_paragraph_about_a_segment_is_the_segment() {
    let t = "Norrvik Freight reported results for the third quarter of 2025.\n\n\
             Widgets: Revenue was $520 million, down 4% YoY. Operating income fell 12% to $110 \
             million, though its 21% operating margin is still the best of any unit.";
    assert_eq!(metric_of(t, "21%"), "text-widget.operating-margin");
    // with no segment in view, "its" is the company
    let t = "Norrvik Freight reported results for the third quarter of 2025. Its operating \
             margin was 17% in the quarter.";
    assert_eq!(metric_of(t, "17%"), "company.operating-margin");
}

#[test]
fn a_raised_forecast_is_measured_against_the_old_forecast() {
    let basis = |t: &str, fig: &str| {
        claims(t)
            .into_iter()
            .find(|c| c.figure.text == fig)
            .unwrap_or_else(|| panic!("{fig} not read in {t}"))
            .basis
            .map(|b| b.name().to_string())
    };
    let t = "Norrvik Freight raised its annual revenue forecast by 4% to $9.1 billion for 2025.";
    assert_eq!(basis(t, "4%").as_deref(), Some("other"));
    let t = "Norrvik Freight raised its annual revenue forecast by $350 million (4%) for 2025.";
    assert_eq!(basis(t, "4%").as_deref(), Some("other"));
    // the amount of the raise is no level of revenue
    assert!(claims(t)
        .iter()
        .find(|c| c.figure.text == "$350 million")
        .is_none_or(|c| c.metric.is_none()));
    // a year-on-year rise in the same breath stays year on year
    let t = "Norrvik Freight said 2025 revenue rose by 4% to $9.1 billion.";
    assert_eq!(basis(t, "4%").as_deref(), Some("yoy"));
}

#[test]
fn words_set_between_dashes_do_not_name_the_figure() {
    // the aside lists what the segment sells; the segment named before it takes the figure
    let t = "Norrvik Freight reported results for the third quarter of 2025. Revenue in its \
             \"outdoor gear\" segment -- home to tents and phones -- increased by 5% year over \
             year to $2.2 billion.";
    assert_eq!(metric_of(t, "$2.2 billion"), "text-outdoor-gear.revenue");
    // with no dashes the same words still name a unit
    let t = "Norrvik Freight reported results for the third quarter of 2025. Revenue from \
             phones increased by 5% year over year to $2.2 billion.";
    assert_eq!(metric_of(t, "$2.2 billion"), "devices.revenue");
}

#[test]
fn a_cause_after_the_figure_does_not_name_it() {
    // "driven by" / "due to": what moved the figure, not what it measures
    let t = "Norrvik Freight reported results for the third quarter of 2025. Operating income \
             fell 12% driven by lower phone sales.";
    assert_eq!(metric_of(t, "12%"), "company.operating-income");
    let t = "Norrvik Freight reported results for the third quarter of 2025. Gross profit rose \
             6%, mainly due to higher cloud revenue.";
    assert_eq!(metric_of(t, "6%"), "company.gross-profit");
    // what a sale cost is not revenue
    let t = "Norrvik Freight reported results for the third quarter of 2025. Cost of sales \
             rose 7% to $1.3 billion.";
    assert_eq!(metric_of(t, "$1.3 billion"), "company.cost-of-revenue");
}

#[test]
fn beats_against_estimates_are_not_compared_with_each_other() {
    let d = std::env::temp_dir().join(format!("claimcheck-beats-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    std::fs::write(
        d.join("a.txt"),
        "Norrvik Freight profit tops forecasts\n\nNorrvik Freight said on Tuesday that its \
         third-quarter 2025 operating profit was 14% higher than the average estimate of \
         analysts polled by Fieldwire.\n",
    )
    .expect("write");
    std::fs::write(
        d.join("b.txt"),
        "Norrvik Freight beats\n\nNorrvik Freight's third-quarter 2025 operating profit beat \
         brokerage estimates by about 19%, the company said on Tuesday.\n",
    )
    .expect("write");
    let r = claimcheck::check(
        std::slice::from_ref(&d),
        &claimcheck::Options::default(),
        None,
    )
    .expect("check");
    std::fs::remove_dir_all(&d).ok();
    let beats: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.basis.map(|b| b.name()) == Some("vs-estimate"))
        .collect();
    assert_eq!(beats.len(), 2, "{:?}", r.claims);
    assert!(
        r.findings.iter().all(|f| f.rule != "contradiction"),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_part_named_after_the_measure_owns_the_figure() {
    let t = "Norrvik Freight posted $410 million in operating profit in its cloud business in \
             the third quarter of 2025.";
    assert_eq!(metric_of(t, "$410 million"), "cloud.operating-income");
    // no part noun after the subject: a market, not a part of the company
    let t = "Norrvik Freight posted $410 million in operating profit in the cloud market in the \
             third quarter of 2025.";
    assert_ne!(metric_of(t, "$410 million"), "cloud.operating-income");
}

#[test]
fn a_measure_label_before_a_colon_names_the_figure() {
    // the label is the measure itself, capitalised as a list item
    let s = "- Net Profit: €4.31 billion, up 11% year-on-year.";
    assert_eq!(metric_of(s, "€4.31 billion"), "company.net-income");
    assert_eq!(metric_of(s, "11%"), "company.net-income");
    let g = "- Gross Profit: €9.02 billion.";
    assert_eq!(metric_of(g, "€9.02 billion"), "company.gross-profit");
    // a part the catalogue does not know is that part's, never the company's
    let p = "- Harbour Tugs: €1.7 billion in sales.";
    assert_ne!(metric_of(p, "€1.7 billion"), "company.revenue");
}

#[test]
fn a_bare_measure_label_names_the_bullets_under_it() {
    let s = "Norrvik reported its third-quarter results on Tuesday.\n\
             - Revenue:\n\
             - €12.4 billion in Q3 2025, up 9% from €11.4 billion in Q3 2024.\n\
             - Operating Margin:\n\
             - 14%, up 2 percentage points from 12% in Q3 2024.";
    assert_eq!(metric_of(s, "€12.4 billion"), "company.revenue");
    assert_eq!(metric_of(s, "9%"), "company.revenue");
    assert_eq!(metric_of(s, "14%"), "company.operating-margin");
    assert_eq!(
        metric_of(s, "2 percentage points"),
        "company.operating-margin"
    );
    // a label the catalogue cannot read in full names nothing for its bullets
    let u = "Norrvik reported its third-quarter results on Tuesday.\n\
             - Harbour Tug Charters:\n\
             - €1.1 billion, up 4%.";
    assert_eq!(metric_of(u, "€1.1 billion"), "-");
    // outside a list the label line is over once a paragraph starts
    let p = "Norrvik reported its third-quarter results on Tuesday.\n\
             - Revenue:\n\
             - €12.4 billion.\n\n\
             The fleet grew to 140 vessels, worth about €3 billion.";
    assert_eq!(metric_of(p, "€3 billion"), "-");
}

#[test]
fn points_after_a_margin_change_that_margin() {
    let s = "Operating margin was 14.2%, up 1.5 percentage points from a year earlier.";
    assert_eq!(
        metric_of(s, "1.5 percentage points"),
        "company.operating-margin"
    );
    // points after a growth rate are no margin's
    let g = "Revenue rose 9%, up 1.5 percentage points on the pace of the second quarter.";
    assert_ne!(
        metric_of(g, "1.5 percentage points"),
        "company.operating-margin"
    );
}

#[test]
fn a_change_in_a_named_line_is_that_line_s() {
    // the measure after the figure, as the thing that changed, with a name the catalogue
    // does not know before it
    let s = "Sales climbed 7%, led by a 31% jump in Harbour Tug charter revenue.";
    assert_eq!(metric_of(s, "7%"), "company.revenue");
    assert_ne!(metric_of(s, "31%"), "company.revenue");
    // everyday words and the company's own name leave the total
    let q = "Norrvik booked a 12% rise in quarterly revenue.";
    assert_eq!(metric_of(q, "12%"), "company.revenue");
    let n = "Analysts expect a 12% rise in Norrvik revenue.";
    assert_eq!(metric_of(n, "12%"), "company.revenue");
}

fn sourced_of(text: &str, figure: &str) -> bool {
    claims(text)
        .into_iter()
        .find(|c| c.figure.text == figure)
        .unwrap_or_else(|| panic!("{figure} not found"))
        .sourcing
        .is_direct()
}

#[test]
fn a_lead_line_giving_the_company_s_report_sources_its_list() {
    let s = "Here is a short digest of the Norrvik Freight third-quarter report:\n\
             - Fleet: 212 vessels in service.\n\
             - Crew: 5,400 seafarers, up 3%.";
    assert!(sourced_of(s, "212"));
    assert!(sourced_of(s, "5,400"));
    // a lead line that names no source leaves its list unsourced
    let u = "Here is a short digest of the quarter:\n\
             - Fleet: 212 vessels in service.";
    assert!(!sourced_of(u, "212"));
    // and the list is over once the body goes on
    let b = "Here is a short digest of the Norrvik Freight third-quarter report:\n\
             - Fleet: 212 vessels in service.\n\n\
             Rival carriers, by contrast, retired 40 ships over the summer months.";
    assert!(!sourced_of(b, "40"));
}

#[test]
fn a_relative_clause_listing_what_a_part_holds_does_not_name_the_figure() {
    let s = "The Coastal Services unit, which includes pilotage, towing and cloud hosting, \
             reported 6% growth to €1.3 billion in revenue.";
    assert_ne!(metric_of(s, "6%"), "cloud.revenue");
    assert_ne!(metric_of(s, "€1.3 billion"), "cloud.revenue");
    // without the aside the named segment is the subject
    let t = "Its cloud hosting revenue reached €1.3 billion, up 6%.";
    assert_eq!(metric_of(t, "6%"), "cloud.revenue");
}

#[test]
fn a_segment_named_late_in_a_sentence_with_no_figure_is_not_the_next_sentence_s_subject() {
    // no verb the reader can anchor a subject on: the segment sits in a descriptive phrase
    let s = "Norrvik's quarter reflects steady demand across its towing lines and its cloud \
             hosting arm. Revenue of €2 billion rose 4%.";
    assert_eq!(metric_of(s, "€2 billion"), "company.revenue");
    // a segment as the subject of the sentence before carries over
    let t = "The cloud unit had a strong quarter. Revenue rose 12% to €400 million.";
    assert_eq!(metric_of(t, "€400 million"), "cloud.revenue");
}

#[test]
fn a_paragraph_opening_on_a_bare_measure_after_one_that_introduced_a_part_names_nothing() {
    // the part introduced with no figure, then "Sales ...": the part's or the company's?
    let s = "Revenue rose 5% to €3 billion.\n\n\
             Norrvik's Harbour Tug segment once again proved its worth to the group, despite \
             one-off charges.\n\n\
             Sales increased 4% year-over-year to €1.1 billion.";
    assert_eq!(metric_of(s, "€1.1 billion"), "-");
    assert_eq!(metric_of(s, "€3 billion"), "company.revenue");
    // a closing sentence that states its own figures closes its topic
    let f = "Norrvik's Harbour Tug segment posted sales of €1 billion.\n\n\
             Net income came in at €400 million.";
    assert_eq!(metric_of(f, "€400 million"), "company.net-income");
    // and an opening sentence that names its subject is read as usual
    let n = "Norrvik's Harbour Tug segment once again proved its worth to the group.\n\n\
             Norrvik's sales increased 4% to €1.1 billion.";
    assert_eq!(metric_of(n, "€1.1 billion"), "company.revenue");
}

#[test]
fn a_capitalised_name_ending_like_a_verb_is_still_a_name() {
    let s = "Its Consumer Lending revenue rose 6% to €800 million.";
    assert_ne!(metric_of(s, "€800 million"), "company.revenue");
    // a lower-case participle before the measure is an everyday word
    let p = "Norrvik reported growing revenue of €2 billion.";
    assert_eq!(metric_of(p, "€2 billion"), "company.revenue");
}

#[test]
fn a_section_named_for_a_part_leaves_a_bare_measure_under_it_unread() {
    let s = "Revenue rose 5% to €3 billion.\n\n\
             Harbour Towing\n\n\
             Revenue increased 4% to €1.1 billion.";
    assert_eq!(metric_of(s, "€1.1 billion"), "-");
    // a generic section heading changes nothing
    let g = "Revenue rose 5% to €3 billion.\n\n\
             Highlights\n\n\
             Revenue increased 4% to €1.1 billion.";
    assert_eq!(metric_of(g, "€1.1 billion"), "company.revenue");
}

#[test]
fn a_company_s_first_estimate_of_its_results_is_preliminary() {
    let s = "Norrvik Freight on Monday estimated its third-quarter operating profit at €410 \
             million, up 12% from €366 million a year earlier.\n\n\
             Sales rose 4% to €3.2 billion. The company will publish its full report next month.";
    assert_eq!(
        scoped(s, "€410 million"),
        "company.operating-income:preliminary"
    );
    assert_eq!(scoped(s, "€3.2 billion"), "company.revenue:preliminary");
    // the year-earlier figure is a final one
    assert_eq!(scoped(s, "€366 million"), "company.operating-income");
    // analysts estimating the company's results make nothing preliminary
    let a = "Analysts estimated its third-quarter operating profit at €410 million.\n\n\
             Sales rose 4% to €3.2 billion.";
    assert_eq!(scoped(a, "€3.2 billion"), "company.revenue");
}

#[test]
fn under_a_lead_against_estimates_the_second_figure_is_the_estimate() {
    let s = "Here are Norrvik's third-quarter results compared with the Fieldwire SmartEstimate:\n\
             - Revenue: 12.4 trillion Korean won vs. 12.1 trillion won\n\
             - Operating profit: 1.3 trillion won vs. 1.1 trillion won";
    let c = claims(s);
    let est = |fig: &str| {
        c.iter()
            .find(|c| c.figure.text == fig)
            .and_then(|c| c.basis)
            .map(|b| format!("{b:?}"))
    };
    assert_eq!(est("12.4 trillion Korean won"), None);
    assert_eq!(est("12.1 trillion won").as_deref(), Some("Estimate"));
    assert_eq!(est("1.1 trillion won").as_deref(), Some("Estimate"));
    assert_eq!(metric_of(s, "1.1 trillion won"), "company.operating-income");
    // the estimate is sourced by who compiled it, named in the lead
    assert!(sourced_of(s, "1.1 trillion won"));
    // with no such lead, "vs." sets two figures side by side and makes no estimate
    let n = "Key figures:\n- Revenue: 12.4 trillion won vs. 11.9 trillion won";
    assert_eq!(
        claims(n)
            .iter()
            .find(|c| c.figure.text == "11.9 trillion won")
            .and_then(|c| c.basis),
        None
    );
}

fn basis_of(text: &str, figure: &str) -> Option<String> {
    claims(text)
        .into_iter()
        .find(|c| c.figure.text == figure)
        .unwrap_or_else(|| panic!("{figure} not found"))
        .basis
        .map(|b| format!("{b:?}"))
}

#[test]
fn the_base_a_growth_is_measured_from_sets_its_basis() {
    // the quarter before the figure's own: quarter on quarter
    let s = "In Q3 2025 revenue hit €8.6 billion, up 15% from Q2's €7.5 billion.";
    assert_eq!(basis_of(s, "15%").as_deref(), Some("Qoq"));
    // and the base's possessive names a period, not a company
    assert_eq!(
        claims(s)
            .iter()
            .find(|c| c.figure.text == "€7.5 billion")
            .map(|c| c.entity.clone()),
        claims(s)
            .iter()
            .find(|c| c.figure.text == "15%")
            .map(|c| c.entity.clone())
    );
    // the same quarter a year before: year on year
    let y = "In Q3 2025 revenue rose 9% from Q3 2024.";
    assert_eq!(basis_of(y, "9%").as_deref(), Some("Yoy"));
    // a month as the base: neither of the usual two
    let m = "Operating profit rose 42% compared to March.";
    assert_eq!(basis_of(m, "42%").as_deref(), Some("Other"));
    // "over the same period" after such a growth is the same comparison
    let p = "Operating profit rose 42% compared to March, and sales climbed 9% over the \
             same period.";
    assert_eq!(basis_of(p, "9%").as_deref(), Some("Other"));
    let q =
        "Profit rose 12% from the previous quarter, while revenue rose 4% over the same period.";
    assert_eq!(basis_of(q, "4%").as_deref(), Some("Qoq"));
}

#[test]
fn an_anaphor_in_the_sentence_subject_covers_every_clause() {
    let s = "The Harbour Tug division had its best quarter in years.\n\n\
             Sales for this division reached €1.1 billion, up 13% from the previous year.";
    assert_eq!(metric_of(s, "€1.1 billion"), "-");
    assert_eq!(metric_of(s, "13%"), "-");
    // in a paragraph about a known part, it is that part's
    let k = "The cloud division had its best quarter in years. Sales for this division reached \
             €1.1 billion, up 13% from the previous year.";
    assert_eq!(metric_of(k, "13%"), "cloud.revenue");
}

#[test]
fn a_section_heading_naming_a_part_covers_its_whole_section() {
    let s = "Harbour Towing\n\n\
             Revenue increased €58 million or 4%.\n\n\
             - Tug hire revenue increased 6%.\n\n\
             Operating income increased €63 million or 18%.\n\n\
             Outlook Summary\n\n\
             Operating income rose 9% to €400 million.";
    assert_eq!(metric_of(s, "18%"), "-");
    // a heading that is a dateline or a byline names no part
    let d = "OSLO, Norway\n\nRevenue rose 7% to €3.2 billion.";
    assert_eq!(metric_of(d, "€3.2 billion"), "company.revenue");
    let b = "By Ingrid Holm\n\nRevenue rose 7% to €3.2 billion.";
    assert_eq!(metric_of(b, "€3.2 billion"), "company.revenue");
}

#[test]
fn a_sentence_naming_the_company_as_its_subject_is_the_company_s() {
    let s = "The cloud unit had a strong quarter.\n\n\
             Norrvik reported revenue of €3.2 billion, an 8% increase year over year.";
    assert_eq!(metric_of(s, "8%"), "company.revenue");
}

#[test]
fn a_bracketed_acronym_does_not_hide_the_part_noun_after_a_name() {
    let s = "Its Towage and Harbour Services (THS) segment increased 10%.";
    assert_ne!(metric_of(s, "10%"), "services.revenue");
}

#[test]
fn a_beat_stated_after_a_growth_is_the_later_figure_s() {
    let s = "Freight revenue rose 12%, a little above estimates by 2%.";
    assert_eq!(basis_of(s, "12%").as_deref(), Some("Yoy"));
    assert_eq!(basis_of(s, "2%").as_deref(), Some("VsEstimate"));
    // a beat before the figure is still the figure's
    let b = "Revenue beat forecasts by 3%.";
    assert_eq!(basis_of(b, "3%").as_deref(), Some("VsEstimate"));
}

#[test]
fn a_home_market_figure_is_kept_apart_from_the_total() {
    let s = "Domestic games revenue rose 15% to €4.2 billion.";
    assert_eq!(scoped(s, "15%"), "gaming.revenue:domestic");
    let t = "Games revenue rose 23% to €6.3 billion.";
    assert_eq!(scoped(t, "23%"), "gaming.revenue");
}

#[test]
fn profit_for_the_period_is_not_the_profit_attributable_to_shareholders() {
    let s = "Profit for the period was €6.5 billion, while profit attributable to \
             shareholders was €6.3 billion.";
    assert_eq!(metric_of(s, "€6.5 billion"), "company.profit-for-period");
    assert_eq!(metric_of(s, "€6.3 billion"), "company.net-income");
}

#[test]
fn a_forecast_revised_in_the_passive_is_measured_against_the_old_forecast() {
    let s = "The full-year forecast for net income has been revised upward 6.4%, from the \
             previous forecast of €2.5 billion to €2.66 billion.";
    assert_eq!(basis_of(s, "6.4%").as_deref(), Some("Other"));
    // a result that rose is not a revision
    let r = "Net income for the year has risen 6.4%.";
    assert_eq!(basis_of(r, "6.4%").as_deref(), Some("Yoy"));
}

#[test]
fn an_estimate_word_right_before_the_figure_makes_it_the_estimate() {
    // "the expected X", "a consensus of X", "estimates of X": analysts' number
    let s = "Ferrow Labs said quarterly net income was $812 million, well above the expected $640 million.";
    assert_eq!(basis_of(s, "$640 million").as_deref(), Some("Estimate"));
    assert_eq!(basis_of(s, "$812 million"), None);
    let s = "Ferrow Labs posted revenue of $4.2 billion against a consensus of $4.05 billion.";
    assert_eq!(basis_of(s, "$4.05 billion").as_deref(), Some("Estimate"));
    assert_eq!(basis_of(s, "$4.2 billion"), None);
    // the company's own expectation is no analysts' estimate
    let s = "Ferrow Labs expected revenue of $4.4 billion for the fourth quarter.";
    assert_ne!(basis_of(s, "$4.4 billion").as_deref(), Some("Estimate"));
}

#[test]
fn a_named_product_before_a_user_count_is_its_own_subject() {
    // the users of one product are not the company's users
    let s = "Ferrow Labs said Pillo smart speaker users were 61 million at the end of June.";
    assert_eq!(metric_of(s, "61 million"), "text-pillo-smart-speaker.users");
    // the company's own users, and a lower-case description, stay the company's
    let s = "Ferrow Labs said monthly active users were 61 million at the end of June.";
    assert_eq!(metric_of(s, "61 million"), "company.users");
}

#[test]
fn a_beat_stated_with_any_verb_of_beating_is_against_estimates() {
    let s =
        "Ferrow Labs said revenue rose 14% year over year, exceeding market expectations by 3%.";
    assert_eq!(basis_of(s, "3%").as_deref(), Some("VsEstimate"));
    assert_eq!(basis_of(s, "14%").as_deref(), Some("Yoy"));
    let s = "Ferrow Labs said gross profit climbed 18%, surpassing estimates by 2%.";
    assert_eq!(basis_of(s, "2%").as_deref(), Some("VsEstimate"));
    // right after the figure, the beat is the figure
    let s = "Ferrow Labs said quarterly revenue came in 4% above analyst estimates.";
    assert_eq!(basis_of(s, "4%").as_deref(), Some("VsEstimate"));
    // the whole result beating, said at the end, leaves the growth a growth
    let s = "Ferrow Labs delivered a 17% increase in quarterly net profit to $5.12 billion, topping market expectations.";
    assert_eq!(basis_of(s, "17%").as_deref(), Some("Yoy"));
}

#[test]
fn a_gross_profit_margin_is_the_gross_margin() {
    let s = "Ferrow Labs said its gross profit margin reached 61.2% in the quarter.";
    assert_eq!(metric_of(s, "61.2%"), "company.gross-margin");
}

#[test]
fn a_horizon_in_a_heading_dates_no_figure_under_it() {
    // "through 2027" is how far a plan reaches, not the period the figures below report
    let s = "Ferrow Labs plans new plants, sees strong orders through 2027\n\n\
             Ferrow Labs said its sensor unit posted operating profit of $1.25 billion.";
    assert_ne!(label_of(s, "$1.25 billion"), "through 2027");
    // a heading naming the quarter reported still dates them
    let s = "Ferrow Labs third-quarter 2026 results\n\n\
             Ferrow Labs said its sensor unit posted operating profit of $1.25 billion.";
    assert_eq!(label_of(s, "$1.25 billion"), "third-quarter 2026");
}

#[test]
fn three_months_ago_is_the_quarter_before() {
    let s = "In the third quarter of 2026 Ferrow Labs' operating margin rose to 11.2%, well above the 7.1% recorded three months ago.";
    let c = claims(s);
    let now = c.iter().find(|c| c.figure.text == "11.2%").unwrap();
    let before = c.iter().find(|c| c.figure.text == "7.1%").unwrap();
    assert_eq!(before.period.label, "three months ago");
    assert_ne!(now.period.key(), before.period.key());
}

#[test]
fn a_verb_before_a_measure_names_no_line_of_business() {
    let s =
        "Ferrow Labs said guidance for the fourth quarter contemplates revenue of $6.2 billion.";
    assert_eq!(metric_of(s, "$6.2 billion"), "company.guidance-revenue");
    // a lower-case word that is no verb still names a line the catalogue lacks
    let s = "Ferrow Labs said accessories revenue was $6.2 billion.";
    assert_eq!(metric_of(s, "$6.2 billion"), "-");
}

#[test]
fn a_headline_raising_a_forecast_by_a_percentage_is_against_the_old_forecast() {
    let s = "Ferrow Labs lifts annual profit forecast 6%, cites strong orders";
    assert_eq!(basis_of(s, "6%").as_deref(), Some("Other"));
}

#[test]
fn a_base_named_relative_to_the_figure_sets_its_basis() {
    // the growth's own period between it and the base
    let s = "Ferrow Labs said sales increased 9% in the second quarter of 2026 from $2.1 billion in the previous quarter.";
    assert_eq!(basis_of(s, "9%").as_deref(), Some("Qoq"));
    let s = "Ferrow Labs said sales increased 9% in the second quarter of 2026 from $2.1 billion a year earlier.";
    assert_eq!(basis_of(s, "9%").as_deref(), Some("Yoy"));
}

#[test]
fn a_measure_joined_to_a_revised_forecast_shares_the_revision() {
    let s = "Ferrow Labs raised its annual sales forecast by 4% to $31.2 billion and its operating income by 9% to $5.35 billion.";
    assert_eq!(basis_of(s, "9%").as_deref(), Some("Other"));
    let c = claims(s);
    assert!(
        c.iter()
            .find(|c| c.figure.text == "$5.35 billion")
            .unwrap()
            .outlook
    );
    // a conjunct with a verb of its own is its own statement
    let s = "Ferrow Labs raised its annual sales forecast by 4% to $31.2 billion and operating income rose by 9% to $1.35 billion.";
    assert_eq!(basis_of(s, "9%").as_deref(), Some("Yoy"));
}

#[test]
fn a_segment_named_in_title_case_with_and_is_one_name() {
    // "and" inside a name joins its words; a part noun inside the name is not its end
    let s = "Ferrow's Imaging and Field Services segment delivered $12.9 billion in revenue.";
    assert_eq!(
        metric_of(s, "$12.9 billion"),
        "text-imaging-field-service.revenue"
    );
    // past an aside, and after a plural possessive
    let s = "Ferrow Labs' Imaging and Field Services segment, which is home to its scanners and drones, delivered $12.9 billion in revenue.";
    assert_eq!(
        metric_of(s, "$12.9 billion"),
        "text-imaging-field-service.revenue"
    );
    let s = "Ferrow's Office Business Systems segment delivered $12.9 billion in revenue.";
    assert_eq!(
        metric_of(s, "$12.9 billion"),
        "text-office-business-system.revenue"
    );
}

#[test]
fn a_level_compared_with_keeps_the_metric_of_the_one_before() {
    let s = "Ferrow Labs said revenue was $9.1 billion, compared with $8.2 billion a year earlier.";
    assert_eq!(metric_of(s, "$8.2 billion"), "company.revenue");
    let s =
        "Ferrow Labs said operating income was $2.4 billion versus $2.1 billion a year earlier.";
    assert_eq!(metric_of(s, "$2.1 billion"), "company.operating-income");
}

#[test]
fn an_outlook_naming_no_part_is_the_company_s() {
    let t = "Norrvik Freight said its cloud revenue reached $4.1 billion, up 20%. \
             Going forward, guidance for Q4 contemplates revenue of $9.5 billion to $9.8 billion.";
    assert_eq!(metric_of(t, "$4.1 billion"), "cloud.revenue");
    assert_eq!(
        metric_of(t, "$9.5 billion to $9.8 billion"),
        "company.guidance-revenue"
    );
    // a part the outlook names is still that part's
    let s = "Norrvik Freight expects cloud revenue of $4.5 billion in the fourth quarter.";
    assert_eq!(metric_of(s, "$4.5 billion"), "cloud.guidance-revenue");
}

#[test]
fn a_name_before_a_growth_noun_is_that_part_s_growth() {
    let s = "Norrvik Freight said revenue increased 7%, driven by Tablets growth of 12%.";
    assert_eq!(metric_of(s, "12%"), "text-tablet.revenue");
    // a catalogue part before the growth noun stays the catalogue's
    let c = "Norrvik Freight said revenue increased 7%, driven by cloud growth of 12%.";
    assert_eq!(metric_of(c, "12%"), "cloud.revenue");
}

#[test]
fn a_coordinated_name_before_a_measure_is_one_part() {
    let s = "Norrvik Freight said Tablets OEM and gadget sales, for their part, rose by 5%.";
    assert_eq!(metric_of(s, "5%"), "text-tablet-oem-gadget.revenue");
    // the paragraph's segment does not take a figure whose sentence names its own part
    let t = "Its advertising business grew 16%. Tablets OEM and gadget revenue grew by 3%.";
    assert_eq!(metric_of(t, "16%"), "advertising.revenue");
    assert_eq!(metric_of(t, "3%"), "text-tablet-oem-gadget.revenue");
}

#[test]
fn a_noun_phrase_with_its_own_verb_is_no_apposition() {
    // after an opening phrase, ", the net income fell to ..., a 9% decrease" is the main clause
    let s =
        "From July to September, the net income decreased to 0.37 trillion yen, a 9.4% decrease.";
    assert_eq!(metric_of(s, "9.4%"), "company.net-income");
    // "from" opens the span of months, not a comparison's base
    assert_eq!(label_of(s, "9.4%"), "July to September");
    // an apposition still hides its terms from the figure outside it
    let a = "Norrvik Freight, the cloud provider, said revenue grew 6%.";
    assert_eq!(metric_of(a, "6%"), "company.revenue");
}

#[test]
fn a_part_noun_inside_a_lower_case_name_does_not_end_it() {
    // "business" inside the name; the part noun that ends it comes later
    let s = "The planning and business operations segment, where Ledgerly and Quillo sit, \
             saw revenue climb 14% year over year to $6 billion.";
    assert_eq!(
        metric_of(s, "14%"),
        "text-planning-business-operation.revenue"
    );
    assert_eq!(
        metric_of(s, "$6 billion"),
        "text-planning-business-operation.revenue"
    );
    // an unnamed division still stays out
    let u = "The larger consumer business grew 14%.";
    assert_eq!(metric_of(u, "14%"), "-");
}

#[test]
fn an_outlook_cue_before_a_report_of_results_does_not_make_it_an_outlook() {
    let s = "Riding on deals that are expected to lift sales, Norrvik Freight reported a record \
             $4.4 billion in Q3 revenue.";
    assert_eq!(metric_of(s, "$4.4 billion"), "company.revenue");
    // the cue after the report still makes its own figure an outlook
    let t = "Norrvik Freight reported $4.4 billion in revenue and expects revenue of $4.8 billion next quarter.";
    assert_eq!(metric_of(t, "$4.8 billion"), "company.guidance-revenue");
}

#[test]
fn a_with_clause_spelling_out_an_outlook_is_that_outlook() {
    let published = |text: &str| {
        let k = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
        let text = format!("Norrvik Freight posts record quarter\n\nOctober 20, 2025\n\n{text}\n");
        claimcheck::extract::article(Path::new("norrvik.txt"), &text, None, &k).1
    };
    let c = published(
        "Looking ahead, Norrvik Freight forecasts a strong Q4, with revenue around $5.1 billion.",
    );
    let c = c.iter().find(|c| c.figure.text == "$5.1 billion").unwrap();
    assert!(c.outlook, "{c:?}");
    // a clause that reports a result after the cue is no outlook
    let d = published("Norrvik Freight had forecast a weak Q3, with revenue that rose 8% instead.");
    let d = d.iter().find(|c| c.figure.text == "8%").unwrap();
    assert!(!d.outlook, "{d:?}");
}

#[test]
fn qualifiers_reach_past_footnote_marks_and_bracketed_abbreviations() {
    let s = "On a non-GAAP(*) basis, Norrvik Freight earned $0.88 per diluted share.";
    assert_eq!(scoped_metric(s, "$0.88"), "company.eps:non-gaap");
    let a = "Norrvik Freight said adjusted earnings per share (EPS) rose 14% to $2.41.";
    assert_eq!(scoped_metric(a, "$2.41"), "company.eps:non-gaap");
    // a plain figure stays plain
    let p = "Norrvik Freight said earnings per share (EPS) rose 14% to $2.41.";
    assert_eq!(scoped_metric(p, "$2.41"), "company.eps");
}

#[test]
fn the_next_item_of_a_list_of_estimates_is_an_estimate() {
    let s = "The results beat analyst estimates of $12.1 billion in revenue and $1.42 in EPS, as compiled by a data firm.";
    let c = claims(s);
    let eps = c.iter().find(|c| c.figure.text == "$1.42").unwrap();
    assert_eq!(
        eps.basis,
        Some(claimcheck::model::Basis::Estimate),
        "{eps:?}"
    );
    // a list of actuals stays actual
    let t = "Norrvik Freight reported $12.1 billion in revenue and $1.42 in EPS for the quarter.";
    let c = claims(t);
    let eps = c.iter().find(|c| c.figure.text == "$1.42").unwrap();
    assert_ne!(
        eps.basis,
        Some(claimcheck::model::Basis::Estimate),
        "{eps:?}"
    );
}
