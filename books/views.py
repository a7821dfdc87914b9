from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.params import page_number
from core.uploads import serve_file
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.services import books_undo_warning

from . import editing
from .forms import EditionForm, ExportForm, LegalBasisForm, SigningForm
from .front import book_number
from .front import signer as front_signer
from .models import Edition, ExportJob
from .panels import latest_by_book
from .rendering import RenderError, book_html, is_final_allowed
from .services import ExportRefused, books_for, request_export


def _export_form(masterplan, data=None, books=None):
    books = books_for(masterplan) if books is None else books
    return ExportForm(data, books=books, final_allowed=is_final_allowed(masterplan))


FINDINGS_SHOWN = 5


def _consistency(masterplan):
    """The plan's consistency report (plan.consistency, 6 queries): what would make the books wrong or thin."""
    from plan.consistency import check

    findings = check(masterplan)
    return {"count": len(findings), "first": findings[:FINDINGS_SHOWN], "rest": findings[FINDINGS_SHOWN:]}


@login_required
def index(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    books = books_for(masterplan)
    latest = latest_by_book(masterplan, books)
    jobs = ExportJob.objects.filter(masterplan=masterplan).for_list()
    page = Paginator(jobs, 25).get_page(page_number(request))
    ExportJob.objects.mark_queue_positions(page.object_list)
    return render(
        request,
        "books/index.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "books",
            "rows": [(book, latest.get(book.key)) for book in books],
            "page": page,
            "form": _export_form(masterplan, books=books) if access.can_export else None,
            "final_allowed": is_final_allowed(masterplan),
            "consistency": _consistency(masterplan) if access.can_export else None,
        },
    )


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
        html = book_html(masterplan, book, draft=True, for_pdf=False, back_url=reverse("books:index", args=[mp]))
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
        data = book_docx(masterplan, book, draft=not final)
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
