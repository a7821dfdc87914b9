"""The coordinator's first hour in a bimtek hall, in Chromium: signing in lands on the one masterplan, the minutes
editor formats without HTML (and the plain textarea works without JavaScript), a pasted attendance list is
previewed, corrected and saved. Screenshots go to /tmp/firsthour-*.png (looked at by hand, never committed)."""

import pytest

from bimtek.models import Attendee, Session
from masterplan.models import Role
from tests.bimtek.factories import SessionFactory, StageFactory
from tests.factories import MasterplanFactory, MembershipFactory, OPDFactory, RegionFactory, UserFactory

from .conftest import restore_reference_data

PASSWORD = "rahasia-uji-123"  # UserFactory's
SHOTS = "/tmp/firsthour-{}.png"


@pytest.fixture
def hall(db):
    restore_reference_data()
    region = RegionFactory(code="64.09", name="Kabupaten Penajam Paser Utara")
    masterplan = MasterplanFactory(region=region)
    OPDFactory(region=region, acronym="DLH", name="Dinas Lingkungan Hidup")
    OPDFactory(region=region, acronym="Dispar", name="Dinas Pariwisata")
    OPDFactory(region=region, acronym="Diskominfo", name="Dinas Komunikasi dan Informatika")
    coordinator = UserFactory(email="koordinator@uji.test")
    MembershipFactory(masterplan=masterplan, user=coordinator, role=Role.COORDINATOR)
    return masterplan, coordinator


def _login(page, email):
    page.goto("/akun/masuk/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def test_minutes_editor_formats_without_html(page, hall):
    masterplan, coordinator = hall
    page.set_viewport_size({"width": 1366, "height": 900})
    _login(page, coordinator.email)
    assert page.url.endswith(f"/m/{masterplan.pk}/")  # one masterplan: straight to it
    page.goto(f"/m/{masterplan.pk}/bimtek/tahap/1/sesi/tambah/")
    page.get_by_label("Judul sesi").fill("Bimtek I hari 1")
    page.get_by_label("Mulai").fill("2022-06-13T08:30")
    editor = page.locator(".richtext-editor")
    assert editor.is_visible() and not page.locator("textarea#id_minutes").is_visible()
    editor.click()
    page.get_by_role("button", name="Judul bagian").click()
    page.keyboard.type("Ringkasan")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Paragraf biasa").click()
    page.keyboard.type("Tim ahli memaparkan enam dimensi. ")
    page.get_by_role("button", name="Tebal").click()
    page.keyboard.type("Semua OPD hadir.")
    page.get_by_role("button", name="Tebal").click()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Daftar berbutir").click()
    page.keyboard.type("Analisis kesiapan")
    page.keyboard.press("Enter")
    page.keyboard.type("SWOT per komponen")
    editor.scroll_into_view_if_needed()
    page.locator("#div_id_minutes").screenshot(path=SHOTS.format("minutes-editor"))
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/sesi/*/")
    minutes = Session.objects.get().minutes
    assert "<h3>Ringkasan</h3>" in minutes
    assert "<strong>Semua OPD hadir.</strong>" in minutes
    assert "<ul><li>Analisis kesiapan</li><li>SWOT per komponen</li></ul>" in minutes
    page.locator("#minutes-title").locator("xpath=..").screenshot(path=SHOTS.format("minutes-shown"))


def test_minutes_without_javascript_keep_paragraphs(browser, live_server, hall):
    masterplan, coordinator = hall
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="id-ID")
    page = context.new_page()
    try:
        _login(page, coordinator.email)
        page.goto(f"/m/{masterplan.pk}/bimtek/tahap/1/sesi/tambah/")
        assert page.locator(".richtext-editor").count() == 0
        page.get_by_label("Judul sesi").fill("Sesi tanpa JS")
        page.get_by_label("Mulai").fill("2022-06-13T08:30")
        page.get_by_label("Notulen").fill("Paragraf satu.\nBaris kedua.\n\nParagraf dua.")
        page.get_by_role("button", name="Simpan").click()
        page.wait_for_url("**/sesi/*/")
        assert Session.objects.get().minutes == "<p>Paragraf satu.<br>Baris kedua.</p><p>Paragraf dua.</p>"
    finally:
        context.close()


def test_attendance_paste_preview_fix_and_save(page, hall):
    masterplan, coordinator = hall
    session = SessionFactory(stage=StageFactory(masterplan=masterplan), title="Bimtek I hari 1")
    page.set_viewport_size({"width": 1366, "height": 900})
    _login(page, coordinator.email)
    page.goto(f"/m/{masterplan.pk}/bimtek/sesi/{session.pk}/")
    page.get_by_role("link", name="Tambah banyak peserta (tempel atau unggah)").click()
    box = page.get_by_label("Daftar peserta")
    box.fill(
        "Budi Santoso\tKepala Bidang\tDLH\n"
        "Siti Aminah; Analis; dinas pariwisata\n"
        "Joko Widodo; Staf;\n"
        "Dr. Rina, S.Kom., M.T., Kepala Seksi, Diskominfo\n"
    )
    page.get_by_role("button", name="Lihat pratinjau").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Baris 3: OPD kosong.").is_visible()
    assert page.get_by_role("button", name="Simpan 3 peserta").count() == 0
    page.screenshot(path=SHOTS.format("attendance-errors"), full_page=True)
    box = page.get_by_label("Daftar peserta")
    box.fill(box.input_value().replace("Joko Widodo; Staf;", "Joko Widodo; Staf; DLH"))
    page.get_by_role("button", name="Lihat pratinjau").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("4 peserta terbaca").is_visible()
    page.screenshot(path=SHOTS.format("attendance-preview"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS.format("attendance-preview-phone"), full_page=True)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Simpan 4 peserta").click()
    page.wait_for_url(f"**/sesi/{session.pk}/")
    assert page.get_by_text("4 peserta ditambahkan ke daftar hadir.").is_visible()
    names = sorted(Attendee.objects.filter(session=session).values_list("name", "opd__acronym"))
    assert names == [
        ("Budi Santoso", "DLH"),
        ("Dr. Rina, S.Kom., M.T.", "Diskominfo"),
        ("Joko Widodo", "DLH"),
        ("Siti Aminah", "Dispar"),
    ]
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#attendees-title").locator("xpath=..").screenshot(path=SHOTS.format("attendance-saved"))
