"""An OpenFisca model of the instruments of 沪经信技〔2024〕355号 (Shanghai's 2024 equipment-renewal
plan) with stated amounts — 5, 7a, 7b, 7c, 10a, 13, 16, 17a, 17b, 17c, 18 — and the national
instruments N1–N4, each computing its standalone amount per project, for the side-by-side
benchmark with the Swift engine (Benchmarks/openfisca-side-by-side.sh)."""
from .system import RenewalTaxBenefitSystem
from .variables.contracts import Slots
from .variables.instruments import MODELLED

CountryTaxBenefitSystem = RenewalTaxBenefitSystem

__all__ = ["RenewalTaxBenefitSystem", "CountryTaxBenefitSystem", "Slots", "MODELLED"]
