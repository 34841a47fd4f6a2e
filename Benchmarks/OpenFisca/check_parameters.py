#!/usr/bin/env python3
"""Checks the OpenFisca model against the policy library it copies.

    check_parameters.py [Policies/shanghai-2024-355]

1. Every dated value of the OpenFisca parameters (renewal_openfisca/parameters/*.yaml) equals the
   library's: the instruments' ratio, cap, years and in-force date, and the shared parameters and
   readings they use.
2. The parts of each modelled instrument that the formulas hard-code — conditions, unit
   conditions, base, cap scope, counting day, base limit — are still what the library says.

Exits 1 and says what differs, so that a change to the library cannot silently leave the
OpenFisca side computing something else.
"""
from __future__ import annotations

import datetime
import os
import sys
from decimal import Decimal

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from renewal_openfisca import MODELLED, RenewalTaxBenefitSystem  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LIBRARY = os.path.join(HERE, "..", "..", "Policies", "shanghai-2024-355")

# OpenFisca parameter → library parameter (shared parameters and readings).
SHARED = {
    "readings.clause7_threshold_role": "reading.clause7_threshold_role",
    "readings.interest_counted_from": "reading.interest_counted_from",
    "readings.in_principle_caps": "reading.in_principle_caps",
    "clause7.investment_threshold": "clause7.investment_threshold",
    "readings.clause7c_renovation_role": "reading.clause7c_renovation_role",
    "national.interest_discount_from": "national.interest_discount_from",
    "national.interest_discount_loans_from": "national.interest_discount_loans_from",
    "national.interest_discount_extension_from": "national.interest_discount_extension_from",
    "national.interest_discount_loans_until": "national.interest_discount_loans_until",
    "national.equipment_window_from": "national.equipment_window_from",
    "national.equipment_window_to": "national.equipment_window_to",
    "national.equipment_unit_limit": "national.equipment_unit_limit",
}

