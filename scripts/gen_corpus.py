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
converted to US dollars at the quarter's average rate. Companies whose fiscal
year ends in March, June or September tie their fiscal quarter to a date
("the second quarter of fiscal 2026, which ended September 30, 2025").

About one article in 20 carries a PLANTED discrepancy, listed in
expected.yaml under must_find:
  - growth: a growth rate a few points off the one the other articles give
    (rule contradiction);
  - fx: a CNY figure turned into dollars by dividing by 10 instead of ~7.1
    (rule currency-mismatch; contradiction also accepted).
A few agreeing restatements are listed under must_not_find.

Same arguments, same bytes out (Python's random.Random is stable across
versions for the calls used here).
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


def period_phrase(rng, ev, first):
    """Label of the event's quarter as written, and a tie sentence if needed."""
    comp = ev.comp
    ey, em, ed = ev.end
    if comp["fye"] == 12:
        form = rng.randrange(3)
        if form == 0:
            return f"the {ORD[ev.q - 1]} quarter of {ev.year}"
        if form == 1:
            return f"Q{ev.q} {ev.year}"
        return f"the {ORD[ev.q - 1]} quarter of {ev.year}"
    fq, fy = fiscal_label(comp["fye"], ev.year, ev.q)
    if first:
        return (f"the {ORD[fq - 1]} quarter of fiscal {fy}, which ended "
                f"{MONTHS[em - 1]} {ed}, {ey},")
    form = rng.randrange(2)
    if form == 0:
        return f"the {ORD[fq - 1]} quarter of fiscal {fy}"
    return f"the quarter ended {MONTHS[em - 1]} {ed}, {ey}"


def build_facts(rng, ev, art):
    """Sentences with figures; each (text, attributed?)."""
    comp = ev.comp
    name = comp["name"]
    cur = comp["cur"]
    rate = FX[cur][(ev.year, ev.q)]
    growth = art["growth"]
    style = rng.randrange(2)
    # revenue: native, native with USD in parentheses, or USD only
    mode = art["rev_mode"]
    native_s, native = money(cur, ev.revenue, style)
    usd_val = ev.revenue / (10.0 if art.get("fx_plant") else rate)
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
    out = []
    basis = rng.choice([" from a year earlier", " year on year", ""])
    out.append(f"{name} said revenue for {per} rose {growth}%{basis} to {rev_text}")
    art["growth_fig"] = f"{growth}%"
    # operating margin
    if rng.random() < 0.8:
        m = ev.margin
        if rng.random() < 0.2:
            mtxt = f"about {m:.0f}%"
        else:
            mtxt = f"{m:.1f}%"
        per2 = period_phrase(rng, ev, False)
        out.append(f"The operating margin for {per2} was {mtxt}")
    for seg, g in ev.segs:
        if rng.random() < 0.75:
            out.append(f"{SEGMENTS[seg].capitalize()} revenue grew {g}% from a year earlier")
    return out


ATTRIB_WIRE = [", the company said in a statement.", ", the company said.",
               ", according to the statement.", ", {short} said."]
ATTRIB_BLOG = [", according to the company's results release.",
               ", the company said.", ", per the earnings release."]


