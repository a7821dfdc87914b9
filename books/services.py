"""Export workflows: ask for a book (queued, nothing rendered in the request), render a job (re-run safe; an
unchanged book reuses its file), and the debounced background re-render of draft books after the masterplan
stops changing. The Celery tasks are reached through books.queue: this module never imports books.tasks."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from masterplan.models import Masterplan

from . import queue
from .models import Book, DraftRefresh, ExportJob
from .rendering import (
    RenderError,
    book_html,
    book_year,
    content_hash,
    extract_title,
    is_final_allowed,
    opd_extract_html,
    render_book,
    titled_for_year,
)
from .reviewing import announce_ready

log = logging.getLogger(__name__)
QUIET_SECONDS = 60
DEFAULT_MAX_PAGES = 400
LARGEST = 10**9  # the page count assumed for a book never exported: it is queued first


def max_pages():
    """The most pages a book may have (settings.BOOK_MAX_PAGES, default 400); a longer one fails its job."""
    return getattr(settings, "BOOK_MAX_PAGES", DEFAULT_MAX_PAGES)


class ExportRefused(Exception):
    """The export cannot be asked for (final before approval, unknown book); the message is Indonesian."""


def books_for(masterplan):
    return list(Book.objects.for_masterplan(masterplan))


def _reusable(masterplan, book_key, variant, digest, opd_id=None):
    return (
        ExportJob.objects.filter(
            masterplan=masterplan,
            book_key=book_key,
            variant=variant,
            status=ExportJob.Status.DONE,
            content_hash=digest,
            opd_id=opd_id,
        )
        .exclude(file="")
        .order_by("-finished_at")
        .first()
    )


def _finish_reused(job, source):
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        stage=_("Selesai (isi tidak berubah, berkas sebelumnya dipakai)"),
        progress=100,
        file=source.file.name,
        content_hash=source.content_hash,
        size=source.size,
        page_count=source.page_count,
        reused=True,
        started_at=job.started_at or now,
        finished_at=now,
        render_seconds=0,
    )
    job.refresh_from_db()
    return job


def request_export(*, masterplan, book_keys, variant, user=None, automatic=False, year=None):
    """Create one queued job per book and queue one Celery task each, after commit. Nothing is rendered here:
    the task builds the book's HTML and, when it is unchanged since a finished export, ends the job at once
    with that file (run_job). A yearly book (core.registry.YearlyBook, the monev report) is made for `year`
    (default: its newest year). Returns the jobs, in the order asked."""
    if variant == ExportJob.Variant.FINAL and not is_final_allowed(masterplan):
        raise ExportRefused(
            _("Versi final hanya dapat dibuat setelah masterplan disetujui (status: %(s)s).")
            % {"s": masterplan.get_status_display()}
        )
    if variant == ExportJob.Variant.FINAL:
        refuse_final_while_contradicted(masterplan)
    books = {book.key: book for book in books_for(masterplan)}
    unknown = [key for key in book_keys if key not in books]
    if unknown:
        raise ExportRefused(_("Buku tidak dikenal: %(keys)s.") % {"keys": ", ".join(unknown)})
    years = {}
    for key in book_keys:
        try:
            years[key] = book_year(masterplan, key, year)
        except RenderError as error:
            raise ExportRefused(f"{books[key].title}: {error}") from None
    pages = ExportJob.objects.last_page_counts(masterplan)
    with transaction.atomic():
        jobs = ExportJob.objects.bulk_create(
            ExportJob(
                masterplan=masterplan,
                book_key=key,
                book_title=titled_for_year(books[key], years[key]).title[:150],
                year=years[key],
                variant=variant,
                requested_by=user,
                automatic=automatic,
                stage=_("Menunggu giliran"),
            )
            for key in book_keys
        )
        # Largest book first: while it renders on one worker, the smaller ones fill the others, and the set ends
        # soonest. A book's pages at its last export stand for its render time; a book never exported goes first.
        for job in sorted(jobs, key=lambda job: -pages.get(job.book_key, LARGEST)):
            transaction.on_commit(lambda pk=job.pk: _enqueue(pk))
    return jobs


def open_contradictions(masterplan):
    """The consistency report's findings that make the books contradict themselves (plan.consistency.blocking)."""
    from plan.consistency import blocking, check

    return blocking(check(masterplan))


