"""The roadmap, the financing tables and the consistency report."""

from django.contrib.auth.decorators import login_required

from masterplan.access import get_masterplan_for_user
from masterplan.models import Dimension

from .. import consistency, financing, roadmap
from ..forms.programmes import ProgrammeFilterForm
from .common import page
from .programmes import programmes_for_pages


@login_required
def roadmap_page(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    # Queries: access (2), dimensions (1), filter form OPDs (1 when rendered), programmes (1).
    dimensions = list(Dimension.objects.all())
    filter_form = ProgrammeFilterForm(request.GET or None, masterplan=masterplan)
    rows = programmes_for_pages(masterplan, filter_form)
    chart = roadmap.layout(masterplan, rows, dimensions)
    return page(
        request,
        "plan/roadmap.html",
        access,
        "roadmap",
        chart=chart,
        rows=rows,
        filter_form=filter_form,
        horizons=roadmap.horizon_counts(rows),
        dimensions=dimensions,
    )


@login_required
def financing_page(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    dimensions = list(Dimension.objects.all())
    filter_form = ProgrammeFilterForm(request.GET or None, masterplan=masterplan)
    rows = programmes_for_pages(masterplan, filter_form)
    filtered = filter_form.is_bound and filter_form.is_valid() and any(filter_form.cleaned_data.values())
    budget_rows = financing.budget_rows(masterplan, [p.pk for p in rows] if filtered else None)
    tables = financing.tables(masterplan, budget_rows, dimensions)
    totals = financing.programme_totals(masterplan)
    for programme in rows:
        programme.budget_total = totals.get(programme.pk)
    return page(request, "plan/financing.html", access, "financing", tables=tables, rows=rows, filter_form=filter_form)


@login_required
def consistency_page(request, mp):
    access = get_masterplan_for_user(request, mp)
    findings = consistency.check(access.masterplan)
    return page(
        request,
        "plan/consistency.html",
        access,
        "consistency",
        groups=consistency.grouped(findings),
        finding_count=len(findings),
        blocking_count=len(consistency.blocking(findings)),
        blocking_rules=consistency.BLOCKING,
    )
