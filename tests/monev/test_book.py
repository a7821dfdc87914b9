"""The yearly monitoring report (book `monev`): its content per year, the export with a year (page, services,
command), and the evaluation chapter's slot."""

import datetime
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from books import services, tasks
from books.models import Book, ExportJob
from books.rendering import RenderError, book_html
from core import registry
from monev import book as monev_book
from monev.models import Report, Sosialisasi
from tests.plan.factories import ProgrammeFactory

from .factories import ReportingYearFactory


@pytest.fixture
def two_years(personas, programme, other_programme):
    """2023: DLH's programme done, Dispar's postponed; 2024: DLH's running, Dispar's not reported."""
    y2023 = ReportingYearFactory(masterplan=personas.masterplan, year=2023, deadline=datetime.date(2024, 3, 31))
    y2024 = ReportingYearFactory(masterplan=personas.masterplan, year=2024)
    Report.objects.create(reporting_year=y2023, programme=programme, status="done", budget_realised=900_000)
    Report.objects.create(reporting_year=y2023, programme=other_programme, status="postponed", notes="Catatan 2023")
    Report.objects.create(reporting_year=y2024, programme=programme, status="running", notes="Catatan 2024")
    Sosialisasi.objects.create(
        masterplan=personas.masterplan, kind="forum", title="Forum triwulan I 2023", held_on=datetime.date(2023, 3, 2)
    )
    Sosialisasi.objects.create(
        masterplan=personas.masterplan,
        kind="public",
        title="Sosialisasi publik 2024",
        held_on=datetime.date(2024, 8, 9),
    )
    return y2023, y2024


def _book():
    return Book.objects.get(cohort=None, key="monev")


def _text(html):
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_monev_book_is_in_the_default_list(db):
    assert Book.objects.filter(cohort=None, key="monev", title="Laporan Monitoring dan Evaluasi").exists()


def test_each_year_holds_its_own_statuses_outcome_and_events(personas, two_years, programme, other_programme):
    html_2023 = _text(book_html(personas.masterplan, _book(), year=2023))
    html_2024 = _text(book_html(personas.masterplan, _book(), year=2024))
    assert "Laporan Monitoring dan Evaluasi 2023" in html_2023
    assert "Catatan 2023" in html_2023 and "Catatan 2024" not in html_2023
    assert "Forum triwulan I 2023" in html_2023 and "Sosialisasi publik 2024" not in html_2023
    assert "Forum Dewan Smart City bertemu 1 kali pada 2023" in html_2023
    assert "Ditunda" in html_2023 and "Selesai" in html_2023
    # both programmes have the factory's dimension: 1 of 2 carried out in 2023 (done; the other postponed), 1 of 2
    # in 2024 (running; Dispar's not reported)
    assert programme.dimension_id == other_programme.dimension_id
    name = programme.dimension.name
    assert f"{name}: 1 dari 2 program berjalan, 50,00 %" in html_2023
    assert f"{name}: 1 dari 2 program berjalan, 50,00 %" in html_2024
    assert "Laporan Monitoring dan Evaluasi 2024" in html_2024 and "Catatan 2024" in html_2024
    assert "Belum dilaporkan" in html_2024 and "Sosialisasi publik 2024" in html_2024
    assert "Rp 900.000" in html_2023  # realised budget against the plan
    assert "2 dari 2 OPD" in html_2023 and "1 dari 2 OPD" in html_2024  # OPDs that reported every item


def test_without_year_the_newest_is_made_and_an_unknown_year_is_refused(personas, two_years):
    assert "Laporan Monitoring dan Evaluasi 2024" in book_html(personas.masterplan, _book())
    with pytest.raises(RenderError, match="2030"):
        book_html(personas.masterplan, _book(), year=2030)


def test_no_reporting_year_no_book(personas):
    with pytest.raises(RenderError, match="belum ada tahunnya"):
        book_html(personas.masterplan, _book())
    with pytest.raises(services.ExportRefused):
        services.request_export(masterplan=personas.masterplan, book_keys=["monev"], variant="draft")