# What the formulas in variables/instruments.py assume of each instrument.
C = lambda c: {"id": None, "category": c}  # noqa: E731
# The checks the plan states on 7a–7c (十四 PUE, the IT-efficiency gain, 十五 second-hand grading):
# a project that states none passes them. The model has no stated checks, so it agrees only on
# projects that state none — as every generated project and edge case does (a stated check would
# show as a disagreement of the totals, which the side-by-side refuses).
STATED = [("plan_check", "data_centre_pue"), ("plan_check", "it_efficiency_gain"), ("plan_check", "second_hand_graded")]
EXPECTED = {
    "5": dict(unit="product", conditions=[("category", "new-material-certification")],
              unit_conditions=[("present", "product.certification_testing")],
              base="product.certification_testing", cap_scope="unit"),
    "7a": dict(unit="loan", conditions=[("category", "technical-renovation"),
                                        ("quantity", "investment.declared", "at_least", "clause7.investment_threshold",
                                         "reading.clause7_threshold_role")] + STATED,
               unit_conditions=[("present", "loan.principal")], base="loan.interest_paid", cap_scope="project",
               counted_from="reading.interest_counted_from"),
    "7b": dict(unit="lease", conditions=[("category", "technical-renovation"),
                                         ("quantity", "investment.declared", "at_least", "clause7.investment_threshold",
                                          "reading.clause7_threshold_role")] + STATED,
               unit_conditions=[("present", "lease.equipment_investment")], base="lease.equipment_investment",
               cap_scope="project"),
    "7c": dict(unit="project", conditions=[("category", "technical-renovation", "reading.clause7c_renovation_role"),
                                           ("category", "particularly-major")] + STATED,
               base="investment.approved_or_declared"),
    "10a": dict(unit="project", conditions=[("any_category", ("basic-software-rd", "industrial-software-rd")),
                                            ("present", "investment.new")], base="investment.new", cap_in_principle=True),
    "13": dict(unit="project", conditions=[("category", "energy-management-centre")], base="investment.approved_or_declared"),
    "16": dict(unit="project", conditions=[("any_category", ("first-set", "first-version", "first-batch")),
                                           ("present", "contract.innovative_product")], base="contract.innovative_product"),
    "17a": dict(unit="loan", conditions=[], unit_conditions=[("flag", "loan.catalogue_first_on_market", True)],
                base="loan.interest_paid", cap_scope="project", counted_from="reading.interest_counted_from"),
    "17b": dict(unit="lease", conditions=[], unit_conditions=[("flag", "lease.innovative_product", True),
                                                              ("present", "lease.equipment_investment")],
                base="lease.equipment_investment", cap_scope="project"),
    "17c": dict(unit="project", conditions=[("category", "especially-innovative"), ("present", "contract.market")],
                base="contract.market"),
    "18": dict(unit="project", conditions=[("category", "benchmark-demonstration"),
                                           ("any_category", ("scenario-ai", "scenario-5g-a", "scenario-industrial-internet",
                                                             "scenario-commercial-aerospace", "scenario-low-altitude",
                                                             "scenario-deep-sea")),
                                           ("present", "investment.declared")], base="investment.declared"),
    "N1": dict(unit="loan", conditions=[("category", "national-candidate-list")],
               unit_conditions=[("flag", "loan.relending_eligible", True),
                                ("purpose_from", (("equipment", "national.interest_discount_loans_from"),
                                                  ("fixedAsset", "national.interest_discount_extension_from"),
                                                  ("technologyInnovation", "national.interest_discount_extension_from"))),
                                ("date", "loan.start_date", "national.interest_discount_loans_from",
                                 "national.interest_discount_loans_until")],
               base="loan.principal_by_day", counted_from="national.interest_discount_from"),
    "N2": dict(unit="loan", conditions=[("category", "national-candidate-list")],
               unit_conditions=[("flag", "loan.relending_eligible", True)], base="loan.principal"),
    "N3": dict(unit="equipment", conditions=[],
               unit_conditions=[("date", "item.purchased", "national.equipment_window_from", "national.equipment_window_to"),
                                ("quantity", "item.unit_price", "at_most", "national.equipment_unit_limit", None)],
               base="item.value"),
    "N4": dict(unit="equipment", conditions=[("category", "encouraged-import"), ("flag", "project.import_confirmation", True)],
               unit_conditions=[("flag", "item.imported", True), ("flag", "item.non_exempt_catalogue", False)],
               base="item.value", ratio_quantity="item.tariff_rate", base_limit="investment.declared"),
}


def condition_signature(c: dict):
    param = lambda v: v.get("param") if isinstance(v, dict) else v  # noqa: E731
    if "category" in c:
        return ("category", c["category"], param(c["role"])) if "role" in c else ("category", c["category"])
    if "purpose_from" in c:
        return ("purpose_from", tuple((k, param(v)) for k, v in c["purpose_from"].items()))
    if "plan_check" in c:
        return ("plan_check", c["plan_check"])
    if "any_category" in c:
        return ("any_category", tuple(c["any_category"]))
    if "present" in c:
        return ("present", c["present"])
    if "flag" in c:
        return ("flag", c["flag"], c.get("equals", True))
    if "date" in c:
        return ("date", c["date"], param(c.get("from")), param(c.get("to")))
    if "quantity" in c:
        for op in ("at_least", "above", "at_most", "below"):
            if op in c:
                return ("quantity", c["quantity"], op, param(c[op]), param(c.get("role")))
    return ("unknown", repr(c))


def as_decimal(value, percent_ok=True):
    text = str(value).strip()
    if percent_ok and text.endswith("%"):
        return Decimal(text[:-1]) / 100
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(text)


