"""The OpenFisca model of Benchmarks/OpenFisca as a country package for `openfisca serve` (its
Web API): the same system, with enough numbered slots for the example project files (the
benchmark's loader sizes the slots to its population; a served system must fix them up front)."""
from renewal_openfisca import RenewalTaxBenefitSystem, Slots


class CountryTaxBenefitSystem(RenewalTaxBenefitSystem):
    def __init__(self):
        super().__init__(Slots(loans=4, leases=4, certifications=4, items=8))


__all__ = ["CountryTaxBenefitSystem"]
