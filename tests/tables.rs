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

fn findings(paths: &[std::path::PathBuf]) -> Vec<(String, String)> {
    let r = claimcheck::check(paths, &claimcheck::Options::default(), None).expect("check");
    r.findings
        .iter()
        .map(|f| (f.rule.to_string(), f.message.clone()))
        .collect()
}

#[test]
fn cells_of_one_table_are_not_compared_with_each_other() {
    // the fixtures' tables are consistent; equal cells in two columns ("$455 $455 Flat")
    // and a table's change columns against its own levels raise nothing
    let articles: Vec<std::path::PathBuf> = std::fs::read_dir(dir())
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for a in &articles {
        let conflicts: Vec<_> = findings(std::slice::from_ref(a))
            .into_iter()
            .filter(|(r, _)| {
                ["contradiction", "period-mismatch", "arithmetic"].contains(&r.as_str())
            })
            .collect();
        assert!(conflicts.is_empty(), "{}: {conflicts:?}", a.display());
    }
}

/// A release whose flattened table's revenue Y/Y cell (17%) its own levels do not
/// support; written to a temp dir (returned with the article's path).
fn flat_release(tag: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let d = std::env::temp_dir().join(format!("claimcheck-table-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    let a = d.join("release.txt");
    std::fs::write(
        &a,
        "Lindqvist Optics Reports Second Quarter 2025 Results\n\n\
         Lindqvist Optics announced results for the second quarter of 2025 today.\n\n\
         Q2 2025 Q2 2024 Y/Y Revenue ($M) $640 $600 Up 17% Net income ($M) $60 $50 Up 20%\n",
    )
    .expect("write");
    (d, a)
}

#[test]
fn a_change_column_that_its_own_levels_do_not_support_is_found() {
    let (d, a) = flat_release("arith");
    let f = findings(std::slice::from_ref(&a));
    std::fs::remove_dir_all(&d).ok();
    let arith: Vec<_> = f.iter().filter(|(r, _)| r == "arithmetic").collect();
    assert_eq!(arith.len(), 1, "{f:?}");
    assert!(
        arith[0].1.contains("revenue") && arith[0].1.contains("17%"),
        "{arith:?}"
    );
}

#[test]
fn every_report_shows_the_row_and_column_a_cell_came_from() {
    let (d, a) = flat_release("place");
    for format in ["text", "markdown", "sarif", "html"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "--fail-on", "never", "--format", format])
            .arg(&a)
            .output()
            .expect("run claimcheck");
        let report = String::from_utf8_lossy(&out.stdout)
            .replace("&quot;", "\"")
            .replace("\\$", "$")
            .replace("\\\"", "\"");
        assert!(
            report.contains("table row \"Revenue ($M)\", column \"Y/Y\""),
            "{format}: {report}"
        );
    }
    std::fs::remove_dir_all(&d).ok();
}
