#!/usr/bin/env bash
# End-to-end benchmark of target/release/claimcheck against the speed and memory
# targets of issue 15 (builds nothing; not run by .ci/run: it takes minutes).
# Usage: scripts/bench.sh                 # quick: 1k and 10k generated articles, seeds and dev
#                                         # corpus repeated to ~25 MB, a 20 MB one-line file
#        BENCH_FULL=1 scripts/bench.sh    # also 100k generated articles and the 100 MB one-line file
#        BENCH_QUANTULUM=0 ...            # skip the side-by-side quantulum3 run
#        CLAIMCHECK_BIN=path ...          # another build (default target/release/claimcheck)
# Corpora are cached in ${BENCH_DIR:-/tmp/claimcheck-bench}. Every target ends as a line
#   target: <what> — measured <x> — MET | NOT MET
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CLAIMCHECK_BIN:-$PWD/target/release/claimcheck}
[ -x "$BIN" ] || { echo "bench: $BIN missing; run cargo build --release first" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time missing; installing Debian package time" >&2
  apt-get install -y time >/dev/null
fi
WORK=${BENCH_DIR:-/tmp/claimcheck-bench}
SEEDS=${SEEDS_DIR:-../shared/corpus/seeds}
DEV=${DEV_DIR:-../shared/corpus/dev}
FULL=${BENCH_FULL:-0}
WORST_MB=${WORST_MB:-$([ "$FULL" = 1 ] && echo 100 || echo 20)}
mkdir -p "$WORK"

sizes=(1000 10000)
[ "$FULL" = 1 ] && sizes+=(100000)

# measure OUT THREADS ARGS... : runs claimcheck ARGS with RAYON_NUM_THREADS=THREADS (empty:
# default), its report into OUT; prints "wall_s peak_rss_kb cpu_s"
measure() {
  local out=$1 threads=$2 tf
  shift 2
  tf=$(mktemp)
  if [ -n "$threads" ]; then
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %M %U %S" -o "$tf" "$BIN" "$@" >"$out"
  else
    /usr/bin/time -f "%e %M %U %S" -o "$tf" "$BIN" "$@" >"$out"
  fi
  tail -n 1 "$tf" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
  rm -f "$tf"
}

article_bytes() {
  find "$1" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}'
}
article_count() {
  find "$1" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l
}
# total figures of a JSON check report (summary.figures, indented 4)
figures_of() { tail -c 200000 "$1" | grep -E '^    "figures": ' | tail -n 1 | tr -dc '0-9'; }

verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "MET" : "NOT MET") }'; }
target() { echo "target: $1 — measured $2 — $3"; }

declare -A T1 T2 RSS1 N MB
row() {
  local name=$1 dir=$2 t1 rss c1 t2 _r _c
  N[$name]=$(article_count "$dir")
  MB[$name]=$(awk -v b="$(article_bytes "$dir")" 'BEGIN { printf "%.1f", b / 1e6 }')
  read -r t1 rss c1 < <(measure /dev/null 1 check --format json --fail-on never "$dir")
  read -r t2 _r _c < <(measure /dev/null "" check --format json --fail-on never "$dir")
  T1[$name]=$t1; T2[$name]=$t2; RSS1[$name]=$rss
  awk -v name="$name" -v n="${N[$name]}" -v mb="${MB[$name]}" -v t="$t1" -v c="$c1" -v rss="$rss" -v ta="$t2" 'BEGIN {
    tt = (t > 0 ? t : 0.005)
    printf "| %-16s | %8d | %7.1f | %8.2f | %8.2f | %8.1f | %10.0f | %8.0f | %8.2f |\n",
      name, n, mb, t, c, mb / tt, n / tt, rss / 1024, ta }'
}

gen() {
  local n=$1 dir=$WORK/gen-$1
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    python3 scripts/gen_corpus.py "$dir" --articles "$n" --seed 7 >/dev/null
    touch "$dir/.done"
  fi
  echo "$dir"
}