def refuse_final_while_contradicted(masterplan):
    """A final book is refused while the books contradict themselves; the message lists every contradiction."""
    found = open_contradictions(masterplan)
    if found:
        raise ExportRefused(
            _("Versi final belum dapat dibuat: %(n)s pertentangan antarbuku masih terbuka. %(list)s")
            % {"n": len(found), "list": " ".join(f"({i}) {f.message}" for i, f in enumerate(found, start=1))}
        )


EXTRACT_OF = "ringkasan"  # the book an OPD's extract is taken from


@transaction.atomic
def request_opd_extract(*, masterplan, opd, user, variant=ExportJob.Variant.DRAFT) -> ExportJob:
    """Queue one OPD's own copy of the executive summary ("Ringkasan Eksekutif untuk Dinas Lingkungan Hidup");
    rendered by the Celery render worker like every export (run_job). `opd` must be of the masterplan's region
    (the caller checks the user may have it)."""
    if opd.region_id != masterplan.region_id:
        raise ExportRefused(_("OPD ini bukan perangkat daerah %(r)s.") % {"r": masterplan.region.name})
    if variant == ExportJob.Variant.FINAL:
        if not is_final_allowed(masterplan):
            raise ExportRefused(
                _("Versi final hanya dapat dibuat setelah masterplan disetujui (status: %(s)s).")
                % {"s": masterplan.get_status_display()}
            )
        refuse_final_while_contradicted(masterplan)
    book = next((b for b in books_for(masterplan) if b.key == EXTRACT_OF), None)
    if book is None:
        raise ExportRefused(_("Angkatan ini tidak punya buku Ringkasan Eksekutif."))
    job = ExportJob.objects.create(
        masterplan=masterplan,
        book_key=book.key,
        book_title=extract_title(book, opd)[:150],
        opd=opd,
        variant=variant,
        requested_by=user,
        stage=_("Menunggu giliran"),
    )
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_pk):
    """Queue a render; if the broker cannot be reached the job fails with a message instead of waiting forever."""
    try:
        queue.queue_render(job_pk)
    except Exception as error:  # noqa: BLE001 - kombu/redis connection errors vary by transport
        log.exception("could not queue book export %s", job_pk)
        fail_job(
            job_pk, _("Antrean pembuatan PDF tidak dapat dihubungi (%(e)s). Coba ekspor lagi nanti.") % {"e": error}
        )


def _set(job_pk, **fields):
    ExportJob.objects.filter(pk=job_pk).update(**fields)


def start_job(job_pk):
    """Mark a job running (again, if a worker died mid-render); None when it is already finished."""
    with transaction.atomic():
        job = (
            ExportJob.objects.select_for_update()
            .select_related("masterplan__region", "masterplan__cohort")
            .filter(pk=job_pk)
            .first()
        )
        if job is None or job.finished:
            return None
        job.status = ExportJob.Status.RUNNING
        job.attempts += 1
        job.started_at = job.started_at or timezone.now()
        job.stage, job.progress = _("Menyusun isi buku"), 10
        job.save(update_fields=["status", "attempts", "started_at", "stage", "progress"])
    return job


