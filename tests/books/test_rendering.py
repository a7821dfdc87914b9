"""The books as documents: every book from the demo and from an empty masterplan, metadata, outline, text,
watermark, final only when approved, escaping."""

import pytest

from books.models import Book
from books.rendering import RenderError, book_html, render_book
from core import registry
from masterplan.models import Masterplan
from tests.factories import MasterplanFactory, OPDFactory, RegionFactory

from .helpers import metadata, outline_titles, page_texts, pdf_text

BOOK_KEYS = ["analisis", "masterplan", "ringkasan", "quickwin"]


@pytest.fixture
def demo(db):
    from masterplan import demo

    return demo.populate()


def _render(masterplan, key, draft=True):
    book = Book.objects.for_masterplan(masterplan).get(key=key)
    return render_book(masterplan, book_html(masterplan, book, draft=draft))


def test_default_books_are_data(db):
    mp = MasterplanFactory()
    assert [b.key for b in Book.objects.for_masterplan(mp)] == [*BOOK_KEYS, "monev"]  # monev: made per year
    assert Book.objects.get(key="analisis", cohort=None).title == "Buku Analisis Strategis"


def test_a_cohort_may_have_its_own_set(db):
    mp = MasterplanFactory()
    Book.objects.create(cohort=mp.cohort, key="roadmap", title="Buku Road Map", order=1)
    assert [b.key for b in Book.objects.for_masterplan(mp)] == ["roadmap"]


@pytest.mark.parametrize("key", BOOK_KEYS)
def test_each_demo_book_renders_with_metadata_outline_and_text(demo, key):
    mp = demo.masterplan
    pdf, pages = _render(mp, key)
    info, lang, count = metadata(pdf)
    assert count == pages >= 4  # cover, foreword, contents, at least one chapter page
    book = Book.objects.get(cohort=None, key=key)
    assert info.title == f"{book.title} · {mp.region.name}"
    assert info.author == f"Pemerintah {mp.region.name}"
    assert mp.title in info.subject
    assert lang == "id"
    titles = [title for _depth, title in outline_titles(pdf)]
    assert "Kata Pengantar" in titles and "Daftar Isi" in titles
    for chapter in registry.chapters(key):
        assert any(str(chapter.title) in t for t in titles), (key, chapter.title)
    text = pdf_text(pdf)
    assert book.title in text and "KABUPATEN PENAJAM PASER UTARA" in text
    assert "Puji syukur" in text  # the foreword


def test_analysis_book_says_what_the_data_says(demo):
    pdf, _pages = _render(demo.masterplan, "analisis")
    text = pdf_text(pdf)
    assert "202.067 jiwa" in text  # Region.population of 64.09
    assert "Dinas Komunikasi, Informatika, Statistik dan" in text and "Persandian" in text
    assert "Rina Handayani" in text
    assert (
        "Tabel 5.1. Data pokok wilayah" in text
    )  # the plan's region profile, after the opening chapters, the process and the team
    outline = outline_titles(pdf)
    assert any(depth == 1 and "Tim penyusun" in title for depth, title in outline)  # a section bookmark
    import re

    assert re.search(r"BAB I\s+Pendahuluan[ .]+1\n", text)  # opens with the Pendahuluan
    assert re.search(r"BAB III\s+Proses Penyusunan Masterplan[ .]+\d+\n", text)  # then how the plan was made
    assert re.search(r"Daftar Gambar[ .]+v\n", text)  # front matter in roman numerals (contents: iii-iv)


def test_draft_has_watermark_and_date_on_every_page_but_the_cover(demo):
    pdf, _pages = _render(demo.masterplan, "analisis")
    texts = page_texts(pdf)
    for text in texts:
        assert "DRAF" in text.replace(" ", "").replace("\n", "")
    assert all("DRAF ·" in t for t in texts[1:])


def test_final_has_no_watermark_and_needs_approval(demo):
    mp = demo.masterplan
    with pytest.raises(RenderError, match="disetujui"):
        _render(mp, "ringkasan", draft=False)
    Masterplan.objects.filter(pk=mp.pk).update(status=Masterplan.Status.APPROVED)
    mp.refresh_from_db()
    pdf, _pages = _render(mp, "ringkasan", draft=False)
    assert "DRAF" not in pdf_text(pdf)
    assert "Dokumen final" in pdf_text(pdf)


@pytest.mark.parametrize("key", BOOK_KEYS)
def test_empty_masterplan_with_no_chapters_renders_and_says_so(db, monkeypatch, key):
    monkeypatch.setattr(registry, "_chapters", {})
    mp = MasterplanFactory(foreword="")
    pdf, pages = _render(mp, key)
    text = pdf_text(pdf)
    assert pages == (5 if key == "masterplan" else 4)  # the masterplan has its Lembar Pengesahan
    assert "Belum ada isi" in text
    assert "Puji syukur" in text  # the book's default foreword, signed by the regional head
    assert "BUPATI" in text


def test_empty_masterplan_with_foundation_chapters_says_what_is_missing(db):
    mp = MasterplanFactory(region=RegionFactory(population=None, area_km2=None))
    pdf, _pages = _render(mp, "analisis")
    text = pdf_text(pdf)
    assert "Belum ada perangkat daerah yang dicatat." in text
    assert "Belum ada anggota tim penyusun." in text


def test_hostile_names_render_as_text(db):
    hostile = '<img src="http://evil.test/x.png">'
    region = RegionFactory()
    mp = MasterplanFactory(region=region, title=f"Masterplan {hostile}", foreword=hostile)
    OPDFactory(region=region, acronym="X", name=hostile)
    book = Book.objects.get(cohort=None, key="analisis")
    html = book_html(mp, book)
    assert '<img src="http://evil' not in html
    assert "&lt;img src=&quot;http://evil.test/x.png&quot;&gt;" in html
    pdf, _pages = render_book(mp, html)
    assert 'src="http://evil.test/x.png">' in pdf_text(pdf).replace("\n", " ")


def test_a_broken_chapter_gives_a_readable_error(db, monkeypatch):
    def broken(masterplan):
        raise ValueError("data rusak")

    monkeypatch.setattr(registry, "_chapters", {})
    registry.register_chapter(registry.Chapter("analisis", "rusak", "Bab Rusak", "books/books/team.html", broken, 1))
    mp = MasterplanFactory()
    with pytest.raises(RenderError, match="Bab “Bab Rusak” .*data rusak"):
        book_html(mp, Book.objects.get(cohort=None, key="analisis"))


def test_logo_is_inlined_and_non_images_are_ignored(db, tmp_path):
    import base64

    from django.core.files.base import ContentFile

    from books.rendering import logo_data_uri

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    mp = MasterplanFactory()
    mp.logo.save("logo.png", ContentFile(png))
    assert logo_data_uri(mp).startswith("data:image/png;base64,")
    pdf, _pages = _render(mp, "quickwin")
    assert pdf.startswith(b"%PDF")
    mp.logo.save("logo.png", ContentFile(b"<svg onload=alert(1)>"))
    assert logo_data_uri(mp) == ""


def test_pdf_a3b_markers_fonts_embedded_and_qpdf_clean(db, tmp_path):
    import io
    import subprocess

    from pypdf import PdfReader

    pdf, _pages = _render(MasterplanFactory(), "analisis")
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    path = tmp_path / "buku.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