# the seed articles (or the dev corpus' articles) copied until about 25 MB
repeated() {
  local name=$1 copies=$2 dir=$WORK/$1-x$2 i f
  shift 2
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    for i in $(seq -w 1 "$copies"); do
      for f in "$@"; do
        local base ext
        base=$(basename "$f"); ext=${base##*.}; base=${base%.*}
        cp "$f" "$dir/$(basename "$(dirname "$(dirname "$f")")")_${base}_$i.$ext"
      done
    done
    touch "$dir/.done"
  fi
  echo "$dir"
}

worst() {
  local mb=$1 dir=$WORK/worst-$1
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    python3 scripts/gen_worst.py "$dir/worst.txt" --mb "$mb"
    touch "$dir/.done"
  fi
  echo "$dir"
}

echo "claimcheck end to end, $(date -u +%Y-%m-%dT%H:%MZ), nproc=$(nproc), load $(cut -d' ' -f1 /proc/loadavg), $("$BIN" --version 2>/dev/null || echo claimcheck)$([ "$FULL" = 1 ] && echo ', BENCH_FULL=1')"
echo
echo "| corpus           | articles |      MB | s (1 thread) | CPU s | MB/s | articles/s | peak RSS MB | s (2 threads) |"
echo "|------------------|---------:|--------:|---------:|---------:|---------:|-----------:|------------:|------------:|"
for n in "${sizes[@]}"; do row "gen-$n" "$(gen "$n")"; done
seed_files=("$SEEDS"/*.txt)
row "seeds" "$(repeated seeds 1000 "${seed_files[@]}")"
mapfile -t dev_files < <(find "$DEV" -path '*/articles/*' -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort)
if [ "${#dev_files[@]}" -gt 0 ]; then
  row "dev" "$(repeated dev 200 "${dev_files[@]}")"
fi
echo

# the worst case: one file, no newline, every third word a figure
wdir=$(worst "$WORST_MB")
small=$((WORST_MB / 5))
[ "$small" -ge 1 ] || small=1
sdir=$(worst "$small")
out=$WORK/report.json
read -r wt wrss wc < <(measure "$out" "" check --format json --fail-on never "$wdir")
wbytes=$(stat -c %s "$out"); wfig=$(figures_of "$out")
read -r st srss sc < <(measure "$out" "" check --format json --fail-on never "$sdir")
sbytes=$(stat -c %s "$out"); sfig=$(figures_of "$out")
# the same check without the finding that lists every unsourced figure (most of the report)
read -r _ urss _ < <(measure "$out" "" check --format json --fail-on never --disable unsourced-figure "$sdir")
ubytes=$(stat -c %s "$out")
# a folder of five files of a fifth of the size each: held at once, or one at a time?
ddir=$WORK/worst-dir-$WORST_MB
if [ ! -f "$ddir/.done" ]; then
  rm -rf "$ddir"; mkdir -p "$ddir"
  for i in 1 2 3 4 5; do python3 scripts/gen_worst.py "$ddir/w$i.txt" --mb "$small" --seed "$i"; done
  touch "$ddir/.done"
fi
read -r dt drss _ < <(measure "$out" "" check --format json --fail-on never "$ddir")
rm -f "$out"
echo "one-line file ${WORST_MB} MB: ${wt} s (CPU ${wc} s), peak RSS $((wrss / 1024)) MB, ${wfig} figures, JSON report $((wbytes / 1000000)) MB"
echo "one-line file ${small} MB: ${st} s, peak RSS $((srss / 1024)) MB, ${sfig} figures; folder of 5 such files: ${dt} s, peak RSS $((drss / 1024)) MB"
echo

# side by side with quantulum3, in this run
qratio=""
if [ "${BENCH_QUANTULUM:-1}" = 1 ]; then
  qjson=$WORK/quantulum.json
  if python3 scripts/compare_quantulum.py --json --bin "$BIN" --copies 250 --q-copies 10 --repeats 1 \
      --work "$WORK/compare" >"$qjson" 2>"$WORK/quantulum.log"; then
    read -r qratio qcc qq < <(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["throughput"]; print("%.0f %.2f %.4f" % (t["ratio_mb_per_s"], t["claimcheck"]["mb_per_s"], t["quantulum3"]["mb_per_s"]))' "$qjson")
    echo "quantulum3 (scripts/compare_quantulum.py, this run): claimcheck ${qcc} MB/s, quantulum3 ${qq} MB/s on the seed text, one thread"
  else
    echo "quantulum3: compare_quantulum.py failed (see $WORK/quantulum.log)"
  fi
  echo
fi

g10=gen-10000
for name in seeds dev; do
  [ -n "${T1[$name]:-}" ] || continue
  mbs=$(awk -v mb="${MB[$name]}" -v t="${T1[$name]}" 'BEGIN { printf "%.1f", mb / (t > 0 ? t : 0.005) }')
  target "extract and check, 1 thread, $name corpus repeated (${MB[$name]} MB): >= 50 MB/s" "$mbs MB/s" "$(verdict "$(awk -v x="$mbs" 'BEGIN { print (x >= 50) }')")"
done
if [ -n "$qratio" ]; then
  target "throughput >= 2000x quantulum3 (same seed text, same run)" "${qratio}x" "$(verdict "$((qratio >= 2000))")"
else
  target "throughput >= 2000x quantulum3 (same seed text, same run)" "not measured" "NOT MET"
fi
sp=$(awk -v a="${T1[$g10]}" -v b="${T2[$g10]}" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.005) }')
target "2 threads >= 1.8x one thread, 10k generated articles" "${sp}x (${T1[$g10]} s -> ${T2[$g10]} s)" "$(verdict "$(awk -v x="$sp" 'BEGIN { print (x >= 1.8) }')")"
if [ "$FULL" = 1 ]; then
  g=gen-100000
  target "100k generated articles end to end on 2 threads < 15 s" "${T2[$g]} s" "$(verdict "$(awk -v x="${T2[$g]}" 'BEGIN { print (x < 15) }')")"
  target "100k generated articles peak RSS < 2 GB" "$((RSS1[$g] / 1024)) MB" "$(verdict "$((RSS1[$g] < 2 * 1024 * 1024))")"
fi
# linear: seconds per article (1 thread) of every size within 10% of each other
lin=$(for n in "${sizes[@]}"; do echo "${T1[gen-$n]} $n"; done | awk '{ r = 1e6 * $1 / $2; s = s sprintf("%s%.0f", (NR > 1 ? "/" : ""), r); if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r } END { printf "%s us per article, spread %.0f%%\n", s, 100 * (hi / lo - 1) }')
spread=$(echo "$lin" | sed -E 's/.*spread ([0-9]+)%.*/\1/')
target "linear within 10%: $(IFS=/; echo "${sizes[*]}") generated articles" "$lin" "$(verdict "$((spread <= 10))")$([ "$FULL" = 1 ] || echo ' (100k only with BENCH_FULL=1)')"
target "one-line figure-dense file (${WORST_MB} MB; the target is for 100 MB) < 10 s" "${wt} s" "$(verdict "$(awk -v x="$wt" -v mb="$WORST_MB" 'BEGIN { print (mb >= 100 && x < 10) }')")"
target "one-line figure-dense file (${WORST_MB} MB) peak RSS < 1.5 GB" "$((wrss / 1024)) MB" "$(verdict "$((WORST_MB >= 100 && wrss < 1536 * 1024))")"
target "a folder of such files streams (not all claims of all files at once)" "5 x ${small} MB: $((drss / 1024)) MB peak RSS against $((srss / 1024)) MB for one file" "$(verdict "$((drss * 2 < srss * 3))")"
perclaim=$(awk -v a="$wrss" -v b="$srss" -v fa="$wfig" -v fb="$sfig" 'BEGIN { if (fa > fb) printf "%.0f", (a - b) * 1024 / (fa - fb); else print "?" }')
target "memory per claim measured (README)" "${perclaim} bytes per claim (peak RSS slope, ${small} -> ${WORST_MB} MB)" "MET"
# streamed: leaving out most of the report must not lower the peak by the bytes left out
saved=$(( (srss - urss) * 1024 )); shrunk=$(( sbytes - ubytes ))
target "JSON report streams to its writer" "report $((sbytes / 1000000)) MB -> $((ubytes / 1000000)) MB without unsourced-figure, peak RSS $((srss / 1024)) -> $((urss / 1024)) MB" "$(verdict "$((saved * 4 < shrunk))")"
