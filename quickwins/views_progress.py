"""Progress reports: the timeline with its chart, posting an update, files, and the Excel round trip."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import SpreadsheetError
from core.uploads import serve_file
from masterplan.access import get_masterplan_for_user

from . import services
from .charts import progress_chart
from .forms import ImportForm, ProgressForm
from .models import Attachment, ProgressUpdate
from .progress_sheet import export_progress, read_progress
from .views import _context, get_quickwin_for_user

SESSION_KEY = "quickwins_import_{mp}"


@login_required
def progress(request, mp, pk):
    """The timeline (newest first), the chart and, for the owning OPD, the form to report."""
    write = request.method == "POST"
    access, quickwin = get_quickwin_for_user(request, mp, pk, write=write)
    can_edit = access.can_edit(quickwin)
    form = ProgressForm(request.POST or None, request.FILES or None, quickwin=quickwin) if can_edit else None
    if write and form.is_valid():
        data = form.cleaned_data
        services.record_progress(
            masterplan=access.masterplan,
            user=request.user,
            quickwin=quickwin,
            date=data["date"],
            percent=data["percent"],
            status=data["status"],
            note=data["note"],
            files=data["files"],
        )
        messages.success(request, _("Laporan kemajuan %(q)s disimpan.") % {"q": quickwin})
        return redirect("quickwins:progress", mp=mp, pk=pk)
    updates = list(
        ProgressUpdate.objects.filter(quickwin=quickwin)
        .select_related("created_by")
        .prefetch_related("attachments")
        .order_by("-date", "-created_at")
    )
    return render(
        request,
        "quickwins/progress.html",
        _context(
            access,
            quickwin=quickwin,
            updates=updates,
            chart=progress_chart(updates, quickwin.short_name),
            form=form,
            can_edit=can_edit,
        ),
        status=400 if write else 200,
    )


def _update_for_user(request, mp, pk, *, write=False):
    access = get_masterplan_for_user(request, mp, write=write)
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("quickwin").prefetch_related("quickwin__owners"),
        pk=pk,
        quickwin__masterplan=access.masterplan,
    )
    if write:
        access.require_edit(update.quickwin)
    return update


@login_required
@require_POST
def progress_delete(request, mp, pk):
    update = _update_for_user(request, mp, pk, write=True)
    services.delete_progress(masterplan=update.quickwin.masterplan, user=request.user, update=update)
    messages.success(request, _("Laporan kemajuan tanggal %(d)s dihapus.") % {"d": update.date.strftime("%d-%m-%Y")})
    return redirect("quickwins:progress", mp=mp, pk=update.quickwin_id)


def _attachment_for_user(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    return get_object_or_404(Attachment, pk=pk, masterplan=access.masterplan)


@login_required
def attachment(request, mp, pk):
    item = _attachment_for_user(request, mp, pk)
    return serve_file(item.file, item.original_name, inline=item.is_image)


@login_required
def attachment_thumbnail(request, mp, pk):
    item = _attachment_for_user(request, mp, pk)
    return serve_file(item.thumbnail, "thumbnail.jpg", inline=True)


# Excel round trip --------------------------------------------------------------------------------


@login_required
def export(request, mp):
    access = get_masterplan_for_user(request, mp)
    data = export_progress(access.masterplan)
    name = f"kemajuan-quick-win-{access.masterplan.region.code}-{timezone.localdate().isoformat()}.xlsx"
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_preview(request, mp):
    """Upload the filled sheet: every row is checked and shown; nothing is written yet."""
    access = get_masterplan_for_user(request, mp, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    reading = None
    if request.method == "POST" and form.is_valid():
        try:
            reading = read_progress(form.cleaned_data["file"], access=access)
        except SpreadsheetError as error:
            form.add_error("file", error.message)
        else:
            if reading.ok:
                request.session[SESSION_KEY.format(mp=mp)] = reading.as_json()
    status = 400 if request.method == "POST" and (form.errors or (reading and not reading.ok)) else 200
    return render(
        request,
        "quickwins/import.html",
        _context(access, form=form, reading=reading),
        status=status,
    )


@login_required
@require_POST
def import_apply(request, mp):
    access = get_masterplan_for_user(request, mp, write=True)
    rows = request.session.get(SESSION_KEY.format(mp=mp))
    if not rows:
        messages.error(request, _("Tidak ada lembar kerja yang menunggu untuk disimpan. Unggah lagi."))
        return redirect("quickwins:import", mp=mp)
    try:
        written = services.apply_progress_rows(access=access, rows=rows)  # one report for the whole sheet
    except services.ImportRefused as refused:
        messages.error(
            request,
            _("Baris %(r)s tidak dapat disimpan lagi (quick win dihapus atau pindah OPD). Tidak ada yang disimpan.")
            % {"r": refused.args[0]},
        )
        return redirect("quickwins:import", mp=mp)
    finally:
        request.session.pop(SESSION_KEY.format(mp=mp), None)
    messages.success(request, _("%(n)s laporan kemajuan disimpan dari lembar kerja.") % {"n": written})
    return redirect("quickwins:catalogue", mp=mp)
