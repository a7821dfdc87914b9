from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import registry
from core.concurrency import EditConflict
from core.params import page_number
from core.uploads import serve_file
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.models import OPD, Role
from masterplan.services import books_undo_warning

from . import editing
from .forms import EditionForm, ExportForm, LegalBasisForm, SigningForm
from .front import book_number
from .front import signer as front_signer
from .models import Edition, ExportJob
from .panels import latest_by_book
from .rendering import RenderError, book_html, is_final_allowed
from .services import ExportRefused, books_for, request_export, request_opd_extract


def _export_form(masterplan, data=None, books=None):
    books = books_for(masterplan) if books is None else books
    return ExportForm(
        data, books=books, final_allowed=is_final_allowed(masterplan), years=yearly_years(masterplan, books)
    )


def yearly_years(masterplan, books):
    """The years of the set's yearly book (the monev report), newest first; [] when it has none."""
    for book in books:
        yearly = registry.yearly_book(book.key)
        if yearly is not None:
            return list(yearly.years(masterplan))
    return []


def _year_param(request):
    try:
        return int(request.GET.get("tahun", ""))
    except ValueError:
        return None


FINDINGS_SHOWN = 5


def _consistency(masterplan):
    """The plan's consistency report (plan.consistency, 6 queries): what would make the books wrong or thin."""
    from plan.consistency import check

    findings = sorted(check(masterplan), key=lambda f: not f.blocking)  # contradictions first: they block a final
    return {
        "count": len(findings),
        "blocking": sum(1 for f in findings if f.blocking),
        "first": findings[:FINDINGS_SHOWN],
        "rest": findings[FINDINGS_SHOWN:],
    }


FOLDED_SHOWN = 50  # older automatic exports shown in the folded part of the history


@login_required
def index(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    books = books_for(masterplan)
    latest = latest_by_book(masterplan, books)
    jobs = ExportJob.objects.filter(masterplan=masterplan)
    if access.role == Role.OPD_MEMBER:  # another OPD's extract is not theirs
        jobs = jobs.filter(Q(opd__isnull=True) | Q(opd_id=access.opd_id))
    listed, folded = jobs.history()
    page = Paginator(listed, 25).get_page(page_number(request))
    ExportJob.objects.mark_queue_positions(page.object_list)
    folded_count = folded.count()
    folded_rows = list(folded[:FOLDED_SHOWN]) if folded_count else []
    return render(
        request,
        "books/index.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "books",
            "rows": [(book, latest.get(book.key)) for book in books],
            "page": page,
            "folded": folded_rows,
            "folded_count": folded_count,
            "form": _export_form(masterplan, books=books) if access.can_export else None,
            "final_allowed": is_final_allowed(masterplan),
            "consistency": _consistency(masterplan) if access.can_export else None,
            "extract_opds": extract_opds(access),
        },
    )


def extract_opds(access):
    """The OPDs whose extract of the executive summary this user may ask for: every OPD of the region for those
    who export the books, an OPD member's own OPD only, none for a reader."""
    if access.can_export:
        return list(OPD.objects.for_masterplan(access.masterplan).order_by("acronym"))
    if access.role == Role.OPD_MEMBER and access.opd_id:
        return list(OPD.objects.filter(pk=access.opd_id))
    return []


def _may_have_extract(access, opd_id):
    return access.can_export or (access.role == Role.OPD_MEMBER and access.opd_id == opd_id)


@login_required
@require_POST
def opd_extract(request, mp, opd):
    """Ask for one OPD's own copy of the executive summary (queued for the render worker like every export)."""
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    target = get_object_or_404(OPD.objects.for_masterplan(masterplan), pk=opd)
    if not _may_have_extract(access, target.pk):
        raise PermissionDenied(_("Anda hanya dapat mengunduh ringkasan untuk OPD Anda sendiri."))
    final = request.POST.get("variant") == ExportJob.Variant.FINAL
    try:
        job = request_opd_extract(
            masterplan=masterplan,
            opd=target,
            user=request.user,
            variant=ExportJob.Variant.FINAL if final else ExportJob.Variant.DRAFT,
        )
    except ExportRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(t)s diminta; berkasnya muncul di daftar ekspor.") % {"t": job.book_title})
    return redirect("books:index", mp=mp)


@login_required
@require_POST
def export(request, mp):
    access = get_masterplan_for_user(request, mp)
    access.require(access.can_export)
    masterplan = access.masterplan
    form = _export_form(masterplan, request.POST)
    if form.is_valid():
        try:
            jobs = request_export(
                masterplan=masterplan,
                book_keys=form.selected_keys(),
                variant=form.cleaned_data["variant"],
                user=request.user,
                year=form.cleaned_data.get("year"),
            )
        except ExportRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(n)s ekspor diminta. Buku yang isinya tidak berubah segera siap dengan berkas sebelumnya.")
                % {"n": len(jobs)},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("books:index", mp=mp)