def render(rng, ev, art, outlet, author):
    comp = ev.comp
    short, name = comp["short"], comp["name"]
    facts = build_facts(rng, ev, art)
    py, pm, pd = art["published"]
    fillers = rng.sample(FILLER, 14)
    fillers = [f.format(short=short) for f in fillers]
    style = art["style"]
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
        for i, f in enumerate(facts):
            lines += [f"{f} [1]. {fillers[2 + i]}", ""]
        rest = fillers[2 + len(facts):]
        while rest:
            k = rng.choice([2, 3])
            lines += [" ".join(rest[:k]), ""]
            rest = rest[k:]
        lines.append("Sources:")
        lines.append(f"[1] {name}, quarterly results release")
        lines.append(f"[2] {name}, conference call with analysts")
    else:  # blog
        title = f"{name}: notes on the latest quarter"
        lines += [title, f"By {author}", f"Published {MONTHS[pm - 1]} {pd}, {py}", ""]
        lines += [fillers[0] + " " + fillers[1], ""]
        for i, f in enumerate(facts):
            lines += [f + rng.choice(ATTRIB_BLOG) + " " + fillers[2 + i], ""]
        rest = fillers[2 + len(facts):]
        while rest:
            k = rng.choice([2, 3])
            lines += [" ".join(rest[:k]), ""]
            rest = rest[k:]
    art["title"] = title
    return "\n".join(lines).rstrip() + "\n"


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


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

    # events: company x quarter, 2-4 articles each, until N articles
    events = []
    total = 0
    ci = 0
    while total < n:
        comp = comps[ci % len(comps)]
        ci += 1
        used = {(e.year, e.q) for e in events if e.comp is comp}
        free = [q for q in QUARTERS if q not in used]
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
        total += k

    # planted discrepancies, ~1 per 20 articles, in events with 2+ articles
    nplant = max(1, round(n / 20))
    eligible = [e for e in events if len(e.articles) >= 2]
    rng.shuffle(eligible)
    plants = {}
    kinds = ["growth", "fx"]
    ki = 0
    for ev in eligible:
        if len(plants) >= nplant:
            break
        kind = kinds[ki % 2]
        if kind == "fx" and ev.comp["cur"] != "CNY":
            if not any(e.comp["cur"] == "CNY" and id(e) not in plants for e in eligible):
                kind = "growth"
            else:
                continue
        plants[id(ev)] = kind
        ki += 1

    # articles
    arts = []
    idx = 0
    for ev in events:
        comp = ev.comp
        kind = plants.get(id(ev))
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
            bad = len(ev.articles) - 1  # the last article of the event carries the plant
            if kind == "growth":
                if j == bad:
                    # off by a few points, and not a figure of another quarter
                    # of the company (that would read as a mislabel instead)
                    for _ in range(50):
                        d = rng.choice([3, 4, 5, 6]) * rng.choice([1, -1])
                        if ev.growth + d < 1:
                            d = -d
                        if f"{ev.growth + d}" not in comp["used"]:
                            break
                    art["growth"] = ev.growth + d
                    art["plant"] = "growth"
            elif kind == "fx":
                if j == bad:
                    art["rev_mode"] = "usd"
                    art["fx_plant"] = True
                    art["plant"] = "fx"
                elif j == 0:
                    art["rev_mode"] = "native"
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
        text = render(rng, ev, art, outlet, author)
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

    conflict = "[contradiction, period-mismatch, currency-mismatch, streak-mismatch, arithmetic]"
    for ev in events:
        kind = plants.get(id(ev))
        name = ev.comp["name"]
        label = f"{name} Q{ev.q} {ev.year}"
        if kind == "growth":
            bad = ev.articles[-1]
            good = [x for x in ev.articles if x is not bad][0]
            must.append((f"growth-{bad['file'][:-4]}",
                         f"{label}: {key(good)} gives revenue growth {good['growth']}%, "
                         f"{key(bad)} gives {bad['growth']}%.",
                         "[contradiction]",
                         [(key(bad), r"\b%d\s*%%" % bad["growth"]),
                          (key(good), r"\b%d\s*%%" % good["growth"])]))
            stretch.append((f"growth-{bad['file'][:-4]}-levels",
                            f"{label}: where a year-earlier level is given, {bad['growth']}% "
                            "does not follow from the two levels either.",
                            "[arithmetic, period-mismatch]",
                            [(key(bad), r"\b%d\s*%%" % bad["growth"])]))
        elif kind == "fx":
            bad = ev.articles[-1]
            good = ev.articles[0]
            must.append((f"fx-{bad['file'][:-4]}",
                         f"{label}: {key(good)} gives revenue of {good['rev_native']} (CNY); "
                         f"{key(bad)} converts it to ${bad['rev_usd']} "
                         f"(divided by 10, not ~7.2); other articles give the right figure.",
                         "[currency-mismatch, contradiction]",
                         [(key(bad), regex_num(bad["rev_usd"])),
                          (None, regex_num(good["rev_native"]) + "|" + regex_num(
                              money("USD", ev.revenue / FX["CNY"][(ev.year, ev.q)], 0)[0]))]))
        elif len(mustnot) < max(3, n // 100):
            # agreeing restatements: revenue (native and converted) and growth
            natives = {x["rev_native"] for x in ev.articles if x["rev_native"]}
            usds = {x["rev_usd"] for x in ev.articles if x["rev_usd"]}
            if len(natives) == 1 and len(usds) == 1 and ev.comp["cur"] != "USD":
                nat, usd = natives.pop(), usds.pop()
                mustnot.append((f"revenue-agrees-{ev.articles[0]['file'][:-4]}",
                                f"{label}: revenue {nat} ({ev.comp['cur']}) is about ${usd} "
                                f"in every article.",
                                conflict, [regex_num(nat), regex_num(usd)]))
            elif len(ev.articles) >= 2:
                g = ev.growth
                mustnot.append((f"growth-agrees-{ev.articles[0]['file'][:-4]}",
                                f"{label}: every article gives revenue growth of {g}%.",
                                "[contradiction, period-mismatch, arithmetic]",
                                [r"\b%d\s*%%" % g]))

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
            if k is None:
                out.append(f"      - {{figure: '{rx}'}}")
            else:
                out.append(f"      - {{file: {k}, figure: '{rx}'}}")
    out.append("must_not_find:" if mustnot else "must_not_find: []")
    for id_, why, rules, pats in mustnot:
        out += [f"  - id: {id_}", f"    why: {yq(why)}", f"    rules: {rules}",
                "    all_claims: [" + ", ".join(f"'{p}'" for p in pats) + "]"]
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
