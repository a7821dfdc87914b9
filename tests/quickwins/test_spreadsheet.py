"""The Excel round trip: export, fill in, preview with per-row errors, all or nothing, idempotent."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from masterplan.access import access_for
from quickwins.models import ProgressUpdate
from quickwins.progress_sheet import export_progress, read_progress
from quickwins.services import apply_progress_rows, record_progress

from .factories import QuickWinFactory


@pytest.fixture
def two(personas, quickwin):
    """The DLH quick win with one report, and a Dispar quick win without."""
    record_progress(
        masterplan=quickwin.masterplan,
        quickwin=quickwin,
        date=datetime.date(2023, 1, 31),
        percent=30,
        status="build",
        note="Awal",
        user=None,
    )
    other = QuickWinFactory(masterplan=personas.masterplan, short_name="Puspita", owner=personas.other_opd)
    return quickwin, other


def _workbook(masterplan):
    return load_workbook(io.BytesIO(export_progress(masterplan)))


def _upload(workbook, name="kemajuan.xlsx"):
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def _row_of(sheet, pk):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == pk)


def test_export_has_every_quick_win_and_its_latest_report(personas, two):
    quickwin, other = two
    sheet = _workbook(personas.masterplan)["Kemajuan"]
    row = _row_of(sheet, quickwin.pk)
    assert [sheet.cell(row, c).value for c in (2, 5, 6, 7, 8, 9)] == [
        "Serbu Gass",
        "DLH",
        "2023-01-31",
        30,
        "Pembangunan",
        "Awal",
    ]
    assert sheet.cell(_row_of(sheet, other.pk), 6).value is None


def test_unchanged_export_imports_as_nothing_to_do(personas, two):
    access = access_for(personas.coordinator, personas.masterplan)
    reading = read_progress(_upload(_workbook(personas.masterplan)), access=access)
    assert reading.ok and reading.counts() == {"new": 0, "change": 0, "same": 1}
    assert apply_progress_rows(access=access, rows=reading.as_json()) == 0


def test_round_trip_adds_and_changes_reports_and_is_idempotent(personas, two):
    quickwin, other = two
    workbook = _workbook(personas.masterplan)
    sheet = workbook["Kemajuan"]
    row = _row_of(sheet, quickwin.pk)
    sheet.cell(row, 9).value = "Awal, direvisi"  # same date: replaces the report
    sheet.append([quickwin.pk, None, None, None, None, "2023-06-30", 75, "Implementasi", "Semester I"])
    other_row = _row_of(sheet, other.pk)
    sheet.cell(other_row, 6).value = datetime.datetime(2023, 5, 2)  # a real Excel date
    sheet.cell(other_row, 7).value = "40%"
    access = access_for(personas.coordinator, personas.masterplan)
    reading = read_progress(_upload(workbook), access=access)
    assert reading.errors == []
    assert reading.counts() == {"new": 2, "change": 1, "same": 0}
    assert apply_progress_rows(access=access, rows=reading.as_json()) == 3
    quickwin.refresh_from_db()
    other.refresh_from_db()
    assert (quickwin.progress, quickwin.status) == (75, "implementation")
    assert other.progress == 40 and other.status == "idea"  # empty status keeps the quick win's
    assert ProgressUpdate.objects.get(quickwin=quickwin, date=datetime.date(2023, 1, 31)).note == "Awal, direvisi"
    # The same sheet again changes nothing.
    again = read_progress(_upload(workbook), access=access)
    assert again.counts() == {"new": 0, "change": 0, "same": 3}
    assert apply_progress_rows(access=access, rows=again.as_json()) == 0
    assert ProgressUpdate.objects.count() == 3


def test_malformed_rows_are_reported_per_row_and_column(personas, two):
    quickwin, other = two
    workbook = _workbook(personas.masterplan)
    sheet = workbook["Kemajuan"]
    sheet.append([quickwin.pk, None, None, None, None, "31/13/2023", 50, "Implementasi", ""])  # row 4
    sheet.append([quickwin.pk, None, None, None, None, "2023-07-01", 150, "Implementasi", ""])  # row 5
    sheet.append([quickwin.pk, None, None, None, None, "2023-08-01", 50, "Selesai", ""])  # row 6
    sheet.append([9999, None, None, None, None, "2023-08-01", 50, "", ""])  # row 7
    sheet.append([quickwin.pk, None, None, None, None, "2023-09-01", None, "", ""])  # row 8
    sheet.append([quickwin.pk, None, None, None, None, "2099-01-01", 10, "", ""])  # row 9
    sheet.append([quickwin.pk, None, None, None, None, "2023-01-31", 35, "", ""])  # row 10: date already in row 2
    reading = read_progress(_upload(workbook), access=access_for(personas.coordinator, personas.masterplan))
    assert not reading.ok
    assert reading.errors == [
        "Baris 4, kolom Tanggal (TTTT-BB-HH): 31/13/2023 bukan tanggal (tulis TTTT-BB-HH).",
        "Baris 5, kolom Kemajuan (%): 150 bukan bilangan bulat 0 sampai 100.",
        "Baris 6, kolom Status: Selesai bukan status yang dikenal (Definisi masalah, Ide, Perencanaan, "
        "Pembangunan, Implementasi, Evaluasi).",
        "Baris 7, kolom ID: quick win dengan ID 9999 tidak ada di masterplan ini.",
        "Baris 8, kolom Kemajuan (%): kemajuan wajib diisi.",
        "Baris 9, kolom Tanggal (TTTT-BB-HH): tanggal 2099-01-01 di masa depan.",
        "Baris 10, kolom Tanggal (TTTT-BB-HH): Serbu Gass sudah dilaporkan untuk tanggal 2023-01-31 "
        f"di baris {_row_of(sheet, quickwin.pk)}.",
    ]


def test_an_opd_member_cannot_report_another_opds_quick_win(personas, two):
    quickwin, other = two
    workbook = _workbook(personas.masterplan)
    sheet = workbook["Kemajuan"]
    sheet.cell(_row_of(sheet, other.pk), 6).value = "2023-03-01"
    sheet.cell(_row_of(sheet, other.pk), 7).value = 20
    reading = read_progress(_upload(workbook), access=access_for(personas.opd_member, personas.masterplan))
    assert len(reading.errors) == 1
    assert "Anda tidak berhak melaporkan kemajuan Puspita (milik Dispar)" in reading.errors[0]


def test_missing_columns_are_named(personas, two):
    workbook = _workbook(personas.masterplan)
    workbook["Kemajuan"].delete_cols(7)
    from core.spreadsheets import SpreadsheetError

    with pytest.raises(SpreadsheetError, match="kolom Kemajuan \\(%\\) tidak ditemukan"):
        read_progress(_upload(workbook), access=access_for(personas.coordinator, personas.masterplan))


def test_import_view_is_all_or_nothing(as_user, personas, two):
    quickwin, other = two
    workbook = _workbook(personas.masterplan)
    sheet = workbook["Kemajuan"]
    sheet.append([quickwin.pk, None, None, None, None, "2023-06-30", 75, "", "baik"])
    sheet.append([quickwin.pk, None, None, None, None, "2023-07-30", "banyak", "", "salah"])
    client = as_user(personas.coordinator)
    url = reverse("quickwins:import", args=[personas.masterplan.pk])
    response = client.post(url, {"file": _upload(workbook)})
    assert response.status_code == 400
    assert "Baris 5, kolom Kemajuan (%): banyak bukan bilangan bulat" in response.content.decode()
    # Nothing was kept to apply, and nothing was written.
    client.post(reverse("quickwins:import_apply", args=[personas.masterplan.pk]))
    assert ProgressUpdate.objects.count() == 1


def test_import_view_preview_then_apply(as_user, personas, two):
    quickwin, other = two
    workbook = _workbook(personas.masterplan)
    workbook["Kemajuan"].append([quickwin.pk, None, None, None, None, "2023-06-30", 75, "", "baik"])
    client = as_user(personas.opd_member)
    response = client.post(reverse("quickwins:import", args=[personas.masterplan.pk]), {"file": _upload(workbook)})
    assert response.status_code == 200
    assert ProgressUpdate.objects.count() == 1  # a preview writes nothing
    assert "1 laporan baru, 0 diubah, 1 tidak berubah." in response.content.decode()
    client.post(reverse("quickwins:import_apply", args=[personas.masterplan.pk]))
    quickwin.refresh_from_db()
    assert quickwin.progress == 75


def test_a_file_that_is_not_a_spreadsheet(as_user, personas):
    url = reverse("quickwins:import", args=[personas.masterplan.pk])
    fake = SimpleUploadedFile("kemajuan.xlsx", b"bukan excel")
    response = as_user(personas.coordinator).post(url, {"file": fake})
    assert response.status_code == 400
    assert "bukan lembar kerja" in response.content.decode()


def test_export_neutralises_formulas(personas):
    QuickWinFactory(masterplan=personas.masterplan, short_name="=HYPERLINK(1)")
    sheet = _workbook(personas.masterplan)["Kemajuan"]
    cell = sheet.cell(2, 2)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_an_opd_member_may_send_back_the_whole_sheet(personas, two):
    """Rows of other OPDs left as exported are skipped, not refused."""
    quickwin, other = two
    record_progress(
        masterplan=other.masterplan,
        quickwin=other,
        date=datetime.date(2023, 2, 1),
        percent=10,
        status="idea",
        note="",
        user=None,
    )
    workbook = _workbook(personas.masterplan)
    workbook["Kemajuan"].append([quickwin.pk, None, None, None, None, "2023-06-30", 75, "", ""])
    reading = read_progress(_upload(workbook), access=access_for(personas.opd_member, personas.masterplan))
    assert reading.errors == []
    assert [(r.label, r.action) for r in reading.rows] == [("Serbu Gass", "same"), ("Serbu Gass", "new")]
