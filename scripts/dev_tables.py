#!/usr/bin/env python3
"""Tables on the dev corpus (issue #13): every table cell meets its gold label, and
no conflict finding pairs two cells of one table.

Usage: dev_tables.py [--bin BIN] [CASE_DIR...]

For every case (default: every folder of ../shared/corpus/dev holding a gold.yaml):
  * runs `BIN extract --format json CASE/articles`; on every line where a claim was
    read from a table (its JSON carries `table`), each gold figure must be read with
    the gold's period, metric (through tests/dev/measure-map.yaml) and kind, using
    ../shared/eval/gold_score.py's own matching and normalisation; a cell read with
    no metric (a column whose label the catalogue does not fully know: kept out of
    comparisons) abstains on the metric and is counted apart, not as a miss, and so
    is a gold figure of a kind the tool has no kind for ("other") left unread;
  * runs `BIN check --format json CASE/articles`; no contradiction, period-mismatch or
    arithmetic finding may hold two claims from the same table of one article (an
    arithmetic finding checking a change column against its own levels is allowed:
    that is the table disagreeing with itself).
Prints each miss, then a summary line; exit 1 on any miss, 2 when a case cannot be run.
"""
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.realpath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import gold_score as gs  # noqa: E402

MEASURE_MAP = os.path.join(ROOT, "tests", "dev", "measure-map.yaml")
# the kinds a claim can have (src/model/claim.rs)
TOOL_KINDS = {"level", "growth", "share", "margin", "count", "streak"}


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(f"dev_tables: {' '.join(args)} exited {p.returncode}: {p.stderr[:400]}")
        sys.exit(2)
    return json.loads(p.stdout)


def main(argv):
    bin_ = os.path.join(ROOT, "target", "release", "claimcheck")
    cases = []
    it = iter(argv)
    for a in it:
        if a == "--bin":
            bin_ = next(it)
        else:
            cases.append(a)
    if not cases:
        dev = os.path.join(SHARED, "corpus", "dev")
        cases = sorted(
            os.path.join(dev, d)
            for d in os.listdir(dev)
            if os.path.exists(os.path.join(dev, d, "gold.yaml"))
        )
    mm = {gs.norm(k): v for k, v in yaml.safe_load(open(MEASURE_MAP)).items()}
    total = misses = abstained = outside = 0
    for cd in cases:
        name = os.path.basename(cd.rstrip("/"))
        gold = yaml.safe_load(open(os.path.join(cd, "gold.yaml")))
        files = gold.get("files") or yaml.safe_load(open(os.path.join(cd, "expected.yaml")))["files"]
        arts = os.path.join(cd, "articles")
        d = run([bin_, "extract", "--format", "json", arts])
        claims = [c for a in d["articles"] for c in a["claims"]]
        by_line = {}
        for i, c in enumerate(claims):
            by_line.setdefault((os.path.basename(str(c.get("path"))), c.get("line")), []).append(i)
        table_lines = {k for k, v in by_line.items() if any(claims[i].get("table") for i in v)}
        used = set()
        for g in gold["figures"]:
            key = (files.get(g["file"], g["file"]), g["line"])
            if key not in table_lines:
                continue
            total += 1
            want = gs.lead_number(g["figure"])
            hit = next(
                (i for i in by_line[key] if i not in used and gs.lead_number(claims[i].get("figure")) == want),
                None,
            )
            if hit is None and gs.norm(g.get("kind")) not in TOOL_KINDS:
                # a figure of a kind the tool has none for ("other": a progress ratio):
                # no reading of it can be right, and leaving it unread is
                outside += 1
                continue
            if hit is None:
                misses += 1
                print(f"{name} {g['file']}:{g['line']} {g['figure']!r}: not read")
                continue
            used.add(hit)
            c = claims[hit]
            probs = []
            if gs.gold_period(g.get("period")) != gs.tool_period(c):
                probs.append(f"period {gs.tool_period(c)} (gold {gs.gold_period(g.get('period'))})")
            gm = mm.get(gs.norm(g.get("measure")), "?unmapped")
            if c.get("metric") is None and gm is not None:
                abstained += 1
            elif gm != c.get("metric"):
                probs.append(f"metric {c.get('metric')} (gold {gm})")
            if gs.norm(g.get("kind")) != gs.norm(c.get("kind")):
                probs.append(f"kind {c.get('kind')} (gold {g.get('kind')})")
            if probs:
                misses += 1
                print(f"{name} {g['file']}:{g['line']} {g['figure']!r}: {'; '.join(probs)}")
        r = run([bin_, "check", "--format", "json", "--fail-on", "never", arts])
        for f in r["findings"]:
            if f["rule"] not in ("contradiction", "period-mismatch", "arithmetic"):
                continue
            cells = [
                (c["path"], c["table"]["table"])
                for c in f.get("claims", [])
                if c.get("table") and c.get("role") in ("reference", "conflicting")
            ]
            same = {t for t in cells if cells.count(t) > 1}
            if same and f["rule"] != "arithmetic":
                misses += 1
                print(f"{name}: {f['rule']} between cells of one table: {f['message']}")
    print(
        f"dev tables: {total} gold figures on table lines, {misses} not met, "
        f"{abstained} read with no metric, {outside} of a kind the tool has none for left unread"
    )
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
