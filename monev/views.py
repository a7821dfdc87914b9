"""Pages of monitoring and evaluation: reporting years, the coordinator's overview, an OPD's reports, one report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.uploads import serve_file
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.models import OPD

from . import services
from .forms import ReportForm, ReportingYearForm
from .items import PROGRAMME, QUICKWIN, find_item, load_items, summarise
from .models import Evidence, ReportingYear, Sosialisasi


def get_year_for_user(request, mp, year, **required):
    """(access, reporting year): 404 unless the user sees the masterplan and it has that reporting year."""
    access = get_masterplan_for_user(request, mp, **required)
    reporting_year = get_object_or_404(ReportingYear, masterplan=access.masterplan, year=year)
    reporting_year.masterplan = access.masterplan
    return access, reporting_year


def _context(access, **extra):
    return {"access": access, "masterplan": access.masterplan, "active_tab": "monev", **extra}


def _messages_of(error):
    return error.messages if isinstance(error, ValidationError) else [str(error)]


@login_required
def index(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    years = list(ReportingYear.objects.for_masterplan(masterplan).order_by("-year"))
    rows = []
    for reporting_year in years:
        reporting_year.masterplan = masterplan
        rows.append((reporting_year, summarise(load_items(reporting_year))))
    form = ReportingYearForm(masterplan=masterplan) if access.can_manage else None
    has_subjects = bool(rows and rows[0][1].items_total) or _has_subjects(masterplan)
    event_count = Sosialisasi.objects.for_masterplan(masterplan).count()
    return render(
        request,
        "monev/index.html",
        _context(access, rows=rows, form=form, has_subjects=has_subjects, event_count=event_count),
    )


def _has_subjects(masterplan):
    from plan.models import Programme
    from quickwins.models import QuickWin

    return (
        Programme.objects.for_masterplan(masterplan).exists()
        or QuickWin.objects.for_masterplan(masterplan).chosen().exists()
    )


@login_required
@require_POST
def year_open(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = ReportingYearForm(request.POST, masterplan=access.masterplan)
    if form.is_valid():
        try:
            reporting_year = services.open_year(
                access=access, year=form.cleaned_data["year"], deadline=form.cleaned_data["deadline"]
            )
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        else:
            messages.success(request, _("Pelaporan %(y)s dibuka.") % {"y": reporting_year.year})
            return redirect("monev:year", mp=mp, year=reporting_year.year)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("monev:index", mp=mp)


@login_required
def year(request, mp, year):
    """The coordinator's overview: every OPD with what it reported; the year's review and its actions."""
    access, reporting_year = get_year_for_user(request, mp, year)
    summary = summarise(load_items(reporting_year))
    return render(
        request,
        "monev/year.html",
        _context(
            access,
            reporting_year=reporting_year,
            summary=summary,
            actions=services.allowed_actions(access, reporting_year),
            own_opd=access.opd_id,
        ),
    )


def _year_action(request, mp, year, run, done):
    access, reporting_year = get_year_for_user(request, mp, year)
    try:
        run(access, reporting_year, _version(request))
    except services.Conflict:
        messages.error(
            request, _("Pelaporan ini sudah diubah orang lain sejak Anda membukanya; periksa lagi lalu ulangi.")
        )
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("monev:year", mp=mp, year=year)


def _version(request):
    try:
        return int(request.POST.get("version"))
    except (TypeError, ValueError):
        return None


@login_required
@require_POST
def year_close(request, mp, year):
    def run(access, reporting_year, version):
        services.set_closed(access=access, reporting_year=reporting_year, closed=True, expected_version=version)

    return _year_action(request, mp, year, run, _("Pelaporan %(y)s ditutup.") % {"y": year})


@login_required
@require_POST
def year_reopen(request, mp, year):
    def run(access, reporting_year, version):
        services.set_closed(access=access, reporting_year=reporting_year, closed=False, expected_version=version)

    return _year_action(request, mp, year, run, _("Pelaporan %(y)s dibuka lagi.") % {"y": year})


@login_required
@require_POST
def year_transition(request, mp, year):
    action = request.POST.get("action", "")

    def run(access, reporting_year, version):
        services.transition(
            access=access,
            reporting_year=reporting_year,
            action=action,
            expected_version=version,
            note=request.POST.get("note", ""),
        )

    done = {
        "submit": _("Laporan monev %(y)s diajukan ke tenaga ahli."),
        "accept": _("Laporan monev %(y)s diterima."),
        "request_changes": _("Perbaikan laporan monev %(y)s diminta."),
    }.get(action, "%(y)s")
    return _year_action(request, mp, year, run, done % {"y": year})


@login_required
def opd_report(request, mp, year, opd):
    """An OPD's items of the year with what is still missing."""
    access, reporting_year = get_year_for_user(request, mp, year)
    opd = get_for_user(access, OPD.objects.all(), opd, scope="region")
    items = load_items(reporting_year, opd_id=opd.pk)
    summary = summarise(items)
    return render(
        request,
        "monev/opd_report.html",
        _context(
            access,
            reporting_year=reporting_year,
            opd=opd,
            items=items,
            row=summary.rows[0] if summary.rows else None,
            can_write=access.can_edit(opd_id=opd.pk) and reporting_year.accepts_reports,
        ),
    )


