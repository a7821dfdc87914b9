"""The main journey's twin from the demo (`manage.py demo`: Penajam Paser Utara with its RPJMD, bimtek, quick
wins and review already under way). The same steps as test_journey_empty_region.py, over the demo's rows: the
admin adds an OPD and invites its member and a second expert; the coordinator imports an updated RPJMD; two
OPD members map programmes; the coordinator records a session and a quick win and submits what is left; the
new expert asks for changes on one section, the coordinator resubmits it, the expert approves every section;
the final books are exported and downloaded.
"""

import pytest

from masterplan.models import Masterplan

from ..books.helpers import pdf_text
from . import journey

REGION = "Kabupaten Penajam Paser Utara"
ADMIN = "admin@rancang.demo"
COORDINATOR = "koordinator@ppu.demo"
DLH_MEMBER = "dlh@ppu.demo"
NEW_OPD_MEMBER = "dkp@ppu.test"
NEW_EXPERT = "ahli@unand.test"
YEARS = list(range(2021, 2027))
FISHERIES = {  # a programme of the OPD the admin adds, new to the demo's RPJMD
    "code": "3.25.02",
    "name": "Program Pengelolaan Perikanan Tangkap",
    "opd": "DKP",
    "misi": 2,
    "location": REGION,
    "indicators": [
        {
            "name": "Produksi perikanan tangkap",
            "unit": "ton",
            "baseline": "12.400",
            "targets": {year: str(12_400 + 300 * i) for i, year in enumerate(YEARS, start=1)},
        }
    ],
    "budgets": {year: 2_100_000_000 for year in YEARS},
    "mapping": None,
}


@pytest.fixture
def demo_masterplan(journey_settings, demo):
    return Masterplan.objects.get(region__code="64.09", cohort__year=2022)


def test_journey_from_the_demo(demo_masterplan, actors):
    masterplan = demo_masterplan
    clock = journey.Clock()  # pytest -s shows each step's time
    admin = actors("admin")
    journey.login(admin, ADMIN)
    journey.open_masterplan(admin, REGION, masterplan.pk)
    page = admin.page

    clock("invitations")
    # The admin adds an OPD the demo does not have, then invites its member and a second expert.
    page.get_by_role("link", name="Kelola OPD").click()
    journey.field(page, "Nama").fill("Dinas Kelautan dan Perikanan")
    journey.field(page, "Singkatan").fill("DKP")
    journey.field(page, "Jenis").select_option(label="Dinas")
    journey.submit(page, page.get_by_role("button", name="Tambah"))
    assert page.get_by_role("cell", name="DKP", exact=True).is_visible()
    page.get_by_role("link", name="Ringkasan", exact=True).click()
    page.get_by_role("link", name="Kelola anggota").click()
    journey.invite(page, NEW_OPD_MEMBER, "Anggota pokja OPD", opd="DKP")
    journey.invite(page, NEW_EXPERT, "Tenaga ahli")
    dkp, expert = actors("dkp"), actors("ahli-unand")
    journey.accept_invitation(dkp, NEW_OPD_MEMBER, "Yusuf", position="Pokja DKP")
    journey.accept_invitation(expert, NEW_EXPERT, "Rahmi", position="Tenaga ahli UNAND")
    assert dkp.page.locator("header .badge", has_text="Anggota pokja OPD").count() == 1
    assert expert.page.locator("header .badge", has_text="Tenaga ahli").count() == 1

    clock("rpjmd import")
    # The coordinator imports the RPJMD again with DKP's programme added: one new, the rest unchanged.
    coordinator = actors("koordinator")
    journey.login(coordinator, COORDINATOR)
    journey.open_masterplan(coordinator, REGION, masterplan.pk)
    workbook = journey.rpjmd_workbook_bytes(None, YEARS, REGION, extra=[FISHERIES])
    journey.import_rpjmd(
        coordinator, workbook, filename="rpjmd-ppu-2021-2026-revisi.xlsx", preview=["Program baru (1)"]
    )

    clock("mapping")
    # The new DKP member maps its programme in place; DLH's member maps an unmapped one in bulk.
    page = dkp.page
    journey.tab(page, "RPJMD")
    page.get_by_role("link", name="Pemetaan program").click()
    journey.map_in_place(page, "3.25.02", "Industri", "Hilirisasi hasil tangkapan nelayan.")
    dlh = actors("dlh")
    journey.login(dlh, DLH_MEMBER)
    journey.open_masterplan(dlh, REGION, masterplan.pk)
    journey.tab(dlh.page, "RPJMD")
    dlh.page.get_by_role("link", name="Pemetaan program").click()
    journey.map_in_bulk(dlh.page, ["2.11.05"], "Proteksi Lingkungan")

    clock("session, quick win, submit")
    # The coordinator records a follow-up session of bimtek IV and a quick win, then submits what is left.
    journey.record_session(
        coordinator,
        4,
        "Bimtek IV: tindak lanjut Komitmen Bersama",
        day="2022-10-05",
        venue="Kantor Bupati PPU",
        opds=["DKP"],
        start_stage=False,
    )
    journey.add_quickwin(
        coordinator,
        "Si Nelayan",
        "Sistem Informasi Nelayan dan Harga Ikan",
        dimension="Smart Economy",
        element="Industri",
        opd="DKP",
        year=2023,
        problem="Nelayan menjual hasil tangkapan ke tengkulak tanpa tahu harga pasar.",
    )
    page = journey.open_review(coordinator)
    sections = journey.section_states(page)
    journey.press_every(page, "Ajukan")
    assert set(journey.section_states(page).values()) == {"Diajukan"}

    clock("changes requested")
    # The new expert asks for changes on the quick wins; the coordinator completes the quick win, resubmits.
    page = journey.open_review(expert)
    journey.request_changes(page, "Quick win", "Lengkapi manfaat Si Nelayan.")
    assert journey.section_states(page)["Quick win"] == "Perlu perbaikan"
    page = coordinator.page
    journey.tab(page, "Quick Win")
    page.get_by_role("link", name="Si Nelayan").first.click()
    page.get_by_role("link", name="Ubah").first.click()
    journey.field(page, "Manfaat").fill("Harga ikan terbuka; nelayan menjual langsung ke pembeli.")
    journey.submit(page, page.get_by_role("button", name="Simpan"))
    page = journey.open_review(coordinator)
    assert journey.press_every(page, "Ajukan") == 1

    clock("approval")
    page = journey.open_review(expert)
    assert journey.press_every(page, "Setujui") == len(sections)
    assert page.get_by_text("Semua bagian disetujui").is_visible()

    clock("books")
    # Only Buku Quick Win: the demo's four books are rendered by tests/books/test_demo_books.py, and the
    # empty-region journey exports all four; this keeps the twin within its time.
    page = journey.export_books(expert, "Final", book="Buku Quick Win")
    assert page.get_by_text("1 ekspor diminta").is_visible()
    books = journey.download_books(page)
    assert list(books) == ["Buku Quick Win"] and books["Buku Quick Win"].startswith(b"%PDF")
    quickwins = pdf_text(books["Buku Quick Win"])
    assert "Si Nelayan" in quickwins and "Serbu Gass" in quickwins

    for actor in (admin, coordinator, dkp, dlh, expert):
        assert actor.problems == [], (actor.name, actor.problems)
    clock("done")
