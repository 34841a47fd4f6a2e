"""Parameters in force on each project's own evaluation date.

OpenFisca evaluates a formula for one period and hands it the parameters at that period's
instant. Our engine evaluates every project under the policy in force on its application date,
and these differ from project to project. As the Swift batch engine does, the parameter tree is
cut into intervals at every date on which any parameter changes; each project falls in one
interval (the variable ``policy_interval``), and a parameter's value per project is its value,
read through OpenFisca's ``parameters(instant)``, at the start of the project's interval.
"""
from __future__ import annotations

import datetime

import numpy as np

from . import exact
from openfisca_core.parameters import Parameter, ParameterNode

# The interval before the first change: a day before any parameter.
BEFORE_EVERYTHING = "1900-01-01"


def _start_dates(node: ParameterNode) -> set[str]:
    dates: set[str] = set()
    for child in node.children.values():
        if isinstance(child, Parameter):
            dates.update(v.instant_str for v in child.values_list)
        elif isinstance(child, ParameterNode):
            dates |= _start_dates(child)
    return dates


class Timeline:
    """The change dates of a parameter tree and the representative instant of each interval."""

    def __init__(self, parameters: ParameterNode):
        starts = sorted(_start_dates(parameters))
        self.breakpoints = np.array(starts, dtype="datetime64[D]")
        self.instants = [BEFORE_EVERYTHING] + starts

    def interval(self, dates: np.ndarray) -> np.ndarray:
        """Interval index per date: 0 before the first change, k from breakpoint k-1 on."""
        return np.searchsorted(self.breakpoints, dates.astype("datetime64[D]"), side="right").astype(np.int32)


def timeline(tax_benefit_system) -> Timeline:
    tl = getattr(tax_benefit_system, "_renewal_timeline", None)
    if tl is None:
        tl = Timeline(tax_benefit_system.parameters)
        tax_benefit_system._renewal_timeline = tl
    return tl


def _value_at(parameters_at, instant: str, path: str):
    node = parameters_at(instant)
    for part in path.split("."):
        if node is None:
            return None
        node = getattr(node, part, None)
    return node


# How a parameter value (or None: not set on that date) becomes a number per project.
def _ratio(v):
    return 0 if v is None else exact.ratio_numerator(v)


def _cap(v):
    return exact.NO_CAP if v is None else exact.yuan_to_fen(v)


def _money_or_minus_one(v):
    return -1 if v is None else exact.yuan_to_fen(v)


def _flag(v):
    return bool(v) if v is not None else False


def _years(v):
    return np.iinfo(np.int32).max if v is None else int(v)


def _day(v):
    # "2024-01-01" → datetime64; not set → NaT.
    if v is None:
        return np.datetime64("NaT", "D")
    d = v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))
    return np.datetime64(d.isoformat(), "D")


def _word(expected):
    return lambda v: v == expected


CONVERTERS = {
    "ratio": (_ratio, np.int64),
    "cap": (_cap, np.int64),
    "money": (_money_or_minus_one, np.int64),
    "flag": (_flag, np.bool_),
    "years": (_years, np.int64),
    "day": (_day, "datetime64[D]"),
}


def dated(projects, period, parameters, path: str, kind: str, word: str | None = None) -> np.ndarray:
    """The parameter at `path`, per project, as in force on the project's evaluation date.

    kind: ratio (numerator over 10**9; 0 when not set), cap (fen; NO_CAP when not set), money
    (fen; -1 when not set), flag, years (a large number when not set), day (datetime64[D]; NaT when
    not set), or word (True where the value equals `word`).
    """
    simulation = projects.simulation
    cache = simulation.__dict__.setdefault("_renewal_dated", {})
    key = (path, kind, word)
    table = cache.get(key)
    if table is None:
        tbs = simulation.tax_benefit_system
        node = tbs.parameters
        for part in path.split("."):  # a misspelt path is an error, not a parameter "not set"
            node = node.children[part] if isinstance(node, ParameterNode) and part in node.children else None
            if node is None:
                raise KeyError(f"no parameter {path}")
        tl = timeline(tbs)
        if kind == "word":
            convert, dtype = _word(word), np.bool_
        else:
            convert, dtype = CONVERTERS[kind]
        table = np.array([convert(_value_at(parameters, i, path)) for i in tl.instants], dtype=dtype)
        cache[key] = table
    return table[projects("policy_interval", period)]