def _report(request, mp, year, kind, pk):
    access, reporting_year = get_year_for_user(request, mp, year, write=request.method == "POST")
    item = find_item(reporting_year, kind=kind, pk=pk)
    if item is None:
        raise Http404
    if request.method == "POST":
        access.require_edit(item)
    can_write = access.can_edit(item) and reporting_year.accepts_reports
    form = ReportForm(request.POST or None, request.FILES or None, item=item, year=reporting_year.year)
    conflict = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = services.ReportData(
                status=form.cleaned_data["status"],
                budget_realised=form.cleaned_data["budget_realised"],
                budget_source=form.cleaned_data["budget_source"],
                notes=form.cleaned_data["notes"].strip(),
                realisations=form.realisations(),
            )
            try:
                services.save_report(
                    access=access,
                    reporting_year=reporting_year,
                    item=item,
                    data=data,
                    expected_version=form.cleaned_data["version"],
                    files=form.cleaned_data["files"],
                )
            except services.Conflict as error:
                conflict = error
                form.data = form.data.copy()
                form.data["version"] = error.current.version
                status = 409
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Laporan %(n)s disimpan.") % {"n": item.name})
                if item.opd:
                    return redirect("monev:opd_report", mp=mp, year=year, opd=item.opd.pk)
                return redirect("monev:year", mp=mp, year=year)
    return render(
        request,
        "monev/report.html",
        _context(access, reporting_year=reporting_year, item=item, form=form, conflict=conflict, can_write=can_write),
        status=status,
    )


@login_required
def report_programme(request, mp, year, pk):
    return _report(request, mp, year, PROGRAMME, pk)


@login_required
def report_quickwin(request, mp, year, pk):
    return _report(request, mp, year, QUICKWIN, pk)


def _evidence_for_user(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    evidence = get_object_or_404(
        Evidence.objects.select_related("report__reporting_year", "report__programme", "report__quickwin"),
        pk=pk,
        report__reporting_year__masterplan=access.masterplan,
    )
    return access, evidence


@login_required
def evidence(request, mp, pk):
    _access, item = _evidence_for_user(request, mp, pk)
    return serve_file(item.file, item.original_name)


@login_required
@require_POST
def evidence_delete(request, mp, pk):
    access, evidence = _evidence_for_user(request, mp, pk)
    report = evidence.report
    report.reporting_year.masterplan = access.masterplan
    kind = PROGRAMME if report.programme_id else QUICKWIN
    item = find_item(report.reporting_year, kind=kind, pk=report.programme_id or report.quickwin_id)
    if item is None:
        raise Http404
    access.require_edit(item)
    try:
        services.delete_evidence(access=access, evidence=evidence, item=item)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Berkas %(n)s dihapus.") % {"n": evidence.original_name})
    return redirect(report.get_absolute_url())
