#!/usr/bin/env python3
"""Deterministic generator of invented news articles about invented companies.

Usage:
  python3 scripts/gen_corpus.py OUT_DIR --articles N [--seed S]

Writes N plain-text articles (a000001.txt, ...) to OUT_DIR, a `sources.yaml`
manifest (file, title, outlet, author, published, entity) and `expected.yaml`
in the format of ../shared/eval/seeds.expected.yaml (read by score.py).

Each article covers one company's results for one quarter: revenue (USD, EUR,
CNY or JPY) with its year-on-year growth, the operating margin and one or two
segments (cloud, advertising, gaming, data center, e-commerce, devices).
Several articles restate the same quarter with the same figures, sometimes
converted to US dollars at the quarter's average rate, sometimes with the
year-earlier revenue ("from $4.02 billion a year earlier"; growth rates follow
from the levels as written) and, for about half of the companies, the length
of their run of revenue growth ("its ninth consecutive quarter of growth";
the run's start is fixed per company, so counts step by one per quarter).
Companies whose fiscal year ends in March, June or September tie their fiscal
quarter to a date ("the second quarter of fiscal 2026, which ended September
30, 2025"). Articles are sourced: wire stories and blog posts attribute every
figure ("the company said"), analyses cite a source list ("[1]").

PLANTED discrepancies, one per event (company and quarter), in the event's
last article, are listed in expected.yaml under must_find with the rules that
may report them:
  - growth: a growth rate a few points off the one the other articles give
    (contradiction; a stretch entry, not required, asks for arithmetic or
    period-mismatch on the same figure too);
  - fx: a CNY figure turned into dollars by dividing by 10 instead of ~7.2
    (currency-mismatch; contradiction also accepted);
  - period: the quarter's revenue, growth and margin given under the label
    of the quarter before (or the one before that), for which no article
    gives figures (period-mismatch);
  - streak: a run of growth one quarter longer or shorter than the one the
    event's first article gives for the same quarter (streak-mismatch);
  - arithmetic: the right growth rate and revenue, but a year-earlier
    revenue from which that growth does not follow (arithmetic);
  - unsourced: a blog post or an analysis that gives its figures with no
    attribution, citation marker or link (unsourced-figure);
  - dangling: an analysis whose markers lead nowhere: its source list stops
    at an empty "[1]", lists [1] only while the text cites [2] and [3], or
    is missing (dangling-citation);
  - label: a fiscal-year company's quarter called by its calendar label ("the
    third quarter" for July-September, when the company's fiscal third
    quarter is January-March), with the right figures
    (inconsistent-period-label).
The first events of the corpus carry one plant of each kind (the earliest
events that can take them all: fx needs a CNY company, label a fiscal-year
one, streak a company with a run), so a corpus of 40 articles covers every
rule; further plants, in events drawn at random, bring the total to about one
article in 20, kinds in turn. A plant that puts a level under a quarter no
event covers (period, arithmetic) is placed where no other figure meets it.
Agreeing restatements are listed under must_not_find: revenue in its currency
and converted, one growth rate in every article of a quarter, year-earlier
revenue as stated, runs of growth across articles and quarters, fiscal and
date labels of fiscal-year companies, and sourced articles of every style.

Same arguments, same bytes out (Python's random.Random is stable across
versions for the calls used here). Plant details, runs of growth and
year-earlier levels draw on a second generator seeded from the same seed.
"""
import argparse
import os
import random
import sys

# Average units per USD by calendar quarter (from claims/knowledge/fx.yaml,
# ECB monthly averages), used for agreeing conversions. The tool's default
# tolerance is 5%, and these are within 1% of its monthly rates.
FX = {
    "CNY": {(2024, 3): 7.164, (2024, 4): 7.192, (2025, 1): 7.274, (2025, 2): 7.231,
            (2025, 3): 7.157},
    "EUR": {(2024, 3): 0.910, (2024, 4): 0.937, (2025, 1): 0.951, (2025, 2): 0.882,
            (2025, 3): 0.856},
    "JPY": {(2024, 3): 149.1, (2024, 4): 152.3, (2025, 1): 152.5, (2025, 2): 144.5,
            (2025, 3): 147.5},
    "USD": {q: 1.0 for q in [(2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3)]},
}
QUARTERS = [(2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3)]

SYLLABLES = ["ac", "me", "ron", "vel", "to", "qua", "zin", "bra", "lo", "nex",
             "ta", "ri", "mo", "dex", "sa", "vo", "lin", "cor", "pha", "tri",
             "ul", "ke", "nor", "fa", "gil", "ven", "os", "ty", "mar", "bel",
             "xan", "du", "ple", "ka", "ser", "wen"]
SUFFIXES = ["Systems", "Holdings", "Group", "Technologies", "Networks", "Labs",
            "Industries", "Digital"]
SEGMENTS = {
    "cloud": "cloud", "advertising": "advertising", "gaming": "gaming",
    "data center": "data center", "e-commerce": "e-commerce", "devices": "devices",
}
CITIES = ["NEW YORK", "LONDON", "SAN FRANCISCO", "SHANGHAI", "TOKYO", "FRANKFURT",
          "SINGAPORE", "SEATTLE", "PARIS", "BEIJING", "OSAKA", "AUSTIN"]
WIRE_OUTLETS = ["Newswire", "Global Wire", "Market Wire"]
ANALYSIS_OUTLETS = ["Sector Analysis", "Ledger Insights", "Quarterly Review"]
BLOG_OUTLETS = ["The Margin Blog", "Tech Ledger Blog", "Open Books Blog"]
FIRST = ["Dana", "Priya", "Tomasz", "Lena", "Marcus", "Aiko", "Rafael", "Ines",
         "Noah", "Chen", "Sofia", "Kwame", "Elin", "Omar"]
