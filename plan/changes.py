"""Which reviewed section(s) a write of the plan changes, and the reason recorded on them.

Every write service of plan/services.py reports to `sections_of(model)` through review.changes.report_change.
Rows of a reviewed section report to that section (`MODEL_SECTIONS`, also registered with core.registry for
comments and the activity stream). Rows that no reviewed section holds report to the book section that prints
them (`PRINTED_IN`): the region profile and the key figures are printed only by the Buku Analisis Strategis
(chapter "Profil Daerah", templates/books/plan/profile.html), so they report to `book:analisis`."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import (
    Application,
    BudgetLine,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    KeyFigure,
    LegalDocument,
    Mission,
    PlanSettings,
    Programme,
    ProgrammeIndicator,
    ProgrammeTarget,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
    Vision,
)

# model -> (section key, page showing it)
MODEL_SECTIONS = [
    (ReadinessItem, "plan.readiness", "plan:readiness"),
    (SwotEntry, "plan.swot", "plan:swot"),
    (SwotStrategy, "plan.swot", "plan:swot"),
    (Gap, "plan.swot", "plan:swot"),
    (Application, "plan.applications", "plan:applications"),
    (CouncilMember, "plan.institutions", "plan:institutions"),
    (LegalDocument, "plan.institutions", "plan:institutions"),
    (Vision, "plan.vision", "plan:vision"),
    (Mission, "plan.vision", "plan:vision"),
    (DimensionStrategy, "plan.strategies", "plan:strategies"),
    (Goal, "plan.strategies", "plan:strategies"),
    (Programme, "plan.programmes", "plan:programmes"),
    (BudgetLine, "plan.programmes", "plan:programmes"),
    (ProgrammeIndicator, "plan.programmes", "plan:programmes"),
    (ProgrammeTarget, "plan.programmes", "plan:programmes"),
    (PlanSettings, "plan.roadmap", "plan:settings"),
]

# Sections a model's rows are printed in besides their own section
ALSO_PRINTED_IN = {
    Programme: ("plan.roadmap",),  # the roadmap draws each programme's years, horizon and order
    PlanSettings: ("plan.programmes",),  # the programme chapter names each horizon's years
}

# Rows of no reviewed section: the book sections that print them
PRINTED_IN = {
    RegionProfile: ("book:analisis",),
    KeyFigure: ("book:analisis",),
}

ACTIONS = {
    "add": gettext_lazy("ditambahkan"),
    "edit": gettext_lazy("diubah"),
    "delete": gettext_lazy("dihapus"),
    "move": gettext_lazy("dipindah urutannya"),
}


def sections_of(model) -> tuple[str, ...]:
    """The section keys a write of `model` reports to (its own section first)."""
    if model in PRINTED_IN:
        return PRINTED_IN[model]
    own = next(key for m, key, _url in MODEL_SECTIONS if m is model)
    return (own, *ALSO_PRINTED_IN.get(model, ()))


def reason(model, action: str, item=None) -> str:
    """'Program "Bank Sampah" diubah.' or, without an item, 'Visi diubah.'"""
    label = str(model._meta.verbose_name).capitalize()
    if item is None:
        return _("%(model)s %(action)s.") % {"model": label, "action": ACTIONS[action]}
    return _('%(model)s "%(item)s" %(action)s.') % {"model": label, "item": str(item)[:120], "action": ACTIONS[action]}


def undo_warning(masterplan, keys) -> str:
    """What an edit form says before a save that would send one of `keys` back to draft ("" when none would)."""
    from review.changes import undo_warning as warning

    return next((text for text in (warning(masterplan, key) for key in keys) if text), "")
