"""The main journey from an EMPTY region (issue 13): `create_masterplan 73.22 --cohort 2022`, a programme admin,
and nothing else. Everything after that goes through the pages: the admin adds an OPD and invites the
coordinator, an OPD member and an expert; they accept by the mailed link and set passwords; the coordinator
imports an RPJMD workbook; the OPD member maps programmes; the coordinator records a bimtek session and a quick
win and submits every section; the expert asks for changes on one, the coordinator resubmits it, the expert
approves all; the final books are exported and every PDF is downloaded.

The demo hides first-day failures (an OPD list that already exists, an RPJMD already imported); this test
has none of that. Its twin from the demo is test_journey_demo.py.
"""

import os

import pytest
from django.core.management import call_command

from accounts.models import User
from masterplan.models import Masterplan

from ..books.helpers import pdf_text
from . import journey
from .conftest import PASSWORD, restore_reference_data

REGION = "Kabupaten Luwu Utara"
ADMIN = "admin@kominfo.test"
COORDINATOR = "kominfo@luwuutarakab.test"
OPD_MEMBER = "dlh@luwuutarakab.test"
EXPERT = "ahli@ugm.test"
YEARS = list(range(2021, 2027))
BOOKS = ["Buku Analisis Strategis", "Buku Masterplan Smart City", "Buku Ringkasan Eksekutif", "Buku Quick Win"]
TABS = ["Ringkasan", "Bimtek", "RPJMD", "Rencana", "Quick Win", "Buku", "Monev", "Review"]
PROGRAMMES = ["2.11.02", "2.11.11", "2.16.03", "3.26.03"]  # DLH, DLH, Diskominfo, Dispar


@pytest.fixture
def empty_region(journey_settings):
    restore_reference_data()
    with open(os.devnull, "w") as devnull:
        call_command("load_regions", stdout=devnull)
        call_command("create_masterplan", "73.22", "--cohort", "2022", stdout=devnull)
    User.objects.create_user(email=ADMIN, password=PASSWORD, is_staff=True, first_name="Admin", last_name="Program")
    return Masterplan.objects.get(region__code="73.22", cohort__year=2022)


