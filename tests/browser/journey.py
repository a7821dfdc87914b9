"""Steps of the main journey, shared by the empty-region test and its demo twin (issue 13).

Every step goes through the pages a person would use, with role-based locators and the Indonesian labels
the pages show. The ORM is only read, to know the masterplan's id. No step needs a `_workaround_*` helper
today: if a page stops working for a new region, the journey fails at that step.
"""

import re
import time
from pathlib import Path

from django.core import mail

from .conftest import PASSWORD

SHOTS = Path("/tmp/journey")  # screenshots of a failed run, and the downloaded books
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Clock:
    """Prints how long each step took (visible with pytest -s), to keep the journey fast."""

    def __init__(self):
        self.began = self.last = time.monotonic()

    def __call__(self, step):
        now = time.monotonic()
        print(f"[journey] {now - self.began:6.1f}s  +{now - self.last:5.1f}s  {step}")
        self.last = now


class Actor:
    """One person in their own browser context (own cookies), so several can act in turn."""

    def __init__(self, browser, base_url, name):
        self.name = name
        self.context = browser.new_context(base_url=base_url, bypass_csp=True, locale="id-ID", accept_downloads=True)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20000)
        self.problems = []  # server errors and script errors seen along the way
        self.page.on(
            "response",
            lambda r: self.problems.append(f"{r.status} {r.request.method} {r.url}") if r.status >= 500 else None,
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"script error on {self.page.url}: {error}"))
        self.confirmations = []  # what the pages asked before a save (an approval undone, a delete)
        self.page.on("dialog", self._confirm)

    def _confirm(self, dialog):
        """The person reads the question and says yes, as they would to save an edit of an approved section."""
        self.confirmations.append(dialog.message)
        dialog.accept()

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


def open_masterplan(actor, region_name, masterplan_pk):
    page = actor.page
    page.goto("/")
    page.get_by_role("link", name=region_name).first.click()
    page.wait_for_url(f"**/m/{masterplan_pk}/")


def visit_every_tab(actor):
    """Open each tab of the masterplan the actor is on; returns the tab names."""
    page = actor.page
    tabs = page.get_by_role("list", name="Bagian masterplan").get_by_role("link")
    names = [name.strip() for name in tabs.all_inner_texts()]
    for name in names:
        tab(page, name)
        assert page.get_by_role("heading", level=1).count() >= 1, (actor.name, name, page.url)
    return names


def tab(page, name):
    """One of the masterplan's tabs (Ringkasan, Bimtek, RPJMD, ...), waiting for its page."""
    with page.expect_navigation():
        page.get_by_role("list", name="Bagian masterplan").get_by_role("link", name=name, exact=True).click()


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


# RPJMD ---------------------------------------------------------------------------------------------------


def rpjmd_workbook_bytes(codes, years, region_name, *, extra=()):
    """A realistic "Indikasi Rencana Program Prioritas" workbook with the demo programmes of `codes` (all when
    None) and the `extra` records, in code order as an RPJMD lists them."""
    from rpjmd.sample_data import program_records
    from rpjmd.sample_workbook import rpjmd_workbook

    records = [r for r in program_records(years) if codes is None or r["code"] in codes]
    for record in records:
        record["location"] = region_name
    records = sorted([*records, *extra], key=lambda r: [int(part) for part in r["code"].split(".")])
    return rpjmd_workbook(records, years, region_name=region_name)


def import_rpjmd(actor, workbook, *, filename, create_opds=False, preview=()):
    """RPJMD tab -> Impor -> upload -> preview (optionally create the unknown OPDs) -> save. `preview`: texts
    the preview page must show (e.g. "Program baru (4)")."""
    page = actor.page
    tab(page, "RPJMD")
    page.get_by_role("navigation", name="Bagian RPJMD").get_by_role("link", name="Impor").click()
    field(page, "Berkas tabel program (.xlsx atau .csv)").set_input_files(
        {"name": filename, "mimeType": XLSX, "buffer": workbook}
    )
    submit(page, page.get_by_role("button", name="Unggah dan lihat pratinjau"))
    assert "/impor/" in page.url and page.get_by_role("heading", name=re.compile("Pratinjau impor")).is_visible()
    if create_opds:
        page.get_by_role("link", name="Buat semua OPD yang belum terdaftar dari berkas ini").click()
        page.wait_for_url("**buat_opd=1")
    for text in preview:
        assert page.get_by_text(text).first.is_visible(), text
    submit(page, page.get_by_role("button", name="Simpan semua perubahan"))
    assert page.get_by_text("Impor selesai").is_visible()


