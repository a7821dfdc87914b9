"""What bimtek tells the review app: which models make up its three sections, their history for the
activity stream, an edit of a section (so an approved section goes back to draft), and the programme
dashboard's "Daftar periksa" column."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SESSIONS, FOLLOWUPS, COMMITMENT = "bimtek.sessions", "bimtek.followups", "bimtek.commitment"


def edited(access, section_key, reason):
    """Report an edit of a bimtek section, in the caller's transaction (review.changes.report_change)."""
    from review.changes import report_change

    report_change(masterplan=access.masterplan, section_key=section_key, user=access.user, reason=reason)


def register():
    from core import registry

    from .models import Attendee, Commitment, Decision, FollowUp, Session, Signatory

    for model in (Session, Attendee, Decision):
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


def store_checklists(masterplan, track):
    """Remember each saved stage's checklist completion (done / total items) for the programme dashboard.
    One UPDATE per stage whose figures changed; nothing when they are unchanged."""
    from .models import Stage

    now = timezone.now()
    for stage, checklist, _sessions in track:
        done, total = checklist.done_count, len(checklist.items)
        if stage.pk is None or (stage.checklist_done, stage.checklist_total) == (done, total):
            continue
        Stage.objects.filter(pk=stage.pk).update(checklist_done=done, checklist_total=total, checklist_at=now)
        stage.checklist_done, stage.checklist_total, stage.checklist_at = done, total, now


def checklist_column(masterplans):
    """{masterplan id: "II: 5/7 (12/11/2026)"}: the highest opened stage with stored figures. One query (at
    most four stage rows per masterplan)."""
    from .models import ROMAN, Stage, StageStatus

    rows = (
        Stage.objects.filter(masterplan__in=masterplans.order_by().values("pk"), checklist_at__isnull=False)
        .exclude(status=StageStatus.PLANNED)
        .order_by("masterplan_id", "number")
        .values_list("masterplan_id", "number", "checklist_done", "checklist_total", "checklist_at")
    )
    result = {}
    for masterplan_id, number, done, total, when in rows:  # ordered by number: the highest stage wins
        day = timezone.localtime(when).strftime("%d/%m/%Y")
        result[masterplan_id] = f"{ROMAN[number]}: {done}/{total} ({day})"
    return result
