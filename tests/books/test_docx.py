"""Every book as a Word document built from the same HTML as its PDF: Word's heading styles (so Word's own
table of contents works), tables with repeated header rows, charts and photos as pictures, captions in Word's
Caption style. Read back with python-docx and checked against the HTML the PDF is made of."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from lxml import html as lxml_html

from books.docx import html_to_docx

from .test_demo_books import books  # noqa: F401 - the demo and its four books, built once per module

pytestmark = pytest.mark.django_db
BOOKS = ["analisis", "masterplan", "ringkasan", "quickwin"]


def _flat(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _body(html):
    return lxml_html.document_fromstring(html).find(".//main")


@pytest.mark.parametrize("key", BOOKS)
def test_a_book_in_word_has_the_pdfs_headings_tables_figures_and_captions(books, key):  # noqa: F811
    html = books[key].html
    document = Document(io.BytesIO(html_to_docx(html, title=key)))
    main = _body(html)
    headings = {_flat(p.text) for p in document.paragraphs if p.style.name.startswith("Heading")}
    for h1 in main.iter("h1", "h2"):
        assert _flat(h1.text_content()) in headings
    html_tables = list(main.iter("table"))
    assert len(document.tables) == len(html_tables)
    for html_table, table in zip(html_tables, document.tables, strict=True):
        if html_table.find("thead") is not None:
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    captions = {_flat(p.text) for p in document.paragraphs if p.style.name == "Caption"}
    for caption in [*main.iter("figcaption"), *main.iter("caption")]:
        assert _flat(caption.text_content()) in captions
    figures = [f for f in main.iter("figure") if f.find(".//svg") is not None or f.find(".//img") is not None]
    assert len(document.inline_shapes) >= len(figures)
    toc = document.element.body.xpath(".//w:instrText")
    assert any("TOC" in node.text for node in toc)  # Word's own table of contents


def test_the_word_download_is_the_draft_for_members_and_hidden_from_strangers(personas, as_user):
    url = reverse("books:docx", args=[personas.masterplan.pk, "ringkasan"])
    response = as_user(personas.reader).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert (
        response["Content-Disposition"].startswith('attachment; filename="ringkasan-')
        and "-draf.docx" in (response["Content-Disposition"])
    )
    document = Document(io.BytesIO(response.content))
    assert any(p.style.name == "Title" for p in document.paragraphs)
    assert as_user(personas.stranger).get(url).status_code == 404
    unknown = reverse("books:docx", args=[personas.masterplan.pk, "tidak-ada"])
    assert as_user(personas.reader).get(unknown).status_code == 404


def test_render_books_writes_a_word_file_beside_each_pdf(personas, tmp_path):
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "render_books",
        personas.masterplan.region.code,
        "--book",
        "ringkasan",
        "--docx",
        "--out",
        str(tmp_path),
        stdout=out,
    )
    [word] = tmp_path.glob("*.docx")
    assert word.with_suffix(".pdf").exists() and Document(str(word)).paragraphs


@pytest.mark.parametrize("key", BOOKS)
def test_every_book_ends_with_its_abbreviations_from_the_regions_opds_and_the_books_terms(books, key):  # noqa: F811
    main = _body(books[key].html)
    section = main.get_element_by_id("daftar-singkatan")
    rows = {tuple(_flat(td.text_content()) for td in tr.findall("td")) for tr in section.iter("tr")}
    assert ("RPJMD", "Rencana Pembangunan Jangka Menengah Daerah") in rows
    assert ("DLH", "Dinas Lingkungan Hidup") in rows  # an OPD of the demo region


def test_the_opd_list_is_book_content_not_portal_accounts(books):  # noqa: F811
    team = _body(books["analisis"].html).get_element_by_id("tim-penyusun")
    headers = [_flat(th.text_content()) for th in team.iter("th")]
    assert "Singkatan" in headers and "Anggota" not in headers
