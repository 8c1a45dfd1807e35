#!/usr/bin/env python3
"""Side-by-side comparison of claimcheck and quantulum3 in one run.

    python3 -m pip install -r scripts/requirements-compare.txt   # or let the script do it
    python3 scripts/compare_quantulum.py [--copies 250] [--q-copies 40] [--json]

It prints a Markdown table with throughput on one thread (MB/s, articles/s) and figure
precision/recall on the gold set (tests/gold), plus detail tables and the notes below.
It builds nothing: it uses target/release/claimcheck (or --bin), copied to the work dir first so
a rebuild in progress cannot change the binary under it.

Throughput
----------
* Corpus: the seed articles (../shared/corpus/seeds/*.txt|md|html) copied --copies times into one
  folder as NAME_001.txt ..., as scripts/bench.sh does, plus a sources.yaml that repeats each seed's
  manifest entry for each copy (bench.sh writes none). Cached in --work (default
  /tmp/claimcheck-compare/seeds-xN).
* claimcheck: `RAYON_NUM_THREADS=1 claimcheck check --format json --fail-on never DIR > /dev/null`,
  wall clock of the whole process (start-up, reading, extraction, cross-article rules, JSON),
  best of --repeats (3).
* quantulum3: `quantulum3.parser.parse(text)` in this process on the copies 1..--q-copies of the
  same seed files (quantulum3 is about 100x slower, so it gets a subset). The clock covers reading
  each file, splitting it and parsing; it excludes the one-off load of quantulum3's unit tables and
  classifier (a warm-up parse, reported in the notes). --q-mode decides what one parse() call gets:
  `line` (default), `paragraph` (blank-line separated blocks) or `article` (the whole text). On the
  seeds `line` was the fastest (about 10% faster than `paragraph` and 30% faster than `article`:
  parse() cost grows faster than linearly with its input), and all three give the same gold-set
  scores (680 or 681 quantities, the same matches), so the default gives quantulum3 its best speed.
  For HTML a "line" is one visible-text block. Best of --q-repeats (1).
  OMP/OpenBLAS/MKL threads are set to 1 before numpy loads.
* Bytes are counted the same way for both: the on-disk size of the article files processed
  (sources.yaml excluded); MB = 10^6 bytes.

Figure precision/recall (gold set)
----------------------------------
* Gold: every claim of tests/gold/*.claims.yaml (394 figures: percents, pp/bp, money in 6
  currencies, counts, streaks, multiples). All of them count; recall per kind is printed too.
  A gold figure spans [column, column + len(figure)) on its line; columns are 1-based characters
  (docs/claim-file.md, src/ingest/claimfile.rs find_at). For HTML, line/column are those of the
  HTML source.
* claimcheck: `claimcheck extract` on copies of the gold articles plus their sources.yaml, without
  the claim files (a claim file beside an article would take precedence over extraction).
* quantulum3 reads the text claimcheck reads, as far as a script can reproduce it:
  - .txt: the raw text;
  - .md: the raw text with the YAML front matter and the `(url)` targets of inline links blanked
    out (replaced by spaces, so offsets do not move); claimcheck skips both too;
  - .html: the visible text of the page, block by block, from a Python re-implementation of the
    rules in src/ingest/html.rs (drops script/style/nav/header/footer/aside/form/..., elements whose
    class or id contains nav/menu/footer/share/subscribe/..., keeps only <article>/<main> text when
    there is some; entities decoded; whitespace collapsed). Every character keeps its HTML source
    line and column, so quantulum3's spans map back to the positions the gold uses.
  claimcheck's own text heuristics (skipping byline/date lines, "Sources:" lists, repeated page
  chrome) are NOT applied for quantulum3: they are part of what is being compared.
  Each quantity's .span (character offsets in the text passed to parse()) is mapped back to
  line/column.
* Matching rule, the same for both tools: a predicted figure is correct when it is on the same line
  as a gold figure, the character spans overlap, and the values agree as absolute amounts: the gold
  value times its scale (4.67 billion = 4.67e9; quantulum3 reports 4.67e9), sign ignored (gold
  gives declines as negative numbers, quantulum3 never does), relative tolerance 1e-6; a gold range
  "a..b" agrees with any value in [a, b]. Precision = correct predictions / predictions; recall =
  gold figures with at least one correct prediction / gold figures. Several predictions may match
  one gold figure (quantulum3 splits "$2.93 billion to $2.97 billion" into two quantities; both
  count as correct). A "span only" variant drops the value condition. For reference, claimcheck is
  also scored with src/eval.rs's own rule (one-to-one, same line, figure text contained either way
  or equal value and unit, no column check).
* What quantulum3 outputs that are not claims: every quantity it returns is a prediction,
  including years ("2025"), dates and times ("Nov 19, 2025 4:38 PM"), fiscal labels ("Q3",
  "FY2026", "third quarter" = 1/12), ordinals ("eighth" = 1/8), durations ("a year" from "a year
  earlier", "12 years"), citation markers ("[1]"), tickers, form names ("10-Q"), phone numbers and
  addresses. The gold set never labels these: tests/gold/README.md lists them under "Numbers that
  are not claims (must not be extracted)", and claimcheck is scored against the same rule. So they
  count as false positives in the main "quantulum3" row. A second row, "quantulum3 + non-claim
  filter", gives quantulum3 the benefit of a post-filter that drops, before scoring, every quantity
  that looks like a year (1900-2099), lies inside a date/time, period-label or citation-marker
  pattern, is an ordinal/fraction period word, or is a duration (unit entity "time"). The false
  positives of all rows are broken down into these categories (a regex guess, for reading only).
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import math
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
import warnings
from html.parser import HTMLParser
from pathlib import Path

# one thread for numpy/scipy/scikit-learn (quantulum3's classifier), before they are imported
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

REPO = Path(__file__).resolve().parent.parent
REQUIREMENTS = REPO / "scripts" / "requirements-compare.txt"
ARTICLE_EXT = (".txt", ".md", ".html")
SCALES = {"one": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def log(msg: str) -> None:
    print(f"[compare] {msg}", file=sys.stderr, flush=True)


def die(msg: str, code: int = 2) -> None:
    print(f"compare_quantulum: error: {msg}", file=sys.stderr)
    sys.exit(code)


# --------------------------------------------------------------------------- setup


def ensure_packages(no_install: bool):
    """Imports quantulum3 and yaml, installing scripts/requirements-compare.txt if needed."""

    def try_import():
        importlib.invalidate_caches()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import quantulum3  # noqa: F401
            import quantulum3.parser  # noqa: F401
            import yaml  # noqa: F401
        return True

    try:
        try_import()
    except ImportError as e:
        if no_install:
            die(
                f"{e}. Install the pinned packages with:\n"
                f"  {sys.executable} -m pip install -r {REQUIREMENTS}"
            )
        log(f"{e}; installing {REQUIREMENTS.relative_to(REPO)} with pip")
        cmd = [sys.executable, "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)]
        r = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr)
        if r.returncode != 0:
            die(
                "could not install quantulum3 and its dependencies "
                f"(`{shlex.join(cmd)}` exited {r.returncode}). quantulum3 0.10.0 needs Python >= 3.8, "
                "and its classifier needs scikit-learn==1.8.0 exactly (the version its clf.joblib was "
                "pickled with). Install them by hand and re-run, or pass --no-install to see the import error."
            )
        try:
            try_import()
        except ImportError as e2:
            die(f"installed {REQUIREMENTS.name} but still cannot import: {e2}")
    import quantulum3.classifier as qclf
    from quantulum3 import parser as qparser

    from importlib.metadata import version

    info = {"quantulum3": version("quantulum3"), "classifier": bool(qclf.USE_CLF)}
    if qclf.USE_CLF:
        info["scikit-learn"] = version("scikit-learn")
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # "5 m" is ambiguous (metre/minute...), so this loads the classifier too
            qparser.parse("Revenue rose 5% to $4.67 billion and the tower is 5 m tall.")
        bad = [w for w in caught if "InconsistentVersionWarning" in type(w.message).__name__]
        if bad:
            info["classifier_warning"] = str(bad[0].message).splitlines()[0]
    except Exception as e:  # noqa: BLE001
        die(
            f"quantulum3 is installed but parse() fails ({type(e).__name__}: {e}). This is usually "
            "its classifier model, which loads only with scikit-learn==1.8.0: "
            f"{sys.executable} -m pip install -r {REQUIREMENTS}"
        )
    info["warmup_s"] = time.perf_counter() - t0
    return qparser, info


# --------------------------------------------------------------------------- text views


def blank(text: str, start: int, end: int) -> str:
    """Replaces text[start:end] by spaces, keeping newlines, so offsets do not move."""
    mid = "".join("\n" if c == "\n" else " " for c in text[start:end])
    return text[:start] + mid + text[end:]


LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")


def markdown_view(text: str) -> str:
    """Front matter and inline link targets blanked out (claimcheck skips both)."""
    if text.startswith("---\n") or text.startswith("---\r\n"):
        m = re.search(r"^---[ \t]*\r?$", text[4:], flags=re.M)
        if m:
            text = blank(text, 0, 4 + m.end())
    for m in reversed(list(LINK_TARGET.finditer(text))):
        text = blank(text, m.start() + 1, m.end())
    return text


def plain_segments(text: str, mode: str):
    """[(segment_text, positions)] with positions[i] = (line, column 1-based) of segment char i."""
    lines = text.split("\n")

    def seg(a_line: int, b_line: int):  # lines a..b-1 (0-based), joined with "\n"
        s = "\n".join(lines[a_line:b_line])
        pos = []
        for ln in range(a_line, b_line):
            pos.extend((ln + 1, c + 1) for c in range(len(lines[ln])))
            pos.append((ln + 1, len(lines[ln]) + 1))  # the newline
        return s, pos[: len(s)]

    if mode == "article":
        return [seg(0, len(lines))]
    out = []
    if mode == "line":
        for i, ln in enumerate(lines):
            if ln.strip():
                out.append(seg(i, i + 1))
        return out
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        out.append(seg(i, j))
        i = j
    return out


# The rules of src/ingest/html.rs, re-implemented on Python's HTMLParser.
BOILERPLATE_TAGS = {
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "textarea",
}
BOILERPLATE_WORDS = (
    "nav", "menu", "footer", "header", "sidebar", "share", "social", "comment", "cookie",
    "newsletter", "subscribe", "related", "advert", "promo", "breadcrumb",
)
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
}
BLOCKS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li", "tr", "div", "section", "article",
    "main", "pre", "dd", "dt", "dl", "figcaption", "figure", "td", "th", "table", "thead", "tbody",
    "tfoot", "caption", "ul", "ol", "address", "details", "summary", "fieldset", "legend", "center",
    "hr", "nav", "header", "footer", "aside", "form", "menu", "hgroup", "dialog", "search", "listing",
    "body", "html",
}
CLOSES_P = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "ul",
}
HEAD_CONTENT = {"html", "head", "title", "meta", "link", "style", "script", "noscript", "base", "template"}
WS = " \t\n\r\x0c\xa0"


class VisibleText(HTMLParser):
    def __init__(self, class_rule: bool):
        super().__init__(convert_charrefs=False)
        self.class_rule = class_rule
        self.class_skips = 0
        self.stack: list[tuple[str, bool, bool]] = []  # (name, skip, content)
        self.blocks: list[tuple[list, bool]] = []  # ([(char, (line, col))], content)
        self.cur: list = []
        self.cur_content = False

    def ctx(self):
        return self.stack[-1][1:] if self.stack else (False, False)

    def flush(self):
        if any(c not in WS for c, _ in self.cur):
            self.blocks.append((self.cur, self.cur_content))
        self.cur = []

    def add(self, s: str, line: int, col: int, per_char: bool):
        skip, content = self.ctx()
        if skip:
            return
        if not self.cur:
            self.cur_content = content
        for ch in s:
            self.cur.append((ch, (line, col + 1)))
            if per_char:
                if ch == "\n":
                    line, col = line + 1, 0
                else:
                    col += 1

    def pop_to(self, name: str) -> None:
        if any(n == name for n, _, _ in self.stack):
            while self.stack:
                n, skip, _ = self.stack.pop()
                if n in BLOCKS and not skip:
                    self.flush()
                if n == name:
                    break

    def handle_starttag(self, tag, attrs):
        name = tag.lower()
        if name not in HEAD_CONTENT and any(n == "head" for n, _, _ in self.stack):
            self.pop_to("head")
        if name in CLOSES_P:
            self.pop_to("p")
        if name == "li" and self.stack and self.stack[-1][0] == "li":
            self.pop_to("li")
        if name in ("td", "th") and self.stack and self.stack[-1][0] in ("td", "th"):
            self.pop_to(self.stack[-1][0])
        if name == "tr" and self.stack and self.stack[-1][0] == "tr":
            self.pop_to("tr")
        skip, content = self.ctx()
        if not skip:
            line, col = self.getpos()
            if name == "br":
                self.add(" ", line, col, False)
            elif name in BLOCKS:
                self.flush()
            elif name in ("sup", "sub"):
                self.add(" ", line, col, False)
        if name in VOID:
            return
        article_header = name == "header" and content
        tag_skip = name in BOILERPLATE_TAGS and not article_header
        a = {k.lower(): (v or "").lower() for k, v in attrs}
        class_skip = (
            self.class_rule
            and not article_header
            and name not in ("html", "body", "article", "main")
            and any(w in a.get(k, "") for k in ("class", "id") for w in BOILERPLATE_WORDS)
        )
        if class_skip and not tag_skip and not skip:
            self.class_skips += 1
        new_skip = skip or tag_skip or class_skip or name in ("head", "title")
        new_content = content or (name in ("article", "main") and not new_skip)
        self.stack.append((name, new_skip, new_content))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in VOID and self.stack and self.stack[-1][0] == tag.lower():
            self.stack.pop()

    def handle_endtag(self, tag):
        name = tag.lower()
        if name == "br":
            line, col = self.getpos()
            self.add(" ", line, col, False)
            return
        if name in ("body", "html"):
            return
        if name == "p" and not any(n == "p" for n, _, _ in self.stack):
            if not self.ctx()[0]:
                self.flush()
            return
        self.pop_to(name)

    def handle_data(self, data):
        line, col = self.getpos()
        self.add(data, line, col, True)

    def handle_entityref(self, name):
        line, col = self.getpos()
        self.add(html.unescape(f"&{name};"), line, col, False)

    def handle_charref(self, name):
        line, col = self.getpos()
        self.add(html.unescape(f"&#{name};"), line, col, False)

    def result(self):
        self.close()
        self.stack.clear()
        self.flush()
        if any(c for _, c in self.blocks):
            return [b for b, c in self.blocks if c]
        return [b for b, _ in self.blocks]


def html_segments(src: str, mode: str):
    p = VisibleText(class_rule=True)
    p.feed(src)
    blocks = p.result()
    if not blocks and p.class_skips:
        p = VisibleText(class_rule=False)
        p.feed(src)
        blocks = p.result()
    segs = []
    for chars in blocks:
        # collapse whitespace runs to one space and trim, keeping each kept char's position
        text, pos, pending = [], [], None
        for ch, at in chars:
            if ch in WS:
                if text:
                    pending = pending or at
                continue
            if pending:
                text.append(" ")
                pos.append(pending)
                pending = None
            text.append(ch)
            pos.append(at)
        if text:
            segs.append(("".join(text), pos))
    if mode == "article" and segs:
        text, pos = [], []
        for t, p_ in segs:
            if text:
                text.append("\n\n")
                pos.extend([p_[0], p_[0]])
            text.append(t)
            pos.extend(p_)
        segs = [("".join(text), pos)]
    return segs


def quantulum_view(path: Path, mode: str):
    src = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_segments(src, mode)
    if path.suffix == ".md":
        src = markdown_view(src)
    return plain_segments(src, mode)


# --------------------------------------------------------------------------- throughput


def article_files(d: Path) -> list[Path]:
    return sorted(p for p in d.iterdir() if p.is_file() and p.suffix in ARTICLE_EXT)


def build_corpus(seeds: Path, copies: int, work: Path) -> Path:
    import yaml

    out = work / f"seeds-x{copies}"
    if (out / ".done").exists():
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    files = article_files(seeds)
    if not files:
        die(f"no seed articles (*.txt|md|html) in {seeds}")
    manifest = {}
    if (seeds / "sources.yaml").exists():
        for e in yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8")).get("sources", []):
            manifest[e["file"]] = e
    width = max(3, len(str(copies)))
    entries = []
    for i in range(1, copies + 1):
        for f in files:
            name = f"{f.stem}_{i:0{width}d}{f.suffix}"
            shutil.copyfile(f, out / name)
            if f.name in manifest:
                entries.append({**manifest[f.name], "file": name})
    if entries:
        head = "# Seed articles copied by scripts/compare_quantulum.py; entries repeat ../shared/corpus/seeds/sources.yaml.\n"
        (out / "sources.yaml").write_text(
            head + yaml.safe_dump({"sources": entries}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    (out / ".done").write_text("")
    return out


def time_claimcheck(binary: Path, corpus: Path, repeats: int) -> float:
    cmd = [str(binary), "check", "--format", "json", "--fail-on", "never", str(corpus)]
    env = {**os.environ, "RAYON_NUM_THREADS": "1"}
    best = math.inf
    for r in range(repeats):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        dt = time.perf_counter() - t0
        if p.returncode not in (0, 1):
            die(f"`{shlex.join(cmd)}` exited {p.returncode}:\n{p.stderr.decode(errors='replace')[-2000:]}")
        log(f"claimcheck run {r + 1}/{repeats}: {dt:.2f} s")
        best = min(best, dt)
    return best


def time_quantulum(qparser, files: list[Path], mode: str, repeats: int) -> tuple[float, int]:
    best, n = math.inf, 0
    for r in range(repeats):
        n = 0
        t0 = time.perf_counter()
        for f in files:
            for text, _ in quantulum_view(f, mode):
                n += len(qparser.parse(text))
        dt = time.perf_counter() - t0
        log(f"quantulum3 run {r + 1}/{repeats}: {dt:.2f} s, {n} quantities")
        best = min(best, dt)
    return best, n


# --------------------------------------------------------------------------- gold scoring


def parse_value(v) -> tuple[float, float] | None:
    """'4.67' -> (4.67, 4.67); '100..999' -> (100, 999); sign dropped."""
    if v is None:
        return None
    s = str(v).strip()
    try:
        if ".." in s:
            a, b = s.split("..", 1)
            a, b = abs(float(a)), abs(float(b))
            return (min(a, b), max(a, b))
        x = abs(float(s))
        return (x, x)
    except ValueError:
        return None


def amount(value, scale) -> tuple[float, float] | None:
    r = parse_value(value)
    if r is None:
        return None
    m = SCALES.get(str(scale or "one"), 1.0)
    return (r[0] * m, r[1] * m)


def agrees(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    if a is None or b is None:
        return False
    tol = lambda x, y: math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)  # noqa: E731
    # closed intervals intersect (a point is an interval of width 0)
    return (a[0] <= b[1] or tol(a[0], b[1])) and (b[0] <= a[1] or tol(b[0], a[1]))


def kind_of(unit: str) -> str:
    if unit in ("percent", "pp", "bp"):
        return "percent/pp/bp"
    if unit in ("count", "streak", "multiple"):
        return unit
    return "money"


def load_gold(gold_dir: Path):
    import yaml

    gold, articles = [], []
    for cf in sorted(gold_dir.glob("*.claims.yaml")):
        doc = yaml.safe_load(cf.read_text(encoding="utf-8"))
        art = (cf.parent / doc["article"]["path"]).resolve()
        if not art.exists():
            continue
        articles.append(art)
        lines = art.read_text(encoding="utf-8").split("\n")
        for c in doc.get("claims") or []:
            fig = str(c["figure"])
            col = c.get("column")
            if col is None:
                col = (lines[c["line"] - 1].find(fig) + 1) or 1
            gold.append({
                "article": art.name, "line": c["line"], "start": col, "end": col + len(fig),
                "figure": fig, "amount": amount(c.get("value"), c.get("scale")),
                "unit": str(c.get("unit")), "value": str(c.get("value")), "scale": str(c.get("scale") or "one"),
            })
    if not gold:
        die(f"no gold claim files with their articles in {gold_dir}")
    return articles, gold


def line_text(path: Path, line: int, col: int, n: int, _cache={}) -> str:
    if path not in _cache:
        _cache[path] = path.read_text(encoding="utf-8").split("\n")
    lines = _cache[path]
    t = lines[line - 1] if 0 < line <= len(lines) else ""
    s = col - 1
    return t[max(0, s - 25): s + n + 25]


def claimcheck_predictions(binary: Path, gold_dir: Path, articles: list[Path], work: Path):
    import yaml

    tmp = work / "gold-articles"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    for a in articles:
        shutil.copyfile(a, tmp / a.name)
    if (gold_dir / "sources.yaml").exists():
        shutil.copyfile(gold_dir / "sources.yaml", tmp / "sources.yaml")
    cmd = [str(binary), "extract", *[a.name for a in articles]]
    p = subprocess.run(cmd, cwd=tmp, capture_output=True)
    if p.returncode != 0:
        die(f"`{shlex.join(cmd)}` exited {p.returncode}:\n{p.stderr.decode(errors='replace')[-2000:]}")
    preds = []
    for doc in yaml.safe_load_all(p.stdout.decode("utf-8")):
        if not doc:
            continue
        name = Path(doc["article"]["path"]).name
        for c in doc.get("claims") or []:
            fig = str(c["figure"])
            col = c.get("column") or 1
            preds.append({
                "article": name, "line": c["line"], "start": col, "end": col + len(fig),
                "surface": fig, "amount": amount(c.get("value"), c.get("scale")),
                "unit": str(c.get("unit")), "value": str(c.get("value")), "scale": str(c.get("scale") or "one"),
                "context": line_text(tmp / name, c["line"], col, len(fig)),
                "ctx_at": min(col - 1, 25),
            })
    return preds


def quantulum_predictions(qparser, articles: list[Path], mode: str):
    preds = []
    for a in articles:
        for text, pos in quantulum_view(a, mode):
            for q in qparser.parse(text):
                s, e = q.span
                if s >= len(pos) or e <= s:
                    continue
                (line, col) = pos[s]
                eline, ecol = pos[min(e, len(pos)) - 1]
                end = ecol + 1 if eline == line else 10**9
                preds.append({
                    "article": a.name, "line": line, "start": col, "end": end,
                    "surface": q.surface, "amount": (abs(q.value), abs(q.value)),
                    "unit": q.unit.name, "entity": q.unit.entity.name,
                    "context": text[max(0, s - 25): e + 25], "ctx_at": min(s, 25),
                })
    return preds


MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_RE = re.compile(
    rf"{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|{MONTH}\s+\d{{4}}"
    r"|\b\d{4}-\d{2}-\d{2}(?:T[\d:+-]+)?|\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\b\d+\s*-?\s*min(?:ute)?s?\s+read\b|\b\d+\s+(?:hours?|minutes?|days?)\s+ago\b",
    re.I,
)
LABEL_RE = re.compile(
    r"\b(?:Q[1-4]|[1-4]Q|H[12]|FY\s?'?\d{2,4}|[1-4]Q\d{2})\b|\b\d{4}\s?Q[1-4]\b|\bQ[1-4]\s?\d{2,4}\b"
    r"|\bfiscal\s+(?:year\s+)?\d{4}\b|\b(?:first|second|third|fourth)[- ](?:quarter|half)\b|\bquarter\b|\bhalf\b",
    re.I,
)
CITATION_RE = re.compile(r"\[\d{1,3}\]")
ORDINAL_RE = re.compile(r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|quarter)", re.I)
DURATION_RE = re.compile(r"(?:an?|[\w.,]+)[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)", re.I)
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
FP_CATEGORIES = ["year", "date/time", "period label/ordinal", "duration", "citation marker", "other"]


def fp_category(p) -> str:
    """What kind of non-claim a prediction looks like (best guess; "other" when none applies)."""
    surf = p["surface"].strip()
    if YEAR_RE.match(surf):
        return "year"
    ctx, at = p.get("context", ""), p.get("ctx_at", 0)
    span = (at, at + len(p["surface"]))
    for rx, cat in ((DATE_RE, "date/time"), (LABEL_RE, "period label/ordinal"), (CITATION_RE, "citation marker")):
        for m in rx.finditer(ctx):
            if m.start() < span[1] and span[0] < m.end():
                return cat
    if ORDINAL_RE.match(surf):
        return "period label/ordinal"
    if p.get("entity") == "time" or DURATION_RE.fullmatch(surf):
        return "duration"
    return "other"


def non_claim_filtered(preds):
    """quantulum3's output less everything fp_category() recognises as a non-claim."""
    return [p for p in preds if fp_category(p) == "other"]


