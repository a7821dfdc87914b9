"""The dashboard card: the latest export of each book and the export button."""

from django.db.models import Max

from .models import ExportJob
from .services import books_for


def latest_by_book(masterplan, books):
    """{book key: latest job}: one query whatever the number of exports."""
    newest = (
        ExportJob.objects.filter(masterplan=masterplan, book_key__in=[b.key for b in books], opd__isnull=True)
        .values("book_key")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return {job.book_key: job for job in ExportJob.objects.filter(pk__in=newest)}


def dashboard_panel(masterplan, access):
    books = books_for(masterplan)
    latest = latest_by_book(masterplan, books)
    return {"masterplan": masterplan, "access": access, "rows": [(book, latest.get(book.key)) for book in books]}


def opd_home(request):
    """For an OPD member: their OPD's own extract of the executive summary in each of their masterplans, with the
    latest one asked for (None for people who are not OPD members). 2 queries."""
    from masterplan.models import Membership, Role

    user = request.user
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(user=user, role=Role.OPD_MEMBER, opd__isnull=False).select_related(
            "masterplan__region", "masterplan__cohort", "opd"
        )
    )
    if not memberships:
        return None
    newest = (
        ExportJob.objects.filter(
            masterplan__in=[m.masterplan_id for m in memberships], opd__in=[m.opd_id for m in memberships]
        )
        .values("masterplan", "opd")
        .annotate(last=Max("pk"))
        .values("last")
    )
    latest = {(j.masterplan_id, j.opd_id): j for j in ExportJob.objects.filter(pk__in=newest)}
    return {"extracts": [(m.masterplan, m.opd, latest.get((m.masterplan_id, m.opd_id))) for m in memberships]}
