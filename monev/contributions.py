"""What monev adds to shared pages: its tab, a dashboard card, the OPD member's home block and the activity
stream's sources. Monev registers no review section: its content is not part of the masterplan's approval."""

from django.utils.translation import gettext_lazy as _


def register():
    from core import registry

    from . import book, cohort, panels
    from .models import Evidence, Report, ReportingYear, Sosialisasi, SosialisasiPhoto

    registry.register_tab(registry.Tab("monev", _("Monev"), "monev:index", 65))
    book.register()
    registry.register_panel(registry.Panel("monev", "monev/partials/dashboard_panel.html", panels.dashboard_panel, 65))
    registry.register_home_panel(registry.HomePanel("monev.opd", "monev/partials/home_panel.html", panels.opd_home, 15))
    _register_evaluation(registry)
    registry.register_home_panel(
        registry.HomePanel("monev.expert", "monev/partials/expert_home.html", panels.expert_home, 21)
    )
    registry.register_cohort_column(
        registry.CohortColumn(
            "monev.rate",
            _("Pelaporan monev"),
            cohort.reporting_rate_column,
            order=70,
            help=_(
                "Pelaporan monev: OPD yang sudah melaporkan semua program dan quick win-nya dari OPD yang wajib "
                "melapor, pada tahun pelaporan terakhir."
            ),
        )
    )
    registry.register_cohort_column(
        registry.CohortColumn(
            "monev.index",
            _("Indeks terakhir"),
            cohort.latest_index_column,
            order=72,
            help=_("Indeks terakhir: indeks smart city dalam surat hasil evaluasi Kementerian yang terakhir dicatat."),
        )
    )
    registry.register_cohort_column(
        registry.CohortColumn(
            "monev.outcome",
            _("Program berjalan"),
            cohort.outcome_column,
            order=71,
            help=_(
                "Program berjalan: program masterplan yang dilaporkan berjalan atau selesai dari semua program "
                "tahun pelaporan terakhir (capaian outcome)."
            ),
        )
    )
    registry.register_history(
        registry.HistorySource(
            ReportingYear,
            "masterplan",
            url_name="monev:index",
            describe=lambda r: f"{_('Pelaporan')} {r.year}: {r.get_state_display()}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Report,
            "reporting_year__masterplan",
            url_name="monev:index",
            select_related=("reporting_year", "programme", "quickwin"),
            describe=_describe_report,
        )
    )
    registry.register_history(
        registry.HistorySource(
            Evidence,
            "report__reporting_year__masterplan",
            url_name="monev:index",
            describe=lambda r: f"{_('Bukti dukung')}: {r.original_name}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Sosialisasi,
            "masterplan",
            url_name="monev:sosialisasi_list",
            describe=lambda r: f"{_('Sosialisasi')}: {r.title} ({r.held_on:%d/%m/%Y})",
        )
    )
    registry.register_history(
        registry.HistorySource(
            SosialisasiPhoto,
            "event__masterplan",
            url_name="monev:sosialisasi_list",
            describe=lambda r: f"{_('Foto sosialisasi')}: {r.original_name}",
        )
    )


def _describe_report(row):
    subject = (
        row.programme.name if row.programme_id and row.programme else (row.quickwin.short_name if row.quickwin else "?")
    )
    status = row.get_status_display() if row.status else "–"
    return f"{row.reporting_year.year} · {subject}: {status}"


def _register_evaluation(registry):
    from .evaluation import panels as evaluation_panels
    from .models import Answer, AnswerEvidence, FollowUp, Result, SelfAssessment

    registry.register_home_panel(
        registry.HomePanel(
            "monev.evaluation_followups", "monev/evaluation/partials/home_panel.html", evaluation_panels.opd_home, 16
        )
    )
    url = "monev:evaluation_index"
    registry.register_history(
        registry.HistorySource(
            SelfAssessment,
            "masterplan",
            url_name=url,
            select_related=("evaluation_year",),
            describe=lambda r: f"{_('Penilaian mandiri')} {r.evaluation_year.year}: {r.get_state_display()}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Answer,
            "assessment__masterplan",
            url_name=url,
            opd_path="opd",
            select_related=("question", "opd"),
            describe=lambda r: (
                f"{_('Jawaban evaluasi')}: {r.question.text[:80]} = {r.score if r.score is not None else '–'}"
            ),
        )
    )
    registry.register_history(
        registry.HistorySource(
            AnswerEvidence,
            "answer__assessment__masterplan",
            url_name=url,
            describe=lambda r: f"{_('Data dukung evaluasi')}: {r.original_name}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Result,
            "masterplan",
            url_name=url,
            select_related=("evaluation_year",),
            describe=lambda r: f"{_('Hasil evaluasi')} {r.evaluation_year.year}: {_('indeks')} {r.index}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            FollowUp,
            "masterplan",
            url_name=url,
            opd_path="opd",
            select_related=("opd", "finding"),
            describe=_describe_followup,
        )
    )


def _describe_followup(row):
    """A follow-up's history row; its recommendation or OPD may since have been deleted."""
    from django.utils.translation import gettext as _

    finding = getattr(row, "finding", None)
    opd = getattr(row, "opd", None)
    text = finding.text[:80] if finding else _("(rekomendasi sudah dihapus)")
    return f"{_('Tindak lanjut rekomendasi')} ({opd.acronym if opd else '–'}): {text}"
