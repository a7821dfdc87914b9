"""Programmes and action plans: list with filters, detail, form, budget grid, indicators, order."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.params import parse_id
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.models import Dimension
from rpjmd.models import RPJMD

from .. import services
from ..changes import sections_of, undo_warning
from ..financing import programme_totals
from ..forms.programmes import BudgetForm, IndicatorForm, ProgrammeFilterForm, ProgrammeForm
from ..models import PlanSettings, Programme, ProgrammeIndicator, Source
from .common import page


@login_required
def programmes(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    filter_form = ProgrammeFilterForm(request.GET or None, masterplan=masterplan)
    rows = list(filter_form.apply(Programme.objects.for_masterplan(masterplan)).for_lists())
    totals = programme_totals(masterplan)
    for programme in rows:
        programme.budget_total = totals.get(programme.pk)
        programme.editable = access.can_edit(programme)
    return page(
        request,
        "plan/programmes.html",
        access,
        "programmes",
        rows=rows,
        filter_form=filter_form,
        settings=PlanSettings.for_masterplan(masterplan),
        undo_warning=undo_warning(masterplan, sections_of(Programme)) if access.can_edit_content else "",
    )


def _programme(access, pk, write=False):
    queryset = Programme.objects.select_related("dimension", "element", "lead_opd", "masterplan")
    return get_for_user(access, queryset, pk, write=write)


@login_required
def programme_detail(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    programme = _programme(access, pk)
    lines = list(programme.budget_lines.all())
    budget = BudgetForm(programme=programme, lines=lines)
    indicators = list(programme.indicators.prefetch_related("targets"))
    for indicator in indicators:
        values = {t.year: t.value for t in indicator.targets.all()}
        indicator.cells = [values.get(y, "") for y in programme.years or access.masterplan.years]
    source_totals = [sum((line.amount for line in lines if line.source == s), 0) for s in Source.values]
    return page(
        request,
        "plan/programme_detail.html",
        access,
        "programmes",
        programme=programme,
        budget=budget,
        source_totals=source_totals,
        budget_total=sum(source_totals),
        indicators=indicators,
        partners=list(programme.partner_opds.all()),
        rpjmd_programs=list(programme.rpjmd_programs.select_related("opd")),
        quickwins=list(programme.quickwins.order_by("short_name")),  # quick wins linked from their form
        years=programme.years or access.masterplan.years,
        editable=access.can_edit(programme),
        sources=Source.choices,
        undo_warning=undo_warning(access.masterplan, sections_of(Programme)) if access.can_edit(programme) else "",
    )


@login_required
def programme_edit(request, mp, pk=None):
    access = get_masterplan_for_user(request, mp, write=True)
    masterplan = access.masterplan
    programme = _programme(access, pk, write=True) if pk else None
    initial = {}
    if programme is None:
        dimension = Dimension.objects.filter(key=request.GET.get("dimensi", "")).first()
        if dimension:
            initial["dimension"] = dimension
        rpjmd = RPJMD.objects.for_masterplan(masterplan)
        if rpjmd and parse_id(request.GET.get("rpjmd", "")):
            program = rpjmd.programs.filter(pk=request.GET["rpjmd"]).first()
            if program:
                initial.update(rpjmd_programs=[program], name=program.name, lead_opd=program.opd_id)
        if access.opd_id:
            initial["lead_opd"] = access.opd_id
    form = ProgrammeForm(
        request.POST or None, instance=programme, masterplan=masterplan, access=access, initial=initial
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        access.require_edit(form.instance)
        try:
            saved = services.save_programme(masterplan=masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Program %(p)s disimpan.") % {"p": saved.name})
            return redirect("plan:programme_detail", mp=mp, pk=saved.pk)
    return page(
        request,
        "plan/programme_form.html",
        access,
        "programmes",
        form=form,
        programme=programme,
        conflict=conflict,
        settings=PlanSettings.for_masterplan(masterplan),
        undo_warning=undo_warning(masterplan, sections_of(Programme)),
    )


@login_required
@require_POST
def programme_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, write=True)
    programme = _programme(access, pk, write=True)
    services.delete_programme(masterplan=access.masterplan, user=request.user, programme=programme)
    messages.success(request, _("Program %(p)s dihapus.") % {"p": programme.name})
    return redirect("plan:programmes", mp=mp)


@login_required
@require_POST
def programme_move(request, mp, pk):
    access = get_masterplan_for_user(request, mp, write=True)
    programme = _programme(access, pk, write=True)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.move_item(masterplan=access.masterplan, user=request.user, item=programme, direction=direction)
    return redirect(f"{reverse('plan:programmes', args=[mp])}#program-{programme.pk}")


@login_required
def programme_budget(request, mp, pk):
    access = get_masterplan_for_user(request, mp, write=True)
    programme = _programme(access, pk, write=True)
    lines = list(programme.budget_lines.all())
    form = BudgetForm(request.POST or None, programme=programme, lines=lines)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.set_budget(masterplan=access.masterplan, user=request.user, programme=programme, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Anggaran %(p)s disimpan.") % {"p": programme.name})
            return redirect("plan:programme_detail", mp=mp, pk=pk)
    return page(
        request,
        "plan/programme_budget.html",
        access,
        "programmes",
        form=form,
        programme=programme,
        conflict=conflict,
        sources=Source.choices,
        undo_warning=undo_warning(access.masterplan, sections_of(ProgrammeIndicator)),
        status=409 if conflict else 200,
    )


@login_required
def indicator_edit(request, mp, programme_pk, pk=None):
    access = get_masterplan_for_user(request, mp, write=True)
    programme = _programme(access, programme_pk, write=True)
    indicator = get_object_or_404(programme.indicators.prefetch_related("targets"), pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=indicator, masterplan=access.masterplan, programme=programme)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indicator(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Indikator disimpan."))
            return redirect("plan:programme_detail", mp=mp, pk=programme.pk)
    return page(
        request,
        "plan/indicator_form.html",
        access,
        "programmes",
        form=form,
        programme=programme,
        indicator=indicator,
        conflict=conflict,
        undo_warning=undo_warning(access.masterplan, sections_of(ProgrammeIndicator)),
    )


@login_required
@require_POST
def indicator_delete(request, mp, programme_pk, pk):
    access = get_masterplan_for_user(request, mp, write=True)
    programme = _programme(access, programme_pk, write=True)
    indicator = get_object_or_404(ProgrammeIndicator.objects.filter(programme=programme), pk=pk)
    services.delete_indicator(masterplan=access.masterplan, user=request.user, indicator=indicator)
    messages.success(request, _("Indikator dihapus."))
    return redirect("plan:programme_detail", mp=mp, pk=programme.pk)


def programmes_for_pages(masterplan, filter_form=None):
    """The programmes of the roadmap and the list: 1 query (dimension and lead OPD joined)."""
    queryset = Programme.objects.for_masterplan(masterplan).select_related("dimension", "lead_opd")
    if filter_form is not None:
        queryset = filter_form.apply(queryset)
    return list(queryset.order_by("dimension__order", "order", "pk"))
