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

from .helpers import metadata


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


def test_the_largest_book_is_queued_first(mp, django_capture_on_commit_callbacks):
    """Jobs are listed in the books' order, but queued by the size of their HTML, largest first, so the
    longest render starts first and the set ends soonest on several workers."""
    sizes = {"analisis": 300, "masterplan": 900, "ringkasan": 100, "quickwin": 600}

    def html(masterplan, book, draft=True):
        return "x" * sizes[book.key]

    with mock.patch.object(services, "book_html", side_effect=html):
        jobs, delay = _queue(mp, django_capture_on_commit_callbacks, keys=list(sizes))
    by_pk = {job.pk: job.book_key for job in jobs}
    assert [j.book_key for j in jobs] == list(sizes)
    assert [by_pk[call.args[0]] for call in delay.call_args_list] == ["masterplan", "quickwin", "analisis", "ringkasan"]


def test_unchanged_export_reuses_the_file_at_once(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    first = ExportJob.objects.get(pk=jobs[0].pk)
    began = time.perf_counter()
    again, delay = _queue(mp, django_capture_on_commit_callbacks)
    elapsed = time.perf_counter() - began
    assert again[0].status == "done" and again[0].reused and delay.call_count == 0
    assert again[0].file.name == first.file.name and again[0].content_hash == first.content_hash
    assert elapsed < 0.5  # measured ~20 ms; generous for a shared machine


def test_changed_content_is_rendered_again(mp, django_capture_on_commit_callbacks):
    jobs, _delay = _queue(mp, django_capture_on_commit_callbacks)
    tasks.render_export(jobs[0].pk)
    Masterplan.objects.filter(pk=mp.pk).update(foreword="Kata pengantar baru")
    mp.refresh_from_db()
    again, delay = _queue(mp, django_capture_on_commit_callbacks)
    assert again[0].status == "queued" and delay.call_count == 1


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
