"""Variable kinds and small helpers shared by the formulas."""
from __future__ import annotations

import datetime

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Project

# A date that is not given (OpenFisca dates have no missing value).
NOT_GIVEN = datetime.date(1, 1, 1)
NOT_GIVEN64 = np.datetime64("0001-01-01", "D")


class Int64Variable(Variable):
    """OpenFisca's int variables are int32; money in fen needs int64. Subclasses still declare
    ``value_type = int`` themselves (OpenFisca reads it from the class's own attributes)."""

    def __init__(self, baseline_variable=None) -> None:
        super().__init__(baseline_variable)
        self.dtype = np.int64


def make(name: str, *, kind: str, label: str, period=DateUnit.ETERNITY, default=None, formula=None,
         reference: str | None = None, documentation: str | None = None) -> type:
    """A variable class made at run time (numbered slots, one per instrument and contract).

    kind: money (int64 fen), int64, int (int32), bool, date.
    """
    attrs = {"entity": Project, "definition_period": period, "label": label}
    base = Variable
    if kind in ("money", "int64"):
        base, attrs["value_type"] = Int64Variable, int
    elif kind == "int":
        attrs["value_type"] = int
    elif kind == "bool":
        attrs["value_type"] = bool
    elif kind == "date":
        attrs["value_type"] = datetime.date
    else:
        raise ValueError(kind)
    if kind == "money":
        attrs["unit"] = "fen"
    if default is not None:
        attrs["default_value"] = default
    if reference:
        attrs["reference"] = reference
    if documentation:
        attrs["documentation"] = documentation
    if formula is not None:
        attrs["formula"] = formula
    return type(name, (base,), attrs)


def slots(projects):
    return projects.simulation.tax_benefit_system.slots


def any_of(arrays, n):
    out = np.zeros(n, dtype=bool)
    for a in arrays:
        out |= a
    return out


def year_of(days: np.ndarray, missing: int) -> np.ndarray:
    """Calendar year of datetime64[D] values; `missing` where NaT."""
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    return np.where(np.isnat(days), missing, years)


def interest_years(projects) -> list[int]:
    """The calendar years for which any loan slot has interest paid given (OpenFisca's known
    periods of the yearly inputs), cached per simulation."""
    sim = projects.simulation
    years = sim.__dict__.get("_renewal_interest_years")
    if years is None:
        found: set[int] = set()
        for k in range(1, slots(projects).loans + 1):
            holder = projects.get_holder(f"loan_{k}_interest_paid")
            found.update(p.start.year for p in holder.get_known_periods())
        years = sorted(found)
        sim._renewal_interest_years = years
    return years
