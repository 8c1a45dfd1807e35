//! Prints extraction precision and recall on the gold set:
//! `cargo run --release --example gold_score -- tests/gold claims/seeds`
fn main() {
    let dirs: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let k = claimcheck::knowledge::Knowledge::embedded();
    let s = claimcheck::eval::score(&dirs, &k);
    if std::env::var_os("VERBOSE").is_some() {
        for n in &s.notes {
            println!("{n}");
        }
    }
    print!("{}", s.table());
}
