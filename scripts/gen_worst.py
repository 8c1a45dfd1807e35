#!/usr/bin/env python3
"""Worst-case input for scripts/bench.sh: one file with no newline, figure-dense
(every third word a figure), invented words only.

    python3 scripts/gen_worst.py OUT_FILE --mb 100 [--seed 7] [--no-periods]

Sentences of 9-30 words end with '.', so the text is one paragraph of short
sentences on a single line; --no-periods leaves out every full stop (one
sentence as long as the file). The output depends only on the arguments.
"""
import argparse
import random

# No metric words (revenue, margin, users, "% of"), no amounts in two
# currencies: with them, every figure of a one-company text falls under a
# handful of keys, and conflict findings grow with the square of the text
# (period-mismatch lists every value of its key; conflict findings on one line
# under one period each list all the others as related). This file measures
# reading, extraction and the per-figure rules, not that.
WORDS = (
    "rose fell grew to from in the quarter year company said about nearly up "
    "down compared with a earlier according statement reported analysts "
    "expected the and while over its"
).split()
SYL = "nex ven vel or va tic quin to ra lum ber zan kor mi pel da sor fen".split()
SUFFIX = ["Holdings", "Labs", "Systems", "Group", "Networks"]


def entity(r: random.Random) -> str:
    name = "".join(r.choice(SYL) for _ in range(r.randrange(2, 4))).capitalize()
    return f"{name} {r.choice(SUFFIX)}"


def label(r: random.Random) -> str:
    y = r.randrange(2015, 2027)
    k = r.randrange(4)
    if k == 0:
        return f"Q{r.randrange(1, 5)} {y}"
    if k == 1:
        return f"fiscal {y}"
    if k == 2:
        return f"first half of {y}"
    return str(y)


def figure(r: random.Random) -> str:
    k = r.randrange(8)
    if k == 0:
        return f"${r.randrange(1, 999)}.{r.randrange(100):02} billion"
    if k == 1:
        return f"{r.randrange(1, 99)}.{r.randrange(100):02}%"
    if k == 2:
        return f"{r.randrange(1, 999)}.{r.randrange(10)}%"
    if k == 3:
        return f"{r.randrange(1, 99999):,}"
    if k == 4:
        return f"${r.randrange(1, 99999):,} million"
    if k == 5:
        return f"{r.randrange(1, 999)}.{r.randrange(10)} million"
    if k == 6:
        return label(r)
    return f"{r.randrange(1, 9999)}.{r.randrange(10)} billion"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-periods", action="store_true")
    a = ap.parse_args()
    r = random.Random(a.seed)
    target = int(a.mb * 1_000_000)
    size = 0
    with open(a.out, "w", encoding="utf-8") as f:
        while size < target:
            n = r.randrange(9, 31)
            words = [entity(r)]
            for i in range(1, n):
                words.append(figure(r) if i % 3 == 2 else r.choice(WORDS))
            s = " ".join(words) + ("" if a.no_periods else ".") + " "
            f.write(s)
            size += len(s.encode())


if __name__ == "__main__":
    main()
