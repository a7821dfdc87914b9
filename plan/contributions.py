"""Everything the plan adds to the shared registries (core/registry.py): its tab, dashboard panel, reviewed
sections, checklist metrics, book chapters, and for the review its model sections and history sources."""

from django.utils.translation import gettext_lazy as _

from core import registry

from . import books, metrics, panels, sections
from .changes import MODEL_SECTIONS
from .models import Application, BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget

SECTIONS = [
    ("plan.readiness", _("Analisis kesiapan daerah"), sections.readiness, "plan:readiness", 30, "analysis"),
    ("plan.swot", _("SWOT dan strategi"), sections.swot, "plan:swot", 31, "analysis"),
    ("plan.applications", _("Aplikasi eksisting"), sections.applications, "plan:applications", 32, "analysis"),
    ("plan.institutions", _("Kelembagaan"), sections.institutions, "plan:institutions", 33, "analysis"),
    ("plan.vision", _("Visi, misi, arah pembangunan"), sections.vision, "plan:vision", 34, "masterplan"),
    ("plan.strategies", _("Strategi dan sasaran"), sections.strategies, "plan:strategies", 35, "masterplan"),
    ("plan.programmes", _("Program dan rencana aksi"), sections.programmes, "plan:programmes", 36, "masterplan"),
    ("plan.roadmap", _("Peta jalan"), sections.roadmap, "plan:roadmap", 37, "masterplan"),
]

# Rows whose masterplan is found through their programme (no masterplan_id of their own)
THROUGH_PROGRAMME = {
    BudgetLine: "programme__masterplan",
    ProgrammeIndicator: "programme__masterplan",
    ProgrammeTarget: "indicator__programme__masterplan",
}


def register():
    registry.register_tab(registry.Tab("plan", _("Rencana"), "plan:overview", 30))
    registry.register_panel(
        registry.Panel("plan", "plan/partials/dashboard_panel.html", panels.dashboard_context, 30, cached=True)
    )
    for key, label, serialize, url_name, order, group in SECTIONS:
        registry.register_section(registry.Section(key, label, serialize, url_name, order, group))
    for key, label, measure, url_name in metrics.METRICS:
        registry.register_metric(registry.Metric(key, label, measure, url_name))
    for chapter in books.CHAPTERS:
        registry.register_chapter(chapter)
    _register_review()


def _register_review():
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
