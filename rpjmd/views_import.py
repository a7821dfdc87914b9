"""Importing the RPJMD from a spreadsheet: upload -> preview (nothing written) -> confirm (all or nothing)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import MAX_BYTES
from masterplan.access import get_masterplan_for_user

from . import export, pending, rpjmd_import, services
from .forms import ImportForm
from .models import RPJMD
from .rpjmd_import import BytesUpload as PendingFile
from .views import _download


def _context(access, **extra):
    return {"access": access, "masterplan": access.masterplan, "active_tab": "rpjmd", **extra}


@login_required
def import_upload(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    form = ImportForm(request.POST or None, request.FILES or None, rpjmd=rpjmd)
    problem = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", _("Berkas terlalu besar; batasnya %(max)s MB.") % {"max": MAX_BYTES // 2**20})
        else:
            upload.seek(0)
            data = upload.read()
            sheets, problem = rpjmd_import.read_file(PendingFile(data, upload.name))
            if problem is None:
                period = form.cleaned_data.get("period")
                token = pending.store_pending(
                    masterplan_id=masterplan.pk,
                    user_id=request.user.pk,
                    data=data,
                    name=upload.name,
                    period=list(period) if period else None,
                )
                return redirect("rpjmd:import_preview", mp=mp, token=token)
            form.add_error("file", problem.message)
    return render(request, "rpjmd/import.html", _context(access, form=form, rpjmd=rpjmd))


def _plan(request, access, token, *, create_opds):
    stored = pending.load_pending(masterplan_id=access.masterplan.pk, user_id=request.user.pk, token=token)
    if stored is None:
        return None, None
    data, meta = stored
    period = tuple(meta["period"]) if meta.get("period") else None
    plan = rpjmd_import.import_file(
        PendingFile(data, meta["name"]),
        region=access.masterplan.region,
        masterplan=access.masterplan,
        period=period,
        create_opds=create_opds,
    )
    return plan, meta


@login_required
def import_preview(request, mp, token):
    access = get_masterplan_for_user(request, mp, manage=True)
    create_opds = request.GET.get("buat_opd") == "1"
    plan, meta = _plan(request, access, token, create_opds=create_opds)
    if plan is None:
        messages.error(request, _("Berkas unggahan sudah kedaluwarsa atau tidak ditemukan. Unggah ulang berkasnya."))
        return redirect("rpjmd:import", mp=mp)
    unknown_opds = any(p.kind == "unknown_opd" for p in plan.errors)
    return render(
        request,
        "rpjmd/import_preview.html",
        _context(
            access,
            plan=plan,
            meta=meta,
            token=token,
            create_opds=create_opds,
            unknown_opds=unknown_opds,
            form=ImportForm(rpjmd=plan.rpjmd),
        ),
    )


@login_required
@require_POST
def import_confirm(request, mp, token):
    access = get_masterplan_for_user(request, mp, manage=True)
    create_opds = request.POST.get("create_opds") == "1"
    plan, meta = _plan(request, access, token, create_opds=create_opds)
    if plan is None:
        raise Http404
    if not plan.ok:
        messages.error(request, _("Berkas masih bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah ulang."))
        return redirect("rpjmd:import_preview", mp=mp, token=token)
    services.apply_import(plan=plan, user=request.user)  # one report per section, whatever the file's size
    pending.drop_pending(masterplan_id=access.masterplan.pk, user_id=request.user.pk, token=token)
    messages.success(request, _("Impor selesai: %(summary)s") % {"summary": plan.summary()})
    return redirect("rpjmd:index", mp=mp)


@login_required
def template_download(request, mp):
    access = get_masterplan_for_user(request, mp)
    rpjmd = RPJMD.objects.for_masterplan(access.masterplan)
    year = access.masterplan.cohort.year
    years = rpjmd.years if rpjmd else list(range(year - 1, year + 5))
    return _download(
        export.template_xlsx(years),
        "templat-program-rpjmd.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
