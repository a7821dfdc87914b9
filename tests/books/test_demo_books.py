"""The four books of the demo region as documents: the summary's length, one quick-win profile per page with its
photo, names as text (also hostile ones), the analysis opening with how the plan was made and the masterplan
closing with the Komitmen Bersama. The demo is built and the books rendered once for the module."""

import io
import re
import subprocess
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string

from books.models import Book
from books.numbering import number_parts
from books.rendering import book_html, media_data_uri, render_book
from masterplan.models import Masterplan
from quickwins.models import QuickWin
from tests.quickwins.factories import QuickWinFactory

from .helpers import outline_titles

HOSTILE = "<img src=http://example.com/x.png>"


def _pages(pdf):
    """Each page's text (pdftotext -layout), pages split on form feeds."""
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode().split("\f")[:-1]


_RENDERED = {}


@pytest.fixture
def books(db, settings):
    """The demo (plus a quick win with a hostile name) and its four books as HTML, PDF and pages. Rendered by the
    first test that asks and kept for the module's others (the database is rolled back after each test; the
    results are plain data)."""
    if not _RENDERED:
        call_command("demo", stdout=io.StringIO())
        mp = Masterplan.objects.get(region__code="64.09", cohort__year=2022)
        QuickWinFactory(masterplan=mp, short_name=HOSTILE, full_name=f"Nama {HOSTILE} lengkap", chosen=True)
        chosen = list(QuickWin.objects.for_masterplan(mp).chosen().prefetch_related("photos"))
        result = {"mp": mp, "chosen": chosen}
        for book in Book.objects.for_masterplan(mp):
            html = book_html(mp, book)
            pdf, pages = render_book(mp, html)
            result[book.key] = SimpleNamespace(html=html, pdf=pdf, pages=pages, texts=_pages(pdf))
        _RENDERED.update(result)
    return _RENDERED


def _flat(text):
    return re.sub(r"\s+", " ", text)


def test_executive_summary_fits_in_about_fifteen_pages(books):
    summary = books["ringkasan"]
    assert len(summary.texts) == summary.pages
    # about fifteen pages of summary, plus each OPD's own part (its programmes with targets per year and budget,
    # quick wins, open follow-ups, commitment): 22 pages for the demo's OPDs
    assert 10 <= summary.pages <= 30  # with the opening and closing chapters and every OPD's part


def test_each_chosen_quick_win_starts_a_page_of_the_quick_win_book(books):
    texts = books["quickwin"].texts
    starts = []
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # line 0 is the running header (book title, quick win); the page's first line of content follows
        starts.append(lines[1] if len(lines) > 1 else "")
    for quickwin in books["chosen"]:
        heading = re.compile(rf"^2\.\d+\s+{re.escape(quickwin.short_name)}:")  # BAB II, after the Pendahuluan
        assert sum(bool(heading.match(start)) for start in starts) == 1, quickwin.short_name


def test_a_quick_win_name_is_in_the_quick_win_book_and_in_the_summary(books):
    for quickwin in books["chosen"]:
        assert quickwin.short_name in _flat("".join(books["quickwin"].texts)), quickwin.short_name
        assert quickwin.short_name in _flat("".join(books["ringkasan"].texts)), quickwin.short_name


def test_a_hostile_quick_win_name_is_printed_as_text(books):
    for key in ("quickwin", "ringkasan", "masterplan"):
        if key != "masterplan":  # there it wraps inside a narrow table cell
            assert HOSTILE in _flat("".join(books[key].texts)), key
        assert "<img src=http://example.com" not in books[key].html, key
        assert "&lt;img src=http://example.com/x.png&gt;" in books[key].html, key


def test_quick_win_profiles_show_their_first_photo_inlined(books):
    from pypdf import PdfReader

    with_photo = [q for q in books["chosen"] if q.photos.all() and q.photos.all()[0].thumbnail]
    assert with_photo  # the demo's quick wins have photos
    html = books["quickwin"].html
    assert "data-book-media" not in html  # every reference was inlined (or dropped)
    profiles = html.split('<article class="profile"')[1:]
    for quickwin in books["chosen"]:
        profile = next(p for p in profiles if f'id="quickwin-{quickwin.pk}"' in p[:60])
        assert ('src="data:image/jpeg;base64,' in profile) == (quickwin in with_photo), quickwin.short_name
    reader = PdfReader(io.BytesIO(books["quickwin"].pdf))
    assert sum(len(page.images) for page in reader.pages) >= len(with_photo)


