"""The plan's content: strategic analysis (analysis.py), institutions (institutions.py), the masterplan's
direction and strategies (direction.py) and the programmes with their budgets (programmes.py)."""

from .analysis import (
    Application,
    Component,
    Gap,
    KeyFigure,
    Rating,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
)
from .direction import DimensionStrategy, Goal, Mission, Vision
from .institutions import CouncilMember, LegalDocument
from .programmes import (
    BudgetLine,
    Horizon,
    PlanSettings,
    Programme,
    ProgrammeIndicator,
    ProgrammeTarget,
    Source,
)

__all__ = [
    "Application",
    "BudgetLine",
    "Component",
    "CouncilMember",
    "DimensionStrategy",
    "Gap",
    "Goal",
    "Horizon",
    "KeyFigure",
    "LegalDocument",
    "Mission",
    "PlanSettings",
    "Programme",
    "ProgrammeIndicator",
    "ProgrammeTarget",
    "Rating",
    "ReadinessItem",
    "RegionProfile",
    "Source",
    "SwotEntry",
    "SwotStrategy",
    "Vision",
]