def same(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b
    if isinstance(a, (datetime.date, str)) and isinstance(b, (datetime.date, str)):
        try:
            return datetime.date.fromisoformat(str(a)) == datetime.date.fromisoformat(str(b))
        except ValueError:
            return str(a) == str(b)
    try:
        return as_decimal(a) == as_decimal(b)
    except Exception:
        return a == b


def dated_values(spec, default_from):
    """A library value (scalar, or a list of {from, value}) as [(date, value)]."""
    if isinstance(spec, dict) and "param" in spec:
        return ("param", spec["param"])
    if isinstance(spec, list):
        return sorted((str(v["from"]), v["value"]) for v in spec)
    return [(str(default_from), spec)]


def openfisca_values(tbs, path):
    node = tbs.parameters
    for part in path.split("."):
        node = node.children[part]
    return sorted((v.instant_str, v.value) for v in node.values_list)


def main(argv) -> int:
    library = argv[1] if len(argv) > 1 else DEFAULT_LIBRARY
    with open(os.path.join(library, "parameters.yaml")) as f:
        shared = yaml.safe_load(f)
    instruments = {}
    for name in os.listdir(os.path.join(library, "instruments")):
        with open(os.path.join(library, "instruments", name)) as f:
            d = yaml.safe_load(f)
        instruments[str(d["id"])] = d
    tbs = RenewalTaxBenefitSystem()
    problems = []

    def compare(what, ours, theirs):
        if len(ours) != len(theirs) or any(a[0] != b[0] or not same(a[1], b[1]) for a, b in zip(ours, theirs)):
            problems.append(f"{what}: library {ours}, OpenFisca {theirs}")

    for key, id_ in MODELLED.items():
        d = instruments.get(id_)
        if d is None:
            problems.append(f"instrument {id_} is not in the library")
            continue
        start = str(d["in_force_from"])
        if "in_force_until" in d:
            problems.append(f"{id_}: in_force_until is not modelled")
        compare(f"{id_} in force", [(start, True)], openfisca_values(tbs, f"instruments.{key}.in_force"))
        for field in ("ratio", "cap", "years"):
            spec = d.get(field)
            node = tbs.parameters.children["instruments"].children[key].children.get(field)
            if spec is None or (field == "ratio" and isinstance(spec, dict) and "quantity" in spec):
                if node is not None:
                    problems.append(f"{id_}: OpenFisca has {field}, the library none")
                continue
            values = dated_values(spec, start)
            if node is None:
                problems.append(f"{id_}: the library has {field} {spec}, OpenFisca none")
            elif values[0] == "param":
                problems.append(f"{id_}: {field} refers to {values[1]}, not modelled")
            else:
                compare(f"{id_} {field}", values, openfisca_values(tbs, f"instruments.{key}.{field}"))
        e = EXPECTED[id_]
        checks = {
            "unit": d.get("unit"),
            "conditions": [condition_signature(c) for c in d.get("conditions") or []],
            "unit_conditions": [condition_signature(c) for c in d.get("unit_conditions") or []],
            "base": (d.get("base") or {}).get("quantity"),
            "cap_scope": d.get("cap_scope", "project") if "cap" in d else None,
            "counted_from": (d.get("counted_from") or {}).get("param"),
            "base_limit": d.get("base_limit"),
            "cap_in_principle": bool(d.get("cap_in_principle", False)),
            "ratio_quantity": d["ratio"].get("quantity") if isinstance(d.get("ratio"), dict) else None,
        }
        expected = {
            "unit": e["unit"], "conditions": [tuple(c) for c in e["conditions"]],
            "unit_conditions": [tuple(c) for c in e.get("unit_conditions", [])],
            "base": e["base"], "cap_scope": e.get("cap_scope", "project") if "cap" in d else None,
            "counted_from": e.get("counted_from"), "base_limit": e.get("base_limit"),
            "cap_in_principle": e.get("cap_in_principle", False), "ratio_quantity": e.get("ratio_quantity"),
        }
        for field, value in checks.items():
            if value != expected[field]:
                problems.append(f"{id_} {field}: library {value}, the OpenFisca formulas assume {expected[field]}")

    for ours_path, lib_key in SHARED.items():
        spec = shared.get(lib_key)
        if spec is None:
            problems.append(f"library parameter {lib_key} is missing")
            continue
        compare(lib_key, sorted((str(v["from"]), v["value"]) for v in spec["values"]), openfisca_values(tbs, ours_path))

    if problems:
        print("OpenFisca model and policy library differ:")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"OpenFisca parameters and formulas match the policy library ({len(MODELLED)} instruments, "
          f"{len(SHARED)} shared parameters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
