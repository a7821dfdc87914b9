"""Monev's dashboard card and the OPD member's home block."""

from masterplan.models import Membership, Role

from .items import load_items, summarise
from .models import ReportingYear, YearState


def dashboard_panel(masterplan, access):
    """The latest reporting year with its reporting rate; when there is none, what to do first."""
    latest = ReportingYear.objects.for_masterplan(masterplan).order_by("-year").first()
    summary = None
    if latest is not None:
        latest.masterplan = masterplan
        summary = summarise(load_items(latest))
    return {"masterplan": masterplan, "access": access, "latest": latest, "summary": summary}


def opd_home(request):
    """For an OPD member: the open reporting years of their masterplans with the reports still owed."""
    user = request.user
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(user=user, role=Role.OPD_MEMBER, opd__isnull=False).select_related(
            "masterplan__region", "opd"
        )
    )
    if not memberships:
        return None
    by_masterplan = {m.masterplan_id: m for m in memberships}
    years = ReportingYear.objects.filter(masterplan_id__in=by_masterplan).accepting_reports().order_by("deadline")
    owed = []
    for reporting_year in years:
        membership = by_masterplan[reporting_year.masterplan_id]
        reporting_year.masterplan = membership.masterplan
        items = load_items(reporting_year, opd_id=membership.opd_id)
        missing = [item for item in items if item.missing]
        owed.append({"year": reporting_year, "opd": membership.opd, "items": items, "missing": missing})
    return {"owed": owed}


def expert_home(request):
    """For an expert: the regions whose monev report was submitted and waits for their review (one query)."""
    user = request.user
    if not user.is_authenticated:
        return None
    waiting = list(
        ReportingYear.objects.filter(
            state=YearState.SUBMITTED,
            masterplan__memberships__user=user,
            masterplan__memberships__role=Role.EXPERT,
        )
        .select_related("masterplan__region", "masterplan__cohort")
        .order_by("deadline", "masterplan__region__name")
    )
    return {"waiting": waiting} if waiting else None