def score(preds, gold, use_value=True):
    by_line = {}
    for i, g in enumerate(gold):
        by_line.setdefault((g["article"], g["line"]), []).append(i)
    found = [False] * len(gold)
    correct = 0
    wrong = []
    for p in preds:
        ok = False
        for gi in by_line.get((p["article"], p["line"]), []):
            g = gold[gi]
            if p["start"] < g["end"] and g["start"] < p["end"] and (not use_value or agrees(p["amount"], g["amount"])):
                found[gi] = True
                ok = True
        if ok:
            correct += 1
        else:
            wrong.append(p)
    n_found = sum(found)
    res = {
        "predicted": len(preds), "correct": correct, "gold": len(gold), "found": n_found,
        "precision": correct / len(preds) if preds else 1.0, "recall": n_found / len(gold),
    }
    kinds = {}
    for g, f in zip(gold, found):
        k = kinds.setdefault(kind_of(g["unit"]), [0, 0])
        k[0] += f
        k[1] += 1
    res["recall_by_kind"] = {k: {"found": v[0], "gold": v[1]} for k, v in sorted(kinds.items())}
    res["missed"] = [g for g, f in zip(gold, found) if not f]
    res["false_positives"] = wrong
    return res


def eval_rs_score(preds, gold):
    """claimcheck scored as src/eval.rs does: one-to-one, same line, text containment or same value+unit."""
    by_line = {}
    for i, g in enumerate(gold):
        by_line.setdefault((g["article"], g["line"]), []).append(i)
    used = [False] * len(gold)
    tp = 0
    for p in preds:
        for gi in by_line.get((p["article"], p["line"]), []):
            g = gold[gi]
            ta, tb = g["figure"].strip(), p["surface"].strip()
            same = parse_value(g["value"]) == parse_value(p["value"]) and g["unit"] == p["unit"] and g["scale"] == p["scale"]
            if not used[gi] and (ta in tb or tb in ta or same):
                used[gi] = True
                tp += 1
                break
    return {"tp": tp, "predicted": len(preds), "gold": len(gold),
            "precision": tp / len(preds) if preds else 1.0, "recall": tp / len(gold)}


