"""How the plan takes part in the review: which rows belong to which section, the activity stream, and the
report of an edit (an approved or submitted section goes back to draft, in the same transaction)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry

from .models import (
    Application,
    BudgetLine,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    LegalDocument,
    Mission,
    PlanSettings,
    Programme,
    ProgrammeIndicator,
    ProgrammeTarget,
    ReadinessItem,
    SwotEntry,
    SwotStrategy,
    Vision,
)

# model -> (section key, page showing it); the region profile and key figures belong to no reviewed section
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

# Rows whose masterplan is found through their programme (no masterplan_id of their own)
THROUGH_PROGRAMME = {
    BudgetLine: "programme__masterplan",
    ProgrammeIndicator: "programme__masterplan",
    ProgrammeTarget: "indicator__programme__masterplan",
}

ACTIONS = {
    "add": gettext_lazy("ditambahkan"),
    "edit": gettext_lazy("diubah"),
    "delete": gettext_lazy("dihapus"),
    "move": gettext_lazy("dipindah urutannya"),
}


def register():
    for model, key, url_name in MODEL_SECTIONS:
        registry.register_model_section(model, key)
        if model in (BudgetLine, ProgrammeTarget):
            continue  # shown through their programme (the budget grid and targets are saved with it)
        opd_path = {Programme: "lead_opd", Application: "opd"}.get(model, "")
        if model is ProgrammeIndicator:
            opd_path = "programme__lead_opd"
        registry.register_history(
            registry.HistorySource(
                model,
                THROUGH_PROGRAMME.get(model, "masterplan"),
                section_key=key,
                opd_path=opd_path,
                url_name=url_name,  # described by str() of the row: own fields only, no queries
            )
        )
    registry.register_masterplan_resolver(ProgrammeIndicator, lambda obj: obj.programme.masterplan_id)


def edited(*, masterplan, model, user, action="edit", item=None, extra_sections=()):
    """Report an edit of the plan (once per workflow, inside the caller's transaction)."""
    from review.changes import report_change

    key = registry.section_for_model(model)
    if key is None:
        return
    label = model._meta.verbose_name
    if item is not None:
        reason = _('%(model)s "%(item)s" %(action)s.') % {
            "model": str(label).capitalize(),
            "item": str(item)[:120],
            "action": ACTIONS[action],
        }
    else:
        reason = _("%(model)s %(action)s.") % {"model": str(label).capitalize(), "action": ACTIONS[action]}
    for section_key in (key, *extra_sections):
        report_change(masterplan=masterplan, section_key=section_key, user=user, reason=reason)
