#!/usr/bin/env bash
# End-to-end benchmark of target/release/claimcheck (builds nothing).
# Usage: scripts/bench.sh            # 1k and 10k generated articles, seed corpus x250
#        BENCH_FULL=1 scripts/bench.sh   # also 100k generated articles
# Corpora are cached in ${BENCH_DIR:-/tmp/claimcheck-bench}/gen-N and seeds-x250.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/target/release/claimcheck
[ -x "$BIN" ] || { echo "bench: $BIN missing; run cargo build --release first" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time missing; installing Debian package time" >&2
  apt-get install -y time >/dev/null
fi
WORK=${BENCH_DIR:-/tmp/claimcheck-bench}
SEEDS=${SEEDS_DIR:-../shared/corpus/seeds}
mkdir -p "$WORK"

sizes=(1000 10000)
[ "${BENCH_FULL:-0}" = 1 ] && sizes+=(100000)

# run DIR [RAYON_NUM_THREADS] -> prints "seconds peak_rss_kb"
run() {
  local dir=$1 threads=${2:-} out
  out=$(mktemp)
  if [ -n "$threads" ]; then
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %M" -o "$out" \
      "$BIN" check --format json --fail-on never "$dir" >/dev/null
  else
    /usr/bin/time -f "%e %M" -o "$out" "$BIN" check --format json --fail-on never "$dir" >/dev/null
  fi
  tail -n 1 "$out"
  rm -f "$out"
}

row() {
  local name=$1 dir=$2
  local n bytes t1 rss tall
  n=$(find "$dir" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l)
  bytes=$(find "$dir" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  read -r t1 rss < <(run "$dir" 1)
  read -r tall _ < <(run "$dir")
  awk -v name="$name" -v n="$n" -v b="$bytes" -v t="$t1" -v rss="$rss" -v ta="$tall" 'BEGIN {
    mb = b / 1e6; tt = (t > 0 ? t : 0.005)
    printf "| %-14s | %8d | %7.1f | %8.2f | %8.1f | %10.0f | %8.0f | %8.2f |\n",
      name, n, mb, t, mb / tt, n / tt, rss / 1024, ta }'
}

echo "claimcheck end to end, $(date -u +%Y-%m-%d), nproc=$(nproc), $("$BIN" --version 2>/dev/null || echo claimcheck)"
echo
echo "| corpus         | articles |      MB | s (1 thread) |     MB/s | articles/s | peak RSS MB | s (all threads) |"
echo "|----------------|---------:|--------:|---------:|---------:|-----------:|------------:|------------:|"

for n in "${sizes[@]}"; do
  dir=$WORK/gen-$n
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    python3 scripts/gen_corpus.py "$dir" --articles "$n" --seed 7
    touch "$dir/.done"
  fi
  row "generated" "$dir"
done

dir=$WORK/seeds-x250
if [ ! -f "$dir/.done" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq -w 1 250); do
    for f in "$SEEDS"/*.txt; do
      b=$(basename "$f" .txt)
      cp "$f" "$dir/${b}_$i.txt"
    done
  done
  touch "$dir/.done"
fi
row "seeds x250" "$dir"
