"""Turns a project file (one enterprise and its projects, the format `renewal match` reads) into
the body of a POST to OpenFisca's Web API `/calculate`: every input variable the loader of the
side-by-side benchmark sets (population.py), and every instrument's amount and `_matched` flag
asked for (null) in 2024 — the same question `/api/match` answers.

    webapi_situation.py PROJECT_FILE.json > situation.json
"""
from __future__ import annotations

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import population  # noqa: E402
from renewal_openfisca import MODELLED  # noqa: E402

PERIOD = "2024"


def plain(value):
    """A numpy scalar as JSON: dates as YYYY-MM-DD, booleans, integers."""
    if isinstance(value, np.datetime64):
        return str(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def situation(project_file: str) -> dict:
    with open(project_file, encoding="utf-8") as f:
        record = json.load(f, parse_float=str)
    # The loader reads JSON Lines: one record, one line.
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.write(json.dumps(record, ensure_ascii=False) + "\n")
    try:
        pop = population.load(tmp.name)
    finally:
        os.unlink(tmp.name)
    projects = {}
    for i, pid in enumerate(pop.ids):
        variables: dict = {}
        for name, array in pop.eternal.items():
            variables[name] = {"ETERNITY": plain(array[i])}
        for (name, year), array in pop.yearly.items():
            variables.setdefault(name, {})[str(year)] = plain(array[i])
        for key in MODELLED:
            variables[key] = {PERIOD: None}
            variables[f"{key}_matched"] = {PERIOD: None}
        projects[pid] = variables
    return {"projects": projects}


if __name__ == "__main__":
    json.dump(situation(sys.argv[1]), sys.stdout, ensure_ascii=False)
