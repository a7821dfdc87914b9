"""The RPJMD tab: overview, visi and misi, the OPD working groups' mapping, coverage, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.params import int_ids, page_number
from masterplan.access import get_masterplan_for_user
from masterplan.models import OPD, Dimension, Element

from . import coverage, export, services
from .forms import BulkMappingForm, FilterForm, MappingConflict, MappingForm, MisiForm, VisiForm
from .models import RPJMD, Misi, Program, ProgramBudget

PAGE_SIZE = 100


def _rpjmd_or_404(masterplan):
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    if rpjmd is None:
        raise Http404
    return rpjmd


def _get(access, queryset, pk, *, write=False):
    """An object of this masterplan's RPJMD (the queryset is already limited to it): 404 otherwise, 403 on a
    refused write (another OPD's programme). Like masterplan.access.get_for_user, for RPJMD-scoped rows."""
    obj = get_object_or_404(queryset, pk=pk)
    if write:
        access.require_edit(obj)
    return obj


def _elements():
    return list(Element.objects.select_related("dimension"))


@login_required
def index(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    total, mapped = coverage.counts(rpjmd)
    misi = list(Misi.objects.filter(rpjmd=rpjmd).prefetch_related("dimensions")) if rpjmd else []
    budget = Program.objects.filter(rpjmd=rpjmd).aggregate(s=Sum("budgets__amount"))["s"] if rpjmd else None
    return render(
        request,
        "rpjmd/index.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "rpjmd",
            "rpjmd": rpjmd,
            "misi": misi,
            "total": total,
            "mapped": mapped,
            "budget": budget,
            "all_dimensions": Dimension.objects.all(),
        },
    )


@login_required
def visi_misi(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    rpjmd = _rpjmd_or_404(masterplan)
    form = VisiForm(request.POST or None, instance=rpjmd, prefix="visi")
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_visi(form=form, user=request.user)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Visi disimpan."))
            return redirect("rpjmd:visi_misi", mp=mp)
    return _render_visi_misi(request, access, rpjmd, form=form, conflict=conflict)


def _render_visi_misi(request, access, rpjmd, *, form=None, misi_form=None, new_form=None, conflict=None):
    misi_forms = []
    for item in Misi.objects.filter(rpjmd=rpjmd).prefetch_related("dimensions"):
        if misi_form is not None and misi_form.instance.pk == item.pk:
            misi_forms.append(misi_form)
        else:
            misi_forms.append(MisiForm(instance=item, rpjmd=rpjmd))
    return render(
        request,
        "rpjmd/visi_misi.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "active_tab": "rpjmd",
            "rpjmd": rpjmd,
            "form": form or VisiForm(instance=rpjmd, prefix="visi"),
            "misi_forms": misi_forms,
            "new_form": new_form or MisiForm(rpjmd=rpjmd, initial={"number": len(misi_forms) + 1}),
            "conflict": conflict,
        },
    )


@login_required
@require_POST
def misi_save(request, mp, pk=None):
    access = get_masterplan_for_user(request, mp, manage=True)
    rpjmd = _rpjmd_or_404(access.masterplan)
    instance = _get(access, Misi.objects.filter(rpjmd=rpjmd), pk) if pk else None
    form = MisiForm(request.POST, instance=instance, rpjmd=rpjmd)
    if form.is_valid():
        try:
            services.save_misi(form=form, user=request.user)
        except EditConflict as error:
            return _render_visi_misi(request, access, rpjmd, misi_form=form, conflict=error)
        messages.success(request, _("Misi %(n)s disimpan.") % {"n": form.instance.number})
        return redirect("rpjmd:visi_misi", mp=mp)
    if pk:
        return _render_visi_misi(request, access, rpjmd, misi_form=form)
    return _render_visi_misi(request, access, rpjmd, new_form=form)


def _programs(access, rpjmd):
    """The RPJMD's programmes with their pagu (the sum of every responsible OPD's share, once), the user's OPD's
    own (lead or co-responsible) first, their responsible OPDs prefetched (who may map them)."""
    own = access.opd_id or 0
    mine = Program.co_opds.through.objects.filter(opd_id=own).values("program_id")
    return (
        Program.objects.filter(rpjmd=rpjmd)
        .select_related("opd", "misi", "primary_dimension", "primary_element")
        .prefetch_related("co_opds")
        .annotate(
            pagu=Sum("budgets__amount"),
            own_first=Case(
                When(Q(opd_id=own) | Q(pk__in=mine), then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by("own_first", "order", "code")
    )


def _share(opd_id):
    """The pagu of one OPD in a programme (its rows of ProgramBudget), as a subquery."""
    return Subquery(
        ProgramBudget.objects.filter(program=OuterRef("pk"), opd_id=opd_id)
        .values("program")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )


@login_required
def mapping(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    context = {"access": access, "masterplan": masterplan, "active_tab": "rpjmd", "rpjmd": rpjmd}
    if rpjmd is None:
        return render(request, "rpjmd/mapping.html", context)
    filters = FilterForm(
        request.GET or None,
        opds=OPD.objects.for_masterplan(masterplan),
        misi=Misi.objects.filter(rpjmd=rpjmd),
    )
    programs = filters.apply(_programs(access, rpjmd)).prefetch_related("secondary_elements")
    opd = filters.cleaned_data.get("opd") if filters.is_valid() else None
    if opd is not None:  # one OPD's list: each programme with that OPD's share of its pagu
        programs = programs.annotate(share=_share(opd.pk))
    page = Paginator(programs, PAGE_SIZE).get_page(page_number(request))
    rows = [(program, access.can_edit(program)) for program in page.object_list]
    elements = _elements()
    bulk_form = BulkMappingForm(elements=elements, program_ids=[]) if any(e for _p, e in rows) else None
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        {
            "filters": filters,
            "page": page,
            "rows": rows,
            "bulk_form": bulk_form,
            "query": query.urlencode(),
            "own_opd": access.opd_id,
            "share_opd": opd,
            "all_dimensions": Dimension.objects.all(),
        }
    )
    return render(request, "rpjmd/mapping.html", context)


@login_required
def map_program(request, mp, pk):
    access = get_masterplan_for_user(request, mp, write=request.method == "POST")
    rpjmd = _rpjmd_or_404(access.masterplan)
    program = _get(access, _programs(access, rpjmd), pk, write=True)
    elements = _elements()
    form = MappingForm(request.POST or None, elements=elements, program=program)
    conflict = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.map_program(
                    program=program,
                    element=data["primary_element"],
                    secondary=data["secondary_elements"],
                    justification=data["justification"],
                    expected_version=data["version"],
                    user=request.user,
                )
            except services.StaleVersion:
                # Somebody saved this programme since the form was opened: keep what was typed, show the saved
                # version next to it, and let the next save (at the current version) go through.
                program = _get(access, _programs(access, rpjmd), pk)
                conflict = MappingConflict(program, form)
                form = MappingForm(form.keep_typed(program.version), elements=elements, program=program)
            else:
                if request.htmx:
                    program = _get(access, _programs(access, rpjmd), pk)
                    return render(
                        request,
                        "rpjmd/partials/program_row.html",
                        {"program": program, "editable": True, "masterplan": access.masterplan, "saved": True},
                    )
                messages.success(request, _("Pemetaan %(code)s disimpan.") % {"code": program.code})
                return redirect(reverse("rpjmd:mapping", args=[mp]) + f"#program-{program.pk}")
        elif "version" in form.errors:
            status = 400  # no version: refused, nothing saved (the form says why)
    context = {
        "access": access,
        "masterplan": access.masterplan,
        "active_tab": "rpjmd",
        "program": program,
        "form": form,
        "conflict": conflict,
    }
    if request.htmx:  # htmx swaps only 2xx answers: the fragment carries the refusal itself
        return render(request, "rpjmd/partials/program_row_edit.html", context)
    return render(request, "rpjmd/map_program.html", context, status=status)


@login_required
def program_row(request, mp, pk):
    """The display row of one programme (htmx: cancel an in-place edit)."""
    access = get_masterplan_for_user(request, mp)
    rpjmd = _rpjmd_or_404(access.masterplan)
    program = _get(access, _programs(access, rpjmd), pk)
    return render(
        request,
        "rpjmd/partials/program_row.html",
        {"program": program, "editable": access.can_edit(program), "masterplan": access.masterplan},
    )


@login_required
@require_POST
def bulk_map(request, mp):
    access = get_masterplan_for_user(request, mp, write=True)
    rpjmd = _rpjmd_or_404(access.masterplan)
    try:
        ids = int_ids(request.POST.getlist("programs"), field=_("Program"))
    except ValueError:
        raise Http404 from None
    programs = list(
        Program.objects.filter(rpjmd=rpjmd, pk__in=ids).order_by("order", "code").prefetch_related("co_opds")
    )
    if len(programs) != len(ids):
        raise Http404
    if not all(access.can_edit(p) for p in programs):
        raise PermissionDenied
    form = BulkMappingForm(request.POST, elements=_elements(), program_ids=ids)
    back = reverse("rpjmd:mapping", args=[mp])
    if request.POST.get("next", "").startswith(back + "?"):
        back = request.POST["next"]
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    element = form.cleaned_data["primary_element"]
    versions = form.cleaned_data["versions"]
    context = {
        "access": access,
        "masterplan": access.masterplan,
        "active_tab": "rpjmd",
        "element": element,
        "back": back,
    }
    try:
        count = services.bulk_map(
            programs=programs,
            element=element,
            expected_versions=versions,
            confirm_replace=request.POST.get("confirm_replace") == "1",
            user=request.user,
        )
    except services.BulkStale as error:
        context.update({"stale": error.rows, "total": len(programs)})
        return render(request, "rpjmd/bulk_confirm.html", context, status=409)
    except services.BulkNeedsConfirmation as error:
        chosen = [(p.pk, versions[p.pk]) for p in programs]
        context.update({"replaced": error.rows, "total": len(programs), "chosen": chosen})
        return render(request, "rpjmd/bulk_confirm.html", context)
    messages.success(
        request, _("%(n)s program dipetakan ke %(e)s (%(d)s).") % {"n": count, "e": element, "d": element.dimension}
    )
    return redirect(back)


@login_required
def coverage_view(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    total, mapped = coverage.counts(rpjmd)
    dimensions, matrix = coverage.misi_matrix(rpjmd)
    dimension_rows = coverage.dimension_coverage(rpjmd)
    opd_rows = coverage.opd_coverage(rpjmd)
    programs_chart, budget_chart = coverage.dimension_charts(dimension_rows)
    return render(
        request,
        "rpjmd/coverage.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "rpjmd",
            "rpjmd": rpjmd,
            "total": total,
            "mapped": mapped,
            "dimension_rows": dimension_rows,
            "opd_rows": opd_rows,
            "programs_chart": programs_chart,
            "budget_chart": budget_chart,
            "opd_chart": coverage.opd_chart(opd_rows),
            "dimensions": dimensions,
            "matrix": matrix,
            "all_dimensions": dimensions,
        },
    )


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def export_file(request, mp, fmt):
    access = get_masterplan_for_user(request, mp)
    access.require(access.can_export or access.can_manage)
    if fmt not in ("xlsx", "csv"):
        raise Http404
    rpjmd = _rpjmd_or_404(access.masterplan)
    name = f"rpjmd-{access.masterplan.region.code}-{rpjmd.start_year}-{rpjmd.end_year}"
    if fmt == "csv":
        return _download(export.export_csv(rpjmd), f"{name}.csv", "text/csv; charset=utf-8")
    return _download(
        export.export_xlsx(rpjmd),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
