//! Criterion benchmarks of the hot paths of extraction: figure scanning, period parsing,
//! sentence splitting, and one whole article. Text: the bundled example articles (our own).
//!
//! `cargo bench --bench hot_paths` (add `-- --quick` for a fast pass).

use claimcheck::extract::{self, document, metric, numbers, periods};
use claimcheck::period::parse::{parse_label, parse_label_uncached};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut text = String::new();
    for name in ["wire.txt", "release.txt", "blog.md"] {
        text.push_str(&std::fs::read_to_string(dir.join(name)).expect("example article"));
        text.push('\n');
    }
    text
}

const LABELS: &[&str] = &[
    "Q3 2025",
    "third quarter of fiscal 2026",
    "3Q25",
    "Q2 FY26",
    "fiscal first quarter, ended September 30, 2025",
    "quarter ended June 30, 2025",
    "June quarter",
    "first half of 2025",
    "most recent quarter",
    "a year earlier",
    "fiscal 2028",
    "September 2025",
    "trailing twelve months",
    "soon",
];

fn benches(c: &mut Criterion) {
    let text = corpus();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();

    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| numbers::scan(black_box(l), false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("may_contain", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| numbers::may_contain(black_box(l)))
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("periods");
    g.throughput(Throughput::Elements(LABELS.len() as u64));
    g.bench_function("parse_label", |b| {
        b.iter(|| {
            LABELS
                .iter()
                .filter(|l| parse_label_uncached(black_box(l)) != claimcheck::period::Expr::Unknown)
                .count()
        })
    });
    g.bench_function("parse_label_memo", |b| {
        b.iter(|| {
            LABELS
                .iter()
                .filter(|l| parse_label(black_box(l)) != claimcheck::period::Expr::Unknown)
                .count()
        })
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find_in_text", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| periods::find(black_box(l)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("split", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| document::bounded(l, document::sentences(black_box(l))).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let knowledge = claimcheck::load_knowledge(&[]).expect("embedded knowledge");
    let lex = metric::Lexicon::new(&knowledge);
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            extract::extract(
                Path::new("bench.txt"),
                black_box(&text),
                None,
                &knowledge,
                &lex,
            )
            .claims
            .len()
        })
    });
    g.finish();
}

criterion_group!(hot_paths, benches);
criterion_main!(hot_paths);
