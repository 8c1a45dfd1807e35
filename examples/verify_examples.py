#!/usr/bin/env python3
"""Sanity checks for the hand-labelled Northwind Robotics example set.

Run from anywhere:  python3 examples/verify_examples.py
Checks: every YAML file parses; claim files use only the fields of
docs/claim-file.md; each figure sits at its line/column; metric ids exist in
claims/knowledge/metrics.yaml; citations resolve to the printed source list
(the one planted dangling citation is expected); source-list entries sit on
their lines; `restates` points at a sourced claim; sources.yaml agrees with
the claim files; and every digit or number word in the articles' visible text
is either a labelled figure or a known non-claim (dates, period labels,
footnote markers).
"""
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLES = os.path.join(HERE, "articles")
CLAIMS = os.path.join(HERE, "claims")
METRICS = os.path.join(ROOT, "claims", "knowledge", "metrics.yaml")

EXPECTED_DANGLING = {("analysis.claims.yaml", "3")}

ARTICLE_KEYS = {"path", "title", "outlet", "author", "published", "entity", "primary", "sources"}
ARTICLE_REQ = {"path", "entity"}
SOURCE_KEYS = {"marker", "line", "title", "url"}
CLAIM_KEYS = {"figure", "line", "column", "value", "unit", "scale", "qualifier", "metric", "kind",
              "basis", "of", "entity", "period", "sourcing", "outlook", "note"}
CLAIM_REQ = {"figure", "line"}
PERIOD_KEYS = {"label", "from", "context"}
SOURCING_KEYS = {"citations", "link", "attribution", "restates"}
UNITS = {"percent", "pp", "bp", "count", "streak", "multiple", "USD", "EUR", "CNY"}
SCALES = {"one", "thousand", "million", "billion", "trillion"}
QUALIFIERS = {"about", "over", "under", "at-least", "at-most", "exactly"}
KINDS = {"level", "growth", "share", "margin", "count", "streak"}
BASES = {"yoy", "qoq", "vs-estimate", "cagr", "other"}
FROMS = {"clause", "sentence", "paragraph", "heading", "article", "none"}
LABEL_RE = re.compile(
    r"^(|Q[1-4]( \d{4})?|(first|second|third|fourth) quarter|fiscal Q[1-4] \d{4}|Q[1-4] FY\d{2}"
    r"|[A-Z][a-z]+ quarter|quarter ended [A-Z][a-z]+ \d{1,2}, \d{4}|H[12] \d{4}|(first|second) half of \d{4}"
    r"|\d{4}|fiscal \d{4}|most recent quarter|latest quarter|past four quarters|prior quarter"
    r"|a year earlier|three-year)$")

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def check_keys(where, d, allowed, required=()):
    if not isinstance(d, dict):
        err(f"{where}: expected a mapping")
        return
    for k in d:
        if k not in allowed:
            err(f"{where}: unknown field {k!r}")
    for k in required:
        if k not in d:
            err(f"{where}: missing required field {k!r}")


# --- metrics catalogue ---
with open(METRICS, encoding="utf-8") as fh:
    cat = yaml.safe_load(fh)
subjects = {s["id"] for s in cat["subjects"]}
measures = {m["id"]: set(m["kinds"]) for m in cat["measures"]}
scopes = {s["id"] for s in cat["scopes"]}


def check_metric(where, metric, kind):
    if metric is None:
        return
    m = re.fullmatch(r"([a-z0-9-]+)\.([a-z0-9-]+)(?::([a-z0-9-]+))?", metric)
    if not m:
        err(f"{where}: malformed metric id {metric!r}")
        return
    subj, meas, scope = m.groups()
    if subj not in subjects:
        err(f"{where}: unknown subject {subj!r}")
    if meas not in measures:
        err(f"{where}: unknown measure {meas!r}")
    elif kind not in measures[meas]:
        warnings.append(f"{where}: kind {kind!r} is not among {meas}'s kinds "
                        f"{sorted(measures[meas])} in metrics.yaml")
    if scope and scope not in scopes:
        err(f"{where}: unknown scope {scope!r}")


def visible_lines(fname, lines):
    """Per line, the text a reader sees (markup blanked out, columns kept)."""
    out = []
    in_hidden = False
    for i, s in enumerate(lines):
        if fname.endswith(".html"):
            if re.search(r"<(script|head)\b", s):
                in_hidden = True
            if in_hidden:
                out.append("")
                if re.search(r"</(script|head)>", s):
                    in_hidden = False
                continue
            s = re.sub(r"<[^>]*>", lambda m: " " * len(m.group()), s)
        if fname.endswith(".md"):
            s = re.sub(r"\]\([^)]*\)", lambda m: " " * len(m.group()), s)
        out.append(s)
    if fname.endswith(".md") and lines and lines[0] == "---":
        end = lines.index("---", 1)
        for i in range(end + 1):
            out[i] = ""
    return out


NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand" \
               r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|double|triple|twice"
NON_CLAIM = [  # spans that are not numeric claims
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}",
    r"\bQ[1-4] \d{4}\b", r"\b(third|fourth) quarter\b", r"\bthree-year\b", r"\[\d+\]",
    r"\bq3-2025-results\b",
]