def map_in_place(page, code, element, reason):
    """The mapping table's "Petakan" button opens the form in the row (htmx); Simpan swaps the row back."""
    page.get_by_role("link", name=f"Petakan {code}").click()
    form = page.get_by_role("form", name=f"Pemetaan program {code}")
    form.get_by_label("Elemen utama").select_option(label=element)
    form.get_by_label("Alasan pemetaan").fill(reason)
    form.get_by_role("button", name="Simpan").click()
    row = page.locator("tr.table-success", has_text=code)
    row.wait_for()
    assert element in row.inner_text()


def map_in_bulk(page, codes, element):
    for code in codes:
        page.get_by_role("checkbox", name=f"Pilih program {code}").check()
    page.get_by_label("Petakan program terpilih ke elemen").select_option(label=element)
    submit(page, page.get_by_role("button", name="Petakan yang dicentang"))
    assert page.get_by_text(f"{len(codes)} program dipetakan ke {element}").is_visible()


# Bimtek and quick wins -----------------------------------------------------------------------------------


def record_session(actor, stage_number, title, *, day, venue, opds, start_stage=True):
    """Bimtek tab -> (Mulai tahap) -> Catat sesi for that stage -> the session's page."""
    page = actor.page
    tab(page, "Bimtek")
    stage = page.get_by_role("region", name=re.compile(rf"^Bimtek {ROMAN[stage_number]}\b"))
    if start_stage:
        submit(page, stage.get_by_role("button", name="Mulai tahap"))
        stage = page.get_by_role("region", name=re.compile(rf"^Bimtek {ROMAN[stage_number]}\b"))
    stage.get_by_role("link", name="Catat sesi").click()
    field(page, "Judul sesi").fill(title)
    field(page, "Mulai").fill(f"{day}T09:00")
    field(page, "Selesai").fill(f"{day}T15:00")
    field(page, "Tempat").fill(venue)
    field(page, "Tenaga ahli yang hadir").fill("Budi (UGM)")
    field(page, "Agenda").fill("Analisis kesiapan daerah\nSWOT per komponen")
    for opd in opds:
        page.get_by_role("checkbox", name=opd, exact=True).check()
    field(page, "Notulen").fill("Pokja OPD memetakan program RPJMD ke enam dimensi.")
    closed = page.get_by_role("checkbox", name=re.compile(r"sudah ditutup; tetap catat sesi ini"))
    if closed.count():  # a stage already closed: the form warns and asks; the coordinator confirms
        assert page.get_by_role("alert").filter(has_text="sudah ditutup").is_visible()
        closed.check()
    submit(page, page.get_by_role("button", name="Simpan"))
    assert page.get_by_text(f"Sesi “{title}” dicatat.").is_visible()


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def add_quickwin(actor, short_name, full_name, *, dimension, element, opd, year, problem):
    """Quick Win tab -> Tambah quick win -> save -> Tandai terpilih (only chosen ones reach Buku Quick Win)."""
    page = actor.page
    tab(page, "Quick Win")
    page.get_by_role("link", name="Tambah quick win").click()
    field(page, "Nama singkat / akronim").fill(short_name)
    field(page, "Nama lengkap").fill(full_name)
    field(page, "Dimensi").select_option(label=dimension)
    field(page, "Elemen").select_option(label=f"{dimension} · {element}")
    field(page, "Jenis inovasi").select_option(label="Program")
    field(page, "Status siklus").select_option(label="Perencanaan")
    field(page, "OPD pemilik").select_option(label=opd)
    field(page, "Tahun kepemilikan").fill(str(year))
    field(page, "Masalah yang diselesaikan").fill(problem)
    submit(page, page.get_by_role("button", name="Simpan"))
    assert page.get_by_text(f"Quick win {short_name} ditambahkan.").is_visible()
    submit(page, page.get_by_role("button", name="Tandai terpilih"))
    assert page.get_by_text(f"{short_name} ditandai sebagai quick win terpilih.").is_visible()


