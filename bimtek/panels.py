"""Contexts of what bimtek shows on shared pages: the dashboard's stage track, an OPD member's
follow-ups on the home page, and the two book chapters. Each runs a constant number of queries."""

from django.db.models import Prefetch

from core.memo import shared_lookups
from masterplan.models import Membership, Role

from .checklists import checklists
from .content import track_sessions
from .models import Attendee, ChecklistItem, Commitment, FollowUp, Session, Stage, StageStatus


def stage_track(masterplan):
    """[(stage, checklist, sessions)] for the four stages; the checklists' metrics share their lookups
    (the sessions, the RPJMD, the dimensions...) with each other and with the rest of the block."""
    with shared_lookups(masterplan):
        stages = Stage.objects.select_related("closed_by").for_masterplan(masterplan)
        lists = checklists(masterplan)
        sessions = {}
        for session in track_sessions(masterplan):
            sessions.setdefault(session.stage.number, []).append(session)
    return [(stage, lists[stage.number], sessions.get(stage.number, [])) for stage in stages]


def current_stage(track):
    """The first stage that is not closed (None when all four are)."""
    return next((stage for stage, _c, _s in track if stage.status != StageStatus.CLOSED), None)


def dashboard_panel(masterplan, access):
    track = stage_track(masterplan)
    return {
        "masterplan": masterplan,
        "access": access,
        "track": track,
        "current": current_stage(track),
        "missing_any": any(checklist.missing for _stage, checklist, _sessions in track),
    }


def dashboard_vary(masterplan):
    """What the cached dashboard card shows that changes without a reported content change: the stages' states
    (closing a stage is a transition, like a review) and the checklist rows (programme data): 2 queries."""
    stages = list(
        Stage.objects.filter(masterplan=masterplan).values_list(
            "number", "status", "version", "closed_at", "closed_by_id"
        )
    )
    items = list(ChecklistItem.objects.for_cohort(masterplan.cohort_id))
    return [stages, [(i.pk, i.stage_number, i.order, i.metric_key, i.label) for i in items]]


def home_panel(request):
    """The open follow-ups of the OPDs the user works for (None for people who are not OPD members)."""
    user = request.user
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(user=user, role=Role.OPD_MEMBER, opd__isnull=False).values_list(
            "masterplan_id", "opd_id"
        )
    )
    if not memberships:
        return None
    followups = FollowUp.objects.none()
    for masterplan_id, opd_id in memberships:
        followups |= FollowUp.objects.filter(masterplan_id=masterplan_id, opd_id=opd_id)
    followups = list(
        followups.open().select_related("opd", "session__stage", "masterplan__region").order_by("due_date", "pk")[:20]
    )
    return {"followups": followups}


def chapter_process(masterplan):
    """'How the plan was made': the four stages with dates, experts and participating OPDs."""
    sessions = list(
        Session.objects.filter(masterplan=masterplan)
        .select_related("stage")
        .prefetch_related(Prefetch("attendees", queryset=Attendee.objects.select_related("opd")))
        .order_by("starts_at")
    )
    stages = Stage.objects.for_masterplan(masterplan)
    rows = []
    for stage in stages:
        mine = [s for s in sessions if s.stage_id == stage.pk]
        experts, opds = [], []
        for s in mine:
            experts += [e for e in s.expert_list() if e not in experts]
            opds += [a.opd.acronym for a in s.attendees.all() if a.opd and a.opd.acronym not in opds]
        rows.append({"stage": stage, "sessions": mine, "experts": experts, "opds": sorted(opds)})
    return {"masterplan": masterplan, "rows": rows}


def participating_opds(masterplan):
    """The OPDs that attended any bimtek session of the masterplan, by acronym (1 query)."""
    from masterplan.models import OPD

    return list(
        OPD.objects.filter(pk__in=Attendee.objects.filter(session__masterplan=masterplan).values("opd"))
        .distinct()
        .order_by("acronym")
    )


def chapter_commitment(masterplan):
    commitment = Commitment.objects.filter(masterplan=masterplan).first()
    signatories = list(commitment.signatories.select_related("opd")) if commitment else []
    return {
        "masterplan": masterplan,
        "commitment": commitment,
        "signatories": signatories,
        "opds": participating_opds(masterplan),
    }