LAST = ["Whitfield", "Natarajan", "Brandt", "Okafor", "Lindqvist", "Moreau",
        "Tanaka", "Castillo", "Novak", "Haddad", "Sato", "Iversen", "Mensah"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept",
            "Oct", "Nov", "Dec"]
ORD = ["first", "second", "third", "fourth"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

FILLER = [
    "{short} has been spending heavily on new products and on the people who build them.",
    "Executives told analysts that demand from large customers remained steady through the period.",
    "The company did not change its outlook for the rest of the year.",
    "Shares of {short} were little changed in early trading.",
    "Analysts had expected a softer quarter after a cautious outlook in the spring.",
    "{short} said it would keep investing in its sales teams in Europe and Asia.",
    "The chief executive said the company was seeing more interest from smaller businesses.",
    "Competition in the market has picked up as rivals cut prices.",
    "Management declined to comment on pricing or on talks with suppliers.",
    "Investors will watch whether the company can keep costs under control next year.",
    "The company said supply constraints had eased compared with the spring.",
    "{short} also said it had hired a new finance chief, who starts early next year.",
    "Some analysts questioned whether the pace of spending could last.",
    "The results were released after the market closed.",
    "{short} said customers were signing longer contracts than before.",
    "The board did not announce any change to the dividend.",
    "A spokesperson said the company was pleased with the progress of its newer businesses.",
    "The company has faced questions about how quickly its newer units can turn a profit.",
    "{short} sells mostly to large companies, which tend to sign contracts that run for several years.",
    "The company has been moving more of its customers onto subscription plans.",
    "Rivals have been hiring aggressively, and {short} said it had lost some engineers to them.",
    "Executives said they were cautious about the economy but saw no sign of customers pulling back.",
    "The company plans to open new offices in two more countries, the chief executive said.",
    "Analysts said the results showed the business was holding up better than feared.",
    "{short} did not say whether it planned to buy back more shares.",
    "Some customers have delayed large orders while they wait for new products, executives said.",
    "The company said its newest products had been well received by early customers.",
    "Regulators in several markets have been looking more closely at the industry.",
    "{short} has kept its hiring flat for most of the year.",
    "Executives said the company would focus on its most profitable customers.",
    "The chief financial officer said costs for parts and shipping had stabilised.",
    "Several large customers renewed their contracts during the period, the company said.",
    "The company did not give details on its plans for acquisitions.",
    "Investors have been waiting for signs that the newer businesses can grow on their own.",
    "{short} said it was still working through a backlog of orders from last year.",
    "Analysts on the call asked mostly about pricing and competition.",
    "The company said it expected demand to stay healthy into next year.",
    "{short} has been trying to simplify its product line and cut slower sellers.",
]


def company_names(rng, n):
    seen, out = set(), []
    while len(out) < n:
        k = rng.choice([2, 3, 3])
        stem = "".join(rng.choice(SYLLABLES) for _ in range(k)).capitalize()
        if stem in seen or len(stem) < 5:
            continue
        seen.add(stem)
        out.append((stem, f"{stem} {rng.choice(SUFFIXES)}"))
    return out


def fiscal_label(fye, year, q):
    """(fiscal quarter number, fiscal year) of calendar quarter (year, q)."""
    if fye == 12:
        return q, year
    end_month = q * 3
    # months after the fiscal year's end month
    idx = (end_month - fye - 1) % 12  # 0..11, month index within fiscal year
    fq = idx // 3 + 1
    fy = year if end_month <= fye else year + 1
    return fq, fy


def quarter_end(year, q):
    m = q * 3
    return year, m, MONTH_DAYS[m - 1]


def add_days(y, m, d, n):
    while n > 0:
        left = MONTH_DAYS[m - 1] - d
        if n <= left:
            d += n
            n = 0
        else:
            n -= left + 1
            d = 1
            m += 1
            if m > 12:
                m, y = 1, y + 1
    return y, m, d


def money(cur, v, style):
    """v in units of cur; 3 significant figures."""
    if v >= 1e12:
        num, scale = v / 1e12, "trillion"
    elif v >= 1e9:
        num, scale = v / 1e9, "billion"
    else:
        num, scale = v / 1e6, "million"
    digits = 2 if num < 10 else (1 if num < 100 else 0)
    s = f"{num:.{digits}f}"
    if cur == "USD":
        return s, f"${s} {scale}"
    if cur == "EUR":
        return s, (f"€{s} {scale}" if style == 0 else f"{s} {scale} euros")
    if cur == "CNY":
        return s, (f"{s} {scale} yuan" if style == 0 else f"RMB {s} {scale}")
    if cur == "JPY":
        return s, (f"¥{s} {scale}" if style == 0 else f"{s} {scale} yen")
    raise ValueError(cur)


def written_value(cur, v):
    """v rounded as money() writes it."""
    s, _ = money(cur, v, 0)
    scale = 1e12 if v >= 1e12 else (1e9 if v >= 1e9 else 1e6)
    return float(s) * scale


def pct(v, digits=0):
    return f"{v:.{digits}f}%"


def regex_num(s):
    return r"(?<![\d.])" + s.replace(".", r"\.") + r"(?![\d])"


class Event:
    """One company's results for one calendar quarter."""

    def __init__(self, rng, comp, year, q):
        self.comp = comp
        self.year, self.q = year, q
        # levels as written (3 significant figures); growth follows from the
        # written levels of this quarter and the same quarter a year earlier,
        # so the arithmetic rule has nothing to say about agreeing articles
        # Percentages are kept distinct across one company's quarters: the same
        # margin and growth in two quarters look, to a checker, like one result
        # carried under two labels (period-mismatch), which is not planted here.
        used = comp.setdefault("used", set())
        series = comp["series"]
        self.revenue = series[(year, q)]
        self.growth = round(100 * (self.revenue / series[(year - 1, q)] - 1))
        later = comp.setdefault("quarters", set())
        tries = 0
        while f"{self.growth}" in used and (year + 1, q) not in later and tries < 20:
            series[(year, q)] = written_value(comp["cur"], self.revenue * 1.011)
            self.revenue = series[(year, q)]
            self.growth = round(100 * (self.revenue / series[(year - 1, q)] - 1))
            tries += 1
        later.add((year, q))
        used.add(f"{self.growth}")
        while True:
            self.margin = round(rng.uniform(6, 32), 1)
            if (f"{self.margin:.1f}" not in used and f"{self.margin:.0f}" not in used
                    and f"{self.margin:.1f}".endswith(".0") is False):
                break
        used.update({f"{self.margin:.1f}", f"{self.margin:.0f}"})
        self.segs = []
        for name in comp["segments"]:
            g = rng.randint(2, 45)
            while f"{g}" in used:
                g = rng.randint(2, 45)
            used.add(f"{g}")
            self.segs.append((name, g))
        qy, qm, qd = quarter_end(year, q)
        self.end = (qy, qm, qd)
        self.report = add_days(qy, qm, qd, rng.randint(25, 40))
        self.articles = []


KINDS = ["growth", "fx", "period", "streak", "arithmetic", "unsourced", "dangling", "label"]

CARDW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen", "twenty"]
ORDW = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
# where the run of growth goes in the revenue sentence ({o}: ordinal, {c}: count)
STREAK_FORMS = [
    ", the {o} consecutive quarter of revenue growth",
    ", its {o} straight quarter of year-on-year growth",
    ", extending its run of growth to {c} consecutive quarters",
    ", the {o} quarter in a row that revenue has risen",
    ", marking {c} straight quarters of higher revenue",
]
# how the year-earlier level is introduced
PREV_FORMS = [" from {v} a year earlier", " from {v} a year ago", ", up from {v} a year earlier",
              ", up from {v} in the year-earlier quarter", " from {v} in the same quarter last year"]


def card(c):
    """A count as newswire writes it: words up to nine, then digits."""
    return CARDW[c] if c < 10 else str(c)


def ordinal(c):
    if c < 10:
        return ORDW[c]
    suf = "th" if 10 <= c % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(c % 10, "th")
    return f"{c}{suf}"


def streak_rx(c):
    return r"(?i)\b(%s|%s|%d|%d(st|nd|rd|th))\b" % (CARDW[c], ORDW[c], c, c)


def pct_rx(g):
    return r"\b%d\s*%%" % g


def qi(year, q):
    return year * 4 + q - 1


def qof(i):
    return i // 4, i % 4 + 1


def quarter_label(rng, comp, year, q, first):
    """Label of calendar quarter (year, q) as written for the company, with its
    date tie on a fiscal-year company's first mention."""
    ey, em, ed = quarter_end(year, q)
    if comp["fye"] == 12:
        form = rng.randrange(3)
        if form == 0:
            return f"the {ORD[q - 1]} quarter of {year}"
        if form == 1:
            return f"Q{q} {year}"
        return f"the {ORD[q - 1]} quarter of {year}"
    fq, fy = fiscal_label(comp["fye"], year, q)
    if first:
        return (f"the {ORD[fq - 1]} quarter of fiscal {fy}, which ended "
                f"{MONTHS[em - 1]} {ed}, {ey},")
    form = rng.randrange(2)
    if form == 0:
        return f"the {ORD[fq - 1]} quarter of fiscal {fy}"
    return f"the quarter ended {MONTHS[em - 1]} {ed}, {ey}"


def period_phrase(rng, ev, first):
    """Label of the event's quarter as written, and a tie sentence if needed."""
    return quarter_label(rng, ev.comp, ev.year, ev.q, first)


def calendar_label(r2, year, q):
    """A calendar-quarter label, as a fiscal-year company's plant misuses it."""
    form = r2.randrange(4)
    if form == 0:
        return f"the {ORD[q - 1]} quarter"
    if form == 1:
        return f"Q{q}"
    if form == 2:
        return f"the {ORD[q - 1]} quarter of {year}"
    return f"Q{q} {year}"


def streak_count(comp, year, q):
    return comp["streak"] + qi(year, q) - qi(2024, 3)


def build_facts(rng, r2, ev, art):
    """Sentences with figures. Choices made for a plant, a run of growth or a
    year-earlier level draw on `r2`; the calls on `rng` are those of a plain
    article."""
    comp = ev.comp
    name = comp["name"]
    cur = comp["cur"]
    rate = FX[cur][(ev.year, ev.q)]
    growth = art["growth"]
    plant = art["plant"]
    style = rng.randrange(2)
    # revenue: native, native with USD in parentheses, or USD only
    mode = art["rev_mode"]
    native_s, native = money(cur, ev.revenue, style)
    usd_val = ev.revenue / (10.0 if plant == "fx" else rate)
    usd_s, usd = money("USD", usd_val, 0)
    if mode == "native":
        rev_text = native
    elif mode == "both":
        rev_text = f"{native} (about {usd})"
    else:
        rev_text = f"about {usd}" if cur != "USD" else usd
    art["rev_native"] = native_s if mode in ("native", "both") else None
    art["rev_usd"] = usd_s if (mode in ("both", "usd") and cur != "USD") else None
    per = period_phrase(rng, ev, True)
    if plant == "period":
        wy, wq = art["wrong_q"]
        per = quarter_label(r2, comp, wy, wq, True)
        art["wrong_label"] = per.rstrip(",")
    elif plant == "label":
        per = art["cal_label"]
    out = []
    basis = rng.choice([" from a year earlier", " year on year", ""])
    extra = ""
    if art.get("prev_val") is not None:
        prev_s, prev_txt = money(cur, art["prev_val"], style)
        art["prev_s"], art["prev_txt"], art["rev_txt"] = prev_s, prev_txt, native
        basis = ""
        extra += r2.choice(PREV_FORMS).format(v=prev_txt)
    if art.get("streak") is not None:
        c = art["streak"]
        extra += r2.choice(STREAK_FORMS).format(o=ordinal(c), c=card(c))
    if plant == "unsourced":
        # no "said": the sentence is the writer's own
        per_c = per.rstrip(",")
        form = r2.randrange(4)
        if form == 0:
            out.append(f"{name}'s revenue for {per} rose {growth}%{basis} to {rev_text}")
        elif form == 1:
            out.append(f"Revenue at {name} rose {growth}%{basis} to {rev_text} in {per_c}")
        elif form == 2:
            out.append(f"{name} grew revenue {growth}%{basis} to {rev_text} in {per_c}")
        else:
            out.append(f"In {per_c}, {name} booked revenue of {rev_text}, up {growth}%{basis}")
    else:
        out.append(f"{name} said revenue for {per} rose {growth}%{basis} to {rev_text}{extra}")
    art["growth_fig"] = f"{growth}%"
    # operating margin (always given in a period plant and the event's first
    # article, so that several figures move to the wrong label together)
    with_margin = rng.random() < 0.8
    if with_margin or plant == "period" or art.get("force_margin"):
        rm = rng if with_margin else r2
        m = ev.margin
        if rm.random() < 0.2:
            mtxt = f"about {m:.0f}%"
        else:
            mtxt = f"{m:.1f}%"
        per2 = period_phrase(rm, ev, False)
        if plant == "period":
            per2 = quarter_label(r2, comp, wy, wq, False)
        elif plant == "label":
            per2 = art["cal_label"]
        out.append(f"The operating margin for {per2} was {mtxt}")
    for seg, g in ev.segs:
        if rng.random() < 0.75:
            out.append(f"{SEGMENTS[seg].capitalize()} revenue grew {g}% from a year earlier")
    return out


ATTRIB_WIRE = [", the company said in a statement.", ", the company said.",
               ", according to the statement.", ", {short} said."]
ATTRIB_BLOG = [", according to the company's results release.",
               ", the company said.", ", per the earnings release."]


def render(rng, r2, ev, art, outlet, author):
    comp = ev.comp
    short, name = comp["short"], comp["name"]
    facts = build_facts(rng, r2, ev, art)
    py, pm, pd = art["published"]
    fillers = rng.sample(FILLER, 14)
    fillers = [f.format(short=short) for f in fillers]
    style = art["style"]
    plant = art["plant"]
    lines = []
    if style == "wire":
        title = f"{name} reports quarterly results"
        lines += [title, ""]
        first = facts[0] + rng.choice(ATTRIB_WIRE).format(short=short)
        city = rng.choice(CITIES)
        lines.append(f"{city}, {MON_ABBR[pm - 1]} {pd} ({outlet}) - {first}")
        lines.append("")
        body = [f + rng.choice(ATTRIB_WIRE).format(short=short) for f in facts[1:]]
        paras = []
        for i, b in enumerate(body):
            paras.append(b + " " + fillers[i])
        rest = fillers[len(body):]
        while rest:
            k = rng.choice([2, 3])
            paras.append(" ".join(rest[:k]))
            rest = rest[k:]
        for p in paras:
            lines += [p, ""]
    elif style == "analysis":
        title = f"What {name}'s quarter says about its strategy"
        lines += [title, f"By {author}, {outlet}", ""]
        lines.append(fillers[0] + " " + fillers[1])
        lines.append("")
        dangle = art.get("dangle")
        if plant == "unsourced":
            marks = [None] * len(facts)
        elif dangle == "short":
            # cites [1], [2], ... but the list stops after [1]
            marks = list(range(1, len(facts) + 1)) if len(facts) >= 2 else [2]
        else:
            marks = [1] * len(facts)
        art["marks"] = sorted(set(m for m in marks if m))
        for i, f in enumerate(facts):
            cite = f" [{marks[i]}]" if marks[i] else ""
            lines += [f"{f}{cite}. {fillers[2 + i]}", ""]
        rest = fillers[2 + len(facts):]
        while rest:
            k = rng.choice([2, 3])
            lines += [" ".join(rest[:k]), ""]
            rest = rest[k:]
        if plant == "unsourced" or dangle == "none":
            pass
        elif dangle == "empty":
            lines += ["Sources:", "[1]"]
        elif dangle == "short":
            lines += ["Sources:", f"[1] {name}, quarterly results release"]
        else:
            lines.append("Sources:")
            lines.append(f"[1] {name}, quarterly results release")
            lines.append(f"[2] {name}, conference call with analysts")
    else:  # blog
        title = f"{name}: notes on the latest quarter"
        lines += [title, f"By {author}", f"Published {MONTHS[pm - 1]} {pd}, {py}", ""]
        lines += [fillers[0] + " " + fillers[1], ""]
        for i, f in enumerate(facts):
            attrib = rng.choice(ATTRIB_BLOG)
            if plant == "unsourced":
                attrib = "."
            lines += [f + attrib + " " + fillers[2 + i], ""]
        rest = fillers[2 + len(facts):]
        while rest:
            k = rng.choice([2, 3])
            lines += [" ".join(rest[:k]), ""]
            rest = rest[k:]
    art["title"] = title
    return "\n".join(lines).rstrip() + "\n"


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Planner:
    """Which event carries which plant, with what it needs to be a clean case.

    A plant that writes a level for a quarter no article covers (the wrong label
    of a period plant, the year-earlier level of an arithmetic plant) must not
    meet another figure for that quarter or for the quarters a year either side
    of it: that would add a contradiction or an arithmetic finding on top of the
    planted one."""

    def __init__(self):
        self.plan = {}  # id(event) -> (kind, detail)

    @staticmethod
    def period_target(ev):
        comp = ev.comp
        evq, fake = comp["evq"], comp["fake"]
        here = qi(ev.year, ev.q)
        for off in (1, 2):
            i = here - off
            if any(x in evq or x in fake for x in (i, i - 4, i + 4)):
                continue
            return i
        return None

    @staticmethod
    def arithmetic_target(ev):
        comp = ev.comp
        i = qi(ev.year, ev.q) - 4
        if i in comp["evq"] or i in comp["fake"] or i - 4 in comp["fake"]:
            return None
        return i

    def can(self, kind, ev):
        if id(ev) in self.plan or len(ev.articles) < 2:
            return False
        comp = ev.comp
        if kind == "fx":
            return comp["cur"] == "CNY"
        if kind == "label":
            return comp["fye"] != 12
        if kind == "streak":
            # not where another quarter has the same growth: a count one off
            # is that of a neighbouring quarter, and with the same growth the
            # article would read as carrying that quarter's figures
            return comp["streak"] is not None and comp["growths"].count(ev.growth) == 1
        if kind == "period":
            return self.period_target(ev) is not None
        if kind == "arithmetic":
            return self.arithmetic_target(ev) is not None
        return True

    def place(self, kind, ev):
        detail = None
        if kind == "period":
            detail = self.period_target(ev)
        elif kind == "arithmetic":
            detail = self.arithmetic_target(ev)
        if detail is not None:
            ev.comp["fake"].add(detail)
        self.plan[id(ev)] = (kind, detail)

    def unplace(self, ev):
        kind, detail = self.plan.pop(id(ev))
        if detail is not None:
            ev.comp["fake"].discard(detail)

    def first_round(self, events, cap=120):
        """One plant of every kind in the earliest events that can take them all.

        Kinds with a condition (fx, label, streak, period, arithmetic) are
        placed by search; the others fit any event and take the earliest left."""
        cands = [e for e in events if len(e.articles) >= 2][:cap]
        kinds = [k for k in KINDS if any(self.can(k, e) for e in cands)]
        for k in KINDS:
            if k not in kinds:
                sys.stderr.write(f"gen_corpus: no event can carry a {k} plant\n")
        free = [k for k in kinds if k in ("growth", "unsourced", "dangling")]
        bound = [k for k in kinds if k not in free]
        bound.sort(key=lambda k: (sum(self.can(k, e) for e in cands), KINDS.index(k)))

        def bt(i, pool):
            if len(pool) - len(self.plan) < len(bound) - i + len(free):
                return False
            if i == len(bound):
                rest = [e for e in pool if id(e) not in self.plan]
                for k, ev in zip(free, rest):
                    self.place(k, ev)
                return True
            for ev in pool:
                if self.can(bound[i], ev):
                    self.place(bound[i], ev)
                    if bt(i + 1, pool):
                        return True
                    self.unplace(ev)
            return False

        for lim in range(len(kinds), len(cands) + 1):
            if bt(0, cands[:lim]):
                return
        # cannot place them all together: as many as fit, in order
        for k in kinds:
            for ev in cands:
                if self.can(k, ev):
                    self.place(k, ev)
                    break


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    n = a.articles
    if n < 2:
        sys.exit("gen_corpus: --articles must be at least 2")
    rng = random.Random(a.seed)
    # plants, runs of growth and year-earlier levels: a stream of their own
    r2 = random.Random(a.seed * 7919 + 101)
    os.makedirs(a.out_dir, exist_ok=True)

    # companies
    ncomp = max(4, n // 6)
    comps = []
    for short, name in company_names(rng, ncomp):
        fye = rng.choice([12, 12, 12, 3, 6, 9])
        cur = rng.choice(["USD", "USD", "EUR", "CNY", "CNY", "JPY"])
        if len(comps) == 0:
            cur = "CNY"  # at least one CNY company, for the fx plants
        base_usd = rng.uniform(0.3, 12) * 1e9
        comps.append({
            "short": short, "name": name, "fye": fye, "cur": cur,
            "base": base_usd * FX[cur][(2025, 3)],
            "segments": rng.sample(sorted(SEGMENTS), rng.choice([1, 2])),
        })
        c = comps[-1]
        v = c["base"] * rng.uniform(0.6, 0.8)
        series = {}
        for year in (2023, 2024, 2025):
            for q in (1, 2, 3, 4):
                v *= 1 + rng.uniform(0.015, 0.07)
                series[(year, q)] = written_value(c["cur"], v)
        c["series"] = series
    if all(c["fye"] == 12 for c in comps[:4]):
        comps[min(2, len(comps) - 1)]["fye"] = 6  # a fiscal-year company, for the label plants
    for i, c in enumerate(comps):
        # length of the run of year-on-year revenue growth in Q3 2024, or None
        c["streak"] = r2.randint(3, 9) if (i == 1 or r2.random() < 0.45) else None
        c["evq"] = set()  # quarters (qi) of its events
        c["fake"] = set()  # quarters (qi) a plant gives a level for that no event covers
        c["growths"] = []  # revenue growth of each of its events

    # events: company x quarter, 2-4 articles each, until N articles
    events = []
    total = 0
    ci = 0
    while total < n:
        comp = comps[ci % len(comps)]
        ci += 1
        free = [q for q in QUARTERS if qi(*q) not in comp["evq"]]
        if not free:
            continue
        year, q = rng.choice(free)
        ev = Event(rng, comp, year, q)
        k = min(rng.choice([2, 2, 3, 3, 4]), n - total)
        if k == 1 and events:
            events[-1].articles.append(None)  # give the last one to the previous event
            total += 1
            continue
        ev.articles = [None] * k
        events.append(ev)
        comp["evq"].add(qi(year, q))
        comp["growths"].append(ev.growth)
        total += k

    # planted discrepancies: one of each kind in the first events that can take
    # them, then ~1 per 20 articles in events with 2+ articles, kinds in turn
    planner = Planner()
    planner.first_round(events)
    nplant = max(len(planner.plan), round(n / 20))
    eligible = [e for e in events if len(e.articles) >= 2]
    rng.shuffle(eligible)
    ki = 0
    for ev in eligible:
        if len(planner.plan) >= nplant:
            break
        for t in range(len(KINDS)):
            kind = KINDS[(ki + t) % len(KINDS)]
            if planner.can(kind, ev):
                planner.place(kind, ev)
                ki += t + 1
                break
    plan = planner.plan

    # articles
    arts = []
    idx = 0
    for ev in events:
        comp = ev.comp
        kind, detail = plan.get(id(ev), (None, None))
        bad = len(ev.articles) - 1  # the last article of the event carries the plant
        for j in range(len(ev.articles)):
            idx += 1
            style = rng.choice(["wire", "analysis", "blog"])
            delay = 0 if (j == 0 and style == "wire") else rng.randint(0, 20)
            pub = add_days(*ev.report, delay)
            art = {"file": f"a{idx:06d}.txt", "ev": ev, "style": style,
                   "published": pub, "growth": ev.growth, "plant": None}
            if comp["cur"] == "USD":
                art["rev_mode"] = "native"
            else:
                art["rev_mode"] = rng.choice(["native", "native", "both", "usd"])
            if kind is not None and j == bad:
                art["plant"] = kind
                if kind == "growth":
                    # off by a few points, and not a figure of another quarter
                    # of the company (that would read as a mislabel instead)
                    for _ in range(50):
                        d = r2.choice([3, 4, 5, 6]) * r2.choice([1, -1])
                        if ev.growth + d < 1:
                            d = -d
                        if f"{ev.growth + d}" not in comp["used"]:
                            break
                    art["growth"] = ev.growth + d
                    if art["rev_mode"] == "native" and r2.random() < 0.3:
                        art["prev_val"] = comp["series"][(ev.year - 1, ev.q)]
                elif kind == "fx":
                    art["rev_mode"] = "usd"
                elif kind == "period":
                    art["wrong_q"] = qof(detail)
                    art["rev_mode"] = "native"
                elif kind == "streak":
                    right = streak_count(comp, ev.year, ev.q)
                    art["streak"] = right + (r2.choice([-1, 1]) if right > 3 else 1)
                elif kind == "arithmetic":
                    art["rev_mode"] = "native"
                    real = comp["series"][(ev.year - 1, ev.q)]
                    levels = {written_value(comp["cur"], x) for x in comp["series"].values()}
                    for _ in range(50):
                        d = r2.choice([6, 7, 8, 9, 10, 12]) * r2.choice([1, -1])
                        if ev.growth + d < 2:
                            d = -d
                        fake = written_value(comp["cur"], ev.revenue / (1 + (ev.growth + d) / 100))
                        implied = 100 * (ev.revenue / fake - 1)
                        if abs(implied - ev.growth) >= 4 and fake != real and fake not in levels:
                            break
                    art["prev_val"] = fake
                elif kind == "unsourced":
                    art["style"] = r2.choice(["blog", "blog", "analysis"])
                elif kind == "dangling":
                    art["style"] = "analysis"
                    art["dangle"] = r2.choice(["empty", "short", "none"])
                elif kind == "label":
                    art["cal_label"] = calendar_label(r2, ev.year, ev.q)
            else:
                if kind in ("fx", "period") and j == 0:
                    art["rev_mode"] = "native"
                if kind == "period" and j == 0:
                    art["force_margin"] = True
                # agreeing extras: the run of growth, the year-earlier level
                if comp["streak"] is not None and (
                        (kind == "streak" and j == 0) or r2.random() < 0.35):
                    art["streak"] = streak_count(comp, ev.year, ev.q)
                if (art["rev_mode"] == "native" and kind != "arithmetic"
                        and r2.random() < 0.25):
                    art["prev_val"] = comp["series"][(ev.year - 1, ev.q)]
            ev.articles[j] = art
            arts.append(art)

    manifest = ["# Invented articles generated by scripts/gen_corpus.py; every company is made up.",
                "sources:"]
    for art in arts:
        ev = art["ev"]
        if art["style"] == "wire":
            outlet = rng.choice(WIRE_OUTLETS)
        elif art["style"] == "analysis":
            outlet = rng.choice(ANALYSIS_OUTLETS)
        else:
            outlet = rng.choice(BLOG_OUTLETS)
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        text = render(rng, r2, ev, art, outlet, author)
        with open(os.path.join(a.out_dir, art["file"]), "w", encoding="utf-8") as f:
            f.write(text)
        py, pm, pd = art["published"]
        manifest += [f"  - file: {art['file']}",
                     f"    title: {yq(art['title'])}",
                     f"    outlet: {yq(outlet)}",
                     f"    author: {yq(author)}",
                     f"    published: {py:04d}-{pm:02d}-{pd:02d}",
                     f"    entity: {yq(ev.comp['name'])}"]
    with open(os.path.join(a.out_dir, "sources.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")

    # expectations
    files = {}
    must, mustnot, stretch = [], [], []

    def key(art):
        k = "F" + art["file"][1:7]
        files[k] = art["file"]
        return k

    def qname(ev):
        return f"Q{ev.q} {ev.year}"

    conflict = "[contradiction, period-mismatch, currency-mismatch, streak-mismatch, arithmetic]"
    for ev in events:
        kind, detail = plan.get(id(ev), (None, None))
        comp = ev.comp
        name = comp["name"]
        label = f"{name} {qname(ev)}"
        bad = ev.articles[-1]
        good = ev.articles[0]
        tag = f"{kind}-{bad['file'][:-4]}"
        if kind == "growth":
            must.append((tag,
                         f"{label}: {key(good)} gives revenue growth {good['growth']}%, "
                         f"{key(bad)} gives {bad['growth']}%.",
                         "[contradiction]",
                         [(key(bad), pct_rx(bad["growth"])),
                          (key(good), pct_rx(good["growth"]))]))
            stretch.append((f"{tag}-levels",
                            f"{label}: where a year-earlier level is given, {bad['growth']}% "
                            "does not follow from the two levels either.",
                            "[arithmetic, period-mismatch]",
                            [(key(bad), pct_rx(bad["growth"]))]))
        elif kind == "fx":
            must.append((tag,
                         f"{label}: {key(good)} gives revenue of {good['rev_native']} (CNY); "
                         f"{key(bad)} converts it to ${bad['rev_usd']} "
                         f"(divided by 10, not ~7.2); other articles give the right figure.",
                         "[currency-mismatch, contradiction]",
                         [(key(bad), regex_num(bad["rev_usd"])),
                          (None, regex_num(good["rev_native"]) + "|" + regex_num(
                              money("USD", ev.revenue / FX["CNY"][(ev.year, ev.q)], 0)[0]))]))
        elif kind == "period":
            wy, wq = qof(detail)
            # any of the figures that moved: growth, revenue, margin
            moved = "|".join([pct_rx(ev.growth), regex_num(bad["rev_native"]),
                              regex_num(f"{ev.margin:.1f}"), pct_rx(round(ev.margin))])
            must.append((tag,
                         f"{label}: {key(bad)} gives the quarter's figures (growth "
                         f"{ev.growth}%, margin {ev.margin:.1f}%) under \"{bad['wrong_label']}\" "
                         f"(Q{wq} {wy}); {key(good)} and the others give them for {qname(ev)}.",
                         "[period-mismatch]",
                         [(key(bad), moved), (key(good), moved)]))
        elif kind == "streak":
            right = streak_count(comp, ev.year, ev.q)
            must.append((tag,
                         f"{label}: {key(good)} calls it quarter {right} of the run of revenue "
                         f"growth; {key(bad)} says {bad['streak']}.",
                         "[streak-mismatch]",
                         [(key(bad), streak_rx(bad["streak"])), (key(good), streak_rx(right))]))
        elif kind == "arithmetic":
            real = money(comp["cur"], comp["series"][(ev.year - 1, ev.q)], 0)[1]
            must.append((tag,
                         f"{label}: {key(bad)} says revenue rose {ev.growth}% to "
                         f"{bad['rev_txt']} from {bad['prev_txt']} a year earlier, which is "
                         f"{100 * (ev.revenue / bad['prev_val'] - 1):+.1f}% (the year-earlier "
                         f"revenue was {real}).",
                         "[arithmetic]",
                         [(key(bad), regex_num(bad["prev_s"])), (None, pct_rx(ev.growth))]))
        elif kind == "unsourced":
            must.append((tag,
                         f"{label}: {key(bad)} ({bad['style']}) gives revenue growth of "
                         f"{ev.growth}% and its other figures with no attribution, marker or link.",
                         "[unsourced-figure]",
                         [(key(bad), pct_rx(ev.growth))]))
        elif kind == "dangling":
            how = {"empty": "its source list stops at an empty \"[1]\"",
                   "short": "it cites " + ", ".join(f"[{m}]" for m in bad["marks"])
                            + " but its source list has only [1]",
                   "none": "it cites [1] but prints no source list"}[bad["dangle"]]
            must.append((tag, f"{label}: {key(bad)}: {how}.", "[dangling-citation]",
                         [(key(bad), None)]))
        elif kind == "label":
            fq, fy = fiscal_label(comp["fye"], ev.year, ev.q)
            must.append((tag,
                         f"{label}: the company's fiscal year ends in {MONTHS[comp['fye'] - 1]}; "
                         f"{key(bad)} calls its fiscal Q{fq} {fy} (the quarter ended "
                         f"{MONTHS[ev.end[1] - 1]} {ev.end[2]}, {ev.end[0]}) \"{bad['cal_label']}\", "
                         f"which for the company is fiscal Q{ev.q}.",
                         "[inconsistent-period-label]",
                         [(key(bad), pct_rx(ev.growth))]))
        elif len(mustnot) < max(3, n // 100):
            # agreeing restatements: revenue (native and converted) and growth
            natives = {x["rev_native"] for x in ev.articles if x["rev_native"]}
            usds = {x["rev_usd"] for x in ev.articles if x["rev_usd"]}
            if len(natives) == 1 and len(usds) == 1 and ev.comp["cur"] != "USD":
                nat, usd = natives.pop(), usds.pop()
                mustnot.append((f"revenue-agrees-{ev.articles[0]['file'][:-4]}",
                                f"{label}: revenue {nat} ({ev.comp['cur']}) is about ${usd} "
                                f"in every article.",
                                conflict, "all_claims",
                                [{"file": key(x), "figure": regex_num(v)}
                                 for x in ev.articles for v in (nat, usd)]))
            elif len(ev.articles) >= 2:
                g = ev.growth
                mustnot.append((f"growth-agrees-{ev.articles[0]['file'][:-4]}",
                                f"{label}: every article gives revenue growth of {g}%.",
                                "[contradiction, period-mismatch, arithmetic]",
                                "all_claims",
                                [{"file": key(x), "figure": pct_rx(g)} for x in ev.articles]))

    # agreeing restatements of the other kinds, from events with no plant
    cap = max(4, n // 100)
    levels, runs, labels, sourced = [], [], [], []
    lcap = max(12, n // 50)  # year-earlier levels: the phrasing varies, list more
    styles_seen = {}
    for ev in events:
        if id(ev) in plan:
            continue
        comp = ev.comp
        label = f"{comp['name']} {qname(ev)}"
        for art in ev.articles:
            if art.get("prev_val") is not None and len(levels) < lcap:
                levels.append((f"levels-agree-{art['file'][:-4]}",
                               f"{label}: {key(art)}'s {ev.growth}% follows from "
                               f"{art['rev_txt']} against {art['prev_txt']} a year earlier, "
                               "and that year-earlier revenue is right.",
                               conflict, "any_claim",
                               [{"file": key(art), "figure": regex_num(art["prev_s"])}]))
            if styles_seen.get(art["style"], 0) < cap // 2:
                styles_seen[art["style"]] = styles_seen.get(art["style"], 0) + 1
                how = {"wire": "attributes every figure to the company",
                       "blog": "attributes every figure to the company or its release",
                       "analysis": "cites [1] for every figure, and its source list has [1]"}
                sourced.append((f"sourced-{art['file'][:-4]}",
                                f"{label}: {key(art)} ({art['style']}) {how[art['style']]}.",
                                "[unsourced-figure, dangling-citation]", "any_claim",
                                [{"file": key(art)}]))
        if comp["fye"] != 12 and len(labels) < cap:
            fq, fy = fiscal_label(comp["fye"], ev.year, ev.q)
            labels.append((f"fiscal-label-agrees-{ev.articles[0]['file'][:-4]}",
                           f"{label}: every article calls it fiscal Q{fq} {fy} or the quarter "
                           f"ended {MONTHS[ev.end[1] - 1]} {ev.end[2]}, {ev.end[0]}, as the "
                           "company does.",
                           "[inconsistent-period-label, period-mismatch]", "any_claim",
                           [{"file": key(x)} for x in ev.articles]))
    for comp in comps:
        if len(runs) >= cap or comp["streak"] is None:
            continue
        stating = [x for ev in events if ev.comp is comp for x in ev.articles
                   if x.get("streak") is not None]
        if len(stating) < 2:
            continue
        if any(plan.get(id(ev), ("",))[0] == "streak" for ev in events if ev.comp is comp):
            continue
        counts = sorted({x["streak"] for x in stating})
        runs.append((f"run-agrees-{comp['short'].lower()}",
                     f"{comp['name']}: the run of revenue growth began in "
                     f"Q{qof(qi(2024, 3) - comp['streak'] + 1)[1]} "
                     f"{qof(qi(2024, 3) - comp['streak'] + 1)[0]} in every article "
                     f"({', '.join(str(c) for c in counts)} quarters by the quarter each covers).",
                     "[streak-mismatch]", "all_claims",
                     [{"file": key(x), "figure": streak_rx(x["streak"])} for x in stating]))
    mustnot += levels + runs + labels + sourced

    def spec(s):
        if isinstance(s, str):
            return f"'{s}'"
        parts = ([f"file: {s['file']}"] if "file" in s else []) + (
            [f"figure: '{s['figure']}'"] if "figure" in s else [])
        return "{" + ", ".join(parts) + "}"

    out = ["# Expectations for a corpus generated by scripts/gen_corpus.py "
           f"(--articles {n} --seed {a.seed}).",
           "# Read by ../shared/eval/score.py; see seeds.expected.yaml for the format.",
           "files:"]
    for k in sorted(files):
        out.append(f"  {k}: {files[k]}")
    if not files:
        out[-1] = "files: {}"
    out.append("must_find:" if must else "must_find: []")
    for id_, why, rules, claims in must:
        out += [f"  - id: {id_}", f"    why: {yq(why)}", f"    rules: {rules}", "    claims:"]
        for k, rx in claims:
            s = {} if k is None else {"file": k}
            if rx is not None:
                s["figure"] = rx
            out.append(f"      - {spec(s)}")
    out.append("must_not_find:" if mustnot else "must_not_find: []")
    for id_, why, rules, mode, pats in mustnot:
        out += [f"  - id: {id_}", f"    why: {yq(why)}", f"    rules: {rules}",
                f"    {mode}: [" + ", ".join(spec(p) for p in pats) + "]"]
    if stretch:
        out.append("stretch:")
    for id_, why, rules, claims in stretch:
        out += [f"  - id: {id_}", f"    why: {yq(why)}", f"    rules: {rules}", "    claims:"]
        for k, rx in claims:
            out.append(f"      - {{file: {k}, figure: '{rx}'}}")
    with open(os.path.join(a.out_dir, "expected.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
