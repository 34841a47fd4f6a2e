#!/usr/bin/env python3
"""Compares the totals of the two engines.

    compare.py ours.json theirs.json

Prints instrument | renewal | openfisca | equal? for every instrument the OpenFisca model
computes (and the matched-project counts beside them), the instruments it leaves out, then the
speed ratio (OpenFisca calculation seconds / renewal evaluation seconds). Exits 1 when a
modelled instrument's total, or its count of matched projects, differs, or the two files are not
over the same number of projects. Amounts are compared as exact decimals, never as floats.
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal

ORDER = ["5", "7a", "7b", "7c", "10a", "10b", "12", "13", "16", "17a", "17b", "17c", "18", "N1", "N2", "N3", "N4"]


def grouped(text: str) -> str:
    d = Decimal(text)
    return f"{d:,.2f}"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        ours = json.load(f)
    with open(argv[2]) as f:
        theirs = json.load(f)
    ok = True
    if ours.get("projects") != theirs.get("projects"):
        print(f"different populations: renewal {ours.get('projects')} projects, openfisca {theirs.get('projects')}")
        ok = False

    modelled = [i for i in ORDER if i in theirs["standalone"]] + sorted(set(theirs["standalone"]) - set(ORDER))
    rows = [("instrument", "renewal (yuan)", "openfisca (yuan)", "equal?", "matched renewal / openfisca")]
    for i in modelled:
        a, b = ours["standalone"].get(i), theirs["standalone"][i]
        same = a is not None and Decimal(a) == Decimal(b)
        ca, cb = ours.get("eligible", {}).get(i), theirs.get("eligible", {}).get(i)
        same_count = ca is None or cb is None or ca == cb
        if not same:
            diff = "missing" if a is None else f"NO (openfisca − renewal = {grouped(str(Decimal(b) - Decimal(a)))})"
        else:
            diff = "yes"
        counts = f"{ca} / {cb}" + ("" if same_count else "  DIFFERENT")
        rows.append((i, grouped(a) if a is not None else "—", grouped(b), diff, counts))
        ok = ok and same and same_count
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for n, r in enumerate(rows):
        print("  ".join(cell.rjust(widths[c]) if c in (1, 2) else cell.ljust(widths[c]) for c, cell in enumerate(r)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    skipped = [i for i in ORDER if i in ours["standalone"] and i not in theirs["standalone"]]
    if skipped:
        print(f"not modelled in OpenFisca: {', '.join(skipped)}")

    rs, os_ = float(ours["seconds"]), float(theirs["seconds"])
    n = ours.get("projects")
    print()
    print(f"projects: {n}")
    print(f"renewal batch evaluation: {rs:.4f} s (all 17 instruments and the recommended combination, all cores)")
    print(f"openfisca calculation:    {os_:.4f} s ({len(modelled)} instruments, standalone only, one core)"
          + (f"; load {float(theirs['load_seconds']):.2f} s" if "load_seconds" in theirs else ""))
    if rs > 0:
        print(f"speed ratio (openfisca seconds / renewal seconds): {os_ / rs:.1f}")
    if "machine" in theirs:
        print(f"machine: {theirs['machine']}")
    print("totals agree to the fen" if ok else "DISAGREEMENT: see the rows above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
