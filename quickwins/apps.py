from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickwinsConfig(AppConfig):
    name = "quickwins"
    verbose_name = "Quick Win"

    def ready(self):
        from core import registry

        from . import contributions as c
        from . import reviewing

        registry.register_tab(registry.Tab("quickwins", _("Quick Win"), "quickwins:catalogue", 40))
        registry.register_panel(registry.Panel("quickwins", "quickwins/panel.html", c.panel_context, 40, cached=True))
        registry.register_section(
            registry.Section(
                "quickwins.quickwins", _("Quick win"), c.serialize, "quickwins:catalogue", 40, group="quickwins"
            )
        )
        for key, label, measure in [
            ("quickwins.idea_per_dimension", _("Ide quick win di setiap dimensi"), c.idea_per_dimension),
            ("quickwins.chosen_per_dimension", _("Quick win terpilih di setiap dimensi"), c.chosen_per_dimension),
            ("quickwins.chosen_have_progress", _("Quick win terpilih punya laporan kemajuan"), c.chosen_have_progress),
        ]:
            registry.register_metric(registry.Metric(key, label, measure, "quickwins:catalogue"))
        registry.register_chapter(
            registry.Chapter(
                "quickwin",
                "quickwins.profiles",
                _("Profil Quick Win"),
                "books/quickwins/profiles.html",
                c.book_profiles_context,
                10,
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "masterplan",
                "quickwins.summary",
                _("Quick Win"),
                "books/quickwins/summary.html",
                c.book_summary_context,
                40,
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "ringkasan",
                "quickwins.ringkasan",
                _("Quick Win"),
                "books/quickwins/ringkasan.html",
                c.book_summary_context,
                40,
            )
        )
        reviewing.register()
