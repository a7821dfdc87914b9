from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = "Rencana"

    def ready(self):
        from core import registry

        from . import books, metrics, panels, reviewing, sections

        registry.register_tab(registry.Tab("plan", _("Rencana"), "plan:overview", 30))
        registry.register_panel(
            registry.Panel("plan", "plan/partials/dashboard_panel.html", panels.dashboard_context, 30, cached=True)
        )
        for key, label, serialize, url_name, order, group in [
            ("plan.readiness", _("Analisis kesiapan daerah"), sections.readiness, "plan:readiness", 30, "analysis"),
            ("plan.swot", _("SWOT dan strategi"), sections.swot, "plan:swot", 31, "analysis"),
            ("plan.applications", _("Aplikasi eksisting"), sections.applications, "plan:applications", 32, "analysis"),
            ("plan.institutions", _("Kelembagaan"), sections.institutions, "plan:institutions", 33, "analysis"),
            ("plan.vision", _("Visi, misi, arah pembangunan"), sections.vision, "plan:vision", 34, "masterplan"),
            ("plan.strategies", _("Strategi dan sasaran"), sections.strategies, "plan:strategies", 35, "masterplan"),
            (
                "plan.programmes",
                _("Program dan rencana aksi"),
                sections.programmes,
                "plan:programmes",
                36,
                "masterplan",
            ),
            ("plan.roadmap", _("Peta jalan"), sections.roadmap, "plan:roadmap", 37, "masterplan"),
        ]:
            registry.register_section(registry.Section(key, label, serialize, url_name, order, group))
        for key, label, measure, url_name in metrics.METRICS:
            registry.register_metric(registry.Metric(key, label, measure, url_name))
        for chapter in books.CHAPTERS:
            registry.register_chapter(chapter)
        reviewing.register()