def test_journey_from_an_empty_region(empty_region, actors):
    masterplan = empty_region
    clock = journey.Clock()  # pytest -s shows each step's time
    admin = actors("admin")
    journey.login(admin, ADMIN)
    journey.open_masterplan(admin, REGION, masterplan.pk)
    page = admin.page

    clock("enrolment")
    # The region is enrolled already (create_masterplan): the enrolment page refuses a duplicate.
    page.get_by_role("link", name="Masterplan saya").first.click()
    page.locator("main").get_by_role("link", name="Daftarkan daerah", exact=True).click()
    journey.field(page, "Kode wilayah Kemendagri").fill("73.22")
    journey.field(page, "Tahun angkatan").fill("2022")
    journey.field(page, "Tahun awal masterplan").fill("2023")
    journey.field(page, "Tahun akhir masterplan").fill("2032")
    journey.submit(page, page.get_by_role("button", name="Buat masterplan"))
    assert page.get_by_text(f"{REGION} sudah terdaftar di angkatan 2022.").is_visible()
    journey.open_masterplan(admin, REGION, masterplan.pk)

    clock("invitations")
    # The admin creates the region's first OPD, then invites three people.
    page.get_by_role("link", name="Kelola OPD").click()
    assert page.get_by_text("Belum ada OPD.").is_visible()
    journey.field(page, "Nama").fill("Dinas Lingkungan Hidup")
    journey.field(page, "Singkatan").fill("DLH")
    journey.field(page, "Jenis").select_option(label="Dinas")
    journey.submit(page, page.get_by_role("button", name="Tambah"))
    assert page.get_by_role("cell", name="DLH", exact=True).is_visible()

    page.get_by_role("link", name="Ringkasan", exact=True).click()
    page.get_by_role("link", name="Kelola anggota").click()
    journey.invite(page, COORDINATOR, "Koordinator (Diskominfo)")
    journey.invite(page, OPD_MEMBER, "Anggota pokja OPD", opd="DLH")
    journey.invite(page, EXPERT, "Tenaga ahli")
    pending = page.get_by_role("heading", name="Undangan yang belum diterima")
    assert pending.is_visible()

    coordinator, opd_member, expert = actors("koordinator"), actors("dlh"), actors("ahli")
    journey.accept_invitation(coordinator, COORDINATOR, "Andi", position="Kepala Bidang Aptika, Diskominfo")
    journey.accept_invitation(opd_member, OPD_MEMBER, "Sari", position="Pokja DLH")
    journey.accept_invitation(expert, EXPERT, "Budi", position="Tenaga ahli UGM")
    for actor, role in [
        (coordinator, "Koordinator (Diskominfo)"),
        (opd_member, "Anggota pokja OPD"),
        (expert, "Tenaga ahli"),
    ]:
        assert actor.page.locator("header .badge", has_text=role).count() == 1, actor.name
    for actor in (coordinator, opd_member):  # the first day: every tab of the empty masterplan opens
        assert journey.visit_every_tab(actor) == TABS, actor.name
    page.reload()
    assert page.get_by_role("heading", name="Undangan yang belum diterima").count() == 0
    assert page.get_by_role("cell", name=COORDINATOR).is_visible()

    clock("rpjmd import")
    # The coordinator imports the RPJMD 2021-2026; two of its OPDs are new to the portal and are created.
    workbook = journey.rpjmd_workbook_bytes(PROGRAMMES, YEARS, REGION)
    journey.import_rpjmd(
        coordinator,
        workbook,
        filename="rpjmd-luwu-utara-2021-2026.xlsx",
        create_opds=True,
        preview=["RPJMD 2021–2026 akan dibuat.", "Program baru (4)", "OPD baru yang akan dibuat"],
    )
    assert coordinator.page.get_by_text("4 program").first.is_visible()

    clock("mapping")
    # The OPD member maps DLH's programmes: one in place, one with the bulk form; others' are read-only.
    page = opd_member.page
    journey.tab(page, "RPJMD")
    page.get_by_role("link", name="Pemetaan program").click()
    assert page.get_by_text("Program OPD Anda tampil lebih dulu").is_visible()
    assert page.get_by_role("link", name="Petakan 2.16.03").count() == 0  # Diskominfo's
    journey.map_in_place(page, "2.11.11", "Pengelolaan Sampah", "Bank sampah dan TPS3R per kecamatan.")
    journey.map_in_bulk(page, ["2.11.02"], "Proteksi Lingkungan")

    clock("session, quick win, submit")
    # The coordinator records the first bimtek session and a quick win, then submits every section.
    journey.record_session(
        coordinator,
        1,
        "Bimtek I: analisis kesiapan daerah",
        day="2022-06-14",
        venue="Aula Kantor Bupati, Masamba",
        opds=["DLH"],
    )
    journey.add_quickwin(
        coordinator,
        "Si Pilah",
        "Sistem Informasi Pilah Sampah",
        dimension="Smart Environment",
        element="Pengelolaan Sampah",
        opd="DLH",
        year=2023,
        problem="Sampah rumah tangga belum terpilah dan TPA hampir penuh.",
    )
    page = journey.open_review(coordinator)
    sections = journey.section_states(page)
    assert set(sections.values()) == {"Draf"}, sections
    assert page.get_by_text("Belum ada isi").count() > 0  # sections still empty on the first day say so
    assert journey.press_every(page, "Ajukan") == len(sections)
    assert set(journey.section_states(page).values()) == {"Diajukan"}

    clock("changes requested")
    # The expert asks for changes on the quick wins; the coordinator completes the quick win and resubmits.
    page = journey.open_review(expert)
    journey.request_changes(page, "Quick win", "Lengkapi manfaat dan penerima manfaat Si Pilah.")
    assert journey.section_states(page)["Quick win"] == "Perlu perbaikan"
    page = journey.open_notification(coordinator, "Budi meminta perbaikan pada bagian Quick win")
    assert "Lengkapi manfaat" in journey.section_row(page, "Quick win").inner_text()
    journey.tab(page, "Quick Win")
    page.get_by_role("link", name="Si Pilah").first.click()
    page.get_by_role("link", name="Ubah").first.click()
    journey.field(page, "Penerima manfaat (untuk siapa)").fill("Rumah tangga di 12 kecamatan")
    journey.field(page, "Manfaat").fill("Sampah terpilah dari rumah; volume ke TPA turun.")
    journey.submit(page, page.get_by_role("button", name="Simpan"))
    page = journey.open_review(coordinator)
    assert journey.press_every(page, "Ajukan") == 1

    clock("approval")
    # The expert approves every section: the masterplan is approved.
    page = journey.open_review(expert)
    assert journey.press_every(page, "Setujui") == len(sections)
    assert page.get_by_text("Semua bagian disetujui").is_visible()

    clock("books")
    # The expert exports the final books and downloads each PDF.
    page = journey.export_books(expert, "Final")
    assert page.get_by_text("4 ekspor diminta").is_visible()
    books = journey.download_books(page)
    assert sorted(books) == sorted(BOOKS), books.keys()
    for title, pdf in books.items():
        assert pdf.startswith(b"%PDF"), title
    assert "Si Pilah" in pdf_text(books["Buku Quick Win"])
    analysis = pdf_text(books["Buku Analisis Strategis"])
    assert "Luwu Utara" in analysis and "Pengelolaan Persampahan" in analysis

    clock("programme dashboard")
    # The programme admin sees the region approved, every section approved and its final books.
    page = admin.page
    page.get_by_role("link", name="Masterplan saya").first.click()
    page.get_by_role("link", name="Dasbor program: semua daerah per angkatan").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=REGION))
    assert "Disetujui" in row.inner_text() and "19 / 19" in row.inner_text(), row.inner_text()
    assert "(final)" in row.inner_text(), row.inner_text()

    for actor in (admin, coordinator, opd_member, expert):
        assert actor.problems == [], (actor.name, actor.problems)
    clock("done")
