"""Per-project lists laid out as numbered slots: loan_1_…, loan_2_…, lease_k_…, certification_k_…,
item_k_…. The number of slots of each kind is the largest count in the population (the loader
measures it and builds the system with it). An unused slot keeps the defaults, which no unit
condition accepts (zero amounts, false flags)."""
from __future__ import annotations

from dataclasses import dataclass

from openfisca_core.periods import DateUnit

from .base import NOT_GIVEN, make


@dataclass(frozen=True)
class Slots:
    loans: int = 1
    leases: int = 1
    certifications: int = 1
    items: int = 1

    @property
    def products(self) -> int:
        # A project has at most as many products as certification contracts.
        return self.certifications


def variables(slots: Slots) -> list[type]:
    out = []
    for k in range(1, slots.loans + 1):
        out += [
            make(f"loan_{k}_principal", kind="money", label=f"Loan {k}: principal (fen)", default=0),
            make(f"loan_{k}_interest_paid", kind="money", period=DateUnit.YEAR, default=0,
                 label=f"Loan {k}: interest actually paid in the calendar year (fen)"),
            make(f"loan_{k}_has_catalogue_product", kind="bool",
                 label=f"Loan {k}: buys a product of the innovative-product catalogue (catalogueProductId given)"),
            make(f"loan_{k}_first_on_market", kind="bool", label=f"Loan {k}: the product is on the market for the first time"),
            make(f"loan_{k}_relending_eligible", kind="bool", label=f"Loan {k}: qualifies for central-bank relending"),
            make(f"loan_{k}_start", kind="date", default=NOT_GIVEN,
                 label=f"Loan {k}: start (disbursement) date (0001-01-01 = not given)"),
            make(f"loan_{k}_end", kind="date", default=NOT_GIVEN, label=f"Loan {k}: end date (0001-01-01 = not given)"),
            make(f"loan_{k}_purpose", kind="int", default=0,
                 label=f"Loan {k}: what it finances (0 equipment, 1 fixed asset, 2 technology innovation)"),
        ]
    for k in range(1, slots.leases + 1):
        out += [
            make(f"lease_{k}_equipment_investment", kind="money", default=0, label=f"Lease {k}: equipment investment (fen)"),
            make(f"lease_{k}_innovative_product", kind="bool", label=f"Lease {k}: the leased equipment is an innovative product"),
        ]
    for k in range(1, slots.certifications + 1):
        out += [
            make(f"certification_{k}_product", kind="int", default=0,
                 label=f"Certification or testing contract {k}: ordinal of its product in the project (1, 2, …; 0 = no contract)"),
            make(f"certification_{k}_amount", kind="money", default=0, label=f"Certification or testing contract {k}: amount (fen)"),
        ]
    for k in range(1, slots.items + 1):
        out += [
            make(f"item_{k}_quantity", kind="int64", default=0, label=f"Equipment item {k}: quantity"),
            make(f"item_{k}_unit_price", kind="money", default=0, label=f"Equipment item {k}: unit price (fen)"),
            make(f"item_{k}_purchased", kind="date", default=NOT_GIVEN, label=f"Equipment item {k}: day bought (0001-01-01 = not given)"),
            make(f"item_{k}_put_into_use", kind="date", default=NOT_GIVEN, label=f"Equipment item {k}: day put to use (0001-01-01 = not given)"),
            make(f"item_{k}_imported", kind="bool", label=f"Equipment item {k}: imported"),
            make(f"item_{k}_non_exempt_catalogue", kind="bool", label=f"Equipment item {k}: on the non-exempt catalogues"),
            make(f"item_{k}_tariff_rate", kind="int64", default=-1,
                 label=f"Equipment item {k}: declared tariff rate as a numerator over 10^9 (-1 = not given)"),
        ]
    return out
