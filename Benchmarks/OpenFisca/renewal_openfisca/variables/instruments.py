"""The instruments: each one's standalone amount per project, in fen.

Standalone = the instrument on its own, with every eligible contract of the project, its caps
applied, where its conditions hold on the project's evaluation date (the Swift engine's
"standalone" figure). The recommended combination (one grant, one instrument per contract under
shared caps) is not modelled here.

For every instrument ``X`` (i5, i7a, …, n4) there is ``X_matched`` (conditions held, with at least
one eligible contract for per-contract instruments) and ``X`` (the amount, 0 where not matched).
Per-contract instruments also have one variable per slot: ``X_loan_k`` / ``X_lease_k`` /
``X_product_k`` / ``X_item_k`` (the contract's amount before the project cap) and
``…_eligible`` (its unit conditions held).

Every amount is base × ratio rounded down to the fen (per contract and per year for yearly
bases), then capped; all arithmetic is exact int64 (see exact.py). Variables are defined per
YEAR because OpenFisca cannot run a formula for ETERNITY; the year asked for is nominal: the
parameters applied are those in force on each project's ``evaluation_date`` (see dated.py).
"""
from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit

from .. import exact
from ..dated import dated
from .base import NOT_GIVEN64, any_of, interest_years, make, slots, year_of
from .project import category_variable

Y = DateUnit.YEAR
CLAUSE = "沪经信技〔2024〕355号 第（{}）条"


def cat(projects, period, *categories):
    """The project has any of the categories."""
    return any_of((projects(category_variable(c), period) for c in categories), projects.count)


def approved_or_declared(projects, period):
    approved = projects("investment_approved", period)
    return np.where(approved >= 0, approved, projects("investment_declared", period))


def in_force(projects, period, parameters, key):
    return dated(projects, period, parameters, f"instruments.{key}.in_force", "flag")


def ratio(projects, period, parameters, key):
    return dated(projects, period, parameters, f"instruments.{key}.ratio", "ratio")


def cap_of(projects, period, parameters, key):
    return dated(projects, period, parameters, f"instruments.{key}.cap", "cap")


# ---------------------------------------------------------------------------------------------
# Grants and other instruments whose unit is the project itself.

def _project_conditions(key):
    """Project conditions of each per-project instrument (Policies/…/instruments/*.yaml)."""
    return {
        # 7c: particularly-major, and technical-renovation unless reading 13 waives it.
        "i7c": lambda P, t, params: (cat(P, t, "technical-renovation")
                             | dated(P, t, params, "readings.clause7c_renovation_role", "word", "waived"))
        & cat(P, t, "particularly-major"),
        # 10a: basic- or industrial-software R&D; new investment given (present: > 0).
        "i10a": lambda P, t, params: cat(P, t, "basic-software-rd", "industrial-software-rd") & (P("investment_new", t) > 0),
        # 13: energy-management centre.
        "i13": lambda P, t, params: cat(P, t, "energy-management-centre"),
        # 16: first set / first version / first batch; innovative-product contract given.
        "i16": lambda P, t, params: cat(P, t, "first-set", "first-version", "first-batch") & (P("innovative_product_contract", t) > 0),
        # 17c: especially innovative; market contract given.
        "i17c": lambda P, t, params: cat(P, t, "especially-innovative") & (P("market_contract", t) > 0),
        # 18: benchmark demonstration, in one of the named fields; project investment given.
        "i18": lambda P, t, params: cat(P, t, "benchmark-demonstration")
        & cat(P, t, "scenario-ai", "scenario-5g-a", "scenario-industrial-internet", "scenario-commercial-aerospace",
              "scenario-low-altitude", "scenario-deep-sea")
        & (P("investment_declared", t) > 0),
    }[key]


