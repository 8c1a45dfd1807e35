//! Tables as they reach us (issue #13): invented results tables in every layout
//! (one-line flattened, columnar with the unit in a caption, headers over two
//! lines, glued and footnoted figures), labelled cell by cell in
//! tests/tables/*.claims.yaml before the reader was written, plus tables whose
//! cells do not fit their header, which must give no claims.

use claimcheck::knowledge::Knowledge;
use std::path::Path;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tables")
}

#[test]
fn table_fixtures_precision_and_recall() {
    let k = Knowledge::embedded();
    let s = claimcheck::eval::score(&[dir()], &k);
    eprintln!("{}", s.table());
    for n in &s.notes {
        eprintln!("{n}");
    }
    assert!(s.articles >= 12, "table fixtures read: {}", s.articles);
    for (name, p) in [
        ("figures", &s.figures),
        ("metric", &s.metric),
        ("period", &s.period),
    ] {
        assert!(
            p.precision() >= 0.98 && p.recall() >= 0.98,
            "{name}: precision {:.3}, recall {:.3} (min 0.98 each)",
            p.precision(),
            p.recall()
        );
    }
}

#[test]
fn cells_that_do_not_fit_give_no_claims_and_say_why() {
    let k = Knowledge::embedded();
    let lex = claimcheck::extract::metric::Lexicon::new(&k);
    let path = dir().join("10-corvell-misfits.txt");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let e = claimcheck::extract::extract(&path, &text, None, &k, &lex);
    assert!(
        e.claims.is_empty(),
        "claims from misfit tables: {:?}",
        e.claims
    );
    let notes = &e.article.notes;
    assert!(
        notes
            .iter()
            .any(|n| n.line == 5 && n.message.contains("cells")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.line == 7 && n.message.contains("period")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.line == 10 && n.message.contains("cells")),
        "{notes:?}"
    );
}
