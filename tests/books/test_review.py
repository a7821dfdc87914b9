"""Books wired into the review: the requester's notification when a book is ready, the consistency report
before an export, the final books unlocked by the approval of every section, the programme column."""

from unittest import mock

from django.urls import reverse
from django.utils import timezone

from books import services, tasks
from books.models import ExportJob
from masterplan.models import Masterplan
from review.models import Notification
from review.sections import section_keys
from review.tasks import send_notification_mail

from .factories import ExportJobFactory

PDF = (b"%PDF-1.7\n% uji\n", 3)


def _queued(personas, user, django_capture_on_commit_callbacks, key="ringkasan"):
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        return services.request_export(masterplan=personas.masterplan, book_keys=[key], variant="draft", user=user)[0]


def _render(job_pk, django_capture_on_commit_callbacks):
    """Run the task body with a stub PDF; return the mails queued after commit."""
    with mock.patch.object(send_notification_mail, "delay") as mail:
        with (
            mock.patch("books.services.render_book", return_value=PDF),
            django_capture_on_commit_callbacks(execute=False) as callbacks,
        ):
            tasks.render_export(job_pk)
        assert mail.call_count == 0  # nothing is mailed before the commit
        for callback in callbacks:
            callback()
    return mail


def test_the_requester_is_notified_when_the_book_is_ready(personas, django_capture_on_commit_callbacks):
    job = _queued(personas, personas.expert, django_capture_on_commit_callbacks)
    mail = _render(job.pk, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE
    note = Notification.objects.get()
    assert (note.recipient, note.kind, note.masterplan) == (
        personas.expert,
        Notification.Kind.BOOK_READY,
        job.masterplan,
    )
    assert note.url == reverse("books:download", args=[personas.masterplan.pk, job.pk])
    assert "Ringkasan Eksekutif" in note.text and personas.masterplan.region.name in note.text
    mail.assert_called_once_with(note.pk)


def test_nobody_outside_the_masterplan_is_notified(personas, django_capture_on_commit_callbacks):
    job = _queued(personas, personas.stranger, django_capture_on_commit_callbacks)  # requested by a non-member
    mail = _render(job.pk, django_capture_on_commit_callbacks)
    assert ExportJob.objects.get(pk=job.pk).status == ExportJob.Status.DONE
    assert not Notification.objects.exists() and mail.call_count == 0


def test_background_renders_and_failures_notify_nobody(personas, django_capture_on_commit_callbacks):
    automatic = _queued(personas, None, django_capture_on_commit_callbacks)
    assert _render(automatic.pk, django_capture_on_commit_callbacks).call_count == 0
    failing = _queued(personas, personas.coordinator, django_capture_on_commit_callbacks, key="analisis")
    with mock.patch("books.services.render_book", side_effect=MemoryError("habis")):
        tasks.render_export(failing.pk)
    assert ExportJob.objects.get(pk=failing.pk).status == ExportJob.Status.FAILED
    assert not Notification.objects.exists()


def test_a_rerun_of_a_finished_job_notifies_once(personas, django_capture_on_commit_callbacks):
    job = _queued(personas, personas.coordinator, django_capture_on_commit_callbacks)
    _render(job.pk, django_capture_on_commit_callbacks)
    _render(job.pk, django_capture_on_commit_callbacks)  # a redelivered task: the job is already done
    assert Notification.objects.filter(recipient=personas.coordinator).count() == 1


def test_the_books_page_lists_the_consistency_findings_and_still_exports(
    personas, as_user, django_capture_on_commit_callbacks
):
    client = as_user(personas.coordinator)
    html = client.get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    # an empty plan: every dimension lacks a programme
    assert "hal dapat membuat buku salah atau tipis" in html
    assert "belum punya program." in html and reverse("plan:programme_add", args=[personas.masterplan.pk]) in html
    assert "<details>" in html  # more than five findings: the rest is collapsed
    assert reverse("plan:consistency", args=[personas.masterplan.pk]) in html
    url = reverse("books:export", args=[personas.masterplan.pk])
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"book": "ringkasan", "variant": "draft"}).status_code == 302
    assert ExportJob.objects.filter(masterplan=personas.masterplan).count() == 1  # warned, not blocked


def test_readers_do_not_get_the_report(personas, as_user):
    html = as_user(personas.reader).get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    assert "hal dapat membuat buku salah atau tipis" not in html


def test_approving_every_section_unlocks_final_books(personas, as_user, django_capture_on_commit_callbacks):
    mp = personas.masterplan

    def coordinator_post(url):
        return as_user(personas.coordinator).post(url)

    expert = as_user(personas.expert)  # the test client is shared: log in again before each actor
    index, export = reverse("books:index", args=[mp.pk]), reverse("books:export", args=[mp.pk])
    final = {"book": "masterplan", "variant": "final"}
    assert expert.post(export, final).status_code == 302
    assert not ExportJob.objects.exists()  # refused before the approval
    assert "Versi final tersedia setelah masterplan disetujui" in expert.get(index).content.decode()
    keys = sorted(section_keys())
    for key in keys:
        assert coordinator_post(reverse("review:section_transition", args=[mp.pk, key, "submit"])).status_code == 302
    expert = as_user(personas.expert)
    for key in keys[:-1]:
        assert expert.post(reverse("review:section_transition", args=[mp.pk, key, "approve"])).status_code == 302
    assert Masterplan.objects.get(pk=mp.pk).status == Masterplan.Status.REVIEW
    assert expert.post(export, final).status_code == 302 and not ExportJob.objects.exists()
    expert.post(reverse("review:section_transition", args=[mp.pk, keys[-1], "approve"]))
    assert Masterplan.objects.get(pk=mp.pk).status == Masterplan.Status.APPROVED
    assert "Versi final tersedia setelah" not in expert.get(index).content.decode()
    with mock.patch.object(tasks.render_export, "delay") as delay, django_capture_on_commit_callbacks(execute=True):
        assert expert.post(export, final).status_code == 302
    job = ExportJob.objects.get()
    assert (job.variant, job.book_key, job.requested_by) == ("final", "masterplan", personas.expert)
    delay.assert_called_once_with(job.pk)


def test_programme_column_shows_the_latest_done_export_per_book(personas, as_user):
    mp = personas.masterplan
    day = timezone.now()
    ExportJobFactory(masterplan=mp, book_key="analisis", finished_at=day - timezone.timedelta(days=3))
    ExportJobFactory(masterplan=mp, book_key="analisis", finished_at=day, variant="final")
    ExportJobFactory(masterplan=mp, book_key="quickwin", book_title="Buku Quick Win", status="failed", finished_at=day)
    rows = as_user(personas.admin).get(reverse("review:programme")).context["rows"]
    row = next(r for r in rows if r["masterplan"] == mp)
    text = f"Analisis Strategis {timezone.localtime(day).strftime('%d/%m/%Y')} (final)"
    assert text in row["extra"] and "Quick Win" not in " ".join(map(str, row["extra"]))
