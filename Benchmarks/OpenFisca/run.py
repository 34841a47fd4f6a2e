#!/usr/bin/env python3
"""Runs the OpenFisca model over a population file and writes per-instrument standalone totals.

    run.py POPULATION.jsonl --out theirs.json [--runs 3] [--period 2024] [--project ID]

Times the load (reading the JSON Lines into arrays and building the simulation with
SimulationBuilder) and the calculation (every modelled variable, on a fresh simulation each run,
best of --runs) separately, with time.perf_counter. Writes
{"engine": "openfisca", "projects", "seconds" (calculation, best of runs), "load_seconds",
 "standalone": {instrument id: decimal yuan}, "eligible": {instrument id: count}, …}.

--project ID prints every variable of one project (inputs, per-contract and per-instrument
results), to look into a disagreement.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from openfisca_core.periods import DateUnit  # noqa: E402
from openfisca_core.simulations import SimulationBuilder  # noqa: E402

import population  # noqa: E402
from renewal_openfisca import MODELLED, RenewalTaxBenefitSystem, exact  # noqa: E402


def build_simulation(tbs, pop: population.Population):
    builder = SimulationBuilder()
    builder.create_entities(tbs)
    builder.declare_person_entity("project", pop.ids)
    simulation = builder.build(tbs)
    for name, array in pop.eternal.items():
        simulation.set_input(name, "eternity", array)
    for (name, year), array in pop.yearly.items():
        simulation.set_input(name, str(year), array)
    return simulation


def calculate_all(simulation, period):
    amounts, matched = {}, {}
    for key in MODELLED:
        amounts[key] = simulation.calculate(key, period)
        matched[key] = simulation.calculate(f"{key}_matched", period)
    return amounts, matched


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def dump_project(tbs, simulation, pop, project_id, period):
    try:
        i = pop.ids.index(project_id)
    except ValueError:
        sys.exit(f"no project {project_id}")
    for name in sorted(tbs.variables):
        v = tbs.variables[name]
        if v.definition_period == DateUnit.YEAR and not v.formulas:
            for year in sorted({y for (n, y) in pop.yearly if n == name}):
                value = simulation.calculate(name, str(year))[i]
                if value:
                    print(f"{name}[{year}] = {exact.fen_to_text(value)} yuan")
            continue
        value = simulation.calculate(name, period if v.definition_period == DateUnit.YEAR else "eternity")[i]
        if not v.formulas and value == np.array([v.default_value], dtype=v.dtype)[0]:
            continue  # an input left at its default
        if getattr(v, "unit", None) == "fen" and isinstance(value, (np.integer, int)) and value >= 0:
            value = f"{exact.fen_to_text(value)} yuan"
        print(f"{name} = {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("population")
    parser.add_argument("--out", help="totals JSON to write")
    parser.add_argument("--runs", type=int, default=3, help="calculation runs, best taken (default 3)")
    parser.add_argument("--period", default="2024",
                        help="the (nominal) year the instrument variables are computed for; each project is "
                             "evaluated under the parameters in force on its evaluation date (default 2024)")
    parser.add_argument("--project", help="print every variable of this project and stop")
    args = parser.parse_args()

    start = time.perf_counter()
    pop = population.load(args.population)
    read_seconds = time.perf_counter() - start
    tbs = RenewalTaxBenefitSystem(pop.slots)
    simulation = build_simulation(tbs, pop)
    load_seconds = time.perf_counter() - start

    if args.project:
        dump_project(tbs, simulation, pop, args.project, args.period)
        return 0

    best = float("inf")
    runs = []
    for run in range(max(args.runs, 1)):
        if run > 0:
            simulation = build_simulation(tbs, pop)  # a fresh simulation: nothing cached
        t0 = time.perf_counter()
        amounts, matched = calculate_all(simulation, args.period)
        elapsed = time.perf_counter() - t0
        runs.append(elapsed)
        best = min(best, elapsed)

    standalone = {MODELLED[k]: exact.fen_to_text(int(amounts[k].sum(dtype=np.int64))) for k in MODELLED}
    eligible = {MODELLED[k]: int(matched[k].sum()) for k in MODELLED}
    print(f"openfisca: {pop.count} projects loaded in {load_seconds:.2f} s (reading {read_seconds:.2f} s); "
          f"calculated in {best:.3f} s (best of {len(runs)}: {', '.join(f'{r:.3f}' for r in runs)}; one core, numpy)")
    print(f"  slots per project: {pop.slots.loans} loans, {pop.slots.leases} leases, "
          f"{pop.slots.certifications} certification contracts, {pop.slots.items} equipment items; "
          f"{len(tbs.variables)} variables")
    if args.out:
        import importlib.metadata as md

        result = {
            "engine": "openfisca",
            "projects": pop.count,
            "seconds": best,
            "load_seconds": load_seconds,
            "read_seconds": read_seconds,
            "calculation_runs": runs,
            "standalone": standalone,
            "eligible": eligible,
            "openfisca_core": md.version("OpenFisca-Core"),
            "numpy": np.__version__,
            "machine": machine(),
            "variables": len(tbs.variables),
        }
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2, sort_keys=True)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
