from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.pdf import render_pdf
from core.uploads import serve_file
from masterplan.access import get_masterplan_for_user

from .. import services
from ..forms import CommitmentForm, ScanForm, SignatoryForm
from ..models import Commitment, Signatory
from ..panels import participating_opds


def _page(request, access, commitment, status=200, **forms):
    if access.can_manage:
        forms.setdefault("form", CommitmentForm(instance=commitment))
        forms.setdefault("signatory_form", SignatoryForm(masterplan=access.masterplan, prefix="signatory"))
        forms.setdefault("scan_form", ScanForm(prefix="scan"))
    return render(
        request,
        "bimtek/commitment.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "commitment": commitment,
            "signatories": commitment.signatories.select_related("opd") if commitment.pk else [],
            "active_tab": "bimtek",
            **forms,
        },
        status=status,
    )


def _commitment(access):
    """The saved commitment, or an unsaved one holding the default text (nothing is written on a read)."""
    masterplan = access.masterplan
    return Commitment.objects.filter(masterplan=masterplan).first() or Commitment(
        masterplan=masterplan, text=services.default_commitment_text(masterplan)
    )


@login_required
def commitment(request, mp):
    access = get_masterplan_for_user(request, mp, manage=request.method == "POST")
    if request.method != "POST":
        return _page(request, access, _commitment(access))
    obj = _commitment(access)  # unsaved on the first save: created from the form
    form = CommitmentForm(request.POST, instance=obj)
    if form.is_valid():
        try:
            services.save_commitment(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            return _page(request, access, error.current, form=error.form, conflict=error)
        messages.success(request, _("Komitmen Bersama disimpan."))
        return redirect("bimtek:commitment", mp=mp)
    return _page(request, access, obj, status=400, form=form)


@login_required
@require_POST
def signatory_add(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = SignatoryForm(request.POST, masterplan=access.masterplan, prefix="signatory")
    if not form.is_valid():
        return _page(request, access, _commitment(access), status=400, signatory_form=form)
    services.add_signatory(masterplan=access.masterplan, user=request.user, form=form)
    messages.success(request, _("%(n)s ditambahkan sebagai penanda tangan.") % {"n": form.instance.name})
    return redirect("bimtek:commitment", mp=mp)


@login_required
@require_POST
def signatory_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_object_or_404(Signatory.objects.filter(commitment__masterplan=access.masterplan), pk=pk)
    services.delete_signatory(masterplan=access.masterplan, user=request.user, signatory=obj)
    messages.success(request, _("%(n)s dihapus dari penanda tangan.") % {"n": obj.name})
    return redirect("bimtek:commitment", mp=mp)


@login_required
@require_POST
def commitment_scan_upload(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = ScanForm(request.POST, request.FILES, prefix="scan")
    if not form.is_valid():
        return _page(request, access, _commitment(access), status=400, scan_form=form)
    services.set_commitment_scan(masterplan=access.masterplan, user=request.user, uploaded=form.cleaned_data["scan"])
    messages.success(request, _("Pindaian naskah bertanda tangan diunggah."))
    return redirect("bimtek:commitment", mp=mp)


@login_required
def commitment_scan(request, mp):
    access = get_masterplan_for_user(request, mp)
    obj = get_object_or_404(Commitment, masterplan=access.masterplan)
    suffix = obj.scan.name.rsplit(".", 1)[-1] if obj.scan else "pdf"
    return serve_file(obj.scan, f"komitmen-bersama-{access.masterplan.region.code}.{suffix}")


@login_required
def commitment_pdf(request, mp):
    """The one-page printable commitment with signature lines."""
    access = get_masterplan_for_user(request, mp)
    obj = _commitment(access)
    signatories = list(obj.signatories.select_related("opd")) if obj.pk else []
    html = render_to_string(
        "bimtek/commitment_pdf.html",
        {
            "masterplan": access.masterplan,
            "commitment": obj,
            "signatories": signatories,
            "opds": participating_opds(access.masterplan),
        },
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="komitmen-bersama-{access.masterplan.region.code}.pdf"'
    return response
