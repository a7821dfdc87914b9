"""Steps of the main journey, shared by the empty-region test and its demo twin (issue 13).

Every step goes through the pages a person would use; the ORM is read only to find the masterplan's id
and, in `_workaround_*` helpers, to stand in for a page that does not work yet (named in the report).
"""

import re
from pathlib import Path

from django.core import mail

from .conftest import PASSWORD

SHOTS = Path("/tmp/journey")


class Actor:
    """One person in their own browser context (own cookies), so several can act in turn."""

    def __init__(self, browser, base_url, name):
        self.name = name
        self.context = browser.new_context(base_url=base_url, bypass_csp=True, locale="id-ID", accept_downloads=True)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20000)

    def shot(self, label):
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{self.name}-{label}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


def login(actor, email, password=PASSWORD):
    page = actor.page
    page.goto("/akun/masuk/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Kata sandi").fill(password)
    page.locator("main").get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def field(page, label):
    """A form field by its label as the page shows it (crispy-forms marks a required field with "*")."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def submit(page, locator):
    """Click a button that posts a form and wait for the page it leads to."""
    with page.expect_navigation():
        locator.click()


def success_message(page):
    return page.locator(".alert-success, .alert.alert-info").all_inner_texts()


def open_masterplan(actor, region_name, masterplan_pk):
    page = actor.page
    page.goto("/")
    page.get_by_role("link", name=region_name).first.click()
    page.wait_for_url(f"**/m/{masterplan_pk}/")


def tab(page, name):
    page.get_by_role("list", name="Bagian masterplan").get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


# Invitations ---------------------------------------------------------------------------------------------


def invite(page, email, role, opd=None):
    field(page, "Email").fill(email)
    field(page, "Peran").select_option(label=role)
    if opd:
        field(page, "OPD (untuk anggota pokja)").select_option(label=opd)
    submit(page, page.get_by_role("button", name="Undang"))
    assert page.get_by_text(f"Undangan dikirim ke {email}.").is_visible()


def invitation_link(email):
    """The link of the newest invitation mail to `email` (django.core.mail.outbox, locmem backend)."""
    messages = [m for m in mail.outbox if email in m.to]
    assert messages, f"no invitation mail to {email}: {[m.to for m in mail.outbox]}"
    found = re.search(r"https?://\S+/undangan/\S+/", messages[-1].body)
    assert found, messages[-1].body
    return found.group(0)


def accept_invitation(actor, email, first_name, position=""):
    """Open the mailed link while signed out, create the account with a password, land on the dashboard."""
    page = actor.page
    page.goto(invitation_link(email))
    field(page, "Nama depan").fill(first_name)
    if position:
        field(page, "Jabatan").fill(position)
    field(page, "Kata sandi").fill(PASSWORD)
    field(page, "Ulangi kata sandi").fill(PASSWORD)
    submit(page, page.get_by_role("button", name="Buat akun dan masuk"))
    assert re.search(r"/m/\d+/$", page.url), page.url