# Review --------------------------------------------------------------------------------------------------


def review_rows(page):
    table = page.get_by_role("table", name="Status review per bagian")
    return table.locator("tbody tr")


def section_row(page, label):
    header = page.get_by_role("rowheader", name=re.compile(rf"^{re.escape(label)}\s+komentar\b"))
    return review_rows(page).filter(has=header)


def section_states(page):
    """{section label: state label} as the review table shows them."""
    states = {}
    for row in review_rows(page).all():
        label = row.get_by_role("rowheader").inner_text().split("komentar")[0].strip()  # then "Belum ada isi"
        states[label] = row.locator(".badge[class*='state-']").first.inner_text().strip()
    return states


def press_every(page, action, limit=60):
    """Press the first button called `action` ("Ajukan", "Setujui") again and again until none is left;
    every press posts and reloads the review page. Returns how many were pressed."""
    buttons = page.get_by_role("button", name=re.compile(rf"^{action}\b"))
    pressed = 0
    while buttons.count():
        assert pressed < limit, f"{action}: still {buttons.count()} buttons after {limit} presses"
        submit(page, buttons.first)
        errors = page.locator(".alert-danger").all_inner_texts()
        assert not errors, errors
        pressed += 1
    return pressed


def open_review(actor):
    tab(actor.page, "Review")
    return actor.page


def request_changes(page, section, note):
    page.get_by_label(f"Apa yang perlu diperbaiki pada {section}").fill(note)
    submit(page, page.get_by_role("button", name=f"Minta perbaikan {section}"))
    assert page.locator(".alert-danger").count() == 0, page.locator(".alert-danger").all_inner_texts()


# Books ---------------------------------------------------------------------------------------------------


def export_books(actor, variant="Final", book="Semua buku"):
    """Books tab -> `book` (every book by default), `variant` -> Ekspor. The render tasks run eagerly after
    the request's commit, so the page it redirects to already lists the finished jobs."""
    page = actor.page
    tab(page, "Buku")
    page.get_by_label("Buku", exact=True).select_option(label=book)
    page.get_by_label("Versi", exact=True).select_option(label=variant)
    with page.expect_navigation(timeout=240_000):
        page.get_by_role("button", name="Ekspor", exact=True).click(timeout=240_000)
    assert page.locator(".alert-danger").count() == 0, page.locator(".alert-danger").all_inner_texts()
    return page


def download_books(page):
    """Download every finished PDF of the export history; returns {book title: bytes}."""
    table = page.get_by_role("table", name="Riwayat ekspor buku")
    files = {}
    for row in table.locator("tbody tr").all():
        title = row.locator("td").first.inner_text().strip()
        with page.expect_download() as info:
            row.get_by_role("link", name="Unduh PDF").click()
        files[title] = Path(info.value.path()).read_bytes()
        SHOTS.mkdir(parents=True, exist_ok=True)
        info.value.save_as(SHOTS / info.value.suggested_filename)  # kept for a look after the run
    return files


def open_notification(actor, text):
    """The bell -> the notification containing `text` -> its "Buka" button; returns the page it leads to."""
    page = actor.page
    page.get_by_role("link", name=re.compile(r"^Pemberitahuan")).click()
    item = page.get_by_role("listitem").filter(has_text=text)
    assert item.count() == 1, page.get_by_role("listitem").all_inner_texts()
    submit(page, item.get_by_role("button", name="Buka"))
    return page
