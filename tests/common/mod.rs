//! What the integration tests share: finding what lies beside the project
//! (`../shared`, the real-article corpus) and skipping with a notice when it
//! is absent, on a user's fresh clone. `.ci/run` sets
//! CLAIMCHECK_REQUIRE_SHARED / CLAIMCHECK_REQUIRE_JSONSCHEMA: there a
//! missing prerequisite is a failure, not a skip.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// `../shared/corpus/seeds` when it is there.
pub fn seed_corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    p.is_dir().then_some(p)
}

/// Prints a notice that `what` is skipped because `missing` is absent, or
/// fails when `require_env` is set. Written straight to standard error, so
/// it shows even for a passing test (`eprintln!` output is captured).
pub fn skip(what: &str, missing: &str, require_env: &str) {
    assert!(
        std::env::var_os(require_env).is_none(),
        "{require_env} is set but {missing} is missing: {what} cannot run"
    );
    let _ = writeln!(
        std::io::stderr(),
        "notice: {what} skipped: {missing} is absent (set {require_env}=1 to require it)"
    );
}

/// True when the seed corpus is beside the project; else a notice (or a
/// failure under CLAIMCHECK_REQUIRE_SHARED) and false.
pub fn have_seed_corpus(what: &str) -> bool {
    if seed_corpus().is_some() {
        return true;
    }
    skip(
        what,
        "../shared/corpus/seeds (the real seed articles)",
        "CLAIMCHECK_REQUIRE_SHARED",
    );
    false
}
