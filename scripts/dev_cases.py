#!/usr/bin/env python3
"""Run ../shared/eval/score_cases.py and hold its totals to floors.

Usage: dev_cases.py [--min-recall R] [--max-false-alarms N]
                    [--min-conflict-precision P] BIN CASE_DIR...

Prints score_cases.py's output unchanged (one line per case, then the
totals), then the measured totals against the floors. Exit 1 when recall
is below R, false alarms above N or conflict precision below P; 2 when the
totals line cannot be read; else 0 (a failing case alone does not fail:
the dev cases are measured, the totals are gated).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
SCORE_CASES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "eval", "score_cases.py")
TOTALS = re.compile(
    r"recall (\d+)/(\d+) = [\d.]+, (\d+) false alarms, conflict precision (\d+)/(\d+) = [\d.]+")


def main():
    args = sys.argv[1:]
    min_recall = max_fa = min_precision = None
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--min-recall":
            min_recall = float(args.pop(0))
        elif flag == "--max-false-alarms":
            max_fa = int(args.pop(0))
        elif flag == "--min-conflict-precision":
            min_precision = float(args.pop(0))
        else:
            sys.exit(f"dev_cases: unknown flag {flag}\n{__doc__}")
    if len(args) < 2:
        sys.exit(__doc__)
    p = subprocess.run([sys.executable, SCORE_CASES, *args], capture_output=True, text=True)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    m = TOTALS.search(p.stdout)
    if not m:
        print("dev_cases: no totals line in score_cases.py's output")
        return 2
    found, total, fa, right, conflict = map(int, m.groups())
    recall = found / max(total, 1)
    precision = right / max(conflict, 1)
    print(f"measured: recall {recall:.3f} ({found}/{total}), {fa} false alarms, "
          f"conflict precision {precision:.3f} ({right}/{conflict})")
    fails = []
    if min_recall is not None and recall + 1e-9 < min_recall:
        fails.append(f"recall {recall:.3f} < {min_recall}")
    if max_fa is not None and fa > max_fa:
        fails.append(f"false alarms {fa} > {max_fa}")
    if min_precision is not None and precision + 1e-9 < min_precision:
        fails.append(f"conflict precision {precision:.3f} < {min_precision}")
    if fails:
        print("below the dev floors: " + "; ".join(fails))
        return 1
    print("dev totals at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
