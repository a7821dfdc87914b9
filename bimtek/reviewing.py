"""Bimtek's three reviewed sections, and the checklist figures of the programme dashboard's "Daftar periksa"
column (stored by `store_checklists`, read by `checklist_column`, registered in contributions.py)."""

from django.utils import timezone

SESSIONS, FOLLOWUPS, COMMITMENT = "bimtek.sessions", "bimtek.followups", "bimtek.commitment"


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
