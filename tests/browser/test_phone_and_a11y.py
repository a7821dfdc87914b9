"""Issue 15 in Chromium, at 1366 x 768 and on a 390 x 844 phone: the main working pages fit the phone (no page
wider than the screen, no button beyond its edge), the in-place mapping editor shows its labels, supporting
elements are checkboxes grouped by dimension, bulk mapping asks before replacing and refuses rows changed since
the page was opened, section pages carry a comment box, the export history folds the automatic re-renders, and
axe-core finds no serious or critical problem on the main pages.

One demo database for the whole module (SHARED_DEMO, see conftest), made once (about 20 s) instead of once per
test; each test's changes are rolled back, and each works on rows of its own (its own OPD's programmes)."""

import os
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import restore_reference_data as restore_after_flush

from .conftest import PASSWORD, axe_violations, restore_reference_data

SHARED_DEMO = True
# Each test runs in a transaction rolled back at its end (the live server shares the in-memory SQLite
# connection, so it sees the test's rows): what one test changes, the next never sees.
pytestmark = [
    pytest.mark.django_db,
    # One demo shared by the live server and this module's own connection: on PostgreSQL the test's open
    # transaction holds row locks the server's bulk mapping waits for (15 s timeouts). It runs in the README's
    # `make test` on SQLite; making it transactional on PostgreSQL is left for later.
    pytest.mark.skipif(
        "postgresql" in settings.DATABASES["default"]["ENGINE"],
        reason="shares one demo between the live server and the test's transaction; runs on SQLite",
    ),
]

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]

# Every visible button, submit and button-looking link whose box leaves the screen horizontally.
OFF_SCREEN_JS = """() => {
  const width = document.documentElement.clientWidth, off = [];
  for (const el of document.querySelectorAll('button, input[type=submit], input[type=button], a.btn')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;  // also .visually-hidden
    if (el.closest('details:not([open])')) continue;
    if (box.left < -0.5 || box.right > width + 0.5)
      off.push(`${(el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40)} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, off};
}"""


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """The demo, made once, served by a live server of this module (pytest-django's live_server would flush the
    database after every test). The database is emptied again at the end, reference data restored."""
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    hashers = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])  # as each test
    with django_db_blocker.unblock(), hashers:
        restore_reference_data()
        call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))
        live = LiveServer("localhost")
        live._live_server_modified_settings.enable()
        try:
            yield live
        finally:
            live._live_server_modified_settings.disable()
            live.stop()
            call_command("flush", interactive=False, verbosity=0)
            restore_after_flush()


@pytest.fixture(scope="module")
def mp(server):
    from masterplan.models import Masterplan

    return Masterplan.objects.get(region__code="64.09")


