"""Attendance in bulk: a pasted list or an uploaded sheet is previewed (OPDs matched by name or acronym, refusals by
line), then confirmed all or nothing through the service; the printable attendance sheet."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from bimtek import attendance, services
from bimtek.models import Attendee

from .factories import AttendeeFactory, SessionFactory, StageFactory


@pytest.fixture
def session(personas):
    return SessionFactory(stage=StageFactory(masterplan=personas.masterplan), title="Bimtek I hari 1")


def _urls(personas, session):
    args = [personas.masterplan.pk, session.pk]
    return reverse("bimtek:attendance_preview", args=args), reverse("bimtek:attendance_confirm", args=args)


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("daftar-hadir.xlsx", out.getvalue())


# The reading ---------------------------------------------------------------------------------------


def test_separators_and_opd_matching_by_name_or_acronym(personas, session):
    text = (
        "Nama\tJabatan\tOPD\n"  # a header copied from Excel
        "Budi Santoso\tKepala Bidang\tDLH\n"
        "Siti Aminah; Analis; dinas  PARIWISATA\n"
        "Dr. Rina Wati, S.Kom., M.T., Kepala Seksi, dlh\n"
        "\n"
        "4. Andi, Staf, Dispar\n"
    )
    result = attendance.preview(attendance.lines_from_text(text), session=session)
    assert result.errors == []
    got = [(r.number, r.name, r.position, r.opd.acronym) for r in result.rows]
    assert got == [
        (2, "Budi Santoso", "Kepala Bidang", "DLH"),
        (3, "Siti Aminah", "Analis", "Dispar"),
        (4, "Dr. Rina Wati, S.Kom., M.T.", "Kepala Seksi", "DLH"),
        (6, "Andi", "Staf", "Dispar"),
    ]


def test_unreadable_lines_are_refused_by_line_in_indonesian(personas, session):
    AttendeeFactory(session=session, name="Budi Santoso", opd=personas.opd, institution="")
    text = (
        "Ani; Staf; DLH\n"
        "hanya satu kolom\n"
        "Joko; Staf; Dinas X\n"
        "budi  santoso; Kabid; DLH\n"  # already on the list (case and spacing ignored)
        "Ani; Staf; dlh\n"  # twice in the paste
        "Rudi; Staf;\n"
    )
    result = attendance.preview(attendance.lines_from_text(text), session=session)
    assert [r.name for r in result.rows] == ["Ani", "Joko"]
    assert result.errors == [
        "Baris 2: tidak terbaca; tulis nama, jabatan dan OPD, dipisah tab, titik koma atau koma.",
        "Baris 4: budi  santoso (DLH) sudah ada di daftar hadir.",
        "Baris 5: Ani (DLH) sudah ada di daftar hadir.",
        "Baris 6: OPD kosong.",
    ]
    assert not result.ok


def test_another_regions_opd_is_unknown(personas, session):
    from tests.factories import OPDFactory

    OPDFactory(region=personas.other_masterplan.region, acronym="Bappeda", name="Badan Perencanaan")
    result = attendance.preview(attendance.lines_from_text("Ani; Staf; Bappeda"), session=session)
    assert result.errors == [] and result.rows[0].opd is None and result.rows[0].institution == "Bappeda"
    assert result.notices == [
        "Baris 1: 'Bappeda' bukan OPD daerah ini; dicatat sebagai instansi lain. Periksa ejaannya bila itu OPD."
    ]


def test_people_of_other_institutions_are_saved_with_their_institution(as_user, personas, session):
    preview_url, confirm_url = _urls(personas, session)
    client = as_user(personas.coordinator)
    text = "Dr. Budi Santoso; Tenaga ahli; Kementerian Kominfo\nSiti; Analis; DLH"
    response = client.post(preview_url, {"paste-text": text})
    html = response.content.decode()
    assert response.status_code == 200 and "Simpan 2 peserta" in html
    assert "dicatat sebagai instansi lain" in html and "Kementerian Kominfo" in html
    canonical = response.context["result"].canonical_text()
    assert client.post(confirm_url, {"paste-text": canonical}).status_code == 302
    rows = set(Attendee.objects.values_list("name", "opd__acronym", "institution"))
    assert rows == {("Dr. Budi Santoso", None, "Kementerian Kominfo"), ("Siti", "DLH", "")}
    again = client.post(preview_url, {"paste-text": "Dr. Budi Santoso; Tenaga ahli; kementerian  kominfo"})
    assert "sudah ada di daftar hadir" in again.content.decode()


def test_sheet_with_header_and_number_column(personas, session):
    upload = _xlsx(
        [
            ["DAFTAR HADIR BIMTEK I"],
            [],
            ["No", "Nama", "Jabatan", "Instansi", "Tanda tangan"],
            [1, "Budi Santoso", "Kepala Bidang", "Dinas Lingkungan Hidup", None],
            [2, "Siti", "Analis", "DISPAR", None],
            [3, "Joko", "Staf", "Dinas X", None],
        ]
    )
    result = attendance.preview(attendance.lines_from_upload(upload), session=session)
    assert [(r.number, r.name, r.opd.acronym if r.opd else r.institution) for r in result.rows] == [
        (4, "Budi Santoso", "DLH"),
        (5, "Siti", "Dispar"),
        (6, "Joko", "Dinas X"),
    ]
    assert result.errors == [] and len(result.notices) == 1


# The pages -----------------------------------------------------------------------------------------


def test_paste_preview_then_confirm_writes_every_row(as_user, personas, session):
    preview_url, confirm_url = _urls(personas, session)
    client = as_user(personas.coordinator)
    response = client.post(preview_url, {"paste-text": "Budi; Kabid; DLH\nSiti\tAnalis\tDinas Pariwisata"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 peserta terbaca" in html and "Simpan 2 peserta" in html
    assert not Attendee.objects.exists()  # the preview writes nothing
    text = response.context["result"].canonical_text()
    assert text == "Budi\tKabid\tDLH\nSiti\tAnalis\tDispar"
    response = client.post(confirm_url, {"paste-text": text})
    assert response.status_code == 302
    rows = list(Attendee.objects.order_by("name").values_list("name", "position", "opd__acronym", "session"))
    assert rows == [("Budi", "Kabid", "DLH", session.pk), ("Siti", "Analis", "Dispar", session.pk)]
    assert Attendee.history.filter(history_user=personas.coordinator).count() == 2


def test_preview_with_errors_offers_no_confirm(as_user, personas, session):
    preview_url, _confirm = _urls(personas, session)
    response = as_user(personas.coordinator).post(preview_url, {"paste-text": "Budi; Kabid; DLH\nJoko; Staf;"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Baris 2: OPD kosong." in html
    assert "Simpan" not in html.split("attendance-errors")[1].split("Tempel daftar")[0]
    assert not Attendee.objects.exists()


def test_confirm_is_all_or_nothing(as_user, personas, session):
    _preview, confirm_url = _urls(personas, session)
    response = as_user(personas.coordinator).post(confirm_url, {"paste-text": "Budi\tKabid\tDLH\nhanya satu kolom"})
    assert response.status_code == 400
    assert "Baris 2: tidak terbaca" in response.content.decode()
    assert not Attendee.objects.exists()


def test_service_refuses_a_bad_list_and_writes_nothing(personas, session):
    with pytest.raises(services.AttendanceError) as error:
        services.import_attendees(
            masterplan=personas.masterplan, user=personas.coordinator, session=session, text="Ani; Staf; DLH\nx"
        )
    assert error.value.messages == [
        "Baris 2: tidak terbaca; tulis nama, jabatan dan OPD, dipisah tab, titik koma atau koma."
    ]
    assert not Attendee.objects.exists()


def test_sheet_upload_preview_then_confirm(as_user, personas, session):
    preview_url, confirm_url = _urls(personas, session)
    client = as_user(personas.coordinator)
    upload = _xlsx([["Nama", "Jabatan", "OPD"]] + [[f"Peserta {i}", "Staf", "DLH"] for i in range(1, 61)])
    response = client.post(preview_url, {"upload-sheet": upload})
    assert response.status_code == 200 and "60 peserta terbaca" in response.content.decode()
    assert not Attendee.objects.exists()
    client.post(confirm_url, {"paste-text": response.context["result"].canonical_text()})
    assert Attendee.objects.filter(session=session, opd=personas.opd).count() == 60


def test_hostile_sheet_is_refused(as_user, personas, session):
    preview_url, _confirm = _urls(personas, session)
    client = as_user(personas.coordinator)
    fake = SimpleUploadedFile("daftar.xlsx", b"#!/bin/sh\nrm -rf /\n")
    response = client.post(preview_url, {"upload-sheet": fake})
    assert response.status_code == 400 and "bukan lembar kerja" in response.content.decode()
    html = client.post(preview_url, {"upload-sheet": SimpleUploadedFile("foto.png", b"\x89PNG")}).content.decode()
    assert "bukan jenis yang diizinkan" in html
    assert not Attendee.objects.exists()


def test_too_long_list_is_refused(personas, session):
    text = "\n".join(f"Orang {i}; Staf; DLH" for i in range(attendance.MAX_LINES + 1))
    result = attendance.preview(attendance.lines_from_text(text), session=session)
    assert not result.rows and "paling banyak 500 baris" in result.errors[0]


@pytest.mark.parametrize("who", ["opd_member", "expert", "reader"])
def test_only_the_coordinator_adds_attendance(as_user, personas, session, who):
    preview_url, confirm_url = _urls(personas, session)
    client = as_user(getattr(personas, who))
    assert client.get(preview_url).status_code == 403
    assert client.post(preview_url, {"paste-text": "Ani; Staf; DLH"}).status_code == 403
    assert client.post(confirm_url, {"paste-text": "Ani\tStaf\tDLH"}).status_code == 403
    assert not Attendee.objects.exists()


def test_stranger_gets_404(as_user, personas, session):
    _preview, confirm_url = _urls(personas, session)
    assert as_user(personas.stranger).post(confirm_url, {"paste-text": "Ani\tStaf\tDLH"}).status_code == 404
    assert not Attendee.objects.exists()


# The printable sheet -------------------------------------------------------------------------------


def test_attendance_sheet_pdf_lists_people_then_empty_rows(as_user, personas, session):
    from pypdf import PdfReader

    AttendeeFactory(session=session, name="Budi Santoso", position="Kepala Bidang", opd=personas.opd, institution="")
    url = reverse("bimtek:attendance_pdf", args=[personas.masterplan.pk, session.pk])
    response = as_user(personas.reader).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "DAFTAR HADIR" in text and "Bimtek I hari 1" in text and "Tanda tangan" in text
    assert "Budi Santoso" in text and "Kepala Bidang" in text and "DLH" in text
    assert "40." in text and "41." not in text  # 1 person + 39 empty rows: 40 lines to sign


def test_attendance_sheet_blank_rows_are_bounded(as_user, personas, session):
    from pypdf import PdfReader

    url = reverse("bimtek:attendance_pdf", args=[personas.masterplan.pk, session.pk])
    for asked, last in (("99999", 40), ("500", 200), ("5", 5)):
        response = as_user(personas.coordinator).get(url, {"kosong": asked})
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        assert f"{last}." in text and f"{last + 1}." not in text, asked


def test_a_full_hall_is_written_in_a_constant_number_of_queries(personas, session, django_assert_max_num_queries):
    text = "\n".join(f"Peserta {i}\tStaf\t{'DLH' if i % 2 else 'Dinas Pariwisata'}" for i in range(100))
    # lock the session, the existing attendance, the OPDs, one INSERT of the rows, one of their history, then
    # report_change (review row, masterplan version, experts and coordinators to notify, notifications)
    with django_assert_max_num_queries(25):
        added = services.import_attendees(
            masterplan=personas.masterplan, user=personas.coordinator, session=session, text=text
        )
    assert len(added) == 100 and Attendee.objects.filter(session=session).count() == 100
    assert Attendee.history.filter(history_user=personas.coordinator, history_type="+").count() == 100


def test_sheet_without_an_opd_column_says_so_by_line(personas, session):
    upload = _xlsx([["Nama", "Jabatan"], ["Budi", "Kepala Bidang"]])
    result = attendance.preview(attendance.lines_from_upload(upload), session=session)
    assert not result.rows and result.errors == ["Baris 2: OPD kosong."]