_PROJECT_BASES = {
    "i7c": approved_or_declared,  # 核定项目投资, declared until approved (reading 8)
    "i10a": lambda P, t: P("investment_new", t),
    "i13": approved_or_declared,
    "i16": lambda P, t: P("innovative_product_contract", t),
    "i17c": lambda P, t: P("market_contract", t),
    "i18": lambda P, t: P("investment_declared", t),
}
_PROJECT_CLAUSES = {"i7c": "七", "i10a": "十", "i13": "十三", "i16": "十六", "i17c": "十七", "i18": "十八"}


def _project_instrument(key):
    conditions = _project_conditions(key)
    base_of = _PROJECT_BASES[key]

    def matched(projects, period, parameters):
        return in_force(projects, period, parameters, key) & conditions(projects, period, parameters)

    def amount(projects, period, parameters):
        base = np.maximum(base_of(projects, period), 0)
        raw = exact.apply_ratio(base, ratio(projects, period, parameters, key))
        cap = cap_of(projects, period, parameters, key)
        if key == "i10a":
            # 原则上 ("in principle") cap: hard unless the reading says advisory (reading 10).
            hard = dated(projects, period, parameters, "readings.in_principle_caps", "word", "hard")
            cap = np.where(hard, cap, exact.NO_CAP)
        return np.where(projects(f"{key}_matched", period), exact.cap(raw, cap), 0)

    ref = CLAUSE.format(_PROJECT_CLAUSES[key])
    return [
        make(f"{key}_matched", kind="bool", period=Y, formula=matched, reference=ref,
             label=f"Instrument {key[1:]}: conditions held on the evaluation date"),
        make(key, kind="money", period=Y, formula=amount, reference=ref,
             label=f"Instrument {key[1:]}: standalone amount (fen)"),
    ]


# ---------------------------------------------------------------------------------------------
# Per-contract instruments: a unit variable per slot, summed per project, then the project cap.

def _total(key, unit, count, project_conditions=None, project_cap=True):
    """``key_matched`` and ``key`` from the per-slot variables ``key_unit_k`` / ``…_eligible``."""

    def matched(projects, period, parameters):
        ok = in_force(projects, period, parameters, key)
        if project_conditions is not None:
            ok = ok & project_conditions(projects, period, parameters)
        n = getattr(slots(projects), count)
        return ok & any_of((projects(f"{key}_{unit}_{k}_eligible", period) for k in range(1, n + 1)), projects.count)

    def amount(projects, period, parameters):
        n = getattr(slots(projects), count)
        total = np.zeros(projects.count, dtype=np.int64)
        for k in range(1, n + 1):
            total += projects(f"{key}_{unit}_{k}", period)
        if project_cap:
            # Shared by all the project's contracts under the instrument (cap_scope: project).
            total = exact.cap(total, cap_of(projects, period, parameters, key))
        return np.where(projects(f"{key}_matched", period), total, 0)

    return matched, amount


def _unit_pair(key, unit, k, eligible, amount, what):
    return [
        make(f"{key}_{unit}_{k}_eligible", kind="bool", period=Y, formula=eligible,
             label=f"Instrument {key[1:]}: {unit} {k} meets the unit conditions"),
        make(f"{key}_{unit}_{k}", kind="money", period=Y, formula=amount,
             label=f"Instrument {key[1:]}: {what} of {unit} {k} (fen)"),
    ]


def _window_amount(projects, period, k, base, ratio_num, counted_from, window):
    """Σ floor(base_y × ratio) over the loan's window of years (readings 2 and 12).

    Years before the counting year are ignored; the window opens with the first counted year
    whose base is above zero and lasts `window` calendar years; a year inside it with nothing
    paid still uses its place. base: "interest" (interest paid that year) or "principal" (the
    principal, for each year with interest paid).
    """
    n = projects.count
    none = np.iinfo(np.int64).max
    first = np.full(n, none, dtype=np.int64)
    counted_year = year_of(counted_from, missing=np.iinfo(np.int64).min)
    principal = projects(f"loan_{k}_principal", period)
    total = np.zeros(n, dtype=np.int64)
    for y in interest_years(projects):
        interest = projects(f"loan_{k}_interest_paid", str(y))
        amount = interest if base == "interest" else np.where(interest > 0, principal, 0)
        opens = (first == none) & (y >= counted_year) & (amount > 0)
        first = np.where(opens, y, first)
        inside = (first != none) & (y - first < window)
        total += np.where(inside, exact.apply_ratio(amount, ratio_num), 0)
    return total


