"""The Excel round trip of an OPD's reports: download prefilled, upload, preview, apply all or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import SpreadsheetError
from masterplan.access import get_for_user
from masterplan.models import OPD

from . import services
from .forms import SheetForm
from .sheet import export_sheet, read_sheet
from .views import _context, get_year_for_user

SESSION_KEY = "monev_sheet_{mp}_{year}_{opd}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _opd(access, opd):
    return get_for_user(access, OPD.objects.all(), opd, scope="region")


@login_required
def export(request, mp, year, opd):
    access, reporting_year = get_year_for_user(request, mp, year)
    opd = _opd(access, opd)
    data = export_sheet(reporting_year, opd_id=opd.pk)
    name = f"monev-{reporting_year.year}-{access.masterplan.region.code}-{opd.acronym}.xlsx".replace(" ", "-")
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_preview(request, mp, year, opd):
    """Upload the filled sheet: every row is checked and shown; nothing is written yet."""
    access, reporting_year = get_year_for_user(request, mp, year, write=True)
    opd = _opd(access, opd)
    access.require_edit(opd_id=opd.pk)
    form = SheetForm(request.POST or None, request.FILES or None)
    reading = None
    key = SESSION_KEY.format(mp=mp, year=year, opd=opd.pk)
    if not reporting_year.accepts_reports:
        messages.error(request, _("Pelaporan %(y)s sedang tidak menerima laporan.") % {"y": year})
    elif request.method == "POST" and form.is_valid():
        try:
            reading = read_sheet(form.cleaned_data["file"], access=access, reporting_year=reporting_year)
        except SpreadsheetError as error:
            form.add_error("file", error.message)
        else:
            if reading.ok:
                request.session[key] = reading.as_json()
    failed = request.method == "POST" and (form.errors or (reading is not None and not reading.ok))
    return render(
        request,
        "monev/import.html",
        _context(access, reporting_year=reporting_year, opd=opd, form=form, reading=reading),
        status=400 if failed else 200,
    )


@login_required
@require_POST
def import_apply(request, mp, year, opd):
    access, reporting_year = get_year_for_user(request, mp, year, write=True)
    opd = _opd(access, opd)
    access.require_edit(opd_id=opd.pk)
    key = SESSION_KEY.format(mp=mp, year=year, opd=opd.pk)
    rows = request.session.pop(key, None)
    if not rows:
        messages.error(request, _("Tidak ada lembar kerja yang menunggu untuk disimpan. Unggah lagi."))
        return redirect("monev:import", mp=mp, year=year, opd=opd.pk)
    try:
        written = services.apply_sheet(access=access, reporting_year=reporting_year, rows=rows, user=request.user)
    except services.SheetRefused as refused:
        messages.error(
            request,
            _(
                "Baris %(r)s tidak dapat disimpan lagi (laporannya diubah di portal, atau pelaporan ditutup, sejak "
                "pratinjau). Tidak ada yang disimpan; unggah lagi."
            )
            % {"r": refused.args[0]},
        )
        return redirect("monev:import", mp=mp, year=year, opd=opd.pk)
    messages.success(request, _("%(n)s laporan disimpan dari lembar kerja.") % {"n": written})
    return redirect("monev:opd_report", mp=mp, year=year, opd=opd.pk)
