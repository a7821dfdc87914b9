"""A book as one HTML document: the same HTML is the browser preview and, through WeasyPrint, the PDF.

`book_html(...)` builds the frame (cover, foreword, contents, lists of figures and tables) around the
chapters other apps register (`core.registry.register_chapter`); `render_book(...)` turns it into PDF/A-3b
bytes with the document's metadata and bookmarks. Uploads (the logo, photos) are read through the storage API
and inlined as data: URLs; nothing is fetched from the network (core.pdf).
"""

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import registry
from core.memo import shared_lookups
from core.pdf import render_document, static_uri

from . import front
from .models import Book
from .numbering import number_parts

# Bump when the frame or the print CSS changes, so stored exports are not reused across versions.
FRAME_VERSION = "7"
PDF_VARIANT = "pdf/a-3b"  # tagged too (pdf_tags): headings, paragraphs, tables and figures as structure
BODY_ANCHOR = "isi-buku"  # <main id> of books/book.html: its first page is printed page 1 (page labels)
LOGO_MAX_BYTES = 3 * 1024 * 1024
LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class RenderError(Exception):
    """A book could not be made; the message (Indonesian) is shown to the user."""


@dataclass
class RenderedChapter:
    key: str
    title: str
    appendix: bool
    html: str
    sections: list = field(default_factory=list)  # [(id, text)]


def render_chapters(masterplan, book_key, year=None):
    """(chapters, tables, figures). A chapter that fails raises RenderError naming it. `year`: the year of a
    yearly book (core.registry.YearlyBook), whose chapters' contexts take (masterplan, year)."""
    chapters, tables, figures = [], [], []
    with shared_lookups(masterplan):  # one render: chapters may share a lookup (core.memo)
        for index, chapter in enumerate(registry.chapters(book_key), start=1):
            chapters.append(_render_chapter(masterplan, chapter, index, year, tables, figures))
    return chapters, tables, figures


def _render_chapter(masterplan, chapter, index, year, tables, figures):
    try:
        data = chapter.context(masterplan) if year is None else chapter.context(masterplan, year)
        context = {**data, "masterplan": masterplan, "year": year}
        html = render_to_string(chapter.template, context)
    except Exception as error:  # a chapter's bug must say where it is
        raise RenderError(
            _("Bab “%(title)s” (%(key)s) gagal disusun: %(error)s")
            % {"title": chapter.title, "key": chapter.key, "error": str(error)[:300] or type(error).__name__}
        ) from error
    html, sections = number_parts(
        html, f"c{index}", tables, figures, chapter.appendix, media=lambda name: media_data_uri(masterplan, name)
    )
    return RenderedChapter(chapter.key, chapter.title, chapter.appendix, mark_safe(html), sections)


def media_data_uri(masterplan, name):
    """An upload of this masterplan that a chapter names (`<img data-book-media="name">`, a file name in the media
    storage, below masterplan/<id>/) as a data: URL (PNG or JPEG only), or "" when it lies elsewhere, is missing
    or unusable. Read through the storage API, so the books work the same with MEDIA_STORAGE=s3 as with a folder."""
    path = PurePosixPath(name)
    if len(path.parts) < 3 or path.parts[:2] != ("masterplan", str(masterplan.pk)) or ".." in path.parts:
        return ""
    return _stored_data_uri(default_storage, str(path))


def _data_uri(data):
    mime = next((m for magic, m in LOGO_TYPES.items() if data.startswith(magic)), None)
    if mime is None or len(data) > LOGO_MAX_BYTES:
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def logo_data_uri(masterplan):
    """The region's logo inlined as a data: URL (PNG or JPEG only), or "" when absent or unusable."""
    if not masterplan.logo:
        return ""
    return _stored_data_uri(masterplan.logo.storage, masterplan.logo.name)


def _stored_data_uri(storage, name):
    """A file of a storage (a folder, S3...) as a data: URL, or "" when missing or unusable. Opened afresh from
    the storage: a FieldFile may still hold the handle of its upload."""
    try:
        with storage.open(name, "rb") as handle:
            return _data_uri(handle.read(LOGO_MAX_BYTES + 1))
    except (OSError, ValueError, SuspiciousFileOperation):  # missing (FileNotFoundError), unreadable, a bad name
        return ""


def is_final_allowed(masterplan):
    return masterplan.status in (masterplan.Status.APPROVED, masterplan.Status.FINAL)


