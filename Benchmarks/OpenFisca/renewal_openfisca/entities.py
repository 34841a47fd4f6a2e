"""The one entity: the project (person-like). Its loans, leases, certification contracts and
equipment are lists; OpenFisca has a single person entity per system, so they are laid out as
numbered slots of project variables (see variables/contracts.py)."""
from openfisca_core.entities import build_entity

Project = build_entity(
    key="project",
    plural="projects",
    label="An investment project of an enterprise (the unit our engine evaluates)",
    doc="One project of the population: its categories, investment, contracts and equipment.",
    is_person=True,
)

entities = [Project]