@login_required
def job_status(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    job = get_for_user(access, ExportJob.objects.select_related("requested_by"), pk)
    ExportJob.objects.mark_queue_positions([job])
    context = {"job": job, "masterplan": access.masterplan, "latest_card": False}
    if request.htmx:  # the books page: its card for this book shows the newest job, so update it with the row
        newest = ExportJob.objects.filter(masterplan=access.masterplan, book_key=job.book_key).order_by("-pk")
        context["latest_card"] = newest.values_list("pk", flat=True).first() == job.pk
    return render(request, "books/partials/job_status.html", context)


@login_required
def download(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    job = get_for_user(access, ExportJob.objects.filter(status=ExportJob.Status.DONE), pk)
    if job.opd_id and not _may_have_extract(access, job.opd_id) and access.role == Role.OPD_MEMBER:
        raise Http404  # another OPD's extract
    job.masterplan = access.masterplan
    return serve_file(job.file, job.download_name)


@login_required
def preview(request, mp, key):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    book = next((b for b in books_for(masterplan) if b.key == key), None)
    if book is None:
        raise Http404
    try:
        html = book_html(
            masterplan,
            book,
            draft=True,
            for_pdf=False,
            back_url=reverse("books:index", args=[mp]),
            year=_year_param(request),
        )
    except RenderError as error:
        return render(
            request,
            "books/preview_error.html",
            {"masterplan": masterplan, "access": access, "error": str(error), "book": book},
            status=500,
        )
    return HttpResponse(html)


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def docx(request, mp, key):
    """The book as a Word document (draft), built from the same HTML as the PDF; the final one once approved."""
    from .docx import book_docx

    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    book = next((b for b in books_for(masterplan) if b.key == key), None)
    if book is None:
        raise Http404
    final = request.GET.get("final") == "1" and is_final_allowed(masterplan)
    try:
        data = book_docx(masterplan, book, draft=not final, year=_year_param(request))
    except RenderError as error:
        return render(
            request,
            "books/preview_error.html",
            {"masterplan": masterplan, "access": access, "error": str(error), "book": book},
            status=500,
        )
    response = HttpResponse(data, content_type=DOCX)
    name = f"{book.key}-{masterplan.region.code}-{masterplan.cohort.year}{'' if final else '-draf'}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- what the books open with and who signs them (coordinator) ----------------------------------------------------


def _texts_page(request, access, *, status=200, **forms):
    masterplan = access.masterplan
    front = editing.front_for_edit(masterplan)
    forms.setdefault("signing_form", SigningForm(instance=front, prefix="signing"))
    forms.setdefault("legal_form", LegalBasisForm(instance=front, prefix="legal"))
    books = books_for(masterplan)
    editions = {e.book_key: e for e in Edition.objects.filter(masterplan=masterplan)}
    return render(
        request,
        "books/texts.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "books",
            "books": [(book_number(books, b.key), b, editions.get(b.key)) for b in books],
            "signer": front_signer(masterplan, books[0].key if books else "masterplan", front=front),
            "book_warn": books_undo_warning(masterplan),
            **forms,
        },
        status=status,
    )


@login_required
def texts(request, mp):
    """The books' front matter: the regional head, the legal basis, each edition. Every member reads it (the
    review links its section here); only the coordinator (or a programme admin) can change it."""
    return _texts_page(request, get_masterplan_for_user(request, mp))


@login_required
@require_POST
def signing(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = SigningForm(request.POST, instance=editing.front_for_edit(access.masterplan), prefix="signing")
    if not form.is_valid():
        return _texts_page(request, access, status=400, signing_form=form)
    try:
        editing.update_signing(masterplan=access.masterplan, user=request.user, form=form)
    except EditConflict as error:
        return _texts_page(request, access, status=409, signing_form=form, conflict=error)
    messages.success(request, _("Data kepala daerah disimpan."))
    return redirect("books:texts", mp=mp)


@login_required
@require_POST
def legal_basis(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = LegalBasisForm(request.POST, instance=editing.front_for_edit(access.masterplan), prefix="legal")
    if not form.is_valid():
        return _texts_page(request, access, status=400, legal_form=form)
    try:
        editing.update_legal_basis(masterplan=access.masterplan, user=request.user, form=form)
    except EditConflict as error:
        return _texts_page(request, access, status=409, legal_form=form, conflict=error)
    messages.success(request, _("Landasan hukum dan metodologi disimpan."))
    return redirect("books:texts", mp=mp)


@login_required
def edition(request, mp, key):
    """One book's edition: its date, foreword, Pendahuluan and Penutup (defaults shown to edit)."""
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    books = books_for(masterplan)
    book = next((b for b in books if b.key == key), None)
    if book is None:
        raise Http404
    form = EditionForm(
        request.POST or None, instance=editing.edition_for_edit(masterplan, key), masterplan=masterplan, book=book
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_edition(masterplan=masterplan, book=book, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Edisi %(book)s disimpan.") % {"book": book.title})
            return redirect("books:texts", mp=mp)
    return render(
        request,
        "books/edition_form.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "books",
            "book": book,
            "number": book_number(books, key),
            "form": form,
            "conflict": conflict,
            "book_warn": books_undo_warning(masterplan),
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )
