"""The books as printed and as PDF files (issue 16): page labels that match the printed numbers, tagged structure,
no font but the embedded Noto ones, and the print stylesheet's rules for rows, totals and acronyms."""

import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings

from books.models import Book
from books.rendering import book_html, render_book
from tests.factories import MasterplanFactory

from .helpers import page_texts

SYMBOLS = "Waktu tanggap ≤ 15 menit, ≥ 90% ✓ selesai → lanjut ● ◆ ← 2023–2025"


_RENDERED = {}


@pytest.fixture
def pdf(db):
    """One small book, rendered once for this module's tests (the file does not depend on the test)."""
    if "pdf" not in _RENDERED:
        from books.models import Edition

        masterplan = MasterplanFactory()
        Edition.objects.create(masterplan=masterplan, book_key="analisis", foreword=SYMBOLS)  # the book's own foreword
        book = Book.objects.for_masterplan(masterplan).get(key="analisis")
        _RENDERED["pdf"] = render_book(masterplan, book_html(masterplan, book))[0]
    return _RENDERED["pdf"]


def _labels(document):
    nums = list(document.Root.PageLabels.Nums)
    return [(int(nums[i]), str(nums[i + 1].S), int(nums[i + 1].St)) for i in range(0, len(nums), 2)]


def test_page_labels_follow_the_printed_numbers(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as document:
        labels = _labels(document)
        pages = len(document.pages)
    assert labels[0] == (0, "/r", 1)  # cover and front matter: i, ii, ...
    body, style, start = labels[1]
    assert (style, start) == ("/D", 1) and 1 < body < pages
    texts = page_texts(pdf)
    assert texts[body].split()[-1] == "1" or re.search(r"\b1\s*$", texts[body])
    assert "ii" in texts[1].split()  # the first front page prints ii: the cover is i


def test_the_pdf_is_tagged_and_still_pdf_a_3b(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root
        assert root.MarkInfo.Marked is True
        tree = root.StructTreeRoot
        kinds = set()

        def walk(node, depth=0):
            if depth > 12 or not isinstance(node, pikepdf.Dictionary):
                return
            if "/S" in node:
                kinds.add(str(node.S))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid, depth + 1)

        walk(tree)
        assert {"/H1", "/P"} <= kinds
        xmp = root.Metadata.read_bytes().decode()
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_no_glyph_falls_back_to_a_system_font(pdf, tmp_path):
    with pikepdf.open(io.BytesIO(pdf)) as document:
        fonts = set()
        for page in document.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                fonts.add(str(font.BaseFont).split("+", 1)[-1])
    assert fonts and all(name.startswith("Noto-Sans") for name in fonts), fonts
    assert any("Math" in name for name in fonts) and any("Symbols" in name for name in fonts)
    path = tmp_path / "buku.pdf"
    path.write_bytes(pdf)
    listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVu" not in listed
    assert "≤ 15 menit" in subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_the_print_stylesheet_keeps_rows_totals_and_acronyms_together():
    css = (Path(settings.BASE_DIR) / "static/books/book.css").read_text()
    assert "table.book-table tbody tr:first-child { break-after: avoid; }" in css
    assert "table.book-table tbody tr:last-child { break-before: avoid; }" in css
    assert "table.book-table tbody.total, table.book-table tbody.total tr { break-before: avoid; }" in css
    assert re.search(r"td\.opd[^{]*\{[^}]*hyphens: none; overflow-wrap: normal", css)
    assert '"Noto Sans Math"' in css and '"Noto Sans Symbols 2"' in css


def test_a_total_row_never_starts_a_page_alone(db):
    """30 rows and a total fill a page and one line: without the rules "Jumlah" stood alone at the top of page 2."""
    from core.pdf import render_document, static_uri

    rows = "".join(f"<tr><td>Baris {i}</td><td>x</td></tr>" for i in range(1, 31))
    html = (
        f'<html><head><link rel="stylesheet" href="{static_uri("books/book.css")}"></head><body><main class="body">'
        '<div class="chapter-wrap"><section class="chapter"><h1>T</h1><table class="book-table"><caption>Tabel: X'
        f"</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody>{rows}</tbody>"
        '<tbody class="total"><tr><th>Jumlah</th><td>9</td></tr></tbody></table></section></div></main></body></html>'
    )
    pdf, pages = render_document(html)
    texts = page_texts(pdf)
    assert pages == 2
    second = [line for line in texts[1].splitlines() if line.startswith(("Baris", "Jumlah"))]
    assert second[-1].startswith("Jumlah") and len(second) >= 3  # two rows went along with the total


def test_acronym_cells_are_marked_in_the_book_tables():
    root = Path(settings.BASE_DIR) / "templates/books"
    for name in ("plan/monitoring.html", "plan/programmes.html", "plan/applications.html", "rpjmd/pemetaan.html"):
        html = (root / name).read_text()
        assert re.search(r'<td class="opd">(\{\{ [\w.]*acronym|\{% for o in [\w.]*responsible_opds)', html), name
