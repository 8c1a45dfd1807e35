#!/usr/bin/env python3
"""Score `claimcheck extract --format json` against the dev corpus's gold labels.

Usage: dev_gold.py [--bin BIN] [--min-file FLOORS.yaml] [CASE_DIR...]

For every case (default: every folder of ../shared/corpus/dev holding a
gold.yaml), runs

  gold_score.py CASE/gold.yaml --measure-map tests/dev/measure-map.yaml \
      -- BIN extract --format json CASE/articles

prints one line per case, then a totals table over all cases: per category
(figures, period, entity, kind, basis, sourced, metric; those gold_score.py
prints) the summed counts and the precision and recall they give.

Exit 0; with --min-file (YAML: category -> minimum, or category ->
{precision: P, recall: R}; a plain number is a floor for both), exit 1 when
a total falls below its floor. Exit 2 when a case cannot be scored.
"""
import os
import re
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.realpath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
GOLD_SCORE = os.path.join(SHARED, "eval", "gold_score.py")
MEASURE_MAP = os.path.join(ROOT, "tests", "dev", "measure-map.yaml")
CATEGORIES = ["figures", "period", "entity", "kind", "basis", "sourced", "metric"]

ROW = re.compile(r"^(\w+)\s+precision ([\d.]+)\s+recall ([\d.]+)\s+\((.*)\)\s*$")
FIG = re.compile(r"(\d+) matched of (\d+) gold, (\d+) extracted")
SCORED = re.compile(r"(\d+) right, (\d+) given, (\d+) in gold")


def parse(stdout):
    """gold_score.py's rows as {category: (right, given, total)}.

    figures: (matched, extracted, gold), so precision = right / given and
    recall = right / total for every category alike."""
    rows = {}
    for line in stdout.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        name, note = m.group(1), m.group(4)
        f = FIG.search(note)
        s = SCORED.search(note)
        if f:
            matched, gold, extracted = map(int, f.groups())
            rows[name] = (matched, extracted, gold)
        elif s:
            rows[name] = tuple(map(int, s.groups()))
    return rows


def ratio(a, b):
    return a / b if b else 0.0


def main():
    args = sys.argv[1:]
    binary = os.path.join(ROOT, "target", "release", "claimcheck")
    min_file = None
    cases = []
    while args:
        a = args.pop(0)
        if a == "--bin":
            binary = args.pop(0)
        elif a == "--min-file":
            min_file = args.pop(0)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            cases.append(a)
    if not cases:
        dev = os.path.join(SHARED, "corpus", "dev")
        cases = sorted(os.path.join(dev, d) for d in os.listdir(dev))
    cases = [c for c in cases if os.path.isfile(os.path.join(c, "gold.yaml"))]
    if not cases:
        print("dev_gold: no case folder with a gold.yaml")
        return 2

    totals = {}
    broken = 0
    for case in cases:
        name = os.path.basename(os.path.normpath(case))
        p = subprocess.run(
            [sys.executable, GOLD_SCORE, os.path.join(case, "gold.yaml"),
             "--measure-map", MEASURE_MAP, "--",
             binary, "extract", "--format", "json", os.path.join(case, "articles")],
            capture_output=True, text=True)
        rows = parse(p.stdout)
        if p.returncode == 2 or not rows:
            broken += 1
            tail = (p.stdout.strip().splitlines() or [p.stderr.strip()[-200:]])[-1:]
            print(f"{name}: cannot score: {' '.join(tail)}")
            continue
        for k, v in rows.items():
            t = totals.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]
        cells = []
        for k in CATEGORIES:
            if k in rows:
                r, g, t = rows[k]
                cells.append(f"{k} {ratio(r, g):.2f}/{ratio(r, t):.2f}")
        print(f"{name}: " + ", ".join(cells))

    print()
    print(f"dev gold totals over {len(cases) - broken} cases (precision / recall):")
    print(f"{'category':9s} {'precision':>9s} {'recall':>7s}   counts")
    measured = {}
    for k in CATEGORIES + sorted(set(totals) - set(CATEGORIES)):
        if k not in totals:
            if k in CATEGORIES:
                print(f"{k:9s} {'-':>9s} {'-':>7s}   (not scored by gold_score.py)")
            continue
        r, g, t = totals[k]
        p_, r_ = ratio(r, g), ratio(r, t)
        measured[k] = (p_, r_)
        if k == "figures":
            note = f"{r} matched of {t} gold, {g} extracted"
        else:
            note = f"{r} right, {g} given, {t} in gold"
        print(f"{k:9s} {p_:9.3f} {r_:7.3f}   ({note})")

    status = 2 if broken else 0
    if min_file:
        with open(min_file, encoding="utf-8") as f:
            floors = yaml.safe_load(f) or {}
        drops = []
        for k, floor in floors.items():
            if isinstance(floor, dict):
                want = (float(floor.get("precision", 0)), float(floor.get("recall", 0)))
            else:
                want = (float(floor), float(floor))
            got = measured.get(k, (0.0, 0.0))
            for label, g_, w in (("precision", got[0], want[0]), ("recall", got[1], want[1])):
                if g_ + 1e-9 < w:
                    drops.append(f"{k} {label} {g_:.3f} < floor {w:.2f}")
        if drops:
            print("below the floors of " + min_file + ":")
            for d in drops:
                print("  " + d)
            status = max(status, 1)
        else:
            print(f"every total at or above the floors of {min_file}")
    return status


if __name__ == "__main__":
    sys.exit(main())
