"""Checks that OpenFisca's Web API and `/api/match` agree on the project they were both sent:
for every instrument OpenFisca models, the standalone amount (our `instruments[].amount`, the
instrument on its own before the combination) and whether it matched.

    webapi_compare.py OURS_PLAN.json THEIRS_CALCULATE.json      (exit 1 on a difference)
"""
from __future__ import annotations

import json
import os
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from renewal_openfisca import MODELLED  # noqa: E402


def main() -> int:
    ours = json.load(open(sys.argv[1], encoding="utf-8"))
    theirs = json.load(open(sys.argv[2], encoding="utf-8"))["projects"]
    differences = 0
    for project in ours["projects"]:
        pid = project["projectId"]
        results = {r["id"]: r for r in project["instruments"] + project["national"]}
        for key, instrument in MODELLED.items():
            mine = results[instrument]
            fen = int(Decimal(mine["amount"]) * 100) if mine["status"] in ("matched", "amount_unstated") else 0
            their_fen = int(theirs[pid][key]["2024"])
            matched = mine["status"] == "matched"
            their_matched = bool(theirs[pid][f"{key}_matched"]["2024"])
            if fen != their_fen or matched != their_matched:
                differences += 1
                print(f"  {pid} {instrument}: renewal {fen} fen ({mine['status']}), OpenFisca {their_fen} fen (matched {their_matched})")
    print(f"  {len(ours['projects'])} project(s), {len(MODELLED)} instruments each: "
          + ("the two agree" if differences == 0 else f"{differences} differences"))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