def book_year(masterplan, book_key, year=None):
    """The year a yearly book is made for: `year` if it is one of its years, the newest when None; None for a
    book of the masterplan. RenderError when the yearly book has no such year (or none at all)."""
    yearly = registry.yearly_book(book_key)
    if yearly is None:
        return None
    years = list(yearly.years(masterplan))
    if year is None and years:
        return years[0]
    if year not in years:
        if not years:
            raise RenderError(_("Buku ini dibuat per tahun, dan belum ada tahunnya (mis. tahun pelaporan monev)."))
        raise RenderError(
            _("Tahun %(y)s tidak tersedia untuk buku ini; pilihan: %(years)s.")
            % {"y": year, "years": ", ".join(map(str, years))}
        )
    return year


def titled_for_year(book, year):
    """The book with its year in the title (an unsaved copy), or the book itself when `year` is None."""
    if year is None:
        return book
    yearly = registry.yearly_book(book.key)
    copy = Book(pk=book.pk, cohort_id=book.cohort_id, key=book.key, subtitle=book.subtitle, order=book.order)
    copy.title = f"{book.title} {yearly.title_suffix % {'year': year}}"
    return copy


def book_html(masterplan, book, *, draft=True, for_pdf=True, today=None, back_url="", year=None, chapters_of=None):
    """The whole book as an HTML string. `for_pdf` links the stylesheet as a local file (WeasyPrint)
    instead of a /static/ URL (the browser). `year`: for a yearly book, its year (default: the newest).
    `chapters_of`: the registry's book whose chapters it prints (default: the book's own key; an OPD's extract
    prints EXTRACT_BOOK's)."""
    if not draft and not is_final_allowed(masterplan):
        raise RenderError(_("Versi final hanya dapat dibuat setelah masterplan disetujui."))
    with shared_lookups(masterplan):  # the front matter and editions are read once for the frame and chapters
        return _book_html(
            masterplan,
            book,
            draft=draft,
            for_pdf=for_pdf,
            today=today,
            back_url=back_url,
            year=year,
            chapters_of=chapters_of,
        )


def _book_html(masterplan, book, *, draft, for_pdf, today, back_url, year, chapters_of):
    year = book_year(masterplan, book.key, year)
    book = titled_for_year(book, year)
    chapters, tables, figures = render_chapters(masterplan, chapters_of or book.key, year)
    region = masterplan.region
    edition = front.editions(masterplan).get(book.key)
    signer = front.signer(masterplan, book.key, edition=edition)
    context = {
        "masterplan": masterplan,
        "region": region,
        "book": book,
        "draft": draft,
        "today": today or timezone.localdate(),
        "chapters": [c for c in chapters if not c.appendix],
        "appendices": [c for c in chapters if c.appendix],
        "tables": tables,
        "figures": figures,
        "logo": logo_data_uri(masterplan),
        "book_number": front.book_number(Book.objects.for_masterplan(masterplan), book.key),
        "edition_date": signer.date,
        "signer": signer,
        "foreword": front.text(masterplan, book.key, "foreword", book.title, edition),
        "approval": book.key in front.APPROVAL_BOOKS,
        "css_href": static_uri("books/book.css") if for_pdf else static("books/book.css"),
        "for_pdf": for_pdf,
        "back_url": "" if for_pdf else back_url,
        "year": year,
    }
    return render_to_string("books/book.html", context)


def content_hash(html, *, variant):
    digest = hashlib.sha256()
    for part in (FRAME_VERSION, PDF_VARIANT, variant, html):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def render_book(masterplan, html):
    """PDF bytes (PDF/A-3b) of a book's HTML and its page count. Uploads are inlined as data: URLs already
    (`media_data_uri`, `logo_data_uri`): the renderer reads no media folder, only static files."""
    return render_document(html, pdf_variant=PDF_VARIANT, pdf_tags=True, pdf_identifier=None, body_anchor=BODY_ANCHOR)


EXTRACT_BOOK = "ringkasan-opd"  # the chapters of one OPD's extract of the executive summary (plan.opd_summary)


def extract_title(book, opd):
    return _("%(book)s untuk %(opd)s") % {"book": book.title, "opd": opd.name}


def opd_extract_html(masterplan, book, opd, *, draft=True, for_pdf=True, today=None):
    """One OPD's own copy of the executive summary ("Ringkasan Eksekutif untuk Dinas Lingkungan Hidup"): the frame
    of `book` around the chapters registered for the extract, which print only `opd`'s part."""
    from copy import copy

    extract = copy(book)
    extract.title = extract_title(book, opd)
    masterplan.extract_opd = opd  # the extract's chapters read it (plan.opd_summary.context)
    try:
        return book_html(masterplan, extract, draft=draft, for_pdf=for_pdf, today=today, chapters_of=EXTRACT_BOOK)
    finally:
        del masterplan.extract_opd