claim_files = sorted(f for f in os.listdir(CLAIMS) if f.endswith(".claims.yaml"))
meta = {}
n_claims = 0
for cf in claim_files:
    path = os.path.join(CLAIMS, cf)
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    check_keys(cf, doc, {"claimcheck", "article", "claims"}, {"claimcheck", "article", "claims"})
    if doc.get("claimcheck") != 1:
        err(f"{cf}: claimcheck must be 1")
    art = doc["article"]
    check_keys(f"{cf}: article", art, ARTICLE_KEYS, ARTICLE_REQ)
    apath = os.path.normpath(os.path.join(CLAIMS, art["path"]))
    fname = os.path.basename(apath)
    meta[fname] = art
    with open(apath, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    markers = {}
    for s in art.get("sources") or []:
        check_keys(f"{cf}: source", s, SOURCE_KEYS, {"marker", "line"})
        text = lines[s["line"] - 1]
        if f"[{s['marker']}]" not in text:
            err(f"{cf}: source [{s['marker']}] not printed on line {s['line']}")
        if s.get("title") and s["title"] not in text:
            err(f"{cf}: source title {s['title']!r} not on line {s['line']}")
        if s.get("url") and s["url"] not in text:
            err(f"{cf}: source url not on line {s['line']}")
        markers[s["marker"]] = s
    claims = doc["claims"]
    n_claims += len(claims)
    covered = {}
    by_line = {}
    for i, c in enumerate(claims):
        where = f"{cf}: claim {i + 1} ({c.get('figure')!r}, line {c.get('line')})"
        check_keys(where, c, CLAIM_KEYS, CLAIM_REQ)
        s = lines[c["line"] - 1]
        if s.find(c["figure"]) != c["column"] - 1:
            err(f"{where}: figure not at column {c['column']} (find -> {s.find(c['figure']) + 1})")
        covered.setdefault(c["line"], []).append((c["column"] - 1, c["column"] - 1 + len(c["figure"])))
        by_line.setdefault(c["line"], []).append(c)
        if not isinstance(c.get("value"), str):
            err(f"{where}: value must be a quoted string")
        if c.get("unit") not in UNITS:
            err(f"{where}: unit {c.get('unit')!r}")
        if c.get("scale", "one") not in SCALES:
            err(f"{where}: scale {c.get('scale')!r}")
        if "qualifier" in c and c["qualifier"] not in QUALIFIERS:
            err(f"{where}: qualifier {c['qualifier']!r}")
        if c.get("kind") not in KINDS:
            err(f"{where}: kind {c.get('kind')!r}")
        if c.get("kind") == "growth" and c.get("basis") not in BASES:
            err(f"{where}: growth needs a basis")
        if c.get("kind") != "growth" and "basis" in c:
            err(f"{where}: basis only for growth")
        check_metric(where, c.get("metric"), c.get("kind"))
        p = c.get("period") or {}
        check_keys(f"{where}: period", p, PERIOD_KEYS, {"label", "from"})
        if p.get("from") not in FROMS:
            err(f"{where}: period.from {p.get('from')!r}")
        if not LABEL_RE.match(p.get("label", "x")):
            err(f"{where}: period label {p.get('label')!r} is not a documented form")
        if p.get("label") and p.get("from") == "sentence" and p["label"] not in s:
            err(f"{where}: period label {p['label']!r} not on the claim's line")
        src = c.get("sourcing") or {}
        check_keys(f"{where}: sourcing", src, SOURCING_KEYS)
        for m in src.get("citations", []):
            if f"[{m}]" not in s:
                err(f"{where}: citation [{m}] not printed on the claim's line")
            if m not in markers and (cf, m) not in EXPECTED_DANGLING:
                err(f"{where}: citation [{m}] does not resolve")
        if "link" in src and f"({src['link']})" not in s:
            err(f"{where}: link not on the claim's line")
        if "attribution" in src and src["attribution"] not in s:
            err(f"{where}: attribution text not on the claim's line")
        if "restates" in src:
            target = [t for t in claims if t["line"] == src["restates"] and t.get("sourcing")
                      and "restates" not in t["sourcing"]]
            if not target:
                err(f"{where}: restates line {src['restates']} which has no sourced claim")
        if isinstance(c.get("outlook"), bool) is False and "outlook" in c:
            err(f"{where}: outlook must be boolean")
    # every numeric token in the visible text is labelled or a known non-claim
    for ln, s in enumerate(visible_lines(fname, lines), start=1):
        spans = list(covered.get(ln, []))
        for pat in NON_CLAIM:
            spans += [(m.start(), m.end()) for m in re.finditer(pat, s)]
        for m in re.finditer(r"\d[\d,.]*|\b(" + NUMBER_WORDS + r")\b", s, flags=re.I):
            if not any(a <= m.start() < b for a, b in spans):
                err(f"{fname}:{ln}: numeric token {m.group()!r} is not labelled")

# --- sources.yaml agrees with the claim files ---
with open(os.path.join(ARTICLES, "sources.yaml"), encoding="utf-8") as fh:
    srcs = yaml.safe_load(fh)["sources"]
for s in srcs:
    a = meta.get(s["file"])
    if a is None:
        err(f"sources.yaml: {s['file']} has no claim file")
        continue
    for k in ("title", "outlet", "author", "published", "entity"):
        if str(s.get(k)) != str(a.get(k)):
            err(f"sources.yaml: {s['file']} {k} {s.get(k)!r} != claim file {a.get(k)!r}")
    if bool(s.get("primary")) != bool(a.get("primary")):
        err(f"sources.yaml: {s['file']} primary flag differs from claim file")
if {s["file"] for s in srcs} != set(meta):
    err("sources.yaml and claims/ list different articles")

for w in warnings:
    print("warning:", w)
for e in errors:
    print("error:", e)
print(f"{len(claim_files)} claim files, {n_claims} claims, {len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