def _loan_instrument(S, key, clause, unit_ok, base, counted_path, project_conditions=None, yearly=True, project_cap=True):
    out = []
    for k in range(1, S.loans + 1):
        def eligible(projects, period, parameters, k=k):
            return unit_ok(projects, period, k)

        def amount(projects, period, parameters, k=k):
            r = ratio(projects, period, parameters, key)
            if yearly:
                counted = dated(projects, period, parameters, counted_path, "day")
                window = dated(projects, period, parameters, f"instruments.{key}.years", "years")
                value = _window_amount(projects, period, k, base, r, counted, window)
            else:
                value = exact.apply_ratio(projects(f"loan_{k}_principal", period), r)
            return np.where(projects(f"{key}_loan_{k}_eligible", period), value, 0)

        out += _unit_pair(key, "loan", k, eligible, amount, "amount before the project cap")
    matched, amount = _total(key, "loan", "loans", project_conditions, project_cap)
    ref = CLAUSE.format(clause) if clause else None
    out += [
        make(f"{key}_matched", kind="bool", period=Y, formula=matched, reference=ref,
             label=f"Instrument {key[1:]}: conditions held and at least one eligible loan"),
        make(key, kind="money", period=Y, formula=amount, reference=ref,
             label=f"Instrument {key[1:]}: standalone amount (fen)"),
    ]
    return out


def _lease_instrument(S, key, clause, unit_ok, project_conditions=None):
    out = []
    for k in range(1, S.leases + 1):
        def eligible(projects, period, parameters, k=k):
            return unit_ok(projects, period, k)

        def amount(projects, period, parameters, k=k):
            value = exact.apply_ratio(projects(f"lease_{k}_equipment_investment", period), ratio(projects, period, parameters, key))
            return np.where(projects(f"{key}_lease_{k}_eligible", period), value, 0)

        out += _unit_pair(key, "lease", k, eligible, amount, "amount before the project cap")
    matched, amount = _total(key, "lease", "leases", project_conditions)
    ref = CLAUSE.format(clause)
    out += [
        make(f"{key}_matched", kind="bool", period=Y, formula=matched, reference=ref,
             label=f"Instrument {key[1:]}: conditions held and at least one eligible lease"),
        make(key, kind="money", period=Y, formula=amount, reference=ref,
             label=f"Instrument {key[1:]}: standalone amount (fen)"),
    ]
    return out


def _clause7_conditions(projects, period, parameters):
    """7a / 7b: a technical-renovation project. The 20,000,000 threshold is a priority, not a
    bar (reading 1), unless the reading says bar: then investment ≥ threshold is required."""
    bar = dated(projects, period, parameters, "readings.clause7_threshold_role", "word", "bar")
    threshold = dated(projects, period, parameters, "clause7.investment_threshold", "money")
    declared = projects("investment_declared", period)
    meets = (threshold >= 0) & (declared >= 0) & (declared >= threshold)
    return cat(projects, period, "technical-renovation") & (~bar | meets)


def _national_list(projects, period, parameters):
    return cat(projects, period, "national-candidate-list")


# --- N1: counted by days from the loan's disbursement, each day at the rate in force on it. ---

def _rate_steps(parameters, path):
    """The whole dated history of a ratio parameter as (first day, numerator over 10**9): a
    discount running over two years crosses the rate's changes, whatever the evaluation date."""
    node = parameters
    for part in path.split("."):
        node = node.children[part]
    steps = sorted((v.instant_str, v.value) for v in node.values_list)
    return [(np.datetime64(day, "D"), 0 if value is None else exact.ratio_numerator(value)) for day, value in steps]


