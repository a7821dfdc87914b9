"""Each OPD's own copy of the executive summary: the summary's part per OPD (programmes with targets per year,
budget and sources, quick wins, open follow-ups, commitment), the extract of one OPD (only its programmes), who
may ask for it and download it, the home panel, and `render_books --opd`."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from books.models import Book, ExportJob
from books.rendering import opd_extract_html, render_chapters
from books.services import run_job
from plan.models import BudgetLine, ProgrammeIndicator, ProgrammeTarget
from tests.bimtek.factories import FollowUpFactory, SessionFactory, SignatoryFactory
from tests.plan.factories import ProgrammeFactory
from tests.quickwins.factories import QuickWinFactory

from .factories import ExportJobFactory
from .helpers import pdf_text


@pytest.fixture
def plan(personas):
    """DLH leads "Bank sampah digital" (targets 2024 and 2027, APBD and CSR); Dispar leads "Portal wisata"."""
    mp = personas.masterplan
    mine = ProgrammeFactory(masterplan=mp, name="Bank sampah digital", lead_opd=personas.opd)
    BudgetLine.objects.create(programme=mine, year=2024, source="apbd", amount=400_000_000)
    BudgetLine.objects.create(programme=mine, year=2024, source="csr", amount=250_000_000)
    indicator = ProgrammeIndicator.objects.create(programme=mine, name="Unit bank sampah aktif", unit="unit")
    ProgrammeTarget.objects.create(indicator=indicator, year=2024, value="40")
    ProgrammeTarget.objects.create(indicator=indicator, year=2027, value="100")
    ProgrammeFactory(masterplan=mp, name="Portal wisata", lead_opd=personas.other_opd)
    QuickWinFactory(masterplan=mp, short_name="Serbu Gass", chosen=True, owner=personas.opd)
    QuickWinFactory(masterplan=mp, short_name="Puspita", chosen=True, owner=personas.other_opd)
    session = SessionFactory(masterplan=mp, stage__masterplan=mp)
    FollowUpFactory(session=session, opd=personas.opd, text="Menyusun SOP bank sampah")
    FollowUpFactory(
        session=session,
        opd=personas.opd,
        text="Sudah selesai",
        done_at=datetime.datetime(2022, 9, 1, tzinfo=datetime.UTC),
    )
    SignatoryFactory(commitment__masterplan=mp, name="Kepala DLH", position="Kepala Dinas", opd=personas.opd)
    return mp


def _ringkasan():
    return Book.objects.get(cohort=None, key="ringkasan")


def test_the_summary_has_each_opds_part(plan):
    chapters, _t, _f = render_chapters(plan, "ringkasan")
    html = next(c.html for c in chapters if c.key == "plan-opd")
    assert "Dinas Lingkungan Hidup (DLH)" in html and "Dinas Pariwisata (Dispar)" in html
    assert "2024: 40" in html and "2027: 100" in html
    assert "Rp 650.000.000" in html and "Swasta / CSR Rp 250.000.000" in html
    assert "Serbu Gass" in html and "Menyusun SOP bank sampah" in html and "Sudah selesai" not in html
    assert "Kepala DLH (Kepala Dinas)" in html


def test_the_summarys_goal_column_shows_the_targets_not_a_count(personas):
    from tests.plan.factories import GoalFactory, StrategyFactory

    strategy = StrategyFactory(masterplan=personas.masterplan)
    GoalFactory(masterplan=personas.masterplan, strategy=strategy, text="Layanan daring", target="20 layanan")
    chapters, _t, _f = render_chapters(personas.masterplan, "ringkasan")
    html = next(c.html for c in chapters if c.key == "plan-strategy")
    assert "Layanan daring: 20 layanan" in html


def test_an_opds_extract_prints_only_its_own_part(plan, personas):
    html = opd_extract_html(plan, _ringkasan(), personas.opd)
    assert "Buku Ringkasan Eksekutif untuk Dinas Lingkungan Hidup" in html
    assert "Bank sampah digital" in html and "Serbu Gass" in html and "2027: 100" in html
    assert "Portal wisata" not in html and "Puspita" not in html and "Dinas Pariwisata" not in html
    assert not hasattr(plan, "extract_opd")  # the masterplan is left as it was


def test_the_render_worker_makes_the_extract_through_an_export_job(plan, personas, django_capture_on_commit_callbacks):
    from unittest import mock

    client_job = None
    with mock.patch("books.queue.queue_render") as queued, django_capture_on_commit_callbacks(execute=True):
        from books.services import request_opd_extract

        client_job = request_opd_extract(masterplan=plan, opd=personas.opd, user=personas.opd_member)
    queued.assert_called_once_with(client_job.pk)
    job = run_job(client_job.pk)
    assert job.status == ExportJob.Status.DONE and job.opd == personas.opd
    assert job.book_title == "Buku Ringkasan Eksekutif untuk Dinas Lingkungan Hidup"
    text = pdf_text(job.file.read())
    assert "Bank sampah digital" in text and "Portal wisata" not in text
    assert job.download_name.startswith("Buku-Ringkasan-Eksekutif-untuk-Dinas-Lingkungan-Hidup-")


def _ask(client, personas, opd):
    return client.post(reverse("books:opd_extract", args=[personas.masterplan.pk, opd.pk]))


def test_an_opd_member_asks_for_their_own_extract(personas, as_user):
    response = _ask(as_user(personas.opd_member), personas, personas.opd)
    assert response.status_code == 302
    assert ExportJob.objects.get().opd == personas.opd


def test_an_opd_member_is_refused_another_opds_extract(personas, as_user):
    response = _ask(as_user(personas.opd_member), personas, personas.other_opd)
    assert response.status_code == 403
    assert not ExportJob.objects.exists()


def test_a_reader_is_refused_an_extract(personas, as_user):
    assert _ask(as_user(personas.reader), personas, personas.opd).status_code == 403


def test_the_coordinator_asks_for_any_opds_extract(personas, as_user):
    assert _ask(as_user(personas.coordinator), personas, personas.other_opd).status_code == 302
    assert ExportJob.objects.get().opd == personas.other_opd


def test_an_opd_of_another_region_is_404(personas, as_user):
    from tests.factories import OPDFactory

    foreign = OPDFactory(region=personas.other_masterplan.region)
    assert _ask(as_user(personas.coordinator), personas, foreign).status_code == 404


def test_the_extract_answers_post_only(personas, as_user):
    url = reverse("books:opd_extract", args=[personas.masterplan.pk, personas.opd.pk])
    assert as_user(personas.opd_member).get(url).status_code == 405


def test_an_opd_member_cannot_download_or_see_another_opds_extract(personas, as_user):
    theirs = ExportJobFactory(masterplan=personas.masterplan, book_key="ringkasan", opd=personas.other_opd)
    mine = ExportJobFactory(masterplan=personas.masterplan, book_key="ringkasan", opd=personas.opd)
    client = as_user(personas.opd_member)
    assert client.get(reverse("books:download", args=[personas.masterplan.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("books:download", args=[personas.masterplan.pk, mine.pk])).status_code == 200
    page = client.get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    assert reverse("books:job_status", args=[personas.masterplan.pk, theirs.pk]) not in page
    assert reverse("books:opd_extract", args=[personas.masterplan.pk, personas.opd.pk]) in page
    assert reverse("books:opd_extract", args=[personas.masterplan.pk, personas.other_opd.pk]) not in page


def test_the_opd_members_home_panel_offers_their_extract(personas, as_user):
    page = as_user(personas.opd_member).get(reverse("masterplan:home")).content.decode()
    assert "Unduh Ringkasan Eksekutif untuk Dinas Lingkungan Hidup" in page
    assert reverse("books:opd_extract", args=[personas.masterplan.pk, personas.opd.pk]) in page
    other = as_user(personas.reader).get(reverse("masterplan:home")).content.decode()
    assert "Unduh Ringkasan Eksekutif untuk" not in other


def test_render_books_writes_one_opds_extract(plan, personas, tmp_path, capsys):
    year = str(plan.cohort.year)
    call_command(
        "render_books", "64.09", "--cohort", year, "--book", "ringkasan", "--opd", "dlh", "--out", str(tmp_path)
    )
    pdf = (tmp_path / f"ringkasan-DLH-64.09-{year}-draf.pdf").read_bytes()
    text = pdf_text(pdf)
    assert "Dinas Lingkungan Hidup" in text and "Bank sampah digital" in text and "Portal wisata" not in text


def test_render_books_refuses_an_unknown_opd_or_another_book(plan, tmp_path):
    year = str(plan.cohort.year)
    with pytest.raises(CommandError, match="OPD 'XYZ' tidak dikenal"):
        call_command("render_books", "64.09", "--cohort", year, "--book", "ringkasan", "--opd", "XYZ")
    with pytest.raises(CommandError, match="--opd hanya untuk --book ringkasan"):
        call_command("render_books", "64.09", "--cohort", year, "--book", "masterplan", "--opd", "DLH")


def test_the_summary_prints_no_portal_account_counts(plan):
    chapters, _t, _f = render_chapters(plan, "ringkasan")
    html = "".join(c.html for c in chapters)
    assert ">Anggota</th>" not in html
