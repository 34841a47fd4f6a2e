"""Reads the population (JSON Lines written by `MatchBenchmark --write-population`: one
{"enterprise": …, "projects": […]} per line) into numpy arrays, one per OpenFisca input variable.

What this loader does beyond reading (everything else is computed by OpenFisca formulas):
- lays each project's lists out in numbered slots (loan_k_…, lease_k_…, certification_k_…,
  item_k_…), as many slots as the largest list in the population;
- numbers the products of instrument 5: each certification or testing contract gets the ordinal
  (1, 2, …) of its productId in order of first appearance in the project (OpenFisca has no
  strings to group by; the per-product sums are formulas);
- turns decimal text into integers: money into fen, tariff rates into numerators over 10**9, with
  no floating point;
- takes the evaluation date of a project from its applicationDate (2025-06-30 when absent, as
  MatchBenchmark's default day).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from renewal_openfisca import Slots
from renewal_openfisca.variables.base import NOT_GIVEN64
from renewal_openfisca.variables.project import CATEGORIES, category_variable

DEFAULT_DAY = "2025-06-30"
RATIO_DIGITS = 9


def fen(value) -> int:
    """Decimal text (or an int) of yuan with at most two decimals → fen."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f"negative amount {value}")
        return value * 100
    text = str(value).strip()
    whole, dot, frac = text.partition(".")
    if not whole.isdigit() or (dot and (not frac.isdigit() or len(frac) > 2)) or not whole.isascii():
        raise ValueError(f"not an amount of yuan: {value!r}")
    return int(whole) * 100 + (int(frac.ljust(2, "0")) if frac else 0)


def rate_numerator(value) -> int:
    """"0.08", "8%", 0.08 (as text) → numerator over 10**9; must lie in [0, 1]."""
    text = str(value).strip()
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    whole, dot, frac = text.partition(".")
    digits = len(frac) + (2 if percent else 0)
    if not whole.isdigit() or (dot and not frac.isdigit()) or digits > RATIO_DIGITS:
        raise ValueError(f"not a rate: {value!r}")
    numerator = int(whole + frac) * 10 ** (RATIO_DIGITS - digits)
    if numerator > 10**RATIO_DIGITS:
        raise ValueError(f"rate above 1: {value!r}")
    return numerator


@dataclass
class Population:
    ids: list[str]
    slots: Slots
    # name → array, for variables defined per ETERNITY
    eternal: dict[str, np.ndarray] = field(default_factory=dict)
    # (name, year) → array, for the yearly interest inputs
    yearly: dict[tuple[str, int], np.ndarray] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.ids)


# LoanPurpose's cases in order (Sources/Policy/Input/ProjectFile.swift).
LOAN_PURPOSES = ["equipment", "fixedAsset", "technologyInnovation"]


