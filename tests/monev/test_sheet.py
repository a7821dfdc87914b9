"""The Excel round trip: the same file out and in, errors by row in Indonesian, all or nothing."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from monev import services
from monev.items import PROGRAMME, QUICKWIN, find_item
from monev.models import Realisation, Report
from monev.numbers import normalise_value, parse_rupiah
from monev.sheet import export_sheet, read_sheet

from .conftest import access


@pytest.mark.parametrize(
    "written, amount",
    [
        ("1.250.000", 1_250_000),
        ("1250000", 1_250_000),
        ("Rp 1.250.000", 1_250_000),
        ("Rp1.250.000,-", 1_250_000),
        ("1.250.000,00", 1_250_000),
        ("Rp 2 juta", 2_000_000),
        ("2,5 juta", 2_500_000),
        ("1,2 miliar", 1_200_000_000),
        ("750 ribu", 750_000),
        (1250000, 1_250_000),
        (1250000.0, 1_250_000),
        ("", None),
    ],
)
def test_rupiah_as_people_write_it(written, amount):
    assert parse_rupiah(written) == (None if amount is None else Decimal(amount))


@pytest.mark.parametrize(
    "written, message",
    [
        ("1,250,000", "koma menandai desimal"),
        ("Rp 2 M", "huruf M"),
        ("dua juta", "bukan jumlah rupiah"),
        ("-500", "negatif"),
        ("1.250,50", "tanpa sen"),
        ("85,5", "tanpa sen"),
    ],
)
def test_rupiah_refused_with_a_clear_message(written, message):
    with pytest.raises(ValueError, match=message):
        parse_rupiah(written)


@pytest.mark.parametrize(
    "written, stored",
    [("85,5", "85,5"), ("85.5", "85,5"), (85.5, "85,5"), ("1.250", "1.250"), ("WTP", "WTP"), (120, "120")],
)
def test_indicator_values_are_kept_the_indonesian_way(written, stored):
    assert normalise_value(written) == stored


def _workbook(year, opd=None):
    return load_workbook(io.BytesIO(export_sheet(year, opd_id=opd.pk if opd else None)))


def _upload(workbook):
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("laporan.xlsx", out.getvalue())


def _row(sheet, key):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == key)


COL = {"status": 6, "plan": 7, "budget": 8, "source": 9, "notes": 10, "version": 11}


def _fill(workbook, key, *, status="Berjalan", budget="1.250.000", source="APBD", notes="Catatan", value=None):
    sheet = workbook["Laporan"]
    row = _row(sheet, key)
    for name, content in (("status", status), ("budget", budget), ("source", source), ("notes", notes)):
        sheet.cell(row, COL[name]).value = content
    if value is not None:
        indicators = workbook["Indikator"]
        indicators.cell(_row(indicators, key), 7).value = value
    return row


@pytest.fixture
def items(personas, year, programme, other_programme, quickwin):
    return programme, other_programme, quickwin


def test_export_holds_the_opds_rows_with_plan_and_target(personas, year, items):
    programme, _other, quickwin = items
    workbook = _workbook(year, personas.opd)
    sheet = workbook["Laporan"]
    keys = [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)]
    assert keys == [f"P-{programme.pk}", f"Q-{quickwin.pk}"]  # not Dispar's programme
    assert sheet.cell(2, COL["plan"]).value == 1_500_000
    indicators = workbook["Indikator"]
    assert [indicators.cell(2, c).value for c in (1, 4, 5, 6)] == [
        f"P-{programme.pk}",
        "Bank sampah aktif",
        "unit",
        "120",
    ]


def test_unchanged_export_reads_as_nothing_to_do(personas, year, items):
    reading = read_sheet(
        _upload(_workbook(year, personas.opd)),
        access=access(personas.opd_member, personas.masterplan),
        reporting_year=year,
    )
    assert reading.ok and reading.rows == []


def test_good_file_previews_then_applies_and_round_trips(personas, as_user, year, items):
    programme, _other, quickwin = items
    workbook = _workbook(year, personas.opd)
    _fill(workbook, f"P-{programme.pk}", budget="1.250.000", value="85,5")
    _fill(workbook, f"Q-{quickwin.pk}", status="selesai", budget="Rp 2 juta", source="Swasta / CSR", notes="")
    client = as_user(personas.opd_member)
    url = reverse("monev:import", args=[personas.masterplan.pk, 2024, personas.opd.pk])
    preview = client.post(url, {"file": _upload(workbook)})
    assert preview.status_code == 200, preview.content.decode()[:2000]
    assert "2 laporan baru, 0 diubah, 0 tidak berubah" in preview.content.decode()
    assert not Report.objects.exists()  # nothing written before the apply
    apply = client.post(reverse("monev:import_apply", args=[personas.masterplan.pk, 2024, personas.opd.pk]))
    assert apply.status_code == 302
    report = Report.objects.get(programme=programme)
    assert (report.status, report.budget_realised, report.budget_source) == ("running", 1_250_000, "apbd")
    assert Realisation.objects.get(report=report).value == "85,5"
    assert Report.objects.get(quickwin=quickwin).budget_realised == 2_000_000
    # The downloaded file now holds what was reported and reads back as unchanged
    again = _workbook(year, personas.opd)
    sheet = again["Laporan"]
    row = _row(sheet, f"P-{programme.pk}")
    assert [sheet.cell(row, COL[c]).value for c in ("status", "budget", "source", "version")] == [
        "Berjalan",
        1_250_000,
        "APBD",
        1,
    ]
    reading = read_sheet(_upload(again), access=access(personas.opd_member, personas.masterplan), reporting_year=year)
    assert reading.ok and reading.rows == [] and reading.unchanged == 2


def test_bad_rows_are_named_and_nothing_is_written(personas, year, items):
    programme, _other, quickwin = items
    workbook = _workbook(year, personas.opd)
    good = _fill(workbook, f"P-{programme.pk}", budget="1.250.000")
    bad = _fill(workbook, f"Q-{quickwin.pk}", status="hampir selesai", budget="1,250,000", source="Dana desa")
    workbook["Laporan"].cell(good, COL["budget"]).value = "Rp 2 M"
    reading = read_sheet(
        _upload(workbook), access=access(personas.opd_member, personas.masterplan), reporting_year=year
    )
    assert not reading.ok
    assert (
        f"Baris {good}, kolom Realisasi anggaran: 'Rp 2 M': huruf M bisa berarti miliar atau juta" in reading.errors[0]
    )
    joined = "\n".join(reading.errors)
    assert f"Baris {bad}, kolom Status: hampir selesai bukan status yang dikenal" in joined
    assert f"Baris {bad}, kolom Realisasi anggaran: '1,250,000': koma menandai desimal" in joined
    assert f"Baris {bad}, kolom Sumber dana: Dana desa bukan sumber dana yang dikenal" in joined


def test_one_bad_row_blocks_the_whole_upload_through_the_page(personas, as_user, year, items):
    programme, _other, quickwin = items
    workbook = _workbook(year, personas.opd)
    _fill(workbook, f"P-{programme.pk}")
    _fill(workbook, f"Q-{quickwin.pk}", budget="banyak")
    client = as_user(personas.opd_member)
    response = client.post(
        reverse("monev:import", args=[personas.masterplan.pk, 2024, personas.opd.pk]), {"file": _upload(workbook)}
    )
    assert response.status_code == 400 and "tidak ada yang disimpan" in response.content.decode()
    assert (
        client.post(reverse("monev:import_apply", args=[personas.masterplan.pk, 2024, personas.opd.pk])).status_code
        == 302
    )
    assert not Report.objects.exists()


def test_indicator_sheet_errors_name_the_sheet(personas, year, items):
    programme, *_ = items
    workbook = _workbook(year, personas.opd)
    _fill(workbook, f"P-{programme.pk}")
    indicators = workbook["Indikator"]
    indicators.cell(2, 2).value = 999999
    reading = read_sheet(
        _upload(workbook), access=access(personas.opd_member, personas.masterplan), reporting_year=year
    )
    assert reading.errors == [
        f"Lembar Indikator, baris 2, kolom ID indikator: indikator 999999 bukan indikator P-{programme.pk}."
    ]


def test_another_opds_row_is_refused_when_changed(personas, year, items):
    _programme, other, _quickwin = items
    workbook = _workbook(year)  # the coordinator's file of every OPD
    row = _fill(workbook, f"P-{other.pk}")
    reading = read_sheet(
        _upload(workbook), access=access(personas.opd_member, personas.masterplan), reporting_year=year
    )
    assert reading.errors == [
        f"Baris {row}: Anda tidak berhak melaporkan P-{other.pk} Promosi wisata pesisir (milik Dispar)."
    ]


def test_a_report_changed_in_the_portal_since_the_download_is_not_overwritten(personas, year, items):
    programme, *_ = items
    workbook = _workbook(year, personas.opd)
    services.save_report(
        access=access(personas.coordinator, personas.masterplan),
        reporting_year=year,
        item=find_item(year, kind=PROGRAMME, pk=programme.pk),
        data=services.ReportData("done", None, "", "Dari portal", {}),
        expected_version=None,
    )
    row = _fill(workbook, f"P-{programme.pk}")
    reading = read_sheet(
        _upload(workbook), access=access(personas.opd_member, personas.masterplan), reporting_year=year
    )
    assert len(reading.errors) == 1 and reading.errors[0].startswith(
        f"Baris {row}: laporan P-{programme.pk} sudah diubah"
    )


def test_apply_is_all_or_nothing_when_a_report_changed_after_the_preview(personas, year, items):
    programme, _other, quickwin = items
    member = access(personas.opd_member, personas.masterplan)
    workbook = _workbook(year, personas.opd)
    _fill(workbook, f"P-{programme.pk}")
    _fill(workbook, f"Q-{quickwin.pk}")
    reading = read_sheet(_upload(workbook), access=member, reporting_year=year)
    assert reading.ok and len(reading.rows) == 2
    services.save_report(  # the quick win is reported in the portal between preview and apply
        access=member,
        reporting_year=year,
        item=find_item(year, kind=QUICKWIN, pk=quickwin.pk),
        data=services.ReportData("done", None, "", "Dari portal", {}),
        expected_version=None,
    )
    with pytest.raises(services.SheetRefused):
        services.apply_sheet(access=member, reporting_year=year, rows=reading.as_json(), user=personas.opd_member)
    assert not Report.objects.filter(programme=programme).exists()
    assert Report.objects.get(quickwin=quickwin).notes == "Dari portal"


def test_not_a_spreadsheet_is_refused(personas, as_user, year, items):
    response = as_user(personas.opd_member).post(
        reverse("monev:import", args=[personas.masterplan.pk, 2024, personas.opd.pk]),
        {"file": SimpleUploadedFile("laporan.xlsx", b"PK\x03\x04 broken")},
    )
    assert response.status_code == 400 and "bukan lembar kerja" in response.content.decode()