def _add_years(days, n):
    """The same day n years later; 29 February becomes 1 March (datetime64 arithmetic spills the
    day past the month's end, as DailyDiscount does)."""
    months = days.astype("datetime64[M]")
    day_of_month = (days - months.astype("datetime64[D]")).astype(np.int64)
    return (months + np.asarray(n, dtype=np.int64) * 12).astype("datetime64[D]") + day_of_month


def _n1_loan_amount(projects, period, parameters, k):
    """Σ over calendar years of floor(principal × Σ_days rate / days of the year): the period runs
    from the start date up to, not including, its anniversary `years` later or the end date;
    days before the counting day are left out (DailyDiscount.swift)."""
    start = projects(f"loan_{k}_start", period)
    end = projects(f"loan_{k}_end", period)
    principal = projects(f"loan_{k}_principal", period)
    years = dated(projects, period, parameters, "instruments.n1.years", "years")
    counted = dated(projects, period, parameters, "national.interest_discount_from", "day")
    given = start != NOT_GIVEN64
    safe_start = np.where(given, start, np.datetime64("2000-01-01", "D"))
    first = np.where(np.isnat(counted), safe_start, np.maximum(safe_start, counted))
    last = _add_years(safe_start, np.minimum(years, 100))
    last = np.where(end != NOT_GIVEN64, np.minimum(last, end), last)
    steps = _rate_steps(projects.simulation.tax_benefit_system.parameters, "instruments.n1.ratio")
    total = np.zeros(projects.count, dtype=np.int64)
    active = given & (first < last) & (principal > 0)
    if not active.any():
        return total
    lo_year = int(first[active].astype("datetime64[Y]").astype(np.int64).min()) + 1970
    hi_year = int((last[active] - np.timedelta64(1, "D")).astype("datetime64[Y]").astype(np.int64).max()) + 1970
    for y in range(lo_year, hi_year + 1):
        year_start, year_end = np.datetime64(f"{y:04d}-01-01", "D"), np.datetime64(f"{y + 1:04d}-01-01", "D")
        lo, hi = np.maximum(first, year_start), np.minimum(last, year_end)
        weight = np.zeros(projects.count, dtype=np.int64)
        for s, (step_from, numerator) in enumerate(steps):
            step_end = steps[s + 1][0] if s + 1 < len(steps) else np.datetime64("9999-12-31", "D")
            days = (np.minimum(hi, step_end) - np.maximum(lo, step_from)).astype(np.int64)
            weight += np.where(days > 0, numerator * days, 0)
        divisor = exact.RATIO_SCALE * int((year_end - year_start).astype(np.int64))
        total += np.where(active & (lo < hi), exact.mul_div(np.maximum(principal, 0), weight, divisor), 0)
    return total


def _n1_loan_eligible(projects, period, parameters, k):
    """Relending-eligible, and covered on its start (disbursement) date: each purpose from its own
    day (equipment loans from 2024-06-25; fixed-asset and technology-innovation loans from
    2026-01-20), all disbursed within the policy's window."""
    start = projects(f"loan_{k}_start", period)
    purpose = projects(f"loan_{k}_purpose", period)
    loans_from = dated(projects, period, parameters, "national.interest_discount_loans_from", "day")
    extension = dated(projects, period, parameters, "national.interest_discount_extension_from", "day")
    until = dated(projects, period, parameters, "national.interest_discount_loans_until", "day")
    given = start != NOT_GIVEN64
    covered_from = np.where(purpose == 0, loans_from, extension)
    covered = ~np.isnat(covered_from) & (covered_from <= start)
    within = (np.isnat(loans_from) | (loans_from <= start)) & (np.isnat(until) | (start <= until))
    return projects(f"loan_{k}_relending_eligible", period) & given & covered & within


