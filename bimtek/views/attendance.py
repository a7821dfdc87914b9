"""Attendance in bulk: paste a list or upload a sheet, see the preview, confirm (all or nothing); and the printable
attendance sheet (daftar hadir) of a session."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pdf import render_pdf
from core.spreadsheets import SpreadsheetError
from masterplan.access import get_for_user, get_masterplan_for_user

from .. import attendance, services
from ..forms import AttendancePasteForm, AttendanceUploadForm
from ..models import Session

MIN_SHEET_ROWS, MAX_BLANK_ROWS = 40, 200  # a bimtek hall holds 40-100 people


def _preview_page(request, access, session, *, result=None, paste_form=None, upload_form=None, source="", status=200):
    return render(
        request,
        "bimtek/attendance_preview.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "session": session,
            "result": result,
            "paste_form": paste_form or AttendancePasteForm(prefix="paste"),
            "upload_form": upload_form or AttendanceUploadForm(prefix="upload"),
            "source": source,
            "active_tab": "bimtek",
        },
        status=status,
    )


@login_required
def attendance_preview(request, mp, pk):
    """GET: the paste and upload forms. POST: a pasted list (paste-text) or a sheet (upload-sheet) read and shown
    row by row, with the lines it refuses; nothing is written."""
    access = get_masterplan_for_user(request, mp, manage=True)
    session = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    if request.method != "POST":
        return _preview_page(request, access, session)
    if "upload-sheet" in request.FILES:
        form = AttendanceUploadForm(request.POST, request.FILES, prefix="upload")
        if not form.is_valid():
            return _preview_page(request, access, session, upload_form=form, status=400)
        try:
            lines = attendance.lines_from_upload(form.cleaned_data["sheet"])
        except SpreadsheetError as error:
            form.add_error("sheet", error.message)
            return _preview_page(request, access, session, upload_form=form, status=400)
        source = form.cleaned_data["sheet"].name
    else:
        form = AttendancePasteForm(request.POST, prefix="paste")
        if not form.is_valid():
            return _preview_page(request, access, session, paste_form=form, status=400)
        lines = attendance.lines_from_text(form.cleaned_data["text"])
        source = ""
    result = attendance.preview(lines, session=session)
    paste_form = AttendancePasteForm(
        prefix="paste", initial={"text": form.cleaned_data.get("text") or result.canonical_text()}
    )
    return _preview_page(
        request,
        access,
        session,
        result=result,
        paste_form=paste_form,
        source=source,
        status=200 if result.ok else 400,
    )


@login_required
@require_POST
def attendance_confirm(request, mp, pk):
    """Write the previewed list (sent back as text and read again by the service): every person or none."""
    access = get_masterplan_for_user(request, mp, manage=True)
    session = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = AttendancePasteForm(request.POST, prefix="paste")
    if not form.is_valid():
        return _preview_page(request, access, session, paste_form=form, status=400)
    try:
        added = services.import_attendees(
            masterplan=access.masterplan, user=request.user, session=session, text=form.cleaned_data["text"]
        )
    except services.AttendanceError as error:
        result = attendance.Preview(errors=error.messages)
        return _preview_page(request, access, session, result=result, paste_form=form, status=400)
    messages.success(request, _("%(n)s peserta ditambahkan ke daftar hadir.") % {"n": len(added)})
    return redirect("bimtek:session", mp=mp, pk=pk)


def _blank_rows(request, filled):
    """Empty rows to write in by hand: ?kosong=N (0..200), else enough for 40 lines and at least 10."""
    raw = request.GET.get("kosong", "").strip()
    if re.fullmatch(r"[0-9]{1,3}", raw, re.ASCII):
        return min(int(raw), MAX_BLANK_ROWS)
    return max(MIN_SHEET_ROWS - filled, 10)


@login_required
def attendance_pdf(request, mp, pk):
    """The attendance sheet to print before the session: number, name, position, OPD, signature; the people
    already listed first, then empty rows."""
    access = get_masterplan_for_user(request, mp)
    session = get_for_user(access, Session.objects.select_related("stage"), pk)
    attendees = list(session.attendees.select_related("opd"))
    blank = _blank_rows(request, len(attendees))
    html = render_to_string(
        "bimtek/attendance_pdf.html",
        {
            "masterplan": access.masterplan,
            "session": session,
            "attendees": attendees,
            "blank_numbers": range(len(attendees) + 1, len(attendees) + blank + 1),
        },
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="daftar-hadir-sesi-{session.pk}.pdf"'
    return response
