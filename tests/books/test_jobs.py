"""The export job's state machine, reuse by content hash, the task's failure paths, the debounced re-render."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

from books import services, tasks
from books.models import DraftRefresh, ExportJob
from core import registry
from masterplan.models import Masterplan
from tests.factories import MasterplanFactory

from .factories import ExportJobFactory
from .helpers import metadata, pdf_text


@pytest.fixture
def mp(db):
    return MasterplanFactory()


def _queue(mp, django_capture_on_commit_callbacks, keys=("ringkasan",), variant="draft"):
    with mock.patch.object(tasks.render_export, "delay") as delay, django_capture_on_commit_callbacks(execute=True):
        jobs = services.request_export(masterplan=mp, book_keys=list(keys), variant=variant)
    return jobs, delay


def test_export_queues_after_commit_and_the_task_finishes_the_job(mp, django_capture_on_commit_callbacks):
    jobs, delay = _queue(mp, django_capture_on_commit_callbacks)
    job = jobs[0]
    assert job.status == "queued"
    delay.assert_called_once_with(job.pk)
    tasks.render_export(job.pk)
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts) == ("done", 100, 1)
    pdf = job.file.read()
    assert job.size == len(pdf) and job.page_count == metadata(pdf)[2] and len(job.content_hash) == 64
    assert job.started_at <= job.finished_at and not job.reused


def test_all_books_queue_one_task_each(mp, django_capture_on_commit_callbacks):
    jobs, delay = _queue(
        mp, django_capture_on_commit_callbacks, keys=["analisis", "masterplan", "ringkasan", "quickwin"]
    )
    assert delay.call_count == 4 and {j.book_key for j in jobs} == {"analisis", "masterplan", "ringkasan", "quickwin"}


def test_the_export_request_renders_nothing(mp, django_capture_on_commit_callbacks):
    """Every book asked for is queued; neither its HTML nor its PDF is made in the request (the task decides
    whether an unchanged file can be reused)."""
    with (
        mock.patch.object(services, "book_html", side_effect=AssertionError("rendered in the request")) as html,
        mock.patch.object(services, "render_book", side_effect=AssertionError("rendered in the request")) as pdf,
    ):
        jobs, delay = _queue(mp, django_capture_on_commit_callbacks, keys=["analisis", "masterplan", "ringkasan"])
    assert html.call_count == 0 and pdf.call_count == 0
    assert [j.status for j in jobs] == ["queued"] * 3 and delay.call_count == 3


def test_the_largest_book_is_queued_first(mp, django_capture_on_commit_callbacks):
    """Jobs are listed in the books' order, but queued by the pages of each book's last finished export, largest
    first (a book never exported counts as largest), so the longest render starts first and the set ends soonest
    on several workers."""
    ExportJobFactory(masterplan=mp, book_key="masterplan", page_count=200)  # older: its latest export counts
    ExportJobFactory(masterplan=mp, book_key="masterplan", page_count=90, variant="final")
    ExportJobFactory(masterplan=mp, book_key="ringkasan", page_count=15, reused=True)
    ExportJobFactory(masterplan=mp, book_key="analisis", page_count=60)
    ExportJobFactory(masterplan=mp, book_key="analisis", page_count=None, status="failed")
    ExportJobFactory(book_key="quickwin", page_count=900)  # another masterplan's
    assert ExportJob.objects.last_page_counts(mp) == {"masterplan": 90, "ringkasan": 15, "analisis": 60}
    keys = ["analisis", "masterplan", "ringkasan", "quickwin"]
    jobs, delay = _queue(mp, django_capture_on_commit_callbacks, keys=keys)
    by_pk = {job.pk: job.book_key for job in jobs}
    assert [j.book_key for j in jobs] == keys
    assert [by_pk[call.args[0]] for call in delay.call_args_list] == ["quickwin", "masterplan", "analisis", "ringkasan"]


def test_unchanged_export_reuses_the_file_at_once(mp, django_capture_on_commit_callbacks):
    """The request queues the job; the task finds the book's HTML unchanged and ends the job with the stored file,
    without making a PDF."""
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    first = ExportJob.objects.get(pk=jobs[0].pk)
    again, delay = _queue(mp, django_capture_on_commit_callbacks)
    assert again[0].status == "queued" and delay.call_count == 1
    with mock.patch.object(services, "render_book", side_effect=AssertionError("rendered again")) as render:
        began = time.perf_counter()
        tasks.render_export(again[0].pk)
        elapsed = time.perf_counter() - began
    job = ExportJob.objects.get(pk=again[0].pk)
    assert render.call_count == 0 and (job.status, job.reused, job.progress) == ("done", True, 100)
    assert job.file.name == first.file.name and job.content_hash == first.content_hash
    assert (job.page_count, job.size, job.render_seconds) == (first.page_count, first.size, 0)
    assert elapsed < 2  # the HTML only (measured ~50 ms); generous for a shared machine


def test_changed_content_is_rendered_again(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    first = ExportJob.objects.get(pk=jobs[0].pk)
    from books.models import Edition

    Edition.objects.create(masterplan=mp, book_key=jobs[0].book_key, foreword="Kata pengantar baru")
    mp.refresh_from_db()
    again, delay = _queue(mp, django_capture_on_commit_callbacks)
    assert again[0].status == "queued" and delay.call_count == 1
    with mock.patch.object(services, "render_book", wraps=services.render_book) as render:
        tasks.render_export(again[0].pk)
    job = ExportJob.objects.get(pk=again[0].pk)
    assert render.call_count == 1 and (job.status, job.reused) == ("done", False)
    assert job.content_hash != first.content_hash and job.file.name != first.file.name
    assert "Kata pengantar baru" in pdf_text(job.file.read())


def test_a_final_does_not_reuse_a_draft(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    draft = ExportJob.objects.get(pk=jobs[0].pk)
    Masterplan.objects.filter(pk=mp.pk).update(status=Masterplan.Status.APPROVED)
    mp.refresh_from_db()
    final, _delay = _queue(mp, django_capture_on_commit_callbacks, variant="final")
    tasks.render_export(final[0].pk)
    job = ExportJob.objects.get(pk=final[0].pk)
    assert (job.status, job.reused) == ("done", False) and draft.file and job.file.name != draft.file.name


def test_a_rerun_after_a_killed_worker_ends_done_once(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    services.start_job(jobs[0].pk)  # the first worker took it and died mid-render
    assert ExportJob.objects.get(pk=jobs[0].pk).status == "running"
    tasks.render_export(jobs[0].pk)  # redelivered
    done = ExportJob.objects.get(pk=jobs[0].pk)
    assert done.status == "done" and done.attempts == 2
    tasks.render_export(jobs[0].pk)  # delivered once more: nothing changes
    assert ExportJob.objects.get(pk=jobs[0].pk).finished_at == done.finished_at


def test_a_render_error_fails_the_job_with_a_readable_message(mp, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(registry, "_chapters", {})
    registry.register_chapter(
        registry.Chapter("ringkasan", "rusak", "Bab Rusak", "books/books/team.html", lambda m: 1 / 0, 1)
    )
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    job = ExportJob.objects.get(pk=jobs[0].pk)
    assert job.status == "failed" and "Bab “Bab Rusak”" in job.error and job.finished_at


def test_an_unexpected_error_fails_the_job(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    with mock.patch("books.services.render_book", side_effect=MemoryError("habis")):
        tasks.render_export(jobs[0].pk)
    job = ExportJob.objects.get(pk=jobs[0].pk)
    assert job.status == "failed" and "MemoryError" in job.error


def test_a_transient_error_retries_with_backoff(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    with (
        mock.patch("books.services.run_job", side_effect=OperationalError("database is locked")),
        mock.patch.object(tasks.render_export, "retry", side_effect=RuntimeError("retry")) as retry,
        pytest.raises(RuntimeError),
    ):
        tasks.render_export(jobs[0].pk)
    assert retry.call_args.kwargs["countdown"] == 15
    assert ExportJob.objects.get(pk=jobs[0].pk).status == "queued"


def test_final_is_refused_unless_approved(mp):
    with pytest.raises(services.ExportRefused, match="disetujui"):
        services.request_export(masterplan=mp, book_keys=["ringkasan"], variant="final")
    assert not ExportJob.objects.exists()


def test_a_burst_of_changes_gives_one_countdown_and_one_render(mp, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.refresh_drafts, "apply_async") as countdown:
        for _ in range(5):
            with django_capture_on_commit_callbacks(execute=True):
                services.note_change(mp.pk)
    assert countdown.call_count == 1 and countdown.call_args.kwargs["countdown"] == 60
    state = DraftRefresh.objects.get(masterplan=mp)
    assert services.refresh_if_quiet(mp.pk, now=state.changed_at + timedelta(seconds=30)) == 31
    with mock.patch.object(tasks.render_export, "delay") as delay, django_capture_on_commit_callbacks(execute=True):
        jobs = services.refresh_if_quiet(mp.pk, now=state.changed_at + timedelta(seconds=61))
    assert len(jobs) == 4 and all(j.automatic and j.variant == "draft" for j in jobs) and delay.call_count == 4
    assert services.refresh_if_quiet(mp.pk, now=timezone.now() + timedelta(minutes=5)) == []  # no change since


def test_a_reported_change_marks_its_drafts_stale_after_commit(mp, django_capture_on_commit_callbacks):
    from review.changes import report_change

    with (
        mock.patch.object(tasks.refresh_drafts, "apply_async") as countdown,
        django_capture_on_commit_callbacks(execute=True),
    ):
        report_change(masterplan=mp, section_key="book:ringkasan", user=None, reason="Kata pengantar diubah.")
    assert DraftRefresh.objects.filter(masterplan=mp, pending=True).exists() and countdown.call_count == 1


def test_a_rolled_back_change_leaves_the_drafts_alone(mp, django_capture_on_commit_callbacks):
    from django.db import transaction

    from review.changes import report_change

    with (
        mock.patch.object(tasks.refresh_drafts, "apply_async") as countdown,
        django_capture_on_commit_callbacks(execute=True),
    ):
        with pytest.raises(RuntimeError), transaction.atomic():
            report_change(masterplan=mp, section_key="book:ringkasan", user=None)
            raise RuntimeError("the service failed after reporting")
    assert not DraftRefresh.objects.filter(masterplan=mp, pending=True).exists() and countdown.call_count == 0


def test_an_unreachable_broker_fails_the_job_with_a_message(mp, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(tasks.render_export, "delay", side_effect=ConnectionError("redis down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = services.request_export(masterplan=mp, book_keys=["ringkasan"], variant="draft")[0]
    job.refresh_from_db()
    assert job.status == "failed" and "Antrean pembuatan PDF tidak dapat dihubungi" in job.error


def test_an_unreachable_broker_does_not_break_a_save(mp, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(tasks.refresh_drafts, "apply_async", side_effect=ConnectionError("redis down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.note_change(mp.pk)
    assert DraftRefresh.objects.get(masterplan=mp).pending is False  # the next change tries again


def test_services_and_tasks_do_not_import_each_other():
    """tasks import services; services queue through books.queue, which tasks connect on import."""
    import ast
    import inspect

    from books import queue

    def imported(module):
        names = set()
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.ImportFrom):
                names |= {f"{'.' * node.level}{node.module or ''}:{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
        return names

    assert not {name for name in imported(services) if "tasks" in name}
    assert ".:services" in imported(tasks) or "books.services" in imported(tasks)
    assert queue._tasks == {"render": tasks.render_export, "refresh": tasks.refresh_drafts}


def test_a_book_over_the_page_limit_fails_saying_so(mp, django_capture_on_commit_callbacks, settings):
    import re

    settings.BOOK_MAX_PAGES = 3  # every book has more: cover, foreword, contents, chapters
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    job = ExportJob.objects.get(pk=jobs[0].pk)
    assert job.status == "failed" and not job.file and job.finished_at
    found = re.match(r"Buku melebihi 3 halaman \((\d+) halaman\): isinya terlalu besar untuk satu buku\.", job.error)
    assert found, job.error
    settings.BOOK_MAX_PAGES = int(found.group(1))  # exactly at the limit: made
    again, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(again[0].pk)
    done = ExportJob.objects.get(pk=again[0].pk)
    assert done.status == "done" and done.page_count == settings.BOOK_MAX_PAGES


def test_a_render_over_the_time_limit_fails_saying_so(mp, django_capture_on_commit_callbacks, settings):
    from celery.exceptions import SoftTimeLimitExceeded

    assert tasks.render_export.soft_time_limit == tasks.MAX_SECONDS == 300  # BOOK_MAX_SECONDS' default
    assert tasks.MAX_SECONDS < settings.CELERY_TASK_TIME_LIMIT
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    with mock.patch.object(services, "render_book", side_effect=SoftTimeLimitExceeded()):
        tasks.render_export(jobs[0].pk)
    job = ExportJob.objects.get(pk=jobs[0].pk)
    assert job.status == "failed" and not job.file
    assert job.error.startswith("Buku melebihi batas waktu pembuatan (300 detik): isinya terlalu besar")


def test_an_eager_refresh_does_not_ask_again_and_again(mp, django_capture_on_commit_callbacks):
    """Eagerly (tests, CELERY_TASK_ALWAYS_EAGER) the countdown is not waited for; asking again would recurse."""
    with mock.patch.object(tasks.refresh_drafts, "apply_async") as countdown:
        with django_capture_on_commit_callbacks(execute=True):
            services.note_change(mp.pk)
        countdown.reset_mock()
        tasks.refresh_drafts.apply(args=(mp.pk,))  # still within the quiet minute
    assert countdown.call_count == 0
    assert DraftRefresh.objects.get(masterplan=mp).pending  # the broker's countdown will come back for it