def _instrument_n1(S):
    out = []
    for k in range(1, S.loans + 1):
        def eligible(projects, period, parameters, k=k):
            return _n1_loan_eligible(projects, period, parameters, k)

        def amount(projects, period, parameters, k=k):
            return np.where(projects(f"n1_loan_{k}_eligible", period), _n1_loan_amount(projects, period, parameters, k), 0)

        out += _unit_pair("n1", "loan", k, eligible, amount, "discount over its period")
    matched, amount = _total("n1", "loan", "loans", _national_list, project_cap=False)
    out += [
        make("n1_matched", kind="bool", period=Y, formula=matched,
             label="N1: project on the national list with at least one covered, relending-eligible loan"),
        make("n1", kind="money", period=Y, formula=amount, label="N1: central interest discount, by days (fen)"),
    ]
    return out


# --- Instrument 5: per product (reading 9), capped per product. ---

def _instrument_5(S):
    out = []
    for p in range(1, S.products + 1):
        def base(projects, period, parameters, p=p):
            total = np.zeros(projects.count, dtype=np.int64)
            for k in range(1, S.certifications + 1):
                total += np.where(projects(f"certification_{k}_product", period) == p,
                                  projects(f"certification_{k}_amount", period), 0)
            return total

        def eligible(projects, period, parameters, p=p):
            return projects(f"product_{p}_certification_testing", period) > 0

        def amount(projects, period, parameters, p=p):
            raw = exact.apply_ratio(projects(f"product_{p}_certification_testing", period), ratio(projects, period, parameters, "i5"))
            capped = exact.cap(raw, cap_of(projects, period, parameters, "i5"))  # cap_scope: unit
            return np.where(projects(f"i5_product_{p}_eligible", period), capped, 0)

        out.append(make(f"product_{p}_certification_testing", kind="money", period=Y, formula=base,
                        label=f"Product {p}: certification plus testing contract amounts (fen, reading 9)"))
        out += _unit_pair("i5", "product", p, eligible, amount, "amount after the per-product cap")
    matched, amount = _total("i5", "product", "products",
                             lambda P, t, params: cat(P, t, "new-material-certification"), project_cap=False)
    out += [
        make("i5_matched", kind="bool", period=Y, formula=matched, reference=CLAUSE.format("五"),
             label="Instrument 5: new-material certification project with at least one product with contract amounts"),
        make("i5", kind="money", period=Y, formula=amount, reference=CLAUSE.format("五"),
             label="Instrument 5: standalone amount (fen)"),
    ]
    return out


# --- N3, N4: per equipment item. ---

def _item_value(projects, period, k):
    return projects(f"item_{k}_unit_price", period) * projects(f"item_{k}_quantity", period)


def _instrument_n3(S):
    out = []
    for k in range(1, S.items + 1):
        def eligible(projects, period, parameters, k=k):
            bought = projects(f"item_{k}_purchased", period)
            in_use = projects(f"item_{k}_put_into_use", period)
            day = np.where(bought != NOT_GIVEN64, bought, in_use)  # purchased, else put into use
            given = day != NOT_GIVEN64
            start = dated(projects, period, parameters, "national.equipment_window_from", "day")
            end = dated(projects, period, parameters, "national.equipment_window_to", "day")
            within = given & (np.isnat(start) | (start <= day)) & (np.isnat(end) | (day <= end))
            limit = dated(projects, period, parameters, "national.equipment_unit_limit", "money")
            return within & (limit >= 0) & (projects(f"item_{k}_unit_price", period) <= limit)

        def amount(projects, period, parameters, k=k):
            value = exact.apply_ratio(_item_value(projects, period, k), ratio(projects, period, parameters, "n3"))
            return np.where(projects(f"n3_item_{k}_eligible", period), value, 0)

        out += _unit_pair("n3", "item", k, eligible, amount, "deductible amount")
    matched, amount = _total("n3", "item", "items", None, project_cap=False)
    out += [
        make("n3_matched", kind="bool", period=Y, formula=matched, label="N3: at least one eligible item"),
        make("n3", kind="money", period=Y, formula=amount, label="N3: amount deductible at once (fen)"),
    ]
    return out


