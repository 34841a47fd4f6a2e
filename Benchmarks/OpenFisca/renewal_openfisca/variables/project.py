"""Inputs of the project itself, and the interval of the policy timeline it is evaluated in."""
from __future__ import annotations

import datetime

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Project
from .. import dated
from .base import Int64Variable, make

# The categories (Policies/shanghai-2024-355/categories.yaml) the modelled instruments test.
CATEGORIES = [
    "technical-renovation", "particularly-major", "new-material-certification", "basic-software-rd",
    "industrial-software-rd", "energy-management-centre", "first-set", "first-version", "first-batch",
    "especially-innovative", "benchmark-demonstration", "scenario-ai", "scenario-5g-a",
    "scenario-industrial-internet", "scenario-commercial-aerospace", "scenario-low-altitude",
    "scenario-deep-sea", "national-candidate-list", "encouraged-import",
]


def category_variable(category: str) -> str:
    return "category_" + category.replace("-", "_")


class evaluation_date(Variable):
    value_type = datetime.date
    entity = Project
    definition_period = DateUnit.ETERNITY
    label = "Day the project is evaluated on: its application date (the policy in force that day applies)"


class policy_interval(Variable):
    value_type = int
    entity = Project
    definition_period = DateUnit.YEAR
    label = "Interval of the parameter timeline that holds on the evaluation date (see dated.py)"

    def formula(projects, period):
        tl = dated.timeline(projects.simulation.tax_benefit_system)
        return tl.interval(projects("evaluation_date", period))


def _money_input(name, label):
    return make(name, kind="money", label=label + " (fen; -1 when not given)", default=-1)


def variables() -> list[type]:
    out = [
        evaluation_date,
        policy_interval,
        _money_input("investment_declared", "Declared project investment"),
        _money_input("investment_approved", "Approved (核定) project investment"),
        _money_input("investment_new", "New investment (新增投资) of the project"),
        _money_input("innovative_product_contract", "Innovative-product contract amount"),
        _money_input("market_contract", "Market contract amount"),
        make("import_confirmation", kind="bool", label="The investment authority's confirmation letter is held"),
    ]
    out += [make(category_variable(c), kind="bool", label=f"The project is designated {c}") for c in CATEGORIES]
    return out
