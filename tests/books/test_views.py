"""Access per view and role, the htmx status fragment, the job list's query count."""

from unittest import mock

import pytest
from django.urls import reverse

from books import tasks
from books.models import ExportJob
from masterplan.models import Masterplan

from .factories import ExportJobFactory

EXPORTERS = ["coordinator", "expert", "admin"]
NOT_EXPORTERS = ["opd_member", "other_opd_member", "reader"]
MEMBERS = EXPORTERS + NOT_EXPORTERS


@pytest.mark.parametrize("who", MEMBERS)
def test_index_for_members(personas, as_user, who):
    ExportJobFactory(masterplan=personas.masterplan)
    response = as_user(getattr(personas, who)).get(reverse("books:index", args=[personas.masterplan.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Buku Quick Win" in content and "Unduh PDF" in content
    assert ("Ekspor ke PDF" in content) == (who in EXPORTERS)


def test_index_stranger_404(personas, as_user):
    assert as_user(personas.stranger).get(reverse("books:index", args=[personas.masterplan.pk])).status_code == 404


@pytest.mark.parametrize("who", EXPORTERS)
def test_export_by_exporters_queues_jobs(personas, as_user, who, django_capture_on_commit_callbacks):
    url = reverse("books:export", args=[personas.masterplan.pk])
    with mock.patch.object(tasks.render_export, "delay") as delay, django_capture_on_commit_callbacks(execute=True):
        response = as_user(getattr(personas, who)).post(url, {"book": "__all__", "variant": "draft"})
    assert response.status_code == 302
    jobs = ExportJob.objects.filter(masterplan=personas.masterplan)
    assert jobs.count() == 4 and delay.call_count == 4
    assert {j.requested_by_id for j in jobs} == {getattr(personas, who).pk}


@pytest.mark.parametrize("who", NOT_EXPORTERS)
def test_export_refused_for_others(personas, as_user, who):
    url = reverse("books:export", args=[personas.masterplan.pk])
    assert as_user(getattr(personas, who)).post(url, {"book": "analisis", "variant": "draft"}).status_code == 403
    assert not ExportJob.objects.exists()


def test_export_stranger_404_and_get_405(personas, as_user):
    url = reverse("books:export", args=[personas.masterplan.pk])
    assert as_user(personas.stranger).post(url, {"book": "analisis", "variant": "draft"}).status_code == 404
    assert as_user(personas.coordinator).get(url).status_code == 405


def test_final_export_refused_before_approval(personas, as_user):
    url = reverse("books:export", args=[personas.masterplan.pk])
    response = as_user(personas.expert).post(url, {"book": "analisis", "variant": "final"}, follow=True)
    assert "Versi final hanya dapat dibuat setelah masterplan disetujui." in response.content.decode()
    assert not ExportJob.objects.exists()


def test_final_export_after_approval(personas, as_user, django_capture_on_commit_callbacks):
    Masterplan.objects.filter(pk=personas.masterplan.pk).update(status=Masterplan.Status.APPROVED)
    url = reverse("books:export", args=[personas.masterplan.pk])
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        as_user(personas.expert).post(url, {"book": "analisis", "variant": "final"})
    assert ExportJob.objects.get().variant == "final"


def test_unknown_book_is_a_form_error(personas, as_user):
    url = reverse("books:export", args=[personas.masterplan.pk])
    response = as_user(personas.coordinator).post(url, {"book": "rahasia", "variant": "draft"}, follow=True)
    assert response.status_code == 200 and not ExportJob.objects.exists()


def test_status_fragment_polls_until_finished(personas, as_user):
    job = ExportJobFactory(masterplan=personas.masterplan, status="running", stage="Menata halaman", progress=35)
    client = as_user(personas.reader)
    url = reverse("books:job_status", args=[personas.masterplan.pk, job.pk])
    content = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in content and "Menata halaman" in content
    ExportJob.objects.filter(pk=job.pk).update(status="done")
    content = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in content and "Unduh PDF" in content


def test_failed_job_shows_its_error(personas, as_user):
    job = ExportJobFactory(masterplan=personas.masterplan, status="failed", error="Bab “X” gagal disusun")
    content = as_user(personas.expert).get(reverse("books:job_status", args=[personas.masterplan.pk, job.pk])).content
    assert "Bab “X” gagal disusun" in content.decode()


def test_job_of_another_masterplan_is_404(personas, as_user):
    job = ExportJobFactory(masterplan=personas.other_masterplan)
    client = as_user(personas.coordinator)
    assert client.get(reverse("books:job_status", args=[personas.masterplan.pk, job.pk])).status_code == 404
    assert client.get(reverse("books:download", args=[personas.masterplan.pk, job.pk])).status_code == 404


@pytest.mark.parametrize("who", MEMBERS)
def test_download_for_members(personas, as_user, who):
    job = ExportJobFactory(masterplan=personas.masterplan)
    response = as_user(getattr(personas, who)).get(reverse("books:download", args=[personas.masterplan.pk, job.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "DRAF.pdf" in response["Content-Disposition"]


def test_download_of_an_unfinished_job_is_404(personas, as_user):
    job = ExportJobFactory(masterplan=personas.masterplan, status="queued", file="")
    url = reverse("books:download", args=[personas.masterplan.pk, job.pk])
    assert as_user(personas.reader).get(url).status_code == 404


@pytest.mark.parametrize("who", MEMBERS)
def test_preview_for_members(personas, as_user, who):
    url = reverse("books:preview", args=[personas.masterplan.pk, "analisis"])
    response = as_user(getattr(personas, who)).get(url)
    content = response.content.decode()
    assert response.status_code == 200 and "Buku Analisis Strategis" in content
    assert "/static/books/book.css" in content and "file://" not in content


def test_preview_unknown_book_404(personas, as_user):
    url = reverse("books:preview", args=[personas.masterplan.pk, "tidak-ada"])
    assert as_user(personas.coordinator).get(url).status_code == 404


def test_dashboard_panel_shows_latest_exports(personas, as_user):
    ExportJobFactory(masterplan=personas.masterplan, book_key="analisis", page_count=17)
    content = as_user(personas.expert).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk])).content
    content = content.decode()
    assert "17 hlm" in content and "Ekspor semua buku (draf)" in content
    content = as_user(personas.reader).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk])).content
    assert "Ekspor semua buku (draf)" not in content.decode()


