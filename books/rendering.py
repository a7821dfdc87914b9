"""A book as one HTML document: the same HTML is the browser preview and, through WeasyPrint, the PDF.

`book_html(...)` builds the frame (cover, foreword, contents, lists of figures and tables) around the
chapters other apps register (`core.registry.register_chapter`); `render_book(...)` turns it into PDF/A-3b
bytes with the document's metadata and bookmarks. Uploads (the logo, photos) are read through the storage API
and inlined as data: URLs; nothing is fetched from the network (core.pdf).
"""

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import registry
from core.pdf import render_document, static_uri

# Bump when the frame or the print CSS changes, so stored exports are not reused across versions.
FRAME_VERSION = "5"
PDF_VARIANT = "pdf/a-3b"
LOGO_MAX_BYTES = 3 * 1024 * 1024
LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class RenderError(Exception):
    """A book could not be made; the message (Indonesian) is shown to the user."""


@dataclass
class Caption:
    id: str
    text: str
    appendix: bool = False


@dataclass
class RenderedChapter:
    key: str
    title: str
    appendix: bool
    html: str
    sections: list = field(default_factory=list)  # [(id, text)]


_TABLE = re.compile(
    r'<table\b([^>]*\bclass="[^"]*\bbook-table\b[^"]*"[^>]*)>(\s*)<caption([^>]*)>(.*?)</caption>', re.S
)
_FIGURE = re.compile(
    r'<figure\b([^>]*\bclass="[^"]*\bbook-figure\b[^"]*"[^>]*)>(.*?)<figcaption([^>]*)>(.*?)</figcaption>', re.S
)
_H2 = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.S)
# `<img data-book-media="masterplan/<id>/...">` in a chapter: an upload of this masterplan, inlined as data: URL.
_MEDIA_IMG = re.compile(r'<img\b([^>]*?)\sdata-book-media="([^"<>]*)"([^>]*)>')
_PREFIX = re.compile(r"^\s*(Tabel|Gambar|Table|Figure)\s*:\s*", re.I)


def _without_prefix(caption_html):
    return _PREFIX.sub("", caption_html, count=1)


def _number_parts(html, prefix, tables, figures, appendix=False):
    """Give tables, figures and sections ids (for the lists and the contents) and drop the "Tabel:" prefix
    of captions, which the print CSS replaces with a numbered label."""
    sections = []

    def table(match):
        attrs, space, cap_attrs, caption = match.groups()
        ident = f"{prefix}-t{len(tables) + 1}"
        caption = _without_prefix(caption)
        tables.append(Caption(ident, mark_safe(strip_tags(caption)), appendix))
        return f'<table id="{ident}"{attrs}>{space}<caption{cap_attrs}>{caption}</caption>'

    def figure(match):
        attrs, body, cap_attrs, caption = match.groups()
        ident = f"{prefix}-g{len(figures) + 1}"
        caption = _without_prefix(caption)
        figures.append(Caption(ident, mark_safe(strip_tags(caption)), appendix))
        return f'<figure id="{ident}"{attrs}>{body}<figcaption{cap_attrs}>{caption}</figcaption>'

    def heading(match):
        attrs, text = match.groups()
        if " id=" in attrs:
            ident = re.search(r'\bid="([^"]*)"', attrs).group(1)
        else:
            ident = f"{prefix}-s{len(sections) + 1}"
            attrs = f' id="{ident}"{attrs}'
        sections.append((ident, mark_safe(strip_tags(text))))
        return f"<h2{attrs}>{text}</h2>"

    html = _TABLE.sub(table, html)
    html = _FIGURE.sub(figure, html)
    html = _H2.sub(heading, html)
    return html, sections


def render_chapters(masterplan, book_key):
    """(chapters, tables, figures). A chapter that fails raises RenderError naming it."""
    chapters, tables, figures = [], [], []
    for index, chapter in enumerate(registry.chapters(book_key), start=1):
        try:
            context = {**chapter.context(masterplan), "masterplan": masterplan}
            html = render_to_string(chapter.template, context)
        except Exception as error:  # a chapter's bug must say where it is
            raise RenderError(
                _("Bab “%(title)s” (%(key)s) gagal disusun: %(error)s")
                % {"title": chapter.title, "key": chapter.key, "error": str(error)[:300] or type(error).__name__}
            ) from error
        html = _inline_media(html, masterplan)
        html, sections = _number_parts(html, f"c{index}", tables, figures, chapter.appendix)
        chapters.append(RenderedChapter(chapter.key, chapter.title, chapter.appendix, mark_safe(html), sections))
    return chapters, tables, figures


def _inline_media(html, masterplan):
    """Chapters name an image of the masterplan's own uploads (`data-book-media`, a name in the media storage);
    it is inlined as a data: URL, so the preview and the PDF show it and nothing else is read. An image
    outside the masterplan's folder, missing or not PNG/JPEG is left out."""
    if "data-book-media" not in html:
        return html

    def image(match):
        before, name, after = match.groups()
        uri = media_data_uri(masterplan, unescape(name))
        return f'<img{before} src="{uri}"{after}>' if uri else ""

    return _MEDIA_IMG.sub(image, html)


def media_data_uri(masterplan, name):
    """An upload of this masterplan (a file name in the media storage, below masterplan/<id>/) as a data: URL
    (PNG or JPEG only), or "" when it lies elsewhere, is missing or unusable. Read through the storage API, so
    the books work the same with MEDIA_STORAGE=s3 as with a folder."""
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


def book_html(masterplan, book, *, draft=True, for_pdf=True, today=None, back_url=""):
    """The whole book as an HTML string. `for_pdf` links the stylesheet as a local file (WeasyPrint)
    instead of a /static/ URL (the browser)."""
    if not draft and not is_final_allowed(masterplan):
        raise RenderError(_("Versi final hanya dapat dibuat setelah masterplan disetujui."))
    chapters, tables, figures = render_chapters(masterplan, book.key)
    region = masterplan.region
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
        "css_href": static_uri("books/book.css") if for_pdf else static("books/book.css"),
        "for_pdf": for_pdf,
        "back_url": "" if for_pdf else back_url,
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
    return render_document(html, pdf_variant=PDF_VARIANT, pdf_identifier=None)
