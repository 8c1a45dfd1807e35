//! Extraction measured against the gold set: the curated seed claim files and
//! the invented articles in tests/gold (labelled before the extractor existed).
//!
//! The bar: precision and recall of at least 0.9 in every category
//! (figures, metric attribution, period attribution, sourcing).

mod common;

#[test]
fn gold_set_precision_and_recall() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/gold")];
    if common::have_seed_corpus("the seed claim files in the gold set") {
        dirs.push(root.join("claims/seeds"));
    }
    let k = claimcheck::knowledge::Knowledge::embedded();
    let s = claimcheck::eval::score(&dirs, &k);
    eprintln!("{}", s.table());
    assert!(s.articles >= 11, "gold articles read: {}", s.articles);
    let bar = |name: &str, p: &claimcheck::eval::Pr, min_p: f64, min_r: f64| {
        assert!(
            p.precision() >= min_p && p.recall() >= min_r,
            "{name}: precision {:.3} (min {min_p}), recall {:.3} (min {min_r})",
            p.precision(),
            p.recall()
        );
    };
    bar("figures", &s.figures, 0.9, 0.9);
    bar("sourcing", &s.sourcing, 0.9, 0.9);
    bar("metric", &s.metric, 0.9, 0.9);
    bar("period", &s.period, 0.9, 0.9);
}