def _instrument_n4(S):
    out = []
    for k in range(1, S.items + 1):
        def eligible(projects, period, parameters, k=k):
            return projects(f"item_{k}_imported", period) & ~projects(f"item_{k}_non_exempt_catalogue", period)

        def base(projects, period, parameters, k=k):
            # Items are taken in input order until the declared investment is used up (base_limit).
            declared = projects("investment_declared", period)
            left = np.where(declared >= 0, declared, exact.NO_CAP)
            for j in range(1, k):
                left = left - projects(f"n4_item_{j}_base", period)
            value = np.minimum(_item_value(projects, period, k), np.maximum(left, 0))
            return np.where(projects(f"n4_item_{k}_eligible", period), value, 0)

        def amount(projects, period, parameters, k=k):
            rate = projects(f"item_{k}_tariff_rate", period)
            # An item without a tariff rate exempts nothing but still uses up investment (as
            # AmountCalculator does).
            return np.where(rate >= 0, exact.apply_ratio(projects(f"n4_item_{k}_base", period), np.maximum(rate, 0)), 0)

        out.append(make(f"n4_item_{k}_base", kind="money", period=Y, formula=base,
                        label=f"N4: value of item {k} within the declared investment (fen)"))
        out += _unit_pair("n4", "item", k, eligible, amount, "duty exempted")
    matched, amount = _total("n4", "item", "items",
                             lambda P, t, params: cat(P, t, "encouraged-import") & P("import_confirmation", t),
                             project_cap=False)
    out += [
        make("n4_matched", kind="bool", period=Y, formula=matched,
             label="N4: encouraged project with confirmation letter, at least one eligible imported item"),
        make("n4", kind="money", period=Y, formula=amount, label="N4: import duty exempted (fen)"),
    ]
    return out


# The modelled instruments, in the library's order, and the key of each in the totals JSON.
MODELLED = {"i5": "5", "i7a": "7a", "i7b": "7b", "i7c": "7c", "i10a": "10a", "i13": "13", "i16": "16",
            "i17a": "17a", "i17b": "17b", "i17c": "17c", "i18": "18", "n1": "N1", "n2": "N2", "n3": "N3", "n4": "N4"}

def variables(S) -> list[type]:
    """The instrument variables for a system with the slot counts S (contracts.Slots)."""
    out = _instrument_5(S)
    out += _loan_instrument(S, "i7a", "七", lambda P, t, k: P(f"loan_{k}_principal", t) > 0, "interest",
                            "readings.interest_counted_from", _clause7_conditions)
    out += _lease_instrument(S, "i7b", "七", lambda P, t, k: P(f"lease_{k}_equipment_investment", t) > 0, _clause7_conditions)
    out += _project_instrument("i7c")
    out += _project_instrument("i10a")
    out += _project_instrument("i13")
    out += _project_instrument("i16")
    out += _loan_instrument(S, "i17a", "十七",
                            lambda P, t, k: P(f"loan_{k}_has_catalogue_product", t) & P(f"loan_{k}_first_on_market", t),
                            "interest", "readings.interest_counted_from")
    out += _lease_instrument(S, "i17b", "十七", lambda P, t, k: P(f"lease_{k}_innovative_product", t)
                             & (P(f"lease_{k}_equipment_investment", t) > 0))
    out += _project_instrument("i17c")
    out += _project_instrument("i18")
    out += _instrument_n1(S)
    out += _loan_instrument(S, "n2", None, lambda P, t, k: P(f"loan_{k}_relending_eligible", t), None, None,
                            _national_list, yearly=False, project_cap=False)
    out += _instrument_n3(S)
    out += _instrument_n4(S)
    return out
