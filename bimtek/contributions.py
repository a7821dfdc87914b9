"""What bimtek adds to shared pages, all registered by `register()` (called from BimtekConfig.ready()): the tab,
the home cards' stage badge, the dashboard and home panels, the three sections, the checklist metrics, the book
chapters, the models of each section, the activity stream's sources and the programme dashboard's
"Daftar periksa" column. The functions they call live in content.py, panels.py and reviewing.py."""

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry

from . import content, panels
from .models import ROMAN, Attachment, Attendee, Commitment, Decision, FollowUp, Session, Signatory, with_stage_reached
from .reviewing import COMMITMENT, FOLLOWUPS, SESSIONS, checklist_column


def register():
    registry.register_tab(registry.Tab("bimtek", gettext_lazy("Bimtek"), "bimtek:stages", order=10))
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
    _register_sections()
    _register_metrics()
    _register_chapters()
    _register_review()


def _register_sections():
    for key, label, serialize, url_name, order, group in [
        (SESSIONS, gettext_lazy("Sesi bimtek"), content.serialize_sessions, "bimtek:stages", 900, "analysis"),
        (
            FOLLOWUPS,
            gettext_lazy("Tindak lanjut bimtek"),
            content.serialize_followups,
            "bimtek:followups",
            910,
            "analysis",
        ),
        (
            COMMITMENT,
            gettext_lazy("Komitmen Bersama"),
            content.serialize_commitment,
            "bimtek:commitment",
            920,
            "masterplan",
        ),
    ]:
        registry.register_section(registry.Section(key, label, serialize, url_name, order, group))


def _register_metrics():
    registry.register_metric(
        registry.Metric(
            "bimtek.sessions_recorded",
            gettext_lazy("Sesi bimtek tercatat (daftar hadir dan notulen)"),
            content.measure_sessions_recorded,
            "bimtek:stages",
        )
    )
    for number, roman in ROMAN.items():
        registry.register_metric(
            registry.Metric(
                f"bimtek.stage{number}_recorded",
                format_lazy(gettext_lazy("Sesi tahap {s} tercatat (daftar hadir dan notulen)"), s=roman),
                content.measure_stage_recorded(number),
                "bimtek:stages",
            )
        )
    registry.register_metric(
        registry.Metric(
            "bimtek.commitment_signed",
            gettext_lazy("Komitmen Bersama ditandatangani"),
            content.measure_commitment_signed,
            "bimtek:commitment",
        )
    )
    registry.register_metric(
        registry.Metric(
            "bimtek.stages_closed",
            gettext_lazy("Tahap bimtek ditutup"),
            content.measure_stages_closed,
            "bimtek:stages",
        )
    )


def _register_chapters():
    registry.register_chapter(
        registry.Chapter(
            "analisis",
            "bimtek_proses",
            gettext_lazy("Proses Penyusunan Masterplan"),
            "books/bimtek/proses.html",
            panels.chapter_process,
            order=10,
        )
    )
    registry.register_chapter(
        registry.Chapter(
            "masterplan",
            "bimtek_komitmen",
            gettext_lazy("Komitmen Bersama"),
            "books/bimtek/komitmen.html",
            panels.chapter_commitment,
            order=90,
            appendix=True,
        )
    )


def _register_review():
    for model in (Session, Attendee, Decision, Attachment):
        registry.register_model_section(model, SESSIONS)
    registry.register_model_section(FollowUp, FOLLOWUPS)
    for model in (Commitment, Signatory):
        registry.register_model_section(model, COMMITMENT)
    registry.register_history(
        registry.HistorySource(
            Session,
            "masterplan",
            section_key=SESSIONS,
            url_name="bimtek:stages",
            describe=lambda r: _("Sesi %(t)s") % {"t": r.title},
        )
    )
    registry.register_history(
        registry.HistorySource(
            Attachment,
            "masterplan",
            section_key=SESSIONS,
            url_name="bimtek:stages",
            describe=lambda r: _("Lampiran %(n)s") % {"n": r.title or r.original_name},
        )
    )
    registry.register_history(
        registry.HistorySource(
            FollowUp,
            "masterplan",
            section_key=FOLLOWUPS,
            opd_path="opd",
            url_name="bimtek:followups",
            select_related=("opd",),
            describe=lambda r: f"{r.opd.acronym if r.opd else '?'}: {r.text[:80]}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Commitment,
            "masterplan",
            section_key=COMMITMENT,
            url_name="bimtek:commitment",
            describe=lambda r: r.title,
        )
    )
    registry.register_history(
        registry.HistorySource(
            Signatory,
            "commitment__masterplan",
            section_key=COMMITMENT,
            opd_path="opd",
            url_name="bimtek:commitment",
            describe=lambda r: _("Penanda tangan %(n)s (%(p)s)") % {"n": r.name, "p": r.position},
        )
    )
    registry.register_cohort_column(
        registry.CohortColumn(
            "bimtek.checklist",
            gettext_lazy("Daftar periksa"),
            checklist_column,
            order=10,
            help=gettext_lazy(
                "Daftar periksa: butir yang terpenuhi / jumlah butir pada tahap bimtek terakhir yang dibuka, "
                "dengan tanggal perhitungannya. Angka ini disimpan ketika tahap dimulai dan ketika tahap ditutup "
                "(membuka halaman tidak mengubah data), jadi dapat tertinggal dari data terbaru."
            ),
        )
    )