@pytest.fixture
def person(server, browser):  # the database first: Playwright's event loop must not be running while it is made
    contexts = []

    def make(email, viewport):
        context = browser.new_context(base_url=server.url, bypass_csp=True, locale="id-ID", viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto("/akun/masuk/")
        page.fill("#id_username", email)
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/akun/masuk/" not in url)
        return page

    yield make
    for context in contexts:
        context.close()


def main_pages(mp):
    from bimtek.models import Session

    session = Session.objects.filter(stage__masterplan=mp).order_by("pk").first()
    return [
        f"/m/{mp.pk}/rpjmd/pemetaan/",
        f"/m/{mp.pk}/rencana/program/",
        f"/m/{mp.pk}/quick-win/",
        f"/m/{mp.pk}/quick-win/seleksi/",
        f"/m/{mp.pk}/bimtek/",
        f"/m/{mp.pk}/bimtek/sesi/{session.pk}/",
        f"/m/{mp.pk}/bimtek/tindak-lanjut/",
        f"/m/{mp.pk}/review/",
        f"/m/{mp.pk}/buku/",
    ]


def coordinator_pages(mp):
    """The coordinator's pages of the first hour and of the years after (issues 15-17), besides the main ones."""
    from bimtek.models import Session

    session = Session.objects.filter(stage__masterplan=mp).order_by("pk").first()
    return [
        f"/m/{mp.pk}/bimtek/sesi/{session.pk}/peserta/banyak/",
        f"/m/{mp.pk}/bimtek/snapshot/banding/",
        f"/m/{mp.pk}/buku/naskah/",
        f"/m/{mp.pk}/monev/",
        f"/m/{mp.pk}/monev/evaluasi/2024/",
        f"/m/{mp.pk}/monev/sosialisasi/",
    ]


def test_the_coordinators_other_pages_fit_a_phone(person, mp):
    page = person("koordinator@ppu.demo", PHONE)
    problems = {}
    for path in coordinator_pages(mp):
        response = page.goto(path)
        assert response.status == 200, path
        found = page.evaluate(OFF_SCREEN_JS)
        if found["scrollWidth"] > found["width"] or found["off"]:
            problems[path] = found
    assert problems == {}


def programmes_of(acronym):
    """(unmapped, mapped) programmes of one demo OPD, in the mapping table's order."""
    from rpjmd.models import Program

    rows = list(Program.objects.filter(opd__acronym=acronym, opd__region__code="64.09").order_by("order", "code"))
    return [p for p in rows if not p.primary_element_id], [p for p in rows if p.primary_element_id]


@pytest.mark.parametrize("email", ["koordinator@ppu.demo", "dlh@ppu.demo"], ids=["coordinator", "opd_member"])
def test_main_pages_fit_a_phone(person, mp, email):
    page = person(email, PHONE)
    problems = {}
    for path in main_pages(mp):
        page.goto(path)
        found = page.evaluate(OFF_SCREEN_JS)
        if found["scrollWidth"] > found["width"] or found["off"]:
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_main_pages_pass_axe(person, mp, viewport):
    page = person("koordinator@ppu.demo", viewport)
    problems = {}
    for path in [*main_pages(mp), *coordinator_pages(mp), f"/m/{mp.pk}/rencana/visi/", f"/m/{mp.pk}/rpjmd/visi-misi/"]:
        page.goto(path)
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize(
    "viewport, email, acronym",
    [
        pytest.param(DESKTOP, "koordinator@ppu.demo", "DPMPTSP", id="desktop"),
        pytest.param(PHONE, "dispar@ppu.demo", "Dispar", id="phone"),
    ],
)
def test_in_place_editor_shows_its_labels_and_grouped_checkboxes(person, mp, viewport, email, acronym):
    _unmapped, mapped = programmes_of(acronym)
    program = mapped[0]
    page = person(email, viewport)
    page.goto(f"/m/{mp.pk}/rpjmd/pemetaan/?opd={program.opd_id}")
    page.get_by_role("link", name=f"Ubah {program.code}").click()
    form = page.get_by_role("form", name=f"Pemetaan program {program.code}")
    form.wait_for()
    width = page.evaluate("document.documentElement.clientWidth")
    for label in ("Elemen utama", "Alasan pemetaan"):
        box = form.get_by_text(label, exact=True).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (label, box, width)
    group = form.get_by_role("group", name="Elemen pendukung")
    assert group.get_by_role("group").count() == 6  # one per dimension
    assert form.locator("select[multiple]").count() == 0
    living = group.get_by_role("group", name="Smart Living")
    living.get_by_role("checkbox", name="Kesehatan").check()
    living.get_by_role("checkbox", name="Mobilitas").check()
    box = form.get_by_role("button", name="Simpan").bounding_box()
    assert box["x"] + box["width"] <= width
    form.get_by_role("button", name="Simpan").click()
    row = page.locator(f"#program-{program.pk}.table-success")
    row.wait_for()
    assert re.search(r"pendukung: .*Kesehatan, Mobilitas|pendukung: .*Mobilitas, Kesehatan", row.inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(
    "viewport, email, acronym",
    [
        pytest.param(DESKTOP, "koordinator@ppu.demo", "Disperindag", id="desktop"),
        pytest.param(PHONE, "dlh@ppu.demo", "DLH", id="phone"),
    ],
)
def test_bulk_mapping_asks_before_replacing_and_refuses_rows_changed_meanwhile(person, mp, viewport, email, acronym):
    from masterplan.models import Element
    from rpjmd import services
    from rpjmd.models import Program

    unmapped, mapped = programmes_of(acronym)
    free, taken, later = unmapped[0], mapped[0], mapped[1]
    page = person(email, viewport)
    mapping = f"/m/{mp.pk}/rpjmd/pemetaan/?opd={free.opd_id}"
    page.goto(mapping)
    for program in (free, taken):
        page.get_by_role("checkbox", name=f"Pilih program {program.code}").check()
    page.get_by_label("Petakan program terpilih ke elemen").select_option(label="Pengelolaan Energi")
    with page.expect_navigation():
        page.get_by_role("button", name="Petakan yang dicentang").click()

    # The confirmation: how many mapped rows change, which ones, from what; nothing written yet.
    assert page.get_by_role("heading", name="Konfirmasi pemetaan massal").is_visible()
    assert (
        "Dari 2 program yang dicentang, 1 sudah dipetakan ke elemen lain"
        in page.locator("#replace-summary").inner_text()
    )
    listed = page.get_by_role("table", name="Pemetaan yang akan diganti").inner_text()
    assert taken.code in listed and taken.primary_element.name in listed and free.code not in listed
    assert Program.objects.get(pk=free.pk).primary_element_id is None
    width = page.evaluate("document.documentElement.clientWidth")
    confirm = page.get_by_role("button", name="Ya, petakan 2 program")
    assert confirm.bounding_box()["x"] + confirm.bounding_box()["width"] <= width
    with page.expect_navigation():
        confirm.click()
    assert page.get_by_text("2 program dipetakan ke Pengelolaan Energi").is_visible()
    energy = Element.objects.get(key="pengelolaan-energi")
    assert {p.primary_element_id for p in Program.objects.filter(pk__in=[free.pk, taken.pk])} == {energy.pk}

    # Somebody changes a row while this page is open: the bulk mapping is refused and names the row.
    page.goto(mapping)
    page.get_by_role("checkbox", name=f"Pilih program {later.code}").check()
    current = Program.objects.get(pk=later.pk)
    from accounts.models import User

    services.map_program(
        program=current,
        element=Element.objects.get(key="komunitas"),
        expected_version=current.version,
        user=User.objects.get(email="koordinator@ppu.demo"),
    )
    page.get_by_label("Petakan program terpilih ke elemen").select_option(label="Pengelolaan Energi")
    with page.expect_navigation():
        page.get_by_role("button", name="Petakan yang dicentang").click()
    assert page.get_by_role("heading", name="Pemetaan massal tidak disimpan").is_visible()
    stale = page.get_by_role("table", name="Program yang diubah orang lain").inner_text()
    assert later.code in stale and "Komunitas" in stale
    assert Program.objects.get(pk=later.pk).primary_element.key == "komunitas"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_visi_dan_misi_has_a_comment_box(person, mp, viewport, request):
    page = person("ahli@kominfo.demo", viewport)
    page.goto(f"/m/{mp.pk}/rencana/visi/")
    thread = page.locator("section.comment-thread").last
    text = f"Arah pembangunan perlu dikaitkan dengan misi RPJMD ({request.node.callspec.id})."
    thread.get_by_label("Komentar").fill(text)
    thread.get_by_role("button", name="Kirim komentar").click()
    page.locator("section.comment-thread").last.get_by_text(text).wait_for()
    page.reload()
    assert page.locator("section.comment-thread").last.get_by_text(text).is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_export_history_folds_old_automatic_exports(person, mp, viewport):
    from books.models import ExportJob

    for book_key, title in (("analisis", "Buku Analisis Strategis"), ("ringkasan", "Buku Ringkasan Eksekutif")):
        for _ in range(6):
            ExportJob.objects.create(
                masterplan=mp, book_key=book_key, book_title=title, status="done", automatic=True, page_count=3, size=9
            )
    jobs = ExportJob.objects.filter(masterplan=mp)
    automatic_books = jobs.filter(automatic=True).values("book_key").distinct().count()
    folded = jobs.filter(automatic=True).count() - automatic_books
    page = person("ahli@kominfo.demo", viewport)
    page.goto(f"/m/{mp.pk}/buku/")
    history = page.locator("#export-history tbody tr")
    assert history.filter(has_text="otomatis").count() == automatic_books
    assert history.count() == jobs.filter(automatic=False).count() + automatic_books
    details = page.locator("#older-automatic")
    assert details.locator("summary").inner_text().startswith(f"{folded} ekspor otomatis lama")
    assert not details.locator("tbody tr").first.is_visible()  # folded
    details.locator("summary").click()
    assert details.locator("tbody tr").first.is_visible()
    found = page.evaluate(OFF_SCREEN_JS)
    assert found["scrollWidth"] <= found["width"] and found["off"] == []
