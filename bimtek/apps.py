from django.apps import AppConfig
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class BimtekConfig(AppConfig):
    name = "bimtek"
    verbose_name = "Bimtek"

    def ready(self):
        from core import registry

        from . import content, panels, reviewing
        from .models import ROMAN, with_stage_reached

        registry.register_tab(registry.Tab("bimtek", _("Bimtek"), "bimtek:stages", order=10))
        registry.register_card_annotation(with_stage_reached)  # the "Bimtek II" badge on home cards
        registry.register_panel(
            registry.Panel(
                "bimtek",
                "bimtek/partials/panel.html",
                panels.dashboard_panel,
                10,
                cached=True,
                vary=panels.dashboard_vary,
            )
        )
        registry.register_home_panel(
            registry.HomePanel("bimtek_followups", "bimtek/partials/home_panel.html", panels.home_panel, 20)
        )
        registry.register_section(
            registry.Section(
                "bimtek.sessions", _("Sesi bimtek"), content.serialize_sessions, "bimtek:stages", 900, "analysis"
            )
        )
        registry.register_section(
            registry.Section(
                "bimtek.followups",
                _("Tindak lanjut bimtek"),
                content.serialize_followups,
                "bimtek:followups",
                910,
                "analysis",
            )
        )
        registry.register_section(
            registry.Section(
                "bimtek.commitment",
                _("Komitmen Bersama"),
                content.serialize_commitment,
                "bimtek:commitment",
                920,
                "masterplan",
            )
        )
        registry.register_metric(
            registry.Metric(
                "bimtek.sessions_recorded",
                _("Sesi bimtek tercatat (daftar hadir dan notulen)"),
                content.measure_sessions_recorded,
                "bimtek:stages",
            )
        )
        for number, roman in ROMAN.items():
            registry.register_metric(
                registry.Metric(
                    f"bimtek.stage{number}_recorded",
                    format_lazy(_("Sesi tahap {s} tercatat (daftar hadir dan notulen)"), s=roman),
                    content.measure_stage_recorded(number),
                    "bimtek:stages",
                )
            )
        registry.register_metric(
            registry.Metric(
                "bimtek.commitment_signed",
                _("Komitmen Bersama ditandatangani"),
                content.measure_commitment_signed,
                "bimtek:commitment",
            )
        )
        registry.register_metric(
            registry.Metric(
                "bimtek.stages_closed", _("Tahap bimtek ditutup"), content.measure_stages_closed, "bimtek:stages"
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "analisis",
                "bimtek_proses",
                _("Proses Penyusunan Masterplan"),
                "books/bimtek/proses.html",
                panels.chapter_process,
                order=10,
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "masterplan",
                "bimtek_komitmen",
                _("Komitmen Bersama"),
                "books/bimtek/komitmen.html",
                panels.chapter_commitment,
                order=90,
                appendix=True,
            )
        )
        reviewing.register()
