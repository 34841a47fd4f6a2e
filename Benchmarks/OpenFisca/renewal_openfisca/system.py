"""The tax-benefit system of the plan: entities, parameters (YAML in parameters/) and variables."""
from __future__ import annotations

import os

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from .entities import entities
from .variables import contracts, instruments, project
from .variables.contracts import Slots

PARAMETERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parameters")


class RenewalTaxBenefitSystem(TaxBenefitSystem):
    """沪经信技〔2024〕355号, the instruments with stated amounts, plus national instruments N1–N4.

    ``slots`` sets how many loans, leases, certification contracts and equipment items a project
    may carry (each list is laid out as numbered variables).
    """

    def __init__(self, slots: Slots = Slots()):
        super().__init__(entities)
        self.slots = slots
        for variable in project.variables() + contracts.variables(slots) + instruments.variables(slots):
            self.add_variable(variable)
        self.load_parameters(PARAMETERS)