def test_tab_is_registered(personas, as_user):
    content = as_user(personas.reader).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk])).content
    assert reverse("books:index", args=[personas.masterplan.pk]) in content.decode()


@pytest.mark.parametrize("status", ["done", "queued"])
@pytest.mark.parametrize("rows", [1, 12])
def test_index_query_count_is_constant(personas, as_user, django_assert_num_queries, rows, status):
    for _ in range(rows):
        ExportJobFactory(masterplan=personas.masterplan, status=status)
    client = as_user(personas.expert)
    url = reverse("books:index", args=[personas.masterplan.pk])
    client.get(url)
    # session, user, masterplan, membership, books (exists + list), latest per book, job count, job page,
    # older automatic exports (count; none here, so not listed), unread notifications (bell); the consistency
    # report before the export form (plan settings, plan programmes, budget years, dimensions, strategies without
    # goals, the RPJMD and its mapped programmes; the contradictions: quick wins, applications, targets outside the
    # plan, sessions, MoUs, commitment); the OPDs offered an extract of the summary; the years of the yearly monev
    # report (the export form's year); with queued jobs on the page, the unfinished jobs before them
    with django_assert_num_queries(26 if status == "done" else 27):
        client.get(url)


def test_polled_row_of_the_newest_job_updates_its_book_card(personas, as_user):
    """The card at the top of the books page shows the newest export of its book; while that job's row is
    polled, the card comes along out of band, so both say "Selesai" when it ends (no reload)."""
    older = ExportJobFactory(masterplan=personas.masterplan, book_key="ringkasan", status="running")
    newest = ExportJobFactory(masterplan=personas.masterplan, book_key="ringkasan", status="running")
    client = as_user(personas.expert)

    def poll(job):
        url = reverse("books:job_status", args=[personas.masterplan.pk, job.pk])
        return client.get(url, HTTP_HX_REQUEST="true").content.decode()

    ExportJob.objects.filter(pk=newest.pk).update(status="done", page_count=12)
    content = poll(newest)
    card = content[content.index('<div id="latest-ringkasan" hx-swap-oob="true">') :]
    assert "Selesai, 12 halaman" in card and f"/buku/ekspor/{newest.pk}/unduh/" in card
    assert "hx-swap-oob" not in poll(older)  # an older job's row leaves the card alone
    plain = client.get(reverse("books:job_status", args=[personas.masterplan.pk, newest.pk])).content.decode()
    assert "hx-swap-oob" not in plain  # without htmx: the row only


def test_a_queued_job_says_how_many_books_are_queued_before_it(personas, as_user):
    """The render queue is shared by every region: a waiting job tells how many unfinished jobs came first."""
    ExportJobFactory(masterplan=personas.other_masterplan, status="running")
    ExportJobFactory(masterplan=personas.other_masterplan, status="queued")
    ExportJobFactory(masterplan=personas.masterplan, status="done")  # finished: not in the way
    job = ExportJobFactory(masterplan=personas.masterplan, status="queued", stage="Menunggu giliran")
    ExportJobFactory(masterplan=personas.other_masterplan, status="queued")  # asked for later: behind it
    client = as_user(personas.expert)
    row = client.get(reverse("books:job_status", args=[personas.masterplan.pk, job.pk])).content.decode()
    assert "Menunggu giliran · 2 buku lain antre lebih dulu" in row
    page = client.get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    assert "2 buku lain antre lebih dulu" in page
    ExportJob.objects.exclude(pk=job.pk).update(status="done")
    row = client.get(reverse("books:job_status", args=[personas.masterplan.pk, job.pk])).content.decode()
    assert "antre lebih dulu" not in row  # next in line: nothing to say