def run_job(job_pk):
    """The task's body. Re-run safe: a finished job is left alone; the file is stored before the job turns
    done, and it turns done only once (a conditional update)."""
    job = start_job(job_pk)
    if job is None:
        return None
    masterplan = job.masterplan
    book = Book.objects.for_masterplan(masterplan).filter(key=job.book_key).first()
    if book is None:
        raise RenderError(_("Buku “%(key)s” tidak lagi ada dalam susunan buku angkatan ini.") % {"key": job.book_key})
    draft = job.variant == ExportJob.Variant.DRAFT
    if job.opd_id:  # an OPD's own extract of the book
        html = opd_extract_html(masterplan, book, job.opd, draft=draft)
    else:
        html = book_html(masterplan, book, draft=draft, year=job.year)
    digest = content_hash(html, variant=job.variant)
    source = _reusable(masterplan, job.book_key, job.variant, digest, job.opd_id)
    if source:
        with transaction.atomic():
            job = _finish_reused(job, source)
            announce_ready(job)
        return job
    _set(job.pk, stage=_("Menata halaman dan membuat PDF"), progress=35, content_hash=digest)
    began = time.perf_counter()
    pdf, pages = render_book(masterplan, html)
    seconds = time.perf_counter() - began
    if pages > max_pages():
        raise RenderError(
            _(
                "Buku melebihi %(max)s halaman (%(pages)s halaman): isinya terlalu besar untuk satu buku. "
                "Periksa isian yang sangat panjang (mis. teks yang ditempel berulang), lalu ekspor lagi."
            )
            % {"max": max_pages(), "pages": pages}
        )
    _set(job.pk, stage=_("Menyimpan berkas"), progress=90)
    job.file.save(f"{job.book_key}-{digest[:12]}.pdf", ContentFile(pdf), save=False)
    with transaction.atomic():  # the requester's notification is written with the job's end; mail after commit
        job = _finish_rendered(job, digest=digest, pdf=pdf, pages=pages, seconds=seconds)
    return job


def _finish_rendered(job, *, digest, pdf, pages, seconds):
    done = ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.RUNNING).update(
        status=ExportJob.Status.DONE,
        stage=_("Selesai"),
        progress=100,
        file=job.file.name,
        content_hash=digest,
        size=len(pdf),
        page_count=pages,
        render_seconds=round(seconds, 2),
        finished_at=timezone.now(),
        error="",
    )
    if not done:  # another run finished it first: keep that one (it announced itself), drop this file
        job.file.storage.delete(job.file.name)
    job.refresh_from_db()
    if done:
        announce_ready(job)
    return job


def fail_job(job_pk, message):
    ExportJob.objects.filter(pk=job_pk).exclude(status=ExportJob.Status.DONE).update(
        status=ExportJob.Status.FAILED, stage=_("Gagal"), error=message[:2000], finished_at=timezone.now()
    )


# Background re-render of drafts ---------------------------------------------------------------------------


def note_change(masterplan_id):
    """The masterplan changed: remember when, and make sure one countdown task is on its way."""
    if not masterplan_id:
        return
    now = timezone.now()
    updated = DraftRefresh.objects.filter(masterplan_id=masterplan_id).update(changed_at=now)
    if not updated:
        if not Masterplan.objects.filter(pk=masterplan_id).exists():
            return
        DraftRefresh.objects.get_or_create(masterplan_id=masterplan_id, defaults={"changed_at": now})
    claimed = DraftRefresh.objects.filter(masterplan_id=masterplan_id, pending=False).update(pending=True)
    if claimed:
        transaction.on_commit(lambda: _schedule_refresh(masterplan_id))


def _schedule_refresh(masterplan_id):
    """Best effort: a broker that is down must not break the save that triggered it."""
    try:
        queue.schedule_refresh(masterplan_id, countdown=QUIET_SECONDS)
    except Exception:  # noqa: BLE001
        log.exception("could not schedule the draft refresh of masterplan %s", masterplan_id)
        DraftRefresh.objects.filter(masterplan_id=masterplan_id).update(pending=False)


def refresh_if_quiet(masterplan_id, *, now=None):
    """Run by the countdown task. Quiet for a minute: queue the draft books (unchanged ones are reused) and
    return the jobs. Still changing: return the seconds to wait before looking again."""
    now = now or timezone.now()
    with transaction.atomic():
        state = DraftRefresh.objects.select_for_update().filter(masterplan_id=masterplan_id).first()
        if state is None or not state.pending:  # nothing changed since the last refresh (a duplicate delivery)
            return []
        quiet_at = state.changed_at + timedelta(seconds=QUIET_SECONDS)
        if quiet_at > now:
            return max(1, int((quiet_at - now).total_seconds()) + 1)
        state.pending = False
        state.rendered_at = now
        state.save(update_fields=["pending", "rendered_at"])
    masterplan = Masterplan.objects.select_related("region", "cohort").get(pk=masterplan_id)
    keys = [book.key for book in books_for(masterplan) if registry.yearly_book(book.key) is None]
    return request_export(masterplan=masterplan, book_keys=keys, variant=ExportJob.Variant.DRAFT, automatic=True)