def load(path: str) -> Population:
    ids: list[str] = []
    dates: list[str] = []
    money = {k: [] for k in ("investment_declared", "investment_approved", "investment_new",
                             "innovative_product_contract", "market_contract")}
    confirmation: list[int] = []
    category_index = {c: category_variable(c) for c in CATEGORIES}
    categories = defaultdict(list)  # variable → project indices
    # Slot inputs: variable → (indices, values)
    slot_values = defaultdict(lambda: ([], []))
    interest = defaultdict(lambda: ([], []))  # (variable, year) → (indices, fen)
    max_loans = max_leases = max_certs = max_items = 0

    def put(name, i, v):
        idx, vals = slot_values[name]
        idx.append(i)
        vals.append(v)

    with open(path, encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line, parse_float=str)
                projects = record["projects"]
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{path}:{line_number}: {e}") from None
            for p in projects:
                i = len(ids)
                ids.append(p["id"])
                dates.append(p.get("applicationDate") or DEFAULT_DAY)
                inv = p.get("investment") or {}
                for key, src in (("investment_declared", inv.get("declared")), ("investment_approved", inv.get("approved")),
                                 ("investment_new", inv.get("new"))):
                    money[key].append(-1 if src is None else fen(src))
                for key, src in (("innovative_product_contract", p.get("innovativeProductContract")),
                                 ("market_contract", p.get("marketContract"))):
                    money[key].append(-1 if src is None else fen(src["amount"]))
                confirmation.append(1 if p.get("importConfirmation") else 0)
                for c in p.get("categories") or ():
                    var = category_index.get(c)
                    if var is not None:
                        categories[var].append(i)

                loans = p.get("loans") or ()
                max_loans = max(max_loans, len(loans))
                for k, loan in enumerate(loans, 1):
                    put(f"loan_{k}_principal", i, fen(loan["principal"]))
                    if loan.get("catalogueProductId") is not None:
                        put(f"loan_{k}_has_catalogue_product", i, True)
                    if loan.get("firstOnMarket"):
                        put(f"loan_{k}_first_on_market", i, True)
                    if loan.get("relendingEligible"):
                        put(f"loan_{k}_relending_eligible", i, True)
                    if loan.get("startDate"):
                        put(f"loan_{k}_start", i, loan["startDate"])
                    if loan.get("endDate"):
                        put(f"loan_{k}_end", i, loan["endDate"])
                    if loan.get("purpose"):
                        put(f"loan_{k}_purpose", i, LOAN_PURPOSES.index(loan["purpose"]))
                    for year, amount in (loan.get("interestPaid") or {}).items():
                        idx, vals = interest[(f"loan_{k}_interest_paid", int(year))]
                        idx.append(i)
                        vals.append(fen(amount))

                leases = p.get("leases") or ()
                max_leases = max(max_leases, len(leases))
                for k, lease in enumerate(leases, 1):
                    put(f"lease_{k}_equipment_investment", i, fen(lease["equipmentInvestment"]))
                    if lease.get("innovativeProduct"):
                        put(f"lease_{k}_innovative_product", i, True)

                certs = p.get("certifications") or ()
                max_certs = max(max_certs, len(certs))
                products: dict[str, int] = {}
                for k, c in enumerate(certs, 1):
                    ordinal = products.setdefault(c["productId"], len(products) + 1)
                    put(f"certification_{k}_product", i, ordinal)
                    put(f"certification_{k}_amount", i, fen(c["amount"]))

                items = p.get("equipment") or ()
                max_items = max(max_items, len(items))
                for k, item in enumerate(items, 1):
                    put(f"item_{k}_quantity", i, int(item["quantity"]))
                    put(f"item_{k}_unit_price", i, fen(item["unitPrice"]))
                    if item.get("purchased"):
                        put(f"item_{k}_purchased", i, item["purchased"])
                    if item.get("putIntoUse"):
                        put(f"item_{k}_put_into_use", i, item["putIntoUse"])
                    if item.get("imported"):
                        put(f"item_{k}_imported", i, True)
                    if item.get("nonExemptCatalogue"):
                        put(f"item_{k}_non_exempt_catalogue", i, True)
                    if item.get("tariffRate") is not None:
                        put(f"item_{k}_tariff_rate", i, rate_numerator(item["tariffRate"]))

    n = len(ids)
    slots = Slots(loans=max(max_loans, 1), leases=max(max_leases, 1), certifications=max(max_certs, 1), items=max(max_items, 1))
    pop = Population(ids=ids, slots=slots)
    pop.eternal["evaluation_date"] = np.array(dates, dtype="datetime64[D]")
    for key, values in money.items():
        pop.eternal[key] = np.array(values, dtype=np.int64)
    pop.eternal["import_confirmation"] = np.array(confirmation, dtype=bool)
    for c in CATEGORIES:
        a = np.zeros(n, dtype=bool)
        a[np.array(categories.get(category_index[c], []), dtype=np.int64)] = True
        pop.eternal[category_index[c]] = a

    def defaults(name):
        if name.endswith(("_purchased", "_put_into_use", "_start", "_end")):
            return np.full(n, NOT_GIVEN64, dtype="datetime64[D]")
        if name.endswith("_tariff_rate"):
            return np.full(n, -1, dtype=np.int64)
        if name.endswith(("_has_catalogue_product", "_first_on_market", "_relending_eligible", "_innovative_product",
                          "_imported", "_non_exempt_catalogue")):
            return np.zeros(n, dtype=bool)
        if name.endswith(("_product", "_purpose")):
            return np.zeros(n, dtype=np.int32)
        return np.zeros(n, dtype=np.int64)

    for name, (idx, vals) in slot_values.items():
        a = defaults(name)
        a[np.array(idx, dtype=np.int64)] = np.array(vals, dtype=a.dtype)
        pop.eternal[name] = a
    for (name, year), (idx, vals) in interest.items():
        a = np.zeros(n, dtype=np.int64)
        a[np.array(idx, dtype=np.int64)] = np.array(vals, dtype=np.int64)
        pop.yearly[(name, year)] = a
    return pop