# --------------------------------------------------------------------------- report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", type=Path, default=REPO / "target/release/claimcheck", help="claimcheck binary (default: target/release/claimcheck)")
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared/corpus/seeds", help="seed articles (default: ../shared/corpus/seeds)")
    ap.add_argument("--gold", type=Path, default=REPO / "tests/gold", help="gold set (default: tests/gold)")
    ap.add_argument("--copies", type=int, default=250, help="seed copies in the claimcheck corpus (default 250)")
    ap.add_argument("--q-copies", type=int, default=40, help="seed copies quantulum3 is timed on (default 40, about 30-40 s)")
    ap.add_argument("--q-mode", choices=("line", "paragraph", "article"), default="line", help="text per quantulum3 parse() call (default line)")
    ap.add_argument("--repeats", type=int, default=3, help="claimcheck timing runs, best taken (default 3)")
    ap.add_argument("--q-repeats", type=int, default=1, help="quantulum3 timing runs, best taken (default 1)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-compare"), help="cache of corpora and scratch files")
    ap.add_argument("--skip-throughput", action="store_true", help="only the gold-set precision/recall")
    ap.add_argument("--no-install", action="store_true", help="do not pip-install the requirements when quantulum3 is missing")
    ap.add_argument("--details", action="store_true", help="also list every false positive and miss (Markdown)")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON instead of Markdown")
    args = ap.parse_args()
    load0 = os.getloadavg()[0]  # before this script's own work

    if not args.bin.is_file() or not os.access(args.bin, os.X_OK):
        die(f"{args.bin} missing or not executable; build it with `cargo build --release` (this script builds nothing)")
    if args.q_copies > args.copies and not args.skip_throughput:
        die("--q-copies must not exceed --copies (quantulum3 is timed on copies 1..K of the corpus)")
    args.work.mkdir(parents=True, exist_ok=True)
    binary = args.work / "claimcheck-bin"
    shutil.copyfile(args.bin, binary)
    binary.chmod(0o755)
    cc_version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip() or "claimcheck"

    qparser, qinfo = ensure_packages(args.no_install)
    log(f"quantulum3 {qinfo['quantulum3']} loaded (classifier {'on' if qinfo['classifier'] else 'OFF'}, warm-up {qinfo['warmup_s']:.1f} s)")

    out: dict = {
        "date": time.strftime("%Y-%m-%d", time.gmtime()), "nproc": os.cpu_count(),
        "python": platform.python_version(), "claimcheck": cc_version, "quantulum3": qinfo,
        "q_mode": args.q_mode, "loadavg_1min_at_start": load0,
    }
    if out["loadavg_1min_at_start"] > 0.5:
        log(f"warning: load average {out['loadavg_1min_at_start']:.2f}: other processes compete for the CPU, timings will be noisy")

    # ---- throughput
    if not args.skip_throughput:
        corpus = build_corpus(args.seeds, args.copies, args.work)
        files = article_files(corpus)
        cc_bytes = sum(f.stat().st_size for f in files)
        log(f"claimcheck corpus {corpus}: {len(files)} articles, {cc_bytes / 1e6:.2f} MB")
        t_cc = time_claimcheck(binary, corpus, args.repeats)
        width = max(3, len(str(args.copies)))
        suffixes = {f"_{i:0{width}d}" for i in range(1, args.q_copies + 1)}
        q_files = [f for f in files if f.stem[-(width + 1):] in suffixes]
        q_bytes = sum(f.stat().st_size for f in q_files)
        log(f"quantulum3 subset: {len(q_files)} articles, {q_bytes / 1e6:.3f} MB, mode {args.q_mode}")
        t_q, n_q = time_quantulum(qparser, q_files, args.q_mode, args.q_repeats)
        out["throughput"] = {
            "claimcheck": {"articles": len(files), "bytes": cc_bytes, "seconds": t_cc,
                           "mb_per_s": cc_bytes / 1e6 / t_cc, "articles_per_s": len(files) / t_cc,
                           "runs": args.repeats, "corpus": str(corpus)},
            "quantulum3": {"articles": len(q_files), "bytes": q_bytes, "seconds": t_q,
                           "mb_per_s": q_bytes / 1e6 / t_q, "articles_per_s": len(q_files) / t_q,
                           "runs": args.q_repeats, "quantities": n_q},
        }
        tc, tq = out["throughput"]["claimcheck"], out["throughput"]["quantulum3"]
        out["throughput"]["ratio_mb_per_s"] = tc["mb_per_s"] / tq["mb_per_s"]
        out["throughput"]["ratio_articles_per_s"] = tc["articles_per_s"] / tq["articles_per_s"]

    # ---- gold
    articles, gold = load_gold(args.gold)
    log(f"gold: {len(articles)} articles, {len(gold)} figures")
    cc_preds = claimcheck_predictions(binary, args.gold, articles, args.work)
    t0 = time.perf_counter()
    q_preds = quantulum_predictions(qparser, articles, args.q_mode)
    log(f"quantulum3 on the gold set: {len(q_preds)} quantities in {time.perf_counter() - t0:.1f} s")
    rows = {
        "claimcheck": (cc_preds, score(cc_preds, gold), score(cc_preds, gold, use_value=False)),
        "quantulum3": (q_preds, score(q_preds, gold), score(q_preds, gold, use_value=False)),
    }
    qf = non_claim_filtered(q_preds)
    rows["quantulum3 + non-claim filter"] = (qf, score(qf, gold), score(qf, gold, use_value=False))
    out["gold"] = {"articles": len(articles), "figures": len(gold)}
    for name, (preds, strict, span) in rows.items():
        cats = {}
        for p in strict["false_positives"]:
            c = fp_category(p)
            cats[c] = cats.get(c, 0) + 1
        out["gold"][name] = {
            **{k: v for k, v in strict.items() if k not in ("missed", "false_positives")},
            "span_only": {"precision": span["precision"], "recall": span["recall"]},
            "false_positives_by_category": dict(sorted(cats.items(), key=lambda kv: -kv[1])),
        }
    out["gold"]["claimcheck_eval_rs_rule"] = eval_rs_score(cc_preds, gold)
    argv = " ".join(shlex.quote(a) for a in sys.argv[1:])
    out["command"] = f"python3 scripts/compare_quantulum.py{(' ' + argv) if argv else ''}"

    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(render(out, rows, args))


