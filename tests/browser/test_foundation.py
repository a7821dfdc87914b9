"""Each demo role logs in and opens the dashboard; the pages pass axe-core's WCAG 2.1 AA checks."""

import pytest

from masterplan.models import Masterplan

from .conftest import axe_violations, login

ROLES = [
    ("koordinator@ppu.demo", "Koordinator (Diskominfo)", True),
    ("dlh@ppu.demo", "Anggota pokja OPD", False),
    ("ahli@kominfo.demo", "Tenaga ahli", False),
    ("pembaca@ppu.demo", "Pembaca", False),
    ("admin@rancang.demo", "Admin program", True),
]


@pytest.mark.parametrize("email,role_label,manages", ROLES, ids=[r[0].split("@")[0] for r in ROLES])
def test_each_demo_role_opens_the_dashboard(demo, page, email, role_label, manages):
    login(page, email)
    masterplan = Masterplan.objects.get(region__code="64.09")
    page.goto("/")  # one masterplan lands on its dashboard at once (accounts/login.py): open it from the list
    page.locator("article.card-masterplan a", has_text=masterplan.region.name).click()
    page.wait_for_url(f"**/m/{masterplan.pk}/")
    assert page.locator("header .badge", has_text=role_label).count() == 1
    assert page.get_by_text("Profil daerah").is_visible()
    assert (page.get_by_role("link", name="Ubah data masterplan").count() == 1) is manages
    assert (page.get_by_role("link", name="Kelola anggota").count() == 1) is manages


def test_pages_meet_wcag_basics(demo, page):
    login(page, "koordinator@ppu.demo")
    masterplan = Masterplan.objects.get(region__code="64.09")
    problems = {}
    for path in [
        "/",
        f"/m/{masterplan.pk}/",
        f"/m/{masterplan.pk}/anggota/",
        f"/m/{masterplan.pk}/opd/",
        f"/m/{masterplan.pk}/ubah/",
    ]:
        page.goto(path)
        found = axe_violations(page)
        if found:
            problems[path] = found
    page.goto("/akun/masuk/")
    assert problems == {}


def test_login_page_is_keyboard_usable_and_language_switches(demo, page):
    page.goto("/akun/masuk/")
    assert axe_violations(page) == []
    assert page.evaluate("document.activeElement.id") == "id_username"  # the email field has the focus
    login(page, "pembaca@ppu.demo")
    page.keyboard.press("Tab")  # the skip link comes first on every page
    assert page.evaluate("document.activeElement.textContent").strip() == "Langsung ke isi"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.select_option("#language-select", "en")
    page.click("nav button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
