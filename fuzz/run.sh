#!/usr/bin/env bash
# Fuzzes the given targets (default: all five) one after another, one process
# at a time (no -fork/-jobs), with the seeds copied into the working corpus.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]     (from anywhere; default 600 s)
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on stable Rust with `-s none`.
set -u
cd "$(dirname "$0")/.."            # the main crate's root: cargo fuzz finds ./fuzz
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract_article period_parser number_parser html_ingest claimfile_loader)
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
mkdir -p fuzz/logs
cargo fuzz build -s none || exit 2
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    cp -n fuzz/seeds/"$t"/* "fuzz/corpus/$t/" 2>/dev/null
    dict=()
    [ -f "fuzz/dicts/$t.dict" ] && dict=(-dict="fuzz/dicts/$t.dict")
    echo "=== $t: ${secs}s" >&2
    cargo fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${dict[@]}" >"fuzz/logs/$t.log" 2>&1
    echo "=== $t: exit $?" >&2
done