def test_media_outside_the_masterplans_folder_is_left_out(books, settings, tmp_path):
    mp = books["mp"]
    settings.MEDIA_ROOT = tmp_path
    other = tmp_path / "masterplan" / str(mp.pk + 1000)
    other.mkdir(parents=True)
    (other / "x.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 10)
    mine = tmp_path / "masterplan" / str(mp.pk)
    mine.mkdir(parents=True, exist_ok=True)
    (mine / "ok.jpg").write_bytes(b"\xff\xd8\xff" + b"1" * 10)
    (mine / "page.html").write_bytes(b"<html>")
    html = (
        f'<img data-book-media="masterplan/{mp.pk + 1000}/x.jpg" alt="a">'
        f'<img data-book-media="masterplan/{mp.pk}/../{mp.pk + 1000}/x.jpg" alt="b">'
        f'<img data-book-media="/etc/passwd" alt="c"><img data-book-media="masterplan/{mp.pk}/page.html" alt="d">'
        f'<img data-book-media="masterplan/{mp.pk}/hilang.jpg" alt="f"><img data-book-media="masterplan/{mp.pk}" alt="g">'
        f'<img data-book-media="masterplan/{mp.pk}/ok.jpg" alt="e">'
    )
    out, _sections = number_parts(html, "c1", [], [], media=lambda name: media_data_uri(mp, name))
    assert out.count("<img") == 1 and 'alt="e"' in out and 'src="data:image/jpeg;base64,' in out


def test_the_strategic_analysis_opens_with_how_the_plan_was_made(books):
    analysis = books["analisis"]
    text = _flat("".join(analysis.texts))
    # after the Pendahuluan (I) and the Landasan Hukum (II), the bimtek's own "how the plan was made" (III)
    assert re.search(r"BAB I Pendahuluan \.+ 1 ", text) and re.search(
        r"BAB III Proses Penyusunan Masterplan \.+ \d+ ", text
    )
    first = next(t for t in analysis.texts if "Tabel 3.1. Tahap bimtek" in t)  # the chapter's first page
    flat = _flat(first)
    for needle in ("Bimtek I", "Bimtek IV", "13 Juni 2022", "Budi Santoso", "Diskominfo"):
        assert needle in flat, needle
    top = [title for depth, title in outline_titles(analysis.pdf) if depth == 0]
    assert top.index("Pendahuluan") == top.index("Daftar Tabel") + 1
    assert top.index("Proses Penyusunan Masterplan") == top.index("Landasan Hukum") + 1


def test_the_masterplan_closes_with_the_komitmen_bersama(books):
    masterplan = books["masterplan"]
    top = [title for depth, title in outline_titles(masterplan.pdf) if depth == 0]
    assert top[-1] == "Komitmen Bersama"
    last = _flat("".join(t for t in masterplan.texts[-6:] if "Komitmen" in t))  # its pages (signatories, OPDs)
    assert re.search(
        r"L\s?AMPIRAN C Komitmen Bersama", last
    )  # letter-spaced label, then the title (A: Daftar Singkatan, B: the team)
    assert "Hamdam" in last and "Plt. Bupati" in last  # a signatory (seed 004); the position wraps in its cell
    assert "Tanda tangan" in last and "Perangkat Daerah Peserta" in last


def test_a_long_roadmap_is_drawn_per_dimension(monkeypatch):
    from plan import roadmap

    monkeypatch.setattr(roadmap, "horizon_bands", lambda mp: [])
    monkeypatch.setattr(roadmap, "quickwin_programme_ids", lambda programmes: set())
    dimensions = [
        SimpleNamespace(pk=i, key=k, name=f"Smart {k}", pattern="diagonal", color="#1f77b4")
        for i, k in enumerate(("governance", "branding", "economy"))
    ]
    programmes = [
        SimpleNamespace(pk=i, name=f"Program {i}", dimension_id=i % 3, start_year=2023, end_year=2025)
        for i in range(90)
    ]
    masterplan = SimpleNamespace(start_year=2023, end_year=2032, years=list(range(2023, 2033)))

    def render(items):
        chart = roadmap.layout(masterplan, items, dimensions, split=True)
        return render_to_string("books/plan/roadmap.html", {"chart": chart, "masterplan": masterplan})

    html = render(programmes[:75])  # 25 per dimension
    assert html.count("<figure") == 3 and html.count("<svg") == 3
    heights = [float(h) for h in re.findall(r'<svg [^>]*viewBox="0 0 680 ([\d.]+)"', html)]
    assert len(heights) == 3 and max(heights) < 680 * 1.35  # 30 rows: no taller than a page at print width
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # each chart's fill patterns have their own ids
    assert "Gambar: Peta jalan program Smart branding 2023–2032" in html
    html = render(programmes)
    assert html.count("<figure") == 6  # 30 per dimension: each in two parts (26 + 4 rows)
    html = render(programmes[:12])
    assert html.count("<figure") == 1