def render(out, rows, args) -> str:
    L = []
    g = out["gold"]
    th = out.get("throughput")
    q = out["quantulum3"]
    L.append(f"claimcheck vs quantulum3, {out['date']}, nproc={out['nproc']}, {out['claimcheck']}, "
             f"quantulum3 {q['quantulum3']} (classifier {'on' if q['classifier'] else 'off'}), Python {out['python']}, "
             f"load average at start {out['loadavg_1min_at_start']:.2f}")
    L.append("")
    L.append("| tool | MB/s (1 thread) | articles/s | figure precision | figure recall |")
    L.append("|---|---:|---:|---:|---:|")
    for name in rows:
        r = g[name]
        if th and name == "claimcheck":
            sp = th["claimcheck"]
            speed = f"{sp['mb_per_s']:.2f} | {sp['articles_per_s']:.0f}"
        elif th and name.startswith("quantulum3"):
            sp = th["quantulum3"]
            speed = f"{sp['mb_per_s']:.4f} | {sp['articles_per_s']:.2f}"
            if name != "quantulum3":
                speed = "as above | as above"
        else:
            speed = "– | –"
        label = name if name != "quantulum3" else f"quantulum3 (parse() per {out['q_mode']})"
        L.append(f"| {label} | {speed} | {r['precision']:.3f} ({r['correct']}/{r['predicted']}) | {r['recall']:.3f} ({r['found']}/{r['gold']}) |")
    L.append("")
    if th:
        tc, tq = th["claimcheck"], th["quantulum3"]
        L.append(f"**claimcheck ÷ quantulum3: {th['ratio_mb_per_s']:.0f}× in MB/s, {th['ratio_articles_per_s']:.0f}× in articles/s** "
                 f"(claimcheck: {tc['articles']} articles, {tc['bytes'] / 1e6:.2f} MB in {tc['seconds']:.2f} s, best of {tc['runs']}, "
                 f"whole process incl. cross-article rules; quantulum3: {tq['articles']} articles, {tq['bytes'] / 1e6:.3f} MB in "
                 f"{tq['seconds']:.1f} s, best of {tq['runs']}, {tq['quantities']} quantities, parse() only after a "
                 f"{q['warmup_s']:.1f} s warm-up).")
        L.append("")
    L.append(f"Gold set: {g['articles']} articles, {g['figures']} figures (tests/gold). Match = same line, overlapping "
             "character span, same absolute amount (value × scale, sign ignored). Span only = without the amount.")
    L.append("")
    L.append("| tool | span-only precision | span-only recall | " + " | ".join(
        f"recall {k}" for k in g["claimcheck"]["recall_by_kind"]) + " |")
    L.append("|---|---:|---:|" + "---:|" * len(g["claimcheck"]["recall_by_kind"]))
    for name in rows:
        r = g[name]
        kinds = " | ".join(f"{v['found']}/{v['gold']}" for v in r["recall_by_kind"].values())
        L.append(f"| {name} | {r['span_only']['precision']:.3f} | {r['span_only']['recall']:.3f} | {kinds} |")
    L.append("")
    L.append("False positives by category (predictions that match no gold figure):")
    L.append("")
    cats = FP_CATEGORIES
    L.append("| tool | " + " | ".join(cats) + " | total |")
    L.append("|---|" + "---:|" * (len(cats) + 1))
    for name in rows:
        c = g[name]["false_positives_by_category"]
        L.append(f"| {name} | " + " | ".join(str(c.get(k, 0)) for k in cats) + f" | {sum(c.values())} |")
    L.append("")
    e = g["claimcheck_eval_rs_rule"]
    L.append(f"claimcheck under src/eval.rs's own rule (one-to-one, same line, text containment or same value+unit): "
             f"precision {e['precision']:.3f} ({e['tp']}/{e['predicted']}), recall {e['recall']:.3f} ({e['tp']}/{e['gold']}).")
    L.append("")
    L.append("Notes:")
    L.append("- Bytes = on-disk size of the article files processed, the same for both tools; MB = 10^6 bytes. "
             "claimcheck: `RAYON_NUM_THREADS=1 claimcheck check --format json --fail-on never DIR > /dev/null`, wall clock. "
             f"quantulum3: `quantulum3.parser.parse()` once per {out['q_mode']} in this process, numpy/BLAS on 1 thread; "
             "the clock covers reading, splitting and parsing.")
    L.append("- The seed corpus is the seed articles copied N times (as scripts/bench.sh) plus a sources.yaml repeating their entries; "
             "quantulum3 is timed on copies 1..K of the same files.")
    L.append("- quantulum3 reads: .txt raw; .md with front matter and link targets blanked; .html as visible text "
             "(a Python re-implementation of src/ingest/html.rs's boilerplate rules), mapped back to HTML source line/column. "
             "claimcheck's own line heuristics (byline/date lines, source lists, repeated chrome) are not applied for quantulum3.")
    L.append("- quantulum3 outputs that the gold never labels (years, dates, times, reading times, Q3/FY2026, \"third quarter\" = 1/12, "
             "ordinals, durations such as \"a year\" earlier, citation markers, tickers, phone numbers) count as false positives: "
             "tests/gold/README.md lists them as numbers that must not be extracted, and claimcheck is held to the same rule. "
             "The \"+ non-claim filter\" row drops everything the false-positive categories other than \"other\" recognise "
             "from quantulum3's output before scoring (its speed is that of quantulum3).")
    L.append("")
    L.append(f"Reproduce: `{out['command']}`")
    if args.details:
        for name, (_, strict, _) in rows.items():
            L.append("")
            L.append(f"### {name}: false positives")
            for p in strict["false_positives"]:
                L.append(f"- {p['article']}:{p['line']}:{p['start']} `{p['surface']}` [{fp_category(p)}] "
                         f"{p.get('unit', '')} {p['amount'][0] if p['amount'] else ''}")
            L.append("")
            L.append(f"### {name}: missed gold figures")
            for m in strict["missed"]:
                L.append(f"- {m['article']}:{m['line']}:{m['start']} `{m['figure']}` value {m['value']} {m['unit']} {m['scale']}")
    return "\n".join(L)


if __name__ == "__main__":
    main()