def test_an_export_job_keeps_its_year_and_renders_it(personas, two_years, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        job = services.request_export(masterplan=personas.masterplan, book_keys=["monev"], variant="draft", year=2023)[
            0
        ]
    assert job.year == 2023 and job.book_title == "Laporan Monitoring dan Evaluasi 2023"
    done = services.run_job(job.pk)
    assert done.status == "done" and done.page_count >= 5
    assert "2023" in done.download_name and done.download_name.endswith("-DRAF.pdf")


def test_the_background_refresh_leaves_the_yearly_book_alone(personas, two_years, django_capture_on_commit_callbacks):
    from books.models import DraftRefresh

    DraftRefresh.objects.create(
        masterplan=personas.masterplan, changed_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC), pending=True
    )
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        jobs = services.refresh_if_quiet(personas.masterplan.pk)
    assert jobs and "monev" not in {j.book_key for j in jobs}


def test_the_books_page_asks_for_the_year(personas, as_user, two_years, django_capture_on_commit_callbacks):
    client = as_user(personas.coordinator)
    page = client.get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    assert 'name="year"' in page and '<option value="2023">' in page and "Laporan Monitoring dan Evaluasi" in page
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("books:export", args=[personas.masterplan.pk]),
            {"book": "monev", "variant": "draft", "year": "2023"},
        )
    assert response.status_code == 302
    assert ExportJob.objects.get(book_key="monev").year == 2023
    bad = client.post(
        reverse("books:export", args=[personas.masterplan.pk]), {"book": "monev", "variant": "draft", "year": "2031"}
    )
    assert bad.status_code == 302 and ExportJob.objects.filter(book_key="monev").count() == 1


def test_all_books_without_a_reporting_year_skips_the_monev_book(personas, as_user, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.render_export, "delay"), django_capture_on_commit_callbacks(execute=True):
        as_user(personas.coordinator).post(
            reverse("books:export", args=[personas.masterplan.pk]), {"book": "__all__", "variant": "draft"}
        )
    keys = set(ExportJob.objects.values_list("book_key", flat=True))
    assert keys == {"analisis", "masterplan", "ringkasan", "quickwin"}


def test_preview_of_a_year(personas, as_user, two_years):
    client = as_user(personas.reader)
    url = reverse("books:preview", args=[personas.masterplan.pk, "monev"])
    assert "Laporan Monitoring dan Evaluasi 2023" in client.get(url + "?tahun=2023").content.decode()
    assert "Laporan Monitoring dan Evaluasi 2024" in client.get(url).content.decode()
    assert client.get(url + "?tahun=2019").status_code == 500  # says the year is not available
    assert as_user(personas.stranger).get(url).status_code == 404


def test_the_command_renders_one_year(personas, two_years, tmp_path, capsys):
    call_command("render_books", "64.09", "--book", "monev", "--year", "2023", "--out", str(tmp_path))
    files = list(tmp_path.glob("monev-2023-64.09-*-draf.pdf"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")
    assert "halaman" in capsys.readouterr().out
    with pytest.raises(CommandError, match="2029"):
        call_command("render_books", "64.09", "--book", "monev", "--year", "2029", "--out", str(tmp_path))


def test_chapter_queries_do_not_grow_with_the_items(personas, two_years, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            for chapter in registry.chapters("monev"):
                chapter.context(personas.masterplan, 2023)
        return len(queries)

    before = count()
    for n in range(6):
        ProgrammeFactory(masterplan=personas.masterplan, name=f"Program {n}", lead_opd=personas.opd)
    assert count() == before


def test_the_evaluation_chapter_is_the_evaluation_modules(personas, two_years):
    assert monev_book.evaluation_available()
    chapter = next(c for c in registry.chapters("monev") if c.key == "monev-evaluasi")
    assert chapter.template == "books/monev/evaluation.html" and chapter.order == 60
    context = chapter.context(personas.masterplan, 2023)
    assert context["year"] == 2023 and context["masterplan"] == personas.masterplan
